//! Folding a line for matching: lower case, accents dropped, `'` for `’`,
//! white space runs as one space.

/// At most `max` bytes of `text`, cut at a character boundary.
pub(crate) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Lower-cased, French accents folded, spaces collapsed, `’` as `'`, and
/// without the punctuation that sites put around navigation (`› À la une :`).
pub(crate) fn fold(line: &str) -> String {
    let mut out = Vec::with_capacity(line.len());
    fold_into(&mut out, line);
    // fold_into writes whole characters only.
    String::from_utf8(out).unwrap_or_default()
}

/// ASCII bytes as [`fold`] writes them: lower case, and 0 for white space.
const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_whitespace() {
            0
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    t
};

/// Bytes that [`fold_into`] writes as they are: ASCII that is neither upper
/// case nor white space (nor NUL, which the table folds to 0 as well).
const SAME: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = ASCII_FOLD[b] != 0 && ASCII_FOLD[b] as usize == b;
        b += 1;
    }
    t
};

/// One character folded: French accents dropped, `’` as `'`, `œ` as `oe`,
/// anything else lower-cased.
pub(super) fn push_folded(out: &mut Vec<u8>, c: char) {
    let ascii = match c {
        'à' | 'â' | 'ä' | 'á' | 'À' | 'Â' | 'Ä' | 'Á' => b'a',
        'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => b'e',
        'î' | 'ï' | 'í' | 'Î' | 'Ï' | 'Í' => b'i',
        'ô' | 'ö' | 'ó' | 'Ô' | 'Ö' | 'Ó' => b'o',
        'ù' | 'û' | 'ü' | 'ú' | 'Ù' | 'Û' | 'Ü' | 'Ú' => b'u',
        'ç' | 'Ç' => b'c',
        '’' | 'ʼ' => b'\'',
        'œ' | 'Œ' => {
            out.extend_from_slice(b"oe");
            return;
        }
        _ => {
            let mut utf8 = [0u8; 4];
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut utf8).as_bytes());
            }
            return;
        }
    };
    out.push(ascii);
}

/// Punctuation that sites put around navigation (`› À la une :`), trimmed off folded lines.
pub(super) fn is_edge(c: char) -> bool {
    matches!(
        c,
        ':' | '›'
            | '»'
            | '«'
            | '>'
            | '<'
            | '|'
            | '-'
            | '–'
            | '—'
            | '•'
            | '·'
            | '.'
            | '…'
            | '*'
            | '#'
    ) || c.is_whitespace()
}

/// [`fold`] into `out` as UTF-8 bytes, replacing what it held: one pass, a
/// table lookup per ASCII byte (this runs on every line of every document),
/// and runs of bytes that fold to themselves (lower-case words and the
/// single spaces between them) copied at once.
///
/// An eight-bytes-at-a-time path for plain ASCII words was measured and
/// removed: on an import of 20,000 generated articles (112 MB, 2 cores) it
/// saved under 1% of the import's CPU time (0.685 s user against 0.69 s,
/// median of 6 runs each) and about 5% of its wall time under load, within
/// the noise. The run copy pushes no byte at a time: on 1,000 generated
/// pages (callgrind) it takes the fold from about 95 M instructions to
/// about 68 M.
pub(super) fn fold_into(out: &mut Vec<u8>, line: &str) {
    out.clear();
    let mut space = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            i += 1;
            match ASCII_FOLD[usize::from(b)] {
                0 => space = !out.is_empty(),
                folded => {
                    if space {
                        out.push(b' ');
                        space = false;
                    }
                    if folded != b {
                        out.push(folded);
                        continue;
                    }
                    // A run of bytes that fold to themselves, copied at once,
                    // with the single spaces between them: a space there is
                    // the one space the fold writes before the next byte.
                    let start = i - 1;
                    while i < bytes.len() {
                        let next = bytes[i];
                        if SAME[usize::from(next)]
                            || (next == b' '
                                && bytes.get(i + 1).is_some_and(|&n| SAME[usize::from(n)]))
                        {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    out.extend_from_slice(&bytes[start..i]);
                }
            }
            continue;
        }
        let Some(c) = line[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        push_folded(out, c);
    }
    let Ok(text) = simdutf8::basic::from_utf8(out) else {
        out.clear();
        return;
    };
    let end = text.trim_end_matches(is_edge).len();
    let start = end - text[..end].trim_start_matches(is_edge).len();
    out.truncate(end);
    out.drain(..start);
}
