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
        stderr.contains("1 read without an id field (their id is the text digest; "),
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
        .find(|p| p.extension().is_some_and(|e| e == "idx"))
        .expect("an index cache");
    let original = fs::read(&cache).unwrap();
    // The records of the binary index: 40 bytes each after a 64-byte header,
    // starting with the line's offset (8), length (4) and line number (4).
    let record = |i: usize| 64 + 40 * i;

    // 1. Offsets swapped between two documents, stamp intact: reads find the wrong line.
    let mut swapped = original.clone();
    for k in 0..16 {
        swapped.swap(record(0) + k, record(1) + k);
    }
    fs::write(&cache, &swapped).unwrap();
    // Document 0's record now points at the line of document 1.
    let shown: Value = serde_json::from_str(&stdout_of(
        annot_in(&root).args(["show", "doc-0", "--json"]),
    ))
    .unwrap();
    assert_eq!(shown["document"]["id"], "doc-0");
    annot_in(&root).arg("check").assert().success();
    assert!(
        fs::read(&cache).unwrap() == original,
        "the cache was rewritten from the file"
    );

    // 2. A cache that cannot describe the file (offsets past its end) is rebuilt at open.
    let mut broken = original.clone();
    for i in 0..3 {
        broken[record(i)..record(i) + 8].copy_from_slice(&999_999u64.to_le_bytes());
    }
    fs::write(&cache, &broken).unwrap();
    annot_in(&root).arg("check").assert().success();
    assert_eq!(status_documents(&root), 3);
    assert!(fs::read(&cache).unwrap() == original, "rebuilt");
}

/// A project indexed by an earlier version (text caches, `.annot/index/*.tsv`)
/// opens as it is: the old cache is read into the new index and removed.
#[test]
fn an_old_text_index_cache_is_converted_silently() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("docs.jsonl");
    jsonl_docs(&f, "doc", 3);
    annot_in(&root).arg("import").arg(&f).assert().success();
    let index_dir = root.join(".annot/index");
    let corpus_file = fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "jsonl"))
        .unwrap();
    let name = corpus_file
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let md = fs::metadata(&corpus_file).unwrap();
    let mtime = md
        .modified()
        .unwrap()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos();
    // The v2 text cache an earlier annot wrote, built from the file's lines.
    let text = fs::read_to_string(&corpus_file).unwrap();
    let mut old = format!(
        "# annot corpus file index v2\nF\t{name}\t{}\t{mtime}\n",
        md.len()
    );
    let mut offset = 0;
    for (i, line) in text.lines().enumerate() {
        let doc: Value = serde_json::from_str(line).unwrap();
        old.push_str(&format!(
            "D\t{}\t{offset}\t{}\t{}\t{}\n",
            doc["id"].as_str().unwrap(),
            line.len(),
            doc["hash"].as_str().unwrap(),
            i + 1
        ));
        offset += line.len() + 1;
    }
    let new_cache = index_dir.join(format!("{name}.idx"));
    let expected = fs::read(&new_cache).unwrap();
    fs::remove_file(&new_cache).unwrap();
    let old_cache = index_dir.join(format!("{name}.tsv"));
    fs::write(&old_cache, old).unwrap();
    let out = annot_in(&root).args(["show", "doc-2"]).assert().success();
    assert!(stderr_of(&out).is_empty(), "{}", stderr_of(&out));
    assert!(!old_cache.exists(), "the old cache is removed");
    assert!(
        fs::read(&new_cache).unwrap() == expected,
        "converted to the same index a scan makes"
    );
    assert_eq!(status_documents(&root), 3);
}

fn stderr_of(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).into_owned()
}

#[test]
fn csv_doubled_quote_in_a_field_that_swallows_rows_is_an_error_naming_the_line() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("cl5.csv");
    fs::write(
        &f,
        "id,text\na,\"hello \"\"x\"\" world\nb,second row\nc,third\"\n",
    )
    .unwrap();
    let out = annot_in(&root).arg("import").arg(&f).assert().code(1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("cl5.csv:2: the quoted field opened on this line runs on over line 3"),
        "{stderr}"
    );
    assert!(stderr.contains("looks like a row of its own"), "{stderr}");
    assert_eq!(
        status_documents(&root),
        0,
        "nothing imported from that file"
    );
}

