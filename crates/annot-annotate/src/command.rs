//! The command language typed at the prompt, parsed into [`Command`]s.
//!
//! Short and forgiving: one letter for the frequent things, the text itself to
//! mark it, quotes only when the text has several words and no label follows,
//! or could be read as a command. `?` at the prompt lists everything (see
//! [`crate::render::HELP`]).

use annot_model::{Schema, Zone};

use crate::fuzzy::near_miss;

/// Which end of a span a resize moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    /// The first token (`3 <+1` grows to the left, `3 <-1` drops the first token).
    Start,
    /// The last token (`3 +1` grows to the right, `3 -1` drops the last token).
    End,
}

/// What to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The text as typed (`Boukamal`, `"armée syrienne"`).
    Text(String),
    /// Tokens `first..=last`, numbered from 1 as the ruler shows them (`t12-13`).
    Tokens {
        /// First token, 1-based.
        first: usize,
        /// Last token, 1-based, inclusive.
        last: usize,
    },
}

/// One command typed at the prompt. Numbers are 1-based, as shown on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Enter or `a`: save the document as accepted.
    Accept,
    /// `x`: save it as rejected (unusable).
    Reject,
    /// `s`: save it as skipped (comes back next session).
    Skip,
    /// `f [reason]`: save it as flagged, the reason as its note.
    Flag(Option<String>),
    /// `u`: undo the last change.
    Undo,
    /// `U`: redo.
    Redo,
    /// `p`: the previous document of the list.
    Previous,
    /// `n`: the next document of the list.
    Next,
    /// `g ID`: go to a document.
    Goto(String),
    /// `b`: show or hide boilerplate.
    Boilerplate,
    /// `r [¶]`: the token ruler, of one paragraph or all.
    Ruler(Option<usize>),
    /// `l`: show the document again (numbering its spans afresh); `l 7` or `l ¶7`: one paragraph.
    Redraw(Option<usize>),
    /// `>`: the next page of a document taller than the terminal.
    PageDown,
    /// `<`: the previous page.
    PageUp,
    /// `?`: help.
    Help,
    /// `q`: quit; unsaved edits stay in the draft journal.
    Quit,
    /// `drop`: discard the open document's draft, back to its last decision.
    Drop,
    /// Mark a span; without a label the next input is asked for one.
    Mark {
        /// Text or token range.
        target: Target,
        /// Label name or key as typed.
        label: Option<String>,
        /// `*`: every occurrence, not only the first.
        all: bool,
    },
    /// `d 3`, `d 2 5`, `d 2-4`: delete spans.
    Delete(Vec<usize>),
    /// `3 PER`: relabel a span.
    Relabel {
        /// Span number.
        span: usize,
        /// Label name or key as typed.
        label: String,
    },
    /// `3 +1`, `3 -1`, `3 <+1`, `3 <-1`: move one end of a span by tokens.
    Resize {
        /// Span number.
        span: usize,
        /// Which end moves.
        side: Side,
        /// Tokens to grow (positive) or shrink (negative).
        delta: i64,
    },
    /// `topic conflict` / `topic 2`: set a document label; `topic` alone lists values.
    SetLabel {
        /// Label set name.
        set: String,
        /// Value name or 1-based number.
        value: Option<String>,
    },
    /// `-topic conflict`: unset a value; `-topic` clears the set.
    UnsetLabel {
        /// Label set name.
        set: String,
        /// Value name or 1-based number.
        value: Option<String>,
    },
    /// `z 3 body`, `z 3-5 boilerplate`: correct the zone of paragraphs.
    Zone {
        /// First paragraph, 1-based.
        first: usize,
        /// Last paragraph, 1-based, inclusive.
        last: usize,
        /// The zone, by name.
        zone: Zone,
    },
    /// `note TEXT` sets the note, `note` alone clears it.
    Note(Option<String>),
    /// `y` takes every suggestion, `y 2` or `y 1 3` some.
    Take(Vec<usize>),
    /// `n 2`: dismiss suggestions.
    Dismiss(Vec<usize>),
}

