//! CSV with a header line: one document a row, its columns as metadata; a
//! malformed row is an error about that row alone, and reading goes on after it.

use std::io::Read;

use serde_json::Value;

use crate::csv_quotes::{QuoteProblem, QuoteRules, check_quotes};
use crate::decode::decode_raw;
use crate::error::{ErrorKind, ImportError, Result};
use crate::meta::RecordMeta;
use crate::sources::Source;

use super::{
    Context, DEFAULT_ID, Event, Fields, RawRecord, Reader, checked_text, failed, finished,
    open_records, record_batch,
};

/// Reads a `.csv` file, its rows turned into documents in parallel a chunk at a time.
pub(super) struct CsvReader;

impl Reader for CsvReader {
    fn read(
        &self,
        src: &Source,
        cx: Context<'_>,
        emit: &mut dyn FnMut(Vec<Event>) -> bool,
    ) -> bool {
        let opts = cx.opts;
        let reader = match open_records(src) {
            Ok(reader) => reader,
            Err(e) => return emit(failed(src, e)),
        };
        // Follow the quotes first: a quote closed rows later, or never, is
        // an error before any row of the file is imported.
        let rules = QuoteRules {
            text_column: &opts.text_column,
            id_column: opts.id_column.as_deref(),
            multiline: opts.csv_multiline,
        };
        let problem = open_records(src).and_then(|r| {
            check_quotes(r, &rules).map_err(|e| ImportError::new(src.name(), ErrorKind::Io(e)))
        });
        let at = |line: usize| format!("{}:{line}", src.name());
        match problem {
            Ok(None) => {}
            Ok(Some(QuoteProblem::Unclosed { line })) => {
                return emit(failed(
                    src,
                    ImportError::new(at(line), ErrorKind::UnclosedQuote),
                ));
            }
            Ok(Some(QuoteProblem::SwallowsRow {
                line,
                row_line,
                fields,
            })) => {
                let kind = ErrorKind::QuoteSwallowsRow { row_line, fields };
                return emit(failed(src, ImportError::new(at(line), kind)));
            }
            Err(e) => return emit(failed(src, e)),
        }
        let fields = Fields {
            text: opts.text_column.clone(),
            id: opts.id_column.clone(),
        };
        let mut rows = match CsvRecords::new(reader, &src.name(), &fields, opts.strict) {
            Ok(rows) => rows.with_max_text(opts.max_doc_bytes),
            Err(e) => return emit(failed(src, e)),
        };
        let mut sent = 0;
        let mut any = false;
        loop {
            let batch: Vec<_> = rows.by_ref().take(cx.chunk).collect();
            if batch.is_empty() {
                break;
            }
            any = true;
            let mut events = record_batch(batch, |item| item, src, opts);
            let at = rows.byte_position();
            events.push(Event::Read {
                bytes: at.saturating_sub(sent),
                file_done: false,
            });
            sent = sent.max(at);
            if !emit(events) {
                return false;
            }
        }
        emit(finished(
            src,
            any,
            sent,
            "holds no row after its header: nothing to import",
        ))
    }
}

/// Reads the rows of a CSV file with a header line.
pub(crate) struct CsvRecords<R> {
    reader: ::csv::Reader<R>,
    source: String,
    headers: Vec<String>,
    text: usize,
    id: Option<usize>,
    strict: bool,
    record: ::csv::ByteRecord,
    done: bool,
    /// A text above this many bytes is refused as the row is read, so that
    /// a batch of rows never holds more than the one being read.
    max_text: usize,
}

impl<R: Read> CsvRecords<R> {
    /// Reads the header of `reader`, naming it `source` in errors.
    ///
    /// # Errors
    /// When the header cannot be read or has no text column.
    pub(crate) fn new(reader: R, source: &str, fields: &Fields, strict: bool) -> Result<Self> {
        let mut reader = ::csv::ReaderBuilder::new()
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
            record: ::csv::ByteRecord::new(),
            done: false,
            max_text: usize::MAX,
        })
    }

    /// Refuses texts above `bytes` as each row is read.
    #[must_use]
    pub(crate) fn with_max_text(mut self, bytes: usize) -> Self {
        self.max_text = bytes;
        self
    }

    /// Bytes read so far.
    pub(crate) fn byte_position(&self) -> u64 {
        self.reader.position().byte()
    }

    fn row(&self) -> Result<RawRecord> {
        let line = self.record.position().map_or(0, ::csv::Position::line);
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
                // Used as given: an id with white space around it is refused, not trimmed.
                let value = value.into_owned();
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
        if text.len() > self.max_text {
            let kind = ErrorKind::TooLarge {
                bytes: text.len(),
                limit: self.max_text,
            };
            return Err(ImportError::new(location, kind));
        }
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
                let line = e.position().map_or(0, ::csv::Position::line);
                let location = format!("{}:{line}", self.source);
                let message = match e.kind() {
                    ::csv::ErrorKind::UnequalLengths {
                        expected_len, len, ..
                    } => {
                        format!("this row has {len} fields but the header has {expected_len}")
                    }
                    _ => e.to_string(),
                };
                // An I/O error cannot be read past; a malformed row can.
                if matches!(e.kind(), ::csv::ErrorKind::Io(_)) {
                    self.done = true;
                }
                Some(Err(ImportError::new(location, ErrorKind::Csv(message))))
            }
        }
    }
}
