//! Writing a new corpus file, atomically, with its index.

use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::Result;

use super::index::{INDEX_DIR, IndexBuilder, index_path, line_too_long, stamp};

/// The stem of the corpus files an import writes, `import-NNNN.jsonl`: their
/// numbers are the order of the imports (see [`super::version`]).
pub const IMPORT_STEM: &str = "import";

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
    count: usize,
    /// The index of the file being written (records and ids on disk as they
    /// come: a few bytes of memory a document), when asked for.
    index: Option<(PathBuf, IndexBuilder)>,
    buf: Vec<u8>,
}

impl CorpusWriter {
    /// Starts writing a new `<stem>-NNNN.jsonl` in `dir`, numbered after every
    /// file of that stem there (the next free number when it is finished: an
    /// existing corpus file is never replaced; a number freed by a removed
    /// file is not taken again, so that the numbers stay the import order).
    ///
    /// # Errors
    /// When the directory or the temporary file cannot be created.
    pub fn create(dir: &Path, stem: &str) -> Result<Self> {
        fs_err::create_dir_all(dir)?;
        let path = next_free_name(dir, stem, last_number(dir, stem)?.saturating_add(1));
        Ok(Self {
            file: crate::atomic::AtomicFile::create(&path)?,
            dir: dir.to_owned(),
            stem: stem.to_owned(),
            offset: 0,
            count: 0,
            index: None,
            buf: Vec::new(),
        })
    }

    /// Also writes the index of the new file into the cache directory `cache_dir`
    /// (the one given to [`Corpus::open`]) when finishing.
    #[must_use]
    pub fn with_index(mut self, cache_dir: &Path) -> Self {
        let dir = cache_dir.join(INDEX_DIR);
        // The cache is an optimisation: without it, the next open scans the file.
        self.index = IndexBuilder::new(self.file.path(), Some(&dir))
            .ok()
            .map(|b| (dir, b));
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
        // Plain serde_json: a hand-written escaping of the text was 1.5x as
        // fast on its own but saved only ~2.3% of the wall time (~4.5% of the
        // CPU) of an import of 20,000 articles, so it went (figures in
        // annot-import's benches/article.rs).
        serde_json::to_writer(&mut buf, doc).map_err(std::io::Error::from)?;
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
        let line_no = u32::try_from(self.count + 1).unwrap_or(u32::MAX);
        let len = u32::try_from(json.len()).map_err(|_| line_too_long(&path, line_no as usize))?;
        self.file.write_all(json)?;
        self.file.write_all(b"\n")?;
        if let Some((_, index)) = &mut self.index
            && index.push(id, hash, self.offset, len, line_no).is_err()
        {
            self.index = None;
        }
        self.count += 1;
        self.offset += u64::from(len) + 1;
        Ok(())
    }

    /// Documents written so far.
    #[must_use]
    pub fn count(&self) -> usize {
        self.count
    }

    /// Renames the file into place and returns its path, or writes nothing when
    /// no document was pushed.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn finish(self) -> Result<Option<PathBuf>> {
        if self.count == 0 {
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
        if let Some((index_dir, index)) = self.index {
            // The cache is an optimisation: the corpus file is in place, whatever happens here.
            if let Ok(stamp) = stamp(&path) {
                let _ = index.finish(&stamp, Some(&index_path(&index_dir, &stamp.name)), None);
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

/// The highest NNNN of the `<stem>-NNNN.jsonl` files in `dir` (0 when none).
fn last_number(dir: &Path, stem: &str) -> Result<u32> {
    let mut last = 0;
    for entry in fs_err::read_dir(dir)? {
        if let Some(n) = number_of(&entry?.path(), stem) {
            last = last.max(n);
        }
    }
    Ok(last)
}

/// NNNN of a `<stem>-NNNN.jsonl` path.
pub(super) fn number_of(path: &Path, stem: &str) -> Option<u32> {
    let name = path.file_name()?.to_str()?;
    let n = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".jsonl")?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}
