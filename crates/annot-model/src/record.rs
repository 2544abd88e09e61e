//! Records: one annotator's decision on one document, one line of `annotations/<annotator>.jsonl`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::document::ZoneSpan;
use crate::error::{ModelError, SpanError};
use crate::offsets::OffsetMap;
use crate::spill::{Bytes, CompactItem, SpillError, put_str, put_u64};

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

impl SpanSource {
    /// Every source, in the order declared.
    pub const ALL: [SpanSource; 5] = [
        SpanSource::Manual,
        SpanSource::Pattern,
        SpanSource::Dictionary,
        SpanSource::Model,
        SpanSource::Import,
    ];
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

/// A record in a [`crate::spill::Compact`] list: its fields in order, the
/// rare ones (zones, extra keys) as JSON.
impl CompactItem for Record {
    fn put(&self, out: &mut Vec<u8>) {
        for s in [&self.doc, &self.hash, &self.annotator, &self.schema] {
            put_str(out, s);
        }
        out.push(self.status as u8);
        put_str(out, &self.at);
        put_u64(out, self.ms);
        put_u64(out, self.spans.len() as u64);
        for s in &self.spans {
            put_u64(out, s.start as u64);
            put_u64(out, s.end as u64);
            put_str(out, &s.label);
            put_str(out, &s.text);
            out.push(s.source.map_or(0, |k| k as u8 + 1));
        }
        put_u64(out, self.labels.len() as u64);
        for (layer, values) in &self.labels {
            put_str(out, layer);
            put_u64(out, values.len() as u64);
            for v in values {
                put_str(out, v);
            }
        }
        match &self.note {
            None => out.push(0),
            Some(n) => {
                out.push(1);
                put_str(out, n);
            }
        }
        // Zones: JSON (exact), empty when there are none.
        put_str(
            out,
            &self
                .zones
                .as_ref()
                .and_then(|z| serde_json::to_string(z).ok())
                .unwrap_or_default(),
        );
        put_map(out, &self.extra);
    }

    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
        let (doc, hash, annotator, schema) = (r.string()?, r.string()?, r.string()?, r.string()?);
        let status = *Status::ALL
            .get(usize::from(r.byte()?))
            .ok_or_else(Bytes::bad)?;
        let (at, ms) = (r.string()?, r.u64()?);
        let n = r.usize()?;
        let mut spans = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let (start, end, label, text) = (r.usize()?, r.usize()?, r.string()?, r.string()?);
            let source = match r.byte()? {
                0 => None,
                k => Some(
                    *SpanSource::ALL
                        .get(usize::from(k) - 1)
                        .ok_or_else(Bytes::bad)?,
                ),
            };
            spans.push(Span {
                start,
                end,
                label,
                text,
                source,
            });
        }
        let mut labels = BTreeMap::new();
        for _ in 0..r.usize()? {
            let layer = r.string()?;
            let n = r.usize()?;
            let mut values = Vec::with_capacity(n.min(1 << 16));
            for _ in 0..n {
                values.push(r.string()?);
            }
            labels.insert(layer, values);
        }
        let note = match r.byte()? {
            0 => None,
            1 => Some(r.string()?),
            _ => return Err(Bytes::bad()),
        };
        let zones = match r.str()? {
            "" => None,
            z => Some(serde_json::from_str(z)?),
        };
        let extra = take_map(r)?;
        Ok(Record {
            doc,
            hash,
            annotator,
            schema,
            status,
            at,
            ms,
            spans,
            labels,
            zones,
            note,
            extra,
        })
    }
}

/// A JSON object in the compact encoding: its keys in order, each with its value.
fn put_map(out: &mut Vec<u8>, map: &Map<String, Value>) {
    put_u64(out, map.len() as u64);
    for (k, v) in map {
        put_str(out, k);
        put_value(out, v);
    }
}

