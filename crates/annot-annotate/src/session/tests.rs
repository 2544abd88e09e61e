//! Scripted sessions against a corpus in a temporary directory.

use std::path::PathBuf;

use annot_model::corpus::{Corpus, write_corpus_file};
use annot_model::record::{Record, SpanSource, Status};
use annot_model::store::{AnnotatorLog, read_log};
use annot_model::{Document, Schema, ZoneSpan};

use super::*;
use crate::frontend::PlainLines;
use crate::suggest::parse_pattern;

mod drafts;

const A: &str = "Le Hezbollah participe aux opérations à Boukamal .\n\n\
                 Les forces de l' armée syrienne ont repris Boukamal hier .\n\n\
                 Rami Abdel Rahmane dirige l' OSDH depuis Londres .";
const B: &str =
    "Boukamal est proche de la frontière avec l' Irak .\n\nLe Hezbollah y est présent .";
const C: &str = "Rien à signaler ici .";

struct Fixture {
    dir: tempfile::TempDir,
    schema: Schema,
}

impl Fixture {
    fn new(docs: &[(&str, &str)]) -> Self {
        Self::with(
            docs.iter()
                .map(|(id, text)| Document::new(*id, *text))
                .collect(),
        )
    }

    fn with(docs: Vec<Document>) -> Self {
        let dir = tempfile::tempdir().unwrap();
        write_corpus_file(&dir.path().join("corpus"), "import", &docs).unwrap();
        Self {
            dir,
            schema: Schema::news(),
        }
    }

    fn log_path(&self) -> PathBuf {
        self.dir.path().join("annotations/bot.jsonl")
    }

    fn run_with(&self, script: &str, opts: SessionOptions) -> (String, Summary) {
        let corpus = Corpus::open(
            &self.dir.path().join("corpus"),
            &self.dir.path().join(".annot"),
        )
        .unwrap();
        let log = AnnotatorLog::open(&self.log_path(), "bot").unwrap();
        let mut session = Session::new(corpus, self.schema.clone(), log, opts).unwrap();
        let mut out = Vec::new();
        let summary = session
            .run(&mut PlainLines::new(script.as_bytes()), &mut out)
            .unwrap();
        (String::from_utf8(out).unwrap(), summary)
    }

    fn run(&self, script: &str) -> (String, Summary) {
        self.run_with(script, opts())
    }

