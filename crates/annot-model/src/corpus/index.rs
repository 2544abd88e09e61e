//! The index cache format: `.annot/index/<file>.idx`, one binary file per
//! corpus file, read by positioned reads so that nothing of it is held in
//! memory but a small table of fences (a few bytes per hundred documents).
//!
//! Layout (little-endian), for `n` document lines:
//!
//! ```text
//! header (64 bytes)  magic "ANNOTIX3", the corpus file's size (u64) and
//!                    modification time in ns (u128), n (u64), pool bytes
//!                    (u64), name bytes (u64), reserved (u64)
//! records  n x 40    in line order: byte offset (u64), length (u32), line
//!                    number (u32), text digest (16 bytes), id's offset in
//!                    the pool (u64, top bit set when the line's digest is
//!                    not one annot writes)
//! keys     n x 12    (key of the id (u64), record number (u32)), sorted
//! fences   ceil(n/128) x 8   every 128th key, read at open
//! pool               the ids, in line order, back to back
//! name               the corpus file's name
//! ```
//!
//! An id is found by its key: the fences say which block of 128 keys to
//! read, the block which records to check against the id itself. The header
//! says which corpus file (size and time) the index was made from: a file
//! that differs is scanned again. The text-format cache of earlier versions
//! (`<file>.tsv`) is converted when found, and removed.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::Deserialize;

use crate::error::{ModelError, Result};
use crate::store::read_exact_at;

use super::{BadLine, Entry, trim_newline};

/// The directory of the corpus index, in the project's cache directory.
pub const INDEX_DIR: &str = "index";
/// The single index file of earlier versions, removed when found.
pub(super) const OLD_INDEX_FILE: &str = "index.tsv";
/// The first line of the per-file text index of earlier versions.
const OLD_INDEX_HEADER: &str = "# annot corpus file index v2";
const MAGIC: &[u8; 8] = b"ANNOTIX3";
const HEADER: u64 = 64;
const REC: u64 = 40;
const KEY: u64 = 12;
/// Keys per block: one fence each.
const FENCE: u64 = 128;
/// Set in a record's pool offset when its line's digest is not 32 hex digits.
const ODD_DIGEST: u64 = 1 << 63;

/// The two fields of a corpus line the index needs, read without the text.
#[derive(Deserialize)]
struct IdAndHash<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    hash: std::borrow::Cow<'a, str>,
}

/// What says a corpus file is the one its cached index was made from.
#[derive(Debug, PartialEq)]
pub(super) struct FileStamp {
    pub(super) name: String,
    pub(super) len: u64,
    pub(super) mtime_ns: u128,
}

/// The stamp of corpus file `path` as it is now.
pub(super) fn stamp(path: &Path) -> Result<FileStamp> {
    let md = fs_err::metadata(path)?;
    let mtime_ns = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(FileStamp {
        name,
        len: md.len(),
        mtime_ns,
    })
}

pub(super) fn index_path(index_dir: &Path, file_name: &str) -> PathBuf {
    index_dir.join(format!("{file_name}.idx"))
}

fn old_index_path(index_dir: &Path, file_name: &str) -> PathBuf {
    index_dir.join(format!("{file_name}.tsv"))
}

pub(super) fn line_too_long(path: &Path, line: usize) -> ModelError {
    ModelError::Line {
        path: path.to_owned(),
        line,
        message: "document line longer than 4 GiB".into(),
    }
}

/// The key of an id in the sorted id table (stable across builds and
/// machines: it is written to disk; collisions are told apart by the id).
pub(super) fn id_key(id: &str) -> u64 {
    let h = blake3::hash(id.as_bytes());
    let mut k = [0u8; 8];
    k.copy_from_slice(&h.as_bytes()[..8]);
    u64::from_le_bytes(k)
}

