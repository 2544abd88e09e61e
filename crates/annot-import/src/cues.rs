//! What a line looks like, whatever site it comes from: the share of its
//! words that are French or English function words (running text has many,
//! menus and captions few), and the shapes of page furniture that news sites
//! share (photo credits, gallery counters, post time stamps, breadcrumbs,
//! a name alone on a line, a role line under it).
//!
//! These are general signals in the spirit of jusText and boilerpipe; the
//! zoner ([`crate::zone`]) weighs them with the line's position.

use std::sync::LazyLock;

use crate::dates::is_time;

/// The French and English function words, folded.
#[rustfmt::skip]
const STOPWORDS: &[&[u8]] = &[
    // fr
    b"le", b"la", b"les", b"l", b"un", b"une", b"des", b"du", b"de", b"d", b"et",
    b"ou", b"mais", b"donc", b"car", b"ne", b"pas", b"plus", b"que", b"qu",
    b"qui", b"quoi", b"dont", b"a", b"au", b"aux", b"en", b"dans", b"par",
    b"pour", b"sur", b"sous", b"avec", b"sans", b"chez", b"entre", b"vers",
    b"depuis", b"pendant", b"il", b"elle", b"ils", b"elles", b"on", b"nous",
    b"vous", b"je", b"j", b"tu", b"se", b"s", b"sa", b"son", b"ses", b"leur",
    b"leurs", b"ce", b"cet", b"cette", b"ces", b"c", b"y", b"est", b"sont",
    b"etait", b"ete", b"etre", b"avait", b"ont", b"avoir", b"fait", b"comme",
    b"si", b"tout", b"tous", b"toute", b"aussi", b"deja", b"encore", b"tres",
    b"selon", b"apres", b"avant", b"lors", b"alors", b"meme", b"lui", b"n", b"m",
    b"notre", b"nos", b"votre", b"vos", b"mon", b"ma", b"mes",
    // en
    b"the", b"an", b"and", b"or", b"but", b"of", b"to", b"in", b"at", b"by",
    b"for", b"with", b"from", b"as", b"into", b"about", b"after", b"before",
    b"over", b"than", b"that", b"this", b"these", b"those", b"it", b"its", b"is",
    b"are", b"was", b"were", b"be", b"been", b"has", b"have", b"had", b"will",
    b"would", b"could", b"should", b"can", b"not", b"no", b"he", b"she", b"they",
    b"we", b"you", b"i", b"his", b"her", b"their", b"our", b"who", b"which",
    b"what", b"when", b"where", b"there", b"said", b"says", b"if", b"so", b"up",
    b"out", b"more", b"also", b"all", b"some", b"one", b"do", b"did", b"t",
];

/// A word of at most 7 bytes as one number: its length, then its bytes
/// (never 0, and no two words alike).
fn pack(word: &[u8]) -> u64 {
    word.iter()
        .fold(word.len() as u64, |x, &b| (x << 8) | u64::from(b))
}

/// Slots of [`STOPWORD_TABLE`]: a power of two, some six times the words.
const STOPWORD_SLOTS: usize = 1024;

fn stopword_slot(packed: u64) -> usize {
    // The top bits of a multiplicative hash: the slot in 0..STOPWORD_SLOTS.
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - STOPWORD_SLOTS.trailing_zeros())) as usize
}

/// [`STOPWORDS`] packed, in an open-addressed table (0 for an empty slot).
static STOPWORD_TABLE: LazyLock<[u64; STOPWORD_SLOTS]> = LazyLock::new(|| {
    let mut table = [0u64; STOPWORD_SLOTS];
    for word in STOPWORDS {
        let packed = pack(word);
        let mut slot = stopword_slot(packed);
        while table[slot] != 0 {
            slot = (slot + 1) % STOPWORD_SLOTS;
        }
        table[slot] = packed;
    }
    table
});

/// Builds the stopword table now ([`crate::warm_up`]).
pub(crate) fn warm() {
    LazyLock::force(&STOPWORD_TABLE);
}

/// Whether a folded word of at most 7 bytes is a French or English function
/// word: a lookup of the packed word (a `matches!` on the bytes cost some
/// hundred instructions a word).
#[cfg(test)]
fn is_stopword(word: &[u8]) -> bool {
    is_packed_stopword(pack(word))
}

/// [`is_stopword`] of a word [`pack`]ed already.
fn is_packed_stopword(packed: u64) -> bool {
    let table = &*STOPWORD_TABLE;
    let mut slot = stopword_slot(packed);
    loop {
        match table[slot] {
            0 => return false,
            x if x == packed => return true,
            _ => slot = (slot + 1) % STOPWORD_SLOTS,
        }
    }
}

/// Words looked at for the stopword share: enough to tell prose from a list.
const SHARE_WORDS: usize = 16;

/// The share (0..=100) of the words of a folded line that are function
/// words, over its first [`SHARE_WORDS`] words, and how many words that was.
/// Words are runs of ASCII letters and digits and of non-ASCII bytes (the
/// fold has taken the French accents off already).
///
/// One pass over the bytes, each word packed as it is read (as [`pack`]
/// would pack it) and looked up when it ends: this runs on every line.
pub(crate) fn stopword_share(folded: &str) -> (u8, usize) {
    // The longest function word has 7 bytes.
    const LONGEST: usize = 7;
    // Bytes of words: ASCII letters and digits, and every non-ASCII byte.
    const IN_WORD: [bool; 256] = {
        let mut t = [true; 256];
        let mut b = 0;
        while b < 128 {
            t[b] = (b as u8).is_ascii_alphanumeric();
            b += 1;
        }
        t
    };
    let (mut words, mut stops) = (0usize, 0usize);
    // The bytes of the word being read (the last eight), and its length.
    let (mut packed, mut len) = (0u64, 0usize);
    let mut word_end = |packed: u64, len: usize| {
        words += 1;
        // `pack`: the length above the bytes.
        stops +=
            usize::from(len <= LONGEST && is_packed_stopword(((len as u64) << (8 * len)) | packed));
        words < SHARE_WORDS
    };
    let mut open = true;
    for &b in folded.as_bytes() {
        if IN_WORD[usize::from(b)] {
            packed = (packed << 8) | u64::from(b);
            len += 1;
        } else if len > 0 {
            open = word_end(packed, len);
            (packed, len) = (0, 0);
            if !open {
                break;
            }
        }
    }
    if open && len > 0 {
        word_end(packed, len);
    }
    if words == 0 {
        return (0, 0);
    }
    // At most 100: fits a u8.
    (u8::try_from(stops * 100 / words).unwrap_or(100), words)
}

