//! Metadata: bylines, and the known keys of [`Meta`] read from articles and records.

use annot_model::Meta;
use annot_model::tokenize::Lang;
use serde_json::Value;

use crate::boilerplate::fold;
use crate::dates::parse_date;

/// News agencies, whose names alone make a byline.
const AGENCIES: &[&str] = &[
    "afp",
    "reuters",
    "ap",
    "associated press",
    "ats",
    "belga",
    "dpa",
    "ansa",
    "efe",
    "upi",
    "anadolu",
    "xinhua",
    "agences",
    "agencies",
    "agence france-presse",
    "pa",
    "bloomberg",
    "the associated press",
    "press association",
    "the canadian press",
    "canadian press",
    "kyodo",
    "yonhap",
    "aap",
    "pti",
    "sipa",
    "apa",
    "keystone-ats",
    "agence belga",
    "la presse canadienne",
    "presse canadienne",
    "ians",
    "ani",
    "pa media",
    "europa press",
    "agence qmi",
    "lusa",
    "tass",
    "anp",
];

/// Endings that name an agency after a newsroom ("Le Monde avec AFP").
const AGENCY_ENDINGS: &[&str] = &[
    " avec afp",
    " avec agences",
    " avec reuters",
    " avec ap",
    " with afp",
    " with agencies",
    " with reuters",
    " and agencies",
    " and afp",
    " (afp)",
    " (reuters)",
    " (ap)",
];

/// The byline a line gives: the name after "Par" / "By" ("Par X" gives "X"),
/// or the agency credit as it stands ("X/Agences", "Le Monde avec AFP", "AFP";
/// brackets around an agency dropped), or `None`. The line itself stays in
/// the text, in a meta zone.
#[must_use]
pub fn byline(line: &str) -> Option<String> {
    let line = line.trim();
    byline_folded(line, &fold(line))
}

/// Longest byline line, in characters: a name, or names and a role.
pub(crate) const BYLINE_CHARS: usize = 120;

/// [`byline`] of a trimmed line whose [`fold`] is at hand.
pub(crate) fn byline_folded(line: &str, folded: &str) -> Option<String> {
    byline_counted(line, folded, line.chars().count())
}

/// [`byline_folded`] of a line of `chars` characters.
pub(crate) fn byline_counted(line: &str, folded: &str, chars: usize) -> Option<String> {
    if !(2..=BYLINE_CHARS).contains(&chars) || line.ends_with(['.', '!', '?', ':', ';', ',']) {
        return None;
    }
    for prefix in BYLINE_LABELS {
        if let Some(head) = line.get(..prefix.len())
            && head.eq_ignore_ascii_case(prefix)
        {
            let mut rest = line[prefix.len()..].trim();
            // "Posted by X on Facebook", "Posted by X on March 3": the name before " on ".
            if prefix.trim_end().eq_ignore_ascii_case("posted by")
                && let Some((name, _)) = rest.split_once(" on ")
            {
                rest = name.trim_end();
            }
            // "Par notre correspondant à Y, X": the name after the comma.
            return prefixed_name(rest)
                .or_else(|| envoy_name(line, folded))
                .map(|n| without_titles(without_class_year(&n)));
        }
    }
    // "(Reporting by X; Editing by Y)", a wire's credits after the text:
    // the reporter, never the editor.
    if let Some(inner) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')'))
        && folded.starts_with("(reporting by ")
        && let Some(names) = inner.get("reporting by ".len()..)
    {
        let names = names.split(';').next().unwrap_or(names).trim();
        return crate::cues::is_person_name(names)
            .then(|| names.to_string())
            .or_else(|| prefixed_name(names));
    }
    // "X | Edited by Y", "X – Photos : Y": a name, then another credit.
    if let Some((name, rest)) = split_role(line)
        && crate::cues::is_person_name(name)
        && credit_after(rest)
    {
        return Some(name.to_string());
    }
    // Only a "Par" / "By" line may carry a role after the name.
    if chars > 80 || line.split_whitespace().count() > 10 {
        return None;
    }
    if let Some(name) = envoy_name(line, folded) {
        return Some(name);
    }
    if let Some(name) = kind_of_piece_name(line, folded) {
        return Some(name);
    }
    let inner = folded.trim_start_matches('(').trim_end_matches(')');
    if AGENCIES.contains(&inner) {
        return Some(
            line.trim_start_matches('(')
                .trim_end_matches(')')
                .to_string(),
        );
    }
    // "X/Agences" is a credit alone; a caption ending in a photo credit
    // ("The reservoir. Photograph: X/AFP") has a sentence or a label before it.
    let slashed = line.contains('/')
        && !line.contains(": ")
        && !line.contains(". ")
        && folded.split('/').all(|p| !p.trim().is_empty())
        && folded.split('/').any(|p| AGENCIES.contains(&p.trim()));
    if slashed || AGENCY_ENDINGS.iter().any(|e| folded.ends_with(e)) {
        return Some(line.to_string());
    }
    None
}

