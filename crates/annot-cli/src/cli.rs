//! Command-line definitions: one `Args` struct per subcommand.

use std::ffi::OsStr;
use std::path::PathBuf;

use annot_annotate::Order;
use annot_model::tokenize::Lang;
use clap::builder::TypedValueParser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
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
    #[command(mut_arg("json", |a| a.help("Print the report as JSON on stdout")))]
    Import(crate::cmd::import::ImportArgs),
    /// Documents, annotators, progress and label counts.
    Status(crate::cmd::status::StatusArgs),
    /// One document with its zones and annotations.
    Show(crate::cmd::show::ShowArgs),
    /// Verify documents and annotations: digests, offsets, stale records, torn logs.
    ///
    /// Exit status 1 when anything is found, errors or warnings; with
    /// --warnings-ok, only errors make it 1.
    Check(crate::cmd::check::CheckArgs),
    /// Annotate documents by hand, one at a time, keyboard only.
    Annotate(crate::cmd::annotate::AnnotateArgs),
    /// Create (or reuse) a demo project from the bundled sample corpus and start annotating.
    Quickstart(crate::cmd::quickstart::QuickstartArgs),
    /// Where two sides (annotators, versions, log files) disagree, document by document.
    Diff(crate::cmd::diff::DiffArgs),
    /// How much two or more sides agree: labels, spans, tokens, alpha-U, worst documents.
    Agree(crate::cmd::agree::AgreeArgs),
    /// Combine two or more sides into one annotator log (e.g. gold), flagging what is left open.
    Merge(crate::cmd::merge::MergeArgs),
    /// Settle the sides' disagreements by hand, into one annotator log (e.g. gold).
    Adjudicate(crate::cmd::adjudicate::AdjudicateArgs),
    /// Write training sets (jsonl, csv, conll, hf) with train/dev/test splits.
    Export(crate::cmd::export::ExportArgs),
    /// Per-document jobs as JSON-lines maps on stdin/stdout, for Spark or Hadoop streaming.
    Stream(crate::cmd::stream::StreamArgs),
}

/// `--json`: the output for machines, one group for every command that has it.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub(crate) struct JsonArgs {
    /// Print JSON on stdout.
    #[arg(long)]
    pub(crate) json: bool,
}

/// `--plain`: the screen without colour, for the commands that draw spans in text.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub(crate) struct PlainArgs {
    /// No colour; spans shown as [text]{LABEL}.
    #[arg(long)]
    pub(crate) plain: bool,
}

impl PlainArgs {
    /// Whether to colour, given what `--color` and the terminal allow.
    pub(crate) fn color(self, allowed: bool) -> bool {
        allowed && !self.plain
    }
}

/// The languages annot tokenizes (`--lang`): `fr` and `en`, or the other
/// names `Lang::from_code` takes. The variants have no doc comments on
/// purpose: clap would turn them into a long help listing each value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LangArg {
    #[value(alias = "fra", alias = "fre", alias = "french")]
    Fr,
    #[value(alias = "eng", alias = "english")]
    En,
}

impl From<LangArg> for Lang {
    fn from(lang: LangArg) -> Self {
        match lang {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

/// `--order`: `file`, or `random:SEED`, which no fixed list of values can
/// hold; an unknown value is a clap error that names both forms.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OrderParser;

impl TypedValueParser for OrderParser {
    type Value = Order;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &OsStr,
    ) -> Result<Order, clap::Error> {
        let text = value.to_string_lossy();
        text.parse().map_err(|_| {
            let mut err = clap::Error::new(ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                err.insert(
                    ContextKind::InvalidArg,
                    ContextValue::String(arg.to_string()),
                );
            }
            err.insert(
                ContextKind::InvalidValue,
                ContextValue::String(text.into_owned()),
            );
            err.insert(
                ContextKind::ValidValue,
                ContextValue::Strings(vec!["file".to_owned(), "random:SEED".to_owned()]),
            );
            err
        })
    }
}

/// Parses the command line (clap exits with usage on bad arguments).
pub(crate) fn parse() -> Cli {
    Cli::parse()
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory as _;

    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn orders_and_languages_are_checked_by_clap() {
        let parse = |args: &[&str]| Cli::try_parse_from(args.iter().copied());
        let Command::Annotate(a) = parse(&[
            "annot",
            "annotate",
            "--annotator",
            "a",
            "--order",
            "random:7",
        ])
        .unwrap()
        .command
        else {
            panic!("not annotate")
        };
        assert_eq!(a.order, Order::Random(7));
        let err = parse(&[
            "annot",
            "annotate",
            "--annotator",
            "a",
            "--order",
            "shuffle",
        ])
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("'shuffle'") && err.contains("file, random:SEED"),
            "{err}"
        );
        let Command::Import(i) = parse(&["annot", "import", "x", "--lang", "French"])
            .unwrap()
            .command
        else {
            panic!("not import")
        };
        assert_eq!(i.lang.map(Lang::from), Some(Lang::Fr));
        let err = parse(&["annot", "import", "x", "--lang", "de"])
            .unwrap_err()
            .to_string();
        assert!(err.contains("[possible values: fr, en]"), "{err}");
    }
}
