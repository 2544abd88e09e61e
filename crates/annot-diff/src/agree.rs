//! `annot agree`: every agreement figure of two or more sides, computed in one pass.
//!
//! The documents are visited one at a time ([`crate::compare::for_each_document`]) and
//! only counts are kept (span tallies, tag-pattern counts, label rows, alpha-U length counts),
//! so a corpus of any size is scored without holding its texts.
//!
//! What each figure rests on, and how edge cases come out:
//!
//! - **Document labels**, per layer: every document with a decision of at least one side
//!   is a unit; a side without a decision there is a missing value. A single-label layer
//!   a side left empty is a missing value too; a multi-label layer left empty is the
//!   decision "none of them" (the empty set). Cohen's kappa and Scott's pi are for two
//!   sides, Fleiss' kappa uses the units every side coded. One category only makes the
//!   chance-corrected figures undefined (with the reason), never NaN.
//! - **Spans**: P/R/F1 of B against A over the documents both decided (a document one
//!   side rejected or skipped is not among them: it is listed in
//!   [`DocumentCounts::not_in_common`]). For three or more sides, the pairwise F1 matrix
//!   and its mean. Empty span sets on both sides make P, R and F1 undefined.
//! - **Tokens**: Cohen's kappa (two sides) and Krippendorff's alpha over the IOB2 tags of
//!   the project tokenizer's tokens, on the documents every side decided (so with three
//!   or more sides, fewer than a pair's span figures may rest on); and the
//!   seqeval-strict entity scores of the second side against the first on those tags.
//!   A token takes one tag: where a side's spans overlap (or share a token), the span
//!   that starts first, then the longer, keeps the shared tokens; the spans that lost
//!   tokens are counted per side ([`TokenReport::overlaps_resolved`]).
//! - **alpha-U** over the character positions of the documents every side decided, laid
//!   end to end; a side's overlapping spans of one label are joined first (alpha-U takes
//!   one unit per position and label), counted per side ([`AlphaUReport::joined`]).
//! - **Per document**: exact-match F1 (mean over the pairs of sides that decided it) and
//!   the label layers on which they differ; the least-agreeing documents come first in
//!   [`AgreeReport::worst`].

use std::collections::{BTreeMap, BTreeSet};

use annot_model::tokenize::{Lang, tokenize};
use annot_model::{Schema, Span, SpillList, Status};
use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::CompareError;
use crate::compare::{Absence, DocumentSides, SideRecord, Skipped};
use crate::metric::{
    Agreement, DistanceMetric, LabeledSpan, Matching, PairwiseF1, ReliabilityData, SetData,
    SetDistance, SpanScores, SpanTally, Tag, Undefined, UnitizedAlpha, UnitizingTally,
    UnitizingUnit, Value, cohen_kappa, cohen_kappa_counted, fleiss_kappa, gwet_ac1,
    iob2_tags_resolved, krippendorff_alpha, krippendorff_alpha_counted, observed_agreement,
    per_value_alpha, scott_pi, set_alpha, span_label_confusion, strict_entities,
};
use crate::side::Side;

/// Settings of an agreement report.
#[derive(Debug, Clone)]
pub struct AgreeOptions {
    /// Tokenizer language for documents whose metadata does not say.
    pub lang: Lang,
    /// How many least-agreeing documents to list.
    pub worst: usize,
}

/// One side in the report.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct SideSummary {
    /// The side as written.
    pub name: String,
    /// Documents the side has a record of (as of its time).
    pub records: usize,
    /// Documents with a decision that counts (`--status`).
    pub decided: usize,
    /// Records left out by their status, per status.
    pub not_counted: BTreeMap<Status, usize>,
    /// Documents whose record was made on an older text and carried onto the current one.
    pub reanchored: usize,
    /// Spans that could not be carried onto the current text (not compared).
    pub lost_spans: usize,
}

/// A document that not every side decided.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct NotInCommon {
    /// Document id.
    pub doc: String,
    /// The sides without a decision, and why.
    pub absent: Vec<(String, Absence)>,
}

/// What the figures rest on.
#[derive(Debug, Default, Serialize, serde::Deserialize)]
pub struct DocumentCounts {
    /// Documents some side has a record of.
    pub with_records: usize,
    /// Documents every side decided: spans, tokens and alpha-U rest on these (for two sides).
    pub in_common: usize,
    /// Documents some side did not decide, sorted by id (past [`SpillList::IN_MEMORY`]
    /// of them in a temporary file).
    pub not_in_common: SpillList<NotInCommon>,
    /// What the walk skipped (no longer in the corpus, filtered out).
    pub skipped: Skipped,
}

