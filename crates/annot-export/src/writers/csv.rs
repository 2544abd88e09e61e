//! CSV (RFC 4180, through the `csv` crate: fields with quotes, commas or
//! line breaks are quoted, quotes doubled), UTF-8 without a byte-order mark
//! unless `--excel`.
//!
//! Plain CSV is byte-exact (what pandas or Python's `csv` reads back is the
//! text). `--excel` is for opening in a spreadsheet, which runs a cell
//! starting with `=`, `+`, `-`, `@`, a tab or a carriage return as a formula
//! (CSV injection: ids and texts come from scraped pages and other tools):
//! there every such cell gets a leading `'`, as OWASP advises, which the
//! spreadsheet shows as text and does not display.
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

/// A cell a spreadsheet would not run as a formula: `'` before a leading `=`, `+`,
/// `-`, `@`, tab or carriage return.
fn neutralised(cell: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(cell.len() + 1);
    if matches!(
        cell.first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) {
        out.push(b'\'');
    }
    out.extend_from_slice(cell);
    out
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
                if self.excel {
                    let cells: Vec<Vec<u8>> =
                        row.into_iter().map(|f| neutralised(f.as_ref())).collect();
                    w.write_record(cells)?;
                } else {
                    w.write_record(row)?;
                }
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

    #[test]
    fn excel_cells_that_would_be_formulas_start_with_a_quote_and_plain_csv_is_exact() {
        let mut o = Owned::new("=HYPERLINK(\"x\") chez\n+b", &[(0, 0, "ORG")]);
        o.meta.title = Some("@SUM(A1)".into());
        let csv = |excel| {
            written(
                &Format::Csv {
                    layout: CsvLayout::Docs,
                    excel,
                },
                &o,
            )
        };
        let plain = csv(false);
        assert!(
            plain.contains("d1,\"=HYPERLINK(\"\"x\"\") chez\n+b\",conflict,,@SUM(A1),"),
            "{plain}"
        );
        let excel = csv(true);
        assert!(
            excel.contains("d1,\"'=HYPERLINK(\"\"x\"\") chez\n+b\",conflict,,'@SUM(A1),"),
            "{excel}"
        );
        assert_eq!(super::neutralised(b"-1"), b"'-1");
        assert_eq!(super::neutralised(b"\tx"), b"'\tx");
        assert_eq!(super::neutralised(b"a=b"), b"a=b");
    }
}
