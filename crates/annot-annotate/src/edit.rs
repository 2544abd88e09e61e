//! The edits a command makes to a document's annotation.
//!
//! Each function checks everything first and changes nothing when it returns
//! an error; on success it records one undo step and returns what to tell the
//! annotator.

use annot_model::record::{Span, SpanSource};
use annot_model::{Schema, Zone, ZoneSpan};

use crate::command::{Side, labels_hint};
use crate::span_numbers::SpanNumbers;
use crate::state::{Annotation, DocState};
use crate::view::DocView;

mod document;
mod suggestions;

/// What edits need to know besides the state they change.
#[derive(Debug, Clone, Copy)]
pub struct Ctx<'a> {
    /// The document.
    pub view: &'a DocView,
    /// The schema in use.
    pub schema: &'a Schema,
    /// Whether boilerplate paragraphs are hidden (and so out of reach of marks).
    pub hide_boilerplate: bool,
    /// The numbers spans have on screen, which commands and answers use.
    pub numbers: &'a SpanNumbers,
}

/// The places a mark will take, and remarks for the annotator (more occurrences, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Targets {
    /// Code point ranges, in text order.
    pub ranges: Vec<(usize, usize)>,
    /// Remarks added to the answer.
    pub notes: Vec<String>,
    /// The text as typed, when what was found differs from it (case, accents).
    pub typed: Option<String>,
    /// Spans (0-based) over the same text with another label, that a `*`
    /// mark with a label relabels.
    pub relabel: Vec<usize>,
}

/// The zones that stand: the corrections if any, else the imported ones.
#[must_use]
pub fn zones<'a>(view: &'a DocView, ann: &'a Annotation) -> &'a [ZoneSpan] {
    ann.zones.as_deref().unwrap_or(&view.doc.zones)
}

/// ` (¶1 ¶4)`: the paragraphs of some ranges.
#[must_use]
pub fn paragraphs(view: &DocView, ranges: impl IntoIterator<Item = (usize, usize)>) -> String {
    let mut nums: Vec<usize> = ranges
        .into_iter()
        .map(|(s, _)| view.block_of(s) + 1)
        .collect();
    nums.dedup();
    nums.sort_unstable();
    nums.dedup();
    let list: Vec<String> = nums.iter().map(|n| format!("¶{n}")).collect();
    format!("({})", list.join(" "))
}

