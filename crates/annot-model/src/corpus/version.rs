//! Version policy: which line of an id is its current document.
//!
//! A later corpus file may hold a new version of a document (an import with
//! `--update`); the latest one is current, earlier ones are history.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;

use crate::error::{ModelError, Result};

use super::Entry;

/// Splits entries into the current version of each document and older versions.
///
/// A later corpus file may hold a new version of a document (an import with
/// `--update`); it supersedes the earlier one, which stays as history so records
/// made on it can be re-anchored. The same id twice in one file is an error.
pub(super) fn split_versions(
    entries: Vec<Entry>,
    files: &[PathBuf],
) -> Result<(Vec<Entry>, Vec<Entry>)> {
    let mut keyed: Vec<(u64, u32)> = entries
        .iter()
        .enumerate()
        .map(|(i, e)| (id_key(&e.id), i as u32))
        .collect();
    keyed.sort_unstable();
    let mut superseded = vec![false; entries.len()];
    for pair in keyed.windows(2) {
        let (ia, ib) = (pair[0].1 as usize, pair[1].1 as usize);
        let (a, b) = (&entries[ia], &entries[ib]);
        if pair[0].0 != pair[1].0 || a.id != b.id {
            continue;
        }
        // Same key sorts by index, so `a` is the earlier line.
        if a.file == b.file {
            return Err(ModelError::Line {
                path: files[b.file as usize].clone(),
                line: b.line as usize,
                message: format!(
                    "document id '{}' is already used at line {} of the same file; ids must be unique, remove one of them",
                    b.id, a.line
                ),
            });
        }
        superseded[ia] = true;
    }
    if !superseded.contains(&true) {
        return Ok((entries, Vec::new()));
    }
    let (mut current, mut history) = (Vec::new(), Vec::new());
    for (e, old) in entries.into_iter().zip(superseded) {
        if old {
            history.push(e)
        } else {
            current.push(e)
        }
    }
    Ok((current, history))
}

/// The key of an id in the sorted id lookup (collisions are told apart by the id itself).
pub(super) fn id_key(id: &str) -> u64 {
    let mut h = DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}
