//! Agreement measures, one file per measure, each with its published example as a test.
//!
//! | measure | function |
//! | --- | --- |
//! | observed (percentage) agreement | [`observed_agreement`] |
//! | Cohen's kappa | [`cohen_kappa`], [`cohen_kappa_counted`] |
//! | Scott's pi | [`scott_pi`] |
//! | Fleiss' kappa | [`fleiss_kappa`], [`fleiss_kappa_table`] |
//! | Krippendorff's alpha | [`krippendorff_alpha`], [`krippendorff_alpha_counted`] |
//! | Gwet's AC1 | [`gwet_ac1`] |
//! | multi-label layers | [`per_value_alpha`], [`set_alpha`] |
//! | span precision / recall / F1 | [`span_scores`], [`pairwise_span_f1`], [`span_label_confusion`] |
//! | token tags and entity scores | [`iob2_tags`], [`tag_reliability`], [`entity_scores`] |
//! | Krippendorff's unitized alpha | [`UnitizingStudy::alpha`] |

mod cohen;
#[cfg(test)]
mod examples;
mod fleiss;
mod gwet;
mod iob;
mod krippendorff;
mod multilabel;
mod observed;
mod reliability;
mod scott;
mod span;
mod unitized;

use std::fmt;

use serde::Serialize;

pub use cohen::{cohen_kappa, cohen_kappa_counted};
pub use fleiss::{fleiss_kappa, fleiss_kappa_table};
pub use gwet::gwet_ac1;
pub use iob::{
    EntityScores, Tag, entity_scores, iob2_tags, iob2_tags_resolved, strict_entities,
    tag_reliability,
};
pub use krippendorff::{DistanceMetric, krippendorff_alpha, krippendorff_alpha_counted};
pub use multilabel::{SetData, SetDistance, per_value_alpha, set_alpha};
pub use observed::observed_agreement;
pub use reliability::ReliabilityData;
pub use scott::scott_pi;
pub use span::{
    LabeledSpan, Matching, PairwiseF1, SpanScores, SpanTally, pairwise_span_f1,
    span_label_confusion, span_scores,
};
pub use unitized::{LabelAlpha, UnitizedAlpha, UnitizingStudy, UnitizingTally, UnitizingUnit};

/// The value of a measure, or why the measure is undefined on the given input.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Value {
    /// The measure is defined and has this (finite) value.
    Defined(f64),
    /// The measure is undefined on this input, for the reason given.
    Undefined(Undefined),
}

impl Value {
    /// The value if it is defined.
    #[must_use]
    pub fn get(self) -> Option<f64> {
        match self {
            Value::Defined(v) => Some(v),
            Value::Undefined(_) => None,
        }
    }

    /// `numerator / denominator`, or `reason` when the denominator is zero or the
    /// quotient is not finite.
    pub(crate) fn ratio(numerator: f64, denominator: f64, reason: Undefined) -> Value {
        if denominator == 0.0 {
            return Value::Undefined(reason);
        }
        let v = numerator / denominator;
        if v.is_finite() {
            Value::Defined(v)
        } else {
            Value::Undefined(reason)
        }
    }

    /// `1 - observed / expected` for disagreement-based coefficients (alpha).
    pub(crate) fn one_minus_ratio(observed: f64, expected: f64) -> Value {
        match Value::ratio(observed, expected, Undefined::NoExpectedDisagreement) {
            Value::Defined(r) => Value::Defined(1.0 - r),
            undefined => undefined,
        }
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Defined(v) => write!(f, "{v:.4}"),
            Value::Undefined(why) => write!(f, "undefined ({why})"),
        }
    }
}

/// Why a measure has no value on some input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Undefined {
    /// There is nothing to compare: no unit was coded by the coders a measure needs.
    NoItems,
    /// No unit has two or more values, so no pair of values can be compared.
    NoPairableUnits,
    /// Chance agreement is total (expected disagreement 0), typically because only one
    /// category occurs: the coefficient divides by zero.
    NoExpectedDisagreement,
    /// Precision has no denominator: the compared annotation has no item.
    NoComparedItems,
    /// Recall has no denominator: the reference annotation has no item.
    NoReferenceItems,
    /// F1 has no denominator: neither annotation has an item.
    NoItemsEitherSide,
}

