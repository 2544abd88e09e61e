//! Issue 12: `annot import --format brat` and `--format conll`, end to end.
//!
//! The fixtures are written here for this project: astral characters, a
//! combining mark, CRLF line ends, overlapping and discontinuous spans,
//! repeated T lines, an empty `.ann`; IOB1 and BIOES CoNLL files, a tag that
//! breaks its scheme.

use std::fs;
use std::path::{Path, PathBuf};

use predicates::prelude::*;
use serde_json::{Value, json};

use crate::common::{
    annot_in, annotate_with_patterns, empty_project, overlap_project, sample_project, span_tuples,
    stdout_of,
};

/// The records of `annotator`'s log.
fn log(root: &Path, annotator: &str) -> Vec<Value> {
    fs::read_to_string(root.join("annotations").join(format!("{annotator}.jsonl")))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `(start, end, label, text)` of a record's spans.
fn spans(record: &Value) -> Vec<(u64, u64, String, String)> {
    span_tuples(&record["spans"])
}

fn span(start: u64, end: u64, label: &str, text: &str) -> (u64, u64, String, String) {
    (start, end, label.to_owned(), text.to_owned())
}

/// `annot import ARGS... FILE` in the project at `root`.
fn import(root: &Path, args: &[&str], file: &Path) -> assert_cmd::assert::Assert {
    annot_in(root).arg("import").args(args).arg(file).assert()
}

fn check_clean(root: &Path) {
    annot_in(root)
        .arg("check")
        .assert()
        .success()
        .stderr(predicate::str::contains("0 error(s), 0 warning(s)"));
}

/// A brat collection: a CRLF text with an emoji and a combining mark,
/// overlapping, discontinuous and repeated spans, attributes, a note,
/// relations; and a document whose `.ann` is empty.
fn brat_dir(tmp: &Path) -> PathBuf {
    let dir = tmp.join("brat");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("depeche.txt"),
        "Le PNUD 🎉 aide Se\u{301}te et Paris.\r\nMarie Curie vit à Lyon.\r\n",
    )
    .unwrap();
    fs::write(
        dir.join("depeche.ann"),
        "T1\tORG 3 7\tPNUD\n\
         T2\tLOC 15 20\tSe\u{301}te\n\
         T3\tLOC 24 29\tParis\n\
         T4\tPER 31 42\tMarie Curie\n\
         T5\tPER 31 36\tMarie\n\
         T6\tLOC 15 20;24 29\tSe\u{301}te Paris\n\
         T7\tLOC 15 16;27 29\tS is\n\
         T8\tORG 3 7\tPNUD\n\
         A1\tNegated T4\n\
         A2\tCertainty T1 High\n\
         #1\tAnnotatorNotes T1\tagence de l'ONU\n\
         R1\tWorks_for Arg1:T4 Arg2:T1\n\
         E1\tMove:T4 Dest:T3\n\
         *\tEquiv T2 T3\n",
    )
    .unwrap();
    fs::write(dir.join("vide.ann"), "").unwrap();
    fs::write(dir.join("vide.txt"), "Rien ne se passe.\n").unwrap();
    dir
}

