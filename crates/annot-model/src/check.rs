//! The project integrity check behind `annot check`: typed findings, no printing.
//!
//! Every corpus line is read against its digest (each line that is not a
//! document is named, and the others are checked all the same); an id with two
//! texts in two corpus files no import wrote, a zone the schema does not have,
//! and files in `corpus/` annot does not read are findings too. Every log is read line by
//! line (a bad line is named); the latest record of each (annotator, document)
//! is resolved through [`crate::annotations`] exactly as every other command
//! sees it, and what does not hold is a finding: corrupt spans, records made on
//! a text the corpus does not keep, labels the schema does not have (errors);
//! re-anchored records and the spans they lose, orphaned records, torn tails,
//! byte-order marks, spans that split a character (warnings).

use std::path::PathBuf;

use serde::Serialize;
use unicode_segmentation::GraphemeCursor;

use crate::annotations::{Anchor, Annotations, Depth, Loss, Resolved};
use crate::corpus::{Corpus, unread_files};
use crate::error::Result;
use crate::offsets::OffsetMap;
use crate::project::Project;
use crate::record::Span;
use crate::schema::{Schema, UnknownLabel};
use crate::zone::Zone;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Data that is wrong or cannot be used as it is.
    Error,
    /// Something to know or to look at; the data is usable.
    Warning,
}

/// What was found.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FindingKind {
    /// A corpus line that is not a valid document.
    CorpusLine { message: String },
    /// One id with two texts in two corpus files that no import wrote (two
    /// parts of a cluster import): this line and `other`'s. This line is current.
    TwoTexts {
        id: String,
        other: PathBuf,
        other_line: usize,
    },
    /// A document zone whose name the schema does not have.
    UnknownZone {
        zone: String,
        schema: String,
        zones: Vec<String>,
    },
    /// A file in `corpus/` that annot does not read.
    UnreadFile { advice: String },
    /// A temporary file left by an annot process that was killed (an import, an index write).
    TempFile { path: PathBuf, bytes: u64 },
    /// A log that cannot be read.
    LogUnreadable { message: String },
    /// An annotated import interrupted before all its records were written.
    UnfinishedImport { message: String },
    /// A log's last line was cut short by a crash.
    TornTail { text: String },
    /// Lines set aside from a log or a draft journal (`<log>.rejected`): torn
    /// writes, kept so that nothing is silently dropped; annot reads none of them.
    SetAside { lines: usize, bytes: u64 },
    /// A log starts with a UTF-8 byte-order mark.
    ByteOrderMark,
    /// A record names another annotator than the log it is in.
    AnnotatorMismatch { recorded: String },
    /// A record of a document the corpus does not have.
    Orphaned,
    /// A record made on a text the corpus does not keep.
    UnknownText {
        hash: String,
        kept: usize,
        lost: usize,
    },
    /// A span that is wrong on the text its record was made on.
    CorruptSpan { span: Span, reason: String },
    /// The document changed since the record; its spans were carried over.
    Reanchored {
        from_hash: String,
        kept: usize,
        lost: usize,
    },
    /// A span that could not be carried onto the current text.
    LostSpan { span: Span, reason: String },
    /// Zone corrections made on an older text, which no longer apply.
    ZonesDropped { zones: usize },
    /// A label the schema does not have.
    UnknownLabel { schema: String, label: UnknownLabel },
    /// A span boundary that falls inside a user-perceived character.
    SplitsCharacter { span: Span, offset: usize },
    /// Two spans that overlap (or are the same span twice) in a schema whose spans
    /// may not overlap.
    OverlappingSpans { first: Span, second: Span },
}

/// One finding, with where it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// What, with its data.
    #[serde(flatten)]
    pub kind: FindingKind,
    /// The file it is in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<PathBuf>,
    /// The 1-based line of that file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The document concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<String>,
    /// The annotator concerned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotator: Option<String>,
}

impl Finding {
    fn new(severity: Severity, kind: FindingKind) -> Self {
        Self {
            severity,
            kind,
            file: None,
            line: None,
            doc: None,
            annotator: None,
        }
    }

