//! The non-blank lines of an article and what each says on its own: length,
//! sentence ending, known phrases, cues, stopword share, datelines and
//! bylines. The zoner ([`crate::zone`]) decides from these and the lines'
//! positions.

use annot_model::offsets::char_len;

use crate::boilerplate::{FoldedLine, Phrase, SHORT_LINE, is_counter};
use crate::cues::{Cue, breadcrumb_last, cue, person_name_part, signed_name_part, stopword_share};
use crate::dates::{Stamp, dateline_dates, stamp_of};
use crate::meta::{BYLINE_CHARS, byline_counted};
use crate::zone::Recurrence;

/// One non-blank line and what it looks like.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    /// Byte range of the line without surrounding whitespace.
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// The same range in code points.
    pub(crate) char_start: usize,
    pub(crate) char_end: usize,
    pub(crate) text: &'a str,
    /// Words, counted up to 8.
    pub(crate) words: usize,
    pub(crate) chars: usize,
    pub(crate) sentence_end: bool,
    pub(crate) phrase: Option<Phrase>,
    pub(crate) counter: bool,
    pub(crate) recurrent: bool,
    /// Share (0..=100) of function words among the first words.
    pub(crate) stopwords: u8,
    pub(crate) cue: Option<Cue>,
    /// The line is a person's name and nothing else (or with the place
    /// the reporter files from: see [`person_name_part`]).
    pub(crate) name: bool,
    /// The line is a name with a signed role ("X, curé de la paroisse",
    /// see [`signed_name_part`]): a signature only after the text.
    pub(crate) signed_name: bool,
    /// The last element, when the line is a breadcrumb.
    pub(crate) crumb: Option<&'a str>,
    /// Whether the fold the facts were read from (the whole line, or the
    /// opening of a long one) opens with a fact-check credit's words: when
    /// it does not, [`crate::boxes`] does not fold the line's head again.
    pub(crate) fact_check_opening: bool,
    pub(crate) dateline: bool,
    /// What the dateline says its date is.
    pub(crate) stamp: Option<Stamp>,
    pub(crate) byline: Option<String>,
    /// Whether a blank line (or the start of the text) comes right before it.
    pub(crate) blank_before: bool,
    /// The stopword share a paragraph needs in this document: 0 when the
    /// text is in a language whose function words the lists do not have.
    pub(crate) prose_floor: u8,
    /// [`fold`](crate::boilerplate::fold) of the whole line, made the first
    /// time a rule asks for it ([`Line::folded`]): many rules read a line
    /// folded, and it is folded once.
    folded: std::cell::OnceCell<String>,
    /// The fold of a short line, made when its facts were read (the same
    /// string as [`fold`](crate::boilerplate::fold) gives), shared with the
    /// thread's cache of line facts.
    short_folded: Option<std::rc::Rc<str>>,
}

impl Line<'_> {
    /// The whole line folded (lower case, accents off, spaces collapsed), as
    /// [`fold`](crate::boilerplate::fold) gives it.
    pub(crate) fn folded(&self) -> &str {
        match &self.short_folded {
            Some(folded) => folded,
            None => self
                .folded
                .get_or_init(|| crate::boilerplate::fold(self.text)),
        }
    }

    /// A counter, a known phrase, a cue (credit, gallery, time stamp,
    /// address, role) or a line recurring across the import; a recurring
    /// byline or dateline ("OLJ/Agences") is still meta.
    pub(crate) fn furniture(&self) -> bool {
        self.phrase.is_some()
            || (!self.meta() && (self.counter || self.cue.is_some() || self.recurrent))
    }

    pub(crate) fn meta(&self) -> bool {
        self.phrase.is_none() && (self.dateline || self.byline.is_some())
    }

    /// A paragraph of running text: long, ending a sentence, with function
    /// words in it (a list of names or figures has few).
    pub(crate) fn paragraph(&self) -> bool {
        !self.furniture()
            && !self.meta()
            && ((self.words >= 8 && self.sentence_end) || self.chars >= 200)
            && self.stopwords >= self.prose_floor
    }

    /// Could be a headline: several words, not a sentence ending in a full stop.
    pub(crate) fn headline(&self) -> bool {
        !self.furniture() && !self.meta() && self.headline_shape()
    }

    /// The shape of a headline, whatever else the line is.
    pub(crate) fn headline_shape(&self) -> bool {
        self.chars <= 250 && (self.words >= 4 || self.chars >= 25) && !self.text.ends_with('.')
    }

    /// Could be a section name: one to four words without final punctuation.
    pub(crate) fn section(&self) -> bool {
        self.phrase.is_none()
            && !self.counter
            && self.cue.is_none()
            && !self.meta()
            && self.words <= 4
            && self.chars <= 40
            && !self.sentence_end
            && !self.text.ends_with([':', ',', ';'])
            && self.text.chars().next().is_some_and(char::is_alphabetic)
    }

    /// Could be part of a standfirst.
    pub(crate) fn sentence(&self) -> bool {
        !self.furniture() && !self.meta() && (self.sentence_end || self.words >= 8)
    }
}

