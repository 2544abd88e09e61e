//! Concurrency, end to end: what two annot processes on one project do at once.
//!
//! The rules (BAD_INPUTS.md, "Concurrency"): a log has one writer at a time (a second
//! `annotate`, `adjudicate`, `merge` or annotated `import` into the same annotator is
//! refused at once, exit 2, naming the annotator); imports of one project take turns
//! (the second waits on `.annot/import.lock`); readers (`export`, `agree`, `status`)
//! never wait and see each file whole. The crash test at scale is
//! `scripts/crash_test.py`.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};

use crate::common::{annot_in, stdout_of};

/// A project with `n` documents, alice's and bob's decisions on all of them.
fn project(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let docs: Vec<(String, String)> = (0..n)
        .map(|i| {
            (
                format!("d{i:03}"),
                format!("Alice met Bob in Paris, story {i}."),
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = docs.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    let (tmp, root) = crate::common::jsonl_project(&refs);
    for (who, script) in [("alice", "Alice PER\n\n"), ("bob", "Bob PER\n\n")] {
        annot_in(&root)
            .args(["annotate", "--annotator", who])
            .write_stdin(script.repeat(n))
            .assert()
            .success();
    }
    (tmp, root)
}

/// An interactive-like session kept open (its stdin is a pipe the test holds), started
/// and waited for until its first screen is out.
struct Session {
    child: Child,
    stdin: Option<ChildStdin>,
}

impl Session {
    fn start(root: &Path, args: &[&str]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_annot"))
            .env_remove("ANNOT_PROJECT")
            .env("NO_COLOR", "1")
            .arg("--project")
            .arg(root)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take();
        let mut out = BufReader::new(child.stdout.take().unwrap());
        // The first document's header: the log is open and locked by then.
        let mut line = String::new();
        while out.read_line(&mut line).unwrap() > 0 && !line.contains("── ") {
            line.clear();
        }
        assert!(line.contains("── "), "the session did not start");
        // Keep draining stdout so that the session never blocks on a full pipe.
        std::thread::spawn(move || std::io::copy(&mut out, &mut std::io::sink()));
        Self { child, stdin }
    }

    /// Types `script`, closes stdin and waits for the session to end.
    fn finish(mut self, script: &str) -> std::process::ExitStatus {
        let mut stdin = self.stdin.take().unwrap();
        stdin.write_all(script.as_bytes()).unwrap();
        drop(stdin);
        self.child.wait().unwrap()
    }
}

fn log_lines(root: &Path, who: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(root.join("annotations").join(format!("{who}.jsonl")))
        .unwrap_or_default()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a whole record"))
        .collect()
}

/// While a session holds gold's log, `merge --into gold` (and a second session) is
/// refused at once with the annotator named; once the session ends the merge runs.
#[test]
fn a_log_held_by_a_session_refuses_a_second_writer() {
    let (_tmp, root) = project(3);
    let session = Session::start(&root, &["annotate", "--annotator", "gold"]);
    let merge = annot_in(&root)
        .args(["merge", "alice", "bob", "--into", "gold"])
        .assert()
        .code(2);
    let err = String::from_utf8_lossy(&merge.get_output().stderr).to_string();
    assert!(
        err.contains("annotator 'gold' is already in use by another annot process"),
        "{err}"
    );
    annot_in(&root)
        .args(["adjudicate", "alice", "bob", "--into", "gold"])
        .write_stdin("q\n")
        .assert()
        .code(2);
    // An annotated import into gold: refused before anything lands, corpus included.
    let spans = root.join("../spans.jsonl");
    std::fs::write(
        &spans,
        "{\"id\":\"z1\",\"text\":\"Zed met Bob.\",\"spans\":[]}\n",
    )
    .unwrap();
    let corpus_before = std::fs::read_dir(root.join("corpus")).unwrap().count();
    annot_in(&root)
        .args(["import", "--format", "jsonl-spans", "--as", "gold"])
        .arg(&spans)
        .assert()
        .code(2);
    assert_eq!(
        std::fs::read_dir(root.join("corpus")).unwrap().count(),
        corpus_before
    );
    assert!(session.finish("q\n").success());
    assert!(log_lines(&root, "gold").is_empty());
    annot_in(&root)
        .args(["merge", "alice", "bob", "--into", "gold"])
        .assert()
        .success();
    assert_eq!(log_lines(&root, "gold").len(), 3);
}

/// Two merges into one target started together: each either runs or is refused (the
/// log is locked), never both write: one record per document, as a merge alone writes.
#[test]
fn two_merges_into_one_target_at_once() {
    let (_tmp, root) = project(40);
    for round in 0..4 {
        let target = format!("gold{round}");
        let spawn = || {
            Command::new(env!("CARGO_BIN_EXE_annot"))
                .env("NO_COLOR", "1")
                .arg("--project")
                .arg(&root)
                .args(["merge", "alice", "bob", "--into", &target])
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        };
        let (a, b) = (spawn(), spawn());
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            match out.status.code() {
                Some(0) => {}
                Some(2) => assert!(
                    err.contains("is already in use by another annot process"),
                    "{err}"
                ),
                other => panic!("merge exit {other:?}: {err}"),
            }
        }
        let records = log_lines(&root, &target);
        let mut docs: Vec<&str> = records.iter().map(|r| r["doc"].as_str().unwrap()).collect();
        docs.sort_unstable();
        let before = docs.len();
        docs.dedup();
        assert_eq!(before, docs.len(), "a document merged twice into {target}");
        assert_eq!(docs.len(), 40);
    }
}

/// An import while a session is open lands whole; the session goes on and saves.
#[test]
fn import_while_a_session_annotates() {
    let (tmp, root) = project(3);
    let session = Session::start(&root, &["annotate", "--annotator", "carol"]);
    let more = tmp.path().join("more.jsonl");
    let lines: String = (0..50)
        .map(|i| {
            serde_json::json!({"id": format!("m{i}"), "text": format!("More news {i} from Lyon.")})
                .to_string()
                + "\n"
        })
        .collect();
    std::fs::write(&more, lines).unwrap();
    annot_in(&root).arg("import").arg(&more).assert().success();
    assert!(session.finish("Alice PER\n\nq\n").success());
    let carol = log_lines(&root, "carol");
    assert_eq!(carol.len(), 1);
    assert_eq!(carol[0]["doc"], "d000");
    let status = stdout_of(annot_in(&root).args(["status", "--json"]));
    let status: serde_json::Value = serde_json::from_str(&status).unwrap();
    assert_eq!(status["documents"], 53, "{status}");
    annot_in(&root).arg("check").assert().success();
}

/// Exports while an import runs: each one completes and gives the same bytes (the
/// import adds documents no log has decided); the import lands whole.
#[test]
fn export_while_an_import_runs() {
    let (tmp, root) = project(5);
    let export = |root: &Path| {
        stdout_of(annot_in(root).args([
            "export", "--format", "jsonl", "--from", "alice", "--out", "-",
        ]))
    };
    let reference = export(&root);
    let big = tmp.path().join("big.jsonl");
    let lines: String = (0..3000)
        .map(|i| {
            let text = format!("Dispatch {i} from Marseille about Nice. ").repeat(20);
            serde_json::json!({"id": format!("b{i}"), "text": text}).to_string() + "\n"
        })
        .collect();
    std::fs::write(&big, lines).unwrap();
    let mut import = Command::new(env!("CARGO_BIN_EXE_annot"))
        .arg("--project")
        .arg(&root)
        .arg("import")
        .arg(&big)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut exports = 0;
    while import.try_wait().unwrap().is_none() || exports == 0 {
        assert_eq!(export(&root), reference);
        exports += 1;
    }
    assert!(import.wait().unwrap().success());
    assert_eq!(export(&root), reference);
    let status: serde_json::Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(status["documents"], 3005);
}

/// Two imports at once take turns: both land, each document once.
#[test]
fn two_imports_at_once_take_turns() {
    let (tmp, root) = project(2);
    let files: Vec<_> = (0..2)
        .map(|k| {
            let path = tmp.path().join(format!("part{k}.jsonl"));
            let lines: String = (0..1500)
                .map(|i| serde_json::json!({"id": format!("p{k}-{i}"), "text": format!("Part {k}, note {i} on Paris. ").repeat(10)}).to_string() + "\n")
                .collect();
            std::fs::write(&path, lines).unwrap();
            path
        })
        .collect();
    let children: Vec<_> = files
        .iter()
        .map(|f| {
            Command::new(env!("CARGO_BIN_EXE_annot"))
                .arg("--project")
                .arg(&root)
                .arg("import")
                .arg(f)
                .stderr(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let status: serde_json::Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(status["documents"], 3002);
    annot_in(&root).arg("check").assert().success();
}

/// Eight scripted annotators at once, while an import, an `agree` and an `export` run:
/// every session saves all it was given, the readers exit 0 on whole records, the
/// import lands whole.
#[test]
fn eight_annotators_an_import_an_agree_and_an_export_at_once() {
    let (tmp, root) = project(30);
    let more = tmp.path().join("more.jsonl");
    let lines: String = (0..1000)
        .map(|i| serde_json::json!({"id": format!("m{i}"), "text": format!("Late news {i} from Nantes. ").repeat(10)}).to_string() + "\n")
        .collect();
    std::fs::write(&more, lines).unwrap();
    let spawn = |args: &[&str], stdin: Stdio| {
        Command::new(env!("CARGO_BIN_EXE_annot"))
            .env("NO_COLOR", "1")
            .arg("--project")
            .arg(&root)
            .args(args)
            .stdin(stdin)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let mut sessions = Vec::new();
    for k in 0..8 {
        let who = format!("ann{k}");
        let mut child = spawn(&["annotate", "--annotator", &who], Stdio::piped());
        let mut stdin = child.stdin.take().unwrap();
        // The first 30 documents (the import's come after them in corpus order).
        stdin
            .write_all("Paris LOC\n\n".repeat(30).as_bytes())
            .unwrap();
        drop(stdin);
        sessions.push((who, child));
    }
    let import = spawn(&["import", more.to_str().unwrap()], Stdio::null());
    let agree = spawn(&["agree", "alice", "bob"], Stdio::null());
    let export = spawn(
        &[
            "export", "--format", "jsonl", "--from", "alice", "--out", "-",
        ],
        Stdio::null(),
    );
    for (who, child) in sessions {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{who}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let records = log_lines(&root, &who);
        assert_eq!(records.len(), 30, "{who}");
        assert!(
            records.iter().all(|r| r["spans"][0]["text"] == "Paris"),
            "{who}"
        );
    }
    assert!(import.wait_with_output().unwrap().status.success());
    let agree = agree.wait_with_output().unwrap();
    assert!(
        agree.status.success(),
        "{}",
        String::from_utf8_lossy(&agree.stderr)
    );
    let export = export.wait_with_output().unwrap();
    assert!(export.status.success());
    let text = String::from_utf8(export.stdout).unwrap();
    assert_eq!(text.lines().count(), 30);
    for line in text.lines() {
        serde_json::from_str::<serde_json::Value>(line).expect("a whole exported line");
    }
    let status: serde_json::Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(status["documents"], 1030);
    annot_in(&root).arg("check").assert().success();
}
