//! Fitting the terminal: a document taller than the screen a page at a time
//! (`>`, `<`), the paragraphs an edit touched under its answer, one
//! paragraph (`l 7`), and the help in pages (`?`, `?` again).
//!
//! Only a session whose screen is a terminal of known height pages; a piped
//! session (scripts, tests) gets whole documents, as it always has.

use std::collections::BTreeSet;
use std::io::Write;

use anstyle::Style;

use super::{Session, complain};
use crate::edit::zones;
use crate::error::Result;
use crate::render::RenderOptions;
use crate::render::{self, Drawn, Painter, help_pages, rows};
use crate::span_numbers::SpanNumbers;
use crate::state::Annotation;
use crate::view::DocView;

/// At most this many touched paragraphs are drawn under an answer when
/// there is no terminal height to fit (a `*` mark or `y` can touch many).
const TOUCHED_PIPED: usize = 3;

/// Where the annotator is in the document and in the help.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Pager {
    /// The document the page belongs to; another one starts at its top.
    entry: Option<u32>,
    /// The first paragraph of the page, as an index into the paragraphs shown.
    first: usize,
    /// The help page the next `?` shows.
    help: usize,
}

/// The session's output, fitted to the terminal line by line on flush
/// ([`render::fit`]): lines drawn to fit pass as they are, a longer plain
/// line (an answer) wraps under its gutter.
pub(super) struct Fitted<'a> {
    inner: &'a mut dyn Write,
    buf: Vec<u8>,
    /// The width to fit; updated when the terminal is resized.
    pub(super) opts: RenderOptions,
}

impl<'a> Fitted<'a> {
    pub(super) fn new(inner: &'a mut dyn Write, opts: RenderOptions) -> Self {
        Self {
            inner,
            buf: Vec::new(),
            opts,
        }
    }
}

impl Write for Fitted<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buf.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if !self.buf.is_empty() {
            let text = std::mem::take(&mut self.buf);
            let text = String::from_utf8_lossy(&text);
            self.inner
                .write_all(render::fit(&text, &self.opts).as_bytes())?;
        }
        self.inner.flush()
    }
}

impl Drop for Fitted<'_> {
    fn drop(&mut self) {
        // What an error left unwritten still reaches the screen when it can.
        let _ = self.flush();
    }
}

/// Which way `>` and `<` go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Turn {
    Down,
    Up,
}

impl Session {
    /// The full redraw (opening a document, `l`, `b`): spans are numbered
    /// afresh in text order, and the page is drawn (the top of a document
    /// just opened).
    pub(super) fn show(&mut self, out: &mut dyn Write) -> Result<()> {
        let Some(cur) = &self.current else {
            return Ok(());
        };
        self.numbers = SpanNumbers::renumber(cur.state.current());
        if self.pager.entry != Some(cur.entry) {
            self.pager.entry = Some(cur.entry);
            self.pager.first = 0;
        }
        self.draw_page(out)?;
        self.show_choices(out)
    }

    /// Rows for paragraphs on a page, when pages are drawn: the terminal less
    /// the head, the position line, a blank line, the lists, one line of
    /// answer and the prompt.
    fn budget(&self, drawn: &Drawn) -> Option<usize> {
        let height = self.height?;
        let fixed = rows(&drawn.head) + 1 + 1 + rows(&drawn.lists) + 2;
        Some(height.saturating_sub(fixed).max(3))
    }

    /// The end (exclusive) of the page that starts at paragraph `first`:
    /// as many paragraphs as fit in `budget` rows, at least one.
    fn page_end(drawn: &Drawn, first: usize, budget: usize) -> usize {
        let mut used = 0;
        let mut end = first;
        for (_, para) in drawn.paragraphs.iter().skip(first) {
            used += rows(para);
            if used > budget && end > first {
                break;
            }
            end += 1;
        }
        end
    }

    /// Whether the whole document fits the terminal (always, without a height).
    fn fits(drawn: &Drawn, budget: Option<usize>) -> bool {
        budget.is_none_or(|b| {
            drawn.paragraphs.iter().map(|(_, p)| rows(p)).sum::<usize>() + rows(&drawn.hidden) <= b
        })
    }

