//! Documents: the stored text of one article, its metadata and its zones.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::offsets::OffsetMap;

/// One document, one line of `corpus/*.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the source file's stem, a given id, or the text digest.
    pub id: String,
    /// The normalised text (BOM dropped, CRLF -> LF, NFC); nothing of the source is thrown away.
    pub text: String,
    /// [`crate::text_hash`] of `text`.
    pub hash: String,
    /// Metadata: known keys plus whatever else the source had.
    #[serde(default)]
    pub meta: Meta,
    /// What each part of the text is (title, lede, meta, body, boilerplate).
    #[serde(default)]
    pub zones: Vec<ZoneSpan>,
}

/// Document metadata; unknown keys are kept in `extra` and written back unchanged.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// ISO 8601 date (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// ISO 639-1 language code (`fr`, `en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Every other key, kept as it was.
    #[serde(flatten)]
    pub extra: Map<String, Value>,
}

/// A zone: a code point range of the text and what it is.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ZoneSpan {
    pub start: usize,
    pub end: usize,
    pub zone: String,
}

impl Document {
    /// Makes a document from normalised text, computing its hash.
    #[must_use]
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let hash = crate::text_hash(&text);
        Self {
            id: id.into(),
            text,
            hash,
            meta: Meta::default(),
            zones: Vec::new(),
        }
    }

    /// Checks the stored hash and every zone against the text.
    ///
    /// # Errors
    /// A message naming what is wrong, for the caller to put file and line on.
    pub fn check(&self) -> Result<(), String> {
        if self.id.is_empty() {
            return Err("document has an empty id".into());
        }
        let actual = crate::text_hash(&self.text);
        if actual != self.hash {
            return Err(format!(
                "document '{}': hash {} does not match its text (digest {actual}); \
                 the text was edited after import, re-import it",
                self.id, self.hash
            ));
        }
        let len = crate::offsets::char_len(&self.text);
        for z in &self.zones {
            if z.start > z.end || z.end > len {
                return Err(format!(
                    "document '{}': zone {} [{}, {}) is outside the text (length {len})",
                    self.id, z.zone, z.start, z.end
                ));
            }
        }
        Ok(())
    }

    /// The zone that contains code point `pos`, if any.
    #[must_use]
    pub fn zone_at(&self, pos: usize) -> Option<&str> {
        self.zones
            .iter()
            .find(|z| z.start <= pos && pos < z.end)
            .map(|z| z.zone.as_str())
    }

    /// The text of a code point range, or `None` when out of range.
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        let map = OffsetMap::new(&self.text);
        let (s, e) = map.to_bytes(start, end)?;
        Some(&self.text[s..e])
    }

    /// The text of the first zone named `zone`.
    #[must_use]
    pub fn zone_text(&self, zone: &str) -> Option<&str> {
        let z = self.zones.iter().find(|z| z.zone == zone)?;
        self.slice(z.start, z.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_meta_keys_round_trip() {
        let line = r#"{"id":"a","text":"Été","hash":"x","meta":{"title":"T","url":"http://x","tags":[1,2]},"zones":[{"start":0,"end":3,"zone":"body"}]}"#;
        let doc: Document = serde_json::from_str(line).unwrap();
        assert_eq!(doc.meta.title.as_deref(), Some("T"));
        assert_eq!(doc.meta.extra["url"], "http://x");
        let back = serde_json::to_string(&doc).unwrap();
        assert_eq!(back, line);
        assert_eq!(doc.zone_text("body"), Some("Été"));
    }

    #[test]
    fn check_catches_bad_hash_and_zone() {
        let mut d = Document::new("a", "abc");
        assert!(d.check().is_ok());
        d.zones.push(ZoneSpan {
            start: 1,
            end: 9,
            zone: "body".into(),
        });
        assert!(d.check().unwrap_err().contains("outside the text"));
        d.zones.clear();
        d.text.push('!');
        assert!(d.check().unwrap_err().contains("does not match"));
    }
}
