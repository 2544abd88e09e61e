//! Training-set export for annot: the end of the pipeline, what a model trains on.
//!
//! [`export`] reads a project's decided records (one annotator's, or several
//! combined by [`annot_model::combine`]), writes the kept zones of each
//! document as one text ([`text`]), checks every span against the project
//! tokenizer's tokens ([`preflight`]), assigns each document to a split that
//! adding documents never changes ([`split`]), and writes one file per split
//! through a [`writers::Writer`]: JSONL for spaCy and Prodigy, CSV, CoNLL,
//! Hugging Face token classification, spaCy's binary `.spacy`, brat
//! standoff, and Parquet (with the `parquet` feature).
//!
//! It streams: documents are read one at a time, in id order, and what is
//! kept across documents is a few numbers per document (for the splits) and
//! the pre-flight's report. Same project, options and seed, same bytes. Every
//! file is written to a temporary file and renamed into place, so an export
//! that fails or refuses leaves the old files, never half a file. This crate
//! never prints and never exits.

pub mod config;
pub mod error;
mod export;
pub mod manifest;
pub mod out_dir;
pub mod preflight;
pub mod split;
pub mod stream;
pub mod summary;
/// The written text of a document (its kept zones joined): in `annot_model`, which the
/// importer shares to carry an export's offsets back.
pub use annot_model::zoned as text;
pub mod writers;

pub use config::{
    Column, CsvLayout, ExportConfig, Format, Misaligned, Output, Overlap, ParquetTable, Scheme,
    Source,
};
pub use error::{ExportError, Result};
pub use export::{Pass, Progress, export, split_path};
pub use split::{GroupKey, SplitConfig};
pub use summary::{SplitSummary, Summary};
