//! Annotator logs: one append-only JSONL file per annotator.
//!
//! The last record of a document wins; earlier ones are history. Every append
//! is flushed and fsynced before it returns. A torn or unparsable final line
//! (a crash mid-write) is reported and, when the log is opened for writing,
//! moved to `<name>.jsonl.rejected` so nothing before it is lost and nothing
//! is silently dropped. A complete record that only lacks its final newline is
//! a whole record: it is kept, and the newline is added when the log is next
//! opened for writing. An unparsable line in the middle is an error.
//!
//! Commands read records through [`crate::annotations`], which indexes logs
//! with [`index_log`] (where each document's latest record is, not the records
//! themselves: memory does not grow with the records' contents) and reads a
//! record when it is asked for ([`LogIndex::read`]).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fs::TryLockError;
use std::io::{BufRead, BufReader, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::IgnoredAny;

use crate::error::{ModelError, Result};
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

/// The records of a log, latest per document.
#[derive(Debug, Default)]
pub struct LogContents {
    /// The last record of each document, by document id (sorted, so every
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
    /// Byte length of the valid part of the log.
    valid_len: u64,
    /// Lines in the valid part of the log.
    valid_lines: usize,
}

/// Reads a log with every latest record in memory, without locking or
/// changing it. Commands read through [`crate::annotations`] (an index and
/// records read on demand); this is for tools and tests that want the records
/// of one log at hand.
///
/// A missing file is an empty log.
///
/// # Errors
/// Unreadable file, or an unparsable line that is not the last, naming file and line.
pub fn read_log(path: &Path) -> Result<LogContents> {
    let file = match fs_err::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(LogContents::default()),
        Err(e) => return Err(e.into()),
    };
    read_from(BufReader::with_capacity(1 << 16, file), path)
}

fn read_from(reader: impl BufRead, path: &Path) -> Result<LogContents> {
    let mut latest = BTreeMap::new();
    let mut lines = BTreeMap::new();
    let mut out = scan_log(reader, path, |at, bytes| {
        let record: Record = serde_json::from_slice(bytes).map_err(Rejected::NotARecord)?;
        lines.insert(record.doc.clone(), at.line);
        latest.insert(record.doc.clone(), record);
        Ok(())
    })?;
    out.latest = latest;
    out.lines = lines;
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

/// Reads every line of a log, handing each record's line (its bytes, without
/// the newline or a byte-order mark) to `on_line`, which parses it. Blank
/// lines, a torn tail and the byte-order mark are dealt with here, once for
/// every reader. `records` counts the lines `on_line` took.
fn scan_log(
    mut reader: impl BufRead,
    path: &Path,
    mut on_line: impl FnMut(LineAt, &[u8]) -> std::result::Result<(), Rejected>,
) -> Result<LogContents> {
    let mut out = LogContents::default();
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    let mut offset = 0u64;
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
pub struct RecordHead<'a> {
    /// The document id.
    #[serde(borrow)]
    pub doc: Cow<'a, str>,
    /// The record's status.
    pub status: Status,
    /// RFC 3339 time of the decision.
    #[serde(borrow)]
    pub at: Cow<'a, str>,
    #[allow(dead_code)]
    hash: IgnoredAny,
    #[allow(dead_code)]
    annotator: IgnoredAny,
    #[allow(dead_code)]
    schema: IgnoredAny,
}

/// Where the latest record of a document is in its log, and its status.
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
}

/// A log, indexed: where the latest record of each document is. Records are
/// read when asked for, from the file opened when the log was indexed; an
/// append-only log keeps every indexed line where it was, so records appended
/// since are not seen (index the log again for them) and the index stays true.
#[derive(Debug)]
pub struct LogIndex {
    path: PathBuf,
    /// `None` when the log does not exist.
    file: Option<std::fs::File>,
    /// The latest record of each document, by document id (sorted, so every
    /// reader walks them in the same order).
    pub latest: BTreeMap<Box<str>, LogEntry>,
    /// How many records the log holds in all (history included).
    pub records: usize,
    /// A torn final line, if there was one.
    pub torn: Option<TornTail>,
    /// The log starts with a UTF-8 byte-order mark (an editor added it); it was skipped.
    pub byte_order_mark: bool,
}

