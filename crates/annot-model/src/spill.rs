//! A list that grows with the number of documents, held in bounded memory.
//!
//! [`SpillList`] keeps its first items in memory ([`SpillList::IN_MEMORY`], or
//! as many as [`SpillList::with_memory`] says) and appends the rest, one JSON
//! line each, to an unnamed temporary file (in `TMPDIR`, gone when the list is
//! dropped or the process dies). Reading it back gives every item in the order
//! pushed ([`SpillList::iter`]), so a report's per-document list costs the
//! same memory at ten thousand documents as at a million. An
//! [`indexed`](SpillList::indexed) list also remembers where each spilled
//! line starts (eight bytes an item), and [`SpillList::get`] reads any item
//! back alone, at its position: an import holds its records that way. JSON is
//! exact for every value the lists hold (the workspace builds serde_json with
//! `float_roundtrip`), and it is how the logs write records.
//!
//! Pushing never fails: the first failure of the temporary file is kept and
//! every later read reports it ([`SpillError`]), so a tally is never left
//! half-way through an item; [`SpillList::check`] asks for it at once.

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Why a list's spilled items cannot be written or read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpillError {
    /// The temporary file could not be made, written or read back.
    #[error(
        "the temporary file of a per-document list failed ({message}); check free space in TMPDIR and run again"
    )]
    File {
        /// What the system said ([`std::io::ErrorKind::StorageFull`]: the disk is full).
        kind: std::io::ErrorKind,
        /// The system's message.
        message: String,
    },
    /// An item could not be written as JSON, or its line read back as one.
    #[error("an item of a per-document list could not be kept as JSON ({0})")]
    Json(String),
    /// An index past the items pushed.
    #[error("item {index} of a per-document list of {len} was never pushed")]
    NoItem {
        /// The index asked for.
        index: usize,
        /// Items pushed.
        len: usize,
    },
}

impl From<std::io::Error> for SpillError {
    fn from(e: std::io::Error) -> Self {
        SpillError::File {
            kind: e.kind(),
            message: e.to_string(),
        }
    }
}

impl From<serde_json::Error> for SpillError {
    fn from(e: serde_json::Error) -> Self {
        if e.is_io() {
            return std::io::Error::from(e).into();
        }
        SpillError::Json(e.to_string())
    }
}

/// An append-only list, past its first items in a temporary file.
pub struct SpillList<T> {
    /// Items kept in memory before the rest go to the file.
    limit: usize,
    memory: Vec<T>,
    file: Option<File>,
    /// Bytes written to the file.
    written: u64,
    /// JSON lines not yet written to the file.
    pending: Vec<u8>,
    /// Items past the memory (in the file and `pending`).
    spilled: usize,
    /// An indexed list: where each spilled item's line starts in the file (and
    /// `pending` after it); its end is the next one's start.
    starts: Option<Vec<u64>>,
    /// The first failure writing the file (reported when the list is read).
    failed: Option<SpillError>,
}

impl<T> Default for SpillList<T> {
    fn default() -> Self {
        SpillList {
            limit: Self::IN_MEMORY,
            memory: Vec::new(),
            file: None,
            written: 0,
            pending: Vec::new(),
            spilled: 0,
            starts: None,
            failed: None,
        }
    }
}

impl<T> fmt::Debug for SpillList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpillList")
            .field("in_memory", &self.memory.len())
            .field("spilled", &self.spilled)
            .field("indexed", &self.starts.is_some())
            .finish_non_exhaustive()
    }
}

impl<T> SpillList<T> {
    /// Items kept in memory by [`SpillList::new`] before the rest go to the temporary file.
    pub const IN_MEMORY: usize = 16_384;
    /// Bytes of JSON lines gathered before they are written to the file.
    const PENDING: usize = 1 << 16;

    /// An empty list, keeping [`SpillList::IN_MEMORY`] items in memory.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// An empty list keeping `items` in memory (zero: every item goes to the file).
    #[must_use]
    pub fn with_memory(items: usize) -> Self {
        SpillList {
            limit: items,
            ..Self::default()
        }
    }

    /// The same list, remembering where each spilled item starts (eight bytes an
    /// item past the memory), so that [`SpillList::get`] reads one item alone.
    /// Call it before the first push.
    #[must_use]
    pub fn indexed(mut self) -> Self {
        if self.spilled == 0 {
            self.starts = Some(Vec::new());
        }
        self
    }

    /// Number of items pushed.
    #[must_use]
    pub fn len(&self) -> usize {
        self.memory.len() + self.spilled
    }

    /// Whether nothing was pushed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The items held in memory: the first pushed, for a report's first few.
    #[must_use]
    pub fn head(&self) -> &[T] {
        &self.memory
    }

    /// The first failure of the temporary file, if any.
    ///
    /// # Errors
    /// [`SpillError`] naming what failed.
    pub fn check(&self) -> Result<(), SpillError> {
        self.failed.clone().map_or(Ok(()), Err)
    }

