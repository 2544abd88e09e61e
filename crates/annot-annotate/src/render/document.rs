//! The document screen: header, paragraphs with their marks, and the token ruler.

use std::io::{self, Write};

use annot_model::Record;
use annot_model::Schema;
use annot_model::Zone;
use annot_model::annotations::LostSpan;
use annot_model::marked::{self, Event};
use annot_model::visible;
use anstyle::Style;

use super::wrap::{Piece, wrap};
use super::{Painter, RenderOptions, label_color, lists};
use crate::edit::zones;
use crate::state::Annotation;
use crate::view::{Block, DocView};

/// What the screen shows about the current document.
#[derive(Debug)]
pub struct Screen<'a> {
    /// The document.
    pub view: &'a DocView,
    /// Its annotation now.
    pub ann: &'a Annotation,
    /// The schema.
    pub schema: &'a Schema,
    /// `doc 3/14`, or a note that the document is outside the list.
    pub position: String,
    /// The annotator's latest record of the document, if any.
    pub previous: Option<&'a Record>,
    /// Spans of that record that are not on the text now (corrupt, or lost
    /// when the text changed) and not marked again since.
    pub lost: Vec<&'a LostSpan>,
    /// Zone corrections of that record made on an older text, while none are made now.
    pub lost_zones: usize,
    /// Whether boilerplate paragraphs are shown.
    pub show_boilerplate: bool,
}

/// A span or suggestion drawn in the text.
struct Mark<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    suggested: bool,
}

/// The spans, then every occurrence of each pending suggestion; where two
/// marks are the same range, that order decides which is outside.
fn marks<'a>(ann: &'a Annotation) -> Vec<Mark<'a>> {
    let mut out: Vec<Mark<'a>> = ann
        .spans
        .iter()
        .map(|s| Mark {
            start: s.start,
            end: s.end,
            label: &s.label,
            suggested: false,
        })
        .collect();
    for g in &ann.pending {
        for &(start, end) in &g.occurrences {
            out.push(Mark {
                start,
                end,
                label: &g.label,
                suggested: true,
            });
        }
    }
    out
}

