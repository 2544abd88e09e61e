//! Ctrl-C (SIGINT) and SIGTERM for the commands that are not a session: the
//! temporary files being written (`annot_model::atomic`'s registry: export, import,
//! merge, check --fix ...) are removed before the process ends, instead of waiting
//! for the next command into that folder. The annotate and adjudicate sessions
//! handle Ctrl-C themselves (the line editor reads it as a key), so they get no
//! handler.

use std::io::Write as _;

use crate::cli::Command;

/// Whether `command` is a session that reads Ctrl-C as a key.
fn is_session(command: &Command) -> bool {
    match command {
        Command::Annotate(_) | Command::Adjudicate(_) => true,
        Command::Quickstart(args) => !args.no_session,
        _ => false,
    }
}

/// Waits for the handler thread, which has begun, to end the process.
pub(crate) fn wait_for_the_end() -> ! {
    loop {
        std::thread::park();
    }
}

/// Installs the handler for `command` (a thread waiting for SIGINT or SIGTERM).
/// Without it (signals cannot be registered) the default applies: the process
/// ends, and the next command into that folder removes what it left.
pub(crate) fn install(command: &Command) {
    if is_session(command) {
        return;
    }
    let signals = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];
    let Ok(mut signals) = signal_hook::iterator::Signals::new(signals) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let removed = annot_model::atomic::remove_live_temps();
            let name = if signal == signal_hook::consts::SIGINT {
                "Ctrl-C"
            } else {
                "SIGTERM"
            };
            let mut line = format!("interrupted ({name})");
            if !removed.is_empty() {
                let paths: Vec<String> = removed.iter().map(|p| p.display().to_string()).collect();
                line.push_str(&format!(
                    "; removed {} temporary file(s) it was writing: {}",
                    removed.len(),
                    paths.join(", ")
                ));
            }
            let _ = writeln!(std::io::stderr().lock(), "{}", annot_model::visible(&line));
            // The shell's code for a process ended by this signal (130 for Ctrl-C).
            #[expect(
                clippy::exit,
                reason = "the process ends on an interrupt, from the handler thread"
            )]
            std::process::exit(128 + signal);
        }
    });
}
