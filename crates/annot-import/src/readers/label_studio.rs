//! Label Studio's JSON export: a list of tasks,
//!
//! ```text
//! [{"id", "data": {"text", ...}, "meta",
//!   "annotations": [{"completed_by", "was_cancelled", "lead_time", "created_at",
//!     "result": [{"id", "from_name", "to_name", "type": "labels",
//!                 "value": {"start", "end", "text", "labels": ["LOC"]}},
//!                {"from_name": "sentiment", "type": "choices",
//!                 "value": {"choices": ["positive"]}},
//!                {"type": "relation", "from_id", "to_id", "labels"}]}]}]
//! ```
//!
//! Each annotation is a record of its annotator: `completed_by` (a user id,
//! `ls-<id>`, or in older exports a user object, the part of its e-mail
//! before `@`) unless `--as` names one; a cancelled annotation is skipped.
//! `choices` are document labels on the layer named by `from_name`;
//! relations are kept in the record's `relations`; `textarea` text is the
//! record's note; other result types are reported as not imported.
//!
//! Label Studio counted offsets in UTF-16 code units before its 2021
//! frontend fix, in code points since: each span is read both ways against
//! its `value.text`, the reading that matches is taken (reported when it was
//! UTF-16), and a span that matches under neither is refused.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;
use serde_json::{Map, Value};

use annot_model::Status;
use annot_model::project::annotator_name_from;

use crate::annotated::{
    AnnotatedIn, AnnotationIn, ConversionKind, SpanIn, Units, annotated_events,
};
use crate::decode::decode_raw;
use crate::error::{Diagnostic, ErrorKind, ImportError, Result};
use crate::meta::RecordMeta;
use crate::sources::Source;

use super::jsonl::json_type;
use super::{Context, Event, Reader, failed};

/// Reads a Label Studio JSON export.
pub(super) struct LabelStudioReader;

impl Reader for LabelStudioReader {
    fn read(
        &self,
        src: &Source,
        cx: Context<'_>,
        emit: &mut dyn FnMut(Vec<Event>) -> bool,
    ) -> bool {
        let tasks = match tasks(src, cx) {
            Ok(tasks) => tasks,
            Err(e) => return emit(failed(src, e)),
        };
        if tasks.is_empty() {
            let empty = "holds no task (the export is an empty list): nothing to import";
            return emit(super::finished(src, false, 0, empty));
        }
        let opts = cx.opts;
        let users = Users::of(&tasks);
        let warnings: Vec<Event> = users
            .warnings()
            .into_iter()
            .map(|w| Event::Warning(Diagnostic::new(src.name(), w)))
            .collect();
        if !warnings.is_empty() && !emit(warnings) {
            return false;
        }
        let numbered: Vec<(usize, Value)> = tasks.into_iter().enumerate().collect();
        for chunk in numbered.chunks(cx.chunk) {
            let events: Vec<Event> = chunk
                .par_iter()
                .flat_map_iter(|(i, task)| match parse(src, cx, &users, *i, task) {
                    Ok(a) => annotated_events(a, &src.meta_source(), opts),
                    Err(e) => vec![Event::Failure(e.into())],
                })
                .collect();
            if !emit(events) {
                return false;
            }
        }
        emit(vec![Event::Read {
            bytes: src.size,
            file_done: true,
        }])
    }
}

/// The tasks of the export.
fn tasks(src: &Source, cx: Context<'_>) -> Result<Vec<Value>> {
    let bytes = src.bytes()?;
    let (json, _) = decode_raw(&bytes, &src.name(), cx.opts.strict)?;
    let value: Value = serde_json::from_str(&json).map_err(|e| {
        ImportError::new(
            format!("{}:{}", src.name(), e.line()),
            ErrorKind::Annotation(format!(
                "invalid JSON: {e}; a Label Studio export is one JSON list of tasks (export \
                 as JSON, not JSON-MIN or CSV)"
            )),
        )
    })?;
    match value {
        Value::Array(tasks) => Ok(tasks),
        // One task on its own.
        Value::Object(_) => Ok(vec![value]),
        other => Err(ImportError::new(
            src.name(),
            ErrorKind::Annotation(format!(
                "is {}, not a Label Studio export (a JSON list of tasks)",
                json_type(&other)
            )),
        )),
    }
}

