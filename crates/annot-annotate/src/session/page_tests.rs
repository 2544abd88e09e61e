//! Fitting the terminal: pages, the paragraphs an edit touched, `l 7`, `?` in pages.

use super::*;
use crate::render::display_width;

/// Lines from a script, as if typed at a terminal of `width` x `height`.
struct Sized {
    lines: PlainLines<&'static [u8]>,
    width: usize,
    height: usize,
}

impl LineSource for Sized {
    fn read_line(&mut self, prompt: &str) -> std::io::Result<crate::frontend::Input> {
        self.lines.read_line(prompt)
    }
    fn width(&mut self) -> Option<usize> {
        Some(self.width)
    }
    fn height(&mut self) -> Option<usize> {
        Some(self.height)
    }
}

fn tall() -> String {
    (1..=50)
        .map(|i| format!("Le paragraphe {i} parle de Boukamal et de la Syrie ."))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `mot1 mot2 ... mot120`: a paragraph taller than a small terminal.
fn words_1_to_120() -> String {
    (1..=120)
        .map(|i| format!("mot{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn run_sized(f: &Fixture, script: &'static str, width: usize, height: usize) -> String {
    let corpus = Corpus::open(&f.dir.path().join("corpus"), &f.dir.path().join(".annot")).unwrap();
    let log = AnnotatorLog::open(&f.log_path(), "bot").unwrap();
    let mut session = Session::new(corpus, f.schema.clone(), log, opts()).unwrap();
    let mut out = Vec::new();
    let mut input = Sized {
        lines: PlainLines::new(script.as_bytes()),
        width,
        height,
    };
    session.run(&mut input, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn a_tall_document_pages_at_a_terminal_and_not_in_a_pipe() {
    let text = tall();
    let f = Fixture::new(&[("t", text.as_str())]);
    let out = run_sized(&f, ">\n>\n<\nSyrie LOC\nl 7\nl 51\n", 80, 24);
    let screens: Vec<&str> = out.split("── t ").collect();
    let first = screens[1];
    assert!(first.contains("¶1  Le paragraphe 1 "), "{first}");
    assert!(!first.contains("¶50"), "{first}");
    assert!(first.contains("of 50 · > next page"), "{first}");
    assert!(
        first.lines().count() <= 22,
        "a page, the prompt and an answer fit 24 rows: {first}"
    );
    let second = screens[2];
    assert!(second.contains("< previous"), "{second}");
    assert!(!second.contains("¶1  "), "{second}");
    // Back on page 2, the mark answers with its paragraph and the span list.
    let after = screens[4];
    assert!(after.contains("+ Syrie LOC (¶"), "{after}");
    let answer = after.split("+ Syrie LOC").nth(1).unwrap();
    assert!(answer.contains("[Syrie]{LOC·1}"), "{answer}");
    assert!(answer.contains("spans      1 Syrie LOC ¶1"), "{answer}");
    assert!(out.contains("¶7  Le paragraphe 7 "), "l 7: {out}");
    assert!(
        out.contains("no ¶51: the paragraphs are ¶1 to ¶50"),
        "{out}"
    );
    for line in out.lines() {
        assert!(display_width(line) <= 80, "{line}");
    }

    // The same document piped is drawn whole, and > says why it does nothing.
    let (piped, _) = f.run(">\n");
    assert!(piped.contains("¶50 Le paragraphe 50"), "{piped}");
    assert!(!piped.contains("of 50"), "{piped}");
    assert!(piped.contains("the whole document is on screen"), "{piped}");
}

#[test]
fn a_page_turn_while_asked_for_a_label_keeps_the_question() {
    let text = tall();
    let f = Fixture::new(&[("t", text.as_str())]);
    let out = run_sized(&f, "Syrie\n>\nl\n", 80, 24);
    let after_turn = out.split("which label for \"Syrie\"?").nth(1).unwrap();
    assert!(after_turn.contains("< previous"), "the page turned: {out}");
    assert!(
        after_turn.contains("+ Syrie LOC (¶1)"),
        "then answered: {out}"
    );
}

#[test]
fn the_last_page_says_so_and_an_edit_shows_only_its_paragraph_in_a_pipe() {
    let text = tall();
    let f = Fixture::new(&[("t", text.as_str())]);
    let out = run_sized(&f, "<\n>\n>\n>\n>\n>\n>\n>\n", 80, 24);
    assert!(out.contains("this is the first page"), "{out}");
    assert!(out.contains("this is the last page (¶"), "{out}");
    assert!(out.contains("¶50 Le paragraphe 50"), "{out}");

    let (piped, _) = f.run("\"paragraphe 3 parle\" MISC\nBoukamal LOC *\n");
    let answer = piped.split("+ paragraphe 3 parle MISC").nth(1).unwrap();
    let drawn: Vec<&str> = answer
        .lines()
        .skip(1)
        .take_while(|l| l.starts_with('¶'))
        .collect();
    assert_eq!(
        drawn,
        ["¶3  Le [paragraphe 3 parle]{MISC·1} de Boukamal et de la Syrie ."]
    );
    // A mark of 50 places draws the first few and names the rest.
    assert!(piped.contains("… ¶4 ¶5 ¶6"), "{piped}");
}

#[test]
fn help_pages_on_a_small_terminal_and_wraps_on_a_narrow_one() {
    let f = Fixture::new(&[("a", A)]);
    let out = run_sized(&f, "?\n?\n?\n?\n", 80, 24);
    assert!(out.contains("(help 1 of "), "{out}");
    assert!(out.contains("? again: next page)"), "{out}");
    let page1 = out.split("commands (Enter after each").nth(1).unwrap();
    let page1 = page1.split("(help 1 of").next().unwrap();
    assert!(page1.lines().count() <= 22, "{page1}");
    let narrow = run_sized(&f, "?\nxyz qqq\n", 50, 60);
    for line in narrow.lines() {
        assert!(display_width(line) <= 50, "{line}");
    }
    // A continued help line goes on under its description column.
    assert!(
        narrow.contains("\n                                 "),
        "{narrow}"
    );
}

#[test]
fn a_paragraph_taller_than_the_page_is_split_across_pages_by_rows() {
    let text = format!(
        "Court début .\n\n{} Boukamal .\n\nCourte fin .",
        words_1_to_120()
    );
    let f = Fixture::new(&[("t", text.as_str())]);
    let out = run_sized(&f, ">\n>\n>\n>\n<\n", 40, 16);
    for line in out.lines() {
        assert!(display_width(line) <= 40, "{line}");
    }
    let screens: Vec<&str> = out.split("── t ").skip(1).collect();
    // Every page fits the 16 rows with the prompt, however tall ¶2 is.
    for page in &screens {
        // The page ends with the lists; an answer and the prompt take the last rows.
        let page = page.split("topic      –").next().unwrap();
        assert!(page.lines().count() <= 13, "{page}");
    }
    let position = |page: &str| {
        page.lines()
            .find(|l| l.contains(" of 3"))
            .unwrap_or_else(|| panic!("no position in {page}"))
            .trim()
            .to_owned()
    };
    let first = position(screens[0]);
    assert!(first.starts_with("¶1-¶2 (rows 1-"), "{first}");
    let second = position(screens[1]);
    assert!(second.starts_with("¶2 (rows "), "{second}");
    // Every word of the tall paragraph is shown on some page, once.
    let shown: String = screens.iter().take(4).copied().collect();
    let words: Vec<&str> = shown.split_whitespace().collect();
    for i in 1..=120 {
        let word = format!("mot{i}");
        let n = words.iter().filter(|w| **w == word).count();
        assert_eq!(n, 1, "mot{i} shown {n} times: {out}");
    }
    assert!(shown.contains("¶3 Courte fin"), "{out}");
    // < goes back one page as paging down laid them out.
    assert_eq!(position(screens[4]), position(screens[2]), "{out}");
}

#[test]
fn an_edit_in_a_paragraph_taller_than_the_screen_shows_the_rows_around_it() {
    let text = format!("Court début .\n\n{} Boukamal .", words_1_to_120());
    let f = Fixture::new(&[("t", text.as_str())]);
    let out = run_sized(&f, "mot110 MISC\n", 40, 16);
    let answer = out.split("+ mot110 MISC").nth(1).expect("the answer");
    assert!(answer.contains("[mot110]{MISC·1}"), "{answer}");
    assert!(answer.contains("… ¶2 rows "), "{answer}");
    assert!(
        !answer.contains("mot1 "),
        "the top of ¶2 is left out: {answer}"
    );
    assert!(answer.contains("spans      1 mot110 MISC ¶2"), "{answer}");
    let shown = answer.split("topic      –").next().unwrap();
    assert!(
        shown.lines().count() < 15,
        "the answer, the rows and the lists fit 16 rows with the prompt: {answer}"
    );
}
