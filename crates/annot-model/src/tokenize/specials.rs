//! spaCy's tokenizer special cases ("exceptions"): strings that are tokenized
//! as listed rather than by the affix rules, such as `Dr.` (kept whole),
//! `don't` (`do` `n't`) or `a-t-il` (`a` `-t` `-il`).
//!
//! The tables are generated the way `spacy/lang/tokenizer_exceptions.py`,
//! `spacy/lang/en/tokenizer_exceptions.py` and
//! `spacy/lang/fr/tokenizer_exceptions.py` generate theirs, then every entry
//! with `'` is duplicated with `’` (spaCy's `update_exc`). A unit test checks
//! them against `tests/fixtures/spacy_specials.json`, dumped from spaCy.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::Lang;
use super::engine::{Scratch, chunk_pieces};

/// A special case: how it splits, and how the affix rules alone would split it.
#[derive(Debug)]
pub(crate) struct Special {
    /// Byte length of each piece.
    pub(crate) pieces: Box<[u8]>,
    /// Byte lengths of the pieces the affix rules give without special cases,
    /// when more than one: spaCy then also applies the special case to that
    /// sequence of pieces after tokenization (`Dr.Smith` -> `Dr.` `Smith`).
    pub(crate) pattern: Option<Box<[u8]>>,
}

/// The special cases of one language.
#[derive(Debug)]
pub(crate) struct Specials {
    map: HashMap<Box<str>, Special, BuildHasherDefault<FxHasher>>,
    /// Bit `first_byte * 256 + last_byte` is set when some key starts and
    /// ends so: most lookups are answered without hashing.
    ends: Box<[u64; 1024]>,
    /// Whether some key of only letters splits into several pieces (`cannot`).
    pub(crate) letters_split: bool,
    max_len: usize,
    /// First piece of each [`Special::pattern`] -> the longest such pattern, in pieces.
    pattern_starts: HashMap<Box<str>, usize, BuildHasherDefault<FxHasher>>,
    /// Bit `first_byte * 256 + last_byte` is set when some key of
    /// `pattern_starts` starts and ends so (most tokens start no pattern).
    pattern_ends: Box<[u64; 1024]>,
    /// The longest key of `pattern_starts`, in bytes.
    pattern_max_len: usize,
}

impl Specials {
    /// The special case for exactly `s`.
    #[inline]
    pub(crate) fn get(&self, s: &str) -> Option<&Special> {
        let (Some(&a), Some(&b)) = (s.as_bytes().first(), s.as_bytes().last()) else {
            return None;
        };
        let bit = usize::from(a) << 8 | usize::from(b);
        if s.len() > self.max_len || self.ends[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.map.get(s)
    }

    /// The longest pattern that starts with the piece `s`, in pieces.
    #[inline]
    pub(crate) fn pattern_width(&self, s: &str) -> Option<usize> {
        if !self.may_start_pattern(s.as_bytes()) {
            return None;
        }
        self.pattern_starts.get(s).copied()
    }

    /// Whether the piece `s` may start a pattern (its length and its first
    /// and last bytes allow it): [`Self::pattern_width`] without hashing.
    #[inline]
    pub(crate) fn may_start_pattern(&self, s: &[u8]) -> bool {
        let (Some(&a), Some(&b)) = (s.first(), s.last()) else {
            return false;
        };
        let bit = usize::from(a) << 8 | usize::from(b);
        s.len() <= self.pattern_max_len && self.pattern_ends[bit / 64] & (1 << (bit % 64)) != 0
    }

    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, Vec<&str>)> {
        self.map.iter().map(|(k, v)| {
            let mut at = 0;
            let pieces = v.pieces.iter().map(|&len| {
                let piece = &k[at..at + usize::from(len)];
                at += usize::from(len);
                piece
            });
            (&**k, pieces.collect())
        })
    }
}

/// The special cases of `lang`, built on first use.
pub(crate) fn specials(lang: Lang) -> &'static Specials {
    static EN: LazyLock<Specials> = LazyLock::new(|| build(Lang::En));
    static FR: LazyLock<Specials> = LazyLock::new(|| build(Lang::Fr));
    match lang {
        Lang::En => &EN,
        Lang::Fr => &FR,
    }
}

/// FxHash (rustc's hasher): special-case lookups run several times per word,
/// and SipHash's DoS resistance buys nothing for a fixed table.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let mut w = [0; 8];
        w[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(w));
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Special cases under construction: string -> pieces; later entries override.
type Table = HashMap<String, Vec<String>>;

fn add(t: &mut Table, pieces: &[&str]) {
    t.insert(
        pieces.concat(),
        pieces.iter().map(|p| (*p).to_owned()).collect(),
    );
}

