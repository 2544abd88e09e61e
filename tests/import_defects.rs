//! Issue 7, import side: data loss and silent corruption found by a hostile new user.

use std::fs;
use std::path::Path;
use std::process::Stdio;

use predicates::prelude::*;
use serde_json::Value;

use crate::common::{annot_in, empty_project, stdout_of};

fn status_documents(root: &Path) -> u64 {
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(root).args(["status", "--json"]))).unwrap();
    v["documents"].as_u64().unwrap()
}

/// `n` JSONL records with ids `<prefix>-<i>` and distinct texts.
fn jsonl_docs(path: &Path, prefix: &str, n: usize) {
    let lines: String = (0..n)
        .map(|i| {
            serde_json::json!({"id": format!("{prefix}-{i}"), "text": format!("Texte {i} du lot {prefix}, une phrase.")})
                .to_string()
                + "\n"
        })
        .collect();
    fs::write(path, lines).unwrap();
}

#[test]
fn concurrent_imports_both_land() {
    const ROUNDS: usize = 6;
    for round in 0..ROUNDS {
        let (tmp, root) = empty_project();
        let (a, b) = (tmp.path().join("a.jsonl"), tmp.path().join("b.jsonl"));
        jsonl_docs(&a, "a", 300);
        jsonl_docs(&b, "b", 300);
        let spawn = |input: &Path| {
            std::process::Command::new(env!("CARGO_BIN_EXE_annot"))
                .env_remove("ANNOT_PROJECT")
                .env("NO_COLOR", "1")
                .arg("--project")
                .arg(&root)
                .arg("import")
                .arg(input)
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (ca, cb) = (spawn(&a), spawn(&b));
        let (oa, ob) = (
            ca.wait_with_output().unwrap(),
            cb.wait_with_output().unwrap(),
        );
        assert!(
            oa.status.success(),
            "{}",
            String::from_utf8_lossy(&oa.stderr)
        );
        assert!(
            ob.status.success(),
            "{}",
            String::from_utf8_lossy(&ob.stderr)
        );
        assert_eq!(
            status_documents(&root),
            600,
            "round {round}: a document was lost"
        );
        let waited = [&oa.stderr, &ob.stderr]
            .iter()
            .map(|e| {
                String::from_utf8_lossy(e)
                    .matches("waiting for another import")
                    .count()
            })
            .sum::<usize>();
        assert!(waited <= 1, "said once at most");
    }
}

fn temp_files(root: &Path) -> Vec<std::path::PathBuf> {
    fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(".annot-tmp-")
        })
        .collect()
}

