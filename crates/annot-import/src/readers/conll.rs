//! CoNLL: one token a line, its tag in the last column (or `--tag-column`),
//! a blank line between sentences, `-DOCSTART-` lines between documents.
//!
//! Columns are split on tabs when the line holds one (a token may then hold
//! spaces), else on runs of white space: CoNLL-2003's four columns
//! (`token POS chunk NER`) and two-column `token tag` files read alike. Tags
//! are `O` or a prefix and a label (`B-PER`); the scheme (IOB1, IOB2, BIOES,
//! BILOU) is the one given, else told from the tags: `E-`/`S-` say BIOES,
//! `L-`/`U-` BILOU, an `I-` that begins an entity IOB1 unless a `B-` also
//! begins one after `O` (then the file is IOB2 and those `I-` are stray). A
//! tag that breaks the scheme is reported with its line and read as
//! conlleval reads it (`I-PER` after `O` begins an entity, `B-` never ended
//! by `E-` ends at the last token of its label).
//!
//! The text is rebuilt from the tokens: one space between the tokens of a
//! sentence, a newline between sentences. With `--align-to-corpus` the
//! tokens are found instead, in order, in the text of a document already in
//! the project (white space between them ignored, text the file does not
//! hold, such as the zones an export left out, skipped), and the spans land
//! on that text.
//!
//! A document's id is what its `-DOCSTART-` line names besides `-X-` and
//! tags (`-DOCSTART- (dépêche-12)`), or the value of a `# id = ...` (or
//! `# newdoc id = ...`) comment in it, else the file's stem and the
//! document's number in the file, from 1 (`train-1`, `train-2`).

use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};

use annot_model::offsets::OffsetMap;
use annot_model::tokenize::{Lang, tokenize};
use annot_model::{Document, Status};

use crate::annotated::{AnnotatedIn, AnnotationIn, SpanIn, annotated_events};
use crate::decode::{decode_owned, normalize};
use crate::error::Diagnostic;
use crate::meta::RecordMeta;
use crate::sources::Source;

use super::align_index::{ListEntry, ListTable, PairSort, PairTable};
use super::{Context, Event, Reader, emit_whole};

/// A tag scheme of token-per-line files (`--scheme`).
pub use annot_model::scheme::Scheme;

/// Settings of CoNLL reading.
#[derive(Debug, Clone, Default)]
pub struct ConllOptions {
    /// The tag scheme; told from the tags when `None`.
    pub scheme: Option<Scheme>,
    /// The column of the tag, from 1; the last column when `None`.
    pub tag_column: Option<usize>,
    /// Documents of the project to align the tokens onto, instead of
    /// rebuilding the text from them.
    pub align_to: Option<Arc<AlignCorpus>>,
}

/// The documents a CoNLL file's tokens are aligned onto (`--align-to-corpus`).
///
/// A project's texts are not held: a document's text is read from the
/// corpus when it is tried, and the indexes that say which documents to try
/// are sorted files on disk ([`super::align_index`]), built the first time
/// they are needed. Memory holds a few bytes a document.
#[derive(Debug)]
pub struct AlignCorpus {
    texts: Texts,
    /// Token text (a hash of it) -> the documents (positions in the corpus)
    /// whose text has it, by annot's own tokenizer; built the first time a
    /// document is looked for among several.
    index: OnceLock<Result<ListTable, String>>,
    /// The sampled shingles of every document ([`sampled_shingles`]), as
    /// (key, document) pairs; built the first time a document is looked for.
    shingles: OnceLock<Result<PairTable, String>>,
}

/// Where [`AlignCorpus`] reads its documents.
#[derive(Debug)]
enum Texts {
    /// Documents given, held (a small corpus: tests).
    Held(Vec<Document>),
    /// A project's corpus, read as documents are tried.
    Corpus(Box<annot_model::corpus::Corpus>),
}

impl Texts {
    fn len(&self) -> usize {
        match self {
            Texts::Held(docs) => docs.len(),
            Texts::Corpus(c) => c.len(),
        }
    }

    /// The document at position `i`.
    fn get(&self, i: usize) -> Result<Document, String> {
        match self {
            Texts::Held(docs) => docs
                .get(i)
                .cloned()
                .ok_or_else(|| format!("no document #{}", i + 1)),
            Texts::Corpus(c) => c.get_at(i).map_err(|e| e.to_string()),
        }
    }

    /// The position of the document `id` (the last of an id given twice).
    fn position(&self, id: &str) -> Option<usize> {
        match self {
            Texts::Held(docs) => docs.iter().rposition(|d| d.id == id),
            Texts::Corpus(c) => c.position(id),
        }
    }

    /// Calls `f` with every document from position `from` on, in order,
    /// until it returns `false`.
    fn each_from(
        &self,
        from: usize,
        f: &mut dyn FnMut(usize, Document) -> bool,
    ) -> Result<(), String> {
        match self {
            Texts::Held(docs) => {
                for (i, d) in docs.iter().enumerate().skip(from) {
                    if !f(i, d.clone()) {
                        break;
                    }
                }
            }
            Texts::Corpus(c) if from > 0 => {
                // Each read at its position: the documents before `from` are not parsed.
                for i in from..c.len() {
                    if !f(i, c.get_at(i).map_err(|e| e.to_string())?) {
                        break;
                    }
                }
            }
            Texts::Corpus(c) => {
                for (i, d) in c.iter().enumerate() {
                    if !f(i, d.map_err(|e| e.to_string())?) {
                        break;
                    }
                }
            }
        }
        Ok(())
    }

    /// Calls `f` with every [`INDEX_CHUNK`] documents in order, and the
    /// position of the first: one chunk held at a time.
    fn chunks(&self, f: &mut dyn FnMut(usize, &[Document])) -> Result<(), String> {
        match self {
            Texts::Held(docs) => {
                for (c, chunk) in docs.chunks(INDEX_CHUNK).enumerate() {
                    f(c * INDEX_CHUNK, chunk);
                }
            }
            Texts::Corpus(c) => {
                let mut chunk = Vec::with_capacity(INDEX_CHUNK);
                let mut base = 0;
                for d in c.iter() {
                    chunk.push(d.map_err(|e| e.to_string())?);
                    if chunk.len() == INDEX_CHUNK {
                        f(base, &chunk);
                        base += chunk.len();
                        chunk.clear();
                    }
                }
                if !chunk.is_empty() {
                    f(base, &chunk);
                }
            }
        }
        Ok(())
    }
}

/// The error of a document of the project that could not be read, or of an
/// index of them that could not be built or read back, while `doc` was looked for.
fn unreadable(doc: &ConllDoc, why: &str) -> LineError {
    LineError {
        line: doc.line,
        message: format!(
            "the project's documents could not be read to align this document onto: {why}"
        ),
    }
}

/// The key of a token text in the token index: a 64-bit hash. Two texts
/// with one hash share a list (the documents of both): that only adds
/// candidates, each of which [`align`] checks, so a collision (one in
/// 2^64 a pair) cannot place a document wrongly.
fn token_key(token: &str) -> u64 {
    use std::hash::BuildHasher;
    mix(rustc_hash::FxBuildHasher.hash_one(token))
}

// Shared by the threads that read files (through an `Arc`).
const _: () = {
    const fn shared<T: Send + Sync>() {}
    shared::<AlignCorpus>();
};

impl AlignCorpus {
    /// The corpus of `docs`, in the project's order, held in memory (for
    /// small corpora and tests; [`AlignCorpus::of_project`] holds no text).
    #[must_use]
    pub fn new(docs: Vec<Document>) -> Self {
        Self::of(Texts::Held(docs))
    }

    fn of(texts: Texts) -> Self {
        Self {
            texts,
            index: OnceLock::new(),
            shingles: OnceLock::new(),
        }
    }

    /// The documents of `project`'s corpus, read as they are tried.
    ///
    /// # Errors
    /// When the corpus cannot be opened.
    pub fn of_project(
        project: &annot_model::project::Project,
    ) -> Result<Self, annot_model::ModelError> {
        Ok(Self::of(Texts::Corpus(Box::new(project.corpus()?))))
    }

    /// Number of documents.
    fn len(&self) -> usize {
        self.texts.len()
    }

    /// The document at position `i`, read while `doc` is looked for.
    fn read(&self, i: usize, doc: &ConllDoc) -> Result<Document, LineError> {
        self.texts.get(i).map_err(|e| unreadable(doc, &e))
    }

    /// Streams the documents from position `from` on (see [`Texts::each_from`]).
    fn each_from(
        &self,
        from: usize,
        doc: &ConllDoc,
        f: &mut dyn FnMut(usize, Document) -> bool,
    ) -> Result<(), LineError> {
        self.texts
            .each_from(from, f)
            .map_err(|e| unreadable(doc, &e))
    }

