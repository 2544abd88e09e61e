//! The alignment pre-flight: every span checked against the tokens of the written text.
//!
//! A span is *aligned* when it starts where a token starts and ends where a
//! token ends (the project tokenizer, which splits as spaCy does, so an
//! aligned span is one `Doc.char_span(..., alignment_mode="strict")` takes).
//! A misaligned span is listed with its nearest aligned extent: from the
//! start of the token its first character is in (or the next token, when it
//! starts on white space) to the end of the token its last character is in
//! (or the previous one). By default the export refuses; `--snap` writes the
//! nearest extent instead and `--drop-misaligned` leaves the span out, each
//! reported.
//!
//! Overlapping spans cannot be token tags (IOB, BIOES): for those formats,
//! and for JSONL when the schema does not allow overlaps, they are listed
//! and the export refuses unless `--overlap keep-longest|keep-first` says
//! which to keep.

use std::fmt;

use annot_model::offsets::OffsetMap;
use annot_model::record::Span;
use annot_model::tokenize::Token;
use annot_model::{SpillError, SpillList};
use serde::{Deserialize, Serialize};

use crate::config::{Misaligned, Overlap};
use crate::text::CrossingSpan;

/// A code point range of the written text, with its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Extent {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// `text[start:end]`.
    pub text: String,
}

/// A span whose ends are not token boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Misalignment {
    /// The document.
    pub doc: String,
    /// The span's label.
    pub label: String,
    /// The span, in the written text.
    pub span: Extent,
    /// The nearest token-aligned extent, `None` when the span holds no token.
    pub nearest: Option<Extent>,
}

/// Two spans of one document that overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OverlapPair {
    /// The document.
    pub doc: String,
    /// The span that comes first, `label` and extent.
    pub first: (String, Extent),
    /// The span that overlaps it.
    pub second: (String, Extent),
}

/// A span left out to resolve an overlap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DroppedOverlap {
    /// The document.
    pub doc: String,
    /// Its label.
    pub label: String,
    /// Its extent.
    pub span: Extent,
}

/// What the pre-flight found that stops the export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Refusal {
    /// Spans not on token boundaries.
    pub misaligned: Vec<Misalignment>,
    /// Overlapping spans where the format cannot hold them.
    pub overlaps: Vec<OverlapPair>,
}

impl Refusal {
    /// Adds what `other` found after what this one found.
    pub(crate) fn absorb(&mut self, other: Refusal) {
        let Refusal {
            misaligned,
            overlaps,
        } = other;
        self.misaligned.extend(misaligned);
        self.overlaps.extend(overlaps);
    }

    /// Whether nothing stops the export.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.misaligned.is_empty() && self.overlaps.is_empty()
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if !self.misaligned.is_empty() {
            parts.push(format!(
                "{} span(s) do not start and end on token boundaries (give --snap to expand them to the tokens, or --drop-misaligned to leave them out)",
                self.misaligned.len()
            ));
        }
        if !self.overlaps.is_empty() {
            parts.push(format!(
                "{} pair(s) of spans overlap, which token tags cannot hold (give --overlap keep-longest or --overlap keep-first)",
                self.overlaps.len()
            ));
        }
        write!(
            f,
            "the export refuses, nothing was written: {}",
            parts.join("; ")
        )
    }
}

/// Items of each of a [`Report`]'s lists held in memory; the rest wait in a
/// temporary file ([`SpillList`]), so that a report over a million documents
/// costs the memory of one over ten thousand.
const REPORT_IN_MEMORY: usize = 256;

/// What the pre-flight changed or set aside, reported with the summary. Its
/// lists grow with the documents: past [`REPORT_IN_MEMORY`] items each they
/// are kept in a temporary file, read back in order when they are reported.
#[derive(Debug, Serialize)]
pub struct Report {
    /// Misaligned spans expanded to token boundaries (`--snap`).
    pub snapped: SpillList<Misalignment>,
    /// Misaligned spans left out (`--drop-misaligned`, or `--snap` with no token inside).
    pub dropped_misaligned: SpillList<Misalignment>,
    /// Spans left out to resolve overlaps (`--overlap`).
    pub dropped_overlapping: SpillList<DroppedOverlap>,
    /// Spans across the edge of a kept zone: reported, not cut, not written.
    pub crossing_zones: SpillList<CrossingSpan>,
    /// Spans wholly in left-out zones (not written).
    pub outside_zones: usize,
    /// Spans that could not be carried onto a changed text (see `annot check`).
    pub lost_on_reanchor: usize,
}

