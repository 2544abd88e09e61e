//! The on-disk table of a log's latest records: `.annot/logs/<name>.lix`.
//!
//! A log's index ([`crate::store::LogIndex`]) keeps where the latest record of
//! each document is. Held in memory that is some 50 bytes a document; this
//! table keeps it on disk instead, sorted by document id, read by blocks: memory
//! holds one block and a fence (the block's first id) per [`BLOCK`] documents.
//!
//! Layout (little-endian):
//!
//! ```text
//! header (128 bytes)  magic "ANNOTLX1", covered (u64: bytes of the log the table
//!                     covers, always the end of a whole line), lines (u64) and
//!                     records (u64) in them, entries (u64), blocks (u64),
//!                     directory offset (u64), flags (u64: bit 0, the log starts
//!                     with a byte-order mark), BLAKE3 of the covered bytes of
//!                     the log (32), BLAKE3 of everything after the header (32)
//! blocks              up to BLOCK entries each, sorted by id: id length (u32),
//!                     id, offset (u64), length (u32), line (u32), `at` seconds
//!                     (i64) and nanoseconds (i32), status (u8)
//! directory           per block: offset (u64), bytes (u32), entries (u32),
//!                     first id length (u32), first id
//! ```
//!
//! The table is a cache, never trusted: it is read only when its magic, its own
//! digest and the digest of the log's first `covered` bytes all match (a log
//! replaced, truncated or rewritten, or a torn or corrupt table, is indexed
//! again from the log). A log that grew since is read from `covered` on and the
//! table is extended (the log is append-only). A table is written to a
//! temporary file and renamed into place, so a crash leaves the old one or none.
//! Building it takes bounded memory: the entries are sorted in runs of
//! [`RUN`] documents written to temporary files and merged.
//!
//! Where no table can be written (neither in the project nor in `TMPDIR`: a
//! read-only project on a full or read-only disk), the log is still read: the
//! entries the table would have held are kept in memory ([`Built::InMemory`]),
//! over the part of the log a table still covers when one holds, and the
//! index says so ([`TableNotWritten`]) for the caller to tell.

use std::collections::{BTreeMap, HashMap};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use jiff::Timestamp;

use crate::record::Status;
use crate::store::{LogEntry, read_exact_at};

const MAGIC: &[u8; 8] = b"ANNOTLX1";
const HEADER: usize = 128;
/// Entries per block.
pub(crate) const BLOCK: usize = 256;
/// Documents sorted in memory at a time while a table is built.
pub(crate) const RUN: usize = 16_384;
/// Fixed bytes of an entry after its id.
const FIXED: usize = 8 + 4 + 4 + 8 + 4 + 1;

/// The directory of the log tables, in the project's cache directory.
pub const TABLE_DIR: &str = "logs";

/// Where the table of the log at `log` is kept: `.annot/logs/<file>.lix` of the
/// project when the log is in a project's `annotations/`, else nowhere (a log
/// file named by path gets a table in a temporary file, gone when it is closed).
#[must_use]
pub fn table_path(log: &Path) -> Option<PathBuf> {
    let dir = log.parent()?;
    if dir.file_name()? != "annotations" {
        return None;
    }
    let root = dir.parent()?;
    if !root.join("annot.toml").is_file() {
        return None;
    }
    let mut name = log.file_name()?.to_owned();
    name.push(".lix");
    Some(root.join(".annot").join(TABLE_DIR).join(name))
}

fn status_byte(s: Status) -> u8 {
    match s {
        Status::Accepted => 0,
        Status::Rejected => 1,
        Status::Skipped => 2,
        Status::Flagged => 3,
    }
}

fn status_of_byte(b: u8) -> Option<Status> {
    Some(match b {
        0 => Status::Accepted,
        1 => Status::Rejected,
        2 => Status::Skipped,
        3 => Status::Flagged,
        _ => return None,
    })
}

