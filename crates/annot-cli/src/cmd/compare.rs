//! What `annot diff` and `annot agree` share: the sides and which records count.

use std::io::Write as _;

use annot_diff::compare::Selection;
use annot_diff::side::Side;
use annot_model::filter::Filter;
use annot_model::project::Project;
use annot_model::{Status, visible};
use anyhow::Context as _;

/// `--status` and `--filter`, one group for both commands.
#[derive(Debug, Clone, clap::Args)]
pub(crate) struct SelectionArgs {
    /// Statuses whose records count, comma-separated (accepted, rejected, skipped, flagged).
    #[arg(
        long,
        value_name = "LIST",
        default_value = "accepted",
        value_delimiter = ','
    )]
    pub(crate) status: Vec<StatusArg>,
    /// Only documents matching EXPR (as in annotate: lang=fr, id=01_*, status=flagged; a
    /// status= condition must hold for every side's record).
    #[arg(long, value_name = "EXPR")]
    pub(crate) filter: Option<String>,
}

/// A record status on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum StatusArg {
    Accepted,
    Rejected,
    Skipped,
    Flagged,
}

impl From<StatusArg> for Status {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Accepted => Status::Accepted,
            StatusArg::Rejected => Status::Rejected,
            StatusArg::Skipped => Status::Skipped,
            StatusArg::Flagged => Status::Flagged,
        }
    }
}

impl SelectionArgs {
    /// The checked selection, with `documents` (`--doc`) if given.
    pub(crate) fn selection(&self, documents: Vec<String>) -> anyhow::Result<Selection> {
        let filter: Filter = match &self.filter {
            Some(f) => f
                .parse()
                .with_context(|| format!("--filter '{}'", visible(f)))?,
            None => Filter::default(),
        };
        let mut statuses: Vec<Status> = self.status.iter().map(|&s| s.into()).collect();
        statuses.sort_unstable();
        statuses.dedup();
        Ok(Selection {
            statuses,
            filter,
            documents,
        })
    }
}

/// Reads the sides, warning on stderr about what a reader should know (torn logs,
/// annotators without records).
pub(crate) fn load_sides(
    project: &Project,
    written: &[String],
    command: &'static str,
    needs: usize,
) -> anyhow::Result<Vec<Side>> {
    let sides = Side::load_all(project, written, command, needs)?;
    let mut err = std::io::stderr().lock();
    for s in &sides {
        if let Some(t) = s.records.torn() {
            writeln!(
                err,
                "warning: {}: line {} is a torn write and is not read",
                visible(&s.records.path.display().to_string()),
                t.line
            )?;
        }
        if s.records.is_empty() {
            writeln!(
                err,
                "warning: side '{}' has no records{}",
                visible(&s.name),
                if s.spec.annotator().is_some() {
                    " (no log, or none as of that time)"
                } else {
                    ""
                }
            )?;
        }
    }
    Ok(sides)
}
