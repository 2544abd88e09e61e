//! Every randomized case of `tests/fixtures/*.json`, written by `scripts/agreement_fixtures.py`
//! from scikit-learn, krippendorff, statsmodels and seqeval, checked to 1e-9.
//!
//! A library's NaN or refusal is `null` in the fixture, and annot-diff must then say
//! Undefined. A missing fixture file fails the test.
#![allow(clippy::print_stderr, clippy::unwrap_used)]

use std::path::PathBuf;

use annot_diff::metric::{
    DistanceMetric, MacroScores, ReliabilityData, Scores, Tag, Value, cohen_kappa, entity_scores,
    fleiss_kappa, krippendorff_alpha, observed_agreement, scott_pi, tag_reliability,
};
use serde_json::Value as Json;

const TOLERANCE: f64 = 1e-9;

fn fixture(kind: &str) -> Vec<Json> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("{kind}.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/agreement_fixtures.py (see scripts/interop.sh)",
            path.display()
        )
    });
    let doc: Json = serde_json::from_str(&text).unwrap();
    let cases = doc["cases"].as_array().unwrap().clone();
    assert!(cases.len() >= 300, "{kind}: only {} cases", cases.len());
    cases
}

/// Tracks the largest difference between annot-diff and a library over a fixture.
struct Check {
    kind: &'static str,
    max_diff: f64,
    values: usize,
    undefined: usize,
}

impl Check {
    fn new(kind: &'static str) -> Check {
        Check {
            kind,
            max_diff: 0.0,
            values: 0,
            undefined: 0,
        }
    }

    /// `expected` null means the library gave NaN or refused: annot-diff must say Undefined.
    fn value(&mut self, case: usize, what: &str, got: Value, expected: &Json) {
        match (got, expected.as_f64()) {
            (Value::Defined(g), Some(e)) => {
                let d = (g - e).abs();
                assert!(
                    d <= TOLERANCE,
                    "{} case {case} {what}: annot-diff {g}, library {e}",
                    self.kind
                );
                self.max_diff = self.max_diff.max(d);
                self.values += 1;
            }
            (Value::Undefined(_), None) => self.undefined += 1,
            (got, _) => panic!(
                "{} case {case} {what}: annot-diff {got:?}, library {expected}",
                self.kind
            ),
        }
    }

    /// seqeval answers 0 by convention (`zero_division=0`), or NaN for a mean over no
    /// label, where annot-diff says Undefined.
    fn value_or_zero(&mut self, case: usize, what: &str, got: Value, expected: &Json) {
        if let Value::Undefined(_) = got {
            assert!(
                matches!(expected.as_f64(), Some(0.0) | None),
                "{} case {case} {what}: undefined here, library {expected}",
                self.kind
            );
            self.undefined += 1;
        } else {
            self.value(case, what, got, expected);
        }
    }

    fn report(&self) {
        eprintln!(
            "{}: {} values (max |diff| {:e}), {} undefined",
            self.kind, self.values, self.max_diff, self.undefined
        );
        assert!(self.values > 0);
    }
}

fn ids(row: &Json) -> Vec<Option<u32>> {
    row.as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().map(|v| u32::try_from(v).unwrap()))
        .collect()
}

#[test]
fn cohen_kappa_matches_scikit_learn() {
    let mut check = Check::new("cohen");
    let mut observed = Check::new("cohen observed");
    for (i, case) in fixture("cohen").iter().enumerate() {
        let data = ReliabilityData::from_coders(&[ids(&case["a"]), ids(&case["b"])]).unwrap();
        let kappa = cohen_kappa(&data).unwrap();
        assert_eq!(kappa.items, case["a"].as_array().unwrap().len());
        check.value(i, "kappa", kappa.value, &case["kappa"]);
        observed.value(
            i,
            "observed",
            observed_agreement(&data).value,
            &case["observed"],
        );
    }
    check.report();
    observed.report();
}

