use super::index::*;
use super::*;

fn doc(id: &str, text: &str) -> Document {
    Document::new(id, text)
}

#[test]
fn index_fetch_and_cache() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join(".annot");
    let docs = [
        doc("a\tb", "Été à Paris"),
        doc("b", "Second 😀"),
        doc("c", "third"),
    ];
    write_corpus_file(&corpus, "import", &docs[..2]).unwrap();
    write_corpus_file(&corpus, "import", &docs[2..]).unwrap();
    let c = Corpus::open(&corpus, &cache).unwrap();
    assert_eq!(c.len(), 3);
    assert_eq!(c.get("b").unwrap(), docs[1]);
    assert_eq!(c.get("a\tb").unwrap(), docs[0]);
    assert!(
        cache
            .join(INDEX_DIR)
            .join("import-0001.jsonl.idx")
            .is_file()
    );
    // Second open reads the cache and gives the same answers.
    let c2 = Corpus::open(&corpus, &cache).unwrap();
    assert_eq!(c2.get("c").unwrap(), docs[2]);
    assert_eq!(c2.id_with_hash(&docs[2].hash).as_deref(), Some("c"));
    let all: Vec<_> = c2.iter().map(Result::unwrap).collect();
    assert_eq!(all, docs);
    assert!(matches!(
        c2.get("zzz"),
        Err(ModelError::UnknownDocument { .. })
    ));
}

#[test]
fn writer_leaves_the_index_a_scan_would_make() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join(".annot");
    let mut w = CorpusWriter::create(&corpus, "import")
        .unwrap()
        .with_index(&cache);
    w.push(&doc("é\tà", "Été 😀\nligne")).unwrap();
    let json = serde_json::to_vec(&doc("b", "second")).unwrap();
    w.push_line("b", &doc("b", "second").hash, &json).unwrap();
    let path = w.finish().unwrap().unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let cache_file = index_path(&cache.join(INDEX_DIR), &name);
    let written = fs_err::read(&cache_file).unwrap();
    let st = stamp(&path).unwrap();
    assert!(IndexFile::open(&cache_file, &st).is_some());
    let scanned = scan(&path, &st, Some(&cache.join(INDEX_DIR))).unwrap();
    assert_eq!(scanned.len(), 2);
    assert_eq!(
        fs_err::read(&cache_file).unwrap(),
        written,
        "the same bytes"
    );
    let c = Corpus::open(&corpus, &cache).unwrap();
    assert_eq!(c.get("b").unwrap(), doc("b", "second"));
    assert_eq!(c.get("é\tà").unwrap().text, "Été 😀\nligne");

    // A corpus file changed behind the cache's back is scanned again.
    let extra = serde_json::to_string(&doc("c", "third")).unwrap();
    let mut f = fs_err::OpenOptions::new().append(true).open(&path).unwrap();
    std::io::Write::write_all(&mut f, format!("{extra}\n").as_bytes()).unwrap();
    drop(f);
    let c = Corpus::open(&corpus, &cache).unwrap();
    assert_eq!(c.len(), 3);
    assert_eq!(c.get("c").unwrap().text, "third");
}

#[test]
fn writers_started_together_never_replace_each_other() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let mut a = CorpusWriter::create(&corpus, "import").unwrap();
    let mut b = CorpusWriter::create(&corpus, "import").unwrap();
    a.push(&doc("a", "from a")).unwrap();
    b.push(&doc("b", "from b")).unwrap();
    let pa = a.finish().unwrap().unwrap();
    let pb = b.finish().unwrap().unwrap();
    assert_ne!(pa, pb);
    assert!(pb.ends_with("import-0002.jsonl"), "{}", pb.display());
    let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
    assert_eq!(c.len(), 2);
}

#[test]
fn abandoned_temp_files_are_found_and_live_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let mut live = CorpusWriter::create(&corpus, "import").unwrap();
    live.push(&doc("a", "being written")).unwrap();
    let dead = corpus.join(".annot-tmp-dead");
    fs_err::write(&dead, "half a line").unwrap();
    let found = abandoned_temp_files(&corpus).unwrap();
    assert_eq!(
        found,
        [AbandonedFile {
            path: dead.clone(),
            bytes: 11
        }]
    );
    assert_eq!(remove_abandoned_temp_files(&corpus).unwrap(), found);
    assert!(!dead.exists());
    assert!(abandoned_temp_files(&corpus).unwrap().is_empty());
    assert!(
        live.finish().unwrap().is_some(),
        "the live one is untouched"
    );
}

