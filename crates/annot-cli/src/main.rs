//! The `annot` binary: parses arguments, runs a command, prints errors once.

mod cli;
mod cmd;
mod output;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args = cli::parse();
    match cmd::run(args) {
        Ok(code) => code,
        Err(err) => output::report_error(&err),
    }
}
