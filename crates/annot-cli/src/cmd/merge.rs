//! `annot merge A B [C ...] --into NAME --strategy ...`: one log combined from several sides.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use annot_diff::merge::{MergeConfig, MergeReport, Outcome, Target, check_config, merge};
use annot_model::combine::{Item, Rules, Strategy, Why};
use annot_model::project::Project;
use annot_model::store::AnnotatorLog;
use annot_model::visible;

use crate::cli::JsonArgs;
use crate::cmd::compare::{SelectionArgs, load_sides};

/// Arguments of `annot merge`.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("json", |a| a.help("Print the report as JSON")),
    after_help = "\
Sides: alice · alice@2026-11-20 · alice@2026-11-20T14:00 (UTC) · path/to/log.jsonl
Strategies:
  majority      kept with K votes (--min-agree K, default more than half), left out with K
                against; with two sides only what both marked is settled
  union         everything; clashes (one text, two labels; overlaps the schema forbids) flagged
  intersection  what every side marked
  prefer:SIDE   that side's record, else the next side's
Spans count per extent first, then per label: an extent K sides marked, but not with one
label K sides chose, is flagged as one conflict (each label and who chose it).
Flagged records list what is left open: annot adjudicate A B --into NAME, or
annot annotate --annotator NAME --filter status=flagged."
)]
pub(crate) struct MergeArgs {
    /// Two or more sides: annotators, annotators as of a time, or log files.
    #[arg(required = true, num_args = 2.., value_name = "SIDE")]
    pub(crate) sides: Vec<String>,
    /// The annotator whose log receives the merged records (e.g. gold).
    #[arg(long, value_name = "NAME")]
    pub(crate) into: String,
    /// How the sides combine: majority, union, intersection or prefer:SIDE.
    #[arg(long, value_name = "STRATEGY", default_value = "majority")]
    pub(crate) strategy: String,
    /// With --strategy majority: sides that must agree (default: more than half).
    #[arg(long, value_name = "K")]
    pub(crate) min_agree: Option<usize>,
    /// Only this document (repeatable).
    #[arg(long = "doc", value_name = "ID")]
    pub(crate) docs: Vec<String>,
    /// Say what would be written, write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    #[command(flatten)]
    pub(crate) selection: SelectionArgs,
    #[command(flatten)]
    pub(crate) output: JsonArgs,
}

/// The strategy with its `--min-agree`, checked.
pub(crate) fn strategy_of(strategy: &str, min_agree: Option<usize>) -> anyhow::Result<Strategy> {
    let mut strategy: Strategy = strategy.parse()?;
    if let Some(k) = min_agree {
        match &mut strategy {
            Strategy::Majority { min_agree } => *min_agree = Some(k),
            _ => anyhow::bail!("--min-agree goes with --strategy majority"),
        }
    }
    Ok(strategy)
}

