//! The session loop: show a document, read a command, apply it, and put every
//! decision (in the log) and every edit (in the draft journal) on disk,
//! fsynced, before the answer and the next prompt.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::time::Instant;

use annot_model::Schema;
use annot_model::annotations::{LostSpan, unsettled};
use annot_model::corpus::Corpus;
use annot_model::drafts::DraftJournal;
use annot_model::filter::Filter;
use annot_model::record::{Record, SpanSource, Status};
use annot_model::store::AnnotatorLog;
use annot_model::tokenize::Lang;
use annot_model::visible;
use anstyle::{AnsiColor, Style};

use crate::command::{Command, Target, label_keys, parse};
use crate::edit::{Ctx, Targets};
use crate::error::{Result, SessionError};
use crate::frontend::{Input, LineSource};
use crate::queue::{self, Order};
use crate::render::{self, Painter, RenderOptions, Screen};
use crate::span_numbers::SpanNumbers;
use crate::state::DocState;
use crate::suggest::{Dictionary, Pattern, Suggester};
use crate::view::DocView;

mod adjudicate;
mod decide;
mod draft;
mod navigate;
mod page;

use page::{Fitted, Pager, Turn};

/// How a session is set up.
#[derive(Debug, Clone, Default)]
pub struct SessionOptions {
    /// Whose log is written.
    pub annotator: String,
    /// Which documents.
    pub filter: Filter,
    /// The filter as typed, for the header.
    pub filter_text: Option<String>,
    /// In what order.
    pub order: Order,
    /// Walk every document, not only those still to do.
    pub redo: bool,
    /// Colour on.
    pub color: bool,
    /// Tokenizer language for documents that do not say.
    pub lang: Lang,
    /// Suggestion patterns.
    pub patterns: Vec<Pattern>,
    /// Another annotator (a model's predictions imported as `model`) whose
    /// spans on each document are offered as suggestions, taken with `y`.
    pub suggest_from: Option<SuggestFrom>,
}

/// The annotator whose spans are suggested, and their records.
#[derive(Debug, Clone)]
pub struct SuggestFrom {
    /// The annotator's name (`model`).
    pub annotator: String,
    /// Records read through [`annot_model::annotations`], that annotator's among them.
    pub annotations: std::sync::Arc<annot_model::annotations::Annotations>,
}

/// What a session did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Documents decided this session (one decided again after `u` counts once).
    pub saved: usize,
    /// Documents of the list left without a decision.
    pub remaining: usize,
}

/// The document on screen.
struct Current {
    entry: u32,
    pos: Option<usize>,
    view: DocView,
    state: DocState,
    shown: Instant,
    /// What the earlier record had that is not on the text now; listed until a decision.
    losses: Losses,
    /// The annotator's latest record of the document (read when it was opened,
    /// replaced by each decision).
    previous: Option<Record>,
}

/// The spans of a record, as far as the dictionary needs them.
#[derive(serde::Deserialize)]
struct AcceptedSpans {
    #[serde(default)]
    spans: Vec<SpanText>,
}

#[derive(serde::Deserialize)]
struct SpanText {
    text: String,
    label: String,
}

/// What an earlier record had that is not on the current text: spans lost
/// or corrupt, and zone corrections made on an older text.
#[derive(Debug, Clone, Default)]
struct Losses {
    spans: Vec<LostSpan>,
    zones: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Stop,
}

