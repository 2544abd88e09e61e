//! The JSON Lines of annotated formats (Prodigy, doccano, annot's own
//! export): one task a line, parsed in parallel a chunk at a time, each
//! turned into an [`AnnotatedIn`] by its format's parser and checked by
//! [`annotated_events`]. A broken line is an error about that line.

use std::path::Path;

use serde_json::{Map, Value};

use crate::annotated::{AnnotatedIn, annotated_events};
use crate::error::{ErrorKind, ImportError, Result};
use crate::input::ImportOptions;
use crate::sources::Source;

use super::jsonl::{JsonlRecords, json_object, json_type};
use super::{Context, Event, Fields, Reader, failed, finished, open_records};

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
        Path::new(&self.src.name)
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
        let reader = match open_records(src) {
            Ok(reader) => reader,
            Err(e) => return emit(failed(src, e)),
        };
        let fields = Fields {
            text: opts.text_field.clone(),
            id: opts.id_field.clone(),
        };
        let mut lines = JsonlRecords::new(reader, &src.name, &fields, opts.strict)
            .with_long_line(opts.max_doc_bytes);
        let parse = |n: usize, bytes: &[u8]| -> Result<AnnotatedIn> {
            let location = format!("{}:{n}", src.name);
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
        let mut sent = 0;
        let mut any = false;
        loop {
            let batch = lines.next_batch(cx.chunk);
            if batch.is_empty() {
                break;
            }
            any = true;
            let bytes: u64 = batch.iter().flatten().map(|(_, b)| b.len() as u64).sum();
            use rayon::prelude::*;
            let mut events: Vec<Event> = batch
                .into_par_iter()
                .flat_map_iter(|item| match item.and_then(|(n, b)| parse(n, &b)) {
                    Ok(a) => annotated_events(a, &src.meta_source, opts),
                    Err(e) => vec![Event::Failure(e.into())],
                })
                .collect();
            events.push(Event::Read {
                bytes,
                file_done: false,
            });
            sent += bytes;
            if !emit(events) {
                return false;
            }
        }
        let empty = "holds no task (it is empty or only blank lines): nothing to import";
        emit(finished(src, any, sent, empty))
    }
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