fn invalid(why: &str) -> std::io::Error {
    std::io::Error::new(std::io::ErrorKind::InvalidData, why.to_owned())
}

/// Appends the encoding of `(id, e)` to `out`.
fn encode(out: &mut Vec<u8>, id: &str, e: &LogEntry) {
    out.extend_from_slice(&(id.len() as u32).to_le_bytes());
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(&e.offset.to_le_bytes());
    out.extend_from_slice(&e.len.to_le_bytes());
    out.extend_from_slice(&e.line.to_le_bytes());
    out.extend_from_slice(&e.at.as_second().to_le_bytes());
    out.extend_from_slice(&e.at.subsec_nanosecond().to_le_bytes());
    out.push(status_byte(e.status));
}

/// Takes `n` bytes off the front of `b`.
fn take<'a>(b: &mut &'a [u8], n: usize) -> std::io::Result<&'a [u8]> {
    if b.len() < n {
        return Err(invalid("the log table ends early"));
    }
    let (head, rest) = b.split_at(n);
    *b = rest;
    Ok(head)
}

fn u32_of(b: &mut &[u8]) -> std::io::Result<u32> {
    let mut a = [0u8; 4];
    a.copy_from_slice(take(b, 4)?);
    Ok(u32::from_le_bytes(a))
}

fn u64_of(b: &mut &[u8]) -> std::io::Result<u64> {
    let mut a = [0u8; 8];
    a.copy_from_slice(take(b, 8)?);
    Ok(u64::from_le_bytes(a))
}

fn id_of(b: &mut &[u8]) -> std::io::Result<String> {
    let n = u32_of(b)? as usize;
    let id = take(b, n)?;
    String::from_utf8(id.to_vec()).map_err(|_| invalid("an id of the log table is not UTF-8"))
}

/// Decodes one entry off the front of `b`.
fn decode(b: &mut &[u8]) -> std::io::Result<(String, LogEntry)> {
    let id = id_of(b)?;
    let offset = u64_of(b)?;
    let len = u32_of(b)?;
    let line = u32_of(b)?;
    let second = u64_of(b)? as i64;
    let nanos = u32_of(b)? as i32;
    let status = status_of_byte(take(b, 1)?[0]).ok_or_else(|| invalid("a bad status"))?;
    let at = Timestamp::new(second, nanos).map_err(|_| invalid("a bad time"))?;
    Ok((
        id,
        LogEntry {
            offset,
            len,
            line,
            status,
            at,
        },
    ))
}

/// Reads one encoded entry from a stream (a run file); `None` at its end.
fn read_entry(r: &mut impl Read) -> std::io::Result<Option<(String, LogEntry)>> {
    let mut n = [0u8; 4];
    match r.read_exact(&mut n) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let len = u32::from_le_bytes(n) as usize;
    let mut buf = vec![0u8; 4 + len + FIXED];
    buf[..4].copy_from_slice(&n);
    r.read_exact(&mut buf[4..])?;
    decode(&mut buf.as_slice()).map(Some)
}

/// What a table says of the part of the log it covers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Covered {
    /// Bytes of the log (the end of a whole line).
    pub bytes: u64,
    /// Lines in them.
    pub lines: u64,
    /// Records in them.
    pub records: u64,
    /// The log starts with a byte-order mark.
    pub byte_order_mark: bool,
}

/// A block's place in the table and its first id.
#[derive(Debug)]
struct Fence {
    first: Box<str>,
    offset: u64,
    bytes: u32,
    entries: u32,
}

/// The entries of one block, decoded.
type Block = std::sync::Arc<Vec<(String, LogEntry)>>;

/// The latest entry of each document of a log, sorted by id, on disk.
#[derive(Debug)]
pub(crate) struct Table {
    file: File,
    pub(crate) covered: Covered,
    entries: u64,
    fences: Vec<Fence>,
    /// The block read last, for walks in id order.
    cache: Mutex<Option<(usize, Block)>>,
}

