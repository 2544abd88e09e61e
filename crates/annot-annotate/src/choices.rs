//! Numbered choices a session can offer on a document: the hook `annot adjudicate`
//! drives the annotation session with.
//!
//! An [`Agenda`] is one document to go over: the annotation it opens with (what every
//! side agreed on), and [`Choice`]s, each a disagreement with one [`ChoiceOption`] per
//! side. `c 2 a` takes side a's option of choice 2, `c 2 both` every side's, `c 2
//! neither` none, `c * b` side b's option of every choice; the spans, values or zones
//! of the choice are replaced by the option's, as one edit that `u` undoes. Every other
//! command of the session edits by hand as usual.
//!
//! The session does not know where the agendas come from (the CLI computes them with
//! `annot-diff`); it only knows the sides' names and votes, so that the records it
//! writes say which side had each span and value ([`Agenda::provenance`]).

use annot_model::ZoneSpan;
use std::collections::{BTreeMap, BTreeSet};

use annot_model::combine::{
    CombinedValue, Contested, Method, Provenance, Rules, SpanProvenance, Strategy, Vote, settle,
};
use annot_model::record::Span;

use crate::state::Annotation;

pub use annot_model::combine::SideVote;

/// What a choice decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChoiceTarget {
    /// Overlapping spans the sides marked differently, `[start, end)` covering them all.
    Spans {
        /// Start of the stretch (code points).
        start: usize,
        /// End of the stretch (code points, exclusive).
        end: usize,
    },
    /// The values of one document-label layer.
    Layer(String),
    /// The zone corrections.
    Zones,
}

/// One side's way of settling a choice.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChoiceOption {
    /// Whose option.
    pub side: String,
    /// Its spans (for [`ChoiceTarget::Spans`]).
    pub spans: Vec<Span>,
    /// Its values (for [`ChoiceTarget::Layer`]).
    pub values: Vec<String>,
    /// Its zones (for [`ChoiceTarget::Zones`]).
    pub zones: Option<Vec<ZoneSpan>>,
}

/// A disagreement and the options it can be settled with.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// What it decides.
    pub target: ChoiceTarget,
    /// One option per side, in side order (keys `a`, `b`, `c`, ...).
    pub options: Vec<ChoiceOption>,
}

/// One document of an adjudication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Agenda {
    /// Document id.
    pub doc: String,
    /// What the document opens with: what the sides agreed on.
    pub start: Annotation,
    /// The disagreements.
    pub choices: Vec<Choice>,
    /// Every side with a decision on the document.
    pub votes: Vec<SideVote>,
    /// Lines shown with the choices (a side without a decision, spans not carried).
    pub notes: Vec<String>,
}

/// Every document to go over, and the sides compared.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Adjudication {
    /// The sides, as written.
    pub sides: Vec<String>,
    /// Documents, in the order to go over them.
    pub agendas: Vec<Agenda>,
}

/// Which option a `c` command takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Pick {
    /// One side's option (by index).
    Side(usize),
    /// Every side's.
    Both,
    /// None.
    Neither,
}

/// `c N OPTION` or `c * OPTION`: the choices (empty for `*`) and the option.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Take {
    /// Choice numbers (1-based); empty means every choice.
    pub choices: Vec<usize>,
    /// The option, when one was given (`c 2` alone shows choice 2).
    pub pick: Option<Pick>,
}

/// The key of side `i`: `a`, `b`, ... (`s27` past `z`).
#[must_use]
pub fn side_key(i: usize) -> String {
    u8::try_from(i).ok().filter(|&i| i < 26).map_or_else(
        || format!("s{}", i + 1),
        |i| char::from(b'a' + i).to_string(),
    )
}

