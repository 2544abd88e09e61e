//! Zoning a scraped article: which lines are title, lede, meta (section,
//! byline, date), body and boilerplate.
//!
//! Scrapers save a page top to bottom: navigation, the headline, a section
//! name, a standfirst, byline and date, the article's paragraphs with related
//! links between them, then comments, "most read" lists and footers. The zoner
//! finds the article's paragraphs (long lines ending a sentence), the headline
//! before them and the byline and date between the two, and calls the rest
//! boilerplate. Known phrases of French and English sites, counters and lines
//! that recur across the documents of an import mark furniture wherever it is.

use std::ops::Range;

use annot_model::ZoneSpan;
use annot_model::offsets::char_len;

use crate::boilerplate::{FoldedLine, LineCounts, Phrase, SHORT_LINE, is_counter};
use crate::dates::dateline;
use crate::meta::byline_folded;

/// What a zone of an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ZoneKind {
    /// The headline.
    Title,
    /// The standfirst between the headline and the article.
    Lede,
    /// Section name, byline and date lines.
    Meta,
    /// The article's paragraphs.
    Body,
    /// Navigation, related links, comments, counters, footers.
    Boilerplate,
}

impl ZoneKind {
    /// The zone's name in documents and schemas.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            ZoneKind::Title => "title",
            ZoneKind::Lede => "lede",
            ZoneKind::Meta => "meta",
            ZoneKind::Body => "body",
            ZoneKind::Boilerplate => "boilerplate",
        }
    }
}

/// Lines recurring across an import, and how often counts as "recurring".
#[derive(Debug, Clone, Copy)]
pub struct Recurrence<'a> {
    /// Line counts of the first pass.
    pub counts: &'a LineCounts,
    /// A line must occur in at least this many documents...
    pub min_docs: u32,
    /// ...and in at least this share of them (0.0..=1.0).
    pub min_share: f64,
}

/// The zones of one article and the metadata read from them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Zoning {
    /// Code point ranges, in text order, each starting and ending on a non-blank character.
    pub zones: Vec<ZoneSpan>,
    /// The headline.
    pub title: Option<String>,
    /// The section line.
    pub section: Option<String>,
    /// The byline: the name of a "Par X" / "By X" line, or the agency credit ("X/Agences", "AFP").
    pub byline: Option<String>,
    /// The first dateline as it stands in the text (the date is read from it
    /// once the language is known; see [`crate::dates::parse_date`]).
    pub dateline: Option<String>,
    /// Byte ranges of the body zones, for a look at the language.
    pub(crate) body_bytes: Vec<Range<usize>>,
}

/// One non-blank line and what it looks like.
#[derive(Debug)]
struct Line<'a> {
    /// Byte range of the line without surrounding whitespace.
    start: usize,
    end: usize,
    /// The same range in code points.
    char_start: usize,
    char_end: usize,
    text: &'a str,
    words: usize,
    chars: usize,
    sentence_end: bool,
    phrase: Option<Phrase>,
    /// A counter, a known phrase, or a line recurring across the import.
    furniture: bool,
    dateline: bool,
    byline: Option<String>,
    /// Whether a blank line (or the start of the text) comes right before it.
    blank_before: bool,
}

impl Line<'_> {
    fn meta(&self) -> bool {
        self.phrase.is_none() && (self.dateline || self.byline.is_some())
    }

    /// A paragraph of running text.
    fn paragraph(&self) -> bool {
        !self.furniture
            && !self.meta()
            && ((self.words >= 8 && self.sentence_end) || self.chars >= 200)
    }

    /// Could be a headline: several words, not a sentence ending in a full stop.
    fn headline(&self) -> bool {
        !self.furniture
            && !self.meta()
            && self.chars <= 250
            && (self.words >= 4 || self.chars >= 25)
            && !self.text.ends_with('.')
    }

    /// Could be a section name: one to four words without final punctuation.
    fn section(&self) -> bool {
        self.phrase.is_none()
            && !is_counter(self.text)
            && !self.meta()
            && self.words <= 4
            && self.chars <= 40
            && !self.sentence_end
            && !self.text.ends_with([':', ',', ';'])
            && self.text.chars().next().is_some_and(char::is_alphabetic)
    }

    /// Could be part of a standfirst.
    fn sentence(&self) -> bool {
        !self.furniture && !self.meta() && (self.sentence_end || self.words >= 8)
    }
}