#[test]
fn brat_collection_imports_checks_and_shows() {
    let (tmp, root) = overlap_project();
    let dir = brat_dir(tmp.path());
    annot_in(&root)
        .args(["import", "--format", "brat", "--as", "brat"])
        .arg(&dir)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "depeche.ann (document 'depeche'): line 6: T6 LOC 15 20;24 29 imported as its covering span [15, 29)",
        ))
        .stderr(predicate::str::contains(
            "1 T line(s) repeating another, imported once: T8 (line 8) repeats T1",
        ))
        .stderr(predicate::str::contains(
            "1 relation line(s) (R), 1 event line(s) (E), 1 equivalence line(s) (*) not yet \
             modelled by annot: kept as they are in the record's brat.unmodelled",
        ))
        .stderr(predicate::str::contains(
            "imported 2 document(s), 2 zone(s) from 2 file(s); 2 record(s) on 2 document(s) written (brat 2)",
        ));
    check_clean(&root);
    let records = log(&root, "brat");
    assert_eq!(records.len(), 2);
    let depeche = &records[0];
    assert_eq!(depeche["doc"], "depeche");
    // NFC joins e + U+0301: spans after it move one code point left; CRLF counts one.
    assert_eq!(
        spans(depeche),
        [
            span(3, 7, "ORG", "PNUD"),
            span(15, 19, "LOC", "Séte"),
            span(15, 28, "LOC", "Séte et Paris"),
            span(15, 28, "LOC", "Séte et Paris"),
            span(23, 28, "LOC", "Paris"),
            span(30, 35, "PER", "Marie"),
            span(30, 41, "PER", "Marie Curie"),
        ],
        "two discontinuous spans with one covering extent stay two"
    );
    assert_eq!(depeche["note"], "T1 ORG \"PNUD\": agence de l'ONU");
    let brat = &depeche["brat"];
    assert_eq!(brat["attributes"][0]["name"], "Negated");
    assert_eq!(brat["attributes"][0]["value"], Value::Null);
    assert_eq!(brat["attributes"][1]["value"], "High");
    assert_eq!(brat["attributes"][1]["span"]["text"], "PNUD");
    assert_eq!(
        brat["discontinuous"][1]["fragments"],
        serde_json::json!([[15, 16], [27, 29]])
    );
    assert_eq!(brat["unmodelled"][2], "*\tEquiv T2 T3");
    assert_eq!(records[1]["doc"], "vide");
    assert!(spans(&records[1]).is_empty(), "an empty .ann: no spans");

    let shown = stdout_of(annot_in(&root).args(["show", "depeche", "--annotator", "brat"]));
    assert!(
        shown.contains(
            "Le [PNUD]{ORG} 🎉 aide [[[Séte]{LOC} et [Paris]{LOC}]{LOC}]{LOC}.\n     │ [[Marie]{PER} Curie]{PER} vit à Lyon."
        ),
        "{shown}"
    );
    // Imported again: nothing new.
    annot_in(&root)
        .args(["import", "--format", "brat", "--as", "brat"])
        .arg(&dir)
        .assert()
        .stderr(predicate::str::contains("2 already in the log"));
}

#[test]
fn brat_files_named_one_by_one_and_offsets_counting_cr() {
    let (tmp, root) = empty_project();
    let dir = tmp.path();
    fs::write(dir.join("a.txt"), "Un\r\nMarie Curie vit.\r\n").unwrap();
    // Counted with the \r, as some converters do: Marie Curie is 4..15.
    fs::write(dir.join("a.ann"), "T1\tPER 4 15\tMarie Curie\n").unwrap();
    annot_in(&root)
        .args(["import", "--format", "brat", "--as", "brat"])
        .arg(dir.join("a.txt"))
        .arg(dir.join("a.ann"))
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "a.ann (document 'a'): T1 counted each \\r\\n line end as two characters (brat counts \
             one): their offsets were read that way, since only it gives their text",
        ))
        .stderr(predicate::str::contains("from 1 file(s)"));
    assert_eq!(
        spans(&log(&root, "brat")[0]),
        [span(3, 14, "PER", "Marie Curie")]
    );
    check_clean(&root);
}

