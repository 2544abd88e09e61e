//! `annot import`: scraped articles, JSONL or CSV into the project's corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annot_import::{
    AlignCorpus, Callbacks, Format, ImportOptions, Input, Phase, Progress, ProjectImportOptions,
    Scheme,
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
    /// Read every input as this format instead of going by extension. The
    /// annotated formats (prodigy, doccano, label-studio, brat, conll, jsonl-spans: annot's own export) also bring the
    /// annotations in, into the annotators' logs.
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(Format::NAMES))]
    pub(crate) format: Option<String>,
    /// Annotated formats: the annotator the annotations are imported as
    /// (annotations/NAME.jsonl) [default: the one the file names for each
    /// annotation, where the format names one].
    #[arg(long = "as", value_name = "NAME")]
    pub(crate) annotator: Option<String>,
    /// Annotated formats: add the labels the schema lacks to it (listed),
    /// instead of refusing the import.
    #[arg(long)]
    pub(crate) add_labels: bool,
    /// Annotated formats: the label layer of the document labels a file
    /// names by value only (Prodigy's label/accept, doccano's classes)
    /// [default: the layer of the schema that has the value; with
    /// --add-labels, a value no layer has goes to a layer named label].
    #[arg(long, value_name = "LAYER")]
    pub(crate) label_layer: Option<String>,
    /// Annotated formats: leave out the annotations (and lines) that are
    /// bad and import the rest, listing what was left out, instead of
    /// refusing the whole import.
    #[arg(long)]
    pub(crate) skip_bad: bool,
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
    /// refused (the rest of the import still lands, and the exit status is 1;
    /// in an annotated format it refuses the whole import, as any bad line
    /// does, unless --skip-bad): a text of many megabytes takes much memory to annotate. Raise it only
    /// for texts you mean to annotate whole.
    #[arg(long, value_name = "BYTES", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) max_doc_bytes: Option<u64>,
    /// Text files counted to find the lines that recur across pages (site
    /// furniture), about: all of an import of at most N files, a sample of
    /// about N of a larger one, each file taken or not by a hash of its id
    /// (`annot stream recurrence --of TOTAL --sample N` takes the same).
    #[arg(long, value_name = "N", default_value_t = annot_import::DEFAULT_RECURRENCE_SAMPLE,
          value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) recurrence_sample: u64,
    /// conll: the tag scheme [default: told from the tags].
    #[arg(long, value_enum)]
    pub(crate) scheme: Option<super::export::SchemeArg>,
    /// conll: the column of the tag, from 1 [default: the last].
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub(crate) tag_column: Option<u64>,
    /// conll: find the tokens in the text of documents already in the project
    /// (by `# id = ...`, else the first that holds them all in order) instead
    /// of rebuilding the text from them.
    #[arg(long)]
    pub(crate) align_to_corpus: bool,
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
        if let Some(r) = &self.records {
            s.push_str(&format!(
                "; {} record(s) on {} document(s) written",
                r.written, r.documents
            ));
            if !r.annotators.is_empty() {
                let who: Vec<String> = r
                    .annotators
                    .iter()
                    .map(|(a, n)| format!("{a} {n}"))
                    .collect();
                s.push_str(&format!(" ({})", who.join(", ")));
            }
            for (n, what) in [
                (
                    r.unchanged,
                    "already in the log (unchanged, not written again)",
                ),
                (
                    r.merged,
                    "merged into the record of the same annotator on the same document",
                ),
                (r.replaced, "replacing the annotator's earlier decision"),
                (
                    r.superseded,
                    "older (by their time) than the annotator's decision in the log: \
                     kept as history, the later decision stands",
                ),
                (self.refused.len(), "left out"),
            ] {
                if n > 0 {
                    s.push_str(&format!(", {n} {what}"));
                }
            }
        }
        for (n, what) in [
            (self.updated, "of them new version(s)"),
            (
                self.digest_ids,
                "read without an id field (their id is the text digest; the numeric ids of \
                 doccano and Label Studio are kept in meta.doccano_id, meta.label_studio_id)",
            ),
            (self.already_present_count, "already in the project"),
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
        o.recurrence_sample = self.recurrence_sample;
        o.skip_bad = self.skip_bad;
        o.annotator.clone_from(&self.annotator);
        let annotated = o.format.is_some_and(Format::is_annotated);
        for (given, flag) in [
            (self.annotator.is_some(), "--as"),
            (self.add_labels, "--add-labels"),
            (self.label_layer.is_some(), "--label-layer"),
            (self.skip_bad, "--skip-bad"),
        ] {
            if given && !annotated {
                anyhow::bail!(
                    "{flag} is for files with annotations: name their format with --format \
                     (prodigy, doccano, label-studio, brat, conll, jsonl-spans)"
                );
            }
        }
        if let Some(name) = &self.annotator {
            annot_model::project::check_annotator(name)
                .map_err(|e| anyhow::anyhow!("--as {}: {e}", visible(name)))?;
        }
        o.lang = self.lang.map(Lang::from);
        let conll = o.format == Some(Format::Conll);
        for (given, flag) in [
            (self.scheme.is_some(), "--scheme"),
            (self.tag_column.is_some(), "--tag-column"),
            (self.align_to_corpus, "--align-to-corpus"),
        ] {
            if given && !conll {
                anyhow::bail!("{flag} is for CoNLL files: add --format conll");
            }
        }
        o.conll.scheme = self.scheme.map(Scheme::from);
        o.conll.tag_column = self
            .tag_column
            .map(|n| usize::try_from(n).unwrap_or(usize::MAX));
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
    for m in &outcome.abandoned {
        show(&mut err, m)?;
    }
    // A list whose temporary file cannot be read back is said to be cut (exit 1).
    let unread = std::cell::Cell::new(false);
    for list in [&outcome.warnings, &outcome.failures, &outcome.conflicts] {
        for m in crate::output::each(list, &unread) {
            show(&mut err, &m)?;
        }
    }
    // A re-import of many unchanged files: a few lines, not one a file (--json lists all).
    // (The outcome names the first thousand, and counts them all.)
    let present = &outcome.already_present;
    let count = outcome.already_present_count;
    let shown = if count > PRESENT_IN_FULL {
        PRESENT_SHOWN
    } else {
        count
    };
    for m in present.iter().take(shown) {
        show(&mut err, m)?;
    }
    if count > shown {
        writeln!(
            err,
            "… and {} more documents already in the project (unchanged)",
            count - shown
        )?;
    }
    for list in [&outcome.same_text, &outcome.duplicates] {
        for m in crate::output::each(list, &unread) {
            show(&mut err, &m)?;
        }
    }
    report_annotations(&mut err, outcome, &unread)?;
    if let Some(f) = &outcome.corpus_file {
        writeln!(err, "wrote {}", super::display_path(f))?;
    }
    if outcome.refused_whole {
        writeln!(
            err,
            "nothing imported: the problems above refuse the whole import; fix them, or \
             import with --skip-bad to import the rest (what is left out is listed)"
        )?;
    } else {
        writeln!(err, "{}", outcome.summary())?;
    }
    drop(err);
    // A re-import of documents all present read documents: nothing was wrong.
    let read_nothing = !outcome.refused_whole
        && outcome.imported == 0
        && outcome.records.as_ref().is_none_or(|r| r.documents == 0)
        && outcome.already_present_count == 0
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
        if outcome.failures.is_empty()
            && outcome.conflicts.is_empty()
            && outcome.refused.is_empty()
            && !outcome.refused_whole
            && !read_nothing
            && !unread.get()
        {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
    )
}

