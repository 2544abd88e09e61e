//! The import: inputs to documents, streamed, in parallel, in input order.
//!
//! Two passes over the text files. The first counts, for every short line,
//! how many documents it occurs in (page furniture recurs, articles do not);
//! the second reads, decodes and zones the files a chunk at a time on all
//! cores, while the caller's sink writes the previous chunk. Only a few chunks
//! are in memory at once, whatever the size of the import.

use std::sync::mpsc;

use annot_model::{Document, SpillList};
use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::annotated::Conversion;
use crate::boilerplate::{LineCounts, RecurrenceSample};
use crate::decode::{decode_raw, normalize};
use crate::error::Diagnostic;
use crate::input::{Format, ImportOptions, Input};
use crate::readers::{self, Context, Event, Item};
use crate::sources::{LIST_NAME, Source, SourceList, expand};
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

/// A list of diagnostics that grows with the input: past its first
/// [`SpillList::IN_MEMORY`] in a temporary file, so that a million files
/// each with a warning cost no more memory than a few thousand.
pub type Diagnostics = SpillList<Diagnostic>;

/// Appends the diagnostics of `more` to `list`. When `more` cannot be read
/// back from its temporary file, `list` says so where its rest would be.
pub(crate) fn append(list: &mut Diagnostics, more: &Diagnostics) {
    for d in more.iter() {
        match d {
            Ok(d) => {
                list.push(d);
            }
            Err(e) => {
                list.push(Diagnostic::new("the import's report", e.to_string()));
                break;
            }
        }
    }
}

/// What an import did.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Input files (and standard input) read.
    pub files: usize,
    /// Documents emitted.
    pub documents: usize,
    /// Zones of the documents emitted.
    pub zones: usize,
    /// Things the user should check, that did not stop a document.
    pub warnings: Diagnostics,
    /// Files, lines and rows that gave no document, and why.
    pub failures: Diagnostics,
    /// Documents not emitted because an earlier one had the same text
    /// (under the same id, or another one the message names).
    pub duplicates: Diagnostics,
    /// Documents not emitted because an earlier one had the same id with
    /// another text: input left out, like a failure.
    pub conflicts: Diagnostics,
    /// Of the documents emitted, those without an id field (or file name),
    /// whose id is their text digest.
    pub digest_ids: usize,
    /// What was converted to be imported (annotated formats).
    pub conversions: SpillList<Conversion>,
    /// Annotations left out with `skip_bad`, and why.
    pub refusals: Diagnostics,
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
    // Zoning's automata are built while the files are listed (a thread
    // that cannot be made leaves them to the first lines, as before).
    if reads_text(inputs, opts.format) {
        let _ = std::thread::Builder::new()
            .name("annot-warm-up".into())
            .spawn(crate::warm_up);
    }
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

/// Whether an import of `inputs` may zone scraped text: a folder, a text
/// file or standard input, read as text or by extension.
fn reads_text(inputs: &[Input], format: Option<Format>) -> bool {
    match format {
        Some(f) => f == Format::Text,
        None => inputs.iter().any(|input| match input {
            Input::Stdin(_) => true,
            Input::Path(path) => {
                path.is_dir() || Format::from_path(path).is_none_or(|f| f == Format::Text)
            }
        }),
    }
}

