//! Krippendorff's unitized alpha (α_U) over a continuum of positions, per label and overall.
//!
//! Definitions: Krippendorff (1995), "On the reliability of unitizing contiguous data",
//! and Krippendorff (2004), *Content Analysis*, 2nd ed., section 12.4, as DKPro
//! Statistics' `KrippendorffAlphaUnitizingAgreement` computes them; the tests below are
//! DKPro's published test values.
//!
//! For one label c, each coder's coding cuts the continuum [b, b + L) into sections that
//! are either units of c or gaps. Two sections g (coder i) and h (coder j), with starts
//! b and lengths l, differ by
//!
//! * δ² = (b_g − b_h)² + (b_g + l_g − b_h − l_h)² when both are units and they overlap;
//! * δ² = l_g² when g is a unit lying inside the gap h (and the mirror case);
//! * δ² = 0 otherwise.
//!
//! D_o(c) = Σ_{i≠j} Σ_g Σ_h δ² / (m (m − 1) L²), for m coders. The expected
//! disagreement, over all unitizations with the same units and gaps, is
//!
//! D_e(c) = (2/L) Σ_units [ (N_c − 1)/3 · (2l³ − 3l² + l) + l² Σ_{gaps, l_gap ≥ l} (l_gap − l + 1) ]
//!          / ( mL (mL − 1) − Σ_units l (l − 1) ),
//!
//! with N_c the number of units of c over all coders and the gaps pooled over coders.
//! α_U(c) = 1 − D_o(c)/D_e(c); overall α_U = 1 − Σ_c D_o(c) / Σ_c D_e(c).

use std::collections::BTreeMap;

use serde::Serialize;

use super::{Agreement, Undefined, Value};
use crate::MetricError;

/// One unit a coder marked on the continuum: positions `start..end` (end-exclusive).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct UnitizingUnit<L> {
    /// The coder (0-based).
    pub coder: usize,
    /// First position of the unit.
    pub start: u64,
    /// One past the last position.
    pub end: u64,
    /// The unit's label (category).
    pub label: L,
}

/// A unitizing study: m coders marking labelled units on one continuum of positions.
///
/// Positions are code points when the units are spans; a corpus is one continuum made by
/// laying its documents end to end ([`UnitizingStudy::from_documents`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitizingStudy<L> {
    coders: usize,
    begin: u64,
    length: u64,
    /// Units sorted by (label, coder, start).
    units: Vec<(L, usize, u64, u64)>,
}

/// α_U of one label, with its two disagreements.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct LabelAlpha {
    /// α_U(c); `items` is the number of units of the label over all coders.
    pub agreement: Agreement,
    /// D_o(c).
    pub observed: f64,
    /// D_e(c).
    pub expected: f64,
}

/// α_U of a study: overall and per label.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitizedAlpha<L: Ord> {
    /// 1 − Σ D_o / Σ D_e over the labels; `items` is the number of units.
    pub overall: Agreement,
    /// Per label, in label order.
    pub per_label: BTreeMap<L, LabelAlpha>,
}

impl<L: Ord + Clone> UnitizingStudy<L> {
    /// A study of `coders` coders over the continuum `begin..begin + length`.
    ///
    /// # Errors
    /// [`MetricError::UnitOutOfRange`] for an empty unit, one outside the continuum or of an
    /// unknown coder; [`MetricError::OverlappingUnits`] when a coder's units of one label
    /// overlap (adjacent units are fine).
    pub fn new(
        coders: usize,
        begin: u64,
        length: u64,
        units: impl IntoIterator<Item = UnitizingUnit<L>>,
    ) -> Result<Self, MetricError> {
        let limit = begin.saturating_add(length);
        let mut sorted = Vec::new();
        for u in units {
            if u.start >= u.end || u.start < begin || u.end > limit || u.coder >= coders {
                return Err(MetricError::UnitOutOfRange {
                    coder: u.coder,
                    start: u.start,
                    end: u.end,
                    begin,
                    limit,
                    coders,
                });
            }
            sorted.push((u.label, u.coder, u.start, u.end));
        }
        sorted.sort();
        for w in sorted.windows(2) {
            let ((l1, c1, s1, e1), (l2, c2, s2, e2)) = (&w[0], &w[1]);
            if l1 == l2 && c1 == c2 && s2 < e1 {
                return Err(MetricError::OverlappingUnits {
                    coder: *c1,
                    first_start: *s1,
                    first_end: *e1,
                    second_start: *s2,
                    second_end: *e2,
                });
            }
        }
        Ok(UnitizingStudy {
            coders,
            begin,
            length,
            units: sorted,
        })
    }

