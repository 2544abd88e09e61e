//! Sentence splitting over the tokens of [`super::tokenize`].
//!
//! A sentence ends at a line break (articles here put one paragraph, title or
//! menu item per line), or after a run of `.` `!` `?` `…` tokens (plus the
//! closing quotes and brackets right after it) when the next token does not
//! continue the sentence: it does not start with a lower-case letter or with
//! `,` `;` `:` or a closing mark (`« Vraiment ? » demande-t-il`).
//!
//! Abbreviations need no list of their own here: the tokenizer keeps their
//! period (`M.`, `Dr.`, `U.S.`, `etc.`, `janv.`) and such a token never ends a
//! sentence. Only the few abbreviations whose period spaCy's rules split off
//! (`No` `.`, `p.` `ex` `.`) are listed below.

use super::Lang;

/// Splits the token byte ranges `toks` of `text` into sentence byte ranges,
/// each from the start of its first token to the end of its last one.
pub(crate) fn split(text: &str, toks: &[(usize, usize)], lang: Lang) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let word = |i: usize| &text[toks[i].0..toks[i].1];
    // Most gaps are one space or none: answered from the bytes.
    let breaks = |i: usize| {
        let (a, b) = (toks[i - 1].1, toks[i].0);
        !matches!(&bytes[a..b], b"" | b" ") && line_break_between(&text[a..b])
    };
    // Most tokens start with an ASCII byte that is no terminal.
    let terminal_at = |i: usize| match bytes[toks[i].0..toks[i].1].first() {
        Some(&c) if c.is_ascii() && !matches!(c, b'.' | b'!' | b'?') => false,
        _ => is_terminal(word(i)),
    };
    let adjacent = |i: usize| toks[i - 1].1 == toks[i].0;
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let mut end = i;
        let terminal = terminal_at(i)
            && !(i > start
                && adjacent(i)
                && word(i) == "."
                && keeps_period(word(i - 1), i - 1 == start, lang));
        if terminal {
            // Take further terminals and closing marks: `?!`, `. »`, `.)`, `."`.
            while end + 1 < toks.len()
                && !breaks(end + 1)
                && (terminal_at(end + 1) || is_closer(word(end + 1), adjacent(end + 1)))
            {
                end += 1;
            }
        }
        let next = end + 1;
        let boundary =
            next == toks.len() || breaks(next) || (terminal && starts_sentence(word(next)));
        if boundary {
            out.push((toks[start].0, toks[end].1));
            start = next;
        }
        i = next;
    }
    out
}

fn line_break_between(gap: &str) -> bool {
    if gap.is_empty() || gap == " " {
        return false;
    }
    gap.contains([
        '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{2028}', '\u{2029}',
    ])
}

/// A token of sentence-final punctuation only (`.`, `?!`, `...`, `…`).
fn is_terminal(w: &str) -> bool {
    w.chars().all(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '？' | '！' | '。'
        )
    })
}

/// A closing quote or bracket, which stays with the sentence it closes.
/// ASCII quotes are ambiguous: only one glued to the preceding token closes.
fn is_closer(w: &str, glued: bool) -> bool {
    match w {
        ")" | "]" | "}" | "»" | "”" | "›" | "’" | "」" | "』" => true,
        "\"" | "'" => glued,
        _ => false,
    }
}

/// Whether a token can start a new sentence after a terminal.
fn starts_sentence(w: &str) -> bool {
    match w.chars().next() {
        Some(c) if c.is_lowercase() => false,
        Some(c) => !matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '»' | '”' | '%'),
        None => false,
    }
}

/// Whether a `.` glued to `prev` belongs to an abbreviation or to a list
/// number at the start of a sentence (`1. Rocade : ...`), not to a sentence end.
fn keeps_period(prev: &str, prev_starts_sentence: bool, lang: Lang) -> bool {
    if prev_starts_sentence && prev.len() <= 3 && prev.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    let list: &[&str] = match lang {
        Lang::En => EN_ABBREVIATIONS,
        Lang::Fr => FR_ABBREVIATIONS,
    };
    list.contains(&prev)
}

/// English abbreviations whose period spaCy splits off (the others are special cases).
#[rustfmt::skip]
const EN_ABBREVIATIONS: &[&str] = &[
    "No", "Nos", "etc", "approx", "fig", "Fig", "vol", "Vol", "pp", "al", "cf", "ca", "viz",
    "Sr", "Lt", "Col", "Capt", "Sgt", "Cpl", "Maj", "Brig", "Cmdr", "Hon", "Supt", "Insp", "Det",
    "Ave", "Blvd", "Dept", "Univ", "Assn", "Bros", "Mx",
];

/// French abbreviations whose period spaCy splits off (the others are special cases).
#[rustfmt::skip]
const FR_ABBREVIATIONS: &[&str] = &[
    "ex", "env", "boul", "bd", "chap", "coll", "dir", "éd", "hab", "max", "min", "Mgr", "Me", "Pr",
    "Dre", "réf", "tél", "vol", "fig", "art", "al", "Cie", "Ets", "Sté", "juil", "fév", "op", "cit",
    "ibid", "Inc", "Ltd", "Corp", "Co", "Jr", "Sr", "nº", "Mes", "Vve",
];
