//! The one conversion between code point offsets (files) and byte offsets (memory).
//!
//! Files store Unicode code point indices, end-exclusive, exactly like Python's
//! `text[start:end]`. Rust slices strings by byte. Nothing outside this module
//! converts between the two.

/// Code point index of `byte` in `text`, or `None` when `byte` is past the end
/// or inside a multi-byte character.
#[must_use]
pub fn byte_to_char(text: &str, byte: usize) -> Option<usize> {
    if byte > text.len() || !text.is_char_boundary(byte) {
        return None;
    }
    Some(text[..byte].chars().count())
}

/// Byte index of code point index `ch` in `text`, or `None` when `ch` is past the end.
#[must_use]
pub fn char_to_byte(text: &str, ch: usize) -> Option<usize> {
    if ch == 0 {
        return Some(0);
    }
    match text.char_indices().nth(ch) {
        Some((b, _)) => Some(b),
        None if text.chars().count() == ch => Some(text.len()),
        None => None,
    }
}

/// Number of code points in `text` (Python's `len(text)`).
#[must_use]
pub fn char_len(text: &str) -> usize {
    text.chars().count()
}

/// `text[start:end]` in code points, or `None` when the range is reversed or out of range.
#[must_use]
pub fn slice_chars(text: &str, start: usize, end: usize) -> Option<&str> {
    if start > end {
        return None;
    }
    let map = OffsetMap::new(text);
    let (s, e) = map.to_bytes(start, end)?;
    Some(&text[s..e])
}

/// A precomputed map for many conversions on one text.
///
/// For ASCII text it stores nothing and converts in O(1); otherwise it keeps
/// the byte offset of every code point (plus the end), so both directions are
/// O(1) or O(log n).
#[derive(Debug, Clone)]
pub struct OffsetMap {
    /// Byte offset of each code point, followed by `text.len()`; empty for ASCII text.
    starts: Vec<usize>,
    len_bytes: usize,
    len_chars: usize,
}

impl OffsetMap {
    /// Builds the map for `text`.
    #[must_use]
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                starts: Vec::new(),
                len_bytes: text.len(),
                len_chars: text.len(),
            };
        }
        // Counted first (fast), so the map is allocated once at its size.
        let len_chars = text.chars().count();
        let mut starts = Vec::with_capacity(len_chars + 1);
        let bytes = text.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Eight ASCII bytes at a time are eight code points.
            if let Some(word) = bytes[i..].first_chunk::<8>()
                && u64::from_ne_bytes(*word) & 0x8080_8080_8080_8080 == 0
            {
                starts.extend(i..i + 8);
                i += 8;
                continue;
            }
            // A byte starts a code point unless it continues one (10xxxxxx).
            if bytes[i] & 0xC0 != 0x80 {
                starts.push(i);
            }
            i += 1;
        }
        starts.push(text.len());
        Self {
            starts,
            len_bytes: text.len(),
            len_chars,
        }
    }

    /// Length of the text in code points.
    #[must_use]
    pub fn char_len(&self) -> usize {
        self.len_chars
    }

    /// Byte offset of code point `ch` (`ch == char_len()` gives the end).
    #[must_use]
    pub fn to_byte(&self, ch: usize) -> Option<usize> {
        if ch > self.len_chars {
            return None;
        }
        if self.starts.is_empty() {
            return Some(ch);
        }
        self.starts.get(ch).copied()
    }

    /// Code point index of byte offset `byte`; `None` inside a character or past the end.
    #[must_use]
    pub fn to_char(&self, byte: usize) -> Option<usize> {
        if byte > self.len_bytes {
            return None;
        }
        if self.starts.is_empty() {
            return Some(byte);
        }
        self.starts.binary_search(&byte).ok()
    }

    /// Converts a code point range to a byte range.
    #[must_use]
    pub fn to_bytes(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start > end {
            return None;
        }
        Some((self.to_byte(start)?, self.to_byte(end)?))
    }

    /// Converts a byte range to a code point range.
    #[must_use]
    pub fn to_chars(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        if start > end {
            return None;
        }
        Some((self.to_char(start)?, self.to_char(end)?))
    }
}

/// Conversions of offsets that come in text order (each at or after the one
/// before; an earlier one starts the walk again), walking the text once
/// instead of building an [`OffsetMap`]: for a text's tokens or zone edges.
#[derive(Debug, Clone)]
pub struct OffsetWalk<'a> {
    text: &'a str,
    /// The walk is at this byte, which is this code point.
    byte: usize,
    ch: usize,
}

