//! Moving between documents: unsaved work kept as drafts, `p`, `n`, `g ID`.

use std::io::Write;
use std::time::Instant;

use super::{Current, Losses, Session, complain, elapsed_ms, say};
use crate::command::Command;
use crate::edit::zones;
use crate::error::Result;
use crate::state::{Annotation, DocState};
use crate::view::DocView;
use annot_model::annotations::{Anchor, Loss, Resolved, resolve};

impl Session {
    /// Leaves the current document, keeping unsaved changes as a draft.
    pub(super) fn leave(&mut self, out: &mut dyn Write) -> Result<()> {
        self.pending_label = None;
        if let Some(cur) = self.current.take() {
            let mut state = cur.state;
            state.ms += elapsed_ms(cur.shown);
            if state.is_changed() {
                say(
                    out,
                    &format!(
                        "unsaved changes to {} kept as a draft (g {} returns)",
                        cur.view.doc.id, cur.view.doc.id
                    ),
                )?;
                self.drafts.insert(cur.entry, (state, cur.losses));
            }
        }
        Ok(())
    }

    pub(super) fn open(
        &mut self,
        entry: u32,
        pos: Option<usize>,
        out: &mut dyn Write,
    ) -> Result<()> {
        let doc = self.corpus.get_at(entry as usize)?;
        let view = DocView::new(doc, self.opts.lang);
        let (state, losses) = match self.drafts.remove(&entry) {
            Some(draft) => draft,
            None => self.fresh_state(&view, out)?,
        };
        let previous = self.log.get(&view.doc.id)?;
        self.current = Some(Current {
            entry,
            pos,
            view,
            state,
            shown: Instant::now(),
            losses,
            previous,
        });
        self.show(out)
    }

    /// A document's state as its last decision left it: the earlier record
    /// carried onto the current text (what could not be carried is said and
    /// listed), with suggestions.
    pub(super) fn fresh_state(
        &mut self,
        view: &DocView,
        out: &mut dyn Write,
    ) -> Result<(DocState, Losses)> {
        let mut losses = Losses::default();
        let mut ann = Annotation::default();
        // The same view of the earlier record as every other command:
        // carried onto the current text, with what could not be carried.
        // What the last decision kept dismissed stays dismissed.
        let last = self.log.get(&view.doc.id)?;
        let kept = last.as_ref().map(dismissed_in).unwrap_or_default();
        if !kept.is_empty() {
            self.dismissed
                .entry(view.doc.id.clone())
                .or_default()
                .extend(kept);
        }
        if let Some(start) = self.agenda_start(&view.doc.id, last.as_ref()) {
            ann = start;
        } else if let Some(r) = &last {
            let resolved = resolve(r, Some(&view.doc), &self.corpus)?;
            ann = Annotation::from_record(&resolved.record);
            if resolved.has_losses() {
                say(out, &lost_message(&resolved))?;
            }
            losses = Losses {
                zones: resolved.dropped_zones.as_ref().map_or(0, Vec::len),
                spans: resolved.lost,
            };
        }
        let mut state = DocState::new(ann);
        // Another annotator's spans (a model's), carried onto the current
        // text, and the document labels it chose that this annotator has not.
        let predicted = match self
            .opts
            .suggest_from
            .as_ref()
            .and_then(|f| f.annotations.log(&f.annotator))
        {
            Some(log) => log
                .resolve(&view.doc.id, Some(&view.doc), &self.corpus)?
                .map(|r| r.record),
            None => None,
        };
        if let (Some(from), Some(p)) = (&self.opts.suggest_from, &predicted) {
            let chosen = &state.current().labels;
            let labels: Vec<String> = p
                .labels
                .iter()
                .filter(|(layer, _)| self.schema.label_set(layer).is_some())
                .flat_map(|(layer, values)| values.iter().map(move |v| (layer, v)))
                .filter(|(layer, v)| !chosen.get(*layer).is_some_and(|c| c.contains(v)))
                .map(|(layer, v)| format!("{layer} {v}"))
                .collect();
            if !labels.is_empty() {
                say(
                    out,
                    &annot_model::visible(&format!(
                        "{} labels this document {}: type that to take it",
                        from.annotator,
                        labels.join(", ")
                    )),
                )?;
            }
        }
        let predicted = predicted.map(|r| r.spans).unwrap_or_default();
        let mut pending = self.suggester.suggest_with(
            view,
            zones(view, state.current()),
            &self.schema,
            &predicted,
        );
        if let Some(gone) = self.dismissed.get(&view.doc.id) {
            pending.retain(|g| !gone.contains(&(g.label.clone(), g.text.clone())));
        }
        state.set_pending(pending, self.schema.spans.overlap);
        Ok((state, losses))
    }

