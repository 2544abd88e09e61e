//! Readers of JSONL and CSV files: one record per line or row, streamed.
//!
//! Each record yields its text (normalised like an article's), its id if the
//! file has one, and its other fields for [`annot_model::Meta`]. A bad line or
//! row is an error about that line alone; reading goes on after it.

use std::io::{BufRead, Read};

use serde_json::Value;

use crate::decode::{decode_raw, normalize};
use crate::error::{ErrorKind, ImportError, Result};
use crate::meta::RecordMeta;

/// Field names of the records.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    /// The field or column holding the text.
    pub(crate) text: String,
    /// The field or column holding the id; `None` means `id` when there is one.
    pub(crate) id: Option<String>,
}

impl Fields {
    /// The id field or column looked for.
    fn id_name(&self) -> &str {
        self.id.as_deref().unwrap_or(DEFAULT_ID)
    }
}

/// The id field or column used when none is named.
const DEFAULT_ID: &str = "id";

/// One record, ready to become a document.
#[derive(Debug)]
pub(crate) struct RawRecord {
    /// `file:line` of the record.
    pub(crate) location: String,
    pub(crate) id: Option<String>,
    /// Normalised text.
    pub(crate) text: String,
    pub(crate) meta: RecordMeta,
    /// Warnings about this record (an encoding guessed).
    pub(crate) warnings: Vec<String>,
}

/// Reads JSON objects, one a line, from `reader`.
pub(crate) struct JsonlRecords<R> {
    reader: R,
    source: String,
    fields: Fields,
    strict: bool,
    line: usize,
    buf: Vec<u8>,
    done: bool,
}

impl<R: BufRead> JsonlRecords<R> {
    /// Reads `reader`, naming it `source` in errors.
    pub(crate) fn new(reader: R, source: &str, fields: &Fields, strict: bool) -> Self {
        Self {
            reader,
            source: source.to_string(),
            fields: fields.clone(),
            strict,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    /// The next raw line and its number, skipping blank lines.
    fn next_line(&mut self) -> Option<Result<(usize, Vec<u8>)>> {
        loop {
            self.buf.clear();
            match self.reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => return None,
                Ok(_) => {
                    self.line += 1;
                    if self.buf.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some(Ok((self.line, std::mem::take(&mut self.buf))));
                }
                Err(e) => {
                    self.done = true;
                    let at = format!("{}:{}", self.source, self.line + 1);
                    return Some(Err(ImportError::new(at, ErrorKind::Io(e))));
                }
            }
        }
    }

    /// Reads up to `n` raw lines, to be parsed in parallel with [`parse_jsonl_line`].
    pub(crate) fn next_batch(&mut self, n: usize) -> Vec<Result<(usize, Vec<u8>)>> {
        let mut out = Vec::new();
        while out.len() < n && !self.done {
            match self.next_line() {
                Some(item) => out.push(item),
                None => self.done = true,
            }
        }
        out
    }
}

impl<R: BufRead> Iterator for JsonlRecords<R> {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let item = self.next_line()?;
        Some(item.and_then(|(line, bytes)| {
            parse_jsonl_line(&self.source, line, &bytes, &self.fields, self.strict)
        }))
    }
}

/// Parses line `line` of a JSONL file.
pub(crate) fn parse_jsonl_line(
    source: &str,
    line: usize,
    bytes: &[u8],
    fields: &Fields,
    strict: bool,
) -> Result<RawRecord> {
    let location = format!("{source}:{line}");
    let (json, warning) = decode_raw(bytes, &location, strict)?;
    let value: Value = serde_json::from_str(&json).map_err(|e| {
        let kind = match lone_surrogate(&json) {
            Some(escape) => ErrorKind::LoneSurrogate { escape },
            None => ErrorKind::Json(e.to_string()),
        };
        ImportError::new(&location, kind)
    })?;
    let Value::Object(object) = value else {
        let what = json_type(&value);
        return Err(ImportError::new(
            &location,
            ErrorKind::Json(format!("found {what}, not an object")),
        ));
    };
    let mut id = None;
    let mut text = None;
    let mut meta = RecordMeta::default();
    for (key, value) in object {
        if key == fields.text {
            text = Some(value);
        } else if key == fields.id_name() {
            let bad = |problem: String| {
                let field = format!("field '{key}'");
                ImportError::new(&location, ErrorKind::BadId { field, problem })
            };
            let value = match value {
                Value::String(s) => s.trim().to_string(),
                Value::Number(n) => n.to_string(),
                other => return Err(bad(format!("is {}, not a string", json_type(&other)))),
            };
            annot_model::document::check_id(&value).map_err(bad)?;
            id = Some(value);
        } else {
            meta.set(&key, value);
        }
    }
    let Some(Value::String(text)) = text else {
        return Err(ImportError::new(
            &location,
            ErrorKind::MissingText {
                field: fields.text.clone(),
            },
        ));
    };
    let text = checked_text(&text, &location, &fields.text)?;
    let warnings = warning.into_iter().map(|w| w.message).collect();
    Ok(RawRecord {
        location,
        id,
        text,
        meta,
        warnings,
    })
}

