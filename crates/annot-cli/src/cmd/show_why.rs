//! `annot show --why ID`: every line of a document with the zone the
//! importer gives it, the rule that decided and the signals it read.

use std::io::Write;
use std::process::ExitCode;

use annot_annotate::render::{RenderOptions, fit};
use annot_import::{
    DEFAULT_RECURRENCE_SAMPLE, ImportOptions, LineCounts, LineWhy, Recurrence, RecurrenceSample,
    explain_article,
};
use annot_model::project::Project;
use annot_model::{Document, visible};
use anstyle::Style;
use serde::Serialize;

/// One line as `--why --json` prints it.
#[derive(Serialize)]
struct WhyJson<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    zone: &'static str,
    /// The zone the document has stored there, when it differs.
    #[serde(skip_serializing_if = "Option::is_none")]
    stored: Option<&'a str>,
    reason: &'static str,
    words: usize,
    chars: usize,
    stopwords: u8,
    sentence_end: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    phrase: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cue: Option<&'static str>,
    counter: bool,
    recurrent: bool,
    dateline: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    byline: Option<&'a str>,
    name: bool,
    /// The line model's probability that the line is body.
    body_probability: f32,
    /// Whether the model may move the line between body and boilerplate
    /// (no hard evidence decided it); false: the rules decide.
    decidable: bool,
    /// The zone the rules gave, when the model overruled them.
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_zone: Option<&'static str>,
    /// The features that weighed most in the model's score, with their part.
    model_top: Vec<(&'static str, f32)>,
}

