//! `annot export` on the sample corpus annotated by two scripted annotators.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use predicates::prelude::*;

use crate::common::{annot_in, sample_project, stdout_of};

/// The sample project with `alice` (suggestions on three documents) and
/// `bob` (on two) from piped sessions.
pub(crate) fn annotated() -> (tempfile::TempDir, PathBuf) {
    let (tmp, root) = sample_project();
    let patterns = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/patterns.jsonl");
    for (who, script) in [("alice", "y\n\ny\n\ny\n\nq\n"), ("bob", "y\n\ny\n\nq\n")] {
        annot_in(&root)
            .args(["annotate", "--annotator", who, "--patterns"])
            .arg(&patterns)
            .write_stdin(script)
            .assert()
            .success();
    }
    (tmp, root)
}

fn export(root: &Path, out: &Path, args: &[&str]) -> assert_cmd::assert::Assert {
    annot_in(root)
        .args(["export", "--out"])
        .arg(out)
        .args(args)
        .assert()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn jsonl(path: &Path) -> Vec<serde_json::Value> {
    read(path)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

/// `text[start:end]` in code points.
fn chars(text: &str, start: u64, end: u64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// Document id -> split of every file in `dir`.
fn splits_of(dir: &Path) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for split in ["train", "dev", "test"] {
        for doc in jsonl(&dir.join(format!("{split}.jsonl"))) {
            out.insert(doc["id"].as_str().unwrap().to_owned(), split.to_owned());
        }
    }
    out
}

#[test]
fn every_format_writes_what_its_readers_expect() {
    let (tmp, root) = annotated();
    let dir = tmp.path().join("out");
    export(&root, &dir, &["--format", "jsonl", "--from", "alice"])
        .success()
        .stderr(predicate::str::contains(
            "exported 3 document(s) as jsonl from alice",
        ));
    let docs = jsonl(&dir.join("all.jsonl"));
    assert_eq!(docs.len(), 3);
    let mut spans = 0;
    for d in &docs {
        let text = d["text"].as_str().unwrap();
        assert!(!text.contains("À La Une"), "boilerplate left out");
        let tokens = d["tokens"].as_array().unwrap();
        let rebuilt: String = tokens
            .iter()
            .map(|t| {
                let ws = if t["ws"].as_bool().unwrap() { " " } else { "" };
                format!("{}{ws}", t["text"].as_str().unwrap())
            })
            .collect();
        assert_eq!(rebuilt, text, "words and spaces rebuild the text");
        for s in d["spans"].as_array().unwrap() {
            spans += 1;
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(chars(text, start, end), s["text"].as_str().unwrap());
            let first = &tokens[s["token_start"].as_u64().unwrap() as usize];
            let last = &tokens[s["token_end"].as_u64().unwrap() as usize];
            assert_eq!(
                (first["start"].as_u64(), last["end"].as_u64()),
                (Some(start), Some(end))
            );
        }
    }
    assert!(spans >= 10, "{spans}");

    export(&root, &dir, &["--format", "csv", "--from", "alice"]).success();
    let csv = read(&dir.join("all.csv"));
    assert!(csv.starts_with("id,text,topic,source,title,date,section,byline,lang\n"));
    export(
        &root,
        &dir,
        &[
            "--format",
            "csv",
            "--csv-layout",
            "spans",
            "--excel",
            "--from",
            "alice",
        ],
    )
    .success();
    let csv = read(&dir.join("all.csv"));
    assert!(csv.starts_with("\u{feff}doc_id,start,end,label,text,left,right\n"));
    for d in &docs {
        for s in d["spans"].as_array().unwrap() {
            let row = format!(
                "\n{},{},{},{},",
                d["id"].as_str().unwrap(),
                s["start"],
                s["end"],
                s["label"].as_str().unwrap()
            );
            assert!(csv.contains(&row), "{row} in {csv}");
        }
    }

    export(
        &root,
        &dir,
        &[
            "--format",
            "conll",
            "--from",
            "alice,bob",
            "--strategy",
            "union",
        ],
    )
    .success();
    let conll = read(&dir.join("all.conll"));
    assert_eq!(conll.matches("-DOCSTART- (").count(), 3);
    assert!(
        conll.contains("Kfar B-LOC\nSelwan I-LOC\n"),
        "{}",
        &conll[..200]
    );
    assert!(
        conll
            .lines()
            .all(|l| l.is_empty() || l.starts_with("-DOCSTART-") || l.split(' ').count() == 2)
    );

    export(
        &root,
        &dir,
        &["--format", "hf", "--from", "alice", "--scheme", "bioes"],
    )
    .success();
    let labels: serde_json::Value = serde_json::from_str(&read(&dir.join("labels.json"))).unwrap();
    let names = labels["ner_tags"].as_array().unwrap();
    assert_eq!(names[0], "O");
    for d in jsonl(&dir.join("all.jsonl")) {
        let tags = d["ner_tags"].as_array().unwrap();
        assert_eq!(tags.len(), d["tokens"].as_array().unwrap().len());
        assert!(
            tags.iter()
                .all(|t| (t.as_u64().unwrap() as usize) < names.len())
        );
    }
}

#[test]
fn reruns_are_byte_identical_and_stdout_is_the_same_stream() {
    let (tmp, root) = annotated();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let args = [
        "--format",
        "jsonl",
        "--from",
        "alice,bob",
        "--strategy",
        "majority",
        "--include-unannotated",
        "--split",
        "train=60,dev=20,test=20",
        "--seed",
        "13",
    ];
    export(&root, &a, &args).success();
    export(&root, &b, &args).success();
    for f in ["train.jsonl", "dev.jsonl", "test.jsonl"] {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f}"
        );
    }
    let docs = jsonl(&a.join("train.jsonl"));
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    let mut sorted = ids.clone();
    sorted.sort_unstable();
    assert_eq!(ids, sorted, "documents in id order");
    // The sample's re-scraped article (03/04) is a near-duplicate: one split for both.
    let splits = splits_of(&a);
    assert_eq!(
        splits["03_fr-levant-carburant-greve"],
        splits["04_fr-levant-carburant-greve-maj"]
    );

    export(&root, &a, &["--format", "conll", "--from", "alice"]).success();
    let streamed = stdout_of(annot_in(&root).args([
        "export", "--out", "-", "--format", "conll", "--from", "alice",
    ]));
    assert_eq!(streamed, read(&a.join("all.conll")));
    annot_in(&root)
        .args([
            "export", "--out", "-", "--format", "conll", "--from", "alice", "--split", "a=1,b=1",
        ])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--out DIR"));
}

