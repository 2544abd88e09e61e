//! Suggested spans: a patterns file, the annotator's own dictionary, and
//! another annotator's spans (a model's predictions, imported as `model`).
//!
//! Patterns are JSONL, one a line, in the shape Prodigy and spaCy use:
//!
//! ```text
//! {"label":"ORG","pattern":"Hezbollah"}
//! {"label":"ORG","pattern":[{"lower":"etat"},{"lower":"islamique"}]}
//! ```
//!
//! A string pattern matches that exact text; a token pattern matches one token
//! per entry, `lower` ignoring case, `orth` (or `text`) exactly. The dictionary
//! holds what the annotator accepted in earlier documents, each text with the
//! label they gave it most often. Everything is matched with Aho-Corasick,
//! leftmost-longest, and only where a match starts and ends on token boundaries.
//! Boilerplate gets no suggestions.

use std::collections::HashMap;
use std::path::Path;

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};
use annot_model::record::{Record, SpanSource, Status};
use annot_model::{Schema, Zone, ZoneSpan};
use serde_json::Value;

use crate::error::{Result, SessionError};
use crate::state::Suggestion;
use crate::view::DocView;

/// One entry of a patterns file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pattern {
    /// The span label (a name of the schema).
    pub label: String,
    /// What to match.
    pub kind: PatternKind,
}

/// How a pattern matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PatternKind {
    /// This exact text.
    Phrase(String),
    /// One value per token, compared in lower case.
    Lower(Vec<String>),
    /// One value per token, compared exactly.
    Orth(Vec<String>),
}

/// Reads a patterns file.
///
/// # Errors
/// An unreadable file, or a line that is not a pattern (file and line named).
pub fn load_patterns(path: &Path, schema: &Schema) -> Result<Vec<Pattern>> {
    let text = std::fs::read_to_string(path).map_err(|source| SessionError::PatternsFile {
        path: path.to_owned(),
        source,
    })?;
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let pattern = parse_pattern(line, schema).map_err(|message| SessionError::Patterns {
            path: path.to_owned(),
            line: i + 1,
            message,
        })?;
        out.push(pattern);
    }
    Ok(out)
}

/// Parses one line of a patterns file.
///
/// # Errors
/// A message saying what the line should look like.
pub fn parse_pattern(line: &str, schema: &Schema) -> Result<Pattern, String> {
    const SHAPE: &str = r#"write {"label":"ORG","pattern":"Hezbollah"} or {"label":"ORG","pattern":[{"lower":"etat"},{"lower":"islamique"}]}"#;
    let value: Value =
        serde_json::from_str(line).map_err(|e| format!("not JSON ({e}); {SHAPE}"))?;
    let label = value
        .get("label")
        .and_then(Value::as_str)
        .ok_or_else(|| format!("no \"label\"; {SHAPE}"))?;
    let Some(def) = schema.spans.labels.iter().find(|l| l.name == label) else {
        let names: Vec<&str> = schema
            .spans
            .labels
            .iter()
            .map(|l| l.name.as_str())
            .collect();
        return Err(format!(
            "label '{label}' is not in the schema ({})",
            names.join(", ")
        ));
    };
    let kind = match value.get("pattern") {
        Some(Value::String(s)) if !s.trim().is_empty() => PatternKind::Phrase(s.trim().to_owned()),
        Some(Value::Array(tokens)) if !tokens.is_empty() => token_pattern(tokens)?,
        _ => {
            return Err(format!(
                "\"pattern\" must be a non-empty string or list of tokens; {SHAPE}"
            ));
        }
    };
    Ok(Pattern {
        label: def.name.clone(),
        kind,
    })
}

fn token_pattern(tokens: &[Value]) -> Result<PatternKind, String> {
    let mut lower = Vec::new();
    let mut orth = Vec::new();
    for t in tokens {
        let obj = t.as_object().filter(|o| o.len() == 1).ok_or(
            "each token of a token pattern is an object with one key: {\"lower\":\"etat\"} or {\"orth\":\"Etat\"}",
        )?;
        for (key, v) in obj {
            let v = v
                .as_str()
                .filter(|v| !v.is_empty() && !v.contains(char::is_whitespace))
                .ok_or("a token value is one non-empty word without spaces")?;
            match key.to_ascii_lowercase().as_str() {
                "lower" => lower.push(v.to_lowercase()),
                "orth" | "text" => orth.push(v.to_owned()),
                other => {
                    return Err(format!(
                        "token key '{other}' is not supported; use lower or orth"
                    ));
                }
            }
        }
    }
    match (lower.is_empty(), orth.is_empty()) {
        (false, true) => Ok(PatternKind::Lower(lower)),
        (true, false) => Ok(PatternKind::Orth(orth)),
        _ => Err("a token pattern uses either lower or orth for all its tokens, not both".into()),
    }
}

/// What an annotator has accepted: span text -> label -> how often.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    entries: HashMap<String, HashMap<String, u32>>,
    version: u64,
}

