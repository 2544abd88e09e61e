//! Zoning a scraped article: which lines are title, lede, meta (section,
//! byline, date), body and boilerplate.
//!
//! Scrapers save a page top to bottom: navigation, the headline, a section
//! name, a standfirst, byline and date, the article's paragraphs with related
//! links between them, then comments, "most read" lists and footers. The zoner
//! finds the article's paragraphs (long lines ending a sentence, with the
//! function words of running text), the headline before them and the byline
//! and date between the two, and calls the rest boilerplate. Known phrases of
//! French and English sites, the shapes of furniture every site has (photo
//! credits, gallery counters, time stamps, relative times, addresses, role
//! lines, cookie-consent banners; see
//! [`crate::cues`]), counters and lines that recur across the documents of an
//! import mark furniture wherever it is. Between the paragraphs, a short line
//! is judged by its neighbours, as jusText does: a sentence stays in the body
//! unless furniture stands on both sides of it, a line that is not a sentence
//! only between two paragraphs. Boxes that read as running text (a
//! glossary or key facts under their heading, a list of sources, a
//! release's "About X" paragraph and legal boilerplate at the end, a
//! fact-check credit; `boxes.rs`) are boilerplate, and an intertitle
//! under a box inside the text stays body. A learned line model (`model.rs`: a
//! logistic regression trained offline on the layout sample set) then may
//! move a line between body and boilerplate when it is sure and the rules
//! had no hard evidence. [`explain_article`] gives, per line, the zone, the
//! signals that decided it and the model's part.

use std::ops::Range;

use annot_model::ZoneSpan;

use crate::boilerplate::{LineCounts, Phrase};
use crate::cues::Cue;
use crate::dates::Stamp;
use crate::lines::{Line, read_lines};

pub(crate) use crate::lines::ends_sentence;
pub use crate::why::{LineWhy, ModelWhy, Reason, Signals, explain_article, feature_names};

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
    /// The dateline of the publication as it stands in the text: one that
    /// says "Publié" / "Published" before a plain one, a plain one before an
    /// update (the date is read from it once the language is known; see
    /// [`crate::dates::publication_date`]).
    pub dateline: Option<String>,
    /// Byte ranges of the body zones, for a look at the language.
    pub(crate) body_bytes: Vec<Range<usize>>,
}

/// What the zoner decided about each line.
pub(crate) struct Decision {
    pub(crate) kinds: Vec<ZoneKind>,
    pub(crate) reasons: Vec<Reason>,
    /// How each line stood among the paragraphs (jusText's classes).
    pub(crate) classes: Vec<Class>,
    pub(crate) title: Option<usize>,
    section: Option<String>,
    byline: Option<String>,
    dateline: Option<usize>,
}

/// Zones `text` (already normalised), using `recurrence` when the import counted lines.
#[must_use]
pub fn zone_article(text: &str, recurrence: Option<Recurrence<'_>>) -> Zoning {
    let lines = read_lines(text, recurrence);
    let mut out = Zoning::default();
    if lines.is_empty() {
        return out;
    }
    let mut d = decide(&lines);
    crate::model::apply(&lines, &mut d);
    out.title = d.title.map(|t| lines[t].text.to_string());
    out.section = d.section;
    out.byline = d.byline;
    out.dateline = d.dateline.map(|i| lines[i].text.to_string());
    (out.zones, out.body_bytes) = merge(&lines, &d.kinds);
    out
}

/// How a line stands among the article's paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A paragraph.
    Good,
    /// Furniture, meta, a related link or a caption.
    Bad,
    /// Anything else: judged by its neighbours.
    Short,
}

/// The furniture reason of a line, if it is furniture.
fn furniture_reason(line: &Line<'_>, related: bool, caption: bool) -> Option<Reason> {
    if let Some(p) = line.phrase {
        return Some(Reason::Phrase(p.name()));
    }
    if line.meta() {
        return None;
    }
    if let Some(c) = line.cue {
        return Some(Reason::Cue(c));
    }
    if line.counter {
        return Some(Reason::Counter);
    }
    if line.recurrent {
        return Some(Reason::Recurrent);
    }
    if related {
        return Some(Reason::RelatedLink);
    }
    caption.then_some(Reason::Caption)
}

pub(crate) fn decide(lines: &[Line<'_>]) -> Decision {
    match repeated_article(lines) {
        Some(article) => decide_lines(&article),
        None => decide_lines(lines),
    }
}

/// How many standfirst lines may stand between a headline and its byline.
const STANDFIRST_LINES: usize = 2;

/// A story that several pages of the import carry (a wire story on several
/// sites, a page scraped twice): its headline recurs with its standfirst and
/// body, so recurrence says nothing about them. Detected from the headline
/// position: right above the byline and date (past a standfirst), a line
/// that would be a headline but for its recurrence, with no headline that
/// does not recur right above it (then it is a recurring kicker). The lines
/// returned are `lines` with the recurrence of the article's text (the
/// headline, and sentences from it on) set aside; site furniture (short
/// lines, phrases, cues) keeps it.
fn repeated_article<'a>(lines: &[Line<'a>]) -> Option<Vec<Line<'a>>> {
    let n = lines.len();
    let m = (0..n).find(|&i| lines[i].meta())?;
    if !(m + 1..n).any(|i| lines[i].paragraph() || (lines[i].recurrent && article_text(&lines[i])))
    {
        return None;
    }
    // A date in the page's top bar is no article's meta: the article's own
    // headline (one that does not recur) stands between it and the text.
    let text = (m + 1..n).find(|&i| lines[i].paragraph()).unwrap_or(n);
    if (m + 1..text).any(|i| lines[i].headline() && !lines[i].name && !lines[i].recurrent) {
        return None;
    }
    let mut j = m;
    let mut standfirst = 0;
    let h = loop {
        j = j.checked_sub(1)?;
        let line = &lines[j];
        if line.meta() {
            continue;
        }
        if recurrent_headline(line) {
            break j;
        }
        if line.sentence_end && article_text(line) && standfirst < STANDFIRST_LINES {
            standfirst += 1;
            continue;
        }
        return None;
    };
    let kicker = (h.saturating_sub(2)..h).any(|i| lines[i].headline() && !lines[i].name);
    if kicker {
        return None;
    }
    let mut out = lines.to_vec();
    for line in &mut out[h..] {
        if line.recurrent && (line.sentence_end || recurrent_headline(line)) && article_text(line) {
            line.recurrent = false;
        }
    }
    Some(out)
}

/// Whether a line reads as the article's words, not a site's: no phrase,
/// cue or counter, and some words.
fn article_text(line: &Line<'_>) -> bool {
    line.phrase.is_none() && line.cue.is_none() && !line.counter && line.words >= 4
}

