//! `annot import --format prodigy|doccano|label-studio|jsonl-spans`: documents
//! with their annotations, into the annotators' logs.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use crate::common::{
    annot_in, empty_project, overlap_project, sample_project, span_tuples, stdout_of,
};

/// Code point range of the first `needle` in `text`.
fn at(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// UTF-16 code unit range of the first `needle` in `text`.
fn utf16_at(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].encode_utf16().count();
    (start, start + needle.encode_utf16().count())
}

fn write_lines(path: &Path, lines: &[Value]) {
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    std::fs::write(path, text).unwrap();
}

/// `annot import` with `args` then the files.
fn import(root: &Path, args: &[&str], files: &[&Path]) -> assert_cmd::assert::Assert {
    annot_in(root).arg("import").args(args).args(files).assert()
}

fn stderr(a: &assert_cmd::assert::Assert) -> String {
    String::from_utf8(a.get_output().stderr.clone()).unwrap()
}

/// (start, end, label, text) of the latest record of `annotator` on `doc`.
fn spans_of(root: &Path, doc: &str, annotator: &str) -> Vec<(u64, u64, String, String)> {
    let out = stdout_of(annot_in(root).args(["show", "--json", doc]));
    let v: Value = serde_json::from_str(&out).unwrap();
    let rec = v["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["annotator"] == annotator)
        .unwrap_or_else(|| panic!("no record of {annotator} on {doc}: {out}"));
    rec["record"]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["start"].as_u64().unwrap(),
                s["end"].as_u64().unwrap(),
                s["label"].as_str().unwrap().to_owned(),
                s["text"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The latest record of `annotator` on `doc`, as JSON.
fn record_of(root: &Path, doc: &str, annotator: &str) -> Value {
    let out = stdout_of(annot_in(root).args(["show", "--json", doc]));
    let v: Value = serde_json::from_str(&out).unwrap();
    v["records"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["annotator"] == annotator)
        .map(|r| r["record"].clone())
        .unwrap_or(Value::Null)
}

fn check_clean(root: &Path) {
    let out = annot_in(root).arg("check").assert().success();
    let err = stderr(&out) + &String::from_utf8_lossy(&out.get_output().stdout);
    assert!(err.contains(": 0 error(s), 0 warning(s)"), "{err}");
}

fn log_lines(root: &Path, annotator: &str) -> usize {
    std::fs::read_to_string(root.join(format!("annotations/{annotator}.jsonl")))
        .map_or(0, |t| t.lines().count())
}

fn corpus_files(root: &Path) -> usize {
    std::fs::read_dir(root.join("corpus")).unwrap().count()
}

fn span(t: &str, needle: &str, label: &str) -> (u64, u64, String, String) {
    let (s, e) = at(t, needle);
    (s as u64, e as u64, label.to_owned(), needle.to_owned())
}

const EMOJI: &str = "🎉👩‍🔬 La chercheuse Marie Curie revient à Varsovie.";
const FRAKTUR: &str = "𝔏𝔢 𝔐𝔬𝔫𝔡𝔢 : la Banque de France relève ses prévisions.";
/// "Cafe" + combining acute: NFC makes it one code point, so offsets after it move by one.
const COMBINING: &str = "Le Cafe\u{301} de Flore, a\u{300} Paris, ferme.";
const CRLF: &str = "Titre\r\n\r\nLa ville de Brest accueille le festival.";

/// A Prodigy file with emoji and astral characters before spans, combining
/// marks, CRLF, overlapping spans, an empty span set and a rejected answer.
fn prodigy_fixture(dir: &Path) -> PathBuf {
    let s = |t: &str, n: &str, l: &str| {
        let (a, b) = at(t, n);
        json!({"start": a, "end": b, "label": l, "text": n})
    };
    let lines = vec![
        json!({"id": "emoji", "text": EMOJI, "answer": "accept", "_input_hash": 11, "_task_hash": 12,
               "spans": [s(EMOJI, "Marie Curie", "PER"), s(EMOJI, "Varsovie", "LOC")],
               "meta": {"title": "Curie"}}),
        json!({"id": "fraktur", "text": FRAKTUR, "answer": "accept",
               "spans": [s(FRAKTUR, "Banque de France", "ORG"), s(FRAKTUR, "France", "LOC")]}),
        json!({"id": "combining", "text": COMBINING, "answer": "accept",
               "spans": [s(COMBINING, "Cafe\u{301} de Flore", "ORG"), s(COMBINING, "Paris", "LOC")]}),
        json!({"id": "crlf", "text": CRLF, "answer": "accept", "spans": [s(CRLF, "Brest", "LOC")]}),
        json!({"id": "empty", "text": "Il pleut sur la ville.", "answer": "accept", "spans": []}),
        json!({"id": "rejected", "text": "Un texte hors sujet.", "answer": "reject"}),
        json!({"id": "ignored", "text": "Un texte à revoir.", "answer": "ignore"}),
    ];
    let path = dir.join("prodigy.jsonl");
    write_lines(&path, &lines);
    path
}

#[test]
fn prodigy_spans_land_on_code_points_of_the_normalised_text() {
    let (tmp, root) = overlap_project();
    let file = prodigy_fixture(tmp.path());
    let out = import(&root, &["--format", "prodigy", "--as", "model"], &[&file]).success();
    let err = stderr(&out);
    assert!(
        err.contains(
            "imported 7 document(s), 7 zone(s) from 1 file(s); 7 record(s) on 7 document(s) written (model 7)"
        ),
        "{err}"
    );
    assert!(
        err.contains("converted: 3 offsets moved onto the normalised text (CRLF, NFC)"),
        "{err}"
    );
    assert!(err.contains("spans: LOC 4, ORG 2, PER 1"), "{err}");
    check_clean(&root);
    assert_eq!(
        spans_of(&root, "emoji", "model"),
        [
            span(EMOJI, "Marie Curie", "PER"),
            span(EMOJI, "Varsovie", "LOC")
        ]
    );
    assert_eq!(
        spans_of(&root, "fraktur", "model"),
        [
            span(FRAKTUR, "Banque de France", "ORG"),
            span(FRAKTUR, "France", "LOC")
        ]
    );
    let nfc = "Le Café de Flore, à Paris, ferme.";
    assert_eq!(
        spans_of(&root, "combining", "model"),
        [span(nfc, "Café de Flore", "ORG"), span(nfc, "Paris", "LOC")]
    );
    let lf = CRLF.replace("\r\n", "\n");
    assert_eq!(
        spans_of(&root, "crlf", "model"),
        [span(&lf, "Brest", "LOC")]
    );
    assert!(spans_of(&root, "empty", "model").is_empty());
    assert_eq!(record_of(&root, "rejected", "model")["status"], "rejected");
    assert_eq!(record_of(&root, "ignored", "model")["status"], "skipped");
    let emoji = record_of(&root, "emoji", "model");
    assert_eq!(emoji["_input_hash"], 11, "Prodigy's keys are kept");
    let plain =
        stdout_of(annot_in(&root).args(["show", "--plain", "--annotator", "model", "emoji"]));
    assert!(
        plain.contains("[Marie Curie]{PER} revient à [Varsovie]{LOC}"),
        "{plain}"
    );

    // The same import again adds nothing.
    let lines = log_lines(&root, "model");
    let out = import(&root, &["--format", "prodigy", "--as", "model"], &[&file]).success();
    assert!(
        stderr(&out).contains("0 record(s) on 7 document(s) written, 7 already in the log"),
        "{}",
        stderr(&out)
    );
    assert_eq!(log_lines(&root, "model"), lines);
}

#[test]
fn prodigy_teach_answers_labels_and_choices() {
    let (tmp, root) = empty_project();
    let t = "Le PSG affronte l'OM à Marseille.";
    let (a, b) = at(t, "PSG");
    let (c, d) = at(t, "Marseille");
    let (e, f) = at(t, "OM");
    let lines = vec![
        // ner.teach: one line a suggestion, the same text each time.
        json!({"text": t, "spans": [{"start": a, "end": b, "label": "ORG"}], "answer": "accept"}),
        json!({"text": t, "spans": [{"start": c, "end": d, "label": "PER"}], "answer": "reject"}),
        json!({"text": t, "spans": [{"start": e, "end": f, "label": "ORG", "answer": "accept"},
                                    {"start": c, "end": d, "label": "ORG", "answer": "reject"}],
               "answer": "accept"}),
        json!({"text": "Le match est fini.", "label": "sports", "answer": "accept"}),
        json!({"text": "La bourse recule.", "options": [{"id": "economy", "text": "Économie"}],
               "accept": ["economy"], "answer": "accept"}),
    ];
    let path = tmp.path().join("teach.jsonl");
    write_lines(&path, &lines);
    let out = import(&root, &["--format", "prodigy", "--as", "model"], &[&path]).success();
    let err = stderr(&out);
    assert!(
        err.contains("2 merged into the record of the same annotator on the same document"),
        "{err}"
    );
    check_clean(&root);
    let hash = annot_model::text_hash;
    let doc = hash(t);
    assert_eq!(
        spans_of(&root, &doc, "model"),
        [span(t, "PSG", "ORG"), span(t, "OM", "ORG")]
    );
    let rec = record_of(&root, &doc, "model");
    assert_eq!(rec["status"], "accepted");
    let rejected: Vec<(&str, &str)> = rec["rejected_spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["text"].as_str().unwrap(), s["label"].as_str().unwrap()))
        .collect();
    assert_eq!(rejected, [("Marseille", "PER"), ("Marseille", "ORG")]);
    let sports = record_of(&root, &hash("Le match est fini."), "model");
    assert_eq!(sports["labels"], json!({"topic": ["sports"]}));
    let economy = record_of(&root, &hash("La bourse recule."), "model");
    assert_eq!(economy["labels"], json!({"topic": ["economy"]}));
}

#[test]
fn doccano_per_user_files_are_their_users_annotations() {
    let (tmp, root) = empty_project();
    let dir = tmp.path().join("doccano");
    std::fs::create_dir(&dir).unwrap();
    let t1 = "Angela Merkel 🇩🇪 visite Rome.";
    let t2 = "Grève à la SNCF 🚆 demain.";
    let (p0, p1) = at(t1, "Angela Merkel");
    let (r0, r1) = at(t1, "Rome");
    let (s0, s1) = at(t2, "SNCF");
    write_lines(
        &dir.join("alice.jsonl"),
        &[
            json!({"id": 1, "text": t1, "label": [[p0, p1, "PER"], [r0, r1, "LOC"]], "Comments": []}),
            json!({"id": 2, "text": t2, "label": [[s0, s1, "ORG"]], "Comments": ["à revoir"]}),
        ],
    );
    write_lines(
        &dir.join("bob.jsonl"),
        &[
            json!({"id": 1, "text": t1,
                   "entities": [{"id": 7, "label": "PER", "start_offset": p0, "end_offset": p1},
                                {"id": 8, "label": "LOC", "start_offset": r0, "end_offset": r1}],
                   "relations": [{"id": 1, "from_id": 7, "to_id": 8, "type": "visits"}]}),
            json!({"id": 2, "text": t2, "label": ["society"]}),
        ],
    );
    let out = import(&root, &["--format", "doccano"], &[&dir]).success();
    let err = stderr(&out);
    assert!(
        err.contains("imported 2 document(s), 2 zone(s) from 2 file(s); 4 record(s) on 2 document(s) written (alice 2, bob 2)"),
        "{err}"
    );
    assert!(
        err.contains("converted: 1 relations kept in the record (not yet modelled)"),
        "{err}"
    );
    check_clean(&root);
    let d1 = annot_model::text_hash(t1);
    let d2 = annot_model::text_hash(t2);
    let expected = [span(t1, "Angela Merkel", "PER"), span(t1, "Rome", "LOC")];
    assert_eq!(spans_of(&root, &d1, "alice"), expected);
    assert_eq!(spans_of(&root, &d1, "bob"), expected);
    assert_eq!(spans_of(&root, &d2, "alice"), [span(t2, "SNCF", "ORG")]);
    assert_eq!(record_of(&root, &d2, "alice")["note"], "à revoir");
    assert_eq!(
        record_of(&root, &d2, "bob")["labels"],
        json!({"topic": ["society"]})
    );
    assert_eq!(
        record_of(&root, &d1, "bob")["relations"][0]["type"],
        "visits"
    );
}

#[test]
fn label_studio_old_utf16_and_new_code_point_offsets() {
    let (tmp, root) = empty_project();
    let t = "😀 Emmanuel Macron 👋 à Berlin.";
    let region = |(s, e): (usize, usize), text: &str, label: &str| {
        json!({"id": label, "from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": s, "end": e, "text": text, "labels": [label]}})
    };
    let tasks = json!([
        {"id": 1, "data": {"text": t}, "annotations": [
            // Before 2021: UTF-16 code units.
            {"id": 10, "completed_by": {"id": 1, "email": "ana@example.org"},
             "created_at": "2020-05-01T10:00:00.000000Z", "lead_time": 4.5,
             "result": [region(utf16_at(t, "Emmanuel Macron"), "Emmanuel Macron", "PER"),
                        region(utf16_at(t, "Berlin"), "Berlin", "LOC"),
                        {"from_name": "topic", "to_name": "text", "type": "choices",
                         "value": {"choices": ["politics"]}}]},
            // Since: code points.
            {"id": 11, "completed_by": 2, "was_cancelled": false,
             "result": [region(at(t, "Emmanuel Macron"), "Emmanuel Macron", "PER")]},
            {"id": 12, "completed_by": 3, "was_cancelled": true, "result": []}
        ]},
        {"id": 2, "data": {"text": "Rien à signaler."}, "annotations": []}
    ]);
    let file = tmp.path().join("export.json");
    std::fs::write(&file, tasks.to_string()).unwrap();
    let out = import(&root, &["--format", "label-studio"], &[&file]).success();
    let err = stderr(&out);
    assert!(
        err.contains("converted: 2 UTF-16 offsets converted to code points"),
        "{err}"
    );
    assert!(
        err.contains("3 record(s) on 1 document(s) written (ana 1, ls-2 1, ls-3 1)"),
        "{err}"
    );
    check_clean(&root);
    let doc = annot_model::text_hash(t);
    let both = [span(t, "Emmanuel Macron", "PER"), span(t, "Berlin", "LOC")];
    assert_eq!(spans_of(&root, &doc, "ana"), both);
    assert_eq!(spans_of(&root, &doc, "ls-2"), both[..1]);
    let ana = record_of(&root, &doc, "ana");
    assert_eq!(ana["labels"], json!({"topic": ["politics"]}));
    assert_eq!(
        (ana["at"].as_str(), ana["ms"].as_u64()),
        (Some("2020-05-01T10:00:00Z"), Some(4500))
    );
    assert_eq!(record_of(&root, &doc, "ls-3")["status"], "skipped");
    // `--json` says the same for a program.
    let (_t3, root3) = empty_project();
    let out = stdout_of(
        annot_in(&root3)
            .args(["import", "--format", "label-studio", "--json"])
            .arg(&file),
    );
    let report: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(report["records"]["written"], 3);
    assert_eq!(report["records"]["spans"], json!({"LOC": 1, "PER": 2}));
    assert_eq!(
        report["records"]["annotators"],
        json!({"ana": 1, "ls-2": 1, "ls-3": 1})
    );
    let kinds: Vec<&str> = report["conversions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["utf16_offsets", "utf16_offsets"]);
    assert_eq!(report["refused_whole"], false);
    // `--as` never makes one record of three people's answers.
    let (_t2, root2) = empty_project();
    let out = import(
        &root2,
        &["--format", "label-studio", "--as", "ls"],
        &[&file],
    )
    .failure();
    assert!(
        stderr(&out).contains("the file says 'ls-2' made this annotation and 'ana' the one at"),
        "{}",
        stderr(&out)
    );
    assert_eq!(log_lines(&root2, "ls"), 0);
}

#[test]
fn a_text_already_in_the_project_gets_the_annotations() {
    let (tmp, root) = empty_project();
    let t = "Le Sénat adopte la loi à Paris.";
    let docs = tmp.path().join("docs.jsonl");
    write_lines(&docs, &[json!({"id": "loi", "text": t})]);
    import(&root, &[], &[&docs]).success();
    let before = corpus_files(&root);
    let (s, e) = at(t, "Sénat");
    let file = tmp.path().join("p.jsonl");
    // No id: matched by its text.
    write_lines(
        &file,
        &[
            json!({"text": t, "spans": [{"start": s, "end": e, "label": "ORG"}], "answer": "accept"}),
        ],
    );
    let out = import(&root, &["--format", "prodigy", "--as", "model"], &[&file]).success();
    let err = stderr(&out);
    assert!(
        err.contains("(its annotations go to that document)"),
        "{err}"
    );
    assert_eq!(
        corpus_files(&root),
        before,
        "the text is not imported twice"
    );
    assert_eq!(spans_of(&root, "loi", "model"), [span(t, "Sénat", "ORG")]);
    check_clean(&root);
}

#[test]
fn export_jsonl_import_jsonl_spans_export_jsonl_is_the_same_bytes() {
    let (tmp, root) = sample_project();
    let patterns = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/patterns.jsonl");
    annot_in(&root)
        .args(["annotate", "--annotator", "alice", "--patterns"])
        .arg(&patterns)
        .write_stdin("y\n\ny\n\ny\n\nq\n")
        .assert()
        .success();
    let export = |root: &Path, out: &Path| {
        annot_in(root)
            .args([
                "export",
                "--format",
                "jsonl",
                "--from",
                "alice",
                "--split",
                "train=100",
                "--out",
            ])
            .arg(out)
            .assert()
            .success();
        std::fs::read(out.join("train.jsonl")).unwrap()
    };
    let first = export(&root, &tmp.path().join("out1"));
    assert!(first.len() > 100);
    let (_t2, root2) = empty_project();
    import(
        &root2,
        &["--format", "jsonl-spans", "--as", "alice"],
        &[&tmp.path().join("out1/train.jsonl")],
    )
    .success();
    check_clean(&root2);
    let second = export(&root2, &tmp.path().join("out2"));
    assert_eq!(
        String::from_utf8(second).unwrap(),
        String::from_utf8(first).unwrap()
    );
}

const REFUSED: &str = "nothing imported: the problems above refuse the whole import; fix them, or \
                       import with --skip-bad to import the rest (what is left out is listed)";
const FIX: &str = "fix the span in the file, or import with --skip-bad to leave this span out \
                   (the record keeps its other spans, and what was left out is listed)";

/// Imports `content` written to `name` as `format`; it must be refused with
/// `message` and leave the project as it was.
fn refused(format: &str, name: &str, content: &str, message: &str) {
    let (tmp, root) = empty_project();
    let file = tmp.path().join(name);
    std::fs::write(&file, content).unwrap();
    let out = annot_in(&root)
        .current_dir(tmp.path())
        .args(["import", "--format", format, "--as", "m", name])
        .assert()
        .code(1);
    let err = stderr(&out);
    assert!(
        err.contains(message),
        "{format}: expected\n{message}\nin\n{err}"
    );
    assert!(err.contains(REFUSED), "{err}");
    assert_eq!(corpus_files(&root), 0, "no corpus file: {err}");
    assert_eq!(log_lines(&root, "m"), 0, "no record: {err}");
}

#[test]
fn bad_prodigy_inputs_are_refused_with_their_line_and_document() {
    refused(
        "prodigy",
        "p.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"spans\":[{\"start\":2,\"end\":9,\"label\":\"LOC\"}]}\n",
        &format!("p.jsonl:1 (document 'a'): span LOC [2, 9) is outside the text (length 5): {FIX}"),
    );
    refused(
        "prodigy",
        "p.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"LOC\",\"text\":\"Lyon\"}]}\n",
        &format!(
            "p.jsonl:1 (document 'a'): span LOC [0, 5) says \"Lyon\" but the text there is \"Paris\": {FIX}"
        ),
    );
    refused(
        "prodigy",
        "p.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"CITY\"}]}\n",
        "p.jsonl:1 (document 'a'): span label 'CITY' (×1) not in schema news@1: add it to \
         schemas/news.json, or import with --add-labels to add them",
    );
    refused(
        "prodigy",
        "p.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"spans\":[]}\n{\"id\":\"b\",\"text\":\"Lyon\",\n",
        "p.jsonl:2: invalid JSON: EOF while parsing a value at line 2 column 0; each line must be one JSON object",
    );
    refused(
        "prodigy",
        "p.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"answer\":\"maybe\"}\n",
        "p.jsonl:1: 'answer' is \"maybe\", not \"accept\", \"reject\" or \"ignore\"",
    );
}

#[test]
fn bad_doccano_inputs_are_refused_with_their_line_and_document() {
    let doc = annot_model::text_hash("Paris");
    refused(
        "doccano",
        "alice.jsonl",
        "{\"text\":\"Paris\",\"label\":[[2,9,\"LOC\"]]}\n",
        &format!(
            "alice.jsonl:1 (document '{doc}'): span LOC [2, 9) is outside the text (length 5): {FIX}"
        ),
    );
    refused(
        "doccano",
        "alice.jsonl",
        "{\"text\":\"Paris\",\"label\":[[0,5,\"CITY\"]]}\n",
        &format!(
            "alice.jsonl:1 (document '{doc}'): span label 'CITY' (×1) not in schema news@1: add it \
             to schemas/news.json, or import with --add-labels to add them"
        ),
    );
    refused(
        "doccano",
        "alice.jsonl",
        "{\"text\":\"Paris\",\"label\":[[0,5]]}\n",
        "alice.jsonl:1: label[0] has 2 items, not [start, end, \"LABEL\"]",
    );
    refused(
        "doccano",
        "alice.jsonl",
        "{\"text\":\"Paris\",\"label\":[]}\n{\"text\":\n",
        "alice.jsonl:2: invalid JSON: EOF while parsing a value at line 2 column 0; each line must be one JSON object",
    );
}

#[test]
fn bad_label_studio_inputs_are_refused_with_their_task_and_document() {
    let doc = annot_model::text_hash("😀 Paris");
    let task = |value: &str| {
        format!(
            "[{{\"id\":1,\"data\":{{\"text\":\"😀 Paris\"}},\"annotations\":[{{\"completed_by\":1,\
             \"result\":[{{\"type\":\"labels\",\"value\":{value}}}]}}]}}]"
        )
    };
    refused(
        "label-studio",
        "ls.json",
        &task("{\"start\":2,\"end\":7,\"text\":\"Lyon\",\"labels\":[\"LOC\"]}"),
        &format!(
            "ls.json: task 1 (id 1) (document '{doc}'): span LOC [2, 7) says \"Lyon\" but the text \
             there is \"Paris\", and read as UTF-16 code units it does not match either: {FIX}"
        ),
    );
    refused(
        "label-studio",
        "ls.json",
        &task("{\"start\":3,\"end\":12,\"text\":\"Paris\",\"labels\":[\"LOC\"]}"),
        &format!(
            "ls.json: task 1 (id 1) (document '{doc}'): span LOC [3, 12) is outside the text (length \
             7), and read as UTF-16 code units it does not match either: {FIX}"
        ),
    );
    refused(
        "label-studio",
        "ls.json",
        &task("{\"start\":2,\"end\":7,\"text\":\"Paris\",\"labels\":[\"CITY\"]}"),
        &format!(
            "ls.json: task 1 (id 1) (document '{doc}'): span label 'CITY' (×1) not in schema news@1: \
             add it to schemas/news.json, or import with --add-labels to add them"
        ),
    );
    refused(
        "label-studio",
        "ls.json",
        "[{\"id\":1,\"data\":{\"text\":\"Paris\"}",
        "ls.json:1: invalid JSON: EOF while parsing an object at line 1 column 32; a Label Studio \
         export is one JSON list of tasks (export as JSON, not JSON-MIN or CSV)",
    );
}

#[test]
fn bad_jsonl_spans_inputs_are_refused_with_their_line_and_document() {
    refused(
        "jsonl-spans",
        "train.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"spans\":[{\"start\":4,\"end\":6,\"label\":\"LOC\",\"text\":\"s\"}]}\n",
        &format!(
            "train.jsonl:1 (document 'a'): span LOC [4, 6) is outside the text (length 5): {FIX}"
        ),
    );
    refused(
        "jsonl-spans",
        "train.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"spans\":[{\"start\":0,\"end\":4,\"label\":\"LOC\",\"text\":\"Paris\"}]}\n",
        &format!(
            "train.jsonl:1 (document 'a'): span LOC [0, 4) says \"Paris\" but the text there is \"Pari\": {FIX}"
        ),
    );
    refused(
        "jsonl-spans",
        "train.jsonl",
        "{\"id\":\"a\",\"text\":\"Paris\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"VILLE\",\"text\":\"Paris\"}]}\n",
        "train.jsonl:1 (document 'a'): span label 'VILLE' (×1) not in schema news@1: add it to \
         schemas/news.json, or import with --add-labels to add them",
    );
    refused(
        "jsonl-spans",
        "train.jsonl",
        "not json\n",
        "train.jsonl:1: invalid JSON: expected ident at line 1 column 2; each line must be one JSON object",
    );
}

#[test]
fn skip_bad_imports_the_rest_and_add_labels_extends_the_schema() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("p.jsonl");
    write_lines(
        &file,
        &[
            json!({"id": "ok", "text": "Lyon", "spans": [{"start": 0, "end": 4, "label": "LOC"}]}),
            json!({"id": "bad", "text": "Paris", "spans": [{"start": 2, "end": 9, "label": "LOC"}]}),
            json!({"id": "new", "text": "Nantes", "spans": [{"start": 0, "end": 6, "label": "CITY"}]}),
        ],
    );
    let out = import(
        &root,
        &["--format", "prodigy", "--as", "m", "--skip-bad"],
        &[&file],
    )
    .code(1);
    let err = stderr(&out);
    assert!(
        err.contains(
            "p.jsonl:2 (document 'bad'): span LOC [2, 9) is outside the text (length 5): \
             this span is left out (the record keeps its other spans)"
        ) && err.contains(
            "p.jsonl:2 (document 'bad'): every span of this annotation is left out, so is its \
             record"
        ),
        "{err}"
    );
    assert!(
        err.contains("span label 'CITY' (×1) not in schema news@1"),
        "{err}"
    );
    assert!(
        err.contains("1 record(s) on 1 document(s) written (m 1), 3 left out"),
        "{err}"
    );
    assert_eq!(spans_of(&root, "ok", "m"), [span("Lyon", "Lyon", "LOC")]);
    check_clean(&root);

    let out = import(
        &root,
        &[
            "--format",
            "prodigy",
            "--as",
            "m",
            "--add-labels",
            "--skip-bad",
        ],
        &[&file],
    )
    .code(1);
    let err = stderr(&out);
    assert!(err.contains("added to the schema "), "{err}");
    assert!(err.contains(": span label CITY"), "{err}");
    let schema = std::fs::read_to_string(root.join("schemas/news.json")).unwrap();
    assert!(schema.contains("\"CITY\""), "{schema}");
    assert_eq!(
        spans_of(&root, "new", "m"),
        [span("Nantes", "Nantes", "CITY")]
    );
    check_clean(&root);
}

/// hostile7 #36: doccano from standard input names no annotator, said once.
#[test]
fn doccano_from_stdin_asks_once_for_the_annotator() {
    let (_tmp, root) = empty_project();
    let lines =
        "{\"id\":1,\"text\":\"Un.\",\"label\":[]}\n{\"id\":2,\"text\":\"Deux.\",\"label\":[]}\n";
    let out = annot_in(&root)
        .args(["import", "--format", "doccano", "-"])
        .write_stdin(lines)
        .assert()
        .code(1);
    let err = stderr(&out);
    assert!(
        err.contains("the input does not say who made this annotation nor 1 others of this import: name the annotator with --as NAME"),
        "{err}"
    );
    assert!(
        !err.contains("<stdin>' is not a usable annotator name"),
        "{err}"
    );
    assert_eq!(err.matches("does not say who").count(), 1, "{err}");
}

#[test]
fn the_annotator_must_be_named_when_the_file_names_none() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("p.jsonl");
    write_lines(&file, &[json!({"id": "a", "text": "Lyon", "spans": []})]);
    let out = import(&root, &["--format", "prodigy"], &[&file]).code(1);
    assert!(
        stderr(&out).contains(
            "(document 'a'): the input does not say who made this annotation: name the annotator with --as NAME"
        ),
        "{}",
        stderr(&out)
    );
    let out = import(&root, &["--as", "m"], &[&file]).code(2);
    assert!(
        stderr(&out).contains("--as is for files with annotations"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_models_predictions_are_suggestions_taken_with_y() {
    let (tmp, root) = empty_project();
    let t = "La ministre Élisabeth Borne était à Lille lundi.";
    let docs = tmp.path().join("docs.jsonl");
    write_lines(&docs, &[json!({"id": "borne", "text": t})]);
    import(&root, &[], &[&docs]).success();
    let pred = |n: &str, l: &str| {
        let (s, e) = at(t, n);
        json!({"start": s, "end": e, "label": l})
    };
    let predictions = tmp.path().join("predictions.jsonl");
    write_lines(
        &predictions,
        &[
            json!({"id": "borne", "text": t, "answer": "accept", "label": "politics",
                 "spans": [pred("Élisabeth Borne", "PER"), pred("Lille", "LOC")]}),
        ],
    );
    import(
        &root,
        &["--format", "prodigy", "--as", "model"],
        &[&predictions],
    )
    .success();
    let out = annot_in(&root)
        .args([
            "annotate",
            "--annotator",
            "alice",
            "--suggest-from",
            "model",
        ])
        .write_stdin("y 1\ntopic politics\n\nq\n")
        .assert()
        .success();
    let screen = String::from_utf8_lossy(&out.get_output().stdout).into_owned();
    assert!(screen.contains("suggestions from model"), "{screen}");
    assert!(
        screen.contains("model labels this document topic politics: type that to take it"),
        "{screen}"
    );
    let rec = record_of(&root, "borne", "alice");
    let spans: Vec<(&str, &str, &str)> = rec["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["text"].as_str().unwrap(),
                s["label"].as_str().unwrap(),
                s["source"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        spans,
        [("Élisabeth Borne", "PER", "model")],
        "only suggestion 1 taken"
    );
    assert_eq!(rec["status"], "accepted");
    assert_eq!(rec["labels"], json!({"topic": ["politics"]}));
    // The model's own log is untouched.
    assert_eq!(spans_of(&root, "borne", "model").len(), 2);
    check_clean(&root);

    let out = annot_in(&root)
        .args(["annotate", "--annotator", "bob", "--suggest-from", "nobody"])
        .write_stdin("q\n")
        .assert()
        .failure();
    assert!(
        stderr(&out).contains("--suggest-from nobody: no annotator of that name in this project (annotators: alice, model)"),
        "{}",
        stderr(&out)
    );
}

/// hostile7 #16: a rejected span never lands in `spans`, whether or not other
/// lines of its text exist; an ignored one is no rejection; a span accepted
/// then rejected takes the later answer, and says so.
#[test]
fn prodigy_reject_and_ignore_are_stored_one_way() {
    let (tmp, root) = empty_project();
    let t = "Apple ouvre un magasin à Paris avec Tim Cook.";
    let s = |n: &str, l: &str| {
        let (a, b) = at(t, n);
        json!([{"start": a, "end": b, "label": l, "text": n}])
    };
    let teach = tmp.path().join("teach.jsonl");
    write_lines(
        &teach,
        &[
            json!({"id": "t", "text": t, "spans": s("Apple", "ORG"), "answer": "accept"}),
            json!({"id": "t", "text": t, "spans": s("Paris", "PER"), "answer": "reject"}),
            json!({"id": "t", "text": t, "spans": s("Tim Cook", "PER"), "answer": "ignore"}),
            json!({"id": "t", "text": t, "spans": s("Apple", "ORG"), "answer": "reject"}),
            json!({"id": "g", "text": "Google rachète une startup.", "answer": "reject",
                   "spans": [{"start": 0, "end": 6, "label": "PER", "text": "Google"}]}),
        ],
    );
    let out = import(&root, &["--format", "prodigy", "--as", "teach"], &[&teach]).success();
    let err = stderr(&out);
    assert!(
        err.contains("span ORG [0, 5) \"Apple\" accepted on an earlier line is rejected here"),
        "{err}"
    );
    let r = record_of(&root, "t", "teach");
    assert_eq!(r["status"], "accepted");
    assert_eq!(r["spans"], json!([]), "{r}");
    let rejected: Vec<&str> = r["rejected_spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        rejected,
        ["Paris", "Apple"],
        "Tim Cook was ignored, not rejected"
    );
    let g = record_of(&root, "g", "teach");
    assert_eq!(g["status"], "rejected");
    assert_eq!(g["spans"], json!([]), "{g}");
    assert_eq!(g["rejected_spans"][0]["text"], "Google");
    check_clean(&root);
}

/// hostile7 #34: a rejected binary `label` is kept, as `rejected_labels`.
#[test]
fn prodigy_rejected_textcat_labels_are_kept() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("tc.jsonl");
    write_lines(
        &file,
        &[
            json!({"id": "m", "text": "Le match est fini.", "label": "politics", "answer": "reject"}),
            json!({"id": "m", "text": "Le match est fini.", "label": "sports", "answer": "accept"}),
            json!({"id": "c", "text": "Un concert.", "label": "culture", "answer": "reject"}),
        ],
    );
    import(&root, &["--format", "prodigy", "--as", "tc"], &[&file]).success();
    let m = record_of(&root, "m", "tc");
    assert_eq!(m["labels"], json!({"topic": ["sports"]}));
    assert_eq!(m["rejected_labels"], json!(["politics"]));
    let c = record_of(&root, "c", "tc");
    assert_eq!(
        (c["status"].as_str(), &c["rejected_labels"]),
        (Some("rejected"), &json!(["culture"]))
    );
}

/// hostile7 #43: Prodigy's `_annotator_id` names the annotator; with `--as`,
/// two people's answers are refused, never merged into one record.
#[test]
fn prodigy_annotator_ids_keep_people_apart() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("multi.jsonl");
    let line = |label: &str, who: &str| {
        json!({"id": "v", "text": "Visite à Lyon.", "answer": "accept",
               "spans": [{"start": 9, "end": 13, "label": label}],
               "_annotator_id": who, "_session_id": who})
    };
    write_lines(&file, &[line("LOC", "news-alice"), line("ORG", "news-bob")]);
    let out = import(&root, &["--format", "prodigy", "--as", "m"], &[&file]).failure();
    let err = stderr(&out);
    assert!(
        err.contains("the file says 'news-bob' made this annotation and 'news-alice' the one at"),
        "{err}"
    );
    assert!(err.contains("nothing imported"), "{err}");
    import(&root, &["--format", "prodigy"], &[&file]).success();
    assert_eq!(
        spans_of(&root, "v", "news-alice"),
        [span("Visite à Lyon.", "Lyon", "LOC")]
    );
    assert_eq!(
        spans_of(&root, "v", "news-bob"),
        [span("Visite à Lyon.", "Lyon", "ORG")]
    );
    check_clean(&root);
}

/// hostile7 #4, #5, #25: Label Studio users are their ids (whatever shape
/// `completed_by` has); e-mails sharing a local part never merge two users;
/// two annotations of one user on one task are two answers, the later kept.
#[test]
fn label_studio_users_are_keyed_by_id() {
    let (tmp, root) = empty_project();
    let region = |label: &str| {
        json!({"from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": 11, "end": 17, "text": "Madrid", "labels": [label]}})
    };
    let t = "Deux avis: Madrid.";
    let tasks = json!([
        {"id": 11, "data": {"text": t}, "annotations": [
            {"id": 1, "completed_by": {"id": 3, "email": "carol@x.org"}, "result": [region("LOC")]},
            {"id": 2, "completed_by": {"id": 4, "email": "carol@y.org"}, "result": [region("ORG")]}]},
        {"id": 13, "data": {"text": "Un autre: Madrid."}, "annotations": [
            {"id": 3, "completed_by": 3, "created_at": "2021-01-01T10:00:00Z",
             "result": [{"from_name": "label", "to_name": "text", "type": "labels",
                         "value": {"start": 10, "end": 16, "text": "Madrid", "labels": ["LOC"]}}]},
            {"id": 4, "completed_by": 3, "created_at": "2021-01-02T10:00:00Z",
             "result": [{"from_name": "label", "to_name": "text", "type": "labels",
                         "value": {"start": 10, "end": 16, "text": "Madrid", "labels": ["ORG"]}}]}]}
    ]);
    let file = tmp.path().join("ls.json");
    std::fs::write(&file, tasks.to_string()).unwrap();
    let out = import(&root, &["--format", "label-studio"], &[&file]).success();
    let err = stderr(&out);
    assert!(
        err.contains("users whose e-mails share the name 'carol' are different annotators"),
        "{err}"
    );
    assert!(
        err.contains("'carol-ls3' answered this document twice"),
        "{err}"
    );
    let doc = annot_model::text_hash(t);
    assert_eq!(
        spans_of(&root, &doc, "carol-ls3"),
        [span(t, "Madrid", "LOC")]
    );
    assert_eq!(
        spans_of(&root, &doc, "carol-ls4"),
        [span(t, "Madrid", "ORG")]
    );
    let other = annot_model::text_hash("Un autre: Madrid.");
    let r = record_of(&root, &other, "carol-ls3");
    assert_eq!(
        span_tuples(&r["spans"]),
        [span("Un autre: Madrid.", "Madrid", "ORG")]
    );
    assert_eq!(r["label_studio_annotation"], 4, "the later answer");
    check_clean(&root);
}

/// hostile7 #1: overlapping spans in a schema with `"overlap": false` are
/// refused, naming the document; with --skip-bad only the later one goes.
#[test]
fn overlaps_the_schema_forbids_are_refused() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("o.jsonl");
    let t = "Jean Dupont dirige Air France.";
    write_lines(
        &file,
        &[json!({"id": "o1", "text": t, "answer": "accept",
                 "spans": [{"start": 0, "end": 11, "label": "PER"}, {"start": 5, "end": 11, "label": "PER"},
                           {"start": 19, "end": 29, "label": "ORG"}]})],
    );
    let out = import(&root, &["--format", "prodigy", "--as", "m"], &[&file]).failure();
    let err = stderr(&out);
    assert!(
        err.contains("o.jsonl:1 (document 'o1'): span PER [5, 11) \"Dupont\" overlaps span PER [0, 11) \"Jean Dupont\""),
        "{err}"
    );
    assert_eq!(log_lines(&root, "m"), 0);
    import(
        &root,
        &["--format", "prodigy", "--as", "m", "--skip-bad"],
        &[&file],
    )
    .failure();
    assert_eq!(
        spans_of(&root, "o1", "m"),
        [span(t, "Jean Dupont", "PER"), span(t, "Air France", "ORG")]
    );
    check_clean(&root);
}

/// hostile7 #17, #22: `--add-labels` puts document labels the schema lacks
/// on the layer it adds (never a layer named ""), so the import's own check
/// is clean; names with control characters are refused, not added.
#[test]
fn added_document_labels_name_the_layer_the_schema_gets() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("all.jsonl");
    write_lines(
        &file,
        &[
            json!({"id": 1, "text": "Visite à Lyon.", "label": [[9, 13, "loc"]]}),
            json!({"id": 2, "text": "Match de foot.", "label": ["Sports", "newcat"]}),
        ],
    );
    let out = import(
        &root,
        &["--format", "doccano", "--as", "dan", "--add-labels"],
        &[&file],
    )
    .success();
    let err = stderr(&out);
    assert!(err.contains("span label loc (next to LOC"), "{err}");
    assert!(
        err.contains("document labels: label: Sports 1, label: newcat 1"),
        "{err}"
    );
    let doc = annot_model::text_hash("Match de foot.");
    assert_eq!(
        record_of(&root, &doc, "dan")["labels"],
        json!({"label": ["Sports", "newcat"]})
    );
    check_clean(&root);
    let esc = tmp.path().join("esc.jsonl");
    let t = "Alerte \u{1b}[2J à Paris.";
    let (s, e) = at(t, "Paris");
    write_lines(
        &esc,
        &[
            json!({"id": "esc1", "text": t, "answer": "accept", "accept": ["poli\u{1b}[5mtics"],
                 "spans": [{"start": s, "end": e, "label": "LOC\u{1b}[31m"}]}),
        ],
    );
    let out = import(
        &root,
        &["--format", "prodigy", "--as", "m", "--add-labels"],
        &[&esc],
    )
    .failure();
    let err = stderr(&out);
    assert!(
        err.contains("label 'LOC␛[31m', label 'poli␛[5mtics' not in schema news@1, and not a usable label name"),
        "{err}"
    );
    let schema = std::fs::read_to_string(root.join("schemas/news.json")).unwrap();
    assert!(!schema.contains('\u{1b}'), "{schema}");
}

/// hostile7 #40: a document label two layers have is ambiguous, said so;
/// `--label-layer` settles it.
#[test]
fn a_label_two_layers_have_is_ambiguous() {
    let (tmp, _) = empty_project();
    let schema = tmp.path().join("s1.json");
    std::fs::write(
        &schema,
        json!({"name": "s1", "version": 1,
               "spans": {"labels": [{"name": "PER", "key": "p"}], "overlap": false},
               "labels": [{"name": "sentiment", "multi": false, "values": ["pos", "neg"]},
                          {"name": "topic", "multi": true, "values": ["pos", "sport"]}],
               "zones": ["body"]})
        .to_string(),
    )
    .unwrap();
    let root = tmp.path().join("psch");
    crate::common::annot()
        .arg("init")
        .arg(&root)
        .arg("--schema")
        .arg(&schema)
        .assert()
        .success();
    let file = tmp.path().join("sl.jsonl");
    write_lines(
        &file,
        &[json!({"id": "s2", "text": "Un match.", "accept": ["pos"], "answer": "accept"})],
    );
    for extra in [&[][..], &["--add-labels"][..]] {
        let args = [&["--format", "prodigy", "--as", "m"][..], extra].concat();
        let out = import(&root, &args, &[&file]).failure();
        let err = stderr(&out);
        assert!(
            err.contains("document label 'pos' is a value of 2 label layers of schema s1@1 (sentiment, topic): say which layer the file's document labels are with --label-layer LAYER"),
            "{err}"
        );
    }
    import(
        &root,
        &["--format", "prodigy", "--as", "m", "--label-layer", "topic"],
        &[&file],
    )
    .success();
    assert_eq!(
        record_of(&root, "s2", "m")["labels"],
        json!({"topic": ["pos"]})
    );
    check_clean(&root);
}

/// hostile7 #3, #23: Label Studio offsets without `value.text` after an
/// astral character are read the way token edges say; within one
/// annotation, one reading for every span.
#[test]
fn label_studio_reads_one_annotation_one_way() {
    let (tmp, root) = empty_project();
    let t = "👍👍 Angela Merkel à Bruxelles.";
    let t2 = "😀 ooo à Paris.";
    let labels = |s, e, text: Option<&str>, l: &str| {
        let mut v = json!({"start": s, "end": e, "labels": [l]});
        if let Some(text) = text {
            v["text"] = json!(text);
        }
        json!({"from_name": "label", "to_name": "text", "type": "labels", "value": v})
    };
    let (s, e) = utf16_at(t, "Angela Merkel");
    let tasks = json!([
        {"id": 21, "data": {"text": t}, "annotations": [
            {"id": 1, "completed_by": 1, "result": [labels(s, e, None, "PER")]}]},
        {"id": 22, "data": {"text": t2}, "annotations": [
            {"id": 2, "completed_by": 1, "result": [labels(3, 5, Some("oo"), "MISC"),
                                                    labels(9, 14, Some("Paris"), "LOC")]}]}
    ]);
    let file = tmp.path().join("ls.json");
    std::fs::write(&file, tasks.to_string()).unwrap();
    import(&root, &["--format", "label-studio"], &[&file]).success();
    assert_eq!(
        spans_of(&root, &annot_model::text_hash(t), "ls-1"),
        [span(t, "Angela Merkel", "PER")]
    );
    let (a, b) = at(t2, "oo");
    assert_eq!(
        spans_of(&root, &annot_model::text_hash(t2), "ls-1"),
        [
            (a as u64, b as u64, "MISC".into(), "oo".into()),
            span(t2, "Paris", "LOC")
        ]
    );
    check_clean(&root);
}

/// hostile7 #24: doccano offsets that look like UTF-16 code units are
/// reported, naming the spans.
#[test]
fn doccano_utf16_offsets_are_reported() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("d.jsonl");
    let t = "label1 😄 Lyon, Paris est belle";
    let (a, b) = utf16_at(t, "Lyon");
    let (c, d) = utf16_at(t, "Paris");
    write_lines(
        &file,
        &[json!({"id": 1, "text": t, "label": [[a, b, "LOC"], [c, d, "LOC"]]})],
    );
    let out = import(&root, &["--format", "doccano", "--as", "d"], &[&file]).success();
    let err = stderr(&out);
    assert!(
        err.contains("2 span(s) (LOC [10, 14), LOC [16, 21)) do not fall on token edges"),
        "{err}"
    );
    assert!(err.contains("as doccano did before its 2019 fix"), "{err}");
}

