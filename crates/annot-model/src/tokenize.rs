//! Tokenizer and sentence splitter for French and English news text.
//!
//! Tokens follow spaCy's rule-based tokenizers (`spacy.blank("fr")` and
//! `spacy.blank("en")`, spaCy 3.8), ported rule for rule so that annotations
//! made on our tokens line up with spaCy's: French elisions keep their
//! apostrophe (`L'` `armée`, `jusqu'` `à`), English clitics are split (`do`
//! `n't`, `company` `'s`), punctuation, quotes and guillemets are split off,
//! numbers stay whole (`19/11/2017`, `3,5`, `1,200`), as do abbreviations
//! (`M.`, `Dr.`, `U.S.`, `etc.`) and, in French, the hyphenated words spaCy
//! keeps (`contre-offensive`, `Saint-Aubin-des-Saules`; English splits
//! `long` `-` `term` as spaCy does). `tests/spacy_agreement.rs` measures the
//! agreement on the sample corpus.
//!
//! Where we differ from spaCy on purpose: we emit no whitespace tokens, every
//! Unicode white space (NBSP included) separates tokens, and a token never
//! ends inside a grapheme cluster, so an emoji keeps its skin tone, variation
//! selector or ZWJ sequence, and a letter its combining accent.
//!
//! Offsets are code points into the text (see [`crate::offsets`]); the work
//! is done on byte offsets and converted once at the end.
//!
//! Speed: the pieces of each chunk of non-white-space text that is not plain
//! ASCII letters are cached by the chunk's text, per thread (spaCy caches by
//! word too), so a repeated `l'armée,` costs a hash lookup. `cargo bench -p
//! annot-model --bench tokenize` prints tokens/s (set `ANNOT_BENCH_ARTICLES`
//! to a folder of `xtask gen-articles` output for a larger sample).

mod affixes;
mod chars;
mod engine;
mod fr_data;
mod matchers;
mod sentences;
mod specials;
#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use specials::FxHasher;

/// Language of a text, as far as tokenization cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// French.
    #[default]
    Fr,
    /// English.
    En,
}

impl Lang {
    /// `fr` or `en`; anything else is `None`.
    #[must_use]
    pub fn from_code(code: &str) -> Option<Self> {
        match code.to_ascii_lowercase().as_str() {
            "fr" | "fra" | "fre" | "french" => Some(Lang::Fr),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The ISO 639-1 code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}

/// A token: a code point range of the text, end-exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Token {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// Splits `text` into tokens (code point offsets). Whitespace, including NBSP, is never part of a token.
#[must_use]
pub fn tokenize(text: &str, lang: Lang) -> Vec<Token> {
    to_chars(text, &token_bytes(text, lang))
}

/// Splits `text` into sentences (code point ranges without surrounding whitespace).
///
/// Every token of [`tokenize`] lies in exactly one sentence. Line breaks always
/// end a sentence; see the module documentation of the splitter for the rest.
#[must_use]
pub fn sentences(text: &str, lang: Lang) -> Vec<Token> {
    tokens_and_sentences(text, lang).1
}

/// [`tokenize`] and [`sentences`] at the cost of one tokenization.
#[must_use]
pub fn tokens_and_sentences(text: &str, lang: Lang) -> (Vec<Token>, Vec<Token>) {
    let toks = token_bytes(text, lang);
    let sents = sentences::split(text, &toks, lang);
    (to_chars(text, &toks), to_chars(text, &sents))
}

/// spaCy's cache of the pieces of a chunk (it caches by word too): news text
/// repeats its words, and most chunks that are not plain letters (`l'armée`,
/// `mardi.`, `(AFP)`) come back many times. Per thread, per language; keys are
/// chunks of at most [`CACHE_MAX_CHUNK`] bytes, pieces are byte ranges of the
/// chunk; emptied when it reaches [`CACHE_MAX_ENTRIES`] (a few hundred KB at most,
/// so that a long export's threads do not each grow a cache of many MB: 4,096
/// entries run as many instructions as 65,536 did, within 0.01%, on 10,000
/// generated articles).
#[derive(Default)]
struct ChunkCache {
    langs: [Cache; 2],
}

const CACHE_MAX_CHUNK: usize = 64;
const CACHE_MAX_ENTRIES: usize = 1 << 12;

thread_local! {
    static CACHE: RefCell<ChunkCache> = RefCell::new(ChunkCache::default());
}

type Cache = HashMap<Box<str>, Box<[(u8, u8)]>, BuildHasherDefault<FxHasher>>;

/// The tokens of `text` as byte ranges.
fn token_bytes(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    CACHE.with_borrow_mut(|cache| {
        token_bytes_with(text, lang, Some(&mut cache.langs[lang as usize]))
    })
}

/// [`token_bytes`] with the chunk cache of `lang`, or without one.
fn token_bytes_with(text: &str, lang: Lang, mut cache: Option<&mut Cache>) -> Vec<(usize, usize)> {
    let specials = specials::specials(lang);
    let mut scratch = engine::Scratch::default();
    // News prose averages a token every five or six bytes.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let bytes = text.as_bytes();
    {
        let mut i = 0;
        while i < bytes.len() {
            let ws = match BYTE_CLASS[usize::from(bytes[i])] {
                SPACE => 1,
                MAYBE_SPACE => whitespace_len(text, i),
                _ => 0,
            };
            if ws > 0 {
                i += ws;
                continue;
            }
            let start = i;
            let mut letters = true;
            while i < bytes.len() {
                match BYTE_CLASS[usize::from(bytes[i])] {
                    LETTER => {}
                    SPACE => break,
                    MAYBE_SPACE if whitespace_len(text, i) != 0 => break,
                    _ => letters = false,
                }
                i += 1;
            }
            let chunk = &text[start..i];
            // ASCII letters only: one token, unless a special case splits it (`cannot`).
            if letters && !(specials.letters_split && specials.get(chunk).is_some()) {
                out.push((start, i));
                continue;
            }
            let cache = cache
                .as_deref_mut()
                .filter(|_| chunk.len() <= CACHE_MAX_CHUNK);
            if let Some(pieces) = cache.as_ref().and_then(|c| c.get(chunk)) {
                out.extend(
                    pieces
                        .iter()
                        .map(|&(a, b)| (start + usize::from(a), start + usize::from(b))),
                );
                continue;
            }
            let first = out.len();
            engine::chunk_pieces(chunk, lang, Some(specials), &mut scratch, &mut out);
            if let Some(cache) = cache {
                if cache.len() >= CACHE_MAX_ENTRIES {
                    cache.clear();
                }
                // Offsets within a chunk of at most CACHE_MAX_CHUNK bytes fit a u8.
                let pieces = out[first..]
                    .iter()
                    .map(|&(a, b)| (a as u8, b as u8))
                    .collect();
                cache.insert(chunk.into(), pieces);
            }
            for piece in &mut out[first..] {
                piece.0 += start;
                piece.1 += start;
            }
        }
    }
    engine::apply_special_patterns(text, specials, &mut out, &mut String::new());
    if !text.is_ascii() {
        engine::merge_inside_graphemes(text, &mut out);
    }
    out
}

/// [`BYTE_CLASS`] of an ASCII letter.
const LETTER: u8 = 1;
/// [`BYTE_CLASS`] of ASCII white space (one byte, always white space).
const SPACE: u8 = 2;
/// [`BYTE_CLASS`] of a lead byte of some white space character (U+0085,
/// U+00A0, U+1680, U+2000..U+205F, U+3000): [`whitespace_len`] decides.
const MAYBE_SPACE: u8 = 3;

/// The class of each byte for the scan of chunks (0: anything else), so that
/// a byte costs one table look-up.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => LETTER,
            b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => SPACE,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => MAYBE_SPACE,
            _ => 0,
        };
        b += 1;
    }
    t
};

