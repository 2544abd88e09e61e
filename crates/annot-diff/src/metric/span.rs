//! Span agreement: precision, recall and F1 of annotation B against A, exact or overlap
//! match, micro, macro and per label; a pairwise matrix for three or more annotators;
//! a label confusion matrix for spans with the same extent.
//!
//! Spans are compared per document after sorting (O(n log n) per document, linear in
//! the number of documents).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{MacroScores, Scores, Undefined, Value};
use crate::MetricError;

/// A labelled span of code points `start..end` (end-exclusive).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct LabeledSpan<L> {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The span's label.
    pub label: L,
}

impl<L> LabeledSpan<L> {
    /// A span of `start..end` with `label`.
    pub fn new(start: usize, end: usize, label: L) -> Self {
        LabeledSpan { start, end, label }
    }
}

impl From<&annot_model::record::Span> for LabeledSpan<String> {
    fn from(span: &annot_model::record::Span) -> Self {
        LabeledSpan::new(span.start, span.end, span.label.clone())
    }
}

/// When a span of B counts as matching a span of A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Matching {
    /// Same start, end and label; each span matches at most one span (multiset intersection).
    Exact,
    /// Same label and at least one code point in common. Precision is the share of B's
    /// spans that overlap some span of A, recall the share of A's spans that overlap some
    /// span of B (one span may match several), so P(B vs A) = R(A vs B).
    Overlap,
}

/// Span scores of B against A: micro (pooled), macro and support-weighted means, per label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SpanScores<L: Ord> {
    /// Scores over all spans pooled.
    pub micro: Scores,
    /// Unweighted mean over the labels that occur in A or B.
    pub macro_avg: MacroScores,
    /// Mean over the labels weighted by their support in A (seqeval's "weighted avg").
    pub weighted: MacroScores,
    /// Per label, in label order.
    pub per_label: BTreeMap<L, Scores>,
}

/// Precision, recall and F1 of B against A over documents given as `(A's spans, B's spans)`.
///
/// # Errors
/// [`MetricError::EmptySpan`] for a span with `start >= end` (the document index is its
/// position in the input).
pub fn span_scores<'a, L, I>(documents: I, matching: Matching) -> Result<SpanScores<L>, MetricError>
where
    L: Ord + Clone + 'a,
    I: IntoIterator<Item = (&'a [LabeledSpan<L>], &'a [LabeledSpan<L>])>,
{
    let mut tally = SpanTally::new(matching);
    for (a, b) in documents {
        tally.add(a, b)?;
    }
    Ok(tally.scores())
}

/// The counts behind [`span_scores`], added one document at a time, so a corpus
/// is scored without holding its spans: `tally.add(a, b)` per document, then
/// `tally.scores()` gives what `span_scores` gives over the same documents.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct SpanTally<L: Ord> {
    matching: Matching,
    /// per label: [reference, compared, matched reference, matched compared]
    counts: BTreeMap<L, [usize; 4]>,
    documents: usize,
}

impl<L: Ord + Clone> SpanTally<L> {
    /// An empty tally.
    #[must_use]
    pub fn new(matching: Matching) -> Self {
        SpanTally {
            matching,
            counts: BTreeMap::new(),
            documents: 0,
        }
    }

    /// Adds one document's spans of A (the reference) and B.
    ///
    /// # Errors
    /// [`MetricError::EmptySpan`] for a span with `start >= end` (the document index
    /// counts the documents added before).
    pub fn add(&mut self, a: &[LabeledSpan<L>], b: &[LabeledSpan<L>]) -> Result<(), MetricError> {
        let document = self.documents;
        self.documents += 1;
        let mut a_sorted = Vec::new();
        let mut b_sorted = Vec::new();
        sorted_by_label(a, document, &mut a_sorted)?;
        sorted_by_label(b, document, &mut b_sorted)?;
        let (mut i, mut j) = (0, 0);
        while i < a_sorted.len() || j < b_sorted.len() {
            let label = match (a_sorted.get(i), b_sorted.get(j)) {
                (Some(x), Some(y)) => x.label.min(y.label),
                (Some(x), None) => x.label,
                (None, Some(y)) => y.label,
                (None, None) => break,
            };
            let i_end = i + a_sorted[i..]
                .iter()
                .take_while(|s| s.label == label)
                .count();
            let j_end = j + b_sorted[j..]
                .iter()
                .take_while(|s| s.label == label)
                .count();
            let (xs, ys) = (&a_sorted[i..i_end], &b_sorted[j..j_end]);
            let (matched_reference, matched_compared) = match self.matching {
                Matching::Exact => {
                    let tp = exact_matches(xs, ys);
                    (tp, tp)
                }
                Matching::Overlap => (overlapping(xs, ys), overlapping(ys, xs)),
            };
            let entry = self.counts.entry(label.clone()).or_insert([0; 4]);
            entry[0] += xs.len();
            entry[1] += ys.len();
            entry[2] += matched_reference;
            entry[3] += matched_compared;
            (i, j) = (i_end, j_end);
        }
        Ok(())
    }

