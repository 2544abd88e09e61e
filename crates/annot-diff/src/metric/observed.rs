//! Observed (percentage) agreement.

use super::reliability::unit_counts;
use super::{Agreement, ReliabilityData, Undefined, Value};

/// The mean over pairable units of the share of agreeing coder pairs in the unit.
///
/// For a unit with m ≥ 2 values, n_c of category c, the unit's agreement is
/// Σ_c n_c (n_c − 1) / (m (m − 1)); with two coders this is the share of units on which
/// they agree, and with a fixed number of coders it is Fleiss' P̄. Units with fewer than
/// two values are left out; `items` is the number of pairable units.
#[must_use]
pub fn observed_agreement(data: &ReliabilityData) -> Agreement {
    let mut counts = Vec::new();
    let mut sum = 0.0;
    let mut units = 0usize;
    for (unit, k) in data.iter_counted() {
        let m = unit_counts(unit, &mut counts);
        if m < 2 {
            continue;
        }
        units += usize::try_from(k).unwrap_or(usize::MAX);
        let agreeing: u64 = counts.iter().map(|&(_, n)| n * (n - 1)).sum();
        sum += k as f64 * (agreeing as f64 / (m * (m - 1)) as f64);
    }
    Agreement {
        value: Value::ratio(sum, units as f64, Undefined::NoPairableUnits),
        items: units,
    }
}

#[cfg(test)]
mod tests {
    use super::super::examples::ARTSTEIN_POESIO_1;
    use super::*;

    /// Artstein & Poesio (2008), p. 558 (via DKPro Statistics' ArtsteinPoesio2008Test):
    /// observed agreement 0.7.
    #[test]
    fn artstein_poesio_2008_example_1() {
        let data = ReliabilityData::from_contingency(&ARTSTEIN_POESIO_1);
        let a = observed_agreement(&data);
        assert_eq!(a.items, 100);
        assert!((a.value.get().unwrap() - 0.7).abs() < 1e-12);
    }

    /// Fleiss (1971), p. 379, first units: agreement 1.000, 0.400, 0.400 (six raters), as
    /// DKPro Statistics' Fleiss1971Test lists them.
    #[test]
    fn fleiss_1971_unit_agreement() {
        let data = ReliabilityData::from_units(
            6,
            [[4, 4, 4, 4, 4, 4], [2, 2, 2, 5, 5, 5], [2, 3, 3, 3, 3, 5]].map(|r| r.map(Some)),
        )
        .unwrap();
        let mean = observed_agreement(&data).value.get().unwrap();
        assert!((mean - (1.0 + 0.4 + 0.4) / 3.0).abs() < 1e-12);
    }

    #[test]
    fn nothing_pairable() {
        let data = ReliabilityData::from_units(2, [[Some(1), None]]).unwrap();
        assert_eq!(
            observed_agreement(&data),
            Agreement::undefined(Undefined::NoPairableUnits, 0)
        );
    }
}