/// A name without an alumnus's class year after it ("Dana Whitcombe ’09"
/// gives "Dana Whitcombe").
/// Titles a player or master writes before a name ("By GM X", "By IM X
/// and Y"): a rank, not part of the name.
const NAME_TITLES: &[&str] = &["GM", "IM", "FM", "CM", "NM", "WGM", "WIM", "WFM", "WCM"];

/// A byline's names without the titles before them ("GM Daria Voronel"
/// gives "Daria Voronel"); a title alone stays.
fn without_titles(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').collect();
    let kept: Vec<&str> = words
        .iter()
        .enumerate()
        .filter(|&(i, w)| {
            !(NAME_TITLES.contains(w)
                && words
                    .get(i + 1)
                    .is_some_and(|next| next.chars().next().is_some_and(char::is_uppercase)))
        })
        .map(|(_, w)| *w)
        .collect();
    kept.join(" ")
}

fn without_class_year(name: &str) -> &str {
    let trimmed = name.trim_end();
    let Some((head, year)) = trimmed.rsplit_once(' ') else {
        return name;
    };
    let digits = year.trim_start_matches(['’', '\'']);
    if digits.len() == 2 && digits.len() < year.len() && digits.bytes().all(|b| b.is_ascii_digit())
    {
        head.trim_end()
    } else {
        name
    }
}

/// The name after "Par" / "By": up to a role after a comma ("Par X,
/// professeure de droit", "By X, Europe correspondent"), unless what
/// follows the comma is more names ("By X, Y and Z").
fn prefixed_name(name: &str) -> Option<String> {
    // "Par ailleurs", "By then": a name starts with a capital.
    if !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let name = match name.split_once(", ") {
        Some((first, rest))
            if crate::cues::is_person_name(first)
                && (!crate::cues::is_person_name(rest) || role_or_outlet(rest)) =>
        {
            first
        }
        // Without a comma, a byline is a name or a short credit.
        None if name.split_whitespace().count() > 9 => return None,
        // "By X | Staff writer", "By X - Chief reporter": the name; "By X
        // FOR SITE", "By X in Singapore": the name.
        None => name_before_role(name)
            .or_else(|| for_outlet(name))
            .or_else(|| crate::cues::signed_name_part(name))
            .unwrap_or(name),
        _ => name,
    };
    Some(name.to_string())
}

/// Words of a reporter's role or an outlet's name after a byline's comma
/// ("By X, CHIEF TRAVEL REPORTER", "Par X, Radio Vallée"), folded: what
/// follows is no second name though its words are capitalised.
#[rustfmt::skip]
const ROLE_WORDS: &[&str] = &[
    "reporter", "editor", "correspondent", "writer", "columnist", "critic", "chief", "senior",
    "staff", "contributor", "producer", "analyst", "radio", "tv", "news", "press", "media",
    "journaliste", "redacteur", "redactrice", "correspondant", "correspondante", "envoye",
    "envoyee", "chroniqueur", "chroniqueuse", "critique", "tele", "television",
    "journal", "agence", "magazine", "presse", "redaction", "service", "desk", "bureau",
    "director", "directeur", "directrice", "officer", "manager", "scientist", "secretary",
    "spokesperson", "coordinator", "coordinatrice", "coordinateur",
];