#[test]
fn splits_stay_put_when_documents_are_added_and_groups_stay_together() {
    let (tmp, root) = annotated();
    let (before, after) = (tmp.path().join("before"), tmp.path().join("after"));
    let args = [
        "--format",
        "jsonl",
        "--from",
        "alice",
        "--include-unannotated",
        "--split",
        "train=50,dev=25,test=25",
        "--seed",
        "13",
    ];
    export(&root, &before, &args).success();
    let more = tmp.path().join("more.jsonl");
    let lines: Vec<String> = (0..30)
        .map(|i| {
            serde_json::json!({"id": format!("new-{i:02}"), "text": format!("Dépêche {i} : le conseil {} a voté {} mesures à Brest.", i * 13, i * 7)})
                .to_string()
        })
        .collect();
    std::fs::write(&more, lines.join("\n") + "\n").unwrap();
    annot_in(&root)
        .args(["import", "--id-field", "id"])
        .arg(&more)
        .assert()
        .success();
    export(&root, &after, &args).success();
    let (old, new) = (splits_of(&before), splits_of(&after));
    assert_eq!(old.len(), 14);
    assert_eq!(new.len(), 44);
    for (id, split) in &old {
        assert_eq!(&new[id], split, "{id} moved");
    }

    let grouped = tmp.path().join("grouped");
    let out = stdout_of(
        annot_in(&root)
            .args(["export", "--out"])
            .arg(&grouped)
            .args([
                "--format",
                "jsonl",
                "--from",
                "alice",
                "--include-unannotated",
                "--split",
                "train=50,dev=25,test=25",
                "--group-by",
                "meta.section",
                "--json",
            ]),
    );
    let summary: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["documents"], 44);
    let mut section_split: BTreeMap<String, String> = BTreeMap::new();
    for split in ["train", "dev", "test"] {
        for d in jsonl(&grouped.join(format!("{split}.jsonl"))) {
            if let Some(section) = d["meta"]["section"].as_str() {
                let was = section_split.insert(section.to_owned(), split.to_owned());
                assert!(
                    was.is_none_or(|w| w == split),
                    "section {section} in two splits"
                );
            }
        }
    }
    assert!(section_split.len() >= 3);
    let groups: u64 = summary["splits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["groups"].as_u64().unwrap())
        .sum();
    assert_eq!(groups as usize, section_split.len());
}

