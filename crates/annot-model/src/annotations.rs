//! The loaded view of a project's annotations: the one way commands read records.
//!
//! Every command that reads annotations (show, status, check, annotate, and
//! the comparing and exporting commands) goes through this module, so one
//! rule holds everywhere:
//!
//! - the latest record of each (annotator, document) wins, earlier ones are history:
//!   latest by its `at` time, not by its place in the log ([`crate::store`] has the
//!   rule and its tie-break), so logs merged from two machines read the same everywhere;
//! - a record is *resolved* against the document's current text: its spans are
//!   checked against the text it was made on, carried onto the current text
//!   when the document changed since ([`crate::reanchor`]), and every span that
//!   is corrupt or cannot be carried is listed with the reason ([`LostSpan`]),
//!   never dropped or moved silently;
//! - output is deterministic: annotators and documents come sorted by name;
//! - records are read when asked for: a log is kept as an index (where each
//!   document's latest record is, and its status), so memory holds no record
//!   text and a command walking a corpus holds one document's records at a time;
//! - a document's text is read only when a record needs it ([`Depth`]): a
//!   record made on the current text (its digest is the corpus index's) needs
//!   none to be counted, one made on another text is always carried over exactly.
//!
//! A log that cannot be read is reported for its annotator
//! ([`Annotations::failures`]) and the others are still read.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::document::{Document, ZoneSpan};
use crate::error::{ModelError, Result};
use crate::offsets::OffsetMap;
use crate::project::Project;
use crate::reanchor::reanchor;
use crate::record::{Record, Span, Status};
use crate::store::{LogIndex, TableNotWritten, TornTail, index_log, index_log_where};

/// How a record stands against its document's current text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum Anchor {
    /// Made on the current text.
    Current,
    /// Made on an earlier version of the text and carried onto the current one.
    Reanchored {
        /// Digest of the text the record was made on.
        from_hash: String,
    },
    /// Made on a text the corpus does not keep: spans were checked against
    /// the current text at their offsets, and those that do not match there are lost.
    UnknownText {
        /// Digest of the text the record claims to be made on.
        hash: String,
    },
    /// The document is not in the corpus (any more); the record is kept as it was.
    Orphaned,
}

impl Anchor {
    /// A short word for tables and JSON: `current`, `reanchored`, `unknown-text`, `orphaned`.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Anchor::Current => "current",
            Anchor::Reanchored { .. } => "reanchored",
            Anchor::UnknownText { .. } => "unknown-text",
            Anchor::Orphaned => "orphaned",
        }
    }
}

/// Why a span of a record is not among its spans on the current text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "reason", rename_all = "snake_case")]
pub enum Loss {
    /// The span is wrong even on the text the record says it was made on:
    /// reversed, out of range, or its `text` is not what is there.
    Corrupt(String),
    /// The document's text changed under the span and it could not be carried over.
    Changed(String),
}

impl std::fmt::Display for Loss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Loss::Corrupt(why) => write!(f, "corrupt: {why}"),
            Loss::Changed(why) => write!(f, "the text changed: {why}"),
        }
    }
}

/// A span of a record that is not on the current text, as it was in the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LostSpan {
    /// The span as recorded (old offsets, old text).
    pub span: Span,
    /// Why it is not carried.
    pub loss: Loss,
}

/// The lost spans that the annotator has not marked again since: each span of
/// `now` that `before` (the spans when the document was opened) did not have
/// settles one lost span with the same label and text. A span that was
/// already there settles nothing, so a lost second "Paris" is not taken for
/// the first one that survived.
#[must_use]
pub fn unsettled<'a>(lost: &'a [LostSpan], before: &[Span], now: &[Span]) -> Vec<&'a LostSpan> {
    let mut old: Vec<(usize, usize, &str)> = before
        .iter()
        .map(|s| (s.start, s.end, s.label.as_str()))
        .collect();
    old.sort_unstable();
    let mut added: Vec<&Span> = Vec::new();
    for s in now {
        let key = (s.start, s.end, s.label.as_str());
        match old.binary_search(&key) {
            Ok(i) => {
                old.remove(i);
            }
            Err(_) => added.push(s),
        }
    }
    lost.iter()
        .filter(|l| {
            match added
                .iter()
                .position(|s| s.label == l.span.label && s.text == l.span.text)
            {
                Some(i) => {
                    added.remove(i);
                    false
                }
                None => true,
            }
        })
        .collect()
}

