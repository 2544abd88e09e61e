//! Annotator logs: one append-only JSONL file per annotator.
//!
//! Which record of a document stands is the **latest decision by its `at`
//! time**, not the last line: once two clones' logs are merged by git (union
//! merge, see the GUIDE's "Teams over git"), lines of two machines interleave
//! in an order that differs from clone to clone, and every clone must still
//! agree. Records with the same `at` are ordered by their line's bytes (the
//! greater wins), so the order is the same however the lines are placed; two
//! identical lines (a union merge can double one) are one record, and the
//! first is taken. [`index_log`] is the one implementation of that rule: the
//! view ([`crate::annotations`]) and the writer ([`AnnotatorLog`]) both index
//! with it. A record whose `at` is not an RFC 3339 time is an error naming
//! the file and line.
//!
//! Every append is written in one write call and fsynced before it returns;
//! a [`Batch`] of records is one write and one fsync. A torn or unparsable
//! final line (a crash mid-write) is reported and, when the log is opened for
//! writing, moved to `<name>.jsonl.rejected` so nothing before it is lost and
//! nothing is silently dropped. A complete record that only lacks its final
//! newline is a whole record: it is kept, and the newline is added when the
//! log is next opened for writing. An unparsable line in the middle is an error.
//!
//! An index keeps where each document's latest record is, not the records
//! themselves: memory does not grow with the records' contents, and a record
//! is read when it is asked for ([`LogIndex::read`]). It holds each
//! document's id once and a 40-byte slot ([`Latest`]).

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fs::TryLockError;
use std::io::{BufRead, BufReader, Seek, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::error::{ModelError, Result};
use crate::log_table::{self, Built, Covered, Table, TableBuilder, open_table, table_path};
pub use crate::log_table::{TableNotWritten, TablesNotWritten, take_tables_not_written};
use crate::record::{Record, Status};

/// What was set aside from the end of a log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TornTail {
    /// 1-based line number of the torn line.
    pub line: usize,
    /// The bytes of the torn line, lossily decoded.
    pub text: String,
    /// Where it was moved (only when the log was opened for writing).
    pub moved_to: Option<PathBuf>,
}

/// The records of a log, latest per document, every one in memory.
#[derive(Debug, Default)]
pub struct LogContents {
    /// The latest record of each document, by document id (sorted, so every
    /// reader walks them in the same order).
    pub latest: BTreeMap<String, Record>,
    /// 1-based line of each latest record.
    pub lines: BTreeMap<String, usize>,
    /// How many records the log holds in all (history included).
    pub records: usize,
    /// A torn final line, if there was one.
    pub torn: Option<TornTail>,
    /// The log starts with a UTF-8 byte-order mark (an editor added it); it was skipped.
    pub byte_order_mark: bool,
    /// The last record is complete but has no final newline.
    pub missing_final_newline: bool,
}

/// Reads a log with every latest record in memory, without locking or
/// changing it. Commands read through [`crate::annotations`] (an index and
/// records read on demand); this is for tools and tests that want the records
/// of one log at hand. The latest record is chosen as [`index_log`] chooses it.
///
/// A missing file is an empty log.
///
/// # Errors
/// Unreadable file, or an unparsable line that is not the last, naming file and line.
pub fn read_log(path: &Path) -> Result<LogContents> {
    let index = index_log(path)?;
    let mut out = LogContents {
        records: index.records,
        byte_order_mark: index.byte_order_mark,
        missing_final_newline: index.missing_final_newline,
        ..LogContents::default()
    };
    for (doc, entry) in index.latest.iter() {
        let record = index.read_entry(&doc, &entry)?;
        out.lines.insert(doc.clone(), entry.line as usize);
        out.latest.insert(doc, record);
    }
    out.torn = index.torn;
    Ok(out)
}

/// Where a line's record is in its log.
#[derive(Debug, Clone, Copy)]
struct LineAt {
    /// 1-based line number.
    line: usize,
    /// Byte offset of the record (past a byte-order mark on the first line).
    offset: u64,
    /// The line ends with its newline (one without is the last, maybe a torn write).
    complete: bool,
}

/// Why a line was not taken.
enum Rejected {
    /// It is not a record.
    NotARecord(serde_json::Error),
    /// It is a record, and the reader refused it (the message says why).
    Refused(String),
}

/// What a scan found besides the records.
#[derive(Debug, Default)]
struct Scanned {
    records: usize,
    torn: Option<TornTail>,
    byte_order_mark: bool,
    missing_final_newline: bool,
    /// Byte length of the valid part of the log.
    valid_len: u64,
    /// Lines in the valid part of the log.
    valid_lines: usize,
    /// Byte length of the valid part that ends with a newline.
    whole_len: u64,
    /// Lines in it.
    whole_lines: usize,
}

/// Reads every line of a log, handing each record's line (its bytes, without
/// the newline or a byte-order mark) to `on_line`, which parses it. Blank
/// lines, a torn tail and the byte-order mark are dealt with here, once for
/// every reader. `records` counts the lines `on_line` took.
fn scan_log(
    mut reader: impl BufRead,
    path: &Path,
    (from, from_lines): (u64, usize),
    mut on_line: impl FnMut(LineAt, &[u8]) -> std::result::Result<(), Rejected>,
) -> Result<Scanned> {
    let mut out = Scanned {
        valid_len: from,
        valid_lines: from_lines,
        whole_len: from,
        whole_lines: from_lines,
        ..Scanned::default()
    };
    let mut buf = Vec::new();
    let mut line_no = from_lines;
    let mut offset = from;
    // A bad line without its newline is only an error if a line follows it;
    // at the end it is a torn tail (a write cut short).
    let mut pending_bad: Option<(usize, String, String)> = None;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        if let Some((line, _, message)) = pending_bad.take() {
            return Err(ModelError::Line {
                path: path.to_owned(),
                line,
                message: format!(
                    "{message}; this is not the last line, so it is not a torn write: \
                     fix or remove that line by hand (annot never rewrites the middle of a log)"
                ),
            });
        }
        let complete = buf.ends_with(b"\n");
        let mut line = buf.strip_suffix(b"\n").unwrap_or(&buf);
        let mut start = offset;
        if line_no == 1
            && offset == 0
            && let Some(rest) = line.strip_prefix(b"\xEF\xBB\xBF")
        {
            out.byte_order_mark = true;
            line = rest;
            start += 3;
        }
        if line.iter().all(u8::is_ascii_whitespace) && complete {
            offset += n as u64;
            out.valid_len = offset;
            out.valid_lines = line_no;
            out.whole_len = offset;
            out.whole_lines = line_no;
            continue;
        }
        let at = LineAt {
            line: line_no,
            offset: start,
            complete,
        };
        match on_line(at, line) {
            Ok(()) => {
                // A whole record without its newline is still a whole record.
                out.missing_final_newline = !complete;
                out.records += 1;
                offset += n as u64;
                out.valid_len = offset;
                out.valid_lines = line_no;
                if complete {
                    out.whole_len = offset;
                    out.whole_lines = line_no;
                }
            }
            Err(Rejected::Refused(message)) => {
                return Err(ModelError::Line {
                    path: path.to_owned(),
                    line: line_no,
                    message,
                });
            }
            Err(Rejected::NotARecord(e)) if complete => {
                // annot writes a record and its newline in one write: a whole
                // line that is not a record was not cut short, it is wrong.
                return Err(ModelError::Line {
                    path: path.to_owned(),
                    line: line_no,
                    message: format!(
                        "{}; the line is complete, so it is not a write cut short: \
                         fix or remove that line by hand (annot never rewrites a log)",
                        not_a_record(line, &e)
                    ),
                });
            }
            Err(Rejected::NotARecord(e)) => {
                pending_bad = Some((line_no, lossy(line), not_a_record(line, &e)));
            }
        }
    }
    if let Some((line, text, _)) = pending_bad {
        out.torn = Some(TornTail {
            line,
            text,
            moved_to: None,
        });
    }
    Ok(out)
}

/// The fields of a record that indexing a log needs, read without building
/// the rest: the other fields are checked to be JSON, and the required ones to
/// be there; the whole record is parsed (and checked) when it is read.
#[derive(Debug, Deserialize)]
struct RawHead<'a> {
    #[serde(borrow)]
    doc: Cow<'a, str>,
    status: Status,
    #[serde(borrow)]
    at: Cow<'a, str>,
    #[allow(dead_code)]
    hash: IgnoredAny,
    #[allow(dead_code)]
    annotator: IgnoredAny,
    #[allow(dead_code)]
    schema: IgnoredAny,
}

/// What an index knows of a record without reading all of it.
#[derive(Debug, Clone)]
pub struct RecordHead<'a> {
    /// The document id.
    pub doc: Cow<'a, str>,
    /// The record's status.
    pub status: Status,
    /// The time of the decision.
    pub at: Timestamp,
}

/// Parses a record's `at`.
///
/// # Errors
/// [`ModelError::RecordTime`] when it is not an RFC 3339 time.
pub fn parse_at(doc: &str, at: &str) -> Result<Timestamp> {
    at.parse().map_err(|e: jiff::Error| ModelError::RecordTime {
        doc: doc.to_owned(),
        at: at.to_owned(),
        reason: e.to_string(),
    })
}

/// Where the latest record of a document is in its log, and what an index keeps of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogEntry {
    /// Byte offset of the record in the log.
    pub offset: u64,
    /// Byte length of the record, without its newline.
    pub len: u32,
    /// 1-based line of the record.
    pub line: u32,
    /// The record's status (filters and counts need it without reading the record).
    pub status: Status,
    /// The time of the decision (which record stands is decided by it).
    pub at: Timestamp,
}

