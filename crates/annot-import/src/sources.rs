//! The inputs of an import, expanded into the files (and standard input) to read.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::error::{Diagnostic, ErrorKind, ImportError, Result};
use crate::input::{Format, Input, StdinReader};

/// Where a source's bytes are.
#[derive(Debug)]
pub(crate) enum SourceData {
    /// A file: its folder (shared by the files of a folder), its name, and
    /// how many components of its path are the folder given (the rest is its
    /// `meta.source`). An import of a million files holds a name each, and
    /// the strings a message or document needs are made when it needs them.
    File {
        dir: Arc<PathBuf>,
        name: FileName,
        folder: u16,
    },
    /// Standard input (or a page of it), read whole: it cannot be read twice,
    /// and both passes need it.
    Stdin(Box<Named>),
}

/// Bytes that are not a file, with the names a file's path would give.
#[derive(Debug)]
pub(crate) struct Named {
    pub(crate) bytes: Vec<u8>,
    /// As [`Source::name`].
    pub(crate) name: String,
    /// As [`Source::meta_source`].
    pub(crate) meta_source: String,
    /// As [`Source::id`].
    pub(crate) id: Option<String>,
}

/// One file (or standard input) to import.
#[derive(Debug)]
pub(crate) struct Source {
    pub(crate) data: SourceData,
    pub(crate) format: Format,
    pub(crate) size: u64,
}

/// A file's name: inline when it is short UTF-8 (most are), so a file
/// listed costs no allocation of its own.
#[derive(Debug)]
pub(crate) enum FileName {
    Inline { len: u8, bytes: [u8; 22] },
    Heap(Box<OsStr>),
}

impl FileName {
    fn new(name: &OsStr) -> Self {
        match name.to_str() {
            Some(s) if s.len() <= 22 => {
                let mut bytes = [0u8; 22];
                bytes[..s.len()].copy_from_slice(s.as_bytes());
                FileName::Inline {
                    len: s.len() as u8,
                    bytes,
                }
            }
            _ => FileName::Heap(name.into()),
        }
    }

    fn as_os_str(&self) -> &OsStr {
        match self {
            FileName::Inline { len, bytes } => {
                OsStr::new(std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default())
            }
            FileName::Heap(name) => name,
        }
    }
}

impl SourceData {
    /// The file's path (`None` for standard input).
    pub(crate) fn path(&self) -> Option<PathBuf> {
        match self {
            SourceData::File { dir, name, .. } if name.as_os_str().is_empty() => {
                Some(dir.to_path_buf())
            }
            SourceData::File { dir, name, .. } => Some(dir.join(name.as_os_str())),
            SourceData::Stdin(_) => None,
        }
    }
}

impl Source {
    /// The whole content.
    pub(crate) fn bytes(&self) -> Result<Vec<u8>> {
        match (&self.data, self.data.path()) {
            // std::fs rather than fs-err: the error's location names the file already.
            (_, Some(path)) => read_file(&path, self.size)
                .map_err(|e| ImportError::new(self.name(), ErrorKind::Io(e))),
            (SourceData::Stdin(named), None) => Ok(named.bytes.clone()),
            (SourceData::File { .. }, None) => Ok(Vec::new()),
        }
    }

    /// The path as the user would recognise it, for diagnostics.
    pub(crate) fn name(&self) -> Cow<'_, str> {
        match (&self.data, self.data.path()) {
            (SourceData::Stdin(named), _) => Cow::Borrowed(&named.name),
            (_, path) => Cow::Owned(path.unwrap_or_default().display().to_string()),
        }
    }

    /// The path within the folder given (the file name for a file given), for `meta.source`.
    pub(crate) fn meta_source(&self) -> Cow<'_, str> {
        match &self.data {
            SourceData::File { folder, .. } => Cow::Owned(
                self.data
                    .path()
                    .unwrap_or_default()
                    .components()
                    .skip(usize::from(*folder))
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            ),
            SourceData::Stdin(named) => Cow::Borrowed(&named.meta_source),
        }
    }

    /// The id of a text file's document: its stem.
    pub(crate) fn id(&self) -> Option<Cow<'_, str>> {
        match &self.data {
            SourceData::File { dir, name, .. } => {
                if !matches!(self.format, Format::Text | Format::Brat) {
                    return None;
                }
                let name = match name.as_os_str() {
                    n if n.is_empty() => dir.file_name()?,
                    n => n,
                };
                Path::new(name).file_stem().map(|s| s.to_string_lossy())
            }
            SourceData::Stdin(named) => named.id.as_deref().map(Cow::Borrowed),
        }
    }
}