impl Ctx<'_> {
    fn in_hidden_boilerplate(&self, ann: &Annotation, start: usize) -> bool {
        if !self.hide_boilerplate {
            return false;
        }
        self.view
            .blocks
            .get(self.view.block_of(start))
            .is_some_and(|b| {
                self.view.block_zone(b, zones(self.view, ann)) == Some(&Zone::Boilerplate)
            })
    }

    /// Why `[start, end)` cannot be a new span next to the existing ones, if it cannot.
    fn conflict(
        &self,
        ann: &Annotation,
        start: usize,
        end: usize,
        label: Option<&str>,
        skip: Option<usize>,
    ) -> Option<String> {
        for (i, s) in ann.spans.iter().enumerate() {
            if Some(i) == skip {
                continue;
            }
            let n = self.numbers.number(ann, i).unwrap_or(i + 1);
            if s.start == start && s.end == end {
                return Some(match label {
                    Some(l) if l != s.label => {
                        format!(
                            "already marked as span {n} {} {}; {n} {l} relabels it",
                            s.text, s.label
                        )
                    }
                    _ => format!("already marked as span {n} {} {}", s.text, s.label),
                });
            }
            if !self.schema.spans.overlap && s.start < end && start < s.end {
                return Some(format!(
                    "overlaps span {n} {} {} and this schema does not allow overlapping spans; d {n} deletes it",
                    s.text, s.label
                ));
            }
        }
        None
    }

    /// The occurrences of `text` a mark would take, checked against token
    /// boundaries and existing spans. `label` only shapes the messages.
    ///
    /// # Errors
    /// Text not found, only in hidden boilerplate, not on token boundaries
    /// (with the nearest aligned span offered), or already marked.
    pub fn mark_targets(
        &self,
        ann: &Annotation,
        text: &str,
        all: bool,
        label: Option<&str>,
    ) -> Result<Targets, String> {
        let found = self.view.find_all(text);
        if found.is_empty() {
            let mut msg = format!("\"{text}\" is not in the text");
            if let Some(near) = self.view.closest(text) {
                msg.push_str(&format!("; did you mean '{near}'?"));
            }
            if let Some((_, last)) = text.rsplit_once(' ')
                && last.chars().all(|c| c.is_ascii_uppercase())
                && self.schema.span_label(last).is_none()
            {
                msg.push_str(&format!(
                    "; {last} is not a label either{}",
                    labels_hint(self.schema)
                ));
            }
            return Err(msg);
        }
        let visible: Vec<(usize, usize)> = found
            .iter()
            .copied()
            .filter(|&(s, _)| !self.in_hidden_boilerplate(ann, s))
            .collect();
        if visible.is_empty() {
            return Err(format!(
                "\"{text}\" is only in hidden boilerplate {}; b shows it",
                paragraphs(self.view, found.iter().copied())
            ));
        }
        let aligned: Vec<(usize, usize)> = visible
            .iter()
            .copied()
            .filter(|&(s, e)| self.view.is_aligned(s, e))
            .collect();
        let mut notes = Vec::new();
        if aligned.is_empty() {
            return Err(self.misaligned(visible[0], label));
        }
        if aligned.len() < visible.len() {
            notes.push(format!(
                "{} inside longer words left out",
                visible.len() - aligned.len()
            ));
        }
        let mut free = Vec::new();
        let mut first_conflict = None;
        let mut relabel = Vec::new();
        let new_label = label
            .and_then(|l| self.schema.span_label(l))
            .map(|l| l.name.as_str());
        for &(s, e) in &aligned {
            if all
                && let Some(l) = new_label
                && let Some(i) = ann
                    .spans
                    .iter()
                    .position(|sp| sp.start == s && sp.end == e && sp.label != l)
                && !ann
                    .spans
                    .iter()
                    .any(|sp| sp.start == s && sp.end == e && sp.label == l)
            {
                relabel.push(i);
                continue;
            }
            match self.conflict(ann, s, e, label, None) {
                None if free
                    .iter()
                    .all(|&(fs, fe): &(usize, usize)| fe <= s || e <= fs) =>
                {
                    free.push((s, e))
                }
                None => {}
                Some(why) => {
                    first_conflict.get_or_insert(why);
                }
            }
        }
        if free.is_empty() && relabel.is_empty() {
            return Err(first_conflict.unwrap_or_else(|| "nothing left to mark".into()));
        }
        let skipped = aligned.len() - free.len() - relabel.len();
        if !all && free.len() > 1 {
            notes.push(format!("{} more: add * to mark every one", free.len() - 1));
            free.truncate(1);
        } else if skipped > 0 {
            notes.push(format!("{skipped} already marked or overlapping"));
        }
        let first = free
            .first()
            .or(aligned.first())
            .copied()
            .unwrap_or_default();
        let typed = (self.view.slice(first.0, first.1) != text).then(|| text.to_owned());
        Ok(Targets {
            ranges: free,
            notes,
            typed,
            relabel,
        })
    }

    /// The refusal of a span that cuts tokens, offering the nearest aligned span.
    fn misaligned(&self, (s, e): (usize, usize), label: Option<&str>) -> String {
        let cut = self.view.slice(s, e);
        let Some((a, b)) = self.view.covering_tokens(s, e) else {
            return format!("\"{cut}\" has no word in it to mark");
        };
        let (ts, te) = self.view.token_range(a, b).unwrap_or((s, e));
        let range = if a == b {
            format!("t{}", a + 1)
        } else {
            format!("t{}-{}", a + 1, b + 1)
        };
        format!(
            "\"{cut}\" does not fall on token boundaries (¶{}); the nearest token-aligned span is \"{}\": {range} {}",
            self.view.block_of(s) + 1,
            self.view.slice(ts, te),
            label.unwrap_or("LABEL")
        )
    }

    /// Checks a token range (1-based, inclusive) for a new span.
    ///
    /// # Errors
    /// Out of range, across paragraphs, or conflicting with a span.
    pub fn token_target(
        &self,
        ann: &Annotation,
        first: usize,
        last: usize,
        label: Option<&str>,
    ) -> Result<(usize, usize), String> {
        let n = self.view.tokens.len();
        if first == 0 || last < first {
            return Err("tokens are numbered from 1, first to last; r shows them numbered".into());
        }
        if last > n {
            return Err(format!(
                "the document has {n} tokens; r shows them numbered"
            ));
        }
        let (s, e) = self
            .view
            .token_range(first - 1, last - 1)
            .ok_or("no such tokens; r shows them numbered")?;
        self.check_one_paragraph(s, e)?;
        if let Some(why) = self.conflict(ann, s, e, label, None) {
            return Err(why);
        }
        Ok((s, e))
    }

    fn check_one_paragraph(&self, s: usize, e: usize) -> Result<(), String> {
        let (a, b) = (
            self.view.block_of(s),
            self.view.block_of(e.saturating_sub(1)),
        );
        if a == b {
            Ok(())
        } else {
            Err(format!(
                "a span stays within one paragraph; this one would run from ¶{} to ¶{}",
                a + 1,
                b + 1
            ))
        }
    }

    /// The schema's name for a label typed as a name or key.
    ///
    /// # Errors
    /// An unknown label, with the list of labels.
    pub fn label(&self, typed: &str) -> Result<String, String> {
        self.schema
            .span_label(typed)
            .map(|l| l.name.clone())
            .ok_or_else(|| format!("'{typed}' is not a label{}", labels_hint(self.schema)))
    }

    /// Adds spans over checked ranges (and relabels the spans a `*` mark takes over).
    ///
    /// # Errors
    /// Only if a span cannot be built from the text (out of range).
    pub fn add_spans(
        &self,
        st: &mut DocState,
        targets: &Targets,
        label: &str,
    ) -> Result<String, String> {
        let (ranges, notes) = (&targets.ranges, &targets.notes);
        let relabel: Vec<(usize, usize, String)> = targets
            .relabel
            .iter()
            .filter_map(|&i| st.current().spans.get(i))
            .filter(|s| s.label != label)
            .map(|s| (s.start, s.end, s.label.clone()))
            .collect();
        let Some((s0, e0)) = ranges
            .first()
            .copied()
            .or(relabel.first().map(|&(s, e, _)| (s, e)))
        else {
            return Err("nothing to mark".into());
        };
        let text = self.view.slice(s0, e0).to_owned();
        let mut places = ranges.clone();
        places.extend(relabel.iter().map(|(s, e, _)| (*s, *e)));
        let typed = targets
            .typed
            .as_ref()
            .map(|t| format!("; typed \"{t}\""))
            .unwrap_or_default();
        let paras = paragraphs(self.view, places.iter().copied());
        let paras = format!("{}{typed})", paras.trim_end_matches(')'));
        let mut old: Vec<&str> = relabel.iter().map(|(_, _, l)| l.as_str()).collect();
        old.sort_unstable();
        old.dedup();
        let old = old.join("/");
        let mut msg = if ranges.is_empty() {
            format!("{text} {old} → {label} ×{} {paras}", relabel.len())
        } else {
            let times = if ranges.len() > 1 {
                format!(" ×{}", ranges.len())
            } else {
                String::new()
            };
            format!("+ {text} {label}{times} {paras}")
        };
        let overlap = self.schema.spans.overlap;
        let (added, relabelled) = st.edit(msg.clone(), |a| {
            for sp in &mut a.spans {
                if relabel
                    .iter()
                    .any(|(s, e, _)| sp.start == *s && sp.end == *e)
                {
                    label.clone_into(&mut sp.label);
                    sp.source = Some(SpanSource::Manual);
                }
            }
            a.sort_spans();
            for &(s, e) in ranges {
                let mut span = Span::from_chars(&self.view.doc.text, s, e, label)
                    .map_err(|e| e.to_string())?;
                span.source = Some(SpanSource::Manual);
                a.insert_span(span);
            }
            a.prune_pending(overlap);
            let index = |&(s, e): &(usize, usize)| {
                a.spans
                    .iter()
                    .position(|sp| sp.start == s && sp.end == e && sp.label == label)
            };
            let added: Vec<Option<usize>> = ranges.iter().map(index).collect();
            let relabelled: Vec<Option<usize>> =
                relabel.iter().map(|(s, e, _)| index(&(*s, *e))).collect();
            Ok((added, relabelled))
        })?;
        // The numbers the new spans will have once the screen follows this edit.
        let numbers = self.numbers.followed(st.current());
        let number = |i: &Option<usize>| {
            i.and_then(|i| numbers.number(st.current(), i))
                .unwrap_or_default()
        };
        let added: Vec<usize> = added.iter().map(number).collect();
        let relabelled: Vec<usize> = relabelled.iter().map(number).collect();
        match added[..] {
            [] => {}
            [one] => msg.push_str(&format!(" as span {one}")),
            _ => msg.push_str(&format!(" as spans {}", join_numbers(&added))),
        }
        if ranges.is_empty() {
            msg.push_str(&format!(
                ": relabelled span{} {}",
                plural(relabelled.len()),
                join_numbers(&relabelled)
            ));
        } else if !relabelled.is_empty() {
            msg.push_str(&format!(
                " · relabelled {} {old} → {label} (span{} {})",
                relabelled.len(),
                plural(relabelled.len()),
                join_numbers(&relabelled)
            ));
        }
        for n in notes {
            msg.push_str(&format!(" · {n}"));
        }
        Ok(msg)
    }

    /// The indices into the spans of span numbers as shown on screen.
    fn span_indices(&self, ann: &Annotation, numbers: &[usize]) -> Result<Vec<usize>, String> {
        let n = ann.spans.len();
        numbers
            .iter()
            .map(|&k| {
                self.numbers.index(ann, k).ok_or_else(|| {
                    if n == 0 {
                        format!("no span {k}: this document has no spans yet")
                    } else if self.numbers.contiguous() {
                        format!("no span {k}: spans are numbered 1 to {n} (l shows the list)")
                    } else {
                        format!(
                            "no span {k}: the span list gives the numbers in use (l numbers them afresh)"
                        )
                    }
                })
            })
            .collect()
    }

    fn span_index(&self, ann: &Annotation, number: usize) -> Result<usize, String> {
        self.span_indices(ann, &[number]).map(|v| v[0])
    }

    /// `d 3`: deletes spans.
    ///
    /// # Errors
    /// A number that is not a span.
    pub fn delete(&self, st: &mut DocState, numbers: &[usize]) -> Result<String, String> {
        let mut indices = self.span_indices(st.current(), numbers)?;
        let gone: Vec<String> = indices
            .iter()
            .filter_map(|&i| st.current().spans.get(i))
            .map(|s| format!("- {} {}", s.text, s.label))
            .collect();
        let msg = gone.join(" · ");
        indices.sort_unstable();
        indices.dedup();
        st.edit(msg.clone(), |a| {
            for &i in indices.iter().rev() {
                a.spans.remove(i);
            }
            Ok(())
        })?;
        Ok(msg)
    }

    /// `3 PER`: relabels a span; it becomes a manual span.
    ///
    /// # Errors
    /// Not a span, or not a label.
    pub fn relabel(&self, st: &mut DocState, number: usize, typed: &str) -> Result<String, String> {
        let index = self.span_index(st.current(), number)?;
        let label = self.label(typed)?;
        let old = &st.current().spans[index];
        if old.label == label {
            return Err(format!("span {number} {} is already {label}", old.text));
        }
        let msg = format!("{number} {} {} → {label}", old.text, old.label);
        st.edit(msg.clone(), |a| {
            let span = &mut a.spans[index];
            span.label = label;
            span.source = Some(SpanSource::Manual);
            a.sort_spans();
            Ok(())
        })?;
        Ok(msg)
    }

    /// `3 +1`, `3 <-1`: moves one end of a span by whole tokens.
    ///
    /// # Errors
    /// Not a span, past the text, empty, across paragraphs, or overlapping.
    pub fn resize(
        &self,
        st: &mut DocState,
        number: usize,
        side: Side,
        delta: i64,
    ) -> Result<String, String> {
        let index = self.span_index(st.current(), number)?;
        let old = st.current().spans[index].clone();
        let (a, b) = self
            .view
            .covering_tokens(old.start, old.end)
            .ok_or_else(|| format!("span {number} covers no token"))?;
        let (a, b) = (a as i64, b as i64);
        let (na, nb) = match side {
            Side::End => (a, b + delta),
            Side::Start => (a - delta, b),
        };
        let last = self.view.tokens.len() as i64 - 1;
        if na < 0 || nb > last {
            return Err(format!(
                "span {number} cannot grow past the {} of the text",
                if na < 0 { "start" } else { "end" }
            ));
        }
        if na > nb {
            return Err(format!(
                "span {number} would be empty; d {number} deletes it"
            ));
        }
        let (s, e) = self
            .view
            .token_range(na as usize, nb as usize)
            .ok_or_else(|| format!("span {number}: no such tokens"))?;
        self.check_one_paragraph(s, e)?;
        if let Some(why) = self.conflict(st.current(), s, e, Some(&old.label), Some(index)) {
            return Err(why);
        }
        let mut span =
            Span::from_chars(&self.view.doc.text, s, e, &old.label).map_err(|e| e.to_string())?;
        span.source = Some(SpanSource::Manual);
        let msg = format!("{number} {} → {} {}", old.text, span.text, old.label);
        let overlap = self.schema.spans.overlap;
        st.edit(msg.clone(), |a| {
            a.spans[index] = span;
            a.sort_spans();
            a.prune_pending(overlap);
            Ok(())
        })?;
        Ok(msg)
    }
}

/// `2, 5, 7`
fn join_numbers(numbers: &[usize]) -> String {
    numbers
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `s` when `n` is not 1.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

#[cfg(test)]
mod tests;
