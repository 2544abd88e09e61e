//! spaCy's binary training format: a `.spacy` file is a `DocBin`
//! (`spacy/tokens/_serialize.py`), what `python -m spacy train` reads with
//! no conversion.
//!
//! The file is zlib over one msgpack map, written in spaCy's key order:
//!
//! | key | value |
//! |---|---|
//! | `version` | `"0.1"` |
//! | `attrs` | the attribute ids of the token columns: `ORTH`, `ENT_IOB`, `ENT_TYPE`, `SENT_START` |
//! | `tokens` | bytes: a `uint64` per attribute per token, token by token (numpy C order, little-endian) |
//! | `spaces` | bytes: one `bool` per token, whether a space follows it |
//! | `lengths` | bytes: one `int32` per document, its tokens |
//! | `strings` | every string a token column points to, sorted |
//! | `cats` | one map per document: each value of each label layer, `1.0` or `0.0` |
//! | `flags` | one `{"has_unknown_spaces": false}` per document |
//! | `span_groups` | one empty span group set (msgpack `[]`) per document |
//! | `user_data` | one msgpack `{"id": <document id>}` per document (`doc.user_data["id"]`) |
//!
//! Strings are stored as spaCy's `StringStore` numbers them
//! ([`string_id`]): a reserved symbol's small id, else MurmurHash64A of the
//! UTF-8 bytes with seed 1. The tokens are spaCy's (white space other than
//! one trailing space is a token of its own); `ENT_IOB` is 3 (`B`), 1 (`I`)
//! or 2 (`O`: a decided document's token outside the spans is known not to
//! be an entity), and 0 (missing) on every token of a document written by
//! `--include-unannotated` that nobody decided (whose `cats` is empty too);
//! `SENT_START` is 1 or -1 (as `uint64`), a sentence never starting inside
//! an entity.
//!
//! The documents' token columns, spaces, cats and ids go to temporary files
//! as they come, and the strings stay in memory (one copy of each). The
//! columns are staged compactly (a document's byte length, then per token
//! the string number of `ORTH` as a LEB128 varint, one byte of `ENT_IOB`
//! and `SENT_START`, and the string number of `ENT_TYPE` when there is one:
//! about 3 bytes a token instead of the 32 of the file) and widened back to
//! spaCy's `uint64` columns when the file is written. The file
//! itself is written by [`Writer::finish`], which streams them through
//! zlib (level 1: any level reads the same, and the default level took a
//! third of the export's time). The msgpack lengths come first, so nothing
//! can be written before the last document.
//!
//! A DocBin holds at most 4 GiB of token data (msgpack `bin32`): some 134
//! million tokens. A split with more tokens than one part may hold (that, or
//! `--spacy-part-tokens`) is written as a folder of the same name
//! (`train.spacy/`) of DocBins `part-00001.spacy`, `part-00002.spacy`, ...,
//! each of whole documents in export order, which `spacy train
//! --paths.train train.spacy` reads as one corpus (spaCy's `Corpus` walks a
//! folder for `.spacy` files and sorts them). The parts are written into a
//! temporary folder beside the split's path as each fills, so a part's
//! strings and columns leave memory and the temporary files when it is full.

mod symbols;

use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, Write};
use std::path::{Path, PathBuf};

use annot_model::atomic::TempDir;

use flate2::Compression;
use flate2::write::ZlibEncoder;
use rustc_hash::FxHashMap;

use super::{Example, Vocab, Writer, cats, sentence_starts, spacy_tokens, token_entities};

/// spaCy's attribute ids of the columns written (`spacy.attrs`), in DocBin
/// order: `ORTH` first, then the others sorted.
pub const ATTRS: [(&str, u64); 4] = [
    ("ORTH", 65),
    ("ENT_IOB", 77),
    ("ENT_TYPE", 78),
    ("SENT_START", 80),
];

/// spaCy's `ENT_IOB` values.
const IOB_MISSING: u64 = 0;
const IOB_I: u64 = 1;
const IOB_O: u64 = 2;
const IOB_B: u64 = 3;

