//! The import pipeline over real files in a temporary folder.

// Helpers of these tests panic on purpose, like the tests themselves.
#![allow(clippy::unwrap_used, clippy::print_stderr)]

use std::path::Path;
use std::sync::Mutex;

use annot_import::{Format, ImportOptions, ImportReport, Input, Phase, Progress, import};
use annot_model::Document;
use annot_model::tokenize::Lang;

fn write(dir: &Path, name: &str, content: impl AsRef<[u8]>) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, content).unwrap();
}

fn run(inputs: &[Input], opts: &ImportOptions) -> (Vec<Document>, ImportReport) {
    let mut docs = Vec::new();
    let report = import(inputs, opts, &|_| {}, &mut |d| {
        docs.push(d);
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    (docs, report)
}

fn article(n: usize) -> String {
    format!(
        "Accueil\n\nUn titre pour l'article numéro {n} du jour\n\nPar Jean Nom\n19/11/2017\n\n\
         Le premier paragraphe de l'article {n} raconte ce qui s'est passé hier soir en ville.\n\n\
         Le second paragraphe de l'article {n} donne la parole aux habitants du quartier.\n"
    )
}

#[test]
fn documents_come_in_path_order_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..40 {
        write(
            dir.path(),
            &format!("{}/{n:03}.txt", if n % 2 == 0 { "a" } else { "b" }),
            article(n),
        );
    }
    write(
        dir.path(),
        "c.jsonl",
        "{\"text\":\"Premier.\"}\n{\"text\":\"Second.\"}\n",
    );
    let opts = ImportOptions {
        chunk_size: 3,
        ..ImportOptions::default()
    };
    let (docs, report) = run(&[Input::Path(dir.path().to_path_buf())], &opts);
    let mut expected: Vec<String> = (0..40).step_by(2).map(|n| format!("{n:03}")).collect();
    expected.extend((1..40).step_by(2).map(|n| format!("{n:03}")));
    let ids: Vec<&str> = docs.iter().take(40).map(|d| d.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(docs[40].text, "Premier.");
    assert_eq!(docs[41].text, "Second.");
    assert_eq!(docs[0].meta.source.as_deref(), Some("a/000.txt"));
    assert_eq!(
        docs[0].meta.title.as_deref(),
        Some("Un titre pour l'article numéro 0 du jour")
    );
    assert_eq!(docs[0].meta.date.as_deref(), Some("2017-11-19"));
    assert_eq!(report.documents, 42);
    assert_eq!(report.files, 41);
    assert!(
        report.failures.is_empty() && report.duplicates.is_empty(),
        "{report:#?}"
    );
    assert_eq!(
        report.zones,
        docs.iter().map(|d| d.zones.len()).sum::<usize>()
    );
    for d in &docs {
        d.validate().unwrap();
    }
}

#[test]
fn bad_files_are_reported_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "1-empty.txt", " \n\n");
    write(dir.path(), "2-binary.txt", b"GIF89a\0\0\x01");
    write(dir.path(), "3-cp1252.txt", b"Un titre en Windows-1252 pour l'\xe9t\xe9\n\nLe texte de l'article, assez long pour faire un paragraphe complet.\n");
    write(dir.path(), "4-ok.txt", article(4));
    write(
        dir.path(),
        "5-bad.jsonl",
        "{\"text\":\"Bon.\"}\n{oops\n{\"title\":\"sans texte\"}\n",
    );
    write(dir.path(), "6.csv", "body\nx\n");
    let (docs, report) = run(
        &[Input::Path(dir.path().to_path_buf())],
        &ImportOptions::default(),
    );
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids.len(), 3);
    assert_eq!(&ids[..2], ["3-cp1252", "4-ok"]);
    assert_eq!(
        docs[0].meta.title.as_deref(),
        Some("Un titre en Windows-1252 pour l'été")
    );
    assert_eq!(docs[2].text, "Bon.");
    let failures: Vec<String> = report
        .failures
        .to_vec()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(failures.len(), 5, "{failures:#?}");
    assert!(failures[0].ends_with(
        "1-empty.txt: the file is empty (or only whitespace); there is no text to import"
    ));
    assert!(failures[1].contains("2-binary.txt: looks like a binary file"));
    assert!(failures[2].contains("5-bad.jsonl:2: invalid JSON"));
    assert!(failures[3].contains("5-bad.jsonl:3: no text in field 'text'"));
    assert!(failures[4].contains("6.csv: the header has no column 'text'"));
    assert_eq!(report.warnings.len(), 1);
    assert!(report.warnings.head()[0].source.ends_with("3-cp1252.txt"));

    let strict = ImportOptions {
        strict: true,
        ..ImportOptions::default()
    };
    let (docs, report) = run(&[Input::Path(dir.path().join("3-cp1252.txt"))], &strict);
    assert!(docs.is_empty());
    assert!(
        report.failures.head()[0]
            .message
            .starts_with("not valid UTF-8")
    );
}

