//! Where commands come from: a line editor on a terminal, plain lines otherwise.
//!
//! The session only sees [`LineSource`], so the same commands work typed at a
//! prompt with history and arrow keys, or piped from a file
//! (`annot annotate --annotator bot < commands.txt`).

use std::io::{self, BufRead, IsTerminal};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use rustyline::error::ReadlineError;
use rustyline::history::History as _;
use rustyline::{
    Cmd, ConditionalEventHandler, DefaultEditor, Event, EventContext, EventHandler, KeyCode,
    KeyEvent, Modifiers, RepeatCount,
};

/// What a [`LineSource`] read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A line, without its line ending.
    Line(String),
    /// Ctrl-C on a terminal, on an empty line.
    Interrupted,
    /// Ctrl-C on a terminal with text typed: that text is thrown away (as in
    /// a shell), and nothing else happens.
    Cancelled,
    /// The end of input: Ctrl-D on a terminal, the end of a piped file.
    End,
}

/// A source of command lines.
pub trait LineSource {
    /// The next line, an interrupt, or the end of input.
    ///
    /// # Errors
    /// Reading fails.
    fn read_line(&mut self, prompt: &str) -> io::Result<Input>;

    /// Columns to wrap the screen at, when there is a terminal.
    fn width(&mut self) -> Option<usize> {
        None
    }

    /// Rows of the terminal, when the screen is one: a document taller than
    /// this is shown a page at a time. `None` shows whole documents.
    fn height(&mut self) -> Option<usize> {
        None
    }
}

/// Lines from any reader, no prompt: scripts, pipes and tests.
#[derive(Debug)]
pub struct PlainLines<R> {
    reader: R,
    buf: Vec<u8>,
}

impl<R: BufRead> PlainLines<R> {
    /// Reads lines from `reader`.
    pub fn new(reader: R) -> Self {
        Self {
            reader,
            buf: Vec::new(),
        }
    }
}

impl<R: BufRead> LineSource for PlainLines<R> {
    fn read_line(&mut self, _prompt: &str) -> io::Result<Input> {
        self.buf.clear();
        if self.reader.read_until(b'\n', &mut self.buf)? == 0 {
            return Ok(Input::End);
        }
        // Bytes that are not UTF-8 become U+FFFD: a command with them simply won't match.
        let line = String::from_utf8_lossy(&self.buf);
        Ok(Input::Line(line.trim_end_matches(['\n', '\r']).to_owned()))
    }
}

/// A key the line editor hands to the session instead of editing the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Key {
    /// Ctrl-C: whether the line had text decides between cancel and quit.
    CtrlC,
    /// PageDown: the command `>`.
    PageDown,
    /// PageUp: the command `<`.
    PageUp,
}

/// What the line held when a bound key was pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Pressed {
    key: Key,
    line: String,
    pos: usize,
}

/// A bound key: records itself and the line, then ends the line the way the session needs.
struct Bound {
    key: Key,
    pressed: Arc<Mutex<Option<Pressed>>>,
}

impl ConditionalEventHandler for Bound {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext<'_>) -> Option<Cmd> {
        let pressed = Pressed {
            key: self.key,
            line: ctx.line().to_owned(),
            pos: ctx.pos(),
        };
        *self.pressed.lock().unwrap_or_else(PoisonError::into_inner) = Some(pressed);
        Some(match self.key {
            Key::CtrlC => Cmd::Interrupt,
            Key::PageDown | Key::PageUp => Cmd::AcceptLine,
        })
    }
}

/// A line editor with history on a terminal. Ctrl-C cancels typed text and,
/// on an empty line, interrupts; PageDown and PageUp turn the page (`>`,
/// `<`) and give back what was typed at the next prompt.
pub struct Terminal {
    editor: DefaultEditor,
    history: Option<PathBuf>,
    pressed: Arc<Mutex<Option<Pressed>>>,
    /// Text typed before a page turn, put back at the next prompt (left, right of the cursor).
    resume: Option<(String, String)>,
}

impl std::fmt::Debug for Terminal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Terminal")
            .field("history", &self.history)
            .finish_non_exhaustive()
    }
}

