//! The import as a map over a stream of JSON lines, for Spark's `RDD.pipe` or
//! Hadoop streaming: no project, no file, nothing kept from one shard to the next.
//!
//! A scraped page travels as a [`Page`] line, `{"id","source","text"}`, its
//! text decoded from the file's bytes as an import decodes them ([`pages`]).
//! What needs the whole corpus, the lines recurring across pages (site
//! furniture), is a reduce between two maps: [`count_pages`] per shard, the
//! tables summed ([`LineCounts::merge`]), then [`import_pages`] per shard with
//! the summed table. Each shard is told how many pages the whole import has,
//! so that all count the sample one machine would count. Each page goes through the reader and zoner of
//! [`crate::import`], so the documents are the bytes a single-machine import
//! of the same files writes when it counts the same lines.

use std::borrow::Cow;
use std::io::BufRead;

use annot_model::Document;
use serde::{Deserialize, Serialize};

use crate::boilerplate::{LineCounts, RecurrenceSample};
use crate::decode::{decode_raw, normalize};
use crate::error::Diagnostic;
use crate::input::{Format, ImportOptions, Input};
use crate::pipeline::{ImportReport, Progress, Seen, run};
use crate::readers::Item;
use crate::sources::{Named, Source, SourceData, expand};

/// A scraped page as one JSON line of a stream.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// The document id (a file's stem); the text digest when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// Where it came from: `meta.source` of the document.
    pub source: String,
    /// The page's text, decoded (not yet normalised: the import does that).
    pub text: String,
}

/// The pages of the text files `inputs` names (folders searched as an
/// import searches them), in import order, each decoded as an import decodes
/// it (byte-order mark, UTF-16, Windows-1252 with a warning). Files that are
/// not text, or do not decode, are reported in the report and left out.
///
/// # Errors
/// Only the sink's error, which stops at once.
pub fn pages<E>(
    inputs: &[Input],
    opts: &ImportOptions,
    sink: &mut dyn FnMut(Page) -> Result<(), E>,
) -> Result<ImportReport, E> {
    let mut report = ImportReport::default();
    let sources = expand(
        inputs,
        Some(Format::Text),
        &mut report.failures,
        &mut report.warnings,
    );
    for src in sources.iter() {
        let src = match src {
            Ok(src) => src,
            Err(e) => {
                report.failures.push(Diagnostic::new(
                    crate::sources::LIST_NAME,
                    format!("{e}; the files listed after this point were not read"),
                ));
                break;
            }
        };
        let decoded = src.bytes().and_then(|bytes| {
            decode_raw(&bytes, &src.name(), opts.strict).map(|(t, w)| (t.into_owned(), w))
        });
        report.files += 1;
        match decoded {
            Err(e) => {
                report.failures.push(e.into());
            }
            Ok((text, warning)) => {
                report.warnings.extend(warning);
                report.documents += 1;
                sink(Page {
                    id: src.id().map(Cow::into_owned),
                    source: src.meta_source().into_owned(),
                    text,
                })?;
            }
        }
    }
    Ok(report)
}

/// Name of the stream in diagnostics: `<stdin>:LINE`.
fn location(line: usize) -> String {
    format!("<stdin>:{line}")
}

/// The page lines of `input`, numbered from 1; a line that is not a page is
/// reported in `failures` (blank lines are passed over).
fn page_lines<'a>(
    input: impl BufRead + 'a,
    failures: &'a mut Vec<Diagnostic>,
) -> impl Iterator<Item = (usize, Page)> + 'a {
    input.lines().enumerate().filter_map(move |(i, line)| {
        let n = i + 1;
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                failures.push(Diagnostic::new(location(n), format!("cannot read the line: {e}")));
                return None;
            }
        };
        if line.trim().is_empty() {
            return None;
        }
        match serde_json::from_str::<Page>(&line) {
            Ok(p) => Some((n, p)),
            Err(e) => {
                failures.push(Diagnostic::new(
                    location(n),
                    format!(
                        "not a page line ({e}): each line must be {{\"source\": ..., \"text\": ...}} \
                         with an optional \"id\", as `annot stream pages` writes them"
                    ),
                ));
                None
            }
        }
    })
}

/// The map of the recurrence table: in how many of the pages of `input` that
/// `sample` keeps each short line occurs. Given the number of pages of the
/// whole import, the shards' tables sum to the table a single-machine import
/// of the same files counts ([`RecurrenceSample`]); [`RecurrenceSample::ALL`]
/// counts every page, the same up to [`crate::DEFAULT_RECURRENCE_SAMPLE`] pages.
/// Returns the table, the pages read (sampled or not) and the lines that are
/// not pages.
pub fn count_pages(
    input: impl BufRead,
    sample: RecurrenceSample,
) -> (LineCounts, u64, Vec<Diagnostic>) {
    let mut failures = Vec::new();
    let mut counts = LineCounts::new();
    let mut read = 0;
    for (n, page) in page_lines(input, &mut failures) {
        read += 1;
        if !sample.keeps(page.id.as_deref(), &page.source) {
            continue;
        }
        // As the first pass of an import: pages that do not decode are reported by the second.
        if let Ok((text, _)) = decode_raw(page.text.as_bytes(), &location(n), false) {
            counts.add_text(&normalize(&text));
        }
    }
    (counts, read, failures)
}

/// The second map: the pages of `input` as documents, zoned with `counts`
/// (the table summed over every shard; `None` for no recurrence), given to
/// `sink` in input order. Repeats within the shard are left out and reported
/// as an import reports them; repeats across shards are not seen here.
///
/// # Errors
/// Only the sink's error, which stops at once.
pub fn import_pages<E>(
    input: impl BufRead,
    opts: &ImportOptions,
    counts: Option<&LineCounts>,
    sink: &mut dyn FnMut(Document) -> Result<(), E>,
) -> Result<ImportReport, E> {
    // As the import: too few documents for a line to recur is no recurrence at all.
    let counts = counts.filter(|c| c.documents() >= opts.boilerplate_min_docs.max(2));
    let mut report = ImportReport::default();
    let mut failures = Vec::new();
    let mut seen = Seen::default();
    let chunk = opts.chunk_size.max(1);
    let mut batch: Vec<Source> = Vec::with_capacity(chunk);
    let mut item_sink = |item: Item| {
        if item.repeat_of.is_some() {
            return Ok(());
        }
        sink(item.document)
    };
    let none = |_: Progress| {};
    let mut run_chunk = |batch: &mut Vec<Source>| {
        run(
            &batch.drain(..).collect(),
            counts,
            opts,
            &none,
            &mut seen,
            &mut report,
            &mut item_sink,
        )?;
        Ok(())
    };
    for (n, page) in page_lines(input, &mut failures) {
        let bytes = page.text.into_bytes();
        batch.push(Source {
            size: bytes.len() as u64,
            data: SourceData::Stdin(std::sync::Arc::new(Named {
                bytes,
                name: format!("{} ({})", location(n), page.source),
                meta_source: page.source,
                id: page.id,
            })),
            format: Format::Text,
        });
        if batch.len() == chunk {
            run_chunk(&mut batch)?;
        }
    }
    run_chunk(&mut batch)?;
    // The stream's own lines first, then what the pages said.
    let mut all: crate::pipeline::Diagnostics = failures.into_iter().collect();
    crate::pipeline::append(&mut all, &report.failures);
    report.failures = all;
    Ok(report)
}