/// The latest [`LogEntry`] of each document: a table on disk, sorted by id
/// ([`crate::log_table`]: memory holds one block of it and a fence per block),
/// and the entries of records read or written since it was made, kept apart
/// ([`Latest::insert`]); those stand over the table's.
#[derive(Debug, Default)]
pub struct Latest {
    table: Option<Table>,
    /// Entries set since the table was made; an id here stands over the table's.
    added: BTreeMap<Box<str>, LogEntry>,
    /// Documents in all (the table's and `added` together).
    len: usize,
    /// The first error reading the table after it was opened (reported by the next read of a record).
    failed: std::sync::Mutex<Option<String>>,
}

impl Latest {
    fn new(table: Option<Table>) -> Self {
        let len = table.as_ref().map_or(0, Table::len);
        Latest {
            table,
            len,
            ..Latest::default()
        }
    }

    fn fail(&self, e: &std::io::Error) {
        if let Ok(mut f) = self.failed.lock()
            && f.is_none()
        {
            *f = Some(e.to_string());
        }
    }

    /// The first error met reading the table, if one was.
    fn failure(&self) -> Option<String> {
        self.failed.lock().ok().and_then(|f| f.clone())
    }

    fn in_table(&self, doc: &str) -> Option<LogEntry> {
        match self.table.as_ref()?.get(doc) {
            Ok(e) => e,
            Err(e) => {
                self.fail(&e);
                None
            }
        }
    }

    /// The latest entry of `doc`.
    #[must_use]
    pub fn get(&self, doc: &str) -> Option<LogEntry> {
        if let Some(e) = self.added.get(doc) {
            return Some(*e);
        }
        self.in_table(doc)
    }

    /// Sets the latest entry of `doc`.
    pub fn insert(&mut self, doc: &str, entry: LogEntry) {
        let new = !self.added.contains_key(doc) && self.in_table(doc).is_none();
        self.added.insert(doc.into(), entry);
        if new {
            self.len += 1;
        }
    }

    /// How many documents have an entry.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no document has an entry.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every document's latest entry, in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (String, LogEntry)> + '_ {
        let table: Box<dyn Iterator<Item = (String, LogEntry)> + '_> = match &self.table {
            Some(t) => Box::new(t.iter().map_while(|r| match r {
                Ok(item) => Some(item),
                Err(e) => {
                    self.fail(&e);
                    None
                }
            })),
            None => Box::new(std::iter::empty()),
        };
        LatestIter {
            table: table.peekable(),
            added: self.added.iter().peekable(),
            left: self.len,
        }
    }

    /// The ids of the documents, sorted.
    pub fn ids(&self) -> impl ExactSizeIterator<Item = String> + '_ {
        self.iter().map(|(id, _)| id)
    }
}

/// [`Latest::iter`]: the table's entries and the entries added since, merged in id order.
struct LatestIter<'a> {
    table: std::iter::Peekable<Box<dyn Iterator<Item = (String, LogEntry)> + 'a>>,
    added: std::iter::Peekable<std::collections::btree_map::Iter<'a, Box<str>, LogEntry>>,
    left: usize,
}

