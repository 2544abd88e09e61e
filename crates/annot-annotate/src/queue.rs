//! Which documents a session walks, and in what order.
//!
//! `--filter` takes comma-separated conditions that must all hold, each
//! `key=value` or `key!=value`; `|` separates alternatives and a final `*`
//! matches a prefix:
//!
//! ```text
//! lang=fr                 metadata: lang, title, date, section, byline, source, or any other key
//! id=01_*                 document id (prefix)
//! date=2019-*,section!=Sport
//! status=skipped|flagged  this annotator's last decision (accepted, rejected, skipped, flagged, none)
//! zone=boilerplate        the document has a zone of that name
//! ```
//!
//! `id` and `status` are checked from the corpus index and the log; the other
//! keys read each document once when the session starts.

use std::collections::BTreeMap;
use std::str::FromStr;

use annot_model::corpus::Corpus;
use annot_model::{Document, Record};

use crate::error::{Result, SessionError};

/// The order documents come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Corpus order (file by file, line by line).
    #[default]
    File,
    /// A shuffle fixed by the seed: same seed, same order, in every session.
    Random(u64),
}

impl FromStr for Order {
    type Err = SessionError;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "file" => Ok(Order::File),
            other => other
                .strip_prefix("random:")
                .and_then(|seed| seed.parse().ok())
                .map(Order::Random)
                .ok_or_else(|| SessionError::Order(s.to_owned())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Condition {
    key: String,
    negate: bool,
    values: Vec<String>,
}

impl Condition {
    fn holds(&self, actual: &[&str]) -> bool {
        let hit = self.values.iter().any(|want| {
            actual.iter().any(|a| match want.strip_suffix('*') {
                Some(prefix) => a.starts_with(prefix),
                None => a == want,
            })
        });
        hit != self.negate
    }
}

/// A parsed `--filter`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    conditions: Vec<Condition>,
}

impl FromStr for Filter {
    type Err = SessionError;

    fn from_str(expr: &str) -> Result<Self> {
        let err = |message: String| SessionError::Filter {
            expr: expr.to_owned(),
            message,
        };
        let mut conditions = Vec::new();
        for part in expr.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, negate, value) = if let Some((k, v)) = part.split_once("!=") {
                (k, true, v)
            } else if let Some((k, v)) = part.split_once('=') {
                (k, false, v)
            } else {
                return Err(err(format!(
                    "'{part}' is not a condition; write key=value, e.g. lang=fr, id=01_*, status=skipped"
                )));
            };
            let key = key.trim();
            if key.is_empty() {
                return Err(err(format!("'{part}' has no key before the =")));
            }
            let values: Vec<String> = value
                .split('|')
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect();
            if values.is_empty() {
                return Err(err(format!("'{part}' has no value after the =")));
            }
            if key == "status" {
                for v in &values {
                    if !["accepted", "rejected", "skipped", "flagged", "none"].contains(&v.as_str())
                    {
                        return Err(err(format!(
                            "status '{v}' is not one of accepted, rejected, skipped, flagged, none"
                        )));
                    }
                }
            }
            conditions.push(Condition {
                key: key.to_owned(),
                negate,
                values,
            });
        }
        Ok(Self { conditions })
    }
}

impl Filter {
    /// Whether any condition needs the document itself (metadata or zones).
    #[must_use]
    pub fn needs_document(&self) -> bool {
        self.conditions
            .iter()
            .any(|c| c.key != "id" && c.key != "status")
    }

    /// Checks the conditions on id and status.
    #[must_use]
    pub fn matches_entry(&self, id: &str, last: Option<&Record>) -> bool {
        self.conditions.iter().all(|c| match c.key.as_str() {
            "id" => c.holds(&[id]),
            "status" => c.holds(&[last.map_or("none", |r| r.status.as_str())]),
            _ => true,
        })
    }

