//! `annot diff` and `annot agree` end to end: scripted annotators on the sample corpus,
//! hand-written logs with set times, re-imported documents, figures computed by hand.

use std::io::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use crate::common::{annot_in, jsonl_project, sample_project, stdout_of};

pub(crate) const KFAR: &str = "01_fr-levant-eau-kfar-selwan";
pub(crate) const MOSAIC: &str = "02_fr-levant-mosaique-tell-haddara";
pub(crate) const FUEL: &str = "03_fr-levant-carburant-greve";

/// Annotates the first three sample documents as `who` with piped commands.
pub(crate) fn annotate(root: &Path, who: &str, script: &[&str]) {
    annot_in(root)
        .args(["annotate", "--annotator", who])
        .write_stdin(script.join("\n") + "\n")
        .assert()
        .success();
}

/// alice, bob and carol on the sample corpus: alice rejects the third document.
pub(crate) fn three_annotators() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = sample_project();
    annotate(
        &root,
        "alice",
        &[
            "Kfar Selwan LOC *",
            "Rania Khoury PER",
            "Georges Haddad PER",
            "topic society",
            "a",
            "Liban LOC",
            "topic politics",
            "a",
            "x",
        ],
    );
    annotate(
        &root,
        "bob",
        &[
            "Kfar Selwan LOC *",
            "Rania Khoury ORG",
            "Georges PER",
            "Baabda LOC",
            "topic society",
            "topic health",
            "a",
            "Liban LOC",
            "topic politics",
            "a",
            "a",
            "a", // accepting nothing asks once
        ],
    );
    annotate(
        &root,
        "carol",
        &[
            "Kfar Selwan LOC *",
            "Rania Khoury PER",
            "Georges Haddad PER",
            "topic society",
            "a",
            "topic politics",
            "a",
            "a",
            "a", // accepting nothing asks once
        ],
    );
    (tmp, root)
}

pub(crate) fn json_of(root: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout_of(annot_in(root).args(args))).unwrap()
}

#[test]
fn diff_shows_each_kind_of_disagreement_in_words_and_summarises_agreement() {
    let (_tmp, root) = three_annotators();
    let out = stdout_of(annot_in(&root).args(["diff", "alice", "bob"]));
    for says in [
        &format!("── {KFAR} ── 1 label · 1 boundary · 1 only-b"),
        "[Rania Khoury]{label: alice PER | bob ORG}",
        "[Kfar Selwan]{LOC}",
        "[Baabda]{only bob: LOC}",
        "[Georges Haddad]{boundary: alice PER \"Georges Haddad\" [510, 524) | bob PER \"Georges\" [510, 517)}",
        "labels topic: alice society | bob health,society",
        &format!("1 document agrees: {MOSAIC}"),
        &format!("1 documents not compared: {FUEL} (alice: rejected)"),
    ] {
        assert!(out.contains(says), "missing {says:?} in:\n{out}");
    }
    assert!(!out.contains('\u{1b}'), "no colour in a pipe");
    assert!(
        !out.contains(&format!("── {MOSAIC}")),
        "agreeing documents are not printed"
    );

    // Colour on request, never with --plain.
    let coloured = stdout_of(annot_in(&root).args(["--color", "always", "diff", "alice", "bob"]));
    assert!(coloured.contains('\u{1b}'));
    let plain =
        stdout_of(annot_in(&root).args(["--color", "always", "diff", "alice", "bob", "--plain"]));
    assert_eq!(plain, out);

    // --context: one line per window, cut with ellipses.
    let ctx = stdout_of(annot_in(&root).args(["diff", "alice", "bob", "--context", "20"]));
    assert!(
        ctx.contains("…localité du caza de [Baabda]{only bob: LOC}, sont privés d'eau…"),
        "{ctx}"
    );

    // --label: only pairs with that label; labels layers are left out.
    let loc = stdout_of(annot_in(&root).args(["diff", "alice", "bob", "--label", "LOC"]));
    assert!(
        loc.contains("1 only-b") && !loc.contains("boundary") && !loc.contains("labels topic"),
        "{loc}"
    );

    // --status: alice's rejection counts too (neither marked anything there: they agree).
    let all =
        stdout_of(annot_in(&root).args(["diff", "alice", "bob", "--status", "accepted,rejected"]));
    assert!(
        all.contains(&format!("2 documents agree: {MOSAIC}, {FUEL}")),
        "{all}"
    );
    assert!(!all.contains("not compared"), "{all}");

    // --doc
    let one = stdout_of(annot_in(&root).args(["diff", "alice", "bob", "--doc", KFAR]));
    assert!(one.contains(&format!("── {KFAR} ──")), "{one}");
    assert!(!one.contains(MOSAIC) && !one.contains(FUEL), "{one}");
    let same = stdout_of(annot_in(&root).args(["diff", "alice", "carol", "--doc", KFAR]));
    assert_eq!(same, format!("1 document agrees: {KFAR}\n"));
    annot_in(&root)
        .args(["diff", "alice", "bob", "--doc", "nope"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no document 'nope'"));
}

#[test]
fn diff_csv_and_json() {
    let (_tmp, root) = three_annotators();
    let out = stdout_of(annot_in(&root).args(["diff", "alice", "bob", "--csv"]));
    let mut rows = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rows.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header[..3], ["doc", "kind", "a_label"]);
    let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
    let kinds: Vec<&str> = rows.iter().map(|r| &r[1]).collect();
    assert_eq!(kinds, ["label", "only-b", "boundary", "doc-label"]);
    assert_eq!(&rows[0][5], "Rania Khoury");
    assert!(
        rows[0][10].ends_with("Par "),
        "left context: {:?}",
        &rows[0][10]
    );
    assert_eq!(&rows[3][9], "health|society");

    let j = json_of(&root, &["diff", "alice", "bob", "--json"]);
    assert_eq!(j["differing"].as_array().unwrap().len(), 1);
    assert_eq!(j["differing"][0]["doc"], KFAR);
    assert_eq!(j["agreeing"], json!([MOSAIC]));
    assert_eq!(j["not_compared"][0]["a"]["status"], "rejected");
    let kinds: Vec<&str> = j["differing"][0]["spans"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"relabeled") && kinds.contains(&"same"),
        "{kinds:?}"
    );
}

