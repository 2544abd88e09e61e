//! What an annotator has done to one document so far, with unlimited undo and redo.

use std::collections::BTreeMap;

use annot_model::ZoneSpan;
use annot_model::record::{Record, Span, SpanSource};

use crate::choices::Pick;

/// A group of suggested spans: one text, one label, every place it occurs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The number shown on screen; it stays while other suggestions are taken or dismissed.
    pub number: usize,
    /// The label suggested.
    pub label: String,
    /// The text of the first occurrence.
    pub text: String,
    /// A patterns file or the annotator's own dictionary.
    pub source: SpanSource,
    /// Code point ranges, in text order.
    pub occurrences: Vec<(usize, usize)>,
}

/// The editable annotation of a document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Annotation {
    /// Spans, sorted by start then end.
    pub spans: Vec<Span>,
    /// Document labels: label set name -> chosen values.
    pub labels: BTreeMap<String, Vec<String>>,
    /// Corrected zones, or `None` while the imported zones stand.
    pub zones: Option<Vec<ZoneSpan>>,
    /// A free-text note.
    pub note: Option<String>,
    /// Suggestions not yet taken or dismissed.
    pub pending: Vec<Suggestion>,
    /// In an adjudication, the disagreements settled with `c` (choice index -> the
    /// option taken). Part of the annotation so that `u` reopens what it undoes.
    pub taken: BTreeMap<usize, Pick>,
}

impl Annotation {
    /// Starts from an earlier record of the document.
    #[must_use]
    pub fn from_record(record: &Record) -> Self {
        let mut a = Self {
            spans: record.spans.clone(),
            labels: record.labels.clone(),
            zones: record.zones.clone(),
            note: record.note.clone(),
            ..Self::default()
        };
        a.sort_spans();
        a
    }

    /// Keeps spans in text order, so that span numbers follow the text.
    pub fn sort_spans(&mut self) {
        self.spans
            .sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
    }

    /// Adds a span in its place and returns its index.
    pub fn insert_span(&mut self, span: Span) -> usize {
        let key = (span.start, span.end, span.label.clone());
        let at = self.spans.partition_point(|s| {
            (s.start, s.end, s.label.as_str()) < (key.0, key.1, key.2.as_str())
        });
        self.spans.insert(at, span);
        at
    }

    /// The first span that overlaps `[start, end)`, if any.
    #[must_use]
    pub fn overlapping(&self, start: usize, end: usize) -> Option<usize> {
        self.spans
            .iter()
            .position(|s| s.start < end && start < s.end)
    }

    /// Drops pending occurrences that a span now covers (or all that touch it
    /// when spans may not overlap), and groups left empty.
    pub fn prune_pending(&mut self, overlap_allowed: bool) {
        let spans = &self.spans;
        for g in &mut self.pending {
            g.occurrences.retain(|&(s, e)| {
                !spans.iter().any(|sp| {
                    (sp.start == s && sp.end == e)
                        || (!overlap_allowed && sp.start < e && s < sp.end)
                })
            });
        }
        self.pending.retain(|g| !g.occurrences.is_empty());
    }
}

/// One document's annotation with its history.
#[derive(Debug, Clone)]
pub struct DocState {
    current: Annotation,
    baseline: Annotation,
    undo: Vec<(Annotation, String)>,
    redo: Vec<(Annotation, String)>,
    /// Milliseconds spent on the document in earlier visits of this session.
    pub ms: u64,
}

impl DocState {
    /// A state whose unchanged form is `start`.
    #[must_use]
    pub fn new(start: Annotation) -> Self {
        Self {
            current: start.clone(),
            baseline: start,
            undo: Vec::new(),
            redo: Vec::new(),
            ms: 0,
        }
    }

    /// The annotation as the document was opened (before this visit's edits).
    #[must_use]
    pub fn baseline(&self) -> &Annotation {
        &self.baseline
    }

    /// The annotation as it is now.
    #[must_use]
    pub fn current(&self) -> &Annotation {
        &self.current
    }

