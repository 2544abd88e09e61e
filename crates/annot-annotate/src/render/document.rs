//! The document screen: header, paragraphs with their marks, and the token ruler.

use std::io::{self, Write};

use annot_model::Record;
use annot_model::Schema;
use annot_model::Zone;
use annot_model::annotations::LostSpan;
use annot_model::marked::{self, Event};
use annot_model::visible;
use anstyle::Style;

use super::wrap::{Piece, display_width, wrap};
use super::{Painter, RenderOptions, label_color, lists};
use crate::edit::zones;
use crate::span_numbers::SpanNumbers;
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
    /// The numbers of the spans, as commands take them.
    pub numbers: &'a SpanNumbers,
}

/// A span or suggestion drawn in the text.
struct Mark<'a> {
    start: usize,
    end: usize,
    label: &'a str,
    suggested: bool,
    /// The span's number; suggestions have none.
    number: Option<usize>,
}

/// The spans, then every occurrence of each pending suggestion; where two
/// marks are the same range, that order decides which is outside.
fn marks<'a>(ann: &'a Annotation, numbers: &SpanNumbers) -> Vec<Mark<'a>> {
    let mut out: Vec<Mark<'a>> = ann
        .spans
        .iter()
        .enumerate()
        .map(|(i, s)| Mark {
            start: s.start,
            end: s.end,
            label: &s.label,
            suggested: false,
            number: numbers.number(ann, i),
        })
        .collect();
    for g in &ann.pending {
        for &(start, end) in &g.occurrences {
            out.push(Mark {
                start,
                end,
                label: &g.label,
                suggested: true,
                number: None,
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
                    if let Some(n) = m.number {
                        pieces.push((superscript(n), Style::new().dimmed()));
                    }
                } else {
                    let number = m.number.map(|n| format!("·{n}")).unwrap_or_default();
                    pieces.push((format!("]{{{tag}{number}}}"), Style::new()));
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

/// `³`: a span number as superscript digits.
fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .filter_map(|c| c.to_digit(10).and_then(|d| DIGITS.get(d as usize)))
        .collect()
}

/// The document screen cut in parts, so that a page of it can be shown.
#[derive(Debug, Clone, Default)]
pub struct Drawn {
    /// The rule with the id and position, the title and facts, a blank line.
    pub head: String,
    /// Each paragraph shown: its index (from 0) and its lines.
    pub paragraphs: Vec<(usize, String)>,
    /// `(3 boilerplate paragraphs hidden · b shows them)`, if any are.
    pub hidden: String,
    /// The lists under the text (spans, suggestions, labels, ...).
    pub lists: String,
}

/// The lines `text` takes.
#[must_use]
pub fn rows(text: &str) -> usize {
    text.matches('\n').count()
}

/// Draws every part of the document screen.
#[must_use]
pub fn draw(screen: &Screen<'_>, opts: &RenderOptions) -> Drawn {
    let view = screen.view;
    let zones = zones(view, screen.ann);
    let mut paragraphs = Vec::new();
    let mut hidden = 0;
    for (i, block) in view.blocks.iter().enumerate() {
        let boiler = view.block_zone(block, zones) == Some(&Zone::Boilerplate);
        if boiler && !screen.show_boilerplate && !has_marks(screen, block) {
            hidden += 1;
            continue;
        }
        paragraphs.push((i, paragraph(screen, i, opts)));
    }
    let hidden = if hidden > 0 {
        let what = if hidden == 1 {
            "paragraph"
        } else {
            "paragraphs"
        };
        let p = Painter::new(opts);
        format!(
            "{}\n",
            p.dim(&format!(
                "({hidden} boilerplate {what} hidden · b shows them)"
            ))
        )
    } else {
        String::new()
    };
    let mut lists_out = Vec::new();
    // Writing to memory does not fail.
    let _ = lists(&mut lists_out, screen, opts);
    Drawn {
        head: head(screen, opts),
        paragraphs,
        hidden,
        lists: String::from_utf8_lossy(&lists_out).into_owned(),
    }
}

fn has_marks(screen: &Screen<'_>, block: &Block) -> bool {
    let ann = screen.ann;
    ann.spans
        .iter()
        .map(|s| (s.start, s.end))
        .chain(
            ann.pending
                .iter()
                .flat_map(|g| g.occurrences.iter().copied()),
        )
        .any(|(s, e)| s < block.end && block.start < e)
}

/// The rule with the id and position, the title when the text has none, the facts.
fn head(screen: &Screen<'_>, opts: &RenderOptions) -> String {
    let p = Painter::new(opts);
    let view = screen.view;
    let doc = &view.doc;
    let mut s = String::new();
    let title = format!("── {} ", visible(&doc.id));
    let pos = format!(" {} ──", visible(&screen.position));
    let width = opts.width.unwrap_or(78);
    let fill = width
        .saturating_sub(display_width(&title) + display_width(&pos))
        .max(2);
    let rule = format!("{title}{}{pos}", "─".repeat(fill));
    if opts.width.is_some_and(|w| display_width(&rule) > w) {
        // An id too long for the line: the rule wraps like any text.
        let mut line = String::new();
        wrap(
            &mut line,
            &[(format!("{title}{pos}"), Style::new().bold())],
            0,
            3,
            opts,
        );
        s.push_str(&line);
    } else {
        s.push_str(&p.bold(&rule));
    }
    s.push('\n');
    let zones = zones(view, screen.ann);
    // The title paragraph shows the title; repeat it only when the text has none.
    let has_title = view
        .blocks
        .iter()
        .any(|b| view.block_zone(b, zones) == Some(&Zone::Title));
    let line = |s: &mut String, text: &str, style: Style| {
        wrap(s, &[(text.to_owned(), style)], 0, 2, opts);
        s.push('\n');
    };
    if let Some(t) = doc.meta.title.as_ref().filter(|_| !has_title) {
        line(&mut s, t, Style::new().bold());
    }
    let m = &doc.meta;
    let facts: Vec<&str> = [&m.section, &m.byline, &m.date, &m.lang]
        .into_iter()
        .filter_map(|v| v.as_deref())
        .collect();
    if !facts.is_empty() {
        line(&mut s, &facts.join(" · "), Style::new().dimmed());
    }
    if let Some(r) = screen.previous {
        line(
            &mut s,
            &format!("your last decision: {} at {}", r.status.as_str(), r.at),
            Style::new().dimmed(),
        );
    }
    s.push('\n');
    s
}

/// One paragraph (index from 0) with its marks, its number in the gutter
/// and its zone when not body, ending in a newline.
#[must_use]
pub fn paragraph(screen: &Screen<'_>, index: usize, opts: &RenderOptions) -> String {
    let view = screen.view;
    let Some(block) = view.blocks.get(index) else {
        return String::new();
    };
    let p = Painter::new(opts);
    let zone = view.block_zone(block, zones(view, screen.ann));
    let all_marks = marks(screen.ann, screen.numbers);
    let num_width = view.blocks.len().to_string().len();
    let mut s = String::new();
    let label = format!("¶{:<num_width$} ", index + 1);
    s.push_str(&p.dim(&label));
    let mut pieces = block_pieces(screen, block, &all_marks, opts);
    if zone == Some(&Zone::Boilerplate) {
        for piece in &mut pieces {
            piece.1 = piece.1.dimmed();
        }
    }
    if let Some(z) = zone.filter(|z| **z != Zone::Body) {
        pieces.push((format!("  ‹{z}›"), Style::new().dimmed()));
    }
    let indent = display_width(&label);
    wrap(&mut s, &pieces, indent, indent, opts);
    s.push('\n');
    s
}

/// The row (from 0) of paragraph `index`, as [`paragraph`] draws it, on
/// which the text at code point `offset` stands: the paragraph drawn up to
/// there, since the wrapping of a line never depends on the words after it.
#[must_use]
pub fn row_of(screen: &Screen<'_>, index: usize, offset: usize, opts: &RenderOptions) -> usize {
    let Some(block) = screen.view.blocks.get(index) else {
        return 0;
    };
    let cut = Block {
        start: block.start,
        end: offset.clamp(block.start, block.end),
    };
    let all_marks = marks(screen.ann, screen.numbers);
    let pieces = block_pieces(screen, &cut, &all_marks, opts);
    let num_width = screen.view.blocks.len().to_string().len();
    let indent = num_width + 2;
    let mut s = " ".repeat(indent);
    wrap(&mut s, &pieces, indent, indent, opts);
    rows(&s)
}

/// Draws the whole document: header, paragraphs, then the lists.
///
/// # Errors
/// Writing fails.
pub fn document(out: &mut dyn Write, screen: &Screen<'_>, opts: &RenderOptions) -> io::Result<()> {
    let d = draw(screen, opts);
    let mut s = d.head;
    for (_, para) in &d.paragraphs {
        s.push_str(para);
    }
    s.push_str(&d.hidden);
    s.push('\n');
    s.push_str(&d.lists);
    out.write_all(s.as_bytes())
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
            display_width(&label),
            display_width(&label),
            opts,
        );
        s.push('\n');
    }
    if s.is_empty() {
        s.push_str("  no such paragraph\n");
    }
    out.write_all(s.as_bytes())
}
