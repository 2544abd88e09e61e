//! Importing into a project: the rules that decide which documents of an
//! import join the project's corpus, and the one new corpus file they go to.
//!
//! A document whose id the project has with the same text is not imported
//! again; one whose id it has with another text is a new version, imported
//! only when the caller asks for updates (annotations are re-anchored when
//! next read), else a conflict: input left out, which the caller must treat
//! as a failure. One whose text the project has under another id is not
//! imported either (deduplication), and the message names that id.
//! The whole check runs under the project's import lock, so two imports
//! never interleave, and temporary files a killed import left are removed first.

use std::path::{Path, PathBuf};

use annot_model::corpus::{CorpusWriter, remove_abandoned_temp_files};
use annot_model::project::Project;
use annot_model::{Document, ModelError};
use serde::Serialize;

use crate::error::Diagnostic;
use crate::input::{ImportOptions, Input};
use crate::pipeline::{Progress, import};

/// Settings of an import into a project.
#[derive(Debug, Clone, Default)]
pub struct ProjectImportOptions {
    /// How the inputs are read.
    pub read: ImportOptions,
    /// Import a new version of a document whose id the project has with another text.
    pub update: bool,
}

/// What the caller is told while an import into a project runs.
pub struct Callbacks<'a> {
    /// Called once, before waiting, when another import of the project holds its lock.
    pub waiting: &'a dyn Fn(),
    /// Called from the calling thread as the import goes (see [`import`]).
    pub progress: &'a (dyn Fn(Progress) + Sync),
    /// How a path is shown in messages: the caller knows where its user stands.
    pub show_path: &'a dyn Fn(&Path) -> String,
}

/// An error that stopped an import into a project.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectImportError {
    /// The project's lock, corpus or new corpus file failed.
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// What an import into a project did.
#[derive(Debug, Serialize)]
pub struct Outcome {
    /// The new corpus file, if any document was new.
    pub corpus_file: Option<PathBuf>,
    /// Input files (and standard input) read.
    pub files: usize,
    /// Documents written to the new corpus file.
    pub imported: usize,
    /// Of those, new versions of documents the project had.
    pub updated: usize,
    /// Zones of the documents imported.
    pub zones: usize,
    /// Documents read without an id field, whose id is their text digest.
    pub digest_ids: usize,
    /// Documents the project already had, unchanged (same id, same text).
    pub already_present: Vec<Message>,
    /// Documents whose text the project already had under another id (named).
    pub same_text: Vec<Message>,
    /// Documents whose text an earlier document of this import had.
    pub duplicates: Vec<Message>,
    /// Documents left out because their id is taken by another text: in the
    /// project (without `update`), or earlier in this import. Like failures,
    /// input that did not land.
    pub conflicts: Vec<Message>,
    /// Things to check that did not stop a document.
    pub warnings: Vec<Message>,
    /// Files, lines and rows that gave no document.
    pub failures: Vec<Message>,
    /// Temporary files of interrupted imports, removed.
    pub abandoned: Vec<Message>,
}

/// A message about one input (or file of the project), as reported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Message {
    /// The file, `file:line` or document the message is about.
    pub source: String,
    /// What happened, and what to do about it.
    pub message: String,
}

impl From<&Diagnostic> for Message {
    fn from(d: &Diagnostic) -> Self {
        Self {
            source: d.source.clone(),
            message: d.message.clone(),
        }
    }
}

/// Imports `inputs` into the project's corpus as one new corpus file.
///
/// Documents whose id or text the project already has are reported in the
/// outcome, not imported; so are the per-file, per-line and per-row problems
/// of the inputs, which do not stop the import. `failures` and `conflicts`
/// are input left out: an import with either did not do all it was asked.
///
/// # Errors
/// When the import lock cannot be taken, or the corpus cannot be read or written.
pub fn import_into(
    project: &Project,
    inputs: &[Input],
    opts: &ProjectImportOptions,
    callbacks: &Callbacks<'_>,
) -> Result<Outcome, ProjectImportError> {
    // Held to the end: the check against the corpus and the new corpus file
    // must not interleave with another import's.
    let _lock = project.lock_imports(callbacks.waiting)?;
    // What a killed import left: no running import owns it (we hold the lock).
    let abandoned = remove_abandoned_temp_files(&project.corpus_dir())?
        .into_iter()
        .map(|f| Message {
            source: (callbacks.show_path)(&f.path),
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
    let mut same_text = Vec::new();
    let mut conflicts = Vec::new();
    let mut zones = 0usize;
    let mut updated = 0usize;
    let mut sink = |doc: Document| -> Result<(), ModelError> {
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
        } else if existing.is_some() && !opts.update {
            conflicts.push(Message {
                source,
                message: format!(
                    "document '{}' is already in the project with another text; not imported: \
                     if this is a new version of that article, import it again with --update \
                     (annotations are re-anchored); if it is a different text, give it a \
                     different id",
                    doc.id
                ),
            });
        } else if existing.is_some() {
            updated += 1;
            zones += doc.zones.len();
            writer.push(&doc)?;
        } else if let Some(other) = corpus.id_with_hash(&doc.hash) {
            same_text.push(Message {
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
    let report = import(inputs, &opts.read, callbacks.progress, &mut sink)?;
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
        same_text,
        duplicates: report.duplicates.iter().map(Message::from).collect(),
        conflicts: report
            .conflicts
            .iter()
            .map(Message::from)
            .chain(conflicts)
            .collect(),
        warnings: report.warnings.iter().map(Message::from).collect(),
        failures: report.failures.iter().map(Message::from).collect(),
        abandoned,
    })
}