/// A record resolved against its document's current text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Resolved {
    /// Whose log the record is from.
    pub annotator: String,
    /// 1-based line of the record in its log (0 when not from a log).
    pub line: usize,
    /// The record as it reads on the current text: only spans that are valid
    /// there, at their current offsets; `hash` is the current text's unless orphaned.
    pub record: Record,
    /// How the record stands.
    pub anchor: Anchor,
    /// Spans not carried onto the current text, with the reason.
    pub lost: Vec<LostSpan>,
    /// Zone corrections made on an older text, left out since the zones of the new text differ.
    pub dropped_zones: Option<Vec<ZoneSpan>>,
}

impl Resolved {
    /// Whether anything of the record is not on the current text.
    #[must_use]
    pub fn has_losses(&self) -> bool {
        !self.lost.is_empty() || self.dropped_zones.is_some()
    }
}

/// Resolves `record` against `current`, the current version of its document
/// (`None` when the corpus no longer has it). `corpus` gives the text the
/// record was made on when that is an older version.
///
/// # Errors
/// An unreadable corpus file.
pub fn resolve(record: &Record, current: Option<&Document>, corpus: &Corpus) -> Result<Resolved> {
    resolve_owned(record.clone(), current, corpus)
}

/// [`resolve`] without a corpus, for a stream: `versions` are the older
/// versions of the document that the record may have been made on.
#[must_use]
pub fn resolve_among(record: Record, current: &Document, versions: &[Document]) -> Resolved {
    let version = |id: &str, hash: &str| {
        Ok::<_, std::convert::Infallible>(
            versions
                .iter()
                .find(|d| d.id == id && d.hash == hash)
                .cloned(),
        )
    };
    match resolve_by(record, Some(current), &version) {
        Ok(r) => r,
        Err(never) => match never {},
    }
}

/// [`resolve`] of a record read for the purpose: nothing is copied.
fn resolve_owned(record: Record, current: Option<&Document>, corpus: &Corpus) -> Result<Resolved> {
    resolve_by(record, current, &|id, hash| corpus.version(id, hash))
}

/// The version of a document by `(id, hash)`, if it is kept.
type VersionLookup<'a, E> = dyn Fn(&str, &str) -> std::result::Result<Option<Document>, E> + 'a;

/// [`resolve`], the older version the record was made on given by `version(id, hash)`.
fn resolve_by<E>(
    record: Record,
    current: Option<&Document>,
    version: &VersionLookup<'_, E>,
) -> std::result::Result<Resolved, E> {
    let mut out = as_recorded(record);
    let Some(current) = current else {
        out.anchor = Anchor::Orphaned;
        return Ok(out);
    };
    let spans = std::mem::take(&mut out.record.spans);
    if out.record.hash == current.hash {
        let (valid, corrupt) = split_valid(spans, &current.text, Loss::Corrupt);
        out.record.spans = valid;
        out.lost = corrupt;
        return Ok(out);
    }
    let made_on = std::mem::replace(&mut out.record.hash, current.hash.clone());
    out.dropped_zones = out.record.zones.take();
    match version(&out.record.doc, &made_on)? {
        Some(old) => {
            let (valid, mut lost) = split_valid(spans, &old.text, Loss::Corrupt);
            let carried = reanchor(&old.text, &current.text, &valid);
            out.record.spans = carried.kept;
            lost.extend(carried.lost.into_iter().map(|(span, why)| LostSpan {
                span,
                loss: Loss::Changed(why),
            }));
            out.lost = lost;
            out.anchor = Anchor::Reanchored { from_hash: made_on };
        }
        None => {
            let (valid, lost) = split_valid(spans, &current.text, |why| {
                Loss::Changed(format!(
                    "made on a text (hash {made_on}) the corpus does not keep, and the current text differs there: {why}"
                ))
            });
            out.record.spans = valid;
            out.lost = lost;
            out.anchor = Anchor::UnknownText { hash: made_on };
        }
    }
    out.lost.sort_by_key(|l| (l.span.start, l.span.end));
    Ok(out)
}

/// `record` as it was recorded, standing on the current text: what resolving
/// a record made on the current text gives when its spans need no check.
fn as_recorded(record: Record) -> Resolved {
    Resolved {
        annotator: record.annotator.clone(),
        line: 0,
        record,
        anchor: Anchor::Current,
        lost: Vec::new(),
        dropped_zones: None,
    }
}

