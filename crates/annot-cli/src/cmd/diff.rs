//! `annot diff A B`: where two sides disagree, document by document.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

use annot_diff::align::{Aligned, Kind};
use annot_diff::diff::{DiffItem, DocumentDiff, diff};
use annot_model::offsets::OffsetMap;
use annot_model::project::Project;
use annot_model::{Span, marked, visible};
use anstyle::{AnsiColor, Style};
use serde::Serialize;

use crate::cli::{JsonArgs, PlainArgs};
use crate::cmd::compare::{SelectionArgs, load_sides};

/// Arguments of `annot diff`.
#[derive(Debug, clap::Args)]
#[command(
    mut_arg("json", |a| a.help("Print JSON: every document's aligned spans and labels")),
    after_help = "Sides: alice · alice@2026-11-20 · alice@2026-11-20T14:00 (UTC) · path/to/log.jsonl\n\
Kinds: same · label (same extent, other label) · boundary (overlapping extents) · only-a · only-b"
)]
pub(crate) struct DiffArgs {
    /// Side A.
    pub(crate) a: String,
    /// Side B.
    pub(crate) b: String,
    /// Only this document (repeatable).
    #[arg(long = "doc", value_name = "ID")]
    pub(crate) docs: Vec<String>,
    /// Only span disagreements where either side used this label.
    #[arg(long, value_name = "LABEL")]
    pub(crate) label: Option<String>,
    /// Show N characters around each disagreement instead of whole paragraphs
    /// (with --csv: the width of the left and right context, default 40).
    #[arg(long, value_name = "N")]
    pub(crate) context: Option<usize>,
    /// One CSV row per disagreement (doc, kind, A's span, B's span, context), RFC 4180.
    #[arg(long, conflicts_with = "json")]
    pub(crate) csv: bool,
    #[command(flatten)]
    pub(crate) selection: SelectionArgs,
    #[command(flatten)]
    pub(crate) output: JsonArgs,
    #[command(flatten)]
    pub(crate) plain: PlainArgs,
}

#[derive(Serialize)]
struct DiffJson {
    a: String,
    b: String,
    differing: Vec<DocumentDiff>,
    agreeing: Vec<String>,
    not_compared: Vec<DiffItem>,
    not_in_corpus: Vec<String>,
}

