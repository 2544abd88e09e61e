//! Lists the sample corpus (`corpus/*.txt` of the source tree) for
//! `annot quickstart`, which carries the articles inside the binary so that
//! an installed `annot` has them too.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let root = Path::new(&manifest).join("../..");
    let corpus = root.join("corpus");
    let patterns = root.join("examples/patterns.jsonl");
    println!("cargo:rerun-if-changed={}", corpus.display());
    println!("cargo:rerun-if-changed={}", patterns.display());
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .map(|dir| {
            dir.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt"))
                .collect()
        })
        .unwrap_or_default();
    // Sorted, so the import order and the binary are the same on every machine.
    names.sort();
    let mut out = String::from(
        "/// The sample articles: file name and bytes, as they are in `corpus/`.\n\
         pub(crate) const SAMPLE_ARTICLES: &[(&str, &[u8])] = &[\n",
    );
    for name in &names {
        let path = corpus.join(name);
        let _ = writeln!(
            out,
            "    ({name:?}, include_bytes!({:?})),",
            path.display().to_string()
        );
    }
    out.push_str("];\n");
    let _ = writeln!(
        out,
        "/// The suggestion patterns for the sample articles (`examples/patterns.jsonl`).\n\
         pub(crate) const SAMPLE_PATTERNS: &[u8] = include_bytes!({:?});",
        patterns.display().to_string()
    );
    let out_dir = std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    if let Err(e) = std::fs::write(Path::new(&out_dir).join("sample_corpus.rs"), out) {
        panic!("cannot write the sample corpus list to {out_dir}: {e}");
    }
}