/// Zones `text` (already normalised), using `recurrence` when the import counted lines.
#[must_use]
pub fn zone_article(text: &str, recurrence: Option<Recurrence<'_>>) -> Zoning {
    let lines = read_lines(text, recurrence);
    let mut kinds = vec![ZoneKind::Boilerplate; lines.len()];
    let mut out = Zoning::default();
    if lines.is_empty() {
        return out;
    }
    let related = related_links(&lines);
    let furniture = |i: usize| lines[i].furniture || related[i];
    let paragraphs: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].paragraph() && !related[i])
        .collect();

    let (title, body_start) = match paragraphs.first() {
        None => (
            None,
            (0..lines.len()).find(|&i| !furniture(i) && !lines[i].meta()),
        ),
        Some(&first) => {
            let title = find_title(&lines, first);
            let from = title.map_or(0, |t| t + 1);
            (title, Some(body_start(&lines, &paragraphs, from)))
        }
    };
    let header_end = body_start.unwrap_or(lines.len());
    let footer = lines
        .iter()
        .enumerate()
        .skip(header_end)
        .find(|(_, l)| l.phrase == Some(Phrase::Footer))
        .map_or(lines.len(), |(i, _)| i);
    let body_end = (header_end..footer).rev().find(|&i| {
        !furniture(i)
            && !lines[i].meta()
            && (lines[i].paragraph() || lines[i].sentence_end || paragraphs.is_empty())
    });

    let section = title.and_then(|t| find_section(&lines, t, header_end));
    for (i, line) in lines.iter().enumerate() {
        kinds[i] = if Some(i) == title {
            ZoneKind::Title
        } else if Some(i) == section || (line.meta() && i < footer) {
            ZoneKind::Meta
        } else if furniture(i) {
            ZoneKind::Boilerplate
        } else if i < header_end {
            if title.is_some_and(|t| i > t) && line.sentence() {
                ZoneKind::Lede
            } else {
                ZoneKind::Boilerplate
            }
        } else if body_end.is_some_and(|e| i <= e) {
            ZoneKind::Body
        } else {
            ZoneKind::Boilerplate
        };
    }
    // Meta lines inside the body are the article's own lines (a date in a list, a quoted name).
    if let Some(end) = body_end {
        for kind in kinds.iter_mut().take(end + 1).skip(header_end) {
            if *kind == ZoneKind::Meta {
                *kind = ZoneKind::Body;
            }
        }
    }

    out.title = title.map(|t| lines[t].text.to_string());
    out.section = section.map(|s| lines[s].text.to_string());
    let meta_lines = || (0..lines.len()).filter(|&i| kinds[i] == ZoneKind::Meta);
    out.byline = meta_lines().find_map(|i| lines[i].byline.clone());
    out.dateline = meta_lines()
        .find(|&i| lines[i].dateline)
        .map(|i| lines[i].text.to_string());
    (out.zones, out.body_bytes) = merge(&lines, &kinds);
    out
}

/// What a line says on its own, whatever document it is in: the costly
/// part of reading a line (folding, phrase search, date and byline parsing).
#[derive(Debug, Clone)]
struct LineFacts {
    phrase: Option<Phrase>,
    /// Recurrence key (short lines only).
    key: Option<u64>,
    dateline: bool,
    byline: Option<String>,
    counter: bool,
}