/// Spans that are `text[start:end]` of `text`, and the others with `loss(reason)`.
fn split_valid(
    spans: Vec<Span>,
    text: &str,
    loss: impl Fn(String) -> Loss,
) -> (Vec<Span>, Vec<LostSpan>) {
    let map = OffsetMap::new(text);
    let mut valid = Vec::with_capacity(spans.len());
    let mut lost = Vec::new();
    for span in spans {
        match span.check(text, &map) {
            Ok(()) => valid.push(span),
            Err(why) => lost.push(LostSpan {
                loss: loss(why.to_string()),
                span,
            }),
        }
    }
    (valid, lost)
}

/// One annotator's log, indexed: where the latest record of each document is.
/// Records are read from the log when asked for ([`AnnotatorRecords::get`]).
#[derive(Debug)]
pub struct AnnotatorRecords {
    /// The annotator's name (the log's file stem).
    pub name: String,
    /// `annotations/<name>.jsonl`.
    pub path: PathBuf,
    index: LogIndex,
}

impl AnnotatorRecords {
    /// The latest record of each document, sorted by document id, each read
    /// from the log as the iterator reaches it.
    pub fn latest(&self) -> impl ExactSizeIterator<Item = Result<Record>> + '_ {
        self.index
            .latest
            .iter()
            .map(|(doc, entry)| self.index.read_entry(&doc, &entry))
    }

    /// Ids of the documents with a record, sorted.
    pub fn documents(&self) -> impl ExactSizeIterator<Item = String> + '_ {
        self.index.latest.ids()
    }

    /// How many documents have a record.
    #[must_use]
    pub fn len(&self) -> usize {
        self.index.latest.len()
    }

    /// Whether no document has a record.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.index.latest.is_empty()
    }

    /// The latest record of one document, read from the log.
    ///
    /// # Errors
    /// An unreadable log, or a line that is not a record (file and line named).
    pub fn get(&self, doc: &str) -> Result<Option<Record>> {
        self.index.read(doc)
    }

    /// The status of the latest record of `doc`, without reading the record.
    #[must_use]
    pub fn status_of(&self, doc: &str) -> Option<Status> {
        self.index.latest.get(doc).map(|e| e.status)
    }

    /// The 1-based log line of the latest record of `doc`.
    #[must_use]
    pub fn line_of(&self, doc: &str) -> usize {
        self.index.latest.get(doc).map_or(0, |e| e.line as usize)
    }

    /// Records in the log, history included.
    #[must_use]
    pub fn record_count(&self) -> usize {
        self.index.records
    }

    /// A torn final line, if the log has one.
    #[must_use]
    pub fn torn(&self) -> Option<&TornTail> {
        self.index.torn.as_ref()
    }

    /// Why the log's index could not be written, when it could not: the log
    /// was read without it (its latest entries in memory).
    #[must_use]
    pub fn table_not_written(&self) -> Option<&TableNotWritten> {
        self.index.table_not_written.as_ref()
    }

    /// Whether the log starts with a UTF-8 byte-order mark.
    #[must_use]
    pub fn byte_order_mark(&self) -> bool {
        self.index.byte_order_mark
    }

    /// Resolves the latest record of `doc` against `current` (see [`resolve`]).
    ///
    /// # Errors
    /// An unreadable corpus file or log.
    pub fn resolve(
        &self,
        doc: &str,
        current: Option<&Document>,
        corpus: &Corpus,
    ) -> Result<Option<Resolved>> {
        let Some(record) = self.get(doc)? else {
            return Ok(None);
        };
        Ok(Some(
            self.placed(doc, resolve_owned(record, current, corpus)?),
        ))
    }

    /// `r`, the resolved latest record of `doc`, said to be of this log, at its line.
    fn placed(&self, doc: &str, mut r: Resolved) -> Resolved {
        r.annotator.clone_from(&self.name);
        r.line = self.line_of(doc);
        r
    }
}

/// A log that could not be read.
#[derive(Debug)]
pub struct LogFailure {
    /// Whose log.
    pub annotator: String,
    /// Why (names the file and line).
    pub error: ModelError,
}

/// The annotations of a project: every annotator's log, read.
#[derive(Debug, Default)]
pub struct Annotations {
    logs: BTreeMap<String, AnnotatorRecords>,
    failures: Vec<LogFailure>,
}

impl Annotations {
    /// Reads every annotator's log. A log that cannot be read is listed in
    /// [`Annotations::failures`]; the others are read.
    ///
    /// # Errors
    /// An unreadable `annotations/` directory.
    pub fn load(project: &Project) -> Result<Self> {
        let names = project.annotators()?;
        let mut out = Self::default();
        for name in names {
            match read_one(project, &name) {
                Ok(log) => {
                    out.logs.insert(name, log);
                }
                Err(error) => out.failures.push(LogFailure {
                    annotator: name,
                    error,
                }),
            }
        }
        Ok(out)
    }

