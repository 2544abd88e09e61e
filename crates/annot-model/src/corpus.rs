//! The corpus of a project: `corpus/*.jsonl`, read through an offset index.
//!
//! Texts are never all loaded at once. The index maps each document id to its
//! file, byte offset and length, plus the text digest. It is cached per corpus
//! file in `.annot/index/<file>.tsv`, written by [`CorpusWriter`] as it writes
//! the file (so the first start after an import reads no text either), and a
//! file is scanned again only when its size or modification time differs from
//! what its cache recorded.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::UNIX_EPOCH;

use serde::Deserialize;

use crate::document::Document;
use crate::error::{ModelError, Result};

/// Sub-directory of the cache directory with one index file per corpus file.
const INDEX_DIR: &str = "index";
/// The single index file of earlier versions, removed when found.
const OLD_INDEX_FILE: &str = "index.tsv";
const INDEX_HEADER: &str = "# annot corpus file index v2";

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

#[derive(Deserialize)]
struct IdAndHash {
    id: String,
    hash: String,
}

#[derive(Debug, PartialEq)]
struct FileStamp {
    name: String,
    len: u64,
    mtime_ns: u128,
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

/// Splits entries into the current version of each document and older versions.
///
/// A later corpus file may hold a new version of a document (an import with
/// `--update`); it supersedes the earlier one, which stays as history so records
/// made on it can be re-anchored. The same id twice in one file is an error.
fn split_versions(entries: Vec<Entry>, files: &[PathBuf]) -> Result<(Vec<Entry>, Vec<Entry>)> {
    let mut keyed: Vec<(u64, u32)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (id_key(&e.id), i as u32))
        .collect();
    keyed.sort_unstable();
    let mut superseded = vec![false; entries.len()];
    for pair in keyed.windows(2) {
        let (ia, ib) = (pair[0].1 as usize, pair[1].1 as usize);
        let (a, b) = (&entries[ia], &entries[ib]);
        if pair[0].0 != pair[1].0 || a.id != b.id {
            continue;
        }
        // Same key sorts by index, so `a` is the earlier line.
        if a.file == b.file {
            return Err(ModelError::Line {
                path: files[b.file as usize].clone(),
                line: b.line as usize,
                message: format!(
                    "document id '{}' is already used at line {} of the same file; ids must be unique, remove one of them",
                    b.id, a.line
                ),
            });
        }
        superseded[ia] = true;
    }
    if !superseded.contains(&true) {
        return Ok((entries, Vec::new()));
    }
    let (mut current, mut history) = (Vec::new(), Vec::new());
    for (e, old) in entries.into_iter().zip(superseded) {
        if old {
            history.push(e)
        } else {
            current.push(e)
        }
    }
    Ok((current, history))
}

fn id_key(id: &str) -> u64 {
    let mut h = DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}

/// Parses and checks one corpus line.
///
/// # Errors
/// Bad JSON, or a document whose hash or zones do not fit its text, with file and line.
pub fn parse_document(line: &[u8], path: &Path, line_no: usize) -> Result<Document> {
    let doc: Document = serde_json::from_slice(line).map_err(|e| ModelError::Line {
        path: path.to_owned(),
        line: line_no,
        message: format!("not a document: {e}"),
    })?;
    doc.check().map_err(|message| ModelError::Line {
        path: path.to_owned(),
        line: line_no,
        message,
    })?;
    Ok(doc)
}

/// The `.jsonl` files of a corpus directory, sorted by name.
///
/// # Errors
/// An unreadable directory.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in fs_err::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "jsonl") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// A temporary file in the corpus directory that no running process is writing:
/// what a killed or crashed import leaves (up to the size of the whole import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbandonedFile {
    /// The file, `corpus/.annot-tmp-*`.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The temporary files (`.annot-tmp-*`) in corpus directory `dir` that were
/// left by an import that never finished, sorted by path. A file that a
/// running import is writing is not listed (it holds a lock on the file).
///
/// `annot check` reports these; [`remove_abandoned_temp_files`] removes them.
///
/// # Errors
/// An unreadable directory.
pub fn abandoned_temp_files(dir: &Path) -> Result<Vec<AbandonedFile>> {
    Ok(find_abandoned(dir)?
        .into_iter()
        .map(|(file, _lock)| file)
        .collect())
}

