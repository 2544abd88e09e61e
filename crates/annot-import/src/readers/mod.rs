//! Readers of the input formats, one module a format, behind [`Reader`].
//!
//! A reader turns one source (a file, or standard input) into [`Item`]s: a
//! document, with the annotations the input carried when it is another
//! tool's annotation file. It also reports what did not become an item
//! (a bad line, a row without text) and how many bytes it has read, so
//! that the import can show progress. Scraped article text, JSONL and CSV
//! carry documents only; the annotated formats (Prodigy, doccano, Label
//! Studio, brat, CoNLL, annot's own JSONL export) carry annotations too.
//!
//! Adding a format: a module here with a type implementing [`Reader`], a
//! [`Format`] variant (annotated unless [`Format::is_annotated`] says
//! otherwise), its name in [`Format::NAMES`] and [`Format::from_name`], and
//! its line in [`reader`]. An annotated format's reader turns each document
//! into an [`AnnotatedIn`](crate::annotated::AnnotatedIn) and gives it to
//! [`annotated_events`](crate::annotated::annotated_events), which checks
//! every span and makes the records; a JSONL one only writes the parser of
//! one line ([`lines::AnnotatedLines`]).

mod align_index;
mod brat;
pub(crate) mod conll;
mod csv;
mod doccano;
mod jsonl;
mod jsonl_spans;
mod label_studio;
mod lines;
mod prodigy;
mod text;

use std::io::{BufRead, BufReader, Read};

use annot_model::{Document, Record};
use rayon::prelude::*;

use crate::annotated::Conversion;
use crate::article::record_document;
use crate::decode::{decode_utf16, normalize};
use crate::error::{Diagnostic, ErrorKind, ImportError, Result};
use crate::input::{Format, ImportOptions};
use crate::meta::RecordMeta;
use crate::sources::{Source, SourceData};
use crate::zone::Recurrence;

/// One thing an input holds: a document, and the annotations made on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// The document, its text normalised.
    pub document: Document,
    /// Annotations the input carried on this document, one record an
    /// annotator (empty for formats without annotations).
    pub records: Vec<Record>,
    /// Set by the import when an earlier document of the same import had
    /// this text: the id of that document, which the records attach to (the
    /// document itself is not imported again).
    pub repeat_of: Option<String>,
    /// The file, or `file:line`, the item came from (set by the import).
    pub location: String,
}

impl From<Document> for Item {
    fn from(document: Document) -> Self {
        Self {
            document,
            records: Vec::new(),
            repeat_of: None,
            location: String::new(),
        }
    }
}

/// What a reader tells the import, in input order.
pub(crate) enum Event {
    Item {
        item: Box<Item>,
        /// The file, or `file:line`, the item came from.
        location: String,
        /// The input gave no id, so the text digest is the id.
        digest_id: bool,
    },
    Warning(Diagnostic),
    Failure(Diagnostic),
    /// Something converted to be imported (UTF-16 offsets, a discontinuous span).
    Conversion(Conversion),
    /// An annotation left out (with `skip_bad`), and why.
    Refusal(Diagnostic),
    /// `bytes` more of the source read; `file_done` when it is all read.
    Read {
        bytes: u64,
        file_done: bool,
    },
}

/// What every reader reads with.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) opts: &'a ImportOptions,
    /// Lines recurring across the text files of the import.
    pub(crate) recurrence: Option<Recurrence<'a>>,
    /// Records (or files) handled together; bounds memory use.
    pub(crate) chunk: usize,
}

/// A reader of one input format.
pub(crate) trait Reader: Sync {
    /// Reads `src`, giving its events to `emit` in input order, a batch at a
    /// time, and ends the batches with a [`Event::Read`] whose `file_done` is
    /// set. `emit` returns `false` when the import has stopped; the reader
    /// then stops too and returns `false`.
    fn read(&self, src: &Source, cx: Context<'_>, emit: &mut dyn FnMut(Vec<Event>) -> bool)
    -> bool;

    /// Whether a file of this format is one document, read in one batch, so
    /// that the import reads many such files at once on all cores.
    fn one_document_a_file(&self) -> bool {
        false
    }
}

/// The reader of `format`.
pub(crate) fn reader(format: Format) -> &'static dyn Reader {
    match format {
        Format::Text => &text::TextReader,
        Format::Jsonl => &jsonl::JsonlReader,
        Format::Csv => &csv::CsvReader,
        Format::JsonlSpans => &jsonl_spans::JSONL_SPANS,
        Format::Prodigy => &prodigy::PRODIGY,
        Format::Doccano => &doccano::DOCCANO,
        Format::LabelStudio => &label_studio::LabelStudioReader,
        Format::Brat => &brat::BratReader,
        Format::Conll => &conll::ConllReader,
    }
}

