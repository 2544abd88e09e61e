//! `annot init`: create a project.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annot_model::project::Project;
use annot_model::schema::{NEWS_JSON, Schema};
use anyhow::Context as _;

use crate::cli::GlobalArgs;

/// Arguments of `annot init`.
#[derive(Debug, clap::Args)]
pub(crate) struct InitArgs {
    /// Directory to create the project in (default: the current directory, or --project).
    pub(crate) dir: Option<PathBuf>,
    /// A schema file to use instead of the bundled news schema (PER ORG LOC MISC, topic).
    #[arg(long, value_name = "FILE")]
    pub(crate) schema: Option<PathBuf>,
}

/// Creates the project, or says it is already there.
pub(crate) fn run(args: &InitArgs, global: &GlobalArgs) -> anyhow::Result<ExitCode> {
    let dir = args
        .dir
        .clone()
        .or_else(|| global.project.clone())
        .unwrap_or_else(|| PathBuf::from("."));
    let (name, json) = match &args.schema {
        Some(path) => {
            let schema = Schema::load(path)?;
            let json = fs_err::read_to_string(path)?;
            (schema.name, json)
        }
        None => ("news".to_owned(), NEWS_JSON.to_owned()),
    };
    let (project, created) = Project::init(&dir, &name, &json)
        .with_context(|| format!("cannot create a project in {}", dir.display()))?;
    let git_files = project
        .write_git_files()
        .with_context(|| format!("cannot write the git files of {}", dir.display()))?;
    let mut err = std::io::stderr().lock();
    let shown = super::display_path(project.root());
    if !git_files.is_empty() {
        let names: Vec<String> = git_files
            .iter()
            .filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .collect();
        writeln!(
            err,
            "wrote {} for sharing the project through git (logs merge by union; caches and drafts stay per machine)",
            names.join(" and ")
        )?;
    }
    if created {
        writeln!(
            err,
            "created annot project in {shown} (schema {})",
            project.schema()?.id()
        )?;
        writeln!(err, "next: annot --project {shown} import ARTICLES...")?;
    } else {
        let what = if git_files.is_empty() {
            "nothing"
        } else {
            "nothing else"
        };
        writeln!(err, "{shown} is already an annot project; {what} changed")?;
    }
    Ok(ExitCode::SUCCESS)
}