/// A single-label layer's figures.
#[derive(Debug, Clone, Serialize)]
pub struct NominalFigures {
    /// Observed (percentage) agreement.
    pub observed: Agreement,
    /// Cohen's kappa (two sides only).
    pub cohen_kappa: Option<Agreement>,
    /// Scott's pi (two sides only).
    pub scott_pi: Option<Agreement>,
    /// Fleiss' kappa over the units every side coded.
    pub fleiss_kappa: Agreement,
    /// Krippendorff's alpha, nominal.
    pub krippendorff_alpha: Agreement,
    /// Gwet's AC1.
    pub gwet_ac1: Agreement,
}

/// A multi-label layer's figures.
#[derive(Debug, Clone, Serialize)]
pub struct SetFigures {
    /// Observed agreement on the whole set (two sets agree when equal).
    pub observed: Agreement,
    /// Krippendorff's alpha over the sets with the MASI distance.
    pub alpha_masi: Agreement,
    /// Krippendorff's alpha over the sets with the Jaccard distance.
    pub alpha_jaccard: Agreement,
    /// Per value: Krippendorff's alpha (nominal) of the binary decision "has this value".
    pub per_value: BTreeMap<String, Agreement>,
}

/// The figures of one document-label layer.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum LayerFigures {
    /// One value per document.
    Single(NominalFigures),
    /// Any number of values per document.
    Multi(SetFigures),
}

/// One document-label layer.
#[derive(Debug, Clone, Serialize)]
pub struct LayerReport {
    /// Layer name.
    pub layer: String,
    /// Its figures.
    pub figures: LayerFigures,
}

/// A cell of the same-extent label confusion matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfusionCell {
    /// The earlier side's label.
    pub a: String,
    /// The later side's label.
    pub b: String,
    /// Spans with the same extent labelled so.
    pub count: usize,
}

/// Span figures.
#[derive(Debug, Clone, Serialize)]
pub struct SpanReport {
    /// B against A (the first two sides), exact match.
    pub exact: SpanScores<String>,
    /// B against A, overlap match.
    pub overlap: SpanScores<String>,
    /// Three or more sides: micro F1 for every pair, exact match.
    pub pairwise_exact: Option<PairwiseF1>,
    /// Three or more sides: micro F1 for every pair, overlap match.
    pub pairwise_overlap: Option<PairwiseF1>,
    /// Same-extent spans by (earlier side's label, later side's label), over every pair of sides.
    pub confusion: Vec<ConfusionCell>,
    /// Three or more sides: the scores of every pair, micro, macro and per label
    /// (the first is the pair of `exact` and `overlap`).
    pub pairs: Vec<PairScores>,
}

/// The span scores of one pair of sides: `b` against `a`.
#[derive(Debug, Clone, Serialize)]
pub struct PairScores {
    /// The reference side.
    pub a: String,
    /// The side scored against it.
    pub b: String,
    /// Exact match.
    pub exact: SpanScores<String>,
    /// Overlap match.
    pub overlap: SpanScores<String>,
}

/// Token-level figures over IOB2 tags.
#[derive(Debug, Clone, Serialize)]
pub struct TokenReport {
    /// The sides the figures compare: every side.
    pub sides: Vec<String>,
    /// Documents the figures rest on: those every side decided.
    pub documents: usize,
    /// Tokens the figures rest on.
    pub tokens: usize,
    /// Per side (in order), spans that lost some or all of their tokens to an
    /// overlapping span (or one sharing a token) placed before them: the span that
    /// starts first, then the longer, keeps the shared tokens.
    pub overlaps_resolved: Vec<usize>,
    /// Cohen's kappa over the tags (two sides only).
    pub cohen_kappa: Option<Agreement>,
    /// Krippendorff's alpha (nominal) over the tags.
    pub krippendorff_alpha: Agreement,
    /// seqeval-strict entity scores of B against A on the tags.
    pub entities: SpanScores<String>,
    /// A of `entities`: the first side.
    pub entities_a: String,
    /// B of `entities`: the second side.
    pub entities_b: String,
}

/// Krippendorff's unitized alpha, and what was done to the units first.
#[derive(Debug, Clone, Serialize)]
pub struct AlphaUReport {
    /// The figures, overall and per label.
    #[serde(flatten)]
    pub figures: UnitizedAlpha<String>,
    /// Per side (in order), spans joined into an overlapping span of the same label
    /// (alpha-U takes one unit per position and label).
    pub joined: Vec<usize>,
}

