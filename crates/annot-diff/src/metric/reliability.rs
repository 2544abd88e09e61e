//! The reliability data matrix: units × coders, category ids, missing values allowed.

use crate::MetricError;

/// A reliability data matrix: for each unit, the category id each coder gave, or `None`.
///
/// Category ids are `u32`; for the interval and ratio metrics of Krippendorff's alpha the
/// id is read as the number itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReliabilityData {
    coders: usize,
    cells: Vec<Option<u32>>,
    /// How many units each row stands for (empty: one each), so that a corpus of units
    /// that repeat a few rows is held as those rows ([`ReliabilityData::from_counted`]).
    weights: Vec<u64>,
}

impl ReliabilityData {
    /// Builds the matrix from one row per unit, each with one cell per coder.
    ///
    /// # Errors
    /// [`MetricError::CoderCountMismatch`] when a row does not have `coders` cells.
    pub fn from_units<R>(
        coders: usize,
        units: impl IntoIterator<Item = R>,
    ) -> Result<Self, MetricError>
    where
        R: AsRef<[Option<u32>]>,
    {
        let data = Self::from_counted(coders, units.into_iter().map(|row| (row, 1)))?;
        Ok(ReliabilityData {
            weights: Vec::new(),
            ..data
        })
    }

    /// Builds the matrix from distinct rows, each with the number of units that have it:
    /// every measure gives what it gives over the rows repeated that many times, in the
    /// memory of the distinct rows. Rows counted 0 are left out.
    ///
    /// # Errors
    /// [`MetricError::CoderCountMismatch`] when a row does not have `coders` cells.
    pub fn from_counted<R>(
        coders: usize,
        units: impl IntoIterator<Item = (R, u64)>,
    ) -> Result<Self, MetricError>
    where
        R: AsRef<[Option<u32>]>,
    {
        let (mut cells, mut weights) = (Vec::new(), Vec::new());
        for (unit, (row, k)) in units.into_iter().enumerate() {
            let row = row.as_ref();
            if row.len() != coders {
                return Err(MetricError::CoderCountMismatch {
                    unit,
                    expected: coders,
                    found: row.len(),
                });
            }
            if k > 0 {
                cells.extend_from_slice(row);
                weights.push(k);
            }
        }
        Ok(ReliabilityData {
            coders,
            cells,
            weights,
        })
    }

    /// Builds the matrix from one row per coder (the layout of the `krippendorff` package).
    ///
    /// # Errors
    /// [`MetricError::CoderCountMismatch`] when the coders' rows differ in length (the
    /// unit reported is the first one past the shortest row).
    pub fn from_coders<R>(coders: &[R]) -> Result<Self, MetricError>
    where
        R: AsRef<[Option<u32>]>,
    {
        let units = coders.first().map_or(0, |c| c.as_ref().len());
        for c in coders {
            let len = c.as_ref().len();
            if len != units {
                return Err(MetricError::CoderCountMismatch {
                    unit: len.min(units),
                    expected: coders.len(),
                    found: coders
                        .iter()
                        .filter(|c| c.as_ref().len() > len.min(units))
                        .count(),
                });
            }
        }
        let mut cells = Vec::with_capacity(units * coders.len());
        for u in 0..units {
            for c in coders {
                cells.push(c.as_ref().get(u).copied().flatten());
            }
        }
        Ok(ReliabilityData {
            coders: coders.len(),
            cells,
            weights: Vec::new(),
        })
    }

    /// Builds a two-coder matrix from a contingency table: `(first coder's category,
    /// second coder's category, number of units)`.
    #[must_use]
    pub fn from_contingency(cells: &[(u32, u32, usize)]) -> Self {
        let mut data = Vec::new();
        for &(a, b, k) in cells {
            for _ in 0..k {
                data.push(Some(a));
                data.push(Some(b));
            }
        }
        ReliabilityData {
            coders: 2,
            cells: data,
            weights: Vec::new(),
        }
    }

    /// Number of coders (columns).
    #[must_use]
    pub fn coders(&self) -> usize {
        self.coders
    }

    /// Number of units (with [`ReliabilityData::from_counted`], the sum of the counts).
    #[must_use]
    pub fn units(&self) -> usize {
        if self.weights.is_empty() {
            return self.cells.len().checked_div(self.coders).unwrap_or(0);
        }
        self.weights
            .iter()
            .map(|&k| usize::try_from(k).unwrap_or(usize::MAX))
            .fold(0, usize::saturating_add)
    }

    /// The cells of row `row`, one per coder; empty past the last row.
    #[must_use]
    pub fn unit(&self, row: usize) -> &[Option<u32>] {
        let start = row.saturating_mul(self.coders);
        self.cells
            .get(start..start.saturating_add(self.coders))
            .unwrap_or(&[])
    }

    /// The rows in order, each as its cells and the number of units it stands for (1 but
    /// for [`ReliabilityData::from_counted`]). Every measure reads the matrix this way.
    pub fn iter_counted(&self) -> impl Iterator<Item = (&[Option<u32>], u64)> {
        counted_rows(&self.cells, self.coders, &self.weights)
    }

    /// The matrix with the coders in another order (`order[i]` is the old index of new coder `i`).
    ///
    /// Indices out of range give missing values.
    #[must_use]
    pub fn with_coders(&self, order: &[usize]) -> ReliabilityData {
        let mut cells = Vec::with_capacity(self.cells.len() / self.coders.max(1) * order.len());
        for (unit, _) in self.iter_counted() {
            for &c in order {
                cells.push(unit.get(c).copied().flatten());
            }
        }
        ReliabilityData {
            coders: order.len(),
            cells,
            weights: self.weights.clone(),
        }
    }
}

