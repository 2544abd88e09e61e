//! Items sorted in bounded memory: an external merge sort.
//!
//! [`SortedSpill`] holds up to a run of items in memory; a full run is
//! sorted and appended, each item its length and [`CompactItem`] encoding,
//! to an unnamed temporary file (in `TMPDIR`, gone when the sort is dropped
//! or the process dies). [`SortedSpill::sorted`] gives every item back in
//! order, merging the runs: memory holds a run, and one item and a read
//! buffer per run while they are merged. The sort is stable: items that
//! compare equal come back in the order pushed. So grouping a million records
//! by their key costs the memory of one run, not a map of a million keys.
//!
//! As with [`crate::SpillList`], pushing never fails: the first failure of
//! the temporary file is kept and reading the sort reports it.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fs::File;
use std::io::Write;

use crate::spill::{Bytes, CompactItem, SpillError};

/// Bytes of the merge's read buffers, shared among the runs.
const MERGE_BUFFERS: usize = 8 << 20;
/// Bytes a run's read buffer holds at least (and at most).
const MIN_BUFFER: usize = 4 << 10;
const MAX_BUFFER: usize = 256 << 10;

/// Items sorted past memory (see the module's documentation).
pub struct SortedSpill<T> {
    /// Items sorted in memory at a time.
    run: usize,
    items: Vec<T>,
    file: Option<File>,
    /// Bytes written to the file.
    written: u64,
    /// Each run written: where it starts and ends in the file.
    runs: Vec<(u64, u64)>,
    len: usize,
    failed: Option<SpillError>,
    scratch: Vec<u8>,
}

impl<T> std::fmt::Debug for SortedSpill<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SortedSpill")
            .field("len", &self.len)
            .field("runs", &self.runs.len())
            .finish_non_exhaustive()
    }
}

impl<T: CompactItem + Ord> SortedSpill<T> {
    /// An empty sort holding `run` items in memory at a time (at least one).
    #[must_use]
    pub fn with_memory(run: usize) -> Self {
        SortedSpill {
            run: run.max(1),
            items: Vec::new(),
            file: None,
            written: 0,
            runs: Vec::new(),
            len: 0,
            failed: None,
            scratch: Vec::new(),
        }
    }

    /// Number of items pushed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether nothing was pushed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `item`; a full run is sorted and written to the temporary file.
    pub fn push(&mut self, item: T) {
        self.len += 1;
        if self.failed.is_some() {
            return;
        }
        self.items.push(item);
        if self.items.len() >= self.run
            && let Err(e) = self.write_run()
        {
            self.items = Vec::new();
            self.failed = Some(e);
        }
    }

    fn write_run(&mut self) -> Result<(), SpillError> {
        // Stable: equal items keep the order pushed within the run (and runs
        // are merged in the order written).
        self.items.sort();
        let file = match &mut self.file {
            Some(f) => f,
            None => self.file.insert(tempfile::tempfile()?),
        };
        let start = self.written;
        let mut out = std::mem::take(&mut self.scratch);
        for item in self.items.drain(..) {
            let at = out.len();
            out.extend_from_slice(&[0; 4]);
            item.put(&mut out);
            let len = u32::try_from(out.len() - at - 4)
                .map_err(|_| SpillError::Json("an item past 4 GiB".to_owned()))?;
            out[at..at + 4].copy_from_slice(&len.to_le_bytes());
            if out.len() >= 1 << 16 {
                file.write_all(&out)?;
                self.written += out.len() as u64;
                out.clear();
            }
        }
        file.write_all(&out)?;
        self.written += out.len() as u64;
        out.clear();
        self.scratch = out;
        self.runs.push((start, self.written));
        Ok(())
    }

