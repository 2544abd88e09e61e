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

/// Bytes that [`fold_into_reference`] writes as they are: ASCII that is
/// neither upper case nor white space (nor NUL, which the table folds to 0
/// as well).
#[cfg(test)]
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
    out.reserve(line.len());
    let mut space = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Plain ASCII eight bytes at a time, lower-cased at once: as many
        // of the next eight as the byte loop would write as they are (but
        // for the case); see [`plain_prefix`].
        // (Not tried at a byte it cannot count: most often the first byte
        // of an accented letter.)
        let b = bytes[i];
        if !space
            && (0x20..0x7F).contains(&b)
            && let Some(chunk) = bytes.get(i..i + 8)
        {
            let mut eight = [0u8; 8];
            eight.copy_from_slice(chunk);
            let (lower, n) = plain_prefix(u64::from_le_bytes(eight), out.is_empty());
            if n > 0 {
                out.extend_from_slice(&lower.to_le_bytes());
                out.truncate(out.len() - (8 - n));
                i += n;
                continue;
            }
        }
        if b.is_ascii() {
            i += 1;
            match ASCII_FOLD[usize::from(b)] {
                0 => space = !out.is_empty(),
                folded => {
                    if space {
                        out.push(b' ');
                        space = false;
                    }
                    out.push(folded);
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
    trim_edges(out);
}

/// Eight bytes of a line (little-endian, the first in the low byte), read
/// when no space is pending: the eight lower-cased, and how many of the
/// first of them the byte loop of [`fold_into`] writes one for one. Those
/// are printable ASCII (0x20 to 0x7E: no control byte, NUL or DEL, no
/// other white space, nothing above ASCII), where a space is written only
/// with a printable byte other than a space right after it inside the
/// eight (not two spaces in a row, not one last or before what is not
/// counted, which the byte loop may fold into one), and not first when
/// nothing is written yet (leading spaces are dropped). Each test holds
/// for bytes below 0x80 (no sum below carries from one byte into the
/// next); a byte above is not counted, nor any after it.
fn plain_prefix(x: u64, start: bool) -> (u64, usize) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    const LAST: u64 = 0x80 << 56;
    let ascii = x & HIGH;
    let low = x & !HIGH;
    // The high bit of each byte: set when the byte is at least 0x20, 0x41,
    // 0x5B, or is 0x7F (computed on the low seven bits: exact for ASCII).
    let printable = (low + ONES * (0x80 - 0x20)) & HIGH;
    let from_a = (low + ONES * (0x80 - 0x41)) & HIGH;
    let past_z = (low + ONES * (0x80 - 0x5B)) & HIGH;
    let del = (low + ONES) & HIGH;
    let upper = from_a & !past_z;
    // Spaces: the bytes of `x ^ 0x20…` that are zero.
    let spaces = !((low ^ (ONES * 0x20)) + ONES * 0x7F) & HIGH;
    let mut bad = ascii | (!printable & HIGH) | del | (spaces & (spaces >> 8)) | (spaces & LAST);
    if start {
        bad |= spaces & 0x80;
    }
    let mut n = (bad.trailing_zeros() / 8) as usize;
    // A space before the first byte not counted is left to the byte loop.
    if n > 0 && n < 8 && (x >> (8 * (n - 1))) & 0xFF == 0x20 {
        n -= 1;
    }
    (x | (upper >> 2), n)
}

/// Drops the [`is_edge`] characters at both ends of the folded bytes in
/// `out` (whole UTF-8 characters, as [`fold_into`] writes them): the
/// characters at the ends are decoded where they are, the rest of the line
/// is not read.
fn trim_edges(out: &mut Vec<u8>) {
    let mut end = out.len();
    while end > 0 {
        let Some((c, len)) = last_char(&out[..end]) else {
            break;
        };
        if !is_edge(c) {
            break;
        }
        end -= len;
    }
    let mut start = 0;
    while start < end {
        let Some((c, len)) = first_char(&out[start..end]) else {
            break;
        };
        if !is_edge(c) {
            break;
        }
        start += len;
    }
    out.truncate(end);
    out.drain(..start);
}

/// The last character of UTF-8 bytes and its length.
fn last_char(bytes: &[u8]) -> Option<(char, usize)> {
    let len = bytes.len();
    let last = *bytes.last()?;
    if last < 0x80 {
        return Some((char::from(last), 1));
    }
    let from = (len.saturating_sub(4)..len)
        .rev()
        .find(|&k| bytes[k] & 0xC0 != 0x80)?;
    Some((decode(&bytes[from..])?, len - from))
}

/// The first character of UTF-8 bytes and its length.
fn first_char(bytes: &[u8]) -> Option<(char, usize)> {
    let first = *bytes.first()?;
    let len = match first {
        0..0x80 => return Some((char::from(first), 1)),
        _ if first >> 5 == 0b110 => 2,
        _ if first >> 4 == 0b1110 => 3,
        _ => 4,
    };
    Some((decode(bytes.get(..len)?)?, len))
}

/// The one character that the bytes of a multi-byte UTF-8 sequence encode
/// (the fold wrote it from a `char`: the sequence is well formed).
fn decode(seq: &[u8]) -> Option<char> {
    let (&lead, rest) = seq.split_first()?;
    let bits = u32::from(lead) & (0x7F >> seq.len());
    let code = rest
        .iter()
        .fold(bits, |code, &b| (code << 6) | u32::from(b & 0x3F));
    char::from_u32(code)
}

/// The fold as it was written before [`plain_eight`] and [`trim_edges`]:
/// the reference the tests compare [`fold_into`] with.
#[cfg(test)]
pub(super) fn fold_into_reference(out: &mut Vec<u8>, line: &str) {
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
