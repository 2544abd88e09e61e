//! Writing a new corpus file, atomically, with its index.

use std::path::{Path, PathBuf};

use crate::document::{Document, ZoneSpan};
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

    /// Fsyncs the file every tenth of a second while it is written, so that
    /// [`CorpusWriter::finish`] waits for the last tenth only, not for the
    /// whole file to reach the disk (with a sync a second, an import of
    /// 10,000 generated pages, 60 MB written in 0.4 s, waited for all of it
    /// at the end: 0.385 s median against 0.378 s, and 1.054 s against
    /// 1.020 s at 30,000 pages).
    ///
    /// # Errors
    /// When the file handle cannot be duplicated.
    pub fn sync_in_background(mut self) -> Result<Self> {
        self.file = self
            .file
            .sync_in_background(std::time::Duration::from_millis(100))?;
        Ok(self)
    }

    /// Appends one document line.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn push(&mut self, doc: &Document) -> Result<()> {
        let mut buf = std::mem::take(&mut self.buf);
        buf.clear();
        write_document(&mut buf, doc)?;
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

/// `doc` as one JSON line (without the newline), byte for byte what
/// `serde_json::to_writer` writes for it, with the text, the bulk of the
/// line, escaped by [`write_json_str`]: serde_json's escaping looks at one
/// byte at a time, and was a tenth of the instructions of an import of
/// generated pages (callgrind, 1,000 pages). The zones are written by
/// [`write_zones`] (serde_json's took some 10,000 instructions a document
/// of ten zones); the metadata, small, by serde_json.
fn write_document(buf: &mut Vec<u8>, doc: &Document) -> Result<()> {
    let Document {
        id,
        text,
        hash,
        meta,
        zones,
    } = doc;
    buf.extend_from_slice(b"{\"id\":");
    write_json_str(buf, id);
    buf.extend_from_slice(b",\"text\":");
    write_json_str(buf, text);
    buf.extend_from_slice(b",\"hash\":");
    write_json_str(buf, hash);
    buf.extend_from_slice(b",\"meta\":");
    json(buf, meta)?;
    buf.extend_from_slice(b",\"zones\":");
    write_zones(buf, zones);
    buf.push(b'}');
    Ok(())
}

/// `zones` as serde_json writes them: `[{"start":0,"end":12,"zone":"title"},...]`.
fn write_zones(buf: &mut Vec<u8>, zones: &[ZoneSpan]) {
    buf.push(b'[');
    for (i, z) in zones.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"start\":");
        write_usize(buf, z.start);
        buf.extend_from_slice(b",\"end\":");
        write_usize(buf, z.end);
        buf.extend_from_slice(b",\"zone\":");
        write_json_str(buf, z.zone.as_str());
        buf.push(b'}');
    }
    buf.push(b']');
}

/// `n` in decimal, as serde_json writes an integer.
fn write_usize(buf: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[at..]);
}

/// `value` as serde_json writes it.
fn json<T: serde::Serialize + ?Sized>(buf: &mut Vec<u8>, value: &T) -> Result<()> {
    serde_json::to_writer(buf, value).map_err(std::io::Error::from)?;
    Ok(())
}

/// How serde_json escapes each byte of a string: 0 for none, `u` for
/// `\u00XX`, else the letter after the backslash.
const ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = b'u';
        b += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// Whether any byte of `block` is below 0x20, `"` or `\\`: a loop of a
/// fixed length over comparisons, which the compiler turns into a few vector
/// instructions.
fn needs_escape(block: &[u8; 16]) -> bool {
    let mut any = false;
    for &b in block {
        any |= (b < 0x20) | (b == b'"') | (b == b'\\');
    }
    any
}

/// The high bit of each byte of `x` below 0x20, `"` or `\\`, and of none
/// below the lowest such byte (the borrow tests for a byte below a bound
/// and for a zero byte: above a byte that has one, a borrow may set more);
/// 0 when no byte needs escaping.
fn escape_marks(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    let quote = x ^ (ONES * u64::from(b'"'));
    let backslash = x ^ (ONES * u64::from(b'\\'));
    (x.wrapping_sub(ONES * 0x20) & !x
        | quote.wrapping_sub(ONES) & !quote
        | backslash.wrapping_sub(ONES) & !backslash)
        & HIGH
}