#[test]
fn bad_line_named_and_duplicate_ids_refused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs_err::create_dir_all(&corpus).unwrap();
    let good = serde_json::to_string(&doc("a", "x")).unwrap();
    fs_err::write(corpus.join("x.jsonl"), format!("{good}\n{{oops\n")).unwrap();
    let err = Corpus::open(&corpus, &dir.path().join("c"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("x.jsonl:2"), "{err}");
    fs_err::write(corpus.join("x.jsonl"), format!("{good}\n{good}\n")).unwrap();
    let err = Corpus::open(&corpus, &dir.path().join("c"))
        .unwrap_err()
        .to_string();
    assert!(err.contains("'a' is already used"), "{err}");
}

#[test]
fn an_index_whose_keys_sort_in_runs_on_disk_finds_every_id_and_each_repeat() {
    // Keys sorted three at a time in memory, the rest merged from disk: the
    // index of a million-document file is built that way.
    KEY_RUN.with(|r| r.set(3));
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let docs: Vec<Document> = (0..500)
        .map(|i| doc(&format!("d{}", (i * 7919) % 1000), &format!("texte {i}")))
        .collect();
    write_corpus_file(&corpus, "import", &docs).unwrap();
    let c = Corpus::open(&corpus, &dir.path().join("c")).unwrap();
    assert_eq!(c.len(), docs.len());
    for d in &docs {
        assert_eq!(&c.get(&d.id).unwrap(), d);
    }
    let all: Vec<_> = c.iter().map(Result::unwrap).collect();
    assert_eq!(all, docs);
    // The same index, byte for byte, as one sorted in memory.
    KEY_RUN.with(|r| r.set(KEYS_IN_MEMORY));
    Corpus::open(&corpus, &dir.path().join("m")).unwrap();
    let idx = |cache: &str| {
        fs_err::read(
            dir.path()
                .join(cache)
                .join(INDEX_DIR)
                .join("import-0001.jsonl.idx"),
        )
        .unwrap()
    };
    assert_eq!(idx("c"), idx("m"));
    KEY_RUN.with(|r| r.set(3));
    // An id twice in one file, seen across runs, as in memory.
    fs_err::create_dir_all(dir.path().join("x")).unwrap();
    let lines: Vec<String> = docs
        .iter()
        .chain(std::iter::once(&docs[123]))
        .map(|d| serde_json::to_string(d).unwrap())
        .collect();
    fs_err::write(dir.path().join("x/x.jsonl"), lines.join("\n") + "\n").unwrap();
    let err = Corpus::open(&dir.path().join("x"), &dir.path().join("c2"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains(&format!("'{}' is already used at line 124", docs[123].id)),
        "{err}"
    );
    KEY_RUN.with(|r| r.set(KEYS_IN_MEMORY));
}

#[test]
fn later_file_supersedes_and_keeps_history() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let old = doc("a", "Version une.");
    write_corpus_file(&corpus, "import", [&old, &doc("b", "B")]).unwrap();
    let new = doc("a", "Version deux, corrigée.");
    write_corpus_file(&corpus, "import", [&new]).unwrap();
    let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!(c.get("a").unwrap(), new);
    assert_eq!(c.version("a", &old.hash).unwrap(), Some(old));
    assert_eq!(c.version("a", "nope").unwrap(), None);
    assert_eq!(c.history().unwrap().len(), 1);
    let ids: Vec<_> = c.iter().map(|d| d.unwrap().id).collect();
    assert_eq!(ids, ["b", "a"], "iteration yields current versions only");
}

#[test]
fn find_takes_an_id_or_a_unique_prefix() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let docs = [doc("01_fr-a", "a"), doc("01_fr-b", "b"), doc("02_en", "c")];
    write_corpus_file(&corpus, "import", &docs).unwrap();
    let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
    assert_eq!(c.find("01_fr-b").unwrap(), 1);
    assert_eq!(c.find("02").unwrap(), 2);
    let err = c.find("01_").unwrap_err();
    assert_eq!(
        err.to_string(),
        "'01_' starts several ids: 01_fr-a, 01_fr-b; type more of the id"
    );
    assert!(matches!(
        c.find("03"),
        Err(ModelError::UnknownDocument { .. })
    ));
    assert!(matches!(
        c.find(""),
        Err(ModelError::UnknownDocument { .. })
    ));
}

