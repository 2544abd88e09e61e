//! Issue 7, the reading of records: every command sees the same records,
//! carried onto the current text, with what could not be carried listed and
//! never dropped by a keystroke; corrupt spans and labels outside the schema
//! named as such; one bad log does not stop the others.

use std::fs;
use std::path::Path;

use annot_model::record::Record;
use serde_json::{Value, json};

use crate::common::{annot_in, jsonl_project, stdout_of};

const V1: &str = "Le Hezbollah participe aux combats à Boukamal .\n\n\
    Rami Abdel Rahmane dirige l' OSDH depuis Londres .";
/// V1 with a sentence inserted before every entity.
const V2: &str = "Une phrase ajoutée en tête .\n\nLe Hezbollah participe aux combats à Boukamal .\n\n\
    Rami Abdel Rahmane dirige l' OSDH depuis Londres .";
/// V2 with its last paragraph moved to the top: the text diff cannot follow it.
const V3: &str = "Rami Abdel Rahmane dirige l' OSDH depuis Londres .\n\n\
    Une phrase ajoutée en tête .\n\nLe Hezbollah participe aux combats à Boukamal .";
/// Two "Paris", one in a paragraph that will move and be rewritten.
const PARIS_1: &str =
    "Réunion à Paris ce matin .\n\nIl pleut sur Paris .\n\nLe ministre arrive ce soir .";
const PARIS_2: &str =
    "Réunion à Paris ce matin .\n\nLe ministre arrive ce soir .\n\nSur Paris , il pleut .";
/// V2 with "OSDH" edited away.
const V4: &str = "Une phrase ajoutée en tête .\n\nLe Hezbollah participe aux combats à Boukamal .\n\n\
    Rami Abdel Rahmane dirige l' Observatoire depuis Londres .";

fn log(root: &Path, who: &str) -> std::path::PathBuf {
    root.join("annotations").join(format!("{who}.jsonl"))
}

