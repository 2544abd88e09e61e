//! Version policy: which line of an id is its current document.
//!
//! A later corpus file may hold a new version of a document (an import with
//! `--update`); the latest one is current, earlier ones are history. The
//! same id twice in one file is refused when the file is indexed.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::error::Result;

use super::index::IndexFile;

/// For each corpus file, its lines (record numbers, sorted) that a later
/// file holds another version of. The files' sorted keys are merged as they
/// are read: memory holds one key per file, not one per document.
pub(super) fn superseded(indexes: &[IndexFile]) -> Result<Vec<Vec<u32>>> {
    let mut out = vec![Vec::new(); indexes.len()];
    if indexes.len() < 2 {
        return Ok(out);
    }
    let mut streams: Vec<_> = indexes.iter().map(IndexFile::keys).collect();
    let mut heap = BinaryHeap::new();
    for (fi, s) in streams.iter_mut().enumerate() {
        if let Some(k) = s.next() {
            let (key, local) = k?;
            heap.push(Reverse((key, fi, local)));
        }
    }
    // The entries of one key across the files: (file, record).
    let mut group: Vec<(usize, u32)> = Vec::new();
    let mut group_key = None;
    while let Some(Reverse((key, fi, local))) = heap.pop() {
        if group_key != Some(key) {
            settle(indexes, &group, &mut out)?;
            group.clear();
            group_key = Some(key);
        }
        group.push((fi, local));
        if let Some(k) = streams[fi].next() {
            let (key, local) = k?;
            heap.push(Reverse((key, fi, local)));
        }
    }
    settle(indexes, &group, &mut out)?;
    for lines in &mut out {
        lines.sort_unstable();
    }
    Ok(out)
}

/// Marks, among entries sharing a key, every one whose id a later file has too.
fn settle(indexes: &[IndexFile], group: &[(usize, u32)], out: &mut [Vec<u32>]) -> Result<()> {
    let files = |g: &[(usize, u32)]| g.iter().map(|&(f, _)| f).collect::<Vec<_>>();
    let f = files(group);
    if f.windows(2).all(|w| w[0] == w[1]) {
        // All in one file: distinct ids (a file's ids are unique).
        return Ok(());
    }
    let mut ids = Vec::with_capacity(group.len());
    for &(fi, local) in group {
        ids.push(indexes[fi].record(local)?.1);
    }
    for (i, &(fi, local)) in group.iter().enumerate() {
        if group
            .iter()
            .zip(&ids)
            .any(|(&(fj, _), id)| fj > fi && *id == ids[i])
        {
            out[fi].push(local);
        }
    }
    Ok(())
}
