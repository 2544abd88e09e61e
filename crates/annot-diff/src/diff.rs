//! `annot diff A B`: per document, the two sides' spans aligned and their labels side by side.

use annot_model::annotations::LostSpan;
use annot_model::{Document, ZoneSpan};
use serde::Serialize;

use crate::CompareError;
use crate::align::{Aligned, LayerPair, align, label_layers};
use crate::compare::{Absence, Selection, Skipped, for_each_document};
use crate::side::Side;

/// One document on which the two sides disagree.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDiff {
    /// The current version of the document (what the offsets are into).
    #[serde(skip)]
    pub document: Document,
    /// Document id.
    pub doc: String,
    /// Every span pair (agreeing ones too, for drawing), sorted by position.
    pub spans: Vec<Aligned>,
    /// Document labels layer by layer, every layer either side set.
    pub labels: Vec<LayerPair>,
    /// A's spans that could not be carried onto the current text.
    pub lost_a: Vec<LostSpan>,
    /// B's spans that could not be carried onto the current text.
    pub lost_b: Vec<LostSpan>,
    /// Where the two sides' zones differ (zone corrections, or the imported zones where
    /// a side corrected none), in text order.
    pub zones: Vec<ZoneDifference>,
    /// Zone corrections A made on an older text, not compared.
    pub dropped_zones_a: usize,
    /// Zone corrections B made on an older text, not compared.
    pub dropped_zones_b: usize,
}

/// A stretch of text the two sides put in different zones.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ZoneDifference {
    /// Start (code points).
    pub start: usize,
    /// End (code points, exclusive).
    pub end: usize,
    /// A's zone there (`None`: in no zone).
    pub a: Option<String>,
    /// B's zone there.
    pub b: Option<String>,
    /// Whether A corrected the zones (else A's are the imported ones).
    pub a_corrected: bool,
    /// Whether B corrected the zones.
    pub b_corrected: bool,
}

/// Where two zone lists put text in different zones, adjacent stretches of the same
/// pair of zones joined. A side without corrections has the document's imported zones.
#[must_use]
pub fn zone_differences(
    imported: &[ZoneSpan],
    a: Option<&[ZoneSpan]>,
    b: Option<&[ZoneSpan]>,
) -> Vec<ZoneDifference> {
    if a == b {
        return Vec::new();
    }
    let (za, zb) = (a.unwrap_or(imported), b.unwrap_or(imported));
    let mut cuts: Vec<usize> = za.iter().chain(zb).flat_map(|z| [z.start, z.end]).collect();
    cuts.sort_unstable();
    cuts.dedup();
    let at = |zones: &[ZoneSpan], p: usize| {
        zones
            .iter()
            .find(|z| z.start <= p && p < z.end)
            .map(|z| z.zone.as_str().to_owned())
    };
    let mut out: Vec<ZoneDifference> = Vec::new();
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        let (x, y) = (at(za, s), at(zb, s));
        if x == y {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.end == s && last.a == x && last.b == y => last.end = e,
            _ => out.push(ZoneDifference {
                start: s,
                end: e,
                a: x,
                b: y,
                a_corrected: a.is_some(),
                b_corrected: b.is_some(),
            }),
        }
    }
    out
}

impl DocumentDiff {
    /// Whether anything differs: a span pair, a label layer, or a span lost on one side.
    #[must_use]
    pub fn differs(&self) -> bool {
        self.spans.iter().any(|p| p.kind.is_disagreement())
            || self.labels.iter().any(|l| !l.agrees())
            || !self.lost_a.is_empty()
            || !self.lost_b.is_empty()
            || !self.zones.is_empty()
            || self.dropped_zones_a + self.dropped_zones_b > 0
    }
}

/// What `annot diff` found on one document.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum DiffItem {
    /// The sides disagree.
    Differs(Box<DocumentDiff>),
    /// The sides agree: same spans, same labels.
    Agrees {
        /// Document id.
        doc: String,
    },
    /// One side (or both) has no decision on the document.
    NotCompared {
        /// Document id.
        doc: String,
        /// A's decision or why there is none.
        a: Option<Absence>,
        /// B's.
        b: Option<Absence>,
    },
}

