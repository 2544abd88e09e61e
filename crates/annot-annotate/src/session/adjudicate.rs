//! A session over an [`Adjudication`]: only the documents where the sides disagree,
//! each opened with what they agreed on, its disagreements listed as numbered choices
//! taken with `c N OPTION` (see [`crate::choices`]); every other command edits by hand.

use std::collections::HashMap;
use std::io::Write;

use annot_model::Schema;
use annot_model::combine::Provenance;
use annot_model::corpus::Corpus;
use annot_model::record::{Record, Status};
use annot_model::store::AnnotatorLog;
use anstyle::Style;

use super::{Flow, Session, SessionOptions, complain, tell};
use crate::choices::{Adjudication, Agenda, Choice, ChoiceTarget, Pick, parse_take, side_key};
use crate::edit::paragraphs;
use crate::error::Result;
use crate::render;
use crate::state::Annotation;

/// The adjudication a session walks (the options taken are in each document's
/// annotation, [`Annotation::taken`], so that undo and redo follow them).
#[derive(Debug, Default)]
pub(super) struct Adjudicating {
    sides: Vec<String>,
    agendas: HashMap<String, Agenda>,
}

/// Whether a record of the target log is a decision an adjudication passes over: any
/// decision but a flagged record `annot merge` left open.
fn decided(r: &Record) -> bool {
    r.status.leaves_queue() && !(r.status == Status::Flagged && Provenance::is_merge(r))
}

/// Whether a record of the target log may be replaced by the agreed start: none, or one
/// `annot merge` wrote.
fn replaceable(r: Option<&Record>) -> bool {
    r.is_none_or(Provenance::is_merge)
}

impl Session {
    /// A session that walks `adjudication`'s documents (in its order) into `log`. The
    /// documents already decided in `log` are passed over (unless `opts.redo`), so a
    /// session resumes where the last one stopped; drafts come back as in annotate.
    ///
    /// # Errors
    /// As [`Session::new`].
    pub fn adjudicate(
        corpus: Corpus,
        schema: Schema,
        log: AnnotatorLog,
        opts: SessionOptions,
        adjudication: Adjudication,
    ) -> Result<Self> {
        let mut session = Session::new(corpus, schema, log, opts)?;
        let mut queue = Vec::with_capacity(adjudication.agendas.len());
        let mut handled = std::collections::HashSet::new();
        for a in &adjudication.agendas {
            let Some(i) = session.corpus.position(&a.doc) else {
                continue;
            };
            let Ok(entry) = u32::try_from(i) else {
                continue;
            };
            queue.push(entry);
            if !session.opts.redo && session.log.get(&a.doc)?.as_ref().is_some_and(decided) {
                handled.insert(entry);
            }
        }
        session.queue = queue;
        session.handled = handled;
        session.adjudicating = Some(Adjudicating {
            sides: adjudication.sides,
            agendas: adjudication
                .agendas
                .into_iter()
                .map(|a| (a.doc.clone(), a))
                .collect(),
        });
        Ok(session)
    }

    /// The annotation an agenda document opens with, when the log has no decision of
    /// it of its own (`last`: none, or one `annot merge` wrote).
    pub(super) fn agenda_start(&self, doc: &str, last: Option<&Record>) -> Option<Annotation> {
        let adj = self.adjudicating.as_ref()?;
        let agenda = adj.agendas.get(doc)?;
        replaceable(last).then(|| agenda.start.clone())
    }

    /// The `extra` of a record of `doc`: its provenance in an adjudication.
    pub(super) fn record_extra(
        &self,
        doc: &str,
        ann: &Annotation,
    ) -> serde_json::Map<String, serde_json::Value> {
        match &self.adjudicating {
            Some(adj) => match adj.agendas.get(doc) {
                Some(agenda) => agenda.provenance(&adj.sides, ann),
                None => serde_json::Map::new(),
            },
            None => serde_json::Map::new(),
        }
    }