/// Page furniture recognised from the shape of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A photo credit or caption marker: `(AFP)`, `© Reuters`, `Photograph: X/EPA`, `Image caption, …`.
    Credit,
    /// A photo gallery counter: `Photo 1 of 8`, `Gallery: 8 photos`, `3/6`.
    Gallery,
    /// A time stamp alone, as live blogs put above each post: `11:42 GMT`.
    Time,
    /// An e-mail address or a web address: a contact line, a link.
    Address,
    /// A role under a byline: `Maritime Correspondent`, `Europe correspondent`.
    Role,
    /// A relative time: `Updated 2 hours ago`, `il y a 3 heures`, `5 min ago`.
    RelativeTime,
    /// A reading time: `8 min read`, `Lecture 3 min`, `14 min de lecture`.
    ReadingTime,
    /// A share bar: the names of social networks and nothing else,
    /// `Facebook Twitter LinkedIn Email`, `Partager : Facebook, X, WhatsApp`.
    ShareBar,
    /// A view or share counter: `Lu 2 347 fois`, `12,408 views`, `1.2k shares`.
    ViewCount,
    /// A weather widget: a temperature and a few words, `Ashcombe -6°C
    /// Light snow`, `Paris 12 °C Éclaircies`.
    Weather,
    /// The heading of a comment thread with its count: `Comments 214`,
    /// `Commentaires (12)`, `38 réactions`. The article ends there.
    CommentsHeading,
    /// A link to a clip or a recording with its length: `Watch the replay:
    /// the launch (42 min)`, `Écouter : l'entretien (podcast, 12 min)`.
    MediaLink,
}

impl Cue {
    /// The cue's name, as `annot show --why` prints it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Cue::Credit => "photo credit",
            Cue::Gallery => "gallery counter",
            Cue::Time => "time stamp",
            Cue::Address => "address",
            Cue::Role => "role line",
            Cue::RelativeTime => "relative time",
            Cue::ReadingTime => "reading time",
            Cue::ShareBar => "share bar",
            Cue::ViewCount => "view counter",
            Cue::Weather => "weather widget",
            Cue::CommentsHeading => "comment thread heading with its count",
            Cue::MediaLink => "link to a clip with its length",
        }
    }
}

/// News agencies and photo agencies, folded, as credits name them.
const AGENCIES: &[&str] = &[
    "afp",
    "reuters",
    "ap",
    "epa",
    "getty images",
    "keystone",
    "belga",
    "ansa",
    "dpa",
    "efe",
    "xinhua",
    "anadolu",
    "sipa",
    "maxppp",
    "hans lucas",
    "abaca",
];

/// Openings and inner phrases that mark a caption or a credit.
const CREDIT_MARKS: &[&str] = &[
    "photograph:",
    "photo:",
    "image credit:",
    "photos:",
    "image:",
    "images:",
    "image source",
    "image caption",
    "caption:",
    "credit:",
    "credits:",
    "credit photo",
    "crédit photo",
    "credit photo:",
    "photo by ",
    "photo credit",
    "légende:",
    "legende:",
    "illustration:",
    "illustrations:",
    "infographie:",
    "dessin:",
    "credit photos:",
    "photo credits:",
    "getty images",
    "video caption",
];

/// The bytes that [`CREDIT_MARKS`] open with.
const CREDIT_FIRST_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < CREDIT_MARKS.len() {
        t[CREDIT_MARKS[i].as_bytes()[0] as usize] = true;
        i += 1;
    }
    t
};

/// Role words: a line of a few words with one of them is a role, not a name.
const ROLE_WORDS: &[&str] = &[
    "correspondent",
    "correspondant",
    "correspondante",
    "reporter",
    "editor",
    "journalist",
    "journaliste",
    "writer",
    "columnist",
    "chroniqueur",
    "chroniqueuse",
    "redacteur",
    "redactrice",
    "envoye",
    "envoyee",
    "analyst",
    "producer",
    "presenter",
    "staff",
    "contributor",
];

/// What a line's shape says, from the line and its fold; `None` for most lines.
pub(crate) fn cue(line: &str, folded: &str, words: usize) -> Option<Cue> {
    if line.len() > 240 {
        return None;
    }
    if is_credit(line, folded) || (words <= 8 && is_figure_label(line, folded)) {
        return Some(Cue::Credit);
    }
    if words <= 6 && is_gallery(folded) {
        return Some(Cue::Gallery);
    }
    if words <= 4 && is_time_stamp(folded) {
        return Some(Cue::Time);
    }
    if words <= 8 && is_relative_time(folded) {
        return Some(Cue::RelativeTime);
    }
    if words <= 6 && is_reading_time(folded) {
        return Some(Cue::ReadingTime);
    }
    if is_media_link(folded) {
        return Some(Cue::MediaLink);
    }
    if words <= 3 && is_comments_heading(folded) {
        return Some(Cue::CommentsHeading);
    }
    if words <= 6 && is_view_count(folded) {
        return Some(Cue::ViewCount);
    }
    if words <= 6 && is_weather(line) {
        return Some(Cue::Weather);
    }
    if words <= 12 && is_share_bar(folded) {
        return Some(Cue::ShareBar);
    }
    if words <= 12 && has_address(line) {
        return Some(Cue::Address);
    }
    if words <= 6 && is_role(folded) {
        return Some(Cue::Role);
    }
    None
}