/// The rows of `coders` cells each, with their counts (`weights` empty: 1 each).
pub(crate) fn counted_rows<'a, C>(
    cells: &'a [C],
    coders: usize,
    weights: &'a [u64],
) -> impl Iterator<Item = (&'a [C], u64)> {
    let counted = (!weights.is_empty()).then_some(weights.iter().copied());
    let ones = weights.is_empty().then(|| std::iter::repeat(1));
    cells.chunks(coders.max(1)).zip(
        counted
            .into_iter()
            .flatten()
            .chain(ones.into_iter().flatten()),
    )
}

/// The values of one unit counted per category, sorted by category: `(category, count)`.
///
/// Units have few coders, so a sorted small vector beats a map.
pub(crate) fn unit_counts(unit: &[Option<u32>], out: &mut Vec<(u32, u64)>) -> u64 {
    out.clear();
    let mut m = 0;
    for v in unit.iter().flatten() {
        m += 1;
        match out.binary_search_by_key(v, |&(c, _)| c) {
            Ok(i) => out[i].1 += 1,
            Err(i) => out.insert(i, (*v, 1)),
        }
    }
    m
}

/// The sorted distinct categories of the units with at least `min_values` values.
pub(crate) fn categories(data: &ReliabilityData, min_values: usize) -> Vec<u32> {
    let mut cats: Vec<u32> = Vec::new();
    for (unit, _) in data.iter_counted() {
        if unit.iter().flatten().count() >= min_values {
            cats.extend(unit.iter().flatten());
        }
    }
    cats.sort_unstable();
    cats.dedup();
    cats
}

/// The dense index of a category in a sorted category list.
pub(crate) fn index_of(categories: &[u32], category: u32) -> usize {
    categories.binary_search(&category).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::super::{
        DistanceMetric, SetData, SetDistance, cohen_kappa, fleiss_kappa, gwet_ac1,
        krippendorff_alpha, observed_agreement, per_value_alpha, scott_pi, set_alpha,
    };
    use super::ReliabilityData;

    /// Distinct rows with counts give every measure what the rows repeated give.
    #[test]
    fn counted_rows_score_as_the_rows_repeated() {
        let distinct: [([Option<u32>; 2], u64); 6] = [
            ([Some(0), Some(0)], 41),
            ([Some(1), Some(1)], 17),
            ([Some(0), Some(1)], 6),
            ([Some(2), Some(1)], 3),
            ([Some(2), Some(2)], 9),
            ([Some(1), Some(0)], 4),
        ];
        let repeated: Vec<[Option<u32>; 2]> = distinct
            .iter()
            .flat_map(|(r, k)| std::iter::repeat_n(*r, *k as usize))
            .collect();
        let plain = ReliabilityData::from_units(2, &repeated).unwrap();
        let counted =
            ReliabilityData::from_counted(2, distinct.iter().map(|(r, k)| (r, *k))).unwrap();
        assert_eq!(counted.units(), plain.units());
        let close = |a: f64, b: f64| assert!((a - b).abs() < 1e-12, "{a} vs {b}");
        let both = |f: &dyn Fn(&ReliabilityData) -> super::super::Agreement| {
            let (x, y) = (f(&plain), f(&counted));
            assert_eq!(x.items, y.items);
            close(x.value.get().unwrap(), y.value.get().unwrap());
        };
        both(&observed_agreement);
        both(&gwet_ac1);
        both(&|d| krippendorff_alpha(d, DistanceMetric::Nominal));
        both(&|d| cohen_kappa(d).unwrap());
        both(&|d| scott_pi(d).unwrap());
        both(&|d| fleiss_kappa(d).unwrap());
        // Reordering the coders keeps the counts.
        both(&|d| cohen_kappa(&d.with_coders(&[1, 0])).unwrap());

        // And sets, with a missing value and the empty set among them.
        let sets: [([Option<Vec<u32>>; 2], u64); 4] = [
            ([Some(vec![1, 2]), Some(vec![1])], 5),
            ([Some(vec![2]), Some(vec![2])], 11),
            ([Some(vec![]), Some(vec![3])], 2),
            ([None, Some(vec![1])], 3),
        ];
        let plain = SetData::from_units(
            2,
            sets.iter()
                .flat_map(|(r, k)| std::iter::repeat_n(r.clone(), *k as usize)),
        )
        .unwrap();
        let counted = SetData::from_counted(2, sets.iter().map(|(r, k)| (r.clone(), *k))).unwrap();
        for d in [SetDistance::Masi, SetDistance::Jaccard] {
            let (x, y) = (set_alpha(&plain, d), set_alpha(&counted, d));
            assert_eq!(x.items, y.items);
            close(x.value.get().unwrap(), y.value.get().unwrap());
        }
        let (x, y) = (per_value_alpha(&plain), per_value_alpha(&counted));
        assert_eq!(x.len(), 3);
        for ((vx, ax), (vy, ay)) in x.iter().zip(&y) {
            assert_eq!((vx, ax.items), (vy, ay.items));
            assert_eq!(ax.value.get().is_some(), ay.value.get().is_some());
            if let (Some(a), Some(b)) = (ax.value.get(), ay.value.get()) {
                close(a, b);
            }
        }
    }
}
