//! Character classes of spaCy's rule-based tokenizer (`spacy/lang/char_classes.py`
//! and `spacy/lang/fr/punctuation.py`), as predicates instead of regex classes.
//!
//! spaCy lists its letters script by script ([`ALPHA`] below); within those
//! scripts its lower/upper-case lists agree with Unicode's case properties
//! (but for five titlecase letters), so case is taken from Unicode. Uncased
//! scripts count as both lower and upper case, as in spaCy
//! (`ALPHA_LOWER = _lower + _uncased`).

/// spaCy's `ALPHA` beyond ASCII: Latin, Greek, Cyrillic (partly), Hebrew,
/// Arabic, several Indic scripts, Ethiopic, Hangul, kana and CJK. Sorted,
/// inclusive ranges, generated from `spacy.lang.char_classes.ALPHA`.
#[rustfmt::skip]
const ALPHA: &[(u32, u32)] = &[
    (0xC0, 0xD6), (0xD8, 0xF6), (0xF8, 0x1BF), (0x1C4, 0x2AF), (0x386, 0x386), (0x388, 0x38A),
    (0x38C, 0x38C), (0x38E, 0x38F), (0x391, 0x3A9), (0x3AC, 0x3AF), (0x3B1, 0x3C9), (0x3CC, 0x3CE),
    (0x400, 0x401), (0x403, 0x40A), (0x40C, 0x40D), (0x410, 0x451), (0x453, 0x45A), (0x45C, 0x45D),
    (0x490, 0x491), (0x496, 0x497), (0x4A2, 0x4A3), (0x4AE, 0x4AF), (0x4BA, 0x4BB), (0x4D8, 0x4D9),
    (0x4E8, 0x4E9), (0x591, 0x5F4), (0x620, 0x64A), (0x66E, 0x6D5), (0x6E5, 0x6FF), (0x750, 0x77F),
    (0x8A0, 0x8BD), (0x900, 0x9FF), (0xB80, 0xCFF), (0xD80, 0xDFF), (0x1100, 0x137F),
    (0x1D00, 0x1D25), (0x1D6B, 0x1D77), (0x1D79, 0x1D9A), (0x1E00, 0x1EFF), (0x2C60, 0x2C7B),
    (0x2C7E, 0x2C7F), (0x2E80, 0x2FDF), (0x2FF0, 0x30FF), (0x31C0, 0x31EF), (0x3200, 0x4DBF),
    (0x4E00, 0x9FFF), (0xA722, 0xA76F), (0xA771, 0xA787), (0xA78B, 0xA78E), (0xA790, 0xA7B9),
    (0xA7FA, 0xA7FA), (0xAB30, 0xAB5A), (0xAB60, 0xAB64), (0xAC00, 0xD7AF), (0xF900, 0xFAFF),
    (0xFB1D, 0xFBB1), (0xFBD3, 0xFD3D), (0xFD50, 0xFDC7), (0xFDF0, 0xFDFB), (0xFE30, 0xFE4F),
    (0xFE70, 0xFEFC), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A), (0x1EE00, 0x1EEBB), (0x1F200, 0x1F2FF),
    (0x20000, 0x2A6DF), (0x2A700, 0x2EBEF), (0x2F800, 0x2FA1F),
];

