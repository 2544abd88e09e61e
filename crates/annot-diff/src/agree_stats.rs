//! The sufficient statistics of an agreement report, written out per shard and
//! summed: span counts per label and pair, the label confusion counts, token
//! tag patterns (the coincidences of token kappa and alpha), each label layer's
//! rows, the alpha-U tally, and the per-document scores.
//!
//! Shards are runs of documents in id order, one after the other, as a
//! range-partitioned corpus is: [`AgreeTally::absorb`] joins the next run to
//! the tally, renaming its labels and values into the tally's, so the sum of
//! the shards is the tally of the whole corpus walked in id order, and
//! [`AgreeTally::finish`] gives the report `annot agree` prints.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{AgreeOptions, AgreeTally, DocumentCounts, DocumentScore, Interner, Row, SideSummary};
use crate::CompareError;
use crate::metric::{SpanTally, UnitizingTally};

/// One label layer's rows: the distinct rows, and how many documents have each
/// (statistics of an older annot give per document the row it has, `rows`).
#[derive(Debug, Clone, Serialize, Deserialize)]
struct LayerStats {
    distinct: Vec<Row>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    rows: Vec<usize>,
    #[serde(default)]
    counts: Vec<u64>,
}

impl LayerStats {
    /// The distinct rows with their numbers of documents.
    fn counted(&self) -> Vec<(&Row, u64)> {
        if self.counts.is_empty() {
            let mut counts = vec![0u64; self.distinct.len()];
            for &id in &self.rows {
                if let Some(n) = counts.get_mut(id) {
                    *n += 1;
                }
            }
            return self.distinct.iter().zip(counts).collect();
        }
        self.distinct
            .iter()
            .zip(self.counts.iter().copied())
            .collect()
    }
}

/// An [`AgreeTally`] written out: what `annot stream agree` prints per shard,
/// and what `annot agree --combine` sums.
#[derive(Debug, Serialize, Deserialize)]
pub struct AgreeStats {
    /// The sides, in order.
    sides: Vec<SideSummary>,
    /// Label layers, and whether each is multi-label.
    multi: BTreeMap<String, bool>,
    /// The first and last document of the shard, by id.
    first_doc: Option<String>,
    last_doc: Option<String>,
    /// Span labels, by id.
    labels: Vec<String>,
    /// Per label layer, its values by id.
    values: BTreeMap<String, Vec<String>>,
    layers: BTreeMap<String, LayerStats>,
    exact: Vec<SpanTally<u32>>,
    overlap: Vec<SpanTally<u32>>,
    /// `(label of A, label of B, spans)` of spans both marked with the same extent.
    confusion: Vec<(u32, u32, usize)>,
    /// Token tag patterns across the sides, and how many tokens have each.
    tag_patterns: Vec<(Vec<u32>, u64)>,
    tokens: usize,
    /// Documents the token figures rest on.
    #[serde(default)]
    token_documents: usize,
    /// Per side, spans resolved for the token tags.
    #[serde(default)]
    overlaps_resolved: Vec<usize>,
    entities: SpanTally<u32>,
    alpha_u: UnitizingTally<u32>,
    /// Per side, spans joined for alpha-U.
    #[serde(default)]
    units_joined: Vec<usize>,
    documents: DocumentCounts,
    per_document: Vec<DocumentScore>,
}

impl AgreeStats {
    /// The sides' names.
    pub fn side_names(&self) -> impl Iterator<Item = &str> {
        self.sides.iter().map(|s| s.name.as_str())
    }
}

impl Interner {
    /// The ids here of `names` (ids of another interner), added when new, in their order.
    fn absorb(&mut self, names: &[String]) -> Vec<u32> {
        names.iter().map(|n| self.id(n)).collect()
    }
}

/// Label `l` of another tally, renamed by `map` (ids it does not have stay as they are).
fn renamed(map: &[u32], l: u32) -> u32 {
    map.get(l as usize).copied().unwrap_or(l)
}

/// A token tag (`0` outside, `2l + 1` begin, `2l + 2` inside) with its label renamed.
fn renamed_tag(map: &[u32], t: u32) -> u32 {
    if t == 0 {
        return 0;
    }
    let (label, inside) = ((t - 1) / 2, (t - 1) % 2);
    2 * renamed(map, label) + 1 + inside
}

impl AgreeTally {
    /// The tally's statistics, to be written out and summed.
    ///
    /// # Errors
    /// [`CompareError::Spill`] when the per-document list cannot be read back.
    pub fn stats(&self) -> Result<AgreeStats, CompareError> {
        let per_document = self.per_document.to_vec()?;
        let mut tag_patterns: Vec<(Vec<u32>, u64)> = self
            .tag_patterns
            .iter()
            .map(|(k, n)| (k.to_vec(), *n))
            .collect();
        tag_patterns.sort_unstable();
        Ok(AgreeStats {
            sides: self.sides.clone(),
            multi: self.multi.clone(),
            first_doc: self.first_doc.clone(),
            last_doc: self.last_doc.clone(),
            labels: self.labels.names.clone(),
            values: self
                .values
                .iter()
                .map(|(k, v)| (k.clone(), v.names.clone()))
                .collect(),
            layers: self
                .layer_rows
                .iter()
                .map(|(k, r)| {
                    let stats = LayerStats {
                        distinct: r.distinct.clone(),
                        rows: Vec::new(),
                        counts: r.counts.clone(),
                    };
                    (k.clone(), stats)
                })
                .collect(),
            exact: self.exact.clone(),
            overlap: self.overlap.clone(),
            confusion: self
                .confusion
                .iter()
                .map(|(&(a, b), &n)| (a, b, n))
                .collect(),
            tag_patterns,
            tokens: self.tokens,
            token_documents: self.token_documents,
            overlaps_resolved: self.overlaps_resolved.clone(),
            entities: self.entities.clone(),
            alpha_u: self.alpha_u.clone(),
            units_joined: self.units_joined.clone(),
            documents: DocumentCounts {
                with_records: self.counts.with_records,
                in_common: self.counts.in_common,
                not_in_common: self.counts.not_in_common.to_vec()?.into_iter().collect(),
                skipped: self.counts.skipped.clone(),
            },
            per_document,
        })
    }

