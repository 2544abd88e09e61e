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

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::Serialize;

use crate::record::Span;

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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

/// Keeps every span and value with at least `needed` votes and a vote of an
/// annotator `counts` accepts; provenance lists every voter.
fn tally(votes: &[&Vote<'_>], needed: usize, counts: impl Fn(&str) -> bool) -> Combined {
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
