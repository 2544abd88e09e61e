//! Parquet (the `parquet` cargo feature): one table per split, zstd, for
//! pandas, Spark and the Hugging Face Hub.
//!
//! - `hf` (`--parquet-table hf`, the default): the rows of `--format hf`:
//!   `id` string, `tokens` list of strings, `ner_tags` list of int64 (ids
//!   into `labels.json`, written beside), and a list-of-strings column per
//!   label layer of the schema.
//! - `docs`: the rows of the csv `docs` layout: `id`, `text`, a string
//!   column per label layer of the schema (values joined with `|`), then
//!   `source`, `title`, `date`, `section`, `byline`, `lang` (null when absent).
//!
//! The columns are fixed when the split starts, from the schema's layers.
//! Rows go out in row groups of [`ROW_GROUP`] documents, each written to the
//! split's stream when it is full, so memory holds one row group.

use std::io::{self, Write};
use std::sync::{Arc, Mutex};

use arrow_array::builder::{Int64Builder, ListBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::properties::WriterProperties;

use super::csv::{META, layer_cell, meta_values};
use super::hf::{RESERVED, tag_ids};
use super::{Example, Vocab, Writer};
use crate::config::{ParquetTable, Scheme};

/// Documents a row group holds.
pub(crate) const ROW_GROUP: usize = 2048;

/// The bytes the Parquet writer has produced and the split's stream has not had yet.
#[derive(Clone, Default)]
struct Pending(Arc<Mutex<Vec<u8>>>);

impl Write for Pending {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .map_err(|_| io::Error::other("parquet buffer poisoned"))?
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl Pending {
    fn drain_to(&self, out: &mut dyn Write) -> io::Result<()> {
        let mut bytes = self
            .0
            .lock()
            .map_err(|_| io::Error::other("parquet buffer poisoned"))?;
        out.write_all(&bytes)?;
        bytes.clear();
        Ok(())
    }
}

enum Column {
    Str(StringBuilder),
    StrList(ListBuilder<StringBuilder>),
    IntList(ListBuilder<Int64Builder>),
}

impl Column {
    fn data_type(&self) -> DataType {
        let item = |t| DataType::List(Arc::new(Field::new_list_field(t, true)));
        match self {
            Column::Str(_) => DataType::Utf8,
            Column::StrList(_) => item(DataType::Utf8),
            Column::IntList(_) => item(DataType::Int64),
        }
    }

    fn finish(&mut self) -> ArrayRef {
        match self {
            Column::Str(b) => Arc::new(b.finish()),
            Column::StrList(b) => Arc::new(b.finish()),
            Column::IntList(b) => Arc::new(b.finish()),
        }
    }

    fn push_str(&mut self, v: Option<&str>) {
        if let Column::Str(b) = self {
            b.append_option(v);
        }
    }

    fn push_strs<'s>(&mut self, vs: impl IntoIterator<Item = &'s str>) {
        if let Column::StrList(b) = self {
            for v in vs {
                b.values().append_value(v);
            }
            b.append(true);
        }
    }

    fn push_ints(&mut self, vs: impl IntoIterator<Item = i64>) {
        if let Column::IntList(b) = self {
            for v in vs {
                b.values().append_value(v);
            }
            b.append(true);
        }
    }
}

pub(crate) struct ParquetWriter {
    table: ParquetTable,
    scheme: Scheme,
    layers: Vec<String>,
    columns: Vec<Column>,
    schema: Option<SchemaRef>,
    writer: Option<ArrowWriter<Pending>>,
    pending: Pending,
    rows: usize,
}

fn pq(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

impl ParquetWriter {
    pub(crate) fn new(table: ParquetTable, scheme: Scheme) -> Self {
        Self {
            table,
            scheme,
            layers: Vec::new(),
            columns: Vec::new(),
            schema: None,
            writer: None,
            pending: Pending::default(),
            rows: 0,
        }
    }

    /// Writes the rows so far as one row group.
    fn flush_rows(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if self.rows == 0 {
            return Ok(());
        }
        let (Some(schema), Some(writer)) = (&self.schema, &mut self.writer) else {
            return Err(io::Error::other("parquet writer not started"));
        };
        let arrays: Vec<ArrayRef> = self.columns.iter_mut().map(Column::finish).collect();
        let batch = RecordBatch::try_new(schema.clone(), arrays).map_err(pq)?;
        writer.write(&batch).map_err(pq)?;
        writer.flush().map_err(pq)?;
        self.rows = 0;
        self.pending.drain_to(out)
    }
}

impl Writer for ParquetWriter {
    fn start(&mut self, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        let mut names: Vec<String> = Vec::new();
        match self.table {
            ParquetTable::Hf => {
                self.layers = vocab
                    .layers
                    .iter()
                    .map(|(l, _)| l.clone())
                    .filter(|l| !RESERVED.contains(&l.as_str()))
                    .collect();
                names.extend(RESERVED.map(str::to_owned));
                self.columns = vec![
                    Column::Str(StringBuilder::new()),
                    Column::StrList(ListBuilder::new(StringBuilder::new())),
                    Column::IntList(ListBuilder::new(Int64Builder::new())),
                ];
                for l in &self.layers {
                    names.push(l.clone());
                    self.columns
                        .push(Column::StrList(ListBuilder::new(StringBuilder::new())));
                }
            }
            ParquetTable::Docs => {
                self.layers = vocab
                    .layers
                    .iter()
                    .map(|(l, _)| l.clone())
                    .filter(|l| l != "id" && l != "text" && !META.contains(&l.as_str()))
                    .collect();
                names.extend(["id".to_owned(), "text".to_owned()]);
                names.extend(self.layers.iter().cloned());
                names.extend(META.map(str::to_owned));
                self.columns = (0..names.len())
                    .map(|_| Column::Str(StringBuilder::new()))
                    .collect();
            }
        }
        let fields: Vec<Field> = names
            .iter()
            .zip(&self.columns)
            .enumerate()
            .map(|(i, (n, c))| Field::new(n, c.data_type(), i >= 2))
            .collect();
        let schema = Arc::new(Schema::new(fields));
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::default()))
            .set_max_row_group_row_count(Some(ROW_GROUP))
            .build();
        let writer =
            ArrowWriter::try_new(self.pending.clone(), schema.clone(), Some(props)).map_err(pq)?;
        self.schema = Some(schema);
        self.writer = Some(writer);
        self.pending.drain_to(out)
    }

    fn write(&mut self, ex: &Example<'_>, vocab: &Vocab, out: &mut dyn Write) -> io::Result<()> {
        match self.table {
            ParquetTable::Hf => {
                let tags = tag_ids(ex, vocab, self.scheme);
                let [id, tokens, ner, rest @ ..] = self.columns.as_mut_slice() else {
                    return Err(io::Error::other("parquet writer not started"));
                };
                id.push_str(Some(ex.id));
                tokens.push_strs(ex.tokens.iter().map(|t| ex.slice(t.start, t.end)));
                ner.push_ints(tags.into_iter().map(|t| t as i64));
                for (col, layer) in rest.iter_mut().zip(&self.layers) {
                    let values = ex.labels.get(layer).map(Vec::as_slice).unwrap_or(&[]);
                    col.push_strs(values.iter().map(String::as_str));
                }
            }
            ParquetTable::Docs => {
                let mut cols = self.columns.iter_mut();
                let mut next = |v: Option<&str>| {
                    if let Some(c) = cols.next() {
                        c.push_str(v);
                    }
                };
                next(Some(ex.id));
                next(Some(ex.text));
                for layer in &self.layers {
                    next(Some(&layer_cell(ex, layer)));
                }
                for v in meta_values(ex.meta) {
                    next(v);
                }
            }
        }
        self.rows += 1;
        if self.rows >= ROW_GROUP {
            self.flush_rows(out)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.flush_rows(out)?;
        if let Some(w) = self.writer.take() {
            w.close().map_err(pq)?;
        }
        self.pending.drain_to(out)
    }
}
