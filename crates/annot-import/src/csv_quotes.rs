//! A check of a CSV file's quotes before any of its rows is imported.
//!
//! A field in quotes may hold line breaks (a text of several paragraphs), so
//! a quote opened by mistake and closed rows later, or never, turns the rows
//! after it into one document's text without any parse error. Before a CSV
//! file is read, its quotes are followed once: a quoted field still open at
//! the end of the file is an error, and so is a quoted field that swallows a
//! line which looks like a row of its own. Such a line splits into as many
//! fields as the header, has a non-empty text column, and its id column (the
//! first column when there is no id column) has strictly the shape of the ids
//! of the rows around it: the same character classes, capitals apart, and
//! about the same length (`17` like `12`, `doc-3` like `doc-2`). The line of
//! a paragraph does not (`So, we went home.` is no row of ids `a`, `b`).
//! Texts that really hold such lines are imported with the check turned off
//! ([`QuoteRules::multiline`]); a quote never closed is an error even then.

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

/// What the check needs to know of the file's columns.
#[derive(Debug, Clone, Copy)]
pub(crate) struct QuoteRules<'a> {
    /// The column with the text.
    pub(crate) text_column: &'a str,
    /// The column with the id; `None` means `id` when there is one.
    pub(crate) id_column: Option<&'a str>,
    /// Multi-line texts may hold lines that look like rows: only a quote
    /// never closed is a problem.
    pub(crate) multiline: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    /// A quote inside a quoted field: the closing one, or the first of `""`.
    QuoteInQuoted,
}

/// The longest part of a line (or header) kept for the comparison.
const KEEP: usize = 4096;
/// The longest part of an id kept for its shape.
const KEEP_ID: usize = 64;

/// The columns the check looks at, from the header.
struct Columns {
    fields: usize,
    /// The id column, or the first one.
    key: usize,
    text: Option<usize>,
}

impl Columns {
    fn of(header: &[u8], rules: &QuoteRules<'_>) -> Self {
        let header = header.strip_suffix(b"\n").unwrap_or(header);
        let names: Vec<String> = split(header)
            .iter()
            .map(|f| String::from_utf8_lossy(unquote(f)).trim().to_string())
            .collect();
        let find = |name: &str| names.iter().position(|n| n == name);
        Self {
            fields: names.len(),
            key: find(rules.id_column.unwrap_or("id")).unwrap_or(0),
            text: find(rules.text_column),
        }
    }
}

