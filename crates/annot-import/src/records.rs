//! The records of an annotated import, from the items read to the annotators' logs.
//!
//! The one place every annotated format's records go through on their way
//! into a project: each record gets its annotator (the file's, or `--as`),
//! its document labels placed on the schema's layers, its labels checked
//! against the schema (or added to it with `add_labels`), records of one
//! annotator on one document merged, and records equal to the log's latest
//! one left out, so that a second identical import adds nothing. Nothing is
//! written here until [`Plan::write`], which the import calls once its
//! corpus lines are in place.

use std::collections::BTreeMap;
use std::path::PathBuf;

use annot_model::project::Project;
use annot_model::schema::{LabelDef, LabelSet, Schema};
use annot_model::store::AnnotatorLog;
use annot_model::{ModelError, Record, Status, UnknownLabel};
use serde::Serialize;

use crate::annotated::{ANY_LAYER, add_rejected};
use crate::project::Message;

/// The layer unplaced document labels go to when `add_labels` adds them and
/// the schema has no layer (or several) to put them in.
const NEW_LAYER: &str = "label";

/// A record read, waiting for the checks, with where it was read.
#[derive(Debug)]
pub(crate) struct Pending {
    pub(crate) location: String,
    pub(crate) record: Record,
}

/// What the records of an import did.
#[derive(Debug, Default, Serialize)]
pub struct RecordsOutcome {
    /// Records written to the annotators' logs.
    pub written: usize,
    /// Records equal to the latest record of their document in the log: not written again.
    pub unchanged: usize,
    /// Of those written, the records that replace another latest decision of
    /// the annotator on the document.
    pub replaced: usize,
    /// Of those written, the records older (by their `at`) than the
    /// annotator's latest decision on the document: kept as history, the
    /// later decision stands.
    pub superseded: usize,
    /// Records read that were merged into an earlier one of the same
    /// annotator on the same document (Prodigy's `ner.teach` gives one line a
    /// suggestion).
    pub merged: usize,
    /// Documents with a record written or unchanged.
    pub documents: usize,
    /// Records written, by annotator.
    pub annotators: BTreeMap<String, usize>,
    /// Spans of the records written or unchanged, by label.
    pub spans: BTreeMap<String, usize>,
    /// Document labels of those records, as `layer: value`.
    pub labels: BTreeMap<String, usize>,
    /// Labels added to the schema (`add_labels`), as the report names them.
    pub labels_added: Vec<String>,
    /// The schema file rewritten with the labels added.
    pub schema_file: Option<PathBuf>,
    /// Records left out (with `skip_bad`) because of their labels or annotator
    /// (moved into [`crate::Outcome::refused`] by the import).
    #[serde(skip)]
    pub refused: Vec<Message>,
}

/// The checked records of an import, ready to be written.
#[derive(Debug)]
pub(crate) struct Plan {
    /// Records to append, by annotator, in input order.
    by_annotator: BTreeMap<String, Vec<Record>>,
    logs: BTreeMap<String, AnnotatorLog>,
    /// The schema with the labels added, when some were.
    schema: Option<Schema>,
    pub(crate) outcome: RecordsOutcome,
}

/// What stops the records of an import: errors naming the record.
#[derive(Debug)]
pub(crate) enum PlanError {
    /// Records that cannot be imported (the import is refused).
    Bad(Vec<Message>),
    /// The project's schema or a log cannot be opened.
    Model(ModelError),
}

impl From<ModelError> for PlanError {
    fn from(e: ModelError) -> Self {
        Self::Model(e)
    }
}

/// Settings of the records' checks.
pub(crate) struct RecordRules<'a> {
    /// `--as`: the annotator of every record.
    pub(crate) annotator: Option<&'a str>,
    pub(crate) add_labels: bool,
    pub(crate) skip_bad: bool,
}

