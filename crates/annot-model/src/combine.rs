//! Combining several annotators' records of one document into one: the rule
//! `annot export --from alice,bob --strategy ...` applies, and `annot merge`
//! is to call, written once.
//!
//! Spans are compared by exact extent and label (`start`, `end`, `label`);
//! document labels by (layer, value). Every combined span and value carries
//! its provenance: the annotators whose record had it.
//!
//! The strategies count votes against the *panel*, the annotators asked for,
//! not against the records that happen to exist: with `--from alice,bob`,
//! `intersection` keeps what both marked, so a document only alice decided
//! keeps nothing under it.
//!
//! ```
//! use annot_model::combine::{Strategy, combine};
//! use annot_model::record::Span;
//!
//! let text = "Kfar Selwan et Beyrouth";
//! let a = vec![Span::from_chars(text, 0, 11, "LOC")?, Span::from_chars(text, 15, 23, "LOC")?];
//! let b = vec![Span::from_chars(text, 0, 11, "LOC")?];
//! let panel = ["alice".to_owned(), "bob".to_owned()];
//! let votes = [("alice", a.as_slice(), &Default::default()), ("bob", b.as_slice(), &Default::default())];
//! let both = combine(&panel, &votes, &Strategy::Intersection);
//! assert_eq!(both.spans.len(), 1);
//! assert_eq!(both.spans[0].annotators, ["alice", "bob"]);
//! # Ok::<(), annot_model::SpanError>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::record::Span;
use crate::schema::Schema;

/// How several annotators' records become one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Strategy {
    /// Everything any annotator of the panel marked.
    Union,
    /// Only what every annotator of the panel marked.
    Intersection,
    /// What at least `min_agree` annotators marked (`None`: more than half of the panel).
    Majority {
        /// Votes needed; `None` is a strict majority of the panel.
        min_agree: Option<usize>,
    },
    /// The named annotator's record where they have one; otherwise the next
    /// annotator of the panel, in the order given, who has one.
    Prefer(String),
}

impl Strategy {
    /// Votes a span or value needs among a panel of `panel` annotators.
    #[must_use]
    pub fn needed(&self, panel: usize) -> usize {
        match self {
            Strategy::Union | Strategy::Prefer(_) => 1,
            Strategy::Intersection => panel.max(1),
            Strategy::Majority { min_agree } => min_agree.unwrap_or(panel / 2 + 1).max(1),
        }
    }
}

impl fmt::Display for Strategy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Strategy::Union => f.write_str("union"),
            Strategy::Intersection => f.write_str("intersection"),
            Strategy::Majority { min_agree: None } => f.write_str("majority"),
            Strategy::Majority { min_agree: Some(k) } => write!(f, "majority (at least {k})"),
            Strategy::Prefer(name) => write!(f, "prefer:{name}"),
        }
    }
}

/// Why a strategy name does not parse.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{0}' is not a strategy; use union, intersection, majority or prefer:NAME (e.g. prefer:alice)"
)]
pub struct StrategyError(pub String);

impl FromStr for Strategy {
    type Err = StrategyError;

    /// `union`, `intersection`, `majority` or `prefer:NAME` (the `--min-agree`
    /// of `majority` is set apart).
    fn from_str(s: &str) -> Result<Self, StrategyError> {
        match s.trim() {
            "union" => Ok(Strategy::Union),
            "intersection" => Ok(Strategy::Intersection),
            "majority" => Ok(Strategy::Majority { min_agree: None }),
            other => match other.strip_prefix("prefer:").map(str::trim) {
                Some(name) if !name.is_empty() => Ok(Strategy::Prefer(name.to_owned())),
                _ => Err(StrategyError(s.to_owned())),
            },
        }
    }
}

/// A combined span and who had it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CombinedSpan {
    /// The span (its `source` is the first voter's).
    pub span: Span,
    /// Annotators whose record had this exact span, sorted.
    pub annotators: Vec<String>,
}

/// A combined document label value and who chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CombinedValue {
    /// The value.
    pub value: String,
    /// Annotators who chose it, sorted.
    pub annotators: Vec<String>,
}

/// The outcome of [`combine`] for one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Combined {
    /// Spans kept, sorted by (start, end, label).
    pub spans: Vec<CombinedSpan>,
    /// Document labels kept: layer -> values, in the order of the first record that had them.
    pub labels: BTreeMap<String, Vec<CombinedValue>>,
}

impl Combined {
    /// The kept spans without their provenance.
    #[must_use]
    pub fn plain_spans(&self) -> Vec<Span> {
        self.spans.iter().map(|c| c.span.clone()).collect()
    }

    /// The kept document labels without their provenance.
    #[must_use]
    pub fn plain_labels(&self) -> BTreeMap<String, Vec<String>> {
        self.labels
            .iter()
            .map(|(k, v)| (k.clone(), v.iter().map(|c| c.value.clone()).collect()))
            .collect()
    }
}

/// One annotator's contribution: name, spans (on the current text) and document labels.
pub type Vote<'a> = (&'a str, &'a [Span], &'a BTreeMap<String, Vec<String>>);

