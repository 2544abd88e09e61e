//! The records of an annotated import, from the items read to the annotators' logs.
//!
//! The one place every annotated format's records go through on their way
//! into a project: each record gets its annotator (the file's, or `--as`),
//! its document labels placed on the schema's layers, its labels checked
//! against the schema (or added to it with `add_labels`), records of one
//! annotator on one document merged, and records equal to the log's latest
//! one left out, so that a second identical import adds nothing. Nothing is
//! written here until [`Plan::write`], which the import calls once its
//! corpus lines are in place.

use std::collections::BTreeMap;
use std::path::PathBuf;

use annot_model::SortedSpill;
use annot_model::project::Project;
use annot_model::schema::{LabelDef, LabelSet, Schema};
use annot_model::spill::{Bytes, Compact, CompactItem, put_u64};
use annot_model::store::{AnnotatorLog, LogAppender, LogEnd};
use annot_model::{ModelError, Record, SpillError, Status, UnknownLabel};
use serde::{Deserialize, Serialize};

use crate::annotated::{ANY_LAYER, REJECTED_LABELS, REJECTED_SPANS, add_rejected};
use crate::project::Message;

/// The layer unplaced document labels go to when `add_labels` adds them and
/// the schema has no layer (or several) to put them in.
const NEW_LAYER: &str = "label";

/// Records of an import kept in memory before the rest go to a temporary file,
/// and sorted in memory at a time (an import of a million annotated documents
/// holds a run of them, not the records nor a key per record).
const IN_MEMORY: usize = 4096;

#[cfg(test)]
thread_local! {
    /// Tests: a smaller memory limit, to cross the spill boundary with a few records.
    static LIMIT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Sets the memory limit of the lists [`spill`] makes on this thread (`None`: [`IN_MEMORY`]).
#[cfg(test)]
pub(crate) fn set_limit(limit: Option<usize>) {
    LIMIT.with(|l| l.set(limit));
}

/// A list of an import's records, in memory or spilled in their compact
/// binary encoding (not JSON: writing and reading it back is most of what an
/// import of a hundred thousand records does past its memory).
pub(crate) type SpillList<T> = annot_model::SpillList<T, Compact>;

/// A list of an import's records, read back in order: the first [`IN_MEMORY`]
/// in memory, the rest in a temporary file.
pub(crate) fn spill<T: CompactItem>() -> SpillList<T> {
    SpillList::with_memory(memory_limit())
}

/// Records held in memory at a time: [`IN_MEMORY`] (tests: [`set_limit`]'s).
fn memory_limit() -> usize {
    #[cfg(test)]
    let limit = LIMIT.with(std::cell::Cell::get).unwrap_or(IN_MEMORY);
    #[cfg(not(test))]
    let limit = IN_MEMORY;
    limit
}

/// A record read, waiting for the checks, with where it was read.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Pending {
    pub(crate) location: String,
    pub(crate) record: Record,
}

impl CompactItem for Pending {
    fn put(&self, out: &mut Vec<u8>) {
        self.location.put(out);
        self.record.put(out);
    }
    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
        Ok(Pending {
            location: r.string()?,
            record: Record::take(r)?,
        })
    }
}

/// What the records of an import did.
#[derive(Debug, Default, Serialize)]
pub struct RecordsOutcome {
    /// Records written to the annotators' logs.
    pub written: usize,
    /// Records equal to the latest record of their document in the log: not written again.
    pub unchanged: usize,
    /// Of those written, the records that replace another latest decision of
    /// the annotator on the document.
    pub replaced: usize,
    /// Of those written, the records older (by their `at`) than the
    /// annotator's latest decision on the document: kept as history, the
    /// later decision stands.
    pub superseded: usize,
    /// Records read that were merged into an earlier one of the same
    /// annotator on the same document (Prodigy's `ner.teach` gives one line a
    /// suggestion).
    pub merged: usize,
    /// Documents with a record written or unchanged.
    pub documents: usize,
    /// Records written, by annotator.
    pub annotators: BTreeMap<String, usize>,
    /// Spans of the records written or unchanged, by label.
    pub spans: BTreeMap<String, usize>,
    /// Document labels of those records, as `layer: value`.
    pub labels: BTreeMap<String, usize>,
    /// Labels added to the schema (`add_labels`), as the report names them.
    pub labels_added: Vec<String>,
    /// The schema file rewritten with the labels added.
    pub schema_file: Option<PathBuf>,
    /// What the checks decided on their own, to be told: a later answer
    /// that replaced an earlier one of the same annotator on a document, a
    /// span one line accepted and a later one rejected.
    pub notes: Vec<Message>,
    /// Records left out (with `skip_bad`) because of their labels or annotator
    /// (moved into [`crate::Outcome::refused`] by the import).
    #[serde(skip)]
    pub refused: Vec<Message>,
}