/// A text digest as annot writes it (32 lowercase hex digits) as bytes.
pub(super) fn digest_bytes(hash: &str) -> Option<[u8; 16]> {
    let b = hash.as_bytes();
    if b.len() != 32 {
        return None;
    }
    let nibble = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let mut out = [0u8; 16];
    for (i, o) in out.iter_mut().enumerate() {
        *o = (nibble(b[2 * i])? << 4) | nibble(b[2 * i + 1])?;
    }
    Some(out)
}

fn digest_hex(d: &[u8; 16]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(32);
    for b in d {
        s.push(HEX[usize::from(b >> 4)] as char);
        s.push(HEX[usize::from(b & 15)] as char);
    }
    s
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    let mut x = [0u8; 8];
    x.copy_from_slice(&b[at..at + 8]);
    u64::from_le_bytes(x)
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    let mut x = [0u8; 4];
    x.copy_from_slice(&b[at..at + 4]);
    u32::from_le_bytes(x)
}

/// One record of an index: where a document line is, and its digest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Rec {
    pub(super) offset: u64,
    pub(super) len: u32,
    pub(super) line: u32,
    /// `None` when the line's digest is not one annot writes (reading the
    /// document then reports it).
    pub(super) digest: Option<[u8; 16]>,
    id_off: u64,
}

impl Rec {
    fn parse(b: &[u8]) -> Self {
        let raw_off = u64_at(b, 32);
        let mut digest = [0u8; 16];
        digest.copy_from_slice(&b[16..32]);
        Self {
            offset: u64_at(b, 0),
            len: u32_at(b, 8),
            line: u32_at(b, 12),
            digest: (raw_off & ODD_DIGEST == 0).then_some(digest),
            id_off: raw_off & !ODD_DIGEST,
        }
    }

    fn bytes(&self) -> [u8; REC as usize] {
        let mut b = [0u8; REC as usize];
        b[0..8].copy_from_slice(&self.offset.to_le_bytes());
        b[8..12].copy_from_slice(&self.len.to_le_bytes());
        b[12..16].copy_from_slice(&self.line.to_le_bytes());
        b[16..32].copy_from_slice(&self.digest.unwrap_or_default());
        let off = self.id_off | if self.digest.is_some() { 0 } else { ODD_DIGEST };
        b[32..40].copy_from_slice(&off.to_le_bytes());
        b
    }

    /// The digest as a document's `hash` field has it (empty when odd).
    pub(super) fn hash(&self) -> String {
        self.digest.as_ref().map(digest_hex).unwrap_or_default()
    }

    /// Whether this line's digest is `hash`.
    pub(super) fn has_hash(&self, hash: &str) -> bool {
        self.digest.is_some() && self.digest == digest_bytes(hash)
    }

    pub(super) fn entry(&self, id: String, file: u32) -> Entry {
        Entry {
            id,
            file,
            offset: self.offset,
            len: self.len,
            hash: self.hash(),
            line: self.line,
        }
    }
}

/// A temporary file for the index, in the index directory when it can be
/// made there (it is then renamed into place), else in the system's.
fn temp_in(
    dir: Option<&Path>,
) -> std::io::Result<(tempfile::NamedTempFile, crate::atomic::LiveTemp)> {
    if let Some(dir) = dir
        && fs_err::create_dir_all(dir).is_ok()
        && let Ok(made) = crate::atomic::temp_file_in(dir)
    {
        return Ok(made);
    }
    crate::atomic::temp_file_in(&std::env::temp_dir())
}

/// Keys of ids sorted in memory at a time while an index is built (16 bytes
/// each: 4 MB), the rest in sorted runs on disk.
pub(super) const KEYS_IN_MEMORY: usize = 1 << 18;

#[cfg(test)]
thread_local! {
    /// [`KEYS_IN_MEMORY`] of the indexes a test builds on this thread.
    pub(super) static KEY_RUN: std::cell::Cell<usize> = const { std::cell::Cell::new(KEYS_IN_MEMORY) };
}

/// Keys sorted in memory at a time by an index built on this thread.
#[cfg(test)]
fn key_run() -> usize {
    KEY_RUN.with(std::cell::Cell::get)
}

