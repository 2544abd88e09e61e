//! Sessions driven through standard input, as `annot annotate < commands.txt` runs them.

use std::io::{BufRead, BufReader, Write};

use annot_model::ZoneSpan;
use annot_model::record::{SpanSource, Status};
use predicates::prelude::*;

use super::{A, B, C, D, latest, log_path, records, spawn_session};
use crate::common::{annot_in, jsonl_project};

const PATTERNS: &str = r#"{"label":"ORG","pattern":"Hezbollah"}
{"label":"ORG","pattern":[{"lower":"ARMÉE"},{"lower":"syrienne"}]}
"#;

/// Every command of the language, over four documents, then a resumed session.
#[test]
fn a_scripted_session_uses_every_command() {
    let (tmp, root) = jsonl_project(&[("a", A), ("b", B), ("c", C), ("d", D)]);
    let patterns = tmp.path().join("patterns.jsonl");
    std::fs::write(&patterns, PATTERNS).unwrap();
    let script = [
        // Document a: spans 1 Hezbollah, 2 Boukamal, 3 armée syrienne, 4 Boukamal, 5 Rami Abdel (Rahmane), 6 OSDH, 7 Londres.
        "?",
        "r",
        "r 3",
        "y 1",
        "n 2",
        "\"armée syrienne\" ORG",
        "Boukamal LOC *",
        "Rami Abdel",
        "p",
        "5 +1",
        "OSDH MISC",
        "6 ORG",
        "Londres l",
        "d 7",
        "u",
        "U",
        "topic conflict",
        "topic 1",
        "-topic politics",
        "z 3 lede",
        "note vérifié",
        "b",
        "l",
        "t28 MISC",
        "u",
        "a",
        // Document b: move around, then reject it.
        "n",
        "p",
        "g d",
        "g b",
        "x",
        // c is skipped, d flagged.
        "s",
        "f à revoir",
    ]
    .join("\n")
        + "\n";
    let out = annot_in(&root)
        .args(["annotate", "--annotator", "bot", "--patterns"])
        .arg(&patterns)
        .write_stdin(script)
        .assert()
        .success()
        .stderr("")
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for says in [
        "annot · schema news@1 · bot · 4 documents, 4 to do · 2 patterns",
        "── a ",
        "doc 1/4",
        "3 <+1 /  3 <-1",
        "¶3 ",
        "suggested  1 Hezbollah ORG   2 armée syrienne ORG",
        "accepted 1 suggestion (1 span)",
        "dismissed armée syrienne ORG",
        "+ armée syrienne ORG (¶2) as span 2",
        "+ Boukamal LOC ×2 (¶1 ¶2)",
        "which label for \"Rami Abdel\"? p PER · o ORG · l LOC · m MISC",
        "+ Rami Abdel PER (¶3) as span 5",
        "5 Rami Abdel → Rami Abdel Rahmane PER",
        "6 OSDH MISC → ORG",
        "- Londres LOC",
        "undone: - Londres LOC",
        "redone: - Londres LOC",
        "topic: politics, conflict",
        "topic: conflict",
        "¶3 → lede",
        "note: vérifié",
        "+ depuis MISC (¶3)",
        "undone: + depuis MISC",
        "spans      1 Hezbollah ORG ¶1   2 Boukamal LOC ¶1   3 armée syrienne ORG ¶2   4 Boukamal LOC ¶2   5 Rami Abdel Rahmane PER ¶3   6 OSDH ORG ¶3",
        "¶3 [Rami Abdel Rahmane]{PER·5} dirige l' [OSDH]{ORG·6} depuis Londres .  ‹lede›",
        // An edit answers with its paragraph as it is now.
        "  + Londres LOC (¶3) as span 7\n¶3 [Rami Abdel Rahmane]{PER·5} dirige l' [OSDH]{ORG·6} depuis [Londres]{LOC·7} .",
        "saved a · accepted · 6 spans · topic conflict · zones corrected",
        "next: b",
        "[Boukamal]{LOC?} est proche",
        "── c ",
        "── d ",
        "saved b · rejected",
        "saved c · skipped",
        "saved d · flagged",
        "all done: every document of the list has a decision · u reopens d",
        "every document of the list has a decision: 4 saved this session (1 accepted, 1 rejected, 1 skipped, 1 flagged), 0 still to do",
    ] {
        assert!(out.contains(says), "missing {says:?} in:\n{out}");
    }
    assert!(!out.contains('\u{1b}'), "no colour without a terminal");

    let a = latest(&root, "bot", "a");
    assert_eq!(a.status, Status::Accepted);
    let got: Vec<(&str, &str, Option<SpanSource>)> = a
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.label.as_str(), s.source))
        .collect();
    let manual = Some(SpanSource::Manual);
    assert_eq!(
        got,
        [
            ("Hezbollah", "ORG", Some(SpanSource::Pattern)),
            ("Boukamal", "LOC", manual),
            ("armée syrienne", "ORG", manual),
            ("Boukamal", "LOC", manual),
            ("Rami Abdel Rahmane", "PER", manual),
            ("OSDH", "ORG", manual),
        ]
    );
    assert!(
        a.check_spans(A).is_ok(),
        "offsets are code points into the text"
    );
    assert_eq!(a.labels["topic"], ["conflict"]);
    assert_eq!(a.note.as_deref(), Some("vérifié"));
    let zones = a.zones.clone().unwrap();
    let third = A.find("Rami").map(|b| A[..b].chars().count()).unwrap();
    assert!(
        zones.contains(&ZoneSpan {
            start: third,
            end: A.chars().count(),
            zone: "lede".into()
        }),
        "{zones:?}"
    );
    assert_eq!(a.hash, annot_model::text_hash(A));
    assert_eq!(latest(&root, "bot", "b").status, Status::Rejected);
    assert_eq!(latest(&root, "bot", "c").status, Status::Skipped);
    let d = latest(&root, "bot", "d");
    assert_eq!(
        (d.status, d.note.as_deref()),
        (Status::Flagged, Some("à revoir"))
    );
    assert_eq!(records(&root, "bot").len(), 4);

    // Resume: only the skipped document is left.
    annot_in(&root)
        .args(["annotate", "--annotator", "bot"])
        .write_stdin("q\n")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("4 documents, 1 to do").and(predicate::str::contains("── c ")),
        );
    // With --redo and a filter, the accepted document comes back with its spans.
    annot_in(&root)
        .args([
            "annotate",
            "--annotator",
            "bot",
            "--redo",
            "--filter",
            "id=a",
            "--plain",
        ])
        .write_stdin("")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("your last decision: accepted")
                .and(predicate::str::contains("[OSDH]{ORG·6}")),
        );
}

