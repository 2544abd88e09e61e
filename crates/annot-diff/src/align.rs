//! Alignment of two sides' spans on one document, each pair classified by kind.
//!
//! Spans are paired in three rounds, each taking only spans no earlier round paired:
//!
//! 1. same start, end and label: [`Kind::Same`];
//! 2. same start and end, other label: [`Kind::Relabeled`];
//! 3. extents that share at least one code point: [`Kind::Boundary`] (a boundary
//!    disagreement; the labels may differ too, see [`Aligned::same_label`]). Pairs are
//!    taken greatest overlap first (then same label first, then text order), so each span
//!    is in at most one pair;
//!
//! and what is left is [`Kind::OnlyA`] or [`Kind::OnlyB`]. The result is sorted by
//! position, so the same input always aligns the same way.
//!
//! ```
//! use annot_diff::align::{align, Kind};
//! use annot_model::Span;
//!
//! let text = "L'armée syrienne a repris Boukamal.";
//! let s = |a, b, l| Span::from_chars(text, a, b, l).unwrap();
//! let a = [s(2, 16, "ORG"), s(26, 34, "LOC")];
//! let b = [s(8, 16, "ORG"), s(26, 34, "PER")];
//! let kinds: Vec<Kind> = align(&a, &b).iter().map(|p| p.kind).collect();
//! assert_eq!(kinds, [Kind::Boundary, Kind::Relabeled]);
//! ```

use std::collections::BTreeMap;

use annot_model::Span;
use serde::Serialize;

/// How a pair of spans (or a lone span) stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Both sides marked the same extent with the same label.
    Same,
    /// Same extent, different label.
    Relabeled,
    /// Overlapping extents that differ: a boundary disagreement.
    Boundary,
    /// Only side A marked it.
    OnlyA,
    /// Only side B marked it.
    OnlyB,
}

impl Kind {
    /// Every kind, in report order.
    pub const ALL: [Kind; 5] = [
        Kind::Same,
        Kind::Relabeled,
        Kind::Boundary,
        Kind::OnlyA,
        Kind::OnlyB,
    ];

    /// The kind in words, for plain output and CSV: `same`, `label`, `boundary`, `only-a`, `only-b`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Same => "same",
            Kind::Relabeled => "label",
            Kind::Boundary => "boundary",
            Kind::OnlyA => "only-a",
            Kind::OnlyB => "only-b",
        }
    }

    /// Whether the kind is a disagreement.
    #[must_use]
    pub fn is_disagreement(self) -> bool {
        self != Kind::Same
    }
}

/// A pair of aligned spans, or a span only one side has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Aligned {
    /// How the two stand.
    pub kind: Kind,
    /// Side A's span (absent for [`Kind::OnlyB`]).
    pub a: Option<Span>,
    /// Side B's span (absent for [`Kind::OnlyA`]).
    pub b: Option<Span>,
}

impl Aligned {
    /// Code point range covering both spans.
    #[must_use]
    pub fn extent(&self) -> (usize, usize) {
        let spans = self.a.iter().chain(self.b.iter());
        let start = spans.clone().map(|s| s.start).min().unwrap_or(0);
        let end = spans.map(|s| s.end).max().unwrap_or(0);
        (start, end)
    }

    /// Whether both sides gave the same label (always true of a lone span).
    #[must_use]
    pub fn same_label(&self) -> bool {
        match (&self.a, &self.b) {
            (Some(a), Some(b)) => a.label == b.label,
            _ => true,
        }
    }
}

/// Aligns A's spans with B's (see the module documentation for the rounds).
#[must_use]
pub fn align(a: &[Span], b: &[Span]) -> Vec<Aligned> {
    let mut free_a: Vec<bool> = vec![true; a.len()];
    let mut free_b: Vec<bool> = vec![true; b.len()];
    let mut out = Vec::new();
    let mut pair = |kind, i: usize, j: usize, fa: &mut [bool], fb: &mut [bool]| {
        fa[i] = false;
        fb[j] = false;
        out.push(Aligned {
            kind,
            a: Some(a[i].clone()),
            b: Some(b[j].clone()),
        });
    };
    // Rounds 1 and 2: by extent, equal labels first.
    let mut by_extent: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (j, s) in b.iter().enumerate() {
        by_extent.entry((s.start, s.end)).or_default().push(j);
    }
    for relabel in [false, true] {
        for (i, s) in a.iter().enumerate() {
            if !free_a[i] {
                continue;
            }
            let Some(candidates) = by_extent.get(&(s.start, s.end)) else {
                continue;
            };
            let hit = candidates
                .iter()
                .copied()
                .find(|&j| free_b[j] && (relabel || b[j].label == s.label));
            if let Some(j) = hit {
                let kind = if relabel { Kind::Relabeled } else { Kind::Same };
                pair(kind, i, j, &mut free_a, &mut free_b);
            }
        }
    }
    // Round 3: overlapping extents, greatest overlap first.
    let mut candidates: Vec<(usize, bool, usize, usize)> = Vec::new();
    for (i, x) in a.iter().enumerate().filter(|(i, _)| free_a[*i]) {
        for (j, y) in b.iter().enumerate().filter(|(j, _)| free_b[*j]) {
            let overlap = x.end.min(y.end).saturating_sub(x.start.max(y.start));
            if overlap > 0 {
                candidates.push((overlap, x.label != y.label, i, j));
            }
        }
    }
    candidates.sort_by(|p, q| q.0.cmp(&p.0).then((p.1, p.2, p.3).cmp(&(q.1, q.2, q.3))));
    for (_, _, i, j) in candidates {
        if free_a[i] && free_b[j] {
            pair(Kind::Boundary, i, j, &mut free_a, &mut free_b);
        }
    }
    for (i, s) in a.iter().enumerate().filter(|(i, _)| free_a[*i]) {
        let _ = i;
        out.push(Aligned {
            kind: Kind::OnlyA,
            a: Some(s.clone()),
            b: None,
        });
    }
    for (j, s) in b.iter().enumerate().filter(|(j, _)| free_b[*j]) {
        let _ = j;
        out.push(Aligned {
            kind: Kind::OnlyB,
            a: None,
            b: Some(s.clone()),
        });
    }
    out.sort_by(|p, q| {
        let key = |x: &Aligned| {
            let (s, e) = x.extent();
            (
                s,
                e,
                x.kind,
                x.a.as_ref().map(|s| s.label.clone()),
                x.b.as_ref().map(|s| s.label.clone()),
            )
        };
        key(p).cmp(&key(q))
    });
    out
}

