//! Unit tests of the tokenizer rules and the sentence splitter.

use proptest::prelude::*;

use super::*;
use crate::offsets::OffsetMap;

fn toks(text: &str, lang: Lang) -> Vec<&str> {
    let map = OffsetMap::new(text);
    tokenize(text, lang)
        .iter()
        .map(|t| {
            let (a, b) = map.to_bytes(t.start, t.end).expect("in range");
            &text[a..b]
        })
        .collect()
}

fn sents(text: &str, lang: Lang) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    sentences(text, lang)
        .iter()
        .map(|s| chars[s.start..s.end].iter().collect())
        .collect()
}

#[test]
fn french_elisions_keep_their_apostrophe() {
    assert_eq!(
        toks("L'armée d'Israël", Lang::Fr),
        ["L'", "armée", "d'", "Israël"]
    );
    for (elided, rest) in [
        ("l'", "eau"),
        ("d'", "abord"),
        ("qu'", "il"),
        ("jusqu'", "à"),
        ("lorsqu'", "elle"),
        ("puisqu'", "on"),
        ("c'", "est"),
        ("j'", "ai"),
        ("n'", "a"),
        ("s'", "est"),
        ("m'", "a"),
        ("t'", "as"),
    ] {
        for apostrophe in ['\'', '’'] {
            let e = elided.replace('\'', &apostrophe.to_string());
            let text = format!("{e}{rest}");
            assert_eq!(toks(&text, Lang::Fr), [e.as_str(), rest], "{text}");
        }
    }
}

#[test]
fn english_clitics_split_off() {
    assert_eq!(
        toks("It's the company's", Lang::En),
        ["It", "'s", "the", "company", "'s"]
    );
    assert_eq!(
        toks("They don't know", Lang::En),
        ["They", "do", "n't", "know"]
    );
    assert_eq!(
        toks("we're here, you'll see", Lang::En),
        ["we", "'re", "here", ",", "you", "'ll", "see"]
    );
}

#[test]
fn punctuation_and_guillemets_split_off() {
    assert_eq!(
        toks("« Nous resterons », a-t-il dit.", Lang::Fr),
        // spaCy splits the euphonic -t- and the pronoun: a -t -il.
        [
            "«",
            "Nous",
            "resterons",
            "»",
            ",",
            "a",
            "-t",
            "-il",
            "dit",
            "."
        ]
    );
    assert_eq!(
        toks("(AFP) Paris :", Lang::Fr),
        ["(", "AFP", ")", "Paris", ":"]
    );
    assert_eq!(
        toks("\"Yes,\" she said?!", Lang::En),
        ["\"", "Yes", ",", "\"", "she", "said", "?", "!"]
    );
}

#[test]
fn numbers_and_dates_stay_whole() {
    assert_eq!(
        toks("le 19/11/2017 à 3,5 %", Lang::Fr),
        ["le", "19/11/2017", "à", "3,5", "%"]
    );
    assert_eq!(
        toks("1,200 jobs at 4.5 percent", Lang::En),
        ["1,200", "jobs", "at", "4.5", "percent"]
    );
    assert_eq!(toks("en 2019.", Lang::Fr), ["en", "2019", "."]);
}

#[test]
fn hyphenated_french_words_stay_whole() {
    assert_eq!(
        toks("la contre-offensive", Lang::Fr),
        ["la", "contre-offensive"]
    );
    assert_eq!(
        toks("Saint-Aubin-des-Saules", Lang::Fr),
        ["Saint-Aubin-des-Saules"]
    );
}

#[test]
fn nbsp_and_other_unicode_spaces_separate_tokens() {
    assert_eq!(
        toks("Il dit\u{a0}: «\u{a0}non\u{a0}»", Lang::Fr),
        ["Il", "dit", ":", "«", "non", "»"]
    );
    assert_eq!(
        toks("12\u{202f}000 euros", Lang::Fr),
        ["12", "000", "euros"]
    );
    assert_eq!(toks("a\u{3000}b\r\nc", Lang::En), ["a", "b", "c"]);
}

#[test]
fn abbreviations_keep_their_period() {
    assert_eq!(
        toks("M. Dupont et Mme Roy", Lang::Fr),
        ["M.", "Dupont", "et", "Mme", "Roy"]
    );
    // As in spaCy, `ex.` of `p. ex.` is `ex` `.`; the sentence splitter still does not end there.
    assert_eq!(
        toks("p. ex. la gare, etc. ensuite", Lang::Fr)[..4],
        ["p.", "ex", ".", "la"]
    );
    assert!(toks("des fruits, etc. ensuite", Lang::Fr).contains(&"etc."));
    assert_eq!(
        toks("the U.S. Army and Dr. Smith", Lang::En),
        ["the", "U.S.", "Army", "and", "Dr.", "Smith"]
    );
}

#[test]
fn emoji_sequences_and_combining_marks_stay_in_one_token() {
    // ZWJ family, skin tone, and a letter with a combining accent.
    let text = "hi 👩\u{200d}👩\u{200d}👧 👍🏽 cafe\u{301}";
    assert_eq!(
        toks(text, Lang::En),
        ["hi", "👩\u{200d}👩\u{200d}👧", "👍🏽", "cafe\u{301}"]
    );
}

