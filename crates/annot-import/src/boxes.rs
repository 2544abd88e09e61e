//! Boxes and end matter that read as running text: a glossary or a key
//! facts box under its heading ("Glossaire", "Key facts", "À savoir"), a
//! list of sources or references ("Sources :", "Further reading",
//! "Bibliographie"), a press release's "About X" paragraph and its legal
//! boilerplate (forward-looking statements, safe harbor, disclaimers), and
//! a fact-check credit ("Cet article a été vérifié par X", "Medically
//! reviewed by Dr X"). Each is judged by a family of shapes, never a
//! site's strings: a short heading of a known kind of box and a run of
//! lines of the box's shape under it, or a phrase of its family; the
//! paragraphs of an "About" or a legal box only at the end of the text
//! (no running text of the article after them).

use std::sync::LazyLock;

use aho_corasick::Anchored;
use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;

use crate::boilerplate::fold;
use crate::lines::Line;

/// The kind of box a line belongs to, as `annot show --why` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    /// A heading of a box of "Term : definition" lines (a glossary, key
    /// facts, "À savoir") and those lines.
    Labelled,
    /// A heading of sources, references or further reading and the
    /// citations under it.
    Sources,
    /// "About X" / "À propos de X" and the paragraph describing X after the text.
    About,
    /// Legal boilerplate after the text: forward-looking statements, safe
    /// harbor, disclaimers, a methodology note under its heading.
    Legal,
    /// A fact-check or review credit ("Cet article a été vérifié par X").
    FactCheck,
    /// A newsletter or subscription offer: its heading and its pitch,
    /// above the e-mail field or the button.
    Offer,
    /// A fact-check's claim box: its heading ("L'affirmation", "The
    /// claim"), the claim and where it circulated, down to the verdict
    /// ("Notre verdict : Faux", "Our rating: False"); or a verdict alone.
    Claim,
    /// A social post embedded in the text: its "@handle · May 21" line,
    /// the post, and its count of likes.
    Embed,
    /// A donation box inside an appeal's page: its heading ("Je fais un
    /// don", "Donate") and its pitch of amounts and tax relief.
    Donation,
    /// A box of points under a short heading of its own ("Les bons
    /// réflexes", "Key points"): bullet lines ("• …") under a heading
    /// that is no sentence; a list the text introduces ("Nous demandons :")
    /// is the text's.
    Points,
}

impl BoxKind {
    /// A short description, as `annot show --why` prints it.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            BoxKind::Labelled => {
                "box of \"Term : text\" lines under its heading (glossary, key facts)"
            }
            BoxKind::Sources => "list of sources or references under its heading",
            BoxKind::About => "\"About X\" paragraph describing an organisation, after the text",
            BoxKind::Legal => {
                "legal boilerplate after the text (forward-looking statements, disclaimer)"
            }
            BoxKind::FactCheck => "fact-check or review credit",
            BoxKind::Offer => "newsletter or subscription offer above its sign-up field",
            BoxKind::Claim => "fact-check's claim box down to its verdict",
            BoxKind::Embed => "embedded social post (\"@handle · date\", the post, its likes)",
            BoxKind::Donation => "donation box: its heading and its pitch of amounts",
            BoxKind::Points => "box of bullet points under a heading of its own",
        }
    }
}

/// Headings (folded, without a final colon) of a fact-check's claim box.
#[rustfmt::skip]
const CLAIM_HEADINGS: &[&str] = &[
    "l'affirmation", "affirmation", "l'allegation", "la rumeur", "ce qui circule",
    "ce qui est affirme", "la declaration", "the claim", "claim", "the rumour", "the rumor",
    "what was claimed", "what's being said", "the statement",
];

/// Labels (folded) of a fact-check's verdict, before a colon or alone over it.
#[rustfmt::skip]
const VERDICT_LABELS: &[&str] = &[
    "verdict", "notre verdict", "le verdict", "our verdict", "the verdict", "rating",
    "our rating", "notre note", "conclusion", "notre conclusion", "our conclusion",
];

/// Lines a claim box may hold between its heading and its verdict.
const CLAIM_LINES: usize = 5;

/// Whether `line` is a verdict: a label of [`VERDICT_LABELS`], a colon
/// and a word or three ("Notre verdict : Trompeur", "Rating: False").
fn verdict(line: &Line<'_>) -> bool {
    if line.chars > 60 {
        return false;
    }
    let folded = line.folded();
    folded.split_once(':').is_some_and(|(label, rest)| {
        VERDICT_LABELS.contains(&label.trim()) && (1..=3).contains(&rest.split_whitespace().count())
    })
}

