//! Multi-label layers (a document may take several values of one label): agreement per
//! value as binary decisions, and Krippendorff's alpha over whole sets with the MASI or
//! Jaccard distance.

use std::collections::BTreeMap;

use serde::Serialize;

use super::krippendorff::Coincidences;
use super::{Agreement, DistanceMetric, ReliabilityData, krippendorff_alpha};
use crate::MetricError;

/// Units × coders of value sets: each cell the set of value ids a coder chose, or `None`
/// when the coder did not code the unit (an empty set is a decision: "none of them").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetData {
    coders: usize,
    cells: Vec<Option<Vec<u32>>>,
    /// How many units each row stands for ([`SetData::from_counted`]; empty: one each).
    weights: Vec<u64>,
}

impl SetData {
    /// Builds the matrix from one row per unit, one cell per coder; sets are sorted and deduplicated.
    ///
    /// # Errors
    /// [`MetricError::CoderCountMismatch`] when a row does not have `coders` cells.
    pub fn from_units<R>(
        coders: usize,
        units: impl IntoIterator<Item = R>,
    ) -> Result<Self, MetricError>
    where
        R: IntoIterator<Item = Option<Vec<u32>>>,
    {
        Self::from_counted(coders, units.into_iter().map(|row| (row, 1))).map(|data| SetData {
            weights: Vec::new(),
            ..data
        })
    }

    /// Builds the matrix from distinct rows, each with the number of units that have it
    /// (as [`ReliabilityData::from_counted`]); rows counted 0 are left out.
    ///
    /// # Errors
    /// [`MetricError::CoderCountMismatch`] when a row does not have `coders` cells.
    pub fn from_counted<R>(
        coders: usize,
        units: impl IntoIterator<Item = (R, u64)>,
    ) -> Result<Self, MetricError>
    where
        R: IntoIterator<Item = Option<Vec<u32>>>,
    {
        let (mut cells, mut weights) = (Vec::new(), Vec::new());
        for (unit, (row, k)) in units.into_iter().enumerate() {
            let before = cells.len();
            cells.extend(row.into_iter().map(|cell| {
                cell.map(|mut set| {
                    set.sort_unstable();
                    set.dedup();
                    set
                })
            }));
            if cells.len() - before != coders {
                return Err(MetricError::CoderCountMismatch {
                    unit,
                    expected: coders,
                    found: cells.len() - before,
                });
            }
            if k == 0 {
                cells.truncate(before);
            } else {
                weights.push(k);
            }
        }
        Ok(SetData {
            coders,
            cells,
            weights,
        })
    }

    /// The rows, each with the number of units it stands for.
    fn units(&self) -> impl Iterator<Item = (&[Option<Vec<u32>>], u64)> {
        super::reliability::counted_rows(&self.cells, self.coders, &self.weights)
    }
}

/// A distance between two sets of values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SetDistance {
    /// 1 − |A ∩ B| / |A ∪ B| (0 for two empty sets).
    Jaccard,
    /// MASI (Passonneau 2006): 1 − J · M, J the Jaccard similarity and M the monotonicity
    /// weight: 1 when A = B, 2/3 when one contains the other, 1/3 when they intersect
    /// otherwise, 0 when disjoint. (NLTK's `masi_distance` rounds M to 0.67 and 0.33.)
    Masi,
}