impl Iterator for LatestIter<'_> {
    type Item = (String, LogEntry);

    fn next(&mut self) -> Option<Self::Item> {
        let (take_added, shadowed) = match (self.table.peek(), self.added.peek()) {
            (None, None) => return None,
            // The added entry stands over the table's.
            (Some((id, _)), Some((added, _))) => {
                (id.as_str() >= added.as_ref(), id.as_str() == added.as_ref())
            }
            (Some(_), None) => (false, false),
            (None, Some(_)) => (true, false),
        };
        if shadowed {
            self.table.next();
        }
        let item = if take_added {
            self.added.next().map(|(id, e)| (id.to_string(), *e))
        } else {
            self.table.next()
        };
        self.left = self.left.saturating_sub(1);
        item
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for LatestIter<'_> {}

/// A log, indexed: where the latest record of each document is. Records are
/// read when asked for, from the file opened when the log was indexed; an
/// append-only log keeps every indexed line where it was, so records appended
/// since by another process are not seen (index the log again for them) and
/// the index stays true.
#[derive(Debug)]
pub struct LogIndex {
    path: PathBuf,
    /// `None` when the log does not exist.
    file: Option<std::fs::File>,
    /// The latest record of each document, by document id (sorted, so every
    /// reader walks them in the same order).
    pub latest: Latest,
    /// How many records the log holds in all (history included).
    pub records: usize,
    /// A torn final line, if there was one.
    pub torn: Option<TornTail>,
    /// The log starts with a UTF-8 byte-order mark (an editor added it); it was skipped.
    pub byte_order_mark: bool,
    /// The last record is complete but has no final newline.
    pub missing_final_newline: bool,
    /// Byte length of the valid part of the log.
    valid_len: u64,
    /// Lines in the valid part of the log.
    valid_lines: usize,
    /// The log's table could not be written (a read-only project and
    /// `TMPDIR`): the log was read without it, its latest entries in memory.
    pub table_not_written: Option<TableNotWritten>,
}

/// Indexes a log without locking or changing it (for status, diff, export).
///
/// A missing file is an empty log.
///
/// # Errors
/// Unreadable file, an unparsable line that is not the last, or a record
/// whose `at` is not an RFC 3339 time, naming file and line.
pub fn index_log(path: &Path) -> Result<LogIndex> {
    open_and_index(path, true, |_| Ok(true))
}

/// [`index_log`] keeping only the records `keep` says yes to (the log replayed
/// up to a time, say): `latest` and `records` count those only. `keep`'s
/// error is reported with the file and line of the record. The table is built
/// for the purpose in a temporary file (the project's table is of every record).
///
/// # Errors
/// As [`index_log`], and `keep`'s errors.
pub fn index_log_where(
    path: &Path,
    keep: impl FnMut(&RecordHead<'_>) -> std::result::Result<bool, String>,
) -> Result<LogIndex> {
    open_and_index(path, false, keep)
}

fn open_and_index(
    path: &Path,
    whole: bool,
    keep: impl FnMut(&RecordHead<'_>) -> std::result::Result<bool, String>,
) -> Result<LogIndex> {
    let file = match fs_err::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Ok(LogIndex::empty(path));
        }
        Err(e) => return Err(e.into()),
    };
    index_file(path, file.into_parts().0, whole, keep)
}

/// Indexes the open `file` of the log at `path`. With `whole` (every record
/// kept), the log's table ([`crate::log_table`]) is used when it holds and
/// extended with the records after what it covers, and written back when it
/// grew; else the log is read from its start into a table of its own.
fn index_file(
    path: &Path,
    file: std::fs::File,
    whole: bool,
    mut keep: impl FnMut(&RecordHead<'_>) -> std::result::Result<bool, String>,
) -> Result<LogIndex> {
    let cannot = |e: std::io::Error| {
        ModelError::Io(std::io::Error::new(
            e.kind(),
            format!("{}: cannot index the log: {e}", path.display()),
        ))
    };
    let dest = if whole { table_path(path) } else { None };
    let base = dest.as_deref().and_then(|d| open_table(d, &file));
    let from = base.as_ref().map(|t| t.covered).unwrap_or_default();
    let superseding = |new: &LogEntry, old: &LogEntry| supersedes_entry(new, old, &file);
    let mut builder = TableBuilder::default();
    // The last record when its line has no newline: it is not in the table (a
    // table covers whole lines only), it stands over it.
    let mut unended: Option<(String, LogEntry)> = None;
    let mut kept = 0usize;
    let mut reader = BufReader::with_capacity(1 << 16, &file);
    reader.seek(std::io::SeekFrom::Start(from.bytes))?;
    let scanned = scan_log(
        reader,
        path,
        (from.bytes, from.lines as usize),
        |at, bytes| {
            let raw: RawHead<'_> = serde_json::from_slice(bytes).map_err(Rejected::NotARecord)?;
            // A last line without its newline is a record only if all of it
            // parses (as `read_log` and the writer take it); else it is a torn
            // tail, not an entry whose record later fails to read.
            if !at.complete {
                serde_json::from_slice::<Record>(bytes).map_err(Rejected::NotARecord)?;
            }
            let time = parse_at(&raw.doc, &raw.at).map_err(|e| Rejected::Refused(e.to_string()))?;
            let head = RecordHead {
                doc: raw.doc,
                status: raw.status,
                at: time,
            };
            if !keep(&head).map_err(Rejected::Refused)? {
                return Ok(());
            }
            kept += 1;
            let entry = LogEntry {
                offset: at.offset,
                len: u32::try_from(bytes.len()).map_err(|_| {
                    Rejected::Refused("the record is longer than 4 GiB: split it by hand".into())
                })?,
                line: u32::try_from(at.line).unwrap_or(u32::MAX),
                status: head.status,
                at: head.at,
            };
            if at.complete {
                builder
                    .add(&head.doc, entry, &superseding)
                    .map_err(|e| Rejected::Refused(format!("cannot read the log: {e}")))?;
            } else {
                unended = Some((head.doc.into_owned(), entry));
            }
            Ok(())
        },
    )?;
    let covered = Covered {
        bytes: scanned.whole_len,
        lines: scanned.whole_lines as u64,
        records: from.records + (kept - usize::from(unended.is_some())) as u64,
        byte_order_mark: from.byte_order_mark || scanned.byte_order_mark,
    };
    let mut table_not_written = None;
    let mut latest = if builder.is_empty() {
        Latest::new(base)
    } else {
        // The project's table, else one in a temporary file; why neither could be made.
        let mut why = Vec::new();
        let made = match dest.as_deref().map(log_table::temp_for) {
            Some(Ok(made)) => Some(made),
            Some(Err(e)) => {
                why.push(e.to_string());
                None
            }
            None => None,
        };
        let out = match &made {
            Some((tmp, _)) => tmp.as_file().try_clone().map_err(|e| e.to_string()),
            None => log_table::temp_file().map_err(|e| {
                format!(
                    "a temporary file in {}: {e}",
                    std::env::temp_dir().display()
                )
            }),
        };
        let out = out.map_err(|e| {
            why.push(e);
            why.join("; ")
        });
        match builder
            .finish(base.as_ref(), out, covered, &file, &superseding)
            .map_err(cannot)?
        {
            Built::Table(written) => {
                if let (Some((tmp, _live)), Some(dest)) = (made, &dest) {
                    // A table that cannot be put in place is still this command's table.
                    let _ = tmp.persist(dest);
                }
                Latest::new(Some(log_table::reopen(written).map_err(cannot)?))
            }
            Built::InMemory { entries, why } => {
                // The table that holds (of the start of the log), and the rest in memory.
                let mut latest = Latest::new(base);
                if latest.table.is_none() {
                    latest.len = entries.len();
                    latest.added = entries;
                } else {
                    for (doc, entry) in entries {
                        let stands = match latest.get(&doc) {
                            Some(old) => supersedes_entry(&entry, &old, &file)?,
                            None => true,
                        };
                        if stands {
                            latest.insert(&doc, entry);
                        }
                    }
                }
                let note = TableNotWritten {
                    log: path.to_owned(),
                    table: dest.clone(),
                    reason: why,
                };
                log_table::note_not_written(&note);
                table_not_written = Some(note);
                latest
            }
        }
    };
    if let Some((doc, entry)) = unended {
        let stands = match latest.get(&doc) {
            Some(old) => supersedes_entry(&entry, &old, &file)?,
            None => true,
        };
        if stands {
            latest.insert(&doc, entry);
        }
    }
    Ok(LogIndex {
        path: path.to_owned(),
        file: Some(file),
        latest,
        records: from.records as usize + kept,
        torn: scanned.torn,
        byte_order_mark: from.byte_order_mark || scanned.byte_order_mark,
        missing_final_newline: scanned.missing_final_newline,
        valid_len: scanned.valid_len,
        valid_lines: scanned.valid_lines,
        table_not_written,
    })
}

/// [`supersedes`] of two entries of the log `file`, reading the new one's line when needed.
fn supersedes_entry(new: &LogEntry, old: &LogEntry, file: &std::fs::File) -> std::io::Result<bool> {
    if new.at != old.at {
        return Ok(new.at > old.at);
    }
    let mut bytes = vec![0u8; new.len as usize];
    read_exact_at(file, &mut bytes, new.offset)?;
    supersedes(new, &bytes, old, file)
}

/// Whether the record `new` (whose line is `bytes`) takes the place of `old`
/// as the latest record of its document: the later `at` wins; at the same
/// `at`, the greater line (byte by byte); the same line is the same record,
/// and `old` stays. Neither the lines' order nor their place in the file
/// counts, so every clone of a merged log takes the same record.
fn supersedes(
    new: &LogEntry,
    bytes: &[u8],
    old: &LogEntry,
    file: &std::fs::File,
) -> std::io::Result<bool> {
    Ok(match new.at.cmp(&old.at) {
        Ordering::Greater => true,
        Ordering::Less => false,
        Ordering::Equal => {
            let mut before = vec![0u8; old.len as usize];
            read_exact_at(file, &mut before, old.offset)?;
            bytes > before.as_slice()
        }
    })
}

impl LogIndex {
    fn empty(path: &Path) -> Self {
        LogIndex {
            path: path.to_owned(),
            file: None,
            latest: Latest::default(),
            records: 0,
            torn: None,
            byte_order_mark: false,
            missing_final_newline: false,
            valid_len: 0,
            valid_lines: 0,
            table_not_written: None,
        }
    }

    /// The log's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Lines in the log (blank lines included), a torn tail left out.
    #[must_use]
    pub fn lines(&self) -> usize {
        self.valid_lines
    }

    /// Reads the latest record of `doc`, if the log has one.
    ///
    /// # Errors
    /// As [`LogIndex::read_entry`].
    pub fn read(&self, doc: &str) -> Result<Option<Record>> {
        match self.latest.get(doc) {
            Some(entry) => self.read_entry(doc, &entry).map(Some),
            None => Ok(None),
        }
    }

    /// Reads the record at `entry`, the latest of `doc`: a positioned read of
    /// its line, then the whole record parsed.
    ///
    /// # Errors
    /// An unreadable file; a line that is JSON with the fields an index needs
    /// but not a record (a value of the wrong type, say); a line that is no
    /// longer the record of `doc` (the file was rewritten since it was
    /// indexed). Each names the file and line.
    pub fn read_entry(&self, doc: &str, entry: &LogEntry) -> Result<Record> {
        let record: Record = self.read_entry_as(entry)?;
        if record.doc != doc {
            return Err(ModelError::Line {
                path: self.path.clone(),
                line: entry.line as usize,
                message: format!(
                    "the log changed while annot was reading it: this line is no longer the \
                     record of document '{doc}' (a log is only appended to); run the command again"
                ),
            });
        }
        Ok(record)
    }

    /// Reads the fields of the record at `entry` that `T` has (the others are
    /// skipped unbuilt): for a pass over many records that needs a few fields.
    ///
    /// # Errors
    /// As [`LogIndex::read_entry`].
    pub fn read_entry_as<T: serde::de::DeserializeOwned>(&self, entry: &LogEntry) -> Result<T> {
        let line = entry.line as usize;
        let at_line = |message: String| ModelError::Line {
            path: self.path.clone(),
            line,
            message,
        };
        let Some(file) = &self.file else {
            return Err(at_line("the log was not open".into()));
        };
        if let Some(why) = self.latest.failure() {
            return Err(at_line(format!("cannot read the log's table: {why}")));
        }
        let mut buf = vec![0u8; entry.len as usize];
        read_exact_at(file, &mut buf, entry.offset)
            .map_err(|e| at_line(format!("cannot read the record: {e}")))?;
        serde_json::from_slice(&buf).map_err(|e| {
            at_line(format!(
                "{}: fix or remove that line by hand (annot never rewrites a log), \
                 or run the command again if the log was being replaced",
                not_a_record(&buf, &e)
            ))
        })
    }

    /// Counts the records of `batch`, just written at the end of the log, without
    /// adding them to the index (a [`LogAppender`]'s).
    fn add_unindexed(&mut self, batch: &Batch) {
        self.records += batch.pending.len();
        self.valid_len += batch.bytes.len() as u64;
        self.valid_lines += batch.pending.len();
    }

    /// Adds the records of `batch`, just written at the end of the log (`file`
    /// open on it), to the index.
    fn add_written(&mut self, batch: &Batch) -> std::io::Result<()> {
        let base = self.valid_len;
        for (i, p) in batch.pending.iter().enumerate() {
            let bytes = &batch.bytes[p.start..p.start + p.len as usize];
            let entry = LogEntry {
                offset: base + p.start as u64,
                len: p.len,
                line: u32::try_from(self.valid_lines + i + 1).unwrap_or(u32::MAX),
                status: p.status,
                at: p.at,
            };
            let takes_place = match (self.latest.get(&p.doc), &self.file) {
                (Some(old), Some(file)) => supersedes(&entry, bytes, &old, file)?,
                _ => true,
            };
            if takes_place {
                self.latest.insert(&p.doc, entry);
            }
        }
        self.records += batch.pending.len();
        self.valid_len += batch.bytes.len() as u64;
        self.valid_lines += batch.pending.len();
        Ok(())
    }
}

/// The union of id lists each sorted and without repeats (the [`Latest`] tables of
/// several logs, say), in order, each id once: the documents some log has, walked
/// without collecting them.
pub fn union_sorted<'a>(
    lists: Vec<Box<dyn Iterator<Item = String> + 'a>>,
) -> impl Iterator<Item = String> + 'a {
    let mut sources: Vec<_> = lists.into_iter().map(Iterator::peekable).collect();
    std::iter::from_fn(move || {
        let least = sources.iter_mut().filter_map(|s| s.peek()).min()?.clone();
        for s in &mut sources {
            if s.peek() == Some(&least) {
                s.next();
            }
        }
        Some(least)
    })
}

/// Reads `buf.len()` bytes of `file` at `offset`, without moving a shared cursor (on
/// Unix `pread`; on Windows positioned reads, `seek_read`, and the cursor put back;
/// elsewhere a seek and a read, the cursor put back).
///
/// On Unix and Windows each read names its offset, so threads may read one file at
/// once (on Windows the cursor is then put back by each in turn: a reader of the
/// cursor must not run beside them). Elsewhere the seek and the read are two steps:
/// such readers must not share a file across threads.
///
/// # Errors
/// The read's error; `UnexpectedEof` when the file ends first.
pub fn read_exact_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(windows)]
    {
        use std::io::{Seek, SeekFrom};
        use std::os::windows::fs::FileExt;
        // `seek_read` moves the cursor, which a reader scanning the file may
        // share: put it back.
        let mut f = file;
        let back = f.stream_position()?;
        let (mut buf, mut offset) = (buf, offset);
        let read = loop {
            if buf.is_empty() {
                break Ok(());
            }
            match file.seek_read(buf, offset) {
                Ok(0) => break Err(std::io::ErrorKind::UnexpectedEof.into()),
                Ok(n) => {
                    buf = &mut buf[n..];
                    offset += n as u64;
                }
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                Err(e) => break Err(e),
            }
        };
        // The read's error first, if both fail.
        let put_back = f.seek(SeekFrom::Start(back));
        read?;
        put_back.map(drop)
    }
    #[cfg(not(any(unix, windows)))]
    {
        use std::io::{Read, Seek, SeekFrom};
        // The cursor is shared with a reader scanning the file: put it back.
        let mut f = file;
        let back = f.stream_position()?;
        f.seek(SeekFrom::Start(offset))?;
        let read = f.read_exact(buf);
        // The read's error first, if both fail.
        let put_back = f.seek(SeekFrom::Start(back));
        read?;
        put_back.map(drop)
    }
}

