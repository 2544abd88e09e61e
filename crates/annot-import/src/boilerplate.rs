//! What marks a line as page furniture rather than article: known phrases of
//! French and English news sites, counters, and lines that recur across the
//! documents of one import.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::phrases::{
    FOOTER_CONTAINS, FOOTER_LINES, NAV_CONTAINS, NAV_LINES, NAV_PREFIXES, RELATED_LINES,
    RELATED_PREFIXES, SHORT_NAV_CONTAINS, SHORT_NAV_PREFIXES,
};

/// What a known phrase says about its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// Navigation, login, sharing, counters: boilerplate wherever it is.
    Nav,
    /// A heading of related links ("Lire aussi", "Pour mémoire"): the link
    /// titles under it are boilerplate too.
    Related,
    /// A related link with its title on the same line ("(Lire aussi : ...)").
    RelatedLink,
    /// The end of the article: comments, "most read", copyright.
    Footer,
}

/// Longest line, in bytes, that the whole-line rules apply to and whose
/// recurrence is counted: navigation, bylines and link lists are short, and
/// counting only short lines keeps wire copy that several sites republished
/// from being taken for boilerplate.
pub(crate) const SHORT_LINE: usize = 160;

/// How much of a long line is folded and searched for phrases: cookie
/// banners, paywall prompts and comment policies say what they are early,
/// and a paragraph is not searched to its end.
const SEARCHED: usize = 128;

/// Which list a phrase found inside a line comes from, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tag {
    ShortNav,
    Nav,
    Footer,
}

/// One automaton for every phrase searched inside lines: one pass over a
/// line, however many phrases there are. Lines are searched folded, so the
/// phrases are folded too and the search can skip ahead on rare bytes.
struct Contains {
    automaton: AhoCorasick,
    tags: Vec<Tag>,
}

impl Contains {
    fn new(lists: &[(&[&str], Tag)]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut tags = Vec::new();
        for &(list, tag) in lists {
            for p in list {
                patterns.push(fold(p));
                tags.push(tag);
            }
        }
        let automaton = AhoCorasick::new(&patterns)
            // The patterns are constants, far below the automaton's limits.
            .unwrap_or_else(|_| unreachable!("phrase lists are small"));
        Self { automaton, tags }
    }

    /// The strongest phrase in `folded`.
    fn strongest(&self, folded: &str) -> Option<Tag> {
        let mut best = None;
        for m in self.automaton.find_iter(folded) {
            let tag = self.tags[m.pattern().as_usize()];
            if tag == Tag::Footer {
                return Some(tag);
            }
            best = best.max(Some(tag));
        }
        best
    }
}

/// Every phrase, for short lines.
static CONTAINS: LazyLock<Contains> = LazyLock::new(|| {
    Contains::new(&[
        (FOOTER_CONTAINS, Tag::Footer),
        (NAV_CONTAINS, Tag::Nav),
        (SHORT_NAV_CONTAINS, Tag::ShortNav),
    ])
});

/// The phrases that count in long lines (the short-line ones cannot): fewer
/// patterns, a faster search over the opening of every paragraph.
static CONTAINS_LONG: LazyLock<Contains> =
    LazyLock::new(|| Contains::new(&[(FOOTER_CONTAINS, Tag::Footer), (NAV_CONTAINS, Tag::Nav)]));

/// The whole-line phrases; a line in two lists takes the stronger role.
static WHOLE_LINES: LazyLock<FxHashMap<&'static str, Phrase>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for (list, phrase) in [
        (NAV_LINES, Phrase::Nav),
        (RELATED_LINES, Phrase::Related),
        (FOOTER_LINES, Phrase::Footer),
    ] {
        map.extend(list.iter().map(|line| (*line, phrase)));
    }
    map
});

/// A line prepared for the phrase rules: folded whole when short, else its opening.
pub(crate) struct FoldedLine<'a> {
    /// [`fold`] of the whole line when it is short, else of its first [`SEARCHED`] bytes.
    pub(crate) folded: &'a str,
    /// Whether `folded` is the whole line.
    pub(crate) whole: bool,
}

impl<'a> FoldedLine<'a> {
    /// Prepares a trimmed line, folding it into `buf` (reused from line to
    /// line: this runs on every line of every document).
    pub(crate) fn new(raw: &str, buf: &'a mut Vec<u8>) -> Self {
        let whole = raw.len() <= SHORT_LINE;
        fold_into(buf, if whole { raw } else { head(raw, SEARCHED) });
        Self {
            // fold_into writes whole characters only.
            folded: simdutf8::basic::from_utf8(buf).unwrap_or_default(),
            whole,
        }
    }