/// Labels of a chart, map or table and of its source, folded, before a colon.
const FIGURE_LABELS: &[&str] = &[
    "chart",
    "graph",
    "graphic",
    "infographic",
    "map",
    "table",
    "source",
    "sources",
    "data",
    "graphique",
    "carte",
    "tableau",
    "donnees",
];

/// A figure's title or source line: "Chart: Prices since 2020", "Source :
/// INSEE", "Carte : les communes touchées". A label, a colon and a few
/// words that end no sentence.
fn is_figure_label(line: &str, folded: &str) -> bool {
    let Some((label, rest)) = folded.split_once(':') else {
        return false;
    };
    FIGURE_LABELS.contains(&label.trim_end())
        && !rest.trim().is_empty()
        && !crate::zone::ends_sentence(line)
}

/// A photo's provenance in brackets closing a caption, folded: "(Supplied)".
const BRACKET_CREDITS: &[&str] = &[
    "supplied",
    "handout",
    "courtesy",
    "file",
    "archives",
    "archive",
    "dr",
    "d.r.",
    "fourni",
    "fournie",
    "document remis",
];

/// Whether `line` has a `©`: its two bytes, found by a search for the first
/// (rare in text), where `contains('©')` searches for the second, which
/// every `é` ends with too.
fn has_copyright(line: &str) -> bool {
    const SIGN: &[u8] = "©".as_bytes();
    let bytes = line.as_bytes();
    memchr::memchr_iter(SIGN[0], bytes).any(|i| bytes.get(i + 1) == Some(&SIGN[1]))
}

fn is_credit(line: &str, folded: &str) -> bool {
    if has_copyright(line) {
        return true;
    }
    // Most lines have no colon: one vectorised search tells, and the
    // searches for " :" and the marks inside the line are then not made.
    let colon = memchr::memchr(b':', folded.as_bytes()).is_some();
    // French typography puts a space before the colon: "Photo : X".
    let spaced;
    let folded = if colon && folded.contains(" :") {
        spaced = folded.replace(" :", ":");
        spaced.as_str()
    } else {
        folded
    };
    // A mark opens the line only if its first byte does.
    let opens = folded
        .as_bytes()
        .first()
        .is_some_and(|&b| CREDIT_FIRST_BYTES[usize::from(b)]);
    if (opens && CREDIT_MARKS.iter().any(|m| folded.starts_with(m)))
        || (colon && CREDIT_MARKS[..3].iter().any(|m| folded.contains(m)))
    {
        return true;
    }
    // A credit in capitals, as captions put it under the photo: "PHOTO
    // JEAN DUPONT, LE QUOTIDIEN", "PHOTOS ARCHIVES", "ILLUSTRATION X".
    if line.len() <= 120
        && [
            "photo ",
            "photos ",
            "photographie ",
            "illustration ",
            "infographie ",
        ]
        .iter()
        .any(|m| folded.starts_with(m))
        && !line.chars().any(char::is_lowercase)
    {
        return true;
    }
    // A credit in brackets closing the line: "(AFP)", "(John Wessels/AFP)".
    let core = line.trim_end();
    let Some(inner) = core
        .strip_suffix(')')
        .and_then(|l| l.rsplit_once('(').map(|(_, inner)| inner))
    else {
        return false;
    };
    let inner_folded = crate::boilerplate::fold(inner);
    // "(File photo)", "(Photo: archives)", "(Representative image)".
    let photo_word = inner_folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| matches!(w, "photo" | "photos" | "image" | "picture" | "photograph"));
    // "(Supplied)", "(Handout)", "(DR)"; "(The Bench Report: Dana
    // Whitlock)": an outlet, a colon and the photographer's name.
    let outlet_name = inner.split_once(':').is_some_and(|(outlet, name)| {
        outlet.split_whitespace().count() <= 4
            && outlet.trim().chars().next().is_some_and(char::is_uppercase)
            && is_person_name(name.trim())
    });
    let credited = AGENCIES.contains(&inner_folded.as_str())
        || BRACKET_CREDITS.contains(&inner_folded.as_str())
        || outlet_name
        || (photo_word && inner.len() <= 40)
        || (inner.contains('/')
            && inner.split('/').all(|p| {
                p.trim()
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            }));
    // A caption is short; a paragraph quoting a wire ends with a full stop.
    credited && core.len() < 240
}

fn is_gallery(folded: &str) -> bool {
    let has_digit = folded.bytes().any(|b| b.is_ascii_digit());
    let mut words = folded.split([' ', ':']).filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("");
    let opens = matches!(
        first,
        "photo" | "photos" | "image" | "images" | "gallery" | "galerie" | "diaporama" | "slide"
    );
    if opens && has_digit {
        return true;
    }
    // "3/6", "3 of 6", "3 sur 6".
    let parts: Vec<&str> = folded
        .split(|c: char| c == '/' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    match parts.as_slice() {
        [a, b] => is_number(a) && is_number(b),
        [a, of, b] => is_number(a) && matches!(*of, "of" | "sur" | "de") && is_number(b),
        _ => false,
    }
}

fn is_number(w: &str) -> bool {
    !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit())
}

/// Time zone names that follow a post time.
const ZONES: &[&str] = &[
    "gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "et", "am", "pm", "a.m", "p.m",
    "h",
];

fn is_time_stamp(folded: &str) -> bool {
    let mut time = false;
    for word in folded.split_whitespace() {
        let w = word.trim_matches(|c: char| !c.is_alphanumeric());
        if is_time(w) && w.bytes().any(|b| !b.is_ascii_digit()) {
            time = true;
        } else if !ZONES.contains(&w) {
            return false;
        }
    }
    time
}

/// Words that may open a relative time: `Updated`, `Mis à jour`, `Publié`.
const RELATIVE_LEADS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last",
    "modified",
    "edited",
    "mis",
    "mise",
    "a",
    "jour",
    "publie",
    "publiee",
    "modifie",
    "modifiee",
    "actualise",
    "actualisee",
    "poste",
    "le",
    "on",
    "first",
];

