//! Telling French from English.
//!
//! Most news text settles the question by its function words alone ("le",
//! "des", "l'" against "the", "of", "was"), which cost next to nothing to
//! count. When they do not clearly agree (a short line, a list of names),
//! whatlang's trigram model, restricted to the two languages annot supports,
//! decides; when it is unsure as well, the counts break the tie.

use std::cmp::Ordering;
use std::sync::LazyLock;

use annot_model::tokenize::Lang;

use crate::boilerplate::head;

/// Only this much text is looked at: forty-odd words settle French against
/// English, and detection stays cheap on long articles.
const MAX_BYTES: usize = 280;

static DETECTOR: LazyLock<whatlang::Detector> = LazyLock::new(|| {
    whatlang::Detector::with_allowlist(vec![whatlang::Lang::Fra, whatlang::Lang::Eng])
});

const FR_WORDS: &[&str] = &[
    "le", "la", "les", "des", "du", "de", "et", "est", "une", "un", "dans", "pour", "que", "qui",
    "au", "aux", "sur", "pas", "ne", "avec", "par", "ont", "sont", "il", "elle", "ce", "cette",
    "mais", "plus", "été", "sa", "ses", "leur",
];
const EN_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "it", "as", "by",
    "at", "from", "are", "has", "have", "be", "this", "an", "were", "which", "said", "not", "but",
    "its", "they", "after", "their", "had", "been", "who",
];

/// The language of `text`, French or English, or `None` when there is too
/// little text to tell.
#[must_use]
pub fn detect_lang(text: &str) -> Option<Lang> {
    let text = head(text, MAX_BYTES);
    let (fr, en) = stopword_counts(text);
    // Six function words with one language three times as frequent: clear enough.
    if fr + en >= 6 && (fr >= 3 * en || en >= 3 * fr) {
        return Some(if fr > en { Lang::Fr } else { Lang::En });
    }
    let guess = DETECTOR.detect(text).map(|info| {
        let lang = if info.lang() == whatlang::Lang::Eng {
            Lang::En
        } else {
            Lang::Fr
        };
        (lang, info.is_reliable())
    });
    match (guess, fr.cmp(&en)) {
        (Some((lang, true)), _) => Some(lang),
        // The model is unsure: trust it unless the function words disagree.
        (Some((Lang::Fr, _)), Ordering::Greater | Ordering::Equal) => Some(Lang::Fr),
        (Some((Lang::En, _)), Ordering::Less | Ordering::Equal) => Some(Lang::En),
        (_, Ordering::Greater) => Some(Lang::Fr),
        (_, Ordering::Less) => Some(Lang::En),
        (None, Ordering::Equal) => None,
    }
}

/// A word of at most 5 bytes as one number: its length, then its bytes.
fn pack(word: &[u8]) -> u64 {
    word.iter()
        .fold(word.len() as u64, |x, &b| (x << 8) | u64::from(b))
}

/// Every function word, [`pack`]ed, and its language (French first, as the
/// counts look): a lookup of a number, not of a string.
static FUNCTION_WORDS: LazyLock<rustc_hash::FxHashMap<u64, Lang>> = LazyLock::new(|| {
    let mut map = rustc_hash::FxHashMap::default();
    for (words, lang) in [(FR_WORDS, Lang::Fr), (EN_WORDS, Lang::En)] {
        for w in words {
            map.entry(pack(w.as_bytes())).or_insert(lang);
        }
    }
    map
});

/// Builds the detector and the function words now ([`crate::warm_up`]).
pub(crate) fn warm() {
    LazyLock::force(&DETECTOR);
    LazyLock::force(&FUNCTION_WORDS);
}

/// `word.split_once(['\'', '’'])`, by a look at its bytes.
fn split_at_apostrophe(word: &str) -> Option<(&str, &str)> {
    const CURLY: &[u8] = "’".as_bytes();
    let bytes = word.as_bytes();
    let at = bytes
        .iter()
        .enumerate()
        .find(|&(i, &b)| b == b'\'' || (b == CURLY[0] && bytes[i..].starts_with(CURLY)))?
        .0;
    let len = if bytes[at] == b'\'' { 1 } else { CURLY.len() };
    Some((word.get(..at)?, word.get(at + len..)?))
}

