//! The shared annotation model of annot.
//!
//! Everything that crosses a crate boundary or a file lives here: [`Document`],
//! [`Span`], [`Schema`], [`Record`], the one offset conversion ([`offsets`]),
//! the tokenizer ([`tokenize`]), the on-disk project and store ([`project`],
//! [`corpus`], [`store`]), the document [`filter`] language, and [`visible()`],
//! which every screen path passes outside text through, and [`SpillList`], the
//! per-document list held past memory in a temporary file. This crate never
//! prints and never exits.
//!
//! Offsets written to files are Unicode code point indices into a document's
//! `text`, end-exclusive (Python's `text[start:end]`); in memory Rust works on
//! byte offsets, and [`offsets`] is the only place that converts.

pub mod annotations;
pub mod atomic;
pub mod check;
pub mod combine;
pub mod corpus;
pub mod digest;
pub mod document;
pub mod drafts;
pub mod error;
pub mod filter;
pub mod log_table;
pub mod marked;
pub mod offsets;
pub mod project;
pub mod reanchor;
pub mod record;
pub mod rng;
pub mod schema;
pub mod scheme;
pub mod sorted;
pub mod spill;
pub mod store;
pub mod stream;
pub mod tokenize;
pub mod visible;
pub mod zone;
pub mod zoned;

pub use digest::text_hash;
pub use document::{Document, Meta, ZoneSpan};
pub use error::{DocumentError, ModelError, SchemaError, SpanError};
pub use record::{Record, Span, SpanSource, Status};
pub use schema::{LabelDef, LabelSet, Schema, SpanSchema, UnknownLabel};
pub use sorted::SortedSpill;
pub use spill::{Compact, CompactItem, SpillError, SpillList};
pub use visible::visible;
pub use zone::Zone;