#[cfg(not(test))]
fn key_run() -> usize {
    KEYS_IN_MEMORY
}

/// The key of a line's id and the line's number, ordered by key then number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct KeyAt(u64, u32);

impl crate::CompactItem for KeyAt {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.0.to_le_bytes());
        out.extend_from_slice(&self.1.to_le_bytes());
    }
    fn take(r: &mut crate::spill::Bytes<'_>) -> std::result::Result<Self, crate::SpillError> {
        let b = r.slice(12)?;
        let mut k = [0u8; 8];
        k.copy_from_slice(&b[..8]);
        let mut i = [0u8; 4];
        i.copy_from_slice(&b[8..]);
        Ok(KeyAt(u64::from_le_bytes(k), u32::from_le_bytes(i)))
    }
}

/// Builds the index of one corpus file from its lines, in line order, with
/// a few bytes of memory per line (ids and records go to disk as they come).
#[derive(Debug)]
pub(super) struct IndexBuilder {
    /// The corpus file, for messages.
    path: PathBuf,
    out: BufWriter<tempfile::NamedTempFile>,
    /// `out` listed for the interrupt handler until it is renamed or dropped.
    _live: crate::atomic::LiveTemp,
    pool: BufWriter<File>,
    pool_len: u64,
    /// The key of each line's id with its line's number, sorted past
    /// memory: a corpus of a million documents holds a run of them, not all.
    keys: crate::SortedSpill<KeyAt>,
    /// End of the last line pushed, and whether lines came in order.
    end: u64,
    in_order: bool,
}

impl IndexBuilder {
    /// A builder for the index of corpus file `path`, written in `index_dir`
    /// (the system's temporary directory when that is `None` or cannot be made).
    pub(super) fn new(path: &Path, index_dir: Option<&Path>) -> std::io::Result<Self> {
        let (tmp, live) = temp_in(index_dir)?;
        let pool = match index_dir {
            Some(dir) => tempfile::tempfile_in(dir).or_else(|_| tempfile::tempfile())?,
            None => tempfile::tempfile()?,
        };
        let mut out = BufWriter::with_capacity(1 << 16, tmp);
        out.write_all(&[0u8; HEADER as usize])?;
        Ok(Self {
            path: path.to_owned(),
            out,
            _live: live,
            pool: BufWriter::with_capacity(1 << 16, pool),
            pool_len: 0,
            keys: crate::SortedSpill::with_memory(key_run()),
            end: 0,
            in_order: true,
        })
    }

    /// Adds the next document line.
    pub(super) fn push(
        &mut self,
        id: &str,
        hash: &str,
        offset: u64,
        len: u32,
        line: u32,
    ) -> std::io::Result<()> {
        if u32::try_from(self.keys.len()).is_err() {
            return Err(std::io::Error::other(
                "more than 4 billion documents in one corpus file",
            ));
        }
        let rec = Rec {
            offset,
            len,
            line,
            digest: digest_bytes(hash),
            id_off: self.pool_len,
        };
        self.out.write_all(&rec.bytes())?;
        self.pool.write_all(id.as_bytes())?;
        self.pool_len += id.len() as u64;
        self.keys.push(KeyAt(id_key(id), self.keys.len() as u32));
        self.in_order &= offset >= self.end;
        self.end = offset + u64::from(len);
        Ok(())
    }

    /// Whether the lines pushed can describe a file of `file_len` bytes: in
    /// order, not overlapping, the last one ending at the end of the file.
    fn plausible(&self, file_len: u64) -> bool {
        self.in_order && self.end <= file_len && file_len - self.end <= 2
    }