    /// The documents the rarest tokens of `doc` point at (those that
    /// annot's tokenizer makes; the others are no clue): the documents in
    /// every list of [`CLUE_TOKENS`] rarest ones, sorted. `None` when none
    /// of its tokens is a clue (then every document is a candidate).
    fn clues(&self, doc: &ConllDoc) -> Result<Option<Vec<u32>>, LineError> {
        let index = self
            .index
            .get_or_init(|| token_index(&self.texts))
            .as_ref()
            .map_err(|e| unreadable(doc, e))?;
        let io = |e: std::io::Error| unreadable(doc, &e.to_string());
        let mut seen: FxHashMap<&str, Option<ListEntry>> = FxHashMap::default();
        let mut entries: Vec<ListEntry> = Vec::new();
        for t in doc.sentences.iter().flatten() {
            let entry = match seen.get(t.text.as_str()) {
                Some(e) => *e,
                None => {
                    let e = index.entry(token_key(&t.text)).map_err(io)?;
                    seen.insert(&t.text, e);
                    e
                }
            };
            entries.extend(entry);
        }
        // Rarest first, ties in the file's order. Lists with the same
        // documents (the same length and hash) are one list: in generated
        // text most words are in every document.
        entries.sort_by_key(|e| e.len);
        entries.dedup_by_key(|e| (e.len, e.hash));
        let mut lists = entries.into_iter().take(CLUE_TOKENS);
        let Some(first) = lists.next() else {
            return Ok(None);
        };
        let mut out = index.list(&first).map_err(io)?;
        for e in lists {
            if out.is_empty() {
                break;
            }
            index.retain_in(&mut out, &e).map_err(io)?;
        }
        Ok(Some(out))
    }

    /// The documents whose text may hold every sentence of `doc` (a
    /// superset of those [`align`] places it in), sorted; `None` when `doc`
    /// is too short to say.
    fn holders(&self, doc: &ConllDoc) -> Result<Option<Vec<u32>>, LineError> {
        let shingles = self
            .shingles
            .get_or_init(|| shingle_table(&self.texts))
            .as_ref()
            .map_err(|e| unreadable(doc, e))?;
        let io = |e: std::io::Error| unreadable(doc, &e.to_string());
        let mut keys = Vec::new();
        let mut squeezed = Vec::new();
        for sentence in &doc.sentences {
            squeezed.clear();
            for t in sentence {
                for piece in t.text.split_whitespace() {
                    squeezed.extend_from_slice(piece.as_bytes());
                }
            }
            sampled_shingles(&squeezed, &mut keys);
        }
        keys.sort_unstable();
        keys.dedup();
        let mut lists = keys
            .iter()
            .map(|&k| shingles.range(u64::from(k)))
            .collect::<Result<Vec<_>, _>>()
            .map_err(io)?;
        // Rarest first: a list's length is the distance between its first and last pair.
        lists.sort_by_key(|&(from, to)| to - from);
        let Some(&rarest) = lists.first() else {
            return Ok(None);
        };
        let mut out = shingles.docs(rarest).map_err(io)?;
        for &l in lists.iter().skip(1).take(HOLDER_SHINGLES - 1) {
            if out.is_empty() {
                break;
            }
            let l = shingles.docs(l).map_err(io)?;
            out.retain(|d| l.binary_search(d).is_ok());
        }
        Ok(Some(out))
    }
}

/// The rarest tokens of a document whose lists of documents are intersected.
const CLUE_TOKENS: usize = 4;

/// The rarest sampled shingles of a document whose lists of documents are intersected.
const HOLDER_SHINGLES: usize = 6;

/// Bytes of a shingle: a window of a text with its white space taken out.
const SHINGLE: usize = 16;

/// One shingle in so many (by its hash) is kept: the same ones in a
/// document's text and in a CoNLL sentence, so a document that holds the
/// sentence holds the sentence's kept shingles.
const SHINGLE_SAMPLE: u64 = 64;

/// The kept shingles of `squeezed` (a text without its white space), as
/// keys, pushed onto `out`: every window of [`SHINGLE`] bytes whose hash
/// [`SHINGLE_SAMPLE`] divides. A window's hash depends on its bytes alone.
fn sampled_shingles(squeezed: &[u8], out: &mut Vec<u32>) {
    const P: u64 = 0x0100_0000_01b3;
    if squeezed.len() < SHINGLE {
        return;
    }
    // P^(SHINGLE-1), to take a window's first byte out of its rolling hash.
    let top = (1..SHINGLE).fold(1u64, |a, _| a.wrapping_mul(P));
    let mut h = 0u64;
    for (i, &b) in squeezed.iter().enumerate() {
        if i >= SHINGLE {
            let gone = squeezed.get(i - SHINGLE).copied().unwrap_or(0);
            h = h.wrapping_sub((u64::from(gone) + 1).wrapping_mul(top));
        }
        h = h.wrapping_mul(P).wrapping_add(u64::from(b) + 1);
        if i + 1 >= SHINGLE {
            let m = mix(h);
            if m.is_multiple_of(SHINGLE_SAMPLE) {
                out.push((m >> 32) as u32);
            }
        }
    }
}

/// A 64-bit finaliser (splitmix64's), so that every bit of the rolling hash counts.
pub(super) fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Documents read and worked on together (in parallel) while an index is
/// built: so many texts are held at a time, not the whole corpus.
const INDEX_CHUNK: usize = 1024;

/// The kept shingles of a document's text ([`sampled_shingles`] of it
/// without its white space), sorted, each once.
fn text_shingles(text: &str) -> Vec<u32> {
    let squeezed: Vec<u8> = text
        .split_whitespace()
        .flat_map(str::as_bytes)
        .copied()
        .collect();
    let mut keys = Vec::new();
    sampled_shingles(&squeezed, &mut keys);
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The kept shingles of every document's text, as (key, document) pairs
/// sorted, on disk: about a sixty-fourth of its bytes, twelve bytes each.
fn shingle_table(texts: &Texts) -> Result<PairTable, String> {
    let mut sort = PairSort::new();
    texts.chunks(&mut |base, chunk| {
        let per_doc: Vec<Vec<u32>> = chunk.par_iter().map(|d| text_shingles(&d.text)).collect();
        for (k, keys) in per_doc.into_iter().enumerate() {
            let i = u32::try_from(base + k).unwrap_or(u32::MAX);
            for key in keys {
                sort.push(u64::from(key), i);
            }
        }
    })?;
    sort.pair_table().map_err(|e| e.to_string())
}

/// Token text (its [`token_key`]) -> the positions of the documents whose
/// text has it, sorted, on disk.
fn token_index(texts: &Texts) -> Result<ListTable, String> {
    let mut sort = PairSort::new();
    texts.chunks(&mut |base, chunk| {
        let per_doc: Vec<Vec<u64>> = chunk
            .par_iter()
            .map(|d| {
                let lang = d
                    .meta
                    .lang
                    .as_deref()
                    .and_then(Lang::from_code)
                    .unwrap_or_default();
                let map = OffsetMap::new(&d.text);
                let mut keys: Vec<u64> = tokenize(&d.text, lang)
                    .into_iter()
                    .filter_map(|t| map.to_bytes(t.start, t.end).map(|(s, e)| &d.text[s..e]))
                    .map(token_key)
                    .collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            })
            .collect();
        for (k, keys) in per_doc.into_iter().enumerate() {
            let i = u32::try_from(base + k).unwrap_or(u32::MAX);
            for key in keys {
                sort.push(key, i);
            }
        }
    })?;
    sort.list_table().map_err(|e| e.to_string())
}

/// Reads a token-per-line file, all its documents.
pub(super) struct ConllReader;

impl Reader for ConllReader {
    fn read(
        &self,
        src: &Source,
        cx: Context<'_>,
        emit: &mut dyn FnMut(Vec<Event>) -> bool,
    ) -> bool {
        conll_read(src, cx, emit)
    }
}

/// One token of a CoNLL file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Token {
    pub(crate) text: String,
    pub(crate) tag: Tag,
    /// Line of the file, from 1.
    pub(crate) line: usize,
}

/// A token's tag: `O`, or a prefix letter and a label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tag {
    Outside,
    Entity(char, String),
}

/// One document of a CoNLL file.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct ConllDoc {
    /// From a `# id = ...` comment.
    pub(crate) id: Option<String>,
    pub(crate) sentences: Vec<Vec<Token>>,
    /// Line of its first token.
    pub(crate) line: usize,
    /// Line of the `-DOCSTART-` or comment that gave its id.
    pub(crate) id_line: usize,
}

/// A line that cannot be read, or a file without tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineError {
    pub(crate) line: usize,
    pub(crate) message: String,
}

/// The documents of a CoNLL file's text (already decoded and normalised),
/// and warnings about lines that look like document separators but are not
/// read as such.
///
/// A document starts at a `-DOCSTART-` line (in any case), at a
/// `# newdoc` comment, and at a `# id = ...` (or `# doc_id = ...`) comment
/// once the current document has tokens.
#[cfg(test)]
pub(crate) fn parse(
    text: &str,
    tag_column: Option<usize>,
) -> Result<(Vec<ConllDoc>, Vec<LineError>), LineError> {
    let mut docs = Vec::new();
    let mut warnings = Vec::new();
    parse_each(text, tag_column, &mut warnings, &mut |doc| {
        docs.push(doc);
        true
    })?;
    Ok((docs, warnings))
}

/// [`parse`] a document at a time: each document with tokens is given to
/// `on_doc` as soon as it ends (so that a file's documents are never all
/// held), the warnings pushed onto `warnings`. Stops when `on_doc` returns
/// `false`; `Ok(false)` then.
#[cfg(test)]
pub(crate) fn parse_each(
    text: &str,
    tag_column: Option<usize>,
    warnings: &mut Vec<LineError>,
    on_doc: &mut dyn FnMut(ConllDoc) -> bool,
) -> Result<bool, LineError> {
    let mut parser = DocParser::new(tag_column, Some(warnings));
    for line in text.lines() {
        if !parser.line(line, on_doc)? {
            return Ok(false);
        }
    }
    Ok(parser.finish(on_doc))
}

