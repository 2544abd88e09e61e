//! `annot import`: scraped articles, JSONL or CSV into the project's corpus.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annot_import::{Diagnostic, Format, ImportOptions, ImportReport, Input, Phase, Progress};
use annot_model::Document;
use annot_model::corpus::CorpusWriter;
use annot_model::project::Project;
use annot_model::tokenize::Lang;
use annot_model::visible;
use serde::Serialize;

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
    /// Refuse files that are not UTF-8 instead of reading them as Windows-1252.
    #[arg(long)]
    pub(crate) strict: bool,
    /// Language of the documents (fr, en) instead of detecting it.
    #[arg(long, value_name = "LANG")]
    pub(crate) lang: Option<String>,
    /// Import a new version of documents whose id the project has with another text
    /// (annotations made on the old text are re-anchored when next read).
    #[arg(long)]
    pub(crate) update: bool,
    /// The largest document text imported, in bytes of UTF-8 [default: 2097152, 2 MiB].
    /// A file, line or row with a larger text is refused (the rest of the import
    /// still lands, and the exit status is 1): annotating it would take gigabytes
    /// of memory. Raise it only for texts you mean to annotate whole.
    #[arg(long, value_name = "BYTES")]
    pub(crate) max_doc_bytes: Option<usize>,
    /// Print the report as JSON on stdout.
    #[arg(long)]
    pub(crate) json: bool,
}

/// What an import into a project did.
#[derive(Debug, Serialize)]
pub(crate) struct Outcome {
    /// The new corpus file, if any document was new.
    pub(crate) corpus_file: Option<PathBuf>,
    pub(crate) files: usize,
    pub(crate) imported: usize,
    /// Of those, new versions of documents the project had.
    pub(crate) updated: usize,
    pub(crate) zones: usize,
    /// Documents read without an id field, whose id is their text digest.
    pub(crate) digest_ids: usize,
    /// Documents the project already had (same id or same text).
    pub(crate) already_present: Vec<Message>,
    pub(crate) duplicates: Vec<Message>,
    pub(crate) warnings: Vec<Message>,
    pub(crate) failures: Vec<Message>,
    /// Temporary files of interrupted imports, removed.
    pub(crate) abandoned: Vec<Message>,
}

/// A diagnostic in the JSON report.
#[derive(Debug, Serialize)]
pub(crate) struct Message {
    source: String,
    message: String,
}

impl From<&Diagnostic> for Message {
    fn from(d: &Diagnostic) -> Self {
        Self {
            source: d.source.clone(),
            message: d.message.clone(),
        }
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
            (self.duplicates.len(), "duplicate(s) skipped"),
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
            o.max_doc_bytes = n;
        }
        if let Some(l) = &self.lang {
            o.lang = Some(
                Lang::from_code(l)
                    .ok_or_else(|| anyhow::anyhow!("--lang {l}: annot knows fr and en"))?,
            );
        }
        Ok(o)
    }
}

/// Runs `annot import`.
pub(crate) fn run(args: &ImportArgs, project: &Project) -> anyhow::Result<ExitCode> {
    let outcome = import_paths(project, &args.inputs, args)?;
    let mut err = std::io::stderr().lock();
    // Messages quote file names, ids and text of the input: show their controls, never send them.
    for m in outcome
        .abandoned
        .iter()
        .chain(&outcome.warnings)
        .chain(&outcome.failures)
        .chain(&outcome.already_present)
        .chain(&outcome.duplicates)
    {
        writeln!(err, "{}", visible(&format!("{}: {}", m.source, m.message)))?;
    }
    if let Some(f) = &outcome.corpus_file {
        writeln!(err, "wrote {}", super::display_path(f))?;
    }
    writeln!(err, "{}", outcome.summary())?;
    drop(err);
    if args.json {
        crate::output::print_json(&outcome)?;
    }
    // A re-import of documents all present read documents: nothing was wrong.
    let read_nothing = outcome.imported == 0
        && outcome.already_present.is_empty()
        && outcome.duplicates.is_empty();
    if read_nothing {
        let mut err = std::io::stderr().lock();
        writeln!(
            err,
            "nothing imported: the input holds no document (see the messages above)"
        )?;
    }
    Ok(if outcome.failures.is_empty() && !read_nothing {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Imports `paths` into the project's corpus as one new corpus file.
///
/// Documents whose id or text the project already has are reported, not imported.
pub(crate) fn import_paths(
    project: &Project,
    paths: &[PathBuf],
    args: &ImportArgs,
) -> anyhow::Result<Outcome> {
    let opts = args.options()?;
    let inputs: Vec<Input> = paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin
            } else {
                Input::Path(p.clone())
            }
        })
        .collect();
    // Held to the end: the check against the corpus and the new corpus file
    // must not interleave with another import's.
    let _lock = project.lock_imports(|| {
        let _ = writeln!(
            std::io::stderr(),
            "waiting for another import of this project to finish"
        );
    })?;
    // What a killed import left: no running import owns it (we hold the lock).
    let abandoned = annot_model::corpus::remove_abandoned_temp_files(&project.corpus_dir())?
        .into_iter()
        .map(|f| Message {
            source: super::display_path(&f.path),
            message: format!(
                "removed this temporary file ({} bytes) left by an import that was interrupted; \
                 the corpus never included it",
                f.bytes
            ),
        })
        .collect();
    let corpus = project.corpus()?;
    let mut writer = CorpusWriter::create(&project.corpus_dir(), "import")?
        .with_index(&project.cache_dir())
        .sync_in_background()?;
    let mut already_present = Vec::new();
    let mut zones = 0usize;
    let mut updated = 0usize;
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
    let mut sink = |doc: Document| -> anyhow::Result<()> {
        let source = doc.meta.source.clone().unwrap_or_else(|| doc.id.clone());
        let existing = corpus.entry(&doc.id);
        if existing.is_some_and(|e| e.hash == doc.hash) {
            already_present.push(Message {
                source,
                message: format!(
                    "document '{}' is already in the project; not imported again",
                    doc.id
                ),
            });
        } else if existing.is_some() && !args.update {
            already_present.push(Message {
                source,
                message: format!(
                    "document '{}' is already in the project with another text; \
                     pass --update to import the new version (annotations are re-anchored)",
                    doc.id
                ),
            });
        } else if existing.is_some() {
            updated += 1;
            zones += doc.zones.len();
            writer.push(&doc)?;
        } else if let Some(other) = corpus.id_with_hash(&doc.hash) {
            already_present.push(Message {
                source,
                message: format!(
                    "same text as document '{other}', already in the project; '{}' not imported",
                    doc.id
                ),
            });
        } else {
            zones += doc.zones.len();
            writer.push(&doc)?;
        }
        Ok(())
    };
    let report: ImportReport = annot_import::import(&inputs, &opts, &progress, &mut sink)?;
    bar.finish_and_clear();
    let imported = writer.count();
    let corpus_file = writer.finish()?;
    Ok(Outcome {
        corpus_file,
        files: report.files,
        imported,
        updated,
        zones,
        digest_ids: report.digest_ids,
        already_present,
        duplicates: report.duplicates.iter().map(Message::from).collect(),
        warnings: report.warnings.iter().map(Message::from).collect(),
        failures: report.failures.iter().map(Message::from).collect(),
        abandoned,
    })
}
