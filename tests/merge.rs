//! `annot merge` end to end: two and three scripted annotators on the sample corpus,
//! every strategy, provenance, flagged records, idempotence, append-only, re-imported texts.

use std::path::Path;

use serde_json::{Value, json};

use crate::common::{annot_in, jsonl_project, stdout_of};
use crate::compare::{
    D1, D2, FUEL, KFAR, MOSAIC, annotate, doc_text, json_of, record, three_annotators, write_log,
};

/// The records of a log, in order.
fn log(root: &Path, who: &str) -> Vec<Value> {
    let text = std::fs::read_to_string(root.join("annotations").join(format!("{who}.jsonl")))
        .unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The latest record of `doc` in a log.
fn latest(root: &Path, who: &str, doc: &str) -> Value {
    log(root, who)
        .into_iter()
        .rev()
        .find(|r| r["doc"] == doc)
        .unwrap_or_else(|| panic!("{who} has no record of {doc}"))
}

/// (text, label) of a record's spans.
fn spans(r: &Value) -> Vec<(String, String)> {
    r["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap().to_owned(),
                s["label"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn contested(r: &Value) -> Vec<(String, String, Value)> {
    r["provenance"]["contested"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|c| {
                    let what = match c["item"].as_str().unwrap() {
                        "span" => format!("{} {}", c["span"]["label"], c["span"]["text"]),
                        // One extent, several labels: `PER|ORG text`, most chosen first.
                        "extent" => {
                            let labels: Vec<&str> = c["labels"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|l| l["label"].as_str().unwrap())
                                .collect();
                            format!("{} {}", labels.join("|"), c["text"])
                        }
                        _ => format!("{} {}", c["layer"], c["value"]),
                    }
                    .replace('"', "");
                    (
                        what,
                        c["why"].as_str().unwrap().to_owned(),
                        c["annotators"].clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn pair(text: &str, label: &str) -> (String, String) {
    (text.to_owned(), label.to_owned())
}

#[test]
fn majority_of_two_accepts_what_both_marked_and_flags_the_rest_with_its_options() {
    let (_tmp, root) = three_annotators();
    let out = stdout_of(annot_in(&root).args(["merge", "alice", "bob", "--into", "gold"]));
    assert!(
        out.contains("wrote 3 record(s): 1 accepted, 2 flagged"),
        "{out}"
    );
    assert!(
        out.contains("annot adjudicate alice bob --into gold"),
        "{out}"
    );
    let kfar = latest(&root, "gold", KFAR);
    assert_eq!(kfar["status"], "flagged");
    assert_eq!(kfar["annotator"], "gold");
    // What both marked is kept, with who marked it.
    assert_eq!(
        spans(&kfar),
        [pair("Kfar Selwan", "LOC"), pair("Kfar Selwan", "LOC")]
    );
    let p = &kfar["provenance"];
    assert_eq!(p["method"], "merge");
    assert_eq!(p["strategy"], "majority");
    assert_eq!(p["from"], json!(["alice", "bob"]));
    assert_eq!(p["spans"][0]["annotators"], json!(["alice", "bob"]));
    assert_eq!(p["labels"]["topic"][0]["value"], "society");
    assert_eq!(kfar["labels"]["topic"], json!(["society"]));
    // What only one marked is an option, each with its author; Rania Khoury, which
    // both marked with different labels, is one conflict (hostile8 #12: it was two
    // ties, each saying "not" the other side).
    let open = contested(&kfar);
    assert!(
        open.contains(&(
            "ORG|PER Rania Khoury".into(),
            "conflict".into(),
            json!(["alice", "bob"])
        )),
        "{open:?}"
    );
    assert!(
        !open
            .iter()
            .any(|c| c.0 == "ORG Rania Khoury" || c.0 == "PER Rania Khoury"),
        "{open:?}"
    );
    assert!(open.contains(&("PER Georges Haddad".into(), "tie".into(), json!(["alice"]))));
    assert!(open.contains(&("topic health".into(), "tie".into(), json!(["bob"]))));
    let note = kfar["note"].as_str().unwrap();
    assert!(
        note.contains("\"Rania Khoury\" (ORG bob, PER alice; conflict)"),
        "{note}"
    );
    assert!(
        note.contains("PER \"Georges Haddad\" (alice, not bob; tie)"),
        "{note}"
    );
    // Both agree on the mosaic document.
    let mosaic = latest(&root, "gold", MOSAIC);
    assert_eq!(mosaic["status"], "accepted");
    assert_eq!(mosaic["labels"]["topic"], json!(["politics"]));
    assert!(mosaic["note"].is_null());
    // alice rejected the fuel document: one decision is not a majority of two.
    let fuel = latest(&root, "gold", FUEL);
    assert_eq!(fuel["status"], "flagged");
    assert!(
        fuel["note"].as_str().unwrap().contains("alice: rejected"),
        "{fuel}"
    );
    // The flagged records are where annotate and check look.
    let screen = stdout_of(
        annot_in(&root)
            .args([
                "annotate",
                "--annotator",
                "gold",
                "--filter",
                "status=flagged",
            ])
            .write_stdin("q\n"),
    );
    assert!(screen.contains(KFAR), "{screen}");
    annot_in(&root).args(["check"]).assert().success();
    // The report as data.
    let j = json_of(
        &root,
        &[
            "merge",
            "alice",
            "bob",
            "--into",
            "gold2",
            "--json",
            "--dry-run",
        ],
    );
    assert_eq!(j["written"], 3);
    assert_eq!(j["outcomes"]["flagged"], 2);
    assert_eq!(j["spans_by_provenance"]["alice+bob"], 2);
    assert!(!root.join("annotations/gold2.jsonl").exists());
    // On an existing log, a dry run adds nothing either.
    let before = std::fs::read(root.join("annotations/gold.jsonl")).unwrap();
    let dry = [
        "merge",
        "alice",
        "bob",
        "--into",
        "gold",
        "--strategy",
        "union",
        "--json",
        "--dry-run",
    ];
    let j = json_of(&root, &dry);
    assert_eq!(j["written"], 3, "{j}");
    assert_eq!(
        std::fs::read(root.join("annotations/gold.jsonl")).unwrap(),
        before
    );
    // A dry run neither locks nor repairs the target: it runs while another process
    // holds the log, and a torn last line stays as it is (nothing set aside).
    let gold = root.join("annotations/gold.jsonl");
    let mut torn = before.clone();
    torn.extend_from_slice(b"{\"doc\":\"hal");
    std::fs::write(&gold, &torn).unwrap();
    let holder = std::fs::OpenOptions::new()
        .append(true)
        .open(&gold)
        .unwrap();
    holder.lock().unwrap();
    let j = json_of(&root, &dry);
    assert_eq!(j["written"], 3, "{j}");
    assert_eq!(std::fs::read(&gold).unwrap(), torn);
    // hostile8 #15c: the torn line is named, by a dry run (left as it is) as by a merge
    // (set aside in gold.jsonl.rejected).
    let said = |dry: bool| {
        let mut cmd = annot_in(&root);
        cmd.args(["merge", "alice", "bob", "--into", "gold"]);
        if dry {
            cmd.arg("--dry-run");
        }
        let out = cmd.assert().success().get_output().stderr.clone();
        String::from_utf8(out).unwrap()
    };
    let beside: Vec<String> = std::fs::read_dir(root.join("annotations"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("gold"))
        .collect();
    assert_eq!(beside, ["gold.jsonl"]);
    drop(holder);
    let err = said(true);
    assert!(
        err.contains("would set aside a torn last line (line 4) of")
            && err.contains("gold.jsonl.rejected"),
        "{err}"
    );
    assert!(!root.join("annotations/gold.jsonl.rejected").exists());
    let err = said(false);
    assert!(
        err.contains("set aside a torn last line (line 4) of")
            && !err.contains("would")
            && err.contains("the records before it are whole"),
        "{err}"
    );
    assert!(root.join("annotations/gold.jsonl.rejected").exists());
    assert!(
        !said(false).contains("torn last line"),
        "said once, when it is set aside"
    );
}

#[test]
fn a_second_run_adds_nothing_and_a_changed_side_is_appended_never_rewritten() {
    let (_tmp, root) = three_annotators();
    let path = root.join("annotations/gold.jsonl");
    annot_in(&root)
        .args(["merge", "alice", "bob", "--into", "gold"])
        .assert()
        .success();
    let first = std::fs::read(&path).unwrap();
    let again = stdout_of(annot_in(&root).args(["merge", "alice", "bob", "--into", "gold"]));
    assert!(
        again.contains("wrote 0 record(s)") && again.contains("3 already in the log as merged"),
        "{again}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), first, "nothing added");
    // bob comes round to alice's view of Rania Khoury.
    annotate(
        &root,
        "bob",
        &[&format!("g {KFAR}"), "d 2", "Rania Khoury PER", "a", "q"],
    );
    let third = stdout_of(annot_in(&root).args(["merge", "alice", "bob", "--into", "gold"]));
    assert!(third.contains("wrote 1 record(s)"), "{third}");
    let now = std::fs::read(&path).unwrap();
    assert!(now.starts_with(&first), "appended, not rewritten");
    assert_eq!(log(&root, "gold").len(), 4);
    let kfar = latest(&root, "gold", KFAR);
    assert!(
        spans(&kfar).contains(&pair("Rania Khoury", "PER")),
        "{kfar}"
    );
    // A decision made by hand in the target is never replaced by a merge.
    annotate(
        &root,
        "gold",
        &[&format!("g {KFAR}"), "note revu", "a", "q"],
    );
    let hand = latest(&root, "gold", KFAR);
    let fourth = stdout_of(annot_in(&root).args(["merge", "alice", "bob", "--into", "gold"]));
    assert!(
        fourth.contains("1 decided in the target by something other than merge (import, annotate, adjudicate), left as they are"),
        "{fourth}"
    );
    assert_eq!(latest(&root, "gold", KFAR), hand);
}

#[test]
fn every_strategy_over_three_annotators() {
    let (_tmp, root) = three_annotators();
    let merge = |into: &str, extra: &[&str]| {
        let mut args = vec!["merge", "alice", "bob", "carol", "--into", into, "--json"];
        args.extend_from_slice(extra);
        json_of(&root, &args)
    };
    // Majority of three: two against one settles everything.
    let j = merge("maj", &[]);
    assert_eq!(j["outcomes"]["accepted"], 3, "{j}");
    let kfar = latest(&root, "maj", KFAR);
    assert_eq!(
        spans(&kfar),
        [
            pair("Kfar Selwan", "LOC"),
            pair("Rania Khoury", "PER"),
            pair("Kfar Selwan", "LOC"),
            pair("Georges Haddad", "PER")
        ]
    );
    assert_eq!(
        kfar["provenance"]["spans"][1]["annotators"],
        json!(["alice", "carol"])
    );
    assert_eq!(kfar["labels"]["topic"], json!(["society"]));
    // At least three: only the unanimous spans; the two-to-one ones are left open.
    merge("all3", &["--min-agree", "3"]);
    let kfar = latest(&root, "all3", KFAR);
    assert_eq!(kfar["status"], "flagged");
    assert_eq!(spans(&kfar).len(), 2);
    // Two for and one against is not a tie: it is short of 3 votes, in the record's
    // provenance (and --json) as on screen.
    let open = contested(&kfar);
    assert!(
        open.contains(&(
            "PER Georges Haddad".into(),
            "short".into(),
            json!(["alice", "carol"])
        )),
        "{open:?}"
    );
    // All three marked Rania Khoury, not with one label: a conflict.
    assert!(open.contains(&(
        "PER|ORG Rania Khoury".into(),
        "conflict".into(),
        json!(["alice", "bob", "carol"])
    )));
    let text = stdout_of(annot_in(&root).args([
        "merge",
        "alice",
        "bob",
        "carol",
        "--into",
        "all3b",
        "--min-agree",
        "3",
        "--dry-run",
    ]));
    assert!(
        text.contains("short of 3 votes: PER \"Georges Haddad\"")
            && text.contains("· alice, carol · not bob")
            && text.contains("\"Rania Khoury\" [")
            && text.contains(") · PER alice, carol · ORG bob\n"),
        "{text}"
    );
    // At least one: Rania Khoury PER and ORG clash, one conflict on the extent.
    merge("any", &["--min-agree", "1"]);
    let open = contested(&latest(&root, "any", KFAR));
    assert!(open.contains(&(
        "PER|ORG Rania Khoury".into(),
        "conflict".into(),
        json!(["alice", "bob", "carol"])
    )));
    // Union: everything, and the clashes (same text, two labels; Georges inside
    // Georges Haddad, the schema forbids overlaps) are flagged.
    merge("uni", &["--strategy", "union"]);
    let kfar = latest(&root, "uni", KFAR);
    assert_eq!(kfar["status"], "flagged");
    assert!(spans(&kfar).contains(&pair("Baabda", "LOC")));
    let open = contested(&kfar);
    assert!(open.iter().all(|c| c.1 == "conflict"), "{open:?}");
    assert!(open.contains(&("PER Georges".into(), "conflict".into(), json!(["bob"]))));
    // Intersection: what all three marked; alice rejected the fuel document. Rania
    // Khoury all three marked, not with one label: open, not dropped in silence.
    merge("inter", &["--strategy", "intersection"]);
    let kfar = latest(&root, "inter", KFAR);
    assert_eq!(kfar["status"], "flagged");
    assert_eq!(
        spans(&kfar),
        [pair("Kfar Selwan", "LOC"), pair("Kfar Selwan", "LOC")]
    );
    assert_eq!(
        contested(&kfar),
        [(
            "PER|ORG Rania Khoury".into(),
            "conflict".into(),
            json!(["alice", "bob", "carol"])
        )]
    );
    assert_eq!(kfar["labels"]["topic"], json!(["society"]));
    // Liban: carol did not mark it, so it is left out.
    let mosaic = latest(&root, "inter", MOSAIC);
    assert_eq!(mosaic["status"], "accepted");
    assert!(spans(&mosaic).is_empty(), "{mosaic}");
    assert_eq!(mosaic["labels"]["topic"], json!(["politics"]));
    assert_eq!(latest(&root, "inter", FUEL)["status"], "flagged");
    // prefer:bob takes bob's records whole.
    merge("bobs", &["--strategy", "prefer:bob"]);
    let kfar = latest(&root, "bobs", KFAR);
    assert_eq!(kfar["status"], "accepted");
    assert_eq!(spans(&kfar), spans(&latest(&root, "bob", KFAR)));
    assert_eq!(kfar["labels"], latest(&root, "bob", KFAR)["labels"]);
    assert_eq!(kfar["provenance"]["strategy"], "prefer:bob");
    // The same inputs give the same records.
    merge("bobs2", &["--strategy", "prefer:bob"]);
    let strip = |mut r: Value| {
        r["at"] = Value::Null;
        r["annotator"] = Value::Null;
        r
    };
    assert_eq!(
        strip(latest(&root, "bobs", KFAR)),
        strip(latest(&root, "bobs2", KFAR))
    );
}

#[test]
fn bad_targets_and_strategies_are_refused_before_anything_is_written() {
    let (_tmp, root) = three_annotators();
    let before = std::fs::read(root.join("annotations/alice.jsonl")).unwrap();
    for (args, says) in [
        (
            vec!["alice", "bob", "--into", "alice"],
            "--into alice: side 'alice' reads that log",
        ),
        (
            vec!["alice@2026-01-01", "bob", "--into", "alice"],
            "side 'alice@2026-01-01' reads that log",
        ),
        (
            vec!["alice", "bob", "--into", "g", "--strategy", "prefer:dave"],
            "'dave' is not one of the sides (alice, bob)",
        ),
        (
            vec!["alice", "bob", "--into", "g", "--min-agree", "3"],
            "--min-agree 3: there are 2 sides",
        ),
        (
            vec![
                "alice",
                "bob",
                "--into",
                "g",
                "--strategy",
                "union",
                "--min-agree",
                "1",
            ],
            "--min-agree goes with --strategy majority",
        ),
        (
            vec!["alice", "bob", "--into", "g", "--strategy", "vote"],
            "'vote' is not a strategy",
        ),
        (vec!["alice", "--into", "g"], "required"),
    ] {
        let mut cmd = annot_in(&root);
        cmd.arg("merge").args(&args);
        let out = cmd.assert().failure().get_output().stderr.clone();
        let err = String::from_utf8(out).unwrap();
        assert!(err.contains(says), "{args:?}: {err}");
    }
    assert_eq!(
        std::fs::read(root.join("annotations/alice.jsonl")).unwrap(),
        before
    );
    assert!(!root.join("annotations/g.jsonl").exists());
}

#[test]
fn a_side_made_on_an_older_text_is_merged_on_the_current_text_and_its_lost_span_flagged() {
    let (tmp, root) = jsonl_project(&[("d1", D1), ("d2", D2)]);
    let t = "2026-11-20T10:00:00Z";
    write_log(
        &root,
        "alice",
        &[
            record(
                &root,
                "d1",
                t,
                "accepted",
                &[(0, 5, "LOC"), (9, 13, "LOC")],
                &["politics"],
            ),
            record(&root, "d2", t, "accepted", &[(0, 5, "PER")], &["society"]),
        ],
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
    assert_eq!(doc_text(&root, "d1"), "Entre Paris et Lille");
    write_log(
        &root,
        "bob",
        &[
            record(&root, "d1", t, "accepted", &[(6, 11, "LOC")], &["politics"]),
            record(&root, "d2", t, "accepted", &[(0, 5, "PER")], &["society"]),
        ],
    );
    let out = stdout_of(annot_in(&root).args(["merge", "alice", "bob", "--into", "gold"]));
    assert!(out.contains("✗ lost   LOC \"Lyon\" of alice"), "{out}");
    let d1 = latest(&root, "gold", "d1");
    assert_eq!(d1["status"], "flagged");
    // alice's Paris is carried to where Paris is now, and agrees with bob's.
    assert_eq!(
        d1["spans"],
        json!([{"start": 6, "end": 11, "label": "LOC", "text": "Paris"}])
    );
    assert_eq!(d1["provenance"]["lost"][0]["span"]["text"], "Lyon");
    assert_eq!(
        d1["hash"],
        json!(annot_model::text_hash("Entre Paris et Lille"))
    );
    assert_eq!(latest(&root, "gold", "d2")["status"], "accepted");
    // The other logs have warnings (records made on the old text); gold has none.
    let out = annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    assert!(!String::from_utf8(out).unwrap().contains("gold.jsonl"));
}

#[test]
fn one_log_named_twice_by_name_and_by_path_is_refused_wherever_sides_are_taken() {
    use predicates::prelude::*;
    // hostile7 #21: `merge alice annotations/alice.jsonl bob` made a 2-of-3 majority
    // out of alice alone.
    let (_tmp, root) = crate::compare::three_annotators();
    let by_path = root.join("annotations/alice.jsonl");
    let roundabout = root.join("annotations/../annotations/alice.jsonl");
    for args in [
        vec![
            "merge",
            "alice",
            by_path.to_str().unwrap(),
            "bob",
            "--into",
            "g0",
            "--dry-run",
        ],
        vec!["agree", "alice", roundabout.to_str().unwrap()],
        vec!["diff", by_path.to_str().unwrap(), "alice"],
    ] {
        crate::common::annot_in(&root)
            .args(&args)
            .write_stdin("")
            .assert()
            .failure()
            .stderr(
                predicates::str::contains("both read")
                    .and(predicates::str::contains("one annotator would count twice")),
            );
    }
    // A side as of another time is another version, not a duplicate.
    crate::common::annot_in(&root)
        .args(["agree", "alice", "alice@2000-01-01"])
        .assert()
        .stderr(predicates::str::contains("both read").not());
}

#[test]
fn status_does_not_count_a_flagged_record_as_decided_as_agree_does_not() {
    // hostile7 #35: status said gold 2/3 decided with one flagged, agree 1 decided.
    let (_tmp, root) = three_annotators();
    annot_in(&root)
        .args(["merge", "alice", "bob", "--into", "gold"])
        .assert()
        .success();
    let st = json_of(&root, &["status", "--json"]);
    let gold = st["annotators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["name"] == "gold")
        .unwrap()
        .clone();
    let flagged = gold["statuses"]["flagged"].as_u64().unwrap();
    assert!(flagged > 0, "{gold}");
    assert_eq!(
        gold["decided"].as_u64().unwrap(),
        gold["statuses"]["accepted"].as_u64().unwrap()
            + gold["statuses"]["rejected"].as_u64().unwrap(),
        "{gold}"
    );
    let agree = json_of(&root, &["agree", "gold", "alice", "--json"]);
    let sides = agree.to_string();
    assert!(
        sides.contains("flagged"),
        "agree names the flagged record: {sides}"
    );
}

/// A torn last line of the target log (a write cut short) is set aside by the merge
/// into `<log>.rejected`, and said on stderr; `--dry-run` says it would, and moves
/// nothing.
#[test]
fn a_torn_last_line_of_the_target_set_aside_is_said_and_the_dry_run_says_it_would() {
    let (_tmp, root) = three_annotators();
    annot_in(&root)
        .args(["merge", "alice", "bob", "--into", "gold"])
        .assert()
        .success();
    let gold = root.join("annotations/gold.jsonl");
    let mut text = std::fs::read_to_string(&gold).unwrap();
    let lines = text.lines().count();
    text.push_str("{\"doc\":\"d1\",\"status\":\"acc");
    std::fs::write(&gold, &text).unwrap();
    let dry = annot_in(&root)
        .args([
            "merge",
            "alice",
            "bob",
            "carol",
            "--into",
            "gold",
            "--dry-run",
        ])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&dry.get_output().stderr).to_string();
    assert!(
        err.contains(&format!(
            "would set aside a torn last line (line {})",
            lines + 1
        )) && err.contains("gold.jsonl.rejected"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&gold).unwrap(), text);
    assert!(!root.join("annotations/gold.jsonl.rejected").exists());
    let real = annot_in(&root)
        .args(["merge", "alice", "bob", "carol", "--into", "gold"])
        .assert()
        .success();
    let err = String::from_utf8_lossy(&real.get_output().stderr).to_string();
    assert!(
        err.contains(&format!("set aside a torn last line (line {})", lines + 1))
            && !err.contains("would"),
        "{err}"
    );
    let rejected = std::fs::read_to_string(root.join("annotations/gold.jsonl.rejected")).unwrap();
    assert!(rejected.contains("\"status\":\"acc"), "{rejected}");
}

/// d1 of the label-clash tests, and its extents in code points.
const CLASH: &str = "Alice Martin a rencontré Bob Durand à Paris lundi.";
const ALICE: (usize, usize) = (0, 12);
const BOB: (usize, usize) = (25, 35);
const PARIS: (usize, usize) = (38, 43);

/// One annotator's spans on d1: (start, end, label).
type Marks<'a> = &'a [(usize, usize, &'a str)];

/// A project with d1 = [`CLASH`] and one log per (annotator, spans).
fn clash_project(logs: &[(&str, Marks<'_>)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = jsonl_project(&[("d1", CLASH)]);
    for (who, spans) in logs {
        let r = record(&root, "d1", "2026-11-20T10:00:00Z", "accepted", spans, &[]);
        write_log(&root, who, &[r]);
    }
    (tmp, root)
}

#[test]
fn an_extent_most_sides_marked_with_different_labels_is_one_conflict_not_dropped() {
    // hostile8 #12: a and c marked "Bob Durand" (PER, ORG), b did not: each label
    // counted alone had 1 vote of 3, so the entity was dropped and d1 accepted.
    let a: Marks<'_> = &[
        (ALICE.0, ALICE.1, "PER"),
        (BOB.0, BOB.1, "PER"),
        (PARIS.0, PARIS.1, "LOC"),
    ];
    let b: Marks<'_> = &[(ALICE.0, ALICE.1, "PER"), (PARIS.0, PARIS.1, "LOC")];
    let c: Marks<'_> = &[(ALICE.0, ALICE.1, "PER"), (BOB.0, BOB.1, "ORG")];
    let (_tmp, root) = clash_project(&[("a", a), ("b", b), ("c", c)]);
    let out = stdout_of(annot_in(&root).args(["merge", "a", "b", "c", "--into", "g"]));
    assert!(out.contains("0 accepted, 1 flagged"), "{out}");
    assert!(
        out.contains("conflict  \"Bob Durand\" [25, 35) · ORG c · PER a · not b"),
        "{out}"
    );
    let d1 = latest(&root, "g", "d1");
    assert_eq!(d1["status"], "flagged");
    // What the majority settled is kept: Alice Martin (3 of 3), Paris (2 of 3).
    assert_eq!(
        spans(&d1),
        [pair("Alice Martin", "PER"), pair("Paris", "LOC")]
    );
    let open = d1["provenance"]["contested"].as_array().unwrap();
    assert_eq!(open.len(), 1, "{d1}");
    assert_eq!(
        open[0],
        json!({"item": "extent", "start": 25, "end": 35, "text": "Bob Durand",
               "labels": [{"label": "ORG", "annotators": ["c"]}, {"label": "PER", "annotators": ["a"]}],
               "annotators": ["a", "c"], "against": ["b"], "why": "conflict"})
    );
    let note = d1["note"].as_str().unwrap();
    assert!(
        note.contains("\"Bob Durand\" (ORG c, PER a, not b; conflict)"),
        "{note}"
    );
    // The logs written by hand here name annotator "x" (warnings); g has nothing to say.
    let out = annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success()
        .get_output()
        .stderr
        .clone();
    assert!(!String::from_utf8(out).unwrap().contains("g.jsonl"));

    // Two sides: one label disagreement is one conflict, never "not a" for a side
    // that marked the extent with another label.
    let out = stdout_of(annot_in(&root).args(["merge", "a", "c", "--into", "g2"]));
    assert!(
        out.contains("conflict  \"Bob Durand\" [25, 35) · ORG c · PER a\n"),
        "{out}"
    );
    assert!(!out.contains(" · not a"), "{out}");
    let open = latest(&root, "g2", "d1")["provenance"]["contested"].clone();
    let whys: Vec<&str> = open
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["why"].as_str().unwrap())
        .collect();
    // Paris only a marked: a tie; Bob Durand: one conflict.
    assert_eq!(whys, ["conflict", "tie"], "{open}");

    // The extent itself short of a majority stays a plain tie/left out: with a, b and a
    // fourth side d who marked nothing there, Bob Durand has 2 of 4 (a tie on the extent).
    let d: Marks<'_> = &[(ALICE.0, ALICE.1, "PER")];
    write_log(
        &root,
        "d",
        &[record(
            &root,
            "d1",
            "2026-11-20T10:00:00Z",
            "accepted",
            d,
            &[],
        )],
    );
    let j = json_of(
        &root,
        &[
            "merge",
            "a",
            "b",
            "c",
            "d",
            "--into",
            "g4",
            "--json",
            "--dry-run",
        ],
    );
    let bob = j["documents"][0]["contested"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["text"] == "Bob Durand")
        .cloned()
        .unwrap_or_else(|| panic!("{j}"));
    assert_eq!(bob["why"], "tie", "{bob}");
    assert_eq!(bob["against"], json!(["b", "d"]));
}

#[test]
fn a_label_clash_the_majority_settles_and_union_intersection_prefer_on_it() {
    // Two of three chose PER for Bob Durand: kept, the third's ORG outvoted.
    let per: Marks<'_> = &[(BOB.0, BOB.1, "PER")];
    let org: Marks<'_> = &[(BOB.0, BOB.1, "ORG")];
    let (_tmp, root) = clash_project(&[("a", per), ("b", per), ("c", org)]);
    let merge = |into: &str, extra: &[&str]| {
        let mut args = vec!["merge", "a", "b", "c", "--into", into];
        args.extend_from_slice(extra);
        annot_in(&root).args(&args).assert().success();
        latest(&root, into, "d1")
    };
    let g = merge("maj", &[]);
    assert_eq!(g["status"], "accepted");
    assert_eq!(spans(&g), [pair("Bob Durand", "PER")]);
    // Union keeps both labels, so they clash: one conflict on the extent.
    let g = merge("uni", &["--strategy", "union"]);
    assert_eq!(g["status"], "flagged");
    assert!(spans(&g).is_empty(), "{g}");
    let open = g["provenance"]["contested"].as_array().unwrap();
    assert_eq!(open.len(), 1, "{g}");
    assert_eq!(open[0]["item"], "extent");
    assert_eq!(open[0]["why"], "conflict");
    assert_eq!(
        open[0]["labels"],
        json!([{"label": "PER", "annotators": ["a", "b"]}, {"label": "ORG", "annotators": ["c"]}])
    );
    // Intersection: every side marked the extent, not with one label: open, not dropped.
    let g = merge("inter", &["--strategy", "intersection"]);
    assert_eq!(g["status"], "flagged");
    assert_eq!(g["provenance"]["contested"][0]["why"], "conflict");
    // prefer:c takes c's record whole and leaves nothing open.
    let g = merge("cs", &["--strategy", "prefer:c"]);
    assert_eq!(g["status"], "accepted");
    assert_eq!(spans(&g), [pair("Bob Durand", "ORG")]);
}

#[test]
fn adjudicate_saves_an_open_label_clash_as_the_same_one_conflict() {
    // What `adjudicate` shows as one disagreement ("Bob Durand" a PER · c ORG) and
    // `diff` as one `label` difference, it records as merge does: one conflict.
    let a: Marks<'_> = &[(BOB.0, BOB.1, "PER"), (PARIS.0, PARIS.1, "LOC")];
    let c: Marks<'_> = &[(BOB.0, BOB.1, "ORG")];
    let (_tmp, root) = clash_project(&[("a", a), ("c", c)]);
    let diff = stdout_of(annot_in(&root).args(["diff", "a", "c", "--plain"]));
    assert!(
        diff.contains("[Bob Durand]{label: a PER | c ORG}"),
        "{diff}"
    );
    // Enter twice: saved with both disagreements open.
    let screen = stdout_of(
        annot_in(&root)
            .args(["adjudicate", "a", "c", "--into", "adj", "--plain"])
            .write_stdin("\n\nq\n"),
    );
    assert!(
        screen.contains("\"Bob Durand\" a a PER · b c ORG  open"),
        "{screen}"
    );
    let saved = latest(&root, "adj", "d1");
    assert_eq!(saved["provenance"]["method"], "adjudicate");
    assert_eq!(
        contested(&saved),
        [
            (
                "ORG|PER Bob Durand".into(),
                "conflict".into(),
                json!(["a", "c"])
            ),
            ("LOC Paris".into(), "tie".into(), json!(["a"])),
        ]
    );
    let merged = stdout_of(annot_in(&root).args(["merge", "a", "c", "--into", "g", "--json"]));
    let merged: Value = serde_json::from_str(&merged).unwrap();
    assert_eq!(
        merged["documents"][0]["contested"], saved["provenance"]["contested"],
        "merge flags what adjudicate leaves open, in the same words"
    );
}