/// hostile7 #2: with --skip-bad only the bad span is left out; the record
/// keeps its good ones, and the report says so.
#[test]
fn skip_bad_leaves_out_the_span_not_the_record() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("p3.jsonl");
    let t = "Jean Dupont dirige Air France a Paris.";
    write_lines(
        &file,
        &[
            json!({"id": "mix", "text": t, "answer": "accept", "spans": [
            {"start": 0, "end": 11, "label": "PER"},
            {"start": 19, "end": 29, "label": "ORG", "text": "WRONG"},
            {"start": 32, "end": 37, "label": "LOC"},
            {"start": 5, "end": 5, "label": "LOC"}]}),
        ],
    );
    let out = import(
        &root,
        &["--format", "prodigy", "--as", "m3", "--skip-bad"],
        &[&file],
    )
    .failure();
    let err = stderr(&out);
    assert!(
        err.contains("left out: ") && err.contains("p3.jsonl:1 (document 'mix'): span ORG [19, 29) says \"WRONG\" but the text there is \"Air France\": this span is left out (the record keeps its other spans)"),
        "{err}"
    );
    assert!(err.contains("2 left out"), "{err}");
    assert_eq!(
        spans_of(&root, "mix", "m3"),
        [span(t, "Jean Dupont", "PER"), span(t, "Paris", "LOC")]
    );
}

