//! Escape sequences in an article or a typed command are shown, never sent to
//! the terminal; the corpus keeps them as imported.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use expectrl::{Eof, Expect, Session};

use crate::common::{annot_in, empty_project, stdout_of};

/// An OSC title, a screen clear, a C1 CSI and a right-to-left override.
const TEXT: &str = "Le \u{1b}]0;pwned\u{7} Hezbollah participe \u{1b}[2J à Boukamal .\n\n\
                    Rami \u{9b}31m Abdel dirige l' OSDH \u{202e}depuis Londres .";
const TITLE: &str = "Titre \u{1b}]0;pwned\u{7} \u{1b}[2J \u{9b}2J \u{202e}fin";

/// A project with one hostile document `evil` (text and title) and a plain one.
fn hostile_project() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = empty_project();
    let path = tmp.path().join("docs.jsonl");
    let lines = [
        serde_json::json!({"id": "evil", "title": TITLE, "text": TEXT}).to_string(),
        serde_json::json!({"id": "plain", "text": "Rien à signaler ici ."}).to_string(),
    ];
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    annot_in(&root)
        .args(["import", "--id-field", "id"])
        .arg(&path)
        .assert()
        .success();
    (tmp, root)
}

/// The stored document `id`, read straight from the corpus files.
fn stored(root: &Path, id: &str) -> serde_json::Value {
    for entry in std::fs::read_dir(root.join("corpus")).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            let doc: serde_json::Value = serde_json::from_str(line).unwrap();
            if doc["id"] == id {
                return doc;
            }
        }
    }
    panic!("no document {id} in the corpus")
}

fn assert_shown_not_sent(out: &str) {
    assert!(!out.contains('\u{1b}'), "an ESC reached stdout: {out:?}");
    assert!(
        !out.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "a C1 control reached stdout: {out:?}"
    );
    assert!(!out.contains('\u{202e}'), "a bidi override: {out:?}");
    assert!(!out.contains('\u{7}'), "a BEL: {out:?}");
    assert!(out.contains('␛'), "{out}");
}

#[test]
fn a_scripted_session_shows_controls_and_the_corpus_keeps_them() {
    let (_tmp, root) = hostile_project();
    let script = [
        // A piped command file carrying escapes: echoed back in a complaint.
        "\"\u{1b}]0;typed\u{7}\" LOC",
        "Hezbollah \u{1b}[2J",
        "g \u{1b}[2J\u{9b}",
        "Hezbollah ORG",
        "Boukamal LOC",
        "r",
        "note vu \u{1b}]0;note\u{7}",
        "l",
        "",
        "s",
    ]
    .join("\n")
        + "\n";
    let out = stdout_of(
        annot_in(&root)
            .args(["annotate", "--annotator", "bot"])
            .write_stdin(script),
    );
    assert_shown_not_sent(&out);
    assert!(out.contains("␛]0;pwned␇ Hezbollah"), "the text: {out}");
    assert!(out.contains("\\x9b31m"), "C1 as an escape: {out}");
    assert!(out.contains("\\u{202e}depuis"), "bidi as an escape: {out}");
    assert!(out.contains("␛]0;typed␇"), "the typed command: {out}");
    assert!(out.contains("vu ␛]0;note␇"), "the note: {out}");
    assert!(out.contains("[Hezbollah]{ORG·1}"), "{out}");
    assert!(out.contains("[Boukamal]{LOC·2}"), "{out}");

    let doc = stored(&root, "evil");
    let text = doc["text"].as_str().unwrap();
    assert!(text.contains("\u{1b}]0;pwned\u{7}"), "{text:?}");
    assert!(text.contains("\u{1b}[2J") && text.contains('\u{9b}') && text.contains('\u{202e}'));
    assert!(
        doc["meta"]["title"]
            .as_str()
            .unwrap()
            .contains("\u{1b}]0;pwned\u{7}"),
        "{doc}"
    );
    let log = std::fs::read_to_string(root.join("annotations/bot.jsonl")).unwrap();
    let record: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
    assert_eq!(
        record["note"], "vu \u{1b}]0;note\u{7}",
        "what was typed is stored"
    );
}