#[test]
fn brat_bad_inputs_name_the_file_and_line() {
    let (tmp, root) = empty_project();
    let dir = tmp.path().join("bad");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("seul.ann"), "T1\tPER 0 4\tJean\n").unwrap();
    let seul = dir.join("seul.ann").display().to_string();
    annot_in(&root)
        .args(["import", "--format", "brat", "--as", "brat"])
        .arg(&dir)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{seul}: no seul.txt beside this .ann: brat keeps a document's text in the .txt of \
             the same name; put it there, or leave the .ann out"
        )));
    fs::remove_file(dir.join("seul.ann")).unwrap();

    fs::write(dir.join("d.txt"), "Jean vit à Paris.").unwrap();
    let ann = dir.join("d.ann");
    let ann_name = ann.display().to_string();
    let import = |extra: &[&str]| {
        let mut cmd = annot_in(&root);
        cmd.args(["import", "--format", "brat", "--as", "brat"])
            .args(extra)
            .arg(&ann);
        cmd.assert()
    };
    fs::write(&ann, "T1\tPER 0 4\tJean\nT2\tLOC 11 x\tParis\n").unwrap();
    import(&[]).code(1).stderr(predicate::str::contains(format!(
        "{ann_name}:2: T2: the offsets '11 x' are not START END with START < END (fragments \
         of a discontinuous span separated by ';')"
    )));
    fs::write(&ann, "T1\tPER 0 4\tJean\nT2\tLOC 11 40\tParis\n").unwrap();
    import(&[]).code(1).stderr(predicate::str::contains(
        "span LOC [11, 40) is outside the text (length 17)",
    ));
    fs::write(&ann, "T1\tPER 0 4\tJean\nT2\tLOC 11 16\tLyon\n").unwrap();
    import(&[]).code(1).stderr(predicate::str::contains(
        "span LOC [11, 16) says \"Lyon\" but the text there is \"Paris\"",
    ));
    fs::write(&ann, "T1\tPER 0 4\tJean\nT2\tLOC 0 4;11 16\tJean Paris\n").unwrap();
    import(&["--strict"])
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{ann_name}:2: T2 LOC 0 4;11 16 is discontinuous, and --strict refuses discontinuous \
             spans: import without --strict to take the span covering its fragments"
        )));
    import(&["--strict", "--skip-bad"])
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{ann_name}:2: T2 LOC 0 4;11 16 is discontinuous"
        )));
    assert_eq!(spans(&log(&root, "brat")[0]), [span(0, 4, "PER", "Jean")]);
    fs::write(&ann, "T1\tPER 0 4\tJean\nT2\tLOC 0 4;11 16\tJean Lyon\n").unwrap();
    import(&[]).code(1).stderr(predicate::str::contains(format!(
        "{ann_name}:2: T2 LOC 0 4;11 16 says \"Jean Lyon\" but the text of its fragments is \
         \"Jean Paris\""
    )));
}

/// A CoNLL-2003 file (four columns, IOB1, `-DOCSTART-`), tab- and
/// space-separated lines, an emoji token, no final newline.
const IOB1: &str = "-DOCSTART- -X- -X- O\n\
\n\
Le DET B-NP O\n\
PNUD PROPN I-NP I-ORG\n\
aide VERB B-VP O\n\
Paris PROPN B-NP I-LOC\n\
Londres PROPN I-NP B-LOC\n\
.\tPUNCT\tO\tO\n\
\n\
🎉 SYM O O\n\
Marie PROPN B-NP I-PER\n\
Curie PROPN I-NP I-PER\n\
\n\
-DOCSTART- -X- -X- O\n\
\n\
# id = brève\n\
Lyon PROPN B-NP I-LOC\n\
gagne VERB B-VP O";

#[test]
fn conll_iob1_imports_checks_and_shows() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("train.conll");
    fs::write(&file, IOB1).unwrap();
    annot_in(&root)
        .args(["import", "--format", "conll", "--as", "ner"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "imported 2 document(s), 2 zone(s) from 1 file(s); 2 record(s) on 2 document(s) written (ner 2)",
        ))
        .stderr(predicate::str::contains("warning").not());
    check_clean(&root);
    let records = log(&root, "ner");
    assert_eq!(records[0]["doc"], "train-1", "file stem and number");
    assert_eq!(records[1]["doc"], "brève", "the # id comment");
    assert_eq!(
        spans(&records[0]),
        [
            span(3, 7, "ORG", "PNUD"),
            span(13, 18, "LOC", "Paris"),
            span(19, 26, "LOC", "Londres"),
            span(31, 42, "PER", "Marie Curie"),
        ]
    );
    let shown = stdout_of(annot_in(&root).args(["show", "train-1", "--annotator", "ner"]));
    assert!(
        shown.contains(
            "Le [PNUD]{ORG} aide [Paris]{LOC} [Londres]{LOC} .\n     │ 🎉 [Marie Curie]{PER}"
        ),
        "{shown}"
    );
}

