//! The bad-input matrix of BAD_INPUTS.md, end to end: each row gives the real binary
//! a bad input and checks the message (file, line or document named), the exit code,
//! and what is left on disk (the project byte for byte as before where the row says
//! so, and never a temporary file).
//!
//! Exit codes, as `main.rs` and the commands give them: 0 done; 1 the command ran and
//! found a problem in the data (an input refused, a `check` finding, an `agree --min`
//! gate, an export pre-flight); 2 the command could not run (usage, not a project, a
//! configuration or schema that does not parse, an unknown name, an I/O error such as
//! a full disk or an unwritable `--out`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{annot, annot_in};

/// Texts of the fixture project; `d1` is decided by alice and bob, `d2` by alice only.
const D1: &str = "Alice met Bob in Paris.";
const D2: &str = "Café crème à Lyon.";

/// A project with `d1` and `d2`, alice's and bob's logs.
fn fixture() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("proj");
    annot().arg("init").arg(&root).assert().success();
    let docs = tmp.path().join("docs.jsonl");
    let lines = [("d1", D1), ("d2", D2)]
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect::<String>();
    std::fs::write(&docs, lines).unwrap();
    annot_in(&root).arg("import").arg(&docs).assert().success();
    for (who, script) in [
        ("alice", "Alice PER\nParis LOC\n\nLyon LOC\n\n"),
        ("bob", "Bob PER\n\n"),
    ] {
        annot_in(&root)
            .args(["annotate", "--annotator", who])
            .write_stdin(script)
            .assert()
            .success();
    }
    (tmp, root)
}

/// Every file under `dir` (except the `.annot/` cache) and its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let path = e.path();
            let kind = e.file_type().unwrap();
            if kind.is_dir() {
                if e.file_name() != ".annot" {
                    todo.push(path);
                }
            } else if kind.is_file() {
                out.insert(path.clone(), std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// Temporary files (`.annot-tmp-*`) anywhere under `dir`.
fn temp_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let kind = e.file_type().unwrap();
            if kind.is_dir() {
                todo.push(e.path());
            } else if e.file_name().to_string_lossy().starts_with(".annot-tmp-") {
                out.push(e.path());
            }
        }
    }
    out
}

/// What is on disk after a row.
#[derive(Clone, Copy)]
enum After {
    /// The project (corpus, logs, schema, settings) and every input byte for byte as before.
    Untouched,
    /// Something was written (the row's check says what).
    Check(fn(&Path, &Path)),
}

/// One row of the matrix.
struct Row {
    name: &'static str,
    /// Prepares the inputs in the temp dir `tmp` (and may change the project at `root`);
    /// returns the arguments after `--project ROOT`.
    setup: fn(&Path, &Path) -> Vec<String>,
    stdin: &'static str,
    /// `ulimit -f` in KiB for the run (a disk that fills up).
    limit_kib: Option<u64>,
    code: i32,
    /// Each must appear in stderr.
    stderr: &'static [&'static str],
    after: After,
}

fn p(path: &Path) -> String {
    path.display().to_string()
}

fn write(tmp: &Path, name: &str, bytes: &[u8]) -> String {
    let path = tmp.join(name);
    std::fs::write(&path, bytes).unwrap();
    p(&path)
}

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

fn import(extra: &[&str], file: String) -> Vec<String> {
    let mut v = args(&["import"]);
    v.extend(args(extra));
    v.push(file);
    v
}

fn log_path(root: &Path, who: &str) -> PathBuf {
    root.join("annotations").join(format!("{who}.jsonl"))
}

/// Appends a copy of alice's first record to `who`'s log with `edit` applied to its JSON text.
fn forged_log(root: &Path, who: &str, edit: impl Fn(&str) -> String) {
    let alice = std::fs::read_to_string(log_path(root, "alice")).unwrap();
    let first = alice.lines().next().unwrap();
    let mut text = std::fs::read_to_string(log_path(root, who)).unwrap_or_default();
    text.push_str(&edit(first));
    text.push('\n');
    std::fs::write(log_path(root, who), text).unwrap();
}

fn corpus_lines(root: &Path) -> usize {
    std::fs::read_dir(root.join("corpus"))
        .unwrap()
        .flatten()
        .map(|e| std::fs::read_to_string(e.path()).unwrap().lines().count())
        .sum()
}

fn big_text_docs(n: usize) -> String {
    (0..n)
        .map(|i| {
            let text = format!("Document {i} about Paris and Lyon, in many words. ").repeat(60);
            serde_json::json!({"id": format!("big{i}"), "text": text}).to_string() + "\n"
        })
        .collect()
}