/// Byte length of the white-space character at byte `i` of `text`, 0 if none
/// (also inside a character, so that callers may step byte by byte).
#[inline]
fn whitespace_len(text: &str, i: usize) -> usize {
    match text.as_bytes()[i] {
        b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r' => 1,
        // Lead bytes of U+0085, U+00A0, U+1680, U+2000..U+205F and U+3000.
        0xC2 | 0xE1 | 0xE2 | 0xE3 => text[i..]
            .chars()
            .next()
            .filter(|c| c.is_whitespace())
            .map_or(0, char::len_utf8),
        _ => 0,
    }
}

/// Byte ranges of `text` to code point ranges. A byte offset less the bytes
/// before it that continue a code point (10xxxxxx, found eight bytes at a
/// time: few in news text) is a code point offset; the ranges come in text
/// order (each starts at or after the end of the one before), so one walk
/// through those bytes converts them and no map of the text is built.
fn to_chars(text: &str, ranges: &[(usize, usize)]) -> Vec<Token> {
    if text.is_ascii() {
        return ranges
            .iter()
            .map(|&(start, end)| Token { start, end })
            .collect();
    }
    let continuing = continuing_bytes(text.as_bytes());
    // Bytes of `continuing` before the last offset converted, and that offset.
    let (mut seen, mut last) = (0, 0);
    let mut char_at = |b: usize| {
        if b < last {
            seen = 0;
        }
        while continuing.get(seen).is_some_and(|&c| c < b) {
            seen += 1;
        }
        last = b;
        b - seen
    };
    ranges
        .iter()
        .map(|&(a, b)| {
            let start = char_at(a);
            Token {
                start,
                end: char_at(b),
            }
        })
        .collect()
}

/// The offsets of the bytes of `bytes` that continue a code point (10xxxxxx),
/// in order, eight bytes at a time.
fn continuing_bytes(bytes: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut words = bytes.chunks_exact(8);
    let mut at = 0;
    for w in &mut words {
        let mut word = [0; 8];
        word.copy_from_slice(w);
        let w = u64::from_le_bytes(word);
        let mut mask = crate::offsets::continuing_mask(w);
        while mask != 0 {
            out.push(at + mask.trailing_zeros() as usize / 8);
            mask &= mask - 1;
        }
        at += 8;
    }
    for (i, &b) in words.remainder().iter().enumerate() {
        if b & 0xC0 == 0x80 {
            out.push(at + i);
        }
    }
    out
}