impl Table {
    /// Opens the table in `file` and checks it, against itself and against
    /// `log` (the open log it is to be the table of). `Ok(None)` when it does not
    /// hold (not a table, torn, or made from another log or another text of it).
    pub(crate) fn open(file: File, log: &File) -> std::io::Result<Option<Table>> {
        let Some(table) = Self::open_unchecked(file)? else {
            return Ok(None);
        };
        let log_len = log.metadata()?.len();
        if log_len < table.covered.bytes {
            return Ok(None);
        }
        let mut header = [0u8; HEADER];
        read_exact_at(&table.file, &mut header, 0)?;
        let digest = digest_of(log, table.covered.bytes)?;
        if digest != header[64..96] {
            return Ok(None);
        }
        Ok(Some(table))
    }

    /// Opens the table in `file`, checked against itself only.
    fn open_unchecked(mut file: File) -> std::io::Result<Option<Table>> {
        let len = file.metadata()?.len();
        if len < HEADER as u64 {
            return Ok(None);
        }
        let mut header = [0u8; HEADER];
        file.seek(SeekFrom::Start(0))?;
        file.read_exact(&mut header)?;
        if &header[..8] != MAGIC {
            return Ok(None);
        }
        let mut h = &header[8..64];
        let covered = Covered {
            bytes: u64_of(&mut h)?,
            lines: u64_of(&mut h)?,
            records: u64_of(&mut h)?,
            byte_order_mark: false,
        };
        let entries = u64_of(&mut h)?;
        let blocks = u64_of(&mut h)?;
        let directory = u64_of(&mut h)?;
        let flags = u64_of(&mut h)?;
        let covered = Covered {
            byte_order_mark: flags & 1 == 1,
            ..covered
        };
        // The body's digest, read through once: a torn or altered table is not used.
        let mut hasher = blake3::Hasher::new();
        let mut reader = BufReader::with_capacity(1 << 16, &file);
        std::io::copy(&mut reader, &mut HashWriter(&mut hasher))?;
        if hasher.finalize().as_bytes() != &header[96..128] {
            return Ok(None);
        }
        if directory < HEADER as u64 || directory > len {
            return Ok(None);
        }
        let mut dir = vec![0u8; (len - directory) as usize];
        read_exact_at(&file, &mut dir, directory)?;
        let mut d = dir.as_slice();
        let mut fences = Vec::new();
        let mut counted = 0u64;
        for _ in 0..blocks {
            let offset = u64_of(&mut d)?;
            let bytes = u32_of(&mut d)?;
            let n = u32_of(&mut d)?;
            let first = id_of(&mut d)?.into_boxed_str();
            if offset + u64::from(bytes) > directory {
                return Ok(None);
            }
            counted += u64::from(n);
            fences.push(Fence {
                first,
                offset,
                bytes,
                entries: n,
            });
        }
        if counted != entries || !d.is_empty() {
            return Ok(None);
        }
        Ok(Some(Table {
            file,
            covered,
            entries,
            fences,
            cache: Mutex::new(None),
        }))
    }

    /// Documents in the table.
    pub(crate) fn len(&self) -> usize {
        self.entries as usize
    }

    /// The entries of block `i`.
    fn block(&self, i: usize) -> std::io::Result<std::sync::Arc<Vec<(String, LogEntry)>>> {
        if let Ok(cache) = self.cache.lock()
            && let Some((at, b)) = cache.as_ref()
            && *at == i
        {
            return Ok(b.clone());
        }
        let f = &self.fences[i];
        let mut buf = vec![0u8; f.bytes as usize];
        read_exact_at(&self.file, &mut buf, f.offset)?;
        let mut b = buf.as_slice();
        let mut out = Vec::with_capacity(f.entries as usize);
        for _ in 0..f.entries {
            out.push(decode(&mut b)?);
        }
        let out = std::sync::Arc::new(out);
        if let Ok(mut cache) = self.cache.lock() {
            *cache = Some((i, out.clone()));
        }
        Ok(out)
    }

