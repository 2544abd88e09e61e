//! The records of an annotated import, held in bounded memory.
//!
//! [`Spill`] keeps its first items in memory and appends the rest, one JSON
//! line each, to an unnamed temporary file (in `TMPDIR`, gone when the list is
//! dropped or the process dies), remembering where each line starts: any item
//! is read back by its index, at its position. An import of a hundred
//! thousand annotated documents holds eight bytes per record past the first
//! few thousand, not the records. JSON is exact for every value a record
//! holds (the workspace builds serde_json with `float_roundtrip`), and it is
//! how the logs write them.

use std::cell::Cell;
use std::fs::File;
use std::io::Write;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Items kept in memory before the rest go to the temporary file.
const IN_MEMORY: usize = 4096;
/// Bytes of JSON lines gathered before they are written to the file.
const PENDING: usize = 1 << 16;

thread_local! {
    /// Tests: a smaller memory limit, to cross the spill boundary with a few records.
    static LIMIT: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Sets the memory limit of the spills made on this thread (`None`: the default).
#[cfg(test)]
pub(crate) fn set_limit(limit: Option<usize>) {
    LIMIT.with(|l| l.set(limit));
}

/// An append-only list readable by index, past its first items in a temporary file.
#[derive(Debug)]
pub(crate) struct Spill<T> {
    limit: usize,
    memory: Vec<T>,
    file: Option<File>,
    /// Where each spilled item's line starts in the file (its end: the next one's start).
    starts: Vec<u64>,
    /// Bytes written to the file.
    written: u64,
    /// JSON lines not yet written to the file.
    pending: Vec<u8>,
}

impl<T: Serialize + DeserializeOwned + Clone> Spill<T> {
    /// An empty list.
    pub(crate) fn new() -> Self {
        Spill {
            limit: LIMIT.with(Cell::get).unwrap_or(IN_MEMORY),
            memory: Vec::new(),
            file: None,
            starts: Vec::new(),
            written: 0,
            pending: Vec::new(),
        }
    }

    /// Number of items pushed.
    pub(crate) fn len(&self) -> usize {
        self.memory.len() + self.starts.len()
    }

    /// Appends `item`; returns its index.
    ///
    /// # Errors
    /// The temporary file cannot be made or written.
    pub(crate) fn push(&mut self, item: T) -> std::io::Result<usize> {
        let index = self.len();
        if self.starts.is_empty() && self.memory.len() < self.limit {
            self.memory.push(item);
            return Ok(index);
        }
        self.starts.push(self.written + self.pending.len() as u64);
        serde_json::to_writer(&mut self.pending, &item).map_err(std::io::Error::other)?;
        self.pending.push(b'\n');
        if self.pending.len() >= PENDING {
            self.flush()?;
        }
        Ok(index)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.pending.is_empty() {
            return Ok(());
        }
        let file = match &mut self.file {
            Some(f) => f,
            None => self.file.insert(tempfile::tempfile()?),
        };
        file.write_all(&self.pending)?;
        self.written += self.pending.len() as u64;
        self.pending.clear();
        Ok(())
    }

    /// The item of `index` (pushed before).
    ///
    /// # Errors
    /// The temporary file cannot be read back, or `index` was never pushed.
    pub(crate) fn get(&mut self, index: usize) -> std::io::Result<T> {
        if let Some(item) = self.memory.get(index) {
            return Ok(item.clone());
        }
        let at = index - self.memory.len().min(index);
        let (Some(&start), end) = (self.starts.get(at), self.starts.get(at + 1)) else {
            return Err(std::io::Error::other(format!(
                "item {index} of a temporary list of {} was never written",
                self.len()
            )));
        };
        let end = end
            .copied()
            .unwrap_or(self.written + self.pending.len() as u64);
        if end > self.written {
            self.flush()?;
        }
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| std::io::Error::other("a temporary list lost its file"))?;
        let len = usize::try_from(end - start).map_err(std::io::Error::other)?;
        let mut buf = vec![0u8; len];
        annot_model::store::read_exact_at(file, &mut buf, start)?;
        serde_json::from_slice(&buf).map_err(std::io::Error::other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_comes_back_by_index_across_the_boundary() {
        set_limit(Some(3));
        let mut s: Spill<(String, f64)> = Spill::new();
        let items: Vec<(String, f64)> = (0..200)
            .map(|i| {
                (
                    format!("item \"{i}\"\n{}", "x".repeat(i * 7)),
                    f64::from(i as u32) / 3.0,
                )
            })
            .collect();
        for (i, item) in items.iter().enumerate() {
            assert_eq!(s.push(item.clone()).unwrap(), i);
            // Read back while pushing: the pending lines and the file both count.
            assert_eq!(&s.get(i).unwrap(), item);
        }
        set_limit(None);
        assert_eq!(s.len(), 200);
        assert_eq!(s.memory.len(), 3);
        for (i, item) in items.iter().enumerate().rev() {
            assert_eq!(&s.get(i).unwrap(), item);
        }
        assert!(s.get(200).is_err());
    }
}
