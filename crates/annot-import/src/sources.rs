//! The inputs of an import, expanded into the files (and standard input) to read.

use std::borrow::Cow;
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use annot_model::spill::{Bytes, put_u64};
use annot_model::{Compact, CompactItem, SpillError, SpillList};

use crate::error::{Diagnostic, ErrorKind, ImportError, Result};
use crate::input::{Format, Input, StdinReader};
use crate::pipeline::Diagnostics;

/// Where a source's bytes are.
#[derive(Debug, Clone)]
pub(crate) enum SourceData {
    /// A file: its folder (shared by the files of a folder), its name, and
    /// how many components of its path are the folder given (the rest is its
    /// `meta.source`). The strings a message or document needs are made when
    /// it needs them; a [`SourceList`] keeps the name alone.
    File {
        dir: Arc<PathBuf>,
        name: FileName,
        folder: u16,
    },
    /// Standard input (or a page of it), read whole: it cannot be read twice,
    /// and both passes need it.
    Stdin(Arc<Named>),
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
#[derive(Debug, Clone)]
pub(crate) struct Source {
    pub(crate) data: SourceData,
    pub(crate) format: Format,
    pub(crate) size: u64,
}

/// A file's name: inline when it is short UTF-8 (most are), so a file
/// listed costs no allocation of its own.
#[derive(Debug, Clone)]
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

/// The sources of an import, in order, in bounded memory: the first
/// [`SpillList::IN_MEMORY`] as listed, the rest in a temporary file (a
/// million files would otherwise hold some 56 MB of listing for the whole
/// import). Each file is kept as its folder's number, its name, and what the
/// listing said of it; the folders' paths (one a run of files of a folder)
/// and standard input's bytes are held in memory.
#[derive(Debug, Default)]
pub(crate) struct SourceList {
    dirs: Vec<Arc<PathBuf>>,
    named: Vec<Arc<Named>>,
    items: SpillList<Listed, Compact>,
    size: u64,
    /// The text files among them, and their bytes.
    texts: u64,
    text_size: u64,
}

/// A source as a [`SourceList`] keeps it.
#[derive(Debug, Clone)]
enum Listed {
    File {
        dir: u32,
        name: FileName,
        folder: u16,
        format: Format,
        size: u64,
    },
    /// The source of this number in [`SourceList::named`].
    Named { at: u32, format: Format, size: u64 },
}

impl SourceList {
    /// Appends `src`.
    pub(crate) fn push(&mut self, src: Source) {
        self.size += src.size;
        if src.format == Format::Text {
            self.texts += 1;
            self.text_size += src.size;
        }
        let (format, size) = (src.format, src.size);
        let listed = match src.data {
            SourceData::File { dir, name, folder } => {
                // A folder's path is kept again when another folder's files
                // came between (a walk lists a folder's files around its
                // subfolders'); files named one by one in the same folder,
                // spelt the same, share one.
                if !self
                    .dirs
                    .last()
                    .is_some_and(|d| Arc::ptr_eq(d, &dir) || d.as_os_str() == dir.as_os_str())
                {
                    self.dirs.push(dir);
                }
                Listed::File {
                    dir: (self.dirs.len() - 1) as u32,
                    name,
                    folder,
                    format,
                    size,
                }
            }
            SourceData::Stdin(named) => {
                self.named.push(named);
                Listed::Named {
                    at: (self.named.len() - 1) as u32,
                    format,
                    size,
                }
            }
        };
        self.items.push(listed);
    }

    /// Number of sources.
    pub(crate) fn len(&self) -> usize {
        self.items.len()
    }

    /// Bytes of all the sources, as listed.
    pub(crate) fn size(&self) -> u64 {
        self.size
    }

    /// How many sources are text files, and their bytes.
    pub(crate) fn texts(&self) -> (u64, u64) {
        (self.texts, self.text_size)
    }