#[test]
fn duplicates_by_id_and_by_text() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/same.txt", article(1));
    write(dir.path(), "b/same.txt", article(2));
    write(dir.path(), "c.txt", article(1));
    write(
        dir.path(),
        "d.jsonl",
        "{\"id\":\"k\",\"text\":\"Un.\"}\n{\"id\":\"k\",\"text\":\"Deux.\"}\n{\"id\":\"m\",\"text\":\"Un.\"}\n",
    );
    let (docs, report) = run(
        &[Input::Path(dir.path().to_path_buf())],
        &ImportOptions::default(),
    );
    let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["same", "k"]);
    let dups: Vec<String> = report
        .duplicates
        .to_vec()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(dups.len(), 2, "{dups:#?}");
    assert!(
        dups[0].contains("c.txt: same text as document 'same'"),
        "{}",
        dups[0]
    );
    assert!(
        dups[1].contains("d.jsonl:3: same text as document 'k'"),
        "{}",
        dups[1]
    );
    // The same id with another text is input left out, not a duplicate.
    let conflicts: Vec<String> = report
        .conflicts
        .to_vec()
        .unwrap()
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(conflicts.len(), 2, "{conflicts:#?}");
    assert!(
        conflicts[0].contains("b/same.txt: id 'same' is taken by another text"),
        "{}",
        conflicts[0]
    );
    assert!(
        conflicts[1].contains("d.jsonl:2: id 'k' is taken by another text")
            && conflicts[1].contains("different id"),
        "{}",
        conflicts[1]
    );
}

#[test]
fn csv_and_forced_formats() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "rows.csv",
        "key,text,lang,section\nr1,The first row of text.,,World\nr2,La deuxième ligne.,fr,\n",
    );
    write(
        dir.path(),
        "records.data",
        "{\"text\":\"Hello there, this is the text.\"}\n",
    );
    let opts = ImportOptions {
        id_column: Some("key".into()),
        ..ImportOptions::default()
    };
    let (docs, _) = run(&[Input::Path(dir.path().join("rows.csv"))], &opts);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, "r1");
    assert_eq!(docs[0].meta.section.as_deref(), Some("World"));
    assert_eq!(docs[0].meta.lang.as_deref(), Some("en"), "detected");
    assert_eq!(docs[1].meta.lang.as_deref(), Some("fr"), "given");
    assert_eq!(docs[0].zone_text("body"), Some("The first row of text."));

    let (docs, report) = run(
        &[Input::Path(dir.path().join("records.data"))],
        &ImportOptions::default(),
    );
    assert!(docs.is_empty());
    assert!(report.failures.head()[0].message.contains("--format"));
    let forced = ImportOptions {
        format: Some(Format::Jsonl),
        lang: Some(Lang::Fr),
        ..ImportOptions::default()
    };
    let (docs, _) = run(&[Input::Path(dir.path().join("records.data"))], &forced);
    assert_eq!(
        docs[0].meta.lang.as_deref(),
        Some("fr"),
        "the option overrides detection"
    );
    assert_eq!(docs[0].meta.source.as_deref(), Some("records.data"));
}

#[test]
fn progress_reaches_the_totals() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..5 {
        write(dir.path(), &format!("{n}.txt"), article(n));
    }
    write(
        dir.path(),
        "r.jsonl",
        "{\"text\":\"Un.\"}\n\n{\"text\":\"Deux.\"}\n",
    );
    let seen = Mutex::new(Vec::<Progress>::new());
    let report = import(
        &[Input::Path(dir.path().to_path_buf())],
        &ImportOptions {
            chunk_size: 2,
            ..ImportOptions::default()
        },
        &|p| seen.lock().unwrap().push(p),
        &mut |_| Ok::<_, std::convert::Infallible>(()),
    )
    .unwrap();
    let seen = seen.into_inner().unwrap();
    assert_eq!(seen[0].phase, Phase::Scanning);
    let last = seen.last().unwrap();
    assert_eq!(last.phase, Phase::Importing);
    assert_eq!((last.files_done, last.files_total), (6, 6));
    assert_eq!(last.bytes_done, last.bytes_total);
    assert_eq!(last.documents, 7);
    assert_eq!(report.documents, 7);
}

