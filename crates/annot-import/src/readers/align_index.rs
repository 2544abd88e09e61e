//! The lists of documents `--align-to-corpus` looks documents up in, on
//! disk: sorted fixed-width records in an unnamed temporary file (in
//! `TMPDIR`, gone with the process), found by a binary search over a sparse
//! array of keys held in memory (the first key of every block of records)
//! and a positioned read of one block. Memory holds a few bytes for every
//! block, not the lists.

use std::fs::File;
use std::io::{BufWriter, Write};

use annot_model::spill::Bytes;
use annot_model::store::read_exact_at;
use annot_model::{CompactItem, SortedSpill, SpillError};

/// Pairs sorted in memory at a time while a table is built (4 MB).
const SORT_RUN: usize = 1 << 18;

/// A key and a document (its position in the corpus), sorted by key, then document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Pair {
    pub(crate) key: u64,
    pub(crate) doc: u32,
}

impl CompactItem for Pair {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.key.to_le_bytes());
        out.extend_from_slice(&self.doc.to_le_bytes());
    }
    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
        let key = u64::from_le_bytes(r.slice(8)?.try_into().map_err(|_| Bytes::bad())?);
        let doc = u32::from_le_bytes(r.slice(4)?.try_into().map_err(|_| Bytes::bad())?);
        Ok(Pair { key, doc })
    }
}

/// Pairs pushed in any order, sorted in bounded memory (an external merge sort).
pub(crate) struct PairSort(SortedSpill<Pair>);

impl PairSort {
    pub(crate) fn new() -> Self {
        PairSort(SortedSpill::with_memory(SORT_RUN))
    }

    pub(crate) fn push(&mut self, key: u64, doc: u32) {
        self.0.push(Pair { key, doc });
    }

    /// The (key, document) pairs as a [`PairTable`].
    pub(crate) fn pair_table(self) -> Result<PairTable, SpillError> {
        let mut out = TableWriter::new(PAIR, PAIR_BLOCK)?;
        let mut rec = Vec::with_capacity(PAIR);
        for p in self.0.sorted()? {
            rec.clear();
            p?.put(&mut rec);
            out.push(&rec)?;
        }
        Ok(PairTable(out.finish()?))
    }

    /// The pairs as a [`ListTable`]: each key's documents once.
    pub(crate) fn list_table(self) -> Result<ListTable, SpillError> {
        let mut dir = TableWriter::new(ENTRY, ENTRY_BLOCK)?;
        let mut docs = BufWriter::with_capacity(1 << 16, tempfile::tempfile()?);
        let mut open: Option<ListEntry> = None;
        let mut rec = Vec::with_capacity(ENTRY);
        let mut close = |e: &ListEntry, dir: &mut TableWriter| {
            rec.clear();
            e.put(&mut rec);
            dir.push(&rec)
        };
        for (written, p) in (0u64..).zip(self.0.sorted()?) {
            let Pair { key, doc } = p?;
            match &mut open {
                Some(e) if e.key == key => {
                    // Each document comes once a key, in order.
                    e.len += 1;
                    e.hash = list_hash(e.hash, doc);
                }
                _ => {
                    if let Some(e) = open.take() {
                        close(&e, &mut dir)?;
                    }
                    open = Some(ListEntry {
                        key,
                        start: written,
                        len: 1,
                        hash: list_hash(0, doc),
                    });
                }
            }
            docs.write_all(&doc.to_le_bytes())?;
        }
        if let Some(e) = open.take() {
            close(&e, &mut dir)?;
        }
        let docs = docs
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        Ok(ListTable {
            dir: dir.finish()?,
            docs,
        })
    }
}

/// The hash of a list of documents, `doc` added to the hash `h` of those before it.
fn list_hash(h: u64, doc: u32) -> u64 {
    super::conll::mix(h ^ u64::from(doc)).wrapping_add(0x9e37_79b9_7f4a_7c15)
}