    /// The open document's agenda and the state of each of its choices.
    fn choice_states(&self) -> Option<(&Agenda, Vec<String>)> {
        let adj = self.adjudicating.as_ref()?;
        let cur = self.current.as_ref()?;
        let agenda = adj.agendas.get(&cur.view.doc.id)?;
        let ann = cur.state.current();
        let states = agenda
            .choices
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let now = c.state_of(ann);
                let gives = |pick: &Pick| {
                    let mut by = agenda.start.clone();
                    c.apply(&mut by, pick, true, false)
                        .is_ok_and(|()| c.state_of(&by) == now)
                };
                match ann.taken.get(&i) {
                    Some(pick) if gives(pick) => format!("✓ {}", pick_word(pick)),
                    Some(_) => "✓ edited".to_owned(),
                    None if agenda.is_open(i, ann) => "open".to_owned(),
                    // Not taken in this session (a restored draft, an edit by hand):
                    // say which option it amounts to, if one.
                    None => (0..c.options.len())
                        .map(Pick::Side)
                        .chain([Pick::Both])
                        .find(|p| gives(p))
                        .map_or_else(|| "✓ edited".to_owned(), |p| format!("✓ {}", pick_word(&p))),
                }
            })
            .collect();
        Some((agenda, states))
    }

    /// What a decision asks about first: disagreements nobody settled.
    pub(super) fn open_choices_worry(&self) -> Option<String> {
        let (_, states) = self.choice_states()?;
        let open: Vec<String> = states
            .iter()
            .enumerate()
            .filter(|(_, s)| *s == "open")
            .map(|(i, _)| (i + 1).to_string())
            .collect();
        (!open.is_empty()).then(|| {
            format!(
                "disagreement(s) {} not settled (c N a|b|both|neither; what the sides agreed on is kept)",
                open.join(", ")
            )
        })
    }

    /// The open document's disagreements, numbered, with each side's option.
    pub(super) fn show_choices(&self, out: &mut dyn Write) -> Result<()> {
        let Some((agenda, states)) = self.choice_states() else {
            return Ok(());
        };
        let Some(cur) = self.current.as_ref() else {
            return Ok(());
        };
        let mut s = String::new();
        let sides = self
            .adjudicating
            .as_ref()
            .map(|a| a.sides.clone())
            .unwrap_or_default();
        let keys: Vec<String> = (0..sides.len())
            .map(|i| format!("{} {}", side_key(i), sides[i]))
            .collect();
        let head = if agenda.choices.is_empty() {
            "the sides agree on what they marked".to_owned()
        } else {
            format!(
                "disagreements · c N {} · both · neither · c * a takes a everywhere",
                keys.join(" · ")
            )
        };
        render::wrap(&mut s, &[(head, Style::new().bold())], 0, 2, &self.render);
        s.push('\n');
        for (i, (c, state)) in agenda.choices.iter().zip(&states).enumerate() {
            // Pieces, not painted text: wrapping makes outside text visible, escapes included.
            let number = format!("  {:>2} ", i + 1);
            s.push_str(&number);
            let pieces = [
                (
                    format!("{} {}", what(c, &cur.view), options(c)),
                    Style::new(),
                ),
                (format!("  {state}"), Style::new().dimmed()),
            ];
            render::wrap(&mut s, &pieces, number.len(), number.len(), &self.render);
            s.push('\n');
        }
        for n in &agenda.notes {
            s.push_str(&render::message(
                &[("  ".to_owned(), Style::new())],
                n,
                &self.render,
            ));
        }
        out.write_all(s.as_bytes())?;
        Ok(())
    }

    /// `c ...`, in an adjudication; `None` when the line is something else.
    pub(super) fn take_choice(&mut self, line: &str, out: &mut dyn Write) -> Result<Option<Flow>> {
        let Some(adj) = self.adjudicating.as_ref() else {
            return Ok(None);
        };
        let Some(take) = parse_take(line, &adj.sides) else {
            return Ok(None);
        };
        let take = match take {
            Ok(t) => t,
            Err(e) => {
                complain(out, &self.render, &e)?;
                return Ok(Some(Flow::Continue));
            }
        };
        let Some(cur) = self.current.as_mut() else {
            complain(out, &self.render, "no document is open")?;
            return Ok(Some(Flow::Continue));
        };
        let doc = cur.view.doc.id.clone();
        let Some(agenda) = adj.agendas.get(&doc) else {
            complain(
                out,
                &self.render,
                "the sides agree on this document: there is nothing to choose",
            )?;
            return Ok(Some(Flow::Continue));
        };
        let Some(pick) = take.pick else {
            self.show_choices(out)?;
            return Ok(Some(Flow::Continue));
        };
        let numbers: Vec<usize> = if take.choices.is_empty() {
            (1..=agenda.choices.len()).collect()
        } else {
            take.choices.clone()
        };
        if let Some(n) = numbers.iter().find(|&&n| n > agenda.choices.len()) {
            complain(
                out,
                &self.render,
                &format!(
                    "there is no disagreement {n}: this document has {} (c lists them)",
                    agenda.choices.len()
                ),
            )?;
            return Ok(Some(Flow::Continue));
        }
        let overlap = self.schema.spans.overlap;
        let schema = &self.schema;
        let chosen: Vec<(usize, &Choice)> = numbers
            .iter()
            .map(|&n| (n - 1, &agenda.choices[n - 1]))
            .collect();
        let what = format!("c {} {}", numbers_word(&take.choices), pick_word(&pick));
        let before = cur.state.current().clone();
        let result = cur.state.edit(what.clone(), |ann| {
            for (i, c) in &chosen {
                ann.taken.insert(*i, pick.clone());
                let single = match &c.target {
                    ChoiceTarget::Layer(l) => schema.label_set(l).is_some_and(|s| !s.multi),
                    _ => false,
                };
                c.apply(ann, &pick, overlap, single)?;
            }
            Ok(())
        });
        match result {
            Ok(()) => {
                tell(out, &self.render, &format!("took {what}"))?;
                self.show_touched(&before, out)?;
                self.show_choices(out)?;
            }
            Err(e) => complain(out, &self.render, &e)?,
        }
        Ok(Some(Flow::Continue))
    }
}

