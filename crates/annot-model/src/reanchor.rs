//! Re-anchoring spans when a document's text changes.
//!
//! A record's `hash` names the text it was made on. When the corpus text
//! differs, spans are carried over in two steps:
//!
//! 1. through a diff of words, then of the characters inside the words that
//!    changed: a span moves when every character of it lies in an unchanged
//!    stretch and the new text at the new offsets is exactly the old span text;
//! 2. a span the diff cannot follow (its paragraph moved, or text around it
//!    was rewritten) is looked for again: it is carried when its text occurs
//!    exactly once in the new text with the same few characters on either side.
//!
//! Either way a span is carried only if it still starts and ends where it did
//! against the words around it: "Tripoli" is not carried into "Tripolis".
//! Anything else is reported as lost, with the reason, never silently moved.
//! Commands do not call this directly: they read records through
//! [`crate::annotations`], which re-anchors every record the same way.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::record::Span;

/// Characters compared on each side of a span when looking for it again (fewer at a line break).
const CONTEXT: usize = 12;

/// Spans that survived a text change, and those that did not.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reanchored {
    /// Spans with offsets into the new text.
    pub kept: Vec<Span>,
    /// Spans whose text was edited or removed, with the reason.
    pub lost: Vec<(Span, String)>,
}

/// Maps `spans` made on `old` onto `new`.
#[must_use]
pub fn reanchor(old: &str, new: &str, spans: &[Span]) -> Reanchored {
    let a: Vec<char> = old.chars().collect();
    let b: Vec<char> = new.chars().collect();
    let map = char_map(&a, &b);
    let mut out = Reanchored::default();
    for span in spans {
        let carried = map_span(&map, &b, span)
            .and_then(|s| same_word_edges(&a, &b, span, s))
            .or_else(|why| find_again(&a, &b, span).ok_or(why));
        match carried {
            Ok(s) => out.kept.push(s),
            Err(reason) => out.lost.push((span.clone(), reason)),
        }
    }
    out
}

/// Old code point -> new code point, for the characters a diff keeps (one
/// entry more than `old` has, always `None`).
///
/// The diff is of words first (runs of letters and digits; any other
/// character stands alone), then of the characters inside each stretch of
/// words that changed. A diff of characters alone lines up letters across
/// words when that is as short: "Alice" after an inserted "BREAKING: " had its
/// `A` taken for the one in "BREAKING", and a span with its text unchanged
/// was lost as edited.
fn char_map(a: &[char], b: &[char]) -> Vec<Option<usize>> {
    let mut map: Vec<Option<usize>> = vec![None; a.len() + 1];
    // `len` characters kept from old offset `from` to new offset `to`.
    let mut keep = |from: usize, to: usize, len: usize| {
        for k in 0..len {
            map[from + k] = Some(to + k);
        }
    };
    let (wa, wb) = (words(a), words(b));
    let ka: Vec<&[char]> = wa.iter().map(|r| &a[r.clone()]).collect();
    let kb: Vec<&[char]> = wb.iter().map(|r| &b[r.clone()]).collect();
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                let from = wa[old_index].start;
                keep(
                    from,
                    wb[new_index].start,
                    wa[old_index + len - 1].end - from,
                );
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let old = wa[old_index].start..wa[old_index + old_len - 1].end;
                let new = wb[new_index].start..wb[new_index + new_len - 1].end;
                for op in capture_diff_slices(Algorithm::Myers, &a[old.clone()], &b[new.clone()]) {
                    if let DiffOp::Equal {
                        old_index,
                        new_index,
                        len,
                    } = op
                    {
                        keep(old.start + old_index, new.start + new_index, len);
                    }
                }
            }
            DiffOp::Insert { .. } | DiffOp::Delete { .. } => {}
        }
    }
    map
}

/// The words of `text` for the diff: each run of letters and digits, and each
/// other character by itself, as code point ranges covering the whole text.
fn words(text: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let start = i;
        i += 1;
        if text[start].is_alphanumeric() {
            while i < text.len() && text[i].is_alphanumeric() {
                i += 1;
            }
        }
        out.push(start..i);
    }
    out
}