/// Combines the records of one document by `strategy`.
///
/// `panel` is the annotators asked for, in the order given (it sets the
/// votes needed and the fallback order of [`Strategy::Prefer`]); `votes`
/// holds the records that exist, already resolved onto the current text.
/// Votes of annotators outside the panel are ignored; an annotator who marked
/// the same span twice votes once.
#[must_use]
pub fn combine(panel: &[String], votes: &[Vote<'_>], strategy: &Strategy) -> Combined {
    let votes: Vec<&Vote<'_>> = votes
        .iter()
        .filter(|(who, _, _)| panel.iter().any(|p| p == who))
        .collect();
    if let Strategy::Prefer(first) = strategy {
        let order = std::iter::once(first.as_str()).chain(panel.iter().map(String::as_str));
        let Some(chosen) = order
            .into_iter()
            .find_map(|name| votes.iter().find(|(who, _, _)| *who == name))
        else {
            return Combined::default();
        };
        return tally(&votes, 1, |who| who == chosen.0);
    }
    tally(&votes, strategy.needed(panel.len()), |_| true)
}

/// Who voted for a span or value, and whether one of them counts (see [`tally`]).
type Tally<T> = (T, Vec<String>, bool);

/// Every span and value any vote has, with who voted for it (in vote order) and
/// whether an annotator `counts` accepts is among them.
struct Tallied<'v> {
    spans: BTreeMap<(usize, usize, &'v str), Tally<Span>>,
    labels: BTreeMap<&'v str, Vec<Tally<&'v str>>>,
}

fn tally_all<'v>(votes: &[&Vote<'v>], counts: impl Fn(&str) -> bool) -> Tallied<'v> {
    let mut spans: BTreeMap<(usize, usize, &str), Tally<Span>> = BTreeMap::new();
    let mut labels: BTreeMap<&str, Vec<Tally<&str>>> = BTreeMap::new();
    for &&(who, record_spans, record_labels) in votes {
        let counted = counts(who);
        for s in record_spans {
            let e = spans
                .entry((s.start, s.end, s.label.as_str()))
                .or_insert_with(|| (s.clone(), Vec::new(), false));
            if !e.1.iter().any(|a| a == who) {
                e.1.push(who.to_owned());
            }
            e.2 |= counted;
        }
        for (layer, values) in record_labels {
            let layer_values = labels.entry(layer.as_str()).or_default();
            for v in values {
                let i = match layer_values.iter().position(|(x, _, _)| x == v) {
                    Some(i) => i,
                    None => {
                        layer_values.push((v.as_str(), Vec::new(), false));
                        layer_values.len() - 1
                    }
                };
                let e = &mut layer_values[i];
                if !e.1.iter().any(|a| a == who) {
                    e.1.push(who.to_owned());
                }
                e.2 |= counted;
            }
        }
    }
    Tallied { spans, labels }
}

/// Keeps every span and value with at least `needed` votes and a vote of an
/// annotator `counts` accepts; provenance lists every voter.
fn tally(votes: &[&Vote<'_>], needed: usize, counts: impl Fn(&str) -> bool) -> Combined {
    let Tallied { spans, labels } = tally_all(votes, counts);
    let spans = spans
        .into_values()
        .filter(|(_, who, counted)| *counted && who.len() >= needed)
        .map(|(span, mut annotators, _)| {
            annotators.sort();
            CombinedSpan { span, annotators }
        })
        .collect();
    let labels = labels
        .into_iter()
        .filter_map(|(layer, values)| {
            let kept: Vec<CombinedValue> = values
                .into_iter()
                .filter(|(_, who, counted)| *counted && who.len() >= needed)
                .map(|(value, mut annotators, _)| {
                    annotators.sort();
                    CombinedValue {
                        value: value.to_owned(),
                        annotators,
                    }
                })
                .collect();
            (!kept.is_empty()).then(|| (layer.to_owned(), kept))
        })
        .collect();
    Combined { spans, labels }
}

/// What the schema says about conflicts: whether spans may overlap, and which
/// document-label layers take one value only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rules {
    /// Spans may overlap (`spans.overlap` of the schema).
    pub overlap: bool,
    /// Layers that take one value (`multi: false`).
    pub single: BTreeSet<String>,
}

impl Rules {
    /// The rules of `schema`.
    #[must_use]
    pub fn of(schema: &Schema) -> Self {
        Rules {
            overlap: schema.spans.overlap,
            single: schema
                .labels
                .iter()
                .filter(|l| !l.multi)
                .map(|l| l.name.clone())
                .collect(),
        }
    }
}

/// One label an extent was marked with, and who chose it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LabelVote {
    /// The label.
    pub label: String,
    /// Annotators who marked the extent with it, sorted.
    pub annotators: Vec<String>,
}

/// What is contested: a span, an extent marked with several labels, or a document
/// label value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
pub enum Item {
    /// A span (on the current text).
    Span {
        /// The span.
        span: Span,
    },
    /// One extent the annotators marked with different labels: one disagreement,
    /// with each label and who chose it.
    Extent {
        /// Start (code points, on the current text).
        start: usize,
        /// End (exclusive).
        end: usize,
        /// The text of the extent.
        text: String,
        /// Each label and who chose it, most chosen first (then by label).
        labels: Vec<LabelVote>,
    },
    /// A value of a document-label layer.
    Label {
        /// The layer.
        layer: String,
        /// The value.
        value: String,
    },
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Span { span } => write!(
                f,
                "{} \"{}\" [{}, {})",
                span.label, span.text, span.start, span.end
            ),
            Item::Extent {
                start,
                end,
                text,
                labels,
            } => {
                let labels: Vec<&str> = labels.iter().map(|l| l.label.as_str()).collect();
                write!(f, "{} \"{text}\" [{start}, {end})", labels.join("|"))
            }
            Item::Label { layer, value } => write!(f, "{layer} {value}"),
        }
    }
}

/// Why a strategy left an item to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// As many votes for it as against it, neither enough (e.g. one of two annotators).
    Tie,
    /// Fewer votes for it than `--min-agree` asks, and too few against it to leave it
    /// out (e.g. two of three annotators with `--min-agree 3`).
    Short,
    /// An annotator of the panel has no decision on the document, and theirs could tip it.
    Missing,
    /// An extent enough annotators marked, but not with one label; or an item that
    /// would be kept but clashes with another kept item: the same extent with
    /// another label, an overlapping span where the schema forbids overlaps, or a
    /// second value of a one-value layer.
    Conflict,
}

