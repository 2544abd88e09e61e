//! kill -9 at random points: every document the session said it saved is in
//! the log, every edit it acknowledged on the document still open is in the
//! draft journal and comes back at the next start, and the log opens again.

use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::sync::mpsc;
use std::time::Duration;

use annot_model::drafts::restorable_drafts;
use annot_model::record::Status;
use annot_model::rng::SplitMix64;
use annot_model::store::index_log;

use super::{log_path, spawn_session};
use crate::common::jsonl_project;

#[test]
fn kill_9_never_loses_an_acknowledged_decision_or_edit() {
    let texts: Vec<(String, String)> = (0..150)
        .map(|i| {
            (
                format!("k{i:03}"),
                format!("Article {i} : le Hezbollah à Boukamal .\n\nDeuxième paragraphe {i} ."),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(i, t)| (i.as_str(), t.as_str()))
        .collect();
    let (_tmp, root) = jsonl_project(&docs);
    // The same kill points every run.
    let mut rng = SplitMix64::new(0x5eed);
    // Each document: a mark, a document label, then a decision that varies.
    let mut script = String::new();
    for i in 0..150 {
        let decision = ["", "x", "f vu", "a"][i % 4];
        script.push_str(&format!(
            "Boukamal LOC\ntopic conflict\nHezbollah\no\n{decision}\n"
        ));
    }
    let mut acknowledged: HashMap<String, Status> = HashMap::new();
    // Spans acknowledged (`+ TEXT LABEL`) on documents not decided since.
    let mut edits: HashMap<String, BTreeSet<(String, String)>> = HashMap::new();
    let mut kills_mid_document = 0;
    let mut restores_seen = 0;
    for round in 0..30 {
        // What the journal held when this round started: it must come back.
        let drafted: Vec<String> = edits.keys().cloned().collect();
        let mut screen = Screen::default();
        let mut child = spawn_session(&root, "bot");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let mut stdin = child.stdin.take().unwrap();
        // The pipe holds the whole script; stdin stays open so the session waits instead of ending.
        let _ = stdin.write_all(script.as_bytes());
        // Decisions and edits both count, so kills land mid-document too.
        let wait_for = rng.below(10);
        let mut seen = 0;
        while seen < wait_for {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => {
                    if screen.read(&line, &mut acknowledged, &mut edits) {
                        seen += 1;
                    }
                }
                Err(_) => break,
            }
        }
        std::thread::sleep(Duration::from_micros(rng.below(3000) as u64));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        drop(stdin);
        reader.join().unwrap();
        // Whatever reached stdout before the kill was acknowledged.
        for line in rx.try_iter() {
            screen.read(&line, &mut acknowledged, &mut edits);
        }
        if screen.answered {
            // The drafts of the last round were put back before the first answer.
            for id in &drafted {
                assert!(
                    screen.restored.iter().any(|r| r.contains(id.as_str())),
                    "round {round}: {id} had a draft but was not restored: {:?}",
                    screen.restored
                );
                restores_seen += 1;
            }
        }
        // Read without the log's lock: a lock taken in this process would be held, past
        // its drop, by any child another test thread forks meanwhile (until that child
        // execs), and the next round's session would find the log "in use" (the flake
        // of stop 8: "the log does not open" under heavy load, in full runs only).
        let path = log_path(&root, "bot");
        let log = index_log(&path).unwrap_or_else(|e| {
            panic!(
                "round {round}: the log does not open: {e} ({e:?}); {}",
                describe(&path)
            )
        });
        // What the next start restores: every acknowledged span is there.
        let journal = restorable_drafts(&log).unwrap_or_else(|e| {
            panic!("round {round}: the draft journal does not open: {e} ({e:?})")
        });
        for (id, spans) in &edits {
            let kept: BTreeSet<(String, String)> = match (journal.get(id), log.read(id).unwrap()) {
                (Some(d), _) => d
                    .spans
                    .iter()
                    .map(|s| (s.text.clone(), s.label.clone()))
                    .collect(),
                // Decided, fsynced, killed before the screen said so.
                (None, Some(r)) => r
                    .spans
                    .iter()
                    .map(|s| (s.text.clone(), s.label.clone()))
                    .collect(),
                (None, None) => {
                    panic!("round {round}: {id}: acknowledged edits {spans:?} are lost")
                }
            };
            assert!(
                spans.is_subset(&kept),
                "round {round}: {id}: acknowledged {spans:?}, restored {kept:?}"
            );
            assert!(
                kept.iter().all(
                    |(t, l)| (t, l) == (&"Boukamal".to_owned(), &"LOC".to_owned())
                        || (t, l) == (&"Hezbollah".to_owned(), &"ORG".to_owned())
                ),
                "round {round}: {id}: restored {kept:?}"
            );
        }
        if !edits.is_empty() {
            kills_mid_document += 1;
        }
        // A draft whose decision reached the log is not a draft any more.
        edits.retain(|id, _| journal.contains_key(id));
        drop(journal);
        for (id, status) in &acknowledged {
            let r = log.read(id).unwrap().unwrap_or_else(|| {
                panic!("round {round}: {id} was acknowledged but is not in the log")
            });
            assert_eq!(r.status, *status, "round {round}: {id}");
            assert!(
                r.status != Status::Accepted || r.spans.len() == 2,
                "round {round}: {id}: {r:?}"
            );
        }
    }
    assert!(
        acknowledged.len() >= 20,
        "the rounds got somewhere: {}",
        acknowledged.len()
    );
    assert!(
        kills_mid_document >= 5 && restores_seen >= 3,
        "kills mid-document: {kills_mid_document}, restores seen: {restores_seen}"
    );
}

/// The log's size and last bytes, for a failure message.
fn describe(path: &std::path::Path) -> String {
    match std::fs::read(path) {
        Ok(bytes) => {
            let tail = &bytes[bytes.len().saturating_sub(300)..];
            format!(
                "{} bytes, ending {:?}",
                bytes.len(),
                String::from_utf8_lossy(tail)
            )
        }
        Err(e) => format!("unreadable: {e}"),
    }
}

/// What one round's stdout said.
#[derive(Default)]
struct Screen {
    /// The documents shown, in order.
    opened: Vec<String>,
    /// What the `restored ...` lines said.
    restored: Vec<String>,
    /// Whether any command was answered.
    answered: bool,
}

impl Screen {
    /// Reads one line; `true` for an acknowledgement (a decision or a span).
    fn read(
        &mut self,
        line: &str,
        acknowledged: &mut HashMap<String, Status>,
        edits: &mut HashMap<String, BTreeSet<(String, String)>>,
    ) -> bool {
        if let Some(rest) = line.strip_prefix("── ") {
            if let Some(id) = rest.split(' ').next() {
                self.opened.push(id.to_owned());
            }
            return false;
        }
        let said = line.trim_start();
        if let Some(rest) = said.strip_prefix("restored ") {
            self.restored.push(rest.to_owned());
            return false;
        }
        if let Some((id, status)) = saved(line) {
            self.answered = true;
            edits.remove(&id);
            acknowledged.insert(id, status);
            return true;
        }
        if let Some((text, label)) = added(line) {
            self.answered = true;
            if let Some(id) = self.opened.last() {
                edits.entry(id.clone()).or_default().insert((text, label));
            }
            return true;
        }
        false
    }
}

/// `  + TEXT LABEL (¶1) ...` -> (TEXT, LABEL)
fn added(line: &str) -> Option<(String, String)> {
    let rest = line.trim_start().strip_prefix("+ ")?;
    let head = rest.split(" (¶").next()?;
    let head = head.split(" ×").next()?;
    let (text, label) = head.rsplit_once(' ')?;
    Some((text.to_owned(), label.to_owned()))
}

/// `  saved ID · STATUS · ...` -> (ID, STATUS)
fn saved(line: &str) -> Option<(String, Status)> {
    let rest = line.trim_start().strip_prefix("saved ")?;
    let mut parts = rest.split(" · ");
    let id = parts.next()?.to_owned();
    let status = match parts.next()? {
        "accepted" => Status::Accepted,
        "rejected" => Status::Rejected,
        "flagged" => Status::Flagged,
        "skipped" => Status::Skipped,
        _ => return None,
    };
    Some((id, status))
}
