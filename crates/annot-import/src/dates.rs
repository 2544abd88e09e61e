//! Publication dates of French and English news pages, to ISO 8601 (`YYYY-MM-DD`).
//!
//! Recognised: `2024-03-04` (and `/` or `.` between), `19/11/2017`, `19.11.17`,
//! `28 août 2023`, `1er mars 2024`, `4 March 2024`, `March 4, 2024`,
//! `Mar. 4th, 2024`, anywhere in a line (`Publié le 3 mars 2024 à 14h05`,
//! `Updated: March 4, 2024 10:00 am`). Every date is checked against the calendar.
//! On a line with several (`Publié le … - Mis à jour le …`), the publication
//! date is the one after "Publié" / "Published", else the first that no
//! "Mis à jour" / "Updated" announces ([`publication_date`]).

use std::ops::Range;
use std::sync::LazyLock;

use annot_model::tokenize::Lang;
use jiff::civil::Date;
use regex::{Regex, RegexSet};

// Every format at once, without captures: most lines with figures in them
// hold no date, and this rules them out in one cheap pass. One pattern a
// format, in the order of `find_date`'s: each format's own pattern (below)
// matches only where its pattern here does, so a format this rules out is
// not searched for.
static ANY: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        r"(?i)\d{4}[-/.]\d{1,2}[-/.]\d{1,2}",
        r"(?i)\d{1,2}[/.-]\d{1,2}[/.-]\d{2}",
        r"(?i)\d{1,2}(?:er|re|st|nd|rd|th)?\s+(?:of\s+)?\p{L}+\.?,?\s+\d{4}",
        r"(?i)\p{L}+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}",
    ])
    .expect("valid date patterns")
});
// `regex` has no backreferences, so "same separator twice" is checked in code.
static ISO: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d])(?<y>\d{4})(?<s1>[-/.])(?<m>\d{1,2})(?<s2>[-/.])(?<d>\d{1,2})(?:$|[^\d])")
});
static NUMERIC: LazyLock<Regex> = LazyLock::new(|| {
    re(r"(?:^|[^\d])(?<a>\d{1,2})(?<s1>[/.-])(?<b>\d{1,2})(?<s2>[/.-])(?<y>\d{4}|\d{2})(?:$|[^\d])")
});
static DAY_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[^\d])(?<d>\d{1,2})(?:er|re|st|nd|rd|th)?\s+(?:of\s+)?(?<m>\p{L}+)\.?,?\s+(?<y>\d{4})(?:$|[^\d])",
    )
});
static MONTH_DAY: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"(?i)(?:^|[^\p{L}])(?<m>\p{L}+)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?:$|[^\d])",
    )
});

// The patterns are constants, all compiled by the tests.
fn re(pattern: &str) -> Regex {
    Regex::new(pattern).expect("valid date pattern")
}

/// Parses the first date found in `text` and returns it as `YYYY-MM-DD`.
///
/// Numeric dates are read day first (`04/03/2024` is 4 March), except in
/// English, where a month-first reading is taken only when it is the only
/// valid one (`03/14/2024`) and an ambiguous date (`04/03/2024`) gives `None`.
#[must_use]
pub fn parse_date(text: &str, lang: Option<Lang>) -> Option<String> {
    find_date(text, lang).map(|(date, _)| date.to_string())
}

/// The first date in `text` and the byte range it was read from.
pub(crate) fn find_date(text: &str, lang: Option<Lang>) -> Option<(Date, Range<usize>)> {
    // Cheapest first: a byte scan for what each format cannot do without.
    let shapes = Shapes::of(text);
    if !(shapes.numeric || shapes.worded) || !has_two_digits(text) {
        return None;
    }
    // The set is searched only for the formats with a month name: the
    // numeric formats have shapes of their own, as narrow as the set's
    // patterns for them (a line with only a numeric date skips the set's
    // pass over it).
    let formats = shapes.worded.then(|| ANY.matches(text));
    let matched = |k: usize| formats.as_ref().is_none_or(|f| f.matched(k));
    [
        (shapes.iso && matched(0)).then(|| iso(text)).flatten(),
        (shapes.day_first && matched(1))
            .then(|| numeric(text, lang))
            .flatten(),
        (shapes.worded && matched(2))
            .then(|| day_month(text))
            .flatten(),
        (shapes.worded && matched(3))
            .then(|| month_day(text))
            .flatten(),
    ]
    .into_iter()
    .flatten()
    .min_by_key(|(_, range)| range.start)
}

