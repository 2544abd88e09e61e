//! kill -9 at random points: every document the session said it saved is in
//! the log, and the log opens again.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::sync::mpsc;
use std::time::Duration;

use annot_model::record::Status;
use annot_model::rng::SplitMix64;
use annot_model::store::AnnotatorLog;

use super::{log_path, spawn_session};
use crate::common::jsonl_project;

#[test]
fn kill_9_never_loses_an_acknowledged_decision() {
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
    for round in 0..30 {
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
        let wait_for = rng.below(4);
        let mut seen = 0;
        while seen < wait_for {
            match rx.recv_timeout(Duration::from_secs(20)) {
                Ok(line) => {
                    if let Some((id, status)) = saved(&line) {
                        acknowledged.insert(id, status);
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
            if let Some((id, status)) = saved(&line) {
                acknowledged.insert(id, status);
            }
        }
        let log = AnnotatorLog::open(&log_path(&root, "bot"), "bot")
            .unwrap_or_else(|e| panic!("round {round}: the log does not open: {e}"));
        for (id, status) in &acknowledged {
            let r = log.get(id).unwrap_or_else(|| {
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
