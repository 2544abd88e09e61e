//! `annot stream JOB`: the per-document jobs as maps from JSON lines on stdin
//! to JSON lines on stdout, with no project, for Spark's `RDD.pipe` or Hadoop
//! streaming. What needs the whole corpus is a reduce between two maps: the
//! job again with `--combine`, which sums what the maps wrote.

use std::io::{BufRead, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use annot_diff::CompareError;
use annot_diff::agree::{AgreeOptions, AgreeStats};
use annot_diff::stream::{ShardSelection, agree_shard, document_lines, sum};
use annot_export::ExportError;
use annot_export::split::{Signature, assign};
use annot_export::stream::{export_head, export_shard, signatures};
use annot_import::stream::{count_pages, import_pages, pages};
use annot_import::{
    Diagnostic, Format, ImportOptions, Input, LineCounts, RecurrenceSample, RecurrenceTable,
};
use annot_model::tokenize::Lang;
use annot_model::visible;
use annot_model::{Schema, Status};
use anyhow::Context as _;

use crate::cli::LangArg;

/// Arguments of `annot stream`.
#[derive(Debug, clap::Args)]
pub(crate) struct StreamArgs {
    #[command(subcommand)]
    job: Job,
}

/// The streaming jobs.
#[derive(Debug, clap::Subcommand)]
enum Job {
    /// Scraped text files (folders searched as `import` searches them) as page
    /// lines `{"id","source","text"}` on stdout: the input of a cluster import.
    Pages {
        /// Files or folders of scraped articles (.txt).
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<PathBuf>,
        /// Refuse files that are not UTF-8 instead of reading them as Windows-1252.
        #[arg(long)]
        strict: bool,
    },
    /// Map: page lines in, the shard's line-recurrence table out (one line).
    /// With --combine: tables in, their sum out (one line).
    Recurrence {
        /// Sum the tables on stdin instead of counting pages.
        #[arg(long)]
        combine: bool,
        /// The pages of the whole import (all shards): each shard then counts
        /// the sample `annot import` counts, the pages a hash of their id keeps
        /// at the rate SAMPLE/TOTAL [default: every page].
        #[arg(long, value_name = "TOTAL", conflicts_with = "combine",
              value_parser = clap::value_parser!(u64).range(1..))]
        of: Option<u64>,
        /// The pages counted, about, as `annot import --recurrence-sample`.
        #[arg(long, value_name = "N", default_value_t = annot_import::DEFAULT_RECURRENCE_SAMPLE,
              value_parser = clap::value_parser!(u64).range(1..), requires = "of")]
        sample: u64,
    },
    /// Map: page lines in (or JSONL records with --format jsonl), corpus
    /// document lines out, zoned with the summed recurrence table.
    Import(StreamImportArgs),
    /// From the project: one line per document some side has a record of, in
    /// id order, `{"document","versions","records":{SIDE: record}}`: the input
    /// of the agree and export maps.
    Documents {
        /// Sides: annotators, annotators as of a time, or log files.
        #[arg(required = true, value_name = "SIDE")]
        sides: Vec<String>,
    },
    /// Map: document lines in (sorted by id), the shard's agreement statistics
    /// out (one line). With --combine: statistics in (in shard order), their
    /// sum out; `annot agree --combine` prints the report.
    Agree(StreamAgreeArgs),
    /// Map: document lines in, export lines out (jsonl, csv, conll, hf, or
    /// brat's files as lines `{"file","text"}`), the pre-flight per shard: a
    /// shard it refuses writes nothing and exits 1. The CSV header and brat's
    /// annotation.conf come once from `--head`.
    Export(StreamExportArgs),
    /// Map: document lines in, each document's split signature out (its unit,
    /// stratum and the SimHash of the text written): the input of `splits`.
    Signatures(StreamExportArgs),
    /// Reduce: every signature line in, each document's split and
    /// near-duplicate cluster out, `{"id","split","cluster"}`, as `annot export
    /// --split` plans them.
    Splits(super::export::SplitArgs),
}

