//! Hugging Face token classification: JSONL of
//! `{"id","tokens":[...],"ner_tags":[ints],<layer>:[values]...}`, one
//! document a line (what `datasets.load_dataset("json")` reads), and
//! `labels.json` beside it: `{"ner_tags": [names...], <layer>: [values...]}`,
//! each list indexed by id, for `ClassLabel(names=...)`. Tag ids: 0 is `O`,
//! then each span label of the schema (then any other, in the order met) with
//! each prefix of the scheme (`B-PER` = 1, `I-PER` = 2, ...).

use std::io::{self, Write};

use super::{Example, Vocab, Writer, token_tags};
use crate::config::Scheme;

pub(crate) struct HfWriter {
    pub(crate) scheme: Scheme,
}

/// Keys of a line that a document label layer cannot take.
pub(crate) const RESERVED: [&str; 3] = ["id", "tokens", "ner_tags"];

/// The tag id of every token: 0 for `O`, else into [`Vocab::tag_names`].
pub(crate) fn tag_ids(ex: &Example<'_>, vocab: &Vocab, scheme: Scheme) -> Vec<usize> {
    let width = scheme.prefixes().len();
    token_tags(ex, scheme)
        .into_iter()
        .map(|t| {
            t.and_then(|(p, label)| vocab.label_index(label).map(|l| 1 + l * width + p))
                .unwrap_or(0)
        })
        .collect()
}

impl Writer for HfWriter {
    fn write(&mut self, ex: &Example<'_>, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        let tags = tag_ids(ex, vocab, self.scheme);
        let tokens: Vec<&str> = ex.tokens.iter().map(|t| ex.slice(t.start, t.end)).collect();
        let mut line = serde_json::Map::new();
        line.insert("id".into(), ex.id.into());
        line.insert("tokens".into(), serde_json::json!(tokens));
        line.insert("ner_tags".into(), serde_json::json!(tags));
        for (layer, _) in &vocab.layers {
            if RESERVED.contains(&layer.as_str()) {
                continue;
            }
            let values = ex.labels.get(layer).cloned().unwrap_or_default();
            line.insert(layer.clone(), serde_json::json!(values));
        }
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")
    }
}

/// `labels.json`: the names behind every integer column.
pub(crate) fn labels_json(vocab: &Vocab, scheme: Scheme) -> serde_json::Result<Vec<u8>> {
    let mut labels = serde_json::Map::new();
    labels.insert(
        "ner_tags".into(),
        serde_json::json!(vocab.tag_names(scheme)),
    );
    for (layer, values) in &vocab.layers {
        if !RESERVED.contains(&layer.as_str()) {
            labels.insert(layer.clone(), serde_json::json!(values));
        }
    }
    let mut out = serde_json::to_vec_pretty(&labels)?;
    out.push(b'\n');
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Format;
    use crate::writers::tests::{Owned, vocab, written};

    #[test]
    fn tags_are_ids_into_labels_json() {
        let o = Owned::new("Le Hezbollah à Boukamal", &[(1, 1, "ORG"), (3, 3, "LOC")]);
        let line = written(
            &Format::Hf {
                scheme: Scheme::Iob2,
            },
            &o,
        );
        assert_eq!(
            line,
            "{\"id\":\"d1\",\"tokens\":[\"Le\",\"Hezbollah\",\"à\",\"Boukamal\"],\"ner_tags\":[0,3,0,5],\"topic\":[\"conflict\"]}\n"
        );
        let labels: serde_json::Value =
            serde_json::from_slice(&labels_json(&vocab(), Scheme::Iob2).unwrap()).unwrap();
        assert_eq!(labels["ner_tags"][3], "B-ORG");
        assert_eq!(labels["ner_tags"][5], "B-LOC");
        assert_eq!(labels["topic"][1], "conflict");
    }
}
