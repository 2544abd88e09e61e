//! Drawing: wrapping, nested spans, suggestions.

use super::*;
use crate::state::Annotation;
use crate::view::DocView;
use annot_model::Document;
use annot_model::record::Span;
use annot_model::tokenize::Lang;

fn draw(text: &str, ann: &Annotation, opts: RenderOptions) -> String {
    let view = DocView::new(Document::new("d", text), Lang::Fr);
    let schema = Schema::news();
    let screen = Screen {
        view: &view,
        ann,
        schema: &schema,
        position: "doc 1/1".into(),
        previous: None,
        lost: Vec::new(),
        lost_zones: 0,
        show_boilerplate: false,
        numbers: &crate::span_numbers::SpanNumbers::default(),
    };
    let mut out = Vec::new();
    document(&mut out, &screen, &opts).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn wraps_at_the_width_with_a_hanging_indent() {
    let text = "un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze";
    let mut ann = Annotation::default();
    ann.spans
        .push(Span::from_chars(text, 8, 20, "LOC").unwrap());
    let out = draw(
        text,
        &ann,
        RenderOptions {
            color: false,
            width: Some(30),
        },
    );
    let para: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("¶1"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(para.len() > 2, "{out}");
    assert!(para.iter().all(|l| l.chars().count() <= 30), "{out}");
    assert!(
        para[1..]
            .iter()
            .all(|l| l.starts_with("   ") && !l.starts_with("    ")),
        "{out}"
    );
    assert!(
        out.contains("[trois]{LOC·1}") || out.contains("[trois\n   quatre]{LOC·1}"),
        "{out}"
    );
    let one_line = draw(
        text,
        &ann,
        RenderOptions {
            color: false,
            width: None,
        },
    );
    assert!(
        one_line.contains("¶1 un deux [trois quatre]{LOC·1} cinq"),
        "{one_line}"
    );
}

#[test]
fn nested_spans_and_suggestions_in_plain_markup() {
    let text = "Le Conseil de sécurité de l' ONU siège .";
    let mut ann = Annotation::default();
    ann.spans
        .push(Span::from_chars(text, 3, 32, "ORG").unwrap());
    ann.spans
        .push(Span::from_chars(text, 29, 32, "ORG").unwrap());
    ann.pending.push(crate::state::Suggestion {
        number: 1,
        label: "MISC".into(),
        text: "siège".into(),
        source: annot_model::SpanSource::Pattern,
        occurrences: vec![(33, 38)],
    });
    let out = draw(
        text,
        &ann,
        RenderOptions {
            color: false,
            width: None,
        },
    );
    assert!(
        out.contains("Le [Conseil de sécurité de l' [ONU]{ORG·2}]{ORG·1} [siège]{MISC?} ."),
        "{out}"
    );
    assert!(out.contains("suggested  1 siège MISC"), "{out}");
}

/// A document whose text, id and metadata carry escape sequences, C1 and bidi controls.
fn hostile() -> (DocView, Annotation) {
    let text =
        "Titre \u{1b}]0;pwned\u{7} ici\n\nLe \u{9b}2J Hezbollah \u{202e}à Boukamal .\u{1b}[2J";
    let mut doc = Document::new("x\u{1b}[2Jid", text);
    doc.meta.title = Some("T\u{1b}]0;pwned\u{7}".into());
    doc.meta.section = Some("S\u{9b}1m".into());
    let mut ann = Annotation::default();
    // "Hezbollah" and "Boukamal" sit after the C1 and the bidi override.
    let at = |w: &str| {
        let b = text.find(w).unwrap();
        text[..b].chars().count()
    };
    ann.spans
        .push(Span::from_chars(text, at("Hezbollah"), at("Hezbollah") + 9, "ORG").unwrap());
    ann.spans
        .push(Span::from_chars(text, at("Boukamal"), at("Boukamal") + 8, "LOC").unwrap());
    ann.note = Some("vu \u{1b}[31m".into());
    (DocView::new(doc, Lang::Fr), ann)
}

fn draw_view(view: &DocView, ann: &Annotation, opts: RenderOptions, ruler_too: bool) -> String {
    let schema = Schema::news();
    let screen = Screen {
        view,
        ann,
        schema: &schema,
        position: "doc 1/1".into(),
        previous: None,
        lost: Vec::new(),
        lost_zones: 0,
        show_boilerplate: true,
        numbers: &crate::span_numbers::SpanNumbers::default(),
    };
    let mut out = Vec::new();
    document(&mut out, &screen, &opts).unwrap();
    if ruler_too {
        ruler(&mut out, &screen, None, &opts).unwrap();
    }
    String::from_utf8(out).unwrap()
}

#[test]
fn controls_are_shown_and_spans_stay_on_their_words() {
    let (view, ann) = hostile();
    let plain = RenderOptions {
        color: false,
        width: None,
    };
    let out = draw_view(&view, &ann, plain, true);
    assert!(!out.contains('\u{1b}'), "{out:?}");
    assert!(
        !out.chars().any(annot_model::visible::is_terminal_control),
        "{out:?}"
    );
    assert!(out.contains("── x␛[2Jid "), "{out}");
    assert!(out.contains("T␛]0;pwned␇"), "{out}");
    assert!(out.contains("S\\x9b1m"), "{out}");
    assert!(out.contains("Titre ␛]0;pwned␇ ici"), "{out}");
    assert!(
        out.contains("Le \\x9b2J [Hezbollah]{ORG·1} \\u{202e}à [Boukamal]{LOC·2} .␛[2J"),
        "{out}"
    );
    assert!(out.contains("note       vu ␛[31m"), "{out}");
    // The ruler cuts tokens by offset and shows each one's text made visible.
    assert!(out.contains(":Hezbollah"), "{out}");
    assert!(out.contains(":Boukamal"), "{out}");
    // The stored text is untouched.
    assert!(view.doc.text.contains("\u{1b}]0;pwned\u{7}"));
}

#[test]
fn with_colour_the_only_escapes_are_sgr() {
    let (view, ann) = hostile();
    let out = draw_view(
        &view,
        &ann,
        RenderOptions {
            color: true,
            width: Some(40),
        },
        true,
    );
    let mut rest = out.as_str();
    let mut seen = 0;
    while let Some(i) = rest.find('\u{1b}') {
        let seq = &rest[i + 1..];
        let end = seq.find('m').expect("an SGR ends with m");
        assert!(seq.starts_with('['), "{seq:?}");
        assert!(
            seq[1..end].chars().all(|c| c.is_ascii_digit() || c == ';'),
            "not SGR: {:?}",
            &seq[..=end]
        );
        seen += 1;
        rest = &seq[end + 1..];
    }
    assert!(seen > 0, "{out:?}");
    assert!(out.contains("␛]0;pwned␇"), "{out}");
}

#[test]
fn wrapping_counts_escapes_as_the_columns_they_take() {
    let text = "un \u{9b}\u{9b}\u{9b}\u{9b} deux trois quatre cinq six sept huit";
    let out = draw(
        text,
        &Annotation::default(),
        RenderOptions {
            color: false,
            width: Some(24),
        },
    );
    let para: Vec<&str> = out
        .lines()
        .skip_while(|l| !l.starts_with("¶1"))
        .take_while(|l| !l.is_empty())
        .collect();
    assert!(para.len() > 1, "{out}");
    assert!(para.iter().all(|l| l.chars().count() <= 24), "{out}");
}