    /// The key under which the line's recurrence is counted; `None` for long lines.
    /// Digits are kept: daily headlines that differ only by a figure are articles.
    pub(crate) fn key(&self) -> Option<u64> {
        if !self.whole || self.folded.is_empty() {
            return None;
        }
        let mut h = rustc_hash::FxHasher::default();
        self.folded.hash(&mut h);
        Some(h.finish())
    }

    /// What a known phrase says about the line.
    pub(crate) fn phrase(&self) -> Option<Phrase> {
        let folded = self.folded;
        if self.whole {
            let bare = without_count(folded)
                .trim_start_matches(['(', '['])
                .trim_end_matches([')', ']']);
            if let Some(&phrase) = WHOLE_LINES.get(bare) {
                return Some(phrase);
            }
        }
        let opening = folded.trim_start_matches(['(', '[']);
        if RELATED_PREFIXES.iter().any(|p| opening.starts_with(p)) {
            return Some(Phrase::RelatedLink);
        }
        let short_prefix = self.whole && SHORT_NAV_PREFIXES.iter().any(|p| folded.starts_with(p));
        let contains = if self.whole {
            &CONTAINS
        } else {
            &CONTAINS_LONG
        };
        match contains.strongest(folded) {
            Some(Tag::Footer) => Some(Phrase::Footer),
            Some(Tag::Nav) => Some(Phrase::Nav),
            Some(Tag::ShortNav) if self.whole => Some(Phrase::Nav),
            _ if short_prefix || NAV_PREFIXES.iter().any(|p| folded.starts_with(p)) => {
                Some(Phrase::Nav)
            }
            _ => None,
        }
    }
}

/// At most `max` bytes of `text`, cut at a character boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Lower-cased, French accents folded, spaces collapsed, `’` as `'`, and
/// without the punctuation that sites put around navigation (`› À la une :`).
pub(crate) fn fold(line: &str) -> String {
    let mut out = Vec::with_capacity(line.len());
    fold_into(&mut out, line);
    // fold_into writes whole characters only.
    String::from_utf8(out).unwrap_or_default()
}

/// ASCII bytes as [`fold`] writes them: lower case, and 0 for white space.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            0
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// One character folded: French accents dropped, `’` as `'`, `œ` as `oe`,
/// anything else lower-cased.
fn push_folded(out: &mut Vec<u8>, c: char) {
    let ascii = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => b'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => b'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => b'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => b'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => b'u',
        'ç' | 'Ç' => b'c',
        '’' | 'ʼ' => b'\'',
        'œ' | 'Œ' => {
            out.extend_from_slice(b"oe");
            return;
        }
        _ => {
            let mut utf8 = [0u8; 4];
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
            return;
        }
    };
    out.push(ascii);
}

/// Punctuation that sites put around navigation (`› À la une :`), trimmed off folded lines.
fn is_edge(c: char) -> bool {
    matches!(
        c,
        ':' | '›'
            | '»'
            | '«'
            | '>'
            | '<'
            | '|'
            | '-'
            | '–'
            | '—'
            | '•'
            | '·'
            | '.'
            | '…'
            | '*'
            | '#'
    ) || c.is_whitespace()
}

/// Eight bytes folded at once when they are printable ASCII whose only white
/// space is single spaces inside (so nothing collapses): lower-cased with
/// word-wide arithmetic. Each test is exact per byte because every byte is
/// below 0x80, so no borrow or carry crosses bytes.
fn plain_ascii_block(block: &[u8]) -> Option<[u8; 8]> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut word = [0u8; 8];
    word.copy_from_slice(block);
    let x = u64::from_le_bytes(word);
    if x & HI != 0 {
        return None;
    }
    // High bit of each byte below 0x20 (controls, tabs, line breaks).
    let control = LO.wrapping_mul(127 + 0x20).wrapping_sub(x) & HI;
    // High bit of each space: (x ^ 0x20) is zero there.
    let spaces = LO.wrapping_mul(128).wrapping_sub(x ^ LO.wrapping_mul(0x20)) & HI;
    let first_or_last = 0x80 | (0x80 << 56);
    if control != 0 || spaces & (spaces >> 8) != 0 || spaces & first_or_last != 0 {
        return None;
    }
    // High bit of each byte in 'A'..='Z' (above 0x40 and below 0x5B).
    let upper = LO.wrapping_mul(127 + 0x5B).wrapping_sub(x)
        & x.wrapping_add(LO.wrapping_mul(127 - 0x40))
        & HI;
    Some((x | (upper >> 2)).to_le_bytes())
}

