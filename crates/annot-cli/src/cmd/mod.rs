//! One module per subcommand; `run` dispatches.

pub(crate) mod adjudicate;
pub(crate) mod agree;
pub(crate) mod annotate;
pub(crate) mod check;
pub(crate) mod compare;
pub(crate) mod diff;
pub(crate) mod export;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod merge;
pub(crate) mod quickstart;
pub(crate) mod show;
pub(crate) mod show_why;
pub(crate) mod status;
pub(crate) mod stream;

use std::path::Path;
use std::process::ExitCode;

use annot_model::project::Project;
use anyhow::Context as _;

use crate::cli::{Cli, Command, GlobalArgs};

/// Runs the parsed command line.
pub(crate) fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let color = crate::output::color_enabled(cli.global.color);
    match &cli.command {
        Command::Init(args) => init::run(args, &cli.global),
        Command::Import(args) => import::run(args, &find_project(&cli.global)?),
        Command::Status(args) => status::run(args, &find_project(&cli.global)?, color),
        Command::Check(args) => check::run(args, &find_project(&cli.global)?),
        Command::Show(args) => show::run(args, &find_project(&cli.global)?, color),
        Command::Annotate(args) => {
            annotate::run(args, &find_project(&cli.global)?, color)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Quickstart(args) => quickstart::run(args, &cli.global, color),
        Command::Diff(args) => diff::run(args, &find_project(&cli.global)?, color),
        Command::Agree(args) if args.combine.is_some() => agree::run_combine(args),
        Command::Agree(args) => agree::run(args, &find_project(&cli.global)?),
        Command::Merge(args) => merge::run(args, &find_project(&cli.global)?),
        Command::Adjudicate(args) => {
            adjudicate::run(args, &find_project(&cli.global)?, color)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => export::run(args, &find_project(&cli.global)?),
        Command::Stream(args) => stream::run(args, &cli.global),
    }
}

/// The project named by `--project`, or found by walking up from the current directory.
pub(crate) fn find_project(global: &GlobalArgs) -> anyhow::Result<Project> {
    match &global.project {
        Some(dir) => {
            // An annot.toml that is not a file is Project::open's to explain.
            if !dir.join(annot_model::project::CONFIG_FILE).exists() {
                anyhow::bail!(
                    "{} is not an annot project (no {}); create one with `annot init {}`",
                    dir.display(),
                    annot_model::project::CONFIG_FILE,
                    dir.display()
                );
            }
            Ok(Project::open(dir)?)
        }
        None => {
            let cwd = std::env::current_dir().context("cannot read the current directory")?;
            Ok(Project::find(&cwd)?)
        }
    }
}

/// Refuses a project whose `corpus/` folder is missing or not a folder (it was
/// deleted or replaced): reading it would report "0 documents" as if the
/// project were empty.
pub(crate) fn require_corpus_dir(project: &Project) -> anyhow::Result<()> {
    let dir = project.corpus_dir();
    match std::fs::metadata(&dir) {
        Ok(md) if md.is_dir() => Ok(()),
        Ok(_) => anyhow::bail!(
            "{} is not a folder: the project's documents live in that folder; move that file away and restore the folder (from a backup or a git clone)",
            display_path(&dir)
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => anyhow::bail!(
            "{} is missing: the project's documents live in that folder; restore it (from a backup or a git clone) or import the documents again",
            display_path(&dir)
        ),
        Err(e) => anyhow::bail!("{}: {e}", display_path(&dir)),
    }
}

/// Shortens a path for messages: relative to the current directory when inside it.
pub(crate) fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    cwd.and_then(|c| path.strip_prefix(&c).ok().map(|p| p.display().to_string()))
        .map(|p| if p.is_empty() { ".".to_owned() } else { p })
        .unwrap_or_else(|| path.display().to_string())
}
