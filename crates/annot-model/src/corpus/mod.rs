//! The corpus of a project: `corpus/*.jsonl`, read through an offset index.
//!
//! Texts are never all loaded at once. The index maps each document id to its
//! file, byte offset and length, plus the text digest. It is cached per corpus
//! file in `.annot/index/<file>.tsv`, written by [`CorpusWriter`] as it writes
//! the file (so the first start after an import reads no text either), and a
//! file is scanned again only when its size or modification time differs from
//! what its cache recorded.

mod files;
mod index;
#[cfg(test)]
mod tests;
mod version;
mod writer;

use std::collections::HashMap;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::document::Document;
use crate::error::{ModelError, Result};

pub use files::{
    AbandonedFile, abandoned_temp_files, corpus_files, parse_document, remove_abandoned_temp_files,
};
pub use writer::{CorpusWriter, write_corpus_file};

pub use index::INDEX_DIR;
use index::{
    OLD_INDEX_FILE, index_path, plausible, read_index, read_line_at, scan, stamp, write_index,
};
use version::{id_key, split_versions};

/// Where one document's line is.
#[derive(Debug, Clone)]
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

/// The documents of a project, indexed by id.
#[derive(Debug)]
pub struct Corpus {
    dir: PathBuf,
    /// Where the per-file index caches are (`.annot/index/`).
    index_dir: PathBuf,
    files: Vec<PathBuf>,
    entries: Vec<Entry>,
    /// Superseded versions of documents, oldest first.
    history: Vec<Entry>,
    /// (hash of id, entry index), sorted: a compact id lookup that costs no string copies.
    by_id: Vec<(u64, u32)>,
    /// Text digest -> entry index, built on first use (only imports need it).
    by_hash: OnceLock<HashMap<String, usize>>,
}

impl Corpus {
    /// Opens the corpus in `dir`, using or rebuilding the index cached in `cache_dir`.
    ///
    /// # Errors
    /// Unreadable files, a line that is not a document (file and line named), or
    /// an id that two lines share.
    pub fn open(dir: &Path, cache_dir: &Path) -> Result<Self> {
        let files = corpus_files(dir)?;
        let index_dir = cache_dir.join(INDEX_DIR);
        let _ = std::fs::remove_file(cache_dir.join(OLD_INDEX_FILE));
        let mut entries = Vec::new();
        for (fi, path) in files.iter().enumerate() {
            let fi = u32::try_from(fi).unwrap_or(u32::MAX);
            let stamp = stamp(path)?;
            let cache = index_path(&index_dir, &stamp.name);
            let lines = match read_index(&cache, &stamp).filter(|l| plausible(l, stamp.len)) {
                Some(lines) => lines,
                None => {
                    let lines = scan(path)?;
                    // The cache is an optimisation: failing to write it is not an error.
                    let _ = write_index(&cache, &stamp, &lines);
                    lines
                }
            };
            entries.extend(lines.into_iter().map(|l| l.entry(fi)));
        }
        let (entries, history) = split_versions(entries, &files)?;
        let mut by_id: Vec<(u64, u32)> = entries
            .iter()
            .enumerate()
            .map(|(i, e)| (id_key(&e.id), i as u32))
            .collect();
        by_id.sort_unstable();
        Ok(Self {
            dir: dir.to_owned(),
            index_dir,
            files,
            entries,
            history,
            by_id,
            by_hash: OnceLock::new(),
        })
    }

    /// An earlier version of document `id` whose text had digest `hash`, if the corpus kept it.
    ///
    /// # Errors
    /// An unreadable corpus file.
    pub fn version(&self, id: &str, hash: &str) -> Result<Option<Document>> {
        if let Some(e) = self.entry(id).filter(|e| e.hash == hash) {
            return self.read_entry(e).map(Some);
        }
        match self
            .history
            .iter()
            .rev()
            .find(|e| e.id == id && e.hash == hash)
        {
            Some(e) => self.read_entry(e).map(Some),
            None => Ok(None),
        }
    }

    /// Earlier versions kept in the corpus (superseded by a later import with `--update`).
    #[must_use]
    pub fn history(&self) -> &[Entry] {
        &self.history
    }

    /// Number of documents.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the corpus has no documents.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
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