/// Where in `block` (which has one, [`needs_escape`]) the first byte that
/// needs escaping is; 0 if the marks find none (the bytes are then tried
/// one at a time).
fn first_escape(block: &[u8; 16]) -> usize {
    let (low, high) = block.split_at(8);
    let word = |half: &[u8]| {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(half);
        u64::from_le_bytes(eight)
    };
    match (escape_marks(word(low)), escape_marks(word(high))) {
        (0, 0) => 0,
        (0, m) => 8 + (m.trailing_zeros() / 8) as usize,
        (m, _) => (m.trailing_zeros() / 8) as usize,
    }
}

/// `s` as a JSON string, exactly as serde_json writes it (`"`, `\\` and
/// control characters escaped, `\n` and the like in their short forms,
/// everything else as it is), looking at sixteen bytes at a time where none
/// needs escaping.
fn write_json_str(out: &mut Vec<u8>, s: &str) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        if let Some(block) = bytes[i..].first_chunk::<16>() {
            if !needs_escape(block) {
                i += 16;
                continue;
            }
            // The first byte of the block that needs escaping, from the
            // marks of its two words (the lowest mark of a word is exact):
            // the bytes before it are not tried one at a time, each with
            // the block from it.
            i += first_escape(block);
        }
        let b = bytes[i];
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            i += 1;
            continue;
        }
        out.extend_from_slice(&bytes[start..i]);
        if escape == b'u' {
            out.extend_from_slice(b"\\u00");
            out.push(HEX[usize::from(b >> 4)]);
            out.push(HEX[usize::from(b & 0xf)]);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
        i += 1;
        start = i;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serde(s: &str) -> Vec<u8> {
        serde_json::to_vec(s).expect("a string serialises")
    }

    fn ours(s: &str) -> Vec<u8> {
        let mut out = Vec::new();
        write_json_str(&mut out, s);
        out
    }

    #[test]
    fn every_ascii_byte_escapes_as_serde_json_does() {
        for b in 0u8..128 {
            let c = char::from(b);
            // Alone, inside a run of eight and more, and at every offset of a chunk.
            for pad in 0..10 {
                let s = format!("{}{c}{}", "a".repeat(pad), "é".repeat(pad));
                assert_eq!(ours(&s), serde(&s), "{s:?}");
            }
        }
    }

    proptest::proptest! {
        /// The lowest mark of a word is its first byte that needs escaping.
        #[test]
        fn the_lowest_mark_is_the_first_escape(
            bytes in proptest::array::uniform8(proptest::prop_oneof![
                proptest::prelude::any::<u8>(),
                proptest::prelude::Just(b'"'),
                proptest::prelude::Just(b'\\'),
                0u8..0x21,
                0x80u8..0xA0,
            ])
        ) {
            let first = bytes.iter().position(|&b| b < 0x20 || b == b'"' || b == b'\\');
            let marks = escape_marks(u64::from_le_bytes(bytes));
            proptest::prop_assert_eq!(first.is_some(), marks != 0);
            if let Some(at) = first {
                proptest::prop_assert_eq!(marks.trailing_zeros() / 8, at as u32);
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn strings_escape_as_serde_json_does(s in "[ -~\\x00-\\x1f\\x7fé’\u{a0}\u{1F600}\"\\\\\n]{0,64}") {
            proptest::prop_assert_eq!(ours(&s), serde(&s));
        }

        #[test]
        fn documents_write_as_serde_json_does(
            id in "[a-z\"\\\\0-9]{1,8}",
            text in "[ -~\\x00-\\x1fé\n]{0,80}",
            title in proptest::option::of("[ -~\n]{0,12}"),
            zones in proptest::collection::vec(
                (0usize..1 << 40, 0usize..20_000, "title|lede|meta|body|boilerplate|x\"y\\\\z|é\n"),
                0..5,
            ),
        ) {
            let mut doc = Document::new(id, text);
            doc.meta.title = title;
            doc.meta.lang = Some("fr".to_owned());
            doc.meta.extra.insert("x\"y".to_owned(), serde_json::json!({"a": [1, "\n"]}));
            doc.zones.push(crate::document::ZoneSpan {
                start: 0,
                end: doc.text.chars().count(),
                zone: crate::zone::Zone::Body,
            });
            for (start, end, name) in &zones {
                doc.zones.push(crate::document::ZoneSpan {
                    start: *start,
                    end: *end,
                    zone: crate::zone::Zone::new(name.as_str().into()),
                });
            }
            let mut buf = Vec::new();
            write_document(&mut buf, &doc).expect("a document serialises");
            proptest::prop_assert_eq!(buf, serde_json::to_vec(&doc).expect("a document serialises"));
        }
    }
}
