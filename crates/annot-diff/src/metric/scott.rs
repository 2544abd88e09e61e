//! Scott's pi for two coders (Scott 1955).

use super::cohen::two_coder_table;
use super::{Agreement, ReliabilityData, Undefined, Value};
use crate::MetricError;

/// Scott's pi, π = (p_o − p_e) / (1 − p_e), with p_e from the two coders' pooled marginals.
///
/// Only units both coders coded count (`items`). It equals Fleiss' kappa with two ratings
/// per unit. Undefined with no such unit, or when only one category occurs.
///
/// # Errors
/// [`MetricError::NotTwoCoders`] unless the data has exactly two coders.
pub fn scott_pi(data: &ReliabilityData) -> Result<Agreement, MetricError> {
    let t = two_coder_table(data, "Scott's pi")?;
    if t.units == 0 {
        return Ok(Agreement::undefined(Undefined::NoItems, 0));
    }
    // In counts: π = (4n·agree − Σ (a_k + b_k)²) / (4n² − Σ (a_k + b_k)²).
    let pooled: u128 = t
        .first
        .iter()
        .zip(&t.second)
        .map(|(&a, &b)| u128::from(a + b).pow(2))
        .sum();
    let n = u128::from(t.units);
    let numerator = (4 * n * u128::from(t.agreeing)) as f64 - pooled as f64;
    let denominator = (4 * n * n - pooled) as f64;
    Ok(Agreement {
        value: Value::ratio(numerator, denominator, Undefined::NoExpectedDisagreement),
        items: t.units as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::super::examples::{ARTSTEIN_POESIO_1, ARTSTEIN_POESIO_2};
    use super::*;

    fn pi(cells: &[(u32, u32, usize)]) -> f64 {
        let data = ReliabilityData::from_contingency(cells);
        scott_pi(&data).unwrap().value.get().unwrap()
    }

    /// Artstein & Poesio (2008), pp. 558 and 568 (via DKPro's ArtsteinPoesio2008Test):
    /// π 0.341 and 0.7995.
    #[test]
    fn artstein_poesio_2008_examples() {
        let p1 = pi(&ARTSTEIN_POESIO_1);
        assert!((p1 - 0.341).abs() < 5e-4, "{p1}");
        let p2 = pi(&ARTSTEIN_POESIO_2);
        assert!((p2 - 0.7995).abs() < 5e-5, "{p2}");
    }

    /// Krippendorff (1995), p. 57, section A digitised (via DKPro's Krippendorff1995Test):
    /// π 0.314 (and κ 0.385).
    #[test]
    fn krippendorff_1995_digitised() {
        let a = "001111111100001111110000";
        let b = "000011110000000110000000";
        let mut cells = Vec::new();
        for (x, y) in a.bytes().zip(b.bytes()) {
            cells.push((u32::from(x - b'0'), u32::from(y - b'0'), 1));
        }
        assert!((pi(&cells) - 0.314).abs() < 1e-3);
    }
}