fn rows() -> Vec<Row> {
    use After::{Check, Untouched};
    vec![
        // ---- init
        Row {
            name: "init over a file",
            setup: |tmp, _| {
                let f = write(tmp, "afile", b"keep me\n");
                vec!["init".into(), f]
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["cannot create a project in", "afile", "File exists"],
            after: Untouched,
        },
        Row {
            name: "init over an existing project",
            setup: |_, root| vec!["init".into(), p(root)],
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &["is already an annot project; nothing changed"],
            after: Untouched,
        },
        // ---- import: plain text
        Row {
            name: "import .txt not UTF-8, --strict",
            setup: |tmp, _| import(&["--strict"], write(tmp, "bad.txt", b"abc\xff\xfe def\n")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "bad.txt: not valid UTF-8 (first bad byte at offset 3)",
                "--strict",
            ],
            after: Untouched,
        },
        Row {
            name: "import .txt not UTF-8: read as Windows-1252 with a warning",
            setup: |tmp, _| import(&[], write(tmp, "cp1252.txt", b"Caf\xe9 au lait.\n")),
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &["cp1252.txt: not valid UTF-8", "read as Windows-1252"],
            after: Check(|_, root| {
                assert_eq!(corpus_lines(root), 3);
                let all = std::fs::read_dir(root.join("corpus"))
                    .unwrap()
                    .flatten()
                    .map(|e| std::fs::read_to_string(e.path()).unwrap())
                    .collect::<String>();
                assert!(all.contains("Café au lait."), "{all}");
            }),
        },
        Row {
            name: "import UTF-16 LE with a BOM",
            setup: |tmp, _| {
                let mut bytes = vec![0xff, 0xfe];
                for u in "Texte en UTF-16 à Lyon.\n".encode_utf16() {
                    bytes.extend(u.to_le_bytes());
                }
                import(&[], write(tmp, "u16.txt", &bytes))
            },
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &[],
            after: Check(|_, root| assert_eq!(corpus_lines(root), 3)),
        },
        Row {
            name: "import UTF-16 LE without a BOM",
            setup: |tmp, _| {
                let bytes: Vec<u8> = "Texte sans BOM.\n"
                    .encode_utf16()
                    .flat_map(u16::to_le_bytes)
                    .collect();
                import(&[], write(tmp, "u16nobom.txt", &bytes))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "u16nobom.txt: looks like a binary file (NUL byte at offset 1)",
                "UTF-16",
            ],
            after: Untouched,
        },
        Row {
            name: "import UTF-16 BOM in front of UTF-8 text",
            setup: |tmp, _| import(&[], write(tmp, "mixed.txt", b"\xff\xfeplain UTF-8 text\n")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["mixed.txt"],
            after: Untouched,
        },
        Row {
            name: "import .txt with a NUL byte",
            setup: |tmp, _| import(&[], write(tmp, "nul.txt", b"Hello\x00world\n")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["nul.txt: looks like a binary file (NUL byte at offset 5)"],
            after: Untouched,
        },
        Row {
            name: "import empty .txt",
            setup: |tmp, _| import(&[], write(tmp, "empty.txt", b"")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["empty.txt: the file is empty", "nothing imported"],
            after: Untouched,
        },
        Row {
            name: "import a directory given as a .jsonl file",
            setup: |tmp, _| {
                std::fs::create_dir(tmp.join("dir.jsonl")).unwrap();
                import(&["--format", "jsonl"], p(&tmp.join("dir.jsonl")))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["dir.jsonl: this directory holds no .txt, .jsonl, .ndjson or .csv file"],
            after: Untouched,
        },
        Row {
            name: "import an unreadable path (its parent is a file)",
            setup: |tmp, _| {
                write(tmp, "plain", b"x\n");
                import(&[], p(&tmp.join("plain").join("a.txt")))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["plain/a.txt: cannot read", "Not a directory"],
            after: Untouched,
        },
        Row {
            name: "import a FIFO",
            setup: |tmp, _| {
                let fifo = tmp.join("pipe.jsonl");
                let ok = std::process::Command::new("mkfifo")
                    .arg(&fifo)
                    .status()
                    .unwrap();
                assert!(ok.success());
                import(&[], p(&fifo))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "pipe.jsonl: is a FIFO (named pipe), not a regular file",
                "annot import -",
            ],
            after: Untouched,
        },
        Row {
            name: "import a symlink loop",
            setup: |tmp, _| {
                std::os::unix::fs::symlink(tmp.join("loop2"), tmp.join("loop1")).unwrap();
                std::os::unix::fs::symlink(tmp.join("loop1"), tmp.join("loop2")).unwrap();
                import(&[], p(&tmp.join("loop1")))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["loop1: cannot read", "symbolic links"],
            after: Untouched,
        },
        Row {
            name: "import a 50 MB single line",
            setup: |tmp, _| {
                let line = format!(
                    "{{\"id\":\"huge\",\"text\":\"{}\"}}\n",
                    "word ".repeat(10_000_000)
                );
                import(&[], write(tmp, "huge.jsonl", line.as_bytes()))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "huge.jsonl:1: the text is 50000000 bytes",
                "--max-doc-bytes",
            ],
            after: Untouched,
        },
        // ---- import: jsonl
        Row {
            name: "import .jsonl not UTF-8: read as Windows-1252 with a warning",
            setup: |tmp, _| import(&[], write(tmp, "bad.jsonl", b"{\"text\":\"abc\xff\"}\n")),
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &[
                "bad.jsonl:1: not valid UTF-8 (first bad byte at offset 12)",
                "Windows-1252",
            ],
            after: Check(|_, root| assert_eq!(corpus_lines(root), 3)),
        },
        Row {
            name: "import .jsonl not UTF-8, --strict",
            setup: |tmp, _| {
                import(
                    &["--strict"],
                    write(tmp, "bad.jsonl", b"{\"text\":\"abc\xff\"}\n"),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["bad.jsonl:1: not valid UTF-8", "--strict"],
            after: Untouched,
        },
        Row {
            name: "import .jsonl with a NUL byte",
            setup: |tmp, _| {
                import(
                    &[],
                    write(tmp, "nul.jsonl", b"{\"id\":\"n1\",\"text\":\"a\x00b\"}\n"),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["nul.jsonl:1: looks like a binary file"],
            after: Untouched,
        },
        Row {
            name: "import empty .jsonl",
            setup: |tmp, _| import(&[], write(tmp, "empty.jsonl", b"\n\n")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["empty.jsonl: holds no record"],
            after: Untouched,
        },
        Row {
            name: "import .jsonl with a truncated last line",
            setup: |tmp, _| {
                import(
                    &[],
                    write(
                        tmp,
                        "trunc.jsonl",
                        b"{\"id\":\"t1\",\"text\":\"ok text\"}\n{\"id\":\"t2\",\"text\":\"cut",
                    ),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["trunc.jsonl:2: invalid JSON: EOF while parsing"],
            // The good line lands, the cut one does not.
            after: Check(|_, root| assert_eq!(corpus_lines(root), 3)),
        },
        Row {
            name: "import .jsonl id with a line break",
            setup: |tmp, _| {
                import(
                    &[],
                    write(
                        tmp,
                        "id.jsonl",
                        b"{\"id\":\"a\\nb\",\"text\":\"some text\"}\n",
                    ),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["id.jsonl:1"],
            after: Untouched,
        },
        Row {
            name: "import .jsonl: a known id with another text",
            setup: |tmp, _| {
                import(
                    &[],
                    write(
                        tmp,
                        "clash.jsonl",
                        b"{\"id\":\"d1\",\"text\":\"Another text.\"}\n",
                    ),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "clash.jsonl:1: document 'd1' is already in the project with another text",
                "--update",
            ],
            after: Untouched,
        },
        // ---- import: csv
        Row {
            name: "import .csv: a quote never closed",
            setup: |tmp, _| import(&[], write(tmp, "q.csv", b"id,text\n1,\"open quote\n")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["q.csv:2: the quote opened on this line is never closed"],
            after: Untouched,
        },
        Row {
            name: "import .csv: header only",
            setup: |tmp, _| import(&[], write(tmp, "hdr.csv", b"id,text\n")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["hdr.csv: holds no row after its header"],
            after: Untouched,
        },
        Row {
            name: "import .csv: no text column",
            setup: |tmp, _| import(&[], write(tmp, "nocol.csv", b"id,body\n1,hello\n")),
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "nocol.csv: the header has no column 'text'",
                "--text-column",
            ],
            after: Untouched,
        },
        // ---- import: annotated formats
        Row {
            name: "import prodigy: offsets out of range",
            setup: |tmp, _| {
                let f = write(
                    tmp,
                    "oor.jsonl",
                    br#"{"text":"Alice met Bob.","spans":[{"start":0,"end":50,"label":"PER"}]}"#,
                );
                import(&["--format", "prodigy", "--as", "model"], f)
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "oor.jsonl:1 (document",
                "span PER [0, 50) is outside the text (length 14)",
                "--skip-bad",
            ],
            after: Untouched,
        },
        Row {
            name: "import prodigy: span text not matching",
            setup: |tmp, _| {
                let f = write(tmp, "mism.jsonl", br#"{"text":"Alice met Bob.","spans":[{"start":0,"end":5,"label":"PER","text":"Alicx"}]}"#);
                import(&["--format", "prodigy", "--as", "model"], f)
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "mism.jsonl:1",
                "says \"Alicx\" but the text there is \"Alice\"",
            ],
            after: Untouched,
        },
        Row {
            name: "import prodigy: unknown label",
            setup: |tmp, _| {
                let f = write(
                    tmp,
                    "unk.jsonl",
                    br#"{"text":"Alice met Bob.","spans":[{"start":0,"end":5,"label":"FOO"}]}"#,
                );
                import(&["--format", "prodigy", "--as", "model"], f)
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "unk.jsonl:1",
                "span label 'FOO' (×1) not in schema news@1",
                "--add-labels",
            ],
            after: Untouched,
        },
        Row {
            name: "import doccano: offsets out of range",
            setup: |tmp, _| {
                let f = write(
                    tmp,
                    "dc.jsonl",
                    br#"{"id":1,"text":"Alice met Bob.","label":[[0,99,"PER"]]}"#,
                );
                import(&["--format", "doccano", "--as", "dc"], f)
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["dc.jsonl:1", "span PER [0, 99) is outside the text"],
            after: Untouched,
        },
        Row {
            name: "import label-studio: UTF-16 offsets splitting a surrogate pair",
            setup: |tmp, _| {
                // UTF-16 [1, 5) starts inside the first emoji; as code points it is "😀Bob" (not "😀Bo").
                let task = r#"[{"id":1,"data":{"text":"😀😀Bob est là."},"annotations":[{"completed_by":1,"result":[{"type":"labels","value":{"start":1,"end":5,"text":"😀Bo","labels":["PER"]}}]}]}]"#;
                import(
                    &["--format", "label-studio", "--as", "ls"],
                    write(tmp, "ls.json", task.as_bytes()),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "ls.json: task 1",
                "read as UTF-16 code units it does not match either",
            ],
            after: Untouched,
        },
        Row {
            name: "import label-studio: not JSON",
            setup: |tmp, _| {
                import(
                    &["--format", "label-studio", "--as", "ls"],
                    write(tmp, "ls.json", b"[{\"id\":1,"),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["ls.json"],
            after: Untouched,
        },
        Row {
            name: "import brat: .ann without its .txt",
            setup: |tmp, _| {
                std::fs::create_dir(tmp.join("brat")).unwrap();
                write(tmp, "brat/x.ann", b"T1\tPER 0 5\tAlice\n");
                import(&["--format", "brat", "--as", "br"], p(&tmp.join("brat")))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["brat/x.ann: no x.txt beside this .ann"],
            after: Untouched,
        },
        Row {
            name: "import brat: offsets out of range",
            setup: |tmp, _| {
                std::fs::create_dir(tmp.join("brat")).unwrap();
                write(tmp, "brat/a.txt", b"Alice met Bob.\n");
                write(tmp, "brat/a.ann", b"T1\tPER 0 99\tAlice\n");
                import(&["--format", "brat", "--as", "br"], p(&tmp.join("brat")))
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "brat/a.ann (document 'a'): line 1: T1: span PER [0, 99) is outside the text",
            ],
            after: Untouched,
        },
        Row {
            name: "import conll: a token line without a tag",
            setup: |tmp, _| {
                import(
                    &["--format", "conll", "--as", "cn"],
                    write(tmp, "bad.conll", b"Alice B-PER\nmet\n"),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["bad.conll:2: 'met' has no tag column"],
            after: Untouched,
        },
        Row {
            name: "import conll: unknown label",
            setup: |tmp, _| {
                import(
                    &["--format", "conll", "--as", "cn"],
                    write(tmp, "c.conll", b"Alice\tB-PER\nmet\tO\nBob\tB-XYZ\n\n"),
                )
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["c.conll:1 (document 'c-1'): span label 'XYZ'"],
            after: Untouched,
        },
        Row {
            name: "import jsonl-spans: a reversed span",
            setup: |tmp, _| {
                let f = write(tmp, "js.jsonl", br#"{"id":"q1","text":"Alice met Bob.","spans":[{"start":9,"end":4,"label":"PER"}]}"#);
                import(&["--format", "jsonl-spans", "--as", "js"], f)
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["js.jsonl:1 (document 'q1'): span PER [9, 4) is empty or reversed"],
            after: Untouched,
        },
        Row {
            name: "import --as a name that is a path",
            setup: |tmp, _| {
                let f = write(
                    tmp,
                    "ok.jsonl",
                    br#"{"id":"q1","text":"Alice met Bob.","spans":[]}"#,
                );
                import(&["--format", "jsonl-spans", "--as", "../x"], f)
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["'../x' is not a usable annotator name"],
            after: Untouched,
        },
        Row {
            name: "import: disk full (ulimit -f)",
            setup: |tmp, _| import(&[], write(tmp, "big.jsonl", big_text_docs(300).as_bytes())),
            stdin: "",
            limit_kib: Some(100),
            code: 2,
            stderr: &["corpus/import-0002.jsonl: File too large"],
            after: Untouched,
        },
        // ---- status, show, check: bad project files
        Row {
            name: "status: not a project",
            setup: |tmp, _| vec!["--project".into(), p(tmp), "status".into()],
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["is not an annot project (no annot.toml)", "annot init"],
            after: Untouched,
        },
        Row {
            name: "status: annot.toml that does not parse",
            setup: |_, root| {
                let mut t = std::fs::read_to_string(root.join("annot.toml")).unwrap();
                t.push_str("schema = \n");
                std::fs::write(root.join("annot.toml"), t).unwrap();
                args(&["status"])
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["annot.toml: TOML parse error at line"],
            after: Untouched,
        },
        Row {
            name: "status: schema with two labels on one key",
            setup: |_, root| {
                let path = root.join("schemas/news.json");
                let s = std::fs::read_to_string(&path).unwrap();
                std::fs::write(&path, s.replacen("\"key\": \"o\"", "\"key\": \"p\"", 1)).unwrap();
                args(&["status"])
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["schemas/news.json: key 'p' is used twice (second time by span label 'ORG')"],
            after: Untouched,
        },
        Row {
            name: "status: schema with a duplicate JSON key",
            setup: |_, root| {
                let path = root.join("schemas/news.json");
                let s = std::fs::read_to_string(&path).unwrap();
                std::fs::write(
                    &path,
                    s.replacen(
                        "\"name\": \"news\",",
                        "\"name\": \"news\", \"name\": \"other\",",
                        1,
                    ),
                )
                .unwrap();
                args(&["status"])
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["schemas/news.json", "duplicate key 'name'"],
            after: Untouched,
        },
        Row {
            name: "show: unknown document",
            setup: |_, _| args(&["show", "nosuch"]),
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["no document 'nosuch' in the corpus"],
            after: Untouched,
        },
        Row {
            name: "check: a record for an unknown document",
            setup: |_, root| {
                forged_log(root, "ghost", |l| {
                    l.replace("\"doc\":\"d1\"", "\"doc\":\"nosuch\"")
                        .replace("\"annotator\":\"alice\"", "\"annotator\":\"ghost\"")
                });
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "annotations/ghost.jsonl:1: document 'nosuch': the document is not in the corpus",
            ],
            after: Untouched,
        },
        Row {
            name: "check: a log whose last line is cut",
            setup: |_, root| {
                let alice = std::fs::read(log_path(root, "alice")).unwrap();
                std::fs::write(log_path(root, "torn"), &alice[..100]).unwrap();
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "annotations/torn.jsonl:1: incomplete last line",
                "set aside at the next `annot annotate`",
            ],
            after: Untouched,
        },
        Row {
            name: "check: lines set aside in a .rejected file",
            setup: |_, root| {
                let path = root.join("annotations/alice.jsonl.rejected");
                std::fs::write(path, b"{\"doc\":\"d1\",\"hash\":\"ab\n").unwrap();
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "annotations/alice.jsonl.rejected: 1 line(s) (23 bytes) set aside",
                "annot reads none of them",
            ],
            after: Untouched,
        },
        Row {
            name: "show: a corrupt table of a log in .annot/logs",
            setup: |_, root| {
                // A command reading the log makes its table.
                annot_in(root).arg("status").assert().success();
                let table = root.join(".annot/logs/alice.jsonl.lix");
                let good = std::fs::read(&table).expect("status made alice's table");
                let mut bad = good.clone();
                let k = bad.len() / 2;
                bad[k] ^= 0xff;
                std::fs::write(&table, &bad).unwrap();
                args(&["show", "d1", "--plain", "--annotator", "alice"])
            },
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &[],
            after: After::Check(|_, root| {
                // Not read (its digest does not match): the log was, and the table made again.
                let table = std::fs::read(root.join(".annot/logs/alice.jsonl.lix")).unwrap();
                assert!(table.starts_with(b"ANNOTLX1"));
                let out = annot_in(root)
                    .args(["show", "d1", "--plain", "--annotator", "alice"])
                    .output()
                    .unwrap();
                let text = String::from_utf8_lossy(&out.stdout);
                assert!(text.contains("Alice") && text.contains("PER"), "{text}");
            }),
        },
        Row {
            name: "check: offsets out of range in a log",
            setup: |_, root| {
                forged_log(root, "oor", |l| {
                    l.replace("\"end\":5,", "\"end\":500,")
                        .replace("\"annotator\":\"alice\"", "\"annotator\":\"oor\"")
                });
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "annotations/oor.jsonl:1: document 'd1': corrupt span PER \"Alice\" [0, 500)",
            ],
            after: Untouched,
        },
        Row {
            name: "check: a record whose span text does not match",
            setup: |_, root| {
                forged_log(root, "mism", |l| {
                    l.replace("\"text\":\"Alice\"", "\"text\":\"Alicx\"")
                        .replace("\"annotator\":\"alice\"", "\"annotator\":\"mism\"")
                });
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["annotations/mism.jsonl:1: document 'd1'"],
            after: Untouched,
        },
        Row {
            name: "check: a record with an unknown label",
            setup: |_, root| {
                forged_log(root, "unk", |l| {
                    l.replacen("\"label\":\"PER\"", "\"label\":\"FOO\"", 1)
                        .replace("\"annotator\":\"alice\"", "\"annotator\":\"unk\"")
                });
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["annotations/unk.jsonl:1", "FOO"],
            after: Untouched,
        },
        Row {
            name: "export: two records with the same timestamp (the record greater byte by byte stands, whatever the line order)",
            setup: |_, root| {
                // A second record of d1 at the same instant, rejecting it.
                forged_log(root, "alice", |l| {
                    let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
                    v["status"] = "rejected".into();
                    v["spans"] = serde_json::json!([]);
                    v.to_string()
                });
                args(&[
                    "export", "--format", "jsonl", "--from", "alice", "--out", "-",
                ])
            },
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &["exported 1 document(s)", "left out: 1 by status"],
            after: Untouched,
        },
        // ---- annotate
        Row {
            name: "annotate: an annotator name that is a path",
            setup: |_, _| args(&["annotate", "--annotator", "../x"]),
            stdin: "q\n",
            limit_kib: None,
            code: 2,
            stderr: &["'../x' is not a usable annotator name"],
            after: Untouched,
        },
        Row {
            name: "annotate: disk full (ulimit -f 0)",
            setup: |_, _| args(&["annotate", "--annotator", "carol"]),
            stdin: "Alice PER\n\n",
            limit_kib: Some(0),
            code: 2,
            stderr: &["annotations/carol.jsonl`: File too large"],
            after: Check(|_, root| {
                // Nothing acknowledged, nothing torn: the log is empty.
                assert_eq!(
                    std::fs::read(log_path(root, "carol")).unwrap_or_default(),
                    b""
                );
            }),
        },
        // ---- diff, agree
        Row {
            name: "agree on annotators with nothing in common",
            setup: |_, root| {
                forged_log(root, "carl", |l| {
                    l.replace("\"doc\":\"d1\"", "\"doc\":\"d2\"")
                        .replace("\"annotator\":\"alice\"", "\"annotator\":\"carl\"")
                });
                args(&["agree", "bob", "carl", "--min", "f1=0.5"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &["below --min"],
            after: Untouched,
        },
        Row {
            name: "agree --min on an unknown figure",
            setup: |_, _| args(&["agree", "alice", "bob", "--min", "foo=0.3"]),
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["--min: 'foo' is not a figure of the report"],
            after: Untouched,
        },
        Row {
            name: "diff with an annotator that has no log",
            setup: |_, _| args(&["diff", "alice", "nobody"]),
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &["warning: side 'nobody' has no records"],
            after: Untouched,
        },
        // ---- merge, adjudicate
        Row {
            name: "merge into one of its sides",
            setup: |_, _| args(&["merge", "alice", "bob", "--into", "alice"]),
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["--into alice: side 'alice' reads that log"],
            after: Untouched,
        },
        Row {
            name: "merge into an annotator that decided by hand",
            setup: |_, root| {
                // carol decided d1 herself (no provenance): merge leaves it as it is.
                forged_log(root, "carol", |l| {
                    l.replace("\"annotator\":\"alice\"", "\"annotator\":\"carol\"")
                });
                args(&["merge", "alice", "bob", "--into", "carol"])
            },
            stdin: "",
            limit_kib: None,
            code: 0,
            stderr: &[],
            after: Check(|_, root| {
                // carol's own d1 record is still the latest of d1; d2 (alice's alone) is added.
                let text = std::fs::read_to_string(log_path(root, "carol")).unwrap();
                let records: Vec<serde_json::Value> = text
                    .lines()
                    .map(|l| serde_json::from_str(l).unwrap())
                    .collect();
                let d1: Vec<_> = records.iter().filter(|r| r["doc"] == "d1").collect();
                assert_eq!(d1.len(), 1, "{text}");
                assert!(
                    d1[0]
                        .get("provenance")
                        .is_none_or(serde_json::Value::is_null),
                    "{text}"
                );
                assert!(records.iter().any(|r| r["doc"] == "d2"), "{text}");
            }),
        },
        Row {
            name: "merge with one side",
            setup: |_, _| args(&["merge", "alice", "--into", "gold"]),
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["2 values required"],
            after: Untouched,
        },
        Row {
            name: "adjudicate into one of its sides",
            setup: |_, _| args(&["adjudicate", "alice", "bob", "--into", "bob"]),
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["--into bob: side 'bob' reads that log"],
            after: Untouched,
        },
        // ---- export, each format
        Row {
            name: "export jsonl --out an existing file",
            setup: |tmp, _| {
                let f = write(tmp, "existing", b"precious\n");
                vec![
                    "export".into(),
                    "--format".into(),
                    "jsonl".into(),
                    "--from".into(),
                    "alice".into(),
                    "--out".into(),
                    f,
                ]
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["--out", "existing: is a file, not a directory"],
            after: Untouched,
        },
        Row {
            name: "export csv --out an existing file",
            setup: |tmp, _| {
                let f = write(tmp, "existing.csv", b"precious\n");
                vec![
                    "export".into(),
                    "--format".into(),
                    "csv".into(),
                    "--from".into(),
                    "alice".into(),
                    "--out".into(),
                    f,
                ]
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["existing.csv: is a file, not a directory"],
            after: Untouched,
        },
        Row {
            name: "export conll --out under a file (directory not writable)",
            setup: |tmp, _| {
                write(tmp, "plain", b"x\n");
                vec![
                    "export".into(),
                    "--format".into(),
                    "conll".into(),
                    "--from".into(),
                    "alice".into(),
                    "--out".into(),
                    p(&tmp.join("plain/out")),
                ]
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["cannot write", "plain/out", "Not a directory"],
            after: Untouched,
        },
        Row {
            name: "export hf --from an annotator without a log",
            setup: |tmp, _| {
                vec![
                    "export".into(),
                    "--format".into(),
                    "hf".into(),
                    "--from".into(),
                    "nobody".into(),
                    "--out".into(),
                    p(&tmp.join("hf")),
                ]
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["annotator 'nobody' has no log in annotations/"],
            after: Check(|tmp, _| assert!(!tmp.join("hf").exists())),
        },
        Row {
            name: "export jsonl: disk full (ulimit -f), an older export kept",
            setup: |tmp, root| {
                std::fs::create_dir(tmp.join("out")).unwrap();
                write(tmp, "out/all.jsonl", b"the previous export\n");
                let docs = tmp.join("docs-big.jsonl");
                std::fs::write(&docs, big_text_docs(200)).unwrap();
                annot_in(root)
                    .args(["import", "--format", "jsonl-spans", "--as", "bulk"])
                    .arg(&docs)
                    .assert()
                    .success();
                vec![
                    "export".into(),
                    "--format".into(),
                    "jsonl".into(),
                    "--from".into(),
                    "bulk".into(),
                    "--out".into(),
                    p(&tmp.join("out")),
                ]
            },
            stdin: "",
            limit_kib: Some(200),
            code: 2,
            stderr: &["cannot write", "out/all.jsonl", "File too large"],
            after: Check(|tmp, _| {
                assert_eq!(
                    std::fs::read(tmp.join("out/all.jsonl")).unwrap(),
                    b"the previous export\n"
                );
            }),
        },
        // ---- corpus files another tool wrote (a cluster import's parts)
        Row {
            name: "check: a corpus line cut short, among good ones",
            setup: |_, root| {
                let first = corpus_line(root, 0);
                let part = format!("{}\n{}\n", &first[..40], first.replace("\"d1\"", "\"d3\""));
                std::fs::write(root.join("corpus/part-00000.jsonl"), part).unwrap();
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "corpus/part-00000.jsonl:1: not a document",
                "checked 3 document(s)",
                "1 error(s)",
            ],
            after: Untouched,
        },
        Row {
            name: "status: a corpus line cut short",
            setup: |_, root| {
                let first = corpus_line(root, 0);
                std::fs::write(root.join("corpus/part-00000.jsonl"), &first[..40]).unwrap();
                args(&["status"])
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &[
                "corpus/part-00000.jsonl:1: not a document",
                "`annot check` lists every such line",
            ],
            after: Untouched,
        },
        Row {
            name: "check: a corpus file that starts with a byte-order mark",
            setup: |_, root| {
                let line = corpus_line(root, 0).replace("\"d1\"", "\"d3\"");
                let mut bytes = b"\xef\xbb\xbf".to_vec();
                bytes.extend(format!("{line}\n").bytes());
                std::fs::write(root.join("corpus/part-00000.jsonl"), bytes).unwrap();
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "corpus/part-00000.jsonl:1: the file starts with a UTF-8 byte-order mark",
                "remove the first 3 bytes",
            ],
            after: Untouched,
        },
        Row {
            name: "check: a zone the schema does not have",
            setup: |_, root| {
                let line = corpus_line(root, 0)
                    .replace("\"d1\"", "\"d3\"")
                    .replace("\"zone\":\"body\"", "\"zone\":\"weird\"");
                assert!(line.contains("weird"), "{line}");
                std::fs::write(root.join("corpus/part-00000.jsonl"), format!("{line}\n")).unwrap();
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "corpus/part-00000.jsonl:1: document 'd3': zone 'weird' is not in schema news@1",
            ],
            after: Untouched,
        },
        Row {
            name: "export --zones naming a zone the schema does not have",
            setup: |_, _| {
                args(&[
                    "export",
                    "--format",
                    "jsonl",
                    "--from",
                    "alice",
                    "--zones",
                    "body,weird",
                    "--out",
                    "-",
                ])
            },
            stdin: "",
            limit_kib: None,
            code: 2,
            stderr: &["--zones weird: schema news@1 has no zone 'weird'"],
            after: Untouched,
        },
        Row {
            name: "check: a part copied without its .jsonl name, and one compressed",
            setup: |_, root| {
                let line = corpus_line(root, 0);
                std::fs::write(root.join("corpus/part-00000"), format!("{line}\n")).unwrap();
                std::fs::write(root.join("corpus/part-00001.gz"), b"\x1f\x8b").unwrap();
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "corpus/part-00000: not a .jsonl file, not read; if it holds corpus lines, rename it to part-00000.jsonl",
                "corpus/part-00001.gz: compressed, not read: decompress it to corpus/part-00001.jsonl",
            ],
            after: Untouched,
        },
        Row {
            name: "check: one id with two texts in two parts",
            setup: |_, root| {
                let first = corpus_line(root, 0).replace("\"d1\"", "\"d3\"");
                let second = corpus_line(root, 1).replace("\"d2\"", "\"d3\"");
                std::fs::write(root.join("corpus/part-00000.jsonl"), format!("{first}\n")).unwrap();
                std::fs::write(root.join("corpus/part-00001.jsonl"), format!("{second}\n"))
                    .unwrap();
                args(&["check"])
            },
            stdin: "",
            limit_kib: None,
            code: 1,
            stderr: &[
                "corpus/part-00001.jsonl:1: document id 'd3' has two texts: this line and corpus/part-00000.jsonl:1",
            ],
            after: Untouched,
        },
    ]
}

/// Line `n` (0-based) of the fixture's corpus file, without its newline.
fn corpus_line(root: &Path, n: usize) -> String {
    let text = std::fs::read_to_string(root.join("corpus/import-0001.jsonl")).unwrap();
    text.lines().nth(n).unwrap().to_owned()
}

/// Runs one row and returns what went wrong, if anything.
fn run_row(row: &Row) -> Option<String> {
    let (tmp, root) = fixture();
    let args = (row.setup)(tmp.path(), &root);
    let before = snapshot(tmp.path());
    let mut cmd = match row.limit_kib {
        None => annot(),
        Some(kib) => {
            let mut c = assert_cmd::Command::new("sh");
            c.arg("-c")
                .arg(format!("ulimit -f {kib}; exec \"$0\" \"$@\""))
                .arg(env!("CARGO_BIN_EXE_annot"))
                .env_remove("ANNOT_PROJECT")
                .env("NO_COLOR", "1");
            c
        }
    };
    // Rows that name their own project (`--project` first) do not get the fixture's.
    if args.first().map(String::as_str) != Some("--project")
        && args.first().map(String::as_str) != Some("init")
    {
        cmd.arg("--project").arg(&root);
    }
    cmd.args(&args).write_stdin(row.stdin);
    let out = cmd.output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let mut problems = Vec::new();
    if out.status.code() != Some(row.code) {
        problems.push(format!(
            "exit {:?}, expected {}",
            out.status.code(),
            row.code
        ));
    }
    for want in row.stderr {
        if !stderr.contains(want) {
            problems.push(format!("stderr lacks {want:?}"));
        }
    }
    let temps = temp_files(tmp.path());
    if !temps.is_empty() {
        problems.push(format!("temporary files left: {temps:?}"));
    }
    match row.after {
        After::Untouched => {
            let after = snapshot(tmp.path());
            if after != before {
                let changed: Vec<_> = after
                    .keys()
                    .chain(before.keys())
                    .filter(|k| after.get(*k) != before.get(*k))
                    .collect();
                problems.push(format!("files changed: {changed:?}"));
            }
        }
        After::Check(check) => {
            if let Err(e) = std::panic::catch_unwind(|| check(tmp.path(), &root)) {
                let msg = e
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
                    .unwrap_or_default();
                problems.push(format!("after-check failed: {msg}"));
            }
        }
    }
    if stderr.contains("panicked") {
        problems.push("panicked".into());
    }
    (!problems.is_empty())
        .then(|| format!("{}: {}\n  stderr: {stderr}", row.name, problems.join("; ")))
}

/// Every row of the matrix (BAD_INPUTS.md), each on a fresh project.
#[test]
fn bad_input_matrix() {
    let rows = rows();
    assert!(rows.len() >= 40, "the matrix has {} rows", rows.len());
    let failures: Vec<String> = rows.iter().filter_map(run_row).collect();
    assert!(
        failures.is_empty(),
        "{} of {} rows failed:\n{}",
        failures.len(),
        rows.len(),
        failures.join("\n")
    );
}

/// Starts `annot ARGS` on `root`, waits until it writes a temporary file in `watch`,
/// and sends it `signal` (`INT` or `TERM`): it must exit 130 (or 143) saying it
/// removed that file, none left right after. Returns its stderr.
fn interrupt_while_writing(
    root: &Path,
    args: &[&std::ffi::OsStr],
    watch: &Path,
    signal: &str,
) -> String {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_annot"))
        .arg("--project")
        .arg(root)
        .args(args)
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    while temp_files(watch).is_empty() {
        assert!(
            child.try_wait().unwrap().is_none(),
            "annot {args:?} ended before it could be interrupted"
        );
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let kill = std::process::Command::new("kill")
        .args([&format!("-{signal}"), &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    let (code, name) = if signal == "INT" {
        (130, "Ctrl-C")
    } else {
        (143, "SIGTERM")
    };
    assert_eq!(out.status.code(), Some(code), "{err}");
    // The file in `watch` among them (an import also writes its corpus index).
    assert!(
        err.contains(&format!("interrupted ({name}); removed "))
            && err.contains(" temporary file(s) it was writing: ")
            && err.contains(&watch.join(".annot-tmp-").display().to_string()),
        "{err}"
    );
    assert_eq!(
        temp_files(watch),
        Vec::<PathBuf>::new(),
        "no temporary file right after the interrupt"
    );
    err
}

/// Ctrl-C (SIGINT) in the middle of an export: it exits 130 with the temporary file it
/// was writing already removed, the older export left as it was.
#[test]
fn ctrl_c_during_export() {
    let (tmp, root) = fixture();
    let docs = tmp.path().join("bulk.jsonl");
    std::fs::write(&docs, big_text_docs(800)).unwrap();
    annot_in(&root)
        .args(["import", "--format", "jsonl-spans", "--as", "bulk"])
        .arg(&docs)
        .assert()
        .success();
    let out = tmp.path().join("out");
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("all.jsonl"), b"the previous export\n").unwrap();
    let args = ["export", "--format", "jsonl", "--from", "bulk", "--out"].map(std::ffi::OsStr::new);
    let args: Vec<&std::ffi::OsStr> = args.into_iter().chain([out.as_os_str()]).collect();
    interrupt_while_writing(&root, &args, &out, "INT");
    assert_eq!(
        std::fs::read(out.join("all.jsonl")).unwrap(),
        b"the previous export\n"
    );
    let again = annot_in(&root)
        .args(["export", "--format", "jsonl", "--from", "bulk", "--out"])
        .arg(&out)
        .assert()
        .success();
    let err = String::from_utf8_lossy(&again.get_output().stderr).to_string();
    assert!(!err.contains("removed"), "{err}");
    let written = std::fs::read_to_string(out.join("all.jsonl")).unwrap();
    assert_eq!(written.lines().count(), 800);
}

/// SIGTERM in the middle of an import: it exits 143 with the corpus file it was
/// writing removed, the corpus as it was.
#[test]
fn sigterm_during_import() {
    let (tmp, root) = fixture();
    let docs = tmp.path().join("bulk.jsonl");
    std::fs::write(&docs, big_text_docs(6000)).unwrap();
    let corpus = root.join("corpus");
    let before = snapshot(&root);
    let args = [std::ffi::OsStr::new("import"), docs.as_os_str()];
    interrupt_while_writing(&root, &args, &corpus, "TERM");
    assert!(snapshot(&root) == before, "the project as it was");
}

/// A disk that fills up for real (a 1 MiB tmpfs, root only): import, export and
/// annotate stop with the file named and ENOSPC, leave no temporary file and the
/// project as it was. Where the mount is not allowed (not root, no CAP_SYS_ADMIN) the
/// `ulimit -f` rows of the matrix cover the same paths; this says it skipped.
#[test]
fn disk_full_on_a_small_tmpfs() {
    struct Mount(PathBuf);
    impl Drop for Mount {
        fn drop(&mut self) {
            let _ = std::process::Command::new("umount").arg(&self.0).status();
        }
    }
    let (tmp, root) = fixture();
    let small = tmp.path().join("small");
    std::fs::create_dir(&small).unwrap();
    let mounted = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=1m", "tmpfs"])
        .arg(&small)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        eprintln!("skipped: cannot mount a tmpfs here (needs root); the ulimit -f rows cover this");
        return;
    }
    let _guard = Mount(small.clone());
    let proj = small.join("proj");
    let copy = std::process::Command::new("cp")
        .arg("-a")
        .arg(&root)
        .arg(&proj)
        .status()
        .unwrap();
    assert!(copy.success());
    let before = snapshot(&proj);
    let docs = tmp.path().join("big.jsonl");
    std::fs::write(&docs, big_text_docs(700)).unwrap();
    let import = annot_in(&proj).arg("import").arg(&docs).assert().code(2);
    let err = String::from_utf8_lossy(&import.get_output().stderr).to_string();
    assert!(
        err.contains("corpus/import-0002.jsonl: No space left on device"),
        "{err}"
    );
    assert_eq!(snapshot(&proj), before);
    assert!(temp_files(&small).is_empty(), "{:?}", temp_files(&small));
    // Export of a log too big for what is left.
    annot_in(&root)
        .args(["import", "--format", "jsonl-spans", "--as", "bulk"])
        .arg(&docs)
        .assert()
        .success();
    let out = small.join("out");
    let export = annot_in(&root)
        .args(["export", "--format", "jsonl", "--from", "bulk", "--out"])
        .arg(&out)
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&export.get_output().stderr).to_string();
    assert!(
        err.contains("out/all.jsonl") && err.contains("No space left on device"),
        "{err}"
    );
    assert!(temp_files(&small).is_empty(), "{:?}", temp_files(&small));
    // Annotate on a full disk: refused when the record cannot be written, nothing torn.
    let filler = small.join("filler");
    let _ = std::fs::write(&filler, vec![0u8; 1 << 20]);
    let session = annot_in(&proj)
        .args(["annotate", "--annotator", "carol"])
        .write_stdin("Alice PER\n\n")
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&session.get_output().stderr).to_string();
    assert!(
        err.contains("carol.jsonl") && err.contains("No space left on device"),
        "{err}"
    );
    let carol = std::fs::read(proj.join("annotations/carol.jsonl")).unwrap_or_default();
    assert!(carol.is_empty() || carol.ends_with(b"\n"), "a torn record");
}

/// A temporary file a killed process left in any directory annot writes into (the
/// corpus index, `annotations/` where draft journals are rewritten, the schema's
/// directory) is reported by `annot check` and removed by `check --fix` and by the next
/// import, as one in `corpus/` is. (Found by scripts/crash_test.py: a kill during an
/// annotated import left `.annot/index/.annot-tmp-*`, which nothing reported.)
#[test]
fn temporary_files_left_anywhere_in_the_project_are_reported_and_removed() {
    let (tmp, root) = fixture();
    let planted = [
        root.join(".annot/index/.annot-tmp-killed1"),
        root.join("annotations/.annot-tmp-killed2"),
        root.join("schemas/.annot-tmp-killed3"),
    ];
    for p in &planted {
        std::fs::write(p, b"half").unwrap();
    }
    let check = annot_in(&root).args(["check", "--json"]).assert().code(1);
    let report: serde_json::Value = serde_json::from_slice(&check.get_output().stdout).unwrap();
    let reported = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["kind"] == "temp_file")
        .count();
    assert_eq!(reported, 3, "{report}");
    annot_in(&root).args(["check", "--fix"]).assert().success();
    assert!(temp_files(&root).is_empty(), "{:?}", temp_files(&root));
    // The next import removes them too.
    for p in &planted {
        std::fs::write(p, b"half").unwrap();
    }
    let more = write(
        tmp.path(),
        "more.jsonl",
        b"{\"id\":\"d3\",\"text\":\"New text.\"}\n",
    );
    annot_in(&root).arg("import").arg(more).assert().success();
    assert!(temp_files(&root).is_empty(), "{:?}", temp_files(&root));
}

/// A brat export writes each split as a temporary folder renamed into place: the one a
/// killed brat export left is removed by the next export into that `--out` (which holds
/// a lock on the folder, so it never takes a running export's), and a second export
/// into a folder an export is writing is refused, not interleaved.
#[test]
fn a_killed_brat_export_folder_is_removed_and_two_exports_into_one_folder_are_refused() {
    let (tmp, root) = fixture();
    let out = tmp.path().join("brat-out");
    std::fs::create_dir_all(out.join(".annot-tmp-killed/all")).unwrap();
    std::fs::write(out.join(".annot-tmp-killed/all/d1.txt"), D1).unwrap();
    let export = || {
        let mut c = annot_in(&root);
        c.args(["export", "--format", "brat", "--from", "alice", "--out"])
            .arg(&out);
        c
    };
    let done = export().assert().success();
    let err = String::from_utf8_lossy(&done.get_output().stderr).to_string();
    assert!(
        err.contains("removed 1 temporary file(s) left by an export that did not finish"),
        "{err}"
    );
    assert!(temp_files(&out).is_empty() && !out.join(".annot-tmp-killed").exists());
    let before = snapshot(&out);
    let held = std::fs::File::open(&out).unwrap();
    held.try_lock().unwrap();
    let refused = export().assert().code(2);
    let err = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(
        err.contains("another annot export is writing into this directory"),
        "{err}"
    );
    assert_eq!(snapshot(&out), before);
    drop(held);
    export().assert().success();
}

/// Runs `annot ARGS` on `root` with the test-only hook that raises `signal`
/// (`int`, `term`, `kill`) right after commit step `step`; returns (exit code,
/// stderr).
fn signalled_at(
    root: &Path,
    args: &[&std::ffi::OsStr],
    step: u64,
    signal: &str,
) -> (Option<i32>, String) {
    let out = annot_in(root)
        .env(
            "ANNOT_TEST_SIGNAL_AT",
            format!("commit-step-{step}:{signal}"),
        )
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

/// Ctrl-C (and SIGTERM) after each step of an export's commit (split files renamed
/// one by one, the manifest, a stale split removed): the export directory is wholly
/// the new export, never new train.jsonl beside old dev.jsonl, and the message says
/// the export was written; past the last step the export ends as usual (exit 0).
#[test]
fn interrupt_at_each_step_of_an_export_commit_leaves_a_whole_export() {
    let (tmp, root) = fixture();
    let docs = tmp.path().join("bulk.jsonl");
    std::fs::write(&docs, big_text_docs(60)).unwrap();
    annot_in(&root)
        .args(["import", "--format", "jsonl-spans", "--as", "bulk"])
        .arg(&docs)
        .assert()
        .success();
    let export = |out: &Path, split: &str, seed: &str| -> Vec<std::ffi::OsString> {
        [
            "export", "--format", "jsonl", "--from", "bulk", "--split", split, "--seed", seed,
        ]
        .iter()
        .map(std::ffi::OsString::from)
        .chain(["--out".into(), out.as_os_str().to_owned()])
        .collect()
    };
    let old = |out: &Path| export(out, "train=50,dev=25,test=25", "1");
    let new = |out: &Path| export(out, "train=90,dev=10", "2");
    let relative = |dir: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(dir)
            .into_iter()
            .map(|(p, b)| (p.strip_prefix(dir).unwrap().to_owned(), b))
            .collect()
    };
    let whole_new = tmp.path().join("whole-new");
    annot_in(&root).args(new(&whole_new)).assert().success();
    let whole_new = relative(&whole_new);
    assert!(whole_new.contains_key(Path::new("dev.jsonl")) && whole_new.len() == 3);
    let out = tmp.path().join("out");
    for (signal, code, name) in [("int", 130, "Ctrl-C"), ("term", 143, "SIGTERM")] {
        let mut interrupted = 0;
        for step in 1.. {
            let _ = std::fs::remove_dir_all(&out);
            annot_in(&root).args(old(&out)).assert().success();
            assert!(out.join("test.jsonl").exists());
            let args = new(&out);
            let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
            let (got, err) = signalled_at(&root, &args, step, signal);
            assert_eq!(relative(&out), whole_new, "{signal} at step {step}: {err}");
            assert_eq!(temp_files(&out), Vec::<PathBuf>::new(), "{err}");
            if got == Some(0) {
                assert!(!err.contains("interrupted"), "{err}");
                break;
            }
            assert_eq!(got, Some(code), "{signal} at step {step}: {err}");
            assert!(
                err.contains(&format!("interrupted ({name}) after the export into "))
                    && err.contains("was written in full"),
                "{err}"
            );
            interrupted += 1;
            assert!(step < 50, "the export never ran to the end");
        }
        // train, dev, the manifest naming test too, test removed, the manifest.
        assert!(interrupted >= 5, "{interrupted} steps interrupted");
    }
}

/// Every entry under `dir` named `.annot-tmp-*`, files and folders.
fn temp_entries(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(".annot-tmp-") {
                out.push(e.path());
            } else if e.file_type().unwrap().is_dir() {
                todo.push(e.path());
            }
        }
    }
    out
}

/// A brat export of 2 splits over one of 3: the arguments, and the project.
fn brat_exports() -> (
    tempfile::TempDir,
    PathBuf,
    impl Fn(&Path, bool) -> Vec<std::ffi::OsString>,
) {
    let (tmp, root) = fixture();
    let docs = tmp.path().join("bulk.jsonl");
    std::fs::write(&docs, big_text_docs(60)).unwrap();
    annot_in(&root)
        .args(["import", "--format", "jsonl-spans", "--as", "bulk"])
        .arg(&docs)
        .assert()
        .success();
    let export = |out: &Path, new: bool| -> Vec<std::ffi::OsString> {
        let (split, seed) = if new {
            ("train=90,dev=10", "2")
        } else {
            ("train=50,dev=25,test=25", "1")
        };
        [
            "export", "--format", "brat", "--from", "bulk", "--split", split, "--seed", seed,
        ]
        .iter()
        .map(std::ffi::OsString::from)
        .chain(["--out".into(), out.as_os_str().to_owned()])
        .collect()
    };
    (tmp, root, export)
}

fn relative_snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    snapshot(dir)
        .into_iter()
        .map(|(p, b)| (p.strip_prefix(dir).unwrap().to_owned(), b))
        .collect()
}

/// Ctrl-C (and SIGTERM) after each step of a brat export's commit (the old split
/// folders moved aside, the new ones renamed in, the manifest, the stale split
/// removed): `--out` is wholly the new export, never a new train/ beside the old
/// dev/, and no `.annot-tmp-*` folder is left.
#[test]
fn interrupt_at_each_step_of_a_brat_export_commit_leaves_a_whole_export() {
    let (tmp, root, export) = brat_exports();
    let whole_new = tmp.path().join("whole-new");
    annot_in(&root)
        .args(export(&whole_new, true))
        .assert()
        .success();
    let whole_new = relative_snapshot(&whole_new);
    assert!(whole_new.keys().any(|p| p.starts_with("dev")));
    let out = tmp.path().join("out");
    for (signal, code) in [("int", 130), ("term", 143)] {
        let mut interrupted = 0;
        for step in 1.. {
            let _ = std::fs::remove_dir_all(&out);
            annot_in(&root).args(export(&out, false)).assert().success();
            assert!(out.join("test").is_dir());
            let args = export(&out, true);
            let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
            let (got, err) = signalled_at(&root, &args, step, signal);
            assert_eq!(
                relative_snapshot(&out),
                whole_new,
                "{signal} at step {step}: {err}"
            );
            assert_eq!(temp_entries(&out), Vec::<PathBuf>::new(), "{err}");
            if got == Some(0) {
                break;
            }
            assert_eq!(got, Some(code), "{signal} at step {step}: {err}");
            assert!(err.contains("was written in full"), "{err}");
            interrupted += 1;
            assert!(step < 50, "the export never ran to the end");
        }
        // train and dev aside, train and dev in, the manifest, test removed, ...
        assert!(interrupted >= 5, "{interrupted} steps interrupted");
    }
}

/// Ctrl-C twice during a brat export's commit (the second cuts the wait short):
/// the old split folders are never deleted; each old split is at its place or in
/// the folder the message names as left.
#[test]
fn ctrl_c_twice_in_a_brat_export_commit_never_deletes_an_old_split() {
    let (tmp, root, export) = brat_exports();
    let out = tmp.path().join("out");
    for step in 1..=4 {
        let _ = std::fs::remove_dir_all(&out);
        annot_in(&root).args(export(&out, false)).assert().success();
        let old = relative_snapshot(&out);
        let args = export(&out, true);
        let args: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_os_str()).collect();
        let (got, err) = signalled_at(&root, &args, step, "int2");
        assert_eq!(got, Some(130), "step {step}: {err}");
        assert!(err.contains("interrupted (Ctrl-C twice)"), "{err}");
        // Every old .ann file: in place, or in a folder the message names.
        let now = snapshot(&out);
        for (rel, bytes) in old
            .iter()
            .filter(|(p, _)| p.starts_with("train") || p.starts_with("dev"))
        {
            if now.get(&out.join(rel)) == Some(bytes) {
                continue;
            }
            let name = rel.file_name().unwrap();
            let kept = now.iter().any(|(p, b)| {
                b == bytes
                    && p.file_name() == Some(name)
                    && temp_entries(&out)
                        .iter()
                        .any(|t| p.starts_with(t) && err.contains(&t.display().to_string()))
            });
            assert!(kept, "step {step}: old {} lost: {err}", rel.display());
        }
    }
}

/// `kill -9` (and Ctrl-C) after each step of an annotated import's commit (the
/// journal entry, the corpus file, the records, the journal entry removed): either
/// the project is as it was, or the import is whole, or `check` reports the
/// unfinished import (exit 1) and the same import run again finishes it.
#[test]
fn kill_at_each_step_of_an_annotated_import_is_reported_or_whole() {
    let (tmp, _) = fixture();
    let docs = tmp.path().join("bulk.jsonl");
    std::fs::write(&docs, big_text_docs(30)).unwrap();
    let args = ["import", "--format", "jsonl-spans", "--as", "bulk"]
        .map(std::ffi::OsStr::new)
        .into_iter()
        .chain([docs.as_os_str()])
        .collect::<Vec<_>>();
    let whole = |root: &Path| {
        let shown = annot_in(root)
            .args(["show", "big29", "--plain"])
            .output()
            .unwrap();
        let log = std::fs::read_to_string(root.join("annotations/bulk.jsonl")).unwrap_or_default();
        (shown.status.success(), log.lines().count())
    };
    for signal in ["kill", "int"] {
        let mut reported = 0;
        for step in 1.. {
            let root = tmp.path().join(format!("p-{signal}-{step}"));
            annot().arg("init").arg(&root).assert().success();
            let before = snapshot(&root);
            let (got, err) = signalled_at(&root, &args, step, signal);
            let check = annot_in(&root).args(["check", "--json"]).output().unwrap();
            let check_out = String::from_utf8_lossy(&check.stdout).to_string();
            if got == Some(0) {
                assert!(!err.contains("interrupted"), "{err}");
                assert_eq!(check.status.code(), Some(0), "{check_out}");
                break;
            }
            if signal == "int" {
                assert_eq!(got, Some(130), "{err}");
                assert!(
                    err.contains("interrupted (Ctrl-C) after the import into ")
                        && err.contains("was written in full"),
                    "{err}"
                );
            }
            if check_out.contains("unfinished_import") {
                assert_eq!(check.status.code(), Some(1), "{check_out}");
                reported += 1;
                annot_in(&root).args(&args).assert().success();
                annot_in(&root).args(["check"]).assert().success();
            } else {
                assert!(
                    snapshot(&root) == before || whole(&root) == (true, 30),
                    "{signal} at step {step}: neither untouched, whole nor reported\n{err}\n{check_out}"
                );
            }
            assert!(step < 20, "the import never ran to the end");
        }
        if signal == "kill" {
            // After the journal entry, the corpus file and the records.
            assert!(reported >= 3, "{reported} kills reported");
        } else {
            assert_eq!(reported, 0, "Ctrl-C lets the import end whole");
        }
    }
}

/// corpus/ deleted, or replaced by a file: status and export say so (exit 2)
/// instead of reporting 0 documents and writing an empty export.
#[test]
fn a_missing_corpus_folder_is_named_by_status_and_export() {
    let (tmp, root) = fixture();
    let corpus = root.join("corpus");
    let out = tmp.path().join("out");
    let aside = tmp.path().join("corpus-aside");
    std::fs::rename(&corpus, &aside).unwrap();
    for (make_file, said) in [(false, "is missing"), (true, "is not a folder")] {
        if make_file {
            std::fs::write(&corpus, "not a folder").unwrap();
        }
        for args in [
            vec!["status"],
            vec!["export", "--format", "jsonl", "--from", "alice", "--out"],
        ] {
            let mut c = annot_in(&root);
            c.args(&args);
            if args[0] == "export" {
                c.arg(&out);
            }
            let done = c.assert().code(2);
            let err = String::from_utf8_lossy(&done.get_output().stderr).to_string();
            assert!(
                err.contains("corpus") && err.contains(said),
                "{args:?}: {err}"
            );
        }
        assert!(!out.exists(), "nothing exported");
    }
    std::fs::remove_file(&corpus).unwrap();
    std::fs::rename(&aside, &corpus).unwrap();
    annot_in(&root).arg("status").assert().success();
}

/// Row 79: an annotated import whose records fill the disk in a later chunk
/// (`ulimit -f`; the logs are appended 2048 records a write) leaves every log
/// byte for byte as it was: alice's, appended in full before bob's failed, is cut
/// back, bob's first chunk too, and dan's, made by the import, is gone. The journal
/// says the import is to be run again, and running it again writes every record.
#[test]
fn an_annotated_import_that_fills_the_disk_leaves_every_log_as_it_was() {
    let (tmp, root) = fixture();
    // Prodigy tasks with their times (the same records each run): alice 10, bob
    // 3000 (40 spans each: a record weighs more than its corpus line), dan 5.
    let task = |id: String, who: &str, spans: usize, t: usize| {
        let text = "Paris ".repeat(spans).trim_end().to_owned();
        let spans: Vec<_> = (0..spans)
            .map(|k| serde_json::json!({"start": k * 6, "end": k * 6 + 5, "label": "LOC"}))
            .collect();
        serde_json::json!({"id": id, "text": format!("{id}: {text}"), "spans": spans,
            "answer": "accept", "_annotator_id": who, "_timestamp": 1_800_000_000 + t})
        .to_string()
            + "\n"
    };
    let shift = |line: String, id: &str| {
        // The spans' offsets count from the text's start: the id and ": " come first.
        let mut v: serde_json::Value = serde_json::from_str(&line).unwrap();
        let skip = id.chars().count() as u64 + 2;
        for s in v["spans"].as_array_mut().unwrap() {
            s["start"] = (s["start"].as_u64().unwrap() + skip).into();
            s["end"] = (s["end"].as_u64().unwrap() + skip).into();
        }
        v.to_string() + "\n"
    };
    let mut input = String::new();
    for (who, n, spans) in [("alice", 10, 2), ("bob", 3000, 40), ("dan", 5, 1)] {
        for i in 0..n {
            let id = format!("{who}-{i:04}");
            input += &shift(task(id.clone(), who, spans, i), &id);
        }
    }
    let file = tmp.path().join("tasks.jsonl");
    std::fs::write(&file, &input).unwrap();
    let import = ["import", "--format", "prodigy"];
    let logs = |root: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(&root.join("annotations"))
            .into_iter()
            .map(|(k, v)| (k.strip_prefix(root).unwrap().to_owned(), v))
            .collect()
    };

    // The same import on a twin project, to size the limit: above the corpus
    // file and bob's log after its first chunk, below bob's log in full.
    let (_twin_tmp, twin) = fixture();
    let len =
        |root: &Path, who: &str| std::fs::metadata(log_path(root, who)).map_or(0, |m| m.len());
    let twin_before: Vec<u64> = ["alice", "bob", "dan"].map(|w| len(&twin, w)).to_vec();
    let bob_before = twin_before[1];
    annot_in(&twin).args(import).arg(&file).assert().success();
    let bob = std::fs::read(log_path(&twin, "bob")).unwrap();
    let new = &bob[bob_before as usize..];
    let first_chunk: usize = new
        .split_inclusive(|&b| b == b'\n')
        .take(2048)
        .map(<[u8]>::len)
        .sum();
    let (chunk_end, full) = (bob_before + first_chunk as u64, bob.len() as u64);
    let corpus = std::fs::metadata(twin.join("corpus/import-0002.jsonl"))
        .unwrap()
        .len();
    assert_eq!(
        new.split(|&b| b == b'\n').count(),
        3001,
        "3000 records for bob"
    );
    let limit = (chunk_end + full) / 2;
    assert!(
        corpus < limit && chunk_end < limit,
        "{corpus} {chunk_end} {limit} {full}"
    );

    let before = logs(&root);
    let blocks = limit / 512; // dash's ulimit -f counts 512-byte blocks
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -f {blocks}; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_annot"))
        .env_remove("ANNOT_PROJECT")
        .env("NO_COLOR", "1")
        .arg("--project")
        .arg(&root)
        .args(import)
        .arg(&file)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("bob.jsonl") && err.contains("File too large"),
        "{err}"
    );
    let after = logs(&root);
    let sizes = |m: &BTreeMap<PathBuf, Vec<u8>>| -> Vec<(PathBuf, usize)> {
        m.iter().map(|(k, v)| (k.clone(), v.len())).collect()
    };
    assert!(
        after == before,
        "every log as it was, dan's not made: {:?}, before {:?}",
        sizes(&after),
        sizes(&before)
    );
    assert!(temp_files(tmp.path()).is_empty());
    let check = annot_in(&root).args(["check", "--json"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("unfinished_import"),
        "the journal says the import is to be run again"
    );
    // Run again, with room: every record lands, the same lines as on the twin.
    annot_in(&root).args(import).arg(&file).assert().success();
    annot_in(&root).arg("check").assert().success();
    for (k, who) in ["alice", "bob", "dan"].iter().enumerate() {
        let was = before.get(&PathBuf::from(format!("annotations/{who}.jsonl")));
        let mut want = was.cloned().unwrap_or_default();
        want.extend_from_slice(
            &std::fs::read(log_path(&twin, who)).unwrap()[twin_before[k] as usize..],
        );
        let got = std::fs::read(log_path(&root, who)).unwrap();
        assert!(
            got == want,
            "{who}: {} bytes, {} expected",
            got.len(),
            want.len()
        );
    }
}

/// Row 78: with no index of the logs to be written (`.annot/logs` is a file, and
/// `TMPDIR` too), the commands that read logs read them all the same, in memory:
/// the same output, and one note on stderr saying the index could not be written
/// and why. (Root writes through any mode bits, so a file stands where a folder
/// should be.)
#[test]
fn commands_read_the_logs_when_no_index_can_be_written() {
    let (tmp, root) = fixture();
    let commands: [&[&str]; 5] = [
        &["status"],
        &["show", "d1", "--plain"],
        &["agree", "alice", "bob"],
        &["diff", "alice", "bob"],
        &["export", "--format", "jsonl", "--from", "alice", "--out"],
    ];
    let run = |args: &[&str], out: &Path, tmpdir: Option<&Path>| {
        let mut c = annot_in(&root);
        c.args(args);
        if args[0] == "export" {
            c.arg(out);
        }
        if let Some(t) = tmpdir {
            c.env("TMPDIR", t);
        }
        let done = c.output().unwrap();
        let exported = std::fs::read(out.join("all.jsonl")).ok();
        (done, exported)
    };
    // As it reads with the index written.
    let want: Vec<_> = commands
        .iter()
        .map(|args| {
            let (done, exported) = run(args, &tmp.path().join("out-before"), None);
            assert!(done.status.success(), "{args:?}: {:?}", done);
            assert!(done.stderr.is_empty() || args[0] == "export", "{args:?}");
            (done.stdout, exported)
        })
        .collect();
    let logs = root.join(".annot/logs");
    assert!(
        logs.join("alice.jsonl.lix").is_file(),
        "the index was written"
    );
    std::fs::remove_dir_all(&logs).unwrap();
    std::fs::write(&logs, "a file where the index's folder goes").unwrap();
    let no_tmp = tmp.path().join("no-tmp");
    std::fs::write(&no_tmp, "a file, not a folder").unwrap();
    let before = snapshot(&root);
    for (args, (stdout, exported)) in commands.iter().zip(&want) {
        let (done, got) = run(args, &tmp.path().join("out-after"), Some(&no_tmp));
        let err = String::from_utf8_lossy(&done.stderr).to_string();
        assert_eq!(done.status.code(), Some(0), "{args:?}: {err}");
        assert!(!err.contains("cannot index"), "{args:?}: {err}");
        assert_eq!(
            String::from_utf8_lossy(&done.stdout),
            String::from_utf8_lossy(stdout),
            "{args:?}"
        );
        assert_eq!(&got, exported, "{args:?}");
        assert_eq!(
            err.matches("could not be written").count(),
            1,
            "{args:?}: said once: {err}"
        );
        let note = err
            .lines()
            .find(|l| l.starts_with("note: the index of"))
            .unwrap_or_else(|| panic!("{args:?}: {err}"));
        assert!(note.contains("annotations/alice.jsonl"), "{note}");
        assert!(note.contains(".annot/logs"), "{note}");
        assert!(note.contains("Not a directory"), "{note}");
        assert!(note.contains("read without it"), "{note}");
    }
    assert_eq!(snapshot(&root), before, "nothing written in the project");
    assert!(temp_files(tmp.path()).is_empty());
    assert!(logs.is_file());
}

/// A split far from its weights (all 60 near-duplicate documents are one cluster,
/// held together in one split): a warning names the split and the largest
/// cluster; with --no-near-duplicates there is no cluster and no warning.
#[test]
fn a_split_far_from_its_weights_warns_with_the_largest_cluster() {
    let (tmp, root) = fixture();
    let docs = tmp.path().join("bulk.jsonl");
    // One article, 60 copies a word apart: one near-duplicate cluster.
    let article = "The city council met on Monday to discuss the new water plan for the \
                   northern districts, where wells ran dry last summer. "
        .repeat(20);
    let lines: String = (0..60)
        .map(|i| {
            let text = format!("{article}Copy {i}.");
            serde_json::json!({"id": format!("near{i:02}"), "text": text}).to_string() + "\n"
        })
        .collect();
    std::fs::write(&docs, lines).unwrap();
    annot_in(&root)
        .args(["import", "--format", "jsonl-spans", "--as", "bulk"])
        .arg(&docs)
        .assert()
        .success();
    let export = |extra: &[&str]| {
        let done = annot_in(&root)
            .args(["export", "--format", "jsonl", "--from", "bulk"])
            .args(["--split", "train=50,dev=50", "--seed", "1", "--out"])
            .arg(tmp.path().join("out"))
            .args(extra)
            .assert()
            .success();
        String::from_utf8_lossy(&done.get_output().stderr).to_string()
    };
    let err = export(&[]);
    assert!(
        err.contains("warning: split ")
            && err.contains("% of the documents for a weight of 50%")
            && err.contains("the largest near-duplicate cluster, 60 document(s) like near"),
        "{err}"
    );
    let err = export(&["--no-near-duplicates"]);
    assert!(!err.contains("warning: split"), "{err}");
}