/// What a text must hold for the formats to read a date from it, found in
/// one scan of its bytes. The figures of a date are parsed as ASCII digits
/// (`str::parse` takes no other), so a format gives a date only where
/// - `numeric` (ISO and numeric dates): a digit, a separator `-`, `/` or
///   `.`, one or two digits, a separator and a digit (`4/3/24`, `2024-03-04`);
/// - `worded` (the formats with a month name): a year of four digits right
///   after white space (the `\s+` before `(?<y>\d{4})`; any non-ASCII
///   character is taken for white space here, more than `\s` matches);
/// - `iso`: four digits, a separator, a digit or two, a separator and a
///   digit (`2024-03-04`);
/// - `day_first` (numeric dates): a digit or two, a separator, a digit or
///   two, a separator and two digits (`4/3/24`, `19.11.2017`).
///
/// `iso` and `day_first` each need `numeric`. A format whose shape is not
/// there cannot give a date, whatever its regex finds: it is not searched
/// (on the lines of a page, most of them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shapes {
    numeric: bool,
    worded: bool,
    iso: bool,
    day_first: bool,
}

impl Shapes {
    fn of(text: &str) -> Self {
        let b = text.as_bytes();
        let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
        let sep = |i: usize| matches!(b.get(i), Some(b'-' | b'/' | b'.'));
        // `\s` matches the vertical tab too, which is not `is_ascii_whitespace`.
        let space = |c: u8| c.is_ascii_whitespace() || c == 0x0B || c >= 0x80;
        let mut shapes = Shapes {
            numeric: false,
            worded: false,
            iso: false,
            day_first: false,
        };
        for (i, &c) in b.iter().enumerate() {
            if !c.is_ascii_digit() {
                continue;
            }
            // A digit or two and a separator from `i` on: where what follows starts.
            let one_or_two = |i: usize| {
                if digit(i) && sep(i + 1) {
                    Some(i + 2)
                } else if digit(i) && digit(i + 1) && sep(i + 2) {
                    Some(i + 3)
                } else {
                    None
                }
            };
            if !shapes.numeric
                && sep(i + 1)
                && digit(i + 2)
                && ((sep(i + 3) && digit(i + 4)) || (digit(i + 3) && sep(i + 4) && digit(i + 5)))
            {
                shapes.numeric = true;
            }
            if !shapes.iso {
                shapes.iso = digit(i + 1)
                    && digit(i + 2)
                    && digit(i + 3)
                    && sep(i + 4)
                    && one_or_two(i + 5).is_some_and(&digit);
            }
            if !shapes.day_first {
                shapes.day_first = one_or_two(i)
                    .and_then(one_or_two)
                    .is_some_and(|j| digit(j) && digit(j + 1));
            }
            shapes.worded = shapes.worded
                || (i > 0 && space(b[i - 1]) && digit(i + 1) && digit(i + 2) && digit(i + 3));
            if shapes.worded && shapes.iso && shapes.day_first {
                break;
            }
        }
        shapes
    }
}