fn decide_lines(lines: &[Line<'_>]) -> Decision {
    let n = lines.len();
    let related = related_links(lines);
    // The line after a gallery counter is its photo's caption.
    let caption: Vec<bool> = (0..n)
        .map(|i| {
            i > 0
                && lines[i - 1].cue == Some(Cue::Gallery)
                && lines[i].chars < 200
                && lines[i].cue.is_none()
        })
        .collect();
    let furniture = |i: usize| lines[i].furniture() || related[i] || caption[i];
    let paragraphs: Vec<usize> = (0..n)
        .filter(|&i| lines[i].paragraph() && !related[i] && !caption[i])
        .collect();
    // A name alone a few lines under a headline-like line is a byline when
    // a date is near it, a role line under it, or it follows the standfirst.
    let near_name: Vec<bool> = (0..n)
        .map(|i| {
            if agency_under_headline(lines, i) {
                return true;
            }
            if !lines[i].name
                || lines[i].cue == Some(Cue::Credit)
                || !(i.saturating_sub(6)..i).any(|j| lines[j].headline())
                || crate::headline::name_not_byline(lines, i)
            {
                return false;
            }
            let near_date = (i.saturating_sub(3)..(i + 4).min(n)).any(|j| lines[j].dateline);
            let role_under = lines.get(i + 1).is_some_and(|l| l.cue == Some(Cue::Role));
            let after_standfirst = i >= 2 && lines[i - 1].sentence() && lines[i - 2].headline();
            let after_label = i >= 1 && is_byline_label(lines[i - 1].text);
            near_date || role_under || after_standfirst || after_label
        })
        .collect();
    let meta_like = |i: usize| lines[i].meta() || near_name[i];

    let (title, body_start) = match paragraphs.first() {
        None => (None, (0..n).find(|&i| !furniture(i) && !lines[i].meta())),
        Some(&first) => {
            let title = find_title(lines, first, &meta_like, &furniture);
            let from = title.map_or(0, |t| t + 1);
            (
                title,
                Some(body_start(lines, &paragraphs, from, n, &|i| {
                    meta_like(i) && title.is_some_and(|t| i > t)
                })),
            )
        }
    };
    let header_end = body_start
        .map(|b| standfirst_over_photo(lines, &paragraphs, b).unwrap_or(b))
        .unwrap_or(n);
    let footer = (header_end..n)
        .find(|&i| match lines[i].phrase {
            Some(Phrase::Footer) => true,
            Some(Phrase::Paywall) => !text_resumes(lines, i),
            _ => {
                lines[i].cue == Some(Cue::CommentsHeading)
                    || footnotes_start(lines, &paragraphs, i)
                    || about_box(lines[i].text)
            }
        })
        .unwrap_or(n);

    let mut kinds = vec![ZoneKind::Boilerplate; n];
    let mut reasons = vec![Reason::Header; n];
    let boxed = crate::boxes::find(lines, header_end, footer);
    let note = site_notes(lines, &paragraphs, &boxed, header_end, footer);

    // The article: paragraphs, and the short lines their neighbours vouch
    // for. After the last long paragraph, a paragraph shorter than a line
    // of text (a link title that is a question) is judged by its
    // neighbours too; a text of short paragraphs only keeps them all.
    let last_long = paragraphs
        .iter()
        .copied()
        .rfind(|&p| lines[p].chars >= SHORT_PARAGRAPH);
    let class = |i: usize| {
        if i < header_end
            || i >= footer
            || furniture(i)
            || lines[i].meta()
            || note[i]
            || boxed[i].is_some()
        {
            Class::Bad
        } else if lines[i].paragraph()
            && (lines[i].chars >= SHORT_PARAGRAPH || last_long.is_none_or(|l| i < l))
        {
            Class::Good
        } else {
            Class::Short
        }
    };
    let classes: Vec<Class> = (0..n).map(class).collect();
    let neighbour = |i: usize, forward: bool| {
        let mut j = i;
        loop {
            if forward {
                j += 1;
                if j >= n {
                    return Class::Bad;
                }
            } else {
                if j == 0 {
                    return Class::Bad;
                }
                j -= 1;
            }
            if classes[j] != Class::Short {
                return classes[j];
            }
        }
    };
    // The class above line `i` past a box right above it (and the short
    // lines around it): a paragraph when the box stands inside the text.
    let past_box = |i: usize| {
        let mut j = i;
        let mut crossed = false;
        while j > 0 {
            j -= 1;
            if boxed[j].is_some() {
                crossed = true;
            } else if classes[j] != Class::Short {
                return if crossed { classes[j] } else { Class::Bad };
            }
        }
        Class::Bad
    };
    // The class above line `i` past the furniture of a break right above
    // it (an ad label and its "continue reading" line, a related link): a
    // paragraph when the break stands inside the text.
    // The same below line `i`: the text resuming under the break.
    let break_below = |i: usize| {
        let mut ad = false;
        for j in i + 1..(i + 2 + BREAK_LINES).min(footer) {
            if furniture(j) && !lines[j].meta() {
                ad |= ad_break(lines[j].text);
            } else {
                return if ad && j > i + 1 {
                    classes[j]
                } else {
                    Class::Bad
                };
            }
        }
        Class::Bad
    };
    let past_break = |i: usize| {
        let mut j = i;
        let mut crossed = 0;
        let mut ad = false;
        while j > header_end && crossed <= BREAK_LINES {
            j -= 1;
            if furniture(j) && !lines[j].meta() {
                crossed += 1;
                ad |= ad_break(lines[j].text);
            } else {
                // A short sentence closing the text above counts as its paragraph.
                let text = classes[j] == Class::Good
                    || (classes[j] == Class::Short && lines[j].sentence_end);
                return if ad && text { Class::Good } else { Class::Bad };
            }
        }
        Class::Bad
    };
    // Names with their roles listed under a colon between paragraphs ("Le jury
    // réunit :" / "Marie Lenoir, présidente du club" / …): the text's list.
    let colon_list = |i: usize| {
        if !lines[i].signed_name {
            return false;
        }
        let start = (header_end..i)
            .rev()
            .find(|&j| !lines[j].signed_name)
            .filter(|&j| lines[j].text.trim_end().ends_with(':'));
        let end = (i..footer).find(|&j| !lines[j].signed_name);
        start.is_some() && end.is_some_and(|j| classes[j] == Class::Good)
    };
    let mut body_end = None;
    for i in header_end..footer {
        let line = &lines[i];
        let verdict = if let Some(r) = furniture_reason(line, related[i], caption[i]) {
            Some((ZoneKind::Boilerplate, r))
        } else if note[i] {
            Some((ZoneKind::Boilerplate, Reason::SiteNote))
        } else if let Some(kind) = boxed[i] {
            Some((ZoneKind::Boilerplate, Reason::Box(kind)))
        } else if line.meta() {
            None
        } else if paragraphs.is_empty() {
            Some((ZoneKind::Body, Reason::NoParagraphs))
        } else if line.chars <= CAPTION_CHARS
            && caption_above_credit(lines, i)
            && (body_end.is_none()
                || (photo_credit_under(lines, i)
                    && (classes[i] != Class::Good || line.chars <= CAPTION_IN_TEXT_CHARS)))
        {
            Some((ZoneKind::Boilerplate, Reason::Caption))
        } else if classes[i] == Class::Good
            || (line.paragraph()
                && (neighbour(i, false) == Class::Good
                    || (i > 0 && boxed[i - 1].is_some() && past_box(i) == Class::Good)))
        {
            Some((ZoneKind::Body, Reason::Paragraph))
        } else {
            let (before, after) = (neighbour(i, false), neighbour(i, true));
            let list_item =
                (before == Class::Good && after == Class::Good && bulleted(line)) || colon_list(i);
            // A related link or an ad may stand between the last paragraphs,
            // or a box (a newsletter offer): furniture and lines that are no
            // sentences, up to the paragraph above.
            let paragraph_above = (i.saturating_sub(3)..i).any(|j| classes[j] == Class::Good)
                || (i.saturating_sub(BOX_LINES)..i)
                    .rev()
                    .find(|&j| classes[j] == Class::Good || lines[j].sentence_end)
                    .is_some_and(|j| classes[j] == Class::Good);
            let sentence_like = line.words >= 4 && line.stopwords >= 20;
            // A long line ending in a stop without function words is a list
            // (ratings, a line-up, scorers), not a sentence.
            let list = line.words >= 8 && line.stopwords < line.prose_floor;
            let kept = if list_item {
                Some(Reason::ListItem)
            } else if line.sentence_end
                && !list
                && (!(before == Class::Bad && after == Class::Bad)
                    || (paragraph_above && sentence_like)
                    // The text's last short sentences, one under another
                    // (a question to the reader is a site's appeal).
                    || (sentence_like
                        && i > 0
                        && kinds[i - 1] == ZoneKind::Body
                        && !line.text.contains('?')))
            {
                Some(Reason::ShortSentence)
            } else if before == Class::Good && after == Class::Good {
                Some(Reason::BetweenParagraphs)
            } else if after == Class::Good && past_box(i) == Class::Good {
                // An intertitle under a box inside the text (a glossary
                // between two parts): the box does not end the text.
                Some(Reason::IntertitleAfterBox)
            } else if ((after == Class::Good
                && past_break(i) == Class::Good
                && i > 0
                && continue_line(lines[i - 1].text))
                || (before == Class::Good && break_below(i) == Class::Good))
                && intertitle_shape(line)
            {
                Some(Reason::IntertitleAfterBreak)
            } else if before == Class::Good && conversion_note(line.text) {
                Some(Reason::ConversionNote)
            } else {
                None
            };
            // Only a line the neighbours would keep is searched for in the paragraphs.
            match kept {
                Some(
                    Reason::BetweenParagraphs
                    | Reason::IntertitleAfterBox
                    | Reason::IntertitleAfterBreak,
                ) if caption_shape(line) => Some((ZoneKind::Boilerplate, Reason::CaptionShape)),
                Some(_) if caption_above_credit(lines, i) => {
                    Some((ZoneKind::Boilerplate, Reason::Caption))
                }
                Some(_) if repeats_a_paragraph(lines, &paragraphs, i) => {
                    Some((ZoneKind::Boilerplate, Reason::PullQuote))
                }
                // An intertitle under a pull quote (line i-1 judged one, not
                // merely a paragraph the page repeats): the quote does not
                // make it the model's to judge.
                Some(Reason::BetweenParagraphs)
                    if i > 0 && intertitle_shape(line) && reasons[i - 1] == Reason::PullQuote =>
                {
                    Some((ZoneKind::Body, Reason::IntertitleAfterPullQuote))
                }
                Some(reason) => Some((ZoneKind::Body, reason)),
                None => Some((ZoneKind::Boilerplate, Reason::NextToFurniture)),
            }
        };
        if let Some((kind, reason)) = verdict {
            kinds[i] = kind;
            reasons[i] = reason;
            if kind == ZoneKind::Body {
                body_end = Some(i);
            }
        }
    }
    // A short text far after the article, past a run of furniture, is a
    // notice of the site ("All quotes delayed…"), not its last paragraph.
    if let Some(end) = body_end {
        let block_start = (header_end..=end)
            .rev()
            .find(|&i| kinds[i] != ZoneKind::Body)
            .map_or(header_end, |i| i + 1);
        let gap = (header_end..block_start)
            .rev()
            .take_while(|&i| kinds[i] != ZoneKind::Body)
            .count();
        let chars: usize = (block_start..=end).map(|i| lines[i].chars).sum();
        // Running text past a box inside the article (a newsletter offer,
        // a glossary, a timetable) is the article going on, however short:
        // paragraphs, or sentences ("Bon chemin vers Pâques à tous.").
        let after_box = (block_start - gap..block_start)
            .any(|i| matches!(reasons[i], Reason::Box(_)))
            && (block_start..=end).all(|i| lines[i].paragraph() || lines[i].sentence_end);
        if gap >= 4 && block_start > header_end + gap && chars < 150 && !after_box {
            for i in block_start..=end {
                kinds[i] = ZoneKind::Boilerplate;
                reasons[i] = Reason::Island;
            }
            body_end = (header_end..block_start)
                .rev()
                .find(|&i| kinds[i] == ZoneKind::Body);
        }
    }
    // An interview's signature ("Propos recueillis par X", "Interview by
    // X") under the text ends it: what follows (a bio box, a timeline) is
    // the site's.
    if let Some(end) = body_end {
        let paragraphs_above = |i: usize| {
            (header_end..i)
                .filter(|&j| classes[j] == Class::Good)
                .count()
        };
        // Only when less text follows than precedes, and no question: a
        // signature over the questions and answers opens the interview.
        let ends_text = |i: usize| {
            let below = (i + 1..=end).filter(|&j| classes[j] == Class::Good).count();
            let question = (i + 1..=end).any(|j| lines[j].text.trim_end().ends_with('?'));
            below < paragraphs_above(i) && !question
        };
        if let Some(sig) = (header_end..end).find(|&i| {
            lines[i].byline.is_some()
                && interview_credit(lines[i].text)
                && paragraphs_above(i) >= 2
                && ends_text(i)
        }) {
            for i in sig + 1..=end {
                if kinds[i] == ZoneKind::Body {
                    kinds[i] = ZoneKind::Boilerplate;
                    reasons[i] = Reason::AfterBody;
                }
            }
            body_end = (header_end..sig)
                .rev()
                .find(|&i| kinds[i] == ZoneKind::Body);
        }
    }
    // Meta lines among the paragraphs are the article's own (a date in a
    // list, a quoted name); those after the last one are meta.
    for i in header_end..footer {
        if lines[i].meta() && !lines[i].furniture() {
            if body_end.is_some_and(|e| i < e) {
                kinds[i] = ZoneKind::Body;
                reasons[i] = Reason::MetaInBody;
            } else {
                kinds[i] = ZoneKind::Meta;
                reasons[i] = if lines[i].dateline {
                    Reason::Dateline
                } else {
                    Reason::Byline
                };
            }
        }
    }

    // The header: title, section, lede, byline and date.
    if let Some(t) = title {
        kinds[t] = ZoneKind::Title;
        reasons[t] = crate::headline::title_reason(&lines[t]);
    }
    for i in 0..header_end.min(n) {
        if Some(i) == title {
            continue;
        }
        if let Some(r) = furniture_reason(&lines[i], related[i], caption[i]) {
            reasons[i] = r;
        } else if lines[i].meta() {
            kinds[i] = ZoneKind::Meta;
            reasons[i] = if lines[i].dateline {
                Reason::Dateline
            } else {
                Reason::Byline
            };
        }
    }
    let section = title.and_then(|t| find_section(lines, t, header_end, &furniture));
    let section_text = section.map(|(i, crumb)| {
        kinds[i] = ZoneKind::Meta;
        reasons[i] = if crumb || lines[i].crumb.is_some() {
            Reason::Breadcrumb
        } else {
            Reason::Section
        };
        // A breadcrumb over the headline gives its last element either way.
        let text = lines[i].crumb.unwrap_or(lines[i].text);
        unlabelled_section(text).to_string()
    });
    if let Some(t) = title {
        mark_lede(lines, t, header_end, &mut kinds, &mut reasons, &furniture);
    }

    // The byline: a meta line's, else a name near the headline, else a name
    // right after the article.
    let meta_byline = (0..n)
        .filter(|&i| kinds[i] == ZoneKind::Meta)
        .find_map(|i| lines[i].byline.clone());
    let byline = meta_byline.or_else(|| {
        let header_name = title.and_then(|t| {
            (t + 1..header_end).find(|&i| near_name[i] && kinds[i] == ZoneKind::Boilerplate)
        });
        // After the article, a name, or a byline line ("Témoignage recueilli
        // par X", "(Reporting by X; Editing by Y)") signing it.
        let after_name = body_end.map(|e| e + 1).filter(|&i| {
            i < footer
                && (lines[i].name
                    || lines[i].byline.is_some() && !lines[i].dateline
                    // "X, curé de la paroisse" signs the text; not a list's
                    // entry (under a colon, or before another one).
                    || (lines[i].signed_name
                        && !lines[i - 1].text.trim_end().ends_with(':')
                        && !lines.get(i + 1).is_some_and(|l| l.signed_name))
                    || collective_signature(&lines[i]))
                && kinds[i] == ZoneKind::Boilerplate
                && boxed[i].is_none()
        });
        let i = header_name.or(after_name)?;
        kinds[i] = ZoneKind::Meta;
        reasons[i] = Reason::Byline;
        if let Some(b) = lines[i].byline.clone() {
            return Some(b);
        }
        let text = lines[i].text;
        Some(
            crate::cues::signed_name_part(text)
                .unwrap_or(text)
                .to_string(),
        )
    });

    // An author bio closing the article starts with the byline's name.
    if let (Some(name), Some(mut end)) = (&byline, body_end) {
        let opening: String = name
            .split_whitespace()
            .take(2)
            .collect::<Vec<_>>()
            .join(" ");
        while end > header_end
            && opening.contains(' ')
            && kinds[end] == ZoneKind::Body
            && lines[end].text.starts_with(&opening)
            && lines[end].text.len() > opening.len()
        {
            kinds[end] = ZoneKind::Boilerplate;
            reasons[end] = Reason::AuthorBio;
            end -= 1;
        }
        body_end = (header_end..=end)
            .rev()
            .find(|&i| kinds[i] == ZoneKind::Body);
    }
    for i in header_end..n {
        if kinds[i] == ZoneKind::Boilerplate && reasons[i] == Reason::Header {
            reasons[i] = if i >= footer {
                furniture_reason(&lines[i], related[i], caption[i]).unwrap_or(Reason::Footer)
            } else if body_end.is_none_or(|e| i > e) {
                Reason::AfterBody
            } else {
                Reason::NextToFurniture
            };
        }
    }

    // The date: a publication stamp wins over a plain date, which wins over an update.
    let datelines = || (0..n).filter(|&i| kinds[i] == ZoneKind::Meta && lines[i].dateline);
    let dateline = [
        Some(Stamp::Publication),
        Some(Stamp::Plain),
        Some(Stamp::Update),
    ]
    .iter()
    .find_map(|s| datelines().find(|&i| lines[i].stamp == *s))
    .or_else(|| datelines().next());
    Decision {
        kinds,
        reasons,
        classes,
        title,
        section: section_text,
        byline,
        dateline,
    }
}

/// Below this many characters a paragraph is judged by its neighbours, as
/// jusText judges its short blocks: a question that is a related link's
/// title ("Trains de nuit : le grand retour, vraiment ?") has the words of
/// a sentence, not its length.
const SHORT_PARAGRAPH: usize = 70;

/// Longest site note, in characters: a note is a sentence or two.
const NOTE_CHARS: usize = 300;

/// Longest note giving a charity's legal status ([`crate::phrases::LEGAL_STATUS`]).
const LEGAL_STATUS_CHARS: usize = 120;

/// Longest note that the names in a report were changed ([`crate::phrases::NAMES_CHANGED`]).
const NAMES_CHANGED_CHARS: usize = 80;

/// Whether a line holds any of [`NOTE_CONTAINS`](crate::phrases::NOTE_CONTAINS).
static NOTE_CONTAINS_ANY: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(crate::phrases::NOTE_CONTAINS)
            .unwrap_or_else(|_| unreachable!("the phrase list is small"))
    });

