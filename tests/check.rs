//! `annot check`: offsets against texts, stale records re-anchored, torn logs.

use std::fs;

use predicates::prelude::*;
use serde_json::{Value, json};

use crate::common::{annot_in, jsonl_project, stdout_of};

fn record(doc: &str, hash: &str, spans: Value) -> String {
    json!({"doc": doc, "hash": hash, "annotator": "alice", "schema": "news@1", "status": "accepted",
           "at": "2026-11-23T20:00:00Z", "ms": 10, "spans": spans, "labels": {}, "zones": null, "note": null})
    .to_string()
}

fn doc_hash(root: &std::path::Path, id: &str) -> String {
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(root).args(["show", id, "--json"]))).unwrap();
    v["document"]["hash"].as_str().unwrap().to_owned()
}

#[test]
fn check_names_bad_offsets_and_reanchors_changed_texts() {
    let (tmp, root) = jsonl_project(&[
        ("d1", "Le Hezbollah a repris Boukamal."),
        ("d2", "Zoë vit à Zürich."),
    ]);
    let h1 = doc_hash(&root, "d1");
    let h2 = doc_hash(&root, "d2");
    let log = root.join("annotations/alice.jsonl");
    let good = record(
        "d2",
        &h2,
        json!([{"start": 0, "end": 3, "label": "PER", "text": "Zoë"}, {"start": 10, "end": 16, "label": "LOC", "text": "Zürich"}]),
    );
    let spans1 = json!([{"start": 3, "end": 12, "label": "ORG", "text": "Hezbollah"}, {"start": 22, "end": 30, "label": "LOC", "text": "Boukamal"}]);
    fs::write(&log, format!("{}\n{good}\n", record("d1", &h1, spans1))).unwrap();
    annot_in(&root).arg("check").assert().success();

    // The text of d1 changes: one span survives, one is edited away.
    let f = tmp.path().join("v2.jsonl");
    fs::write(
        &f,
        "{\"id\":\"d1\",\"text\":\"Selon l'AFP, le Hezbollah a repris Abou Kamal.\"}\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--update", "--id-field", "id"])
        .arg(&f)
        .assert()
        .success();
    let out = annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("1 span(s) re-anchor"), "{stderr}");
    assert!(stderr.contains("lost LOC \"Boukamal\""), "{stderr}");

    // A record whose span text is not text[start:end] is an error naming file, line and document.
    let bad = record(
        "d2",
        &h2,
        json!([{"start": 1, "end": 3, "label": "PER", "text": "Zoë"}]),
    );
    let mut text = fs::read_to_string(&log).unwrap();
    text.push_str(&bad);
    text.push('\n');
    fs::write(&log, &text).unwrap();
    annot_in(&root).arg("check").assert().code(1).stderr(
        predicate::str::contains("alice.jsonl:3").and(predicate::str::contains("document 'd2'")),
    );

    // A torn last line is reported as a warning: exit 1, unless warnings are ok.
    fs::write(&log, format!("{good}\n{}", &good[..40])).unwrap();
    annot_in(&root).arg("check").assert().code(1);
    let out = annot_in(&root)
        .args(["check", "--json", "--warnings-ok"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let findings = v["findings"].as_array().unwrap();
    assert!(
        findings
            .iter()
            .any(|f| f["kind"] == "torn_tail" && f["severity"] == "warning" && f["line"] == 2),
        "{v}"
    );
}

/// Issue 7.9: `check` reports the temporary files of killed imports, and
/// `check --fix` removes those no running process holds.
#[test]
fn check_reports_and_fix_removes_abandoned_import_temp_files() {
    let (_tmp, root) = jsonl_project(&[("d1", "Le Hezbollah a repris Boukamal.")]);
    let dead = root.join("corpus/.annot-tmp-dead01");
    fs::write(&dead, "{\"id\":\"half\"").unwrap();
    let live = root.join("corpus/.annot-tmp-live01");
    let held = fs::File::create(&live).unwrap();
    held.lock().unwrap();

    let out = annot_in(&root)
        .args(["check", "--json", "--warnings-ok"])
        .assert()
        .success();
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let temps: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "temp_file")
        .collect();
    assert_eq!(temps.len(), 1, "{v}");
    assert!(
        temps[0]["path"]
            .as_str()
            .unwrap()
            .ends_with(".annot-tmp-dead01")
    );
    assert_eq!(temps[0]["bytes"], 12);

    annot_in(&root)
        .args(["check", "--fix"])
        .assert()
        .success()
        .stderr(
            predicate::str::contains("removed").and(predicate::str::contains("annot-tmp-dead01")),
        );
    assert!(!dead.exists());
    assert!(
        live.exists(),
        "a file a running process holds is left alone"
    );
    annot_in(&root)
        .arg("check")
        .assert()
        .success()
        .stderr(predicate::str::contains("annot-tmp").not());
}

