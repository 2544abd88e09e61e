//! The screen: a document paragraph by paragraph with its spans, the lists
//! under it, the token ruler and the help.
//!
//! - `document`: the document screen and the token ruler
//! - `lists`: the spans, suggestions, labels and note under the text
//! - [`wrap`]: line wrapping that never cuts a word and counts the columns the
//!   screen shows; `annot show` wraps with it too
//! - `help`: the text of `?`
//!
//! With colour, spans are coloured by label with the label name dim after
//! them and suggestions underlined with `?`; without (`--plain`, `NO_COLOR`,
//! no terminal) spans read `[text]{LABEL·3}` and suggestions `[text]{LABEL?}`;
//! with colour the span number is a dim superscript after the label (`LOC³`).
//!
//! Text from outside (articles, ids, metadata, labels, notes, what was typed)
//! can hold escape sequences; it reaches the screen only through `wrap` and
//! [`Painter::paint`], which both pass it through [`visible()`]. Offsets are
//! mapped to pieces of text first and each piece is made visible after, so
//! spans and the ruler stay where they are even where one character becomes
//! a four-character escape.

use annot_model::Schema;
use annot_model::visible;
use anstyle::{AnsiColor, Style};

mod document;
mod help;
mod lists;
pub mod wrap;

pub use document::{Drawn, Screen, document, draw, paragraph, row_of, rows, ruler};
pub use help::{HELP, help_pages};
pub use lists::lists;
pub use wrap::{Piece, display_width, fit, message, wrap};

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
    /// characters made [`visible()`].
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

#[cfg(test)]
mod tests;
