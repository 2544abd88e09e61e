//! Command-line definitions: one `Args` struct per subcommand.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// annot: turn scraped news articles into NLP training data, keyboard only.
#[derive(Debug, Parser)]
#[command(name = "annot", version, about, long_about = None, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// Options every command takes.
#[derive(Debug, clap::Args)]
pub(crate) struct GlobalArgs {
    /// The project directory (default: walk up from the current directory to annot.toml).
    #[arg(long, global = true, value_name = "DIR", env = "ANNOT_PROJECT")]
    pub(crate) project: Option<PathBuf>,
    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub(crate) color: ColorChoice,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Create a project (annot.toml, schemas/, corpus/, annotations/).
    Init(crate::cmd::init::InitArgs),
    /// Import scraped articles (.txt), JSONL or CSV into the project's corpus.
    Import(crate::cmd::import::ImportArgs),
    /// Documents, annotators, progress and label counts.
    Status(crate::cmd::status::StatusArgs),
    /// One document with its zones and annotations.
    Show(crate::cmd::show::ShowArgs),
    /// Verify documents and annotations: digests, offsets, stale records, torn logs.
    Check(crate::cmd::check::CheckArgs),
    /// Annotate documents by hand, one at a time, keyboard only.
    Annotate(crate::cmd::annotate::AnnotateArgs),
    /// Create (or reuse) a demo project from the bundled sample corpus and start annotating.
    Quickstart(crate::cmd::quickstart::QuickstartArgs),
}

/// Parses the command line (clap exits with usage on bad arguments).
pub(crate) fn parse() -> Cli {
    Cli::parse()
}