/// Records appended to a log in one write and one fsync, at most: an import
/// of many documents holds this many lines in memory, not all of them.
const CHUNK: usize = 2048;

/// The checked records of an import, ready to be written.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The records to append, finished (merged, stamped), by annotator (in
    /// the order of their names), each annotator's in input order.
    to_write: SpillList<Record>,
    /// The logs, only appended to from here: none holds an index of what it is given.
    logs: BTreeMap<String, LogAppender>,
    /// The schema with the labels added, when some were.
    schema: Option<Schema>,
    pub(crate) outcome: RecordsOutcome,
}

/// A record kept by the checks, sorted with the others by its document, its
/// annotator and the order read: the records of one (annotator, document)
/// come out of the sort one after another, to be merged, without a map of
/// every (annotator, document) in memory.
#[derive(Debug)]
struct Piece {
    /// The annotator's number, in the order first read.
    who: u32,
    /// The order the record was read in.
    index: u64,
    pending: Pending,
    /// Who the file said made the record, before `--as` named it.
    origin: String,
}

impl Piece {
    fn key(&self) -> (&str, u32, u64) {
        (&self.pending.record.doc, self.who, self.index)
    }
}

/// Equality and order of an item of a sort by its `key()` alone.
macro_rules! ordered_by_key {
    ($t:ty) => {
        impl PartialEq for $t {
            fn eq(&self, other: &Self) -> bool {
                self.key() == other.key()
            }
        }
        impl Eq for $t {}
        impl PartialOrd for $t {
            fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
                Some(self.cmp(other))
            }
        }
        impl Ord for $t {
            fn cmp(&self, other: &Self) -> std::cmp::Ordering {
                self.key().cmp(&other.key())
            }
        }
    };
}

ordered_by_key!(Piece);

impl CompactItem for Piece {
    fn put(&self, out: &mut Vec<u8>) {
        put_u64(out, u64::from(self.who));
        put_u64(out, self.index);
        self.pending.put(out);
        self.origin.put(out);
    }
    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
        Ok(Piece {
            who: u32::try_from(r.u64()?).map_err(|_| Bytes::bad())?,
            index: r.u64()?,
            pending: Pending::take(r)?,
            origin: r.string()?,
        })
    }
}

/// The finished record of an (annotator, document), sorted with the others
/// by the annotator's rank among the names and the order its first piece was
/// read in: each log's records in input order.
#[derive(Debug)]
struct Finished {
    rank: u32,
    first: u64,
    record: Record,
}

impl Finished {
    fn key(&self) -> (u32, u64) {
        (self.rank, self.first)
    }
}

ordered_by_key!(Finished);

impl CompactItem for Finished {
    fn put(&self, out: &mut Vec<u8>) {
        put_u64(out, u64::from(self.rank));
        put_u64(out, self.first);
        self.record.put(out);
    }
    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
        Ok(Finished {
            rank: u32::try_from(r.u64()?).map_err(|_| Bytes::bad())?,
            first: r.u64()?,
            record: Record::take(r)?,
        })
    }
}

/// A sort of an import's records in bounded memory ([`IN_MEMORY`] at a time).
fn sorter<T: CompactItem + Ord>() -> SortedSpill<T> {
    SortedSpill::with_memory(memory_limit())
}

/// What stops the records of an import: errors naming the record.
#[derive(Debug)]
pub(crate) enum PlanError {
    /// Records that cannot be imported (the import is refused).
    Bad(Vec<Message>),
    /// The project's schema or a log cannot be opened.
    Model(ModelError),
}

impl From<ModelError> for PlanError {
    fn from(e: ModelError) -> Self {
        Self::Model(e)
    }
}

impl From<SpillError> for PlanError {
    fn from(e: SpillError) -> Self {
        Self::Model(ModelError::Spill(e))
    }
}

/// Settings of the records' checks.
pub(crate) struct RecordRules<'a> {
    /// `--as`: the annotator of every record.
    pub(crate) annotator: Option<&'a str>,
    pub(crate) add_labels: bool,
    /// `--label-layer`: the layer of document labels the file names by value only.
    pub(crate) label_layer: Option<&'a str>,
    pub(crate) skip_bad: bool,
    /// Records of one annotator on one document are pieces of one decision
    /// (Prodigy's lines, one suggestion each), merged; else each is a whole
    /// answer, and of two the later one is kept.
    pub(crate) merge_pieces: bool,
}

