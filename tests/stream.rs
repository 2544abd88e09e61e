//! `annot stream`: the jobs as maps over shards of JSON lines, the reduces between
//! them, and the same bytes as the single-machine commands.

use std::path::Path;

use predicates::prelude::*;

use crate::common::{annot, annot_in, empty_project, sample_corpus, stdout_of};

/// `lines` cut into `n` shards of consecutive lines (the last ones may be empty).
fn shards(lines: &str, n: usize) -> Vec<String> {
    let all: Vec<&str> = lines.lines().collect();
    let size = all.len().div_ceil(n).max(1);
    let mut out: Vec<String> = all
        .chunks(size)
        .map(|c| c.iter().map(|l| format!("{l}\n")).collect())
        .collect();
    out.resize(n, String::new());
    out
}

/// `annot stream ARGS` over `input`: its stdout.
pub(crate) fn map(args: &[&str], input: &str) -> String {
    stdout_of(
        annot()
            .arg("stream")
            .args(args)
            .write_stdin(input.to_owned()),
    )
}

/// The recurrence table of `pages` in `n` shards: map, reduce.
fn summed_table(pages: &str, n: usize) -> String {
    let tables: String = shards(pages, n)
        .iter()
        .map(|s| map(&["recurrence"], s))
        .collect();
    map(&["recurrence", "--combine"], &tables)
}

/// Pages with a site's menu line on every one: zoned as boilerplate only
/// when the lines are counted across the whole import.
fn site_pages(dir: &Path, n: usize) {
    for i in 0..n {
        // The site's line between headline and article, on every third page: a
        // standfirst to a page alone, furniture to the import.
        let promo = if i % 3 == 0 {
            "Retrouvez chaque matin toutes les nouvelles de votre commune sur notre site.\n\n"
        } else {
            ""
        };
        let text = format!(
            "Kestrel Quotidien Accueil Régions Culture\n\n\
             Le conseil municipal numéro {i} vote le budget\n\n{promo}\
             Le conseil municipal a voté mardi soir le budget de l'année {i}, après un long débat \
             sur les travaux de la place du marché et le prix de la cantine scolaire.\n\n\
             Les élus de l'opposition ont demandé un audit des comptes de la régie des eaux {i}.\n"
        );
        std::fs::write(dir.join(format!("page-{i:02}.txt")), text).unwrap();
    }
}

/// The import of the pages of `dir`, single machine: the corpus file it writes.
fn single_import(dir: &Path) -> String {
    let (_tmp, root) = empty_project();
    annot_in(&root).arg("import").arg(dir).assert().success();
    std::fs::read_to_string(root.join("corpus/import-0001.jsonl")).unwrap()
}

#[test]
fn import_in_shards_with_the_summed_table_is_the_single_machine_import() {
    let tmp = tempfile::tempdir().unwrap();
    site_pages(tmp.path(), 12);
    for dir in [tmp.path().to_path_buf(), sample_corpus()] {
        let single = single_import(&dir);
        let pages = stdout_of(annot().args(["stream", "pages"]).arg(&dir));
        let n = 4;
        let table_path = tmp.path().join("table.json");
        std::fs::write(&table_path, summed_table(&pages, n)).unwrap();
        let table = table_path.to_str().unwrap();
        let streamed: String = shards(&pages, n)
            .iter()
            .map(|s| map(&["import", "--recurrence", table], s))
            .collect();
        assert_eq!(streamed, single, "{}", dir.display());
    }
    // Without the summed table, a shard does not see the site's line recur.
    let pages = stdout_of(annot().args(["stream", "pages"]).arg(tmp.path()));
    let alone: String = shards(&pages, 4)
        .iter()
        .map(|s| map(&["import"], s))
        .collect();
    assert_ne!(alone, single_import(tmp.path()));
}

