//! Decisions: a record on disk, fsynced, before the next prompt; and quitting.

use std::io::Write;

use annot_model::annotations::unsettled;
use annot_model::record::{Record, Status, now_rfc3339};

use super::{Flow, Session, duration, elapsed_ms, say};
use crate::error::Result;

impl Session {
    /// Writes the decision, unless it would leave out what the annotator has
    /// not seen to: spans of the earlier record that are lost, or labels the
    /// schema does not have. Then it asks once, and `armed` (the same decision
    /// typed again) goes ahead.
    pub(super) fn decide(
        &mut self,
        status: Status,
        reason: Option<String>,
        armed: Option<Status>,
        out: &mut dyn Write,
    ) -> Result<Flow> {
        if armed != Some(status)
            && let Some(question) = self.question_before(status)
        {
            self.confirm_armed = Some(status);
            say(out, &question)?;
            return Ok(Flow::Continue);
        }
        let Some(cur) = self.current.take() else {
            return Ok(Flow::Stop);
        };
        let ann = cur.state.current();
        let mut note = ann.note.clone();
        if let Some(r) = reason {
            note = Some(match note {
                Some(n) if !n.is_empty() => format!("{n} · {r}"),
                _ => r,
            });
        }
        let ms = cur.state.ms + elapsed_ms(cur.shown);
        let record = Record {
            doc: cur.view.doc.id.clone(),
            hash: cur.view.doc.hash.clone(),
            annotator: self.opts.annotator.clone(),
            schema: self.schema.id(),
            status,
            at: now_rfc3339(),
            ms,
            spans: ann.spans.clone(),
            labels: ann.labels.clone(),
            zones: ann.zones.clone(),
            note,
            extra: serde_json::Map::new(),
        };
        self.log.append(&record)?;
        self.saved += 1;
        self.suggester.dictionary_mut().add(&record);
        self.handled.insert(cur.entry);
        self.drafts.remove(&cur.entry);
        let next = self.next_todo(cur.pos);
        let mut msg = format!("saved {} · {}", record.doc, status.as_str());
        msg.push_str(&format!(
            " · {} span{}",
            record.spans.len(),
            if record.spans.len() == 1 { "" } else { "s" }
        ));
        for (set, values) in &record.labels {
            msg.push_str(&format!(" · {set} {}", values.join(", ")));
        }
        if record.zones.is_some() {
            msg.push_str(" · zones corrected");
        }
        msg.push_str(&format!(" · {}", duration(ms)));
        let pending = ann.pending.len();
        if pending > 0 && status == Status::Accepted {
            msg.push_str(&format!(" · {pending} suggestion(s) not taken"));
        }
        match next {
            Some(pos) => {
                msg.push_str(&format!(
                    " · next: {}",
                    self.corpus.entries()[self.queue[pos] as usize].id
                ));
                say(out, &msg)?;
                writeln!(out)?;
                self.open(self.queue[pos], Some(pos), out)?;
                Ok(Flow::Continue)
            }
            None => {
                say(out, &msg)?;
                self.farewell(out, "every document of the list has a decision")?;
                Ok(Flow::Stop)
            }
        }
    }

    /// What to ask before `status` is written, if anything.
    fn question_before(&self, status: Status) -> Option<String> {
        let cur = self.current.as_ref()?;
        let ann = cur.state.current();
        let mut worries = Vec::new();
        let lost = unsettled(&cur.losses.spans, &cur.state.baseline().spans, &ann.spans).len();
        if lost > 0 {
            worries.push(format!(
                "{lost} span(s) of your earlier record (✗ lost) would be left out"
            ));
        }
        if cur.losses.zones > 0 && ann.zones.is_none() {
            worries.push(format!(
                "{} zone correction(s) of your earlier record (✗ lost) would be left out",
                cur.losses.zones
            ));
        }
        let unknown = self.schema.unknown_labels(&ann.spans, &ann.labels);
        if !unknown.is_empty() {
            let list: Vec<String> = unknown.iter().map(ToString::to_string).collect();
            worries.push(format!(
                "{} not in schema {} would be saved again",
                list.join(", "),
                self.schema.id()
            ));
        }
        if worries.is_empty() {
            return None;
        }
        let again = match status {
            Status::Accepted => "Enter (or a)",
            Status::Rejected => "x",
            Status::Skipped => "s",
            Status::Flagged => "f",
        };
        Some(format!(
            "{}: {again} again to save as {} all the same, or fix it first",
            worries.join("; "),
            status.as_str()
        ))
    }

    pub(super) fn quit(&mut self, out: &mut dyn Write) -> Result<Flow> {
        let changed = self.current.as_ref().is_some_and(|c| c.state.is_changed());
        if changed && !self.quit_armed {
            self.quit_armed = true;
            let id = self
                .current
                .as_ref()
                .map(|c| c.view.doc.id.clone())
                .unwrap_or_default();
            say(
                out,
                &format!(
                    "{id} has unsaved changes: q again quits without saving them, Enter saves them first"
                ),
            )?;
            return Ok(Flow::Continue);
        }
        self.farewell(out, "quit")?;
        Ok(Flow::Stop)
    }

    pub(super) fn farewell(&mut self, out: &mut dyn Write, why: &str) -> Result<()> {
        let mut dropped = self.drafts.len();
        if self.current.as_ref().is_some_and(|c| c.state.is_changed()) {
            dropped += 1;
        }
        let s = self.summary();
        let mut msg = format!(
            "{why}: {} saved this session, {} still to do",
            s.saved, s.remaining
        );
        if dropped > 0 {
            msg.push_str(&format!(
                " · unsaved changes to {dropped} document(s) dropped"
            ));
        }
        say(out, &msg)
    }
}
