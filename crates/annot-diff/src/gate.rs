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
//! | `LAYER.observed`, `LAYER.alpha` | a label layer's observed agreement and Krippendorff alpha (multi-label: over sets, MASI) |
//! | `LAYER.kappa`, `LAYER.scott_pi` | a single-label layer's Cohen kappa and Scott pi (two sides) |
//! | `LAYER.fleiss_kappa`, `LAYER.ac1` | a single-label layer's Fleiss kappa and Gwet AC1 |
//! | `LAYER.alpha_jaccard` | a multi-label layer's alpha over sets with the Jaccard distance |
//! | `f1:LABEL`, `overlap_f1:LABEL` | one span label's F1 (three or more sides: the mean over the pairs that have it) |
//! | `entity_f1:LABEL`, `alpha_u:LABEL` | one label's seqeval-strict entity F1, its unitized alpha |
//! | `LAYER.alpha:VALUE` | a multi-label layer's alpha of the yes/no decision on one value |
//!
//! A layer's measure is also named by its `--json` field (`cohen_kappa`,
//! `krippendorff_alpha`, `gwet_ac1`, `alpha_masi`; `fleiss` and `pi` are short for
//! `fleiss_kappa` and `scott_pi`). [`MEASURES`] is the one table of them: which report
//! has which figure ([`figures`]), what a name stands for, and each figure's range.
//!
//! A figure the report does not compute for its number of sides (Cohen's kappa and
//! Scott's pi with three or more) is refused with the figure to gate on instead. A
//! figure that is undefined fails its gate: a release cannot rest on a number that
//! does not exist.

use serde::Serialize;

use crate::CompareError;
use crate::agree::{AgreeReport, LayerFigures, NominalFigures, SetFigures};
use crate::metric::Value;

/// How a measure is read from a report, and where.
#[derive(Clone, Copy)]
enum Get {
    /// A figure of the whole report.
    Report(fn(&AgreeReport) -> Option<Value>),
    /// A single-label layer's figure.
    Single(fn(&NominalFigures) -> Option<Value>),
    /// A multi-label layer's figure.
    Multi(fn(&SetFigures) -> Option<Value>),
}

/// A measure a gate can name.
struct Measure {
    /// Its gate name (after `LAYER.` for a layer's).
    name: &'static str,
    /// Other names for it (its `--json` field).
    aliases: &'static [&'static str],
    /// Where it is read.
    get: Get,
    /// Computed for two sides only; with more, the measures to gate on instead.
    two_sides_only: Option<&'static [&'static str]>,
    /// Chance-corrected: it lies between -1 and 1 (else between 0 and 1).
    chance: bool,
}

impl Measure {
    fn is(&self, name: &str) -> bool {
        self.name == name || self.aliases.contains(&name)
    }
}

