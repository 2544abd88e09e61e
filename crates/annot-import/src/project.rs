//! Importing into a project: the rules that decide which documents of an
//! import join the project's corpus, and the one new corpus file they go to.
//!
//! A document whose id the project has with the same text is not imported
//! again; one whose id it has with another text is a new version, imported
//! only when the caller asks for updates (annotations are re-anchored when
//! next read), else a conflict: input left out, which the caller must treat
//! as a failure. One whose text the project has under another id is not
//! imported either (deduplication), and the message names that id.
//! The whole check runs under the project's import lock, so two imports
//! never interleave, and temporary files a killed import left are removed first.

use std::path::{Path, PathBuf};

use annot_model::ModelError;
use annot_model::corpus::{CorpusWriter, remove_abandoned_temp_files};
use annot_model::project::Project;
use serde::Serialize;

use crate::annotated::Conversion;
use crate::error::Diagnostic;
use crate::input::{ImportOptions, Input};
use crate::pipeline::{Diagnostics, Progress, import_items};
use crate::readers::Item;
use crate::records::{Pending, PlanError, RecordRules, RecordsOutcome, SpillList, plan, spill};

/// Settings of an import into a project.
#[derive(Debug, Clone, Default)]
pub struct ProjectImportOptions {
    /// How the inputs are read.
    pub read: ImportOptions,
    /// Import a new version of a document whose id the project has with another text.
    pub update: bool,
    /// Annotated formats: add the labels the schema lacks to it, instead of
    /// refusing the import.
    pub add_labels: bool,
    /// Annotated formats: the label layer of the document labels a file
    /// names by value only (Prodigy's `label` and `accept`, doccano's
    /// classes), when the schema's layers do not decide it.
    pub label_layer: Option<String>,
}

/// What the caller is told while an import into a project runs.
pub struct Callbacks<'a> {
    /// Called once, before waiting, when another import of the project holds its lock.
    pub waiting: &'a dyn Fn(),
    /// Called from the calling thread as the import goes (see [`crate::import`]).
    pub progress: &'a (dyn Fn(Progress) + Sync),
    /// How a path is shown in messages: the caller knows where its user stands.
    pub show_path: &'a dyn Fn(&Path) -> String,
}

/// An error that stopped an import into a project.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ProjectImportError {
    /// The project's lock, corpus or new corpus file failed.
    #[error(transparent)]
    Model(#[from] ModelError),
}

/// What an import into a project did.
#[derive(Debug, Serialize)]
pub struct Outcome {
    /// The new corpus file, if any document was new.
    pub corpus_file: Option<PathBuf>,
    /// Input files (and standard input) read.
    pub files: usize,
    /// Documents written to the new corpus file.
    pub imported: usize,
    /// Of those, new versions of documents the project had.
    pub updated: usize,
    /// Zones of the documents imported.
    pub zones: usize,
    /// Documents read without an id field, whose id is their text digest.
    pub digest_ids: usize,
    /// Documents the project already had, unchanged (same id, same text):
    /// the first [`PRESENT_KEPT`] of them (a re-import of a hundred thousand
    /// documents holds a thousand messages, not one a document).
    pub already_present: Vec<Message>,
    /// How many documents the project already had, unchanged (named or not
    /// in `already_present`).
    pub already_present_count: usize,
    /// Documents whose text the project already had under another id (named).
    pub same_text: Diagnostics,
    /// Documents whose text an earlier document of this import had.
    pub duplicates: Diagnostics,
    /// Documents left out because their id is taken by another text: in the
    /// project (without `update`), or earlier in this import. Like failures,
    /// input that did not land.
    pub conflicts: Diagnostics,
    /// Things to check that did not stop a document.
    pub warnings: Diagnostics,
    /// Files, lines and rows that gave no document.
    pub failures: Diagnostics,
    /// Temporary files of interrupted imports, removed.
    pub abandoned: Vec<Message>,
    /// Annotated formats: what the records did (`None` for formats without annotations).
    pub records: Option<RecordsOutcome>,
    /// Annotated formats: what was converted to be imported.
    pub conversions: annot_model::SpillList<Conversion>,
    /// Annotated formats: annotations left out with `skip_bad` (bad spans,
    /// labels, annotators), and why.
    pub refused: Diagnostics,
    /// Annotated formats: the import was refused as a whole (a bad line,
    /// span, label or id conflict, without `skip_bad`); nothing was written,
    /// and `failures` and `conflicts` say why.
    pub refused_whole: bool,
}