/// A JSON value in the compact encoding: a tag, then what it holds (a number
/// as its `u64`, `i64` or `f64` bits, as serde_json holds it: exact).
fn put_value(out: &mut Vec<u8>, v: &Value) {
    match v {
        Value::Null => out.push(0),
        Value::Bool(b) => out.push(1 + u8::from(*b)),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                out.push(3);
                put_u64(out, u);
            } else if let Some(i) = n.as_i64() {
                out.push(4);
                out.extend_from_slice(&i.to_le_bytes());
            } else {
                out.push(5);
                out.extend_from_slice(&n.as_f64().unwrap_or(f64::NAN).to_bits().to_le_bytes());
            }
        }
        Value::String(s) => {
            out.push(6);
            put_str(out, s);
        }
        Value::Array(a) => {
            out.push(7);
            put_u64(out, a.len() as u64);
            for v in a {
                put_value(out, v);
            }
        }
        Value::Object(m) => {
            out.push(8);
            put_map(out, m);
        }
    }
}

fn take_map(r: &mut Bytes<'_>) -> Result<Map<String, Value>, SpillError> {
    let n = r.usize()?;
    let mut map = Map::with_capacity(n.min(1 << 16));
    for _ in 0..n {
        let k = r.string()?;
        let v = take_value(r)?;
        map.insert(k, v);
    }
    Ok(map)
}

fn take_value(r: &mut Bytes<'_>) -> Result<Value, SpillError> {
    let eight = |r: &mut Bytes<'_>| -> Result<[u8; 8], SpillError> {
        r.slice(8)?.try_into().map_err(|_| Bytes::bad())
    };
    Ok(match r.byte()? {
        0 => Value::Null,
        1 => Value::Bool(false),
        2 => Value::Bool(true),
        3 => Value::from(r.u64()?),
        4 => Value::from(i64::from_le_bytes(eight(r)?)),
        5 => serde_json::Number::from_f64(f64::from_bits(u64::from_le_bytes(eight(r)?)))
            .map_or(Value::Null, Value::Number),
        6 => Value::String(r.string()?),
        7 => {
            let n = r.usize()?;
            let mut a = Vec::with_capacity(n.min(1 << 16));
            for _ in 0..n {
                a.push(take_value(r)?);
            }
            Value::Array(a)
        }
        8 => Value::Object(take_map(r)?),
        _ => return Err(Bytes::bad()),
    })
}

#[cfg(test)]
mod compact_tests {
    use super::*;
    use crate::spill::Codec;

    #[test]
    fn a_record_comes_back_from_its_compact_encoding_as_it_was() {
        let mut r = Record {
            doc: "d\n\"é\"".into(),
            hash: "h".into(),
            annotator: "ann".into(),
            schema: "news@1".into(),
            status: Status::Flagged,
            at: "2026-01-01T00:00:00Z".into(),
            ms: u64::MAX,
            spans: vec![
                Span {
                    start: 0,
                    end: 300,
                    label: "PER".into(),
                    text: "x".repeat(300),
                    source: Some(SpanSource::Import),
                },
                Span {
                    start: 1,
                    end: 2,
                    label: String::new(),
                    text: "🎉".into(),
                    source: None,
                },
            ],
            labels: BTreeMap::from([("topic".into(), vec!["a".into(), "b".into()])]),
            zones: Some(Vec::new()),
            note: Some(String::new()),
            extra: Map::new(),
        };
        let extra = serde_json::json!({
            "z": null, "a": [true, false, 1, -1, 1.5e300, 0.1, -0.0, u64::MAX, i64::MIN],
            "m": {"k": "v", "": {}}, "s": "\u{0}"
        });
        if let Value::Object(m) = extra {
            r.extra = m;
        }
        for record in [
            r.clone(),
            Record {
                zones: None,
                note: None,
                extra: Map::new(),
                ..r
            },
        ] {
            let mut bytes = Vec::new();
            crate::spill::Compact::encode(&record, &mut bytes).unwrap();
            let back: Record = crate::spill::Compact::decode(&bytes).unwrap();
            assert_eq!(back, record);
            assert_eq!(
                serde_json::to_string(&back).unwrap(),
                serde_json::to_string(&record).unwrap(),
                "the same JSON, keys in the same order"
            );
            for cut in 0..bytes.len() {
                assert!(
                    <crate::spill::Compact as Codec<Record>>::decode(&bytes[..cut]).is_err(),
                    "a cut encoding is refused"
                );
            }
        }
    }
}
