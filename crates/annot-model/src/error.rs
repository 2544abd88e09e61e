//! Errors of the model crate; every one names the file, line or document involved.

use std::path::PathBuf;

/// An error from loading, validating or storing annotation data.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// An I/O error on a named file (fs-err already puts the path in the message).
    #[error(transparent)]
    Io(#[from] std::io::Error),

    /// A line of a JSONL file that is not the JSON it should be.
    #[error("{path}:{line}: {message}")]
    Line {
        path: PathBuf,
        line: usize,
        message: String,
    },

    /// A schema that cannot be used.
    #[error("schema {path}: {message}")]
    Schema { path: PathBuf, message: String },

    /// A span that does not fit its document.
    #[error("document '{doc}': {message}")]
    Span { doc: String, message: String },

    /// The project settings file.
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },

    /// Another process holds the annotator's log.
    #[error(
        "annotator '{annotator}' is already in use by another annot process ({path}); \
         finish that session first, or annotate under another name"
    )]
    Locked { annotator: String, path: PathBuf },

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
}

/// Result alias for the model crate.
pub type Result<T, E = ModelError> = std::result::Result<T, E>;
