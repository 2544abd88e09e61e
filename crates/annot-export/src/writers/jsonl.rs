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
        let spans: Vec<SpanOut<'_>> = ex
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
        let cats: serde_json::Map<String, serde_json::Value> = cats(ex, vocab)
            .into_iter()
            .map(|(k, on)| (k, serde_json::json!(if on { 1.0 } else { 0.0 })))
            .collect();
        // The line is made in `buf`, then written at once. Its keys come in
        // this order: id, text, spans, tokens (when asked for), cats, meta.
        let buf = &mut self.buf;
        buf.clear();
        buf.extend_from_slice(b"{\"id\":");
        serde_json::to_writer(&mut *buf, ex.id)?;
        buf.extend_from_slice(b",\"text\":");
        serde_json::to_writer(&mut *buf, ex.text)?;
        buf.extend_from_slice(b",\"spans\":");
        serde_json::to_writer(&mut *buf, &spans)?;
        if let Some(tokens) = &tokens {
            buf.extend_from_slice(b",\"tokens\":");
            write_tokens(buf, tokens)?;
        }
        buf.extend_from_slice(b",\"cats\":");
        serde_json::to_writer(&mut *buf, &cats)?;
        buf.extend_from_slice(b",\"meta\":");
        serde_json::to_writer(&mut *buf, ex.meta)?;
        buf.extend_from_slice(b"}\n");
        out.write_all(buf)
    }
}

/// `tokens` as serde_json writes the array (compact, fields in order), by
/// hand: the bulk of a line, and several times faster than serde's.
fn write_tokens(buf: &mut Vec<u8>, tokens: &[SpacyToken<'_>]) -> io::Result<()> {
    let mut n = itoa::Buffer::new();
    buf.push(b'[');
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        buf.extend_from_slice(b"{\"text\":");
        json_str(buf, t.text)?;
        buf.extend_from_slice(b",\"start\":");
        buf.extend_from_slice(n.format(t.start).as_bytes());
        buf.extend_from_slice(b",\"end\":");
        buf.extend_from_slice(n.format(t.end).as_bytes());
        buf.extend_from_slice(b",\"id\":");
        buf.extend_from_slice(n.format(t.id).as_bytes());
        buf.extend_from_slice(if t.ws {
            b",\"ws\":true}"
        } else {
            b",\"ws\":false}"
        });
    }
    buf.push(b']');
    Ok(())
}

/// A JSON string as serde_json writes it: copied as it is when nothing in it
/// needs escaping (a quote, a backslash, a control character), else by serde_json.
fn json_str(buf: &mut Vec<u8>, s: &str) -> io::Result<()> {
    if s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        serde_json::to_writer(&mut *buf, s)?;
    } else {
        buf.push(b'"');
        buf.extend_from_slice(s.as_bytes());
        buf.push(b'"');
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::write_tokens;
    use crate::config::Format;
    use crate::writers::spacy_tokens;
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

    #[test]
    fn tokens_are_written_as_serde_json_writes_them() {
        let o = Owned::new(
            "Il a dit \"non\" \\ puis\t\u{1}x\u{7f}  «\u{a0}été\u{2028}» 3,5\n\n\r\nfin.",
            &[],
        );
        let (tokens, _) = spacy_tokens(&o.example());
        let mut buf = Vec::new();
        write_tokens(&mut buf, &tokens).unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            serde_json::to_string(&tokens).unwrap()
        );
        let mut buf = Vec::new();
        write_tokens(&mut buf, &[]).unwrap();
        assert_eq!(buf, b"[]");
    }
}
