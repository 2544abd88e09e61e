//! Edits of the document as a whole: zones, document labels, the note.

use annot_model::{Zone, ZoneSpan};

use super::{Ctx, zones};
use crate::state::DocState;

impl Ctx<'_> {
    /// `z 3 body`: corrects the zone of paragraphs `first..=last` (1-based).
    ///
    /// # Errors
    /// No such paragraph, or a zone the schema does not list.
    pub fn zone(
        &self,
        st: &mut DocState,
        first: usize,
        last: usize,
        zone: &Zone,
    ) -> Result<String, String> {
        let n = self.view.blocks.len();
        if first == 0 || last < first {
            return Err(format!("paragraphs are numbered 1 to {n}, first to last"));
        }
        if last > n {
            return Err(format!("no ¶{last}: the document has {n} paragraphs"));
        }
        if !self.schema.has_zone(zone) {
            let names: Vec<&str> = self.schema.zones.iter().map(Zone::as_str).collect();
            return Err(format!(
                "'{zone}' is not a zone of the schema ({})",
                names.join(", ")
            ));
        }
        let (s, e) = (
            self.view.blocks[first - 1].start,
            self.view.blocks[last - 1].end,
        );
        let mut next: Vec<ZoneSpan> = Vec::new();
        for z in zones(self.view, st.current()) {
            if z.start < s {
                next.push(ZoneSpan {
                    start: z.start,
                    end: z.end.min(s),
                    zone: z.zone.clone(),
                });
            }
            if z.end > e {
                next.push(ZoneSpan {
                    start: z.start.max(e),
                    end: z.end,
                    zone: z.zone.clone(),
                });
            }
        }
        next.push(ZoneSpan {
            start: s,
            end: e,
            zone: zone.clone(),
        });
        next.sort();
        let paras = if first == last {
            format!("¶{first}")
        } else {
            format!("¶{first}-{last}")
        };
        let msg = format!("{paras} → {zone}");
        let imported = self.view.doc.zones.clone();
        st.edit(msg.clone(), |a| {
            a.zones = if next == imported { None } else { Some(next) };
            Ok(())
        })?;
        Ok(msg)
    }

    /// `topic conflict`, `topic 2`, `-topic conflict`, `-topic`: document labels.
    /// `topic` alone lists the values.
    ///
    /// # Errors
    /// An unknown value.
    pub fn doc_label(
        &self,
        st: &mut DocState,
        set_name: &str,
        value: Option<&str>,
        unset: bool,
    ) -> Result<String, String> {
        let Some(set) = self.schema.label_set(set_name) else {
            return if unset {
                unset_outside_schema(st, set_name, value)
            } else {
                Err(format!("no label set '{set_name}'"))
            };
        };
        if unset
            && let Some(v) = value
            && !set.values.iter().any(|x| x.eq_ignore_ascii_case(v))
            && st
                .current()
                .labels
                .get(&set.name)
                .is_some_and(|vs| vs.iter().any(|x| x == v))
        {
            return unset_outside_schema(st, set_name, value);
        }
        let chosen = st
            .current()
            .labels
            .get(&set.name)
            .cloned()
            .unwrap_or_default();
        let Some(typed) = value else {
            if unset {
                let msg = format!("{}: cleared", set.name);
                st.edit(msg.clone(), |a| {
                    a.labels.remove(&set.name);
                    Ok(())
                })?;
                return Ok(msg);
            }
            let list: Vec<String> = set
                .values
                .iter()
                .enumerate()
                .map(|(i, v)| {
                    format!(
                        "{} {v}{}",
                        i + 1,
                        if chosen.contains(v) { " ✓" } else { "" }
                    )
                })
                .collect();
            return Ok(format!(
                "{}: {}  ({} VALUE or {} NUMBER)",
                set.name,
                list.join(" · "),
                set.name,
                set.name
            ));
        };
        let value = match typed.parse::<usize>() {
            Ok(k) if k >= 1 && k <= set.values.len() => set.values[k - 1].clone(),
            _ => set
                .values
                .iter()
                .find(|v| v.eq_ignore_ascii_case(typed))
                .cloned()
                .ok_or_else(|| {
                    format!(
                        "'{typed}' is not a value of {}: {}",
                        set.name,
                        set.values.join(", ")
                    )
                })?,
        };
        let mut next = chosen.clone();
        if unset {
            next.retain(|v| *v != value);
        } else if set.multi {
            if !next.contains(&value) {
                next.push(value.clone());
            }
            // Keep the schema's order, so records are deterministic.
            next.sort_by_key(|v| set.values.iter().position(|x| x == v));
        } else {
            next = vec![value.clone()];
        }
        if next == chosen {
            return Err(format!(
                "{} is already {}",
                set.name,
                if unset {
                    format!("without {value}")
                } else {
                    value
                }
            ));
        }
        let msg = format!(
            "{}: {}",
            set.name,
            if next.is_empty() {
                "–".to_owned()
            } else {
                next.join(", ")
            }
        );
        st.edit(msg.clone(), |a| {
            if next.is_empty() {
                a.labels.remove(&set.name);
            } else {
                a.labels.insert(set.name.clone(), next);
            }
            Ok(())
        })?;
        Ok(msg)
    }

    /// `note TEXT` / `note`.
    ///
    /// # Errors
    /// Never in practice; the signature matches the other edits.
    pub fn note(&self, st: &mut DocState, note: Option<&str>) -> Result<String, String> {
        let msg = match note {
            Some(n) => format!("note: {n}"),
            None => "note cleared".to_owned(),
        };
        st.edit(msg.clone(), |a| {
            a.note = note.map(str::to_owned);
            Ok(())
        })?;
        Ok(msg)
    }
}

/// `-layer [value]` for a layer or value the schema does not have: removes
/// what the record holds, so labels outside the schema can be taken out.
fn unset_outside_schema(
    st: &mut DocState,
    layer: &str,
    value: Option<&str>,
) -> Result<String, String> {
    let held = st.current().labels.get(layer).cloned().unwrap_or_default();
    if held.is_empty() {
        return Err(format!("no label set '{layer}'"));
    }
    if let Some(v) = value
        && !held.iter().any(|x| x == v)
    {
        return Err(format!(
            "{layer} has no value '{v}': it has {}",
            held.join(", ")
        ));
    }
    let msg = match value {
        Some(v) => format!("{layer}: {v} removed (not in the schema)"),
        None => format!("{layer}: cleared (not in the schema)"),
    };
    let (layer, value) = (layer.to_owned(), value.map(str::to_owned));
    st.edit(msg.clone(), move |a| {
        match &value {
            Some(v) => {
                if let Some(vs) = a.labels.get_mut(&layer) {
                    vs.retain(|x| x != v);
                    if vs.is_empty() {
                        a.labels.remove(&layer);
                    }
                }
            }
            None => {
                a.labels.remove(&layer);
            }
        }
        Ok(())
    })?;
    Ok(msg)
}
