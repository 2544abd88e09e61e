//! Known phrases of news sites, matched on folded lines, and counters.

use std::hash::{Hash, Hasher};

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use aho_corasick::automaton::Automaton;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, Match};

use super::fold::{fold, fold_into, head};

use crate::phrases::{
    FOOTER_CONTAINS, FOOTER_LINES, FOOTER_PREFIXES, NAV_CONTAINS, NAV_LINES, NAV_PREFIXES,
    PAYWALL_CONTAINS, RAIL_PREFIXES, RELATED_LINES, RELATED_PREFIXES, SHORT_NAV_CONTAINS,
    SHORT_NAV_PREFIXES,
};

/// What a known phrase says about its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phrase {
    /// Navigation, login, sharing, counters: boilerplate wherever it is.
    Nav,
    /// A heading of related links ("Lire aussi", "Pour mémoire"): the link
    /// titles under it are boilerplate too.
    Related,
    /// A related link with its title on the same line ("(Lire aussi : ...)").
    RelatedLink,
    /// The end of the article: comments, "most read", copyright.
    Footer,
    /// A paywall prompt ("Pour lire la suite, abonnez-vous"): the end of the
    /// article unless its text goes on after the prompt.
    Paywall,
}

impl Phrase {
    /// The phrase's role, as `annot show --why` prints it.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Phrase::Nav => "navigation phrase",
            Phrase::Related => "related-links heading",
            Phrase::RelatedLink => "related link",
            Phrase::Footer => "footer phrase",
            Phrase::Paywall => "paywall prompt",
        }
    }
}

/// Longest line, in bytes, that the whole-line rules apply to and whose
/// recurrence is counted: navigation, bylines and link lists are short, and
/// counting only short lines keeps wire copy that several sites republished
/// from being taken for boilerplate.
pub(crate) const SHORT_LINE: usize = 160;

/// How much of a long line is folded and searched for phrases: cookie
/// banners, paywall prompts and comment policies say what they are early,
/// and a paragraph is not searched to its end.
const SEARCHED: usize = 128;

/// Which list a phrase found inside a line comes from, weakest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tag {
    ShortNav,
    Nav,
    Paywall,
    Footer,
}

/// One automaton for every phrase searched inside lines: one pass over a
/// line, however many phrases there are. Lines are searched folded, so the
/// phrases are folded too.
///
/// A DFA of its own type (one table lookup a byte, called directly) without
/// a prefilter: the lines are short and folded, the phrases' bytes common.
/// `AhoCorasick::new` chose a contiguous NFA past 100 phrases, with a
/// prefilter, behind a `dyn` call for every byte: some 2,500 instructions a
/// line (callgrind, 1,000 generated pages), against about 600 for this one.
/// The matches are the same (standard semantics, non-overlapping).
struct Contains {
    automaton: DFA,
    tags: Vec<Tag>,
}

impl Contains {
    fn new(lists: &[(&[&str], Tag)]) -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut tags = Vec::new();
        for &(list, tag) in lists {
            for p in list {
                patterns.push(fold(p));
                tags.push(tag);
            }
        }
        let automaton = DFA::builder()
            .prefilter(false)
            .build(&patterns)
            // The patterns are constants, far below the automaton's limits.
            .unwrap_or_else(|_| unreachable!("phrase lists are small"));
        Self { automaton, tags }
    }

    /// The phrases found in `folded`, left to right, not overlapping: what
    /// `try_find_iter` gives (standard semantics: a match is reported at
    /// the first match state the search enters, and the next search starts
    /// where it ends), walked here over the bytes of the line with the
    /// DFA's own transitions, without the per-call set-up of a search and
    /// the bounds check of every haystack byte (callgrind, 10,000
    /// generated pages: see the commit that made it).
    fn matches<'a>(&'a self, folded: &'a str) -> impl Iterator<Item = Match> + 'a {
        let dfa = &self.automaton;
        // A DFA built with the default start kind has an unanchored start
        // state; without one, no match (as the search would fail).
        let start = dfa.start_state(Anchored::No).ok();
        let mut rest = folded.as_bytes();
        let mut end = 0;
        std::iter::from_fn(move || {
            let mut sid = start?;
            // No phrase is empty: the start state is no match state.
            while let Some((&b, tail)) = rest.split_first() {
                rest = tail;
                end += 1;
                sid = dfa.next_state(Anchored::No, sid, b);
                if dfa.is_special(sid) {
                    if dfa.is_dead(sid) {
                        rest = &[];
                        return None;
                    }
                    if dfa.is_match(sid) {
                        let pattern = dfa.match_pattern(sid, 0);
                        let len = dfa.pattern_len(pattern);
                        return Some(Match::new(pattern, end - len..end));
                    }
                }
            }
            None
        })
    }

    /// Where the first paywall phrase of `folded` starts.
    fn paywall_at(&self, folded: &str) -> Option<usize> {
        self.matches(folded)
            .find(|m| self.tags[m.pattern().as_usize()] == Tag::Paywall)
            .map(|m| m.start())
    }

    /// The strongest phrase in `folded`.
    fn strongest(&self, folded: &str) -> Option<Tag> {
        let mut best = None;
        for m in self.matches(folded) {
            let tag = self.tags[m.pattern().as_usize()];
            if tag == Tag::Footer {
                return Some(tag);
            }
            best = best.max(Some(tag));
        }
        best
    }
}

