//! `bench-corpus`: writes the synthetic national corpus of the benchmarks.
//!
//! `cargo run --release -p bench-corpus -- --pages 10000 --seed 1 --out DIR`

use bench_corpus::{CorpusOptions, generate};
use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Writes a synthetic national corpus (content/ and the same pages as a Hugo site) for
/// congkhai's benchmarks; deterministic from the seed.
#[derive(Parser)]
#[command(name = "bench-corpus", version, about, long_about = None)]
struct Cli {
    /// Number of content pages (documents, appendices, provinces, agencies, indicators).
    #[arg(long, default_value_t = 1000)]
    pages: usize,
    /// Seed: the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Folder that receives content/ and hugo/.
    #[arg(long)]
    out: PathBuf,
}

fn main() -> ExitCode {
    let Cli { pages, seed, out } = Cli::parse();
    match generate(&CorpusOptions { pages, seed, out }) {
        Ok(summary) => {
            println!("{summary:?}");
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("lỗi: {error:#}");
            ExitCode::FAILURE
        }
    }
}