impl SetDistance {
    /// The distance between two sorted, deduplicated sets.
    #[must_use]
    pub fn between(self, a: &[u32], b: &[u32]) -> f64 {
        let (mut i, mut j, mut common) = (0, 0, 0usize);
        while i < a.len() && j < b.len() {
            match a[i].cmp(&b[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    common += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        let union = a.len() + b.len() - common;
        if union == 0 {
            return 0.0;
        }
        let jaccard = common as f64 / union as f64;
        match self {
            SetDistance::Jaccard => 1.0 - jaccard,
            SetDistance::Masi => {
                let monotonicity = if common == union {
                    1.0
                } else if common == a.len() || common == b.len() {
                    2.0 / 3.0
                } else if common > 0 {
                    1.0 / 3.0
                } else {
                    0.0
                };
                1.0 - jaccard * monotonicity
            }
        }
    }
}

/// Krippendorff's nominal alpha for each value as a binary decision (chosen or not), over
/// the units each coder coded; values in id order.
#[must_use]
pub fn per_value_alpha(data: &SetData) -> BTreeMap<u32, Agreement> {
    let mut values: Vec<u32> = data.cells.iter().flatten().flatten().copied().collect();
    values.sort_unstable();
    values.dedup();
    values
        .into_iter()
        .map(|value| {
            let rows = data.units().map(|(unit, k)| {
                let cells = unit
                    .iter()
                    .map(|cell| {
                        cell.as_ref()
                            .map(|set| u32::from(set.binary_search(&value).is_ok()))
                    })
                    .collect::<Vec<_>>();
                (cells, k)
            });
            let binary = ReliabilityData::from_counted(data.coders, rows);
            let alpha = binary.map_or(Agreement::undefined(super::Undefined::NoItems, 0), |b| {
                krippendorff_alpha(&b, DistanceMetric::Nominal)
            });
            (value, alpha)
        })
        .collect()
}

/// Krippendorff's alpha over whole sets with a set distance; units with fewer than two
/// coded sets are not pairable. Each distinct set is one category, so the cost grows with
/// the square of the number of distinct sets, not with the number of units.
#[must_use]
pub fn set_alpha(data: &SetData, distance: SetDistance) -> Agreement {
    let mut distinct: Vec<&Vec<u32>> = data.cells.iter().flatten().collect();
    distinct.sort_unstable();
    distinct.dedup();
    let id = |set: &Vec<u32>| {
        distinct
            .binary_search(&set)
            .ok()
            .and_then(|i| u32::try_from(i).ok())
    };
    let rows = data.units().map(|(unit, k)| {
        let cells = unit
            .iter()
            .map(|c| c.as_ref().and_then(id))
            .collect::<Vec<_>>();
        (cells, k)
    });
    let Ok(interned) = ReliabilityData::from_counted(data.coders, rows) else {
        return Agreement::undefined(super::Undefined::NoItems, 0);
    };
    let c = Coincidences::of(&interned);
    let v = c.categories.len();
    let mut delta = vec![0.0; v * v];
    for (x, &cx) in c.categories.iter().enumerate() {
        for (y, &cy) in c.categories.iter().enumerate() {
            let (a, b) = (distinct[cx as usize], distinct[cy as usize]);
            delta[x * v + y] = distance.between(a, b);
        }
    }
    c.alpha(&delta)
}

#[cfg(test)]
mod tests {
    use super::super::{Undefined, Value};
    use super::*;

    /// Passonneau (2006), "Measuring Agreement on Set-valued Items (MASI)": M = 1, 2/3,
    /// 1/3, 0 for identity, subsumption, intersection and disjunction, times Jaccard.
    #[test]
    fn masi_as_passonneau_defines_it() {
        let masi = |a: &[u32], b: &[u32]| SetDistance::Masi.between(a, b);
        assert_eq!(masi(&[1, 2], &[1, 2]), 0.0);
        assert!((masi(&[1], &[1, 2]) - (1.0 - 0.5 * 2.0 / 3.0)).abs() < 1e-15);
        assert!((masi(&[1, 2], &[2, 3]) - (1.0 - 1.0 / 3.0 / 3.0)).abs() < 1e-15);
        assert_eq!(masi(&[1], &[2]), 1.0);
        assert_eq!(masi(&[], &[]), 0.0);
        assert_eq!(masi(&[], &[1]), 1.0);
        assert!((SetDistance::Jaccard.between(&[1, 2], &[2, 3]) - 2.0 / 3.0).abs() < 1e-15);
    }

    /// With one value per coder both set distances are the nominal distance, so set alpha
    /// is nominal alpha: Krippendorff's (2011) example gives 0.743 again.
    #[test]
    fn singletons_reduce_to_nominal_alpha() {
        let rows: [[Option<u32>; 4]; 12] = [
            [Some(1), Some(1), None, Some(1)],
            [Some(2), Some(2), Some(3), Some(2)],
            [Some(3), Some(3), Some(3), Some(3)],
            [Some(3), Some(3), Some(3), Some(3)],
            [Some(2), Some(2), Some(2), Some(2)],
            [Some(1), Some(2), Some(3), Some(4)],
            [Some(4), Some(4), Some(4), Some(4)],
            [Some(1), Some(1), Some(2), Some(1)],
            [Some(2), Some(2), Some(2), Some(2)],
            [None, Some(5), Some(5), Some(5)],
            [None, None, Some(1), Some(1)],
            [None, Some(3), None, None],
        ];
        let sets = SetData::from_units(4, rows.map(|r| r.map(|c| c.map(|v| vec![v])))).unwrap();
        for d in [SetDistance::Masi, SetDistance::Jaccard] {
            let a = set_alpha(&sets, d);
            assert_eq!(a.items, 11);
            assert!((a.value.get().unwrap() - 0.743_421_052_631_579).abs() < 1e-12);
        }
    }

    #[test]
    fn per_value_and_partial_credit() {
        let sets = SetData::from_units(
            2,
            [
                [Some(vec![1, 2]), Some(vec![1])],
                [Some(vec![2]), Some(vec![2])],
                [Some(vec![]), Some(vec![])],
                [Some(vec![1]), None],
            ],
        )
        .unwrap();
        let per = per_value_alpha(&sets);
        assert_eq!(per.len(), 2);
        assert_eq!(per[&1].items, 3);
        let masi = set_alpha(&sets, SetDistance::Masi).value.get().unwrap();
        let jaccard = set_alpha(&sets, SetDistance::Jaccard).value.get().unwrap();
        assert!(masi.is_finite() && jaccard.is_finite());
        let same = SetData::from_units(2, [[Some(vec![1]), Some(vec![1])]]).unwrap();
        assert_eq!(
            set_alpha(&same, SetDistance::Masi).value,
            Value::Undefined(Undefined::NoExpectedDisagreement)
        );
        assert!(SetData::from_units(2, [vec![Some(vec![1])]]).is_err());
    }
}