/// Removes the files [`abandoned_temp_files`] lists and returns them.
///
/// Each file stays locked while it is removed, so a process cannot start
/// writing it meanwhile.
///
/// # Errors
/// An unreadable directory, or a file that cannot be removed.
pub fn remove_abandoned_temp_files(dir: &Path) -> Result<Vec<AbandonedFile>> {
    let found = find_abandoned(dir)?;
    let mut removed = Vec::with_capacity(found.len());
    for (file, lock) in found {
        fs_err::remove_file(&file.path)?;
        drop(lock);
        removed.push(file);
    }
    if !removed.is_empty() {
        crate::atomic::sync_dir(dir)?;
    }
    Ok(removed)
}

fn find_abandoned(dir: &Path) -> Result<Vec<(AbandonedFile, std::fs::File)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in fs_err::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if !name
            .to_string_lossy()
            .starts_with(crate::atomic::TEMP_PREFIX)
            || !entry.file_type().is_ok_and(|t| t.is_file())
        {
            continue;
        }
        let path = entry.path();
        // A file gone since the listing was committed or removed by its owner.
        let Ok(Some(lock)) = crate::atomic::is_abandoned(&path) else {
            continue;
        };
        let bytes = lock.metadata().map_or(0, |m| m.len());
        out.push((AbandonedFile { path, bytes }, lock));
    }
    out.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    Ok(out)
}

/// Writes a new corpus file `corpus/<stem>-NNNN.jsonl` atomically and returns its path.
///
/// # Errors
/// I/O errors, naming the file.
pub fn write_corpus_file<'a>(
    dir: &Path,
    stem: &str,
    docs: impl IntoIterator<Item = &'a Document>,
) -> Result<Option<PathBuf>> {
    let mut w = CorpusWriter::create(dir, stem)?;
    for doc in docs {
        w.push(doc)?;
    }
    w.finish()
}

/// Streams documents into a new corpus file `corpus/<stem>-NNNN.jsonl`.
///
/// Nothing appears in the corpus until [`CorpusWriter::finish`]: an import that
/// fails or is interrupted leaves the corpus as it was. With
/// [`CorpusWriter::with_index`] the writer also leaves the file's index in the
/// cache, so that the next [`Corpus::open`] need not read the new file.
#[derive(Debug)]
pub struct CorpusWriter {
    file: crate::atomic::AtomicFile,
    dir: PathBuf,
    stem: String,
    offset: u64,
    lines: Vec<IndexLine>,
    index_dir: Option<PathBuf>,
    buf: Vec<u8>,
}

impl CorpusWriter {
    /// Starts writing a new `<stem>-NNNN.jsonl` in `dir` (the next free number
    /// when it is finished: an existing corpus file is never replaced).
    ///
    /// # Errors
    /// When the directory or the temporary file cannot be created.
    pub fn create(dir: &Path, stem: &str) -> Result<Self> {
        fs_err::create_dir_all(dir)?;
        let path = next_free_name(dir, stem, 1);
        Ok(Self {
            file: crate::atomic::AtomicFile::create(&path)?,
            dir: dir.to_owned(),
            stem: stem.to_owned(),
            offset: 0,
            lines: Vec::new(),
            index_dir: None,
            buf: Vec::new(),
        })
    }

    /// Also writes the index of the new file into the cache directory `cache_dir`
    /// (the one given to [`Corpus::open`]) when finishing.
    #[must_use]
    pub fn with_index(mut self, cache_dir: &Path) -> Self {
        self.index_dir = Some(cache_dir.join(INDEX_DIR));
        self
    }

    /// Fsyncs the file every second while it is written (for imports that
    /// write hundreds of megabytes), so that [`CorpusWriter::finish`] does not
    /// wait for the whole file to reach the disk.
    ///
    /// # Errors
    /// When the file handle cannot be duplicated.
    pub fn sync_in_background(mut self) -> Result<Self> {
        self.file = self
            .file
            .sync_in_background(std::time::Duration::from_secs(1))?;
        Ok(self)
    }