impl Why {
    /// The reason in words.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Why::Tie => "tie",
            Why::Short => "short",
            Why::Missing => "missing",
            Why::Conflict => "conflict",
        }
    }
}

/// A span or value the strategy could not settle: one of the options a person chooses from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contested {
    /// The span or value.
    #[serde(flatten)]
    pub item: Item,
    /// Annotators who marked it, sorted.
    pub annotators: Vec<String>,
    /// Annotators of the panel who decided the document without it, sorted.
    pub against: Vec<String>,
    /// Why it is left open.
    pub why: Why,
}

impl Contested {
    /// Who chose it, in words: the annotators joined by `names`, or for an extent each
    /// label with its annotators (`PER alice+bob`), joined by `labels`.
    #[must_use]
    pub fn who(&self, names: &str, labels: &str) -> String {
        match &self.item {
            Item::Extent { labels: votes, .. } => votes
                .iter()
                .map(|l| format!("{} {}", l.label, l.annotators.join(names)))
                .collect::<Vec<_>>()
                .join(labels),
            _ => self.annotators.join(names),
        }
    }
}

/// The outcome of [`settle`]: what the strategy keeps, and what it leaves to a person.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Settled {
    /// Kept spans and values, with provenance (contested items are not among them).
    pub kept: Combined,
    /// Items left open, spans first (by position), then values (by layer).
    pub contested: Vec<Contested>,
}

impl Settled {
    /// Whether the strategy settled everything.
    #[must_use]
    pub fn is_settled(&self) -> bool {
        self.contested.is_empty()
    }
}