/// Every phrase, for short lines.
static CONTAINS: LazyLock<Contains> = LazyLock::new(|| {
    Contains::new(&[
        (FOOTER_CONTAINS, Tag::Footer),
        (PAYWALL_CONTAINS, Tag::Paywall),
        (NAV_CONTAINS, Tag::Nav),
        (SHORT_NAV_CONTAINS, Tag::ShortNav),
    ])
});

/// The phrases that count in long lines (the short-line ones cannot): fewer
/// patterns, a faster search over the opening of every paragraph.
static CONTAINS_LONG: LazyLock<Contains> = LazyLock::new(|| {
    Contains::new(&[
        (FOOTER_CONTAINS, Tag::Footer),
        (PAYWALL_CONTAINS, Tag::Paywall),
        (NAV_CONTAINS, Tag::Nav),
    ])
});

/// The whole-line phrases; a line in two lists takes the stronger role.
static WHOLE_LINES: LazyLock<FxHashMap<&'static str, Phrase>> = LazyLock::new(|| {
    let mut map = FxHashMap::default();
    for (list, phrase) in [
        (NAV_LINES, Phrase::Nav),
        (RELATED_LINES, Phrase::Related),
        (FOOTER_LINES, Phrase::Footer),
    ] {
        map.extend(list.iter().map(|line| (*line, phrase)));
    }
    map
});

/// A list of phrases that open lines, sorted by their first byte: a line is
/// compared only with the phrases that open with its own first byte (a
/// handful, against some dozens a line when every phrase of the list was
/// compared; callgrind counted the comparisons a tenth of the import).
struct Prefixes {
    /// For each first byte, the phrases that open with it, in list order.
    by_first: Vec<Vec<&'static str>>,
}

impl Prefixes {
    fn new(list: &[&'static str]) -> Self {
        let mut by_first = vec![Vec::new(); 256];
        for &p in list {
            // An empty phrase would open every line: none is listed.
            assert!(!p.is_empty(), "an empty phrase");
            by_first[usize::from(p.as_bytes()[0])].push(p);
        }
        Self { by_first }
    }

    /// The phrases `text` opens with, each with the rest of `text` after it.
    fn opening<'s, 't: 's>(
        &'s self,
        text: &'t str,
    ) -> impl Iterator<Item = (&'static str, &'t str)> + 's {
        // No phrase opens with NUL: an empty text finds an empty bucket.
        let first = text.as_bytes().first().map_or(0, |&b| usize::from(b));
        self.by_first[first]
            .iter()
            .filter_map(move |&p| text.strip_prefix(p).map(|rest| (p, rest)))
    }
}

static RELATED_OPENINGS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(RELATED_PREFIXES));
static SHORT_NAV_OPENINGS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(SHORT_NAV_PREFIXES));
static FOOTER_OPENINGS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(FOOTER_PREFIXES));
static NAV_OPENINGS: LazyLock<Prefixes> = LazyLock::new(|| Prefixes::new(NAV_PREFIXES));

/// Builds this module's automata and tables now ([`crate::warm_up`]).
pub(crate) fn warm() {
    LazyLock::force(&CONTAINS);
    LazyLock::force(&CONTAINS_LONG);
    LazyLock::force(&WHOLE_LINES);
    LazyLock::force(&RELATED_OPENINGS);
    LazyLock::force(&SHORT_NAV_OPENINGS);
    LazyLock::force(&FOOTER_OPENINGS);
    LazyLock::force(&NAV_OPENINGS);
}

/// A line prepared for the phrase rules: folded whole when short, else its opening.
pub(crate) struct FoldedLine<'a> {
    /// [`fold`] of the whole line when it is short, else of its first [`SEARCHED`] bytes.
    pub(crate) folded: &'a str,
    /// Whether `folded` is the whole line.
    pub(crate) whole: bool,
    /// Whether the line ends a sentence (the fold drops the final stop).
    sentence_end: bool,
    /// The line's length in bytes.
    len: usize,
}

