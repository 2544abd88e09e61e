//! The binary under a pseudo-terminal: line editor, prompt, colour, history.

use std::process::Command;
use std::time::Duration;

use annot_model::record::Status;
use expectrl::{Expect, Session};

use super::{A, B, latest, records};
use crate::common::jsonl_project;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn a_session_in_a_real_terminal() {
    let (_tmp, root) = jsonl_project(&[("a", A), ("b", B)]);
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_annot"));
    cmd.arg("--project")
        .arg(&root)
        .args(["annotate", "--annotator", "tty"])
        .env_remove("NO_COLOR")
        .env_remove("ANNOT_PROJECT")
        .env("TERM", "xterm-256color");
    let mut s = Session::spawn(cmd).expect("spawn under a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));

    // The first screen: the document in colour, then the prompt.
    let screen = s.expect("tty› ").expect("first prompt");
    let screen = text(screen.before());
    assert!(screen.contains("annot · schema news@1 · tty"), "{screen}");
    assert!(screen.contains("doc 1/2"), "{screen}");
    assert!(screen.contains("Boukamal"), "{screen}");
    assert!(
        screen.contains("\u{1b}[1m"),
        "bold header on a terminal: {screen:?}"
    );

    // Typing a mark: the answer, then a fresh prompt.
    s.send("Boukamal LOC\r").unwrap();
    let answer = text(s.expect("as span 1").expect("mark answer").before());
    assert!(answer.contains("+ Boukamal LOC"), "{answer}");
    s.expect("tty› ").unwrap();

    // Redraw: the span is coloured by its label (LOC: bold green), its label dim after it.
    s.send("l\r").unwrap();
    let redraw = text(s.expect("tty› ").unwrap().before());
    assert!(
        redraw.contains("\u{1b}[1m\u{1b}[32mBoukamal\u{1b}[0m"),
        "{redraw:?}"
    );
    assert!(!redraw.contains("]{LOC"), "{redraw}");

    // Enter accepts; the record is on disk before the next prompt.
    s.send("\r").unwrap();
    s.expect("saved a · accepted · 1 span").expect("saved line");
    s.expect("tty› ").unwrap();
    let a = latest(&root, "tty", "a");
    assert_eq!(
        (a.status, a.spans[0].text.as_str()),
        (Status::Accepted, "Boukamal")
    );

    // Arrow up twice recalls the mark from the line editor's history (past `l`).
    s.send("\u{1b}[A").unwrap();
    s.send("\u{1b}[A").unwrap();
    s.send("\r").unwrap();
    s.expect("+ Boukamal LOC")
        .expect("history recall marks in doc b");
    s.expect("tty› ").unwrap();

    // Ctrl-D ends the session; the unsaved mark of b is kept as a draft, a is saved.
    s.send("\u{4}").unwrap();
    // Answers wrap at the terminal's width: look for the words, not the line breaks.
    s.expect("end of input: 1 saved this session (1 accepted), 1 still to do")
        .expect("farewell");
    s.expect("kept as a draft").expect("the draft is kept");
    let status = s.get_process_mut().wait().unwrap();
    assert!(format!("{status:?}").contains("Exited"), "{status:?}");
    assert_eq!(records(&root, "tty").len(), 1);
}

#[test]
fn ctrl_c_cancels_the_line_twice_quits_and_the_draft_comes_back() {
    let (_tmp, root) = jsonl_project(&[("a", A), ("b", B)]);
    let spawn = || {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_annot"));
        cmd.arg("--project")
            .arg(&root)
            .args(["annotate", "--annotator", "tty"])
            .env("NO_COLOR", "1")
            .env_remove("ANNOT_PROJECT")
            .env("TERM", "xterm-256color");
        let mut s = Session::spawn(cmd).expect("spawn under a pty");
        s.set_expect_timeout(Some(Duration::from_secs(20)));
        s
    };
    let mut s = spawn();
    s.expect("tty› ").expect("first prompt");
    s.send("Boukamal LOC\r").unwrap();
    s.expect("+ Boukamal LOC").expect("mark answer");
    s.expect("tty› ").unwrap();
    // Typed, not entered: Ctrl-C throws the line away.
    s.send("Hezbollah ORG").unwrap();
    s.send("\u{3}").unwrap();
    s.expect("line cancelled · Ctrl-C again on an empty line")
        .expect("the line is cancelled");
    s.expect("tty› ").unwrap();
    // Ctrl-C again, with text typed: only that line goes, as in a shell.
    s.send("OSDH ORG").unwrap();
    s.send("\u{3}").unwrap();
    s.expect("line cancelled")
        .expect("cancelled again, not quit");
    s.expect("tty› ").unwrap();
    // On an empty line, a second Ctrl-C quits.
    s.send("\u{3}").unwrap();
    let bye = text(
        s.expect("they come back at the next start")
            .expect("farewell")
            .before(),
    );
    let bye = bye.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        bye.contains("Ctrl-C: 0 saved this session, 2 still to do · 1 document has unsaved edits, kept as a draft"),
        "{bye}"
    );
    let status = s.get_process_mut().wait().unwrap();
    assert!(format!("{status:?}").contains("Exited"), "{status:?}");
    assert!(
        records(&root, "tty").is_empty(),
        "a draft is never a decision"
    );

    // The next start opens the draft, with the span and without the cancelled line.
    let mut s = spawn();
    let screen = text(s.expect("tty› ").expect("first prompt").before());
    assert!(
        screen.contains("restored 1 unsaved edit of a: continue, or `drop` to discard"),
        "{screen}"
    );
    assert!(screen.contains("[Boukamal]{LOC"), "{screen}");
    assert!(!screen.contains("[Hezbollah]"), "{screen}");
    assert!(!screen.contains("[OSDH]"), "{screen}");
    s.send("\r").unwrap();
    s.expect("saved a · accepted · 1 span").expect("saved line");
    s.expect("tty› ").unwrap();
    s.send("q\r").unwrap();
    s.expect("quit: 1 saved this session").expect("farewell");
    s.get_process_mut().wait().unwrap();
    assert_eq!(latest(&root, "tty", "a").spans.len(), 1);
    assert!(!root.join("annotations/tty.draft.jsonl").exists());
}
