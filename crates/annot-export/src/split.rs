//! Train/dev/test splits that stay put.
//!
//! A document's split comes from a hash of its *unit* and the seed: blake3 of
//! `annot-split`, the seed (8 bytes, little-endian) and the unit key, read as
//! a 64-bit number and scaled onto the split weights. A unit is the document
//! itself (`doc:ID`), or its group with `--group-by meta.KEY` (`group:VALUE`),
//! so a document's split depends on nothing but its own id (or group) and
//! the seed: adding documents never moves one to another split.
//!
//! Near-duplicates (the same wire story on two sites) are kept in one split:
//! each document's written text gets a 64-bit SimHash (Charikar 2002) over
//! its word 5-shingles (words: runs of letters and digits, lower-cased), and
//! two documents whose fingerprints differ in at most
//! [`NEAR_DUPLICATE_DISTANCE`] bits (6 of 64) are one cluster. Manku et al.
//! (2007) use 3 bits for whole web pages; news texts are shorter, and the
//! sample corpus's re-scraped article (`03`/`04`: two figures changed, one
//! sentence added) differs in 5 bits, while unrelated texts differ in about
//! 32 (two independent fingerprints fall within 6 bits with probability
//! about 4e-12). A cluster takes
//! the unit key of its member that came first into the corpus, so a new
//! document that repeats an old one joins the old one's split; only a new
//! document that bridges two existing clusters can move one of them.
//! Clusters are found in time about linear in the number of documents:
//! equal fingerprints are joined first; candidate pairs then share one of
//! the 28 pairs of the fingerprint's 8 bytes (two fingerprints within 6
//! bits agree on at least 2 bytes), and within a large bucket of
//! near-identical texts a fingerprint is compared with each set already
//! joined until one member is near enough, not with every member. The
//! clusters are those of comparing every pair.
//!
//! The plan holds about 9 bytes a document while the documents are read
//! (the SimHash and a bit; the hash of the unit key, the position and the
//! stratum go to a temporary file past 16,384 documents, read back in order
//! twice after the clustering; no key is held for a document that is its
//! own unit, each group key once), some 21 while near-duplicates are
//! clustered (a union-find table, the distinct fingerprints and one bucket
//! table), and for the writing pass a byte a document (the split) and the
//! clusters (eight bytes a clustered document, or four a document when most
//! are clustered).
//!
//! `--stratify LAYER` balances a document label layer across splits: units
//! are grouped by their value of the layer (its values sorted and joined,
//! or none), sorted within a group by their hash, and the unit ranked `r`
//! of `n` goes to the split at point `(2r + 1) / 2n` of the weights, turned
//! by a hash of the seed and the value (systematic sampling from a random
//! start), so each value is shared out as the weights say, to within one
//! unit, and the seed moves every value, one held by a single unit too. That trades the never-moves guarantee: a new
//! document shifts the ranks of its value group, and a unit at a split's
//! edge can move.

use std::collections::HashMap;

use annot_model::{Meta, ModelError, SpillList};

use crate::error::ExportError;

/// The largest Hamming distance between two SimHash fingerprints of near-duplicates.
pub const NEAR_DUPLICATE_DISTANCE: u32 = 6;

// Two fingerprints within the distance agree on at least two of their eight
// bytes (the candidate pairs of `join_near_duplicates`).
const _: () = assert!(NEAR_DUPLICATE_DISTANCE <= 6);

/// Words per shingle.
pub const SHINGLE_WORDS: usize = 5;

/// The name of the one split of an export without `--split`.
pub const ALL: &str = "all";

/// How documents are split.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitConfig {
    /// Split names and weights, in the order given.
    pub splits: Vec<(String, u64)>,
    /// Seed of the hash.
    pub seed: u64,
    /// `--group-by`.
    pub group_by: Option<GroupKey>,
    /// Keep near-duplicates in one split.
    pub near_duplicates: bool,
    /// `--stratify LAYER`.
    pub stratify: Option<String>,
}

impl Default for SplitConfig {
    fn default() -> Self {
        Self {
            splits: vec![(ALL.to_owned(), 1)],
            seed: 0,
            group_by: None,
            near_duplicates: true,
            stratify: None,
        }
    }
}

impl SplitConfig {
    /// Parses `train=80,dev=10,test=10`.
    ///
    /// # Errors
    /// A part without a name or a positive whole weight, or a name twice.
    pub fn parse_splits(spec: &str) -> Result<Vec<(String, u64)>, ExportError> {
        let mut out: Vec<(String, u64)> = Vec::new();
        for part in spec.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let bad = || {
                ExportError::Config(format!(
                    "--split: '{part}' is not NAME=WEIGHT (e.g. train=80,dev=10,test=10)"
                ))
            };
            let (name, weight) = part.split_once('=').ok_or_else(bad)?;
            let name = name.trim();
            let weight: u64 = weight.trim().parse().map_err(|_| bad())?;
            if weight == 0 && !name.is_empty() {
                return Err(ExportError::Config(format!(
                    "--split: '{part}': a weight must be at least 1 (leave the split out instead)"
                )));
            }
            if name.is_empty()
                || !name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            {
                return Err(bad());
            }
            if out.iter().any(|(n, _)| n == name) {
                return Err(ExportError::Config(format!(
                    "--split: '{name}' is named twice"
                )));
            }
            out.push((name.to_owned(), weight));
        }
        if out.is_empty() {
            return Err(ExportError::Config(
                "--split: name at least one split (e.g. train=80,dev=10,test=10)".into(),
            ));
        }
        Ok(out)
    }

    /// Whether splits need every document seen before any is written.
    #[must_use]
    pub(crate) fn needs_plan(&self) -> bool {
        self.splits.len() > 1 && (self.near_duplicates || self.stratify.is_some())
    }

    fn total(&self) -> u64 {
        self.splits.iter().map(|(_, w)| w).sum::<u64>().max(1)
    }

    /// The split of a point in `[0, total)`.
    fn at(&self, point: u64) -> usize {
        let mut acc = 0;
        for (i, (_, w)) in self.splits.iter().enumerate() {
            acc += w;
            if point < acc {
                return i;
            }
        }
        self.splits.len() - 1
    }

    /// The split of a unit key, from its hash alone.
    #[must_use]
    pub fn split_of(&self, unit: &str) -> usize {
        self.split_of_hash(self.hash(unit))
    }

    /// The split of a unit key's hash.
    fn split_of_hash(&self, hash: u64) -> usize {
        let point = (u128::from(hash) * u128::from(self.total())) >> 64;
        self.at(u64::try_from(point).unwrap_or(0))
    }

    fn hash(&self, unit: &str) -> u64 {
        let mut h = blake3::Hasher::new();
        h.update(b"annot-split\0");
        h.update(&self.seed.to_le_bytes());
        h.update(unit.as_bytes());
        let mut first = [0u8; 8];
        first.copy_from_slice(&h.finalize().as_bytes()[..8]);
        u64::from_le_bytes(first)
    }

    /// Where a stratum's systematic sample starts, as a point of the weights'
    /// total: from the seed and the stratum, so that the seed moves every
    /// stratum, one of a single unit too (it would always sit at the middle).
    fn stratum_turn(&self, stratum: &str) -> u128 {
        u128::from(self.hash(&format!("stratum:{stratum}")) % self.total().max(1))
    }

    /// The unit key of a document: its group, or itself.
    #[must_use]
    pub fn unit_key(&self, id: &str, meta: &Meta) -> String {
        match self.group_by.as_ref().and_then(|g| g.value(meta)) {
            Some(v) => format!("group:{v}"),
            None => format!("doc:{id}"),
        }
    }
}

