//! Bytes to the stored text: encoding, line ends and Unicode normalisation.
//!
//! The stored text keeps every character of the source except the byte order
//! mark; line ends become `\n` and the text is put in NFC, so that offsets
//! computed by any tool on the exported text agree with ours.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use crate::error::{Diagnostic, ErrorKind, ImportError, Result};

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Decodes and normalises the bytes of one input, `source` naming it in errors and warnings.
///
/// A UTF-8 byte order mark is dropped. Bytes that are not UTF-8 are read as
/// Windows-1252 (the usual encoding of older French and English web pages),
/// with a warning, unless `strict`. Line ends (`\r\n`, lone `\r`) become `\n`
/// and the text is put in Unicode NFC.
///
/// # Errors
/// [`ErrorKind::Binary`] when there is a NUL byte, [`ErrorKind::NotUtf8`] under
/// `strict`, and [`ErrorKind::Empty`] when nothing but whitespace is left.
pub fn decode(bytes: &[u8], source: &str, strict: bool) -> Result<(String, Option<Diagnostic>)> {
    decode_owned(bytes.to_vec(), source, strict)
}

/// [`decode`] of bytes the caller owns: valid UTF-8 that needs no change
/// becomes the text without a copy.
///
/// # Errors
/// As [`decode`].
pub fn decode_owned(
    mut bytes: Vec<u8>,
    source: &str,
    strict: bool,
) -> Result<(String, Option<Diagnostic>)> {
    if bytes.starts_with(UTF8_BOM) {
        bytes.drain(..UTF8_BOM.len());
    }
    // simdutf8 validates several times faster than std on accented text; the
    // copy into a String that follows costs less than a second validation.
    let (text, warning) = match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => {
            check_nul(text.as_bytes(), source)?;
            (text.to_owned(), None)
        }
        Err(_) => {
            let (text, warning) = decode_raw(&bytes, source, strict)?;
            (text.into_owned(), warning)
        }
    };
    let text = match normalize(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(normalized) => normalized,
    };
    if text.trim().is_empty() {
        return Err(ImportError::new(source, ErrorKind::Empty));
    }
    Ok((text, warning))
}

/// A NUL byte never occurs in text files but is everywhere in images,
/// archives and UTF-16; decoding those as cp1252 would import garbage.
fn check_nul(bytes: &[u8], source: &str) -> Result<()> {
    // `contains` is a vectorised search; the offset is looked for only when there is one.
    if bytes.contains(&0) {
        let offset = bytes.iter().position(|&b| b == 0).unwrap_or_default();
        return Err(ImportError::new(source, ErrorKind::Binary { offset }));
    }
    Ok(())
}

/// Decodes without normalising; the first, cheap pass over the corpus uses it.
pub(crate) fn decode_raw<'a>(
    bytes: &'a [u8],
    source: &str,
    strict: bool,
) -> Result<(Cow<'a, str>, Option<Diagnostic>)> {
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    check_nul(bytes, source)?;
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok((Cow::Borrowed(s), None));
    }
    // The slower std validation only to say where the first bad byte is.
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), None)),
        Err(e) if strict => Err(ImportError::new(
            source,
            ErrorKind::NotUtf8 {
                offset: e.valid_up_to(),
            },
        )),
        Err(e) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            let warning = Diagnostic::new(
                source,
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); read as Windows-1252, \
                     check its accents, or convert it to UTF-8",
                    e.valid_up_to()
                ),
            );
            Ok((text, Some(warning)))
        }
    }
}

/// Line ends to `\n` and Unicode NFC; borrows when the text is already so.
#[must_use]
pub fn normalize(text: &str) -> Cow<'_, str> {
    let text = normalize_newlines(text);
    // The quick check answers "yes" for nearly all real text without allocating.
    if surely_nfc(&text) || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        text
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// Whether every character is one that is NFC and combines with nothing:
/// below U+0300 (Latin with French accents, NBSP), or general punctuation and
/// currency signs from U+2002 to U+20BF (’ “ ” – — … €). A byte scan, much
/// cheaper than the Unicode tables for the text of nearly every news article.
fn surely_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip 16 bytes at a time while none starts a character from U+0300 up
        // (the maximum of a block is a vector instruction).
        while let Some(block) = bytes.get(i..i + 16) {
            if block.iter().fold(0, |m, &b| m.max(b)) >= 0xCC {
                break;
            }
            i += 16;
        }
        let Some(&b) = bytes.get(i) else { break };
        // Lead bytes from 0xCC start characters from U+0300 up.
        if b < 0xCC {
            i += 1;
            continue;
        }
        let punctuation = b == 0xE2
            && matches!(bytes.get(i + 1), Some(0x80..=0x82))
            // U+2000 and U+2001 are singletons that NFC replaces.
            && !(bytes[i + 1] == 0x80 && matches!(bytes.get(i + 2), Some(0x80 | 0x81)));
        if !punctuation {
            return false;
        }
        i += 3;
    }
    true
}

fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if !text.contains('\r') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> String {
        let (text, warning) = decode(bytes, "a.txt", false).unwrap();
        assert!(warning.is_none());
        text
    }

    #[test]
    fn drops_bom_and_keeps_everything_else() {
        assert_eq!(ok(b"\xEF\xBB\xBFTitre\n\nCorps."), "Titre\n\nCorps.");
        assert_eq!(ok("  X\u{a0}\n\u{a0}\n".as_bytes()), "  X\u{a0}\n\u{a0}\n");
    }

    #[test]
    fn line_ends_become_lf() {
        assert_eq!(ok(b"a\r\nb\rc\n\r\nd\r"), "a\nb\nc\n\nd\n");
    }

    #[test]
    fn nfc() {
        assert_eq!(ok("e\u{301}te\u{301}".as_bytes()), "été");
        assert_eq!(
            ok("l’été – 3 € …\u{2002}".as_bytes()),
            "l’été – 3 € …\u{2002}"
        );
        assert!(surely_nfc("l’été – 3 € …"));
        assert!(!surely_nfc("a\u{2000}b"), "EN QUAD becomes EN SPACE");
        assert_eq!(ok("a\u{2000}b".as_bytes()), "a\u{2002}b");
        assert_eq!(ok("\u{212B}".as_bytes()), "Å", "ANGSTROM SIGN");
        assert_eq!(ok("한국어".as_bytes()), "한국어");
    }

    proptest::proptest! {
        /// The byte scan never calls a text NFC that is not, at any position
        /// relative to its 16-byte blocks.
        #[test]
        fn surely_nfc_is_never_wrong(
            pad in "[a-z ]{0,20}",
            text in "[a-zéèàçœ’–€…\u{0300}-\u{036F}\u{2000}-\u{2010}\u{212B}\u{AC00}-\u{AC10} ]{0,40}",
        ) {
            let text = format!("{pad}{text}");
            if surely_nfc(&text) {
                proptest::prop_assert!(unicode_normalization::is_nfc(&text), "{:?}", text);
            }
        }
    }

    #[test]
    fn cp1252_with_warning() {
        let (text, warning) = decode(b"Caf\xe9 \x93cr\xe8me\x94 \x80", "old.txt", false).unwrap();
        assert_eq!(text, "Café “crème” €");
        let warning = warning.unwrap();
        assert_eq!(warning.source, "old.txt");
        assert!(warning.message.contains("Windows-1252"), "{warning}");
        assert!(warning.message.contains("offset 3"), "{warning}");
    }

    #[test]
    fn strict_refuses_non_utf8() {
        let err = decode(b"Caf\xe9", "old.txt", true).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::NotUtf8 { offset: 3 }));
        assert!(
            err.to_string().starts_with("old.txt: not valid UTF-8"),
            "{err}"
        );
    }

    #[test]
    fn empty_and_whitespace_only() {
        for bytes in [
            &b""[..],
            b"\xEF\xBB\xBF",
            b" \r\n\t\n",
            "\u{a0}\n".as_bytes(),
        ] {
            let err = decode(bytes, "e.txt", false).unwrap_err();
            assert!(matches!(err.kind, ErrorKind::Empty), "{bytes:?}");
            assert!(
                err.to_string().contains("e.txt: the file is empty"),
                "{err}"
            );
        }
    }

    #[test]
    fn binary() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "img.txt", false).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Binary { offset: 8 }));
        // UTF-16 is refused too rather than imported as garbage.
        let err = decode(b"\xFF\xFEa\0b\0", "u16.txt", false).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Binary { .. }));
    }
}