    /// Reads the logs of `names` only; any that cannot be read is an error.
    /// An annotator without a log has no records.
    ///
    /// # Errors
    /// A bad annotator name or an unreadable log, naming the file and line.
    pub fn load_only(project: &Project, names: &[String]) -> Result<Self> {
        let mut out = Self::default();
        for name in names {
            out.logs.insert(name.clone(), read_one(project, name)?);
        }
        Ok(out)
    }

    /// The logs that were read, sorted by annotator.
    pub fn logs(&self) -> impl ExactSizeIterator<Item = &AnnotatorRecords> {
        self.logs.values()
    }

    /// One annotator's log.
    #[must_use]
    pub fn log(&self, annotator: &str) -> Option<&AnnotatorRecords> {
        self.logs.get(annotator)
    }

    /// Logs that could not be read, sorted by annotator.
    #[must_use]
    pub fn failures(&self) -> &[LogFailure] {
        &self.failures
    }

    /// Every annotator's latest record of `doc`, resolved against `current`,
    /// sorted by annotator.
    ///
    /// # Errors
    /// An unreadable corpus file.
    pub fn resolve_document(
        &self,
        doc: &str,
        current: Option<&Document>,
        corpus: &Corpus,
    ) -> Result<Vec<Resolved>> {
        let mut out = Vec::new();
        for log in self.logs.values() {
            if let Some(r) = log.resolve(doc, current, corpus)? {
                out.push(r);
            }
        }
        Ok(out)
    }

    /// Ids of the documents that have a record, sorted, each read as the walk reaches it.
    pub fn documents(&self) -> impl Iterator<Item = String> + '_ {
        crate::store::union_sorted(
            self.logs
                .values()
                .map(|l| Box::new(l.documents()) as Box<dyn Iterator<Item = String> + '_>)
                .collect(),
        )
    }

    /// Every document with a record, in id order, with every annotator's
    /// latest record resolved against its current text as far as `depth`
    /// says. The document is read from the corpus once, and only when a
    /// record needs its text: a record made on another text (it is carried
    /// over exactly), or one with spans to check. A record made on the
    /// current text (its digest is the one the corpus index has) needs none
    /// to know its status and labels.
    pub fn resolved<'a>(
        &'a self,
        corpus: &'a Corpus,
        depth: Depth,
    ) -> impl Iterator<Item = Result<DocumentAnnotations>> + 'a {
        self.documents()
            .map(move |id| self.resolve_lazily(&id, corpus, depth))
    }

    /// [`Annotations::resolved`] of one document.
    fn resolve_lazily(
        &self,
        id: &str,
        corpus: &Corpus,
        depth: Depth,
    ) -> Result<DocumentAnnotations> {
        let entry = corpus.try_entry(id)?;
        let mut current: Option<Document> = None;
        let mut records = Vec::new();
        for log in self.logs.values() {
            let Some(record) = log.get(id)? else {
                continue;
            };
            let r = match &entry {
                Some(e)
                    if record.hash == e.hash
                        && (depth == Depth::Standing || record.spans.is_empty()) =>
                {
                    as_recorded(record)
                }
                Some(e) => {
                    if current.is_none() {
                        current = Some(corpus.read_entry(e)?);
                    }
                    resolve_owned(record, current.as_ref(), corpus)?
                }
                None => resolve_owned(record, None, corpus)?,
            };
            records.push(log.placed(id, r));
        }
        Ok(DocumentAnnotations {
            id: id.to_owned(),
            current,
            records,
        })
    }
}

/// How far [`Annotations::resolved`] resolves a record made on the current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Depth {
    /// Every span is checked against the text (a corrupt one is listed as
    /// lost): what `check` needs.
    Spans,
    /// Only how the record stands: its status, labels and anchor. A record
    /// made on the current text keeps its spans as recorded, unchecked (`check`
    /// checks them), and the text is not read for it; a record made on another
    /// text is resolved as with [`Depth::Spans`]. For counts (`status`).
    Standing,
}

/// One document and every annotator's latest record of it, resolved.
#[derive(Debug)]
pub struct DocumentAnnotations {
    /// The document id.
    pub id: String,
    /// Its current version, when a record needed its text; `None` when no
    /// record did or the corpus does not have it (the records say which).
    pub current: Option<Document>,
    /// Resolved records, sorted by annotator.
    pub records: Vec<Resolved>,
}