/// Indexes a log without locking or changing it (for status, diff, export).
///
/// A missing file is an empty log.
///
/// # Errors
/// Unreadable file, or an unparsable line that is not the last, naming file and line.
pub fn index_log(path: &Path) -> Result<LogIndex> {
    index_log_where(path, |_| Ok(true))
}

/// [`index_log`] keeping only the records `keep` says yes to (the log replayed
/// up to a time, say): `latest` and `records` count those only. `keep`'s
/// error is reported with the file and line of the record.
///
/// # Errors
/// As [`index_log`], and `keep`'s errors.
pub fn index_log_where(
    path: &Path,
    mut keep: impl FnMut(&RecordHead<'_>) -> std::result::Result<bool, String>,
) -> Result<LogIndex> {
    let mut index = LogIndex {
        path: path.to_owned(),
        file: None,
        latest: BTreeMap::new(),
        records: 0,
        torn: None,
        byte_order_mark: false,
    };
    let file = match fs_err::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(index),
        Err(e) => return Err(e.into()),
    };
    let mut latest: BTreeMap<Box<str>, LogEntry> = BTreeMap::new();
    let mut kept = 0;
    let scanned = scan_log(
        BufReader::with_capacity(1 << 16, &file),
        path,
        |at, bytes| {
            let head: RecordHead<'_> =
                serde_json::from_slice(bytes).map_err(Rejected::NotARecord)?;
            // A last line without its newline is a record only if all of it
            // parses (as `read_log` and the writer take it); else it is a torn
            // tail, not an entry whose record later fails to read.
            if !at.complete {
                serde_json::from_slice::<Record>(bytes).map_err(Rejected::NotARecord)?;
            }
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
            };
            match latest.get_mut(head.doc.as_ref()) {
                Some(e) => *e = entry,
                None => {
                    latest.insert(head.doc.into(), entry);
                }
            }
            Ok(())
        },
    )?;
    index.file = Some(file.into_parts().0);
    index.latest = latest;
    index.records = kept;
    index.torn = scanned.torn;
    index.byte_order_mark = scanned.byte_order_mark;
    Ok(index)
}