#[test]
fn killed_import_temp_files_are_removed_by_the_next_import() {
    let (tmp, root) = empty_project();
    // An import reading a pipe that never ends: its temporary file exists, then it is killed.
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_annot"))
        .env_remove("ANNOT_PROJECT")
        .arg("--project")
        .arg(&root)
        .args(["import", "--format", "jsonl", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while temp_files(&root).is_empty() {
        assert!(
            std::time::Instant::now() < deadline,
            "no temporary file appeared"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.kill().unwrap();
    child.wait().unwrap();
    let left = temp_files(&root);
    assert_eq!(left.len(), 1);

    // A temporary file that a running process holds is not touched.
    let live = root.join("corpus/.annot-tmp-live");
    let held = fs::File::create(&live).unwrap();
    held.lock().unwrap();

    let f = tmp.path().join("a.jsonl");
    jsonl_docs(&f, "a", 2);
    let out = annot_in(&root).arg("import").arg(&f).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let name = left[0].file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        stderr.contains(&name) && stderr.contains("interrupted"),
        "{stderr}"
    );
    assert!(!left[0].exists(), "abandoned temporary file removed");
    assert!(live.exists(), "a live temporary file is kept");
    assert_eq!(status_documents(&root), 2);
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

fn shown_text(root: &Path, id: &str) -> String {
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(root).args(["show", id, "--json"]))).unwrap();
    v["document"]["text"].as_str().unwrap().to_owned()
}

#[test]
fn utf16_with_a_bom_and_no_nul_bytes_is_decoded_not_mojibake() {
    let (tmp, root) = empty_project();
    // CJK only: no byte is 0, so nothing but the BOM says UTF-16.
    let text = "北京市今日天气晴朗。";
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    let (le, be) = (utf16(text, false), utf16("上海市明日有雨。", true));
    assert!(!le.contains(&0) && !be.contains(&0));
    fs::write(input.join("le.txt"), &le).unwrap();
    fs::write(input.join("be.txt"), &be).unwrap();
    let jsonl = utf16("{\"id\":\"j\",\"text\":\"Un texte en UTF-16.\"}\n", false);
    fs::write(input.join("records.jsonl"), jsonl).unwrap();
    let out = annot_in(&root).arg("import").arg(&input).assert().success();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(!stderr.contains("Windows-1252"), "{stderr}");
    assert_eq!(shown_text(&root, "le"), text);
    assert_eq!(shown_text(&root, "be"), "上海市明日有雨。");
    assert_eq!(shown_text(&root, "j"), "Un texte en UTF-16.");

    // A BOM whose content is not in its encoding is refused, by name.
    let mut odd = utf16("东京", false);
    odd.push(0x41);
    let bad = tmp.path().join("odd.txt");
    fs::write(&bad, odd).unwrap();
    let out = annot_in(&root).arg("import").arg(&bad).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        stderr.contains("odd.txt") && stderr.contains("UTF-16 LE byte order mark"),
        "{stderr}"
    );
    assert_eq!(status_documents(&root), 3);
}

#[test]
fn document_above_the_size_limit_is_refused_and_the_rest_imported() {
    let (tmp, root) = empty_project();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    // One line of 3 MiB: above the default limit of 2 MiB.
    let big = "Une phrase sans fin, ".repeat(150_000);
    fs::write(input.join("big.txt"), &big).unwrap();
    fs::write(
        input.join("small.txt"),
        "Titre\n\nUn article ordinaire, de taille ordinaire.\n",
    )
    .unwrap();
    let records = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "r1", "text": "Un petit texte."}),
        serde_json::json!({"id": "r2", "text": big.replace("Une", "Autre")})
    );
    fs::write(input.join("records.jsonl"), records).unwrap();
    let out = annot_in(&root).arg("import").arg(&input).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    let size = big.len().to_string();
    assert!(
        stderr.contains("big.txt: the text is") && stderr.contains(&size),
        "{stderr}"
    );
    assert!(stderr.contains("records.jsonl:2: the text is"), "{stderr}");
    assert!(stderr.contains("--max-doc-bytes"), "{stderr}");
    assert_eq!(status_documents(&root), 2, "small.txt and r1 land");

    annot_in(&root)
        .args(["import", "--max-doc-bytes", "4000000"])
        .arg(&input)
        .assert()
        .success();
    assert_eq!(status_documents(&root), 4);
    annot_in(&root)
        .args(["import", "--help"])
        .assert()
        .success()
        .stdout(
            predicates::str::contains("--max-doc-bytes").and(predicates::str::contains("2 MiB")),
        );
}

#[test]
fn csv_unterminated_quote_is_an_error_naming_the_line() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("rows.csv");
    fs::write(
        &f,
        "id,title,text\n1,Un,Premier texte.\n2,Deux,\"Texte qui ouvre un guillemet\n3,Trois,Texte trois.\n4,Quatre,Texte quatre.\n",
    )
    .unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "rows.csv:3: the quote opened on this line is never closed",
        ));
    assert_eq!(
        status_documents(&root),
        0,
        "nothing imported from that file"
    );
}

