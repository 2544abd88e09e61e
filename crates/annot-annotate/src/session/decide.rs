//! Decisions: a record on disk, fsynced, before the next prompt; and quitting.

use std::io::Write;

use annot_model::record::{Record, Status, now_rfc3339};

use super::{Flow, Session, duration, elapsed_ms, say};
use crate::error::Result;

impl Session {
    pub(super) fn decide(
        &mut self,
        status: Status,
        reason: Option<String>,
        out: &mut dyn Write,
    ) -> Result<Flow> {
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