/// Units of a relative time, English and French (folded).
const RELATIVE_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "s", "minute", "minutes", "min", "mins", "m", "hour",
    "hours", "hr", "hrs", "h", "day", "days", "d", "week", "weeks", "month", "months", "year",
    "years", "seconde", "secondes", "heure", "heures", "jour", "jours", "semaine", "semaines",
    "mois", "an", "ans",
];

/// A relative time and nothing else, as live blogs and wires put under a
/// headline: `Updated 2 hours ago`, `5 min ago`, `Mis à jour il y a 3 heures`,
/// `il y a 12 min`, `Published yesterday`. It is never the date (see
/// [`crate::dates`]), nor a headline.
fn is_relative_time(folded: &str) -> bool {
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '-' | '(' | ')'))
        .filter(|w| !w.is_empty())
        .collect();
    // Past the opening words, one of: N UNIT ago, il y a N UNIT, yesterday/hier, just now.
    let start = words
        .iter()
        .position(|w| !RELATIVE_LEADS.contains(w))
        .unwrap_or(words.len());
    let rest = &words[start..];
    let amount = |w: &str| {
        w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty()
            || matches!(w, "an" | "one" | "a" | "un" | "une" | "few" | "quelques")
    };
    // "2h", "5min": the number and the unit in one word.
    let joined = |w: &str| {
        let digits = w.bytes().take_while(u8::is_ascii_digit).count();
        digits > 0 && RELATIVE_UNITS.contains(&&w[digits..])
    };
    match rest {
        [n, unit, "ago"] => amount(n) && RELATIVE_UNITS.contains(unit),
        // "a day ago": the "a" was taken for the opening of "mis à jour".
        [n, "ago"] => {
            joined(n) || (start > 0 && words[start - 1] == "a" && RELATIVE_UNITS.contains(n))
        }
        ["il", "y", "a", n, unit] | ["y", "a", n, unit] => {
            amount(n) && RELATIVE_UNITS.contains(unit)
        }
        ["il", "y", "a", n] => joined(n),
        ["yesterday"] | ["hier"] | ["just", "now"] | ["l'instant"] => start > 0,
        _ => false,
    }
}

/// A reading time alone: a number, a unit of minutes and a word of
/// reading, in a few words ("8 min read", "Lecture 3 min", "Temps de
/// lecture : 4 minutes", "5-minute read").
fn is_reading_time(folded: &str) -> bool {
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '-' | '(' | ')' | '.'))
        .filter(|w| !w.is_empty())
        .collect();
    let unit = |w: &str| matches!(w, "min" | "mins" | "minute" | "minutes" | "mn");
    let number = words.iter().any(|w| {
        w.bytes().all(|b| b.is_ascii_digit())
            || (w.ends_with("min") && w.starts_with(|c: char| c.is_ascii_digit()))
    });
    let minutes = words.iter().any(|w| unit(w) || w.ends_with("min"));
    let reading = words.iter().any(|w| {
        matches!(
            *w,
            "read"
                | "reading"
                | "lecture"
                | "lire"
                | "lu"
                | "listen"
                | "listening"
                | "ecoute"
                | "ecouter"
                | "reecouter"
                | "watch"
                | "regarder"
                | "audio"
        )
    });
    number && minutes && reading
}

/// Words opening a link to a clip or a recording, folded, before its colon.
#[rustfmt::skip]
const MEDIA_LABELS: &[&str] = &[
    "watch", "watch the replay", "watch again", "watch live", "listen", "listen again",
    "replay", "video", "audio", "podcast", "ecouter", "a ecouter", "reecouter", "regarder",
    "a regarder", "revoir", "voir", "a voir", "voir la video", "en video", "la video",
];

/// A link to a clip or a recording: a media word and a colon opening the
/// line ([`MEDIA_LABELS`]), and its length in brackets closing it ("(42
/// min)", "(podcast, 18 min)", "(3:05)"); at most 120 characters.
fn is_media_link(folded: &str) -> bool {
    if folded.len() > 120 || !folded.ends_with(')') {
        return false;
    }
    let Some((label, rest)) = folded.split_once(':') else {
        return false;
    };
    let Some((_, bracket)) = rest.rsplit_once('(') else {
        return false;
    };
    let bracket = bracket.trim_end_matches(')');
    let length = bracket
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>();
    let minutes = length.windows(2).any(|w| {
        w[0].bytes().all(|b| b.is_ascii_digit())
            && matches!(
                w[1],
                "min" | "mins" | "minute" | "minutes" | "mn" | "s" | "sec"
            )
    }) || length.iter().any(|w| {
        w.ends_with("min") && w.starts_with(|c: char| c.is_ascii_digit())
            || (w.contains(':')
                && w.split(':')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
    });
    MEDIA_LABELS.contains(&label.trim()) && minutes
}

/// Names of social networks, folded: a share bar names at least two.
#[rustfmt::skip]
const NETWORKS: &[&str] = &[
    "facebook", "twitter", "linkedin", "whatsapp", "pinterest", "reddit", "telegram",
    "messenger", "flipboard", "bluesky", "threads", "mastodon",
];

/// The other words of a share bar, folded: sharing links and their glue.
#[rustfmt::skip]
const SHARE_BAR_WORDS: &[&str] = &[
    "x", "email", "e-mail", "mail", "sms", "copier", "copy", "le", "the", "lien", "link",
    "print", "imprimer", "partager", "share", "sur", "on", "via",
];

/// A share bar: only [`NETWORKS`] and [`SHARE_BAR_WORDS`], two networks or more.
fn is_share_bar(folded: &str) -> bool {
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | '|' | '/' | '·' | '•'))
        .filter(|w| !w.is_empty())
        .collect();
    words
        .iter()
        .all(|w| NETWORKS.contains(w) || SHARE_BAR_WORDS.contains(w))
        && words.iter().filter(|w| NETWORKS.contains(w)).count() >= 2
}

fn has_address(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.starts_with("http://")
            || w.starts_with("https://")
            || w.starts_with("www.")
            || w.split_once('@')
                .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
    })
}

