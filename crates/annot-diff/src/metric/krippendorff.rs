//! Krippendorff's alpha over a reliability data matrix, with the nominal, ordinal,
//! interval and ratio metrics (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").

use serde::Serialize;

use super::reliability::{index_of, unit_counts};
use super::{Agreement, ReliabilityData, Undefined, Value};
use crate::MetricError;

/// The difference function δ² of Krippendorff's alpha (the level of measurement).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DistanceMetric {
    /// δ² = 0 for equal categories, 1 otherwise.
    Nominal,
    /// δ²(c,k) = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², over the categories in id order,
    /// with n_g the number of pairable values of category g.
    Ordinal,
    /// δ² = (c − k)², the category id read as a number.
    Interval,
    /// δ² = ((c − k)/(c + k))², 0 when c + k = 0.
    Ratio,
}

/// Krippendorff's alpha, α = 1 − D_o / D_e, for any number of coders and missing values.
///
/// A unit with fewer than two values is not pairable and is left out, as Krippendorff
/// defines; `items` is the number of pairable units. The coincidence matrix is built in
/// one pass over the units. Undefined when no unit is pairable
/// ([`Undefined::NoPairableUnits`]) or when the expected disagreement is 0, e.g. only one
/// category occurs ([`Undefined::NoExpectedDisagreement`]): the `krippendorff` package
/// raises or returns NaN there.
#[must_use]
pub fn krippendorff_alpha(data: &ReliabilityData, metric: DistanceMetric) -> Agreement {
    let c = Coincidences::of(data);
    let delta = distances(&c.categories, &c.marginals, metric);
    c.alpha(&delta)
}

/// Krippendorff's alpha over units given once each with the number of times they occur:
/// the same value as [`krippendorff_alpha`] over the expanded matrix, for data with few
/// distinct units and very many units (token tags: most tokens are `O` for every coder).
///
/// # Errors
/// [`MetricError::CoderCountMismatch`] when a unit does not have `coders` cells.
pub fn krippendorff_alpha_counted(
    coders: usize,
    units: &[(Vec<Option<u32>>, u64)],
    metric: DistanceMetric,
) -> Result<Agreement, MetricError> {
    if let Some((unit, (row, _))) = units
        .iter()
        .enumerate()
        .find(|(_, (r, _))| r.len() != coders)
    {
        return Err(MetricError::CoderCountMismatch {
            unit,
            expected: coders,
            found: row.len(),
        });
    }
    let c = Coincidences::of_counted(|| units.iter().map(|(u, k)| (u.as_slice(), *k)));
    let delta = distances(&c.categories, &c.marginals, metric);
    Ok(c.alpha(&delta))
}

/// The coincidence matrix of the pairable values, built in one pass over the units.
pub(crate) struct Coincidences {
    /// The sorted distinct categories of the pairable units.
    pub(crate) categories: Vec<u32>,
    /// V × V, row-major.
    matrix: Vec<f64>,
    /// n_c, the row sums.
    pub(crate) marginals: Vec<f64>,
    /// Units with two or more values.
    pairable: usize,
}

impl Coincidences {
    pub(crate) fn of(data: &ReliabilityData) -> Coincidences {
        Coincidences::of_counted(|| data.iter_counted())
    }