impl<'a> OffsetWalk<'a> {
    /// A walk from the start of `text`.
    #[must_use]
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            byte: 0,
            ch: 0,
        }
    }

    /// Code point index of byte offset `byte`; `None` inside a character or past the end.
    pub fn to_char(&mut self, byte: usize) -> Option<usize> {
        if !self.text.is_char_boundary(byte) {
            return None;
        }
        if byte < self.byte {
            (self.byte, self.ch) = (0, 0);
        }
        // A byte starts a code point unless it continues one (10xxxxxx).
        let bytes = &self.text.as_bytes()[self.byte..byte];
        self.ch += bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count();
        self.byte = byte;
        Some(self.ch)
    }

    /// Byte offset of code point `ch` (the text's length gives the end); `None` past the end.
    pub fn to_byte(&mut self, ch: usize) -> Option<usize> {
        if ch < self.ch {
            (self.byte, self.ch) = (0, 0);
        }
        // Skip `need` code points: count the bytes that start one, eight
        // bytes at a time while eight more code points are needed (eight
        // bytes start at most eight, so the one sought is not among them).
        let rest = &self.text.as_bytes()[self.byte..];
        let need = ch - self.ch;
        let (mut seen, mut i) = (0, 0);
        while i < rest.len() {
            if seen + 8 <= need
                && let Some(word) = rest[i..].first_chunk::<8>()
            {
                let continuing = continuing_mask(u64::from_le_bytes(*word)).count_ones() as usize;
                seen += 8 - continuing;
                i += 8;
                continue;
            }
            if rest[i] & 0xC0 != 0x80 {
                if seen == need {
                    break;
                }
                seen += 1;
            }
            i += 1;
        }
        if seen != need {
            return None;
        }
        self.byte += i;
        self.ch = ch;
        Some(self.byte)
    }
}

/// Of eight bytes read little-endian, bit 7 of each byte that continues a code point
/// (10xxxxxx: bit 7 set, bit 6 clear); the word-at-a-time test of every UTF-8 scan here.
pub(crate) const fn continuing_mask(w: u64) -> u64 {
    w & !(w << 1) & 0x8080_8080_8080_8080
}

/// A text folded for forgiving search (case, accents, apostrophe and quote
/// styles, non-breaking spaces), with the code point offset in the real text
/// of every folded character, so a match maps back to offsets of the text.
///
/// Folding is Unicode NFD, combining marks dropped, then lower case:
/// `Jaoudé` folds to `jaoude`, `Kfar` to `kfar`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    chars: Vec<char>,
    /// Code point index in the real text of each folded character.
    origin: Vec<usize>,
    /// Length of the real text in code points.
    len: usize,
}

impl Folded {
    /// Folds `text`, remembering where each folded character came from.
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut out = Self::default();
        for (i, c) in text.chars().enumerate() {
            fold_char(c, |f| {
                out.chars.push(f);
                out.origin.push(i);
            });
            out.len = i + 1;
        }
        out
    }

    /// The folded characters.
    #[must_use]
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    /// The folded text as a string.
    #[must_use]
    pub fn as_string(&self) -> String {
        self.chars.iter().collect()
    }

    /// Every non-overlapping occurrence of `pattern` (already folded), as code
    /// point ranges of the real text. A match never starts or ends inside a
    /// character that folds to several (`ß`, `ﬁ`), and takes the combining
    /// marks that follow its last character.
    #[must_use]
    pub fn find_all(&self, pattern: &[char]) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let n = pattern.len();
        if n == 0 {
            return out;
        }
        let mut i = 0;
        while i + n <= self.chars.len() {
            if self.chars[i..i + n] == pattern[..] {
                let start = self.origin[i];
                let last = self.origin[i + n - 1];
                let starts_clean = i == 0 || self.origin[i - 1] != start;
                let next = self.origin.get(i + n).copied();
                let ends_clean = next.is_none_or(|o| o != last);
                if starts_clean && ends_clean {
                    out.push((start, next.unwrap_or(self.len)));
                    i += n;
                    continue;
                }
            }
            i += 1;
        }
        out
    }
}

/// Folds one string for comparison (see [`Folded`]).
#[must_use]
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, |f| out.push(f));
    }
    out
}