/// The record of one (annotator, document) being put together from its
/// pieces, in the order read.
struct Group {
    who: u32,
    /// The order its first piece was read in.
    first: u64,
    record: Record,
    /// Where the record kept was read (the later of two whole answers).
    at: String,
    /// Who the file said made the first piece.
    origin: String,
}

/// What the merging of the groups tells, with what it is sorted by to be
/// told in the order the records were read (overlaps: by annotator and
/// document, as the schema's check goes).
#[derive(Default)]
struct Told {
    merges: usize,
    notes: Vec<(u64, Message)>,
    clashes: Vec<(u64, Message)>,
    overlaps: Vec<((String, String), Message)>,
}

impl Group {
    fn new(piece: Piece, schema_id: &str) -> Self {
        let Piece {
            who,
            index,
            pending,
            origin,
        } = piece;
        let mut record = pending.record;
        record.schema = schema_id.to_owned();
        Group {
            who,
            first: index,
            record,
            at: pending.location,
            origin,
        }
    }

    /// Joins a later piece of the same annotator and document.
    fn join(&mut self, piece: Piece, schema_id: &str, rules: &RecordRules<'_>, told: &mut Told) {
        let Piece {
            index,
            pending: p,
            origin,
            ..
        } = piece;
        let mut r = p.record;
        r.schema = schema_id.to_owned();
        let source = format!("{} (document '{}')", p.location, r.doc);
        if self.origin != origin {
            let message = format!(
                "the file says '{origin}' made this annotation and '{}' the one at {}: they would \
                 become one record of '{}' holding both answers; import without --as (each \
                 annotator keeps their own log), or each annotator's part on its own",
                self.origin, self.at, r.annotator
            );
            told.clashes.push((index, Message { source, message }));
        } else if rules.merge_pieces {
            told.merges += 1;
            for message in merge(&mut self.record, r) {
                told.notes.push((
                    index,
                    Message {
                        source: source.clone(),
                        message,
                    },
                ));
            }
        } else {
            // Two whole answers of one annotator: the later one is kept.
            let later = r.at >= self.record.at;
            let message = format!(
                "'{}' answered this document twice (here at {}, and at {} at {}): the {} one is \
                 kept, the other is not imported",
                r.annotator,
                r.at,
                self.at,
                self.record.at,
                if later { "later, this" } else { "later, that" },
            );
            told.notes.push((index, Message { source, message }));
            if later {
                self.record = r;
                self.at = p.location;
            }
        }
    }

    /// The record, its spans that overlap where the schema forbids it
    /// refused (with `skip_bad`, the later of two left out).
    fn finish(mut self, overlap: bool, rules: &RecordRules<'_>, told: &mut Told) -> Record {
        if !overlap {
            let source = format!("{} (document '{}')", self.at, self.record.doc);
            let schema_id = self.record.schema.clone();
            for message in drop_overlaps(&mut self.record, &schema_id, rules.skip_bad) {
                told.overlaps.push((
                    (self.record.annotator.clone(), self.record.doc.clone()),
                    Message {
                        source: source.clone(),
                        message,
                    },
                ));
            }
        }
        self.record
    }
}