/// Writes carol's log: one accepted record of the first document, a LOC
/// span of `len` code points from the start of its title ("Kfar Selwan
/// privée ..."), and `labels`.
fn carol_marks_the_title(root: &Path, len: u64, labels: serde_json::Value) {
    let show = stdout_of(annot_in(root).args(["show", "--json", "01_fr-levant-eau-kfar-selwan"]));
    let doc: serde_json::Value = serde_json::from_str(&show).unwrap();
    let text = doc["document"]["text"].as_str().unwrap();
    let start = text
        .find("Kfar Selwan privée")
        .map(|b| text[..b].chars().count())
        .unwrap() as u64;
    let record = serde_json::json!({
        "doc": "01_fr-levant-eau-kfar-selwan", "hash": doc["document"]["hash"],
        "annotator": "carol", "schema": "news@1", "status": "accepted",
        "at": "2026-11-23T20:00:00Z", "ms": 1,
        "spans": [{"start": start, "end": start + len, "label": "LOC", "text": chars(text, start, start + len)}],
        "labels": labels, "zones": null, "note": null
    });
    std::fs::write(root.join("annotations/carol.jsonl"), format!("{record}\n")).unwrap();
}

#[test]
fn the_preflight_refuses_misaligned_spans_unless_snapped() {
    let (tmp, root) = annotated();
    carol_marks_the_title(&root, 10, serde_json::json!({}));
    let dir = tmp.path().join("out");
    export(&root, &dir, &["--format", "conll", "--from", "carol"])
        .code(1)
        .stderr(
            predicate::str::contains(
                "misaligned  01_fr-levant-eau-kfar-selwan  LOC [0, 10) \"Kfar Selwa\": nearest aligned [0, 11) \"Kfar Selwan\"",
            )
            .and(predicate::str::contains("nothing was written"))
            .and(predicate::str::contains("--snap")),
        );
    assert!(
        !dir.join("all.conll").exists(),
        "nothing written on refusal"
    );
    export(&root, &dir, &["--format", "conll", "--from", "carol", "--snap"])
        .success()
        .stderr(predicate::str::contains("snapped 01_fr-levant-eau-kfar-selwan LOC [0, 10) \"Kfar Selwa\" -> [0, 11) \"Kfar Selwan\""));
    assert!(read(&dir.join("all.conll")).contains("Kfar B-LOC\nSelwan I-LOC\n"));
    export(
        &root,
        &dir,
        &["--format", "jsonl", "--from", "carol", "--drop-misaligned"],
    )
    .success()
    .stderr(predicate::str::contains("dropped misaligned"));
    assert_eq!(
        jsonl(&dir.join("all.jsonl"))[0]["spans"],
        serde_json::json!([])
    );
}

/// All entries of `dir`, recursively, with their bytes, relative paths sorted.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                // annot's list of the files it wrote (see the test of re-exports).
                if rel != ".annot-export.json" {
                    out.insert(rel, std::fs::read(&p).unwrap());
                }
            }
        }
    }
    out
}

/// The msgpack map of a `.spacy` file, as (key, value) pairs.
fn docbin(path: &Path) -> Vec<(String, rmpv::Value)> {
    let mut raw = Vec::new();
    std::io::Read::read_to_end(
        &mut flate2::read::ZlibDecoder::new(std::fs::File::open(path).unwrap()),
        &mut raw,
    )
    .unwrap();
    let v = rmpv::decode::read_value(&mut raw.as_slice()).unwrap();
    v.as_map()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_owned(), v.clone()))
        .collect()
}