/// [`fold`] into `out` as UTF-8 bytes, replacing what it held: one pass, a
/// table lookup per ASCII byte (this runs on every line of every document).
fn fold_into(out: &mut Vec<u8>, line: &str) {
    out.clear();
    let mut space = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight bytes of plain ASCII words at once.
        if let Some(block) = bytes.get(i..i + 8).and_then(plain_ascii_block) {
            if space {
                out.push(b' ');
                space = false;
            }
            out.extend_from_slice(&block);
            i += 8;
            continue;
        }
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            match ASCII_FOLD[usize::from(b)] {
                0 => space = !out.is_empty(),
                folded => {
                    if space {
                        out.push(b' ');
                        space = false;
                    }
                    out.push(folded);
                }
            }
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        push_folded(out, c);
    }
    let Ok(text) = simdutf8::basic::from_utf8(out) else {
        out.clear();
        return;
    };
    let end = text.trim_end_matches(is_edge).len();
    let start = end - text[..end].trim_start_matches(is_edge).len();
    out.truncate(end);
    out.drain(..start);
}

/// Drops the count around a label: "12 partages", "Réagir (14)", "Comments (23)".
fn without_count(line: &str) -> &str {
    let line = match line.strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            head.trim_end()
        }
        _ => line,
    };
    match line.split_once(' ') {
        Some((n, tail))
            if n.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',') =>
        {
            tail
        }
        _ => line,
    }
}

/// A counter or stray mark: `6`, `1/1`, `12 345`, `x`, `›`.
pub(crate) fn is_counter(line: &str) -> bool {
    line.chars().nth(2).is_none()
        || line
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_whitespace() || "/.,:+-()".contains(c))
}

/// How many documents of one import each short line occurs in.
#[derive(Debug, Clone, Default)]
pub struct LineCounts {
    counts: FxHashMap<u64, u32>,
    documents: u32,
    /// How many distinct lines are kept at most; past it, lines seen in only one
    /// document are forgotten (they are the bulk, and cannot be boilerplate yet).
    cap: usize,
}

/// Distinct lines kept by default: about 40 MB of hash table at most.
const DEFAULT_CAP: usize = 1 << 20;

impl LineCounts {
    /// An empty count.
    #[must_use]
    pub fn new() -> Self {
        Self {
            counts: FxHashMap::default(),
            documents: 0,
            cap: DEFAULT_CAP,
        }
    }