    fn at(mut self, file: &std::path::Path, line: usize) -> Self {
        self.file = Some(file.to_owned());
        self.line = (line > 0).then_some(line);
        self
    }
}

impl std::fmt::Display for FindingKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::CorpusLine { message }
            | Self::LogUnreadable { message }
            | Self::UnfinishedImport { message } => f.write_str(message),
            Self::TwoTexts {
                id,
                other,
                other_line,
            } => write!(
                f,
                "document id '{id}' has two texts: this line and corpus/{}:{other_line}; \
                 neither file was written by `annot import`, so this is not a new version \
                 but two documents under one id (only this line is read): give one of them \
                 another id, or remove the one that is wrong",
                other.file_name().unwrap_or_default().to_string_lossy()
            ),
            Self::UnknownZone {
                zone,
                schema,
                zones,
            } => write!(
                f,
                "zone '{zone}' is not in schema {schema} (zones: {}): add it to the schema's \
                 \"zones\", or correct the document",
                zones.join(", ")
            ),
            Self::UnreadFile { advice } => f.write_str(advice),
            Self::TempFile { path, bytes } => write!(
                f,
                "{} ({bytes} bytes) was left by an annot process that did not finish; \
                 `annot check --fix` or the next import removes it",
                path.display()
            ),
            Self::SetAside { lines, bytes } => write!(
                f,
                "{lines} line(s) ({bytes} bytes) set aside from a log or draft after a write \
                 cut short by a crash; annot reads none of them: look at them, keep what you \
                 need, then delete the file"
            ),
            Self::TornTail { .. } => f.write_str(
                "incomplete last line (a write cut short); it is set aside at the next \
                 `annot annotate` of this annotator",
            ),
            Self::ByteOrderMark => f.write_str(
                "the log starts with a UTF-8 byte-order mark (an editor added it); annot \
                 skips it, but other tools may not read the first record: remove the first 3 bytes",
            ),
            Self::AnnotatorMismatch { recorded } => {
                write!(f, "record says annotator '{recorded}'")
            }
            Self::Orphaned => f.write_str("the document is not in the corpus"),
            Self::UnknownText { hash, kept, lost } => write!(
                f,
                "the record was made on a text (hash {hash}) the corpus does not keep; \
                 {kept} span(s) match the current text, {lost} do not"
            ),
            Self::CorruptSpan { span, reason } => write!(
                f,
                "corrupt span {} {:?} [{}, {}): {reason}",
                span.label, span.text, span.start, span.end
            ),
            Self::Reanchored { kept, lost, .. } => write!(
                f,
                "changed since this record; {kept} span(s) re-anchor, {lost} lost"
            ),
            Self::LostSpan { span, reason } => write!(
                f,
                "lost {} {:?} [{}, {}): {reason}",
                span.label, span.text, span.start, span.end
            ),
            Self::ZonesDropped { zones } => write!(
                f,
                "{zones} zone correction(s) were made on an older text and no longer apply"
            ),
            Self::UnknownLabel { schema, label } => {
                write!(f, "{label} is not in schema {schema}")
            }
            Self::OverlappingSpans { first, second } => {
                let same = first.start == second.start && first.end == second.end;
                write!(
                    f,
                    "{} {} {:?} [{}, {}) and {} {:?} [{}, {}){}, which the schema does not allow (\"overlap\": false): \
                     keep one (annot annotate, or edit the source and import again)",
                    if same && first.label == second.label {
                        "the same span twice:"
                    } else if same {
                        "two labels on one extent:"
                    } else {
                        "overlapping spans:"
                    },
                    first.label,
                    first.text,
                    first.start,
                    first.end,
                    second.label,
                    second.text,
                    second.start,
                    second.end,
                    if same { "" } else { " overlap" },
                )
            }
            Self::SplitsCharacter { span, offset } => write!(
                f,
                "span {} {:?} [{}, {}) has a boundary at {offset} inside a character \
                 (an accent or emoji cut from its base)",
                span.label, span.text, span.start, span.end
            ),
        }
    }
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}")?;
            }
            f.write_str(": ")?;
        }
        if let Some(doc) = &self.doc {
            write!(f, "document '{doc}': ")?;
        }
        write!(f, "{}", self.kind)
    }
}

