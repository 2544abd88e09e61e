//! The import: inputs to documents, streamed, in parallel, in input order.
//!
//! Two passes over the text files. The first counts, for every short line,
//! how many documents it occurs in (page furniture recurs, articles do not);
//! the second reads, decodes and zones the files a chunk at a time on all
//! cores, while the caller's sink writes the previous chunk. Only a few chunks
//! are in memory at once, whatever the size of the import.

use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, mpsc};

use annot_model::Document;
use annot_model::tokenize::Lang;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::article::{article_document, record_document};
use crate::boilerplate::LineCounts;
use crate::csv_quotes::QuoteProblem;
use crate::decode::{decode_owned, decode_raw, decode_utf16, normalize};
use crate::error::{Diagnostic, ErrorKind, ImportError};
use crate::readers::{CsvRecords, Fields, JsonlRecords, RawRecord, parse_jsonl_line};
use crate::sources::{Source, SourceData, expand};
use crate::zone::Recurrence;

/// One input of an import.
#[derive(Debug)]
pub enum Input {
    /// A file, or a folder searched recursively for `.txt`, `.jsonl`, `.ndjson` and `.csv` files.
    Path(PathBuf),
    /// Standard input (`-` on the command line), read whole from the reader
    /// the caller hands in: this crate never touches the process's own.
    Stdin(StdinReader),
}

impl Input {
    /// Standard input read from `reader` (the caller's `std::io::stdin()`, or a test's bytes).
    pub fn stdin(reader: impl Read + Send + 'static) -> Self {
        Self::Stdin(StdinReader(Mutex::new(Some(Box::new(reader)))))
    }
}

/// The reader of [`Input::Stdin`], read once: an import reads it whole, and
/// a second import of the same input finds it empty.
pub struct StdinReader(Mutex<Option<Box<dyn Read + Send>>>);

impl StdinReader {
    /// The reader, the first time; `None` after.
    pub(crate) fn take(&self) -> Option<Box<dyn Read + Send>> {
        // A poisoned lock means a panic elsewhere; the reader is still whole.
        match self.0.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }
}

impl std::fmt::Debug for StdinReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StdinReader")
    }
}

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A scraped article, one document a file, zoned.
    Text,
    /// One JSON object a line, one document each.
    Jsonl,
    /// A CSV file with a header, one document a row.
    Csv,
}

impl Format {
    /// The format a file's extension says: `.txt`, `.jsonl` / `.ndjson`, `.csv`.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::from_name(&ext)
    }

    /// The format of a name as a user would give it (`text`, `txt`, `jsonl`, `ndjson`, `csv`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Self::Text),
            "jsonl" | "ndjson" => Some(Self::Jsonl),
            "csv" => Some(Self::Csv),
            _ => None,
        }
    }
}

/// Settings of an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Refuse files that are not UTF-8 instead of reading them as Windows-1252.
    pub strict: bool,
    /// Read every input as this format instead of going by extension.
    pub format: Option<Format>,
    /// JSONL: the field holding the text.
    pub text_field: String,
    /// JSONL: the field holding the id; `None` means `id`. A record without
    /// one gets its text digest as id.
    pub id_field: Option<String>,
    /// CSV: the column holding the text.
    pub text_column: String,
    /// CSV: the column holding the id (it must exist); `None` means the `id`
    /// column if there is one. Rows without an id get their text digest.
    pub id_column: Option<String>,
    /// The language of documents that do not say; detected when `None`.
    pub lang: Option<Lang>,
    /// A line is boilerplate when it occurs in at least this many documents...
    pub boilerplate_min_docs: u32,
    /// ...and in at least this share of them (0.0..=1.0).
    pub boilerplate_min_share: f64,
    /// Files (or records) processed together; bounds memory use.
    pub chunk_size: usize,
    /// The largest document text taken, in bytes of UTF-8 (after
    /// normalisation); a larger one is a failure of its file or line.
    pub max_doc_bytes: usize,
}