/// Reads the lines of a CoNLL file one at a time, giving each document to
/// the caller when it ends ([`parse`] without holding the documents).
pub(crate) struct DocParser<'w> {
    tag_column: Option<usize>,
    /// The document being read.
    current: ConllDoc,
    /// Its sentence being read.
    sentence: Vec<Token>,
    /// Lines read.
    n: usize,
    /// Where warnings go; none on a second reading, whose warnings the first gave.
    warnings: Option<&'w mut Vec<LineError>>,
}

/// Pushes `e` where a parser's warnings go (nowhere on a second reading).
fn warn(to: &mut Option<&mut Vec<LineError>>, e: LineError) {
    if let Some(w) = to {
        w.push(e);
    }
}

impl<'w> DocParser<'w> {
    /// A parser at the first line, pushing its warnings onto `warnings`.
    pub(crate) fn new(tag_column: Option<usize>, warnings: Option<&'w mut Vec<LineError>>) -> Self {
        Self {
            tag_column,
            current: ConllDoc::default(),
            sentence: Vec::new(),
            n: 0,
            warnings,
        }
    }

    fn end_sentence(&mut self) {
        if !self.sentence.is_empty() {
            self.current
                .sentences
                .push(std::mem::take(&mut self.sentence));
        }
    }

    /// Ends the current document, giving it to `on_doc` when it has tokens; `next` begins.
    fn next_doc(&mut self, next: ConllDoc, on_doc: &mut dyn FnMut(ConllDoc) -> bool) -> bool {
        let done = std::mem::replace(&mut self.current, next);
        done.sentences.is_empty() || on_doc(done)
    }

    /// Ends the file: its last document to `on_doc`; `false` when it says stop.
    pub(crate) fn finish(&mut self, on_doc: &mut dyn FnMut(ConllDoc) -> bool) -> bool {
        self.end_sentence();
        self.next_doc(ConllDoc::default(), on_doc)
    }

    /// Reads the next line (without its line end); `Ok(false)` when `on_doc` says stop.
    pub(crate) fn line(
        &mut self,
        line: &str,
        on_doc: &mut dyn FnMut(ConllDoc) -> bool,
    ) -> Result<bool, LineError> {
        self.n += 1;
        let n = self.n;
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.end_sentence();
            return Ok(true);
        }
        let fields = columns(line);
        let docstart = fields
            .first()
            .and_then(|f| Some((f.get(..DOCSTART.len())?, &f[DOCSTART.len()..])))
            .filter(|(head, _)| head.eq_ignore_ascii_case(DOCSTART));
        if let Some((head, glued)) = docstart {
            if head != DOCSTART {
                warn(
                    &mut self.warnings,
                    LineError {
                        line: n,
                        message: format!("'{head}' read as {DOCSTART}: a new document starts here"),
                    },
                );
            }
            self.end_sentence();
            // `-DOCSTART- -X- -X- O` names nothing; `-DOCSTART- (dépêche-12)` an id.
            let named: Vec<&str> = std::iter::once(glued)
                .chain(fields[1..].iter().copied())
                .filter(|f| !f.is_empty() && *f != "-X-" && parse_tag(f).is_none())
                .collect();
            let id = named.join(" ");
            let id = id.trim_start_matches('(').trim_end_matches(')').trim();
            let next = ConllDoc {
                id: (!id.is_empty()).then(|| id.to_string()),
                id_line: n,
                ..ConllDoc::default()
            };
            if !self.next_doc(next, on_doc) {
                return Ok(false);
            }
            return Ok(true);
        }
        if let Some(comment) = comment(trimmed, &fields) {
            let current_started = !self.current.sentences.is_empty() || !self.sentence.is_empty();
            match comment {
                Some((key, value)) if ["newdoc id", "id", "doc_id"].contains(&key) => {
                    if current_started {
                        self.end_sentence();
                        if !self.next_doc(ConllDoc::default(), on_doc) {
                            return Ok(false);
                        }
                    }
                    {
                        let doc = &mut self.current;
                        if let Some(earlier) = &doc.id {
                            warn(
                                &mut self.warnings,
                                LineError {
                                    line: n,
                                    message: format!(
                                        "the document already has the id '{earlier}' (line {}): \
                                 '{value}' is not read",
                                        doc.id_line
                                    ),
                                },
                            );
                        } else {
                            doc.id = Some(value.to_string());
                            doc.id_line = n;
                        }
                    }
                }
                Some(_) => {}
                None => {
                    let words: Vec<&str> = trimmed
                        .trim_start_matches('#')
                        .split(|c: char| c.is_whitespace() || c == ':' || c == '=')
                        .filter(|w| !w.is_empty())
                        .collect();
                    let head = words.first().map(|w| w.to_lowercase());
                    if head.as_deref() == Some("newdoc") && words.len() == 1 {
                        // `# newdoc` without an id: a new document all the same.
                        if current_started {
                            self.end_sentence();
                            if !self.next_doc(ConllDoc::default(), on_doc) {
                                return Ok(false);
                            }
                        }
                    } else if matches!(head.as_deref(), Some("id" | "newdoc" | "doc_id" | "docid"))
                    {
                        warn(
                            &mut self.warnings,
                            LineError {
                                line: n,
                                message: format!(
                                    "'{trimmed}' looks like a document id but is not read as one \
                             (write '# id = VALUE' or '# newdoc id = VALUE')"
                                ),
                            },
                        );
                    }
                }
            }
            return Ok(true);
        }
        let tag_at = match self.tag_column {
            Some(c) if c == 0 || c > fields.len() => {
                return Err(LineError {
                    line: n,
                    message: format!(
                        "has {} column(s), no column {c} for the tag (--tag-column counts from 1)",
                        fields.len()
                    ),
                });
            }
            Some(c) => c - 1,
            None => fields.len() - 1,
        };
        if fields.len() < 2 || tag_at == 0 {
            return Err(LineError {
                line: n,
                message: format!(
                    "'{}' has no tag column: a token line is the token, then its columns, the tag last (e.g. 'Paris B-LOC')",
                    trimmed
                ),
            });
        }
        let tag = parse_tag(fields[tag_at]).ok_or_else(|| LineError {
        line: n,
        message: format!(
            "the tag '{}' is not O or a prefix B-, I-, E-, S-, L- or U- with a label (e.g. B-PER); \
             if the tag is not the last column, say which with --tag-column N",
            fields[tag_at]
        ),
    })?;
        if self.sentence.is_empty() && self.current.sentences.is_empty() {
            self.current.line = n;
        }
        self.sentence.push(Token {
            text: normalize(fields[0]).into_owned(),
            tag,
            line: n,
        });
        Ok(true)
    }
}

/// The line that separates CoNLL-2003's documents.
const DOCSTART: &str = "-DOCSTART-";

/// The columns of a line: split on tabs when it holds one, else on white space.
fn columns(line: &str) -> Vec<&str> {
    if line.contains('\t') {
        line.trim_matches(|c: char| c == '\r' || c == '\n')
            .split('\t')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect()
    } else {
        line.split_whitespace().collect()
    }
}

/// Whether a line is a comment (`# ...`), and its `key = value` if it has one.
/// A `#` token with a tag (`# O`) is a token, not a comment.
#[allow(clippy::option_option)]
fn comment<'a>(trimmed: &'a str, fields: &[&str]) -> Option<Option<(&'a str, &'a str)>> {
    let rest = trimmed.strip_prefix('#')?;
    let key_value = rest.split_once('=').and_then(|(k, v)| {
        let k = k.trim();
        let v = v.trim();
        let is_key = !k.is_empty()
            && k.chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == ' ');
        (is_key && !v.is_empty()).then_some((k, v))
    });
    if key_value.is_some() {
        return Some(key_value);
    }
    let tagged = fields.len() >= 2 && fields.last().is_some_and(|t| parse_tag(t).is_some());
    (!tagged).then_some(None)
}

/// The tag of a tag column: `O`, or `P-LABEL` with P one of B I E S L U.
fn parse_tag(tag: &str) -> Option<Tag> {
    if tag == "O" {
        return Some(Tag::Outside);
    }
    let (prefix, label) = tag.split_once('-')?;
    let mut chars = prefix.chars();
    let p = chars.next()?;
    if chars.next().is_some() || !"BIESLU".contains(p) || label.is_empty() {
        return None;
    }
    Some(Tag::Entity(p, label.to_string()))
}

/// The scheme the tags of `docs` are in, when none is given.
#[cfg(test)]
pub(crate) fn detect_scheme(docs: &[ConllDoc]) -> Result<Scheme, LineError> {
    let mut tally = SchemeTally::default();
    docs.iter().for_each(|d| tally.add(d));
    tally.scheme()
}

/// What tells a file's scheme, gathered a document at a time ([`detect_scheme`]).
#[derive(Debug, Default)]
pub(crate) struct SchemeTally {
    /// Line of the first `E-` or `S-` tag, of the first `L-` or `U-` tag.
    bioes: Option<usize>,
    bilou: Option<usize>,
    i_begins: bool,
    b_after_other: bool,
}