    /// One continuum made of documents laid end to end: `(document length, its units)`,
    /// the units' positions relative to their document.
    ///
    /// # Errors
    /// As [`UnitizingStudy::new`], positions reported on the joined continuum.
    pub fn from_documents<'a, I>(coders: usize, documents: I) -> Result<Self, MetricError>
    where
        L: 'a,
        I: IntoIterator<Item = (u64, &'a [UnitizingUnit<L>])>,
    {
        let mut offset = 0u64;
        let mut units = Vec::new();
        for (length, doc_units) in documents {
            for u in doc_units {
                if u.end > length {
                    return Err(MetricError::UnitOutOfRange {
                        coder: u.coder,
                        start: offset.saturating_add(u.start),
                        end: offset.saturating_add(u.end),
                        begin: offset,
                        limit: offset.saturating_add(length),
                        coders,
                    });
                }
                units.push(UnitizingUnit {
                    coder: u.coder,
                    start: offset + u.start,
                    end: offset + u.end,
                    label: u.label.clone(),
                });
            }
            offset = offset.saturating_add(length);
        }
        UnitizingStudy::new(coders, 0, offset, units)
    }

    /// α_U per label and overall; undefined where the expected disagreement is 0 (no
    /// unit at all, an empty continuum, or fewer than two coders).
    #[must_use]
    pub fn alpha(&self) -> UnitizedAlpha<L> {
        // The study is one document of the continuum, its units already checked and sorted.
        let mut tally = UnitizingTally::new(self.coders);
        let units: Vec<(&L, usize, u64, u64)> = self
            .units
            .iter()
            .map(|(l, c, s, e)| (l, *c, s - self.begin, e - self.begin))
            .collect();
        tally.add_sorted(self.length, &units);
        tally.alpha()
    }
}

/// α_U computed one document at a time, the documents laid end to end on one continuum
/// (as [`UnitizingStudy::from_documents`] lays them), holding only counts: per label, the
/// observed disagreement so far, the number of units, and how many units and gaps there
/// are of each length. A corpus of any size is scored in memory that does not grow with it.
///
/// The figures equal [`UnitizingStudy::alpha`] of the same units: a unit meets only the
/// sections of another coder inside its own document, so the observed disagreement is a
/// sum over documents; a gap may run across documents, so each coder's gap is closed only
/// at its next unit, or at the end ([`UnitizingTally::alpha`]).
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
#[serde(bound(
    serialize = "L: Serialize + Ord",
    deserialize = "L: serde::Deserialize<'de> + Ord"
))]
pub struct UnitizingTally<L> {
    coders: usize,
    /// The continuum so far.
    length: u64,
    labels: BTreeMap<L, LabelTally>,
    /// Per-document scratch: the units sorted by (label, coder, start).
    #[serde(skip)]
    scratch: Vec<(L, usize, u64, u64)>,
}

#[derive(Debug, Clone, Serialize, serde::Deserialize)]
struct LabelTally {
    /// Units of the label over all coders.
    units: u64,
    /// Σ δ² over the section pairs of every two coders.
    observed: f64,
    /// Unit length -> units of that length.
    unit_lengths: BTreeMap<u64, u64>,
    /// Length of a closed gap -> gaps of that length.
    gaps: BTreeMap<u64, u64>,
    /// Per coder: where its last unit of the label ended (its open gap starts there).
    last_end: Vec<u64>,
    /// Per coder: where its first unit of the label starts (the gap before it
    /// was counted from the start of this tally's continuum).
    first_start: Vec<Option<u64>>,
}

impl LabelTally {
    /// Nothing yet of a label coded by `coders` coders.
    fn new(coders: usize) -> Self {
        LabelTally {
            units: 0,
            observed: 0.0,
            unit_lengths: BTreeMap::new(),
            gaps: BTreeMap::new(),
            last_end: vec![0; coders],
            first_start: vec![None; coders],
        }
    }
}

