//! The learned line model: a logistic regression over each line's signals,
//! the rules' verdict on it and its neighbours', that says how likely the
//! line is to be the article's body. It was trained offline on the layout
//! sample set (`tests/layouts/train_zoner.py`, which writes
//! [`crate::model_weights`]); nothing is loaded at run time.
//!
//! [`line_features`] is the one computation of the features: the training
//! dump (`tests/layouts.rs` with `LAYOUTS_DUMP`) reads them through
//! [`crate::explain_article`], so training and inference cannot drift.
//! [`apply`] lets the model overrule the rules between body and
//! boilerplate where the rules have no hard evidence (see its doc), which is
//! the combination the leave-one-layout-out cross-validation chose.

use crate::boilerplate::head as prefix;
use crate::lines::Line;
use crate::model_weights::{BIAS, CLIP, MEAN, SCALE, WEIGHTS};
use crate::why::Reason;
use crate::zone::{Class, Decision, ZoneKind};

/// Features of one line's own.
const OWN: usize = 44;
/// Features of each neighbour (two before, two after).
const NEAR: usize = 7;
/// Features of the line's position in the page.
const PLACE: usize = 18;
/// Length of a feature vector.
pub(crate) const FEATURES: usize = OWN + 4 * NEAR + PLACE;

/// The names of the features, in the order of the vector.
pub(crate) const FEATURE_NAMES: [&str; FEATURES] = [
    // own
    "rule body",
    "rule title/lede/meta",
    "rule class good",
    "rule class short",
    "reason paragraph",
    "reason short sentence",
    "reason between paragraphs",
    "reason next to furniture",
    "reason header",
    "reason after body",
    "reason footer",
    "reason phrase",
    "reason cue",
    "reason counter",
    "reason recurrent",
    "reason related link",
    "reason caption",
    "reason site note",
    "reason other body",
    "reason other not body",
    "log chars",
    "words",
    "ends a sentence",
    "stopwords",
    "stopwords of prose",
    "paragraph shape",
    "headline shape",
    "section shape",
    "a name",
    "breadcrumb",
    "date or byline",
    "blank before",
    "digits",
    "capitals",
    "punctuation",
    "ends with colon",
    "ends with question",
    "opens with quote/dash",
    "opens lowercase/digit",
    "bar or chevron",
    "link shape",
    "opens with bracket",
    "200 chars or more",
    "commas",
    // neighbours
    "prev2 exists",
    "prev2 rule body",
    "prev2 class good",
    "prev2 log chars",
    "prev2 ends a sentence",
    "prev2 furniture",
    "prev2 paragraph shape",
    "prev1 exists",
    "prev1 rule body",
    "prev1 class good",
    "prev1 log chars",
    "prev1 ends a sentence",
    "prev1 furniture",
    "prev1 paragraph shape",
    "next1 exists",
    "next1 rule body",
    "next1 class good",
    "next1 log chars",
    "next1 ends a sentence",
    "next1 furniture",
    "next1 paragraph shape",
    "next2 exists",
    "next2 rule body",
    "next2 class good",
    "next2 log chars",
    "next2 ends a sentence",
    "next2 furniture",
    "next2 paragraph shape",
    // place
    "place in page",
    "before the title",
    "inside the rules' body",
    "before the rules' body",
    "after the rules' body",
    "lines to rules' body",
    "share of page",
    "page body share",
    "chars before",
    "lines in page",
    "lines from paragraph above",
    "lines to paragraph below",
    "page recurrent share",
    "first after the body",
    "title words in it",
    "rules' body before",
    "rules' body after",
    "label colon",
];

/// Whether a reason is hard evidence of furniture the model may not
/// overrule: a known phrase, a cue, a counter, a recurring line, a line
/// under a related-links heading, a caption, or after a footer phrase.
fn hard_furniture(reason: Reason) -> bool {
    matches!(
        reason,
        Reason::Phrase(_)
            | Reason::Cue(_)
            | Reason::Counter
            | Reason::Recurrent
            | Reason::RelatedLink
            | Reason::Caption
            | Reason::Footer
            | Reason::Box(_)
    )
}

fn flag(b: bool) -> f32 {
    if b { 1.0 } else { 0.0 }
}

#[allow(clippy::cast_precision_loss)]
fn log_chars(chars: usize) -> f32 {
    (1.0 + chars as f32).ln() / 6.0
}