impl Dictionary {
    /// Builds the dictionary from the accepted records of a log.
    pub fn from_records<'a>(records: impl IntoIterator<Item = &'a Record>) -> Self {
        let mut d = Self::default();
        for r in records {
            d.add(r);
        }
        d
    }

    /// Adds the spans of an accepted record.
    pub fn add(&mut self, record: &Record) {
        if record.status != Status::Accepted {
            return;
        }
        for span in &record.spans {
            self.add_span(&span.text, &span.label);
        }
    }

    /// Adds one accepted span (its text and label).
    pub fn add_span(&mut self, text: &str, label: &str) {
        let text = text.trim();
        if text.chars().count() < 2 {
            return;
        }
        let labels = match self.entries.get_mut(text) {
            Some(labels) => labels,
            None => self.entries.entry(text.to_owned()).or_default(),
        };
        match labels.get_mut(label) {
            Some(n) => *n += 1,
            None => {
                labels.insert(label.to_owned(), 1);
            }
        }
        self.version += 1;
    }

    /// Number of distinct texts.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether nothing has been accepted yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each text with its most frequent label (ties: the first name in order), sorted by text.
    fn best(&self) -> Vec<(&str, &str)> {
        let mut out: Vec<(&str, &str)> = self
            .entries
            .iter()
            .filter_map(|(text, labels)| {
                let best = labels
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))?;
                Some((text.as_str(), best.0.as_str()))
            })
            .collect();
        out.sort_unstable();
        out
    }
}

/// A compiled automaton and what each of its patterns stands for.
#[derive(Debug)]
struct Matcher {
    automaton: AhoCorasick,
    meaning: Vec<(String, SpanSource)>,
}

impl Matcher {
    fn build(entries: Vec<(String, String, SpanSource)>) -> Option<Self> {
        let mut seen = std::collections::HashSet::new();
        let mut strings = Vec::new();
        let mut meaning = Vec::new();
        // The first entry for a string wins: patterns come before the dictionary.
        for (s, label, source) in entries {
            if !s.is_empty() && seen.insert(s.clone()) {
                strings.push(s);
                meaning.push((label, source));
            }
        }
        if strings.is_empty() {
            return None;
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .build(&strings)
            .ok()?;
        Some(Self { automaton, meaning })
    }

    /// The longest pattern that starts exactly at `at`, as (end, pattern index).
    fn at(&self, haystack: &str, at: usize) -> Option<(usize, usize)> {
        let input = Input::new(haystack).range(at..).anchored(Anchored::Yes);
        let m = self.automaton.try_find(input).ok()??;
        Some((m.end(), m.pattern().as_usize()))
    }
}

/// A candidate match, code point offsets.
struct Candidate {
    start: usize,
    end: usize,
    label: String,
    source: SpanSource,
}

/// Finds suggestions in documents from patterns and a dictionary.
#[derive(Debug)]
pub struct Suggester {
    patterns: Vec<Pattern>,
    dictionary: Dictionary,
    built_for: Option<u64>,
    text: Option<Matcher>,
    lower: Option<Matcher>,
    orth: Option<Matcher>,
}

impl Suggester {
    /// A suggester over these patterns and this dictionary.
    #[must_use]
    pub fn new(patterns: Vec<Pattern>, dictionary: Dictionary) -> Self {
        Self {
            patterns,
            dictionary,
            built_for: None,
            text: None,
            lower: None,
            orth: None,
        }
    }

    /// Number of patterns.
    #[must_use]
    pub fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The dictionary (to grow it after an accept).
    pub fn dictionary_mut(&mut self) -> &mut Dictionary {
        &mut self.dictionary
    }

    /// The dictionary.
    #[must_use]
    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    fn rebuild(&mut self) {
        if self.built_for == Some(self.dictionary.version) {
            return;
        }
        let mut text = Vec::new();
        let mut lower = Vec::new();
        let mut orth = Vec::new();
        for p in &self.patterns {
            let label = p.label.clone();
            match &p.kind {
                PatternKind::Phrase(s) => text.push((s.clone(), label, SpanSource::Pattern)),
                PatternKind::Lower(t) => lower.push((t.join(" "), label, SpanSource::Pattern)),
                PatternKind::Orth(t) => orth.push((t.join(" "), label, SpanSource::Pattern)),
            }
        }
        for (t, label) in self.dictionary.best() {
            text.push((t.to_owned(), label.to_owned(), SpanSource::Dictionary));
        }
        self.text = Matcher::build(text);
        self.lower = Matcher::build(lower);
        self.orth = Matcher::build(orth);
        self.built_for = Some(self.dictionary.version);
    }

    /// Suggestions for a document, grouped by text and label, in text order.
    /// Labels the schema does not have are left out.
    pub fn suggest(
        &mut self,
        view: &DocView,
        zones: &[ZoneSpan],
        schema: &Schema,
    ) -> Vec<Suggestion> {
        self.suggest_with(view, zones, schema, &[])
    }