/// Follows the quotes of the CSV text in `reader` (comma-separated, header first).
///
/// # Errors
/// Read errors.
pub(crate) fn check_quotes<R: BufRead>(
    mut reader: R,
    rules: &QuoteRules<'_>,
) -> std::io::Result<Option<QuoteProblem>> {
    let mut state = State::FieldStart;
    let mut line = 1usize;
    // The header record's bytes while it is read, then what they say.
    let mut header: Option<Vec<u8>> = Some(Vec::new());
    let mut columns: Option<Columns> = None;
    let mut field = 0usize;
    // The id field of the current record, and the shape of the previous record's.
    let mut key = Vec::new();
    let mut prev_shape: Option<Shape> = None;
    // The open quoted field: its line and the shape of the ids near it.
    let mut open_line = 0usize;
    let mut reference: Option<Shape> = None;
    // The physical line being read, when it began inside a quoted field.
    let mut inner: Option<Vec<u8>> = None;
    // The first line that looks like a row inside the open quoted field:
    // reported once the field closes (when it never does, that is the problem).
    let mut pending: Option<(usize, usize)> = None;
    let check_rows = !rules.multiline;
    let key_column = |columns: &Option<Columns>| columns.as_ref().map_or(0, |c| c.key);
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
            if let Some(h) = header.as_mut()
                && h.len() < KEEP
            {
                h.push(b);
            }
            if field == key_column(&columns)
                && key.len() < KEEP_ID
                && (state == State::Quoted || (b != b',' && b != b'\n'))
            {
                key.push(b);
            }
            match (state, b) {
                (State::FieldStart, b'"') => {
                    state = State::Quoted;
                    open_line = line;
                    reference = if field > key_column(&columns) {
                        Some(Shape::of(&key))
                    } else {
                        prev_shape.clone()
                    };
                }
                (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b',') => {
                    field += 1;
                    state = State::FieldStart;
                }
                (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b'\n') => {
                    let header_ended = header.is_some();
                    if let Some(h) = header.take() {
                        columns = Some(Columns::of(&h, rules));
                    }
                    if let Some(l) = inner.take()
                        && check_rows
                        && let Some(p) = swallowed(&l, columns.as_ref(), reference.as_ref())
                    {
                        pending.get_or_insert((line, p));
                    }
                    // The quote closed: a row it swallowed is the problem.
                    if let Some((row_line, fields)) = pending {
                        return Ok(Some(problem(open_line, row_line, fields)));
                    }
                    // The header's name of the id column is no id.
                    prev_shape = (!header_ended).then(|| Shape::of(&key));
                    key.clear();
                    field = 0;
                    line += 1;
                    state = State::FieldStart;
                }
                // `""` inside a quoted field is a quote of the text: the field goes on.
                (State::QuoteInQuoted, b'"') => state = State::Quoted,
                (State::FieldStart | State::QuoteInQuoted, _) => state = State::Unquoted,
                (State::Unquoted, _) => {}
                (State::Quoted, b'"') => state = State::QuoteInQuoted,
                (State::Quoted, b'\n') => {
                    if let Some(l) = inner.take()
                        && check_rows
                        && let Some(p) = swallowed(&l, columns.as_ref(), reference.as_ref())
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
    if let Some(h) = header.take() {
        columns = Some(Columns::of(&h, rules));
    }
    if let Some(l) = inner.take()
        && check_rows
        && let Some(p) = swallowed(&l, columns.as_ref(), reference.as_ref())
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

/// The number of fields of `line`, a line inside a quoted field, when it
/// looks like a row: the header's number of fields, a text, and an id of
/// the `reference` shape.
fn swallowed(line: &[u8], columns: Option<&Columns>, reference: Option<&Shape>) -> Option<usize> {
    let columns = columns?;
    if columns.fields < 2 {
        // One column: every line has as many fields as the header.
        return None;
    }
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let fields = split(line);
    let id = unquote(fields.get(columns.key)?);
    let has_text = columns.text.is_none_or(|t| {
        fields
            .get(t)
            .is_some_and(|f| !unquote(f).trim_ascii().is_empty())
    });
    let looks_like_row = fields.len() == columns.fields
        && has_text
        && !id.is_empty()
        && reference.is_some_and(|r| r.matches(&Shape::of(id)));
    looks_like_row.then_some(fields.len())
}

/// The fields of one line (or header) read as a row of its own, quotes kept.
fn split(line: &[u8]) -> Vec<&[u8]> {
    let line = line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line);
    let mut state = State::FieldStart;
    let mut fields = Vec::new();
    let mut start = 0;
    for (i, &b) in line.iter().enumerate() {
        state = match (state, b) {
            (State::FieldStart, b'"') | (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, b',') => {
                fields.push(&line[start..i]);
                start = i + 1;
                State::FieldStart
            }
            (State::FieldStart | State::QuoteInQuoted, _) => State::Unquoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (s, _) => s,
        };
    }
    let last = &line[start..];
    fields.push(last.strip_suffix(b"\r").unwrap_or(last));
    fields
}

/// A field without its quotes (an opening one, and a closing one when there is one).
fn unquote(field: &[u8]) -> &[u8] {
    let field = field.strip_suffix(b"\r").unwrap_or(field);
    match field.strip_prefix(b"\"") {
        Some(inner) => inner.strip_suffix(b"\"").unwrap_or(inner),
        // The closing quote of the field that swallowed the line may end it.
        None => field.strip_suffix(b"\"").unwrap_or(field),
    }
}

/// The shape of an id: its character classes, runs collapsed (`doc-12` and
/// `doc-7` are `a-9`; `So` is `Aa`, `a` is `a`), and its length.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shape {
    classes: Vec<u8>,
    len: usize,
}

impl Shape {
    fn of(field: &[u8]) -> Self {
        let field = unquote(field);
        let mut classes: Vec<u8> = Vec::new();
        for &b in field.iter().take(KEEP_ID) {
            let class = match b {
                b'0'..=b'9' => b'9',
                b'a'..=b'z' => b'a',
                b'A'..=b'Z' => b'A',
                0x80.. => b'u',
                b => b,
            };
            if classes.last() != Some(&class) {
                classes.push(class);
            }
        }
        Self {
            classes,
            len: field.len(),
        }
    }

    /// Whether `other` is an id like this one: the same classes, and a
    /// length that differs by one at most or is in the same power of two
    /// (`doc-9` and `doc-10`, `17` and `12`, not `a` and `and`).
    fn matches(&self, other: &Self) -> bool {
        self.len > 0
            && other.len > 0
            && self.classes == other.classes
            && (self.len.abs_diff(other.len) <= 1 || self.len.ilog2() == other.len.ilog2())
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    const RULES: QuoteRules<'static> = QuoteRules {
        text_column: "text",
        id_column: None,
        multiline: false,
    };

    fn check(csv: &str) -> Option<QuoteProblem> {
        check_quotes(csv.as_bytes(), &RULES).unwrap()
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
        // A capitalised word and a comma is prose, not an id like `a`.
        assert_eq!(
            check("id,text\na,\"Para one.\nSo, we went home.\nThe end.\"\n"),
            None
        );
        // Nor is a year an id like `17`, or a line without text a row.
        assert_eq!(
            check("id,text\n17,\"Il y a eu\n2017, une année\n12,\nfin.\"\n"),
            None
        );
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
        let multiline = QuoteRules {
            multiline: true,
            ..RULES
        };
        assert_eq!(
            check_quotes(&b"id,text\n1,ok\n2,\"ouvert\n3,trois\n"[..], &multiline).unwrap(),
            Some(QuoteProblem::Unclosed { line: 3 })
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
            check("id,text\nd-9,ok\nd-9,\"ouvre\nd-10,deux\nd-11,trois\"\n"),
            Some(QuoteProblem::SwallowsRow {
                line: 3,
                row_line: 4,
                ..
            })
        ));
        // `""` inside the field does not close it.
        assert_eq!(
            check("id,text\na,\"hello \"\"x\"\" world\nb,second row\nc,third\"\n"),
            Some(QuoteProblem::SwallowsRow {
                line: 2,
                row_line: 3,
                fields: 2
            })
        );
        // The id column named, not first.
        let rules = QuoteRules {
            id_column: Some("ref"),
            ..RULES
        };
        let csv = "title,ref,text\nUn,r-1,\"ouvre\nDeux,r-2,texte\nTrois,r-3,fin\"\n";
        assert!(matches!(
            check_quotes(csv.as_bytes(), &rules).unwrap(),
            Some(QuoteProblem::SwallowsRow { row_line: 3, .. })
        ));
        let multiline = QuoteRules {
            multiline: true,
            ..rules
        };
        assert_eq!(check_quotes(csv.as_bytes(), &multiline).unwrap(), None);
    }

    #[test]
    fn shapes() {
        let same = |a: &[u8], b: &[u8]| Shape::of(a).matches(&Shape::of(b));
        assert!(same(b"doc-12", b"doc-7"));
        assert!(same(b"doc-9", b"doc-10"));
        assert!(same(b"17", b"12"));
        assert!(same(b"999", b"1000"));
        assert!(!same(b"12", b"Le ministre"));
        assert!(!same(b"a", b"So"));
        assert!(!same(b"a", b"and"));
        assert!(!same(b"17", b"2017"));
        assert!(!same(b"", b""));
        assert_eq!(split(b"a,\"b,c\",d"), [&b"a"[..], b"\"b,c\"", b"d"]);
        assert_eq!(unquote(b"\"x\""), b"x");
        assert_eq!(unquote(b"d-3\""), b"d-3");
    }
}
