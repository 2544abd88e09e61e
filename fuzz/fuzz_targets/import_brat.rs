//! brat import: a `.txt` and its `.ann` (the input is the text, a NUL byte,
//! then the annotations), written to a scratch folder and imported from
//! there as `annot import DIR --format brat` does.
#![no_main]

use std::path::PathBuf;
use std::sync::LazyLock;

use annot_fuzz::{import, options, scratch_dir, split_nul};
use annot_import::{Format, Input};
use libfuzzer_sys::fuzz_target;

static DIR: LazyLock<PathBuf> = LazyLock::new(|| scratch_dir("brat"));

fuzz_target!(|data: &[u8]| {
    let (flags, data) = data.split_first().map_or((0, data), |(f, d)| (*f, d));
    let (txt, ann) = split_nul(data);
    let txt_path = DIR.join("doc.txt");
    let ann_path = DIR.join("doc.ann");
    std::fs::write(&txt_path, txt).expect("scratch .txt written");
    std::fs::write(&ann_path, ann).expect("scratch .ann written");
    let mut opts = options(Format::Brat);
    opts.skip_bad = flags & 1 == 1;
    opts.strict = flags & 2 == 2;
    let _ = import(&[Input::Path(ann_path)], &opts);
});