/// One document's agreement.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct DocumentScore {
    /// Document id.
    pub doc: String,
    /// Exact-match span F1, the mean over the pairs of sides that decided the document.
    pub f1: Value,
    /// Spans per side (`None`: no decision).
    pub spans: Vec<Option<usize>>,
    /// Spans not matched exactly, summed over the pairs.
    pub disagreements: usize,
    /// Label layers on which the sides that decided differ.
    pub label_layers_differing: Vec<String>,
    /// The pair of sides (indices into the sides, the earlier first) that differs most
    /// on the document: spans not matched exactly plus label layers that differ (the
    /// first such pair on a tie).
    #[serde(default)]
    pub pair: [usize; 2],
}

/// A least-agreeing document and the command that opens it.
#[derive(Debug, Clone, Serialize)]
pub struct WorstDocument {
    /// Document id.
    pub doc: String,
    /// Its exact-match F1.
    pub f1: Value,
    /// Spans not matched exactly.
    pub disagreements: usize,
    /// Label layers on which the sides differ.
    pub label_layers_differing: Vec<String>,
    /// The pair of sides that differs most on it: the sides of `command`.
    pub a: String,
    /// The other side of the pair.
    pub b: String,
    /// `annot diff A B --doc ID`.
    pub command: String,
}

/// Every figure of `annot agree`.
#[derive(Debug, Serialize)]
pub struct AgreeReport {
    /// The sides, in the order given.
    pub sides: Vec<SideSummary>,
    /// What the figures rest on.
    pub documents: DocumentCounts,
    /// Document labels, per layer.
    pub labels: Vec<LayerReport>,
    /// Spans.
    pub spans: SpanReport,
    /// Tokens.
    pub tokens: TokenReport,
    /// Krippendorff's unitized alpha over character positions, overall and per label.
    pub alpha_u: AlphaUReport,
    /// Every document some two sides decided, by id (past
    /// [`SpillList::IN_MEMORY`] of them in a temporary file, read back as it is written out).
    pub per_document: SpillList<DocumentScore>,
    /// The least-agreeing documents, worst first.
    pub worst: Vec<WorstDocument>,
}

#[path = "agree_stats.rs"]
mod stats;
pub use stats::AgreeStats;

/// Strings to dense ids and back (labels, values), so tallies hold numbers.
#[derive(Debug, Default)]
struct Interner {
    ids: FxHashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.names.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.to_owned(), id);
        self.names.push(s.to_owned());
        id
    }

    fn name(&self, id: u32) -> String {
        self.names.get(id as usize).cloned().unwrap_or_default()
    }
}

/// A label layer's row of one document: each side's value set, `None` without a decision.
type Row = Vec<Option<Vec<u32>>>;

/// A label layer's rows, one per document, kept as the distinct rows with how many
/// documents have each: documents repeat a few rows, and every figure of a layer is a
/// sum over its documents, so the memory is that of the distinct rows, whatever the
/// number of documents.
#[derive(Debug, Default)]
struct LayerRows {
    counts: Vec<u64>,
    distinct: Vec<Row>,
    index: FxHashMap<Row, usize>,
}

impl LayerRows {
    fn push(&mut self, row: Row) {
        self.push_counted(row, 1);
    }

    /// Adds `k` documents of `row`.
    fn push_counted(&mut self, row: Row, k: u64) {
        let id = match self.index.get(&row) {
            Some(&id) => id,
            None => {
                let id = self.distinct.len();
                self.index.insert(row.clone(), id);
                self.distinct.push(row);
                self.counts.push(0);
                id
            }
        };
        self.counts[id] += k;
    }

    /// The distinct rows, in the order first seen, with their numbers of documents.
    fn counted(&self) -> impl Iterator<Item = (&Row, u64)> + Clone {
        self.distinct.iter().zip(self.counts.iter().copied())
    }
}

/// The running counts of a report.
#[derive(Debug)]
pub struct AgreeTally {
    names: Vec<String>,
    options: AgreeOptions,
    multi: BTreeMap<String, bool>,
    labels: Interner,
    values: BTreeMap<String, Interner>,
    layer_rows: BTreeMap<String, LayerRows>,
    exact: Vec<SpanTally<u32>>,
    overlap: Vec<SpanTally<u32>>,
    confusion: BTreeMap<(u32, u32), usize>,
    tag_patterns: FxHashMap<Box<[u32]>, u64>,
    tokens: usize,
    /// Documents the token figures rest on.
    token_documents: usize,
    /// Per side, spans resolved for the token tags.
    overlaps_resolved: Vec<usize>,
    entities: SpanTally<u32>,
    alpha_u: UnitizingTally<u32>,
    /// Per side, spans joined for alpha-U.
    units_joined: Vec<usize>,
    /// Per-document scratch for alpha-U.
    units: Vec<UnitizingUnit<u32>>,
    counts: DocumentCounts,
    sides: Vec<SideSummary>,
    per_document: SpillList<DocumentScore>,
    /// The least-agreeing documents so far, worst first, at most `options.worst`.
    worst: Vec<DocumentScore>,
    /// The first and last document added (in id order).
    first_doc: Option<String>,
    last_doc: Option<String>,
}

