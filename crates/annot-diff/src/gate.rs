//! `--min name=value,...`: thresholds a report must meet, for CI jobs and data releases.
//!
//! | name | figure |
//! | --- | --- |
//! | `f1` | exact-match span micro F1 of B against A (three or more sides: the pairwise mean) |
//! | `overlap_f1` | the same with overlap matching |
//! | `entity_f1` | seqeval-strict entity micro F1 on the tokens |
//! | `kappa` | Cohen's kappa over token tags (two sides) |
//! | `alpha` | Krippendorff's alpha over token tags |
//! | `alpha_u` | Krippendorff's unitized alpha, overall |
//! | `LAYER.alpha` | a label layer's Krippendorff alpha (multi-label: over sets, MASI) |
//! | `LAYER.kappa`, `LAYER.ac1`, `LAYER.observed` | a label layer's Cohen kappa, Gwet AC1, observed agreement |
//!
//! A figure that is undefined fails its gate: a release cannot rest on a number that
//! does not exist.

use serde::Serialize;

use crate::CompareError;
use crate::agree::{AgreeReport, LayerFigures};
use crate::metric::{Undefined, Value};

/// One threshold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gate {
    /// The figure's name.
    pub name: String,
    /// The least value that passes.
    pub min: f64,
}

/// A gate checked against a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct GateResult {
    /// The figure's name.
    pub name: String,
    /// The least value that passes.
    pub min: f64,
    /// The figure.
    pub value: Value,
    /// Whether it passed.
    pub passed: bool,
}

/// Parses `alpha=0.8,f1=0.9`.
///
/// # Errors
/// [`CompareError::BadGate`] for a part that is not `name=number`.
pub fn parse_gates(s: &str) -> Result<Vec<Gate>, CompareError> {
    s.split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let bad = || CompareError::BadGate {
                part: part.to_owned(),
            };
            let (name, min) = part.split_once('=').ok_or_else(bad)?;
            let min: f64 = min.trim().parse().map_err(|_| bad())?;
            if name.trim().is_empty() || !min.is_finite() {
                return Err(bad());
            }
            // Every figure lies in [0, 1], or [-1, 1] for the chance-corrected ones:
            // a threshold outside is a typo, one that always fails or always passes.
            let name = name.trim();
            let chance = ["kappa", "alpha", "alpha_u", "ac1"]
                .iter()
                .any(|m| name == *m || name.ends_with(&format!(".{m}")));
            let low = if chance { -1.0 } else { 0.0 };
            if !(low..=1.0).contains(&min) {
                return Err(CompareError::GateOutOfRange {
                    part: part.to_owned(),
                    range: if chance { "-1 and 1" } else { "0 and 1" },
                });
            }
            Ok(Gate {
                name: name.to_owned(),
                min,
            })
        })
        .collect()
}

/// The figure a gate name stands for, or `None` when the report has no such figure.
#[must_use]
pub fn figure(report: &AgreeReport, name: &str) -> Option<Value> {
    let undefined = Value::Undefined(Undefined::NoItems);
    Some(match name {
        "f1" => report
            .spans
            .pairwise_exact
            .as_ref()
            .map_or(report.spans.exact.micro.f1, |p| p.mean),
        "overlap_f1" => report
            .spans
            .pairwise_overlap
            .as_ref()
            .map_or(report.spans.overlap.micro.f1, |p| p.mean),
        "entity_f1" => report.tokens.entities.micro.f1,
        "kappa" => report.tokens.cohen_kappa?.value,
        "alpha" => report.tokens.krippendorff_alpha.value,
        "alpha_u" => report.alpha_u.overall.value,
        other => {
            let (layer, measure) = other.rsplit_once('.')?;
            let l = report.labels.iter().find(|l| l.layer == layer)?;
            match (&l.figures, measure) {
                (LayerFigures::Single(f), "alpha") => f.krippendorff_alpha.value,
                (LayerFigures::Single(f), "kappa") => f.cohen_kappa.map_or(undefined, |a| a.value),
                (LayerFigures::Single(f), "ac1") => f.gwet_ac1.value,
                (LayerFigures::Single(f), "observed") => f.observed.value,
                (LayerFigures::Multi(f), "alpha") => f.alpha_masi.value,
                (LayerFigures::Multi(f), "observed") => f.observed.value,
                _ => return None,
            }
        }
    })
}

/// The gate names a report has figures for.
#[must_use]
pub fn figure_names(report: &AgreeReport) -> Vec<String> {
    let mut names: Vec<String> = ["f1", "overlap_f1", "entity_f1", "kappa", "alpha", "alpha_u"]
        .into_iter()
        .filter(|n| figure(report, n).is_some())
        .map(str::to_owned)
        .collect();
    for l in &report.labels {
        let measures: &[&str] = match l.figures {
            LayerFigures::Single(_) => &["alpha", "kappa", "ac1", "observed"],
            LayerFigures::Multi(_) => &["alpha", "observed"],
        };
        names.extend(measures.iter().map(|m| format!("{}.{m}", l.layer)));
    }
    names
}

/// Checks every gate.
///
/// # Errors
/// [`CompareError::UnknownGate`] for a name the report has no figure for.
pub fn check(report: &AgreeReport, gates: &[Gate]) -> Result<Vec<GateResult>, CompareError> {
    gates
        .iter()
        .map(|g| {
            let value = figure(report, &g.name).ok_or_else(|| CompareError::UnknownGate {
                name: g.name.clone(),
                known: figure_names(report).join(", "),
            })?;
            Ok(GateResult {
                name: g.name.clone(),
                min: g.min,
                value,
                passed: value.get().is_some_and(|v| v >= g.min),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gates_parse() {
        let g = parse_gates("alpha=0.8, f1=0.9,topic.alpha=.5").unwrap();
        assert_eq!(g.len(), 3);
        assert_eq!(g[2].name, "topic.alpha");
        assert!((g[2].min - 0.5).abs() < 1e-12);
        assert!(parse_gates("alpha").is_err());
        assert!(parse_gates("alpha=x").is_err());
        assert!(parse_gates("=0.3").is_err());
        assert!(parse_gates("alpha=NaN").is_err());
    }
}