/// Says why a line is not a record in words a user can act on.
fn not_a_record(line: &[u8], e: &serde_json::Error) -> String {
    if std::str::from_utf8(line).is_err() {
        return "not a record: the line is not valid UTF-8".into();
    }
    format!("not a record: {e}")
}

fn lossy(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// Records waiting to be appended together: one write and one fsync for all
/// of them ([`AnnotatorLog::commit`]). Only their lines are held (each
/// serialized as it is pushed), not the records.
#[derive(Debug, Default)]
pub struct Batch {
    bytes: Vec<u8>,
    pending: Vec<PendingLine>,
}

/// A line of a batch, and what the index keeps of it.
#[derive(Debug)]
struct PendingLine {
    doc: Box<str>,
    start: usize,
    len: u32,
    status: Status,
    at: Timestamp,
}

impl Batch {
    /// Adds a record (serialized now).
    ///
    /// # Errors
    /// [`ModelError::RecordTime`] when its `at` is not an RFC 3339 time; a
    /// record too long for a log line.
    pub fn push(&mut self, record: &Record) -> Result<()> {
        let at = parse_at(&record.doc, &record.at)?;
        let start = self.bytes.len();
        serde_json::to_writer(&mut self.bytes, record).map_err(std::io::Error::other)?;
        let len = self.bytes.len() - start;
        self.bytes.push(b'\n');
        let Ok(len) = u32::try_from(len) else {
            self.bytes.truncate(start);
            return Err(std::io::Error::other(format!(
                "the record of document '{}' is longer than 4 GiB",
                record.doc
            ))
            .into());
        };
        self.pending.push(PendingLine {
            doc: record.doc.as_str().into(),
            start,
            len,
            status: record.status,
            at,
        });
        Ok(())
    }

    /// How many records wait.
    #[must_use]
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    /// Whether no record waits.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Bytes of the lines that wait (a caller commits when this grows large).
    #[must_use]
    pub fn bytes(&self) -> usize {
        self.bytes.len()
    }

    fn clear(&mut self) {
        self.bytes.clear();
        self.pending.clear();
    }
}

/// An annotator's log opened for writing, holding the exclusive lock.
///
/// It keeps the log's index (the one [`index_log`] makes, updated on every
/// append) and reads records on demand, so memory does not grow with the log.
#[derive(Debug)]
pub struct AnnotatorLog {
    file: fs_err::File,
    index: LogIndex,
    /// The file was made by this open: its directory entry is fsynced with the first append.
    created: bool,
    /// The file was made by this open (kept after the first append).
    made: bool,
}

/// An annotator's log only appended to ([`AnnotatorLog::into_appender`]): the
/// same lock, writes and fsyncs as the log's, and no index in memory.
#[derive(Debug)]
pub struct LogAppender(AnnotatorLog);

impl LogAppender {
    /// Where the log ends now ([`AnnotatorLog::end`]).
    #[must_use]
    pub fn end(&self) -> LogEnd {
        self.0.end()
    }

    /// Appends `batch` in one write and fsyncs ([`AnnotatorLog::commit`]).
    ///
    /// # Errors
    /// I/O errors, naming the log (the log is cut back to its last whole record).
    pub fn commit(&mut self, batch: &mut Batch) -> Result<()> {
        self.0.write_batch(batch, false)
    }

    /// Cuts off what was appended since `end` ([`AnnotatorLog::cut_back`]).
    ///
    /// # Errors
    /// I/O errors, naming the log.
    pub fn cut_back(self, end: LogEnd) -> Result<()> {
        self.0.cut_back(end)
    }
}

/// Where a log ended, taken by [`AnnotatorLog::end`]: [`AnnotatorLog::cut_back`]
/// puts it back there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LogEnd {
    len: u64,
}

/// Takes the exclusive lock of an annotator's log, or says who has it.
fn lock_log(file: &fs_err::File, path: &Path, annotator: &str) -> Result<()> {
    match file.file().try_lock() {
        Ok(()) => Ok(()),
        Err(TryLockError::WouldBlock) => Err(ModelError::Locked {
            annotator: annotator.to_owned(),
            path: path.to_owned(),
        }),
        Err(TryLockError::Error(e)) => Err(std::io::Error::new(
            e.kind(),
            format!("{}: cannot lock: {e}", path.display()),
        )
        .into()),
    }
}

