//! init, import, status and show on the sample corpus, and every bad input.

use std::fs;

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{annot, annot_in, empty_project, sample_corpus, sample_project, stdout_of};

#[test]
fn init_creates_the_layout_and_is_idempotent() {
    let (_tmp, root) = empty_project();
    for p in ["annot.toml", "schemas/news.json", "corpus", "annotations"] {
        assert!(root.join(p).exists(), "{p} missing");
    }
    annot()
        .arg("init")
        .arg(&root)
        .assert()
        .success()
        .stderr(predicate::str::contains("already an annot project"));
}

#[test]
fn outside_a_project_says_how_to_make_one() {
    let tmp = tempfile::tempdir().unwrap();
    annot()
        .current_dir(tmp.path())
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("annot init"));
    annot_in(tmp.path())
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not an annot project"));
}

#[test]
fn project_is_found_from_a_subdirectory() {
    let (_tmp, root) = sample_project();
    let out = stdout_of(
        annot()
            .current_dir(root.join("annotations"))
            .args(["status", "--json"]),
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["documents"], 14, "the 14 sample articles");
}

#[test]
fn import_sample_corpus_then_reimport_is_a_no_op() {
    let (_tmp, root) = empty_project();
    let first = annot_in(&root)
        .arg("import")
        .arg(sample_corpus())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&first.get_output().stderr).into_owned();
    assert!(
        stderr.contains("Windows-1252"),
        "cp1252 warning expected: {stderr}"
    );
    let corpus_files = || fs::read_dir(root.join("corpus")).unwrap().count();
    let before = corpus_files();
    let status = stdout_of(annot_in(&root).args(["status", "--json"]));
    let v: Value = serde_json::from_str(&status).unwrap();
    assert_eq!(v["documents"], 14, "the 14 sample articles");

    let again = annot_in(&root)
        .arg("import")
        .arg(sample_corpus())
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&again.get_output().stderr).into_owned();
    assert!(stderr.contains("already in the project"), "{stderr}");
    assert_eq!(
        corpus_files(),
        before,
        "re-import writes no new corpus file"
    );
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(v["documents"], 14);
}

#[test]
fn imported_documents_keep_offsets_python_style() {
    let (_tmp, root) = sample_project();
    for entry in fs::read_dir(root.join("corpus")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let doc: Value = serde_json::from_str(line).unwrap();
            let t: Vec<char> = doc["text"].as_str().unwrap().chars().collect();
            assert!(!doc["text"].as_str().unwrap().contains('\r'));
            assert!(!doc["text"].as_str().unwrap().starts_with('\u{feff}'));
            for z in doc["zones"].as_array().unwrap() {
                let (s, e) = (
                    z["start"].as_u64().unwrap() as usize,
                    z["end"].as_u64().unwrap() as usize,
                );
                assert!(s < e && e <= t.len(), "{z} in {}", doc["id"]);
                assert!(
                    !t[s].is_whitespace() && !t[e - 1].is_whitespace(),
                    "zone {z} trimmed"
                );
            }
        }
    }
}

#[test]
fn show_plain_and_json() {
    let (_tmp, root) = sample_project();
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(v["schema"], "news@1");
    let corpus = fs::read_dir(root.join("corpus"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let first: Value =
        serde_json::from_str(fs::read_to_string(corpus).unwrap().lines().next().unwrap()).unwrap();
    let id = first["id"].as_str().unwrap();
    let plain = stdout_of(annot_in(&root).args(["show", id]));
    assert!(plain.contains(id));
    assert!(plain.contains("body"));
    assert!(!plain.contains('\u{1b}'), "no colour when not a terminal");
    let json: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["show", id, "--json"]))).unwrap();
    assert_eq!(json["document"]["id"], id);
    annot_in(&root)
        .args(["show", "no-such-doc"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no document 'no-such-doc'"));
}

#[test]
fn show_takes_a_unique_id_prefix_and_names_an_ambiguous_one() {
    let (_tmp, root) = sample_project();
    let json: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["show", "09_", "--json"]))).unwrap();
    assert_eq!(json["document"]["id"], "09_en-ledger-andes-landslide");
    annot_in(&root)
        .args(["show", "0"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "'0' starts several ids: 01_fr-levant-eau-kfar-selwan,",
        ));
}

#[test]
fn status_table_before_and_after_annotators() {
    let (_tmp, root) = sample_project();
    let out = stdout_of(annot_in(&root).arg("status"));
    assert!(out.contains("documents"));
    assert!(out.contains("none yet"));
}

#[test]
fn bad_inputs_are_reported_per_file_and_the_rest_imported() {
    let (tmp, root) = empty_project();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("a_good.txt"), "Titre de l'article\n\nUn paragraphe assez long pour être le corps de l'article, avec une phrase complète.\n").unwrap();
    fs::write(input.join("b_empty.txt"), "  \n\u{a0}\n").unwrap();
    fs::write(input.join("c_binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    let out = annot_in(&root)
        .arg("import")
        .arg(&input)
        .arg(tmp.path().join("missing.txt"))
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("b_empty.txt") && stderr.contains("empty"),
        "{stderr}"
    );
    assert!(
        stderr.contains("c_binary.txt") && stderr.contains("binary"),
        "{stderr}"
    );
    assert!(stderr.contains("missing.txt"), "{stderr}");
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(v["documents"], 1);
}

#[test]
fn strict_refuses_windows_1252() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("latin.txt");
    fs::write(
        &f,
        b"Caf\xe9 cr\xe8me et \x93guillemets\x94, un paragraphe complet.\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--strict"])
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("latin.txt").and(predicate::str::contains("UTF-8")));
    annot_in(&root)
        .arg("import")
        .arg(&f)
        .assert()
        .success()
        .stderr(predicate::str::contains("Windows-1252"));
}