#[test]
fn spacy_docbins_hold_the_jsonl_documents_and_reruns_are_byte_identical() {
    let (tmp, root) = annotated();
    let args = [
        "--from",
        "alice,bob",
        "--strategy",
        "union",
        "--overlap",
        "keep-longest",
        "--split",
        "train=50,dev=50",
        "--seed",
        "13",
    ];
    let (a, b, j) = (
        tmp.path().join("a"),
        tmp.path().join("b"),
        tmp.path().join("j"),
    );
    export(&root, &a, &[&["--format", "spacy"][..], &args].concat())
        .success()
        .stderr(predicate::str::contains("-> train.spacy"));
    export(&root, &b, &[&["--format", "spacy"][..], &args].concat()).success();
    export(&root, &j, &[&["--format", "jsonl"][..], &args].concat()).success();
    assert_eq!(tree(&a), tree(&b), "same input and seed, same bytes");
    assert_eq!(
        tree(&a).keys().collect::<Vec<_>>(),
        ["dev.spacy", "train.spacy"]
    );
    for split in ["train", "dev"] {
        let docs = jsonl(&j.join(format!("{split}.jsonl")));
        let msg = docbin(&a.join(format!("{split}.spacy")));
        let get = |k: &str| &msg.iter().find(|(key, _)| key == k).unwrap().1;
        assert_eq!(get("version").as_str(), Some("0.1"));
        let lengths: Vec<usize> = get("lengths")
            .as_slice()
            .unwrap()
            .chunks_exact(4)
            .map(|c| i32::from_le_bytes(c.try_into().unwrap()) as usize)
            .collect();
        let want: Vec<usize> = docs
            .iter()
            .map(|d| d["tokens"].as_array().unwrap().len())
            .collect();
        assert_eq!(
            lengths, want,
            "{split}: one length a document, spaCy's tokens"
        );
        let n: usize = lengths.iter().sum();
        assert_eq!(get("tokens").as_slice().unwrap().len(), n * 4 * 8);
        let spaces: Vec<bool> = get("spaces")
            .as_slice()
            .unwrap()
            .iter()
            .map(|b| *b == 1)
            .collect();
        let ws: Vec<bool> = docs
            .iter()
            .flat_map(|d| d["tokens"].as_array().unwrap().clone())
            .map(|t| t["ws"].as_bool().unwrap())
            .collect();
        assert_eq!(spaces, ws);
        let strings: Vec<&str> = get("strings")
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s.as_str().unwrap())
            .collect();
        let mut sorted = strings.clone();
        sorted.sort_unstable();
        assert_eq!(strings, sorted);
        for d in &docs {
            for t in d["tokens"].as_array().unwrap() {
                assert!(strings.contains(&t["text"].as_str().unwrap()));
            }
            for s in d["spans"].as_array().unwrap() {
                assert!(strings.contains(&s["label"].as_str().unwrap()));
            }
        }
        let ids: Vec<String> = docbin_docs(&a.join(format!("{split}.spacy")))
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let want: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
        assert_eq!(ids, want);
        assert_eq!(get("cats").as_array().unwrap().len(), docs.len());
    }
}

/// The document ids and lengths of a DocBin, in order.
fn docbin_docs(path: &Path) -> Vec<(String, usize)> {
    let msg = docbin(path);
    let get = |k: &str| &msg.iter().find(|(key, _)| key == k).unwrap().1;
    let lengths = get("lengths")
        .as_slice()
        .unwrap()
        .chunks_exact(4)
        .map(|c| i32::from_le_bytes(c.try_into().unwrap()) as usize);
    let ids = get("user_data").as_array().unwrap().iter().map(|u| {
        let v = rmpv::decode::read_value(&mut u.as_slice().unwrap()).unwrap();
        v.as_map().unwrap()[0].1.as_str().unwrap().to_owned()
    });
    ids.zip(lengths).collect()
}