fn has_two_digits(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        if b.is_ascii_digit() {
            run += 1;
            if run >= 2 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

// The groups of the patterns above, by number: a look-up by name hashes
// the name (callgrind: some 340 instructions a figure read, against 85
// by number). Checked by a test.
const ISO_Y: usize = 1;
const ISO_S1: usize = 2;
const ISO_M: usize = 3;
const ISO_S2: usize = 4;
const ISO_D: usize = 5;
const NUMERIC_A: usize = 1;
const NUMERIC_S1: usize = 2;
const NUMERIC_B: usize = 3;
const NUMERIC_S2: usize = 4;
const NUMERIC_Y: usize = 5;
const DAY_MONTH_D: usize = 1;
const DAY_MONTH_M: usize = 2;
const DAY_MONTH_Y: usize = 3;
const MONTH_DAY_M: usize = 1;
const MONTH_DAY_D: usize = 2;
const MONTH_DAY_Y: usize = 3;

fn iso(text: &str) -> Option<(Date, Range<usize>)> {
    ISO.captures_iter(text).find_map(|c| {
        if c.get(ISO_S1)?.as_str() != c.get(ISO_S2)?.as_str() {
            return None;
        }
        let date = ymd(num(&c, ISO_Y)?, num(&c, ISO_M)?, num(&c, ISO_D)?)?;
        Some((date, c.get(ISO_Y)?.start()..c.get(ISO_D)?.end()))
    })
}

fn numeric(text: &str, lang: Option<Lang>) -> Option<(Date, Range<usize>)> {
    NUMERIC.captures_iter(text).find_map(|c| {
        if c.get(NUMERIC_S1)?.as_str() != c.get(NUMERIC_S2)?.as_str() {
            return None;
        }
        let (a, b) = (num(&c, NUMERIC_A)?, num(&c, NUMERIC_B)?);
        let y = c.get(NUMERIC_Y)?;
        let mut year = y.as_str().parse::<i32>().ok()?;
        if y.len() == 2 {
            // Two-digit years on news pages are this century, or the late last one.
            year += if year < 70 { 2000 } else { 1900 };
        }
        let date = match lang {
            Some(Lang::En) if a != b && a <= 12 && b <= 12 => return None,
            Some(Lang::En) if a <= 12 && b > 12 => ymd(year, a, b)?,
            // Language not known yet: month-first where only it is valid
            // ("5/14/2024"); French stays day-first.
            None if a <= 12 && b > 12 => ymd(year, a, b)?,
            _ => ymd(year, b, a)?,
        };
        Some((date, c.get(NUMERIC_A)?.start()..y.end()))
    })
}

fn day_month(text: &str) -> Option<(Date, Range<usize>)> {
    DAY_MONTH.captures_iter(text).find_map(|c| {
        let month = month_number(c.get(DAY_MONTH_M)?.as_str())?;
        let date = ymd(num(&c, DAY_MONTH_Y)?, month, num(&c, DAY_MONTH_D)?)?;
        Some((date, c.get(DAY_MONTH_D)?.start()..c.get(DAY_MONTH_Y)?.end()))
    })
}

fn month_day(text: &str) -> Option<(Date, Range<usize>)> {
    MONTH_DAY.captures_iter(text).find_map(|c| {
        let month = month_number(c.get(MONTH_DAY_M)?.as_str())?;
        let date = ymd(num(&c, MONTH_DAY_Y)?, month, num(&c, MONTH_DAY_D)?)?;
        Some((date, c.get(MONTH_DAY_M)?.start()..c.get(MONTH_DAY_Y)?.end()))
    })
}

fn num(c: &regex::Captures<'_>, group: usize) -> Option<i32> {
    c.get(group)?.as_str().parse().ok()
}

fn ymd(year: i32, month: i32, day: i32) -> Option<Date> {
    if !(1900..=2100).contains(&year) {
        return None;
    }
    Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()
}

/// The month a French or English month name or abbreviation stands for.
fn month_number(word: &str) -> Option<i32> {
    let word = word.to_lowercase();
    let n = match word.as_str() {
        "janvier" | "janv" | "jan" | "january" => 1,
        "février" | "fevrier" | "févr" | "fevr" | "fév" | "fev" | "feb" | "february" => 2,
        "mars" | "mar" | "march" => 3,
        "avril" | "avr" | "apr" | "april" => 4,
        "mai" | "may" => 5,
        "juin" | "jun" | "june" => 6,
        "juillet" | "juil" | "jul" | "july" => 7,
        "août" | "aout" | "aug" | "august" => 8,
        "septembre" | "sept" | "sep" | "september" => 9,
        "octobre" | "oct" | "october" => 10,
        "novembre" | "nov" | "november" => 11,
        "décembre" | "decembre" | "déc" | "dec" | "december" => 12,
        _ => return None,
    };
    Some(n)
}

/// Words that may surround a date on a dateline without making it something else.
const DATELINE_WORDS: &[&str] = &[
    // fr
    "publié",
    "publiée",
    "publie",
    "le",
    "mis",
    "mise",
    "à",
    "a",
    "jour",
    "modifié",
    "modifiée",
    "créé",
    "créée",
    "dernière",
    "h",
    "heure",
    "heures",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "du",
    "depuis",
    // en
    "published",
    "updated",
    "posted",
    "last",
    "modified",
    "on",
    "at",
    "the",
    "am",
    "pm",
    "a.m",
    "p.m",
    "gmt",
    "utc",
    "cet",
    "cest",
    "bst",
    "est",
    "edt",
    "pst",
    "pdt",
    "et",
    // more time zones of news sites: North America, Asia-Pacific
    "cst",
    "cdt",
    "mst",
    "mdt",
    "pt",
    "ct",
    "mt",
    "hst",
    "akst",
    "akdt",
    "ast",
    "adt",
    "nst",
    "ist",
    "jst",
    "kst",
    "aest",
    "aedt",
    "nzst",
    "nzdt",
    "msk",
    "eet",
    "eest",
    "wet",
    "west",
    // Singapore, Hong Kong, the Philippines, Indochina, Western Indonesia,
    // Malaysia, Western Australia
    "sgt",
    "hkt",
    "pht",
    "ict",
    "wib",
    "myt",
    "awst",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "date",
    "time",
    "first",
    "modification",
    "actualisé",
    "actualisée",
    // "Mis en ligne le", "Date de publication :", "Originally published"
    "en",
    "ligne",
    "de",
    "publication",
    "paru",
    "parue",
    "diffusé",
    "diffusée",
    "posté",
    "postée",
    "originally",
    "created",
    "revised",
    // a reading time beside the date: "May 6, 2024 • 5 min read"
    "min",
    "mins",
    "read",
    "lecture",
    "hégire",
    "hijri",
    // "Actualité du 13 mai 2024", "Article du …", "News of 3 May 2024"
    "actualité",
    "actualite",
    "actualités",
    "article",
    "news",
    // a broadcast's date: plain, below a "Publié le" of the page
    "aired",
    "broadcast",
    // a bulletin's or notice's issue and validity: "Bulletin émis le … à
    // 06h00, valable jusqu'au …", "Issued at 5:00 AM, valid until …"
    "bulletin",
    "émis",
    "émise",
    "issued",
    "valable",
    "jusqu'au",
    "jusqu’au",
    "valid",
    "until",
    // "Communiqué diffusé le …"; a newsletter post's "May 21, 2024 ∙ Paid"
    "communiqué",
    "communique",
    "paid",
    // an update in relative time and a reading time beside the date:
    // "Published Mar. 04, 2024 • Last updated 1 day ago • 3 minute read"
    "minute",
    "minutes",
    "ago",
    "day",
    "days",
    "hour",
    "hours",
];

/// Months of the Hegira calendar, as French and English pages spell them:
/// a dateline word only in a Hegira date beside the Gregorian one ("Mardi
/// 12 mars 2024 | 1 Ramadan 1445"), with its day before and its year
/// (13xx to 15xx) after; "Ramadan : lundi 11 mars 2024" is the text.
const HEGIRA_MONTHS: &[&str] = &[
    "moharram", "muharram", "safar", "rabia", "rabii", "rabi", "joumada", "jumada", "rajab",
    "chaabane", "chaaban", "shaban", "shaaban", "ramadan", "chaoual", "chawwal", "shawwal",
    "kaada", "qida", "hijja", "hidja",
];

/// Whether `words[k]`, a Hegira month, is read in a Hegira date: a day
/// number before it and a Hegira year after it.
fn hegira_date(words: &[String], k: usize) -> bool {
    let day = k
        .checked_sub(1)
        .and_then(|j| words[j].parse::<u32>().ok())
        .is_some_and(|d| (1..=30).contains(&d));
    let year = words
        .get(k + 1)
        .and_then(|w| w.parse::<u32>().ok())
        .is_some_and(|y| (1300..1600).contains(&y));
    day && year
}

/// [`DATELINE_WORDS`] as a set: every word of a dated line is looked up
/// (a hash and a comparison, not a scan of the list).
static DATELINE_WORD_SET: LazyLock<rustc_hash::FxHashSet<&'static str>> =
    LazyLock::new(|| DATELINE_WORDS.iter().copied().collect());

/// Compiles this module's regexes and builds its tables now ([`crate::warm_up`]).
pub(crate) fn warm() {
    LazyLock::force(&ANY);
    LazyLock::force(&ISO);
    LazyLock::force(&NUMERIC);
    LazyLock::force(&DAY_MONTH);
    LazyLock::force(&MONTH_DAY);
    LazyLock::force(&DATELINE_WORD_SET);
}

/// Words that say the date after them is an update, not the publication.
const UPDATE_WORDS: &[&str] = &[
    "mis à jour",
    "mise à jour",
    "maj",
    "modifié",
    "actualisé",
    "updated",
    "last modified",
    "modified",
    "last updated",
    "revised",
    "révisé",
];

/// Words that say the date after them is the publication.
const PUBLICATION_WORDS: &[&str] = &[
    "publié",
    "publie",
    "published",
    "posted",
    "créé",
    "first",
    "mis en ligne",
    "mise en ligne",
    "publication",
    "paru",
    "posté",
    "originally",
    "created",
    "émis",
    "issued",
];

/// Every date in `text`, in order, with the byte range it was read from.
fn all_dates(text: &str, lang: Option<Lang>) -> Vec<(Date, Range<usize>)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some((date, range)) = text.get(from..).and_then(|rest| find_date(rest, lang)) {
        let range = from + range.start..from + range.end;
        from = range.end;
        out.push((date, range));
    }
    out
}

/// What the words before a date say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    /// "Publié le", "Published", "First published on".
    Publication,
    /// "Mis à jour le", "Updated".
    Update,
    /// Nothing either way.
    Plain,
}

