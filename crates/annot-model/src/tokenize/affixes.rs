//! spaCy's prefix, suffix and infix rules (`spacy/lang/punctuation.py`,
//! `spacy/lang/fr/punctuation.py`, `spacy/lang/en/punctuation.py`), hand-compiled.
//!
//! spaCy joins each rule list into one regex; what matters for the result is
//! which alternative wins. Prefixes are anchored at the start, so the first
//! character decides. The suffix regex is searched, so the leftmost match
//! wins: [`suffix_len`] computes every candidate start and keeps the smallest.
//! Infixes are found left to right, non-overlapping, first alternative first.
//!
//! Every function sees only the string it is given: spaCy applies the rules to
//! the remainder after earlier affixes were cut off, so look-behinds and
//! look-aheads never reach past it.

use super::Lang;
use super::chars::{
    CURRENCY_WORDS, INFIX_HYPHENS, UNITS, char_at, char_before, first, is_alpha, is_currency,
    is_digit, is_elision, is_fr_hyphen, is_icon, is_lower, is_punct, is_quote, is_upper, last,
};

/// Length in bytes of the prefix spaCy splits off `s`, 0 if none.
pub(crate) fn prefix_len(s: &str, lang: Lang) -> usize {
    let Some(c) = first(s) else { return 0 };
    let next = char_at(s, c.len_utf8());
    match c {
        // `\.\.+`: a run of at least two dots.
        '.' => {
            let run = s.bytes().take_while(|&b| b == b'.').count();
            if run >= 2 { run } else { 0 }
        }
        // `\+(?![0-9])`: a plus sign that is not the sign of a number.
        '+' => usize::from(!next.is_some_and(is_digit)),
        '§' | '%' | '=' | '—' | '–' => c.len_utf8(),
        _ if is_punct(c) || is_quote(c) || is_currency(c) || is_icon(c) => c.len_utf8(),
        _ => {
            if let Some(w) = CURRENCY_WORDS.iter().find(|w| s.starts_with(*w)) {
                return w.len();
            }
            // French `(?:(d|l|n|D|L|N)['’])(?=[ALPHA])`: l'armée -> l' armée.
            if lang == Lang::Fr
                && matches!(c, 'd' | 'l' | 'n' | 'D' | 'L' | 'N')
                && let Some(apos) = next.filter(|&a| is_elision(a))
            {
                let len = 1 + apos.len_utf8();
                if char_at(s, len).is_some_and(is_alpha) {
                    return len;
                }
            }
            0
        }
    }
}

/// Whether `.` after `p` is a suffix: `(?<=[0-9{al}{e}{p}(?:{q})])\.` in
/// English; French has no `{p}` (punctuation) in that class.
fn splits_period_after(p: char, lang: Lang) -> bool {
    is_digit(p)
        || is_lower(p)
        || is_quote(p)
        || matches!(p, '%' | '²' | '-' | '+' | '(' | '?' | ':' | ')')
        || (lang == Lang::En && (is_punct(p) || p == '|'))
}

/// The French `-t-il`-style pronoun suffixes (`_hyphen_suffixes`).
const FR_HYPHEN_SUFFIXES: [&str; 26] = [
    "ce", "clés", "elle", "en", "il", "ils", "je", "là", "moi", "nous", "on", "t", "vous", "CE",
    "CLÉS", "ELLE", "EN", "IL", "ILS", "JE", "LÀ", "MOI", "NOUS", "ON", "T", "VOUS",
];