/// The pairs `(i, j)`, `i < j`, of `n` sides, in order.
fn pairs(n: usize) -> Vec<(usize, usize)> {
    (0..n)
        .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
        .collect()
}

impl AgreeTally {
    /// An empty tally for `sides`; `schema` says which label layers are multi-label.
    #[must_use]
    pub fn new(sides: &[Side], schema: &Schema, options: AgreeOptions) -> Self {
        let names: Vec<String> = sides.iter().map(|s| s.name.clone()).collect();
        let mut tally = Self::with_names(&names, schema, options);
        let records: Vec<usize> = sides.iter().map(|s| s.records.len()).collect();
        tally.count_records(&records);
        tally
    }

    /// An empty tally for sides of these names (with no records counted yet).
    #[must_use]
    pub fn with_names(names: &[String], schema: &Schema, options: AgreeOptions) -> Self {
        let multi = schema
            .labels
            .iter()
            .map(|l| (l.name.clone(), l.multi))
            .collect();
        Self::empty(names, multi, options)
    }

    /// An empty tally for sides of these names over the label layers of `multi`
    /// (layer -> whether it is multi-label).
    fn empty(names: &[String], multi: BTreeMap<String, bool>, options: AgreeOptions) -> Self {
        let n = names.len();
        let p = pairs(n).len();
        AgreeTally {
            names: names.to_vec(),
            options,
            layer_rows: multi
                .keys()
                .map(|l| (l.clone(), LayerRows::default()))
                .collect(),
            multi,
            labels: Interner::default(),
            values: BTreeMap::new(),
            exact: (0..p).map(|_| SpanTally::new(Matching::Exact)).collect(),
            overlap: (0..p).map(|_| SpanTally::new(Matching::Overlap)).collect(),
            confusion: BTreeMap::new(),
            tag_patterns: FxHashMap::default(),
            tokens: 0,
            token_documents: 0,
            overlaps_resolved: vec![0; n],
            entities: SpanTally::new(Matching::Exact),
            alpha_u: UnitizingTally::new(n),
            units_joined: vec![0; n],
            units: Vec::new(),
            counts: DocumentCounts::default(),
            sides: names
                .iter()
                .map(|s| SideSummary {
                    name: s.clone(),
                    records: 0,
                    decided: 0,
                    not_counted: BTreeMap::new(),
                    reanchored: 0,
                    lost_spans: 0,
                })
                .collect(),
            per_document: SpillList::new(),
            worst: Vec::new(),
            first_doc: None,
            last_doc: None,
        }
    }

    /// Sets how many records each side has (the records of its log, or of a shard).
    pub fn count_records(&mut self, records: &[usize]) {
        for (s, n) in self.sides.iter_mut().zip(records) {
            s.records = *n;
        }
    }

    fn labeled(&mut self, spans: &[Span]) -> Vec<LabeledSpan<u32>> {
        spans
            .iter()
            .map(|s| LabeledSpan::new(s.start, s.end, self.labels.id(&s.label)))
            .collect()
    }

