//! Helpers shared by the end-to-end tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The built `annot` binary, with colour and the user's project variable cleared.
pub(crate) fn annot() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_annot"));
    cmd.env_remove("ANNOT_PROJECT").env("NO_COLOR", "1");
    cmd
}

/// [`annot`] on the project at `root` (`--project ROOT`).
pub(crate) fn annot_in(root: impl AsRef<Path>) -> Command {
    let mut cmd = annot();
    cmd.arg("--project").arg(root.as_ref());
    cmd
}

/// The repository's sample corpus.
pub(crate) fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus")
}

/// A fresh project in a temp dir: `annot init`, nothing imported.
pub(crate) fn empty_project() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("proj");
    annot().arg("init").arg(&root).assert().success();
    (tmp, root)
}

/// A project with the sample corpus imported.
pub(crate) fn sample_project() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = empty_project();
    annot_in(&root)
        .arg("import")
        .arg(sample_corpus())
        .assert()
        .success();
    (tmp, root)
}

/// Writes `docs.jsonl` with (id, text) pairs and imports it.
pub(crate) fn jsonl_project(docs: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = empty_project();
    let path = tmp.path().join("docs.jsonl");
    let lines: Vec<String> = docs
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string())
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").expect("write docs");
    annot_in(&root)
        .args(["import", "--id-field", "id"])
        .arg(&path)
        .assert()
        .success();
    (tmp, root)
}

/// stdout of a successful command as a string.
pub(crate) fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("utf-8 stdout")
}

/// stdout and stderr of a successful command as strings.
pub(crate) fn outputs_of(cmd: &mut Command) -> (String, String) {
    let out = cmd.assert().success().get_output().clone();
    (
        String::from_utf8(out.stdout).expect("utf-8 stdout"),
        String::from_utf8(out.stderr).expect("utf-8 stderr"),
    )
}

/// `(start, end, label, text)` of a JSON list of spans (a record's `spans`).
pub(crate) fn span_tuples(spans: &serde_json::Value) -> Vec<(u64, u64, String, String)> {
    spans
        .as_array()
        .expect("a list of spans")
        .iter()
        .map(|s| {
            (
                s["start"].as_u64().expect("start"),
                s["end"].as_u64().expect("end"),
                s["label"].as_str().expect("label").to_owned(),
                s["text"].as_str().expect("text").to_owned(),
            )
        })
        .collect()
}

/// A piped `annot annotate --annotator WHO --patterns examples/patterns.jsonl` session answering `script`.
pub(crate) fn annotate_with_patterns(root: &Path, who: &str, script: &str) {
    let patterns = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/patterns.jsonl");
    annot_in(root)
        .args(["annotate", "--annotator", who, "--patterns"])
        .arg(&patterns)
        .write_stdin(script)
        .assert()
        .success();
}

/// An empty project whose schema lets spans overlap (`"overlap": true`).
pub(crate) fn overlap_project() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = empty_project();
    let path = root.join("schemas/news.json");
    let schema = std::fs::read_to_string(&path).expect("schema");
    let allowed = schema.replace("\"overlap\": false", "\"overlap\": true");
    assert_ne!(schema, allowed, "the schema forbade overlaps");
    std::fs::write(&path, allowed).expect("schema written");
    (tmp, root)
}