#[test]
fn a_corpus_larger_than_the_sample_is_imported_in_shards_byte_for_byte() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("pages");
    std::fs::create_dir(&dir).unwrap();
    site_pages(&dir, 60);
    // A sentence between headline and article on four pages of sixty:
    // furniture to a count of every page (a sentence needs one page more than
    // the three a shorter line needs), not to a sample of about ten (where it
    // is on fewer than four).
    for i in [4, 20, 35, 50] {
        let path = dir.join(format!("page-{i:02}.txt"));
        let text = std::fs::read_to_string(&path).unwrap();
        let line = "Le quartier des Tanneurs fête cette année ses cent ans d'histoire ouvrière.";
        let text = text.replacen("budget\n\n", &format!("budget\n\n{line}\n\n"), 1);
        std::fs::write(&path, text).unwrap();
    }
    let (_p, root) = empty_project();
    annot_in(&root)
        .args(["import", "--recurrence-sample", "10"])
        .arg(&dir)
        .assert()
        .success();
    let single = std::fs::read_to_string(root.join("corpus/import-0001.jsonl")).unwrap();
    // (assert! rather than assert_ne!: the corpora are too long to print)
    assert!(
        single != single_import(&dir),
        "the sample must change the zones"
    );

    let pages = stdout_of(annot().args(["stream", "pages"]).arg(&dir));
    let n = 4;
    let table = |args: &[&str]| {
        let tables: String = shards(&pages, n).iter().map(|s| map(args, s)).collect();
        let path = tmp.path().join("table.json");
        std::fs::write(&path, map(&["recurrence", "--combine"], &tables)).unwrap();
        let table = path.to_str().unwrap().to_owned();
        shards(&pages, n)
            .iter()
            .map(|s| map(&["import", "--recurrence", &table], s))
            .collect::<String>()
    };
    let sampled = table(&["recurrence", "--of", "60", "--sample", "10"]);
    assert!(
        sampled == single,
        "the shards sampled as one machine samples"
    );
    // Every page counted is the import that counts every page, not this one.
    assert!(table(&["recurrence"]) != single);
}

#[test]
fn stream_import_reports_a_bad_line_and_goes_on() {
    let input = "{\"source\":\"a.txt\",\"text\":\"Un titre\\n\\nUne phrase assez longue pour être le corps du texte, voilà.\"}\nnot json\n";
    annot()
        .args(["stream", "import"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("\"id\":\"a\"")
                .not()
                .and(predicate::str::contains("a.txt")),
        )
        .stderr(predicate::str::contains("<stdin>:2: not a page line"));
}

#[test]
fn a_table_that_is_not_one_is_refused_with_its_line() {
    annot()
        .args(["stream", "recurrence", "--combine"])
        .write_stdin("{\"documents\":1,\"lines\":[]}\n[1,2]\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>:2: not a recurrence table",
        ));
}

/// A shard holding more pages than the `--of` TOTAL of the whole import is a
/// wrong `--of`: refused (exit 2), no table written; the same shard with a
/// TOTAL at least its size gives a table.
#[test]
fn a_shard_with_more_pages_than_its_total_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    site_pages(tmp.path(), 21);
    let pages = stdout_of(annot().args(["stream", "pages"]).arg(tmp.path()));
    annot()
        .args(["stream", "recurrence", "--of", "1"])
        .write_stdin(pages.clone())
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains(
            "this shard alone holds 21 pages, more than the 1 of the whole import",
        ));
    let table = map(&["recurrence", "--of", "21"], &pages);
    assert!(table.contains("\"documents\":21"), "{table}");
}