/// Whether a line holds any of [`LEGAL_STATUS`](crate::phrases::LEGAL_STATUS).
static LEGAL_STATUS_ANY: std::sync::LazyLock<aho_corasick::AhoCorasick> =
    std::sync::LazyLock::new(|| {
        aho_corasick::AhoCorasick::new(crate::phrases::LEGAL_STATUS)
            .unwrap_or_else(|_| unreachable!("the phrase list is small"))
    });

/// Builds this module's automata now ([`crate::warm_up`]).
pub(crate) fn warm() {
    std::sync::LazyLock::force(&NOTE_CONTAINS_ANY);
    std::sync::LazyLock::force(&LEGAL_STATUS_ANY);
}

/// The site's notes about the piece after the article's text ("Cet article
/// est paru dans le numéro 40", "This story was updated to…", "Les opinions
/// exprimées n'engagent que leur auteur"): sentences after the last long
/// paragraph that is not one (nor in a box), before the footer, that open by naming the
/// piece and say what was done with it, or with a note's label
/// ("Correction:"), or disclaim its opinions, or say the names were changed.
fn site_notes(
    lines: &[Line<'_>],
    paragraphs: &[usize],
    boxed: &[Option<crate::boxes::BoxKind>],
    from: usize,
    footer: usize,
) -> Vec<bool> {
    use crate::phrases::{
        LEGAL_STATUS, NAMES_CHANGED, NAMES_CHANGED_TAILS, NOTE_LABELS, NOTE_OPENINGS, NOTE_VERBS,
    };
    let mut out = vec![false; lines.len()];
    let is_note = |line: &Line<'_>| {
        if !line.sentence_end || line.chars > NOTE_CHARS || line.furniture() || line.meta() {
            return false;
        }
        let folded = line.folded();
        let folded = folded.trim_start_matches(['(', '[', '*', ' ']);
        // "Correction: …", and with its date, "Correction, April 4: …".
        let labelled = NOTE_LABELS.iter().any(|l| {
            folded.strip_prefix(l).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with(':')
                    || (rest.starts_with(',')
                        && rest.get(..rest.len().min(32)).is_some_and(|r| {
                            r.split_once(':')
                                .is_some_and(|(date, _)| date.bytes().any(|b| b.is_ascii_digit()))
                        }))
            })
        });
        labelled
            // One pass for any of the phrases (a search a phrase at a time
            // ran on every short sentence); the loop over the legal
            // statuses runs only where one of them is in the line.
            || NOTE_CONTAINS_ANY.is_match(folded)
            || (line.chars <= LEGAL_STATUS_CHARS
                && LEGAL_STATUS_ANY.is_match(folded)
                && LEGAL_STATUS.iter().any(|p| {
                    folded.contains(p)
                        && (folded.starts_with("association")
                            || folded
                                .rfind(p)
                                .is_some_and(|at| folded[at + p.len()..].chars().count() <= 25))
                }))
            || (line.chars <= NAMES_CHANGED_CHARS
                && NAMES_CHANGED.iter().any(|p| {
                    folded.strip_prefix(p).is_some_and(|rest| {
                        let rest = rest.trim_matches(|c: char| {
                            c == '.' || c == '*' || c == ',' || c.is_whitespace()
                        });
                        rest.is_empty()
                            || line.text.trim_start().starts_with('*')
                            || NAMES_CHANGED_TAILS.contains(&rest)
                    })
                }))
            || (NOTE_OPENINGS.iter().any(|o| folded.starts_with(o))
                && NOTE_VERBS.iter().any(|v| folded.contains(v)))
    };
    // A note above the text, under the header ("This article was produced
    // in partnership with …", "Update, April 12: …"), with a label or
    // naming the piece: up to the first long paragraph.
    let first_long = paragraphs
        .iter()
        .copied()
        .filter(|&p| p >= from && p < footer)
        .find(|&p| lines[p].chars >= 100 && !is_note(&lines[p]));
    // Above the text a note says what was done with the piece at once
    // ("This article was produced …"); "This report, funded by …, found"
    // is the text.
    let note_above = |line: &Line<'_>| {
        let folded = line.folded();
        let direct = NOTE_OPENINGS.iter().any(|o| {
            folded.strip_prefix(o).is_some_and(|rest| {
                [
                    " was ",
                    " is ",
                    " has been ",
                    " a ete ",
                    " est ",
                    " a beneficie ",
                ]
                .iter()
                .any(|aux| rest.starts_with(aux))
            })
        });
        is_note(line) && (direct || !NOTE_OPENINGS.iter().any(|o| folded.starts_with(o)))
    };
    if let Some(first) = first_long {
        for i in from..first {
            out[i] = note_above(&lines[i]);
        }
    }
    // After the text, a contributor's bio ("X is a reporter at Y") is the
    // site's too, when the text does not name X (a story about a reporter).
    let named_in_text = |line: &Line<'_>| {
        bio_name(line).is_some_and(|name| {
            paragraphs
                .iter()
                .any(|&p| p < footer && lines[p].text != line.text && lines[p].text.contains(name))
        })
    };
    let is_note =
        |line: &Line<'_>| is_note(line) || (contributor_bio(line) && !named_in_text(line));
    let last_long = paragraphs
        .iter()
        .copied()
        .filter(|&p| p >= from && p < footer && boxed[p].is_none())
        .rfind(|&p| lines[p].chars >= 100 && !is_note(&lines[p]));
    let Some(last) = last_long else {
        return out;
    };
    for i in last + 1..footer {
        out[i] = is_note(&lines[i]);
    }
    out
}

