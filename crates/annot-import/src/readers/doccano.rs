//! doccano's JSONL export, one example a line:
//!
//! - sequence labelling: `{"text", "label": [[start, end, "LABEL"], ...]}`
//!   (`labels` in older versions);
//! - relation projects: `{"text", "entities": [{"id", "label",
//!   "start_offset", "end_offset"}], "relations": [{"id", "from_id",
//!   "to_id", "type"}]}`, relations kept in the record's `relations`;
//! - classification: `{"text", "label": ["positive", ...]}`.
//!
//! doccano's export zip holds one such file a user, named after the user
//! (`alice.jsonl`): the annotator is the file's name unless `--as` says, and
//! `all.jsonl` (the collaborative export) names nobody. doccano's own `id`
//! is kept in the document's metadata as `doccano_id` (the document is
//! matched to the corpus by its text, or by `--id-field`); `Comments` become
//! the record's note; other keys are the document's metadata.

use annot_model::Status;
use serde_json::{Map, Value};

use crate::annotated::{ANY_LAYER, AnnotatedIn, AnnotationIn, SpanIn};
use crate::error::Result;
use crate::meta::RecordMeta;

use super::jsonl::json_type;
use super::lines::{AnnotatedLines, Line, keep_relations, offset, string};

/// The reader of `--format doccano`.
pub(super) const DOCCANO: AnnotatedLines = AnnotatedLines { parse };

/// The file name of doccano's collaborative export, which names no user.
const ALL_USERS: &str = "all";

fn parse(line: &Line<'_>, mut task: Map<String, Value>) -> Result<AnnotatedIn> {
    let text = line.text(&mut task)?;
    let id = match &line.opts.id_field {
        Some(field) => line.id(&mut task, field)?,
        None => None,
    };
    let mut ann = AnnotationIn::new(Status::Accepted);
    ann.annotator = line.file_stem().filter(|s| s != ALL_USERS);
    let mut conversions = Vec::new();
    let label = task.remove("label").or_else(|| task.remove("labels"));
    match label {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                match item {
                    // [start, end, "LABEL"]
                    Value::Array(triple) => {
                        let what = |n: usize| format!("label[{i}][{n}]");
                        if triple.len() != 3 {
                            return Err(line.error(format!(
                                "label[{i}] has {} items, not [start, end, \"LABEL\"]",
                                triple.len()
                            )));
                        }
                        let start = offset(line, triple.first(), &what(0))?;
                        let end = offset(line, triple.get(1), &what(1))?;
                        let label = string(line, triple.get(2), &what(2))?;
                        ann.spans.push(SpanIn::new(start, end, label));
                    }
                    // A class of a classification project.
                    Value::String(class) => {
                        ann.labels
                            .entry(ANY_LAYER.into())
                            .or_default()
                            .push(class.clone());
                    }
                    other => {
                        return Err(line.error(format!(
                            "label[{i}] is {}, neither [start, end, \"LABEL\"] nor a class name",
                            json_type(other)
                        )));
                    }
                }
            }
        }
        Some(other) => {
            return Err(line.error(format!(
                "'label' is {}, not a list of spans or classes",
                json_type(&other)
            )));
        }
    }
    match task.remove("entities") {
        None | Some(Value::Null) => {}
        Some(Value::Array(entities)) => {
            for (i, e) in entities.iter().enumerate() {
                let what = |f: &str| format!("entities[{i}].{f}");
                let start = offset(line, e.get("start_offset"), &what("start_offset"))?;
                let end = offset(line, e.get("end_offset"), &what("end_offset"))?;
                let label = string(line, e.get("label"), &what("label"))?;
                ann.spans.push(SpanIn::new(start, end, label));
            }
            ann.extra
                .insert("entities".into(), Value::Array(entities.clone()));
        }
        Some(_) => return Err(line.error("'entities' is not a list of entities")),
    }
    if !keep_relations(
        &mut task,
        &mut ann,
        &mut conversions,
        " (with the entities they join)",
    ) {
        // The entities are kept only for the relations to refer to.
        ann.extra.remove("entities");
    }
    if let Some(Value::Array(comments)) = task.remove("Comments") {
        let notes: Vec<String> = comments
            .iter()
            .filter_map(|c| match c {
                Value::String(s) => Some(s.clone()),
                Value::Object(o) => o.get("text").and_then(Value::as_str).map(str::to_owned),
                _ => None,
            })
            .collect();
        if !notes.is_empty() {
            ann.note = Some(notes.join("\n"));
        }
    }
    let mut meta = RecordMeta::default();
    if let Some(doccano_id) = task.remove("id") {
        meta.set("doccano_id", doccano_id);
    }
    for (k, v) in task {
        meta.set(&k, v);
    }
    Ok(line.annotated(id, text, meta, vec![ann], conversions))
}