/// The kind of the date that starts at `range` in `line`, from the words
/// between the previous date (ending at `from`) and this one.
fn stamp_before(line: &str, from: usize, start: usize) -> Stamp {
    // Every word listed has a letter: nothing but white space says nothing
    // (a date alone on its line), and is not lower-cased and searched.
    if line[from..start].trim().is_empty() {
        return Stamp::Plain;
    }
    let before = line[from..start].to_lowercase();
    if UPDATE_WORDS.iter().any(|w| before.contains(w)) {
        Stamp::Update
    } else if PUBLICATION_WORDS.iter().any(|w| before.contains(w)) {
        Stamp::Publication
    } else {
        Stamp::Plain
    }
}

/// The publication date of a dateline, as `YYYY-MM-DD`: the date after
/// "Publié le" / "Published" when the line has one, else its first date
/// that is not an update ("Mis à jour le", "Updated"), else its first date.
#[must_use]
pub fn publication_date(line: &str, lang: Option<Lang>) -> Option<String> {
    line_stamp(line, lang).map(|(date, _)| date.to_string())
}

/// [`publication_date`] and what the line says it is.
pub(crate) fn line_stamp(line: &str, lang: Option<Lang>) -> Option<(Date, Stamp)> {
    stamp_of(line, &all_dates(line, lang))
}

