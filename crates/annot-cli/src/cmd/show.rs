//! `annot show ID`: one document with its zones and annotations.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use annot_annotate::render::{Piece, RenderOptions, fit, wrap};

use annot_model::annotations::{Anchor, Annotations, Resolved};
use annot_model::marked;
use annot_model::offsets::OffsetMap;
use annot_model::project::Project;
use annot_model::record::Span;
use annot_model::{Zone, visible};
use anstyle::Style;
use serde::Serialize;

use crate::cli::{JsonArgs, PlainArgs};

/// Arguments of `annot show`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |a| a.help("Print JSON: the document and every annotator's latest record")))]
pub(crate) struct ShowArgs {
    /// Document id (as `annot status` and the corpus files give it), or the
    /// start of one that only one id has.
    pub(crate) id: String,
    /// Mark the spans of this annotator in the text (default: the only annotator, if one).
    #[arg(long)]
    pub(crate) annotator: Option<String>,
    /// Print every line with the zone the importer gives it, the rule that
    /// decided and the signals it read (words, stopwords, phrases, cues, ...).
    #[arg(long)]
    pub(crate) why: bool,
    #[command(flatten)]
    pub(crate) output: JsonArgs,
    #[command(flatten)]
    pub(crate) plain: PlainArgs,
}

#[derive(Serialize)]
struct ShowJson<'a> {
    document: &'a annot_model::Document,
    /// Every annotator's latest record, as it reads on the current text, with
    /// how it stands (`anchor`) and the spans not carried (`lost`).
    records: Vec<Resolved>,
}