#[allow(clippy::cast_precision_loss)]
fn ratio(a: usize, b: usize) -> f32 {
    if b == 0 { 0.0 } else { a as f32 / b as f32 }
}

/// How much of a line (in characters, and twice as many bytes for the
/// headline's words) [`shape`] and the other looks at its characters read.
const SHAPE_CHARS: usize = 200;

/// The shape of a line's characters: digits, capitals among letters,
/// punctuation, commas; counted on the first [`SHAPE_CHARS`] characters.
#[derive(Default)]
struct Shape {
    digits: f32,
    capitals: f32,
    punctuation: f32,
    commas: f32,
}

fn shape(text: &str) -> Shape {
    let (mut n, mut digits, mut letters, mut upper, mut punct, mut commas) = (0, 0, 0, 0, 0, 0);
    for c in text.chars().take(SHAPE_CHARS) {
        n += 1;
        if c.is_numeric() {
            digits += 1;
        } else if c.is_alphabetic() {
            letters += 1;
            upper += usize::from(c.is_uppercase());
        } else if !c.is_whitespace() {
            punct += 1;
            commas += usize::from(c == ',');
        }
    }
    Shape {
        digits: ratio(digits, n),
        capitals: ratio(upper, letters),
        punctuation: ratio(punct, n),
        commas: (ratio(commas, n) * 20.0).min(1.0),
    }
}

fn is_rule_body(kind: ZoneKind) -> bool {
    kind == ZoneKind::Body
}

/// Whether the rules took a line for furniture, of any kind.
fn furniture_like(line: &Line<'_>, reason: Reason) -> bool {
    line.furniture() || hard_furniture(reason)
}

fn own(line: &Line<'_>, kind: ZoneKind, reason: Reason, class: Class) -> [f32; OWN] {
    let text = line.text;
    let s = shape(text);
    // The marks of a menu or a link stand early in a line.
    let head = prefix(text, SHAPE_CHARS);
    let first = text.chars().next().unwrap_or(' ');
    let last = text.chars().next_back().unwrap_or(' ');
    [
        flag(is_rule_body(kind)),
        flag(matches!(
            kind,
            ZoneKind::Title | ZoneKind::Lede | ZoneKind::Meta
        )),
        flag(class == Class::Good),
        flag(class == Class::Short),
        flag(reason == Reason::Paragraph),
        flag(reason == Reason::ShortSentence),
        flag(matches!(
            reason,
            Reason::BetweenParagraphs
                | Reason::IntertitleAfterBox
                | Reason::IntertitleAfterBreak
                | Reason::IntertitleAfterPullQuote
        )),
        flag(reason == Reason::NextToFurniture),
        flag(reason == Reason::Header),
        flag(reason == Reason::AfterBody),
        flag(reason == Reason::Footer),
        flag(matches!(reason, Reason::Phrase(_))),
        flag(matches!(reason, Reason::Cue(_))),
        flag(reason == Reason::Counter),
        flag(reason == Reason::Recurrent),
        flag(reason == Reason::RelatedLink),
        flag(reason == Reason::Caption),
        flag(matches!(reason, Reason::SiteNote | Reason::Box(_))),
        flag(matches!(
            reason,
            Reason::MetaInBody | Reason::NoParagraphs | Reason::ConversionNote
        )),
        flag(matches!(
            reason,
            Reason::Island | Reason::PullQuote | Reason::AuthorBio | Reason::CaptionShape
        )),
        log_chars(line.chars),
        ratio(line.words, 8),
        flag(line.sentence_end),
        f32::from(line.stopwords) / 100.0,
        flag(line.stopwords >= line.prose_floor && line.stopwords > 0),
        flag(line.paragraph()),
        flag(line.headline()),
        flag(line.section()),
        flag(line.name),
        flag(line.crumb.is_some()),
        flag(line.meta()),
        flag(line.blank_before),
        s.digits,
        s.capitals,
        s.punctuation,
        flag(last == ':'),
        flag(last == '?'),
        flag(matches!(
            first,
            '«' | '"' | '“' | '—' | '–' | '-' | '•' | '*' | '\''
        )),
        flag(first.is_lowercase() || first.is_numeric()),
        flag(head.contains(['|', '›', '»', '>', '•']) && !text.starts_with('«')),
        flag(head.contains("http") || head.contains("www.") || head.contains('@')),
        flag(matches!(first, '(' | '[')),
        flag(line.chars >= 200),
        s.commas,
    ]
}