    /// Writes the index of the file `stamp` describes; renames it to `dest`
    /// when given (failing that, the index is still returned, unnamed).
    ///
    /// # Errors
    /// I/O errors; an id that two lines of the file share (file and line named).
    /// With `bad`, an id used twice is listed there instead (both lines are
    /// indexed) and the index is then not renamed to `dest`.
    pub(super) fn finish(
        mut self,
        stamp: &FileStamp,
        dest: Option<&Path>,
        mut bad: Option<&mut BadLines>,
    ) -> Result<IndexFile> {
        let n = self.keys.len();
        let keys = std::mem::replace(&mut self.keys, crate::SortedSpill::with_memory(1))
            .sorted()
            .map_err(std::io::Error::other)?;
        self.pool.flush()?;
        self.out.flush()?;
        let mut fences = Vec::with_capacity(n.div_ceil(FENCE as usize));
        let mut previous: Option<KeyAt> = None;
        for (at, key) in keys.enumerate() {
            let KeyAt(k, i) = key.map_err(std::io::Error::other)?;
            // Equal keys: the same id twice, or (rarely) two ids with one key.
            if let Some(KeyAt(pk, pi)) = previous
                && pk == k
            {
                let pool = self.pool.get_ref();
                let recs = self.out.get_ref().as_file();
                let read = |local: u32| -> std::io::Result<(Rec, Vec<u8>)> {
                    read_record(recs, pool, HEADER, 0, n, self.pool_len, local)
                };
                let ((a, id_a), (b, id_b)) = (read(pi)?, read(i)?);
                if id_a == id_b {
                    let (first, second) = if a.line < b.line { (a, b) } else { (b, a) };
                    let e = ModelError::Line {
                        path: self.path.clone(),
                        line: second.line as usize,
                        message: format!(
                            "document id '{}' is already used at line {} of the same file; ids must be unique, remove one of them",
                            String::from_utf8_lossy(&id_b),
                            first.line
                        ),
                    };
                    match bad.as_deref_mut() {
                        Some(bad) => bad.push(e),
                        None => return Err(e),
                    }
                }
            }
            if at % FENCE as usize == 0 {
                fences.push(k);
            }
            let mut b = [0u8; KEY as usize];
            b[..8].copy_from_slice(&k.to_le_bytes());
            b[8..].copy_from_slice(&i.to_le_bytes());
            self.out.write_all(&b)?;
            previous = Some(KeyAt(k, i));
        }
        for k in fences {
            self.out.write_all(&k.to_le_bytes())?;
        }
        let mut pool = self.pool.into_inner().map_err(|e| e.into_error())?;
        pool.seek(SeekFrom::Start(0))?;
        std::io::copy(&mut (&mut pool).take(self.pool_len), &mut self.out)?;
        self.out.write_all(stamp.name.as_bytes())?;
        let mut tmp = self.out.into_inner().map_err(|e| e.into_error())?;
        let mut header = [0u8; HEADER as usize];
        header[0..8].copy_from_slice(MAGIC);
        header[8..16].copy_from_slice(&stamp.len.to_le_bytes());
        header[16..32].copy_from_slice(&stamp.mtime_ns.to_le_bytes());
        header[32..40].copy_from_slice(&(n as u64).to_le_bytes());
        header[40..48].copy_from_slice(&self.pool_len.to_le_bytes());
        header[48..56].copy_from_slice(&(stamp.name.len() as u64).to_le_bytes());
        tmp.seek(SeekFrom::Start(0))?;
        tmp.write_all(&header)?;
        tmp.flush()?;
        let dest = dest.filter(|_| bad.is_none_or(|b| b.is_empty()));
        let file = match dest {
            // The cache is an optimisation: failing to name it is not an error.
            Some(dest) => match tmp.persist(dest) {
                Ok(f) => f,
                Err(e) => e.file.into_file(),
            },
            None => tmp.into_file(),
        };
        IndexFile::from_file(file, stamp).ok_or_else(|| {
            ModelError::Io(std::io::Error::other(format!(
                "the index of {} just written does not read back",
                self.path.display()
            )))
        })
    }
}