    /// Adds the counts of `other`, a tally of other documents, its labels
    /// renamed by `label`: the tally of both sets of documents.
    pub fn absorb<M: Ord>(&mut self, other: &SpanTally<M>, label: impl Fn(&M) -> L) {
        self.documents += other.documents;
        for (l, c) in &other.counts {
            let entry = self.counts.entry(label(l)).or_insert([0; 4]);
            for k in 0..4 {
                entry[k] += c[k];
            }
        }
    }

    /// The scores of the documents added so far.
    #[must_use]
    pub fn scores(&self) -> SpanScores<L> {
        let mut total = [0usize; 4];
        let per_label: BTreeMap<L, Scores> = self
            .counts
            .iter()
            .map(|(label, c)| {
                for k in 0..4 {
                    total[k] += c[k];
                }
                (label.clone(), Scores::from_counts(c[0], c[1], c[2], c[3]))
            })
            .collect();
        SpanScores {
            micro: Scores::from_counts(total[0], total[1], total[2], total[3]),
            macro_avg: MacroScores::of(per_label.values()),
            weighted: weighted_mean(per_label.values()),
            per_label,
        }
    }
}

/// The support-weighted mean of per-label scores (undefined parts count as 0).
fn weighted_mean<'a>(per_label: impl Iterator<Item = &'a Scores>) -> MacroScores {
    let (mut p, mut r, mut f, mut w, mut n) = (0.0, 0.0, 0.0, 0.0, 0);
    for s in per_label {
        let weight = s.reference as f64;
        p += weight * s.precision.get().unwrap_or(0.0);
        r += weight * s.recall.get().unwrap_or(0.0);
        f += weight * s.f1.get().unwrap_or(0.0);
        w += weight;
        n += 1;
    }
    let mean = |x| Value::ratio(x, w, Undefined::NoReferenceItems);
    MacroScores {
        precision: mean(p),
        recall: mean(r),
        f1: mean(f),
        labels: n,
    }
}

/// A borrowed span, sorted by (label, start, end).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Key<'a, L> {
    label: &'a L,
    start: usize,
    end: usize,
}

fn sorted_by_label<'a, L: Ord>(
    spans: &'a [LabeledSpan<L>],
    document: usize,
    out: &mut Vec<Key<'a, L>>,
) -> Result<(), MetricError> {
    out.clear();
    for s in spans {
        if s.start >= s.end {
            return Err(MetricError::EmptySpan {
                document,
                start: s.start,
                end: s.end,
            });
        }
        out.push(Key {
            label: &s.label,
            start: s.start,
            end: s.end,
        });
    }
    out.sort_unstable();
    Ok(())
}

/// Size of the multiset intersection of two sorted lists of one label's spans.
fn exact_matches<L: Ord>(xs: &[Key<'_, L>], ys: &[Key<'_, L>]) -> usize {
    let (mut i, mut j, mut tp) = (0, 0, 0);
    while i < xs.len() && j < ys.len() {
        match (xs[i].start, xs[i].end).cmp(&(ys[j].start, ys[j].end)) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                tp += 1;
                i += 1;
                j += 1;
            }
        }
    }
    tp
}

/// How many spans of `xs` overlap at least one span of `ys` (both sorted by start).
fn overlapping<L>(xs: &[Key<'_, L>], ys: &[Key<'_, L>]) -> usize {
    // running[k] = max end of ys[..=k]
    let mut running = Vec::with_capacity(ys.len());
    let mut max_end = 0;
    for y in ys {
        max_end = max_end.max(y.end);
        running.push(max_end);
    }
    xs.iter()
        .filter(|x| {
            let k = ys.partition_point(|y| y.start < x.end);
            k > 0 && running[k - 1] > x.start
        })
        .count()
}