/// Reads a file whose size the listing gave. Unlike `std::fs::read` this
/// asks for no size again (no `fstat`, no seek), and it never zeroes the
/// buffer first: the bytes go straight into the vector's spare capacity. A
/// file that grew since the listing is read to its new end.
fn read_file(path: &Path, size: u64) -> std::io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    let expected = usize::try_from(size).unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.saturating_add(1));
    // One byte past the listed size tells a file that grew from one that
    // did not without a second pass.
    (&mut file)
        .take(size.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if bytes.len() > expected {
        file.read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

/// Name of standard input in diagnostics and metadata.
pub(crate) const STDIN_NAME: &str = "<stdin>";

/// The sources of `inputs` in order: each folder's files sorted by path. In a
/// folder only files with a known extension are taken (so a README or a
/// JSON sidecar is not imported); a file named directly is always taken.
pub(crate) fn expand(
    inputs: &[Input],
    format: Option<Format>,
    failures: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Vec<Source> {
    let mut out = Vec::new();
    for input in inputs {
        match input {
            Input::Stdin(reader) => match stdin_source(reader, format) {
                Ok(src) => out.push(src),
                Err(e) => failures.push(e.into()),
            },
            Input::Path(path) => match std::fs::metadata(path) {
                Err(e) => failures
                    .push(ImportError::new(path.display().to_string(), ErrorKind::Io(e)).into()),
                Ok(md) if md.is_dir() => {
                    let mut files = Vec::new();
                    let mut skipped = std::collections::BTreeMap::new();
                    walk(path, format, &mut files, &mut skipped, failures);
                    let name = path.display().to_string();
                    let kinds = || {
                        let list: Vec<String> = skipped
                            .iter()
                            .map(|(ext, n)| format!("{n} {ext}"))
                            .collect();
                        list.join(", ")
                    };
                    if files.is_empty() {
                        let mut message =
                            "this directory holds no .txt, .jsonl, .ndjson or .csv file"
                                .to_string();
                        if !skipped.is_empty() {
                            message.push_str(&format!(" (skipped: {})", kinds()));
                        }
                        warnings.push(Diagnostic::new(&name, message));
                    } else if !skipped.is_empty() {
                        let message = format!(
                            "skipped files of a type annot does not import: {}; \
                             name a file with --format to read it as text, JSONL or CSV",
                            kinds()
                        );
                        warnings.push(Diagnostic::new(&name, message));
                    }
                    let folder = path.components().count();
                    with_sizes(files, &mut out, |dir, name, size| {
                        let file = dir.join(name.as_os_str());
                        let fmt = Format::for_file(&file, format)?;
                        // Under the folder given: its components, then the file's own.
                        let folder = if file.starts_with(path) { folder } else { 0 };
                        Some(Source {
                            data: SourceData::File {
                                dir,
                                name,
                                folder: u16::try_from(folder).unwrap_or(u16::MAX),
                            },
                            format: format.unwrap_or(fmt),
                            size,
                        })
                    });
                }
                Ok(md) if !md.is_file() => failures.push(
                    ImportError::new(
                        path.display().to_string(),
                        ErrorKind::NotAFile {
                            what: special_kind(&md),
                        },
                    )
                    .into(),
                ),
                Ok(md) => match format.or_else(|| Format::from_extension(path)) {
                    Some(fmt) => out.push(file_source(path, fmt, md.len())),
                    None => failures.push(
                        ImportError::new(path.display().to_string(), ErrorKind::UnknownFormat)
                            .into(),
                    ),
                },
            },
        }
    }
    if format == Some(Format::Brat) {
        brat_pairs(&mut out);
    }
    out
}

/// The brat sources, one a document: a `.txt` is left out when its `.ann` is in the list.
fn brat_pairs(sources: &mut Vec<Source>) {
    let is_ann = |s: &Source| {
        s.data
            .path()
            .is_some_and(|p| p.extension().is_some_and(|e| e == "ann"))
    };
    let anns: std::collections::HashSet<PathBuf> = sources
        .iter()
        .filter(|s| is_ann(s))
        .filter_map(|s| s.data.path().map(|p| p.with_extension("")))
        .collect();
    let mut seen = std::collections::HashSet::new();
    sources.retain(|s| match s.data.path() {
        Some(path) => {
            let stem = path.with_extension("");
            (is_ann(s) || !anns.contains(&stem)) && seen.insert(stem)
        }
        None => true,
    });
}

/// What a file that is neither a regular file nor a folder is (told from its
/// metadata: opening a FIFO would wait for a writer forever).
fn special_kind(md: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        let t = md.file_type();
        if t.is_fifo() {
            return "a FIFO (named pipe)";
        }
        if t.is_socket() {
            return "a socket";
        }
        if t.is_char_device() || t.is_block_device() {
            return "a device";
        }
    }
    let _ = md;
    "not a regular file"
}

/// A file named on the command line: its `meta.source` is its name.
fn file_source(path: &Path, format: Format, size: u64) -> Source {
    let (dir, name) = match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => (dir, name),
        _ => (path, OsStr::new("")),
    };
    let folder = path.components().count().saturating_sub(1);
    Source {
        data: SourceData::File {
            dir: Arc::new(dir.to_path_buf()),
            name: FileName::new(name),
            folder: u16::try_from(folder).unwrap_or(u16::MAX),
        },
        format,
        size,
    }
}

/// Files under `dir`, recursively and in path order, whose extension names a
/// format. Hidden entries and symbolic links to folders (which may loop) are skipped.
fn walk(
    dir: &Path,
    format: Option<Format>,
    out: &mut Vec<(Arc<PathBuf>, FileName)>,
    skipped: &mut std::collections::BTreeMap<String, usize>,
    failures: &mut Vec<Diagnostic>,
) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            failures.push(ImportError::new(dir.display().to_string(), ErrorKind::Io(e)).into());
            return;
        }
    };
    let mut listed = Vec::new();
    for entry in entries {
        match entry {
            Ok(entry) if !entry.file_name().to_string_lossy().starts_with('.') => {
                // The type comes with the directory listing: no system call per file.
                if let Ok(kind) = entry.file_type() {
                    listed.push((entry.file_name(), kind.is_dir()));
                }
            }
            Ok(_) => {}
            Err(e) => {
                failures.push(ImportError::new(dir.display().to_string(), ErrorKind::Io(e)).into());
            }
        }
    }
    // Sorting each folder's names gives path order overall, cheaper than
    // sorting all the paths at the end.
    listed.sort_unstable();
    let shared = Arc::new(dir.to_path_buf());
    for (name, is_dir) in listed {
        let path = dir.join(&name);
        if is_dir {
            walk(&path, format, out, skipped, failures);
        } else if Format::for_file(&path, format).is_some() {
            out.push((Arc::clone(&shared), FileName::new(&name)));
        } else if format == Some(Format::Brat) && is_brat_config(&name) {
            // brat's own configuration (the labels it shows), which belongs in
            // a brat folder: not a document, and nothing to warn of.
        } else {
            let ext = path.extension().map_or_else(
                || "without extension".to_string(),
                |e| format!(".{}", e.to_string_lossy()),
            );
            *skipped.entry(ext).or_default() += 1;
        }
    }
}

