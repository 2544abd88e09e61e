//! Snapshots of what a user reads: the status table, `check --json`, the
//! annotate screen and error messages, with temporary paths and times filtered.
//!
//! A changed snapshot fails the test; review it with `cargo insta review` (or
//! set `INSTA_UPDATE=always` once) and commit the new `.snap` file.

use std::path::Path;

use crate::common::{annot, annot_in, sample_project};

/// Runs `f` with filters for this project's temporary directory and for times.
fn with_filters(root: &Path, f: impl FnOnce()) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    let tmp = root.parent().unwrap().to_string_lossy().into_owned();
    settings.add_filter(&regex_escape(&tmp), "[TMP]");
    settings.add_filter(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "[AT]");
    settings.add_filter(r#""ms": \d+"#, r#""ms": [MS]"#);
    settings.add_filter(r"\b\d+ (ms|s)\b", "[DURATION]");
    settings.bind(f);
}

fn regex_escape(s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            if "\\.+*?()|[]{}^$".contains(c) {
                vec!['\\', c]
            } else {
                vec![c]
            }
        })
        .collect()
}

fn output(cmd: &mut assert_cmd::Command) -> String {
    let o = cmd.output().unwrap();
    format!(
        "exit {}\n--- stdout\n{}--- stderr\n{}",
        o.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

const SESSION: &str = "Hezbollah ORG\ntopic 1\nnote vu\na\nx\nq\n";

#[test]
fn status_table_after_a_session() {
    let (_tmp, root) = sample_project();
    annot_in(&root)
        .args(["annotate", "--annotator", "alice"])
        .write_stdin(SESSION)
        .assert()
        .success();
    with_filters(&root, || {
        insta::assert_snapshot!("status_table", output(annot_in(&root).arg("status")));
    });
}

#[test]
fn annotate_screen_of_the_first_sample_document() {
    let (_tmp, root) = sample_project();
    with_filters(&root, || {
        insta::assert_snapshot!(
            "annotate_screen",
            output(
                annot_in(&root)
                    .args(["annotate", "--annotator", "alice"])
                    .write_stdin("Kfar LOC\nq\n")
            )
        );
    });
}

#[test]
fn check_json_after_an_update() {
    let (tmp, root) = sample_project();
    annot_in(&root)
        .args(["annotate", "--annotator", "alice"])
        .write_stdin(SESSION)
        .assert()
        .success();
    let changed = tmp.path().join("changed");
    std::fs::create_dir(&changed).unwrap();
    let name = "01_fr-levant-eau-kfar-selwan.txt";
    let src = std::fs::read_to_string(crate::common::sample_corpus().join(name)).unwrap();
    let mut lines: Vec<&str> = src.lines().collect();
    lines.insert(8, "Une phrase ajoutée pour l'essai.");
    std::fs::write(changed.join(name), lines.join("\n")).unwrap();
    annot_in(&root)
        .args(["import", "--update"])
        .arg(&changed)
        .assert()
        .success();
    with_filters(&root, || {
        insta::assert_snapshot!(
            "check_json_after_update",
            output(annot_in(&root).args(["check", "--json", "--warnings-ok"]))
        );
    });
}

#[test]
fn error_messages() {
    let (_tmp, root) = sample_project();
    with_filters(&root, || {
        let mut all = String::new();
        all.push_str(&output(annot_in(&root).args(["show", "no-such-doc"])));
        all.push_str(&output(annot_in(&root).args([
            "annotate",
            "--annotator",
            "../x",
        ])));
        all.push_str(&output(
            annot()
                .arg("--project")
                .arg(root.join("corpus"))
                .arg("status"),
        ));
        insta::assert_snapshot!("error_messages", all);
    });
}