/// Whether the open `file` is still the file at `path` (same device and inode).
#[cfg(unix)]
fn is_at_path(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_at_path(_file: &std::fs::File, path: &Path) -> bool {
    path.exists()
}

impl AnnotatorLog {
    /// Opens (or creates) the log, takes the exclusive lock, indexes it, and
    /// sets aside a torn final line into `<path>.rejected`.
    ///
    /// # Errors
    /// [`ModelError::Locked`] when another process has the log; I/O errors; an
    /// unparsable line in the middle.
    pub fn open(path: &Path, annotator: &str) -> Result<Self> {
        if let Some(dir) = path.parent() {
            fs_err::create_dir_all(dir)?;
        }
        // A dangling symlink is not "no log": the link existed before this open.
        let created = path.symlink_metadata().is_err();
        let open = || {
            fs_err::OpenOptions::new()
                .read(true)
                .append(true)
                .create(true)
                .open(path)
        };
        let mut file = open()?;
        let mut tries = 0;
        loop {
            lock_log(&file, path, annotator)?;
            // A writer that removes the log (an import cut back to nothing)
            // unlinks it while it holds the lock: a file locked here that is
            // no longer the one at `path` would take records nobody reads.
            if tries >= 3 || is_at_path(file.file(), path) {
                break;
            }
            tries += 1;
            file = open()?;
        }
        let reader = file
            .file()
            .try_clone()
            .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let mut index = index_file(path, reader, true, |_| Ok(true))?;
        if let Some(torn) = &mut index.torn {
            let rejected = rejected_path(path);
            let mut r = fs_err::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&rejected)?;
            writeln!(r, "{}", torn.text)?;
            r.sync_all()?;
            file.file().set_len(index.valid_len)?;
            file.sync_all()?;
            torn.moved_to = Some(rejected);
        } else if index.missing_final_newline {
            // The last record is whole; end its line so the next append starts a new one.
            file.write_all(b"\n")?;
            file.sync_data()?;
            index.missing_final_newline = false;
            index.valid_len += 1;
        }
        Ok(Self {
            file,
            index,
            created,
            made: created,
        })
    }

    /// Where the log ends now (after what [`AnnotatorLog::open`] set right: a
    /// torn last line set aside, a missing final newline added).
    #[must_use]
    pub fn end(&self) -> LogEnd {
        LogEnd {
            len: self.index.valid_len,
        }
    }

    /// Cuts off what was appended since `end` (taken by [`AnnotatorLog::end`] of
    /// this open) and fsyncs, so the log is as it was then: for a writer whose
    /// whole work must land or none of it (an import). A log this open made and
    /// that is cut back to nothing is removed. Takes the log: its index knew the
    /// records cut off.
    ///
    /// # Errors
    /// I/O errors, naming the log.
    pub fn cut_back(self, end: LogEnd) -> Result<()> {
        let path = self.index.path.clone();
        let named = |e: std::io::Error| {
            std::io::Error::new(
                e.kind(),
                format!("{}: cannot cut back what was appended: {e}", path.display()),
            )
        };
        // The file's own length, not the index's: a write whose index update
        // failed, or a failed write not cut off, left bytes past `valid_len`.
        let on_disk = self.file.file().metadata().map_err(named)?.len();
        let remove = self.made && end.len == 0;
        if on_disk == end.len && !remove {
            return Ok(());
        }
        self.file.file().set_len(end.len).map_err(named)?;
        self.file.file().sync_all().map_err(named)?;
        if remove {
            // Unlinked while the lock is held: a session that opened the path
            // meanwhile finds it locked, or (see `open`) not the file at the path.
            fs_err::remove_file(&path)?;
            if let Some(dir) = path.parent() {
                crate::atomic::sync_dir(dir)?;
            }
            drop(self.file);
        }
        Ok(())
    }

    /// Appends one record and fsyncs before returning.
    ///
    /// # Errors
    /// I/O errors, naming the log; an `at` that is not an RFC 3339 time.
    pub fn append(&mut self, record: &Record) -> Result<()> {
        let mut batch = Batch::default();
        batch.push(record)?;
        self.commit(&mut batch)
    }

    /// Appends `records` in one write and one fsync.
    ///
    /// # Errors
    /// As [`AnnotatorLog::commit`].
    pub fn append_all(&mut self, records: &[Record]) -> Result<()> {
        let mut batch = Batch::default();
        for r in records {
            batch.push(r)?;
        }
        self.commit(&mut batch)
    }

    /// Appends the records of `batch` in one write, fsyncs (and the directory,
    /// when this open made the file), and empties the batch. A crash leaves a
    /// prefix of the batch's lines, whole, and at most one torn line after
    /// them, which the next open sets aside; a failed write is cut back off
    /// the file, so the log never keeps half a line of it.
    ///
    /// # Errors
    /// I/O errors, naming the log.
    pub fn commit(&mut self, batch: &mut Batch) -> Result<()> {
        self.write_batch(batch, true)
    }

    /// No more reads of this log: from now on it is only appended to (an
    /// import writing its records), and its index forgets what it held and
    /// does not learn what is appended, so appending a million records holds
    /// none of them ([`AnnotatorLog::commit`] adds each to the index).
    #[must_use]
    pub fn into_appender(mut self) -> LogAppender {
        self.index.latest = Latest::default();
        LogAppender(self)
    }

    /// Writes `batch` in one write, fsyncs, and (`index`) adds its records to the index.
    fn write_batch(&mut self, batch: &mut Batch, index: bool) -> Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        // One write call for the whole batch keeps a crash from interleaving partial records.
        let written = self
            .file
            .write_all(&batch.bytes)
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            let _ = self.file.file().set_len(self.index.valid_len);
            return Err(e.into());
        }
        if self.created {
            if let Some(dir) = self.index.path.parent() {
                crate::atomic::sync_dir(dir)?;
            }
            self.created = false;
        }
        if index {
            self.index.add_written(batch).map_err(|e| {
                std::io::Error::new(e.kind(), format!("{}: {e}", self.index.path.display()))
            })?;
        } else {
            self.index.add_unindexed(batch);
        }
        batch.clear();
        Ok(())
    }

    /// The time to give a decision on `doc` made now: the current time to the
    /// second, or, when the log's latest record of `doc` is that late already
    /// (a second decision within the second, a clock set back), just after it
    /// (a millisecond later), so that the decision made now is the one that stands.
    #[must_use]
    pub fn stamp(&self, doc: &str) -> String {
        let now = Timestamp::now();
        let now = Timestamp::from_second(now.as_second()).unwrap_or(now);
        match self.index.latest.get(doc) {
            Some(e) if e.at >= now => {
                let after =
                    e.at.checked_add(jiff::SignedDuration::from_millis(1))
                        .unwrap_or(e.at);
                format_at(after)
            }
            _ => format_at(now),
        }
    }

    /// Whether `record`, appended now, would be the latest of its document
    /// (see the module docs: the latest `at` stands).
    ///
    /// # Errors
    /// An `at` that is not an RFC 3339 time; an unreadable log.
    pub fn would_stand(&self, record: &Record) -> Result<bool> {
        let Some(old) = self.index.latest.get(record.doc.as_str()) else {
            return Ok(true);
        };
        let at = parse_at(&record.doc, &record.at)?;
        let bytes = serde_json::to_vec(record).map_err(std::io::Error::other)?;
        let entry = LogEntry { at, ..old };
        let Some(file) = &self.index.file else {
            return Ok(true);
        };
        Ok(supersedes(&entry, &bytes, &old, file)?)
    }

    /// The latest record of one document, read from the log.
    ///
    /// # Errors
    /// An unreadable log, or a line that is not a record (file and line named).
    pub fn get(&self, doc: &str) -> Result<Option<Record>> {
        self.index.read(doc)
    }

    /// What the index keeps of the latest record of `doc` (its line, status, time).
    #[must_use]
    pub fn entry(&self, doc: &str) -> Option<LogEntry> {
        self.index.latest.get(doc)
    }

    /// The status of the latest record of `doc`, without reading it.
    #[must_use]
    pub fn status_of(&self, doc: &str) -> Option<Status> {
        self.entry(doc).map(|e| e.status)
    }

    /// The status of the latest record of each document, in document order.
    pub fn statuses(&self) -> impl Iterator<Item = (String, Status)> + '_ {
        self.index.latest.iter().map(|(doc, e)| (doc, e.status))
    }

    /// The latest record of each document with a status `keep` takes, in
    /// document order, each read as the iterator reaches it.
    pub fn records_where<'a>(
        &'a self,
        keep: impl Fn(Status) -> bool + 'a,
    ) -> impl Iterator<Item = Result<Record>> + 'a {
        self.index
            .latest
            .iter()
            .filter(move |(_, e)| keep(e.status))
            .map(|(doc, e)| self.index.read_entry(&doc, &e))
    }

    /// [`AnnotatorLog::records_where`] reading only the fields `T` has.
    pub fn read_where<'a, T: serde::de::DeserializeOwned>(
        &'a self,
        keep: impl Fn(Status) -> bool + 'a,
    ) -> impl Iterator<Item = Result<T>> + 'a {
        self.index
            .latest
            .iter()
            .filter(move |(_, e)| keep(e.status))
            .map(|(_, e)| self.index.read_entry_as(&e))
    }

    /// How many documents have a record.
    #[must_use]
    pub fn documents(&self) -> usize {
        self.index.latest.len()
    }

    /// The torn tail that was set aside at open, if any.
    #[must_use]
    pub fn torn(&self) -> Option<&TornTail> {
        self.index.torn.as_ref()
    }

    /// Total records in the log, history included.
    #[must_use]
    pub fn record_count(&self) -> usize {
        self.index.records
    }

    /// Lines in the log (blank lines included): the line number its next record gets, less one.
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.index.valid_lines
    }

    /// The 1-based line of the latest record of `doc`.
    #[must_use]
    pub fn line_of(&self, doc: &str) -> Option<usize> {
        self.entry(doc).map(|e| e.line as usize)
    }

    /// The log's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.index.path
    }
}

/// `at` as a record writes it: RFC 3339 UTC, to the second, with the
/// fraction only when there is one.
fn format_at(t: Timestamp) -> String {
    if t.subsec_nanosecond() == 0 {
        t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
    } else {
        t.strftime("%Y-%m-%dT%H:%M:%S%.fZ").to_string()
    }
}