/// A claim box opening at line `i` (its heading, then at most
/// [`CLAIM_LINES`] lines down to a verdict), or a verdict alone: the end
/// of the box.
fn claim(lines: &[Line<'_>], i: usize, footer: usize) -> Option<usize> {
    let line = &lines[i];
    if verdict(line) {
        return Some(i + 1);
    }
    if line.chars > 40 || line.sentence_end {
        return None;
    }
    let folded = line.folded();
    if !CLAIM_HEADINGS.contains(&folded.trim_end_matches([':', ' '])) {
        return None;
    }
    (i + 1..(i + 2 + CLAIM_LINES).min(footer))
        .find(|&j| verdict(&lines[j]))
        .map(|j| j + 1)
}

/// Headings (folded, without a final colon) of boxes of labelled lines.
#[rustfmt::skip]
const LABELLED_HEADINGS: &[&str] = &[
    "glossaire", "glossary", "lexique", "definitions", "definition", "key terms", "mots cles",
    "mots-cles", "key facts", "fact box", "factbox", "fast facts", "quick facts", "the facts",
    "les faits", "reperes", "les reperes", "en chiffres", "chiffres cles", "les chiffres cles",
    "key figures", "by the numbers", "in numbers", "a savoir", "bon a savoir", "en bref",
    "a retenir", "ce qu'il faut retenir", "what to know", "at a glance", "le saviez-vous",
    "did you know", "fiche pratique", "infos pratiques", "pratique",
];

/// Headings (folded, without a final colon) of lists of sources.
#[rustfmt::skip]
const SOURCE_HEADINGS: &[&str] = &[
    "sources", "source", "nos sources", "references", "reference", "bibliographie",
    "bibliography", "further reading", "pour aller plus loin", "en savoir plus",
    "pour en savoir plus", "to learn more", "learn more", "notes", "footnotes",
    "notes et references", "notes and references", "sources et references", "works cited",
    "ouvrages cites", "lectures", "a lire", "read further", "sources and further reading",
];

/// Headings (folded, without a final colon) of legal or method notes.
#[rustfmt::skip]
const LEGAL_HEADINGS: &[&str] = &[
    "forward-looking statements", "forward looking statements",
    "cautionary statement regarding forward-looking statements",
    "cautionary note regarding forward-looking statements",
    "cautionary statement", "safe harbor statement", "safe harbour statement", "safe harbor",
    "disclaimer", "legal disclaimer", "avertissement", "avertissement juridique",
    "mentions legales", "avis de non-responsabilite", "declarations prospectives",
    "methodologie", "methodology", "methode", "notre methode", "how we did it",
    "how we did this", "how we reported this story", "about this data", "about the data",
];

/// Phrases (folded) of legal boilerplate, found anywhere in the line.
#[rustfmt::skip]
const LEGAL_CONTAINS: &[&str] = &[
    "forward-looking statement", "forward looking statement", "are forward-looking",
    "is forward-looking", "forward-looking information", "private securities litigation reform act",
    "safe harbor provision", "safe harbour provision", "undertakes no obligation",
    "assumes no obligation", "disclaims any obligation", "undertake no obligation",
    "actual results may differ materially", "actual results could differ materially",
    "declarations prospectives", "informations prospectives", "enonces prospectifs",
    "ne constitue pas un conseil en investissement", "does not constitute investment advice",
    "does not constitute an offer", "ne constitue pas une offre",
    "not a substitute for professional medical advice", "does not constitute medical advice",
    "ne remplace pas un avis medical", "for informational purposes only",
    "a titre informatif uniquement", "a titre purement informatif",
];

/// Openings (folded) of a fact-check or review credit.
#[rustfmt::skip]
const FACT_CHECK_OPENINGS: &[&str] = &[
    "cet article a ete verifie par", "cet article a ete relu par", "cet article a ete valide par",
    "article verifie par", "article relu par", "article valide par", "verifie par le dr",
    "verifie par le pr", "relu par le dr", "relu par le pr", "valide par le dr",
    "relecture scientifique", "relecture medicale", "verification scientifique",
    "this article was reviewed by", "this article has been reviewed by",
    "this article was fact-checked by", "this article has been fact-checked by",
    "this article was medically reviewed by", "this story was reviewed by",
    "this story was fact-checked by", "medically reviewed by", "fact-checked by",
    "fact checked by", "reviewed by dr", "reviewed by doctor", "reviewed by professor",
    "reviewed by prof", "scientific review by", "clinically reviewed by",
];

/// Words of a citation's venue (folded, as whole words or word openings).
#[rustfmt::skip]
const VENUE_WORDS: &[&str] = &[
    "journal", "revue", "review", "proceedings", "cahiers", "bulletin", "annales", "annals",
    "lancet", "nature", "science", "press", "editions", "prepublication", "preprint", "rapport",
    "report", "these", "thesis", "communique", "avis", "vol.", "n°", "pp.", "doi", "isbn",
    "http", "www.",
];

/// Words (folded) of a newsletter or subscription offer's heading.
const OFFER_WORDS: &[&str] = &[
    "newsletter",
    "infolettre",
    "lettre d'information",
    "sign up",
    "subscribe",
    "inscrivez-vous",
    "abonnez-vous",
    "inscription",
    "s'inscrire",
    "s'abonner",
];

/// Words (folded) of an offer's e-mail field or button: another offer's
/// label ("Autres newsletters") is none.
const FIELD_WORDS: &[&str] = &[
    "email",
    "e-mail",
    "courriel",
    "adresse mail",
    "sign up",
    "subscribe",
    "s'inscrire",
    "je m'inscris",
    "s'abonner",
    "je m'abonne",
];

/// Longest pitch line of an offer, in characters.
const PITCH_CHARS: usize = 160;

/// Longest heading of a box, in characters.
const HEADING_CHARS: usize = 60;
/// Longest fact-check credit, in characters.
const CREDIT_CHARS: usize = 250;
/// Longest citation, in characters.
const CITATION_CHARS: usize = 400;
/// A paragraph of the article's text, for the end test: this long at least.
const TEXT_CHARS: usize = 70;

/// The heading of a box a line is, if it is one: its kind and, for "About
/// X", the first word of X.
fn heading<'a>(line: &Line<'a>) -> Option<(BoxKind, Option<&'a str>)> {
    if line.chars > HEADING_CHARS || line.meta() || line.text.ends_with(['.', '?', '!']) {
        return None;
    }
    let folded = line.folded();
    let key = folded.trim_end_matches([':', ' ', '\u{a0}']);
    if LABELLED_HEADINGS.contains(&key) {
        return Some((BoxKind::Labelled, None));
    }
    if SOURCE_HEADINGS.contains(&key) {
        return Some((BoxKind::Sources, None));
    }
    if LEGAL_HEADINGS.contains(&key) {
        return Some((BoxKind::Legal, None));
    }
    about_name(line.text).map(|name| (BoxKind::About, Some(name)))
}

