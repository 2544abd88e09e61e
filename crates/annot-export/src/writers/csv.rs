//! CSV (RFC 4180, through the `csv` crate: fields with quotes, commas or
//! line breaks are quoted, quotes doubled), UTF-8 without a byte-order mark
//! unless `--excel`.
//!
//! - `docs`: `id,text`, one column per document label layer of the schema
//!   (values joined with `|`), then `source,title,date,section,byline,lang`.
//! - `spans`: `doc_id,start,end,label,text,left,right`, with
//!   [`CONTEXT_CHARS`] code points of context each side.

use std::io::{self, Write};

use super::{Example, Vocab, Writer};
use crate::config::CsvLayout;

/// Code points of context each side of a span in the `spans` layout.
pub(crate) const CONTEXT_CHARS: usize = 40;

/// The metadata columns of the `docs` layout (and of Parquet's docs table).
pub(crate) const META: [&str; 6] = ["source", "title", "date", "section", "byline", "lang"];

/// The values of [`META`] for a document.
pub(crate) fn meta_values(m: &annot_model::Meta) -> [Option<&str>; 6] {
    [&m.source, &m.title, &m.date, &m.section, &m.byline, &m.lang].map(|v| v.as_deref())
}

/// A document's values of a label layer in one cell: joined with `|`.
pub(crate) fn layer_cell(ex: &Example<'_>, layer: &str) -> String {
    ex.labels
        .get(layer)
        .map(|v| v.join("|"))
        .unwrap_or_default()
}

pub(crate) struct CsvWriter {
    layout: CsvLayout,
    excel: bool,
    buf: Vec<u8>,
    layers: Vec<String>,
}

impl CsvWriter {
    pub(crate) fn new(layout: CsvLayout, excel: bool) -> Self {
        Self {
            layout,
            excel,
            buf: Vec::new(),
            layers: Vec::new(),
        }
    }

    /// Writes `rows` as CSV records to `out`.
    fn rows<I, R, F>(&mut self, rows: I, out: &mut dyn Write) -> io::Result<()>
    where
        I: IntoIterator<Item = R>,
        R: IntoIterator<Item = F>,
        F: AsRef<[u8]>,
    {
        self.buf.clear();
        {
            let mut w = csv::WriterBuilder::new().from_writer(&mut self.buf);
            for row in rows {
                w.write_record(row)?;
            }
            w.flush()?;
        }
        out.write_all(&self.buf)
    }
}

impl Writer for CsvWriter {
    fn start(&mut self, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        if self.excel {
            out.write_all("\u{feff}".as_bytes())?;
        }
        self.layers = vocab.layers.iter().map(|(l, _)| l.clone()).collect();
        match self.layout {
            CsvLayout::Docs => {
                let mut header: Vec<String> = vec!["id".into(), "text".into()];
                header.extend(self.layers.iter().cloned());
                header.extend(META.map(str::to_owned));
                self.rows([header], out)
            }
            CsvLayout::Spans => self.rows(
                [["doc_id", "start", "end", "label", "text", "left", "right"]],
                out,
            ),
        }
    }

    fn write(&mut self, ex: &Example<'_>, _vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        match self.layout {
            CsvLayout::Docs => {
                let mut row: Vec<String> = vec![ex.id.to_owned(), ex.text.to_owned()];
                for layer in &self.layers {
                    row.push(layer_cell(ex, layer));
                }
                for v in meta_values(ex.meta) {
                    row.push(v.unwrap_or_default().to_owned());
                }
                self.rows([row], out)
            }
            CsvLayout::Spans => {
                let len = ex.map.char_len();
                let rows: Vec<[String; 7]> = ex
                    .spans
                    .iter()
                    .map(|s| {
                        let left = ex.slice(s.start.saturating_sub(CONTEXT_CHARS), s.start);
                        let right = ex.slice(s.end, (s.end + CONTEXT_CHARS).min(len));
                        [
                            ex.id.to_owned(),
                            s.start.to_string(),
                            s.end.to_string(),
                            s.label.clone(),
                            s.text.clone(),
                            left.to_owned(),
                            right.to_owned(),
                        ]
                    })
                    .collect();
                self.rows(rows, out)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{CsvLayout, Format};
    use crate::writers::tests::{Owned, written};

    #[test]
    fn docs_and_spans_layouts_quote_as_rfc_4180_says() {
        let mut o = Owned::new(
            "Le \"Hezbollah\", dit-on,\nà Boukamal.",
            &[(2, 2, "ORG"), (9, 9, "LOC")],
        );
        o.meta.title = Some("Titre, avec virgule".into());
        let docs = written(
            &Format::Csv {
                layout: CsvLayout::Docs,
                excel: false,
            },
            &o,
        );
        assert_eq!(
            docs,
            "id,text,topic,source,title,date,section,byline,lang\n\
             d1,\"Le \"\"Hezbollah\"\", dit-on,\nà Boukamal.\",conflict,,\"Titre, avec virgule\",,,,fr\n"
        );
        let spans = written(
            &Format::Csv {
                layout: CsvLayout::Spans,
                excel: true,
            },
            &o,
        );
        let mut lines = spans.lines();
        assert_eq!(
            lines.next(),
            Some("\u{feff}doc_id,start,end,label,text,left,right")
        );
        assert_eq!(
            lines.next(),
            Some("d1,4,13,ORG,Hezbollah,\"Le \"\"\",\"\"\", dit-on,")
        );
    }
}
