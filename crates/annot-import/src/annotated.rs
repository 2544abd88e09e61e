//! Annotated inputs: what every reader of another tool's annotations shares.
//!
//! A reader of an annotated format (Prodigy, doccano, Label Studio, brat,
//! CoNLL, annot's own JSONL) turns each document of its input into an
//! `AnnotatedIn`: the text as the file has it, its id and metadata, and one
//! `AnnotationIn` for each annotator's decision on it, with spans as the
//! file states them (`SpanIn`). `annotated_events` then does, in one
//! place for every format, what makes those annotations safe to keep:
//!
//! - the text is normalised as every imported text is (line ends, NFC), and
//!   each span's offsets are carried onto the normalised text (a boundary
//!   inside a `\r\n` pair or a combining sequence is refused);
//! - every span is checked against the text: offsets in range, in code
//!   points, and the span's stated text equal to `text[start:end]`; offsets
//!   that may be UTF-16 code units (Label Studio before 2021) are read both
//!   ways and the reading whose text matches is taken, and reported;
//! - each decision becomes a [`Record`] of the document, its annotator and
//!   schema filled in by the import into a project
//!   ([`crate::project::import_into`]), which checks the labels against the
//!   schema and writes the records.
//!
//! A span that fails a check refuses the import, or with `skip_bad` is left
//! out (listed in the report) while its record keeps the other spans.
//! Offsets that may be UTF-16 are read one way for all spans of a decision.

use std::collections::{BTreeMap, HashMap, HashSet};

use annot_model::offsets::OffsetMap;
use annot_model::{Record, Span, SpanSource, Status};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::article::record_document;
use crate::decode::normalize;
use crate::error::{Diagnostic, ErrorKind, ImportError};
use crate::input::ImportOptions;
use crate::meta::RecordMeta;
use crate::readers::{Event, Item};

/// The document-label layer that means "the layer of the schema that has this
/// value": formats such as Prodigy's `label` + `answer` name a value only.
pub const ANY_LAYER: &str = "";

/// How a format counts its offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Units {
    /// Unicode code points (Python's `str` indices).
    CodePoints,
    /// Code points or UTF-16 code units: read both ways, the one whose text
    /// matches the span's stated text is taken (code points first).
    CodePointsOrUtf16,
}

/// How the offsets of one decision are read, when they may be UTF-16.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    CodePoints,
    Utf16,
}

/// One span as a file states it, before it is checked.
#[derive(Debug, Clone)]
pub(crate) struct SpanIn {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) label: String,
    /// The text the file says the span covers, when it says.
    pub(crate) text: Option<String>,
    pub(crate) units: Units,
    /// Kept even when an earlier span of the record is the same (brat's
    /// discontinuous spans with one covering extent are distinct annotations).
    pub(crate) keep_repeats: bool,
    /// Where the file states the span, when the document's location does
    /// not say (brat's `line 3: T3`), for messages.
    pub(crate) at: Option<String>,
}

impl SpanIn {
    /// A span in code points, without stated text.
    pub(crate) fn new(start: usize, end: usize, label: impl Into<String>) -> Self {
        Self {
            start,
            end,
            label: label.into(),
            text: None,
            units: Units::CodePoints,
            keep_repeats: false,
            at: None,
        }
    }

    /// `at` as a message's prefix.
    fn at_name(&self) -> String {
        self.at
            .as_ref()
            .map_or_else(String::new, |a| format!("{a}: "))
    }

    /// The span with the text the file states for it.
    #[must_use]
    pub(crate) fn with_text(mut self, text: Option<String>) -> Self {
        self.text = text;
        self
    }
}

/// One annotator's decision on a document, as a file states it.
#[derive(Debug, Clone)]
pub(crate) struct AnnotationIn {
    /// The annotator the file names (`completed_by`, a per-user file); `None`
    /// takes the import's `--as`.
    pub(crate) annotator: Option<String>,
    pub(crate) status: Status,
    pub(crate) spans: Vec<SpanIn>,
    /// Spans the annotator rejected (a suggestion answered reject): checked
    /// like the others, kept in the record's `rejected_spans`.
    pub(crate) rejected: Vec<SpanIn>,
    /// Document labels: layer (or [`ANY_LAYER`]) -> values.
    pub(crate) labels: BTreeMap<String, Vec<String>>,
    pub(crate) note: Option<String>,
    /// RFC 3339 time of the decision when the file gives it.
    pub(crate) at: Option<String>,
    /// Milliseconds spent, when the file gives them.
    pub(crate) ms: u64,
    /// What the record keeps that annot does not model yet (`relations`, a
    /// tool's hashes), as extra keys of the record.
    pub(crate) extra: Map<String, Value>,
}

