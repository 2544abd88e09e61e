//! brat standoff: a document's text in `NAME.txt`, its annotations in
//! `NAME.ann` beside it, the document's id `NAME`.
//!
//! - `T` lines (`T1<TAB>LABEL START END<TAB>text`) are spans. A
//!   discontinuous one (`START END;START END`) becomes the span covering its
//!   fragments, reported, its fragments kept in the record; `--strict`
//!   refuses it instead. Two discontinuous spans with the same covering
//!   extent stay two spans. A `T` line that repeats another (same label,
//!   offsets and text) is imported once, and counted.
//! - `A` and `M` lines (attributes, with or without a value) and `#` notes
//!   are kept in the record: the notes, one a line, in its `note`, and both
//!   under `brat` in the record (`brat.attributes`, `brat.notes`, each
//!   naming its target and the target's label, offsets and text as the file
//!   has them): annot has no span attributes yet.
//! - `R`, `E`, `N` and `*` lines (relations, events, normalisations,
//!   equivalences) are not modelled yet: kept as they are in
//!   `brat.unmodelled`, and reported.
//!
//! Offsets are code points of the `.txt` read as brat's own server reads it,
//! with universal newlines: `\r\n` counts as one character (brat issue #853),
//! and a UTF-8 byte order mark as one too (Python's `utf8` codec keeps it).
//! Tools that count the `\r`, or drop the mark, exist: a span whose stated
//! text matches only when read their way is read that way, and reported.

use std::borrow::Cow;
use std::path::Path;

use annot_model::Status;
use serde_json::{Map, Value, json};

use crate::annotated::{AnnotatedIn, AnnotationIn, ConversionKind, SpanIn, annotated_events};
use crate::decode::{decode_unnormalized, normalize_newlines};
use crate::error::{Diagnostic, ErrorKind, ImportError};
use crate::meta::RecordMeta;
use crate::sources::Source;

use super::{Context, Event, Reader, emit_whole};

/// Reads a brat `.ann` file and the `.txt` beside it as one document.
pub(super) struct BratReader;

impl Reader for BratReader {
    fn read(
        &self,
        src: &Source,
        cx: Context<'_>,
        emit: &mut dyn FnMut(Vec<Event>) -> bool,
    ) -> bool {
        emit_whole(src, brat_events(src, cx), emit)
    }

    fn one_document_a_file(&self) -> bool {
        true
    }
}

/// A `T` line: a span of one or more fragments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TextBound {
    pub(crate) id: String,
    pub(crate) label: String,
    /// `(start, end)` code points, in file order.
    pub(crate) fragments: Vec<(usize, usize)>,
    /// The text the line states, when it has one.
    pub(crate) text: Option<String>,
    pub(crate) line: usize,
}

/// An `A` or `M` line: an attribute of another annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Attribute {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) target: String,
    pub(crate) value: Option<String>,
}

/// A `#` line: a note on another annotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Note {
    pub(crate) id: String,
    /// `AnnotatorNotes` as brat writes them.
    pub(crate) kind: String,
    pub(crate) target: String,
    pub(crate) text: String,
}

/// What a `.ann` file holds.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Ann {
    /// `T` lines, repeats left out, in file order.
    pub(crate) bounds: Vec<TextBound>,
    /// `(id, line, id of the earlier line it repeats)` of each `T` line left out.
    pub(crate) repeats: Vec<(String, usize, String)>,
    pub(crate) attributes: Vec<Attribute>,
    pub(crate) notes: Vec<Note>,
    /// `R`, `E`, `N` and `*` lines, as they are.
    pub(crate) unmodelled: Vec<String>,
}

/// A line of a `.ann` file that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LineError {
    pub(crate) line: usize,
    pub(crate) message: String,
}

