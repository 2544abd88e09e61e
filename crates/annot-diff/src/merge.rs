//! `annot merge A B [C ...] --into NAME`: one annotator log combined from several sides.
//!
//! Each document some side decided is combined by [`annot_model::combine::settle`], the
//! rule `annot export --from a,b --strategy` applies too. What the strategy settles
//! becomes an `accepted` record of the target; a document with something left open
//! (a contested span or value, a side's span that could not be carried onto the current
//! text, differing zone corrections) becomes a `flagged` record that holds what was
//! settled and lists the options (`provenance.contested`, `lost`, `zone_options`, and a
//! note in words), so `annot adjudicate` and `annot annotate --filter status=flagged`
//! find it. Every record says where its spans and values came from
//! ([`annot_model::combine::Provenance`]).
//!
//! The target log is only appended to, through the store's fsynced writer, under its
//! lock. A document whose latest target record is the same merge result is left alone,
//! so a second run adds nothing; one whose latest target record was made by hand
//! (annotate, adjudicate) is never overwritten.

use std::collections::BTreeMap;

use annot_model::combine::{
    Contested, Item, LostOption, Method, Provenance, Rules, Strategy, Vote, ZoneOption, settle,
};
use annot_model::corpus::Corpus;
use annot_model::record::{Record, Status};
use annot_model::store::{AnnotatorLog, Batch, LogIndex};
use serde::Serialize;

use crate::CompareError;
use crate::compare::{Selection, Skipped, for_each_document};
use crate::side::Side;

/// How to merge.
#[derive(Debug, Clone)]
pub struct MergeConfig {
    /// The strategy (its `prefer:NAME` names a side as written).
    pub strategy: Strategy,
    /// What the schema says about clashes.
    pub rules: Rules,
    /// `name@version` of the schema, for the records.
    pub schema: String,
}

/// The log a merge goes into.
#[derive(Debug)]
pub enum Target<'a> {
    /// The target log, opened (and so locked) by the caller: records are appended.
    Log(&'a mut AnnotatorLog),
    /// `--dry-run`: the target log's index, read only (an empty one when the log does
    /// not exist; nothing is created or locked): computed and reported, nothing written.
    DryRun(&'a LogIndex),
}

impl Target<'_> {
    fn path(&self) -> &std::path::Path {
        match self {
            Target::Log(log) => log.path(),
            Target::DryRun(index) => index.path(),
        }
    }

    /// The target's latest record of `doc`.
    fn latest(&self, doc: &str) -> annot_model::error::Result<Option<Record>> {
        match self {
            Target::Log(log) => log.get(doc),
            Target::DryRun(index) => index.read(doc),
        }
    }

    /// The time of a record on `doc` made now (a dry run writes none: no time).
    fn stamp(&self, doc: &str) -> String {
        match self {
            Target::Log(log) => log.stamp(doc),
            Target::DryRun(_) => String::new(),
        }
    }

    /// Appends `batch` (a dry run only empties it).
    fn commit(&mut self, batch: &mut Batch) -> annot_model::error::Result<()> {
        match self {
            Target::Log(log) => log.commit(batch),
            Target::DryRun(_) => Ok(()),
        }
    }
}

/// What happened to one document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// A new accepted record.
    Accepted,
    /// A new flagged record (something left open).
    Flagged,
    /// The target's latest record is already this result.
    Unchanged,
    /// The target's latest record was made by hand; left as it is.
    ByHand,
    /// No side has a decision that counts.
    NotDecided,
}

impl Outcome {
    /// The outcome as in JSON: `accepted`, `flagged`, `unchanged`, `by_hand`, `not_decided`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Accepted => "accepted",
            Outcome::Flagged => "flagged",
            Outcome::Unchanged => "unchanged",
            Outcome::ByHand => "by_hand",
            Outcome::NotDecided => "not_decided",
        }
    }
}