#[test]
fn krippendorff_alpha_matches_the_krippendorff_package() {
    let mut checks = [
        (
            DistanceMetric::Nominal,
            "nominal",
            Check::new("krippendorff nominal"),
        ),
        (
            DistanceMetric::Ordinal,
            "ordinal",
            Check::new("krippendorff ordinal"),
        ),
        (
            DistanceMetric::Interval,
            "interval",
            Check::new("krippendorff interval"),
        ),
        (
            DistanceMetric::Ratio,
            "ratio",
            Check::new("krippendorff ratio"),
        ),
    ];
    for (i, case) in fixture("krippendorff").iter().enumerate() {
        let coders: Vec<Vec<Option<u32>>> =
            case["data"].as_array().unwrap().iter().map(ids).collect();
        let data = ReliabilityData::from_coders(&coders).unwrap();
        for (metric, key, check) in &mut checks {
            check.value(
                i,
                key,
                krippendorff_alpha(&data, *metric).value,
                &case[*key],
            );
        }
    }
    for (_, _, check) in &checks {
        check.report();
    }
}

#[test]
fn fleiss_kappa_and_scott_pi_match_statsmodels() {
    let mut fleiss = Check::new("fleiss");
    let mut scott = Check::new("scott (statsmodels fleiss_kappa, two raters)");
    for (i, case) in fixture("fleiss").iter().enumerate() {
        let units: Vec<Vec<Option<u32>>> =
            case["data"].as_array().unwrap().iter().map(ids).collect();
        let data = ReliabilityData::from_units(units[0].len(), &units).unwrap();
        let kappa = fleiss_kappa(&data).unwrap();
        assert_eq!(kappa.items, units.len());
        fleiss.value(i, "kappa", kappa.value, &case["kappa"]);
        if data.coders() == 2 {
            scott.value(i, "pi", scott_pi(&data).unwrap().value, &case["kappa"]);
        }
    }
    fleiss.report();
    scott.report();
}

fn tag_seq(seq: &Json) -> Vec<Tag<String>> {
    seq.as_array()
        .unwrap()
        .iter()
        .map(|t| Tag::parse(t.as_str().unwrap()).unwrap())
        .collect()
}

fn sequences(doc: &Json) -> Vec<Vec<Tag<String>>> {
    doc.as_array().unwrap().iter().map(tag_seq).collect()
}

#[test]
fn entity_scores_match_seqeval_strict_iob2() {
    let mut check = Check::new("seqeval");
    for (i, case) in fixture("seqeval").iter().enumerate() {
        let (truth, pred) = (sequences(&case["true"]), sequences(&case["pred"]));
        let scores = entity_scores(
            truth
                .iter()
                .zip(&pred)
                .map(|(t, p)| (t.as_slice(), p.as_slice())),
        )
        .unwrap();
        let report = case["report"].as_object().unwrap();
        let mut scored = |what: &str, s: &Scores| {
            let row = &report[what];
            check.value_or_zero(i, what, s.precision, &row["precision"]);
            check.value_or_zero(i, what, s.recall, &row["recall"]);
            check.value_or_zero(i, what, s.f1, &row["f1"]);
            assert_eq!(
                s.reference as u64,
                row["support"].as_u64().unwrap(),
                "case {i} {what}"
            );
        };
        scored("micro avg", &scores.micro);
        for (label, s) in &scores.per_label {
            scored(label, s);
        }
        let labels = report.len() - 3;
        assert_eq!(scores.per_label.len(), labels, "case {i}: labels");
        let mut averaged = |what: &str, m: &MacroScores| {
            let row = &report[what];
            check.value_or_zero(i, what, m.precision, &row["precision"]);
            check.value_or_zero(i, what, m.recall, &row["recall"]);
            check.value_or_zero(i, what, m.f1, &row["f1"]);
        };
        averaged("macro avg", &scores.macro_avg);
        averaged("weighted avg", &scores.weighted);
    }
    check.report();
}

#[test]
fn tag_agreement_matches_scikit_learn_and_krippendorff() {
    let mut kappa = Check::new("tokens kappa");
    let mut alpha = Check::new("tokens alpha");
    for (i, case) in fixture("tokens").iter().enumerate() {
        let (a, b) = (tag_seq(&case["a"]), tag_seq(&case["b"]));
        let data = tag_reliability(&[&a, &b]).unwrap();
        kappa.value(
            i,
            "kappa",
            cohen_kappa(&data).unwrap().value,
            &case["kappa"],
        );
        let nominal = krippendorff_alpha(&data, DistanceMetric::Nominal).value;
        alpha.value(i, "alpha", nominal, &case["alpha"]);
    }
    kappa.report();
    alpha.report();
}