/// Parses `c ...`; `None` when the line is not a choice command.
///
/// # Errors
/// A message saying how to write one.
pub fn parse_take(line: &str, sides: &[String]) -> Option<Result<Take, String>> {
    let mut words = line.split_whitespace();
    if words.next()? != "c" {
        return None;
    }
    let rest: Vec<&str> = words.collect();
    let usage = || {
        format!(
            "c N OPTION takes an option of choice N: {} · both · neither (c * OPTION: every choice; c alone lists them)",
            (0..sides.len())
                .map(|i| format!("{} ({})", side_key(i), sides[i]))
                .collect::<Vec<_>>()
                .join(" · ")
        )
    };
    let Some((first, tail)) = rest.split_first() else {
        return Some(Ok(Take {
            choices: Vec::new(),
            pick: None,
        }));
    };
    let choices = if *first == "*" {
        Vec::new()
    } else {
        match first.parse::<usize>() {
            Ok(n) if n > 0 => vec![n],
            _ => return Some(Err(usage())),
        }
    };
    let pick = match tail {
        [] if choices.is_empty() => return Some(Err(usage())),
        [] => None,
        [word] => {
            let w = word.to_lowercase();
            let p = match w.as_str() {
                "both" | "all" => Pick::Both,
                "neither" | "none" => Pick::Neither,
                _ => match (0..sides.len()).find(|&i| side_key(i) == w || sides[i] == *word) {
                    Some(i) => Pick::Side(i),
                    None => return Some(Err(usage())),
                },
            };
            Some(p)
        }
        _ => return Some(Err(usage())),
    };
    Some(Ok(Take { choices, pick }))
}

fn key(s: &Span) -> (usize, usize, &str) {
    (s.start, s.end, s.label.as_str())
}

impl Choice {
    /// Every span of every option (what a span choice replaces).
    fn all_spans(&self) -> Vec<&Span> {
        let mut all: Vec<&Span> = self.options.iter().flat_map(|o| &o.spans).collect();
        all.sort_by(|a, b| key(a).cmp(&key(b)));
        all.dedup_by(|a, b| key(a) == key(b));
        all
    }

    /// The part of `ann` this choice decides, in a comparable form.
    #[must_use]
    pub fn state_of(&self, ann: &Annotation) -> String {
        match &self.target {
            ChoiceTarget::Spans { .. } => {
                let all = self.all_spans();
                let mut keys: Vec<String> = ann
                    .spans
                    .iter()
                    .filter(|s| all.iter().any(|a| key(a) == key(s)))
                    .map(|s| format!("{}:{}:{}", s.start, s.end, s.label))
                    .collect();
                keys.sort();
                keys.join(" ")
            }
            ChoiceTarget::Layer(layer) => {
                let mut v = ann.labels.get(layer).cloned().unwrap_or_default();
                v.sort();
                v.join(" ")
            }
            ChoiceTarget::Zones => format!("{:?}", ann.zones),
        }
    }

    /// Applies `pick` to `ann`; `overlap` says whether the schema allows overlapping spans.
    ///
    /// # Errors
    /// An option that does not exist, or `both` where it would break the schema.
    pub fn apply(
        &self,
        ann: &mut Annotation,
        pick: &Pick,
        overlap: bool,
        single: bool,
    ) -> Result<(), String> {
        let chosen: Vec<&ChoiceOption> = match pick {
            Pick::Side(i) => vec![
                self.options
                    .get(*i)
                    .ok_or_else(|| format!("there is no side {}", side_key(*i)))?,
            ],
            Pick::Both => self.options.iter().collect(),
            Pick::Neither => Vec::new(),
        };
        match &self.target {
            ChoiceTarget::Spans { .. } => {
                let all = self.all_spans();
                let mut add: Vec<Span> = chosen.iter().flat_map(|o| o.spans.clone()).collect();
                add.sort_by(|a, b| key(a).cmp(&key(b)));
                add.dedup_by(|a, b| key(a) == key(b));
                if !overlap
                    && add.iter().enumerate().any(|(i, a)| {
                        add[i + 1..]
                            .iter()
                            .any(|b| a.start < b.end && b.start < a.end)
                    })
                {
                    return Err(
                        "both would make overlapping spans, which the schema does not allow: take one side, or edit by hand".into(),
                    );
                }
                ann.spans.retain(|s| !all.iter().any(|a| key(a) == key(s)));
                if !overlap
                    && let Some(s) = add
                        .iter()
                        .find(|a| ann.spans.iter().any(|s| a.start < s.end && s.start < a.end))
                {
                    return Err(format!(
                        "\"{}\" would overlap a span already there, which the schema does not allow: delete it first (d N)",
                        s.text
                    ));
                }
                for s in add {
                    ann.insert_span(s);
                }
            }
            ChoiceTarget::Layer(layer) => {
                let mut values: Vec<String> =
                    chosen.iter().flat_map(|o| o.values.clone()).collect();
                values.sort();
                values.dedup();
                if single && values.len() > 1 {
                    return Err(format!(
                        "{layer} takes one value: take one side, or set it by hand ({layer} VALUE)"
                    ));
                }
                if values.is_empty() {
                    ann.labels.remove(layer);
                } else {
                    ann.labels.insert(layer.clone(), values);
                }
            }
            ChoiceTarget::Zones => match pick {
                Pick::Both => {
                    return Err(
                        "zone corrections cannot be combined: take one side, or correct by hand (z N ZONE)".into(),
                    );
                }
                Pick::Neither => ann.zones = None,
                Pick::Side(_) => ann.zones = chosen.first().and_then(|o| o.zones.clone()),
            },
        }
        Ok(())
    }
}

