//! The `--filter` language (`lang=fr,status!=accepted,zone=body|lede`):
//! parsed, checked against the vocabulary of a document, and matched.
#![no_main]

use annot_model::filter::{Filter, Vocabulary};
use annot_model::{Document, Status, Zone, ZoneSpan};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(expr) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(filter) = expr.parse::<Filter>() else {
        return;
    };
    // Parsing is a function of the text.
    assert_eq!(expr.parse::<Filter>().ok().as_ref(), Some(&filter));
    let mut doc = Document::new("d1", "Titre\n\nLe corps du texte.");
    doc.meta.lang = Some("fr".into());
    doc.meta.section = Some("Monde".into());
    doc.zones = vec![
        ZoneSpan {
            zone: Zone::Title,
            start: 0,
            end: 5,
        },
        ZoneSpan {
            zone: Zone::Body,
            start: 7,
            end: 25,
        },
    ];
    let mut vocabulary = Vocabulary::default();
    vocabulary.add(&doc);
    let _ = filter.check_against(&vocabulary);
    let _ = filter.selects_status();
    let _ = filter.needs_document();
    // Conditions are all required: their order does not matter.
    let reversed: Vec<&str> = expr.split(',').rev().collect();
    let reversed = match reversed.join(",").parse::<Filter>() {
        Ok(f) => f,
        Err(e) => panic!("the conditions of a filter taken, reversed, are refused: {e}"),
    };
    assert_eq!(
        filter.matches_document(&doc),
        reversed.matches_document(&doc),
        "the order of conditions changed what a document matches"
    );
    for status in [None, Some(Status::Accepted), Some(Status::Rejected)] {
        assert_eq!(
            filter.matches_status("d1", status),
            reversed.matches_status("d1", status),
            "the order of conditions changed what a status matches"
        );
    }
});
