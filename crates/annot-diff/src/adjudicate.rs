//! What `annot adjudicate` goes over: per document, what the sides agreed on and each
//! disagreement with every side's option.
//!
//! Spans every side with a decision marked (same start, end and label) are agreed. The
//! others are grouped into disagreements: spans that overlap, transitively, are one
//! disagreement, and each side's option is its spans there (possibly none). A
//! document-label layer on which the sides chose different values is a disagreement
//! (the values all chose are agreed), and so are differing zone corrections. A document
//! is listed when anything differs, when a side's spans could not be carried onto the
//! current text, or when a side has no decision that counts on it (rejected, skipped,
//! no record) while another has one.

use std::collections::BTreeMap;

use annot_model::annotations::LostSpan;
use annot_model::corpus::Corpus;
use annot_model::{Span, ZoneSpan};
use serde::Serialize;

use crate::CompareError;
use crate::compare::{Absence, Selection, Skipped, for_each_document};
use crate::side::Side;

pub use annot_model::combine::SideVote;

/// Overlapping spans the sides marked differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpanDisagreement {
    /// Start of the stretch covering them (code points).
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// Per side with a decision (in the order of [`DocumentDisagreements::present`]):
    /// its spans there.
    pub options: Vec<Vec<Span>>,
}

/// A label layer on which the sides chose differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerDisagreement {
    /// The layer.
    pub layer: String,
    /// Per side with a decision: its values, sorted.
    pub options: Vec<Vec<String>>,
}

/// One document to adjudicate.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDisagreements {
    /// Document id.
    pub doc: String,
    /// The sides with a decision, in side order.
    pub present: Vec<SideVote>,
    /// The sides without one, and why.
    pub absent: Vec<(String, Absence)>,
    /// Spans every side with a decision marked.
    pub agreed_spans: Vec<Span>,
    /// Values every side with a decision chose, per layer.
    pub agreed_labels: BTreeMap<String, Vec<String>>,
    /// The zone corrections, when the sides agree on them.
    pub agreed_zones: Option<Vec<ZoneSpan>>,
    /// Span disagreements, in text order.
    pub spans: Vec<SpanDisagreement>,
    /// Label disagreements, by layer.
    pub layers: Vec<LayerDisagreement>,
    /// Each side's zone corrections, when they differ.
    pub zones: Option<Vec<Option<Vec<ZoneSpan>>>>,
    /// Spans that could not be carried onto the current text, per side.
    pub lost: Vec<(String, LostSpan)>,
}

impl DocumentDisagreements {
    /// Whether there is anything to adjudicate.
    #[must_use]
    pub fn differs(&self) -> bool {
        !self.spans.is_empty()
            || !self.layers.is_empty()
            || self.zones.is_some()
            || !self.lost.is_empty()
            || !self.absent.is_empty()
    }
}

fn key(s: &Span) -> (usize, usize, &str) {
    (s.start, s.end, s.label.as_str())
}

