//! The checked configuration of an export: what the CLI turns its arguments into.

use std::str::FromStr;

use annot_model::Zone;
use annot_model::combine::Strategy;
use annot_model::filter::Filter;
use annot_model::record::Status;

use crate::error::ExportError;
use crate::split::SplitConfig;

/// Whose records are exported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// One annotator's records as they are (`--from gold`).
    One(String),
    /// Several annotators combined by a strategy (`--from alice,bob --strategy ...`).
    Combined {
        /// The panel, in the order given.
        annotators: Vec<String>,
        /// How their records become one.
        strategy: Strategy,
    },
}

impl Source {
    /// The annotators read.
    #[must_use]
    pub fn annotators(&self) -> Vec<String> {
        match self {
            Source::One(name) => vec![name.clone()],
            Source::Combined { annotators, .. } => annotators.clone(),
        }
    }
}

/// What the pre-flight does with a span whose ends are not token boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Misaligned {
    /// List them and refuse to write (the default).
    #[default]
    Refuse,
    /// Expand each to the token boundaries around it, and report it.
    Snap,
    /// Leave each out, and report it.
    Drop,
}

/// What the pre-flight does with overlapping spans where the format cannot hold them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Overlap {
    /// List them and refuse to write (the default).
    #[default]
    Refuse,
    /// Keep the longest span of each overlapping group (the earliest on a tie).
    KeepLongest,
    /// Keep the span that starts first (the longest on a tie).
    KeepFirst,
}

impl FromStr for Overlap {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, ExportError> {
        match s {
            "refuse" => Ok(Overlap::Refuse),
            "keep-longest" => Ok(Overlap::KeepLongest),
            "keep-first" => Ok(Overlap::KeepFirst),
            other => Err(ExportError::Config(format!(
                "--overlap '{other}': use refuse, keep-longest or keep-first"
            ))),
        }
    }
}

/// Tag scheme of token-level formats (`--scheme`).
pub use annot_model::scheme::Scheme;

/// CSV layout (`--csv-layout`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CsvLayout {
    /// One row a document: id, text, one column per document label layer, metadata.
    #[default]
    Docs,
    /// One row a span: doc_id, start, end, label, text, left and right context.
    Spans,
}

/// A CoNLL column (`--columns`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The token's text.
    Token,
    /// Its first code point in the exported text.
    Start,
    /// One past its last code point.
    End,
    /// The entity tag.
    Tag,
}

impl FromStr for Column {
    type Err = ExportError;

    fn from_str(s: &str) -> Result<Self, ExportError> {
        match s.trim() {
            "token" => Ok(Column::Token),
            "start" => Ok(Column::Start),
            "end" => Ok(Column::End),
            "tag" => Ok(Column::Tag),
            other => Err(ExportError::Config(format!(
                "--columns: '{other}' is not a column; use token, start, end, tag (tag last)"
            ))),
        }
    }
}

/// The output format and its options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Format {
    /// spaCy / Prodigy JSONL.
    Jsonl {
        /// Write the `tokens` field.
        tokens: bool,
    },
    /// CSV, RFC 4180.
    Csv {
        /// Documents or spans.
        layout: CsvLayout,
        /// Start with the UTF-8 byte-order mark Excel needs.
        excel: bool,
    },
    /// CoNLL: one token a line, tag last.
    Conll {
        /// Tag scheme.
        scheme: Scheme,
        /// A `-DOCSTART-` line before each document.
        docstart: bool,
        /// Columns, tag last.
        columns: Vec<Column>,
    },
    /// Hugging Face token classification JSONL plus `labels.json`.
    Hf {
        /// Tag scheme.
        scheme: Scheme,
    },
    /// spaCy's binary `.spacy` (a `DocBin`), for `python -m spacy train`.
    Spacy {
        /// Past this many tokens (default and most: what one DocBin holds,
        /// [`crate::writers::spacy::MAX_PART_TOKENS`]) a split is written as a
        /// folder of `.spacy` parts of at most this many tokens each.
        part_tokens: Option<u64>,
    },
    /// brat standoff: a directory per split of `.txt`/`.ann` pairs and `annotation.conf`.
    Brat,
    /// Parquet (the `parquet` cargo feature): one table per split.
    Parquet {
        /// Which table.
        table: ParquetTable,
        /// Tag scheme of the `hf` table.
        scheme: Scheme,
    },
}

/// The table a Parquet export writes (`--parquet-table`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ParquetTable {
    /// The `hf` rows: id, tokens, ner_tags, one list column per label layer.
    #[default]
    Hf,
    /// The csv `docs` rows: id, text, one column per label layer, metadata.
    Docs,
}

impl Format {
    /// The file extension of a split's file.
    #[must_use]
    pub fn extension(&self) -> &'static str {
        match self {
            Format::Jsonl { .. } | Format::Hf { .. } => "jsonl",
            Format::Csv { .. } => "csv",
            Format::Conll { .. } => "conll",
            Format::Spacy { .. } => "spacy",
            Format::Brat => "",
            Format::Parquet { .. } => "parquet",
        }
    }

    /// The name of a split's file (a directory for brat).
    #[must_use]
    pub fn file_name(&self, split: &str) -> String {
        match self {
            Format::Brat => split.to_owned(),
            _ => format!("{split}.{}", self.extension()),
        }
    }

    /// Whether the format puts spans into one tag per token, where spans
    /// cannot overlap (spaCy's entities cannot either).
    #[must_use]
    pub fn is_token_tags(&self) -> bool {
        matches!(
            self,
            Format::Conll { .. }
                | Format::Hf { .. }
                | Format::Spacy { .. }
                | Format::Parquet {
                    table: ParquetTable::Hf,
                    ..
                }
        )
    }

    /// Why the format cannot go to standard output, if it cannot.
    #[must_use]
    pub fn not_a_stream(&self) -> Option<&'static str> {
        match self {
            Format::Hf { .. } => Some("--format hf writes labels.json beside the data"),
            Format::Spacy { .. } => Some("--format spacy writes a binary .spacy file per split"),
            Format::Brat => Some("--format brat writes a directory of .txt/.ann files per split"),
            Format::Parquet { .. } => {
                Some("--format parquet writes a binary .parquet file per split")
            }
            _ => None,
        }
    }
}

