//! Draft journals: the unsaved edits of an annotator, one JSONL file beside their log.
//!
//! A session appends one line after every command that changed a document's
//! annotation, and fsyncs it before the next prompt, so that Ctrl-C, a closed
//! connection or a crash loses nothing the screen acknowledged. The journal of
//! `annotations/<name>.jsonl` is `annotations/<name>.draft.jsonl`: it lives with
//! the log it belongs to (a backup or a copy of `annotations/` takes both;
//! `.annot/` is a cache that may be deleted), and it is opened only through the
//! [`AnnotatorLog`] that holds the annotator's exclusive lock, so one session
//! per annotator writes it. [`crate::project::Project::annotators`] does not take
//! it for a log, and no annotator may be called `<name>.draft`.
//!
//! A draft is never a decision: nothing that reads records
//! ([`crate::annotations`]: status, check, show, diff, export) reads this file.
//!
//! # Format
//!
//! One JSON object a line ([`DraftLine`], JSON Schema in `schemas/draft.schema.json`):
//!
//! ```text
//! {"seq":7,"doc":"02_x","draft":{"hash":"…","log_lines":12,"at":"2026-11-23T20:00:00Z",
//!  "ms":35210,"edits":3,"spans":[…],"labels":{"topic":["conflict"]},"zones":null,
//!  "note":null,"lost":[],"lost_zones":0}}
//! {"seq":8,"doc":"02_x","draft":null}
//! ```
//!
//! The line with the highest `seq` per document wins; `"draft":null` clears the
//! document's draft (a decision, or `drop`). `log_lines` is the number of lines
//! the log had when the draft was written: the log's latest record of the
//! document on a later line, made no earlier than the draft's `at`, is a
//! decision made after it, and the draft is then stale (a crash between the
//! decision and the line that clears the draft). A torn last line (a
//! crash mid-write) is ignored: it was never acknowledged. The journal is
//! compacted (rewritten through a temporary file and a rename) when a session
//! starts, and when it ends, where a journal without drafts is removed.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::annotations::LostSpan;
use crate::document::ZoneSpan;
use crate::error::{ModelError, Result};
use crate::record::Span;
use crate::store::AnnotatorLog;

/// How a journal's file name ends: `annotations/<name>.draft.jsonl`.
pub const DRAFT_SUFFIX: &str = ".draft.jsonl";

/// One line of a draft journal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftLine {
    /// Order of the lines; the highest per document wins.
    pub seq: u64,
    /// The document's id.
    pub doc: String,
    /// The document's annotation as it is now, or `None`: its draft is cleared.
    pub draft: Option<Draft>,
}

/// The full unsaved annotation of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    /// Digest of the text the draft was made on.
    pub hash: String,
    /// Lines of the annotator's log when the draft was written.
    pub log_lines: usize,
    /// RFC 3339 UTC time of the edit.
    pub at: String,
    /// Milliseconds spent on the document so far.
    #[serde(default)]
    pub ms: u64,
    /// Commands that changed the document since its last decision.
    #[serde(default)]
    pub edits: usize,
    /// Spans, code point offsets into the text of `hash`.
    #[serde(default)]
    pub spans: Vec<Span>,
    /// Document labels: label set name -> chosen values.
    #[serde(default)]
    pub labels: BTreeMap<String, Vec<String>>,
    /// Zone corrections, or `None` while the imported zones stand.
    #[serde(default)]
    pub zones: Option<Vec<ZoneSpan>>,
    /// The note.
    #[serde(default)]
    pub note: Option<String>,
    /// Spans of the earlier record that could not be carried onto the text, still listed.
    #[serde(default)]
    pub lost: Vec<LostSpan>,
    /// Zone corrections of the earlier record that no longer apply.
    #[serde(default)]
    pub lost_zones: usize,
}

impl Draft {
    /// The draft as a record of `doc` (status `skipped`, no extra keys), so that the
    /// rule that carries records onto a changed text carries drafts too. A draft is
    /// the annotation part of a record (hash, time, spans, labels, zones, note) with
    /// what only unsaved work has (log lines, edits, losses); the journal keeps its
    /// own line format, so this is the one place that maps one onto the other.
    #[must_use]
    pub fn as_record(&self, doc: &str, annotator: &str, schema: &str) -> crate::record::Record {
        crate::record::Record {
            doc: doc.to_owned(),
            hash: self.hash.clone(),
            annotator: annotator.to_owned(),
            schema: schema.to_owned(),
            status: crate::record::Status::Skipped,
            at: self.at.clone(),
            ms: self.ms,
            spans: self.spans.clone(),
            labels: self.labels.clone(),
            zones: self.zones.clone(),
            note: self.note.clone(),
            extra: serde_json::Map::new(),
        }
    }
}