#[test]
fn csv_quote_closed_rows_later_is_an_error_naming_the_line() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("rows.csv");
    fs::write(
        &f,
        "id,title,text\n1,Un,\"Texte qui ouvre\n2,Deux,Texte deux.\n3,Trois,fin\" du texte\n4,Quatre,Texte quatre.\n",
    )
    .unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&f)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("rows.csv:2: the quoted field opened on this line")
                .and(predicate::str::contains("line 3")),
        );
    assert_eq!(
        status_documents(&root),
        0,
        "nothing imported from that file"
    );
}

#[test]
fn csv_paragraphs_in_quotes_still_import() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("rows.csv");
    let text = "Premier paragraphe, avec une virgule.\nSecond paragraphe, lui aussi.\n\nTroisième, « cité ».";
    fs::write(
        &f,
        format!("id,title,text\n1,Un,\"{text}\"\n2,Deux,\"Il a dit \"\"non\"\",\nhier, à Paris.\"\n3,Trois,Court.\n"),
    )
    .unwrap();
    annot_in(&root).arg("import").arg(&f).assert().success();
    assert_eq!(status_documents(&root), 3);
    assert_eq!(shown_text(&root, "1"), text);
    assert_eq!(shown_text(&root, "2"), "Il a dit \"non\",\nhier, à Paris.");
}

#[test]
fn annot_toml_that_is_a_directory_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    fs::create_dir_all(tmp.path().join("annot.toml")).unwrap();
    annot_in(tmp.path())
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a directory"));
    crate::common::annot()
        .current_dir(tmp.path())
        .arg("status")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("annot.toml: is a directory"));
}

#[test]
fn unknown_document_id_message_says_where_ids_are() {
    let (_tmp, root) = crate::common::jsonl_project(&[("d1", "Un texte.")]);
    annot_in(&root)
        .args(["show", "nope"])
        .assert()
        .code(2)
        .stderr(
            predicate::str::contains("no document 'nope'")
                .and(predicate::str::contains("corpus/*.jsonl"))
                .and(predicate::str::contains("lists what there is").not()),
        );
}

#[test]
fn jsonl_empty_text_names_the_line_and_the_field() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("docs.jsonl");
    fs::write(
        &f,
        "{\"id\":\"a\",\"text\":\"Un texte.\"}\n{\"id\":\"b\",\"text\":\"\"}\n",
    )
    .unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&f)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("docs.jsonl:2: the text (field 'text') is empty")
                .and(predicate::str::contains("the file is empty").not()),
        );
}

#[test]
fn jsonl_lone_surrogate_is_named_with_file_and_line() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("docs.jsonl");
    fs::write(
        &f,
        "{\"text\":\"Un texte.\"}\n{\"text\":\"bad \\ud800 here\"}\n",
    )
    .unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "docs.jsonl:2: the string escape \\ud800 is a lone UTF-16 surrogate, not valid Unicode",
        ));
}

#[cfg(unix)]
#[test]
fn fifo_named_on_the_command_line_is_refused_without_blocking() {
    let (tmp, root) = empty_project();
    let fifo = tmp.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    annot_in(&root)
        .arg("import")
        .arg(&fifo)
        .timeout(std::time::Duration::from_secs(20))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "pipe.txt: is a FIFO (named pipe), not a regular file",
        ));
}

#[test]
fn unusable_ids_are_refused_not_replaced_by_the_digest() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("docs.jsonl");
    let lines = [
        serde_json::json!({"id": "ok", "text": "Un texte correct."}),
        serde_json::json!({"id": "a\nb", "text": "Deuxième texte."}),
        serde_json::json!({"id": "../../etc/passwd", "text": "Troisième texte."}),
        serde_json::json!({"id": "", "text": "Quatrième texte."}),
        serde_json::json!({"id": {}, "text": "Cinquième texte."}),
        serde_json::json!({"id": "..", "text": "Sixième texte."}),
        serde_json::json!({"id": "x".repeat(300), "text": "Septième texte."}),
        serde_json::json!({"text": "Sans champ id."}),
    ];
    let body: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    fs::write(&f, body).unwrap();
    let out = annot_in(&root).arg("import").arg(&f).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    for (line, problem) in [
        (2, "holds a control character"),
        (3, "holds a '/'"),
        (4, "is empty"),
        (5, "is an object"),
        (6, "is '..'"),
        (7, "is 300 bytes long"),
    ] {
        let want = format!("docs.jsonl:{line}: the id (field 'id') {problem}");
        assert!(stderr.contains(&want), "{want} in {stderr}");
    }
    assert!(
        stderr.contains("1 read without an id field (their id is the text digest)"),
        "{stderr}"
    );
    assert_eq!(
        status_documents(&root),
        2,
        "'ok' and the record without an id"
    );
}

