//! A session whose stdout reader has gone still applies and saves everything.

use std::process::{Command, Stdio};

use annot_model::record::Status;

use super::{A, B, C, records};
use crate::common::jsonl_project;

#[test]
fn closed_stdout_session_still_saves_every_decision() {
    let (tmp, root) = jsonl_project(&[("a", A), ("b", B), ("c", C)]);
    let cmds = tmp.path().join("cmds.txt");
    std::fs::write(&cmds, "Boukamal LOC\n\nx\na\na\n").unwrap();
    // A pipe whose reader is closed before annot starts: its first write fails.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_annot"))
        .arg("--project")
        .arg(&root)
        .args(["annotate", "--annotator", "bot"])
        .env("NO_COLOR", "1")
        .stdin(std::fs::File::open(&cmds).unwrap())
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert_eq!(
        stderr.trim_end(),
        "stdout was closed after 0 bytes; the session went on: 3 decision(s) saved"
    );
    let log = records(&root, "bot");
    let got: Vec<(&str, Status, usize)> = log
        .iter()
        .map(|r| (r.doc.as_str(), r.status, r.spans.len()))
        .collect();
    assert_eq!(
        got,
        [
            ("a", Status::Accepted, 1),
            ("b", Status::Rejected, 0),
            ("c", Status::Accepted, 0)
        ]
    );
}

#[test]
fn closed_stdout_midway_still_saves_every_decision() {
    let (tmp, root) = jsonl_project(&[("a", A), ("b", B), ("c", C)]);
    let cmds = tmp.path().join("cmds.txt");
    // Enough screens that `head -c 1` is gone before the last ones are written.
    let mut script = String::new();
    for _ in 0..200 {
        script.push_str("r\nl\n?\n");
    }
    // Accepting a document with nothing marked asks once: each a twice.
    script.push_str("a\na\na\na\na\na\n");
    std::fs::write(&cmds, script).unwrap();
    let out = Command::new("sh")
        .arg("-c")
        .arg(
            "{ \"$0\" --project \"$1\" annotate --annotator bot < \"$2\"; echo \"annot exit $?\" >&2; } \
             | head -c 1 >/dev/null",
        )
        .arg(env!("CARGO_BIN_EXE_annot"))
        .arg(&root)
        .arg(&cmds)
        .env("NO_COLOR", "1")
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{stderr}");
    assert!(
        lines[0].starts_with("stdout was closed after ")
            && lines[0].ends_with(" bytes; the session went on: 3 decision(s) saved"),
        "{stderr}"
    );
    assert_eq!(lines[1], "annot exit 0");
    assert_eq!(records(&root, "bot").len(), 3);
}
