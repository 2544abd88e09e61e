//! Token level: spans to IOB2 tags over given tokens, the tags as a reliability matrix
//! (for Cohen's kappa and Krippendorff's alpha), and seqeval-compatible entity scores.

use std::fmt;

use serde::Serialize;

use super::ReliabilityData;
use super::span::{LabeledSpan, Matching, SpanScores, span_scores};
use crate::MetricError;

/// An IOB2 tag.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Tag<L> {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(L),
    /// A following token of an entity.
    I(L),
}

impl Tag<String> {
    /// Parses `O`, `B-LABEL` or `I-LABEL` (the CoNLL spelling); `None` for anything else.
    #[must_use]
    pub fn parse(tag: &str) -> Option<Tag<String>> {
        match tag.split_once('-') {
            None if tag == "O" => Some(Tag::O),
            Some(("B", label)) if !label.is_empty() => Some(Tag::B(label.to_owned())),
            Some(("I", label)) if !label.is_empty() => Some(Tag::I(label.to_owned())),
            _ => None,
        }
    }
}

impl<L: fmt::Display> fmt::Display for Tag<L> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tag::O => f.write_str("O"),
            Tag::B(l) => write!(f, "B-{l}"),
            Tag::I(l) => write!(f, "I-{l}"),
        }
    }
}

/// IOB2 tags of the tokens for the spans.
///
/// Tokens are `(start, end)` code-point pairs, sorted and non-overlapping. Every token
/// that shares at least one code point with a span is tagged with it, so a span that does
/// not lie on token boundaries widens to the tokens it touches; a span touching no token
/// (say, over whitespace only) yields no tag. Where spans overlap, the span that starts
/// first (then the longer, then the smaller label) keeps the shared tokens, and the
/// other begins (`B-`) at its first token still free, so entities stay apart.
///
/// # Errors
/// [`MetricError::UnsortedTokens`] for unsorted, overlapping or empty tokens;
/// [`MetricError::EmptySpan`] for an empty or reversed span (document 0).
pub fn iob2_tags<L: Ord + Clone>(
    tokens: &[(usize, usize)],
    spans: &[LabeledSpan<L>],
) -> Result<Vec<Tag<L>>, MetricError> {
    iob2_tags_resolved(tokens, spans).map(|(tags, _)| tags)
}

/// [`iob2_tags`], and how many spans lost some or all of the tokens they touch to a
/// span placed before them (overlapping spans, or spans sharing a token).
///
/// # Errors
/// As [`iob2_tags`].
pub fn iob2_tags_resolved<L: Ord + Clone>(
    tokens: &[(usize, usize)],
    spans: &[LabeledSpan<L>],
) -> Result<(Vec<Tag<L>>, usize), MetricError> {
    let mut previous_end = 0;
    for (index, &(start, end)) in tokens.iter().enumerate() {
        if start >= end || start < previous_end {
            return Err(MetricError::UnsortedTokens { index, start, end });
        }
        previous_end = end;
    }
    let mut order: Vec<&LabeledSpan<L>> = spans.iter().collect();
    for s in &order {
        if s.start >= s.end {
            return Err(MetricError::EmptySpan {
                document: 0,
                start: s.start,
                end: s.end,
            });
        }
    }
    order.sort_by(|a, b| {
        (a.start, std::cmp::Reverse(a.end), &a.label).cmp(&(
            b.start,
            std::cmp::Reverse(b.end),
            &b.label,
        ))
    });
    let mut tags = vec![Tag::O; tokens.len()];
    let mut resolved = 0;
    for span in order {
        let first = tokens.partition_point(|&(_, end)| end <= span.start);
        let touched = tokens
            .get(first..)
            .unwrap_or_default()
            .partition_point(|&(start, _)| start < span.end);
        let mut got = 0;
        let mut begun = false;
        for (k, &(start, _)) in tokens.iter().enumerate().skip(first) {
            if start >= span.end {
                break;
            }
            if tags[k] == Tag::O {
                tags[k] = if begun {
                    Tag::I(span.label.clone())
                } else {
                    Tag::B(span.label.clone())
                };
                begun = true;
                got += 1;
            } else if begun {
                // a token taken by an earlier span ends this span's run
                break;
            }
        }
        if got < touched {
            resolved += 1;
        }
    }
    Ok((tags, resolved))
}

/// The entities of an IOB2 sequence in seqeval's strict mode: `(first token, end token, label)`.
///
/// An entity is a `B-X` followed by any number of `I-X`; an `I-` that does not continue
/// a `B-`/`I-` of its own type starts no entity (seqeval `mode='strict', scheme=IOB2`).
#[must_use]
pub fn strict_entities<L: PartialEq + Clone>(tags: &[Tag<L>]) -> Vec<LabeledSpan<L>> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < tags.len() {
        if let Tag::B(label) = &tags[k] {
            let mut end = k + 1;
            while matches!(tags.get(end), Some(Tag::I(l)) if l == label) {
                end += 1;
            }
            out.push(LabeledSpan::new(k, end, label.clone()));
            k = end;
        } else {
            k += 1;
        }
    }
    out
}

/// Entity-level scores of predicted against true IOB2 sequences, as seqeval's
/// `classification_report(..., mode='strict', scheme=IOB2)` computes them.
pub type EntityScores<L> = SpanScores<L>;

