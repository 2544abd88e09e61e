//! Crash-safe file writes: write a temporary file beside the target, fsync, rename, fsync the directory.
//!
//! Every temporary file and folder made here is listed, while it lives, in one
//! registry of the process. The SIGINT/SIGTERM handler the binary installs (a
//! library installs none) calls [`interrupt`], which removes them all just before
//! the process exits without running destructors. A commit of several files that
//! must change together (an export's split files and manifest, an import's corpus
//! file and records) holds a [`CommitGuard`]: [`interrupt`] waits for it to be
//! dropped, so that an interrupt never leaves half of such a commit. Every single
//! rename of [`AtomicFile`] holds one too.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Condvar, Mutex, OnceLock, PoisonError};

/// Name prefix of the temporary files [`AtomicFile`] writes beside their target.
pub const TEMP_PREFIX: &str = ".annot-tmp-";

/// The temporary files and folders of this process not yet committed or dropped,
/// and the commits in progress.
struct Live {
    next: u64,
    /// Each path, and whether it holds what a commit moved aside (removed by an
    /// interrupt only when no commit was cut short: it may hold the old content).
    paths: BTreeMap<u64, (PathBuf, bool)>,
    /// Set by [`interrupt`] once no commit is in progress: the process is ending,
    /// nothing new is made.
    closed: bool,
    /// Set by [`interrupt`] while it waits for the commits in progress.
    pending: bool,
    /// Set by [`finish`]: the work is over, an interrupt now changes nothing.
    finished: bool,
    /// [`CommitGuard`]s held.
    guards: usize,
    /// What the outermost guard held now commits.
    current: Option<String>,
    /// The last outermost commit that ended, and whether it was complete.
    last: Option<(String, bool)>,
}

static LIVE: Mutex<Live> = Mutex::new(Live {
    next: 0,
    paths: BTreeMap::new(),
    closed: false,
    pending: false,
    finished: false,
    guards: 0,
    current: None,
    last: None,
});

/// Signalled when the last [`CommitGuard`] is dropped.
static COMMITS_DONE: Condvar = Condvar::new();

fn live() -> std::sync::MutexGuard<'static, Live> {
    LIVE.lock().unwrap_or_else(PoisonError::into_inner)
}

fn interrupted_error() -> std::io::Error {
    std::io::Error::new(
        std::io::ErrorKind::Interrupted,
        "interrupted: no new temporary file or commit is made",
    )
}

/// A commit of several steps in progress (renames, appends, removals that must
/// all be done or none): while one is held, [`interrupt`] waits for it to be
/// dropped before it removes anything, so that the commit ends whole. Dropping it
/// while an interrupt waits (the last one held) parks the thread for good: the
/// interrupt handler ends the process. Hold one only over the commit itself, not
/// over reading or computing: an interrupt waits for it.
#[derive(Debug)]
pub struct CommitGuard {
    what: String,
    complete: bool,
    /// One rename of [`AtomicFile`]: named in the interrupt's message only when
    /// the interrupt waited for it (the work's own commits are named always).
    quiet: bool,
}

impl CommitGuard {
    /// Begins the commit of `what` (a noun phrase for messages: "the export into
    /// out/").
    ///
    /// # Errors
    /// [`std::io::ErrorKind::Interrupted`] when an interrupt is already ending the
    /// process (nothing is to be committed now).
    pub fn begin(what: impl Into<String>) -> std::io::Result<Self> {
        let what = what.into();
        let mut live = live();
        if live.closed || (live.pending && live.guards == 0) {
            return Err(interrupted_error());
        }
        if live.guards == 0 {
            live.current = Some(what.clone());
        }
        live.guards += 1;
        Ok(Self {
            what,
            complete: false,
            quiet: false,
        })
    }

    /// [`CommitGuard::begin`] for one rename of [`AtomicFile`].
    fn begin_quiet(what: impl Into<String>) -> std::io::Result<Self> {
        let mut guard = Self::begin(what)?;
        guard.quiet = true;
        Ok(guard)
    }

    /// Renames what is committed (once its final name is known).
    pub fn rename(&mut self, what: impl Into<String>) {
        self.what = what.into();
        let mut live = live();
        if live.guards == 1 {
            live.current = Some(self.what.clone());
        }
    }

