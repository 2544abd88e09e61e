//! `annot quickstart`, the README's first command: a demo project from the
//! bundled corpus, then a session; run again, it reuses the project and resumes.

use annot_model::record::{Record, SpanSource, Status};
use predicates::prelude::*;

use crate::common::{annot, annot_in};

#[test]
fn quickstart_makes_the_demo_and_resumes() {
    let tmp = tempfile::tempdir().unwrap();
    let demo = tmp.path().join("demo");
    // Accept every suggestion of the first document, accept it, quit.
    annot()
        .current_dir(tmp.path())
        .env("USER", "tester")
        .arg("quickstart")
        .write_stdin("y\n\nq\n")
        .assert()
        .success()
        .stderr(
            predicate::str::contains("created demo project")
                .and(predicate::str::contains("imported 14 document(s)"))
                .and(predicate::str::contains("copied suggestion patterns")),
        )
        .stdout(
            predicate::str::contains("tester · 14 documents, 14 to do")
                .and(predicate::str::contains("doc 1/14"))
                .and(predicate::str::contains(
                    "saved 01_fr-levant-eau-kfar-selwan · accepted",
                )),
        );
    assert!(demo.join("annot.toml").is_file());
    assert!(demo.join("patterns.jsonl").is_file());
    let log = std::fs::read_to_string(demo.join("annotations/tester.jsonl")).unwrap();
    let records: Vec<Record> = log
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 1);
    let r = &records[0];
    assert_eq!(r.status, Status::Accepted);
    assert!(
        r.spans.iter().any(|s| s.text == "Kfar Selwan"
            && s.label == "LOC"
            && s.source == Some(SpanSource::Pattern)),
        "{:?}",
        r.spans
    );

    // Again: nothing imported twice, the session resumes at the second document.
    annot()
        .current_dir(tmp.path())
        .env("USER", "tester")
        .arg("quickstart")
        .write_stdin("q\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("imported").not())
        .stdout(
            predicate::str::contains("14 documents, 13 to do").and(predicate::str::contains(
                "── 02_fr-levant-mosaique-tell-haddara",
            )),
        );
}

#[test]
fn annotator_defaults_to_user_in_quickstart_and_annotate_else_a_clear_error() {
    let (_tmp, root) = crate::common::jsonl_project(&[("a", "Le Hezbollah participe.")]);
    annot_in(&root)
        .arg("annotate")
        .env("USER", "tester")
        .write_stdin("\n")
        .assert()
        .success();
    assert!(root.join("annotations/tester.jsonl").is_file());
    for cmd in [&["annotate"][..], &["quickstart", "--dir", "demo2"][..]] {
        annot_in(&root)
            .args(cmd)
            .env_remove("USER")
            .write_stdin("")
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--annotator"));
    }
}
