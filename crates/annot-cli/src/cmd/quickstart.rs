//! `annot quickstart`: a demo project from the bundled sample corpus, then a session.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annot_model::project::Project;
use annot_model::schema::NEWS_JSON;

use crate::cli::GlobalArgs;

/// Arguments of `annot quickstart`.
#[derive(Debug, clap::Args)]
pub(crate) struct QuickstartArgs {
    /// Where the demo project lives (created on first run, reused after).
    #[arg(long, default_value = "demo", value_name = "DIR")]
    pub(crate) dir: PathBuf,
    /// The sample articles to import (default: corpus/ of the annot source tree).
    #[arg(long, value_name = "DIR")]
    pub(crate) corpus: Option<PathBuf>,
    /// Annotator name (default: $USER, else "demo").
    #[arg(long)]
    pub(crate) annotator: Option<String>,
    /// Set the project up and stop, without starting a session.
    #[arg(long)]
    pub(crate) no_session: bool,
}

/// The corpus/ directory of the source tree this binary was built from.
fn bundled_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// Suggestion patterns for the bundled corpus, copied into the demo project.
fn bundled_patterns() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/patterns.jsonl")
}

/// Creates or reuses the demo project and opens an annotation session on it.
pub(crate) fn run(
    args: &QuickstartArgs,
    global: &GlobalArgs,
    color: bool,
) -> anyhow::Result<ExitCode> {
    let dir = global.project.clone().unwrap_or_else(|| args.dir.clone());
    let (project, created) = Project::init(&dir, "news", NEWS_JSON)?;
    let mut err = std::io::stderr().lock();
    if created {
        writeln!(
            err,
            "created demo project {}",
            super::display_path(project.root())
        )?;
    }
    if project.corpus()?.is_empty() {
        let corpus = args.corpus.clone().unwrap_or_else(bundled_corpus);
        if !corpus.is_dir() {
            anyhow::bail!(
                "the sample corpus {} is not there; pass --corpus DIR with articles to import",
                corpus.display()
            );
        }
        let outcome = super::import::import_paths(
            &project,
            &[corpus],
            &super::import::ImportArgs::default(),
        )?;
        writeln!(err, "{}", outcome.summary())?;
        let patterns = project.root().join("patterns.jsonl");
        if args.corpus.is_none() && bundled_patterns().is_file() && !patterns.exists() {
            let text = fs_err::read(bundled_patterns())?;
            annot_model::atomic::write_atomic(&patterns, |w| w.write_all(&text))?;
            writeln!(
                err,
                "copied suggestion patterns to {}",
                super::display_path(&patterns)
            )?;
        }
    }
    if args.no_session {
        writeln!(
            err,
            "demo project ready: annot --project {} annotate --annotator NAME",
            super::display_path(project.root())
        )?;
        return Ok(ExitCode::SUCCESS);
    }
    drop(err);
    let annotator = args
        .annotator
        .clone()
        .or_else(|| {
            std::env::var("USER")
                .ok()
                .filter(|u| annot_model::project::check_annotator(u).is_ok())
        })
        .unwrap_or_else(|| "demo".to_owned());
    let annotate = super::annotate::AnnotateArgs::for_annotator(annotator);
    super::annotate::run(&annotate, &project, color)?;
    Ok(ExitCode::SUCCESS)
}