    /// The commit is whole: ends it.
    pub fn complete(mut self) {
        self.complete = true;
    }
}

impl Drop for CommitGuard {
    fn drop(&mut self) {
        let mut live = live();
        live.guards = live.guards.saturating_sub(1);
        if live.guards > 0 {
            return;
        }
        live.current = None;
        if !self.quiet || live.pending {
            live.last = Some((std::mem::take(&mut self.what), self.complete));
        }
        if live.pending {
            COMMITS_DONE.notify_all();
            drop(live);
            // The interrupt handler, which waited for this commit, ends the process.
            loop {
                std::thread::park();
            }
        }
    }
}

/// What [`interrupt`] found and did.
#[derive(Debug, Default)]
pub struct Interruption {
    /// The work had ended ([`finish`]): the process ends on its own, as it would have.
    pub finished: bool,
    /// The temporary files and folders removed.
    pub removed: Vec<PathBuf>,
    /// The last commit that ended before, and whether it was complete.
    pub after: Option<(String, bool)>,
    /// The commit that was still in progress when the wait was cut short.
    pub cut: Option<String>,
    /// The temporary files and folders that could not be removed (or were kept:
    /// what a commit cut short had moved aside), to be removed by hand.
    pub left: Vec<PathBuf>,
}

/// For the interrupt handler: waits for the commits in progress to end
/// ([`CommitGuard`]), calling `cut_short` with what is being committed every
/// fifth of a second meanwhile (it returns `true` to stop waiting: a second
/// interrupt); then removes every temporary file and folder this process is
/// writing (files of [`AtomicFile`], folders of [`TempDir`]) and refuses to make
/// new ones or begin commits after, right before the process exits. Safe to call
/// from any thread; a writer still running meanwhile only writes into unlinked
/// files.
pub fn interrupt(cut_short: &mut dyn FnMut(&str) -> bool) -> Interruption {
    let mut live = live();
    if live.finished {
        return Interruption {
            finished: true,
            ..Interruption::default()
        };
    }
    live.pending = true;
    let mut cut = None;
    while live.guards > 0 {
        let (next, _) = COMMITS_DONE
            .wait_timeout(live, std::time::Duration::from_millis(200))
            .unwrap_or_else(PoisonError::into_inner);
        live = next;
        if live.guards > 0 {
            let what = live.current.clone().unwrap_or_default();
            if cut_short(&what) {
                cut = Some(what);
                break;
            }
        }
    }
    live.closed = true;
    let mut removed = Vec::new();
    let mut left = Vec::new();
    for (path, aside) in std::mem::take(&mut live.paths).into_values() {
        if aside && cut.is_some() {
            left.push(path);
            continue;
        }
        match remove_temp(&path) {
            Some(true) => removed.push(path),
            Some(false) => left.push(path),
            // Committed (renamed into place) meanwhile, or already removed.
            None => {}
        }
    }
    Interruption {
        finished: false,
        removed,
        after: live.last.clone(),
        cut,
        left,
    }
}