/// [`line_stamp`] from the dates of `line` ([`all_dates`]), read already.
pub(crate) fn stamp_of(line: &str, dates: &[(Date, Range<usize>)]) -> Option<(Date, Stamp)> {
    let mut from = 0;
    let mut stamped = Vec::with_capacity(dates.len());
    for (date, range) in dates {
        stamped.push((*date, stamp_before(line, from, range.start)));
        from = range.end;
    }
    stamped
        .iter()
        .find(|(_, s)| *s == Stamp::Publication)
        .or_else(|| stamped.iter().find(|(_, s)| *s == Stamp::Plain))
        .or_else(|| stamped.first())
        .copied()
}

/// When `line` is a dateline (a date with at most "Publié le", a weekday, a
/// time or the like around it), returns the date and what is left of the line
/// once the date and those words are taken out (a byline, perhaps).
#[cfg(test)]
pub(crate) fn dateline(line: &str) -> Option<(Date, String)> {
    dateline_dates(line, line.chars().count()).map(|(date, rest, _)| (date, rest))
}

/// [`dateline`], and every date of the line as [`all_dates`] reads them
/// (for [`stamp_of`], without reading them again).
#[allow(clippy::type_complexity)]
/// `chars` is the line's length in characters (its reader has counted them).
pub(crate) fn dateline_dates(
    line: &str,
    chars: usize,
) -> Option<(Date, String, Vec<(Date, Range<usize>)>)> {
    if chars > 120 {
        return None;
    }
    let dates = all_dates(line, None);
    let (date, _) = dates.first()?.clone();
    let mut rest = String::new();
    let mut parts = Vec::with_capacity(dates.len() + 1);
    let mut from = 0;
    for (_, range) in &dates {
        parts.push(&line[from..range.start]);
        from = range.end;
    }
    parts.push(&line[from..]);
    for part in parts {
        let words: Vec<&str> = part
            .split(|c: char| c.is_whitespace() || matches!(c, '|' | '•' | '·' | '∙' | ','))
            .collect();
        let folded: Vec<String> = words
            .iter()
            .map(|word| {
                word.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let nonempty: Vec<String> = folded.iter().filter(|w| !w.is_empty()).cloned().collect();
        let mut k = 0;
        for (word, w) in words.iter().zip(&folded) {
            if w.is_empty() {
                continue;
            }
            let at = k;
            k += 1;
            if is_time(w)
                || DATELINE_WORD_SET.contains(w.as_str())
                // "Temps de lecture : 5 min", not "Le temps du 12 mars".
                || (w == "temps"
                    && nonempty.get(at + 1).is_some_and(|n| n == "de")
                    && nonempty.get(at + 2).is_some_and(|n| n == "lecture"))
                || (HEGIRA_MONTHS.contains(&w.as_str()) && hegira_date(&nonempty, at))
            {
                continue;
            }
            rest.push_str(word);
            rest.push(' ');
        }
    }
    Some((date, rest.trim_end().to_string(), dates))
}

/// `14h05`, `14:05`, `10h`, `9:30am`, `14:05:00`, and the `T17:32:00Z` or
/// `T11:42:00+01:00` of an ISO stamp.
pub(crate) fn is_time(word: &str) -> bool {
    // `trim_end_matches("am")`, then "pm", without a substring searcher's
    // set-up for each (every word of a dated line is tried).
    let mut w = word;
    while let Some(head) = w.strip_suffix("am") {
        w = head;
    }
    while let Some(head) = w.strip_suffix("pm") {
        w = head;
    }
    is_clock(w)
}

/// A time of day once its `am`/`pm` is off: `10h30`, `17:32`, `T17:32:00Z`, `t0800+01:00`.
fn is_clock(w: &str) -> bool {
    let w = w.strip_prefix('t').map_or(w, |w| {
        // An ISO stamp's offset from UTC ("+01:00", "-05:00") after its time.
        let w = w.trim_end_matches('z');
        match w.rfind(['+', '-']) {
            Some(at) if is_utc_offset(&w[at + 1..]) => &w[..at],
            _ => w,
        }
    });
    !w.is_empty()
        && w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, 'h' | ':' | '.'))
        && w.chars().filter(char::is_ascii_digit).count() <= 6
}

