//! Prodigy's JSONL, one task a line as `prodigy db-out` writes it:
//! `text`, `spans` (`start`, `end`, `label`, optional `text`,
//! `token_start`/`token_end`, and in `ner.teach` output a span-level
//! `answer`), `tokens`, `answer` (`accept`, `reject`, `ignore`), binary
//! `label` + `answer` and choice `options` + `accept` (document labels),
//! `relations`, `meta`, `_input_hash`, `_task_hash`, `_timestamp`.
//!
//! Offsets are code points. `answer` gives the record's status; a span
//! answered `reject` (its own answer, else the task's) is kept in the
//! record's `rejected_spans`, never in its spans, and one answered `ignore`
//! is not imported; document labels go to the schema's layer that has the
//! value, a rejected binary `label` to the record's `rejected_labels`;
//! `_annotator_id` (else `_session_id`) of a multi-user dataset is the
//! annotator unless `--as` names one; relations are kept in
//! the record's `relations` until annot models them; `meta` is the document's
//! metadata; Prodigy's own keys (`_input_hash`, ...) are kept in the record.
//! Tokens are Prodigy's and left aside (annot tokenizes on its own).

use annot_model::Status;
use annot_model::project::annotator_name_from;
use serde_json::{Map, Value};

use crate::annotated::{ANY_LAYER, AnnotatedIn, AnnotationIn, ConversionKind, REJECTED_LABELS};
use crate::error::Result;

use super::lines::{AnnotatedLines, Line, keep_relations, meta_of, string};

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
    // The answer of a span is its own, else the task's: a rejected span is a
    // negative example (never one of the record's spans), an ignored one no
    // judgement at all (not imported).
    let mut ignored = 0usize;
    for (i, (span, answer)) in line.spans(&mut task)?.into_iter().enumerate() {
        let own = match answer {
            Some(a) => status(line, Some(&a), &format!("spans[{i}].answer"))?,
            None => ann.status,
        };
        match own {
            Status::Rejected => ann.rejected.push(span),
            Status::Skipped => ignored += 1,
            _ => ann.spans.push(span),
        }
    }
    if ignored > 0 {
        conversions.push((
            ConversionKind::NotModelled,
            format!(
                "{ignored} span(s) answered ignore not imported (ignore is no judgement: \
                 neither a span nor a rejected one)"
            ),
        ));
    }
    // A binary document label: `label` with the task's answer; a rejected
    // one is kept in the record's `rejected_labels` (the negative example).
    if let Some(label) = task.remove("label") {
        let label = string(line, Some(&label), "'label'")?;
        match ann.status {
            Status::Accepted => ann.labels.entry(ANY_LAYER.into()).or_default().push(label),
            Status::Rejected => {
                ann.extra.insert(
                    REJECTED_LABELS.into(),
                    Value::Array(vec![Value::String(label)]),
                );
            }
            _ => {
                ann.extra.insert("label".into(), Value::String(label));
            }
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
    keep_relations(&mut task, &mut ann, &mut conversions, "");
    // A multi-user dataset (`?session=NAME`) names who answered each task.
    ann.annotator = ["_annotator_id", "_session_id"]
        .iter()
        .find_map(|k| task.get(*k).and_then(Value::as_str))
        .filter(|s| !s.is_empty())
        .map(annotator_name_from);
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
    let meta = meta_of(task.remove("meta"));
    Ok(line.annotated(id, text, meta, vec![ann], conversions))
}