impl fmt::Display for Undefined {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Undefined::NoItems => "no unit was coded by the coders compared",
            Undefined::NoPairableUnits => "no unit has two or more values to pair",
            Undefined::NoExpectedDisagreement => {
                "expected disagreement is 0 (only one category occurs), so chance correction divides by zero"
            }
            Undefined::NoComparedItems => "the compared annotation has no item, so precision is 0/0",
            Undefined::NoReferenceItems => "the reference annotation has no item, so recall is 0/0",
            Undefined::NoItemsEitherSide => "neither annotation has an item, so F1 is 0/0",
        })
    }
}

/// The result of an agreement coefficient: its value and the number of items it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Agreement {
    /// The coefficient, or why it is undefined.
    pub value: Value,
    /// How many items (units, or unitizing segments) the coefficient rests on; what an
    /// item is is said by each measure.
    pub items: usize,
}

impl Agreement {
    pub(crate) fn undefined(reason: Undefined, items: usize) -> Agreement {
        Agreement {
            value: Value::Undefined(reason),
            items,
        }
    }
}

/// Precision, recall and F1 of a compared annotation B against a reference A.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    /// Items of B that match A, over the items of B.
    pub precision: Value,
    /// Items of A that match B, over the items of A.
    pub recall: Value,
    /// The harmonic mean of precision and recall; defined (possibly 0) whenever A or B has an item.
    pub f1: Value,
    /// Items of the reference A (the support).
    pub reference: usize,
    /// Items of the compared B.
    pub compared: usize,
    /// Items of B that match some item of A.
    pub matched_compared: usize,
    /// Items of A that match some item of B.
    pub matched_reference: usize,
}

impl Scores {
    /// Scores from the four counts; F1 is 2PR/(P+R), and 0 when one side has items but nothing matches.
    #[must_use]
    pub fn from_counts(
        reference: usize,
        compared: usize,
        matched_reference: usize,
        matched_compared: usize,
    ) -> Scores {
        let precision = Value::ratio(
            matched_compared as f64,
            compared as f64,
            Undefined::NoComparedItems,
        );
        let recall = Value::ratio(
            matched_reference as f64,
            reference as f64,
            Undefined::NoReferenceItems,
        );
        let f1 = if reference == 0 && compared == 0 {
            Value::Undefined(Undefined::NoItemsEitherSide)
        } else {
            let p = precision.get().unwrap_or(0.0);
            let r = recall.get().unwrap_or(0.0);
            if p + r == 0.0 {
                Value::Defined(0.0)
            } else {
                Value::Defined(2.0 * p * r / (p + r))
            }
        };
        Scores {
            precision,
            recall,
            f1,
            reference,
            compared,
            matched_compared,
            matched_reference,
        }
    }
}

/// A macro average: the unweighted mean of per-label scores.
///
/// A per-label precision or recall that is undefined (the label occurs on one side only)
/// counts as 0, as seqeval and scikit-learn do with `zero_division=0`; `labels` says how
/// many labels the mean is over.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MacroScores {
    /// Mean per-label precision.
    pub precision: Value,
    /// Mean per-label recall.
    pub recall: Value,
    /// Mean per-label F1.
    pub f1: Value,
    /// Number of labels averaged (those occurring in A or B).
    pub labels: usize,
}

impl MacroScores {
    pub(crate) fn of<'a>(per_label: impl Iterator<Item = &'a Scores>) -> MacroScores {
        let (mut p, mut r, mut f, mut n) = (0.0, 0.0, 0.0, 0usize);
        for s in per_label {
            p += s.precision.get().unwrap_or(0.0);
            r += s.recall.get().unwrap_or(0.0);
            f += s.f1.get().unwrap_or(0.0);
            n += 1;
        }
        let mean = |x: f64| Value::ratio(x, n as f64, Undefined::NoItemsEitherSide);
        MacroScores {
            precision: mean(p),
            recall: mean(r),
            f1: mean(f),
            labels: n,
        }
    }
}
