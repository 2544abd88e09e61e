//! `annot agree A B [C ...]`: how much the sides agree, by the measures papers report.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use annot_diff::agree::{AgreeOptions, AgreeReport, LayerFigures, agree};
use annot_diff::gate::{GateResult, check, parse_gates};
use annot_diff::metric::{Agreement, Scores, SpanScores, Value};
use annot_model::project::Project;
use annot_model::visible;
use anyhow::Context as _;
use serde::Serialize;

use crate::cli::JsonArgs;
use crate::cmd::compare::{SelectionArgs, load_sides};

/// Arguments of `annot agree`.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("json", |a| a.help("Print every figure as JSON")),
    after_help = "Sides: alice · alice@2026-11-20 · alice@2026-11-20T14:00 (UTC) · path/to/log.jsonl\n\
Gates (--min): f1, overlap_f1, entity_f1, kappa (two sides), alpha, alpha_u; per label\n\
layer LAYER.observed, LAYER.alpha; one-value layers also LAYER.fleiss_kappa, LAYER.ac1,\n\
LAYER.kappa and LAYER.scott_pi (two sides); multi-label ones LAYER.alpha_jaccard;\n\
one span label f1:LABEL, overlap_f1:LABEL, entity_f1:LABEL, alpha_u:LABEL; one value\n\
of a multi-label layer LAYER.alpha:VALUE"
)]
pub(crate) struct AgreeArgs {
    /// Two or more sides: annotators, annotators as of a time, or log files.
    #[arg(required_unless_present = "combine", num_args = 2.., value_name = "SIDE")]
    pub(crate) sides: Vec<String>,
    /// The report of the statistics `annot stream agree` wrote per shard (a
    /// file, or - for stdin; shards in id order): what `annot agree` prints
    /// over the whole corpus, without a project.
    #[arg(long, value_name = "STATS", conflicts_with_all = ["sides", "filter", "status"])]
    pub(crate) combine: Option<std::path::PathBuf>,
    /// How many least-agreeing documents to list.
    #[arg(long, value_name = "N", default_value_t = 10)]
    pub(crate) worst: usize,
    /// Exit 1 when a figure falls below its threshold, e.g. alpha=0.8,f1=0.9.
    #[arg(long, value_name = "NAME=MIN,...")]
    pub(crate) min: Option<String>,
    #[command(flatten)]
    pub(crate) selection: SelectionArgs,
    #[command(flatten)]
    pub(crate) output: JsonArgs,
}

#[derive(Serialize)]
struct AgreeJson<'a> {
    #[serde(flatten)]
    report: &'a AgreeReport,
    gates: &'a [GateResult],
}

/// Computes and prints the report; exit 1 when a `--min` gate fails.
pub(crate) fn run(args: &AgreeArgs, project: &Project) -> anyhow::Result<ExitCode> {
    let gates = match &args.min {
        Some(m) => parse_gates(m)?,
        None => Vec::new(),
    };
    let selection = args.selection.selection(Vec::new())?;
    let sides = load_sides(project, &args.sides, "annot agree", 2)?;
    let corpus = project.corpus()?;
    let schema = project.schema()?;
    let options = AgreeOptions {
        lang: project.config.lang,
        worst: args.worst,
    };
    let report = agree(&sides, &corpus, &schema, &selection, options)?;
    print_report(args, &report, &gates)
}

/// Runs `annot agree --combine STATS`: the report of summed shard statistics.
pub(crate) fn run_combine(args: &AgreeArgs) -> anyhow::Result<ExitCode> {
    let gates = match &args.min {
        Some(m) => parse_gates(m)?,
        None => Vec::new(),
    };
    let Some(path) = &args.combine else {
        anyhow::bail!("--combine needs the statistics file");
    };
    let stats = if path.as_os_str() == "-" {
        super::stream::read_stats(std::io::stdin().lock())?
    } else {
        let file = fs_err::File::open(path)?;
        super::stream::read_stats(std::io::BufReader::new(file))
            .with_context(|| path.display().to_string())?
    };
    let options = AgreeOptions {
        // The documents were tokenized by the maps; the language is theirs.
        lang: annot_model::tokenize::Lang::Fr,
        worst: args.worst,
    };
    let report = annot_diff::stream::combine(stats, options)?;
    print_report(args, &report, &gates)
}