/// Combines one document's records by `strategy` as [`combine`] does, and also
/// says what the strategy could not settle (what `annot merge` flags):
///
/// - `majority` (at least K votes, by default more than half the panel): a span
///   or value is kept with K votes for it, left out when K annotators who decided
///   the document did not mark it, and otherwise contested ([`Why::Tie`] with as
///   many for as against, [`Why::Short`] otherwise, or [`Why::Missing`] when an
///   annotator of the panel has no decision). With two
///   annotators, everything only one of them marked is contested;
/// - `intersection`: left out as soon as one annotator who decided the document
///   did not mark it; contested only when all who decided marked it but some
///   annotator of the panel has no decision;
/// - `union` keeps everything;
/// - `prefer:NAME` takes one record and contests nothing.
///
/// Spans are weighed an extent at a time: whether the annotators marked the extent
/// at all, then with which label. An extent marked with several labels, none of
/// which the strategy keeps, is one [`Item::Extent`] listing each label and who
/// chose it: a [`Why::Conflict`] when the extent itself has the votes (two of three
/// marked it, as PER and ORG; or two of two), otherwise contested or left out as a
/// span would be, by the votes for the extent. When the strategy keeps one label,
/// the others are weighed alone (outvoted, or contested). A one-value layer is
/// weighed the same way: set by enough annotators, to no value enough of them
/// chose, each value is a [`Why::Conflict`] (against: who did not set the layer).
///
/// Except with `prefer`, kept items that clash ([`Why::Conflict`]) are taken out
/// of the kept set and contested: one extent with several kept labels (one
/// [`Item::Extent`]), spans that overlap where the schema forbids it, several
/// values of a one-value layer.
#[must_use]
pub fn settle(panel: &[String], votes: &[Vote<'_>], strategy: &Strategy, rules: &Rules) -> Settled {
    let mut kept = combine(panel, votes, strategy);
    if matches!(strategy, Strategy::Prefer(_)) {
        return Settled {
            kept,
            contested: Vec::new(),
        };
    }
    let votes: Vec<&Vote<'_>> = votes
        .iter()
        .filter(|(who, _, _)| panel.iter().any(|p| p == who))
        .collect();
    let mut decided: Vec<String> = votes.iter().map(|(w, _, _)| (*w).to_owned()).collect();
    decided.sort();
    decided.dedup();
    let missing = panel.iter().filter(|p| !decided.contains(p)).count();
    let needed = strategy.needed(panel.len());
    // Who decided the document without marking an item.
    let against = |voters: &[String]| -> Vec<String> {
        decided
            .iter()
            .filter(|d| !voters.contains(d))
            .cloned()
            .collect()
    };
    let open = |voters: &[String]| -> Option<(Vec<String>, Vec<String>, Why)> {
        let mut voters = voters.to_vec();
        voters.sort();
        let against = against(&voters);
        let left_out = match strategy {
            Strategy::Intersection => !against.is_empty(),
            _ => against.len() >= needed,
        };
        if left_out {
            return None;
        }
        let why = if missing > 0 {
            Why::Missing
        } else if voters.len() == against.len() {
            Why::Tie
        } else {
            Why::Short
        };
        Some((voters, against, why))
    };
    let all = tally_all(&votes, |_| true);
    let mut contested = Vec::new();
    // Spans an extent at a time: first whether the annotators marked the extent at
    // all, then with which label.
    let mut extents: BTreeMap<(usize, usize), Vec<&Tally<Span>>> = BTreeMap::new();
    for ((start, end, _), t) in &all.spans {
        extents.entry((*start, *end)).or_default().push(t);
    }
    // Extents with several kept labels: taken out of the kept spans, one conflict each.
    let mut clashing_extents: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (&(start, end), labels) in &extents {
        let kept_labels = labels.iter().filter(|(_, v, _)| v.len() >= needed).count();
        if labels.len() == 1 || kept_labels == 1 {
            // One label, or one the strategy keeps: every other label is weighed alone.
            for (span, voters, _) in labels {
                if voters.len() >= needed {
                    continue;
                }
                if let Some((annotators, against, why)) = open(voters) {
                    contested.push(Contested {
                        item: Item::Span { span: span.clone() },
                        annotators,
                        against,
                        why,
                    });
                }
            }
            continue;
        }
        let mut voters: Vec<String> = labels
            .iter()
            .flat_map(|(_, v, _)| v.iter().cloned())
            .collect();
        voters.sort();
        voters.dedup();
        // The extent has the votes but no one label has (or several have): a label
        // conflict. Short of votes, the extent is weighed as a span would be.
        let open_here = if kept_labels > 1 || voters.len() >= needed {
            let not = against(&voters);
            Some((voters, not, Why::Conflict))
        } else {
            open(&voters)
        };
        if kept_labels > 1 {
            clashing_extents.insert((start, end));
        }
        if let Some((annotators, against, why)) = open_here {
            let mut votes: Vec<LabelVote> = labels
                .iter()
                .map(|(span, who, _)| {
                    let mut annotators = who.clone();
                    annotators.sort();
                    LabelVote {
                        label: span.label.clone(),
                        annotators,
                    }
                })
                .collect();
            votes.sort_by(|a, b| {
                (b.annotators.len(), &a.label).cmp(&(a.annotators.len(), &b.label))
            });
            contested.push(Contested {
                item: Item::Extent {
                    start,
                    end,
                    text: labels[0].0.text.clone(),
                    labels: votes,
                },
                annotators,
                against,
                why,
            });
        }
    }
    // Kept spans of different extents that overlap where the schema forbids it.
    let clash = |x: &Span, y: &Span| {
        let same_extent = x.start == y.start && x.end == y.end;
        !rules.overlap && !same_extent && x.start < y.end && y.start < x.end
    };
    let clashing: Vec<bool> = kept
        .spans
        .iter()
        .map(|a| {
            !clashing_extents.contains(&(a.span.start, a.span.end))
                && kept.spans.iter().any(|b| clash(&a.span, &b.span))
        })
        .collect();
    let mut k = 0;
    kept.spans.retain(|c| {
        let out = clashing[k];
        k += 1;
        if out {
            contested.push(Contested {
                item: Item::Span {
                    span: c.span.clone(),
                },
                annotators: c.annotators.clone(),
                against: against(&c.annotators),
                why: Why::Conflict,
            });
        }
        !out && !clashing_extents.contains(&(c.span.start, c.span.end))
    });
    let position = |i: &Item| match i {
        Item::Span { span } => (span.start, span.end, span.label.clone()),
        Item::Extent { start, end, .. } => (*start, *end, String::new()),
        Item::Label { .. } => (usize::MAX, usize::MAX, String::new()),
    };
    contested.sort_by_key(|c| position(&c.item));
    for (layer, values) in &all.labels {
        // A one-value layer is weighed as an extent is: first whether the annotators
        // set it at all, then to which value.
        let single = rules.single.contains(*layer);
        let mut layer_voters: Vec<String> = values
            .iter()
            .flat_map(|(_, v, _)| v.iter().cloned())
            .collect();
        layer_voters.sort();
        layer_voters.dedup();
        let no_value_kept = values.iter().all(|(_, v, _)| v.len() < needed);
        let value_conflict =
            single && values.len() > 1 && no_value_kept && layer_voters.len() >= needed;
        for (value, voters, _) in values {
            if voters.len() >= needed {
                continue;
            }
            let open_here = if value_conflict {
                let mut voters = voters.clone();
                voters.sort();
                Some((voters, against(&layer_voters), Why::Conflict))
            } else {
                open(voters)
            };
            if let Some((annotators, against, why)) = open_here {
                contested.push(Contested {
                    item: Item::Label {
                        layer: (*layer).to_owned(),
                        value: (*value).to_owned(),
                    },
                    annotators,
                    against,
                    why,
                });
            }
        }
        if rules.single.contains(*layer)
            && let Some(kv) = kept.labels.get(*layer)
            && kv.len() > 1
        {
            for v in kept.labels.remove(*layer).unwrap_or_default() {
                contested.push(Contested {
                    item: Item::Label {
                        layer: (*layer).to_owned(),
                        value: v.value,
                    },
                    against: against(&layer_voters),
                    annotators: v.annotators,
                    why: Why::Conflict,
                });
            }
        }
    }
    Settled { kept, contested }
}

/// The key of a record's `extra` under which [`Provenance`] is kept.
pub const PROVENANCE_KEY: &str = "provenance";

/// Who a span of a combined record came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanProvenance {
    /// Start, as in the record's span.
    pub start: usize,
    /// End, as in the record's span.
    pub end: usize,
    /// Label, as in the record's span.
    pub label: String,
    /// Who marked it (sorted); empty for a span made by hand in `annot adjudicate`.
    pub annotators: Vec<String>,
}

/// A side's span that could not be carried onto the current text, listed in a merged record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LostOption {
    /// Whose span.
    pub annotator: String,
    /// The span as that side recorded it (old offsets, old text).
    pub span: Span,
    /// Why it could not be carried.
    pub reason: String,
}

/// One side's zone corrections, an option when the sides' corrections differ.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ZoneOption {
    /// Sides with these corrections, sorted.
    pub annotators: Vec<String>,
    /// The corrections (`None`: the imported zones).
    pub zones: Option<Vec<crate::document::ZoneSpan>>,
}