/// Whether `name` is one of brat's configuration files (`annotation.conf`,
/// `visual.conf`, `tools.conf`, `kb_shortcuts.conf`), which sit beside the
/// `.txt`/`.ann` pairs of a brat folder (annot's brat export writes
/// `annotation.conf`).
fn is_brat_config(name: &std::ffi::OsStr) -> bool {
    matches!(
        name.to_str(),
        Some("annotation.conf" | "visual.conf" | "tools.conf" | "kb_shortcuts.conf")
    )
}

/// The sources `make` makes of `files` (folder, name) with their sizes,
/// added to `out` in input order. The sizes are looked up in parallel (one
/// system call each); links to anything but a file are dropped. A million
/// files are held once as listed and once as sources, never more.
fn with_sizes(
    files: Vec<(Arc<PathBuf>, FileName)>,
    out: &mut Vec<Source>,
    make: impl Fn(Arc<PathBuf>, FileName, u64) -> Option<Source>,
) {
    const NOT_A_FILE: u64 = u64::MAX;
    let sizes: Vec<u64> = files
        .par_iter()
        .map(
            |(dir, name)| match std::fs::metadata(dir.join(name.as_os_str())) {
                Ok(md) if md.is_file() => md.len(),
                _ => NOT_A_FILE,
            },
        )
        .collect();
    out.reserve_exact(files.len());
    for ((dir, name), size) in files.into_iter().zip(sizes) {
        if size != NOT_A_FILE {
            out.extend(make(dir, name, size));
        }
    }
}