/// Label Studio's users in one export: the annotator name of each user id.
///
/// A user is its id, whether `completed_by` gives the id alone or the user
/// object: the name is the local part of the user's e-mail when the export
/// gives one that no other user of the export shares, else `ls-<id>`
/// (`<local>-ls<id>` when two users' e-mails share their local part).
#[derive(Debug, Default)]
struct Users {
    names: HashMap<String, String>,
    /// Users whose e-mails share a local part: `(local part, [(id, e-mail)])`.
    collisions: Vec<(String, Vec<(String, String)>)>,
}

impl Users {
    fn of(tasks: &[Value]) -> Self {
        // id -> e-mail (when any form of the user gives it).
        let mut emails: BTreeMap<String, Option<String>> = BTreeMap::new();
        for task in tasks {
            let list = task
                .get("annotations")
                .or_else(|| task.get("completions"))
                .and_then(Value::as_array);
            for a in list.into_iter().flatten() {
                match a.get("completed_by") {
                    Some(Value::Number(n)) => {
                        emails.entry(n.to_string()).or_default();
                    }
                    Some(Value::Object(user)) => {
                        let Some(id) = user.get("id").map(user_id) else {
                            continue;
                        };
                        let email = user.get("email").and_then(Value::as_str);
                        let slot = emails.entry(id).or_default();
                        if slot.is_none() {
                            *slot = email
                                .filter(|e| !local_part(e).is_empty())
                                .map(str::to_owned);
                        }
                    }
                    _ => {}
                }
            }
        }
        let mut by_local: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
        for (id, email) in &emails {
            if let Some(e) = email {
                by_local
                    .entry(annotator_name_from(local_part(e)))
                    .or_default()
                    .push((id.clone(), e.clone()));
            }
        }
        let mut users = Self::default();
        for (id, email) in &emails {
            let name = match email {
                Some(e) => {
                    let local = annotator_name_from(local_part(e));
                    if by_local[&local].len() == 1 {
                        local
                    } else {
                        format!("{local}-ls{id}")
                    }
                }
                None => format!("ls-{id}"),
            };
            users.names.insert(id.clone(), name);
        }
        users.collisions = by_local.into_iter().filter(|(_, v)| v.len() > 1).collect();
        users
    }

    /// The annotator named by `completed_by`: a user id, or a user object.
    fn annotator(&self, completed_by: Option<&Value>) -> Option<String> {
        let by_id = |id: String| {
            self.names
                .get(&id)
                .cloned()
                .unwrap_or_else(|| format!("ls-{id}"))
        };
        match completed_by? {
            Value::Number(n) => Some(by_id(n.to_string())),
            Value::Object(user) => match user.get("id") {
                Some(id) => Some(by_id(user_id(id))),
                None => user
                    .get("email")
                    .and_then(Value::as_str)
                    .map(local_part)
                    .filter(|l| !l.is_empty())
                    .map(annotator_name_from),
            },
            Value::String(s) => Some(s.clone()),
            _ => None,
        }
    }

    /// What the report says about users whose e-mails share a local part.
    fn warnings(&self) -> Vec<String> {
        self.collisions
            .iter()
            .map(|(local, users)| {
                let list: Vec<String> = users
                    .iter()
                    .map(|(id, e)| format!("user {id} ({e}) as {}", self.names[id]))
                    .collect();
                format!(
                    "Label Studio users whose e-mails share the name '{local}' are different \
                     annotators: {}",
                    list.join(", ")
                )
            })
            .collect()
    }
}

