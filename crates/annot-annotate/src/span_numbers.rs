//! The numbers spans carry on screen (`d 3`, `3 PER`), kept still while the
//! annotator works.
//!
//! Spans are kept in text order, and numbering them by that order would shift
//! every later number whenever a span is added before them: the `3` the
//! annotator just read would name another span. So numbers are given in text
//! order only on a full redraw (opening a document, `l`, `b`); between
//! redraws a new span takes the next free number, a deleted span leaves its
//! number unused, and a relabelled or resized span keeps its own.

use annot_model::record::Span;

use crate::state::Annotation;

/// What identifies a span between edits.
type Key = (usize, usize, String);

fn key(s: &Span) -> Key {
    (s.start, s.end, s.label.clone())
}

/// Span numbers: in text order always ([`SpanNumbers::default`]), or fixed
/// at the last full redraw ([`SpanNumbers::renumber`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpanNumbers {
    /// The span of each number (number = place + 1), and whether it is
    /// there now: a deleted span keeps its number, for `u` to bring it back under.
    fixed: Option<Vec<(Key, bool)>>,
}

impl SpanNumbers {
    /// Numbers in the text order of `ann`'s spans, kept until the next renumbering.
    #[must_use]
    pub fn renumber(ann: &Annotation) -> Self {
        Self {
            fixed: Some(ann.spans.iter().map(|s| (key(s), true)).collect()),
        }
    }

    /// The number of span `index` of `ann`.
    #[must_use]
    pub fn number(&self, ann: &Annotation, index: usize) -> Option<usize> {
        let span = ann.spans.get(index)?;
        match &self.fixed {
            None => Some(index + 1),
            Some(slots) => {
                let k = key(span);
                slots
                    .iter()
                    .position(|(s, alive)| *alive && *s == k)
                    .map(|i| i + 1)
            }
        }
    }

    /// The index into `ann.spans` of the span numbered `number`.
    #[must_use]
    pub fn index(&self, ann: &Annotation, number: usize) -> Option<usize> {
        match &self.fixed {
            None => (1..=ann.spans.len()).contains(&number).then(|| number - 1),
            Some(slots) => {
                let (k, alive) = slots.get(number.checked_sub(1)?)?;
                if !alive {
                    return None;
                }
                ann.spans.iter().position(|s| key(s) == *k)
            }
        }
    }

    /// Whether the numbers in use run from 1 without a gap.
    #[must_use]
    pub fn contiguous(&self) -> bool {
        self.fixed
            .as_ref()
            .is_none_or(|slots| slots.iter().all(|(_, alive)| *alive))
    }

    /// `(number, index)` of every span of `ann`, by number.
    #[must_use]
    pub fn in_order(&self, ann: &Annotation) -> Vec<(usize, usize)> {
        let mut out: Vec<(usize, usize)> = (0..ann.spans.len())
            .filter_map(|i| self.number(ann, i).map(|n| (n, i)))
            .collect();
        out.sort_unstable();
        out
    }

    /// Follows an edit that left `after`. A span that comes back (undo of a
    /// delete, redo of a mark) gets its old number; a span over the same text
    /// under another label keeps its number (relabel), and so does the one
    /// span that moved when one vanished and one appeared (resize). Other
    /// vanished spans leave their number unused; new spans take the next ones.
    pub fn follow(&mut self, after: &Annotation) {
        let Some(slots) = &mut self.fixed else {
            return;
        };
        let present: Vec<Key> = after.spans.iter().map(key).collect();
        let mut vanished: Vec<usize> = (0..slots.len())
            .filter(|&i| slots[i].1 && !present.contains(&slots[i].0))
            .collect();
        let mut appeared: Vec<Key> = present
            .into_iter()
            .filter(|k| !slots.iter().any(|(s, alive)| *alive && s == k))
            .collect();
        appeared.retain(|k| {
            if let Some(slot) = slots.iter_mut().find(|(s, alive)| !*alive && s == k) {
                slot.1 = true;
                return false;
            }
            let same_text = vanished
                .iter()
                .position(|&i| (slots[i].0.0, slots[i].0.1) == (k.0, k.1));
            match same_text {
                Some(v) => {
                    slots[vanished.remove(v)].0 = k.clone();
                    false
                }
                None => true,
            }
        });
        if let ([one], [k]) = (&vanished[..], &appeared[..]) {
            slots[*one].0 = k.clone();
            vanished.clear();
            appeared.clear();
        }
        for i in vanished {
            slots[i].1 = false;
        }
        slots.extend(appeared.into_iter().map(|k| (k, true)));
    }

    /// These numbers as they will be once they follow the edit that left `after`.
    #[must_use]
    pub fn followed(&self, after: &Annotation) -> Self {
        let mut next = self.clone();
        next.follow(after);
        next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(spans: &[(usize, usize, &str)]) -> Annotation {
        let mut a = Annotation::default();
        for &(s, e, l) in spans {
            a.insert_span(Span {
                start: s,
                end: e,
                label: l.into(),
                text: "x".into(),
                source: None,
            });
        }
        a
    }

    #[test]
    fn text_order_by_default() {
        let a = ann(&[(5, 6, "LOC"), (1, 2, "PER")]);
        let n = SpanNumbers::default();
        assert_eq!(n.number(&a, 0), Some(1));
        assert_eq!(n.index(&a, 2), Some(1));
        assert_eq!(n.index(&a, 3), None);
    }

    #[test]
    fn numbers_stay_put_until_renumbered() {
        let a = ann(&[(10, 12, "LOC"), (20, 22, "ORG")]);
        let mut n = SpanNumbers::renumber(&a);
        // A span added before both takes number 3; the others keep theirs.
        let b = ann(&[(1, 2, "PER"), (10, 12, "LOC"), (20, 22, "ORG")]);
        n.follow(&b);
        assert_eq!(n.in_order(&b), vec![(1, 1), (2, 2), (3, 0)]);
        // Relabel and resize keep the number.
        let c = ann(&[(1, 2, "PER"), (10, 12, "PER"), (20, 25, "ORG")]);
        n.follow(&c);
        assert_eq!(n.number(&c, 1), Some(1));
        assert_eq!(n.number(&c, 2), Some(2));
        // Deleting leaves a gap.
        let d = ann(&[(1, 2, "PER"), (20, 25, "ORG")]);
        n.follow(&d);
        assert_eq!(n.index(&d, 1), None);
        assert!(!n.contiguous());
        assert_eq!(n.index(&d, 2), Some(1));
        assert_eq!(n.index(&d, 3), Some(0));
        // Undoing the delete brings the span back under its number.
        n.follow(&c);
        assert_eq!(n.number(&c, 1), Some(1));
        assert!(n.contiguous());
        n.follow(&d);
        // A full redraw numbers in text order again.
        let n = SpanNumbers::renumber(&d);
        assert_eq!(n.in_order(&d), vec![(1, 0), (2, 1)]);
    }
}
