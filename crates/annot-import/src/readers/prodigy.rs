//! Prodigy's JSONL, one task a line as `prodigy db-out` writes it:
//! `text`, `spans` (`start`, `end`, `label`, optional `text`,
//! `token_start`/`token_end`, and in `ner.teach` output a span-level
//! `answer`), `tokens`, `answer` (`accept`, `reject`, `ignore`), binary
//! `label` + `answer` and choice `options` + `accept` (document labels),
//! `relations`, `meta`, `_input_hash`, `_task_hash`, `_timestamp`.
//!
//! Offsets are code points. `answer` gives the record's status; a span whose
//! own answer is `reject` is kept in the record's `rejected_spans`; document
//! labels go to the schema's layer that has the value; relations are kept in
//! the record's `relations` until annot models them; `meta` is the document's
//! metadata; Prodigy's own keys (`_input_hash`, ...) are kept in the record.
//! Tokens are Prodigy's and left aside (annot tokenizes on its own).

use annot_model::Status;
use serde_json::{Map, Value};

use crate::annotated::{ANY_LAYER, AnnotatedIn, AnnotationIn, ConversionKind, SpanIn};
use crate::error::Result;
use crate::meta::RecordMeta;

use super::lines::{AnnotatedLines, Line, offset, string};

/// The reader of `--format prodigy`.
pub(super) const PRODIGY: AnnotatedLines = AnnotatedLines { parse };

/// Prodigy's keys kept in the record as they are.
const KEPT: [&str; 5] = [
    "_input_hash",
    "_task_hash",
    "_session_id",
    "_annotator_id",
    "_view_id",
];

/// The status of an `answer`.
fn status(line: &Line<'_>, answer: Option<&Value>, what: &str) -> Result<Status> {
    match answer.and_then(Value::as_str) {
        None if answer.is_none() => Ok(Status::Accepted),
        Some("accept") => Ok(Status::Accepted),
        Some("reject") => Ok(Status::Rejected),
        Some("ignore") => Ok(Status::Skipped),
        _ => Err(line.error(format!(
            "{what} is {}, not \"accept\", \"reject\" or \"ignore\"",
            answer.map_or_else(String::new, ToString::to_string)
        ))),
    }
}

fn parse(line: &Line<'_>, mut task: Map<String, Value>) -> Result<AnnotatedIn> {
    let text = line.text(&mut task)?;
    let id = line.id(&mut task, "id")?;
    let mut ann = AnnotationIn::new(status(line, task.get("answer"), "'answer'")?);
    let mut conversions = Vec::new();
    match task.remove("spans") {
        None | Some(Value::Null) => {}
        Some(Value::Array(spans)) => {
            for (i, s) in spans.iter().enumerate() {
                let what = |f: &str| format!("spans[{i}].{f}");
                let start = offset(line, s.get("start"), &what("start"))?;
                let end = offset(line, s.get("end"), &what("end"))?;
                let label = string(line, s.get("label"), &what("label"))?;
                let stated = s.get("text").and_then(Value::as_str).map(str::to_owned);
                let span = SpanIn::new(start, end, label).with_text(stated);
                match status(line, s.get("answer"), &what("answer"))? {
                    Status::Rejected => ann.rejected.push(span),
                    _ => ann.spans.push(span),
                }
            }
        }
        Some(_) => return Err(line.error("'spans' is not a list of spans")),
    }
    // A binary document label: `label` with the task's answer.
    if let Some(label) = task.remove("label") {
        let label = string(line, Some(&label), "'label'")?;
        if ann.status == Status::Accepted {
            ann.labels.entry(ANY_LAYER.into()).or_default().push(label);
        } else {
            ann.extra.insert("label".into(), Value::String(label));
        }
    }
    // Choices: `accept` lists the ids of the options chosen.
    match task.remove("accept") {
        None | Some(Value::Null) => {}
        Some(Value::Array(chosen)) => {
            for (i, c) in chosen.iter().enumerate() {
                let value = match c {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => return Err(line.error(format!("accept[{i}] is not an option id"))),
                };
                ann.labels.entry(ANY_LAYER.into()).or_default().push(value);
            }
        }
        Some(_) => return Err(line.error("'accept' is not a list of option ids")),
    }
    if let Some(relations) = task.remove("relations")
        && relations.as_array().is_some_and(|r| !r.is_empty())
    {
        let n = relations.as_array().map_or(0, Vec::len);
        conversions.push((
            ConversionKind::RelationsKept,
            format!("{n} relation(s) kept in the record's relations"),
        ));
        ann.extra.insert("relations".into(), relations);
    }
    for key in KEPT {
        if let Some(v) = task.remove(key) {
            ann.extra.insert(key.into(), v);
        }
    }
    if let Some(t) = task.get("_timestamp").and_then(Value::as_i64)
        && let Ok(ts) = jiff::Timestamp::from_second(t)
    {
        ann.at = Some(ts.strftime("%Y-%m-%dT%H:%M:%SZ").to_string());
    }
    let mut meta = RecordMeta::default();
    if let Some(Value::Object(m)) = task.remove("meta") {
        for (k, v) in m {
            meta.set(&k, v);
        }
    }
    Ok(AnnotatedIn {
        location: line.location.clone(),
        id,
        text,
        text_field: line.opts.text_field.clone(),
        meta,
        annotations: vec![ann],
        conversions,
        warnings: Vec::new(),
    })
}