/// `--group-by meta.KEY` or `meta.KEY:N` (the first N characters of the value, e.g. `meta.date:7` for the month).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupKey {
    /// The metadata key.
    pub key: String,
    /// Characters of the value kept.
    pub prefix: Option<usize>,
}

impl std::str::FromStr for GroupKey {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, ExportError> {
        let bad = || {
            ExportError::Config(format!(
                "--group-by '{s}': write meta.KEY or meta.KEY:N (e.g. meta.source, meta.date:7)"
            ))
        };
        let rest = s.trim().strip_prefix("meta.").ok_or_else(bad)?;
        let (key, prefix) = match rest.split_once(':') {
            Some((k, n)) => (k, Some(n.parse::<usize>().map_err(|_| bad())?)),
            None => (rest, None),
        };
        if key.is_empty() || prefix == Some(0) {
            return Err(bad());
        }
        Ok(Self {
            key: key.to_owned(),
            prefix,
        })
    }
}

impl GroupKey {
    /// The group of a document, `None` when its metadata has no such key.
    #[must_use]
    pub fn value(&self, meta: &Meta) -> Option<String> {
        let v = meta_value(meta, &self.key)?;
        Some(match self.prefix {
            Some(n) => v.chars().take(n).collect(),
            None => v,
        })
    }
}

/// A metadata value as text: a known key, or another key's string (JSON text for other values).
#[must_use]
pub fn meta_value(meta: &Meta, key: &str) -> Option<String> {
    let known = match key {
        "source" => &meta.source,
        "title" => &meta.title,
        "date" => &meta.date,
        "section" => &meta.section,
        "byline" => &meta.byline,
        "lang" => &meta.lang,
        other => {
            return meta.extra.get(other).map(|v| match v {
                serde_json::Value::String(s) => s.clone(),
                v => v.to_string(),
            });
        }
    };
    known.clone()
}

/// The 64-bit SimHash of a text over its word shingles; `None` for a text without words.
#[must_use]
pub fn simhash(text: &str) -> Option<u64> {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut counts = [0i32; 64];
    let n = SHINGLE_WORDS.min(words.len());
    for shingle in words.windows(n) {
        let h = shingle
            .iter()
            .fold(0x9e37_79b9_7f4a_7c15_u64, |h, w| mix(h ^ w));
        // +1 for a set bit, -1 for a clear one (branch-free, so it vectorises).
        for (bit, c) in counts.iter_mut().enumerate() {
            *c += ((h >> bit & 1) as i32) * 2 - 1;
        }
    }
    Some(
        counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .fold(0, |f, (bit, _)| f | 1 << bit),
    )
}