    /// Every record of the log, in order.
    fn records(&self) -> Vec<Record> {
        let text = std::fs::read_to_string(self.log_path()).unwrap_or_default();
        text.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn latest(&self, doc: &str) -> Record {
        read_log(&self.log_path())
            .unwrap()
            .latest
            .remove(doc)
            .unwrap()
    }
}

fn opts() -> SessionOptions {
    SessionOptions {
        annotator: "bot".into(),
        ..SessionOptions::default()
    }
}

fn spans(r: &Record) -> Vec<(String, String, Option<SpanSource>)> {
    r.spans
        .iter()
        .map(|s| (s.text.clone(), s.label.clone(), s.source))
        .collect()
}

fn own(v: &[(&str, &str)]) -> Vec<(String, String, Option<SpanSource>)> {
    v.iter()
        .map(|(t, l)| ((*t).to_owned(), (*l).to_owned(), Some(SpanSource::Manual)))
        .collect()
}

#[test]
fn marks_labels_and_accepts() {
    let f = Fixture::new(&[("a", A), ("b", B)]);
    let script = "Boukamal LOC\n\"armée syrienne\" ORG\nRami Abdel Rahmane PER\nOSDH\no\nLondres l\ntopic conflict\ntopic 1\nnote à relire\n\n";
    let (out, summary) = f.run(script);
    assert!(out.contains("doc 1/2"), "{out}");
    assert!(
        out.contains("+ Boukamal LOC (¶1) as span 1 · 1 more: add * to mark every one"),
        "{out}"
    );
    assert!(
        out.contains("which label for \"OSDH\"? p PER · o ORG · l LOC · m MISC"),
        "{out}"
    );
    assert!(out.contains("+ OSDH ORG (¶3)"), "{out}");
    assert!(
        out.contains("saved a · accepted · 5 spans · topic politics, conflict"),
        "{out}"
    );
    assert_eq!(
        summary,
        Summary {
            saved: 1,
            remaining: 1
        }
    );
    let r = f.latest("a");
    assert_eq!(
        spans(&r),
        own(&[
            ("Boukamal", "LOC"),
            ("armée syrienne", "ORG"),
            ("Rami Abdel Rahmane", "PER"),
            ("OSDH", "ORG"),
            ("Londres", "LOC"),
        ])
    );
    assert!(r.check_spans(A).is_ok());
    assert_eq!(r.hash, annot_model::text_hash(A));
    assert_eq!(r.labels["topic"], ["politics", "conflict"], "schema order");
    assert_eq!(r.note.as_deref(), Some("à relire"));
    assert_eq!(
        (r.annotator.as_str(), r.schema.as_str(), r.status),
        ("bot", "news@1", Status::Accepted)
    );
}

#[test]
fn every_occurrence_and_token_ranges() {
    let f = Fixture::new(&[("a", A)]);
    let (out, _) = f.run("r 3\nBoukamal LOC *\nt1-2 ORG\nt2 ORG\nd 3\n\n");
    // ¶3 starts after the 19 tokens of ¶1 and ¶2... whatever the tokenizer, the ruler numbers them.
    assert!(out.contains("¶3 "), "{out}");
    assert!(out.contains("+ Boukamal LOC ×2 (¶1 ¶2)"), "{out}");
    assert!(out.contains("+ Le Hezbollah ORG (¶1)"), "{out}");
    // Le Hezbollah, before both Boukamal in the text, was marked last: it is span 3.
    assert!(out.contains("+ Le Hezbollah ORG (¶1) as span 3"), "{out}");
    assert!(out.contains("overlaps span 3 Le Hezbollah ORG"), "{out}");
    let r = f.latest("a");
    assert_eq!(spans(&r), own(&[("Boukamal", "LOC"), ("Boukamal", "LOC")]));
}

#[test]
fn undo_and_redo_are_unlimited_within_the_document() {
    let f = Fixture::new(&[("a", A)]);
    let (out, _) = f.run("Boukamal LOC\nOSDH ORG\ntopic conflict\nu\nu\nu\nu\nU\nU\n1 PER\nU\n\n");
    assert!(out.contains("undone: topic: conflict"), "{out}");
    assert!(out.contains("undone: + Boukamal LOC (¶1)"), "{out}");
    assert!(out.contains("nothing to undo"), "{out}");
    assert!(out.contains("redone: + OSDH ORG (¶3)"), "{out}");
    assert!(out.contains("nothing to redo"), "{out}");
    let r = f.latest("a");
    assert_eq!(spans(&r), own(&[("Boukamal", "PER"), ("OSDH", "ORG")]));
    assert!(r.labels.is_empty());
}

#[test]
fn misaligned_spans_are_refused_with_the_nearest_aligned_one() {
    let f = Fixture::new(&[("a", A)]);
    let (out, _) = f.run("Boukam LOC\nHezbol\nabsent ORG\nt999 ORG\n\n\n");
    assert!(
        out.contains("\"Boukam\" does not fall on token boundaries (¶1); the nearest token-aligned span is \"Boukamal\": t"),
        "{out}"
    );
    assert!(out.contains(" LOC\n"), "the offer carries the label: {out}");
    assert!(
        !out.contains("which label"),
        "no label is asked for a refused span: {out}"
    );
    assert!(
        out.contains("\"absent ORG\"") || out.contains("\"absent\" is not in the text"),
        "{out}"
    );
    assert!(out.contains("the document has"), "{out}");
    assert!(f.latest("a").spans.is_empty());
}

#[test]
fn bad_commands_record_nothing() {
    let f = Fixture::new(&[("a", A)]);
    let (out, summary) =
        f.run("d 4\n3 PER\n7 +1\ny\nn 2\ntopic war\nz 9 body\nz 1 sidebar\nBoukamal LCO\n\"x\n");
    for says in [
        "no span 4: this document has no spans yet",
        "no span 3",
        "there are no suggestions to take",
        "there are no suggestions to dismiss",
        "'war' is not a value of topic",
        "no ¶9",
        "'sidebar' is not a zone",
        "did you mean LOC?",
        "no closing quote",
    ] {
        assert!(out.contains(says), "{says}: {out}");
    }
    assert_eq!(summary.saved, 0);
    assert!(f.records().is_empty());
}

#[test]
fn resize_relabel_and_delete() {
    let f = Fixture::new(&[("a", A)]);
    let (out, _) =
        f.run("\"Abdel\" PER\n1 <+1\n1 +1\n1 +1\n1 -1\n1 <-1\n1 <-5\n1 MISC\nd 1\nu\n\n");
    assert!(out.contains("1 Abdel → Rami Abdel PER"), "{out}");
    assert!(
        out.contains("1 Rami Abdel → Rami Abdel Rahmane PER"),
        "{out}"
    );
    assert!(out.contains("would be empty"), "{out}");
    assert!(out.contains("1 Abdel Rahmane PER → MISC"), "{out}");
    let r = f.latest("a");
    assert_eq!(spans(&r), own(&[("Abdel Rahmane", "MISC")]));
}

#[test]
fn suggestions_from_patterns_and_the_growing_dictionary() {
    let f = Fixture::new(&[("a", A), ("b", B), ("c", C)]);
    let o = SessionOptions {
        patterns: three_patterns(&f.schema),
        ..opts()
    };
    // Doc a: take 1 and 2, dismiss Londres, mark Boukamal by hand. Doc b: the dictionary suggests Boukamal.
    let (out, _) = f.run_with("y 1\nn 2\ny\nBoukamal LOC *\n\ny\n\n", o);
    assert!(out.contains("[Hezbollah]{ORG?}"), "{out}");
    assert!(
        out.contains("suggested  1 Hezbollah ORG   2 armée syrienne ORG   3 Londres LOC"),
        "{out}"
    );
    assert!(out.contains("accepted 1 suggestion (1 span)"), "{out}");
    assert!(out.contains("dismissed armée syrienne ORG"), "{out}");
    let a = f.latest("a");
    let sources: Vec<(&str, Option<SpanSource>)> = a
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.source))
        .collect();
    assert_eq!(
        sources,
        [
            ("Hezbollah", Some(SpanSource::Pattern)),
            ("Boukamal", Some(SpanSource::Manual)),
            ("Boukamal", Some(SpanSource::Manual)),
            ("Londres", Some(SpanSource::Pattern)),
        ]
    );
    assert!(
        out.contains("[Boukamal]{LOC?}"),
        "dictionary suggestion in doc b: {out}"
    );
    let b = f.latest("b");
    let sources: Vec<(&str, Option<SpanSource>)> = b
        .spans
        .iter()
        .map(|s| (s.text.as_str(), s.source))
        .collect();
    assert_eq!(
        sources,
        [
            ("Boukamal", Some(SpanSource::Dictionary)),
            ("Hezbollah", Some(SpanSource::Pattern))
        ]
    );
    // The record keeps what was dismissed in a; a later session opening a again does not offer it.
    assert_eq!(
        a.extra["dismissed"],
        serde_json::json!([{"label": "ORG", "text": "armée syrienne"}])
    );
    let o = SessionOptions {
        patterns: three_patterns(&f.schema),
        redo: true,
        ..opts()
    };
    let (again, _) = f.run_with("q\n", o);
    let a_screen = again.split("── b ").next().unwrap();
    assert!(a_screen.contains("── a "), "{again}");
    assert!(!a_screen.contains("armée syrienne ORG"), "{again}");
    assert!(!a_screen.contains("{ORG?}"), "{again}");
}