    /// Index entries in corpus order (file order, then line order).
    #[must_use]
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry of document `id`.
    #[must_use]
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.position(id).map(|i| &self.entries[i])
    }

    /// Position of document `id` in corpus order.
    #[must_use]
    pub fn position(&self, id: &str) -> Option<usize> {
        let key = id_key(id);
        let first = self.by_id.partition_point(|&(k, _)| k < key);
        self.by_id[first..]
            .iter()
            .take_while(|&&(k, _)| k == key)
            .map(|&(_, i)| i as usize)
            .find(|&i| self.entries[i].id == id)
    }

    /// The id of a document whose text has this digest, if any.
    #[must_use]
    pub fn id_with_hash(&self, hash: &str) -> Option<&str> {
        let by_hash = self.by_hash.get_or_init(|| {
            let mut m = HashMap::with_capacity(self.entries.len());
            for (i, e) in self.entries.iter().enumerate() {
                m.entry(e.hash.clone()).or_insert(i);
            }
            m
        });
        by_hash.get(hash).map(|&i| self.entries[i].id.as_str())
    }

    /// Position of the document whose id is `id`, or the only one whose id starts with it.
    ///
    /// # Errors
    /// [`ModelError::UnknownDocument`] when no id starts with it,
    /// [`ModelError::AmbiguousId`] (naming up to five) when several do.
    pub fn find(&self, id: &str) -> Result<usize> {
        if let Some(i) = self.position(id) {
            return Ok(i);
        }
        let matches: Vec<usize> = self
            .entries
            .iter()
            .enumerate()
            .filter(|(_, e)| !id.is_empty() && e.id.starts_with(id))
            .map(|(i, _)| i)
            .take(6)
            .collect();
        match matches[..] {
            [one] => Ok(one),
            [] => Err(ModelError::UnknownDocument { id: id.to_owned() }),
            _ => Err(ModelError::AmbiguousId {
                prefix: id.to_owned(),
                ids: matches
                    .iter()
                    .take(5)
                    .map(|&i| self.entries[i].id.clone())
                    .collect(),
                more: matches.len() > 5,
            }),
        }
    }

    /// Reads one document by id, checking it against its digest.
    ///
    /// # Errors
    /// Unknown id, unreadable file, or a line that no longer parses or matches its hash.
    pub fn get(&self, id: &str) -> Result<Document> {
        let entry = self
            .entry(id)
            .ok_or_else(|| ModelError::UnknownDocument { id: id.to_owned() })?;
        self.read_entry(entry)
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
        let lines = scan(path)?;
        if let Ok(stamp) = stamp(path) {
            // The cache is an optimisation: failing to write it is not an error.
            let _ = write_index(&index_path(&self.index_dir, &stamp.name), &stamp, &lines);
        }
        let Some(l) = lines
            .iter()
            .find(|l| l.id == entry.id && l.hash == entry.hash)
        else {
            return Err(ModelError::Line {
                path: path.clone(),
                line: entry.line as usize,
                message: format!(
                    "document '{}' is no longer in this file (it changed while annot was running); run the command again",
                    entry.id
                ),
            });
        };
        if l.offset == entry.offset && l.len == entry.len {
            return first;
        }
        let buf = read_line_at(path, l.offset, l.len)?;
        parse_document(&buf, path, l.line as usize)
    }

    /// Streams every document in corpus order, one file at a time.
    pub fn iter(&self) -> impl Iterator<Item = Result<Document>> + '_ {
        let has_history = !self.history.is_empty();
        self.files.iter().enumerate().flat_map(move |(fi, path)| {
            let mut lines = DocLines::open(path);
            std::iter::from_fn(move || lines.next().map(|item| (lines.line, item))).filter_map(
                move |(line, item)| {
                    // Skip superseded versions: the current one of that id lives at another line.
                    let current = match &item {
                        Ok(doc) if has_history => self
                            .entry(&doc.id)
                            .is_some_and(|e| e.file as usize == fi && e.line as usize == line),
                        _ => true,
                    };
                    current.then_some(item)
                },
            )
        })
    }
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
    type Item = Result<Document>;

    fn next(&mut self) -> Option<Self::Item> {
        if let Some(e) = self.failed.take() {
            return Some(Err(e));
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
                    return Some(parse_document(line, &self.path, self.line));
                }
                Err(e) => {
                    self.reader = None;
                    return Some(Err(e.into()));
                }
            }
        }
    }
}

pub(super) fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}