/// Longest heading of a box whose kind no heading names ([`headed_box`]).
const BOX_HEADING_CHARS: usize = 40;

/// Longest value of a "Label : value" line in a box of figures.
const FIGURE_VALUE_CHARS: usize = 48;

/// Headings (folded) of a box of points: advice and summaries.
#[rustfmt::skip]
const POINTS_HEADINGS: &[&str] = &[
    "les bons reflexes", "bons reflexes", "les bons gestes", "nos conseils", "conseils",
    "les conseils", "nos conseils pratiques", "que faire", "les gestes qui sauvent",
    "l'essentiel", "ce qu'il faut savoir", "key points", "tips", "our tips", "top tips",
    "what to do", "safety tips", "what you need to know", "the key points", "in brief",
];

/// Whether the text opens with a bullet ("• ", "▪ ", "✓ ").
fn bullet(text: &str) -> bool {
    text.strip_prefix(['•', '▪', '◦', '✓', '✔', '►', '▸'])
        .is_some_and(|rest| rest.starts_with([' ', '\u{a0}']))
}

/// A box whose heading names no known kind, told by its shape: a short
/// heading that is no sentence and introduces nothing (no final colon),
/// then two bullet lines or more under a heading the site repeats or of
/// [`POINTS_HEADINGS`] ([`BoxKind::Points`]), or three short
/// "Label : value" lines or more, none a sentence (a box of figures:
/// [`BoxKind::Labelled`]). The end of the box, and its kind.
fn headed_box(lines: &[Line<'_>], i: usize, footer: usize) -> Option<(usize, BoxKind)> {
    let line = &lines[i];
    if line.chars > BOX_HEADING_CHARS
        || line.meta()
        || line.text.ends_with(['.', '?', '!', ':', ',', ';'])
        || bullet(line.text)
        || !line.text.starts_with(char::is_uppercase)
    {
        return None;
    }
    let run = |fits: &dyn Fn(&Line<'_>) -> bool| {
        (i + 1..footer)
            .take_while(|&j| !lines[j].meta() && !lines[j].furniture() && fits(&lines[j]))
            .count()
    };
    // Bullets under an intertitle of the text ("Évolution prévue") are
    // the text's: the heading must be one the site repeats, or a box's.
    let box_heading =
        line.recurrent || POINTS_HEADINGS.contains(&line.folded().trim_end_matches([' ', ':']));
    let points = run(&|l| bullet(l.text));
    if box_heading && points >= 2 {
        return Some((i + 1 + points, BoxKind::Points));
    }
    let figures = run(&|l| !l.sentence_end && figure_line(l.text));
    (figures >= 3).then_some((i + 1 + figures, BoxKind::Labelled))
}

/// The first word of X in "About X" / "À propos de X", X capitalised.
pub(crate) fn about_name(text: &str) -> Option<&str> {
    // Word by word, and only as far as the heading can go: this is asked
    // of every line, and a paragraph is not split into all its words.
    let mut words = text.split_whitespace();
    let first = words.next()?;
    let name = if first.eq_ignore_ascii_case("about") {
        words.next()?
    } else {
        if !matches!(first, "À" | "A" | "à" | "a") || !words.next()?.eq_ignore_ascii_case("propos")
        {
            return None;
        }
        let third = words.next()?;
        if !matches!(third, "de" | "du" | "des") {
            let name = third
                .strip_prefix("d'")
                .or_else(|| third.strip_prefix("d\u{2019}"))?;
            return name.starts_with(char::is_uppercase).then_some(name);
        }
        words.next()?
    };
    // At most six words from X on: a heading, not a sentence about X.
    (words.nth(5).is_none() && name.starts_with(char::is_uppercase)).then_some(name)
}

/// "Term : definition", "Term – definition": a short label of one to five
/// words opening with a capital or a digit, then some words.
fn labelled(text: &str) -> bool {
    let split = [" : ", ": ", " – ", " — ", " - "]
        .iter()
        .filter_map(|sep| text.split_once(sep))
        .min_by_key(|(term, _)| term.len());
    let Some((term, def)) = split else {
        return false;
    };
    let term_words = term.split_whitespace().count();
    (1..=5).contains(&term_words)
        && term.chars().count() <= 40
        && term.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        && !term.contains(['.', '?', '!', '«', '"', '“'])
        && def.split_whitespace().count() >= 2
}

/// "Label : value" with a short value of a word or more ("Engins engagés :
/// 9", "Durée : 4 h 30"): a label of one to five words opening with a
/// capital, no sentence in it.
fn figure_line(text: &str) -> bool {
    let Some((term, value)) = text.split_once(':') else {
        return false;
    };
    let (term, value) = (term.trim(), value.trim());
    (1..=5).contains(&term.split_whitespace().count())
        && term.starts_with(char::is_uppercase)
        && !term.contains(['.', '?', '!', '«', '"', '“'])
        && !value.is_empty()
        && value.chars().count() <= FIGURE_VALUE_CHARS
}

/// Whether a line reads as a citation: a link, a numbered note ("1. …",
/// "[2] …"), or a comma between its parts and two of a year, "et al.",
/// initials, a quoted title, a venue word, a final year (one is enough
/// under a heading of sources, `listed`).
fn citation(text: &str, listed: bool) -> bool {
    if text.chars().count() > CITATION_CHARS || text.ends_with('?') {
        return false;
    }
    let folded = fold(text);
    if folded.starts_with("http") || folded.starts_with("www.") || numbered(text) {
        return true;
    }
    if !text.contains(',') {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let year = |w: &str| {
        let d: String = w.chars().filter(char::is_ascii_digit).collect();
        d.len() == 4 && (d.starts_with("19") || d.starts_with("20") || d.starts_with("18"))
    };
    let initial = |w: &str| {
        let w = w.trim_end_matches([',', ';']);
        let mut c = w.chars();
        matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
    };
    let venue = folded
        .split(|c: char| c.is_whitespace() || c == ',' || c == '(' || c == ')')
        .any(|w| {
            VENUE_WORDS
                .iter()
                .any(|v| w == *v || (v.len() > 4 && w.starts_with(v)))
        });
    let score = [
        words.iter().any(|w| year(w)),
        folded.contains("et al"),
        words.iter().any(|w| initial(w)),
        text.contains('«') || text.contains('“') || text.matches('"').count() >= 2,
        venue,
        words.last().is_some_and(|w| year(w)),
    ]
    .iter()
    .filter(|b| **b)
    .count();
    score >= if listed { 1 } else { 2 }
}

/// A numbered note: "1. …", "1) …", "[1] …", "(1) …".
fn numbered(text: &str) -> bool {
    let rest = text.trim_start_matches(['[', '(']);
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    (1..=3).contains(&digits)
        && rest[digits..].starts_with(['.', ')', ']'])
        && rest[digits + 1..].starts_with(' ')
}

/// [`FACT_CHECK_OPENINGS`] by their first byte.
static FACT_CHECK_BY_FIRST: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_first = vec![Vec::new(); 256];
    for &o in FACT_CHECK_OPENINGS {
        by_first[usize::from(o.as_bytes()[0])].push(o);
    }
    by_first
});