/// A contributor's bio closing a page: a person's name, "is a" / "est",
/// and a word of the trade or of a book ("Hana Yoshida is a data reporter
/// at Fathom.", "X est journaliste indépendante.", "Her book Y came out").
fn contributor_bio(line: &Line<'_>) -> bool {
    const TRADE: &[&str] = &[
        "reporter",
        "journalist",
        "writer",
        "editor",
        "correspondent",
        "columnist",
        "contributor",
        "photographer",
        "author of",
        "his book",
        "her book",
        "their book",
        "journaliste",
        "redacteur",
        "redactrice",
        "correspondant",
        "chroniqueur",
        "chroniqueuse",
        "photographe",
        "auteur de",
        "autrice de",
        "son livre",
    ];
    if !line.sentence_end || line.chars > NOTE_CHARS {
        return false;
    }
    let Some(name) = bio_name(line) else {
        return false;
    };
    let folded = line.folded();
    crate::cues::is_person_name(name) && TRADE.iter().any(|t| folded.contains(t))
}

/// The verbs after a bio's name.
const BIO_VERBS: &[&str] = &[" is a ", " is an ", " is the ", " est ", " is based "];

/// The longest name [`bio_name`] gives, in bytes.
const BIO_NAME_BYTES: usize = 40;

/// The name opening a bio's sentence: the words before "is a" / "est".
///
/// The name is the line up to the first verb, when that is within
/// [`BIO_NAME_BYTES`]: a verb there ends in the line's first 50 bytes (" is
/// based " has 10, all ASCII), and only those are searched (notes run to
/// 300 characters; this runs on every sentence after the text).
fn bio_name<'a>(line: &Line<'a>) -> Option<&'a str> {
    bio_name_of(crate::boilerplate::head(line.text, BIO_NAME_BYTES + 10))
}

