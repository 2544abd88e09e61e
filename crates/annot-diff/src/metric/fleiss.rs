//! Fleiss' kappa for a fixed number of ratings per unit (Fleiss 1971).

use super::reliability::{categories, index_of, unit_counts};
use super::{Agreement, ReliabilityData, Undefined, Value};
use crate::MetricError;

/// Fleiss' kappa over a reliability matrix: every unit must carry the same number of values.
///
/// The raters of one unit need not be those of another (missing cells are fine), but
/// the *number* of values must be the same for every unit, as Fleiss defines; a unit
/// with another number is an error, not silently dropped — use Krippendorff's alpha for
/// varying numbers. A matrix with no unit is undefined ([`Undefined::NoItems`]).
///
/// # Errors
/// [`MetricError::UnequalRatings`] when a unit has a different number of values than the first.
pub fn fleiss_kappa(data: &ReliabilityData) -> Result<Agreement, MetricError> {
    let cats = categories(data, 0);
    let mut counts = Vec::new();
    let mut row = vec![0u64; cats.len()];
    let mut table = FleissTable::default();
    for (unit, k) in data.iter_counted() {
        unit_counts(unit, &mut counts);
        row.iter_mut().for_each(|n| *n = 0);
        for &(c, n) in &counts {
            row[index_of(&cats, c)] = n;
        }
        table.add(&row, k)?;
    }
    Ok(table.kappa())
}

/// The sums Fleiss' kappa rests on, row by row (a row standing for `k` subjects).
#[derive(Default)]
struct FleissTable {
    raters: Option<u64>,
    column: Vec<u128>,
    squares: u128,
    /// Subjects added so far: a counted row standing for `k` units covers units
    /// `subjects..subjects + k`, so the first of them is the error's unit index.
    subjects: u64,
}

impl FleissTable {
    fn add(&mut self, row: &[u64], k: u64) -> Result<(), MetricError> {
        let found: u64 = row.iter().sum();
        let raters = *self.raters.get_or_insert(found);
        if found != raters {
            return Err(MetricError::UnequalRatings {
                unit: usize::try_from(self.subjects).unwrap_or(usize::MAX),
                expected: raters,
                found,
            });
        }
        if self.column.len() < row.len() {
            self.column.resize(row.len(), 0);
        }
        for (j, &n) in row.iter().enumerate() {
            self.column[j] += u128::from(k) * u128::from(n);
            self.squares += u128::from(k) * u128::from(n) * u128::from(n);
        }
        self.subjects += k;
        Ok(())
    }

    fn kappa(&self) -> Agreement {
        let subjects = usize::try_from(self.subjects).unwrap_or(usize::MAX);
        let Some(raters) = self.raters else {
            return Agreement::undefined(Undefined::NoItems, 0);
        };
        if raters < 2 {
            return Agreement::undefined(Undefined::NoPairableUnits, subjects);
        }
        let (big_n, n) = (self.subjects as f64, raters as f64);
        let total = big_n * n;
        let p_bar = (self.squares as f64 - total) / (total * (n - 1.0));
        let column_squares: u128 = self.column.iter().map(|c| c * c).sum();
        let all = u128::from(raters) * u128::from(self.subjects);
        if column_squares == all * all {
            return Agreement::undefined(Undefined::NoExpectedDisagreement, subjects);
        }
        let p_e = column_squares as f64 / (total * total);
        Agreement {
            value: Value::ratio(p_bar - p_e, 1.0 - p_e, Undefined::NoExpectedDisagreement),
            items: subjects,
        }
    }
}

