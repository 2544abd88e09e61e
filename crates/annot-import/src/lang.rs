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

/// Every function word and its language (French first, as the counts look).
static FUNCTION_WORDS: LazyLock<rustc_hash::FxHashMap<&'static str, Lang>> = LazyLock::new(|| {
    let mut map = rustc_hash::FxHashMap::default();
    for (words, lang) in [(FR_WORDS, Lang::Fr), (EN_WORDS, Lang::En)] {
        for w in words {
            map.entry(*w).or_insert(lang);
        }
    }
    map
});

/// How many French and English function words `text` has.
fn stopword_counts(text: &str) -> (usize, usize) {
    let (mut fr, mut en) = (0, 0);
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        let mut bare = word;
        // Elided articles and pronouns (l', d', qu', n', s') are French.
        if let Some((elided, rest)) = word.split_once(['\'', '’']) {
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
            continue;
        }
        // ASCII lower case in a small buffer (as eq_ignore_ascii_case compares), then one lookup.
        let mut lower = [0u8; 5];
        lower[..bare.len()].copy_from_slice(bare.as_bytes());
        lower[..bare.len()].make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(&lower[..bare.len()]) else {
            continue;
        };
        match FUNCTION_WORDS.get(lower) {
            Some(Lang::Fr) => fr += 1,
            Some(Lang::En) => en += 1,
            None => {}
        }
    }
    (fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

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