/// Length in bytes of the suffix spaCy splits off `s`, 0 if none.
pub(crate) fn suffix_len(s: &str, lang: Lang) -> usize {
    let Some(c) = last(s) else { return 0 };
    let n = s.len();
    let mut best = n;
    let mut offer = |start: usize| best = best.min(start);

    let single =
        is_punct(c) || is_quote(c) || (lang == Lang::En && (is_icon(c) || matches!(c, '—' | '–')));
    if single {
        offer(n - c.len_utf8());
    }
    if s.ends_with("……") {
        offer(n - "……".len());
    }
    if c == '.' {
        let run = s.bytes().rev().take_while(|&b| b == b'.').count();
        if run >= 2 {
            offer(n - run);
        }
        let before = &s[..n - 1];
        let p = last(before);
        // `(?<=[{au}][{au}])\.`: USA. -> USA . (but U.S. stays whole).
        let two_upper = p.is_some_and(is_upper)
            && p.and_then(|p| char_before(before, before.len() - p.len_utf8()))
                .is_some_and(is_upper);
        // `(?<=°[FfCcKk])\.`
        let degree = before
            .strip_suffix(['F', 'f', 'C', 'c', 'K', 'k'])
            .is_some_and(|b| b.ends_with('°'));
        if p.is_some_and(|p| splits_period_after(p, lang)) || two_upper || degree {
            offer(n - 1);
        }
    }
    if lang == Lang::En {
        for clitic in ["'s", "'S", "’s", "’S"] {
            if s.ends_with(clitic) {
                offer(n - clitic.len());
            }
        }
    }
    // Rules with `(?<=[0-9])`: `+`, currencies, units (and `%` in French)
    // right after the last digit, since none of them contains a digit.
    if let Some(d) = s.bytes().rposition(|b| b.is_ascii_digit()) {
        let tail = &s[d + 1..];
        let is_cur = |t: &str| {
            CURRENCY_WORDS.contains(&t)
                || (t.chars().count() == 1 && first(t).is_some_and(is_currency))
        };
        if !tail.is_empty() && (tail == "+" || tail == "%" || is_cur(tail) || UNITS.contains(&tail))
        {
            offer(d + 1);
        }
    }
    if lang == Lang::Fr
        && let Some((h, hyphen)) = s.char_indices().rev().find(|&(_, ch)| is_fr_hyphen(ch))
        && FR_HYPHEN_SUFFIXES.contains(&&s[h + hyphen.len_utf8()..])
        && char_before(s, h).is_some_and(is_alpha)
    {
        // `(?<=[{a}])[{h}]({hs})`: dit-il -> dit -il.
        offer(h);
    }
    n - best
}

/// Finds the infixes of `s` (spaCy's `infix_finditer`), as byte ranges;
/// French elisions give empty ranges (`jusqu'à` -> `jusqu'` `à`).
pub(crate) fn infixes(s: &str, lang: Lang, out: &mut Vec<(usize, usize)>) {
    out.clear();
    let mut i = 0;
    let mut prev = None;
    while let Some(c) = char_at(s, i) {
        // Only these characters can start an infix (or, in French, follow an
        // elision); skipping the others keeps plain words cheap.
        let trigger = matches!(c, '.' | '…' | '+' | '-' | '*' | '^' | ',' | '–' | '—' | '~')
            || matches!(c, ':' | '<' | '>' | '=' | '/')
            || (!c.is_ascii() && is_icon(c))
            || (lang == Lang::Fr && prev.is_some_and(is_elision));
        prev = Some(c);
        if !trigger {
            i += c.len_utf8();
            continue;
        }
        if let Some(end) = infix_at(s, i, c, lang) {
            out.push((i, end));
            if end > i {
                prev = char_before(s, end);
                i = end;
                continue;
            }
        }
        i += c.len_utf8();
    }
}