/// Of [`ROLE_WORDS`], those that name an agency or outlet ("Atlas Presse"
/// after "avec").
const OUTLET_WORDS: &[&str] = &[
    "press", "presse", "agence", "agency", "agences", "media", "medias", "news", "radio", "tv",
];

/// Of [`ROLE_WORDS`], those that end a role and are not surnames.
const HEAD_ROLES: &[&str] = &[
    "reporter",
    "editor",
    "correspondent",
    "writer",
    "columnist",
    "critic",
    "producer",
    "analyst",
    "contributor",
    "journaliste",
    "correspondant",
    "correspondante",
    "director",
    "directeur",
    "directrice",
    "officer",
    "manager",
    "scientist",
    "secretary",
    "spokesperson",
    "coordinator",
];

/// Whether the text after a byline's comma is a role or an outlet
/// ([`ROLE_WORDS`]) rather than more names. A first name and a surname
/// that is also a role word ("Tom Service", "Ann Press") is a second
/// author.
fn role_or_outlet(rest: &str) -> bool {
    let folded = fold(rest);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    if !words.iter().any(|w| ROLE_WORDS.contains(w)) {
        return false;
    }
    // A role's head noun ("Economics Editor", "Deputy Editor") is no surname.
    let head_role = words.last().is_some_and(|w| HEAD_ROLES.contains(w));
    let surname_only = words.len() == 2 && !ROLE_WORDS.contains(&words[0]) && !head_role;
    !(surname_only && crate::cues::is_person_name(rest.trim()))
}

/// Labels before a byline's name (ASCII case ignored): "Par X", "By X",
/// "Written by X", "Story by X", "Texte : X", "Texte et photos : X".
const BYLINE_LABELS: &[&str] = &[
    "par ",
    "by ",
    "par\u{a0}",
    "by\u{a0}",
    "written by ",
    "posted by ",
    "story by ",
    "words by ",
    "text by ",
    "reported by ",
    "report by ",
    "texte : ",
    "texte: ",
    "textes : ",
    "texte et photos : ",
    "texte et photo : ",
    "text: ",
    "words: ",
    "text and photos: ",
    "words and pictures: ",
    "reportage : ",
    "hosted by ",
    "host: ",
    "animé par ",
    "présenté et animé par ",
    "prévisionniste : ",
    "prévisionniste: ",
    "forecaster: ",
    "testé par ",
    "testée par ",
    "testés par ",
    "testées par ",
    "tested by ",
];

/// The separators [`split_role`] splits at, in the order it tries them.
const ROLE_SEPARATORS: [&str; 5] = [" | ", " - ", " – ", " — ", " · "];

/// The text of a byline before and after its first bar or dash.
///
/// Every separator is a space and a byte of `|`, `-`, or the lead byte of
/// `–`, `—` (0xE2) or `·` (0xC2): a line without such a pair has none, and
/// the five substring searches (some 800 instructions a line, a search's
/// set-up for each) are not made.
fn split_role(name: &str) -> Option<(&str, &str)> {
    let bytes = name.as_bytes();
    let maybe = bytes
        .windows(2)
        .any(|w| w[0] == b' ' && matches!(w[1], b'|' | b'-' | 0xE2 | 0xC2));
    if !maybe {
        return None;
    }
    split_role_searched(name)
}

/// [`split_role`] by a search for each separator.
fn split_role_searched(name: &str) -> Option<(&str, &str)> {
    ROLE_SEPARATORS
        .iter()
        .find_map(|sep| name.split_once(sep))
        .map(|(first, rest)| (first.trim(), rest.trim()))
}

/// Whether the text after a byline's bar or dash is another credit ("Edited
/// by Y", "Photos : Y", "Photos by Y", "with Y") or a place of one or two
/// capitalised words that are no name ("Bengaluru |").
fn credit_after(rest: &str) -> bool {
    let folded = fold(rest);
    let credit = [
        "edited by",
        "photos by",
        "photo by",
        "photos:",
        "photos :",
        "photo:",
        "photo :",
        "photography by",
        "photography:",
        "photography :",
        "pictures by",
        "pictures:",
        "video by",
        "with ",
        "avec ",
        "edite par",
        "illustrations",
        "additional reporting",
    ]
    .iter()
    .any(|c| folded.starts_with(c));
    let place = rest.trim_end_matches(['|', ' ']);
    let words: Vec<&str> = place.split_whitespace().collect();
    let placed = (1..=2).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
        });
    // Two capitalised words may be a second author ("X | Anita Rao").
    credit || (placed && (words.len() == 1 || !crate::cues::is_person_name(place)))
}