/// [`bio_name`] of a line's text (or of its first 50 bytes).
fn bio_name_of(text: &str) -> Option<&str> {
    // Every verb holds " is " or " est ": a text without either has none,
    // and is not searched for each.
    let bytes = text.as_bytes();
    if !bytes.windows(4).any(|w| w == b" is ") && !bytes.windows(5).any(|w| w == b" est ") {
        return None;
    }
    bio_name_searched(text)
}

/// [`bio_name_of`] by a search for each verb.
fn bio_name_searched(text: &str) -> Option<&str> {
    BIO_VERBS
        .iter()
        .filter_map(|v| text.split_once(v))
        .map(|(name, _)| name)
        .min_by_key(|name| name.len())
        .filter(|name| name.len() <= BIO_NAME_BYTES)
}

/// A wire story's currency conversion note, bracketed after its last
/// paragraph: "($1 = 0.7812 pounds)", "(€1 = 1.0850 dollars)". The article's
/// own words, though neither a sentence nor running text.
fn conversion_note(text: &str) -> bool {
    let Some(inner) = text.strip_prefix('(').and_then(|t| t.strip_suffix(')')) else {
        return false;
    };
    let Some((left, right)) = inner.split_once(" = ") else {
        return false;
    };
    left.split_whitespace().count() <= 3
        && left.chars().any(|c| c.is_ascii_digit())
        && right.starts_with(|c: char| c.is_ascii_digit())
        && right.split_whitespace().count() <= 4
}

/// Whether the short line `i` repeats words of one of the page's
/// paragraphs, as a pull quote does ("« Ici, l'herbe décide de tout »"
/// beside the paragraph that says it); trafilatura drops such duplicates.
/// Only lines of four words or more and twenty characters count: a
/// subheading may well share a word or two with the text.
fn repeats_a_paragraph(lines: &[Line<'_>], paragraphs: &[usize], i: usize) -> bool {
    let inner = lines[i].text.trim_matches(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '«' | '»' | '"' | '“' | '”' | '\'' | '‘' | '’' | '.' | '…'
            )
    });
    if lines[i].words < 4 || inner.len() < 20 {
        return false;
    }
    paragraphs
        .iter()
        .any(|&p| p != i && lines[p].text.contains(inner))
}

/// How many lines a box inside the article (a newsletter offer, a related
/// link under its heading) may take between two of its sentences.
const BOX_LINES: usize = 6;

/// How many lines after a paywall prompt the article's text may resume:
/// the prompt's box (an offer, a login link) stands between.
const PAYWALL_BOX: usize = 4;

