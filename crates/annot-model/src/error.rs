//! Errors of the model crate; every one names the file, line or document involved.
//!
//! [`ModelError`] is what loading and storing return. The validation errors
//! ([`SpanError`], [`DocumentError`], [`SchemaError`]) say what is wrong with
//! one value; the caller that knows where the value came from (a file and
//! line, a document) wraps them with it.

use std::path::PathBuf;

use crate::zone::Zone;

/// An error from loading, validating or storing annotation data.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// An I/O error on a named file (fs-err already puts the path in the message).
    #[error(transparent)]
    Io(#[from] std::io::Error),

    /// The temporary file of a list held past memory ([`crate::SpillList`]).
    #[error(transparent)]
    Spill(#[from] crate::spill::SpillError),

    /// A line of a JSONL file that is not the JSON it should be.
    #[error("{path}:{line}: {message}")]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// A corpus line that is a document, but not a valid one (digest, zones).
    #[error("{path}:{line}: {source}")]
    Document {
        path: PathBuf,
        line: usize,
        source: DocumentError,
    },

    /// A schema that cannot be used.
    #[error("schema {path}: {source}")]
    Schema {
        path: PathBuf,
        #[source]
        source: SchemaError,
    },

    /// A schema file that cannot be read.
    #[error("{}: cannot read the schema: {source}", path.display())]
    SchemaRead {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// The schema file a project's `annot.toml` names, that cannot be read.
    #[error(
        "{}: cannot read the project's schema: {source}; the `schema` setting of {} names \
         this file: restore it (from version control or a backup), or point `schema` at \
         another schema file",
        path.display(),
        config.display()
    )]
    ProjectSchema {
        path: PathBuf,
        /// The project's `annot.toml`.
        config: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// A span that does not fit its document.
    #[error("document '{doc}': {source}")]
    Span {
        doc: String,
        #[source]
        source: SpanError,
    },

    /// The project settings file.
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },

    /// Another process holds the annotator's log.
    #[error(
        "annotator '{annotator}' is already in use by another annot process ({path}); \
         finish that session first, or annotate under another name"
    )]
    Locked { annotator: String, path: PathBuf },

    /// A record whose `at` is not an RFC 3339 time: which record of a document
    /// stands is decided by `at`, so every record needs one.
    #[error(
        "document '{doc}': the record's time 'at' is {at:?}, not an RFC 3339 time \
         ({reason}); the latest 'at' decides which record of a document stands, so \
         write it as 2026-11-23T20:00:00Z"
    )]
    RecordTime {
        doc: String,
        at: String,
        reason: String,
    },

    /// No project was found.
    #[error(
        "no annot project in {start} or any parent directory; \
         create one with `annot init` or pass --project DIR"
    )]
    NoProject { start: PathBuf },

    /// A document id that the corpus does not have.
    #[error(
        "no document '{id}' in the corpus; check the id: it is the \"id\" of a line of the \
         project's corpus/*.jsonl files (a .txt article's is its file name without .txt)"
    )]
    UnknownDocument { id: String },

    /// An id prefix that several documents' ids start with.
    #[error("'{prefix}' starts several ids: {}{}; type more of the id", ids.join(", "), if *more { ", ..." } else { "" })]
    AmbiguousId {
        /// The prefix as typed.
        prefix: String,
        /// The first few ids it starts, in corpus order.
        ids: Vec<String>,
        /// Whether more ids start with it than are listed.
        more: bool,
    },
}

/// Why a span does not fit the text it is on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// `start` is not before `end`.
    #[error("span {label} [{start}, {end}) is empty or reversed")]
    Empty {
        label: String,
        start: usize,
        end: usize,
    },
    /// The range runs past the end of the text (`len` code points).
    #[error("span {}[{start}, {end}) is outside the text (length {len})", label_before(label.as_deref()))]
    OutOfRange {
        /// The label, when the span has one yet.
        label: Option<String>,
        start: usize,
        end: usize,
        len: usize,
    },
    /// The span's `text` field is not `text[start:end]`.
    #[error("span {label} [{start}, {end}) says {recorded:?} but the text there is {actual:?}")]
    TextMismatch {
        label: String,
        start: usize,
        end: usize,
        /// What the span says it covers.
        recorded: String,
        /// What the text has there.
        actual: String,
    },
}

/// `"LOC "` for a label, nothing without one.
fn label_before(label: Option<&str>) -> String {
    label.map(|l| format!("{l} ")).unwrap_or_default()
}

/// Why a stored document does not hold together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    /// The id is empty.
    #[error("document has an empty id")]
    EmptyId,
    /// The stored digest is not the digest of the text.
    #[error(
        "document '{id}': hash {stored} does not match its text (digest {actual}); \
         the text was edited after import, re-import it"
    )]
    HashMismatch {
        id: String,
        stored: String,
        actual: String,
    },
    /// A zone that is reversed or runs past the end of the text (`len` code points).
    #[error("document '{id}': zone {zone} [{start}, {end}) is outside the text (length {len})")]
    ZoneOutside {
        id: String,
        zone: Zone,
        start: usize,
        end: usize,
        len: usize,
    },
}

/// Why a label schema cannot be used; each says how to fix the schema file.
#[derive(Debug, thiserror::Error)]
pub enum SchemaError {
    /// The file is not JSON.
    #[error("not valid JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// One object of the JSON has a key twice (a JSON reader keeps one silently).
    #[error(
        "duplicate key '{key}' in one JSON object: only one of the two would count; remove the other"
    )]
    DuplicateJsonKey { key: String },
    /// The JSON is not an object.
    #[error("a schema is a JSON object")]
    NotAnObject,
    /// A top-level key that is not a layer of a schema.
    #[error("unknown layer '{key}': a schema has name, version, spans, labels and zones")]
    UnknownLayer { key: String },
    /// A layer whose JSON has the wrong shape (serde says where).
    #[error("{0}")]
    Shape(#[source] serde_json::Error),
    /// The name is empty.
    #[error("the schema has no name")]
    NoName,
    /// Neither span labels nor document labels.
    #[error("the schema has no span labels and no document labels; add at least one")]
    NoLabels,
    /// Two span labels with one name.
    #[error("span label '{name}' is defined twice")]
    DuplicateSpanLabel { name: String },
    /// A key that is not one visible character.
    #[error("span label '{label}' has key {key:?}; a key is one visible character")]
    BadKey { label: String, key: String },
    /// Two span labels with one key.
    #[error("key '{key}' is used twice (second time by span label '{label}')")]
    DuplicateKey { key: String, label: String },
    /// Two label sets with one name.
    #[error("label set '{name}' is defined twice")]
    DuplicateLabelSet { name: String },
    /// A label set without values.
    #[error("label set '{set}' has no values; list at least one")]
    NoValues { set: String },
    /// A label set that lists a value twice.
    #[error("label set '{set}' lists '{value}' twice")]
    DuplicateValue { set: String, value: String },
    /// A zone listed twice.
    #[error("zone '{zone}' is listed twice")]
    DuplicateZone { zone: Zone },
    /// A name that is empty (`what`: span label, label set, zone, ...).
    #[error("a {what} has an empty name")]
    EmptyName { what: String },
    /// A name with white space in it.
    #[error("{what} '{name}' contains white space; use - or _ instead")]
    WhiteSpace { what: String, name: String },
}

/// Result alias for the model crate.
pub type Result<T, E = ModelError> = std::result::Result<T, E>;