    /// Adds one document.
    ///
    /// # Errors
    /// [`CompareError::Metric`] for spans the metrics reject (empty spans never reach
    /// here: the annotations view drops them as corrupt).
    pub fn add(&mut self, doc: &DocumentSides) -> Result<(), CompareError> {
        let id = &doc.document.id;
        if self.first_doc.is_none() {
            self.first_doc = Some(id.clone());
        }
        self.last_doc = Some(id.clone());
        self.counts.with_records += 1;
        let mut absent = Vec::new();
        for (k, side) in doc.sides.iter().enumerate() {
            match side {
                Ok(r) => {
                    let s = &mut self.sides[k];
                    s.decided += 1;
                    s.lost_spans += r.lost.len();
                    if matches!(
                        r.anchor,
                        annot_model::annotations::Anchor::Reanchored { .. }
                    ) {
                        s.reanchored += 1;
                    }
                }
                Err(why) => {
                    if let Absence::NotCounted(status) = why {
                        *self.sides[k].not_counted.entry(*status).or_insert(0) += 1;
                    }
                    absent.push((self.names[k].clone(), *why));
                }
            }
        }
        if absent.is_empty() {
            self.counts.in_common += 1;
        } else {
            self.counts.not_in_common.push(NotInCommon {
                doc: id.clone(),
                absent,
            });
        }
        let present: Vec<Option<&SideRecord>> = doc.sides.iter().map(|s| s.as_ref().ok()).collect();
        if present.iter().all(Option::is_none) {
            return Ok(());
        }
        let (differing, pair_layers) = self.add_labels(&present);
        let spans: Vec<Option<Vec<LabeledSpan<u32>>>> = present
            .iter()
            .map(|r| r.map(|r| self.labeled(&r.spans)))
            .collect();
        // Spans, pair by pair, over the documents both sides of the pair decided.
        let (mut f1_sum, mut f1_pairs, mut disagreements) = (0.0, 0usize, 0usize);
        let mut any_pair = false;
        // The pair that differs most: (how much, the pair).
        let mut most: Option<(usize, [usize; 2])> = None;
        for (p, (i, j)) in pairs(spans.len()).into_iter().enumerate() {
            let (Some(a), Some(b)) = (&spans[i], &spans[j]) else {
                continue;
            };
            any_pair = true;
            self.exact[p].add(a, b)?;
            self.overlap[p].add(a, b)?;
            for (cell, n) in span_label_confusion([(a.as_slice(), b.as_slice())])? {
                *self.confusion.entry(cell).or_insert(0) += n;
            }
            let tp = exact_matches(a, b);
            let differ = a.len() + b.len() - 2 * tp;
            disagreements += differ;
            let score = differ + pair_layers.get(p).copied().unwrap_or(0);
            if most.is_none_or(|(m, _)| score > m) {
                most = Some((score, [i, j]));
            }
            if !(a.is_empty() && b.is_empty()) {
                f1_sum += 2.0 * tp as f64 / (a.len() + b.len()) as f64;
                f1_pairs += 1;
            }
        }
        if any_pair {
            self.push_score(DocumentScore {
                doc: id.clone(),
                f1: Value::ratio(f1_sum, f1_pairs as f64, Undefined::NoItemsEitherSide),
                spans: spans.iter().map(|s| s.as_ref().map(Vec::len)).collect(),
                disagreements,
                label_layers_differing: differing,
                pair: most.map_or([0, 1], |(_, p)| p),
            });
        }
        if spans.iter().all(Option::is_some) {
            let all: Vec<&[LabeledSpan<u32>]> = spans.iter().flatten().map(Vec::as_slice).collect();
            self.add_tokens(doc, &all)?;
            self.add_units(doc, &all)?;
        }
        Ok(())
    }

    /// Adds a row per label layer; returns the layers on which the deciding sides
    /// differ, and for each pair of sides (in [`pairs`] order) the number of layers on
    /// which both decided and differ.
    fn add_labels(&mut self, present: &[Option<&SideRecord>]) -> (Vec<String>, Vec<usize>) {
        let mut layers: BTreeSet<String> = self.layer_rows.keys().cloned().collect();
        for r in present.iter().flatten() {
            layers.extend(r.labels.keys().cloned());
        }
        let mut differing = Vec::new();
        let side_pairs = pairs(present.len());
        let mut pair_layers = vec![0; side_pairs.len()];
        for layer in layers {
            let values = self.values.entry(layer.clone()).or_default();
            let row: Vec<Option<Vec<u32>>> = present
                .iter()
                .map(|r| {
                    r.map(|r| {
                        let mut set: Vec<u32> = r
                            .labels
                            .get(&layer)
                            .map(|vs| vs.iter().map(|v| values.id(v)).collect())
                            .unwrap_or_default();
                        set.sort_unstable();
                        set.dedup();
                        set
                    })
                })
                .collect();
            let decided: Vec<&Vec<u32>> = row.iter().flatten().collect();
            if decided.windows(2).any(|w| w[0] != w[1]) {
                differing.push(layer.clone());
                for (p, &(i, j)) in side_pairs.iter().enumerate() {
                    if let (Some(a), Some(b)) = (&row[i], &row[j])
                        && a != b
                    {
                        pair_layers[p] += 1;
                    }
                }
            }
            self.layer_rows.entry(layer).or_default().push(row);
        }
        (differing, pair_layers)
    }