#[test]
fn empty_inputs_say_what_was_skipped_and_exit_1() {
    let (tmp, root) = empty_project();
    let empty_dir = tmp.path().join("empty");
    fs::create_dir_all(&empty_dir).unwrap();
    let other = tmp.path().join("other");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("notes.md"), "# notes").unwrap();
    fs::write(other.join("data.json"), "{}").unwrap();
    let jsonl = tmp.path().join("none.jsonl");
    fs::write(&jsonl, "\n\n").unwrap();
    for (input, said) in [
        (&empty_dir, "holds no .txt, .jsonl, .ndjson or .csv file"),
        (&other, "skipped: 1 .json, 1 .md"),
        (&jsonl, "none.jsonl: holds no record"),
    ] {
        annot_in(&root)
            .arg("import")
            .arg(input)
            .assert()
            .code(1)
            .stderr(
                predicate::str::contains(said).and(predicate::str::contains("nothing imported")),
            );
    }
    // A re-import where every document is already there is not an error.
    let f = tmp.path().join("a.jsonl");
    jsonl_docs(&f, "a", 2);
    annot_in(&root).arg("import").arg(&f).assert().success();
    annot_in(&root).arg("import").arg(&f).assert().success();
}

/// Issue 7 (smaller): a stale corpus index cache is rebuilt, never blamed on
/// the valid corpus file it disagrees with.
#[test]
fn stale_corpus_index_cache_is_rebuilt_not_blamed_on_the_file() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("docs.jsonl");
    jsonl_docs(&f, "doc", 3);
    annot_in(&root).arg("import").arg(&f).assert().success();
    let index_dir = root.join(".annot/index");
    let cache = fs::read_dir(&index_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "tsv"))
        .expect("an index cache");
    let original = fs::read_to_string(&cache).unwrap();

    // 1. Offsets swapped between two documents, stamp intact: reads find the wrong line.
    let mut lines: Vec<String> = original.lines().map(str::to_owned).collect();
    let d: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("D\t"))
        .collect();
    assert_eq!(d.len(), 3, "{original}");
    let fields = |l: &str| l.split('\t').map(str::to_owned).collect::<Vec<_>>();
    let (mut a, mut b) = (fields(&lines[d[0]]), fields(&lines[d[1]]));
    for k in [2, 3, 5] {
        std::mem::swap(&mut a[k], &mut b[k]);
    }
    lines[d[0]] = a.join("\t");
    lines[d[1]] = b.join("\t");
    fs::write(&cache, lines.join("\n") + "\n").unwrap();
    let id = a[1].clone();
    let shown: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["show", &id, "--json"]))).unwrap();
    assert_eq!(shown["document"]["id"], id.as_str());
    annot_in(&root).arg("check").assert().success();
    assert_eq!(
        fs::read_to_string(&cache).unwrap(),
        original,
        "the cache was rewritten from the file"
    );

    // 2. A cache that cannot describe the file (offsets past its end) is rebuilt at open.
    let broken = original.lines().map(|l| {
        if l.starts_with("D\t") {
            let mut f = fields(l);
            f[2] = "999999".into();
            f.join("\t")
        } else {
            l.to_owned()
        }
    });
    fs::write(&cache, broken.collect::<Vec<_>>().join("\n") + "\n").unwrap();
    annot_in(&root).arg("check").assert().success();
    assert_eq!(status_documents(&root), 3);
}