/// A project of `n` generated documents and three annotators who disagree in
/// every way the report counts: labels, boundaries, missing spans, a label
/// seen only late in the corpus, rejections, documents left out, set and
/// single-label layers.
fn agreement_project(n: usize) -> (tempfile::TempDir, std::path::PathBuf) {
    let (tmp, root) = empty_project();
    let schema = serde_json::json!({
        "name": "news", "version": 1,
        "spans": {"labels": [{"name": "PER"}, {"name": "ORG"}, {"name": "LOC"}, {"name": "MISC"}], "overlap": false},
        "labels": [
            {"name": "topic", "multi": true, "values": ["politics", "society", "health"]},
            {"name": "tone", "multi": false, "values": ["neutral", "positive", "negative"]}
        ],
        "zones": ["title", "lede", "meta", "body", "boilerplate"]
    });
    std::fs::write(root.join("schemas/news.json"), schema.to_string()).unwrap();
    let texts: Vec<(String, String)> = (0..n)
        .map(|i| {
            let text = format!("Marie Curie rencontre Paul Martin à Paris puis Lyon, dossier {i}.");
            (format!("d{i:03}"), text)
        })
        .collect();
    let docs: String = texts
        .iter()
        .map(|(id, text)| serde_json::json!({"id": id, "text": text}).to_string() + "\n")
        .collect();
    let path = tmp.path().join("docs.jsonl");
    std::fs::write(&path, docs).unwrap();
    annot_in(&root).arg("import").arg(&path).assert().success();
    let record = |who: &str,
                  i: usize,
                  status: &str,
                  spans: &[(usize, usize, &str)],
                  topic: &[&str],
                  tone: &str| {
        let (id, text) = &texts[i];
        let chars: Vec<char> = text.chars().collect();
        let spans: Vec<serde_json::Value> = spans
            .iter()
            .map(|&(s, e, l)| serde_json::json!({"start": s, "end": e, "label": l, "text": chars[s..e].iter().collect::<String>()}))
            .collect();
        serde_json::json!({"doc": id, "hash": annot_model::text_hash(text), "annotator": who,
            "schema": "news@1", "status": status, "at": "2026-11-20T10:00:00Z", "ms": 1,
            "spans": spans, "labels": {"topic": topic, "tone": [tone]}})
        .to_string()
            + "\n"
    };
    let tones = ["neutral", "positive", "negative"];
    let mut logs = [String::new(), String::new(), String::new()];
    for i in 0..n {
        let late = if i >= n * 2 / 3 { "MISC" } else { "LOC" };
        logs[0] += &record(
            "alice",
            i,
            "accepted",
            &[
                (0, 11, "PER"),
                (22, 33, "PER"),
                (36, 41, "LOC"),
                (47, 51, late),
            ],
            if i % 3 == 0 {
                &["politics", "society"]
            } else {
                &["politics"]
            },
            tones[i % 3],
        );
        if i % 11 != 5 {
            let mut spans = vec![(36, 41, "LOC")];
            spans.push(if i % 5 == 0 {
                (0, 5, "PER")
            } else {
                (0, 11, "PER")
            });
            spans.push((22, 33, if i % 3 == 0 { "ORG" } else { "PER" }));
            if i % 4 != 0 {
                spans.push((47, 51, late));
            }
            let status = if i % 7 == 3 { "rejected" } else { "accepted" };
            let topic: &[&str] = if i % 4 == 0 {
                &["health"]
            } else {
                &["politics"]
            };
            logs[1] += &record("bob", i, status, &spans, topic, tones[i % 2]);
        }
        if i % 2 == 0 {
            let spans = [(0, 11, "PER"), (22, 33, "PER"), (47, 51, "LOC")];
            logs[2] += &record(
                "carol",
                i,
                "accepted",
                &spans,
                &["politics"],
                tones[(i / 2) % 3],
            );
        }
    }
    for (who, log) in ["alice", "bob", "carol"].iter().zip(&logs) {
        std::fs::write(root.join(format!("annotations/{who}.jsonl")), log).unwrap();
    }
    (tmp, root)
}

/// `annot agree --combine` over the statistics of `lines` in `n` shards.
fn combined(dir: &Path, lines: &str, n: usize, sides: &[&str], args: &[&str]) -> String {
    let mut map_args = vec!["agree"];
    map_args.extend_from_slice(sides);
    let schema = dir.join("schemas/news.json");
    map_args.extend(["--schema", schema.to_str().unwrap()]);
    let stats: String = shards(lines, n).iter().map(|s| map(&map_args, s)).collect();
    let file = dir.join(format!("stats-{n}.jsonl"));
    std::fs::write(&file, stats).unwrap();
    stdout_of(annot().args(["agree", "--combine"]).arg(&file).args(args))
}

#[test]
fn agreement_in_shards_combined_is_the_single_machine_report_byte_for_byte() {
    let (_tmp, root) = agreement_project(40);
    for sides in [&["alice", "bob"][..], &["alice", "bob", "carol"]] {
        let lines = stdout_of(annot_in(&root).args(["stream", "documents"]).args(sides));
        for args in [&[][..], &["--json"], &["--worst", "3"]] {
            let single = stdout_of(annot_in(&root).arg("agree").args(sides).args(args));
            for n in [1, 3, 7] {
                let streamed = combined(&root, &lines, n, sides, args);
                assert_eq!(streamed, single, "{sides:?} {args:?} in {n} shards");
            }
        }
    }
}