/// FNV-1a over the lower-cased characters of a word.
fn word_hash(word: &str) -> u64 {
    let mut h = 0xcbf2_9ce4_8422_2325_u64;
    let mut add = |c: char| {
        h ^= u64::from(u32::from(c));
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    for c in word.chars() {
        // The same code points as `char::to_lowercase`, without its tables for ASCII.
        if c.is_ascii() {
            add(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut add);
        }
    }
    h
}

/// splitmix64's finaliser: spreads every input bit over the output.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// What the plan needs of every document, held compactly (about 9 bytes a
/// document in memory, not a record each): when near-duplicates are looked
/// for, its SimHash (and one bit: whether it has one); in a [`SpillList`],
/// the hash of its unit key, its position in the corpus and with
/// `--stratify` the number of its stratum. No unit key is held for a document that is its own unit
/// (`doc:ID`): documents come in strictly increasing id order, so such keys
/// differ and their order is the documents'. Other unit keys (`group:VALUE`)
/// and stratum values are numbered, each held once.
#[derive(Debug, Default)]
pub(crate) struct PlanDocs {
    /// Whether a `doc:ID` unit of the document itself is taken as its own
    /// (the caller gives ids in strictly increasing order, and no other
    /// document has a unit key `doc:…`).
    own_units: bool,
    /// Of each document, in order: the split hash of its unit key
    /// ([`SplitConfig::hash`]), its position in the corpus (import order;
    /// `u32::MAX` for a position past it) and its stratum's number (0
    /// without `--stratify`). Read in order only, after the clustering: past
    /// [`SpillList::IN_MEMORY`] documents they wait in a temporary file.
    keys: SpillList<(u64, u32, u32)>,
    /// (document, unit number) of each document that is not its own unit, by document.
    shared: Vec<(u32, u32)>,
    /// The unit keys of `shared`, by number, each once.
    unit_values: Vec<String>,
    unit_numbers: HashMap<String, u32>,
    /// SimHash of each document's written text (0 where `fingerprinted` says none).
    fingerprints: Vec<u64>,
    /// One bit a document, 64 to a word: whether it has a SimHash.
    fingerprinted: Vec<u64>,
    /// Whether the fingerprints are kept (near-duplicates looked for).
    near_duplicates: bool,
    /// The stratum values met, by number.
    stratum_values: Vec<String>,
    stratum_numbers: HashMap<String, u32>,
}

/// A value's number in a table of values held once.
fn number_of(values: &mut Vec<String>, numbers: &mut HashMap<String, u32>, value: &str) -> u32 {
    if let Some(&n) = numbers.get(value) {
        return n;
    }
    let n = u32::try_from(values.len()).unwrap_or(u32::MAX);
    values.push(value.to_owned());
    numbers.insert(value.to_owned(), n);
    n
}

impl PlanDocs {
    /// An empty list for `config`'s plan, room made for `capacity`
    /// documents. With `own_units`, the caller adds documents in strictly
    /// increasing id order and gives no document a unit key `doc:…` but its
    /// own `doc:ID`.
    pub(crate) fn new(config: &SplitConfig, own_units: bool, capacity: usize) -> Self {
        let near_duplicates = config.near_duplicates && config.splits.len() > 1;
        let capacity = capacity.min(NONE as usize);
        Self {
            own_units,
            fingerprints: Vec::with_capacity(if near_duplicates { capacity } else { 0 }),
            fingerprinted: Vec::with_capacity(if near_duplicates {
                capacity.div_ceil(64)
            } else {
                0
            }),
            near_duplicates,
            ..Self::default()
        }
    }

    /// Adds a document: its position in the corpus, id, unit key, SimHash and stratum.
    pub(crate) fn push(
        &mut self,
        config: &SplitConfig,
        position: usize,
        id: &str,
        unit: &str,
        fingerprint: Option<u64>,
        stratum: &str,
    ) {
        let i = self.keys.len();
        let own = self.own_units && unit.strip_prefix("doc:") == Some(id);
        if !own {
            debug_assert!(!self.own_units || !unit.starts_with("doc:"));
            let n = number_of(&mut self.unit_values, &mut self.unit_numbers, unit);
            self.shared.push((u32::try_from(i).unwrap_or(u32::MAX), n));
        }
        if self.near_duplicates {
            self.fingerprints.push(fingerprint.unwrap_or(0));
            if i.is_multiple_of(64) {
                self.fingerprinted.push(0);
            }
            if fingerprint.is_some()
                && let Some(word) = self.fingerprinted.last_mut()
            {
                *word |= 1 << (i % 64);
            }
        }
        let stratum = if config.stratify.is_some() {
            number_of(&mut self.stratum_values, &mut self.stratum_numbers, stratum)
        } else {
            0
        };
        self.keys.push((
            config.hash(unit),
            u32::try_from(position).unwrap_or(u32::MAX),
            stratum,
        ));
    }

    /// Documents added.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The number of document `i`'s unit key, `None` when it is its own unit.
    fn shared_unit(&self, i: usize) -> Option<u32> {
        let i = u32::try_from(i).ok()?;
        self.shared
            .binary_search_by_key(&i, |&(d, _)| d)
            .ok()
            .map(|at| self.shared[at].1)
    }

    /// The order of the unit keys of documents `a` and `b`, as strings.
    fn cmp_units(&self, a: usize, b: usize) -> std::cmp::Ordering {
        let key = |n: u32| self.unit_values.get(n as usize).map_or("", String::as_str);
        match (self.shared_unit(a), self.shared_unit(b)) {
            // `doc:ID` keys of strictly increasing ids.
            (None, None) => a.cmp(&b),
            (Some(x), Some(y)) => key(x).cmp(key(y)),
            // A shared key does not start with `doc:`: the first four bytes decide.
            (Some(x), None) => key(x).as_bytes().cmp(b"doc:".as_slice()),
            (None, Some(y)) => b"doc:".as_slice().cmp(key(y).as_bytes()),
        }
    }

    fn fingerprint(&self, i: usize) -> Option<u64> {
        (self.near_duplicates && self.fingerprinted[i / 64] >> (i % 64) & 1 == 1)
            .then(|| self.fingerprints[i])
    }
}

/// What the split plan needs of one document, written out: the line `annot
/// stream signatures` prints per document (its SimHash is the near-duplicate
/// signature), and [`assign`] plans from.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Signature {
    /// The document id.
    pub id: String,
    /// Position in the corpus (import order): the oldest of near-duplicates leads.
    pub position: usize,
    /// Unit key (`doc:ID` or `group:VALUE`).
    pub unit: String,
    /// SimHash of the written text (none when too short, or not asked for).
    pub fingerprint: Option<u64>,
    /// Value of the stratified layer.
    pub stratum: String,
}

impl Signature {
    /// Adds what the plan needs of the document to `docs`.
    pub(crate) fn add_to(&self, docs: &mut PlanDocs, config: &SplitConfig) {
        docs.push(
            config,
            self.position,
            &self.id,
            &self.unit,
            self.fingerprint,
            &self.stratum,
        );
    }
}

/// Whether `signatures` (sorted by id) may be planned with a document's
/// own `doc:ID` unit held as nothing ([`PlanDocs::new`]): ids strictly
/// increasing, and no unit key `doc:…` but a document's own. Signatures
/// written by hand may repeat an id or name another's `doc:ID`: then every
/// unit key is numbered.
fn own_units(signatures: &[Signature]) -> bool {
    signatures.windows(2).all(|w| w[0].id < w[1].id)
        && signatures
            .iter()
            .all(|s| !s.unit.starts_with("doc:") || s.unit.strip_prefix("doc:") == Some(&s.id))
}

/// Where [`assign`] puts a document.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Assignment {
    /// The document id.
    pub id: String,
    /// The split's name.
    pub split: String,
    /// Its near-duplicate cluster (clusters of two or more only).
    pub cluster: Option<usize>,
}