/// Arguments of `annot stream export`: those of `annot export` but `--out`, `--split`.
#[derive(Debug, clap::Args)]
struct StreamExportArgs {
    #[command(flatten)]
    export: super::export::ExportArgs,
    /// The project's label schema (schemas/NAME.json).
    #[arg(long, value_name = "FILE")]
    schema: PathBuf,
    /// Tokenizer language of documents that do not say [default: fr, as a new project].
    #[arg(
        long,
        value_name = "LANG",
        ignore_case = true,
        hide_possible_values = true
    )]
    lang: Option<LangArg>,
    /// Export: write only what comes before the first document (csv: the
    /// header and --excel's byte-order mark; brat: annotation.conf; jsonl,
    /// conll, hf: nothing), reading nothing. A shard writes its documents
    /// only: the head once, then the shards in order, are `annot export`'s bytes.
    #[arg(long)]
    head: bool,
}

/// Arguments of `annot stream agree`.
#[derive(Debug, clap::Args)]
struct StreamAgreeArgs {
    /// The sides, as the lines' records name them (`annot stream documents SIDE...`).
    #[arg(value_name = "SIDE", required_unless_present = "combine", num_args = 2..)]
    sides: Vec<String>,
    /// The project's label schema (schemas/NAME.json), for its multi-label layers.
    #[arg(long, value_name = "FILE", required_unless_present = "combine")]
    schema: Option<PathBuf>,
    /// Tokenizer language of documents that do not say [default: fr, as a new project].
    #[arg(
        long,
        value_name = "LANG",
        ignore_case = true,
        hide_possible_values = true
    )]
    lang: Option<LangArg>,
    /// Statuses whose records count, comma-separated.
    #[arg(
        long,
        value_name = "LIST",
        default_value = "accepted",
        value_delimiter = ','
    )]
    status: Vec<super::compare::StatusArg>,
    /// Sum the statistics on stdin instead of reading document lines.
    #[arg(long, conflicts_with_all = ["sides", "schema"])]
    combine: bool,
}

/// Arguments of `annot stream import`.
#[derive(Debug, clap::Args)]
struct StreamImportArgs {
    /// The recurrence table summed over every shard (`annot stream recurrence --combine`).
    #[arg(long, value_name = "TABLE")]
    recurrence: Option<PathBuf>,
    /// `page` (lines of `annot stream pages`) or `jsonl` (the records `annot import` takes).
    #[arg(long, default_value = "page", value_parser = ["page", "jsonl"])]
    format: String,
    /// jsonl: the field with the text [default: text].
    #[arg(long, value_name = "FIELD")]
    text_field: Option<String>,
    /// jsonl: the field with the document id [default: `id`, else the text digest].
    #[arg(long, value_name = "FIELD")]
    id_field: Option<String>,
    /// Language of the documents (fr, en) instead of detecting it.
    #[arg(
        long,
        value_name = "LANG",
        ignore_case = true,
        hide_possible_values = true
    )]
    lang: Option<LangArg>,
    /// The largest document text imported, in bytes [default: 2097152].
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    max_doc_bytes: Option<u64>,
}

impl StreamExportArgs {
    /// The export settings, schema and language.
    fn checked(&self) -> anyhow::Result<(annot_export::ExportConfig, Schema, Lang)> {
        let config = super::export::config(&self.export, true)?;
        let schema = read_schema(&self.schema)?;
        Ok((config, schema, self.lang.map_or(Lang::Fr, Lang::from)))
    }
}

