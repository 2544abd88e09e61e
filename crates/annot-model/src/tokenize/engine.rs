//! spaCy's tokenizer algorithm (`Tokenizer._split_affixes`, `_attach_tokens`
//! and `_apply_special_cases` in `spacy/tokenizer.pyx`) on one chunk of
//! non-whitespace text, followed by annot's own rule that a token never ends
//! inside a grapheme cluster.
//!
//! For a chunk, spaCy repeatedly cuts off a prefix and a suffix until none is
//! left, a special case is reached, or (French) the token matcher accepts the
//! rest; what remains is a special case, a whole token (token matcher, URL),
//! or is split at its infixes.

use unicode_segmentation::GraphemeCursor;

use super::Lang;
use super::affixes::{infixes, prefix_len, suffix_len};
use super::chars::is_plain_letter;
use super::matchers::{fr_token_match, may_fr_token_match, url_match};
use super::specials::{Special, Specials};

/// Buffers reused from chunk to chunk, so that tokenizing allocates only its output.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    prefixes: Vec<(usize, usize)>,
    suffixes: Vec<(usize, usize)>,
    infixes: Vec<(usize, usize)>,
}

/// Appends the pieces of `chunk` (byte ranges relative to it) to `out`.
/// Without `specials`, gives what spaCy's affix rules alone give (used to
/// build the special-case patterns).
pub(crate) fn chunk_pieces(
    chunk: &str,
    lang: Lang,
    specials: Option<&Specials>,
    scratch: &mut Scratch,
    out: &mut Vec<(usize, usize)>,
) {
    let special = |s: &str| specials.and_then(|sp| sp.get(s));
    // Fast path for plain words: no affix, infix or matcher rule applies to
    // letters alone, only special cases (`cannot` -> `can` `not`).
    let plain = if chunk.is_ascii() {
        chunk.bytes().all(|b| b.is_ascii_alphabetic())
    } else {
        chunk.chars().all(is_plain_letter)
    };
    if plain {
        let may_split = specials.is_some_and(|sp| sp.letters_split);
        match special(chunk).filter(|_| may_split) {
            Some(sp) => push_special(out, 0, sp),
            None => out.push((0, chunk.len())),
        }
        return;
    }
    let may_match = lang == Lang::Fr && may_fr_token_match(chunk);
    let token_match = |s: &str| may_match && fr_token_match(s);
    let Scratch {
        prefixes,
        suffixes,
        infixes: found,
    } = scratch;
    prefixes.clear();
    suffixes.clear();

    // `_split_affixes`
    let (mut s, mut e) = (0, chunk.len());
    let mut last_len = usize::MAX;
    while s < e && e - s != last_len {
        let string = &chunk[s..e];
        if token_match(string) || special(string).is_some() {
            break;
        }
        last_len = e - s;
        let pre = prefix_len(string, lang);
        if pre != 0 && s + pre < e && special(&chunk[s + pre..e]).is_some() {
            prefixes.push((s, s + pre));
            s += pre;
            break;
        }
        let suf = suffix_len(&chunk[s + pre..e], lang);
        if suf != 0 && e - suf > s && special(&chunk[s..e - suf]).is_some() {
            suffixes.push((e - suf, e));
            e -= suf;
            break;
        }
        if pre != 0 {
            prefixes.push((s, s + pre));
            s += pre;
        }
        if suf != 0 {
            suffixes.push((e - suf, e));
            e -= suf;
        }
    }

    // `_attach_tokens`
    out.extend_from_slice(prefixes);
    if s < e {
        let string = &chunk[s..e];
        if let Some(sp) = special(string) {
            push_special(out, s, sp);
        } else if token_match(string) || url_match(string) {
            out.push((s, e));
        } else {
            infixes(string, lang, found);
            let mut at = 0;
            for &(a, b) in found.iter() {
                // spaCy ignores an infix at the very start.
                if a == 0 {
                    continue;
                }
                if a != at {
                    out.push((s + at, s + a));
                }
                if a != b {
                    out.push((s + a, s + b));
                }
                at = b;
            }
            if at < string.len() {
                out.push((s + at, e));
            }
        }
    }
    out.extend(suffixes.iter().rev());
}