    /// Appends one document line.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn push(&mut self, doc: &Document) -> Result<()> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        crate::document::write_json(&mut buf, doc).map_err(std::io::Error::from)?;
        let pushed = self.push_line(&doc.id, &doc.hash, &buf);
        self.buf = buf;
        pushed
    }

    /// Appends a document already serialised as one JSON line (no newline), for
    /// callers that serialise on other threads. `id` and `hash` must be the
    /// document's.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn push_line(&mut self, id: &str, hash: &str, json: &[u8]) -> Result<()> {
        use std::io::Write as _;
        let path = self.file.path().to_owned();
        let line_no = u32::try_from(self.lines.len() + 1).unwrap_or(u32::MAX);
        let len = u32::try_from(json.len()).map_err(|_| line_too_long(&path, line_no as usize))?;
        self.file.write_all(json)?;
        self.file.write_all(b"\n")?;
        self.lines.push(IndexLine {
            id: id.to_owned(),
            offset: self.offset,
            len,
            hash: hash.to_owned(),
            line: line_no,
        });
        self.offset += u64::from(len) + 1;
        Ok(())
    }

    /// Documents written so far.
    #[must_use]
    pub fn count(&self) -> usize {
        self.lines.len()
    }

    /// Renames the file into place and returns its path, or writes nothing when
    /// no document was pushed.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn finish(self) -> Result<Option<PathBuf>> {
        if self.lines.is_empty() {
            return Ok(None);
        }
        // The name picked at creation may have been taken since (by a process
        // that does not take the import lock): never replace a corpus file,
        // take the next free number instead.
        let (dir, stem) = (&self.dir, &self.stem);
        let path = self.file.commit_new(|taken| {
            let n = number_of(taken, stem).unwrap_or(0);
            next_free_name(dir, stem, n + 1)
        })?;
        if let Some(index_dir) = &self.index_dir {
            // The cache is an optimisation: the corpus file is in place, whatever happens here.
            if let Ok(stamp) = stamp(&path) {
                let _ = write_index(&index_path(index_dir, &stamp.name), &stamp, &self.lines);
            }
        }
        Ok(Some(path))
    }
}

/// The first `<stem>-NNNN.jsonl` in `dir` from number `from` on that does not exist.
fn next_free_name(dir: &Path, stem: &str, from: u32) -> PathBuf {
    let mut n = from.max(1);
    loop {
        let p = dir.join(format!("{stem}-{n:04}.jsonl"));
        if !p.exists() {
            return p;
        }
        n += 1;
    }
}

/// NNNN of a `<stem>-NNNN.jsonl` path.
fn number_of(path: &Path, stem: &str) -> Option<u32> {
    let name = path.file_name()?.to_str()?;
    name.strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".jsonl")?
        .parse()
        .ok()
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

fn trim_newline(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn stamp(path: &Path) -> Result<FileStamp> {
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

/// One document line of a corpus file, as its index records it.
#[derive(Debug, Clone, PartialEq)]
struct IndexLine {
    id: String,
    offset: u64,
    len: u32,
    hash: String,
    line: u32,
}

impl IndexLine {
    fn entry(self, file: u32) -> Entry {
        Entry {
            id: self.id,
            file,
            offset: self.offset,
            len: self.len,
            hash: self.hash,
            line: self.line,
        }
    }
}

fn index_path(index_dir: &Path, file_name: &str) -> PathBuf {
    index_dir.join(format!("{file_name}.tsv"))
}

fn line_too_long(path: &Path, line: usize) -> ModelError {
    ModelError::Line {
        path: path.to_owned(),
        line,
        message: "document line longer than 4 GiB".into(),
    }
}

/// Reads the id and digest of every line of a corpus file.
fn scan(path: &Path) -> Result<Vec<IndexLine>> {
    let mut lines = Vec::new();
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
            let head: IdAndHash = serde_json::from_slice(line).map_err(|e| ModelError::Line {
                path: path.to_owned(),
                line: line_no as usize,
                message: format!(
                    "not a document (each line needs \"id\", \"text\" and \"hash\"): {e}"
                ),
            })?;
            lines.push(IndexLine {
                id: head.id,
                offset,
                len: u32::try_from(line.len())
                    .map_err(|_| line_too_long(path, line_no as usize))?,
                hash: head.hash,
                line: line_no,
            });
        }
        offset += n as u64;
    }
    Ok(lines)
}