/// The default of [`ImportOptions::max_doc_bytes`]: 2 MiB of text, some
/// 300 pages; news articles are a few kilobytes.
pub const DEFAULT_MAX_DOC_BYTES: usize = 2 * 1024 * 1024;

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            strict: false,
            format: None,
            text_field: "text".into(),
            id_field: None,
            text_column: "text".into(),
            id_column: None,
            lang: None,
            boilerplate_min_docs: 3,
            boilerplate_min_share: 0.01,
            chunk_size: 1024,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
        }
    }
}

/// Which pass a [`Progress`] report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Counting recurring lines across the text files.
    Scanning,
    /// Reading, zoning and emitting documents.
    Importing,
}

/// How far an import has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The pass under way.
    pub phase: Phase,
    /// Input files finished in this pass.
    pub files_done: u64,
    /// Input files in this pass.
    pub files_total: u64,
    /// Input bytes finished in this pass.
    pub bytes_done: u64,
    /// Input bytes in this pass.
    pub bytes_total: u64,
    /// Documents emitted so far.
    pub documents: u64,
}

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    /// Input files (and standard input) read.
    pub files: usize,
    /// Documents emitted.
    pub documents: usize,
    /// Zones of the documents emitted.
    pub zones: usize,
    /// Things the user should check, that did not stop a document.
    pub warnings: Vec<Diagnostic>,
    /// Files, lines and rows that gave no document, and why.
    pub failures: Vec<Diagnostic>,
    /// Documents not emitted because an earlier one had the same id or text.
    pub duplicates: Vec<Diagnostic>,
    /// Of the documents emitted, those without an id field (or file name),
    /// whose id is their text digest.
    pub digest_ids: usize,
}

/// What the workers tell the thread that emits, in input order.
enum Event {
    Doc {
        doc: Box<Document>,
        location: String,
        /// The record had no id field, so the text digest is the id.
        digest_id: bool,
    },
    Warning(Diagnostic),
    Failure(Diagnostic),
    Read {
        bytes: u64,
        file_done: bool,
    },
}