    /// The entry of `doc`.
    pub(crate) fn get(&self, doc: &str) -> std::io::Result<Option<LogEntry>> {
        let i = self.fences.partition_point(|f| f.first.as_ref() <= doc);
        if i == 0 {
            return Ok(None);
        }
        let block = self.block(i - 1)?;
        Ok(block
            .binary_search_by(|(id, _)| id.as_str().cmp(doc))
            .ok()
            .map(|k| block[k].1))
    }

    /// Every entry in id order, block by block.
    pub(crate) fn iter(&self) -> TableIter<'_> {
        TableIter {
            table: self,
            block: 0,
            at: 0,
            current: None,
        }
    }
}

/// [`Table::iter`].
pub(crate) struct TableIter<'a> {
    table: &'a Table,
    block: usize,
    at: usize,
    current: Option<std::sync::Arc<Vec<(String, LogEntry)>>>,
}

impl Iterator for TableIter<'_> {
    type Item = std::io::Result<(String, LogEntry)>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(b) = &self.current {
                if let Some((id, e)) = b.get(self.at) {
                    self.at += 1;
                    return Some(Ok((id.clone(), *e)));
                }
                self.current = None;
                self.block += 1;
                self.at = 0;
            }
            if self.block >= self.table.fences.len() {
                return None;
            }
            match self.table.block(self.block) {
                Ok(b) => self.current = Some(b),
                Err(e) => {
                    self.block = self.table.fences.len();
                    return Some(Err(e));
                }
            }
        }
    }
}

struct HashWriter<'a>(&'a mut blake3::Hasher);

impl Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// BLAKE3 of the first `len` bytes of `file`.
fn digest_of(file: &File, len: u64) -> std::io::Result<[u8; 32]> {
    let mut hasher = blake3::Hasher::new();
    let mut buf = vec![0u8; 1 << 16];
    let mut at = 0u64;
    while at < len {
        let n = (len - at).min(buf.len() as u64) as usize;
        read_exact_at(file, &mut buf[..n], at)?;
        hasher.update(&buf[..n]);
        at += n as u64;
    }
    Ok(*hasher.finalize().as_bytes())
}

/// Writes a table, entries given in id order.
struct TableWriter {
    out: BufWriter<File>,
    hasher: blake3::Hasher,
    written: u64,
    block: Vec<u8>,
    block_entries: u32,
    block_first: String,
    directory: Vec<u8>,
    blocks: u64,
    entries: u64,
}

impl TableWriter {
    fn new(mut file: File) -> std::io::Result<Self> {
        file.set_len(0)?;
        file.seek(SeekFrom::Start(0))?;
        let mut out = BufWriter::with_capacity(1 << 16, file);
        out.write_all(&[0u8; HEADER])?;
        Ok(Self {
            out,
            hasher: blake3::Hasher::new(),
            written: HEADER as u64,
            block: Vec::new(),
            block_entries: 0,
            block_first: String::new(),
            directory: Vec::new(),
            blocks: 0,
            entries: 0,
        })
    }

    fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        self.out.write_all(bytes)?;
        self.hasher.update(bytes);
        self.written += bytes.len() as u64;
        Ok(())
    }

    fn push(&mut self, id: &str, e: &LogEntry) -> std::io::Result<()> {
        if self.block_entries == 0 {
            id.clone_into(&mut self.block_first);
        }
        encode(&mut self.block, id, e);
        self.block_entries += 1;
        self.entries += 1;
        if self.block_entries as usize == BLOCK {
            self.end_block()?;
        }
        Ok(())
    }

    fn end_block(&mut self) -> std::io::Result<()> {
        if self.block_entries == 0 {
            return Ok(());
        }
        let bytes = u32::try_from(self.block.len()).map_err(|_| invalid("a block over 4 GiB"))?;
        self.directory
            .extend_from_slice(&self.written.to_le_bytes());
        self.directory.extend_from_slice(&bytes.to_le_bytes());
        self.directory
            .extend_from_slice(&self.block_entries.to_le_bytes());
        self.directory
            .extend_from_slice(&(self.block_first.len() as u32).to_le_bytes());
        self.directory
            .extend_from_slice(self.block_first.as_bytes());
        let block = std::mem::take(&mut self.block);
        self.write(&block)?;
        self.block = block;
        self.block.clear();
        self.block_entries = 0;
        self.blocks += 1;
        Ok(())
    }

    /// Ends the table: the directory, then the header.
    fn finish(mut self, covered: Covered, log_digest: [u8; 32]) -> std::io::Result<File> {
        self.end_block()?;
        let directory_at = self.written;
        let directory = std::mem::take(&mut self.directory);
        self.write(&directory)?;
        let mut header = Vec::with_capacity(HEADER);
        header.extend_from_slice(MAGIC);
        for v in [
            covered.bytes,
            covered.lines,
            covered.records,
            self.entries,
            self.blocks,
            directory_at,
            u64::from(covered.byte_order_mark),
        ] {
            header.extend_from_slice(&v.to_le_bytes());
        }
        header.extend_from_slice(&log_digest);
        header.extend_from_slice(self.hasher.finalize().as_bytes());
        let mut file = self.out.into_inner().map_err(|e| e.into_error())?;
        file.seek(SeekFrom::Start(0))?;
        file.write_all(&header)?;
        file.flush()?;
        Ok(file)
    }
}

/// Whether `new` takes the place of `old` (see [`crate::store`]): given the log
/// to read their lines from when their times are equal.
pub(crate) type Supersedes<'a> = dyn Fn(&LogEntry, &LogEntry) -> std::io::Result<bool> + 'a;

/// Why a log's table could not be written: the log was read without one, its
/// latest entries held in memory (a typed note for the caller to tell once;
/// the command's result is the same).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableNotWritten {
    /// The log.
    pub log: PathBuf,
    /// Where its table goes (`None`: a log outside a project, whose table is
    /// a temporary file).
    pub table: Option<PathBuf>,
    /// What failed: the project's table, then the temporary file, as the system said.
    pub reason: String,
}

impl std::fmt::Display for TableNotWritten {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}: the index of the log could not be written ({}); the log was read without it",
            self.log.display(),
            self.reason
        )
    }
}

/// The logs this process read without writing their table: the first
/// [`NOT_WRITTEN_KEPT`] in full, and every one's path, to count each once.
struct NotWritten {
    kept: Vec<TableNotWritten>,
    seen: std::collections::BTreeSet<PathBuf>,
}

/// The logs this process read without writing their table, each once.
static NOT_WRITTEN: Mutex<NotWritten> = Mutex::new(NotWritten {
    kept: Vec::new(),
    seen: std::collections::BTreeSet::new(),
});
/// Logs kept in full in [`NOT_WRITTEN`] at the most (the first ones: a note
/// names a few); the others are counted.
const NOT_WRITTEN_KEPT: usize = 64;

impl NotWritten {
    fn note(&mut self, note: &TableNotWritten) {
        if self.seen.insert(note.log.clone()) && self.kept.len() < NOT_WRITTEN_KEPT {
            self.kept.push(note.clone());
        }
    }

    fn take(&mut self) -> TablesNotWritten {
        let logs = self.seen.len();
        self.seen.clear();
        TablesNotWritten {
            first: std::mem::take(&mut self.kept),
            logs,
        }
    }
}

/// Notes that `note`'s log was read without its table.
pub(crate) fn note_not_written(note: &TableNotWritten) {
    if let Ok(mut list) = NOT_WRITTEN.lock() {
        list.note(note);
    }
}

/// The logs read without writing their table since the last
/// [`take_tables_not_written`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TablesNotWritten {
    /// The first of them (64 at the most), in the order met.
    pub first: Vec<TableNotWritten>,
    /// How many logs, each counted once.
    pub logs: usize,
}