fn push_special(out: &mut Vec<(usize, usize)>, mut at: usize, sp: &Special) {
    for &len in &sp.pieces {
        out.push((at, at + usize::from(len)));
        at += usize::from(len);
    }
}

/// `_apply_special_cases`: after tokenization, spaCy looks for runs of tokens
/// that the affix rules cut out of a special case and puts the special case
/// back (`Dr.Smith` -> `Dr` `.` `Smith` -> `Dr.` `Smith`). Its matcher sees
/// tokens, not text, so a run may also span one plain space (`Dr .`); such a
/// run changes nothing, but it takes its tokens away from other runs, as in
/// spaCy (longest runs first, then leftmost; a run whose first or last token
/// was seen by an earlier run is dropped).
pub(crate) fn apply_special_patterns(
    text: &str,
    specials: &Specials,
    toks: &mut Vec<(usize, usize)>,
    key: &mut String,
) {
    let n = toks.len();
    let mut hits: Vec<(usize, usize, &Special, bool)> = Vec::new();
    let bytes = text.as_bytes();
    for i in 0..n {
        let (a, b) = toks[i];
        // Most tokens start no pattern: answered from the bytes, no `str` made.
        if !specials.may_start_pattern(&bytes[a..b]) {
            continue;
        }
        let Some(max_w) = specials.pattern_width(&text[a..b]) else {
            continue;
        };
        for w in 2..=max_w.min(n - i) {
            let window = &toks[i..i + w];
            let gaps = window.windows(2).map(|p| &text[p[0].1..p[1].0]);
            if !gaps.clone().all(|g| g.is_empty() || g == " ") {
                break;
            }
            let glued = gaps.clone().all(str::is_empty);
            let k = if glued {
                &text[window[0].0..window[w - 1].1]
            } else {
                key.clear();
                window.iter().for_each(|&(a, b)| key.push_str(&text[a..b]));
                key.as_str()
            };
            let Some(sp) = specials.get(k) else { continue };
            let same = sp.pattern.as_deref().is_some_and(|p| {
                p.len() == w
                    && p.iter()
                        .zip(window)
                        .all(|(&l, &(a, b))| usize::from(l) == b - a)
            });
            if same {
                hits.push((i, w, sp, glued));
            }
        }
    }
    if hits.is_empty() {
        return;
    }
    hits.sort_by_key(|&(i, w, _, _)| (std::cmp::Reverse(w), i));
    let mut seen = vec![false; n];
    let mut kept = Vec::new();
    for (i, w, sp, glued) in hits {
        if !seen[i] && !seen[i + w - 1] && glued {
            kept.push((i, w, sp));
        }
        seen[i..i + w].fill(true);
    }
    kept.sort_unstable_by_key(|h| h.0);
    let old = std::mem::take(toks);
    let mut i = 0;
    let mut next = kept.iter().peekable();
    while i < old.len() {
        match next.next_if(|h| h.0 == i) {
            Some(&(_, w, sp)) => {
                push_special(toks, old[i].0, sp);
                i += w;
            }
            None => {
                toks.push(old[i]);
                i += 1;
            }
        }
    }
}

/// Joins adjacent tokens that spaCy would cut inside a grapheme cluster
/// (`👍🏽`, `❤️`, flags, ZWJ sequences, a base letter and its combining accent).
pub(crate) fn merge_inside_graphemes(text: &str, toks: &mut Vec<(usize, usize)>) {
    // Between two ASCII characters (never CR LF here: that is whitespace)
    // there is always a grapheme boundary; only look where one side is not.
    let bytes = text.as_bytes();
    let suspicious = |prev_end: usize, a: usize| {
        prev_end == a && (!bytes[a].is_ascii() || !bytes[a - 1].is_ascii())
    };
    if !toks.windows(2).any(|p| suspicious(p[0].1, p[1].0)) {
        return;
    }
    let mut w = 0;
    for r in 1..toks.len() {
        let (a, b) = toks[r];
        let inside = suspicious(toks[w].1, a)
            && !GraphemeCursor::new(a, text.len(), true)
                .is_boundary(text, 0)
                .unwrap_or(true);
        if inside {
            toks[w].1 = b;
        } else {
            w += 1;
            toks[w] = (a, b);
        }
    }
    toks.truncate(w + 1);
}
