//! The corpus of a project: `corpus/*.jsonl`, read through an offset index.
//!
//! Texts are never all loaded at once, and neither are ids. The index of
//! each corpus file (`.annot/index/<file>.idx`, see [`index`]) maps each
//! document id to its line, byte offset and length, plus the text digest; it
//! is read by positioned reads, so opening a corpus of a million documents
//! holds a few hundred kilobytes. [`CorpusWriter`] writes a file's index as it
//! writes the file (so the first start after an import reads no text), and a
//! file is scanned again only when its size or modification time differs from
//! what its index recorded.

mod files;
mod index;
#[cfg(test)]
mod tests;
mod version;
mod writer;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::document::Document;
use crate::error::{ModelError, Result};

pub use files::{
    AbandonedFile, UnreadFile, abandoned_temp_files, corpus_files, parse_document,
    remove_abandoned_temp_files, unread_files,
};
pub use writer::{CorpusWriter, IMPORT_STEM, write_corpus_file};

pub use index::INDEX_DIR;
use index::{IndexFile, OLD_INDEX_FILE, digest_bytes, open_or_scan, read_line_at, scan, stamp};
use version::{import_ranks, is_recorded_import, superseded};

/// Where one document's line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: String,
    /// Index into [`Corpus::files`].
    pub file: u32,
    /// Byte offset of the line.
    pub offset: u64,
    /// Length of the line in bytes, without the newline.
    pub len: u32,
    /// Text digest.
    pub hash: String,
    /// 1-based line number in its file.
    pub line: u32,
}

/// A corpus line that is not a document, as [`Corpus::open_lenient`] lists them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadLine {
    pub path: PathBuf,
    /// 1-based; 0 for what is said of the file as a whole.
    pub line: usize,
    pub message: String,
}

/// One id with two texts in two corpus files that no `annot import` wrote
/// (two parts of a cluster import): not a new version but two documents
/// under one id. Only the second is current (see [`version`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdClash {
    pub id: String,
    /// Each line (file, 1-based line number), the current one last.
    pub lines: [(PathBuf, usize); 2],
}

/// One corpus file of a corpus, and where its documents are in corpus order.
#[derive(Debug)]
struct Part {
    index: IndexFile,
    /// Corpus position of its first current document.
    base: usize,
    /// Its lines (record numbers, sorted) that a file imported later holds a
    /// new version of.
    superseded: Vec<u32>,
    /// Line numbers of its lines that are not documents (sorted), left out
    /// of the index by a lenient open.
    skipped: Vec<u32>,
}

impl Part {
    /// Current documents of this file.
    fn current(&self) -> usize {
        self.index.len() as usize - self.superseded.len()
    }

    /// The record number of the `j`th current document of this file.
    fn local_of(&self, j: usize) -> u32 {
        // `s[k] - k` current records come before superseded record `s[k]`
        // (non-decreasing in k): the ones before the `j`th current record
        // are those with `s[k] - k <= j`.
        let s = &self.superseded;
        let (mut lo, mut hi) = (0, s.len());
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if s[mid] as usize - mid <= j {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        (j + lo) as u32
    }

    /// The corpus position of record `local` (a current one).
    fn position_of(&self, local: u32) -> usize {
        self.base + local as usize - self.superseded.partition_point(|&s| s < local)
    }

    fn is_superseded(&self, local: u32) -> bool {
        self.superseded.binary_search(&local).is_ok()
    }
}

/// The documents of a project, indexed by id.
#[derive(Debug)]
pub struct Corpus {
    dir: PathBuf,
    /// Where the per-file index caches are (`.annot/index/`).
    index_dir: PathBuf,
    files: Vec<PathBuf>,
    parts: Vec<Part>,
    /// File numbers, the one imported last first: where to look for the
    /// current version of an id.
    latest_first: Vec<usize>,
    len: usize,
    clashes: Vec<IdClash>,
    bad_lines: Vec<BadLine>,
    /// (first 8 bytes of the text digest, corpus position), sorted; built on
    /// first use (only imports need it).
    by_hash: OnceLock<Result<Vec<(u64, u32)>>>,
}

impl Corpus {
    /// Opens the corpus in `dir`, using or rebuilding the index cached in `cache_dir`.
    ///
    /// # Errors
    /// Unreadable files, a line that is not a document (file and line named), or
    /// an id that two lines of one file share.
    pub fn open(dir: &Path, cache_dir: &Path) -> Result<Self> {
        Self::open_with(dir, cache_dir, false)
    }

