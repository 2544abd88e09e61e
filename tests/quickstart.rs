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
                .and(predicate::str::contains(
                    "copied the sample's suggestion patterns to demo/patterns.jsonl",
                )),
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
fn annotator_defaults_to_user_in_quickstart_and_annotate_else_the_same_error() {
    let (tmp, root) = crate::common::jsonl_project(&[("a", "Le Hezbollah participe.")]);
    annot_in(&root)
        .arg("annotate")
        .env("USER", "tester")
        .write_stdin("\n")
        .assert()
        .success();
    assert!(root.join("annotations/tester.jsonl").is_file());
    let demo = tmp.path().join("demo2");
    let mut errors = Vec::new();
    for cmd in [
        vec!["annotate".to_owned()],
        vec![
            "--project".to_owned(),
            demo.display().to_string(),
            "quickstart".to_owned(),
        ],
    ] {
        let out = annot()
            .current_dir(&root)
            .env_remove("ANNOT_PROJECT")
            .args(&cmd)
            .env_remove("USER")
            .write_stdin("")
            .assert()
            .code(2)
            .get_output()
            .clone();
        errors.push(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    assert!(
        errors[0].contains("who is annotating? pass --annotator NAME"),
        "{errors:?}"
    );
    assert_eq!(errors[0], errors[1], "the same question in both");
    assert!(!demo.exists(), "asked before anything is made");
}

#[test]
fn quickstart_names_its_directory_one_way_and_prints_its_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    // --dir is gone: the directory is --project, as for every command.
    annot()
        .current_dir(tmp.path())
        .args(["quickstart", "--dir", "x", "--no-session"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--dir"));
    // A corpus with a file that is not UTF-8 (read as Windows-1252, with a
    // warning) and an empty one (a failure): both are said, as `annot import` says them.
    let articles = tmp.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(
        articles.join("latin1.txt"),
        b"Caf\xe9 de Beyrouth\n\nLe Hezbollah participe aux op\xe9rations .\n",
    )
    .unwrap();
    std::fs::write(articles.join("empty.txt"), b"").unwrap();
    let mine = tmp.path().join("mine");
    annot()
        .current_dir(tmp.path())
        .env_remove("ANNOT_PROJECT")
        .arg("--project")
        .arg(&mine)
        .args(["quickstart", "--no-session", "--corpus"])
        .arg(&articles)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("latin1.txt")
                .and(predicate::str::contains("Windows-1252"))
                .and(predicate::str::contains("empty.txt"))
                .and(predicate::str::contains("imported 1 document(s)"))
                .and(predicate::str::contains("demo project ready")),
        );
    assert!(mine.join("annot.toml").is_file());
    assert!(!tmp.path().join("demo").exists());
}
