//! The index cache format: `.annot/index/<file>.tsv`, one line a document
//! (id, offset, length, digest, line), under a header with the corpus file's
//! size and modification time, so that a changed file is scanned again.

use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::Deserialize;

use crate::error::{ModelError, Result};

use super::{Entry, trim_newline};

/// Sub-directory of the cache directory with one index file per corpus file.
/// The directory of the corpus index, in the project's cache directory.
pub const INDEX_DIR: &str = "index";
/// The single index file of earlier versions, removed when found.
pub(super) const OLD_INDEX_FILE: &str = "index.tsv";
pub(super) const INDEX_HEADER: &str = "# annot corpus file index v2";

/// The two fields of a corpus line the index needs, read without the text.
#[derive(Deserialize)]
pub(super) struct IdAndHash {
    id: String,
    hash: String,
}

/// What says a corpus file is the one its cached index was made from.
#[derive(Debug, PartialEq)]
pub(super) struct FileStamp {
    pub(super) name: String,
    pub(super) len: u64,
    pub(super) mtime_ns: u128,
}

/// The stamp of corpus file `path` as it is now.
pub(super) fn stamp(path: &Path) -> Result<FileStamp> {
    let md = fs_err::metadata(path)?;
    let mtime_ns = md
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(FileStamp {
        name,
        len: md.len(),
        mtime_ns,
    })
}

/// One document line of a corpus file, as its index records it.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct IndexLine {
    pub(super) id: String,
    pub(super) offset: u64,
    pub(super) len: u32,
    pub(super) hash: String,
    pub(super) line: u32,
}

impl IndexLine {
    pub(super) fn entry(self, file: u32) -> Entry {
        Entry {
            id: self.id,
            file,
            offset: self.offset,
            len: self.len,
            hash: self.hash,
            line: self.line,
        }
    }
}

pub(super) fn index_path(index_dir: &Path, file_name: &str) -> PathBuf {
    index_dir.join(format!("{file_name}.tsv"))
}

pub(super) fn line_too_long(path: &Path, line: usize) -> ModelError {
    ModelError::Line {
        path: path.to_owned(),
        line,
        message: "document line longer than 4 GiB".into(),
    }
}

/// Reads the id and digest of every line of a corpus file.
pub(super) fn scan(path: &Path) -> Result<Vec<IndexLine>> {
    let mut lines = Vec::new();
    let mut reader = BufReader::with_capacity(1 << 16, fs_err::File::open(path)?);
    let mut buf = Vec::new();
    let mut offset = 0u64;
    let mut line_no = 0u32;
    loop {
        buf.clear();
        let n = reader.read_until(b'\n', &mut buf)?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let line = trim_newline(&buf);
        if !line.iter().all(u8::is_ascii_whitespace) {
            let head: IdAndHash = serde_json::from_slice(line).map_err(|e| ModelError::Line {
                path: path.to_owned(),
                line: line_no as usize,
                message: format!(
                    "not a document (each line needs \"id\", \"text\" and \"hash\"): {e}"
                ),
            })?;
            lines.push(IndexLine {
                id: head.id,
                offset,
                len: u32::try_from(line.len())
                    .map_err(|_| line_too_long(path, line_no as usize))?,
                hash: head.hash,
                line: line_no,
            });
        }
        offset += n as u64;
    }
    Ok(lines)
}

/// The cached index of one corpus file, if it was made for this very file.
/// Reads `len` bytes at `offset` of `path`: one corpus line.
pub(super) fn read_line_at(path: &Path, offset: u64, len: u32) -> Result<Vec<u8>> {
    let mut f = fs_err::File::open(path)?;
    f.seek(SeekFrom::Start(offset))?;
    let mut buf = vec![0u8; len as usize];
    f.read_exact(&mut buf)?;
    Ok(buf)
}

/// Whether cached index lines can describe a file of `file_len` bytes: in
/// order, not overlapping, the last one ending at the end of the file. A cache
/// that fails this is rebuilt instead of being trusted.
pub(super) fn plausible(lines: &[IndexLine], file_len: u64) -> bool {
    let mut end = 0u64;
    for l in lines {
        if l.offset < end {
            return false;
        }
        end = l.offset + u64::from(l.len);
    }
    end <= file_len && file_len - end <= 2
}

pub(super) fn read_index(path: &Path, stamp: &FileStamp) -> Option<Vec<IndexLine>> {
    // Streamed through one reused line buffer: a million-document index is
    // never held as one string.
    let file = std::fs::File::open(path).ok()?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut line = String::new();
    let mut next_line = |line: &mut String| -> Option<bool> {
        line.clear();
        let n = reader.read_line(line).ok()?;
        if line.ends_with('\n') {
            line.pop();
        }
        Some(n > 0)
    };
    if !next_line(&mut line)? || line != INDEX_HEADER {
        return None;
    }
    if !next_line(&mut line)? {
        return None;
    }
    let mut f = line.split('\t');
    let seen = match f.next()? {
        "F" => FileStamp {
            name: f.next()?.to_owned(),
            len: f.next()?.parse().ok()?,
            mtime_ns: f.next()?.parse().ok()?,
        },
        _ => return None,
    };
    if &seen != stamp {
        return None;
    }
    let mut out = Vec::new();
    while next_line(&mut line)? {
        let mut f = line.split('\t');
        if f.next()? != "D" {
            return None;
        }
        out.push(IndexLine {
            id: unescape(f.next()?),
            offset: f.next()?.parse().ok()?,
            len: f.next()?.parse().ok()?,
            hash: f.next()?.to_owned(),
            line: f.next()?.parse().ok()?,
        });
    }
    Some(out)
}

pub(super) fn write_index(
    path: &Path,
    stamp: &FileStamp,
    lines: &[IndexLine],
) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        fs_err::create_dir_all(dir)?;
    }
    crate::atomic::write_atomic(path, |w| {
        writeln!(w, "{INDEX_HEADER}")?;
        writeln!(w, "F\t{}\t{}\t{}", stamp.name, stamp.len, stamp.mtime_ns)?;
        for l in lines {
            writeln!(
                w,
                "D\t{}\t{}\t{}\t{}\t{}",
                escape(&l.id),
                l.offset,
                l.len,
                l.hash,
                l.line
            )?;
        }
        Ok(())
    })
}

pub(super) fn escape(id: &str) -> String {
    id.replace('\\', "\\\\")
        .replace('\t', "\\t")
        .replace('\n', "\\n")
}

pub(super) fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}
