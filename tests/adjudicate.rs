//! `annot adjudicate` end to end, scripted: choices a, b, both, neither, edits by hand,
//! undo, resuming after an interruption, three sides, and after `annot merge`.

use std::path::Path;

use serde_json::{Value, json};

use crate::common::annot_in;
use crate::compare::{FUEL, KFAR, three_annotators};

/// Runs a scripted adjudication; (stdout, stderr).
fn adjudicate(root: &Path, sides: &[&str], script: &[&str]) -> (String, String) {
    let out = annot_in(root)
        .arg("adjudicate")
        .args(sides)
        .args(["--into", "gold"])
        .write_stdin(script.join("\n") + "\n")
        .assert()
        .success()
        .get_output()
        .clone();
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn gold(root: &Path, doc: &str) -> Value {
    let text = std::fs::read_to_string(root.join("annotations/gold.jsonl")).unwrap();
    text.lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .rev()
        .find(|r| r["doc"] == doc)
        .unwrap_or_else(|| panic!("gold has no record of {doc}"))
}

/// (text, label, annotators) of each span of a gold record, from its provenance.
fn provenance(r: &Value) -> Vec<(String, String, Value)> {
    r["spans"]
        .as_array()
        .unwrap()
        .iter()
        .zip(r["provenance"]["spans"].as_array().unwrap())
        .map(|(s, p)| {
            assert_eq!((&s["start"], &s["label"]), (&p["start"], &p["label"]));
            (
                s["text"].as_str().unwrap().to_owned(),
                s["label"].as_str().unwrap().to_owned(),
                p["annotators"].clone(),
            )
        })
        .collect()
}

fn span(text: &str, label: &str, who: Value) -> (String, String, Value) {
    (text.to_owned(), label.to_owned(), who)
}

#[test]
fn each_disagreement_is_settled_by_a_choice_or_by_hand_and_gold_keeps_who_made_what() {
    let (_tmp, root) = three_annotators();
    let (out, err) = adjudicate(
        &root,
        &["alice", "bob"],
        &[
            "c 1 b",
            "c 2 both",
            "c 3 b",
            "u",
            "c 3 neither",
            "ORES ORG",
            "c 4 a",
            "",
            "",
            "",
        ],
    );
    assert!(
        err.contains("2 document(s) where they differ; 1 where they agree are not shown"),
        "{err}"
    );
    for says in [
        "disagreements · c N a alice · b bob · both · neither",
        "1 ¶6 \"Rania Khoury\" a alice PER · b bob ORG  open",
        "2 ¶7 \"Baabda\" a alice – · b bob LOC  open",
        "3 ¶8 \"Georges Haddad\" a alice PER · b bob PER \"Georges\"  open",
        "4 topic a alice society · b bob health, society  open",
        "1 ¶6 \"Rania Khoury\" a alice PER · b bob ORG  ✓ b",
        "took c 2 both",
        "undone: c 3 b",
        "3 ¶8 \"Georges Haddad\" a alice PER · b bob PER \"Georges\"  ✓ neither",
        "alice has no decision here (rejected)",
        &format!("saved {KFAR} · accepted · 5 spans · topic society"),
    ] {
        assert!(out.contains(says), "missing {says:?} in:\n{out}");
    }
    // The document both agree on is not shown.
    assert!(!out.contains("── 02_"), "{out}");
    let kfar = gold(&root, KFAR);
    assert_eq!(kfar["annotator"], "gold");
    assert_eq!(kfar["labels"]["topic"], json!(["society"]));
    assert_eq!(
        provenance(&kfar),
        [
            span("Kfar Selwan", "LOC", json!(["alice", "bob"])),
            span("Rania Khoury", "ORG", json!(["bob"])),
            span("Kfar Selwan", "LOC", json!(["alice", "bob"])),
            span("Baabda", "LOC", json!(["bob"])),
            span("ORES", "ORG", json!([])),
        ]
    );
    let p = &kfar["provenance"];
    assert_eq!(p["method"], "adjudicate");
    assert_eq!(p["from"], json!(["alice", "bob"]));
    assert_eq!(
        p["labels"]["topic"][0]["annotators"],
        json!(["alice", "bob"])
    );
    let fuel = gold(&root, FUEL);
    assert_eq!(fuel["status"], "accepted");
    assert_eq!(fuel["provenance"]["decided"], json!(["bob"]));
    annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success();
}

#[test]
fn an_interrupted_adjudication_resumes_with_its_draft_and_skips_what_is_decided() {
    let (_tmp, root) = three_annotators();
    // Every choice alice's; then an edit on the second document, and the input ends.
    let (out, _) = adjudicate(&root, &["alice", "bob"], &["c * a", "", "note à revoir"]);
    assert!(
        out.contains(&format!("saved {KFAR} · accepted · 4 spans")),
        "{out}"
    );
    assert!(out.contains("kept as a draft"), "{out}");
    let kfar = gold(&root, KFAR);
    assert_eq!(
        provenance(&kfar)
            .iter()
            .map(|(t, l, _)| format!("{t} {l}"))
            .collect::<Vec<_>>(),
        [
            "Kfar Selwan LOC",
            "Rania Khoury PER",
            "Kfar Selwan LOC",
            "Georges Haddad PER"
        ]
    );
    // The next session starts on the draft, not on the document decided.
    let (out, _) = adjudicate(&root, &["alice", "bob"], &[""]);
    assert!(out.contains("restored"), "{out}");
    assert!(!out.contains(&format!("── {KFAR}")), "{out}");
    assert!(out.contains(&format!("saved {FUEL} · accepted")), "{out}");
    assert_eq!(gold(&root, FUEL)["note"], "à revoir");
    let (out, _) = adjudicate(&root, &["alice", "bob"], &[]);
    assert!(out.contains("nothing to do"), "{out}");
    // --redo goes over them again.
    let again = annot_in(&root)
        .args(["adjudicate", "alice", "bob", "--into", "gold", "--redo"])
        .write_stdin("q\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    assert!(
        String::from_utf8(again)
            .unwrap()
            .contains(&format!("── {KFAR}"))
    );
}

#[test]
fn three_sides_after_a_merge_walk_what_the_merge_left_open() {
    let (_tmp, root) = three_annotators();
    annot_in(&root)
        .args(["merge", "alice", "bob", "--into", "gold"])
        .assert()
        .success();
    assert_eq!(gold(&root, KFAR)["status"], "flagged");
    let (out, _) = adjudicate(
        &root,
        &["alice", "bob", "carol"],
        &["c 1 c", "", "", "", ""],
    );
    assert!(
        out.contains("c N a alice · b bob · c carol · both · neither"),
        "{out}"
    );
    assert!(out.contains("disagreement(s) 2, 3, 4 not settled"), "{out}");
    let kfar = gold(&root, KFAR);
    assert_eq!(kfar["status"], "accepted");
    assert_eq!(kfar["provenance"]["method"], "adjudicate");
    assert!(
        provenance(&kfar).contains(&span("Rania Khoury", "PER", json!(["alice", "carol"]))),
        "{kfar}"
    );
    assert_eq!(gold(&root, FUEL)["provenance"]["method"], "adjudicate");
    // A merge now leaves the adjudicated documents alone.
    let out = annot_in(&root)
        .args(["merge", "alice", "bob", "--into", "gold"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("2 decided in the target by something other than merge (import, annotate, adjudicate), left as they are"),
        "{out}"
    );
}

#[test]
fn adjudicating_into_a_side_is_refused() {
    let (_tmp, root) = three_annotators();
    annot_in(&root)
        .args(["adjudicate", "alice", "bob", "--into", "bob"])
        .write_stdin("")
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "--into bob: side 'bob' reads that log",
        ));
}

