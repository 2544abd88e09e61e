//! The command language typed at the annotate prompt. The input is a line,
//! or a schema (JSON), a NUL byte and a line: a schema that reads is the
//! one the line is parsed against (label names and keys change what a line
//! means), else the default news schema.
#![no_main]

use annot_annotate::command::parse;
use annot_fuzz::split_nul;
use annot_model::Schema;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (first, second) = split_nul(data);
    let (schema, line) = if second.is_empty() {
        (Schema::news(), first)
    } else {
        let schema = std::str::from_utf8(first)
            .ok()
            .and_then(|t| Schema::from_json(t).ok())
            .unwrap_or_else(Schema::news);
        (schema, second)
    };
    let line = String::from_utf8_lossy(line);
    let once = parse(&line, &schema);
    // The same line means the same thing every time.
    assert_eq!(once, parse(&line, &schema), "parse is not deterministic");
    // A line is read one line at a time: each line of the input as well.
    for l in line.lines() {
        let _ = parse(l, &schema);
    }
});