/// The pairwise F1 matrix of three or more annotators, and its mean.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PairwiseF1 {
    /// `matrix[i][j]`: micro F1 of annotator j against annotator i (symmetric; the
    /// diagonal is each annotator against itself).
    pub matrix: Vec<Vec<Value>>,
    /// Mean of the defined off-diagonal values over the pairs i < j.
    pub mean: Value,
    /// Number of pairs the mean rests on.
    pub pairs: usize,
}

/// Micro F1 for every pair of annotators; `annotators[k][d]` is annotator k's spans of document d.
///
/// # Errors
/// [`MetricError::DocumentCountMismatch`] when the annotators have different numbers of
/// documents; [`MetricError::EmptySpan`] for an empty or reversed span.
pub fn pairwise_span_f1<L, D>(
    annotators: &[D],
    matching: Matching,
) -> Result<PairwiseF1, MetricError>
where
    L: Ord + Clone,
    D: AsRef<[Vec<LabeledSpan<L>>]>,
{
    let docs = annotators.first().map_or(0, |a| a.as_ref().len());
    for (annotator, a) in annotators.iter().enumerate() {
        if a.as_ref().len() != docs {
            return Err(MetricError::DocumentCountMismatch {
                annotator,
                expected: docs,
                found: a.as_ref().len(),
            });
        }
    }
    let n = annotators.len();
    let mut matrix = vec![vec![Value::Undefined(Undefined::NoItemsEitherSide); n]; n];
    let (mut sum, mut pairs) = (0.0, 0);
    for i in 0..n {
        for j in i..n {
            let documents = annotators[i]
                .as_ref()
                .iter()
                .zip(annotators[j].as_ref())
                .map(|(a, b)| (a.as_slice(), b.as_slice()));
            let f1 = span_scores(documents, matching)?.micro.f1;
            matrix[i][j] = f1;
            matrix[j][i] = f1;
            if let (true, Value::Defined(v)) = (i != j, f1) {
                sum += v;
                pairs += 1;
            }
        }
    }
    Ok(PairwiseF1 {
        matrix,
        mean: Value::ratio(sum, pairs as f64, Undefined::NoItemsEitherSide),
        pairs,
    })
}

/// Counts of (A's label, B's label) over the spans A and B both marked with the same extent.
///
/// Within one extent, equal labels are paired first, then the rest in label order;
/// spans whose extent only one side marked are not counted (they are a matter of
/// [`span_scores`], not of labelling).
///
/// # Errors
/// [`MetricError::EmptySpan`] for an empty or reversed span.
pub fn span_label_confusion<'a, L, I>(documents: I) -> Result<BTreeMap<(L, L), usize>, MetricError>
where
    L: Ord + Clone + 'a,
    I: IntoIterator<Item = (&'a [LabeledSpan<L>], &'a [LabeledSpan<L>])>,
{
    let mut confusion = BTreeMap::new();
    for (document, (a, b)) in documents.into_iter().enumerate() {
        let mut xs = by_extent(a, document)?;
        let mut ys = by_extent(b, document)?;
        xs.sort_unstable();
        ys.sort_unstable();
        let (mut i, mut j) = (0, 0);
        while i < xs.len() && j < ys.len() {
            let (ex, ey) = ((xs[i].0, xs[i].1), (ys[j].0, ys[j].1));
            if ex < ey {
                i += 1;
            } else if ey < ex {
                j += 1;
            } else {
                let i_end = i + xs[i..].iter().take_while(|s| (s.0, s.1) == ex).count();
                let j_end = j + ys[j..].iter().take_while(|s| (s.0, s.1) == ey).count();
                let mut left: Vec<&L> = xs[i..i_end].iter().map(|s| s.2).collect();
                let mut right: Vec<&L> = ys[j..j_end].iter().map(|s| s.2).collect();
                // equal labels first (both sorted: a merge), then the rest in order
                let (mut p, mut q) = (0, 0);
                let (mut rest_left, mut rest_right) = (Vec::new(), Vec::new());
                while p < left.len() && q < right.len() {
                    match left[p].cmp(right[q]) {
                        std::cmp::Ordering::Equal => {
                            *confusion
                                .entry((left[p].clone(), right[q].clone()))
                                .or_insert(0) += 1;
                            p += 1;
                            q += 1;
                        }
                        std::cmp::Ordering::Less => {
                            rest_left.push(left[p]);
                            p += 1;
                        }
                        std::cmp::Ordering::Greater => {
                            rest_right.push(right[q]);
                            q += 1;
                        }
                    }
                }
                rest_left.extend(left.drain(p..));
                rest_right.extend(right.drain(q..));
                for (x, y) in rest_left.into_iter().zip(rest_right) {
                    *confusion.entry((x.clone(), y.clone())).or_insert(0) += 1;
                }
                (i, j) = (i_end, j_end);
            }
        }
    }
    Ok(confusion)
}

