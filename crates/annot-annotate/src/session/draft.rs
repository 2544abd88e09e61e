//! Nothing lost: the draft journal of unsaved edits ([`annot_model::drafts`]),
//! restored at the start, `drop`, and `u` right after a decision.
//!
//! After every command, the open document's annotation goes to the journal
//! (fsynced) before the screen answers, so what the screen acknowledged
//! survives Ctrl-C, a closed connection or kill -9. Undo history does not
//! survive: a restored draft is one change (`u` takes it back to the last decision).

use std::io::Write;
use std::time::Instant;

use annot_model::annotations::{Anchor, resolve};
use annot_model::drafts::Draft;
use annot_model::record::{Status, now_rfc3339};

use super::{Current, Flow, Session, complain, elapsed_ms, say};
use crate::error::Result;
use crate::view::DocView;

/// A draft put back at the start, for the message.
pub(super) struct Restored {
    pub(super) entry: u32,
    pub(super) id: String,
    pub(super) edits: usize,
}

impl Session {
    /// Writes the open document's annotation to the journal when it changed
    /// since the last line (one fsync), or clears its draft when it is back to
    /// its last decision. A journal that cannot be written is said, not fatal:
    /// the edits are still in memory.
    pub(super) fn journal_current(&mut self, out: &mut dyn Write) -> Result<()> {
        let Some(cur) = &self.current else {
            return Ok(());
        };
        let id = cur.view.doc.id.clone();
        let ann = cur.state.current();
        // A document reopened by `u` and not changed since has no unsaved edits: its
        // decision is in the log, and there is no draft to keep or to promise back.
        let keep = self.pinned.contains(&cur.entry);
        let result = if cur.state.is_changed() || keep {
            let same = self.journal.get(&id).is_some_and(|d| {
                d.hash == cur.view.doc.hash
                    && d.spans == ann.spans
                    && d.labels == ann.labels
                    && d.zones == ann.zones
                    && d.note == ann.note
            });
            if same {
                return Ok(());
            }
            let draft = Draft {
                hash: cur.view.doc.hash.clone(),
                log_lines: self.log.line_count(),
                at: now_rfc3339(),
                ms: cur.state.ms + elapsed_ms(cur.shown),
                edits: self.journal.get(&id).map_or(0, |d| d.edits) + 1,
                spans: ann.spans.clone(),
                labels: ann.labels.clone(),
                zones: ann.zones.clone(),
                note: ann.note.clone(),
                lost: cur.losses.spans.clone(),
                lost_zones: cur.losses.zones,
            };
            self.journal.put(&id, draft)
        } else {
            self.journal.clear(&id, true)
        };
        if let Err(e) = result {
            complain(
                out,
                &self.render,
                &format!("the draft could not be saved ({e}); your edits are in memory only"),
            )?;
        }
        Ok(())
    }

    /// Puts the journal's drafts back as unsaved work, carried onto the
    /// current text like records; returns them, the first to open first.
    pub(super) fn restore_drafts(&mut self, out: &mut dyn Write) -> Result<Vec<Restored>> {
        if let Some(line) = self.journal.torn() {
            say(
                out,
                &format!(
                    "the last line of your draft journal ({}:{line}) was cut short by a crash (a command not yet answered); it is set aside in {}",
                    self.journal.path().display(),
                    annot_model::store::rejected_path(self.journal.path()).display()
                ),
            )?;
        }
        for id in self.journal.stale() {
            say(
                out,
                &format!("a draft of {id} older than your last decision on it was discarded"),
            )?;
        }
        let drafts: Vec<(String, Draft)> = self
            .journal
            .drafts()
            .map(|(id, d)| (id.to_owned(), d.clone()))
            .collect();
        let mut restored = Vec::new();
        for (id, draft) in drafts {
            let Some(entry) = self
                .corpus
                .position(&id)
                .and_then(|i| u32::try_from(i).ok())
            else {
                say(
                    out,
                    &format!(
                        "the draft of {id} is set aside: the corpus no longer has that document (it stays in {})",
                        self.journal.path().display()
                    ),
                )?;
                continue;
            };
            if self.restore_one(entry, &draft, out)? {
                restored.push(Restored {
                    entry,
                    id,
                    edits: draft.edits,
                });
            } else if let Err(e) = self.journal.clear(&id, true) {
                complain(out, &self.render, &format!("the draft of {id}: {e}"))?;
            }
        }
        let place = |e: u32| {
            self.queue
                .iter()
                .position(|&q| q == e)
                .unwrap_or(usize::MAX)
        };
        restored.sort_by_key(|r| (place(r.entry), r.entry));
        Ok(restored)
    }

