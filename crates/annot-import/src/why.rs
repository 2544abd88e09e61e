//! Why each line of an article is in its zone: the rule that decided and
//! the signals the zoner read, as data for `annot show --why` to format.

use crate::boilerplate::Phrase;
use crate::cues::Cue;
use crate::lines::read_lines;
use crate::zone::{Recurrence, ZoneKind, decide};

/// Why a line got its zone: the rule that decided, over the line's signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The headline: the last headline-like line before the byline and date.
    Title,
    /// A headline that is a question, read as a short paragraph with the
    /// byline and date under it.
    QuestionTitle,
    /// A lone short line next to the headline (adjacent, or past a badge).
    Section,
    /// A breadcrumb, whose last element is the section.
    Breadcrumb,
    /// A byline ("Par X", "By X", an agency, a name alone near the headline).
    Byline,
    /// A date line ("Publié le …", "Updated …").
    Dateline,
    /// The first sentences after the headline, before the article.
    Lede,
    /// The line in sentence case under a headline in title case: the
    /// subheading, the standfirst whatever its length.
    Subheading,
    /// Running text: long, ending a sentence, with function words.
    Paragraph,
    /// A short sentence among the paragraphs (furniture is not on both
    /// sides, or a paragraph is a few lines above).
    ShortSentence,
    /// A short line that is not a sentence, between two paragraphs.
    BetweenParagraphs,
    /// A short line between a box inside the text (a glossary) and the
    /// paragraph under it: an intertitle.
    IntertitleAfterBox,
    /// A short line under a break inside the text (an ad and its "continue
    /// reading" line, a related link) and over a paragraph, with a
    /// paragraph above the break: an intertitle.
    IntertitleAfterBreak,
    /// A short line between a pull quote (a paragraph's words again) and
    /// the paragraph under it: an intertitle.
    IntertitleAfterPullQuote,
    /// An item of a bulleted list ("• …") between two paragraphs: the text's.
    ListItem,
    /// A date or name line among the paragraphs: the article's own.
    MetaInBody,
    /// No line of the text reads as a paragraph: all of it is the body.
    NoParagraphs,
    /// A known phrase of site furniture.
    Phrase(&'static str),
    /// A counter or a stray mark (`6`, `1/1`, `›`).
    Counter,
    /// A shape of page furniture (photo credit, gallery counter, …).
    Cue(Cue),
    /// The line recurs across the documents of this import.
    Recurrent,
    /// A link under a related-links heading.
    RelatedLink,
    /// The line after a gallery counter, or a short line right above a
    /// bare credit: a photo caption.
    Caption,
    /// A long line that ends no sentence between paragraphs: a photo's
    /// caption, not an intertitle.
    CaptionShape,
    /// A short line with furniture next to it, among the paragraphs.
    NextToFurniture,
    /// After the last paragraph and starts with the byline's name: an author bio.
    AuthorBio,
    /// A short text alone far after the article, past a run of furniture.
    Island,
    /// After the article's last long paragraph, a sentence naming the piece
    /// and what the site did with it ("Cet article est paru…"), or a
    /// disclaimer of its opinions: the site's note.
    SiteNote,
    /// A box or the end matter of the text (a glossary, a list of sources,
    /// an "About X" paragraph, legal boilerplate, a fact-check credit).
    Box(crate::boxes::BoxKind),
    /// A bracketed currency conversion note after a paragraph ("($1 = 0.78
    /// pounds)"): the wire story's own.
    ConversionNote,
    /// A short line among the paragraphs that repeats words of one of them:
    /// a pull quote.
    PullQuote,
    /// The learned line model overruled the rules (see [`LineWhy::model`]).
    LineModel,
    /// Before the article and neither headline, lede nor meta.
    Header,
    /// After the article's last paragraph.
    AfterBody,
    /// After a footer phrase (comments, "most read").
    Footer,
}

impl Reason {
    /// A short description, as `annot show --why` prints it.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Reason::Title => "headline before the byline and date",
            Reason::QuestionTitle => "headline that is a question, a byline or date under it",
            Reason::Section => "lone short line next to the headline",
            Reason::Breadcrumb => "breadcrumb, its last element the section",
            Reason::Byline => "byline",
            Reason::Dateline => "date line",
            Reason::Lede => "first sentences after the headline",
            Reason::Subheading => "subheading under a headline in title case",
            Reason::Paragraph => "running text",
            Reason::ShortSentence => "short sentence among paragraphs",
            Reason::BetweenParagraphs => "short line between paragraphs",
            Reason::IntertitleAfterBox => "intertitle between a box and a paragraph",
            Reason::IntertitleAfterBreak => "intertitle between an in-text break and a paragraph",
            Reason::IntertitleAfterPullQuote => "intertitle between a pull quote and a paragraph",
            Reason::ListItem => "item of a list between paragraphs",
            Reason::MetaInBody => "date or name among paragraphs",
            Reason::NoParagraphs => "no paragraph in the text: all body",
            Reason::Phrase(name) => name,
            Reason::Counter => "counter",
            Reason::Cue(cue) => cue.name(),
            Reason::Recurrent => "recurs across the import",
            Reason::RelatedLink => "under a related-links heading",
            Reason::Caption => "caption after a gallery counter or above a credit",
            Reason::CaptionShape => "long line that ends no sentence among paragraphs (caption)",
            Reason::NextToFurniture => "short line next to furniture",
            Reason::AuthorBio => "author bio after the article",
            Reason::Island => "short text alone far after the article",
            Reason::SiteNote => "site's note about the piece, after the article",
            Reason::Box(kind) => kind.describe(),
            Reason::ConversionNote => "currency conversion note after a paragraph",
            Reason::PullQuote => "repeats words of a paragraph (pull quote)",
            Reason::LineModel => "the line model overruled the rules",
            Reason::Header => "before the article",
            Reason::AfterBody => "after the last paragraph",
            Reason::Footer => "after a footer phrase",
        }
    }
}

