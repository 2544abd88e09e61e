//! Recurrence: in how many documents of an import each short line occurs.

use rustc_hash::FxHashMap;

use super::phrase::{FoldedLine, SHORT_LINE};

/// [`LineCounts`] written out: the documents counted, and per short line
/// (its folded key) the documents it occurs in. What `annot stream
/// recurrence` writes per shard and sums.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RecurrenceTable {
    /// Documents counted.
    pub documents: u32,
    /// `(line key, documents)`, sorted by key.
    pub lines: Vec<(u64, u32)>,
}

/// Pages a recurrence table counts by default, at most about (the `sample` of
/// [`RecurrenceSample`]). Furniture worth the name recurs in a good share of
/// the documents, so a sample of a large import finds it as surely as the
/// whole, at a fraction of the reading and a bounded table.
pub const DEFAULT_RECURRENCE_SAMPLE: u64 = 4096;

/// Which pages of an import the recurrence table counts: each page by itself,
/// from a hash of its key (the id, else the source) and the import's size, so
/// that a single-machine import and shards counted apart (`annot stream
/// recurrence --of TOTAL`) take the same pages with nothing shared but `total`.
/// A page is kept with probability `min(1, sample / total)`: every page of an
/// import of at most `sample`, about `sample` of a larger one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RecurrenceSample {
    /// The pages (text files) of the whole import.
    pub total: u64,
    /// The pages to count, about.
    pub sample: u64,
}

impl RecurrenceSample {
    /// Every page: no sampling.
    pub const ALL: Self = Self {
        total: 0,
        sample: 0,
    };

    /// Whether every page is counted, whatever its id ([`Self::keeps`]
    /// without an id or a source to make).
    pub(crate) fn keeps_every_page(&self) -> bool {
        self.total <= self.sample
    }

    /// Whether the page of id `id` (else source `source`) is counted.
    #[must_use]
    pub fn keeps(&self, id: Option<&str>, source: &str) -> bool {
        if self.keeps_every_page() {
            return true;
        }
        let h = annot_model::digest::key_hash("annot-recurrence", id.unwrap_or(source));
        // h / 2^64 < sample / total, in integers.
        u128::from(h) * u128::from(self.total) < u128::from(self.sample) << 64
    }
}

/// How many documents of one import each short line occurs in.
#[derive(Debug, Clone, Default)]
pub struct LineCounts {
    counts: FxHashMap<u64, u32>,
    documents: u32,
    /// How many distinct lines are kept at most; past it, lines seen in only one
    /// document are forgotten (they are the bulk, and cannot be boilerplate yet).
    cap: usize,
}

/// Distinct lines kept by default: about 40 MB of hash table at most.
const DEFAULT_CAP: usize = 1 << 20;

/// Short lines whose keys [`KEY_CACHE`] holds at most: it is emptied when
/// full (a line's key is the same whenever it is made).
const KEY_CACHE_LINES: usize = 1 << 14;

thread_local! {
    /// The keys ([`FoldedLine::key`]) of the short lines this thread has
    /// counted, by the trimmed line.
    static KEY_CACHE: std::cell::RefCell<FxHashMap<Box<str>, Option<u64>>> =
        std::cell::RefCell::new(FxHashMap::default());
}

impl LineCounts {
    /// An empty count.
    #[must_use]
    pub fn new() -> Self {
        Self {
            counts: FxHashMap::default(),
            documents: 0,
            cap: DEFAULT_CAP,
        }
    }

    /// The distinct line keys of one document's text.
    ///
    /// A line's key is looked up in the thread's [`KEY_CACHE`] before the
    /// line is folded: furniture repeats from page to page, and a lookup
    /// (a hash and a comparison of the line) costs a fraction of the fold.
    /// Callgrind, 1,000 generated pages: 14,451 of 21,113 short lines found,
    /// this function from 37.1 M instructions to 32.7 M (the lines found
    /// are the shortest, cheapest to fold).
    ///
    /// The keys come sorted (a document has some tens of short lines: a
    /// sort and a dedup cost less than a hash set grown from empty).
    pub(crate) fn document_keys(text: &str) -> Vec<u64> {
        let mut buf = Vec::new();
        let mut keys: Vec<u64> = KEY_CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            // As `text.lines()` would give them once trimmed (a `\r` before a
            // line break is trimmed with the rest; the empty last piece is left
            // out with every empty line).
            crate::lines::split_lines(text)
                .map(|l| crate::lines::trim_ends(l).1)
                .filter(|l| !l.is_empty() && l.len() <= SHORT_LINE)
                .filter_map(|l| {
                    if let Some(&key) = cache.get(l) {
                        return key;
                    }
                    let key = FoldedLine::new(l, &mut buf).key();
                    if cache.len() >= KEY_CACHE_LINES {
                        cache.clear();
                    }
                    cache.insert(l.into(), key);
                    key
                })
                .collect()
        });
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// Adds one document, given its [`Self::document_keys`].
    pub(crate) fn add_document(&mut self, keys: &[u64]) {
        self.documents += 1;
        for k in keys {
            *self.counts.entry(*k).or_insert(0) += 1;
        }
        if self.counts.len() > self.cap {
            self.counts.retain(|_, n| *n > 1);
        }
    }

    /// Adds one document's text.
    pub fn add_text(&mut self, text: &str) {
        self.add_document(&Self::document_keys(text));
    }

    /// Adds the counts of `other` (another shard of the same import): the
    /// documents and, line by line, the documents each line occurs in. The
    /// sum of the shards' counts is the count of the whole import, as long as
    /// no shard held more distinct lines than the cap (past it a shard forgets
    /// its lines seen once, and so does the sum).
    pub fn merge(&mut self, other: &LineCounts) {
        self.documents = self.documents.saturating_add(other.documents);
        for (k, n) in &other.counts {
            let entry = self.counts.entry(*k).or_insert(0);
            *entry = entry.saturating_add(*n);
        }
    }

    /// The counts as a table for a file or a stream, lines sorted by key.
    #[must_use]
    pub fn table(&self) -> RecurrenceTable {
        let mut lines: Vec<(u64, u32)> = self.counts.iter().map(|(k, n)| (*k, *n)).collect();
        lines.sort_unstable();
        RecurrenceTable {
            documents: self.documents,
            lines,
        }
    }

    /// The counts a [`RecurrenceTable`] holds.
    #[must_use]
    pub fn from_table(table: &RecurrenceTable) -> Self {
        let mut counts = Self::new();
        counts.documents = table.documents;
        for (k, n) in &table.lines {
            let entry = counts.counts.entry(*k).or_insert(0);
            *entry = entry.saturating_add(*n);
        }
        counts
    }

    /// Number of documents counted.
    #[must_use]
    pub fn documents(&self) -> u32 {
        self.documents
    }

    /// Whether `line` recurs in at least `min_docs` documents and at least
    /// `min_share` of them (0.0..=1.0).
    #[must_use]
    pub fn is_recurrent(&self, line: &str, min_docs: u32, min_share: f64) -> bool {
        FoldedLine::new(line.trim(), &mut Vec::new())
            .key()
            .is_some_and(|key| self.key_recurs(key, min_docs, min_share))
    }

    /// [`Self::is_recurrent`] for a line's [`FoldedLine::key`].
    pub(crate) fn key_recurs(&self, key: u64, min_docs: u32, min_share: f64) -> bool {
        if self.documents < min_docs {
            return false;
        }
        self.counts.get(&key).is_some_and(|&n| {
            n >= min_docs && f64::from(n) >= min_share * f64::from(self.documents)
        })
    }
}