impl LineFacts {
    fn of(trimmed: &str, chars: usize, buf: &mut Vec<u8>) -> Self {
        let folded = FoldedLine::new(trimmed, buf);
        let phrase = folded.phrase();
        // Datelines and bylines are short: long lines skip the costlier checks.
        let (dateline, byline) = match (chars <= 120).then(|| dateline(trimmed)).flatten() {
            Some((_, rest)) if rest.is_empty() => (true, None),
            Some((_, rest)) => match crate::meta::byline(&rest) {
                Some(b) => (true, Some(b)),
                None => (false, None),
            },
            None if chars <= 80 && folded.whole => (false, byline_folded(trimmed, folded.folded)),
            None if chars <= 80 => (false, crate::meta::byline(trimmed)),
            None => (false, None),
        };
        Self {
            phrase,
            key: folded.key(),
            dateline,
            byline,
            counter: is_counter(trimmed),
        }
    }
}

/// Short lines seen by this thread and their facts. Site furniture repeats
/// from one document to the next, so most short lines of an import are read
/// once per thread; the cache is emptied when it holds [`CACHE_LINES`].
const CACHE_LINES: usize = 1 << 14;

thread_local! {
    static LINE_CACHE: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, LineFacts>> =
        std::cell::RefCell::new(rustc_hash::FxHashMap::default());
}

/// [`LineFacts::of`] through the thread's cache, for lines short enough to recur.
fn line_facts(trimmed: &str, chars: usize, buf: &mut Vec<u8>) -> LineFacts {
    if trimmed.len() > SHORT_LINE {
        return LineFacts::of(trimmed, chars, buf);
    }
    LINE_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(facts) = cache.get(trimmed) {
            return facts.clone();
        }
        let facts = LineFacts::of(trimmed, chars, buf);
        if cache.len() >= CACHE_LINES {
            cache.clear();
        }
        cache.insert(trimmed.into(), facts.clone());
        facts
    })
}

/// The non-blank lines of `text`; lines of only spaces or NBSP are blank.
fn read_lines<'a>(text: &'a str, recurrence: Option<Recurrence<'_>>) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let (mut offset, mut char_offset) = (0, 0);
    let mut blank_before = true;
    let mut buf = Vec::new();
    for raw in text.split('\n') {
        let (line_start, line_char_start) = (offset, char_offset);
        offset += raw.len() + 1;
        let trimmed = raw.trim();
        let lead = &raw[..raw.len() - raw.trim_start().len()];
        let trail = &raw[lead.len() + trimmed.len()..];
        let chars = char_len(trimmed);
        char_offset += char_len(lead) + chars + char_len(trail) + 1;
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        let (start, char_start) = (line_start + lead.len(), line_char_start + char_len(lead));
        let facts = line_facts(trimmed, chars, &mut buf);
        let recurrent = recurrence.is_some_and(|r| {
            facts
                .key
                .is_some_and(|k| r.counts.key_recurs(k, r.min_docs, r.min_share))
        });
        let meta = facts.phrase.is_none() && (facts.dateline || facts.byline.is_some());
        lines.push(Line {
            start,
            end: start + trimmed.len(),
            char_start,
            char_end: char_start + chars,
            text: trimmed,
            words: count_words(trimmed),
            chars,
            sentence_end: ends_sentence(trimmed),
            phrase: facts.phrase,
            // A recurring byline or dateline ("OLJ/Agences") is still meta.
            furniture: facts.phrase.is_some() || facts.counter || (recurrent && !meta),
            dateline: facts.dateline,
            byline: facts.byline,
            blank_before,
        });
        blank_before = false;
    }
    lines
}

/// Words of a line, counted up to 8: only small counts matter (a headline
/// has four words or more, a paragraph eight), and long lines are not read
/// to their end. Spaces are ASCII whitespace or NBSP, as scrapers write them.
fn count_words(line: &str) -> usize {
    const CAP: usize = 8;
    let bytes = line.as_bytes();
    let (mut words, mut in_word, mut i) = (0, false, 0);
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            in_word = false;
            i += 1;
        } else if b == 0xC2 && bytes.get(i + 1) == Some(&0xA0) {
            in_word = false;
            i += 2;
        } else {
            if !in_word {
                words += 1;
                if words == CAP {
                    return CAP;
                }
                in_word = true;
            }
            i += 1;
        }
    }
    words
}