/// The share of function words from which a recurring sentence reads as
/// running text (see [`read_lines`]).
const PROSE_RECURRENCE_STOPWORDS: u8 = 30;

/// Below this share of function words, a long line is a list, not prose.
pub(crate) const MIN_PROSE_STOPWORDS: u8 = 10;

/// What a line says on its own, whatever document it is in: the costly
/// part of reading a line (folding, phrase search, date and byline parsing).
#[derive(Debug, Clone)]
struct LineFacts {
    /// The line's length in characters, its words (up to 8, [`count_words`])
    /// and whether it ends a sentence ([`ends_sentence`]): with the rest, a
    /// line found in the cache is not read again for them.
    chars: usize,
    words: usize,
    sentence_end: bool,
    phrase: Option<Phrase>,
    /// Recurrence key (short lines only).
    key: Option<u64>,
    dateline: bool,
    stamp: Option<Stamp>,
    byline: Option<String>,
    counter: bool,
    stopwords: u8,
    cue: Option<Cue>,
    name: bool,
    signed_name: bool,
    /// Byte range of the breadcrumb's last element in the line.
    crumb: Option<(usize, usize)>,
    fact_check_opening: bool,
    /// The whole line folded, when it is short (what [`Line::folded`] gives).
    folded: Option<std::rc::Rc<str>>,
}

