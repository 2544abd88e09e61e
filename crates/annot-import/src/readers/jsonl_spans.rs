//! annot's own JSONL export read back (`annot export --format jsonl`):
//! `{"id","text","spans":[{"start","end","label","text",...}],"tokens",
//! "cats":{value: 1.0 or 0.0},"meta":{...}}`, one accepted decision a line
//! (the annotator is `--as`). `cats` keys are a layer's value, or
//! `layer:value` when two layers share the value; tokens are annot's own and
//! left aside.

use serde_json::{Map, Value};

use crate::annotated::{ANY_LAYER, AnnotatedIn, AnnotationIn};
use crate::error::Result;

use super::lines::{AnnotatedLines, Line, meta_of};

/// The reader of `--format jsonl-spans`.
pub(super) const JSONL_SPANS: AnnotatedLines = AnnotatedLines { parse };

fn parse(line: &Line<'_>, mut task: Map<String, Value>) -> Result<AnnotatedIn> {
    let text = line.text(&mut task)?;
    let id = line.id(&mut task, "id")?;
    let mut ann = AnnotationIn::new(annot_model::Status::Accepted);
    ann.spans = line.spans(&mut task)?.into_iter().map(|(s, _)| s).collect();
    match task.remove("cats") {
        None | Some(Value::Null) => {}
        Some(Value::Object(cats)) => {
            for (key, v) in cats {
                if v.as_f64().is_some_and(|x| x >= 0.5) {
                    let (layer, value) = match key.split_once(':') {
                        Some((l, v)) => (l.to_owned(), v.to_owned()),
                        None => (ANY_LAYER.to_owned(), key),
                    };
                    ann.labels.entry(layer).or_default().push(value);
                }
            }
        }
        Some(_) => return Err(line.error("'cats' is not an object of label: score")),
    }
    let meta = meta_of(task.remove("meta"));
    Ok(line.annotated(id, text, meta, vec![ann], Vec::new()))
}