/// One document-label layer as the two sides set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LayerPair {
    /// The layer (label set) name.
    pub layer: String,
    /// A's values, sorted (empty when A set none).
    pub a: Vec<String>,
    /// B's values, sorted.
    pub b: Vec<String>,
}

impl LayerPair {
    /// Whether both sides chose the same values.
    #[must_use]
    pub fn agrees(&self) -> bool {
        self.a == self.b
    }
}

/// The document labels of both sides, layer by layer (every layer either side set), sorted.
#[must_use]
pub fn label_layers(
    a: &BTreeMap<String, Vec<String>>,
    b: &BTreeMap<String, Vec<String>>,
) -> Vec<LayerPair> {
    let mut layers: Vec<&String> = a.keys().chain(b.keys()).collect();
    layers.sort_unstable();
    layers.dedup();
    let sorted = |v: Option<&Vec<String>>| {
        let mut v = v.cloned().unwrap_or_default();
        v.sort_unstable();
        v.dedup();
        v
    };
    layers
        .into_iter()
        .map(|layer| LayerPair {
            layer: layer.clone(),
            a: sorted(a.get(layer)),
            b: sorted(b.get(layer)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "Le Hezbollah et l'armée syrienne ont repris Boukamal, selon l'OSDH à Londres.";

    fn s(needle: &str, label: &str) -> Span {
        let b = TEXT.find(needle).unwrap();
        let start = TEXT[..b].chars().count();
        Span::from_chars(TEXT, start, start + needle.chars().count(), label).unwrap()
    }

    #[test]
    fn every_kind() {
        let a = vec![
            s("Hezbollah", "ORG"),
            s("armée syrienne", "ORG"),
            s("Boukamal", "LOC"),
            s("OSDH", "ORG"),
        ];
        let b = vec![
            s("Hezbollah", "ORG"),
            s("l'armée syrienne", "ORG"),
            s("Boukamal", "PER"),
            s("Londres", "LOC"),
        ];
        let got: Vec<(Kind, String)> = align(&a, &b)
            .into_iter()
            .map(|p| {
                let text = p.a.as_ref().or(p.b.as_ref()).unwrap().text.clone();
                (p.kind, text)
            })
            .collect();
        assert_eq!(
            got,
            [
                (Kind::Same, "Hezbollah".to_owned()),
                (Kind::Boundary, "armée syrienne".to_owned()),
                (Kind::Relabeled, "Boukamal".to_owned()),
                (Kind::OnlyA, "OSDH".to_owned()),
                (Kind::OnlyB, "Londres".to_owned()),
            ]
        );
    }

    #[test]
    fn each_span_pairs_once_and_empty_sides_align_to_nothing() {
        let a = vec![s("armée syrienne", "ORG")];
        let b = vec![s("armée", "ORG"), s("syrienne", "ORG")];
        let got = align(&a, &b);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].kind, Kind::OnlyB);
        assert_eq!(got[0].b.as_ref().unwrap().text, "armée");
        assert_eq!(got[1].kind, Kind::Boundary);
        assert_eq!(
            got[1].b.as_ref().unwrap().text,
            "syrienne",
            "the greater overlap pairs"
        );
        assert!(align(&[], &[]).is_empty());
        let same = align(&a, &a);
        assert_eq!(same.len(), 1);
        assert_eq!(same[0].kind, Kind::Same);
    }

    #[test]
    fn label_layers_side_by_side() {
        let mut a = BTreeMap::new();
        a.insert(
            "topic".to_owned(),
            vec!["politics".to_owned(), "conflict".to_owned()],
        );
        let mut b = BTreeMap::new();
        b.insert(
            "topic".to_owned(),
            vec!["conflict".to_owned(), "politics".to_owned()],
        );
        b.insert("tone".to_owned(), vec!["neutral".to_owned()]);
        let layers = label_layers(&a, &b);
        assert_eq!(layers.len(), 2);
        assert_eq!(layers[0].layer, "tone");
        assert!(!layers[0].agrees());
        assert!(layers[1].agrees());
    }
}
