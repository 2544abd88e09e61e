//! The import: inputs to documents, streamed, in parallel, in input order.
//!
//! Two passes over the text files. The first counts, for every short line,
//! how many documents it occurs in (page furniture recurs, articles do not);
//! the second reads, decodes and zones the files a chunk at a time on all
//! cores, while the caller's sink writes the previous chunk. Only a few chunks
//! are in memory at once, whatever the size of the import.

use std::sync::mpsc;

use annot_model::Document;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::annotated::Conversion;
use crate::boilerplate::{LineCounts, RecurrenceSample};
use crate::decode::{decode_raw, normalize};
use crate::error::Diagnostic;
use crate::input::{Format, ImportOptions, Input};
use crate::readers::{self, Context, Event, Item};
use crate::sources::{Source, expand};
use crate::zone::Recurrence;

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
    /// Documents not emitted because an earlier one had the same text
    /// (under the same id, or another one the message names).
    pub duplicates: Vec<Diagnostic>,
    /// Documents not emitted because an earlier one had the same id with
    /// another text: input left out, like a failure.
    pub conflicts: Vec<Diagnostic>,
    /// Of the documents emitted, those without an id field (or file name),
    /// whose id is their text digest.
    pub digest_ids: usize,
    /// What was converted to be imported (annotated formats).
    pub conversions: Vec<Conversion>,
    /// Annotations left out with `skip_bad`, and why.
    pub refusals: Vec<Diagnostic>,
}