/// Conversions shown in full up to this many of a kind; above, the first and a count.
const CONVERSIONS_SHOWN: usize = 3;

/// The annotations' part of the report: conversions, refusals, records.
fn report_annotations(
    err: &mut dyn Write,
    outcome: &Outcome,
    unread: &std::cell::Cell<bool>,
) -> anyhow::Result<()> {
    // Each kind's count and first few: a million conversions are not held twice.
    let mut kinds: std::collections::BTreeMap<
        _,
        (usize, Vec<annot_import::annotated::Conversion>),
    > = std::collections::BTreeMap::new();
    for c in crate::output::each(&outcome.conversions, unread) {
        let (n, first) = kinds.entry(c.kind).or_default();
        *n += 1;
        if first.len() < CONVERSIONS_SHOWN {
            first.push(c);
        }
    }
    for (kind, (n, first)) in &kinds {
        // Nothing lands when the import is refused: what it would convert.
        let head = if outcome.refused_whole {
            "would be converted (nothing is imported)"
        } else {
            "converted"
        };
        writeln!(err, "{head}: {n} {}", kind.describe())?;
        for c in first {
            writeln!(
                err,
                "  {}",
                visible(&format!("{}: {}", c.source, c.message))
            )?;
        }
        if *n > CONVERSIONS_SHOWN {
            writeln!(
                err,
                "  … and {} more (--json lists all)",
                n - CONVERSIONS_SHOWN
            )?;
        }
    }
    for m in crate::output::each(&outcome.refused, unread) {
        writeln!(
            err,
            "{}",
            visible(&format!("left out: {}: {}", m.source, m.message))
        )?;
    }
    let Some(r) = &outcome.records else {
        return Ok(());
    };
    for m in &r.notes {
        writeln!(
            err,
            "{}",
            visible(&format!("note: {}: {}", m.source, m.message))
        )?;
    }
    if !r.labels_added.is_empty() {
        let file = r
            .schema_file
            .as_deref()
            .map(super::display_path)
            .unwrap_or_default();
        writeln!(
            err,
            "{}",
            visible(&format!(
                "added to the schema {file}: {}",
                r.labels_added.join(", ")
            ))
        )?;
    }
    let counts = |m: &std::collections::BTreeMap<String, usize>| {
        m.iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    if !r.spans.is_empty() {
        writeln!(err, "{}", visible(&format!("spans: {}", counts(&r.spans))))?;
    }
    if !r.labels.is_empty() {
        writeln!(
            err,
            "{}",
            visible(&format!("document labels: {}", counts(&r.labels)))
        )?;
    }
    Ok(())
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
    let mut read = args.options()?;
    if args.align_to_corpus {
        read.conll.align_to = Some(std::sync::Arc::new(AlignCorpus::of_project(project)?));
    }
    let opts = ProjectImportOptions {
        read,
        update: args.update,
        add_labels: args.add_labels,
        label_layer: args.label_layer.clone(),
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