    /// [`Corpus::open`], but a line that is not a document, or whose id
    /// another line of its file has, is listed in [`Corpus::bad_lines`]
    /// instead of failing the open (`annot check` reports them all); lines
    /// that are not documents are left out.
    ///
    /// # Errors
    /// Unreadable files.
    pub fn open_lenient(dir: &Path, cache_dir: &Path) -> Result<Self> {
        Self::open_with(dir, cache_dir, true)
    }

    fn open_with(dir: &Path, cache_dir: &Path, lenient: bool) -> Result<Self> {
        let files = corpus_files(dir)?;
        let index_dir = cache_dir.join(INDEX_DIR);
        let _ = std::fs::remove_file(cache_dir.join(OLD_INDEX_FILE));
        let mut indexes = Vec::with_capacity(files.len());
        let mut skipped = Vec::with_capacity(files.len());
        let mut bad_lines = Vec::new();
        for path in &files {
            let (index, bad) = open_or_scan(path, &index_dir, lenient)?;
            indexes.push(index);
            skipped.push(bad.skipped);
            bad_lines.extend(bad.errors);
            if bad.unlisted > 0 {
                bad_lines.push(BadLine {
                    path: path.clone(),
                    line: 0,
                    message: format!(
                        "{} more line(s) that are not documents, not listed",
                        bad.unlisted
                    ),
                });
            }
        }
        let rank = import_ranks(&files);
        let recorded: Vec<bool> = files.iter().map(|f| is_recorded_import(f)).collect();
        let versions = superseded(&indexes, &rank, &recorded)?;
        let mut latest_first: Vec<usize> = (0..files.len()).collect();
        latest_first.sort_unstable_by_key(|&fi| std::cmp::Reverse(rank[fi]));
        let clashes = versions
            .clashes
            .into_iter()
            .map(|(id, pair)| IdClash {
                id,
                lines: pair.map(|(fi, rec)| (files[fi].clone(), rec.line as usize)),
            })
            .collect();
        let mut parts = Vec::with_capacity(indexes.len());
        let mut base = 0;
        for ((index, superseded), skipped) in
            indexes.into_iter().zip(versions.superseded).zip(skipped)
        {
            let part = Part {
                index,
                base,
                superseded,
                skipped,
            };
            base += part.current();
            parts.push(part);
        }
        Ok(Self {
            dir: dir.to_owned(),
            index_dir,
            files,
            parts,
            latest_first,
            len: base,
            clashes,
            bad_lines,
            by_hash: OnceLock::new(),
        })
    }

    /// Ids with two texts in two corpus files that no import wrote (see [`IdClash`]).
    #[must_use]
    pub fn clashes(&self) -> &[IdClash] {
        &self.clashes
    }

    /// The lines [`Corpus::open_lenient`] found bad (none after [`Corpus::open`]).
    #[must_use]
    pub fn bad_lines(&self) -> &[BadLine] {
        &self.bad_lines
    }

    /// An earlier version of document `id` whose text had digest `hash`, if the corpus kept it.
    ///
    /// # Errors
    /// An unreadable corpus file.
    pub fn version(&self, id: &str, hash: &str) -> Result<Option<Document>> {
        // The current version first, then earlier imports, latest first.
        for &fi in &self.latest_first {
            if let Some((_, rec)) = self.parts[fi].index.find(id)?
                && rec.has_hash(hash)
            {
                return self
                    .read_entry(&rec.entry(id.to_owned(), fi as u32))
                    .map(Some);
            }
        }
        Ok(None)
    }

    /// Earlier versions kept in the corpus (superseded by a later import with `--update`).
    ///
    /// # Errors
    /// An unreadable index.
    pub fn history(&self) -> Result<Vec<Entry>> {
        let mut out = Vec::new();
        for (fi, part) in self.parts.iter().enumerate() {
            for &local in &part.superseded {
                out.push(part.index.entry(local, fi as u32)?);
            }
        }
        Ok(out)
    }

    /// Number of documents.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the corpus has no documents.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The corpus directory.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The corpus files, in reading order.
    #[must_use]
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// Index entries in corpus order (file order, then line order), read
    /// from the index files as the iteration goes.
    pub fn entries(&self) -> impl Iterator<Item = Result<Entry>> + '_ {
        self.parts.iter().enumerate().flat_map(|(fi, part)| {
            let mut local = 0u32;
            part.index.records().filter_map(move |r| {
                let this = local;
                local += 1;
                match r {
                    Ok(_) if part.is_superseded(this) => None,
                    Ok((rec, id)) => Some(Ok(rec.entry(id, fi as u32))),
                    Err(e) => Some(Err(e)),
                }
            })
        })
    }