/// The reduce of the split plan: the split and near-duplicate cluster of
/// every document of `signatures` (all of the corpus's, in any order), as
/// `annot export` plans them.
///
/// # Errors
/// The plan's temporary file (past [`SpillList::IN_MEMORY`] documents).
pub fn assign(
    config: &SplitConfig,
    mut signatures: Vec<Signature>,
) -> Result<Vec<Assignment>, ExportError> {
    // The export plans in id order.
    signatures.sort_by(|a, b| a.id.cmp(&b.id));
    let own_units = own_units(&signatures);
    let mut docs = PlanDocs::new(config, own_units, signatures.len());
    for s in &signatures {
        s.add_to(&mut docs, config);
    }
    let p = plan(config, docs)?;
    Ok(signatures
        .into_iter()
        .enumerate()
        .map(|(i, s)| Assignment {
            id: s.id,
            split: config
                .splits
                .get(p.split_of(i))
                .map_or_else(String::new, |(name, _)| name.clone()),
            cluster: p.cluster_of(i),
        })
        .collect())
}

/// The split of every planned document, and the near-duplicate clusters:
/// one byte a document (four past 256 splits), and eight more for each
/// document in a cluster (four for every document when more than half are).
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// Split index per document.
    split: Splits,
    /// The near-duplicate clusters of two or more.
    clusters: Clusters,
}

/// Near-duplicate clusters of two or more.
#[derive(Debug)]
enum Clusters {
    /// (document, cluster) of the documents in one, by document.
    List(Vec<(u32, u32)>),
    /// The cluster of every document (`NONE`: in none).
    Every(Vec<u32>),
}

impl Default for Clusters {
    fn default() -> Self {
        Self::List(Vec::new())
    }
}

impl Plan {
    /// The split of document `i`.
    pub(crate) fn split_of(&self, i: usize) -> usize {
        match &self.split {
            Splits::Narrow(s) => s.get(i).map_or(0, |&s| usize::from(s)),
            Splits::Wide(s) => s.get(i).map_or(0, |&s| s as usize),
        }
    }

    /// The near-duplicate cluster of document `i` (clusters of two or more only).
    pub(crate) fn cluster_of(&self, i: usize) -> Option<usize> {
        match &self.clusters {
            Clusters::List(list) => {
                let i = u32::try_from(i).ok()?;
                list.binary_search_by_key(&i, |&(d, _)| d)
                    .ok()
                    .map(|at| list[at].1 as usize)
            }
            Clusters::Every(every) => every.get(i).filter(|&&c| c != NONE).map(|&c| c as usize),
        }
    }

    /// Documents planned.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        match &self.split {
            Splits::Narrow(s) => s.len(),
            Splits::Wide(s) => s.len(),
        }
    }
}

/// Split indices, a byte each when there are at most 256 splits.
#[derive(Debug)]
enum Splits {
    Narrow(Vec<u8>),
    Wide(Vec<u32>),
}

impl Default for Splits {
    fn default() -> Self {
        Self::Narrow(Vec::new())
    }
}

/// Union-find over document numbers; the root of a set is its least member.
struct UnionFind(Vec<u32>);

impl UnionFind {
    fn new(n: usize) -> Self {
        Self((0..n).map(|i| i as u32).collect())
    }
    fn find(&mut self, i: usize) -> usize {
        let mut i = i as u32;
        while self.0[i as usize] != i {
            self.0[i as usize] = self.0[self.0[i as usize] as usize];
            i = self.0[i as usize];
        }
        i as usize
    }
    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[a.max(b)] = a.min(b) as u32;
        }
    }
}

/// No entry in a table by document number.
const NONE: u32 = u32::MAX;

/// The near-duplicate sets, and the units they join: one table when no
/// document shares a unit key (then the units are the near-duplicate sets).
struct Joins<'a> {
    near: &'a mut UnionFind,
    units: Option<&'a mut UnionFind>,
}

impl Joins<'_> {
    fn join(&mut self, a: usize, b: usize) {
        self.near.union(a, b);
        if let Some(units) = self.units.as_mut() {
            units.union(a, b);
        }
    }
}

/// Buckets of at most this many fingerprints compare every pair; larger
/// ones (many near-identical texts share a key) compare a fingerprint with
/// each set already joined, until one member is near enough.
const SMALL_BUCKET: usize = 48;

/// The key of fingerprint `f` in table `(a, b)`: its bytes `a` and `b`.
fn pair_key(f: u64, (a, b): (u32, u32)) -> usize {
    (((f >> (8 * a)) & 0xff) << 8 | ((f >> (8 * b)) & 0xff)) as usize
}