/// The documents already in the project named in [`Outcome::already_present`], at most.
pub const PRESENT_KEPT: usize = 1000;

/// A message about one input (or file of the project), as reported: the
/// file, `file:line` or document it is about (`source`), and what happened
/// and what to do about it (`message`).
pub type Message = Diagnostic;

/// When `doc` (read from annot's own export) is the text of the project's
/// document of its id with its zones joined as an export joins them (the
/// default zones, or all), `records` moved onto the stored text; `None` otherwise, or when a span does not fall inside one zone.
fn exported_text(
    corpus: &annot_model::corpus::Corpus,
    doc: &annot_model::Document,
    records: &[annot_model::Record],
) -> Option<Vec<annot_model::Record>> {
    use annot_model::zoned::{DEFAULT_ZONES, ZonedText};
    let stored = corpus.get(&doc.id).ok()?;
    let mut all: Vec<annot_model::Zone> = stored.zones.iter().map(|z| z.zone.clone()).collect();
    all.dedup();
    let zoned = [DEFAULT_ZONES.to_vec(), all]
        .iter()
        .map(|keep| ZonedText::new(&stored.text, &stored.zones, keep))
        .find(|z| z.text == doc.text)?;
    let mut moved = Vec::with_capacity(records.len());
    for r in records {
        let mut r = r.clone();
        for s in &mut r.spans {
            let (start, end) = zoned.to_stored(s.start, s.end)?;
            s.start = start;
            s.end = end;
        }
        r.hash.clone_from(&stored.hash);
        r.doc.clone_from(&stored.id);
        moved.push(r);
    }
    Some(moved)
}

