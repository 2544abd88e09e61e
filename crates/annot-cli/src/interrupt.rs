//! Ctrl-C (SIGINT) and SIGTERM for the commands that are not a session: the
//! temporary files being written (`annot_model::atomic`'s registry: export, import,
//! merge, check --fix ...) are removed before the process ends, instead of waiting
//! for the next command into that folder. A commit of several files in progress
//! (`annot_model::atomic::CommitGuard`: export, import, merge) is let end first, and
//! the message says it was written; a second signal meanwhile stops at once. Once the
//! work is over (`annot_model::atomic::finish`, in `main`) a signal changes nothing,
//! so no exit 0 follows an "interrupted" line. The annotate and adjudicate sessions
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
    install_test_hook();
    let signals = [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM];
    let Ok(mut signals) = signal_hook::iterator::Signals::new(signals) else {
        return;
    };
    std::thread::spawn(move || {
        let Some(signal) = signals.forever().next() else {
            return;
        };
        let name = if signal == signal_hook::consts::SIGINT {
            "Ctrl-C"
        } else {
            "SIGTERM"
        };
        // A commit in progress is waited for (said after a second), unless a
        // second signal comes.
        let started = std::time::Instant::now();
        let mut told = false;
        let mut cut_short = |what: &str| {
            if signals.pending().next().is_some() {
                return true;
            }
            if !told && started.elapsed() >= std::time::Duration::from_secs(1) {
                told = true;
                let line = format!(
                    "interrupted ({name}): finishing {what} first, so that it is not left half written ({name} again stops at once)"
                );
                let _ = writeln!(std::io::stderr().lock(), "{}", annot_model::visible(&line));
            }
            false
        };
        let done = annot_model::atomic::interrupt(&mut cut_short);
        if done.finished {
            // The work was over: the process ends as it would have.
            return;
        }
        // Held to the end: nothing else is said after this line.
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{}", annot_model::visible(&message(name, &done)));
        // The shell's code for a process ended by this signal (130 for Ctrl-C).
        #[expect(
            clippy::exit,
            reason = "the process ends on an interrupt, from the handler thread"
        )]
        std::process::exit(128 + signal);
    });
}

/// What the interrupt did, in one line.
fn message(name: &str, done: &annot_model::atomic::Interruption) -> String {
    let mut line = match (&done.cut, &done.after) {
        (Some(what), _) => format!(
            "interrupted ({name} twice) while writing {what}: it may be half written; run the command again"
        ),
        (None, Some((what, true))) => {
            format!("interrupted ({name}) after {what} was written in full")
        }
        (None, Some((what, false))) => format!(
            "interrupted ({name}); {what} was not written in full (it stopped on an error): run the command again"
        ),
        (None, None) => format!("interrupted ({name})"),
    };
    if !done.removed.is_empty() {
        let paths: Vec<String> = done
            .removed
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        line.push_str(&format!(
            "; removed {} temporary file(s) it was writing: {}",
            done.removed.len(),
            paths.join(", ")
        ));
    }
    if !done.left.is_empty() {
        let paths: Vec<String> = done.left.iter().map(|p| p.display().to_string()).collect();
        line.push_str(&format!(
            "; left {} temporary file(s) or folder(s) it could not remove (or that hold the old folders the cut-short commit moved aside; move them back or remove them): {}",
            done.left.len(),
            paths.join(", ")
        ));
    }
    line
}

/// Test only: `ANNOT_TEST_SIGNAL_AT=commit-step-N[:int|int2|term|kill]` raises that
/// signal (SIGINT by default) in the process itself right after the Nth step of a
/// commit (a file renamed into place, a log appended to, a stale file removed;
/// counted from 1 over the process), and for SIGINT/SIGTERM waits until the
/// handler has seen it, so that tests interrupt each step for certain (`int2`:
/// then SIGINT again, which cuts the wait for the commit short). Not for
/// users: it is not in `--help`.
fn install_test_hook() {
    let Some(spec) = std::env::var_os("ANNOT_TEST_SIGNAL_AT") else {
        return;
    };
    let spec = spec.to_string_lossy().into_owned();
    let (step, signal) = spec.split_once(':').unwrap_or((spec.as_str(), "int"));
    // `int2`: Ctrl-C twice, the second while the first waits for the commit.
    let twice = signal == "int2";
    let signal = match signal {
        "term" => signal_hook::consts::SIGTERM,
        "kill" => signal_hook::consts::SIGKILL,
        _ => signal_hook::consts::SIGINT,
    };
    let Some(at) = step
        .strip_prefix("commit-step-")
        .and_then(|n| n.parse::<u64>().ok())
    else {
        return;
    };
    annot_model::atomic::on_commit_step(Box::new(move |n| {
        if n != at {
            return;
        }
        let _ = signal_hook::low_level::raise(signal);
        while !annot_model::atomic::is_interrupted() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        if twice {
            let _ = signal_hook::low_level::raise(signal);
            // The handler stops waiting at its next look (a fifth of a second) and
            // ends the process meanwhile.
            std::thread::sleep(std::time::Duration::from_secs(5));
        }
    }));
}