/// The journal of `log`: `annotations/<name>.jsonl` -> `annotations/<name>.draft.jsonl`.
#[must_use]
pub fn draft_path(log: &Path) -> PathBuf {
    let stem = log.file_stem().unwrap_or_default().to_string_lossy();
    log.with_file_name(format!("{stem}{DRAFT_SUFFIX}"))
}

/// What a journal holds: the live draft of each document.
#[derive(Debug, Default)]
pub struct DraftContents {
    /// The winning line of each document that has a draft, by document id.
    pub drafts: BTreeMap<String, DraftLine>,
    /// The highest `seq` seen.
    pub seq: u64,
    /// A torn last line (1-based) that was ignored.
    pub torn: Option<usize>,
    /// The bytes of that line, set aside by [`DraftJournal::open`].
    pub torn_text: Vec<u8>,
}

/// Reads a journal without locking or changing it (for `status`). A missing file has no drafts.
///
/// # Errors
/// An unreadable file, or a complete line that is not a draft line (file and line named).
pub fn read_drafts(path: &Path) -> Result<DraftContents> {
    let file = match fs_err::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(DraftContents::default()),
        Err(e) => return Err(e.into()),
    };
    let mut reader = BufReader::new(file);
    let mut out = DraftContents::default();
    let mut latest: BTreeMap<String, DraftLine> = BTreeMap::new();
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        if reader.read_until(b'\n', &mut buf)? == 0 {
            break;
        }
        line_no += 1;
        let complete = buf.ends_with(b"\n");
        let line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match serde_json::from_slice::<DraftLine>(line) {
            Ok(l) => {
                out.seq = out.seq.max(l.seq);
                if latest.get(&l.doc).is_none_or(|old| old.seq <= l.seq) {
                    latest.insert(l.doc.clone(), l);
                }
            }
            // Only the last line can be cut short; it was never acknowledged.
            Err(_) if !complete => {
                out.torn = Some(line_no);
                out.torn_text = line.to_vec();
            }
            Err(e) => {
                return Err(ModelError::Line {
                    path: path.to_owned(),
                    line: line_no,
                    message: format!(
                        "not a draft line: {e}; fix or remove that line by hand \
                         (or remove the file to discard every unsaved edit)"
                    ),
                });
            }
        }
    }
    latest.retain(|_, l| l.draft.is_some());
    out.drafts = latest;
    Ok(out)
}

/// Whether the log's latest record of a document, `decision`, was made after
/// the draft `d`: on a later line than the log had when the draft was written
/// (this machine appended it since), and not earlier than the draft's edit. A
/// line a `git pull` brought in with an older decision leaves the draft be.
fn superseded(d: &Draft, decision: &crate::store::LogEntry) -> bool {
    let later_line = decision.line as usize > d.log_lines;
    let edited = d.at.parse::<jiff::Timestamp>().ok();
    later_line && edited.is_none_or(|t| decision.at >= t)
}

/// Splits a journal's drafts into the live ones and the documents whose draft a later
/// decision of the log (`entry` gives its latest record of a document) superseded.
fn live_and_stale(
    drafts: BTreeMap<String, DraftLine>,
    entry: impl Fn(&str) -> Option<crate::store::LogEntry>,
) -> (BTreeMap<String, DraftLine>, Vec<String>) {
    let mut live = drafts;
    let mut stale = Vec::new();
    live.retain(|doc, line| {
        let decided_after = match (&line.draft, entry(doc)) {
            (Some(d), Some(e)) => superseded(d, &e),
            _ => false,
        };
        if decided_after {
            stale.push(doc.clone());
        }
        !decided_after
    });
    (live, stale)
}

/// The drafts the next session of the log `index` reads would restore (those no later
/// decision superseded), read without locking or changing the log or the journal.
///
/// # Errors
/// As [`read_drafts`].
pub fn restorable_drafts(index: &crate::store::LogIndex) -> Result<BTreeMap<String, Draft>> {
    let contents = read_drafts(&draft_path(index.path()))?;
    let (live, _) = live_and_stale(contents.drafts, |doc| index.latest.get(doc));
    Ok(live
        .into_iter()
        .filter_map(|(doc, l)| l.draft.map(|d| (doc, d)))
        .collect())
}

/// An annotator's draft journal, open for appending under the log's lock.
#[derive(Debug)]
pub struct DraftJournal {
    path: PathBuf,
    file: Option<fs_err::File>,
    live: BTreeMap<String, DraftLine>,
    seq: u64,
    torn: Option<usize>,
    stale: Vec<String>,
}