    fn add_tokens(
        &mut self,
        doc: &DocumentSides,
        spans: &[&[LabeledSpan<u32>]],
    ) -> Result<(), CompareError> {
        let lang = doc
            .document
            .meta
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(self.options.lang);
        let tokens: Vec<(usize, usize)> = tokenize(&doc.document.text, lang)
            .into_iter()
            .map(|t| (t.start, t.end))
            .collect();
        let mut tags = Vec::with_capacity(spans.len());
        for (k, s) in spans.iter().enumerate() {
            let (t, resolved) = iob2_tags_resolved(&tokens, s)?;
            tags.push(t);
            if let Some(n) = self.overlaps_resolved.get_mut(k) {
                *n += resolved;
            }
        }
        if let [a, b, ..] = tags.as_slice() {
            let (ea, eb) = (strict_entities(a), strict_entities(b));
            self.entities.add(&ea, &eb)?;
        }
        let mut row = vec![0u32; tags.len()];
        for k in 0..tokens.len() {
            for (c, t) in tags.iter().enumerate() {
                row[c] = match &t[k] {
                    Tag::O => 0,
                    Tag::B(l) => 2 * l + 1,
                    Tag::I(l) => 2 * l + 2,
                };
            }
            match self.tag_patterns.get_mut(row.as_slice()) {
                Some(n) => *n += 1,
                None => {
                    self.tag_patterns.insert(row.clone().into_boxed_slice(), 1);
                }
            }
        }
        self.tokens += tokens.len();
        self.token_documents += 1;
        Ok(())
    }

    fn add_units(
        &mut self,
        doc: &DocumentSides,
        spans: &[&[LabeledSpan<u32>]],
    ) -> Result<(), CompareError> {
        self.units.clear();
        for (coder, s) in spans.iter().enumerate() {
            let mut sorted: Vec<&LabeledSpan<u32>> = s.iter().collect();
            sorted.sort_by_key(|x| (x.label, x.start, x.end));
            let mut last: Option<UnitizingUnit<u32>> = None;
            for x in sorted {
                let (start, end) = (x.start as u64, x.end as u64);
                match &mut last {
                    // A coder's overlapping units of one label are joined.
                    Some(u) if u.label == x.label && start < u.end => {
                        u.end = u.end.max(end);
                        if let Some(n) = self.units_joined.get_mut(coder) {
                            *n += 1;
                        }
                    }
                    _ => {
                        if let Some(u) = last.take() {
                            self.units.push(u);
                        }
                        last = Some(UnitizingUnit {
                            coder,
                            start,
                            end,
                            label: x.label,
                        });
                    }
                }
            }
            if let Some(u) = last {
                self.units.push(u);
            }
        }
        let length = doc.document.text.chars().count() as u64;
        self.alpha_u.add(length, &self.units)?;
        Ok(())
    }