fn numbers_word(choices: &[usize]) -> String {
    if choices.is_empty() {
        "*".to_owned()
    } else {
        choices
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join(",")
    }
}

fn pick_word(pick: &Pick) -> String {
    match pick {
        Pick::Side(i) => side_key(*i),
        Pick::Both => "both".to_owned(),
        Pick::Neither => "neither".to_owned(),
    }
}

/// What a choice is about: `¶2 "Rania Khoury"`, `topic`, `zones`.
fn what(c: &Choice, view: &crate::view::DocView) -> String {
    match &c.target {
        ChoiceTarget::Spans { start, end } => {
            let text: String = view.slice(*start, *end).replace('\n', " ⏎ ");
            let short: String = if text.chars().count() > 40 {
                let cut: String = text.chars().take(39).collect();
                format!("{cut}…")
            } else {
                text
            };
            let at = paragraphs(view, [(*start, *end)]);
            format!("{} \"{short}\"", at.trim().trim_matches(['(', ')']))
        }
        ChoiceTarget::Layer(layer) => layer.clone(),
        ChoiceTarget::Zones => "zones".to_owned(),
    }
}

/// Each side's option: `a alice PER · b bob ORG "Rania"`.
fn options(c: &Choice) -> String {
    let (start, end) = match c.target {
        ChoiceTarget::Spans { start, end } => (start, end),
        _ => (0, 0),
    };
    c.options
        .iter()
        .enumerate()
        .map(|(i, o)| {
            let body = match &c.target {
                ChoiceTarget::Spans { .. } if o.spans.is_empty() => "–".to_owned(),
                ChoiceTarget::Spans { .. } => o
                    .spans
                    .iter()
                    .map(|s| {
                        if s.start == start && s.end == end {
                            s.label.clone()
                        } else {
                            format!("{} \"{}\"", s.label, s.text)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(", "),
                ChoiceTarget::Layer(_) if o.values.is_empty() => "–".to_owned(),
                ChoiceTarget::Layer(_) => o.values.join(", "),
                ChoiceTarget::Zones => match &o.zones {
                    None => "imported zones".to_owned(),
                    Some(z) => format!("{} zone(s) corrected", z.len()),
                },
            };
            format!("{} {} {body}", side_key(i), o.side)
        })
        .collect::<Vec<_>>()
        .join(" · ")
}