impl AnnotatorRecords {
    /// Reads any log file (one copied from another revision, or sent by e-mail)
    /// as the records of `name`. A missing file is an error here, not an empty log:
    /// a path was named on purpose.
    ///
    /// # Errors
    /// A missing or unreadable file, or an unparsable line, naming the file and line.
    pub fn read_file(name: &str, path: &Path) -> Result<Self> {
        // fs-err names the file in the error.
        fs_err::metadata(path)?;
        Ok(AnnotatorRecords {
            name: name.to_owned(),
            path: path.to_owned(),
            index: index_log(path)?,
        })
    }

    /// Reads `path` replayed up to `until`: the latest record per document among
    /// those with `at <= until` (the log as it stood then; an append-only log keeps
    /// every version). A missing log has no records.
    ///
    /// The log is read as [`index_log`] reads it, so a torn tail or a bad line is
    /// reported exactly as every other command reports it.
    ///
    /// # Errors
    /// As [`index_log`] (a record whose `at` is not an RFC 3339 time among them).
    pub fn read_until(name: &str, path: &Path, until: jiff::Timestamp) -> Result<Self> {
        // Every record's `at` is checked (and parsed) by the index. Up to the end
        // of time is the whole log: its table in the project serves.
        let index = if until == jiff::Timestamp::MAX {
            index_log(path)?
        } else {
            index_log_where(path, |record| Ok(record.at <= until))?
        };
        Ok(AnnotatorRecords {
            name: name.to_owned(),
            path: path.to_owned(),
            index,
        })
    }
}