impl SchemeTally {
    /// Counts the tags of `doc`.
    pub(crate) fn add(&mut self, doc: &ConllDoc) {
        for sentence in &doc.sentences {
            let mut prev: Option<&str> = None;
            for t in sentence {
                match &t.tag {
                    Tag::Outside => prev = None,
                    Tag::Entity(p, label) => {
                        match p {
                            'E' | 'S' => self.bioes = self.bioes.or(Some(t.line)),
                            'L' | 'U' => self.bilou = self.bilou.or(Some(t.line)),
                            'I' if prev != Some(label.as_str()) => self.i_begins = true,
                            'B' if prev != Some(label.as_str()) => self.b_after_other = true,
                            _ => {}
                        }
                        prev = Some(label);
                    }
                }
            }
        }
    }

    /// The scheme of the documents counted.
    pub(crate) fn scheme(&self) -> Result<Scheme, LineError> {
        match (self.bioes, self.bilou) {
            (Some(a), Some(b)) => Err(LineError {
                line: a.max(b),
                message: format!(
                    "mixes BIOES tags (E-, S-, line {a}) and BILOU tags (L-, U-, line {b}); \
                     use one scheme in a file"
                ),
            }),
            (Some(_), None) => Ok(Scheme::Bioes),
            (None, Some(_)) => Ok(Scheme::Bilou),
            (None, None) if self.i_begins && !self.b_after_other => Ok(Scheme::Iob1),
            (None, None) => Ok(Scheme::Iob2),
        }
    }
}

/// An entity of a sentence: its first and one-past-last token, its label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Entity {
    pub(crate) first: usize,
    pub(crate) end: usize,
    pub(crate) label: String,
}

/// The entities of a sentence under `scheme`, and the lines (with what is
/// wrong) of the tags that break it, read as conlleval reads them.
pub(crate) fn entities(sentence: &[Token], scheme: Scheme) -> (Vec<Entity>, Vec<LineError>) {
    let (end_p, single_p) = match scheme {
        Scheme::Bilou => ('L', 'U'),
        _ => ('E', 'S'),
    };
    let ending = matches!(scheme, Scheme::Bioes | Scheme::Bilou);
    let mut out = Vec::new();
    let mut stray = Vec::new();
    // The entity open: its first token and label.
    let mut open: Option<(usize, &str)> = None;
    let not_ended = |open: Option<(usize, &str)>, stray: &mut Vec<LineError>, why: &str| {
        if ending && let Some((first, label)) = open {
            stray.push(LineError {
                line: sentence[first].line,
                message: format!("B-{label} is not ended by {end_p}-{label} ({why}); the entity ends at its last token"),
            });
        }
    };
    for (i, t) in sentence.iter().enumerate() {
        let (p, label) = match &t.tag {
            Tag::Outside => {
                if let Some((first, l)) = open.take() {
                    not_ended(Some((first, l)), &mut stray, "O follows");
                    out.push(Entity {
                        first,
                        end: i,
                        label: l.to_string(),
                    });
                }
                continue;
            }
            Tag::Entity(p, label) => (*p, label.as_str()),
        };
        let allowed = match scheme {
            Scheme::Iob1 | Scheme::Iob2 => "BI".contains(p),
            Scheme::Bioes => "BIES".contains(p),
            Scheme::Bilou => "BILU".contains(p),
        };
        if !allowed {
            stray.push(LineError {
                line: t.line,
                message: format!(
                    "the tag {p}-{label} is not of the {} scheme; read as I-{label}",
                    scheme.as_str().to_uppercase()
                ),
            });
        }
        let continues = open.is_some_and(|(_, l)| l == label);
        let close = |open: &mut Option<(usize, &str)>, out: &mut Vec<Entity>, end: usize| {
            if let Some((first, l)) = open.take() {
                out.push(Entity {
                    first,
                    end,
                    label: l.to_string(),
                });
            }
        };
        match p {
            'B' => {
                if scheme == Scheme::Iob1 && !continues && !i_follows_same(sentence, i, label) {
                    stray.push(LineError {
                        line: t.line,
                        message: format!(
                            "B-{label} begins an entity that does not follow another {label}: \
                             in IOB1 an entity begins with I- (give --scheme iob2 if the file is IOB2)"
                        ),
                    });
                }
                if open.is_some() {
                    let other = open.is_some_and(|(_, l)| l != label);
                    not_ended(
                        open,
                        &mut stray,
                        if other {
                            "another label follows"
                        } else {
                            "B- follows"
                        },
                    );
                }
                close(&mut open, &mut out, i);
                open = Some((i, label));
            }
            p if p == end_p && ending => {
                if !continues {
                    if let Some((first, l)) = open {
                        not_ended(Some((first, l)), &mut stray, "another label follows");
                    }
                    close(&mut open, &mut out, i);
                    stray.push(LineError {
                        line: t.line,
                        message: format!("{end_p}-{label} ends an entity that no B-{label} began; read as one beginning here"),
                    });
                    open = Some((i, label));
                }
                close(&mut open, &mut out, i + 1);
            }
            p if p == single_p && ending => {
                if open.is_some() {
                    not_ended(open, &mut stray, "another entity follows");
                }
                close(&mut open, &mut out, i);
                out.push(Entity {
                    first: i,
                    end: i + 1,
                    label: label.to_string(),
                });
            }
            _ => {
                // I- (or a prefix foreign to the scheme, read as I-).
                if !continues {
                    if let Some((first, l)) = open {
                        not_ended(Some((first, l)), &mut stray, "another label follows");
                    }
                    close(&mut open, &mut out, i);
                    if scheme != Scheme::Iob1 {
                        let after = match i.checked_sub(1).map(|j| &sentence[j].tag) {
                            Some(Tag::Entity(q, l)) => format!("after {q}-{l}"),
                            Some(Tag::Outside) => "after O".to_string(),
                            None => "at the start of a sentence".to_string(),
                        };
                        stray.push(LineError {
                            line: t.line,
                            message: format!(
                                "I-{label} {after}: in {} an entity begins with B-; read as beginning one",
                                scheme.as_str().to_uppercase()
                            ),
                        });
                    }
                    open = Some((i, label));
                }
            }
        }
    }
    if let Some((first, l)) = open.take() {
        not_ended(Some((first, l)), &mut stray, "the sentence ends");
        out.push(Entity {
            first,
            end: sentence.len(),
            label: l.to_string(),
        });
    }
    (out, stray)
}

/// Whether the token before `i` is of `label` (B- after such a token is IOB1's use of B-).
fn i_follows_same(sentence: &[Token], i: usize, label: &str) -> bool {
    i.checked_sub(1)
        .is_some_and(|j| matches!(&sentence[j].tag, Tag::Entity(_, l) if l == label))
}

/// The code point range of each token of a document, sentence by sentence.
pub(crate) type Ranges = Vec<Vec<(usize, usize)>>;

/// Code point ranges of the tokens in a text rebuilt from them: one space
/// between tokens, a newline between sentences.
pub(crate) fn rebuild(doc: &ConllDoc) -> (String, Ranges) {
    let mut text = String::new();
    let mut len = 0usize;
    let mut ranges = Vec::with_capacity(doc.sentences.len());
    for (s, sentence) in doc.sentences.iter().enumerate() {
        if s > 0 {
            text.push('\n');
            len += 1;
        }
        let mut sr = Vec::with_capacity(sentence.len());
        for (i, t) in sentence.iter().enumerate() {
            if i > 0 {
                text.push(' ');
                len += 1;
            }
            let n = t.text.chars().count();
            text.push_str(&t.text);
            sr.push((len, len + n));
            len += n;
        }
        ranges.push(sr);
    }
    (text, ranges)
}

/// The documents tried for a CoNLL document that hold its tokens, as they
/// are found: their positions, ids, where the tokens are and whether they
/// cover the text whole; the text of the first alone is held.
struct Trial<'d> {
    doc: &'d ConllDoc,
    found: Vec<(usize, String, Ranges, bool)>,
    first: Option<Document>,
    /// The failure of the document that matched longest (the most useful).
    best: Option<LineError>,
}

impl<'d> Trial<'d> {
    fn new(doc: &'d ConllDoc) -> Self {
        Trial {
            doc,
            found: Vec::new(),
            first: None,
            best: None,
        }
    }

    /// Tries `target`, the document at position `i`: whether it holds the tokens.
    fn attempt(&mut self, i: usize, target: Document) -> bool {
        match align(self.doc, &target.text) {
            Ok(ranges) => {
                let whole = covers(&target.text, &ranges);
                self.found.push((i, target.id.clone(), ranges, whole));
                if self.first.is_none() {
                    self.first = Some(target);
                }
                true
            }
            Err(e) => {
                if self.best.as_ref().is_none_or(|f| e.line > f.line) {
                    self.best = Some(e);
                }
                false
            }
        }
    }