/// An annotation session over one annotator's log.
pub struct Session {
    corpus: Corpus,
    schema: Schema,
    log: AnnotatorLog,
    suggester: Suggester,
    opts: SessionOptions,
    queue: Vec<u32>,
    handled: HashSet<u32>,
    /// Unsaved work on documents not open now, with their lost spans (also in `journal`).
    drafts: HashMap<u32, (DocState, Losses)>,
    /// Every unsaved edit, on disk: `annotations/<name>.draft.jsonl`.
    journal: DraftJournal,
    /// Documents opened again by `u` after their decision; the decision stands in the log.
    reopened: HashSet<u32>,
    /// Documents whose restored draft lists spans it could not carry: kept until a decision or `drop`.
    pinned: HashSet<u32>,
    /// The document just decided, while `u` can still reopen it.
    last_decision: Option<Current>,
    /// A Ctrl-C came; a second one right after, on an empty line, quits.
    interrupt_armed: bool,
    current: Option<Current>,
    render: RenderOptions,
    /// Rows of the terminal, when output goes to one: taller documents page.
    height: Option<usize>,
    /// The numbers spans have on screen, fixed at the last full redraw.
    numbers: SpanNumbers,
    pager: Pager,
    show_boilerplate: bool,
    /// The latest decision written this session, per document.
    decided: HashMap<u32, Status>,
    pending_label: Option<Targets>,
    /// A decision that was asked about once; the same decision again goes ahead.
    confirm_armed: Option<Status>,
    /// `drop` was asked about once; `drop` again discards.
    drop_armed: bool,
    /// Suggestions (label, text) the annotator dismissed or deleted, per
    /// document id: not offered again there when the document is reopened.
    dismissed: HashMap<String, HashSet<(String, String)>>,
    /// `annot adjudicate`: the agendas and the choices taken (see `adjudicate.rs`).
    adjudicating: Option<adjudicate::Adjudicating>,
}

impl std::fmt::Debug for Session {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Session")
            .field("annotator", &self.opts.annotator)
            .field("queue", &self.queue.len())
            .field("decided", &self.decided.len())
            .finish_non_exhaustive()
    }
}

impl Session {
    /// Prepares a session: the list of documents, the annotator's dictionary,
    /// and their draft journal. `log` is the annotator's log, opened (and so
    /// locked) by the caller; the journal is opened under that lock.
    ///
    /// # Errors
    /// A document that cannot be read while applying a metadata filter; a
    /// draft journal that cannot be read or compacted.
    pub fn new(
        corpus: Corpus,
        schema: Schema,
        log: AnnotatorLog,
        opts: SessionOptions,
    ) -> Result<Self> {
        let status_of = |doc: &str| log.status_of(doc);
        let queue = queue::build(&corpus, status_of, &opts.filter, opts.order)?;
        let done = log
            .statuses()
            .filter(|(_, s)| s.leaves_queue())
            .map(|(doc, _)| doc);
        let handled = queue::already_done(&corpus, &queue, done, &opts.filter, opts.redo);
        // One pass over the accepted records, reading only their spans' text
        // and label: the dictionary keeps counts of span texts, not the records.
        let mut dictionary = Dictionary::default();
        for spans in log.read_where::<AcceptedSpans>(|s| s == Status::Accepted) {
            for s in spans?.spans {
                dictionary.add_span(&s.text, &s.label);
            }
        }
        let suggester = Suggester::new(opts.patterns.clone(), dictionary);
        let journal = DraftJournal::open(&log)?;
        let render = RenderOptions {
            color: opts.color,
            width: None,
        };
        Ok(Self {
            corpus,
            schema,
            log,
            suggester,
            opts,
            queue,
            handled,
            drafts: HashMap::new(),
            journal,
            reopened: HashSet::new(),
            pinned: HashSet::new(),
            last_decision: None,
            interrupt_armed: false,
            current: None,
            render,
            height: None,
            numbers: SpanNumbers::default(),
            pager: Pager::default(),
            show_boilerplate: false,
            decided: HashMap::new(),
            pending_label: None,
            confirm_armed: None,
            drop_armed: false,
            dismissed: HashMap::new(),
            adjudicating: None,
        })
    }

    /// Documents in this session's list.
    #[must_use]
    pub fn queue_len(&self) -> usize {
        self.queue.len()
    }

    /// The prompt for the next line.
    #[must_use]
    pub fn prompt(&self) -> String {
        if self.pending_label.is_some() {
            "label› ".to_owned()
        } else {
            format!("{}› ", visible(&self.opts.annotator))
        }
    }