impl AnnotationIn {
    /// An accepted decision with no spans, labels or extra keys.
    pub(crate) fn new(status: Status) -> Self {
        Self {
            annotator: None,
            status,
            spans: Vec::new(),
            rejected: Vec::new(),
            labels: BTreeMap::new(),
            note: None,
            at: None,
            ms: 0,
            extra: Map::new(),
        }
    }
}

/// One document of an annotated input, with its annotations.
#[derive(Debug)]
pub(crate) struct AnnotatedIn {
    /// `file:line` (or `file`, `file: task N`) where the document is.
    pub(crate) location: String,
    pub(crate) id: Option<String>,
    /// The text as the file has it (not yet normalised): offsets refer to it.
    pub(crate) text: String,
    /// The field the text was in, for messages.
    pub(crate) text_field: String,
    pub(crate) meta: RecordMeta,
    pub(crate) annotations: Vec<AnnotationIn>,
    /// What the reader converted on its own (brat's discontinuous spans,
    /// relations not modelled), to be reported.
    pub(crate) conversions: Vec<(ConversionKind, String)>,
    /// Warnings about the document (an encoding guessed).
    pub(crate) warnings: Vec<String>,
}

/// What an import converted, by kind (the report counts each kind).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ConversionKind {
    /// Offsets counted in UTF-16 code units, converted to code points.
    Utf16Offsets,
    /// Offsets carried onto the normalised text (`\r\n` -> `\n`, NFC).
    NormalizedText,
    /// A discontinuous span imported as the span covering its fragments.
    DiscontinuousSpan,
    /// Relations (or events) kept in the record, not yet modelled.
    RelationsKept,
    /// Annotations of a kind annot does not model, not imported.
    NotModelled,
    /// Rejected span suggestions (Prodigy's span-level `answer`), kept in
    /// the record's `rejected_spans`.
    RejectedSpans,
    /// Exact duplicate spans imported once.
    DuplicateSpans,
}

impl ConversionKind {
    /// What the kind is, in the report's words.
    #[must_use]
    pub fn describe(self) -> &'static str {
        match self {
            Self::Utf16Offsets => "UTF-16 offsets converted to code points",
            Self::NormalizedText => "offsets moved onto the normalised text (CRLF, NFC)",
            Self::DiscontinuousSpan => "discontinuous spans imported as their covering span",
            Self::RelationsKept => "relations kept in the record (not yet modelled)",
            Self::NotModelled => "annotations not modelled, not imported",
            Self::RejectedSpans => "rejected span suggestions kept as rejected_spans",
            Self::DuplicateSpans => "duplicate spans imported once",
        }
    }
}

/// One conversion, where it happened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversion {
    pub kind: ConversionKind,
    /// `file:line` and document.
    pub source: String,
    pub message: String,
}

/// The events of one annotated document: warnings, conversions, refusals,
/// and its item (or the failure that stopped it).
pub(crate) fn annotated_events(a: AnnotatedIn, source: &str, opts: &ImportOptions) -> Vec<Event> {
    let mut events: Vec<Event> = a
        .warnings
        .iter()
        .map(|w| Event::Warning(Diagnostic::new(&a.location, w.clone())))
        .collect();
    let normalized = normalize(&a.text).into_owned();
    if normalized.trim().is_empty() {
        let kind = ErrorKind::EmptyText {
            field: a.text_field.clone(),
        };
        events.push(Event::Failure(ImportError::new(&a.location, kind).into()));
        return events;
    }
    if normalized.len() > opts.max_doc_bytes {
        let kind = ErrorKind::TooLarge {
            bytes: normalized.len(),
            limit: opts.max_doc_bytes,
        };
        events.push(Event::Failure(ImportError::new(&a.location, kind).into()));
        return events;
    }
    let digest_id = a.id.is_none();
    let (doc, warning) = record_document(a.id, normalized, a.meta, source, opts.lang);
    events.extend(warning.map(|w| Event::Warning(Diagnostic::new(&a.location, w))));
    let at = format!("{} (document '{}')", a.location, doc.id);
    for (kind, message) in a.conversions {
        events.push(Event::Conversion(Conversion {
            kind,
            source: at.clone(),
            message,
        }));
    }
    let carry = Carrier::new(&a.text, &doc.text);
    let mut records = Vec::with_capacity(a.annotations.len());
    for ann in a.annotations {
        match record_of(ann, &doc, &carry, opts) {
            Ok(made) => {
                events.extend(
                    made.warnings
                        .into_iter()
                        .map(|w| Event::Warning(Diagnostic::new(&at, w))),
                );
                events.extend(made.conversions.into_iter().map(|(kind, message)| {
                    Event::Conversion(Conversion {
                        kind,
                        source: at.clone(),
                        message,
                    })
                }));
                events.extend(
                    made.left_out
                        .into_iter()
                        .map(|m| Event::Refusal(Diagnostic::new(&at, m))),
                );
                records.extend(made.record);
            }
            Err(problems) => {
                for problem in problems {
                    let d = Diagnostic::new(&at, problem);
                    events.push(if opts.skip_bad {
                        Event::Refusal(d)
                    } else {
                        Event::Failure(d)
                    });
                }
            }
        }
    }
    events.push(Event::Item {
        item: Box::new(Item {
            document: doc,
            records,
            repeat_of: None,
            location: String::new(),
        }),
        location: a.location,
        digest_id,
    });
    events
}

