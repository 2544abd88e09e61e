//! A sharded corpus as a project corpus: the `corpus/part-NNNNN.jsonl` files a
//! cluster import writes (one per partition) serve every command as one
//! import's file does.

use std::path::Path;

use crate::common::{
    annot, annot_in, annotate_with_patterns, outputs_of, sample_corpus, sample_project, stdout_of,
};
use crate::stream::map;

/// The sample corpus imported as a cluster imports it, into `root`: pages cut
/// into three partitions, the recurrence table summed, and each partition's
/// documents written to `corpus/part-NNNNN.jsonl`, as the Spark driver
/// (scripts/spark_demo.py) renames Spark's `part-NNNNN` files.
fn import_in_parts(root: &Path, tmp: &Path) {
    let pages = stdout_of(annot().args(["stream", "pages"]).arg(sample_corpus()));
    let lines: Vec<&str> = pages.lines().collect();
    let parts: Vec<String> = lines
        .chunks(lines.len().div_ceil(3))
        .map(|c| c.iter().map(|l| format!("{l}\n")).collect())
        .collect();
    assert_eq!(parts.len(), 3);
    let tables: String = parts.iter().map(|p| map(&["recurrence"], p)).collect();
    let table = tmp.join("table.json");
    std::fs::write(&table, map(&["recurrence", "--combine"], &tables)).unwrap();
    for (i, part) in parts.iter().enumerate() {
        let docs = map(&["import", "--recurrence", table.to_str().unwrap()], part);
        std::fs::write(root.join(format!("corpus/part-{i:05}.jsonl")), docs).unwrap();
    }
}

/// stdout and stderr of `annot --project ROOT ARGS` (with `stdin`), which must succeed.
fn run(root: &Path, args: &[&str], stdin: &str) -> (String, String) {
    outputs_of(annot_in(root).args(args).write_stdin(stdin.to_owned()))
}

/// stdout and stderr of a command, without the time a session took to save a
/// document (`saved ID · accepted · 3 spans · 17 ms`).
fn untimed((out, err): &(String, String)) -> String {
    let line = |l: &str| match l.rsplit_once(" · ") {
        Some((before, ms)) if ms.ends_with(" ms") => before.to_owned(),
        _ => l.to_owned(),
    };
    let lines: Vec<String> = out.lines().chain(err.lines()).map(line).collect();
    lines.join("\n")
}

/// The decisions of a log: its records without the time they were made.
fn decisions(root: &Path, who: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(root.join(format!("annotations/{who}.jsonl"))).unwrap();
    text.lines()
        .map(|l| {
            let mut r: serde_json::Value = serde_json::from_str(l).unwrap();
            let o = r.as_object_mut().unwrap();
            o.remove("at");
            o.remove("ms");
            r
        })
        .collect()
}