    /// Runs the session until `q`, Ctrl-C twice on an empty line, or the end
    /// of input; with every document of the list decided it says so and
    /// waits, so that `u` can still reopen the last one. Drafts of an earlier
    /// session come back first.
    ///
    /// # Errors
    /// Reading input, writing the screen, reading a document or appending to the log.
    pub fn run(&mut self, input: &mut dyn LineSource, out: &mut dyn Write) -> Result<Summary> {
        self.render.width = input.width();
        self.height = input.height();
        // Whatever the session prints is fitted to the terminal as a last
        // step, so that no answer runs past its width, whoever wrote it.
        let mut out = Fitted::new(out, self.render);
        self.header(&mut out)?;
        let restored = self.restore_drafts(&mut out)?;
        if let Some(first) = restored.first() {
            let pos = self.queue.iter().position(|&e| e == first.entry);
            self.open(first.entry, pos, &mut out)?;
            self.say_restored(&restored, &mut out)?;
        } else {
            self.open_first(&mut out)?;
        }
        if self.current.is_none() {
            self.journal.compact()?;
            out.flush()?;
            return Ok(self.summary());
        }
        out.flush()?;
        loop {
            // The terminal may have been resized since the last command.
            self.render.width = input.width();
            self.height = input.height();
            out.opts = self.render;
            let prompt = self.prompt();
            let line = match input.read_line(&prompt).map_err(SessionError::Input)? {
                Input::Line(line) => line,
                Input::End => {
                    let why = self.why_ending("end of input");
                    self.farewell(&mut out, why)?;
                    break;
                }
                // Ctrl-C on an empty line, with no question pending, after a Ctrl-C: quit.
                Input::Interrupted if self.interrupt_armed && self.pending_label.is_none() => {
                    self.farewell(&mut out, "Ctrl-C")?;
                    break;
                }
                cancel @ (Input::Interrupted | Input::Cancelled) => {
                    // Ctrl-C cancels what is in progress (the typed line, a
                    // question), as in a shell; only one on an empty line quits.
                    self.interrupt_armed = true;
                    let what = if self.pending_label.take().is_some() {
                        "question cancelled, nothing marked"
                    } else if cancel == Input::Cancelled {
                        "line cancelled"
                    } else {
                        "Ctrl-C"
                    };
                    say(
                        &mut out,
                        &format!(
                            "{what} · Ctrl-C again on an empty line, Ctrl-D or q quits (unsaved edits are kept as a draft)"
                        ),
                    )?;
                    out.flush()?;
                    continue;
                }
            };
            self.interrupt_armed = false;
            // The answer waits until the edit is in the journal: what the screen
            // acknowledges survives a crash.
            let mut screen = Vec::new();
            let flow = self.handle(&line, &mut screen)?;
            if flow == Flow::Continue {
                self.journal_current(&mut screen)?;
            }
            out.write_all(&screen)?;
            out.flush()?;
            if flow == Flow::Stop {
                break;
            }
        }
        out.flush()?;
        Ok(self.summary())
    }

    /// Opens the first document still to do, or says there is none.
    fn open_first(&mut self, out: &mut dyn Write) -> Result<()> {
        match self.next_todo(None) {
            Some(pos) => self.open(self.queue[pos], Some(pos), out)?,
            None => {
                let msg = if self.corpus.is_empty() {
                    "nothing to do: the corpus is empty; add documents with `annot import`"
                        .to_owned()
                } else if self.opts.redo || self.opts.filter_text.is_some() {
                    "nothing to do: no document matches".to_owned()
                } else {
                    format!(
                        "nothing to do: {} has decided every document (--redo goes over them again)",
                        self.opts.annotator
                    )
                };
                say(out, &msg)?;
            }
        }
        Ok(())
    }

    /// What the session did so far: records written, documents left.
    #[must_use]
    pub fn summary(&self) -> Summary {
        Summary {
            saved: self.decided.len(),
            remaining: self
                .queue
                .iter()
                // A document decided this session and reopened by `u` is not to do:
                // its decision is in the log.
                .filter(|e| !self.handled.contains(e) && !self.decided.contains_key(e))
                .count(),
        }
    }