    /// Changes the annotation through `change`; the change can be undone under
    /// the name `what`. When `change` fails nothing is kept and no history is added.
    ///
    /// # Errors
    /// Whatever `change` returns.
    pub fn edit<T>(
        &mut self,
        what: impl Into<String>,
        change: impl FnOnce(&mut Annotation) -> Result<T, String>,
    ) -> Result<T, String> {
        let mut next = self.current.clone();
        let out = change(&mut next)?;
        if next != self.current {
            let before = std::mem::replace(&mut self.current, next);
            self.undo.push((before, what.into()));
            self.redo.clear();
        }
        Ok(out)
    }

    /// Changes the pending suggestions without an undo step (used when the
    /// suggestions are first computed).
    pub fn set_pending(&mut self, pending: Vec<Suggestion>, overlap_allowed: bool) {
        self.current.pending = pending;
        self.current.prune_pending(overlap_allowed);
        if self.undo.is_empty() {
            self.baseline.pending = self.current.pending.clone();
        }
    }

    /// Undoes the last change and says what it was.
    pub fn undo(&mut self) -> Option<String> {
        let (before, what) = self.undo.pop()?;
        let after = std::mem::replace(&mut self.current, before);
        self.redo.push((after, what.clone()));
        Some(what)
    }

    /// Redoes the last undone change and says what it was.
    pub fn redo(&mut self) -> Option<String> {
        let (after, what) = self.redo.pop()?;
        let before = std::mem::replace(&mut self.current, after);
        self.undo.push((before, what.clone()));
        Some(what)
    }

    /// Takes the annotation as it is now for the unchanged form (a decision was just
    /// saved and the document reopened), keeping the history.
    pub fn rebase(&mut self) {
        self.baseline = self.current.clone();
    }

    /// Whether the annotation differs from what it was when the document was opened.
    #[must_use]
    pub fn is_changed(&self) -> bool {
        let strip = |a: &Annotation| {
            (
                a.spans.clone(),
                a.labels.clone(),
                a.zones.clone(),
                a.note.clone(),
            )
        };
        strip(&self.current) != strip(&self.baseline)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, label: &str) -> Span {
        Span {
            start,
            end,
            label: label.into(),
            text: "x".into(),
            source: None,
        }
    }

    #[test]
    fn unlimited_undo_and_redo() {
        let mut st = DocState::new(Annotation::default());
        for i in 0..50 {
            st.edit(format!("+{i}"), |a| {
                a.insert_span(span(i * 2, i * 2 + 1, "LOC"));
                Ok(())
            })
            .unwrap();
        }
        assert!(st.is_changed());
        for _ in 0..50 {
            assert!(st.undo().is_some());
        }
        assert!(st.undo().is_none());
        assert!(!st.is_changed());
        assert_eq!(st.redo().as_deref(), Some("+0"));
        assert_eq!(st.current().spans.len(), 1);
        // A new change forgets what could be redone.
        st.edit("note", |a| {
            a.note = Some("n".into());
            Ok(())
        })
        .unwrap();
        assert!(st.redo().is_none());
    }

    #[test]
    fn failed_or_empty_edits_leave_no_history() {
        let mut st = DocState::new(Annotation::default());
        assert!(
            st.edit("bad", |a| -> Result<(), String> {
                a.note = Some("half".into());
                Err("no".into())
            })
            .is_err()
        );
        assert_eq!(st.current().note, None);
        st.edit("nothing", |_| Ok(())).unwrap();
        assert!(st.undo().is_none());
    }

    #[test]
    fn spans_stay_sorted_and_pending_is_pruned() {
        let mut a = Annotation::default();
        a.insert_span(span(10, 12, "LOC"));
        assert_eq!(a.insert_span(span(2, 4, "PER")), 0);
        assert_eq!(a.overlapping(3, 11), Some(0));
        a.pending.push(Suggestion {
            number: 1,
            label: "ORG".into(),
            text: "x".into(),
            source: SpanSource::Pattern,
            occurrences: vec![(2, 4), (3, 5), (20, 22)],
        });
        let mut b = a.clone();
        b.prune_pending(true);
        assert_eq!(b.pending[0].occurrences, vec![(3, 5), (20, 22)]);
        a.prune_pending(false);
        assert_eq!(a.pending[0].occurrences, vec![(20, 22)]);
    }
}
