//! Imports the sample corpus (`corpus/` at the workspace root) and checks
//! every entry of `corpus/EXPECTED.json`: title, date, section, byline,
//! language and where the body starts and ends.

// Helpers of these tests panic on purpose, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::path::PathBuf;

use annot_import::{ImportOptions, Input, import};
use annot_model::Document;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Expected {
    file: String,
    title: Option<String>,
    date: Option<String>,
    section: Option<String>,
    byline: Option<String>,
    lang: Option<String>,
    body_first: String,
    body_last: String,
}

/// The body zones' text, from the start of the first to the end of the last.
fn body(doc: &Document) -> String {
    let bodies: Vec<_> = doc.zones.iter().filter(|z| z.zone == "body").collect();
    match (bodies.first(), bodies.last()) {
        (Some(first), Some(last)) => doc
            .slice(first.start, last.end)
            .unwrap_or_default()
            .to_string(),
        _ => String::new(),
    }
}

/// The whole corpus in one import: line-level and corpus-level signals.
#[test]
fn sample_corpus_matches_expected() {
    check_corpus(&ImportOptions::default());
}

/// Line-level signals alone, as when a single article is imported.
#[test]
fn sample_corpus_without_recurrence() {
    check_corpus(&ImportOptions {
        boilerplate_min_docs: u32::MAX,
        ..ImportOptions::default()
    });
}

fn check_corpus(opts: &ImportOptions) {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    // The fixture is part of the repository: a missing one is a failure, not a skip.
    let expected = std::fs::read_to_string(dir.join("EXPECTED.json"))
        .unwrap_or_else(|e| panic!("{}: {e}", dir.join("EXPECTED.json").display()));
    let expected: Vec<Expected> = serde_json::from_str(&expected).unwrap();
    let mut docs = Vec::new();
    let report = import(&[Input::Path(dir)], opts, &|_| {}, &mut |d| {
        docs.push(d);
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    assert!(report.failures.is_empty(), "{:#?}", report.failures);

    let mut problems = Vec::new();
    for e in &expected {
        let Some(doc) = docs
            .iter()
            .find(|d| d.meta.source.as_deref() == Some(e.file.as_str()))
        else {
            problems.push(format!("{}: not imported", e.file));
            continue;
        };
        doc.validate().unwrap();
        let m = &doc.meta;
        let fields = [
            ("title", &e.title, &m.title),
            ("date", &e.date, &m.date),
            ("section", &e.section, &m.section),
            ("byline", &e.byline, &m.byline),
            ("lang", &e.lang, &m.lang),
        ];
        for (name, want, got) in fields {
            if want != got {
                problems.push(format!("{}: {name} {got:?}, expected {want:?}", e.file));
            }
        }
        let body = body(doc);
        if !body.starts_with(&e.body_first) || !body.ends_with(&e.body_last) {
            let head: String = body.chars().take(60).collect();
            let tail: String = body
                .chars()
                .rev()
                .take(60)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            problems.push(format!(
                "{}: body {head:?} .. {tail:?}, expected {:?} .. {:?}",
                e.file, e.body_first, e.body_last
            ));
        }
        for z in &doc.zones {
            let text = doc.slice(z.start, z.end).unwrap();
            assert_eq!(
                text.trim(),
                text,
                "{}: zone {z:?} has whitespace at an end",
                e.file
            );
        }
    }
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