#[test]
fn show_shows_controls_and_the_corpus_keeps_them() {
    let (_tmp, root) = hostile_project();
    annot_in(&root)
        .args(["annotate", "--annotator", "bot"])
        .write_stdin("Hezbollah ORG\n\n")
        .assert()
        .success();
    let out = stdout_of(annot_in(&root).args(["show", "evil"]));
    assert_shown_not_sent(&out);
    assert!(out.contains("␛]0;pwned␇"), "{out}");
    assert!(out.contains("\\x9b"), "{out}");
    assert!(out.contains("\\u{202e}"), "{out}");
    assert!(out.contains("Hezbollah"), "{out}");
    let plain = stdout_of(annot_in(&root).args(["show", "evil", "--plain"]));
    assert_shown_not_sent(&plain);
    assert!(
        stored(&root, "evil")["text"]
            .as_str()
            .unwrap()
            .contains("\u{1b}[2J")
    );
}

/// The escape sequences in `out` that are not SGR colour (`ESC [ digits;… m`).
fn non_sgr_sequences(out: &str) -> Vec<String> {
    let mut others = Vec::new();
    let mut rest = out;
    while let Some(i) = rest.find('\u{1b}') {
        let seq = &rest[i + 1..];
        let last = seq.strip_prefix('[').and_then(|p| {
            p.char_indices()
                .find(|&(_, c)| !c.is_ascii_digit() && c != ';' && c != '?')
        });
        match last {
            Some((at, c)) => {
                // `ESC [`, parameters, then the final character.
                let whole = &seq[..1 + at + c.len_utf8()];
                if c != 'm' || whole.contains('?') {
                    others.push(format!("ESC{whole}"));
                }
                rest = &seq[whole.len()..];
            }
            _ => {
                others.push(format!("ESC{}", seq.chars().take(6).collect::<String>()));
                rest = seq;
            }
        }
    }
    others
}

/// Waits for `what`, keeping every byte up to and including it.
fn until(s: &mut impl Expect, what: &str, out: &mut Vec<u8>) {
    let found = s.expect(what).unwrap_or_else(|e| panic!("{what}: {e}"));
    out.extend_from_slice(found.before());
    for m in found.matches() {
        out.extend_from_slice(m);
    }
}

#[test]
fn on_a_terminal_the_only_escapes_are_annots_own() {
    let (_tmp, root) = hostile_project();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_annot"));
    cmd.arg("--project")
        .arg(&root)
        .args(["annotate", "--annotator", "tty"])
        .env_remove("NO_COLOR")
        .env_remove("ANNOT_PROJECT")
        .env("TERM", "xterm-256color");
    let mut s = Session::spawn(cmd).expect("spawn under a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    let mut out = Vec::new();
    until(&mut s, "tty› ", &mut out);
    for line in ["Hezbollah ORG", "l", "r", "g plain"] {
        s.send(format!("{line}\r")).unwrap();
        until(&mut s, "tty› ", &mut out);
    }
    s.send("\u{4}").unwrap();
    until(&mut s, "end of input", &mut out);
    let rest = s.expect(Eof).unwrap();
    out.extend_from_slice(rest.before());
    let out = String::from_utf8_lossy(&out).into_owned();

    assert!(out.contains("\u{1b}[1m"), "colour is on: {out:?}");
    assert!(out.contains("␛]0;pwned␇"), "{out:?}");
    assert!(
        !out.contains("\u{1b}]"),
        "an OSC reached the terminal: {out:?}"
    );
    assert!(
        !out.contains("\u{1b}[2J"),
        "a clear reached the terminal: {out:?}"
    );
    assert!(
        !out.contains('\u{9b}') && !out.contains('\u{202e}'),
        "{out:?}"
    );
    // What the line editor (rustyline) writes itself around the prompt:
    // bracketed paste on/off, synchronized output on/off, clear the line, and
    // the cursor moved past the prompt `tty› ` (5 columns).
    let allowed = [
        "ESC[?2004h",
        "ESC[?2004l",
        "ESC[?2026h",
        "ESC[?2026l",
        "ESC[K",
        "ESC[5C",
    ];
    let others: Vec<String> = non_sgr_sequences(&out)
        .into_iter()
        .filter(|seq| !allowed.contains(&seq.as_str()))
        .collect();
    assert!(others.is_empty(), "{others:?} in {out:?}");
}

#[test]
fn errors_and_import_messages_show_controls_on_stderr() {
    let (tmp, root) = hostile_project();
    let out = annot_in(&root)
        .args(["annotate", "--annotator", "x\u{1b}]0;pwned\u{7}"])
        .write_stdin("")
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    assert!(stderr.contains("␛]0;pwned␇"), "{stderr}");

    // An import whose messages quote the input: a file whose name holds an
    // escape (its id would, so it is refused, and the message names the file).
    let path = tmp.path().join("d\u{1b}[2J.txt");
    std::fs::write(&path, "Un texte .\n").unwrap();
    let out = annot_in(&root)
        .arg("import")
        .arg(&path)
        .assert()
        .code(1)
        .get_output()
        .clone();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("d␛[2J"), "{stderr}");
}

