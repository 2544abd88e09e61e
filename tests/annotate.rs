//! `annot annotate`: scripted sessions, a real terminal, and kill -9 at random points.

mod closed_stdout;
mod kill;
mod screen;
mod scripted;
mod terminal;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use annot_model::record::Record;

/// Three short articles whose entities stand between spaces, so any tokenizer
/// puts token boundaries around them.
pub(crate) const A: &str = "Le Hezbollah participe aux opérations à Boukamal .\n\n\
    Les forces de l' armée syrienne ont repris Boukamal hier .\n\n\
    Rami Abdel Rahmane dirige l' OSDH depuis Londres .";
pub(crate) const B: &str =
    "Boukamal est proche de la frontière avec l' Irak .\n\nLe Hezbollah y est présent .";
pub(crate) const C: &str = "Rien à signaler ici .";
pub(crate) const D: &str = "Encore un texte sans entité .";

/// `annotations/<who>.jsonl` of a project.
pub(crate) fn log_path(root: &Path, who: &str) -> PathBuf {
    root.join("annotations").join(format!("{who}.jsonl"))
}

/// Every record of a log, in order.
pub(crate) fn records(root: &Path, who: &str) -> Vec<Record> {
    let text = std::fs::read_to_string(log_path(root, who)).unwrap_or_default();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// The last record of a document.
pub(crate) fn latest(root: &Path, who: &str, doc: &str) -> Record {
    records(root, who)
        .into_iter()
        .rev()
        .find(|r| r.doc == doc)
        .unwrap_or_else(|| panic!("no record of {doc}"))
}

/// A live session of `who` reading commands from a pipe (stdout piped, stderr dropped).
pub(crate) fn spawn_session(root: &Path, who: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_annot"))
        .arg("--project")
        .arg(root)
        .args(["annotate", "--annotator", who])
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("annot starts")
}

#[test]
fn spans_taken_from_another_annotators_suggestions_name_that_annotator() {
    // hostile7 #42: `--suggest-from c` recorded only `source: model`, whoever c was.
    let (_tmp, root) = crate::compare::three_annotators();
    crate::common::annot_in(&root)
        .args(["annotate", "--annotator", "zed", "--suggest-from", "bob"])
        .write_stdin("y\n\nq\n")
        .assert()
        .success();
    let log = std::fs::read_to_string(root.join("annotations/zed.jsonl")).unwrap();
    let rec: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
    assert!(
        rec["spans"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["source"] == "model"),
        "{rec}"
    );
    assert_eq!(rec["suggested_by"], "bob", "{rec}");
}