    /// The document the tokens align onto: the only one found, else the
    /// only one of them that the tokens cover whole, else an error naming
    /// them all; `None` when none was found.
    fn chosen(
        &mut self,
        corpus: &AlignCorpus,
        cursor: &mut usize,
    ) -> Option<Result<(Document, Ranges), LineError>> {
        let k = match self.found.len() {
            0 => return None,
            1 => 0,
            _ => {
                let whole: Vec<usize> = self
                    .found
                    .iter()
                    .enumerate()
                    .filter(|(_, m)| m.3)
                    .map(|(k, _)| k)
                    .collect();
                let [k] = whole.as_slice() else {
                    let ids: Vec<String> = self
                        .found
                        .iter()
                        .map(|(_, id, _, _)| format!("'{id}'"))
                        .collect();
                    return Some(Err(LineError {
                        line: self.doc.line,
                        message: format!(
                            "the tokens of this document are in {} documents of the project ({}): say which \
                             with '-DOCSTART- (ID)' or a '# id = ID' comment before it",
                            ids.len(),
                            ids.join(", ")
                        ),
                    }));
                };
                *k
            }
        };
        let (i, _, ranges, _) = self.found.swap_remove(k);
        let target = match self.first.take().filter(|_| k == 0) {
            Some(d) => d,
            None => match corpus.read(i, self.doc) {
                Ok(d) => d,
                Err(e) => return Some(Err(e)),
            },
        };
        *cursor = i + 1;
        Some(Ok((target, ranges)))
    }
}

/// What [`aligned`] finds trying only `holders` (sorted; a superset of the
/// documents [`align`] places `doc` in), in its order: the document after the
/// last aligned, those the index points at from there, then before it, then
/// the other holders in the project's order. `None` when none of them holds
/// the tokens (the caller then tries every document, for the error).
fn aligned_among(
    doc: &ConllDoc,
    corpus: &AlignCorpus,
    cursor: &mut usize,
    holders: &[u32],
) -> Option<Result<(Document, Ranges), LineError>> {
    // The order matters only between several holders: one is tried alone
    // whether the index points at it or not.
    let clues = if holders.len() > 1 {
        match corpus.clues(doc) {
            Ok(c) => c,
            Err(e) => return Some(Err(e)),
        }
    } else {
        None
    };
    let pointed = |i: u32| clues.as_ref().is_none_or(|c| c.binary_search(&i).is_ok());
    let holds = |i: usize| u32::try_from(i).is_ok_and(|i| holders.binary_search(&i).is_ok());
    let next = (*cursor < corpus.len() && holds(*cursor)).then_some(*cursor);
    let at = |i: u32| i as usize;
    let after = holders
        .iter()
        .copied()
        .filter(|&i| at(i) >= *cursor && pointed(i))
        .map(at);
    let before = holders
        .iter()
        .copied()
        .filter(|&i| at(i) < *cursor && pointed(i))
        .map(at);
    let mut tried: FxHashSet<usize> = FxHashSet::default();
    let mut trial = Trial::new(doc);
    for i in next.into_iter().chain(after).chain(before) {
        if !tried.insert(i) {
            continue;
        }
        match corpus.read(i, doc) {
            Ok(target) => trial.attempt(i, target),
            Err(e) => return Some(Err(e)),
        };
    }
    if let Some(found) = trial.chosen(corpus, cursor) {
        return Some(found);
    }
    for i in holders.iter().map(|&i| at(i)) {
        if tried.contains(&i) {
            continue;
        }
        match corpus.read(i, doc) {
            Ok(target) => {
                if trial.attempt(i, target) {
                    return trial.chosen(corpus, cursor);
                }
            }
            Err(e) => return Some(Err(e)),
        }
    }
    None
}

/// Where each token of `doc` is in `text`: found in order from the start,
/// the tokens of a sentence one after another (only white space between
/// them), text between sentences that the file does not hold (zones an
/// export left out) skipped. `Err` names the first token not found, or the
/// token where the sentence stops following the text.
pub(crate) fn align(doc: &ConllDoc, text: &str) -> Result<Ranges, LineError> {
    let map = OffsetMap::new(text);
    let mut at = 0usize; // byte offset in text
    let mut ranges = Vec::with_capacity(doc.sentences.len());
    for sentence in &doc.sentences {
        let Some(first) = sentence.first() else {
            ranges.push(Vec::new());
            continue;
        };
        // Each place the first token is, until the whole sentence follows it.
        let mut search = at;
        let mut best: Option<(usize, &Token, &Token)> = None;
        let mut found = None;
        while let Some((s0, e0)) = find_token(text, search, &first.text) {
            let mut bytes = vec![(s0, e0)];
            let mut pos = e0;
            for pair in sentence.windows(2) {
                let Some(end) = token_at(text, pos, &pair[1].text) else {
                    if best.is_none_or(|(n, _, _)| bytes.len() > n) {
                        best = Some((bytes.len(), &pair[0], &pair[1]));
                    }
                    break;
                };
                let lead = text[pos..].len() - text[pos..].trim_start().len();
                bytes.push((pos + lead, end));
                pos = end;
            }
            if bytes.len() == sentence.len() {
                found = Some((bytes, pos));
                break;
            }
            search = s0 + text[s0..].chars().next().map_or(1, char::len_utf8);
        }
        let Some((bytes, end)) = found else {
            return Err(match best {
                None => LineError {
                    line: first.line,
                    message: format!(
                        "the token '{}' is not in the text of the document after the tokens before it",
                        first.text
                    ),
                },
                Some((_, prev, t)) => LineError {
                    line: t.line,
                    message: format!(
                        "the token '{}' does not follow '{}' (line {}) in the text of the \
                         document: the tokens of a sentence must be one after another in the \
                         text (only white space between them)",
                        t.text, prev.text, prev.line
                    ),
                },
            });
        };
        let sr = bytes
            .into_iter()
            .map(|(s, e)| {
                let cs = map.to_char(s).unwrap_or(0);
                (cs, map.to_char(e).unwrap_or(cs))
            })
            .collect();
        ranges.push(sr);
        at = end;
    }
    Ok(ranges)
}

/// Whether the tokens at `ranges` are all of `text` but white space.
fn covers(text: &str, ranges: &Ranges) -> bool {
    let mut chars = text.chars().enumerate();
    let mut at = 0usize;
    for &(s, e) in ranges.iter().flatten() {
        if chars
            .by_ref()
            .take(s.saturating_sub(at))
            .any(|(_, c)| !c.is_whitespace())
        {
            return false;
        }
        chars.by_ref().take(e.saturating_sub(s)).for_each(drop);
        at = e;
    }
    chars.all(|(_, c)| c.is_whitespace())
}

/// The end of `pieces` (a token split at its white space) in `text` when they start at
/// byte `start`, one run of white space between two pieces.
fn pieces_at(text: &str, start: usize, pieces: &[&str]) -> Option<usize> {
    let mut pos = start;
    for (k, piece) in pieces.iter().enumerate() {
        if k > 0 {
            let after = &text[pos..];
            let ws = after.len() - after.trim_start().len();
            if ws == 0 {
                return None;
            }
            pos += ws;
        }
        if !text[pos..].starts_with(piece) {
            return None;
        }
        pos += piece.len();
    }
    Some(pos)
}

/// Byte `from` moved past the white space there.
fn after_space(text: &str, from: usize) -> usize {
    let rest = &text[from..];
    from + rest.len() - rest.trim_start().len()
}

/// The end of `token` in `text` when it is at byte `from` (after white space).
fn token_at(text: &str, from: usize, token: &str) -> Option<usize> {
    let pieces: Vec<&str> = token.split_whitespace().collect();
    pieces.first()?;
    pieces_at(text, after_space(text, from), &pieces)
}

/// The byte range of `token` in `text` from byte `from`: right after white
/// space when it is there, else its next occurrence. A token holding white
/// space (from a tab-separated file) matches any run of white space there.
fn find_token(text: &str, from: usize, token: &str) -> Option<(usize, usize)> {
    let pieces: Vec<&str> = token.split_whitespace().collect();
    let first = *pieces.first()?;
    let here = after_space(text, from);
    if let Some(end) = pieces_at(text, here, &pieces) {
        return Some((here, end));
    }
    let mut search = from;
    while let Some(k) = text[search..].find(first) {
        let start = search + k;
        if let Some(end) = pieces_at(text, start, &pieces) {
            return Some((start, end));
        }
        search = start + first.len();
    }
    None
}

