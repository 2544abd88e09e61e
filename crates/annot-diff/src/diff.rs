//! `annot diff A B`: per document, the two sides' spans aligned and their labels side by side.

use annot_model::Document;
use annot_model::annotations::LostSpan;
use serde::Serialize;

use crate::CompareError;
use crate::align::{Aligned, LayerPair, align, label_layers};
use crate::compare::{Absence, Selection, Skipped, for_each_document};
use crate::side::Side;

/// One document on which the two sides disagree.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDiff {
    /// The current version of the document (what the offsets are into).
    #[serde(skip)]
    pub document: Document,
    /// Document id.
    pub doc: String,
    /// Every span pair (agreeing ones too, for drawing), sorted by position.
    pub spans: Vec<Aligned>,
    /// Document labels layer by layer, every layer either side set.
    pub labels: Vec<LayerPair>,
    /// A's spans that could not be carried onto the current text.
    pub lost_a: Vec<LostSpan>,
    /// B's spans that could not be carried onto the current text.
    pub lost_b: Vec<LostSpan>,
}

impl DocumentDiff {
    /// Whether anything differs: a span pair, a label layer, or a span lost on one side.
    #[must_use]
    pub fn differs(&self) -> bool {
        self.spans.iter().any(|p| p.kind.is_disagreement())
            || self.labels.iter().any(|l| !l.agrees())
            || !self.lost_a.is_empty()
            || !self.lost_b.is_empty()
    }
}

/// What `annot diff` found on one document.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum DiffItem {
    /// The sides disagree.
    Differs(Box<DocumentDiff>),
    /// The sides agree: same spans, same labels.
    Agrees {
        /// Document id.
        doc: String,
    },
    /// One side (or both) has no decision on the document.
    NotCompared {
        /// Document id.
        doc: String,
        /// A's decision or why there is none.
        a: Option<Absence>,
        /// B's.
        b: Option<Absence>,
    },
}

/// Walks the documents of two sides and calls `visit` with each one's diff, in id order.
///
/// With `label`, only span pairs where either side used that label are kept.
///
/// # Errors
/// An unreadable corpus, or what `visit` returns.
pub fn diff(
    sides: &[Side],
    corpus: &annot_model::corpus::Corpus,
    selection: &Selection,
    label: Option<&str>,
    mut visit: impl FnMut(DiffItem) -> Result<(), CompareError>,
) -> Result<Skipped, CompareError> {
    for_each_document(sides, corpus, selection, |doc| {
        let id = doc.document.id.clone();
        let mut it = doc.sides.into_iter();
        let (a, b) = (it.next(), it.next());
        let (Some(Ok(a)), Some(Ok(b))) = (&a, &b) else {
            let absence = |s: &Option<Result<_, Absence>>| match s {
                Some(Ok(_)) => None,
                Some(Err(why)) => Some(*why),
                None => Some(Absence::NoRecord),
            };
            return visit(DiffItem::NotCompared {
                doc: id,
                a: absence(&a),
                b: absence(&b),
            });
        };
        let mut spans = align(&a.spans, &b.spans);
        let mut labels = label_layers(&a.labels, &b.labels);
        let (mut lost_a, mut lost_b) = (a.lost.clone(), b.lost.clone());
        if let Some(l) = label {
            let has = |s: &Option<annot_model::Span>| s.as_ref().is_some_and(|s| s.label == l);
            spans.retain(|p| has(&p.a) || has(&p.b));
            labels.clear();
            lost_a.retain(|x| x.span.label == l);
            lost_b.retain(|x| x.span.label == l);
        }
        let d = DocumentDiff {
            document: doc.document,
            doc: id.clone(),
            spans,
            labels,
            lost_a,
            lost_b,
        };
        if d.differs() {
            visit(DiffItem::Differs(Box::new(d)))
        } else {
            visit(DiffItem::Agrees { doc: id })
        }
    })
}