impl<L: Ord + Clone> UnitizingTally<L> {
    /// An empty continuum coded by `coders` coders.
    #[must_use]
    pub fn new(coders: usize) -> Self {
        UnitizingTally {
            coders,
            length: 0,
            labels: BTreeMap::new(),
            scratch: Vec::new(),
        }
    }

    /// The continuum's length so far.
    #[must_use]
    pub fn length(&self) -> u64 {
        self.length
    }

    /// Lays a document of `length` positions at the end of the continuum, with its units
    /// (positions relative to the document).
    ///
    /// # Errors
    /// As [`UnitizingStudy::new`], positions reported on the joined continuum; nothing is
    /// added then.
    pub fn add(&mut self, length: u64, units: &[UnitizingUnit<L>]) -> Result<(), MetricError> {
        let offset = self.length;
        let limit = offset.saturating_add(length);
        let mut sorted = std::mem::take(&mut self.scratch);
        sorted.clear();
        for u in units {
            if u.start >= u.end || u.end > length || u.coder >= self.coders {
                self.scratch = sorted;
                return Err(MetricError::UnitOutOfRange {
                    coder: u.coder,
                    start: offset.saturating_add(u.start),
                    end: offset.saturating_add(u.end),
                    begin: offset,
                    limit,
                    coders: self.coders,
                });
            }
            sorted.push((u.label.clone(), u.coder, u.start, u.end));
        }
        sorted.sort();
        let overlap = sorted.windows(2).find_map(|w| {
            let ((l1, c1, s1, e1), (l2, c2, s2, e2)) = (&w[0], &w[1]);
            (l1 == l2 && c1 == c2 && s2 < e1).then(|| MetricError::OverlappingUnits {
                coder: *c1,
                first_start: offset + s1,
                first_end: offset + e1,
                second_start: offset + s2,
                second_end: offset + e2,
            })
        });
        if let Some(e) = overlap {
            self.scratch = sorted;
            return Err(e);
        }
        let refs: Vec<(&L, usize, u64, u64)> =
            sorted.iter().map(|(l, c, s, e)| (l, *c, *s, *e)).collect();
        self.add_sorted(length, &refs);
        drop(refs);
        self.scratch = sorted;
        Ok(())
    }

    /// [`UnitizingTally::add`] of units already checked and sorted by (label, coder, start).
    fn add_sorted(&mut self, length: u64, sorted: &[(&L, usize, u64, u64)]) {
        let offset = self.length;
        let m = self.coders;
        let mut start = 0;
        while start < sorted.len() {
            let label = sorted[start].0;
            let end = start + sorted[start..].iter().take_while(|u| u.0 == label).count();
            let block = &sorted[start..end];
            start = end;
            let t = match self.labels.get_mut(label) {
                Some(t) => t,
                None => self
                    .labels
                    .entry(label.clone())
                    .or_insert_with(|| LabelTally::new(m)),
            };
            let sections: Vec<Vec<Section>> = (0..m).map(|c| sections(block, c, length)).collect();
            for i in 0..m {
                for j in i + 1..m {
                    t.observed += pair_disagreement(&sections[i], &sections[j]);
                }
            }
            for &(_, coder, s, e) in block {
                t.units += 1;
                *t.unit_lengths.entry(e - s).or_insert(0) += 1;
                let (s, e) = (offset + s, offset + e);
                let gap = s - t.last_end[coder];
                if gap > 0 {
                    *t.gaps.entry(gap).or_insert(0) += 1;
                }
                t.last_end[coder] = e;
                t.first_start[coder].get_or_insert(s);
            }
        }
        self.length = offset.saturating_add(length);
    }