    /// Checks the conditions on metadata and zones.
    #[must_use]
    pub fn matches_document(&self, doc: &Document) -> bool {
        self.conditions.iter().all(|c| {
            let m = &doc.meta;
            let known = match c.key.as_str() {
                "id" | "status" => return true,
                "zone" => {
                    return c.holds(
                        &doc.zones
                            .iter()
                            .map(|z| z.zone.as_str())
                            .collect::<Vec<_>>(),
                    );
                }
                "lang" => m.lang.as_deref(),
                "title" => m.title.as_deref(),
                "date" => m.date.as_deref(),
                "section" => m.section.as_deref(),
                "byline" => m.byline.as_deref(),
                "source" => m.source.as_deref(),
                other => {
                    let v = m.extra.get(other).map(|v| match v {
                        serde_json::Value::String(s) => s.clone(),
                        other => other.to_string(),
                    });
                    return c.holds(&v.as_deref().into_iter().collect::<Vec<_>>());
                }
            };
            c.holds(&known.into_iter().collect::<Vec<_>>())
        })
    }
}

/// The documents of a session, as positions in the corpus index.
///
/// Ordering comes before selection, so a resumed random session keeps the
/// relative order of what is left.
///
/// # Errors
/// A document that cannot be read while checking a metadata filter.
pub fn build(
    corpus: &Corpus,
    latest: &BTreeMap<String, Record>,
    filter: &Filter,
    order: Order,
    redo: bool,
) -> Result<Vec<u32>> {
    let n = u32::try_from(corpus.len()).unwrap_or(u32::MAX);
    let mut items: Vec<u32> = (0..n).collect();
    if let Order::Random(seed) = order {
        annot_model::rng::SplitMix64::new(seed).shuffle(&mut items);
    }
    let entries = corpus.entries();
    items.retain(|&i| {
        let id = entries[i as usize].id.as_str();
        let last = latest.get(id);
        (redo || !last.is_some_and(|r| r.status.is_decided())) && filter.matches_entry(id, last)
    });
    if filter.needs_document() {
        let mut kept = Vec::with_capacity(items.len());
        for i in items {
            let doc = corpus.read_entry(&entries[i as usize])?;
            if filter.matches_document(&doc) {
                kept.push(i);
            }
        }
        items = kept;
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use annot_model::ZoneSpan;

    #[test]
    fn orders_parse() {
        assert_eq!("file".parse::<Order>().unwrap(), Order::File);
        assert_eq!("random:42".parse::<Order>().unwrap(), Order::Random(42));
        assert!(
            "random"
                .parse::<Order>()
                .unwrap_err()
                .to_string()
                .contains("random:SEED")
        );
        assert!("shuffle".parse::<Order>().is_err());
    }

    #[test]
    fn filters() {
        let mut doc = Document::new("01_fr-a", "x");
        doc.meta.lang = Some("fr".into());
        doc.meta.date = Some("2019-02-14".into());
        doc.meta.extra.insert("site".into(), "levant".into());
        doc.zones.push(ZoneSpan {
            start: 0,
            end: 1,
            zone: "body".into(),
        });
        let f = |e: &str| e.parse::<Filter>().unwrap();
        assert!(f("lang=fr").matches_document(&doc));
        assert!(!f("lang=en").matches_document(&doc));
        assert!(f("lang=en|fr,date=2019-*").matches_document(&doc));
        assert!(f("section!=Sport").matches_document(&doc));
        assert!(f("site=levant,zone=body").matches_document(&doc));
        assert!(!f("zone=boilerplate").matches_document(&doc));
        assert!(f("id=01_*").matches_entry("01_fr-a", None));
        assert!(!f("id=02_*").matches_entry("01_fr-a", None));
        assert!(f("status=none").matches_entry("x", None));
        assert!(!f("id=01_*").needs_document());
        assert!(f("lang=fr").needs_document());
        for (bad, says) in [
            ("lang", "key=value"),
            ("=fr", "no key"),
            ("lang=", "no value"),
            ("status=done", "not one of"),
        ] {
            let err = bad.parse::<Filter>().unwrap_err().to_string();
            assert!(err.contains(says), "{bad}: {err}");
        }
    }
}