impl Agenda {
    /// Whether choice `i` is still open in `ann`: not taken with `c`, and what it decides
    /// is as the document opened (what the sides agreed on).
    #[must_use]
    pub fn is_open(&self, i: usize, ann: &Annotation) -> bool {
        self.choices.get(i).is_some_and(|c| {
            !ann.taken.contains_key(&i) && c.state_of(ann) == c.state_of(&self.start)
        })
    }

    /// What the choices still open in `ann` leave undecided: each side's spans and
    /// values there, weighed as `annot merge` weighs them when every side must agree
    /// ([`settle`]): with who had them and who did not, and an extent the sides marked
    /// with different labels as one conflict.
    fn contested(&self, ann: &Annotation) -> Vec<Contested> {
        let sides: Vec<String> = self.votes.iter().map(|v| v.side.clone()).collect();
        let mut spans: Vec<Vec<Span>> = vec![Vec::new(); sides.len()];
        let mut labels: Vec<BTreeMap<String, Vec<String>>> = vec![BTreeMap::new(); sides.len()];
        for (i, c) in self.choices.iter().enumerate() {
            if !self.is_open(i, ann) {
                continue;
            }
            for o in &c.options {
                let Some(k) = sides.iter().position(|s| *s == o.side) else {
                    continue;
                };
                match &c.target {
                    ChoiceTarget::Spans { .. } => spans[k].extend(o.spans.iter().cloned()),
                    ChoiceTarget::Layer(layer) => labels[k]
                        .entry(layer.clone())
                        .or_default()
                        .extend(o.values.iter().cloned()),
                    ChoiceTarget::Zones => {}
                }
            }
        }
        let votes: Vec<Vote<'_>> = sides
            .iter()
            .zip(spans.iter().zip(&labels))
            .map(|(side, (spans, labels))| (side.as_str(), spans.as_slice(), labels))
            .collect();
        let every_side = Strategy::Majority {
            min_agree: Some(sides.len()),
        };
        // Overlaps are a person's to settle here: the schema rules do not flag anything more.
        let rules = Rules {
            overlap: true,
            single: BTreeSet::new(),
        };
        settle(&sides, &votes, &every_side, &rules).contested
    }