/// Checks `pending` against the project and opens the logs they go to.
///
/// The records are sorted on disk by document and annotator ([`SortedSpill`]),
/// so memory holds a run of them and the annotators' names, not a key for
/// every (annotator, document) of the import.
///
/// # Errors
/// [`PlanError::Bad`] listing every bad record (unless `skip_bad`, which
/// leaves them out); a schema or log that cannot be opened (a log in use by an
/// annotate session).
pub(crate) fn plan(
    project: &Project,
    pending: SpillList<Pending>,
    rules: &RecordRules<'_>,
) -> Result<Plan, PlanError> {
    let mut schema = project.schema()?;
    let original = schema.clone();
    let mut bad = Vec::new();
    let mut added = Vec::new();
    // The records kept, with who the file said made them, sorted by
    // (document, annotator's number, order read).
    let mut pieces: SortedSpill<Piece> = sorter();
    let mut annotators: Vec<String> = Vec::new();
    let mut number_of: rustc_hash::FxHashMap<String, u32> = rustc_hash::FxHashMap::default();
    let mut nameless: Vec<String> = Vec::new();
    for (i, p) in pending.iter().enumerate() {
        let mut p = p?;
        // Who the file says made the record, before `--as` names it.
        let origin = p.record.annotator.clone();
        if let Some(name) = rules.annotator {
            name.clone_into(&mut p.record.annotator);
        }
        let problem = if p.record.annotator.is_empty() {
            // Said once for all the records that name nobody.
            nameless.push(format!("{} (document '{}')", p.location, p.record.doc));
            continue;
        } else if let Err(e) = project.log_path(&p.record.annotator) {
            Some(format!("{e}; or name the annotator with --as NAME"))
        } else {
            let fallback = rules.label_layer.or(rules.add_labels.then_some(NEW_LAYER));
            let ambiguous = place_labels(&mut p.record, &schema, rules.label_layer, fallback);
            let unknown = schema.unknown_labels(&p.record.spans, &p.record.labels);
            let unusable: Vec<String> = unknown.iter().flat_map(unusable_names).collect();
            if !ambiguous.is_empty() {
                Some(format!(
                    "{}: say which layer the file's document labels are with --label-layer LAYER",
                    ambiguous.join("; ")
                ))
            } else if unknown.is_empty() {
                None
            } else if !unusable.is_empty() {
                Some(format!(
                    "{} not in schema {}, and not a usable label name (no control or bidi \
                     characters, no white space at either end): fix the file",
                    unusable.join(", "),
                    schema.id()
                ))
            } else if rules.add_labels {
                for u in unknown {
                    added.extend(add_label(&mut schema, &u));
                }
                None
            } else {
                let list: Vec<String> = unknown.iter().map(describe_unknown).collect();
                Some(format!(
                    "{} not in schema {}: add {} to {}, or import with --add-labels to add \
                     them",
                    list.join(", "),
                    schema.id(),
                    if list.len() == 1 { "it" } else { "them" },
                    project.config.schema
                ))
            }
        };
        match problem {
            Some(message) => bad.push(Message {
                source: format!("{} (document '{}')", p.location, p.record.doc),
                message,
            }),
            None => {
                let who = match number_of.get(p.record.annotator.as_str()) {
                    Some(&n) => n,
                    None => {
                        let n = u32::try_from(annotators.len()).unwrap_or(u32::MAX);
                        annotators.push(p.record.annotator.clone());
                        number_of.insert(p.record.annotator.clone(), n);
                        n
                    }
                };
                pieces.push(Piece {
                    who,
                    index: i as u64,
                    pending: p,
                    origin,
                });
            }
        }
    }
    drop(pending);
    drop(number_of);
    if let Some(first) = nameless.first() {
        bad.push(Message {
            source: first.clone(),
            message: format!(
                "the input does not say who made {}: name the annotator with --as NAME",
                match nameless.len() {
                    1 => "this annotation".to_owned(),
                    n => format!("this annotation nor {} others of this import", n - 1),
                }
            ),
        });
    }
    if !bad.is_empty() && !rules.skip_bad {
        return Err(PlanError::Bad(bad));
    }
    if schema != original {
        schema.validate().map_err(|source| {
            PlanError::Model(ModelError::Schema {
                path: project.schema_path(),
                source,
            })
        })?;
    }
    let schema_id = schema.id();
    // Each annotator's rank among the names: the logs are written in that order.
    let mut by_name: Vec<u32> = (0..annotators.len())
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        .collect();
    by_name.sort_by(|a, b| annotators[*a as usize].cmp(&annotators[*b as usize]));
    let mut rank = vec![0u32; annotators.len()];
    for (r, &n) in by_name.iter().enumerate() {
        rank[n as usize] = u32::try_from(r).unwrap_or(u32::MAX);
    }
    // The pieces of each (annotator, document) merged into one record, as
    // they come out of the sort; the documents counted on the way.
    let mut told = Told::default();
    let mut finished: SortedSpill<Finished> = sorter();
    let mut documents = 0usize;
    let mut group: Option<Group> = None;
    let mut finish = |g: Group, told: &mut Told| {
        let (who, first) = (g.who, g.first);
        let record = g.finish(schema.spans.overlap, rules, told);
        finished.push(Finished {
            rank: rank[who as usize],
            first,
            record,
        });
    };
    for piece in pieces.sorted()? {
        let piece = piece?;
        match group.take() {
            Some(mut g) if g.who == piece.who && g.record.doc == piece.pending.record.doc => {
                g.join(piece, &schema_id, rules, &mut told);
                group = Some(g);
            }
            previous => {
                if previous
                    .as_ref()
                    .is_none_or(|g| g.record.doc != piece.pending.record.doc)
                {
                    documents += 1;
                }
                if let Some(g) = previous {
                    finish(g, &mut told);
                }
                group = Some(Group::new(piece, &schema_id));
            }
        }
    }
    if let Some(g) = group {
        finish(g, &mut told);
    }
    let Told {
        merges,
        mut notes,
        mut clashes,
        mut overlaps,
    } = told;
    notes.sort_by_key(|(index, _)| *index);
    clashes.sort_by_key(|(index, _)| *index);
    overlaps.sort_by(|(a, _), (b, _)| a.cmp(b));
    let notes: Vec<Message> = notes.into_iter().map(|(_, m)| m).collect();
    bad.extend(clashes.into_iter().map(|(_, m)| m));
    bad.extend(overlaps.into_iter().map(|(_, m)| m));
    if !bad.is_empty() && !rules.skip_bad {
        return Err(PlanError::Bad(bad));
    }
    let mut outcome = RecordsOutcome {
        labels_added: added,
        refused: bad,
        merged: merges,
        notes,
        documents,
        ..RecordsOutcome::default()
    };
    let mut logs = BTreeMap::new();
    let mut to_write: SpillList<Record> = spill();
    for f in finished.sorted()? {
        let mut r = f?.record;
        if !logs.contains_key(&r.annotator) {
            let path = project.log_path(&r.annotator)?;
            logs.insert(
                r.annotator.clone(),
                AnnotatorLog::open(&path, &r.annotator)?,
            );
        }
        let log = &logs[&r.annotator];
        for s in &r.spans {
            *outcome.spans.entry(s.label.clone()).or_default() += 1;
        }
        for (layer, values) in &r.labels {
            for v in values {
                *outcome.labels.entry(format!("{layer}: {v}")).or_default() += 1;
            }
        }
        if r.at.is_empty() {
            // A decision without a time in its source is one made now.
            r.at = log.stamp(&r.doc);
        }
        // Checked here, before anything is written: the log refuses a record without a time.
        annot_model::store::parse_at(&r.doc, &r.at)?;
        match log.get(&r.doc)? {
            Some(latest) if latest.says_the_same(&r) => outcome.unchanged += 1,
            latest => {
                if latest.is_some() && !log.would_stand(&r)? {
                    outcome.superseded += 1;
                } else {
                    outcome.replaced += usize::from(latest.is_some());
                }
                outcome.written += 1;
                *outcome.annotators.entry(r.annotator.clone()).or_default() += 1;
                to_write.push(r);
            }
        }
    }
    to_write.check()?;
    Ok(Plan {
        to_write,
        logs: logs
            .into_iter()
            .map(|(name, log)| (name, log.into_appender()))
            .collect(),
        schema: (schema != original).then_some(schema),
        outcome,
    })
}