#[test]
fn agree_reports_two_and_three_annotators_and_gates() {
    let (_tmp, root) = three_annotators();
    let out = stdout_of(annot_in(&root).args(["agree", "alice", "bob"]));
    for says in [
        "annot agree · alice vs bob · 3 documents with records, 2 decided by every side",
        &format!("not decided by every side: {FUEL} (alice: rejected)"),
        "Document labels: topic (multi-label)",
        "Spans: bob against alice",
        "exact micro                0.4000     0.5000     0.4444        4        5",
        "Cohen's kappa",
        "Unitized alpha",
        "Label confusion, same extent",
        &format!("annot diff alice bob --doc {KFAR}"),
    ] {
        assert!(out.contains(says), "missing {says:?} in:\n{out}");
    }
    assert!(
        out.lines().all(|l| l.chars().count() <= 80),
        "wider than 80 columns:\n{out}"
    );
    assert!(!out.contains("NaN"));

    let three = stdout_of(annot_in(&root).args(["agree", "alice", "bob", "carol"]));
    assert!(three.contains("Pairwise span F1"), "{three}");
    let j = json_of(&root, &["agree", "alice", "bob", "carol", "--json"]);
    assert_eq!(
        j["spans"]["pairwise_exact"]["matrix"]
            .as_array()
            .unwrap()
            .len(),
        3
    );
    assert!(
        j["tokens"]["cohen_kappa"].is_null(),
        "kappa is for two sides"
    );
    assert!(j["tokens"]["krippendorff_alpha"]["value"]["defined"].is_number());

    annot_in(&root)
        .args(["agree", "alice", "bob", "--min", "f1=0.9,topic.alpha=0.1"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("below --min: f1 is 0.4444 < 0.9"));
    annot_in(&root)
        .args(["agree", "alice", "bob", "--min", "f1=0.4"])
        .assert()
        .success();
    annot_in(&root)
        .args(["agree", "alice", "bob", "--min", "fun=0.4"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("'fun' is not a figure"));
    let j = json_of(&root, &["agree", "alice", "bob", "--json", "--worst", "1"]);
    assert_eq!(j["worst"].as_array().unwrap().len(), 1);
}

/// A record line written by hand, with its time set.
pub(crate) fn record(
    root: &Path,
    doc: &str,
    at: &str,
    status: &str,
    spans: &[(usize, usize, &str)],
    topic: &[&str],
) -> String {
    let text = doc_text(root, doc);
    let chars: Vec<char> = text.chars().collect();
    let spans: Vec<Value> = spans
        .iter()
        .map(|&(s, e, l)| json!({"start": s, "end": e, "label": l, "text": chars[s..e].iter().collect::<String>()}))
        .collect();
    json!({"doc": doc, "hash": annot_model::text_hash(&text), "annotator": "x", "schema": "news@1",
           "status": status, "at": at, "ms": 1, "spans": spans, "labels": {"topic": topic}})
    .to_string()
}

pub(crate) fn doc_text(root: &Path, id: &str) -> String {
    let mut found = None;
    for f in std::fs::read_dir(root.join("corpus")).unwrap() {
        for line in std::fs::read_to_string(f.unwrap().path()).unwrap().lines() {
            let d: Value = serde_json::from_str(line).unwrap();
            if d["id"] == id {
                found = Some(d["text"].as_str().unwrap().to_owned());
            }
        }
    }
    found.unwrap()
}

pub(crate) fn write_log(root: &Path, who: &str, lines: &[String]) {
    let mut f = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(root.join("annotations").join(format!("{who}.jsonl")))
        .unwrap();
    for l in lines {
        writeln!(f, "{l}").unwrap();
    }
}

pub(crate) const D1: &str = "Paris et Lyon";
pub(crate) const D2: &str = "Marie voit Paul";

#[test]
fn agree_json_equals_figures_computed_by_hand() {
    let (_tmp, root) = jsonl_project(&[("d1", D1), ("d2", D2)]);
    let t = "2026-11-20T10:00:00Z";
    write_log(
        &root,
        "a",
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
    write_log(
        &root,
        "b",
        &[
            record(
                &root,
                "d1",
                t,
                "accepted",
                &[(0, 5, "LOC"), (9, 13, "PER")],
                &["politics"],
            ),
            record(
                &root,
                "d2",
                t,
                "accepted",
                &[(0, 5, "PER"), (11, 15, "PER")],
                &["politics"],
            ),
        ],
    );
    let j = json_of(&root, &["agree", "a", "b", "--json"]);
    let num = |v: &Value| {
        v["defined"]
            .as_f64()
            .unwrap_or_else(|| panic!("undefined: {v}"))
    };
    let close = |got: f64, want: f64| assert!((got - want).abs() < 1e-12, "{got} != {want}");
    // Spans: A has 3, B 4, 2 match exactly: P 1/2, R 2/3, F1 4/7.
    let micro = &j["spans"]["exact"]["micro"];
    close(num(&micro["precision"]), 0.5);
    close(num(&micro["recall"]), 2.0 / 3.0);
    close(num(&micro["f1"]), 4.0 / 7.0);
    // Tokens: tags (B-LOC,B-LOC) (O,O) (B-LOC,B-PER) (B-PER,B-PER) (O,O) (O,B-PER):
    // p_o 4/6, p_e (2·1 + 3·2 + 1·3)/36 = 11/36, kappa 13/25; alpha 1 − (4/12)/(94/132) = 25/47.
    assert_eq!(j["tokens"]["tokens"], 6);
    close(num(&j["tokens"]["cohen_kappa"]["value"]), 13.0 / 25.0);
    close(
        num(&j["tokens"]["krippendorff_alpha"]["value"]),
        25.0 / 47.0,
    );
    // topic as whole sets: {politics}{politics}, {society}{politics}: observed 1/2.
    let topic = &j["labels"][0]["figures"];
    assert_eq!(topic["kind"], "multi");
    close(num(&topic["observed"]["value"]), 0.5);
    // Confusion of same-extent spans: LOC/LOC 1, LOC/PER 1, PER/PER 1.
    assert_eq!(j["spans"]["confusion"].as_array().unwrap().len(), 3);
    assert_eq!(j["per_document"][0]["doc"], "d1");
    close(num(&j["per_document"][0]["f1"]), 0.5);
}

#[test]
fn edge_cases_are_defined() {
    let (_tmp, root) = jsonl_project(&[
        ("d1", D1),
        ("d2", D2),
        ("d3", "Rien ici."),
        ("d4", "Ni là."),
    ]);
    let t = "2026-11-20T10:00:00Z";
    // One category only (politics everywhere), empty span sets on both sides (d3),
    // a document b rejected (d2) and one a skipped (d4).
    write_log(
        &root,
        "a",
        &[
            record(&root, "d1", t, "accepted", &[(0, 5, "LOC")], &["politics"]),
            record(&root, "d2", t, "accepted", &[(0, 5, "PER")], &["politics"]),
            record(&root, "d3", t, "accepted", &[], &["politics"]),
            record(&root, "d4", t, "skipped", &[], &[]),
        ],
    );
    write_log(
        &root,
        "b",
        &[
            record(&root, "d1", t, "accepted", &[(0, 5, "LOC")], &["politics"]),
            record(&root, "d2", t, "rejected", &[], &[]),
            record(&root, "d3", t, "accepted", &[], &["politics"]),
            record(&root, "d4", t, "accepted", &[], &["politics"]),
        ],
    );
    let j = json_of(&root, &["agree", "a", "b", "--json"]);
    let topic = &j["labels"][0]["figures"];
    assert_eq!(
        topic["alpha_masi"]["value"]["undefined"],
        "no_expected_disagreement"
    );
    let absent = &j["documents"]["not_in_common"];
    assert_eq!(absent[0]["doc"], "d2");
    assert_eq!(
        absent[0]["absent"][0],
        json!(["b", {"absence": "not_counted", "status": "rejected"}])
    );
    assert_eq!(absent[1]["absent"][0][1]["status"], "skipped");
    assert_eq!(j["documents"]["in_common"], 2);
    // d3: nothing on either side: its F1 is undefined, it is not among the worst.
    let d3 = j["per_document"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["doc"] == "d3")
        .unwrap()
        .clone();
    assert_eq!(d3["f1"]["undefined"], "no_items_either_side");
    assert!(j["worst"].as_array().unwrap().is_empty());
    let text = stdout_of(annot_in(&root).args(["agree", "a", "b"]));
    assert!(
        text.contains("undefined: expected disagreement is 0"),
        "{text}"
    );
    assert!(!text.contains("NaN"));

    // Empty span sets on both sides everywhere: span figures undefined, with the reason.
    let j = json_of(&root, &["agree", "a", "b", "--json", "--filter", "id=d3"]);
    assert_eq!(
        j["spans"]["exact"]["micro"]["f1"]["undefined"],
        "no_items_either_side"
    );
    assert_eq!(j["alpha_u"]["overall"]["value"]["undefined"], "no_items");

    // An annotator with no records: a warning, nothing in common, every figure undefined.
    let out = annot_in(&root)
        .args(["agree", "a", "nobody", "--json"])
        .assert()
        .success()
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("side 'nobody' has no records"));
    let j: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(j["documents"]["in_common"], 0);
    assert_eq!(
        j["spans"]["exact"]["micro"]["f1"]["undefined"],
        "no_items_either_side"
    );
    assert_eq!(j["tokens"]["cohen_kappa"]["value"]["undefined"], "no_items");

    // No document in common: c did d1 only, e did d2 only.
    write_log(
        &root,
        "c",
        &[record(
            &root,
            "d1",
            t,
            "accepted",
            &[(0, 5, "LOC")],
            &["politics"],
        )],
    );
    write_log(
        &root,
        "e",
        &[record(
            &root,
            "d2",
            t,
            "accepted",
            &[(0, 5, "PER")],
            &["society"],
        )],
    );
    let j = json_of(&root, &["agree", "c", "e", "--json"]);
    assert_eq!(j["documents"]["in_common"], 0);
    assert_eq!(
        j["labels"][0]["figures"]["alpha_masi"]["value"]["undefined"],
        "no_pairable_units"
    );
    let diff = stdout_of(annot_in(&root).args(["diff", "c", "e"]));
    assert!(
        diff.contains("2 documents not compared: d1 (e: no record), d2 (c: no record)"),
        "{diff}"
    );
}

#[test]
fn an_annotator_against_an_earlier_version_of_itself_and_a_log_file() {
    let (tmp, root) = jsonl_project(&[("d1", D1), ("d2", D2)]);
    write_log(
        &root,
        "alice",
        &[
            record(
                &root,
                "d1",
                "2026-11-20T10:00:00Z",
                "accepted",
                &[(0, 5, "LOC")],
                &["politics"],
            ),
            record(
                &root,
                "d2",
                "2026-11-20T11:00:00Z",
                "accepted",
                &[(0, 5, "PER")],
                &["society"],
            ),
            record(
                &root,
                "d1",
                "2026-11-22T09:00:00Z",
                "accepted",
                &[(0, 5, "LOC"), (9, 13, "LOC")],
                &["politics"],
            ),
        ],
    );
    let out = stdout_of(annot_in(&root).args(["diff", "alice@2026-11-21", "alice"]));
    assert!(out.contains("── d1 ── 1 only-b"), "{out}");
    assert!(out.contains("[Lyon]{only alice: LOC}"), "{out}");
    assert!(out.contains("1 document agrees: d2"), "{out}");
    // As of a time before the second document: it is not compared.
    let early = stdout_of(annot_in(&root).args(["diff", "alice@2026-11-20T10:30", "alice"]));
    assert!(
        early.contains("d2 (alice@2026-11-20T10:30: no record)"),
        "{early}"
    );
    let j = json_of(&root, &["agree", "alice@2026-11-21", "alice", "--json"]);
    assert_eq!(j["sides"][0]["name"], "alice@2026-11-21");
    assert_eq!(j["spans"]["exact"]["micro"]["recall"]["defined"], 1.0);
    // A log file sent by someone else is a side.
    let copy = tmp.path().join("alice-copy.jsonl");
    std::fs::copy(root.join("annotations/alice.jsonl"), &copy).unwrap();
    let same = stdout_of(annot_in(&root).arg("diff").arg(&copy).arg("alice"));
    assert!(same.contains("2 documents agree"), "{same}");
    annot_in(&root)
        .args(["diff", "alice@soon", "alice"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("'soon' is not a date"));
}

#[test]
fn a_side_made_on_a_text_since_reimported_is_compared_on_the_current_text() {
    let (tmp, root) = jsonl_project(&[("d1", D1), ("d2", D2)]);
    let t = "2026-11-20T10:00:00Z";
    let old = [
        record(
            &root,
            "d1",
            t,
            "accepted",
            &[(0, 5, "LOC"), (9, 13, "LOC")],
            &["politics"],
        ),
        record(&root, "d2", t, "accepted", &[(0, 5, "PER")], &["society"]),
    ];
    write_log(&root, "alice", &old);
    // The text changes: "Lyon" becomes "Lille", "Paris" moves.
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
    let now = "Entre Paris et Lille";
    assert_eq!(doc_text(&root, "d1"), now);
    write_log(
        &root,
        "bob",
        &[
            record(
                &root,
                "d1",
                t,
                "accepted",
                &[(6, 11, "LOC"), (15, 20, "LOC")],
                &["politics"],
            ),
            record(&root, "d2", t, "accepted", &[(0, 5, "PER")], &["society"]),
        ],
    );
    let out = stdout_of(annot_in(&root).args(["diff", "alice", "bob"]));
    assert!(
        out.contains("Entre [Paris]{LOC} et [Lille]{only bob: LOC}"),
        "{out}"
    );
    assert!(
        out.contains("✗ alice: LOC \"Lyon\" [9, 13) not compared: the text changed"),
        "{out}"
    );
    let j = json_of(&root, &["agree", "alice", "bob", "--json"]);
    assert_eq!(j["sides"][0]["reanchored"], 1);
    assert_eq!(j["sides"][0]["lost_spans"], 1);
}

#[test]
fn agree_scores_every_pair_of_three_sides_label_by_label() {
    let (_tmp, root) = three_annotators();
    let three = stdout_of(annot_in(&root).args(["agree", "alice", "bob", "carol"]));
    for says in [
        "Spans: bob against alice",
        "Spans: carol against alice",
        "Spans: carol against bob",
    ] {
        assert!(three.contains(says), "missing {says:?} in:\n{three}");
    }
    assert!(three.lines().all(|l| l.chars().count() <= 80));
    let j = json_of(&root, &["agree", "alice", "bob", "carol", "--json"]);
    let pairs = j["spans"]["pairs"].as_array().unwrap();
    let names: Vec<(&str, &str)> = pairs
        .iter()
        .map(|p| (p["a"].as_str().unwrap(), p["b"].as_str().unwrap()))
        .collect();
    assert_eq!(
        names,
        [("alice", "bob"), ("alice", "carol"), ("bob", "carol")]
    );
    assert_eq!(pairs[0]["exact"], j["spans"]["exact"]);
    // carol marked what alice marked.
    assert_eq!(pairs[1]["exact"]["micro"]["f1"]["defined"], 1.0);
    assert_eq!(pairs[1]["exact"]["per_label"]["PER"]["f1"]["defined"], 1.0);
    // bob's ORG is not carol's.
    assert_eq!(pairs[2]["exact"]["per_label"]["ORG"]["reference"], 1);
    assert_eq!(pairs[2]["exact"]["per_label"]["ORG"]["compared"], 0);
    // Two sides: no pairs list, the one pair is `exact`.
    let two = json_of(&root, &["agree", "alice", "bob", "--json"]);
    assert_eq!(two["spans"]["pairs"], json!([]));
}

#[test]
fn diff_puts_zone_corrections_side_by_side() {
    let (_tmp, root) = three_annotators();
    // carol takes the title of the mosaic document for boilerplate.
    annotate(
        &root,
        "carol",
        &[&format!("g {MOSAIC}"), "z 3 boilerplate", "a", "q"],
    );
    let out = stdout_of(annot_in(&root).args(["diff", "alice", "carol", "--plain"]));
    assert!(out.contains(&format!("── {MOSAIC} ── 1 zone")), "{out}");
    assert!(
        out.contains("\"Un pavement byzantin mis au jour au sud…\": alice title (imported) | carol boilerplate (corrected)"),
        "{out}"
    );
    let csv = stdout_of(annot_in(&root).args(["diff", "alice", "carol", "--csv"]));
    assert!(
        csv.lines()
            .any(|l| l.starts_with(&format!("{MOSAIC},zone,title,")) && l.contains(",boilerplate,")),
        "{csv}"
    );
    let j = json_of(&root, &["diff", "alice", "carol", "--json"]);
    let d = &j["differing"][0];
    assert_eq!(d["doc"], MOSAIC);
    assert_eq!(d["zones"][0]["a"], "title");
    assert_eq!(d["zones"][0]["b"], "boilerplate");
    assert_eq!(d["zones"][0]["b_corrected"], true);
    // alice against a copy of her log: nothing differs, zones included (the log
    // itself named twice is refused: see merge::one_log_named_twice...).
    std::fs::copy(
        root.join("annotations/alice.jsonl"),
        root.join("alice-copy.jsonl"),
    )
    .unwrap();
    let same = stdout_of(
        annot_in(&root)
            .args(["diff", "alice", "alice-copy.jsonl"])
            .current_dir(&root),
    );
    assert!(!same.contains("zones ["), "{same}");
}

#[test]
fn diff_counts_what_it_showed_and_a_huge_context_does_not_wrap() {
    // hostile7 #14: a diff of one differing document ended with "no document has a
    // decision of both sides"; #26: --context u64::MAX cut the span's text.
    let (_tmp, root) = three_annotators();
    let one = stdout_of(annot_in(&root).args(["diff", "alice", "bob", "--doc", KFAR]));
    assert!(
        one.ends_with("1 document(s) differ (shown above)\n0 documents agree\n"),
        "{one}"
    );
    assert!(!one.contains("no document has a decision"), "{one}");
    let all = stdout_of(annot_in(&root).args(["diff", "alice", "bob"]));
    assert!(
        all.contains(&format!(
            "1 document(s) differ (shown above)\n1 document agrees: {MOSAIC}"
        )),
        "{all}"
    );
    let huge = stdout_of(annot_in(&root).args([
        "diff",
        "alice",
        "bob",
        "--doc",
        KFAR,
        "--context",
        "18446744073709551615",
    ]));
    assert!(huge.contains("[Baabda]{only bob: LOC}"), "{huge}");
    let csv = stdout_of(annot_in(&root).args([
        "diff",
        "alice",
        "bob",
        "--csv",
        "--context",
        "18446744073709551615",
    ]));
    assert!(csv.contains("Baabda"), "{csv}");
}

#[test]
fn thresholds_outside_a_figures_range_and_zero_split_weights_are_refused_in_words() {
    // hostile7 #27: `--min f1=1.5` always failed, `--min f1=-3` always passed;
    // `--split train=0` was "not NAME=WEIGHT".
    let (_tmp, root) = three_annotators();
    for (min, says) in [
        (
            "f1=1.5",
            "--min: 'f1=1.5': that figure lies between 0 and 1",
        ),
        ("f1=-3", "--min: 'f1=-3': that figure lies between 0 and 1"),
        (
            "alpha=-2",
            "--min: 'alpha=-2': that figure lies between -1 and 1",
        ),
    ] {
        annot_in(&root)
            .args(["agree", "alice", "bob", "--min", min])
            .assert()
            .code(2)
            .stderr(predicates::str::contains(says));
    }
    annot_in(&root)
        .args(["agree", "alice", "bob", "--min", "alpha=-0.5"])
        .assert()
        .success();
    annot_in(&root)
        .args(["export", "--format", "jsonl", "--from", "alice", "--out"])
        .arg(root.join("x"))
        .args(["--split", "train=0,dev=100"])
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "'train=0': a weight must be at least 1",
        ));
}

/// A project whose schema adds a single-label layer `sent` (and lets spans overlap).
fn sent_project(docs: &[(&str, &str)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = jsonl_project(docs);
    let path = root.join("schemas/news.json");
    let schema = std::fs::read_to_string(&path).unwrap();
    let more = schema
        .replace("\"overlap\": false", "\"overlap\": true")
        .replace(
            "\"labels\": [\n    {",
            "\"labels\": [\n    { \"name\": \"sent\", \"multi\": false, \"values\": [\"pos\", \"neg\"] },\n    {",
        );
    assert!(more.contains("\"sent\"") && more.contains("\"overlap\": true"));
    std::fs::write(&path, more).unwrap();
    (tmp, root)
}

/// [`record`] with a `sent` value.
fn record_sent(root: &Path, doc: &str, spans: &[(usize, usize, &str)], sent: &str) -> String {
    let line = record(root, doc, "2026-11-20T10:00:00Z", "accepted", spans, &[]);
    let mut v: Value = serde_json::from_str(&line).unwrap();
    v["labels"]["sent"] = json!([sent]);
    v.to_string()
}

/// alice, bob and carol on three documents: d1 only carol labels otherwise, d2 only
/// bob marks otherwise, carol has no record of d3.
fn three_with_sent() -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = sent_project(&[("d1", D1), ("d2", D2), ("d3", "Paris ou Lyon")]);
    let loc = [(0, 5, "LOC"), (9, 13, "LOC")];
    write_log(
        &root,
        "alice",
        &[
            record_sent(&root, "d1", &loc, "pos"),
            record_sent(&root, "d2", &[(0, 5, "PER")], "neg"),
            record_sent(&root, "d3", &loc, "neg"),
        ],
    );
    write_log(
        &root,
        "bob",
        &[
            record_sent(&root, "d1", &loc, "pos"),
            record_sent(&root, "d2", &[(11, 15, "PER")], "neg"),
            record_sent(&root, "d3", &loc, "pos"),
        ],
    );
    write_log(
        &root,
        "carol",
        &[
            record_sent(&root, "d1", &loc, "neg"),
            record_sent(&root, "d2", &[(0, 5, "PER")], "neg"),
        ],
    );
    (tmp, root)
}

#[test]
fn agree_gates_refuse_two_side_figures_for_three_sides_and_take_every_figure_listed() {
    // hostile9 #2: `sent.kappa` with three sides failed as "undefined (no unit was
    // coded)", and Fleiss' kappa, which the report prints, could not be gated.
    let (_tmp, root) = three_with_sent();
    let three = ["agree", "alice", "bob", "carol"];
    for (min, says) in [
        (
            "sent.kappa=0.1",
            "--min: 'sent.kappa' is computed for two sides only, and the report compares 3; \
             gate on sent.fleiss_kappa or sent.alpha instead",
        ),
        (
            "sent.scott_pi=0.1",
            "gate on sent.fleiss_kappa or sent.alpha",
        ),
        (
            "kappa=0.1",
            "--min: 'kappa' is computed for two sides only, and the report compares 3; \
             gate on alpha instead",
        ),
    ] {
        annot_in(&root)
            .args(three)
            .args(["--min", min])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicates::str::contains(says));
    }
    // Fleiss' kappa is gated by its JSON name (and `fleiss`), and its value is the report's.
    let j = json_of(
        &root,
        &[
            "agree",
            "alice",
            "bob",
            "carol",
            "--json",
            "--min",
            "sent.fleiss_kappa=-1,sent.fleiss=-1",
        ],
    );
    let sent = j["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == "sent")
        .unwrap();
    let fleiss = &sent["figures"]["fleiss_kappa"]["value"];
    assert!(fleiss["defined"].is_number(), "{fleiss}");
    assert_eq!(j["gates"][0]["value"], *fleiss);
    assert_eq!(j["gates"][1]["value"], *fleiss);
    annot_in(&root)
        .args(three)
        .args(["--min", "sent.fleiss_kappa=1"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "below --min: sent.fleiss_kappa is",
        ));
    // Every figure the report lists for the sides compared can be gated.
    for sides in [&["alice", "bob", "carol"][..], &["alice", "bob"][..]] {
        let out = annot_in(&root)
            .arg("agree")
            .args(sides)
            .args(["--min", "nothing=0.5"])
            .assert()
            .code(2)
            .get_output()
            .stderr
            .clone();
        let err = String::from_utf8(out).unwrap();
        let known = err.split("use one of: ").nth(1).unwrap().trim();
        let names: Vec<&str> = known.split(", ").collect();
        let want: &[&str] = if sides.len() == 2 {
            &["kappa", "sent.kappa", "sent.scott_pi", "sent.fleiss_kappa"]
        } else {
            &["alpha", "sent.fleiss_kappa", "topic.alpha_jaccard"]
        };
        for w in want {
            assert!(names.contains(w), "{w} not in {names:?}");
        }
        if sides.len() == 3 {
            assert!(!names.contains(&"kappa") && !names.contains(&"sent.kappa"));
        }
        for name in names {
            let code = annot_in(&root)
                .arg("agree")
                .args(sides)
                .args(["--min", &format!("{name}=0")])
                .output()
                .unwrap()
                .status
                .code();
            assert!(matches!(code, Some(0 | 1)), "{name}: exit {code:?}");
        }
    }
}

#[test]
fn agree_worst_documents_name_the_pair_that_differs_most() {
    // hostile9 #3: with three sides every worst document said `annot diff alice bob`,
    // even where only carol differed (and `annot diff alice bob` found them agreeing).
    let (_tmp, root) = three_with_sent();
    let out = stdout_of(annot_in(&root).args(["agree", "alice", "bob", "carol"]));
    for says in [
        "annot diff alice carol --doc d1",
        "annot diff alice bob --doc d2",
        "annot diff alice bob --doc d3",
    ] {
        assert!(out.contains(says), "missing {says:?} in:\n{out}");
    }
    let j = json_of(&root, &["agree", "alice", "bob", "carol", "--json"]);
    let d1 = j["worst"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["doc"] == "d1")
        .unwrap();
    assert_eq!((&d1["a"], &d1["b"]), (&json!("alice"), &json!("carol")));
    // The command it names finds the difference.
    let diff = stdout_of(annot_in(&root).args(["diff", "alice", "carol", "--doc", "d1"]));
    assert!(diff.contains("sent"), "{diff}");
    assert!(!diff.contains("agrees"), "{diff}");
}

#[test]
fn agree_token_section_names_its_sides_and_documents() {
    // hostile9 #5: the token section rested on the documents every side decided (2 here)
    // while a pair's span table rests on those both decided (3), and said neither.
    let (_tmp, root) = three_with_sent();
    let out = stdout_of(annot_in(&root).args(["agree", "alice", "bob", "carol"]));
    for says in [
        "  2 documents: those every side decided (alice, bob, carol)\n",
        "  entities, seqeval strict: bob against alice\n",
    ] {
        assert!(out.contains(says), "missing {says:?} in:\n{out}");
    }
    // (a footnote's reason may be longer: it is not a table row)
    assert!(
        out.lines()
            .all(|l| l.chars().count() <= 80 || l.starts_with("  [")),
        "{out}"
    );
    assert!(!out.contains("overlapping spans"), "{out}");
    let j = json_of(&root, &["agree", "alice", "bob", "carol", "--json"]);
    let t = &j["tokens"];
    assert_eq!(t["documents"], 2);
    assert_eq!(t["sides"], json!(["alice", "bob", "carol"]));
    assert_eq!(
        (&t["entities_a"], &t["entities_b"]),
        (&json!("alice"), &json!("bob"))
    );
    assert_eq!(t["overlaps_resolved"], json!([0, 0, 0]));
    assert_eq!(j["alpha_u"]["joined"], json!([0, 0, 0]));
    // bob against alice over d1..d3: 3 documents in the span table.
    assert_eq!(j["spans"]["pairs"][0]["exact"]["micro"]["reference"], 5);
    let two = stdout_of(annot_in(&root).args(["agree", "alice", "carol"]));
    assert!(
        two.contains("  2 documents: those every side decided (alice, carol)\n"),
        "{two}"
    );
}

#[test]
fn agree_says_how_many_overlapping_spans_each_side_had_resolved() {
    // hostile9 #4: token figures keep one span where a side's spans overlap and alpha-U
    // joins those of one label, and the report did not say so.
    let (_tmp, root) = sent_project(&[("d1", D1), ("d2", D2)]);
    write_log(
        &root,
        "a",
        &[
            // "Paris" inside "Paris et" (one label: joined for alpha-U, dropped for tokens)
            record_sent(&root, "d1", &[(0, 8, "LOC"), (0, 5, "LOC")], "pos"),
            // "Paul" (PER) inside "voit Paul" (ORG): dropped for tokens, not joined
            record_sent(&root, "d2", &[(6, 15, "ORG"), (11, 15, "PER")], "pos"),
        ],
    );
    write_log(
        &root,
        "b",
        &[
            record_sent(&root, "d1", &[(0, 5, "LOC")], "pos"),
            record_sent(&root, "d2", &[(11, 15, "PER")], "pos"),
        ],
    );
    let out = stdout_of(annot_in(&root).args(["agree", "a", "b"]));
    for says in [
        "  overlapping spans cut or dropped (a token takes one tag): a 2\n",
        "  overlapping spans of one label joined first: a 1\n",
        // the span table scores all four
        "exact micro                1.0000     0.5000     0.6667        4        2",
        "    P 0.0000 R 0.0000 F1 0.0000 (2 A, 2 B)",
    ] {
        assert!(out.contains(says), "missing {says:?} in:\n{out}");
    }
    let j = json_of(&root, &["agree", "a", "b", "--json"]);
    assert_eq!(j["tokens"]["overlaps_resolved"], json!([2, 0]));
    assert_eq!(j["alpha_u"]["joined"], json!([1, 0]));
    assert!(j["alpha_u"]["overall"]["value"]["defined"].is_number());
}

#[test]
fn agree_gates_name_one_label_or_one_value() {
    let (_tmp, root) = three_annotators();
    let j = json_of(&root, &["agree", "alice", "bob", "--json"]);
    let labels: Vec<String> = j["spans"]["exact"]["per_label"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let label = labels.first().expect("the fixture has span labels").clone();
    let topic = j["labels"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["layer"] == "topic")
        .unwrap();
    let value = topic["figures"]["per_value"]
        .as_object()
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .clone();
    let gates = format!(
        "f1:{label}=0,overlap_f1:{label}=0,entity_f1:{label}=0,alpha_u:{label}=-1,topic.alpha:{value}=-1"
    );
    let g = json_of(&root, &["agree", "alice", "bob", "--json", "--min", &gates]);
    let got = |i: usize| g["gates"][i]["value"].clone();
    assert_eq!(got(0), j["spans"]["exact"]["per_label"][&label]["f1"]);
    assert_eq!(got(1), j["spans"]["overlap"]["per_label"][&label]["f1"]);
    assert_eq!(got(2), j["tokens"]["entities"]["per_label"][&label]["f1"]);
    assert_eq!(
        got(3),
        j["alpha_u"]["per_label"][&label]["agreement"]["value"]
    );
    assert_eq!(got(4), topic["figures"]["per_value"][&value]["value"]);
    // With three sides a label's F1 is the mean over the pairs that have it.
    let j3 = json_of(&root, &["agree", "alice", "bob", "carol", "--json"]);
    let pairs: Vec<f64> = j3["spans"]["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|p| p["exact"]["per_label"][&label]["f1"]["defined"].as_f64())
        .collect();
    let g3 = json_of(
        &root,
        &[
            "agree",
            "alice",
            "bob",
            "carol",
            "--json",
            "--min",
            &format!("f1:{label}=0"),
        ],
    );
    let mean = g3["gates"][0]["value"]["defined"].as_f64().unwrap();
    assert!((mean - pairs.iter().sum::<f64>() / pairs.len() as f64).abs() < 1e-12);
    // A label the report does not have is named with the ones it has; a share below 0
    // is a typo.
    annot_in(&root)
        .args(["agree", "alice", "bob", "--min", "f1:NOPE=0.5"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(format!("f1:{label}")));
    annot_in(&root)
        .args([
            "agree",
            "alice",
            "bob",
            "--min",
            &format!("f1:{label}=-0.5"),
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("between 0 and 1"));
    annot_in(&root)
        .args(["agree", "alice", "bob", "--min", &format!("f1:{label}=1")])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(format!(
            "below --min: f1:{label} is"
        )));
}
