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
/// A byte order mark decides the encoding: UTF-8, UTF-16 LE or UTF-16 BE
/// (dropped from the text); content that is not in that encoding is refused.
/// Without one, bytes that are not UTF-8 are read as
/// Windows-1252 (the usual encoding of older French and English web pages),
/// with a warning, unless `strict`. Line ends (`\r\n`, lone `\r`) become `\n`
/// and the text is put in Unicode NFC.
///
/// # Errors
/// [`ErrorKind::Binary`] when there is a NUL byte, [`ErrorKind::BadBom`] when
/// the text is not in the encoding its byte order mark says, [`ErrorKind::NotUtf8`]
/// under `strict`, and [`ErrorKind::Empty`] when nothing but whitespace is left.
pub fn decode(bytes: &[u8], source: &str, strict: bool) -> Result<(String, Option<Diagnostic>)> {
    decode_owned(bytes.to_vec(), source, strict)
}

/// [`decode`] of bytes the caller owns: valid UTF-8 that needs no change
/// becomes the text without a copy.
///
/// # Errors
/// As [`decode`].
pub fn decode_owned(
    bytes: Vec<u8>,
    source: &str,
    strict: bool,
) -> Result<(String, Option<Diagnostic>)> {
    let (text, warning) = decode_unnormalized(bytes, source, strict)?;
    let text = match normalize(&text) {
        Cow::Borrowed(_) => text,
        Cow::Owned(normalized) => normalized,
    };
    if text.trim().is_empty() {
        return Err(ImportError::new(source, ErrorKind::Empty));
    }
    Ok((text, warning))
}

/// [`decode_owned`] without the normalisation (line ends and NFC kept as
/// they are) nor the check for an empty text: for offsets counted on the
/// source's own characters.
pub(crate) fn decode_unnormalized(
    mut bytes: Vec<u8>,
    source: &str,
    strict: bool,
) -> Result<(String, Option<Diagnostic>)> {
    if let Some(text) = decode_utf16(&bytes, source) {
        bytes = text?.into_bytes();
    }
    let had_bom = bytes.starts_with(UTF8_BOM);
    if had_bom {
        bytes.drain(..UTF8_BOM.len());
    }
    // simdutf8 validates several times faster than std on accented text; the
    // copy into a String that follows costs less than a second validation.
    let (text, warning) = match simdutf8::basic::from_utf8(&bytes) {
        Ok(text) => {
            check_nul(text.as_bytes(), source)?;
            (text.to_owned(), None)
        }
        Err(_) if had_bom => {
            let offset = std::str::from_utf8(&bytes)
                .err()
                .map_or(0, |e| e.valid_up_to())
                + UTF8_BOM.len();
            return Err(bad_bom(source, "UTF-8", Some(offset)));
        }
        Err(_) => {
            let (text, warning) = decode_raw(&bytes, source, strict)?;
            (text.into_owned(), warning)
        }
    };
    Ok((text, warning))
}

/// A NUL byte never occurs in text files but is everywhere in images,
/// archives and UTF-16; decoding those as cp1252 would import garbage.
fn check_nul(bytes: &[u8], source: &str) -> Result<()> {
    // A vectorised search (the slice's `contains` is a word at a time); the
    // offset is looked for only when there is one.
    if memchr::memchr(0, bytes).is_some() {
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
    if let Some(text) = decode_utf16(bytes, source) {
        return text.map(|t| (Cow::Owned(t), None));
    }
    let (bytes, had_bom) = match bytes.strip_prefix(UTF8_BOM) {
        Some(rest) => (rest, true),
        None => (bytes, false),
    };
    check_nul(bytes, source)?;
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return Ok((Cow::Borrowed(s), None));
    }
    // The slower std validation only to say where the first bad byte is.
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), None)),
        Err(e) if had_bom => Err(bad_bom(
            source,
            "UTF-8",
            Some(e.valid_up_to() + UTF8_BOM.len()),
        )),
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

/// The text of bytes that start with a UTF-16 byte order mark (`None` when
/// they do not): the mark decides, and content that is not UTF-16 (an odd
/// number of bytes, a lone surrogate) is refused rather than guessed at.
pub(crate) fn decode_utf16(bytes: &[u8], source: &str) -> Option<Result<String>> {
    let (encoding, name) = match bytes {
        [0xFF, 0xFE, ..] => (encoding_rs::UTF_16LE, "UTF-16 LE"),
        [0xFE, 0xFF, ..] => (encoding_rs::UTF_16BE, "UTF-16 BE"),
        _ => return None,
    };
    let body = &bytes[2..];
    // Genuine UTF-16 text almost always has ASCII code units (spaces, line
    // breaks), so NUL bytes; a mark in front of UTF-8 (a tool that added
    // one) has none, and spaces or line breaks as single bytes. CJK UTF-16
    // has neither NUL bytes nor, nearly always, valid UTF-8.
    if memchr::memchr(0, body).is_none()
        && body.iter().any(|&b| b == b' ' || b == b'\n')
        && simdutf8::basic::from_utf8(body).is_ok()
    {
        let kind = ErrorKind::Utf16BomOnUtf8 { encoding: name };
        return Some(Err(ImportError::new(source, kind)));
    }
    let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(body) else {
        return Some(Err(bad_bom(source, name, None)));
    };
    Some(check_nul(text.as_bytes(), source).map(|()| text.into_owned()))
}