    /// The coincidences of units given with their multiplicities: `units()` yields
    /// each distinct unit once with how many times it occurs (called twice).
    pub(crate) fn of_counted<'a, I>(units: impl Fn() -> I) -> Coincidences
    where
        I: Iterator<Item = (&'a [Option<u32>], u64)>,
    {
        let mut cats: Vec<u32> = units()
            .filter(|(u, k)| *k > 0 && u.iter().flatten().count() >= 2)
            .flat_map(|(u, _)| u.iter().flatten().copied())
            .collect();
        cats.sort_unstable();
        cats.dedup();
        let v = cats.len();
        let mut matrix = vec![0.0_f64; v * v];
        let mut counts = Vec::new();
        let mut pairable = 0usize;
        for (unit, times) in units() {
            let m = unit_counts(unit, &mut counts);
            if m < 2 || times == 0 {
                continue;
            }
            pairable += usize::try_from(times).unwrap_or(usize::MAX);
            let weight = times as f64 / (m - 1) as f64;
            for &(c, nc) in &counts {
                let ci = index_of(&cats, c);
                for &(k, nk) in &counts {
                    let ki = index_of(&cats, k);
                    let pairs = if c == k { nc * (nk - 1) } else { nc * nk };
                    matrix[ci * v + ki] += pairs as f64 * weight;
                }
            }
        }
        let marginals = (0..v)
            .map(|c| matrix[c * v..(c + 1) * v].iter().sum())
            .collect();
        Coincidences {
            categories: cats,
            matrix,
            marginals,
            pairable,
        }
    }

    /// α = 1 − D_o / D_e for a V × V matrix of δ² over the categories.
    pub(crate) fn alpha(&self, delta: &[f64]) -> Agreement {
        if self.pairable == 0 {
            return Agreement::undefined(Undefined::NoPairableUnits, 0);
        }
        let v = self.categories.len();
        let n: f64 = self.marginals.iter().sum();
        let mut observed = 0.0;
        let mut expected = 0.0;
        for c in 0..v {
            for k in 0..v {
                let d = delta[c * v + k];
                if d != 0.0 {
                    observed += self.matrix[c * v + k] * d;
                    expected += self.marginals[c] * self.marginals[k] * d;
                }
            }
        }
        // D_o = observed / n, D_e = expected / (n (n − 1)).
        Agreement {
            value: Value::one_minus_ratio(observed * (n - 1.0), expected),
            items: self.pairable,
        }
    }
}

/// The V × V matrix of δ² between the categories, row-major.
pub(crate) fn distances(cats: &[u32], marginals: &[f64], metric: DistanceMetric) -> Vec<f64> {
    let v = cats.len();
    let mut delta = vec![0.0; v * v];
    // cumulative[i] = Σ_{g < i} n_g, for the ordinal metric.
    let mut cumulative = Vec::with_capacity(v + 1);
    cumulative.push(0.0);
    for m in marginals {
        let last = cumulative.last().copied().unwrap_or(0.0);
        cumulative.push(last + m);
    }
    for c in 0..v {
        for k in 0..v {
            if c == k {
                continue;
            }
            let (x, y) = (f64::from(cats[c]), f64::from(cats[k]));
            delta[c * v + k] = match metric {
                DistanceMetric::Nominal => 1.0,
                DistanceMetric::Interval => (x - y).powi(2),
                DistanceMetric::Ratio => {
                    if x + y == 0.0 {
                        0.0
                    } else {
                        ((x - y) / (x + y)).powi(2)
                    }
                }
                DistanceMetric::Ordinal => {
                    let (lo, hi) = (c.min(k), c.max(k));
                    let between = cumulative[hi + 1] - cumulative[lo];
                    (between - (marginals[lo] + marginals[hi]) / 2.0).powi(2)
                }
            };
        }
    }
    delta
}

#[cfg(test)]
mod tests {
    use super::super::examples::ARTSTEIN_POESIO_2;
    use super::*;

    #[test]
    fn counted_units_give_the_alpha_of_the_expanded_matrix() {
        let distinct: Vec<(Vec<Option<u32>>, u64)> = vec![
            (vec![Some(0), Some(0), Some(0)], 50),
            (vec![Some(1), Some(2), None], 3),
            (vec![Some(1), Some(1), Some(2)], 7),
            (vec![Some(2), None, None], 4),
            (vec![Some(3), Some(3), Some(1)], 0),
        ];
        let expanded: Vec<Vec<Option<u32>>> = distinct
            .iter()
            .flat_map(|(u, k)| std::iter::repeat_n(u.clone(), *k as usize))
            .collect();
        let full = ReliabilityData::from_units(3, expanded).unwrap();
        for metric in [DistanceMetric::Nominal, DistanceMetric::Interval] {
            let a = krippendorff_alpha_counted(3, &distinct, metric).unwrap();
            let b = krippendorff_alpha(&full, metric);
            assert_eq!(a.items, b.items);
            assert!((a.value.get().unwrap() - b.value.get().unwrap()).abs() < 1e-12);
        }
        assert!(krippendorff_alpha_counted(2, &distinct, DistanceMetric::Nominal).is_err());
    }