impl Default for Report {
    fn default() -> Self {
        Report {
            snapped: SpillList::with_memory(REPORT_IN_MEMORY),
            dropped_misaligned: SpillList::with_memory(REPORT_IN_MEMORY),
            dropped_overlapping: SpillList::with_memory(REPORT_IN_MEMORY),
            crossing_zones: SpillList::with_memory(REPORT_IN_MEMORY),
            outside_zones: 0,
            lost_on_reanchor: 0,
        }
    }
}

/// Pushes every item of `from` onto `to`, in order.
fn append<T>(to: &mut SpillList<T>, from: &SpillList<T>) -> Result<(), SpillError>
where
    T: Serialize + serde::de::DeserializeOwned + Clone,
{
    for item in from.iter() {
        to.push(item?);
    }
    Ok(())
}

impl Report {
    /// Adds what `other` reports after what this one reports.
    ///
    /// # Errors
    /// The temporary file of one of `other`'s lists could not be read back.
    pub(crate) fn absorb(&mut self, other: Report) -> Result<(), SpillError> {
        append(&mut self.snapped, &other.snapped)?;
        append(&mut self.dropped_misaligned, &other.dropped_misaligned)?;
        append(&mut self.dropped_overlapping, &other.dropped_overlapping)?;
        append(&mut self.crossing_zones, &other.crossing_zones)?;
        self.outside_zones += other.outside_zones;
        self.lost_on_reanchor += other.lost_on_reanchor;
        Ok(())
    }

    /// The first failure of the temporary file of one of the lists, if any
    /// (then [`Summary::to_text`](crate::Summary::to_text) would miss items).
    ///
    /// # Errors
    /// [`SpillError`] naming what failed.
    pub fn check(&self) -> Result<(), SpillError> {
        self.snapped.check()?;
        self.dropped_misaligned.check()?;
        self.dropped_overlapping.check()?;
        self.crossing_zones.check()
    }
}

/// A span on the written text with its first and last token (inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlignedSpan {
    /// First code point.
    pub start: usize,
    /// One past the last.
    pub end: usize,
    /// Label.
    pub label: String,
    /// `text[start:end]`.
    pub text: String,
    /// Index of the first token.
    pub token_start: usize,
    /// Index of the last token (inclusive, as Prodigy writes it).
    pub token_end: usize,
    /// Annotators who had the span (provenance), sorted.
    pub annotators: Vec<String>,
}

impl AlignedSpan {
    fn extent(&self) -> Extent {
        Extent {
            start: self.start,
            end: self.end,
            text: self.text.clone(),
        }
    }
}

fn extent(text: &str, map: &OffsetMap, start: usize, end: usize) -> Extent {
    let slice = map
        .to_bytes(start, end)
        .map_or("", |(a, b)| text.get(a..b).unwrap_or(""));
    Extent {
        start,
        end,
        text: slice.to_owned(),
    }
}

/// The document being checked: its id, written text and tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Checked<'a> {
    pub(crate) doc: &'a str,
    pub(crate) text: &'a str,
    pub(crate) map: &'a OffsetMap,
    pub(crate) tokens: &'a [Token],
}