/// Walks the documents of two sides and calls `visit` with each one's diff, in id order.
///
/// With `label`, only span pairs where either side used that label are kept.
///
/// # Errors
/// An unreadable corpus, or what `visit` returns.
pub fn diff(
    sides: &[Side],
    corpus: &annot_model::corpus::Corpus,
    selection: &Selection,
    label: Option<&str>,
    mut visit: impl FnMut(DiffItem) -> Result<(), CompareError>,
) -> Result<Skipped, CompareError> {
    for_each_document(sides, corpus, selection, |doc| {
        let id = doc.document.id.clone();
        let mut it = doc.sides.into_iter();
        let (a, b) = (it.next(), it.next());
        let (Some(Ok(a)), Some(Ok(b))) = (&a, &b) else {
            let absence = |s: &Option<Result<_, Absence>>| match s {
                Some(Ok(_)) => None,
                Some(Err(why)) => Some(*why),
                None => Some(Absence::NoRecord),
            };
            return visit(DiffItem::NotCompared {
                doc: id,
                a: absence(&a),
                b: absence(&b),
            });
        };
        let mut spans = align(&a.spans, &b.spans);
        let mut labels = label_layers(&a.labels, &b.labels);
        let (mut lost_a, mut lost_b) = (a.lost.clone(), b.lost.clone());
        if let Some(l) = label {
            let has = |s: &Option<annot_model::Span>| s.as_ref().is_some_and(|s| s.label == l);
            spans.retain(|p| has(&p.a) || has(&p.b));
            labels.clear();
            lost_a.retain(|x| x.span.label == l);
            lost_b.retain(|x| x.span.label == l);
        }
        let zones = if label.is_some() {
            Vec::new()
        } else {
            zone_differences(&doc.document.zones, a.zones.as_deref(), b.zones.as_deref())
        };
        let dropped = |r: &crate::compare::SideRecord| r.dropped_zones.as_ref().map_or(0, Vec::len);
        let (dropped_zones_a, dropped_zones_b) = if label.is_some() {
            (0, 0)
        } else {
            (dropped(a), dropped(b))
        };
        let d = DocumentDiff {
            zones,
            dropped_zones_a,
            dropped_zones_b,
            document: doc.document,
            doc: id.clone(),
            spans,
            labels,
            lost_a,
            lost_b,
        };
        if d.differs() {
            visit(DiffItem::Differs(Box::new(d)))
        } else {
            visit(DiffItem::Agrees { doc: id })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use annot_model::Zone;

    fn z(start: usize, end: usize, zone: Zone) -> ZoneSpan {
        ZoneSpan { start, end, zone }
    }

    #[test]
    fn zone_differences_join_stretches_and_name_both_sides() {
        let imported = vec![z(0, 10, Zone::Title), z(10, 50, Zone::Body)];
        let a = vec![
            z(0, 10, Zone::Title),
            z(10, 20, Zone::Lede),
            z(20, 50, Zone::Body),
        ];
        let got = zone_differences(&imported, Some(&a), None);
        assert_eq!(
            got,
            [ZoneDifference {
                start: 10,
                end: 20,
                a: Some("lede".into()),
                b: Some("body".into()),
                a_corrected: true,
                b_corrected: false,
            }]
        );
        let b = vec![
            z(0, 10, Zone::Title),
            z(10, 30, Zone::Boilerplate),
            z(30, 50, Zone::Body),
        ];
        let got = zone_differences(&imported, Some(&a), Some(&b));
        let pairs: Vec<(usize, usize, Option<&str>, Option<&str>)> = got
            .iter()
            .map(|d| (d.start, d.end, d.a.as_deref(), d.b.as_deref()))
            .collect();
        assert_eq!(
            pairs,
            [
                (10, 20, Some("lede"), Some("boilerplate")),
                (20, 30, Some("body"), Some("boilerplate")),
            ]
        );
        assert!(zone_differences(&imported, Some(&a), Some(&a)).is_empty());
        assert!(zone_differences(&imported, Some(&imported), None).is_empty());
    }
}
