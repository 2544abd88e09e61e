//! The JSON Lines of annotated formats (Prodigy, doccano, annot's own
//! export): one task a line, parsed in parallel a chunk at a time, each
//! turned into an [`AnnotatedIn`] by its format's parser and checked by
//! [`annotated_events`]. A broken line is an error about that line.

use std::path::Path;

use serde_json::{Map, Value};

use crate::annotated::{AnnotatedIn, AnnotationIn, ConversionKind, SpanIn, annotated_events};
use crate::error::{ErrorKind, ImportError, Result};
use crate::input::ImportOptions;
use crate::meta::RecordMeta;
use crate::sources::Source;

use super::jsonl::{json_object, json_type, read_lines};
use super::{Context, Event, Reader};

/// One line of an annotated JSONL file, for its format's parser.
pub(super) struct Line<'a> {
    /// `file:line`.
    pub(super) location: String,
    pub(super) src: &'a Source,
    pub(super) opts: &'a ImportOptions,
}

impl Line<'_> {
    /// An error about this line.
    pub(super) fn error(&self, message: impl Into<String>) -> ImportError {
        ImportError::new(&self.location, ErrorKind::Annotation(message.into()))
    }

    /// The file's name without its extension (doccano names a user's file after the user).
    pub(super) fn file_stem(&self) -> Option<String> {
        // Standard input has no name to tell a user by.
        if matches!(self.src.data, crate::sources::SourceData::Stdin(_)) {
            return None;
        }
        Path::new(self.src.name().as_ref())
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
    }

    /// The text field of a task (`--text-field`, else `text`) as the file has it.
    pub(super) fn text(&self, task: &mut Map<String, Value>) -> Result<String> {
        let field = &self.opts.text_field;
        match task.remove(field) {
            Some(Value::String(s)) => Ok(s),
            Some(other) => Err(self.error(format!(
                "field '{field}' is {}, not the text as a string",
                json_type(&other)
            ))),
            None => Err(ImportError::new(
                &self.location,
                ErrorKind::MissingText {
                    field: field.clone(),
                },
            )),
        }
    }

    /// The document id of a task: the `--id-field` (or `id_field`) when it has one.
    pub(super) fn id(
        &self,
        task: &mut Map<String, Value>,
        id_field: &str,
    ) -> Result<Option<String>> {
        let field = self.opts.id_field.as_deref().unwrap_or(id_field);
        let value = match task.remove(field) {
            None | Some(Value::Null) => return Ok(None),
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(other) => {
                return Err(self.bad_id(field, format!("is {}, not a string", json_type(&other))));
            }
        };
        annot_model::document::check_id(&value).map_err(|p| self.bad_id(field, p))?;
        Ok(Some(value))
    }

    /// The document of this line: its text and id as the file has them,
    /// its metadata, and the decisions on it.
    pub(super) fn annotated(
        &self,
        id: Option<String>,
        text: String,
        meta: RecordMeta,
        annotations: Vec<AnnotationIn>,
        conversions: Vec<(ConversionKind, String)>,
    ) -> AnnotatedIn {
        AnnotatedIn {
            location: self.location.clone(),
            id,
            text,
            text_field: self.opts.text_field.clone(),
            meta,
            annotations,
            conversions,
            warnings: Vec::new(),
        }
    }

    /// The `spans` list of a task (`start`, `end`, `label`, optional
    /// `text`), each with its own `answer` when it has one.
    pub(super) fn spans(
        &self,
        task: &mut Map<String, Value>,
    ) -> Result<Vec<(SpanIn, Option<Value>)>> {
        match task.remove("spans") {
            None | Some(Value::Null) => Ok(Vec::new()),
            Some(Value::Array(spans)) => spans
                .into_iter()
                .enumerate()
                .map(|(i, mut s)| {
                    let what = |f: &str| format!("spans[{i}].{f}");
                    let start = offset(self, s.get("start"), &what("start"))?;
                    let end = offset(self, s.get("end"), &what("end"))?;
                    let label = string(self, s.get("label"), &what("label"))?;
                    let stated = s.get("text").and_then(Value::as_str).map(str::to_owned);
                    let answer = s.as_object_mut().and_then(|o| o.remove("answer"));
                    Ok((SpanIn::new(start, end, label).with_text(stated), answer))
                })
                .collect(),
            Some(_) => Err(self.error("'spans' is not a list of spans")),
        }
    }

    fn bad_id(&self, field: &str, problem: String) -> ImportError {
        ImportError::new(
            &self.location,
            ErrorKind::BadId {
                field: format!("field '{field}'"),
                problem,
            },
        )
    }
}