/// Checks `spans` (written-text offsets, with provenance) against the tokens,
/// applying `policy`; what stops the export goes to `refusal`, what was
/// changed to `report`. Returns the spans to write, sorted by (start, end, label).
pub(crate) fn align(
    c: Checked<'_>,
    spans: Vec<(Span, Vec<String>)>,
    policy: Misaligned,
    refusal: &mut Refusal,
    report: &mut Report,
) -> Vec<AlignedSpan> {
    let mut out: Vec<AlignedSpan> = Vec::with_capacity(spans.len());
    for (span, annotators) in spans {
        let first = c.tokens.partition_point(|t| t.start < span.start);
        let last = c.tokens.partition_point(|t| t.end < span.end);
        let aligned = c.tokens.get(first).is_some_and(|t| t.start == span.start)
            && c.tokens.get(last).is_some_and(|t| t.end == span.end);
        if aligned {
            out.push(AlignedSpan {
                start: span.start,
                end: span.end,
                label: span.label,
                text: span.text,
                token_start: first,
                token_end: last,
                annotators,
            });
            continue;
        }
        // Nearest: the first token ending after the start, the last starting before the end.
        let a = c.tokens.partition_point(|t| t.end <= span.start);
        let b = c.tokens.partition_point(|t| t.start < span.end);
        let nearest = (b > 0 && a < b).then(|| (a, b - 1));
        let problem = Misalignment {
            doc: c.doc.to_owned(),
            label: span.label.clone(),
            span: extent(c.text, c.map, span.start, span.end),
            nearest: nearest
                .map(|(a, b)| extent(c.text, c.map, c.tokens[a].start, c.tokens[b].end)),
        };
        match (policy, nearest) {
            (Misaligned::Refuse, _) => refusal.misaligned.push(problem),
            (Misaligned::Snap, Some((a, b))) => {
                let e = extent(c.text, c.map, c.tokens[a].start, c.tokens[b].end);
                report.snapped.push(problem);
                out.push(AlignedSpan {
                    start: e.start,
                    end: e.end,
                    label: span.label,
                    text: e.text,
                    token_start: a,
                    token_end: b,
                    annotators,
                });
            }
            (Misaligned::Snap | Misaligned::Drop, _) => {
                report.dropped_misaligned.push(problem);
            }
        }
    }
    out.sort_by(|x, y| (x.start, x.end, &x.label).cmp(&(y.start, y.end, &y.label)));
    // Snapping can make two spans one: keep it once, with both provenances.
    out.dedup_by(|later, kept| {
        let same = later.start == kept.start && later.end == kept.end && later.label == kept.label;
        if same {
            kept.annotators.append(&mut later.annotators);
            kept.annotators.sort();
            kept.annotators.dedup();
        }
        same
    });
    out
}