    /// Lays the continuum of `other` (documents that come after this tally's)
    /// at the end of this one, its labels renamed by `label`: the tally of all
    /// the documents in that order, as if added one by one. A coder's gap before
    /// its first unit in `other` is joined to its gap still open here.
    ///
    /// # Errors
    /// [`MetricError::CodersDiffer`] when the tallies count different coders.
    pub fn absorb<M: Ord>(
        &mut self,
        other: &UnitizingTally<M>,
        label: impl Fn(&M) -> L,
    ) -> Result<(), MetricError> {
        if other.coders != self.coders {
            return Err(MetricError::CodersDiffer {
                expected: self.coders,
                found: other.coders,
            });
        }
        let offset = self.length;
        let m = self.coders;
        // `other` may be read back from a file: check it whole before anything is added.
        for (l, b) in &other.labels {
            let bad = |why| MetricError::BadTally { why };
            if b.first_start.len() != m || b.last_end.len() != m {
                return Err(bad("a list per coder has the wrong length"));
            }
            let mine = self.labels.get(&label(l));
            for c in 0..m {
                let Some(first) = b.first_start[c] else {
                    continue;
                };
                let last = mine.map_or(0, |t| t.last_end[c]);
                if first > other.length
                    || b.last_end[c] > other.length
                    || offset.checked_add(first).is_none_or(|at| at < last)
                {
                    return Err(bad("a unit lies outside its continuum"));
                }
            }
        }
        for (l, b) in &other.labels {
            let t = self
                .labels
                .entry(label(l))
                .or_insert_with(|| LabelTally::new(m));
            t.units += b.units;
            t.observed += b.observed;
            for (len, n) in &b.unit_lengths {
                *t.unit_lengths.entry(*len).or_insert(0) += n;
            }
            let mut gaps = b.gaps.clone();
            for c in 0..m {
                let Some(first) = b.first_start[c] else {
                    continue;
                };
                // The gap `other` counted from its own start runs on from here.
                if first > 0
                    && let Some(n) = gaps.get_mut(&first)
                {
                    *n = n.saturating_sub(1);
                    if *n == 0 {
                        gaps.remove(&first);
                    }
                }
                let gap = offset + first - t.last_end[c];
                if gap > 0 {
                    *t.gaps.entry(gap).or_insert(0) += 1;
                }
                t.last_end[c] = offset + b.last_end[c];
                t.first_start[c].get_or_insert(offset + first);
            }
            for (len, n) in gaps {
                *t.gaps.entry(len).or_insert(0) += n;
            }
        }
        self.length = offset.saturating_add(other.length);
        Ok(())
    }

    /// α_U per label and overall of the documents added; undefined where the expected
    /// disagreement is 0 (no unit at all, an empty continuum, or fewer than two coders).
    #[must_use]
    pub fn alpha(&self) -> UnitizedAlpha<L> {
        let mut per_label = BTreeMap::new();
        let (mut observed_sum, mut expected_sum) = (0.0, 0.0);
        let mut total = 0usize;
        for (label, t) in &self.labels {
            let (observed, expected) = self.disagreements(t);
            observed_sum += observed;
            expected_sum += expected;
            let items = usize::try_from(t.units).unwrap_or(usize::MAX);
            total = total.saturating_add(items);
            let agreement = Agreement {
                value: if self.coders < 2 {
                    Value::Undefined(Undefined::NoPairableUnits)
                } else {
                    Value::one_minus_ratio(observed, expected)
                },
                items,
            };
            per_label.insert(
                label.clone(),
                LabelAlpha {
                    agreement,
                    observed,
                    expected,
                },
            );
        }
        let overall = if total == 0 {
            Agreement::undefined(Undefined::NoItems, 0)
        } else if self.coders < 2 {
            Agreement::undefined(Undefined::NoPairableUnits, total)
        } else {
            Agreement {
                value: Value::one_minus_ratio(observed_sum, expected_sum),
                items: total,
            }
        };
        UnitizedAlpha { overall, per_label }
    }

    /// (D_o, D_e) of one label. The sums of D_e are over integers, counted exactly.
    fn disagreements(&self, t: &LabelTally) -> (f64, f64) {
        let m = self.coders;
        let length = self.length as f64;
        if m < 2 || self.length == 0 {
            return (0.0, 0.0);
        }
        let observed = 2.0 * t.observed / ((m * (m - 1)) as f64 * length * length);
        // Every coder's gap still open runs to the end of the continuum.
        let mut gaps = t.gaps.clone();
        for &end in &t.last_end {
            if self.length > end {
                *gaps.entry(self.length - end).or_insert(0) += 1;
            }
        }
        // Σ_units (2l³ − 3l² + l) = Σ l(l − 1)(2l − 1), a multiple of 6; Σ l(l − 1); and
        // Σ_units l² Σ_{gaps ≥ l} (gap − l + 1), walking the lengths from the longest down.
        let (mut cubic, mut squared, mut placed) = (0u128, 0u128, 0u128);
        let (mut gap_count, mut gap_sum) = (0u128, 0u128);
        let mut longer = gaps.iter().rev().peekable();
        for (&l, &k) in t.unit_lengths.iter().rev() {
            while let Some((&g, &n)) = longer.next_if(|(g, _)| **g >= l) {
                gap_count += u128::from(n);
                gap_sum += u128::from(g) * u128::from(n);
            }
            let (l, k) = (u128::from(l), u128::from(k));
            cubic += k * l * (l - 1) * (2 * l - 1);
            squared += k * l * (l - 1);
            // Σ_{gaps ≥ l} (gap − l + 1) = gap_sum − (l − 1) gap_count ≥ 0.
            placed += k * l * l * (gap_sum - (l - 1) * gap_count);
        }
        let units = u128::from(t.units);
        let numerator = (units - 1) * cubic / 3 + placed;
        let ml = m as f64 * length;
        let denominator = ml * (ml - 1.0) - squared as f64;
        let expected = if denominator > 0.0 {
            2.0 / length * numerator as f64 / denominator
        } else {
            0.0
        };
        (observed, expected)
    }
}