/// Words of a view or share counter, folded.
const COUNT_WORDS: &[&str] = &["views", "vues", "reads", "lectures", "shares", "partages"];

/// Words of a comment thread's heading, folded.
const COMMENT_WORDS: &[&str] = &[
    "comments",
    "comment",
    "commentaires",
    "commentaire",
    "reactions",
    "reaction",
    "replies",
];

/// A comment thread's heading with its count, and nothing else: "Comments
/// 214", "Commentaires (12)", "38 réactions". A count is required: the word
/// alone is a footer phrase already.
fn is_comments_heading(folded: &str) -> bool {
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | ')' | '[' | ']'))
        .filter(|w| !w.is_empty())
        .collect();
    let count = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit() || b == b',');
    matches!(words.as_slice(), [a, b] if (COMMENT_WORDS.contains(a) && count(b)) || (count(a) && COMMENT_WORDS.contains(b)))
}

/// A weather widget: a place in capitals, a temperature with its unit, and
/// a sky in capitals or nothing ("Ashcombe -6°C Light snow", "Paris 12 °C");
/// no colon, no final stop ("Canicule : 42 °C à Bordeaux" is a headline).
fn is_weather(line: &str) -> bool {
    let Some(at) = line.find('°') else {
        return false;
    };
    if line.len() > 60 || line.contains(':') || crate::zone::ends_sentence(line) {
        return false;
    }
    let before = line[..at].trim_end();
    let (place, number) = match before.rsplit_once(' ') {
        Some((place, number)) => (place.trim(), number),
        None => ("", before),
    };
    let number = number.trim_start_matches(['-', '−', '+']);
    let unit = line[at + '°'.len_utf8()..].trim_start();
    !number.is_empty()
        && number.bytes().all(|b| b.is_ascii_digit())
        && !place.is_empty()
        && place
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && unit.strip_prefix(['C', 'F']).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty() || rest.starts_with(char::is_uppercase)
        })
}

/// A counter of readers or shares and nothing else: "Lu 2 347 fois", "Read
/// 1,204 times", "12,408 views", "1.2k shares", "350 vues". Only numbers,
/// the counting word and "lu/read … fois/times" glue.
fn is_view_count(folded: &str) -> bool {
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '(' | ')' | '\u{a0}' | '\u{202f}'))
        .filter(|w| !w.is_empty())
        .collect();
    let number = |w: &str| {
        let w = w
            .strip_suffix('k')
            .or_else(|| w.strip_suffix('m'))
            .unwrap_or(w);
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    };
    if !words.iter().any(|w| number(w)) {
        return false;
    }
    let times = words.iter().any(|w| matches!(*w, "fois" | "times"))
        && words
            .iter()
            .any(|w| matches!(*w, "lu" | "lue" | "read" | "viewed" | "vu" | "vue"));
    let counted = words.last().is_some_and(|w| COUNT_WORDS.contains(w));
    (times || counted)
        && words.iter().all(|w| {
            number(w)
                || COUNT_WORDS.contains(w)
                || matches!(
                    *w,
                    "fois" | "times" | "lu" | "lue" | "read" | "viewed" | "vu" | "vue"
                )
        })
}

fn is_role(folded: &str) -> bool {
    folded
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| ROLE_WORDS.contains(&w))
}

/// Roles that follow a name's comma on a signature or a byline ("X, curé
/// de la paroisse", "X, responsable de la catéchèse", "X, coordinatrice
/// médicale"), folded: its first word. Common words alone on a short line
/// (not [`ROLE_WORDS`], which make a line a role by themselves).
const SIGNED_ROLES: &[&str] = &[
    "cure",
    "pasteur",
    "pasteure",
    "diacre",
    "aumonier",
    "responsable",
    "coordinatrice",
    "coordinateur",
    "coordinator",
    "directrice",
    "directeur",
    "director",
    "head",
    "chef",
    "cheffe",
    "president",
    "presidente",
    "delegue",
    "deleguee",
    "charge",
    "chargee",
    "secretaire",
    "secretary",
    "porte-parole",
    "spokesperson",
];

/// Whether the text after a name's comma opens with a role of
/// [`SIGNED_ROLES`] ("curé de la paroisse").
fn signed_role(rest_folded: &str) -> bool {
    rest_folded
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| SIGNED_ROLES.contains(&w))
}

/// Words of an institution after a name's comma ("X, College of
/// Engineering", "X, Université de Lyon"), folded: an affiliation, not a
/// second name.
const AFFILIATIONS: &[&str] = &[
    "college",
    "university",
    "universite",
    "school",
    "ecole",
    "institute",
    "institut",
    "department",
    "faculty",
    "faculte",
    "laboratory",
    "laboratoire",
    "center",
    "centre",
    "hospital",
    "hopital",
    "museum",
    "musee",
    "foundation",
    "fondation",
];

/// Particles that may stand lower case inside a name.
const PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "van", "von", "der", "den", "da", "di", "dos", "al", "el",
    "bin", "ben", "ibn", "y",
];

/// Words that join two names on a byline.
const JOINS: &[&str] = &["and", "et", "&"];

/// Whether `line` is one or two people's names and nothing else: two to
/// five capitalised words (particles between them allowed), or two such
/// names joined by "and" / "et".
pub(crate) fn is_person_name(line: &str) -> bool {
    if line.len() > 70
        || line
            .chars()
            .any(|c| c.is_ascii_digit() || "!?:;()|/@«»\"".contains(c))
    {
        return false;
    }
    // A name does not open with an article: "Le Quotidien du Soir" is a paper.
    let first = line.split_whitespace().next().unwrap_or("");
    if [
        "Le", "La", "Les", "The", "Un", "Une", "A", "An", "Des", "Du",
    ]
    .contains(&first)
        || first.starts_with("L'")
        || first.starts_with("L’")
    {
        return false;
    }
    let mut names = 0;
    let mut in_name = 0;
    for word in line.split_whitespace() {
        let word = word.trim_end_matches(',');
        if JOINS.contains(&word) {
            if in_name < 2 {
                return false;
            }
            names += 1;
            in_name = 0;
            continue;
        }
        if PARTICLES.contains(&word) && in_name > 0 {
            continue;
        }
        let mut chars = word.chars();
        let capital = chars.next().is_some_and(char::is_uppercase);
        let rest_ok = chars.all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !capital || !rest_ok {
            return false;
        }
        in_name += 1;
        if in_name > 4 {
            return false;
        }
    }
    in_name >= 2 && names <= 2
}