    fn header(&self, out: &mut dyn Write) -> Result<()> {
        let p = Painter::new(&self.render);
        let mut parts = vec![
            "annot".to_owned(),
            format!("schema {}", self.schema.id()),
            self.opts.annotator.clone(),
            format!(
                "{} documents, {} to do",
                self.corpus.len(),
                self.summary().remaining
            ),
        ];
        if let Some(f) = &self.opts.filter_text {
            parts.push(format!("filter {f}"));
        }
        if self.suggester.pattern_count() > 0 {
            parts.push(format!("{} patterns", self.suggester.pattern_count()));
        }
        if let Some(from) = &self.opts.suggest_from {
            parts.push(format!("suggestions from {}", from.annotator));
        }
        if !self.suggester.dictionary().is_empty() {
            parts.push(format!(
                "{} in your dictionary",
                self.suggester.dictionary().len()
            ));
        }
        let mut line = String::new();
        render::wrap(
            &mut line,
            &[(parts.join(" · "), Style::new().bold())],
            0,
            2,
            &self.render,
        );
        writeln!(out, "{line}")?;
        if let Some(t) = self.log.torn() {
            let moved = t
                .moved_to
                .as_ref()
                .map(|p| format!(", moved to {}", p.display()))
                .unwrap_or_default();
            say(
                out,
                &format!(
                    "the last line of your log ({}:{}) was cut short by a crash and set aside{moved}; every record before it is intact",
                    self.log.path().display(),
                    t.line
                ),
            )?;
        }
        writeln!(
            out,
            "{}",
            p.dim("? lists the commands · Enter accepts · q quits")
        )?;
        writeln!(out)?;
        Ok(())
    }

    fn next_todo(&self, after: Option<usize>) -> Option<usize> {
        let n = self.queue.len();
        let start = after.map_or(0, |p| p + 1).min(n);
        (start..n)
            .chain(0..start)
            .find(|&i| !self.handled.contains(&self.queue[i]))
    }

    fn screen<'a>(&'a self, cur: &'a Current) -> Screen<'a> {
        let position = match cur.pos {
            Some(p) => format!("doc {}/{}", p + 1, self.queue.len()),
            None => "not in this session's list".to_owned(),
        };
        let position = if self.reopened.contains(&cur.entry) {
            format!("{position} · reopened")
        } else {
            position
        };
        Screen {
            view: &cur.view,
            ann: cur.state.current(),
            schema: &self.schema,
            position,
            previous: cur.previous.as_ref(),
            lost: unsettled(
                &cur.losses.spans,
                &cur.state.baseline().spans,
                &cur.state.current().spans,
            ),
            lost_zones: if cur.state.current().zones.is_none() {
                cur.losses.zones
            } else {
                0
            },
            show_boilerplate: self.show_boilerplate,
            numbers: &self.numbers,
        }
    }

