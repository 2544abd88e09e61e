use super::csv::*;
use super::jsonl::*;
use super::*;
use crate::error::{ErrorKind, Result};

fn fields(text: &str, id: Option<&str>) -> Fields {
    Fields {
        text: text.into(),
        id: id.map(Into::into),
    }
}

fn jsonl(input: &str, fields: &Fields) -> Vec<Result<RawRecord>> {
    JsonlRecords::new(input.as_bytes(), "in.jsonl", fields, false).collect()
}

#[test]
fn jsonl_records_and_bad_lines() {
    let input = "\u{feff}{\"id\":\"a\",\"text\":\"Un\\r\\ntexte\",\"title\":\"T\",\"url\":\"u\"}\n\
                 \n\
                 {\"id\":7,\"text\":\"e\\u0301t\\u00e9\"}\n\
                 not json\n\
                 [1,2]\n\
                 {\"id\":\"c\",\"body\":\"x\"}\n\
                 {\"id\":\"d\",\"text\":\"  \"}\n\
                 {\"text\":\"sans id\"}";
    let records = jsonl(input, &fields("text", Some("id")));
    assert_eq!(records.len(), 7);
    let a = records[0].as_ref().unwrap();
    assert_eq!(
        (a.location.as_str(), a.id.as_deref(), a.text.as_str()),
        ("in.jsonl:1", Some("a"), "Un\ntexte")
    );
    let (meta, _) =
        std::mem::take(&mut records.into_iter().next().unwrap().unwrap().meta).finish(None);
    assert_eq!(meta.title.as_deref(), Some("T"));
    assert_eq!(meta.extra["url"], "u");

    let records = jsonl(input, &fields("text", Some("id")));
    let b = records[1].as_ref().unwrap();
    assert_eq!(
        (b.location.as_str(), b.id.as_deref(), b.text.as_str()),
        ("in.jsonl:3", Some("7"), "été")
    );
    let errors: Vec<String> = records
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(ToString::to_string)
        .collect();
    assert_eq!(errors.len(), 4, "{errors:#?}");
    assert!(
        errors[0].starts_with("in.jsonl:4: invalid JSON"),
        "{}",
        errors[0]
    );
    assert!(
        errors[1].starts_with("in.jsonl:5: invalid JSON: found an array"),
        "{}",
        errors[1]
    );
    assert!(
        errors[2].starts_with("in.jsonl:6: no text in field 'text'"),
        "{}",
        errors[2]
    );
    assert!(
        errors[3].starts_with("in.jsonl:7: the text (field 'text') is empty"),
        "{}",
        errors[3]
    );
    let last = records[6].as_ref().unwrap();
    assert_eq!(
        (last.id.as_deref(), last.location.as_str()),
        (None, "in.jsonl:8")
    );
}

#[test]
fn jsonl_other_text_field() {
    let records = jsonl(
        "{\"body\":\"Texte\",\"text\":\"autre\"}\n",
        &fields("body", None),
    );
    let r = records[0].as_ref().unwrap();
    assert_eq!(r.text, "Texte");
    assert_eq!(r.meta.meta.extra["text"], "autre");
}

#[test]
fn jsonl_batches_keep_line_numbers() {
    let input = "{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n{\"text\":\"c\"}\n";
    let f = fields("text", None);
    let mut lines = JsonlRecords::new(input.as_bytes(), "in.jsonl", &f, false);
    let first: Vec<usize> = lines
        .next_batch(2)
        .into_iter()
        .map(|r| r.unwrap().0)
        .collect();
    let rest: Vec<usize> = lines
        .next_batch(2)
        .into_iter()
        .map(|r| r.unwrap().0)
        .collect();
    assert_eq!((first, rest), (vec![1, 3], vec![4]));
    assert!(lines.next_batch(2).is_empty());
}

fn csv_rows(input: &[u8], fields: &Fields, strict: bool) -> Result<Vec<Result<RawRecord>>> {
    Ok(CsvRecords::new(input, "in.csv", fields, strict)?.collect())
}

#[test]
fn csv_rows_and_bad_rows() {
    let input = "\u{feff}id,title,text,date\n\
                 a,Titre,\"Premier texte, avec virgule\r\nsur deux lignes\",19/11/2017\n\
                 b,Court,trop,de,champs\n\
                 c,Vide,,2024-03-04\n\
                 ,Sans id,Dernier texte,\n";
    let rows = csv_rows(input.as_bytes(), &fields("text", Some("id")), false).unwrap();
    assert_eq!(rows.len(), 4);
    let a = rows[0].as_ref().unwrap();
    assert_eq!(a.id.as_deref(), Some("a"));
    assert_eq!(a.text, "Premier texte, avec virgule\nsur deux lignes");
    assert_eq!(a.location, "in.csv:2");
    assert_eq!(a.meta.meta.title.as_deref(), Some("Titre"));
    let err = rows[1].as_ref().unwrap_err().to_string();
    assert_eq!(
        err,
        "in.csv:4: invalid CSV: this row has 5 fields but the header has 4"
    );
    let err = rows[2].as_ref().unwrap_err().to_string();
    assert!(
        err.starts_with("in.csv:5: the text (field 'text') is empty"),
        "{err}"
    );
    // An id column with an empty cell: refused, not replaced by the digest.
    let err = rows[3].as_ref().unwrap_err().to_string();
    assert!(
        err.starts_with("in.csv:6: the id (column 'id') is empty"),
        "{err}"
    );
}

#[test]
fn csv_missing_column() {
    let err = csv_rows(b"id,body\n1,x\n", &fields("text", None), false)
        .err()
        .unwrap();
    assert_eq!(
        err.to_string(),
        "in.csv: the header has no column 'text' (columns: id, body); name the text column with --text-column"
    );
    let err = csv_rows(b"text\nx\n", &fields("text", Some("key")), false)
        .err()
        .unwrap();
    assert!(err.to_string().contains("no column 'key'"));
}

#[test]
fn csv_encoding() {
    let input = b"text\nCaf\xe9\n";
    let rows = csv_rows(input, &fields("text", None), false).unwrap();
    let r = rows[0].as_ref().unwrap();
    assert_eq!(r.text, "Café");
    assert_eq!(r.warnings.len(), 1);
    let rows = csv_rows(input, &fields("text", None), true).unwrap();
    assert!(
        rows[0]
            .as_ref()
            .unwrap_err()
            .to_string()
            .starts_with("in.csv:2: not valid UTF-8")
    );
}

#[test]
fn lone_surrogates_are_named() {
    let f = fields("text", None);
    for (line, escape) in [
        (r#"{"text":"a\ud800"}"#, r"\ud800"),
        (r#"{"text":"\ud800\u0041"}"#, r"\ud800"),
        (r#"{"text":"x\udc00y"}"#, r"\udc00"),
        (r#"{"text":"é\\ud800 \uD83D"}"#, r"\uD83D"),
    ] {
        let err = jsonl(line, &f).remove(0).unwrap_err();
        assert!(
            matches!(&err.kind, ErrorKind::LoneSurrogate { escape: e } if e == escape),
            "{line}: {err}"
        );
        assert!(
            err.to_string().starts_with("in.jsonl:1: the string escape"),
            "{err}"
        );
    }
    assert_eq!(lone_surrogate(r#""\ud83d\ude00""#), None);
    let ok = jsonl(r#"{"text":"\ud83d\ude00"}"#, &f).remove(0).unwrap();
    assert_eq!(ok.text, "😀");
}