    fn write_pending(&mut self) -> std::io::Result<()> {
        let file = match &mut self.file {
            Some(f) => f,
            None => self.file.insert(tempfile::tempfile()?),
        };
        file.write_all(&self.pending)?;
        self.written += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }
}

impl<T: Serialize + DeserializeOwned> SpillList<T> {
    /// Appends `item`; returns its index. A failure of the temporary file is kept
    /// and reported when the list is read (or [checked](SpillList::check)), so
    /// pushing never fails half-way through a tally.
    pub fn push(&mut self, item: T) -> usize {
        let index = self.len();
        if self.spilled == 0 && self.memory.len() < self.limit {
            self.memory.push(item);
            return index;
        }
        self.spilled += 1;
        if self.failed.is_some() {
            return index;
        }
        let start = self.written + self.pending.len() as u64;
        if let Err(e) = serde_json::to_writer(&mut self.pending, &item) {
            self.failed = Some(e.into());
            return index;
        }
        self.pending.push(b'\n');
        if let Some(starts) = &mut self.starts {
            starts.push(start);
        }
        if self.pending.len() >= Self::PENDING
            && let Err(e) = self.write_pending()
        {
            self.failed = Some(e.into());
        }
        index
    }

    /// Every item in the order pushed, each an error when the temporary file could not
    /// be written or read back. The file is read at positions, so the list can be read
    /// and pushed to in turn.
    pub fn iter(&self) -> impl Iterator<Item = Result<T, SpillError>> + '_
    where
        T: Clone,
    {
        let failed = self.failed.clone().map(Err);
        let spilled = (self.failed.is_none() && self.spilled > 0).then(|| {
            let file = At {
                file: self.file.as_ref(),
                pos: 0,
                len: self.written,
            };
            BufReader::with_capacity(1 << 16, file.chain(self.pending.as_slice()))
                .lines()
                .map(|line| Ok(serde_json::from_str(&line?)?))
        });
        self.memory
            .iter()
            .cloned()
            .map(Ok)
            .chain(failed)
            .chain(spilled.into_iter().flatten())
    }

    /// The item of `index`: read alone at its position in an
    /// [`indexed`](SpillList::indexed) list, else found reading the file from its start.
    ///
    /// # Errors
    /// [`SpillError::NoItem`] for an index never pushed; the failure of the
    /// temporary file.
    pub fn get(&self, index: usize) -> Result<T, SpillError>
    where
        T: Clone,
    {
        if let Some(item) = self.memory.get(index) {
            return Ok(item.clone());
        }
        let no_item = SpillError::NoItem {
            index,
            len: self.len(),
        };
        if index >= self.len() {
            return Err(no_item);
        }
        self.check()?;
        let Some(starts) = &self.starts else {
            return self.iter().nth(index).unwrap_or(Err(no_item));
        };
        let at = index - self.memory.len();
        let (Some(&start), end) = (starts.get(at), starts.get(at + 1)) else {
            return Err(no_item);
        };
        let end = end
            .copied()
            .unwrap_or(self.written + self.pending.len() as u64);
        // A line is all in the file or all still pending: the file is written
        // pending's whole lines at a time.
        if start >= self.written {
            let from = usize::try_from(start - self.written).unwrap_or(usize::MAX);
            let to = usize::try_from(end - self.written).unwrap_or(usize::MAX);
            let line = self.pending.get(from..to).ok_or(no_item)?;
            return Ok(serde_json::from_slice(line)?);
        }
        let file = self.file.as_ref().ok_or(no_item)?;
        let len = usize::try_from(end - start).map_err(|e| SpillError::Json(e.to_string()))?;
        let mut line = vec![0u8; len];
        crate::store::read_exact_at(file, &mut line, start)?;
        Ok(serde_json::from_slice(&line)?)
    }

    /// Every item, in memory (for lists known to be small, such as a shard's).
    ///
    /// # Errors
    /// [`SpillError`] naming what failed.
    pub fn to_vec(&self) -> Result<Vec<T>, SpillError>
    where
        T: Clone,
    {
        self.iter().collect()
    }
}

impl<T: Serialize + DeserializeOwned + Clone> Serialize for SpillList<T> {
    /// A JSON array of the items, read back from the temporary file one at a time.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::Error as _;
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(&item.map_err(S::Error::custom)?)?;
        }
        seq.end()
    }
}

impl<T: Serialize + DeserializeOwned> FromIterator<T> for SpillList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut list = SpillList::new();
        for item in items {
            list.push(item);
        }
        list
    }
}

impl<'de, T: Serialize + DeserializeOwned> Deserialize<'de> for SpillList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T>(PhantomData<T>);
        impl<'de, T: Serialize + DeserializeOwned> Visitor<'de> for Items<T> {
            type Value = SpillList<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut list = SpillList::new();
                while let Some(item) = seq.next_element()? {
                    list.push(item);
                }
                Ok(list)
            }
        }
        deserializer.deserialize_seq(Items(PhantomData))
    }
}