/// Every measure a gate can name.
const MEASURES: &[Measure] = &[
    Measure {
        name: "f1",
        aliases: &[],
        get: Get::Report(|r| {
            Some(
                r.spans
                    .pairwise_exact
                    .as_ref()
                    .map_or(r.spans.exact.micro.f1, |p| p.mean),
            )
        }),
        two_sides_only: None,
        chance: false,
    },
    Measure {
        name: "overlap_f1",
        aliases: &[],
        get: Get::Report(|r| {
            Some(
                r.spans
                    .pairwise_overlap
                    .as_ref()
                    .map_or(r.spans.overlap.micro.f1, |p| p.mean),
            )
        }),
        two_sides_only: None,
        chance: false,
    },
    Measure {
        name: "entity_f1",
        aliases: &[],
        get: Get::Report(|r| Some(r.tokens.entities.micro.f1)),
        two_sides_only: None,
        chance: false,
    },
    Measure {
        name: "kappa",
        aliases: &[],
        get: Get::Report(|r| r.tokens.cohen_kappa.map(|a| a.value)),
        two_sides_only: Some(&["alpha"]),
        chance: true,
    },
    Measure {
        name: "alpha",
        aliases: &[],
        get: Get::Report(|r| Some(r.tokens.krippendorff_alpha.value)),
        two_sides_only: None,
        chance: true,
    },
    Measure {
        name: "alpha_u",
        aliases: &[],
        get: Get::Report(|r| Some(r.alpha_u.figures.overall.value)),
        two_sides_only: None,
        chance: true,
    },
    Measure {
        name: "observed",
        aliases: &[],
        get: Get::Single(|f| Some(f.observed.value)),
        two_sides_only: None,
        chance: false,
    },
    Measure {
        name: "kappa",
        aliases: &["cohen_kappa"],
        get: Get::Single(|f| f.cohen_kappa.map(|a| a.value)),
        two_sides_only: Some(&["fleiss_kappa", "alpha"]),
        chance: true,
    },
    Measure {
        name: "scott_pi",
        aliases: &["pi"],
        get: Get::Single(|f| f.scott_pi.map(|a| a.value)),
        two_sides_only: Some(&["fleiss_kappa", "alpha"]),
        chance: true,
    },
    Measure {
        name: "fleiss_kappa",
        aliases: &["fleiss"],
        get: Get::Single(|f| Some(f.fleiss_kappa.value)),
        two_sides_only: None,
        chance: true,
    },
    Measure {
        name: "alpha",
        aliases: &["krippendorff_alpha"],
        get: Get::Single(|f| Some(f.krippendorff_alpha.value)),
        two_sides_only: None,
        chance: true,
    },
    Measure {
        name: "ac1",
        aliases: &["gwet_ac1"],
        get: Get::Single(|f| Some(f.gwet_ac1.value)),
        two_sides_only: None,
        chance: true,
    },
    Measure {
        name: "observed",
        aliases: &[],
        get: Get::Multi(|f| Some(f.observed.value)),
        two_sides_only: None,
        chance: false,
    },
    Measure {
        name: "alpha",
        aliases: &["alpha_masi"],
        get: Get::Multi(|f| Some(f.alpha_masi.value)),
        two_sides_only: None,
        chance: true,
    },
    Measure {
        name: "alpha_jaccard",
        aliases: &[],
        get: Get::Multi(|f| Some(f.alpha_jaccard.value)),
        two_sides_only: None,
        chance: true,
    },
];

/// The figure of `m` in `report` (`layer` for a layer's measure): `None` when the
/// report does not compute it, or `m` is not a measure of that layer's kind.
fn read(report: &AgreeReport, layer: Option<&LayerFigures>, m: &Measure) -> Option<Value> {
    match (m.get, layer) {
        (Get::Report(get), None) => get(report),
        (Get::Single(get), Some(LayerFigures::Single(f))) => get(f),
        (Get::Multi(get), Some(LayerFigures::Multi(f))) => get(f),
        _ => None,
    }
}

/// What a gate name stands for: the measure, and the layer (with its name) for a
/// layer's. `None` for a name that is no measure of the report's layers.
fn resolve<'r>(
    report: &'r AgreeReport,
    name: &str,
) -> Option<(&'static Measure, Option<(&'r str, &'r LayerFigures)>)> {
    if let Some(m) = MEASURES
        .iter()
        .find(|m| matches!(m.get, Get::Report(_)) && m.is(name))
    {
        return Some((m, None));
    }
    let (layer, measure) = name.rsplit_once('.')?;
    let l = report.labels.iter().find(|l| l.layer == layer)?;
    let m = MEASURES.iter().find(|m| {
        m.is(measure)
            && matches!(
                (m.get, &l.figures),
                (Get::Single(_), LayerFigures::Single(_)) | (Get::Multi(_), LayerFigures::Multi(_))
            )
    })?;
    Some((m, Some((l.layer.as_str(), &l.figures))))
}

/// Gate measures that take a span label after a colon (`f1:PER`).
const LABEL_KEYED: [&str; 4] = ["f1", "overlap_f1", "entity_f1", "alpha_u"];