/// Whether folded text opens with one of [`FACT_CHECK_OPENINGS`]: only
/// the few that open with its first byte are compared (this runs on every
/// line; comparing all of them cost some 200 instructions a line).
pub(crate) fn opens_fact_check(folded: &str) -> bool {
    folded.as_bytes().first().is_some_and(|&b| {
        FACT_CHECK_BY_FIRST[usize::from(b)]
            .iter()
            .any(|o| folded.starts_with(o))
    })
}

/// A fact-check or review credit.
///
/// The fold of the line's first 80 bytes is a prefix of the fold its facts
/// were read from (the whole line, or its first 128 bytes: the fold of a
/// text's head is a prefix of the text's fold), so a line whose facts say
/// it opens with no credit has none here: only the few others are folded
/// again (this ran on every line of the body: 11.8 M instructions of the
/// 70 M of zoning, callgrind, 1,000 generated pages).
fn fact_check(line: &Line<'_>) -> bool {
    if line.chars > CREDIT_CHARS || !line.fact_check_opening {
        return false;
    }
    // The openings are short: their line's first 80 bytes are enough.
    opens_fact_check(&fold(crate::boilerplate::head(line.text, 80)))
}

/// Legal boilerplate by its phrases.
fn legal(line: &Line<'_>) -> bool {
    // One pass over the line for every phrase (the body's paragraphs are
    // all searched: a phrase at a time cost half of an import).
    any_match(&LEGAL, line.folded().as_bytes())
}