/// Joins (in `near` and `units`) every two fingerprinted documents whose
/// fingerprints differ in at most [`NEAR_DUPLICATE_DISTANCE`] bits: the sets
/// are those of comparing every pair, found in time about linear in the
/// number of documents.
///
/// Documents with one fingerprint are joined first (sorted by it), and one
/// of each fingerprint goes on. Two fingerprints within 6 bits agree on at
/// least 2 of their 8 bytes, so on one of the 28 pairs of bytes: for each
/// pair, the fingerprints are bucketed by those 16 bits (a counting sort)
/// and compared within a bucket only. A large bucket holds near-identical
/// texts: there a fingerprint is compared with the members of each set
/// the bucket has joined so far, skipping a set it is already joined to
/// and stopping at the first near member, so a cluster of thousands costs
/// about one comparison per member rather than one per pair.
fn join_near_duplicates(docs: &PlanDocs, n: usize, joins: &mut Joins<'_>) {
    let fp = |i: u32| docs.fingerprints[i as usize];
    let mut reps: Vec<u32> =
        Vec::with_capacity((0..n).filter(|&i| docs.fingerprint(i).is_some()).count());
    reps.extend((0..n as u32).filter(|&i| docs.fingerprint(i as usize).is_some()));
    reps.sort_unstable_by_key(|&i| (fp(i), i));
    let mut kept = 0;
    for k in 0..reps.len() {
        let i = reps[k];
        if kept > 0 && fp(reps[kept - 1]) == fp(i) {
            let r = reps[kept - 1] as usize;
            joins.join(i as usize, r);
        } else {
            reps[kept] = i;
            kept += 1;
        }
    }
    reps.truncate(kept);
    reps.shrink_to_fit();
    let mut starts = vec![0u32; (1 << 16) + 1];
    let mut table = vec![0u32; reps.len()];
    let mut groups: Vec<Vec<u32>> = Vec::new();
    for a in 0..8u32 {
        for b in a + 1..8 {
            // Counting sort of the fingerprints by bytes a and b.
            starts.fill(0);
            for &i in &reps {
                starts[pair_key(fp(i), (a, b)) + 1] += 1;
            }
            for k in 1..starts.len() {
                starts[k] += starts[k - 1];
            }
            for &i in &reps {
                let key = pair_key(fp(i), (a, b));
                table[starts[key] as usize] = i;
                starts[key] += 1;
            }
            // Now starts[key] is where bucket key ends.
            let mut from = 0usize;
            for &end in &starts[..1 << 16] {
                let bucket = &table[from..end as usize];
                from = end as usize;
                if bucket.len() <= SMALL_BUCKET {
                    for (k, &i) in bucket.iter().enumerate() {
                        for &j in &bucket[..k] {
                            if (fp(i) ^ fp(j)).count_ones() <= NEAR_DUPLICATE_DISTANCE {
                                joins.join(i as usize, j as usize);
                            }
                        }
                    }
                } else {
                    join_large_bucket(bucket, &fp, joins, &mut groups);
                }
            }
        }
    }
}

/// [`join_near_duplicates`] within one large bucket: `groups` (emptied
/// first) holds the bucket's members seen so far, one list per set joined.
fn join_large_bucket(
    bucket: &[u32],
    fp: &impl Fn(u32) -> u64,
    joins: &mut Joins<'_>,
    groups: &mut Vec<Vec<u32>>,
) {
    groups.clear();
    for &x in bucket {
        let fx = fp(x);
        let mut joined: Option<usize> = None;
        let mut g = 0;
        while g < groups.len() {
            let head = groups[g][0] as usize;
            let same = joins.near.find(head) == joins.near.find(x as usize);
            if same
                || groups[g]
                    .iter()
                    .any(|&y| (fx ^ fp(y)).count_ones() <= NEAR_DUPLICATE_DISTANCE)
            {
                joins.join(x as usize, head);
                match joined {
                    None => joined = Some(g),
                    Some(j) => {
                        // One set now: the smaller list goes into the larger.
                        let mut other = groups.swap_remove(g);
                        if other.len() > groups[j].len() {
                            std::mem::swap(&mut other, &mut groups[j]);
                        }
                        groups[j].extend(other);
                        joined = Some(j);
                        continue;
                    }
                }
            }
            g += 1;
        }
        match joined {
            Some(j) => groups[j].push(x),
            None => groups.push(vec![x]),
        }
    }
}

/// The near-duplicate clusters of two or more of the sets of `near`,
/// numbered in order of their first document.
fn clusters_of(near: &mut UnionFind, n: usize) -> Clusters {
    // `sizes` counts each set's members by its root, then holds NONE for a
    // set of one, UNNUMBERED for a cluster not yet met, or its number.
    const UNNUMBERED: u32 = NONE - 1;
    let mut sizes = vec![0u32; n];
    for i in 0..n {
        let r = near.find(i);
        sizes[r] = sizes[r].saturating_add(1);
    }
    let mut clustered = 0usize;
    for size in &mut sizes {
        if *size > 1 {
            clustered += *size as usize;
            *size = UNNUMBERED;
        } else {
            *size = NONE;
        }
    }
    // A list of (document, cluster) when at most half the documents are in
    // one (eight bytes each), else a cluster number for every document:
    // `sizes` itself, document i's number written over its entry (a root is
    // its set's least member, so no later member needs entry i unless i is
    // the root, whose entry is that number already).
    let dense = clustered * 2 > n;
    let mut list = Vec::with_capacity(if dense { 0 } else { clustered });
    let mut next = 0u32;
    for i in 0..n {
        let r = near.find(i);
        if sizes[r] == UNNUMBERED {
            sizes[r] = next;
            next += 1;
        }
        if dense {
            sizes[i] = sizes[r];
        } else if sizes[r] != NONE {
            list.push((i as u32, sizes[r]));
        }
    }
    if dense {
        Clusters::Every(sizes)
    } else {
        Clusters::List(list)
    }
}

