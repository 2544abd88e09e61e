//! The session fits an 80x24 terminal: a tall document pages (`>`, `<`,
//! PageDown, PageUp), an edit shows its paragraph, `?` pages, Ctrl-C cancels
//! the line, the draft survives kill -9 and is restored, and no line is wider
//! than the terminal.

use std::process::Command;
use std::time::Duration;

use expectrl::{Expect, Session};
use unicode_width::UnicodeWidthStr;

use crate::common::jsonl_project;

const COLS: u16 = 80;
const ROWS: u16 = 24;

/// What the terminal shows: escape sequences (colour, the line editor's
/// cursor moves) taken out, carriage returns dropped.
fn shown(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\u{1b}' => match chars.next() {
                Some('[') => {
                    // Parameters, then one final byte in @..~.
                    for p in chars.by_ref() {
                        if ('@'..='~').contains(&p) {
                            break;
                        }
                    }
                }
                Some(']') => {
                    for p in chars.by_ref() {
                        if p == '\u{7}' {
                            break;
                        }
                    }
                }
                _ => {}
            },
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Every line fits the terminal's width.
fn assert_fits(screen: &str) {
    for line in screen.lines() {
        assert!(
            line.width() <= usize::from(COLS),
            "{} columns: {line:?}",
            line.width()
        );
    }
}

/// A session of `tty` on an 80x24 pseudo-terminal, in colour.
fn spawn_80x24(root: &std::path::Path) -> expectrl::session::OsSession {
    spawn_at_80x24(root, &["annotate", "--annotator", "tty"], true)
}

/// `annot ARGS` on the project under an 80x24 pseudo-terminal.
fn spawn_at_80x24(
    root: &std::path::Path,
    args: &[&str],
    color: bool,
) -> expectrl::session::OsSession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_annot"));
    cmd.arg("--project")
        .arg(root)
        .args(args)
        .env_remove("ANNOT_PROJECT")
        .env("TERM", "xterm-256color");
    if color {
        cmd.env_remove("NO_COLOR");
    } else {
        cmd.env("NO_COLOR", "1");
    }
    let mut s = Session::spawn(cmd).expect("spawn under a pty");
    s.get_process_mut()
        .set_window_size(COLS, ROWS)
        .expect("an 80x24 terminal");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    s
}

