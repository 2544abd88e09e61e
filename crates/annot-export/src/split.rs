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
//! Candidate pairs come from seven 9-bit bands of the fingerprint (two
//! fingerprints within 6 bits agree on at least one of them).
//!
//! `--stratify LAYER` balances a document label layer across splits: units
//! are grouped by their value of the layer (its values sorted and joined,
//! or none), sorted within a group by their hash, and the unit ranked `r`
//! of `n` goes to the split at point `(2r + 1) / 2n` of the weights
//! (systematic sampling), so each value is shared out as the weights say,
//! to within one unit. That trades the never-moves guarantee: a new
//! document shifts the ranks of its value group, and a unit at a split's
//! edge can move.

use std::collections::HashMap;

use annot_model::Meta;

use crate::error::ExportError;

/// The largest Hamming distance between two SimHash fingerprints of near-duplicates.
pub const NEAR_DUPLICATE_DISTANCE: u32 = 6;

/// Bands of the fingerprint that candidate pairs share: more than the distance.
const BANDS: u32 = NEAR_DUPLICATE_DISTANCE + 1;

/// Bits per band (`BANDS * BAND_BITS <= 64`).
const BAND_BITS: u32 = 64 / BANDS;

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
        let point = (u128::from(self.hash(unit)) * u128::from(self.total())) >> 64;
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

/// What the plan needs of one document.
#[derive(Debug, Clone)]
pub(crate) struct PlanDoc {
    /// Position in the corpus (import order).
    pub(crate) position: usize,
    /// Unit key (`doc:ID` or `group:VALUE`).
    pub(crate) unit: String,
    /// SimHash of the written text.
    pub(crate) fingerprint: Option<u64>,
    /// Value of the stratified layer.
    pub(crate) stratum: String,
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
    pub(crate) fn plan_doc(&self) -> PlanDoc {
        PlanDoc {
            position: self.position,
            unit: self.unit.clone(),
            fingerprint: self.fingerprint,
            stratum: self.stratum.clone(),
        }
    }
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
#[must_use]
pub fn assign(config: &SplitConfig, mut signatures: Vec<Signature>) -> Vec<Assignment> {
    // The export plans in id order.
    signatures.sort_by(|a, b| a.id.cmp(&b.id));
    let docs: Vec<PlanDoc> = signatures.iter().map(Signature::plan_doc).collect();
    let p = plan(config, &docs);
    signatures
        .into_iter()
        .zip(p.split.into_iter().zip(p.cluster))
        .map(|(s, (split, cluster))| Assignment {
            id: s.id,
            split: config
                .splits
                .get(split)
                .map_or_else(String::new, |(name, _)| name.clone()),
            cluster,
        })
        .collect()
}

/// The split of every planned document, and the near-duplicate clusters.
#[derive(Debug, Default)]
pub(crate) struct Plan {
    /// Split index per document.
    pub(crate) split: Vec<usize>,
    /// Near-duplicate cluster per document (clusters of two or more only).
    pub(crate) cluster: Vec<Option<usize>>,
}

struct UnionFind(Vec<usize>);

impl UnionFind {
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

/// Assigns splits to `docs` (see the module documentation).
pub(crate) fn plan(config: &SplitConfig, docs: &[PlanDoc]) -> Plan {
    let n = docs.len();
    let mut units = UnionFind((0..n).collect());
    let mut first_of_unit: HashMap<&str, usize> = HashMap::new();
    for (i, d) in docs.iter().enumerate() {
        if let Some(&j) = first_of_unit.get(d.unit.as_str()) {
            units.union(i, j);
        } else {
            first_of_unit.insert(&d.unit, i);
        }
    }
    let mut near = UnionFind((0..n).collect());
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
    // Each component's key: the unit of its member that came first into the corpus.
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
        for members in strata.values_mut() {
            members.sort_unstable();
            let len = members.len() as u128;
            for (r, &(_, _, root)) in members.iter().enumerate() {
                let point = ((2 * r as u128 + 1) * total) / (2 * len);
                split_of_root.insert(root, config.at(u64::try_from(point).unwrap_or(0)));
            }
        }
    } else {
        for (&root, &first) in &root_first {
            split_of_root.insert(root, config.split_of(&docs[first].unit));
        }
    }
    let mut sizes: HashMap<usize, usize> = HashMap::new();
    let roots: Vec<usize> = (0..n).map(|i| near.find(i)).collect();
    for &r in &roots {
        *sizes.entry(r).or_default() += 1;
    }
    let mut cluster_ids: HashMap<usize, usize> = HashMap::new();
    let cluster = roots
        .iter()
        .map(|r| {
            (sizes[r] > 1).then(|| {
                let next = cluster_ids.len();
                *cluster_ids.entry(*r).or_insert(next)
            })
        })
        .collect();
    let split = (0..n)
        .map(|i| {
            let r = units.find(i);
            split_of_root.get(&r).copied().unwrap_or(0)
        })
        .collect();
    Plan { split, cluster }
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

    fn doc(i: usize, text: &str, stratum: &str) -> PlanDoc {
        PlanDoc {
            position: i,
            unit: format!("doc:d{i}"),
            fingerprint: simhash(text),
            stratum: stratum.to_owned(),
        }
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
        let mut docs: Vec<PlanDoc> = (0..40)
            .map(|i| doc(i, &format!("Texte numéro {i} sur un sujet {}", i * 7), ""))
            .collect();
        docs.push(doc(40, story, ""));
        docs.push(doc(41, copy, ""));
        let f = |i: usize| docs[i].fingerprint.unwrap();
        assert!((f(40) ^ f(41)).count_ones() <= NEAR_DUPLICATE_DISTANCE);
        let p = plan(&c, &docs);
        assert_eq!(p.split[40], p.split[41]);
        assert_eq!(p.split[40], c.split_of("doc:d40"), "the older one's split");
        assert!(p.cluster[40].is_some() && p.cluster[40] == p.cluster[41]);
        assert_eq!(p.cluster.iter().flatten().count(), 2);
        for (split, d) in p.split.iter().zip(&docs).take(40) {
            assert_eq!(*split, c.split_of(&d.unit));
        }
    }

    #[test]
    fn stratify_shares_out_each_value() {
        let c = config(true);
        let docs: Vec<PlanDoc> = (0..100)
            .map(|i| PlanDoc {
                position: i,
                unit: format!("doc:{i}"),
                fingerprint: None,
                stratum: if i % 4 == 0 { "rare" } else { "common" }.into(),
            })
            .collect();
        let p = plan(&c, &docs);
        let count = |stratum: &str, split: usize| {
            (0..100)
                .filter(|&i| docs[i].stratum == stratum && p.split[i] == split)
                .count()
        };
        assert_eq!(
            (count("rare", 0), count("rare", 1), count("rare", 2)),
            (20, 2, 3)
        );
        assert_eq!(count("common", 0), 60);
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