#[test]
fn bad_commands_say_why_and_record_nothing() {
    let (_tmp, root) = jsonl_project(&[("a", A)]);
    let script =
        "Boukam LOC\nd 3\n3 FOO\nt0 ORG\ntopic war\nz 9 body\nBoukamal LCO\n\"open\nx now\nq\n";
    let out = annot_in(&root)
        .args(["annotate", "--annotator", "bot"])
        .write_stdin(script)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    for says in [
        "\"Boukam\" does not fall on token boundaries (¶1); the nearest token-aligned span is \"Boukamal\": t",
        "no span 3: this document has no spans yet",
        "neither a relabel",
        "tokens are numbered from 1",
        "'war' is not a value of topic",
        "no ¶9",
        "'LCO' is not a label; did you mean LOC? (Boukamal LOC)",
        "no closing quote",
        "`x` takes nothing after it",
        "quit: 0 saved this session, 1 still to do",
    ] {
        assert!(
            out.contains(&format!("! {says}")) || out.contains(says),
            "missing {says:?} in:\n{out}"
        );
    }
    assert!(records(&root, "bot").is_empty());
}

#[test]
fn bad_options_are_refused_before_anything_starts() {
    let (tmp, root) = jsonl_project(&[("a", A)]);
    let run = |args: &[&str]| {
        let mut cmd = annot_in(&root);
        cmd.args(["annotate", "--annotator", "bot"])
            .args(args)
            .write_stdin("");
        cmd.assert().code(2)
    };
    run(&["--order", "shuffle"]).stderr(predicate::str::contains("random:SEED"));
    run(&["--filter", "lang"]).stderr(predicate::str::contains("key=value"));
    run(&["--patterns", "nope.jsonl"]).stderr(predicate::str::contains("nope.jsonl"));
    let bad = tmp.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"label\":\"XYZ\",\"pattern\":\"a\"}\n").unwrap();
    run(&["--patterns", bad.to_str().unwrap()])
        .stderr(predicate::str::contains("bad.jsonl:1: label 'XYZ'"));
    annot_in(&root)
        .args(["annotate", "--annotator", "../x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a usable annotator name"));
    assert!(!log_path(&root, "bot").exists() || records(&root, "bot").is_empty());
}