/// Whether the article goes on after the paywall prompt at `at`: a
/// paragraph follows within [`PAYWALL_BOX`] lines, with no known phrase
/// before it. A page that cuts the article has the wall's login and
/// subscription links there, then the comments or the footer.
fn text_resumes(lines: &[Line<'_>], at: usize) -> bool {
    lines[at + 1..]
        .iter()
        .take(PAYWALL_BOX)
        .find(|l| l.phrase.is_some() || l.paragraph())
        .is_some_and(|l| l.phrase.is_none())
}

/// Lines listed under a related-links heading ("Pour mémoire", "Read more"):
/// the line right after it, and the short lines after that up to the next sentence.
fn related_links(lines: &[Line<'_>]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut open = false;
    let mut first = false;
    for (i, line) in lines.iter().enumerate() {
        if line.phrase == Some(Phrase::Related) {
            open = true;
            first = true;
            continue;
        }
        let closes = line.chars >= 200
            || line.phrase.is_some()
            || (line.sentence_end && !(first && line.chars < 120));
        if open && closes {
            open = false;
        } else if open {
            out[i] = true;
        }
        first = false;
    }
    out
}

/// The headline: of the headline-like lines before the first paragraph, the
/// last one before the byline and date (site names and menus come earlier);
/// failing that, the last short line of two words or more before the paragraph.
fn find_title(
    lines: &[Line<'_>],
    first_paragraph: usize,
    meta_like: &dyn Fn(usize) -> bool,
    furniture: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let headline = |i: usize| {
        lines[i].headline()
            && !furniture(i)
            && !lines[i].name
            && lines[i].crumb.is_none()
            && !crate::headline::not_headline(lines, i)
    };
    let first_meta = (0..first_paragraph)
        .find(|&i| meta_like(i))
        .unwrap_or(first_paragraph);
    if first_meta == first_paragraph
        && let Some(h) = headline_above_late_meta(lines, first_paragraph, meta_like, &headline)
    {
        return Some(h);
    }
    // A date over the headline (a banner, the date, the section, then the
    // headline, its standfirst and its byline): the headline is the one
    // under the date that a byline follows, past at most a standfirst.
    let under_meta = (first_meta + 1..first_paragraph)
        .rev()
        .find(|&i| headline(i))
        .filter(|&h| {
            let mut j = h + 1;
            let mut standfirst = 0;
            while j < lines.len() && lines[j].sentence() && !meta_like(j) && standfirst < 1 {
                standfirst += 1;
                j += 1;
            }
            // The byline under the standfirst, or the date when the
            // byline is the meta line over the headline.
            let byline_over = lines[first_meta].byline.is_some() && h == first_meta + 1;
            j > h + 1
                && j < lines.len()
                && meta_like(j)
                && (lines[j].byline.is_some() || (byline_over && lines[j].dateline))
        });
    under_meta
        .or_else(|| (0..first_meta).rev().find(|&i| headline(i)))
        .or_else(|| (0..first_paragraph).rev().find(|&i| headline(i)))
        .map(|t| crate::headline::over_subhead(lines, t))
        .or_else(|| crate::headline::question_headline(lines, first_paragraph, meta_like))
        .or_else(|| crate::headline::recurring_headline(lines, first_paragraph, meta_like))
        .or_else(|| {
            (0..first_paragraph).rev().find(|&i| {
                let l = &lines[i];
                !furniture(i)
                    && !l.meta()
                    && l.crumb.is_none()
                    && l.words >= 2
                    && !l.sentence_end
                    && l.chars <= 250
            })
        })
}

/// Whether `line` would be headline-like but for its recurrence.
fn recurrent_headline(line: &Line<'_>) -> bool {
    line.recurrent
        && line.phrase.is_none()
        && line.cue.is_none()
        && !line.counter
        && !line.name
        && !line.meta()
        && line.headline_shape()
}

/// Paragraphs a banner above the headline may hold (a consent notice, a
/// teaser) for [`headline_above_late_meta`].
const BANNER_PARAGRAPHS: usize = 2;

/// The headline of a page whose first paragraphs are not the article's: a
/// cookie notice or a teaser no phrase names stands above the headline, and
/// the byline and date come after it. The headline is then the headline-like
/// line right above the byline and date (past a standfirst and a section
/// line), when at most [`BANNER_PARAGRAPHS`] paragraphs stand before it and
/// the article's paragraphs follow the date. A date at the bottom of a page
/// (a live blog's) has more paragraphs above it, or none after.
fn headline_above_late_meta(
    lines: &[Line<'_>],
    first_paragraph: usize,
    meta_like: &dyn Fn(usize) -> bool,
    headline: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let n = lines.len();
    // The banner ends in its buttons or the menu, not in a name or a
    // headline-like line under a standfirst (an unnamed byline).
    let after = first_paragraph + 1;
    if after >= n || lines[after].headline() || meta_like(after) || lines[after].sentence() {
        return None;
    }
    let m = (first_paragraph + 1..n).find(|&i| meta_like(i))?;
    if !(m + 1..n).any(|i| lines[i].paragraph()) {
        return None;
    }
    let (mut standfirst, mut short) = (0, 0);
    let mut j = m;
    while j > first_paragraph {
        j -= 1;
        let line = &lines[j];
        if meta_like(j) || line.furniture() {
            continue;
        }
        if headline(j) && !line.sentence_end {
            let before = (0..j).filter(|&i| lines[i].paragraph()).count();
            let apart = j == 0 || !lines[j - 1].sentence();
            return (before <= BANNER_PARAGRAPHS && apart).then_some(j);
        }
        if line.sentence() {
            standfirst += 1;
        } else {
            short += 1;
        }
        if standfirst > STANDFIRST_LINES || short > 2 {
            return None;
        }
    }
    None
}

/// Short paragraphs a header may hold between its standfirst and its
/// byline or date (a caption, three key points), for [`body_start`].
const HEADER_SHORT_PARAGRAPHS: usize = 4;

/// Lines from the standfirst within which a byline or date past a short
/// paragraph still closes the header, for [`body_start`].
const HEADER_LINES: usize = 8;

/// A paragraph at least this long is the text's, not a header's caption or
/// key point, for [`body_start`].
const HEADER_SHORT_CHARS: usize = 160;

/// Where the article's paragraphs begin: after the byline and date that
/// follow the headline, if there are any before the second paragraph (the
/// first may then be a standfirst), else at the first paragraph.
fn body_start(
    lines: &[Line<'_>],
    paragraphs: &[usize],
    from: usize,
    n: usize,
    meta: &dyn Fn(usize) -> bool,
) -> usize {
    let mut after = paragraphs.iter().copied().filter(|&p| p >= from);
    let Some(first) = after.next() else {
        return paragraphs.first().copied().unwrap_or(from);
    };
    // Between the standfirst and the byline a header may hold a few short
    // "paragraphs" that are no text: a photo's caption, a list of key
    // points. The window runs past them, up to the first line of text's
    // length or the [`HEADER_SHORT_PARAGRAPHS`]th.
    // Past the second paragraph, the byline or date must be near the
    // standfirst and read as one (not a name-like heading): a bare time there is a live blog's first post, a date far
    // under it the foot of a text of short paragraphs.
    let mut after = after.peekable();
    let second = after.peek().copied().unwrap_or(n);
    let window_end = after
        .take(HEADER_SHORT_PARAGRAPHS + 1)
        .enumerate()
        .find(|&(k, p)| k == HEADER_SHORT_PARAGRAPHS || lines[p].chars >= HEADER_SHORT_CHARS)
        .map_or(n, |(_, p)| p);
    // A labelled date under the first paragraph ("Date : jeudi 2 mai", a
    // fact box's field) is the box's, not the header's.
    let labelled = |i: usize| {
        lines[i].text.split_once(':').is_some_and(|(label, _)| {
            label.split_whitespace().count() <= 2
                && !label.trim().is_empty()
                && !label.chars().any(|c| c.is_ascii_digit())
        })
    };
    let last_meta = (from..window_end).rev().find(|&i| {
        meta(i)
            && !(i > first && labelled(i))
            && (i < second
                || (i - first <= HEADER_LINES
                    && lines[i].meta()
                    && lines[i].cue != Some(Cue::Time)))
    });
    match last_meta {
        Some(m) if m > first => paragraphs.iter().copied().find(|&p| p > m).unwrap_or(first),
        _ => first,
    }
}

/// The section: a short line right after the headline (not a name over a
/// date), else the last element of a breadcrumb above it, else the first
/// line above the headline past its furniture (a badge, "Live"). Sections
/// recur across an import, so recurrence does not disqualify them. The
/// flag says the line is a breadcrumb.
fn find_section(
    lines: &[Line<'_>],
    title: usize,
    header_end: usize,
    furniture: &dyn Fn(usize) -> bool,
) -> Option<(usize, bool)> {
    let after = title + 1;
    // Not an agency, an issuer's label, a rating, nor a name over the date.
    let not_section = |i: usize| {
        agency_under_headline(lines, i)
            || crate::headline::is_provider_label(lines[i].text)
            || crate::headline::before_standfirst(&lines[i])
            || (lines[i].name && lines.get(i + 1).is_some_and(Line::meta))
    };
    if after < header_end && lines[after].section() && !not_section(after) {
        return Some((after, false));
    }
    // Above the headline, the first line past its badges ("Live"). It must
    // stand apart from a menu: after a blank line or a navigation phrase,
    // or on a page whose scraper wrote no blank lines (where nothing sets
    // the menu apart); a recurring line needs the blank line or the phrase,
    // or to repeat an entry of the menu above (the page's own section, as
    // the menu marks it).
    let compact = lines.iter().skip(1).all(|l| !l.blank_before);
    // A badge ("Live") may stand between the section and the headline, not
    // a login or subscription link: the line above that is the menu's.
    // A byline or date above the headline (a student paper's "By X, Staff
    // Writer") is passed over: the section stands above it.
    let before = (title.saturating_sub(4)..title)
        .rev()
        .take_while(|&i| !is_menu_link(&lines[i]))
        .find(|&i| {
            !lines[i].meta() && (!furniture(i) || (lines[i].recurrent && lines[i].section()))
        })
        .map(|b| crate::headline::past_badge(lines, b));
    // Whether line `b` repeats an entry of the menu above it.
    let in_menu = |b: usize| (0..b).any(|j| lines[j].text == lines[b].text);
    // A kicker over the headline (a topic no menu names) under a line that
    // repeats an entry of the menu: the menu's entry is the section.
    let before = before.map(|b| {
        let above = b.checked_sub(1).filter(|&a| {
            !in_menu(b) && lines[a].section() && in_menu(a) && !crate::headline::is_badge(&lines[a])
        });
        above.unwrap_or(b)
    });
    // A kicker between a breadcrumb and the headline (a kind of
    // intervention, a country, a release's number) is the piece's topic,
    // not its section, and a line above the crumb is the site's: the
    // breadcrumb's last element is the section, unless it only says
    // "news" ("Accueil / Actualités"), when the kicker names more.
    let crumb = (title.saturating_sub(4)..title)
        .rev()
        .take_while(|&i| !is_menu_link(&lines[i]))
        .find(|&c| lines[c].crumb.is_some_and(|last| !generic_crumb(last)))
        .filter(|&c| (c + 1..title).all(|i| !lines[i].paragraph() && lines[i].chars <= 40));
    if let Some(c) = crumb {
        return Some((c, true));
    }
    if let Some(b) = before {
        let line = &lines[b];
        let after_nav = b > 0 && lines[b - 1].phrase.is_some();
        let in_menu = in_menu(b);
        let apart = if line.recurrent {
            line.blank_before || after_nav || in_menu
        } else {
            line.blank_before || after_nav || in_menu || compact
        };
        if line.section() && apart {
            return Some((b, false));
        }
    }
    (0..title)
        .rev()
        .find(|&i| lines[i].crumb.is_some())
        .map(|i| (i, true))
}

/// Last crumbs that name no section but the site's list of news, folded.
const GENERIC_CRUMBS: &[&str] = &[
    "actualites",
    "actualite",
    "actus",
    "actu",
    "infos",
    "info",
    "a la une",
    "accueil",
    "news",
    "latest",
    "latest news",
    "home",
    "articles",
    "stories",
    "blog",
    "all news",
    "newsroom",
];

/// Whether a breadcrumb's last element only says "news" ("Actualités", "News").
fn generic_crumb(last: &str) -> bool {
    GENERIC_CRUMBS.contains(&crate::boilerplate::fold(last).as_str())
}

/// Whether line `i` is an agency's signature in capitals ("APK", "ANP"):
/// three to six capital letters alone, right under a headline-like line or
/// its standfirst and over the date (within two lines). A badge ("LIVE", "VIDEO") is none.
fn agency_under_headline(lines: &[Line<'_>], i: usize) -> bool {
    let line = &lines[i];
    // Not a country, a section or an institution in capitals, nor an
    // entry of the menu above.
    const NOT_AGENCIES: &[&str] = &[
        "USA", "NEWS", "SPORT", "SPORTS", "TECH", "MONDE", "WORLD", "EU", "UE", "NHS", "NBA",
        "NFL", "FIFA", "UEFA", "ONU", "NATO", "OTAN", "BUSINESS", "ECO", "CULTURE", "OPINION",
    ];
    let acronym = (3..=6).contains(&line.text.len())
        && line.text.bytes().all(|b| b.is_ascii_uppercase())
        && !NOT_AGENCIES.contains(&line.text)
        && !lines[..i]
            .iter()
            .any(|l| l.text.eq_ignore_ascii_case(line.text));
    acronym
        && i > 0
        && line.phrase.is_none()
        && line.cue.is_none()
        && !crate::headline::listed_badge(line)
        && !["LIVE", "NEW", "VIDEO", "AUDIO", "MAJ", "DIRECT"].contains(&line.text)
        && (lines[i - 1].headline_shape() || lines[i - 1].sentence())
        && !lines[i - 1].furniture()
        && (i + 1..(i + 3).min(lines.len())).any(|j| lines[j].dateline)
}

/// Whether line `i` opens the footnotes under a text: the first note's
/// number alone ("1", "[1]", "1.", "¹") over a sentence, with two
/// paragraphs of the text above it, the next number further down and the
/// first note's call in the text above.
fn footnotes_start(lines: &[Line<'_>], paragraphs: &[usize], i: usize) -> bool {
    let first = |t: &str| matches!(t, "1" | "[1]" | "1." | "¹" | "(1)");
    let second = |t: &str| matches!(t, "2" | "[2]" | "2." | "²" | "(2)");
    first(lines[i].text.trim())
        && lines.get(i + 1).is_some_and(|l| l.sentence_end)
        && paragraphs.iter().filter(|&&p| p < i).count() >= 2
        && lines[i + 1..].iter().take(6).any(|l| second(l.text.trim()))
        // The text above calls the note ("[1]", "¹", "(1)"), or no running
        // text follows but the notes (a numbered list's "1." has paragraphs
        // after its items).
        && (lines[..i]
            .iter()
            .any(|l| ["[1]", "¹", "(1)"].iter().any(|m| l.text.contains(m)))
            || paragraphs
                .iter()
                .filter(|&&p| p > i)
                .all(|&p| p > 0 && is_note_number(lines[p - 1].text.trim())))
}

/// A footnote's number alone on its line ("1", "[2]", "3.", "¹").
fn is_note_number(t: &str) -> bool {
    let digits = t
        .trim_start_matches(['[', '('])
        .trim_end_matches([']', ')', '.']);
    (!digits.is_empty() && digits.len() <= 2 && digits.bytes().all(|b| b.is_ascii_digit()))
        || matches!(t, "¹" | "²" | "³")
}

/// A press release's "About X" heading with an article before X ("À
/// propos de la Région Haute-Vallière", "About the Acme Foundation"):
/// short, no stop, a capital past the article (not a subject, "À propos
/// de la réforme"). What follows it is the issuer's, to the page's end.
/// The headings without an article are [`crate::boxes`]' "About X" box,
/// which takes the paragraphs describing X.
fn about_box(text: &str) -> bool {
    let rest = [
        "À propos de ",
        "A propos de ",
        "À propos d'",
        "A propos d'",
        "About ",
    ]
    .iter()
    .find_map(|p| text.strip_prefix(p));
    let Some(rest) = rest else {
        return false;
    };
    let Some(rest) = ["la ", "le ", "les ", "l'", "l’", "the "]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
    else {
        return false;
    };
    crate::boxes::about_name(text).is_none()
        && text.split_whitespace().nth(8).is_none()
        && !ends_sentence(text)
        && rest.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `text` opens with the credit of an interview's questions
/// ("Propos recueillis par X", "Interview by X").
fn interview_credit(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "propos recueillis par ",
        "interview by ",
        "interviewed by ",
        "interview realisee par ",
        "entretien realise par ",
    ];
    let folded = crate::boilerplate::fold(text);
    OPENINGS.iter().any(|o| folded.starts_with(o))
}

/// Labels a site may put before its section's name ("Topic: Courts",
/// "Rubrique : Société"), folded, with their colon.
const SECTION_LABELS: &[&str] = &[
    "topic:",
    "topic :",
    "section:",
    "section :",
    "category:",
    "rubrique :",
    "rubrique:",
    "categorie :",
    "categorie:",
    "theme :",
    "theme:",
    "thematique :",
];

/// A section's name without its label ("Topic: Courts" gives "Courts").
fn unlabelled_section(text: &str) -> &str {
    let folded = crate::boilerplate::fold(text);
    SECTION_LABELS
        .iter()
        .find(|l| folded.starts_with(*l))
        .and_then(|l| {
            // The label's words end at its colon, in the text as in its fold.
            let colon = text.find(':')?;
            let rest = text[colon + 1..].trim();
            (l.ends_with(':') && !rest.is_empty()).then_some(rest)
        })
        .unwrap_or(text)
}

/// A byline's label on a line of its own, the names on the next ("By",
/// "Par", "Auteur :", "Written by", "Article rédigé par").
fn is_byline_label(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "by",
        "par",
        "author",
        "authors",
        "auteur",
        "auteurs",
        "autrice",
        "written by",
        "reviewed by",
        "reported by",
        "propos recueillis par",
        "words by",
        "story by",
        "ecrit par",
        "redige par",
        "article redige par",
        "article ecrit par",
        "un article de",
        "texte",
        "texte de",
    ];
    text.len() <= 24 && LABELS.contains(&crate::boilerplate::fold(text).as_str())
}

/// A menu's login, account or subscription link: a navigation phrase of
/// more than a badge's one word ("Se connecter", "Mon compte"), or one of
/// the one-word links of a menu's end.
fn is_menu_link(line: &Line<'_>) -> bool {
    const ONE_WORD: &[&str] = &[
        "connexion",
        "login",
        "subscribe",
        "register",
        "s'abonner",
        "s'inscrire",
        "inscription",
    ];
    line.phrase == Some(Phrase::Nav) && (line.words > 1 || ONE_WORD.contains(&line.folded()))
}

/// The lede: the first run of sentences after the headline, past the
/// section, meta lines and furniture right under it.
fn mark_lede(
    lines: &[Line<'_>],
    title: usize,
    header_end: usize,
    kinds: &mut [ZoneKind],
    reasons: &mut [Reason],
    furniture: &dyn Fn(usize) -> bool,
) {
    let mut i = title + 1;
    while i < header_end
        && (kinds[i] != ZoneKind::Boilerplate
            || furniture(i)
            || lines[i].name
            || crate::headline::before_standfirst(&lines[i]))
    {
        i += 1;
    }
    let first = i;
    while i < header_end
        && (lines[i].sentence() || crate::headline::is_subhead(lines, title, i))
        && !furniture(i)
        && !crate::headline::is_teaser(lines[i].text)
        && !info_strip(&lines[i])
        && !(i > first && caption_above_credit(lines, i))
    {
        kinds[i] = ZoneKind::Lede;
        reasons[i] = crate::headline::lede_reason(lines, title, i);
        i += 1;
    }
}

/// Nouns of a body that signs a text as a whole (folded): "Le bureau
/// fédéral", "L'équipe d'animation pastorale", "The editorial board".
#[rustfmt::skip]
const COLLECTIVE_NOUNS: &[&str] = &[
    "bureau", "conseil", "comite", "equipe", "direction", "redaction", "collectif",
    "secretariat", "commission", "syndicat", "association", "section", "intersyndicale",
    "board", "team", "committee", "editors", "editorial", "staff", "council", "executive",
];

/// A collective signature under a text: the body that signs, alone on a
/// short line ("Le bureau fédéral", "The editorial board"), given as it stands.
fn collective_signature(line: &Line<'_>) -> bool {
    if line.chars > 40 || line.words > 5 || line.text.ends_with(['.', '!', '?', ':', ',']) {
        return false;
    }
    let folded = line.folded();
    let noun = ["le ", "la ", "les ", "l'", "l\u{2019}", "the "]
        .iter()
        .find_map(|d| folded.strip_prefix(d))
        .and_then(|rest| rest.split(|c: char| !c.is_alphanumeric()).next());
    line.text.starts_with(char::is_uppercase) && noun.is_some_and(|n| COLLECTIVE_NOUNS.contains(&n))
}

/// A strip of fields under a headline, no sentence: parts set apart by
/// " · " or " | ", one of them a "Label : value" ("Intervention du 30 avril
/// 2024 à 20h05 · Communes : X, Y"). No standfirst.
fn info_strip(line: &Line<'_>) -> bool {
    !line.sentence_end
        && [" · ", " | "].iter().any(|sep| {
            line.text.contains(sep)
                && line.text.split(sep).any(|part| {
                    part.split_once(':').is_some_and(|(label, value)| {
                        let label = label.trim();
                        (1..=3).contains(&label.split_whitespace().count())
                            && label.starts_with(char::is_uppercase)
                            && !value.trim().is_empty()
                    })
                })
        })
}

/// The text's first paragraph when the header's last line is a standfirst
/// over the page's photo: a paragraph of at most 200 characters right under
/// a date or byline, then a bare credit, then a paragraph ("Publié le …" /
/// the standfirst / "© Ville de X" / the text). `None` if the header ends
/// otherwise.
fn standfirst_over_photo(lines: &[Line<'_>], paragraphs: &[usize], start: usize) -> Option<usize> {
    let line = &lines[start];
    let meta_above = (start.saturating_sub(2)..start).any(|j| lines[j].meta());
    if !line.paragraph() || line.chars > 200 || !meta_above {
        return None;
    }
    let credit = start + 1;
    if !lines.get(credit).is_some_and(bare_credit) {
        return None;
    }
    paragraphs.iter().copied().find(|&p| p == credit + 1)
}

/// Words from which a line between paragraphs that ends no sentence reads
/// as a photo's caption ("Jane Roe, 78, on her plot in Ashby, where she has
/// grown marrows since 1972"), not an intertitle, which is a few words.
const CAPTION_WORDS: usize = 11;

/// Whether `line` has a caption's shape among paragraphs: many words, no
/// final stop, no question, nothing after a colon that makes it a heading.
fn caption_shape(line: &Line<'_>) -> bool {
    // `Line::words` stops counting at 8. An item of a list ("• des
    // grêlons de 3 à 4 cm ;") is the text's.
    !line.sentence_end
        && !line.text.starts_with(['•', '-', '–', '—', '*', '·'])
        && !line.text.ends_with(';')
        && line.chars <= 200
        && !line.text.ends_with(':')
        && line.text.split_whitespace().count() >= CAPTION_WORDS
}

/// Whether `text` is the "continue reading" line under an ad inside the
/// text: an intertitle comes under it, the ad's own words under the label.
fn continue_line(text: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "continuer la lecture",
        "la suite apres",
        "lire la suite apres",
        "continue reading",
        "story continues",
        "article continues",
        "l'article continue",
    ];
    let folded = crate::boilerplate::fold(text);
    text.len() <= 80 && OPENINGS.iter().any(|o| folded.starts_with(o))
}

/// Whether `text` is an ad break's label or its "continue reading" line
/// ([`continue_line`]).
fn ad_break(text: &str) -> bool {
    const LABELS: &[&str] = &[
        "publicite",
        "advertisement",
        "advertising",
        "annonce",
        "sponsored",
    ];
    let folded = crate::boilerplate::fold(text);
    (text.len() <= 80 && LABELS.iter().any(|o| folded.starts_with(o))) || continue_line(text)
}

/// Whether `line` is an item of a bulleted list: a bullet, a space, words.
fn bulleted(line: &Line<'_>) -> bool {
    let mut chars = line.text.chars();
    matches!(
        chars.next(),
        Some('•' | '–' | '—' | '-' | '*' | '·' | '▪' | '◦')
    ) && chars.next() == Some(' ')
        && line.words >= 2
        && line.chars <= 300
}

/// The shape of an intertitle: two to [`INTERTITLE_WORDS`] words, no full
/// stop, no more than a short line's characters.
fn intertitle_shape(line: &Line<'_>) -> bool {
    let words = line.text.split_whitespace().count();
    (2..=INTERTITLE_WORDS).contains(&words) && line.chars <= 80 && !line.sentence_end
}

/// Whether the credit under line `i` is a photographer's ("© X / Y",
/// "Photo : X", "Crédit photo : X") and no caption line follows it: line
/// `i` is then the photo's caption, wherever it stands. A source line over
/// a caption ("Image source, X" then "Image caption, …") or a chart's
/// ("Chart: …") credits what follows, not the line above.
fn photo_credit_under(lines: &[Line<'_>], i: usize) -> bool {
    let Some(credit) = lines.get(i + 1) else {
        return false;
    };
    let folded = credit.folded();
    let photographer = credit.text.starts_with('©')
        || [
            "photo :",
            "photo:",
            "photos :",
            "photos:",
            "photograph:",
            "credit photo",
            "photo credit",
        ]
        .iter()
        .any(|p| folded.starts_with(p));
    photographer && lines.get(i + 2).is_none_or(|l| l.cue != Some(Cue::Credit))
}

/// Furniture lines a break inside the text may hold, for the intertitle
/// under it.
const BREAK_LINES: usize = 3;

/// Most words of an intertitle under a break.
const INTERTITLE_WORDS: usize = 10;

/// Longest caption above a credit before the text: a paragraph above a
/// photo credit is longer.
const CAPTION_CHARS: usize = 160;

/// Longest line of running text above a photographer's credit inside the
/// text that is taken for the photo's caption: a caption is a short
/// sentence, and a photo may have a credit and no caption under a paragraph.
const CAPTION_IN_TEXT_CHARS: usize = 90;

/// Whether line `i` is a photo's caption: a line of at most 200 characters
/// right above a bare credit ("PHOTO X, LE JOURNAL", "Photo : X"; not a
/// caption that ends in its credit, "Le pont. © Belga"). Not the
/// standfirst, though it is a sentence under the headline.
fn caption_above_credit(lines: &[Line<'_>], i: usize) -> bool {
    lines[i].chars <= 200 && lines.get(i + 1).is_some_and(bare_credit)
}

/// A credit alone on its line: a credit cue or a line opening with "©", of
/// at most 80 characters, with no sentence in it (an initial, "© X / D.
/// Martin", is none after a "©").
fn bare_credit(l: &Line<'_>) -> bool {
    let opens = l.text.starts_with('©');
    (l.cue == Some(Cue::Credit) || opens)
        && l.chars <= 80
        && !l.sentence_end
        && (opens || !l.text.contains(". "))
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