/// The fix named after every span problem.
const SPAN_FIX: &str = "fix the span in the file, or import with --skip-bad to leave this span \
                        out (the record keeps its other spans, and what was left out is listed)";

/// What [`record_of`] made of one decision.
struct Made {
    /// `None` when every span was left out.
    record: Option<Record>,
    conversions: Vec<(ConversionKind, String)>,
    /// Spans left out (with `skip_bad`), in the report's words.
    left_out: Vec<String>,
    warnings: Vec<String>,
}

/// A record of `doc` from one decision, with what was converted; or why not.
/// With `skip_bad`, a bad span is left out (and listed), the record keeps
/// the others.
fn record_of(
    ann: AnnotationIn,
    doc: &annot_model::Document,
    carry: &Carrier<'_>,
    opts: &ImportOptions,
) -> Result<Made, Vec<String>> {
    let fix = if opts.skip_bad {
        "this span is left out (the record keeps its other spans)"
    } else {
        SPAN_FIX
    };
    // The annotator the file names, in messages (not when `--as` names one for all).
    let who = match (&opts.annotator, &ann.annotator) {
        (None, Some(a)) => format!(" (annotator '{a}')"),
        _ => String::new(),
    };
    let mut conversions = Vec::new();
    let mut warnings = Vec::new();
    let mut left_out = Vec::new();
    let mut bad: Vec<String> = Vec::new();
    // One reading of offsets for the whole decision (code points or UTF-16).
    let all: Vec<&SpanIn> = ann.spans.iter().chain(&ann.rejected).collect();
    let reading = carry.reading(&all);
    warnings.extend(carry.utf16_hint(&all));
    // The offsets read on the text as the file has it, then carried onto the
    // normalised text all at once; a bad span is an error, or left out.
    let mut read = |list: Vec<SpanIn>, what: &str| -> Vec<(SpanIn, usize, usize, Converted)> {
        let mut out = Vec::with_capacity(list.len());
        for s in list {
            match carry.offsets(&s, reading) {
                Ok((start, end, conversion, warning)) => {
                    warnings.extend(warning.map(|w| format!("{what}{}{w}{who}", s.at_name())));
                    out.push((s, start, end, conversion));
                }
                Err(e) => bad.push(format!("{what}{}{e}{who}: {fix}", s.at_name())),
            }
        }
        out
    };
    let kept = read(ann.spans, "");
    let refused = read(ann.rejected, "rejected ");
    let had_spans = !kept.is_empty() || !bad.is_empty();
    let boundaries =
        carry.stable_boundaries(kept.iter().chain(&refused).flat_map(|&(_, s, e, _)| [s, e]));
    let mut place = |list: Vec<(SpanIn, usize, usize, Converted)>,
                     what: &str|
     -> Vec<(SpanIn, Span, Converted)> {
        let mut out = Vec::with_capacity(list.len());
        for (s, start, end, conversion) in list {
            match carry.place(&s.label, start, end, conversion, boundaries.as_ref()) {
                Ok((span, conversion)) => out.push((s, span, conversion)),
                Err(e) => bad.push(format!("{what}{}{e}{who}: {fix}", s.at_name())),
            }
        }
        out
    };
    let kept = place(kept, "");
    let refused = place(refused, "rejected ");
    // Every bad span of the decision is named, not only the first.
    if opts.skip_bad {
        left_out.append(&mut bad);
    } else if !bad.is_empty() {
        return Err(bad);
    }
    if had_spans && kept.is_empty() && refused.is_empty() && ann.labels.is_empty() {
        // Every span left out: a record without them would claim a decision
        // the file did not make.
        left_out.push(format!(
            "every span of this annotation{who} is left out, so is its record"
        ));
        return Ok(Made {
            record: None,
            conversions,
            left_out,
            warnings,
        });
    }
    let mut spans: Vec<Span> = Vec::with_capacity(kept.len());
    // The spans kept so far, to find repeats in constant time (a CoNLL file
    // without -DOCSTART- is one document of many thousands of spans).
    let mut seen: HashSet<Span> = HashSet::with_capacity(kept.len());
    let mut duplicates = 0usize;
    for (s, span, conversion) in kept {
        conversions.extend(conversion);
        if !s.keep_repeats && seen.contains(&span) {
            duplicates += 1;
        } else {
            seen.insert(span.clone());
            spans.push(span);
        }
    }
    if duplicates > 0 {
        conversions.push((
            ConversionKind::DuplicateSpans,
            format!("{duplicates} span(s) given twice{who}, imported once"),
        ));
    }
    spans.sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
    let mut extra = ann.extra;
    if !refused.is_empty() {
        let mut rejected = Vec::with_capacity(refused.len());
        for (_, span, conversion) in refused {
            conversions.extend(conversion);
            rejected.push(span);
        }
        conversions.push((
            ConversionKind::RejectedSpans,
            format!(
                "{} span(s) answered reject{who}, kept in the record's rejected_spans",
                rejected.len()
            ),
        ));
        add_rejected(&mut extra, rejected);
    }
    let record = Record {
        doc: doc.id.clone(),
        hash: doc.hash.clone(),
        // The file's annotator, so that the records' checks know who the
        // file says answered; `--as` replaces it there.
        annotator: ann
            .annotator
            .or_else(|| opts.annotator.clone())
            .unwrap_or_default(),
        schema: String::new(),
        status: ann.status,
        // No time in the source: the log stamps it when it is written (`records::plan`).
        at: ann.at.unwrap_or_default(),
        ms: ann.ms,
        spans,
        labels: ann.labels,
        zones: None,
        note: ann.note,
        extra,
    };
    Ok(Made {
        record: Some(record),
        conversions,
        left_out,
        warnings,
    })
}