/// The name of a name line: the line itself when it is a person's name
/// ([`is_person_name`]), or the name before the place a reporter files
/// from ("Owen Fairclough at the Quayside Stadium", "Jon Henley in
/// Paris"): a place of one to five words, capitalised, after "at" / "in".
pub(crate) fn person_name_part(line: &str) -> Option<&str> {
    name_part(line, false)
}

/// [`person_name_part`], and a name with a signed role after its comma
/// ("Antoine Méral, curé de la paroisse", [`SIGNED_ROLES`]): only for a
/// line signing the text (after it, or after a byline label), never a
/// headline ("Sophie Marceau, cheffe de troupe") or a list in the text.
pub(crate) fn signed_name_part(line: &str) -> Option<&str> {
    name_part(line, true)
}

/// Openings of a signature on behalf of a body ("Pour le syndicat X, Ann
/// Poe, secrétaire générale"), ASCII case ignored.
const ON_BEHALF: &[&str] = &["pour ", "for ", "on behalf of ", "au nom de ", "au nom du "];

/// [`person_name_part`], with signed roles when `signed`.
fn name_part(line: &str, signed: bool) -> Option<&str> {
    if signed
        && let Some(rest) = ON_BEHALF.iter().find_map(|p| {
            line.get(..p.len())
                .filter(|head| head.eq_ignore_ascii_case(p))
                .map(|_| &line[p.len()..])
        })
    {
        // The body, the name, the role: the name between the two commas.
        let mut parts = rest.splitn(3, ", ");
        let (_, name, role) = (parts.next()?, parts.next()?, parts.next()?);
        let role = crate::boilerplate::fold(role);
        return (is_person_name(name) && (is_role(&role) || signed_role(&role))).then_some(name);
    }
    if line.len() > 70 {
        return is_person_name(line).then_some(line);
    }
    // "Jeanne Roux, correspondante à Bruxelles", "Ann Poe, in Kyiv", "Ann
    // Poe, Deputy Editor", "Ann Poe, Singapore" (a place of one word; "X,
    // Y Z" is two names).
    if let Some((name, rest)) = split_at_comma_space(line) {
        let rest_folded = crate::boilerplate::fold(rest);
        let placed = ["a ", "in ", "at ", "depuis "]
            .iter()
            .any(|p| rest_folded.starts_with(p))
            || (!rest.contains(' ') && rest.chars().next().is_some_and(char::is_uppercase))
            || (rest.chars().next().is_some_and(char::is_uppercase)
                && rest_folded
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| AFFILIATIONS.contains(&w)));
        if (placed || is_role(&rest_folded) || (signed && signed_role(&rest_folded)))
            && rest.split_whitespace().count() <= 6
            && !rest.ends_with(['.', '!', '?'])
            && is_person_name(name)
        {
            return Some(name);
        }
    }
    if is_person_name(line) {
        return Some(line);
    }
    // Each separator opens with one of these three bytes: a line without
    // them is not searched for each.
    let placed = line
        .as_bytes()
        .windows(3)
        .any(|w| w == b" at" || w == b" in" || w == " à".as_bytes());
    for sep in [" at ", " in ", " à "].into_iter().filter(|_| placed) {
        let Some((name, place)) = line.split_once(sep) else {
            continue;
        };
        let place = place.strip_prefix("the ").unwrap_or(place);
        let words: Vec<&str> = place.split_whitespace().collect();
        let capitalised = (1..=5).contains(&words.len())
            && words
                .iter()
                .all(|w| PARTICLES.contains(w) || w.chars().next().is_some_and(char::is_uppercase))
            && !place.contains(['.', '!', '?', ':', ';']);
        if capitalised && is_person_name(name) {
            return Some(name);
        }
    }
    None
}

/// `line.split_once(", ")`, found from its commas (a vectorised search)
/// rather than by a substring searcher set up for every line.
fn split_at_comma_space(line: &str) -> Option<(&str, &str)> {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b',', bytes)
        .find(|&i| bytes.get(i + 1) == Some(&b' '))
        .map(|i| (&line[..i], &line[i + 2..]))
}

/// Labels before a breadcrumb trail (ASCII case ignored).
const CRUMB_LABELS: &[&str] = &[
    "vous êtes ici",
    "vous etes ici",
    "you are here",
    "fil d'ariane",
    "breadcrumb",
    "breadcrumbs",
];

/// The last element of a breadcrumb (`News > World > Europe` gives `Europe`):
/// two to six short parts between `>`, `›`, `»` or `/`.
pub(crate) fn breadcrumb_last(line: &str) -> Option<&str> {
    // Most lines have none of the separators: two vectorised searches rule
    // them out (what `line.bytes().any(…)` of the four bytes tells).
    let bytes = line.as_bytes();
    if line.len() > 120
        || (memchr::memchr2(b'>', b'/', bytes).is_none()
            && memchr::memchr2(0xBA, 0xBB, bytes).is_none())
    {
        return None;
    }
    // Every separator is a space and a byte of `>`, `/` or the lead byte of
    // `›` (0xE2) or `»` (0xC2): a line (or its end after a label) without
    // such a pair has none, and is not searched for each (a date's `/`, a
    // quote's `»`).
    if !line
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b' ' && matches!(w[1], b'>' | b'/' | 0xE2 | 0xC2))
    {
        return None;
    }
    breadcrumb_last_searched(line)
}

