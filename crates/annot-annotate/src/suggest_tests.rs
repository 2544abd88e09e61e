//! Patterns, the dictionary and matching on token boundaries.

use super::*;
use annot_model::Document;
use annot_model::record::Span;
use annot_model::tokenize::Lang;

fn view(text: &str) -> DocView {
    DocView::new(Document::new("d", text), Lang::Fr)
}

fn record(spans: &[(&str, &str)], status: Status) -> Record {
    Record {
        doc: "old".into(),
        hash: "h".into(),
        annotator: "bot".into(),
        schema: "news@1".into(),
        status,
        at: "2026-01-01T00:00:00Z".into(),
        ms: 0,
        spans: spans
            .iter()
            .map(|(t, l)| Span {
                start: 0,
                end: 1,
                label: (*l).into(),
                text: (*t).into(),
                source: None,
            })
            .collect(),
        labels: Default::default(),
        zones: None,
        note: None,
        extra: Default::default(),
    }
}

#[test]
fn patterns_parse_with_clear_errors() {
    let s = Schema::news();
    assert_eq!(
        parse_pattern(r#"{"label":"ORG","pattern":"Hezbollah"}"#, &s)
            .unwrap()
            .kind,
        PatternKind::Phrase("Hezbollah".into())
    );
    assert_eq!(
        parse_pattern(
            r#"{"label":"ORG","pattern":[{"lower":"Etat"},{"LOWER":"islamique"}]}"#,
            &s
        )
        .unwrap()
        .kind,
        PatternKind::Lower(vec!["etat".into(), "islamique".into()])
    );
    for (line, says) in [
        ("{", "not JSON"),
        (r#"{"pattern":"x"}"#, "no \"label\""),
        (r#"{"label":"XYZ","pattern":"x"}"#, "not in the schema"),
        (r#"{"label":"ORG","pattern":""}"#, "non-empty"),
        (
            r#"{"label":"ORG","pattern":[{"pos":"NOUN"}]}"#,
            "not supported",
        ),
        (
            r#"{"label":"ORG","pattern":[{"lower":"a"},{"orth":"B"}]}"#,
            "not both",
        ),
        (
            r#"{"label":"ORG","pattern":[{"lower":"a b"}]}"#,
            "without spaces",
        ),
    ] {
        let err = parse_pattern(line, &s).unwrap_err();
        assert!(err.contains(says), "{line}: {err}");
    }
}

#[test]
fn suggestions_on_token_boundaries_leftmost_longest() {
    let s = Schema::news();
    let patterns = vec![
        parse_pattern(r#"{"label":"ORG","pattern":"Hezbollah"}"#, &s).unwrap(),
        parse_pattern(r#"{"label":"LOC","pattern":"Syrie"}"#, &s).unwrap(),
        parse_pattern(
            r#"{"label":"ORG","pattern":[{"lower":"etat"},{"lower":"islamique"}]}"#,
            &s,
        )
        .unwrap(),
        parse_pattern(r#"{"label":"ORG","pattern":"armée"}"#, &s).unwrap(),
        parse_pattern(r#"{"label":"ORG","pattern":"armée syrienne"}"#, &s).unwrap(),
    ];
    let dict = Dictionary::from_records([
        &record(
            &[("Boukamal", "LOC"), ("Boukamal", "LOC"), ("Daech", "ORG")],
            Status::Accepted,
        ),
        &record(&[("Boukamal", "PER")], Status::Accepted),
        &record(&[("Rejeté", "PER")], Status::Rejected),
    ]);
    assert_eq!(dict.len(), 2);
    let mut sg = Suggester::new(patterns, dict);
    let v = view(
        "Le Hezbollah et l' armée syrienne en Syrie et Syriens à Boukamal contre Etat Islamique et Daech et Boukamal",
    );
    let got = sg.suggest(&v, &[], &s);
    let summary: Vec<(&str, &str, usize, SpanSource)> = got
        .iter()
        .map(|g| {
            (
                g.text.as_str(),
                g.label.as_str(),
                g.occurrences.len(),
                g.source,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("Hezbollah", "ORG", 1, SpanSource::Pattern),
            ("armée syrienne", "ORG", 1, SpanSource::Pattern),
            ("Syrie", "LOC", 1, SpanSource::Pattern),
            ("Boukamal", "LOC", 2, SpanSource::Dictionary),
            ("Etat Islamique", "ORG", 1, SpanSource::Pattern),
            ("Daech", "ORG", 1, SpanSource::Dictionary),
        ]
    );
    // The dictionary grows during a session.
    sg.dictionary_mut()
        .add(&record(&[("Syriens", "MISC")], Status::Accepted));
    let again = sg.suggest(&v, &[], &s);
    assert!(
        again
            .iter()
            .any(|g| g.text == "Syriens" && g.label == "MISC")
    );
    // Boilerplate gets nothing.
    let zones = vec![ZoneSpan {
        start: 0,
        end: v.len(),
        zone: "boilerplate".into(),
    }];
    assert!(sg.suggest(&v, &zones, &s).is_empty());
}

#[test]
fn load_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("patterns.jsonl");
    std::fs::write(
        &p,
        "{\"label\":\"ORG\",\"pattern\":\"EI\"}\n\n{\"label\":\"BAD\",\"pattern\":\"x\"}\n",
    )
    .unwrap();
    let err = load_patterns(&p, &Schema::news()).unwrap_err().to_string();
    assert!(
        err.contains("patterns.jsonl:3") && err.contains("'BAD'"),
        "{err}"
    );
    let missing = load_patterns(&dir.path().join("nope.jsonl"), &Schema::news())
        .unwrap_err()
        .to_string();
    assert!(missing.contains("nope.jsonl"), "{missing}");
}

#[test]
fn part_of_a_longer_capitalised_name_is_not_offered() {
    let schema = Schema::news();
    let patterns = vec![
        parse_pattern(r#"{"label":"LOC","pattern":"Liban"}"#, &schema).unwrap(),
        parse_pattern(r#"{"label":"PER","pattern":"Laurent"}"#, &schema).unwrap(),
    ];
    let mut s = Suggester::new(patterns, Dictionary::default());
    let v = view("Au Liban-Nord, Laurent Vidal a vu le Liban et Laurent .");
    let got: Vec<(String, usize)> = s
        .suggest(&v, &[], &schema)
        .into_iter()
        .map(|g| (g.text, g.occurrences.len()))
        .collect();
    assert_eq!(got, [("Liban".to_owned(), 1), ("Laurent".to_owned(), 1)]);
}

#[test]
fn predicted_spans_are_model_suggestions_on_token_boundaries() {
    let text = "Laurent Vidal vit à Nord-Liban.";
    let v = view(text);
    let schema = Schema::news();
    let mut s = Suggester::new(Vec::new(), Dictionary::default());
    let predicted = vec![
        // Part of a longer name: a pattern would not offer it, the model decided to.
        Span::from_chars(text, 0, 7, "PER").unwrap(),
        // Not on token boundaries: left out.
        Span::from_chars(text, 21, 27, "LOC").unwrap(),
        Span::from_chars(text, 20, 30, "LOC").unwrap(),
        // A label the schema does not have: left out.
        Span::from_chars(text, 8, 13, "NAME").unwrap(),
    ];
    let got: Vec<(String, String, SpanSource)> = s
        .suggest_with(&v, &[], &schema, &predicted)
        .into_iter()
        .map(|g| (g.text, g.label, g.source))
        .collect();
    assert_eq!(
        got,
        [
            ("Laurent".to_owned(), "PER".to_owned(), SpanSource::Model),
            ("Nord-Liban".to_owned(), "LOC".to_owned(), SpanSource::Model),
        ]
    );
}