#[test]
fn kill_9_after_a_choice_loses_nothing_the_screen_acknowledged() {
    use std::io::{BufRead, BufReader, Write};
    use std::process::{Command, Stdio};

    let (_tmp, root) = three_annotators();
    let mut child = Command::new(env!("CARGO_BIN_EXE_annot"))
        .arg("--project")
        .arg(&root)
        .args(["adjudicate", "alice", "bob", "--into", "gold"])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // stdin stays open: the session waits for more after the choice.
    stdin.write_all(b"c 1 b\n").unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut acknowledged = false;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if line.contains("took c 1 b") {
            acknowledged = true;
            break;
        }
    }
    assert!(acknowledged, "the session never answered the choice");
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    drop(stdin);
    assert!(
        !root.join("annotations/gold.jsonl").exists()
            || std::fs::read_to_string(root.join("annotations/gold.jsonl"))
                .unwrap()
                .is_empty(),
        "nothing was decided"
    );
    // The next session restores the choice and saves it.
    let (out, _) = adjudicate(&root, &["alice", "bob"], &["", ""]);
    assert!(out.contains("restored"), "{out}");
    assert!(out.contains("✓ b"), "{out}");
    let kfar = gold(&root, KFAR);
    assert!(
        provenance(&kfar).contains(&span("Rania Khoury", "ORG", json!(["bob"]))),
        "{kfar}"
    );
}