/// The record key of rejected spans.
pub(crate) const REJECTED_SPANS: &str = "rejected_spans";

/// The record key of rejected document labels (Prodigy's binary `label`
/// answered reject).
pub(crate) const REJECTED_LABELS: &str = "rejected_labels";

/// Adds `spans` to the record's `rejected_spans` (each once).
pub(crate) fn add_rejected(extra: &mut Map<String, Value>, spans: Vec<Span>) {
    if spans.is_empty() {
        return;
    }
    let list = extra
        .entry(REJECTED_SPANS)
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = list {
        // Values are not hashable: their JSON text is, and is the same for equal values.
        let mut seen: HashSet<String> = list.iter().map(Value::to_string).collect();
        for s in spans {
            if let Ok(v) = serde_json::to_value(s)
                && seen.insert(v.to_string())
            {
                list.push(v);
            }
        }
    }
}

/// The most passes over a text [`Carrier::stable_boundaries`] makes.
const MAX_BOUNDARY_PASSES: usize = 128;

/// What reading a span converted, if anything, and how it says so.
type Converted = Option<(ConversionKind, String)>;

/// Carries spans stated on the text as the file has it onto the normalised text.
struct Carrier<'a> {
    raw: &'a str,
    raw_map: OffsetMap,
    norm: &'a str,
    norm_map: OffsetMap,
    /// `raw == norm`, compared once: it is asked for every span.
    same: bool,
    /// UTF-16 offset -> code point offset of the raw text, for offsets that
    /// may be UTF-16 code units; built when a span needs it.
    utf16: std::cell::OnceCell<Vec<Option<usize>>>,
}

impl<'a> Carrier<'a> {
    fn new(raw: &'a str, norm: &'a str) -> Self {
        let same = raw == norm;
        Self {
            raw,
            raw_map: OffsetMap::new(raw),
            norm,
            norm_map: if same {
                OffsetMap::new("")
            } else {
                OffsetMap::new(norm)
            },
            same,
            utf16: std::cell::OnceCell::new(),
        }
    }

    /// Where each of `points` (code point offsets of the raw text) is in the
    /// normalised text, when normalising the text piece by piece between
    /// them gives the normalised text (no point inside a `\r\n` or a
    /// combining sequence): one pass over the text whatever the number of
    /// spans. `None` when the text needs no normalising, or when some point
    /// is unstable (each span is then placed on its own, by [`Carrier::place`]).
    fn boundaries(&self, points: impl Iterator<Item = usize>) -> Option<HashMap<usize, usize>> {
        if self.same {
            return None;
        }
        let mut points: Vec<usize> = points.collect();
        points.sort_unstable();
        points.dedup();
        let mut out = HashMap::with_capacity(points.len());
        let mut normalized = String::with_capacity(self.norm.len());
        let mut chars = 0usize;
        let mut from = 0usize;
        for p in points {
            let to = self.raw_map.to_byte(p)?;
            let piece = normalize(&self.raw[from..to]);
            chars += piece.chars().count();
            normalized.push_str(&piece);
            out.insert(p, chars);
            from = to;
        }
        normalized.push_str(&normalize(&self.raw[from..]));
        (normalized == self.norm).then_some(out)
    }