/// Whether `c` lies in one of the sorted, disjoint, inclusive `ranges`.
fn in_ranges(ranges: &[(u32, u32)], c: char) -> bool {
    let cp = u32::from(c);
    ranges
        .binary_search_by(|&(lo, hi)| {
            if hi < cp {
                std::cmp::Ordering::Less
            } else if lo > cp {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// spaCy's `ALPHA`.
#[inline]
pub(crate) fn is_alpha(c: char) -> bool {
    let cp = u32::from(c);
    if cp < 0x80 {
        return c.is_ascii_alphabetic();
    }
    // Fast path for the accented Latin letters of French (the first ranges of `ALPHA`).
    if (0xC0..=0x2AF).contains(&cp) {
        return !matches!(cp, 0xD7 | 0xF7 | 0x1C0..=0x1C3);
    }
    in_ranges(ALPHA, c)
}

/// spaCy's `ALPHA_LOWER` (lower-case or uncased letters).
#[inline]
pub(crate) fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    is_alpha(c) && !c.is_uppercase()
}

/// spaCy's `ALPHA_UPPER` (upper-case or uncased letters).
#[inline]
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    is_alpha(c) && !c.is_lowercase()
}

/// Python's `[0-9]`: ASCII digits only.
pub(crate) fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// spaCy's `_punct`, one character each (the two-character `……` is handled by callers).
pub(crate) fn is_punct(c: char) -> bool {
    matches!(
        c,
        '…' | ','
            | ':'
            | ';'
            | '!'
            | '?'
            | '¿'
            | '؟'
            | '¡'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '_'
            | '#'
            | '*'
            | '&'
            | '。'
            | '？'
            | '！'
            | '，'
            | '、'
            | '；'
            | '：'
            | '～'
            | '·'
            | '।'
            | '،'
            | '۔'
            | '؛'
            | '٪'
    )
}

/// spaCy's `_quotes` (it counts `,` and `‚` as quotes too).
pub(crate) fn is_quote(c: char) -> bool {
    matches!(
        c,
        '\'' | '"'
            | '”'
            | '“'
            | '`'
            | '‘'
            | '´'
            | '’'
            | '‚'
            | ','
            | '„'
            | '»'
            | '«'
            | '「'
            | '」'
            | '『'
            | '』'
            | '（'
            | '）'
            | '〔'
            | '〕'
            | '【'
            | '】'
            | '《'
            | '》'
            | '〈'
            | '〉'
            | '\u{2329}'
            | '\u{232A}'
            | '⟦'
            | '⟧'
    )
}

/// The elision apostrophes of French (`ELISION`).
pub(crate) fn is_elision(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The hyphens of spaCy's French rules (`fr/punctuation.py` `HYPHENS`).
pub(crate) fn is_fr_hyphen(c: char) -> bool {
    matches!(c, '-' | '–' | '—' | '‐' | '‑')
}

/// spaCy's `_hyphens` as infixes, in regex alternation order: the first one
/// followed by a letter wins.
pub(crate) const INFIX_HYPHENS: [&str; 7] = ["-", "–", "—", "--", "---", "——", "~"];

/// Single-character currency symbols of `_currency` (`US$`, `C$`, `A$` are handled by callers).
pub(crate) fn is_currency(c: char) -> bool {
    matches!(c, '$' | '£' | '€' | '¥' | '฿' | '﷼') || ('\u{20A0}'..='\u{20BF}').contains(&c)
}

/// The multi-character currencies of `_currency`.
pub(crate) const CURRENCY_WORDS: [&str; 3] = ["US$", "C$", "A$"];

/// spaCy's `_units`, split off a preceding number (`5km` -> `5` `km`).
///
/// The missing space between `тб` and `كم` is spaCy's (it fuses the two into one unit).
#[rustfmt::skip]
pub(crate) const UNITS: &[&str] = &[
    "km", "km²", "km³", "m", "m²", "m³", "dm", "dm²", "dm³", "cm", "cm²", "cm³", "mm", "mm²", "mm³",
    "ha", "µm", "nm", "yd", "in", "ft", "kg", "g", "mg", "µg", "t", "lb", "oz", "m/s", "km/h", "kmh",
    "mph", "hPa", "Pa", "mbar", "mb", "MB", "kb", "KB", "gb", "GB", "tb", "TB", "T", "G", "M", "K",
    "%", "км", "км²", "км³", "м", "м²", "м³", "дм", "дм²", "дм³", "см", "см²", "см³", "мм", "мм²",
    "мм³", "нм", "кг", "г", "мг", "м/с", "км/ч", "кПа", "Па", "мбар", "Кб", "КБ", "кб", "Мб", "МБ",
    "мб", "Гб", "ГБ", "гб", "Тб", "ТБ", "тбكم", "كم²", "كم³", "م", "م²", "م³", "سم", "سم²", "سم³",
    "مم", "مم²", "مم³", "كم", "غرام", "جرام", "جم", "كغ", "ملغ", "كوب", "اكواب",
];

/// spaCy's `LIST_ICONS` (`_other_symbols`, Unicode category So as of spaCy's
/// table): dingbats, arrows and most emoji. Sorted, inclusive ranges.
#[rustfmt::skip]
const ICONS: &[(u32, u32)] = &[
    (0xA6, 0xA6), (0xA9, 0xA9), (0xAE, 0xAE), (0xB0, 0xB0), (0x482, 0x482), (0x58D, 0x58E),
    (0x60E, 0x60F), (0x6DE, 0x6DE), (0x6E9, 0x6E9), (0x6FD, 0x6FE), (0x7F6, 0x7F6), (0x9FA, 0x9FA),
    (0xB70, 0xB70), (0xBF3, 0xBF8), (0xBFA, 0xBFA), (0xC7F, 0xC7F), (0xD4F, 0xD4F), (0xD79, 0xD79),
    (0xF01, 0xF03), (0xF13, 0xF13), (0xF15, 0xF17), (0xF1A, 0xF1F), (0xF34, 0xF34), (0xF36, 0xF36),
    (0xF38, 0xF38), (0xFBE, 0xFC5), (0xFC7, 0xFCC), (0xFCE, 0xFCF), (0xFD5, 0xFD8), (0x109E, 0x109F),
    (0x1390, 0x1399), (0x1940, 0x1940), (0x19DE, 0x19FF), (0x1B61, 0x1B6A), (0x1B74, 0x1B7C),
    (0x2100, 0x2101), (0x2103, 0x2106), (0x2108, 0x2109), (0x2114, 0x2114), (0x2116, 0x2117),
    (0x211E, 0x2123), (0x2125, 0x2125), (0x2127, 0x2127), (0x2129, 0x2129), (0x212E, 0x212E),
    (0x213A, 0x213B), (0x214A, 0x214A), (0x214C, 0x214D), (0x214F, 0x214F), (0x218A, 0x218B),
    (0x2195, 0x2199), (0x219C, 0x219F), (0x21A1, 0x21A2), (0x21A4, 0x21A5), (0x21A7, 0x21AD),
    (0x21AF, 0x21CD), (0x21D0, 0x21D1), (0x21D3, 0x21D3), (0x21D5, 0x21F3), (0x2300, 0x2307),
    (0x230C, 0x231F), (0x2322, 0x2328), (0x232B, 0x237B), (0x237D, 0x239A), (0x23B4, 0x23DB),
    (0x23E2, 0x2426), (0x2440, 0x244A), (0x249C, 0x24E9), (0x2500, 0x25B6), (0x25B8, 0x25C0),
    (0x25C2, 0x25F7), (0x2600, 0x266E), (0x2670, 0x2767), (0x2794, 0x27BF), (0x2800, 0x28FF),
    (0x2B00, 0x2B2F), (0x2B45, 0x2B46), (0x2B4D, 0x2B73), (0x2B76, 0x2B95), (0x2B98, 0x2BC8),
    (0x2BCA, 0x2BFE), (0x2CE5, 0x2CEA), (0x2E80, 0x2E99), (0x2E9B, 0x2EF3), (0x2F00, 0x2FD5),
    (0x2FF0, 0x2FFB), (0x3004, 0x3004), (0x3012, 0x3013), (0x3020, 0x3020), (0x3036, 0x3037),
    (0x303E, 0x303F), (0x3190, 0x3191), (0x3196, 0x319F), (0x31C0, 0x31E3), (0x3200, 0x321E),
    (0x322A, 0x3247), (0x3250, 0x3250), (0x3260, 0x327F), (0x328A, 0x32B0), (0x32C0, 0x32FE),
    (0x3300, 0x33FF), (0x4DC0, 0x4DFF), (0xA490, 0xA4C6), (0xA828, 0xA82B), (0xA836, 0xA837),
    (0xA839, 0xA839), (0xAA77, 0xAA79), (0xFDFD, 0xFDFD), (0xFFE4, 0xFFE4), (0xFFE8, 0xFFE8),
    (0xFFED, 0xFFEE), (0xFFFC, 0xFFFD), (0x10137, 0x1013F), (0x10179, 0x10189), (0x1018C, 0x1018E),
    (0x10190, 0x1019B), (0x101A0, 0x101A0), (0x101D0, 0x101FC), (0x10877, 0x10878),
    (0x10AC8, 0x10AC8), (0x1173F, 0x1173F), (0x16B3C, 0x16B3F), (0x16B45, 0x16B45),
    (0x1BC9C, 0x1BC9C), (0x1D000, 0x1D0F5), (0x1D100, 0x1D126), (0x1D129, 0x1D164),
    (0x1D16A, 0x1D16C), (0x1D183, 0x1D184), (0x1D18C, 0x1D1A9), (0x1D1AE, 0x1D1E8),
    (0x1D200, 0x1D241), (0x1D245, 0x1D245), (0x1D300, 0x1D356), (0x1D800, 0x1D9FF),
    (0x1DA37, 0x1DA3A), (0x1DA6D, 0x1DA74), (0x1DA76, 0x1DA83), (0x1DA85, 0x1DA86),
    (0x1ECAC, 0x1ECAC), (0x1F000, 0x1F02B), (0x1F030, 0x1F093), (0x1F0A0, 0x1F0AE),
    (0x1F0B1, 0x1F0BF), (0x1F0C1, 0x1F0CF), (0x1F0D1, 0x1F0F5), (0x1F110, 0x1F16B),
    (0x1F170, 0x1F1AC), (0x1F1E6, 0x1F202), (0x1F210, 0x1F23B), (0x1F240, 0x1F248),
    (0x1F250, 0x1F251), (0x1F260, 0x1F265), (0x1F300, 0x1F3FA), (0x1F400, 0x1F6D4),
    (0x1F6E0, 0x1F6EC), (0x1F6F0, 0x1F6F9), (0x1F700, 0x1F773), (0x1F780, 0x1F7D8),
    (0x1F800, 0x1F80B), (0x1F810, 0x1F847), (0x1F850, 0x1F859), (0x1F860, 0x1F887),
    (0x1F890, 0x1F8AD), (0x1F900, 0x1F90B), (0x1F910, 0x1F93E), (0x1F940, 0x1F970),
    (0x1F973, 0x1F976), (0x1F97A, 0x1F97A), (0x1F97C, 0x1F9A2), (0x1F9B0, 0x1F9B9),
    (0x1F9C0, 0x1F9C2), (0x1F9D0, 0x1F9FF), (0x1FA60, 0x1FA6D),
];

/// spaCy's `LIST_ICONS`: a symbol split off as a token of its own.
#[inline]
pub(crate) fn is_icon(c: char) -> bool {
    let cp = u32::from(c);
    if cp < 0x482 {
        return matches!(cp, 0xA6 | 0xA9 | 0xAE | 0xB0);
    }
    in_ranges(ICONS, c)
}

/// Whether no tokenizer rule can apply inside a word made of such characters
/// alone: letters that are not also punctuation or symbols in spaCy's lists.
#[inline]
pub(crate) fn is_plain_letter(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    c.is_alphabetic() && !is_icon(c) && !is_punct(c) && !is_quote(c) && !is_currency(c)
}

/// First character of `s`.
pub(crate) fn first(s: &str) -> Option<char> {
    s.chars().next()
}

/// Last character of `s`.
pub(crate) fn last(s: &str) -> Option<char> {
    s.chars().next_back()
}

/// The character starting at byte `i` of `s`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(first)
}

/// The character ending at byte `i` of `s`.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i).and_then(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_sorted_and_disjoint() {
        for table in [ICONS, ALPHA] {
            for w in table.windows(2) {
                assert!(w[0].0 <= w[0].1 && w[0].1 < w[1].0, "{w:x?}");
            }
        }
    }

    #[test]
    fn classes() {
        assert!(is_icon('😀') && is_icon('❤') && is_icon('°') && is_icon('🥐'));
        assert!(!is_icon('a') && !is_icon('\u{FE0F}') && !is_icon('🏽'));
        assert!(
            is_lower('é') && is_upper('É') && is_alpha('ß') && !is_alpha('º') && !is_alpha('🅲')
        );
        assert!(is_lower('ب') && is_upper('ب'), "uncased letters are both");
        assert!(is_quote('«') && is_quote(',') && is_punct('…') && !is_punct('.'));
    }
}
