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
use crate::record::{Record, Status};

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
    /// A key that no document of the corpus has.
    #[error("no document has a '{key}' key; the keys are: {}", keys.join(", "))]
    UnknownKey {
        /// The key as written.
        key: String,
        /// The keys there are: id, status, zone and the corpus's metadata keys.
        keys: Vec<String>,
    },
    /// Values of a key that no document of the corpus has.
    #[error("no document has {key}={}; the values there are: {}{}", wanted.join("|"), list_counts(values), if *more { ", ..." } else { "" })]
    NoSuchValue {
        /// The key.
        key: String,
        /// The values as written.
        wanted: Vec<String>,
        /// Up to ten values there are, most frequent first, with their counts.
        values: Vec<(String, usize)>,
        /// Whether the corpus has more values than listed.
        more: bool,
    },
    /// A `status=` value that is not a decision.
    #[error("status '{value}' is not one of accepted, rejected, skipped, flagged, none")]
    UnknownStatus {
        /// The value as written.
        value: String,
    },
}

fn list_counts(values: &[(String, usize)]) -> String {
    values
        .iter()
        .map(|(v, n)| format!("{v} ({n})"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The keys and some values the documents of a corpus have, to tell a filter
/// that matches nothing why ([`Filter::check_against`]).
#[derive(Debug, Clone, Default)]
pub struct Vocabulary {
    keys: std::collections::BTreeSet<String>,
    /// key -> value -> documents, for the keys whose values are listed.
    values: std::collections::BTreeMap<String, std::collections::BTreeMap<String, usize>>,
}

/// The keys whose values a [`FilterError::NoSuchValue`] lists.
const LISTED: [&str; 3] = ["lang", "section", "zone"];

impl Vocabulary {
    /// Adds the keys and values of one document.
    pub fn add(&mut self, doc: &Document) {
        let m = &doc.meta;
        let known = [
            ("lang", &m.lang),
            ("title", &m.title),
            ("date", &m.date),
            ("section", &m.section),
            ("byline", &m.byline),
            ("source", &m.source),
        ];
        for (key, value) in known {
            if let Some(v) = value {
                self.keys.insert(key.to_owned());
                if LISTED.contains(&key) {
                    *self
                        .values
                        .entry(key.to_owned())
                        .or_default()
                        .entry(v.clone())
                        .or_default() += 1;
                }
            }
        }
        for key in m.extra.keys() {
            self.keys.insert(key.clone());
        }
        let mut zones: Vec<&str> = doc.zones.iter().map(|z| z.zone.as_str()).collect();
        zones.sort_unstable();
        zones.dedup();
        for z in zones {
            *self
                .values
                .entry("zone".to_owned())
                .or_default()
                .entry(z.to_owned())
                .or_default() += 1;
        }
    }
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
    /// Whether a condition is on `status`: then the user wants those
    /// documents whether decided or not.
    #[must_use]
    pub fn selects_status(&self) -> bool {
        self.conditions.iter().any(|c| c.key == Key::Status)
    }

    /// Checks the keys and the values of `lang`, `section` and `zone` against
    /// what the corpus has.
    ///
    /// # Errors
    /// [`FilterError::UnknownKey`] for a metadata key no document has,
    /// [`FilterError::NoSuchValue`] for wanted values no document has.
    pub fn check_against(&self, vocabulary: &Vocabulary) -> Result<(), FilterError> {
        for c in &self.conditions {
            let key = match &c.key {
                Key::Id | Key::Status => continue,
                Key::Zone => "zone",
                Key::Meta(k) => k.as_str(),
            };
            if key != "zone" && !vocabulary.keys.contains(key) {
                let mut keys: Vec<String> = ["id", "status", "zone"].map(str::to_owned).to_vec();
                keys.extend(vocabulary.keys.iter().cloned());
                return Err(FilterError::UnknownKey {
                    key: key.to_owned(),
                    keys,
                });
            }
            if c.negate {
                continue;
            }
            let Some(there) = vocabulary.values.get(key).filter(|_| LISTED.contains(&key)) else {
                continue;
            };
            let actual: Vec<&str> = there.keys().map(String::as_str).collect();
            if !c.holds(&actual) {
                let mut values: Vec<(String, usize)> =
                    there.iter().map(|(v, n)| (v.clone(), *n)).collect();
                values.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
                let more = values.len() > 10;
                values.truncate(10);
                return Err(FilterError::NoSuchValue {
                    key: key.to_owned(),
                    wanted: c.values.clone(),
                    values,
                    more,
                });
            }
        }
        Ok(())
    }

    /// Whether a condition is on the id or the status (checked from the
    /// corpus index and the log, without the document).
    #[must_use]
    pub fn selects_entry(&self) -> bool {
        self.conditions.iter().any(|c| c.key.is_entry())
    }

    /// Whether any condition needs the document itself (metadata or zones).
    #[must_use]
    pub fn needs_document(&self) -> bool {
        self.conditions.iter().any(|c| !c.key.is_entry())
    }

    /// Checks the conditions on id and status (`last`: the annotator's latest record).
    #[must_use]
    pub fn matches_entry(&self, id: &str, last: Option<&Record>) -> bool {
        self.matches_status(id, last.map(|r| r.status))
    }

    /// [`Filter::matches_entry`] from the status of the latest record alone
    /// (what a log index keeps), `None` when there is no record.
    #[must_use]
    pub fn matches_status(&self, id: &str, status: Option<Status>) -> bool {
        self.conditions.iter().all(|c| match &c.key {
            Key::Id => c.holds(&[id]),
            Key::Status => c.holds(&[status.map_or("none", Status::as_str)]),
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
    fn a_key_or_value_the_corpus_lacks_is_named_with_what_there_is() {
        let mut vocabulary = Vocabulary::default();
        for (lang, section) in [("fr", "Liban"), ("fr", "Liban"), ("en", "World")] {
            let mut doc = Document::new("d", "x");
            doc.meta.lang = Some(lang.into());
            doc.meta.section = Some(section.into());
            vocabulary.add(&doc);
        }
        let check = |e: &str| e.parse::<Filter>().unwrap().check_against(&vocabulary);
        assert_eq!(check("lang=fr|de,section=Lib*"), Ok(()));
        assert_eq!(
            check("lang=EN").unwrap_err().to_string(),
            "no document has lang=EN; the values there are: fr (2), en (1)"
        );
        assert_eq!(
            check("langue=fr").unwrap_err().to_string(),
            "no document has a 'langue' key; the keys are: id, status, zone, lang, section"
        );
        assert!(
            check("section=Sport")
                .unwrap_err()
                .to_string()
                .contains("Liban (2), World (1)")
        );
        assert_eq!(check("lang!=EN"), Ok(()));
        assert!("status=flagged".parse::<Filter>().unwrap().selects_status());
        assert!(!"lang=fr".parse::<Filter>().unwrap().selects_status());
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
