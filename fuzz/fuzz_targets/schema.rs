//! Schemas: a label schema file (`schemas/NAME.json`) as the project reads
//! it. A schema taken must write out and read back equal, and answer label
//! look-ups by every name and key it has.
#![no_main]

use annot_model::Schema;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(schema) = Schema::from_json(text) else {
        return;
    };
    let json = serde_json::to_string(&schema).expect("a schema serialises");
    match Schema::from_json(&json) {
        Ok(back) => assert_eq!(back, schema, "schema changed through its JSON"),
        Err(e) => panic!("a schema taken does not read back: {e}: {json}"),
    }
    for l in &schema.spans.labels {
        assert!(
            schema.span_label(&l.name).is_some(),
            "label not found by name"
        );
        if let Some(k) = &l.key {
            assert!(schema.span_label(k).is_some(), "label not found by key");
        }
    }
    for set in &schema.labels {
        assert!(schema.label_set(&set.name).is_some(), "label set not found");
    }
    let _ = schema.id();
});
