//! The screen: a document paragraph by paragraph with its spans, the lists
//! under it, the token ruler and the help.
//!
//! With colour, spans are coloured by label with the label name dim after
//! them and suggestions underlined with `?`; without (`--plain`, `NO_COLOR`,
//! no terminal) spans read `[text]{LABEL}` and suggestions `[text]{LABEL?}`.
//!
//! Text from outside (articles, ids, metadata, labels, notes, what was typed)
//! can hold escape sequences; it reaches the screen only through [`wrap`] and
//! [`Painter::paint`], which both pass it through [`visible`]. Offsets are
//! mapped to pieces of text first and each piece is made visible after, so
//! spans and the ruler stay where they are even where one character becomes
//! a four-character escape.

use std::io::{self, Write};

use annot_model::Record;
use annot_model::Schema;
use annot_model::Zone;
use annot_model::annotations::LostSpan;
use annot_model::marked::{self, Event};
use annot_model::visible;
use anstyle::{AnsiColor, Style};

use crate::edit::zones;
use crate::state::Annotation;
use crate::view::{Block, DocView};

/// How to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RenderOptions {
    /// ANSI colours and styles.
    pub color: bool,
    /// Wrap lines at this many columns (a terminal); `None` writes one line per paragraph.
    pub width: Option<usize>,
}

const PALETTE: [AnsiColor; 6] = [
    AnsiColor::Blue,
    AnsiColor::Magenta,
    AnsiColor::Green,
    AnsiColor::Yellow,
    AnsiColor::Cyan,
    AnsiColor::Red,
];

/// The colour of a span label: its place in the schema picks it.
#[must_use]
pub fn label_color(schema: &Schema, label: &str) -> AnsiColor {
    let i = schema
        .spans
        .labels
        .iter()
        .position(|l| l.name == label)
        .unwrap_or(PALETTE.len() - 1);
    PALETTE[i % PALETTE.len()]
}

/// Applies styles only when colour is on.
#[derive(Debug, Clone, Copy)]
pub struct Painter {
    color: bool,
}

impl Painter {
    /// A painter for these options.
    #[must_use]
    pub fn new(opts: &RenderOptions) -> Self {
        Self { color: opts.color }
    }

    /// `text` in `style` (plain text without colour), its control
    /// characters made [`visible`].
    #[must_use]
    pub fn paint(&self, text: &str, style: Style) -> String {
        let text = visible(text);
        if self.color && style != Style::new() {
            format!("{style}{text}{style:#}")
        } else {
            text.into_owned()
        }
    }

    /// Dim text.
    #[must_use]
    pub fn dim(&self, text: &str) -> String {
        self.paint(text, Style::new().dimmed())
    }

    /// Bold text.
    #[must_use]
    pub fn bold(&self, text: &str) -> String {
        self.paint(text, Style::new().bold())
    }
}

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
    /// Spans of that record that are not on the text now (corrupt, or lost when the text changed).
    pub lost: &'a [LostSpan],
    /// Whether boilerplate paragraphs are shown.
    pub show_boilerplate: bool,
}

/// A piece of a line: text and its style.
type Piece = (String, Style);

/// What wrapping sees: words (which may span several styles, like a span and
/// its label), runs of spaces, and line breaks. Words hold visible text, and
/// their length counts what the screen shows.
enum Item {
    Word(Vec<Piece>, usize),
    Space(Piece, usize),
    Newline,
}

fn items(pieces: &[Piece]) -> Vec<Item> {
    let mut out = Vec::new();
    let mut word: Vec<Piece> = Vec::new();
    let mut word_len = 0;
    let flush = |out: &mut Vec<Item>, word: &mut Vec<Piece>, len: &mut usize| {
        if !word.is_empty() {
            out.push(Item::Word(std::mem::take(word), *len));
            *len = 0;
        }
    };
    for (text, style) in pieces {
        for c in visible(text).chars() {
            match c {
                '\n' => {
                    flush(&mut out, &mut word, &mut word_len);
                    out.push(Item::Newline);
                }
                ' ' => {
                    flush(&mut out, &mut word, &mut word_len);
                    match out.last_mut() {
                        Some(Item::Space(sp, n)) => {
                            sp.0.push(' ');
                            *n += 1;
                        }
                        _ => out.push(Item::Space((" ".to_owned(), *style), 1)),
                    }
                }
                c => {
                    match word.last_mut() {
                        Some((t, st)) if st == style => t.push(c),
                        _ => word.push((c.to_string(), *style)),
                    }
                    word_len += 1;
                }
            }
        }
    }
    flush(&mut out, &mut word, &mut word_len);
    out
}