#[test]
fn a_side_made_on_an_older_text_is_adjudicated_on_the_current_text_with_its_lost_span_shown() {
    use crate::common::{jsonl_project, stdout_of};
    use crate::compare::{D1, D2, record, write_log};

    let (tmp, root) = jsonl_project(&[("d1", D1), ("d2", D2)]);
    let t = "2026-11-20T10:00:00Z";
    write_log(
        &root,
        "alice",
        &[record(
            &root,
            "d1",
            t,
            "accepted",
            &[(0, 5, "LOC"), (9, 13, "LOC")],
            &[],
        )],
    );
    let path = tmp.path().join("v2.jsonl");
    std::fs::write(
        &path,
        json!({"id": "d1", "text": "Entre Paris et Lille"}).to_string() + "\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--update", "--id-field", "id"])
        .arg(&path)
        .assert()
        .success();
    write_log(
        &root,
        "bob",
        &[record(
            &root,
            "d1",
            t,
            "accepted",
            &[(6, 11, "LOC"), (15, 20, "LOC")],
            &[],
        )],
    );
    let out = stdout_of(
        annot_in(&root)
            .args(["adjudicate", "alice", "bob", "--into", "gold"])
            .write_stdin("c 1 b\n\n"),
    );
    assert!(
        out.contains("✗ alice: LOC \"Lyon\" could not be carried onto the current text"),
        "{out}"
    );
    assert!(
        out.contains("1 ¶1 \"Lille\" a alice – · b bob LOC  open"),
        "{out}"
    );
    let d1 = gold(&root, "d1");
    assert_eq!(
        provenance(&d1),
        [
            span("Paris", "LOC", json!(["alice", "bob"])),
            span("Lille", "LOC", json!(["bob"]))
        ]
    );
    assert_eq!(
        d1["hash"],
        json!(annot_model::text_hash("Entre Paris et Lille"))
    );
}

#[test]
fn differing_zone_corrections_are_flagged_by_merge_and_chosen_in_adjudicate() {
    use crate::common::stdout_of;
    use crate::compare::{MOSAIC, annotate};

    let (_tmp, root) = three_annotators();
    // carol takes the title of the mosaic document for boilerplate.
    annotate(
        &root,
        "carol",
        &[&format!("g {MOSAIC}"), "z 3 boilerplate", "a", "q"],
    );
    let out = stdout_of(annot_in(&root).args(["merge", "alice", "carol", "--into", "gold"]));
    assert!(
        out.contains("zones     the sides' zone corrections differ"),
        "{out}"
    );
    let merged = gold(&root, MOSAIC);
    assert_eq!(merged["status"], "flagged");
    assert!(merged["zones"].is_null());
    let options = merged["provenance"]["zone_options"].as_array().unwrap();
    assert_eq!(options.len(), 2);
    assert_eq!(options[1]["annotators"], json!(["carol"]));
    let carol_zones = options[1]["zones"].clone();
    assert!(carol_zones.is_array());
    // In adjudicate the zones are one more choice; b takes carol's.
    let out = stdout_of(
        annot_in(&root)
            .args([
                "adjudicate",
                "alice",
                "carol",
                "--into",
                "gold",
                "--doc",
                MOSAIC,
            ])
            .write_stdin("c 1 both\nc 1 b\n\n"),
    );
    assert!(
        out.contains("1 zones a alice imported zones · b carol"),
        "{out}"
    );
    assert!(out.contains("zone corrections cannot be combined"), "{out}");
    let decided = gold(&root, MOSAIC);
    assert_eq!(decided["status"], "accepted");
    assert_eq!(decided["zones"], carol_zones);
    assert_eq!(decided["provenance"]["zones"], json!(["carol"]));
}