#[test]
fn jsonl_csv_and_stdin_imports() {
    let (tmp, root) = empty_project();
    let jsonl = tmp.path().join("docs.jsonl");
    fs::write(&jsonl, "{\"uid\":\"j1\",\"body\":\"Première dépêche.\",\"url\":\"http://x\"}\n{\"uid\":\"j2\",\"body\":\"Second item.\"}\n").unwrap();
    annot_in(&root)
        .args(["import", "--text-field", "body", "--id-field", "uid"])
        .arg(&jsonl)
        .assert()
        .success();
    let csv = tmp.path().join("rows.csv");
    fs::write(
        &csv,
        "id,text,source\nc1,\"Texte, avec virgule.\",feed\nc2,Another row.,feed\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--text-column", "text", "--id-column", "id"])
        .arg(&csv)
        .assert()
        .success();
    annot_in(&root)
        .args(["import", "--format", "jsonl", "-"])
        .write_stdin("{\"text\":\"From stdin.\"}\n")
        .assert()
        .success();
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(v["documents"], 5);
    let shown: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["show", "j1", "--json"]))).unwrap();
    assert_eq!(shown["document"]["meta"]["url"], "http://x");
    assert_eq!(shown["document"]["text"], "Première dépêche.");
}

#[test]
fn bad_jsonl_line_is_named() {
    let (tmp, root) = empty_project();
    let jsonl = tmp.path().join("bad.jsonl");
    fs::write(&jsonl, "{\"text\":\"ok\"}\n{not json\n{\"other\":1}\n").unwrap();
    let out = annot_in(&root).arg("import").arg(&jsonl).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(stderr.contains("bad.jsonl:2"), "{stderr}");
    assert!(stderr.contains("bad.jsonl:3"), "{stderr}");
}

#[test]
fn changed_text_needs_update_and_keeps_the_old_version() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("a.jsonl");
    fs::write(
        &f,
        "{\"id\":\"d1\",\"text\":\"Boukamal est tombée dimanche.\"}\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--id-field", "id"])
        .arg(&f)
        .assert()
        .success();
    fs::write(
        &f,
        "{\"id\":\"d1\",\"text\":\"Selon l'AFP, Boukamal est tombée dimanche.\"}\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--id-field", "id"])
        .arg(&f)
        .assert()
        // The changed text was left out: an error, saying what to do.
        .code(1)
        .stderr(predicate::str::contains("--update"));
    annot_in(&root)
        .args(["import", "--update", "--id-field", "id"])
        .arg(&f)
        .assert()
        .success()
        .stderr(predicate::str::contains("new version"));
    let shown: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["show", "d1", "--json"]))).unwrap();
    assert!(
        shown["document"]["text"]
            .as_str()
            .unwrap()
            .starts_with("Selon")
    );
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(v["documents"], 1);
}

/// Files annot creates follow the user's umask (0644 under 022), so a team
/// can share a project directory or a clone.
#[test]
fn created_files_follow_the_umask() {
    use std::os::unix::fs::PermissionsExt as _;
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    let docs = tmp.path().join("d.jsonl");
    fs::write(&docs, "{\"id\":\"a\",\"text\":\"Un texte .\"}\n").unwrap();
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 022 && '{bin}' init '{root}' && '{bin}' --project '{root}' import '{docs}'",
            bin = env!("CARGO_BIN_EXE_annot"),
            root = root.display(),
            docs = docs.display()
        ))
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let mut files = vec![root.join("annot.toml"), root.join("schemas/news.json")];
    for dir in ["corpus", ".annot/index"] {
        for e in fs::read_dir(root.join(dir)).unwrap() {
            let p = e.unwrap().path();
            if p.is_file() && !p.to_string_lossy().ends_with(".lock") {
                files.push(p);
            }
        }
    }
    assert!(files.len() >= 4, "{files:?}");
    for f in files {
        let mode = fs::metadata(&f).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{}", f.display());
    }
}

/// The status table names the project directory when it is the current one.
#[test]
fn status_names_the_project_from_inside_it() {
    let (_tmp, root) = empty_project();
    let out = stdout_of(annot().current_dir(&root).arg("status"));
    assert!(out.starts_with("project    .\n"), "{out}");
}

/// `status --docs` lists documents with each annotator's state, and takes a filter.
#[test]
fn status_docs_lists_documents_with_each_annotators_state() {
    let (_tmp, root) = sample_project();
    annot_in(&root)
        .args(["annotate", "--annotator", "alice"])
        .write_stdin("Kfar LOC\na\nx\nq\n")
        .assert()
        .success();
    let out = stdout_of(annot_in(&root).args(["status", "--docs"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines[0].starts_with("id ") && lines[0].ends_with("alice"),
        "{out}"
    );
    assert_eq!(lines.len(), 16, "header, 14 documents, count: {out}");
    assert!(lines.iter().all(|l| l.chars().count() <= 80), "{out}");
    assert!(
        lines[1].ends_with("accepted") && lines[2].ends_with("rejected"),
        "{out}"
    );
    assert!(lines[3].ends_with("to do"), "{out}");
    let v: Value = serde_json::from_str(&stdout_of(annot_in(&root).args([
        "status",
        "--docs",
        "--json",
        "--filter",
        "status=rejected",
    ])))
    .unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{v}");
    assert_eq!(rows[0]["states"]["alice"], "rejected");
    assert!(rows[0]["title"].is_string());
    // A value no document has is an error naming the values there are, as in annotate.
    annot_in(&root)
        .args(["status", "--docs", "--filter", "lang=EN"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no document has lang=EN; the values there are: fr (8), en (6)",
        ));
}
