//! Shapes around a headline that every kind of site has, for the zoner's
//! choice of title, section, lede and byline ([`crate::zone`]): badges and
//! kickers over the headline ("Explainer", "Review", a tabloid's
//! "SPLASH!"), a kicker that looks like a name, a subheading under a
//! headline in title case, a headline that is a question, a "provided by"
//! label and the issuer under it, a media teaser ("WATCH: …") under the
//! byline. Each is a family of shapes, not a site's strings.

use crate::boilerplate::fold;
use crate::lines::Line;
use crate::why::Reason;

/// Badges naming the kind of piece, folded, as they stand alone over a
/// headline or its section. Kinds that sites also use as sections
/// ("Opinion", "Reportage", "Portrait") are left out: a badge is skipped
/// only where a section may stand above it.
#[rustfmt::skip]
const BADGES: &[&str] = &[
    // en
    "explainer", "explained", "analysis", "news analysis", "review", "reviews", "exclusive",
    "breaking", "just in", "developing", "developing story", "interview", "q&a", "fact check",
    "fact-check", "factcheck", "long read", "the long read", "in depth", "in-depth", "deep dive",
    "feature", "first person", "perspective", "watch", "listen", "podcast", "in pictures",
    "photos", "members only", "subscriber exclusive", "premium",
    // kinds of test of a motoring or product review
    "road test", "first drive", "long-term test", "long term test", "test drive", "first look",
    "hands-on", "hands on",
    // fr
    "analyse", "decryptage", "eclairage", "exclusif", "exclusivite", "urgent",
    "alerte", "entretien", "interview", "critique", "vrai ou faux", "verification", "le fact-check",
    "grand format", "en images", "temoignage", "abonnes", "article abonne", "reserve aux abonnes",
    "essai", "premier essai", "prise en main", "coup de coeur", "coup de gueule", "bon plan",
    // kinds of piece of press rooms and obituary pages
    "communique de presse", "communique", "press release", "news release", "media release",
    "dossier de presse", "obituary", "in memoriam", "hommage",
];

/// Whether `line` is a badge over a headline: a kind of piece
/// ([`BADGES`]), or a kicker in capitals (one to four words, all in upper
/// case: "PIER PANIC", "SPLASH!").
pub(crate) fn is_badge(line: &Line<'_>) -> bool {
    listed_badge(line)
        || numbered_part(line.text)
        || (line.chars <= 40 && line.words <= 4 && is_caps_kicker(line.text))
}

/// Words that number a part of a series ("Episode 142", "Saison 3",
/// "Partie 2"), folded: the number of a piece, not its section.
const PART_WORDS: &[&str] = &[
    "episode", "ep", "ep.", "part", "season", "chapter", "vol", "vol.", "volume", "no", "no.",
    "issue", "saison", "partie", "chapitre", "numero", "n°",
];

/// Whether `text` is a part of a series and its number alone ("Episode 142").
fn numbered_part(text: &str) -> bool {
    // Most lines are longer or have no digit: no fold for them.
    if text.len() > 24 || !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let folded = fold(text);
    let mut words = folded.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some(word), Some(number), None) => {
            PART_WORDS.contains(&word)
                && number
                    .trim_start_matches('#')
                    .chars()
                    .all(|c| c.is_ascii_digit())
                && number.trim_start_matches('#').len() <= 4
                && !number.trim_start_matches('#').is_empty()
        }
        _ => false,
    }
}

/// Whether `line` is a kind of piece ([`BADGES`]) alone on its line.
pub(crate) fn listed_badge(line: &Line<'_>) -> bool {
    line.chars <= 40
        && line.words <= 4
        && BADGES.contains(&line.folded().trim_end_matches([':', '!', '.']))
}