fn near(line: Option<&Line<'_>>, kind: ZoneKind, reason: Reason, class: Class) -> [f32; NEAR] {
    match line {
        None => [0.0; NEAR],
        Some(l) => [
            1.0,
            flag(is_rule_body(kind)),
            flag(class == Class::Good),
            log_chars(l.chars),
            flag(l.sentence_end),
            flag(furniture_like(l, reason)),
            flag(l.paragraph()),
        ],
    }
}

/// The words of five bytes or more of a line, lowercased: what a
/// paragraph of the article shares with its headline.
fn content_words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() >= 5)
        .map(str::to_lowercase)
        .collect()
}

/// Share of the headline's words that the line has in its first 400 bytes.
fn title_share(title: &[String], text: &str) -> f32 {
    if title.is_empty() {
        return 0.0;
    }
    let words = content_words(prefix(text, 2 * SHAPE_CHARS));
    let found = title.iter().filter(|t| words.contains(t)).count();
    ratio(found, title.len())
}

/// A label and a colon opening the line ("Sources :", "Contact: …"), not
/// a time (10:30).
fn label_colon(text: &str) -> bool {
    text.char_indices().take(40).any(|(k, c)| {
        c == ':' && text[k + 1..].chars().next().is_none_or(char::is_whitespace) && k > 0
    })
}

