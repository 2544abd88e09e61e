//! Parser tests: every command, and the messages of bad ones.

use super::*;

fn p(line: &str) -> Result<Command, String> {
    parse(line, &Schema::news())
}

fn mark(text: &str, label: Option<&str>, all: bool) -> Command {
    Command::Mark {
        target: Target::Text(text.into()),
        label: label.map(Into::into),
        all,
    }
}

#[test]
fn decisions_and_navigation() {
    assert_eq!(p("").unwrap(), Command::Accept);
    assert_eq!(p("  a ").unwrap(), Command::Accept);
    assert_eq!(p("x").unwrap(), Command::Reject);
    assert_eq!(p("s").unwrap(), Command::Skip);
    assert_eq!(p("f").unwrap(), Command::Flag(None));
    assert_eq!(
        p("f texte tronqué").unwrap(),
        Command::Flag(Some("texte tronqué".into()))
    );
    assert_eq!(p("u").unwrap(), Command::Undo);
    assert_eq!(p("U").unwrap(), Command::Redo);
    assert_eq!(p("p").unwrap(), Command::Previous);
    assert_eq!(p("n").unwrap(), Command::Next);
    assert_eq!(p("g 001_x").unwrap(), Command::Goto("001_x".into()));
    assert_eq!(p("b").unwrap(), Command::Boilerplate);
    assert_eq!(p("r").unwrap(), Command::Ruler(None));
    assert_eq!(p("r ¶3").unwrap(), Command::Ruler(Some(3)));
    assert_eq!(p("l").unwrap(), Command::Redraw(None));
    assert_eq!(p("l 7").unwrap(), Command::Redraw(Some(7)));
    assert_eq!(p("l ¶7").unwrap(), Command::Redraw(Some(7)));
    assert!(p("l x").is_err());
    assert_eq!(p(">").unwrap(), Command::PageDown);
    assert_eq!(p("<").unwrap(), Command::PageUp);
    assert_eq!(p("?").unwrap(), Command::Help);
    assert_eq!(p("q").unwrap(), Command::Quit);
}

#[test]
fn marks() {
    assert_eq!(
        p("Boukamal LOC").unwrap(),
        mark("Boukamal", Some("LOC"), false)
    );
    assert_eq!(p("Boukamal l").unwrap(), mark("Boukamal", Some("l"), false));
    assert_eq!(p("OSDH").unwrap(), mark("OSDH", None, false));
    assert_eq!(
        p("Rami Abdel Rahmane PER").unwrap(),
        mark("Rami Abdel Rahmane", Some("PER"), false)
    );
    assert_eq!(
        p("\"armée syrienne\" ORG *").unwrap(),
        mark("armée syrienne", Some("ORG"), true)
    );
    assert_eq!(
        p("« armée syrienne » o").unwrap(),
        mark("armée syrienne", Some("o"), false)
    );
    assert_eq!(p("* Syrie LOC").unwrap(), mark("Syrie", Some("LOC"), true));
    assert_eq!(p("Syrie * LOC").unwrap(), mark("Syrie", Some("LOC"), true));
    assert_eq!(p("\"a\" MISC").unwrap(), mark("a", Some("MISC"), false));
    assert_eq!(
        p("t12-13 ORG").unwrap(),
        Command::Mark {
            target: Target::Tokens {
                first: 12,
                last: 13
            },
            label: Some("ORG".into()),
            all: false
        }
    );
    assert_eq!(
        p("t4").unwrap(),
        Command::Mark {
            target: Target::Tokens { first: 4, last: 4 },
            label: None,
            all: false
        }
    );
    assert_eq!(
        p("topic conflict").unwrap(),
        Command::SetLabel {
            set: "topic".into(),
            value: Some("conflict".into())
        }
    );
    // "t" followed by letters is text, not a token range.
    assert_eq!(p("tunis LOC").unwrap(), mark("tunis", Some("LOC"), false));
}