fn tall_document() -> String {
    (1..=50)
        .map(|i| {
            format!(
                "Le paragraphe {i} dit que l' armée syrienne et ses alliés ont repris Boukamal , dernier bastion de l' EI en Syrie ."
            )
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

#[test]
fn a_tall_document_at_80x24_pages_cancels_and_survives_kill_9() {
    let text = tall_document();
    let (_tmp, root) = jsonl_project(&[("t", text.as_str())]);
    let mut s = spawn_80x24(&root);
    // The first screen: a page, its position, the span list, the prompt.
    let first = shown(s.expect("tty› ").expect("first prompt").before());
    assert_fits(&first);
    let page = first.split("── t ").nth(1).expect("the document's rule");
    assert!(
        page.lines().count() < usize::from(ROWS),
        "rule to prompt fit the rows: {page}"
    );
    assert!(page.contains("of 50 · > next page"), "{page}");
    assert!(page.contains("¶1 "), "{page}");
    assert!(!page.contains("¶50"), "{page}");
    assert!(page.contains("spans      –"), "{page}");

    // > turns the page; the position says where it is.
    s.send(">\r").unwrap();
    let second = shown(s.expect("tty› ").unwrap().before());
    assert_fits(&second);
    assert!(second.contains("< previous"), "{second}");
    assert!(!second.contains("¶1 "), "{second}");
    assert!(second.lines().count() < usize::from(ROWS), "{second}");

    // An edit answers with the paragraph it touched, its span numbered, and the span list.
    s.send("\"paragraphe 17\" MISC\r").unwrap();
    let edit = shown(s.expect("tty› ").unwrap().before());
    assert_fits(&edit);
    assert!(
        edit.contains("+ paragraphe 17 MISC (¶17) as span 1"),
        "{edit}"
    );
    assert!(edit.contains("¶17 Le paragraphe 17MISC¹ dit"), "{edit}");
    assert!(
        edit.contains("spans      1 paragraphe 17 MISC ¶17"),
        "{edit}"
    );
    assert!(edit.lines().count() < usize::from(ROWS), "{edit}");

    // < goes back to the first page.
    s.send("<\r").unwrap();
    let back = shown(s.expect("tty› ").unwrap().before());
    assert!(back.contains("¶1 "), "{back}");
    assert!(back.contains("> next page"), "{back}");

    // ? pages: each page fits the rows and the width; ? again shows the next.
    s.send("?\r").unwrap();
    let help = shown(s.expect("tty› ").unwrap().before());
    assert_fits(&help);
    assert!(help.contains("(help 1 of "), "{help}");
    assert!(help.lines().count() < usize::from(ROWS), "{help}");
    s.send("?\r").unwrap();
    let help2 = shown(s.expect("tty› ").unwrap().before());
    assert_fits(&help2);
    assert!(help2.contains("(help 2 of "), "{help2}");
    assert!(help2.lines().count() < usize::from(ROWS), "{help2}");

    // l 17: one paragraph.
    s.send("l 17\r").unwrap();
    let one = shown(s.expect("tty› ").unwrap().before());
    assert!(one.contains("¶17 Le paragraphe 17MISC¹"), "{one}");
    assert!(!one.contains("¶18"), "{one}");

    // PageDown and PageUp turn the pages as > and < do; what was typed
    // before PageDown waits at the next prompt.
    s.send("\u{1b}[6~").unwrap();
    let down = shown(s.expect("tty› ").unwrap().before());
    assert_fits(&down);
    assert!(down.contains("< previous"), "PageDown: {down}");
    assert!(!down.contains("¶1 "), "{down}");
    s.send("\u{1b}[5~").unwrap();
    let up = shown(s.expect("tty› ").unwrap().before());
    assert!(up.contains("¶1 "), "PageUp: {up}");
    assert!(!up.contains("< previous"), "{up}");
    s.send("Boukamal").unwrap();
    s.send("\u{1b}[6~").unwrap();
    s.expect("< previous").expect("PageDown with text typed");
    s.expect("tty› ").unwrap();
    s.send(" LOC\r").unwrap();
    let mark = shown(s.expect("tty› ").unwrap().before());
    assert!(mark.contains("+ Boukamal LOC (¶1) as span"), "{mark}");

    // Ctrl-C with text typed cancels that line only.
    s.send("Syrie LOC").unwrap();
    s.send("\u{3}").unwrap();
    let cancelled = shown(s.expect("tty› ").unwrap().before());
    assert_fits(&cancelled);
    assert!(cancelled.contains("line cancelled"), "{cancelled}");

    // kill -9 mid-document: the two acknowledged marks come back, the cancelled line does not.
    s.get_process_mut()
        .kill(expectrl::process::unix::Signal::SIGKILL)
        .unwrap();
    s.get_process_mut().wait().unwrap();
    let mut s = spawn_80x24(&root);
    let restored = shown(s.expect("tty› ").expect("prompt after restart").before());
    assert_fits(&restored);
    assert!(
        restored.contains("restored 2 unsaved edits of t"),
        "{restored}"
    );
    assert!(restored.contains("of 50 · > next page"), "{restored}");
    let spans = restored.split("spans ").nth(1).expect("span list");
    assert!(spans.contains("paragraphe 17 MISC ¶17"), "{spans}");
    assert!(spans.contains("Boukamal LOC ¶1"), "{spans}");
    assert!(!spans.contains("Syrie"), "{spans}");

    // Ctrl-D ends the session; the farewell fits too.
    s.send("\u{4}").unwrap();
    let bye = shown(
        s.expect("still to do")
            .expect("farewell at end of input")
            .before(),
    );
    assert_fits(&bye);
    let status = s.get_process_mut().wait().unwrap();
    assert!(format!("{status:?}").contains("Exited"), "{status:?}");
}

/// `annot show` on an 80-column terminal wraps each zone's text under its
/// gutter (`│` on every continued line); piped, each line stays whole.
#[test]
fn show_wraps_to_an_80_column_terminal_under_its_gutter_and_not_in_a_pipe() {
    let body = (1..=30)
        .map(|i| format!("mot{i}"))
        .collect::<Vec<_>>()
        .join(" ");
    let text = format!("{body} Boukamal et la Syrie . {body} .");
    let (_tmp, root) = jsonl_project(&[("w", text.as_str())]);
    crate::common::annot_in(&root)
        .args(["annotate", "--annotator", "bot"])
        .env("NO_COLOR", "1")
        .write_stdin("Boukamal LOC\n\n")
        .assert()
        .success();
    let piped = crate::common::stdout_of(crate::common::annot_in(&root).args(["show", "w"]));
    let long = piped
        .lines()
        .find(|l| l.contains("mot1 "))
        .expect("the text line");
    assert!(long.width() > usize::from(COLS), "piped: one line: {piped}");
    assert!(long.contains("[Boukamal]{LOC}"), "{piped}");

    let mut s = spawn_at_80x24(&root, &["show", "w"], false);
    let screen = shown(s.expect("bot accepted").expect("the record line").before());
    s.get_process_mut().wait().unwrap();
    assert_fits(&screen);
    let rows: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("mot1 "))
        .take_while(|l| !l.trim().is_empty())
        .collect();
    assert!(rows.len() >= 3, "wrapped to the width: {screen}");
    let bar = rows[0].find('│').expect("the zone gutter");
    assert!(rows[0][..bar].trim() == "body", "{screen}");
    for row in &rows[1..] {
        assert_eq!(
            row.find('│'),
            Some(bar),
            "continued under the gutter: {row:?}"
        );
        assert!(row[..bar].trim().is_empty(), "{row:?}");
    }
    // The same words in the same order as the piped line, none cut.
    let words = |lines: &[&str]| -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| l.split('│').nth(1).unwrap_or("").split_whitespace())
            .map(str::to_owned)
            .collect()
    };
    assert_eq!(words(&rows), words(&[long]), "{screen}");
}