/// Field names of the records of a JSONL or CSV file.
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

/// One record of a JSONL or CSV file, ready to become a document.
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

/// The events of one record: its document and any warnings.
fn record_events(r: RawRecord, source: &str, opts: &ImportOptions) -> Vec<Event> {
    if r.text.len() > opts.max_doc_bytes {
        let kind = ErrorKind::TooLarge {
            bytes: r.text.len(),
            limit: opts.max_doc_bytes,
        };
        return vec![Event::Failure(ImportError::new(r.location, kind).into())];
    }
    let lang = opts.lang;
    let mut events: Vec<Event> = r
        .warnings
        .iter()
        .map(|w| Event::Warning(Diagnostic::new(&r.location, w.clone())))
        .collect();
    let digest_id = r.id.is_none();
    let (doc, warning) = record_document(r.id, r.text, r.meta, source, lang);
    events.extend(warning.map(|w| Event::Warning(Diagnostic::new(&r.location, w))));
    events.push(Event::Item {
        item: Box::new(doc.into()),
        location: r.location,
        digest_id,
    });
    events
}

/// The events of a batch of records, made in parallel and kept in order;
/// `parse` turns each item of the batch into a record (or its error).
fn record_batch<T: Send>(
    batch: Vec<T>,
    parse: impl Fn(T) -> Result<RawRecord> + Sync,
    src: &Source,
    opts: &ImportOptions,
) -> Vec<Event> {
    batch
        .into_par_iter()
        .flat_map_iter(|item| match parse(item) {
            Ok(record) => record_events(record, &src.meta_source(), opts),
            Err(e) => vec![Event::Failure(e.into())],
        })
        .collect()
}

/// Gives `emit` the events of a source read whole, and then all its bytes read.
fn emit_whole(
    src: &Source,
    mut events: Vec<Event>,
    emit: &mut dyn FnMut(Vec<Event>) -> bool,
) -> bool {
    events.push(Event::Read {
        bytes: src.size,
        file_done: true,
    });
    emit(events)
}

/// The events of a source that gave no record: its failure, and all its bytes read.
fn failed(src: &Source, e: ImportError) -> Vec<Event> {
    vec![
        Event::Failure(e.into()),
        Event::Read {
            bytes: src.size,
            file_done: true,
        },
    ]
}

/// The last events of a record file: a warning when it had no record
/// (`empty` says so), and the bytes not counted record by record (blank
/// lines, a header) out of the `sent` already counted.
fn finished(src: &Source, any: bool, sent: u64, empty: &str) -> Vec<Event> {
    let mut last = Vec::with_capacity(2);
    if !any {
        last.push(Event::Warning(Diagnostic::new(src.name(), empty)));
    }
    last.push(Event::Read {
        bytes: src.size.saturating_sub(sent),
        file_done: true,
    });
    last
}

/// A reader of the bytes of a JSONL or CSV source, as UTF-8 when a UTF-16
/// byte order mark says the file is UTF-16 (decoded whole first: records are
/// split on bytes).
fn open_records(src: &Source) -> Result<BufReader<Box<dyn Read + Send + '_>>> {
    let io = |e| ImportError::new(src.name(), ErrorKind::Io(e));
    let reader: Box<dyn Read + Send + '_> = match (&src.data, src.data.path()) {
        (_, Some(path)) => Box::new(std::fs::File::open(path).map_err(io)?),
        (SourceData::Stdin(named), None) => Box::new(named.bytes.as_slice()),
        (SourceData::File { .. }, None) => Box::new(std::io::empty()),
    };
    let mut reader = BufReader::with_capacity(1 << 18, reader);
    if matches!(reader.fill_buf(), Ok([0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])) {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(io)?;
        let text = decode_utf16(&bytes, &src.name()).unwrap_or_else(|| Ok(String::new()))?;
        let decoded: Box<dyn Read + Send + '_> = Box::new(std::io::Cursor::new(text.into_bytes()));
        reader = BufReader::with_capacity(1 << 18, decoded);
    }
    Ok(reader)
}

#[cfg(test)]
mod tests;
