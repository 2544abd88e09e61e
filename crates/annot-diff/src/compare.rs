//! The documents the sides are compared on, each side's record resolved onto the current text.
//!
//! Records are matched by document id. Each side's latest record (as of its time) is
//! resolved with [`annot_model::annotations`]: a record made on an older text is carried
//! onto the current one, and the spans that cannot be carried are listed
//! ([`SideRecord::lost`]), never moved silently or counted. A record counts only when
//! its status is one of [`Selection::statuses`] (`accepted` by default); a side whose
//! record does not count has no decision on that document ([`Absence`]).
//!
//! Documents come one at a time in id order ([`for_each_document`]): the corpus and the
//! logs are read document by document (the view reads a record when it is asked for),
//! never held whole.

use std::collections::BTreeMap;

use annot_model::annotations::{Anchor, LostSpan, Resolved};
use annot_model::corpus::Corpus;
use annot_model::filter::Filter;
use annot_model::store::union_sorted;
use annot_model::{Document, Span, Status, ZoneSpan};
use serde::Serialize;

use crate::CompareError;
use crate::side::Side;

/// Which records and documents are compared.
#[derive(Debug, Clone)]
pub struct Selection {
    /// Statuses whose records count (default: accepted only).
    pub statuses: Vec<Status>,
    /// The `--filter` conditions; a `status=` condition must hold for every side's record.
    pub filter: Filter,
    /// Only these documents (`--doc`), when given.
    pub documents: Vec<String>,
}

impl Default for Selection {
    fn default() -> Self {
        Selection {
            statuses: vec![Status::Accepted],
            filter: Filter::default(),
            documents: Vec::new(),
        }
    }
}

/// Why a side has no decision on a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize)]
#[serde(tag = "absence", content = "status", rename_all = "snake_case")]
pub enum Absence {
    /// The side has no record of the document.
    NoRecord,
    /// The side's record has a status that does not count (rejected, skipped, ...).
    NotCounted(Status),
}

impl std::fmt::Display for Absence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Absence::NoRecord => f.write_str("no record"),
            Absence::NotCounted(s) => write!(f, "{}", s.as_str()),
        }
    }
}

/// One side's decision on a document, on the current text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideRecord {
    /// The record's status (one that counts).
    pub status: Status,
    /// Spans on the current text, sorted by (start, end, label).
    pub spans: Vec<Span>,
    /// Document labels: layer -> values.
    pub labels: BTreeMap<String, Vec<String>>,
    /// How the record stands against the current text.
    pub anchor: Anchor,
    /// Spans that could not be carried onto the current text (not compared).
    pub lost: Vec<LostSpan>,
    /// Zone corrections, or `None` when the imported zones stand.
    pub zones: Option<Vec<ZoneSpan>>,
    /// Zone corrections made on an older text, left out (the zones of the new text differ).
    pub dropped_zones: Option<Vec<ZoneSpan>>,
}

/// A document and what each side decided on it, in side order.
#[derive(Debug)]
pub struct DocumentSides {
    /// The current version of the document.
    pub document: Document,
    /// Per side: its decision, or why it has none.
    pub sides: Vec<Result<SideRecord, Absence>>,
}

impl DocumentSides {
    /// Whether every side has a decision.
    #[must_use]
    pub fn in_common(&self) -> bool {
        self.sides.iter().all(Result::is_ok)
    }
}

/// What the walk over the documents skipped, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Skipped {
    /// Documents with records that the corpus does not have (any more), sorted.
    pub not_in_corpus: Vec<String>,
    /// Documents left out by `--filter`.
    pub filtered_out: usize,
}

/// Calls `visit` for every document some side has a record of (or only the `--doc`
/// documents), in id order, with each side's record resolved onto the current text.
///
/// Documents no side has a counting record of are still visited (every side absent),
/// so a caller can say a side rejected or skipped them.
///
/// # Errors
/// An unreadable corpus file, or whatever `visit` returns.
pub fn for_each_document(
    sides: &[Side],
    corpus: &Corpus,
    selection: &Selection,
    mut visit: impl FnMut(DocumentSides) -> Result<(), CompareError>,
) -> Result<Skipped, CompareError> {
    let ids: Box<dyn Iterator<Item = String>> = if selection.documents.is_empty() {
        // Each side's ids come sorted: merged, not collected (a corpus of any size).
        Box::new(union_sorted(
            sides
                .iter()
                .map(|s| Box::new(s.records.documents()) as Box<dyn Iterator<Item = String>>)
                .collect(),
        ))
    } else {
        let mut ids: Vec<String> = selection.documents.clone();
        ids.sort_unstable();
        ids.dedup();
        Box::new(ids.into_iter())
    };
    let mut skipped = Skipped::default();
    for id in ids {
        let id = id.as_str();
        let Some(entry) = corpus.entry(id) else {
            skipped.not_in_corpus.push(id.to_owned());
            continue;
        };
        if !sides
            .iter()
            .all(|s| selection.filter.matches_status(id, s.records.status_of(id)))
        {
            skipped.filtered_out += 1;
            continue;
        }
        let document = corpus.read_entry(&entry)?;
        if selection.filter.needs_document() && !selection.filter.matches_document(&document) {
            skipped.filtered_out += 1;
            continue;
        }
        let mut decided = Vec::with_capacity(sides.len());
        for side in sides {
            let resolved = side.records.resolve(id, Some(&document), corpus)?;
            decided.push(decision(resolved, &selection.statuses));
        }
        visit(DocumentSides {
            document,
            sides: decided,
        })?;
    }
    Ok(skipped)
}

/// A side's decision on a document from its resolved record: what counts, with
/// its spans sorted, or why it has none. The one rule for the project walk and streams.
pub(crate) fn decision(
    resolved: Option<Resolved>,
    statuses: &[Status],
) -> Result<SideRecord, Absence> {
    match resolved {
        None => Err(Absence::NoRecord),
        Some(r) if !statuses.contains(&r.record.status) => {
            Err(Absence::NotCounted(r.record.status))
        }
        Some(r) => {
            let mut spans = r.record.spans;
            spans.sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
            Ok(SideRecord {
                status: r.record.status,
                spans,
                labels: r.record.labels,
                anchor: r.anchor,
                lost: r.lost,
                zones: r.record.zones,
                dropped_zones: r.dropped_zones,
            })
        }
    }
}
