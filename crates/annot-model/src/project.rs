//! An annotation project on disk: `annot.toml`, `schemas/`, `corpus/`, `annotations/`.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::error::{ModelError, Result};
use crate::schema::Schema;
use crate::tokenize::Lang;

/// Name of the project settings file that marks a project's root.
pub const CONFIG_FILE: &str = "annot.toml";

/// The lock file that makes imports of one project take turns, in the cache directory.
pub const IMPORT_LOCK_FILE: &str = "import.lock";

/// The lines `annot init` puts in a project's `.gitattributes`: annotation
/// logs are append-only, so two clones that appended to the same log merge
/// by keeping the lines of both (which record of a document stands does not
/// depend on their order: see [`crate::store`]).
pub const GIT_ATTRIBUTES: &[&str] = &[
    "# annot: annotation logs are append-only; git merges two clones' appends by keeping both",
    "annotations/*.jsonl merge=union",
    "annotations/*.rejected merge=union",
];

/// The lines `annot init` puts in a project's `.gitignore`: what is per
/// machine. `.annot/` is a cache, rebuilt when missing. A draft journal is the
/// unsaved work of the session open on this machine: it is rewritten at every
/// session start (not append-only, so git cannot merge it), it counts the
/// lines of this machine's log, and only the session that holds the log's lock
/// may decide or drop a draft; the decision is what is shared, as a record.
pub const GIT_IGNORE: &[&str] = &[
    "# annot: per-machine files (a cache; drafts: unsaved edits of this machine's session)",
    ".annot/",
    "annotations/*.draft.jsonl",
    "annotations/*.draft.jsonl.rejected",
];

/// Settings in `annot.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectConfig {
    /// Schema file, relative to the project root.
    pub schema: String,
    /// Default language for tokenization when a document does not say.
    #[serde(default)]
    pub lang: Lang,
}

impl Default for ProjectConfig {
    fn default() -> Self {
        Self {
            schema: "schemas/news.json".into(),
            lang: Lang::Fr,
        }
    }
}

/// An opened project.
#[derive(Debug, Clone)]
pub struct Project {
    root: PathBuf,
    pub config: ProjectConfig,
}

impl Project {
    /// Creates a project in `dir` (made if missing) with the given schema, or
    /// returns the existing one untouched when `annot.toml` is already there.
    ///
    /// # Errors
    /// I/O errors, or an existing but broken `annot.toml`.
    pub fn init(dir: &Path, schema_name: &str, schema_json: &str) -> Result<(Self, bool)> {
        fs_err::create_dir_all(dir)?;
        if dir.join(CONFIG_FILE).is_file() {
            return Ok((Self::open(dir)?, false));
        }
        for sub in ["schemas", "corpus", "annotations"] {
            fs_err::create_dir_all(dir.join(sub))?;
        }
        let schema_rel = format!("schemas/{schema_name}.json");
        let schema_path = dir.join(&schema_rel);
        if !schema_path.exists() {
            crate::atomic::write_atomic(&schema_path, |w| w.write_all(schema_json.as_bytes()))?;
        }
        let config = ProjectConfig {
            schema: schema_rel,
            lang: Lang::Fr,
        };
        let text = format!(
            "# annot project settings\n\
             # schema: the label schema, relative to this file\n\
             # lang: tokenizer language for documents that do not say (fr or en)\n{}",
            toml::to_string(&config).map_err(|e| ModelError::Config {
                path: dir.join(CONFIG_FILE),
                message: e.to_string(),
            })?
        );
        crate::atomic::write_atomic(&dir.join(CONFIG_FILE), |w| w.write_all(text.as_bytes()))?;
        Ok((Self::open(dir)?, true))
    }