fn by_extent<L>(
    spans: &[LabeledSpan<L>],
    document: usize,
) -> Result<Vec<(usize, usize, &L)>, MetricError>
where
    L: Ord,
{
    spans
        .iter()
        .map(|s| {
            if s.start >= s.end {
                Err(MetricError::EmptySpan {
                    document,
                    start: s.start,
                    end: s.end,
                })
            } else {
                Ok((s.start, s.end, &s.label))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(start: usize, end: usize, label: &'static str) -> LabeledSpan<&'static str> {
        LabeledSpan::new(start, end, label)
    }

    #[test]
    fn exact_and_overlap_scores() {
        let a = [s(0, 5, "PER"), s(10, 15, "LOC"), s(20, 25, "PER")];
        let b = [
            s(0, 5, "PER"),
            s(11, 15, "LOC"),
            s(30, 35, "ORG"),
            s(0, 5, "PER"),
        ];
        let exact = span_scores([(&a[..], &b[..])], Matching::Exact).unwrap();
        assert_eq!(exact.micro.matched_compared, 1);
        assert_eq!(exact.micro.precision, Value::Defined(0.25));
        assert_eq!(exact.micro.recall, Value::Defined(1.0 / 3.0));
        let overlap = span_scores([(&a[..], &b[..])], Matching::Overlap).unwrap();
        // B: both PER(0,5) and LOC(11,15) overlap; ORG not. A: PER(0,5) and LOC.
        assert_eq!(overlap.micro.precision, Value::Defined(0.75));
        assert_eq!(overlap.micro.recall, Value::Defined(2.0 / 3.0));
        assert_eq!(overlap.per_label["ORG"].precision, Value::Defined(0.0));
        assert_eq!(
            overlap.per_label["ORG"].recall,
            Value::Undefined(Undefined::NoReferenceItems)
        );
        // macro counts ORG's undefined recall as 0, as seqeval does
        assert_eq!(overlap.macro_avg.labels, 3);
    }

    #[test]
    fn nothing_on_either_side_is_undefined() {
        let none: Vec<LabeledSpan<&str>> = Vec::new();
        let scores = span_scores([(&none[..], &none[..])], Matching::Exact).unwrap();
        assert_eq!(
            scores.micro.f1,
            Value::Undefined(Undefined::NoItemsEitherSide)
        );
        let bad = [s(5, 5, "X")];
        assert!(span_scores([(&bad[..], &none[..])], Matching::Exact).is_err());
    }

    #[test]
    fn pairwise_matrix_and_confusion() {
        let ann = vec![
            vec![vec![s(0, 5, "PER"), s(10, 15, "LOC")]],
            vec![vec![s(0, 5, "PER"), s(10, 15, "ORG")]],
            vec![vec![s(0, 5, "PER")]],
        ];
        let m = pairwise_span_f1(&ann, Matching::Exact).unwrap();
        assert_eq!(m.pairs, 3);
        assert_eq!(m.matrix[0][1], Value::Defined(0.5));
        assert_eq!(m.matrix[0][2], Value::Defined(2.0 / 3.0));
        assert_eq!(m.matrix[1][0], m.matrix[0][1]);
        let c = span_label_confusion([(&ann[0][0][..], &ann[1][0][..])]).unwrap();
        assert_eq!(c[&("PER", "PER")], 1);
        assert_eq!(c[&("LOC", "ORG")], 1);
        assert!(
            pairwise_span_f1(
                &[vec![], vec![Vec::<LabeledSpan<&str>>::new()]],
                Matching::Exact
            )
            .is_err()
        );
    }
}