/// [`breadcrumb_last`] by a search for each separator.
fn breadcrumb_last_searched(line: &str) -> Option<&str> {
    if line.len() > 120 || !line.bytes().any(|b| matches!(b, b'>' | b'/' | 0xBA | 0xBB)) {
        return None;
    }
    // A trail may have its label: "Vous êtes ici : Accueil / Sport".
    let line = CRUMB_LABELS
        .iter()
        .find_map(|l| {
            line.get(..l.len())
                .filter(|head| head.eq_ignore_ascii_case(l))
                .map(|_| line[l.len()..].trim_start_matches([' ', ':', '\u{a0}']))
        })
        .unwrap_or(line);
    for sep in [" > ", " › ", " » ", " / ", " >> "] {
        if !line.contains(sep) {
            continue;
        }
        let parts: Vec<&str> = line.split(sep).map(str::trim).collect();
        let short = |p: &&str| {
            !p.is_empty()
                && p.split_whitespace().count() <= 4
                && p.chars().count() <= 30
                && !crate::zone::ends_sentence(p)
        };
        if (2..=6).contains(&parts.len()) && parts.iter().all(short) {
            return parts.last().copied();
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stopword_table_holds_the_list_and_nothing_else() {
        for word in STOPWORDS {
            assert!(is_stopword(word), "{word:?}");
            // The same bytes one longer or shorter are other words.
            let mut longer = word.to_vec();
            longer.push(b's');
            let shorter = &word[..word.len() - 1];
            for other in [&longer[..], shorter] {
                if other.len() <= 7 && !other.is_empty() {
                    assert_eq!(is_stopword(other), STOPWORDS.contains(&other), "{other:?}");
                }
            }
        }
        assert!(!is_stopword(b"\0le"));
        assert!(!is_stopword(b"lee"));
    }

    /// The share as it was counted before the one-pass loop: words found
    /// first, each packed and looked up.
    fn stopword_share_by_words(folded: &str) -> (u8, usize) {
        const IN_WORD: fn(u8) -> bool = |b| !b.is_ascii() || b.is_ascii_alphanumeric();
        let bytes = folded.as_bytes();
        let (mut words, mut stops, mut i) = (0usize, 0usize, 0usize);
        while i < bytes.len() && words < SHARE_WORDS {
            while i < bytes.len() && !IN_WORD(bytes[i]) {
                i += 1;
            }
            let start = i;
            while i < bytes.len() && IN_WORD(bytes[i]) {
                i += 1;
            }
            if i > start {
                words += 1;
                stops += usize::from(i - start <= 7 && is_stopword(&bytes[start..i]));
            }
        }
        if words == 0 {
            return (0, 0);
        }
        (u8::try_from(stops * 100 / words).unwrap_or(100), words)
    }

    proptest::proptest! {
        #[test]
        fn the_share_is_counted_as_word_by_word(
            line in "((le|la|l|des|the|of|a|qu|et|said|depuis|pendant|because|é|2024|x)[ ',.:-]{0,2}){0,24}"
        ) {
            proptest::prop_assert_eq!(stopword_share(&line), stopword_share_by_words(&line));
        }
    }

    proptest::proptest! {
        #[test]
        fn stopwords_are_the_words_of_the_list(word in "[a-z'\\x00\\x02é]{1,7}") {
            let word = word.as_bytes();
            if word.len() <= 7 {
                proptest::prop_assert_eq!(is_stopword(word), STOPWORDS.contains(&word));
            }
        }
    }
    use crate::boilerplate::fold;

    fn cue_of(line: &str) -> Option<Cue> {
        let folded = fold(line);
        cue(line, &folded, line.split_whitespace().count())
    }

    #[test]
    fn shares_tell_prose_from_lists() {
        let prose = fold("Les habitants du quai des Goélands l'avaient surnommée « la muraille ».");
        assert!(
            stopword_share(&prose).0 >= 30,
            "{:?}",
            stopword_share(&prose)
        );
        let menu = fold("International Politique Économie Société Culture Sport Planète");
        assert_eq!(stopword_share(&menu).0, 0);
        assert_eq!(stopword_share(""), (0, 0));
    }

    #[test]
    fn cues() {
        for (line, want) in [
            (
                "Des agents lors d'une manifestation à Paris, le 7 février. (AFP)",
                Some(Cue::Credit),
            ),
            (
                "Le ministère du Travail, rue de Grenelle. © Reuters",
                Some(Cue::Credit),
            ),
            (
                "Tourists in Lisbon. Photograph: Mario Cruz/EPA",
                Some(Cue::Credit),
            ),
            (
                "Une école, le 10 janvier. (Théo Giacometti/Hans Lucas pour Libre Soir)",
                Some(Cue::Credit),
            ),
            ("Image caption, The ship ran aground", Some(Cue::Credit)),
            ("Photo : Léa Martin / Le Journal", Some(Cue::Credit)),
            ("Illustration : Marc Dubois", Some(Cue::Credit)),
            ("Photo 1 of 8", Some(Cue::Gallery)),
            ("Gallery: 8 photos", Some(Cue::Gallery)),
            ("3/6", Some(Cue::Gallery)),
            ("11:42 GMT", Some(Cue::Time)),
            ("09.30", Some(Cue::Time)),
            (
                "Contact Dana at newsroom@courier.example.",
                Some(Cue::Address),
            ),
            ("Maritime Correspondent", Some(Cue::Role)),
            ("Updated 2 hours ago", Some(Cue::RelativeTime)),
            ("5 min ago", Some(Cue::RelativeTime)),
            ("Mis à jour il y a 3 heures", Some(Cue::RelativeTime)),
            ("il y a 12 min", Some(Cue::RelativeTime)),
            ("Updated: 2h ago", Some(Cue::RelativeTime)),
            ("Published yesterday", Some(Cue::RelativeTime)),
            ("Updated a day ago", Some(Cue::RelativeTime)),
            ("8 min read", Some(Cue::ReadingTime)),
            ("Écouter l'article (3 min)", Some(Cue::ReadingTime)),
            ("Watch: 2 min", Some(Cue::ReadingTime)),
            (
                "Watch the replay: launch coverage (42 min)",
                Some(Cue::MediaLink),
            ),
            (
                "Listen: the team explains the discovery (podcast, 18 min)",
                Some(Cue::MediaLink),
            ),
            (
                "Écouter : l'entretien du maire (3:05)",
                Some(Cue::MediaLink),
            ),
            ("Watch: the council voted on the plan (in 2024)", None),
            ("Lu 2 347 fois", Some(Cue::ViewCount)),
            ("Read 1,204 times", Some(Cue::ViewCount)),
            ("12,408 views", Some(Cue::ViewCount)),
            ("1.2k shares", Some(Cue::ViewCount)),
            ("Comments 214", Some(Cue::CommentsHeading)),
            ("Commentaires (12)", Some(Cue::CommentsHeading)),
            ("38 réactions", Some(Cue::CommentsHeading)),
            ("Il a lu 3 fois le livre", None),
            ("PHOTO ANNE MARCHAL, LE COURRIER", Some(Cue::Credit)),
            ("Photo Gallery", None),
            (
                "The control room during the burn. Image credit: ASA/K. Ruiz",
                Some(Cue::Credit),
            ),
            ("Chart: Prices since January", Some(Cue::Credit)),
            ("Source : Insee, enquête emploi", Some(Cue::Credit)),
            ("Source: the ministry said it would act soon.", None),
            (
                "A crowd outside the station. (File photo)",
                Some(Cue::Credit),
            ),
            ("14 min de lecture", Some(Cue::ReadingTime)),
            ("Lecture 3 min.", Some(Cue::ReadingTime)),
            ("Reading time: 4 minutes", Some(Cue::ReadingTime)),
            ("Le club de lecture", None),
            ("Facebook Twitter LinkedIn Email", Some(Cue::ShareBar)),
            ("Partager : Facebook, X, WhatsApp", Some(Cue::ShareBar)),
            ("Facebook", None),
            ("Yesterday", None),
            ("Il y a 20 ans, la ville", None),
            ("BBN Scotland transport correspondent", Some(Cue::Role)),
            ("Il a été arrêté, selon l'AFP, mardi soir.", None),
            ("Le CAC 40 a gagné 0,9 %.", None),
            ("2024", None),
            ("La fin d'un monde (1914-1918)", None),
        ] {
            assert_eq!(cue_of(line), want, "{line}");
        }
    }

    #[test]
    fn a_signed_role_after_a_name() {
        assert_eq!(
            signed_name_part("Antoine Méral, curé de la paroisse"),
            Some("Antoine Méral")
        );
        assert_eq!(
            signed_name_part("Marie-Pierre Lacaze, responsable de la catéchèse"),
            Some("Marie-Pierre Lacaze")
        );
        // A sentence with a role word after its comma is no name.
        assert_eq!(
            person_name_part("Selon lui, responsable de la crise, le maire a tort."),
            None
        );
        assert_eq!(person_name_part("Le curé, responsable du lieu"), None);
    }

    #[test]
    fn names() {
        for name in [
            "Alan Treloar",
            "Anne-Sophie Guillerm",
            "Jean de La Fontaine",
            "Kate Holm and Tom Reddle",
            "Sarah Benkiran et Loïc Peyrolles",
            "Claude-Alain V.",
        ] {
            assert!(is_person_name(name), "{name}");
        }
        for line in [
            "Key events",
            "Toute l'actualité",
            "Le Quotidien du Soir et de la Nuit du Grand Ouest",
            "Alan",
            "Photo 1 of 8",
            "Il pleut.",
            "Share",
        ] {
            assert!(!is_person_name(line), "{line}");
        }
    }

    #[test]
    fn names_at_places() {
        assert_eq!(
            person_name_part("Owen Fairclough at the Quayside Stadium"),
            Some("Owen Fairclough")
        );
        assert_eq!(person_name_part("Jon Henley in Paris"), Some("Jon Henley"));
        assert_eq!(person_name_part("Alan Treloar"), Some("Alan Treloar"));
        assert_eq!(person_name_part("Jon Henley in a hurry"), None);
        assert_eq!(
            person_name_part("Jeanne Roux, correspondante à Bruxelles"),
            Some("Jeanne Roux")
        );
        assert_eq!(person_name_part("Ann Poe, in Kyiv"), Some("Ann Poe"));
        assert_eq!(person_name_part("Ann Poe, the mayor said."), None);
        assert_eq!(person_name_part("Prices rose at the Port."), None);
    }

    proptest::proptest! {
        /// Names are read as with the substring searches.
        #[test]
        fn names_split_as_split_once(
            line in "(Ann|Poe|, |,| at | in | à |at|in|à|the|Paris|é| ){0,10}"
        ) {
            proptest::prop_assert_eq!(split_at_comma_space(&line), line.split_once(", "));
        }
    }

    proptest::proptest! {
        /// The byte tests rule out only lines the searches find nothing in.
        #[test]
        fn prefilters_keep_every_crumb_and_copyright(
            line in "(Accueil|News|Vous êtes ici|:|>|>>|/|›|»|«|’|©|é|\u{a0}| |x){0,14}"
        ) {
            proptest::prop_assert_eq!(breadcrumb_last(&line), breadcrumb_last_searched(&line));
            proptest::prop_assert_eq!(has_copyright(&line), line.contains('©'));
        }
    }

    #[test]
    fn breadcrumbs() {
        assert_eq!(breadcrumb_last("News > World > Europe"), Some("Europe"));
        assert_eq!(
            breadcrumb_last("Accueil › Économie › Marchés"),
            Some("Marchés")
        );
        assert_eq!(
            breadcrumb_last("Vous êtes ici : Accueil / Actualités / Sport"),
            Some("Sport")
        );
        assert_eq!(
            breadcrumb_last("You are here: Home > News > Local"),
            Some("Local")
        );
        assert_eq!(breadcrumb_last("Europe"), None);
        assert_eq!(breadcrumb_last("2 > 1, selon le juge qui a tranché."), None);
    }
}