/// The sections (units and gaps) that coder `coder`'s units of one label, sorted by
/// (coder, start), cut the positions `0..length` into.
fn sections<L>(block: &[(&L, usize, u64, u64)], coder: usize, length: u64) -> Vec<Section> {
    let first = block.partition_point(|u| u.1 < coder);
    let last = block.partition_point(|u| u.1 <= coder);
    let mut out = Vec::with_capacity(2 * (last - first) + 1);
    let mut pos = 0;
    for &(_, _, s, e) in &block[first..last] {
        if s > pos {
            out.push(Section {
                start: pos,
                end: s,
                unit: false,
            });
        }
        out.push(Section {
            start: s,
            end: e,
            unit: true,
        });
        pos = e;
    }
    if pos < length {
        out.push(Section {
            start: pos,
            end: length,
            unit: false,
        });
    }
    out
}

#[derive(Debug, Clone, Copy)]
struct Section {
    start: u64,
    end: u64,
    unit: bool,
}

/// δ² between two sections of different coders.
fn distance(g: Section, h: Section) -> f64 {
    let sq = |x: u64, y: u64| {
        let d = x.abs_diff(y) as f64;
        d * d
    };
    match (g.unit, h.unit) {
        (true, true) if g.start < h.end && h.start < g.end => {
            sq(g.start, h.start) + sq(g.end, h.end)
        }
        (true, false) if h.start <= g.start && g.end <= h.end => sq(g.start, g.end),
        (false, true) if g.start <= h.start && h.end <= g.end => sq(h.start, h.end),
        _ => 0.0,
    }
}