/// Every file under `dir`, recursively.
fn walkdir(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walkdir(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn a_corpus_of_part_files_serves_every_command_as_one_import_does() {
    let (tmp, one) = sample_project();
    let parts = tmp.path().join("parts");
    annot().arg("init").arg(&parts).assert().success();
    import_in_parts(&parts, tmp.path());
    let joined: String = (0..3)
        .map(|i| std::fs::read_to_string(parts.join(format!("corpus/part-{i:05}.jsonl"))).unwrap())
        .collect();
    assert_eq!(
        joined,
        std::fs::read_to_string(one.join("corpus/import-0001.jsonl")).unwrap()
    );

    // The same sessions on both projects: the same decisions.
    for root in [&one, &parts] {
        annotate_with_patterns(root, "alice", "y\n\ny\n\ny\n\nq\n");
        annotate_with_patterns(root, "bob", "y\n\nn\n\ny\n\nq\n");
    }
    for who in ["alice", "bob"] {
        assert_eq!(decisions(&one, who), decisions(&parts, who), "{who}");
    }

    // Status says where the documents are; the rest is the same.
    let status = |root: &Path| {
        run(root, &["status"], "")
            .0
            .lines()
            .filter(|l| !l.starts_with("project") && !l.starts_with("documents"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(status(&one), status(&parts));
    assert!(
        run(&parts, &["status"], "")
            .0
            .contains("documents  14 in 3 corpus file(s)")
    );

    let doc = "02_fr-levant-mosaique-tell-haddara";
    let same: &[(&[&str], &str)] = &[
        (&["show", doc], ""),
        (&["check"], ""),
        (&["agree", "alice", "bob"], ""),
        (&["agree", "alice", "bob", "--json"], ""),
        (&["diff", "alice", "bob"], ""),
        (&["merge", "alice", "bob", "--into", "gold"], ""),
        (
            &["adjudicate", "alice", "bob", "--into", "gold2"],
            "c 1 a\n\n\n\n",
        ),
        (
            &[
                "export", "--format", "jsonl", "--from", "gold", "--out", "-",
            ],
            "",
        ),
        (
            &[
                "export", "--format", "jsonl", "--from", "gold2", "--out", "-",
            ],
            "",
        ),
        (
            &["export", "--format", "csv", "--from", "alice", "--out", "-"],
            "",
        ),
        (
            &[
                "export", "--format", "conll", "--from", "alice", "--out", "-",
            ],
            "",
        ),
        (&["show", doc, "--annotator", "gold2"], ""),
    ];
    for (args, stdin) in same {
        let (a, b) = (run(&one, args, stdin), run(&parts, args, stdin));
        let (a, b) = (untimed(&a), untimed(&b));
        let first = a.lines().zip(b.lines()).find(|(x, y)| x != y);
        assert!(a == b, "annot {args:?}: first lines that differ: {first:?}");
    }
    assert_eq!(decisions(&one, "gold2"), decisions(&parts, "gold2"));
    let brat = |root: &Path| {
        let dir = root.join("brat");
        run(
            root,
            &[
                "export",
                "--format",
                "brat",
                "--from",
                "alice",
                "--out",
                dir.to_str().unwrap(),
            ],
            "",
        );
        let mut files: Vec<(String, Vec<u8>)> = walkdir(&dir)
            .into_iter()
            .map(|p| {
                (
                    p.strip_prefix(&dir).unwrap().display().to_string(),
                    std::fs::read(&p).unwrap(),
                )
            })
            .collect();
        files.sort();
        files
    };
    let in_one = brat(&one);
    assert!(!in_one.is_empty());
    assert_eq!(in_one, brat(&parts), "brat export");

    // More texts: a file of their own beside the parts, which are left as they were.
    let more = tmp.path().join("more");
    std::fs::create_dir(&more).unwrap();
    std::fs::write(
        more.join("new-01.txt"),
        "Un nouveau titre pour la suite\n\nLe conseil de Brest a voté le budget après un long \
         débat sur la cantine et les travaux du port de commerce.\n",
    )
    .unwrap();
    run(&parts, &["import", more.to_str().unwrap()], "");
    let mut files: Vec<String> = std::fs::read_dir(parts.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(
        files,
        [
            "import-0001.jsonl",
            "part-00000.jsonl",
            "part-00001.jsonl",
            "part-00002.jsonl"
        ]
    );
    let again: String = (0..3)
        .map(|i| std::fs::read_to_string(parts.join(format!("corpus/part-{i:05}.jsonl"))).unwrap())
        .collect();
    assert_eq!(again, joined);
    assert!(
        run(&parts, &["status"], "")
            .0
            .contains("documents  15 in 4 corpus file(s)")
    );
    run(&parts, &["show", "new-01"], "");
    annot_in(&parts)
        .args(["annotate", "--annotator", "carol", "--filter", "id=new-01"])
        .write_stdin("Brest LOC\n\nq\n")
        .assert()
        .success();
    let (carol, _) = run(
        &parts,
        &[
            "export", "--format", "jsonl", "--from", "carol", "--out", "-",
        ],
        "",
    );
    assert!(
        carol.contains("\"id\":\"new-01\"") && carol.contains("\"label\":\"LOC\""),
        "{carol}"
    );
    run(&parts, &["check"], "");
}

/// A project of the sample corpus in three parts, in `tmp/name`.
fn parts_project(tmp: &Path, name: &str) -> std::path::PathBuf {
    let root = tmp.join(name);
    annot().arg("init").arg(&root).assert().success();
    import_in_parts(&root, tmp);
    root
}

/// The names of the files in `root/corpus`, sorted.
fn corpus_names(root: &Path) -> Vec<String> {
    let mut files: Vec<String> = std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn an_update_of_a_part_document_becomes_current_and_is_not_imported_twice() {
    let tmp = tempfile::tempdir().unwrap();
    let root = parts_project(tmp.path(), "p");
    let id = "01_fr-levant-eau-kfar-selwan";
    // A record on the text the part holds, to be carried onto the new one.
    annot_in(&root)
        .args(["annotate", "--annotator", "alice", "--filter"])
        .arg(format!("id={id}"))
        .write_stdin("Kfar Selwan LOC\n\nq\n")
        .assert()
        .success();
    let new = tmp.path().join("new");
    std::fs::create_dir(&new).unwrap();
    // A correction in the body.
    let text = std::fs::read_to_string(sample_corpus().join(format!("{id}.txt"))).unwrap();
    assert!(text.contains("un seul transformateur"));
    let text = text.replace("un seul transformateur", "un seul vieux transformateur");
    std::fs::write(new.join(format!("{id}.txt")), &text).unwrap();

    let (_, err) = run(&root, &["import", "--update", new.to_str().unwrap()], "");
    assert!(err.contains("1 of them new version(s)"), "{err}");
    let shown = stdout_of(annot_in(&root).args(["show", id, "--plain"]));
    assert!(shown.contains("un seul vieux transformateur"), "{shown}");
    let (out, err) = run(&root, &["import", "--update", new.to_str().unwrap()], "");
    assert!(
        format!("{out}{err}").contains("already in the project"),
        "the second run is a no-op: {out}{err}"
    );
    assert_eq!(
        corpus_names(&root),
        [
            "import-0001.jsonl",
            "part-00000.jsonl",
            "part-00001.jsonl",
            "part-00002.jsonl"
        ]
    );
    let (out, _) = run(
        &root,
        &[
            "export", "--format", "jsonl", "--from", "alice", "--out", "-",
        ],
        "",
    );
    assert!(
        out.contains("un seul vieux transformateur") && !out.contains("un seul transformateur"),
        "{out}"
    );
    let (_, err) = run(&root, &["check", "--warnings-ok"], "");
    assert!(err.contains("re-anchor"), "alice's record moved on: {err}");
    assert!(
        run(&root, &["status"], "")
            .0
            .contains("documents  14 in 4 corpus file(s)")
    );
}

#[test]
fn one_id_with_two_texts_in_two_parts_is_an_error_naming_both_lines() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("p");
    annot().arg("init").arg(&root).assert().success();
    let doc = |text: &str| {
        let pages = serde_json::json!({"id": "article", "source": "article.txt", "text": text});
        map(&["import"], &format!("{pages}\n"))
    };
    let a = doc("Shares in Halloway Foods rose on Monday after the group said its profit grew.\n");
    let b = doc("La mairie a publié le plan complet des travaux du port sur son site lundi.\n");
    std::fs::write(root.join("corpus/part-00000.jsonl"), &a).unwrap();
    std::fs::write(root.join("corpus/part-00001.jsonl"), &b).unwrap();
    let out = annot_in(&root).arg("check").assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("part-00000.jsonl:1") && err.contains("part-00001.jsonl:1"),
        "{err}"
    );
    assert!(
        err.contains("'article'") && err.contains("two texts"),
        "{err}"
    );
    let out = annot_in(&root).arg("status").assert().success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("'article'") && err.contains("two texts"),
        "{err}"
    );
    // The same text twice is no conflict.
    std::fs::write(root.join("corpus/part-00001.jsonl"), &a).unwrap();
    annot_in(&root).arg("check").assert().success();
}

#[test]
fn files_in_the_corpus_folder_that_annot_does_not_read_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let root = parts_project(tmp.path(), "p");
    let corpus = root.join("corpus");
    std::fs::rename(corpus.join("part-00002.jsonl"), corpus.join("part-00002")).unwrap();
    std::fs::write(corpus.join("part-00003.gz"), b"\x1f\x8b\x08\0").unwrap();
    std::fs::write(corpus.join("_SUCCESS"), b"").unwrap();
    let out = annot_in(&root).arg("check").assert().code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(
        err.contains("part-00002: not a .jsonl file")
            && err.contains("rename it to part-00002.jsonl"),
        "{err}"
    );
    assert!(
        err.contains("part-00003.gz") && err.contains("decompress"),
        "{err}"
    );
    assert!(err.contains("_SUCCESS"), "{err}");
    let out = annot_in(&root).arg("status").assert().success();
    let err = String::from_utf8_lossy(&out.get_output().stderr).into_owned();
    assert!(err.contains("part-00002: not a .jsonl file"), "{err}");
    assert!(err.contains("part-00003.gz"), "{err}");
}