#[test]
fn csv_multi_line_prose_with_one_comma_on_a_line_imports() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("prose.csv");
    let text = "Para one.\nSo, we went home.\nThe end.";
    fs::write(&f, format!("id,text\na,\"{text}\"\nb,Second.\n")).unwrap();
    annot_in(&root).arg("import").arg(&f).assert().success();
    assert_eq!(shown_text(&root, "a"), text);

    // A line that is a row by every measure needs --csv-multiline to stay in the text.
    let g = tmp.path().join("rows.csv");
    let text = "Liste :\nd-2,deuxième\nfin.";
    fs::write(&g, format!("id,text\nd-1,\"{text}\"\nd-3,Trois.\n")).unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&g)
        .assert()
        .code(1)
        .stderr(
            predicate::str::contains("rows.csv:2:")
                .and(predicate::str::contains("--csv-multiline")),
        );
    annot_in(&root)
        .args(["import", "--csv-multiline"])
        .arg(&g)
        .assert()
        .success();
    assert_eq!(shown_text(&root, "d-1"), text);
    // An unterminated quote stays an error with it.
    let h = tmp.path().join("open.csv");
    fs::write(&h, "id,text\nx-1,\"ouvert\nx-2,deux\n").unwrap();
    annot_in(&root)
        .args(["import", "--csv-multiline"])
        .arg(&h)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "open.csv:2: the quote opened on this line is never closed",
        ));
    annot_in(&root)
        .args(["import", "--help"])
        .assert()
        .success()
        .stdout(predicate::str::contains("--csv-multiline"));
}

#[test]
fn utf16_le_bom_before_utf8_text_is_refused_not_read_as_cjk() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("bb.txt");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Bonjour à tous, ceci est de l'UTF-8.\n".as_bytes());
    fs::write(&f, bytes).unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&f)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "bb.txt: starts with a UTF-16 LE byte-order mark, but what follows reads as UTF-8: \
             remove the first 2 bytes, or save the file as UTF-16 again",
        ));
    assert_eq!(status_documents(&root), 0);
}

#[test]
fn input_left_out_because_its_id_is_taken_by_another_text_exits_1() {
    let (tmp, root) = empty_project();
    // Twice the id in one file: the second line is not imported, and that is an error.
    let dup = tmp.path().join("dup.jsonl");
    fs::write(
        &dup,
        "{\"id\":\"x\",\"text\":\"Alpha à Paris.\"}\n{\"id\":\"x\",\"text\":\"Beta à Lyon.\"}\n",
    )
    .unwrap();
    let out = annot_in(&root).arg("import").arg(&dup).assert().code(1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("dup.jsonl:2: id 'x' is taken by another text earlier in this import (")
            && stderr.contains("different id"),
        "{stderr}"
    );
    assert_eq!(status_documents(&root), 1);

    // A changed article without --update: exit 1, and the message says --update.
    let changed = tmp.path().join("changed.jsonl");
    fs::write(
        &changed,
        "{\"id\":\"x\",\"text\":\"Alpha à Paris, corrigé.\"}\n",
    )
    .unwrap();
    let out = annot_in(&root).arg("import").arg(&changed).assert().code(1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("document 'x' is already in the project with another text")
            && stderr.contains("--update")
            && stderr.contains("different id"),
        "{stderr}"
    );
    assert!(!stderr.contains("the input holds no document"), "{stderr}");
    annot_in(&root)
        .args(["import", "--update"])
        .arg(&changed)
        .assert()
        .success();

    // The same text under another id stays a warning (deduplication), naming the id.
    let same = tmp.path().join("same.jsonl");
    fs::write(
        &same,
        "{\"id\":\"y\",\"text\":\"Alpha à Paris, corrigé.\"}\n",
    )
    .unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&same)
        .assert()
        .success()
        .stderr(predicate::str::contains("same text as document 'x'"));
    // Everything already there: exit 0.
    annot_in(&root)
        .arg("import")
        .arg(&changed)
        .assert()
        .success();
}