fn fold_char(c: char, mut push: impl FnMut(char)) {
    let c = match c {
        '\u{2019}' | '\u{2018}' | '\u{02bc}' | '`' | '\u{b4}' => '\'',
        '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
        '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        c => c,
    };
    unicode_normalization::char::decompose_canonical(c, |d| {
        if !unicode_normalization::char::is_combining_mark(d) {
            d.to_lowercase().for_each(&mut push);
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn python_semantics() {
        let t = "L'été à Zürich 🇫🇷 e\u{301}";
        assert_eq!(char_len(t), 20);
        assert_eq!(slice_chars(t, 2, 5), Some("été"));
        assert_eq!(slice_chars(t, 15, 17), Some("🇫🇷"));
        assert_eq!(slice_chars(t, 18, 20), Some("e\u{301}"));
        assert_eq!(slice_chars(t, 5, 4), None);
        assert_eq!(slice_chars(t, 0, 21), None);
        assert_eq!(byte_to_char(t, 3), None, "inside é");
    }

    #[test]
    fn folded_search_maps_back_to_code_points() {
        let text = "Samir Abou Jaoudé à KFAR Selwan, e\u{301}te";
        let f = Folded::new(text);
        let hit = f.find_all(&fold("samir abou jaoude").chars().collect::<Vec<_>>());
        assert_eq!(hit, vec![(0, 17)]);
        assert_eq!(slice_chars(text, 0, 17), Some("Samir Abou Jaoudé"));
        let kfar = f.find_all(&fold("kfar selwan").chars().collect::<Vec<_>>());
        assert_eq!(slice_chars(text, kfar[0].0, kfar[0].1), Some("KFAR Selwan"));
        // A decomposed accent stays with its letter.
        let ete = f.find_all(&['e']);
        let last = ete.last().copied().unwrap();
        assert_eq!(slice_chars(text, last.0, last.1), Some("e"));
        let decomposed = f.find_all(&fold("éte").chars().collect::<Vec<_>>());
        assert_eq!(
            slice_chars(text, decomposed[0].0, decomposed[0].1),
            Some("e\u{301}te")
        );
        assert_eq!(fold("Kerbréan’s"), "kerbrean's");
    }

    fn unicode_text() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            Just("a".to_string()),
            Just("é".to_string()),
            Just("e\u{301}".to_string()),
            Just("\u{a0}".to_string()),
            Just("\r\n".to_string()),
            Just("’".to_string()),
            Just("😀".to_string()),
            Just("👩‍👩‍👧".to_string()),
            Just("«".to_string()),
            Just(" ".to_string()),
            "\\PC{0,3}",
        ];
        proptest::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn byte_char_round_trip(text in unicode_text()) {
            let map = OffsetMap::new(&text);
            prop_assert_eq!(map.char_len(), text.chars().count());
            for (ci, (b, _)) in text.char_indices().enumerate() {
                prop_assert_eq!(map.to_char(b), Some(ci));
                prop_assert_eq!(map.to_byte(ci), Some(b));
                prop_assert_eq!(byte_to_char(&text, b), Some(ci));
                prop_assert_eq!(char_to_byte(&text, ci), Some(b));
            }
            prop_assert_eq!(map.to_byte(map.char_len()), Some(text.len()));
            prop_assert_eq!(char_to_byte(&text, map.char_len()), Some(text.len()));
            prop_assert_eq!(map.to_byte(map.char_len() + 1), None);
        }

        #[test]
        fn a_walk_converts_as_the_map(text in unicode_text(), picks in prop::collection::vec(0usize..200, 0..12)) {
            let map = OffsetMap::new(&text);
            let mut walk = OffsetWalk::new(&text);
            // In order, then out of order (a walk that starts again).
            let mut sorted = picks.clone();
            sorted.sort_unstable();
            for &ch in sorted.iter().chain(&picks) {
                let byte = walk.to_byte(ch);
                prop_assert_eq!(byte, map.to_byte(ch));
                if let Some(b) = byte {
                    prop_assert_eq!(walk.to_char(b), Some(ch));
                }
                prop_assert_eq!(walk.to_char(ch), map.to_char(ch));
            }
        }

        #[test]
        fn slices_match_python(text in unicode_text(), a in 0usize..200, b in 0usize..200) {
            let chars: Vec<char> = text.chars().collect();
            let (s, e) = (a.min(b), a.max(b));
            let expected: Option<String> =
                (e <= chars.len()).then(|| chars[s..e].iter().collect());
            prop_assert_eq!(slice_chars(&text, s, e).map(str::to_owned), expected);
        }
    }
}