    /// Writes `.gitattributes` and `.gitignore` for a project shared through
    /// git ([`GIT_ATTRIBUTES`], [`GIT_IGNORE`]), adding the lines that are
    /// missing to files that are already there. Returns the files written.
    ///
    /// # Errors
    /// I/O errors, naming the file.
    pub fn write_git_files(&self) -> Result<Vec<PathBuf>> {
        let mut written = Vec::new();
        for (name, lines) in [
            (".gitattributes", GIT_ATTRIBUTES),
            (".gitignore", GIT_IGNORE),
        ] {
            let path = self.root.join(name);
            let old = match fs_err::read_to_string(&path) {
                Ok(text) => text,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
                Err(e) => return Err(e.into()),
            };
            let have: std::collections::HashSet<&str> = old.lines().map(str::trim).collect();
            let missing: Vec<&str> = lines
                .iter()
                .copied()
                .filter(|l| !l.starts_with('#') && !have.contains(l))
                .collect();
            if missing.is_empty() {
                continue;
            }
            let mut text = old.clone();
            if !text.is_empty() && !text.ends_with('\n') {
                text.push('\n');
            }
            if let Some(comment) = lines.iter().find(|l| l.starts_with('#')) {
                text.push_str(comment);
                text.push('\n');
            }
            for l in missing {
                text.push_str(l);
                text.push('\n');
            }
            crate::atomic::write_atomic(&path, |w| w.write_all(text.as_bytes()))?;
            written.push(path);
        }
        Ok(written)
    }

    /// Opens the project whose root is `root`.
    ///
    /// # Errors
    /// A missing or invalid `annot.toml`.
    pub fn open(root: &Path) -> Result<Self> {
        let path = root.join(CONFIG_FILE);
        if path.is_dir() {
            return Err(ModelError::Config {
                path,
                message: format!(
                    "is a directory, not the project settings file; move it away, \
                     then run `annot init {}` to write the settings",
                    root.display()
                ),
            });
        }
        let text = fs_err::read_to_string(&path)?;
        let config: ProjectConfig = toml::from_str(&text).map_err(|e| ModelError::Config {
            path: path.clone(),
            message: e.to_string(),
        })?;
        Ok(Self {
            root: root.to_owned(),
            config,
        })
    }

    /// Finds the project by walking up from `start` to the first directory with `annot.toml`.
    ///
    /// # Errors
    /// [`ModelError::NoProject`] when there is none.
    pub fn find(start: &Path) -> Result<Self> {
        let start = fs_err::canonicalize(start)?;
        let mut dir = Some(start.as_path());
        while let Some(d) = dir {
            // A directory of that name is an error of its own, not "no project".
            if d.join(CONFIG_FILE).exists() {
                return Self::open(d);
            }
            dir = d.parent();
        }
        Err(ModelError::NoProject { start })
    }

    /// The project's root directory.
    #[must_use]
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The schema file named in `annot.toml`.
    #[must_use]
    pub fn schema_path(&self) -> PathBuf {
        self.root.join(&self.config.schema)
    }

    /// Loads and validates the project's schema.
    ///
    /// # Errors
    /// See [`Schema::load`]; a file that cannot be read is
    /// [`ModelError::ProjectSchema`], which says that `annot.toml` names it.
    pub fn schema(&self) -> Result<Schema> {
        Schema::load(&self.schema_path()).map_err(|e| match e {
            ModelError::SchemaRead { path, source } => ModelError::ProjectSchema {
                path,
                config: self.root.join(CONFIG_FILE),
                source,
            },
            other => other,
        })
    }

    /// `corpus/`.
    #[must_use]
    pub fn corpus_dir(&self) -> PathBuf {
        self.root.join("corpus")
    }

    /// `annotations/`.
    #[must_use]
    pub fn annotations_dir(&self) -> PathBuf {
        self.root.join("annotations")
    }

    /// Where annot keeps derived files (the corpus index); safe to delete.
    #[must_use]
    pub fn cache_dir(&self) -> PathBuf {
        self.root.join(".annot")
    }