/// Parses the text of a `.ann` file.
pub(crate) fn parse_ann(text: &str) -> Result<Ann, LineError> {
    let mut ann = Ann::default();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            continue;
        }
        let err = |message: String| LineError { line: n, message };
        let Some((id, rest)) = line.split_once('\t') else {
            return Err(err(format!(
                "'{line}' has no tab after its id: a brat line is ID<TAB>annotation \
                 (T1<TAB>PER 0 4<TAB>Jean)"
            )));
        };
        let id = id.trim();
        match id.chars().next() {
            Some('T') => {
                let (head, stated) = match rest.split_once('\t') {
                    Some((h, t)) => (h, Some(t.to_string())),
                    None => (rest, None),
                };
                let (label, offsets) = head.trim().split_once(' ').ok_or_else(|| {
                    err(format!(
                        "{id}: no offsets after the label: write {id}<TAB>LABEL START END<TAB>text"
                    ))
                })?;
                let fragments = fragments(offsets).ok_or_else(|| {
                    err(format!(
                        "{id}: the offsets '{}' are not START END with START < END \
                         (fragments of a discontinuous span separated by ';')",
                        offsets.trim()
                    ))
                })?;
                let bound = TextBound {
                    id: id.to_string(),
                    label: label.to_string(),
                    fragments,
                    text: stated,
                    line: n,
                };
                let same = |b: &TextBound| {
                    b.label == bound.label && b.fragments == bound.fragments && b.text == bound.text
                };
                if let Some(first) = ann.bounds.iter().find(|b| same(b)) {
                    ann.repeats.push((bound.id, n, first.id.clone()));
                } else if let Some(first) = ann.bounds.iter().find(|b| b.id == bound.id) {
                    return Err(err(format!(
                        "{id} is used twice, here and on line {} for another span: a brat id \
                         names one annotation (attributes, notes and relations point at it); \
                         give one of them another id",
                        first.line
                    )));
                } else {
                    ann.bounds.push(bound);
                }
            }
            Some('A' | 'M') => {
                let mut words = rest.split_whitespace();
                let (Some(name), Some(target)) = (words.next(), words.next()) else {
                    return Err(err(format!(
                        "{id}: an attribute is {id}<TAB>NAME TARGET [VALUE] (A1<TAB>Negated T1)"
                    )));
                };
                let value: Vec<&str> = words.collect();
                ann.attributes.push(Attribute {
                    id: id.to_string(),
                    name: name.to_string(),
                    target: target.to_string(),
                    value: (!value.is_empty()).then(|| value.join(" ")),
                });
            }
            Some('#') => {
                let (head, text) = rest.split_once('\t').unwrap_or((rest, ""));
                let mut words = head.split_whitespace();
                let (Some(kind), Some(target)) = (words.next(), words.next()) else {
                    return Err(err(format!(
                        "{id}: a note is {id}<TAB>AnnotatorNotes TARGET<TAB>text"
                    )));
                };
                ann.notes.push(Note {
                    id: id.to_string(),
                    kind: kind.to_string(),
                    target: target.to_string(),
                    text: text.to_string(),
                });
            }
            Some('R' | 'E' | 'N' | '*') => ann.unmodelled.push(line.to_string()),
            _ => {
                return Err(err(format!(
                    "'{id}' is not the id of a brat annotation (T, A, M, R, E, N, * or # and a number)"
                )));
            }
        }
    }
    Ok(ann)
}

/// `START END;START END...`, each with START < END.
fn fragments(offsets: &str) -> Option<Vec<(usize, usize)>> {
    offsets
        .split(';')
        .map(|f| {
            let mut n = f.split_whitespace().map(str::parse::<usize>);
            match (n.next(), n.next(), n.next()) {
                (Some(Ok(s)), Some(Ok(e)), None) if s < e => Some((s, e)),
                _ => None,
            }
        })
        .collect()
}

