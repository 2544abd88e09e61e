//! Wrapping: pieces of styled text laid out in lines, never cut inside a word
//! unless the word alone is wider than the line.
//!
//! Widths are terminal columns ([`display_width`]): a CJK character or an
//! emoji takes two, a combining accent none.

use anstyle::Style;
use unicode_width::UnicodeWidthChar;

use super::{Painter, RenderOptions, visible};

/// A piece of a line: text and its style.
pub type Piece = (String, Style);

/// The columns `text` takes on a terminal (text without escape sequences).
#[must_use]
pub fn display_width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> usize {
    // Tabs and the few controls `visible` keeps count as one column.
    c.width().unwrap_or(1)
}

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
                    word_len += char_width(c);
                }
            }
        }
    }
    flush(&mut out, &mut word, &mut word_len);
    out
}

/// Writes pieces, wrapping at `opts.width` (never inside a word that fits a
/// line) with `indent` columns on continuation lines. `start_col` is the
/// column the first piece starts at.
pub fn wrap(
    out: &mut String,
    pieces: &[Piece],
    start_col: usize,
    indent: usize,
    opts: &RenderOptions,
) {
    let mut line = Line {
        out,
        painter: Painter::new(opts),
        run: String::new(),
        style: Style::new(),
        indent,
    };
    let mut col = start_col;
    let mut space: Option<(Piece, usize)> = None;
    for item in items(pieces) {
        match item {
            Item::Newline => {
                line.newline();
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
                    line.newline();
                    col = indent;
                } else if let Some(((text, style), n)) = &space {
                    line.push(text, *style);
                    col += n;
                }
                space = None;
                match opts.width {
                    // A word wider than a whole line is cut where the line ends.
                    Some(w) if col + len > w && w > indent => {
                        for (text, style) in &parts {
                            for c in text.chars() {
                                let cw = char_width(c);
                                if col + cw > w && col > indent {
                                    line.newline();
                                    col = indent;
                                }
                                line.push(c.encode_utf8(&mut [0; 4]), *style);
                                col += cw;
                            }
                        }
                    }
                    _ => {
                        for (text, style) in &parts {
                            line.push(text, *style);
                        }
                        col += len;
                    }
                }
            }
        }
    }
    if let Some(((text, style), _)) = space {
        line.push(&text, style);
    }
    line.flush();
}

/// Output being wrapped: text of one style is painted as one run, so that
/// a bold line is one escape sequence, not one a word.
struct Line<'a> {
    out: &'a mut String,
    painter: Painter,
    run: String,
    style: Style,
    indent: usize,
}

impl Line<'_> {
    fn push(&mut self, text: &str, style: Style) {
        if style != self.style {
            self.flush();
            self.style = style;
        }
        self.run.push_str(text);
    }

    fn flush(&mut self) {
        if !self.run.is_empty() {
            let run = std::mem::take(&mut self.run);
            self.out.push_str(&self.painter.paint(&run, self.style));
        }
    }

    fn newline(&mut self) {
        self.flush();
        self.out.push('\n');
        self.out.push_str(&" ".repeat(self.indent));
    }
}

/// Text laid out in columns (the help, tables, messages) wrapped at
/// `opts.width`: each line that is too wide continues under its last column,
/// the text after its last run of two or more spaces (or under its own indent
/// when there is none or it is too far right to leave room). Lines that hold
/// escape sequences were drawn to fit already and are left as they are.
/// Without a width the text is unchanged.
#[must_use]
pub fn fit(text: &str, opts: &RenderOptions) -> String {
    let Some(width) = opts.width else {
        return text.to_owned();
    };
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        let (line, nl) = match line.strip_suffix('\n') {
            Some(l) => (l, "\n"),
            None => (line, ""),
        };
        if line.contains('\u{1b}') {
            out.push_str(line);
        } else if display_width(line) <= width {
            out.push_str(&visible(line));
        } else {
            let indent = gutter(line)
                .filter(|&g| g * 3 <= width * 2)
                .unwrap_or_else(|| line.chars().take_while(|&c| c == ' ').count());
            let plain = RenderOptions {
                color: false,
                width: Some(width),
            };
            wrap(
                &mut out,
                &[(line.to_owned(), Style::new())],
                0,
                indent,
                &plain,
            );
        }
        out.push_str(nl);
    }
    out
}

/// The column after the last run of two or more spaces inside a line.
fn gutter(line: &str) -> Option<usize> {
    let mut col = 0;
    let mut run = 0;
    let mut found = None;
    let mut seen_text = false;
    for c in line.chars() {
        if c == ' ' {
            run += 1;
        } else {
            if run >= 2 && seen_text {
                found = Some(col);
            }
            run = 0;
            seen_text = true;
        }
        col += char_width(c);
    }
    found
}

/// A message under the prompt: `gutter` before it (`  `, `  ! `), wrapped
/// at the width with continuation lines under its first word.
#[must_use]
pub fn message(gutter: &[Piece], text: &str, opts: &RenderOptions) -> String {
    let start: usize = gutter.iter().map(|(t, _)| display_width(t)).sum();
    let mut out = String::new();
    let p = Painter::new(opts);
    for (t, style) in gutter {
        out.push_str(&p.paint(t, *style));
    }
    wrap(
        &mut out,
        &[(text.to_owned(), Style::new())],
        start,
        start,
        opts,
    );
    out.push('\n');
    out
}
