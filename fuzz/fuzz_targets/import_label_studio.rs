//! LabelStudio import: `annot import --format label-studio` over standard
//! input, with and without `--skip-bad` and `--strict`.
#![no_main]

use annot_fuzz::{import_stdin, options};
use annot_import::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let flags = data.first().copied().unwrap_or(0);
    let mut opts = options(Format::LabelStudio);
    opts.skip_bad = flags & 1 == 1;
    opts.strict = flags & 2 == 2;
    let _ = import_stdin(data, &opts);
});