fn map_span(map: &[Option<usize>], new: &[char], span: &Span) -> Result<Span, String> {
    if span.start >= span.end || span.end > map.len().saturating_sub(1) {
        return Err(format!(
            "[{}, {}) was outside the old text",
            span.start, span.end
        ));
    }
    let start = map[span.start]
        .ok_or("its first character was deleted or changed, and its text is not found again")?;
    let last = map[span.end - 1]
        .ok_or("its last character was deleted or changed, and its text is not found again")?;
    if last + 1 - start != span.end - span.start || (span.start..span.end).any(|i| map[i].is_none())
    {
        return Err("text inside it was edited".into());
    }
    let text: String = new[start..=last].iter().collect();
    if text != span.text {
        return Err(format!("the new text there is {text:?}"));
    }
    Ok(Span {
        start,
        end: last + 1,
        ..span.clone()
    })
}

/// `moved` if it sits against the words around it as `span` did in the old
/// text: a span that began or ended at a word edge must still do so.
fn same_word_edges(old: &[char], new: &[char], span: &Span, moved: Span) -> Result<Span, String> {
    if is_edge(old, span.start) && !is_edge(new, moved.start) {
        return Err(format!(
            "the text before it changed: it now starts inside the word {:?}",
            word_at(new, moved.start)
        ));
    }
    if is_edge(old, span.end) && !is_edge(new, moved.end) {
        return Err(format!(
            "the text after it changed: it now ends inside the word {:?}",
            word_at(new, moved.end.saturating_sub(1))
        ));
    }
    Ok(moved)
}

/// Whether code point offset `i` of `text` is not between two letters or digits.
fn is_edge(text: &[char], i: usize) -> bool {
    let word = |c: &char| c.is_alphanumeric();
    !(i > 0 && text.get(i - 1).is_some_and(word) && text.get(i).is_some_and(word))
}

/// The run of letters and digits around code point `i`.
fn word_at(text: &[char], i: usize) -> String {
    let word = |c: &char| c.is_alphanumeric();
    let mut a = i.min(text.len());
    while a > 0 && text.get(a - 1).is_some_and(word) {
        a -= 1;
    }
    let mut b = i.min(text.len());
    while text.get(b).is_some_and(word) {
        b += 1;
    }
    text[a..b].iter().collect()
}