#[test]
fn positions_entries_and_lookups_agree_across_superseding_files() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join(".annot");
    // Three files; later ones carry new versions of some earlier ids.
    let one: Vec<Document> = (0..300)
        .map(|i| doc(&format!("d{i}"), &format!("one {i}")))
        .collect();
    let two: Vec<Document> = (0..300)
        .step_by(7)
        .map(|i| doc(&format!("d{i}"), &format!("two {i}")))
        .chain((300..320).map(|i| doc(&format!("d{i}"), &format!("two {i}"))))
        .collect();
    let three: Vec<Document> = (0..300)
        .step_by(21)
        .map(|i| doc(&format!("d{i}"), &format!("three {i}")))
        .collect();
    for docs in [&one, &two, &three] {
        write_corpus_file(&corpus, "import", docs.iter()).unwrap();
    }
    for _ in 0..2 {
        // Once from the writer's indexes, once from scans.
        let c = Corpus::open(&corpus, &cache).unwrap();
        assert_eq!(c.len(), 320);
        let entries: Vec<Entry> = c.entries().map(Result::unwrap).collect();
        assert_eq!(entries.len(), 320);
        let docs: Vec<Document> = c.iter().map(Result::unwrap).collect();
        for (i, (e, d)) in entries.iter().zip(&docs).enumerate() {
            assert_eq!(e.id, d.id);
            assert_eq!(e.hash, d.hash);
            assert_eq!(c.position(&e.id), Some(i), "{}", e.id);
            assert_eq!(&c.entry_at(i).unwrap(), e);
            assert_eq!(c.entry(&e.id).as_ref(), Some(e));
            assert_eq!(c.id_with_hash(&e.hash).as_deref(), Some(e.id.as_str()));
        }
        assert!(c.entry_at(320).is_err());
        let d0 = c.get("d0").unwrap();
        assert_eq!(d0.text, "three 0");
        assert_eq!(c.get("d7").unwrap().text, "two 7");
        assert_eq!(c.get("d8").unwrap().text, "one 8");
        assert_eq!(
            c.version("d0", &one[0].hash).unwrap().unwrap().text,
            "one 0"
        );
        assert_eq!(
            c.version("d0", &two[0].hash).unwrap().unwrap().text,
            "two 0"
        );
        assert_eq!(c.history().unwrap().len(), 43 + 15);
        assert_eq!(
            c.id_with_hash(&one[0].hash),
            None,
            "superseded texts are not current"
        );
        for f in fs_err::read_dir(cache.join(INDEX_DIR)).unwrap() {
            fs_err::remove_file(f.unwrap().path()).unwrap();
        }
    }
}

#[test]
fn an_odd_digest_is_indexed_and_reported_when_read() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs_err::create_dir_all(&corpus).unwrap();
    let good = serde_json::to_string(&doc("a", "x")).unwrap();
    let odd = r#"{"id":"b","text":"y","hash":"NOT-A-DIGEST"}"#;
    fs_err::write(corpus.join("x.jsonl"), format!("{good}\n{odd}\n")).unwrap();
    let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
    assert_eq!(c.len(), 2);
    assert_eq!(c.get("a").unwrap().text, "x");
    let err = c.get("b").unwrap_err().to_string();
    assert!(err.contains("x.jsonl:2"), "{err}");
}

/// Writes `docs` as corpus file `dir/name`, as a cluster import would.
fn write_named(dir: &std::path::Path, name: &str, docs: &[Document]) {
    fs_err::create_dir_all(dir).unwrap();
    let lines: String = docs
        .iter()
        .map(|d| serde_json::to_string(d).unwrap() + "\n")
        .collect();
    fs_err::write(dir.join(name), lines).unwrap();
}

#[test]
fn the_version_imported_last_is_current_whatever_the_names() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join(".annot");
    let old = doc("a", "Version une.");
    write_named(&corpus, "part-00000.jsonl", &[old.clone(), doc("b", "B")]);
    // `import-*` sorts before `part-*`: name order would keep the old text.
    let new = doc("a", "Version deux.");
    write_corpus_file(&corpus, "import", [&new]).unwrap();
    let newer = doc("a", "Version trois.");
    write_corpus_file(&corpus, "import", [&newer]).unwrap();
    for _ in 0..2 {
        let c = Corpus::open(&corpus, &cache).unwrap();
        assert_eq!(c.len(), 2);
        assert_eq!(c.get("a").unwrap(), newer);
        assert_eq!(c.id_with_hash(&newer.hash).as_deref(), Some("a"));
        assert_eq!(c.id_with_hash(&old.hash), None);
        assert_eq!(c.version("a", &old.hash).unwrap(), Some(old.clone()));
        assert_eq!(c.version("a", &new.hash).unwrap(), Some(new.clone()));
        assert_eq!(c.history().unwrap().len(), 2);
        assert!(c.clashes().is_empty(), "updates are no clash");
        // Corpus order is still name order: import-0002 (a), then the part (b).
        let ids: Vec<_> = c.iter().map(|d| d.unwrap().id).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(c.position("a"), Some(0));
        assert_eq!(c.entry_at(1).unwrap().id, "b");
    }
}