/// The disagreements of one document, from each side's decision or why it has none.
#[must_use]
pub fn document_disagreements(
    doc: &str,
    sides: Vec<(String, Result<SideVote, Absence>)>,
    lost: Vec<(String, LostSpan)>,
) -> DocumentDisagreements {
    let mut present = Vec::new();
    let mut absent = Vec::new();
    for (name, s) in sides {
        match s {
            Ok(v) => present.push(v),
            Err(why) => absent.push((name, why)),
        }
    }
    let has = |v: &SideVote, s: &Span| v.spans.iter().any(|x| key(x) == key(s));
    let mut agreed_spans: Vec<Span> = present
        .first()
        .map(|first| {
            first
                .spans
                .iter()
                .filter(|s| present.iter().all(|v| has(v, s)))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    agreed_spans.sort_by(|a, b| key(a).cmp(&key(b)));
    agreed_spans.dedup_by(|a, b| key(a) == key(b));
    let is_agreed = |s: &Span| agreed_spans.iter().any(|a| key(a) == key(s));
    // The other spans, grouped by overlap.
    let mut open: Vec<&Span> = present
        .iter()
        .flat_map(|v| v.spans.iter())
        .filter(|s| !is_agreed(s))
        .collect();
    open.sort_by(|a, b| key(a).cmp(&key(b)));
    let mut stretches: Vec<(usize, usize)> = Vec::new();
    for s in open {
        match stretches.last_mut() {
            Some(last) if s.start < last.1 => last.1 = last.1.max(s.end),
            _ => stretches.push((s.start, s.end)),
        }
    }
    let spans = stretches
        .into_iter()
        .map(|(start, end)| SpanDisagreement {
            start,
            end,
            options: present
                .iter()
                .map(|v| {
                    let mut mine: Vec<Span> = v
                        .spans
                        .iter()
                        .filter(|s| !is_agreed(s) && s.start >= start && s.end <= end)
                        .cloned()
                        .collect();
                    mine.sort_by(|a, b| key(a).cmp(&key(b)));
                    mine.dedup_by(|a, b| key(a) == key(b));
                    mine
                })
                .collect(),
        })
        .collect();
    let mut layer_names: Vec<&String> = present.iter().flat_map(|v| v.labels.keys()).collect();
    layer_names.sort();
    layer_names.dedup();
    let mut agreed_labels = BTreeMap::new();
    let mut layers = Vec::new();
    for layer in layer_names {
        let options: Vec<Vec<String>> = present
            .iter()
            .map(|v| {
                let mut vals = v.labels.get(layer).cloned().unwrap_or_default();
                vals.sort();
                vals.dedup();
                vals
            })
            .collect();
        let common: Vec<String> = options
            .first()
            .map(|f| {
                f.iter()
                    .filter(|x| options.iter().all(|o| o.contains(x)))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        if !common.is_empty() {
            agreed_labels.insert(layer.clone(), common);
        }
        if options.iter().any(|o| *o != options[0]) {
            layers.push(LayerDisagreement {
                layer: layer.clone(),
                options,
            });
        }
    }
    let all_zones: Vec<Option<Vec<ZoneSpan>>> = present.iter().map(|v| v.zones.clone()).collect();
    let (agreed_zones, zones) = if all_zones.iter().all(|z| *z == all_zones[0]) {
        (all_zones.first().cloned().flatten(), None)
    } else {
        (None, Some(all_zones))
    };
    DocumentDisagreements {
        doc: doc.to_owned(),
        present,
        absent,
        agreed_spans,
        agreed_labels,
        agreed_zones,
        spans,
        layers,
        zones,
        lost,
    }
}

/// What [`disagreements`] passed over.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Walked {
    /// Documents on which the sides agree.
    pub agreeing: usize,
    /// Documents left out by the walk.
    pub skipped: Skipped,
}

/// Calls `visit` with every document on which the sides disagree, in id order
/// (documents no side decided are passed over).
///
/// # Errors
/// An unreadable corpus, or what `visit` returns.
pub fn disagreements(
    sides: &[Side],
    corpus: &Corpus,
    selection: &Selection,
    mut visit: impl FnMut(DocumentDisagreements) -> Result<(), CompareError>,
) -> Result<Walked, CompareError> {
    let mut agreeing = 0;
    let skipped = for_each_document(sides, corpus, selection, |doc| {
        if doc.sides.iter().all(Result::is_err) {
            return Ok(());
        }
        let mut lost = Vec::new();
        let votes = doc
            .sides
            .into_iter()
            .zip(sides)
            .map(|(s, side)| {
                let v = s.map(|r| {
                    lost.extend(r.lost.into_iter().map(|l| (side.name.clone(), l)));
                    SideVote {
                        side: side.name.clone(),
                        spans: r.spans,
                        labels: r.labels,
                        zones: r.zones,
                    }
                });
                (side.name.clone(), v)
            })
            .collect();
        let d = document_disagreements(&doc.document.id, votes, lost);
        if d.differs() {
            visit(d)
        } else {
            agreeing += 1;
            Ok(())
        }
    })?;
    Ok(Walked { agreeing, skipped })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Rania Khoury et Georges Haddad à Baabda, Liban.";

    fn s(needle: &str, label: &str) -> Span {
        let b = TEXT.find(needle).unwrap();
        let st = TEXT[..b].chars().count();
        Span::from_chars(TEXT, st, st + needle.chars().count(), label).unwrap()
    }

    fn vote(side: &str, spans: Vec<Span>, topic: &[&str]) -> (String, Result<SideVote, Absence>) {
        (
            side.to_owned(),
            Ok(SideVote {
                side: side.to_owned(),
                spans,
                labels: BTreeMap::from([(
                    "topic".to_owned(),
                    topic.iter().map(|t| (*t).to_owned()).collect(),
                )]),
                zones: None,
            }),
        )
    }

    #[test]
    fn agreed_spans_and_values_and_one_disagreement_per_overlapping_stretch() {
        let d = document_disagreements(
            "d",
            vec![
                vote(
                    "alice",
                    vec![
                        s("Rania Khoury", "PER"),
                        s("Georges Haddad", "PER"),
                        s("Liban", "LOC"),
                    ],
                    &["society"],
                ),
                vote(
                    "bob",
                    vec![
                        s("Rania Khoury", "ORG"),
                        s("Georges", "PER"),
                        s("Haddad", "PER"),
                        s("Liban", "LOC"),
                    ],
                    &["health", "society"],
                ),
                (
                    "carol".to_owned(),
                    Err(Absence::NotCounted(annot_model::Status::Rejected)),
                ),
            ],
            Vec::new(),
        );
        assert_eq!(d.agreed_spans, vec![s("Liban", "LOC")]);
        assert_eq!(d.spans.len(), 2);
        assert_eq!(
            d.spans[0].options,
            vec![
                vec![s("Rania Khoury", "PER")],
                vec![s("Rania Khoury", "ORG")]
            ]
        );
        assert_eq!(
            d.spans[1].options[1],
            vec![s("Georges", "PER"), s("Haddad", "PER")]
        );
        assert_eq!(d.agreed_labels["topic"], ["society"]);
        assert_eq!(d.layers[0].options[1], ["health", "society"]);
        assert_eq!(d.absent.len(), 1);
        assert!(d.differs());
        let same = document_disagreements(
            "d",
            vec![
                vote("a", vec![s("Liban", "LOC")], &[]),
                vote("b", vec![s("Liban", "LOC")], &[]),
            ],
            Vec::new(),
        );
        assert!(!same.differs());
    }
}