/// A task parser: one JSON object to the document and annotations it holds.
pub(super) type Parse = fn(&Line<'_>, Map<String, Value>) -> Result<AnnotatedIn>;

/// The reader of an annotated JSONL format, given its parser.
pub(super) struct AnnotatedLines {
    pub(super) parse: Parse,
}

impl Reader for AnnotatedLines {
    fn read(
        &self,
        src: &Source,
        cx: Context<'_>,
        emit: &mut dyn FnMut(Vec<Event>) -> bool,
    ) -> bool {
        let opts = cx.opts;
        let parse = |n: usize, bytes: &[u8]| -> Result<AnnotatedIn> {
            let location = format!("{}:{n}", src.name());
            let (task, warning) = json_object(&location, bytes, opts.strict)?;
            let line = Line {
                location,
                src,
                opts,
            };
            let mut a = (self.parse)(&line, task)?;
            a.warnings.extend(warning.map(|w| w.message));
            Ok(a)
        };
        read_lines(
            src,
            cx,
            emit,
            "holds no task (it is empty or only blank lines): nothing to import",
            parse,
            |a| annotated_events(a, &src.meta_source(), opts),
        )
    }
}

/// Moves a task's non-empty `relations` into the record's `relations` (kept
/// until annot models relations), saying so; `with` tells what they join.
pub(super) fn keep_relations(
    task: &mut Map<String, Value>,
    ann: &mut AnnotationIn,
    conversions: &mut Vec<(ConversionKind, String)>,
    with: &str,
) -> bool {
    let Some(relations) = task.remove("relations") else {
        return false;
    };
    let n = relations.as_array().map_or(0, Vec::len);
    if n == 0 {
        return false;
    }
    conversions.push((
        ConversionKind::RelationsKept,
        format!("{n} relation(s) kept in the record's relations{with}"),
    ));
    ann.extra.insert("relations".into(), relations);
    true
}

/// A task's `meta` object as the document's metadata.
pub(super) fn meta_of(meta: Option<Value>) -> RecordMeta {
    let mut out = RecordMeta::default();
    if let Some(Value::Object(m)) = meta {
        for (k, v) in m {
            out.set(&k, v);
        }
    }
    out
}

/// A field of a task as an unsigned offset, or an error naming it.
pub(super) fn offset(line: &Line<'_>, v: Option<&Value>, what: &str) -> Result<usize> {
    match v {
        Some(Value::Number(n)) => {
            n.as_u64()
                .and_then(|n| usize::try_from(n).ok())
                .ok_or_else(|| {
                    line.error(format!(
                        "{what} is {n}, not an offset (a whole number from 0)"
                    ))
                })
        }
        Some(other) => Err(line.error(format!("{what} is {}, not a number", json_type(other)))),
        None => Err(line.error(format!("{what} is missing"))),
    }
}

/// A field as a string, or an error naming it.
pub(super) fn string(line: &Line<'_>, v: Option<&Value>, what: &str) -> Result<String> {
    match v {
        Some(Value::String(s)) => Ok(s.clone()),
        Some(other) => Err(line.error(format!("{what} is {}, not a string", json_type(other)))),
        None => Err(line.error(format!("{what} is missing"))),
    }
}