/// Writes pieces, wrapping at `width` (never inside a word) with `indent`
/// columns on continuation lines.
fn wrap(out: &mut String, pieces: &[Piece], start_col: usize, indent: usize, opts: &RenderOptions) {
    let painter = Painter::new(opts);
    let newline = |out: &mut String| {
        out.push('\n');
        out.push_str(&" ".repeat(indent));
    };
    let mut col = start_col;
    let mut space: Option<(Piece, usize)> = None;
    for item in items(pieces) {
        match item {
            Item::Newline => {
                newline(out);
                col = indent;
                space = None;
            }
            Item::Space(piece, n) => space = Some((piece, n)),
            Item::Word(parts, len) => {
                let gap = space.as_ref().map_or(0, |s| s.1);
                if opts
                    .width
                    .is_some_and(|w| col > indent && col + gap + len > w)
                {
                    newline(out);
                    col = indent;
                } else if let Some(((text, style), n)) = &space {
                    out.push_str(&painter.paint(text, *style));
                    col += n;
                }
                space = None;
                for (text, style) in &parts {
                    out.push_str(&painter.paint(text, *style));
                }
                col += len;
            }
        }
    }
    if let Some(((text, style), _)) = space {
        out.push_str(&painter.paint(&text, style));
    }
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

/// The numbered spans, pending suggestions, document labels, zone corrections and note.
///
/// # Errors
/// Writing fails.
pub fn lists(out: &mut dyn Write, screen: &Screen<'_>, opts: &RenderOptions) -> io::Result<()> {
    let p = Painter::new(opts);
    let ann = screen.ann;
    let label_style = |l: &str| Style::new().fg_color(Some(label_color(screen.schema, l).into()));
    let mut s = String::new();
    let row = |s: &mut String, head: &str, items: Vec<Vec<Piece>>| {
        s.push_str(&p.dim(&format!("{:<10} ", visible(head))));
        if items.is_empty() {
            s.push('–');
        }
        let mut pieces = Vec::new();
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                pieces.push(("   ".to_owned(), Style::new()));
            }
            pieces.extend(item);
        }
        wrap(s, &pieces, 11, 11, opts);
        s.push('\n');
    };
    let spans = ann
        .spans
        .iter()
        .enumerate()
        .map(|(i, sp)| {
            vec![
                (format!("{} ", i + 1), Style::new().bold()),
                (format!("{} ", sp.text.replace('\n', " ")), Style::new()),
                (sp.label.clone(), label_style(&sp.label)),
            ]
        })
        .collect();
    row(&mut s, "spans", spans);
    if !ann.pending.is_empty() {
        let items = ann
            .pending
            .iter()
            .map(|g| {
                let times = if g.occurrences.len() > 1 {
                    format!(" ×{}", g.occurrences.len())
                } else {
                    String::new()
                };
                vec![
                    (format!("{} ", g.number), Style::new().bold()),
                    (format!("{} ", g.text.replace('\n', " ")), Style::new()),
                    (g.label.clone(), label_style(&g.label)),
                    (times, Style::new()),
                ]
            })
            .collect();
        row(&mut s, "suggested", items);
    }
    for set in &screen.schema.labels {
        let values = ann
            .labels
            .get(&set.name)
            .map(|v| v.join(", "))
            .unwrap_or_default();
        let items = if values.is_empty() {
            vec![]
        } else {
            vec![vec![(values, Style::new())]]
        };
        row(&mut s, &set.name, items);
    }
    if let Some(z) = &ann.zones {
        let view = screen.view;
        let changed: Vec<Vec<Piece>> = view
            .blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let now = view.block_zone(b, z);
                (now != view.block_zone(b, &view.doc.zones)).then(|| {
                    let name = now.map_or("–", Zone::as_str);
                    vec![(format!("¶{} {name}", i + 1), Style::new())]
                })
            })
            .collect();
        row(&mut s, "zones", changed);
    }
    if let Some(n) = &ann.note {
        row(&mut s, "note", vec![vec![(n.clone(), Style::new())]]);
    }
    outside_schema(&mut s, screen, &p);
    out.write_all(s.as_bytes())
}

/// What the earlier record has that this screen cannot show as spans and
/// labels: spans lost or corrupt, and labels the schema does not have. Each
/// stays listed until the annotator deals with it; a decision asks first.
fn outside_schema(s: &mut String, screen: &Screen<'_>, p: &Painter) {
    let warn = Style::new().fg_color(Some(AnsiColor::Red.into()));
    for l in screen.lost {
        if l.is_marked_again(&screen.ann.spans) {
            continue;
        }
        s.push_str(&p.paint(
            &format!(
                "✗ lost     {} {:?} [{}, {}): {}\n",
                l.span.label, l.span.text, l.span.start, l.span.end, l.loss
            ),
            warn,
        ));
    }
    let unknown = screen
        .schema
        .unknown_labels(&screen.ann.spans, &screen.ann.labels);
    for u in unknown {
        s.push_str(&p.paint(
            &format!("! {u} is not in schema {}\n", screen.schema.id()),
            warn,
        ));
    }
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

/// What `?` prints.
pub const HELP: &str = "\
commands (Enter after each; numbers are those shown on screen)
  mark     Boukamal LOC          first occurrence of a word, with its label (name or key)
           \"armée syrienne\" ORG  several words: quote them (or just type them, label last)
           Syrie LOC *           * marks every occurrence
           OSDH                  no label: you are asked for one (p PER, o ORG, ...)
           t12-13 ORG            tokens 12 to 13, as numbered by the ruler
  ruler    r  /  r 3             token numbers of all paragraphs / of ¶3
  spans    d 3  /  d 2 5         delete span 3 / spans 2 and 5
           3 PER                 relabel span 3
           3 +1  /  3 -1         span 3 gains / loses a token at its end
           3 <+1 /  3 <-1        span 3 gains / loses a token at its start
  suggest  y  /  y 2             take every suggestion / suggestion 2
           n 2                   dismiss suggestion 2
  labels   topic conflict        set a document label (topic 2: the 2nd value)
           -topic conflict       unset it; `topic` alone lists the values
  zones    z 3 body              ¶3 is body;  z 4-6 boilerplate
  note     note texte tronqué    set the note;  `note` alone clears it
  decide   Enter or a            accept and save, then the next document
           x  /  s  /  f REASON  reject / skip (comes back later) / flag for review
  history  u  /  U               undo / redo (as far back as the document was opened)
  move     n  /  p  /  g ID      next / previous document / go to a document (unsaved work is kept)
  show     l  /  b  /  ?         the document again / boilerplate on-off / this help
  quit     q                     quit; changes not yet saved are dropped (Ctrl-D too)
";

#[cfg(test)]
#[path = "render_tests.rs"]
mod tests;
