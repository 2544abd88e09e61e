//! JSONL as spaCy and Prodigy read it, one document a line:
//!
//! ```text
//! {"id","text","spans":[{"start","end","label","text","token_start","token_end"}],
//!  "tokens":[{"text","start","end","id","ws"}],"cats":{...},"meta":{...}}
//! ```
//!
//! `token_end` is inclusive, as Prodigy writes it. The tokens are spaCy's:
//! `ws` is true when one space follows the token, and any other white space
//! between two tokens (a line break, a second space, a no-break space) is a
//! white-space token of its own, as spaCy makes them, so that
//! `Doc(vocab, words=[t["text"]...], spaces=[t["ws"]...]).text` is `text`
//! and every span is `doc.char_span(start, end)`. `cats` has every value of
//! every label layer, 1.0 when chosen and 0.0 when not (spaCy's
//! `textcat_multilabel` wants the negatives). With several annotators
//! combined, each span also lists the `annotators` who had it.

use std::io::{self, Write};

use serde::Serialize;

use super::{Example, Vocab, Writer};

pub(crate) struct JsonlWriter {
    pub(crate) tokens: bool,
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenOut<'a>>>,
    cats: serde_json::Map<String, serde_json::Value>,
    meta: &'a annot_model::Meta,
}

#[derive(Serialize)]
struct SpanOut<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    text: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_start: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    token_end: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    annotators: Option<&'a [String]>,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    id: usize,
    ws: bool,
}

/// spaCy's tokens of the example: its words, and white-space tokens where a
/// gap is more than one space. Returns them and the index of each word.
fn spacy_tokens<'a>(ex: &Example<'a>) -> (Vec<TokenOut<'a>>, Vec<usize>) {
    let mut out = Vec::with_capacity(ex.tokens.len() + ex.tokens.len() / 8);
    let mut index = Vec::with_capacity(ex.tokens.len());
    let text_end = ex.map.char_len();
    let gap = |out: &mut Vec<TokenOut<'a>>, start: usize, end: usize| {
        if start < end {
            let id = out.len();
            out.push(TokenOut {
                text: slice(ex, start, end),
                start,
                end,
                id,
                ws: false,
            });
        }
    };
    if let Some(first) = ex.tokens.first() {
        gap(&mut out, 0, first.start);
    }
    for (i, t) in ex.tokens.iter().enumerate() {
        let next = ex.tokens.get(i + 1).map_or(text_end, |n| n.start);
        let ws = next > t.end && slice(ex, t.end, t.end + 1) == " ";
        index.push(out.len());
        let id = out.len();
        out.push(TokenOut {
            text: slice(ex, t.start, t.end),
            start: t.start,
            end: t.end,
            id,
            ws,
        });
        gap(&mut out, t.end + usize::from(ws), next);
    }
    (out, index)
}

fn slice<'a>(ex: &Example<'a>, start: usize, end: usize) -> &'a str {
    ex.map
        .to_bytes(start, end)
        .and_then(|(a, b)| ex.text.get(a..b))
        .unwrap_or("")
}

impl Writer for JsonlWriter {
    fn write(&mut self, ex: &Example<'_>, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        let (tokens, index) = if self.tokens {
            let (t, i) = spacy_tokens(ex);
            (Some(t), i)
        } else {
            (None, Vec::new())
        };
        let spans = ex
            .spans
            .iter()
            .map(|s| SpanOut {
                start: s.start,
                end: s.end,
                label: &s.label,
                text: &s.text,
                token_start: index.get(s.token_start).copied(),
                token_end: index.get(s.token_end).copied(),
                annotators: ex.provenance.then_some(s.annotators.as_slice()),
            })
            .collect();
        let mut cats = serde_json::Map::new();
        for (layer, values) in &vocab.layers {
            let chosen = ex.labels.get(layer);
            for v in values {
                let on = chosen.is_some_and(|c| c.contains(v));
                cats.insert(
                    vocab.cat_key(layer, v),
                    serde_json::json!(if on { 1.0 } else { 0.0 }),
                );
            }
        }
        let line = Line {
            id: ex.id,
            text: ex.text,
            spans,
            tokens,
            cats,
            meta: ex.meta,
        };
        serde_json::to_writer(&mut *out, &line)?;
        out.write_all(b"\n")
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Format;
    use crate::writers::tests::{Owned, written};

    #[test]
    fn a_line_in_the_shape_spacy_and_prodigy_read() {
        let o = Owned::new(
            "L'armée  syrienne\n\nà Boukamal.",
            &[(1, 2, "ORG"), (4, 4, "LOC")],
        );
        let line = written(&Format::Jsonl { tokens: true }, &o);
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys, ["id", "text", "spans", "tokens", "cats", "meta"]);
        let tokens: Vec<(&str, bool)> = v["tokens"]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| (t["text"].as_str().unwrap(), t["ws"].as_bool().unwrap()))
            .collect();
        assert_eq!(
            tokens,
            [
                ("L'", false),
                ("armée", true),
                (" ", false),
                ("syrienne", false),
                ("\n\n", false),
                ("à", true),
                ("Boukamal", false),
                (".", false)
            ]
        );
        let rebuilt: String = tokens
            .iter()
            .map(|(t, ws)| format!("{t}{}", if *ws { " " } else { "" }))
            .collect();
        assert_eq!(rebuilt, o.text);
        assert_eq!(v["spans"][0]["token_start"], 1);
        assert_eq!(
            v["spans"][0]["token_end"], 3,
            "inclusive, white-space tokens counted"
        );
        assert_eq!(v["spans"][1]["text"], "Boukamal");
        assert_eq!(v["cats"]["conflict"], 1.0);
        assert_eq!(v["cats"]["economy"], 0.0);
        assert!(v["spans"][0].get("annotators").is_none());
        let bare = written(&Format::Jsonl { tokens: false }, &o);
        assert!(
            !bare.contains("\"tokens\"") && !bare.contains("token_start"),
            "{bare}"
        );
        assert!(line.ends_with("}\n") && line.lines().count() == 1);
    }
}