/// A keyed name's measure and key: `f1:PER` (a span label, itself free to hold a
/// colon), or `LAYER.alpha:VALUE` for a multi-label layer of the report (layer names
/// and values may hold colons too: the split is where the layer is one). `None`: no
/// key, the name is read as a plain one.
fn split_key<'n>(report: &AgreeReport, name: &'n str) -> Option<(&'n str, &'n str)> {
    if let Some((base, key)) = name.split_once(':')
        && LABEL_KEYED.contains(&base)
    {
        return Some((base, key));
    }
    name.match_indices(':').find_map(|(at, _)| {
        let (base, key) = (&name[..at], &name[at + 1..]);
        let layer = base.strip_suffix(".alpha")?;
        report
            .labels
            .iter()
            .any(|l| l.layer == layer && matches!(l.figures, LayerFigures::Multi(_)))
            .then_some((base, key))
    })
}

/// The figure of a keyed gate name ([`split_key`]): `None` when `name` has no key;
/// an error naming the keys there are when the report has no such figure.
fn keyed(report: &AgreeReport, name: &str) -> Option<Result<Value, CompareError>> {
    use std::collections::BTreeMap;
    let (base, key) = split_key(report, name)?;
    let unknown = |keys: Vec<String>, what: &str| CompareError::UnknownGate {
        name: name.to_owned(),
        known: if keys.is_empty() {
            format!("no {what} has figures in this report")
        } else {
            keys.iter()
                .map(|k| format!("{base}:{k}"))
                .collect::<Vec<_>>()
                .join(", ")
        },
    };
    let of = |scores: &BTreeMap<String, crate::metric::Scores>| scores.get(key).map(|s| s.f1);
    let span_f1 = |exact: bool| -> Result<Value, CompareError> {
        let pick = |p: &crate::agree::PairScores| {
            if exact {
                of(&p.exact.per_label)
            } else {
                of(&p.overlap.per_label)
            }
        };
        let labels = || {
            let mut keys: Vec<String> = report
                .spans
                .exact
                .per_label
                .keys()
                .chain(
                    report
                        .spans
                        .pairs
                        .iter()
                        .flat_map(|p| p.exact.per_label.keys()),
                )
                .cloned()
                .collect();
            keys.sort();
            keys.dedup();
            keys
        };
        if report.spans.pairs.is_empty() {
            let scores = if exact {
                &report.spans.exact
            } else {
                &report.spans.overlap
            };
            return of(&scores.per_label).ok_or_else(|| unknown(labels(), "span label"));
        }
        let found: Vec<Value> = report.spans.pairs.iter().filter_map(pick).collect();
        if found.is_empty() {
            return Err(unknown(labels(), "span label"));
        }
        let defined: Vec<f64> = found.iter().filter_map(|v| v.get()).collect();
        Ok(Value::ratio(
            defined.iter().sum(),
            defined.len() as f64,
            crate::metric::Undefined::NoItemsEitherSide,
        ))
    };
    Some(match base {
        "f1" => span_f1(true),
        "overlap_f1" => span_f1(false),
        "entity_f1" => of(&report.tokens.entities.per_label).ok_or_else(|| {
            unknown(
                report.tokens.entities.per_label.keys().cloned().collect(),
                "label",
            )
        }),
        "alpha_u" => report
            .alpha_u
            .figures
            .per_label
            .get(key)
            .map(|a| a.agreement.value)
            .ok_or_else(|| {
                unknown(
                    report.alpha_u.figures.per_label.keys().cloned().collect(),
                    "label",
                )
            }),
        _ => {
            let layer = base.strip_suffix(".alpha").and_then(|l| {
                report.labels.iter().find_map(|r| match &r.figures {
                    LayerFigures::Multi(f) if r.layer == l => Some(f),
                    _ => None,
                })
            });
            // split_key gives no other base.
            let figures = layer?;
            figures
                .per_value
                .get(key)
                .map(|a| a.value)
                .ok_or_else(|| unknown(figures.per_value.keys().cloned().collect(), "value"))
        }
    })
}

