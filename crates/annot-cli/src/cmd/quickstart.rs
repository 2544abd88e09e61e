//! `annot quickstart`: a demo project from the bundled sample corpus, then a session.
//!
//! The sample articles and their suggestion patterns are built into the
//! binary (see `build.rs`), so an installed `annot` needs no source tree: they
//! are written to a temporary folder and imported from there, as `annot
//! import` would read them.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annot_model::project::Project;
use annot_model::schema::NEWS_JSON;
use anyhow::Context as _;

use crate::cli::GlobalArgs;

/// Where the demo project lives without `--project DIR`.
const DEMO_DIR: &str = "demo";

/// Arguments of `annot quickstart`. Its directory is named as every
/// command's is, `--project DIR` (default `./demo`, created on first run,
/// reused after).
#[derive(Debug, clap::Args)]
#[command(
    after_help = "The project is --project DIR (default ./demo): created on the first run, reused after."
)]
pub(crate) struct QuickstartArgs {
    /// The articles to import instead of the sample corpus built into annot.
    #[arg(long, value_name = "DIR")]
    pub(crate) corpus: Option<PathBuf>,
    /// Who is annotating; without it, $USER (as `annot annotate`), else an error.
    #[arg(long, env = "USER")]
    pub(crate) annotator: Option<String>,
    /// Set the project up and stop, without starting a session.
    #[arg(long)]
    pub(crate) no_session: bool,
}

mod sample {
    include!(concat!(env!("OUT_DIR"), "/sample_corpus.rs"));
}

/// Writes the built-in sample articles into `dir`, for the importer to read.
fn write_sample(dir: &Path) -> anyhow::Result<()> {
    for (name, bytes) in sample::SAMPLE_ARTICLES {
        fs_err::write(dir.join(name), bytes)?;
    }
    Ok(())
}

/// Creates or reuses the demo project and opens an annotation session on it.
pub(crate) fn run(
    args: &QuickstartArgs,
    global: &GlobalArgs,
    color: bool,
) -> anyhow::Result<ExitCode> {
    let dir = global
        .project
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEMO_DIR));
    // Asked before anything is made, as `annot annotate` asks.
    let annotator = if args.no_session {
        None
    } else {
        Some(super::annotate::annotator(args.annotator.as_deref())?)
    };
    let (project, created) = Project::init(&dir, "news", NEWS_JSON)?;
    let mut err = std::io::stderr().lock();
    if created {
        writeln!(
            err,
            "created demo project {}",
            super::display_path(project.root())
        )?;
    }
    let mut code = ExitCode::SUCCESS;
    if project.corpus()?.is_empty() {
        // Held until the import is done: dropping it removes the folder.
        let scratch;
        let corpus = match &args.corpus {
            Some(dir) if !dir.is_dir() => {
                anyhow::bail!(
                    "the corpus {} is not a folder; pass --corpus DIR with articles to import",
                    dir.display()
                );
            }
            Some(dir) => dir.clone(),
            None => {
                scratch = tempfile::Builder::new()
                    .prefix("annot-sample-")
                    .tempdir()
                    .context("cannot make a temporary folder for the sample corpus")?;
                write_sample(scratch.path())?;
                scratch.path().to_path_buf()
            }
        };
        let outcome = super::import::import_paths(
            &project,
            &[corpus],
            &super::import::ImportArgs::default(),
        )?;
        // Its warnings and failures, as `annot import` prints them.
        drop(err);
        code = super::import::report(&outcome)?;
        err = std::io::stderr().lock();
        let patterns = project.root().join("patterns.jsonl");
        if args.corpus.is_none() && !patterns.exists() {
            let text = sample::SAMPLE_PATTERNS;
            annot_model::atomic::write_atomic(&patterns, |w| w.write_all(text))?;
            writeln!(
                err,
                "copied the sample's suggestion patterns to {} (edit it, or see the README for how to write your own)",
                super::display_path(&patterns)
            )?;
        }
    }
    let Some(annotator) = annotator else {
        writeln!(
            err,
            "demo project ready: annot --project {} annotate --annotator NAME",
            super::display_path(project.root())
        )?;
        return Ok(code);
    };
    drop(err);
    if code != ExitCode::SUCCESS {
        // The import said what it left out; the session goes on with the rest.
        writeln!(
            std::io::stderr().lock(),
            "some articles were not imported (see above); annotating the others"
        )?;
    }
    let annotate = super::annotate::AnnotateArgs::for_annotator(Some(annotator));
    super::annotate::run(&annotate, &project, color)?;
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sample_corpus_is_built_in_whole() {
        let names: Vec<&str> = sample::SAMPLE_ARTICLES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), 14, "{names:?}");
        assert!(names.is_sorted() && names.iter().all(|n| n.ends_with(".txt")));
        let dir = tempfile::tempdir().unwrap();
        write_sample(dir.path()).unwrap();
        let kfar = dir.path().join("01_fr-levant-eau-kfar-selwan.txt");
        assert_eq!(
            std::fs::read(&kfar).unwrap(),
            sample::SAMPLE_ARTICLES[0].1,
            "written as built in"
        );
        assert!(!sample::SAMPLE_PATTERNS.is_empty());
    }
}
