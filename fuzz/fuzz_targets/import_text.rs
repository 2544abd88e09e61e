//! Scraped-text import: decode and zoning of a text file.
//!
//! The input is one or more article files separated by NUL bytes: each is
//! imported on its own (standard input, as `annot import - --format text`),
//! then all are zoned again with the lines they share counted, as an import
//! of a folder does.
#![no_main]

use annot_fuzz::{check_item, import_stdin, options};
use annot_import::zone::Recurrence;
use annot_import::{Format, LineCounts, Zoning, article_document, decode, zone_article};
use annot_model::offsets::char_len;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let files: Vec<&[u8]> = data.split(|&b| b == 0).take(8).collect();
    let opts = options(Format::Text);
    let _ = import_stdin(files[0], &opts);
    let strict = data.first().is_some_and(|b| b & 1 == 1);
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| decode(f, "fuzz.txt", strict).ok().map(|(t, _)| t))
        .collect();
    let mut counts = LineCounts::new();
    for t in &texts {
        counts.add_text(t);
    }
    let recurrence = Recurrence {
        counts: &counts,
        min_docs: 2,
        min_share: 0.0,
    };
    for t in &texts {
        assert_eq!(
            annot_import::normalize(t),
            t.as_str(),
            "decoded text is not normalised"
        );
        check_zoning(t, &zone_article(t, None));
        check_zoning(t, &zone_article(t, Some(recurrence)));
        if !t.trim().is_empty() {
            let doc = article_document("fuzz", t.clone(), "fuzz.txt", None, Some(recurrence));
            check_item(&doc.into());
        }
    }
});

/// Zones are in text order, do not overlap, and start and end on a non-blank character.
fn check_zoning(text: &str, zoning: &Zoning) {
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars.len(), char_len(text));
    let mut last_end = 0;
    for z in &zoning.zones {
        assert!(
            z.start < z.end && z.end <= chars.len(),
            "zone {}..{} out of range of {} code points",
            z.start,
            z.end,
            chars.len()
        );
        assert!(z.start >= last_end, "zones overlap or are out of order");
        last_end = z.end;
        assert!(
            !chars[z.start].is_whitespace() && !chars[z.end - 1].is_whitespace(),
            "zone {}..{} starts or ends on white space",
            z.start,
            z.end
        );
    }
}