/// Whether `dfa` (standard semantics, no prefilter) finds a phrase in
/// `hay`: what `try_find(..).is_some()` says, by a walk over the bytes with
/// the DFA's own transitions up to the first match state it enters (the
/// search's set-up and its checks of every byte cost some 1,500
/// instructions a paragraph more; callgrind, 1,000 generated pages:
/// `legal` from 13.5 M instructions to 11.9 M).
fn any_match(dfa: &DFA, hay: &[u8]) -> bool {
    let Ok(mut sid) = dfa.start_state(Anchored::No) else {
        return false;
    };
    if dfa.is_match(sid) {
        return true;
    }
    for &b in hay {
        sid = dfa.next_state(Anchored::No, sid, b);
        if dfa.is_special(sid) {
            if dfa.is_dead(sid) {
                return false;
            }
            if dfa.is_match(sid) {
                return true;
            }
        }
    }
    false
}

/// [`LEGAL_CONTAINS`] in one automaton (a DFA without a prefilter, as the
/// boilerplate phrases are searched).
static LEGAL: LazyLock<DFA> = LazyLock::new(|| {
    DFA::builder()
        .prefilter(false)
        .build(LEGAL_CONTAINS)
        // The patterns are constants, far below the automaton's limits.
        .unwrap_or_else(|_| unreachable!("the legal phrases are few"))
});

/// Builds this module's automaton and table now ([`crate::warm_up`]).
pub(crate) fn warm() {
    LazyLock::force(&FACT_CHECK_BY_FIRST);
    LazyLock::force(&LEGAL);
}

/// Whether line `j` describes the organisation named by `name` (it opens
/// with the name, or with "The company" / "La société"), or goes on
/// describing it ("Its …", "For more information …").
fn describes(line: &Line<'_>, name: &str, first: bool) -> bool {
    let text = line.text;
    let folded = line.folded();
    let by_name = text
        .strip_prefix(name)
        .is_some_and(|rest| !rest.starts_with(char::is_alphanumeric));
    let generic = [
        "the company",
        "la societe",
        "le groupe",
        "l'entreprise",
        "founded in",
        "fondee en",
        "fonde en",
        "creee en",
        "headquartered in",
        "based in",
    ]
    .iter()
    .any(|o| folded.starts_with(o));
    let more = [
        "its ",
        "for more information",
        "pour plus d'informations",
        "visit ",
    ]
    .iter()
    .any(|o| folded.starts_with(o));
    line.sentence_end && (by_name || generic || (!first && more))
}