    /// The report of the documents added, with what the walk skipped.
    ///
    /// # Errors
    /// [`CompareError::Metric`] for malformed metric input (a bug, reported rather than hidden).
    pub fn finish(mut self, skipped: Skipped) -> Result<AgreeReport, CompareError> {
        self.counts.skipped = skipped;
        let n = self.names.len();
        let label_name = |names: &Interner, s: SpanScores<u32>| SpanScores {
            micro: s.micro,
            macro_avg: s.macro_avg,
            weighted: s.weighted,
            per_label: s
                .per_label
                .into_iter()
                .map(|(l, v)| (names.name(l), v))
                .collect(),
        };
        let mut labels = Vec::new();
        for (layer, stored) in &self.layer_rows {
            let rows: Vec<(&Row, u64)> = stored.counted().collect();
            let rows = rows.as_slice();
            let values = self.values.get(layer);
            let multi = self.multi.get(layer).copied().unwrap_or(true);
            let figures = if multi {
                LayerFigures::Multi(set_figures(n, rows, values)?)
            } else {
                LayerFigures::Single(nominal_figures(n, rows)?)
            };
            labels.push(LayerReport {
                layer: layer.clone(),
                figures,
            });
        }
        let pairwise = |tallies: &[SpanTally<u32>]| {
            if n < 3 {
                return None;
            }
            let mut matrix = vec![vec![Value::Undefined(Undefined::NoItemsEitherSide); n]; n];
            let (mut sum, mut count) = (0.0, 0);
            for (p, (i, j)) in pairs(n).into_iter().enumerate() {
                let f1 = tallies[p].scores().micro.f1;
                matrix[i][j] = f1;
                matrix[j][i] = f1;
                if let Value::Defined(v) = f1 {
                    sum += v;
                    count += 1;
                }
            }
            for (i, row) in matrix.iter_mut().enumerate() {
                row[i] = Value::Defined(1.0);
            }
            Some(PairwiseF1 {
                matrix,
                mean: Value::ratio(sum, f64::from(count), Undefined::NoItemsEitherSide),
                pairs: count as usize,
            })
        };
        let first = |tallies: &[SpanTally<u32>], m| {
            tallies
                .first()
                .map_or_else(|| SpanTally::new(m).scores(), SpanTally::scores)
        };
        let pairs_scores = if n < 3 {
            Vec::new()
        } else {
            pairs(n)
                .into_iter()
                .enumerate()
                .map(|(p, (i, j))| PairScores {
                    a: self.names[i].clone(),
                    b: self.names[j].clone(),
                    exact: label_name(&self.labels, self.exact[p].scores()),
                    overlap: label_name(&self.labels, self.overlap[p].scores()),
                })
                .collect()
        };
        let spans = SpanReport {
            pairs: pairs_scores,
            exact: label_name(&self.labels, first(&self.exact, Matching::Exact)),
            overlap: label_name(&self.labels, first(&self.overlap, Matching::Overlap)),
            pairwise_exact: pairwise(&self.exact),
            pairwise_overlap: pairwise(&self.overlap),
            confusion: self
                .confusion
                .iter()
                .map(|(&(a, b), &count)| ConfusionCell {
                    a: self.labels.name(a),
                    b: self.labels.name(b),
                    count,
                })
                .collect(),
        };
        let mut patterns: Vec<(Vec<Option<u32>>, u64)> = self
            .tag_patterns
            .iter()
            .map(|(row, &k)| (row.iter().map(|&t| Some(t)).collect(), k))
            .collect();
        patterns.sort_unstable();
        let tokens = TokenReport {
            sides: self.names.clone(),
            documents: self.token_documents,
            tokens: self.tokens,
            overlaps_resolved: self.overlaps_resolved.clone(),
            cohen_kappa: (n == 2).then(|| {
                let cells: Vec<(u32, u32, u64)> = patterns
                    .iter()
                    .map(|(r, k)| (r[0].unwrap_or(0), r[1].unwrap_or(0), *k))
                    .collect();
                cohen_kappa_counted(&cells)
            }),
            krippendorff_alpha: krippendorff_alpha_counted(n, &patterns, DistanceMetric::Nominal)?,
            entities: label_name(&self.labels, self.entities.scores()),
            entities_a: self.names.first().cloned().unwrap_or_default(),
            entities_b: self.names.get(1).cloned().unwrap_or_default(),
        };
        let raw = self.alpha_u.alpha();
        let alpha_u = AlphaUReport {
            figures: UnitizedAlpha {
                overall: raw.overall,
                per_label: raw
                    .per_label
                    .into_iter()
                    .map(|(l, v)| (self.labels.name(l), v))
                    .collect(),
            },
            joined: self.units_joined.clone(),
        };
        let worst = self.worst();
        self.per_document.check()?;
        self.counts.not_in_common.check()?;
        Ok(AgreeReport {
            sides: self.sides,
            documents: self.counts,
            labels,
            spans,
            tokens,
            alpha_u,
            per_document: self.per_document,
            worst,
        })
    }

    /// Keeps `score` in the per-document list, and among the least-agreeing documents
    /// when it is one of the `options.worst` worst so far (a bounded list, so the worst
    /// documents of any corpus are found in the memory of a few).
    pub(crate) fn push_score(&mut self, score: DocumentScore) {
        if (score.disagreements > 0 || !score.label_layers_differing.is_empty())
            && self.options.worst > 0
        {
            let at = self
                .worst
                .partition_point(|w| worse_first(w, &score) != std::cmp::Ordering::Greater);
            if at < self.options.worst {
                self.worst.insert(at, score.clone());
                self.worst.truncate(self.options.worst);
            }
        }
        self.per_document.push(score);
    }

    fn worst(&self) -> Vec<WorstDocument> {
        let order = &self.worst;
        let name = |k: usize| self.names.get(k).cloned().unwrap_or_default();
        order
            .iter()
            .map(|d| {
                // `annot diff` takes two sides: the pair that differs most there.
                let (a, b) = (name(d.pair[0]), name(d.pair[1]));
                WorstDocument {
                    doc: d.doc.clone(),
                    f1: d.f1,
                    disagreements: d.disagreements,
                    label_layers_differing: d.label_layers_differing.clone(),
                    command: format!(
                        "annot diff {} {} --doc {}",
                        shell_word(&a),
                        shell_word(&b),
                        shell_word(&d.doc)
                    ),
                    a,
                    b,
                }
            })
            .collect()
    }
}