/// seqeval-compatible strict entity precision, recall and F1 over `(true, predicted)` sequences.
///
/// Where seqeval answers 0 by `zero_division`, the value here is Undefined with the reason.
///
/// # Errors
/// [`MetricError::LengthMismatch`] when a true and a predicted sequence differ in length.
pub fn entity_scores<'a, L, I>(sequences: I) -> Result<EntityScores<L>, MetricError>
where
    L: Ord + Clone + 'a,
    I: IntoIterator<Item = (&'a [Tag<L>], &'a [Tag<L>])>,
{
    let mut documents = Vec::new();
    for (sequence, (truth, predicted)) in sequences.into_iter().enumerate() {
        if truth.len() != predicted.len() {
            return Err(MetricError::LengthMismatch {
                sequence,
                expected: truth.len(),
                found: predicted.len(),
            });
        }
        documents.push((strict_entities(truth), strict_entities(predicted)));
    }
    span_scores(
        documents.iter().map(|(a, b)| (a.as_slice(), b.as_slice())),
        Matching::Exact,
    )
}

/// The tag sequences of several coders over the same tokens as a reliability matrix
/// (tokens × coders), each distinct tag one category, for [`super::cohen_kappa`] and
/// [`super::krippendorff_alpha`] with the nominal metric.
///
/// # Errors
/// [`MetricError::LengthMismatch`] when the sequences differ in length.
pub fn tag_reliability<L: Ord + Clone>(
    coders: &[&[Tag<L>]],
) -> Result<ReliabilityData, MetricError> {
    let tokens = coders.first().map_or(0, |c| c.len());
    for (sequence, c) in coders.iter().enumerate() {
        if c.len() != tokens {
            return Err(MetricError::LengthMismatch {
                sequence,
                expected: tokens,
                found: c.len(),
            });
        }
    }
    let mut distinct: Vec<&Tag<L>> = coders.iter().flat_map(|c| c.iter()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let id = |t: &Tag<L>| {
        distinct
            .binary_search(&t)
            .ok()
            .and_then(|i| u32::try_from(i).ok())
    };
    let rows = (0..tokens).map(|k| coders.iter().map(|c| id(&c[k])).collect::<Vec<_>>());
    ReliabilityData::from_units(coders.len(), rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(s: &str) -> Vec<Tag<String>> {
        s.split_whitespace()
            .map(|t| Tag::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn spans_to_tags() {
        // "Jean Dupont vit à Paris ."
        let tokens = [(0, 4), (5, 11), (12, 15), (16, 17), (18, 23), (24, 25)];
        let spans = [
            LabeledSpan::new(0, 11, "PER".to_owned()),
            LabeledSpan::new(19, 22, "LOC".to_owned()), // inside "Paris": the token is tagged
        ];
        let t = iob2_tags(&tokens, &spans).unwrap();
        assert_eq!(t, tags("B-PER I-PER O O B-LOC O"));
        // overlapping spans: the earlier keeps shared tokens, the later begins after them
        let spans = [
            LabeledSpan::new(0, 11, "PER".to_owned()),
            LabeledSpan::new(5, 15, "ORG".to_owned()),
        ];
        assert_eq!(
            iob2_tags(&tokens, &spans).unwrap(),
            tags("B-PER I-PER B-ORG O O O")
        );
        assert!(iob2_tags(&[(3, 5), (4, 6)], &spans).is_err());
        // the ORG span lost a token: one span resolved; a span inside another is dropped
        assert_eq!(iob2_tags_resolved(&tokens, &spans).unwrap().1, 1);
        let nested = [
            LabeledSpan::new(0, 11, "PER".to_owned()),
            LabeledSpan::new(5, 11, "PER".to_owned()),
            LabeledSpan::new(18, 23, "LOC".to_owned()),
        ];
        let (t, resolved) = iob2_tags_resolved(&tokens, &nested).unwrap();
        assert_eq!(t, tags("B-PER I-PER O O B-LOC O"));
        assert_eq!(resolved, 1);
        // apart spans: none resolved
        assert_eq!(iob2_tags_resolved(&tokens, &nested[..1]).unwrap().1, 0);
    }

    /// seqeval's README example (the conlleval data) in strict mode: of the true MISC and
    /// PER entities, the prediction finds PER only; and an I- without B- is no entity.
    #[test]
    fn strict_entities_as_seqeval() {
        let truth = tags("O O O B-MISC I-MISC I-MISC O B-PER I-PER O");
        let pred = tags("O O B-MISC I-MISC I-MISC I-MISC O B-PER I-PER O");
        let s = entity_scores([(&truth[..], &pred[..])]).unwrap();
        assert_eq!(s.micro.precision.get(), Some(0.5));
        assert_eq!(s.micro.recall.get(), Some(0.5));
        assert_eq!(
            strict_entities(&tags("I-X I-X B-Y I-Y I-X")),
            vec![LabeledSpan::new(2, 4, "Y".to_owned())]
        );
        assert_eq!(Tag::parse("B-"), None);
        assert_eq!(tags("B-PER")[0].to_string(), "B-PER");
    }

    #[test]
    fn tags_as_reliability_data() {
        let a = tags("B-PER I-PER O");
        let b = tags("B-PER O O");
        let data = tag_reliability(&[&a, &b]).unwrap();
        assert_eq!(data.units(), 3);
        assert!(tag_reliability(&[&a, &b[..2]]).is_err());
    }
}