/// One document of the report.
#[derive(Debug, Clone, Serialize)]
pub struct MergedDocument {
    /// Document id.
    pub doc: String,
    /// What happened.
    pub outcome: Outcome,
    /// Spans and values left open (on a flagged record).
    pub contested: Vec<Contested>,
    /// Sides' spans that could not be carried onto the current text.
    pub lost: Vec<LostOption>,
    /// Whether the sides' zone corrections differ.
    pub zones_differ: bool,
    /// Sides without a decision that counts, when too few decided for the strategy
    /// (`alice: rejected`).
    pub undecided: Vec<String>,
}

/// What `annot merge` did.
#[derive(Debug, Clone, Serialize)]
pub struct MergeReport {
    /// The target annotator.
    pub into: String,
    /// The strategy, in words.
    pub strategy: String,
    /// The sides, as written.
    pub sides: Vec<String>,
    /// Whether nothing was written (`--dry-run`).
    pub dry_run: bool,
    /// Records appended (or that would be, with `--dry-run`).
    pub written: usize,
    /// Documents per outcome.
    pub outcomes: BTreeMap<String, usize>,
    /// Spans of the records written, per provenance (`alice+bob`).
    pub spans_by_provenance: BTreeMap<String, usize>,
    /// Every document flagged or left as decided by hand, in id order (the others are
    /// counted in `outcomes`).
    pub documents: Vec<MergedDocument>,
    /// What the walk skipped.
    pub skipped: Skipped,
}

/// Checks that no side reads the target's log (`--into alice` with side `alice`,
/// `alice@2026-11-20` or `annotations/alice.jsonl`), before anything is written.
///
/// # Errors
/// [`CompareError::IntoIsASide`].
pub fn check_target(
    sides: &[Side],
    into: &str,
    into_path: &std::path::Path,
) -> Result<(), CompareError> {
    let same_file = |p: &std::path::Path| match (p.canonicalize(), into_path.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => p == into_path,
    };
    match sides
        .iter()
        .find(|s| s.spec.annotator() == Some(into) || same_file(&s.records.path))
    {
        Some(s) => Err(CompareError::IntoIsASide {
            into: into.to_owned(),
            side: s.name.clone(),
        }),
        None => Ok(()),
    }
}

/// Checks the target ([`check_target`]) and that the strategy fits the sides.
///
/// # Errors
/// [`CompareError::IntoIsASide`], [`CompareError::PreferNotASide`], [`CompareError::MinAgree`].
pub fn check_config(
    sides: &[Side],
    into: &str,
    into_path: &std::path::Path,
    strategy: &Strategy,
) -> Result<(), CompareError> {
    check_target(sides, into, into_path)?;
    let names: Vec<String> = sides.iter().map(|s| s.name.clone()).collect();
    match strategy {
        Strategy::Prefer(name) if !names.contains(name) => Err(CompareError::PreferNotASide {
            name: name.clone(),
            sides: names.join(", "),
        }),
        Strategy::Majority { min_agree: Some(k) } if *k == 0 || *k > names.len() => {
            Err(CompareError::MinAgree {
                k: *k,
                sides: names.len(),
            })
        }
        _ => Ok(()),
    }
}