/// Checks `pending` against the project and opens the logs they go to.
///
/// # Errors
/// [`PlanError::Bad`] listing every bad record (unless `skip_bad`, which
/// leaves them out); a schema or log that cannot be opened (a log in use by an
/// annotate session).
pub(crate) fn plan(
    project: &Project,
    pending: Vec<Pending>,
    rules: &RecordRules<'_>,
) -> Result<Plan, PlanError> {
    let mut schema = project.schema()?;
    let original = schema.clone();
    let mut bad = Vec::new();
    let mut added = Vec::new();
    let mut kept: Vec<Pending> = Vec::with_capacity(pending.len());
    for mut p in pending {
        if let Some(name) = rules.annotator {
            name.clone_into(&mut p.record.annotator);
        }
        let problem = if p.record.annotator.is_empty() {
            Some(
                "the file does not say who made this annotation: name the annotator with \
                 --as NAME"
                    .to_owned(),
            )
        } else if let Err(e) = project.log_path(&p.record.annotator) {
            Some(format!("{e}; or name the annotator with --as NAME"))
        } else {
            place_labels(&mut p.record, &schema);
            let unknown = schema.unknown_labels(&p.record.spans, &p.record.labels);
            if unknown.is_empty() {
                None
            } else if rules.add_labels {
                for u in unknown {
                    added.extend(add_label(&mut schema, &u));
                }
                None
            } else {
                let list: Vec<String> = unknown.iter().map(describe_unknown).collect();
                Some(format!(
                    "{} not in schema {}: add {} to {}, or import with --add-labels to add \
                     them",
                    list.join(", "),
                    schema.id(),
                    if list.len() == 1 { "it" } else { "them" },
                    project.config.schema
                ))
            }
        };
        match problem {
            Some(message) => bad.push(Message {
                source: format!("{} (document '{}')", p.location, p.record.doc),
                message,
            }),
            None => kept.push(p),
        }
    }
    if !bad.is_empty() && !rules.skip_bad {
        return Err(PlanError::Bad(bad));
    }
    if schema != original {
        schema.validate().map_err(|source| {
            PlanError::Model(ModelError::Schema {
                path: project.schema_path(),
                source,
            })
        })?;
    }
    let schema_id = schema.id();
    let mut merged: BTreeMap<(String, String), Record> = BTreeMap::new();
    let mut merges = 0usize;
    let mut order: Vec<(String, String)> = Vec::new();
    for p in kept {
        let mut r = p.record;
        r.schema.clone_from(&schema_id);
        let key = (r.annotator.clone(), r.doc.clone());
        if let Some(first) = merged.get_mut(&key) {
            merges += 1;
            merge(first, r);
        } else {
            order.push(key.clone());
            merged.insert(key, r);
        }
    }
    let mut outcome = RecordsOutcome {
        labels_added: added,
        refused: bad,
        merged: merges,
        ..RecordsOutcome::default()
    };
    let mut logs = BTreeMap::new();
    let mut by_annotator: BTreeMap<String, Vec<Record>> = BTreeMap::new();
    let mut documents = std::collections::BTreeSet::new();
    for key in order {
        let Some(mut r) = merged.remove(&key) else {
            continue;
        };
        if !logs.contains_key(&r.annotator) {
            let path = project.log_path(&r.annotator)?;
            logs.insert(
                r.annotator.clone(),
                AnnotatorLog::open(&path, &r.annotator)?,
            );
        }
        let log = &logs[&r.annotator];
        documents.insert(r.doc.clone());
        for s in &r.spans {
            *outcome.spans.entry(s.label.clone()).or_default() += 1;
        }
        for (layer, values) in &r.labels {
            for v in values {
                *outcome.labels.entry(format!("{layer}: {v}")).or_default() += 1;
            }
        }
        if r.at.is_empty() {
            // A decision without a time in its source is one made now.
            r.at = log.stamp(&r.doc);
        }
        // Checked here, before anything is written: the log refuses a record without a time.
        annot_model::store::parse_at(&r.doc, &r.at)?;
        match log.get(&r.doc)? {
            Some(latest) if same_decision(&latest, &r) => outcome.unchanged += 1,
            latest => {
                if latest.is_some() && !log.would_stand(&r)? {
                    outcome.superseded += 1;
                } else {
                    outcome.replaced += usize::from(latest.is_some());
                }
                outcome.written += 1;
                *outcome.annotators.entry(r.annotator.clone()).or_default() += 1;
                by_annotator.entry(r.annotator.clone()).or_default().push(r);
            }
        }
    }
    outcome.documents = documents.len();
    Ok(Plan {
        by_annotator,
        logs,
        schema: (schema != original).then_some(schema),
        outcome,
    })
}