#[test]
fn a_spacy_split_past_its_part_size_is_a_folder_of_parts_and_back_to_a_file() {
    let (tmp, root) = annotated();
    let args = [
        "--format",
        "spacy",
        "--from",
        "alice",
        "--include-unannotated",
        "--split",
        "train=50,dev=50",
        "--seed",
        "13",
    ];
    let (one, parted) = (tmp.path().join("one"), tmp.path().join("parted"));
    export(&root, &one, &args).success();
    let whole: BTreeMap<&str, Vec<(String, usize)>> = ["train", "dev"]
        .into_iter()
        .map(|s| (s, docbin_docs(&one.join(format!("{s}.spacy")))))
        .collect();
    let longest = whole.values().flatten().map(|(_, n)| *n).max().unwrap();
    assert!(
        whole.values().all(|d| d.len() >= 2),
        "each split needs documents for two parts: {whole:?}"
    );
    // Parts of the longest document's size: each split past it is a folder.
    let part = longest.to_string();
    let with_parts = [&args[..], &["--spacy-part-tokens", &part]].concat();
    export(&root, &parted, &with_parts)
        .success()
        .stderr(predicate::str::contains("-> train.spacy/ ("));
    for (split, docs) in &whole {
        let path = parted.join(format!("{split}.spacy"));
        let size: usize = docs.iter().map(|(_, n)| n).sum();
        if size <= longest {
            assert!(path.is_file(), "{split}: one DocBin when it fits a part");
            continue;
        }
        assert!(path.is_dir(), "{split}: a folder of parts");
        let mut names: Vec<String> = std::fs::read_dir(&path)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert!(names.len() >= 2, "{names:?}");
        let mut read = Vec::new();
        for (i, name) in names.iter().enumerate() {
            assert_eq!(name, &format!("part-{:05}.spacy", i + 1));
            let part_docs = docbin_docs(&path.join(name));
            let tokens: usize = part_docs.iter().map(|(_, n)| n).sum();
            assert!(
                !part_docs.is_empty() && tokens <= longest,
                "{name}: {part_docs:?}"
            );
            read.extend(part_docs);
        }
        assert_eq!(
            &read, docs,
            "{split}: the parts in name order are the split's documents"
        );
    }
    let listed = read(&parted.join(".annot-export.json"));
    assert!(listed.contains("\"train.spacy\""), "{listed}");
    // Exported again without parts, the folders are files again, and back.
    export(&root, &parted, &args).success();
    assert_eq!(
        tree(&parted),
        tree(&one),
        "the files of a plain export, nothing left over"
    );
    export(&root, &parted, &with_parts).success();
    assert!(parted.join("train.spacy").is_dir());
    let names: Vec<String> = std::fs::read_dir(&parted)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".annot-tmp")),
        "{names:?}"
    );
    // The option is spaCy's.
    export(
        &root,
        &tmp.path().join("j"),
        &[
            "--format",
            "jsonl",
            "--from",
            "alice",
            "--spacy-part-tokens",
            "9",
        ],
    )
    .failure()
    .stderr(predicate::str::contains(
        "--spacy-part-tokens is for --format spacy",
    ));
}

#[test]
fn brat_writes_a_txt_and_ann_pair_per_document_and_replaces_a_split_whole() {
    let (tmp, root) = annotated();
    let dir = tmp.path().join("brat");
    let args = ["--format", "brat", "--from", "alice"];
    export(&root, &dir, &args)
        .success()
        .stderr(predicate::str::contains("-> all\n"));
    let j = tmp.path().join("j");
    export(&root, &j, &["--format", "jsonl", "--from", "alice"]).success();
    let docs = jsonl(&j.join("all.jsonl"));
    let files = tree(&dir);
    assert_eq!(files.len(), 1 + 2 * docs.len(), "{:?}", files.keys());
    assert!(files.contains_key("all/annotation.conf"));
    for d in &docs {
        let id = d["id"].as_str().unwrap();
        let text = String::from_utf8(files[&format!("all/{id}.txt")].clone()).unwrap();
        assert_eq!(text, d["text"].as_str().unwrap());
        let ann = String::from_utf8(files[&format!("all/{id}.ann")].clone()).unwrap();
        let t_lines: Vec<&str> = ann.lines().filter(|l| l.starts_with('T')).collect();
        let spans = d["spans"].as_array().unwrap();
        assert_eq!(t_lines.len(), spans.len(), "{ann}");
        for (line, s) in t_lines.iter().zip(spans) {
            let [_, kind, words] = line.split('\t').collect::<Vec<_>>()[..] else {
                panic!("{line}")
            };
            let (start, end) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert_eq!(
                kind,
                format!("{} {start} {end}", s["label"].as_str().unwrap())
            );
            assert_eq!(words, chars(&text, start, end), "exact text, code points");
        }
    }
    // annot imports its own brat export without a word of its annotation.conf.
    let fresh = tmp.path().join("fresh");
    annot_in(&root).arg("init").arg(&fresh).assert().success();
    let back = annot_in(&fresh)
        .args(["import", "--format", "brat", "--as", "back"])
        .arg(dir.join("all"))
        .assert()
        .success();
    let err = String::from_utf8_lossy(&back.get_output().stderr).to_string();
    assert!(!err.contains(".conf"), "{err}");
    // A run that refuses leaves the old split as it was, and no temporary directory.
    std::fs::write(
        dir.join("all/keep.me"),
        "a file of the old split, until a run succeeds",
    )
    .unwrap();
    carol_marks_the_title(&root, 3, serde_json::json!({"topic": ["society"]}));
    export(&root, &dir, &["--format", "brat", "--from", "carol"]).code(1);
    let after = tree(&dir);
    assert!(after.contains_key("all/keep.me"));
    assert_eq!(after.len(), files.len() + 1, "{:?}", after.keys());
    export(
        &root,
        &dir,
        &["--format", "brat", "--from", "carol", "--snap"],
    )
    .success();
    let after = tree(&dir);
    assert!(
        !after.contains_key("all/keep.me"),
        "the new split replaced the old one"
    );
    let ann = String::from_utf8(after["all/01_fr-levant-eau-kfar-selwan.ann"].clone()).unwrap();
    assert!(ann.starts_with("T1\tLOC 0 4\tKfar\n"), "{ann}");
    assert!(ann.contains("\tDocument 0 "), "{ann}");
    assert!(ann.contains("A1\ttopic T2 society\n"), "{ann}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".annot-export.json", "all"],
        "no temporary directory left"
    );
}