    /// [`Suggester::suggest`], with `predicted` spans too (another
    /// annotator's, typically a model's, on this text), suggested with
    /// source `model` where they are on token boundaries.
    pub fn suggest_with(
        &mut self,
        view: &DocView,
        zones: &[ZoneSpan],
        schema: &Schema,
        predicted: &[annot_model::Span],
    ) -> Vec<Suggestion> {
        self.rebuild();
        let mut found = Vec::new();
        found.extend(
            predicted
                .iter()
                .filter(|s| view.is_aligned(s.start, s.end) && view.slice(s.start, s.end) == s.text)
                .map(|s| Candidate {
                    start: s.start,
                    end: s.end,
                    label: s.label.clone(),
                    source: SpanSource::Model,
                }),
        );
        if let Some(m) = &self.text {
            found.extend(match_text(m, view));
        }
        if let Some(m) = &self.lower {
            found.extend(match_tokens(m, view, true));
        }
        if let Some(m) = &self.orth {
            found.extend(match_tokens(m, view, false));
        }
        // Leftmost, then longest, then patterns before the dictionary.
        found.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(a.source.cmp(&b.source))
        });
        let mut groups: Vec<Suggestion> = Vec::new();
        let mut taken_until = 0;
        for c in found {
            if c.start < taken_until
                || schema.spans.labels.iter().all(|l| l.name != c.label)
                || zone_at(zones, c.start) == Some(&Zone::Boilerplate)
                || (c.source != SpanSource::Model && part_of_a_longer_name(view, c.start, c.end))
            {
                continue;
            }
            taken_until = c.end;
            let text = view.slice(c.start, c.end);
            match groups
                .iter_mut()
                .find(|g| g.label == c.label && g.source == c.source && g.text == text)
            {
                Some(g) => g.occurrences.push((c.start, c.end)),
                None => groups.push(Suggestion {
                    number: groups.len() + 1,
                    label: c.label,
                    text: text.to_owned(),
                    source: c.source,
                    occurrences: vec![(c.start, c.end)],
                }),
            }
        }
        groups
    }
}

/// Whether `[start, end)` is the start or end of a longer capitalised name:
/// `Liban` in `Liban-Nord` or `Nord-Liban`, `Laurent` in `Laurent Vidal`.
/// Offering the part would mark half a name.
fn part_of_a_longer_name(view: &DocView, start: usize, end: usize) -> bool {
    let capital = |i: usize| {
        view.tokens.get(i).is_some_and(|t| {
            view.slice(t.start, t.end)
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
    };
    let is_hyphen = |i: usize| {
        view.tokens
            .get(i)
            .is_some_and(|t| matches!(view.slice(t.start, t.end), "-" | "‐" | "‑"))
    };
    let first_capital = view
        .slice(start, end)
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    if !first_capital {
        return false;
    }
    let next = view.tokens.partition_point(|t| t.start < end);
    if let Some(t) = view.tokens.get(next) {
        let attached = t.start == end;
        if attached
            && is_hyphen(next)
            && view.tokens.get(next + 1).is_some_and(|u| u.start == t.end)
            && capital(next + 1)
        {
            return true;
        }
        if t.start == end + 1 && view.slice(end, t.start) == " " && capital(next) {
            return true;
        }
    }
    let before = view.tokens.partition_point(|t| t.end <= start);
    if before >= 2 {
        let h = &view.tokens[before - 1];
        let w = &view.tokens[before - 2];
        if h.end == start && is_hyphen(before - 1) && w.end == h.start && capital(before - 2) {
            return true;
        }
    }
    false
}

fn zone_at(zones: &[ZoneSpan], pos: usize) -> Option<&Zone> {
    zones
        .iter()
        .find(|z| z.start <= pos && pos < z.end)
        .map(|z| &z.zone)
}

fn match_text(m: &Matcher, view: &DocView) -> Vec<Candidate> {
    let text = view.doc.text.as_str();
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.tokens.len() {
        let tok = view.tokens[i];
        let hit = view
            .to_bytes(tok.start, tok.end)
            .and_then(|(b, _)| m.at(text, b));
        if let Some((end_byte, pat)) = hit
            && let Some(end) = view.to_char(end_byte)
            && let Some(last) = view.token_ending_at(end)
            && last >= i
        {
            let (label, source) = m.meaning[pat].clone();
            out.push(Candidate {
                start: tok.start,
                end,
                label,
                source,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Matches token patterns against the tokens joined by single spaces.
fn match_tokens(m: &Matcher, view: &DocView, lower: bool) -> Vec<Candidate> {
    let mut stream = String::new();
    let mut starts = Vec::with_capacity(view.tokens.len());
    let mut ends = Vec::with_capacity(view.tokens.len());
    for t in &view.tokens {
        if !stream.is_empty() {
            stream.push(' ');
        }
        starts.push(stream.len());
        let s = view.slice(t.start, t.end);
        if lower {
            stream.push_str(&s.to_lowercase());
        } else {
            stream.push_str(s);
        }
        ends.push(stream.len());
    }
    let mut out = Vec::new();
    let mut i = 0;
    while i < starts.len() {
        if let Some((end, pat)) = m.at(&stream, starts[i])
            && let Ok(last) = ends.binary_search(&end)
        {
            let (label, source) = m.meaning[pat].clone();
            out.push(Candidate {
                start: view.tokens[i].start,
                end: view.tokens[last].end,
                label,
                source,
            });
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
#[path = "suggest_tests.rs"]
mod tests;