#[test]
fn statistics_summed_in_a_tree_give_the_same_report() {
    let (_tmp, root) = agreement_project(24);
    let lines = stdout_of(annot_in(&root).args(["stream", "documents", "alice", "bob"]));
    let schema = root.join("schemas/news.json");
    let schema = schema.to_str().unwrap();
    let stats: Vec<String> = shards(&lines, 4)
        .iter()
        .map(|s| map(&["agree", "alice", "bob", "--schema", schema], s))
        .collect();
    let left = map(&["agree", "--combine"], &(stats[0].clone() + &stats[1]));
    let right = map(&["agree", "--combine"], &(stats[2].clone() + &stats[3]));
    let tree = stdout_of(
        annot()
            .args(["agree", "--combine", "-", "--json"])
            .write_stdin(left + &right),
    );
    let single = stdout_of(annot_in(&root).args(["agree", "alice", "bob", "--json"]));
    assert_eq!(tree, single);
}

#[test]
fn shards_out_of_id_order_are_refused() {
    let (_tmp, root) = agreement_project(12);
    let lines = stdout_of(annot_in(&root).args(["stream", "documents", "alice", "bob"]));
    let schema = root.join("schemas/news.json");
    let schema = schema.to_str().unwrap();
    let mut stats: Vec<String> = shards(&lines, 2)
        .iter()
        .map(|s| map(&["agree", "alice", "bob", "--schema", schema], s))
        .collect();
    stats.reverse();
    annot()
        .args(["agree", "--combine", "-"])
        .write_stdin(stats.concat())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "shards must be runs of documents in id order",
        ));
    let reversed: String = lines.lines().rev().map(|l| format!("{l}\n")).collect();
    annot()
        .args(["stream", "agree", "alice", "bob", "--schema", schema])
        .write_stdin(reversed)
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "<stdin>:2: document 'd010' comes after 'd011'",
        ));
}

/// `annot stream export ARGS` as a driver runs it: the head once, then each
/// of `n` shards of `lines`.
fn streamed_export(args: &[&str], schema: &Path, lines: &str, n: usize) -> String {
    let run = |head: bool, input: String| {
        let mut cmd = annot();
        cmd.args(["stream", "export"])
            .args(args)
            .arg("--schema")
            .arg(schema);
        if head {
            cmd.arg("--head");
        }
        stdout_of(cmd.write_stdin(input))
    };
    let mut out = run(true, String::new());
    for s in shards(lines, n) {
        out.push_str(&run(false, s));
    }
    out
}

/// The files of a directory, by name.
fn files_of(dir: &Path) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn export_in_shards_is_the_single_machine_export() {
    let (_a, sample) = crate::export::annotated();
    let (_b, generated) = agreement_project(30);
    for root in [&sample, &generated] {
        let schema = root.join("schemas/news.json");
        let lines = stdout_of(annot_in(root).args(["stream", "documents", "alice", "bob"]));
        for from in [
            &["--from", "alice"][..],
            &[
                "--from",
                "alice,bob",
                "--strategy",
                "union",
                "--overlap",
                "keep-longest",
            ],
        ] {
            for format in [
                &["--format", "jsonl"][..],
                &["--format", "conll", "--scheme", "bioes"],
                &["--format", "hf"],
                &["--format", "csv"],
                &["--format", "csv", "--csv-layout", "spans"],
                &["--format", "csv", "--excel"],
                &["--format", "brat"],
            ] {
                let args: Vec<&str> = format.iter().chain(from).copied().collect();
                let dir = root.join("export-out");
                let single = match format[1] {
                    "hf" | "brat" => {
                        annot_in(root)
                            .arg("export")
                            .args(&args)
                            .arg("--out")
                            .arg(&dir)
                            .assert()
                            .success();
                        if format[1] == "hf" {
                            std::fs::read_to_string(dir.join("all.jsonl")).unwrap()
                        } else {
                            // brat: the files of the split, as the stream's file lines.
                            files_of(&dir.join("all"))
                                .into_iter()
                                .map(|(file, text)| {
                                    serde_json::json!({"file": file, "text": text}).to_string()
                                })
                                .collect::<Vec<_>>()
                                .join("\n")
                        }
                    }
                    _ => stdout_of(
                        annot_in(root)
                            .arg("export")
                            .args(&args)
                            .args(["--out", "-"]),
                    ),
                };
                assert!(!single.is_empty());
                for n in [1, 4] {
                    let mut streamed = streamed_export(&args, &schema, &lines, n);
                    if format[1] == "brat" {
                        // A driver writes each line's file: their order is no matter.
                        let mut files: Vec<&str> = streamed.lines().collect();
                        files.sort_unstable();
                        streamed = files.join("\n");
                    }
                    assert!(
                        streamed == single,
                        "{} {from:?} {format:?} in {n}:\n{streamed}\n---\n{single}",
                        root.display()
                    );
                }
            }
        }
    }
}