/// Removes the temporary file or folder `path`: `None` when it is not there,
/// else whether it is gone. A folder a writer is still writing into (it stops at
/// its next file: [`is_interrupted`] is then true) is tried again a few times.
fn remove_temp(path: &Path) -> Option<bool> {
    for _ in 0..50 {
        let meta = std::fs::symlink_metadata(path).ok()?;
        let gone = if meta.is_dir() {
            std::fs::remove_dir_all(path).is_ok()
        } else {
            std::fs::remove_file(path).is_ok()
        };
        if gone || std::fs::symlink_metadata(path).is_err() {
            return Some(true);
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    Some(false)
}

/// For the binary, when the work is over (its report printed): an interrupt from
/// now on changes nothing and says nothing. Returns `true` when an interrupt
/// began first: it is ending the process, the caller waits for that.
#[must_use]
pub fn finish() -> bool {
    let mut live = live();
    if live.pending || live.closed {
        return true;
    }
    live.finished = true;
    false
}

/// A hook called after each step of a commit, for tests (see [`on_commit_step`]).
type StepHook = Box<dyn Fn(u64) + Send + Sync>;

static STEP_HOOK: OnceLock<StepHook> = OnceLock::new();
static STEPS: AtomicU64 = AtomicU64::new(0);

/// Test only: `hook` is called with the step's number (from 1, over the process)
/// after each step of a commit ([`commit_step`]); the binary uses it to raise a
/// signal at a named step. Set once; later calls are ignored.
pub fn on_commit_step(hook: StepHook) {
    let _ = STEP_HOOK.set(hook);
}

/// One step of a commit is done (a file renamed into place, appended to or
/// removed): counted for the hook of [`on_commit_step`].
pub fn commit_step() {
    let n = STEPS.fetch_add(1, Ordering::SeqCst) + 1;
    if let Some(hook) = STEP_HOOK.get() {
        hook(n);
    }
}

/// A temporary path's place in the registry; dropping it takes the path out.
#[derive(Debug)]
pub(crate) struct LiveTemp(u64);

impl Drop for LiveTemp {
    fn drop(&mut self) {
        live().paths.remove(&self.0);
    }
}

/// Makes a temporary file or folder and lists its path, under the registry's lock:
/// an interrupt handler either sees it listed or runs before it is made (then it is
/// not made: the process is ending).
fn make_live<T>(
    make: impl FnOnce() -> std::io::Result<T>,
    path_of: impl FnOnce(&T) -> PathBuf,
) -> std::io::Result<(T, LiveTemp)> {
    make_live_as(false, make, path_of)
}

/// [`make_live`], `aside` telling whether it is to hold what a commit moves aside.
fn make_live_as<T>(
    aside: bool,
    make: impl FnOnce() -> std::io::Result<T>,
    path_of: impl FnOnce(&T) -> PathBuf,
) -> std::io::Result<(T, LiveTemp)> {
    let mut live = live();
    if live.closed {
        return Err(interrupted_error());
    }
    let made = make()?;
    let id = live.next;
    live.next += 1;
    live.paths.insert(id, (path_of(&made), aside));
    Ok((made, LiveTemp(id)))
}

/// A temporary file in `dir` named with [`TEMP_PREFIX`], with the
/// permissions the user's umask gives a new file, locked while it is open
/// (so that [`is_abandoned`] tells it from one a killed process left), and
/// listed for [`interrupt`] while the returned guard lives.
///
/// # Errors
/// When the file cannot be made, naming `dir`.
pub(crate) fn temp_file_in(dir: &Path) -> std::io::Result<(tempfile::NamedTempFile, LiveTemp)> {
    let mut builder = tempfile::Builder::new();
    builder.prefix(TEMP_PREFIX);
    // tempfile makes 0600 files; a project is shared (a team, a git
    // clone), so files get what the user's umask gives any new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let (tmp, live) = make_live(
        || builder.tempfile_in(dir).map_err(|e| with_path(e, dir)),
        |t| t.path().to_owned(),
    )?;
    // Best effort: a file system without locks still gets its file written.
    let _ = tmp.as_file().try_lock();
    Ok((tmp, live))
}

/// Whether [`interrupt`] began: the process is ending on an interrupt, and an
/// error the work meets now (a temporary file gone under it) is that interrupt's,
/// not one to report.
#[must_use]
pub fn is_interrupted() -> bool {
    let live = live();
    live.closed || live.pending
}

/// A temporary folder beside a target (its name starts with [`TEMP_PREFIX`]),
/// listed for [`interrupt`]; removed when dropped, unless kept.
#[derive(Debug)]
pub struct TempDir {
    dir: tempfile::TempDir,
    _live: LiveTemp,
}

impl TempDir {
    /// Makes a temporary folder in `parent`.
    ///
    /// # Errors
    /// When the folder cannot be made, naming `parent`.
    pub fn new_in(parent: &Path) -> std::io::Result<Self> {
        Self::make_in(parent, false)
    }

    /// Makes a temporary folder in `parent` to hold what a commit moves aside
    /// (the old folders it replaces): an interrupt that cuts that commit short
    /// keeps it (and names it), since the old content may still be there.
    ///
    /// # Errors
    /// When the folder cannot be made, naming `parent`.
    pub fn aside_in(parent: &Path) -> std::io::Result<Self> {
        Self::make_in(parent, true)
    }

    fn make_in(parent: &Path, aside: bool) -> std::io::Result<Self> {
        let (dir, live) = make_live_as(
            aside,
            || {
                tempfile::Builder::new()
                    .prefix(TEMP_PREFIX)
                    .tempdir_in(parent)
                    .map_err(|e| with_path(e, parent))
            },
            |d| d.path().to_owned(),
        )?;
        Ok(Self { dir, _live: live })
    }

    /// The folder's path.
    #[must_use]
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Keeps the folder (it is no longer removed when dropped, nor by
    /// [`interrupt`]: the caller renames it into place) and returns its path.
    #[must_use]
    pub fn keep(self) -> PathBuf {
        self.dir.keep()
    }
}

/// Whether `path`, a temporary file of [`AtomicFile`], was left behind by a
/// process that ended before committing it: no running process holds its lock.
///
/// Returns the open, locked file when it is abandoned (keep it while removing
/// the file, so that no process can start using it meanwhile), `None` when a
/// running process is writing it or locks cannot tell.
///
/// # Errors
/// When the file cannot be opened.
pub fn is_abandoned(path: &Path) -> std::io::Result<Option<std::fs::File>> {
    let file = fs_err::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)?
        .into_parts()
        .0;
    match file.try_lock() {
        Ok(()) => Ok(Some(file)),
        Err(_) => Ok(None),
    }
}

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
    syncer: Option<Syncer>,
    /// Dropped after the temporary file is renamed or removed.
    _live: LiveTemp,
}

