//! Gwet's AC1 (Gwet 2008), robust to the "kappa paradox" of skewed marginals.

use super::observed::observed_agreement;
use super::reliability::{categories, index_of, unit_counts};
use super::{Agreement, ReliabilityData, Undefined, Value};

/// Gwet's AC1 for any number of coders and missing values.
///
/// AC1 = (p_a − p_e) / (1 − p_e), with p_a the [`observed_agreement`] (over units with two
/// or more values), π_k the mean over units with at least one value of the share of the
/// unit's values in category k, and p_e = Σ_k π_k (1 − π_k) / (q − 1), q the number of
/// categories that occur in the data. `items` is the number of pairable units. Undefined
/// with no pairable unit, or with one category only (q = 1: p_e divides by zero).
#[must_use]
pub fn gwet_ac1(data: &ReliabilityData) -> Agreement {
    let observed = observed_agreement(data);
    let Value::Defined(p_a) = observed.value else {
        return observed;
    };
    let cats = categories(data, 1);
    let q = cats.len();
    if q < 2 {
        return Agreement::undefined(Undefined::NoExpectedDisagreement, observed.items);
    }
    let mut pi = vec![0.0; q];
    let mut counts = Vec::new();
    let mut coded = 0u64;
    for (unit, k) in data.iter_counted() {
        let m = unit_counts(unit, &mut counts);
        if m == 0 {
            continue;
        }
        coded += k;
        for &(c, n) in &counts {
            pi[index_of(&cats, c)] += k as f64 * (n as f64 / m as f64);
        }
    }
    let coded = coded as f64;
    let p_e = pi
        .iter()
        .map(|s| {
            let p = s / coded;
            p * (1.0 - p)
        })
        .sum::<f64>()
        / (q - 1) as f64;
    Agreement {
        value: Value::ratio(p_a - p_e, 1.0 - p_e, Undefined::NoExpectedDisagreement),
        items: observed.items,
    }
}

#[cfg(test)]
mod tests {
    use super::super::examples::{COHEN_1960_P37, COHEN_1960_P45};
    use super::*;

    fn ac1(cells: &[(u32, u32, usize)]) -> f64 {
        let data = ReliabilityData::from_contingency(cells);
        gwet_ac1(&data).value.get().unwrap()
    }

    /// Gwet (2008), as DKPro Statistics' Gwet2008Test computes it: a skewed 2×2 study
    /// (8 yes/yes, 1 no/no, 1 yes/no): p_a 0.9, p_e 0.255, AC1 0.8658.
    #[test]
    fn gwet_2008_hand_example() {
        let v = ac1(&[(1, 1, 8), (0, 0, 1), (1, 0, 1)]);
        assert!((v - 0.8658).abs() < 1e-4, "{v}");
    }

    /// Cohen's (1960) two tables under Gwet's (2008) definition, values from DKPro's
    /// Gwet2008Test: AC1 −0.0480 (p. 37) and 0.5760 (p. 45).
    #[test]
    fn cohen_1960_tables() {
        let v1 = ac1(&COHEN_1960_P37);
        assert!((v1 + 0.0480).abs() < 1e-4, "{v1}");
        let v2 = ac1(&COHEN_1960_P45);
        assert!((v2 - 0.5760).abs() < 1e-4, "{v2}");
    }

    #[test]
    fn one_category_is_undefined() {
        let data = ReliabilityData::from_units(2, [[Some(1), Some(1)]; 4]).unwrap();
        assert_eq!(
            gwet_ac1(&data).value,
            Value::Undefined(Undefined::NoExpectedDisagreement)
        );
    }
}
