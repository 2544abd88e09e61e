//! Decisions: a record on disk, fsynced, before the next prompt; and quitting.

use std::io::Write;

use annot_model::annotations::unsettled;
use annot_model::record::{Record, SpanSource, Status};

use super::{Flow, Session, duration, elapsed_ms, say};

/// The record key that keeps the suggestions dismissed in a document.
pub(super) const DISMISSED: &str = "dismissed";
/// The record key naming the annotator (or model) whose suggestions the spans with
/// `source: model` were: the `--suggest-from` of the session that saved it.
pub(super) const SUGGESTED_BY: &str = "suggested_by";

/// What the session says when no document of its list is left without a decision.
const ALL_DONE: &str = "every document of the list has a decision";
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
        let Some(mut cur) = self.current.take() else {
            return Ok(Flow::Stop);
        };
        let ann = cur.state.current().clone();
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
            // Later than any decision of the document already in the log, so this one stands.
            at: self.log.stamp(&cur.view.doc.id),
            ms,
            spans: ann.spans.clone(),
            labels: ann.labels.clone(),
            zones: ann.zones.clone(),
            note,
            extra: {
                let mut extra = self.record_extra(&cur.view.doc.id, &ann);
                extra.extend(self.dismissed_extra(&cur.view.doc.id));
                // `source: model` says a span was a suggestion of --suggest-from;
                // this says whose (a model, or another annotator).
                if let Some(from) = &self.opts.suggest_from
                    && ann
                        .spans
                        .iter()
                        .any(|s| s.source == Some(SpanSource::Model))
                {
                    extra.insert(
                        SUGGESTED_BY.to_owned(),
                        serde_json::Value::String(from.annotator.clone()),
                    );
                }
                extra
            },
        };
        self.log.append(&record)?;
        // Not fsynced: should the line be lost, the record (fsynced, on a later
        // log line than the draft) makes the draft stale at the next start.
        if let Err(e) = self.journal.clear(&record.doc, false) {
            super::complain(
                out,
                &self.render,
                &format!("the draft of {}: {e}", record.doc),
            )?;
        }
        self.decided.insert(cur.entry, status);
        self.suggester.dictionary_mut().add(&record);
        self.handled.insert(cur.entry);
        self.reopened.remove(&cur.entry);
        self.pinned.remove(&cur.entry);
        self.drafts.remove(&cur.entry);
        let next = self.next_todo(cur.pos);
        cur.state.ms = ms;
        cur.previous = Some(record.clone());
        self.last_decision = Some(cur);
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
                    self.corpus.id_at(self.queue[pos] as usize)?
                ));
                say(out, &msg)?;
                writeln!(out)?;
                self.open(self.queue[pos], Some(pos), out)?;
                Ok(Flow::Continue)
            }
            None => {
                // The session stays: `u` can still reopen this document.
                say(out, &msg)?;
                self.say_all_done(out)?;
                Ok(Flow::Continue)
            }
        }
    }

    /// The record's `dismissed` key: the suggestions (label, text) the
    /// annotator dismissed or deleted in the document, so that they stay
    /// dismissed when it is opened again in a later session.
    fn dismissed_extra(&self, doc: &str) -> serde_json::Map<String, serde_json::Value> {
        let mut extra = serde_json::Map::new();
        if let Some(gone) = self.dismissed.get(doc).filter(|g| !g.is_empty()) {
            let mut gone: Vec<&(String, String)> = gone.iter().collect();
            gone.sort();
            let list = gone
                .into_iter()
                .map(|(label, text)| serde_json::json!({ "label": label, "text": text }))
                .collect();
            extra.insert(DISMISSED.to_owned(), serde_json::Value::Array(list));
        }
        extra
    }

    /// What to ask before `status` is written, if anything.
    fn question_before(&self, status: Status) -> Option<String> {
        let cur = self.current.as_ref()?;
        let ann = cur.state.current();
        let mut worries = Vec::new();
        // A zone correction or a note says the document was looked at.
        let nothing = ann.spans.is_empty()
            && ann.labels.values().all(Vec::is_empty)
            && ann.zones.is_none()
            && ann.note.is_none();
        if status == Status::Accepted && nothing {
            worries.push("nothing is marked (no span, no label)".to_owned());
        }
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
        if status == Status::Accepted
            && let Some(open) = self.open_choices_worry()
        {
            worries.push(open);
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
        if nothing && worries.len() == 1 {
            return Some("accept with nothing marked? Enter again to confirm".to_owned());
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

    /// `q`: quits at once; unsaved edits stay in the draft journal.
    pub(super) fn quit(&mut self, out: &mut dyn Write) -> Result<Flow> {
        let why = self.why_ending("quit");
        self.farewell(out, why)?;
        Ok(Flow::Stop)
    }

    /// Why the session ends: `why`, unless every document of the list is decided and none is open.
    pub(super) fn why_ending<'a>(&self, why: &'a str) -> &'a str {
        if self.current.is_none() && self.summary().remaining == 0 {
            ALL_DONE
        } else {
            why
        }
    }

    /// Said after the last decision, and to any command while nothing is open.
    pub(super) fn say_all_done(&self, out: &mut dyn Write) -> Result<()> {
        let reopen = match &self.last_decision {
            Some(d) => format!("u reopens {}, ", d.view.doc.id),
            None => String::new(),
        };
        say(
            out,
            &format!("all done: {ALL_DONE} · {reopen}g ID opens a document, q quits"),
        )
    }

    /// The last words: the open document's edits go to the journal, which is
    /// compacted, and the annotator is told what was saved and what is kept.
    pub(super) fn farewell(&mut self, out: &mut dyn Write, why: &str) -> Result<()> {
        self.journal_current(out)?;
        if let Err(e) = self.journal.compact() {
            super::complain(
                out,
                &self.render,
                &format!("the draft journal could not be compacted ({e}); it is still whole"),
            )?;
        }
        let s = self.summary();
        let mut msg = format!("{why}: {} saved this session", s.saved);
        // A document decided again after `u` counts once, as its latest decision.
        let counts: Vec<String> = [
            Status::Accepted,
            Status::Rejected,
            Status::Skipped,
            Status::Flagged,
        ]
        .into_iter()
        .filter_map(|st| {
            let n = self.decided.values().filter(|&&d| d == st).count();
            (n > 0).then(|| format!("{n} {}", st.as_str()))
        })
        .collect();
        if !counts.is_empty() {
            msg.push_str(&format!(" ({})", counts.join(", ")));
        }
        msg.push_str(&format!(", {} still to do", s.remaining));
        if let Some(kept) = self.kept_message() {
            msg.push_str(&format!(" · {kept}"));
        }
        if let Some(cur) = &self.current
            && self.reopened.contains(&cur.entry)
            && !cur.state.is_changed()
            && let Some(st) = self.decided.get(&cur.entry)
        {
            msg.push_str(&format!(
                " · {} was reopened and left as it was: your {} stands",
                cur.view.doc.id,
                super::draft::decision_word(Some(*st))
            ));
        }
        say(out, &msg)
    }
}