/// A thread that fsyncs a file being written every so often, so that the
/// final fsync of a large file has little left to do (the disk works while
/// the writer computes, instead of after it). On Linux it then tells the
/// kernel that the pages it synced are not needed in memory: a large import
/// writes its corpus once and does not read it back, and without that the
/// page cache grows by the whole file, evicting the user's other files and
/// making each new page cost a reclaim (on this machine's 24 GB, importing a
/// million generated articles, 6.4 GB of corpus, spent 15% of its CPU time
/// copying the writes into the cache against 1% at 100,000).
#[derive(Debug)]
struct Syncer {
    stop: std::sync::Arc<(std::sync::Mutex<bool>, std::sync::Condvar)>,
}

impl Syncer {
    fn start(file: std::fs::File, every: std::time::Duration) -> Self {
        let stop = std::sync::Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
        let flag = std::sync::Arc::clone(&stop);
        // Not joined (see `Drop`): the thread owns all it uses.
        std::thread::spawn(move || {
            let (lock, cvar) = &*flag;
            // Where the synced pages not yet dropped from the page cache start.
            #[cfg(target_os = "linux")]
            let (mut dropped, page) = (0, rustix::param::page_size().max(1) as u64);
            loop {
                let Ok(stopped) = lock.lock() else { return };
                let Ok((stopped, _)) = cvar.wait_timeout_while(stopped, every, |s| !*s) else {
                    return;
                };
                if *stopped {
                    return;
                }
                // Not held while syncing: a commit does not wait for a sync
                // in flight before its own.
                drop(stopped);
                // Errors surface in the final fsync of `commit` too: the
                // thread's open file is its own (see `sync_in_background`).
                #[cfg(target_os = "linux")]
                let written = file.metadata().map_or(0, |m| m.len());
                if file.sync_data().is_ok() {
                    // Advice only: what it cannot drop stays cached.
                    #[cfg(target_os = "linux")]
                    if written > dropped {
                        let _ = rustix::fs::fadvise(
                            &file,
                            dropped,
                            std::num::NonZeroU64::new(written - dropped),
                            rustix::fs::Advice::DontNeed,
                        );
                        // From the page the next writes go on (a partial
                        // page is not dropped: it is dropped next time).
                        dropped = written - written % page;
                    }
                }
            }
        });
        Self { stop }
    }
}

impl Drop for Syncer {
    /// Stops the thread (a file dropped without commit, or committing now).
    /// A sync in flight is not waited for: the thread ends after it, and
    /// the commit's own fsync covers everything written.
    fn drop(&mut self) {
        let (lock, cvar) = &*self.stop;
        if let Ok(mut stopped) = lock.lock() {
            *stopped = true;
        }
        cvar.notify_all();
    }
}

