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

/// A file (or folder) in the corpus directory that annot does not read, and
/// what to do with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnreadFile {
    pub path: PathBuf,
    /// Why it is not read and what to do, as a sentence after its name.
    pub advice: String,
}

/// Compression suffixes, with the command that decompresses them.
const COMPRESSED: [(&str, &str); 7] = [
    ("gz", "gzip -dc"),
    ("bz2", "bzip2 -dc"),
    ("xz", "xz -dc"),
    ("zst", "zstd -dc"),
    ("lz4", "lz4 -dc"),
    ("deflate", ""),
    ("snappy", ""),
];

/// The entries of corpus directory `dir` that annot does not read: all but
/// its `.jsonl` files and hidden ones (temporary files, `.gitkeep`, Hadoop's
/// `.crc` files), sorted by path. A cluster job's `part-00000` copied without
/// its `.jsonl` name, or compressed, is the usual case.
///
/// # Errors
/// An unreadable directory.
pub fn unread_files(dir: &Path) -> Result<Vec<UnreadFile>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in fs_err::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        let jsonl = path.extension().is_some_and(|e| e == "jsonl");
        if jsonl && path.is_file() {
            continue;
        }
        let advice = unread_advice(&name, &path, jsonl);
        out.push(UnreadFile { path, advice });
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

fn unread_advice(name: &str, path: &Path, jsonl: bool) -> String {
    if path.is_dir() {
        return "a folder, not read: annot reads the .jsonl files directly in corpus/ \
                (move the corpus files in it up, named *.jsonl)"
            .to_owned();
    }
    if jsonl {
        return "not a regular file, not read".to_owned();
    }
    if name == "_SUCCESS" {
        return "the marker a Spark or Hadoop job leaves, not a corpus file: remove it".to_owned();
    }
    if name.ends_with(".crc") {
        return "a Hadoop checksum file, not a corpus file: remove it".to_owned();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => (stem, ext),
        _ => (name, ""),
    };
    if let Some((_, tool)) = COMPRESSED.iter().find(|(e, _)| e.eq_ignore_ascii_case(ext)) {
        let target = if stem.ends_with(".jsonl") {
            stem.to_owned()
        } else {
            format!("{}.jsonl", stem.strip_suffix(".json").unwrap_or(stem))
        };
        let how = if tool.is_empty() {
            String::new()
        } else {
            format!(" (`{tool} corpus/{name} > corpus/{target}`)")
        };
        return format!(
            "compressed, not read: decompress it to corpus/{target}{how}, then remove it"
        );
    }
    if ext.eq_ignore_ascii_case("txt") {
        return "a text file, not read: corpus/ holds the documents annot wrote; import \
                articles with `annot import FILE`"
            .to_owned();
    }
    let target = if ext.is_empty() || ext.bytes().all(|b| b.is_ascii_digit()) {
        format!("{name}.jsonl")
    } else {
        format!("{stem}.jsonl")
    };
    format!("not a .jsonl file, not read; if it holds corpus lines, rename it to {target}")
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
