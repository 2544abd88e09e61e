//! Property tests of re-anchoring: random texts, random spans, random edits.
//!
//! Whatever the edits, every span that is kept slices the new text exactly
//! (Python's `new[start:end] == span.text`), keeps its label, and every span
//! that is not kept is reported with a reason; nothing is dropped or moved
//! silently. Spans far from every edit are kept, at their shifted offsets.
#![allow(clippy::unwrap_used)]

use annot_model::offsets::slice_chars;
use annot_model::reanchor::reanchor;
use annot_model::record::Span;
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "Boukamal",
    "l'armée",
    "Zürich",
    "😀",
    "❤\u{fe0f}",
    "Hezbollah",
    "à",
    "Deir",
    "ez-Zor",
    "OSDH",
    "Kfar",
    "Selwan",
    "é",
    "«",
    "»",
    "Londres",
    "naïve",
    "the",
    "Ledger",
    "—",
];

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, usize, String),
}

fn text_strategy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 4..40).prop_map(|w| w.join(" "))
}

fn edit_strategy() -> impl Strategy<Value = Edit> {
    let piece = prop::collection::vec(prop::sample::select(WORDS), 1..4).prop_map(|w| w.join(" "));
    prop_oneof![
        (any::<usize>(), piece.clone()).prop_map(|(at, s)| Edit::Insert(at, s)),
        (any::<usize>(), 1usize..12).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), 1usize..8, piece).prop_map(|(at, n, s)| Edit::Replace(at, n, s)),
    ]
}

/// Applies `edit` to the code points of `text`; returns the new text and the
/// changed code point range of the old text (empty for an insertion).
fn apply(text: &str, edit: &Edit) -> (String, usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    let (at, del, ins) = match edit {
        Edit::Insert(at, s) => (at % (n + 1), 0, s.as_str()),
        Edit::Delete(at, d) => {
            let at = at % (n + 1);
            (at, (*d).min(n - at), "")
        }
        Edit::Replace(at, d, s) => {
            let at = at % (n + 1);
            (at, (*d).min(n - at), s.as_str())
        }
    };
    let mut out: String = chars[..at].iter().collect();
    out.push_str(ins);
    out.extend(&chars[at + del..]);
    (out, at, at + del)
}

fn spans_of(text: &str, picks: &[(usize, usize)]) -> Vec<Span> {
    let n = text.chars().count();
    let mut out = Vec::new();
    for &(a, len) in picks {
        if n == 0 {
            break;
        }
        let start = a % n;
        let end = (start + 1 + len % 6).min(n);
        out.push(Span::from_chars(text, start, end, "X").unwrap());
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn kept_spans_slice_the_new_text_and_the_rest_is_reported(
        old in text_strategy(),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 1..8),
        edits in prop::collection::vec(edit_strategy(), 1..4),
    ) {
        let spans = spans_of(&old, &picks);
        let mut new = old.clone();
        for e in &edits {
            new = apply(&new, e).0;
        }
        let r = reanchor(&old, &new, &spans);
        prop_assert_eq!(r.kept.len() + r.lost.len(), spans.len());
        for s in &r.kept {
            prop_assert_eq!(slice_chars(&new, s.start, s.end), Some(s.text.as_str()));
            prop_assert_eq!(s.label.as_str(), "X");
        }
        for (s, why) in &r.lost {
            prop_assert!(!why.is_empty());
            prop_assert!(spans.contains(s), "a lost span is reported as it was");
        }
    }

    #[test]
    fn spans_away_from_one_edit_are_kept_and_shifted(
        old in text_strategy(),
        picks in prop::collection::vec((any::<usize>(), any::<usize>()), 1..8),
        edit in edit_strategy(),
    ) {
        let spans = spans_of(&old, &picks);
        let (new, from, to) = apply(&old, &edit);
        let old_len = old.chars().count() as isize;
        let shift = new.chars().count() as isize - old_len;
        let r = reanchor(&old, &new, &spans);
        for s in &spans {
            // Strictly before the edit (a margin of one word either side, since the
            // minimal diff may align equal characters across its edges).
            if s.end + 12 < from {
                prop_assert!(r.kept.iter().any(|k| k == s), "{:?} before the edit moved", s);
            }
            if s.start > to + 12 {
                let moved = Span {
                    start: (s.start as isize + shift) as usize,
                    end: (s.end as isize + shift) as usize,
                    ..s.clone()
                };
                prop_assert!(r.kept.contains(&moved), "{:?} after the edit is not at {:?}", s, moved);
            }
        }
    }
}
