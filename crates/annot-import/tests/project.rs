//! Importing into a project: what joins the corpus, what is reported instead.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use annot_import::{Callbacks, Input, Outcome, ProjectImportOptions, import_into};
use annot_model::project::Project;

const SCHEMA: &str = include_str!("../../../schemas/news.json");

fn run(project: &Project, inputs: &[Input], update: bool) -> Outcome {
    let opts = ProjectImportOptions {
        update,
        ..ProjectImportOptions::default()
    };
    let callbacks = Callbacks {
        waiting: &|| {},
        progress: &|_| {},
        show_path: &|p: &Path| p.display().to_string(),
    };
    import_into(project, inputs, &opts, &callbacks).unwrap()
}

fn stdin(text: &str) -> Input {
    Input::stdin(std::io::Cursor::new(text.as_bytes().to_vec()))
}

#[test]
fn present_ids_and_texts_are_reported_and_updates_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = Project::init(dir.path(), "news", SCHEMA).unwrap();
    let first =
        "{\"id\":\"a\",\"text\":\"Premier texte.\"}\n{\"id\":\"b\",\"text\":\"Second texte.\"}\n";
    let outcome = run(&project, &[stdin(first)], false);
    assert_eq!((outcome.files, outcome.imported), (1, 2));
    assert!(outcome.corpus_file.is_some());

    let again = "{\"id\":\"a\",\"text\":\"Premier texte.\"}\n\
                 {\"id\":\"b\",\"text\":\"Second texte, revu.\"}\n";
    let outcome = run(&project, &[stdin(again)], false);
    assert_eq!(outcome.imported, 0);
    assert!(outcome.corpus_file.is_none());
    let said = &outcome.already_present[0].message;
    assert!(
        said.contains("already in the project; not imported again"),
        "{said}"
    );
    // Another text under a present id is input left out: a conflict.
    let said = &outcome.conflicts.head()[0].message;
    assert!(said.contains("--update"), "{said}");
    assert!(said.contains("different id"), "{said}");

    let elsewhere = run(
        &project,
        &[stdin("{\"id\":\"c\",\"text\":\"Premier texte.\"}\n")],
        false,
    );
    let said = &elsewhere.same_text.head()[0].message;
    assert!(said.contains("same text as document 'a'"), "{said}");

    let outcome = run(&project, &[stdin(again)], true);
    assert_eq!((outcome.imported, outcome.updated), (1, 1));
    assert_eq!(
        project.corpus().unwrap().get("b").unwrap().text,
        "Second texte, revu."
    );
}

#[test]
fn standard_input_is_read_from_the_reader_handed_in() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = Project::init(dir.path(), "news", SCHEMA).unwrap();
    let input = stdin("{\"id\":\"a\",\"text\":\"Un texte.\"}\n");
    let outcome = run(&project, &[input], false);
    assert_eq!(outcome.imported, 1);
    assert!(outcome.failures.is_empty());
}

#[test]
fn a_large_re_import_counts_every_present_document_and_names_the_first_thousand() {
    let dir = tempfile::tempdir().unwrap();
    let (project, _) = Project::init(dir.path(), "news", SCHEMA).unwrap();
    let n = annot_import::project::PRESENT_KEPT + 5;
    let input: String = (0..n)
        .map(|i| format!("{{\"id\":\"n{i}\",\"text\":\"Texte numéro {i}.\"}}\n"))
        .collect();
    assert_eq!(run(&project, &[stdin(&input)], false).imported, n);
    let again = run(&project, &[stdin(&input)], false);
    assert_eq!(again.imported, 0);
    assert_eq!(again.already_present_count, n);
    assert_eq!(
        again.already_present.len(),
        annot_import::project::PRESENT_KEPT
    );
    assert!(again.already_present[0].message.contains("'n0'"));
}
