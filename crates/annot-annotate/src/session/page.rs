//! Fitting the terminal: a document taller than the screen a page at a time
//! (`>`, `<`), the paragraphs an edit touched under its answer, one
//! paragraph (`l 7`), and the help in pages (`?`, `?` again).
//!
//! Only a session whose screen is a terminal of known height pages; a piped
//! session (scripts, tests) gets whole documents, as it always has.

use std::collections::{BTreeMap, BTreeSet};
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
    /// The first row of that paragraph on the page: past 0 when a paragraph
    /// taller than the page is split across pages.
    row: usize,
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
            self.pager.row = 0;
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

    /// Whether the whole document fits the terminal (always, without a height).
    fn fits(drawn: &Drawn, budget: Option<usize>) -> bool {
        budget.is_none_or(|b| {
            drawn.paragraphs.iter().map(|(_, p)| rows(p)).sum::<usize>() + rows(&drawn.hidden) <= b
        })
    }

    /// Where the page starts, in rows from the top of the text.
    fn page_start(&self, pages: &Pages) -> usize {
        let k = self.pager.first.min(pages.starts.len().saturating_sub(1));
        let para = pages.starts.get(k).copied().unwrap_or(0);
        let next = pages.starts.get(k + 1).copied().unwrap_or(pages.total);
        (para + self.pager.row).min(next.saturating_sub(1).max(para))
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
                let pages = Pages::new(&drawn);
                let first = self.page_start(&pages);
                let (end, position) = self.layout(&pages, &drawn, &cur.view, first, budget);
                for line in &pages.lines[first..end] {
                    s.push_str(line);
                    s.push('\n');
                }
                if end == pages.total {
                    s.push_str(&drawn.hidden);
                }
                s.push_str(&position);
                s.push('\n');
            }
        }
        s.push('\n');
        s.push_str(&drawn.lists);
        out.write_all(s.as_bytes())?;
        Ok(())
    }

    /// The end of the page that starts at `first`, and its position line
    /// drawn: a position that wraps takes its rows from the page.
    fn layout(
        &self,
        pages: &Pages<'_>,
        drawn: &Drawn,
        view: &DocView,
        first: usize,
        budget: usize,
    ) -> (usize, String) {
        let mut rows_for_text = budget;
        loop {
            let end = pages.end(first, rows_for_text);
            let mut line = String::new();
            render::wrap(
                &mut line,
                &[(
                    pages.position(drawn, view, first, end),
                    Style::new().dimmed(),
                )],
                0,
                2,
                &self.render,
            );
            let extra = rows(&line);
            if rows_for_text <= 1 || rows_for_text + extra <= budget {
                return (end, line);
            }
            rows_for_text = budget.saturating_sub(extra).max(1);
        }
    }

    /// `>` and `<` (PageDown, PageUp at a terminal): the next or previous page.
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
        let pages = Pages::new(&drawn);
        let first = self.page_start(&pages);
        let end_of = |start: usize| self.layout(&pages, &drawn, &cur.view, start, budget).0;
        let end = end_of(first);
        let to = match turn {
            Turn::Down if end >= pages.total => {
                let msg = format!(
                    "this is the last page ({}); < goes back, n to the next document",
                    pages.position(&drawn, &cur.view, first, end)
                );
                return complain(out, &self.render, &msg);
            }
            Turn::Down => end,
            Turn::Up if first == 0 => {
                return complain(out, &self.render, "this is the first page; > goes on");
            }
            // The page before this one, as paging down from the top lays them out.
            Turn::Up => std::iter::successors(Some(0), |&start| {
                let end = end_of(start);
                (end < pages.total && end > start).then_some(end)
            })
            .take_while(|&start| start < first)
            .last()
            .unwrap_or(0),
        };
        let (k, row) = pages.locate(to);
        self.pager.first = k;
        self.pager.row = row;
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
        for (k, &(i, changed)) in touched.iter().enumerate() {
            let mut para = render::paragraph(&screen, i, &self.render);
            if self.height.is_some() && rows(&para) > room {
                // Taller than the room: the rows around the change.
                let at = render::row_of(&screen, i, changed, &self.render);
                para = window(&para, at, room, i, &Painter::new(&self.render));
            }
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

/// The paragraphs shown, as rows: a page is a run of rows that breaks
/// between paragraphs, except in a paragraph taller than the page, which is
/// split between its rows.
struct Pages<'a> {
    /// Every row of the text, without its line ending.
    lines: Vec<&'a str>,
    /// The row each paragraph starts at.
    starts: Vec<usize>,
    /// All the rows.
    total: usize,
}

impl<'a> Pages<'a> {
    fn new(drawn: &'a Drawn) -> Self {
        let mut lines = Vec::new();
        let mut starts = Vec::new();
        for (_, para) in &drawn.paragraphs {
            starts.push(lines.len());
            lines.extend(para.lines());
        }
        let total = lines.len();
        Self {
            lines,
            starts,
            total,
        }
    }