/// hostile7 #37: an annotated import killed between its corpus file and its
/// records stays named in `.annot/imports-pending.json`: `check` and the
/// next import say what is missing and how to finish; the same import run
/// again finishes it and clears the journal.
#[test]
fn an_interrupted_annotated_import_is_told_until_finished() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("p.jsonl");
    write_lines(
        &file,
        &[
            json!({"id": "a", "text": "Visite à Lyon.", "spans": [{"start": 9, "end": 13, "label": "LOC"}]}),
        ],
    );
    let journal = root.join(".annot/imports-pending.json");
    let run = |name: &str| {
        annot_in(&root)
            .current_dir(tmp.path())
            .args(["import", "--format", "prodigy", "--as", "m", name])
            .assert()
    };
    run("p.jsonl").success();
    assert!(!journal.exists(), "a finished import leaves no journal");
    // What a kill after the corpus file leaves (the import writes this
    // before its corpus file is in place, removes it after its last record).
    std::fs::write(
        &journal,
        json!([{"inputs": ["p.jsonl"], "corpus_file": "proj/corpus/import-0001.jsonl",
                "records": {"m": 20000}, "at": "2026-12-01T12:00:00Z"}])
        .to_string(),
    )
    .unwrap();
    let out = annot_in(&root).arg("check").assert().failure();
    let err = stderr(&out);
    assert!(
        err.contains("error: the annotated import of p.jsonl at 2026-12-01T12:00:00Z did not finish: its documents may be in the project (proj/corpus/import-0001.jsonl) without all their records (20000 for m to write)"),
        "{err}"
    );
    assert!(
        err.contains("run the same import again to finish it"),
        "{err}"
    );
    let other = tmp.path().join("q.jsonl");
    write_lines(&other, &[json!({"id": "b", "text": "Rien.", "spans": []})]);
    let out = run("q.jsonl").success();
    assert!(
        stderr(&out).contains("did not finish: its documents may be in the project"),
        "{}",
        stderr(&out)
    );
    assert!(journal.exists(), "another import does not finish it");
    run("p.jsonl").success();
    assert!(!journal.exists(), "the same import again finishes it");
    check_clean(&root);
}