/// The documents of a CoNLL source as events, given to `emit` a chunk of
/// documents at a time. The file is read twice, a line at a time: first
/// for its scheme and the lines that stop it (so that a file with a bad
/// line imports nothing, and the warnings about separators come first),
/// then document by document; neither its text nor its documents are held
/// whole. A file that is not plain UTF-8 (another encoding, a byte order
/// mark of UTF-16), one that is not a regular file (a pipe), and standard
/// input, are decoded whole first.
fn conll_read(src: &Source, cx: Context<'_>, emit: &mut dyn FnMut(Vec<Event>) -> bool) -> bool {
    let copts = &cx.opts.conll;
    let mut events: Vec<Event> = Vec::new();
    // A pipe or a device (`<(zcat x.conll.gz)`, `/dev/stdin`) reads once: decoded whole.
    let mut lines = src
        .data
        .path()
        .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()))
        .map_or_else(|| ConllText::Whole(String::new()), ConllText::File);
    let mut first = None;
    if matches!(lines, ConllText::File(_)) {
        first = first_reading(&lines, copts).ok();
    }
    let first = match first {
        Some(f) => f,
        None => {
            let decoded = src
                .bytes()
                .and_then(|b| decode_owned(b, &src.name(), cx.opts.strict));
            let (text, warning) = match decoded {
                Ok(decoded) => decoded,
                Err(e) => return emit_whole(src, vec![Event::Failure(e.into())], emit),
            };
            events.extend(warning.map(Event::Warning));
            lines = ConllText::Whole(text);
            // Text held whole is never "not plain".
            first_reading(&lines, copts).unwrap_or_default()
        }
    };
    if !first.any_text {
        // As a file decoded whole says of one with only white space.
        let e = crate::error::ImportError::new(src.name(), crate::error::ErrorKind::Empty);
        events.push(Event::Failure(e.into()));
        return emit_whole(src, events, emit);
    }
    let scheme = first.scheme.and_then(|tally| {
        if !first.any_doc {
            return Err(LineError {
                line: 1,
                message: "holds no token line ('token ... tag'): nothing to import".into(),
            });
        }
        copts.scheme.map_or_else(|| tally.scheme(), Ok)
    });
    let scheme = match scheme {
        Ok(s) => s,
        Err(e) => {
            events.push(line_failure(src, &e));
            return emit_whole(src, events, emit);
        }
    };
    events.extend(first.separators.iter().map(|e| warning(src, e)));
    let stem = src_stem(src);
    let source = src.meta_source();
    let mut cursor = 0usize;
    let mut k = 0usize;
    let mut in_batch = 0usize;
    let mut stopped = false;
    // The first reading gave the warnings: this one reads only the documents.
    let mut parser = DocParser::new(copts.tag_column, None);
    let mut on_doc = |doc: ConllDoc| {
        doc_events(
            src,
            cx,
            &doc,
            k,
            scheme,
            &stem,
            &source,
            &mut cursor,
            &mut events,
        );
        k += 1;
        in_batch += 1;
        if in_batch >= cx.chunk {
            in_batch = 0;
            if !emit(std::mem::take(&mut events)) {
                stopped = true;
                return false;
            }
        }
        true
    };
    let mut failure = None;
    let read = lines.each(&mut |line| match parser.line(line, &mut on_doc) {
        Ok(go) => go,
        Err(e) => {
            failure = Some(e);
            false
        }
    });
    if read.is_ok_and(|(all, _)| all) && failure.is_none() {
        parser.finish(&mut on_doc);
    }
    if stopped {
        return false;
    }
    // The first reading found no such line, nor the file otherwise: it changed since.
    if let Some(e) = &failure {
        events.push(line_failure(src, e));
    }
    // Read to its end, the file must be the one the first reading saw (its
    // scheme and stopping lines came from that one).
    let changed = match read {
        Err(NotPlain) => Some("it is no longer UTF-8, or cannot be read"),
        Ok((true, stamp)) if failure.is_none() && stamp != first.stamp => {
            Some("it was rewritten, replaced or grew between the two readings")
        }
        Ok(_) => None,
    };
    if let Some(why) = changed {
        events.push(Event::Failure(Diagnostic::new(
            src.name(),
            format!(
                "the file changed while it was read ({why}); import it again once it is complete"
            ),
        )));
    }
    emit_whole(src, events, emit)
}

/// Where the lines of a CoNLL source are read from.
enum ConllText {
    /// A file, read a line at a time.
    File(std::path::PathBuf),
    /// A source decoded whole.
    Whole(String),
}

/// A file that is not plain UTF-8 without NUL bytes (or cannot be read), to be decoded whole.
#[derive(Debug, Clone, Copy)]
struct NotPlain;

impl ConllText {
    /// Gives `f` each line, normalised (line ends, NFC) as a text decoded
    /// whole is, without its line end; `Ok(false)` when `f` says stop.
    ///
    /// With a file, also what was read ([`Stamp`]): two readings of one file
    /// must see the same one, or the file changed between them.
    fn each(&self, f: &mut dyn FnMut(&str) -> bool) -> Result<(bool, Option<Stamp>), NotPlain> {
        let path = match self {
            Self::Whole(text) => return Ok((text.lines().all(f), None)),
            Self::File(path) => path,
        };
        let file = std::fs::File::open(path).map_err(|_| NotPlain)?;
        let mut stamp = Stamp::of(&file).ok_or(NotPlain)?;
        let mut reader = std::io::BufReader::with_capacity(1 << 18, file);
        let mut buf = Vec::new();
        let mut first = true;
        loop {
            buf.clear();
            let n =
                std::io::BufRead::read_until(&mut reader, b'\n', &mut buf).map_err(|_| NotPlain)?;
            stamp.read += n as u64;
            if n == 0 {
                return Ok((true, Some(stamp)));
            }
            let mut bytes = buf.as_slice();
            if first {
                first = false;
                bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
            }
            // A line end is one byte: no UTF-8 character spans two lines, and
            // `\n` is stable under NFC, so normalising line by line is normalising the whole.
            let line = simdutf8::basic::from_utf8(bytes).map_err(|_| NotPlain)?;
            if memchr::memchr(0, bytes).is_some() {
                return Err(NotPlain);
            }
            for l in normalize(line).lines() {
                if !f(l) {
                    return Ok((false, Some(stamp)));
                }
            }
        }
    }
}

/// What one reading of a file saw: the file as opened (length, change time,
/// inode) and the bytes read. A file rewritten, replaced by a rename or still
/// growing between the two readings gives another stamp.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<std::time::SystemTime>,
    inode: u64,
    read: u64,
}

impl Stamp {
    fn of(file: &std::fs::File) -> Option<Self> {
        let m = file.metadata().ok()?;
        #[cfg(unix)]
        let inode = std::os::unix::fs::MetadataExt::ino(&m);
        #[cfg(not(unix))]
        let inode = 0;
        Some(Self {
            len: m.len(),
            modified: m.modified().ok(),
            inode,
            read: 0,
        })
    }
}

/// The byte order mark of UTF-8, dropped from the start of a file.
const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// What the first reading of a CoNLL file finds.
#[derive(Debug)]
struct FirstReading {
    /// What the reading saw of the file (none for a text held whole).
    stamp: Option<Stamp>,
    /// Lines that look like document separators but are not read as such.
    separators: Vec<LineError>,
    /// The tags seen (when no scheme is given), or the line that stops the file.
    scheme: Result<SchemeTally, LineError>,
    /// A document with tokens, something other than white space.
    any_doc: bool,
    any_text: bool,
}

impl Default for FirstReading {
    fn default() -> Self {
        Self {
            stamp: None,
            separators: Vec::new(),
            scheme: Ok(SchemeTally::default()),
            any_doc: false,
            any_text: true,
        }
    }
}

/// Reads `lines` once, holding no document.
fn first_reading(lines: &ConllText, copts: &ConllOptions) -> Result<FirstReading, NotPlain> {
    let mut separators = Vec::new();
    let mut tally = SchemeTally::default();
    let (mut any_doc, mut any_text) = (false, false);
    let mut failure = None;
    let stamp;
    {
        let mut parser = DocParser::new(copts.tag_column, Some(&mut separators));
        let mut on_doc = |doc: ConllDoc| {
            any_doc = true;
            if copts.scheme.is_none() {
                tally.add(&doc);
            }
            true
        };
        let (all, read) = lines.each(&mut |line| {
            any_text = any_text || !line.trim().is_empty();
            match parser.line(line, &mut on_doc) {
                Ok(go) => go,
                Err(e) => {
                    failure = Some(e);
                    false
                }
            }
        })?;
        stamp = read;
        if all {
            parser.finish(&mut on_doc);
        }
    }
    Ok(FirstReading {
        stamp,
        separators,
        scheme: failure.map_or(Ok(tally), Err),
        any_doc,
        any_text,
    })
}

/// The failure of a line of `src`.
fn line_failure(src: &Source, e: &LineError) -> Event {
    Event::Failure(Diagnostic::new(
        format!("{}:{}", src.name(), e.line),
        &e.message,
    ))
}

/// The events of `doc`, the `k`th document (from 0) of a CoNLL file, pushed onto `events`.
#[allow(clippy::too_many_arguments)]
fn doc_events(
    src: &Source,
    cx: Context<'_>,
    doc: &ConllDoc,
    k: usize,
    scheme: Scheme,
    stem: &str,
    source: &str,
    cursor: &mut usize,
    events: &mut Vec<Event>,
) {
    let opts = cx.opts;
    let copts = &opts.conll;
    let location = format!("{}:{}", src.name(), doc.line);
    let mut entities = Vec::with_capacity(doc.sentences.len());
    for sentence in &doc.sentences {
        let (found, stray) = self::entities(sentence, scheme);
        events.extend(stray.iter().map(|e| warning(src, e)));
        entities.push(found);
    }
    let placed = match &copts.align_to {
        Some(corpus) => {
            aligned(doc, corpus, cursor).map(|(target, ranges)| (target.id, target.text, ranges))
        }
        None => {
            let id = doc
                .id
                .clone()
                .unwrap_or_else(|| format!("{stem}-{}", k + 1));
            match annot_model::document::check_id(&id) {
                Err(problem) => Err(LineError {
                    line: if doc.id.is_some() {
                        doc.id_line
                    } else {
                        doc.line
                    },
                    message: format!(
                        "the document id '{id}' {problem}; give the document a \
                         '# id = ...' comment, or rename the file"
                    ),
                }),
                Ok(()) => {
                    let (text, ranges) = rebuild(doc);
                    Ok((id, text, ranges))
                }
            }
        }
    };
    let (id, text, ranges) = match placed {
        Ok(p) => p,
        Err(e) => {
            events.push(line_failure(src, &e));
            return;
        }
    };
    let mut annotation = AnnotationIn::new(Status::Accepted);
    for (found, sr) in entities.iter().zip(&ranges) {
        for e in found {
            let (start, end) = (sr[e.first].0, sr[e.end - 1].1);
            annotation
                .spans
                .push(SpanIn::new(start, end, e.label.clone()));
        }
    }
    let annotated = AnnotatedIn {
        location,
        id: Some(id),
        text,
        text_field: "tokens".into(),
        meta: RecordMeta::default(),
        annotations: vec![annotation],
        conversions: Vec::new(),
        warnings: Vec::new(),
    };
    events.extend(annotated_events(annotated, source, opts));
}