/// A user id as a string (`3`, or `"3"` as `3`).
fn user_id(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// The part of an e-mail before `@` (of `Name <a@b>`, the address's).
fn local_part(email: &str) -> &str {
    let address = email
        .rsplit_once('<')
        .map_or(email, |(_, a)| a.trim_end_matches('>'));
    address.split('@').next().unwrap_or("").trim()
}

/// An RFC 3339 time of Label Studio (`2021-04-01T10:00:00.123456Z`) at second precision.
fn time(v: Option<&Value>) -> Option<String> {
    let t: jiff::Timestamp = v?.as_str()?.parse().ok()?;
    Some(t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string())
}

fn parse(
    src: &Source,
    cx: Context<'_>,
    users: &Users,
    i: usize,
    task: &Value,
) -> Result<AnnotatedIn> {
    let task_id = task.get("id").map(ToString::to_string);
    let location = match &task_id {
        Some(id) => format!("{}: task {} (id {id})", src.name(), i + 1),
        None => format!("{}: task {}", src.name(), i + 1),
    };
    let err = |m: String| ImportError::new(&location, ErrorKind::Annotation(m));
    let Some(data) = task.get("data").and_then(Value::as_object) else {
        return Err(err(
            "has no 'data' object: not a task of a Label Studio JSON export (export as JSON, \
             not JSON-MIN)"
                .into(),
        ));
    };
    let field = &cx.opts.text_field;
    let text = match data.get(field) {
        Some(Value::String(s)) => s.clone(),
        _ => {
            return Err(ImportError::new(
                &location,
                ErrorKind::MissingText {
                    field: format!("data.{field}"),
                },
            ));
        }
    };
    let id_field = cx.opts.id_field.as_deref().unwrap_or("id");
    let id = match data.get(id_field) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    if let Some(id) = &id {
        annot_model::document::check_id(id).map_err(|p| {
            ImportError::new(
                &location,
                ErrorKind::BadId {
                    field: format!("field 'data.{id_field}'"),
                    problem: p,
                },
            )
        })?;
    }
    let mut meta = RecordMeta::default();
    for (k, v) in data {
        if k != field && k != id_field {
            meta.set(k, v.clone());
        }
    }
    if let Some(Value::Object(m)) = task.get("meta") {
        for (k, v) in m {
            meta.set(k, v.clone());
        }
    }
    if let Some(t) = &task_id {
        meta.set("label_studio_id", Value::String(t.clone()));
    }
    let mut conversions = Vec::new();
    let mut annotations = Vec::new();
    let list = match task.get("annotations").or_else(|| task.get("completions")) {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(list)) => list,
        Some(other) => {
            return Err(err(format!(
                "'annotations' is {}, not a list",
                json_type(other)
            )));
        }
    };
    for (a, annotation) in list.iter().enumerate() {
        let ann = annotation_of(annotation, a, users, &mut conversions).map_err(err)?;
        annotations.push(ann);
    }
    if let Some(Value::Array(p)) = task.get("predictions")
        && !p.is_empty()
    {
        conversions.push((
            ConversionKind::NotModelled,
            format!(
                "{} prediction(s) not imported (only annotations are; to correct a model's \
                 predictions, import them as an annotator such as model)",
                p.len()
            ),
        ));
    }
    Ok(AnnotatedIn {
        location,
        id,
        text,
        text_field: format!("data.{field}"),
        meta,
        annotations,
        conversions,
        warnings: Vec::new(),
    })
}