/// The cached index of one corpus file, if it was made for this very file.
/// Reads `len` bytes at `offset` of `path`: one corpus line.
fn read_line_at(path: &Path, offset: u64, len: u32) -> Result<Vec<u8>> {
    let mut f = fs_err::File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = vec![0u8; len as usize];
    f.read_exact(&mut buf)?;
    Ok(buf)
}

/// Whether cached index lines can describe a file of `file_len` bytes: in
/// order, not overlapping, the last one ending at the end of the file. A cache
/// that fails this is rebuilt instead of being trusted.
fn plausible(lines: &[IndexLine], file_len: u64) -> bool {
    let mut end = 0u64;
    for l in lines {
        if l.offset < end {
            return false;
        }
        end = l.offset + u64::from(l.len);
    }
    end <= file_len && file_len - end <= 2
}

fn read_index(path: &Path, stamp: &FileStamp) -> Option<Vec<IndexLine>> {
    // Streamed through one reused line buffer: a million-document index is
    // never held as one string.
    let file = std::fs::File::open(path).ok()?;
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
    if !next_line(&mut line)? || line != INDEX_HEADER {
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
    let mut out = Vec::new();
    while next_line(&mut line)? {
        let mut f = line.split('\t');
        if f.next()? != "D" {
            return None;
        }
        out.push(IndexLine {
            id: unescape(f.next()?),
            offset: f.next()?.parse().ok()?,
            len: f.next()?.parse().ok()?,
            hash: f.next()?.to_owned(),
            line: f.next()?.parse().ok()?,
        });
    }
    Some(out)
}

fn write_index(path: &Path, stamp: &FileStamp, lines: &[IndexLine]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        fs_err::create_dir_all(dir)?;
    }
    crate::atomic::write_atomic(path, |w| {
        writeln!(w, "{INDEX_HEADER}")?;
        writeln!(w, "F\t{}\t{}\t{}", stamp.name, stamp.len, stamp.mtime_ns)?;
        for l in lines {
            writeln!(
                w,
                "D\t{}\t{}\t{}\t{}\t{}",
                escape(&l.id),
                l.offset,
                l.len,
                l.hash,
                l.line
            )?;
        }
        Ok(())
    })
}