    /// [`Carrier::boundaries`] of as many of `points` as are stable: when
    /// some are not, the points are halved until the unstable ones are
    /// alone, and left out (their spans are placed on their own, each at the
    /// cost of normalising the text before it). A bounded number of passes:
    /// one unstable point among many spans no longer makes every span pay
    /// for a pass over the text.
    fn stable_boundaries(
        &self,
        points: impl Iterator<Item = usize>,
    ) -> Option<HashMap<usize, usize>> {
        if self.same {
            return None;
        }
        let mut points: Vec<usize> = points.collect();
        points.sort_unstable();
        points.dedup();
        let mut passes = MAX_BOUNDARY_PASSES;
        let mut out = HashMap::with_capacity(points.len());
        let mut pending = vec![points.as_slice()];
        while let Some(part) = pending.pop() {
            if part.is_empty() || passes == 0 {
                continue;
            }
            passes -= 1;
            match self.boundaries(part.iter().copied()) {
                Some(found) => out.extend(found),
                None if part.len() > 1 => {
                    let (a, b) = part.split_at(part.len() / 2);
                    pending.extend([b, a]);
                }
                None => {}
            }
        }
        Some(out)
    }

    /// A span read at `[start, end)` of the raw text, carried onto the
    /// normalised text (through `boundaries` when they are known).
    fn place(
        &self,
        label: &str,
        start: usize,
        end: usize,
        conversion: Converted,
        boundaries: Option<&HashMap<usize, usize>>,
    ) -> Result<(Span, Converted), String> {
        let (bs, be) = self
            .raw_map
            .to_bytes(start, end)
            .ok_or_else(|| format!("span {label} [{start}, {end}) is outside the text"))?;
        let span = |start: usize, end: usize, text: &str| Span {
            start,
            end,
            label: label.to_owned(),
            text: text.to_owned(),
            source: Some(SpanSource::Import),
        };
        if self.same {
            return Ok((span(start, end, &self.raw[bs..be]), conversion));
        }
        let (ns, ne) = match boundaries.and_then(|b| Some((*b.get(&start)?, *b.get(&end)?))) {
            Some(known) => known,
            None => {
                // Normalising the text before and in the span must give the
                // start of the normalised text: else a boundary falls inside
                // a CRLF pair or a combining sequence, and the span has no
                // place in the normalised text.
                let before = normalize(&self.raw[..bs]);
                let inside = normalize(&self.raw[bs..be]);
                let ok = self.norm.starts_with(before.as_ref())
                    && self.norm[before.len()..].starts_with(inside.as_ref());
                let ns = self.norm_map.to_char(before.len());
                let ne = self.norm_map.to_char(before.len() + inside.len());
                match (ok, ns, ne) {
                    (true, Some(ns), Some(ne)) => (ns, ne),
                    _ => return Err(unplaceable(label, start, end)),
                }
            }
        };
        let text = match self.norm_map.to_bytes(ns, ne) {
            Some((a, b)) if ns < ne => &self.norm[a..b],
            _ => return Err(unplaceable(label, start, end)),
        };
        let moved = (ns, ne) != (start, end);
        let conversion = conversion.or_else(|| {
            moved.then(|| {
                (
                    ConversionKind::NormalizedText,
                    format!("span {label} [{start}, {end}) is [{ns}, {ne}) in the normalised text"),
                )
            })
        });
        Ok((span(ns, ne, text), conversion))
    }