/// How many French and English function words `text` has.
///
/// The words are the pieces of `text` between characters that are neither
/// alphanumeric nor an apostrophe (`'`, `’`), found by one scan of its bytes
/// (`str::split` with that test took some 300 instructions a word).
fn stopword_counts(text: &str) -> (usize, usize) {
    let (mut fr, mut en) = (0, 0);
    let functions = &*FUNCTION_WORDS;
    // `apostrophe`: whether the word has one (the scan below knows it):
    // only then is it split.
    let mut count = |word: &str, apostrophe: bool| {
        let mut bare = word;
        // Elided articles and pronouns (l', d', qu', n', s') are French.
        if apostrophe && let Some((elided, rest)) = split_at_apostrophe(word) {
            if ["l", "d", "qu", "n", "s", "j", "c"]
                .iter()
                .any(|e| elided.eq_ignore_ascii_case(e))
            {
                fr += 1;
            }
            bare = rest;
        }
        // Every function word listed is short; longer words need no look.
        if bare.is_empty() || bare.len() > 5 {
            return;
        }
        // ASCII lower case (as eq_ignore_ascii_case compares), then one lookup.
        let mut lower = [0u8; 5];
        lower[..bare.len()].copy_from_slice(bare.as_bytes());
        lower[..bare.len()].make_ascii_lowercase();
        match functions.get(&pack(&lower[..bare.len()])) {
            Some(Lang::Fr) => fr += 1,
            Some(Lang::En) => en += 1,
            None => {}
        }
    };
    // ASCII bytes of words: letters, digits and the apostrophe.
    const IN_WORD: [bool; 128] = {
        let mut t = [false; 128];
        let mut b = 0;
        while b < 128 {
            t[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
            b += 1;
        }
        t
    };
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    let mut apostrophe = false;
    while i < bytes.len() {
        let b = bytes[i];
        let (in_word, len) = if let Some(&in_word) = IN_WORD.get(usize::from(b)) {
            apostrophe |= b == b'\'';
            (in_word, 1)
        } else {
            match text[i..].chars().next() {
                Some(c) => {
                    apostrophe |= c == '’';
                    (c.is_alphanumeric() || c == '’', c.len_utf8())
                }
                None => break,
            }
        };
        if !in_word {
            // The separator is no apostrophe: what was seen is the word's.
            count(&text[start..i], apostrophe);
            apostrophe = false;
            start = i + len;
        }
        i += len;
    }
    count(&text[start..], apostrophe);
    (fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts as `str::split` and a map of the words as strings gave them.
    fn stopword_counts_by_split(text: &str) -> (usize, usize) {
        let words: rustc_hash::FxHashMap<&str, Lang> = FR_WORDS
            .iter()
            .map(|w| (*w, Lang::Fr))
            .chain(EN_WORDS.iter().map(|w| (*w, Lang::En)))
            .rev()
            .collect();
        let (mut fr, mut en) = (0, 0);
        for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
            let mut bare = word;
            if let Some((elided, rest)) = word.split_once(['\'', '’']) {
                if ["l", "d", "qu", "n", "s", "j", "c"]
                    .iter()
                    .any(|e| elided.eq_ignore_ascii_case(e))
                {
                    fr += 1;
                }
                bare = rest;
            }
            if bare.is_empty() || bare.len() > 5 {
                continue;
            }
            match words.get(bare.to_ascii_lowercase().as_str()) {
                Some(Lang::Fr) => fr += 1,
                Some(Lang::En) => en += 1,
                None => {}
            }
        }
        (fr, en)
    }

    proptest::proptest! {
        #[test]
        fn counts_are_those_of_the_split(
            text in "((Le|la|L|qu|des|The|of|été|Été|said|était|x|42)['’ ,.«»\u{a0}-]{0,2}){0,30}"
        ) {
            proptest::prop_assert_eq!(stopword_counts(&text), stopword_counts_by_split(&text));
        }
    }

    #[test]
    fn paragraphs() {
        assert_eq!(
            detect_lang(
                "Le gouvernement a annoncé mardi une réforme des retraites qui sera présentée au Parlement."
            ),
            Some(Lang::Fr)
        );
        assert_eq!(
            detect_lang(
                "The government announced on Tuesday a pension reform that will be put to Parliament."
            ),
            Some(Lang::En)
        );
    }

    #[test]
    fn short_texts_fall_back_to_function_words() {
        assert_eq!(detect_lang("La pluie et le vent"), Some(Lang::Fr));
        assert_eq!(detect_lang("The rain and the wind"), Some(Lang::En));
        assert_eq!(detect_lang("l'EI"), Some(Lang::Fr));
        assert_eq!(detect_lang("42"), None);
        assert_eq!(detect_lang(""), None);
    }

    #[test]
    fn long_text_is_cut_on_a_char_boundary() {
        let text = "é".repeat(3_000);
        assert!(head(&text, MAX_BYTES).len() <= MAX_BYTES);
        let _ = detect_lang(&text);
    }
}