fn bad_bom(source: &str, encoding: &'static str, offset: Option<usize>) -> ImportError {
    let detail = offset.map_or_else(String::new, |o| format!(" (first bad byte at offset {o})"));
    ImportError::new(source, ErrorKind::BadBom { encoding, detail })
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

/// The high bit of each byte of `x` that is 0xCC or more (and of no other):
/// a byte from 0x80 whose low seven bits are 0x4C or more, their sum with
/// 0x34 reaching 0x80 (at most 0xB3: no carry into the next byte).
fn any_from_cc(x: u64) -> u64 {
    const LOW: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    ((x & LOW) + 0x3434_3434_3434_3434) & x & HIGH
}

/// Whether every character is one that is NFC and combines with nothing:
/// below U+0300 (Latin with French accents, NBSP), or general punctuation and
/// currency signs from U+2002 to U+20BF (’ “ ” – — … €). A byte scan, much
/// cheaper than the Unicode tables for the text of nearly every news article.
fn surely_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Skip 32 bytes at a time while none starts a character from U+0300
        // up (four words, each tested by [`any_from_cc`]), then 16 (the
        // maximum of the block, a vector instruction).
        while let Some(block) = bytes[i..].first_chunk::<32>() {
            let word = |k: usize| {
                let mut eight = [0u8; 8];
                eight.copy_from_slice(&block[8 * k..8 * k + 8]);
                u64::from_le_bytes(eight)
            };
            let marks = any_from_cc(word(0))
                | any_from_cc(word(1))
                | any_from_cc(word(2))
                | any_from_cc(word(3));
            if marks != 0 {
                // Up to the first byte from 0xCC (each byte's mark is its
                // own): the bytes before it are not tried one at a time.
                let k = (0..4).find(|&k| any_from_cc(word(k)) != 0).unwrap_or(0);
                i += 8 * k + (any_from_cc(word(k)).trailing_zeros() / 8) as usize;
                break;
            }
            i += 32;
        }
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

pub(crate) fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
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
        /// The word test marks exactly the bytes from 0xCC.
        #[test]
        fn bytes_from_cc_are_told_by_word(word in proptest::prelude::any::<u64>()) {
            let bytes = word.to_le_bytes();
            let marked = any_from_cc(word).to_le_bytes();
            for (b, m) in bytes.iter().zip(marked) {
                proptest::prop_assert_eq!(m == 0x80, *b >= 0xCC, "{:#x}", b);
                proptest::prop_assert!(m == 0 || m == 0x80);
            }
        }
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

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        let mut out = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            let b = if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            };
            out.extend(b);
        }
        out
    }

    #[test]
    fn a_bom_decides_the_encoding() {
        // CJK text: not one byte of it is 0, so only the BOM tells it is UTF-16.
        let text = "北京市今日天气晴朗。";
        for be in [false, true] {
            let bytes = utf16(text, be);
            assert!(!bytes.contains(&0));
            assert_eq!(ok(&bytes), text, "big endian: {be}");
        }
        assert_eq!(ok(&utf16("Titre\r\nCorps", false)), "Titre\nCorps");
        // An odd number of bytes, a lone surrogate: refused, not guessed.
        let mut odd = utf16(text, false);
        odd.pop();
        let err = decode(&odd, "odd.txt", false).unwrap_err();
        assert!(matches!(
            err.kind,
            ErrorKind::BadBom {
                encoding: "UTF-16 LE",
                ..
            }
        ));
        assert!(
            err.to_string()
                .starts_with("odd.txt: starts with a UTF-16 LE byte order mark"),
            "{err}"
        );
        let err = decode(&[0xFE, 0xFF, 0xD8, 0x00, 0x00, 0x41], "s.txt", false).unwrap_err();
        assert!(
            matches!(
                err.kind,
                ErrorKind::BadBom {
                    encoding: "UTF-16 BE",
                    ..
                }
            ),
            "{err}"
        );
        // A UTF-8 BOM before bytes that are not UTF-8 is not read as Windows-1252.
        let err = decode(b"\xEF\xBB\xBFCaf\xe9", "b.txt", false).unwrap_err();
        assert!(err.to_string().contains("UTF-8 byte order mark"), "{err}");
        assert!(err.to_string().contains("offset 6"), "{err}");
        let be = utf16(text, true);
        let (raw, _) = decode_raw(&be, "r.txt", false).unwrap();
        assert_eq!(raw, text);
    }

    #[test]
    fn binary() {
        let err = decode(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "img.txt", false).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Binary { offset: 8 }));
        // UTF-16 without a byte order mark is refused too rather than imported as garbage.
        let err = decode(b"a\0b\0", "u16.txt", false).unwrap_err();
        assert!(matches!(err.kind, ErrorKind::Binary { .. }));
        assert_eq!(ok(b"\xFF\xFEa\0b\0"), "ab", "with one it is read");
    }

    #[test]
    fn a_utf16_bom_before_utf8_is_refused() {
        for bom in [&b"\xFF\xFE"[..], b"\xFE\xFF"] {
            let mut bytes = bom.to_vec();
            bytes.extend("Bonjour à tous, ceci est de l'UTF-8.\n".as_bytes());
            let err = decode(&bytes, "bb.txt", false).unwrap_err();
            assert!(
                matches!(err.kind, ErrorKind::Utf16BomOnUtf8 { .. }),
                "{err}"
            );
            assert!(
                err.to_string().contains("remove the first 2 bytes"),
                "{err}"
            );
        }
    }
}
