//! A list that grows with the number of documents, held in bounded memory.
//!
//! [`SpillList`] keeps its first items in memory ([`SpillList::IN_MEMORY`], or
//! as many as [`SpillList::with_memory`] says) and appends the rest, each its
//! length and encoding, to an unnamed temporary file (in `TMPDIR`, gone when the list is
//! dropped or the process dies). Reading it back gives every item in the order
//! pushed ([`SpillList::iter`]), so a report's per-document list costs the
//! same memory at ten thousand documents as at a million. Items are
//! encoded as JSON by default ([`Json`], exact for every value the lists hold:
//! the workspace builds serde_json with `float_roundtrip`), or in a compact
//! binary encoding ([`Compact`], for types that have one, [`CompactItem`]:
//! records), which an import writes and reads several times faster.
//!
//! Pushing never fails: the first failure of the temporary file is kept and
//! every later read reports it ([`SpillError`]), so a tally is never left
//! half-way through an item; [`SpillList::check`] asks for it at once.

use std::fmt;
use std::fs::File;
use std::io::{BufReader, Read, Write};
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

/// How a [`SpillList`] writes its spilled items to its temporary file and reads
/// them back: [`Json`] (any serde type), or [`Compact`] (a binary encoding of
/// the types that have one, [`CompactItem`], several times faster to write and
/// read). Either gives back exactly the item pushed.
pub trait Codec<T> {
    /// Appends the encoding of `item` to `out`.
    ///
    /// # Errors
    /// [`SpillError::Json`] when the item cannot be encoded.
    fn encode(item: &T, out: &mut Vec<u8>) -> Result<(), SpillError>;
    /// The item `bytes` encode (all of them).
    ///
    /// # Errors
    /// [`SpillError::Json`] when the bytes are not one item's encoding.
    fn decode(bytes: &[u8]) -> Result<T, SpillError>;
}

/// Items spilled as JSON (exact for every value: serde_json is built with
/// `float_roundtrip`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Json;

impl<T: Serialize + DeserializeOwned> Codec<T> for Json {
    fn encode(item: &T, out: &mut Vec<u8>) -> Result<(), SpillError> {
        Ok(serde_json::to_writer(out, item)?)
    }
    fn decode(bytes: &[u8]) -> Result<T, SpillError> {
        Ok(serde_json::from_slice(bytes)?)
    }
}

/// Items spilled in their [`CompactItem`] encoding.
#[derive(Debug, Clone, Copy, Default)]
pub struct Compact;

impl<T: CompactItem> Codec<T> for Compact {
    fn encode(item: &T, out: &mut Vec<u8>) -> Result<(), SpillError> {
        item.put(out);
        Ok(())
    }
    fn decode(bytes: &[u8]) -> Result<T, SpillError> {
        let mut r = Bytes::new(bytes);
        let item = T::take(&mut r)?;
        if r.is_empty() {
            Ok(item)
        } else {
            Err(Bytes::bad())
        }
    }
}

/// A type with a compact binary encoding, for a [`SpillList`] with the
/// [`Compact`] codec: integers as LEB128, strings as their length and bytes.
/// `take` reads back exactly what `put` wrote.
pub trait CompactItem: Sized {
    /// Appends the item's encoding.
    fn put(&self, out: &mut Vec<u8>);
    /// Reads one item's encoding.
    ///
    /// # Errors
    /// [`SpillError::Json`] when the bytes are not one.
    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError>;
}

/// Writes an unsigned integer as LEB128.
pub fn put_u64(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// Writes a string as its length and bytes.
pub fn put_str(out: &mut Vec<u8>, s: &str) {
    put_u64(out, s.len() as u64);
    out.extend_from_slice(s.as_bytes());
}

/// The bytes of a [`CompactItem`] encoding, read from the front.
#[derive(Debug)]
pub struct Bytes<'a> {
    rest: &'a [u8],
}

impl<'a> Bytes<'a> {
    /// Reads `bytes` from their start.
    #[must_use]
    pub fn new(bytes: &'a [u8]) -> Self {
        Bytes { rest: bytes }
    }

    /// Whether every byte was read.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rest.is_empty()
    }

    /// The error of bytes that are no item's encoding.
    #[must_use]
    pub fn bad() -> SpillError {
        SpillError::Json("a spilled item's bytes are not its encoding".to_owned())
    }

    /// One byte.
    ///
    /// # Errors
    /// At the end of the bytes.
    pub fn byte(&mut self) -> Result<u8, SpillError> {
        let (&b, rest) = self.rest.split_first().ok_or_else(Self::bad)?;
        self.rest = rest;
        Ok(b)
    }

    /// An unsigned integer written by [`put_u64`].
    ///
    /// # Errors
    /// At the end of the bytes, or past 64 bits.
    pub fn u64(&mut self) -> Result<u64, SpillError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(Self::bad())
    }

    /// A `usize` written by [`put_u64`].
    ///
    /// # Errors
    /// As [`Bytes::u64`], and past `usize`.
    pub fn usize(&mut self) -> Result<usize, SpillError> {
        usize::try_from(self.u64()?).map_err(|_| Self::bad())
    }

    /// `n` bytes.
    ///
    /// # Errors
    /// Past the end of the bytes.
    pub fn slice(&mut self, n: usize) -> Result<&'a [u8], SpillError> {
        if n > self.rest.len() {
            return Err(Self::bad());
        }
        let (a, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(a)
    }

    /// A string written by [`put_str`].
    ///
    /// # Errors
    /// Past the end of the bytes, or not UTF-8.
    pub fn str(&mut self) -> Result<&'a str, SpillError> {
        let n = self.usize()?;
        std::str::from_utf8(self.slice(n)?).map_err(|_| Self::bad())
    }

    /// A string written by [`put_str`], owned.
    ///
    /// # Errors
    /// As [`Bytes::str`].
    pub fn string(&mut self) -> Result<String, SpillError> {
        self.str().map(str::to_owned)
    }
}