/// Merges and reports.
pub(crate) fn run(args: &MergeArgs, project: &Project) -> anyhow::Result<ExitCode> {
    let strategy = strategy_of(&args.strategy, args.min_agree)?;
    let selection = args.selection.selection(args.docs.clone())?;
    let into_path = project.log_path(&args.into)?;
    let sides = load_sides(project, &args.sides, "annot merge", 2)?;
    // Refused before the target log is created or locked.
    check_config(&sides, &args.into, &into_path, &strategy)?;
    let corpus = project.corpus()?;
    for id in &args.docs {
        if corpus.entry(id).is_none() {
            return Err(annot_model::ModelError::UnknownDocument { id: id.clone() }.into());
        }
    }
    let schema = project.schema()?;
    let config = MergeConfig {
        strategy,
        rules: Rules::of(&schema),
        schema: schema.id(),
    };
    // A dry run reads the target without creating, locking or repairing it.
    // A torn last line of the target (a write cut short) is set aside on open: said.
    let torn_note = |torn: Option<&annot_model::store::TornTail>, dry_run: bool| {
        let torn = torn?;
        let rejected = annot_model::store::rejected_path(&into_path);
        Some(format!(
            "{} a torn last line (line {}) of {} in {} (a write cut short; the records before it are whole)",
            if dry_run {
                "would set aside"
            } else {
                "set aside"
            },
            torn.line,
            super::display_path(&into_path),
            super::display_path(&rejected)
        ))
    };
    let torn;
    let report = if args.dry_run {
        let index = annot_model::store::index_log(&into_path)?;
        torn = torn_note(index.torn.as_ref(), true);
        merge(&sides, &corpus, &selection, &config, Target::DryRun(&index))?
    } else {
        let mut log = AnnotatorLog::open(&into_path, &args.into)?;
        torn = torn_note(log.torn(), false);
        // The merge appends its records in batches as it goes: Ctrl-C and SIGTERM
        // wait for the whole merge (a second one stops at once; a second run would
        // then write the rest), so that the target never holds part of one.
        let guard = annot_model::atomic::CommitGuard::begin(format!(
            "the merge into {}",
            super::display_path(&into_path)
        ))?;
        let report = merge(&sides, &corpus, &selection, &config, Target::Log(&mut log))?;
        guard.complete();
        report
    };
    if let Some(note) = torn {
        writeln!(std::io::stderr().lock(), "annot merge: {}", visible(&note))?;
    }
    if args.output.json {
        crate::output::print_json(&report)?;
    } else {
        std::io::stdout()
            .lock()
            .write_all(visible(&render(&report, args.min_agree)).as_bytes())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn count(r: &MergeReport, key: &str) -> usize {
    r.outcomes.get(key).copied().unwrap_or(0)
}

/// The readable report: what was written, per outcome, and each flagged document's options.
fn render(r: &MergeReport, min_agree: Option<usize>) -> String {
    let mut o = String::new();
    let verb = if r.dry_run { "would write" } else { "wrote" };
    let _ = writeln!(
        o,
        "annot merge · {} by {} into {} · {verb} {} record(s): {} accepted, {} flagged",
        r.sides.join(", "),
        r.strategy,
        r.into,
        r.written,
        count(r, "accepted"),
        count(r, "flagged")
    );
    let mut also = Vec::new();
    for (key, words) in [
        ("unchanged", "already in the log as merged"),
        (
            "by_hand",
            "decided in the target by something other than merge (import, annotate, adjudicate), left as they are",
        ),
        ("not_decided", "with no decision that counts"),
    ] {
        let n = count(r, key);
        if n > 0 {
            also.push(format!("{n} {words}"));
        }
    }
    if !also.is_empty() {
        let _ = writeln!(o, "  documents {}", also.join(" · "));
    }
    if !r.skipped.not_in_corpus.is_empty() {
        let _ = writeln!(
            o,
            "  records of documents not in the corpus (not merged): {}",
            r.skipped.not_in_corpus.len()
        );
    }
    if r.skipped.filtered_out > 0 {
        let _ = writeln!(o, "  left out by --filter: {}", r.skipped.filtered_out);
    }
    if !r.spans_by_provenance.is_empty() {
        let parts: Vec<String> = r
            .spans_by_provenance
            .iter()
            .map(|(who, n)| format!("{n} {who}"))
            .collect();
        let _ = writeln!(o, "  spans by who marked them: {}", parts.join(" · "));
    }
    for d in r.documents.iter().filter(|d| d.outcome == Outcome::Flagged) {
        let _ = writeln!(o, "flagged {}", d.doc);
        for c in &d.contested {
            let item = match &c.item {
                Item::Span { .. } => c.item.to_string(),
                // One extent, several labels: who chose each follows.
                Item::Extent {
                    start, end, text, ..
                } => format!("\"{text}\" [{start}, {end})"),
                Item::Label { layer, value } => format!("label {layer} {value}"),
            };
            let who = c.who(", ", " · ");
            let against = if c.against.is_empty() {
                String::new()
            } else {
                format!(" · not {}", c.against.join(", "))
            };
            let why = match (c.why, min_agree) {
                (Why::Short, Some(k)) => format!("short of {k} votes:"),
                (w, _) => w.as_str().to_owned(),
            };
            let _ = writeln!(o, "  {why:<9} {item} · {who}{against}");
        }
        for l in &d.lost {
            let _ = writeln!(
                o,
                "  ✗ lost   {} \"{}\" of {}: {}",
                l.span.label, l.span.text, l.annotator, l.reason
            );
        }
        if !d.undecided.is_empty() {
            let _ = writeln!(
                o,
                "  too few   sides decided it ({})",
                d.undecided.join(", ")
            );
        }
        if d.zones_differ {
            let _ = writeln!(o, "  zones     the sides' zone corrections differ");
        }
    }
    if count(r, "flagged") > 0 && !r.dry_run {
        let _ = writeln!(
            o,
            "settle the flagged documents with `annot adjudicate {} --into {}`, or `annot annotate --annotator {} --filter status=flagged`",
            r.sides.join(" "),
            r.into,
            r.into
        );
    }
    o
}