/// Prints `report` as text or JSON and checks the gates: exit 1 when one fails.
fn print_report(
    args: &AgreeArgs,
    report: &AgreeReport,
    gates: &[annot_diff::gate::Gate],
) -> anyhow::Result<ExitCode> {
    let results = check(report, gates)?;
    if args.output.json {
        crate::output::print_json(&AgreeJson {
            report,
            gates: &results,
        })?;
    } else {
        let text = render(report);
        std::io::stdout()
            .lock()
            .write_all(visible(&text).as_bytes())?;
    }
    let failed: Vec<&GateResult> = results.iter().filter(|g| !g.passed).collect();
    if failed.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let mut err = std::io::stderr().lock();
    for g in failed {
        let line = match g.value {
            Value::Defined(v) => format!("below --min: {} is {v:.4} < {}", g.name, g.min),
            Value::Undefined(why) => format!("below --min: {} is undefined ({why})", g.name),
        };
        writeln!(err, "{}", visible(&line))?;
    }
    Ok(ExitCode::from(1))
}

/// Footnotes for undefined figures, numbered in the order they appear.
#[derive(Default)]
struct Notes(Vec<String>);

impl Notes {
    fn value(&mut self, v: Value) -> String {
        match v {
            Value::Defined(x) => format!("{x:.4}"),
            Value::Undefined(why) => {
                let text = why.to_string();
                let i = match self.0.iter().position(|n| *n == text) {
                    Some(i) => i,
                    None => {
                        self.0.push(text);
                        self.0.len() - 1
                    }
                };
                format!("undef[{}]", i + 1)
            }
        }
    }

    fn flush(&mut self, out: &mut String) {
        for (i, n) in self.0.drain(..).enumerate() {
            let _ = writeln!(out, "  [{}] undefined: {n}", i + 1);
        }
    }
}

fn fit(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let cut: String = s.chars().take(width.saturating_sub(1)).collect();
    format!("{cut}…")
}