    /// The provenance of `ann` as a record written for this agenda: which side had
    /// each span and value (none for what was added by hand), and under `contested`
    /// what the disagreements left open when it was saved had.
    #[must_use]
    pub fn provenance(
        &self,
        sides: &[String],
        ann: &Annotation,
    ) -> serde_json::Map<String, serde_json::Value> {
        let who = |has: &dyn Fn(&SideVote) -> bool| -> Vec<String> {
            let mut w: Vec<String> = self
                .votes
                .iter()
                .filter(|v| has(v))
                .map(|v| v.side.clone())
                .collect();
            w.sort();
            w
        };
        let spans = ann
            .spans
            .iter()
            .map(|s| SpanProvenance {
                start: s.start,
                end: s.end,
                label: s.label.clone(),
                annotators: who(&|v| v.spans.iter().any(|x| key(x) == key(s))),
            })
            .collect();
        let labels = ann
            .labels
            .iter()
            .map(|(layer, values)| {
                let values = values
                    .iter()
                    .map(|value| CombinedValue {
                        value: value.clone(),
                        annotators: who(&|v| {
                            v.labels.get(layer).is_some_and(|x| x.contains(value))
                        }),
                    })
                    .collect();
                (layer.clone(), values)
            })
            .collect();
        let p = Provenance {
            method: Method::Adjudicate,
            strategy: None,
            from: sides.to_vec(),
            decided: self.votes.iter().map(|v| v.side.clone()).collect(),
            spans,
            labels,
            zones: ann
                .zones
                .as_ref()
                .map(|z| who(&|v| v.zones.as_ref() == Some(z))),
            contested: self.contested(ann),
            lost: Vec::new(),
            zone_options: Vec::new(),
        };
        let mut extra = serde_json::Map::new();
        p.store(&mut extra);
        extra
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use annot_model::combine::PROVENANCE_KEY;
    use std::collections::BTreeMap;

    const TEXT: &str = "Rania Khoury et Georges Haddad à Baabda.";

    fn s(needle: &str, label: &str) -> Span {
        let b = TEXT.find(needle).unwrap();
        let st = TEXT[..b].chars().count();
        Span::from_chars(TEXT, st, st + needle.chars().count(), label).unwrap()
    }

    fn sides() -> Vec<String> {
        vec!["alice".into(), "bob".into()]
    }

    #[test]
    fn takes_parse() {
        let t = |l: &str| parse_take(l, &sides());
        assert_eq!(t("Rania PER"), None);
        assert_eq!(
            t("c 2 b"),
            Some(Ok(Take {
                choices: vec![2],
                pick: Some(Pick::Side(1))
            }))
        );
        assert_eq!(
            t("c * alice"),
            Some(Ok(Take {
                choices: vec![],
                pick: Some(Pick::Side(0))
            }))
        );
        assert_eq!(t("c 1 both").unwrap().unwrap().pick, Some(Pick::Both));
        assert_eq!(t("c 1 none").unwrap().unwrap().pick, Some(Pick::Neither));
        assert_eq!(t("c 3").unwrap().unwrap().pick, None);
        assert!(t("c 1 z").unwrap().unwrap_err().contains("a (alice)"));
        assert!(t("c 0 a").unwrap().is_err());
        assert!(t("c *").unwrap().is_err());
        assert_eq!(side_key(2), "c");
        assert_eq!(side_key(30), "s31");
    }

    #[test]
    fn options_replace_the_spans_of_their_choice_only() {
        let agreed = s("Baabda", "LOC");
        let choice = Choice {
            target: ChoiceTarget::Spans { start: 16, end: 30 },
            options: vec![
                ChoiceOption {
                    side: "alice".into(),
                    spans: vec![s("Georges Haddad", "PER")],
                    ..ChoiceOption::default()
                },
                ChoiceOption {
                    side: "bob".into(),
                    spans: vec![s("Georges", "PER")],
                    ..ChoiceOption::default()
                },
            ],
        };
        let mut ann = Annotation::default();
        ann.insert_span(agreed.clone());
        let before = choice.state_of(&ann);
        choice
            .apply(&mut ann, &Pick::Side(0), false, false)
            .unwrap();
        assert_eq!(ann.spans, vec![s("Georges Haddad", "PER"), agreed.clone()]);
        choice
            .apply(&mut ann, &Pick::Side(1), false, false)
            .unwrap();
        assert_eq!(ann.spans, vec![s("Georges", "PER"), agreed.clone()]);
        let err = choice
            .apply(&mut ann, &Pick::Both, false, false)
            .unwrap_err();
        assert!(err.contains("overlapping"), "{err}");
        choice.apply(&mut ann, &Pick::Both, true, false).unwrap();
        assert_eq!(ann.spans.len(), 3);
        choice
            .apply(&mut ann, &Pick::Neither, false, false)
            .unwrap();
        assert_eq!(ann.spans, vec![agreed]);
        assert_eq!(choice.state_of(&ann), before);
    }

    #[test]
    fn layer_choices_and_provenance() {
        let choice = Choice {
            target: ChoiceTarget::Layer("topic".into()),
            options: vec![
                ChoiceOption {
                    side: "alice".into(),
                    values: vec!["society".into()],
                    ..ChoiceOption::default()
                },
                ChoiceOption {
                    side: "bob".into(),
                    values: vec!["health".into()],
                    ..ChoiceOption::default()
                },
            ],
        };
        let mut ann = Annotation::default();
        choice.apply(&mut ann, &Pick::Both, false, false).unwrap();
        assert_eq!(ann.labels["topic"], ["health", "society"]);
        assert!(choice.apply(&mut ann, &Pick::Both, false, true).is_err());
        choice
            .apply(&mut ann, &Pick::Neither, false, false)
            .unwrap();
        assert!(ann.labels.is_empty());
        choice
            .apply(&mut ann, &Pick::Side(1), false, false)
            .unwrap();
        let agenda = Agenda {
            doc: "d".into(),
            start: Annotation::default(),
            choices: vec![choice],
            votes: vec![
                SideVote {
                    side: "alice".into(),
                    labels: BTreeMap::from([("topic".into(), vec!["society".into()])]),
                    ..SideVote::default()
                },
                SideVote {
                    side: "bob".into(),
                    labels: BTreeMap::from([("topic".into(), vec!["health".into()])]),
                    ..SideVote::default()
                },
            ],
            notes: Vec::new(),
        };
        ann.insert_span(s("Baabda", "LOC"));
        let extra = agenda.provenance(&sides(), &ann);
        let p: Provenance = serde_json::from_value(extra[PROVENANCE_KEY].clone()).unwrap();
        assert_eq!(p.method, Method::Adjudicate);
        assert_eq!(p.labels["topic"][0].annotators, ["bob"]);
        assert!(p.spans[0].annotators.is_empty(), "made by hand");
    }

    #[test]
    fn an_open_label_clash_is_saved_as_one_conflict_as_merge_flags_it() {
        use annot_model::combine::{Item, Why};
        let side = |name: &str, spans: Vec<Span>| SideVote {
            side: name.into(),
            spans,
            ..SideVote::default()
        };
        let option = |name: &str, spans: Vec<Span>| ChoiceOption {
            side: name.into(),
            spans,
            ..ChoiceOption::default()
        };
        let alice = vec![s("Rania Khoury", "PER"), s("Baabda", "LOC")];
        let bob = vec![s("Rania Khoury", "ORG")];
        let agenda = Agenda {
            doc: "d".into(),
            start: Annotation::default(),
            choices: vec![
                Choice {
                    target: ChoiceTarget::Spans { start: 0, end: 12 },
                    options: vec![
                        option("alice", vec![s("Rania Khoury", "PER")]),
                        option("bob", vec![s("Rania Khoury", "ORG")]),
                    ],
                },
                Choice {
                    target: ChoiceTarget::Spans { start: 33, end: 39 },
                    options: vec![
                        option("alice", vec![s("Baabda", "LOC")]),
                        option("bob", Vec::new()),
                    ],
                },
            ],
            votes: vec![side("alice", alice), side("bob", bob)],
            notes: Vec::new(),
        };
        let extra = agenda.provenance(&sides(), &Annotation::default());
        let p: Provenance = serde_json::from_value(extra[PROVENANCE_KEY].clone()).unwrap();
        let open: Vec<(String, Why, Vec<String>)> = p
            .contested
            .iter()
            .map(|c| (c.item.to_string(), c.why, c.against.clone()))
            .collect();
        assert_eq!(
            open,
            [
                (
                    "ORG|PER \"Rania Khoury\" [0, 12)".to_owned(),
                    Why::Conflict,
                    Vec::new()
                ),
                (
                    "LOC \"Baabda\" [33, 39)".to_owned(),
                    Why::Tie,
                    vec!["bob".to_owned()]
                ),
            ]
        );
        assert!(matches!(&p.contested[0].item, Item::Extent { labels, .. } if labels.len() == 2));
        // Taking a side settles the clash: nothing of it is left in the record.
        let mut ann = Annotation::default();
        agenda.choices[0]
            .apply(&mut ann, &Pick::Side(1), false, false)
            .unwrap();
        let extra = agenda.provenance(&sides(), &ann);
        let p: Provenance = serde_json::from_value(extra[PROVENANCE_KEY].clone()).unwrap();
        assert_eq!(p.contested.len(), 1, "{:?}", p.contested);
    }
}