/// hostile7 #11: an id taken by another text is named with the input's
/// file (its directory) and line.
#[test]
fn an_id_conflict_names_the_file_and_line() {
    let (tmp, root) = empty_project();
    let sub = tmp.path().join("in");
    std::fs::create_dir_all(&sub).unwrap();
    write_lines(
        &sub.join("a.jsonl"),
        &[json!({"id": "d2", "text": "Un texte."})],
    );
    write_lines(
        &sub.join("b.jsonl"),
        &[
            json!({"id": "x", "text": "Autre."}),
            json!({"id": "d2", "text": "Un autre texte."}),
        ],
    );
    let run = |name: &str| {
        annot_in(&root)
            .current_dir(tmp.path())
            .args(["import", "--format", "prodigy", "--as", "b", name])
            .assert()
    };
    run("in/a.jsonl").success();
    let out = run("in/b.jsonl").failure();
    assert!(
        stderr(&out)
            .contains("in/b.jsonl:2: document 'd2' is already in the project with another text"),
        "{}",
        stderr(&out)
    );
}

/// hostile7 #31: a `cats` value that is not a score is refused with its
/// line; one strictly between 0 and 1 is reported.
#[test]
fn jsonl_spans_cats_are_scores() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("cats.jsonl");
    write_lines(
        &file,
        &[
            json!({"id": "k1", "text": "Un texte.", "spans": [], "cats": {"politics": 0.7, "health": true}}),
        ],
    );
    let out = import(&root, &["--format", "jsonl-spans", "--as", "c"], &[&file]).failure();
    assert!(
        stderr(&out)
            .contains("cats.jsonl:1: cats.health is true, not a score (a number from 0 to 1"),
        "{}",
        stderr(&out)
    );
    write_lines(
        &file,
        &[
            json!({"id": "k1", "text": "Un texte.", "spans": [], "cats": {"politics": 0.7, "economy": 0.2}}),
        ],
    );
    let out = import(&root, &["--format", "jsonl-spans", "--as", "c"], &[&file]).success();
    let err = stderr(&out);
    assert!(
        err.contains("cats.politics is 0.7, neither 0 nor 1: read as the label"),
        "{err}"
    );
    assert!(
        err.contains("cats.economy is 0.2, neither 0 nor 1: read as not the label"),
        "{err}"
    );
    assert_eq!(
        record_of(&root, "k1", "c")["labels"],
        json!({"topic": ["politics"]})
    );
}