    /// Draws the current page, or the whole document when it fits.
    fn draw_page(&mut self, out: &mut dyn Write) -> Result<()> {
        let Some(cur) = &self.current else {
            return Ok(());
        };
        let drawn = render::draw(&self.screen(cur), &self.render);
        let budget = self.budget(&drawn);
        let mut s = drawn.head.clone();
        match budget.filter(|_| !Self::fits(&drawn, budget)) {
            None => {
                for (_, para) in &drawn.paragraphs {
                    s.push_str(para);
                }
                s.push_str(&drawn.hidden);
            }
            Some(budget) => {
                let len = drawn.paragraphs.len();
                self.pager.first = self.pager.first.min(len.saturating_sub(1));
                let first = self.pager.first;
                let end = Self::page_end(&drawn, first, budget);
                for (_, para) in &drawn.paragraphs[first..end] {
                    s.push_str(para);
                }
                if end == len {
                    s.push_str(&drawn.hidden);
                }
                let p = Painter::new(&self.render);
                s.push_str(&p.dim(&position(&drawn, &cur.view, first, end)));
                s.push('\n');
            }
        }
        s.push('\n');
        s.push_str(&drawn.lists);
        out.write_all(s.as_bytes())?;
        Ok(())
    }

    /// `>` and `<`: the next or previous page.
    pub(super) fn turn(&mut self, turn: Turn, out: &mut dyn Write) -> Result<()> {
        let Some(cur) = &self.current else {
            return complain(out, &self.render, "no document is open");
        };
        let drawn = render::draw(&self.screen(cur), &self.render);
        let budget = self.budget(&drawn);
        let Some(budget) = budget.filter(|_| !Self::fits(&drawn, budget)) else {
            return complain(
                out,
                &self.render,
                "the whole document is on screen; > and < turn the pages of a document taller than the terminal",
            );
        };
        let first = self
            .pager
            .first
            .min(drawn.paragraphs.len().saturating_sub(1));
        let end = Self::page_end(&drawn, first, budget);
        match turn {
            Turn::Down if end >= drawn.paragraphs.len() => {
                let msg = format!(
                    "this is the last page ({}); < goes back, n to the next document",
                    position(&drawn, &cur.view, first, end)
                );
                return complain(out, &self.render, &msg);
            }
            Turn::Down => self.pager.first = end,
            Turn::Up if first == 0 => {
                return complain(out, &self.render, "this is the first page; > goes on");
            }
            Turn::Up => {
                // Back as far as a page fits before this one.
                let mut start = first;
                let mut used = 0;
                while start > 0 {
                    let r = rows(&drawn.paragraphs[start - 1].1);
                    if used + r > budget && start < first {
                        break;
                    }
                    used += r;
                    start -= 1;
                }
                self.pager.first = start;
            }
        }
        self.draw_page(out)
    }

    /// `l 7`: one paragraph, as it is now.
    pub(super) fn show_paragraph(&mut self, number: usize, out: &mut dyn Write) -> Result<()> {
        let Some(cur) = &self.current else {
            return complain(out, &self.render, "no document is open");
        };
        let n = cur.view.blocks.len();
        if number == 0 || number > n {
            let msg = format!("no ¶{number}: the paragraphs are ¶1 to ¶{n}");
            return complain(out, &self.render, &msg);
        }
        let para = render::paragraph(&self.screen(cur), number - 1, &self.render);
        out.write_all(para.as_bytes())?;
        Ok(())
    }

