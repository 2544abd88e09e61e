//! Text as a terminal may show it: control characters made visible.
//!
//! Scraped articles carry whatever the page had, escape sequences included
//! (`\x1b]0;title\x07`, `\x1b[2J`), and a piped command file can too. Written
//! raw, they retitle, clear or reprogram the user's terminal. [`visible`] is
//! the one function every screen path passes outside text through; the stored
//! text keeps them, since the corpus is never changed for display.
//!
//! ```
//! use annot_model::visible::visible;
//!
//! assert_eq!(visible("\u{1b}]0;pwned\u{7}"), "␛]0;pwned␇");
//! assert_eq!(visible("a\u{9b}b"), "a\\x9bb");
//! assert_eq!(visible("x\u{202e}y"), "x\\u{202e}y");
//! assert!(matches!(visible("armée\tsyrienne\n"), std::borrow::Cow::Borrowed(_)));
//! ```

use std::borrow::Cow;
use std::fmt::Write as _;

/// `s` with every character that would act on a terminal instead of showing
/// replaced by a visible stand-in; borrowed when there is none.
///
/// - C0 controls except `\n` and `\t` become their Control Picture
///   (U+2400 + code: ESC is `␛`, BEL `␇`, CR `␍`), and DEL becomes `␡`: one
///   character for one, so code point positions and display width stay.
/// - C1 controls (U+0080–U+009F) become `\x85`-style escapes.
/// - Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069),
///   which reorder what the terminal shows, become `\u{202e}`-style escapes.
///
/// The escapes are several characters for one, so apply this to each piece of
/// text as it is written, after offsets have been mapped, never before.
#[must_use]
pub fn visible(s: &str) -> Cow<'_, str> {
    let Some(first) = first_control(s.as_bytes()) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        push_visible(&mut out, c);
    }
    Cow::Owned(out)
}

/// Whether `c` is one of the characters [`visible`] replaces.
#[must_use]
pub fn is_terminal_control(c: char) -> bool {
    match c {
        '\n' | '\t' => false,
        '\0'..='\u{1f}' | '\u{7f}'..='\u{9f}' => true,
        _ => is_bidi_control(c),
    }
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn push_visible(out: &mut String, c: char) {
    match c {
        '\n' | '\t' => out.push(c),
        '\0'..='\u{1f}' => {
            // U+2400..U+241F are the Control Pictures of the C0 codes, in order.
            let picture = char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}');
            out.push(picture);
        }
        '\u{7f}' => out.push('\u{2421}'),
        '\u{80}'..='\u{9f}' => {
            let _ = write!(out, "\\x{:02x}", u32::from(c));
        }
        c if is_bidi_control(c) => {
            let _ = write!(out, "\\u{{{:04x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

/// Byte index of the first character [`visible`] replaces, scanning bytes.
///
/// In UTF-8 the C1 controls are `C2 80..=9F`, U+202A–U+202E are
/// `E2 80 AA..=AE` and U+2066–U+2069 are `E2 81 A6..=A9`; lead bytes never
/// occur as continuation bytes, so matching them here cannot misfire.
fn first_control(bytes: &[u8]) -> Option<usize> {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hit = match b {
            b'\n' | b'\t' => false,
            0x00..=0x1f | 0x7f => true,
            0xc2 => bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)),
            0xe2 => matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0x80), Some(0xaa..=0xae)) | (Some(0x81), Some(0xa6..=0xa9))
            ),
            _ => false,
        };
        if hit {
            return Some(i);
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn escape_sequences_are_shown_not_obeyed() {
        assert_eq!(
            visible("a\u{1b}]0;pwned\u{7}b\u{1b}[2J"),
            "a␛]0;pwned␇b␛[2J"
        );
        assert_eq!(visible("\0\r\u{8}\u{7f}"), "␀␍␈␡");
        assert_eq!(visible("\u{80}\u{9b}\u{9f}"), "\\x80\\x9b\\x9f");
        assert_eq!(
            visible("\u{202a}\u{202e}\u{2066}\u{2069}"),
            "\\u{202a}\\u{202e}\\u{2066}\\u{2069}"
        );
    }

    #[test]
    fn ordinary_text_comes_back_borrowed() {
        for s in [
            "",
            "L’armée syrienne\tBoukamal\n",
            "\u{a0}«\u{a0}guillemets\u{a0}» — \u{200f}עברית \u{202f}",
            "\u{a0}\u{c2}\u{e2}\u{2029}\u{2065}\u{206a}\u{2029}",
        ] {
            assert!(matches!(visible(s), Cow::Borrowed(b) if b == s), "{s:?}");
        }
    }

    #[test]
    fn one_for_one_keeps_code_point_positions() {
        let s = "x\u{1b}[31mé\u{7f}";
        assert_eq!(visible(s).chars().count(), s.chars().count());
    }

    fn text() -> impl Strategy<Value = String> {
        let c = prop_oneof![
            any::<char>(),
            prop::char::range('\0', '\u{a0}'),
            prop::char::range('\u{2028}', '\u{202f}'),
            prop::char::range('\u{2064}', '\u{206a}'),
        ];
        prop::collection::vec(c, 0..48).prop_map(|v| v.into_iter().collect())
    }

    proptest! {
        #[test]
        fn output_holds_no_control(s in text()) {
            let v = visible(&s);
            for b in v.bytes() {
                prop_assert!(b >= 0x20 || b == b'\n' || b == b'\t', "{v:?}");
                prop_assert_ne!(b, 0x7f);
            }
            prop_assert!(!v.chars().any(is_terminal_control), "{v:?}");
            // Nothing left to replace: a second pass changes nothing.
            prop_assert!(matches!(visible(&v), Cow::Borrowed(_)));
        }

        #[test]
        fn borrowed_exactly_when_nothing_to_replace(s in text()) {
            let clean = !s.chars().any(is_terminal_control);
            match visible(&s) {
                Cow::Borrowed(b) => prop_assert!(clean && b == s),
                Cow::Owned(_) => prop_assert!(!clean),
            }
        }
    }
}
