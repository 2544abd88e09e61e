//! Documents: the stored text of one article, its metadata and its zones.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::error::DocumentError;
use crate::offsets::OffsetMap;
use crate::zone::Zone;

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
    pub zone: Zone,
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
    /// The first thing wrong, for the caller to put file and line on.
    pub fn validate(&self) -> Result<(), DocumentError> {
        if self.id.is_empty() {
            return Err(DocumentError::EmptyId);
        }
        let actual = crate::text_hash(&self.text);
        if actual != self.hash {
            return Err(DocumentError::HashMismatch {
                id: self.id.clone(),
                stored: self.hash.clone(),
                actual,
            });
        }
        let len = crate::offsets::char_len(&self.text);
        for z in &self.zones {
            if z.start > z.end || z.end > len {
                return Err(DocumentError::ZoneOutside {
                    id: self.id.clone(),
                    zone: z.zone.clone(),
                    start: z.start,
                    end: z.end,
                    len,
                });
            }
        }
        Ok(())
    }

    /// The zone that contains code point `pos`, if any.
    #[must_use]
    pub fn zone_at(&self, pos: usize) -> Option<&Zone> {
        self.zones
            .iter()
            .find(|z| z.start <= pos && pos < z.end)
            .map(|z| &z.zone)
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

/// The longest document id taken, in bytes.
pub const MAX_ID_BYTES: usize = 200;

/// Checks that `id` can be a document id: one line of printable text, not
/// empty, without white space at either end, at most [`MAX_ID_BYTES`] bytes,
/// without `/` or `\\`, and not `.` or `..` (ids end up in file names, URLs
/// and terminal lines). Ids are used as given, never trimmed.
///
/// # Errors
/// What is wrong with it, to follow "the id ...".
pub fn check_id(id: &str) -> Result<(), String> {
    if id.trim().is_empty() {
        return Err("is empty".into());
    }
    if id.len() > MAX_ID_BYTES {
        return Err(format!(
            "is {} bytes long (at most {MAX_ID_BYTES})",
            id.len()
        ));
    }
    if id.chars().any(char::is_control) {
        return Err("holds a control character (a line break, a tab, ...)".into());
    }
    // Line breaks that are not controls: U+2028, U+2029 (U+0085 is a control).
    if id.contains(['\u{2028}', '\u{2029}']) {
        return Err("holds a Unicode line or paragraph separator (U+2028, U+2029)".into());
    }
    // Invisible characters make two ids that look the same: zero-width
    // spaces and joiners, directional marks, the BOM, soft hyphen.
    if let Some(c) = id.chars().find(|c| {
        matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
        )
    }) {
        return Err(format!(
            "holds the invisible character U+{:04X}, so it would look like another id",
            u32::from(c)
        ));
    }
    // An id is used as it is given: trimming it would make another id.
    if id.trim() != id {
        return Err("starts or ends with white space".into());
    }
    if id.contains(['/', '\\']) {
        return Err("holds a '/' or a '\\' (an id is not a path)".into());
    }
    if id == "." || id == ".." {
        return Err(format!("is '{id}'"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_with_invisible_characters_are_refused() {
        assert!(check_id("z\u{200b}").unwrap_err().contains("U+200B"));
        assert!(check_id("a\u{feff}b").is_err());
        assert!(check_id("Zoë-2024_01").is_ok());
    }

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
    fn ids_are_checked_as_given() {
        assert!(check_id("doc-1").is_ok());
        assert!(check_id("un document").is_ok());
        for (id, problem) in [
            ("\u{2028}ls", "line or paragraph separator"),
            ("a\u{2029}b", "line or paragraph separator"),
            ("a\u{85}b", "control character"),
            (" a", "white space"),
            ("a\u{a0}", "white space"),
            ("", "is empty"),
        ] {
            let err = check_id(id).unwrap_err();
            assert!(err.contains(problem), "{id:?}: {err}");
        }
    }

    #[test]
    fn check_catches_bad_hash_and_zone() {
        let mut d = Document::new("a", "abc");
        assert!(d.validate().is_ok());
        d.zones.push(ZoneSpan {
            start: 1,
            end: 9,
            zone: "body".into(),
        });
        assert!(
            d.validate()
                .unwrap_err()
                .to_string()
                .contains("outside the text")
        );
        d.zones.clear();
        d.text.push('!');
        assert!(
            d.validate()
                .unwrap_err()
                .to_string()
                .contains("does not match")
        );
    }

    #[test]
    fn validate_names_what_is_wrong() {
        let mut d = Document::new("a", "abc");
        d.zones.push(ZoneSpan {
            start: 2,
            end: 1,
            zone: "lede".into(),
        });
        let err = d.validate().unwrap_err();
        assert_eq!(
            err,
            DocumentError::ZoneOutside {
                id: "a".into(),
                zone: Zone::Lede,
                start: 2,
                end: 1,
                len: 3
            }
        );
        assert_eq!(
            err.to_string(),
            "document 'a': zone lede [2, 1) is outside the text (length 3)"
        );
        d.id.clear();
        assert_eq!(d.validate(), Err(DocumentError::EmptyId));
    }
}