#[test]
fn ids_with_line_separators_or_outer_white_space_are_refused_not_trimmed() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("ids.jsonl");
    let lines = [
        serde_json::json!({"id": "\u{2028}ls", "text": "Premier texte."}),
        serde_json::json!({"id": "p\u{2029}s", "text": "Deuxième texte."}),
        serde_json::json!({"id": "n\u{85}el", "text": "Troisième texte."}),
        serde_json::json!({"id": " lead", "text": "Quatrième texte."}),
        serde_json::json!({"id": "trail\t", "text": "Cinquième texte."}),
        serde_json::json!({"id": "ok", "text": "Sixième texte."}),
    ];
    let body: String = lines.iter().map(|l| l.to_string() + "\n").collect();
    fs::write(&f, body).unwrap();
    let out = annot_in(&root).arg("import").arg(&f).assert().code(1);
    let stderr = stderr_of(&out);
    for (line, problem) in [
        (1, "line or paragraph separator"),
        (2, "line or paragraph separator"),
        (3, "control character"),
        (4, "starts or ends with white space"),
        (5, "control character"),
    ] {
        let want = format!("ids.jsonl:{line}: the id (field 'id') ");
        let at = stderr
            .find(&want)
            .unwrap_or_else(|| panic!("{want} in {stderr}"));
        let rest = &stderr[at..];
        let end = rest.find('\n').unwrap_or(rest.len());
        assert!(
            rest[..end].contains(problem),
            "{problem} in {}",
            &rest[..end]
        );
    }
    assert_eq!(status_documents(&root), 1);
    annot_in(&root).args(["show", "ls"]).assert().code(2);

    let csv = tmp.path().join("ids.csv");
    fs::write(&csv, "id,text\n lead,Un texte de plus.\n").unwrap();
    annot_in(&root)
        .arg("import")
        .arg(&csv)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "ids.csv:2: the id (column 'id') starts or ends with white space",
        ));
}

#[cfg(unix)]
#[test]
fn text_file_name_with_a_control_character_says_rename_the_file() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("a\u{1}b.txt");
    fs::write(&f, "Titre\n\nUn texte.\n").unwrap();
    let out = annot_in(&root).arg("import").arg(&f).assert().code(1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("the id (the file name without its extension) holds a control character")
            && stderr.contains("rename the file"),
        "{stderr}"
    );
    assert!(!stderr.contains("leave the field out"), "{stderr}");
}

#[test]
fn max_doc_bytes_0_is_an_argument_error_and_small_limits_do_not_claim_gigabytes() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("a.txt");
    fs::write(
        &f,
        "Titre\n\nUn texte de soixante-sept octets, ou à peu près.\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--max-doc-bytes", "0"])
        .arg(&f)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--max-doc-bytes"));
    let out = annot_in(&root)
        .args(["import", "--max-doc-bytes", "20"])
        .arg(&f)
        .assert()
        .code(1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("above the limit of 20 bytes") && stderr.contains("--max-doc-bytes"),
        "{stderr}"
    );
    assert!(!stderr.contains("gigabytes"), "{stderr}");
}

#[test]
fn missing_schema_file_is_named_with_what_to_do() {
    let (_tmp, root) = empty_project();
    fs::remove_file(root.join("schemas/news.json")).unwrap();
    let out = annot_in(&root).arg("status").assert().code(2);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("news.json: cannot read the project's schema")
            && stderr.contains("annot.toml")
            && stderr.contains("restore it")
            && stderr.contains("point `schema` at another schema file"),
        "{stderr}"
    );
}

#[test]
fn text_file_far_above_the_size_limit_is_refused_from_its_size_unread() {
    let (tmp, root) = empty_project();
    let f = tmp.path().join("huge.txt");
    // Sparse: 200 MB of NUL bytes that are never read (reading would say "binary").
    let file = fs::File::create(&f).unwrap();
    file.set_len(200_000_000).unwrap();
    drop(file);
    let out = annot_in(&root).arg("import").arg(&f).assert().code(1);
    let stderr = stderr_of(&out);
    assert!(
        stderr.contains("huge.txt: the file is 200000000 bytes")
            && stderr.contains("it was not read")
            && stderr.contains("--max-doc-bytes"),
        "{stderr}"
    );
    assert!(!stderr.contains("binary"), "{stderr}");
}

#[test]
fn reimport_of_many_unchanged_documents_names_a_few() {
    let (tmp, root) = empty_project();
    let input = tmp.path().join("in");
    fs::create_dir_all(&input).unwrap();
    for i in 0..15 {
        fs::write(
            input.join(format!("a{i:02}.txt")),
            format!("Titre {i}\n\nLe texte numéro {i}, un article.\n"),
        )
        .unwrap();
    }
    annot_in(&root).arg("import").arg(&input).assert().success();
    let out = annot_in(&root)
        .args(["import", "--json"])
        .arg(&input)
        .assert()
        .success();
    let stderr = stderr_of(&out);
    assert_eq!(
        stderr.matches("is already in the project").count(),
        3,
        "{stderr}"
    );
    assert!(
        stderr.contains("… and 12 more documents already in the project (unchanged)"),
        "{stderr}"
    );
    let v: Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["already_present"].as_array().unwrap().len(), 15);
}
