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
}

impl Writer for ConllWriter {
    fn write(&mut self, ex: &Example<'_>, _vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        if self.docstart {
            out.write_all(b"-DOCSTART- (")?;
            out.write_all(ex.id.as_bytes())?;
            out.write_all(b")")?;
            for _ in 1..self.columns.len().saturating_sub(2).max(1) {
                out.write_all(b" -X-")?;
            }
            out.write_all(b" O\n\n")?;
        }
        let ents = token_entities(ex);
        let tags = tags_of(ex, &ents, self.scheme);
        let starts = sentence_starts(ex, &ents);
        let prefixes = self.scheme.prefixes();
        let mut line = String::new();
        for (i, t) in ex.tokens.iter().enumerate() {
            if i > 0 && starts[i] {
                out.write_all(b"\n")?;
            }
            line.clear();
            for (c, col) in self.columns.iter().enumerate() {
                if c > 0 {
                    line.push(' ');
                }
                match col {
                    Column::Token => line.push_str(ex.slice(t.start, t.end)),
                    Column::Start => line.push_str(&t.start.to_string()),
                    Column::End => line.push_str(&t.end.to_string()),
                    Column::Tag => match tags[i] {
                        Some((p, label)) => {
                            line.push_str(prefixes[p]);
                            line.push('-');
                            line.push_str(label);
                        }
                        None => line.push('O'),
                    },
                }
            }
            line.push('\n');
            out.write_all(line.as_bytes())?;
        }
        if !ex.tokens.is_empty() {
            out.write_all(b"\n")?;
        }
        Ok(())
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