/// Whether the line ends a sentence, looking through closing quotes and brackets.
pub(crate) fn ends_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '»' | '"' | '”' | '’' | '\'' | ')' | ']' | '*')
    });
    core.ends_with(['.', '!', '?', '…'])
}

/// Lines listed under a related-links heading ("Pour mémoire", "Read more"):
/// the short lines after it, up to the next sentence.
fn related_links(lines: &[Line<'_>]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut open = false;
    for (i, line) in lines.iter().enumerate() {
        if line.phrase == Some(Phrase::Related) {
            open = true;
        } else if open && (line.sentence_end || line.chars >= 200 || line.phrase.is_some()) {
            open = false;
        } else if open {
            out[i] = true;
        }
    }
    out
}

/// The headline: of the headline-like lines before the first paragraph, the
/// last one before the byline and date (site names and menus come earlier);
/// failing that, the last short line of two words or more before the paragraph.
fn find_title(lines: &[Line<'_>], first_paragraph: usize) -> Option<usize> {
    let head = &lines[..first_paragraph];
    let first_meta = head.iter().position(Line::meta).unwrap_or(head.len());
    head[..first_meta]
        .iter()
        .rposition(Line::headline)
        .or_else(|| head.iter().rposition(Line::headline))
        .or_else(|| {
            head.iter().rposition(|l| {
                !l.furniture && !l.meta() && l.words >= 2 && !l.sentence_end && l.chars <= 250
            })
        })
}

/// Where the article's paragraphs begin: after the byline and date that
/// follow the headline, if there are any before the second paragraph (the
/// first may then be a standfirst), else at the first paragraph.
fn body_start(lines: &[Line<'_>], paragraphs: &[usize], from: usize) -> usize {
    let mut after = paragraphs.iter().copied().filter(|&p| p >= from);
    let Some(first) = after.next() else {
        return paragraphs.first().copied().unwrap_or(from);
    };
    let window_end = after.next().unwrap_or(lines.len());
    let last_meta = (from..window_end).rev().find(|&i| lines[i].meta());
    match last_meta {
        Some(m) if m > first => paragraphs.iter().copied().find(|&p| p > m).unwrap_or(first),
        _ => first,
    }
}

/// The section name: a short line right after the headline, or right before
/// it when it stands apart from the menu lines above it. Sections recur
/// across an import, so recurrence does not disqualify them.
fn find_section(lines: &[Line<'_>], title: usize, header_end: usize) -> Option<usize> {
    let after = title + 1;
    if after < header_end && lines[after].section() {
        return Some(after);
    }
    let before = title.checked_sub(1)?;
    let line = &lines[before];
    (line.section() && line.blank_before).then_some(before)
}

/// Runs of consecutive lines of one kind (blank lines between them do not
/// break a run) as code point zones, and the byte ranges of the body zones.
fn merge(lines: &[Line<'_>], kinds: &[ZoneKind]) -> (Vec<ZoneSpan>, Vec<Range<usize>>) {
    let mut zones = Vec::new();
    let mut body = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let kind = kinds[i];
        let mut j = i;
        // A title is one line: two headlines in a row stay two zones.
        while j + 1 < lines.len() && kinds[j + 1] == kind && kind != ZoneKind::Title {
            j += 1;
        }
        let (first, last) = (&lines[i], &lines[j]);
        zones.push(ZoneSpan {
            start: first.char_start,
            end: last.char_end,
            zone: kind.name().into(),
        });
        if kind == ZoneKind::Body {
            body.push(first.start..last.end);
        }
        i = j + 1;
    }
    (zones, body)
}

#[cfg(test)]
#[path = "zone_tests.rs"]
mod tests;
