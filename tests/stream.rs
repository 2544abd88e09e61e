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
fn map(args: &[&str], input: &str) -> String {
    stdout_of(annot().arg("stream").args(args).write_stdin(input.to_owned()))
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
    annot_in(&root).arg("import").arg(dir).assert();
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
    let alone: String = shards(&pages, 4).iter().map(|s| map(&["import"], s)).collect();
    assert_ne!(alone, single_import(tmp.path()));
}

#[test]
fn stream_import_reports_a_bad_line_and_goes_on() {
    let input = "{\"source\":\"a.txt\",\"text\":\"Un titre\\n\\nUne phrase assez longue pour être le corps du texte, voilà.\"}\nnot json\n";
    annot()
        .args(["stream", "import"])
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"id\":\"a\"").not().and(predicate::str::contains("a.txt")))
        .stderr(predicate::str::contains("<stdin>:2: not a page line"));
}

#[test]
fn a_table_that_is_not_one_is_refused_with_its_line() {
    annot()
        .args(["stream", "recurrence", "--combine"])
        .write_stdin("{\"documents\":1,\"lines\":[]}\n[1,2]\n")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("<stdin>:2: not a recurrence table"));
}