/// Bytes of a (key, document) record.
const PAIR: usize = 12;
/// Pairs a block: a key of memory for every 256 pairs, 3 KB read a look-up.
const PAIR_BLOCK: usize = 256;
/// Bytes of a [`ListEntry`] record.
const ENTRY: usize = 28;
/// Entries a block: 3.5 KB read a look-up.
const ENTRY_BLOCK: usize = 128;

/// Records of a fixed width sorted by the key they begin with (a `u64`,
/// little-endian), in a temporary file; the first key of every block kept.
#[derive(Debug)]
struct Table {
    file: File,
    width: usize,
    block: usize,
    count: u64,
    fences: Vec<u64>,
}

struct TableWriter {
    out: BufWriter<File>,
    width: usize,
    block: usize,
    count: u64,
    fences: Vec<u64>,
}

fn key_of(record: &[u8]) -> u64 {
    let mut k = [0u8; 8];
    k.copy_from_slice(&record[..8]);
    u64::from_le_bytes(k)
}

impl TableWriter {
    fn new(width: usize, block: usize) -> std::io::Result<Self> {
        Ok(TableWriter {
            out: BufWriter::with_capacity(1 << 16, tempfile::tempfile()?),
            width,
            block,
            count: 0,
            fences: Vec::new(),
        })
    }

    /// Appends `record` (`width` bytes, its key not below the last one's).
    fn push(&mut self, record: &[u8]) -> std::io::Result<()> {
        debug_assert_eq!(record.len(), self.width);
        if self.count.is_multiple_of(self.block as u64) {
            self.fences.push(key_of(record));
        }
        self.out.write_all(record)?;
        self.count += 1;
        Ok(())
    }

    fn finish(self) -> std::io::Result<Table> {
        let file = self
            .out
            .into_inner()
            .map_err(std::io::IntoInnerError::into_error)?;
        let mut fences = self.fences;
        fences.shrink_to_fit();
        Ok(Table {
            file,
            width: self.width,
            block: self.block,
            count: self.count,
            fences,
        })
    }
}

impl Table {
    /// The bytes of records `from..to` (clipped to the table).
    fn read(&self, from: u64, to: u64) -> std::io::Result<Vec<u8>> {
        let to = to.min(self.count);
        let n = usize::try_from(to.saturating_sub(from)).unwrap_or(usize::MAX);
        let mut buf = vec![0u8; n * self.width];
        read_exact_at(&self.file, &mut buf, from * self.width as u64)?;
        Ok(buf)
    }

    /// Block `b`: its first record's number and its records' bytes.
    fn block(&self, b: usize) -> std::io::Result<(u64, Vec<u8>)> {
        let from = (b * self.block) as u64;
        Ok((from, self.read(from, from + self.block as u64)?))
    }

    /// How many of the records in `bytes` (sorted) have a key that `before` holds for.
    fn count_while(&self, bytes: &[u8], before: impl Fn(u64) -> bool) -> u64 {
        let (mut lo, mut hi) = (0usize, bytes.len() / self.width);
        while lo < hi {
            let mid = usize::midpoint(lo, hi);
            if before(key_of(&bytes[mid * self.width..])) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        lo as u64
    }

    /// The records whose key is `key`: `from..to`, numbers of records.
    fn range(&self, key: u64) -> std::io::Result<(u64, u64)> {
        if self.count == 0 {
            return Ok((0, 0));
        }
        // The first record with `key` (or above) is in the last block that
        // begins below it, or begins the next block.
        let b = self.fences.partition_point(|&f| f < key).saturating_sub(1);
        let (first, bytes) = self.block(b)?;
        let from = first + self.count_while(&bytes, |k| k < key);
        let inside = self.count_while(&bytes, |k| k <= key);
        if inside < (bytes.len() / self.width) as u64 {
            return Ok((from, first + inside));
        }
        // The records of `key` go on past the block: they end in the last
        // block that begins with `key` or below.
        let last = self.fences.partition_point(|&f| f <= key).saturating_sub(1);
        if last <= b {
            return Ok((from, first + inside));
        }
        let (first, bytes) = self.block(last)?;
        Ok((from, first + self.count_while(&bytes, |k| k <= key)))
    }
}

/// (key, document) pairs sorted: the documents of a key are a run of
/// pairs, and the run's length (the distance between its first and last
/// pair) is known before its documents are read.
#[derive(Debug)]
pub(crate) struct PairTable(Table);

impl PairTable {
    /// Blocks of the table (a key of memory each).
    #[cfg(test)]
    pub(crate) fn blocks(&self) -> usize {
        self.0.fences.len()
    }