#[test]
fn binary_and_directory_formats_refuse_stdout() {
    let (_tmp, root) = annotated();
    for (format, why) in [
        (
            "spacy",
            "--format spacy writes a binary .spacy file per split: give --out DIR",
        ),
        (
            "brat",
            "--format brat writes a directory of .txt/.ann files per split: give --out DIR",
        ),
        (
            "parquet",
            "--format parquet writes a binary .parquet file per split: give --out DIR",
        ),
        (
            "hf",
            "--format hf writes labels.json beside the data: give --out DIR",
        ),
    ] {
        annot_in(&root)
            .args([
                "export", "--out", "-", "--format", format, "--from", "alice",
            ])
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(why));
    }
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_tables_are_parquet_files_and_reruns_are_byte_identical() {
    let (tmp, root) = annotated();
    for table in ["hf", "docs"] {
        let (a, b) = (
            tmp.path().join(format!("{table}-a")),
            tmp.path().join(format!("{table}-b")),
        );
        let args = [
            "--format",
            "parquet",
            "--parquet-table",
            table,
            "--from",
            "alice",
            "--split",
            "train=50,dev=50",
            "--seed",
            "13",
        ];
        export(&root, &a, &args).success();
        export(&root, &b, &args).success();
        let files = tree(&a);
        assert_eq!(files, tree(&b), "{table}: same input and seed, same bytes");
        let mut names: Vec<&str> = files.keys().map(String::as_str).collect();
        names.sort_unstable();
        let want: &[&str] = if table == "hf" {
            &["dev.parquet", "labels.json", "train.parquet"]
        } else {
            &["dev.parquet", "train.parquet"]
        };
        assert_eq!(names, want);
        for split in ["train.parquet", "dev.parquet"] {
            let bytes = &files[split];
            assert!(
                bytes.starts_with(b"PAR1") && bytes.ends_with(b"PAR1"),
                "{split}"
            );
            assert!(
                bytes.windows(8).any(|w| w == b"ner_tags") == (table == "hf"),
                "{table} columns in {split}"
            );
        }
    }
}

#[cfg(not(feature = "parquet"))]
#[test]
fn parquet_without_the_feature_says_how_to_build_it() {
    let (tmp, root) = annotated();
    let dir = tmp.path().join("out");
    export(&root, &dir, &["--format", "parquet", "--from", "alice"])
        .code(2)
        .stderr(predicate::str::contains("--features parquet"));
    assert!(!dir.exists());
}