/// The end of the infix starting at byte `i` (character `c`), if one does.
fn infix_at(s: &str, i: usize, c: char, lang: Lang) -> Option<usize> {
    let after = i + c.len_utf8();
    let prev = char_before(s, i);
    let next = char_at(s, after);
    // `\.\.+`, `…` and icons split anywhere.
    if c == '.' && next == Some('.') {
        return Some(i + s[i..].bytes().take_while(|&b| b == b'.').count());
    }
    if c == '…' || is_icon(c) {
        return Some(after);
    }
    // `(?<=[0-9])[+\-\*^](?=[0-9-])`: 2024-03-03, 3*4.
    if matches!(c, '+' | '-' | '*' | '^')
        && prev.is_some_and(is_digit)
        && next.is_some_and(|n| is_digit(n) || n == '-')
    {
        return Some(after);
    }
    // `(?<=[{al}{q}])\.(?=[{au}{q}])`: end.Next.
    if c == '.'
        && prev.is_some_and(|p| is_lower(p) || is_quote(p))
        && next.is_some_and(|n| is_upper(n) || is_quote(n))
    {
        return Some(after);
    }
    // `(?<=[{a}]),(?=[{a}])`: Hello,world.
    if c == ',' && prev.is_some_and(is_alpha) && next.is_some_and(is_alpha) {
        return Some(after);
    }
    // Hyphens between letters; English also after digits (300-metre).
    let hyphen_ok = prev.is_some_and(|p| is_alpha(p) || (lang == Lang::En && is_digit(p)));
    if hyphen_ok {
        for h in INFIX_HYPHENS {
            if s[i..].starts_with(h) && char_at(s, i + h.len()).is_some_and(is_alpha) {
                return Some(i + h.len());
            }
        }
    }
    // `(?<=[{a}0-9])[:<>=/](?=[{a}])`.
    if matches!(c, ':' | '<' | '>' | '=' | '/')
        && prev.is_some_and(|p| is_alpha(p) || is_digit(p))
        && next.is_some_and(is_alpha)
    {
        return Some(after);
    }
    // French `(?<=[{a}][{el}])(?=[{a}])`: an empty infix after an elision.
    if lang == Lang::Fr
        && is_alpha(c)
        && prev.is_some_and(is_elision)
        && prev
            .and_then(|p| char_before(s, i - p.len_utf8()))
            .is_some_and(is_alpha)
    {
        return Some(i);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes() {
        assert_eq!(prefix_len("(abc", Lang::En), 1);
        assert_eq!(prefix_len("«abc", Lang::Fr), "«".len());
        assert_eq!(prefix_len("...abc", Lang::En), 3);
        assert_eq!(prefix_len(".abc", Lang::En), 0);
        assert_eq!(prefix_len("+33", Lang::Fr), 0);
        assert_eq!(prefix_len("+abc", Lang::Fr), 1);
        assert_eq!(prefix_len("US$5", Lang::En), 3);
        assert_eq!(prefix_len("l'armée", Lang::Fr), 2);
        assert_eq!(prefix_len("L’armée", Lang::Fr), 1 + "’".len());
        assert_eq!(prefix_len("l'armée", Lang::En), 0);
        assert_eq!(prefix_len("l'", Lang::Fr), 0);
    }

    #[test]
    fn suffixes() {
        assert_eq!(suffix_len("mot,", Lang::Fr), 1);
        assert_eq!(suffix_len("mot...", Lang::Fr), 3);
        assert_eq!(suffix_len("Dupont.", Lang::Fr), 1);
        assert_eq!(suffix_len("USA.", Lang::En), 1);
        assert_eq!(suffix_len("U.S.", Lang::En), 0);
        assert_eq!(suffix_len("J.", Lang::En), 0);
        assert_eq!(suffix_len("3,5%", Lang::Fr), 1);
        assert_eq!(suffix_len("5km", Lang::En), 2);
        assert_eq!(suffix_len("40$", Lang::En), 1);
        assert_eq!(suffix_len("company's", Lang::En), 2);
        assert_eq!(suffix_len("company's", Lang::Fr), 0);
        assert_eq!(suffix_len("dit-il", Lang::Fr), 3);
        assert_eq!(suffix_len("dit-il", Lang::En), 0);
        assert_eq!(suffix_len("ok😀", Lang::En), "😀".len());
        assert_eq!(suffix_len("ok😀", Lang::Fr), 0);
        assert_eq!(suffix_len("?.", Lang::En), 1);
        assert_eq!(suffix_len("!.", Lang::Fr), 0);
        assert_eq!(suffix_len("25°C.", Lang::Fr), 1);
    }

    fn split(s: &str, lang: Lang) -> Vec<&str> {
        let mut v = Vec::new();
        infixes(s, lang, &mut v);
        v.iter().map(|&(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn infix_rules() {
        assert_eq!(split("2024-03-03", Lang::En), ["-", "-"]);
        assert_eq!(split("long-term", Lang::En), ["-"]);
        assert_eq!(split("300-metre", Lang::En), ["-"]);
        assert_eq!(split("300-metre", Lang::Fr), Vec::<&str>::new());
        assert_eq!(split("end.Next", Lang::En), ["."]);
        assert_eq!(split("U.S.", Lang::En), Vec::<&str>::new());
        assert_eq!(split("jusqu'à", Lang::Fr), [""]);
        assert_eq!(split("19/11/2017", Lang::Fr), Vec::<&str>::new());
        assert_eq!(split("a--b", Lang::En), ["--"]);
    }
}