/// Merges `sides` into `target`.
///
/// # Errors
/// A bad configuration (see [`check_config`]), an unreadable corpus, or a failed append
/// (records are written in batches of whole lines, one write and one fsync each; a run
/// cut short is finished by running it again).
pub fn merge(
    sides: &[Side],
    corpus: &Corpus,
    selection: &Selection,
    config: &MergeConfig,
    mut target: Target<'_>,
) -> Result<MergeReport, CompareError> {
    let into = target
        .path()
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    check_config(sides, &into, target.path(), &config.strategy)?;
    let dry_run = matches!(target, Target::DryRun(_));
    let panel: Vec<String> = sides.iter().map(|s| s.name.clone()).collect();
    let mut report = MergeReport {
        into: into.clone(),
        strategy: config.strategy.to_string(),
        sides: panel.clone(),
        dry_run,
        written: 0,
        outcomes: BTreeMap::new(),
        spans_by_provenance: BTreeMap::new(),
        documents: Vec::new(),
        skipped: Skipped::default(),
    };
    // Records are written in batches (one write and one fsync each), a few MB at a time.
    let mut batch = Batch::default();
    let skipped = for_each_document(sides, corpus, selection, |doc| {
        let id = doc.document.id.clone();
        let present: Vec<(&str, &crate::compare::SideRecord)> = doc
            .sides
            .iter()
            .zip(&panel)
            .filter_map(|(s, name)| s.as_ref().ok().map(|r| (name.as_str(), r)))
            .collect();
        if present.is_empty() {
            *report
                .outcomes
                .entry(Outcome::NotDecided.as_str().to_owned())
                .or_insert(0) += 1;
            return Ok(());
        }
        let votes: Vec<Vote<'_>> = present
            .iter()
            .map(|(n, r)| (*n, r.spans.as_slice(), &r.labels))
            .collect();
        let settled = settle(&panel, &votes, &config.strategy, &config.rules);
        let lost: Vec<LostOption> = present
            .iter()
            .flat_map(|(n, r)| {
                r.lost.iter().map(|l| LostOption {
                    annotator: (*n).to_owned(),
                    span: l.span.clone(),
                    reason: l.loss.to_string(),
                })
            })
            .collect();
        let (zones, zone_from, zone_options) = zones_of(&present, &config.strategy, &panel);
        // Majority and intersection need the votes of K sides (all, for intersection):
        // a document fewer sides decided is not theirs to settle, even with nothing marked.
        let absent: Vec<String> = doc
            .sides
            .iter()
            .zip(&panel)
            .filter_map(|(s, name)| s.as_ref().err().map(|why| format!("{name}: {why}")))
            .collect();
        let too_few = matches!(
            config.strategy,
            Strategy::Majority { .. } | Strategy::Intersection
        ) && present.len() < config.strategy.needed(panel.len());
        let too_few = too_few.then_some(absent);
        let open = !settled.contested.is_empty()
            || !lost.is_empty()
            || !zone_options.is_empty()
            || too_few.is_some();
        let status = if open {
            Status::Flagged
        } else {
            Status::Accepted
        };
        let note = open.then(|| {
            note(
                &config.strategy,
                &settled.contested,
                &lost,
                &zone_options,
                too_few.as_deref(),
            )
        });
        let provenance = Provenance {
            method: Method::Merge,
            strategy: Some(config.strategy.to_string()),
            from: panel.clone(),
            decided: present.iter().map(|(n, _)| (*n).to_owned()).collect(),
            spans: Provenance::spans_of(&settled.kept),
            labels: settled.kept.labels.clone(),
            zones: zone_from,
            contested: settled.contested.clone(),
            lost: lost.clone(),
            zone_options: zone_options.clone(),
        };
        let mut extra = serde_json::Map::new();
        provenance.store(&mut extra);
        let record = Record {
            doc: id.clone(),
            hash: doc.document.hash.clone(),
            annotator: into.clone(),
            schema: config.schema.clone(),
            status,
            at: target.stamp(&id),
            ms: 0,
            spans: settled.kept.plain_spans(),
            labels: settled.kept.plain_labels(),
            zones,
            note,
            extra,
        };
        let outcome = match target.latest(&id)? {
            Some(old) if !Provenance::is_merge(&old) => Outcome::ByHand,
            Some(old) if old.says_the_same(&record) => Outcome::Unchanged,
            _ if open => Outcome::Flagged,
            _ => Outcome::Accepted,
        };
        *report
            .outcomes
            .entry(outcome.as_str().to_owned())
            .or_insert(0) += 1;
        if matches!(outcome, Outcome::Accepted | Outcome::Flagged) {
            if !dry_run {
                batch.push(&record)?;
                if batch.bytes() >= BATCH_BYTES {
                    target.commit(&mut batch)?;
                }
            }
            report.written += 1;
            for s in &settled.kept.spans {
                *report
                    .spans_by_provenance
                    .entry(s.annotators.join("+"))
                    .or_insert(0) += 1;
            }
        }
        // Accepted and unchanged documents are counted only: the report stays small.
        if matches!(outcome, Outcome::Flagged | Outcome::ByHand) {
            report.documents.push(MergedDocument {
                doc: id,
                outcome,
                contested: settled.contested,
                lost,
                zones_differ: !zone_options.is_empty(),
                undecided: too_few.unwrap_or_default(),
            });
        }
        Ok(())
    })?;
    target.commit(&mut batch)?;
    report.skipped = skipped;
    Ok(report)
}

