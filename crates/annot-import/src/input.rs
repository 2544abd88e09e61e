//! The inputs of an import and the settings they are read with.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use annot_model::tokenize::Lang;

/// One input of an import.
#[derive(Debug)]
pub enum Input {
    /// A file, or a folder searched recursively for `.txt`, `.jsonl`, `.ndjson` and `.csv` files.
    Path(PathBuf),
    /// Standard input (`-` on the command line), read whole from the reader
    /// the caller hands in: this crate never touches the process's own.
    Stdin(StdinReader),
}

impl Input {
    /// Standard input read from `reader` (the caller's `std::io::stdin()`, or a test's bytes).
    pub fn stdin(reader: impl Read + Send + 'static) -> Self {
        Self::Stdin(StdinReader(Mutex::new(Some(Box::new(reader)))))
    }
}

/// The reader of [`Input::Stdin`], read once: an import reads it whole, and
/// a second import of the same input finds it empty.
pub struct StdinReader(Mutex<Option<Box<dyn Read + Send>>>);

impl StdinReader {
    /// The reader, the first time; `None` after.
    pub(crate) fn take(&self) -> Option<Box<dyn Read + Send>> {
        // A poisoned lock means a panic elsewhere; the reader is still whole.
        match self.0.lock() {
            Ok(mut guard) => guard.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }
}

impl std::fmt::Debug for StdinReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("StdinReader")
    }
}

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// A scraped article, one document a file, zoned.
    Text,
    /// One JSON object a line, one document each.
    Jsonl,
    /// A CSV file with a header, one document a row.
    Csv,
    /// Prodigy's JSONL: `text`, `spans`, `answer`, one task a line.
    Prodigy,
    /// doccano's JSONL export (sequence labelling, relations, classification).
    Doccano,
    /// Label Studio's JSON export: a list of tasks.
    LabelStudio,
    /// annot's own `annot export --format jsonl`, read back.
    JsonlSpans,
    /// brat standoff: a `.ann` file beside the `.txt` of its document.
    Brat,
    /// Token-per-line CoNLL (`token ... tag`), documents split by `-DOCSTART-`.
    Conll,
}

impl Format {
    /// The names `--format` takes ([`Format::from_name`] reads them).
    pub const NAMES: &[&str] = &[
        "text",
        "txt",
        "jsonl",
        "ndjson",
        "csv",
        "jsonl-spans",
        "prodigy",
        "doccano",
        "label-studio",
        "brat",
        "conll",
    ];

    /// The format a file's extension says: `.txt`, `.jsonl` / `.ndjson`, `.csv`.
    #[must_use]
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::from_name(&ext)
    }

    /// The format a file found in a folder is read as, when the import reads
    /// `given` (or goes by extension): brat takes `.ann` files and the `.txt`
    /// files beside them, CoNLL also `.txt`, `.iob`, `.bio` and `.tsv` files.
    #[must_use]
    pub(crate) fn for_file(path: &Path, given: Option<Self>) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match given {
            Some(Self::Brat) => matches!(ext.as_str(), "ann" | "txt").then_some(Self::Brat),
            Some(Self::Conll) => matches!(ext.as_str(), "conll" | "txt" | "iob" | "bio" | "tsv")
                .then_some(Self::Conll),
            Some(f) => Self::from_extension(path).map(|_| f),
            None => Self::from_extension(path),
        }
    }

    /// The format of a name as a user would give it (`text`, `txt`, `jsonl`, `ndjson`, `csv`,
    /// `brat`, `conll`).
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Self::Text),
            "jsonl" | "ndjson" => Some(Self::Jsonl),
            "csv" => Some(Self::Csv),
            "jsonl-spans" => Some(Self::JsonlSpans),
            "prodigy" => Some(Self::Prodigy),
            "doccano" => Some(Self::Doccano),
            "label-studio" => Some(Self::LabelStudio),
            "brat" => Some(Self::Brat),
            "conll" => Some(Self::Conll),
            _ => None,
        }
    }

    /// The format of a file found in a folder, by its extension (`.txt`,
    /// `.jsonl` / `.ndjson`, `.csv`); annotated formats are only ever named.
    #[must_use]
    pub(crate) fn from_extension(path: &Path) -> Option<Self> {
        Self::from_path(path).filter(|f| !f.is_annotated())
    }

    /// Whether files of this format carry annotations (written to the
    /// annotators' logs), not only documents.
    #[must_use]
    pub fn is_annotated(self) -> bool {
        !matches!(self, Self::Text | Self::Jsonl | Self::Csv)
    }
}

/// Settings of an import.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// Refuse files that are not UTF-8 instead of reading them as Windows-1252.
    pub strict: bool,
    /// Read every input as this format instead of going by extension.
    pub format: Option<Format>,
    /// JSONL: the field holding the text.
    pub text_field: String,
    /// JSONL: the field holding the id; `None` means `id`. A record without
    /// one gets its text digest as id.
    pub id_field: Option<String>,
    /// CSV: the column holding the text.
    pub text_column: String,
    /// CSV: the column holding the id (it must exist); `None` means the `id`
    /// column if there is one. Rows without an id get their text digest.
    pub id_column: Option<String>,
    /// The language of documents that do not say; detected when `None`.
    pub lang: Option<Lang>,
    /// A line is boilerplate when it occurs in at least this many documents...
    pub boilerplate_min_docs: u32,
    /// ...and in at least this share of them (0.0..=1.0).
    pub boilerplate_min_share: f64,
    /// Text files the recurrence table counts, about: all of an import of at
    /// most this many, a sample of this size of a larger one
    /// ([`crate::RecurrenceSample`]).
    pub recurrence_sample: u64,
    /// Files (or records) processed together; bounds memory use.
    pub chunk_size: usize,
    /// CSV: quoted texts may hold lines that look like rows of their own
    /// (the check of such lines is off; a quote never closed is still an error).
    pub csv_multiline: bool,
    /// The largest document text taken, in bytes of UTF-8 (after
    /// normalisation); a larger one is a failure of its file or line.
    pub max_doc_bytes: usize,
    /// Annotated formats: leave out an annotation with a bad span (or a
    /// broken line) and import the rest, instead of refusing the import.
    pub skip_bad: bool,
    /// Annotated formats: the annotator of every record (`--as`); without
    /// it, the one the file names for each record.
    pub annotator: Option<String>,
    /// CoNLL: scheme, tag column, and the corpus to align onto.
    pub conll: crate::readers::conll::ConllOptions,
}

/// The default of [`ImportOptions::max_doc_bytes`]: 2 MiB of text, some
/// 300 pages; news articles are a few kilobytes.
pub const DEFAULT_MAX_DOC_BYTES: usize = 2 * 1024 * 1024;

impl Default for ImportOptions {
    fn default() -> Self {
        Self {
            strict: false,
            format: None,
            text_field: "text".into(),
            id_field: None,
            text_column: "text".into(),
            id_column: None,
            lang: None,
            boilerplate_min_docs: 3,
            boilerplate_min_share: 0.01,
            recurrence_sample: crate::DEFAULT_RECURRENCE_SAMPLE,
            chunk_size: 1024,
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            csv_multiline: false,
            skip_bad: false,
            annotator: None,
            conll: crate::readers::conll::ConllOptions::default(),
        }
    }
}