impl CompactItem for String {
    fn put(&self, out: &mut Vec<u8>) {
        put_str(out, self);
    }
    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
        r.string()
    }
}

impl<A: CompactItem, B: CompactItem> CompactItem for (A, B) {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
        self.1.put(out);
    }
    fn take(r: &mut Bytes<'_>) -> Result<Self, SpillError> {
        Ok((A::take(r)?, B::take(r)?))
    }
}

/// An append-only list, past its first items in a temporary file.
pub struct SpillList<T, C = Json> {
    /// Items kept in memory before the rest go to the file.
    limit: usize,
    memory: Vec<T>,
    file: Option<File>,
    /// Bytes written to the file.
    written: u64,
    /// Items not yet written to the file (each its length and encoding).
    pending: Vec<u8>,
    /// Items past the memory (in the file and `pending`).
    spilled: usize,
    /// The first failure writing the file (reported when the list is read).
    failed: Option<SpillError>,
    codec: PhantomData<C>,
}

impl<T, C> Default for SpillList<T, C> {
    fn default() -> Self {
        SpillList {
            limit: Self::IN_MEMORY,
            memory: Vec::new(),
            file: None,
            written: 0,
            pending: Vec::new(),
            spilled: 0,
            failed: None,
            codec: PhantomData,
        }
    }
}

impl<T, C> fmt::Debug for SpillList<T, C> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SpillList")
            .field("in_memory", &self.memory.len())
            .field("spilled", &self.spilled)
            .finish_non_exhaustive()
    }
}

impl<T, C> SpillList<T, C> {
    /// Items kept in memory by [`SpillList::new`] before the rest go to the temporary file.
    pub const IN_MEMORY: usize = 16_384;
    /// Bytes of items gathered before they are written to the file.
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

impl<T, C: Codec<T>> SpillList<T, C> {
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
        // Each item: its length (four bytes, little-endian), then its encoding.
        let at = self.pending.len();
        self.pending.extend_from_slice(&[0; 4]);
        let encoded = C::encode(&item, &mut self.pending).and_then(|()| {
            u32::try_from(self.pending.len() - at - 4)
                .map_err(|_| SpillError::Json("an item past 4 GiB".to_owned()))
        });
        match encoded {
            Ok(len) => self.pending[at..at + 4].copy_from_slice(&len.to_le_bytes()),
            Err(e) => {
                self.pending.truncate(at);
                self.failed = Some(e);
                return index;
            }
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
            let mut reader = BufReader::with_capacity(1 << 16, file.chain(self.pending.as_slice()));
            let mut left = self.spilled;
            let mut buf = Vec::new();
            std::iter::from_fn(move || {
                if left == 0 {
                    return None;
                }
                left -= 1;
                let mut len = [0u8; 4];
                let item = reader
                    .read_exact(&mut len)
                    .map_err(SpillError::from)
                    .and_then(|()| {
                        buf.resize(u32::from_le_bytes(len) as usize, 0);
                        reader.read_exact(&mut buf)?;
                        C::decode(&buf)
                    });
                if item.is_err() {
                    left = 0;
                }
                Some(item)
            })
        });
        self.memory
            .iter()
            .cloned()
            .map(Ok)
            .chain(failed)
            .chain(spilled.into_iter().flatten())
    }

    /// The item of `index`, found reading the file from its start past the
    /// memory (a list is read in order; this is for a rare look-up).
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
        self.iter().nth(index).unwrap_or(Err(no_item))
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

impl<T: Serialize + Clone, C: Codec<T>> Serialize for SpillList<T, C> {
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

impl<T, C: Codec<T>> Extend<T> for SpillList<T, C> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, items: I) {
        for item in items {
            self.push(item);
        }
    }
}

impl<T, C: Codec<T>> FromIterator<T> for SpillList<T, C> {
    fn from_iter<I: IntoIterator<Item = T>>(items: I) -> Self {
        let mut list = SpillList::new();
        for item in items {
            list.push(item);
        }
        list
    }
}

impl<'de, T: Deserialize<'de>, C: Codec<T>> Deserialize<'de> for SpillList<T, C> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T, C>(PhantomData<(T, C)>);
        impl<'de, T: Deserialize<'de>, C: Codec<T>> Visitor<'de> for Items<T, C> {
            type Value = SpillList<T, C>;
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
        let back: Vec<_> = list.to_vec().unwrap();
        assert_eq!(back.len(), n);
        for (i, got) in back.iter().enumerate() {
            assert_eq!(*got, item(i), "item {i}");
        }
        // An item past the memory is found all the same.
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
    fn every_item_comes_back_by_number_across_the_boundary() {
        let mut s: SpillList<(String, f64)> = SpillList::with_memory(3);
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
        let mut none: SpillList<u8> = SpillList::with_memory(0);
        assert!(none.get(0).is_err());
        none.push(4);
        assert!(none.head().is_empty());
        assert_eq!(none.get(0).unwrap(), 4);
    }

    #[test]
    fn a_failure_of_the_file_is_kept_and_reported_by_every_read() {
        let mut s: SpillList<u32> = SpillList::with_memory(1);
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