impl Plan {
    /// Writes the schema with its added labels (atomically), then appends the
    /// records to their logs, each log's in input order: one write and one
    /// fsync per [`CHUNK`] records. Called once the corpus lines the records
    /// are about are in place. The records land whole or not at all: when a
    /// write fails (a full disk), every log is cut back to where it ended
    /// before the import and fsynced, then the error is returned; the import's
    /// journal entry says the import is to be run again (which writes them
    /// all). A process killed mid-way (`kill -9`) leaves the chunks it wrote,
    /// whole, and that journal entry.
    ///
    /// # Errors
    /// I/O errors, naming the file (and a log that could not be cut back).
    pub(crate) fn write(mut self, project: &Project) -> Result<RecordsOutcome, ModelError> {
        if let Some(schema) = &self.schema {
            let path = project.schema_path();
            let mut json = serde_json::to_string_pretty(schema).map_err(std::io::Error::other)?;
            json.push('\n');
            annot_model::atomic::write_atomic(&path, |w| w.write_all(json.as_bytes()))?;
            self.outcome.schema_file = Some(path);
        }
        // The import holds the project's lock and each log's: no one else appends.
        let ends: BTreeMap<String, LogEnd> = self
            .logs
            .iter()
            .map(|(annotator, log)| (annotator.clone(), log.end()))
            .collect();
        let Err(failed) = self.append() else {
            return Ok(self.outcome);
        };
        let mut not_cut = Vec::new();
        for (annotator, log) in std::mem::take(&mut self.logs) {
            if let Some(&end) = ends.get(&annotator)
                && let Err(e) = log.cut_back(end)
            {
                not_cut.push(e.to_string());
            }
        }
        if not_cut.is_empty() {
            return Err(failed);
        }
        Err(ModelError::Io(std::io::Error::other(format!(
            "{failed}; and what the import had appended could not be cut off: {}; run the \
             same import again once the disk has room (it writes the records it lacks)",
            not_cut.join("; ")
        ))))
    }

    /// Appends the records to their logs ([`Plan::write`]), one log after another.
    fn append(&mut self) -> Result<(), ModelError> {
        let mut batch = annot_model::store::Batch::default();
        let mut current: Option<String> = None;
        for r in self.to_write.iter() {
            let r = r?;
            if current.as_deref() != Some(r.annotator.as_str()) {
                if let Some(done) = current.take() {
                    commit_to(&mut self.logs, &done, &mut batch)?;
                    annot_model::atomic::commit_step();
                }
                current = Some(r.annotator.clone());
            }
            batch.push(&r)?;
            if batch.len() >= CHUNK
                && let Some(annotator) = &current
            {
                commit_to(&mut self.logs, annotator, &mut batch)?;
            }
        }
        if let Some(done) = current {
            commit_to(&mut self.logs, &done, &mut batch)?;
            annot_model::atomic::commit_step();
        }
        Ok(())
    }
}