/// The name of a "By X | Staff writer" byline: the words before a bar or a
/// dash, when they are a person's name and a role, an outlet, another
/// credit or a place follows.
fn name_before_role(name: &str) -> Option<&str> {
    split_role(name)
        .filter(|(first, rest)| {
            crate::cues::is_person_name(first) && (role_or_outlet(rest) || credit_after(rest))
        })
        .map(|(first, _)| first)
}

/// The name of a "By X FOR SITE" / "Par X pour Y" byline: the words
/// before "for" / "pour", when they are a person's name; and of a "Par X
/// avec Atlas Presse" / "By X with Reuters" byline, the name before an
/// agency or outlet ([`OUTLET_WORDS`], [`AGENCIES`]) joined by "avec" /
/// "with" ("Par X avec Y", two people, stays whole).
fn for_outlet(name: &str) -> Option<&str> {
    let outlet = [" for ", " FOR ", " For ", " pour ", " POUR "]
        .iter()
        .find_map(|sep| name.split_once(sep))
        .map(|(first, _)| first.trim());
    let with_agency = || {
        [" avec ", " with "]
            .iter()
            .find_map(|sep| name.split_once(sep))
            .filter(|(_, rest)| {
                let rest = fold(rest);
                AGENCIES.contains(&rest.as_str())
                    || rest.split_whitespace().any(|w| OUTLET_WORDS.contains(&w))
            })
            .map(|(first, _)| first.trim())
    };
    outlet
        .or_else(with_agency)
        .filter(|first| crate::cues::is_person_name(first))
}

/// The name on a "De notre correspondant X" line (or "De notre envoyée
/// spéciale à Davos, X", "From our correspondent X"): the words after the
/// last comma, else from the first capitalised word after the opening.
fn envoy_name(line: &str, folded: &str) -> Option<String> {
    if ![
        "de notre ",
        "de nos ",
        "from our ",
        "par notre ",
        "par nos ",
        "by our ",
    ]
    .iter()
    .any(|o| folded.starts_with(o))
    {
        return None;
    }
    let name = match line.rsplit_once(',') {
        Some((_, tail)) => tail.trim(),
        None => {
            let mut words = line.split_whitespace();
            words.next();
            let skipped: usize = words
                .take_while(|w| !w.chars().next().is_some_and(char::is_uppercase))
                .count();
            let from = line
                .split_whitespace()
                .nth(skipped + 1)
                .and_then(|w| line.find(w))?;
            line[from..].trim()
        }
    };
    crate::cues::is_person_name(name).then(|| name.to_string())
}

/// Openings that name the kind of piece before its author ("La chronique
/// de X", "Une tribune de X", "Analysis by X"), folded: opinion and
/// magazine pages sign this way instead of "Par X".
#[rustfmt::skip]
const PIECE_OPENINGS: &[&str] = &[
    // fr
    "la chronique de ", "une chronique de ", "la tribune de ", "une tribune de ",
    "le billet de ", "un billet de ", "l'edito de ", "l'editorial de ", "un editorial de ",
    "l'analyse de ", "une analyse de ", "le point de vue de ", "un point de vue de ",
    "le regard de ", "le decryptage de ", "l'eclairage de ", "le carnet de ", "la lettre de ",
    "un reportage de ", "une enquete de ", "un entretien de ", "propos recueillis par ",
    "texte de ", "textes de ", "texte et photos de ", "recit de ",
    "chronique judiciaire de ", "temoignage recueilli par ", "temoignages recueillis par ",
    // en
    "a column by ", "column by ", "an analysis by ", "analysis by ", "commentary by ",
    "opinion by ", "words by ", "story by ", "written by ", "reported by ", "interview by ",
    "text by ", "an essay by ", "essay by ", "a report by ", "report by ",
    "reviewed by ", "review by ", "a review by ", "critique de ", "une critique de ",
    "la critique de ",
];

