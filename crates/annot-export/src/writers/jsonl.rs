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

use super::{Example, SpacyToken, Vocab, Writer, cats, spacy_tokens};

pub(crate) struct JsonlWriter {
    pub(crate) tokens: bool,
    /// The line being made, reused: `out` gets one write a document.
    pub(crate) buf: Vec<u8>,
}

#[derive(Serialize)]
struct Line<'a> {
    id: &'a str,
    text: &'a str,
    spans: Vec<SpanOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<SpacyToken<'a>>>,
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
        let cats = cats(ex, vocab)
            .into_iter()
            .map(|(k, on)| (k, serde_json::json!(if on { 1.0 } else { 0.0 })))
            .collect();
        let line = Line {
            id: ex.id,
            text: ex.text,
            spans,
            tokens,
            cats,
            meta: ex.meta,
        };
        self.buf.clear();
        serde_json::to_writer(&mut self.buf, &line)?;
        self.buf.push(b'\n');
        out.write_all(&self.buf)
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
