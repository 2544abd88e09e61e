//! `annot status`: documents, annotators, progress and label counts.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use annot_model::project::Project;
use annot_model::record::Status;
use annot_model::store::read_log;
use serde::Serialize;

/// Arguments of `annot status`.
#[derive(Debug, clap::Args)]
pub(crate) struct StatusArgs {
    /// Print JSON for machines instead of the table.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Serialize)]
struct Report {
    project: String,
    schema: String,
    documents: usize,
    corpus_files: usize,
    annotators: Vec<AnnotatorReport>,
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
    /// Records made on a text that has since changed (re-anchoring needed).
    stale: usize,
    /// Records of documents no longer in the corpus.
    orphaned: usize,
    /// A torn final line found in the log (set aside at the next annotate).
    torn_line: Option<usize>,
}

/// Prints the project's state.
pub(crate) fn run(args: &StatusArgs, project: &Project, color: bool) -> anyhow::Result<ExitCode> {
    let schema = project.schema()?;
    let corpus = project.corpus()?;
    let mut annotators = Vec::new();
    for name in project.annotators()? {
        let log = read_log(&project.log_path(&name)?)?;
        let mut a = AnnotatorReport {
            name,
            records: log.records,
            ..Default::default()
        };
        a.torn_line = log.torn.as_ref().map(|t| t.line);
        for status in Status::ALL {
            a.statuses.insert(status.as_str().to_owned(), 0);
        }
        for record in log.latest.values() {
            match corpus.entry(&record.doc) {
                None => {
                    a.orphaned += 1;
                    continue;
                }
                Some(e) if e.hash != record.hash => a.stale += 1,
                Some(_) => {}
            }
            *a.statuses
                .entry(record.status.as_str().to_owned())
                .or_default() += 1;
            if record.status.is_decided() {
                a.decided += 1;
            }
            if record.status == Status::Accepted {
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
        annotators.push(a);
    }
    let report = Report {
        project: project.root().display().to_string(),
        schema: schema.id(),
        documents: corpus.len(),
        corpus_files: corpus.files().len(),
        annotators,
    };
    if args.json {
        crate::output::print_json(&report)?;
    } else {
        print_table(&report, color)?;
    }
    Ok(ExitCode::SUCCESS)
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
        super::display_path(std::path::Path::new(&r.project))
    )?;
    writeln!(out, "{bold}schema{bold:#}     {}", r.schema)?;
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
            writeln!(out, "  spans   {}", spans.join(" · "))?;
        }
        if !a.doc_labels.is_empty() {
            let labels: Vec<String> = a
                .doc_labels
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            writeln!(out, "  labels  {}", labels.join(" · "))?;
        }
        if a.stale > 0 {
            writeln!(
                out,
                "  stale   {} record(s) made on a text that has changed since",
                a.stale
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