    /// The paragraph (index into those shown) that holds `row`, and the row within it.
    fn locate(&self, row: usize) -> (usize, usize) {
        let k = self.starts.partition_point(|&s| s <= row).saturating_sub(1);
        (k, row - self.starts.get(k).copied().unwrap_or(0))
    }

    /// The end of a paragraph, in rows.
    fn para_end(&self, k: usize) -> usize {
        self.starts.get(k + 1).copied().unwrap_or(self.total)
    }

    /// The end (exclusive) of the page that starts at `first`: the rest of
    /// its paragraph, then whole paragraphs while they fit in `budget` rows;
    /// a paragraph taller than a page is cut where the page is full.
    fn end(&self, first: usize, budget: usize) -> usize {
        let budget = budget.max(1);
        let (k, _) = self.locate(first);
        let rest = self.para_end(k).saturating_sub(first);
        if rest > budget {
            return first + budget;
        }
        let mut end = self.para_end(k);
        for next in k + 1..self.starts.len() {
            let r = self.para_end(next) - self.starts[next];
            if end - first + r > budget {
                // A paragraph no page can hold starts here and goes on over the next.
                if r > budget {
                    end = first + budget;
                }
                break;
            }
            end = self.para_end(next);
        }
        end.max(first + 1).min(self.total)
    }

    /// `¶3-¶9 of 17 · > next page · < previous`; a paragraph cut by the page
    /// says which of its rows are shown: `¶4 (rows 1-14 of 40) of 17`.
    fn position(&self, drawn: &Drawn, view: &DocView, first: usize, end: usize) -> String {
        let number = |k: usize| drawn.paragraphs.get(k).map_or(0, |(i, _)| i + 1);
        let last = end.saturating_sub(1).max(first);
        let (ka, ra) = self.locate(first);
        let (kb, rb) = self.locate(last);
        let label = |k: usize, from: usize, to: usize| {
            let all = self.para_end(k) - self.starts[k];
            if from == 0 && to + 1 == all {
                format!("¶{}", number(k))
            } else {
                format!("¶{} (rows {}-{} of {all})", number(k), from + 1, to + 1)
            }
        };
        let range = if ka == kb {
            label(ka, ra, rb)
        } else {
            let rows_a = self.para_end(ka) - self.starts[ka];
            format!("{}-{}", label(ka, ra, rows_a - 1), label(kb, 0, rb))
        };
        let mut keys = Vec::new();
        if end < self.total {
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
        format!("{range} of {}{keys}", view.blocks.len())
    }
}

/// `rows` rows of a drawn paragraph around row `at`, and a line that says which.
fn window(para: &str, at: usize, rows_shown: usize, index: usize, p: &Painter) -> String {
    let lines: Vec<&str> = para.lines().collect();
    let shown = rows_shown.saturating_sub(1).max(1).min(lines.len());
    let first = at
        .saturating_sub(shown / 3)
        .min(lines.len().saturating_sub(shown));
    let mut s = String::new();
    for line in &lines[first..first + shown] {
        s.push_str(line);
        s.push('\n');
    }
    s.push_str(&p.dim(&format!(
        "   … ¶{n} rows {}-{} of {} · l {n} shows it",
        first + 1,
        first + shown,
        lines.len(),
        n = index + 1
    )));
    s.push('\n');
    s
}

/// The paragraphs (indices from 0) whose drawing an edit changed: where a
/// span or a suggestion came or went, or whose zone changed; each with the
/// first place in it that changed.
fn touched(view: &DocView, before: &Annotation, after: &Annotation) -> Vec<(usize, usize)> {
    let mut out: BTreeMap<usize, usize> = BTreeMap::new();
    let mut note = |offset: usize| {
        let e = out.entry(view.block_of(offset)).or_insert(offset);
        *e = (*e).min(offset);
    };
    let spans = |a: &Annotation| -> BTreeSet<(usize, usize, String)> {
        a.spans
            .iter()
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect()
    };
    let (b, a) = (spans(before), spans(after));
    for (s, _, _) in b.symmetric_difference(&a) {
        note(*s);
    }
    let pending = |a: &Annotation| -> BTreeSet<(usize, usize)> {
        a.pending
            .iter()
            .flat_map(|g| g.occurrences.iter().copied())
            .collect()
    };
    let (b, a) = (pending(before), pending(after));
    for (s, _) in b.symmetric_difference(&a) {
        note(*s);
    }
    if before.zones != after.zones {
        let (zb, za) = (zones(view, before), zones(view, after));
        for block in &view.blocks {
            if view.block_zone(block, zb) != view.block_zone(block, za) {
                note(block.start);
            }
        }
    }
    out.into_iter().collect()
}
