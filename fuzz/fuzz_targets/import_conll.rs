//! CoNLL import: `annot import --format conll` over standard input, the
//! scheme detected or given, the tag column found or given.
#![no_main]

use annot_fuzz::{import_stdin, options};
use annot_import::{Format, Scheme};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let flags = data.first().copied().unwrap_or(0);
    let mut opts = options(Format::Conll);
    opts.conll.scheme = match flags & 3 {
        1 => Scheme::from_name("bio"),
        2 => Scheme::from_name("bioes"),
        _ => None,
    };
    if flags & 4 == 4 {
        opts.conll.tag_column = Some(usize::from(flags >> 4));
    }
    opts.skip_bad = flags & 8 == 8;
    let _ = import_stdin(data, &opts);
});
