//! A check of a CSV file's quotes before any of its rows is imported.
//!
//! A field in quotes may hold line breaks (a text of several paragraphs), so
//! a quote opened by mistake and closed rows later, or never, turns the rows
//! after it into one document's text without any parse error. Before a CSV
//! file is read, its quotes are followed once: a quoted field still open at
//! the end of the file is an error, and so is a quoted field that swallows a
//! line which looks like a row of its own. Such a line splits into as many
//! fields as the header and starts with a field of the same shape as the
//! first field of the rows around it (an id `17` like `12`, `doc-3` like
//! `doc-2`), which the line of a paragraph does not (`Le ministre a dit,`).

use std::io::BufRead;

/// What is wrong with the quotes of a CSV file; `line` is where the quote opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum QuoteProblem {
    /// A quoted field open at the end of the file.
    Unclosed { line: usize },
    /// A quoted field over a line that looks like a row (`row_line`) of `fields` fields.
    SwallowsRow {
        line: usize,
        row_line: usize,
        fields: usize,
    },
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the closing one, or the first of `""`.
    QuoteInQuoted,
}

/// The longest part of a field or line kept for the comparison.
const KEEP: usize = 4096;

/// Follows the quotes of the CSV text in `reader` (comma-separated, header first).
///
/// # Errors
/// Read errors.
pub(crate) fn check_quotes<R: BufRead>(mut reader: R) -> std::io::Result<Option<QuoteProblem>> {
    let mut state = State::FieldStart;
    let mut line = 1usize;
    let mut header_fields: Option<usize> = None;
    let mut field = 0usize;
    // First field of the current record, and its shape once it ended.
    let mut first = Vec::new();
    let mut prev_shape: Option<Vec<u8>> = None;
    // The open quoted field: its line and the shape the rows near it start with.
    let mut open_line = 0usize;
    let mut reference: Option<Vec<u8>> = None;
    // The physical line being read, when it began inside a quoted field.
    let mut inner: Option<Vec<u8>> = None;
    // The first line that looks like a row inside the open quoted field:
    // reported once the field closes (when it never does, that is the problem).
    let mut pending: Option<(usize, usize)> = None;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            break;
        }
        let n = buf.len();
        for &b in buf {
            if let Some(l) = inner.as_mut()
                && b != b'\n'
                && l.len() < KEEP
            {
                l.push(b);
            }
            if field == 0
                && first.len() < KEEP
                && (state == State::Quoted || (b != b',' && b != b'\n'))
            {
                first.push(b);
            }
            let end_record = |field: usize, header_fields: &mut Option<usize>| {
                header_fields.get_or_insert(field + 1);
            };
            match (state, b) {
                (State::FieldStart, b'"') => {
                    state = State::Quoted;
                    open_line = line;
                    reference = if field > 0 {
                        Some(shape(&first))
                    } else {
                        prev_shape.clone()
                    };
                }
                (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b',') => {
                    field += 1;
                    state = State::FieldStart;
                }
                (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b'\n') => {
                    end_record(field, &mut header_fields);
                    if let Some(l) = inner.take()
                        && let Some(p) = swallowed(&l, header_fields, reference.as_deref())
                    {
                        pending.get_or_insert((line, p));
                    }
                    // The quote closed: a row it swallowed is the problem.
                    if let Some((row_line, fields)) = pending {
                        return Ok(Some(problem(open_line, row_line, fields)));
                    }
                    prev_shape = Some(shape(&first));
                    first.clear();
                    field = 0;
                    line += 1;
                    state = State::FieldStart;
                }
                (State::FieldStart | State::QuoteInQuoted, _) => state = State::Unquoted,
                (State::Unquoted, _) => {}
                (State::Quoted, b'"') => state = State::QuoteInQuoted,
                (State::Quoted, b'\n') => {
                    if let Some(l) = inner.take()
                        && let Some(p) = swallowed(&l, header_fields, reference.as_deref())
                    {
                        pending.get_or_insert((line, p));
                    }
                    inner = Some(Vec::new());
                    line += 1;
                }
                (State::Quoted, _) => {}
            }
        }
        reader.consume(n);
    }
    if state == State::Quoted {
        return Ok(Some(QuoteProblem::Unclosed { line: open_line }));
    }
    if let Some(l) = inner.take()
        && let Some(p) = swallowed(&l, header_fields, reference.as_deref())
    {
        pending.get_or_insert((line, p));
    }
    Ok(pending.map(|(row_line, fields)| problem(open_line, row_line, fields)))
}

fn problem(line: usize, row_line: usize, fields: usize) -> QuoteProblem {
    QuoteProblem::SwallowsRow {
        line,
        row_line,
        fields,
    }
}