/// The feature vectors of the lines `wanted` says, from the lines and the
/// rules' decision (`None` for the others).
pub(crate) fn line_features(
    lines: &[Line<'_>],
    d: &Decision,
    wanted: &[bool],
) -> Vec<Option<[f32; FEATURES]>> {
    let n = lines.len();
    let body: Vec<usize> = (0..n).filter(|&i| is_rule_body(d.kinds[i])).collect();
    let (first_body, last_body) = (body.first().copied(), body.last().copied());
    let total: usize = lines.iter().map(|l| l.chars).sum();
    let body_chars: usize = body.iter().map(|&i| lines[i].chars).sum();
    let recurrent = lines.iter().filter(|l| l.recurrent).count();
    let goods: Vec<usize> = (0..n).filter(|&i| d.classes[i] == Class::Good).collect();
    let title: Vec<String> = d
        .title
        .map_or_else(Vec::new, |t| content_words(lines[t].text));
    let mut before = 0;
    let mut body_before = 0;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let line = &lines[i];
        if !wanted[i] {
            before += line.chars;
            if is_rule_body(d.kinds[i]) {
                body_before += line.chars;
            }
            out.push(None);
            continue;
        }
        let mut f = [0.0; FEATURES];
        f[..OWN].copy_from_slice(&own(line, d.kinds[i], d.reasons[i], d.classes[i]));
        for (k, j) in [i.checked_sub(2), i.checked_sub(1), Some(i + 1), Some(i + 2)]
            .into_iter()
            .enumerate()
        {
            let j = j.filter(|&j| j < n);
            let v = match j {
                Some(j) => near(Some(&lines[j]), d.kinds[j], d.reasons[j], d.classes[j]),
                None => near(None, ZoneKind::Boilerplate, Reason::Header, Class::Bad),
            };
            f[OWN + k * NEAR..OWN + (k + 1) * NEAR].copy_from_slice(&v);
        }
        // `body` and `goods` are sorted: the nearest entries by binary search.
        let at = body.partition_point(|&b| b < i);
        let distance = [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter_map(|k| body.get(k))
            .map(|&b| b.abs_diff(i))
            .min()
            .unwrap_or(n.max(1));
        let g = goods.partition_point(|&g| g < i);
        let above = g.checked_sub(1).map_or(n, |k| i - goods[k]);
        let below = goods[g..].iter().find(|&&x| x > i).map_or(n, |&x| x - i);
        #[allow(clippy::cast_precision_loss)]
        let place = [
            ratio(i, n.max(1)),
            flag(d.title.is_some_and(|t| i < t)),
            flag(first_body.is_some_and(|a| a <= i) && last_body.is_some_and(|b| i <= b)),
            flag(first_body.is_none_or(|a| i < a)),
            flag(last_body.is_some_and(|b| i > b)),
            (1.0 + distance as f32).ln() / 3.0,
            ratio(line.chars, total),
            ratio(body_chars, total),
            ratio(before, total),
            (1.0 + n as f32).ln() / 5.0,
            (1.0 + above as f32).ln() / 3.0,
            (1.0 + below as f32).ln() / 3.0,
            ratio(recurrent, n),
            flag(last_body.is_some_and(|b| i == b + 1)),
            title_share(&title, line.text),
            ratio(body_before, body_chars),
            ratio(
                body_chars
                    - body_before
                    - if is_rule_body(d.kinds[i]) {
                        line.chars
                    } else {
                        0
                    },
                body_chars,
            ),
            flag(label_colon(line.text)),
        ];
        f[OWN + 4 * NEAR..].copy_from_slice(&place);
        before += line.chars;
        if is_rule_body(d.kinds[i]) {
            body_before += line.chars;
        }
        out.push(Some(f));
    }
    out
}

/// The model's probability that a line with features `f` is body.
pub(crate) fn probability(f: &[f32; FEATURES]) -> f32 {
    let z = BIAS + contributions(f).iter().sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

/// Each feature's part in the score of a line: weight times standardised
/// value, the value clipped to [`CLIP`] either side of the training mean
/// (as training clipped it).
pub(crate) fn contributions(f: &[f32; FEATURES]) -> [f32; FEATURES] {
    let mut out = [0.0; FEATURES];
    for k in 0..FEATURES {
        out[k] = WEIGHTS[k] * ((f[k] - MEAN[k]) / SCALE[k]).clamp(-CLIP, CLIP);
    }
    out
}

/// The model's verdict above which a line the rules left out becomes body,
/// and below which a body line of the rules leaves it.
pub(crate) const TAKE: f32 = crate::model_weights::TAKE;
/// See [`TAKE`].
pub(crate) const DROP: f32 = crate::model_weights::DROP;

/// Whether a reason is hard evidence of body the model may not overrule:
/// running text (a long line ending a sentence, with function words) and
/// a wire story's conversion note. Leave-one-layout-out cross-validation
/// chose this: the model dropped paragraphs of a layout unlike the others
/// (a long read) and the notes only one layout has. A text with no
/// paragraph at all is body by the rules' last resort, which no page the
/// model learnt from is: the model leaves it alone. Nor does it judge the
/// items of a bulleted list between paragraphs, or an intertitle next to
/// an ad break or a pull quote inside the text: short lines the rules place by their
/// neighbours, which the model, seeing few of them, took for furniture.
fn hard_body(reason: Reason) -> bool {
    matches!(
        reason,
        Reason::Paragraph
            | Reason::ConversionNote
            | Reason::NoParagraphs
            | Reason::ListItem
            | Reason::IntertitleAfterBreak
            | Reason::IntertitleAfterPullQuote
    )
}

/// Whether the model may decide line `i`: the rules gave it to the body or
/// the boilerplate, not for hard evidence of furniture or of body.
pub(crate) fn decidable(d: &Decision, i: usize) -> bool {
    matches!(d.kinds[i], ZoneKind::Body | ZoneKind::Boilerplate)
        && !hard_furniture(d.reasons[i])
        && !hard_body(d.reasons[i])
}

/// The decision overruled where the model may: a body line below
/// [`DROP`] leaves the body, a boilerplate line above [`TAKE`] joins it.
/// Only the lines the model may decide are scored.
pub(crate) fn apply(lines: &[Line<'_>], d: &mut Decision) {
    let wanted: Vec<bool> = (0..lines.len()).map(|i| decidable(d, i)).collect();
    if !wanted.contains(&true) {
        return;
    }
    let feats = line_features(lines, d, &wanted);
    for (i, f) in feats.iter().enumerate() {
        let Some(f) = f else { continue };
        let p = probability(f);
        if d.kinds[i] == ZoneKind::Body && p < DROP {
            d.kinds[i] = ZoneKind::Boilerplate;
            d.reasons[i] = Reason::LineModel;
        } else if d.kinds[i] == ZoneKind::Boilerplate && p > TAKE {
            d.kinds[i] = ZoneKind::Body;
            d.reasons[i] = Reason::LineModel;
        }
    }
}

/// Whether two lists of names are the same, at compile time.
const fn same_names(a: &[&str], b: &[&str]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        let (x, y) = (a[i].as_bytes(), b[i].as_bytes());
        if x.len() != y.len() {
            return false;
        }
        let mut j = 0;
        while j < x.len() {
            if x[j] != y[j] {
                return false;
            }
            j += 1;
        }
        i += 1;
    }
    true
}

// The weights were trained on these features, in this order: retrain
// (`tests/layouts/train_zoner.py --write`) after changing them.
const _: () = assert!(
    same_names(&crate::model_weights::NAMES, &FEATURE_NAMES),
    "model_weights.rs is for other features: run train_zoner.py --write"
);

#[cfg(test)]
mod tests {
    use super::{FEATURES, apply, decidable, line_features, probability};
    use crate::lines::read_lines;
    use crate::why::Reason;
    use crate::zone::decide;

    const PAGE: &str = "Accueil\nMonde\nSe connecter\n\n\
        Le lac gèle pour la première fois depuis vingt ans\n\
        Par Jeanne Martin\n3 mars 2024\n\n\
        Les habitants du village ont vu la glace gagner la rive nord dès lundi, et les pêcheurs ont rangé leurs barques plus tôt que prévu.\n\
        Photo : Studio Nord\n\
        Un court instant.\n\
        La mairie a fermé le ponton et demande aux promeneurs de ne pas s'aventurer sur la glace, encore trop fine au centre du lac.\n\
        Partager\nLire aussi\nLes plus lus\n";

    #[test]
    fn the_model_moves_only_what_it_may_and_says_so() {
        let lines = read_lines(PAGE, None);
        let mut d = decide(&lines);
        let before = (d.kinds.clone(), d.reasons.clone());
        let may: Vec<bool> = (0..lines.len()).map(|i| decidable(&d, i)).collect();
        assert!(may.contains(&false) && may.contains(&true), "{may:?}");
        let all = vec![true; lines.len()];
        let feats = line_features(&lines, &d, &all);
        assert!(feats.iter().all(Option::is_some));
        for f in feats.iter().flatten() {
            assert_eq!(f.len(), FEATURES);
            assert!(f.iter().all(|v| v.is_finite()), "{f:?}");
            assert!((0.0..=1.0).contains(&probability(f)));
        }
        // Only the wanted lines are computed.
        let some = line_features(&lines, &d, &may);
        for (i, f) in some.iter().enumerate() {
            assert_eq!(f.is_some(), may[i]);
            if let (Some(a), Some(b)) = (f, &feats[i]) {
                assert_eq!(a, b, "a line's features do not depend on which are wanted");
            }
        }
        apply(&lines, &mut d);
        for (i, &may) in may.iter().enumerate() {
            if d.kinds[i] != before.0[i] {
                assert!(may, "line {i} moved without being decidable");
                assert_eq!(d.reasons[i], Reason::LineModel);
            } else {
                assert_eq!(d.reasons[i], before.1[i]);
            }
        }
        // The credit is a cue, hard evidence: the rules' word stands.
        let credit = lines
            .iter()
            .position(|l| l.text.starts_with("Photo"))
            .unwrap();
        assert!(!decidable(&d, credit));
    }

    /// A text far outside the training pages' sizes (two lines, 2,000
    /// lines): clipped features keep every score inside what the pages
    /// taught, and the model moves no line of plain running text.
    #[test]
    fn pages_of_odd_sizes_keep_the_rules_verdict_on_running_text() {
        let sentence = "Les habitants du village ont vu la glace gagner la rive nord dès lundi, et les pêcheurs ont rangé leurs barques.";
        let long: String = (0..2000).map(|i| format!("{sentence} ({i})\n")).collect();
        for text in [format!("{sentence}\n{sentence}\n"), long] {
            let lines = read_lines(&text, None);
            let mut d = decide(&lines);
            let before = d.kinds.clone();
            let all = vec![true; lines.len()];
            for f in line_features(&lines, &d, &all).iter().flatten() {
                let z: f32 = super::contributions(f).iter().map(|c| c.abs()).sum();
                assert!(z.is_finite() && z < 1e4, "{z}");
            }
            apply(&lines, &mut d);
            assert_eq!(d.kinds, before, "{} lines", lines.len());
        }
    }
}