#[test]
fn conll_bioes_with_a_broken_scheme_is_reported_by_line() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("bioes.conll");
    let text = "Jean B-PER\nDupont E-PER\nvisite O\nSe\u{301}te S-LOC\n\nIl O\nvoit O\nParis E-LOC\nRome B-LOC\n\n\n";
    fs::write(&file, text).unwrap();
    let name = file.display().to_string();
    annot_in(&root)
        .args(["import", "--format", "conll", "--as", "ner"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{name}:8: E-LOC ends an entity that no B-LOC began; read as one beginning here"
        )))
        .stderr(predicate::str::contains(format!(
            "{name}:9: B-LOC is not ended by E-LOC (the sentence ends); the entity ends at its last token"
        )));
    assert_eq!(
        spans(&log(&root, "ner")[0]),
        [
            span(0, 11, "PER", "Jean Dupont"),
            span(19, 23, "LOC", "Séte"),
            span(32, 37, "LOC", "Paris"),
            span(38, 42, "LOC", "Rome"),
        ]
    );
    check_clean(&root);
    // Told as IOB2, the E- tags are not of the scheme.
    let iob2 = tmp.path().join("iob2.conll");
    fs::write(&iob2, "Le O\nPNUD I-ORG\n").unwrap();
    annot_in(&root)
        .args([
            "import", "--format", "conll", "--scheme", "iob2", "--as", "ner2",
        ])
        .arg(&iob2)
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "{}:2: I-ORG after O: in IOB2 an entity begins with B-; read as beginning one",
            iob2.display()
        )));
}

#[test]
fn conll_bad_inputs_name_the_line() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("bad.conll");
    let name = file.display().to_string();
    let import = |extra: &[&str]| {
        let mut cmd = annot_in(&root);
        cmd.args(["import", "--format", "conll", "--as", "ner"])
            .args(extra)
            .arg(&file);
        cmd.assert()
    };
    fs::write(&file, "Le O\nPNUD ORG\n").unwrap();
    import(&[]).code(1).stderr(predicate::str::contains(format!(
        "{name}:2: the tag 'ORG' is not O or a prefix B-, I-, E-, S-, L- or U- with a label \
         (e.g. B-PER); if the tag is not the last column, say which with --tag-column N"
    )));
    fs::write(&file, "Le DET O\nPNUD PROPN B-ORG\n").unwrap();
    import(&["--tag-column", "4"])
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{name}:1: has 3 column(s), no column 4 for the tag (--tag-column counts from 1)"
        )));
    import(&["--tag-column", "2"])
        .code(1)
        .stderr(predicate::str::contains(format!("{name}:1: the tag 'DET'")));
    annot_in(&root)
        .args(["import", "--scheme", "bioes"])
        .arg(&file)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "--scheme is for CoNLL files: add --format conll",
        ));
    // Aligning onto a project that lacks the text.
    fs::write(&file, "Le O\nPNUD B-ORG\n").unwrap();
    import(&["--align-to-corpus"])
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{name}:1: the project has no document to align onto; import the texts first, or \
             import without --align-to-corpus"
        )));
}

