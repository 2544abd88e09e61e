//! Agreement of `annot_model::tokenize` with spaCy's tokenizers on the sample
//! corpus. The reference tokens are in `fixtures/spacy_tokens.jsonl`, written
//! by `scripts/spacy_tokens.py` (spaCy's whitespace-only tokens left out: we
//! emit none).
//!
//! Agreement is the share of spaCy's tokens whose exact range is also one of
//! ours (recall), and the other way round (precision). Both must reach 98%
//! overall. Run with `--nocapture` to see the rates and the disagreements.
#![allow(clippy::print_stdout, reason = "the report is the point of this test")]

use std::collections::{BTreeMap, HashSet};

use annot_model::tokenize::{Lang, Token, tokenize};
use serde::Deserialize;

const FIXTURE: &str = include_str!("fixtures/spacy_tokens.jsonl");
const REQUIRED: f64 = 0.98;

#[derive(Deserialize)]
struct Header {
    spacy_version: String,
}

#[derive(Deserialize)]
struct Doc {
    file: String,
    lang: String,
    text: String,
    tokens: Vec<(usize, usize)>,
}

/// Matched and total counts, in both directions.
#[derive(Default, Clone, Copy)]
struct Tally {
    spacy_found: usize,
    spacy: usize,
    ours_found: usize,
    ours: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.spacy_found += o.spacy_found;
        self.spacy += o.spacy;
        self.ours_found += o.ours_found;
        self.ours += o.ours;
    }
    fn recall(self) -> f64 {
        ratio(self.spacy_found, self.spacy)
    }
    fn precision(self) -> f64 {
        ratio(self.ours_found, self.ours)
    }
}

#[allow(
    clippy::cast_precision_loss,
    reason = "token counts are far below 2^52"
)]
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// `text[start:end]` in code points.
fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start.min(chars.len())..end.min(chars.len())]
        .iter()
        .collect()
}

/// One disagreement: a stretch of text that the two tokenizers cut differently.
struct Mismatch {
    file: String,
    context: String,
    spacy: Vec<String>,
    ours: Vec<String>,
}

/// Groups the tokens of both sides that are not shared into stretches where
/// the two tokenizations overlap, and describes each stretch.
fn mismatches(
    file: &str,
    text: &[char],
    spacy: &[(usize, usize)],
    ours: &[(usize, usize)],
) -> Vec<Mismatch> {
    let shared: HashSet<(usize, usize)> =
        spacy.iter().copied().filter(|t| ours.contains(t)).collect();
    let mut odd: Vec<(usize, usize, bool)> = spacy
        .iter()
        .filter(|t| !shared.contains(t))
        .map(|&(a, b)| (a, b, true))
        .chain(
            ours.iter()
                .filter(|t| !shared.contains(t))
                .map(|&(a, b)| (a, b, false)),
        )
        .collect();
    odd.sort_unstable();
    let mut out: Vec<Mismatch> = Vec::new();
    let mut group_end = 0;
    for (a, b, from_spacy) in odd {
        let piece = slice(text, a, b);
        let extend = out.last().is_some() && a < group_end;
        if !extend {
            let context = format!(
                "{}[{}]{}",
                slice(text, a.saturating_sub(25), a),
                slice(text, a, b),
                slice(text, b, b + 25)
            )
            .replace('\n', "⏎");
            out.push(Mismatch {
                file: file.to_owned(),
                context,
                spacy: Vec::new(),
                ours: Vec::new(),
            });
        }
        group_end = if extend { group_end.max(b) } else { b };
        if let Some(m) = out.last_mut() {
            if from_spacy {
                m.spacy.push(piece)
            } else {
                m.ours.push(piece)
            }
        }
    }
    out
}

#[test]
fn agrees_with_spacy() {
    let mut lines = FIXTURE.lines();
    let header: Header = serde_json::from_str(lines.next().expect("header line")).expect("header");
    let mut per_lang: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let mut report = Vec::new();
    let mut found = Vec::new();
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let doc: Doc = serde_json::from_str(line).expect("fixture line");
        let lang = Lang::from_code(&doc.lang).expect("fr or en");
        let ours: Vec<(usize, usize)> = tokenize(&doc.text, lang)
            .iter()
            .map(|&Token { start, end }| (start, end))
            .collect();
        let ours_set: HashSet<_> = ours.iter().copied().collect();
        let spacy_set: HashSet<_> = doc.tokens.iter().copied().collect();
        let tally = Tally {
            spacy_found: doc.tokens.iter().filter(|t| ours_set.contains(t)).count(),
            spacy: doc.tokens.len(),
            ours_found: ours.iter().filter(|t| spacy_set.contains(t)).count(),
            ours: ours.len(),
        };
        per_lang.entry(doc.lang.clone()).or_default().add(tally);
        all.add(tally);
        report.push(format!(
            "  {:<45} {}  spaCy found {:6.2}%  ours found {:6.2}%  ({} / {} tokens)",
            doc.file,
            doc.lang,
            100.0 * tally.recall(),
            100.0 * tally.precision(),
            tally.spacy,
            tally.ours
        ));
        let chars: Vec<char> = doc.text.chars().collect();
        found.extend(mismatches(&doc.file, &chars, &doc.tokens, &ours));
    }

    println!(
        "token agreement with spaCy {} (blank fr / en tokenizers):",
        header.spacy_version
    );
    for line in &report {
        println!("{line}");
    }
    for (lang, t) in per_lang.iter().chain([(&"all".to_owned(), &all)]) {
        println!(
            "  {lang:<4} spaCy tokens found in ours: {:6.2}% ({}/{}), ours found in spaCy's: {:6.2}% ({}/{})",
            100.0 * t.recall(),
            t.spacy_found,
            t.spacy,
            100.0 * t.precision(),
            t.ours_found,
            t.ours
        );
    }
    println!("{} disagreements; the first ones:", found.len());
    for m in found.iter().take(40) {
        println!(
            "  {:<40} spaCy {:?} ours {:?}   …{}…",
            m.file, m.spacy, m.ours, m.context
        );
    }

    assert!(all.spacy > 1000, "the fixture should hold the whole corpus");
    assert!(
        all.recall() >= REQUIRED,
        "only {:.2}% of spaCy's tokens are ours",
        100.0 * all.recall()
    );
    assert!(
        all.precision() >= REQUIRED,
        "only {:.2}% of our tokens are spaCy's",
        100.0 * all.precision()
    );
}
