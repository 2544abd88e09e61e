//! Importing scraped news articles, JSONL and CSV into annot [`Document`]s.
//!
//! A scraped article keeps all of its text, boilerplate included; zones say
//! what each part is (title, lede, meta, body, boilerplate) and the metadata
//! (title, date, section, byline, language, source) is read from it. JSONL and
//! CSV records become documents with one body zone and their fields as
//! metadata. [`import`] runs the whole thing over files, folders and standard
//! input, streaming and in parallel; the pieces are public for other uses.
//!
//! This crate never prints and never exits: problems come back as
//! [`ImportError`]s and [`Diagnostic`]s that name the file and line.
//!
//! ```
//! use annot_import::{article_document, decode};
//!
//! let bytes = "\u{feff}Accueil\r\n\r\nLa pluie revient sur la Bretagne\r\n\r\nMétéo\r\n\r\n\
//!     Par Jeanne Martin\r\n3 mars 2024\r\n\r\n\
//!     Les averses reviennent dès ce soir sur toute la pointe bretonne, selon les prévisionnistes.\r\n";
//! let (text, warning) = decode(bytes.as_bytes(), "pluie.txt", false)?;
//! assert!(warning.is_none());
//! let doc = article_document("pluie", text, "pluie.txt", None, None);
//! assert_eq!(doc.meta.title.as_deref(), Some("La pluie revient sur la Bretagne"));
//! assert_eq!(doc.meta.date.as_deref(), Some("2024-03-03"));
//! assert_eq!(doc.meta.byline.as_deref(), Some("Jeanne Martin"));
//! assert_eq!(doc.meta.lang.as_deref(), Some("fr"));
//! assert!(doc.zone_text("body").is_some_and(|b| b.starts_with("Les averses")));
//! # Ok::<(), annot_import::ImportError>(())
//! ```
//!
//! [`Document`]: annot_model::Document

pub mod annotated;
mod article;
pub mod boilerplate;
mod boxes;
mod csv_quotes;
pub mod cues;
pub mod dates;
pub mod decode;
pub mod error;
mod headline;
mod input;
pub mod journal;
pub mod lang;
mod lines;
mod model;
#[rustfmt::skip]
mod model_weights;
pub mod meta;
mod phrases;
mod pipeline;
pub mod project;
mod readers;
mod records;
mod sources;
pub mod stream;
mod why;
pub mod zone;

pub use article::article_document;
pub use boilerplate::{DEFAULT_RECURRENCE_SAMPLE, LineCounts, RecurrenceSample, RecurrenceTable};
pub use boxes::BoxKind;
pub use dates::{parse_date, publication_date};
pub use decode::{decode, decode_owned, normalize};
pub use error::{Diagnostic, ErrorKind, ImportError};
pub use input::{DEFAULT_MAX_DOC_BYTES, Format, ImportOptions, Input, StdinReader};
pub use lang::detect_lang;
pub use meta::byline;
pub use pipeline::{Diagnostics, ImportReport, Phase, Progress, import, import_items};
pub use project::{
    Callbacks, Message, Outcome, ProjectImportError, ProjectImportOptions, import_into,
};
pub use readers::Item;
pub use readers::conll::{AlignCorpus, ConllOptions, Scheme};
pub use records::RecordsOutcome;
pub use zone::{
    LineWhy, ModelWhy, Reason, Recurrence, Signals, ZoneKind, Zoning, explain_article,
    feature_names, zone_article,
};

/// Builds every automaton, regex and table that zoning a scraped article
/// uses (each is otherwise built by the first line that needs it, while the
/// other threads of an import wait for it: some 60 M instructions, about
/// 20 ms). The pipeline runs it on a thread of its own while it lists the
/// files of a text import, so that the cores start on the articles at once.
pub fn warm_up() {
    boilerplate::warm();
    cues::warm();
    dates::warm();
    boxes::warm();
    zone::warm();
    lang::warm();
}