/// The second pass over `sources`, zoning text files with `counts` (the first
/// pass's, or a table summed elsewhere): what [`import_items`] does once the
/// lines are counted, and what a stream import does chunk by chunk, `seen`
/// and `report` carried from one chunk to the next.
pub(crate) fn run<E>(
    sources: &SourceList,
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
        bytes_total: sources.size(),
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
                    Event::Warning(d) => {
                        report.warnings.push(d);
                    }
                    Event::Failure(d) => {
                        report.failures.push(d);
                    }
                    Event::Conversion(c) => {
                        report.conversions.push(c);
                    }
                    Event::Refusal(d) => {
                        report.refusals.push(d);
                    }
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

/// The ids and texts emitted so far, with where they came from: in memory,
/// a 32-bit key and a record number for each in two tables (16 bytes a
/// document); the ids, locations and digests themselves go to a spill file,
/// read back when a key repeats (a repeat, or one key in some four billion
/// shared by chance), so that a million-document import does not hold them.
#[derive(Default)]
pub(crate) struct Seen {
    /// Key of an id -> record number of its first document in `spill`.
    ids: KeyTable,
    /// Key of a text digest -> record number of its first document in `spill`.
    hashes: KeyTable,
    /// Documents whose key another id (or digest) has already: rare.
    ids_overflow: FxHashMap<String, u32>,
    hashes_overflow: FxHashMap<String, u32>,
    spill: Spill,
}

/// Where [`Seen`] keeps what it has seen: (id, location, digest) records,
/// each padded to a multiple of 8 bytes and numbered by its offset / 8, in a
/// temporary file; in memory when none can be made or written (numbers with
/// [`IN_MEMORY`] set).
#[derive(Default)]
struct Spill {
    file: Option<std::io::BufWriter<std::fs::File>>,
    len: u64,
    /// A temporary file was tried; `full` once a write to it failed.
    tried: bool,
    full: bool,
    memory: Vec<u8>,
}

/// 32-bit keys to record numbers, 8 bytes an entry: the latest keys in a
/// small hash table, merged into a sorted vector (of exactly the size it
/// needs) when it fills.
#[derive(Default)]
struct KeyTable {
    sorted: Vec<(u32, u32)>,
    recent: FxHashMap<u32, u32>,
}

impl KeyTable {
    /// Keys held in the hash table before they are merged.
    const BATCH: usize = 1 << 15;

    fn get(&self, key: u32) -> Option<u32> {
        if let Some(&v) = self.recent.get(&key) {
            return Some(v);
        }
        let i = self.sorted.partition_point(|&(k, _)| k < key);
        self.sorted
            .get(i)
            .filter(|&&(k, _)| k == key)
            .map(|&(_, v)| v)
    }

    /// Adds `key`, which [`Self::get`] has just not found.
    fn insert_new(&mut self, key: u32, value: u32) {
        self.recent.insert(key, value);
        if self.recent.len() >= Self::BATCH {
            let start = self.sorted.len();
            self.sorted.reserve_exact(self.recent.len());
            self.sorted.extend(self.recent.drain());
            self.sorted[start..].sort_unstable();
            // Two sorted runs now: the stable sort finds them and merges them
            // in one pass (the unstable one sorted the whole vector again, a
            // cost that grew with the square of the import: 0.3 s a table at
            // a million documents, 0.07 s so). The keys are distinct, so the
            // order is the same.
            self.sorted.sort();
        }
    }
}

/// Set in a [`Spill`] record number that is of its memory.
const IN_MEMORY: u32 = 1 << 31;

/// One document [`Seen`] has seen.
struct Seen1 {
    id: String,
    location: String,
    hash: String,
}

impl Spill {
    fn push(&mut self, id: &str, location: &str, hash: &str) -> Option<u32> {
        use std::io::Write as _;
        let mut rec = Vec::with_capacity(20 + id.len() + location.len() + hash.len());
        for part in [id, location, hash] {
            rec.extend_from_slice(&(part.len() as u32).to_le_bytes());
            rec.extend_from_slice(part.as_bytes());
        }
        rec.resize(rec.len().next_multiple_of(8), 0);
        let number = |at: u64| u32::try_from(at / 8).ok().filter(|n| n & IN_MEMORY == 0);
        if !self.tried {
            self.tried = true;
            self.file = tempfile::tempfile()
                .ok()
                .map(|f| std::io::BufWriter::with_capacity(1 << 16, f));
        }
        if let Some(f) = &mut self.file
            && !self.full
        {
            if let Some(n) = number(self.len)
                && f.write_all(&rec).is_ok()
            {
                self.len += rec.len() as u64;
                return Some(n);
            }
            // What was written before stays readable; the rest goes to memory.
            self.full = true;
        }
        let n = number(self.memory.len() as u64)? | IN_MEMORY;
        self.memory.extend_from_slice(&rec);
        Some(n)
    }

    fn get(&mut self, number: u32) -> Option<Seen1> {
        use std::io::{Read, Seek as _, SeekFrom, Write as _};
        fn three(mut r: impl Read) -> Option<Seen1> {
            let mut part = || -> Option<String> {
                let mut n = [0u8; 4];
                r.read_exact(&mut n).ok()?;
                let mut b = vec![0u8; u32::from_le_bytes(n) as usize];
                r.read_exact(&mut b).ok()?;
                String::from_utf8(b).ok()
            };
            Some(Seen1 {
                id: part()?,
                location: part()?,
                hash: part()?,
            })
        }
        let at = u64::from(number & !IN_MEMORY) * 8;
        if number & IN_MEMORY != 0 {
            return three(self.memory.get(usize::try_from(at).ok()?..)?);
        }
        let w = self.file.as_mut()?;
        // A failed flush leaves what is not flushed unreadable: not a repeat then.
        w.flush().ok()?;
        let f = w.get_mut();
        f.seek(SeekFrom::Start(at)).ok()?;
        let got = three(std::io::BufReader::with_capacity(512, &mut *f));
        f.seek(SeekFrom::End(0)).ok()?;
        got
    }
}

fn key(s: &str) -> u32 {
    use std::hash::BuildHasher as _;
    let k = rustc_hash::FxBuildHasher.hash_one(s);
    (k ^ (k >> 32)) as u32
}

/// The document `table` (or, when its key was taken, `overflow`) has for
/// `wanted`, which is its `field`.
fn first_of(
    spill: &mut Spill,
    table: &KeyTable,
    overflow: &FxHashMap<String, u32>,
    wanted: &str,
    field: fn(&Seen1) -> &String,
) -> Option<Seen1> {
    first_at(spill, table.get(key(wanted))?, overflow, wanted, field)
}

/// [`first_of`] once the table has given record `at` for the key of `wanted`.
fn first_at(
    spill: &mut Spill,
    at: u32,
    overflow: &FxHashMap<String, u32>,
    wanted: &str,
    field: fn(&Seen1) -> &String,
) -> Option<Seen1> {
    match spill.get(at) {
        Some(first) if field(&first) == wanted => Some(first),
        _ => spill.get(*overflow.get(wanted)?),
    }
}

/// How a document repeats an earlier one of the import.
enum Repeat {
    /// The same text (under the same id or another): not needed again.
    SameText(Diagnostic),
    /// The same id with another text: one of the two is left out.
    IdTaken(Diagnostic),
}

impl Seen {
    /// The earlier document whose text has digest `hash`, if any.
    fn by_hash(&mut self, hash: &str) -> Option<Seen1> {
        first_of(
            &mut self.spill,
            &self.hashes,
            &self.hashes_overflow,
            hash,
            |d| &d.hash,
        )
    }

    /// The id of the document of this import with the text digest `hash`.
    fn id_of(&mut self, hash: &str) -> Option<String> {
        self.by_hash(hash).map(|d| d.id)
    }

    /// How `doc` repeats an earlier document, if it does; else records it.
    /// Each key is looked up once: a key the table does not have is added
    /// without a second look.
    fn duplicate(&mut self, doc: &Document, location: &str) -> Option<Repeat> {
        let id_key = key(&doc.id);
        let id_at = self.ids.get(id_key);
        let first = id_at
            .and_then(|at| first_at(&mut self.spill, at, &self.ids_overflow, &doc.id, |d| &d.id));
        if let Some(first) = first {
            if first.hash == doc.hash {
                let message = format!(
                    "document '{}' again, with the same text (first in {}); not imported again",
                    doc.id, first.location
                );
                return Some(Repeat::SameText(Diagnostic::new(location, message)));
            }
            let message = format!(
                "id '{}' is taken by another text earlier in this import ({}); this one \
                 was not imported: give it a different id, or leave one of the two out",
                doc.id, first.location
            );
            return Some(Repeat::IdTaken(Diagnostic::new(location, message)));
        }
        let hash_key = key(&doc.hash);
        let hash_at = self.hashes.get(hash_key);
        let first = hash_at.and_then(|at| {
            first_at(&mut self.spill, at, &self.hashes_overflow, &doc.hash, |d| {
                &d.hash
            })
        });
        if let Some(first) = first {
            let message = format!(
                "same text as document '{}' ({}); '{}' not imported",
                first.id, first.location, doc.id
            );
            return Some(Repeat::SameText(Diagnostic::new(location, message)));
        }
        // Past 16 GiB of spill (a hundred million documents or so), what
        // comes is not recorded, so its repeats are not told.
        let at = self.spill.push(&doc.id, location, &doc.hash)?;
        match id_at {
            None => self.ids.insert_new(id_key, at),
            Some(_) => {
                self.ids_overflow.insert(doc.id.clone(), at);
            }
        }
        match hash_at {
            None => self.hashes.insert_new(hash_key, at),
            Some(_) => {
                self.hashes_overflow.insert(doc.hash.clone(), at);
            }
        }
        None
    }
}

/// The first pass: in how many documents (of the sample
/// [`crate::RecurrenceSample`] takes, about `opts.recurrence_sample` of them)
/// each short line of the text files occurs. `None` when there are too few
/// text files for lines to recur.
fn count_lines(
    sources: &SourceList,
    opts: &ImportOptions,
    progress: &(dyn Fn(Progress) + Sync),
) -> Option<LineCounts> {
    let (n, text_bytes) = sources.texts();
    if n < u64::from(opts.boilerplate_min_docs.max(2)) {
        return None;
    }
    let sample = RecurrenceSample {
        total: n,
        sample: opts.recurrence_sample,
    };
    // The source (a path made and joined) only for a page without an id.
    let kept = |s: &Source| {
        s.format == Format::Text
            && (sample.keeps_every_page()
                || match s.id() {
                    Some(id) => sample.keeps(Some(&id), ""),
                    None => sample.keeps(None, &s.meta_source()),
                })
    };
    // Unreadable lists are reported by the second pass.
    let (files_total, bytes_total) = if sample.keeps_every_page() {
        (n, text_bytes)
    } else {
        sources
            .iter()
            .flatten()
            .filter(|s| kept(s))
            .fold((0, 0), |(n, b), s| (n + 1, b + s.size))
    };
    let mut counts = LineCounts::new();
    let mut tally = Progress {
        phase: Phase::Scanning,
        files_done: 0,
        files_total,
        bytes_done: 0,
        bytes_total,
        documents: 0,
    };
    progress(tally);
    let chunk = opts.chunk_size.max(1);
    let mut texts = Vec::with_capacity(chunk.min(usize::try_from(files_total).unwrap_or(0)));
    let mut all = sources
        .iter()
        .map_while(Result::ok)
        .filter(|s| kept(s))
        .peekable();
    while all.peek().is_some() {
        texts.clear();
        texts.extend(all.by_ref().take(chunk));
        let keys: Vec<Option<Vec<u64>>> = texts
            .par_iter()
            .map(|src| {
                // Unreadable files are reported by the second pass.
                let bytes = src.bytes().ok()?;
                // The name is only for errors and warnings, not kept here:
                // it is not made.
                let (text, _) = decode_raw(&bytes, "", false).ok()?;
                Some(LineCounts::document_keys(&normalize(&text)))
            })
            .collect();
        for k in keys.iter().flatten() {
            counts.add_document(k);
        }
        tally.files_done += texts.len() as u64;
        tally.bytes_done += texts.iter().map(|s| s.size).sum::<u64>();
        progress(tally);
    }
    Some(counts)
}

/// The second pass, on its own thread: events of every source, a chunk at a time.
fn produce(sources: &SourceList, cx: Context<'_>, tx: &mpsc::SyncSender<Vec<Event>>) {
    for chunk in sources.chunks(cx.chunk) {
        let chunk = match chunk {
            Ok(chunk) => chunk,
            Err((read, e)) => {
                let message = format!(
                    "{e}; the first {read} file(s) of the list were read, the rest were not"
                );
                let _ = tx.send(vec![Event::Failure(Diagnostic::new(LIST_NAME, message))]);
                return;
            }
        };
        let mut i = 0;
        while i < chunk.len() {
            let format = chunk[i].format;
            let reader = readers::reader(format);
            if !reader.one_document_a_file() {
                let ok = reader.read(&chunk[i], cx, &mut |batch| tx.send(batch).is_ok());
                i += 1;
                // The receiver is gone when the sink failed: stop.
                if !ok {
                    return;
                }
                continue;
            }
            // A run of files of one document each, read at once on all cores.
            let end = (i..chunk.len())
                .find(|&j| chunk[j].format != format)
                .unwrap_or(chunk.len());
            let batch: Vec<Event> = chunk[i..end]
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
}

#[cfg(test)]
mod tests {
    use super::*;

    fn repeats_told(mut seen: Seen) {
        let doc = Document::new;
        let (a, b) = (doc("a", "Un texte."), doc("b", "Autre texte."));
        assert!(seen.duplicate(&a, "f1").is_none());
        assert!(seen.duplicate(&b, "f2").is_none());
        let msg = |r: Option<Repeat>| match r {
            Some(Repeat::SameText(d)) => format!("same: {}", d.message),
            Some(Repeat::IdTaken(d)) => format!("taken: {}", d.message),
            None => "new".to_owned(),
        };
        let m = msg(seen.duplicate(&doc("a", "Un texte."), "f3"));
        assert!(m.starts_with("same:") && m.contains("first in f1"), "{m}");
        let m = msg(seen.duplicate(&doc("a", "Changé."), "f4"));
        assert!(m.starts_with("taken:") && m.contains("(f1)"), "{m}");
        let m = msg(seen.duplicate(&doc("c", "Autre texte."), "f5"));
        assert!(m.starts_with("same:") && m.contains("'b' (f2)"), "{m}");
        assert_eq!(seen.id_of(&b.hash).as_deref(), Some("b"));
        let many = |i: usize| Document::new(format!("d{i}"), format!("texte {i}"));
        // Past a batch of the key tables: the merged part answers too.
        for i in 0..80_000 {
            assert_eq!(msg(seen.duplicate(&many(i), "x")), "new", "{i}");
        }
        for i in (0..80_000).step_by(997) {
            assert!(
                msg(seen.duplicate(&many(i), "y")).starts_with("same:"),
                "{i}"
            );
        }
    }

    #[test]
    fn appended_lists_keep_their_order_past_memory() {
        // Past memory and past the 64 KiB gathered before a write: in the file.
        let d = |i: usize| Diagnostic::new(format!("f{i}"), "m".repeat(40));
        let mut list = Diagnostics::with_memory(2);
        for i in 0..3 {
            list.push(d(i));
        }
        let mut more = Diagnostics::with_memory(2);
        for i in 3..3000 {
            more.push(d(i));
        }
        append(&mut list, &more);
        let sources: Vec<String> = list
            .to_vec()
            .unwrap()
            .into_iter()
            .map(|d| d.source)
            .collect();
        assert_eq!(
            sources,
            (0..3000).map(|i| format!("f{i}")).collect::<Vec<_>>()
        );
    }

    #[test]
    fn seen_tells_repeats_from_its_spill_file_or_memory() {
        repeats_told(Seen::default());
        // No temporary file could be made: the same answers from memory.
        let seen = Seen {
            spill: Spill {
                tried: true,
                ..Spill::default()
            },
            ..Seen::default()
        };
        repeats_told(seen);
    }
}