/// Imports `inputs` into the project's corpus as one new corpus file.
///
/// Documents whose id or text the project already has are reported in the
/// outcome, not imported; so are the per-file, per-line and per-row problems
/// of the inputs, which do not stop the import. `failures` and `conflicts`
/// are input left out: an import with either did not do all it was asked.
///
/// # Errors
/// When the import lock cannot be taken, or the corpus cannot be read or written.
pub fn import_into(
    project: &Project,
    inputs: &[Input],
    opts: &ProjectImportOptions,
    callbacks: &Callbacks<'_>,
) -> Result<Outcome, ProjectImportError> {
    // Held to the end: the check against the corpus and the new corpus file
    // must not interleave with another import's.
    let _lock = project.lock_imports(callbacks.waiting)?;
    // What a killed import left: no running import owns it (we hold the lock).
    let mut removed = Vec::new();
    for dir in project.temp_file_dirs() {
        removed.extend(remove_abandoned_temp_files(&dir)?);
    }
    let abandoned: Vec<Message> = removed
        .into_iter()
        .map(|f| Message {
            source: (callbacks.show_path)(&f.path),
            message: format!(
                "removed this temporary file ({} bytes) left by an annot process that was interrupted; \
                 the project never included it",
                f.bytes
            ),
        })
        .collect();
    // Annotated imports a kill interrupted: said until an import of the same
    // inputs finishes.
    let abandoned: Vec<Message> = abandoned
        .into_iter()
        .chain(
            crate::journal::pending_imports(project)
                .iter()
                .map(|p| Message {
                    source: (callbacks.show_path)(&project.cache_dir()),
                    message: p.describe(),
                }),
        )
        .collect();
    let corpus = project.corpus()?;
    let mut writer = CorpusWriter::create(&project.corpus_dir(), "import")?
        .with_index(&project.cache_dir())
        .sync_in_background()?;
    let mut already_present = Vec::new();
    let mut already_present_count = 0usize;
    let mut same_text = Diagnostics::new();
    let mut conflicts = Diagnostics::new();
    let mut zones = 0usize;
    let mut updated = 0usize;
    // The records read, past a few thousand in a temporary file.
    let mut pending: SpillList<Pending> = spill();
    let mut sink = |item: Item| -> Result<(), ModelError> {
        let Item {
            document: doc,
            records,
            repeat_of,
            location,
        } = item;
        // The document the records attach to: this one, or the one of the
        // project (or of this import) with its text.
        let mut target = Some(doc.id.clone());
        // Where the input holds the document (`file:line`), else its source.
        let source = if location.is_empty() {
            doc.meta.source.clone().unwrap_or_else(|| doc.id.clone())
        } else {
            location.clone()
        };
        let existing = corpus.try_entry(&doc.id)?;
        if repeat_of.is_some() {
            target = repeat_of;
        } else if existing.as_ref().is_some_and(|e| e.hash == doc.hash) {
            already_present_count += 1;
            if already_present.len() < PRESENT_KEPT {
                already_present.push(Message {
                    source,
                    message: format!(
                        "document '{}' is already in the project; not imported again",
                        doc.id
                    ),
                });
            }
        } else if existing.is_some()
            && !opts.update
            && opts.read.format == Some(crate::Format::JsonlSpans)
            && let Some(moved) = exported_text(&corpus, &doc, &records)
        {
            // annot's own export of that document: its spans go back onto
            // the stored text (never a new version made of the export's text).
            already_present_count += 1;
            if already_present.len() < PRESENT_KEPT {
                already_present.push(Message {
                    source,
                    message: format!(
                        "document '{}' is the project's text with its zones joined, as an export                      writes it: its annotations go onto the stored text",
                        doc.id
                    ),
                });
            }
            for record in moved {
                pending.push(Pending {
                    location: location.clone(),
                    record,
                });
            }
            pending.check()?;
            return Ok(());
        } else if existing.is_some() && !opts.update {
            target = None;
            conflicts.push(Message {
                // `file:line` where the input has lines: the line to fix.
                source: if location.is_empty() {
                    source
                } else {
                    location.clone()
                },
                message: format!(
                    "document '{}' is already in the project with another text; not imported: \
                     if this is a new version of that article, import it again with --update \
                     (annotations are re-anchored); if it is a different text, give it a \
                     different id",
                    doc.id
                ),
            });
        } else if existing.is_some() {
            updated += 1;
            zones += doc.zones.len();
            writer.push(&doc)?;
        } else if let Some(other) = corpus.id_with_hash(&doc.hash) {
            target = Some(other.clone());
            same_text.push(Message {
                source,
                message: format!(
                    "same text as document '{other}', already in the project; '{}' not imported{}",
                    doc.id,
                    if records.is_empty() {
                        ""
                    } else {
                        " (its annotations go to that document)"
                    }
                ),
            });
        } else {
            zones += doc.zones.len();
            writer.push(&doc)?;
        }
        if let Some(target) = target {
            for mut record in records {
                record.doc.clone_from(&target);
                pending.push(Pending {
                    location: location.clone(),
                    record,
                });
            }
            pending.check()?;
        }
        Ok(())
    };
    let report = import_items(inputs, &opts.read, callbacks.progress, &mut sink)?;
    // The import's own, then those of ids the project has.
    let mut all_conflicts = report.conflicts;
    crate::pipeline::append(&mut all_conflicts, &conflicts);
    let conflicts = all_conflicts;
    let mut failures = report.failures;
    let annotated = opts.read.format.is_some_and(crate::Format::is_annotated);
    let mut refused = report.refusals;
    let mut refused_whole = false;
    let mut records_plan = None;
    if annotated {
        let rules = RecordRules {
            annotator: opts.read.annotator.as_deref(),
            add_labels: opts.add_labels,
            label_layer: opts.label_layer.as_deref(),
            skip_bad: opts.read.skip_bad,
            merge_pieces: opts.read.format == Some(crate::Format::Prodigy),
        };
        // Input left out makes the whole import refused, unless skip_bad.
        refused_whole = !(opts.read.skip_bad || failures.is_empty() && conflicts.is_empty());
        if !refused_whole {
            match plan(project, pending, &rules) {
                Ok(p) => records_plan = Some(p),
                Err(PlanError::Bad(bad)) => {
                    refused_whole = true;
                    failures.extend(bad);
                }
                Err(PlanError::Model(e)) => return Err(e.into()),
            }
        }
    }
    if refused_whole {
        // The new corpus file is dropped unfinished: its temporary file goes.
        drop(writer);
        return Ok(Outcome {
            corpus_file: None,
            files: report.files,
            imported: 0,
            updated: 0,
            zones: 0,
            digest_ids: 0,
            already_present: Vec::new(),
            already_present_count: 0,
            same_text: Diagnostics::new(),
            duplicates: Diagnostics::new(),
            conflicts,
            warnings: report.warnings,
            failures,
            abandoned,
            records: None,
            conversions: report.conversions,
            refused,
            refused_whole,
        });
    }
    // What the report says is on disk before anything lands: a temporary
    // file that failed leaves the import undone, not half-told.
    for list in [
        &report.warnings,
        &report.duplicates,
        &conflicts,
        &failures,
        &refused,
        &same_text,
    ] {
        list.check().map_err(ModelError::from)?;
    }
    report.conversions.check().map_err(ModelError::from)?;
    let imported = writer.count();
    // The commit: the journal entry, the corpus file, the records, the journal entry
    // removed; all or none as far as Ctrl-C and SIGTERM go (they wait for it).
    let mut guard = annot_model::atomic::CommitGuard::begin(format!(
        "the import into {}",
        (callbacks.show_path)(project.root())
    ))
    .map_err(ModelError::Io)?;
    // Named in the journal before its corpus file is in place and until its last
    // record is written, so that a kill in between is told (by check and the
    // next import).
    let journal = records_plan
        .as_ref()
        .map(|p| crate::journal::PendingImport {
            inputs: inputs
                .iter()
                .map(|i| match i {
                    Input::Path(path) => (callbacks.show_path)(path),
                    Input::Stdin(_) => "standard input".to_owned(),
                })
                .collect(),
            corpus_file: None,
            records: p.outcome.annotators.clone(),
            at: annot_model::record::now_rfc3339(),
        });
    if let Some(pending) = journal.as_ref().filter(|p| !p.records.is_empty()) {
        crate::journal::begin(project, pending)?;
    }
    let corpus_file = writer.finish()?;
    if let Some(file) = &corpus_file {
        guard.rename(format!("the import into {}", (callbacks.show_path)(file)));
    }
    // The records after the corpus lines they are about.
    let records = match (records_plan, journal) {
        (Some(p), Some(pending)) => {
            let mut outcome = p.write(project)?;
            // Also finishes an earlier, interrupted import of the same inputs.
            crate::journal::done(project, &pending)?;
            refused.extend(std::mem::take(&mut outcome.refused));
            Some(outcome)
        }
        _ => None,
    };
    guard.complete();
    Ok(Outcome {
        corpus_file,
        files: report.files,
        imported,
        updated,
        zones,
        digest_ids: report.digest_ids,
        already_present,
        already_present_count,
        same_text,
        duplicates: report.duplicates,
        conflicts,
        warnings: report.warnings,
        failures,
        abandoned,
        records,
        conversions: report.conversions,
        refused,
        refused_whole,
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;

    const SCHEMA: &str = include_str!("../../../schemas/news.json");

    /// Prodigy lines of `docs` documents by two annotators, each document's
    /// pieces (one suggestion a line) spread over the file, some answered
    /// twice (a note), a few documents twice (same text: one record).
    fn prodigy(docs: usize) -> String {
        let mut out = String::new();
        for round in 0..3 {
            for d in 0..docs {
                let text = format!("Zoé Martin a quitté Lille le jour {d}.");
                let (label, start, end, piece) = match round {
                    0 => ("PER", 0, 10, "Zoé Martin"),
                    1 => ("LOC", 20, 25, "Lille"),
                    _ => ("PER", 0, 10, "Zoé Martin"),
                };
                // The third round rejects, on every fifth document, what the first accepted.
                let answer = if round == 2 && d % 5 == 0 {
                    "reject"
                } else {
                    "accept"
                };
                if round == 2 && d % 5 != 0 {
                    continue;
                }
                let who = if d % 2 == 0 { "ana" } else { "ben" };
                out.push_str(&format!(
                    "{{\"id\":\"d{d}\",\"text\":\"{text}\",\"spans\":[{{\"start\":{start},\"end\":{end},\
                     \"label\":\"{label}\",\"text\":\"{piece}\"}}],\"answer\":\"{answer}\",\
                     \"_annotator_id\":\"{who}\",\"_timestamp\":{}}}\n",
                    1_700_000_000 + round * 1000 + d
                ));
            }
            // Documents of one line (one record, merged with nothing), between the rounds.
            out.push_str(&format!(
                "{{\"id\":\"s{round}\",\"text\":\"Jean Dupont a salué Genève, tour {round}.\",\
                 \"spans\":[{{\"start\":0,\"end\":11,\"label\":\"PER\",\"text\":\"Jean Dupont\"}}],\
                 \"answer\":\"accept\",\"_annotator_id\":\"ana\",\"_timestamp\":{}}}\n",
                1_800_000_000 + round
            ));
        }
        out
    }

    /// Imports `input` into a new project (with `limit` records in memory);
    /// returns the outcome and the logs, by file name.
    fn import(input: &str, limit: Option<usize>) -> (Outcome, Vec<(String, String)>) {
        let dir = tempfile::tempdir().unwrap();
        let (project, _) = Project::init(dir.path(), "news", SCHEMA).unwrap();
        let opts = ProjectImportOptions {
            read: ImportOptions {
                format: Some(crate::Format::Prodigy),
                ..ImportOptions::default()
            },
            ..ProjectImportOptions::default()
        };
        let callbacks = Callbacks {
            waiting: &|| {},
            progress: &|_| {},
            show_path: &|p: &Path| p.display().to_string(),
        };
        crate::records::set_limit(limit);
        let input = Input::stdin(std::io::Cursor::new(input.as_bytes().to_vec()));
        let outcome = import_into(&project, &[input], &opts, &callbacks);
        crate::records::set_limit(None);
        let outcome = outcome.unwrap();
        let log_dir = project
            .log_path("ana")
            .unwrap()
            .parent()
            .unwrap()
            .to_owned();
        let mut logs: Vec<(String, String)> = std::fs::read_dir(&log_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "jsonl"))
            .map(|p| {
                (
                    p.file_name().unwrap().to_string_lossy().into_owned(),
                    std::fs::read_to_string(&p).unwrap(),
                )
            })
            .collect();
        logs.sort();
        (outcome, logs)
    }

    #[test]
    fn records_past_the_memory_limit_are_neither_lost_nor_doubled() {
        let input = prodigy(40);
        let (held, held_logs) = import(&input, None);
        let records = held.records.as_ref().unwrap();
        assert_eq!(records.written, 43, "one record a document");
        assert_eq!(records.merged, 40 + 8, "the pieces of each document joined");
        assert_eq!(records.notes.len(), 8, "a span accepted, then rejected");
        assert_eq!(held_logs.len(), 2);
        let lines: usize = held_logs.iter().map(|(_, l)| l.lines().count()).sum();
        assert_eq!(lines, 43);
        for limit in [0, 1, 7, 39, 41, 100] {
            let (spilled, spilled_logs) = import(&input, Some(limit));
            assert_eq!(spilled_logs, held_logs, "memory limit {limit}");
            let r = spilled.records.as_ref().unwrap();
            assert_eq!(
                (r.written, r.merged, r.documents, &r.spans, &r.notes),
                (
                    records.written,
                    records.merged,
                    records.documents,
                    &records.spans,
                    &records.notes
                ),
                "memory limit {limit}"
            );
        }
        // Each document's record holds both its pieces, the LOC and (unless
        // rejected later) the PER.
        let ana = &held_logs[0].1;
        let first: annot_model::Record = serde_json::from_str(ana.lines().next().unwrap()).unwrap();
        assert_eq!(first.doc, "d0");
        assert_eq!(
            first.spans.len(),
            1,
            "d0's PER was rejected on a later line"
        );
        let second: annot_model::Record =
            serde_json::from_str(ana.lines().nth(1).unwrap()).unwrap();
        assert_eq!(second.spans.len(), 2);
    }
}