/// The first `len` bytes of a file, read at positions (its cursor is left alone).
struct At<'a> {
    file: Option<&'a File>,
    pos: u64,
    len: u64,
}

impl Read for At<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let Some(file) = self.file else {
            return Ok(0);
        };
        let left = usize::try_from(self.len - self.pos).unwrap_or(usize::MAX);
        let n = buf.len().min(left);
        crate::store::read_exact_at(file, &mut buf[..n], self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::{SpillError, SpillList};

    #[test]
    fn a_list_past_its_memory_gives_back_every_item_in_order() {
        let mut list: SpillList<(String, f64)> = SpillList::new();
        let n = SpillList::<(String, f64)>::IN_MEMORY + 5_000;
        let item = |i: usize| (format!("doc-{i}\n\"é\""), 1.0 / (i as f64 + 3.0));
        for i in 0..n {
            assert_eq!(list.push(item(i)), i);
        }
        assert_eq!(list.len(), n);
        assert!(list.file.is_some(), "past IN_MEMORY the rest is in a file");
        assert!(list.starts.is_none(), "a list read in order keeps no index");
        let back: Vec<_> = list.to_vec().unwrap();
        assert_eq!(back.len(), n);
        for (i, got) in back.iter().enumerate() {
            assert_eq!(*got, item(i), "item {i}");
        }
        // Without an index, an item is found all the same.
        assert_eq!(list.get(n - 1).unwrap(), item(n - 1));
        // Serialized as one array, the same as the items' Vec (twice: the file is read
        // from its start each time).
        let want = serde_json::to_string(&back).unwrap();
        assert_eq!(serde_json::to_string(&list).unwrap(), want);
        assert_eq!(serde_json::to_string(&list).unwrap(), want);
        // And read back from that array.
        let again: SpillList<(String, f64)> = serde_json::from_str(&want).unwrap();
        assert_eq!(again.to_vec().unwrap(), back);
        // Reading does not move where the next push goes.
        list.push(item(n));
        let more = list.to_vec().unwrap();
        assert_eq!(more.len(), n + 1);
        assert_eq!(more[n], item(n));
        assert_eq!(more[..n], back[..]);
    }

    #[test]
    fn a_short_list_stays_in_memory() {
        let mut list: SpillList<u32> = SpillList::new();
        list.push(7);
        list.push(9);
        assert!(list.file.is_none());
        assert_eq!(list.to_vec().unwrap(), vec![7, 9]);
        assert_eq!(serde_json::to_string(&list).unwrap(), "[7,9]");
        assert!(SpillList::<u32>::new().is_empty());
    }

    #[test]
    fn every_item_comes_back_by_index_across_the_boundary() {
        let mut s: SpillList<(String, f64)> = SpillList::with_memory(3).indexed();
        let items: Vec<(String, f64)> = (0..200)
            .map(|i| {
                (
                    format!("item \"{i}\"\n{}", "x".repeat(i * 7)),
                    f64::from(i as u32) / 3.0,
                )
            })
            .collect();
        for (i, item) in items.iter().enumerate() {
            assert_eq!(s.push(item.clone()), i);
            // Read back while pushing: the pending lines and the file both count.
            assert_eq!(&s.get(i).unwrap(), item);
        }
        assert_eq!(s.len(), 200);
        assert_eq!(s.memory.len(), 3);
        assert!(s.written > 0, "past 64 KiB of lines, the file is written");
        for (i, item) in items.iter().enumerate().rev() {
            assert_eq!(&s.get(i).unwrap(), item);
        }
        assert_eq!(s.to_vec().unwrap(), items);
        assert_eq!(
            s.get(200),
            Err(SpillError::NoItem {
                index: 200,
                len: 200
            })
        );
        let mut none: SpillList<u8> = SpillList::with_memory(0).indexed();
        assert!(none.get(0).is_err());
        none.push(4);
        assert!(none.head().is_empty());
        assert_eq!(none.get(0).unwrap(), 4);
    }

    #[test]
    fn a_failure_of_the_file_is_kept_and_reported_by_every_read() {
        let mut s: SpillList<u32> = SpillList::with_memory(1).indexed();
        s.push(1);
        s.push(2);
        // As a write to the temporary file would fail (a full TMPDIR).
        s.failed = Some(std::io::Error::from(std::io::ErrorKind::StorageFull).into());
        assert_eq!(s.push(3), 2, "pushing goes on counting");
        assert_eq!(s.len(), 3);
        let err = s.check().unwrap_err();
        assert!(matches!(
            err,
            SpillError::File {
                kind: std::io::ErrorKind::StorageFull,
                ..
            }
        ));
        assert!(err.to_string().contains("check free space in TMPDIR"));
        assert_eq!(s.get(0).unwrap(), 1, "what is in memory still reads");
        assert_eq!(s.get(1), Err(err.clone()));
        assert!(s.to_vec().is_err());
        assert!(serde_json::to_string(&s).is_err());
    }
}