/// `--json` output keeps every character of the text, but writes the ones a
/// terminal would obey (C1, DEL, bidi) as `\u` escapes: the same JSON value.
#[test]
fn json_output_escapes_what_a_terminal_would_obey() {
    let (_tmp, root) = hostile_project();
    let out = annot_in(&root)
        .args(["show", "evil", "--json"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let raw = String::from_utf8(out).unwrap();
    assert!(
        !raw.chars()
            .any(|c| annot_model::visible::is_terminal_control(c) && c != '\n'),
        "{raw:?}"
    );
    assert!(raw.contains("\\u009b") && raw.contains("\\u202e"), "{raw}");
    let v: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(v["document"]["text"], stored(&root, "evil")["text"]);
}

/// A closed stdout ends `--json` commands quietly, as it does the others.
#[test]
fn json_output_into_a_closed_pipe_exits_quietly() {
    let (_tmp, root) = hostile_project();
    for args in [
        &["check", "--json"][..],
        &["status", "--json"],
        &["show", "evil", "--json"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_annot"))
            .arg("--project")
            .arg(&root)
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {out:?}");
        assert!(
            out.stderr.is_empty(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn export_to_a_terminal_shows_controls_and_to_a_pipe_stays_exact() {
    // hostile7 #38: `export --format csv --out -` sent a document's escapes to the terminal.
    let (_tmp, root) = hostile_project();
    annot_in(&root)
        .args(["annotate", "--annotator", "t"])
        .write_stdin("Hezbollah ORG\n\n\n\nq\n")
        .assert()
        .success();
    let args = ["export", "--format", "csv", "--from", "t", "--out", "-"];
    let piped = stdout_of(annot_in(&root).args(args));
    assert!(
        piped.contains("\u{1b}]0;pwned\u{7}"),
        "a pipe gets the exact text: {piped:?}"
    );
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_annot"));
    cmd.arg("--project")
        .arg(&root)
        .args(args)
        .env_remove("ANNOT_PROJECT")
        .env("NO_COLOR", "1");
    let mut s = Session::spawn(cmd).expect("spawn under a pty");
    s.set_expect_timeout(Some(Duration::from_secs(20)));
    let found = s.expect(Eof).unwrap();
    let mut bytes = found.before().to_vec();
    for m in found.matches() {
        bytes.extend_from_slice(m);
    }
    let out = String::from_utf8_lossy(&bytes).into_owned();
    // The pty also carries stderr (annot's own progress bar): look at the data.
    let start = out.find("id,text").expect("the CSV header");
    let end = out[start..]
        .find("exported")
        .map_or(out.len(), |e| start + e);
    let data = out[start..end].trim_end_matches("\r\u{1b}[2K");
    assert!(data.contains("Hezbollah"), "{out:?}");
    assert_shown_not_sent(data);
}
