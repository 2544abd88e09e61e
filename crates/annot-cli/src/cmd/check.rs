//! `annot check`: verify every document and every annotation against its text.
//!
//! Offsets must never break silently: every corpus line must match its digest,
//! every span must be `text[start:end]` of the text its record was made on, and
//! records made on an older text are re-anchored to say which spans would move
//! and which are lost.

use std::io::Write;
use std::process::ExitCode;

use annot_model::project::Project;
use annot_model::reanchor::reanchor_record;
use annot_model::store::for_each_record;
use serde::Serialize;

/// Arguments of `annot check`.
#[derive(Debug, clap::Args)]
pub(crate) struct CheckArgs {
    /// Print the findings as JSON on stdout.
    #[arg(long)]
    pub(crate) json: bool,
}

#[derive(Debug, Default, Serialize)]
struct Findings {
    documents: usize,
    records: usize,
    /// Problems that make data unusable: named by file and line.
    errors: Vec<String>,
    /// Things to know: torn tails, stale records, lost spans.
    warnings: Vec<String>,
}

/// Runs the checks; exit 1 when any error was found.
pub(crate) fn run(args: &CheckArgs, project: &Project) -> anyhow::Result<ExitCode> {
    let mut f = Findings::default();
    let corpus = project.corpus()?;
    for doc in corpus.iter() {
        match doc {
            Ok(_) => f.documents += 1,
            Err(e) => f.errors.push(e.to_string()),
        }
    }
    let schema = project.schema()?;
    for name in project.annotators()? {
        let path = project.log_path(&name)?;
        let shown = super::display_path(&path);
        let mut problems = Vec::new();
        let mut notes = Vec::new();
        let mut records = 0usize;
        let contents = for_each_record(&path, |line, record| {
            records += 1;
            let at = format!("{shown}:{line}");
            if record.annotator != name {
                notes.push(format!(
                    "{at}: record says annotator '{}' in the log of '{name}'",
                    record.annotator
                ));
            }
            for span in &record.spans {
                if schema.spans.labels.iter().all(|l| l.name != span.label) {
                    notes.push(format!(
                        "{at}: document '{}': label '{}' is not in schema {}",
                        record.doc,
                        span.label,
                        schema.id()
                    ));
                }
            }
            let Some(entry) = corpus.entry(&record.doc) else {
                notes.push(format!(
                    "{at}: document '{}' is not in the corpus",
                    record.doc
                ));
                return;
            };
            let made_on = match corpus.version(&record.doc, &record.hash) {
                Ok(Some(doc)) => doc,
                Ok(None) => {
                    problems.push(format!(
                        "{at}: document '{}': the record was made on a text (hash {}) the corpus does not have; \
                         its offsets cannot be checked or re-anchored",
                        record.doc, record.hash
                    ));
                    return;
                }
                Err(e) => {
                    problems.push(format!("{at}: {e}"));
                    return;
                }
            };
            if let Err(m) = record.check_spans(&made_on.text) {
                problems.push(format!("{at}: {m}"));
                return;
            }
            if entry.hash != record.hash {
                match corpus.get(&record.doc) {
                    Ok(current) => {
                        let (_, lost) = reanchor_record(&record, &made_on.text, &current);
                        let mut msg = format!(
                            "{at}: document '{}' changed since this record; {} span(s) re-anchor",
                            record.doc,
                            record.spans.len() - lost.len()
                        );
                        for (span, why) in &lost {
                            msg.push_str(&format!(
                                "; lost {} {:?} [{}, {}): {why}",
                                span.label, span.text, span.start, span.end
                            ));
                        }
                        notes.push(msg);
                    }
                    Err(e) => problems.push(format!("{at}: {e}")),
                }
            }
        });
        match contents {
            Ok(c) => {
                if let Some(t) = c.torn {
                    notes.push(format!(
                        "{shown}:{}: incomplete last line (a write cut short); it is set aside at the next `annot annotate --annotator {name}`",
                        t.line
                    ));
                }
            }
            Err(e) => problems.push(e.to_string()),
        }
        f.records += records;
        f.errors.extend(problems);
        f.warnings.extend(notes);
    }
    if args.json {
        crate::output::print_json(&f)?;
    } else {
        let mut err = std::io::stderr().lock();
        for e in &f.errors {
            writeln!(err, "error: {e}")?;
        }
        for w in &f.warnings {
            writeln!(err, "warning: {w}")?;
        }
        writeln!(
            err,
            "checked {} document(s) and {} record(s): {} error(s), {} warning(s)",
            f.documents,
            f.records,
            f.errors.len(),
            f.warnings.len()
        )?;
    }
    Ok(if f.errors.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