    /// The code point range of the raw text a UTF-16 range is, if it is one.
    fn utf16_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let table = self.utf16.get_or_init(|| utf16_table(self.raw));
        let to_cp = |u: usize| table.get(u).copied().flatten();
        Some((to_cp(start)?, to_cp(end)?))
    }

    /// Whether `[start, end)` of the raw text is on token edges: no white
    /// space at either end, not cutting a word.
    fn on_tokens(&self, start: usize, end: usize) -> bool {
        let Some((bs, be)) = self.raw_map.to_bytes(start, end) else {
            return false;
        };
        let inner = &self.raw[bs..be];
        let (Some(first), Some(last)) = (inner.chars().next(), inner.chars().next_back()) else {
            return false;
        };
        let before = self.raw[..bs].chars().next_back();
        let after = self.raw[be..].chars().next();
        let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let cut_before = word(before) && first.is_alphanumeric();
        let cut_after = word(after) && last.is_alphanumeric();
        !(first.is_whitespace() || last.is_whitespace() || cut_before || cut_after)
    }

    /// How the offsets of one decision's spans that may be UTF-16 are read:
    /// the one reading the spans' stated texts (else, for spans without,
    /// token edges) decide, for all of them; code points when nothing
    /// decides (Label Studio's since 2021). `None` means undecided.
    fn reading(&self, spans: &[&SpanIn]) -> Option<Reading> {
        let (mut stated, mut edges) = ([0usize; 2], [0usize; 2]);
        for s in spans.iter().filter(|s| s.units == Units::CodePointsOrUtf16) {
            let utf16 = self.utf16_range(s.start, s.end);
            if utf16 == Some((s.start, s.end)) {
                continue;
            }
            let cp = self.check(s.start, s.end, s).is_ok();
            let u = utf16.is_some_and(|(a, b)| self.check(a, b, s).is_ok());
            let votes = if s.text.is_some() {
                (cp, u, &mut stated)
            } else {
                let cp = cp && self.on_tokens(s.start, s.end);
                let u = u && utf16.is_some_and(|(a, b)| self.on_tokens(a, b));
                (cp, u, &mut edges)
            };
            match votes {
                (true, false, v) => v[0] += 1,
                (false, true, v) => v[1] += 1,
                _ => {}
            }
        }
        match (stated, edges) {
            ([c, u], _) if c + u > 0 => Some(if u > c {
                Reading::Utf16
            } else {
                Reading::CodePoints
            }),
            (_, [c, 0]) if c > 0 => Some(Reading::CodePoints),
            (_, [0, u]) if u > 0 => Some(Reading::Utf16),
            _ => None,
        }
    }

    /// A warning when spans in code points without stated text (doccano's)
    /// cut words or end in white space, and read as UTF-16 code units all
    /// would fall on token edges: the file may count UTF-16 (doccano did
    /// before its 2019 fix).
    fn utf16_hint(&self, spans: &[&SpanIn]) -> Option<String> {
        let plain: Vec<&&SpanIn> = spans
            .iter()
            .filter(|s| s.units == Units::CodePoints && s.text.is_none())
            .collect();
        if plain.is_empty() || self.raw.chars().all(|c| c.len_utf16() == 1) {
            return None;
        }
        let off: Vec<&&&SpanIn> = plain
            .iter()
            .filter(|s| !self.on_tokens(s.start, s.end))
            .collect();
        let all_fit = plain.iter().all(|s| {
            self.utf16_range(s.start, s.end)
                .is_some_and(|(a, b)| self.on_tokens(a, b))
        });
        (!off.is_empty() && all_fit).then(|| {
            let list: Vec<String> = off
                .iter()
                .map(|s| format!("{} [{}, {})", s.label, s.start, s.end))
                .collect();
            format!(
                "{} span(s) ({}) do not fall on token edges (they cut a word or end in white \
                 space), and every span would if the offsets counted UTF-16 code units, as \
                 doccano did before its 2019 fix: the text has characters outside the Basic \
                 Multilingual Plane (emoji) before them; check the file, and re-export it from \
                 a recent version",
                off.len(),
                list.join(", ")
            )
        })
    }

    /// The span's code point offsets in the raw text, checked against its
    /// stated text, the conversion made to read them, and a warning when the
    /// reading could not be decided; offsets that may be UTF-16 are read as
    /// `reading` says (each span with stated text as its text says).
    fn offsets(
        &self,
        s: &SpanIn,
        reading: Option<Reading>,
    ) -> Result<(usize, usize, Converted, Option<String>), String> {
        let as_code_points = self.check(s.start, s.end, s);
        if s.units == Units::CodePoints {
            return as_code_points.map(|()| (s.start, s.end, None, None));
        }
        let utf16 = self
            .utf16_range(s.start, s.end)
            .filter(|&(a, b)| self.check(a, b, s).is_ok());
        let converted = |(cs, ce): (usize, usize)| {
            let message = format!(
                "span {} [{}, {}) in UTF-16 code units is [{cs}, {ce}) in code points",
                s.label, s.start, s.end
            );
            (cs, ce, Some((ConversionKind::Utf16Offsets, message)))
        };
        let same = utf16 == Some((s.start, s.end));
        let take = match (reading, as_code_points.is_ok(), utf16) {
            _ if same => return Ok((s.start, s.end, None, None)),
            (Some(Reading::Utf16), _, Some(u)) | (_, false, Some(u)) => converted(u),
            (_, true, _) => (s.start, s.end, None),
            (_, false, None) => {
                let e = as_code_points.err().unwrap_or_default();
                return Err(format!(
                    "{e}, and read as UTF-16 code units it does not match either"
                ));
            }
        };
        // Without stated text and two readings, one decided by nothing.
        let warning = (s.text.is_none() && reading.is_none() && utf16.is_some()).then(|| {
            let other = match take.2 {
                Some(_) => (s.start, s.end),
                None => utf16.unwrap_or_default(),
            };
            format!(
                "span {} [{}, {}) states no text, and its offsets read as code points and as \
                 UTF-16 code units give different text (characters outside the Basic \
                 Multilingual Plane come before it): read as {} \"{}\" (the other reading is \
                 [{}, {}) \"{}\"); check it, or export with the span's text (value.text)",
                s.label,
                s.start,
                s.end,
                if take.2.is_some() {
                    "UTF-16"
                } else {
                    "code points"
                },
                self.slice(take.0, take.1),
                other.0,
                other.1,
                self.slice(other.0, other.1)
            )
        });
        Ok((take.0, take.1, take.2, warning))
    }

    /// The raw text in a code point range (empty outside it).
    fn slice(&self, start: usize, end: usize) -> &str {
        self.raw_map
            .to_bytes(start, end)
            .map_or("", |(a, b)| &self.raw[a..b])
    }

    /// Checks a code point range of the raw text against the span's stated text.
    fn check(&self, start: usize, end: usize, s: &SpanIn) -> Result<(), String> {
        let text = match &s.text {
            Some(t) => t.clone(),
            None => match self.raw_map.to_bytes(start, end) {
                Some((bs, be)) => self.raw[bs..be].to_owned(),
                None => String::new(),
            },
        };
        let span = Span {
            start,
            end,
            label: s.label.clone(),
            text,
            source: None,
        };
        span.check(self.raw, &self.raw_map)
            .map_err(|e| e.to_string())
    }
}

