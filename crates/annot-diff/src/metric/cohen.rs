//! Cohen's kappa for two coders (Cohen 1960).

use super::{Agreement, ReliabilityData, Undefined, Value};
use crate::MetricError;

/// Marginals of two coders over the units both coded: categories, each coder's count per
/// category, the number of agreeing units and the number of units.
pub(crate) struct TwoCoderTable {
    pub(crate) first: Vec<u64>,
    pub(crate) second: Vec<u64>,
    pub(crate) agreeing: u64,
    pub(crate) units: u64,
}

pub(crate) fn two_coder_table(
    data: &ReliabilityData,
    measure: &'static str,
) -> Result<TwoCoderTable, MetricError> {
    if data.coders() != 2 {
        return Err(MetricError::NotTwoCoders {
            measure,
            found: data.coders(),
        });
    }
    let pairs: Vec<(u32, u32, u64)> = data
        .iter_counted()
        .filter_map(|(u, k)| match u {
            [Some(a), Some(b)] => Some((*a, *b, k)),
            _ => None,
        })
        .collect();
    Ok(counted_table(&pairs))
}

/// The two-coder table of `(first coder's category, second's, number of units)` cells.
pub(crate) fn counted_table(pairs: &[(u32, u32, u64)]) -> TwoCoderTable {
    let mut cats: Vec<u32> = pairs.iter().flat_map(|&(a, b, _)| [a, b]).collect();
    cats.sort_unstable();
    cats.dedup();
    let mut first = vec![0; cats.len()];
    let mut second = vec![0; cats.len()];
    let mut agreeing = 0;
    let mut units = 0;
    for &(a, b, k) in pairs {
        let (ai, bi) = (
            cats.binary_search(&a).unwrap_or(0),
            cats.binary_search(&b).unwrap_or(0),
        );
        first[ai] += k;
        second[bi] += k;
        agreeing += if a == b { k } else { 0 };
        units += k;
    }
    TwoCoderTable {
        first,
        second,
        agreeing,
        units,
    }
}

/// Cohen's kappa, κ = (p_o − p_e) / (1 − p_e), with p_e from each coder's own marginals.
///
/// Only units both coders coded count (`items`). Undefined with no such unit, or when
/// p_e = 1 (both coders used one and the same category): scikit-learn's
/// `cohen_kappa_score` returns NaN there.
///
/// # Errors
/// [`MetricError::NotTwoCoders`] unless the data has exactly two coders.
pub fn cohen_kappa(data: &ReliabilityData) -> Result<Agreement, MetricError> {
    Ok(kappa_of(&two_coder_table(data, "Cohen's kappa")?))
}

/// Cohen's kappa of a contingency table given as `(first coder's category, second
/// coder's category, number of units)`: the same value as [`cohen_kappa`] over the
/// units the table counts, without holding one row per unit.
#[must_use]
pub fn cohen_kappa_counted(cells: &[(u32, u32, u64)]) -> Agreement {
    kappa_of(&counted_table(cells))
}

fn kappa_of(t: &TwoCoderTable) -> Agreement {
    if t.units == 0 {
        return Agreement::undefined(Undefined::NoItems, 0);
    }
    // In counts: κ = (n·agree − Σ a_k b_k) / (n² − Σ a_k b_k); exact up to the final division.
    let chance: u128 = t
        .first
        .iter()
        .zip(&t.second)
        .map(|(&a, &b)| u128::from(a) * u128::from(b))
        .sum();
    let n = u128::from(t.units);
    let numerator = (n * u128::from(t.agreeing)) as f64 - chance as f64;
    let denominator = (n * n - chance) as f64;
    Agreement {
        value: Value::ratio(numerator, denominator, Undefined::NoExpectedDisagreement),
        items: usize::try_from(t.units).unwrap_or(usize::MAX),
    }
}

#[cfg(test)]
mod tests {
    use super::super::examples::{ARTSTEIN_POESIO_1, ARTSTEIN_POESIO_2, COHEN_1960_P45};
    use super::*;

    fn kappa(cells: &[(u32, u32, usize)]) -> f64 {
        let data = ReliabilityData::from_contingency(cells);
        cohen_kappa(&data).unwrap().value.get().unwrap()
    }

    /// Cohen (1960), p. 45, table of 200 units (via DKPro Statistics' Cohen1960Test):
    /// p_o 0.70, p_e 0.41, κ 0.492.
    #[test]
    fn cohen_1960_example() {
        let k = kappa(&COHEN_1960_P45);
        assert!((k - 0.492).abs() < 5e-4, "{k}");
    }

    /// Artstein & Poesio (2008), pp. 558 and 568 (via DKPro's ArtsteinPoesio2008Test):
    /// κ 0.348 and 0.801.
    #[test]
    fn artstein_poesio_2008_examples() {
        let k1 = kappa(&ARTSTEIN_POESIO_1);
        assert!((k1 - 0.348).abs() < 5e-4, "{k1}");
        let k2 = kappa(&ARTSTEIN_POESIO_2);
        assert!((k2 - 0.801).abs() < 5e-4, "{k2}");
    }

    #[test]
    fn a_counted_table_gives_the_kappa_of_its_units() {
        let cells = [(0, 0, 40), (0, 1, 9), (1, 0, 6), (1, 1, 45), (2, 1, 3)];
        let expanded: Vec<(u32, u32, usize)> =
            cells.iter().map(|&(a, b, k)| (a, b, k as usize)).collect();
        let full = cohen_kappa(&ReliabilityData::from_contingency(&expanded)).unwrap();
        assert_eq!(cohen_kappa_counted(&cells), full);
    }

    #[test]
    fn undefined_and_errors() {
        let one = ReliabilityData::from_contingency(&[(3, 3, 5)]);
        assert_eq!(
            cohen_kappa(&one).unwrap().value,
            Value::Undefined(Undefined::NoExpectedDisagreement)
        );
        let none = ReliabilityData::from_units(2, [[Some(1), None]]).unwrap();
        assert_eq!(
            cohen_kappa(&none).unwrap(),
            Agreement::undefined(Undefined::NoItems, 0)
        );
        let three = ReliabilityData::from_units(3, [[Some(1), Some(1), Some(1)]]).unwrap();
        assert!(matches!(
            cohen_kappa(&three),
            Err(MetricError::NotTwoCoders { found: 3, .. })
        ));
    }
}
