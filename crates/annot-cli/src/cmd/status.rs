//! `annot status`: documents, annotators, progress and label counts.

use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

use annot_model::annotations::{Anchor, Annotations, Depth};
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
    /// List the documents instead: id, title and each annotator's state
    /// (to do, accepted, rejected, skipped, flagged).
    #[arg(long)]
    pub(crate) docs: bool,
    /// With --docs: only documents that match, as in `annot annotate --filter`
    /// (`status=` matches when any annotator's latest decision has it).
    #[arg(long, value_name = "FILTER", requires = "docs")]
    pub(crate) filter: Option<String>,
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
    /// Ids with two texts in two corpus files no import wrote: counted once.
    id_clashes: usize,
    /// Files in `corpus/` that annot does not read, with what to do.
    unread_files: Vec<Unreadable>,
}

#[derive(Debug, Serialize)]
struct Unreadable {
    name: String,
    error: String,
}

#[derive(Debug, Default, Serialize)]
struct AnnotatorReport {
    name: String,
    /// Documents with an accepted or rejected decision (flagged ones are counted apart).
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
    /// Spans of latest accepted records not carried onto the current text when
    /// it changed (corrupt spans of records made on the current text are
    /// `annot check`'s: counting does not read the text).
    lost_spans: usize,
    /// Records of documents no longer in the corpus.
    orphaned: usize,
    /// A torn final line found in the log (set aside at the next annotate).
    torn_line: Option<usize>,
}

