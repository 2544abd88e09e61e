//! Records: one annotator's decision on one document, one line of `annotations/<annotator>.jsonl`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::document::ZoneSpan;
use crate::error::{ModelError, SpanError};
use crate::offsets::OffsetMap;

/// What the annotator decided about the document as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Accepted,
    Rejected,
    Skipped,
    Flagged,
}

impl Status {
    /// All statuses, in display order.
    pub const ALL: [Status; 4] = [
        Status::Accepted,
        Status::Rejected,
        Status::Skipped,
        Status::Flagged,
    ];

    /// The lower-case name used in files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::Skipped => "skipped",
            Status::Flagged => "flagged",
        }
    }

    /// Whether this is a decision on the document: accepted or rejected. What
    /// `annot status` counts as decided; a flagged record waits for someone
    /// (`adjudicate`) and a skip for later, so neither is one.
    #[must_use]
    pub fn is_decided(self) -> bool {
        matches!(self, Status::Accepted | Status::Rejected)
    }

    /// Whether the annotator is done with the document, so that a session passes
    /// over it: a decision, or a flag (it waits for someone else; `--filter
    /// status=flagged` brings it back). A skip stays to do.
    #[must_use]
    pub fn leaves_queue(self) -> bool {
        self.is_decided() || self == Status::Flagged
    }
}

/// Where a span came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SpanSource {
    Manual,
    Pattern,
    Dictionary,
    Model,
    Import,
}

/// A labelled code point range of a document's text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub label: String,
    /// Must equal `text[start:end]` of the document.
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SpanSource>,
}

impl Span {
    /// Builds a span from code point offsets, taking its text from `text`.
    ///
    /// # Errors
    /// [`SpanError::OutOfRange`] when the range is reversed or past the end of `text`.
    pub fn from_chars(
        text: &str,
        start: usize,
        end: usize,
        label: &str,
    ) -> Result<Self, SpanError> {
        let map = OffsetMap::new(text);
        let (s, e) = map
            .to_bytes(start, end)
            .ok_or_else(|| SpanError::OutOfRange {
                label: None,
                start,
                end,
                len: map.char_len(),
            })?;
        Ok(Self {
            start,
            end,
            label: label.to_owned(),
            text: text[s..e].to_owned(),
            source: None,
        })
    }

    /// Checks the span against the document text through a prepared map.
    ///
    /// # Errors
    /// What is wrong: reversed, out of range, or a `text` that is not `text[start:end]`.
    pub fn check(&self, text: &str, map: &OffsetMap) -> Result<(), SpanError> {
        if self.start >= self.end {
            return Err(SpanError::Empty {
                label: self.label.clone(),
                start: self.start,
                end: self.end,
            });
        }
        let Some((s, e)) = map.to_bytes(self.start, self.end) else {
            return Err(SpanError::OutOfRange {
                label: Some(self.label.clone()),
                start: self.start,
                end: self.end,
                len: map.char_len(),
            });
        };
        if text[s..e] != self.text {
            return Err(SpanError::TextMismatch {
                label: self.label.clone(),
                start: self.start,
                end: self.end,
                recorded: self.text.clone(),
                actual: text[s..e].to_owned(),
            });
        }
        Ok(())
    }
}

/// One decision, one line of an annotator's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Record {
    pub doc: String,
    /// Digest of the text the record was made on.
    pub hash: String,
    pub annotator: String,
    /// `name@version` of the schema used.
    pub schema: String,
    pub status: Status,
    /// RFC 3339 UTC time of the decision: of a document's records, the one
    /// with the latest `at` stands ([`crate::store`]).
    pub at: String,
    /// Milliseconds spent on the document.
    #[serde(default)]
    pub ms: u64,
    #[serde(default)]
    pub spans: Vec<Span>,
    /// Document labels: label set name -> chosen values.
    #[serde(default)]
    pub labels: BTreeMap<String, Vec<String>>,
    /// Zone corrections, or `None` when the imported zones stand.
    #[serde(default)]
    pub zones: Option<Vec<ZoneSpan>>,
    #[serde(default)]
    pub note: Option<String>,
    /// Keys written by newer versions or other tools, kept as they were.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

