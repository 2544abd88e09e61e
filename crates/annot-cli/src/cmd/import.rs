//! `annot import`: scraped articles, JSONL or CSV into the project's corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annot_import::{
    Callbacks, Format, ImportOptions, Input, Phase, Progress, ProjectImportOptions,
};
use annot_model::project::Project;
use annot_model::tokenize::Lang;
use annot_model::visible;
use serde::Serialize;

use crate::cli::{JsonArgs, LangArg};

/// Arguments of `annot import`.
#[derive(Debug, Default, clap::Args)]
pub(crate) struct ImportArgs {
    /// Files or folders (searched recursively, in sorted order); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub(crate) inputs: Vec<PathBuf>,
    /// Read every input as this format instead of going by extension.
    #[arg(long, value_parser = ["text", "txt", "jsonl", "ndjson", "csv"])]
    pub(crate) format: Option<String>,
    /// JSONL: the field with the text [default: text].
    #[arg(long, value_name = "FIELD")]
    pub(crate) text_field: Option<String>,
    /// JSONL: the field with the document id [default: `id` when a record has one, else the text digest].
    #[arg(long, value_name = "FIELD")]
    pub(crate) id_field: Option<String>,
    /// CSV: the column with the text [default: text].
    #[arg(long, value_name = "COLUMN")]
    pub(crate) text_column: Option<String>,
    /// CSV: the column with the document id [default: an `id` column when there is one, else the text digest].
    #[arg(long, value_name = "COLUMN")]
    pub(crate) id_column: Option<String>,
    /// CSV: quoted texts may hold lines that look like rows of their own
    /// (`So, we went home.` in a file of ids like `So`). Without it, a quoted
    /// field that runs on over such a line is refused as a quote left open by
    /// mistake; a quote never closed is refused either way.
    #[arg(long)]
    pub(crate) csv_multiline: bool,
    /// Refuse files that are not UTF-8 instead of reading them as Windows-1252.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Language of the documents (fr, en) instead of detecting it.
    #[arg(
        long,
        value_name = "LANG",
        ignore_case = true,
        hide_possible_values = true
    )]
    pub(crate) lang: Option<LangArg>,
    /// Import a new version of documents whose id the project has with another text
    /// (annotations made on the old text are re-anchored when next read).
    #[arg(long)]
    pub(crate) update: bool,
    /// The largest document text imported, in bytes of UTF-8, at least 1
    /// [default: 2097152, 2 MiB]. A file, line or row with a larger text is
    /// refused (the rest of the import still lands, and the exit status is 1):
    /// a text of many megabytes takes much memory to annotate. Raise it only
    /// for texts you mean to annotate whole.
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) max_doc_bytes: Option<u64>,
    #[command(flatten)]
    pub(crate) output: JsonArgs,
}

/// What an import into a project did, with the summary line the CLI prints.
#[derive(Debug, Serialize)]
#[serde(transparent)]
pub(crate) struct Outcome(annot_import::Outcome);

