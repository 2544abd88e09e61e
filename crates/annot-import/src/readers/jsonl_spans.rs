//! annot's own JSONL export read back (`annot export --format jsonl`):
//! `{"id","text","spans":[{"start","end","label","text",...}],"tokens",
//! "cats":{value: 1.0 or 0.0},"meta":{...}}`, one accepted decision a line
//! (the annotator is `--as`). `cats` keys are a layer's value, or
//! `layer:value` when two layers share the value; tokens are annot's own and
//! left aside.

use serde_json::{Map, Value};

use crate::annotated::{ANY_LAYER, AnnotatedIn, AnnotationIn, SpanIn};
use crate::error::Result;
use crate::meta::RecordMeta;

use super::lines::{AnnotatedLines, Line, offset, string};

/// The reader of `--format jsonl-spans`.
pub(super) const JSONL_SPANS: AnnotatedLines = AnnotatedLines { parse };

fn parse(line: &Line<'_>, mut task: Map<String, Value>) -> Result<AnnotatedIn> {
    let text = line.text(&mut task)?;
    let id = line.id(&mut task, "id")?;
    let mut ann = AnnotationIn::new(annot_model::Status::Accepted);
    match task.remove("spans") {
        None | Some(Value::Null) => {}
        Some(Value::Array(spans)) => {
            for (i, s) in spans.iter().enumerate() {
                let what = |f: &str| format!("spans[{i}].{f}");
                let start = offset(line, s.get("start"), &what("start"))?;
                let end = offset(line, s.get("end"), &what("end"))?;
                let label = string(line, s.get("label"), &what("label"))?;
                let stated = s.get("text").and_then(Value::as_str).map(str::to_owned);
                ann.spans
                    .push(SpanIn::new(start, end, label).with_text(stated));
            }
        }
        Some(_) => return Err(line.error("'spans' is not a list of spans")),
    }
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
        conversions: Vec::new(),
        warnings: Vec::new(),
    })
}