#[test]
fn conll_aligned_to_the_corpus_names_the_missing_token() {
    let (tmp, root) = empty_project();
    let docs = tmp.path().join("docs.jsonl");
    fs::write(
        &docs,
        "{\"id\":\"d1\",\"text\":\"Titre\\n\\nLe  PNUD aide\\nParis.\"}\n",
    )
    .unwrap();
    annot_in(&root).arg("import").arg(&docs).assert().success();
    let file = tmp.path().join("a.conll");
    fs::write(&file, "Le O\nPNUD B-ORG\naide O\nParis B-LOC\n. O\n").unwrap();
    import(
        &root,
        &["--format", "conll", "--align-to-corpus", "--as", "ner"],
        &file,
    )
    .success();
    assert_eq!(
        spans(&log(&root, "ner")[0]),
        [span(11, 15, "ORG", "PNUD"), span(21, 26, "LOC", "Paris")]
    );
    check_clean(&root);
    fs::write(&file, "# id = d1\nLe O\nPNUD B-ORG\nsoutient O\n").unwrap();
    import(
        &root,
        &["--format", "conll", "--align-to-corpus", "--as", "ner"],
        &file,
    )
    .code(1)
    .stderr(predicate::str::contains(format!(
        "{}:4: the token 'soutient' does not follow 'PNUD' (line 3) in the text of the \
             document: the tokens of a sentence must be one after another in the text (only \
             white space between them) (document 'd1')",
        file.display()
    )));
}

#[test]
fn conll_export_import_export_gives_the_same_bytes() {
    let (tmp, root) = sample_project();
    annotate_with_patterns(&root, "alice", "y\n\ny\n\ny\n\nq\n");
    let first = tmp.path().join("first");
    let second = tmp.path().join("second");
    for scheme in ["iob2", "bioes"] {
        annot_in(&root)
            .args([
                "export", "--from", "alice", "--format", "conll", "--scheme", scheme, "--out",
            ])
            .arg(&first)
            .assert()
            .success();
        let exported = first.join("all.conll");
        let again = format!("again-{scheme}");
        annot_in(&root)
            .args([
                "import",
                "--format",
                "conll",
                "--align-to-corpus",
                "--as",
                &again,
            ])
            .arg(&exported)
            .assert()
            .success()
            .stderr(predicate::str::contains(
                "3 record(s) on 3 document(s) written",
            ));
        annot_in(&root)
            .args([
                "export", "--from", &again, "--format", "conll", "--scheme", scheme, "--out",
            ])
            .arg(&second)
            .assert()
            .success();
        let (a, b) = (
            fs::read(&exported).unwrap(),
            fs::read(second.join("all.conll")).unwrap(),
        );
        assert!(a.len() > 1000, "{scheme}: a real export");
        assert!(
            a == b,
            "{scheme}: export -> import -> export changed the bytes"
        );
        fs::remove_dir_all(&first).unwrap();
        fs::remove_dir_all(&second).unwrap();
    }
    check_clean(&root);
}

#[test]
fn folders_take_the_files_of_their_format() {
    let (tmp, root) = empty_project();
    let brat = tmp.path().join("brat");
    fs::create_dir_all(&brat).unwrap();
    fs::write(brat.join("a.txt"), "Jean vit à Paris.").unwrap();
    fs::write(brat.join("a.ann"), "T1\tLOC 11 16\tParis\n").unwrap();
    fs::write(brat.join("seul.txt"), "Un texte sans annotation.").unwrap();
    fs::write(brat.join("annotation.conf"), "[entities]\nLOC\n").unwrap();
    import(&root, &["--format", "brat", "--as", "brat"], &brat)
        .success()
        .stderr(predicate::str::contains(format!(
            "{}: no seul.ann beside this .txt: imported as a document without annotations",
            brat.join("seul.txt").display()
        )))
        .stderr(predicate::str::contains(
            "imported 2 document(s), 2 zone(s) from 2 file(s); 1 record(s) on 1 document(s)",
        ));
    let conll = tmp.path().join("conll");
    fs::create_dir_all(&conll).unwrap();
    fs::write(conll.join("train.txt"), "Lyon B-LOC\ngagne O\n").unwrap();
    fs::write(conll.join("dev.conll"), "Rome B-LOC\nperd O\n").unwrap();
    fs::write(conll.join("README.md"), "# not a CoNLL file\n").unwrap();
    import(&root, &["--format", "conll", "--as", "ner"], &conll)
        .success()
        .stderr(predicate::str::contains(
            "2 record(s) on 2 document(s) written (ner 2)",
        ));
    let docs: Vec<_> = log(&root, "ner").iter().map(|r| r["doc"].clone()).collect();
    assert_eq!(docs, ["dev-1", "train-1"]);
    check_clean(&root);
}

