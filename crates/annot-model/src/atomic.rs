//! Crash-safe file writes: write a temporary file beside the target, fsync, rename, fsync the directory.

use std::io::{BufWriter, Write};
use std::path::Path;

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
    let dir = parent_dir(path);
    let tmp = tempfile::Builder::new()
        .prefix(".annot-tmp-")
        .tempfile_in(dir)
        .map_err(|e| with_path(e, dir))?;
    let mut out = BufWriter::with_capacity(1 << 16, tmp);
    write(&mut out).map_err(|e| with_path(e, path))?;
    let tmp = out.into_inner().map_err(|e| with_path(e.into_error(), path))?;
    tmp.as_file().sync_all().map_err(|e| with_path(e, path))?;
    tmp.persist(path).map_err(|e| with_path(e.error, path))?;
    sync_dir(dir)
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