impl LineFacts {
    fn of(trimmed: &str, buf: &mut Vec<u8>) -> Self {
        let chars = char_len(trimmed);
        let folded = FoldedLine::new(trimmed, buf);
        let phrase = folded.phrase();
        // Datelines and bylines are short: long lines skip the costlier checks.
        let date = (chars <= BYLINE_CHARS)
            .then(|| dateline_dates(trimmed, chars))
            .flatten();
        let (dateline, byline) = match &date {
            Some((_, rest, _)) if rest.is_empty() => (true, None),
            Some((_, rest, _)) => match crate::meta::byline(rest) {
                Some(b) => (true, Some(b)),
                None => (false, None),
            },
            None if chars <= BYLINE_CHARS && folded.whole => {
                (false, byline_counted(trimmed, folded.folded, chars))
            }
            None if chars <= BYLINE_CHARS => (false, crate::meta::byline(trimmed)),
            None => (false, None),
        };
        // A date with only a dateline's words around it is a dateline, though
        // a reading time beside it ("· 6 min read") reads as furniture.
        let phrase = match phrase {
            Some(crate::boilerplate::Phrase::Nav) if dateline && byline.is_none() => None,
            p => p,
        };
        // The stamp of the dates the dateline read (what `line_stamp` would read again).
        let stamp = match &date {
            Some((_, _, dates)) if dateline => stamp_of(trimmed, dates).map(|(_, s)| s),
            _ => None,
        };
        let (stopwords, words) = stopword_share(folded.folded);
        let crumb = breadcrumb_last(trimmed).map(|c| {
            let start = c.as_ptr() as usize - trimmed.as_ptr() as usize;
            (start, start + c.len())
        });
        let name = chars <= 70 && byline.is_none() && person_name_part(trimmed).is_some();
        Self {
            chars,
            words: count_words(trimmed),
            sentence_end: folded.sentence_end(),
            phrase,
            key: folded.key(),
            dateline,
            stamp,
            cue: cue(trimmed, folded.folded, words),
            // A signed role differs from a plain name only after a comma: the
            // name parser runs a second time only on such lines.
            signed_name: name
                || (chars <= 70
                    && byline.is_none()
                    && trimmed.contains(", ")
                    && signed_name_part(trimmed).is_some()),
            name,
            byline,
            counter: is_counter(trimmed),
            stopwords,
            crumb,
            fact_check_opening: crate::boxes::opens_fact_check(folded.folded),
            // `FoldedLine` folds a short line whole, as `fold` does.
            folded: folded.whole.then(|| std::rc::Rc::from(folded.folded)),
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
fn line_facts(trimmed: &str, buf: &mut Vec<u8>) -> LineFacts {
    if trimmed.len() > SHORT_LINE {
        return LineFacts::of(trimmed, buf);
    }
    LINE_CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(facts) = cache.get(trimmed) {
            return facts.clone();
        }
        let facts = LineFacts::of(trimmed, buf);
        if cache.len() >= CACHE_LINES {
            cache.clear();
        }
        cache.entry(trimmed.into()).or_insert(facts).clone()
    })
}

/// The non-blank lines of `text`; lines of only spaces or NBSP are blank.
pub(crate) fn read_lines<'a>(text: &'a str, recurrence: Option<Recurrence<'_>>) -> Vec<Line<'a>> {
    // Room for about one non-blank line in 128 bytes (generated pages have
    // one in some 180): few regrowths, and a long text does not reserve much.
    let mut lines = Vec::with_capacity((text.len() / 128).min(1 << 12));
    let (mut offset, mut char_offset) = (0, 0);
    let mut blank_before = true;
    let mut buf = Vec::new();
    for raw in split_lines(text) {
        let (line_start, line_char_start) = (offset, char_offset);
        offset += raw.len() + 1;
        let (lead_len, trimmed) = trim_ends(raw);
        let lead = &raw[..lead_len];
        let trail = &raw[lead.len() + trimmed.len()..];
        let lead_chars = char_count(lead);
        if trimmed.is_empty() {
            char_offset += lead_chars + char_count(trail) + 1;
            blank_before = true;
            continue;
        }
        let facts = line_facts(trimmed, &mut buf);
        let (chars, words, sentence_end) = (facts.chars, facts.words, facts.sentence_end);
        char_offset += lead_chars + chars + char_count(trail) + 1;
        let (start, char_start) = (line_start + lead.len(), line_char_start + lead_chars);
        // A sentence of running text that a site's other articles repeat
        // (a union's slogan, a review's closing advice) needs one document
        // more than furniture does to count as the site's.
        let prose = words >= 8
            && sentence_end
            && facts.stopwords >= PROSE_RECURRENCE_STOPWORDS
            && facts.phrase.is_none()
            && facts.cue.is_none();
        let recurrent = recurrence.is_some_and(|r| {
            let min_docs = if prose {
                r.min_docs.saturating_add(1)
            } else {
                r.min_docs
            };
            facts
                .key
                .is_some_and(|k| r.counts.key_recurs(k, min_docs, r.min_share))
        });
        lines.push(Line {
            start,
            end: start + trimmed.len(),
            char_start,
            char_end: char_start + chars,
            text: trimmed,
            words,
            chars,
            sentence_end,
            phrase: facts.phrase,
            counter: facts.counter,
            recurrent,
            stopwords: facts.stopwords,
            cue: facts.cue,
            name: facts.name,
            signed_name: facts.signed_name,
            crumb: facts.crumb.map(|(a, b)| &trimmed[a..b]),
            fact_check_opening: facts.fact_check_opening,
            dateline: facts.dateline,
            stamp: facts.stamp,
            byline: facts.byline,
            blank_before,
            prose_floor: MIN_PROSE_STOPWORDS,
            folded: std::cell::OnceCell::new(),
            short_folded: facts.folded,
        });
        blank_before = false;
    }
    // French and English running text has function words in nearly every
    // long line; a text where most long lines have none is in another
    // language, and the share says nothing there.
    let long = lines.iter().filter(|l| l.chars >= 100);
    let (n, fitting) = long.fold((0, 0), |(n, f), l| {
        (n + 1, f + usize::from(l.stopwords >= 20))
    });
    if n > 0 && fitting * 2 < n {
        for line in &mut lines {
            line.prose_floor = 0;
        }
    }
    lines
}

/// `line.trim()`, and the length of what it trims off the start. A line
/// that opens with a printable ASCII character or a letter of U+00C0 to
/// U+07FF (lead byte 0xC3 to 0xDF: `À`, `É`…) and ends with a printable
/// ASCII character has no white space at either end: its two end bytes
/// tell, and the characters are not decoded and tested (two trims a line,
/// in both passes).
pub(crate) fn trim_ends(line: &str) -> (usize, &str) {
    let bytes = line.as_bytes();
    let printable = |b: u8| (0x21..=0x7E).contains(&b);
    if bytes
        .first()
        .is_some_and(|&b| printable(b) || (0xC3..=0xDF).contains(&b))
        && bytes.last().is_some_and(|&b| printable(b))
    {
        return (0, line);
    }
    let start = line.len() - line.trim_start().len();
    (start, line[start..].trim_end())
}

/// [`char_len`] of the white space around a line: most often none, or
/// ASCII (one byte a character).
fn char_count(space: &str) -> usize {
    if space.is_ascii() {
        space.len()
    } else {
        char_len(space)
    }
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
    // An emoji after the full stop ("… on July 19. 🎮") still ends the
    // sentence; only a line ending in a non-ASCII character is trimmed.
    let core = if core.as_bytes().last().is_some_and(|&b| b >= 0x80) {
        core.trim_end_matches(|c: char| c.is_whitespace() || is_emoji(c))
    } else {
        core
    };
    core.ends_with(['.', '!', '?', '…'])
}

/// Pictographs, their variation selector, joiner and skin tones.
fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0xFE0F | 0x200D)
}