/// Bytes of a token in a DocBin's `tokens`: a `uint64` per attribute.
const TOKEN_BYTES: u64 = 8 * ATTRS.len() as u64;

/// The most tokens one DocBin holds: its token data fits a msgpack `bin32`.
pub const MAX_PART_TOKENS: u64 = u32::MAX as u64 / TOKEN_BYTES;

/// `SENT_START` -1, as numpy's `uint64` holds it.
const NOT_SENT_START: u64 = u64::MAX;

/// MurmurHash64A (Austin Appleby's, 64-bit) of `bytes` with `seed`: what
/// spaCy's `hash_string` computes over UTF-8 with seed 1.
#[must_use]
pub fn murmurhash64a(bytes: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4_a793_5bd1_e995;
    const R: u32 = 47;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(M);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let mut k = u64::from_le_bytes(word);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let tail = chunks.remainder();
    if !tail.is_empty() {
        for (i, b) in tail.iter().enumerate() {
            h ^= u64::from(*b) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// spaCy's `hash_string`: MurmurHash64A of the UTF-8 bytes, seed 1.
#[must_use]
pub fn hash_string(s: &str) -> u64 {
    murmurhash64a(s.as_bytes(), 1)
}

/// The number spaCy's `StringStore.add` gives `s`, the one a DocBin stores:
/// 0 for the empty string, a reserved symbol's id, else [`hash_string`].
#[must_use]
pub fn string_id(s: &str) -> u64 {
    match symbols::SYMBOLS.binary_search_by(|(name, _)| name.as_bytes().cmp(s.as_bytes())) {
        Ok(i) => symbols::SYMBOLS[i].1,
        Err(_) => hash_string(s),
    }
}

/// The columns, spaces, cats and ids of the documents written so far.
struct Spill {
    tokens: BufWriter<File>,
    spaces: BufWriter<File>,
    cats: BufWriter<File>,
    user_data: BufWriter<File>,
}

impl Spill {
    fn new() -> io::Result<Self> {
        let file = || tempfile::tempfile().map(|f| BufWriter::with_capacity(1 << 16, f));
        Ok(Self {
            tokens: file()?,
            spaces: file()?,
            cats: file()?,
            user_data: file()?,
        })
    }
}

/// The documents of one DocBin being written.
#[derive(Default)]
struct DocBin {
    spill: Option<Spill>,
    lengths: Vec<u8>,
    documents: usize,
    tokens: u64,
    /// Every string met, one after the other, in the order met (sorted when
    /// written): one buffer, not an allocation a string, so that the strings
    /// of a long export do not pin the pages of its documents' passing
    /// allocations.
    text: String,
    /// Where each string ends in `text`, by number.
    ends: Vec<usize>,
    /// The number of the first string met of each FxHash.
    by_hash: FxHashMap<u64, u32>,
    /// The numbers of the strings whose FxHash an earlier string had.
    collided: FxHashMap<String, u32>,
    /// The id of each string (each hashed once), by number.
    ids: Vec<u64>,
    row: Vec<u8>,
}

impl DocBin {
    /// The number of `s` among the strings met.
    fn keep(&mut self, s: &str) -> u32 {
        let mut h = rustc_hash::FxHasher::default();
        std::hash::Hasher::write(&mut h, s.as_bytes());
        let hash = std::hash::Hasher::finish(&h);
        match self.by_hash.get(&hash) {
            Some(&n) if self.string(n) == s => n,
            Some(_) => match self.collided.get(s) {
                Some(&n) => n,
                None => {
                    let n = self.add(s);
                    self.collided.insert(s.to_owned(), n);
                    n
                }
            },
            None => {
                let n = self.add(s);
                self.by_hash.insert(hash, n);
                n
            }
        }
    }

    /// Adds a string not met before; its number.
    fn add(&mut self, s: &str) -> u32 {
        // Fewer strings than tokens, and a split's tokens fit a u32 (len32).
        let n = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.push(string_id(s));
        self.text.push_str(s);
        self.ends.push(self.text.len());
        n
    }

    /// String number `n`.
    fn string(&self, n: u32) -> &str {
        string_at(&self.text, &self.ends, n as usize)
    }
}

/// String number `n` of `text`, where the strings end at `ends`.
fn string_at<'a>(text: &'a str, ends: &[usize], n: usize) -> &'a str {
    let start = if n == 0 {
        Some(0)
    } else {
        ends.get(n - 1).copied()
    };
    start
        .zip(ends.get(n).copied())
        .and_then(|(a, b)| text.get(a..b))
        .unwrap_or_default()
}

/// A staged token's byte: `ENT_IOB` in bits 0-1, `SENT_START` 1 in bit 2,
/// an `ENT_TYPE` number following in bit 3.
const STAGED_SENT_START: u8 = 1 << 2;
const STAGED_KIND: u8 = 1 << 3;

fn push_varint(out: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn read_varint(bytes: &[u8], at: &mut usize) -> io::Result<u32> {
    let mut n = 0u32;
    for shift in (0..35).step_by(7) {
        let b = *bytes.get(*at).ok_or_else(bad_stage)?;
        *at += 1;
        n |= u32::from(b & 0x7F) << shift;
        if b & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err(bad_stage())
}

fn bad_stage() -> io::Error {
    io::Error::other(
        "the staged token columns of the spaCy writer do not read back (temporary file damaged?)",
    )
}

fn enc(e: rmp::encode::ValueWriteError) -> io::Error {
    match e {
        rmp::encode::ValueWriteError::InvalidMarkerWrite(e)
        | rmp::encode::ValueWriteError::InvalidDataWrite(e) => e,
    }
}

/// A msgpack length, or an error naming what is too large for spaCy's format.
fn len32(n: u64, what: &str) -> io::Result<u32> {
    u32::try_from(n).map_err(|_| {
        io::Error::other(format!(
            "{what} of one split is {n} bytes, more than the 4 GiB a DocBin can hold: split the export (--split) or select fewer documents (--filter)"
        ))
    })
}

/// Writes one split as a DocBin, or as a folder of DocBins when it has more
/// tokens than a part may hold (see the module's documentation).
pub(crate) struct SpacyWriter {
    bin: DocBin,
    /// Tokens a part may hold (a document longer than that is a part alone).
    part_tokens: u64,
    /// The folder the split's file goes into, where a folder of parts is made.
    beside: PathBuf,
    /// The parts written so far, and their number.
    folder: Option<(TempDir, usize)>,
}

impl SpacyWriter {
    /// A writer whose split is one DocBin up to `part_tokens` tokens (at most
    /// [`MAX_PART_TOKENS`], the default), a folder of parts in `beside` past it.
    pub(crate) fn new(part_tokens: Option<u64>, beside: &Path) -> Self {
        Self {
            bin: DocBin::default(),
            part_tokens: part_tokens
                .unwrap_or(MAX_PART_TOKENS)
                .clamp(1, MAX_PART_TOKENS),
            beside: beside.to_owned(),
            folder: None,
        }
    }

    /// Writes the documents so far as the next part of the folder.
    fn seal(&mut self) -> io::Result<()> {
        let bin = std::mem::take(&mut self.bin);
        if self.folder.is_none() {
            self.folder = Some((TempDir::new_in(&self.beside)?, 0));
        }
        let Some((dir, parts)) = self.folder.as_mut() else {
            return Err(io::Error::other("no folder of parts"));
        };
        *parts += 1;
        let path = dir.path().join(part_name(*parts));
        let mut out = BufWriter::with_capacity(1 << 16, fs_err::File::create(&path)?);
        bin.finish(&mut out)?;
        out.flush()
    }
}

/// The file name of part `n` (from 1) of a folder of parts: sorted by name,
/// the parts are in export order.
#[must_use]
pub fn part_name(n: usize) -> String {
    format!("part-{n:05}.spacy")
}

impl Writer for SpacyWriter {
    fn write(&mut self, ex: &Example<'_>, vocab: &Vocab, _out: &mut dyn Write) -> io::Result<()> {
        let (tokens, index) = spacy_tokens(ex);
        let n = tokens.len() as u64;
        if self.bin.documents > 0 && self.bin.tokens + n > self.part_tokens {
            self.seal()?;
        }
        self.bin.write(ex, vocab, &tokens, &index)
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.folder.is_some() {
            return self.seal();
        }
        std::mem::take(&mut self.bin).finish(out)
    }

    fn take_folder(&mut self) -> Option<(TempDir, usize)> {
        self.folder.take()
    }
}

impl DocBin {
    /// Adds one document, of `tokens` (spaCy's: [`spacy_tokens`]).
    fn write(
        &mut self,
        ex: &Example<'_>,
        vocab: &Vocab,
        tokens: &[super::SpacyToken<'_>],
        index: &[usize],
    ) -> io::Result<()> {
        if self.spill.is_none() {
            self.spill = Some(Spill::new()?);
        }
        let n = tokens.len();
        // A document past what one DocBin can hold is refused (one part
        // cannot hold it; a part is sealed before a document that passes it).
        len32((self.tokens + n as u64) * TOKEN_BYTES, "the token data")?;
        let mut iob = vec![if ex.decided { IOB_O } else { IOB_MISSING }; n];
        let mut kind: Vec<Option<u32>> = vec![None; n];
        for s in ex.spans {
            let (Some(&a), Some(&b)) = (index.get(s.token_start), index.get(s.token_end)) else {
                continue;
            };
            if iob[a..=b].iter().any(|&v| v == IOB_B || v == IOB_I) {
                continue;
            }
            let label = self.keep(&s.label);
            iob[a] = IOB_B;
            iob[a + 1..=b].fill(IOB_I);
            kind[a..=b].fill(Some(label));
        }
        let mut sent = vec![false; n];
        let ents = token_entities(ex);
        for (word, start) in sentence_starts(ex, &ents).into_iter().enumerate() {
            if start {
                sent[index[word]] = true;
            }
        }
        if let Some(first) = sent.first_mut() {
            *first = true;
        }
        let mut row = std::mem::take(&mut self.row);
        row.clear();
        let mut spaces = Vec::with_capacity(n);
        for (i, t) in tokens.iter().enumerate() {
            push_varint(&mut row, self.keep(t.text));
            let mut byte = iob[i] as u8;
            if sent[i] {
                byte |= STAGED_SENT_START;
            }
            if kind[i].is_some() {
                byte |= STAGED_KIND;
            }
            row.push(byte);
            if let Some(k) = kind[i] {
                push_varint(&mut row, k);
            }
            spaces.push(u8::from(t.ws));
        }
        self.row = row;
        let spill = self
            .spill
            .as_mut()
            .ok_or_else(|| io::Error::other("no spill"))?;
        let staged = len32(self.row.len() as u64, "a document's token data")?;
        spill.tokens.write_all(&staged.to_le_bytes())?;
        spill.tokens.write_all(&self.row)?;
        spill.spaces.write_all(&spaces)?;
        // A document nobody decided has unknown labels: no cats, not all 0.0.
        let cats = if ex.decided {
            cats(ex, vocab)
        } else {
            Vec::new()
        };
        rmp::encode::write_map_len(&mut spill.cats, len32(cats.len() as u64, "a map")?)
            .map_err(enc)?;
        for (k, on) in cats {
            rmp::encode::write_str(&mut spill.cats, &k).map_err(enc)?;
            rmp::encode::write_f64(&mut spill.cats, if on { 1.0 } else { 0.0 }).map_err(enc)?;
        }
        let mut user = Vec::with_capacity(ex.id.len() + 8);
        rmp::encode::write_map_len(&mut user, 1).map_err(enc)?;
        rmp::encode::write_str(&mut user, "id").map_err(enc)?;
        rmp::encode::write_str(&mut user, ex.id).map_err(enc)?;
        rmp::encode::write_bin(&mut spill.user_data, &user).map_err(enc)?;
        let len = i32::try_from(n).map_err(|_| io::Error::other("a document of 2^31 tokens"))?;
        self.lengths.extend_from_slice(&len.to_le_bytes());
        self.documents += 1;
        self.tokens += n as u64;
        Ok(())
    }

    /// Writes the DocBin to `out`.
    fn finish(mut self, out: &mut dyn Write) -> io::Result<()> {
        self.keep("");
        let (text, ends) = (&self.text, &self.ends);
        let mut strings: Vec<&str> = (0..ends.len()).map(|n| string_at(text, ends, n)).collect();
        strings.sort_unstable();
        let docs = len32(self.documents as u64, "the document count")?;
        let mut z = ZlibEncoder::new(out, Compression::fast());
        let w = &mut z;
        rmp::encode::write_map_len(w, 10).map_err(enc)?;
        rmp::encode::write_str(w, "version").map_err(enc)?;
        rmp::encode::write_str(w, "0.1").map_err(enc)?;
        rmp::encode::write_str(w, "attrs").map_err(enc)?;
        rmp::encode::write_array_len(w, ATTRS.len() as u32).map_err(enc)?;
        for (_, id) in ATTRS {
            rmp::encode::write_uint(w, id).map_err(enc)?;
        }
        let spill = self.spill.take();
        let (tokens, mut spaces, mut cats, mut user_data) = match spill {
            Some(s) => (
                Some(rewind(s.tokens)?),
                Some(rewind(s.spaces)?),
                Some(rewind(s.cats)?),
                Some(rewind(s.user_data)?),
            ),
            None => (None, None, None, None),
        };
        let token_bytes = self.tokens * TOKEN_BYTES;
        rmp::encode::write_str(w, "tokens").map_err(enc)?;
        rmp::encode::write_bin_len(w, len32(token_bytes, "the token data")?).map_err(enc)?;
        self.widen(tokens, w)?;
        rmp::encode::write_str(w, "spaces").map_err(enc)?;
        rmp::encode::write_bin_len(w, len32(self.tokens, "the space data")?).map_err(enc)?;
        copy(spaces.as_mut(), w)?;
        rmp::encode::write_str(w, "lengths").map_err(enc)?;
        rmp::encode::write_bin(w, &self.lengths).map_err(enc)?;
        rmp::encode::write_str(w, "strings").map_err(enc)?;
        rmp::encode::write_array_len(w, len32(strings.len() as u64, "the string list")?)
            .map_err(enc)?;
        for s in strings {
            rmp::encode::write_str(w, s).map_err(enc)?;
        }
        rmp::encode::write_str(w, "cats").map_err(enc)?;
        rmp::encode::write_array_len(w, docs).map_err(enc)?;
        copy(cats.as_mut(), w)?;
        rmp::encode::write_str(w, "flags").map_err(enc)?;
        rmp::encode::write_array_len(w, docs).map_err(enc)?;
        for _ in 0..docs {
            rmp::encode::write_map_len(w, 1).map_err(enc)?;
            rmp::encode::write_str(w, "has_unknown_spaces").map_err(enc)?;
            rmp::encode::write_bool(w, false)?;
        }
        rmp::encode::write_str(w, "span_groups").map_err(enc)?;
        rmp::encode::write_array_len(w, docs).map_err(enc)?;
        for _ in 0..docs {
            // An empty span group set: msgpack `[]`, as `doc.spans.to_bytes()` writes it.
            rmp::encode::write_bin(w, &[0x90]).map_err(enc)?;
        }
        rmp::encode::write_str(w, "user_data").map_err(enc)?;
        rmp::encode::write_array_len(w, docs).map_err(enc)?;
        copy(user_data.as_mut(), w)?;
        z.finish()?;
        Ok(())
    }
}

impl DocBin {
    /// Writes the staged token columns of every document as spaCy's
    /// `uint64` columns (`ORTH`, `ENT_IOB`, `ENT_TYPE`, `SENT_START`).
    fn widen(&self, staged: Option<File>, w: &mut dyn Write) -> io::Result<()> {
        let Some(file) = staged else {
            return Ok(());
        };
        let mut r = io::BufReader::with_capacity(1 << 16, file);
        let mut doc = Vec::new();
        let mut out = Vec::new();
        let id = |n: u32| self.ids.get(n as usize).copied().ok_or_else(bad_stage);
        for len in self.lengths.chunks_exact(4) {
            let tokens = i32::from_le_bytes([len[0], len[1], len[2], len[3]]);
            let mut size = [0u8; 4];
            r.read_exact(&mut size)?;
            doc.resize(u32::from_le_bytes(size) as usize, 0);
            r.read_exact(&mut doc)?;
            out.clear();
            let mut at = 0;
            for _ in 0..tokens {
                let orth = id(read_varint(&doc, &mut at)?)?;
                let byte = *doc.get(at).ok_or_else(bad_stage)?;
                at += 1;
                let kind = if byte & STAGED_KIND != 0 {
                    id(read_varint(&doc, &mut at)?)?
                } else {
                    0
                };
                let sent = if byte & STAGED_SENT_START != 0 {
                    1
                } else {
                    NOT_SENT_START
                };
                for v in [orth, u64::from(byte & 3), kind, sent] {
                    out.extend_from_slice(&v.to_le_bytes());
                }
            }
            w.write_all(&out)?;
        }
        Ok(())
    }
}

/// The spill file, flushed and back at its start.
fn rewind(w: BufWriter<File>) -> io::Result<File> {
    let mut f = w.into_inner().map_err(io::IntoInnerError::into_error)?;
    f.rewind()?;
    Ok(f)
}

fn copy(from: Option<&mut File>, to: &mut dyn Write) -> io::Result<()> {
    if let Some(f) = from {
        io::copy(f, to)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Format;
    use crate::writers::tests::{Owned, vocab};
    use crate::writers::writer;

    #[test]
    fn hashes_and_ids_are_spacys() {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../../fixtures/spacy_strings.json")).unwrap();
        for (name, id) in ATTRS {
            assert_eq!(fixture["attrs"][name], id, "{name}");
        }
        let strings = fixture["strings"].as_array().unwrap();
        assert!(strings.len() > 40);
        for s in strings {
            let text = s["string"].as_str().unwrap();
            assert_eq!(
                Some(hash_string(text)),
                s["hash_string"].as_u64(),
                "hash_string({text:?})"
            );
            assert_eq!(Some(string_id(text)), s["id"].as_u64(), "id of {text:?}");
        }
        assert!(
            symbols::SYMBOLS
                .windows(2)
                .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes()),
            "sorted for the binary search"
        );
    }

    fn decode(bytes: &[u8]) -> rmpv::Value {
        let mut raw = Vec::new();
        io::Read::read_to_end(&mut flate2::read::ZlibDecoder::new(bytes), &mut raw).unwrap();
        let mut slice = raw.as_slice();
        let v = rmpv::decode::read_value(&mut slice).unwrap();
        assert!(slice.is_empty(), "one msgpack value, nothing after it");
        v
    }

    fn get<'v>(map: &'v rmpv::Value, key: &str) -> &'v rmpv::Value {
        map.as_map()
            .unwrap()
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("no {key}"))
    }

    #[test]
    fn a_docbin_as_spacy_lays_it_out() {
        let o = Owned::new(
            "Le Hezbollah est là.\n\nM. Rami  Abdel parle.",
            &[(1, 1, "ORG"), (6, 7, "PER")],
        );
        let v = vocab();
        let mut w = writer(
            &Format::Spacy { part_tokens: None },
            std::path::Path::new("."),
        );
        let mut out = Vec::new();
        w.start(&v, &mut out).unwrap();
        w.write(&o.example(), &v, &mut out).unwrap();
        w.write(&o.example(), &v, &mut out).unwrap();
        assert!(out.is_empty(), "nothing before the last document");
        w.finish(&mut out).unwrap();
        let msg = decode(&out);
        let keys: Vec<&str> = msg
            .as_map()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str().unwrap())
            .collect();
        assert_eq!(
            keys,
            [
                "version",
                "attrs",
                "tokens",
                "spaces",
                "lengths",
                "strings",
                "cats",
                "flags",
                "span_groups",
                "user_data"
            ]
        );
        let attrs: Vec<u64> = get(&msg, "attrs")
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a.as_u64().unwrap())
            .collect();
        assert_eq!(attrs, [65, 77, 78, 80]);
        // Le Hezbollah est là . \n\n M. Rami " " Abdel parle .
        let words = [
            "Le",
            "Hezbollah",
            "est",
            "là",
            ".",
            "\n\n",
            "M.",
            "Rami",
            " ",
            "Abdel",
            "parle",
            ".",
        ];
        assert_eq!(
            get(&msg, "lengths").as_slice().unwrap(),
            [12, 0, 0, 0, 12, 0, 0, 0]
        );
        let spaces = get(&msg, "spaces").as_slice().unwrap();
        assert_eq!(&spaces[..12], [1, 1, 1, 0, 0, 0, 1, 1, 0, 1, 0, 0]);
        let cols: Vec<u64> = get(&msg, "tokens")
            .as_slice()
            .unwrap()
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert_eq!(cols.len(), 2 * 12 * 4);
        let rows: Vec<&[u64]> = cols.chunks_exact(4).take(12).collect();
        for (row, word) in rows.iter().zip(words) {
            assert_eq!(row[0], string_id(word), "{word:?}");
        }
        let iob: Vec<u64> = rows.iter().map(|r| r[1]).collect();
        assert_eq!(
            iob,
            [2, 3, 2, 2, 2, 2, 2, 3, 1, 1, 2, 2],
            "the gap is inside PER"
        );
        assert_eq!(rows[1][2], 383, "ORG is a spaCy symbol");
        assert_eq!(rows[9][2], hash_string("PER"));
        assert_eq!(rows[0][2], 0);
        let starts: Vec<usize> = (0..rows.len()).filter(|&i| rows[i][3] == 1).collect();
        assert_eq!(starts, [0, 6], "a sentence at M., none on white space");
        assert!(rows.iter().all(|r| r[3] == 1 || r[3] == u64::MAX));
        let strings: Vec<&str> = get(&msg, "strings")
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let mut want: Vec<&str> = words.to_vec();
        want.extend(["", "ORG", "PER"]);
        want.sort_unstable();
        want.dedup();
        assert_eq!(strings, want);
        let cats = get(&msg, "cats").as_array().unwrap();
        assert_eq!(cats.len(), 2);
        assert_eq!(get(&cats[0], "conflict").as_f64(), Some(1.0));
        assert_eq!(get(&cats[0], "economy").as_f64(), Some(0.0));
        let user = get(&msg, "user_data").as_array().unwrap();
        let mut id = user[1].as_slice().unwrap();
        assert_eq!(
            get(&rmpv::decode::read_value(&mut id).unwrap(), "id").as_str(),
            Some("d1")
        );
        assert_eq!(
            get(&msg, "span_groups").as_array().unwrap()[0].as_slice(),
            Some(&[0x90][..])
        );
    }

    #[test]
    fn a_document_nobody_decided_has_missing_entities_and_no_cats() {
        let o = Owned::new("Le Hezbollah est là.", &[]);
        let mut ex = o.example();
        ex.decided = false;
        let v = vocab();
        let mut w = writer(
            &Format::Spacy { part_tokens: None },
            std::path::Path::new("."),
        );
        let mut out = Vec::new();
        w.write(&ex, &v, &mut out).unwrap();
        w.finish(&mut out).unwrap();
        let msg = decode(&out);
        let cols: Vec<u64> = get(&msg, "tokens")
            .as_slice()
            .unwrap()
            .chunks_exact(8)
            .map(|c| u64::from_le_bytes(c.try_into().unwrap()))
            .collect();
        assert!(cols.chunks_exact(4).all(|r| r[1] == 0), "ENT_IOB missing");
        let cats = get(&msg, "cats").as_array().unwrap();
        assert_eq!(cats[0].as_map().map(Vec::len), Some(0));
    }

    #[test]
    fn a_split_past_what_a_docbin_holds_is_refused_at_the_document_that_passes_it() {
        let o = Owned::new("Le Hezbollah est là.", &[]);
        let ex = o.example();
        let v = vocab();
        let mut out = Vec::new();
        let (tokens, index) = spacy_tokens(&ex);
        // One token short of the limit: a document of several tokens passes it.
        let mut bin = DocBin {
            tokens: MAX_PART_TOKENS - 1,
            ..DocBin::default()
        };
        let err = bin.write(&ex, &v, &tokens, &index).unwrap_err().to_string();
        assert!(
            err.contains("the token data of one split") && err.contains("4 GiB"),
            "{err}"
        );
        assert_eq!(bin.documents, 0, "nothing staged for the refused document");
        // Below it, the same document is taken.
        let mut bin = DocBin::default();
        bin.write(&ex, &v, &tokens, &index).unwrap();
        assert_eq!(bin.documents, 1);
        // The writer starts a new part before a document that would pass it.
        let dir = tempfile::tempdir().unwrap();
        let mut w = SpacyWriter::new(None, dir.path());
        w.bin.tokens = MAX_PART_TOKENS - 1;
        w.bin.documents = 1;
        w.bin.lengths = vec![0; 4];
        w.write(&ex, &v, &mut out).unwrap();
        assert_eq!((w.bin.documents, w.bin.tokens), (1, tokens.len() as u64));
        assert!(w.folder.as_ref().is_some_and(|(_, n)| *n == 1));
    }

    #[test]
    fn a_split_past_its_part_size_is_a_folder_of_docbins_of_whole_documents() {
        // Documents of 5 tokens, parts of at most 8: one document a part.
        let o = Owned::new("Le Hezbollah est là.", &[(1, 1, "ORG")]);
        let long = Owned::new("Le Hezbollah est là. Il parle.", &[]);
        let v = vocab();
        let dir = tempfile::tempdir().unwrap();
        let mut w = writer(
            &Format::Spacy {
                part_tokens: Some(8),
            },
            dir.path(),
        );
        let mut out = Vec::new();
        for ex in [o.example(), long.example(), o.example()] {
            w.write(&ex, &v, &mut out).unwrap();
        }
        w.finish(&mut out).unwrap();
        assert!(out.is_empty(), "the split's file gets nothing");
        let (folder, parts) = w.take_folder().expect("a folder of parts");
        assert_eq!(parts, 3);
        assert_eq!(
            folder.path().parent(),
            Some(dir.path()),
            "made beside the split's file"
        );
        let mut names: Vec<String> = fs_err::read_dir(folder.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [part_name(1), part_name(2), part_name(3)]);
        assert_eq!(part_name(1), "part-00001.spacy");
        let lengths: Vec<Vec<u8>> = names
            .iter()
            .map(|n| {
                let msg = decode(&fs_err::read(folder.path().join(n)).unwrap());
                let strings = get(&msg, "strings").as_array().unwrap();
                assert!(strings.iter().any(|s| s.as_str() == Some("Hezbollah")));
                get(&msg, "lengths").as_slice().unwrap().to_vec()
            })
            .collect();
        // One document each, of 5, 8 and 5 tokens (a document longer than a
        // part is a part alone, never cut).
        assert_eq!(
            lengths,
            [5i32, 8, 5].map(|n| n.to_le_bytes().to_vec()).to_vec()
        );
        // Under the part size, one file as before.
        let mut w = writer(
            &Format::Spacy {
                part_tokens: Some(100),
            },
            dir.path(),
        );
        let mut out = Vec::new();
        w.write(&o.example(), &v, &mut out).unwrap();
        w.finish(&mut out).unwrap();
        assert!(w.take_folder().is_none());
        assert_eq!(
            get(&decode(&out), "lengths").as_slice().map(<[u8]>::len),
            Some(4)
        );
    }

    #[test]
    fn an_empty_split_is_a_docbin_of_no_documents() {
        let mut w = writer(
            &Format::Spacy { part_tokens: None },
            std::path::Path::new("."),
        );
        let mut out = Vec::new();
        w.finish(&mut out).unwrap();
        let msg = decode(&out);
        assert_eq!(get(&msg, "tokens").as_slice(), Some(&[][..]));
        assert_eq!(get(&msg, "cats").as_array().map(Vec::len), Some(0));
        assert_eq!(get(&msg, "strings").as_array().map(Vec::len), Some(1));
    }
}