/// The pieces of one paragraph with its marks, laid out by [`marked`].
fn block_pieces(
    screen: &Screen<'_>,
    block: &Block,
    marks: &[Mark<'_>],
    opts: &RenderOptions,
) -> Vec<Piece> {
    let ranges: Vec<(usize, usize)> = marks.iter().map(|m| (m.start, m.end)).collect();
    let segments = marked::segments(&ranges, block.start, block.end);
    let mut pieces = Vec::new();
    for event in marked::events(&segments) {
        match event {
            Event::Open(_) if !opts.color => pieces.push(("[".to_owned(), Style::new())),
            Event::Open(_) => {}
            Event::Close(i) => {
                let m = &marks[i];
                let tag = if m.suggested {
                    format!("{}?", m.label)
                } else {
                    m.label.to_owned()
                };
                if opts.color {
                    let c = label_color(screen.schema, m.label);
                    pieces.push((tag, Style::new().fg_color(Some(c.into())).dimmed()));
                } else {
                    pieces.push((format!("]{{{tag}}}"), Style::new()));
                }
            }
            Event::Text(seg) => {
                // The innermost mark colours the text.
                let style = match seg.covering.last().map(|&i| &marks[i]) {
                    Some(m) => {
                        let base =
                            Style::new().fg_color(Some(label_color(screen.schema, m.label).into()));
                        if m.suggested {
                            base.underline()
                        } else {
                            base.bold()
                        }
                    }
                    None => Style::new(),
                };
                pieces.push((screen.view.slice(seg.start, seg.end).to_owned(), style));
            }
        }
    }
    pieces
}

/// Draws the document: header, paragraphs, then the lists.
///
/// # Errors
/// Writing fails.
pub fn document(out: &mut dyn Write, screen: &Screen<'_>, opts: &RenderOptions) -> io::Result<()> {
    let p = Painter::new(opts);
    let view = screen.view;
    let doc = &view.doc;
    let mut s = String::new();
    let title = format!("── {} ", visible(&doc.id));
    let pos = format!(" {} ──", visible(&screen.position));
    let width = opts.width.unwrap_or(78).max(40);
    let fill = width
        .saturating_sub(title.chars().count() + pos.chars().count())
        .max(2);
    s.push_str(&p.bold(&format!("{title}{}{pos}", "─".repeat(fill))));
    s.push('\n');
    let zones = zones(view, screen.ann);
    // The title paragraph shows the title; repeat it only when the text has none.
    let has_title = view
        .blocks
        .iter()
        .any(|b| view.block_zone(b, zones) == Some(&Zone::Title));
    if let Some(t) = doc.meta.title.as_ref().filter(|_| !has_title) {
        s.push_str(&p.bold(t));
        s.push('\n');
    }
    let m = &doc.meta;
    let facts: Vec<&str> = [&m.section, &m.byline, &m.date, &m.lang]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    if !facts.is_empty() {
        s.push_str(&p.dim(&facts.join(" · ")));
        s.push('\n');
    }
    if let Some(r) = screen.previous {
        s.push_str(&p.dim(&format!(
            "your last decision: {} at {}",
            r.status.as_str(),
            r.at
        )));
        s.push('\n');
    }
    s.push('\n');
    let all_marks = marks(screen.ann);
    let num_width = view.blocks.len().to_string().len();
    let mut hidden = 0;
    for (i, block) in view.blocks.iter().enumerate() {
        let zone = view.block_zone(block, zones);
        let has_marks = all_marks
            .iter()
            .any(|m| m.start < block.end && block.start < m.end);
        let boiler = zone == Some(&Zone::Boilerplate);
        if boiler && !screen.show_boilerplate && !has_marks {
            hidden += 1;
            continue;
        }
        let label = format!("¶{:<num_width$} ", i + 1);
        s.push_str(&p.dim(&label));
        let mut pieces = block_pieces(screen, block, &all_marks, opts);
        if boiler {
            for piece in &mut pieces {
                piece.1 = piece.1.dimmed();
            }
        }
        if let Some(z) = zone.filter(|z| **z != Zone::Body) {
            pieces.push((format!("  ‹{z}›"), Style::new().dimmed()));
        }
        let indent = label.chars().count();
        wrap(&mut s, &pieces, indent, indent, opts);
        s.push('\n');
    }
    if hidden > 0 {
        let what = if hidden == 1 {
            "paragraph"
        } else {
            "paragraphs"
        };
        s.push_str(&p.dim(&format!(
            "({hidden} boilerplate {what} hidden · b shows them)"
        )));
        s.push('\n');
    }
    s.push('\n');
    out.write_all(s.as_bytes())?;
    lists(out, screen, opts)
}

/// The token ruler: every token with its number, of one paragraph (1-based) or all shown ones.
///
/// # Errors
/// Writing fails.
pub fn ruler(
    out: &mut dyn Write,
    screen: &Screen<'_>,
    paragraph: Option<usize>,
    opts: &RenderOptions,
) -> io::Result<()> {
    let view = screen.view;
    let zones = zones(view, screen.ann);
    let mut s = String::new();
    let p = Painter::new(opts);
    for (i, block) in view.blocks.iter().enumerate() {
        match paragraph {
            Some(n) if n != i + 1 => continue,
            None if !screen.show_boilerplate
                && view.block_zone(block, zones) == Some(&Zone::Boilerplate) =>
            {
                continue;
            }
            _ => {}
        }
        let label = format!("¶{} ", i + 1);
        s.push_str(&p.dim(&label));
        let first = view.tokens.partition_point(|t| t.start < block.start);
        let mut pieces = Vec::new();
        for (k, t) in view
            .tokens
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, t)| t.start < block.end)
        {
            if k > first {
                pieces.push((" ".to_owned(), Style::new()));
            }
            pieces.push((format!("{}:", k + 1), Style::new().dimmed()));
            pieces.push((view.slice(t.start, t.end).to_owned(), Style::new()));
        }
        wrap(
            &mut s,
            &pieces,
            label.chars().count(),
            label.chars().count(),
            opts,
        );
        s.push('\n');
    }
    if s.is_empty() {
        s.push_str("  no such paragraph\n");
    }
    out.write_all(s.as_bytes())
}