impl AtomicFile {
    /// Starts writing `path` (nothing is visible at `path` until commit).
    ///
    /// # Errors
    /// When the temporary file cannot be created in the target's directory.
    pub fn create(path: &Path) -> std::io::Result<Self> {
        let (tmp, live) = temp_file_in(parent_dir(path))?;
        Ok(Self {
            path: path.to_owned(),
            out: BufWriter::with_capacity(1 << 16, tmp),
            syncer: None,
            _live: live,
        })
    }

    /// Fsyncs what has been written so far every `every`, on a thread of its
    /// own, for large files written over seconds: [`AtomicFile::commit`] then
    /// waits for the last stretch only. The file is still only visible at
    /// its path after commit.
    ///
    /// # Errors
    /// None today (a file that cannot be opened a second time, for the
    /// thread, is written without it); kept for a syncer that can fail.
    pub fn sync_in_background(mut self, every: std::time::Duration) -> std::io::Result<Self> {
        // The file opened again, not the writer's handle duplicated: the
        // kernel reports a write-back error once to each open file, so a
        // sync of the writer's own open file (a duplicate shares it) could
        // take the error that the commit's fsync must see.
        // The syncer only saves the commit time: a file that cannot be
        // opened again is written without one, its commit's fsync all the same.
        if let Ok(file) = std::fs::OpenOptions::new()
            .write(true)
            .open(self.out.get_ref().path())
        {
            self.syncer = Some(Syncer::start(file, every));
        }
        Ok(self)
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
    pub fn commit(mut self) -> std::io::Result<()> {
        drop(self.syncer.take());
        let path = self.path;
        let tmp = self
            .out
            .into_inner()
            .map_err(|e| with_path(e.into_error(), &path))?;
        tmp.as_file().sync_all().map_err(|e| with_path(e, &path))?;
        let guard = CommitGuard::begin_quiet(path.display().to_string())?;
        tmp.persist(&path).map_err(|e| with_path(e.error, &path))?;
        sync_dir(parent_dir(&path))?;
        commit_step();
        guard.complete();
        Ok(())
    }

    /// Flushes and fsyncs what was written, so that [`AtomicFile::commit`] has
    /// only the rename left: for a commit of several files under a
    /// [`CommitGuard`], which an interrupt waits for.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn sync(&mut self) -> std::io::Result<()> {
        drop(self.syncer.take());
        self.out.flush().map_err(|e| with_path(e, &self.path))?;
        self.out
            .get_ref()
            .as_file()
            .sync_all()
            .map_err(|e| with_path(e, &self.path))
    }

    /// Like [`AtomicFile::commit`], but never replaces an existing file: when
    /// the target exists (another process got there first), `next` gives the
    /// next name to try. Returns the path the file got.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn commit_new(
        mut self,
        mut next: impl FnMut(&Path) -> PathBuf,
    ) -> std::io::Result<PathBuf> {
        drop(self.syncer.take());
        let mut path = self.path;
        let mut tmp = self
            .out
            .into_inner()
            .map_err(|e| with_path(e.into_error(), &path))?;
        tmp.as_file().sync_all().map_err(|e| with_path(e, &path))?;
        let mut guard = CommitGuard::begin_quiet(path.display().to_string())?;
        loop {
            match tmp.persist_noclobber(&path) {
                Ok(_) => break,
                Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {
                    tmp = e.file;
                    path = next(&path);
                }
                Err(e) => return Err(with_path(e.error, &path)),
            }
        }
        sync_dir(parent_dir(&path))?;
        guard.rename(path.display().to_string());
        commit_step();
        guard.complete();
        Ok(path)
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

/// Puts every file written into the folder `dir` (not into folders inside it)
/// on disk, and the folder itself: on Linux one `syncfs` of its file system
/// (one wait for thousands of files, where an fsync of each waits each time),
/// elsewhere an fsync of each file in one pass.
///
/// # Errors
/// When the folder cannot be read or a file not put on disk, naming it.
pub fn sync_files_in(dir: &Path) -> std::io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        let d = fs_err::File::open(dir)?;
        rustix::fs::syncfs(&d).map_err(|e| with_path(e.into(), dir))?;
    }
    #[cfg(not(target_os = "linux"))]
    for entry in fs_err::read_dir(dir)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            fs_err::File::open(entry.path())?.sync_all()?;
        }
    }
    sync_dir(dir)
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
