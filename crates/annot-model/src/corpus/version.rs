//! Version policy: which line of an id is its current document.
//!
//! A corpus file may hold a new version of a document another file has (an
//! import with `--update`): the version imported last is current, earlier
//! ones are history. Import order is recorded in the names annot gives the
//! files it writes, `import-NNNN.jsonl`, numbered as they were made; files
//! with other names (a cluster import's `part-NNNNN.jsonl`, adopted as they
//! are) count as made before every import, in name order among themselves.
//! An id with two texts in two such files was not made by an update (annot
//! never writes them): that is a conflict, which [`superseded`] lists. The
//! same id twice in one file is refused when the file is indexed.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::path::Path;

use crate::error::Result;

use super::index::{IndexFile, Rec};
use super::writer::{IMPORT_STEM, number_of};

/// The import order of corpus files (given in name order): for each file,
/// its rank (a higher rank was imported later).
pub(super) fn import_ranks(files: &[impl AsRef<Path>]) -> Vec<usize> {
    let mut order: Vec<(Option<u32>, usize)> = files
        .iter()
        .enumerate()
        .map(|(i, f)| (number_of(f.as_ref(), IMPORT_STEM), i))
        .collect();
    // `None` (no recorded import) sorts first; then imports by number.
    order.sort_unstable();
    let mut rank = vec![0; files.len()];
    for (r, &(_, i)) in order.iter().enumerate() {
        rank[i] = r;
    }
    rank
}

/// Whether corpus file `path` records when it was imported (annot wrote it).
pub(super) fn is_recorded_import(path: &Path) -> bool {
    number_of(path, IMPORT_STEM).is_some()
}

/// Two lines of one id with different texts, in two files neither of which
/// annot's import wrote: (file, record) of each, earlier rank first.
pub(super) type Clash = [(usize, Rec); 2];

/// What the versions of the corpus files are.
pub(super) struct Versions {
    /// For each corpus file, its lines (record numbers, sorted) that a file
    /// imported later holds another version of.
    pub(super) superseded: Vec<Vec<u32>>,
    /// Ids with two texts in files no import wrote, with the id.
    pub(super) clashes: Vec<(String, Clash)>,
}

/// The [`Versions`] of corpus files `indexes`, of import ranks `rank`
/// ([`import_ranks`]) and recorded imports `recorded`. The files' sorted
/// keys are merged as they are read: memory holds one key per file, not one
/// per document.
pub(super) fn superseded(
    indexes: &[IndexFile],
    rank: &[usize],
    recorded: &[bool],
) -> Result<Versions> {
    let mut out = Versions {
        superseded: vec![Vec::new(); indexes.len()],
        clashes: Vec::new(),
    };
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
    let files = Files {
        indexes,
        rank,
        recorded,
    };
    // The entries of one key across the files: (file, record).
    let mut group: Vec<(usize, u32)> = Vec::new();
    let mut group_key = None;
    while let Some(Reverse((key, fi, local))) = heap.pop() {
        if group_key != Some(key) {
            files.settle(&group, &mut out)?;
            group.clear();
            group_key = Some(key);
        }
        group.push((fi, local));
        if let Some(k) = streams[fi].next() {
            let (key, local) = k?;
            heap.push(Reverse((key, fi, local)));
        }
    }
    files.settle(&group, &mut out)?;
    for lines in &mut out.superseded {
        lines.sort_unstable();
    }
    out.clashes.sort_by_key(|(_, [(fa, a), _])| (*fa, a.line));
    Ok(out)
}

struct Files<'a> {
    indexes: &'a [IndexFile],
    rank: &'a [usize],
    recorded: &'a [bool],
}

impl Files<'_> {
    /// Marks, among entries sharing a key, every one whose id a file imported
    /// later has too; lists the clashes among them.
    fn settle(&self, group: &[(usize, u32)], out: &mut Versions) -> Result<()> {
        if group.windows(2).all(|w| w[0].0 == w[1].0) {
            // All in one file: distinct ids (a file's ids are unique).
            return Ok(());
        }
        let mut lines = Vec::with_capacity(group.len());
        for &(fi, local) in group {
            let (rec, id) = self.indexes[fi].record(local)?;
            lines.push((fi, local, rec, id));
        }
        // Import order: the current version last.
        lines.sort_by_key(|&(fi, ..)| self.rank[fi]);
        for (i, (fi, local, rec, id)) in lines.iter().enumerate() {
            // (Another line of the same file: an id used twice, which only a
            // lenient open lets through and reports as such.)
            let Some((fj, _, later, _)) = lines[i + 1..].iter().find(|l| l.0 != *fi && l.3 == *id)
            else {
                continue;
            };
            out.superseded[*fi].push(*local);
            if !self.recorded[*fj] && rec.digest != later.digest {
                out.clashes.push((
                    String::from_utf8_lossy(id).into_owned(),
                    [(*fi, *rec), (*fj, *later)],
                ));
            }
        }
        Ok(())
    }
}