/// The events of one brat document (the source is its `.ann`, or a `.txt`).
fn brat_events(src: &Source, cx: Context<'_>) -> Vec<Event> {
    let opts = cx.opts;
    let path = match src.data.path() {
        Some(path) => path,
        None => {
            let message = "brat reads a .ann file and the .txt beside it: name the files or their folder, not standard input";
            return vec![Event::Failure(Diagnostic::new(src.name(), message))];
        }
    };
    let is_ann = path.extension().is_some_and(|e| e == "ann");
    let ann_path = path.with_extension("ann");
    let txt_path = path.with_extension("txt");
    let ann_name = shown(&src.name(), &path, &ann_path);
    let txt_name = shown(&src.name(), &path, &txt_path);
    if let Some(problem) = src
        .id()
        .as_deref()
        .and_then(|id| annot_model::document::check_id(id).err())
    {
        let kind = ErrorKind::BadFileId { problem };
        return vec![Event::Failure(ImportError::new(src.name(), kind).into())];
    }
    let mut events = Vec::new();
    let txt_bytes = match std::fs::read(&txt_path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && is_ann => {
            let message = format!(
                "no {} beside this .ann: brat keeps a document's text in the .txt of the \
                 same name; put it there, or leave the .ann out",
                file_name(&txt_path)
            );
            return vec![Event::Failure(Diagnostic::new(&ann_name, message))];
        }
        Err(e) => {
            return vec![Event::Failure(
                ImportError::new(&txt_name, ErrorKind::Io(e)).into(),
            )];
        }
    };
    let bom = txt_bytes.starts_with(b"\xEF\xBB\xBF");
    let raw = match decode_unnormalized(txt_bytes, &txt_name, opts.strict) {
        Ok((text, warning)) => {
            events.extend(warning.map(Event::Warning));
            text
        }
        Err(e) => {
            events.push(Event::Failure(e.into()));
            return events;
        }
    };
    if raw.trim().is_empty() {
        events.push(Event::Failure(
            ImportError::new(&txt_name, ErrorKind::Empty).into(),
        ));
        return events;
    }
    let ann_text = if is_ann || ann_path.exists() {
        let decoded = std::fs::read(&ann_path)
            .map_err(|e| ImportError::new(&ann_name, ErrorKind::Io(e)))
            .and_then(|b| decode_unnormalized(b, &ann_name, opts.strict));
        match decoded {
            Ok((text, _)) => Some(text),
            Err(e) => {
                events.push(Event::Failure(e.into()));
                return events;
            }
        }
    } else {
        None
    };
    let nl = normalize_newlines(&raw).into_owned();
    let mut doc = AnnotatedIn {
        location: ann_name.clone(),
        id: src.id().map(Cow::into_owned),
        text: nl,
        text_field: String::new(),
        meta: RecordMeta::default(),
        annotations: Vec::new(),
        conversions: Vec::new(),
        warnings: Vec::new(),
    };
    match ann_text {
        None => {
            doc.location = txt_name;
            let message = format!(
                "no {} beside this .txt: imported as a document without annotations",
                file_name(&ann_path)
            );
            doc.warnings.push(message);
        }
        Some(text) => match parse_ann(&text) {
            Err(e) => {
                let d = Diagnostic::new(format!("{ann_name}:{}", e.line), e.message);
                events.push(Event::Failure(d));
                return events;
            }
            Ok(ann) => match annotation(&ann, &raw, &doc.text, bom, opts.strict, opts.skip_bad) {
                Ok(built) => {
                    for (line, message) in built.refused {
                        events.push(Event::Refusal(Diagnostic::new(
                            format!("{ann_name}:{line}"),
                            message,
                        )));
                    }
                    doc.conversions = built.conversions;
                    doc.annotations.push(built.annotation);
                }
                Err((line, message)) => {
                    let d = Diagnostic::new(format!("{ann_name}:{line}"), message);
                    events.push(Event::Failure(d));
                    return events;
                }
            },
        },
    }
    events.extend(annotated_events(doc, &src.meta_source(), opts));
    events
}