/// Appends `batch` to the log of `annotator` among `logs`.
fn commit_to(
    logs: &mut BTreeMap<String, LogAppender>,
    annotator: &str,
    batch: &mut annot_model::store::Batch,
) -> Result<(), ModelError> {
    let lost = || std::io::Error::other("a record of the import was lost on its way");
    logs.get_mut(annotator).ok_or_else(lost)?.commit(batch)
}

/// An unknown label in the report's words (a value on no layer said as such).
fn describe_unknown(u: &UnknownLabel) -> String {
    match u {
        UnknownLabel::Layer { layer, values } if layer == ANY_LAYER => format!(
            "document label {} (on no label layer of the schema)",
            values
                .iter()
                .map(|v| format!("'{v}'"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// Puts the values of [`ANY_LAYER`] on the schema's layer that has each one
/// (all on `layer` when the caller names it); a value on no layer goes to
/// `fallback`, else stays unplaced under [`ANY_LAYER`] (an unknown label).
/// Returns the values several layers have, in the report's words: those
/// are left unplaced, for the caller to refuse.
fn place_labels(
    record: &mut Record,
    schema: &Schema,
    layer: Option<&str>,
    fallback: Option<&str>,
) -> Vec<String> {
    let Some(values) = record.labels.remove(ANY_LAYER) else {
        return Vec::new();
    };
    let mut ambiguous = Vec::new();
    for v in values {
        let layers: Vec<&str> = schema
            .labels
            .iter()
            .filter(|s| s.values.contains(&v))
            .map(|s| s.name.as_str())
            .collect();
        let to = match (layer, layers.as_slice()) {
            (Some(named), _) => named.to_owned(),
            (None, [one]) => (*one).to_owned(),
            (None, []) => fallback.unwrap_or(ANY_LAYER).to_owned(),
            (None, several) => {
                ambiguous.push(format!(
                    "document label '{v}' is a value of {} label layers of schema {} ({})",
                    several.len(),
                    schema.id(),
                    several.join(", ")
                ));
                continue;
            }
        };
        let values = record.labels.entry(to).or_default();
        if !values.contains(&v) {
            values.push(v);
        }
    }
    ambiguous
}

/// The names of `unknown` that cannot be added to a schema: a control or
/// bidirectional-formatting character, white space at either end, empty.
fn unusable_names(unknown: &UnknownLabel) -> Vec<String> {
    let names: Vec<&str> = match unknown {
        UnknownLabel::Span { label, .. } => vec![label],
        UnknownLabel::Layer { layer, values } => std::iter::once(layer.as_str())
            .filter(|l| *l != ANY_LAYER)
            .chain(values.iter().map(String::as_str))
            .collect(),
        UnknownLabel::Value { value, .. } => vec![value],
        UnknownLabel::TooMany { .. } => Vec::new(),
    };
    let bad = |n: &str| {
        n.is_empty()
            || n.trim() != n
            || n.chars().any(|c| {
                c.is_control()
                    || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
            })
    };
    names
        .into_iter()
        .filter(|n| bad(n))
        .map(|n| format!("label '{n}'"))
        .collect()
}

/// Adds what `unknown` lacks to the schema; returns it as the report names it.
fn add_label(schema: &mut Schema, unknown: &UnknownLabel) -> Vec<String> {
    match unknown {
        UnknownLabel::Span { label, .. } => {
            if schema.spans.labels.iter().any(|l| &l.name == label) {
                return Vec::new();
            }
            let near = schema
                .spans
                .labels
                .iter()
                .find(|l| l.name.to_lowercase() == label.to_lowercase())
                .map(|l| format!(" (next to {}: another case, the same label?)", l.name))
                .unwrap_or_default();
            schema.spans.labels.push(LabelDef {
                name: label.clone(),
                key: None,
                description: None,
            });
            vec![format!("span label {label}{near}")]
        }
        UnknownLabel::Layer { layer, values } => {
            let name = if layer == ANY_LAYER { NEW_LAYER } else { layer };
            let mut out = Vec::new();
            if schema.label_set(name).is_none() {
                schema.labels.push(LabelSet {
                    name: name.to_owned(),
                    multi: name == NEW_LAYER || values.len() > 1,
                    values: Vec::new(),
                    description: None,
                });
                out.push(format!("label layer {name}"));
            }
            if let Some(set) = schema.labels.iter_mut().find(|s| s.name == name) {
                for v in values {
                    if !set.values.contains(v) {
                        set.values.push(v.clone());
                        out.push(format!("{name}: {v}"));
                    }
                }
            }
            out
        }
        UnknownLabel::Value { layer, value } => {
            match schema.labels.iter_mut().find(|s| &s.name == layer) {
                Some(set) if !set.values.contains(value) => {
                    set.values.push(value.clone());
                    vec![format!("{layer}: {value}")]
                }
                _ => Vec::new(),
            }
        }
        UnknownLabel::TooMany { layer, .. } => {
            match schema.labels.iter_mut().find(|s| &s.name == layer) {
                Some(set) if !set.multi => {
                    set.multi = true;
                    vec![format!("{layer} takes several values")]
                }
                _ => Vec::new(),
            }
        }
    }
}

/// Leaves out of `record` each span that overlaps an earlier one (the schema
/// forbids overlaps), when `skip_bad`; returns what overlaps, in the
/// report's words.
fn drop_overlaps(record: &mut Record, schema: &str, skip_bad: bool) -> Vec<String> {
    let mut out = Vec::new();
    let mut kept: Vec<annot_model::Span> = Vec::with_capacity(record.spans.len());
    for s in std::mem::take(&mut record.spans) {
        let clash = kept
            .iter()
            .find(|k| k.start < s.end && s.start < k.end)
            .map(|k| format!("{} [{}, {}) \"{}\"", k.label, k.start, k.end, k.text));
        match clash {
            Some(other) => {
                out.push(format!(
                    "span {} [{}, {}) \"{}\" overlaps span {other}, and schema {schema} forbids \
                     overlapping spans (\"overlap\": false): {}",
                    s.label,
                    s.start,
                    s.end,
                    s.text,
                    if skip_bad {
                        "this span is left out (the record keeps its other spans)"
                    } else {
                        "fix the file, or import with --skip-bad to leave the later span out"
                    }
                ));
                if !skip_bad {
                    kept.push(s);
                }
            }
            None => kept.push(s),
        }
    }
    record.spans = kept;
    out
}

/// Merges a later record of the same annotator on the same document into the
/// first (Prodigy's `ner.teach` gives one line a suggestion): the spans of the
/// accepted ones joined, those of rejected ones kept in `rejected_spans` when
/// another is accepted (a skipped one's left aside: ignore is no judgement),
/// labels joined, extra keys of the later one added; the status accepted
/// when either is, else the later one's. A span (or binary label) one
/// record accepts and the other rejects takes the later answer; what that
/// decided is returned, to be told.
fn merge(first: &mut Record, mut later: Record) -> Vec<String> {
    let accepted = |r: &Record| r.status == Status::Accepted;
    if accepted(first) && later.status == Status::Rejected {
        add_rejected(&mut first.extra, std::mem::take(&mut later.spans));
    } else if first.status == Status::Rejected && accepted(&later) {
        add_rejected(&mut first.extra, std::mem::take(&mut first.spans));
    }
    if !accepted(&later) {
        later.spans.clear();
    }
    let mut told = Vec::new();
    // The later answer on a span or label the first one answered otherwise.
    let later_rejected_spans = rejected_list(&later.extra, REJECTED_SPANS);
    let later_rejected_labels = rejected_list(&later.extra, REJECTED_LABELS);
    first.spans.retain(|s| {
        let again = serde_json::to_value(s).ok();
        let rejected = later_rejected_spans
            .iter()
            .any(|v| Some(v) == again.as_ref());
        if rejected {
            told.push(format!(
                "span {} [{}, {}) \"{}\" accepted on an earlier line is rejected here: the \
                 later answer is kept (a rejected span)",
                s.label, s.start, s.end, s.text
            ));
        }
        !rejected
    });
    for (layer, values) in &mut first.labels {
        values.retain(|v| {
            let rejected = later_rejected_labels.iter().any(|x| x.as_str() == Some(v));
            if rejected {
                told.push(format!(
                    "document label {layer}: {v} accepted on an earlier line is rejected here: \
                     the later answer is kept (a rejected label)"
                ));
            }
            !rejected
        });
    }
    first.labels.retain(|_, v| !v.is_empty());
    for key in [REJECTED_SPANS, REJECTED_LABELS] {
        if let Some(serde_json::Value::Array(list)) = first.extra.get_mut(key) {
            list.retain(|v| {
                let accepted_now = match key {
                    REJECTED_SPANS => later
                        .spans
                        .iter()
                        .any(|s| serde_json::to_value(s).ok().as_ref() == Some(v)),
                    _ => later
                        .labels
                        .values()
                        .flatten()
                        .any(|l| v.as_str() == Some(l)),
                };
                if accepted_now {
                    told.push(format!(
                        "{} rejected on an earlier line is accepted here: the later answer is \
                         kept",
                        describe_value(v)
                    ));
                }
                !accepted_now
            });
        }
    }
    for s in later.spans {
        if !first.spans.contains(&s) {
            first.spans.push(s);
        }
    }
    first
        .spans
        .sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
    for (layer, values) in later.labels {
        let mine = first.labels.entry(layer).or_default();
        for v in values {
            if !mine.contains(&v) {
                mine.push(v);
            }
        }
    }
    for (k, v) in later.extra {
        match (first.extra.get_mut(&k), v) {
            (Some(serde_json::Value::Array(a)), serde_json::Value::Array(b)) => {
                for x in b {
                    if !a.contains(&x) {
                        a.push(x);
                    }
                }
            }
            (Some(_), _) => {}
            (None, v) => {
                first.extra.insert(k, v);
            }
        }
    }
    if !accepted(first) {
        first.status = later.status;
    }
    if first.note.is_none() {
        first.note = later.note;
    }
    first.ms += later.ms;
    told
}

/// The values of a record's `rejected_spans` or `rejected_labels`.
fn rejected_list(
    extra: &serde_json::Map<String, serde_json::Value>,
    key: &str,
) -> Vec<serde_json::Value> {
    match extra.get(key) {
        Some(serde_json::Value::Array(list)) => list.clone(),
        _ => Vec::new(),
    }
}

/// A rejected span or label as the report names it.
fn describe_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(label) => format!("document label {label}"),
        span => format!(
            "span {} [{}, {}) \"{}\"",
            span["label"].as_str().unwrap_or(""),
            span["start"],
            span["end"],
            span["text"].as_str().unwrap_or("")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(spans: Vec<annot_model::Span>, status: Status) -> Record {
        Record {
            doc: "d".into(),
            hash: "h".into(),
            annotator: "a".into(),
            schema: "news@1".into(),
            status,
            at: "2026-01-01T00:00:00Z".into(),
            ms: 0,
            spans,
            labels: BTreeMap::new(),
            zones: None,
            note: None,
            extra: serde_json::Map::new(),
        }
    }

    #[test]
    fn merging_joins_spans_and_keeps_an_accept() {
        let t = "Paris et Lyon";
        let paris = annot_model::Span::from_chars(t, 0, 5, "LOC").unwrap();
        let lyon = annot_model::Span::from_chars(t, 9, 13, "LOC").unwrap();
        let mut first = rec(vec![lyon.clone()], Status::Accepted);
        merge(&mut first, rec(vec![paris.clone()], Status::Rejected));
        assert_eq!(
            first.spans,
            vec![lyon.clone()],
            "a rejected suggestion is no span"
        );
        assert_eq!(first.status, Status::Accepted);
        assert_eq!(first.extra["rejected_spans"][0]["text"], "Paris");
        merge(&mut first, rec(vec![paris.clone()], Status::Accepted));
        assert_eq!(first.spans, vec![paris, lyon]);
        let mut first = rec(vec![], Status::Skipped);
        merge(&mut first, rec(vec![], Status::Rejected));
        assert_eq!(first.status, Status::Rejected);
    }

    #[test]
    fn the_time_of_a_decision_does_not_make_it_another() {
        let a = rec(vec![], Status::Accepted);
        let mut b = a.clone();
        b.at = "2027-01-01T00:00:00Z".into();
        assert!(a.says_the_same(&b));
        b.status = Status::Rejected;
        assert!(!a.says_the_same(&b));
    }

    #[test]
    fn labels_go_to_the_layer_that_has_them() {
        let schema = Schema::news();
        let mut r = rec(vec![], Status::Accepted);
        let topic = schema.labels[0].values[0].clone();
        r.labels
            .insert(ANY_LAYER.into(), vec![topic.clone(), "nowhere".into()]);
        assert!(place_labels(&mut r, &schema, None, None).is_empty());
        assert_eq!(r.labels[&schema.labels[0].name], vec![topic]);
        assert_eq!(r.labels[ANY_LAYER], vec!["nowhere".to_owned()]);
        let mut s = schema.clone();
        let unknown = s.unknown_labels(&r.spans, &r.labels);
        let added: Vec<String> = unknown.iter().flat_map(|u| add_label(&mut s, u)).collect();
        assert_eq!(added, ["label layer label", "label: nowhere"]);
        let mut r2 = rec(vec![], Status::Accepted);
        r2.labels.insert(ANY_LAYER.into(), vec!["nowhere".into()]);
        place_labels(&mut r2, &s, None, Some(NEW_LAYER));
        assert!(s.unknown_labels(&r2.spans, &r2.labels).is_empty());
    }
}