fn records(root: &Path, who: &str) -> Vec<Record> {
    fs::read_to_string(log(root, who))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// A scripted session over every document (`--redo`), so decided ones come back.
fn session(root: &Path, who: &str, script: &str) -> (String, String) {
    let out = annot_in(root)
        .args(["annotate", "--redo", "--annotator", who])
        .write_stdin(script)
        .assert()
        .success();
    let o = out.get_output();
    (
        String::from_utf8_lossy(&o.stdout).into_owned(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

fn update(tmp: &Path, root: &Path, id: &str, text: &str) {
    let f = tmp.join(format!("{id}-update.jsonl"));
    fs::write(&f, json!({"id": id, "text": text}).to_string() + "\n").unwrap();
    annot_in(root)
        .args(["import", "--update", "--id-field", "id"])
        .arg(&f)
        .assert()
        .success();
}

fn spans_of(r: &Record) -> Vec<(&str, &str)> {
    r.spans
        .iter()
        .map(|s| (s.text.as_str(), s.label.as_str()))
        .collect()
}

fn raw_record(doc: &str, hash: &str, spans: Value, labels: Value) -> String {
    json!({"doc": doc, "hash": hash, "annotator": "alice", "schema": "news@1", "status": "accepted",
           "at": "2026-11-23T20:00:00Z", "ms": 10, "spans": spans, "labels": labels, "zones": null, "note": null})
    .to_string()
}

fn doc_hash(root: &Path, id: &str) -> String {
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(root).args(["show", id, "--json"]))).unwrap();
    v["document"]["hash"].as_str().unwrap().to_owned()
}

/// Issue 7.1: after `import --update`, annotate, show and status all see the
/// three spans carried onto the new text; Enter writes them at their new offsets.
#[test]
fn import_update_keeps_reanchored_spans_in_every_reader() {
    let (tmp, root) = jsonl_project(&[("d", V1)]);
    session(
        &root,
        "alice",
        "Hezbollah ORG\nBoukamal LOC\nOSDH ORG\na\nq\n",
    );
    assert_eq!(records(&root, "alice")[0].spans.len(), 3);
    update(tmp.path(), &root, "d", V2);

    let shown = stdout_of(annot_in(&root).args(["show", "d", "--plain"]));
    assert!(shown.contains("Le [Hezbollah]{ORG} participe"), "{shown}");
    assert!(shown.contains("à [Boukamal]{LOC}"), "{shown}");
    assert!(shown.contains("l' [OSDH]{ORG}"), "{shown}");
    assert!(shown.contains("carried onto this one"), "{shown}");

    let status: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(status["annotators"][0]["span_labels"]["ORG"], 2, "{status}");
    assert_eq!(status["annotators"][0]["stale"], 1, "{status}");

    let (out, _) = session(&root, "alice", "g d\na\nq\n");
    assert!(!out.contains("no longer match"), "{out}");
    let all = records(&root, "alice");
    let last = all.last().unwrap();
    assert_eq!(
        spans_of(last),
        [("Hezbollah", "ORG"), ("Boukamal", "LOC"), ("OSDH", "ORG")]
    );
    for s in &last.spans {
        let start = V2.char_indices().nth(s.start).unwrap().0;
        assert!(
            V2[start..].starts_with(&s.text),
            "{s:?} is at its new offset"
        );
    }
    annot_in(&root).arg("check").assert().success();
}

/// Issue 7.1: a span that cannot be carried is shown as lost with its old
/// text, and a decision asks before leaving it out; a span of the same text
/// that survived elsewhere does not count as marking it again.
#[test]
fn lost_span_is_shown_and_never_dropped_by_one_keystroke() {
    let (tmp, root) = jsonl_project(&[("d", PARIS_1)]);
    session(&root, "alice", "Paris LOC *\na\nq\n");
    assert_eq!(records(&root, "alice")[0].spans.len(), 2);
    update(tmp.path(), &root, "d", PARIS_2);

    // One Enter asks; quitting then leaves the log as it was.
    let (out, _) = session(&root, "alice", "g d\n\nq\nq\n");
    assert!(
        out.contains("1 span(s) of your earlier record could not be carried onto the changed text"),
        "{out}"
    );
    assert!(out.contains("✗ lost     LOC \"Paris\" [41, 46)"), "{out}");
    assert!(
        out.contains("1 span(s) of your earlier record (✗ lost) would be left out"),
        "{out}"
    );
    assert_eq!(records(&root, "alice").len(), 1, "{out}");

    // Marking it again settles it: no question.
    let (out, _) = session(&root, "alice", "g d\nParis LOC *\na\nq\n");
    assert!(!out.contains("would be left out"), "{out}");
    let last = records(&root, "alice").pop().unwrap();
    assert_eq!(spans_of(&last), [("Paris", "LOC"), ("Paris", "LOC")]);

    // The same decision twice goes ahead without the lost span.
    let (tmp2, root2) = jsonl_project(&[("d", V2)]);
    session(&root2, "alice", "OSDH ORG\na\nq\n");
    update(tmp2.path(), &root2, "d", V4);
    let (out, _) = session(&root2, "alice", "g d\na\na\nq\n");
    assert!(out.contains("saved d · accepted · 0 spans"), "{out}");
}

/// Issue 7.1: paragraphs that moved unchanged carry their spans; a span is
/// not carried into a longer word ("Tripoli" into "Tripolis").
#[test]
fn moved_paragraphs_carry_their_spans_and_words_are_not_cut() {
    let (tmp, root) = jsonl_project(&[("d", V2)]);
    session(&root, "alice", "Hezbollah ORG\nOSDH ORG\na\nq\n");
    update(tmp.path(), &root, "d", V3);
    annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success()
        .stderr(predicates::str::contains("2 span(s) re-anchor, 0 lost"));

    let (tmp, root) = jsonl_project(&[("t", "Visite à Tripoli et Beyrouth .")]);
    session(&root, "alice", "Tripoli LOC\na\nq\n");
    update(tmp.path(), &root, "t", "Visite à Tripolis et Beyrouth .");
    let shown = stdout_of(annot_in(&root).args(["show", "t", "--plain"]));
    assert!(!shown.contains("[Tripoli]"), "{shown}");
    assert!(
        shown.contains("it now ends inside the word \"Tripolis\""),
        "{shown}"
    );
}

/// Issue 7.1: zone corrections made on an older text are listed as lost and
/// a decision asks before leaving them out.
#[test]
fn zone_corrections_lost_to_an_update_are_shown_and_asked_about() {
    let (tmp, root) = jsonl_project(&[("d", V1)]);
    session(&root, "alice", "z 2 boilerplate\na\nq\n");
    assert!(records(&root, "alice")[0].zones.is_some());
    update(tmp.path(), &root, "d", V2);
    let (out, _) = session(&root, "alice", "g d\na\nq\nq\n");
    assert!(
        out.contains("zone correction(s) made on the older text"),
        "{out}"
    );
    assert!(
        out.contains("zone correction(s) of your earlier record (✗ lost) would be left out"),
        "{out}"
    );
    assert_eq!(records(&root, "alice").len(), 1);
}

/// Issue 7.5: labels outside the schema are errors for `check`, shown by the
/// session, and saved again only when the annotator confirms.
#[test]
fn labels_not_in_schema_are_errors_and_the_session_asks() {
    let (_tmp, root) = jsonl_project(&[("d", V1)]);
    let h = doc_hash(&root, "d");
    let spans = json!([{"start": 3, "end": 12, "label": "FOO", "text": "Hezbollah"}]);
    let labels = json!({"mood": ["grim"], "topic": ["cooking"]});
    fs::write(
        log(&root, "alice"),
        raw_record("d", &h, spans, labels) + "\n",
    )
    .unwrap();
    let out = annot_in(&root).arg("check").assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("span label 'FOO'"), "{err}");
    assert!(err.contains("label layer 'mood'"), "{err}");
    assert!(err.contains("'topic: cooking'"), "{err}");
    assert_eq!(err.matches("error:").count(), 3, "{err}");

    let (out, _) = session(&root, "alice", "g d\na\nq\nq\n");
    assert!(out.contains("is not in schema news@1"), "{out}");
    assert!(out.contains("would be saved again"), "{out}");
    assert_eq!(records(&root, "alice").len(), 1);
    let (out, _) = session(&root, "alice", "g d\na\na\nq\n");
    assert!(out.contains("saved d · accepted"), "{out}");
    assert_eq!(records(&root, "alice").len(), 2);

    // Or the annotator takes them out, and nothing is asked.
    let (out, _) = session(&root, "alice", "g d\n-topic cooking\n-mood\n1 ORG\na\nq\n");
    assert!(
        out.contains("topic: cooking removed (not in the schema)"),
        "{out}"
    );
    assert!(out.contains("mood: cleared (not in the schema)"), "{out}");
    assert!(!out.contains("would be saved again"), "{out}");
    let last = records(&root, "alice").pop().unwrap();
    assert!(last.labels.is_empty(), "{:?}", last.labels);
    assert_eq!(spans_of(&last), [("Hezbollah", "ORG")]);
}

/// Issue 7.6: show draws the document's text, never the record's copy of it;
/// corrupt spans (text mismatch, reversed) are named as corrupt everywhere.
#[test]
fn corrupt_spans_are_shown_as_corrupt_and_the_text_is_the_documents() {
    let (_tmp, root) = jsonl_project(&[("d", "Les ORES de Wallonie et la SNCB .")]);
    let h = doc_hash(&root, "d");
    let spans = json!([
        {"start": 4, "end": 8, "label": "ORG", "text": "OREZ"},
        {"start": 20, "end": 12, "label": "LOC", "text": ""},
        {"start": 27, "end": 31, "label": "ORG", "text": "SNCB"}
    ]);
    fs::write(
        log(&root, "alice"),
        raw_record("d", &h, spans, json!({})) + "\n",
    )
    .unwrap();
    let shown = stdout_of(annot_in(&root).args(["show", "d", "--plain"]));
    assert!(
        shown.contains("Les ORES de Wallonie et la [SNCB]{ORG}"),
        "{shown}"
    );
    assert!(!shown.contains("[OREZ]"), "{shown}");
    assert!(
        shown.contains("corrupt: span ORG [4, 8) says \"OREZ\""),
        "{shown}"
    );
    assert!(
        shown.contains("corrupt: span LOC [20, 12) is empty or reversed"),
        "{shown}"
    );

    let (out, _) = session(&root, "alice", "g d\nq\n");
    assert!(
        out.contains("2 span(s) of your earlier record are corrupt"),
        "{out}"
    );
    assert!(!out.contains("changed"), "{out}");

    annot_in(&root)
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "corrupt span ORG \"OREZ\" [4, 8)",
        ));
}

