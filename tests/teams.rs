//! Teams over git: one repository, clones that annotate apart and merge the
//! logs the way git does (`merge=union` from the `.gitattributes` that `annot
//! init` writes). Real git, a bare repository on disk, no network.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::common::{annot, annot_in, stdout_of};

/// `git` in `dir`, with no user or system configuration, and a fixed identity.
fn git(dir: &Path, args: &[&str]) -> String {
    let home = dir.parent().unwrap_or(dir);
    let out = Command::new("git")
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "pull.rebase=false",
            "-c",
            "user.name=annot test",
            "-c",
            "user.email=test@example.invalid",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", home)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} in {}: {}{}",
        dir.display(),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A scripted `annot annotate` session of `who` in the clone `root`.
fn annotate(root: &Path, who: &str, script: &str) {
    annot_in(root)
        .args(["annotate", "--annotator", who])
        .write_stdin(script.to_owned() + "q\n")
        .assert()
        .success();
}

/// `annot status --json`: per annotator, (statuses that have documents, records in the log).
fn status(root: &Path) -> BTreeMap<String, (BTreeMap<String, u64>, u64)> {
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(root).args(["status", "--json"]))).unwrap();
    v["annotators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let statuses = a["statuses"]
                .as_object()
                .unwrap()
                .iter()
                .map(|(k, n)| (k.clone(), n.as_u64().unwrap()))
                .filter(|(_, n)| *n > 0)
                .collect();
            (
                a["name"].as_str().unwrap().to_owned(),
                (statuses, a["records"].as_u64().unwrap()),
            )
        })
        .collect()
}

/// The lines of a log.
fn lines(path: &Path) -> Vec<String> {
    fs::read_to_string(path)
        .unwrap_or_default()
        .lines()
        .map(str::to_owned)
        .collect()
}

/// `annot show ID --json`'s record of `who`: its status.
fn shown_status(root: &Path, doc: &str, who: &str) -> String {
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(root).args(["show", doc, "--json"]))).unwrap();
    let records = v["records"].as_array().expect("records");
    let r = records
        .iter()
        .find(|r| r["annotator"] == who)
        .unwrap_or_else(|| panic!("no record of {who} on {doc}: {v}"));
    r["record"]["status"].as_str().unwrap().to_owned()
}

fn clean(root: &Path) {
    annot_in(root).arg("check").assert().success();
}

#[test]
fn init_writes_the_git_files_once_and_keeps_what_was_there() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("proj");
    fs::create_dir_all(&root).unwrap();
    fs::write(root.join(".gitignore"), "target/").unwrap();
    annot()
        .arg("init")
        .arg(&root)
        .assert()
        .success()
        .stderr(predicates::str::contains(
            "wrote .gitattributes and .gitignore",
        ));
    let attributes = fs::read_to_string(root.join(".gitattributes")).unwrap();
    assert!(
        attributes
            .lines()
            .any(|l| l == "annotations/*.jsonl merge=union"),
        "{attributes}"
    );
    let ignore = fs::read_to_string(root.join(".gitignore")).unwrap();
    let ignored: Vec<&str> = ignore.lines().collect();
    assert_eq!(ignored[0], "target/", "what was there stays");
    for l in [".annot/", "annotations/*.draft.jsonl"] {
        assert!(ignored.contains(&l), "{ignore}");
    }
    // Again: nothing to add.
    annot()
        .arg("init")
        .arg(&root)
        .assert()
        .success()
        .stderr(predicates::str::contains("nothing changed"));
    assert_eq!(fs::read_to_string(root.join(".gitignore")).unwrap(), ignore);
    // A project made before the git files existed gets them from `annot init`.
    fs::remove_file(root.join(".gitattributes")).unwrap();
    annot()
        .arg("init")
        .arg(&root)
        .assert()
        .success()
        .stderr(predicates::str::contains("wrote .gitattributes"));
    assert_eq!(
        fs::read_to_string(root.join(".gitattributes")).unwrap(),
        attributes
    );
}