impl Record {
    /// Whether two records say the same thing about their document, their time
    /// (`at`, `ms`), annotator and schema aside: what makes a new record a repeat
    /// (an import or a merge run again writes none).
    #[must_use]
    pub fn says_the_same(&self, other: &Record) -> bool {
        self.hash == other.hash
            && self.status == other.status
            && self.spans == other.spans
            && self.labels == other.labels
            && self.zones == other.zones
            && self.note == other.note
            && self.extra == other.extra
    }

    /// Checks every span against the document text the record claims to be made on.
    ///
    /// # Errors
    /// [`ModelError::Span`]: the first bad span, with the document named.
    pub fn check_spans(&self, text: &str) -> Result<(), ModelError> {
        let map = OffsetMap::new(text);
        for span in &self.spans {
            span.check(text, &map).map_err(|source| ModelError::Span {
                doc: self.doc.clone(),
                source,
            })?;
        }
        Ok(())
    }
}

/// The current time as RFC 3339 UTC with second precision, for `Record::at`.
#[must_use]
pub fn now_rfc3339() -> String {
    jiff::Timestamp::now()
        .strftime("%Y-%m-%dT%H:%M:%SZ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decided_is_what_status_counts_and_a_flag_only_leaves_the_queue() {
        let decided: Vec<Status> = Status::ALL.into_iter().filter(|s| s.is_decided()).collect();
        assert_eq!(decided, [Status::Accepted, Status::Rejected]);
        let done: Vec<Status> = Status::ALL
            .into_iter()
            .filter(|s| s.leaves_queue())
            .collect();
        assert_eq!(done, [Status::Accepted, Status::Rejected, Status::Flagged]);
    }

    #[test]
    fn record_round_trip_keeps_unknown_keys() {
        let line = r#"{"doc":"d","hash":"h","annotator":"alice","schema":"news@1","status":"accepted","at":"2026-11-23T20:00:00Z","ms":35210,"spans":[{"start":2,"end":16,"label":"ORG","text":"armée syrienne"}],"labels":{"topic":["conflict"]},"zones":null,"note":null,"client":"x"}"#;
        let r: Record = serde_json::from_str(line).unwrap();
        assert_eq!(r.extra["client"], "x");
        assert_eq!(serde_json::to_string(&r).unwrap(), line);
        assert!(r.check_spans("L'armée syrienne").is_ok());
        let err = r.check_spans("L'armee syrienne").unwrap_err().to_string();
        assert!(err.contains("document 'd'"), "{err}");
    }

    #[test]
    fn span_checks() {
        let t = "Boukamal, Syrie";
        let map = OffsetMap::new(t);
        let s = Span::from_chars(t, 10, 15, "LOC").unwrap();
        assert_eq!(s.text, "Syrie");
        assert!(s.check(t, &map).is_ok());
        assert!(Span::from_chars(t, 10, 99, "LOC").is_err());
        let rev = Span {
            start: 5,
            end: 2,
            label: "X".into(),
            text: String::new(),
            source: None,
        };
        assert!(
            rev.check(t, &map)
                .unwrap_err()
                .to_string()
                .contains("reversed")
        );
    }

    #[test]
    fn span_errors_say_what_and_where() {
        let t = "Boukamal, Syrie";
        let map = OffsetMap::new(t);
        let mut s = Span::from_chars(t, 10, 15, "LOC").unwrap();
        s.text = "Syria".into();
        let err = s.check(t, &map).unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"span LOC [10, 15) says "Syria" but the text there is "Syrie""#
        );
        assert!(matches!(err, SpanError::TextMismatch { .. }));
        s.end = 40;
        assert_eq!(
            s.check(t, &map).unwrap_err().to_string(),
            "span LOC [10, 40) is outside the text (length 15)"
        );
        assert_eq!(
            Span::from_chars(t, 10, 99, "LOC").unwrap_err(),
            SpanError::OutOfRange {
                label: None,
                start: 10,
                end: 99,
                len: 15
            }
        );
        assert_eq!(
            Span::from_chars(t, 10, 99, "LOC").unwrap_err().to_string(),
            "span [10, 99) is outside the text (length 15)"
        );
    }

    #[test]
    fn now_is_rfc3339() {
        let n = now_rfc3339();
        assert_eq!(n.len(), 20);
        assert!(n.ends_with('Z'));
    }
}