    /// Where the pairs of `key` are.
    pub(crate) fn range(&self, key: u64) -> std::io::Result<(u64, u64)> {
        self.0.range(key)
    }

    /// The documents of the pairs `from..to` (a range of one key: sorted).
    pub(crate) fn docs(&self, (from, to): (u64, u64)) -> std::io::Result<Vec<u32>> {
        let bytes = self.0.read(from, to)?;
        Ok(bytes
            .chunks_exact(PAIR)
            .map(|r| u32::from_le_bytes([r[8], r[9], r[10], r[11]]))
            .collect())
    }
}

/// A key's list in a [`ListTable`]: where its documents are, how many, and
/// a hash of them (lists with the same documents have the same hash and length).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ListEntry {
    pub(crate) key: u64,
    start: u64,
    pub(crate) len: u32,
    pub(crate) hash: u64,
}

impl ListEntry {
    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.key.to_le_bytes());
        out.extend_from_slice(&self.start.to_le_bytes());
        out.extend_from_slice(&self.len.to_le_bytes());
        out.extend_from_slice(&self.hash.to_le_bytes());
    }

    fn of(r: &[u8]) -> Self {
        let u64_at = |i: usize| key_of(&r[i..i + 8]);
        ListEntry {
            key: u64_at(0),
            start: u64_at(8),
            len: u32::from_le_bytes([r[16], r[17], r[18], r[19]]),
            hash: u64_at(20),
        }
    }
}

/// Key -> its documents, sorted: a sorted directory of [`ListEntry`]s (one
/// a key, found like the pairs of a [`PairTable`]) and the documents of
/// every list one after another, four bytes each.
#[derive(Debug)]
pub(crate) struct ListTable {
    dir: Table,
    docs: File,
}

/// Documents read at a time when a long list is walked.
const WALK: usize = 1 << 14;

impl ListTable {
    /// Blocks of the directory (a key of memory each).
    #[cfg(test)]
    pub(crate) fn blocks(&self) -> usize {
        self.dir.fences.len()
    }

    /// The entry of `key`, if a document has it.
    pub(crate) fn entry(&self, key: u64) -> std::io::Result<Option<ListEntry>> {
        let (from, to) = self.dir.range(key)?;
        if from == to {
            return Ok(None);
        }
        Ok(Some(ListEntry::of(&self.dir.read(from, from + 1)?)))
    }

    /// Documents `at..at + n` of `e`'s list.
    fn read(&self, e: &ListEntry, at: u64, n: usize) -> std::io::Result<Vec<u32>> {
        let mut buf = vec![0u8; n * 4];
        read_exact_at(&self.docs, &mut buf, (e.start + at) * 4)?;
        Ok(buf
            .chunks_exact(4)
            .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
            .collect())
    }

    /// The documents of `e`, sorted.
    pub(crate) fn list(&self, e: &ListEntry) -> std::io::Result<Vec<u32>> {
        self.read(e, 0, e.len as usize)
    }

