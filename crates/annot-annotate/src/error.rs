//! Errors that stop a session (a mistyped command never does: it gets a message).

use std::path::PathBuf;

/// Why a session could not start or had to stop.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The corpus, the schema or the annotator's log.
    #[error(transparent)]
    Model(#[from] annot_model::ModelError),

    /// A line of the patterns file.
    #[error("{path}:{line}: {message}")]
    Patterns {
        /// The patterns file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong and how to write it.
        message: String,
    },

    /// The patterns file could not be read.
    #[error("cannot read patterns file {path}: {source}")]
    PatternsFile {
        /// The patterns file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },

    /// A `--filter` expression that does not parse.
    #[error("--filter {expr:?}: {source}")]
    Filter {
        /// The expression as given.
        expr: String,
        /// What is wrong.
        source: annot_model::filter::FilterError,
    },

    /// A `--filter` that names a key no document has, or values none has.
    #[error("--filter: {0}")]
    FilterMatchesNothing(#[source] annot_model::filter::FilterError),

    /// An `--order` that is neither `file` nor `random:SEED`.
    #[error(
        "--order {0:?}: use `file` (corpus order) or `random:SEED` (a shuffle fixed by SEED, e.g. random:42)"
    )]
    Order(String),

    /// Reading the commands (terminal or standard input).
    #[error("reading commands: {0}")]
    Input(std::io::Error),

    /// Writing the screen.
    #[error("writing to the terminal: {0}")]
    Output(#[from] std::io::Error),
}

/// Result alias for sessions.
pub type Result<T, E = SessionError> = std::result::Result<T, E>;