    /// Every directory annot writes files into through [`crate::atomic`] (a temporary
    /// `.annot-tmp-*` file beside the target, renamed into place): where a killed
    /// process can leave one. The project root, `corpus/`, `annotations/`, the
    /// schema's directory, `.annot/` (the import journal), the corpus index in
    /// `.annot/index/` and the logs' tables in `.annot/logs/`, without repeats.
    #[must_use]
    pub fn temp_file_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = vec![
            self.root.clone(),
            self.corpus_dir(),
            self.annotations_dir(),
            // The import journal (`imports-pending.json`) is written here.
            self.cache_dir(),
            self.cache_dir().join(crate::corpus::INDEX_DIR),
            self.cache_dir().join(crate::log_table::TABLE_DIR),
        ];
        if let Some(schema_dir) = self.schema_path().parent()
            && !dirs.iter().any(|d| d == schema_dir)
        {
            dirs.push(schema_dir.to_owned());
        }
        dirs
    }

    /// The log of one annotator, `annotations/<name>.jsonl`.
    ///
    /// # Errors
    /// A name that cannot be a file name.
    pub fn log_path(&self, annotator: &str) -> Result<PathBuf> {
        check_annotator(annotator)?;
        Ok(self.annotations_dir().join(format!("{annotator}.jsonl")))
    }

    /// Names of annotators with a log, sorted. Draft journals
    /// (`<name>.draft.jsonl`, see [`crate::drafts`]) are not logs.
    ///
    /// # Errors
    /// An unreadable `annotations/` directory.
    pub fn annotators(&self) -> Result<Vec<String>> {
        let dir = self.annotations_dir();
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut names = Vec::new();
        for entry in fs_err::read_dir(&dir)? {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == "jsonl")
                && !is_draft_journal(&path)
                && let Some(stem) = path.file_stem().and_then(|s| s.to_str())
                && check_annotator(stem).is_ok()
            {
                names.push(stem.to_owned());
            }
        }
        names.sort();
        Ok(names)
    }

    /// Takes the project's import lock (`.annot/import.lock`), waiting for it
    /// when another process holds it; `waiting` is called once before waiting.
    ///
    /// Two imports at once would both check their documents against the same
    /// corpus and both pick the same new corpus file name; while the lock is
    /// held, no other import of this project runs. It is released when the
    /// returned guard is dropped, or when the process ends however it ends.
    ///
    /// # Errors
    /// When the lock file cannot be created or locked.
    pub fn lock_imports(&self, waiting: impl FnOnce()) -> Result<ImportLock> {
        let dir = self.cache_dir();
        fs_err::create_dir_all(&dir)?;
        let path = dir.join(IMPORT_LOCK_FILE);
        let file = fs_err::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)?;
        let io_error = |e: std::io::Error| {
            ModelError::Io(std::io::Error::new(
                e.kind(),
                format!("cannot lock {}: {e}", path.display()),
            ))
        };
        match file.file().try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                waiting();
                file.file().lock().map_err(io_error)?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_error(e)),
        }
        Ok(ImportLock { _file: file })
    }

    /// Opens the corpus through its index (built or refreshed as needed).
    ///
    /// # Errors
    /// See [`Corpus::open`].
    pub fn corpus(&self) -> Result<Corpus> {
        Corpus::open(&self.corpus_dir(), &self.cache_dir())
    }
}

/// The held import lock of a project (see [`Project::lock_imports`]); dropping it releases the lock.
#[derive(Debug)]
pub struct ImportLock {
    _file: fs_err::File,
}

fn is_draft_journal(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(crate::drafts::DRAFT_SUFFIX))
}

/// The longest annotator name, in bytes of UTF-8.
const MAX_ANNOTATOR_BYTES: usize = 64;

/// What an annotator name cannot end in: the log of `x.draft` would be the draft
/// journal of `x`.
const DRAFT_STEM_SUFFIX: &str = ".draft";

/// The characters of an annotator name.
fn is_annotator_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '_' | '.')
}

