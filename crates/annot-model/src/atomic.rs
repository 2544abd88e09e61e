//! Crash-safe file writes: write a temporary file beside the target, fsync, rename, fsync the directory.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// Writes `path` atomically: readers see the old file or the complete new one, never a half-written one.
///
/// The closure writes the content; on any error the temporary file is removed and
/// the target is left as it was.
///
/// # Errors
/// I/O errors, naming the file, and whatever the closure returns.
pub fn write_atomic<F>(path: &Path, write: F) -> std::io::Result<()>
where
    F: FnOnce(&mut dyn Write) -> std::io::Result<()>,
{
    let mut file = AtomicFile::create(path)?;
    write(&mut file)?;
    file.commit()
}

/// A file being written beside its target; [`AtomicFile::commit`] renames it into
/// place, dropping it without commit leaves the target untouched.
#[derive(Debug)]
pub struct AtomicFile {
    path: PathBuf,
    out: BufWriter<tempfile::NamedTempFile>,
}

impl AtomicFile {
    /// Starts writing `path` (nothing is visible at `path` until commit).
    ///
    /// # Errors
    /// When the temporary file cannot be created in the target's directory.
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let dir = parent_dir(path);
        let tmp = tempfile::Builder::new()
            .prefix(".annot-tmp-")
            .tempfile_in(dir)
            .map_err(|e| with_path(e, dir))?;
        Ok(Self {
            path: path.to_owned(),
            out: BufWriter::with_capacity(1 << 16, tmp),
        })
    }

    /// The target path.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Flushes, fsyncs, renames into place and fsyncs the directory.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn commit(self) -> std::io::Result<()> {
        let path = self.path;
        let tmp = self
            .out
            .into_inner()
            .map_err(|e| with_path(e.into_error(), &path))?;
        tmp.as_file().sync_all().map_err(|e| with_path(e, &path))?;
        tmp.persist(&path).map_err(|e| with_path(e.error, &path))?;
        sync_dir(parent_dir(&path))
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.out.write(buf).map_err(|e| with_path(e, &self.path))
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.out
            .write_all(buf)
            .map_err(|e| with_path(e, &self.path))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.out.flush().map_err(|e| with_path(e, &self.path))
    }
}

/// Fsyncs a directory so that a rename or a new file in it survives a power cut.
///
/// # Errors
/// When the directory cannot be opened.
pub fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        let d = fs_err::File::open(dir)?;
        // Some file systems refuse fsync on directories; the rename is still done.
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

fn with_path(e: std::io::Error, path: &Path) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_whole_file_or_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        write_atomic(&p, |w| w.write_all(b"one")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
        let err = write_atomic(&p, |w| {
            w.write_all(b"half")?;
            Err(std::io::Error::other("stop"))
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "one");
        let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(leftovers, 1, "temporary file removed");
    }
}