    /// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: four
    /// coders (A–D) and twelve units, values 1–5, with missing values. The same matrix and
    /// the values 0.743 (nominal), 0.815 (ordinal), 0.797 (ratio) are in the docstring of the
    /// `krippendorff` PyPI package; 0.849 (interval) is the paper's value, which that
    /// package also returns (0.8491071428571428).
    pub(crate) fn krippendorff_2011() -> ReliabilityData {
        let n = None;
        let coders: [[Option<u32>; 12]; 4] = [
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(1),
                Some(4),
                Some(1),
                Some(2),
                n,
                n,
                n,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(2),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                n,
                Some(3),
            ],
            [
                n,
                Some(3),
                Some(3),
                Some(3),
                Some(2),
                Some(3),
                Some(4),
                Some(2),
                Some(2),
                Some(5),
                Some(1),
                n,
            ],
            [
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(4),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                Some(1),
                n,
            ],
        ];
        ReliabilityData::from_coders(&coders).unwrap()
    }

    fn alpha(data: &ReliabilityData, metric: DistanceMetric) -> f64 {
        krippendorff_alpha(data, metric).value.get().unwrap()
    }

    #[test]
    fn krippendorff_2011_published_values() {
        let data = krippendorff_2011();
        assert!((alpha(&data, DistanceMetric::Nominal) - 0.743).abs() < 5e-4);
        assert!((alpha(&data, DistanceMetric::Ordinal) - 0.815).abs() < 5e-4);
        assert!((alpha(&data, DistanceMetric::Interval) - 0.849).abs() < 5e-4);
        assert!((alpha(&data, DistanceMetric::Ratio) - 0.797).abs() < 5e-4);
        // The library's full-precision values.
        assert!((alpha(&data, DistanceMetric::Nominal) - 0.743_421_052_631_579).abs() < 1e-12);
        assert!((alpha(&data, DistanceMetric::Interval) - 0.849_107_142_857_142_8).abs() < 1e-12);
        assert_eq!(krippendorff_alpha(&data, DistanceMetric::Nominal).items, 11);
    }

    /// Wikipedia, "Krippendorff's alpha", computational example (three coders, fifteen
    /// units), also the docstring of the `krippendorff` package: nominal 0.691, interval 0.811.
    #[test]
    fn wikipedia_example() {
        let n = None;
        let s = Some;
        let coders: [[Option<u32>; 15]; 3] = [
            [
                n,
                n,
                n,
                n,
                n,
                s(3),
                s(4),
                s(1),
                s(2),
                s(1),
                s(1),
                s(3),
                s(3),
                n,
                s(3),
            ],
            [
                s(1),
                n,
                s(2),
                s(1),
                s(3),
                s(3),
                s(4),
                s(3),
                n,
                n,
                n,
                n,
                n,
                n,
                n,
            ],
            [
                n,
                n,
                s(2),
                s(1),
                s(3),
                s(4),
                s(4),
                n,
                s(2),
                s(1),
                s(1),
                s(3),
                s(3),
                n,
                s(4),
            ],
        ];
        let data = ReliabilityData::from_coders(&coders).unwrap();
        assert!((alpha(&data, DistanceMetric::Nominal) - 0.691_358).abs() < 5e-7);
        assert!((alpha(&data, DistanceMetric::Interval) - 0.810_845).abs() < 5e-7);
    }

    /// Artstein & Poesio (2008), p. 568 table (via DKPro Statistics' ArtsteinPoesio2008Test):
    /// nominal alpha 0.800 (D_o 0.120, D_e 0.601).
    #[test]
    fn artstein_poesio_2008_example_2() {
        let data = ReliabilityData::from_contingency(&ARTSTEIN_POESIO_2);
        assert!((alpha(&data, DistanceMetric::Nominal) - 0.800).abs() < 1e-3);
    }

    #[test]
    fn undefined_cases() {
        let one = ReliabilityData::from_units(2, [[Some(1), Some(1)], [Some(1), Some(1)]]).unwrap();
        assert_eq!(
            krippendorff_alpha(&one, DistanceMetric::Nominal).value,
            Value::Undefined(Undefined::NoExpectedDisagreement)
        );
        let lonely = ReliabilityData::from_units(2, [[Some(1), None], [None, Some(2)]]).unwrap();
        assert_eq!(
            krippendorff_alpha(&lonely, DistanceMetric::Interval),
            Agreement::undefined(Undefined::NoPairableUnits, 0)
        );
        let empty = ReliabilityData::from_units(3, Vec::<Vec<Option<u32>>>::new()).unwrap();
        assert_eq!(
            krippendorff_alpha(&empty, DistanceMetric::Ordinal).value,
            Value::Undefined(Undefined::NoPairableUnits)
        );
    }
}
