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
        let mut cells = Vec::new();
        for (unit, row) in units.into_iter().enumerate() {
            let row = row.as_ref();
            if row.len() != coders {
                return Err(MetricError::CoderCountMismatch {
                    unit,
                    expected: coders,
                    found: row.len(),
                });
            }
            cells.extend_from_slice(row);
        }
        Ok(ReliabilityData { coders, cells })
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
        }
    }

    /// Number of coders (columns).
    #[must_use]
    pub fn coders(&self) -> usize {
        self.coders
    }

    /// Number of units (rows).
    #[must_use]
    pub fn units(&self) -> usize {
        self.cells.len().checked_div(self.coders).unwrap_or(0)
    }

    /// The cells of one unit, one per coder; empty past the last unit.
    #[must_use]
    pub fn unit(&self, unit: usize) -> &[Option<u32>] {
        let start = unit.saturating_mul(self.coders);
        self.cells
            .get(start..start.saturating_add(self.coders))
            .unwrap_or(&[])
    }

    /// The units in order, each as its cells.
    pub fn iter_units(&self) -> impl Iterator<Item = &[Option<u32>]> {
        self.cells.chunks(self.coders.max(1))
    }

    /// The matrix with the coders in another order (`order[i]` is the old index of new coder `i`).
    ///
    /// Indices out of range give missing values.
    #[must_use]
    pub fn with_coders(&self, order: &[usize]) -> ReliabilityData {
        let mut cells = Vec::with_capacity(self.units() * order.len());
        for unit in self.iter_units() {
            for &c in order {
                cells.push(unit.get(c).copied().flatten());
            }
        }
        ReliabilityData {
            coders: order.len(),
            cells,
        }
    }
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
    for unit in data.iter_units() {
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
