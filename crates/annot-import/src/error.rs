//! Errors and diagnostics of the importer; every one names the file (and line) it is about.

use std::fmt;

/// An error about one input file, or one line or row of it.
///
/// The message reads `<location>: <what is wrong and what to do>`, where the
/// location is a file name or `file:line`.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {kind}")]
pub struct ImportError {
    /// The file, or `file:line`, the error is about.
    pub location: String,
    /// What went wrong.
    pub kind: ErrorKind,
}

/// What went wrong, without the location (see [`ImportError`]).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),

    /// Nothing but whitespace (or nothing at all).
    #[error("the file is empty (or only whitespace); there is no text to import")]
    Empty,

    /// A NUL byte: an image, archive or UTF-16 file, not text.
    #[error(
        "looks like a binary file (NUL byte at offset {offset}), not text; \
         remove it from the input, or convert UTF-16 text to UTF-8"
    )]
    Binary {
        /// Byte offset of the first NUL byte.
        offset: usize,
    },

    /// A byte order mark announcing an encoding that the bytes after it are not in.
    #[error(
        "starts with a {encoding} byte order mark but is not valid {encoding}{detail}; \
         convert the file to UTF-8 (or remove the byte order mark if the text is in another encoding)"
    )]
    BadBom {
        /// The encoding the mark announces: `UTF-8`, `UTF-16 LE` or `UTF-16 BE`.
        encoding: &'static str,
        /// Where it goes wrong, when known (` (first bad byte at offset N)`).
        detail: String,
    },

    /// A UTF-16 byte order mark in front of bytes that read as UTF-8 text.
    #[error(
        "starts with a {encoding} byte-order mark, but what follows reads as UTF-8: remove \
         the first 2 bytes, or save the file as UTF-16 again"
    )]
    Utf16BomOnUtf8 {
        /// The encoding the mark announces: `UTF-16 LE` or `UTF-16 BE`.
        encoding: &'static str,
    },

    /// A document text above the size limit of the import.
    #[error(
        "the text is {bytes} bytes of UTF-8, above the limit of {limit} bytes a document \
         (--max-doc-bytes, 2 MiB unless given); split it into several documents, or raise \
         the limit with --max-doc-bytes N if you mean to annotate it whole"
    )]
    TooLarge {
        /// Size of the text in bytes of UTF-8.
        bytes: usize,
        /// The limit.
        limit: usize,
    },

    /// A text file so large that its text is above the size limit whatever
    /// its encoding: refused before it is read.
    #[error(
        "the file is {bytes} bytes, so its text is above the limit of {limit} bytes a \
         document (--max-doc-bytes, 2 MiB unless given) in any encoding; it was not read: \
         split it into several documents, or raise the limit with --max-doc-bytes N if you \
         mean to annotate it whole"
    )]
    FileTooLarge {
        /// Size of the file in bytes.
        bytes: u64,
        /// The limit.
        limit: usize,
    },

    /// Not UTF-8, and `strict` forbids guessing.
    #[error(
        "not valid UTF-8 (first bad byte at offset {offset}); convert it to UTF-8, \
         or import without --strict to read it as Windows-1252"
    )]
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },

    /// The input's extension does not say what it is.
    #[error("unknown input format (expected .txt, .jsonl, .ndjson or .csv); pass --format")]
    UnknownFormat,

    /// A JSONL line that is not a JSON object.
    #[error("invalid JSON: {0}; each line must be one JSON object")]
    Json(String),

    /// A JSONL line or CSV row whose text is empty or only whitespace.
    #[error(
        "the text (field '{field}') is empty or only whitespace: there is nothing to annotate; \
         fill it in or remove the record"
    )]
    EmptyText {
        /// The field or column holding the text.
        field: String,
    },

    /// A JSON string with half of a UTF-16 surrogate pair.
    #[error(
        "the string escape {escape} is a lone UTF-16 surrogate, not valid Unicode (a surrogate \
         must be one half of a pair such as \\ud83d\\ude00); fix the program that wrote the \
         file, or remove the escape"
    )]
    LoneSurrogate {
        /// The escape, as written (`\ud800`).
        escape: String,
    },

    /// An input named on the command line that is not a file or a folder.
    #[error(
        "is {what}, not a regular file; annot imports files and folders (to import what a \
         program writes, pipe it into `annot import -`)"
    )]
    NotAFile {
        /// What it is: a FIFO (named pipe), a socket, a device.
        what: &'static str,
    },

    /// An id field or column that cannot be a document id.
    #[error(
        "the id ({field}) {problem}; an id must be one line of printable text without '/' \
         or '\\', at most 200 bytes, used as it is: fix it, or leave the field out to get the \
         text digest as id"
    )]
    BadId {
        /// Where the id came from: `field 'id'`, `column 'id'`.
        field: String,
        /// What is wrong with it.
        problem: String,
    },

    /// A text file whose name (without its extension) cannot be a document id.
    #[error(
        "the id (the file name without its extension) {problem}; an id must be one line of \
         printable text without '/' or '\\', at most 200 bytes, used as it is: rename the file"
    )]
    BadFileId {
        /// What is wrong with it.
        problem: String,
    },

    /// A JSONL line or CSV row without the text.
    #[error("no text in field '{field}'; name the text field with --text-field / --text-column")]
    MissingText {
        /// The field or column that was looked for.
        field: String,
    },

    /// A CSV file whose header has no text column.
    #[error(
        "the header has no column '{column}' (columns: {found}); name the text column with --text-column"
    )]
    MissingColumn {
        /// The column that was looked for.
        column: String,
        /// The header's columns, comma-separated.
        found: String,
    },

    /// A CSV quote opened on this line and never closed.
    #[error(
        "the quote opened on this line is never closed: the rest of the file would become \
         one text; close it (a quote inside a quoted field is written \"\"), then import \
         the file again (nothing of it was imported)"
    )]
    UnclosedQuote,

    /// A CSV quoted field, opened on this line, over a line that looks like a row.
    #[error(
        "the quoted field opened on this line runs on over line {row_line}, which looks like \
         a row of its own ({fields} fields, like the header): close the quote where the text \
         ends (a quote inside a quoted field is written \"\"), then import the file again \
         (nothing of it was imported); if the text really holds that line, import with \
         --csv-multiline"
    )]
    QuoteSwallowsRow {
        /// The line that looks like a row.
        row_line: usize,
        /// Its number of fields.
        fields: usize,
    },

    /// A task of an annotated format whose fields are not as the format has them.
    #[error("{0}")]
    Annotation(String),

    /// A CSV row that cannot be parsed.
    #[error("invalid CSV: {0}")]
    Csv(String),
}

impl ImportError {
    /// An error about `location` (a file name or `file:line`).
    #[must_use]
    pub fn new(location: impl Into<String>, kind: ErrorKind) -> Self {
        Self {
            location: location.into(),
            kind,
        }
    }
}

/// A warning or failure that did not stop the import, for the caller to show.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// The file, or `file:line`, it is about.
    pub source: String,
    /// What happened, without the location.
    pub message: String,
}

impl Diagnostic {
    /// A diagnostic about `source`.
    #[must_use]
    pub fn new(source: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            source: source.into(),
            message: message.into(),
        }
    }
}

impl From<ImportError> for Diagnostic {
    fn from(e: ImportError) -> Self {
        Self {
            source: e.location,
            message: e.kind.to_string(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source, self.message)
    }
}

/// Result alias for the importer.
pub type Result<T, E = ImportError> = std::result::Result<T, E>;