/// The number of fields of `line`, a line inside a quoted field, when it looks like a row.
fn swallowed(line: &[u8], header_fields: Option<usize>, reference: Option<&[u8]>) -> Option<usize> {
    let header_fields = header_fields?;
    if header_fields < 2 {
        // One column: every line has as many fields as the header.
        return None;
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let (fields, first) = split(line);
    let looks_like_row = fields == header_fields
        && !first.is_empty()
        && reference.is_some_and(|r| shape(first) == r);
    looks_like_row.then_some(fields)
}

/// Number of fields of one line read as a row of its own, and its first field.
fn split(line: &[u8]) -> (usize, &[u8]) {
    let mut state = State::FieldStart;
    let mut fields = 1;
    let mut first_end = line.len();
    for (i, &b) in line.iter().enumerate() {
        state = match (state, b) {
            (State::FieldStart, b'"') => State::Quoted,
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b',') => {
                if fields == 1 {
                    first_end = i;
                }
                fields += 1;
                State::FieldStart
            }
            (State::FieldStart | State::QuoteInQuoted, _) => State::Unquoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (s, _) => s,
        };
    }
    (fields, &line[..first_end])
}

/// A field's shape: digits, letters and the rest as classes, runs collapsed
/// (`doc-12` and `doc-7` are `a-9`; `Le ministre` is `a a`).
fn shape(field: &[u8]) -> Vec<u8> {
    let field = field.strip_suffix(b"\r").unwrap_or(field);
    let field = field
        .strip_prefix(b"\"")
        .and_then(|f| f.strip_suffix(b"\""))
        .unwrap_or(field);
    let mut out: Vec<u8> = Vec::new();
    for &b in field.iter().take(64) {
        let class = match b {
            b'0'..=b'9' => b'9',
            b if b.is_ascii_alphabetic() || b >= 0x80 => b'a',
            b => b,
        };
        if out.last() != Some(&class) {
            out.push(class);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(csv: &str) -> Option<QuoteProblem> {
        check_quotes(csv.as_bytes()).unwrap()
    }

    #[test]
    fn paragraphs_in_quotes_are_fine() {
        assert_eq!(
            check(
                "id,title,text\n1,Un,\"Premier paragraphe, avec virgule.\nSecond paragraphe, lui aussi.\n\nTroisième.\"\n2,Deux,court\n"
            ),
            None
        );
        assert_eq!(
            check(
                "id,title,text,date\r\na,Titre,\"Premier texte, avec virgule\r\nsur deux lignes\",19/11/2017\r\n"
            ),
            None
        );
        assert_eq!(check("text\n\"a\nb\"\n"), None);
        assert_eq!(check("id,text\n1,\"il a dit \"\"non\"\"\nhier\"\n"), None);
        assert_eq!(check("id,text\n1,sans guillemet\n"), None);
    }

    #[test]
    fn unclosed_quote_is_found_where_it_opened() {
        assert_eq!(
            check("id,text\n1,ok\n2,\"ouvert\n"),
            Some(QuoteProblem::Unclosed { line: 3 })
        );
        assert_eq!(
            check("text\n\"a\nb\nc"),
            Some(QuoteProblem::Unclosed { line: 2 })
        );
    }

    #[test]
    fn quote_closed_rows_later_is_found() {
        assert_eq!(
            check("id,title,text\n1,Un,\"ouvre\n2,Deux,texte deux\n3,Trois,fin\" ici\n"),
            Some(QuoteProblem::SwallowsRow {
                line: 2,
                row_line: 3,
                fields: 3
            })
        );
        // The text column first: the shape comes from the row before...
        assert!(matches!(
            check("text,id\nun,d-1\n\"ouvre,d-2\ndeux,d-3\"\n"),
            Some(QuoteProblem::SwallowsRow {
                line: 3,
                row_line: 4,
                ..
            })
        ));
        // ...and with no row before, a line of a paragraph is given the benefit of the doubt.
        assert_eq!(
            check("text,id\n\"Un paragraphe,\nLe ministre a dit, hier\",d-1\n"),
            None
        );
        assert!(matches!(
            check("id,text\nd-1,ok\nd-2,\"ouvre\nd-3,deux\nd-4,trois\"\n"),
            Some(QuoteProblem::SwallowsRow {
                line: 3,
                row_line: 4,
                ..
            })
        ));
    }

    #[test]
    fn shapes() {
        assert_eq!(shape(b"doc-12"), shape(b"doc-7"));
        assert_ne!(shape(b"12"), shape(b"Le ministre"));
        assert_eq!(split(b"a,\"b,c\",d"), (3, &b"a"[..]));
    }
}