/// Prints the diff.
pub(crate) fn run(args: &DiffArgs, project: &Project, color: bool) -> anyhow::Result<ExitCode> {
    let selection = args.selection.selection(args.docs.clone())?;
    let sides = load_sides(project, &[args.a.clone(), args.b.clone()], "annot diff", 2)?;
    let corpus = project.corpus()?;
    for id in &args.docs {
        if corpus.entry(id).is_none() {
            return Err(annot_model::ModelError::UnknownDocument { id: id.clone() }.into());
        }
    }
    let mut out = std::io::stdout().lock();
    let mut agreeing = Vec::new();
    let mut not_compared = Vec::new();
    let mut differing = Vec::new();
    let mut csv = args.csv.then(|| {
        let mut w = csv::Writer::from_writer(Vec::new());
        let _ = w.write_record([
            "doc", "kind", "a_label", "a_start", "a_end", "a_text", "b_label", "b_start", "b_end",
            "b_text", "left", "right",
        ]);
        w
    });
    let style = Styles::new(args.plain.color(color));
    let terminal = std::io::IsTerminal::is_terminal(&std::io::stdout());
    let mut failure: Option<anyhow::Error> = None;
    let mut shown = 0usize;
    let skipped = diff(&sides, &corpus, &selection, args.label.as_deref(), |item| {
        match item {
            DiffItem::Agrees { doc } => agreeing.push(doc),
            DiffItem::NotCompared { .. } => not_compared.push(item),
            DiffItem::Differs(d) if args.output.json => differing.push(*d),
            DiffItem::Differs(d) => {
                shown += 1;
                let result = match &mut csv {
                    Some(w) => csv_rows(w, &d, args.context.unwrap_or(40), terminal),
                    None => {
                        let text = render(&d, &args.a, &args.b, args.context, &style);
                        out.write_all(text.as_bytes()).map_err(Into::into)
                    }
                };
                if let Err(e) = result {
                    failure.get_or_insert(e);
                }
            }
        }
        Ok(())
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    if args.output.json {
        crate::output::print_json(&DiffJson {
            a: args.a.clone(),
            b: args.b.clone(),
            differing,
            agreeing,
            not_compared,
            not_in_corpus: skipped.not_in_corpus,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(w) = csv {
        out.write_all(&w.into_inner()?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let list = |ids: &[String]| {
        let shown: Vec<&str> = ids.iter().take(8).map(String::as_str).collect();
        let more = ids.len().saturating_sub(8);
        format!(
            "{}{}",
            shown.join(", "),
            if more > 0 {
                format!(", and {more} more")
            } else {
                String::new()
            }
        )
    };
    let mut tail = String::new();
    if shown > 0 {
        let _ = writeln!(tail, "{shown} document(s) differ (shown above)");
    }
    if !agreeing.is_empty() {
        let _ = writeln!(
            tail,
            "{} {}: {}",
            agreeing.len(),
            if agreeing.len() == 1 {
                "document agrees"
            } else {
                "documents agree"
            },
            list(&agreeing)
        );
    } else if shown > 0 {
        let _ = writeln!(tail, "0 documents agree");
    }
    if !not_compared.is_empty() {
        let why: Vec<String> = not_compared
            .iter()
            .filter_map(|i| match i {
                DiffItem::NotCompared { doc, a, b } => {
                    let side = |n: &str, w: &Option<annot_diff::compare::Absence>| {
                        w.map(|w| format!("{n}: {w}"))
                    };
                    let parts: Vec<String> = [side(&args.a, a), side(&args.b, b)]
                        .into_iter()
                        .flatten()
                        .collect();
                    Some(format!("{doc} ({})", parts.join(", ")))
                }
                _ => None,
            })
            .collect();
        let _ = writeln!(tail, "{} documents not compared: {}", why.len(), list(&why));
    }
    if shown == 0
        && agreeing.is_empty()
        && not_compared.is_empty()
        && tail.is_empty()
        && skipped.not_in_corpus.is_empty()
    {
        let _ = writeln!(tail, "no document has a decision of both sides");
    }
    out.write_all(visible(&tail).as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// Colours per kind, or none.
struct Styles {
    color: bool,
}

impl Styles {
    fn new(color: bool) -> Self {
        Styles { color }
    }

    fn of(&self, kind: Kind) -> Style {
        if !self.color {
            return Style::new();
        }
        let c = match kind {
            Kind::Same => AnsiColor::Green,
            Kind::Relabeled => AnsiColor::Yellow,
            Kind::Boundary => AnsiColor::Magenta,
            Kind::OnlyA => AnsiColor::Red,
            Kind::OnlyB => AnsiColor::Cyan,
        };
        Style::new().fg_color(Some(c.into())).bold()
    }

    fn dim(&self) -> Style {
        if self.color {
            Style::new().dimmed()
        } else {
            Style::new()
        }
    }
}

fn span_words(s: &Span) -> String {
    format!("{} \"{}\" [{}, {})", s.label, s.text, s.start, s.end)
}

/// The tag drawn after a pair's text: the kind in words and both sides' view.
fn tag(p: &Aligned, a: &str, b: &str) -> String {
    let label = |s: &Option<Span>| s.as_ref().map_or("", |s| s.label.as_str()).to_owned();
    match p.kind {
        Kind::Same => label(&p.a),
        Kind::Relabeled => format!("label: {a} {} | {b} {}", label(&p.a), label(&p.b)),
        Kind::Boundary => format!(
            "boundary: {a} {} | {b} {}",
            p.a.as_ref().map(span_words).unwrap_or_default(),
            p.b.as_ref().map(span_words).unwrap_or_default()
        ),
        Kind::OnlyA => format!("only {a}: {}", label(&p.a)),
        Kind::OnlyB => format!("only {b}: {}", label(&p.b)),
    }
}

/// The text of `start..end` with the pairs inside drawn inline.
fn draw(
    d: &DocumentDiff,
    map: &OffsetMap,
    start: usize,
    end: usize,
    a: &str,
    b: &str,
    st: &Styles,
) -> String {
    let marks: Vec<(usize, usize)> = d.spans.iter().map(Aligned::extent).collect();
    let segs = marked::segments(&marks, start, end);
    let slice = |s: usize, e: usize| {
        map.to_bytes(s, e)
            .map_or("", |(x, y)| &d.document.text[x..y])
    };
    let mut line = String::new();
    let dim = st.dim();
    for ev in marked::events(&segs) {
        match ev {
            marked::Event::Open(i) => {
                if !st.color {
                    line.push('[');
                }
                let _ = i;
            }
            marked::Event::Text(seg) => {
                let text = visible(slice(seg.start, seg.end));
                match seg.covering.last() {
                    Some(&i) if st.color => {
                        let s = st.of(d.spans[i].kind);
                        let _ = write!(line, "{s}{text}{s:#}");
                    }
                    _ => line.push_str(&text),
                }
            }
            marked::Event::Close(i) => {
                let p = &d.spans[i];
                let t = visible(&tag(p, a, b)).into_owned();
                if st.color {
                    let s = st.of(p.kind);
                    let _ = write!(line, "{dim}{{{s}{t}{s:#}{dim}}}{dim:#}");
                } else {
                    let _ = write!(line, "]{{{t}}}");
                }
            }
        }
    }
    line
}

/// One document: header, the paragraphs (or context windows) with a disagreement,
/// labels side by side, spans not carried.
fn render(d: &DocumentDiff, a: &str, b: &str, context: Option<usize>, st: &Styles) -> String {
    let mut o = String::new();
    let map = OffsetMap::new(&d.document.text);
    let len = map.char_len();
    let counts: Vec<String> = Kind::ALL
        .iter()
        .filter(|k| k.is_disagreement())
        .filter_map(|k| {
            let n = d.spans.iter().filter(|p| p.kind == *k).count();
            (n > 0).then(|| format!("{n} {}", k.as_str()))
        })
        .chain((!d.zones.is_empty()).then(|| format!("{} zone", d.zones.len())))
        .collect();
    let _ = writeln!(o, "── {} ── {}", visible(&d.doc), counts.join(" · "));
    let disagreements: Vec<(usize, usize)> = d
        .spans
        .iter()
        .filter(|p| p.kind.is_disagreement())
        .map(Aligned::extent)
        .collect();
    // Windows to show: paragraphs (or N characters either side) around each disagreement, merged.
    let chars: Vec<char> = d.document.text.chars().collect();
    let mut windows: Vec<(usize, usize)> = disagreements
        .iter()
        .map(|&(s, e)| match context {
            Some(n) => (s.saturating_sub(n), e.saturating_add(n).min(len)),
            None => {
                let ps = chars[..s.min(len)]
                    .iter()
                    .rposition(|&c| c == '\n')
                    .map_or(0, |i| i + 1);
                let pe = chars[e.min(len)..]
                    .iter()
                    .position(|&c| c == '\n')
                    .map_or(len, |i| e + i);
                (ps, pe)
            }
        })
        .collect();
    windows.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.0 <= last.1 => last.1 = last.1.max(w.1),
            _ => merged.push(w),
        }
    }
    let dim = st.dim();
    for (s, e) in merged {
        let mut text = draw(d, &map, s, e, a, b, st);
        if context.is_some() {
            text = text.replace('\n', " ⏎ ");
            let before = if s > 0 { "…" } else { "" };
            let after = if e < len { "…" } else { "" };
            let _ = writeln!(o, "  {dim}{s:>6}{dim:#} {before}{}{after}", text.trim());
        } else {
            for l in text.split('\n').filter(|l| !l.trim().is_empty()) {
                let _ = writeln!(o, "  {l}");
            }
        }
    }
    for l in d.labels.iter().filter(|l| !l.agrees()) {
        let _ = writeln!(
            o,
            "  labels {}: {a} {} | {b} {}",
            visible(&l.layer),
            visible(&none_if_empty(&l.a)),
            visible(&none_if_empty(&l.b))
        );
    }
    for z in &d.zones {
        let text = map
            .to_bytes(z.start, z.end)
            .map_or("", |(x, y)| &d.document.text[x..y]);
        let side = |name: &str, zone: &Option<String>, corrected: bool| {
            format!(
                "{name} {} ({})",
                zone.as_deref().unwrap_or("no zone"),
                if corrected { "corrected" } else { "imported" }
            )
        };
        let row = format!(
            "  zones [{}, {}) \"{}\": {} | {}",
            z.start,
            z.end,
            excerpt(text, 40),
            side(a, &z.a, z.a_corrected),
            side(b, &z.b, z.b_corrected)
        );
        let _ = writeln!(o, "{}", visible(&row));
    }
    for (who, n) in [(a, d.dropped_zones_a), (b, d.dropped_zones_b)] {
        if n > 0 {
            let row =
                format!("  ✗ {who}: {n} zone correction(s) made on an older text, not compared");
            let _ = writeln!(o, "{}", visible(&row));
        }
    }
    for (who, lost) in [(a, &d.lost_a), (b, &d.lost_b)] {
        for l in lost {
            let row = format!(
                "  ✗ {who}: {} not compared: {}",
                span_words(&l.span),
                l.loss
            );
            let _ = writeln!(o, "{}", visible(&row));
        }
    }
    o.push('\n');
    o
}

/// The first `n` characters of `text` on one line, `…` when cut.
fn excerpt(text: &str, n: usize) -> String {
    let one_line = text.replace('\n', " ⏎ ");
    if one_line.chars().count() <= n {
        return one_line;
    }
    let cut: String = one_line.chars().take(n.saturating_sub(1)).collect();
    format!("{cut}…")
}

fn none_if_empty(v: &[String]) -> String {
    if v.is_empty() {
        "(none)".to_owned()
    } else {
        v.join(",")
    }
}

/// The CSV rows of one document: one per disagreeing pair, label layer and lost span.
fn csv_rows(
    w: &mut csv::Writer<Vec<u8>>,
    d: &DocumentDiff,
    width: usize,
    terminal: bool,
) -> anyhow::Result<()> {
    let map = OffsetMap::new(&d.document.text);
    let len = map.char_len();
    let slice = |s: usize, e: usize| {
        map.to_bytes(s, e)
            .map_or("", |(x, y)| &d.document.text[x..y])
    };
    // On a terminal, nothing that could act on it; in a file, the text as it is.
    let cell = |s: &str| {
        if terminal {
            visible(s).into_owned()
        } else {
            s.to_owned()
        }
    };
    let side = |s: &Option<Span>| match s {
        Some(s) => [
            s.label.clone(),
            s.start.to_string(),
            s.end.to_string(),
            cell(&s.text),
        ],
        None => Default::default(),
    };
    for p in d.spans.iter().filter(|p| p.kind.is_disagreement()) {
        let (s, e) = p.extent();
        let left = cell(slice(s.saturating_sub(width), s));
        let right = cell(slice(e, e.saturating_add(width).min(len)));
        let [al, as_, ae, at] = side(&p.a);
        let [bl, bs, be, bt] = side(&p.b);
        w.write_record([
            cell(&d.doc),
            p.kind.as_str().to_owned(),
            al,
            as_,
            ae,
            at,
            bl,
            bs,
            be,
            bt,
            left,
            right,
        ])?;
    }
    for z in &d.zones {
        let text = cell(slice(z.start, z.end));
        let zone = |x: &Option<String>| x.clone().unwrap_or_default();
        w.write_record([
            cell(&d.doc),
            "zone".to_owned(),
            zone(&z.a),
            z.start.to_string(),
            z.end.to_string(),
            text.clone(),
            zone(&z.b),
            z.start.to_string(),
            z.end.to_string(),
            text,
            cell(slice(z.start.saturating_sub(width), z.start)),
            cell(slice(z.end, z.end.saturating_add(width).min(len))),
        ])?;
    }
    for l in d.labels.iter().filter(|l| !l.agrees()) {
        let e = String::new();
        w.write_record([
            cell(&d.doc),
            "doc-label".to_owned(),
            cell(&l.layer),
            e.clone(),
            e.clone(),
            cell(&l.a.join("|")),
            cell(&l.layer),
            e.clone(),
            e.clone(),
            cell(&l.b.join("|")),
            e.clone(),
            e,
        ])?;
    }
    Ok(())
}