fn read_one(project: &Project, name: &str) -> Result<AnnotatorRecords> {
    let path = project.log_path(name)?;
    let index = index_log(&path)?;
    Ok(AnnotatorRecords {
        name: name.to_owned(),
        path,
        index,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Status;

    fn record(doc: &Document, spans: Vec<Span>) -> Record {
        Record {
            doc: doc.id.clone(),
            hash: doc.hash.clone(),
            annotator: "alice".into(),
            schema: "news@1".into(),
            status: Status::Accepted,
            at: "2026-11-23T20:00:00Z".into(),
            ms: 1,
            spans,
            labels: BTreeMap::new(),
            zones: None,
            note: None,
            extra: serde_json::Map::new(),
        }
    }

    fn span(text: &str, needle: &str, label: &str) -> Span {
        let b = text.find(needle).unwrap();
        let s = text[..b].chars().count();
        Span::from_chars(text, s, s + needle.chars().count(), label).unwrap()
    }

    fn corpus_of(docs: &[Vec<Document>]) -> (tempfile::TempDir, Corpus) {
        let dir = tempfile::tempdir().unwrap();
        let corpus_dir = dir.path().join("corpus");
        fs_err::create_dir_all(&corpus_dir).unwrap();
        for batch in docs {
            crate::corpus::write_corpus_file(&corpus_dir, "import", batch).unwrap();
        }
        let corpus = Corpus::open(&corpus_dir, &dir.path().join(".annot")).unwrap();
        (dir, corpus)
    }

    #[test]
    fn current_record_keeps_valid_spans_and_lists_corrupt_ones() {
        let doc = Document::new("d", "Les ORES de Wallonie 😀 et l'OSDH.");
        let mut bad = span(&doc.text, "ORES", "ORG");
        bad.text = "OREZ".into();
        let reversed = Span {
            start: 9,
            end: 4,
            label: "LOC".into(),
            text: String::new(),
            source: None,
        };
        let good = span(&doc.text, "OSDH", "ORG");
        let rec = record(&doc, vec![bad, reversed, good.clone()]);
        let (_d, corpus) = corpus_of(&[vec![doc.clone()]]);
        let r = resolve(&rec, Some(&doc), &corpus).unwrap();
        assert_eq!(r.anchor, Anchor::Current);
        assert_eq!(r.record.spans, vec![good]);
        assert_eq!(r.lost.len(), 2);
        assert!(r.lost.iter().all(|l| matches!(l.loss, Loss::Corrupt(_))));
        assert!(format!("{}", r.lost[0].loss).contains("OREZ"));
    }

    #[test]
    fn changed_text_carries_spans_and_lists_the_lost() {
        let old = Document::new("d", "L'armée a repris Boukamal, dit l'OSDH.");
        let new = Document::new(
            "d",
            "Selon l'AFP, l'armée a repris Boukamal, dit l'OSDH (ONG).",
        );
        let spans = vec![
            span(&old.text, "L'armée", "ORG"),
            span(&old.text, "Boukamal", "LOC"),
            span(&old.text, "OSDH", "ORG"),
        ];
        let rec = record(&old, spans);
        let (_d, corpus) = corpus_of(&[vec![old], vec![new.clone()]]);
        assert_eq!(corpus.entry("d").unwrap().hash, new.hash);
        let r = resolve(&rec, Some(&new), &corpus).unwrap();
        assert!(matches!(r.anchor, Anchor::Reanchored { .. }));
        assert_eq!(r.record.hash, new.hash);
        let kept: Vec<&str> = r.record.spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(kept, ["Boukamal", "OSDH"]);
        for s in &r.record.spans {
            assert_eq!(new.slice(s.start, s.end), Some(s.text.as_str()));
        }
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].span.text, "L'armée");
        assert!(matches!(r.lost[0].loss, Loss::Changed(_)));
    }

    #[test]
    fn unknown_text_checks_against_the_current_text() {
        let doc = Document::new("d", "Boukamal et Deir ez-Zor");
        let mut rec = record(&doc, vec![span(&doc.text, "Boukamal", "LOC")]);
        rec.spans.push(Span {
            start: 12,
            end: 16,
            label: "LOC".into(),
            text: "Raqq".into(),
            source: None,
        });
        rec.hash = "0000".into();
        let (_d, corpus) = corpus_of(&[vec![doc.clone()]]);
        let r = resolve(&rec, Some(&doc), &corpus).unwrap();
        assert!(matches!(r.anchor, Anchor::UnknownText { .. }));
        assert_eq!(r.record.spans.len(), 1);
        assert_eq!(r.lost.len(), 1);
    }

    #[test]
    fn counting_reads_no_text_for_records_made_on_it_and_carries_the_others_exactly() {
        let kept = Document::new("a", "Boukamal et Deir ez-Zor");
        let old = Document::new("b", "L'armée a repris Boukamal, dit l'OSDH.");
        let new = Document::new(
            "b",
            "Selon l'AFP, l'armée a repris Boukamal, dit l'OSDH (ONG).",
        );
        let on_kept = record(&kept, vec![span(&kept.text, "Boukamal", "LOC")]);
        let on_old = record(
            &old,
            vec![
                span(&old.text, "L'armée", "ORG"),
                span(&old.text, "Boukamal", "LOC"),
            ],
        );
        let (dir, corpus) = corpus_of(&[vec![kept.clone()], vec![old], vec![new.clone()]]);
        let path = dir.path().join("alice.jsonl");
        fs_err::write(&path, format!("{}\n{}\n", line(&on_kept), line(&on_old))).unwrap();
        let annotations = Annotations {
            logs: BTreeMap::from([(
                "alice".to_owned(),
                AnnotatorRecords::read_file("alice", &path).unwrap(),
            )]),
            failures: Vec::new(),
        };
        // The file of "a" is unreadable from now on: a read of it would fail.
        let file = &corpus.files()[0];
        let len = fs_err::metadata(file).unwrap().len() as usize;
        fs_err::write(file, "x".repeat(len)).unwrap();

        let counted: Vec<DocumentAnnotations> = annotations
            .resolved(&corpus, Depth::Standing)
            .collect::<Result<_>>()
            .unwrap();
        assert_eq!(counted.len(), 2);
        let a = &counted[0];
        assert!(a.current.is_none(), "the text of 'a' was not read");
        assert_eq!(a.records[0].anchor, Anchor::Current);
        assert_eq!(a.records[0].record, on_kept);
        assert_eq!(a.records[0].line, 1);
        // A record made on an older text is carried over as `resolve` carries it.
        let b = &counted[1];
        let exact = resolve(&on_old, Some(&new), &corpus).unwrap();
        assert!(matches!(b.records[0].anchor, Anchor::Reanchored { .. }));
        assert_eq!(b.records[0].record, exact.record);
        assert_eq!(b.records[0].lost, exact.lost);
        assert_eq!(b.records[0].lost.len(), 1);
        assert_eq!(b.current.as_ref(), Some(&new));
        assert_eq!(b.records[0].line, 2);

        // Checking spans reads the text of "a".
        let checked: Result<Vec<DocumentAnnotations>> =
            annotations.resolved(&corpus, Depth::Spans).collect();
        assert!(checked.is_err());
    }

    #[test]
    fn a_lost_span_is_settled_only_by_a_new_span_of_its_text_and_label() {
        let text = "Paris et Paris";
        let first = Span::from_chars(text, 0, 5, "LOC").unwrap();
        let second = Span::from_chars(text, 9, 14, "LOC").unwrap();
        let lost = vec![LostSpan {
            span: second.clone(),
            loss: Loss::Changed("moved".into()),
        }];
        let before = vec![first.clone()];
        assert_eq!(
            unsettled(&lost, &before, &before).len(),
            1,
            "the survivor settles nothing"
        );
        assert_eq!(
            unsettled(&lost, &before, &[first.clone(), second.clone()]).len(),
            0
        );
        let other = Span::from_chars(text, 9, 14, "ORG").unwrap();
        assert_eq!(unsettled(&lost, &before, &[first, other]).len(), 1);
    }

    #[test]
    fn orphaned_record_is_kept_as_it_was() {
        let doc = Document::new("gone", "Boukamal");
        let rec = record(&doc, vec![span(&doc.text, "Boukamal", "LOC")]);
        let (_d, corpus) = corpus_of(&[vec![Document::new("other", "x")]]);
        let r = resolve(&rec, None, &corpus).unwrap();
        assert_eq!(r.anchor, Anchor::Orphaned);
        assert_eq!(r.record, rec);
    }

    #[test]
    fn a_log_replayed_up_to_a_time_keeps_the_records_made_by_then() {
        let doc = Document::new("d", "Boukamal et Deir ez-Zor");
        let other = Document::new("e", "Raqqa");
        let at = |r: &mut Record, t: &str| r.at = t.to_owned();
        let mut first = record(&doc, vec![span(&doc.text, "Boukamal", "LOC")]);
        at(&mut first, "2026-11-20T10:00:00Z");
        let mut e = record(&other, vec![]);
        at(&mut e, "2026-11-21T10:00:00Z");
        let mut second = record(&doc, vec![span(&doc.text, "Deir ez-Zor", "LOC")]);
        at(&mut second, "2026-11-22T10:00:00Z");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alice.jsonl");
        let lines: Vec<String> = [&first, &e, &second]
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        // a torn tail is set aside, as every reader does
        fs_err::write(&path, lines.join("\n") + "\n{\"doc\":\"d\",\"ha").unwrap();
        let until = |t: &str| t.parse::<jiff::Timestamp>().unwrap();
        let then = AnnotatorRecords::read_until("alice@then", &path, until("2026-11-21T10:00:00Z"))
            .unwrap();
        assert_eq!(then.latest().len(), 2);
        assert_eq!(then.get("d").unwrap().unwrap().spans[0].text, "Boukamal");
        assert_eq!(then.line_of("d"), 1);
        assert_eq!(then.record_count(), 2);
        assert!(then.torn().is_some());
        let before =
            AnnotatorRecords::read_until("a", &path, until("2026-01-01T00:00:00Z")).unwrap();
        assert_eq!(before.latest().len(), 0);
        let now = AnnotatorRecords::read_until("a", &path, until("2027-01-01T00:00:00Z")).unwrap();
        assert_eq!(now.get("d").unwrap().unwrap().spans[0].text, "Deir ez-Zor");
        assert_eq!(now.line_of("d"), 3);
        let file = AnnotatorRecords::read_file("copy", &path).unwrap();
        assert_eq!(file.get("d").unwrap(), now.get("d").unwrap());
        assert!(AnnotatorRecords::read_file("x", &dir.path().join("none.jsonl")).is_err());
        let mut bad = first.clone();
        bad.at = "yesterday".into();
        fs_err::write(&path, serde_json::to_string(&bad).unwrap() + "\n").unwrap();
        let err = AnnotatorRecords::read_until("a", &path, until("2027-01-01T00:00:00Z"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("alice.jsonl:1") && err.contains("yesterday"),
            "{err}"
        );
    }
    fn line(r: &Record) -> String {
        serde_json::to_string(r).unwrap()
    }

    #[test]
    fn the_view_reads_the_latest_record_of_each_document_on_demand() {
        let d = Document::new("d", "Boukamal et Deir ez-Zor");
        let e = Document::new("e", "Raqqa");
        let first = record(&d, vec![span(&d.text, "Boukamal", "LOC")]);
        let mut other = record(&e, vec![]);
        other.status = Status::Skipped;
        let mut second = record(&d, vec![span(&d.text, "Deir ez-Zor", "LOC")]);
        second.at = "2026-11-23T20:05:00Z".into();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alice.jsonl");
        // A byte-order mark and a blank line are skipped; the latest record of a document stands.
        let text = format!(
            "\u{feff}{}\n\n{}\n{}\n",
            line(&first),
            line(&other),
            line(&second)
        );
        fs_err::write(&path, text).unwrap();
        let log = AnnotatorRecords::read_file("alice", &path).unwrap();
        assert!(log.byte_order_mark());
        assert!(log.torn().is_none());
        assert_eq!(log.record_count(), 3);
        assert_eq!(log.len(), 2);
        assert_eq!(log.documents().collect::<Vec<_>>(), ["d", "e"]);
        assert_eq!(log.get("d").unwrap().unwrap(), second);
        assert_eq!(log.line_of("d"), 4);
        assert_eq!(log.status_of("e"), Some(Status::Skipped));
        assert_eq!(log.status_of("x"), None);
        assert!(log.get("x").unwrap().is_none());
        let all: Vec<Record> = log.latest().collect::<Result<_>>().unwrap();
        assert_eq!(all, [second.clone(), other.clone()]);

        // The first line, behind the mark, is read where it is.
        fs_err::write(&path, format!("\u{feff}{}\n", line(&first))).unwrap();
        let log = AnnotatorRecords::read_file("alice", &path).unwrap();
        assert_eq!(log.get("d").unwrap().unwrap(), first);
    }

    #[test]
    fn a_record_appended_after_loading_is_seen_by_the_next_load() {
        let d = Document::new("d", "Boukamal");
        let first = record(&d, vec![]);
        let mut second = record(&d, vec![span(&d.text, "Boukamal", "LOC")]);
        second.at = "2026-11-23T20:05:00Z".into();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alice.jsonl");
        fs_err::write(&path, line(&first) + "\n").unwrap();
        let loaded = AnnotatorRecords::read_file("alice", &path).unwrap();
        {
            let mut log = crate::store::AnnotatorLog::open(&path, "alice").unwrap();
            log.append(&second).unwrap();
        }
        // The loaded view stands as of its load: the line it indexed is still there.
        assert_eq!(loaded.get("d").unwrap().unwrap(), first);
        assert_eq!(loaded.line_of("d"), 1);
        let again = AnnotatorRecords::read_file("alice", &path).unwrap();
        assert_eq!(again.get("d").unwrap().unwrap(), second);
        assert_eq!(again.line_of("d"), 2);
        assert_eq!(again.record_count(), 2);
    }

    #[test]
    fn a_torn_tail_is_set_aside_and_the_records_before_it_are_read() {
        let d = Document::new("d", "Boukamal");
        let first = record(&d, vec![span(&d.text, "Boukamal", "LOC")]);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alice.jsonl");
        let whole = line(&first);
        fs_err::write(&path, format!("{whole}\n{}", &whole[..whole.len() / 2])).unwrap();
        let log = AnnotatorRecords::read_file("alice", &path).unwrap();
        assert_eq!(log.torn().unwrap().line, 2);
        assert_eq!(log.record_count(), 1);
        assert_eq!(log.get("d").unwrap().unwrap(), first);
        // Opening the log for writing moves the tail away; the view's line is untouched.
        drop(crate::store::AnnotatorLog::open(&path, "alice").unwrap());
        assert_eq!(log.get("d").unwrap().unwrap(), first);
    }

    #[test]
    fn a_line_that_is_not_a_whole_record_is_reported_when_read() {
        let d = Document::new("d", "Boukamal");
        let good = line(&record(&d, vec![]));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("alice.jsonl");
        // JSON with the fields the index needs, but spans of the wrong type.
        let bad = good.replace("\"spans\":[]", "\"spans\":5");
        assert_ne!(bad, good);
        fs_err::write(&path, format!("{bad}\n")).unwrap();
        let log = AnnotatorRecords::read_file("alice", &path).unwrap();
        let err = log.get("d").unwrap_err().to_string();
        assert!(
            err.contains("alice.jsonl:1") && err.contains("not a record"),
            "{err}"
        );

        // A log rewritten under the view is not read as if it were the one indexed.
        fs_err::write(&path, format!("{good}\n")).unwrap();
        let log = AnnotatorRecords::read_file("alice", &path).unwrap();
        let other = good.replace("\"doc\":\"d\"", "\"doc\":\"x\"");
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .and_then(|mut f| std::io::Write::write_all(&mut f, other.as_bytes()))
            .unwrap();
        let err = log.get("d").unwrap_err().to_string();
        assert!(err.contains("the log changed"), "{err}");
    }
}