/// The author of a "La chronique de X" line: the name after one of
/// [`PIECE_OPENINGS`], when it is a person's name and nothing else.
fn kind_of_piece_name(line: &str, folded: &str) -> Option<String> {
    let opening = PIECE_OPENINGS.iter().find(|o| folded.starts_with(*o))?;
    // The fold keeps words apart as the line does, and drops words of no letter
    // or digit (a quote mark before the opening): skip as many words of the line.
    let skip = opening.split_whitespace().count();
    let word = line
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .nth(skip)?;
    // Where that word is in the line (a slice of it), not the first text like it.
    let at = word.as_ptr() as usize - line.as_ptr() as usize;
    let name = line.get(at..)?.trim();
    crate::cues::is_person_name(name).then(|| name.to_string())
}

/// Metadata fields of a JSONL record or CSV row, before the language is known.
#[derive(Debug, Default)]
pub(crate) struct RecordMeta {
    pub(crate) meta: Meta,
    /// The record's date as given; read once the language is known.
    pub(crate) date: Option<String>,
}

impl RecordMeta {
    /// Puts one field in its place: the known keys (`title`, `date`, `section`,
    /// `byline`, `lang`, `source`) into [`Meta`], everything else into `extra`.
    pub(crate) fn set(&mut self, key: &str, value: Value) {
        let text = match &value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Null => return,
            Value::String(_) => return,
            _ => None,
        };
        let m = &mut self.meta;
        let slot = match key {
            "title" => &mut m.title,
            "section" => &mut m.section,
            "byline" => &mut m.byline,
            "source" => &mut m.source,
            "date" => &mut self.date,
            "lang" => &mut m.lang,
            _ => {
                m.extra.insert(key.to_string(), value);
                return;
            }
        };
        match text {
            Some(t) => *slot = Some(t),
            // A known key with a number or list: keep it, but out of the typed field.
            None => {
                m.extra.insert(format!("{key}_raw"), value);
            }
        }
    }

    /// The finished metadata; `lang` is the record's language when it did not say.
    /// Returns a warning when the record's date cannot be read.
    pub(crate) fn finish(mut self, lang: Option<Lang>) -> (Meta, Option<String>) {
        if let Some(given) = &self.meta.lang {
            if let Some(l) = Lang::from_code(given) {
                self.meta.lang = Some(l.code().to_string());
            } else {
                self.meta.lang = Some(given.to_lowercase());
            }
        } else {
            self.meta.lang = lang.map(|l| l.code().to_string());
        }
        let mut warning = None;
        if let Some(raw) = self.date {
            let record_lang = self.meta.lang.as_deref().and_then(Lang::from_code).or(lang);
            match parse_date(&raw, record_lang) {
                Some(iso) => self.meta.date = Some(iso),
                None => {
                    warning = Some(format!(
                        "date '{raw}' is not a date annot can read; kept as meta.date_raw"
                    ));
                    self.meta
                        .extra
                        .insert("date_raw".into(), Value::String(raw));
                }
            }
        }
        (self.meta, warning)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The pair test rules out only lines where no separator is found.
        #[test]
        fn split_role_finds_what_the_searches_find(
            line in "(Ann|Poe|x|-|\\||–|—|·|’|é|\u{a0}| ){0,14}"
        ) {
            proptest::prop_assert_eq!(split_role(&line), split_role_searched(&line));
        }
    }

    #[test]
    fn bylines() {
        assert_eq!(
            byline("Written by Ravi Kumar | Mumbai |").as_deref(),
            Some("Ravi Kumar")
        );
        assert_eq!(
            byline("Texte : Claire Morin – Photos : Paul Anquetil").as_deref(),
            Some("Claire Morin")
        );
        assert_eq!(
            byline("Texte et photos : Claire Morin").as_deref(),
            Some("Claire Morin")
        );
        assert_eq!(
            byline("Ravi Kumar | Edited by Anita Rao").as_deref(),
            Some("Ravi Kumar")
        );
        assert_eq!(
            byline("By Ruth Calder, Economics Editor").as_deref(),
            Some("Ruth Calder")
        );
        assert_eq!(
            byline("By Ruth Calder, Tom Service").as_deref(),
            Some("Ruth Calder, Tom Service")
        );
        assert_eq!(
            byline("Posted by Ruth Calder, Mission Flight Director").as_deref(),
            Some("Ruth Calder")
        );
        assert_eq!(byline("By GM Ruth Calder").as_deref(), Some("Ruth Calder"));
        assert_eq!(
            byline("By IM Ruth Calder and Tom Penn").as_deref(),
            Some("Ruth Calder and Tom Penn")
        );
        // A title alone, or before no name, stays.
        assert_eq!(byline("By GM").as_deref(), Some("GM"));
        assert_eq!(
            byline("Testé par Inès Roy et Paul Lenoir").as_deref(),
            Some("Inès Roy et Paul Lenoir")
        );
        assert_eq!(byline("Ravi Kumar | Anita Rao"), None);
        assert_eq!(
            byline("La Presse Canadienne").as_deref(),
            Some("La Presse Canadienne")
        );
        assert_eq!(byline("OLJ/Agences").as_deref(), Some("OLJ/Agences"));
        assert_eq!(byline("Par Jean Dupont").as_deref(), Some("Jean Dupont"));
        assert_eq!(
            byline("By Jane Doe and John Roe").as_deref(),
            Some("Jane Doe and John Roe")
        );
        assert_eq!(byline("BY JANE DOE").as_deref(), Some("JANE DOE"));
        assert_eq!(byline("AFP").as_deref(), Some("AFP"));
        assert_eq!(byline("(AFP)").as_deref(), Some("AFP"));
        assert_eq!(
            byline("Le Monde avec AFP").as_deref(),
            Some("Le Monde avec AFP")
        );
        assert_eq!(byline("Par ailleurs"), None);
        assert_eq!(
            byline("(Reporting by Dewi Karta; Editing by Priya Ramen)").as_deref(),
            Some("Dewi Karta")
        );
        assert_eq!(
            byline("(Reporting by Dewi Karta and Lim Wei; Editing by Priya Ramen)").as_deref(),
            Some("Dewi Karta and Lim Wei")
        );
        // A parenthesis of a sentence is no credit.
        assert_eq!(byline("(Reporting by the council was late.)"), None);
        assert_eq!(
            byline("Posted by Theo Brandt and Amaya Ruiz").as_deref(),
            Some("Theo Brandt and Amaya Ruiz")
        );
        assert_eq!(
            byline("Témoignage recueilli par Joseph Mwamba").as_deref(),
            Some("Joseph Mwamba")
        );
        assert_eq!(
            byline("Chronique judiciaire de Bastien Lacombe").as_deref(),
            Some("Bastien Lacombe")
        );
        // An agency joined by "avec" / "with" is no second author; a person is.
        assert_eq!(
            byline("Par Youssef Amrani avec Atlas Presse").as_deref(),
            Some("Youssef Amrani")
        );
        assert_eq!(
            byline("Par Youssef Amrani avec Claire Morin").as_deref(),
            Some("Youssef Amrani avec Claire Morin")
        );
        assert_eq!(
            byline("Words: Lucy Harlan · Photography: Dan Ferrand").as_deref(),
            Some("Lucy Harlan")
        );
        assert_eq!(
            byline("Par ailleurs, les chefs de la diplomatie se sont réunis."),
            None
        );
        assert_eq!(byline("1/1"), None);
        assert_eq!(byline("Syrie"), None);
        assert_eq!(byline("By"), None);
        assert_eq!(
            byline("De notre correspondant Pierre Vayssettes").as_deref(),
            Some("Pierre Vayssettes")
        );
        assert_eq!(
            byline("De notre envoyée spéciale à Davos, Marie Schaller").as_deref(),
            Some("Marie Schaller")
        );
        assert_eq!(byline("De notre côté, rien"), None);
        assert_eq!(
            byline("La chronique de Julien Morvan").as_deref(),
            Some("Julien Morvan")
        );
        assert_eq!(
            byline("Analysis by Kate Holm").as_deref(),
            Some("Kate Holm")
        );
        assert_eq!(byline("La chronique de la semaine"), None);
        assert_eq!(byline("Written by hand"), None);
        assert_eq!(
            byline("Par Jeanne Roux, maîtresse de conférences en histoire à l'université de Tours")
                .as_deref(),
            Some("Jeanne Roux"),
            "the role after the name"
        );
        assert_eq!(
            byline("By Ann Poe, Europe correspondent").as_deref(),
            Some("Ann Poe")
        );
        assert_eq!(
            byline("By Ann Poe, John Roe and Kim Lee").as_deref(),
            Some("Ann Poe, John Roe and Kim Lee")
        );
        // A caption with its credit is no agency byline.
        assert_eq!(
            byline("The harbour at dawn. Photograph: Ana Ruiz/AFP"),
            None
        );
        assert_eq!(byline("Photo: Ana Ruiz/Reuters"), None);
        // A role or an outlet after the comma, an outlet after "for".
        assert_eq!(
            byline("By Tom Ashby, CHIEF POLITICAL REPORTER").as_deref(),
            Some("Tom Ashby")
        );
        assert_eq!(
            byline("Par Lise Marchal, Radio Causse").as_deref(),
            Some("Lise Marchal")
        );
        assert_eq!(
            byline("By DORA KEMP FOR THEDAILYPOST").as_deref(),
            Some("DORA KEMP")
        );
        assert_eq!(
            byline("Par Jules Fabre pour La Gazette").as_deref(),
            Some("Jules Fabre")
        );
        assert_eq!(
            byline("By STAFF REPORTER").as_deref(),
            Some("STAFF REPORTER")
        );
        assert_eq!(
            byline("By Ann Poe, Lea Moss").as_deref(),
            Some("Ann Poe, Lea Moss"),
            "two names stay"
        );
        assert_eq!(
            byline("Reviewed by Max Orrin").as_deref(),
            Some("Max Orrin")
        );
        assert_eq!(byline("Reviewed by our panel"), None);
        assert_eq!(
            byline("By Kim Ashe | Staff Writer").as_deref(),
            Some("Kim Ashe")
        );
        assert_eq!(
            byline("Par Noé Vidal - Rédaction de Lyon").as_deref(),
            Some("Noé Vidal")
        );
        assert_eq!(
            byline("The Associated Press").as_deref(),
            Some("The Associated Press")
        );
        assert_eq!(
            byline("By Wen Lio in Singapore").as_deref(),
            Some("Wen Lio")
        );
        // A second author whose surname is a role word is no role.
        assert_eq!(
            byline("By Ann Poe, Tom Service").as_deref(),
            Some("Ann Poe, Tom Service")
        );
        assert_eq!(
            byline("By Ann Poe, Senior Editor").as_deref(),
            Some("Ann Poe")
        );
    }

    #[test]
    fn record_fields() {
        let mut r = RecordMeta::default();
        r.set("title", "  Un titre ".into());
        r.set("date", "4 mars 2024".into());
        r.set("url", "http://x".into());
        r.set("section", Value::Null);
        r.set("byline", serde_json::json!(["a", "b"]));
        let (meta, warning) = r.finish(Some(Lang::Fr));
        assert_eq!(meta.title.as_deref(), Some("Un titre"));
        assert_eq!(meta.date.as_deref(), Some("2024-03-04"));
        assert_eq!(meta.lang.as_deref(), Some("fr"));
        assert_eq!(meta.extra["url"], "http://x");
        assert_eq!(meta.extra["byline_raw"], serde_json::json!(["a", "b"]));
        assert!(meta.section.is_none());
        assert!(warning.is_none());

        let mut r = RecordMeta::default();
        r.set("date", "hier".into());
        r.set("lang", "English".into());
        let (meta, warning) = r.finish(Some(Lang::Fr));
        assert_eq!(
            meta.lang.as_deref(),
            Some("en"),
            "the record's own language wins"
        );
        assert_eq!(meta.extra["date_raw"], "hier");
        assert!(warning.unwrap().contains("'hier'"));
    }
}
