//! Issue 7, import side: data loss and silent corruption found by a hostile new user.

use std::fs;
use std::path::Path;
use std::process::Stdio;

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