/// The readable report: tables that fit 80 columns, each figure with its item count.
fn render(r: &AgreeReport) -> String {
    let mut o = String::new();
    let mut notes = Notes::default();
    let names: Vec<&str> = r.sides.iter().map(|s| s.name.as_str()).collect();
    let d = &r.documents;
    let counts = format!(
        "{} documents with records, {} decided by every side",
        d.with_records, d.in_common
    );
    let head = format!("annot agree · {} · {counts}", names.join(" vs "));
    if head.chars().count() <= 80 {
        let _ = writeln!(o, "{head}");
    } else {
        // Many or long side names: the counts go on a line of their own.
        let _ = writeln!(o, "annot agree · {}", fit(&names.join(" vs "), 66));
        let _ = writeln!(o, "  {counts}");
    }
    if !d.not_in_common.is_empty() {
        let shown: Vec<String> = d
            .not_in_common
            .head()
            .iter()
            .take(5)
            .map(|n| {
                let why: Vec<String> = n.absent.iter().map(|(s, a)| format!("{s}: {a}")).collect();
                format!("{} ({})", n.doc, why.join(", "))
            })
            .collect();
        let more = d.not_in_common.len().saturating_sub(5);
        let _ = writeln!(
            o,
            "  not decided by every side: {}{}",
            shown.join("; "),
            if more > 0 {
                format!("; and {more} more")
            } else {
                String::new()
            }
        );
    }
    if !d.skipped.not_in_corpus.is_empty() {
        let _ = writeln!(
            o,
            "  records of documents not in the corpus (not compared): {}",
            d.skipped.not_in_corpus.len()
        );
    }
    if d.skipped.filtered_out > 0 {
        let _ = writeln!(o, "  left out by --filter: {}", d.skipped.filtered_out);
    }
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "{:<24} {:>8} {:>8} {:>14} {:>10} {:>10}",
        "side", "records", "decided", "not counted", "reanchored", "lost spans"
    );
    for s in &r.sides {
        let nc: Vec<String> = s
            .not_counted
            .iter()
            .map(|(st, n)| format!("{n} {}", st.as_str()))
            .collect();
        let _ = writeln!(
            o,
            "{:<24} {:>8} {:>8} {:>14} {:>10} {:>10}",
            fit(&s.name, 24),
            s.records,
            s.decided,
            fit(&nc.join(","), 14),
            s.reanchored,
            s.lost_spans
        );
    }

    let row = |o: &mut String, notes: &mut Notes, name: &str, a: &Agreement| {
        let v = notes.value(a.value);
        let _ = writeln!(o, "  {:<34} {:>12} {:>10}", fit(name, 34), v, a.items);
    };
    for layer in &r.labels {
        let _ = writeln!(o);
        match &layer.figures {
            LayerFigures::Single(f) => {
                let _ = writeln!(
                    o,
                    "Document labels: {} (one value)  {:>22} {:>10}",
                    fit(&layer.layer, 16),
                    "value",
                    "items"
                );
                row(&mut o, &mut notes, "observed agreement", &f.observed);
                if let Some(k) = &f.cohen_kappa {
                    row(&mut o, &mut notes, "Cohen's kappa", k);
                }
                if let Some(k) = &f.scott_pi {
                    row(&mut o, &mut notes, "Scott's pi", k);
                }
                row(&mut o, &mut notes, "Fleiss' kappa", &f.fleiss_kappa);
                row(
                    &mut o,
                    &mut notes,
                    "Krippendorff's alpha (nominal)",
                    &f.krippendorff_alpha,
                );
                row(&mut o, &mut notes, "Gwet's AC1", &f.gwet_ac1);
            }
            LayerFigures::Multi(f) => {
                let _ = writeln!(
                    o,
                    "Document labels: {} (multi-label) {:>21} {:>10}",
                    fit(&layer.layer, 16),
                    "value",
                    "items"
                );
                row(
                    &mut o,
                    &mut notes,
                    "observed agreement (same set)",
                    &f.observed,
                );
                row(&mut o, &mut notes, "alpha over sets, MASI", &f.alpha_masi);
                row(
                    &mut o,
                    &mut notes,
                    "alpha over sets, Jaccard",
                    &f.alpha_jaccard,
                );
                for (value, a) in &f.per_value {
                    row(&mut o, &mut notes, &format!("alpha, value {value}"), a);
                }
            }
        }
        notes.flush(&mut o);
    }

    if r.spans.pairs.is_empty() {
        let pair = format!(
            "{} against {}",
            names.get(1).unwrap_or(&""),
            names.first().unwrap_or(&"")
        );
        span_table(&mut o, &mut notes, &pair, &r.spans.exact, &r.spans.overlap);
    } else {
        for p in &r.spans.pairs {
            let pair = format!("{} against {}", p.b, p.a);
            span_table(&mut o, &mut notes, &pair, &p.exact, &p.overlap);
        }
    }
    if let (Some(pe), Some(po)) = (&r.spans.pairwise_exact, &r.spans.pairwise_overlap) {
        let _ = writeln!(o);
        let _ = writeln!(o, "Pairwise span F1 (exact; lower triangle: overlap)");
        let _ = write!(o, "  {:<16}", "");
        for k in 0..names.len() {
            let _ = write!(o, " {:>9}", format!("({})", k + 1));
        }
        let _ = writeln!(o);
        for (i, n) in names.iter().enumerate() {
            let _ = write!(o, "  {:<16}", fit(&format!("({}) {n}", i + 1), 16));
            for j in 0..names.len() {
                let v = if j >= i {
                    pe.matrix[i][j]
                } else {
                    po.matrix[i][j]
                };
                let _ = write!(o, " {:>9}", notes.value(v));
            }
            let _ = writeln!(o);
        }
        let _ = writeln!(
            o,
            "  mean exact F1 {} over {} pairs; mean overlap F1 {} over {} pairs",
            notes.value(pe.mean),
            pe.pairs,
            notes.value(po.mean),
            po.pairs
        );
        notes.flush(&mut o);
    }

    let t = &r.tokens;
    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "Tokens (IOB2 tags on the project tokenizer) {:>12} {:>10}",
        "value", "items"
    );
    let covered = format!(
        "  {} {}: those every side decided ({})",
        t.documents,
        if t.documents == 1 {
            "document"
        } else {
            "documents"
        },
        t.sides.join(", ")
    );
    let _ = writeln!(o, "{}", fit(&covered, 80));
    let resolved = per_side(&t.sides, &t.overlaps_resolved);
    if !resolved.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            fit(
                &format!("  overlapping spans cut or dropped (a token takes one tag): {resolved}"),
                80
            )
        );
    }
    if let Some(k) = &t.cohen_kappa {
        row(&mut o, &mut notes, "Cohen's kappa", k);
    }
    row(
        &mut o,
        &mut notes,
        "Krippendorff's alpha (nominal)",
        &t.krippendorff_alpha,
    );
    let e = &t.entities.micro;
    let pair = format!("{} against {}", t.entities_b, t.entities_a);
    let _ = writeln!(o, "  entities, seqeval strict: {}", fit(&pair, 52));
    let _ = writeln!(
        o,
        "    P {} R {} F1 {} ({} A, {} B)",
        notes.value(e.precision),
        notes.value(e.recall),
        notes.value(e.f1),
        e.reference,
        e.compared
    );
    notes.flush(&mut o);

    let _ = writeln!(o);
    let _ = writeln!(
        o,
        "Unitized alpha (alpha-U, character positions) {:>10} {:>10}",
        "value", "units"
    );
    let joined = per_side(&t.sides, &r.alpha_u.joined);
    if !joined.is_empty() {
        let _ = writeln!(
            o,
            "{}",
            fit(
                &format!("  overlapping spans of one label joined first: {joined}"),
                80
            )
        );
    }
    row(&mut o, &mut notes, "overall", &r.alpha_u.figures.overall);
    for (label, a) in &r.alpha_u.figures.per_label {
        row(&mut o, &mut notes, label, &a.agreement);
    }
    notes.flush(&mut o);

    if !r.spans.confusion.is_empty() {
        let _ = writeln!(o);
        let _ = writeln!(
            o,
            "Label confusion, same extent (rows: earlier side, columns: later)"
        );
        let mut labels: Vec<&str> = r
            .spans
            .confusion
            .iter()
            .flat_map(|c| [c.a.as_str(), c.b.as_str()])
            .collect();
        labels.sort_unstable();
        labels.dedup();
        let _ = write!(o, "  {:<10}", "");
        for l in labels.iter().take(6) {
            let _ = write!(o, " {:>9}", fit(l, 9));
        }
        let _ = writeln!(o);
        for a in labels.iter().take(6) {
            let _ = write!(o, "  {:<10}", fit(a, 10));
            for b in labels.iter().take(6) {
                let n = r
                    .spans
                    .confusion
                    .iter()
                    .find(|c| c.a == *a && c.b == *b)
                    .map_or(0, |c| c.count);
                let _ = write!(o, " {n:>9}");
            }
            let _ = writeln!(o);
        }
        if labels.len() > 6 {
            let _ = writeln!(o, "  ({} labels; --json has them all)", labels.len());
        }
    }

    let _ = writeln!(o);
    if r.worst.is_empty() {
        let _ = writeln!(
            o,
            "Least-agreeing documents: none, every document compared agrees"
        );
    } else {
        let _ = writeln!(
            o,
            "Least-agreeing documents (F1: exact span F1; diffs: spans not matched)"
        );
        for w in &r.worst {
            let labels = if w.label_layers_differing.is_empty() {
                String::new()
            } else {
                format!(" · labels differ: {}", w.label_layers_differing.join(","))
            };
            let _ = writeln!(
                o,
                "  {:>10} {:>5} diffs{}",
                notes.value(w.f1),
                w.disagreements,
                labels
            );
            let _ = writeln!(o, "    {}", w.command);
        }
        notes.flush(&mut o);
    }
    o
}