/// Resolves or lists overlaps among `spans` (sorted by start). `policy`
/// `None` keeps them all (the format holds overlaps).
pub(crate) fn overlaps(
    doc: &str,
    spans: Vec<AlignedSpan>,
    policy: Option<Overlap>,
    refusal: &mut Refusal,
    report: &mut Report,
) -> Vec<AlignedSpan> {
    let Some(policy) = policy else {
        return spans;
    };
    let mut reach = 0;
    let overlapping = spans.iter().any(|s| {
        let hit = s.start < reach;
        reach = reach.max(s.end);
        hit
    });
    if !overlapping {
        return spans;
    }
    match policy {
        Overlap::Refuse => {
            let mut widest: Option<&AlignedSpan> = None;
            for s in &spans {
                if let Some(w) = widest
                    && s.start < w.end
                {
                    refusal.overlaps.push(OverlapPair {
                        doc: doc.to_owned(),
                        first: (w.label.clone(), w.extent()),
                        second: (s.label.clone(), s.extent()),
                    });
                }
                if widest.is_none_or(|w| s.end > w.end) {
                    widest = Some(s);
                }
            }
            spans
        }
        Overlap::KeepFirst | Overlap::KeepLongest => {
            let mut order: Vec<usize> = (0..spans.len()).collect();
            if policy == Overlap::KeepFirst {
                order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end)));
            } else {
                order.sort_by_key(|&i| {
                    (
                        std::cmp::Reverse(spans[i].end - spans[i].start),
                        spans[i].start,
                    )
                });
            }
            let mut keep = vec![false; spans.len()];
            let mut kept: Vec<(usize, usize)> = Vec::new();
            for i in order {
                let s = &spans[i];
                if kept.iter().all(|&(a, b)| s.end <= a || b <= s.start) {
                    kept.push((s.start, s.end));
                    keep[i] = true;
                }
            }
            spans
                .into_iter()
                .zip(keep)
                .filter_map(|(s, k)| {
                    if !k {
                        report.dropped_overlapping.push(DroppedOverlap {
                            doc: doc.to_owned(),
                            label: s.label.clone(),
                            span: s.extent(),
                        });
                    }
                    k.then_some(s)
                })
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annot_model::tokenize::{Lang, tokenize};

    #[test]
    fn a_report_past_its_memory_gives_back_every_item_in_order() {
        let mut total = Report::default();
        let n = REPORT_IN_MEMORY + 300;
        for i in 0..n {
            let mut one = Report::default();
            one.dropped_misaligned.push(Misalignment {
                doc: format!("doc-{i}"),
                label: "PER".into(),
                span: Extent {
                    start: i,
                    end: i + 1,
                    text: "é\n".into(),
                },
                nearest: None,
            });
            one.outside_zones = 1;
            total.absorb(one).unwrap();
        }
        total.check().unwrap();
        assert_eq!(total.dropped_misaligned.len(), n);
        assert_eq!(total.dropped_misaligned.head().len(), REPORT_IN_MEMORY);
        assert_eq!(total.outside_zones, n);
        let docs: Vec<String> = total
            .dropped_misaligned
            .iter()
            .map(|m| m.unwrap().doc)
            .collect();
        let expected: Vec<String> = (0..n).map(|i| format!("doc-{i}")).collect();
        assert_eq!(docs, expected);
    }

    const TEXT: &str = "L'armée syrienne a repris Boukamal, dit l'OSDH.";

    fn run(
        spans: &[(usize, usize, &str)],
        policy: Misaligned,
    ) -> (Vec<AlignedSpan>, Refusal, Report) {
        let tokens = tokenize(TEXT, Lang::Fr);
        let map = OffsetMap::new(TEXT);
        let c = Checked {
            doc: "d",
            text: TEXT,
            map: &map,
            tokens: &tokens,
        };
        let spans = spans
            .iter()
            .map(|&(s, e, l)| (Span::from_chars(TEXT, s, e, l).unwrap(), vec!["a".into()]))
            .collect();
        let (mut refusal, mut report) = (Refusal::default(), Report::default());
        let out = align(c, spans, policy, &mut refusal, &mut report);
        (out, refusal, report)
    }

    #[test]
    fn aligned_spans_get_their_tokens() {
        // L' armée syrienne a repris Boukamal , dit l' OSDH .
        let (out, refusal, _) = run(&[(2, 16, "ORG"), (26, 34, "LOC")], Misaligned::Refuse);
        assert!(refusal.is_empty());
        let t: Vec<(usize, usize, &str)> = out
            .iter()
            .map(|s| (s.token_start, s.token_end, s.text.as_str()))
            .collect();
        assert_eq!(t, [(1, 2, "armée syrienne"), (5, 5, "Boukamal")]);
    }

    #[test]
    fn misaligned_spans_are_refused_snapped_or_dropped() {
        // "armée syrien" ends inside a token; "Boukamal, " ends on white space.
        let bad = [(2, 14, "ORG"), (26, 36, "LOC"), (35, 36, "LOC")];
        let (out, refusal, _) = run(&bad, Misaligned::Refuse);
        assert!(out.is_empty());
        assert_eq!(refusal.misaligned.len(), 3);
        let near: Vec<Option<&str>> = refusal
            .misaligned
            .iter()
            .map(|m| m.nearest.as_ref().map(|e| e.text.as_str()))
            .collect();
        assert_eq!(near, [Some("armée syrienne"), Some("Boukamal,"), None]);
        assert!(refusal.to_string().contains("--snap"), "{refusal}");

        let (out, refusal, report) = run(&bad, Misaligned::Snap);
        assert!(refusal.is_empty());
        let texts: Vec<&str> = out.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["armée syrienne", "Boukamal,"]);
        assert_eq!(
            (report.snapped.len(), report.dropped_misaligned.len()),
            (2, 1)
        );

        let (out, _, report) = run(&bad, Misaligned::Drop);
        assert!(out.is_empty());
        assert_eq!(report.dropped_misaligned.len(), 3);
    }

    #[test]
    fn overlaps_are_listed_or_resolved() {
        let (spans, _, _) = run(
            &[(2, 16, "ORG"), (8, 16, "MISC"), (26, 34, "LOC")],
            Misaligned::Refuse,
        );
        let mut refusal = Refusal::default();
        let mut report = Report::default();
        let kept = overlaps("d", spans.clone(), None, &mut refusal, &mut report);
        assert_eq!(kept.len(), 3, "formats that hold overlaps keep them");
        overlaps(
            "d",
            spans.clone(),
            Some(Overlap::Refuse),
            &mut refusal,
            &mut report,
        );
        assert_eq!(refusal.overlaps.len(), 1);
        assert_eq!(refusal.overlaps[0].second.1.text, "syrienne");
        let kept = overlaps(
            "d",
            spans.clone(),
            Some(Overlap::KeepLongest),
            &mut refusal,
            &mut report,
        );
        let labels: Vec<&str> = kept.iter().map(|s| s.label.as_str()).collect();
        assert_eq!(labels, ["ORG", "LOC"]);
        assert_eq!(report.dropped_overlapping.len(), 1);
        let (spans, _, _) = run(&[(2, 7, "ORG"), (2, 16, "MISC")], Misaligned::Refuse);
        let kept = overlaps(
            "d",
            spans,
            Some(Overlap::KeepFirst),
            &mut refusal,
            &mut report,
        );
        assert_eq!(kept[0].label, "MISC", "the longest of those starting first");
    }
}