/// Reads record `local` and its id from a records area at `recs_at` of
/// `recs` and a pool at `pool_at` of `pool`.
fn read_record(
    recs: &File,
    pool: &File,
    recs_at: u64,
    pool_at: u64,
    n: usize,
    pool_len: u64,
    local: u32,
) -> std::io::Result<(Rec, Vec<u8>)> {
    let two = (local as usize) + 1 < n;
    let mut b = [0u8; 2 * REC as usize];
    let want = if two { 2 * REC } else { REC } as usize;
    read_exact_at(recs, &mut b[..want], recs_at + u64::from(local) * REC)?;
    let rec = Rec::parse(&b[..REC as usize]);
    let end = if two {
        Rec::parse(&b[REC as usize..]).id_off
    } else {
        pool_len
    };
    if end < rec.id_off || end > pool_len {
        return Err(std::io::Error::other("corpus index: bad id offset"));
    }
    let mut id = vec![0u8; (end - rec.id_off) as usize];
    read_exact_at(pool, &mut id, pool_at + rec.id_off)?;
    Ok((rec, id))
}

/// The index of one corpus file, open; read by positioned reads.
#[derive(Debug)]
pub(super) struct IndexFile {
    file: File,
    count: u32,
    pool_len: u64,
    /// Every [`FENCE`]th key.
    fences: Vec<u64>,
}

impl IndexFile {
    /// The index at `path`, if it was made for the corpus file `stamp`
    /// describes (else `None`: the file is scanned again).
    pub(super) fn open(path: &Path, stamp: &FileStamp) -> Option<Self> {
        Self::from_file(File::open(path).ok()?, stamp)
    }

    fn from_file(file: File, stamp: &FileStamp) -> Option<Self> {
        let mut h = [0u8; HEADER as usize];
        read_exact_at(&file, &mut h, 0).ok()?;
        if &h[..8] != MAGIC
            || u64_at(&h, 8) != stamp.len
            || u128::from_le_bytes(h[16..32].try_into().ok()?) != stamp.mtime_ns
        {
            return None;
        }
        let count = u64_at(&h, 32);
        let (pool_len, name_len) = (u64_at(&h, 40), u64_at(&h, 48));
        let count32 = u32::try_from(count).ok()?;
        let fences_n = count.div_ceil(FENCE);
        let fences_at = HEADER + count * (REC + KEY);
        let name_at = fences_at + fences_n * 8 + pool_len;
        if name_len != stamp.name.len() as u64
            || file.metadata().ok()?.len() != name_at.checked_add(name_len)?
        {
            return None;
        }
        let mut name = vec![0u8; name_len as usize];
        read_exact_at(&file, &mut name, name_at).ok()?;
        if name != stamp.name.as_bytes() {
            return None;
        }
        let mut raw = vec![0u8; (fences_n * 8) as usize];
        read_exact_at(&file, &mut raw, fences_at).ok()?;
        let fences = raw.chunks_exact(8).map(|c| u64_at(c, 0)).collect();
        let index = Self {
            file,
            count: count32,
            pool_len,
            fences,
        };
        // The last line must end where the file does.
        if count32 > 0 {
            let (last, _) = index.record(count32 - 1).ok()?;
            let end = last.offset + u64::from(last.len);
            if end > stamp.len || stamp.len - end > 2 {
                return None;
            }
        }
        Some(index)
    }

    fn keys_at(&self) -> u64 {
        HEADER + u64::from(self.count) * REC
    }

    fn pool_at(&self) -> u64 {
        self.keys_at() + u64::from(self.count) * KEY + self.fences.len() as u64 * 8
    }

    /// Document lines indexed.
    pub(super) fn len(&self) -> u32 {
        self.count
    }

    /// Record `local` (in line order) and its id's bytes.
    pub(super) fn record(&self, local: u32) -> Result<(Rec, Vec<u8>)> {
        Ok(read_record(
            &self.file,
            &self.file,
            HEADER,
            self.pool_at(),
            self.count as usize,
            self.pool_len,
            local,
        )?)
    }

