//! Marks: forgiving search, near misses, `*` answers.

use annot_model::tokenize::Lang;
use annot_model::{Document, Schema};

use super::Ctx;
use crate::state::{Annotation, DocState};
use crate::view::DocView;

const TEXT: &str = "Selon Samir Abou Jaoudé , la Syrie et le port de Kerbréan .\n\n\
                    La Syrie répond .\n\nEn Syrie , kfar Selwan .";

fn mark(
    view: &DocView,
    st: &mut DocState,
    text: &str,
    all: bool,
    label: &str,
) -> Result<String, String> {
    let schema = Schema::news();
    let ctx = Ctx {
        view,
        schema: &schema,
        hide_boilerplate: true,
        numbers: &crate::span_numbers::SpanNumbers::default(),
    };
    let targets = ctx.mark_targets(st.current(), text, all, Some(label))?;
    ctx.add_spans(st, &targets, label)
}

fn setup() -> (DocView, DocState) {
    (
        DocView::new(Document::new("d", TEXT), Lang::Fr),
        DocState::new(Annotation::default()),
    )
}

#[test]
fn marking_ignores_case_and_accents_and_says_what_was_typed() {
    let (view, mut st) = setup();
    let msg = mark(&view, &mut st, "Samir Abou Jaoude", false, "PER").unwrap();
    assert_eq!(
        msg,
        "+ Samir Abou Jaoudé PER (¶1; typed \"Samir Abou Jaoude\") as span 1"
    );
    let msg = mark(&view, &mut st, "Kfar Selwan", false, "LOC").unwrap();
    assert!(
        msg.starts_with("+ kfar Selwan LOC (¶3; typed \"Kfar Selwan\")"),
        "{msg}"
    );
    // An exact match says nothing of what was typed.
    let msg = mark(&view, &mut st, "Kerbréan", false, "LOC").unwrap();
    assert_eq!(msg, "+ Kerbréan LOC (¶1) as span 2");
    let r = &st.current().spans[0];
    assert_eq!(
        (r.start, r.end, r.text.as_str()),
        (6, 23, "Samir Abou Jaoudé")
    );
}

#[test]
fn text_not_found_offers_the_closest() {
    let (view, mut st) = setup();
    let err = mark(&view, &mut st, "Kerbraen", false, "LOC").unwrap_err();
    assert!(err.contains("did you mean 'Kerbréan'?"), "{err}");
    let err = mark(&view, &mut st, "Marseille", false, "LOC").unwrap_err();
    assert!(!err.contains("did you mean"), "{err}");
}

#[test]
fn star_lists_the_span_numbers_it_made() {
    let (view, mut st) = setup();
    mark(&view, &mut st, "Samir Abou Jaoudé", false, "PER").unwrap();
    mark(&view, &mut st, "Kerbréan", false, "LOC").unwrap();
    let msg = mark(&view, &mut st, "Syrie", true, "LOC").unwrap();
    assert_eq!(msg, "+ Syrie LOC ×3 (¶1 ¶2 ¶3) as spans 2, 4, 5");
}

#[test]
fn star_with_a_new_label_relabels_every_occurrence() {
    let (view, mut st) = setup();
    mark(&view, &mut st, "Syrie", false, "ORG").unwrap();
    mark(&view, &mut st, "Kerbréan", false, "LOC").unwrap();
    let msg = mark(&view, &mut st, "Syrie", true, "LOC").unwrap();
    assert_eq!(
        msg,
        "+ Syrie LOC ×2 (¶1 ¶2 ¶3) as spans 3, 4 · relabelled 1 ORG → LOC (span 1)"
    );
    assert!(st.current().spans.iter().all(|s| s.label == "LOC"));
    let msg = mark(&view, &mut st, "Syrie", true, "MISC").unwrap();
    assert_eq!(
        msg,
        "Syrie LOC → MISC ×3 (¶1 ¶2 ¶3): relabelled spans 1, 3, 4"
    );
    // Without *, the old answer: already marked, and how to relabel.
    let err = mark(&view, &mut st, "Syrie", false, "PER").unwrap_err();
    assert!(err.contains("already marked"), "{err}");
}