/// Σ δ² over the section pairs of two coders: a merge of two partitions of the
/// continuum, visiting each pair of intersecting sections once (only those can differ).
fn pair_disagreement(a: &[Section], b: &[Section]) -> f64 {
    let (mut i, mut j) = (0, 0);
    let mut sum = 0.0;
    while i < a.len() && j < b.len() {
        sum += distance(a[i], b[j]);
        match a[i].end.cmp(&b[j].end) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;

    /// DKPro's `addUnit(offset, length, rater, category)`.
    fn unit(
        start: u64,
        length: u64,
        coder: usize,
        label: &'static str,
    ) -> UnitizingUnit<&'static str> {
        UnitizingUnit {
            coder,
            start,
            end: start + length,
            label,
        }
    }

    fn close(got: f64, expected: f64, tolerance: f64) {
        assert!(
            (got - expected).abs() <= tolerance,
            "got {got}, expected {expected} ± {tolerance}"
        );
    }

    fn section(start: u64, length: u64, unit: bool) -> Section {
        Section {
            start,
            end: start + length,
            unit,
        }
    }

    /// DKPro Statistics, UnitizingAgreementTest.testDistanceMetric and
    /// Krippendorff2004Test.testDistanceMetric1/2 (Krippendorff 2004, p. 254).
    #[test]
    fn distances_as_dkpro_tests_them() {
        let d = |o1, l1, u1, o2, l2, u2| distance(section(o1, l1, u1), section(o2, l2, u2));
        assert_eq!(d(0, 1, false, 0, 2, false), 0.0);
        assert_eq!(d(1, 8, true, 0, 2, false), 0.0);
        assert_eq!(d(1, 8, true, 2, 1, true), 37.0);
        assert_eq!(d(1, 8, true, 4, 1, true), 25.0);
        assert_eq!(d(1, 8, true, 6, 1, true), 29.0);
        assert_eq!(d(1, 8, true, 7, 4, false), 0.0);
        assert_eq!(
            d(2, 3, false, 2, 2, true) + d(5, 6, true, 4, 7, false),
            40.0
        );
        assert_eq!(d(5, 6, true, 4, 2, true), 26.0);
        assert_eq!(d(5, 6, true, 6, 4, true), 2.0);
        assert_eq!(d(225, 70, true, 220, 80, true), 50.0);
        assert_eq!(d(370, 30, true, 355, 20, true), 850.0);
        assert_eq!(d(400, 50, false, 400, 20, true), 400.0);
    }

    /// DKPro Statistics, UnitizingAgreementTest.testAgreement: two coders on ten positions,
    /// `-11111111-` against `--1-1-1---`: D_o 0.9100, D_e 0.5351, α_U −0.7003 (± 1e-4).
    #[test]
    fn dkpro_unitizing_example() {
        let study = UnitizingStudy::new(
            2,
            0,
            10,
            [
                unit(1, 8, 0, "A"),
                unit(2, 1, 1, "A"),
                unit(4, 1, 1, "A"),
                unit(6, 1, 1, "A"),
            ],
        )
        .unwrap();
        let a = study.alpha();
        let label = a.per_label["A"];
        close(label.observed, 0.9100, 1e-4);
        close(label.expected, 0.5351, 1e-4);
        close(label.agreement.value.get().unwrap(), -0.7003, 1e-4);
        assert_eq!(label.agreement.items, 4);
    }

    /// Krippendorff (2004), p. 254, via DKPro's Krippendorff2004Test: continuum 150..450,
    /// labels c and k. Overall α_U 0.8591 (± 5e-4); c: D_o 0.0144, D_e 0.0532, α 0.7286;
    /// k: D_o 0, D_e 0.0490, α 1 (± 1e-4).
    #[test]
    fn krippendorff_2004_example() {
        let study = UnitizingStudy::new(
            2,
            150,
            300,
            [
                unit(225, 70, 0, "c"),
                unit(370, 30, 0, "c"),
                unit(220, 80, 1, "c"),
                unit(355, 20, 1, "c"),
                unit(400, 20, 1, "c"),
                unit(180, 60, 0, "k"),
                unit(300, 50, 0, "k"),
                unit(180, 60, 1, "k"),
                unit(300, 50, 1, "k"),
            ],
        )
        .unwrap();
        let a = study.alpha();
        close(a.overall.value.get().unwrap(), 0.8591, 5e-4);
        let c = a.per_label["c"];
        close(c.observed, 0.0144, 1e-4);
        close(c.expected, 0.0532, 1e-4);
        close(c.agreement.value.get().unwrap(), 0.7286, 1e-4);
        let k = a.per_label["k"];
        close(k.observed, 0.0, 1e-4);
        close(k.expected, 0.0490, 1e-4);
        close(k.agreement.value.get().unwrap(), 1.0, 1e-4);
    }

    /// Krippendorff (1995), p. 57, four pairs of coders (A–D) on 24 positions, via DKPro's
    /// Krippendorff1995Test. At stretch 1: D_o A 0.03125, B 2.26736, C 0.02777, D 0.38715
    /// (± 1e-5). Stretched to 1,200,000 positions: D_e 0.06990, 1.17731, 0.08642, 0.41445
    /// (± 0.005) and α_U 0.553, −0.926, 0.679, 0.066 (± 0.02), Krippendorff's values.
    #[test]
    fn krippendorff_1995_example() {
        let example = |stretch: u64| {
            let spec: [(u64, u64, usize, &'static str); 31] = [
                (2, 8, 0, "A"),
                (14, 6, 0, "A"),
                (4, 4, 1, "A"),
                (15, 2, 1, "A"),
                (0, 18, 0, "B"),
                (0, 2, 1, "B"),
                (2, 1, 1, "B"),
                (3, 1, 1, "B"),
                (4, 1, 1, "B"),
                (5, 1, 1, "B"),
                (6, 3, 1, "B"),
                (9, 1, 1, "B"),
                (2, 6, 0, "C"),
                (10, 2, 0, "C"),
                (14, 4, 0, "C"),
                (20, 2, 0, "C"),
                (0, 2, 1, "C"),
                (4, 4, 1, "C"),
                (10, 4, 1, "C"),
                (16, 2, 1, "C"),
                (20, 2, 1, "C"),
                (0, 2, 0, "D"),
                (2, 8, 0, "D"),
                (10, 4, 0, "D"),
                (14, 6, 0, "D"),
                (20, 4, 0, "D"),
                (0, 4, 1, "D"),
                (4, 4, 1, "D"),
                (8, 7, 1, "D"),
                (15, 2, 1, "D"),
                (17, 7, 1, "D"),
            ];
            let units = spec
                .iter()
                .map(|&(s, l, c, label)| unit(s * stretch, l * stretch, c, label));
            UnitizingStudy::new(2, 0, 24 * stretch, units)
                .unwrap()
                .alpha()
        };
        let a = example(1);
        for (label, d_o) in [
            ("A", 0.03125),
            ("B", 2.26736),
            ("C", 0.02777),
            ("D", 0.38715),
        ] {
            close(a.per_label[label].observed, d_o, 1e-5);
        }
        let a = example(50_000);
        for (label, d_e, alpha) in [
            ("A", 0.06990, 0.553),
            ("B", 1.17731, -0.926),
            ("C", 0.08642, 0.679),
            ("D", 0.41445, 0.066),
        ] {
            close(a.per_label[label].expected, d_e, 0.005);
            close(
                a.per_label[label].agreement.value.get().unwrap(),
                alpha,
                0.02,
            );
        }
    }

    /// DKPro's testSingleAnnotationUnit (0.0) and testEmptyAnnotationSet (NaN there,
    /// Undefined here).
    #[test]
    fn single_unit_and_empty_study() {
        let one = UnitizingStudy::new(3, 0, 20, [unit(0, 1, 0, "X")]).unwrap();
        close(one.alpha().overall.value.get().unwrap(), 0.0, 1e-12);
        let empty = UnitizingStudy::<&str>::new(3, 0, 20, []).unwrap();
        assert_eq!(
            empty.alpha().overall,
            Agreement::undefined(Undefined::NoItems, 0)
        );
    }

    #[test]
    fn documents_are_laid_end_to_end() {
        let d1 = [unit(0, 2, 0, "X"), unit(0, 2, 1, "X")];
        let d2 = [unit(1, 2, 0, "X"), unit(1, 3, 1, "X")];
        let joined = UnitizingStudy::from_documents(2, [(5, &d1[..]), (4, &d2[..])]).unwrap();
        let direct = UnitizingStudy::new(
            2,
            0,
            9,
            [
                unit(0, 2, 0, "X"),
                unit(0, 2, 1, "X"),
                unit(6, 2, 0, "X"),
                unit(6, 3, 1, "X"),
            ],
        )
        .unwrap();
        assert_eq!(joined, direct);
        let past = [unit(3, 3, 0, "X")];
        assert!(UnitizingStudy::from_documents(2, [(5, &past[..])]).is_err());
    }

    #[test]
    fn invalid_units_are_errors() {
        assert!(matches!(
            UnitizingStudy::new(2, 0, 10, [unit(8, 4, 0, "X")]),
            Err(MetricError::UnitOutOfRange { .. })
        ));
        assert!(matches!(
            UnitizingStudy::new(2, 0, 10, [unit(1, 4, 0, "X"), unit(3, 2, 0, "X")]),
            Err(MetricError::OverlappingUnits { .. })
        ));
        assert!(UnitizingStudy::new(2, 0, 10, [unit(1, 2, 0, "X"), unit(3, 2, 0, "X")]).is_ok());
    }
    /// Documents added one at a time give the figures of the whole continuum read at once:
    /// gaps that run across documents, labels that first appear late, a coder without any
    /// unit of a label, empty documents.
    #[test]
    fn a_tally_of_documents_equals_the_study_of_their_continuum() {
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for coders in 1..4 {
            for _ in 0..40 {
                let mut docs: Vec<(u64, Vec<UnitizingUnit<u32>>)> = Vec::new();
                for _ in 0..next(6) {
                    let length = next(40);
                    let mut units = Vec::new();
                    for coder in 0..coders {
                        for label in 0..3u32 {
                            let mut pos = 0;
                            while length > 0 && pos < length && next(3) > 0 {
                                let start = pos + next(length - pos);
                                let end = start + 1 + next(length - start);
                                if end > length {
                                    break;
                                }
                                if label != 2 || coder == 0 {
                                    units.push(UnitizingUnit {
                                        coder,
                                        start,
                                        end,
                                        label,
                                    });
                                }
                                pos = end;
                            }
                        }
                    }
                    docs.push((length, units));
                }
                let study = UnitizingStudy::from_documents(
                    coders,
                    docs.iter().map(|(l, u)| (*l, u.as_slice())),
                )
                .unwrap();
                let mut tally = UnitizingTally::new(coders);
                for (length, units) in &docs {
                    tally.add(*length, units).unwrap();
                }
                // Any run of documents joined to the run before it: the same tally, exactly.
                for k in 0..=docs.len() {
                    let (mut left, mut right) =
                        (UnitizingTally::new(coders), UnitizingTally::new(coders));
                    for (i, (length, units)) in docs.iter().enumerate() {
                        let half = if i < k { &mut left } else { &mut right };
                        half.add(*length, units).unwrap();
                    }
                    left.absorb(&right, Clone::clone).unwrap();
                    assert_eq!(
                        format!("{:?}", left.alpha()),
                        format!("{:?}", tally.alpha()),
                        "split at {k}"
                    );
                }
                let (whole, parts) = (study.alpha(), tally.alpha());
                assert_eq!(whole.overall.items, parts.overall.items);
                assert_eq!(whole.per_label.len(), parts.per_label.len());
                for (label, w) in &whole.per_label {
                    let p = &parts.per_label[label];
                    close(p.observed, w.observed, 1e-12);
                    close(p.expected, w.expected, 1e-12);
                    assert_eq!(p.agreement.items, w.agreement.items);
                }
                match (whole.overall.value.get(), parts.overall.value.get()) {
                    (Some(w), Some(p)) => close(p, w, 1e-12),
                    (w, p) => assert_eq!(w, p),
                }
            }
        }
    }

    #[test]
    fn a_tally_refuses_bad_units_and_adds_nothing() {
        let mut tally = UnitizingTally::new(2);
        tally.add(10, &[unit(1, 3, 0, "A")]).unwrap();
        let err = tally.add(5, &[unit(4, 3, 0, "A")]).unwrap_err().to_string();
        assert!(
            err.contains("17"),
            "positions on the joined continuum: {err}"
        );
        assert!(tally.add(5, &[unit(0, 3, 2, "A")]).is_err());
        assert!(
            tally
                .add(5, &[unit(0, 3, 1, "A"), unit(2, 2, 1, "A")])
                .is_err()
        );
        assert_eq!(tally.length(), 10);
        assert_eq!(tally.alpha().overall.items, 1);
    }

    #[test]
    fn statistics_read_back_that_no_tally_wrote_are_refused_not_a_panic() {
        let mut first = UnitizingTally::new(2);
        first
            .add(10, &[unit(1, 3, 0, "A"), unit(2, 3, 1, "A")])
            .unwrap();
        let mut whole: UnitizingTally<String> =
            serde_json::from_value(serde_json::to_value(&first).unwrap()).unwrap();
        let mut part = UnitizingTally::new(2);
        part.add(8, &[unit(0, 2, 1, "A")]).unwrap();
        let good = serde_json::to_value(&part).unwrap();
        let bent = |f: &dyn Fn(&mut serde_json::Value)| {
            let mut v = good.clone();
            f(&mut v);
            serde_json::from_value::<UnitizingTally<String>>(v).unwrap()
        };
        let short = bent(&|v| {
            v["labels"]["A"]["last_end"] = serde_json::json!([0]);
        });
        let outside = bent(&|v| {
            v["labels"]["A"]["last_end"] = serde_json::json!([0, 99]);
        });
        for (what, other) in [("short", short), ("outside", outside)] {
            let before = whole.alpha();
            let err = whole.absorb(&other, Clone::clone);
            assert!(
                matches!(err, Err(MetricError::BadTally { .. })),
                "{what}: {err:?}"
            );
            assert_eq!(whole.alpha(), before, "{what}: nothing added");
        }
        let part: UnitizingTally<String> = serde_json::from_value(good).unwrap();
        whole.absorb(&part, Clone::clone).unwrap();
    }
}