    fn handle(&mut self, line: &str, out: &mut dyn Write) -> Result<Flow> {
        // `u` reopens a decision only as the very next input (or while nothing is open).
        let last_decision = self.last_decision.take();
        if let Some(mark) = self.pending_label.take() {
            // A page turn (`>`, `<`, PageDown, PageUp) while asked for a label: the question stays.
            let turn = match line.trim() {
                ">" => Some(Turn::Down),
                "<" => Some(Turn::Up),
                _ => None,
            };
            if let Some(turn) = turn {
                self.turn(turn, out)?;
                self.pending_label = Some(mark);
                return Ok(Flow::Continue);
            }
            let before = self.current.as_ref().map(|c| c.state.current().clone());
            self.finish_mark(mark, line.trim(), out)?;
            if let Some(before) = before {
                self.show_touched(&before, out)?;
            }
            return Ok(Flow::Continue);
        }
        if let Some(flow) = self.take_choice(line, out)? {
            return Ok(flow);
        }
        let cmd = match parse(line, &self.schema) {
            Ok(c) => c,
            Err(e) => {
                complain(out, &self.render, &e)?;
                return Ok(Flow::Continue);
            }
        };
        if cmd != Command::Help {
            self.reset_help();
        }
        let armed = self.confirm_armed.take();
        let drop_armed = std::mem::take(&mut self.drop_armed);
        let needs_document = !matches!(
            cmd,
            Command::Undo | Command::Quit | Command::Help | Command::Goto(_)
        );
        if self.current.is_none() && needs_document {
            self.last_decision = last_decision;
            self.say_all_done(out)?;
            return Ok(Flow::Continue);
        }
        match cmd {
            Command::Undo if last_decision.is_some() => match last_decision {
                Some(decided) => self.reopen(decided, out),
                None => Ok(Flow::Continue),
            },
            Command::Drop => self.drop_draft(drop_armed, out),
            Command::Accept => self.decide(Status::Accepted, None, armed, out),
            Command::Reject => self.decide(Status::Rejected, None, armed, out),
            Command::Skip => self.decide(Status::Skipped, None, armed, out),
            Command::Flag(reason) => self.decide(Status::Flagged, reason, armed, out),
            Command::Quit => self.quit(out),
            Command::Previous | Command::Next | Command::Goto(_) => {
                self.navigate(&cmd, out)?;
                Ok(Flow::Continue)
            }
            Command::Help => {
                if self.current.is_none() {
                    // Nothing open: `u` can still reopen the last decision after `?`.
                    self.last_decision = last_decision;
                }
                self.help(out)?;
                Ok(Flow::Continue)
            }
            Command::Boilerplate => {
                self.show_boilerplate = !self.show_boilerplate;
                self.show(out)?;
                Ok(Flow::Continue)
            }
            Command::Redraw(None) => {
                self.show(out)?;
                Ok(Flow::Continue)
            }
            Command::Redraw(Some(n)) => {
                self.show_paragraph(n, out)?;
                Ok(Flow::Continue)
            }
            Command::PageDown => {
                self.turn(Turn::Down, out)?;
                Ok(Flow::Continue)
            }
            Command::PageUp => {
                self.turn(Turn::Up, out)?;
                Ok(Flow::Continue)
            }
            Command::Ruler(paragraph) => {
                if let Some(cur) = &self.current {
                    render::ruler(out, &self.screen(cur), paragraph, &self.render)?;
                }
                Ok(Flow::Continue)
            }
            other => {
                let before = self.current.as_ref().map(|c| c.state.current().clone());
                let result = self.edit(other);
                match result {
                    Ok(Some(msg)) => tell(out, &self.render, &msg)?,
                    Ok(None) => {}
                    Err(e) => complain(out, &self.render, &e)?,
                }
                if let Some(before) = before {
                    self.show_touched(&before, out)?;
                }
                Ok(Flow::Continue)
            }
        }
    }

    /// Applies a command that changes the annotation; `Ok(None)` means a question was asked.
    fn edit(&mut self, cmd: Command) -> Result<Option<String>, String> {
        let Some(cur) = self.current.as_mut() else {
            return Err("no document is open".into());
        };
        let ctx = Ctx {
            view: &cur.view,
            schema: &self.schema,
            hide_boilerplate: !self.show_boilerplate,
            numbers: &self.numbers,
        };
        let st = &mut cur.state;
        // What a dismissal or a deletion takes away from the suggestions of this document.
        let forgotten: Vec<(String, String)> = match &cmd {
            Command::Dismiss(numbers) => st
                .current()
                .pending
                .iter()
                .filter(|g| numbers.is_empty() || numbers.contains(&g.number))
                .map(|g| (g.label.clone(), g.text.clone()))
                .collect(),
            Command::Delete(numbers) => numbers
                .iter()
                .filter_map(|&k| st.current().spans.get(k.wrapping_sub(1)))
                .filter(|s| s.source.is_some_and(|src| src != SpanSource::Manual))
                .map(|s| (s.label.clone(), s.text.clone()))
                .collect(),
            _ => Vec::new(),
        };
        let doc_id = cur.view.doc.id.clone();
        let msg = match cmd {
            Command::Undo => format!(
                "undone: {}",
                st.undo().ok_or("nothing to undo in this document")?
            ),
            Command::Redo => format!("redone: {}", st.redo().ok_or("nothing to redo")?),
            Command::Mark { target, label, all } => {
                let targets = match target {
                    Target::Text(text) => {
                        ctx.mark_targets(st.current(), &text, all, label.as_deref())?
                    }
                    Target::Tokens { first, last } => Targets {
                        ranges: vec![ctx.token_target(
                            st.current(),
                            first,
                            last,
                            label.as_deref(),
                        )?],
                        ..Targets::default()
                    },
                };
                match label {
                    Some(l) => {
                        let label = ctx.label(&l)?;
                        ctx.add_spans(st, &targets, &label)?
                    }
                    None => {
                        let (s, e) = targets.ranges.first().copied().unwrap_or_default();
                        let text = cur.view.slice(s, e).to_owned();
                        self.pending_label = Some(targets);
                        return Ok(Some(format!(
                            "which label for \"{text}\"? {}",
                            label_keys(&self.schema)
                        )));
                    }
                }
            }
            Command::Delete(numbers) => ctx.delete(st, &numbers)?,
            Command::Relabel { span, label } => ctx.relabel(st, span, &label)?,
            Command::Resize { span, side, delta } => ctx.resize(st, span, side, delta)?,
            Command::SetLabel { set, value } => ctx.doc_label(st, &set, value.as_deref(), false)?,
            Command::UnsetLabel { set, value } => {
                ctx.doc_label(st, &set, value.as_deref(), true)?
            }
            Command::Zone { first, last, zone } => ctx.zone(st, first, last, &zone)?,
            Command::Note(note) => ctx.note(st, note.as_deref())?,
            Command::Take(numbers) => ctx.take(st, &numbers)?,
            Command::Dismiss(numbers) => ctx.dismiss(st, &numbers)?,
            _ => return Ok(None),
        };
        if !forgotten.is_empty() {
            self.dismissed.entry(doc_id).or_default().extend(forgotten);
        }
        Ok(Some(msg))
    }