/// `01:00`, `0800`, `08`: the hours and minutes of an offset from UTC.
fn is_utc_offset(text: &str) -> bool {
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    (digits == 2 || digits == 4)
        && text.bytes().all(|b| b.is_ascii_digit() || b == b':')
        && text.bytes().filter(|&b| b == b':').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fr(s: &str) -> Option<String> {
        parse_date(s, Some(Lang::Fr))
    }
    fn en(s: &str) -> Option<String> {
        parse_date(s, Some(Lang::En))
    }

    /// `find_date` as it was before [`Shapes`]: every format the set matches is searched.
    fn find_date_unfiltered(text: &str, lang: Option<Lang>) -> Option<(Date, Range<usize>)> {
        if !has_two_digits(text) {
            return None;
        }
        let formats = ANY.matches(text);
        [
            formats.matched(0).then(|| iso(text)).flatten(),
            formats.matched(1).then(|| numeric(text, lang)).flatten(),
            formats.matched(2).then(|| day_month(text)).flatten(),
            formats.matched(3).then(|| month_day(text)).flatten(),
        ]
        .into_iter()
        .flatten()
        .min_by_key(|(_, range)| range.start)
    }

    /// `is_time` as it was written, with `trim_end_matches`.
    fn is_time_trimmed(word: &str) -> bool {
        is_clock(word.trim_end_matches("am").trim_end_matches("pm"))
    }

    proptest::proptest! {
        #[test]
        fn times_are_read_as_with_trim_end_matches(word in "(1|42|h|:|\\.|a|m|p|am|pm|t|z|\\+|-){0,10}") {
            proptest::prop_assert_eq!(is_time(&word), is_time_trimmed(&word));
        }
    }

    proptest::proptest! {
        /// The shapes rule out only texts where no format gives a date.
        #[test]
        fn shapes_leave_every_date(
            text in "([0-9]{1,4}|[ ./,\\-]|\\u{a0}|\\u{b}|\\u{2009}|\\u{0663}|mars|March|Sept\\.|1er|th|of|le|à){0,12}"
        ) {
            for lang in [None, Some(Lang::Fr), Some(Lang::En)] {
                proptest::prop_assert_eq!(find_date(&text, lang), find_date_unfiltered(&text, lang));
            }
        }
    }

    #[test]
    fn group_numbers_are_those_of_the_names() {
        let groups = |re: &Regex| -> Vec<String> {
            re.capture_names()
                .map(|n| n.unwrap_or("").to_string())
                .collect()
        };
        let at = |re: &Regex, name: &str| groups(re).iter().position(|n| n == name);
        for (re, name, k) in [
            (&*ISO, "y", ISO_Y),
            (&*ISO, "s1", ISO_S1),
            (&*ISO, "m", ISO_M),
            (&*ISO, "s2", ISO_S2),
            (&*ISO, "d", ISO_D),
            (&*NUMERIC, "a", NUMERIC_A),
            (&*NUMERIC, "s1", NUMERIC_S1),
            (&*NUMERIC, "b", NUMERIC_B),
            (&*NUMERIC, "s2", NUMERIC_S2),
            (&*NUMERIC, "y", NUMERIC_Y),
            (&*DAY_MONTH, "d", DAY_MONTH_D),
            (&*DAY_MONTH, "m", DAY_MONTH_M),
            (&*DAY_MONTH, "y", DAY_MONTH_Y),
            (&*MONTH_DAY, "m", MONTH_DAY_M),
            (&*MONTH_DAY, "d", MONTH_DAY_D),
            (&*MONTH_DAY, "y", MONTH_DAY_Y),
        ] {
            assert_eq!(at(re, name), Some(k), "{name} of {}", re.as_str());
        }
    }

    #[test]
    fn stamp_words_have_letters() {
        for w in UPDATE_WORDS.iter().chain(PUBLICATION_WORDS) {
            assert!(!w.trim().is_empty(), "{w:?}");
        }
        assert_eq!(stamp_before("  12/03/2024", 0, 2), Stamp::Plain);
    }

    #[test]
    fn dateline_words_are_listed_once() {
        let mut seen = std::collections::HashSet::new();
        let twice: Vec<&str> = super::DATELINE_WORDS
            .iter()
            .copied()
            .filter(|w| !seen.insert(*w))
            .collect();
        assert!(twice.is_empty(), "listed twice: {twice:?}");
    }

    #[test]
    fn shapes_of_each_format() {
        for (text, numeric, worded) in [
            ("2024-03-04", true, false),
            ("19/11/17", true, false),
            ("4.3.2024", true, false),
            ("le 4.3.2024", true, false),
            ("le 3 mars 2024", false, true),
            ("March 4,\u{a0}2024", false, true),
            ("3,5 % en un an", false, false),
            ("(n° 379)", false, false),
            ("2024", false, false),
        ] {
            let s = Shapes::of(text);
            assert_eq!((s.numeric, s.worded), (numeric, worded), "{text}");
        }
    }

    #[test]
    fn french_formats() {
        assert_eq!(fr("19/11/2017").as_deref(), Some("2017-11-19"));
        assert_eq!(fr("19.11.17").as_deref(), Some("2017-11-19"));
        assert_eq!(fr("04/03/2024").as_deref(), Some("2024-03-04"));
        assert_eq!(fr("28 août 2023").as_deref(), Some("2023-08-28"));
        assert_eq!(fr("28 aout 2023").as_deref(), Some("2023-08-28"));
        assert_eq!(
            fr("Publié le 3 mars 2024 à 14h05").as_deref(),
            Some("2024-03-03")
        );
        assert_eq!(fr("lundi 1er janvier 2024").as_deref(), Some("2024-01-01"));
        assert_eq!(fr("12 févr. 2022").as_deref(), Some("2022-02-12"));
        assert_eq!(fr("5 déc. 2021").as_deref(), Some("2021-12-05"));
        assert_eq!(
            fr("Mis à jour le 7\u{a0}juil.\u{a0}2020").as_deref(),
            Some("2020-07-07")
        );
        assert_eq!(fr("31 DÉCEMBRE 1999").as_deref(), Some("1999-12-31"));
    }

    #[test]
    fn english_formats() {
        assert_eq!(en("March 4, 2024").as_deref(), Some("2024-03-04"));
        assert_eq!(
            en("Updated: March 4, 2024 10:00 am").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(en("4 March 2024").as_deref(), Some("2024-03-04"));
        assert_eq!(en("Sept. 21st, 2019").as_deref(), Some("2019-09-21"));
        assert_eq!(en("the 2nd of May 2020").as_deref(), Some("2020-05-02"));
        assert_eq!(
            en("Published 2024-03-04T10:00:00Z").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(en("2024/03/04").as_deref(), Some("2024-03-04"));
    }

    #[test]
    fn numeric_order_by_language() {
        assert_eq!(
            en("03/14/2024").as_deref(),
            Some("2024-03-14"),
            "only month-first is valid"
        );
        assert_eq!(
            en("14/03/2024").as_deref(),
            Some("2024-03-14"),
            "only day-first is valid"
        );
        assert_eq!(en("04/03/2024"), None, "ambiguous in English");
        assert_eq!(en("04/04/2024").as_deref(), Some("2024-04-04"));
        assert_eq!(fr("03/14/2024"), None, "French is day-first");
        assert_eq!(
            parse_date("04/03/2024", None).as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            parse_date("5/14/2024", None).as_deref(),
            Some("2024-05-14"),
            "only month-first is valid"
        );
    }

    #[test]
    fn invalid_dates_are_rejected() {
        for s in [
            "31/02/2024",
            "29 février 2023",
            "2024-13-01",
            "2023-02-29",
            "32 mars 2024",
            "April 31, 2024",
            "0/1/2024",
            "19/11-2017",
            "2024-03/04",
            "3 personnes 2024",
            "Boukamal",
            "1/1",
            "mars 2024",
            "12345/11/2017",
        ] {
            assert_eq!(parse_date(s, Some(Lang::Fr)), None, "{s}");
        }
        assert_eq!(
            fr("29 février 2024").as_deref(),
            Some("2024-02-29"),
            "leap year"
        );
    }

    #[test]
    fn datelines() {
        let (d, rest) = dateline("Publié le 3 mars 2024 à 14h05").unwrap();
        assert_eq!((d.to_string(), rest.as_str()), ("2024-03-03".into(), ""));
        let (_, rest) = dateline("Updated: Monday, March 4, 2024 10:00 am GMT").unwrap();
        assert_eq!(rest, "");
        let (_, rest) = dateline("Par Jean Dupont | 3 mars 2024").unwrap();
        assert_eq!(rest, "Par Jean Dupont");
        assert!(dateline("Boukamal").is_none());
        let (d, rest) =
            dateline("Publié le 28 août 2023 à 07h30 - Mis à jour le 28 août 2023 à 10h12")
                .unwrap();
        assert_eq!((d.to_string(), rest.as_str()), ("2023-08-28".into(), ""));
        for line in [
            "First published on Thu 7 Mar 2024 09.12 GMT",
            "2024-03-04T17:32:00Z",
            "Dec. 1, 2023 at 9:12 a.m.",
            "March 4, 2024 5:32 PM GMT",
            "Publié: 04.03.2024, 17h32",
            "Mis à jour le 1er avril 2024",
            // an offset from UTC, an Asian time zone, a French reading
            // time, the Hegira date beside the Gregorian one
            "2024-06-03T11:42:00+01:00",
            "2024-05-21T07:15:00-05:00",
            "12 Mar 2024 14:05 SGT",
            "Published 27 Jun 2024 18:40 HKT",
            "Le 18/06/2024 · Temps de lecture : 4 min",
            "Mardi 12 mars 2024 | 1 Ramadan 1445",
        ] {
            assert_eq!(
                dateline(line).map(|(_, r)| r),
                Some(String::new()),
                "{line}"
            );
        }
        let (d, _) = dateline("Mardi 12 mars 2024 | 1 Ramadan 1445").unwrap();
        assert_eq!(d.to_string(), "2024-03-12");
        // A sentence around a date is no dateline: its words are left.
        let (_, rest) = dateline("Le 3 mars 2024, la mairie a fermé la halle.").unwrap();
        assert!(!rest.is_empty());
        assert!(!is_time("t11:42:00+1"));
        assert!(!is_time("11-42"));
    }

    #[test]
    fn publication_wins_over_update() {
        let pd = |s| publication_date(s, Some(Lang::Fr));
        assert_eq!(
            pd("Mis à jour le 5 mars 2024 - Publié le 4 mars 2024").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            pd("Publié le 4 mars 2024 à 07h30 - Mis à jour le 5 mars 2024").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            pd("Updated 5 March 2024, first published 4 March 2024").as_deref(),
            Some("2024-03-04")
        );
        assert_eq!(
            pd("Mis à jour le 5 mars 2024").as_deref(),
            Some("2024-03-05")
        );
        assert_eq!(
            line_stamp("Updated 5 March 2024", None).map(|d| d.1),
            Some(Stamp::Update)
        );
        assert_eq!(pd("2 hours ago"), None);
        // Two-digit years, the update first.
        assert_eq!(
            pd("Modifié le 13/03/24 à 09:10 - Publié le 12/03/24 à 18:02").as_deref(),
            Some("2024-03-12")
        );
        // A broadcast's date is plain: a "Publié le" line wins over it.
        assert_eq!(
            line_stamp("Diffusé le 3 juin 2024 à 07h45", None).map(|d| d.1),
            Some(Stamp::Plain)
        );
        assert!(dateline("Aired on March 4, 2024").is_some());
    }
}