impl<'a> FoldedLine<'a> {
    /// Prepares a trimmed line, folding it into `buf` (reused from line to
    /// line: this runs on every line of every document).
    pub(crate) fn new(raw: &str, buf: &'a mut Vec<u8>) -> Self {
        let whole = raw.len() <= SHORT_LINE;
        fold_into(buf, if whole { raw } else { head(raw, SEARCHED) });
        Self {
            // fold_into writes whole characters only.
            folded: simdutf8::basic::from_utf8(buf).unwrap_or_default(),
            whole,
            sentence_end: crate::lines::ends_sentence(raw),
            len: raw.len(),
        }
    }

    /// Whether the line ends a sentence ([`crate::lines::ends_sentence`]).
    pub(crate) fn sentence_end(&self) -> bool {
        self.sentence_end
    }

    /// The key under which the line's recurrence is counted; `None` for long lines.
    /// Digits are kept: daily headlines that differ only by a figure are articles.
    pub(crate) fn key(&self) -> Option<u64> {
        if !self.whole || self.folded.is_empty() {
            return None;
        }
        let mut h = rustc_hash::FxHasher::default();
        self.folded.hash(&mut h);
        Some(h.finish())
    }

    /// What a known phrase says about the line.
    pub(crate) fn phrase(&self) -> Option<Phrase> {
        let folded = self.folded;
        if self.whole {
            let bare = without_count(folded)
                .trim_start_matches(['(', '['])
                .trim_end_matches([')', ']']);
            if let Some(&phrase) = WHOLE_LINES.get(bare) {
                return Some(phrase);
            }
        }
        let opening = folded.trim_start_matches(['(', '[']);
        if RELATED_OPENINGS
            .opening(opening)
            .any(|(_, rest)| self.link_after(rest))
        {
            return Some(Phrase::RelatedLink);
        }
        // A whole word: "Share" and "Print" are buttons, "Shares in X rose…" is news,
        // and so is a sentence of more words ("Advertisement banners made it stutter.").
        let short_prefix = self.whole
            && !(self.sentence_end && folded.split_whitespace().nth(4).is_some())
            && SHORT_NAV_OPENINGS
                .opening(folded)
                .any(|(_, rest)| !rest.starts_with(|c: char| c.is_alphanumeric()));
        let contains = if self.whole {
            &CONTAINS
        } else {
            &CONTAINS_LONG
        };
        // A tag list or a rail heading: short, and not a sentence. A rail names
        // a site, a section or an author ("More from BBC News"); after a function
        // word it is a heading inside the article ("More from the hearing").
        let footer_prefix = self.whole
            && !self.sentence_end
            && FOOTER_OPENINGS.opening(folded).any(|(p, rest)| {
                !RAIL_PREFIXES.contains(&p) || crate::cues::stopword_share(rest).0 == 0
            });
        match contains.strongest(folded) {
            Some(Tag::Footer) => Some(Phrase::Footer),
            _ if footer_prefix => Some(Phrase::Footer),
            Some(Tag::Paywall) if self.paywall_words_in_prose(contains) => None,
            Some(Tag::Paywall) => Some(Phrase::Paywall),
            Some(Tag::Nav) => Some(Phrase::Nav),
            Some(Tag::ShortNav) if self.whole => Some(Phrase::Nav),
            _ if short_prefix || NAV_OPENINGS.opening(folded).next().is_some() => Some(Phrase::Nav),
            _ => None,
        }
    }
}

/// Words of a paywall's offer: a prompt asks the reader to subscribe or sign in.
const PAYWALL_ASKS: &[&str] = &[
    "abonn",
    "subscri",
    "connect",
    "sign in",
    "log in",
    "login",
    "inscri",
    "identifi",
    "offre",
    "offer",
    "formule",
    "premium",
    "gratuit",
    "free",
    "€",
    "£",
    "$",
    "par mois",
    "per month",
    "a week",
    "par semaine",
];

/// How long a sentence that opens with a paywall's words must be to be
/// running text ("Pour lire la suite, la mairie a publié le plan complet
/// sur son site, …"): a prompt says what it wants in a few words.
const PROSE_OPENING: usize = 120;