/// A warning about a line of `src`.
fn warning(src: &Source, e: &LineError) -> Event {
    Event::Warning(Diagnostic::new(
        format!("{}:{}", src.name(), e.line),
        &e.message,
    ))
}

/// The stem of a source's file name (`stdin` for standard input).
fn src_stem(src: &Source) -> String {
    if matches!(src.data, crate::sources::SourceData::Stdin(_)) {
        return "stdin".into();
    }
    std::path::Path::new(src.meta_source().as_ref())
        .file_stem()
        .map_or_else(|| "stdin".to_string(), |s| s.to_string_lossy().into_owned())
}

/// The corpus document `doc`'s tokens align onto, and where they are: the
/// document its `# id` names, else the first, from the one after the last
/// aligned (`cursor`), whose text holds all the tokens in order.
fn aligned(
    doc: &ConllDoc,
    corpus: &AlignCorpus,
    cursor: &mut usize,
) -> Result<(Document, Ranges), LineError> {
    if let Some(id) = &doc.id {
        let Some(i) = corpus.texts.position(id) else {
            return Err(LineError {
                line: doc.line,
                message: format!(
                    "the document '{id}' (its '# id' comment) is not in the project; import its text first, or import without --align-to-corpus"
                ),
            });
        };
        let target = corpus.read(i, doc)?;
        let ranges = align(doc, &target.text).map_err(|e| LineError {
            line: e.line,
            message: format!("{} (document '{}')", e.message, target.id),
        })?;
        *cursor = i + 1;
        return Ok((target, ranges));
    }
    if let Some(holders) = corpus.holders(doc)? {
        // Only the documents that may hold the tokens are tried, in the
        // order below; when none holds them, that order is followed over
        // every document, for its message.
        if let Some(found) = aligned_among(doc, corpus, cursor, &holders) {
            return found;
        }
    }
    let n = corpus.len();
    // An export lists documents in the project's order: the next one first.
    let next = (*cursor < n).then_some(*cursor);
    let mut tried = vec![false; n];
    // The documents the index points at, all tried: of several that hold
    // the tokens, the one the tokens cover whole is taken, else the match
    // is ambiguous.
    let mut trial = Trial::new(doc);
    match corpus.clues(doc)? {
        Some(others) => {
            let others = others.iter().map(|&i| i as usize);
            let after = others.clone().filter(|&i| i >= *cursor);
            let before = others.filter(|&i| i < *cursor);
            for i in next.into_iter().chain(after).chain(before) {
                // A position past the corpus as opened is not one to try.
                let Some(t) = tried.get_mut(i) else {
                    continue;
                };
                if std::mem::replace(t, true) {
                    continue;
                }
                trial.attempt(i, corpus.read(i, doc)?);
            }
        }
        None => {
            // Every document is a candidate: from the next one to the
            // end, then from the first, read in order.
            let from = next.unwrap_or(n);
            let mut each = |i: usize, target: Document| {
                if i >= n || std::mem::replace(&mut tried[i], true) {
                    return false;
                }
                trial.attempt(i, target);
                true
            };
            if from < n {
                corpus.each_from(from, doc, &mut each)?;
            }
            corpus.each_from(0, doc, &mut each)?;
        }
    }
    if let Some(found) = trial.chosen(corpus, cursor) {
        return found;
    }
    // The rest last: a file tokenized otherwise than annot may mislead the
    // index (nothing left when every document was tried).
    let mut found = false;
    if tried.iter().any(|&t| !t) {
        corpus.each_from(0, doc, &mut |i, target| {
            if i >= n || std::mem::replace(&mut tried[i], true) {
                return true;
            }
            found = trial.attempt(i, target);
            !found
        })?;
    }
    if let Some(found) = trial.chosen(corpus, cursor) {
        return found;
    }
    let message = match trial.best {
        Some(e) => format!(
            "no document of the project holds the tokens of this document in order; the best \
             match fails at line {}: {}; import the text first, or import without --align-to-corpus",
            e.line, e.message
        ),
        None => "the project has no document to align onto; import the texts first, or import without --align-to-corpus".into(),
    };
    Err(LineError {
        line: doc.line,
        message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(doc: &ConllDoc) -> Vec<Vec<String>> {
        doc.sentences
            .iter()
            .map(|s| {
                s.iter()
                    .map(|t| match &t.tag {
                        Tag::Outside => "O".to_string(),
                        Tag::Entity(p, l) => format!("{p}-{l}"),
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn four_columns_docstart_and_sentences() {
        let text = "-DOCSTART- -X- -X- O\n\nLe DET B-NP O\nHezbollah PROPN I-NP I-ORG\n\nIl PRON B-NP O\n-DOCSTART- -X- -X- O\n\nParis PROPN B-NP I-LOC\n\n\n";
        let (docs, _) = parse(text, None).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(tags(&docs[0]), [vec!["O", "I-ORG"], vec!["O"]]);
        assert_eq!(docs[0].line, 3);
        assert_eq!(docs[1].sentences[0][0].text, "Paris");
        assert_eq!(detect_scheme(&docs).unwrap(), Scheme::Iob1);
        let (text, ranges) = rebuild(&docs[0]);
        assert_eq!(text, "Le Hezbollah\nIl");
        assert_eq!(ranges, [vec![(0, 2), (3, 12)], vec![(13, 15)]]);
        // The chunk column, not the NER one.
        let (chunks, _) = parse(text_of_chunks(), Some(3)).unwrap();
        assert_eq!(tags(&chunks[0]), [vec!["B-NP", "I-NP"]]);
    }

    fn text_of_chunks() -> &'static str {
        "Le DET B-NP O\nchat NOUN I-NP O"
    }

    #[test]
    fn tabs_comments_and_no_final_newline() {
        let text = "# id = dépêche-1\nNew York\tB-LOC\n#\tO\nvit\tO";
        let (docs, _) = parse(text, None).unwrap();
        assert_eq!(docs[0].id.as_deref(), Some("dépêche-1"));
        let s = &docs[0].sentences[0];
        assert_eq!(s.len(), 3);
        assert_eq!(s[0].text, "New York");
        assert_eq!(s[1].text, "#", "a # token with a tag is a token");
        assert_eq!(s[2].line, 4);
        // A file of one document ending on blank lines, CRLF already gone.
        let (docs, _) = parse("A O\n\n\n\n", None).unwrap();
        assert_eq!(docs.len(), 1);
        let (docstart, _) = parse(
            "-DOCSTART- (dépêche-12) O\nX O\n-DOCSTART- -X- O\nY O\n",
            None,
        )
        .unwrap();
        let ids: Vec<_> = docstart.iter().map(|d| d.id.as_deref()).collect();
        assert_eq!(ids, [Some("dépêche-12"), None]);
        let (newdoc, _) = parse("# newdoc id = a\nX O\n# newdoc id = b\nY O\n", None).unwrap();
        let ids: Vec<_> = newdoc.iter().map(|d| d.id.as_deref()).collect();
        assert_eq!(ids, [Some("a"), Some("b")]);
    }

    #[test]
    fn bad_lines_are_named() {
        let err = parse("Paris B-LOC\nlà\n", None).unwrap_err();
        assert_eq!(err.line, 2);
        assert!(err.message.contains("no tag column"), "{}", err.message);
        let err = parse("Paris LOC\n", None).unwrap_err();
        assert_eq!(
            err.message,
            "the tag 'LOC' is not O or a prefix B-, I-, E-, S-, L- or U- with a label (e.g. B-PER); \
             if the tag is not the last column, say which with --tag-column N"
        );
        let err = parse("Paris B-LOC\n", Some(3)).unwrap_err();
        assert!(err.message.contains("no column 3"), "{}", err.message);
    }

    fn sentence(tags: &[&str]) -> Vec<Token> {
        tags.iter()
            .enumerate()
            .map(|(i, t)| Token {
                text: format!("t{i}"),
                tag: parse_tag(t).unwrap(),
                line: i + 1,
            })
            .collect()
    }

    fn ents(tags: &[&str], scheme: Scheme) -> (Vec<(usize, usize, String)>, Vec<usize>) {
        let (e, stray) = entities(&sentence(tags), scheme);
        (
            e.into_iter().map(|e| (e.first, e.end, e.label)).collect(),
            stray.into_iter().map(|s| s.line).collect(),
        )
    }

    #[test]
    fn schemes_decode() {
        let iob2 = ["B-PER", "I-PER", "B-PER", "O", "B-LOC"];
        let (e, stray) = ents(&iob2, Scheme::Iob2);
        assert_eq!(
            e,
            [
                (0, 2, "PER".into()),
                (2, 3, "PER".into()),
                (4, 5, "LOC".into())
            ]
        );
        assert!(stray.is_empty());
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC"];
        let (e, stray) = ents(&iob1, Scheme::Iob1);
        assert_eq!(
            e,
            [
                (0, 2, "PER".into()),
                (2, 3, "PER".into()),
                (4, 5, "LOC".into())
            ]
        );
        assert!(stray.is_empty());
        let bioes = ["B-PER", "E-PER", "S-PER", "O", "B-LOC", "I-LOC", "E-LOC"];
        let (e, stray) = ents(&bioes, Scheme::Bioes);
        assert_eq!(
            e,
            [
                (0, 2, "PER".into()),
                (2, 3, "PER".into()),
                (4, 7, "LOC".into())
            ]
        );
        assert!(stray.is_empty());
        let bilou = ["U-ORG", "B-PER", "L-PER"];
        let (e, _) = ents(&bilou, Scheme::Bilou);
        assert_eq!(e, [(0, 1, "ORG".into()), (1, 3, "PER".into())]);
    }

    #[test]
    fn stray_tags_are_reported_with_their_line() {
        // I-PER after O in IOB2: begins an entity, reported.
        let (e, stray) = ents(&["O", "I-PER", "I-PER"], Scheme::Iob2);
        assert_eq!(e, [(1, 3, "PER".into())]);
        assert_eq!(stray, [2]);
        let (_, bad) = entities(&sentence(&["O", "I-PER"]), Scheme::Iob2);
        assert_eq!(
            bad[0].message,
            "I-PER after O: in IOB2 an entity begins with B-; read as beginning one"
        );
        // E- without B- in BIOES.
        let (e, stray) = ents(&["O", "E-LOC"], Scheme::Bioes);
        assert_eq!(e, [(1, 2, "LOC".into())]);
        assert_eq!(stray, [2]);
        // B- never ended.
        let (e, stray) = ents(&["B-LOC", "I-LOC", "O"], Scheme::Bioes);
        assert_eq!(e, [(0, 2, "LOC".into())]);
        assert_eq!(stray, [1]);
        // A label change inside an IOB2 entity.
        let (e, stray) = ents(&["B-LOC", "I-PER"], Scheme::Iob2);
        assert_eq!(e, [(0, 1, "LOC".into()), (1, 2, "PER".into())]);
        assert_eq!(stray, [2]);
    }

    #[test]
    fn two_readings_of_a_file_that_changed_do_not_match() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.conll");
        std::fs::write(&path, "Paris B-LOC\nest O\n").unwrap();
        let text = ConllText::File(path.clone());
        let stamp = |t: &ConllText| t.each(&mut |_| true).unwrap().1.unwrap();
        let first = stamp(&text);
        assert_eq!(first, stamp(&text), "the same file reads the same");
        // Grown (a writer still at work), then replaced by a rename with the same length.
        let mut f = std::fs::OpenOptions::new()
            .append(true)
            .open(&path)
            .unwrap();
        std::io::Write::write_all(&mut f, b"belle O\n").unwrap();
        assert_ne!(first, stamp(&text));
        let other = dir.path().join("b.conll");
        std::fs::write(&other, "Paris B-PER\nest O\n").unwrap();
        std::fs::rename(&other, &path).unwrap();
        assert_ne!(first, stamp(&text));
    }

    #[test]
    fn detection() {
        let doc = |tags: &[&str]| ConllDoc {
            id: None,
            sentences: vec![sentence(tags)],
            line: 1,
            id_line: 0,
        };
        let d = |tags: &[&str]| detect_scheme(&[doc(tags)]).unwrap();
        assert_eq!(d(&["B-PER", "I-PER"]), Scheme::Iob2);
        assert_eq!(d(&["I-PER", "B-PER"]), Scheme::Iob1);
        assert_eq!(
            d(&["O", "I-PER", "B-LOC"]),
            Scheme::Iob2,
            "I- stray in IOB2"
        );
        assert_eq!(d(&["S-PER", "B-LOC", "E-LOC"]), Scheme::Bioes);
        assert_eq!(d(&["U-PER"]), Scheme::Bilou);
        assert!(detect_scheme(&[doc(&["S-PER", "U-LOC"])]).is_err());
    }

    #[test]
    fn every_document_a_file_aligns_onto_is_among_its_holders() {
        // Texts with and without white space between tokens, tokens holding
        // white space (a tab-separated file), astral characters; sentences
        // long enough to have kept shingles.
        let texts: Vec<String> = (0..60)
            .map(|i| {
                format!(
                    "Titre {i}\n\nLe maire de Saint-Étienne, M. Dupont{i}, a dit (mardi) que la \
                     ville 🎉 aurait un plan n{i}x pour les écoles.\n\nPar A. B.\n\n\
                     Le   conseil\tsiégera à Lyon{}  demain soir, selon le maire.",
                    i % 7
                )
            })
            .collect();
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), t.as_str()))
            .collect();
        let corpus = AlignCorpus::new(docs.clone());
        let mut any_kept = false;
        for i in [0usize, 3, 7, 14, 59] {
            let conll = format!(
                "Le O\nmaire O\nde O\nSaint-Étienne B-LOC\n, O\nM. O\nDupont{i} B-PER\n, O\na O\n\
                 dit O\n( O\nmardi O\n) O\nque O\nla O\nville O\n🎉 O\naurait O\nun O\n\
                 plan O\nn{i}x O\npour O\nles O\nécoles O\n. O\n\nLe\tO\nconseil\tO\n\
                 siégera\tO\nà\tO\nLyon{}\tB-LOC\ndemain soir\tO\n,\tO\n",
                i % 7
            );
            let (parsed, _) = parse(&conll, None).unwrap();
            let doc = &parsed[0];
            let holders = corpus.holders(doc).unwrap();
            any_kept |= holders.is_some();
            let holders = holders.unwrap_or_else(|| (0..60).collect());
            for (j, d) in docs.iter().enumerate() {
                if align(doc, &d.text).is_ok() {
                    assert!(
                        holders.contains(&(j as u32)),
                        "document {j} holds the tokens of {i} but is not among {holders:?}"
                    );
                }
            }
            assert!(align(doc, &docs[i].text).is_ok(), "{i}");
            let mut cursor = 0;
            let (found, _) = aligned(doc, &corpus, &mut cursor).unwrap();
            assert_eq!(found.id, format!("d{i}"));
        }
        assert!(any_kept, "the sentences are long enough to keep shingles");
    }

    #[test]
    fn the_indexes_on_disk_list_what_an_index_in_memory_lists() {
        // Documents in two chunks, tokens and shingles in many blocks.
        let docs: Vec<Document> = (0..1_500u32)
            .map(|i| {
                let text = format!(
                    "Le maire n{i} de Ville{} a dit, selon l'Agence{} : « bonjour {} ».\n\
                     Le conseil{} siégera à Lyon{} demain soir 🎉, selon M. Dupont{i}.\n\
                     Par A. B{}. et C. D{}.",
                    i % 13,
                    i % 101,
                    i % 7,
                    i % 3,
                    i % 11,
                    i % 29,
                    i / 2
                );
                Document::new(format!("d{i}"), text.as_str())
            })
            .collect();
        let texts = Texts::Held(docs.clone());
        let mut tokens: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        let mut shingles: std::collections::BTreeMap<u32, Vec<u32>> = Default::default();
        for (i, d) in docs.iter().enumerate() {
            let i = i as u32;
            let map = OffsetMap::new(&d.text);
            for t in tokenize(&d.text, Lang::default()) {
                let (s, e) = map.to_bytes(t.start, t.end).unwrap();
                let list = tokens.entry(d.text[s..e].to_string()).or_default();
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
            for k in text_shingles(&d.text) {
                shingles.entry(k).or_default().push(i);
            }
        }
        let index = token_index(&texts).unwrap();
        assert!(index.blocks() > 5, "{} blocks", index.blocks());
        for (t, list) in &tokens {
            let e = index.entry(token_key(t)).unwrap().unwrap();
            assert_eq!(&index.list(&e).unwrap(), list, "{t}");
        }
        assert_eq!(index.entry(token_key("absent")).unwrap(), None);
        let table = shingle_table(&texts).unwrap();
        assert!(table.blocks() > 5, "{} blocks", table.blocks());
        for (&k, list) in &shingles {
            assert_eq!(
                &table.docs(table.range(u64::from(k)).unwrap()).unwrap(),
                list,
                "{k}"
            );
        }
    }

    #[test]
    fn alignment_skips_text_the_file_does_not_hold() {
        let (doc, _) = parse("Le O\nHezbollah B-ORG\n\nIl O\nparle O\n.\tO\n", None).unwrap();
        let text = "Titre\n\nLe  Hezbollah\n\nPar A. B.\n\nIl parle.";
        let ranges = align(&doc[0], text).unwrap();
        assert_eq!(ranges[0], [(7, 9), (11, 20)]);
        assert_eq!(ranges[1], [(33, 35), (36, 41), (41, 42)]);
        let err = align(&doc[0], "Le Hezbollah. Elle parle").unwrap_err();
        assert_eq!(err.line, 4);
        assert_eq!(
            err.message,
            "the token 'Il' is not in the text of the document after the tokens before it"
        );
        // Astral characters and combining marks count as code points.
        let (doc, _) = parse("🙂 O\nE\u{0301}lise B-PER\n", None).unwrap();
        let text = "😀🙂 Élise";
        let ranges = align(&doc[0], text).unwrap();
        assert_eq!(ranges[0], [(1, 2), (3, 8)]);
    }
}