    /// The failure of the temporary file, if listing the sources met one.
    pub(crate) fn check(&self) -> std::result::Result<(), SpillError> {
        self.items.check()
    }

    /// Every source, in order; an error (and nothing after it) when the
    /// temporary file could not be read back.
    pub(crate) fn iter(
        &self,
    ) -> impl Iterator<Item = std::result::Result<Source, SpillError>> + '_ {
        self.items.iter().map(|listed| {
            let bad = || SpillError::Json("a listed source names no folder".to_owned());
            Ok(match listed? {
                Listed::File {
                    dir,
                    name,
                    folder,
                    format,
                    size,
                } => Source {
                    data: SourceData::File {
                        dir: Arc::clone(self.dirs.get(dir as usize).ok_or_else(bad)?),
                        name,
                        folder,
                    },
                    format,
                    size,
                },
                Listed::Named { at, format, size } => Source {
                    data: SourceData::Stdin(Arc::clone(
                        self.named.get(at as usize).ok_or_else(bad)?,
                    )),
                    format,
                    size,
                },
            })
        })
    }

    /// The sources `n` at a time (the last chunk fewer), in order. When the
    /// temporary file cannot be read back, the sources read before it come
    /// first, then the error, with how many sources came before it.
    pub(crate) fn chunks(
        &self,
        n: usize,
    ) -> impl Iterator<Item = std::result::Result<Vec<Source>, (usize, SpillError)>> + '_ {
        let n = n.max(1);
        let mut all = self.iter();
        let mut read = 0;
        let mut failed = None;
        let mut done = false;
        std::iter::from_fn(move || {
            if let Some(e) = failed.take() {
                done = true;
                return Some(Err((read, e)));
            }
            if done {
                return None;
            }
            let mut chunk = Vec::with_capacity(n.min(self.len()));
            for src in all.by_ref() {
                match src {
                    Ok(src) => chunk.push(src),
                    Err(e) => {
                        failed = Some(e);
                        break;
                    }
                }
                if chunk.len() == n {
                    break;
                }
            }
            read += chunk.len();
            if chunk.is_empty() {
                done = true;
                return failed.take().map(|e| Err((read, e)));
            }
            Some(Ok(chunk))
        })
    }
}

/// Where a failure of the list of sources is reported.
pub(crate) const LIST_NAME: &str = "the list of files to import";

impl FromIterator<Source> for SourceList {
    fn from_iter<I: IntoIterator<Item = Source>>(iter: I) -> Self {
        let mut list = SourceList::default();
        for src in iter {
            list.push(src);
        }
        list
    }
}

impl Format {
    /// The number a [`SourceList`] keeps for the format.
    fn code(self) -> u8 {
        match self {
            Format::Text => 0,
            Format::Jsonl => 1,
            Format::Csv => 2,
            Format::Prodigy => 3,
            Format::Doccano => 4,
            Format::LabelStudio => 5,
            Format::JsonlSpans => 6,
            Format::Brat => 7,
            Format::Conll => 8,
        }
    }

    fn from_code(code: u8) -> Option<Self> {
        Some(match code {
            0 => Format::Text,
            1 => Format::Jsonl,
            2 => Format::Csv,
            3 => Format::Prodigy,
            4 => Format::Doccano,
            5 => Format::LabelStudio,
            6 => Format::JsonlSpans,
            7 => Format::Brat,
            8 => Format::Conll,
            _ => return None,
        })
    }
}

/// A file name's bytes, exactly: on Unix the name's own bytes, on Windows its
/// UTF-16 units (little-endian), which may be unpaired surrogates.
fn name_bytes(name: &FileName) -> Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        Cow::Borrowed(name.as_os_str().as_bytes())
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStrExt as _;
        Cow::Owned(
            name.as_os_str()
                .encode_wide()
                .flat_map(u16::to_le_bytes)
                .collect(),
        )
    }
    #[cfg(not(any(unix, windows)))]
    {
        Cow::Owned(name.as_os_str().to_string_lossy().into_owned().into_bytes())
    }
}