/// Imports `inputs`, giving each new document to `sink` in input order
/// (inputs in the order given, a folder's files sorted by path, then lines or rows).
///
/// Per-file, per-line and per-row problems are collected in the report and
/// do not stop the import; so are documents whose id or text an earlier
/// document of this import had. `progress` is called from the calling thread.
///
/// # Errors
/// Only the sink's error, which stops the import at once.
pub fn import<E>(
    inputs: &[Input],
    opts: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<ImportReport, E> {
    let mut report = ImportReport::default();
    let sources = expand(
        inputs,
        opts.format,
        &mut report.failures,
        &mut report.warnings,
    );
    let counts = count_lines(&sources, opts, progress);
    let recurrence = counts.as_ref().map(|counts| Recurrence {
        counts,
        min_docs: opts.boilerplate_min_docs,
        min_share: opts.boilerplate_min_share,
    });
    let chunk = opts.chunk_size.max(1);
    let mut tally = Progress {
        phase: Phase::Importing,
        files_done: 0,
        files_total: sources.len() as u64,
        bytes_done: 0,
        bytes_total: sources.iter().map(|s| s.size).sum(),
        documents: 0,
    };
    progress(tally);
    std::thread::scope(|scope| {
        // A few chunks in flight: some being zoned while the sink writes another.
        let (tx, rx) = mpsc::sync_channel::<Vec<Event>>(2);
        scope.spawn(move || produce(&sources, opts, recurrence, chunk, &tx));
        let mut seen = Seen::default();
        for batch in rx {
            for event in batch {
                match event {
                    Event::Doc {
                        doc,
                        location,
                        digest_id,
                    } => {
                        if let Some(dup) = seen.duplicate(&doc, &location) {
                            report.duplicates.push(dup);
                            continue;
                        }
                        report.documents += 1;
                        report.digest_ids += usize::from(digest_id);
                        report.zones += doc.zones.len();
                        tally.documents += 1;
                        sink(*doc)?;
                    }
                    Event::Warning(d) => report.warnings.push(d),
                    Event::Failure(d) => report.failures.push(d),
                    Event::Read { bytes, file_done } => {
                        tally.bytes_done += bytes;
                        if file_done {
                            tally.files_done += 1;
                            report.files += 1;
                        }
                    }
                }
            }
            progress(tally);
        }
        Ok(report)
    })
}

/// The ids and texts emitted so far, with where they came from.
#[derive(Default)]
struct Seen {
    /// Id -> location of its document.
    ids: FxHashMap<String, String>,
    /// Text digest -> its document's id (whose location `ids` has).
    hashes: FxHashMap<String, String>,
}

impl Seen {
    /// A diagnostic when `doc` repeats an earlier document, else records it.
    fn duplicate(&mut self, doc: &Document, location: &str) -> Option<Diagnostic> {
        if let Some(first) = self.ids.get(&doc.id) {
            let message = format!(
                "duplicate id '{}' (first in {first}); not imported again",
                doc.id
            );
            return Some(Diagnostic::new(location, message));
        }
        if let Some(id) = self.hashes.get(&doc.hash) {
            let first = self.ids.get(id).map_or("", String::as_str);
            let message = format!("same text as document '{id}' ({first}); not imported again");
            return Some(Diagnostic::new(location, message));
        }
        self.ids.insert(doc.id.clone(), location.to_string());
        self.hashes.insert(doc.hash.clone(), doc.id.clone());
        None
    }
}

/// Text files read by the first pass at most. Furniture worth the name
/// recurs in a good share of the documents, so an even sample of a large
/// import finds it as surely as the whole, at a fraction of the reading.
const SCAN_SAMPLE: usize = 4096;

/// The first pass: in how many documents (of an even sample of at most
/// [`SCAN_SAMPLE`]) each short line of the text files occurs. `None` when
/// there are too few text files for lines to recur.
fn count_lines(
    sources: &[Source],
    opts: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Option<LineCounts> {
    let all = sources.iter().filter(|s| s.format == Format::Text);
    let n = all.clone().count();
    if n < opts.boilerplate_min_docs.max(2) as usize {
        return None;
    }
    let texts: Vec<&Source> = all.step_by(n.div_ceil(SCAN_SAMPLE)).collect();
    let mut counts = LineCounts::new();
    let mut tally = Progress {
        phase: Phase::Scanning,
        files_done: 0,
        files_total: texts.len() as u64,
        bytes_done: 0,
        bytes_total: texts.iter().map(|s| s.size).sum(),
        documents: 0,
    };
    progress(tally);
    for chunk in texts.chunks(opts.chunk_size.max(1)) {
        let keys: Vec<Option<Vec<u64>>> = chunk
            .par_iter()
            .map(|src| {
                // Unreadable files are reported by the second pass.
                let bytes = src.bytes().ok()?;
                let (text, _) = decode_raw(&bytes, &src.name, false).ok()?;
                Some(LineCounts::document_keys(&normalize(&text)))
            })
            .collect();
        for k in keys.iter().flatten() {
            counts.add_document(k);
        }
        tally.files_done += chunk.len() as u64;
        tally.bytes_done += chunk.iter().map(|s| s.size).sum::<u64>();
        progress(tally);
    }
    Some(counts)
}

/// The second pass, on its own thread: events of every source, a chunk at a time.
fn produce(
    sources: &[Source],
    opts: &ImportOptions,
    recurrence: Option<Recurrence<'_>>,
    chunk: usize,
    tx: &mpsc::SyncSender<Vec<Event>>,
) {
    let mut i = 0;
    while i < sources.len() {
        let batch = if sources[i].format == Format::Text {
            let end = (i..sources.len())
                .take(chunk)
                .find(|&j| sources[j].format != Format::Text)
                .unwrap_or(sources.len().min(i + chunk));
            let events: Vec<Event> = sources[i..end]
                .par_iter()
                .flat_map_iter(|src| text_events(src, opts, recurrence))
                .collect();
            i = end;
            events
        } else {
            let ok = records(&sources[i], opts, chunk, tx);
            i += 1;
            if !ok {
                return;
            }
            continue;
        };
        // The receiver is gone when the sink failed: stop.
        if tx.send(batch).is_err() {
            return;
        }
    }
}

/// The events of one text file: its document (or failure) and warnings.
fn text_events(
    src: &Source,
    opts: &ImportOptions,
    recurrence: Option<Recurrence<'_>>,
) -> Vec<Event> {
    let mut events = Vec::with_capacity(2);
    let done = Event::Read {
        bytes: src.size,
        file_done: true,
    };
    let decoded = src
        .bytes()
        .and_then(|bytes| decode_owned(bytes, &src.name, opts.strict));
    match decoded {
        Err(e) => events.push(Event::Failure(e.into())),
        Ok((text, _)) if text.len() > opts.max_doc_bytes => {
            let kind = ErrorKind::TooLarge {
                bytes: text.len(),
                limit: opts.max_doc_bytes,
            };
            events.push(Event::Failure(ImportError::new(&src.name, kind).into()));
        }
        Ok(_) if bad_file_id(src).is_some() => {
            if let Some(problem) = bad_file_id(src) {
                let field = "the file name without its extension".to_string();
                let kind = ErrorKind::BadId { field, problem };
                events.push(Event::Failure(ImportError::new(&src.name, kind).into()));
            }
        }
        Ok((text, warning)) => {
            events.extend(warning.map(Event::Warning));
            let id = src
                .id
                .clone()
                .unwrap_or_else(|| annot_model::text_hash(&text));
            let doc = article_document(&id, text, &src.meta_source, opts.lang, recurrence);
            events.push(Event::Doc {
                doc: Box::new(doc),
                location: src.name.clone(),
                digest_id: src.id.is_none(),
            });
        }
    }
    events.push(done);
    events
}

/// What is wrong with the id a text file's name gives, if anything.
fn bad_file_id(src: &Source) -> Option<String> {
    annot_model::document::check_id(src.id.as_deref()?).err()
}

/// Streams the records of a JSONL or CSV source to `tx`; `false` when the receiver is gone.
fn records(
    src: &Source,
    opts: &ImportOptions,
    chunk: usize,
    tx: &mpsc::SyncSender<Vec<Event>>,
) -> bool {
    let fail = |e: ImportError| {
        vec![
            Event::Failure(e.into()),
            Event::Read {
                bytes: src.size,
                file_done: true,
            },
        ]
    };
    let reader = match open_records(src) {
        Ok(reader) => reader,
        Err(e) => return tx.send(fail(e)).is_ok(),
    };
    if src.format == Format::Csv {
        // Follow the quotes first: a quote closed rows later, or never, is
        // an error before any row of the file is imported.
        let problem = open_records(src).and_then(|r| {
            crate::csv_quotes::check_quotes(r)
                .map_err(|e| ImportError::new(&src.name, ErrorKind::Io(e)))
        });
        let at = |line: usize| format!("{}:{line}", src.name);
        match problem {
            Ok(None) => {}
            Ok(Some(QuoteProblem::Unclosed { line })) => {
                return tx
                    .send(fail(ImportError::new(at(line), ErrorKind::UnclosedQuote)))
                    .is_ok();
            }
            Ok(Some(QuoteProblem::SwallowsRow {
                line,
                row_line,
                fields,
            })) => {
                let kind = ErrorKind::QuoteSwallowsRow { row_line, fields };
                return tx.send(fail(ImportError::new(at(line), kind))).is_ok();
            }
            Err(e) => return tx.send(fail(e)).is_ok(),
        }
    }
    let mut sent = 0;
    let mut any = false;
    let build = |r: RawRecord| record_events(r, &src.meta_source, opts);
    if src.format == Format::Jsonl {
        let fields = Fields {
            text: opts.text_field.clone(),
            id: opts.id_field.clone(),
        };
        let mut lines = JsonlRecords::new(reader, &src.name, &fields, opts.strict);
        let parse = |n: usize, b: &[u8]| parse_jsonl_line(&src.name, n, b, &fields, opts.strict);
        loop {
            let batch = lines.next_batch(chunk);
            if batch.is_empty() {
                break;
            }
            any = true;
            let bytes: u64 = batch.iter().flatten().map(|(_, b)| b.len() as u64).sum();
            let mut events: Vec<Event> = batch
                .into_par_iter()
                .flat_map_iter(|item| match item.and_then(|(n, b)| parse(n, &b)) {
                    Ok(record) => build(record),
                    Err(e) => vec![Event::Failure(e.into())],
                })
                .collect();
            events.push(Event::Read {
                bytes,
                file_done: false,
            });
            sent += bytes;
            if tx.send(events).is_err() {
                return false;
            }
        }
    } else {
        let fields = Fields {
            text: opts.text_column.clone(),
            id: opts.id_column.clone(),
        };
        let mut rows = match CsvRecords::new(reader, &src.name, &fields, opts.strict) {
            Ok(rows) => rows,
            Err(e) => return tx.send(fail(e)).is_ok(),
        };
        loop {
            let batch: Vec<_> = rows.by_ref().take(chunk).collect();
            if batch.is_empty() {
                break;
            }
            any = true;
            let mut events: Vec<Event> = batch
                .into_par_iter()
                .flat_map_iter(|item| match item {
                    Ok(record) => build(record),
                    Err(e) => vec![Event::Failure(e.into())],
                })
                .collect();
            let at = rows.byte_position();
            events.push(Event::Read {
                bytes: at.saturating_sub(sent),
                file_done: false,
            });
            sent = sent.max(at);
            if tx.send(events).is_err() {
                return false;
            }
        }
    }
    let mut last = Vec::with_capacity(2);
    if !any {
        let what = if src.format == Format::Csv {
            "holds no row after its header: nothing to import"
        } else {
            "holds no record (it is empty or only blank lines): nothing to import"
        };
        last.push(Event::Warning(Diagnostic::new(&src.name, what)));
    }
    // Whatever was not counted line by line (blank lines, the header) counts now.
    last.push(Event::Read {
        bytes: src.size.saturating_sub(sent),
        file_done: true,
    });
    tx.send(last).is_ok()
}

/// A reader of the bytes of a JSONL or CSV source, as UTF-8 when a UTF-16
/// byte order mark says the file is UTF-16 (decoded whole first: records are
/// split on bytes).
fn open_records(src: &Source) -> Result<BufReader<Box<dyn Read + Send + '_>>, ImportError> {
    let io = |e| ImportError::new(&src.name, ErrorKind::Io(e));
    let reader: Box<dyn Read + Send + '_> = match &src.data {
        SourceData::Stdin(bytes) => Box::new(bytes.as_slice()),
        SourceData::File(path) => Box::new(std::fs::File::open(path).map_err(io)?),
    };
    let mut reader = BufReader::with_capacity(1 << 18, reader);
    if matches!(reader.fill_buf(), Ok([0xFF, 0xFE, ..] | [0xFE, 0xFF, ..])) {
        let mut bytes = Vec::new();
        reader.read_to_end(&mut bytes).map_err(io)?;
        let text = decode_utf16(&bytes, &src.name).unwrap_or_else(|| Ok(String::new()))?;
        let decoded: Box<dyn Read + Send + '_> = Box::new(std::io::Cursor::new(text.into_bytes()));
        reader = BufReader::with_capacity(1 << 18, decoded);
    }
    Ok(reader)
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
    events.push(Event::Doc {
        doc: Box::new(doc),
        location: r.location,
        digest_id,
    });
    events
}