#[test]
fn a_failing_sink_stops_the_import() {
    let dir = tempfile::tempdir().unwrap();
    for n in 0..50 {
        write(dir.path(), &format!("{n:02}.txt"), article(n));
    }
    let mut taken = 0;
    let result = import(
        &[Input::Path(dir.path().to_path_buf())],
        &ImportOptions {
            chunk_size: 4,
            ..ImportOptions::default()
        },
        &|_| {},
        &mut |_| {
            taken += 1;
            if taken == 3 { Err("disk full") } else { Ok(()) }
        },
    );
    assert_eq!(result.unwrap_err(), "disk full");
    assert_eq!(taken, 3);
}

/// What a CoNLL import gives, with the file's name and the `<stdin>` name made one.
fn conll_import(input: Input, name: &str, chunk_size: usize) -> Vec<String> {
    let opts = ImportOptions {
        format: Some(Format::Conll),
        chunk_size,
        ..ImportOptions::default()
    };
    let mut out = Vec::new();
    let report = annot_import::import_items(&[input], &opts, &|_| {}, &mut |item| {
        out.push(format!(
            "{} {:?} {:?}",
            item.document.id, item.document.text, item.records
        ));
        Ok::<_, std::convert::Infallible>(())
    })
    .unwrap();
    for d in report
        .warnings
        .to_vec()
        .unwrap()
        .iter()
        .chain(&report.failures.to_vec().unwrap())
    {
        out.push(format!("{d:?}"));
    }
    out.push(format!(
        "{} file(s), {} document(s)",
        report.files, report.documents
    ));
    // A document without an id is named after the file's stem (`stdin` for standard input).
    out.into_iter()
        .map(|s| s.replace(name, "SRC").replace("stdin-", "in-"))
        .collect()
}

#[test]
fn conll_read_a_line_at_a_time_imports_what_it_read_whole() {
    // Line ends of three kinds, a byte order mark, a token to compose under NFC,
    // a separator in the wrong case, ids given and not, an entity across lines;
    // then the same with a bad line (nothing of the file imported), with
    // mixed schemes, with only white space, and in Latin-1 (decoded whole).
    let good = "\u{feff}# id = un\r\nE\u{301}lise B-PER\r\nparle O\r\n\r\n\
                -docstart- -X- O\n\nà O\nGenève B-LOC\rSuisse I-LOC\r\r\
                -DOCSTART- (deux)\nLe O\nmaire O\n\n# newdoc\nFin O\n";
    let cases: Vec<Vec<u8>> = vec![
        good.as_bytes().to_vec(),
        format!("{good}\nvoilà\n").into_bytes(),
        "A S-PER\n\nB U-LOC\n".as_bytes().to_vec(),
        " \n\t\r\n".as_bytes().to_vec(),
        b"# id = latin\nd\xe9but O\nParis B-LOC\n".to_vec(),
    ];
    for (k, bytes) in cases.into_iter().enumerate() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "in.conll", &bytes);
        let path = dir.path().join("in.conll");
        let name = path.display().to_string();
        let whole = conll_import(Input::stdin(std::io::Cursor::new(bytes)), "<stdin>", 1000);
        assert!(
            whole.iter().any(|l| l.contains("SRC")),
            "case {k}: {whole:#?}"
        );
        for chunk in [1, 2, 1000] {
            let read = conll_import(Input::Path(path.clone()), &name, chunk);
            assert_eq!(read, whole, "case {k}, chunks of {chunk}");
        }
    }
}

#[test]
fn an_import_past_the_lists_memory_keeps_every_file_and_warning_in_order() {
    // More files than the list of sources holds in memory (16,384), by more
    // than the 64 KiB it gathers before a write, each with a warning
    // (Windows-1252): the list of files and the report's warnings are read
    // back from their temporary files.
    let dir = tempfile::tempdir().unwrap();
    let n = 20_000;
    for i in 0..n {
        let mut text = format!("Titre {i}\n\nLe caf").into_bytes();
        text.push(0xE9);
        text.extend_from_slice(format!(" de la place {i} ferme ses portes.\n").as_bytes());
        write(dir.path(), &format!("{:02}/d{i:05}.txt", i / 1000), text);
    }
    let (docs, report) = run(
        &[Input::Path(dir.path().to_path_buf())],
        &ImportOptions::default(),
    );
    let ids: Vec<String> = docs.into_iter().map(|d| d.id).collect();
    let expected: Vec<String> = (0..n).map(|i| format!("d{i:05}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(report.files, n);
    let warnings = report.warnings.to_vec().unwrap();
    assert_eq!(warnings.len(), n);
    for (i, w) in warnings.iter().enumerate() {
        assert!(
            w.source.ends_with(&format!("d{i:05}.txt")),
            "warning {i}: {w}"
        );
    }
    assert!(report.failures.is_empty());
}