impl DraftJournal {
    /// Opens the journal of the log `log` holds (so under its lock): reads it,
    /// sets aside drafts that a later decision superseded, and compacts it.
    ///
    /// # Errors
    /// I/O errors; a complete line in the journal that is not a draft line.
    pub fn open(log: &AnnotatorLog) -> Result<Self> {
        let path = draft_path(log.path());
        let contents = read_drafts(&path)?;
        if contents.torn.is_some() {
            // Set aside, never dropped: the compaction below rewrites the file without it.
            let rejected = crate::store::rejected_path(&path);
            let mut r = fs_err::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&rejected)?;
            r.write_all(&contents.torn_text)?;
            r.write_all(b"\n")?;
            r.sync_all()?;
        }
        let (live, stale) = live_and_stale(contents.drafts, |doc| log.entry(doc));
        let mut journal = Self {
            path,
            file: None,
            live,
            seq: contents.seq,
            torn: contents.torn,
            stale,
        };
        journal.compact()?;
        // Made now, with its directory entry fsynced, so that an edit costs one fsync.
        let file = fs_err::OpenOptions::new()
            .append(true)
            .create(true)
            .open(&journal.path)?;
        crate::atomic::sync_dir(parent(&journal.path))?;
        journal.file = Some(file);
        Ok(journal)
    }

    /// The live drafts, by document id.
    pub fn drafts(&self) -> impl Iterator<Item = (&str, &Draft)> {
        self.live
            .iter()
            .filter_map(|(doc, l)| l.draft.as_ref().map(|d| (doc.as_str(), d)))
    }

    /// The live draft of `doc`.
    #[must_use]
    pub fn get(&self, doc: &str) -> Option<&Draft> {
        self.live.get(doc).and_then(|l| l.draft.as_ref())
    }

    /// Documents with a live draft.
    #[must_use]
    pub fn len(&self) -> usize {
        self.live.len()
    }

    /// Whether no document has a draft.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.live.is_empty()
    }

    /// The journal's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A torn last line that was ignored at open (1-based).
    #[must_use]
    pub fn torn(&self) -> Option<usize> {
        self.torn
    }

    /// Documents whose draft was older than their last decision and was set aside at open.
    #[must_use]
    pub fn stale(&self) -> &[String] {
        &self.stale
    }

    /// Appends the draft of `doc` and fsyncs before returning.
    ///
    /// # Errors
    /// I/O errors, naming the journal.
    pub fn put(&mut self, doc: &str, draft: Draft) -> Result<()> {
        let line = self.append(doc, Some(draft), true)?;
        self.live.insert(doc.to_owned(), line);
        Ok(())
    }

    /// Clears the draft of `doc`, if it has one. With `sync` false the line is
    /// written but not fsynced: after a decision, the log's record (fsynced) is
    /// what makes a draft that survives a crash stale.
    ///
    /// # Errors
    /// I/O errors, naming the journal.
    pub fn clear(&mut self, doc: &str, sync: bool) -> Result<()> {
        if self.live.remove(doc).is_some() {
            self.append(doc, None, sync)?;
        }
        Ok(())
    }

    fn append(&mut self, doc: &str, draft: Option<Draft>, sync: bool) -> Result<DraftLine> {
        self.seq += 1;
        let line = DraftLine {
            seq: self.seq,
            doc: doc.to_owned(),
            draft,
        };
        let mut bytes = serde_json::to_vec(&line).map_err(std::io::Error::other)?;
        bytes.push(b'\n');
        let file = match &mut self.file {
            Some(f) => f,
            None => self.file.insert(
                fs_err::OpenOptions::new()
                    .append(true)
                    .create(true)
                    .open(&self.path)?,
            ),
        };
        // One write for the whole line: a crash leaves at most this line torn.
        file.write_all(&bytes)?;
        if sync {
            file.sync_data()?;
        }
        Ok(line)
    }

    /// Rewrites the journal with the live drafts only (temporary file, rename),
    /// or removes it when there are none.
    ///
    /// # Errors
    /// I/O errors, naming the journal.
    pub fn compact(&mut self) -> Result<()> {
        self.file = None;
        if self.live.is_empty() {
            match fs_err::remove_file(&self.path) {
                Ok(()) => crate::atomic::sync_dir(parent(&self.path))?,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
                Err(e) => return Err(e.into()),
            }
            return Ok(());
        }
        let lines: Vec<&DraftLine> = self.live.values().collect();
        crate::atomic::write_atomic(&self.path, |w| {
            for l in &lines {
                serde_json::to_writer(&mut *w, l).map_err(std::io::Error::other)?;
                w.write_all(b"\n")?;
            }
            Ok(())
        })?;
        Ok(())
    }
}

