//! annot's own JSONL export read back (`annot export --format jsonl`):
//! `{"id","text","spans":[{"start","end","label","text",...}],"tokens",
//! "cats":{value: 1.0 or 0.0},"meta":{...}}`, one accepted decision a line
//! (the annotator is `--as`). `cats` keys are a layer's value, or
//! `layer:value` when two layers share the value; a score is a number from
//! 0 to 1, the label taken at 0.5 and above (one strictly between 0 and 1 is
//! reported); tokens are annot's own and left aside.

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
    let mut warnings = Vec::new();
    ann.spans = line.spans(&mut task)?.into_iter().map(|(s, _)| s).collect();
    match task.remove("cats") {
        None | Some(Value::Null) => {}
        Some(Value::Object(cats)) => {
            for (key, v) in cats {
                // A score is a number in [0, 1]; 0.5 and above is the label.
                let Some(score) = v.as_f64().filter(|x| (0.0..=1.0).contains(x)) else {
                    return Err(line.error(format!(
                        "cats.{key} is {v}, not a score (a number from 0 to 1; the label is \
                         taken at 0.5 and above)"
                    )));
                };
                if score > 0.0 && score < 1.0 {
                    warnings.push(format!(
                        "cats.{key} is {score}, neither 0 nor 1: read as {} (the label is taken \
                         at 0.5 and above)",
                        if score >= 0.5 {
                            "the label"
                        } else {
                            "not the label"
                        }
                    ));
                }
                if score >= 0.5 {
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
    let mut a = line.annotated(id, text, meta, vec![ann], Vec::new());
    a.warnings = warnings;
    Ok(a)
}