    /// After an edit: the span numbers follow it, and the paragraphs it
    /// touched are drawn as they are now; on a terminal the lists follow,
    /// so that the span list stays in view.
    pub(super) fn show_touched(&mut self, before: &Annotation, out: &mut dyn Write) -> Result<()> {
        let Some(cur) = &self.current else {
            return Ok(());
        };
        let after = cur.state.current();
        if after == before {
            return Ok(());
        }
        self.numbers.follow(after);
        let touched = touched(&cur.view, before, after);
        let screen = self.screen(cur);
        let drawn_lists = self.height.map(|_| {
            let mut lists = Vec::new();
            // Writing to memory does not fail.
            let _ = render::lists(&mut lists, &screen, &self.render);
            String::from_utf8_lossy(&lists).into_owned()
        });
        // On a terminal, as many paragraphs as leave the lists and prompt in view.
        let room = match (&drawn_lists, self.height) {
            (Some(lists), Some(h)) => h.saturating_sub(rows(lists) + 4).max(2),
            _ => usize::MAX,
        };
        let mut s = String::new();
        let mut used = 0;
        let mut left_out = Vec::new();
        for (k, &i) in touched.iter().enumerate() {
            let para = render::paragraph(&screen, i, &self.render);
            let fits = if self.height.is_some() {
                used + rows(&para) <= room || k == 0
            } else {
                k < TOUCHED_PIPED
            };
            if fits && left_out.is_empty() {
                used += rows(&para);
                s.push_str(&para);
            } else {
                left_out.push(format!("¶{}", i + 1));
            }
        }
        if !left_out.is_empty() {
            let msg = format!(
                "  … {} changed too (l shows the document, l 7 one paragraph)",
                left_out.join(" ")
            );
            let mut line = String::new();
            render::wrap(
                &mut line,
                &[(msg, Style::new().dimmed())],
                0,
                4,
                &self.render,
            );
            s.push_str(&line);
            s.push('\n');
        }
        if let Some(lists) = drawn_lists {
            s.push_str(&lists);
        }
        out.write_all(s.as_bytes())?;
        Ok(())
    }

    /// `?`: the help, a page at a time on a small terminal; `?` again turns the page.
    pub(super) fn help(&mut self, out: &mut dyn Write) -> Result<()> {
        let pages = help_pages(&self.render, self.height);
        let i = self.pager.help % pages.len().max(1);
        if let Some(page) = pages.get(i) {
            out.write_all(page.as_bytes())?;
        }
        self.pager.help = i + 1;
        Ok(())
    }

    /// Any command but `?` starts the help from its first page again.
    pub(super) fn reset_help(&mut self) {
        self.pager.help = 0;
    }
}

/// `¶3-¶9 of 17 · > next page · < previous`
fn position(drawn: &Drawn, view: &DocView, first: usize, end: usize) -> String {
    let number = |k: usize| drawn.paragraphs.get(k).map_or(0, |(i, _)| i + 1);
    let mut keys = Vec::new();
    if end < drawn.paragraphs.len() {
        keys.push("> next page");
    }
    if first > 0 {
        keys.push("< previous");
    }
    let keys = if keys.is_empty() {
        String::new()
    } else {
        format!(" · {}", keys.join(" · "))
    };
    format!(
        "¶{}-¶{} of {}{keys}",
        number(first),
        number(end.saturating_sub(1)),
        view.blocks.len()
    )
}

/// The paragraphs (indices from 0) whose drawing an edit changed: where a
/// span or a suggestion came or went, or whose zone changed.
fn touched(view: &DocView, before: &Annotation, after: &Annotation) -> Vec<usize> {
    let mut out = BTreeSet::new();
    let spans = |a: &Annotation| -> BTreeSet<(usize, usize, String)> {
        a.spans
            .iter()
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect()
    };
    let (b, a) = (spans(before), spans(after));
    for (s, _, _) in b.symmetric_difference(&a) {
        out.insert(view.block_of(*s));
    }
    let pending = |a: &Annotation| -> BTreeSet<(usize, usize)> {
        a.pending
            .iter()
            .flat_map(|g| g.occurrences.iter().copied())
            .collect()
    };
    let (b, a) = (pending(before), pending(after));
    for (s, _) in b.symmetric_difference(&a) {
        out.insert(view.block_of(*s));
    }
    if before.zones != after.zones {
        let (zb, za) = (zones(view, before), zones(view, after));
        for (i, block) in view.blocks.iter().enumerate() {
            if view.block_zone(block, zb) != view.block_zone(block, za) {
                out.insert(i);
            }
        }
    }
    out.into_iter().collect()
}