/// A newsletter or subscription offer opening at line `i`: a short heading
/// that names the offer ("Sign up for The Answer, our daily newsletter"),
/// one or two short lines of pitch, then furniture that asks for the
/// e-mail or to sign up (the field, the button). The end of the heading and pitch lines, if it is one.
fn offer(lines: &[Line<'_>], i: usize, footer: usize) -> Option<usize> {
    let line = &lines[i];
    if line.chars > HEADING_CHARS || line.sentence_end {
        return None;
    }
    let folded = line.folded();
    if !OFFER_WORDS.iter().any(|w| folded.contains(w)) {
        return None;
    }
    let pitch = (i + 1..footer.min(i + 3))
        .take_while(|&j| {
            let l = &lines[j];
            !l.furniture() && !l.meta() && l.chars <= PITCH_CHARS
        })
        .count();
    let after = i + 1 + pitch;
    let field = |l: &Line<'_>| {
        let f = l.folded();
        l.furniture() && FIELD_WORDS.iter().any(|w| f.contains(w))
    };
    (pitch > 0 && after < footer && field(&lines[after])).then_some(after)
}

/// Lines an embedded post may hold between its handle line and its likes.
const EMBED_LINES: usize = 3;

/// Words of the count under an embedded post ("12.4K likes", "3 981 j'aime"), folded.
const EMBED_COUNTS: &[&str] = &[
    "likes", "like", "reposts", "retweets", "j'aime", "partages", "replies", "reponses", "views",
    "vues",
];

/// Whether `line` is an embedded post's handle line: "@handle · May 21"
/// ("@handle" then a separator and a short date or time).
fn embed_handle(line: &Line<'_>) -> bool {
    let t = line.text;
    if !t.starts_with('@') || line.chars > 40 {
        return false;
    }
    let Some((handle, rest)) = t.split_once(" · ").or_else(|| t.split_once(" • ")) else {
        return false;
    };
    handle.len() > 1
        && handle[1..]
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '.')
        && rest.chars().count() <= 16
        && rest.bytes().any(|b| b.is_ascii_digit())
}

/// Whether `line` is the count under an embedded post: a number and one
/// word of [`EMBED_COUNTS`] ("12.4K likes").
fn embed_count(line: &Line<'_>) -> bool {
    if line.chars > 24 {
        return false;
    }
    let folded = line.folded();
    let mut words = folded.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(n), Some(w), None) => {
            n.bytes().next().is_some_and(|b| b.is_ascii_digit())
                && n.trim_end_matches(['k', 'm'])
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                && EMBED_COUNTS.contains(&w)
        }
        _ => false,
    }
}

/// An embedded post opening at line `i`: its handle line ([`embed_handle`]),
/// then at most [`EMBED_LINES`] lines down to its count ([`embed_count`]).
/// The end of the box; without a count, the handle line alone.
fn embed(lines: &[Line<'_>], i: usize, footer: usize) -> Option<usize> {
    if !embed_handle(&lines[i]) {
        return None;
    }
    let end = (i + 1..(i + 2 + EMBED_LINES).min(footer))
        .find(|&j| embed_count(&lines[j]))
        .map_or(i + 1, |j| j + 1);
    Some(end)
}

/// Headings (folded, without a final colon or "!") of a donation box.
#[rustfmt::skip]
const DONATION_HEADINGS: &[&str] = &[
    "je fais un don", "faire un don", "faites un don", "je donne", "soutenez-nous",
    "soutenez nos actions", "donate", "donate now", "make a donation", "support our work",
];

/// Words of a donation pitch (folded, anywhere in the line): the gift or its tax relief.
/// An amount counts only in [`amount_choice`]'s shape.
const DONATION_WORDS: &[&str] = &[
    "votre don",
    "vos dons",
    "your donation",
    "your gift",
    "deductible",
    "tax relief",
    "gift aid",
];

/// Longest donation pitch line that ends a sentence: a longer one is the text
/// ("Un don de 100 € à une association ouvre droit à une réduction d'impôt…").
const DONATION_SENTENCE_CHARS: usize = 80;

/// A donation box's choice of amounts: "30 €" alone, or several amounts
/// ("10 € · 20 € · 50 €", "$25 $50 $100").
fn amount_choice(text: &str) -> bool {
    let signs = text.matches(['€', '$', '£']).count();
    let rest_is_amounts = text
        .chars()
        .all(|c| c.is_ascii_digit() || "€$£ ,.|/·-–".contains(c) || c.is_whitespace());
    signs >= 1 && (rest_is_amounts || signs >= 2)
}

/// Whether a folded line speaks to the reader ("Avec 30 €, vous financez…",
/// "$25 gives you…"): an amount in a pitch, not in a report.
fn addresses_reader(folded: &str) -> bool {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ["vous", "votre", "vos", "you", "your"].contains(&w))
}