#[test]
fn a_shard_the_preflight_refuses_writes_nothing() {
    let (_tmp, root) = agreement_project(6);
    let lines = stdout_of(annot_in(&root).args(["stream", "documents", "alice"]));
    // "Marie Curie" cut inside a word: [0, 9) "Marie Cur".
    let broken = lines.replacen(
        "\"start\":0,\"end\":11,\"label\":\"PER\",\"text\":\"Marie Curie\"",
        "\"start\":0,\"end\":9,\"label\":\"PER\",\"text\":\"Marie Cur\"",
        1,
    );
    assert_ne!(broken, lines);
    annot()
        .args([
            "stream", "export", "--format", "jsonl", "--from", "alice", "--schema",
        ])
        .arg(root.join("schemas/news.json"))
        .write_stdin(broken)
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("misaligned"));
    // parquet is refused alike, with or without it built in: the stream's refusal
    // first, not "build it with --features parquet".
    for format in ["spacy", "parquet"] {
        annot()
            .args([
                "stream", "export", "--format", format, "--from", "alice", "--schema",
            ])
            .arg(root.join("schemas/news.json"))
            .write_stdin(lines.clone())
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "spacy and parquet are binary files",
            ))
            .stderr(predicate::str::contains("--features parquet").not());
    }
}

#[test]
fn splits_planned_from_shard_signatures_are_the_export_splits() {
    // Near-duplicate texts (one number apart), so clusters decide the splits.
    let (_tmp, root) = agreement_project(30);
    let schema = root.join("schemas/news.json");
    let split = ["--split", "train=60,dev=20,test=20", "--seed", "7"];
    let out = root.join("split-out");
    annot_in(&root)
        .args(["export", "--format", "jsonl", "--from", "alice", "--out"])
        .arg(&out)
        .args(split)
        .assert()
        .success();
    let lines = stdout_of(annot_in(&root).args(["stream", "documents", "alice"]));
    let selection = [
        "--format",
        "jsonl",
        "--from",
        "alice",
        "--schema",
        schema.to_str().unwrap(),
    ];
    let signatures: String = shards(&lines, 3)
        .iter()
        .map(|s| {
            let mut args = vec!["signatures"];
            args.extend(selection);
            args.extend(split);
            map(&args, s)
        })
        .collect();
    let mut args = vec!["splits"];
    args.extend(split);
    let assigned = map(&args, &signatures);
    let split_of: std::collections::BTreeMap<String, String> = assigned
        .lines()
        .map(|l| {
            let a: serde_json::Value = serde_json::from_str(l).unwrap();
            (
                a["id"].as_str().unwrap().to_owned(),
                a["split"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert!(assigned.contains("\"cluster\":0"), "{assigned}");
    let mut exported: std::collections::BTreeMap<String, String> =
        std::collections::BTreeMap::new();
    for s in shards(&lines, 3) {
        let mut args = vec!["export"];
        args.extend(selection);
        for line in map(&args, &s).lines() {
            let id = serde_json::from_str::<serde_json::Value>(line).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_owned();
            exported
                .entry(split_of[&id].clone())
                .or_default()
                .push_str(&format!("{line}\n"));
        }
    }
    assert!(exported.len() >= 2, "one split only: {assigned}");
    for name in ["train", "dev", "test"] {
        let single = std::fs::read_to_string(out.join(format!("{name}.jsonl"))).unwrap_or_default();
        assert_eq!(
            exported.get(name).cloned().unwrap_or_default(),
            single,
            "{name}"
        );
    }
}
