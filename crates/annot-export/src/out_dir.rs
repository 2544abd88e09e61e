//! `--out DIR`, in one place: what it may name ([`check_name`]) and the directory held
//! for one export ([`OutDir`]).

use std::path::{Path, PathBuf};

use crate::error::{ExportError, Result};
use crate::manifest::is_data_file;

/// `--out all.jsonl` names a file, but `--out` is a directory: refused when nothing of
/// that name is there yet (a directory there is taken; a file is refused by
/// [`OutDir::take`], which says so).
///
/// # Errors
/// [`ExportError::Config`] saying what to give instead.
pub fn check_name(out: &Path) -> Result<()> {
    let name = out.file_name().map(|n| n.to_string_lossy().into_owned());
    match name {
        Some(name) if is_data_file(&name) && !out.exists() => {
            let ext = Path::new(&name)
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default();
            Err(ExportError::Config(format!(
                "--out {}: --out is a directory, which annot fills with one file per split (all.{ext}, or train.{ext}, dev.{ext}, ...); give a directory name, or write one stream with --out - > {}",
                out.display(),
                out.display()
            )))
        }
        _ => Ok(()),
    }
}

/// `--out DIR` held for one export: made if missing, locked (an `flock` on the
/// directory itself, so nothing is added to it) so that two exports into it take no
/// turns of each other's files, and cleared of the temporary files and folders (brat
/// writes a folder per split) that an export killed there left (`kill -9`; on Ctrl-C
/// an export removes its own).
#[derive(Debug)]
pub struct OutDir {
    path: PathBuf,
    made: bool,
    removed: Vec<PathBuf>,
    _lock: std::fs::File,
}

impl OutDir {
    /// Takes `dir` for an export.
    ///
    /// # Errors
    /// [`ExportError::Config`] when `dir` is a file or another export holds it;
    /// [`ExportError::Write`] when it cannot be made, read or cleared.
    pub fn take(dir: &Path) -> Result<Self> {
        let io = |source| ExportError::Write {
            path: dir.to_owned(),
            source,
        };
        let made = match std::fs::metadata(dir) {
            Ok(meta) if !meta.is_dir() => {
                return Err(ExportError::Config(format!(
                    "--out {}: is a file, not a directory; --out names the directory that gets one file per split (or `-` for stdout); the file was left as it is",
                    dir.display()
                )));
            }
            Ok(_) => false,
            Err(_) => {
                fs_err::create_dir_all(dir).map_err(io)?;
                true
            }
        };
        let lock = fs_err::File::open(dir).map_err(io)?.into_parts().0;
        if let Err(std::fs::TryLockError::WouldBlock) = lock.try_lock() {
            return Err(ExportError::Config(format!(
                "--out {}: another annot export is writing into this directory; wait for it to finish, or export somewhere else",
                dir.display()
            )));
        }
        // Under the lock no running export owns a temporary entry here.
        let mut removed: Vec<PathBuf> = annot_model::corpus::remove_abandoned_temp_files(dir)?
            .into_iter()
            .map(|f| f.path)
            .collect();
        for entry in fs_err::read_dir(dir).map_err(io)? {
            let entry = entry.map_err(io)?;
            let is_temp = entry
                .file_name()
                .to_string_lossy()
                .starts_with(annot_model::atomic::TEMP_PREFIX);
            if is_temp && entry.file_type().is_ok_and(|t| t.is_dir()) {
                fs_err::remove_dir_all(entry.path()).map_err(io)?;
                removed.push(entry.path());
            }
        }
        Ok(Self {
            path: dir.to_owned(),
            made,
            removed,
            _lock: lock,
        })
    }

    /// The temporary files and folders an unfinished export had left, now removed.
    #[must_use]
    pub fn removed(&self) -> &[PathBuf] {
        &self.removed
    }

    /// After a refused export: the directory it made, if still empty, is removed again.
    pub fn unmake_if_empty(&self) {
        if self.made {
            let _ = std::fs::remove_dir(&self.path);
        }
    }
}
