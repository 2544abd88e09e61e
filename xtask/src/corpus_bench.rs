//! Times opening a large corpus and fetching documents through the offset index.

use std::path::PathBuf;
use std::time::Instant;

use annot_model::Document;
use annot_model::corpus::{Corpus, CorpusWriter};

pub(crate) fn run(docs: usize, dir: Option<PathBuf>) -> anyhow::Result<()> {
    let tmp;
    let root = match dir {
        Some(d) => d,
        None => {
            tmp = tempfile::tempdir()?;
            tmp.path().to_owned()
        }
    };
    let corpus_dir = root.join("corpus");
    let cache = root.join(".annot");
    if !corpus_dir.exists() {
        let t = Instant::now();
        // Ten files, as ten imports would make.
        let per_file = docs.div_ceil(10);
        for f in 0..10 {
            let mut w = CorpusWriter::create(&corpus_dir, "import")?;
            for i in f * per_file..((f + 1) * per_file).min(docs) {
                let text = format!(
                    "Document {i}. L'armée syrienne et ses alliés ont repris le contrôle de la ville n° {i}, \
                     a annoncé dimanche le service d'information."
                );
                w.push(&Document::new(format!("doc{i:08}"), text))?;
            }
            w.finish()?;
        }
        eprintln!(
            "wrote {docs} documents in {:.1}s",
            t.elapsed().as_secs_f64()
        );
    }
    let _ = fs_err::remove_dir_all(&cache);
    let t = Instant::now();
    let c = Corpus::open(&corpus_dir, &cache)?;
    let cold = t.elapsed();
    let t = Instant::now();
    let c2 = Corpus::open(&corpus_dir, &cache)?;
    let warm = t.elapsed();
    assert_eq!(c.len(), c2.len());
    let n = 1000;
    let t = Instant::now();
    for k in 0..n {
        let id = format!("doc{:08}", (k * 7919) % docs);
        let d = c2.get(&id)?;
        std::hint::black_box(d);
    }
    let fetch = t.elapsed() / n as u32;
    println!("documents            {}", c.len());
    println!("open, index rebuilt  {:>9.1} ms", cold.as_secs_f64() * 1e3);
    println!("open, index cached   {:>9.1} ms", warm.as_secs_f64() * 1e3);
    println!(
        "fetch one document   {:>9.1} µs (mean of {n})",
        fetch.as_secs_f64() * 1e6
    );
    Ok(())
}