#[test]
fn span_edits_and_labels() {
    assert_eq!(p("d 3").unwrap(), Command::Delete(vec![3]));
    assert_eq!(p("d 5 2-3").unwrap(), Command::Delete(vec![2, 3, 5]));
    assert_eq!(
        p("3 PER").unwrap(),
        Command::Relabel {
            span: 3,
            label: "PER".into()
        }
    );
    assert_eq!(
        p("3 p").unwrap(),
        Command::Relabel {
            span: 3,
            label: "p".into()
        }
    );
    assert_eq!(
        p("3 +1").unwrap(),
        Command::Resize {
            span: 3,
            side: Side::End,
            delta: 1
        }
    );
    assert_eq!(
        p("3 -2").unwrap(),
        Command::Resize {
            span: 3,
            side: Side::End,
            delta: -2
        }
    );
    assert_eq!(
        p("3 <+1").unwrap(),
        Command::Resize {
            span: 3,
            side: Side::Start,
            delta: 1
        }
    );
    assert_eq!(
        p("3 <-").unwrap(),
        Command::Resize {
            span: 3,
            side: Side::Start,
            delta: -1
        }
    );
    assert_eq!(
        p("3 >+").unwrap(),
        Command::Resize {
            span: 3,
            side: Side::End,
            delta: 1
        }
    );
    assert_eq!(
        p("topic").unwrap(),
        Command::SetLabel {
            set: "topic".into(),
            value: None
        }
    );
    assert_eq!(
        p("topic 2").unwrap(),
        Command::SetLabel {
            set: "topic".into(),
            value: Some("2".into())
        }
    );
    assert_eq!(
        p("-topic conflict").unwrap(),
        Command::UnsetLabel {
            set: "topic".into(),
            value: Some("conflict".into())
        }
    );
    assert_eq!(
        p("z 3 body").unwrap(),
        Command::Zone {
            first: 3,
            last: 3,
            zone: "body".into()
        }
    );
    assert_eq!(
        p("zone ¶4-6 boilerplate").unwrap(),
        Command::Zone {
            first: 4,
            last: 6,
            zone: "boilerplate".into()
        }
    );
    assert_eq!(
        p("note à revoir").unwrap(),
        Command::Note(Some("à revoir".into()))
    );
    assert_eq!(p("note").unwrap(), Command::Note(None));
    assert_eq!(p("y").unwrap(), Command::Take(vec![]));
    assert_eq!(p("y 2,4").unwrap(), Command::Take(vec![2, 4]));
    assert_eq!(p("n 2").unwrap(), Command::Dismiss(vec![2]));
}

#[test]
fn bad_commands_say_why() {
    for (line, says) in [
        ("d", "which span"),
        ("d x", "d takes span numbers"),
        ("d 0", "d takes span numbers"),
        ("y two", "suggestion numbers"),
        ("x now", "quote it"),
        ("3", "say what to do"),
        ("3 FOO", "neither a relabel"),
        ("\"armée", "no closing quote"),
        ("\"\" ORG", "quotes are empty"),
        ("\"Syrie\" LCO", "expected a label"),
        ("t5-2 ORG", "numbered from 1"),
        ("t0 ORG", "numbered from 1"),
        ("t3 FOO BAR", "takes a label"),
        ("z 3", "z takes paragraphs"),
        ("g", "one document id"),
        ("r x", "token ruler"),
        ("topic a b", "one value at a time"),
        ("*", "mark what"),
        ("next Liban", "quote it"),
        ("skip it", "quote it"),
    ] {
        let err = p(line).expect_err(line);
        assert!(err.contains(says), "{line}: {err}");
    }
}

#[test]
fn command_words_in_full_do_what_they_say() {
    for (line, cmd) in [
        ("next", Command::Next),
        ("prev", Command::Previous),
        ("previous", Command::Previous),
        ("accept", Command::Accept),
        ("reject", Command::Reject),
        ("skip", Command::Skip),
        ("undo", Command::Undo),
        ("redo", Command::Redo),
        ("help", Command::Help),
        ("quit", Command::Quit),
        ("exit", Command::Quit),
        ("flag", Command::Flag(None)),
        (
            "flag texte tronqué",
            Command::Flag(Some("texte tronqué".into())),
        ),
    ] {
        assert_eq!(p(line).unwrap(), cmd, "{line}");
    }
}

#[test]
fn a_text_word_like_a_command_word_is_marked_when_quoted() {
    assert_eq!(p("\"next\" ORG").unwrap(), mark("next", Some("ORG"), false));
    assert_eq!(p("\"Next\"").unwrap(), mark("Next", None, false));
    // Capitalised, it is not a command word.
    assert_eq!(p("Next ORG").unwrap(), mark("Next", Some("ORG"), false));
}

#[test]
fn a_near_miss_of_a_layer_or_label_is_asked_about_not_marked() {
    let err = p("topci society").unwrap_err();
    assert!(err.contains("did you mean topic?"), "{err}");
    let err = p("topci 2").unwrap_err();
    assert!(err.contains("did you mean topic?"), "{err}");
    let err = p("Paris LCO").unwrap_err();
    assert!(err.contains("did you mean LOC?"), "{err}");
    let err = p("\"Paris\" LCO").unwrap_err();
    assert!(err.contains("did you mean LOC?"), "{err}");
    // Not near anything: still text to mark.
    assert_eq!(
        p("Tripoli Liban").unwrap(),
        mark("Tripoli Liban", None, false)
    );
    assert_eq!(p("Paris ONU").unwrap(), mark("Paris ONU", None, false));
}

#[test]
fn help_takes_nothing_after_it_and_a_label_alone_asks_for_the_text() {
    let s = Schema::news();
    assert!(
        parse("help MISC", &s)
            .unwrap_err()
            .contains("takes nothing after it")
    );
    assert_eq!(parse("?", &s).unwrap(), Command::Help);
    assert!(parse("PER", &s).unwrap_err().starts_with("mark what?"));
    assert!(matches!(
        parse("\"PER\" PER", &s).unwrap(),
        Command::Mark { .. }
    ));
}
