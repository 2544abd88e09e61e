//! JSONL documents: `annot import --format jsonl` over standard input, and
//! each line read as a corpus line (`corpus/*.jsonl`), as a project's corpus
//! reader reads it.
#![no_main]

use std::path::Path;

use annot_fuzz::{import_stdin, options};
use annot_import::Format;
use annot_model::corpus::parse_document;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut opts = options(Format::Jsonl);
    if data.first().is_some_and(|b| b & 1 == 1) {
        opts.id_field = Some("doc".into());
        opts.text_field = "body".into();
    }
    let _ = import_stdin(data, &opts);
    for (i, line) in data.split(|&b| b == b'\n').enumerate() {
        if let Ok(doc) = parse_document(line, Path::new("corpus/fuzz.jsonl"), i + 1) {
            // A corpus line that is taken must be a valid document, and
            // write out and read back as the same document.
            if let Err(e) = doc.validate() {
                panic!("corpus line taken but the document does not validate: {e}");
            }
            let json = serde_json::to_vec(&doc).expect("a document serialises");
            let back = parse_document(&json, Path::new("corpus/fuzz.jsonl"), 1)
                .expect("a written document reads back");
            assert_eq!(back, doc, "document changed through its JSON");
        }
    }
});