/// Parses one line typed at the prompt.
///
/// # Errors
/// A message saying what was not understood and what would be.
pub fn parse(line: &str, schema: &Schema) -> Result<Command, String> {
    let line = line.trim();
    if line.is_empty() {
        return Ok(Command::Accept);
    }
    if let Some(close) = closing_quote(line) {
        return parse_quoted(line, close, schema);
    }
    let (head, rest) = split_head(line);
    let no_args = |cmd: Command| {
        if rest.is_empty() {
            Ok(cmd)
        } else {
            Err(format!(
                "`{head}` takes nothing after it; to mark text that starts with \"{head}\", quote it: \"{line}\" LABEL"
            ))
        }
    };
    match head {
        // Command words in full are lower case and stand alone (flag takes its
        // reason); a text word spelled like one is marked by quoting it.
        "a" | "accept" => no_args(Command::Accept),
        "x" | "reject" => no_args(Command::Reject),
        "s" | "skip" => no_args(Command::Skip),
        "u" | "undo" => no_args(Command::Undo),
        "U" | "redo" => no_args(Command::Redo),
        "p" | "prev" | "previous" => no_args(Command::Previous),
        "next" => no_args(Command::Next),
        "b" => no_args(Command::Boilerplate),
        "l" if rest.is_empty() => Ok(Command::Redraw(None)),
        "l" => paragraph(rest)
            .map(|n| Command::Redraw(Some(n)))
            .ok_or_else(|| {
                "l shows the document again: l for all of it, l 7 or l ¶7 for ¶7".to_owned()
            }),
        ">" => no_args(Command::PageDown),
        "<" => no_args(Command::PageUp),
        "?" | "h" | "help" => no_args(Command::Help),
        "q" | "quit" | "exit" => no_args(Command::Quit),
        "drop" => no_args(Command::Drop),
        "f" | "flag" => Ok(Command::Flag(non_empty(rest))),
        "note" => Ok(Command::Note(non_empty(rest))),
        "n" if rest.is_empty() => Ok(Command::Next),
        "n" => {
            numbers(rest, "n takes suggestion numbers to dismiss: n 2, n 1 3").map(Command::Dismiss)
        }
        "y" if rest.is_empty() => Ok(Command::Take(Vec::new())),
        "y" => numbers(rest, "y takes suggestion numbers: y (all), y 2, y 1 3").map(Command::Take),
        "d" => {
            if rest.is_empty() {
                return Err("which span? d 3 deletes span 3 (numbers as in the span list)".into());
            }
            numbers(rest, "d takes span numbers: d 3, d 2 5, d 2-4").map(Command::Delete)
        }
        "g" => match rest.split_whitespace().collect::<Vec<_>>()[..] {
            [id] => Ok(Command::Goto(id.to_owned())),
            _ => Err("g takes one document id: g 000_29ae4ace1ddaddc8".into()),
        },
        "r" if rest.is_empty() => Ok(Command::Ruler(None)),
        "r" => paragraph(rest)
            .map(|n| Command::Ruler(Some(n)))
            .ok_or_else(|| "r shows the token ruler: r for every paragraph, r 3 for ¶3".to_owned()),
        "z" | "zone" => parse_zone(rest),
        "*" => parse_mark(rest, schema, true),
        _ => {
            if let Some(range) = head.strip_prefix('t').and_then(range)
                && head.len() > 1
            {
                return parse_token_mark(range, rest, schema);
            }
            if let Ok(n) = head.parse::<usize>() {
                return parse_span_edit(n, rest, schema);
            }
            // `-layer value` also takes layers the schema does not have (any
            // more), so that labels outside the schema can be removed.
            if let Some(set) = head.strip_prefix('-')
                && (schema.label_set(set).is_some() || is_layer_name(set))
            {
                return one_value(rest, set).map(|value| Command::UnsetLabel {
                    set: set.to_owned(),
                    value,
                });
            }
            if schema.label_set(head).is_some() {
                return one_value(rest, head).map(|value| Command::SetLabel {
                    set: head.to_owned(),
                    value,
                });
            }
            if let Some(set) = near_layer(head, rest, schema) {
                return Err(format!(
                    "no label set '{head}'; did you mean {set}? ({set} {rest}); to mark the text, quote it: \"{line}\" LABEL"
                ));
            }
            // A span label typed alone is a mark without its text.
            if rest.is_empty() && schema.spans.labels.iter().any(|l| l.name == head) {
                return Err(format!(
                    "mark what? type the text, then the label: Boukamal {head}; to mark the text \"{head}\", quote it: \"{head}\" {head}"
                ));
            }
            parse_mark(line, schema, false)
        }
    }
}