/// One annotation of a task (the `a`-th) as a decision.
fn annotation_of(
    annotation: &Value,
    a: usize,
    users: &Users,
    conversions: &mut Vec<(ConversionKind, String)>,
) -> std::result::Result<AnnotationIn, String> {
    let cancelled = annotation
        .get("was_cancelled")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut ann = AnnotationIn::new(if cancelled {
        Status::Skipped
    } else {
        Status::Accepted
    });
    ann.annotator = users.annotator(annotation.get("completed_by"));
    ann.at = time(annotation.get("updated_at")).or_else(|| time(annotation.get("created_at")));
    if let Some(secs) = annotation.get("lead_time").and_then(Value::as_f64)
        && secs.is_finite()
        && secs >= 0.0
    {
        // Whole milliseconds of a duration in seconds.
        ann.ms = (secs * 1000.0).round() as u64;
    }
    if let Some(id) = annotation.get("id") {
        ann.extra
            .insert("label_studio_annotation".into(), id.clone());
    }
    let results = match annotation.get("result") {
        None | Some(Value::Null) => &Vec::new(),
        Some(Value::Array(r)) => r,
        Some(other) => {
            return Err(format!(
                "annotations[{a}].result is {}, not a list",
                json_type(other)
            ));
        }
    };
    let mut relations = Vec::new();
    let mut notes = Vec::new();
    let mut other = std::collections::BTreeMap::<String, usize>::new();
    for (r, result) in results.iter().enumerate() {
        let at = format!("annotations[{a}].result[{r}]");
        let kind = result.get("type").and_then(Value::as_str).unwrap_or("");
        let value = result.get("value");
        match kind {
            "labels" | "hypertextlabels" => {
                let Some(value) = value else {
                    return Err(format!("{at} has no 'value'"));
                };
                let number = |f: &str| {
                    value
                        .get(f)
                        .and_then(Value::as_u64)
                        .and_then(|n| usize::try_from(n).ok())
                        .ok_or_else(|| format!("{at}.value.{f} is missing or not an offset"))
                };
                let (start, end) = (number("start")?, number("end")?);
                let stated = value.get("text").and_then(Value::as_str).map(str::to_owned);
                let labels = value
                    .get("labels")
                    .or_else(|| value.get("hypertextlabels"))
                    .and_then(Value::as_array)
                    .ok_or_else(|| format!("{at}.value.labels is missing"))?;
                for l in labels {
                    let Some(l) = l.as_str() else {
                        return Err(format!(
                            "{at}.value.labels holds a label that is not a string"
                        ));
                    };
                    let mut span = SpanIn::new(start, end, l).with_text(stated.clone());
                    span.units = Units::CodePointsOrUtf16;
                    ann.spans.push(span);
                }
            }
            "choices" => {
                let layer = result
                    .get("from_name")
                    .and_then(Value::as_str)
                    .unwrap_or(crate::annotated::ANY_LAYER)
                    .to_owned();
                let choices = value
                    .and_then(|v| v.get("choices"))
                    .and_then(Value::as_array)
                    .ok_or_else(|| format!("{at}.value.choices is missing"))?;
                let values = ann.labels.entry(layer).or_default();
                for c in choices.iter().filter_map(Value::as_str) {
                    values.push(c.to_owned());
                }
            }
            "relation" => relations.push(result.clone()),
            "textarea" => {
                if let Some(t) = value.and_then(|v| v.get("text")).and_then(Value::as_array) {
                    notes.extend(t.iter().filter_map(Value::as_str).map(str::to_owned));
                }
            }
            other_kind => *other.entry(other_kind.to_owned()).or_default() += 1,
        }
    }
    if !relations.is_empty() {
        conversions.push((
            ConversionKind::RelationsKept,
            format!(
                "{} relation(s) of annotation {} kept in the record's relations",
                relations.len(),
                a + 1
            ),
        ));
        // The labelled regions' ids, for the relations to refer to.
        let ids: Vec<Value> = results
            .iter()
            .filter(|r| r.get("type").and_then(Value::as_str) == Some("labels"))
            .map(|r| {
                let mut m = Map::new();
                for k in ["id", "value"] {
                    if let Some(v) = r.get(k) {
                        m.insert(k.into(), v.clone());
                    }
                }
                Value::Object(m)
            })
            .collect();
        ann.extra
            .insert("relations".into(), Value::Array(relations));
        ann.extra.insert("regions".into(), Value::Array(ids));
    }
    for (kind, n) in other {
        conversions.push((
            ConversionKind::NotModelled,
            format!(
                "{n} result(s) of type '{kind}' in annotation {} not imported",
                a + 1
            ),
        ));
    }
    if !notes.is_empty() {
        ann.note = Some(notes.join("\n"));
    }
    Ok(ann)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annotators_of_completed_by() {
        let task = |by: Value| serde_json::json!({"annotations": [{"completed_by": by}]});
        let users = Users::of(&[
            task(serde_json::json!({"id": 3, "email": "jo.ann+x@example.org"})),
            task(serde_json::json!(3)),
            task(serde_json::json!(4)),
            task(serde_json::json!({"id": 5, "email": "carol@x.org"})),
            task(serde_json::json!({"id": 6, "email": "Carol C <carol@y.org>"})),
        ]);
        let name = |v: Value| users.annotator(Some(&v));
        assert_eq!(name(serde_json::json!(3)).as_deref(), Some("jo.ann_x"));
        let user = serde_json::json!({"id": 3, "email": "jo.ann+x@example.org"});
        assert_eq!(name(user).as_deref(), Some("jo.ann_x"));
        assert_eq!(name(serde_json::json!(4)).as_deref(), Some("ls-4"));
        assert_eq!(name(serde_json::json!(5)).as_deref(), Some("carol-ls5"));
        assert_eq!(name(serde_json::json!(6)).as_deref(), Some("carol-ls6"));
        assert_eq!(users.annotator(None), None);
        assert_eq!(users.warnings().len(), 1);
    }

    #[test]
    fn times_to_the_second() {
        let t = serde_json::json!("2021-04-01T10:00:00.123456Z");
        assert_eq!(time(Some(&t)).as_deref(), Some("2021-04-01T10:00:00Z"));
    }
}