#[test]
fn a_new_export_into_the_same_directory_replaces_the_earlier_set_of_files() {
    // hostile7 #32: train/dev/test, then train/dev into the same --out left the old
    // test.jsonl beside the new files, holding documents now in train.jsonl.
    let (_tmp, root) = annotated();
    let out = root.join("st");
    export(
        &root,
        &out,
        &[
            "--format",
            "jsonl",
            "--from",
            "alice",
            "--split",
            "train=60,dev=20,test=20",
        ],
    )
    .success();
    assert!(out.join("test.jsonl").exists());
    let names = |dir: &Path| -> Vec<String> {
        let mut v: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    std::fs::write(out.join("README.md"), "mine\n").unwrap();
    export(
        &root,
        &out,
        &[
            "--format",
            "jsonl",
            "--from",
            "alice",
            "--split",
            "train=90,dev=10",
        ],
    )
    .success()
    .stderr(
        predicate::str::contains("removed (written by the earlier export")
            .and(predicate::str::contains("test.jsonl")),
    );
    assert_eq!(
        names(&out),
        [
            ".annot-export.json",
            "README.md",
            "dev.jsonl",
            "train.jsonl"
        ],
        "the old test.jsonl is gone, the file annot did not write stays"
    );
    // Another format: the jsonl files go, hf's come.
    export(&root, &out, &["--format", "hf", "--from", "alice"]).success();
    assert_eq!(
        names(&out),
        [
            ".annot-export.json",
            "README.md",
            "all.jsonl",
            "labels.json"
        ]
    );
    // A data file annot did not write is never removed: the export refuses.
    std::fs::write(out.join("extra.jsonl"), "{}\n").unwrap();
    export(&root, &out, &["--format", "jsonl", "--from", "alice"])
        .failure()
        .stderr(predicate::str::contains(
            "extra.jsonl is not written by this export",
        ));
    assert!(out.join("extra.jsonl").exists());
    assert!(
        out.join("labels.json").exists(),
        "a refused export changes nothing"
    );
}

#[test]
fn excel_csv_neutralises_formula_cells_and_plain_csv_keeps_them_exact() {
    // hostile7 #28: an id and a text starting with `=` reached Excel as formulas.
    let (tmp, root) = crate::common::empty_project();
    let input = tmp.path().join("inj.jsonl");
    let line = serde_json::json!({
        "id": "=cmd|' -C calc'!A0",
        "text": "=HYPERLINK(\"http://x\",\"y\") chez Air France à Paris",
        "spans": [{"start": 45, "end": 50, "label": "LOC"}],
        "answer": "accept"
    });
    std::fs::write(&input, format!("{line}\n")).unwrap();
    annot_in(&root)
        .args(["import", "--format", "prodigy", "--as", "m"])
        .arg(&input)
        .assert()
        .success();
    let csv = |extra: &[&str]| {
        stdout_of(
            annot_in(&root)
                .args(["export", "--format", "csv", "--from", "m", "--out", "-"])
                .args(extra),
        )
    };
    let excel = csv(&["--excel"]);
    let row = excel.lines().nth(1).unwrap();
    assert!(
        row.starts_with("'=cmd|' -C calc'!A0,\"'=HYPERLINK("),
        "{excel}"
    );
    let plain = csv(&[]);
    let mut r = csv::Reader::from_reader(plain.as_bytes());
    let rec = r.records().next().unwrap().unwrap();
    assert_eq!(&rec[0], "=cmd|' -C calc'!A0", "plain CSV is byte-exact");
    assert!(rec[1].starts_with("=HYPERLINK("));
}

#[test]
fn conll_names_each_document_so_a_subset_comes_back_on_its_own_documents() {
    // hostile7 #12: `export --format conll --filter id=d2` wrote no id, and
    // `import --align-to-corpus` put d2's span on d1, whose text also holds its tokens.
    let (tmp, root) = crate::common::empty_project();
    let input = tmp.path().join("pa.jsonl");
    std::fs::write(
        &input,
        "{\"id\":\"d1\",\"text\":\"Paris est belle. Lyon aussi.\",\"spans\":[],\"answer\":\"accept\"}\n\
         {\"id\":\"d2\",\"text\":\"Paris est belle.\",\"spans\":[{\"start\":0,\"end\":5,\"label\":\"LOC\"}],\"answer\":\"accept\"}\n",
    )
    .unwrap();
    annot_in(&root)
        .args(["import", "--format", "prodigy", "--as", "g"])
        .arg(&input)
        .assert()
        .success();
    let conll = stdout_of(annot_in(&root).args([
        "export", "--format", "conll", "--from", "g", "--filter", "id=d2", "--out", "-",
    ]));
    assert!(
        conll.starts_with("-DOCSTART- (d2) O\n\nParis B-LOC\n"),
        "{conll}"
    );
    let file = tmp.path().join("pa2.conll");
    std::fs::write(&file, &conll).unwrap();
    annot_in(&root)
        .args([
            "import",
            "--format",
            "conll",
            "--align-to-corpus",
            "--as",
            "g3",
        ])
        .arg(&file)
        .assert()
        .success();
    let log = read(&root.join("annotations/g3.jsonl"));
    let rec: serde_json::Value = serde_json::from_str(log.lines().next().unwrap()).unwrap();
    assert_eq!(rec["doc"], "d2", "{log}");
    let again = stdout_of(
        annot_in(&root).args(["export", "--format", "conll", "--from", "g3", "--out", "-"]),
    );
    assert_eq!(again, conll, "the round trip gives the same bytes");
    // --no-docstart writes neither the line nor the id.
    let bare = stdout_of(annot_in(&root).args([
        "export",
        "--format",
        "conll",
        "--from",
        "g",
        "--filter",
        "id=d2",
        "--no-docstart",
        "--out",
        "-",
    ]));
    assert!(bare.starts_with("Paris B-LOC\n"), "{bare}");
}

#[test]
fn an_out_that_names_a_file_is_refused_with_the_way_to_write_one() {
    // hostile7 #13: `--out rt1.jsonl` silently made a directory rt1.jsonl/.
    let (_tmp, root) = annotated();
    let out = root.join("rt1.jsonl");
    export(&root, &out, &["--format", "jsonl", "--from", "alice"])
        .failure()
        .stderr(
            predicate::str::contains("--out is a directory")
                .and(predicate::str::contains("--out - >")),
        );
    assert!(!out.exists());
    // A directory of that name already there is taken as asked.
    std::fs::create_dir(&out).unwrap();
    export(&root, &out, &["--format", "jsonl", "--from", "alice"]).success();
    assert!(out.join("all.jsonl").exists());
}

#[test]
fn stratify_and_group_by_name_what_exists_when_they_name_nothing() {
    // hostile7 #41: `--stratify nolayer` and `--group-by meta.nonexistent` were taken
    // silently (and the typo changed the split).
    let (_tmp, root) = annotated();
    let out = root.join("gb");
    let split = [
        "--format",
        "jsonl",
        "--from",
        "alice",
        "--split",
        "train=50,test=50",
    ];
    export(
        &root,
        &out,
        &[&split[..], &["--stratify", "nolayer"]].concat(),
    )
    .failure()
    .stderr(predicate::str::contains(
        "--stratify nolayer: schema news@1 has no document-label layer 'nolayer' (layers: topic",
    ));
    export(
        &root,
        &out,
        &[&split[..], &["--group-by", "meta.nonexistent"]].concat(),
    )
    .failure()
    .stderr(
        predicate::str::contains(
            "--group-by meta.nonexistent: no document exported has meta.nonexistent",
        )
        .and(predicate::str::contains("meta.source")),
    );
    assert!(
        !out.join("train.jsonl").exists() && !out.join("test.jsonl").exists(),
        "nothing written"
    );
    export(
        &root,
        &out,
        &[
            &split[..],
            &["--group-by", "meta.source", "--stratify", "topic"],
        ]
        .concat(),
    )
    .success();
}

#[test]
fn group_by_warns_of_documents_without_the_key() {
    // hostile9 #8: documents without the key were split one by one in silence.
    let (tmp, root) = crate::common::empty_project();
    let docs: String = (1..=6)
        .map(|i| {
            let mut d = serde_json::json!({
                "id": format!("d{i}"),
                "text": format!("Le conseil municipal numéro {i} a voté le budget hier soir."),
            });
            if i <= 4 {
                d["site"] = serde_json::json!(if i % 2 == 0 { "a" } else { "b" });
            }
            d.to_string() + "\n"
        })
        .collect();
    let file = tmp.path().join("docs.jsonl");
    std::fs::write(&file, docs).unwrap();
    annot_in(&root)
        .args(["import", "--id-field", "id"])
        .arg(&file)
        .assert()
        .success();
    // alice has decided nothing yet: her log is empty.
    std::fs::write(root.join("annotations/alice.jsonl"), "").unwrap();
    let out = root.join("gb");
    let grouped_by = |key| {
        [
            "--format",
            "jsonl",
            "--from",
            "alice",
            "--include-unannotated",
            "--split",
            "train=50,test=50",
            "--group-by",
            key,
        ]
    };
    let args = grouped_by("meta.site");
    export(&root, &out, &args)
        .success()
        .stderr(predicate::str::contains(
            "warning: 2 document(s) have no meta.site (the first: d5): each is a group of its own",
        ));
    let json = annot_in(&root)
        .args(["export", "--json", "--out"])
        .arg(&out)
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let summary: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(summary["ungrouped"]["documents"], 2, "{summary}");
    assert_eq!(summary["ungrouped"]["key"], "meta.site");
    // With every document keyed, no warning.
    export(&root, &root.join("gb2"), &grouped_by("meta.source"))
        .success()
        .stderr(predicate::str::contains("have no meta").not());
}