/// The layer that `head` nearly names, when what follows is one of its values
/// (or nearly, or a value number): `topci society` is a typo, not text to mark.
fn near_layer<'s>(head: &str, rest: &str, schema: &'s Schema) -> Option<&'s str> {
    let [value] = rest.split_whitespace().collect::<Vec<_>>()[..] else {
        return None;
    };
    let name = near_miss(head, schema.labels.iter().map(|l| l.name.as_str()))?;
    let set = schema.label_set(name)?;
    let is_value = value
        .parse::<usize>()
        .is_ok_and(|k| k >= 1 && k <= set.values.len())
        || set.values.iter().any(|v| v.eq_ignore_ascii_case(value))
        || near_miss(value, set.values.iter().map(String::as_str)).is_some();
    is_value.then_some(name)
}

/// ` Did you mean LOC? ("Paris" LOC)` when `word` looks like a mistyped span label.
fn near_label(word: &str, schema: &Schema) -> Option<String> {
    if !word.chars().all(|c| c.is_alphabetic() && c.is_uppercase()) {
        return None;
    }
    near_miss(word, schema.spans.labels.iter().map(|l| l.name.as_str())).map(str::to_owned)
}

/// A word that can name a document-label layer (the schema's names are such words).
fn is_layer_name(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphabetic)
        && s.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

fn split_head(line: &str) -> (&str, &str) {
    match line.split_once(char::is_whitespace) {
        Some((h, r)) => (h, r.trim()),
        None => (line, ""),
    }
}

