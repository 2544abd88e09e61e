//! Agreement as a map and a reduce over JSON lines, for Spark's `RDD.pipe` or
//! Hadoop streaming: [`agree_shard`] turns a shard of [`DocumentLine`]s into
//! its [`AgreeStats`]; [`combine`] sums the shards' statistics into the report
//! `annot agree` prints for the whole corpus.
//!
//! A [`DocumentLine`] is a document with each side's latest record on it (and
//! the older versions of the document those records were made on, if any):
//! what [`document_lines`] writes from a project, and what a cluster job makes
//! by joining corpus lines and records on the document id. Shards must be runs
//! of lines in id order (a range partition of the lines sorted by id).

use std::collections::BTreeMap;
use std::io::BufRead;

use annot_model::corpus::Corpus;
pub use annot_model::stream::DocumentLine;
use annot_model::{Schema, Status};

use crate::CompareError;
use crate::agree::{AgreeOptions, AgreeReport, AgreeStats, AgreeTally};
use crate::compare::{DocumentSides, Skipped, decision};
use crate::side::Side;

/// The [`DocumentLine`]s of `sides` over `corpus`, in id order: every document
/// some side has a record of, with each side's latest record.
///
/// # Errors
/// An unreadable corpus or log, or the sink's error.
pub fn document_lines(
    sides: &[Side],
    corpus: &Corpus,
    sink: &mut dyn FnMut(&DocumentLine) -> Result<(), CompareError>,
) -> Result<(), CompareError> {
    let ids = annot_model::store::union_sorted(
        sides
            .iter()
            .map(|s| Box::new(s.records.documents()) as Box<dyn Iterator<Item = String>>)
            .collect(),
    );
    for id in ids {
        let id = id.as_str();
        if corpus.entry(id).is_none() {
            continue;
        }
        let document = corpus.get(id)?;
        let mut line = DocumentLine {
            document,
            versions: Vec::new(),
            position: corpus.position(id),
            records: BTreeMap::new(),
        };
        for side in sides {
            if let Some(record) = side.records.get(id)? {
                if record.hash != line.document.hash
                    && !line.versions.iter().any(|v| v.hash == record.hash)
                    && let Some(old) = corpus.version(id, &record.hash)?
                {
                    line.versions.push(old);
                }
                line.records.insert(side.name.clone(), record);
            }
        }
        sink(&line)?;
    }
    Ok(())
}

/// Which sides and records a shard's agreement is over.
#[derive(Debug, Clone)]
pub struct ShardSelection<'a> {
    /// The sides, by the names the lines' records use.
    pub sides: &'a [String],
    /// The statuses whose records count.
    pub statuses: &'a [Status],
}

/// The map: the agreement statistics of one shard of [`DocumentLine`]s, each
/// side's record resolved onto the document's text as the project walk does.
///
/// # Errors
/// [`CompareError::StreamLine`] for a line that is not a document line, or one
/// out of id order; metric errors as [`AgreeTally::add`].
pub fn agree_shard(
    input: impl BufRead,
    selection: &ShardSelection<'_>,
    schema: &Schema,
    options: AgreeOptions,
) -> Result<AgreeStats, CompareError> {
    let mut tally = AgreeTally::with_names(selection.sides, schema, options);
    let mut records = vec![0usize; selection.sides.len()];
    let mut last: Option<String> = None;
    for (i, line) in input.lines().enumerate() {
        let n = i + 1;
        let bad = |reason: String| CompareError::StreamLine { line: n, reason };
        let line = line.map_err(|e| bad(format!("cannot read the line: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc = DocumentLine::parse(&line).map_err(bad)?;
        let id = doc.document.id.clone();
        if let Some(before) = &last
            && id <= *before
        {
            return Err(bad(format!(
                "document '{id}' comes after '{before}': a shard's lines must be in id order \
                 (sort them by document id before partitioning)"
            )));
        }
        let mut sides = Vec::with_capacity(selection.sides.len());
        for (k, name) in selection.sides.iter().enumerate() {
            let resolved = doc.resolve(name);
            records[k] += usize::from(resolved.is_some());
            sides.push(decision(resolved, selection.statuses));
        }
        last = Some(id);
        // As the project walk: only documents some side has a record of.
        if !selection.sides.iter().any(|s| doc.records.contains_key(s)) {
            continue;
        }
        tally.add(&DocumentSides {
            document: doc.document,
            sides,
        })?;
    }
    tally.count_records(&records);
    tally.stats()
}

/// The reduce: the statistics of shards, in id order, summed into one (which
/// can be combined again: a tree of reduces gives the same sum).
///
/// # Errors
/// [`CompareError::ShardsDiffer`], [`CompareError::ShardOrder`]; none given is
/// [`CompareError::StreamLine`].
pub fn sum(
    shards: impl IntoIterator<Item = AgreeStats>,
    options: AgreeOptions,
) -> Result<AgreeTally, CompareError> {
    let mut shards = shards.into_iter();
    let Some(first) = shards.next() else {
        return Err(CompareError::StreamLine {
            line: 0,
            reason: "no statistics: give the lines `annot stream agree` wrote".into(),
        });
    };
    let mut tally = AgreeTally::for_stats(&first, options);
    tally.absorb(&first)?;
    for next in shards {
        tally.absorb(&next)?;
    }
    Ok(tally)
}

/// The report of the shards' statistics: what `annot agree` gives over the whole corpus.
///
/// # Errors
/// As [`sum`] and [`AgreeTally::finish`].
pub fn combine(
    shards: impl IntoIterator<Item = AgreeStats>,
    options: AgreeOptions,
) -> Result<AgreeReport, CompareError> {
    sum(shards, options)?.finish(Skipped::default())
}
