//! The `annot` binary: parses arguments, runs a command, prints errors once.

mod cli;
mod cmd;
mod interrupt;
mod output;

use std::process::ExitCode;

/// mimalloc, with the `mimalloc` feature: an import allocates and frees
/// many small strings (lines, zones, metadata) on two threads. Measured on an import of
/// 20,000 generated articles (112 MB, `xtask gen-articles`, 2 shared cores,
/// 6 runs each, medians): 0.87 s of CPU (user + system) against 0.98 s with
/// the system allocator, 11% less, for a peak RSS of 82 MB against 46 MB.
/// It pays, so the feature is on by default; `--no-default-features` builds
/// without it.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A write past `ulimit -f` raises SIGXFSZ, whose default ends the process at once
    // (no message, the temporary file left). With a handler the write fails with
    // EFBIG instead, and the error path names the file and removes the temporary one.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    let args = cli::parse();
    interrupt::install(&args.command);
    let result = cmd::run(args);
    // An interrupt that began before the work was over is ending the process (130 or
    // 143, saying what it did): an error it caused (a temporary file removed under
    // the work) is not the news, and no exit 0 may follow its message. One that
    // comes later changes nothing.
    if annot_model::atomic::finish() {
        interrupt::wait_for_the_end();
    }
    output::report_tables_not_written();
    match result {
        Ok(code) => code,
        Err(err) => output::report_error(&err),
    }
}