    /// Record `local` as an entry of corpus file number `file`.
    pub(super) fn entry(&self, local: u32, file: u32) -> Result<Entry> {
        let (rec, id) = self.record(local)?;
        Ok(rec.entry(id_string(id)?, file))
    }

    /// The record number of document `id`, if this file has it.
    pub(super) fn find(&self, id: &str) -> Result<Option<(u32, Rec)>> {
        let key = id_key(id);
        // The first block whose first key is not below `key`; the key's
        // first occurrence is in the block before it or at its start.
        let block = self.fences.partition_point(|&f| f < key) as u64;
        let mut at = block.saturating_sub(1) * FENCE;
        let n = u64::from(self.count);
        let mut buf = vec![0u8; (FENCE * KEY) as usize];
        while at < n {
            let take = (n - at).min(FENCE);
            let b = &mut buf[..(take * KEY) as usize];
            read_exact_at(&self.file, b, self.keys_at() + at * KEY)?;
            for c in b.chunks_exact(KEY as usize) {
                let k = u64_at(c, 0);
                if k > key {
                    return Ok(None);
                }
                if k == key {
                    let local = u32_at(c, 8);
                    let (rec, got) = self.record(local)?;
                    if got == id.as_bytes() {
                        return Ok(Some((local, rec)));
                    }
                }
            }
            at += take;
        }
        Ok(None)
    }

    /// The keys in key order, each with its record number.
    pub(super) fn keys(&self) -> impl Iterator<Item = Result<(u64, u32)>> + '_ {
        let mut r = Chunks::new(&self.file, self.keys_at(), u64::from(self.count) * KEY);
        (0..self.count).map(move |_| {
            let c = r.take(KEY as usize)?;
            Ok((u64_at(c, 0), u32_at(c, 8)))
        })
    }

    /// Every record in line order, with its id, read sequentially.
    pub(super) fn records(&self) -> impl Iterator<Item = Result<(Rec, String)>> + '_ {
        let mut recs = Chunks::new(&self.file, HEADER, u64::from(self.count) * REC);
        let mut pool = Chunks::new(&self.file, self.pool_at(), self.pool_len);
        let mut next: Option<Rec> = None;
        (0..self.count).map(move |i| {
            let rec = match next.take() {
                Some(r) => r,
                None => Rec::parse(recs.take(REC as usize)?),
            };
            let end = if i + 1 < self.count {
                let n = Rec::parse(recs.take(REC as usize)?);
                next = Some(n);
                n.id_off
            } else {
                self.pool_len
            };
            let len = end
                .checked_sub(rec.id_off)
                .ok_or_else(|| std::io::Error::other("corpus index: bad id offset"))?;
            let id = id_string(pool.take(len as usize)?.to_vec())?;
            Ok((rec, id))
        })
    }

    /// Every digest in line order.
    pub(super) fn digests(&self) -> impl Iterator<Item = Result<Option<[u8; 16]>>> + '_ {
        let mut recs = Chunks::new(&self.file, HEADER, u64::from(self.count) * REC);
        (0..self.count).map(move |_| Ok(Rec::parse(recs.take(REC as usize)?).digest))
    }
}

fn id_string(bytes: Vec<u8>) -> Result<String> {
    String::from_utf8(bytes)
        .map_err(|_| ModelError::Io(std::io::Error::other("corpus index: an id is not UTF-8")))
}

/// Sequential reads of a stretch of a file through a buffer, by position.
struct Chunks<'a> {
    file: &'a File,
    /// File position of `buf[0]`.
    pos: u64,
    end: u64,
    buf: Vec<u8>,
    at: usize,
}

impl<'a> Chunks<'a> {
    fn new(file: &'a File, start: u64, len: u64) -> Self {
        Self {
            file,
            pos: start,
            end: start + len,
            buf: Vec::new(),
            at: 0,
        }
    }