    /// The entry of the document at `position` in corpus order.
    ///
    /// # Errors
    /// [`ModelError::UnknownDocument`] past the end; an unreadable index.
    pub fn entry_at(&self, position: usize) -> Result<Entry> {
        let fi = self.parts.partition_point(|p| p.base <= position);
        let part = fi
            .checked_sub(1)
            .map(|fi| (fi, &self.parts[fi]))
            .filter(|(_, p)| position - p.base < p.current());
        let Some((fi, part)) = part else {
            return Err(ModelError::UnknownDocument {
                id: format!("#{}", position + 1),
            });
        };
        part.index
            .entry(part.local_of(position - part.base), fi as u32)
    }

    /// The id of the document at `position` in corpus order.
    ///
    /// # Errors
    /// As [`Corpus::entry_at`].
    pub fn id_at(&self, position: usize) -> Result<String> {
        self.entry_at(position).map(|e| e.id)
    }

    /// Where the current version of `id` is: file number, record number, record.
    fn locate(&self, id: &str) -> Result<Option<(usize, u32, index::Rec)>> {
        // The file imported last holds the current version: search from it.
        for &fi in &self.latest_first {
            if let Some((local, rec)) = self.parts[fi].index.find(id)? {
                return Ok(Some((fi, local, rec)));
            }
        }
        Ok(None)
    }

    /// The entry of document `id`. An index that cannot be read (a disk
    /// error after opening) reads as no entry; [`Corpus::get`] says why.
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<Entry> {
        self.try_entry(id).ok().flatten()
    }

    /// The entry of document `id`.
    ///
    /// # Errors
    /// An unreadable index.
    pub fn try_entry(&self, id: &str) -> Result<Option<Entry>> {
        Ok(self
            .locate(id)?
            .map(|(fi, _, rec)| rec.entry(id.to_owned(), fi as u32)))
    }

    /// Position of document `id` in corpus order.
    #[must_use]
    pub fn position(&self, id: &str) -> Option<usize> {
        self.locate(id)
            .ok()
            .flatten()
            .map(|(fi, local, _)| self.parts[fi].position_of(local))
    }