#[test]
fn import_numbers_are_never_reused() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_corpus_file(&corpus, "import", [&doc("a", "one")]).unwrap();
    write_corpus_file(&corpus, "import", [&doc("a", "two")]).unwrap();
    fs_err::remove_file(corpus.join("import-0001.jsonl")).unwrap();
    let p = write_corpus_file(&corpus, "import", [&doc("a", "three")])
        .unwrap()
        .unwrap();
    assert!(p.ends_with("import-0003.jsonl"), "{}", p.display());
    let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
    assert_eq!(c.get("a").unwrap().text, "three");
    // Past 9999 the numbers still order the imports (names no longer do).
    write_named(&corpus, "import-10000.jsonl", &[doc("a", "four")]);
    let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
    assert_eq!(c.get("a").unwrap().text, "four");
}

#[test]
fn an_id_with_two_texts_in_two_parts_is_a_clash() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    write_named(
        &corpus,
        "part-00000.jsonl",
        &[doc("x", "x"), doc("a", "English.")],
    );
    write_named(&corpus, "part-00001.jsonl", &[doc("a", "Français.")]);
    write_named(&corpus, "part-00002.jsonl", &[doc("x", "x")]);
    let c = Corpus::open(&corpus, &dir.path().join(".annot")).unwrap();
    assert_eq!(
        c.clashes(),
        [IdClash {
            id: "a".into(),
            lines: [
                (corpus.join("part-00000.jsonl"), 2),
                (corpus.join("part-00001.jsonl"), 1)
            ],
        }]
    );
    assert_eq!(c.get("a").unwrap().text, "Français.");
    assert_eq!(c.len(), 2);
}

#[test]
fn a_lenient_open_lists_every_bad_line_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join(".annot");
    let line = |d: &Document| serde_json::to_string(d).unwrap();
    let (a, b, c) = (doc("a", "A"), doc("b", "B"), doc("c", "C"));
    fs_err::create_dir_all(&corpus).unwrap();
    fs_err::write(
        corpus.join("part-00000.jsonl"),
        format!("{}\n{{\"id\":\"cut\n{}\n{}\n", line(&a), line(&b), line(&a)),
    )
    .unwrap();
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(format!("{}\n{}\n", line(&doc("z", "Z")), line(&c)).bytes());
    fs_err::write(corpus.join("part-00001.jsonl"), bom).unwrap();
    for _ in 0..2 {
        let err = Corpus::open(&corpus, &cache).unwrap_err().to_string();
        assert!(err.contains("part-00000.jsonl:2: not a document"), "{err}");
        let lenient = Corpus::open_lenient(&corpus, &cache).unwrap();
        let bad: Vec<(String, usize)> = lenient
            .bad_lines()
            .iter()
            .map(|b| {
                (
                    b.path.file_name().unwrap().to_string_lossy().into_owned(),
                    b.line,
                )
            })
            .collect();
        assert_eq!(
            bad,
            [
                ("part-00000.jsonl".into(), 2),
                ("part-00000.jsonl".into(), 4),
                ("part-00001.jsonl".into(), 1)
            ]
        );
        assert!(
            lenient.bad_lines()[1]
                .message
                .contains("already used at line 1")
        );
        assert!(lenient.bad_lines()[2].message.contains("byte-order mark"));
        let ids: Vec<String> = lenient.iter().map(|d| d.unwrap().id).collect();
        assert_eq!(ids, ["a", "b", "a", "c"]);
        assert_eq!(lenient.get("c").unwrap(), c);
        // Neither file's index is cached: the strict open still fails.
    }
}

#[test]
fn files_annot_does_not_read_are_listed_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs_err::create_dir_all(corpus.join("out")).unwrap();
    for name in [
        "part-00000",
        "part-00001.gz",
        "docs.jsonl.zst",
        "_SUCCESS",
        "a.txt",
        "b.json",
        "ok.jsonl",
        ".gitkeep",
        ".part-00000.crc",
        ".annot-tmp-x",
    ] {
        fs_err::write(corpus.join(name), "").unwrap();
    }
    let found: Vec<(String, String)> = unread_files(&corpus)
        .unwrap()
        .into_iter()
        .map(|f| {
            (
                f.path.file_name().unwrap().to_string_lossy().into_owned(),
                f.advice,
            )
        })
        .collect();
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "_SUCCESS",
            "a.txt",
            "b.json",
            "docs.jsonl.zst",
            "out",
            "part-00000",
            "part-00001.gz"
        ]
    );
    let advice = |name: &str| &found.iter().find(|(n, _)| n == name).unwrap().1;
    assert!(advice("part-00000").ends_with("rename it to part-00000.jsonl"));
    assert!(advice("b.json").ends_with("rename it to b.jsonl"));
    assert!(
        advice("part-00001.gz").contains("decompress it to corpus/part-00001.jsonl (`gzip -dc")
    );
    assert!(advice("docs.jsonl.zst").contains("decompress it to corpus/docs.jsonl (`zstd -dc"));
    assert!(advice("_SUCCESS").contains("remove it"));
    assert!(advice("a.txt").contains("annot import"));
    assert!(advice("out").starts_with("a folder"));
}