/// Assigns splits to `docs` (see the module documentation). Every table is
/// a number or two per document, so the plan holds no record per document.
pub(crate) fn plan(config: &SplitConfig, docs: PlanDocs) -> Result<Plan, ExportError> {
    let n = docs.len();
    // Document numbers are u32 (so are a split file's tokens).
    let n = n.min(NONE as usize);
    let mut units = UnionFind::new(n);
    // Documents with one unit key are one unit (a document that is its own
    // unit shares it with none).
    let mut first_of_unit = vec![NONE; docs.unit_values.len()];
    let mut shared = false;
    for &(i, u) in &docs.shared {
        if (i as usize) < n {
            match first_of_unit[u as usize] {
                NONE => first_of_unit[u as usize] = i,
                j => {
                    units.union(i as usize, j as usize);
                    shared = true;
                }
            }
        }
    }
    drop(first_of_unit);
    // The near-duplicate sets: a table of their own only when units were
    // joined above (else they are the units, and the units table is theirs).
    let mut own_near = (docs.near_duplicates && shared).then(|| UnionFind::new(n));
    if docs.near_duplicates {
        let mut joins = match own_near.as_mut() {
            Some(near) => Joins {
                near,
                units: Some(&mut units),
            },
            None => Joins {
                near: &mut units,
                units: None,
            },
        };
        join_near_duplicates(&docs, n, &mut joins);
    }
    // The fingerprints are done with.
    let PlanDocs {
        keys,
        shared,
        unit_values,
        unit_numbers,
        stratum_values,
        stratum_numbers,
        near_duplicates,
        own_units,
        fingerprints,
        fingerprinted,
    } = docs;
    drop((fingerprints, fingerprinted, unit_numbers, stratum_numbers));
    let docs = PlanDocs {
        shared,
        unit_values,
        own_units,
        ..PlanDocs::default()
    };
    // Each component's key is the unit of its member that came first into
    // the corpus. `slot` holds by root the least position of its members,
    // then (a second walk over the documents, their first member marked in
    // `met`) the component's split.
    let mut slot = vec![NONE; n];
    for (i, key) in keys.iter().enumerate().take(n) {
        let (_, position, _) = key.map_err(ModelError::from)?;
        let r = units.find(i);
        if slot[r] == NONE || position < slot[r] {
            slot[r] = position;
        }
    }
    let mut met = vec![0u64; n.div_ceil(64)];
    // With --stratify, per stratum: (hash of the unit key, first member, root).
    let mut strata: Vec<Vec<(u64, u32, u32)>> = vec![Vec::new(); stratum_values.len()];
    for (i, key) in keys.iter().enumerate().take(n) {
        let (hash, position, stratum) = key.map_err(ModelError::from)?;
        let r = units.find(i);
        if met[r / 64] >> (r % 64) & 1 == 1 || position != slot[r] {
            continue;
        }
        met[r / 64] |= 1 << (r % 64);
        if config.stratify.is_some() {
            if let Some(members) = strata.get_mut(stratum as usize) {
                members.push((hash, i as u32, r as u32));
            }
        } else {
            slot[r] = config.split_of_hash(hash) as u32;
        }
    }
    drop((keys, met));
    if config.stratify.is_some() {
        let total = u128::from(config.total());
        for (stratum, members) in stratum_values.iter().zip(&mut strata) {
            // By hash, then by unit key (roots differ, so do their keys).
            members.sort_unstable_by(|a, b| {
                a.0.cmp(&b.0)
                    .then_with(|| docs.cmp_units(a.1 as usize, b.1 as usize))
            });
            let len = members.len() as u128;
            let turn = config.stratum_turn(stratum);
            for (r, &(_, _, root)) in members.iter().enumerate() {
                let point = (((2 * r as u128 + 1) * total) / (2 * len) + turn) % total;
                slot[root as usize] = config.at(u64::try_from(point).unwrap_or(0)) as u32;
            }
        }
    }
    let split_of_root = slot;
    let docs_near = near_duplicates;
    drop((docs, strata));
    let clusters = if docs_near {
        let near = match own_near.as_mut() {
            Some(near) => near,
            None => &mut units,
        };
        clusters_of(near, n)
    } else {
        Clusters::default()
    };
    drop(own_near);
    let wide = config.splits.len() > usize::from(u8::MAX) + 1;
    let split = if wide {
        Splits::Wide((0..n).map(|i| split_of_root[units.find(i)]).collect())
    } else {
        Splits::Narrow(
            (0..n)
                .map(|i| u8::try_from(split_of_root[units.find(i)]).unwrap_or(u8::MAX))
                .collect(),
        )
    };
    Ok(Plan { split, clusters })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(stratify: bool) -> SplitConfig {
        SplitConfig {
            splits: SplitConfig::parse_splits("train=80,dev=10,test=10").unwrap(),
            seed: 13,
            group_by: None,
            near_duplicates: true,
            stratify: stratify.then(|| "topic".to_owned()),
        }
    }

    /// A signature of document `i` of `text`.
    fn doc(i: usize, text: &str, stratum: &str) -> Signature {
        Signature {
            id: format!("d{i}"),
            position: i,
            unit: format!("doc:d{i}"),
            fingerprint: simhash(text),
            stratum: stratum.to_owned(),
        }
    }

    fn planned(c: &SplitConfig, docs: &[Signature]) -> Plan {
        let mut list = PlanDocs::new(c, own_units(docs), docs.len());
        // Past 257 documents the keys go to the temporary file.
        list.keys = SpillList::with_memory(257);
        for d in docs {
            d.add_to(&mut list, c);
        }
        plan(c, list).unwrap()
    }

    #[test]
    fn splits_parse_and_follow_the_weights() {
        let c = config(false);
        assert_eq!(c.splits[1], ("dev".to_owned(), 10));
        for bad in ["train", "train=0", "=3", "a b=1", "train=1,train=2", ""] {
            assert!(SplitConfig::parse_splits(bad).is_err(), "{bad}");
        }
        let mut counts = [0; 3];
        for i in 0..10_000 {
            counts[c.split_of(&format!("doc:{i}"))] += 1;
        }
        assert!((7700..8300).contains(&counts[0]), "{counts:?}");
        assert!((800..1200).contains(&counts[2]), "{counts:?}");
        assert_eq!(c.split_of("doc:x"), config(false).split_of("doc:x"));
    }

    #[test]
    fn near_duplicates_share_a_split_and_follow_the_older_one() {
        let story = include_str!("../../../corpus/03_fr-levant-carburant-greve.txt");
        let copy = include_str!("../../../corpus/04_fr-levant-carburant-greve-maj.txt");
        let c = config(false);
        let mut docs: Vec<Signature> = (0..40)
            .map(|i| doc(i, &format!("Texte numéro {i} sur un sujet {}", i * 7), ""))
            .collect();
        docs.push(doc(40, story, ""));
        docs.push(doc(41, copy, ""));
        let f = |i: usize| docs[i].fingerprint.unwrap();
        assert!((f(40) ^ f(41)).count_ones() <= NEAR_DUPLICATE_DISTANCE);
        let p = planned(&c, &docs);
        assert_eq!(p.split_of(40), p.split_of(41));
        assert_eq!(
            p.split_of(40),
            c.split_of("doc:d40"),
            "the older one's split"
        );
        assert!(p.cluster_of(40).is_some() && p.cluster_of(40) == p.cluster_of(41));
        assert_eq!((0..p.len()).filter_map(|i| p.cluster_of(i)).count(), 2);
        for (i, d) in docs.iter().enumerate().take(40) {
            assert_eq!(p.split_of(i), c.split_of(&d.unit));
        }
    }

    #[test]
    fn stratify_shares_out_each_value() {
        let c = config(true);
        let docs: Vec<Signature> = (0..100)
            .map(|i| Signature {
                id: format!("{i}"),
                position: i,
                unit: format!("doc:{i}"),
                fingerprint: None,
                stratum: if i % 4 == 0 { "rare" } else { "common" }.into(),
            })
            .collect();
        let p = planned(&c, &docs);
        let count = |stratum: &str, split: usize| {
            (0..100)
                .filter(|&i| docs[i].stratum == stratum && p.split_of(i) == split)
                .count()
        };
        // 25 rare documents at 80/10/10: 20, then 2.5 each, to within one unit.
        let rare = (count("rare", 0), count("rare", 1), count("rare", 2));
        assert!(rare == (20, 2, 3) || rare == (20, 3, 2), "{rare:?}");
        assert_eq!(count("common", 0), 60);
    }

    #[test]
    fn the_seed_moves_a_stratum_of_one_unit() {
        // Every value held by one unit: without a start turned by the seed each
        // would sit at the middle of the weights, in one split whatever the seed.
        let docs: Vec<Signature> = (0..40)
            .map(|i| Signature {
                id: format!("{i}"),
                position: i,
                unit: format!("doc:{i}"),
                fingerprint: None,
                stratum: format!("value{i}"),
            })
            .collect();
        let mut per_split = [0usize; 3];
        let mut layouts = std::collections::BTreeSet::new();
        for seed in 0..8 {
            let c = SplitConfig {
                seed,
                ..config(true)
            };
            let p = planned(&c, &docs);
            let layout: Vec<usize> = (0..docs.len()).map(|i| p.split_of(i)).collect();
            for &s in &layout {
                per_split[s] += 1;
            }
            layouts.insert(layout);
        }
        assert_eq!(layouts.len(), 8, "a seed gave the same splits as another");
        // 320 placements at 80/10/10.
        assert!((220..=290).contains(&per_split[0]), "{per_split:?}");
        assert!(per_split[1] >= 10 && per_split[2] >= 10, "{per_split:?}");
    }

    /// Bands of the fingerprint that the reference's candidate pairs share.
    const BANDS: u32 = NEAR_DUPLICATE_DISTANCE + 1;
    /// Bits per band.
    const BAND_BITS: u32 = 64 / BANDS;

    /// The plan as it was first written (a record and a hash map entry per
    /// document, every pair of a band's bucket compared), to hold the compact
    /// one to the same splits and clusters.
    fn reference_plan(config: &SplitConfig, docs: &[Signature]) -> Vec<(usize, Option<usize>)> {
        struct Uf(Vec<usize>);
        impl Uf {
            fn find(&mut self, mut i: usize) -> usize {
                while self.0[i] != i {
                    self.0[i] = self.0[self.0[i]];
                    i = self.0[i];
                }
                i
            }
            fn union(&mut self, a: usize, b: usize) {
                let (a, b) = (self.find(a), self.find(b));
                if a != b {
                    self.0[a.max(b)] = a.min(b);
                }
            }
        }
        let n = docs.len();
        let mut units = Uf((0..n).collect());
        let mut first_of_unit: HashMap<&str, usize> = HashMap::new();
        for (i, d) in docs.iter().enumerate() {
            if let Some(&j) = first_of_unit.get(d.unit.as_str()) {
                units.union(i, j);
            } else {
                first_of_unit.insert(&d.unit, i);
            }
        }
        let mut near = Uf((0..n).collect());
        if config.near_duplicates && config.splits.len() > 1 {
            let mut bands: HashMap<(u32, u64), Vec<usize>> = HashMap::new();
            for (i, d) in docs.iter().enumerate() {
                let Some(f) = d.fingerprint else { continue };
                for band in 0..BANDS {
                    let key = (band, (f >> (BAND_BITS * band)) & ((1 << BAND_BITS) - 1));
                    let bucket = bands.entry(key).or_default();
                    for &j in bucket.iter() {
                        if let Some(g) = docs[j].fingerprint
                            && (f ^ g).count_ones() <= NEAR_DUPLICATE_DISTANCE
                        {
                            near.union(i, j);
                            units.union(i, j);
                        }
                    }
                    bucket.push(i);
                }
            }
        }
        let mut root_first: HashMap<usize, usize> = HashMap::new();
        for i in 0..n {
            let r = units.find(i);
            let e = root_first.entry(r).or_insert(i);
            if docs[i].position < docs[*e].position {
                *e = i;
            }
        }
        let mut split_of_root: HashMap<usize, usize> = HashMap::new();
        if config.stratify.is_some() {
            let mut strata: HashMap<&str, Vec<(u64, &str, usize)>> = HashMap::new();
            for (&root, &first) in &root_first {
                let d = &docs[first];
                strata.entry(d.stratum.as_str()).or_default().push((
                    config.hash(&d.unit),
                    d.unit.as_str(),
                    root,
                ));
            }
            let total = u128::from(config.total());
            for (stratum, members) in &mut strata {
                members.sort_unstable();
                let len = members.len() as u128;
                let turn = config.stratum_turn(stratum);
                for (r, &(_, _, root)) in members.iter().enumerate() {
                    let point = (((2 * r as u128 + 1) * total) / (2 * len) + turn) % total;
                    split_of_root.insert(root, config.at(u64::try_from(point).unwrap_or(0)));
                }
            }
        } else {
            for (&root, &first) in &root_first {
                split_of_root.insert(root, config.split_of(&docs[first].unit));
            }
        }
        let roots: Vec<usize> = (0..n).map(|i| near.find(i)).collect();
        let mut sizes: HashMap<usize, usize> = HashMap::new();
        for &r in &roots {
            *sizes.entry(r).or_default() += 1;
        }
        let mut cluster_ids: HashMap<usize, usize> = HashMap::new();
        (0..n)
            .map(|i| {
                let r = roots[i];
                let cluster = (sizes[&r] > 1).then(|| {
                    let next = cluster_ids.len();
                    *cluster_ids.entry(r).or_insert(next)
                });
                let u = units.find(i);
                (split_of_root[&u], cluster)
            })
            .collect()
    }

    #[test]
    fn the_compact_plan_is_the_reference_plan() {
        // xorshift64*: the same documents every run.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = move || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let stories: Vec<u64> = (0..40).map(|_| next()).collect();
        let mut docs = Vec::new();
        for i in 0..3000usize {
            let r = next();
            // A repeated story with a few bits changed (near-duplicates, some
            // too far), a text of its own, or none.
            let fingerprint = match r % 10 {
                0 => None,
                1..=4 => {
                    let mut f = stories[(r >> 8) as usize % stories.len()];
                    for _ in 0..(r >> 16) % 9 {
                        f ^= 1 << (next() % 64);
                    }
                    Some(f)
                }
                _ => Some(next()),
            };
            let unit = if (r >> 24) % 5 == 0 {
                format!("group:g{}", (r >> 32) % 50)
            } else {
                format!("doc:d{i}")
            };
            docs.push(Signature {
                id: format!("d{i:05}"),
                // Import order is not id order.
                position: (next() % 1_000_000) as usize,
                unit,
                fingerprint,
                stratum: ["", "a", "b", "a|b"][(r >> 40) as usize % 4].to_owned(),
            });
        }
        // Units named by hand (`doc:d5` for d00005: every key numbered), and
        // each document its own unit (`doc:d00005`: no key held).
        let own: Vec<Signature> = docs
            .iter()
            .map(|d| Signature {
                unit: if d.unit.starts_with("doc:") {
                    format!("doc:{}", d.id)
                } else {
                    d.unit.clone()
                },
                ..d.clone()
            })
            .collect();
        assert!(!own_units(&docs) && own_units(&own));
        for (docs, stratify) in [&docs, &own]
            .into_iter()
            .flat_map(|d| [(d, false), (d, true)])
        {
            for near_duplicates in [true, false] {
                for spec in ["train=80,dev=10,test=10", "all=1", "a=1,b=1"] {
                    let c = SplitConfig {
                        splits: SplitConfig::parse_splits(spec).unwrap(),
                        seed: 7,
                        group_by: None,
                        near_duplicates,
                        stratify: stratify.then(|| "topic".to_owned()),
                    };
                    let want = reference_plan(&c, docs);
                    let p = planned(&c, docs);
                    let got: Vec<(usize, Option<usize>)> = (0..docs.len())
                        .map(|i| (p.split_of(i), p.cluster_of(i)))
                        .collect();
                    assert_eq!(
                        got, want,
                        "{spec} stratify {stratify} near {near_duplicates}"
                    );
                    if near_duplicates && spec != "all=1" {
                        assert!(got.iter().filter(|g| g.1.is_some()).count() > 100);
                    }
                }
            }
        }
    }

    #[test]
    fn large_clusters_are_those_of_every_pair() {
        // Thousands of variants of a few stories fill buckets far past
        // SMALL_BUCKET: sets joined there, chains whose ends are far apart,
        // variants just inside and just outside the distance.
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            state.wrapping_mul(0x2545_f491_4f6c_dd1d)
        };
        let stories: Vec<u64> = (0..3).map(|_| next()).collect();
        let mut walk = next();
        let mut docs = Vec::new();
        for i in 0..4000usize {
            let r = next();
            let fingerprint = match r % 8 {
                0 => Some(next()),
                1 => {
                    // A chain: each step 3 or 4 bits from the one before.
                    for _ in 0..3 + (r >> 8) % 2 {
                        walk ^= 1 << (next() % 64);
                    }
                    Some(walk)
                }
                _ => {
                    let mut f = stories[(r >> 8) as usize % stories.len()];
                    for _ in 0..(r >> 16) % 10 {
                        f ^= 1 << (next() % 64);
                    }
                    Some(f)
                }
            };
            docs.push(Signature {
                id: format!("d{i:05}"),
                position: (next() % 1_000_000) as usize,
                unit: format!("doc:d{i}"),
                fingerprint,
                stratum: String::new(),
            });
        }
        let c = config(false);
        let want = reference_plan(&c, &docs);
        let p = planned(&c, &docs);
        let got: Vec<(usize, Option<usize>)> = (0..docs.len())
            .map(|i| (p.split_of(i), p.cluster_of(i)))
            .collect();
        assert_eq!(got, want);
        let clustered = got.iter().filter(|g| g.1.is_some()).count();
        assert!(clustered > 3000, "{clustered}");
    }

    #[test]
    fn unit_keys_compare_as_their_strings_without_being_held() {
        let c = config(false);
        let ids = ["a1", "a2", "b", "do", "doc", "x"];
        let units = ["doc:a1", "group:s", "doc:b", "do", "doc", "c"];
        let mut docs = PlanDocs::new(&c, true, ids.len());
        for (k, (id, unit)) in ids.iter().zip(units).enumerate() {
            docs.push(&c, k, id, unit, None, "");
        }
        // Only the documents that are not their own unit hold a key.
        assert_eq!(docs.unit_values, ["group:s", "do", "doc", "c"]);
        for a in 0..ids.len() {
            for b in 0..ids.len() {
                assert_eq!(docs.cmp_units(a, b), units[a].cmp(units[b]), "{a} {b}");
            }
            let (hash, position, _) = docs.keys.get(a).unwrap();
            assert_eq!((hash, position as usize), (c.hash(units[a]), a));
        }
    }

    #[test]
    fn group_keys_parse_and_read_meta() {
        let g: GroupKey = "meta.date:7".parse().unwrap();
        let mut meta = Meta {
            date: Some("2019-02-14".into()),
            ..Meta::default()
        };
        assert_eq!(g.value(&meta).as_deref(), Some("2019-02"));
        let site: GroupKey = "meta.site".parse().unwrap();
        assert_eq!(site.value(&meta), None);
        meta.extra.insert("site".into(), "levant".into());
        assert_eq!(site.value(&meta).as_deref(), Some("levant"));
        assert!("source".parse::<GroupKey>().is_err());
        assert!("meta.date:x".parse::<GroupKey>().is_err());
    }
}