    /// Every item pushed, in order (equal items in the order pushed).
    ///
    /// # Errors
    /// The first failure of the temporary file, at once or (reading a run
    /// back) as an item of the iterator, after which it ends.
    pub fn sorted(mut self) -> Result<Sorted<T>, SpillError> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        self.items.sort();
        let Some(file) = self.file.take() else {
            return Ok(Sorted {
                inner: Inner::Memory(std::mem::take(&mut self.items).into_iter()),
            });
        };
        // The last run stays in memory, merged as if it were written last.
        let tail = std::mem::take(&mut self.items);
        let runs = self.runs.len();
        let buffer = (MERGE_BUFFERS / runs.max(1)).clamp(MIN_BUFFER, MAX_BUFFER);
        let mut readers: Vec<RunReader> = self
            .runs
            .iter()
            .map(|&(start, end)| RunReader {
                pos: start,
                end,
                buf: Vec::with_capacity(buffer),
                at: 0,
                capacity: buffer,
            })
            .collect();
        let mut heap = BinaryHeap::with_capacity(runs + 1);
        for (run, reader) in readers.iter_mut().enumerate() {
            if let Some(item) = reader.next(&file)? {
                heap.push(Head { item, run });
            }
        }
        let mut tail = tail.into_iter();
        if let Some(item) = tail.next() {
            heap.push(Head { item, run: runs });
        }
        Ok(Sorted {
            inner: Inner::Merge {
                file,
                readers,
                tail,
                heap,
                failed: false,
            },
        })
    }
}

/// The items of a [`SortedSpill`], in order.
pub struct Sorted<T> {
    inner: Inner<T>,
}

enum Inner<T> {
    Memory(std::vec::IntoIter<T>),
    Merge {
        file: File,
        readers: Vec<RunReader>,
        /// The run never written (the last), as a further run.
        tail: std::vec::IntoIter<T>,
        heap: BinaryHeap<Head<T>>,
        failed: bool,
    },
}

impl<T: CompactItem + Ord> Iterator for Sorted<T> {
    type Item = Result<T, SpillError>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.inner {
            Inner::Memory(items) => items.next().map(Ok),
            Inner::Merge {
                file,
                readers,
                tail,
                heap,
                failed,
            } => {
                if *failed {
                    return None;
                }
                let Head { item, run } = heap.pop()?;
                let next = match readers.get_mut(run) {
                    Some(reader) => reader.next(file),
                    None => Ok(tail.next()),
                };
                match next {
                    Ok(Some(next)) => heap.push(Head { item: next, run }),
                    Ok(None) => {}
                    Err(e) => {
                        *failed = true;
                        return Some(Err(e));
                    }
                }
                Some(Ok(item))
            }
        }
    }
}

/// One run's next item in the merge; ordered so that the heap (a max-heap)
/// pops the least item, of two equal ones the earlier run's.
struct Head<T> {
    item: T,
    run: usize,
}

impl<T: Ord> PartialEq for Head<T> {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl<T: Ord> Eq for Head<T> {}

impl<T: Ord> PartialOrd for Head<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl<T: Ord> Ord for Head<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .item
            .cmp(&self.item)
            .then_with(|| other.run.cmp(&self.run))
    }
}

/// A run of the file read back: its bytes from `pos` to `end`, a buffer at a time.
struct RunReader {
    pos: u64,
    end: u64,
    buf: Vec<u8>,
    /// Where the next item starts in `buf`.
    at: usize,
    capacity: usize,
}

impl RunReader {
    /// The bytes of the next `n` of the run, reading more of the file when
    /// the buffer has fewer.
    fn bytes(&mut self, file: &File, n: usize) -> Result<&[u8], SpillError> {
        if self.buf.len() - self.at < n {
            self.buf.drain(..self.at);
            self.at = 0;
            let want = n.max(self.capacity) - self.buf.len();
            let left = usize::try_from(self.end - self.pos).unwrap_or(usize::MAX);
            let more = want.min(left);
            if self.buf.len() + more < n {
                return Err(Bytes::bad());
            }
            let from = self.buf.len();
            self.buf.resize(from + more, 0);
            crate::store::read_exact_at(file, &mut self.buf[from..], self.pos)?;
            self.pos += more as u64;
        }
        let bytes = &self.buf[self.at..self.at + n];
        self.at += n;
        Ok(bytes)
    }