#[test]
fn colour_only_when_asked_and_never_with_plain() {
    let (_tmp, root) = jsonl_project(&[("a", A)]);
    let session = |args: &[&str]| {
        let out = annot_in(&root)
            .args(args)
            .args(["annotate", "--annotator", "bot"])
            .write_stdin("Boukamal LOC\nl\nq\nq\n")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone();
        String::from_utf8(out).unwrap()
    };
    let coloured = session(&["--color", "always"]);
    assert!(
        coloured.contains("\u{1b}[1m\u{1b}[32mBoukamal"),
        "bold green span (LOC): {coloured}"
    );
    assert!(!coloured.contains("]{LOC"));
    let mut plain_cmd = annot_in(&root);
    plain_cmd
        .args([
            "--color",
            "always",
            "annotate",
            "--annotator",
            "bot",
            "--plain",
        ])
        .write_stdin("Boukamal LOC\nl\nq\nq\n");
    let plain =
        String::from_utf8(plain_cmd.assert().success().get_output().stdout.clone()).unwrap();
    assert!(!plain.contains('\u{1b}'));
    assert!(plain.contains("[Boukamal]{LOC·1}"));
}

/// One annotator's log is locked while a session runs; another annotator may work at the same time.
#[test]
fn a_second_session_for_the_same_annotator_is_refused() {
    let (_tmp, root) = jsonl_project(&[("a", A), ("b", B)]);
    let mut first = spawn_session(&root, "alice");
    let mut lines = BufReader::new(first.stdout.take().unwrap()).lines();
    // The header is printed after the lock is taken.
    assert!(
        lines
            .next()
            .unwrap()
            .unwrap()
            .starts_with("annot · schema news@1 · alice")
    );
    annot_in(&root)
        .args(["annotate", "--annotator", "alice"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "annotator 'alice' is already in use by another annot process",
        ));
    annot_in(&root)
        .args(["annotate", "--annotator", "bob"])
        .write_stdin("Boukamal LOC\n\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("saved a · accepted"));
    let mut stdin = first.stdin.take().unwrap();
    stdin.write_all(b"Hezbollah ORG\n\n").unwrap();
    drop(stdin);
    assert!(first.wait().unwrap().success());
    let rest: Vec<String> = lines.map(Result::unwrap).collect();
    assert!(
        rest.iter().any(|l| l.contains("saved a · accepted")),
        "{rest:?}"
    );
    assert_eq!(latest(&root, "alice", "a").spans[0].text, "Hezbollah");
    assert_eq!(latest(&root, "bob", "a").spans[0].text, "Boukamal");
}

#[test]
fn a_filter_on_status_finds_flagged_documents_without_redo() {
    let (_tmp, root) = jsonl_project(&[("a", A), ("b", B)]);
    annot_in(&root)
        .args(["annotate", "--annotator", "bot"])
        .write_stdin("f texte tronqué\nq\n")
        .assert()
        .success();
    assert_eq!(latest(&root, "bot", "a").status, Status::Flagged);
    let out = annot_in(&root)
        .args([
            "annotate",
            "--annotator",
            "bot",
            "--filter",
            "status=flagged",
        ])
        .write_stdin("q\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("── a ─"), "{out}");
    assert!(out.contains("doc 1/1"), "{out}");
    assert!(!out.contains("nothing to do"), "{out}");
}

#[test]
fn a_filter_key_or_value_the_corpus_lacks_is_an_error_naming_what_there_is() {
    let (_tmp, root) = crate::common::sample_project();
    let run = |filter: &str| {
        annot_in(&root)
            .args(["annotate", "--annotator", "bot", "--filter", filter])
            .write_stdin("")
            .assert()
            .code(2)
    };
    run("lang=EN").stderr(
        predicate::str::contains("no document has lang=EN; the values there are: fr (")
            .and(predicate::str::contains("en (")),
    );
    run("langue=fr").stderr(predicate::str::contains(
        "no document has a 'langue' key; the keys are: id, status, zone",
    ));
}

/// `y` says what it took with words around it; a suggestion dismissed (`n 1`)
/// or deleted in a document is not offered there again when the document is
/// opened again in the session.
#[test]
fn taken_suggestions_show_context_and_dismissed_ones_stay_dismissed() {
    let (tmp, root) = jsonl_project(&[("a", A), ("b", B)]);
    let patterns = tmp.path().join("patterns.jsonl");
    std::fs::write(&patterns, PATTERNS).unwrap();
    let out = annot_in(&root)
        .args(["annotate", "--annotator", "bot", "--patterns"])
        .arg(&patterns)
        .write_stdin("n 1\nn\np\nq\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let screens: Vec<&str> = out.split("── a ").collect();
    assert_eq!(screens.len(), 3, "a opened twice: {out}");
    assert!(screens[1].contains("Hezbollah ORG"), "{}", screens[1]);
    let again = screens[2].split("suggested").nth(1).unwrap_or_default();
    assert!(
        !again
            .lines()
            .next()
            .unwrap_or_default()
            .contains("Hezbollah"),
        "{}",
        screens[2]
    );

    let out = annot_in(&root)
        .args(["annotate", "--annotator", "bot2", "--patterns"])
        .arg(&patterns)
        .write_stdin("y 1\nq\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(
        out.contains("accepted 1 suggestion (1 span): Hezbollah ORG («Le Hezbollah participe aux opérations…»)"),
        "{out}"
    );
}

/// A document keeps its place in the list across restarts: after deciding the
/// first of four, the next session opens `doc 2/4` and says 3 are still to do.
#[test]
fn the_position_counter_is_stable_across_restarts() {
    let (_tmp, root) = jsonl_project(&[("a", A), ("b", B), ("c", C), ("d", D)]);
    annot_in(&root)
        .args(["annotate", "--annotator", "bot"])
        .write_stdin("Boukamal LOC\na\nq\n")
        .assert()
        .success();
    let out = annot_in(&root)
        .args(["annotate", "--annotator", "bot"])
        .write_stdin("p\nq\n")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("4 documents, 3 to do"), "{out}");
    assert!(out.contains("── b ") && out.contains("doc 2/4"), "{out}");
    // `p` goes back to the decided document, at its own place.
    assert!(out.contains("doc 1/4"), "{out}");
}

/// A user's own project, as the README tells it: `init`, `import` of their
/// articles, a `patterns.jsonl` beside `annot.toml`, and the session suggests.
#[test]
fn init_and_import_of_your_own_articles_suggest_from_a_patterns_file() {
    let tmp = tempfile::tempdir().unwrap();
    let articles = tmp.path().join("scraped");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(
        articles.join("une.txt"),
        "Grève des transporteurs à Tripoli\n\nLes chauffeurs de la CGTL ont bloqué Tripoli lundi .\n\nLa CGTL demande une hausse des tarifs .\n",
    )
    .unwrap();
    std::fs::write(
        articles.join("deux.txt"),
        "Le port de Tripoli rouvre\n\nLe port de Tripoli a rouvert mardi après la grève .\n",
    )
    .unwrap();
    let root = tmp.path().join("news");
    crate::common::annot()
        .current_dir(tmp.path())
        .env_remove("ANNOT_PROJECT")
        .args(["init", "news"])
        .assert()
        .success();
    annot_in(&root)
        .arg("import")
        .arg(&articles)
        .assert()
        .success()
        .stderr(predicate::str::contains("imported 2 document(s)"));
    // Without a patterns file, nothing is suggested.
    annot_in(&root)
        .args(["annotate", "--annotator", "me"])
        .write_stdin("q\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("suggested").not());
    std::fs::write(
        root.join("patterns.jsonl"),
        "{\"label\":\"LOC\",\"pattern\":\"Tripoli\"}\n{\"label\":\"ORG\",\"pattern\":[{\"lower\":\"cgtl\"}]}\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["annotate", "--annotator", "me"])
        .write_stdin("y\n\ny\n\n")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("2 patterns")
                .and(predicate::str::contains("[Tripoli]{LOC?}"))
                .and(predicate::str::contains("[CGTL]{ORG?}")),
        );
    let spans: Vec<(String, String, Option<SpanSource>)> = records(&root, "me")
        .iter()
        .flat_map(|r| r.spans.iter())
        .map(|s| (s.text.clone(), s.label.clone(), s.source))
        .collect();
    assert!(
        spans.contains(&("CGTL".into(), "ORG".into(), Some(SpanSource::Pattern))),
        "{spans:?}"
    );
    let tripoli = spans
        .iter()
        .filter(|(t, l, s)| t == "Tripoli" && l == "LOC" && *s == Some(SpanSource::Pattern))
        .count();
    assert!(tripoli >= 3, "{spans:?}");
}