/// The one place of the new text where `span`'s text stands between the same
/// characters as it did in the old text, if there is exactly one.
fn find_again(old: &[char], new: &[char], span: &Span) -> Option<Span> {
    let text: Vec<char> = span.text.chars().collect();
    if text.is_empty() || span.end > old.len() || old[span.start..span.end] != text[..] {
        return None;
    }
    // The context stops at a line break: a moved paragraph takes its own
    // words along, not its neighbours'.
    let mut from = span.start.saturating_sub(CONTEXT);
    if let Some(nl) = old[from..span.start].iter().rposition(|&c| c == '\n') {
        from += nl + 1;
    }
    let mut to = (span.end + CONTEXT).min(old.len());
    if let Some(nl) = old[span.end..to].iter().position(|&c| c == '\n') {
        to = span.end + nl;
    }
    let (left, right) = (&old[from..span.start], &old[span.end..to]);
    let mut found = None;
    for start in 0..new.len().saturating_sub(text.len() - 1) {
        let end = start + text.len();
        if new[start..end] != text[..]
            || !new[..start].ends_with(left)
            || !new[end..].starts_with(right)
        {
            continue;
        }
        if found.is_some() {
            return None;
        }
        found = Some(Span {
            start,
            end,
            ..span.clone()
        });
    }
    found.filter(|s| same_word_edges(old, new, span, s.clone()).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, needle: &str, label: &str) -> Span {
        let b = text.find(needle).unwrap();
        let s = text[..b].chars().count();
        Span::from_chars(text, s, s + needle.chars().count(), label).unwrap()
    }

    /// Every kept span's offsets give its text in the new text.
    fn each_kept_span_reads_its_text(new: &str, r: &Reanchored) {
        for s in &r.kept {
            assert_eq!(
                crate::offsets::slice_chars(new, s.start, s.end),
                Some(s.text.as_str())
            );
        }
    }

    #[test]
    fn an_unchanged_name_is_carried_past_a_prefix_and_an_edit_after_it() {
        // A character diff took the `A` of "Alice" for the one in "BREAKING"
        // and reported the unchanged name as edited (hostile tester, stop 9).
        let old = "Alice Martin met Bob Stone in Paris on Monday.";
        let new = "BREAKING: Alice Martin met Robert Stone in Paris on Monday.";
        let spans = vec![
            span(old, "Alice Martin", "PER"),
            span(old, "Bob Stone", "PER"),
            span(old, "Stone", "PER"),
            span(old, "Paris", "LOC"),
        ];
        let r = reanchor(old, new, &spans);
        let kept: Vec<_> = r.kept.iter().map(|s| (s.text.as_str(), s.start)).collect();
        assert_eq!(kept, [("Alice Martin", 10), ("Stone", 34), ("Paris", 43)]);
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].0.text, "Bob Stone");
        each_kept_span_reads_its_text(new, &r);
    }

    #[test]
    fn a_word_edited_inside_keeps_the_characters_around_the_edit() {
        // Inside a word that changed, characters are still diffed: a span on
        // the unchanged part of a longer token moves with it.
        let old = "Le 12-mars, Boukamal et Mayadine.";
        let new = "Le 13-mars, Boukamal et Mayadine.";
        let spans = vec![span(old, "mars", "MISC"), span(old, "Mayadine", "LOC")];
        let r = reanchor(old, new, &spans);
        assert_eq!(r.kept.len(), 2, "{:?}", r.lost);
    }

    #[test]
    fn moves_unchanged_spans_and_reports_edited_ones() {
        let old = "L'armée syrienne a repris Boukamal, dit l'OSDH.";
        let new = "Selon l'AFP, l'armée syrienne a repris Boukamal, dit l'OSDH (ONG).";
        let spans = vec![
            span(old, "Boukamal", "LOC"),
            span(old, "L'armée", "ORG"),
            span(old, "OSDH", "ORG"),
        ];
        let r = reanchor(old, new, &spans);
        let kept: Vec<_> = r
            .kept
            .iter()
            .map(|s| (s.text.as_str(), s.label.as_str()))
            .collect();
        assert_eq!(kept, [("Boukamal", "LOC"), ("OSDH", "ORG")]);
        each_kept_span_reads_its_text(new, &r);
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].0.text, "L'armée");
    }

    #[test]
    fn a_moved_paragraph_carries_its_spans() {
        let old = "Il pleut à Paris ce matin.\n\nIl neige à Lyon ce soir.";
        let new = "Il neige à Lyon ce soir.\n\nIl pleut à Paris ce matin.";
        let spans = vec![span(old, "Paris", "LOC"), span(old, "Lyon", "LOC")];
        let r = reanchor(old, new, &spans);
        assert!(r.lost.is_empty(), "{:?}", r.lost);
        each_kept_span_reads_its_text(new, &r);
    }

    #[test]
    fn a_span_is_not_carried_into_a_longer_word() {
        let old = "Visite à Tripoli et Beyrouth.";
        let new = "Visite à Tripolis et Beyrouth.";
        let r = reanchor(old, new, &[span(old, "Tripoli", "LOC")]);
        assert!(r.kept.is_empty(), "{:?}", r.kept);
        assert!(r.lost[0].1.contains("Tripolis"), "{:?}", r.lost);
        // A span that was inside a word in the first place may stay inside one.
        let old = "Les ORESX sont là.";
        let new = "Oui, les ORESX sont là.";
        let r = reanchor(old, new, &[span(old, "ORES", "ORG")]);
        assert_eq!(r.kept.len(), 1);
    }

    #[test]
    fn text_found_twice_with_the_same_context_is_not_guessed() {
        let old = "A. Paris et Lyon.\n\nB.";
        let new = "B.\n\nParis et Lyon. Paris et Lyon.";
        let r = reanchor(old, new, &[span(old, "Lyon", "LOC")]);
        assert_eq!(r.kept.len() + r.lost.len(), 1);
        for s in &r.kept {
            assert_eq!(
                crate::offsets::slice_chars(new, s.start, s.end),
                Some("Lyon")
            );
        }
    }

    #[test]
    fn identical_text_keeps_everything() {
        let t = "Zoë à Zürich 😀 et Paris";
        let spans = vec![span(t, "Zürich", "LOC"), span(t, "Paris", "LOC")];
        let r = reanchor(t, t, &spans);
        assert_eq!(r.kept, spans);
        assert!(r.lost.is_empty());
    }
}