/// Imports `inputs`, giving each new document to `sink` in input order
/// (inputs in the order given, a folder's files sorted by path, then lines or rows).
///
/// Per-file, per-line and per-row problems are collected in the report and
/// do not stop the import; so are documents whose id or text an earlier
/// document of this import had (a repeated id with another text is a
/// conflict: input left out, like a failure). `progress` is called from the calling thread.
///
/// # Errors
/// Only the sink's error, which stops the import at once.
pub fn import<E>(
    inputs: &[Input],
    opts: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<ImportReport, E> {
    import_items(inputs, opts, progress, &mut |item: Item| {
        if item.repeat_of.is_some() {
            return Ok(());
        }
        sink(item.document)
    })
}

/// [`import`], giving `sink` each new document as an [`Item`], with the
/// annotations its input carried. A document with annotations whose text an
/// earlier one of the import had is given too, with [`Item::repeat_of`]
/// naming that earlier document (its annotations attach to it).
///
/// # Errors
/// Only the sink's error, which stops the import at once.
pub fn import_items<E>(
    inputs: &[Input],
    opts: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
    sink: &mut dyn FnMut(Item) -> Result<(), E>,
) -> Result<ImportReport, E> {
    let mut report = ImportReport::default();
    let sources = expand(
        inputs,
        opts.format,
        &mut report.failures,
        &mut report.warnings,
    );
    let counts = count_lines(&sources, opts, progress);
    run(
        &sources,
        counts.as_ref(),
        opts,
        progress,
        &mut Seen::default(),
        &mut report,
        sink,
    )?;
    Ok(report)
}

/// The second pass over `sources`, zoning text files with `counts` (the first
/// pass's, or a table summed elsewhere): what [`import_items`] does once the
/// lines are counted, and what a stream import does chunk by chunk, `seen`
/// and `report` carried from one chunk to the next.
pub(crate) fn run<E>(
    sources: &[Source],
    counts: Option<&LineCounts>,
    opts: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
    seen: &mut Seen,
    report: &mut ImportReport,
    sink: &mut dyn FnMut(Item) -> Result<(), E>,
) -> Result<(), E> {
    let recurrence = counts.map(|counts| Recurrence {
        counts,
        min_docs: opts.boilerplate_min_docs,
        min_share: opts.boilerplate_min_share,
    });
    let cx = Context {
        opts,
        recurrence,
        chunk: opts.chunk_size.max(1),
    };
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
        scope.spawn(move || produce(sources, cx, &tx));
        for batch in rx {
            for event in batch {
                match event {
                    Event::Item {
                        item,
                        location,
                        digest_id,
                    } => {
                        let mut item = item;
                        item.location.clone_from(&location);
                        match seen.duplicate(&item.document, &location) {
                            Some(Repeat::SameText(_)) if !item.records.is_empty() => {
                                item.repeat_of = seen.id_of(&item.document.hash);
                                sink(*item)?;
                                continue;
                            }
                            Some(Repeat::SameText(d)) => {
                                report.duplicates.push(d);
                                continue;
                            }
                            Some(Repeat::IdTaken(d)) => {
                                report.conflicts.push(d);
                                continue;
                            }
                            None => {}
                        }
                        report.documents += 1;
                        report.digest_ids += usize::from(digest_id);
                        report.zones += item.document.zones.len();
                        tally.documents += 1;
                        sink(*item)?;
                    }
                    Event::Warning(d) => report.warnings.push(d),
                    Event::Failure(d) => report.failures.push(d),
                    Event::Conversion(c) => report.conversions.push(c),
                    Event::Refusal(d) => report.refusals.push(d),
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
        Ok(())
    })
}

/// The ids and texts emitted so far, with where they came from.
#[derive(Default)]
pub(crate) struct Seen {
    /// Id -> location of its document, and its text digest.
    ids: FxHashMap<String, (String, String)>,
    /// Text digest -> its document's id (whose location `ids` has).
    hashes: FxHashMap<String, String>,
}

/// How a document repeats an earlier one of the import.
enum Repeat {
    /// The same text (under the same id or another): not needed again.
    SameText(Diagnostic),
    /// The same id with another text: one of the two is left out.
    IdTaken(Diagnostic),
}

impl Seen {
    /// The id of the document of this import with the text digest `hash`.
    fn id_of(&self, hash: &str) -> Option<String> {
        self.hashes.get(hash).cloned()
    }

    /// How `doc` repeats an earlier document, if it does; else records it.
    fn duplicate(&mut self, doc: &Document, location: &str) -> Option<Repeat> {
        if let Some((first, hash)) = self.ids.get(&doc.id) {
            if *hash == doc.hash {
                let message = format!(
                    "document '{}' again, with the same text (first in {first}); not imported again",
                    doc.id
                );
                return Some(Repeat::SameText(Diagnostic::new(location, message)));
            }
            let message = format!(
                "id '{}' is taken by another text earlier in this import ({first}); this one \
                 was not imported: give it a different id, or leave one of the two out",
                doc.id
            );
            return Some(Repeat::IdTaken(Diagnostic::new(location, message)));
        }
        if let Some(id) = self.hashes.get(&doc.hash) {
            let first = self.ids.get(id).map_or("", |(l, _)| l.as_str());
            let message = format!(
                "same text as document '{id}' ({first}); '{}' not imported",
                doc.id
            );
            return Some(Repeat::SameText(Diagnostic::new(location, message)));
        }
        self.ids
            .insert(doc.id.clone(), (location.to_string(), doc.hash.clone()));
        self.hashes.insert(doc.hash.clone(), doc.id.clone());
        None
    }
}

/// The first pass: in how many documents (of the sample
/// [`crate::RecurrenceSample`] takes, about `opts.recurrence_sample` of them)
/// each short line of the text files occurs. `None` when there are too few
/// text files for lines to recur.
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
    let sample = RecurrenceSample {
        total: n as u64,
        sample: opts.recurrence_sample,
    };
    let texts: Vec<&Source> = all
        .filter(|s| sample.keeps(s.id.as_deref(), &s.meta_source))
        .collect();
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
fn produce(sources: &[Source], cx: Context<'_>, tx: &mpsc::SyncSender<Vec<Event>>) {
    let mut i = 0;
    while i < sources.len() {
        let format = sources[i].format;
        let reader = readers::reader(format);
        if !reader.one_document_a_file() {
            let ok = reader.read(&sources[i], cx, &mut |batch| tx.send(batch).is_ok());
            i += 1;
            // The receiver is gone when the sink failed: stop.
            if !ok {
                return;
            }
            continue;
        }
        // A run of files of one document each, read at once on all cores.
        let end = (i..sources.len())
            .take(cx.chunk)
            .find(|&j| sources[j].format != format)
            .unwrap_or(sources.len().min(i + cx.chunk));
        let batch: Vec<Event> = sources[i..end]
            .par_iter()
            .flat_map_iter(|src| {
                let mut events = Vec::new();
                reader.read(src, cx, &mut |batch| {
                    events.extend(batch);
                    true
                });
                events
            })
            .collect();
        i = end;
        if tx.send(batch).is_err() {
            return;
        }
    }
}