/// hostile7 #20: `export --format jsonl` then `import --format jsonl-spans`
/// into the same project attaches the spans to the stored documents (the
/// export's text is their zones joined), never advising --update.
#[test]
fn an_export_imported_back_into_its_project_attaches_to_the_stored_texts() {
    let (tmp, root) = sample_project();
    crate::common::annotate_with_patterns(&root, "alice", "y\n\ny\n\ny\n\nq\n");
    let export = tmp.path().join("qa.jsonl");
    let out = stdout_of(annot_in(&root).args([
        "export",
        "--format",
        "jsonl",
        "--from",
        "alice",
        "--no-tokens",
        "--out",
        "-",
    ]));
    std::fs::write(&export, &out).unwrap();
    let corpus_before = corpus_files(&root);
    let run = import(
        &root,
        &["--format", "jsonl-spans", "--as", "alice2"],
        &[&export],
    )
    .success();
    let err = stderr(&run);
    assert!(!err.contains("--update"), "{err}");
    assert!(
        err.contains("is the project's text with its zones joined"),
        "{err}"
    );
    assert_eq!(corpus_files(&root), corpus_before, "no new corpus file");
    // alice2's records are alice's, on the stored texts.
    let first: Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    let doc = first["id"].as_str().unwrap();
    let spans = |who: &str| {
        let mut s = spans_of(&root, doc, who);
        s.sort();
        s
    };
    // Every span the export wrote, at alice's offsets (those in zones the
    // export leaves out were not written).
    let alice = spans("alice");
    let alice2 = spans("alice2");
    assert_eq!(alice2.len(), first["spans"].as_array().unwrap().len());
    assert!(!alice2.is_empty());
    assert!(
        alice2.iter().all(|s| alice.contains(s)),
        "{alice2:?} in {alice:?}"
    );
    check_clean(&root);
}
