//! JSON Lines: one object a line, one document each; a bad line is an
//! error about that line alone, and reading goes on after it.

use std::io::BufRead;

use rayon::prelude::*;
use serde_json::Value;

use crate::decode::decode_raw;
use crate::error::{ErrorKind, ImportError, Result};
use crate::meta::RecordMeta;
use crate::sources::Source;

use super::{
    Context, Event, Fields, RawRecord, Reader, checked_text, failed, finished, open_records,
    record_events,
};

/// Reads a `.jsonl` / `.ndjson` file, its lines parsed in parallel a chunk at a time.
pub(super) struct JsonlReader;

impl Reader for JsonlReader {
    fn read(
        &self,
        src: &Source,
        cx: Context<'_>,
        emit: &mut dyn FnMut(Vec<Event>) -> bool,
    ) -> bool {
        let opts = cx.opts;
        let fields = Fields {
            text: opts.text_field.clone(),
            id: opts.id_field.clone(),
        };
        read_lines(
            src,
            cx,
            emit,
            "holds no record (it is empty or only blank lines): nothing to import",
            |n, b| parse_jsonl_line(&src.name(), n, b, &fields, opts.strict),
            |record| record_events(record, &src.meta_source(), opts),
        )
    }
}

/// Reads the lines of a JSONL source a batch at a time: `parse` turns each
/// (its number and bytes) into a `T`, in parallel, and `events` a `T` into
/// its events, kept in input order; a line `parse` refuses is a failure of
/// that line. `empty` is the warning of a source without a line.
pub(super) fn read_lines<T>(
    src: &Source,
    cx: Context<'_>,
    emit: &mut dyn FnMut(Vec<Event>) -> bool,
    empty: &str,
    parse: impl Fn(usize, &[u8]) -> Result<T> + Sync,
    events: impl Fn(T) -> Vec<Event> + Sync,
) -> bool {
    let opts = cx.opts;
    let reader = match open_records(src) {
        Ok(reader) => reader,
        Err(e) => return emit(failed(src, e)),
    };
    let fields = Fields {
        text: opts.text_field.clone(),
        id: opts.id_field.clone(),
    };
    let mut lines = JsonlRecords::new(reader, &src.name(), &fields, opts.strict)
        .with_long_line(opts.max_doc_bytes);
    let mut sent = 0;
    let mut any = false;
    loop {
        let batch = lines.next_batch(cx.chunk);
        if batch.is_empty() {
            break;
        }
        any = true;
        let bytes: u64 = batch.iter().flatten().map(|(_, b)| b.len() as u64).sum();
        let mut out: Vec<Event> = batch
            .into_par_iter()
            .flat_map_iter(|item| match item.and_then(|(n, b)| parse(n, &b)) {
                Ok(t) => events(t),
                Err(e) => vec![Event::Failure(e.into())],
            })
            .collect();
        out.push(Event::Read {
            bytes,
            file_done: false,
        });
        sent += bytes;
        if !emit(out) {
            return false;
        }
    }
    emit(finished(src, any, sent, empty))
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
    /// A line longer than this ends its batch, so that a batch holds one such line at most.
    long_line: usize,
}

/// The bytes of lines a batch holds at most (beyond them the batch ends):
/// memory stays bounded whatever the length of the lines.
const BATCH_BYTES: usize = 64 << 20;

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
            long_line: usize::MAX,
        }
    }

    /// Ends a batch after a line longer than `bytes` (the size limit of a
    /// document: such a line is refused, and only one is held at a time).
    #[must_use]
    pub(crate) fn with_long_line(mut self, bytes: usize) -> Self {
        self.long_line = bytes;
        self
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

    /// Reads up to `n` raw lines, to be parsed in parallel with
    /// [`parse_jsonl_line`]: fewer after a long line, or [`BATCH_BYTES`] of them.
    pub(crate) fn next_batch(&mut self, n: usize) -> Vec<Result<(usize, Vec<u8>)>> {
        let mut out = Vec::new();
        let mut bytes = 0usize;
        while out.len() < n && !self.done {
            match self.next_line() {
                Some(item) => {
                    let len = item.as_ref().map_or(0, |(_, b)| b.len());
                    out.push(item);
                    bytes = bytes.saturating_add(len);
                    if len > self.long_line || bytes > BATCH_BYTES {
                        break;
                    }
                }
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
    let (object, warning) = json_object(&location, bytes, strict)?;
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
                // Used as given: an id with white space around it is refused, not trimmed.
                Value::String(s) => s,
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

/// The JSON object of one line (decoded as UTF-8, or Windows-1252 unless
/// `strict`), with a warning when its encoding was guessed.
pub(crate) fn json_object(
    location: &str,
    bytes: &[u8],
    strict: bool,
) -> Result<(
    serde_json::Map<String, Value>,
    Option<crate::error::Diagnostic>,
)> {
    let (json, warning) = decode_raw(bytes, location, strict)?;
    let value: Value = serde_json::from_str(&json).map_err(|e| {
        let kind = match lone_surrogate(&json) {
            Some(escape) => ErrorKind::LoneSurrogate { escape },
            None => ErrorKind::Json(e.to_string()),
        };
        ImportError::new(location, kind)
    })?;
    let Value::Object(object) = value else {
        let what = json_type(&value);
        return Err(ImportError::new(
            location,
            ErrorKind::Json(format!("found {what}, not an object")),
        ));
    };
    Ok((object, warning))
}

/// The first `\\uXXXX` escape in `json` that is half of a surrogate pair
/// without its other half (serde_json only says "unexpected end of hex escape").
pub(super) fn lone_surrogate(json: &str) -> Option<String> {
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

pub(crate) fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