fn add_whole(t: &mut Table, words: &[&str]) {
    for w in words {
        add(t, &[w]);
    }
}

/// Python's `str.title()` for the one-word ASCII strings used here.
fn title(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// `word` and `Word`, each followed by every suffix sequence in `tails`.
fn add_cased(t: &mut Table, word: &str, tails: &[&[&str]]) {
    for w in [word.to_owned(), title(word)] {
        for tail in tails {
            let mut pieces = vec![w.as_str()];
            pieces.extend_from_slice(tail);
            add(t, &pieces);
        }
    }
}

fn build(lang: Lang) -> Specials {
    let mut t = Table::new();
    base(&mut t);
    match lang {
        Lang::En => english(&mut t),
        Lang::Fr => french(&mut t),
    }
    // `update_exc` adds a typographic-apostrophe twin of every entry.
    let twins: Vec<(String, Vec<String>)> = t
        .iter()
        .filter(|(k, _)| k.contains('\''))
        .map(|(k, v)| {
            (
                k.replace('\'', "’"),
                v.iter().map(|p| p.replace('\'', "’")).collect(),
            )
        })
        .collect();
    t.extend(twins);

    let mut scratch = Scratch::default();
    let mut split = Vec::new();
    let mut map = HashMap::default();
    let mut max_len = 0;
    let mut ends = Box::new([0u64; 1024]);
    let mut letters_split = false;
    let mut pattern_ends = Box::new([0u64; 1024]);
    let mut pattern_max_len = 0;
    let mut pattern_starts: HashMap<Box<str>, usize, _> = HashMap::default();
    for (key, pieces) in t {
        // Every piece is short; a longer one would be a bug in the tables above.
        let lens = |v: &mut dyn Iterator<Item = usize>| -> Box<[u8]> {
            v.map(|n| u8::try_from(n).unwrap_or(u8::MAX)).collect()
        };
        split.clear();
        chunk_pieces(&key, lang, None, &mut scratch, &mut split);
        let pattern = (split.len() > 1).then(|| lens(&mut split.iter().map(|&(a, b)| b - a)));
        if split.len() > 1 {
            let first = &key.as_bytes()[..split[0].1];
            let bit = usize::from(first[0]) << 8 | usize::from(first[first.len() - 1]);
            pattern_ends[bit / 64] |= 1 << (bit % 64);
            pattern_max_len = pattern_max_len.max(first.len());
            let width = pattern_starts.entry(key[..split[0].1].into()).or_insert(0);
            *width = split.len().max(*width);
        }
        max_len = max_len.max(key.len());
        let bytes = key.as_bytes();
        if let (Some(&a), Some(&b)) = (bytes.first(), bytes.last()) {
            let bit = usize::from(a) << 8 | usize::from(b);
            ends[bit / 64] |= 1 << (bit % 64);
        }
        letters_split |= pieces.len() > 1 && key.chars().all(super::chars::is_plain_letter);
        let pieces = lens(&mut pieces.iter().map(String::len));
        map.insert(key.into_boxed_str(), Special { pieces, pattern });
    }
    Specials {
        map,
        ends,
        letters_split,
        max_len,
        pattern_starts,
        pattern_ends,
        pattern_max_len,
    }
}

/// `spacy/lang/tokenizer_exceptions.py`: `BASE_EXCEPTIONS`.
fn base(t: &mut Table) {
    add_whole(t, &[" ", "\t", "\\t", "\n", "\\n", "\u{2014}", "\u{a0}"]);
    add_whole(t, &["'", "\\\")", "<space>", "''", "C++", "ä.", "ö.", "ü."]);
    for c in 'a'..='z' {
        add(t, &[&format!("{c}.")]);
    }
    add_whole(t, EMOTICONS);
    for u in ["c", "f", "k", "C", "F", "K"] {
        add(t, &["°", u, "."]);
    }
}

#[rustfmt::skip]
const EMOTICONS: &[&str] = &[
    ":)", ":-)", ":))", ":-))", ":)))", ":-)))", "(:", "(-:", "=)", "(=", ":]", ":-]", "[:", "[-:",
    "[=", "=]", ":o)", "(o:", ":}", ":-}", "8)", "8-)", "(-8", ";)", ";-)", "(;", "(-;", ":(", ":-(",
    ":((", ":-((", ":(((", ":-(((", "):", ")-:", "=(", ">:(", ":')", ":'-)", ":'(", ":'-(", ":/",
    ":-/", "=/", "=|", ":|", ":-|", "]=", "=[", ":1", ":P", ":-P", ":p", ":-p", ":O", ":-O", ":o",
    ":-o", ":0", ":-0", ":()", ">:o", ":*", ":-*", ":3", ":-3", "=3", ":>", ":->", ":X", ":-X",
    ":x", ":-x", ":D", ":-D", ";D", ";-D", "=D", "xD", "XD", "xDD", "XDD", "8D", "8-D", "^_^",
    "^__^", "^___^", ">.<", ">.>", "<.<", "._.", ";_;", "-_-", "-__-", "v.v", "V.V", "v_v", "V_V",
    "o_o", "o_O", "O_o", "O_O", "0_o", "o_0", "0_0", "o.O", "O.o", "O.O", "o.o", "0.0", "o.0",
    "0.o", "@_@", "<3", "<33", "<333", "</3", "(^_^)", "(-_-)", "(._.)", "(>_<)", "(*_*)", "(¬_¬)",
    "ಠ_ಠ", "ಠ︵ಠ", "(ಠ_ಠ)", "¯\\(ツ)/¯", "(╯°□°）╯︵┻━┻", "><(((*>",
];

/// `spacy/lang/en/tokenizer_exceptions.py`.
fn english(t: &mut Table) {
    let will: &[&[&str]] = &[&["'ll"], &["ll"], &["'ll", "'ve"], &["ll", "ve"]];
    let would: &[&[&str]] = &[&["'d"], &["d"], &["'d", "'ve"], &["d", "ve"]];
    let have: &[&[&str]] = &[&["'ve"], &["ve"]];
    let are: &[&[&str]] = &[&["'re"], &["re"]];
    let is: &[&[&str]] = &[&["'s"], &["s"]];
    let not: &[&[&str]] = &[&["n't"], &["nt"]];
    add_cased(t, "i", &[&["'m"], &["m"], &["'m", "a"], &["m", "a"]]);
    for p in ["i", "you", "he", "she", "it", "we", "they"] {
        add_cased(t, p, will);
        add_cased(t, p, would);
    }
    for p in ["i", "you", "we", "they"] {
        add_cased(t, p, have);
    }
    for p in ["you", "we", "they"] {
        add_cased(t, p, are);
    }
    for p in ["he", "she", "it"] {
        add_cased(t, p, is);
    }
    for w in [
        "who", "what", "when", "where", "why", "how", "there", "that", "this", "these", "those",
    ] {
        if !matches!(w, "these" | "those") {
            add_cased(t, w, is);
        }
        add_cased(t, w, will);
        if !matches!(w, "that" | "this") {
            add_cased(t, w, are);
            add_cased(t, w, have);
        }
        add_cased(t, w, would);
    }
    for v in [
        "ca", "could", "do", "does", "did", "had", "may", "might", "must", "need", "ought", "sha",
        "should", "wo", "would",
    ] {
        add_cased(t, v, &[&["n't"], &["nt"], &["n't", "'ve"], &["nt", "ve"]]);
    }
    for v in ["could", "might", "must", "should", "would"] {
        add_cased(t, v, have);
    }
    for v in ["ai", "are", "is", "was", "were", "have", "has", "dare"] {
        add_cased(t, v, not);
    }
    for w in ["doin", "goin", "nothin", "nuthin", "ol", "somethin"] {
        for w in [w.to_owned(), title(w)] {
            add_whole(t, &[&w, &format!("{w}'")]);
        }
    }
    for w in ["em", "ll", "nuff"] {
        add_whole(t, &[w, &format!("'{w}")]);
    }
    for h in 1..=12 {
        for period in ["a.m.", "am", "p.m.", "pm"] {
            add(t, &[&h.to_string(), period]);
        }
    }
    for pieces in [
        &["y'", "all"][..],
        &["y", "all"],
        &["how", "'d", "'y"],
        &["How", "'d", "'y"],
        &["not", "'ve"],
        &["not", "ve"],
        &["Not", "'ve"],
        &["Not", "ve"],
        &["can", "not"],
        &["Can", "not"],
        &["gon", "na"],
        &["Gon", "na"],
        &["got", "ta"],
        &["Got", "ta"],
        &["let", "'s"],
        &["Let", "'s"],
        &["c'm", "on"],
        &["C'm", "on"],
    ] {
        add(t, pieces);
    }
    add_whole(t, EN_WHOLE);
    // spaCy drops the contractions that are also ordinary words.
    for w in [
        "Ill", "ill", "Its", "its", "Hell", "hell", "Shell", "shell", "Shed", "shed", "were",
        "Were", "Well", "well", "Whore", "whore",
    ] {
        t.remove(w);
    }
}

/// English abbreviations and contractions kept whole.
#[rustfmt::skip]
const EN_WHOLE: &[&str] = &[
    "'S", "'s", "\u{2018}S", "\u{2018}s", "and/or", "w/o", "'re", "'Cause", "'cause", "'cos", "'Cos",
    "'coz", "'Coz", "'cuz", "'Cuz", "'bout", "ma'am", "Ma'am", "o'clock", "O'clock", "lovin'",
    "Lovin'", "lovin", "Lovin", "havin'", "Havin'", "havin", "Havin", "doin'", "Doin'", "doin",
    "Doin", "goin'", "Goin'", "goin", "Goin", "Mt.", "Ak.", "Ala.", "Apr.", "Ariz.", "Ark.", "Aug.",
    "Calif.", "Colo.", "Conn.", "Dec.", "Del.", "Feb.", "Fla.", "Ga.", "Ia.", "Id.", "Ill.", "Ind.",
    "Jan.", "Jul.", "Jun.", "Kan.", "Kans.", "Ky.", "La.", "Mar.", "Mass.", "Mich.", "Minn.",
    "Miss.", "N.C.", "N.D.", "N.H.", "N.J.", "N.M.", "N.Y.", "Neb.", "Nebr.", "Nev.", "Nov.", "Oct.",
    "Okla.", "Ore.", "Pa.", "S.C.", "Sep.", "Sept.", "Tenn.", "Va.", "Wash.", "Wis.", "'d", "a.m.",
    "Adm.", "Bros.", "co.", "Co.", "Corp.", "D.C.", "Dr.", "e.g.", "E.g.", "E.G.", "Gen.", "Gov.",
    "i.e.", "I.e.", "I.E.", "Inc.", "Jr.", "Ltd.", "Md.", "Messrs.", "Mo.", "Mont.", "Mr.", "Mrs.",
    "Ms.", "p.m.", "Ph.D.", "Prof.", "Rep.", "Rev.", "Sen.", "St.", "vs.", "v.s.",
];

/// `spacy/lang/fr/tokenizer_exceptions.py`.
fn french(t: &mut Table) {
    add(t, &["J.", "-C."]);
    add_whole(t, FR_WHOLE);
    for verb in ["a", "est", "semble", "indique", "moque", "passe"] {
        for v in [verb.to_owned(), title(verb)] {
            for pronoun in ["-elle", "-il", "-on"] {
                add(t, &[&v, "-t", pronoun]);
            }
        }
    }
    add(t, &["est", "-ce"]);
    add(t, &["Est", "-ce"]);
    for pre in ["qu'", "n'", "Qu'", "N'"] {
        add(t, &[pre, "est", "-ce"]);
    }
    add(t, &["est", "-il"]);
    add(t, &["EST", "-IL"]);
    add(t, &["s'", "est", "-il"]);
    add(t, &["S'", "EST", "-IL"]);
    add_whole(t, &["aujourd'hui", "Aujourd'hui"]);
}

/// French abbreviations and hyphenated words kept whole.
#[rustfmt::skip]
const FR_WHOLE: &[&str] = &[
    "av.", "janv.", "févr.", "avr.", "juill.", "sept.", "oct.", "nov.", "déc.", "apr.", "Dr.", "M.",
    "Mr.", "Mme.", "Mlle.", "n°", "d°", "St.", "Ste.", "après-midi", "au-delà", "au-dessus",
    "celle-ci", "celles-ci", "celui-ci", "cf.", "ci-dessous", "elle-même", "en-dessous", "etc.",
    "jusque-là", "lui-même", "MM.", "No.", "peut-être", "pp.", "quelques-uns", "rendez-vous", "Vol.",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// The tables equal spaCy's own, dumped by `scripts/spacy_tokens.py`.
    #[test]
    fn tables_match_spacy() {
        let fixture: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/fixtures/spacy_specials.json"))
                .expect("valid fixture");
        for lang in [Lang::En, Lang::Fr] {
            let expected = fixture[lang.code()].as_object().expect("language table");
            let ours: HashMap<&str, Vec<&str>> = specials(lang).iter().collect();
            for (orth, pieces) in expected {
                let pieces: Vec<&str> = pieces
                    .as_array()
                    .expect("pieces")
                    .iter()
                    .map(|p| p.as_str().expect("piece"))
                    .collect();
                assert_eq!(ours.get(orth.as_str()), Some(&pieces), "{lang:?} {orth:?}");
            }
            let extra: Vec<_> = ours
                .keys()
                .filter(|k| !expected.contains_key(**k))
                .collect();
            assert!(extra.is_empty(), "{lang:?} not in spaCy: {extra:?}");
        }
    }

    #[test]
    fn patterns() {
        let en = specials(Lang::En);
        let dr = en.get("Dr.").expect("Dr.");
        assert_eq!(dr.pattern.as_deref(), Some(&[2, 1][..]));
        assert!(en.get("don't").is_some() && en.get("Don’t").is_some());
        assert!(en.get("its").is_none() && en.get("well").is_none());
    }
}