/// Hezbollah ORG, armée syrienne ORG (a token pattern, any case), Londres LOC.
fn three_patterns(s: &Schema) -> Vec<Pattern> {
    vec![
        parse_pattern(r#"{"label":"ORG","pattern":"Hezbollah"}"#, s).unwrap(),
        parse_pattern(
            r#"{"label":"ORG","pattern":[{"lower":"ARMÉE"},{"lower":"syrienne"}]}"#,
            s,
        )
        .unwrap(),
        parse_pattern(r#"{"label":"LOC","pattern":"Londres"}"#, s).unwrap(),
    ]
}

#[test]
fn undo_brings_suggestions_back() {
    let f = Fixture::new(&[("b", B)]);
    let s = Schema::news();
    let o = SessionOptions {
        patterns: vec![parse_pattern(r#"{"label":"ORG","pattern":"Hezbollah"}"#, &s).unwrap()],
        ..opts()
    };
    let (out, _) = f.run_with("y\nu\nl\nq\nq\n", o);
    assert!(out.contains("undone: took Hezbollah ORG"), "{out}");
    assert_eq!(
        out.matches("suggested  1 Hezbollah ORG").count(),
        2,
        "{out}"
    );
}

#[test]
fn resume_skips_decided_documents_and_brings_skipped_back() {
    let f = Fixture::new(&[("a", A), ("b", B), ("c", C)]);
    let (out, summary) = f.run("Boukamal LOC\n\ns\n");
    assert!(out.contains("saved b · skipped"), "{out}");
    assert_eq!(
        summary,
        Summary {
            saved: 2,
            remaining: 1
        }
    );
    let (out, _) = f.run("x\n");
    assert!(out.contains("3 documents, 2 to do"), "{out}");
    assert!(out.contains("── b "), "skipped b comes back first: {out}");
    assert!(out.contains("saved b · rejected"), "{out}");
    let (out, _) = f.run("f texte coupé\n");
    assert!(out.contains("saved c · flagged"), "{out}");
    assert!(
        out.contains("every document of the list has a decision"),
        "{out}"
    );
    assert_eq!(f.latest("c").note.as_deref(), Some("texte coupé"));
    let (out, _) = f.run("");
    assert!(
        out.contains("nothing to do: bot has decided every document (--redo goes over them again)"),
        "{out}"
    );
    // --redo shows the earlier work and keeps it.
    let (out, _) = f.run_with(
        "Hezbollah ORG\n\n",
        SessionOptions {
            redo: true,
            ..opts()
        },
    );
    assert!(out.contains("your last decision: accepted"), "{out}");
    assert!(out.contains("[Boukamal]{LOC·1}"), "{out}");
    assert_eq!(f.latest("a").spans.len(), 2);
    assert_eq!(f.records().len(), 5);
}

#[test]
fn navigation_keeps_drafts_and_quit_keeps_them() {
    let f = Fixture::new(&[("a", A), ("b", B), ("c", C)]);
    let script = "Boukamal LOC\nn\nn\nn\np\np\np\ng zzz\ng c\nq\n";
    let (out, summary) = f.run(script);
    assert!(
        out.contains("unsaved changes to a kept as a draft (g a returns)"),
        "{out}"
    );
    assert!(
        out.contains("this is the last document of the list"),
        "{out}"
    );
    assert!(
        out.contains("[Boukamal]{LOC·1}"),
        "the draft is back on p: {out}"
    );
    assert!(
        out.contains("this is the first document of the list"),
        "{out}"
    );
    assert!(out.contains("no document 'zzz' in the corpus"), "{out}");
    assert!(
        out.contains(
            "quit: 0 saved this session, 3 still to do · 1 document has unsaved edits, kept as a draft; they come back at the next start"
        ),
        "{out}"
    );
    assert_eq!(summary.saved, 0);
    assert!(f.records().is_empty(), "quit saves nothing half-done");
}

#[test]
fn boilerplate_is_collapsed_and_zones_can_be_corrected() {
    let mut doc = Document::new(
        "z",
        "Menu Accueil\n\nLe Hezbollah à Boukamal .\n\nPartager sur Facebook",
    );
    doc.zones = vec![
        ZoneSpan {
            start: 0,
            end: 12,
            zone: "boilerplate".into(),
        },
        ZoneSpan {
            start: 14,
            end: 39,
            zone: "body".into(),
        },
        ZoneSpan {
            start: 41,
            end: 62,
            zone: "boilerplate".into(),
        },
    ];
    let f = Fixture::with(vec![doc]);
    let (out, _) = f.run("Accueil LOC\nb\nz 1 title\nz 3 body\nz 3 boilerplate\nu\n\n");
    assert!(
        out.contains("(2 boilerplate paragraphs hidden · b shows them)"),
        "{out}"
    );
    assert!(
        out.contains("\"Accueil\" is only in hidden boilerplate (¶1); b shows it"),
        "{out}"
    );
    assert!(out.contains("¶1 Menu Accueil  ‹boilerplate›"), "{out}");
    assert!(out.contains("¶1 → title"), "{out}");
    let r = f.latest("z");
    assert_eq!(
        r.zones.unwrap(),
        vec![
            ZoneSpan {
                start: 0,
                end: 12,
                zone: "title".into()
            },
            ZoneSpan {
                start: 14,
                end: 39,
                zone: "body".into()
            },
            ZoneSpan {
                start: 41,
                end: 62,
                zone: "body".into()
            },
        ]
    );
}

#[test]
fn overlap_only_when_the_schema_allows_it() {
    let mut f = Fixture::new(&[("a", A)]);
    f.schema.spans.overlap = true;
    let (out, _) = f.run("\"armée syrienne\" ORG\nsyrienne MISC\nsyrienne MISC\n\n");
    assert!(out.contains("+ syrienne MISC"), "{out}");
    assert!(out.contains("already marked as span"), "{out}");
    assert_eq!(f.latest("a").spans.len(), 2);
}

#[test]
fn filter_and_seeded_order() {
    let mut docs = Vec::new();
    for i in 0..12 {
        let mut d = Document::new(format!("d{i:02}"), format!("Texte numéro {i} ."));
        d.meta.lang = Some(if i % 2 == 0 { "fr" } else { "en" }.into());
        docs.push(d);
    }
    let f = Fixture::with(docs);
    let order_of = |o: SessionOptions| {
        let (out, _) = f.run_with(&"n\n".repeat(12), o);
        out.lines()
            .filter_map(|l| {
                l.strip_prefix("── ")
                    .and_then(|r| r.split(' ').next())
                    .map(str::to_owned)
            })
            .collect::<Vec<_>>()
    };
    let fr = order_of(SessionOptions {
        filter: "lang=fr".parse().unwrap(),
        filter_text: Some("lang=fr".into()),
        ..opts()
    });
    assert_eq!(fr, ["d00", "d02", "d04", "d06", "d08", "d10"]);
    let r1 = order_of(SessionOptions {
        order: Order::Random(7),
        ..opts()
    });
    let r2 = order_of(SessionOptions {
        order: Order::Random(7),
        ..opts()
    });
    let r3 = order_of(SessionOptions {
        order: Order::Random(8),
        ..opts()
    });
    assert_eq!(r1, r2);
    assert_ne!(r1, r3);
    assert_eq!(r1.len(), 12);
    let prefix = order_of(SessionOptions {
        filter: "id=d1*".parse().unwrap(),
        ..opts()
    });
    assert_eq!(prefix, ["d10", "d11"]);
}

#[test]
fn help_and_colour() {
    let f = Fixture::new(&[("a", A)]);
    let (out, _) = f.run_with(
        "?\nBoukamal LOC\nl\nxyz\n",
        SessionOptions {
            color: true,
            ..opts()
        },
    );
    assert!(out.contains("3 <+1 /  3 <-1"), "{out}");
    assert!(out.contains("\u{1b}["), "colour codes: {out}");
    assert!(!out.contains("]{LOC"), "no plain markup in colour: {out}");
    assert!(
        out.contains("LOC\u{1b}[0m\u{1b}[2m¹"),
        "a dim superscript number: {out:?}"
    );
    let (plain, _) = f.run("Boukamal LOC\nl\n");
    assert!(!plain.contains('\u{1b}'), "{plain}");
    assert!(plain.contains("[Boukamal]{LOC·1}"), "{plain}");
}

#[test]
fn code_point_offsets_in_records() {
    let text = "Le drapeau 🇫🇷 flotte à Zürich et à Me\u{301}tabief .";
    let f = Fixture::new(&[("u", text)]);
    f.run("Zürich LOC\n\"Me\u{301}tabief\" LOC\n\n");
    let r = f.latest("u");
    assert_eq!(r.spans.len(), 2, "{r:?}");
    assert_eq!((r.spans[0].start, r.spans[0].end), (23, 29));
    assert!(r.check_spans(text).is_ok());
}

/// Random command lines never panic, and whatever gets saved checks against the text.
#[test]
fn random_input_never_panics() {
    const WORDS: &[&str] = &[
        "d",
        "3",
        "0",
        "1",
        "+1",
        "-1",
        "<+1",
        "<-2",
        ">+",
        "t",
        "t1",
        "t2-3",
        "t9-1",
        "\"",
        "«",
        "»",
        "*",
        "y",
        "n",
        "z",
        "¶2",
        "topic",
        "-topic",
        "conflict",
        "2",
        "Boukamal",
        "LOC",
        "o",
        "p",
        "u",
        "U",
        "g",
        "g b",
        "r",
        "l",
        "b",
        "note",
        "é",
        "🇫🇷",
        "Hezbollah",
        "armée",
        "syrienne",
    ];
    let f = Fixture::new(&[
        ("a", A),
        ("b", B),
        ("c", C),
        ("e", ""),
        ("u", "🇫🇷 e\u{301} Zürich"),
    ]);
    let mut seed: u64 = 12345;
    let mut next = |n: usize| {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        ((seed >> 33) as usize) % n
    };
    let mut script = String::new();
    for _ in 0..3000 {
        let words = 1 + next(3);
        let line: Vec<&str> = (0..words).map(|_| WORDS[next(WORDS.len())]).collect();
        script.push_str(&line.join(" "));
        script.push('\n');
    }
    // Decisions at the end, so the records of whatever state the edits left are checked.
    script.push_str("\n\n\n\n\n");
    let (_, summary) = f.run_with(
        &script,
        SessionOptions {
            redo: true,
            ..opts()
        },
    );
    let texts = [
        ("a", A),
        ("b", B),
        ("c", C),
        ("e", ""),
        ("u", "🇫🇷 e\u{301} Zürich"),
    ];
    for r in f.records() {
        let text = texts
            .iter()
            .find(|(id, _)| *id == r.doc)
            .map(|(_, t)| *t)
            .unwrap();
        assert!(r.check_spans(text).is_ok(), "{r:?}");
    }
    assert_eq!(summary.saved, f.records().len());
    assert!(summary.saved >= 1);
}

#[test]
fn an_empty_corpus_says_to_import() {
    let f = Fixture::new(&[]);
    let (out, summary) = f.run("");
    assert!(out.contains("the corpus is empty"), "{out}");
    assert_eq!(
        summary,
        Summary {
            saved: 0,
            remaining: 0
        }
    );
}

#[test]
fn typed_controls_are_echoed_visibly() {
    let f = Fixture::new(&[("a", "Le \u{1b}]0;pwned\u{7} Hezbollah à Boukamal .")]);
    let (out, summary) = f.run(
        "\"\u{1b}[2J\" LOC\nBoukamal \u{1b}[31mXX\ng \u{9b}\u{202e}zz\nBoukamal\n\u{1b}x\nBoukamal LOC\n\n",
    );
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(
        !out.chars().any(annot_model::visible::is_terminal_control),
        "{out:?}"
    );
    assert!(out.contains("␛"), "{out}");
    assert!(out.contains("\\x9b\\u{202e}zz"), "{out}");
    assert_eq!(summary.saved, 1);
    let r = f.latest("a");
    assert_eq!(spans(&r), own(&[("Boukamal", "LOC")]));
}

#[path = "page_tests.rs"]
mod page;