/// Fleiss' kappa from a subjects × categories table of rating counts (Fleiss' own layout,
/// and that of statsmodels' `fleiss_kappa`).
///
/// κ = (P̄ − P_e) / (1 − P_e), with P̄ the mean per-subject agreement and P_e = Σ_j p_j².
/// `items` is the number of subjects. Undefined with no subject ([`Undefined::NoItems`]),
/// with one rating per subject ([`Undefined::NoPairableUnits`]), or when only one category
/// is used (P_e = 1, [`Undefined::NoExpectedDisagreement`]; statsmodels gives NaN).
///
/// # Errors
/// [`MetricError::UnequalRatings`] when the rows do not all sum to the same number of ratings.
pub fn fleiss_kappa_table<R: AsRef<[u64]>>(table: &[R]) -> Result<Agreement, MetricError> {
    let mut sums = FleissTable::default();
    for row in table {
        sums.add(row.as_ref(), 1)?;
    }
    Ok(sums.kappa())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Wikipedia, "Fleiss' kappa", worked example: 10 subjects, 14 raters, 5 categories;
    /// P̄ = 0.378, P_e = 0.213, κ = 0.210 (statsmodels: 0.20993070442195522).
    #[test]
    fn wikipedia_worked_example() {
        let table: [[u64; 5]; 10] = [
            [0, 0, 0, 0, 14],
            [0, 2, 6, 4, 2],
            [0, 0, 3, 5, 6],
            [0, 3, 9, 2, 0],
            [2, 2, 8, 1, 1],
            [7, 7, 0, 0, 0],
            [3, 2, 6, 3, 0],
            [2, 5, 3, 2, 2],
            [6, 5, 2, 1, 0],
            [0, 2, 2, 3, 7],
        ];
        let k = fleiss_kappa_table(&table).unwrap();
        assert_eq!(k.items, 10);
        let k = k.value.get().unwrap();
        assert!((k - 0.210).abs() < 5e-4, "{k}");
        assert!((k - 0.209_930_704_421_955_22).abs() < 1e-12, "{k}");
    }

    /// Fleiss (1971), p. 379: 30 patients, 6 psychiatrists, 5 diagnoses; κ = 0.430
    /// (P̄ 0.5556, P_e 0.2201), the data as DKPro Statistics' Fleiss1971Test gives them.
    #[test]
    fn fleiss_1971_psychiatric_diagnoses() {
        let units: [[u32; 6]; 30] = [
            [4, 4, 4, 4, 4, 4],
            [2, 2, 2, 5, 5, 5],
            [2, 3, 3, 3, 3, 5],
            [5, 5, 5, 5, 5, 5],
            [2, 2, 2, 4, 4, 4],
            [1, 1, 3, 3, 3, 3],
            [3, 3, 3, 3, 5, 5],
            [1, 1, 3, 3, 3, 4],
            [1, 1, 4, 4, 4, 4],
            [5, 5, 5, 5, 5, 5],
            [1, 4, 4, 4, 4, 4],
            [1, 2, 4, 4, 4, 4],
            [2, 2, 2, 3, 3, 3],
            [1, 4, 4, 4, 4, 4],
            [2, 2, 4, 4, 4, 5],
            [3, 3, 3, 3, 3, 5],
            [1, 1, 1, 4, 5, 5],
            [1, 1, 1, 1, 1, 2],
            [2, 2, 4, 4, 4, 4],
            [1, 3, 3, 5, 5, 5],
            [5, 5, 5, 5, 5, 5],
            [2, 4, 4, 4, 4, 4],
            [2, 2, 4, 5, 5, 5],
            [1, 1, 4, 4, 4, 4],
            [1, 4, 4, 4, 4, 5],
            [2, 2, 2, 2, 2, 4],
            [1, 1, 1, 1, 5, 5],
            [2, 2, 4, 4, 4, 4],
            [1, 3, 3, 3, 3, 3],
            [5, 5, 5, 5, 5, 5],
        ];
        let data = ReliabilityData::from_units(6, units.map(|r| r.map(Some))).unwrap();
        let k = fleiss_kappa(&data).unwrap().value.get().unwrap();
        assert!((k - 0.430).abs() < 5e-4, "{k}");
    }

    #[test]
    fn undefined_and_errors() {
        let one: [[u64; 1]; 2] = [[3], [3]];
        assert_eq!(
            fleiss_kappa_table(&one).unwrap().value,
            Value::Undefined(Undefined::NoExpectedDisagreement)
        );
        let uneven =
            ReliabilityData::from_units(3, [[Some(1), Some(2), Some(1)], [Some(1), None, Some(2)]])
                .unwrap();
        assert_eq!(
            fleiss_kappa(&uneven),
            Err(MetricError::UnequalRatings {
                unit: 1,
                expected: 3,
                found: 2
            })
        );
        // A counted row stands for several units: the error names the unit, not the row.
        let counted = ReliabilityData::from_counted(
            3,
            [
                (&[Some(1), Some(2), Some(1)][..], 4),
                (&[Some(2), Some(2), Some(2)][..], 3),
                (&[Some(1), None, Some(2)][..], 2),
            ],
        )
        .unwrap();
        assert_eq!(
            fleiss_kappa(&counted),
            Err(MetricError::UnequalRatings {
                unit: 7,
                expected: 3,
                found: 2
            })
        );
        let none: [[u64; 2]; 0] = [];
        assert_eq!(
            fleiss_kappa_table(&none).unwrap(),
            Agreement::undefined(Undefined::NoItems, 0)
        );
    }
}
