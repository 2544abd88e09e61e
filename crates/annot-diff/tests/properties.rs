//! Properties every agreement measure must keep, on random input.
#![allow(clippy::unwrap_used)]

use annot_diff::metric::{
    DistanceMetric, LabeledSpan, Matching, ReliabilityData, Value, cohen_kappa, fleiss_kappa,
    krippendorff_alpha, span_scores,
};
use proptest::prelude::*;

fn matrix(coders: usize) -> impl Strategy<Value = Vec<Vec<Option<u32>>>> {
    prop::collection::vec(
        prop::collection::vec(prop::option::weighted(0.8, 0u32..5), coders),
        0..25,
    )
}

fn same(a: Value, b: Value) -> bool {
    match (a, b) {
        (Value::Defined(x), Value::Defined(y)) => (x - y).abs() < 1e-9,
        (x, y) => x == y,
    }
}

fn in_range(v: Value) -> bool {
    v.get()
        .is_none_or(|x| (-1.0 - 1e-9..=1.0 + 1e-9).contains(&x))
}

const METRICS: [DistanceMetric; 4] = [
    DistanceMetric::Nominal,
    DistanceMetric::Ordinal,
    DistanceMetric::Interval,
    DistanceMetric::Ratio,
];

fn spans() -> impl Strategy<Value = Vec<LabeledSpan<u8>>> {
    prop::collection::vec((0usize..40, 1usize..8, 0u8..3), 0..8).prop_map(|v| {
        v.into_iter()
            .map(|(s, l, label)| LabeledSpan::new(s, s + l, label))
            .collect()
    })
}

proptest! {
    #[test]
    fn kappa_and_alpha_are_symmetric_in_coders(rows in matrix(3)) {
        let data = ReliabilityData::from_units(3, &rows).unwrap();
        let reversed = data.with_coders(&[2, 1, 0]);
        for metric in METRICS {
            prop_assert!(same(
                krippendorff_alpha(&data, metric).value,
                krippendorff_alpha(&reversed, metric).value
            ));
        }
        let two = data.with_coders(&[0, 1]);
        let swapped = data.with_coders(&[1, 0]);
        prop_assert!(same(cohen_kappa(&two).unwrap().value, cohen_kappa(&swapped).unwrap().value));
    }

    #[test]
    fn nominal_coefficients_lie_in_minus_one_one(rows in matrix(2)) {
        let data = ReliabilityData::from_units(2, &rows).unwrap();
        prop_assert!(in_range(krippendorff_alpha(&data, DistanceMetric::Nominal).value));
        prop_assert!(in_range(cohen_kappa(&data).unwrap().value));
    }

    #[test]
    fn total_agreement_with_variation_is_one(
        truth in prop::collection::vec(0u32..4, 2..20),
        coders in 2usize..5,
    ) {
        let rows: Vec<Vec<Option<u32>>> = truth.iter().map(|&v| vec![Some(v); coders]).collect();
        let data = ReliabilityData::from_units(coders, &rows).unwrap();
        let varied = truth.iter().any(|&v| v != truth[0]);
        for metric in METRICS {
            let a = krippendorff_alpha(&data, metric).value;
            if varied {
                prop_assert!(same(a, Value::Defined(1.0)), "{metric:?}: {a:?}");
            } else {
                prop_assert!(a.get().is_none());
            }
        }
        let f = fleiss_kappa(&data).unwrap().value;
        let expected = if varied { same(f, Value::Defined(1.0)) } else { f.get().is_none() };
        prop_assert!(expected, "fleiss: {:?}", f);
    }

    #[test]
    fn f1_is_symmetric_with_precision_and_recall_swapped(a in spans(), b in spans()) {
        for matching in [Matching::Exact, Matching::Overlap] {
            let ab = span_scores([(&a[..], &b[..])], matching).unwrap();
            let ba = span_scores([(&b[..], &a[..])], matching).unwrap();
            prop_assert!(same(ab.micro.f1, ba.micro.f1));
            prop_assert!(same(ab.micro.precision.get().map_or(Value::Defined(-1.0), Value::Defined),
                              ba.micro.recall.get().map_or(Value::Defined(-1.0), Value::Defined)));
            prop_assert!(same(ab.micro.recall.get().map_or(Value::Defined(-1.0), Value::Defined),
                              ba.micro.precision.get().map_or(Value::Defined(-1.0), Value::Defined)));
            prop_assert!(ab.micro.f1.get().is_none_or(|f| (0.0..=1.0).contains(&f)));
        }
    }
}