/// One to four words in capitals, of at least four letters in all.
fn is_caps_kicker(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 4
        && text.split_whitespace().count() <= 4
        && text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Badges of [`BADGES`] that are also rubrics of some sites: past them only to a crumb.
const CRUMB_ONLY_BADGES: &[&str] = &["essai", "premium"];

/// The section candidate above a headline, past a badge: when the line at
/// `b` is a badge ([`is_badge`]), the line above it, if it could be a
/// section; else `b`. A kicker in capitals is never the section: past it
/// comes the line above whatever it is (the zoner's checks then judge
/// it). A line in capitals that recurs across the import or repeats a
/// line above it (an entry of the menu) is a section written in capitals
/// ("WORLD"), not a kicker.
pub(crate) fn past_badge(lines: &[Line<'_>], b: usize) -> usize {
    if b == 0 || !is_badge(&lines[b]) {
        return b;
    }
    let line = &lines[b];
    let kicker = is_caps_kicker(line.text)
        && !line.recurrent
        && !lines[..b]
            .iter()
            .any(|l| l.text.to_lowercase() == line.text.to_lowercase());
    if is_caps_kicker(line.text) && !kicker {
        return b;
    }
    let above = &lines[b - 1];
    // "Essai", "Premium" may be a site's own rubric ("Lire & Relire / Essai"):
    // they give way only to a crumb above ("Livres > Essai" split, "Accueil / Auto").
    if CRUMB_ONLY_BADGES.contains(&line.folded().trim_end_matches([':', '!', '.']))
        && above.crumb.is_none()
    {
        return b;
    }
    let could_be_section = (above.section() || above.crumb.is_some()) && !is_badge(above);
    if could_be_section || kicker { b - 1 } else { b }
}

/// Labels of a line that introduces the issuer or sponsor of a piece on
/// the next line ("News provided by", "Sponsored by", "Fourni par"),
/// folded. Neither the label nor the issuer is a section or a byline.
#[rustfmt::skip]
const PROVIDER_LABELS: &[&str] = &[
    "news provided by", "provided by", "content provided by", "press release from",
    "sponsored by", "presented by", "brought to you by", "in partnership with", "paid for by",
    "powered by", "distributed by", "issued by", "source",
    "fourni par", "communique fourni par", "propose par", "presente par", "en partenariat avec",
    "sponsorise par", "contenu propose par", "communique de",
];

/// Whether the line is a provider label ([`PROVIDER_LABELS`]), alone or
/// ending in a colon.
pub(crate) fn is_provider_label(text: &str) -> bool {
    text.len() <= 40 && PROVIDER_LABELS.contains(&fold(text).trim_end_matches([':', ' ']))
}

/// Whether the name-like line `i` is no byline though it looks like a
/// name: it follows a provider label (the issuer of a release), or it is a
/// kicker or section over the headline (a headline-like line right under
/// it that does not end a sentence, and a byline or date right under that;
/// not under a sentence or a photo credit, where a name over the paper's
/// name is the byline).
pub(crate) fn name_not_byline(lines: &[Line<'_>], i: usize) -> bool {
    if i > 0 && is_provider_label(lines[i - 1].text) {
        return true;
    }
    let Some(next) = lines.get(i + 1) else {
        return false;
    };
    // A kicker stands over the headline, not under a standfirst or a
    // photo's credit: a name there is the byline over the paper's name.
    let under_text = i > 0
        && ((lines[i - 1].sentence() && lines[i - 1].sentence_end)
            || lines[i - 1].cue == Some(crate::cues::Cue::Credit));
    !under_text
        && next.headline()
        && !next.name
        && !next.sentence_end
        && lines[i + 2..].iter().take(2).any(Line::meta)
}

/// Share (0..=100) of the words of four letters or more that open with a
/// capital: high in a headline in title case ("Company Completes
/// Enrollment in Trial"), low in a subheading in sentence case.
fn title_case_share(text: &str) -> usize {
    let (mut long, mut capital) = (0_usize, 0_usize);
    for word in text.split_whitespace() {
        let mut chars = word.chars();
        let Some(first) = chars.next() else { continue };
        if !first.is_alphabetic() || word.chars().count() < 4 {
            continue;
        }
        long += 1;
        if first.is_uppercase() {
            capital += 1;
        }
    }
    (capital * 100).checked_div(long).unwrap_or(0)
}

/// Whether `sub` is a subheading under the headline `head`: the headline
/// is in title case and long (six words or more, not in capitals, no final
/// stop), the line under it in sentence case, with no final stop.
fn subhead_under(head: &Line<'_>, sub: &Line<'_>) -> bool {
    title_case_head(head, sub) || deck_under(head, sub)
}

/// A short headline (two to ten words) over a long deck in sentence case with no final stop
/// ("Harriet Vell obituary" over "Oceanographer who charted the seabed of
/// …"): the deck, twice as long and of fifteen words or more, is the
/// standfirst.
fn deck_under(head: &Line<'_>, sub: &Line<'_>) -> bool {
    let head_words = head.text.split_whitespace().count();
    // Short as it is, the headline need not look like one on its own, and
    // it may recur: other pages of the import list it among their links.
    head.phrase.is_none()
        && head.cue.is_none()
        && !head.counter
        && !head.meta()
        && !head.name
        && head.crumb.is_none()
        && (2..=10).contains(&head_words)
        && !head.sentence_end
        && !is_caps_kicker(head.text)
        && sub.headline()
        && !sub.text.ends_with('.')
        && sub.text.split_whitespace().count() >= 15
        && sub.chars >= 2 * head.chars
        && title_case_share(sub.text) < 50
        // A kicker ("Faits divers", "Ukraine war") over a long headline is
        // no headline: this one names a person, or is an obituary's.
        && (crate::cues::person_name_part(head.text).is_some()
            || OBITUARY_WORDS.iter().any(|w| head.folded().contains(w)))
}

/// Words of an obituary's headline, folded.
const OBITUARY_WORDS: &[&str] = &[
    "obituary",
    "necrologie",
    "in memoriam",
    "hommage a",
    "tribute to",
];

/// [`subhead_under`] for a headline in title case.
fn title_case_head(head: &Line<'_>, sub: &Line<'_>) -> bool {
    head.headline()
        && !head.name
        && head.crumb.is_none()
        && head.words >= 6
        && !head.sentence_end
        && !is_caps_kicker(head.text)
        && title_case_share(head.text) >= 70
        && sub.headline()
        && !sub.text.ends_with('.')
        && title_case_share(sub.text) < 50
}

/// The headline, when the line `t` the zoner took is a subheading under
/// it ([`subhead_under`]); else `t`.
pub(crate) fn over_subhead(lines: &[Line<'_>], t: usize) -> usize {
    if t > 0 && subhead_under(&lines[t - 1], &lines[t]) {
        t - 1
    } else {
        t
    }
}

/// Whether line `i` is the subheading right under the headline `title`:
/// it is the standfirst, whatever its length.
pub(crate) fn is_subhead(lines: &[Line<'_>], title: usize, i: usize) -> bool {
    i == title + 1 && subhead_under(&lines[title], &lines[i])
}

/// Longest headline that is a question, in characters.
const QUESTION_CHARS: usize = 160;

/// A headline that is a question ("Will your bill go up?") reads as a
/// short paragraph: when nothing before the first paragraph could be the
/// headline, that paragraph is it if it ends in "?" or "!", is short, and
/// a byline or date follows within a standfirst's distance.
pub(crate) fn question_headline(
    lines: &[Line<'_>],
    first_paragraph: usize,
    meta_like: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let line = &lines[first_paragraph];
    if !question_shape(line) {
        return None;
    }
    // Past a standfirst of two sentences at the most, and (under a headline
    // in title case) two short lines ("Series: X").
    let title_case = title_case_share(line.text) >= 70;
    meta_follows(lines, first_paragraph, title_case, meta_like).then_some(first_paragraph)
}

/// Whether a byline or date (`meta_like`) follows line `h` past a
/// standfirst of two sentences at the most and, with `short`, two short
/// lines ("Series: X").
fn meta_follows(
    lines: &[Line<'_>],
    h: usize,
    short_lines: bool,
    meta_like: &dyn Fn(usize) -> bool,
) -> bool {
    let mut j = h + 1;
    let (mut standfirst, mut short) = (0, 0);
    while j < lines.len() {
        if meta_like(j) {
            return true;
        }
        if lines[j].sentence() && standfirst < 2 {
            standfirst += 1;
        } else if short_lines && short < 2 && !lines[j].sentence() && lines[j].words <= 6 {
            short += 1;
        } else {
            return false;
        }
        j += 1;
    }
    false
}

/// A headline that recurs because other pages of the import list it among
/// their links: right above the first paragraph (its standfirst), in the
/// shape of a headline but for its recurrence (or in title case with full
/// stops), no phrase, cue or name, and a byline or date after it. Tried
/// when no headline that does not recur was found.
pub(crate) fn recurring_headline(
    lines: &[Line<'_>],
    first_paragraph: usize,
    meta_like: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    // Past a rating or a badge under it ("★★★★☆", "Note : 16/20").
    let mut h = first_paragraph.checked_sub(1)?;
    while h > 0 && before_standfirst(&lines[h]) {
        h -= 1;
    }
    let line = &lines[h];
    let shape = line.headline_shape() || question_shape(line);
    (line.recurrent
        && shape
        && line.phrase.is_none()
        && line.cue.is_none()
        && !line.counter
        && !line.name
        && !line.meta()
        && line.crumb.is_none()
        && meta_follows(lines, h, true, meta_like))
    .then_some(h)
}

/// A short line ending in "?" or "!" (past closing quotes), or in title
/// case: the shape of a headline that reads as a sentence
/// ([`question_headline`]).
fn question_shape(line: &Line<'_>) -> bool {
    let core = line
        .text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, '»' | '"' | '”' | '’'));
    // A headline in title case may hold full stops ("A Landfill Leaked for
    // a Decade. State Inspectors Knew.").
    line.chars <= QUESTION_CHARS
        && (core.ends_with(['?', '!'])
            || (title_case_share(core) >= 70 && core.split_whitespace().count() <= 20))
}

/// Whether the line is a media teaser ("WATCH: …", "VIDEO: …", "EN
/// IMAGES : …"): one or two words in capitals and a colon opening it. Such
/// a line under the byline is a link to a clip, not a standfirst.
pub(crate) fn is_teaser(text: &str) -> bool {
    let Some((label, rest)) = text.split_once(':') else {
        return false;
    };
    let label = label.trim();
    !rest.trim().is_empty()
        && label.split_whitespace().count() <= 2
        && is_caps_kicker(label)
        && label.chars().filter(|c| c.is_alphabetic()).count() <= 12
}

/// Whether the line is one a page sets between its headline and the
/// standfirst, to be passed over when looking for the lede: a rating
/// ([`is_rating`]) or a player's button with a duration ("Listen to this
/// article · 5 min", "Écouter l'article (3 min)"), or a badge.
pub(crate) fn before_standfirst(line: &Line<'_>) -> bool {
    !line.sentence_end && (is_rating(line.text) || has_duration(line) || is_badge(line))
}

/// Whether line `i` stands over the headline and is none: a rating, a
/// player's button, a kind of piece ([`before_standfirst`]), or a kicker in
/// capitals with a headline-like line under it. A headline written in
/// capitals ("CORGI BITES POSTMAN") with the byline under it is the
/// headline.
pub(crate) fn not_headline(lines: &[Line<'_>], i: usize) -> bool {
    let line = &lines[i];
    if line.sentence_end {
        return false;
    }
    if is_rating(line.text) || has_duration(line) || listed_badge(line) {
        return true;
    }
    is_badge(line)
        && lines
            .get(i + 1)
            .is_some_and(|next| next.headline() && !next.name && !is_caps_kicker(next.text))
}

/// A rating: stars ("★★★★☆") or a score out of 5, 10, 20 or 100 ("4/5",
/// "Note : 16/20") on a short line of three words at most ("1/5 of pupils miss
/// school" is a headline).
fn is_rating(text: &str) -> bool {
    if text.chars().count() > 30 || text.split_whitespace().count() > 3 {
        return false;
    }
    if text
        .chars()
        .any(|c| matches!(c, '★' | '☆' | '✩' | '✪' | '⭐'))
    {
        return true;
    }
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'/' || i == 0 || !bytes[i - 1].is_ascii_digit() {
            return false;
        }
        // The whole number after the slash: "3/51" is no score out of 5.
        let rest = &text[i + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        matches!(&rest[..digits], "5" | "10" | "20" | "100") && !rest[digits..].starts_with('/')
    })
}

/// A short line with a duration in minutes set apart in it, as a
/// player's button has ("(3 min)", "· 5 min", "| 24 minutes", or the
/// duration alone): a headline's "after 40 minutes under ice" is no
/// button.
fn has_duration(line: &Line<'_>) -> bool {
    if line.chars > 60 || line.text.split_whitespace().count() > 8 {
        return false;
    }
    let lower = line.text.to_lowercase();
    let mut words: Vec<(usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in lower.char_indices() {
        if c.is_whitespace() || matches!(c, '(' | ')' | '·' | '|' | ',') {
            if let Some(s) = start.take() {
                words.push((s, &lower[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        words.push((s, &lower[s..]));
    }
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    let set_apart = |at: usize| {
        let before = lower[..at].trim_end();
        before.is_empty() || before.ends_with(['(', '·', '|', '-', '–', '—', ':', ','])
    };
    words.windows(2).any(|w| {
        number(w[0].1)
            && ["min", "mins", "minute", "minutes", "mn"].contains(&w[1].1)
            && set_apart(w[0].0)
    }) || words
        .iter()
        .any(|&(at, w)| w.strip_suffix("min").is_some_and(number) && set_apart(at))
}

/// Why the line is the title: a headline, or a question (or an
/// exclamation) read as a short paragraph ([`question_headline`]).
pub(crate) fn title_reason(line: &Line<'_>) -> Reason {
    if line.paragraph() && question_shape(line) {
        Reason::QuestionTitle
    } else {
        Reason::Title
    }
}

/// Why line `i` is in the lede under the headline `title`: a subheading
/// ([`is_subhead`]) or a sentence.
pub(crate) fn lede_reason(lines: &[Line<'_>], title: usize, i: usize) -> Reason {
    if is_subhead(lines, title, i) {
        Reason::Subheading
    } else {
        Reason::Lede
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::read_lines;

    fn line_says(text: &str, f: fn(&Line<'_>) -> bool) -> bool {
        let lines = read_lines(text, None);
        f(&lines[0])
    }

    #[test]
    fn a_score_is_out_of_5_or_10_on_a_short_line() {
        for yes in ["4/5", "Note : 8/10", "★★★★☆", "Our verdict 3/5"] {
            assert!(is_rating(yes), "{yes}");
        }
        for no in [
            "3/51",
            "2/15",
            "5/1005",
            "1/5 of pupils miss school",
            "24/7",
        ] {
            assert!(!is_rating(no), "{no}");
        }
    }

    #[test]
    fn a_players_duration_is_set_apart() {
        let button = |l: &Line<'_>| has_duration(l);
        for yes in [
            "Listen to this article · 5 min",
            "Écouter l'article (3 min)",
            "Réécouter l'émission | 24 minutes",
            "12 min",
        ] {
            assert!(line_says(yes, button), "{yes}");
        }
        for no in [
            "Man rescued after 40 minutes under ice",
            "Le train bloqué 90 minutes en gare",
        ] {
            assert!(!line_says(no, button), "{no}");
        }
    }

    #[test]
    fn a_headline_in_capitals_is_no_kicker_without_a_headline_under_it() {
        let text = "QUEEN'S CORGI BITES POSTMAN\nBy Ann Poe\n";
        let lines = read_lines(text, None);
        assert!(!not_headline(&lines, 0));
        let text = "CORGI CHAOS\nQueen's corgi bites a postman in the palace garden\nBy Ann Poe\n";
        let lines = read_lines(text, None);
        assert!(not_headline(&lines, 0));
        assert!(!not_headline(&lines, 1));
    }
}
