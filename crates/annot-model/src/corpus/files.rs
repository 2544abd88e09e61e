//! The files of a corpus directory: corpus files, their lines, and the
//! temporary files interrupted imports left.

use std::path::{Path, PathBuf};

use crate::document::Document;
use crate::error::{ModelError, Result};

/// Parses and checks one corpus line.
///
/// # Errors
/// Bad JSON, or a document whose hash or zones do not fit its text, with file and line.
pub fn parse_document(line: &[u8], path: &Path, line_no: usize) -> Result<Document> {
    let doc: Document = serde_json::from_slice(line).map_err(|e| ModelError::Line {
        path: path.to_owned(),
        line: line_no,
        message: format!("not a document: {e}"),
    })?;
    doc.validate().map_err(|source| ModelError::Document {
        path: path.to_owned(),
        line: line_no,
        source,
    })?;
    Ok(doc)
}

/// The `.jsonl` files of a corpus directory, sorted by name.
///
/// # Errors
/// An unreadable directory.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut files = Vec::new();
    for entry in fs_err::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "jsonl") && path.is_file() {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// A temporary file in the corpus directory that no running process is writing:
/// what a killed or crashed import leaves (up to the size of the whole import).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbandonedFile {
    /// The file, `corpus/.annot-tmp-*`.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
}

/// The temporary files (`.annot-tmp-*`) in corpus directory `dir` that were
/// left by an import that never finished, sorted by path. A file that a
/// running import is writing is not listed (it holds a lock on the file).
///
/// `annot check` reports these; [`remove_abandoned_temp_files`] removes them.
///
/// # Errors
/// An unreadable directory.
pub fn abandoned_temp_files(dir: &Path) -> Result<Vec<AbandonedFile>> {
    Ok(find_abandoned(dir)?
        .into_iter()
        .map(|(file, _lock)| file)
        .collect())
}

/// Removes the files [`abandoned_temp_files`] lists and returns them.
///
/// Each file stays locked while it is removed, so a process cannot start
/// writing it meanwhile.
///
/// # Errors
/// An unreadable directory, or a file that cannot be removed.
pub fn remove_abandoned_temp_files(dir: &Path) -> Result<Vec<AbandonedFile>> {
    let found = find_abandoned(dir)?;
    let mut removed = Vec::with_capacity(found.len());
    for (file, lock) in found {
        fs_err::remove_file(&file.path)?;
        drop(lock);
        removed.push(file);
    }
    if !removed.is_empty() {
        crate::atomic::sync_dir(dir)?;
    }
    Ok(removed)
}

fn find_abandoned(dir: &Path) -> Result<Vec<(AbandonedFile, std::fs::File)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in fs_err::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if !name
            .to_string_lossy()
            .starts_with(crate::atomic::TEMP_PREFIX)
            || !entry.file_type().is_ok_and(|t| t.is_file())
        {
            continue;
        }
        let path = entry.path();
        // A file gone since the listing was committed or removed by its owner.
        let Ok(Some(lock)) = crate::atomic::is_abandoned(&path) else {
            continue;
        };
        let bytes = lock.metadata().map_or(0, |m| m.len());
        out.push((AbandonedFile { path, bytes }, lock));
    }
    out.sort_by(|a, b| a.0.path.cmp(&b.0.path));
    Ok(out)
}