#[test]
fn offsets_are_code_points() {
    let t = tokenize("été à Noël", Lang::Fr);
    assert_eq!(
        t,
        [
            Token { start: 0, end: 3 },
            Token { start: 4, end: 5 },
            Token { start: 6, end: 10 }
        ]
    );
}

#[test]
fn sentences_do_not_end_at_abbreviations() {
    assert_eq!(
        sents(
            "M. Dupont est venu. Mme Roy aussi, p. ex. hier. Fin",
            Lang::Fr
        ),
        ["M. Dupont est venu.", "Mme Roy aussi, p. ex. hier.", "Fin"]
    );
    assert_eq!(
        sents(
            "Dr. Smith left the U.S. Army. He said: \"Never.\" Then he went.",
            Lang::En
        ),
        [
            "Dr. Smith left the U.S. Army.",
            "He said: \"Never.\"",
            "Then he went."
        ]
    );
}

#[test]
fn sentences_end_at_line_breaks_and_after_closing_quotes() {
    assert_eq!(
        sents("Titre du jour\nLe texte suit.", Lang::Fr),
        ["Titre du jour", "Le texte suit."]
    );
    assert_eq!(
        sents("Il a dit « c'est fini. » Puis il est parti !", Lang::Fr),
        ["Il a dit « c'est fini. »", "Puis il est parti !"]
    );
    assert!(sents("", Lang::Fr).is_empty());
    assert!(sents(" \n\u{a0} ", Lang::En).is_empty());
}

fn news_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('a', 'z'),
        1 => prop::sample::select(vec![
            'É', 'é', 'è', 'à', 'ç', 'ô', 'œ', ' ', ' ', ' ', '\u{a0}', '\u{202f}', '\n', '\r', '\'', '’',
            '-', '.', ',', ';', ':', '!', '?', '«', '»', '"', '(', ')', '/', '0', '7', '%', '€',
            '\u{301}', '\u{200d}', '😀', '👍', '\u{1f3fd}', '\u{fe0f}', 'M', 'U', 'S',
        ]),
    ]
}

#[test]
fn a_cached_chunk_lands_where_it_is_met_again() {
    let text = "l'armée, « l'armée, » Dr.Smith. Dr.Smith.";
    assert_eq!(toks(text, Lang::Fr), toks(text, Lang::Fr));
    assert_eq!(
        toks(text, Lang::Fr),
        [
            "l'", "armée", ",", "«", "l'", "armée", ",", "»", "Dr.", "Smith", ".", "Dr.", "Smith",
            "."
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Tokens are ordered, disjoint, non-empty, inside the text, free of
    /// whitespace, and together cover every non-whitespace character.
    #[test]
    fn tokens_partition_the_non_whitespace(
        chars in prop::collection::vec(news_char(), 0..120),
        en in any::<bool>(),
    ) {
        let text: String = chars.iter().collect();
        let lang = if en { Lang::En } else { Lang::Fr };
        let (tokens, sentences) = tokens_and_sentences(&text, lang);
        let cs: Vec<char> = text.chars().collect();
        let mut covered = vec![false; cs.len()];
        let mut last_end = 0;
        for t in &tokens {
            prop_assert!(t.start < t.end && t.end <= cs.len());
            prop_assert!(t.start >= last_end);
            last_end = t.end;
            for (i, c) in cs.iter().enumerate().take(t.end).skip(t.start) {
                prop_assert!(!c.is_whitespace(), "whitespace inside a token: {:?}", text);
                covered[i] = true;
            }
        }
        for (i, c) in cs.iter().enumerate() {
            prop_assert!(covered[i] || c.is_whitespace(), "char {} {:?} not in a token of {:?}", i, c, text);
        }
        // Every token lies in exactly one sentence.
        for t in &tokens {
            let n = sentences.iter().filter(|s| s.start <= t.start && t.end <= s.end).count();
            prop_assert_eq!(n, 1);
        }
    }

    /// The chunk cache changes nothing: the text twice over (its second half
    /// from the cache) tokenizes as it does without a cache, and the code
    /// points are those of a map of the text.
    #[test]
    fn cached_tokens_are_the_uncached_ones(
        chars in prop::collection::vec(news_char(), 0..120),
        en in any::<bool>(),
    ) {
        let half: String = chars.iter().collect();
        let text = format!("{half} {half}");
        let lang = if en { Lang::En } else { Lang::Fr };
        let uncached = token_bytes_with(&text, lang, None);
        prop_assert_eq!(&token_bytes(&text, lang), &uncached);
        prop_assert_eq!(&token_bytes(&text, lang), &uncached);
        let map = OffsetMap::new(&text);
        let expected: Vec<Token> = uncached
            .iter()
            .map(|&(a, b)| {
                let (start, end) = map.to_chars(a, b).expect("boundaries");
                Token { start, end }
            })
            .collect();
        prop_assert_eq!(tokenize(&text, lang), expected);
    }

    /// The bytes that continue a code point, found eight at a time, are
    /// those inside a character of any text.
    #[test]
    fn continuing_bytes_are_those_inside_a_character(text in "\\PC{0,80}") {
        let continuing: Vec<usize> = (0..text.len()).filter(|&i| !text.is_char_boundary(i)).collect();
        prop_assert_eq!(continuing_bytes(text.as_bytes()), continuing);
    }
}