/// Why a span has no place in the normalised text.
fn unplaceable(label: &str, start: usize, end: usize) -> String {
    format!(
        "span {label} [{start}, {end}) starts or ends inside a line end \\r\\n or a character \
         with combining marks, so it has no place in the text as annot keeps it (line ends as \
         \\n, Unicode NFC)"
    )
}

/// For each UTF-16 offset of `text`, the code point offset there (`None`
/// inside a surrogate pair); one past the end included.
fn utf16_table(text: &str) -> Vec<Option<usize>> {
    let mut table = Vec::with_capacity(text.len() + 1);
    for (i, c) in text.chars().enumerate() {
        table.push(Some(i));
        if c.len_utf16() == 2 {
            table.push(None);
        }
    }
    table.push(Some(text.chars().count()));
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    fn carry(raw: &str, s: SpanIn) -> Result<(Span, Converted), String> {
        let norm = normalize(raw).into_owned();
        let c = Carrier::new(raw, &norm);
        let (start, end, conversion, _) = c.offsets(&s, c.reading(&[&s]))?;
        let slow = c.place(&s.label, start, end, conversion.clone(), None);
        let boundaries = c.boundaries([start, end].into_iter());
        let fast = c.place(&s.label, start, end, conversion, boundaries.as_ref());
        assert_eq!(slow, fast, "both ways of carrying agree");
        slow
    }

    #[test]
    fn code_points_after_emoji() {
        let t = "🎉 Fête à Paris";
        let (s, c) = carry(t, SpanIn::new(9, 14, "LOC").with_text(Some("Paris".into()))).unwrap();
        assert_eq!((s.start, s.end, s.text.as_str()), (9, 14, "Paris"));
        assert!(c.is_none());
    }

    #[test]
    fn utf16_offsets_are_converted_when_they_match() {
        let t = "🎉 Fête à Paris";
        let mut span = SpanIn::new(10, 15, "LOC").with_text(Some("Paris".into()));
        let err = carry(t, span.clone()).unwrap_err();
        assert!(err.contains("outside the text (length 14)"), "{err}");
        span.units = Units::CodePointsOrUtf16;
        let (s, c) = carry(t, span).unwrap();
        assert_eq!((s.start, s.end), (9, 14));
        assert_eq!(c.unwrap().0, ConversionKind::Utf16Offsets);
        let bad = SpanIn {
            units: Units::CodePointsOrUtf16,
            ..SpanIn::new(3, 7, "LOC").with_text(Some("Lyon".into()))
        };
        let err = carry(t, bad).unwrap_err();
        assert!(err.ends_with("does not match either"), "{err}");
    }

    #[test]
    fn crlf_and_combining_marks_move_offsets() {
        let t = "Un\r\ndeux Be\u{301}ziers";
        // "Be\u{301}ziers" is code points 9..17 of the raw text.
        let (s, c) = carry(t, SpanIn::new(9, 17, "LOC")).unwrap();
        assert_eq!(s.text, "Béziers");
        assert_eq!((s.start, s.end), (8, 15));
        assert_eq!(c.unwrap().0, ConversionKind::NormalizedText);
        let err = carry(t, SpanIn::new(3, 8, "X")).unwrap_err();
        assert!(err.contains("inside a line end"), "{err}");
        let err = carry(t, SpanIn::new(9, 11, "X")).unwrap_err();
        assert!(err.contains("combining marks"), "{err}");
    }

    #[test]
    fn boundaries_are_found_in_one_pass_or_not_at_all() {
        let raw = "Un\r\ndeux Be\u{301}ziers\r\ntrois";
        let norm = normalize(raw).into_owned();
        let c = Carrier::new(raw, &norm);
        // "deux" [4, 8), "Be\u{301}ziers" [9, 17), "trois" [19, 24) of the raw text.
        let b = c.boundaries([4, 8, 9, 17, 19, 24].into_iter()).unwrap();
        assert_eq!(
            (b[&4], b[&8], b[&9], b[&17], b[&19], b[&24]),
            (3, 7, 8, 15, 16, 21)
        );
        assert!(c.boundaries([3].into_iter()).is_none(), "inside \\r\\n");
        assert!(
            c.boundaries([11].into_iter()).is_none(),
            "before a combining mark"
        );
        assert!(
            Carrier::new("Paris", "Paris")
                .boundaries([1].into_iter())
                .is_none()
        );
    }

    #[test]
    fn stable_boundaries_leave_out_only_the_unstable_points() {
        let raw = "Un\r\ndeux Be\u{301}ziers\r\ntrois";
        let norm = normalize(raw).into_owned();
        let c = Carrier::new(raw, &norm);
        // 3 is inside "\r\n" and 11 before a combining mark: the others are carried.
        let b = c
            .stable_boundaries([4, 8, 3, 9, 17, 11, 19, 24].into_iter())
            .unwrap();
        let mut found: Vec<(usize, usize)> = b.into_iter().collect();
        found.sort_unstable();
        assert_eq!(
            found,
            [(4, 3), (8, 7), (9, 8), (17, 15), (19, 16), (24, 21)]
        );
        assert!(
            Carrier::new("Paris", "Paris")
                .stable_boundaries([1].into_iter())
                .is_none()
        );
    }

    #[test]
    fn out_of_range_and_reversed() {
        let err = carry("Paris", SpanIn::new(2, 9, "LOC")).unwrap_err();
        assert_eq!(err, "span LOC [2, 9) is outside the text (length 5)");
        let err = carry("Paris", SpanIn::new(3, 3, "LOC")).unwrap_err();
        assert!(err.contains("[3, 3)"), "{err}");
    }

    #[test]
    fn one_reading_for_a_decision_and_a_warning_when_nothing_decides() {
        let t = "😀😀 a b c";
        let c = Carrier::new(t, t);
        let ls = |start, end| SpanIn {
            units: Units::CodePointsOrUtf16,
            ..SpanIn::new(start, end, "X")
        };
        // [5, 6) is "b" in code points, "a" in UTF-16: both on token edges.
        let (start, _, conversion, warning) =
            c.offsets(&ls(5, 6), c.reading(&[&ls(5, 6)])).unwrap();
        assert_eq!((start, conversion), (5, None));
        assert!(
            warning
                .unwrap()
                .contains("(the other reading is [3, 4) \"a\")")
        );
        // A span whose text says UTF-16 decides for the other.
        let stated = SpanIn {
            units: Units::CodePointsOrUtf16,
            ..SpanIn::new(9, 10, "X").with_text(Some("c".into()))
        };
        let reading = c.reading(&[&ls(5, 6), &stated]);
        assert_eq!(reading, Some(Reading::Utf16));
        let (start, _, conversion, warning) = c.offsets(&ls(5, 6), reading).unwrap();
        assert_eq!((start, conversion.is_some(), warning), (3, true, None));
    }

    #[test]
    fn repeated_spans_are_taken_once_unless_kept() {
        let doc = annot_model::Document::new("d", "Jean et Jean");
        let carry = Carrier::new(&doc.text, &doc.text);
        let mut ann = AnnotationIn::new(Status::Accepted);
        let mut kept = SpanIn::new(0, 4, "PER");
        kept.keep_repeats = true;
        ann.spans = vec![
            SpanIn::new(0, 4, "PER"),
            SpanIn::new(8, 12, "PER"),
            SpanIn::new(0, 4, "PER"),
            kept,
            SpanIn::new(0, 4, "LOC"),
        ];
        let made = record_of(ann, &doc, &carry, &ImportOptions::default()).unwrap();
        let (record, conversions) = (made.record.unwrap(), made.conversions);
        let spans: Vec<(usize, &str)> = record
            .spans
            .iter()
            .map(|s| (s.start, s.label.as_str()))
            .collect();
        assert_eq!(spans, [(0, "LOC"), (0, "PER"), (0, "PER"), (8, "PER")]);
        assert!(
            conversions
                .iter()
                .any(|(k, m)| *k == ConversionKind::DuplicateSpans && m.starts_with("1 span(s)")),
            "{conversions:?}"
        );
        let mut extra = Map::new();
        let span = record.spans[0].clone();
        add_rejected(&mut extra, vec![span.clone(), span.clone()]);
        add_rejected(&mut extra, vec![span]);
        assert_eq!(extra[REJECTED_SPANS].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn utf16_table_skips_inside_pairs() {
        assert_eq!(
            utf16_table("a😀b"),
            vec![Some(0), Some(1), None, Some(2), Some(3)]
        );
    }
}