/// How `path`, a sibling of the source's file, is named in messages: as the
/// source's own name is, its file name changed.
fn shown(name: &str, source: &Path, path: &Path) -> String {
    if source == path {
        return name.to_string();
    }
    let base = file_name(source);
    match name.strip_suffix(&base) {
        Some(dir) => format!("{dir}{}", file_name(path)),
        None => path.display().to_string(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// The decision a `.ann` file holds, what was converted, what was left out.
struct Built {
    annotation: AnnotationIn,
    conversions: Vec<(ConversionKind, String)>,
    /// `(line, why)` of spans left out with `skip_bad`.
    refused: Vec<(usize, String)>,
}

/// The record of a parsed `.ann` on its text (`raw` as read, `nl` with brat's
/// universal newlines, `bom` when the file began with a byte order mark).
/// `Err` is `(line, why)` of a span refused.
fn annotation(
    ann: &Ann,
    raw: &str,
    nl: &str,
    bom: bool,
    strict: bool,
    skip_bad: bool,
) -> Result<Built, (usize, String)> {
    let crlf = CrCounter::new(raw);
    let nl_map = annot_model::offsets::OffsetMap::new(nl);
    let readings = Reading::all(raw, nl, bom, !crlf.is_empty());
    let mut out = Built {
        annotation: AnnotationIn::new(Status::Accepted),
        conversions: Vec::new(),
        refused: Vec::new(),
    };
    let mut discontinuous = Vec::new();
    // Ids of the spans read otherwise than brat counts, by reading.
    let mut read_otherwise: Vec<Vec<&str>> = vec![Vec::new(); readings.len()];
    for t in &ann.bounds {
        // brat's reading, else the first other that gives the stated text.
        let chosen = t.text.as_deref().and_then(|stated| {
            readings
                .iter()
                .position(|r| states(stated, &t.fragments, &r.text, &r.map))
        });
        let reading = chosen.map_or(&readings[0], |i| &readings[i]);
        if let Some(i) = chosen.filter(|&i| i > 0) {
            read_otherwise[i].push(&t.id);
        }
        let fragments: Vec<(usize, usize)> = t
            .fragments
            .iter()
            .map(|&(s, e)| (reading.to_nl(s, &crlf), reading.to_nl(e, &crlf)))
            .collect();
        let start = fragments.iter().map(|f| f.0).min().unwrap_or(0);
        let end = fragments.iter().map(|f| f.1).max().unwrap_or(0);
        let mut stated = t.text.clone();
        if fragments.len() > 1 {
            let offsets = offsets_text(&t.fragments);
            if strict {
                let why = format!(
                    "{} {} {offsets} is discontinuous, and --strict refuses discontinuous \
                     spans: import without --strict to take the span covering its fragments",
                    t.id, t.label
                );
                if skip_bad {
                    out.refused.push((t.line, why));
                    continue;
                }
                return Err((t.line, why));
            }
            // The stated text is the fragments' texts joined by a space: checked
            // here, and the covering span's text is the document's.
            if let Some(said) = stated.take()
                && !states(&said, &fragments, nl, &nl_map)
            {
                let why = format!(
                    "{} {} {offsets} says \"{}\" but the text of its fragments is \"{}\": \
                     fix the span in the file, or import with --skip-bad to leave it out",
                    t.id,
                    t.label,
                    said.escape_debug(),
                    fragments_text(&fragments, nl, &nl_map)
                );
                if skip_bad {
                    out.refused.push((t.line, why));
                    continue;
                }
                return Err((t.line, why));
            }
            out.conversions.push((
                ConversionKind::DiscontinuousSpan,
                format!(
                    "line {}: {} {} {offsets} imported as its covering span [{start}, {end})",
                    t.line, t.id, t.label
                ),
            ));
            discontinuous.push(json!({
                "id": t.id,
                "label": t.label,
                "fragments": t.fragments,
                "start": start,
                "end": end,
            }));
        }
        let mut span = SpanIn::new(start, end, t.label.clone()).with_text(stated);
        // Two discontinuous spans with one covering extent stay two; one
        // whose covering extent is a continuous span of its label is that span.
        let covering = (
            t.fragments.iter().map(|f| f.0).min(),
            t.fragments.iter().map(|f| f.1).max(),
        );
        let continuous = ann.bounds.iter().find(|b| {
            b.label == t.label
                && matches!(b.fragments.as_slice(), [(s, e)] if (Some(*s), Some(*e)) == covering)
        });
        if let Some(c) = continuous.filter(|_| fragments.len() > 1) {
            out.conversions.push((
                ConversionKind::DuplicateSpans,
                format!(
                    "line {}: {} {} {} covers the same text as {} (line {}): imported once",
                    t.line,
                    t.id,
                    t.label,
                    offsets_text(&t.fragments),
                    c.id,
                    c.line
                ),
            ));
        }
        span.keep_repeats = fragments.len() > 1 && continuous.is_none();
        span.at = Some(format!("line {}: {}", t.line, t.id));
        out.annotation.spans.push(span);
    }
    for (reading, ids) in readings.iter().zip(&read_otherwise) {
        if !ids.is_empty() {
            out.conversions.push((
                ConversionKind::NormalizedText,
                format!(
                    "{} {}: their offsets were read that way, since only it gives their text",
                    ids.join(", "),
                    reading.describe(bom)
                ),
            ));
        }
    }
    if !ann.repeats.is_empty() {
        let list: Vec<String> = ann
            .repeats
            .iter()
            .map(|(id, line, first)| format!("{id} (line {line}) repeats {first}"))
            .collect();
        out.conversions.push((
            ConversionKind::DuplicateSpans,
            format!(
                "{} T line(s) repeating another, imported once: {}",
                ann.repeats.len(),
                list.join(", ")
            ),
        ));
    }
    let mut brat = Map::new();
    // A repeated T line's id names the line it repeats.
    let kept = |id: &str| -> String {
        ann.repeats
            .iter()
            .find(|(r, _, _)| r == id)
            .map_or_else(|| id.to_string(), |(_, _, first)| first.clone())
    };
    let target = |id: &str| -> Value {
        let id = kept(id);
        match ann.bounds.iter().find(|b| b.id == id) {
            Some(b) => json!({
                "label": b.label,
                "offsets": offsets_text(&b.fragments),
                "text": b.text,
            }),
            None => Value::Null,
        }
    };
    if !ann.attributes.is_empty() {
        let list: Vec<Value> = ann
            .attributes
            .iter()
            .map(|a| {
                json!({
                    "id": a.id,
                    "name": a.name,
                    "target": a.target,
                    "value": a.value,
                    "span": target(&a.target),
                })
            })
            .collect();
        brat.insert("attributes".into(), Value::Array(list));
    }
    if !ann.notes.is_empty() {
        let list: Vec<Value> = ann
            .notes
            .iter()
            .map(|n| {
                json!({
                    "id": n.id,
                    "kind": n.kind,
                    "target": n.target,
                    "text": n.text,
                    "span": target(&n.target),
                })
            })
            .collect();
        brat.insert("notes".into(), Value::Array(list));
        let lines: Vec<String> = ann
            .notes
            .iter()
            .map(
                |n| match ann.bounds.iter().find(|b| b.id == kept(&n.target)) {
                    Some(b) => format!(
                        "{} {} \"{}\": {}",
                        n.target,
                        b.label,
                        b.text.as_deref().unwrap_or_default(),
                        n.text
                    ),
                    None => format!("{}: {}", n.target, n.text),
                },
            )
            .collect();
        out.annotation.note = Some(lines.join("\n"));
    }
    if !discontinuous.is_empty() {
        brat.insert("discontinuous".into(), Value::Array(discontinuous));
    }
    if !ann.unmodelled.is_empty() {
        let count = |c: char| ann.unmodelled.iter().filter(|l| l.starts_with(c)).count();
        let kinds: Vec<String> = [
            ('R', "relation"),
            ('E', "event"),
            ('N', "normalisation"),
            ('*', "equivalence"),
        ]
        .iter()
        .filter(|(c, _)| count(*c) > 0)
        .map(|(c, what)| format!("{} {what} line(s) ({c})", count(*c)))
        .collect();
        out.conversions.push((
            ConversionKind::RelationsKept,
            format!(
                "{} not yet modelled by annot: kept as they are in the record's brat.unmodelled",
                kinds.join(", ")
            ),
        ));
        let lines = ann.unmodelled.iter().map(|l| Value::String(l.clone()));
        brat.insert("unmodelled".into(), Value::Array(lines.collect()));
    }
    if !brat.is_empty() {
        out.annotation
            .extra
            .insert("brat".into(), Value::Object(brat));
    }
    Ok(out)
}

/// `START END;START END` as brat writes it.
fn offsets_text(fragments: &[(usize, usize)]) -> String {
    let parts: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
    parts.join(";")
}

/// The text of the fragments in `text`, joined by a space as brat writes it
/// (`None` when one is outside the text).
fn fragments_text_of(
    fragments: &[(usize, usize)],
    text: &str,
    map: &annot_model::offsets::OffsetMap,
) -> Option<String> {
    let mut parts = Vec::with_capacity(fragments.len());
    for &(s, e) in fragments {
        let (bs, be) = map.to_bytes(s, e)?;
        parts.push(&text[bs..be]);
    }
    Some(parts.join(" "))
}

/// [`fragments_text_of`] for a message.
fn fragments_text(
    fragments: &[(usize, usize)],
    text: &str,
    map: &annot_model::offsets::OffsetMap,
) -> String {
    fragments_text_of(fragments, text, map)
        .unwrap_or_else(|| "outside the text".into())
        .escape_debug()
        .to_string()
}

/// Whether `stated` is the text of the fragments in `text`, joined by a
/// space as brat writes it (white space of the text may be written as spaces).
fn states(
    stated: &str,
    fragments: &[(usize, usize)],
    text: &str,
    map: &annot_model::offsets::OffsetMap,
) -> bool {
    let Some(covered) = fragments_text_of(fragments, text, map) else {
        return false;
    };
    let spaced = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
            .collect()
    };
    covered == stated || spaced(&covered) == spaced(stated)
}

/// A way of counting offsets in a `.txt`: brat's (a byte order mark counted
/// as a character, as Python's `utf8` codec reads it; `\r\n` as one), or
/// another tool's.
struct Reading {
    /// The text as that count sees it.
    text: String,
    map: annot_model::offsets::OffsetMap,
    /// A byte order mark counted (the file has one).
    bom: bool,
    /// The `\r` of `\r\n` counted.
    cr: bool,
}

impl Reading {
    /// The readings worth trying, brat's first.
    fn all(raw: &str, nl: &str, bom: bool, crlf: bool) -> Vec<Self> {
        let mut out = Vec::with_capacity(4);
        for cr in [false, true] {
            if cr && !crlf {
                continue;
            }
            for counted in [bom, !bom] {
                if counted && !bom {
                    continue;
                }
                let body = if cr { raw } else { nl };
                let text = if counted {
                    format!("\u{feff}{body}")
                } else {
                    body.to_string()
                };
                let map = annot_model::offsets::OffsetMap::new(&text);
                out.push(Self {
                    text,
                    map,
                    bom: counted,
                    cr,
                });
            }
        }
        out
    }

    /// The offset in the text with universal newlines and no byte order mark.
    fn to_nl(&self, offset: usize, crlf: &CrCounter) -> usize {
        let offset = if self.bom {
            offset.saturating_sub(1)
        } else {
            offset
        };
        if self.cr { crlf.to_nl(offset) } else { offset }
    }

    /// How this reading differs from brat's, for the report.
    fn describe(&self, file_bom: bool) -> String {
        let mut ways = Vec::new();
        if self.cr {
            ways.push("counted each \\r\\n line end as two characters (brat counts one)");
        }
        if file_bom && !self.bom {
            ways.push("did not count the byte order mark (brat counts it as a character)");
        }
        ways.join(" and ")
    }
}

/// Where the `\r` of each `\r\n` is in a text, to carry offsets that count
/// them onto the text with universal newlines.
struct CrCounter {
    /// Code point offsets of the `\r` of each `\r\n`, in order.
    at: Vec<usize>,
}

impl CrCounter {
    fn new(raw: &str) -> Self {
        let mut at = Vec::new();
        let mut chars = raw.chars().enumerate().peekable();
        while let Some((i, c)) = chars.next() {
            if c == '\r' && chars.peek().is_some_and(|(_, n)| *n == '\n') {
                at.push(i);
            }
        }
        Self { at }
    }

    fn is_empty(&self) -> bool {
        self.at.is_empty()
    }

    /// The offset in the text with universal newlines of code point `raw` of the text as read.
    fn to_nl(&self, raw: usize) -> usize {
        raw - self.at.partition_point(|&cr| cr < raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ANN: &str = "T1\tPER 0 4\tJean\n\
                       T2\tORG 10 14;20 25\tPNUD Paris\n\
                       T3\tPER 0 4\tJean\n\
                       A1\tNegated T1\n\
                       M2\tConfidence T2 High\n\
                       #1\tAnnotatorNotes T1\tle maire\n\
                       R1\tWorks_for Arg1:T1 Arg2:T2\n\
                       E1\tMove:T2 Theme:T1\n\
                       *\tEquiv T1 T3\n";

    #[test]
    fn lines_of_every_kind() {
        let ann = parse_ann(ANN).unwrap();
        assert_eq!(ann.bounds.len(), 2);
        assert_eq!(ann.bounds[1].fragments, [(10, 14), (20, 25)]);
        assert_eq!(ann.bounds[1].text.as_deref(), Some("PNUD Paris"));
        assert_eq!(ann.repeats, [("T3".into(), 3, "T1".into())]);
        assert_eq!(ann.attributes[0].value, None);
        assert_eq!(ann.attributes[1].value.as_deref(), Some("High"));
        assert_eq!(ann.notes[0].target, "T1");
        assert_eq!(ann.notes[0].text, "le maire");
        assert_eq!(ann.unmodelled.len(), 3);
        assert_eq!(parse_ann("").unwrap(), Ann::default());
        assert_eq!(parse_ann("\r\n\n").unwrap(), Ann::default());
    }

    #[test]
    fn bad_lines_are_named() {
        let err = parse_ann("T1\tPER 0 4\tJean\nT2\tPER 9 x\tJean\n").unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(
            err.message,
            "T2: the offsets '9 x' are not START END with START < END (fragments of a \
             discontinuous span separated by ';')"
        );
        let err = parse_ann("T1 PER 0 4 Jean\n").unwrap_err();
        assert!(
            err.message.contains("no tab after its id"),
            "{}",
            err.message
        );
        let err = parse_ann("X1\tfoo\n").unwrap_err();
        assert!(
            err.message.contains("not the id of a brat annotation"),
            "{}",
            err.message
        );
        assert!(parse_ann("T1\tPER 4 4\tx\n").is_err(), "empty span");
        assert!(parse_ann("T1\tPER\tx\n").is_err(), "no offsets");
    }

    /// The annotation of `ann` on `raw` (brat's reading of it: `nl`).
    fn built(ann: &str, raw: &str, nl: &str) -> Built {
        annotation(&parse_ann(ann).unwrap(), raw, nl, false, false, false)
            .ok()
            .unwrap()
    }

    fn offsets(b: &Built) -> Vec<(usize, usize)> {
        b.annotation
            .spans
            .iter()
            .map(|s| (s.start, s.end))
            .collect()
    }

    #[test]
    fn crlf_offsets_counted_either_way() {
        let raw = "Un\r\nJean\r\nvit";
        let nl = normalize_newlines(raw).into_owned();
        // brat's count (\r\n as one): Jean is 3..7.
        let b = built("T1\tPER 3 7\tJean\n", raw, &nl);
        assert_eq!(offsets(&b), [(3, 7)]);
        assert!(b.conversions.is_empty());
        // Every character counted: Jean is 4..8; read that way, reported.
        let b = built("T1\tPER 4 8\tJean\n", raw, &nl);
        assert_eq!(offsets(&b), [(3, 7)]);
        assert_eq!(b.conversions[0].0, ConversionKind::NormalizedText);
        let c = CrCounter::new(raw);
        assert_eq!((c.to_nl(0), c.to_nl(4), c.to_nl(10)), (0, 3, 8));
    }

    #[test]
    fn a_byte_order_mark_counts_as_brat_counts_it() {
        // The decoded text has no mark; brat's server reads it as U+FEFF, offset 0.
        // Paris is 11..16 of the text with universal newlines.
        let text = "Jean vit\r\nà Paris";
        let nl = normalize_newlines(text).into_owned();
        let on = |ann: &str, bom: bool| {
            annotation(&parse_ann(ann).unwrap(), text, &nl, bom, false, false)
                .ok()
                .unwrap()
        };
        let b = on("T1\tLOC 12 17\tParis\n", true);
        assert_eq!(offsets(&b), [(11, 16)]);
        assert!(b.conversions.is_empty(), "brat's own count");
        // A tool that dropped the mark: read that way, reported.
        let b = on("T1\tLOC 11 16\tParis\n", true);
        assert_eq!(offsets(&b), [(11, 16)]);
        assert_eq!(
            b.conversions[0].1,
            "T1 did not count the byte order mark (brat counts it as a character): their \
             offsets were read that way, since only it gives their text"
        );
        // Both: the mark dropped and the \r counted.
        let b = on("T1\tLOC 12 17\tParis\n", true);
        assert!(
            b.conversions.is_empty(),
            "12 17 is brat's own reading first"
        );
        let b = on("T1\tLOC 12 17\tParis\n", false);
        assert_eq!(offsets(&b), [(11, 16)]);
        assert!(
            b.conversions[0].1.contains("two characters"),
            "{}",
            b.conversions[0].1
        );
    }

    #[test]
    fn discontinuous_spans_and_strict() {
        let text = "Jean, du PNUD de la ville de Paris";
        let ann = parse_ann("T1\tORG 9 13;29 34\tPNUD Paris\nT2\tORG 9 11;32 34\tPN is\n").unwrap();
        let built = annotation(&ann, text, text, false, false, false)
            .ok()
            .unwrap();
        let spans = &built.annotation.spans;
        assert_eq!(spans.len(), 2, "same covering extent, two spans");
        assert_eq!(
            (spans[0].start, spans[0].end, spans[0].text.as_deref()),
            (9, 34, None)
        );
        assert_eq!((spans[1].start, spans[1].end), (9, 34));
        let kinds: Vec<_> = built.conversions.iter().map(|c| c.0).collect();
        assert_eq!(kinds, [ConversionKind::DiscontinuousSpan; 2]);
        assert_eq!(
            built.conversions[0].1,
            "line 1: T1 ORG 9 13;29 34 imported as its covering span [9, 34)"
        );
        assert_eq!(
            built.annotation.extra["brat"]["discontinuous"][0]["fragments"],
            json!([[9, 13], [29, 34]])
        );
        let Err((line, why)) = annotation(&ann, text, text, false, true, false) else {
            panic!("strict takes a discontinuous span");
        };
        assert_eq!(line, 1);
        assert!(
            why.contains("--strict refuses discontinuous spans"),
            "{why}"
        );
        let built = annotation(&ann, text, text, false, true, true)
            .ok()
            .unwrap();
        assert!(built.annotation.spans.is_empty());
        assert_eq!(built.refused.len(), 2);
    }

    #[test]
    fn attributes_notes_and_unmodelled_are_kept() {
        let text = "Jean, du PNUD de la ville de Paris";
        let ann = parse_ann(
            "T1\tPER 0 4\tJean\nT2\tORG 9 13\tPNUD\nA1\tNegated T1\nA2\tLevel T2 high\n\
             #1\tAnnotatorNotes T1\tle maire\nR1\tWorks_for Arg1:T1 Arg2:T2\nT3\tPER 0 4\tJean\n\
             A3\tNegated T3\n",
        )
        .unwrap();
        let built = annotation(&ann, text, text, false, false, false)
            .ok()
            .unwrap();
        let a = &built.annotation;
        assert_eq!(a.spans.len(), 2);
        assert_eq!(a.note.as_deref(), Some("T1 PER \"Jean\": le maire"));
        let brat = &a.extra["brat"];
        assert_eq!(brat["attributes"][0]["value"], Value::Null);
        assert_eq!(brat["attributes"][1]["value"], "high");
        assert_eq!(brat["attributes"][1]["span"]["offsets"], "9 13");
        assert_eq!(
            brat["attributes"][2]["span"]["text"], "Jean",
            "T3 repeats T1"
        );
        assert_eq!(brat["unmodelled"][0], "R1\tWorks_for Arg1:T1 Arg2:T2");
        let messages: Vec<_> = built.conversions.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(
            messages,
            [
                "1 T line(s) repeating another, imported once: T3 (line 7) repeats T1",
                "1 relation line(s) (R) not yet modelled by annot: kept as they are in the \
                 record's brat.unmodelled",
            ]
        );
    }
}
