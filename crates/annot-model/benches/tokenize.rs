//! Tokenizer throughput, in tokens/s and bytes/s, on one core: the sample
//! articles of `corpus/`, or the `.txt` files of the folder named by
//! `ANNOT_BENCH_ARTICLES` (for instance articles from `xtask gen-articles`).
//!
//!     cargo bench -p annot-model --bench tokenize
//!
//! `tokens` reports tokens/s (criterion's `elem/s`), `bytes` the same work in
//! bytes/s; `tokens_and_sentences` is what an export calls per document.

use std::path::Path;

use annot_model::tokenize::{Lang, tokenize, tokens_and_sentences};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn texts() -> Vec<(String, Lang)> {
    let dir = std::env::var_os("ANNOT_BENCH_ARTICLES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus"),
        std::path::PathBuf::from,
    );
    // The .txt files of the folder and of its subfolders (gen-articles nests them).
    let mut paths = Vec::new();
    let mut dirs = vec![dir];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d)
            .expect("a folder of .txt articles")
            .flatten()
        {
            let p = e.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    paths
        .iter()
        .filter_map(|p| {
            let bytes = std::fs::read(p).ok()?;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let name = p.file_name()?.to_string_lossy();
            let lang = if name.contains("_en-") || name.contains("-en-") {
                Lang::En
            } else {
                Lang::Fr
            };
            Some((text, lang))
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let bytes: usize = texts.iter().map(|(t, _)| t.len()).sum();
    // The work timed, as tokens/s and as bytes/s: every text tokenized.
    let tokenize_all = || {
        texts
            .iter()
            .map(|(t, l)| tokenize(t, *l).len())
            .sum::<usize>()
    };
    let tokens = tokenize_all();
    // A bench prints its sample to the terminal, as criterion prints its figures.
    #[allow(clippy::print_stderr)]
    {
        eprintln!("{} texts, {bytes} bytes, {tokens} tokens", texts.len());
    }
    let mut g = c.benchmark_group("tokenize");
    g.throughput(Throughput::Elements(tokens as u64));
    g.bench_function("tokens", |b| b.iter(tokenize_all));
    g.bench_function("tokens_and_sentences", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(t, l)| tokens_and_sentences(t, *l).0.len())
                .sum::<usize>()
        });
    });
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("bytes", |b| b.iter(tokenize_all));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