/// `<log>.rejected`, where torn tails go.
#[must_use]
pub fn rejected_path(log: &Path) -> PathBuf {
    let mut s = log.as_os_str().to_owned();
    s.push(".rejected");
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Status;

    #[test]
    fn the_union_of_sorted_lists_is_sorted_and_each_id_once() {
        let lists: [&[&str]; 4] = [&["a", "c", "d"], &["b", "c"], &[], &["a", "e"]];
        let boxed = lists
            .iter()
            .map(|l| {
                Box::new(l.iter().map(|s| (*s).to_owned())) as Box<dyn Iterator<Item = String>>
            })
            .collect();
        let got: Vec<String> = union_sorted(boxed).collect();
        assert_eq!(got, ["a", "b", "c", "d", "e"]);
        assert_eq!(union_sorted(Vec::new()).count(), 0);
    }

    fn rec(doc: &str, status: Status) -> Record {
        Record {
            doc: doc.into(),
            hash: "h".into(),
            annotator: "alice".into(),
            schema: "news@1".into(),
            status,
            at: "2026-11-23T20:00:00Z".into(),
            ms: 1,
            spans: vec![],
            labels: Default::default(),
            zones: None,
            note: None,
            extra: Default::default(),
        }
    }

    fn at(doc: &str, status: Status, at: &str) -> Record {
        Record {
            at: at.into(),
            ..rec(doc, status)
        }
    }

    fn line(r: &Record) -> String {
        serde_json::to_string(r).unwrap()
    }

    /// What an index says: each document's latest line and status, the records and lines.
    fn said(index: &LogIndex) -> (Vec<(String, u32, Status)>, usize, usize, bool) {
        let latest = index
            .latest
            .iter()
            .map(|(id, e)| {
                assert_eq!(index.read_entry(&id, &e).unwrap().doc, id);
                (id, e.line, e.status)
            })
            .collect();
        (latest, index.records, index.lines(), index.torn.is_some())
    }

    /// The index from the log alone (no table read or written), to check the table against.
    fn from_scratch(p: &Path) -> (Vec<(String, u32, Status)>, usize, usize, bool) {
        said(&index_log_where(p, |_| Ok(true)).unwrap())
    }

    fn covered_by(table: &Path) -> u64 {
        let b = fs_err::read(table).unwrap();
        u64::from_le_bytes(b[8..16].try_into().unwrap())
    }

    #[test]
    fn a_project_log_s_table_is_extended_as_the_log_grows_and_never_trusted_when_it_does_not_match()
    {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(dir.path().join("annot.toml"), "").unwrap();
        let p = dir.path().join("annotations").join("alice.jsonl");
        fs_err::create_dir_all(p.parent().unwrap()).unwrap();
        let table = dir.path().join(".annot/logs/alice.jsonl.lix");
        assert_eq!(
            crate::log_table::table_path(&p).as_deref(),
            Some(table.as_path())
        );
        let t = |m: u32| format!("2026-11-23T20:{m:02}:00Z");
        let first: Vec<String> = (0..5)
            .map(|i| line(&at(&format!("d{i}"), Status::Accepted, &t(i))))
            .collect();
        fs_err::write(&p, first.join("\n") + "\n").unwrap();
        let index = index_log(&p).unwrap();
        assert_eq!(said(&index), from_scratch(&p));
        assert_eq!(index.latest.len(), 5);
        assert_eq!(covered_by(&table), fs_err::metadata(&p).unwrap().len());

        // The log grew: the table is extended to cover it, and says what the log says.
        {
            let mut w = AnnotatorLog::open(&p, "alice").unwrap();
            w.append(&at("d1", Status::Skipped, &t(30))).unwrap();
            w.append(&at("e", Status::Flagged, &t(31))).unwrap();
        }
        let index = index_log(&p).unwrap();
        let now = said(&index);
        assert_eq!(now, from_scratch(&p));
        assert_eq!(now.0.len(), 6);
        assert_eq!(now.0[1], ("d1".to_owned(), 6, Status::Skipped));
        assert_eq!(now.1, 7);
        assert_eq!(covered_by(&table), fs_err::metadata(&p).unwrap().len());

        // Replaced by a log of the same length that differs: the table is not trusted.
        let text = fs_err::read_to_string(&p)
            .unwrap()
            .replace("\"d3\"", "\"x3\"");
        fs_err::write(&p, &text).unwrap();
        let replaced = said(&index_log(&p).unwrap());
        assert_eq!(replaced, from_scratch(&p));
        assert!(replaced.0.iter().any(|(id, ..)| id == "x3"));
        assert!(!replaced.0.iter().any(|(id, ..)| id == "d3"));

        // Cut shorter: the table covers more than there is, and is made again.
        fs_err::write(&p, first[..2].join("\n") + "\n").unwrap();
        let cut = said(&index_log(&p).unwrap());
        assert_eq!(cut, from_scratch(&p));
        assert_eq!(cut.0.len(), 2);

        // A torn or altered table is not read: the log is.
        fs_err::write(&p, first.join("\n") + "\n").unwrap();
        let whole = from_scratch(&p);
        assert_eq!(said(&index_log(&p).unwrap()), whole);
        let good = fs_err::read(&table).unwrap();
        fs_err::write(&table, &good[..good.len() / 2]).unwrap();
        assert_eq!(said(&index_log(&p).unwrap()), whole);
        let mut bad = good.clone();
        let k = bad.len() - 20;
        bad[k] ^= 0x55;
        fs_err::write(&table, &bad).unwrap();
        assert_eq!(said(&index_log(&p).unwrap()), whole);
        fs_err::write(&table, b"ANNOTLX1").unwrap();
        assert_eq!(said(&index_log(&p).unwrap()), whole);
        // It was made again, whole.
        assert_eq!(fs_err::read(&table).unwrap(), good);

        // A last record without its newline counts, outside the table, and a torn
        // tail after whole lines is set aside; neither goes in the table.
        fs_err::write(&p, first.join("\n")).unwrap();
        let unended = said(&index_log(&p).unwrap());
        assert_eq!(unended, from_scratch(&p));
        assert_eq!(unended.0.len(), 5);
        assert_eq!(unended.1, 5);
        drop(AnnotatorLog::open(&p, "alice").unwrap());
        assert_eq!(said(&index_log(&p).unwrap()), whole);
        let torn = first.join("\n") + "\n" + &first[0][..10];
        fs_err::write(&p, torn).unwrap();
        let with_torn = said(&index_log(&p).unwrap());
        assert_eq!(with_torn, from_scratch(&p));
        assert!(with_torn.3);
        assert_eq!(with_torn.0, whole.0);

        // A byte-order mark is remembered by the table.
        fs_err::write(&p, format!("\u{feff}{}\n", first.join("\n"))).unwrap();
        let marked = index_log(&p).unwrap();
        assert!(marked.byte_order_mark);
        assert_eq!(said(&marked), from_scratch(&p));
        let again = index_log(&p).unwrap();
        assert!(again.byte_order_mark);
        assert_eq!(again.read("d0").unwrap().unwrap().doc, "d0");
    }

    #[test]
    fn the_latest_at_stands_whatever_the_order_of_the_lines() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let early = at("a", Status::Skipped, "2026-11-23T20:00:00Z");
        let late = at("a", Status::Accepted, "2026-11-23T21:00:00+01:00");
        let later = at("a", Status::Flagged, "2026-11-23T20:30:00Z");
        let b = at("b", Status::Accepted, "2026-11-20T08:00:00Z");
        // Lines in any order (two clones' logs merged by git): the latest `at` stands.
        for order in [
            [&early, &later, &b, &late],
            [&later, &late, &b, &early],
            [&b, &early, &later, &late],
        ] {
            let text: String = order.iter().map(|r| line(r) + "\n").collect();
            fs_err::write(&p, text).unwrap();
            let index = index_log(&p).unwrap();
            assert_eq!(
                index.read("a").unwrap().unwrap(),
                later,
                "20:30Z is after 21:00+01:00"
            );
            assert_eq!(index.latest.get("a").unwrap().status, Status::Flagged);
            assert_eq!(index.records, 4);
            let log = read_log(&p).unwrap();
            assert_eq!(log.latest["a"], later);
            assert_eq!(log.latest["b"], b);
            let w = AnnotatorLog::open(&p, "alice").unwrap();
            assert_eq!(w.get("a").unwrap().unwrap(), later);
            assert_eq!(w.status_of("b"), Some(Status::Accepted));
        }
    }

    #[test]
    fn the_table_finds_every_id_across_runs_and_blocks_and_merges_what_a_writer_adds() {
        let e = |line: u32, status, at: &str| LogEntry {
            offset: u64::from(line) * 100,
            len: 90,
            line,
            status,
            at: at.parse().unwrap(),
        };
        let t1 = "2026-11-23T20:00:00.5Z";
        let t2 = "2026-11-23T20:00:01Z";
        // The later `at` stands (no two entries here share one).
        let later = |new: &LogEntry, old: &LogEntry| Ok(new.at > old.at);
        let mut b = TableBuilder::with_run(100);
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        fs_err::write(&log, "").unwrap();
        let log = std::fs::File::open(&log).unwrap();
        // 1000 documents in runs of 100, in 4 blocks; each of the first 300 seen
        // again later (in another run), and "d0005" once more with an earlier time.
        for i in 0..1000u32 {
            b.add(
                &format!("d{:04}", (i * 7) % 1000),
                e(i + 1, Status::Accepted, t1),
                &later,
            )
            .unwrap();
        }
        for i in 0..300u32 {
            b.add(
                &format!("d{i:04}"),
                e(2000 + i, Status::Skipped, t2),
                &later,
            )
            .unwrap();
        }
        b.add(
            "d0005",
            e(9999, Status::Rejected, "1960-01-01T00:00:00.25Z"),
            &later,
        )
        .unwrap();
        let covered = Covered::default();
        let Built::Table(file) = b
            .finish(
                None,
                Ok(tempfile::tempfile().unwrap()),
                covered,
                &log,
                &later,
            )
            .unwrap()
        else {
            panic!("a table is written to a file that takes it")
        };
        let mut t = Latest::new(Some(log_table::reopen(file).unwrap()));
        assert_eq!(t.len(), 1000);
        let ids: Vec<String> = t.ids().collect();
        assert_eq!(ids.len(), 1000);
        assert!(ids.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(t.get("d0005"), Some(e(2005, Status::Skipped, t2)));
        assert_eq!(t.get("d0299").unwrap().status, Status::Skipped);
        assert_eq!(t.get("d0300").unwrap().status, Status::Accepted);
        assert_eq!(t.get("d0999").unwrap().status, Status::Accepted);
        assert_eq!(t.get("d1000"), None);
        assert_eq!(t.get("a"), None);
        assert_eq!(t.get("z"), None);
        // What a writer adds stands over the table and goes in id order.
        t.insert("d0000x", e(5, Status::Accepted, t1));
        t.insert("d0001", e(6, Status::Flagged, t1));
        t.insert("d0001", e(7, Status::Flagged, t1));
        assert_eq!(t.len(), 1001);
        let all: Vec<(String, u32)> = t.iter().take(3).map(|(id, e)| (id, e.line)).collect();
        assert_eq!(
            all,
            [
                ("d0000".into(), 2000),
                ("d0000x".into(), 5),
                ("d0001".into(), 7)
            ]
        );
        assert_eq!(t.iter().len(), 1001);
        assert_eq!(t.iter().count(), 1001);
        assert_eq!(t.get("d0001").unwrap().line, 7);
    }

    #[test]
    fn a_log_whose_table_cannot_be_written_is_read_all_the_same_and_says_why() {
        let dir = tempfile::tempdir().unwrap();
        fs_err::write(dir.path().join("annot.toml"), "").unwrap();
        let p = dir.path().join("annotations").join("alice.jsonl");
        fs_err::create_dir_all(p.parent().unwrap()).unwrap();
        let t = |m: u32| format!("2026-11-23T20:{:02}:{:02}Z", m / 60, m % 60);
        let mut text = String::new();
        for i in 0..40u32 {
            let r = at(&format!("d{:02}", (i * 7) % 30), Status::Accepted, &t(i));
            text += &(line(&r) + "\n");
        }
        fs_err::write(&p, &text).unwrap();
        let whole = from_scratch(&p);
        assert_eq!(whole.0.len(), 30);

        // Where the table's directory should be, a file; and no temporary file either.
        let logs = dir.path().join(".annot").join(log_table::TABLE_DIR);
        fs_err::create_dir_all(logs.parent().unwrap()).unwrap();
        fs_err::write(&logs, "not a directory").unwrap();
        log_table::set_temp_files_left(Some(0));
        let index = index_log(&p).unwrap();
        let read_aside = from_scratch(&p);
        log_table::set_temp_files_left(None);
        assert_eq!(
            said(&index),
            whole,
            "the log read in memory says what the table says"
        );
        assert_eq!(read_aside, whole, "a log replayed up to a time, likewise");
        let note = index.table_not_written.clone().unwrap();
        assert_eq!(note.log, p);
        assert_eq!(note.table, Some(logs.join("alice.jsonl.lix")));
        assert!(
            note.reason.contains(&logs.display().to_string()),
            "{}",
            note.reason
        );
        assert!(
            note.reason.contains("a temporary file in"),
            "{}",
            note.reason
        );
        assert!(note.to_string().contains("could not be written"));
        assert!(take_tables_not_written().first.iter().any(|n| n.log == p));
        // The writer reads it so too.
        log_table::set_temp_files_left(Some(0));
        let w = AnnotatorLog::open(&p, "alice").unwrap();
        log_table::set_temp_files_left(None);
        assert_eq!(w.statuses().count(), 30);
        drop(w);

        // With a temporary file, the table is made there (the project's is not: no note).
        let index = index_log(&p).unwrap();
        assert_eq!(said(&index), whole);
        assert!(index.table_not_written.is_none());

        // A table that covers the start of the log still serves; what came after
        // it is kept in memory.
        fs_err::remove_file(&logs).unwrap();
        assert!(index_log(&p).unwrap().table_not_written.is_none());
        let table = logs.join("alice.jsonl.lix");
        let covered = covered_by(&table);
        {
            let mut w = AnnotatorLog::open(&p, "alice").unwrap();
            w.append(&at("d03", Status::Flagged, &t(100))).unwrap();
            w.append(&at("new", Status::Skipped, &t(101))).unwrap();
            w.append(&at("d04", Status::Rejected, "2020-01-01T00:00:00Z"))
                .unwrap();
        }
        let grown = from_scratch(&p);
        log_table::set_temp_files_left(Some(0));
        let index = index_log(&p).unwrap();
        log_table::set_temp_files_left(None);
        assert!(index.table_not_written.is_some());
        assert_eq!(said(&index), grown);
        assert_eq!(index.latest.len(), 31);
        assert_eq!(index.latest.get("d03").unwrap().status, Status::Flagged);
        assert_eq!(index.latest.get("d04").unwrap().status, Status::Accepted);
        assert_eq!(covered_by(&table), covered, "the table was left as it was");
    }

    #[test]
    fn a_builder_that_runs_out_of_temporary_files_keeps_its_entries_in_memory() {
        let e = |line: u32, at: &str| LogEntry {
            offset: u64::from(line) * 100,
            len: 90,
            line,
            status: Status::Accepted,
            at: at.parse().unwrap(),
        };
        let later = |new: &LogEntry, old: &LogEntry| Ok(new.at > old.at);
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        fs_err::write(&log, "").unwrap();
        let log = std::fs::File::open(&log).unwrap();
        let fill = |b: &mut TableBuilder| {
            for i in 0..500u32 {
                let t = if i < 250 {
                    "2026-01-01T00:00:00Z"
                } else {
                    "2026-01-02T00:00:00Z"
                };
                b.add(&format!("d{:03}", i % 300), e(i + 1, t), &later)
                    .unwrap();
            }
        };
        // The whole table, written, to check the others against.
        let mut b = TableBuilder::with_run(64);
        fill(&mut b);
        let Ok(Built::Table(file)) = b.finish(
            None,
            Ok(tempfile::tempfile().unwrap()),
            Covered::default(),
            &log,
            &later,
        ) else {
            panic!("a table")
        };
        let want: Vec<(String, LogEntry)> = Latest::new(Some(log_table::reopen(file).unwrap()))
            .iter()
            .collect();
        assert_eq!(want.len(), 300);
        // Runs written, then none (a full disk): what was and was not written is
        // kept; with a file for every run but none for the table, the runs are
        // read back. Each count of files, up to the first that is enough.
        for left in 0.. {
            log_table::set_temp_files_left(Some(left));
            let mut b = TableBuilder::with_run(64);
            fill(&mut b);
            let out = log_table::temp_file().map_err(|e| e.to_string());
            let built = b.finish(None, out, Covered::default(), &log, &later);
            log_table::set_temp_files_left(None);
            let (got, done): (Vec<(String, LogEntry)>, bool) = match built.unwrap() {
                Built::InMemory { entries, why } => {
                    assert!(why.contains("no temporary file left"), "{why}");
                    let got = entries.into_iter().map(|(id, e)| (id.into_string(), e));
                    (got.collect(), false)
                }
                Built::Table(file) => {
                    let t = Latest::new(Some(log_table::reopen(file).unwrap()));
                    (t.iter().collect(), true)
                }
            };
            assert_eq!(got, want, "{left} temporary files");
            if done {
                assert!(
                    left > 4,
                    "runs of 64 of 300 documents and the table: {left} files"
                );
                break;
            }
        }
        // No file for a run but one for the table (the project's, say): the
        // entries held in memory are written to it.
        log_table::set_temp_files_left(Some(1));
        let mut b = TableBuilder::with_run(64);
        fill(&mut b);
        log_table::set_temp_files_left(None);
        let out = Ok(tempfile::tempfile().unwrap());
        let Ok(Built::Table(file)) = b.finish(None, out, Covered::default(), &log, &later) else {
            panic!("a table")
        };
        let got: Vec<(String, LogEntry)> = Latest::new(Some(log_table::reopen(file).unwrap()))
            .iter()
            .collect();
        assert_eq!(got, want);
    }

    #[test]
    fn a_log_cut_back_is_as_it_was_and_one_the_open_made_is_removed() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        fs_err::write(&p, line(&rec("a", Status::Accepted)) + "\n").unwrap();
        let before = fs_err::read(&p).unwrap();
        let mut w = AnnotatorLog::open(&p, "alice").unwrap();
        let end = w.end();
        w.append_all(&[rec("b", Status::Skipped), rec("c", Status::Flagged)])
            .unwrap();
        assert_ne!(fs_err::read(&p).unwrap(), before);
        w.cut_back(end).unwrap();
        assert_eq!(fs_err::read(&p).unwrap(), before);
        assert_eq!(index_log(&p).unwrap().latest.len(), 1);
        // Made by the open: cut back to nothing, it is gone.
        let q = dir.path().join("new.jsonl");
        let mut w = AnnotatorLog::open(&q, "new").unwrap();
        let end = w.end();
        w.append(&rec("x", Status::Accepted)).unwrap();
        w.cut_back(end).unwrap();
        assert!(!q.exists());
        let w = AnnotatorLog::open(&q, "new").unwrap();
        let end = w.end();
        w.cut_back(end).unwrap();
        assert!(!q.exists(), "made and never written: gone too");
        // Bytes past what the index knows (a write whose index update failed)
        // are cut off too: the file's length decides, not the index's.
        let w = AnnotatorLog::open(&p, "alice").unwrap();
        let end = w.end();
        fs_err::OpenOptions::new()
            .append(true)
            .open(&p)
            .unwrap()
            .write_all((line(&rec("d", Status::Accepted)) + "\n").as_bytes())
            .unwrap();
        w.cut_back(end).unwrap();
        assert_eq!(fs_err::read(&p).unwrap(), before);
    }

    #[test]
    fn an_appender_writes_what_the_log_would_and_holds_no_index() {
        let dir = tempfile::tempdir().unwrap();
        let (p, q) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        let first = rec("a", Status::Accepted);
        for path in [&p, &q] {
            fs_err::write(path, line(&first) + "\n").unwrap();
        }
        let records: Vec<Record> = (0..5)
            .map(|i| rec(&format!("d{i}"), Status::Accepted))
            .collect();
        let mut log = AnnotatorLog::open(&p, "alice").unwrap();
        let mut appender = AnnotatorLog::open(&q, "alice").unwrap().into_appender();
        assert_eq!(appender.0.index.latest.len(), 0, "the index is dropped");
        let start = appender.end();
        for chunk in records.chunks(2) {
            let (mut b1, mut b2) = (Batch::default(), Batch::default());
            for r in chunk {
                b1.push(r).unwrap();
                b2.push(r).unwrap();
            }
            log.commit(&mut b1).unwrap();
            appender.commit(&mut b2).unwrap();
            assert_eq!(appender.end(), log.end(), "it counts what it appends");
        }
        assert_eq!(appender.0.index.latest.len(), 0, "and learns none of it");
        assert_eq!(fs_err::read(&p).unwrap(), fs_err::read(&q).unwrap());
        assert_eq!(index_log(&q).unwrap().latest.len(), 6);
        appender.cut_back(start).unwrap();
        assert_eq!(
            fs_err::read(&q).unwrap(),
            (line(&first) + "\n").into_bytes()
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_log_replaced_at_its_path_is_not_the_one_locked() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        fs_err::write(&p, "").unwrap();
        let held = fs_err::File::open(&p).unwrap();
        assert!(is_at_path(held.file(), &p));
        fs_err::remove_file(&p).unwrap();
        fs_err::write(&p, "").unwrap();
        assert!(!is_at_path(held.file(), &p), "unlinked and made again");
        // A dangling symlink existed before the open: the open did not make it.
        let link = dir.path().join("bob.jsonl");
        std::os::unix::fs::symlink(dir.path().join("gone.jsonl"), &link).unwrap();
        let w = AnnotatorLog::open(&link, "bob").unwrap();
        let end = w.end();
        w.cut_back(end).unwrap();
        assert!(link.symlink_metadata().is_ok(), "the link stays");
    }

    #[test]
    fn equal_times_are_settled_by_the_bytes_and_a_doubled_line_is_one_record() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let t = "2026-11-23T20:00:00Z";
        let x = at("a", Status::Accepted, t);
        let y = Record {
            note: Some("checked".into()),
            ..x.clone()
        };
        let (small, large) = if line(&x) < line(&y) { (x, y) } else { (y, x) };
        for order in [[&small, &large], [&large, &small]] {
            let text: String = order.iter().map(|r| line(r) + "\n").collect();
            fs_err::write(&p, text).unwrap();
            assert_eq!(index_log(&p).unwrap().read("a").unwrap().unwrap(), large);
        }
        // A union merge can write the same line twice: the first is taken, nothing complains.
        let twice = format!("{}\n{}\n", line(&small), line(&small));
        fs_err::write(&p, twice).unwrap();
        let index = index_log(&p).unwrap();
        assert_eq!(index.latest.get("a").unwrap().line, 1);
        assert_eq!(index.read("a").unwrap().unwrap(), small);
        // The writer follows the same rule for what it appends.
        let mut w = AnnotatorLog::open(&p, "alice").unwrap();
        assert!(w.would_stand(&large).unwrap());
        w.append(&large).unwrap();
        assert_eq!(w.line_of("a"), Some(3));
        assert!(!w.would_stand(&small).unwrap());
        w.append(&small).unwrap();
        assert_eq!(
            w.line_of("a"),
            Some(3),
            "an equal time and smaller bytes do not stand"
        );
        let old = at("a", Status::Rejected, "2020-01-01T00:00:00Z");
        assert!(!w.would_stand(&old).unwrap());
        w.append(&old).unwrap();
        assert_eq!(w.get("a").unwrap().unwrap(), large);
        drop(w);
        assert_eq!(index_log(&p).unwrap().latest.get("a").unwrap().line, 3);
    }

    #[test]
    fn a_time_that_is_not_rfc3339_is_an_error_naming_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let good = line(&rec("a", Status::Accepted));
        let bad = line(&at("b", Status::Accepted, "yesterday"));
        fs_err::write(&p, format!("{good}\n{bad}\n")).unwrap();
        let err = index_log(&p).unwrap_err().to_string();
        assert!(
            err.contains("alice.jsonl:2")
                && err.contains("\"yesterday\"")
                && err.contains("RFC 3339"),
            "{err}"
        );
        let mut w = AnnotatorLog::open(&dir.path().join("bob.jsonl"), "bob").unwrap();
        let err = w
            .append(&at("b", Status::Accepted, "soon"))
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("document 'b'") && err.contains("\"soon\""),
            "{err}"
        );
        assert_eq!(w.record_count(), 0);
    }

    #[test]
    fn a_decision_made_now_stands_even_within_the_same_second() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let mut w = AnnotatorLog::open(&p, "alice").unwrap();
        let first = Record {
            at: w.stamp("a"),
            ..rec("a", Status::Accepted)
        };
        assert_eq!(first.at.len(), 20, "{}", first.at);
        w.append(&first).unwrap();
        for status in [Status::Skipped, Status::Rejected, Status::Flagged] {
            let again = Record {
                at: w.stamp("a"),
                ..rec("a", status)
            };
            w.append(&again).unwrap();
            assert_eq!(w.status_of("a"), Some(status));
        }
        // From a clock ahead: the next decision is put just after it.
        let ahead = at("b", Status::Accepted, "2099-01-01T00:00:00Z");
        w.append(&ahead).unwrap();
        assert_eq!(w.stamp("b"), "2099-01-01T00:00:00.001Z");
        drop(w);
        assert_eq!(read_log(&p).unwrap().latest["a"].status, Status::Flagged);
    }

    #[test]
    fn a_batch_is_one_write_and_is_indexed_as_appended() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("sub/gold.jsonl");
        let mut w = AnnotatorLog::open(&p, "gold").unwrap();
        let records: Vec<Record> = (0..5)
            .map(|i| at(&format!("d{i}"), Status::Accepted, "2026-11-23T20:00:00Z"))
            .collect();
        let mut batch = Batch::default();
        for r in &records {
            batch.push(r).unwrap();
        }
        assert_eq!(batch.len(), 5);
        assert!(batch.bytes() > 0);
        // Nothing is in the file until the batch is committed.
        assert_eq!(fs_err::metadata(&p).unwrap().len(), 0);
        w.commit(&mut batch).unwrap();
        assert!(batch.is_empty());
        assert_eq!(w.record_count(), 5);
        assert_eq!(w.line_of("d4"), Some(5));
        w.append_all(&records[..2]).unwrap();
        assert_eq!(
            w.line_of("d1"),
            Some(2),
            "the same line again: the first stays"
        );
        assert_eq!(w.get("d3").unwrap().unwrap(), records[3]);
        let ids: Vec<String> = w
            .records_where(|s| s == Status::Accepted)
            .map(|r| r.unwrap().doc)
            .collect();
        assert_eq!(ids, ["d0", "d1", "d2", "d3", "d4"]);
        drop(w);
        let index = index_log(&p).unwrap();
        assert_eq!(index.records, 7);
        assert_eq!(index.lines(), 7);
        assert_eq!(index.read("d2").unwrap().unwrap(), records[2]);
    }

    #[test]
    fn append_reopen_last_wins() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("annotations/alice.jsonl");
        {
            let mut log = AnnotatorLog::open(&p, "alice").unwrap();
            log.append(&at("a", Status::Skipped, "2026-11-23T20:00:00Z"))
                .unwrap();
            log.append(&rec("b", Status::Accepted)).unwrap();
            log.append(&at("a", Status::Accepted, "2026-11-23T20:00:01Z"))
                .unwrap();
        }
        let log = AnnotatorLog::open(&p, "alice").unwrap();
        assert_eq!(log.record_count(), 3);
        assert_eq!(log.get("a").unwrap().unwrap().status, Status::Accepted);
        assert!(log.torn().is_none());
    }

    #[test]
    fn second_writer_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let _held = AnnotatorLog::open(&p, "alice").unwrap();
        let err = AnnotatorLog::open(&p, "alice").unwrap_err().to_string();
        assert!(
            err.contains("annotator 'alice' is already in use by another annot process"),
            "{err}"
        );
        // Readers are never blocked.
        assert!(read_log(&p).is_ok());
    }

    #[test]
    fn torn_tail_is_set_aside_not_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let good = serde_json::to_string(&rec("a", Status::Accepted)).unwrap();
        fs_err::write(&p, format!("{good}\n{}", &good[..good.len() / 2])).unwrap();
        let ro = read_log(&p).unwrap();
        assert_eq!(ro.torn.as_ref().unwrap().line, 2);
        assert_eq!(ro.latest.len(), 1);
        let mut log = AnnotatorLog::open(&p, "alice").unwrap();
        let torn = log.torn().unwrap().clone();
        assert_eq!(torn.moved_to.as_deref(), Some(rejected_path(&p).as_path()));
        assert!(
            fs_err::read_to_string(rejected_path(&p))
                .unwrap()
                .contains(&good[..10])
        );
        log.append(&rec("b", Status::Accepted)).unwrap();
        drop(log);
        let text = fs_err::read_to_string(&p).unwrap();
        assert_eq!(text.lines().count(), 2);
        assert!(read_log(&p).unwrap().torn.is_none());
    }

    /// Found by fuzzing (`fuzz/fuzz_targets/records.rs`): a last line without
    /// its newline that has the fields an index reads but is not a record (a
    /// number as its hash) was a torn tail to `read_log` and the writer, and an
    /// entry of the index whose record then failed to read.
    #[test]
    fn unterminated_last_line_not_a_record_is_torn_for_the_index_too() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let good = serde_json::to_string(&rec("a", Status::Accepted)).unwrap();
        let bad = r#"{"doc":"b","hash":1,"annotator":"x","schema":"s","status":"skipped","at":"2026-11-23T20:00:00Z"}"#;
        fs_err::write(&p, format!("{good}\n{bad}")).unwrap();
        let whole = read_log(&p).unwrap();
        let index = index_log(&p).unwrap();
        assert_eq!(whole.torn.as_ref().map(|t| t.line), Some(2));
        assert_eq!(index.torn.as_ref().map(|t| t.line), Some(2));
        assert_eq!(index.latest.ids().collect::<Vec<String>>(), ["a"]);
        assert_eq!(index.records, 1);
        // With its newline the line is wrong, not torn: read_log refuses it; the
        // index reads only its head, and the record fails when it is read.
        fs_err::write(&p, format!("{good}\n{bad}\n")).unwrap();
        assert!(read_log(&p).is_err());
        assert!(
            index_log(&p).is_ok(),
            "the index reads only the fields it needs"
        );
    }

    #[test]
    fn complete_record_without_newline_is_kept() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let good = serde_json::to_string(&rec("a", Status::Accepted)).unwrap();
        fs_err::write(&p, &good).unwrap();
        let ro = read_log(&p).unwrap();
        assert!(ro.torn.is_none());
        assert!(ro.missing_final_newline);
        assert_eq!(ro.latest.len(), 1);
        let mut log = AnnotatorLog::open(&p, "alice").unwrap();
        log.append(&rec("b", Status::Accepted)).unwrap();
        drop(log);
        assert!(!rejected_path(&p).exists());
        let ro = read_log(&p).unwrap();
        assert_eq!(ro.records, 2);
        assert!(!ro.missing_final_newline);
    }

    #[test]
    fn byte_order_mark_is_skipped_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let good = serde_json::to_string(&rec("a", Status::Accepted)).unwrap();
        fs_err::write(&p, format!("\u{feff}{good}\n")).unwrap();
        let ro = read_log(&p).unwrap();
        assert!(ro.byte_order_mark);
        assert_eq!(ro.records, 1);
        assert!(ro.torn.is_none());
    }

    #[test]
    fn bad_middle_line_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let good = serde_json::to_string(&rec("a", Status::Accepted)).unwrap();
        fs_err::write(&p, format!("{good}\nnot json\n{good}\n")).unwrap();
        let err = read_log(&p).unwrap_err().to_string();
        assert!(err.contains("alice.jsonl:2"), "{err}");
        assert!(AnnotatorLog::open(&p, "alice").is_err());
    }

    #[test]
    fn complete_bad_last_line_is_an_error_not_a_torn_tail() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("alice.jsonl");
        let good = serde_json::to_string(&rec("a", Status::Accepted)).unwrap();
        let bad = good.replace("accepted", "acceptd");
        fs_err::write(&p, format!("{good}\n{bad}\n")).unwrap();
        let err = read_log(&p).unwrap_err().to_string();
        assert!(
            err.contains("alice.jsonl:2") && err.contains("not a write cut short"),
            "{err}"
        );
        assert!(AnnotatorLog::open(&p, "alice").is_err());
        assert!(!rejected_path(&p).exists(), "nothing is moved away");
    }
}
