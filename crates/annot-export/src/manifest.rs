//! What an export wrote into its `--out` directory, so that the next export into it
//! replaces that set of files as a whole: `DIR/.annot-export.json` lists the files
//! (and brat's split directories) an export wrote; the next export removes those of
//! the list it does not write again (after its own files are in place), and refuses
//! to run beside a data file the list does not name, since a glob over the directory
//! (`load_dataset("json", data_dir=...)`, `*.jsonl`) would read it as part of the
//! export. Files annot did not write are never removed.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use annot_model::atomic::{TEMP_PREFIX, write_atomic};
use serde::{Deserialize, Serialize};

use crate::error::{ExportError, Result};

/// The manifest's file name in the output directory.
pub const MANIFEST: &str = ".annot-export.json";

/// Extensions of files a reader of the directory takes for data.
const DATA: &[&str] = &[
    "jsonl", "json", "csv", "tsv", "conll", "conllu", "iob", "spacy", "parquet", "txt", "ann",
];

/// Whether a file of this name is data to a reader of a directory (by its extension,
/// any case): what an export must not leave beside its files, and what `--out` must
/// not be named like.
pub(crate) fn is_data_file(name: &str) -> bool {
    Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DATA.contains(&e.to_ascii_lowercase().as_str()))
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Listing {
    written_by: String,
    files: BTreeSet<String>,
}

/// The files the last export into `dir` wrote (none without a manifest).
///
/// # Errors
/// A manifest that cannot be read or parsed.
pub fn previous(dir: &Path) -> Result<BTreeSet<String>> {
    let path = dir.join(MANIFEST);
    let text = match fs_err::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
        Err(source) => return Err(ExportError::Write { path, source }),
    };
    let listing: Listing = serde_json::from_str(&text).map_err(|e| {
        ExportError::Config(format!(
            "{} is not annot's list of exported files ({e}): remove it (and the files of the earlier export) or export into another directory",
            path.display()
        ))
    })?;
    Ok(listing
        .files
        .into_iter()
        .filter(|f| is_plain_name(f))
        .collect())
}

/// A bare file name (no directory part), so a manifest never points outside `dir`.
fn is_plain_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\'])
        && Path::new(name).file_name().is_some_and(|n| n == name)
}

/// Refuses when `dir` holds a data file (or a directory, for brat) that neither the
/// earlier export (`old`) nor this one (`new`) wrote.
///
/// # Errors
/// [`ExportError::Config`] naming those files.
pub fn check_foreign(
    dir: &Path,
    old: &BTreeSet<String>,
    new: &BTreeSet<String>,
    brat: bool,
) -> Result<()> {
    let entries = match fs_err::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(ExportError::Write {
                path: dir.to_owned(),
                source,
            });
        }
    };
    let mut foreign = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') || name.starts_with(TEMP_PREFIX) {
            continue;
        }
        if old.contains(&name) || new.contains(&name) {
            continue;
        }
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        let data = if is_dir { brat } else { is_data_file(&name) };
        if data {
            foreign.push(dir.join(&name));
        }
    }
    if foreign.is_empty() {
        return Ok(());
    }
    foreign.sort();
    let list: Vec<String> = foreign.iter().map(|p| p.display().to_string()).collect();
    Err(ExportError::Config(format!(
        "--out {}: {} {} not written by this export nor listed in {} as written by an earlier one; a reader of the directory would take {} for part of this export: remove {}, or export into another directory",
        dir.display(),
        list.join(", "),
        if list.len() == 1 { "is" } else { "are" },
        MANIFEST,
        if list.len() == 1 { "it" } else { "them" },
        if list.len() == 1 { "it" } else { "them" },
    )))
}

/// After this export's files are in place: lists them, and removes the files of the
/// earlier export it did not write again. Returns the paths removed.
///
/// # Errors
/// The manifest cannot be written, or an old file cannot be removed.
pub fn replace(dir: &Path, old: &BTreeSet<String>, new: &BTreeSet<String>) -> Result<Vec<PathBuf>> {
    let write = |files: &BTreeSet<String>| -> Result<()> {
        let listing = Listing {
            written_by: "annot export".to_owned(),
            files: files.clone(),
        };
        let path = dir.join(MANIFEST);
        let mut bytes = serde_json::to_vec_pretty(&listing).map_err(|e| ExportError::Write {
            path: path.clone(),
            source: e.into(),
        })?;
        bytes.push(b'\n');
        write_atomic(&path, |w| w.write_all(&bytes))
            .map_err(|source| ExportError::Write { path, source })
    };
    let stale: Vec<&String> = old.difference(new).collect();
    if !stale.is_empty() {
        // Until the stale files are gone, the list names them too, so that an
        // interrupted export leaves nothing the next one would call foreign.
        write(&old.union(new).cloned().collect())?;
    }
    let mut removed = Vec::new();
    for name in stale {
        let path = dir.join(name);
        let Ok(meta) = fs_err::symlink_metadata(&path) else {
            continue;
        };
        let gone = if meta.is_dir() {
            fs_err::remove_dir_all(&path)
        } else {
            fs_err::remove_file(&path)
        };
        gone.map_err(|source| ExportError::Write {
            path: path.clone(),
            source,
        })?;
        annot_model::atomic::commit_step();
        removed.push(path);
    }
    write(new)?;
    Ok(removed)
}