/// The documents of `root`'s corpus: `(id, text)`, in the project's order.
fn corpus_docs(root: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|f| {
            fs::read_to_string(f)
                .unwrap()
                .lines()
                .map(|l| {
                    let v: Value = serde_json::from_str(l).unwrap();
                    (
                        v["id"].as_str().unwrap().to_owned(),
                        v["text"].as_str().unwrap().to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

/// hostile7 #7, #39: each `# id =` after tokens starts a document, as
/// `# newdoc` and `-DOCSTART-` in any case do; an invalid id names its
/// comment's line; a comment that looks like an id but is not read is said.
#[test]
fn conll_document_separators() {
    let (tmp, root) = empty_project();
    let file = tmp.path().join("c3.conll");
    fs::write(
        &file,
        "Paris\tB-LOC\n\n# id = good1\nOslo\tB-LOC\n\n# id = a/b\nLima\tB-LOC\n",
    )
    .unwrap();
    import(&root, &["--format", "conll", "--as", "ner"], &file)
        .failure()
        .stderr(predicate::str::contains(
            "c3.conll:6: the document id 'a/b' holds a '/'",
        ));
    let ds = tmp.path().join("ds.conll");
    fs::write(
        &ds,
        "-docstart- -X- O\n\nParis\tB-LOC\n\n# newdoc\nRome\tB-LOC\n\n# id = x1\nOslo\tB-LOC\n\n\
         # id: x2\nLima\tB-LOC\n\n-DOCSTART-(x3)\nRiga\tB-LOC\n",
    )
    .unwrap();
    import(&root, &["--format", "conll", "--as", "n"], &ds)
        .success()
        .stderr(predicate::str::contains(
            "ds.conll:1: '-docstart-' read as -DOCSTART-: a new document starts here",
        ))
        .stderr(predicate::str::contains(
            "ds.conll:11: '# id: x2' looks like a document id but is not read as one",
        ));
    assert_eq!(
        corpus_docs(&root),
        [
            ("ds-1".into(), "Paris".into()),
            ("ds-2".into(), "Rome".into()),
            ("x1".into(), "Oslo\nLima".into()),
            ("x3".into(), "Riga".into()),
        ]
    );
}

/// hostile7 #12, #29: `--align-to-corpus` finds a sentence's tokens one
/// after another (never a word of a boilerplate line, then the rest later),
/// and takes the document the tokens cover whole; several that hold them
/// and none whole is ambiguous.
#[test]
fn conll_alignment_is_consecutive_and_never_the_first_of_several() {
    let (tmp, root) = empty_project();
    let texts = tmp.path().join("t.jsonl");
    let body = "Lire aussi : Le plan en débat au conseil communautaire\n\nLe conseil municipal devrait voter.";
    fs::write(
        &texts,
        [
            json!({"id": "d1", "text": "Paris est belle. Lyon aussi."}),
            json!({"id": "d2", "text": "Paris est belle."}),
            json!({"id": "d3", "text": body}),
            json!({"id": "d4", "text": "Nice est loin. Oui."}),
            json!({"id": "d5", "text": "Nice est loin. Non."}),
        ]
        .iter()
        .map(|v| format!("{v}\n"))
        .collect::<String>(),
    )
    .unwrap();
    annot_in(&root).arg("import").arg(&texts).assert().success();
    let conll = tmp.path().join("e.conll");
    fs::write(
        &conll,
        "-DOCSTART- -X- O\n\nParis\tB-LOC\nest\tO\nbelle\tO\n.\tO\n\n\
         -DOCSTART- -X- O\n\nLe\tO\nconseil\tB-ORG\nmunicipal\tI-ORG\ndevrait\tO\nvoter\tO\n.\tO\n",
    )
    .unwrap();
    import(
        &root,
        &["--format", "conll", "--align-to-corpus", "--as", "g"],
        &conll,
    )
    .success();
    let records = log(&root, "g");
    let by_doc: Vec<(&str, Vec<_>)> = records
        .iter()
        .map(|r| (r["doc"].as_str().unwrap(), spans(r)))
        .collect();
    let s = (body.chars().count() - "conseil municipal devrait voter.".chars().count()) as u64;
    assert_eq!(
        by_doc,
        [
            ("d2", vec![span(0, 5, "LOC", "Paris")]),
            ("d3", vec![span(s, s + 17, "ORG", "conseil municipal")]),
        ]
    );
    check_clean(&root);
    let nice = tmp.path().join("n.conll");
    fs::write(&nice, "Nice\tB-LOC\nest\tO\nloin\tO\n.\tO\n").unwrap();
    import(
        &root,
        &["--format", "conll", "--align-to-corpus", "--as", "h"],
        &nice,
    )
    .failure()
    .stderr(predicate::str::contains(
        "n.conll:1: the tokens of this document are in 2 documents of the project ('d4', 'd5'): say which",
    ));
}

/// hostile7 #30: a T id used twice for different spans is refused with its
/// lines; a discontinuous span covering a continuous one of its label is
/// that span, imported once and said.
#[test]
fn brat_ids_used_twice_and_discontinuous_equal_to_continuous() {
    let (tmp, root) = overlap_project();
    let dir = tmp.path().join("b4");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("k1.txt"), "Nice et Lyon sont loin.\n").unwrap();
    fs::write(
        dir.join("k1.ann"),
        "T1\tLOC 0 4\tNice\nT1\tLOC 8 12\tLyon\n",
    )
    .unwrap();
    import(&root, &["--format", "brat", "--as", "b"], &dir)
        .failure()
        .stderr(predicate::str::contains(
            "k1.ann:2: T1 is used twice, here and on line 1 for another span",
        ));
    fs::write(
        dir.join("k1.ann"),
        "T1\tLOC 0 4\tNice\nT3\tLOC 8 12\tLyon\nT2\tLOC 0 2;2 4\tNi ce\n",
    )
    .unwrap();
    import(&root, &["--format", "brat", "--as", "b"], &dir)
        .success()
        .stderr(predicate::str::contains(
            "line 3: T2 LOC 0 2;2 4 covers the same text as T1 (line 1): imported once",
        ));
    assert_eq!(
        spans(&log(&root, "b")[0]),
        [span(0, 4, "LOC", "Nice"), span(8, 12, "LOC", "Lyon")]
    );
}

/// hostile7 #18, #8: every bad span of a brat document is named with its
/// line and T id; what a refused import would convert is not said done.
#[test]
fn brat_errors_name_every_bad_line_and_t_id() {
    let (tmp, root) = overlap_project();
    let dir = tmp.path().join("b3");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("n2.txt"),
        "Le président et vice-président Biden parle.\n",
    )
    .unwrap();
    fs::write(
        dir.join("n2.ann"),
        "T1\tPER 0 2;31 36\tLe Biden\nT3\tPER 0 36\tall\nT4\tLOC 37 99\tx\n",
    )
    .unwrap();
    let out = import(&root, &["--format", "brat", "--as", "b"], &dir).failure();
    let err = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(
        err.contains("(document 'n2'): line 2: T3: span PER [0, 36) says \"all\""),
        "{err}"
    );
    assert!(
        err.contains("(document 'n2'): line 3: T4: span LOC [37, 99) is outside the text"),
        "{err}"
    );
    assert!(
        err.contains("would be converted (nothing is imported): 1 discontinuous spans"),
        "{err}"
    );
    assert!(!err.contains("\nconverted: "), "{err}");
}
