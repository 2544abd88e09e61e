//! Wrapping: pieces of styled text laid out in lines, never cut inside a word.

use anstyle::Style;

use super::{Painter, RenderOptions, visible};

/// A piece of a line: text and its style.
pub(super) type Piece = (String, Style);

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
pub(super) fn wrap(
    out: &mut String,
    pieces: &[Piece],
    start_col: usize,
    indent: usize,
    opts: &RenderOptions,
) {
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