    pub(super) fn navigate(&mut self, cmd: &Command, out: &mut dyn Write) -> Result<()> {
        let pos = self.current.as_ref().and_then(|c| c.pos);
        let target = match cmd {
            Command::Next => match pos {
                Some(p) if p + 1 < self.queue.len() => Some((self.queue[p + 1], Some(p + 1))),
                Some(_) => {
                    return complain(out, &self.render, "this is the last document of the list");
                }
                None => self.next_todo(None).map(|p| (self.queue[p], Some(p))),
            },
            Command::Previous => match pos {
                Some(p) if p > 0 => Some((self.queue[p - 1], Some(p - 1))),
                _ => return complain(out, &self.render, "this is the first document of the list"),
            },
            Command::Goto(id) => match self.find_document(id) {
                Ok(entry) => Some((entry, self.queue.iter().position(|&e| e == entry))),
                Err(e) => return complain(out, &self.render, &e),
            },
            _ => None,
        };
        if let Some((entry, pos)) = target {
            if self.current.as_ref().is_some_and(|c| c.entry == entry) {
                return self.show(out);
            }
            self.leave(out)?;
            writeln!(out)?;
            self.open(entry, pos, out)?;
        }
        Ok(())
    }

    /// An id, or a prefix that only one id has.
    pub(super) fn find_document(&self, id: &str) -> Result<u32, String> {
        match self.corpus.find(id) {
            Ok(i) => u32::try_from(i).map_err(|_| "corpus too large".to_owned()),
            Err(annot_model::ModelError::UnknownDocument { .. }) => {
                Err(format!("no document '{id}' in the corpus"))
            }
            Err(annot_model::ModelError::AmbiguousId { ids, more, .. }) => Err(format!(
                "'{id}' starts several ids: {}{}",
                ids.join(", "),
                if more { ", ..." } else { "" }
            )),
            Err(e) => Err(e.to_string()),
        }
    }
}

/// The suggestions (label, text) a record keeps dismissed (its `dismissed` key).
fn dismissed_in(r: &annot_model::Record) -> Vec<(String, String)> {
    let Some(serde_json::Value::Array(list)) = r.extra.get(super::decide::DISMISSED) else {
        return Vec::new();
    };
    list.iter()
        .filter_map(|v| {
            let field = |k: &str| {
                v.get(k)
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned)
            };
            Some((field("label")?, field("text")?))
        })
        .collect()
}

/// What the annotator is told when an earlier record does not fit the text as it is now.
fn lost_message(r: &Resolved) -> String {
    let corrupt = r
        .lost
        .iter()
        .filter(|l| matches!(l.loss, Loss::Corrupt(_)))
        .count();
    let changed = r.lost.len() - corrupt;
    let mut parts = Vec::new();
    if changed > 0 {
        let why = match r.anchor {
            Anchor::UnknownText { .. } => {
                "were made on a text the corpus no longer keeps and do not match this one"
            }
            _ => "could not be carried onto the changed text",
        };
        parts.push(format!("{changed} span(s) of your earlier record {why}"));
    }
    if corrupt > 0 {
        parts.push(format!(
            "{corrupt} span(s) of your earlier record are corrupt (they do not match the text they were made on)"
        ));
    }
    if let Some(z) = &r.dropped_zones {
        parts.push(format!(
            "{} zone correction(s) of your earlier record were made on the older text and no longer apply",
            z.len()
        ));
    }
    format!(
        "{}: listed as ✗ lost below; mark (or correct) them again, or a decision asks before leaving them out",
        parts.join("; ")
    )
}
