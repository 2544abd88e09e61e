//! Per-document cost of an import, on one core: decode, zone and describe a
//! scraped article, digest it and write its corpus line. Uses the sample
//! articles of `corpus/`.
//!
//!     cargo bench -p annot-import --bench article

use std::path::Path;

use annot_import::{LineCounts, Recurrence, article_document, decode_owned};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn articles() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
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
}

criterion_group!(benches, bench);
criterion_main!(benches);