/// Prints why each line of `doc` is in its zone. Recurrence is counted over
/// the project's documents as an import of all of them would count it: the
/// same sample of pages (all of them up to [`DEFAULT_RECURRENCE_SAMPLE`], else
/// each page kept or not by the hash of its id that import uses) and the
/// import's thresholds: an import records none (they are not options), so they
/// are the defaults, and the heading says so.
pub(crate) fn run(
    doc: &Document,
    project: &Project,
    json: bool,
    color: bool,
    width: Option<usize>,
) -> anyhow::Result<ExitCode> {
    let corpus = project.corpus()?;
    let sample = RecurrenceSample {
        total: corpus.len() as u64,
        sample: DEFAULT_RECURRENCE_SAMPLE,
    };
    let mut counts = LineCounts::new();
    for other in corpus.iter() {
        let other = other?;
        if sample.keeps(
            Some(&other.id),
            other.meta.source.as_deref().unwrap_or_default(),
        ) {
            counts.add_text(&other.text);
        }
    }
    let opts = ImportOptions::default();
    let recurrence = Recurrence {
        counts: &counts,
        min_docs: opts.boilerplate_min_docs,
        min_share: opts.boilerplate_min_share,
    };
    let lines = explain_article(&doc.text, Some(recurrence));
    let stored = |line: &LineWhy| {
        doc.zones
            .iter()
            .find(|z| z.start <= line.start && line.start < z.end)
            .map_or("none", |z| z.zone.as_str())
    };
    let text = |line: &LineWhy| doc.slice(line.start, line.end).unwrap_or_default();
    if json {
        let rows: Vec<WhyJson<'_>> = lines
            .iter()
            .map(|l| {
                let s = &l.signals;
                WhyJson {
                    start: l.start,
                    end: l.end,
                    text: text(l),
                    zone: l.zone.name(),
                    stored: Some(stored(l)).filter(|z| *z != l.zone.name()),
                    reason: l.reason.describe(),
                    words: s.words,
                    chars: s.chars,
                    stopwords: s.stopwords,
                    sentence_end: s.sentence_end,
                    phrase: s.phrase,
                    cue: s.cue.map(annot_import::cues::Cue::name),
                    counter: s.counter,
                    recurrent: s.recurrent,
                    dateline: s.dateline,
                    byline: s.byline.as_deref(),
                    name: s.name,
                    body_probability: l.model.probability,
                    decidable: l.model.decidable,
                    rule_zone: Some(l.model.rule_zone.name()).filter(|z| *z != l.zone.name()),
                    model_top: l.model.top.clone(),
                }
            })
            .collect();
        crate::output::print_json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let screen = RenderOptions { color, width };
    let dim = if color {
        Style::new().dimmed()
    } else {
        Style::new()
    };
    let mut out = std::io::stdout().lock();
    let heading = format!(
        "── {} ── why each line is in its zone (recurrence over {}, as import counts it, with the default thresholds: a line in at least {} documents and {}% of them)\n",
        visible(&doc.id),
        if sample.total <= sample.sample {
            format!("the {} documents of the corpus", counts.documents())
        } else {
            format!(
                "a sample of {} of the corpus's {} documents",
                counts.documents(),
                sample.total
            )
        },
        recurrence.min_docs,
        recurrence.min_share * 100.0
    );
    write!(out, "{}", fit(&heading, &screen))?;
    let mut differ = 0;
    for l in &lines {
        let here = stored(l);
        let mark = if here == l.zone.name() {
            ""
        } else {
            differ += 1;
            "*"
        };
        let row = format!("{:<11}{mark:1} {}", l.zone.name(), visible(text(l)));
        write!(out, "{}", fit(&format!("{row}\n"), &screen))?;
        let detail = format!("{:13}{} · {}", "", l.reason.describe(), signals(l));
        write!(
            out,
            "{dim}{}{dim:#}",
            fit(&format!("{}\n", visible(&detail)), &screen)
        )?;
        let model = format!("{:13}{}", "", model(l));
        write!(out, "{dim}{}{dim:#}", fit(&format!("{model}\n"), &screen))?;
    }
    if differ > 0 {
        let footer = format!(
            "* {differ} line(s) are stored in another zone: the document came from a JSONL or \
             CSV record (one body zone), or was imported with other documents around it or by \
             another version of annot\n"
        );
        write!(out, "{}", fit(&footer, &screen))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The line model's part: its body probability, the rules' zone when it
/// overruled them, and the features that weighed most (their part in the
/// score, positive for body): "model 0.97 · ends a sentence +1.1, …".
fn model(line: &LineWhy) -> String {
    let m = &line.model;
    let mut head = format!("model {:.2}", m.probability);
    if m.rule_zone != line.zone {
        head.push_str(&format!(" (rules: {})", m.rule_zone.name()));
    } else if !m.decidable {
        head.push_str(" (rules decide)");
    }
    // The weightiest first, as many as fit in 80 columns under the indent.
    let mut out = format!("{head} ·");
    for (k, (name, part)) in m.top.iter().enumerate() {
        let sep = if k == 0 { " " } else { ", " };
        let item = format!("{sep}{name} {part:+.1}");
        if k > 0 && out.chars().count() + item.chars().count() > MODEL_COLUMNS {
            break;
        }
        out.push_str(&item);
    }
    out
}

/// Room for the model's line: 80 columns less the 13 of the indent.
const MODEL_COLUMNS: usize = 67;

/// The signals of a line, in words.
fn signals(line: &LineWhy) -> String {
    let s = &line.signals;
    let words = if s.words >= 8 {
        "8+ words".to_string()
    } else {
        format!("{} word{}", s.words, if s.words == 1 { "" } else { "s" })
    };
    let mut parts = vec![
        words,
        format!("{} chars", s.chars),
        format!("{}% stopwords", s.stopwords),
    ];
    if s.sentence_end {
        parts.push("ends a sentence".into());
    }
    if let Some(p) = s.phrase {
        parts.push(p.into());
    }
    if let Some(c) = s.cue {
        parts.push(c.name().into());
    }
    if s.counter {
        parts.push("counter".into());
    }
    if s.recurrent {
        parts.push("recurs".into());
    }
    if s.dateline {
        parts.push("date".into());
    }
    if let Some(b) = &s.byline {
        parts.push(format!("byline {b}"));
    }
    if s.name {
        parts.push("a name".into());
    }
    parts.join(", ")
}