/// What the zoner read in one line.
#[derive(Debug, Clone, PartialEq)]
pub struct Signals {
    /// Words, counted up to 8 (8 means 8 or more).
    pub words: usize,
    /// Characters.
    pub chars: usize,
    /// Share (0..=100) of French and English function words among the first words.
    pub stopwords: u8,
    /// The line ends a sentence.
    pub sentence_end: bool,
    /// The role of a known phrase in it.
    pub phrase: Option<&'static str>,
    /// A shape of page furniture.
    pub cue: Option<Cue>,
    /// A counter or stray mark.
    pub counter: bool,
    /// It recurs across the documents of the import.
    pub recurrent: bool,
    /// It is a date line.
    pub dateline: bool,
    /// The byline it gives.
    pub byline: Option<String>,
    /// It is a person's name alone.
    pub name: bool,
}

/// One line of an article, its zone, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct LineWhy {
    /// Code point range of the line, without surrounding whitespace.
    pub start: usize,
    /// End of the range (exclusive).
    pub end: usize,
    /// The zone the line is in.
    pub zone: ZoneKind,
    /// The rule that put it there.
    pub reason: Reason,
    /// What the line looks like.
    pub signals: Signals,
    /// What the learned line model made of it.
    pub model: ModelWhy,
}

/// The learned line model's part in a line's zone ([`crate::zone`]'s
/// rules decide first; the model may overrule them between body and
/// boilerplate where no hard evidence of furniture fired).
#[derive(Debug, Clone, PartialEq)]
pub struct ModelWhy {
    /// The zone the rules gave the line.
    pub rule_zone: ZoneKind,
    /// The rule that gave it.
    pub rule_reason: Reason,
    /// The model's probability that the line is body (0..=1).
    pub probability: f32,
    /// Whether the model could overrule the rules on this line.
    pub decidable: bool,
    /// The feature vector, in the order of [`feature_names`]: what the
    /// training dump writes.
    pub features: Vec<f32>,
    /// The features that weighed most in the score, most first, with
    /// their part in it: weight times the feature's distance from its mean
    /// over the training lines, in standard deviations (positive for body,
    /// against an average line; the intercept is not listed).
    pub top: Vec<(&'static str, f32)>,
}

/// The names of the line model's features, in the order of
/// [`ModelWhy::features`].
#[must_use]
pub fn feature_names() -> &'static [&'static str] {
    &crate::model::FEATURE_NAMES
}

/// How many of the weightiest features [`ModelWhy::top`] lists.
const TOP: usize = 3;

/// Every non-blank line of `text` with its zone, the rule that gave it and
/// the signals the zoner read in it: what `annot show --why` prints.
#[must_use]
pub fn explain_article(text: &str, recurrence: Option<Recurrence<'_>>) -> Vec<LineWhy> {
    let lines = read_lines(text, recurrence);
    if lines.is_empty() {
        return Vec::new();
    }
    let mut d = decide(&lines);
    let rules = (d.kinds.clone(), d.reasons.clone());
    let decidable: Vec<bool> = (0..lines.len())
        .map(|i| crate::model::decidable(&d, i))
        .collect();
    let all = vec![true; lines.len()];
    let feats = crate::model::line_features(&lines, &d, &all);
    crate::model::apply(&lines, &mut d);
    lines
        .iter()
        .enumerate()
        .map(|(i, l)| LineWhy {
            model: {
                let f = feats[i].unwrap_or([0.0; crate::model::FEATURES]);
                let p = crate::model::probability(&f);
                let parts = crate::model::contributions(&f);
                let mut order: Vec<usize> = (0..parts.len()).collect();
                order.sort_by(|&a, &b| parts[b].abs().total_cmp(&parts[a].abs()));
                ModelWhy {
                    rule_zone: rules.0[i],
                    rule_reason: rules.1[i],
                    probability: p,
                    decidable: decidable[i],
                    features: f.to_vec(),
                    top: order
                        .into_iter()
                        .take(TOP)
                        .map(|k| (crate::model::FEATURE_NAMES[k], parts[k]))
                        .collect(),
                }
            },
            start: l.char_start,
            end: l.char_end,
            zone: d.kinds[i],
            reason: d.reasons[i],
            signals: Signals {
                words: l.words,
                chars: l.chars,
                stopwords: l.stopwords,
                sentence_end: l.sentence_end,
                phrase: l.phrase.map(Phrase::name),
                cue: l.cue,
                counter: l.counter,
                recurrent: l.recurrent,
                dateline: l.dateline,
                byline: l.byline.clone(),
                name: l.name,
            },
        })
        .collect()
}