    /// An empty tally over the sides and layers of `stats`, to absorb shards into.
    #[must_use]
    pub fn for_stats(stats: &AgreeStats, options: AgreeOptions) -> Self {
        let names: Vec<String> = stats.sides.iter().map(|s| s.name.clone()).collect();
        AgreeTally::empty(&names, stats.multi.clone(), options)
    }

    /// Joins `next`, the statistics of the documents that come after this
    /// tally's in id order: the tally of all of them.
    ///
    /// # Errors
    /// [`CompareError::ShardsDiffer`] when `next` compares other sides or
    /// layers; [`CompareError::ShardOrder`] when its documents do not all come
    /// after this tally's.
    pub fn absorb(&mut self, next: &AgreeStats) -> Result<(), CompareError> {
        let names: Vec<&str> = next.side_names().collect();
        if names != self.names.iter().map(String::as_str).collect::<Vec<_>>()
            || next.multi != self.multi
        {
            return Err(CompareError::ShardsDiffer {
                expected: self.names.join(" "),
                found: names.join(" "),
            });
        }
        if let (Some(last), Some(first)) = (&self.last_doc, &next.first_doc)
            && first <= last
        {
            return Err(CompareError::ShardOrder {
                last: last.clone(),
                first: first.clone(),
            });
        }
        if next.first_doc.is_none() {
            // An empty shard still counts its sides' records.
            for (s, n) in self.sides.iter_mut().zip(&next.sides) {
                s.records += n.records;
            }
            return Ok(());
        }
        if self.first_doc.is_none() {
            self.first_doc.clone_from(&next.first_doc);
        }
        self.last_doc.clone_from(&next.last_doc);
        let labels = self.labels.absorb(&next.labels);
        for (layer, names) in &next.values {
            let map = self.values.entry(layer.clone()).or_default().absorb(names);
            let Some(stats) = next.layers.get(layer) else {
                continue;
            };
            let rows = self.layer_rows.entry(layer.clone()).or_default();
            for (row, k) in stats.counted() {
                let row: Row = row
                    .iter()
                    .map(|cell| {
                        cell.as_ref().map(|set| {
                            let mut set: Vec<u32> = set.iter().map(|&v| renamed(&map, v)).collect();
                            set.sort_unstable();
                            set
                        })
                    })
                    .collect();
                rows.push_counted(row, k);
            }
        }
        // Layers whose values the shard never saw: their rows are all empty sets.
        for (layer, stats) in &next.layers {
            if !next.values.contains_key(layer) {
                let rows = self.layer_rows.entry(layer.clone()).or_default();
                for (row, k) in stats.counted() {
                    rows.push_counted(row.clone(), k);
                }
            }
        }
        let rename = |l: &u32| renamed(&labels, *l);
        for (mine, theirs) in self.exact.iter_mut().zip(&next.exact) {
            mine.absorb(theirs, rename);
        }
        for (mine, theirs) in self.overlap.iter_mut().zip(&next.overlap) {
            mine.absorb(theirs, rename);
        }
        self.entities.absorb(&next.entities, rename);
        for &(a, b, n) in &next.confusion {
            *self
                .confusion
                .entry((renamed(&labels, a), renamed(&labels, b)))
                .or_insert(0) += n;
        }
        for (pattern, n) in &next.tag_patterns {
            let key: Box<[u32]> = pattern.iter().map(|&t| renamed_tag(&labels, t)).collect();
            *self.tag_patterns.entry(key).or_insert(0) += n;
        }
        self.tokens += next.tokens;
        self.token_documents += next.token_documents;
        for (mine, theirs) in self
            .overlaps_resolved
            .iter_mut()
            .zip(&next.overlaps_resolved)
        {
            *mine += theirs;
        }
        for (mine, theirs) in self.units_joined.iter_mut().zip(&next.units_joined) {
            *mine += theirs;
        }
        self.alpha_u.absorb(&next.alpha_u, rename)?;
        let (mine, theirs) = (&mut self.counts, &next.documents);
        mine.with_records += theirs.with_records;
        mine.in_common += theirs.in_common;
        for item in theirs.not_in_common.iter() {
            mine.not_in_common.push(item?);
        }
        for (s, n) in self.sides.iter_mut().zip(&next.sides) {
            s.records += n.records;
            s.decided += n.decided;
            s.reanchored += n.reanchored;
            s.lost_spans += n.lost_spans;
            for (status, k) in &n.not_counted {
                *s.not_counted.entry(*status).or_insert(0) += k;
            }
        }
        for score in &next.per_document {
            self.push_score(score.clone());
        }
        Ok(())
    }
}
