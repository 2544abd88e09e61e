//! Per-document cost of an import, on one core: decode, zone and describe a
//! scraped article, digest it and write its corpus line. Uses the sample
//! articles of `corpus/`, or the `.txt` files of the folder named by
//! `ANNOT_BENCH_ARTICLES` (for instance articles from `xtask gen-articles`).
//!
//!     cargo bench -p annot-import --bench article
//!
//! `corpus line` times `serde_json::to_writer` of the documents, as the
//! corpus writer writes them.
//!
//! Measured (2 shared cores, load ~8) before the hand-written
//! `annot_model::document::write_json` (the text spliced in, escaped eight
//! bytes at a time) was removed: on 2,000 articles from `xtask gen-articles
//! --count 2000` (11.3 MB), `ANNOT_BENCH_ARTICLES=DIR cargo bench -p
//! annot-import --bench article -- "corpus line" --measurement-time 5
//! --sample-size 20`: write_json 9.77 ms (1.07 GiB/s), serde_json 14.49 ms
//! (742 MiB/s), so 4.7 ms saved per 2,000 articles. A release `annot import`
//! of 20,000 generated articles (112 MB) takes 1.9-2.2 s wall, 1.0-1.15 s CPU:
//! the ~47 ms write_json saved there is ~2.3% of the wall time and ~4.5% of
//! the CPU time, under the 5% that would pay for hand-written escaping, so the
//! corpus writer uses serde_json (its corpus files are byte-identical: `cmp`
//! of an import of 2,000 articles before and after).

use std::path::Path;

use annot_import::{LineCounts, Recurrence, article_document, decode_owned};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn articles() -> Vec<(String, Vec<u8>)> {
    let dir = std::env::var_os("ANNOT_BENCH_ARTICLES").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus"),
        std::path::PathBuf::from,
    );
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(&dir)
        .expect("corpus/")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            (
                name.unwrap_or_default(),
                std::fs::read(&p).expect("readable"),
            )
        })
        .collect();
    out.sort();
    out
}

fn bench(c: &mut Criterion) {
    let files = articles();
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    let mut counts = LineCounts::new();
    for (name, raw) in &files {
        let (text, _) = decode_owned(raw.clone(), name, false).expect("sample article");
        counts.add_text(&text);
    }
    let recurrence = Recurrence {
        counts: &counts,
        min_docs: 3,
        min_share: 0.01,
    };
    let mut g = c.benchmark_group("import");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("decode+zone+json (sample corpus)", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(bytes * 2);
            for (name, raw) in &files {
                let (text, _) = decode_owned(raw.clone(), name, false).expect("sample article");
                let stem = name.trim_end_matches(".txt");
                let doc = article_document(stem, text, name, None, Some(recurrence));
                serde_json::to_writer(&mut out, &doc).expect("serialisable");
                out.push(b'\n');
            }
            out
        });
    });
    g.finish();

    let docs: Vec<_> = files
        .iter()
        .map(|(name, raw)| {
            let (text, _) = decode_owned(raw.clone(), name, false).expect("sample article");
            article_document(
                name.trim_end_matches(".txt"),
                text,
                name,
                None,
                Some(recurrence),
            )
        })
        .collect();
    let mut g = c.benchmark_group("corpus line");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("serde_json::to_writer", |b| {
        b.iter(|| {
            let mut out = Vec::with_capacity(bytes * 2);
            for doc in &docs {
                serde_json::to_writer(&mut out, doc).expect("serialisable");
                out.push(b'\n');
            }
            out
        });
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
