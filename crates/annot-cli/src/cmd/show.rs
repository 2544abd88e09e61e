//! `annot show ID`: one document with its zones and annotations.

use std::io::Write;
use std::process::ExitCode;

use annot_model::offsets::OffsetMap;
use annot_model::project::Project;
use annot_model::record::{Record, Span};
use annot_model::store::read_log;
use anstyle::Style;
use serde::Serialize;

/// Arguments of `annot show`.
#[derive(Debug, clap::Args)]
pub(crate) struct ShowArgs {
    /// Document id (as `annot status` and the corpus files give it).
    pub(crate) id: String,
    /// Mark the spans of this annotator in the text (default: the only annotator, if one).
    #[arg(long)]
    pub(crate) annotator: Option<String>,
    /// Print JSON: the document and every annotator's latest record.
    #[arg(long)]
    pub(crate) json: bool,
    /// No colour; spans shown as [text]{LABEL}.
    #[arg(long)]
    pub(crate) plain: bool,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    document: &'a annot_model::Document,
    records: Vec<Record>,
}

/// Prints the document.
pub(crate) fn run(args: &ShowArgs, project: &Project, color: bool) -> anyhow::Result<ExitCode> {
    let corpus = project.corpus()?;
    let doc = corpus.get(&args.id)?;
    let mut records = Vec::new();
    for name in project.annotators()? {
        let log = read_log(&project.log_path(&name)?)?;
        if let Some(r) = log.latest.get(&doc.id) {
            records.push(r.clone());
        }
    }
    if args.json {
        crate::output::print_json(&ShowJson {
            document: &doc,
            records,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = color && !args.plain;
    let schema = project.schema()?;
    let chosen: Option<&Record> = match &args.annotator {
        Some(name) => {
            let r = records.iter().find(|r| &r.annotator == name);
            if r.is_none() {
                anyhow::bail!("annotator '{name}' has no record of document '{}'", doc.id);
            }
            r
        }
        None if records.len() == 1 => records.first(),
        None => None,
    };
    let spans: &[Span] = chosen.map_or(&[], |r| r.spans.as_slice());
    let label_color = |label: &str| annot_annotate::render::label_color(&schema, label);

    let mut out = std::io::stdout().lock();
    let bold = if color {
        Style::new().bold()
    } else {
        Style::new()
    };
    let dim = if color {
        Style::new().dimmed()
    } else {
        Style::new()
    };
    writeln!(out, "{bold}── {} ──{bold:#}", doc.id)?;
    let m = &doc.meta;
    let facts: Vec<&str> = [&m.section, &m.byline, &m.date, &m.lang, &m.source]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    writeln!(out, "{dim}{}{dim:#}", facts.join(" · "))?;
    writeln!(out)?;

    let map = OffsetMap::new(&doc.text);
    let width = doc.zones.iter().map(|z| z.zone.len()).max().unwrap_or(4);
    for zone in &doc.zones {
        let Some((zs, ze)) = map.to_bytes(zone.start, zone.end) else {
            continue;
        };
        let is_boiler = zone.zone == "boilerplate";
        let zstyle = if is_boiler { dim } else { Style::new() };
        let mut line = String::new();
        let mut pos = zone.start;
        let mut inside: Vec<&Span> = spans
            .iter()
            .filter(|s| s.start >= zone.start && s.end <= zone.end)
            .collect();
        inside.sort_by_key(|s| (s.start, s.end));
        for s in inside {
            if s.start < pos {
                continue;
            }
            let (a, b) = (
                map.to_byte(pos).unwrap_or(zs),
                map.to_byte(s.start).unwrap_or(zs),
            );
            line.push_str(&doc.text[a..b]);
            if color {
                let st = Style::new()
                    .fg_color(Some(label_color(&s.label).into()))
                    .bold();
                line.push_str(&format!("{st}{}{st:#}{dim}{}{dim:#}", s.text, s.label));
            } else {
                line.push_str(&format!("[{}]{{{}}}", s.text, s.label));
            }
            pos = s.end;
        }
        let a = map.to_byte(pos).unwrap_or(ze);
        line.push_str(&doc.text[a..ze]);
        for (i, text) in line
            .split('\n')
            .filter(|l| !l.trim().is_empty())
            .enumerate()
        {
            let tag = if i == 0 { zone.zone.as_str() } else { "" };
            writeln!(out, "{dim}{tag:>width$}{dim:#} │ {zstyle}{text}{zstyle:#}")?;
        }
    }
    if doc.zones.is_empty() {
        writeln!(out, "{}", doc.text)?;
    }
    writeln!(out)?;
    if records.is_empty() {
        writeln!(out, "{dim}no annotations yet{dim:#}")?;
    }
    for r in &records {
        let labels: Vec<String> = r
            .labels
            .iter()
            .map(|(k, v)| format!("{k} {}", v.join(",")))
            .collect();
        writeln!(
            out,
            "{bold}{}{bold:#} {} · {} spans{}{}{}",
            r.annotator,
            r.status.as_str(),
            r.spans.len(),
            if labels.is_empty() {
                String::new()
            } else {
                format!(" · {}", labels.join(" · "))
            },
            r.note
                .as_deref()
                .map(|n| format!(" · note: {n}"))
                .unwrap_or_default(),
            if r.hash == doc.hash {
                ""
            } else {
                " · made on an older text"
            }
        )?;
        if chosen.is_none_or(|c| c.annotator != r.annotator) {
            for (i, s) in r.spans.iter().enumerate() {
                writeln!(
                    out,
                    "  {:>3} {} {} [{}, {})",
                    i + 1,
                    s.label,
                    s.text,
                    s.start,
                    s.end
                )?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
