//! What the fuzz targets share: running an import over bytes, and the
//! invariants every imported item must hold.
//!
//! A fuzz target panics when an invariant breaks, so that libFuzzer keeps the
//! input as a crash; each check says which invariant it is.

use std::io::Cursor;
use std::path::PathBuf;

use annot_import::{Format, ImportOptions, ImportReport, Input, Item, import_items};
use annot_model::offsets::char_len;
use annot_model::{Record, Span};

/// Options of a fuzzed import: one thread's worth of work, small chunks so
/// that batching is exercised, and a language given so that detection does
/// not dominate the time.
#[must_use]
pub fn options(format: Format) -> ImportOptions {
    ImportOptions {
        format: Some(format),
        chunk_size: 4,
        ..ImportOptions::default()
    }
}

/// Imports `bytes` as standard input read as `opts.format`, checking every item.
#[must_use]
pub fn import_stdin(bytes: &[u8], opts: &ImportOptions) -> (Vec<Item>, ImportReport) {
    import(&[Input::stdin(Cursor::new(bytes.to_vec()))], opts)
}

/// Imports `inputs`, checking every item.
#[must_use]
pub fn import(inputs: &[Input], opts: &ImportOptions) -> (Vec<Item>, ImportReport) {
    let mut items = Vec::new();
    let report = import_items(inputs, opts, &|_| {}, &mut |item: Item| {
        check_item(&item);
        items.push(item);
        Ok::<(), ()>(())
    });
    let Ok(report) = report else {
        unreachable!("the sink never fails")
    };
    (items, report)
}

/// The invariants of an imported item: a valid document (hash, zones in
/// range), a normalised text and a usable id, and records whose spans are
/// in range of the text in code points and state its text.
pub fn check_item(item: &Item) {
    let doc = &item.document;
    if let Err(e) = doc.validate() {
        panic!("imported document does not validate: {e}");
    }
    if let Err(problem) = annot_model::document::check_id(&doc.id) {
        panic!("imported document id {:?} {problem}", doc.id);
    }
    assert_eq!(
        annot_import::normalize(&doc.text),
        doc.text.as_str(),
        "imported text is not normalised"
    );
    assert!(!doc.text.trim().is_empty(), "imported text is blank");
    for record in &item.records {
        assert_eq!(record.doc, doc.id, "record names another document");
        assert_eq!(record.hash, doc.hash, "record made on another text");
        check_spans(&record.spans, &doc.text);
        if let Some(rejected) = record.extra.get("rejected_spans") {
            let rejected: Vec<Span> = match serde_json::from_value(rejected.clone()) {
                Ok(r) => r,
                Err(e) => panic!("rejected_spans are not spans: {e}"),
            };
            check_spans(&rejected, &doc.text);
        }
        round_trip(record);
    }
}

/// Every span is non-empty, in range of `text` in code points, and states its text.
pub fn check_spans(spans: &[Span], text: &str) {
    let len = char_len(text);
    let map = annot_model::offsets::OffsetMap::new(text);
    for s in spans {
        assert!(
            s.start < s.end && s.end <= len,
            "span {}..{} out of range of a text of {len} code points",
            s.start,
            s.end
        );
        if let Err(e) = s.check(text, &map) {
            panic!("span does not check: {e}");
        }
    }
}

/// A record serialises, and parses back equal.
pub fn round_trip(record: &Record) {
    let line = match serde_json::to_string(record) {
        Ok(l) => l,
        Err(e) => panic!("record does not serialise: {e}"),
    };
    let back: Record = match serde_json::from_str(&line) {
        Ok(r) => r,
        Err(e) => panic!("record does not parse back: {e}: {line}"),
    };
    assert_eq!(&back, record, "record changed through its JSON");
}

/// A directory of this process for the files a target must write (brat pairs, logs).
#[must_use]
pub fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annot-fuzz-{name}-{}", std::process::id()));
    if let Err(e) = std::fs::create_dir_all(&dir) {
        panic!("cannot make {}: {e}", dir.display());
    }
    dir
}

/// Splits a fuzz input in two at its first NUL byte (the second part empty without one).
#[must_use]
pub fn split_nul(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[]),
    }
}