fn parent(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Record, Status};

    fn draft(log_lines: usize, note: &str) -> Draft {
        Draft {
            hash: "h".into(),
            log_lines,
            at: "2026-11-23T20:00:00Z".into(),
            ms: 5,
            edits: 1,
            spans: vec![],
            labels: BTreeMap::new(),
            zones: None,
            note: Some(note.into()),
            lost: vec![],
            lost_zones: 0,
        }
    }

    fn record(doc: &str) -> Record {
        Record {
            doc: doc.into(),
            hash: "h".into(),
            annotator: "alice".into(),
            schema: "news@1".into(),
            status: Status::Accepted,
            at: "2026-11-23T20:00:00Z".into(),
            ms: 1,
            spans: vec![],
            labels: BTreeMap::new(),
            zones: None,
            note: None,
            extra: serde_json::Map::new(),
        }
    }

    #[test]
    fn path_is_beside_the_log() {
        assert_eq!(
            draft_path(Path::new("p/annotations/alice.jsonl")),
            Path::new("p/annotations/alice.draft.jsonl")
        );
    }

    #[test]
    fn latest_line_wins_cleared_drafts_go_and_compaction_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let log_path = dir.path().join("annotations/alice.jsonl");
        let log = AnnotatorLog::open(&log_path, "alice").unwrap();
        let mut j = DraftJournal::open(&log).unwrap();
        assert_eq!(
            fs_err::read_to_string(j.path()).unwrap(),
            "",
            "made empty at open"
        );
        j.put("a", draft(0, "one")).unwrap();
        j.put("b", draft(0, "b")).unwrap();
        j.put("a", draft(0, "two")).unwrap();
        j.clear("b", true).unwrap();
        j.clear("never", true).unwrap();
        let text = fs_err::read_to_string(j.path()).unwrap();
        assert_eq!(text.lines().count(), 4);
        let read = read_drafts(j.path()).unwrap();
        assert_eq!(read.drafts.len(), 1);
        assert_eq!(
            read.drafts["a"].draft.as_ref().unwrap().note.as_deref(),
            Some("two")
        );
        drop(j);
        let mut j = DraftJournal::open(&log).unwrap();
        assert_eq!(j.len(), 1);
        let text = fs_err::read_to_string(j.path()).unwrap();
        assert_eq!(text.lines().count(), 1, "compacted at open: {text}");
        j.put("c", draft(0, "c")).unwrap();
        assert!(
            read_drafts(j.path()).unwrap().seq > 3,
            "seq goes on after compaction"
        );
        j.clear("a", false).unwrap();
        j.clear("c", true).unwrap();
        j.compact().unwrap();
        assert!(!j.path().exists(), "no draft left, no file");
    }

    #[test]
    fn torn_last_line_is_ignored_bad_middle_line_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.draft.jsonl");
        let good = serde_json::to_string(&DraftLine {
            seq: 1,
            doc: "a".into(),
            draft: Some(draft(0, "n")),
        })
        .unwrap();
        fs_err::write(&p, format!("{good}\n{}", &good[..good.len() / 2])).unwrap();
        let read = read_drafts(&p).unwrap();
        assert_eq!((read.drafts.len(), read.torn), (1, Some(2)));
        fs_err::write(&p, format!("{}\n{good}\n", &good[..good.len() / 2])).unwrap();
        let err = read_drafts(&p).unwrap_err().to_string();
        assert!(
            err.contains("alice.draft.jsonl:1") && err.contains("not a draft line"),
            "{err}"
        );
    }

    #[test]
    fn a_draft_older_than_the_decision_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let log_path = dir.path().join("alice.jsonl");
        let mut log = AnnotatorLog::open(&log_path, "alice").unwrap();
        let mut j = DraftJournal::open(&log).unwrap();
        j.put("a", draft(log.line_count(), "a")).unwrap();
        j.put("b", draft(log.line_count(), "b")).unwrap();
        // The decision reached the log; the crash came before the draft was cleared.
        log.append(&record("a")).unwrap();
        drop(j);
        let j = DraftJournal::open(&log).unwrap();
        assert_eq!(j.stale(), ["a".to_owned()]);
        assert!(j.get("a").is_none());
        assert!(j.get("b").is_some());
    }

    #[test]
    fn an_older_decision_pulled_in_from_another_clone_leaves_the_draft() {
        let dir = tempfile::tempdir().unwrap();
        let log_path = dir.path().join("alice.jsonl");
        let mut log = AnnotatorLog::open(&log_path, "alice").unwrap();
        let mut j = DraftJournal::open(&log).unwrap();
        j.put("a", draft(log.line_count(), "a")).unwrap();
        // A line after the draft's, made an hour before its edit (on another machine).
        let mut earlier = record("a");
        earlier.at = "2026-11-23T19:00:00Z".into();
        log.append(&earlier).unwrap();
        drop(j);
        let j = DraftJournal::open(&log).unwrap();
        assert!(j.stale().is_empty());
        assert_eq!(j.get("a").unwrap().note.as_deref(), Some("a"));
    }
}
