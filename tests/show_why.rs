//! `annot show --why`: every line with its zone, the rule that decided and
//! the signals, agreeing with the zones the import stored.

use crate::common::{annot_in, jsonl_project, sample_project, stdout_of};

#[test]
fn why_explains_every_line_as_the_import_zoned_it() {
    let (_tmp, root) = sample_project();
    let id = "08_fr-horizon-rougeole-colleges";
    let rows: Vec<serde_json::Value> = serde_json::from_str(&stdout_of(
        annot_in(&root).args(["show", id, "--why", "--json"]),
    ))
    .unwrap();
    let doc: serde_json::Value =
        serde_json::from_str(&stdout_of(annot_in(&root).args(["show", id, "--json"]))).unwrap();
    let text = doc["document"]["text"].as_str().unwrap();
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(rows.len(), lines.len(), "one row per non-blank line");
    for (row, line) in rows.iter().zip(&lines) {
        assert_eq!(row["text"], *line);
        assert!(
            row.get("stored").is_none(),
            "the explanation differs from the stored zone: {row}"
        );
        assert!(row["reason"].as_str().is_some_and(|r| !r.is_empty()));
    }
    let find = |text: &str| rows.iter().find(|r| r["text"] == text).unwrap();
    assert_eq!(find("AFP")["zone"], "meta");
    assert_eq!(find("AFP")["byline"], "AFP");
    assert_eq!(find("5 septembre 2023")["reason"], "date line");
    assert_eq!(
        find("Santé")["reason"],
        "lone short line next to the headline"
    );
    let menu = find("Menu");
    assert_eq!(menu["zone"], "boilerplate");
    assert_eq!(menu["phrase"], "navigation phrase");

    let plain = stdout_of(annot_in(&root).args(["show", id, "--why"]));
    assert!(
        plain.contains("lone short line next to the headline"),
        "{plain}"
    );
    assert!(plain.contains("% stopwords"), "{plain}");
    // The line model's part: its probability and the features that weighed most.
    assert!(
        plain.contains("model 0.") || plain.contains("model 1.00"),
        "{plain}"
    );
    for row in &rows {
        let p = row["body_probability"].as_f64().unwrap();
        assert!((0.0..=1.0).contains(&p), "{row}");
        assert!(!row["model_top"].as_array().unwrap().is_empty(), "{row}");
        assert!(row["decidable"].is_boolean(), "{row}");
    }
    // Running text is hard evidence: the rules decide the article's paragraphs.
    assert!(
        rows.iter()
            .any(|r| r["reason"] == "running text" && r["decidable"] == false),
        "{rows:?}"
    );
    for line in plain
        .lines()
        .filter(|l| l.trim_start().starts_with("model "))
    {
        assert!(line.chars().count() <= 80, "{line}");
    }
    // An import records no thresholds: the heading says the defaults count recurrence.
    assert!(
        plain
            .contains("with the default thresholds: a line in at least 3 documents and 1% of them"),
        "{plain}"
    );
}

#[test]
fn why_marks_lines_a_record_stored_in_another_zone() {
    let (_tmp, root) = jsonl_project(&[(
        "r1",
        "Accueil\nUn titre assez long pour un article\nPar Jean Nom\n\
         Le premier paragraphe de l'article raconte ce qui s'est passé hier soir en ville.",
    )]);
    let out = stdout_of(annot_in(&root).args(["show", "r1", "--why"]));
    assert!(out.contains("boilerplate*"), "{out}");
    assert!(out.contains("stored in another zone"), "{out}");
}

#[test]
fn why_counts_recurrence_on_the_sample_an_import_of_the_corpus_takes() {
    // Past DEFAULT_RECURRENCE_SAMPLE (4096) documents an import counts a
    // hash-chosen sample of about 4096; `--why` counts the same pages and says so.
    let texts: Vec<(String, String)> = (0..4200)
        .map(|i| {
            (
                format!("d{i:04}"),
                format!("Menu\nUn article numéro {i} assez long pour être un titre\nLe texte {i}."),
            )
        })
        .collect();
    let docs: Vec<(&str, &str)> = texts
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    let (_tmp, root) = jsonl_project(&docs);
    let out = stdout_of(annot_in(&root).args(["show", "d0007", "--why"]));
    let heading = out.lines().next().unwrap();
    let counted: u64 = heading
        .split("a sample of ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no sample in the heading: {heading}"));
    assert!(
        heading.contains("of the corpus's 4200 documents, as import counts it"),
        "{heading}"
    );
    assert!((3800..4200).contains(&counted), "{heading}");
}
