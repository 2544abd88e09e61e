//! Terminal output: colour choice, error reports, progress bars.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use serde_json::ser::{Formatter, PrettyFormatter};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Whether colour is on for stdout, given `--color` and the environment.
pub(crate) fn color_enabled(choice: crate::cli::ColorChoice) -> bool {
    match choice {
        crate::cli::ColorChoice::Always => true,
        crate::cli::ColorChoice::Never => false,
        crate::cli::ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}

/// Prints an error and its causes to stderr; a broken pipe exits quietly with 0.
///
/// The quiet exit is for commands whose only product is stdout
/// (`annot export | head`): the reader has what it wanted. A command whose
/// product is elsewhere passes its error through [`broken_pipe_is_an_error`].
pub(crate) fn report_error(err: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(err) {
        return ExitCode::SUCCESS;
    }
    let mut stderr = std::io::stderr().lock();
    let mut msg = format!("error: {err}");
    for cause in err.chain().skip(1) {
        let c = cause.to_string();
        if !msg.contains(&c) {
            msg.push_str(&format!("\n  caused by: {c}"));
        }
    }
    // Errors quote ids, paths and what was typed: no escape sequence reaches the terminal.
    let _ = writeln!(stderr, "{}", annot_model::visible(&msg));
    ExitCode::from(2)
}

/// Says once on stderr that the index of some logs could not be written, and
/// why: the command read them without it (the same result, more time and memory).
pub(crate) fn report_tables_not_written() {
    let notes = annot_model::store::take_tables_not_written();
    let Some(first) = notes.first.first() else {
        return;
    };
    let logs: Vec<String> = notes
        .first
        .iter()
        .take(3)
        .map(|n| n.log.display().to_string())
        .collect();
    let more = notes.logs.saturating_sub(logs.len());
    let msg = format!(
        "note: the index of {}{} could not be written ({}); {} read without it, in memory",
        logs.join(", "),
        if more > 0 {
            format!(" and {more} other logs")
        } else {
            String::new()
        },
        first.reason,
        if notes.logs == 1 {
            "it was"
        } else {
            "they were"
        }
    );
    let _ = writeln!(std::io::stderr().lock(), "{}", annot_model::visible(&msg));
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            // serde_json wraps the I/O error of the writer it was given.
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

/// For commands whose work is not their stdout (a session saves decisions):
/// an error with a broken pipe among its causes is reported like any other,
/// not swallowed by [`report_error`].
pub(crate) fn broken_pipe_is_an_error(err: anyhow::Error) -> anyhow::Error {
    if is_broken_pipe(&err) {
        anyhow::anyhow!("{err:#}")
    } else {
        err
    }
}

/// Standard output for a session, line-buffered over a [`ScreenOut`].
///
/// On Unix the [`ScreenOut`] sits on a duplicate of the descriptor, under the
/// buffer, so the bytes it counts are bytes the reader could have read; std's
/// own `Stdout` buffers above any wrapper and would count bytes never sent.
pub(crate) fn session_stdout() -> std::io::LineWriter<ScreenOut<Box<dyn Write>>> {
    std::io::LineWriter::new(ScreenOut::new(raw_stdout()))
}

#[cfg(unix)]
fn raw_stdout() -> Box<dyn Write> {
    use std::os::fd::AsFd as _;
    match std::io::stdout().as_fd().try_clone_to_owned() {
        Ok(fd) => Box::new(std::fs::File::from(fd)),
        // No descriptor 1 at all: std's stdout quietly drops what is written.
        Err(_) => Box::new(std::io::stdout()),
    }
}

#[cfg(not(unix))]
fn raw_stdout() -> Box<dyn Write> {
    // The console needs std's UTF-16 conversion; the count may then include buffered bytes.
    Box::new(std::io::stdout())
}

/// Output for a session: once the reader has gone (a broken pipe), the
/// screen is dropped and the work goes on.
///
/// Every write after the pipe closed succeeds without writing, so the session
/// still applies every command and saves every decision; [`ScreenOut::closed_after`]
/// tells the command to say so at the end. Other write errors pass through.
#[derive(Debug)]
pub(crate) struct ScreenOut<W> {
    inner: W,
    written: u64,
    closed: bool,
}

impl<W: Write> ScreenOut<W> {
    /// Output to `inner`.
    pub(crate) fn new(inner: W) -> Self {
        Self {
            inner,
            written: 0,
            closed: false,
        }
    }

    /// Bytes `inner` took before the pipe closed, when it did.
    pub(crate) fn closed_after(&self) -> Option<u64> {
        self.closed.then_some(self.written)
    }

    fn absorb<T>(&mut self, result: std::io::Result<T>, or: T) -> std::io::Result<T> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(or)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for ScreenOut<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        if let Ok(n) = result {
            self.written += n as u64;
        }
        self.absorb(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.absorb(result, ())
    }
}

/// A progress bar on stderr, hidden when stderr is not a terminal.
pub(crate) fn progress_bar(total_bytes: u64, what: &str) -> ProgressBar {
    let bar = ProgressBar::with_draw_target(Some(total_bytes), ProgressDrawTarget::stderr());
    if !std::io::stderr().is_terminal() {
        bar.set_draw_target(ProgressDrawTarget::hidden());
    }
    let style = ProgressStyle::with_template(
        "{prefix} [{bar:30}] {bytes}/{total_bytes} {bytes_per_sec} {msg} eta {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("=> ");
    bar.set_style(style);
    bar.set_prefix(what.to_owned());
    bar
}

/// Writes a value as pretty JSON and a newline to stdout.
///
/// Strings keep every character, but those a terminal would obey (C1
/// controls, DEL, bidi overrides; serde_json already escapes C0) are written
/// as `\uXXXX` escapes: still the same JSON value, never an escape sequence
/// on the screen of whoever runs `annot show --json`.
pub(crate) fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    // Buffered: stdout alone writes at every newline, and pretty JSON has many.
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut ser =
        serde_json::Serializer::with_formatter(&mut out, SafeFormatter(PrettyFormatter::new()));
    value.serialize(&mut ser)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// serde_json's pretty printer, with terminal controls in strings escaped.
struct SafeFormatter<'a>(PrettyFormatter<'a>);

impl Formatter for SafeFormatter<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let mut rest = fragment;
        while let Some(i) = rest.find(annot_model::visible::is_terminal_control) {
            writer.write_all(&rest.as_bytes()[..i])?;
            let c = rest[i..].chars().next().unwrap_or_default();
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[i + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// The items of `list`; when its temporary file cannot be read back, those
/// before, and a line on stderr saying the rest is not (`unread` set).
pub(crate) fn each<'a, T: Clone>(
    list: &'a annot_model::SpillList<T>,
    unread: &'a std::cell::Cell<bool>,
) -> impl Iterator<Item = T> + 'a
where
    annot_model::spill::Json: annot_model::spill::Codec<T>,
{
    list.iter().map_while(move |item| match item {
        Ok(item) => Some(item),
        Err(e) => {
            unread.set(true);
            // A closed stderr is nothing to report anywhere else.
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                annot_model::visible(&format!("the rest of the report cannot be read: {e}"))
            );
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Takes `room` bytes, then fails as a pipe without reader does.
    struct Pipe {
        got: Vec<u8>,
        room: usize,
        kind: std::io::ErrorKind,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            if self.got.len() >= self.room {
                return Err(self.kind.into());
            }
            let n = buf.len().min(self.room - self.got.len());
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> std::io::Result<()> {
            if self.got.len() >= self.room {
                return Err(self.kind.into());
            }
            Ok(())
        }
    }

    fn pipe(room: usize, kind: std::io::ErrorKind) -> ScreenOut<Pipe> {
        ScreenOut::new(Pipe {
            got: Vec::new(),
            room,
            kind,
        })
    }

    #[test]
    fn a_closed_pipe_drops_the_screen_and_counts_what_went_out() {
        let mut out = pipe(5, std::io::ErrorKind::BrokenPipe);
        writeln!(out, "abc").unwrap();
        assert_eq!(out.closed_after(), None);
        writeln!(out, "defgh").unwrap();
        writeln!(out, "more").unwrap();
        out.flush().unwrap();
        assert_eq!(out.closed_after(), Some(5));
        assert_eq!(out.inner.got, b"abc\nd");
    }

    #[test]
    fn other_errors_pass_through() {
        let mut out = pipe(2, std::io::ErrorKind::Other);
        assert!(writeln!(out, "abc").is_err());
        assert_eq!(out.closed_after(), None);
    }

    #[test]
    fn only_a_broken_pipe_is_quiet_and_sessions_are_never_quiet() {
        let pipe = anyhow::Error::from(std::io::Error::from(std::io::ErrorKind::BrokenPipe))
            .context("writing");
        assert!(is_broken_pipe(&pipe));
        let loud = broken_pipe_is_an_error(pipe);
        assert!(!is_broken_pipe(&loud));
        assert!(loud.to_string().starts_with("writing: "), "{loud}");
        assert!(!is_broken_pipe(&anyhow::anyhow!("other")));
    }
}