#[test]
fn the_choices_are_coloured_on_request_and_never_escaped() {
    let (_tmp, root) = three_annotators();
    let out = annot_in(&root)
        .env_remove("NO_COLOR")
        .args([
            "--color",
            "always",
            "adjudicate",
            "alice",
            "bob",
            "--into",
            "gold",
        ])
        .write_stdin("q\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let line = out
        .lines()
        .find(|l| l.contains("\"Rania Khoury\" a alice PER"))
        .unwrap_or_else(|| panic!("{out}"));
    assert!(line.contains("\u{1b}["), "{line:?}");
    assert!(!out.contains('␛'), "{out}");
}

#[test]
fn undoing_a_choice_reopens_its_disagreement_and_enter_asks_again() {
    // hostile7 #9: `u` after `c 2 b` left disagreement 2 "✓ edited", and Enter saved
    // the document without it and without asking.
    let (_tmp, root) = three_annotators();
    let (out, _) = adjudicate(
        &root,
        &["alice", "bob"],
        &["c 1 b", "c 2 b", "u", "c", "", "", "q"],
    );
    let after = out.split("undone: c 2 b").nth(1).unwrap_or_default();
    for says in [
        "1 ¶6 \"Rania Khoury\" a alice PER · b bob ORG  ✓ b",
        "2 ¶7 \"Baabda\" a alice – · b bob LOC  open",
        "disagreement(s) 2, 3, 4 not settled",
    ] {
        assert!(
            after.contains(says),
            "missing {says:?} after the undo:\n{out}"
        );
    }
    // Saved all the same on the second Enter: the agreed spans are there, and what
    // was left open is recorded as contested, not silently dropped.
    let kfar = gold(&root, KFAR);
    let spans: Vec<String> = provenance(&kfar)
        .iter()
        .map(|(t, l, _)| format!("{t} {l}"))
        .collect();
    assert_eq!(
        spans,
        ["Kfar Selwan LOC", "Rania Khoury ORG", "Kfar Selwan LOC"]
    );
    let contested = kfar["provenance"]["contested"].as_array().unwrap();
    assert!(
        contested.iter().any(|c| c["span"]["text"] == "Baabda"
            && c["annotators"] == json!(["bob"])
            && c["against"] == json!(["alice"])),
        "{kfar}"
    );
    assert!(
        contested
            .iter()
            .any(|c| c["item"] == "label" && c["layer"] == "topic"),
        "{kfar}"
    );

    // `c * a` then `u`: every disagreement is open again.
    let out = annot_in(&root)
        .args(["adjudicate", "alice", "bob", "--into", "gold2"])
        .write_stdin("c * a\nu\n\nq\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("disagreement(s) 1, 2, 3, 4 not settled"),
        "{out}"
    );
    assert!(!out.contains(&format!("saved {KFAR}")), "{out}");
}

#[test]
fn a_document_reopened_and_left_as_it_was_promises_no_draft_and_is_not_counted_twice() {
    // hostile7 #33: after `u` + `q`, "1 document has unsaved edits, kept as a draft"
    // (there was none), and the saved document counted among those still to do.
    let (_tmp, root) = three_annotators();
    let (out, _) = adjudicate(&root, &["alice", "bob"], &["c * a", "", "u", "q"]);
    assert!(out.contains(&format!("reopened {KFAR}")), "{out}");
    assert!(
        out.contains(&format!(
            "quit: 1 saved this session (1 accepted), 1 still to do · {KFAR} was reopened and left as it was: your accept stands"
        )),
        "{out}"
    );
    assert!(!out.contains("kept as a draft"), "{out}");
    assert!(
        !root.join("annotations/gold.draft.jsonl").exists() || {
            let d = std::fs::read_to_string(root.join("annotations/gold.draft.jsonl")).unwrap();
            !d.contains(KFAR)
        }
    );
}