/// A donation box opening at line `i`: a heading of [`DONATION_HEADINGS`],
/// then the short lines of its pitch ([`DONATION_WORDS`], at most three).
fn donation(lines: &[Line<'_>], i: usize, footer: usize) -> Option<usize> {
    let line = &lines[i];
    if line.chars > 30 || line.sentence_end {
        return None;
    }
    let folded = line.folded();
    if !DONATION_HEADINGS.contains(&folded.trim_end_matches([':', '!', ' '])) {
        return None;
    }
    let pitch = (i + 1..footer.min(i + 4))
        .take_while(|&j| {
            let l = &lines[j];
            !l.meta()
                && l.chars <= PITCH_CHARS
                && !(l.sentence_end && l.chars > DONATION_SENTENCE_CHARS)
                && {
                    let f = l.folded();
                    amount_choice(l.text)
                        || DONATION_WORDS.iter().any(|w| f.contains(w))
                        || (l.text.contains(['€', '$', '£']) && addresses_reader(f))
                }
        })
        .count();
    (pitch > 0).then_some(i + 1 + pitch)
}

/// A box found: its lines, its kind, and whether it counts only at the end
/// of the text.
struct Found {
    lines: std::ops::Range<usize>,
    kind: BoxKind,
    at_end: bool,
}

/// The box kind of each line of `from..footer`, if it is in a box.
pub(crate) fn find(lines: &[Line<'_>], from: usize, footer: usize) -> Vec<Option<BoxKind>> {
    let n = lines.len();
    let mut out = vec![None; n];
    let footer = footer.min(n);
    let mut found: Vec<Found> = Vec::new();
    let mut i = from;
    // A claim box's heading may close the header, right above the text.
    if from > 0
        && from < footer
        && let Some(end) = claim(lines, from - 1, footer)
        && end > from
    {
        found.push(Found {
            lines: from..end,
            kind: BoxKind::Claim,
            at_end: false,
        });
        i = end;
    }
    while i < footer {
        let line = &lines[i];
        if line.meta() {
            i += 1;
            continue;
        }
        // A box's heading may be furniture already ("Sources :"); its lines are not.
        let furniture = line.furniture();
        if !furniture && fact_check(line) {
            found.push(Found {
                lines: i..i + 1,
                kind: BoxKind::FactCheck,
                at_end: false,
            });
            i += 1;
            continue;
        }
        if let Some(end) = claim(lines, i, footer) {
            found.push(Found {
                lines: i..end,
                kind: BoxKind::Claim,
                at_end: false,
            });
            i = end;
            continue;
        }
        if let Some((end, kind)) = embed(lines, i, footer)
            .map(|e| (e, BoxKind::Embed))
            .or_else(|| donation(lines, i, footer).map(|e| (e, BoxKind::Donation)))
            .or_else(|| headed_box(lines, i, footer))
        {
            found.push(Found {
                lines: i..end,
                kind,
                at_end: false,
            });
            i = end;
            continue;
        }
        if let Some(end) = offer(lines, i, footer) {
            found.push(Found {
                lines: i..end,
                kind: BoxKind::Offer,
                at_end: false,
            });
            i = end;
            continue;
        }
        if let Some((kind, name)) = heading(line) {
            let fits = |j: usize, first: bool| {
                let l = &lines[j];
                !l.meta()
                    && !l.furniture()
                    && match kind {
                        BoxKind::Labelled => labelled(l.text),
                        BoxKind::Sources => citation(l.text, true),
                        BoxKind::About => name.is_some_and(|x| describes(l, x, first)),
                        BoxKind::Legal => l.paragraph() || legal(l),
                        BoxKind::FactCheck
                        | BoxKind::Offer
                        | BoxKind::Claim
                        | BoxKind::Embed
                        | BoxKind::Donation
                        | BoxKind::Points => false,
                    }
            };
            let mut end = i + 1;
            while end < footer && fits(end, end == i + 1) {
                end += 1;
            }
            if end > i + 1 {
                found.push(Found {
                    lines: i..end,
                    kind,
                    at_end: matches!(kind, BoxKind::About | BoxKind::Legal),
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    // A legal sentence with no heading counts only at the end, with no text
    // of the article after it (below): so only the lines after the last
    // such text are searched, from the end back (searching every paragraph
    // of the body for the phrases was half of an import's work).
    let mut in_box = vec![false; n];
    for f in &found {
        in_box[f.lines.clone()].fill(true);
    }
    for i in (from..footer).rev() {
        let l = &lines[i];
        if in_box[i] || l.meta() {
            continue;
        }
        if !l.furniture() && l.sentence_end && legal(l) {
            found.push(Found {
                lines: i..i + 1,
                kind: BoxKind::Legal,
                at_end: true,
            });
        } else if l.paragraph() && l.chars >= TEXT_CHARS {
            break;
        }
    }
    found.sort_by_key(|f| f.lines.start);
    // Paragraphs and legal lines only at the end: from the last box back,
    // a box that counts only there must have no text of the article after it.
    let mut boxed = vec![false; n];
    let mut text_after = false;
    let mut next = footer;
    for f in found.iter().rev() {
        text_after |= (f.lines.end..next).any(|j| {
            let l = &lines[j];
            l.paragraph() && l.chars >= TEXT_CHARS && !boxed[j]
        });
        next = f.lines.start;
        if f.at_end && text_after {
            continue;
        }
        for j in f.lines.clone() {
            boxed[j] = true;
            out[j] = Some(f.kind);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{about_name, citation, fold, labelled, opens_fact_check};

    #[test]
    fn shapes_of_box_lines() {
        assert!(labelled(
            "Mycorhize : association entre un champignon et les racines."
        ));
        assert!(labelled("Key rate – the rate the bank lends at overnight."));
        assert!(!labelled(
            "Le maire l'a répété devant le conseil municipal : rien ne changera."
        ));
        assert!(citation(
            "Varin P. et al., « Soil carbon under hedgerows », Revue d'agronomie, 2021.",
            false
        ));
        assert!(citation(
            "Office des forêts, bilan annuel des coupes, 2020.",
            false
        ));
        assert!(citation("[3] Office des forêts, bilan annuel.", false));
        assert!(citation("Office des forêts, rapport annuel", true));
        assert!(!citation("Office des forêts, rapport annuel", false));
        assert!(!citation(
            "Le conseil a voté, après trois heures de débat, la fin du projet.",
            true
        ));
        assert_eq!(about_name("About Quillfield Robotics"), Some("Quillfield"));
        assert_eq!(about_name("À propos de Verdanne SA"), Some("Verdanne"));
        assert_eq!(about_name("À propos d'Orliac"), Some("Orliac"));
        assert_eq!(about_name("About the money"), None);
    }

    proptest::proptest! {
        /// The walk finds a legal phrase where the automaton's search does.
        #[test]
        fn the_walk_finds_what_try_find_finds(
            parts in proptest::collection::vec((0usize..200, 0usize..60, "[a-z' ]{0,5}"), 0..6)
        ) {
            use aho_corasick::automaton::Automaton as _;
            let mut hay = String::new();
            for (i, cut, noise) in parts {
                let p = super::LEGAL_CONTAINS[i % super::LEGAL_CONTAINS.len()];
                hay.push_str(p.get(..cut.min(p.len())).unwrap_or(p));
                hay.push_str(&noise);
            }
            let searched = super::LEGAL
                .try_find(&aho_corasick::Input::new(&hay))
                .ok()
                .flatten()
                .is_some();
            proptest::prop_assert_eq!(super::any_match(&super::LEGAL, hay.as_bytes()), searched);
        }
    }

    proptest::proptest! {
        /// The openings by first byte find what the whole list finds.
        #[test]
        fn fact_check_openings_are_found_by_their_first_byte(
            folded in "(fact|checked|-|by|relu|par|le|dr|this|article|was|reviewed|cet|a|ete|verifie| |x){0,8}"
        ) {
            proptest::prop_assert_eq!(
                opens_fact_check(&folded),
                super::FACT_CHECK_OPENINGS.iter().any(|o| folded.starts_with(o))
            );
        }
    }

    proptest::proptest! {
        /// The fold of a line's first 80 bytes opens the fold its facts are
        /// read from (whole, or its first 128 bytes): a credit that opens
        /// the one opens the other.
        #[test]
        fn the_fold_of_the_head_opens_the_fold_of_the_facts(
            line in "(fact|checked|by|relu|par|le|dr|this|article|was|reviewed|é|À|’|-|—|:|›|\\.|\\*| |\u{a0}|x{1,40}){0,40}"
        ) {
            let line = line.trim();
            let head = fold(crate::boilerplate::head(line, 80));
            let mut buf = Vec::new();
            let facts = crate::boilerplate::FoldedLine::new(line, &mut buf);
            proptest::prop_assert!(facts.folded.starts_with(&head), "{:?} {:?}", head, facts.folded);
            if opens_fact_check(&head) {
                proptest::prop_assert!(opens_fact_check(facts.folded));
            }
        }
    }
}
