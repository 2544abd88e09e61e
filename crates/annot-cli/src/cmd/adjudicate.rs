//! `annot adjudicate A B [C ...] --into gold`: an annotation session over the documents
//! where the sides disagree. `annot-diff` finds the disagreements, `annot-annotate` runs
//! the session; this module turns the one into the other.

use std::io::Write as _;

use annot_annotate::choices::{Adjudication, Agenda, Choice, ChoiceOption, ChoiceTarget};
use annot_annotate::state::Annotation;
use annot_annotate::{Session, SessionOptions};
use annot_diff::adjudicate::{DocumentDisagreements, disagreements};
use annot_diff::merge::check_target;
use annot_model::project::Project;
use annot_model::store::AnnotatorLog;
use annot_model::visible;

use crate::cli::PlainArgs;
use crate::cmd::compare::{SelectionArgs, load_sides};

/// Arguments of `annot adjudicate`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Sides: alice · alice@2026-11-20 · alice@2026-11-20T14:00 (UTC) · path/to/log.jsonl
In the session, each disagreement is numbered: c 2 a takes side a's option, c 2 both,
c 2 neither, c * b takes b's everywhere; every annotate command edits by hand; Enter accepts.
Commands can come from a file: annot adjudicate alice bob --into gold < choices.txt")]
pub(crate) struct AdjudicateArgs {
    /// Two or more sides: annotators, annotators as of a time, or log files.
    #[arg(required = true, num_args = 2.., value_name = "SIDE")]
    pub(crate) sides: Vec<String>,
    /// The annotator whose log receives the decisions (e.g. gold).
    #[arg(long, value_name = "NAME")]
    pub(crate) into: String,
    /// Only this document (repeatable).
    #[arg(long = "doc", value_name = "ID")]
    pub(crate) docs: Vec<String>,
    /// Go over documents already decided in the target log too.
    #[arg(long)]
    pub(crate) redo: bool,
    #[command(flatten)]
    pub(crate) selection: SelectionArgs,
    #[command(flatten)]
    pub(crate) plain: PlainArgs,
}

/// Runs the session.
pub(crate) fn run(args: &AdjudicateArgs, project: &Project, color: bool) -> anyhow::Result<()> {
    let selection = args.selection.selection(args.docs.clone())?;
    let into_path = project.log_path(&args.into)?;
    let sides = load_sides(project, &args.sides, "annot adjudicate", 2)?;
    check_target(&sides, &args.into, &into_path)?;
    let schema = project.schema()?;
    // Lock the target before the long read, so a second session fails fast.
    let log = AnnotatorLog::open(&into_path, &args.into)?;
    let corpus = project.corpus()?;
    for id in &args.docs {
        if corpus.entry(id).is_none() {
            return Err(annot_model::ModelError::UnknownDocument { id: id.clone() }.into());
        }
    }
    let mut agendas = Vec::new();
    let walked = disagreements(&sides, &corpus, &selection, |d| {
        agendas.push(agenda(d));
        Ok(())
    })?;
    let names: Vec<String> = sides.iter().map(|s| s.name.clone()).collect();
    let mut err = std::io::stderr().lock();
    let mut line = format!(
        "adjudicating {} into {}: {} document(s) where they differ",
        names.join(", "),
        args.into,
        agendas.len()
    );
    if walked.agreeing > 0 {
        line.push_str(&format!(
            "; {} where they agree are not shown (annot merge {} --into {} writes them)",
            walked.agreeing,
            names.join(" "),
            args.into
        ));
    }
    writeln!(err, "{}", visible(&line))?;
    drop(err);
    let opts = SessionOptions {
        annotator: args.into.clone(),
        redo: args.redo,
        color: args.plain.color(color),
        lang: project.config.lang,
        ..SessionOptions::default()
    };
    let adjudication = Adjudication {
        sides: names,
        agendas,
    };
    let session = Session::adjudicate(corpus, schema, log, opts, adjudication)?;
    crate::cmd::annotate::drive(session, project, &args.into)
}

/// One document's disagreements as the session's agenda.
fn agenda(d: DocumentDisagreements) -> Agenda {
    let sides: Vec<&str> = d.present.iter().map(|v| v.side.as_str()).collect();
    let option = |i: usize| ChoiceOption {
        side: sides[i].to_owned(),
        ..ChoiceOption::default()
    };
    let mut choices: Vec<Choice> = d
        .spans
        .iter()
        .map(|s| Choice {
            target: ChoiceTarget::Spans {
                start: s.start,
                end: s.end,
            },
            options: s
                .options
                .iter()
                .enumerate()
                .map(|(i, spans)| ChoiceOption {
                    spans: spans.clone(),
                    ..option(i)
                })
                .collect(),
        })
        .collect();
    choices.extend(d.layers.iter().map(|l| {
        Choice {
            target: ChoiceTarget::Layer(l.layer.clone()),
            options: l
                .options
                .iter()
                .enumerate()
                .map(|(i, values)| ChoiceOption {
                    values: values.clone(),
                    ..option(i)
                })
                .collect(),
        }
    }));
    if let Some(zones) = &d.zones {
        choices.push(Choice {
            target: ChoiceTarget::Zones,
            options: zones
                .iter()
                .enumerate()
                .map(|(i, z)| ChoiceOption {
                    zones: z.clone(),
                    ..option(i)
                })
                .collect(),
        });
    }
    let mut notes: Vec<String> = d
        .absent
        .iter()
        .map(|(side, why)| format!("{side} has no decision here ({why})"))
        .collect();
    notes.extend(d.lost.iter().map(|(side, l)| {
        format!(
            "✗ {side}: {} \"{}\" could not be carried onto the current text ({})",
            l.span.label, l.span.text, l.loss
        )
    }));
    let mut start = Annotation {
        spans: d.agreed_spans,
        labels: d.agreed_labels,
        zones: d.agreed_zones,
        ..Annotation::default()
    };
    start.sort_spans();
    Agenda {
        doc: d.doc,
        start,
        choices,
        votes: d.present,
        notes,
    }
}