    fn take(&mut self, n: usize) -> std::io::Result<&[u8]> {
        if self.at + n > self.buf.len() {
            let keep = self.buf.len() - self.at;
            self.buf.drain(..self.at);
            self.pos += self.at as u64;
            self.at = 0;
            let have = self.pos + keep as u64;
            let want = (self.end.saturating_sub(have)).min((n.max(1 << 16)) as u64) as usize;
            if keep + want < n {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            self.buf.resize(keep + want, 0);
            read_exact_at(self.file, &mut self.buf[keep..], have)?;
        }
        let s = &self.buf[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
}

/// The lines of a corpus file that could not be indexed, as a lenient scan
/// ([`scan_all`]) finds them.
#[derive(Debug, Default)]
pub(super) struct BadLines {
    /// The first [`BadLines::LISTED`] of them, and the id a line shares with
    /// an earlier one of the file (those lines are indexed all the same).
    pub(super) errors: Vec<BadLine>,
    /// How many more were found and not listed.
    pub(super) unlisted: usize,
    /// Line numbers of the lines left out of the index (not a document), sorted.
    pub(super) skipped: Vec<u32>,
}

impl BadLines {
    /// Errors listed per file: the rest are counted.
    const LISTED: usize = 100;

    /// Lists `e` (a [`ModelError::Line`] of the scan).
    fn push(&mut self, e: ModelError) {
        if self.errors.len() >= Self::LISTED {
            self.unlisted += 1;
            return;
        }
        self.errors.push(match e {
            ModelError::Line {
                path,
                line,
                message,
            } => BadLine {
                path,
                line,
                message,
            },
            other => BadLine {
                path: PathBuf::new(),
                line: 0,
                message: other.to_string(),
            },
        });
    }

    pub(super) fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.unlisted == 0
    }
}

/// Why line `line_no` of corpus file `path` is not a document; `first`: the
/// first one found, which stops the command (check lists them all).
fn not_a_document(
    path: &Path,
    line_no: u32,
    line: &[u8],
    e: &serde_json::Error,
    first: bool,
) -> ModelError {
    let mut message = if line_no == 1 && line.starts_with(&[0xef, 0xbb, 0xbf]) {
        "the file starts with a UTF-8 byte-order mark (an editor or tool added it): \
         remove the first 3 bytes"
            .to_owned()
    } else {
        format!("not a document (each line needs \"id\", \"text\" and \"hash\"): {e}")
    };
    if first {
        message.push_str(" (`annot check` lists every such line)");
    }
    ModelError::Line {
        path: path.to_owned(),
        line: line_no as usize,
        message,
    }
}

/// Scans corpus file `path` for the id and digest of every line into an
/// index; the first line that is not a document is an error.
pub(super) fn scan(path: &Path, stamp: &FileStamp, index_dir: Option<&Path>) -> Result<IndexFile> {
    scan_lines(path, stamp, index_dir, None)
}

/// [`scan`], but every line that is not a document is listed in the
/// [`BadLines`] and left out of the index, which is then not cached (the next
/// strict open reports the file).
pub(super) fn scan_all(
    path: &Path,
    stamp: &FileStamp,
    index_dir: &Path,
) -> Result<(IndexFile, BadLines)> {
    let mut bad = BadLines::default();
    let index = scan_lines(path, stamp, Some(index_dir), Some(&mut bad))?;
    Ok((index, bad))
}

fn scan_lines(
    path: &Path,
    stamp: &FileStamp,
    index_dir: Option<&Path>,
    mut bad: Option<&mut BadLines>,
) -> Result<IndexFile> {
    let mut builder = IndexBuilder::new(path, index_dir)?;
    let mut reader = BufReader::with_capacity(1 << 16, fs_err::File::open(path)?);
    let mut buf = Vec::new();
    let mut offset = 0u64;
    let mut line_no = 0u32;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let line = trim_newline(&buf);
        if !line.iter().all(u8::is_ascii_whitespace) {
            match serde_json::from_slice::<IdAndHash<'_>>(line) {
                Ok(head) => {
                    let len = u32::try_from(line.len())
                        .map_err(|_| line_too_long(path, line_no as usize))?;
                    builder.push(&head.id, &head.hash, offset, len, line_no)?;
                }
                Err(e) => {
                    let Some(bad) = bad.as_deref_mut() else {
                        return Err(not_a_document(path, line_no, line, &e, true));
                    };
                    bad.push(not_a_document(path, line_no, line, &e, false));
                    bad.skipped.push(line_no);
                }
            }
        }
        offset += n as u64;
    }
    let clean = bad.as_ref().is_none_or(|b| b.is_empty());
    let dest = index_dir
        .filter(|_| clean)
        .map(|d| index_path(d, &stamp.name));
    // A file that changed while it was scanned gets an index that says so
    // (the stamp of before), and is scanned again next time.
    builder.finish(stamp, dest.as_deref(), bad)
}