fn escape(id: &str) -> String {
    id.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
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

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(id: &str, text: &str) -> Document {
        Document::new(id, text)
    }

    #[test]
    fn index_fetch_and_cache() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let cache = dir.path().join(".annot");
        let docs = [
            doc("a\tb", "Été à Paris"),
            doc("b", "Second 😀"),
            doc("c", "third"),
        ];
        write_corpus_file(&corpus, "import", &docs[..2]).unwrap();
        write_corpus_file(&corpus, "import", &docs[2..]).unwrap();
        let c = Corpus::open(&corpus, &cache).unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c.get("b").unwrap(), docs[1]);
        assert_eq!(c.get("a\tb").unwrap(), docs[0]);
        assert!(
            cache
                .join(INDEX_DIR)
                .join("import-0001.jsonl.tsv")
                .is_file()
        );
        // Second open reads the cache and gives the same answers.
        let c2 = Corpus::open(&corpus, &cache).unwrap();
        assert_eq!(c2.get("c").unwrap(), docs[2]);
        assert_eq!(c2.id_with_hash(&docs[2].hash), Some("c"));
        let all: Vec<_> = c2.iter().map(Result::unwrap).collect();
        assert_eq!(all, docs);
        assert!(matches!(
            c2.get("zzz"),
            Err(ModelError::UnknownDocument { .. })
        ));
    }

    #[test]
    fn writer_leaves_the_index_a_scan_would_make() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let cache = dir.path().join(".annot");
        let mut w = CorpusWriter::create(&corpus, "import")
            .unwrap()
            .with_index(&cache);
        w.push(&doc("é\tà", "Été 😀\nligne")).unwrap();
        let json = serde_json::to_vec(&doc("b", "second")).unwrap();
        w.push_line("b", &doc("b", "second").hash, &json).unwrap();
        let path = w.finish().unwrap().unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let cached = read_index(
            &index_path(&cache.join(INDEX_DIR), &name),
            &stamp(&path).unwrap(),
        );
        assert_eq!(cached.unwrap(), scan(&path).unwrap());
        let c = Corpus::open(&corpus, &cache).unwrap();
        assert_eq!(c.get("b").unwrap(), doc("b", "second"));
        assert_eq!(c.get("é\tà").unwrap().text, "Été 😀\nligne");

        // A corpus file changed behind the cache's back is scanned again.
        let extra = serde_json::to_string(&doc("c", "third")).unwrap();
        let mut f = fs_err::OpenOptions::new().append(true).open(&path).unwrap();
        std::io::Write::write_all(&mut f, format!("{extra}\n").as_bytes()).unwrap();
        drop(f);
        let c = Corpus::open(&corpus, &cache).unwrap();
        assert_eq!(c.len(), 3);
        assert_eq!(c.get("c").unwrap().text, "third");
    }

    #[test]
    fn writers_started_together_never_replace_each_other() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let mut a = CorpusWriter::create(&corpus, "import").unwrap();
        let mut b = CorpusWriter::create(&corpus, "import").unwrap();
        a.push(&doc("a", "from a")).unwrap();
        b.push(&doc("b", "from b")).unwrap();
        let pa = a.finish().unwrap().unwrap();
        let pb = b.finish().unwrap().unwrap();
        assert_ne!(pa, pb);
        assert!(pb.ends_with("import-0002.jsonl"), "{}", pb.display());
        let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
        assert_eq!(c.len(), 2);
    }

    #[test]
    fn abandoned_temp_files_are_found_and_live_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let mut live = CorpusWriter::create(&corpus, "import").unwrap();
        live.push(&doc("a", "being written")).unwrap();
        let dead = corpus.join(".annot-tmp-dead");
        fs_err::write(&dead, "half a line").unwrap();
        let found = abandoned_temp_files(&corpus).unwrap();
        assert_eq!(
            found,
            [AbandonedFile {
                path: dead.clone(),
                bytes: 11
            }]
        );
        assert_eq!(remove_abandoned_temp_files(&corpus).unwrap(), found);
        assert!(!dead.exists());
        assert!(abandoned_temp_files(&corpus).unwrap().is_empty());
        assert!(
            live.finish().unwrap().is_some(),
            "the live one is untouched"
        );
    }

    #[test]
    fn bad_line_named_and_duplicate_ids_refused() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        fs_err::create_dir_all(&corpus).unwrap();
        let good = serde_json::to_string(&doc("a", "x")).unwrap();
        fs_err::write(corpus.join("x.jsonl"), format!("{good}\n{{oops\n")).unwrap();
        let err = Corpus::open(&corpus, &dir.path().join("c"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("x.jsonl:2"), "{err}");
        fs_err::write(corpus.join("x.jsonl"), format!("{good}\n{good}\n")).unwrap();
        let err = Corpus::open(&corpus, &dir.path().join("c"))
            .unwrap_err()
            .to_string();
        assert!(err.contains("'a' is already used"), "{err}");
    }

    #[test]
    fn later_file_supersedes_and_keeps_history() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = dir.path().join("corpus");
        let old = doc("a", "Version une.");
        write_corpus_file(&corpus, "import", [&old, &doc("b", "B")]).unwrap();
        let new = doc("a", "Version deux, corrigée.");
        write_corpus_file(&corpus, "import", [&new]).unwrap();
        let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.get("a").unwrap(), new);
        assert_eq!(c.version("a", &old.hash).unwrap(), Some(old));
        assert_eq!(c.version("a", "nope").unwrap(), None);
        let ids: Vec<_> = c.iter().map(|d| d.unwrap().id).collect();
        assert_eq!(ids, ["b", "a"], "iteration yields current versions only");
    }
}