/// How many bytes of records a merge holds before it writes them.
const BATCH_BYTES: usize = 8 << 20;

type ZoneChoice = (
    Option<Vec<annot_model::ZoneSpan>>,
    Option<Vec<String>>,
    Vec<ZoneOption>,
);

/// The zone corrections the merged record takes: the sides' when they all agree (or
/// the preferred side's with `prefer`), else none and the options.
fn zones_of(
    present: &[(&str, &crate::compare::SideRecord)],
    strategy: &Strategy,
    panel: &[String],
) -> ZoneChoice {
    let mut options: Vec<ZoneOption> = Vec::new();
    for (name, r) in present {
        match options.iter_mut().find(|o| o.zones == r.zones) {
            Some(o) => o.annotators.push((*name).to_owned()),
            None => options.push(ZoneOption {
                annotators: vec![(*name).to_owned()],
                zones: r.zones.clone(),
            }),
        }
    }
    let chosen = match strategy {
        Strategy::Prefer(first) => std::iter::once(first)
            .chain(panel)
            .find_map(|n| present.iter().find(|(p, _)| p == n)),
        _ => None,
    };
    if let Some((name, r)) = chosen {
        let from = r.zones.is_some().then(|| vec![(*name).to_owned()]);
        return (r.zones.clone(), from, Vec::new());
    }
    match options.len() {
        0 => (None, None, Vec::new()),
        1 => {
            let o = options.remove(0);
            let from = o.zones.is_some().then_some(o.annotators);
            (o.zones, from, Vec::new())
        }
        _ => (None, None, options),
    }
}

/// The note of a flagged record: what is left open, in words.
fn note(
    strategy: &Strategy,
    contested: &[Contested],
    lost: &[LostOption],
    zones: &[ZoneOption],
    undecided: Option<&[String]>,
) -> String {
    let mut parts: Vec<String> = contested
        .iter()
        .map(|c| {
            let who = c.who("+", ", ");
            let against = if c.against.is_empty() {
                String::new()
            } else {
                format!(", not {}", c.against.join("+"))
            };
            let item = match &c.item {
                Item::Span { span } => format!("{} \"{}\"", span.label, span.text),
                Item::Extent { text, .. } => format!("\"{text}\""),
                Item::Label { layer, value } => format!("{layer} {value}"),
            };
            format!("{item} ({who}{against}; {})", c.why.as_str())
        })
        .collect();
    parts.extend(lost.iter().map(|l| {
        format!(
            "{} \"{}\" of {} not carried",
            l.span.label, l.span.text, l.annotator
        )
    }));
    if !zones.is_empty() {
        let who: Vec<String> = zones.iter().map(|z| z.annotators.join("+")).collect();
        parts.push(format!("zone corrections differ ({})", who.join(" | ")));
    }
    if let Some(who) = undecided {
        parts.push(format!("too few sides decided ({})", who.join(", ")));
    }
    format!("merge ({strategy}) left open: {}", parts.join("; "))
}