impl Terminal {
    /// Opens the editor, loading history from `history` when it exists.
    ///
    /// # Errors
    /// The terminal cannot be set up.
    pub fn new(history: Option<PathBuf>) -> io::Result<Self> {
        let mut editor = DefaultEditor::new().map_err(to_io)?;
        if let Some(path) = &history
            && path.is_file()
        {
            // A damaged history file only costs the history.
            let _ = editor.load_history(path);
        }
        let pressed = Arc::new(Mutex::new(None));
        for (event, key) in [
            (KeyEvent::ctrl('C'), Key::CtrlC),
            (KeyEvent(KeyCode::PageDown, Modifiers::NONE), Key::PageDown),
            (KeyEvent(KeyCode::PageUp, Modifiers::NONE), Key::PageUp),
        ] {
            let bound = Bound {
                key,
                pressed: Arc::clone(&pressed),
            };
            editor.bind_sequence(event, EventHandler::Conditional(Box::new(bound)));
        }
        Ok(Self {
            editor,
            history,
            pressed,
            resume: None,
        })
    }

    fn take_pressed(&self) -> Option<Pressed> {
        self.pressed
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
    }
}

impl LineSource for Terminal {
    fn read_line(&mut self, prompt: &str) -> io::Result<Input> {
        self.take_pressed();
        let result = match self.resume.take() {
            Some((left, right)) => self
                .editor
                .readline_with_initial(prompt, (left.as_str(), right.as_str())),
            None => self.editor.readline(prompt),
        };
        let pressed = self.take_pressed();
        match result {
            Ok(line) => {
                if let Some(p) = pressed.filter(|p| p.key != Key::CtrlC) {
                    if !p.line.is_empty() {
                        let pos = p.pos.min(p.line.len());
                        let pos = (0..=pos)
                            .rev()
                            .find(|&i| p.line.is_char_boundary(i))
                            .unwrap_or(0);
                        self.resume = Some((p.line[..pos].to_owned(), p.line[pos..].to_owned()));
                    }
                    let turn = if p.key == Key::PageDown { ">" } else { "<" };
                    return Ok(Input::Line(turn.to_owned()));
                }
                if !line.trim().is_empty() {
                    let _ = self.editor.add_history_entry(line.as_str());
                }
                Ok(Input::Line(line))
            }
            Err(ReadlineError::Interrupted) => Ok(match pressed {
                Some(p) if !p.line.is_empty() => Input::Cancelled,
                _ => Input::Interrupted,
            }),
            Err(ReadlineError::Eof) => Ok(Input::End),
            Err(e) => Err(to_io(e)),
        }
    }

    fn width(&mut self) -> Option<usize> {
        self.editor
            .dimensions()
            .map(|(w, _)| usize::from(w))
            .filter(|&w| w >= 20)
    }

    fn height(&mut self) -> Option<usize> {
        // Paging is for a screen; a session whose output goes to a file gets it whole.
        if !io::stdout().is_terminal() {
            return None;
        }
        self.editor
            .dimensions()
            .map(|(_, h)| usize::from(h))
            .filter(|&h| h >= 10)
    }
}

impl Drop for Terminal {
    fn drop(&mut self) {
        if let Some(path) = &self.history
            && !self.editor.history().is_empty()
        {
            if let Some(dir) = path.parent() {
                let _ = std::fs::create_dir_all(dir);
            }
            let _ = self.editor.save_history(path);
        }
    }
}

fn to_io(e: ReadlineError) -> io::Error {
    match e {
        ReadlineError::Io(e) => e,
        other => io::Error::other(other.to_string()),
    }
}

/// The line editor when standard input is a terminal, plain lines from standard input otherwise.
///
/// # Errors
/// The terminal cannot be set up.
pub fn stdin_source(history: Option<PathBuf>) -> io::Result<Box<dyn LineSource>> {
    if io::stdin().is_terminal() {
        Ok(Box::new(Terminal::new(history)?))
    } else {
        Ok(Box::new(PlainLines::new(io::stdin().lock())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_lines_strip_endings_and_survive_bad_bytes() {
        let mut src = PlainLines::new(&b"a\r\nBoukamal LOC\n\xff\nlast"[..]);
        let line = |s: &str| Input::Line(s.to_owned());
        assert_eq!(src.read_line("x").unwrap(), line("a"));
        assert_eq!(src.read_line("x").unwrap(), line("Boukamal LOC"));
        assert_eq!(src.read_line("x").unwrap(), line("\u{fffd}"));
        assert_eq!(src.read_line("x").unwrap(), line("last"));
        assert_eq!(src.read_line("x").unwrap(), Input::End);
        assert_eq!(src.width(), None);
        assert_eq!(src.height(), None);
    }
}
