//! Drawing: wrapping, nested spans, suggestions.

use super::*;
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
        lost: &[],
        show_boilerplate: false,
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
        .filter(|l| l.starts_with("¶1") || l.starts_with("   "))
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
        out.contains("[trois]{LOC}") || out.contains("[trois quatre]{LOC}"),
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
        one_line.contains("¶1 un deux [trois quatre]{LOC} cinq"),
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
        out.contains("Le [Conseil de sécurité de l' [ONU]{ORG}]{ORG} [siège]{MISC?} ."),
        "{out}"
    );
    assert!(out.contains("suggested  1 siège MISC"), "{out}");
}