/// The name [`name_bytes`] gave.
fn name_of(bytes: &[u8]) -> FileName {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        FileName::new(OsStr::from_bytes(bytes))
    }
    #[cfg(windows)]
    {
        use std::os::windows::ffi::OsStringExt as _;
        let wide: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
            .collect();
        FileName::new(&std::ffi::OsString::from_wide(&wide))
    }
    #[cfg(not(any(unix, windows)))]
    {
        FileName::new(OsStr::new(&*String::from_utf8_lossy(bytes)))
    }
}

impl CompactItem for Listed {
    fn put(&self, out: &mut Vec<u8>) {
        match self {
            Listed::File {
                dir,
                name,
                folder,
                format,
                size,
            } => {
                out.push(format.code());
                put_u64(out, *size);
                put_u64(out, u64::from(*dir));
                put_u64(out, u64::from(*folder));
                let name = name_bytes(name);
                put_u64(out, name.len() as u64);
                out.extend_from_slice(&name);
            }
            Listed::Named { at, format, size } => {
                // Past the formats' numbers: a source that is no file.
                out.push(0x80 | format.code());
                put_u64(out, *size);
                put_u64(out, u64::from(*at));
            }
        }
    }

    fn take(r: &mut Bytes<'_>) -> std::result::Result<Self, SpillError> {
        let tag = r.byte()?;
        let format = Format::from_code(tag & 0x7F).ok_or_else(Bytes::bad)?;
        let size = r.u64()?;
        let number = |v: u64| u32::try_from(v).map_err(|_| Bytes::bad());
        if tag & 0x80 != 0 {
            let at = number(r.u64()?)?;
            return Ok(Listed::Named { at, format, size });
        }
        let dir = number(r.u64()?)?;
        let folder = u16::try_from(r.u64()?).map_err(|_| Bytes::bad())?;
        let len = r.usize()?;
        let name = name_of(r.slice(len)?);
        Ok(Listed::File {
            dir,
            name,
            folder,
            format,
            size,
        })
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
    failures: &mut Diagnostics,
    warnings: &mut Diagnostics,
) -> SourceList {
    let mut out = SourceList::default();
    for input in inputs {
        match input {
            Input::Stdin(reader) => match stdin_source(reader, format) {
                Ok(src) => out.push(src),
                Err(e) => {
                    failures.push(e.into());
                }
            },
            Input::Path(path) => match std::fs::metadata(path) {
                Err(e) => {
                    failures.push(
                        ImportError::new(path.display().to_string(), ErrorKind::Io(e)).into(),
                    );
                }
                Ok(md) if md.is_dir() => {
                    let mut skipped = std::collections::BTreeMap::new();
                    let folder = path.components().count();
                    let mut found = 0;
                    // The files found, a batch at a time: their sizes looked
                    // up, they go to the list, so that a folder of a million
                    // files is never held whole.
                    let mut add = |files: &mut Found| {
                        found += files.len();
                        with_sizes(std::mem::take(files), &mut out, |dir, name, file, size| {
                            let fmt = Format::for_file(file, format)?;
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
                    };
                    let mut files = Vec::new();
                    let mut walking = Walk {
                        format,
                        files: &mut files,
                        add: &mut add,
                        skipped: &mut skipped,
                        failures,
                    };
                    walking.walk(path);
                    add(&mut files);
                    let name = path.display().to_string();
                    let kinds = || {
                        let list: Vec<String> = skipped
                            .iter()
                            .map(|(ext, n)| format!("{n} {ext}"))
                            .collect();
                        list.join(", ")
                    };
                    if found == 0 {
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
                }
                Ok(md) if !md.is_file() => {
                    failures.push(
                        ImportError::new(
                            path.display().to_string(),
                            ErrorKind::NotAFile {
                                what: special_kind(&md),
                            },
                        )
                        .into(),
                    );
                }
                Ok(md) => match format.or_else(|| Format::from_extension(path)) {
                    Some(fmt) => out.push(file_source(path, fmt, md.len())),
                    None => {
                        failures.push(
                            ImportError::new(path.display().to_string(), ErrorKind::UnknownFormat)
                                .into(),
                        );
                    }
                },
            },
        }
    }
    if let Err(e) = out.check() {
        return list_failed(failures, e);
    }
    if format == Some(Format::Brat) {
        out = brat_pairs(out, failures);
        // The list of pairs has a temporary file of its own.
        if let Err(e) = out.check() {
            return list_failed(failures, e);
        }
    }
    out
}

/// A list of sources that cannot be written or read back: reported, and nothing imported.
fn list_failed(failures: &mut Diagnostics, e: SpillError) -> SourceList {
    failures.push(Diagnostic::new(
        LIST_NAME,
        format!("{e}; nothing was imported"),
    ));
    SourceList::default()
}

/// The brat sources, one a document: a `.txt` is left out when its `.ann` is
/// in the list, and a path listed twice is kept once (its first time).
///
/// In bounded memory, as the list is: every file's path without its
/// extension (the document it belongs to) is sorted on disk with its place
/// in the list, each document picks the one place it keeps (its first
/// `.ann`, else its first file), and those places, sorted again, select the
/// sources in a last pass over the list.
fn brat_pairs(sources: SourceList, failures: &mut Diagnostics) -> SourceList {
    brat_pairs_sorting(sources, failures, PAIRS_IN_MEMORY)
}

/// [`brat_pairs`], sorting `run` files in memory at a time.
fn brat_pairs_sorting(sources: SourceList, failures: &mut Diagnostics, run: usize) -> SourceList {
    let mut stems = annot_model::SortedSpill::with_memory(run);
    let mut kept = annot_model::SortedSpill::with_memory(run);
    for (at, src) in sources.iter().enumerate() {
        let src = match src {
            Ok(src) => src,
            Err(e) => return list_failed(failures, e),
        };
        match src.data.path() {
            Some(path) => stems.push(BratFile {
                // Compared as paths compare: by their components, so that
                // `col/./a` and `col//a` are `col/a` (a folder named twice
                // so is read twice).
                stem: path
                    .with_extension("")
                    .components()
                    .collect::<PathBuf>()
                    .into_os_string()
                    .into_encoded_bytes(),
                at: at as u64,
                ann: path.extension().is_some_and(|e| e == "ann"),
            }),
            None => kept.push(Place(at as u64)),
        }
    }
    let stems = match stems.sorted() {
        Ok(sorted) => sorted,
        Err(e) => return list_failed(failures, e),
    };
    // Files of one document come together, in the order listed.
    let mut group: Option<BratFile> = None;
    for file in stems {
        let file = match file {
            Ok(file) => file,
            Err(e) => return list_failed(failures, e),
        };
        match &mut group {
            Some(first) if first.stem == file.stem => {
                if file.ann && !first.ann {
                    *first = file;
                }
            }
            _ => {
                if let Some(done) = group.replace(file) {
                    kept.push(Place(done.at));
                }
            }
        }
    }
    if let Some(done) = group {
        kept.push(Place(done.at));
    }
    let mut kept = match kept.sorted() {
        Ok(sorted) => sorted.peekable(),
        Err(e) => return list_failed(failures, e),
    };
    let mut out = SourceList::default();
    for (at, src) in sources.iter().enumerate() {
        let src = match src {
            Ok(src) => src,
            Err(e) => return list_failed(failures, e),
        };
        match kept.peek() {
            Some(Ok(Place(next))) if *next == at as u64 => {
                kept.next();
                out.push(src);
            }
            Some(Err(_)) => {
                if let Some(Err(e)) = kept.next() {
                    return list_failed(failures, e);
                }
            }
            _ => {}
        }
    }
    out
}

/// Files of a brat listing sorted in memory at a time (each its path): the
/// rest wait on disk in sorted runs. A run of 65,536 took the peak RSS of a
/// 10,000-document brat import from 33 MB (the hash sets before) to 40 MB;
/// one of 4,096, to 35 MB.
const PAIRS_IN_MEMORY: usize = 1 << 12;

/// A file of a brat listing: its path without the extension, its place in
/// the list, and whether it is an `.ann`; in that order.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct BratFile {
    stem: Vec<u8>,
    at: u64,
    ann: bool,
}

impl CompactItem for BratFile {
    fn put(&self, out: &mut Vec<u8>) {
        put_u64(out, self.stem.len() as u64);
        out.extend_from_slice(&self.stem);
        put_u64(out, self.at);
        out.push(u8::from(self.ann));
    }
    fn take(r: &mut Bytes<'_>) -> std::result::Result<Self, SpillError> {
        let n = r.usize()?;
        let stem = r.slice(n)?.to_vec();
        Ok(BratFile {
            stem,
            at: r.u64()?,
            ann: r.byte()? != 0,
        })
    }
}

/// A place in a list of sources.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Place(u64);

impl CompactItem for Place {
    fn put(&self, out: &mut Vec<u8>) {
        put_u64(out, self.0);
    }
    fn take(r: &mut Bytes<'_>) -> std::result::Result<Self, SpillError> {
        r.u64().map(Place)
    }
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

/// Files found in batches of this many (their sizes looked up in parallel).
const BATCH: usize = 4096;

/// Files found by a walk: each its folder (shared) and its name.
type Found = Vec<(Arc<PathBuf>, FileName)>;

/// A walk of a folder given: what it looks for and where the files found go.
struct Walk<'a> {
    format: Option<Format>,
    /// Files found, not yet given to `add`.
    files: &'a mut Found,
    /// Takes the files found, [`BATCH`] at a time (the last batch is the caller's).
    add: &'a mut dyn FnMut(&mut Found),
    skipped: &'a mut std::collections::BTreeMap<String, usize>,
    failures: &'a mut Diagnostics,
}

impl Walk<'_> {
    /// Files under `dir`, recursively and in path order, whose extension names a
    /// format. Hidden entries and symbolic links to folders (which may loop) are skipped.
    fn walk(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(entries) => entries,
            Err(e) => {
                self.failures
                    .push(ImportError::new(dir.display().to_string(), ErrorKind::Io(e)).into());
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
                    self.failures
                        .push(ImportError::new(dir.display().to_string(), ErrorKind::Io(e)).into());
                }
            }
        }
        // Sorting each folder's names gives path order overall, cheaper than
        // sorting all the paths at the end.
        listed.sort_unstable();
        let shared = Arc::new(dir.to_path_buf());
        for (name, is_dir) in listed {
            // A file's format is told from its name: its path is not made.
            let path = Path::new(&name);
            if is_dir {
                self.walk(&dir.join(&name));
            } else if Format::for_file(path, self.format).is_some() {
                self.files.push((Arc::clone(&shared), FileName::new(&name)));
                if self.files.len() >= BATCH {
                    (self.add)(self.files);
                }
            } else if self.format == Some(Format::Brat) && is_brat_config(&name) {
                // brat's own configuration (the labels it shows), which belongs in
                // a brat folder: not a document, and nothing to warn of.
            } else {
                let ext = path.extension().map_or_else(
                    || "without extension".to_string(),
                    |e| format!(".{}", e.to_string_lossy()),
                );
                *self.skipped.entry(ext).or_default() += 1;
            }
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
/// system call each); links to anything but a file are dropped.
fn with_sizes(
    files: Found,
    out: &mut SourceList,
    make: impl Fn(Arc<PathBuf>, FileName, &Path, u64) -> Option<Source> + Sync,
) {
    // The sources are made on all cores too (each a path or two built):
    // only the list's own pushes are made one at a time.
    let sources: Vec<Option<Source>> = files
        .into_par_iter()
        .map(|(dir, name)| {
            let path = dir.join(name.as_os_str());
            match std::fs::metadata(&path) {
                Ok(md) if md.is_file() => make(dir, name, &path, md.len()),
                _ => None,
            }
        })
        .collect();
    for src in sources.into_iter().flatten() {
        out.push(src);
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
        data: SourceData::Stdin(Arc::new(Named {
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
    fn brat_keeps_one_source_a_document_in_memory_or_sorted_on_disk() {
        let dir = Arc::new(PathBuf::from("col"));
        let other = Arc::new(PathBuf::from("col/sub"));
        // The same folder spelt another way (`annot import col col/.`).
        let again = Arc::new(PathBuf::from("col/."));
        // (folder, name): a.txt before its .ann, c.ann before its .txt, b
        // without an .ann, a.txt listed again, a .txt of the same stem in
        // another folder, and d.ann twice.
        let files = [
            (&dir, "a.txt"),
            (&dir, "a.ann"),
            (&dir, "b.txt"),
            (&dir, "c.ann"),
            (&dir, "c.txt"),
            (&dir, "a.txt"),
            (&other, "a.txt"),
            (&dir, "d.ann"),
            (&dir, "d.ann"),
            (&again, "a.ann"),
            (&again, "e.txt"),
        ];
        let list = || {
            files
                .iter()
                .map(|(d, name)| Source {
                    data: SourceData::File {
                        dir: Arc::clone(d),
                        name: FileName::new(OsStr::new(name)),
                        folder: 1,
                    },
                    format: Format::Brat,
                    size: 1,
                })
                .collect::<SourceList>()
        };
        let want: Vec<PathBuf> = [
            "col/a.ann",
            "col/b.txt",
            "col/c.ann",
            "col/sub/a.txt",
            "col/d.ann",
            "col/./e.txt",
        ]
        .iter()
        .map(PathBuf::from)
        .collect();
        // In one run, and two files a run (every run on disk, merged).
        for run in [1 << 16, 2, 1] {
            let mut failures = Diagnostics::default();
            let kept = brat_pairs_sorting(list(), &mut failures, run);
            assert!(failures.is_empty(), "run {run}");
            let got: Vec<PathBuf> = listed(&kept)
                .iter()
                .map(|s| s.data.path().unwrap())
                .collect();
            assert_eq!(got, want, "run {run}");
        }
    }

    fn listed(list: &SourceList) -> Vec<Source> {
        list.iter()
            .map(|s| s.expect("the list reads back"))
            .collect()
    }

    /// What tells two sources apart: path, names, id, format, size.
    fn shape(src: &Source) -> (Option<PathBuf>, String, String, Option<String>, Format, u64) {
        (
            src.data.path(),
            src.name().into_owned(),
            src.meta_source().into_owned(),
            src.id().map(Cow::into_owned),
            src.format,
            src.size,
        )
    }

    #[test]
    fn a_list_past_its_memory_reads_back_what_was_pushed() {
        let dirs = [
            Arc::new(PathBuf::from("corpus/a")),
            Arc::new(PathBuf::from("b")),
        ];
        let mut names: Vec<std::ffi::OsString> = vec![
            "x.txt".into(),
            "0123456789012345678901234567890.jsonl".into(),
            "été 🎉.txt".into(),
            "".into(),
        ];
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt as _;
            names.push(std::ffi::OsString::from_vec(b"bad\xff.txt".to_vec()));
        }
        let mut pushed = Vec::new();
        // Past the 64 KiB gathered before a write: the temporary file is read back.
        for i in 0..3000u64 {
            let src = if i % 97 == 5 {
                Source {
                    data: SourceData::Stdin(Arc::new(Named {
                        bytes: vec![b'x'; i as usize],
                        name: format!("<stdin>:{i}"),
                        meta_source: format!("page {i}"),
                        id: (i % 2 == 0).then(|| format!("p{i}")),
                    })),
                    format: Format::Text,
                    size: i,
                }
            } else {
                Source {
                    data: SourceData::File {
                        dir: Arc::clone(&dirs[(i / 50) as usize % 2]),
                        name: FileName::new(&names[i as usize % names.len()]),
                        folder: (i % 3) as u16,
                    },
                    format: [Format::Text, Format::Jsonl, Format::Conll][i as usize % 3],
                    size: i * 1000,
                }
            };
            pushed.push(src);
        }
        for memory in [0, 7, 100_000] {
            let mut list = SourceList {
                items: SpillList::with_memory(memory),
                ..SourceList::default()
            };
            for src in &pushed {
                list.push(src.clone());
            }
            assert_eq!(list.len(), pushed.len());
            assert_eq!(list.size(), pushed.iter().map(|s| s.size).sum::<u64>());
            let back = listed(&list);
            assert_eq!(
                back.iter().map(shape).collect::<Vec<_>>(),
                pushed.iter().map(shape).collect::<Vec<_>>(),
                "memory {memory}"
            );
            // Standard input's bytes are shared, not copied.
            assert!(matches!(&back[5].data, SourceData::Stdin(n) if n.bytes.len() == 5));
            let chunked: Vec<usize> = list.chunks(64).map(|c| c.unwrap().len()).collect();
            assert_eq!(chunked.len(), 47);
            assert!(chunked[..46].iter().all(|&n| n == 64) && chunked[46] == 56);
        }
    }

    #[test]
    fn a_folder_of_more_files_than_a_batch_is_listed_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let n = BATCH + 10;
        for i in 0..n {
            std::fs::write(dir.path().join(format!("d{i:05}.txt")), "x").unwrap();
        }
        std::fs::write(dir.path().join("notes.md"), "x").unwrap();
        let (mut failures, mut warnings) = (Diagnostics::new(), Diagnostics::new());
        let list = expand(
            &[Input::Path(dir.path().to_path_buf())],
            None,
            &mut failures,
            &mut warnings,
        );
        let ids: Vec<String> = listed(&list)
            .iter()
            .map(|s| s.id().unwrap().into_owned())
            .collect();
        let expected: Vec<String> = (0..n).map(|i| format!("d{i:05}")).collect();
        assert_eq!(ids, expected);
        assert_eq!(list.texts(), (n as u64, n as u64));
        assert!(failures.is_empty());
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

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
        let (mut failures, mut warnings) = (Diagnostics::new(), Diagnostics::new());
        let sources = listed(&expand(
            &[Input::Path(root.to_path_buf())],
            None,
            &mut failures,
            &mut warnings,
        ));
        let names: Vec<_> = sources.iter().map(Source::meta_source).collect();
        assert_eq!(names, ["a.txt", "b/a.jsonl", "b/c/z.txt", "d.csv"]);
        assert_eq!(sources[0].id().as_deref(), Some("a"));
        assert_eq!(sources[1].id(), None, "JSONL ids come from the records");
        assert!(failures.is_empty());
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings.head()[0].message.contains("1 .json"),
            "{}",
            warnings.head()[0]
        );

        let sources = expand(
            &[
                Input::Path(root.join("EXPECTED.json")),
                Input::Path(root.join("missing.txt")),
            ],
            None,
            &mut failures,
            &mut warnings,
        );
        assert_eq!(sources.len(), 0);
        assert_eq!(failures.len(), 2);
        assert!(
            failures.head()[0].message.contains("--format"),
            "{}",
            failures.head()[0]
        );
        assert!(failures.head()[1].source.ends_with("missing.txt"));
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