/// Where the files go.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// One file per split in this directory (made if missing).
    Dir(std::path::PathBuf),
    /// Standard output (one split only), written by the caller's writer.
    Stdout,
}

/// Everything an export needs, checked.
#[derive(Debug, Clone)]
pub struct ExportConfig {
    /// Whose records.
    pub source: Source,
    /// Statuses exported (default: accepted).
    pub statuses: Vec<Status>,
    /// Documents selected.
    pub filter: Filter,
    /// Also write documents that the source annotators have no record of.
    pub include_unannotated: bool,
    /// Zones written, joined in text order (default: title, lede, body).
    pub zones: Vec<Zone>,
    /// Spans not on token boundaries.
    pub misaligned: Misaligned,
    /// Overlapping spans where the format cannot hold them; `None`: refuse
    /// for token tags (and JSONL when the schema forbids overlaps), keep otherwise.
    pub overlap: Option<Overlap>,
    /// Splits.
    pub split: SplitConfig,
    /// Format.
    pub format: Format,
    /// Destination.
    pub output: Output,
}

impl ExportConfig {
    /// The zones written by default: title, lede and body.
    #[must_use]
    pub fn default_zones() -> Vec<Zone> {
        annot_model::zoned::DEFAULT_ZONES.to_vec()
    }

    /// Checks that the options fit together.
    ///
    /// # Errors
    /// [`ExportError::Config`] naming the options that clash and what to do.
    pub fn check(&self) -> Result<(), ExportError> {
        if let Output::Dir(dir) = &self.output {
            crate::out_dir::check_name(dir)?;
        }
        self.check_source()?;
        if self.output == Output::Stdout
            && let Some(why) = self.format.not_a_stream()
        {
            return Err(ExportError::Config(format!("{why}: give --out DIR")));
        }
        if self.output == Output::Stdout && self.split.splits.len() > 1 {
            return Err(ExportError::Config(
                "--out - writes one stream: give --out DIR to write one file per split".into(),
            ));
        }
        self.check_format()
    }

    /// [`Self::check`] but for the output: the options of the records, spans and format.
    ///
    /// # Errors
    /// [`ExportError::Config`] naming the options that clash and what to do.
    pub(crate) fn check_options(&self) -> Result<(), ExportError> {
        self.check_source()?;
        self.check_format()
    }

    /// `--zones` against the zones of the project's schema.
    ///
    /// # Errors
    /// [`ExportError::Config`] naming a zone the schema does not have.
    pub fn check_zones(&self, schema: &annot_model::Schema) -> Result<(), ExportError> {
        match self.zones.iter().find(|z| !schema.has_zone(z)) {
            None => Ok(()),
            Some(zone) => Err(ExportError::Config(format!(
                "--zones {zone}: schema {} has no zone '{zone}' (zones: {}); name zones it has",
                schema.id(),
                schema
                    .zones
                    .iter()
                    .map(annot_model::Zone::as_str)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// The options of the records: `--from` and `--strategy`.
    fn check_source(&self) -> Result<(), ExportError> {
        if let Source::Combined {
            annotators,
            strategy,
        } = &self.source
        {
            if let Strategy::Prefer(name) = strategy
                && !annotators.contains(name)
            {
                return Err(ExportError::Config(format!(
                    "--strategy prefer:{name}: '{name}' is not among --from {}",
                    annotators.join(",")
                )));
            }
            if let Strategy::Majority { min_agree: Some(k) } = strategy
                && (*k == 0 || *k > annotators.len())
            {
                return Err(ExportError::Config(format!(
                    "--min-agree {k}: give a number from 1 to {} (the annotators in --from)",
                    annotators.len()
                )));
            }
        }
        Ok(())
    }

    /// The options of the format, zones and statuses.
    fn check_format(&self) -> Result<(), ExportError> {
        if matches!(self.format, Format::Parquet { .. }) && !cfg!(feature = "parquet") {
            return Err(ExportError::Config(
                "--format parquet: this annot was built without Parquet; build it with `cargo build --release --features parquet`".into(),
            ));
        }
        if let Format::Conll { columns, .. } = &self.format
            && (columns.last() != Some(&Column::Tag)
                || columns.iter().filter(|c| **c == Column::Tag).count() != 1)
        {
            return Err(ExportError::Config(
                "--columns: put tag once, as the last column (e.g. token,start,end,tag)".into(),
            ));
        }
        if self.zones.is_empty() {
            return Err(ExportError::Config(
                "--zones: name at least one zone (e.g. title,lede,body)".into(),
            ));
        }
        if self.statuses.is_empty() {
            return Err(ExportError::Config(
                "--status: name at least one status (e.g. accepted)".into(),
            ));
        }
        Ok(())
    }
}