impl LogIndex {
    /// The log's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Reads the latest record of `doc`, if the log has one.
    ///
    /// # Errors
    /// As [`LogIndex::read_entry`].
    pub fn read(&self, doc: &str) -> Result<Option<Record>> {
        match self.latest.get(doc) {
            Some(entry) => self.read_entry(doc, entry).map(Some),
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
        let line = entry.line as usize;
        let at_line = |message: String| ModelError::Line {
            path: self.path.clone(),
            line,
            message,
        };
        let Some(file) = &self.file else {
            return Err(at_line("the log was not open".into()));
        };
        let mut buf = vec![0u8; entry.len as usize];
        read_exact_at(file, &mut buf, entry.offset)
            .map_err(|e| at_line(format!("cannot read the record: {e}")))?;
        let record: Record = serde_json::from_slice(&buf).map_err(|e| {
            at_line(format!(
                "{}: fix or remove that line by hand (annot never rewrites a log), \
                 or run the command again if the log was being replaced",
                not_a_record(&buf, &e)
            ))
        })?;
        if record.doc != doc {
            return Err(at_line(format!(
                "the log changed while annot was reading it: this line is no longer the \
                 record of document '{doc}' (a log is only appended to); run the command again"
            )));
        }
        Ok(record)
    }
}

/// Reads `buf.len()` bytes of `file` at `offset`, without moving a shared cursor.
fn read_exact_at(file: &std::fs::File, buf: &mut [u8], offset: u64) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
    }
    #[cfg(not(unix))]
    {
        use std::io::Read;
        let mut f = file;
        f.seek(SeekFrom::Start(offset))?;
        f.read_exact(buf)
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

/// An annotator's log opened for writing, holding the exclusive lock.
#[derive(Debug)]
pub struct AnnotatorLog {
    path: PathBuf,
    file: fs_err::File,
    contents: LogContents,
}

impl AnnotatorLog {
    /// Opens (or creates) the log, takes the exclusive lock, reads it, and sets
    /// aside a torn final line into `<path>.rejected`.
    ///
    /// # Errors
    /// [`ModelError::Locked`] when another process has the log; I/O errors; an
    /// unparsable line in the middle.
    pub fn open(path: &Path, annotator: &str) -> Result<Self> {
        if let Some(dir) = path.parent() {
            fs_err::create_dir_all(dir)?;
        }
        let mut file = fs_err::OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)?;
        match file.file().try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(ModelError::Locked {
                    annotator: annotator.to_owned(),
                    path: path.to_owned(),
                });
            }
            Err(TryLockError::Error(e)) => {
                return Err(std::io::Error::new(
                    e.kind(),
                    format!("{}: cannot lock: {e}", path.display()),
                )
                .into());
            }
        }
        file.seek(SeekFrom::Start(0))?;
        let mut contents = read_from(BufReader::new(&mut file), path)?;
        if let Some(torn) = &mut contents.torn {
            let rejected = rejected_path(path);
            let mut r = fs_err::OpenOptions::new()
                .append(true)
                .create(true)
                .open(&rejected)?;
            writeln!(r, "{}", torn.text)?;
            r.sync_all()?;
            file.file().set_len(contents.valid_len)?;
            file.sync_all()?;
            torn.moved_to = Some(rejected);
        } else if contents.missing_final_newline {
            // The last record is whole; end its line so the next append starts a new one.
            file.write_all(b"\n")?;
            file.sync_data()?;
            contents.missing_final_newline = false;
        }
        Ok(Self {
            path: path.to_owned(),
            file,
            contents,
        })
    }

    /// Appends one record and fsyncs before returning.
    ///
    /// # Errors
    /// I/O errors, naming the log.
    pub fn append(&mut self, record: &Record) -> Result<()> {
        let mut line = serde_json::to_vec(record).map_err(std::io::Error::other)?;
        line.push(b'\n');
        // One write call for the whole line keeps a crash from interleaving partial records.
        self.file.write_all(&line)?;
        self.file.sync_data()?;
        self.contents.records += 1;
        self.contents.valid_lines += 1;
        self.contents
            .lines
            .insert(record.doc.clone(), self.contents.valid_lines);
        self.contents
            .latest
            .insert(record.doc.clone(), record.clone());
        Ok(())
    }

    /// The latest record of each document.
    #[must_use]
    pub fn latest(&self) -> &BTreeMap<String, Record> {
        &self.contents.latest
    }

    /// The latest record of one document.
    #[must_use]
    pub fn get(&self, doc: &str) -> Option<&Record> {
        self.contents.latest.get(doc)
    }

    /// The torn tail that was set aside at open, if any.
    #[must_use]
    pub fn torn(&self) -> Option<&TornTail> {
        self.contents.torn.as_ref()
    }

    /// Total records in the log, history included.
    #[must_use]
    pub fn record_count(&self) -> usize {
        self.contents.records
    }

    /// Lines in the log (blank lines included): the line number its next record gets, less one.
    #[must_use]
    pub fn line_count(&self) -> usize {
        self.contents.valid_lines
    }

    /// The 1-based line of the latest record of `doc`.
    #[must_use]
    pub fn line_of(&self, doc: &str) -> Option<usize> {
        self.contents.lines.get(doc).copied()
    }

    /// The log's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
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

    #[test]
    fn append_reopen_last_wins() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("annotations/alice.jsonl");
        {
            let mut log = AnnotatorLog::open(&p, "alice").unwrap();
            log.append(&rec("a", Status::Skipped)).unwrap();
            log.append(&rec("b", Status::Accepted)).unwrap();
            log.append(&rec("a", Status::Accepted)).unwrap();
        }
        let log = AnnotatorLog::open(&p, "alice").unwrap();
        assert_eq!(log.record_count(), 3);
        assert_eq!(log.get("a").unwrap().status, Status::Accepted);
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
        let bad =
            r#"{"doc":"b","hash":1,"annotator":"x","schema":"s","status":"skipped","at":"t"}"#;
        fs_err::write(&p, format!("{good}\n{bad}")).unwrap();
        let whole = read_log(&p).unwrap();
        let index = index_log(&p).unwrap();
        assert_eq!(whole.torn.as_ref().map(|t| t.line), Some(2));
        assert_eq!(index.torn.as_ref().map(|t| t.line), Some(2));
        assert_eq!(
            index
                .latest
                .keys()
                .map(AsRef::as_ref)
                .collect::<Vec<&str>>(),
            ["a"]
        );
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