/// The order of the least-agreeing list: lower F1 first, then more spans not matched,
/// then more label layers differing, then by id.
fn worse_first(x: &DocumentScore, y: &DocumentScore) -> std::cmp::Ordering {
    let f = |d: &DocumentScore| d.f1.get().unwrap_or(1.0);
    f(x).total_cmp(&f(y))
        .then(y.disagreements.cmp(&x.disagreements))
        .then(
            y.label_layers_differing
                .len()
                .cmp(&x.label_layers_differing.len()),
        )
        .then(x.doc.cmp(&y.doc))
}

/// `s` quoted for a POSIX shell when it needs it.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.@:/+=,".contains(c))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Exact matches (multiset intersection) of two documents' spans.
fn exact_matches(a: &[LabeledSpan<u32>], b: &[LabeledSpan<u32>]) -> usize {
    let key = |s: &LabeledSpan<u32>| (s.start, s.end, s.label);
    let mut x: Vec<_> = a.iter().map(key).collect();
    let mut y: Vec<_> = b.iter().map(key).collect();
    x.sort_unstable();
    y.sort_unstable();
    let (mut i, mut j, mut tp) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                tp += 1;
                i += 1;
                j += 1;
            }
        }
    }
    tp
}

fn nominal_figures(n: usize, rows: &[(&Row, u64)]) -> Result<NominalFigures, CompareError> {
    // An empty single-label layer is no decision; a second value (the schema says
    // single, the record has two) is not a category of its own: the first one counts.
    let single: Vec<(Vec<Option<u32>>, u64)> = rows
        .iter()
        .map(|(r, k)| {
            let cells = r
                .iter()
                .map(|c| c.as_ref().and_then(|s| s.first().copied()))
                .collect();
            (cells, *k)
        })
        .collect();
    let data = ReliabilityData::from_counted(n, single.iter().map(|(r, k)| (r, *k)))?;
    let complete = single
        .iter()
        .filter(|(r, _)| r.iter().all(Option::is_some))
        .map(|(r, k)| (r, *k));
    let full = ReliabilityData::from_counted(n, complete)?;
    Ok(NominalFigures {
        observed: observed_agreement(&data),
        cohen_kappa: (n == 2).then(|| cohen_kappa(&data)).transpose()?,
        scott_pi: (n == 2).then(|| scott_pi(&data)).transpose()?,
        fleiss_kappa: fleiss_kappa(&full)?,
        krippendorff_alpha: krippendorff_alpha(&data, DistanceMetric::Nominal),
        gwet_ac1: gwet_ac1(&data),
    })
}

fn set_figures(
    n: usize,
    rows: &[(&Row, u64)],
    values: Option<&Interner>,
) -> Result<SetFigures, CompareError> {
    let data = SetData::from_counted(n, rows.iter().map(|(r, k)| ((*r).clone(), *k)))?;
    // The whole set as one category, for observed agreement.
    let mut sets: BTreeMap<&Vec<u32>, u32> = BTreeMap::new();
    for set in rows.iter().flat_map(|(r, _)| r.iter()).flatten() {
        let next = u32::try_from(sets.len()).unwrap_or(u32::MAX);
        sets.entry(set).or_insert(next);
    }
    let as_category: Vec<(Vec<Option<u32>>, u64)> = rows
        .iter()
        .map(|(r, k)| {
            let cells = r
                .iter()
                .map(|c| c.as_ref().and_then(|s| sets.get(s).copied()))
                .collect();
            (cells, *k)
        })
        .collect();
    let whole = ReliabilityData::from_counted(n, as_category.iter().map(|(r, k)| (r, *k)))?;
    Ok(SetFigures {
        observed: observed_agreement(&whole),
        alpha_masi: set_alpha(&data, SetDistance::Masi),
        alpha_jaccard: set_alpha(&data, SetDistance::Jaccard),
        per_value: per_value_alpha(&data)
            .into_iter()
            .map(|(v, a)| (values.map(|i| i.name(v)).unwrap_or_default(), a))
            .collect(),
    })
}

/// The agreement report of `sides` over `corpus`: every document walked once.
///
/// # Errors
/// An unreadable corpus, or malformed metric input.
pub fn agree(
    sides: &[Side],
    corpus: &annot_model::corpus::Corpus,
    schema: &Schema,
    selection: &crate::compare::Selection,
    options: AgreeOptions,
) -> Result<AgreeReport, CompareError> {
    let mut tally = AgreeTally::new(sides, schema, options);
    let skipped =
        crate::compare::for_each_document(sides, corpus, selection, |doc| tally.add(&doc))?;
    tally.finish(skipped)
}