/// Where a record written by `annot merge` or `annot adjudicate` came from, kept in
/// the record under `"provenance"` (a key older readers keep as it is):
///
/// ```json
/// {"method":"merge","strategy":"majority","from":["alice","bob"],"decided":["alice","bob"],
///  "spans":[{"start":0,"end":11,"label":"LOC","annotators":["alice","bob"]}],
///  "labels":{"topic":[{"value":"society","annotators":["alice","bob"]}]},
///  "contested":[{"item":"span","span":{...},"annotators":["bob"],"against":["alice"],"why":"tie"},
///               {"item":"extent","start":25,"end":35,"text":"Bob Durand",
///                "labels":[{"label":"ORG","annotators":["bob"]},{"label":"PER","annotators":["alice"]}],
///                "annotators":["alice","bob"],"against":[],"why":"conflict"}]}
/// ```
///
/// `spans` has one entry per span of the record, in the record's order and at its
/// offsets (those of the text of the record's `hash`). `contested`, `lost` and
/// `zone_options` list what a flagged record leaves to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// What wrote the record.
    pub method: Method,
    /// The strategy of a merge (`majority`, `majority (at least 2)`, `union`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<String>,
    /// The sides combined, as written.
    pub from: Vec<String>,
    /// The sides that had a decision on the document.
    pub decided: Vec<String>,
    /// Who each span of the record came from.
    pub spans: Vec<SpanProvenance>,
    /// Who each document label value came from.
    pub labels: BTreeMap<String, Vec<CombinedValue>>,
    /// Sides whose zone corrections the record has (when it has some).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub zones: Option<Vec<String>>,
    /// Spans and values left open.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contested: Vec<Contested>,
    /// Sides' spans that could not be carried onto the current text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lost: Vec<LostOption>,
    /// The sides' differing zone corrections.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub zone_options: Vec<ZoneOption>,
}

/// What wrote a combined record (`method` of its [`Provenance`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    /// `annot merge`: may be replaced by a newer merge; its flagged records wait for
    /// an adjudication.
    Merge,
    /// An `annot adjudicate` session: a person's decision.
    Adjudicate,
    /// A method this version does not know (a newer annot's): kept as a decision of
    /// someone's, never replaced.
    #[serde(other)]
    Other,
}

/// What one side decided on a document, as a merge or an adjudication weighs it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SideVote {
    /// The side, as written.
    pub side: String,
    /// Its spans on the current text.
    pub spans: Vec<Span>,
    /// Its document labels.
    pub labels: BTreeMap<String, Vec<String>>,
    /// Its zone corrections.
    pub zones: Option<Vec<crate::ZoneSpan>>,
}

impl Provenance {
    /// Whether `record` was written by `annot merge` (its provenance says so).
    #[must_use]
    pub fn is_merge(record: &crate::record::Record) -> bool {
        // Only `method` is read: a provenance with items a newer annot writes is
        // still a merge's.
        record
            .extra
            .get(PROVENANCE_KEY)
            .and_then(|p| p.get("method"))
            .is_some_and(|m| m == "merge")
    }

    /// The provenance of `spans` and `labels` as [`Combined`] gives it.
    #[must_use]
    pub fn spans_of(kept: &Combined) -> Vec<SpanProvenance> {
        kept.spans
            .iter()
            .map(|c| SpanProvenance {
                start: c.span.start,
                end: c.span.end,
                label: c.span.label.clone(),
                annotators: c.annotators.clone(),
            })
            .collect()
    }

    /// The provenance kept in `record`, if it has one that reads.
    #[must_use]
    pub fn of(record: &crate::record::Record) -> Option<Provenance> {
        let v = record.extra.get(PROVENANCE_KEY)?;
        serde_json::from_value(v.clone()).ok()
    }