    /// Keeps in `docs` (sorted) those `e`'s list has, reading the list a
    /// part at a time.
    pub(crate) fn retain_in(&self, docs: &mut Vec<u32>, e: &ListEntry) -> std::io::Result<()> {
        let mut kept = 0usize;
        let mut i = 0usize;
        let mut at = 0u64;
        while i < docs.len() && at < u64::from(e.len) {
            let n = usize::try_from(u64::from(e.len) - at)
                .unwrap_or(usize::MAX)
                .min(WALK);
            let part = self.read(e, at, n)?;
            at += n as u64;
            let mut j = 0usize;
            while i < docs.len() && j < part.len() {
                match docs[i].cmp(&part[j]) {
                    std::cmp::Ordering::Less => i += 1,
                    std::cmp::Ordering::Greater => j += 1,
                    std::cmp::Ordering::Equal => {
                        docs[kept] = docs[i];
                        kept += 1;
                        i += 1;
                        j += 1;
                    }
                }
            }
        }
        docs.truncate(kept);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    /// Keys shared by many documents, by a few, by one; enough pairs to span many blocks.
    fn pairs() -> Vec<(u64, u32)> {
        let mut out = Vec::new();
        for doc in 0..3_000u32 {
            out.push((7, doc));
            out.push((11, doc));
            out.push((u64::from(doc % 37) * 1_000_003, doc));
            out.push((u64::from(doc) << 20, doc));
            if doc % 5 == 0 {
                out.push((u64::MAX, doc));
            }
            if doc.is_multiple_of(2) {
                out.push((0, doc));
            }
        }
        // A document once a key (as a document's keys are pushed), pushed out of order.
        out.sort_unstable();
        out.dedup();
        out.sort_by_key(|&(k, d)| (k.rotate_left(13), d.wrapping_mul(2_654_435_761)));
        out
    }

    fn sort_of(pairs: &[(u64, u32)]) -> PairSort {
        let mut s = PairSort(SortedSpill::with_memory(1_000));
        for &(k, d) in pairs {
            s.push(k, d);
        }
        s
    }

    fn in_memory(pairs: &[(u64, u32)]) -> BTreeMap<u64, Vec<u32>> {
        let mut m: BTreeMap<u64, Vec<u32>> = BTreeMap::new();
        for &(k, d) in pairs {
            m.entry(k).or_default().push(d);
        }
        for l in m.values_mut() {
            l.sort_unstable();
        }
        m
    }

    #[test]
    fn every_key_s_documents_are_found_across_blocks() {
        let pairs = pairs();
        let want = in_memory(&pairs);
        let table = sort_of(&pairs).pair_table().unwrap();
        assert!(table.0.fences.len() > 10, "{} blocks", table.0.fences.len());
        for (&k, docs) in &want {
            let range = table.range(k).unwrap();
            assert_eq!(range.1 - range.0, docs.len() as u64, "{k}");
            assert_eq!(&table.docs(range).unwrap(), docs, "{k}");
        }
        for k in [1, 8, 1_000_004, u64::MAX - 1] {
            let (from, to) = table.range(k).unwrap();
            assert_eq!(from, to, "{k}");
        }
        let lists = sort_of(&pairs).list_table().unwrap();
        assert!(
            lists.dir.fences.len() > 10,
            "{} blocks",
            lists.dir.fences.len()
        );
        let mut seen: BTreeMap<(u32, u64), &Vec<u32>> = BTreeMap::new();
        for (&k, docs) in &want {
            let e = lists.entry(k).unwrap().unwrap();
            assert_eq!(e.len as usize, docs.len());
            assert_eq!(&lists.list(&e).unwrap(), docs, "{k}");
            // Equal hash and length, equal list.
            assert_eq!(*seen.entry((e.len, e.hash)).or_insert(docs), docs);
            let mut all: Vec<u32> = (0..3_000).collect();
            lists.retain_in(&mut all, &e).unwrap();
            assert_eq!(&all, docs);
        }
        assert_eq!(lists.entry(8).unwrap(), None);
        // Keys with the same documents have the same hash and length.
        let (a, b) = (
            lists.entry(7).unwrap().unwrap(),
            lists.entry(11).unwrap().unwrap(),
        );
        assert_eq!((a.len, a.hash), (b.len, b.hash));
        assert_ne!(a.start, b.start);
        let empty = sort_of(&[]).pair_table().unwrap();
        assert_eq!(empty.range(3).unwrap(), (0, 0));
        assert_eq!(sort_of(&[]).list_table().unwrap().entry(3).unwrap(), None);
    }
}