impl FoldedLine<'_> {
    /// Whether the paywall phrase of the line is words of running text
    /// ("il faut lire le rapport jusqu'au bout pour lire la suite de
    /// l'histoire", "if you want to continue reading about it, …"): a long
    /// sentence that asks nothing of the reader (no subscription, sign-in,
    /// offer or price) and has the phrase inside, or opens with it and goes
    /// on for [`PROSE_OPENING`] bytes. A prompt is short or asks.
    fn paywall_words_in_prose(&self, contains: &Contains) -> bool {
        if self.len < 100 || !self.sentence_end {
            return false;
        }
        let folded = self.folded;
        let Some(at) = contains.paywall_at(folded) else {
            return false;
        };
        let before = folded[..at].trim_end();
        let opens = before.is_empty() || before.ends_with(['.', '!', '?', ':', ';']);
        (!opens || self.len >= PROSE_OPENING) && !PAYWALL_ASKS.iter().any(|w| folded.contains(w))
    }

    /// Whether what follows a related-link opening is a link: a separator
    /// ("Lire aussi : …", "Read more | …"), or a title straight after it that
    /// is not a sentence ("Lire aussi Les agriculteurs en colère"), where a
    /// sentence goes on from the same words ("Read more carefully, the data
    /// showed…").
    fn link_after(&self, rest: &str) -> bool {
        // `rest` is folded: its final stop is gone, the line's is known.
        let rest = rest.trim_start();
        match rest.chars().next() {
            None => true,
            Some(c) if c.is_alphanumeric() => {
                // Only the opening of a long line is at hand: a link title is short.
                self.whole && !self.sentence_end
            }
            Some(_) => true,
        }
    }
}

/// Drops the count around a label: "12 partages", "Réagir (14)", "Comments (23)".
fn without_count(line: &str) -> &str {
    let line = match line.strip_suffix(')').and_then(|l| l.rsplit_once('(')) {
        Some((head, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => {
            head.trim_end()
        }
        _ => line,
    };
    match line.split_once(' ') {
        Some((n, tail))
            if n.bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',') =>
        {
            tail
        }
        _ => line,
    }
}

/// A counter or stray mark: `6`, `1/1`, `12 345`, `x`, `›`.
pub(crate) fn is_counter(line: &str) -> bool {
    line.chars().nth(2).is_none()
        || line.chars().all(|c| {
            c.is_ascii_digit()
                || c.is_whitespace()
                || matches!(c, '/' | '.' | ',' | ':' | '+' | '-' | '(' | ')')
        })
}

#[cfg(test)]
mod automaton_tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// The matches `AhoCorasick::new` (the automaton it picks, with its
    /// prefilter) finds, which the DFA must find alike.
    fn reference(contains: &Contains, lists: &[(&[&str], Tag)], hay: &str) -> Vec<Match> {
        let patterns: Vec<String> = lists
            .iter()
            .flat_map(|(l, _)| l.iter().map(|p| fold(p)))
            .collect();
        assert_eq!(patterns.len(), contains.tags.len());
        let ac = AhoCorasick::new(&patterns).expect("small lists");
        ac.find_iter(hay).collect()
    }

    fn lists() -> [(&'static [&'static str], Tag); 4] {
        [
            (FOOTER_CONTAINS, Tag::Footer),
            (PAYWALL_CONTAINS, Tag::Paywall),
            (NAV_CONTAINS, Tag::Nav),
            (SHORT_NAV_CONTAINS, Tag::ShortNav),
        ]
    }

    proptest::proptest! {
        /// Haystacks of phrases, pieces of phrases and other words, run together.
        #[test]
        fn the_dfa_finds_what_aho_corasick_new_finds(
            parts in proptest::collection::vec((0usize..400, 0usize..40, 0usize..40, "[a-z' ]{0,6}"), 0..8)
        ) {
            let lists = lists();
            let all: Vec<String> = lists.iter().flat_map(|(l, _)| l.iter().map(|p| fold(p))).collect();
            let mut hay = String::new();
            for (i, a, b, noise) in parts {
                let p = &all[i % all.len()];
                let (a, b) = (a.min(p.len()), b.min(p.len()));
                let (a, b) = (a.min(b), a.max(b));
                // Whole phrases, their heads and tails, cut on a character boundary.
                let piece = match i % 3 {
                    0 => p.as_str(),
                    1 => p.get(..b).unwrap_or(p),
                    _ => p.get(a..).unwrap_or(p),
                };
                hay.push_str(piece);
                hay.push_str(&noise);
            }
            for contains in [&*CONTAINS, &*CONTAINS_LONG] {
                let n = contains.tags.len();
                let ours: Vec<Match> = contains.matches(&hay).collect();
                let lists = if n == all.len() { &lists[..] } else { &lists[..3] };
                proptest::prop_assert_eq!(&ours, &reference(contains, lists, &hay));
            }
        }
    }
}