/// What `annot check` found.
#[derive(Debug, Default, Serialize)]
pub struct CheckReport {
    /// Corpus documents read.
    pub documents: usize,
    /// Records read, history included.
    pub records: usize,
    /// Everything found, errors first, then in file and line order.
    pub findings: Vec<Finding>,
}

impl CheckReport {
    /// Findings of one severity.
    pub fn of(&self, severity: Severity) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.severity == severity)
    }

    /// Whether any finding is an error.
    #[must_use]
    pub fn has_errors(&self) -> bool {
        self.of(Severity::Error).next().is_some()
    }
}

/// Checks the whole project. `temp_files` are the leftovers of killed imports
/// (path, size), found by the caller.
///
/// # Errors
/// A project whose corpus index or schema cannot be opened at all.
pub fn check_project(project: &Project, temp_files: &[(PathBuf, u64)]) -> Result<CheckReport> {
    let mut report = CheckReport::default();
    let corpus = Corpus::open_lenient(&project.corpus_dir(), &project.cache_dir())?;
    let schema = project.schema()?;
    report
        .findings
        .extend(corpus_findings(&corpus, &schema, &mut report.documents));
    for f in unread_files(&project.corpus_dir())? {
        report.findings.push(
            Finding::new(
                Severity::Warning,
                FindingKind::UnreadFile { advice: f.advice },
            )
            .at(&f.path, 0),
        );
    }
    for (path, bytes) in temp_files {
        report.findings.push(Finding::new(
            Severity::Warning,
            FindingKind::TempFile {
                path: path.clone(),
                bytes: *bytes,
            },
        ));
    }
    for (path, lines, bytes) in set_aside_files(&project.annotations_dir())? {
        report.findings.push(
            Finding::new(Severity::Warning, FindingKind::SetAside { lines, bytes }).at(&path, 0),
        );
    }
    let annotations = Annotations::load(project)?;
    for failure in annotations.failures() {
        let mut f = Finding::new(
            Severity::Error,
            FindingKind::LogUnreadable {
                message: failure.error.to_string(),
            },
        );
        f.annotator = Some(failure.annotator.clone());
        report.findings.push(f);
    }
    for log in annotations.logs() {
        report.records += log.record_count();
        let with_log = |mut f: Finding, line: usize| {
            f.annotator = Some(log.name.clone());
            f.at(&log.path, line)
        };
        if log.byte_order_mark() {
            report.findings.push(with_log(
                Finding::new(Severity::Warning, FindingKind::ByteOrderMark),
                1,
            ));
        }
        if let Some(t) = log.torn() {
            report.findings.push(with_log(
                Finding::new(
                    Severity::Warning,
                    FindingKind::TornTail {
                        text: t.text.clone(),
                    },
                ),
                t.line,
            ));
        }
    }
    // Each latest record is read once, here (the view reads records on demand).
    for doc in annotations.resolved(&corpus, Depth::Spans) {
        let doc = doc?;
        for r in &doc.records {
            let Some(log) = annotations.log(&r.annotator) else {
                continue;
            };
            if r.record.annotator != log.name {
                let mut f = Finding::new(
                    Severity::Warning,
                    FindingKind::AnnotatorMismatch {
                        recorded: r.record.annotator.clone(),
                    },
                );
                f.annotator = Some(log.name.clone());
                report.findings.push(f.at(&log.path, r.line));
            }
            for mut f in record_findings(r, doc.current.as_ref().map(|d| d.text.as_str()), &schema)
            {
                f.doc = Some(doc.id.clone());
                f.annotator = Some(r.annotator.clone());
                report.findings.push(f.at(&log.path, r.line));
            }
        }
    }
    report.findings.sort_by(|a, b| {
        (a.severity, &a.file, a.line, &a.doc).cmp(&(b.severity, &b.file, b.line, &b.doc))
    });
    Ok(report)
}

