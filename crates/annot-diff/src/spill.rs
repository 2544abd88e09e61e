//! A list that grows with the number of documents, held in bounded memory.
//!
//! [`SpillList`] keeps its first [`SpillList::IN_MEMORY`] items in memory and appends the
//! rest, one JSON line each, to an unnamed temporary file (in `TMPDIR`, gone when the
//! list is dropped or the process dies). Reading it back gives every item in the order
//! pushed, so a report's per-document list costs the same memory at ten thousand
//! documents as at a million. JSON is exact for every value the reports hold (the
//! workspace builds serde_json with `float_roundtrip`).

use std::fmt;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::marker::PhantomData;

use serde::de::{DeserializeOwned, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An append-only list, past [`SpillList::IN_MEMORY`] items in a temporary file.
pub struct SpillList<T> {
    memory: Vec<T>,
    file: Option<File>,
    /// Bytes written to the file.
    written: u64,
    /// JSON lines not yet written to the file.
    pending: Vec<u8>,
    /// Items past the memory (in the file and `pending`).
    spilled: usize,
    /// The first error writing the file (reported when the list is read).
    failed: Option<String>,
}

impl<T> Default for SpillList<T> {
    fn default() -> Self {
        SpillList {
            memory: Vec::new(),
            file: None,
            written: 0,
            pending: Vec::new(),
            spilled: 0,
            failed: None,
        }
    }
}

impl<T> fmt::Debug for SpillList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpillList")
            .field("in_memory", &self.memory.len())
            .field("spilled", &self.spilled)
            .finish_non_exhaustive()
    }
}

/// Why a spilled list cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "the temporary file of a per-document list failed ({0}); check free space in TMPDIR and run again"
)]
pub struct SpillError(pub String);

impl<T: Serialize + DeserializeOwned> SpillList<T> {
    /// Items kept in memory before the rest go to the temporary file.
    pub const IN_MEMORY: usize = 16_384;
    /// Bytes of JSON lines gathered before they are written to the file.
    const PENDING: usize = 1 << 16;

    /// An empty list.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
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

    /// The items held in memory: the first [`SpillList::IN_MEMORY`] pushed, for a
    /// report's first few.
    #[must_use]
    pub fn head(&self) -> &[T] {
        &self.memory
    }

    /// Appends `item`. A failure of the temporary file is kept and reported when the list
    /// is read, so pushing never fails half-way through a tally.
    pub fn push(&mut self, item: T) {
        if self.spilled == 0 && self.memory.len() < Self::IN_MEMORY {
            self.memory.push(item);
            return;
        }
        self.spilled += 1;
        if self.failed.is_some() {
            return;
        }
        if let Err(e) = serde_json::to_writer(&mut self.pending, &item) {
            self.failed = Some(e.to_string());
            return;
        }
        self.pending.push(b'\n');
        if self.pending.len() >= Self::PENDING
            && let Err(e) = self.write_pending()
        {
            self.failed = Some(e.to_string());
        }
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

    /// The first failure of the temporary file, if any.
    ///
    /// # Errors
    /// [`SpillError`] naming what failed.
    pub fn check(&self) -> Result<(), SpillError> {
        self.failed
            .clone()
            .map_or(Ok(()), |why| Err(SpillError(why)))
    }

    /// Every item in the order pushed, each an error when the temporary file could not
    /// be written or read back. The file is read at positions, so the list can be read
    /// and pushed to in turn.
    pub fn iter(&self) -> impl Iterator<Item = Result<T, SpillError>> + '_
    where
        T: Clone,
    {
        let failed = self.failed.clone().map(|why| Err(SpillError(why)));
        let spilled = (self.failed.is_none() && self.spilled > 0).then(|| {
            let file = At {
                file: self.file.as_ref(),
                pos: 0,
                len: self.written,
            };
            BufReader::with_capacity(1 << 16, file.chain(self.pending.as_slice()))
                .lines()
                .map(|line| {
                    let line = line.map_err(|e| SpillError(e.to_string()))?;
                    serde_json::from_str(&line).map_err(|e| SpillError(e.to_string()))
                })
        });
        self.memory
            .iter()
            .cloned()
            .map(Ok)
            .chain(failed)
            .chain(spilled.into_iter().flatten())
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
        annot_model::store::read_exact_at(file, &mut buf[..n], self.pos)?;
        self.pos += n as u64;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::SpillList;

    #[test]
    fn a_list_past_its_memory_gives_back_every_item_in_order() {
        let mut list: SpillList<(String, f64)> = SpillList::new();
        let n = SpillList::<(String, f64)>::IN_MEMORY + 5_000;
        let item = |i: usize| (format!("doc-{i}\n\"é\""), 1.0 / (i as f64 + 3.0));
        for i in 0..n {
            list.push(item(i));
        }
        assert_eq!(list.len(), n);
        assert!(list.file.is_some(), "past IN_MEMORY the rest is in a file");
        let back: Vec<_> = list.to_vec().unwrap();
        assert_eq!(back.len(), n);
        for (i, got) in back.iter().enumerate() {
            assert_eq!(*got, item(i), "item {i}");
        }
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
}