/// Takes the logs this process read without writing their table since the last
/// call, each once, in the order met: for a command to say once that the index
/// could not be written, and why. Each [`crate::store::LogIndex`] also says it
/// of its own log.
#[must_use]
pub fn take_tables_not_written() -> TablesNotWritten {
    NOT_WRITTEN
        .lock()
        .map(|mut list| list.take())
        .unwrap_or_default()
}

#[cfg(test)]
thread_local! {
    /// Tests: how many more temporary files (and project tables) can be made on
    /// this thread (`None`: any number), as in a `TMPDIR` that fills or cannot be written.
    static TEMP_FILES_LEFT: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// Tests: lets `left` more temporary files be made on this thread (`None`: any number).
#[cfg(test)]
pub(crate) fn set_temp_files_left(left: Option<usize>) {
    TEMP_FILES_LEFT.with(|n| n.set(left));
}

/// Tests: fails as a full disk would once no temporary file is left.
fn test_temp_file() -> std::io::Result<()> {
    #[cfg(test)]
    if let Some(left) = TEMP_FILES_LEFT.with(std::cell::Cell::get) {
        if left == 0 {
            return Err(std::io::Error::new(
                std::io::ErrorKind::StorageFull,
                "no temporary file left (a test)",
            ));
        }
        TEMP_FILES_LEFT.with(|n| n.set(Some(left - 1)));
    }
    Ok(())
}

/// An unnamed temporary file (in `TMPDIR`).
pub(crate) fn temp_file() -> std::io::Result<File> {
    test_temp_file()?;
    tempfile::tempfile()
}

/// Sets `id`'s entry in `entries` to `e` unless the one there stands over it.
fn put(
    entries: &mut BTreeMap<Box<str>, LogEntry>,
    id: Box<str>,
    e: LogEntry,
    supersedes: &Supersedes<'_>,
) -> std::io::Result<()> {
    match entries.get_mut(&id) {
        Some(old) => {
            if supersedes(&e, old)? {
                *old = e;
            }
        }
        None => {
            entries.insert(id, e);
        }
    }
    Ok(())
}

/// What a builder made: a table, written to its file; or, when no file could
/// be written, the entries it would hold, in memory, and why.
#[derive(Debug)]
pub(crate) enum Built {
    Table(File),
    InMemory {
        entries: BTreeMap<Box<str>, LogEntry>,
        why: String,
    },
}

/// Collects the entries of the records read from a log, in log order, in runs
/// of at most [`RUN`] documents, sorted on disk.
#[derive(Debug)]
pub(crate) struct TableBuilder {
    chunk: HashMap<Box<str>, LogEntry>,
    runs: Vec<File>,
    /// Documents a run holds.
    run: usize,
    /// A run could not be written (no temporary file): the chunk and the
    /// entries added since are kept here, in id order, in memory.
    memory: Option<BTreeMap<Box<str>, LogEntry>>,
}

impl Default for TableBuilder {
    fn default() -> Self {
        Self::with_run(RUN)
    }
}

impl TableBuilder {
    /// A builder sorting runs of `run` documents.
    pub(crate) fn with_run(run: usize) -> Self {
        TableBuilder {
            chunk: HashMap::new(),
            runs: Vec::new(),
            run: run.max(1),
            memory: None,
        }
    }

    /// Adds the entry of a record of `doc`, later in the log than those added before.
    pub(crate) fn add(
        &mut self,
        doc: &str,
        entry: LogEntry,
        supersedes: &Supersedes<'_>,
    ) -> std::io::Result<()> {
        if let Some(memory) = &mut self.memory {
            return put(memory, doc.into(), entry, supersedes);
        }
        if let Some(old) = self.chunk.get_mut(doc) {
            if supersedes(&entry, old)? {
                *old = entry;
            }
            return Ok(());
        }
        self.chunk.insert(doc.into(), entry);
        if self.chunk.len() >= self.run && self.spill().is_err() {
            // No room for a run: what is left of the log is held in memory,
            // in id order (the table, if one can be written, is made from it).
            self.memory = Some(self.chunk.drain().collect());
            self.chunk = HashMap::new();
        }
        Ok(())
    }

    /// Whether no record was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.chunk.is_empty() && self.runs.is_empty() && self.memory.is_none()
    }

    /// Writes the chunk, sorted, to a run file; a chunk that cannot be written stays.
    fn spill(&mut self) -> std::io::Result<()> {
        let mut out = BufWriter::with_capacity(1 << 16, temp_file()?);
        let mut buf = Vec::new();
        for (id, e) in self.sorted_chunk() {
            buf.clear();
            encode(&mut buf, id, e);
            out.write_all(&buf)?;
        }
        let file = out.into_inner().map_err(|e| e.into_error())?;
        self.runs.push(file);
        // The next run fills the same table: no regrowth, whose freed tables
        // the allocator keeps resident a while (mimalloc purges after 1 s).
        self.chunk.clear();
        Ok(())
    }

    fn sorted_chunk(&self) -> Vec<(&str, &LogEntry)> {
        let mut v: Vec<(&str, &LogEntry)> = self.chunk.iter().map(|(k, e)| (&**k, e)).collect();
        v.sort_unstable_by(|a, b| a.0.cmp(b.0));
        v
    }

    /// The entries after the runs, in id order: the chunk, or those held in memory.
    fn last(&self) -> Vec<(&str, &LogEntry)> {
        match &self.memory {
            Some(memory) => memory.iter().map(|(k, e)| (&**k, e)).collect(),
            None => self.sorted_chunk(),
        }
    }

    /// The entries of the run `file`, from its start.
    fn run_entries(
        file: &File,
    ) -> std::io::Result<impl Iterator<Item = std::io::Result<(String, LogEntry)>> + '_> {
        let mut f = file;
        f.seek(SeekFrom::Start(0))?;
        let mut r = BufReader::with_capacity(1 << 14, f);
        Ok(std::iter::from_fn(move || read_entry(&mut r).transpose()))
    }

    /// The table of `base` (a table of the start of the log, or none) and the
    /// entries added, which come after it in the log, written to `out`; when
    /// `out` is not there (it could not be made: why) or cannot be written, the
    /// entries added, in memory.
    pub(crate) fn finish(
        self,
        base: Option<&Table>,
        out: std::result::Result<File, String>,
        covered: Covered,
        log: &File,
        supersedes: &Supersedes<'_>,
    ) -> std::io::Result<Built> {
        let written = match out {
            Err(why) => Err(why),
            Ok(out) => self
                .merge(base, out, covered, log, supersedes)
                .map_err(|e| e.to_string()),
        };
        match written {
            Ok(file) => Ok(Built::Table(file)),
            Err(why) => Ok(Built::InMemory {
                entries: self.into_memory(supersedes)?,
                why,
            }),
        }
    }

    /// The entries added, each document's latest, in memory.
    fn into_memory(
        self,
        supersedes: &Supersedes<'_>,
    ) -> std::io::Result<BTreeMap<Box<str>, LogEntry>> {
        // In log order: the runs, then the chunk or what was held in memory.
        let mut later = match self.memory {
            Some(memory) => memory,
            None => self.chunk.into_iter().collect(),
        };
        if self.runs.is_empty() {
            return Ok(later);
        }
        let mut entries: BTreeMap<Box<str>, LogEntry> = BTreeMap::new();
        for run in &self.runs {
            for entry in Self::run_entries(run)? {
                let (id, e) = entry?;
                put(&mut entries, id.into_boxed_str(), e, supersedes)?;
            }
        }
        for (id, e) in std::mem::take(&mut later) {
            put(&mut entries, id, e, supersedes)?;
        }
        Ok(entries)
    }

    /// The merge of [`TableBuilder::finish`], written to `out`.
    fn merge(
        &self,
        base: Option<&Table>,
        out: File,
        covered: Covered,
        log: &File,
        supersedes: &Supersedes<'_>,
    ) -> std::io::Result<File> {
        type Source<'b> = Box<dyn Iterator<Item = std::io::Result<(String, LogEntry)>> + 'b>;
        let last = self.last();
        // In log order: the base, the runs, the last chunk.
        let mut sources: Vec<std::iter::Peekable<Source<'_>>> = Vec::new();
        if let Some(t) = base {
            sources.push((Box::new(t.iter()) as Source<'_>).peekable());
        }
        for run in &self.runs {
            sources.push((Box::new(Self::run_entries(run)?) as Source<'_>).peekable());
        }
        sources.push(
            (Box::new(last.into_iter().map(|(id, e)| Ok((id.to_owned(), *e)))) as Source<'_>)
                .peekable(),
        );
        let mut writer = TableWriter::new(out)?;
        loop {
            let mut least: Option<String> = None;
            for s in &mut sources {
                match s.peek() {
                    Some(Ok((id, _))) if least.as_ref().is_none_or(|l| id < l) => {
                        least = Some(id.clone());
                    }
                    Some(Ok(_)) | None => {}
                    Some(Err(_)) => {
                        if let Some(Err(e)) = s.next() {
                            return Err(e);
                        }
                    }
                }
            }
            let Some(id) = least else { break };
            let mut standing: Option<LogEntry> = None;
            for s in &mut sources {
                if matches!(s.peek(), Some(Ok((other, _))) if *other == id)
                    && let Some(Ok((_, e))) = s.next()
                {
                    standing = Some(match standing {
                        Some(old) if !supersedes(&e, &old)? => old,
                        _ => e,
                    });
                }
            }
            if let Some(e) = standing {
                writer.push(&id, &e)?;
            }
        }
        let digest = digest_of(log, covered.bytes)?;
        writer.finish(covered, digest)
    }
}

/// A new file for a table to be renamed to `dest`, in its directory (made
/// when missing).
///
/// # Errors
/// When it cannot be made there (a read-only project), naming the directory.
pub(crate) fn temp_for(
    dest: &Path,
) -> std::io::Result<(tempfile::NamedTempFile, crate::atomic::LiveTemp)> {
    let dir = dest
        .parent()
        .ok_or_else(|| std::io::Error::other(format!("{}: no directory", dest.display())))?;
    fs_err::create_dir_all(dir)?;
    test_temp_file()?;
    crate::atomic::temp_file_in(dir)
}

/// Opens the table at `path` for the open `log`; `None` when there is none
/// or it does not hold.
pub(crate) fn open_table(path: &Path, log: &File) -> Option<Table> {
    let file = File::open(path).ok()?;
    Table::open(file, log).ok().flatten()
}

/// Opens a table just written (checked against itself).
pub(crate) fn reopen(file: File) -> std::io::Result<Table> {
    Table::open_unchecked(file)?
        .ok_or_else(|| invalid("the log table just written does not read back"))
}

#[cfg(test)]
mod not_written_tests {
    use super::*;

    /// Past the 64 logs kept in full, the note still counts every log once.
    #[test]
    fn every_log_is_counted_once_past_the_ones_kept() {
        let mut list = NotWritten {
            kept: Vec::new(),
            seen: std::collections::BTreeSet::new(),
        };
        let note = |i: usize| TableNotWritten {
            log: PathBuf::from(format!("annotations/a{i}.jsonl")),
            table: None,
            reason: "disk full".into(),
        };
        for round in 0..2 {
            for i in 0..100 {
                list.note(&note(i));
            }
            let taken = list.take();
            assert_eq!(taken.logs, 100, "round {round}");
            assert_eq!(taken.first.len(), NOT_WRITTEN_KEPT);
            assert_eq!(taken.first[0], note(0));
            assert_eq!(list.take(), TablesNotWritten::default());
        }
    }
}