/// The `*.rejected` files in `dir` (torn lines set aside from logs and
/// drafts), with their lines and bytes, sorted by path.
fn set_aside_files(dir: &std::path::Path) -> Result<Vec<(PathBuf, usize, u64)>> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for entry in fs_err::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "rejected") && path.is_file() {
            let bytes = fs_err::read(&path)?;
            let lines = bytes
                .split(|&b| b == b'\n')
                .filter(|l| !l.is_empty())
                .count();
            out.push((path, lines, bytes.len() as u64));
        }
    }
    out.sort();
    Ok(out)
}

/// The findings of the corpus lines (a lenient open's bad lines, ids with two
/// texts, zones outside the schema); `documents` counts the documents read.
fn corpus_findings(corpus: &Corpus, schema: &Schema, documents: &mut usize) -> Vec<Finding> {
    let mut out = Vec::new();
    for bad in corpus.bad_lines() {
        out.push(
            Finding::new(
                Severity::Error,
                FindingKind::CorpusLine {
                    message: bad.message.clone(),
                },
            )
            .at(&bad.path, bad.line),
        );
    }
    for clash in corpus.clashes() {
        let [(other, other_line), (path, line)] = &clash.lines;
        out.push(
            Finding::new(
                Severity::Error,
                FindingKind::TwoTexts {
                    id: clash.id.clone(),
                    other: other.clone(),
                    other_line: *other_line,
                },
            )
            .at(path, *line),
        );
    }
    let names: Vec<String> = schema.zones.iter().map(|z| z.as_str().to_owned()).collect();
    for doc in corpus.iter() {
        let doc = match doc {
            Ok(doc) => doc,
            Err(e) => {
                out.push(corpus_error(e));
                continue;
            }
        };
        *documents += 1;
        let mut unknown: Vec<&str> = doc
            .zones
            .iter()
            .map(|z| &z.zone)
            .filter(|z| !schema.has_zone(z))
            .map(Zone::as_str)
            .collect();
        unknown.sort_unstable();
        unknown.dedup();
        for zone in unknown {
            let mut f = Finding::new(
                Severity::Error,
                FindingKind::UnknownZone {
                    zone: zone.to_owned(),
                    schema: schema.id(),
                    zones: names.clone(),
                },
            );
            if let Some(e) = corpus.entry(&doc.id) {
                f = f.at(&corpus.files()[e.file as usize], e.line as usize);
            }
            f.doc = Some(doc.id.clone());
            out.push(f);
        }
    }
    out
}

/// A corpus line that does not read as a valid document, at its file and line.
fn corpus_error(e: crate::ModelError) -> Finding {
    let (at, message) = match e {
        crate::ModelError::Line {
            path,
            line,
            message,
        } => (Some((path, line)), message),
        crate::ModelError::Document { path, line, source } => {
            (Some((path, line)), source.to_string())
        }
        other => (None, other.to_string()),
    };
    let f = Finding::new(Severity::Error, FindingKind::CorpusLine { message });
    match at {
        Some((path, line)) => f.at(&path, line),
        None => f,
    }
}

/// The findings of one resolved record; `text` is the document's current text.
fn record_findings(r: &Resolved, text: Option<&str>, schema: &Schema) -> Vec<Finding> {
    let mut out = Vec::new();
    let lost_changed = r
        .lost
        .iter()
        .filter(|l| matches!(l.loss, Loss::Changed(_)))
        .count();
    match &r.anchor {
        Anchor::Current => {}
        Anchor::Orphaned => out.push(Finding::new(Severity::Warning, FindingKind::Orphaned)),
        Anchor::Reanchored { from_hash } => out.push(Finding::new(
            Severity::Warning,
            FindingKind::Reanchored {
                from_hash: from_hash.clone(),
                kept: r.record.spans.len(),
                lost: lost_changed,
            },
        )),
        Anchor::UnknownText { hash } => out.push(Finding::new(
            Severity::Error,
            FindingKind::UnknownText {
                hash: hash.clone(),
                kept: r.record.spans.len(),
                lost: lost_changed,
            },
        )),
    }
    for l in &r.lost {
        let (severity, kind) = match &l.loss {
            Loss::Corrupt(why) => (
                Severity::Error,
                FindingKind::CorruptSpan {
                    span: l.span.clone(),
                    reason: why.clone(),
                },
            ),
            Loss::Changed(why) => (
                Severity::Warning,
                FindingKind::LostSpan {
                    span: l.span.clone(),
                    reason: why.clone(),
                },
            ),
        };
        out.push(Finding::new(severity, kind));
    }
    if let Some(z) = &r.dropped_zones {
        out.push(Finding::new(
            Severity::Warning,
            FindingKind::ZonesDropped { zones: z.len() },
        ));
    }
    for label in schema.unknown_labels(&r.record.spans, &r.record.labels) {
        out.push(Finding::new(
            Severity::Error,
            FindingKind::UnknownLabel {
                schema: schema.id(),
                label,
            },
        ));
    }
    if !schema.spans.overlap {
        for (first, second) in overlapping_pairs(&r.record.spans) {
            out.push(Finding::new(
                Severity::Error,
                FindingKind::OverlappingSpans {
                    first: first.clone(),
                    second: second.clone(),
                },
            ));
        }
    }
    if let Some(text) = text {
        let map = OffsetMap::new(text);
        for span in &r.record.spans {
            if let Some(offset) = splits_character(text, &map, span) {
                out.push(Finding::new(
                    Severity::Warning,
                    FindingKind::SplitsCharacter {
                        span: span.clone(),
                        offset,
                    },
                ));
            }
        }
    }
    out
}