fn non_empty(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// The byte index of the quote closing a line that opens with one.
fn closing_quote(line: &str) -> Option<usize> {
    let open = line.chars().next()?;
    let close = match open {
        '"' => '"',
        '\u{201c}' => '\u{201d}',
        '\u{ab}' => '\u{bb}',
        _ => return None,
    };
    let body = open.len_utf8();
    // An unclosed quote still reads as a quote, so the error can say so.
    Some(line[body..].find(close).map_or(usize::MAX, |i| i + body))
}

fn parse_quoted(line: &str, close: usize, schema: &Schema) -> Result<Command, String> {
    if close == usize::MAX {
        return Err(format!(
            "no closing quote in {line}; write \"some words\" LABEL"
        ));
    }
    let open_len = line.chars().next().map_or(1, char::len_utf8);
    let text = line[open_len..close].trim_matches(|c: char| c.is_whitespace());
    if text.is_empty() {
        return Err("the quotes are empty; put the text to mark between them".into());
    }
    let after = &line[close..];
    let rest = after.char_indices().nth(1).map_or("", |(i, _)| &after[i..]);
    let mut all = false;
    let mut label = None;
    for word in rest.split_whitespace() {
        if word == "*" {
            all = true;
        } else if label.is_none() && schema.span_label(word).is_some() {
            label = Some(word.to_owned());
        } else {
            let near = near_label(word, schema)
                .map(|l| format!("; did you mean {l}?"))
                .unwrap_or_default();
            return Err(format!(
                "after the quoted text, expected a label and/or *, not '{word}'{near}{}",
                labels_hint(schema)
            ));
        }
    }
    Ok(Command::Mark {
        target: Target::Text(text.to_owned()),
        label,
        all,
    })
}

fn parse_mark(text: &str, schema: &Schema, mut all: bool) -> Result<Command, String> {
    if text.starts_with(['"', '\u{201c}', '\u{ab}']) {
        let cmd = parse_quoted(text, closing_quote(text).unwrap_or(usize::MAX), schema)?;
        return Ok(match cmd {
            Command::Mark {
                target,
                label,
                all: a,
            } => Command::Mark {
                target,
                label,
                all: all || a,
            },
            other => other,
        });
    }
    let mut words: Vec<&str> = text.split_whitespace().collect();
    if words.contains(&"*") {
        all = true;
        words.retain(|w| *w != "*");
    }
    let label = match words[..] {
        [.., last] if words.len() > 1 && schema.span_label(last).is_some() => {
            words.pop();
            Some(last.to_owned())
        }
        _ => None,
    };
    if words.is_empty() {
        return Err("mark what? type the text, then the label: Boukamal LOC".into());
    }
    if label.is_none()
        && let [first @ .., last] = &words[..]
        && !first.is_empty()
        && let Some(near) = near_label(last, schema)
    {
        let text = first.join(" ");
        return Err(format!(
            "'{last}' is not a label; did you mean {near}? ({text} {near}); to mark \"{text} {last}\" as text, quote it{}",
            labels_hint(schema)
        ));
    }
    Ok(Command::Mark {
        target: Target::Text(words.join(" ")),
        label,
        all,
    })
}

fn parse_token_mark(
    (first, last): (usize, usize),
    rest: &str,
    schema: &Schema,
) -> Result<Command, String> {
    let label = match rest.split_whitespace().collect::<Vec<_>>()[..] {
        [] => None,
        [l] if schema.span_label(l).is_some() => Some(l.to_owned()),
        _ => {
            return Err(format!(
                "t{first}-{last} takes a label: t{first}-{last} ORG{}",
                labels_hint(schema)
            ));
        }
    };
    if first == 0 || last < first {
        return Err(format!(
            "token range t{first}-{last}: tokens are numbered from 1 (r shows them) and the first comes first"
        ));
    }
    Ok(Command::Mark {
        target: Target::Tokens { first, last },
        label,
        all: false,
    })
}

fn parse_span_edit(span: usize, rest: &str, schema: &Schema) -> Result<Command, String> {
    let arg = rest.trim();
    if arg.is_empty() {
        return Err(format!(
            "span {span}: say what to do: {span} PER relabels, {span} +1 / {span} -1 moves its end, \
             {span} <+1 / {span} <-1 its start, d {span} deletes"
        ));
    }
    let (side, amount) = match arg.strip_prefix('<') {
        Some(a) => (Side::Start, a.trim()),
        None => (Side::End, arg.strip_prefix('>').unwrap_or(arg).trim()),
    };
    if let Some(delta) = signed(amount) {
        return Ok(Command::Resize { span, side, delta });
    }
    if side == Side::End && !arg.starts_with('>') && schema.span_label(arg).is_some() {
        return Ok(Command::Relabel {
            span,
            label: arg.to_owned(),
        });
    }
    Err(format!(
        "'{span} {arg}' is neither a relabel ({span} PER) nor a resize ({span} +1, {span} -1, {span} <+1, {span} <-1){}",
        labels_hint(schema)
    ))
}

fn signed(s: &str) -> Option<i64> {
    let (sign, digits) = match s.as_bytes().first()? {
        b'+' => (1, &s[1..]),
        b'-' => (-1, &s[1..]),
        _ => return None,
    };
    let n: i64 = if digits.is_empty() {
        1
    } else {
        digits.parse().ok()?
    };
    (n > 0).then_some(sign * n)
}

fn one_value(rest: &str, set: &str) -> Result<Option<String>, String> {
    match rest.split_whitespace().collect::<Vec<_>>()[..] {
        [] => Ok(None),
        [v] => Ok(Some(v.to_owned())),
        _ => Err(format!(
            "one value at a time: {set} VALUE (or {set} 2 for the second value)"
        )),
    }
}

fn parse_zone(rest: &str) -> Result<Command, String> {
    let usage = "z takes paragraphs and a zone: z 3 body, z 4-6 boilerplate";
    match rest.split_whitespace().collect::<Vec<_>>()[..] {
        [paras, zone] => {
            let paras = paras.trim_start_matches('¶');
            let (first, last) = range(paras).ok_or(usage)?;
            if first == 0 || last < first {
                return Err(usage.into());
            }
            Ok(Command::Zone {
                first,
                last,
                zone: zone.into(),
            })
        }
        _ => Err(usage.into()),
    }
}

fn paragraph(s: &str) -> Option<usize> {
    s.trim()
        .trim_start_matches('¶')
        .parse()
        .ok()
        .filter(|&n| n > 0)
}

/// `12` or `12-13`.
fn range(s: &str) -> Option<(usize, usize)> {
    match s.split_once('-') {
        Some((a, b)) => Some((a.parse().ok()?, b.parse().ok()?)),
        None => s.parse().ok().map(|n| (n, n)),
    }
}

/// `2`, `1 3`, `1,3`, `2-4`: 1-based numbers, sorted and deduplicated.
fn numbers(s: &str, usage: &str) -> Result<Vec<usize>, String> {
    let mut out = Vec::new();
    for item in s.split([' ', ',']).filter(|i| !i.is_empty()) {
        let (a, b) = range(item).ok_or_else(|| usage.to_owned())?;
        if a == 0 || b < a || b - a > 10_000 {
            return Err(usage.to_owned());
        }
        out.extend(a..=b);
    }
    out.sort_unstable();
    out.dedup();
    Ok(out)
}

/// ` (labels: p PER · o ORG ...)`
pub(crate) fn labels_hint(schema: &Schema) -> String {
    format!(" (labels: {})", label_keys(schema))
}

/// `p PER · o ORG ...`: each span label with its key.
pub(crate) fn label_keys(schema: &Schema) -> String {
    schema
        .spans
        .labels
        .iter()
        .map(|l| match &l.key {
            Some(k) => format!("{k} {}", l.name),
            None => l.name.clone(),
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
#[path = "command_tests.rs"]
mod tests;