#[test]
fn two_clones_annotate_apart_and_merge_without_conflict_or_loss() {
    let tmp = tempfile::tempdir().unwrap();
    let origin = tmp.path().join("origin.git");
    fs::create_dir_all(&origin).unwrap();
    git(&origin, &["init", "--bare", "-q"]);

    // The lead makes the project in a clone, imports the corpus, pushes.
    let a: PathBuf = tmp.path().join("a");
    git(tmp.path(), &["clone", "-q", "origin.git", "a"]);
    annot().arg("init").arg(&a).assert().success();
    let docs = tmp.path().join("docs.jsonl");
    let texts: Vec<String> = (1..=6)
        .map(|i| {
            serde_json::json!({"id": format!("d{i}"), "text": format!("Boukamal et Hezbollah, dépêche {i}.")})
                .to_string()
        })
        .collect();
    fs::write(&docs, texts.join("\n") + "\n").unwrap();
    annot_in(&a)
        .args(["import", "--id-field", "id"])
        .arg(&docs)
        .assert()
        .success();
    git(&a, &["add", "-A"]);
    assert!(
        !git(&a, &["status", "--porcelain", "--ignored"]).contains(".annot/ "),
        "the cache is ignored"
    );
    git(&a, &["commit", "-q", "-m", "project"]);
    git(&a, &["push", "-q", "origin", "HEAD:main"]);
    let b: PathBuf = tmp.path().join("b");
    git(tmp.path(), &["clone", "-q", "origin.git", "b"]);

    // alice works on both machines (d5 on both: B's decision is the later one);
    // bob only on A, carol only on B.
    annotate(
        &a,
        "alice",
        "g d1\nBoukamal LOC\na\ng d2\nBoukamal LOC\na\ng d5\nBoukamal LOC\na\n",
    );
    annotate(&a, "bob", "g d1\nHezbollah ORG\na\ng d2\ns\n");
    // An unsaved edit stays on its machine: drafts are not committed.
    annotate(&a, "bob", "g d3\nBoukamal LOC\n");
    assert!(a.join("annotations/bob.draft.jsonl").exists());
    // `at` is to the second: the decision on B is made in a later second than A's.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    annotate(
        &b,
        "alice",
        "g d3\nBoukamal LOC\na\ng d4\nHezbollah ORG\na\ng d5\nx\n",
    );
    annotate(&b, "carol", "g d6\nBoukamal LOC\na\n");
    let before_a = lines(&a.join("annotations/alice.jsonl"));
    let before_b = lines(&b.join("annotations/alice.jsonl"));
    assert_eq!((before_a.len(), before_b.len()), (3, 3));

    // A pushes first; B pulls (git merges alice's log by union) and pushes; A pulls.
    git(&a, &["add", "-A"]);
    git(&a, &["commit", "-q", "-m", "alice and bob on A"]);
    git(&a, &["push", "-q", "origin", "HEAD:main"]);
    git(&b, &["add", "-A"]);
    git(&b, &["commit", "-q", "-m", "alice and carol on B"]);
    git(&b, &["pull", "-q", "--no-edit", "origin", "main"]);
    assert!(
        git(&b, &["status", "--porcelain"]).is_empty(),
        "the merge left nothing to resolve"
    );
    git(&b, &["push", "-q", "origin", "HEAD:main"]);
    git(&a, &["pull", "-q", "--no-edit", "origin", "main"]);
    assert!(
        !git(&a, &["ls-files"]).contains("draft"),
        "no draft journal is committed"
    );

    for clone in [&a, &b] {
        clean(clone);
        // Nothing acknowledged is lost: every line of both machines is in the log.
        let merged = lines(&clone.join("annotations/alice.jsonl"));
        for l in before_a.iter().chain(&before_b) {
            assert!(merged.contains(l), "{} lost {l}", clone.display());
        }
        let s = status(clone);
        let counts = |who: &str| s[who].clone();
        let map = |pairs: &[(&str, u64)]| -> BTreeMap<String, u64> {
            pairs.iter().map(|(k, n)| ((*k).to_owned(), *n)).collect()
        };
        // Six records in alice's log (three a machine); five documents, d5 once.
        assert_eq!(
            counts("alice"),
            (map(&[("accepted", 4), ("rejected", 1)]), 6)
        );
        assert_eq!(counts("bob"), (map(&[("accepted", 1), ("skipped", 1)]), 2));
        assert_eq!(counts("carol"), (map(&[("accepted", 1)]), 1));
        // The later decision stands on both clones, whatever the order of the lines.
        assert_eq!(shown_status(clone, "d5", "alice"), "rejected");
    }
    // Both clones hold the same log, with the lines of each machine in another order.
    assert_eq!(
        fs::read(a.join("annotations/alice.jsonl")).unwrap(),
        fs::read(b.join("annotations/alice.jsonl")).unwrap()
    );
    let mut other_order = lines(&a.join("annotations/alice.jsonl"));
    other_order.reverse();
    fs::write(
        a.join("annotations/alice.jsonl"),
        other_order.join("\n") + "\n",
    )
    .unwrap();
    assert_eq!(shown_status(&a, "d5", "alice"), "rejected");

    // A union merge can write one line twice (both sides added it): harmless.
    let log = a.join("annotations/carol.jsonl");
    let mut doubled = lines(&log);
    doubled.push(doubled[0].clone());
    fs::write(&log, doubled.join("\n") + "\n").unwrap();
    clean(&a);
    assert_eq!(
        status(&a)["carol"].0,
        BTreeMap::from([("accepted".to_owned(), 1)])
    );

    // And the next session on A goes on from the merged log: d1-d5 are done for alice.
    let out = stdout_of(
        annot_in(&a)
            .args(["annotate", "--annotator", "alice"])
            .write_stdin("q\n"),
    );
    assert!(out.contains("6 documents, 1 to do"), "{out}");
}

#[test]
fn an_imported_decision_older_than_the_log_stays_history() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("proj");
    annot().arg("init").arg(&root).assert().success();
    let task = |stamp: i64, label: &str| {
        serde_json::json!({"text": "Boukamal est en Syrie.", "answer": "accept", "_timestamp": stamp,
            "spans": [{"start": 0, "end": 8, "label": label}]})
        .to_string()
            + "\n"
    };
    let import = |name: &str, line: String| {
        let f = tmp.path().join(name);
        fs::write(&f, line).unwrap();
        let out = annot_in(&root)
            .args(["import", "--format", "prodigy", "--as", "model"])
            .arg(&f)
            .assert()
            .success()
            .get_output()
            .stderr
            .clone();
        String::from_utf8(out).unwrap()
    };
    // 2030, then a file made in 2020: the later decision stands.
    import("new.jsonl", task(1_900_000_000, "LOC"));
    let said = import("old.jsonl", task(1_580_000_000, "ORG"));
    assert!(said.contains("1 older (by their time)"), "{said}");
    let log = lines(&root.join("annotations/model.jsonl"));
    assert_eq!(log.len(), 2, "the older one is kept as history");
    let v: Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["status", "--json"]))).unwrap();
    assert_eq!(
        v["annotators"][0]["span_labels"],
        serde_json::json!({"LOC": 1}),
        "{v}"
    );
}
