//! The help text of the session (`?`), wrapped to the terminal and cut in pages.

use super::{RenderOptions, fit};

/// What `?` prints.
pub const HELP: &str = "\
commands (Enter after each; numbers are those shown on screen)
  mark     Boukamal LOC          first occurrence of a word, with its label (name or key)
           \"armée syrienne\" ORG  several words: quote them (or just type them, label last)
           Syrie LOC *           * marks every occurrence
           OSDH                  no label: you are asked for one (p PER, o ORG, ...)
           t12-13 ORG            tokens 12 to 13, as numbered by the ruler
  ruler    r  /  r 3             token numbers of all paragraphs / of ¶3
  spans    d 3  /  d 2 5         delete span 3 / spans 2 and 5 (the numbers in the text)
           3 PER                 relabel span 3
           3 +1  /  3 -1         span 3 gains / loses a token at its end
           3 <+1 /  3 <-1        span 3 gains / loses a token at its start
  suggest  y  /  y 2             take every suggestion / suggestion 2
           n 2                   dismiss suggestion 2
  labels   topic conflict        set a document label (topic 2: the 2nd value)
           -topic conflict       unset it; `topic` alone lists the values
  zones    z 3 body              ¶3 is body;  z 4-6 boilerplate
  note     note texte tronqué    set the note;  `note` alone clears it
  decide   Enter or a            accept and save, then the next document
           x  /  s  /  f REASON  reject / skip (comes back later) / flag for review
  history  u  /  U               undo / redo (as far back as the document was opened);
                                 u right after a decision reopens that document
  drafts   drop                  discard this document's unsaved edits (back to its last decision)
  move     n  /  p  /  g ID      next / previous document / go to a document by id or
                                 the start of one (unsaved work is kept)
  show     l  /  l 7             the document again, spans numbered afresh / only ¶7
           >  /  <               next / previous page (PageDown / PageUp), when the
                                 document is taller than the terminal
           b  /  ?               boilerplate on-off / this help (? again: its next page)
  quit     q                     quit (Ctrl-D, or Ctrl-C twice on an empty line, too);
                                 unsaved edits are kept as a draft and come back at the
                                 next start; Ctrl-C with text typed only cancels that line

span numbers: each span shows its number in the text (LOC³, or {LOC·3} without
colour) and in the span list with its paragraph (3 Kfar Selwan LOC ¶3). They stay
put while you work: a new span takes the next number, a deleted one leaves a gap;
opening a document, l and b number the spans afresh in text order.

command words in full do the same: accept, reject, skip, flag REASON, undo, redo,
next, prev (previous), help, quit (exit), drop. They are lower case and stand alone,
so to mark a text word spelled like a command, quote it: \"next\" ORG. Nothing else
is a command: any other text is looked for in the document.

typed text is found exactly, else ignoring case and accents (\"kfar selwan\" finds
Kfar Selwan; the answer says what you typed); not found, the nearest text is
offered. A word that is nearly a label (Paris LCO) or a label set (topci society)
is asked about, not looked for.

header: \"N patterns\" counts the phrases of the project's patterns.jsonl; \"N in
your dictionary\" counts the texts you have accepted with a label in earlier
documents: they are suggested (marked ?) wherever they occur again.
";

/// The help wrapped at the width and cut in pages that fit `height` rows
/// with a line to say which page it is; one page when the height is unknown.
#[must_use]
pub fn help_pages(opts: &RenderOptions, height: Option<usize>) -> Vec<String> {
    let text = fit(HELP, opts);
    let lines: Vec<&str> = text.lines().collect();
    // The `?` typed above, the page line and the prompt under it take three rows.
    let per_page = match height {
        Some(h) if h > 5 && lines.len() + 2 > h => h - 3,
        _ => return vec![text],
    };
    let pages: Vec<&[&str]> = lines.chunks(per_page).collect();
    let total = pages.len();
    pages
        .iter()
        .enumerate()
        .map(|(i, chunk)| {
            let mut page = chunk.join("\n");
            page.push('\n');
            let more = if i + 1 < total {
                "? again: next page"
            } else {
                "? again: first page"
            };
            page.push_str(&format!("(help {} of {total} · {more})\n", i + 1));
            page
        })
        .collect()
}