impl std::ops::Deref for Outcome {
    type Target = annot_import::Outcome;

    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl Outcome {
    /// The one-line summary printed at the end.
    pub(crate) fn summary(&self) -> String {
        let mut s = format!(
            "imported {} document(s), {} zone(s) from {} file(s)",
            self.imported, self.zones, self.files
        );
        for (n, what) in [
            (self.updated, "of them new version(s)"),
            (
                self.digest_ids,
                "read without an id field (their id is the text digest)",
            ),
            (self.already_present.len(), "already in the project"),
            (
                self.same_text.len(),
                "with a text already in the project under another id",
            ),
            (self.duplicates.len(), "duplicate(s) skipped"),
            (self.conflicts.len(), "left out (id taken by another text)"),
            (self.warnings.len(), "warning(s)"),
            (self.failures.len(), "failed"),
        ] {
            if n > 0 {
                s.push_str(&format!(", {n} {what}"));
            }
        }
        s
    }
}

impl ImportArgs {
    fn options(&self) -> anyhow::Result<ImportOptions> {
        let mut o = ImportOptions {
            strict: self.strict,
            ..ImportOptions::default()
        };
        o.format = self.format.as_deref().and_then(Format::from_name);
        if let Some(f) = &self.text_field {
            o.text_field.clone_from(f);
        }
        o.id_field.clone_from(&self.id_field);
        if let Some(c) = &self.text_column {
            o.text_column.clone_from(c);
        }
        o.id_column.clone_from(&self.id_column);
        if let Some(n) = self.max_doc_bytes {
            o.max_doc_bytes = usize::try_from(n).unwrap_or(usize::MAX);
        }
        o.csv_multiline = self.csv_multiline;
        o.lang = self.lang.map(Lang::from);
        Ok(o)
    }
}

/// Above this many documents already in the project, only the first
/// [`PRESENT_SHOWN`] are named on stderr.
const PRESENT_IN_FULL: usize = 10;
const PRESENT_SHOWN: usize = 3;

/// Runs `annot import`.
pub(crate) fn run(args: &ImportArgs, project: &Project) -> anyhow::Result<ExitCode> {
    let outcome = import_paths(project, &args.inputs, args)?;
    let code = report(&outcome)?;
    if args.output.json {
        crate::output::print_json(&outcome)?;
    }
    Ok(code)
}

/// Prints what an import said on stderr (what it left out and why, its
/// warnings, the summary line) and gives the exit status it deserves: 1
/// when input was left out or nothing was read (`annot quickstart` reports
/// its import with it too).
pub(crate) fn report(outcome: &Outcome) -> anyhow::Result<ExitCode> {
    let mut err = std::io::stderr().lock();
    // Messages quote file names, ids and text of the input: show their controls, never send them.
    let show = |err: &mut dyn Write, m: &annot_import::Message| {
        writeln!(err, "{}", visible(&format!("{}: {}", m.source, m.message)))
    };
    for m in outcome
        .abandoned
        .iter()
        .chain(&outcome.warnings)
        .chain(&outcome.failures)
        .chain(&outcome.conflicts)
    {
        show(&mut err, m)?;
    }
    // A re-import of many unchanged files: a few lines, not one a file (--json lists all).
    let present = &outcome.already_present;
    let shown = if present.len() > PRESENT_IN_FULL {
        PRESENT_SHOWN
    } else {
        present.len()
    };
    for m in present.iter().take(shown) {
        show(&mut err, m)?;
    }
    if present.len() > shown {
        writeln!(
            err,
            "… and {} more documents already in the project (unchanged)",
            present.len() - shown
        )?;
    }
    for m in outcome.same_text.iter().chain(&outcome.duplicates) {
        show(&mut err, m)?;
    }
    if let Some(f) = &outcome.corpus_file {
        writeln!(err, "wrote {}", super::display_path(f))?;
    }
    writeln!(err, "{}", outcome.summary())?;
    drop(err);
    // A re-import of documents all present read documents: nothing was wrong.
    let read_nothing = outcome.imported == 0
        && outcome.already_present.is_empty()
        && outcome.same_text.is_empty()
        && outcome.duplicates.is_empty()
        && outcome.conflicts.is_empty();
    if read_nothing {
        let mut err = std::io::stderr().lock();
        writeln!(
            err,
            "nothing imported: the input holds no document (see the messages above)"
        )?;
    }
    // Input left out (a failure, an id taken by another text) is an error.
    Ok(
        if outcome.failures.is_empty() && outcome.conflicts.is_empty() && !read_nothing {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
    )
}

/// Imports `paths` into the project's corpus as one new corpus file (`-`
/// is standard input), showing a progress bar on a terminal.
///
/// Documents whose id or text the project already has are reported, not imported.
pub(crate) fn import_paths(
    project: &Project,
    paths: &[PathBuf],
    args: &ImportArgs,
) -> anyhow::Result<Outcome> {
    let opts = ProjectImportOptions {
        read: args.options()?,
        update: args.update,
    };
    let inputs: Vec<Input> = paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::stdin(std::io::stdin())
            } else {
                Input::Path(p.clone())
            }
        })
        .collect();
    let bar = crate::output::progress_bar(0, "scanning");
    let progress = |p: Progress| {
        bar.set_length(p.bytes_total);
        bar.set_position(p.bytes_done);
        bar.set_prefix(match p.phase {
            Phase::Scanning => "scanning",
            Phase::Importing => "importing",
        });
        bar.set_message(format!("{} docs", p.documents));
    };
    let waiting = || {
        let _ = writeln!(
            std::io::stderr(),
            "waiting for another import of this project to finish"
        );
    };
    let callbacks = Callbacks {
        waiting: &waiting,
        progress: &progress,
        show_path: &super::display_path,
    };
    let outcome = annot_import::import_into(project, &inputs, &opts, &callbacks);
    bar.finish_and_clear();
    Ok(Outcome(outcome?))
}