    fn finish_mark(&mut self, mark: Targets, typed: &str, out: &mut dyn Write) -> Result<()> {
        let Some(cur) = self.current.as_mut() else {
            return Ok(());
        };
        let (s, e) = mark.ranges.first().copied().unwrap_or_default();
        let text = cur.view.slice(s, e).to_owned();
        let Some(def) = self.schema.span_label(typed) else {
            let what = if typed.is_empty() {
                "nothing typed".to_owned()
            } else {
                format!("'{typed}' is not a label")
            };
            return complain(
                out,
                &self.render,
                &format!("{what}: \"{text}\" was not marked"),
            );
        };
        let label = def.name.clone();
        let ctx = Ctx {
            view: &cur.view,
            schema: &self.schema,
            hide_boilerplate: !self.show_boilerplate,
            numbers: &self.numbers,
        };
        match ctx.add_spans(&mut cur.state, &mark, &label) {
            Ok(msg) => tell(out, &self.render, &msg),
            Err(e) => complain(out, &self.render, &e),
        }
    }
}

fn elapsed_ms(since: Instant) -> u64 {
    u64::try_from(since.elapsed().as_millis()).unwrap_or(u64::MAX)
}

fn duration(ms: u64) -> String {
    let s = ms / 1000;
    match s {
        0 => format!("{ms} ms"),
        1..60 => format!("{s} s"),
        _ => format!("{} min {} s", s / 60, s % 60),
    }
}

/// An answer to a command. Answers quote documents and what was typed, so
/// their control characters are made [`visible`].
fn say(out: &mut dyn Write, msg: &str) -> Result<()> {
    writeln!(out, "  {}", visible(msg))?;
    Ok(())
}

/// An answer, wrapped to the terminal under its two-column gutter (its
/// control characters made [`visible`] by the wrapping).
fn tell(out: &mut dyn Write, opts: &RenderOptions, msg: &str) -> Result<()> {
    let text = render::message(&[("  ".to_owned(), Style::new())], msg, opts);
    out.write_all(text.as_bytes())?;
    Ok(())
}

/// A command that was refused; nothing changed. The message often quotes
/// what was typed; wrapping makes its control characters [`visible`].
fn complain(out: &mut dyn Write, opts: &RenderOptions, msg: &str) -> Result<()> {
    let bang = Style::new().fg_color(Some(AnsiColor::Red.into())).bold();
    let gutter = [
        ("  ".to_owned(), Style::new()),
        ("!".to_owned(), bang),
        (" ".to_owned(), Style::new()),
    ];
    out.write_all(render::message(&gutter, msg, opts).as_bytes())?;
    Ok(())
}

#[cfg(test)]
mod tests;