/// Each span that overlaps (or repeats) an earlier one, with the earlier span that
/// reaches furthest: one pair per span, in text order.
fn overlapping_pairs(spans: &[Span]) -> Vec<(&Span, &Span)> {
    let mut sorted: Vec<&Span> = spans.iter().collect();
    sorted.sort_by(|a, b| (a.start, a.end, &a.label).cmp(&(b.start, b.end, &b.label)));
    let mut out = Vec::new();
    let mut reach: Option<&Span> = None;
    for s in sorted {
        match reach {
            Some(r) if s.start < r.end || (s.start == r.start && s.end == r.end) => {
                out.push((r, s));
                if s.end > r.end {
                    reach = Some(s);
                }
            }
            _ => reach = Some(s),
        }
    }
    out
}

/// The first boundary of `span` (a code point offset) that falls inside a
/// grapheme cluster of `text`, if any.
#[must_use]
pub fn splits_character(text: &str, map: &OffsetMap, span: &Span) -> Option<usize> {
    [span.start, span.end].into_iter().find(|&ch| {
        map.to_byte(ch).is_some_and(|b| {
            let mut cursor = GraphemeCursor::new(b, text.len(), true);
            !matches!(cursor.is_boundary(text, 0), Ok(true))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_and_repeated_spans_pair_with_the_span_before() {
        let sp = |start, end, label: &str| Span {
            start,
            end,
            label: label.into(),
            text: String::new(),
            source: None,
        };
        let spans = [
            sp(5, 11, "PER"),
            sp(0, 11, "PER"),
            sp(20, 26, "LOC"),
            sp(20, 26, "ORG"),
            sp(30, 31, "LOC"),
        ];
        let pairs: Vec<(usize, usize, usize, usize)> = overlapping_pairs(&spans)
            .iter()
            .map(|(a, b)| (a.start, a.end, b.start, b.end))
            .collect();
        assert_eq!(pairs, [(0, 11, 5, 11), (20, 26, 20, 26)]);
        assert!(
            overlapping_pairs(&[sp(0, 4, "A"), sp(4, 8, "B")]).is_empty(),
            "touching is not overlapping"
        );
    }

    #[test]
    fn heart_without_its_variation_selector_splits_a_character() {
        let text = "Merci ❤\u{fe0f} à tous";
        let map = OffsetMap::new(text);
        let heart = Span::from_chars(text, 6, 7, "MISC").unwrap();
        assert_eq!(splits_character(text, &map, &heart), Some(7));
        let whole = Span::from_chars(text, 6, 8, "MISC").unwrap();
        assert_eq!(splits_character(text, &map, &whole), None);
        let e_acute = "Cafe\u{301} noir";
        let map = OffsetMap::new(e_acute);
        let cut = Span::from_chars(e_acute, 0, 4, "ORG").unwrap();
        assert_eq!(splits_character(e_acute, &map, &cut), Some(4));
    }
}