#[test]
fn check_exits_1_on_a_warning_unless_warnings_ok() {
    let (_tmp, root) = jsonl_project(&[("d1", "Le Hezbollah a repris Boukamal.")]);
    let h1 = doc_hash(&root, "d1");
    let good = record("d1", &h1, json!([]));
    let log = root.join("annotations/alice.jsonl");
    // Only a torn tail: a warning, no error.
    fs::write(&log, format!("{good}\n{}", &good[..30])).unwrap();
    annot_in(&root)
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("0 error(s), 1 warning(s)"));
    annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success();
}

#[test]
fn check_names_the_lines_a_crash_had_set_aside() {
    let (_tmp, root) = jsonl_project(&[("d1", "Le Hezbollah a repris Boukamal.")]);
    let h1 = doc_hash(&root, "d1");
    let good = record("d1", &h1, json!([]));
    let log = root.join("annotations/alice.jsonl");
    fs::write(&log, format!("{good}\n{}", &good[..30])).unwrap();
    // The next session of alice sets the torn tail aside, in alice.jsonl.rejected.
    annot_in(&root)
        .args(["annotate", "--annotator", "alice"])
        .write_stdin("q\n")
        .assert()
        .success();
    let rejected = root.join("annotations/alice.jsonl.rejected");
    assert!(rejected.exists(), "the torn tail was not set aside");
    let out = annot_in(&root)
        .args(["check", "--json"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let report: Value = serde_json::from_slice(&out).unwrap();
    let found: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "set_aside")
        .collect();
    assert_eq!(found.len(), 1, "{report}");
    assert_eq!(found[0]["severity"], "warning");
    assert_eq!(found[0]["lines"], 1);
    assert!(
        found[0]["file"]
            .as_str()
            .unwrap()
            .ends_with("alice.jsonl.rejected")
    );
    annot_in(&root).arg("check").assert().code(1).stderr(
        predicate::str::contains("set aside").and(predicate::str::contains("alice.jsonl.rejected")),
    );
    // Deleted once looked at: check is clean again.
    fs::remove_file(&rejected).unwrap();
    annot_in(&root).arg("check").assert().success();
}

#[test]
fn check_reports_overlapping_and_repeated_spans_in_a_schema_without_overlaps() {
    // hostile7 #1/#4: a record with [0,11) and [5,11), and one with Lyon LOC and
    // Lyon ORG on one extent, passed `check` although the schema says "overlap": false.
    use crate::compare::{record, write_log};
    let (_tmp, root) = jsonl_project(&[
        ("o1", "Jean Dupont dirige Air France."),
        ("o2", "Visite à Lyon."),
    ]);
    let t = "2026-11-20T10:00:00Z";
    write_log(
        &root,
        "x",
        &[
            record(
                &root,
                "o1",
                t,
                "accepted",
                &[(0, 11, "PER"), (5, 11, "PER")],
                &[],
            ),
            record(
                &root,
                "o2",
                t,
                "accepted",
                &[(9, 13, "LOC"), (9, 13, "ORG")],
                &[],
            ),
        ],
    );
    let out = annot_in(&root)
        .arg("check")
        .assert()
        .code(1)
        .get_output()
        .clone();
    let err =
        String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    for says in [
        "x.jsonl:1: document 'o1': overlapping spans: PER \"Jean Dupont\" [0, 11) and PER \"Dupont\" [5, 11) overlap, which the schema does not allow",
        "x.jsonl:2: document 'o2': two labels on one extent: LOC \"Lyon\" [9, 13) and ORG \"Lyon\" [9, 13), which the schema does not allow",
    ] {
        assert!(err.contains(says), "missing {says:?} in:\n{err}");
    }
}