/// `text.split('\n')`, the line breaks found by a vectorised search; a
/// break right at the start (the blank line after a paragraph, every other
/// line of most pages) is seen without one.
pub(crate) fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let line = rest?;
        let at = if line.as_bytes().first() == Some(&b'\n') {
            Some(0)
        } else {
            memchr::memchr(b'\n', line.as_bytes())
        };
        match at {
            Some(i) => {
                rest = Some(&line[i + 1..]);
                Some(&line[..i])
            }
            None => {
                rest = None;
                Some(line)
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::{ends_sentence, split_lines};

    #[test]
    fn an_emoji_after_the_full_stop_ends_the_sentence() {
        assert!(ends_sentence(
            "The final stage begins in Seoul on July 19. 🎮"
        ));
        assert!(ends_sentence(
            "Three maps later, they lifted the trophy. 🏆 "
        ));
        assert!(ends_sentence("Un car accompagnera le groupe. 🙏"));
        // An emoji with no full stop before it ends nothing; nor does a
        // line ending in an accented letter.
        assert!(!ends_sentence("Best moments of the final 🏆"));
        assert!(!ends_sentence("Le programme de l'été"));
    }

    proptest::proptest! {
        #[test]
        fn ends_are_trimmed_as_str_trim_does(
            line in "[ a.\t\n\r\u{b}\u{c}\u{1c}\u{1f}\u{85}\u{a0}\u{2003}\u{3000}éÀǅ߿ࠀ’]{0,8}"
        ) {
            let (start, trimmed) = super::trim_ends(&line);
            proptest::prop_assert_eq!(trimmed, line.trim());
            proptest::prop_assert_eq!(start, line.len() - line.trim_start().len());
        }
    }

    proptest::proptest! {
        #[test]
        fn lines_split_as_str_split_does(text in "[a\\n\\r é]{0,24}") {
            let ours: Vec<&str> = split_lines(&text).collect();
            let split: Vec<&str> = text.split('\n').collect();
            proptest::prop_assert_eq!(ours, split);
        }
    }
}