/// Issue 7 (smaller): a complete last record without its newline is kept,
/// and the next session ends its line instead of setting it aside.
#[test]
fn complete_last_record_without_newline_is_kept() {
    let (_tmp, root) = jsonl_project(&[("d", V1), ("e", "Rien .")]);
    let h = doc_hash(&root, "d");
    fs::write(
        log(&root, "alice"),
        raw_record("d", &h, json!([]), json!({})),
    )
    .unwrap();
    annot_in(&root).arg("check").assert().success();
    let (out, _) = session(&root, "alice", "g e\na\na\nq\n");
    assert!(!out.contains("cut short"), "{out}");
    assert!(!root.join("annotations/alice.jsonl.rejected").exists());
    let all = records(&root, "alice");
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].doc, "e");
}

/// Issue 7 (smaller): a UTF-8 byte-order mark at the start of a log is read
/// past, and `check` says what it is.
#[test]
fn log_with_a_byte_order_mark_is_read_and_reported() {
    let (_tmp, root) = jsonl_project(&[("d", V1)]);
    let h = doc_hash(&root, "d");
    fs::write(
        log(&root, "alice"),
        format!("\u{feff}{}\n", raw_record("d", &h, json!([]), json!({}))),
    )
    .unwrap();
    annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success()
        .stderr(predicates::str::contains("byte-order mark"));
    let status: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(status["annotators"][0]["decided"], 1, "{status}");
}