impl Plan {
    /// Writes the schema with its added labels (atomically), then appends the
    /// records to their logs: one write and one fsync per annotator. Called
    /// once the corpus lines the records are about are in place.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub(crate) fn write(mut self, project: &Project) -> Result<RecordsOutcome, ModelError> {
        if let Some(schema) = &self.schema {
            let path = project.schema_path();
            let mut json = serde_json::to_string_pretty(schema).map_err(std::io::Error::other)?;
            json.push('\n');
            annot_model::atomic::write_atomic(&path, |w| w.write_all(json.as_bytes()))?;
            self.outcome.schema_file = Some(path);
        }
        for (annotator, records) in &self.by_annotator {
            if let Some(log) = self.logs.get_mut(annotator) {
                log.append_all(records)?;
            }
        }
        Ok(self.outcome)
    }
}

/// Whether two records make the same decision (the time it was made aside).
fn same_decision(a: &Record, b: &Record) -> bool {
    a.hash == b.hash
        && a.status == b.status
        && a.spans == b.spans
        && a.labels == b.labels
        && a.zones == b.zones
        && a.note == b.note
        && a.extra == b.extra
}

/// An unknown label in the report's words (a value on no layer said as such).
fn describe_unknown(u: &UnknownLabel) -> String {
    match u {
        UnknownLabel::Layer { layer, values } if layer == ANY_LAYER => format!(
            "document label {} (on no label layer of the schema)",
            values
                .iter()
                .map(|v| format!("'{v}'"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// Puts the values of [`ANY_LAYER`] on the schema's layer that has each one
/// (they stay unplaced, under [`ANY_LAYER`], when no layer or several have it).
fn place_labels(record: &mut Record, schema: &Schema) {
    let Some(values) = record.labels.remove(ANY_LAYER) else {
        return;
    };
    for v in values {
        let mut layers = schema.labels.iter().filter(|s| s.values.contains(&v));
        let layer = match (layers.next(), layers.next()) {
            (Some(set), None) => set.name.clone(),
            _ => ANY_LAYER.to_owned(),
        };
        let values = record.labels.entry(layer).or_default();
        if !values.contains(&v) {
            values.push(v);
        }
    }
}

/// Adds what `unknown` lacks to the schema; returns it as the report names it.
fn add_label(schema: &mut Schema, unknown: &UnknownLabel) -> Vec<String> {
    match unknown {
        UnknownLabel::Span { label, .. } => {
            if schema.spans.labels.iter().any(|l| &l.name == label) {
                return Vec::new();
            }
            schema.spans.labels.push(LabelDef {
                name: label.clone(),
                key: None,
                description: None,
            });
            vec![format!("span label {label}")]
        }
        UnknownLabel::Layer { layer, values } => {
            let name = if layer == ANY_LAYER { NEW_LAYER } else { layer };
            let mut out = Vec::new();
            if schema.label_set(name).is_none() {
                schema.labels.push(LabelSet {
                    name: name.to_owned(),
                    multi: layer == ANY_LAYER || values.len() > 1,
                    values: Vec::new(),
                    description: None,
                });
                out.push(format!("label layer {name}"));
            }
            if let Some(set) = schema.labels.iter_mut().find(|s| s.name == name) {
                for v in values {
                    if !set.values.contains(v) {
                        set.values.push(v.clone());
                        out.push(format!("{name}: {v}"));
                    }
                }
            }
            out
        }
        UnknownLabel::Value { layer, value } => {
            match schema.labels.iter_mut().find(|s| &s.name == layer) {
                Some(set) if !set.values.contains(value) => {
                    set.values.push(value.clone());
                    vec![format!("{layer}: {value}")]
                }
                _ => Vec::new(),
            }
        }
        UnknownLabel::TooMany { layer, .. } => {
            match schema.labels.iter_mut().find(|s| &s.name == layer) {
                Some(set) if !set.multi => {
                    set.multi = true;
                    vec![format!("{layer} takes several values")]
                }
                _ => Vec::new(),
            }
        }
    }
}

/// Merges a later record of the same annotator on the same document into the
/// first (Prodigy's `ner.teach` gives one line a suggestion): the spans of the
/// accepted ones joined, those of rejected ones kept in `rejected_spans` when
/// another is accepted, labels joined, extra keys of the later one added; the
/// status accepted when either is, else the later one's.
fn merge(first: &mut Record, mut later: Record) {
    let accepted = |r: &Record| r.status == Status::Accepted;
    if accepted(first) && !accepted(&later) {
        add_rejected(&mut first.extra, std::mem::take(&mut later.spans));
    } else if !accepted(first) && accepted(&later) {
        add_rejected(&mut first.extra, std::mem::take(&mut first.spans));
    }
    for s in later.spans {
        if !first.spans.contains(&s) {
            first.spans.push(s);
        }
    }
    first
        .spans
        .sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
    for (layer, values) in later.labels {
        let mine = first.labels.entry(layer).or_default();
        for v in values {
            if !mine.contains(&v) {
                mine.push(v);
            }
        }
    }
    for (k, v) in later.extra {
        match (first.extra.get_mut(&k), v) {
            (Some(serde_json::Value::Array(a)), serde_json::Value::Array(b)) => {
                for x in b {
                    if !a.contains(&x) {
                        a.push(x);
                    }
                }
            }
            (Some(_), _) => {}
            (None, v) => {
                first.extra.insert(k, v);
            }
        }
    }
    if !accepted(first) {
        first.status = later.status;
    }
    if first.note.is_none() {
        first.note = later.note;
    }
    first.ms += later.ms;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(spans: Vec<annot_model::Span>, status: Status) -> Record {
        Record {
            doc: "d".into(),
            hash: "h".into(),
            annotator: "a".into(),
            schema: "news@1".into(),
            status,
            at: "2026-01-01T00:00:00Z".into(),
            ms: 0,
            spans,
            labels: BTreeMap::new(),
            zones: None,
            note: None,
            extra: serde_json::Map::new(),
        }
    }

    #[test]
    fn merging_joins_spans_and_keeps_an_accept() {
        let t = "Paris et Lyon";
        let paris = annot_model::Span::from_chars(t, 0, 5, "LOC").unwrap();
        let lyon = annot_model::Span::from_chars(t, 9, 13, "LOC").unwrap();
        let mut first = rec(vec![lyon.clone()], Status::Accepted);
        merge(&mut first, rec(vec![paris.clone()], Status::Rejected));
        assert_eq!(
            first.spans,
            vec![lyon.clone()],
            "a rejected suggestion is no span"
        );
        assert_eq!(first.status, Status::Accepted);
        assert_eq!(first.extra["rejected_spans"][0]["text"], "Paris");
        merge(&mut first, rec(vec![paris.clone()], Status::Accepted));
        assert_eq!(first.spans, vec![paris, lyon]);
        let mut first = rec(vec![], Status::Skipped);
        merge(&mut first, rec(vec![], Status::Rejected));
        assert_eq!(first.status, Status::Rejected);
    }

    #[test]
    fn the_time_of_a_decision_does_not_make_it_another() {
        let a = rec(vec![], Status::Accepted);
        let mut b = a.clone();
        b.at = "2027-01-01T00:00:00Z".into();
        assert!(same_decision(&a, &b));
        b.status = Status::Rejected;
        assert!(!same_decision(&a, &b));
    }

    #[test]
    fn labels_go_to_the_layer_that_has_them() {
        let schema = Schema::news();
        let mut r = rec(vec![], Status::Accepted);
        let topic = schema.labels[0].values[0].clone();
        r.labels
            .insert(ANY_LAYER.into(), vec![topic.clone(), "nowhere".into()]);
        place_labels(&mut r, &schema);
        assert_eq!(r.labels[&schema.labels[0].name], vec![topic]);
        assert_eq!(r.labels[ANY_LAYER], vec!["nowhere".to_owned()]);
        let mut s = schema.clone();
        let unknown = s.unknown_labels(&r.spans, &r.labels);
        let added: Vec<String> = unknown.iter().flat_map(|u| add_label(&mut s, u)).collect();
        assert_eq!(added, ["label layer label", "label: nowhere"]);
        let mut r2 = rec(vec![], Status::Accepted);
        r2.labels.insert(ANY_LAYER.into(), vec!["nowhere".into()]);
        place_labels(&mut r2, &s);
        assert!(s.unknown_labels(&r2.spans, &r2.labels).is_empty());
    }
}
