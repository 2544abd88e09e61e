//! What an export wrote, per split, for stderr and `--json`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::preflight::Report;

/// Documents a selection left out, by reason.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LeftOut {
    /// Documents whose records all have a status not exported (`--status`).
    pub status: usize,
    /// Documents `--filter` did not match.
    pub filtered: usize,
    /// Records of documents the corpus no longer has.
    pub orphaned: usize,
}

impl LeftOut {
    /// Adds the counts of `other`.
    pub(crate) fn absorb(&mut self, other: LeftOut) {
        let LeftOut {
            status,
            filtered,
            orphaned,
        } = other;
        self.status += status;
        self.filtered += filtered;
        self.orphaned += orphaned;
    }
}

/// One split as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SplitSummary {
    /// Split name (`train`, ..., or `all`).
    pub name: String,
    /// The file written, relative to the output directory (`None` on stdout).
    pub file: Option<String>,
    /// When the split was written as a folder of parts (a spaCy split past
    /// one DocBin) at `file`: how many.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parts: Option<usize>,
    /// Documents.
    pub documents: usize,
    /// Tokens (white space not counted).
    pub tokens: usize,
    /// Spans.
    pub spans: usize,
    /// Spans per label.
    pub spans_per_label: BTreeMap<String, usize>,
    /// Documents per document label, `layer:value`.
    pub document_labels: BTreeMap<String, usize>,
    /// Distinct `--group-by` groups.
    pub groups: usize,
    /// Near-duplicate clusters (two documents or more) held together in this split.
    pub near_duplicate_clusters: usize,
    #[serde(skip)]
    pub(crate) group_keys: BTreeSet<String>,
    #[serde(skip)]
    pub(crate) cluster_ids: BTreeSet<usize>,
}

/// A split that misses its weight by more than 10 points of percent.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct OffWeights {
    /// The split furthest from its weight.
    pub split: String,
    /// Its share of the documents, in percent.
    pub share: f64,
    /// Its weight, in percent.
    pub weight: f64,
    /// The largest near-duplicate cluster (held in one split): the likely cause.
    pub largest_cluster: LargestCluster,
    /// Whether `--group-by` was given: a near-duplicate then holds every group
    /// it touches in its split too, so what is held together can be larger.
    pub grouped: bool,
}

/// Documents `--group-by` found no value for: each is a group of its own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Ungrouped {
    /// The key, `meta.KEY`.
    pub key: String,
    /// How many documents have no value for it.
    pub documents: usize,
    /// The first of them written.
    pub first: String,
}

/// The largest near-duplicate cluster of a split export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct LargestCluster {
    /// Its documents.
    pub documents: usize,
    /// Its first document written.
    pub first: String,
    /// The split that holds it.
    pub split: String,
}

/// The outcome of an export.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// A split far from its weight (a warning), if any.
    pub off_weights: Option<OffWeights>,
    /// Documents without a value for `--group-by` (a warning), if any.
    pub ungrouped: Option<Ungrouped>,
    /// The format written.
    pub format: String,
    /// Whose records, and how combined.
    pub source: String,
    /// Documents written, over all splits.
    pub documents: usize,
    /// Each split, in the order given.
    pub splits: Vec<SplitSummary>,
    /// Documents left out, by reason.
    pub left_out: LeftOut,
    /// What the pre-flight changed or set aside.
    pub preflight: Report,
    /// Files written beside the splits (`labels.json`).
    pub side_files: Vec<String>,
    /// Files of the earlier export into the same directory that this one did not
    /// write again, removed (see [`crate::manifest`]).
    pub removed: Vec<String>,
}