/// 0 for a shard exported, 1 (with the list on stderr) for one the pre-flight refused.
fn refused_is_1<T>(result: Result<T, ExportError>) -> anyhow::Result<usize> {
    match result {
        Ok(_) => Ok(0),
        Err(ExportError::Refused(refusal)) => {
            super::export::report_refusal(&refusal)?;
            Ok(1)
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs `annot stream JOB`.
pub(crate) fn run(args: &StreamArgs, global: &crate::cli::GlobalArgs) -> anyhow::Result<ExitCode> {
    let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut out = BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let problems = match &args.job {
        Job::Pages { paths, strict } => {
            let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
            let opts = ImportOptions {
                strict: *strict,
                ..ImportOptions::default()
            };
            let report = pages(&inputs, &opts, &mut |page| write_line(&mut out, &page))?;
            show_list(&report.warnings);
            show_list(&report.failures);
            report.failures.len()
        }
        Job::Recurrence {
            combine: false,
            of,
            sample,
        } => {
            let sample = of.map_or(RecurrenceSample::ALL, |total| RecurrenceSample {
                total,
                sample: *sample,
            });
            let (counts, read, failures) = count_pages(stdin, sample);
            if let Some(total) = of
                && read > *total
            {
                anyhow::bail!(
                    "annot stream recurrence --of {total}: this shard alone holds {read} pages, \
                     more than the {total} of the whole import: give --of the pages of all \
                     shards together (e.g. the sum of their line counts); no table was written"
                );
            }
            write_line(&mut out, &counts.table())?;
            let n = failures.len();
            show(failures);
            n
        }
        Job::Recurrence { combine: true, .. } => {
            let sum = combine_tables(stdin)?;
            write_line(&mut out, &sum.table())?;
            0
        }
        Job::Import(a) => stream_import(a, stdin, &mut out)?,
        Job::Documents { sides } => {
            let project = super::find_project(global)?;
            let sides = super::compare::load_sides(&project, sides, "annot stream documents", 1)?;
            let corpus = project.corpus()?;
            document_lines(&sides, &corpus, &mut |line| {
                write_line(&mut out, line).map_err(|e| CompareError::StreamLine {
                    line: 0,
                    reason: format!("cannot write to stdout: {e}"),
                })
            })?;
            0
        }
        Job::Export(a) if a.head => {
            let (config, schema, _) = a.checked()?;
            export_head(&config, &schema, &mut out)?;
            0
        }
        Job::Export(a) => {
            let (config, schema, lang) = a.checked()?;
            refused_is_1(export_shard(stdin, &config, &schema, lang, &mut out))?
        }
        Job::Signatures(a) => {
            if a.head {
                anyhow::bail!("--head is for annot stream export: signatures have no head");
            }
            let (config, schema, lang) = a.checked()?;
            let mut sink = |sig: &Signature| {
                write_line(&mut out, sig).map_err(|source| ExportError::Write {
                    path: "-".into(),
                    source,
                })
            };
            refused_is_1(signatures(stdin, &config, &schema, lang, &mut sink))?
        }
        Job::Splits(a) => {
            let config = a.config()?;
            let mut all = Vec::new();
            read_lines(
                stdin,
                |sig: Signature| all.push(sig),
                |n| {
                    format!(
                        "<stdin>:{n}: not a signature: give the lines `annot stream signatures` wrote"
                    )
                },
            )?;
            for a in assign(&config, all)? {
                write_line(&mut out, &a)?;
            }
            0
        }
        Job::Agree(a) if a.combine => {
            let tally = sum(read_stats(stdin)?, agree_options(a.lang, 0))?;
            write_line(&mut out, &tally.stats()?)?;
            0
        }
        Job::Agree(a) => {
            let path = a.schema.as_ref().context("--schema FILE is needed")?;
            let schema = read_schema(path)?;
            let statuses: Vec<Status> = a.status.iter().copied().map(Status::from).collect();
            let selection = ShardSelection {
                sides: &a.sides,
                statuses: &statuses,
            };
            let stats = agree_shard(stdin, &selection, &schema, agree_options(a.lang, 0))?;
            write_line(&mut out, &stats)?;
            0
        }
    };
    out.flush()?;
    Ok(if problems == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `annot stream import`: returns the number of inputs left out.
fn stream_import(
    a: &StreamImportArgs,
    stdin: impl BufRead + Send + 'static,
    out: &mut impl Write,
) -> anyhow::Result<usize> {
    let mut opts = ImportOptions {
        lang: a.lang.map(Lang::from),
        ..ImportOptions::default()
    };
    if let Some(n) = a.max_doc_bytes {
        opts.max_doc_bytes = usize::try_from(n).unwrap_or(usize::MAX);
    }
    if let Some(f) = &a.text_field {
        opts.text_field.clone_from(f);
    }
    opts.id_field.clone_from(&a.id_field);
    let mut sink = |doc: annot_model::Document| write_line(out, &doc);
    let report = if a.format == "jsonl" {
        if a.recurrence.is_some() {
            anyhow::bail!(
                "--recurrence is for pages (scraped articles): JSONL records are not zoned by it"
            );
        }
        opts.format = Some(Format::Jsonl);
        annot_import::import(&[Input::stdin(stdin)], &opts, &|_| {}, &mut sink)?
    } else {
        let counts = a.recurrence.as_ref().map(read_table).transpose()?;
        import_pages(stdin, &opts, counts.as_ref(), &mut sink)?
    };
    for d in [
        &report.warnings,
        &report.failures,
        &report.duplicates,
        &report.conflicts,
    ] {
        show_list(d);
    }
    Ok(report.failures.len() + report.conflicts.len())
}

/// The options of the agreement jobs.
fn agree_options(lang: Option<LangArg>, worst: usize) -> AgreeOptions {
    AgreeOptions {
        lang: lang.map_or(Lang::Fr, Lang::from),
        worst,
    }
}

/// A schema file.
fn read_schema(path: &PathBuf) -> anyhow::Result<Schema> {
    let bytes = fs_err::read(path)?;
    serde_json::from_slice(&bytes)
        .with_context(|| format!("{}: not a label schema (schemas/NAME.json)", path.display()))
}

/// The statistics lines of `input` (`annot stream agree` output), in order.
pub(crate) fn read_stats(input: impl BufRead) -> anyhow::Result<Vec<AgreeStats>> {
    let mut out = Vec::new();
    read_lines(
        input,
        |stats| out.push(stats),
        |n| {
            format!("line {n}: not agreement statistics: give the lines `annot stream agree` wrote")
        },
    )?;
    Ok(out)
}

/// Reads the table `annot stream recurrence` wrote.
fn read_table(path: &PathBuf) -> anyhow::Result<LineCounts> {
    let bytes = fs_err::read(path)?;
    let table: RecurrenceTable = serde_json::from_slice(&bytes).with_context(|| {
        format!(
            "{}: not a recurrence table: give the output of `annot stream recurrence --combine`",
            path.display()
        )
    })?;
    Ok(LineCounts::from_table(&table))
}

/// The sum of the tables on `input`, one a line.
fn combine_tables(input: impl BufRead) -> anyhow::Result<LineCounts> {
    let mut sum = LineCounts::new();
    read_lines(
        input,
        |table: RecurrenceTable| sum.merge(&LineCounts::from_table(&table)),
        |n| {
            format!(
                "<stdin>:{n}: not a recurrence table: give the lines `annot stream recurrence` wrote"
            )
        },
    )?;
    Ok(sum)
}

/// Reads `input` as JSON lines, one `T` a line (blank lines skipped), each given to
/// `each`; a line that is not one is refused with `not_one(line number)`.
fn read_lines<T: serde::de::DeserializeOwned>(
    input: impl BufRead,
    mut each: impl FnMut(T),
    not_one: impl Fn(usize) -> String,
) -> anyhow::Result<()> {
    for (i, line) in input.lines().enumerate() {
        let line = line.with_context(|| format!("<stdin>:{}: cannot read the line", i + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        each(serde_json::from_str(&line).with_context(|| not_one(i + 1))?);
    }
    Ok(())
}

/// `value` as one JSON line.
fn write_line<W: Write>(out: &mut W, value: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Diagnostics on stderr, their controls shown, never sent.
fn show(diagnostics: impl IntoIterator<Item = Diagnostic>) {
    let mut err = std::io::stderr().lock();
    for d in diagnostics {
        // A closed stderr is nothing to report anywhere else.
        let _ = writeln!(err, "{}", visible(&d.to_string()));
    }
}

/// [`show`] of a report's list; one that cannot be read back from its
/// temporary file is said as such where its rest would be.
fn show_list(list: &annot_import::Diagnostics) {
    show(crate::output::each(list, &std::cell::Cell::new(false)));
}
