//! Re-anchoring spans when a document's text changes.
//!
//! A record's `hash` names the text it was made on. When the corpus text
//! differs, spans are carried over through a character diff: a span moves only
//! when every character of it lies in an unchanged stretch and the new text at
//! the new offsets is exactly the old span text. Anything else is reported as
//! lost, never silently moved. Commands do not call this directly: they read
//! records through [`crate::annotations`], which re-anchors every record the
//! same way.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::record::Span;

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
    // Map of old code point -> new code point, for characters the diff keeps.
    let mut map: Vec<Option<usize>> = vec![None; a.len() + 1];
    let ops = capture_diff_slices(Algorithm::Myers, &a, &b);
    for op in &ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                map[old_index + k] = Some(new_index + k);
            }
        }
    }
    let mut out = Reanchored::default();
    for span in spans {
        match map_span(&map, &b, span) {
            Ok(s) => out.kept.push(s),
            Err(reason) => out.lost.push((span.clone(), reason)),
        }
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
    let start = map[span.start].ok_or("its first character was edited")?;
    let last = map[span.end - 1].ok_or("its last character was edited")?;
    if last + 1 - start != span.end - span.start {
        return Err("text inside it was edited".into());
    }
    if (span.start..span.end).any(|i| map[i].is_none()) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn span(text: &str, needle: &str, label: &str) -> Span {
        let b = text.find(needle).unwrap();
        let s = text[..b].chars().count();
        Span::from_chars(text, s, s + needle.chars().count(), label).unwrap()
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
        for s in &r.kept {
            assert_eq!(
                crate::offsets::slice_chars(new, s.start, s.end),
                Some(s.text.as_str())
            );
        }
        assert_eq!(r.lost.len(), 1);
        assert_eq!(r.lost[0].0.text, "L'armée");
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