/// The first `\\uXXXX` escape in `json` that is half of a surrogate pair
/// without its other half (serde_json only says "unexpected end of hex escape").
fn lone_surrogate(json: &str) -> Option<String> {
    let b = json.as_bytes();
    let escape_at = |i: usize| -> Option<u16> {
        let hex = std::str::from_utf8(b.get(i + 2..i + 6)?).ok()?;
        u16::from_str_radix(hex, 16).ok()
    };
    let shown = |i: usize| String::from_utf8_lossy(&b[i..i + 6]).into_owned();
    let mut high: Option<usize> = None;
    let mut i = 0;
    while i < b.len() {
        let unit = (b[i] == b'\\' && b.get(i + 1) == Some(&b'u'))
            .then(|| escape_at(i))
            .flatten();
        match unit {
            Some(0xD800..=0xDBFF) => {
                if let Some(h) = high {
                    return Some(shown(h));
                }
                high = Some(i);
            }
            Some(0xDC00..=0xDFFF) if high.is_none() => return Some(shown(i)),
            Some(0xDC00..=0xDFFF) => high = None,
            _ => {
                if let Some(h) = high {
                    return Some(shown(h));
                }
            }
        }
        i += match (unit, b[i]) {
            (Some(_), _) => 6,
            (None, b'\\') => 2,
            _ => 1,
        };
    }
    high.map(shown)
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Normalised text, or an error when it is blank; `field` names where it was.
fn checked_text(text: &str, location: &str, field: &str) -> Result<String> {
    let text = normalize(text).into_owned();
    if text.trim().is_empty() {
        let kind = ErrorKind::EmptyText {
            field: field.to_string(),
        };
        return Err(ImportError::new(location, kind));
    }
    Ok(text)
}

/// Reads the rows of a CSV file with a header line.
pub(crate) struct CsvRecords<R> {
    reader: csv::Reader<R>,
    source: String,
    headers: Vec<String>,
    text: usize,
    id: Option<usize>,
    strict: bool,
    record: csv::ByteRecord,
    done: bool,
}

impl<R: Read> CsvRecords<R> {
    /// Reads the header of `reader`, naming it `source` in errors.
    ///
    /// # Errors
    /// When the header cannot be read or has no text column.
    pub(crate) fn new(reader: R, source: &str, fields: &Fields, strict: bool) -> Result<Self> {
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(reader);
        let at_header = format!("{source}:1");
        let header = reader
            .byte_headers()
            .map_err(|e| ImportError::new(&at_header, ErrorKind::Csv(e.to_string())))?;
        let mut headers = Vec::with_capacity(header.len());
        for field in header {
            let (name, _) = decode_raw(field, &at_header, strict)?;
            headers.push(name.trim().to_string());
        }
        let find = |name: &str| headers.iter().position(|h| h == name);
        let Some(text) = find(&fields.text) else {
            let kind = ErrorKind::MissingColumn {
                column: fields.text.clone(),
                found: headers.join(", "),
            };
            return Err(ImportError::new(source, kind));
        };
        let id = match &fields.id {
            Some(name) => Some(find(name).ok_or_else(|| {
                let kind = ErrorKind::MissingColumn {
                    column: name.clone(),
                    found: headers.join(", "),
                };
                ImportError::new(source, kind)
            })?),
            // Without a named id column, an `id` column is used when there is one.
            None => find(DEFAULT_ID),
        };
        Ok(Self {
            reader,
            source: source.to_string(),
            headers,
            text,
            id,
            strict,
            record: csv::ByteRecord::new(),
            done: false,
        })
    }

    /// Bytes read so far.
    pub(crate) fn byte_position(&self) -> u64 {
        self.reader.position().byte()
    }

    fn row(&self) -> Result<RawRecord> {
        let line = self.record.position().map_or(0, csv::Position::line);
        let location = format!("{}:{line}", self.source);
        let mut text = None;
        let mut id = None;
        let mut meta = RecordMeta::default();
        let mut warnings = Vec::new();
        for (i, field) in self.record.iter().enumerate() {
            let (value, warning) = decode_raw(field, &location, self.strict)?;
            if let Some(w) = warning {
                warnings.push(w.message);
            }
            if i == self.text {
                text = Some(value.into_owned());
            } else if Some(i) == self.id {
                let value = value.trim().to_string();
                annot_model::document::check_id(&value).map_err(|problem| {
                    let name = self.headers.get(i).map_or("", String::as_str);
                    let field = format!("column '{name}'");
                    ImportError::new(&location, ErrorKind::BadId { field, problem })
                })?;
                id = Some(value);
            } else if let Some(name) = self.headers.get(i) {
                meta.set(name, Value::String(value.into_owned()));
            }
        }
        let text = text.ok_or_else(|| {
            let column = self.headers.get(self.text).cloned().unwrap_or_default();
            ImportError::new(&location, ErrorKind::MissingText { field: column })
        })?;
        let column = self.headers.get(self.text).map_or("", String::as_str);
        let text = checked_text(&text, &location, column)?;
        warnings.dedup();
        Ok(RawRecord {
            location,
            id,
            text,
            meta,
            warnings,
        })
    }
}

impl<R: Read> Iterator for CsvRecords<R> {
    type Item = Result<RawRecord>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.reader.read_byte_record(&mut self.record) {
            Ok(false) => None,
            Ok(true) => Some(self.row()),
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                let location = format!("{}:{line}", self.source);
                let message = match e.kind() {
                    csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("this row has {len} fields but the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                // An I/O error cannot be read past; a malformed row can.
                if matches!(e.kind(), csv::ErrorKind::Io(_)) {
                    self.done = true;
                }
                Some(Err(ImportError::new(location, ErrorKind::Csv(message))))
            }
        }
    }
}

#[cfg(test)]
#[path = "readers_tests.rs"]
mod tests;
