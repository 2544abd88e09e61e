//! The document filter language that every command selecting documents shares.
//!
//! A filter is comma-separated conditions that must all hold, each
//! `key=value` or `key!=value`; `|` separates alternatives and a final `*`
//! matches a prefix:
//!
//! ```text
//! lang=fr                 metadata: lang, title, date, section, byline, source, or any other key
//! id=01_*                 document id (prefix)
//! date=2019-*,section!=Sport
//! status=skipped|flagged  the annotator's last decision (accepted, rejected, skipped, flagged, none)
//! zone=boilerplate        the document has a zone of that name
//! ```
//!
//! `id` and `status` are checked from the corpus index and a log
//! ([`Filter::matches_entry`]); the other keys need the document itself
//! ([`Filter::matches_document`]), so a caller reads documents only when
//! [`Filter::needs_document`] says so.
//!
//! ```
//! use annot_model::filter::Filter;
//!
//! let filter: Filter = "id=01_*,status=none".parse()?;
//! assert!(filter.matches_entry("01_fr-a", None));
//! assert!(!filter.needs_document());
//! # Ok::<(), annot_model::filter::FilterError>(())
//! ```

use std::str::FromStr;

use crate::document::Document;
use crate::record::Record;

/// The values `status=` takes: the four decisions and `none` (no record yet).
const STATUSES: [&str; 5] = ["accepted", "rejected", "skipped", "flagged", "none"];

/// Why a filter expression does not parse; the expression itself is for the caller to name.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FilterError {
    /// A part with neither `=` nor `!=`.
    #[error("'{part}' is not a condition; write key=value, e.g. lang=fr, id=01_*, status=skipped")]
    NotACondition {
        /// The comma-separated part as written.
        part: String,
    },
    /// A condition with nothing before the `=`.
    #[error("'{part}' has no key before the =")]
    NoKey {
        /// The comma-separated part as written.
        part: String,
    },
    /// A condition with nothing after the `=`.
    #[error("'{part}' has no value after the =")]
    NoValue {
        /// The comma-separated part as written.
        part: String,
    },
    /// A `status=` value that is not a decision.
    #[error("status '{value}' is not one of accepted, rejected, skipped, flagged, none")]
    UnknownStatus {
        /// The value as written.
        value: String,
    },
}

/// What a condition looks at.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Key {
    /// The document id (from the corpus index).
    Id,
    /// The annotator's last decision (from the log).
    Status,
    /// The names of the document's zones.
    Zone,
    /// A metadata key, known or not.
    Meta(String),
}

impl Key {
    fn parse(key: &str) -> Self {
        match key {
            "id" => Key::Id,
            "status" => Key::Status,
            "zone" => Key::Zone,
            other => Key::Meta(other.to_owned()),
        }
    }

    /// Whether the key is checked from the corpus index and the log alone.
    fn is_entry(&self) -> bool {
        matches!(self, Key::Id | Key::Status)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Condition {
    key: Key,
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

/// A parsed filter; the empty filter matches every document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    conditions: Vec<Condition>,
}

impl FromStr for Filter {
    type Err = FilterError;

    fn from_str(expr: &str) -> Result<Self, FilterError> {
        let mut conditions = Vec::new();
        for part in expr.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (key, negate, value) = if let Some((k, v)) = part.split_once("!=") {
                (k, true, v)
            } else if let Some((k, v)) = part.split_once('=') {
                (k, false, v)
            } else {
                return Err(FilterError::NotACondition {
                    part: part.to_owned(),
                });
            };
            let key = key.trim();
            if key.is_empty() {
                return Err(FilterError::NoKey {
                    part: part.to_owned(),
                });
            }
            let values: Vec<String> = value
                .split('|')
                .map(|v| v.trim().to_owned())
                .filter(|v| !v.is_empty())
                .collect();
            if values.is_empty() {
                return Err(FilterError::NoValue {
                    part: part.to_owned(),
                });
            }
            let key = Key::parse(key);
            if key == Key::Status
                && let Some(v) = values.iter().find(|v| !STATUSES.contains(&v.as_str()))
            {
                return Err(FilterError::UnknownStatus { value: v.clone() });
            }
            conditions.push(Condition {
                key,
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
        self.conditions.iter().any(|c| !c.key.is_entry())
    }

    /// Checks the conditions on id and status (`last`: the annotator's latest record).
    #[must_use]
    pub fn matches_entry(&self, id: &str, last: Option<&Record>) -> bool {
        self.conditions.iter().all(|c| match &c.key {
            Key::Id => c.holds(&[id]),
            Key::Status => c.holds(&[last.map_or("none", |r| r.status.as_str())]),
            Key::Zone | Key::Meta(_) => true,
        })
    }

    /// Checks the conditions on metadata and zones.
    #[must_use]
    pub fn matches_document(&self, doc: &Document) -> bool {
        self.conditions.iter().all(|c| {
            let m = &doc.meta;
            let known = match &c.key {
                Key::Id | Key::Status => return true,
                Key::Zone => {
                    return c.holds(
                        &doc.zones
                            .iter()
                            .map(|z| z.zone.as_str())
                            .collect::<Vec<_>>(),
                    );
                }
                Key::Meta(key) => match key.as_str() {
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
                },
            };
            c.holds(&known.into_iter().collect::<Vec<_>>())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ZoneSpan;

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

    #[test]
    fn errors_are_typed() {
        assert_eq!(
            "status=accepted|done".parse::<Filter>(),
            Err(FilterError::UnknownStatus {
                value: "done".into()
            })
        );
        assert_eq!(
            " lang = ".parse::<Filter>(),
            Err(FilterError::NoValue {
                part: "lang =".into()
            })
        );
        assert_eq!("".parse::<Filter>(), Ok(Filter::default()));
    }
}