/// Prints the project's state.
pub(crate) fn run(args: &StatusArgs, project: &Project, color: bool) -> anyhow::Result<ExitCode> {
    super::require_corpus_dir(project)?;
    if args.docs {
        return list_documents(args, project, color);
    }
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
    // Counts need how each record stands, not its spans checked: a record
    // made on the current text is counted without reading the text.
    for doc in annotations.resolved(&corpus, Depth::Standing) {
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
            // A flagged record waits for someone (adjudicate): not a decision, as
            // for `agree`; it has its own column.
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
    let unread_files = annot_model::corpus::unread_files(&project.corpus_dir())?
        .into_iter()
        .map(|f| Unreadable {
            name: super::display_path(&f.path),
            error: f.advice,
        })
        .collect();
    let report = Report {
        project: project.root().display().to_string(),
        schema: schema.id(),
        documents: corpus.len(),
        corpus_files: corpus.files().len(),
        annotators,
        unreadable,
        id_clashes: corpus.clashes().len(),
        unread_files,
    };
    if args.output.json {
        crate::output::print_json(&report)?;
    } else {
        print_table(&report, color)?;
    }
    let mut err = std::io::stderr().lock();
    corpus_warnings(&mut err, &corpus, &report.unread_files)?;
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

/// Says what the document count does not show: ids counted once that have two
/// texts, files of `corpus/` that are not read.
fn corpus_warnings(
    err: &mut dyn Write,
    corpus: &annot_model::corpus::Corpus,
    unread: &[Unreadable],
) -> anyhow::Result<()> {
    const SHOWN: usize = 3;
    for c in corpus.clashes().iter().take(SHOWN) {
        let [(a, la), (b, lb)] = &c.lines;
        writeln!(
            err,
            "warning: document id '{}' has two texts, in {}:{la} and {}:{lb}, counted once \
             (only the second is read); `annot check` lists every such id",
            annot_model::visible(&c.id),
            annot_model::visible(&super::display_path(a)),
            annot_model::visible(&super::display_path(b)),
        )?;
    }
    if corpus.clashes().len() > SHOWN {
        writeln!(
            err,
            "warning: and {} more id(s) with two texts",
            corpus.clashes().len() - SHOWN
        )?;
    }
    for f in unread {
        writeln!(
            err,
            "warning: {}: {}",
            annot_model::visible(&f.name),
            annot_model::visible(&f.error)
        )?;
    }
    Ok(())
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

#[derive(Debug, Serialize)]
struct DocumentRow {
    id: String,
    title: Option<String>,
    /// Annotator -> latest status, or "to do".
    states: BTreeMap<String, String>,
}

/// `annot status --docs`: one line per document with each annotator's state.
fn list_documents(args: &StatusArgs, project: &Project, color: bool) -> anyhow::Result<ExitCode> {
    let filter: annot_model::filter::Filter = match &args.filter {
        Some(f) => f
            .parse()
            .map_err(|e| anyhow::anyhow!("--filter \"{f}\": {e}"))?,
        None => annot_model::filter::Filter::default(),
    };
    let corpus = project.corpus()?;
    let annotations = Annotations::load(project)?;
    for f in annotations.failures() {
        writeln!(
            std::io::stderr().lock(),
            "warning: the log of '{}' cannot be read, so its states are not shown: {}",
            f.annotator,
            annot_model::visible(&f.error.to_string())
        )?;
    }
    let names: Vec<&str> = annotations.logs().map(|l| l.name.as_str()).collect();
    let mut rows = Vec::new();
    for entry in corpus.entries() {
        let entry = entry?;
        let latest: Vec<Option<annot_model::Status>> =
            annotations.logs().map(|l| l.status_of(&entry.id)).collect();
        let entry_ok = if latest.is_empty() {
            filter.matches_status(&entry.id, None)
        } else {
            latest.iter().any(|s| filter.matches_status(&entry.id, *s))
        };
        if !entry_ok {
            continue;
        }
        let doc = corpus.read_entry(&entry)?;
        if !filter.matches_document(&doc) {
            continue;
        }
        let states = names
            .iter()
            .zip(&latest)
            .map(|(n, s)| {
                (
                    (*n).to_owned(),
                    s.map_or("to do", annot_model::Status::as_str).to_owned(),
                )
            })
            .collect();
        rows.push(DocumentRow {
            id: entry.id,
            title: doc.meta.title.clone(),
            states,
        });
    }
    if rows.is_empty() && args.filter.is_some() {
        // Say why, as annotate does: a key or a value no document has.
        let mut vocabulary = annot_model::filter::Vocabulary::default();
        for doc in corpus.iter() {
            vocabulary.add(&doc?);
        }
        filter.check_against(&vocabulary).map_err(|e| {
            anyhow::anyhow!(
                "--filter \"{}\": {e}",
                args.filter.as_deref().unwrap_or_default()
            )
        })?;
    }
    if args.output.json {
        crate::output::print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let bold = if color {
        anstyle::Style::new().bold()
    } else {
        anstyle::Style::new()
    };
    let id_w = rows
        .iter()
        .map(|r| r.id.chars().count())
        .max()
        .unwrap_or(2)
        .clamp(2, 32);
    let cols: Vec<usize> = names.iter().map(|n| n.chars().count().max(8)).collect();
    let used = id_w + cols.iter().map(|w| w + 1).sum::<usize>() + 1;
    let title_w = 80usize.saturating_sub(used).max(12);
    let mut out = std::io::stdout().lock();
    let mut head = format!("{:<id_w$} {:<title_w$}", "id", "title");
    for (n, w) in names.iter().zip(&cols) {
        head.push_str(&format!(" {:<w$}", shorten(n, *w)));
    }
    writeln!(out, "{bold}{}{bold:#}", head.trim_end())?;
    for r in &rows {
        let mut line = format!(
            "{:<id_w$} {:<title_w$}",
            shorten(&r.id, id_w),
            shorten(r.title.as_deref().unwrap_or("–"), title_w)
        );
        for (n, w) in names.iter().zip(&cols) {
            line.push_str(&format!(
                " {:<w$}",
                r.states.get(*n).map_or("", String::as_str)
            ));
        }
        writeln!(out, "{}", annot_model::visible(line.trim_end()))?;
    }
    writeln!(out, "{} document(s)", rows.len())?;
    Ok(ExitCode::SUCCESS)
}

/// `s` cut to `width` characters, with `…` when something was cut.
fn shorten(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
    out.push('…');
    out
}