    /// Puts the provenance into a record's `extra`.
    pub fn store(&self, extra: &mut serde_json::Map<String, serde_json::Value>) {
        if let Ok(v) = serde_json::to_value(self) {
            extra.insert(PROVENANCE_KEY.to_owned(), v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Le Hezbollah et l'armée syrienne à Boukamal.";

    fn span(needle: &str, label: &str) -> Span {
        let b = TEXT.find(needle).unwrap();
        let s = TEXT[..b].chars().count();
        Span::from_chars(TEXT, s, s + needle.chars().count(), label).unwrap()
    }

    fn labels(values: &[&str]) -> BTreeMap<String, Vec<String>> {
        BTreeMap::from([(
            "topic".to_owned(),
            values.iter().map(|v| (*v).to_owned()).collect(),
        )])
    }

    fn panel(names: &[&str]) -> Vec<String> {
        names.iter().map(|n| (*n).to_owned()).collect()
    }

    fn kept(c: &Combined) -> Vec<(&str, &str, Vec<&str>)> {
        c.spans
            .iter()
            .map(|s| {
                (
                    s.span.text.as_str(),
                    s.span.label.as_str(),
                    s.annotators.iter().map(String::as_str).collect(),
                )
            })
            .collect()
    }

    struct Fixture {
        a: Vec<Span>,
        b: Vec<Span>,
        c: Vec<Span>,
        la: BTreeMap<String, Vec<String>>,
        lb: BTreeMap<String, Vec<String>>,
        lc: BTreeMap<String, Vec<String>>,
    }

    fn fixture() -> Fixture {
        Fixture {
            a: vec![span("Hezbollah", "ORG"), span("Boukamal", "LOC")],
            b: vec![
                span("Hezbollah", "ORG"),
                span("armée syrienne", "ORG"),
                span("Boukamal", "LOC"),
            ],
            c: vec![span("Hezbollah", "ORG"), span("Boukamal", "ORG")],
            la: labels(&["conflict"]),
            lb: labels(&["conflict", "politics"]),
            lc: labels(&["politics"]),
        }
    }

    impl Fixture {
        fn votes(&self) -> Vec<Vote<'_>> {
            vec![
                ("alice", &self.a, &self.la),
                ("bob", &self.b, &self.lb),
                ("carol", &self.c, &self.lc),
            ]
        }
    }

    #[test]
    fn union_keeps_everything_with_provenance() {
        let f = fixture();
        let c = combine(
            &panel(&["alice", "bob", "carol"]),
            &f.votes(),
            &Strategy::Union,
        );
        assert_eq!(
            kept(&c),
            [
                ("Hezbollah", "ORG", vec!["alice", "bob", "carol"]),
                ("armée syrienne", "ORG", vec!["bob"]),
                ("Boukamal", "LOC", vec!["alice", "bob"]),
                ("Boukamal", "ORG", vec!["carol"]),
            ]
        );
        let topic: Vec<&str> = c.labels["topic"].iter().map(|v| v.value.as_str()).collect();
        assert_eq!(topic, ["conflict", "politics"]);
        assert_eq!(c.labels["topic"][1].annotators, ["bob", "carol"]);
    }

    #[test]
    fn intersection_needs_the_whole_panel() {
        let f = fixture();
        let c = combine(
            &panel(&["alice", "bob", "carol"]),
            &f.votes(),
            &Strategy::Intersection,
        );
        assert_eq!(
            kept(&c),
            [("Hezbollah", "ORG", vec!["alice", "bob", "carol"])]
        );
        assert!(c.labels.is_empty());
        // A panel member without a record: nothing is unanimous.
        let votes = &f.votes()[..1];
        let c = combine(&panel(&["alice", "bob"]), votes, &Strategy::Intersection);
        assert!(c.spans.is_empty());
    }

    #[test]
    fn majority_is_more_than_half_or_min_agree() {
        let f = fixture();
        let all = panel(&["alice", "bob", "carol"]);
        let c = combine(&all, &f.votes(), &Strategy::Majority { min_agree: None });
        assert_eq!(
            kept(&c),
            [
                ("Hezbollah", "ORG", vec!["alice", "bob", "carol"]),
                ("Boukamal", "LOC", vec!["alice", "bob"]),
            ]
        );
        assert_eq!(c.plain_labels()["topic"], ["conflict", "politics"]);
        let c = combine(&all, &f.votes(), &Strategy::Majority { min_agree: Some(3) });
        assert_eq!(kept(&c).len(), 1);
        assert!(c.labels.is_empty());
        assert_eq!(Strategy::Majority { min_agree: None }.needed(4), 3);
    }

    #[test]
    fn prefer_takes_one_record_and_falls_back_in_panel_order() {
        let f = fixture();
        let all = panel(&["alice", "bob", "carol"]);
        let c = combine(&all, &f.votes(), &Strategy::Prefer("carol".into()));
        assert_eq!(
            kept(&c),
            [
                ("Hezbollah", "ORG", vec!["alice", "bob", "carol"]),
                ("Boukamal", "ORG", vec!["carol"]),
            ]
        );
        assert_eq!(c.plain_labels()["topic"], ["politics"]);
        let without_carol = &f.votes()[..2];
        let c = combine(&all, without_carol, &Strategy::Prefer("carol".into()));
        assert_eq!(c.plain_spans(), f.a, "alice comes first in the panel");
        let c = combine(&all, &f.votes()[1..2], &Strategy::Prefer("carol".into()));
        assert_eq!(c.plain_spans(), f.b, "then bob");
        assert_eq!(
            combine(&all, &[], &Strategy::Prefer("carol".into())),
            Combined::default()
        );
    }

    #[test]
    fn votes_outside_the_panel_and_repeats_do_not_count() {
        let f = fixture();
        let twice = vec![span("Boukamal", "LOC"), span("Boukamal", "LOC")];
        let none = BTreeMap::new();
        let votes: Vec<Vote<'_>> = vec![("alice", &twice, &none), ("mallory", &f.b, &f.lb)];
        let c = combine(
            &panel(&["alice", "bob"]),
            &votes,
            &Strategy::Majority { min_agree: Some(2) },
        );
        assert!(c.spans.is_empty());
    }

    fn contested(s: &Settled) -> Vec<(String, Why)> {
        s.contested
            .iter()
            .map(|c| (c.item.to_string(), c.why))
            .collect()
    }

    #[test]
    fn settle_leaves_ties_missing_votes_and_clashes_open() {
        let f = fixture();
        let two = panel(&["alice", "bob"]);
        let rules = Rules {
            overlap: false,
            single: BTreeSet::new(),
        };
        let majority = Strategy::Majority { min_agree: None };
        let s = settle(&two, &f.votes()[..2], &majority, &rules);
        // Two annotators: what only one marked is a tie.
        assert_eq!(s.kept.spans.len(), 2);
        assert_eq!(
            contested(&s),
            [
                ("ORG \"armée syrienne\" [18, 32)".to_owned(), Why::Tie),
                ("topic politics".to_owned(), Why::Tie),
            ]
        );
        assert_eq!(s.contested[0].annotators, ["bob"]);
        assert_eq!(s.contested[0].against, ["alice"]);
        // Three: two against one settles either way.
        let s = settle(
            &panel(&["alice", "bob", "carol"]),
            &f.votes(),
            &majority,
            &rules,
        );
        assert!(s.is_settled(), "{:?}", s.contested);
        // At least three of three: what two marked and one did not is short, not a tie.
        let s = settle(
            &panel(&["alice", "bob", "carol"]),
            &f.votes(),
            &Strategy::Majority { min_agree: Some(3) },
            &rules,
        );
        assert!(!s.contested.is_empty());
        for c in &s.contested {
            let want = if matches!(c.item, Item::Extent { .. }) {
                // All three marked Boukamal, two as LOC, one as ORG.
                Why::Conflict
            } else if c.annotators.len() == c.against.len() {
                Why::Tie
            } else {
                Why::Short
            };
            assert_eq!(c.why, want, "{c:?}");
        }
        assert!(
            s.contested.iter().any(|c| c.why == Why::Short),
            "{:?}",
            s.contested
        );
        // carol has no record: bob's lone span could still reach two votes.
        let s = settle(
            &panel(&["alice", "bob", "carol"]),
            &f.votes()[..2],
            &majority,
            &rules,
        );
        assert_eq!(s.contested[0].why, Why::Missing);
        // Intersection drops what one who decided did not mark.
        let s = settle(&two, &f.votes()[..2], &Strategy::Intersection, &rules);
        assert!(s.is_settled());
        let s = settle(&two, &f.votes()[..1], &Strategy::Intersection, &rules);
        assert!(s.contested.iter().all(|c| c.why == Why::Missing));
        assert_eq!(s.contested.len(), 3);
        // Union keeps everything but takes out what clashes: Boukamal LOC and ORG, one
        // conflict on the extent.
        let single = Rules {
            overlap: false,
            single: BTreeSet::from(["topic".to_owned()]),
        };
        let s = settle(
            &panel(&["alice", "bob", "carol"]),
            &f.votes(),
            &Strategy::Union,
            &single,
        );
        assert_eq!(
            contested(&s),
            [
                ("LOC|ORG \"Boukamal\" [35, 43)".to_owned(), Why::Conflict),
                ("topic conflict".to_owned(), Why::Conflict),
                ("topic politics".to_owned(), Why::Conflict),
            ]
        );
        assert_eq!(s.kept.spans.len(), 2);
        assert!(s.kept.labels.is_empty());
        // Prefer settles everything, as export combines it.
        let s = settle(&two, &f.votes(), &Strategy::Prefer("bob".into()), &single);
        assert!(s.is_settled());
        assert_eq!(
            s.kept,
            combine(&two, &f.votes(), &Strategy::Prefer("bob".into()))
        );
    }

    fn label_votes(c: &Contested) -> Vec<(&str, Vec<&str>)> {
        match &c.item {
            Item::Extent { labels, .. } => labels
                .iter()
                .map(|l| {
                    (
                        l.label.as_str(),
                        l.annotators.iter().map(String::as_str).collect(),
                    )
                })
                .collect(),
            other => panic!("not an extent: {other}"),
        }
    }

    #[test]
    fn an_extent_with_the_votes_and_no_label_with_them_is_one_conflict() {
        // hostile8 #12: alice ORG, carol LOC on Boukamal, bob nothing there. Each
        // label alone has 1 of 3 votes; the extent has 2 of 3.
        let a = vec![span("Hezbollah", "ORG"), span("Boukamal", "ORG")];
        let b = vec![span("Hezbollah", "ORG")];
        let c = vec![span("Hezbollah", "ORG"), span("Boukamal", "LOC")];
        let none = BTreeMap::new();
        let votes: Vec<Vote<'_>> = vec![
            ("alice", &a, &none),
            ("bob", &b, &none),
            ("carol", &c, &none),
        ];
        let three = panel(&["alice", "bob", "carol"]);
        let rules = Rules::default();
        let majority = Strategy::Majority { min_agree: None };
        let s = settle(&three, &votes, &majority, &rules);
        assert_eq!(
            kept(&s.kept),
            [("Hezbollah", "ORG", vec!["alice", "bob", "carol"])]
        );
        assert_eq!(
            contested(&s),
            [("LOC|ORG \"Boukamal\" [35, 43)".to_owned(), Why::Conflict)]
        );
        let open = &s.contested[0];
        assert_eq!(open.annotators, ["alice", "carol"]);
        assert_eq!(open.against, ["bob"]);
        assert_eq!(
            label_votes(open),
            [("LOC", vec!["carol"]), ("ORG", vec!["alice"])]
        );
        // What export combines is unchanged: neither label has a majority.
        assert_eq!(s.kept, combine(&three, &votes, &majority));

        // Two sides: one conflict, not two ties each saying "not" the other.
        let two = panel(&["alice", "carol"]);
        let s = settle(&two, &[votes[0], votes[2]], &majority, &rules);
        assert_eq!(
            contested(&s),
            [("LOC|ORG \"Boukamal\" [35, 43)".to_owned(), Why::Conflict)]
        );
        assert!(s.contested[0].against.is_empty());
        // Intersection: both marked the extent, with different labels: open too.
        let s = settle(&two, &[votes[0], votes[2]], &Strategy::Intersection, &rules);
        assert_eq!(s.contested.len(), 1);
        assert_eq!(s.contested[0].why, Why::Conflict);

        // Two of three chose one label: kept, the third's outvoted.
        let c2 = vec![span("Boukamal", "ORG")];
        let outvoted: Vec<Vote<'_>> = vec![
            ("alice", &a, &none),
            ("bob", &c2, &none),
            ("carol", &c, &none),
        ];
        let s = settle(&three, &outvoted, &majority, &rules);
        assert!(s.is_settled(), "{:?}", s.contested);
        assert!(kept(&s.kept).contains(&("Boukamal", "ORG", vec!["alice", "bob"])));

        // The extent short of the votes: a tie on the extent (2 of 4 marked it), with
        // its labels; 1 of 4 is left out.
        let d = vec![span("Hezbollah", "ORG")];
        let four = panel(&["alice", "bob", "carol", "dave"]);
        let mut with_dave = votes.clone();
        with_dave.push(("dave", &d, &none));
        let s = settle(&four, &with_dave, &majority, &rules);
        assert_eq!(
            contested(&s),
            [("LOC|ORG \"Boukamal\" [35, 43)".to_owned(), Why::Tie)]
        );
        assert_eq!(s.contested[0].against, ["bob", "dave"]);
        let s = settle(
            &four,
            &with_dave,
            &Strategy::Majority { min_agree: Some(2) },
            &rules,
        );
        assert_eq!(
            s.contested[0].why,
            Why::Conflict,
            "2 of 4 reach --min-agree 2"
        );
        let one_label = vec![span("Hezbollah", "ORG"), span("Boukamal", "LOC")];
        let lone: Vec<Vote<'_>> = vec![
            ("alice", &one_label, &none),
            ("bob", &b, &none),
            ("carol", &b, &none),
            ("dave", &d, &none),
        ];
        assert!(settle(&four, &lone, &majority, &rules).is_settled());

