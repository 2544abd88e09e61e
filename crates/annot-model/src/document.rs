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

    /// [`Document::validate`] with the error as its message, for callers that
    /// put it into a message of their own.
    ///
    /// # Errors
    /// The message of the [`DocumentError`].
    pub fn check(&self) -> Result<(), String> {
        self.validate().map_err(|e| e.to_string())
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

/// Appends the JSON of `doc` (one corpus line, no newline) to `out`: the
/// same bytes as `serde_json::to_writer`, with the text, nearly all of a
/// line, escaped eight bytes at a time instead of one.
///
/// # Errors
/// Serialisation errors of the metadata (none for the types used here).
pub fn write_json(out: &mut Vec<u8>, doc: &Document) -> serde_json::Result<()> {
    /// Document with an empty text: serde writes everything else.
    #[derive(Serialize)]
    struct Rest<'a> {
        id: &'a str,
        text: &'static str,
        hash: &'a str,
        meta: &'a Meta,
        zones: &'a [ZoneSpan],
    }
    let rest = serde_json::to_vec(&Rest {
        id: &doc.id,
        text: "",
        hash: &doc.hash,
        meta: &doc.meta,
        zones: &doc.zones,
    })?;
    // `{"id":<id>,"text":""` starts the line: splice the text between the quotes.
    let id_len = serde_json::to_vec(&doc.id)?.len();
    let open = br#"{"id":"#.len() + id_len + br#","text":""#.len();
    if rest.get(open - br#","text":""#.len()..open + 1) != Some(br#","text":"""#.as_slice()) {
        return serde_json::to_writer(out, doc);
    }
    out.reserve(rest.len() + doc.text.len() + doc.text.len() / 16);
    out.extend_from_slice(&rest[..open]);
    escape_json_into(out, &doc.text);
    out.extend_from_slice(&rest[open..]);
    Ok(())
}

/// The body of a JSON string for `s` (without quotes), escaped as serde_json does.
fn escape_json_into(out: &mut Vec<u8>, s: &str) {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    /// High bit set in each byte of `x` equal to `b`.
    fn eq(x: u64, b: u8) -> u64 {
        let y = x ^ (LO * u64::from(b));
        y.wrapping_sub(LO) & !y & HI
    }
    let bytes = s.as_bytes();
    let mut clean = 0; // start of the run not yet copied
    let mut i = 0;
    while i + 8 <= bytes.len() {
        let mut word = [0u8; 8];
        word.copy_from_slice(&bytes[i..i + 8]);
        let x = u64::from_le_bytes(word);
        // Bytes below 0x20 (ASCII only: bytes >= 0x80 are never escaped), quotes, backslashes.
        let control = x.wrapping_sub(LO * 0x20) & !x & HI;
        if control | eq(x, b'"') | eq(x, b'\\') == 0 {
            i += 8;
            continue;
        }
        for j in i..i + 8 {
            if let Some(esc) = escape(bytes[j]) {
                out.extend_from_slice(&bytes[clean..j]);
                push_escape(out, bytes[j], esc);
                clean = j + 1;
            }
        }
        i += 8;
    }
    for j in i..bytes.len() {
        if let Some(esc) = escape(bytes[j]) {
            out.extend_from_slice(&bytes[clean..j]);
            push_escape(out, bytes[j], esc);
            clean = j + 1;
        }
    }
    out.extend_from_slice(&bytes[clean..]);
}

/// How serde_json escapes a byte: `Some(b'u')` for `\u00XX`, the letter after
/// the backslash otherwise, `None` for a byte written as it is.
fn escape(b: u8) -> Option<u8> {
    match b {
        b'"' => Some(b'"'),
        b'\\' => Some(b'\\'),
        b'\n' => Some(b'n'),
        b'\r' => Some(b'r'),
        b'\t' => Some(b't'),
        0x08 => Some(b'b'),
        0x0C => Some(b'f'),
        0x00..=0x1F => Some(b'u'),
        _ => None,
    }
}

fn push_escape(out: &mut Vec<u8>, b: u8, esc: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push(b'\\');
    out.push(esc);
    if esc == b'u' {
        out.extend_from_slice(&[
            b'0',
            b'0',
            HEX[usize::from(b >> 4)],
            HEX[usize::from(b & 0xF)],
        ]);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The spliced line is byte for byte what serde_json writes.
        #[test]
        fn write_json_equals_serde_json(
            id in "[a-z0-9\"\\\\é\t,:{}]{1,12}",
            text in "(\\PC|[\"\\\\\n\r\t\u{0}-\u{1F}\u{7F}])*",
            title in proptest::option::of("[a-zé\" ]{0,10}"),
        ) {
            let mut doc = Document::new(id, text);
            doc.meta.title = title;
            doc.meta.extra.insert("text".into(), serde_json::json!("\"text\":\"\""));
            doc.zones.push(ZoneSpan { start: 0, end: 1, zone: "body".into() });
            let mut ours = Vec::new();
            write_json(&mut ours, &doc).unwrap();
            prop_assert_eq!(String::from_utf8(ours).unwrap(), serde_json::to_string(&doc).unwrap());
        }
    }

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