/// `alice 2, bob 1`: the sides with a count above 0; empty when none has one.
fn per_side(sides: &[String], counts: &[usize]) -> String {
    sides
        .iter()
        .zip(counts)
        .filter(|(_, n)| **n > 0)
        .map(|(s, n)| format!("{s} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One pair's span scores: exact and overlap, micro, macro and per label.
fn span_table(
    o: &mut String,
    notes: &mut Notes,
    pair: &str,
    exact: &SpanScores<String>,
    overlap: &SpanScores<String>,
) {
    let _ = writeln!(o);
    let _ = writeln!(o, "Spans: {}", fit(pair, 72));
    let _ = writeln!(
        o,
        "  {:<22} {:>10} {:>10} {:>10} {:>8} {:>8}",
        "", "P", "R", "F1", "A spans", "B spans"
    );
    let scores = |o: &mut String, notes: &mut Notes, name: &str, s: &Scores| {
        let (p, rr, f) = (
            notes.value(s.precision),
            notes.value(s.recall),
            notes.value(s.f1),
        );
        let _ = writeln!(
            o,
            "  {:<22} {:>10} {:>10} {:>10} {:>8} {:>8}",
            fit(name, 22),
            p,
            rr,
            f,
            s.reference,
            s.compared
        );
    };
    for (m, s) in [("exact", exact), ("overlap", overlap)] {
        scores(o, notes, &format!("{m} micro"), &s.micro);
        let ma = &s.macro_avg;
        let (p, rr, f) = (
            notes.value(ma.precision),
            notes.value(ma.recall),
            notes.value(ma.f1),
        );
        let _ = writeln!(
            o,
            "  {:<22} {:>10} {:>10} {:>10} {:>8}",
            format!("{m} macro"),
            p,
            rr,
            f,
            format!("{} labels", ma.labels)
        );
        for (label, ls) in &s.per_label {
            scores(o, notes, &format!("  {m} {label}"), ls);
        }
    }
    notes.flush(o);
}