    /// The id of a document whose text has this digest, if any.
    #[must_use]
    pub fn id_with_hash(&self, hash: &str) -> Option<String> {
        let digest = digest_bytes(hash)?;
        let by_hash = self
            .by_hash
            .get_or_init(|| self.digest_table())
            .as_ref()
            .ok()?;
        let key = digest_key(&digest);
        let first = by_hash.partition_point(|&(k, _)| k < key);
        by_hash[first..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .filter_map(|&(_, pos)| self.entry_at(pos as usize).ok())
            .find(|e| e.hash == hash)
            .map(|e| e.id)
    }

    /// (digest key, position) of every current document, sorted: 16 bytes a document.
    fn digest_table(&self) -> Result<Vec<(u64, u32)>> {
        let mut out = Vec::with_capacity(self.len);
        let mut pos = 0u32;
        for part in &self.parts {
            for (local, d) in part.index.digests().enumerate() {
                let d = d?;
                if part.is_superseded(local as u32) {
                    continue;
                }
                if let Some(d) = d {
                    out.push((digest_key(&d), pos));
                }
                pos += 1;
            }
        }
        out.sort_unstable();
        Ok(out)
    }

    /// Position of the document whose id is `id`, or the only one whose id starts with it.
    ///
    /// # Errors
    /// [`ModelError::UnknownDocument`] when no id starts with it,
    /// [`ModelError::AmbiguousId`] (naming up to five) when several do.
    pub fn find(&self, id: &str) -> Result<usize> {
        if let Some((fi, local, _)) = self.locate(id)? {
            return Ok(self.parts[fi].position_of(local));
        }
        let mut matches: Vec<(usize, String)> = Vec::new();
        if !id.is_empty() {
            for (i, e) in self.entries().enumerate() {
                let e = e?;
                if e.id.starts_with(id) {
                    matches.push((i, e.id));
                    if matches.len() == 6 {
                        break;
                    }
                }
            }
        }
        match &matches[..] {
            [(one, _)] => Ok(*one),
            [] => Err(ModelError::UnknownDocument { id: id.to_owned() }),
            _ => Err(ModelError::AmbiguousId {
                prefix: id.to_owned(),
                more: matches.len() > 5,
                ids: matches.into_iter().take(5).map(|(_, id)| id).collect(),
            }),
        }
    }

    /// Reads one document by id, checking it against its digest.
    ///
    /// # Errors
    /// Unknown id, unreadable file, or a line that no longer parses or matches its hash.
    pub fn get(&self, id: &str) -> Result<Document> {
        let entry = self
            .try_entry(id)?
            .ok_or_else(|| ModelError::UnknownDocument { id: id.to_owned() })?;
        self.read_entry(&entry)
    }

    /// Reads the document at `position` in corpus order.
    ///
    /// # Errors
    /// As [`Corpus::get`].
    pub fn get_at(&self, position: usize) -> Result<Document> {
        self.read_entry(&self.entry_at(position)?)
    }

    /// Reads the document of an index entry.
    ///
    /// # Errors
    /// As [`Corpus::get`].
    pub fn read_entry(&self, entry: &Entry) -> Result<Document> {
        let path = &self.files[entry.file as usize];
        let first = read_line_at(path, entry.offset, entry.len)
            .and_then(|buf| parse_document(&buf, path, entry.line as usize));
        match first {
            Ok(doc) if doc.id == entry.id && doc.hash == entry.hash => Ok(doc),
            first => self.reread_entry(entry, first),
        }
    }

    /// The index cache did not match the file at `entry` (a cache left stale
    /// by a change the file's size and time did not show): scan the file
    /// again, rewrite its cache, and read the document where it really is. A
    /// line that is bad where the fresh scan also puts it is the file's fault.
    fn reread_entry(&self, entry: &Entry, first: Result<Document>) -> Result<Document> {
        let path = &self.files[entry.file as usize];
        let fresh = scan(path, &stamp(path)?, Some(&self.index_dir))?;
        let found = fresh
            .find(&entry.id)?
            .filter(|(_, rec)| rec.hash() == entry.hash);
        let Some((_, rec)) = found else {
            return Err(ModelError::Line {
                path: path.clone(),
                line: entry.line as usize,
                message: format!(
                    "document '{}' is no longer in this file (it changed while annot was running); run the command again",
                    entry.id
                ),
            });
        };
        if rec.offset == entry.offset && rec.len == entry.len {
            return first;
        }
        let buf = read_line_at(path, rec.offset, rec.len)?;
        parse_document(&buf, path, rec.line as usize)
    }

    /// Streams every document in corpus order, one file at a time.
    pub fn iter(&self) -> impl Iterator<Item = Result<Document>> + '_ {
        self.files
            .iter()
            .zip(&self.parts)
            .flat_map(move |(path, part)| {
                let mut lines = DocLines::open(path);
                let mut local = 0u32;
                std::iter::from_fn(move || lines.next()).filter_map(move |(line, doc)| {
                    // Lines a lenient open left out are not records.
                    if u32::try_from(line).is_ok_and(|l| part.skipped.binary_search(&l).is_ok()) {
                        return None;
                    }
                    // Skip superseded versions: the current one of that id was imported later.
                    let this = local;
                    local += 1;
                    (!part.is_superseded(this)).then_some(doc)
                })
            })
    }
}

/// The key of a digest in the digest table.
fn digest_key(d: &[u8; 16]) -> u64 {
    let mut k = [0u8; 8];
    k.copy_from_slice(&d[..8]);
    u64::from_be_bytes(k)
}

struct DocLines {
    path: PathBuf,
    reader: Option<BufReader<fs_err::File>>,
    line: usize,
    buf: Vec<u8>,
    failed: Option<ModelError>,
}

impl DocLines {
    fn open(path: &Path) -> Self {
        match fs_err::File::open(path) {
            Ok(f) => Self {
                path: path.to_owned(),
                reader: Some(BufReader::with_capacity(1 << 16, f)),
                line: 0,
                buf: Vec::new(),
                failed: None,
            },
            Err(e) => Self {
                path: path.to_owned(),
                reader: None,
                line: 0,
                buf: Vec::new(),
                failed: Some(e.into()),
            },
        }
    }
}

impl Iterator for DocLines {
    /// The line number and the document.
    type Item = (usize, Result<Document>);

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.failed.take() {
            return Some((0, Err(e)));
        }
        let reader = self.reader.as_mut()?;
        loop {
            self.buf.clear();
            match reader.read_until(b'\n', &mut self.buf) {
                Ok(0) => {
                    self.reader = None;
                    return None;
                }
                Ok(_) => {
                    self.line += 1;
                    let line = trim_newline(&self.buf);
                    if line.iter().all(u8::is_ascii_whitespace) {
                        continue;
                    }
                    return Some((self.line, parse_document(line, &self.path, self.line)));
                }
                Err(e) => {
                    self.reader = None;
                    return Some((0, Err(e.into())));
                }
            }
        }
    }
}

pub(super) fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}