/// An annotator name made of what another tool calls a user (an e-mail's local part,
/// a session id), that [`check_annotator`] accepts: other characters become `_`, a
/// name that is empty or starts with `.` gets a `_` in front, a long one is cut to 64
/// bytes, and one ending in `.draft` ends in `.draf_`.
#[must_use]
pub fn annotator_name_from(raw: &str) -> String {
    let mut name: String = raw
        .chars()
        .map(|c| if is_annotator_char(c) { c } else { '_' })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    while name.len() > MAX_ANNOTATOR_BYTES {
        name.pop();
    }
    if name.ends_with(DRAFT_STEM_SUFFIX) {
        name.pop();
        name.push('_');
    }
    name
}

/// Checks that an annotator name is usable as a file name: letters, digits,
/// `-`, `_`, `.`, and not ending in `.draft` (the log of `x.draft` would be the
/// draft journal of `x`).
///
/// # Errors
/// A message saying which characters are allowed.
pub fn check_annotator(name: &str) -> Result<()> {
    let ok = !name.is_empty()
        && name.len() <= MAX_ANNOTATOR_BYTES
        && !name.starts_with('.')
        && !name.ends_with(DRAFT_STEM_SUFFIX)
        && name.chars().all(is_annotator_char);
    if ok {
        Ok(())
    } else {
        Err(ModelError::Config {
            path: PathBuf::from("annotations"),
            message: format!(
                "'{name}' is not a usable annotator name: use letters, digits, '-', '_' or '.' (at most 64), not ending in '.draft'"
            ),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_other_tools_are_usable_annotator_names() {
        let long = "é".repeat(40);
        for raw in [
            "",
            ".hidden",
            "a b/c",
            "x.draft",
            "Zoé",
            long.as_str(),
            "_.draft",
        ] {
            let name = annotator_name_from(raw);
            assert!(check_annotator(&name).is_ok(), "{raw:?} -> {name:?}");
        }
        assert_eq!(annotator_name_from("j.doe+news"), "j.doe_news");
        assert_eq!(annotator_name_from(".x"), "_.x");
        assert_eq!(annotator_name_from("x.draft"), "x.draf_");
        assert_eq!(annotator_name_from(&long).len(), 64);
    }

    #[test]
    fn init_find_and_reopen() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("p");
        let (p, created) = Project::init(&root, "news", crate::schema::NEWS_JSON).unwrap();
        assert!(created);
        assert_eq!(p.schema().unwrap().id(), "news@1");
        let nested = root.join("corpus");
        let found = Project::find(&nested).unwrap();
        assert_eq!(found.root(), fs_err::canonicalize(&root).unwrap());
        let (_, again) = Project::init(&root, "news", "{}").unwrap();
        assert!(!again, "init on an existing project changes nothing");
        assert!(matches!(
            Project::find(dir.path()),
            Err(ModelError::NoProject { .. })
        ));
        assert!(p.log_path("alice").is_ok());
        assert!(p.log_path("../x").is_err());
        assert!(p.log_path("a b").is_err());
        assert!(
            p.log_path("alice.draft").is_err(),
            "the draft journal of alice"
        );
        fs_err::write(p.annotations_dir().join("alice.jsonl"), "").unwrap();
        fs_err::write(p.annotations_dir().join("alice.draft.jsonl"), "").unwrap();
        assert_eq!(p.annotators().unwrap(), ["alice".to_owned()]);
    }

    #[test]
    fn settings_file_that_is_a_directory_is_named() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("annot.toml")).unwrap();
        for err in [Project::open(dir.path()), Project::find(dir.path())] {
            let err = err.unwrap_err().to_string();
            assert!(err.contains("annot.toml: is a directory"), "{err}");
        }
    }

    #[test]
    fn a_second_import_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let (p, _) = Project::init(dir.path(), "news", crate::schema::NEWS_JSON).unwrap();
        let first = p.lock_imports(|| panic!("nothing to wait for")).unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let p2 = p.clone();
        let second = std::thread::spawn(move || {
            let lock = p2.lock_imports(|| tx.send(()).unwrap()).unwrap();
            drop(lock);
        });
        rx.recv().unwrap();
        drop(first);
        second.join().unwrap();
    }
}
