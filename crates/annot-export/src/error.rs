//! What can go wrong in an export; each message says what, where and what to do.

use std::path::PathBuf;

use annot_model::ModelError;

use crate::preflight::Refusal;

/// An export that could not run or refused to write.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// Reading the project (corpus, logs, schema) failed.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// Writing an output file failed.
    #[error("cannot write {}: {source}", path.display())]
    Write {
        /// The file (or `-` for standard output).
        path: PathBuf,
        /// The I/O error.
        #[source]
        source: std::io::Error,
    },
    /// An annotator named in `--from` has no log.
    #[error(
        "annotator '{name}' has no log in annotations/ (annotators: {known}); check the names given to --from"
    )]
    UnknownAnnotator {
        /// The name given.
        name: String,
        /// The annotators the project has, comma-separated.
        known: String,
    },
    /// The options do not fit together or one does not parse.
    #[error("{0}")]
    Config(String),
    /// A line of a stream that is not what the job reads.
    #[error("<stdin>:{line}: {reason}")]
    StreamLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong and what to give instead.
        reason: String,
    },
    /// The pre-flight found spans that cannot be written as asked.
    #[error("{0}")]
    Refused(Box<Refusal>),
}

/// A `Result` with [`ExportError`].
pub type Result<T, E = ExportError> = std::result::Result<T, E>;