/// Prints the document.
pub(crate) fn run(args: &ShowArgs, project: &Project, color: bool) -> anyhow::Result<ExitCode> {
    let corpus = project.corpus()?;
    let doc = corpus.get_at(corpus.find(&args.id)?)?;
    if args.why {
        let color = args.plain.color(color);
        return super::show_why::run(&doc, project, args.output.json, color, terminal_width());
    }
    let annotations = match &args.annotator {
        Some(name) => Annotations::load_only(project, std::slice::from_ref(name))?,
        None => Annotations::load(project)?,
    };
    for f in annotations.failures() {
        writeln!(
            std::io::stderr().lock(),
            "warning: the log of '{}' cannot be read, so its record is not shown: {}",
            f.annotator,
            visible(&f.error.to_string())
        )?;
    }
    let records = annotations.resolve_document(&doc.id, Some(&doc), &corpus)?;
    if args.output.json {
        crate::output::print_json(&ShowJson {
            document: &doc,
            records,
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let color = args.plain.color(color);
    let schema = project.schema()?;
    let chosen: Option<&Resolved> = match &args.annotator {
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
    let spans: &[Span] = chosen.map_or(&[], |r| r.record.spans.as_slice());
    let label_color = |label: &str| annot_annotate::render::label_color(&schema, label);

    // On a terminal the text wraps to its width, under the zone gutter.
    let screen = RenderOptions {
        color,
        width: terminal_width(),
    };
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
    writeln!(out, "{bold}── {} ──{bold:#}", visible(&doc.id))?;
    let m = &doc.meta;
    let facts: Vec<&str> = [&m.section, &m.byline, &m.date, &m.lang, &m.source]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    let mut line = String::new();
    wrap(
        &mut line,
        &[(facts.join(" · "), Style::new().dimmed())],
        0,
        2,
        &screen,
    );
    writeln!(out, "{line}")?;
    writeln!(out)?;

    let map = OffsetMap::new(&doc.text);
    // The document's text is what is drawn, never the record's copy of it.
    let slice = |start: usize, end: usize| map.to_bytes(start, end).map(|(a, b)| &doc.text[a..b]);
    let width = doc
        .zones
        .iter()
        .map(|z| z.zone.as_str().len())
        .max()
        .unwrap_or(4);
    for zone in &doc.zones {
        if slice(zone.start, zone.end).is_none() {
            continue;
        }
        let is_boiler = zone.zone == Zone::Boilerplate;
        let zstyle = if is_boiler { dim } else { Style::new() };
        // Every span that reaches into the zone, nested ones too: brackets
        // open and close where the spans do (a span across two zones is
        // drawn in each).
        let ranges: Vec<(usize, usize)> = spans.iter().map(|s| (s.start, s.end)).collect();
        let segs = marked::segments(&ranges, zone.start, zone.end);
        // The zone's lines, each a list of pieces of text with their style.
        let mut lines: Vec<Vec<Piece>> = vec![Vec::new()];
        let mut push = |text: &str, style: Style| {
            for (k, part) in text.split('\n').enumerate() {
                if k > 0 {
                    lines.push(Vec::new());
                }
                if let Some(line) = lines.last_mut()
                    && !part.is_empty()
                {
                    line.push((
                        part.to_owned(),
                        if is_boiler { style.dimmed() } else { style },
                    ));
                }
            }
        };
        for event in marked::events(&segs) {
            match event {
                marked::Event::Open(_) => {
                    if !color {
                        push("[", Style::new());
                    }
                }
                marked::Event::Text(seg) => {
                    let text = slice(seg.start, seg.end).unwrap_or_default();
                    match seg.covering.last() {
                        Some(&i) if color => {
                            let st = Style::new()
                                .fg_color(Some(label_color(&spans[i].label).into()))
                                .bold();
                            push(text, st);
                        }
                        Some(_) => push(text, Style::new()),
                        None => push(text, zstyle),
                    }
                }
                marked::Event::Close(i) => {
                    let label = &spans[i].label;
                    if color {
                        push(label, dim);
                    } else {
                        push(&format!("]{{{label}}}"), Style::new());
                    }
                }
            }
        }
        let gutter = width + 3;
        for (i, pieces) in lines
            .iter()
            .filter(|l| l.iter().any(|(t, _)| !t.trim().is_empty()))
            .enumerate()
        {
            let tag = if i == 0 {
                visible(zone.zone.as_str())
            } else {
                "".into()
            };
            let mut text = String::new();
            wrap(&mut text, pieces, gutter, gutter, &screen);
            // Continued lines keep the bar of the gutter.
            let text = text.replace(
                &format!("\n{}", " ".repeat(gutter)),
                &format!("\n{:width$} │ ", ""),
            );
            writeln!(out, "{dim}{tag:>width$}{dim:#} │ {text}")?;
        }
    }
    if doc.zones.is_empty() {
        writeln!(out, "{}", visible(&doc.text))?;
    }
    writeln!(out)?;
    if records.is_empty() {
        writeln!(out, "{dim}no annotations yet{dim:#}")?;
    }
    for res in &records {
        let r = &res.record;
        let labels: Vec<String> = r
            .labels
            .iter()
            .map(|(k, v)| format!("{k} {}", v.join(",")))
            .collect();
        let anchor = match &res.anchor {
            Anchor::Current => String::new(),
            Anchor::Reanchored { .. } => " · made on an older text, carried onto this one".into(),
            Anchor::UnknownText { hash } => {
                format!(" · made on a text (hash {hash}) the corpus does not keep")
            }
            Anchor::Orphaned => String::new(),
        };
        let rest = format!(
            "{} · {} spans{}{}{}",
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
            anchor
        );
        writeln!(
            out,
            "{bold}{}{bold:#} {}",
            visible(&res.annotator),
            visible(&rest)
        )?;
        if chosen.is_none_or(|c| c.annotator != res.annotator) {
            for (i, s) in r.spans.iter().enumerate() {
                let row = format!(
                    "  {:>3} {} {} [{}, {})",
                    i + 1,
                    s.label,
                    doc.slice(s.start, s.end).unwrap_or_default(),
                    s.start,
                    s.end
                );
                write!(out, "{}", fit(&format!("{}\n", visible(&row)), &screen))?;
            }
        }
        for l in &res.lost {
            let row = format!(
                "    ✗ {} {:?} [{}, {}) not shown: {}",
                l.span.label, l.span.text, l.span.start, l.span.end, l.loss
            );
            writeln!(out, "{}", visible(&row))?;
        }
        if let Some(z) = &res.dropped_zones {
            writeln!(
                out,
                "    ✗ {} zone correction(s) were made on an older text and are not shown",
                z.len()
            )?;
        }
        for u in schema.unknown_labels(&r.spans, &r.labels) {
            let row = format!("    ! {u} is not in schema {}", schema.id());
            writeln!(out, "{}", visible(&row))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The columns of standard output, when it is a terminal.
fn terminal_width() -> Option<usize> {
    let stdout = std::io::stdout();
    if !stdout.is_terminal() {
        return None;
    }
    terminal_size::terminal_size_of(&stdout)
        .map(|(w, _)| usize::from(w.0))
        .filter(|&w| w >= 20)
}