    /// The distinct line keys of one document's text.
    pub(crate) fn document_keys(text: &str) -> Vec<u64> {
        let mut seen = HashSet::new();
        let mut buf = Vec::new();
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && l.len() <= SHORT_LINE)
            .filter_map(|l| FoldedLine::new(l, &mut buf).key())
            .filter(|k| seen.insert(*k))
            .collect()
    }

    /// Adds one document, given its [`Self::document_keys`].
    pub(crate) fn add_document(&mut self, keys: &[u64]) {
        self.documents += 1;
        for k in keys {
            *self.counts.entry(*k).or_insert(0) += 1;
        }
        if self.counts.len() > self.cap {
            self.counts.retain(|_, n| *n > 1);
        }
    }

    /// Adds one document's text.
    pub fn add_text(&mut self, text: &str) {
        self.add_document(&Self::document_keys(text));
    }

    /// Number of documents counted.
    #[must_use]
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// Whether `line` recurs in at least `min_docs` documents and at least
    /// `min_share` of them (0.0..=1.0).
    #[must_use]
    pub fn is_recurrent(&self, line: &str, min_docs: u32, min_share: f64) -> bool {
        FoldedLine::new(line.trim(), &mut Vec::new())
            .key()
            .is_some_and(|key| self.key_recurs(key, min_docs, min_share))
    }

    /// [`Self::is_recurrent`] for a line's [`FoldedLine::key`].
    pub(crate) fn key_recurs(&self, key: u64, min_docs: u32, min_share: f64) -> bool {
        if self.documents < min_docs {
            return false;
        }
        self.counts.get(&key).is_some_and(|&n| {
            n >= min_docs && f64::from(n) >= min_share * f64::from(self.documents)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(line: &str) -> Option<Phrase> {
        FoldedLine::new(line, &mut Vec::new()).phrase()
    }

    /// The character-at-a-time fold, as the reference for the eight-byte path.
    fn fold_slowly(line: &str) -> String {
        let mut out = Vec::new();
        let mut space = false;
        for c in line.chars() {
            // As fold: every white space but VT (not ASCII white space to Rust).
            if c.is_whitespace() && c != '\u{b}' {
                space = !out.is_empty();
                continue;
            }
            if space {
                out.push(b' ');
                space = false;
            }
            push_folded(&mut out, c);
        }
        let out = String::from_utf8(out).unwrap();
        out.trim_matches(is_edge).to_string()
    }

    proptest::proptest! {
        #[test]
        fn fold_matches_the_byte_at_a_time_reference(line in "[ -~éÉœ’\t\u{a0}]{0,40}") {
            proptest::prop_assert_eq!(fold(&line), fold_slowly(&line));
        }
    }

    #[test]
    fn fold_lowercases_strips_accents_and_collapses_spaces() {
        for (line, folded) in [
            ("À La Une", "a la une"),
            (
                "  › Lire  AUSSI\t: Été\u{a0}2017 —",
                "lire aussi : ete 2017",
            ),
            ("Réagir  (14)", "reagir (14)"),
            ("L’Œuvre   d’Art", "l'oeuvre d'art"),
            ("ab  \u{a0} cd", "ab cd"),
            ("x é", "x e"),
            ("", ""),
            (" - • ", ""),
        ] {
            assert_eq!(fold(line), folded, "{line:?}");
        }
    }

    #[test]
    fn phrases() {
        assert_eq!(phrase("À La Une"), Some(Phrase::Nav));
        assert_eq!(phrase("Retour à la Une"), Some(Phrase::Footer));
        assert_eq!(phrase("Pour mémoire"), Some(Phrase::Related));
        assert_eq!(phrase("(Lire aussi : Un titre)"), Some(Phrase::RelatedLink));
        assert_eq!(phrase("Read more:"), Some(Phrase::Related));
        assert_eq!(phrase("6 articles restants"), Some(Phrase::Footer));
        assert_eq!(phrase("12 partages"), Some(Phrase::Nav));
        assert_eq!(phrase("Réagir (14)"), Some(Phrase::Footer));
        assert_eq!(phrase("Comments (23)"), Some(Phrase::Footer));
        assert_eq!(phrase("Partager : Facebook – X"), Some(Phrase::Nav));
        assert_eq!(phrase("Topics"), Some(Phrase::Footer));
        assert_eq!(
            phrase("© 2024 The Daily Example. All rights reserved."),
            Some(Phrase::Nav)
        );
        assert_eq!(phrase("Le gouvernement lira aussi le texte."), None);
        assert_eq!(phrase("Syrie"), None);
        assert_eq!(
            phrase("Vous avez atteint la limite d’articles gratuits."),
            Some(Phrase::Footer)
        );
        assert_eq!(phrase("DÉJÀ ABONNÉ ? Se connecter"), Some(Phrase::Nav));
        let banner = format!(
            "Nous utilisons des cookies pour mesurer l’audience. {}",
            "Texte. ".repeat(40)
        );
        assert_eq!(phrase(&banner), Some(Phrase::Nav), "a long banner");
        let prose = format!(
            "Facebook a changé sa privacy policy mardi. {}",
            "Texte. ".repeat(40)
        );
        assert_eq!(
            phrase(&prose),
            None,
            "a paragraph may name a privacy policy"
        );
        assert_eq!(phrase("Privacy policy"), Some(Phrase::Nav));
        let related = format!("Lire aussi : {}", "un titre très long ".repeat(20));
        assert_eq!(phrase(&related), Some(Phrase::RelatedLink));
    }

    #[test]
    fn counters() {
        for s in ["6", "1/1", "x", "X", "12 345", "›"] {
            assert!(is_counter(s), "{s}");
        }
        assert!(!is_counter("Syrie"));
    }

    #[test]
    fn recurrence_needs_enough_documents() {
        let mut counts = LineCounts::new();
        for (i, word) in ["un", "deux", "trois", "quatre", "cinq", "six"]
            .iter()
            .enumerate()
        {
            counts.add_text(&format!(
                "Menu du site\n\nTitre {word}\n\n{i} articles restants\n"
            ));
        }
        counts.add_text("Autre chose\n");
        assert!(counts.is_recurrent("Menu du site", 3, 0.2));
        assert!(
            counts.is_recurrent("MENU  du site", 3, 0.2),
            "case and spaces are folded"
        );
        assert!(
            !counts.is_recurrent("7 articles restants", 3, 0.2),
            "digits are not"
        );
        assert!(!counts.is_recurrent("Titre trois", 3, 0.2));
        assert!(!counts.is_recurrent("Autre chose", 3, 0.2));
        assert!(!counts.is_recurrent("Menu du site", 3, 0.95));
    }
}
