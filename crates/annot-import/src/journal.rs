//! The journal of annotated imports: which imports wrote their corpus file
//! but not yet all their records.
//!
//! An annotated import commits its corpus file first, then appends its
//! records to the annotators' logs. Before the first it names itself in
//! `.annot/imports-pending.json` (written atomically), and removes itself
//! once its last record is written: a killed import stays named there, so
//! that `annot check` and the next import say what is missing and how to
//! finish (run the same import again: the records already in the logs are
//! not written twice).

use std::collections::BTreeMap;
use std::path::PathBuf;

use annot_model::ModelError;
use annot_model::project::Project;
use serde::{Deserialize, Serialize};

/// The journal's file name, in the project's `.annot/`.
const FILE: &str = "imports-pending.json";

/// An annotated import that had records left to write.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingImport {
    /// The inputs, as the import was given them.
    pub inputs: Vec<String>,
    /// The corpus file it wrote, if any (not named by the entries written before
    /// the corpus file is in place, as they are now; older ones may name it).
    pub corpus_file: Option<String>,
    /// Records to write, by annotator.
    pub records: BTreeMap<String, usize>,
    /// When it started its commit (RFC 3339).
    pub at: String,
}

impl PendingImport {
    /// What is missing and how to finish, in the report's words.
    #[must_use]
    pub fn describe(&self) -> String {
        let records: Vec<String> = self
            .records
            .iter()
            .map(|(a, n)| format!("{n} for {a}"))
            .collect();
        let file = self
            .corpus_file
            .as_deref()
            .map_or_else(String::new, |f| format!(" ({f})"));
        format!(
            "the annotated import of {} at {} did not finish: its documents may be in the \
             project{file} without all their records ({} to write); run the same import \
             again to finish it (documents and records already in the project are not \
             written twice)",
            self.inputs.join(", "),
            self.at,
            records.join(", ")
        )
    }
}

fn path(project: &Project) -> PathBuf {
    project.cache_dir().join(FILE)
}

/// The imports the journal names (none when it is missing or unreadable).
#[must_use]
pub fn pending_imports(project: &Project) -> Vec<PendingImport> {
    std::fs::read_to_string(path(project))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn write(project: &Project, list: &[PendingImport]) -> Result<(), ModelError> {
    let path = path(project);
    if list.is_empty() {
        return match std::fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(ModelError::Io(e)),
            _ => {
                annot_model::atomic::commit_step();
                Ok(())
            }
        };
    }
    let mut json = serde_json::to_string_pretty(list).map_err(std::io::Error::other)?;
    json.push('\n');
    annot_model::atomic::write_atomic(&path, |w| w.write_all(json.as_bytes()))?;
    Ok(())
}

/// Names `import` in the journal (before its corpus file is renamed into place).
pub(crate) fn begin(project: &Project, import: &PendingImport) -> Result<(), ModelError> {
    let mut list = pending_imports(project);
    list.push(import.clone());
    write(project, &list)
}

/// Removes `import` from the journal, with the earlier imports of the same
/// inputs it finished (all its records are written).
pub(crate) fn done(project: &Project, import: &PendingImport) -> Result<(), ModelError> {
    let before = pending_imports(project);
    let list: Vec<PendingImport> = before
        .iter()
        .filter(|p| p.inputs != import.inputs)
        .cloned()
        .collect();
    if list.len() == before.len() {
        return Ok(());
    }
    write(project, &list)
}