/// The index of corpus file `path`: the cached one, the text cache of an
/// earlier version converted, or a scan of the file (cached for next time).
/// A `lenient` scan lists the lines that are not documents instead of
/// failing on the first ([`scan_all`]).
pub(super) fn open_or_scan(
    path: &Path,
    index_dir: &Path,
    lenient: bool,
) -> Result<(IndexFile, BadLines)> {
    let stamp = stamp(path)?;
    if let Some(index) = IndexFile::open(&index_path(index_dir, &stamp.name), &stamp) {
        return Ok((index, BadLines::default()));
    }
    let old = old_index_path(index_dir, &stamp.name);
    if old.exists() {
        let converted = convert_old_index(path, &old, &stamp, index_dir);
        let _ = std::fs::remove_file(&old);
        if let Some(index) = converted {
            return Ok((index, BadLines::default()));
        }
    }
    if lenient {
        scan_all(path, &stamp, index_dir)
    } else {
        Ok((scan(path, &stamp, Some(index_dir))?, BadLines::default()))
    }
}

/// Reads the text index of earlier versions into a new index, if it was
/// made for this very file and describes it plausibly.
fn convert_old_index(
    corpus_file: &Path,
    old: &Path,
    stamp: &FileStamp,
    index_dir: &Path,
) -> Option<IndexFile> {
    let file = File::open(old).ok()?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    let mut next_line = |line: &mut String| -> Option<bool> {
        line.clear();
        let n = reader.read_line(line).ok()?;
        if line.ends_with('\n') {
            line.pop();
        }
        Some(n > 0)
    };
    if !next_line(&mut line)? || line != OLD_INDEX_HEADER {
        return None;
    }
    if !next_line(&mut line)? {
        return None;
    }
    let mut f = line.split('\t');
    let seen = match f.next()? {
        "F" => FileStamp {
            name: f.next()?.to_owned(),
            len: f.next()?.parse().ok()?,
            mtime_ns: f.next()?.parse().ok()?,
        },
        _ => return None,
    };
    if &seen != stamp {
        return None;
    }
    let mut builder = IndexBuilder::new(corpus_file, Some(index_dir)).ok()?;
    while next_line(&mut line)? {
        let mut f = line.split('\t');
        if f.next()? != "D" {
            return None;
        }
        let id = unescape(f.next()?);
        let (offset, len) = (f.next()?.parse().ok()?, f.next()?.parse().ok()?);
        let hash = f.next()?;
        let line_no = f.next()?.parse().ok()?;
        builder.push(&id, hash, offset, len, line_no).ok()?;
    }
    if !builder.plausible(stamp.len) {
        return None;
    }
    builder
        .finish(stamp, Some(&index_path(index_dir, &stamp.name)), None)
        .ok()
}

/// Reads `len` bytes at `offset` of `path`: one corpus line.
pub(super) fn read_line_at(path: &Path, offset: u64, len: u32) -> Result<Vec<u8>> {
    let mut f = fs_err::File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = vec![0u8; len as usize];
    f.read_exact(&mut buf)?;
    Ok(buf)
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}