/// Standard input, read whole; JSONL when it starts with `{`, else text, unless `format` says.
fn stdin_source(reader: &StdinReader, format: Option<Format>) -> Result<Source> {
    let mut bytes = Vec::new();
    // Taken already (the same input given twice): it has nothing left to read.
    if let Some(mut reader) = reader.take() {
        reader
            .read_to_end(&mut bytes)
            .map_err(|e| ImportError::new(STDIN_NAME, ErrorKind::Io(e)))?;
    }
    let format = format.unwrap_or_else(|| sniff(&bytes));
    Ok(Source {
        size: bytes.len() as u64,
        data: SourceData::Stdin(Box::new(Named {
            bytes,
            name: STDIN_NAME.into(),
            meta_source: STDIN_NAME.into(),
            id: None,
        })),
        format,
    })
}

/// JSONL when the first non-blank byte opens an object, else text.
fn sniff(bytes: &[u8]) -> Format {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => Format::Jsonl,
        _ => Format::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_are_sorted_and_filtered() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("b/c")).unwrap();
        for f in [
            "b/c/z.txt",
            "b/a.jsonl",
            "a.txt",
            "EXPECTED.json",
            ".hidden.txt",
            "d.csv",
        ] {
            std::fs::write(root.join(f), "x").unwrap();
        }
        let (mut failures, mut warnings) = (Vec::new(), Vec::new());
        let sources = expand(
            &[Input::Path(root.to_path_buf())],
            None,
            &mut failures,
            &mut warnings,
        );
        let names: Vec<_> = sources.iter().map(Source::meta_source).collect();
        assert_eq!(names, ["a.txt", "b/a.jsonl", "b/c/z.txt", "d.csv"]);
        assert_eq!(sources[0].id().as_deref(), Some("a"));
        assert_eq!(sources[1].id(), None, "JSONL ids come from the records");
        assert!(failures.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].message.contains("1 .json"), "{}", warnings[0]);

        let sources = expand(
            &[
                Input::Path(root.join("EXPECTED.json")),
                Input::Path(root.join("missing.txt")),
            ],
            None,
            &mut failures,
            &mut warnings,
        );
        assert!(sources.is_empty());
        assert_eq!(failures.len(), 2);
        assert!(failures[0].message.contains("--format"), "{}", failures[0]);
        assert!(failures[1].source.ends_with("missing.txt"));
    }

    #[test]
    fn a_listed_file_is_small() {
        // What a million-file import holds a file (the name inline when short).
        assert!(
            std::mem::size_of::<Source>() <= 56,
            "{}",
            std::mem::size_of::<Source>()
        );
        let long = "n".repeat(40) + ".txt";
        for name in ["a.txt", "0123456789012345678.txt", long.as_str()] {
            let src = file_source(&Path::new("some/dir").join(name), Format::Text, 1);
            assert_eq!(src.meta_source(), name);
            assert_eq!(src.name(), format!("some/dir/{name}"));
            assert_eq!(src.id().as_deref(), name.strip_suffix(".txt"));
        }
    }

    #[test]
    fn reading_files_of_any_size() {
        let dir = tempfile::tempdir().unwrap();
        for len in [0, 1, 4095, 4096, 4097, 100_000] {
            let path = dir.path().join(format!("{len}.txt"));
            let content: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &content).unwrap();
            assert_eq!(read_file(&path, len as u64).unwrap(), content, "{len}");
            // A file that grew or shrank since it was listed is still read whole.
            assert_eq!(read_file(&path, 10).unwrap(), content, "{len} listed as 10");
            assert_eq!(
                read_file(&path, 200_000).unwrap(),
                content,
                "{len} listed as 200000"
            );
        }
    }

    #[test]
    fn sniffing() {
        assert_eq!(sniff(b"\n {\"text\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"Titre\n"), Format::Text);
    }
}