/// Every figure of `report` a gate can name, by its gate name, in report order.
#[must_use]
pub fn figures(report: &AgreeReport) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = MEASURES
        .iter()
        .filter_map(|m| read(report, None, m).map(|v| (m.name.to_owned(), v)))
        .collect();
    for l in &report.labels {
        out.extend(MEASURES.iter().filter_map(|m| {
            read(report, Some(&l.figures), m).map(|v| (format!("{}.{}", l.layer, m.name), v))
        }));
    }
    out
}

/// The figure a gate name stands for, or `None` when the report has no such figure.
#[must_use]
pub fn figure(report: &AgreeReport, name: &str) -> Option<Value> {
    let (m, layer) = resolve(report, name)?;
    read(report, layer.map(|(_, f)| f), m)
}

/// The gate names a report has figures for.
#[must_use]
pub fn figure_names(report: &AgreeReport) -> Vec<String> {
    figures(report).into_iter().map(|(n, _)| n).collect()
}

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
            // A keyed name (`f1:PER`) has the range of its measure.
            let name_only = match name.split_once(':') {
                Some((m, _)) if LABEL_KEYED.contains(&m) => m,
                _ => name,
            };
            // The measure's own name: the whole name, or what follows `LAYER.`
            // (a name no measure has is refused by [`check`], against the report).
            let measure = |n: &str, report: bool| {
                MEASURES
                    .iter()
                    .filter(|m| matches!(m.get, Get::Report(_)) == report)
                    .find(|m| m.is(n))
            };
            let chance = measure(name_only, true)
                .or_else(|| measure(name_only.rsplit_once('.')?.1, false))
                .is_none_or(|m| m.chance);
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

/// Checks every gate.
///
/// # Errors
/// [`CompareError::GateNotForSides`] for a figure the report does not compute for
/// its number of sides; [`CompareError::UnknownGate`] for a name the report has no
/// figure for.
pub fn check(report: &AgreeReport, gates: &[Gate]) -> Result<Vec<GateResult>, CompareError> {
    gates
        .iter()
        .map(|g| {
            let value = match keyed(report, &g.name) {
                Some(value) => value?,
                None => unkeyed(report, g)?,
            };
            Ok(GateResult {
                name: g.name.clone(),
                min: g.min,
                value,
                passed: value.get().is_some_and(|v| v >= g.min),
            })
        })
        .collect()
}

/// The figure of a gate name without a key.
fn unkeyed(report: &AgreeReport, g: &Gate) -> Result<Value, CompareError> {
    let unknown = || CompareError::UnknownGate {
        name: g.name.clone(),
        known: figure_names(report).join(", "),
    };
    let (m, layer) = resolve(report, &g.name).ok_or_else(unknown)?;
    if let Some(v) = read(report, layer.map(|(_, f)| f), m) {
        return Ok(v);
    }
    let sides = report.sides.len();
    Err(match m.two_sides_only {
        Some(instead) if sides != 2 => CompareError::GateNotForSides {
            name: g.name.clone(),
            sides,
            instead: instead
                .iter()
                .map(|i| match layer {
                    Some((l, _)) => format!("{l}.{i}"),
                    None => (*i).to_owned(),
                })
                .collect::<Vec<_>>()
                .join(" or "),
        },
        _ => unknown(),
    })
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

    #[test]
    fn ranges_come_from_the_table_of_measures() {
        for chance in [
            "kappa",
            "alpha_u",
            "sent.fleiss_kappa",
            "sent.fleiss",
            "sent.scott_pi",
            "sent.gwet_ac1",
            "topic.alpha_jaccard",
            "topic.alpha_masi",
            "alpha_u:PER",
            "topic.alpha:sport",
            "ns:topic.alpha:sport",
        ] {
            assert!(parse_gates(&format!("{chance}=-0.5")).is_ok(), "{chance}");
        }
        for share in [
            "f1",
            "entity_f1",
            "sent.observed",
            "topic.observed",
            "f1:PER",
            "overlap_f1:a:b",
            "ns:topic.observed",
        ] {
            assert!(
                matches!(
                    parse_gates(&format!("{share}=-0.5")),
                    Err(CompareError::GateOutOfRange { .. })
                ),
                "{share}"
            );
        }
    }
}