    fn next<T: CompactItem>(&mut self, file: &File) -> Result<Option<T>, SpillError> {
        if self.at == self.buf.len() && self.pos == self.end {
            return Ok(None);
        }
        let len = self.bytes(file, 4)?;
        let len = u32::from_le_bytes([len[0], len[1], len[2], len[3]]) as usize;
        let bytes = self.bytes(file, len)?;
        let mut r = Bytes::new(bytes);
        let item = T::take(&mut r)?;
        if r.is_empty() {
            Ok(Some(item))
        } else {
            Err(Bytes::bad())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::SortedSpill;
    use crate::spill::{Bytes, CompactItem, SpillError, put_u64};
    use proptest::prelude::*;

    /// A key and the order it was pushed in, compared by the key alone (to
    /// see that the sort is stable).
    #[derive(Debug, Clone, PartialEq, Eq)]
    struct Keyed {
        key: String,
        order: u64,
    }

    impl PartialOrd for Keyed {
        fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(other))
        }
    }

    impl Ord for Keyed {
        fn cmp(&self, other: &Self) -> std::cmp::Ordering {
            self.key.cmp(&other.key)
        }
    }

    impl CompactItem for Keyed {
        fn put(&self, out: &mut Vec<u8>) {
            self.key.put(out);
            put_u64(out, self.order);
        }
        fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
            Ok(Keyed {
                key: r.string()?,
                order: r.u64()?,
            })
        }
    }

    fn sorted_by_spill(keys: &[String], run: usize) -> Vec<Keyed> {
        let mut s = SortedSpill::with_memory(run);
        for (i, k) in keys.iter().enumerate() {
            s.push(Keyed {
                key: k.clone(),
                order: i as u64,
            });
        }
        assert_eq!(s.len(), keys.len());
        s.sorted().unwrap().map(Result::unwrap).collect()
    }

    proptest! {
        #[test]
        fn the_sort_equals_a_stable_sort_in_memory(
            keys in proptest::collection::vec("[a-c]{0,3}|é[x-z]{0,40}", 0..300),
            run in 1usize..40,
        ) {
            let mut want: Vec<Keyed> = keys
                .iter()
                .enumerate()
                .map(|(i, k)| Keyed { key: k.clone(), order: i as u64 })
                .collect();
            want.sort();
            prop_assert_eq!(sorted_by_spill(&keys, run), want);
        }
    }

    #[test]
    fn many_runs_with_long_items_are_merged_across_their_buffers() {
        // Items longer than a run's smallest buffer, in more runs than the
        // buffers' share gives full buffers to.
        let keys: Vec<String> = (0..5_000u32)
            .map(|i| {
                format!(
                    "{:05}{}",
                    (i * 7919) % 5_000,
                    "x".repeat((i % 13) as usize * 700)
                )
            })
            .collect();
        let got = sorted_by_spill(&keys, 2);
        assert_eq!(got.len(), keys.len());
        assert!(got.windows(2).all(|w| w[0].key <= w[1].key));
        let mut orders: Vec<u64> = got.iter().map(|k| k.order).collect();
        orders.sort_unstable();
        assert!(orders.iter().enumerate().all(|(i, &o)| o == i as u64));
    }

    #[test]
    fn a_failure_of_the_file_is_reported_when_the_sort_is_read() {
        let mut s: SortedSpill<String> = SortedSpill::with_memory(2);
        s.push("b".to_owned());
        s.failed = Some(std::io::Error::from(std::io::ErrorKind::StorageFull).into());
        s.push("a".to_owned());
        assert_eq!(s.len(), 2);
        assert!(matches!(
            s.sorted(),
            Err(SpillError::File {
                kind: std::io::ErrorKind::StorageFull,
                ..
            })
        ));
    }
}