        // Several labels kept (at least one vote each): one conflict on the extent.
        let s = settle(
            &three,
            &votes,
            &Strategy::Majority { min_agree: Some(1) },
            &rules,
        );
        assert_eq!(
            contested(&s),
            [("LOC|ORG \"Boukamal\" [35, 43)".to_owned(), Why::Conflict)]
        );
        assert_eq!(s.kept.spans.len(), 1, "Hezbollah only");
    }

    #[test]
    fn a_one_value_layer_most_set_to_different_values_is_a_conflict() {
        let none: Vec<Span> = Vec::new();
        let (pos, neg, unset) = (
            BTreeMap::from([("tone".to_owned(), vec!["positive".to_owned()])]),
            BTreeMap::from([("tone".to_owned(), vec!["negative".to_owned()])]),
            BTreeMap::new(),
        );
        let votes: Vec<Vote<'_>> = vec![
            ("alice", &none, &pos),
            ("bob", &none, &unset),
            ("carol", &none, &neg),
        ];
        let three = panel(&["alice", "bob", "carol"]);
        let majority = Strategy::Majority { min_agree: None };
        let single = Rules {
            overlap: false,
            single: BTreeSet::from(["tone".to_owned()]),
        };
        let s = settle(&three, &votes, &majority, &single);
        assert_eq!(
            contested(&s),
            [
                ("tone positive".to_owned(), Why::Conflict),
                ("tone negative".to_owned(), Why::Conflict)
            ]
        );
        // Against: who did not set the layer, never the side that chose the other value.
        assert!(s.contested.iter().all(|c| c.against == ["bob"]), "{s:?}");
        // A layer of several values: each value stands alone, 1 of 3 is left out.
        assert!(settle(&three, &votes, &majority, &Rules::default()).is_settled());
        // Two of three chose one value: kept.
        let votes: Vec<Vote<'_>> = vec![
            ("alice", &none, &pos),
            ("bob", &none, &pos),
            ("carol", &none, &neg),
        ];
        let s = settle(&three, &votes, &majority, &single);
        assert!(s.is_settled());
        assert_eq!(s.kept.plain_labels()["tone"], ["positive"]);
    }

    #[test]
    fn an_extent_conflict_reads_back_from_a_record() {
        let c = Contested {
            item: Item::Extent {
                start: 35,
                end: 43,
                text: "Boukamal".into(),
                labels: vec![
                    LabelVote {
                        label: "LOC".into(),
                        annotators: vec!["carol".into()],
                    },
                    LabelVote {
                        label: "ORG".into(),
                        annotators: vec!["alice".into()],
                    },
                ],
            },
            annotators: vec!["alice".into(), "carol".into()],
            against: vec!["bob".into()],
            why: Why::Conflict,
        };
        let v = serde_json::to_value(&c).unwrap();
        assert_eq!(v["item"], "extent");
        assert_eq!(v["labels"][0]["label"], "LOC");
        assert_eq!(v["why"], "conflict");
        assert_eq!(serde_json::from_value::<Contested>(v).unwrap(), c);
        // A merge record whose provenance this version cannot read whole is still a
        // merge's (so a later merge may replace it, never taken for a decision by hand).
        let mut r = crate::record::Record {
            doc: "d".into(),
            hash: "h".into(),
            annotator: "gold".into(),
            schema: "news@1".into(),
            status: crate::record::Status::Flagged,
            at: String::new(),
            ms: 0,
            spans: Vec::new(),
            labels: BTreeMap::new(),
            zones: None,
            note: None,
            extra: serde_json::Map::new(),
        };
        r.extra.insert(
            PROVENANCE_KEY.into(),
            serde_json::json!({"method": "merge", "contested": [{"item": "newer"}]}),
        );
        assert!(Provenance::of(&r).is_none());
        assert!(Provenance::is_merge(&r));
        r.extra.insert(
            PROVENANCE_KEY.into(),
            serde_json::json!({"method": "adjudicate"}),
        );
        assert!(!Provenance::is_merge(&r));
    }

    #[test]
    fn strategies_parse() {
        assert_eq!("union".parse(), Ok(Strategy::Union));
        assert_eq!("prefer:alice".parse(), Ok(Strategy::Prefer("alice".into())));
        assert_eq!(
            "majority".parse(),
            Ok(Strategy::Majority { min_agree: None })
        );
        let err = "prefer:".parse::<Strategy>().unwrap_err().to_string();
        assert!(err.contains("prefer:NAME"), "{err}");
        assert!("vote".parse::<Strategy>().is_err());
    }
}
