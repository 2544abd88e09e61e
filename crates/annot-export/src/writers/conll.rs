//! CoNLL: one token a line, columns separated by one space, the tag last;
//! a blank line after each sentence; before each document a
//! `-DOCSTART- (ID) O` line and a blank line, unless `--no-docstart`. It is
//! CoNLL-2003's `-DOCSTART- -X- O` with the document id in parentheses in
//! the place of the first `-X-` (with more columns, `-X-` fills each other
//! one between the first and the tag): as many fields as a token line has,
//! so column-counting readers (conlleval) are content, readers that skip a
//! line starting with `-DOCSTART-` (Hugging Face's conll2003, flair, the
//! interop checks) skip it, and `annot import --format conll` reads the id
//! back, so a subset (a `--filter`, one split) lands on its own documents.
//! Tokens never hold white space, so the columns split on it.
//! A sentence break never falls inside an entity: the sentence goes on to
//! the entity's end.

use std::io::{self, Write};

use super::{Example, Vocab, Writer, sentence_starts, tags_of, token_entities};
use crate::config::{Column, Scheme};

pub(crate) struct ConllWriter {
    pub(crate) scheme: Scheme,
    pub(crate) docstart: bool,
    pub(crate) columns: Vec<Column>,
    /// The document being made, reused: `out` gets one write a document.
    pub(crate) buf: Vec<u8>,
}

impl Writer for ConllWriter {
    fn write(&mut self, ex: &Example<'_>, _vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        // The document is made in `buf`, then written at once.
        let buf = &mut self.buf;
        buf.clear();
        if self.docstart {
            buf.extend_from_slice(b"-DOCSTART- (");
            buf.extend_from_slice(ex.id.as_bytes());
            buf.extend_from_slice(b")");
            for _ in 1..self.columns.len().saturating_sub(2).max(1) {
                buf.extend_from_slice(b" -X-");
            }
            buf.extend_from_slice(b" O\n\n");
        }
        let ents = token_entities(ex);
        let tags = tags_of(ex, &ents, self.scheme);
        let starts = sentence_starts(ex, &ents);
        let prefixes = self.scheme.prefixes();
        // The token's bytes: `ex.slice` without its character-boundary check
        // (the map gives the first byte of a code point or the text's end).
        let text = ex.text.as_bytes();
        let token = |start: usize, end: usize| {
            ex.map
                .to_bytes(start, end)
                .and_then(|(a, b)| text.get(a..b))
                .unwrap_or_default()
        };
        // The text and, per token, a tag, separators and a little more.
        buf.reserve(text.len() + 8 * ex.tokens.len());
        for (i, t) in ex.tokens.iter().enumerate() {
            if i > 0 && starts[i] {
                buf.push(b'\n');
            }
            for (c, col) in self.columns.iter().enumerate() {
                if c > 0 {
                    buf.push(b' ');
                }
                match col {
                    Column::Token => buf.extend_from_slice(token(t.start, t.end)),
                    Column::Start => write!(buf, "{}", t.start)?,
                    Column::End => write!(buf, "{}", t.end)?,
                    Column::Tag => match tags[i] {
                        Some((p, label)) => {
                            buf.extend_from_slice(prefixes[p].as_bytes());
                            buf.push(b'-');
                            buf.extend_from_slice(label.as_bytes());
                        }
                        None => buf.push(b'O'),
                    },
                }
            }
            buf.push(b'\n');
        }
        if !ex.tokens.is_empty() {
            buf.push(b'\n');
        }
        out.write_all(buf)
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Column, Format, Scheme};
    use crate::writers::tests::{Owned, written};

    #[test]
    fn one_token_a_line_sentences_apart_docstart_first() {
        let o = Owned::new(
            "Le Hezbollah est là. M. Rami Abdel parle.",
            &[(1, 1, "ORG"), (6, 7, "PER")],
        );
        let conll = Format::Conll {
            scheme: Scheme::Iob2,
            docstart: true,
            columns: vec![Column::Token, Column::Tag],
        };
        assert_eq!(
            written(&conll, &o),
            "-DOCSTART- (d1) O\n\nLe O\nHezbollah B-ORG\nest O\nlà O\n. O\n\nM. O\nRami B-PER\nAbdel I-PER\nparle O\n. O\n\n"
        );
        let wide = Format::Conll {
            scheme: Scheme::Bioes,
            docstart: false,
            columns: vec![Column::Token, Column::Start, Column::End, Column::Tag],
        };
        let text = written(&wide, &o);
        assert!(
            text.starts_with("Le 0 2 O\nHezbollah 3 12 S-ORG\n"),
            "{text}"
        );
        assert!(text.contains("Abdel 29 34 E-PER\n"), "{text}");
        let docstart = Format::Conll {
            scheme: Scheme::Iob2,
            docstart: true,
            columns: vec![Column::Token, Column::Start, Column::End, Column::Tag],
        };
        assert!(written(&docstart, &o).starts_with("-DOCSTART- (d1) -X- O\n\n"));
    }
}
