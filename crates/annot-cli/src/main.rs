//! The `annot` binary: parses arguments, runs a command, prints errors once.

mod cli;
mod cmd;
mod output;

use std::process::ExitCode;

/// mimalloc: an import allocates and frees millions of small strings (lines,
/// zones, metadata) on two threads; it is a good share faster there than the
/// system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args = cli::parse();
    match cmd::run(args) {
        Ok(code) => code,
        Err(err) => output::report_error(&err),
    }
}
