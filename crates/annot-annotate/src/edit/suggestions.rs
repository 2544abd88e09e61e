//! Taking and dismissing suggestions.

use annot_model::record::Span;

use super::{Ctx, plural};
use crate::state::DocState;

impl Ctx<'_> {
    /// Indices into the pending list of suggestion numbers (all when `numbers` is empty).
    fn pending_indices(st: &DocState, numbers: &[usize], verb: &str) -> Result<Vec<usize>, String> {
        let pending = &st.current().pending;
        if pending.is_empty() {
            return Err(format!("there are no suggestions to {verb}"));
        }
        if numbers.is_empty() {
            return Ok((0..pending.len()).collect());
        }
        numbers
            .iter()
            .map(|&k| {
                pending.iter().position(|g| g.number == k).ok_or_else(|| {
                    let open: Vec<String> = pending.iter().map(|g| g.number.to_string()).collect();
                    format!(
                        "no suggestion {k}: the ones pending are {}",
                        open.join(", ")
                    )
                })
            })
            .collect()
    }

    /// `y`, `y 2`: turns suggestions into spans.
    ///
    /// # Errors
    /// A number that is not a pending suggestion, or no suggestion at all.
    pub fn take(&self, st: &mut DocState, numbers: &[usize]) -> Result<String, String> {
        let chosen = Self::pending_indices(st, numbers, "take")?;
        let overlap = self.schema.spans.overlap;
        let mut added = 0;
        let mut left_out = 0;
        let describe: Vec<String> = chosen
            .iter()
            .map(|&i| {
                let g = &st.current().pending[i];
                format!("{} {}", g.text, g.label)
            })
            .collect();
        let what = format!("took {}", describe.join(", "));
        // What was taken, each with a few words around its first occurrence,
        // so a wrong suggestion shows before the next command.
        let shown: Vec<String> = chosen
            .iter()
            .map(|&i| {
                let g = &st.current().pending[i];
                let times = if g.occurrences.len() > 1 {
                    format!(" ×{}", g.occurrences.len())
                } else {
                    String::new()
                };
                let (s, e) = g.occurrences[0];
                format!(
                    "{} {}{times} («{}»)",
                    g.text,
                    g.label,
                    self.view.context(s, e, 3)
                )
            })
            .collect();
        st.edit(what, |a| {
            for &i in &chosen {
                let g = a.pending[i].clone();
                for (s, e) in g.occurrences {
                    let clash = a.spans.iter().any(|sp| {
                        (sp.start == s && sp.end == e) || (!overlap && sp.start < e && s < sp.end)
                    });
                    if clash {
                        left_out += 1;
                        continue;
                    }
                    let mut span = Span::from_chars(&self.view.doc.text, s, e, &g.label)
                        .map_err(|e| e.to_string())?;
                    span.source = Some(g.source);
                    a.insert_span(span);
                    added += 1;
                }
            }
            let mut i = 0;
            a.pending.retain(|_| {
                i += 1;
                !chosen.contains(&(i - 1))
            });
            a.prune_pending(overlap);
            Ok(())
        })?;
        let groups = chosen.len();
        let mut msg = format!(
            "accepted {groups} suggestion{} ({added} span{}): {}",
            plural(groups),
            plural(added),
            shown.join(" · ")
        );
        if left_out > 0 {
            msg.push_str(&format!(" · {left_out} left out: they overlap spans"));
        }
        Ok(msg)
    }

    /// `n 2`: dismisses suggestions.
    ///
    /// # Errors
    /// A number that is not a pending suggestion.
    pub fn dismiss(&self, st: &mut DocState, numbers: &[usize]) -> Result<String, String> {
        let chosen = Self::pending_indices(st, numbers, "dismiss")?;
        let names: Vec<String> = chosen
            .iter()
            .map(|&i| {
                let g = &st.current().pending[i];
                format!("{} {}", g.text, g.label)
            })
            .collect();
        let msg = format!("dismissed {}", names.join(", "));
        st.edit(msg.clone(), |a| {
            let mut i = 0;
            a.pending.retain(|_| {
                i += 1;
                !chosen.contains(&(i - 1))
            });
            Ok(())
        })?;
        Ok(msg)
    }
}