impl Summary {
    /// A few lines for a person, for stderr.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut out = format!(
            "exported {} document(s) as {} from {}\n",
            self.documents, self.format, self.source
        );
        for s in &self.splits {
            let labels: Vec<String> = s
                .spans_per_label
                .iter()
                .map(|(l, n)| {
                    let share = if s.spans == 0 {
                        0.0
                    } else {
                        100.0 * *n as f64 / s.spans as f64
                    };
                    format!("{l} {n} ({share:.0}%)")
                })
                .collect();
            out.push_str(&format!(
                "  {:<6} {:>6} docs {:>8} tokens {:>6} spans{}{}{}{}\n",
                s.name,
                s.documents,
                s.tokens,
                s.spans,
                if labels.is_empty() {
                    String::new()
                } else {
                    format!(": {}", labels.join(", "))
                },
                if s.groups > 0 {
                    format!(" · {} group(s)", s.groups)
                } else {
                    String::new()
                },
                if s.near_duplicate_clusters > 0 {
                    format!(
                        " · {} near-duplicate cluster(s) held together",
                        s.near_duplicate_clusters
                    )
                } else {
                    String::new()
                },
                match (&s.file, s.parts) {
                    (Some(f), Some(n)) =>
                        format!(" -> {f}/ ({n} parts: a folder spaCy reads as one corpus)"),
                    (Some(f), None) => format!(" -> {f}"),
                    (None, _) => String::new(),
                },
            ));
        }
        if let Some(o) = &self.off_weights {
            out.push_str(&format!(
                "  warning: split {} holds {:.1}% of the documents for a weight of {:.0}%",
                o.split, o.share, o.weight
            ));
            let c = &o.largest_cluster;
            out.push_str(&format!(
                ": the largest near-duplicate cluster, {} document(s) like {}, is held together in {}{}; \
                 look for a repeated text (a template, boilerplate) or export with --no-near-duplicates\n",
                c.documents,
                c.first,
                c.split,
                if o.grouped {
                    " with every --group-by group it touches (near-duplicates in two groups join \
                     them into one unit, which can hold many more documents)"
                } else {
                    ""
                }
            ));
        }
        if let Some(u) = &self.ungrouped {
            out.push_str(&format!(
                "  warning: {} document(s) have no {} (the first: {}): each is a group of its own, \
                 split by itself; give them the key, or leave --group-by out\n",
                u.documents, u.key, u.first
            ));
        }
        let l = &self.left_out;
        if l.status + l.filtered + l.orphaned > 0 {
            out.push_str(&format!(
                "  left out: {} by status, {} by --filter, {} not in the corpus\n",
                l.status, l.filtered, l.orphaned
            ));
        }
        // The export checked the report's temporary files before returning it.
        let p = &self.preflight;
        for m in p.snapped.iter().filter_map(Result::ok) {
            let to = m.nearest.as_ref().map_or(String::new(), |n| {
                format!(" -> [{}, {}) {:?}", n.start, n.end, n.text)
            });
            out.push_str(&format!(
                "  snapped {} {} [{}, {}) {:?}{to}\n",
                m.doc, m.label, m.span.start, m.span.end, m.span.text
            ));
        }
        for m in p.dropped_misaligned.iter().filter_map(Result::ok) {
            out.push_str(&format!(
                "  dropped misaligned {} {} [{}, {}) {:?}\n",
                m.doc, m.label, m.span.start, m.span.end, m.span.text
            ));
        }
        for d in p.dropped_overlapping.iter().filter_map(Result::ok) {
            out.push_str(&format!(
                "  dropped overlapping {} {} [{}, {}) {:?}\n",
                d.doc, d.label, d.span.start, d.span.end, d.span.text
            ));
        }
        for c in p.crossing_zones.iter().filter_map(Result::ok) {
            out.push_str(&format!(
                "  not written: {} {} [{}, {}) {:?} lies across the edge of a kept zone\n",
                c.doc, c.span.label, c.span.start, c.span.end, c.span.text
            ));
        }
        if p.outside_zones > 0 {
            out.push_str(&format!(
                "  {} span(s) in left-out zones not written (see --zones)\n",
                p.outside_zones
            ));
        }
        if p.lost_on_reanchor > 0 {
            out.push_str(&format!(
                "  {} span(s) could not be carried onto changed texts (annot check lists them)\n",
                p.lost_on_reanchor
            ));
        }
        if !self.removed.is_empty() {
            out.push_str(&format!(
                "  removed (written by the earlier export into this directory, not by this one): {}\n",
                self.removed.join(", ")
            ));
        }
        out
    }
}
