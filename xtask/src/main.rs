//! Developer tasks: `cargo run --release -p xtask -- gen-articles --count N --out DIR`.
//!
//! The generator writes synthetic scraped news articles in the shape of the
//! sample corpus: shared site boilerplate (navigation, related links, comment
//! policy, paywall prompts, counters) around a title, section, lede, byline,
//! date and 2–8 KB of body, in French and English. Output is deterministic
//! for a given seed, so benchmark runs are comparable.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod articles;
mod corpus_bench;

use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Parser)]
struct Cli {
    #[command(subcommand)]
    command: Task,
}

#[derive(Subcommand)]
enum Task {
    /// Write N synthetic scraped articles (.txt) into a directory.
    GenArticles {
        #[arg(long, default_value_t = 1000)]
        count: usize,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 42)]
        seed: u64,
        /// Files per sub-directory (0: all in one directory).
        #[arg(long, default_value_t = 1000)]
        per_dir: usize,
    },
    /// Build a project of N documents and time corpus open (cold and cached index) and fetches.
    BenchCorpus {
        #[arg(long, default_value_t = 1_000_000)]
        docs: usize,
        /// Project directory (default: a temporary one, removed afterwards).
        #[arg(long)]
        dir: Option<PathBuf>,
    },
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Task::GenArticles {
            count,
            out,
            seed,
            per_dir,
        } => {
            let bytes = articles::generate(&out, count, seed, per_dir)?;
            eprintln!(
                "wrote {count} articles, {:.1} MB, into {}",
                bytes as f64 / 1e6,
                out.display()
            );
        }
        Task::BenchCorpus { docs, dir } => corpus_bench::run(docs, dir)?,
    }
    Ok(())
}