    /// One draft onto the document as it is now; `false` when nothing of it differs from the last decision.
    fn restore_one(&mut self, entry: u32, draft: &Draft, out: &mut dyn Write) -> Result<bool> {
        let view = DocView::new(self.corpus.get_at(entry as usize)?, self.opts.lang);
        let (mut state, mut losses) = self.fresh_state(&view, out)?;
        // The same rule as for records: carried onto the current text, or listed as lost.
        let as_record = draft.as_record(&view.doc.id, &self.opts.annotator, &self.schema.id());
        let resolved = resolve(&as_record, Some(&view.doc), &self.corpus)?;
        let overlap = self.schema.spans.overlap;
        let carried = resolved.record.clone();
        let _ = state.edit("the restored draft", move |a| {
            a.spans = carried.spans;
            a.sort_spans();
            a.labels = carried.labels;
            a.zones = carried.zones;
            a.note = carried.note;
            a.prune_pending(overlap);
            Ok(())
        });
        state.ms = draft.ms;
        if resolved.anchor != Anchor::Current || !resolved.lost.is_empty() {
            let dropped = resolved.dropped_zones.as_ref().map_or(0, Vec::len);
            say(
                out,
                &format!(
                    "the draft of {} was made on {}: {} span(s) carried over, {} could not be (listed as ✗ lost){}",
                    view.doc.id,
                    if resolved.anchor == Anchor::Current {
                        "this text"
                    } else {
                        "an older text"
                    },
                    resolved.record.spans.len(),
                    resolved.lost.len(),
                    if dropped > 0 {
                        format!(", {dropped} zone correction(s) no longer apply")
                    } else {
                        String::new()
                    }
                ),
            )?;
            losses.zones += dropped;
        }
        // What the draft could not carry stays listed, in this session and the next.
        let carried_nothing = !resolved.lost.is_empty() || !draft.lost.is_empty();
        for l in draft.lost.iter().cloned().chain(resolved.lost) {
            if !losses.spans.contains(&l) {
                losses.spans.push(l);
            }
        }
        losses.zones = losses.zones.max(draft.lost_zones);
        if !state.is_changed() {
            if !carried_nothing {
                return Ok(false);
            }
            self.pinned.insert(entry);
        }
        self.drafts.insert(entry, (state, losses));
        Ok(true)
    }

    /// What the annotator is told about the drafts that came back.
    pub(super) fn say_restored(&self, restored: &[Restored], out: &mut dyn Write) -> Result<()> {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        match restored {
            [] => Ok(()),
            [one] => say(
                out,
                &format!(
                    "restored {} unsaved edit{} of {}: continue, or `drop` to discard",
                    one.edits,
                    plural(one.edits),
                    one.id
                ),
            ),
            [first, rest @ ..] => {
                let others: Vec<String> = rest
                    .iter()
                    .map(|r| format!("{} ({} edit{})", r.id, r.edits, plural(r.edits)))
                    .collect();
                say(
                    out,
                    &format!(
                        "restored the unsaved edits of {} documents: {} ({} edit{}, open), {} · g ID opens one, `drop` discards the open one's",
                        restored.len(),
                        first.id,
                        first.edits,
                        plural(first.edits),
                        others.join(", ")
                    ),
                )
            }
        }
    }

    /// `drop`: the open document goes back to its last decision (or to nothing).
    /// `drop`: asks once, then (`armed`: typed again) discards the open
    /// document's unsaved edits; the undo history cannot bring them back.
    pub(super) fn drop_draft(&mut self, armed: bool, out: &mut dyn Write) -> Result<Flow> {
        let Some(cur) = self.current.take() else {
            complain(out, &self.render, "no document is open")?;
            return Ok(Flow::Continue);
        };
        let id = cur.view.doc.id.clone();
        let reopened = self.reopened.contains(&cur.entry);
        if !cur.state.is_changed()
            && !reopened
            && !self.pinned.contains(&cur.entry)
            && self.journal.get(&id).is_none()
        {
            self.current = Some(cur);
            say(out, &format!("nothing to drop: {id} has no unsaved edits"))?;
            return Ok(Flow::Continue);
        }
        if !armed {
            self.current = Some(cur);
            self.drop_armed = true;
            say(
                out,
                &format!(
                    "drop discards every unsaved edit of {id}, and u cannot bring them back: drop again to confirm"
                ),
            )?;
            return Ok(Flow::Continue);
        }
        if let Err(e) = self.journal.clear(&id, true) {
            complain(out, &self.render, &format!("the draft of {id}: {e}"))?;
        }
        self.reopened.remove(&cur.entry);
        self.pinned.remove(&cur.entry);
        let back_to = match self.log.status_of(&id) {
            Some(r) => {
                if reopened {
                    self.handled.insert(cur.entry);
                }
                format!("your last decision ({})", r.as_str())
            }
            None => "no decision yet".to_owned(),
        };
        self.open(cur.entry, cur.pos, out)?;
        say(
            out,
            &format!("dropped the unsaved edits of {id}: back to {back_to}"),
        )?;
        Ok(Flow::Continue)
    }

    /// `u` right after a decision: that document is open again with its edits.
    /// The log is append-only, so the decision stands until the next one.
    pub(super) fn reopen(&mut self, mut decided: Current, out: &mut dyn Write) -> Result<Flow> {
        self.leave(out)?;
        writeln!(out)?;
        let id = decided.view.doc.id.clone();
        let what = decision_word(self.log.status_of(&id));
        self.handled.remove(&decided.entry);
        self.reopened.insert(decided.entry);
        decided.shown = Instant::now();
        // What is unsaved from now on is what differs from the decision in the log.
        decided.state.rebase();
        self.current = Some(decided);
        self.show(out)?;
        say(
            out,
            &format!("reopened {id} (your {what} stays in the log until you decide again)"),
        )?;
        Ok(Flow::Continue)
    }

    /// What the farewell says about the drafts kept, if there are any.
    pub(super) fn kept_message(&self) -> Option<String> {
        let n = self.journal.len();
        (n > 0).then(|| {
            if n == 1 {
                "1 document has unsaved edits, kept as a draft; they come back at the next start"
                    .to_owned()
            } else {
                format!(
                    "{n} documents have unsaved edits, kept as a draft; they come back at the next start"
                )
            }
        })
    }
}

/// A decision as the annotator made it: `accept`, `reject`, `skip`, `flag`.
pub(super) fn decision_word(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Accepted) | None => "accept",
        Some(Status::Rejected) => "reject",
        Some(Status::Skipped) => "skip",
        Some(Status::Flagged) => "flag",
    }
}
