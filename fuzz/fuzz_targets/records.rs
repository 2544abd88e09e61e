//! Records: an annotator log (`annotations/NAME.jsonl`) read every way a
//! command reads one: whole ([`read_log`]), indexed with records read on
//! demand ([`index_log`], through the annotations view), and replayed up to
//! a time. Each record taken must write out and read back equal, and the
//! index must agree with the whole read.
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use annot_fuzz::{round_trip, scratch_dir};
use annot_model::annotations::AnnotatorRecords;
use annot_model::store::{index_log, read_log};
use libfuzzer_sys::fuzz_target;

static DIR: LazyLock<PathBuf> = LazyLock::new(|| scratch_dir("records"));

fuzz_target!(|data: &[u8]| {
    let path = DIR.join("fuzz.jsonl");
    std::fs::write(&path, data).expect("scratch log written");
    let whole = read_log(&path);
    let index = index_log(&path);
    let view = AnnotatorRecords::read_file("fuzz", &path);
    let until = "2030-01-01T00:00:00Z".parse().expect("a time");
    let _ = AnnotatorRecords::read_until("fuzz", &path, until);
    // Every line is parsed on its own too, as a record.
    for line in data.split(|&b| b == b'\n') {
        if let Ok(record) = serde_json::from_slice::<annot_model::Record>(line) {
            round_trip(&record);
        }
    }
    let Ok(whole) = whole else { return };
    for record in whole.latest.values() {
        round_trip(record);
    }
    let index = match index {
        Ok(i) => i,
        Err(e) => panic!("read_log took the log, index_log refused it: {e}"),
    };
    let view = match view {
        Ok(v) => v,
        Err(e) => panic!("read_log took the log, the annotations view refused it: {e}"),
    };
    assert_eq!(
        whole.torn.as_ref().map(|t| t.line),
        index.torn.as_ref().map(|t| t.line),
        "read_log and index_log disagree on the torn tail"
    );
    assert_eq!(whole.records, index.records, "record counts disagree");
    let keys: Vec<&str> = whole.latest.keys().map(String::as_str).collect();
    let indexed: Vec<String> = index.latest.ids().collect();
    assert_eq!(keys, indexed, "read_log and index_log see other documents");
    for (doc, record) in &whole.latest {
        let read = match view.get(doc) {
            Ok(r) => r,
            Err(e) => panic!("indexed record of {doc:?} does not read: {e}"),
        };
        assert_eq!(read.as_ref(), Some(record), "index reads another record");
        assert_eq!(view.line_of(doc), whole.lines[doc], "line numbers disagree");
    }
});