/// Issue 7 (smaller): a corrupt line in bob's log is reported, and status and
/// show go on for alice; commands reading bob's log still fail.
#[test]
fn corrupt_log_of_one_annotator_does_not_stop_the_others() {
    let (_tmp, root) = jsonl_project(&[("d", V1)]);
    let h = doc_hash(&root, "d");
    let good = raw_record("d", &h, json!([]), json!({}));
    fs::write(log(&root, "alice"), format!("{good}\n")).unwrap();
    fs::write(log(&root, "bob"), format!("not json\n{good}\n")).unwrap();

    let out = annot_in(&root).args(["status", "--json"]).assert().code(1);
    let o = out.get_output();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["annotators"][0]["name"], "alice", "{v}");
    assert_eq!(v["annotators"][0]["decided"], 1, "{v}");
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("the log of 'bob' cannot be read"), "{err}");
    assert!(err.contains("bob.jsonl:1"), "{err}");

    let shown = stdout_of(annot_in(&root).args(["show", "d", "--annotator", "alice"]));
    assert!(shown.contains("alice accepted"), "{shown}");
    annot_in(&root)
        .args(["show", "d", "--annotator", "bob"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("bob.jsonl:1"));
    annot_in(&root)
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("bob.jsonl:1"));
}

/// Issue 7 (smaller): a span that cuts a heart from its variation selector is warned about.
#[test]
fn span_splitting_a_grapheme_is_warned() {
    let text = "Merci ❤\u{fe0f} à tous .";
    let (_tmp, root) = jsonl_project(&[("d", text)]);
    let h = doc_hash(&root, "d");
    let spans = json!([{"start": 6, "end": 7, "label": "MISC", "text": "❤"}]);
    fs::write(
        log(&root, "alice"),
        raw_record("d", &h, spans, json!({})) + "\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["check", "--warnings-ok"])
        .assert()
        .success()
        .stderr(predicates::str::contains("inside a character"));
}

/// `show` draws nested spans and spans across zones instead of leaving them out.
#[test]
fn show_draws_nested_spans() {
    let (_tmp, root) = jsonl_project(&[("d", "La Banque de France à Paris .")]);
    let h = doc_hash(&root, "d");
    let spans = json!([
        {"start": 3, "end": 19, "label": "ORG", "text": "Banque de France"},
        {"start": 13, "end": 19, "label": "LOC", "text": "France"},
        {"start": 22, "end": 27, "label": "LOC", "text": "Paris"}
    ]);
    fs::write(
        log(&root, "alice"),
        raw_record("d", &h, spans, json!({})) + "\n",
    )
    .unwrap();
    let shown = stdout_of(annot_in(&root).args(["show", "d", "--plain"]));
    assert!(
        shown.contains("La [Banque de [France]{LOC}]{ORG} à [Paris]{LOC} ."),
        "{shown}"
    );
}
