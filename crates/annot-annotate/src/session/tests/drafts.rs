//! Nothing lost: drafts journaled per command, restored at the start, `drop`,
//! `u` after a decision, Ctrl-C, and the question before accepting nothing.

use std::collections::VecDeque;
use std::io;

use annot_model::drafts::{draft_path, read_drafts};

use super::*;
use crate::frontend::Input;

/// Lines and interrupts, as a terminal would give them.
struct Keys(VecDeque<Input>);

impl LineSource for Keys {
    fn read_line(&mut self, _prompt: &str) -> io::Result<Input> {
        Ok(self.0.pop_front().unwrap_or(Input::End))
    }
}

impl Fixture {
    fn draft_file(&self) -> PathBuf {
        draft_path(&self.log_path())
    }

    fn run_keys(&self, keys: Vec<Input>) -> String {
        let corpus = Corpus::open(
            &self.dir.path().join("corpus"),
            &self.dir.path().join(".annot"),
        )
        .unwrap();
        let log = AnnotatorLog::open(&self.log_path(), "bot").unwrap();
        let mut session = Session::new(corpus, self.schema.clone(), log, opts()).unwrap();
        let mut out = Vec::new();
        session.run(&mut Keys(keys.into()), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// Replaces the corpus with `docs` (the old texts are not kept).
    fn replace_corpus(&self, docs: &[(&str, &str)]) {
        let dir = self.dir.path().join("corpus");
        for e in std::fs::read_dir(&dir).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() {
                std::fs::remove_file(p).unwrap();
            }
        }
        let docs: Vec<Document> = docs.iter().map(|(i, t)| Document::new(*i, *t)).collect();
        write_corpus_file(&dir, "import", &docs).unwrap();
    }
}

fn line(s: &str) -> Input {
    Input::Line(s.to_owned())
}

#[test]
fn edits_are_journaled_and_come_back_at_the_next_start() {
    let f = Fixture::new(&[("a", A), ("b", B)]);
    let (out, summary) = f.run("Boukamal LOC\ntopic conflict\nn\nHezbollah ORG\nq\nq\n");
    assert!(
        out.contains("unsaved changes to a kept as a draft (g a returns)"),
        "{out}"
    );
    assert!(
        out.contains(
            "quit: 0 saved this session, 2 still to do · 2 documents have unsaved edits, kept as a draft; they come back at the next start"
        ),
        "q quits at once: {out}"
    );
    assert_eq!(summary.saved, 0);
    assert!(f.records().is_empty(), "a draft is never a decision");
    assert!(read_log(&f.log_path()).unwrap().latest.is_empty());
    let drafts = read_drafts(&f.draft_file()).unwrap().drafts;
    assert_eq!(drafts.len(), 2);
    let a = drafts["a"].draft.as_ref().unwrap();
    assert_eq!(
        (a.edits, a.spans.len(), a.spans[0].text.as_str()),
        (2, 1, "Boukamal")
    );
    assert_eq!(a.labels["topic"], ["conflict"]);
    let text = std::fs::read_to_string(f.draft_file()).unwrap();
    assert_eq!(text.lines().count(), 2, "compacted at the end: {text}");

    let (out, _) = f.run("\n");
    assert!(
        out.contains(
            "restored the unsaved edits of 2 documents: a (2 edits, open), b (1 edit) · g ID opens one"
        ),
        "{out}"
    );
    assert!(out.contains("[Boukamal]{LOC"), "{out}");
    assert!(
        out.contains("saved a · accepted · 1 span · topic conflict"),
        "{out}"
    );
    assert!(
        out.contains("1 document has unsaved edits, kept as a draft"),
        "{out}"
    );
    // b's draft opened next, with its span.
    assert!(out.contains("[Hezbollah]{ORG"), "{out}");
    let drafts = read_drafts(&f.draft_file()).unwrap().drafts;
    assert_eq!(drafts.keys().collect::<Vec<_>>(), ["b"]);
}

#[test]
fn drop_goes_back_to_the_last_decision_and_undo_to_baseline_clears() {
    let f = Fixture::new(&[("a", A), ("b", B)]);
    f.run("Boukamal LOC\n\n");
    // a is decided; redo it with a draft, then drop it.
    let (out, _) = f.run_with(
        "OSDH ORG\nq\n",
        SessionOptions {
            redo: true,
            ..opts()
        },
    );
    assert!(out.contains("1 document has unsaved edits"), "{out}");
    // drop asks once (the edits cannot be undone), drop again discards.
    let (out, _) = f.run("drop\ndrop\ndrop\nq\n");
    assert!(
        out.contains("restored 1 unsaved edit of a: continue, or `drop` to discard"),
        "{out}"
    );
    assert!(out.contains("drop again to confirm"), "{out}");
    assert!(
        out.contains("dropped the unsaved edits of a: back to your last decision (accepted)"),
        "{out}"
    );
    assert!(
        out.contains("nothing to drop: a has no unsaved edits"),
        "{out}"
    );
    assert!(!out.contains("unsaved edits, kept"), "{out}");
    assert!(!f.draft_file().exists(), "no draft left, no file");
    assert_eq!(f.latest("a").spans.len(), 1);
    // An edit undone is no draft.
    let (out, _) = f.run("Hezbollah ORG\nu\nq\n");
    assert!(!out.contains("kept as a draft"), "{out}");
    assert!(!f.draft_file().exists());
}

#[test]
fn u_right_after_a_decision_reopens_the_document() {
    let f = Fixture::new(&[("a", A), ("b", B), ("c", C)]);
    let (out, _) = f.run("Boukamal LOC\n\nu\nOSDH ORG\n\nx\nu\nl\nu\n");
    assert!(
        out.contains("reopened a (your accept stays in the log until you decide again)"),
        "{out}"
    );
    assert!(out.contains("doc 1/3 · reopened"), "{out}");
    assert!(out.contains("saved a · accepted · 2 spans"), "{out}");
    assert!(out.contains("reopened b (your reject stays"), "{out}");
    // `l` came between: the last `u` is an undo in b.
    assert!(out.contains("nothing to undo in this document"), "{out}");
    let recs = f.records();
    assert_eq!(
        recs.iter()
            .map(|r| (r.doc.as_str(), r.status))
            .collect::<Vec<_>>(),
        [
            ("a", Status::Accepted),
            ("a", Status::Accepted),
            ("b", Status::Rejected)
        ],
        "the log is append-only"
    );
    // b, reopened and left as it was: its decision stands, and no draft is promised
    // (hostile7 #33: the farewell said one was kept, and nothing came back).
    let drafts = read_drafts(&f.draft_file()).unwrap().drafts;
    assert!(drafts.is_empty(), "{drafts:?}");
    assert!(
        out.contains("b was reopened and left as it was: your reject stands"),
        "{out}"
    );
    assert!(!out.contains("kept as a draft"), "{out}");
}

#[test]
fn ctrl_c_cancels_the_line_and_a_second_one_on_an_empty_line_quits() {
    let f = Fixture::new(&[("a", A), ("b", B)]);
    let out = f.run_keys(vec![
        line("Boukamal LOC"),
        // Typed text thrown away, twice in a row: neither quits.
        Input::Cancelled,
        Input::Cancelled,
        line("OSDH"),
        // At the label question: the question goes, nothing is marked.
        Input::Interrupted,
        Input::Interrupted,
        line("never read"),
    ]);
    assert!(
        out.contains("line cancelled · Ctrl-C again on an empty line, Ctrl-D or q quits"),
        "{out}"
    );
    assert_eq!(out.matches("line cancelled").count(), 2, "{out}");
    assert!(out.contains("question cancelled, nothing marked"), "{out}");
    assert!(
        out.contains("Ctrl-C: 0 saved this session, 2 still to do · 1 document has unsaved edits"),
        "{out}"
    );
    let drafts = read_drafts(&f.draft_file()).unwrap().drafts;
    let a = drafts["a"].draft.as_ref().unwrap();
    assert_eq!(a.spans.len(), 1, "OSDH was not marked");

    // Ctrl-C on an empty line asks first; typed text cancelled next does not quit.
    let out = f.run_keys(vec![
        Input::Interrupted,
        Input::Cancelled,
        line("l"),
        Input::Interrupted,
        Input::Interrupted,
    ]);
    assert!(
        out.contains("  Ctrl-C · Ctrl-C again on an empty line, Ctrl-D or q quits"),
        "{out}"
    );
    assert_eq!(out.matches("Ctrl-C: 0 saved").count(), 1, "{out}");
    assert!(
        out.find("line cancelled").unwrap() < out.find("Ctrl-C: 0 saved").unwrap(),
        "{out}"
    );
}

#[test]
fn accepting_nothing_asks_once() {
    let f = Fixture::new(&[("a", A), ("c", C)]);
    let (out, summary) = f.run("\n\nnote vide\n\n");
    assert!(
        out.contains("accept with nothing marked? Enter again to confirm"),
        "{out}"
    );
    assert_eq!(summary.saved, 2, "{out}");
    assert_eq!(
        out.matches("accept with nothing marked?").count(),
        1,
        "a note is something: {out}"
    );
    let (out, _) = f.run("x\n");
    assert!(!out.contains("nothing marked"), "only accept asks: {out}");
}

#[test]
fn a_draft_on_a_changed_text_is_never_applied_at_wrong_offsets() {
    let f = Fixture::new(&[("a", A)]);
    f.run("Boukamal LOC\nOSDH ORG\nq\n");
    // The text changed, and the corpus does not keep the old one: every offset moved.
    let changed = format!("Titre ajouté .\n\n{A}");
    f.replace_corpus(&[("a", changed.as_str())]);
    let (out, _) = f.run("q\n");
    assert!(
        out.contains("the draft of a was made on an older text: 0 span(s) carried over, 2 could not be (listed as ✗ lost)"),
        "{out}"
    );
    assert!(!out.contains("[Boukamal]{LOC"), "{out}");
    // Listed as lost, in this session and the next, until a decision or `drop`.
    let (out, _) = f.run("l\nq\n");
    assert!(out.contains("✗"), "{out}");
    let (out, _) = f.run("\n");
    assert!(out.contains("would be left out"), "{out}");
    // The same offsets on the same text come back as they were.
    let f = Fixture::new(&[("a", A)]);
    f.run("Boukamal LOC\nq\n");
    let (out, _) = f.run("q\n");
    assert!(out.contains("[Boukamal]{LOC"), "{out}");
}

#[test]
fn a_draft_older_than_the_decision_is_not_restored() {
    let f = Fixture::new(&[("a", A), ("b", B)]);
    f.run("Boukamal LOC\nq\n");
    let stale = std::fs::read_to_string(f.draft_file()).unwrap();
    f.run("\n");
    // A crash between the decision and the line that clears the draft.
    std::fs::write(f.draft_file(), &stale).unwrap();
    let (out, _) = f.run("q\n");
    assert!(
        out.contains("a draft of a older than your last decision on it was discarded"),
        "{out}"
    );
    assert!(out.contains("── b "), "{out}");
}

#[test]
fn a_torn_last_draft_line_is_set_aside() {
    let f = Fixture::new(&[("a", A)]);
    f.run("Boukamal LOC\nq\n");
    let mut text = std::fs::read_to_string(f.draft_file()).unwrap();
    let half = text.clone();
    text.push_str(&half[..half.len() / 2]);
    std::fs::write(f.draft_file(), text).unwrap();
    let (out, _) = f.run("q\n");
    assert!(
        out.contains("was cut short by a crash (a command not yet answered); it is set aside in"),
        "{out}"
    );
    assert!(out.contains("[Boukamal]{LOC"), "{out}");
    // Set aside, never dropped: the torn bytes are in <journal>.rejected.
    let rejected = annot_model::store::rejected_path(&f.draft_file());
    let kept = std::fs::read_to_string(&rejected).unwrap();
    assert_eq!(kept, format!("{}\n", &half[..half.len() / 2]));
}

#[test]
fn u_after_the_last_decision_reopens_it_and_the_farewell_counts_it_once() {
    let f = Fixture::new(&[("a", A), ("b", B)]);
    // a accepted, b rejected (the last one), u reopens b, b accepted; then the end of input.
    let (out, summary) = f.run("Boukamal LOC\n\nx\nu\nHezbollah ORG\n\n");
    assert!(
        out.contains(
            "all done: every document of the list has a decision · u reopens b, g ID opens a document, q quits"
        ),
        "{out}"
    );
    assert!(out.contains("reopened b (your reject stays"), "{out}");
    assert!(out.contains("saved b · accepted · 1 span"), "{out}");
    assert!(
        out.contains(
            "every document of the list has a decision: 2 saved this session (2 accepted), 0 still to do"
        ),
        "{out}"
    );
    assert_eq!(
        summary,
        Summary {
            saved: 2,
            remaining: 0
        }
    );
    let statuses: Vec<(String, Status)> =
        f.records().into_iter().map(|r| (r.doc, r.status)).collect();
    assert_eq!(
        statuses,
        [
            ("a".to_owned(), Status::Accepted),
            ("b".to_owned(), Status::Rejected),
            ("b".to_owned(), Status::Accepted)
        ]
    );

    // With nothing open, a command says so; `?` does not take `u` away.
    let g = Fixture::new(&[("c", C)]);
    let (out, _) = g.run("x\nBoukamal LOC\n?\nu\nq\n");
    assert!(out.contains("all done: every document"), "{out}");
    assert!(out.contains("reopened c (your reject stays"), "{out}");
    assert!(
        out.contains("quit: 1 saved this session (1 rejected), 0 still to do · c was reopened and left as it was: your reject stands"),
        "reopened and left undecided, its reject stands, and it is not to do: {out}"
    );
}
