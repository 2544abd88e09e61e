//! CSV import: `annot import --format csv` over standard input, with and
//! without `--csv-multiline` and `--strict`.
#![no_main]

use annot_fuzz::{import_stdin, options};
use annot_import::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let flags = data.first().copied().unwrap_or(0);
    let mut opts = options(Format::Csv);
    opts.csv_multiline = flags & 1 == 1;
    opts.strict = flags & 2 == 2;
    if flags & 4 == 4 {
        opts.id_column = Some("id".into());
    }
    let _ = import_stdin(data, &opts);
});
