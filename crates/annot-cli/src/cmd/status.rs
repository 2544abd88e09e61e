//! `annot status`: documents, annotators, progress and label counts.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use annot_model::annotations::{Anchor, Annotations};
use annot_model::project::Project;
use annot_model::record::Status;
use serde::Serialize;

use crate::cli::JsonArgs;

/// Arguments of `annot status`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |a| a.help("Print JSON for machines instead of the table")))]
pub(crate) struct StatusArgs {
    #[command(flatten)]
    pub(crate) output: JsonArgs,
}

#[derive(Debug, Serialize)]
struct Report {
    project: String,
    schema: String,
    documents: usize,
    corpus_files: usize,
    annotators: Vec<AnnotatorReport>,
    /// Logs that could not be read (file and line named); the others are counted.
    unreadable: Vec<Unreadable>,
}

#[derive(Debug, Serialize)]
struct Unreadable {
    name: String,
    error: String,
}

#[derive(Debug, Default, Serialize)]
struct AnnotatorReport {
    name: String,
    /// Documents with an accepted, rejected or flagged decision.
    decided: usize,
    /// Latest status per document, counted.
    statuses: BTreeMap<String, usize>,
    /// Records in the log, history included.
    records: usize,
    /// Span label -> number of spans in latest accepted records.
    span_labels: BTreeMap<String, usize>,
    /// "set=value" -> number of documents.
    doc_labels: BTreeMap<String, usize>,
    /// Records made on a text that has since changed, carried onto the current text.
    stale: usize,
    /// Spans of latest records that are not on the current text (corrupt, or lost when it changed).
    lost_spans: usize,
    /// Records of documents no longer in the corpus.
    orphaned: usize,
    /// A torn final line found in the log (set aside at the next annotate).
    torn_line: Option<usize>,
}

/// Prints the project's state.
pub(crate) fn run(args: &StatusArgs, project: &Project, color: bool) -> anyhow::Result<ExitCode> {
    let schema = project.schema()?;
    let corpus = project.corpus()?;
    let annotations = Annotations::load(project)?;
    let mut annotators: BTreeMap<String, AnnotatorReport> = BTreeMap::new();
    for log in annotations.logs() {
        let mut a = AnnotatorReport {
            name: log.name.clone(),
            records: log.record_count(),
            torn_line: log.torn().map(|t| t.line),
            ..Default::default()
        };
        for status in Status::ALL {
            a.statuses.insert(status.as_str().to_owned(), 0);
        }
        annotators.insert(log.name.clone(), a);
    }
    for doc in annotations.resolved(&corpus) {
        let doc = doc?;
        for r in &doc.records {
            let Some(a) = annotators.get_mut(&r.annotator) else {
                continue;
            };
            match r.anchor {
                Anchor::Orphaned => {
                    a.orphaned += 1;
                    continue;
                }
                Anchor::Reanchored { .. } | Anchor::UnknownText { .. } => a.stale += 1,
                Anchor::Current => {}
            }
            let record = &r.record;
            *a.statuses
                .entry(record.status.as_str().to_owned())
                .or_default() += 1;
            if record.status.is_decided() {
                a.decided += 1;
            }
            if record.status == Status::Accepted {
                a.lost_spans += r.lost.len();
                for span in &record.spans {
                    *a.span_labels.entry(span.label.clone()).or_default() += 1;
                }
                for (set, values) in &record.labels {
                    for v in values {
                        *a.doc_labels.entry(format!("{set}={v}")).or_default() += 1;
                    }
                }
            }
        }
    }
    let unreadable: Vec<Unreadable> = annotations
        .failures()
        .iter()
        .map(|f| Unreadable {
            name: f.annotator.clone(),
            error: f.error.to_string(),
        })
        .collect();
    let annotators = annotators.into_values().collect();
    let report = Report {
        project: project.root().display().to_string(),
        schema: schema.id(),
        documents: corpus.len(),
        corpus_files: corpus.files().len(),
        annotators,
        unreadable,
    };
    if args.output.json {
        crate::output::print_json(&report)?;
    } else {
        print_table(&report, color)?;
    }
    let mut err = std::io::stderr().lock();
    for u in &report.unreadable {
        writeln!(
            err,
            "error: the log of '{}' cannot be read, so it is not counted: {}",
            u.name,
            annot_model::visible(&u.error)
        )?;
    }
    Ok(if report.unreadable.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_table(r: &Report, color: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    let bold = if color {
        anstyle::Style::new().bold()
    } else {
        anstyle::Style::new()
    };
    writeln!(
        out,
        "{bold}project{bold:#}    {}",
        annot_model::visible(&super::display_path(std::path::Path::new(&r.project)))
    )?;
    writeln!(
        out,
        "{bold}schema{bold:#}     {}",
        annot_model::visible(&r.schema)
    )?;
    writeln!(
        out,
        "{bold}documents{bold:#}  {} in {} corpus file(s)",
        r.documents, r.corpus_files
    )?;
    if r.annotators.is_empty() {
        writeln!(
            out,
            "{bold}annotators{bold:#} none yet: start with `annot annotate --annotator NAME`"
        )?;
        return Ok(());
    }
    writeln!(out)?;
    writeln!(
        out,
        "{bold}{:<16} {:>9} {:>6} {:>9} {:>9} {:>8} {:>8}{bold:#}",
        "annotator", "decided", "%", "accepted", "rejected", "skipped", "flagged"
    )?;
    for a in &r.annotators {
        let pct = if r.documents == 0 {
            0.0
        } else {
            100.0 * a.decided as f64 / r.documents as f64
        };
        let n = |s: &str| a.statuses.get(s).copied().unwrap_or(0);
        writeln!(
            out,
            "{:<16} {:>9} {:>5.1}% {:>9} {:>9} {:>8} {:>8}",
            a.name,
            format!("{}/{}", a.decided, r.documents),
            pct,
            n("accepted"),
            n("rejected"),
            n("skipped"),
            n("flagged")
        )?;
    }
    for a in &r.annotators {
        if a.span_labels.is_empty()
            && a.doc_labels.is_empty()
            && a.stale == 0
            && a.lost_spans == 0
            && a.orphaned == 0
            && a.torn_line.is_none()
        {
            continue;
        }
        writeln!(out)?;
        writeln!(out, "{bold}{}{bold:#}", a.name)?;
        if !a.span_labels.is_empty() {
            let spans: Vec<String> = a
                .span_labels
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            writeln!(
                out,
                "  spans   {}",
                annot_model::visible(&spans.join(" · "))
            )?;
        }
        if !a.doc_labels.is_empty() {
            let labels: Vec<String> = a
                .doc_labels
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            writeln!(
                out,
                "  labels  {}",
                annot_model::visible(&labels.join(" · "))
            )?;
        }
        if a.stale > 0 {
            writeln!(
                out,
                "  stale   {} record(s) made on a text that has changed since (carried onto the new text)",
                a.stale
            )?;
        }
        if a.lost_spans > 0 {
            writeln!(
                out,
                "  lost    {} span(s) of accepted records are not on the current text (`annot check` lists them)",
                a.lost_spans
            )?;
        }
        if a.orphaned > 0 {
            writeln!(
                out,
                "  orphaned {} record(s) of documents no longer in the corpus",
                a.orphaned
            )?;
        }
        if let Some(line) = a.torn_line {
            writeln!(
                out,
                "  torn    line {line} of the log is incomplete; it is set aside at the next `annot annotate`"
            )?;
        }
    }
    Ok(())
}
