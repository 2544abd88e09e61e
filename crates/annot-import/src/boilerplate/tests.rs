use super::fold::*;
use super::phrase::*;
use super::*;

fn phrase(line: &str) -> Option<Phrase> {
    FoldedLine::new(line, &mut Vec::new()).phrase()
}

/// The character-at-a-time fold, as the reference for the table-driven path.
fn fold_slowly(line: &str) -> String {
    let mut out = Vec::new();
    let mut space = false;
    for c in line.chars() {
        // As fold: every white space but VT (not ASCII white space to Rust).
        if c.is_whitespace() && c != '\u{b}' {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(b' ');
            space = false;
        }
        push_folded(&mut out, c);
    }
    let out = String::from_utf8(out).unwrap();
    out.trim_matches(is_edge).to_string()
}

proptest::proptest! {
    /// The eight-bytes-at-a-time run and the trim at the ends fold as the
    /// fold did before them, on lines of every kind of byte the fold tells
    /// apart: upper and lower case, runs of spaces, control bytes, DEL,
    /// NUL, accents, edge punctuation, characters whose lower case is longer.
    #[test]
    fn fold_into_matches_the_fold_before_it(
        parts in proptest::collection::vec(
            proptest::prop_oneof![
                "[a-z0-9,.'()]{1,20}",
                "[ -~]{1,24}",
                "[ \t\n\r\u{b}\u{c}\u{0}\u{1}\u{7f}]{1,3}",
                "[éÉàÀœŒ’ʼçÇİẞ\u{a0}\u{2003}›»«–—•·…:|<>*#.-]{1,3}",
                r"\PC{1,6}",
            ],
            0..12,
        )
    ) {
        let line: String = parts.concat();
        let (mut new, mut old) = (Vec::new(), Vec::new());
        fold_into(&mut new, &line);
        fold_into_reference(&mut old, &line);
        proptest::prop_assert_eq!(new, old, "{:?}", line);
    }
}

proptest::proptest! {
    #[test]
    fn fold_matches_the_byte_at_a_time_reference(line in "[ -~éÉœ’\t\u{a0}]{0,40}") {
        proptest::prop_assert_eq!(fold(&line), fold_slowly(&line));
    }
}

#[test]
fn fold_lowercases_strips_accents_and_collapses_spaces() {
    for (line, folded) in [
        ("À La Une", "a la une"),
        (
            "  › Lire  AUSSI\t: Été\u{a0}2017 —",
            "lire aussi : ete 2017",
        ),
        ("Réagir  (14)", "reagir (14)"),
        ("L’Œuvre   d’Art", "l'oeuvre d'art"),
        ("ab  \u{a0} cd", "ab cd"),
        ("x é", "x e"),
        ("", ""),
        (" - • ", ""),
    ] {
        assert_eq!(fold(line), folded, "{line:?}");
    }
}

#[test]
fn phrases() {
    assert_eq!(phrase("À La Une"), Some(Phrase::Nav));
    assert_eq!(phrase("Retour à la Une"), Some(Phrase::Footer));
    assert_eq!(phrase("Pour mémoire"), Some(Phrase::Related));
    assert_eq!(phrase("(Lire aussi : Un titre)"), Some(Phrase::RelatedLink));
    assert_eq!(phrase("Read more:"), Some(Phrase::Related));
    assert_eq!(phrase("6 articles restants"), Some(Phrase::Paywall));
    assert_eq!(
        phrase("Abonnez-vous pour lire la suite sans limite"),
        Some(Phrase::Paywall)
    );
    assert_eq!(
        phrase(
            "Vous avez lu vos trois articles gratuits du mois. Pour lire la suite, \
             choisissez une formule à partir de 1 € par mois."
        ),
        Some(Phrase::Paywall),
        "a long prompt"
    );
    assert_eq!(
        phrase(
            "Le maire a dû attendre la fin du conseil municipal pour lire la suite \
             du rapport, resté dans un tiroir depuis deux ans."
        ),
        None,
        "the words of a prompt inside a sentence"
    );
    assert_eq!(
        phrase(
            "Pour lire la suite, le conseil départemental a mis en ligne le tracé \
             complet de la déviation, avec le calendrier des travaux et des fermetures."
        ),
        None,
        "a long sentence opening with the words of a prompt, asking nothing"
    );
    assert_eq!(
        phrase("Pour lire la suite de cet article, rendez-vous dans notre édition de demain."),
        Some(Phrase::Paywall),
        "a short prompt that asks nothing"
    );
    assert_eq!(
        phrase(
            "To continue reading, choose one of our plans from £1 a week, \
             with unlimited access to every story on the site."
        ),
        Some(Phrase::Paywall),
        "a long prompt with a price"
    );
    assert_eq!(phrase("12 partages"), Some(Phrase::Nav));
    assert_eq!(phrase("Réagir (14)"), Some(Phrase::Footer));
    assert_eq!(phrase("Comments (23)"), Some(Phrase::Footer));
    assert_eq!(phrase("Partager : Facebook – X"), Some(Phrase::Nav));
    assert_eq!(phrase("Share this story"), Some(Phrase::Nav));
    assert_eq!(
        phrase("Shares in the miner fell 3% by midday."),
        None,
        "a sentence whose first word opens like a button"
    );
    assert_eq!(phrase("Topics"), Some(Phrase::Footer));
    assert_eq!(
        phrase("© 2024 The Daily Example. All rights reserved."),
        Some(Phrase::Nav)
    );
    assert_eq!(phrase("Le gouvernement lira aussi le texte."), None);
    assert_eq!(
        phrase("Lire aussi Les agriculteurs face à la sécheresse"),
        Some(Phrase::RelatedLink)
    );
    assert_eq!(
        phrase("Read more carefully, the figures tell another story."),
        None,
        "a sentence that opens with the words of a link"
    );
    assert_eq!(phrase("Syrie"), None);
    assert_eq!(
        phrase("Vous avez atteint la limite d’articles gratuits."),
        Some(Phrase::Paywall)
    );
    assert_eq!(phrase("DÉJÀ ABONNÉ ? Se connecter"), Some(Phrase::Nav));
    let banner = format!(
        "Nous utilisons des cookies pour mesurer l’audience. {}",
        "Texte. ".repeat(40)
    );
    assert_eq!(phrase(&banner), Some(Phrase::Nav), "a long banner");
    let prose = format!(
        "Facebook a changé sa privacy policy mardi. {}",
        "Texte. ".repeat(40)
    );
    assert_eq!(
        phrase(&prose),
        None,
        "a paragraph may name a privacy policy"
    );
    assert_eq!(phrase("Privacy policy"), Some(Phrase::Nav));
    let related = format!("Lire aussi : {}", "un titre très long ".repeat(20));
    assert_eq!(phrase(&related), Some(Phrase::RelatedLink));
}

#[test]
fn counters() {
    for s in ["6", "1/1", "x", "X", "12 345", "›"] {
        assert!(is_counter(s), "{s}");
    }
    assert!(!is_counter("Syrie"));
}

#[test]
fn recurrence_needs_enough_documents() {
    let mut counts = LineCounts::new();
    for (i, word) in ["un", "deux", "trois", "quatre", "cinq", "six"]
        .iter()
        .enumerate()
    {
        counts.add_text(&format!(
            "Menu du site\n\nTitre {word}\n\n{i} articles restants\n"
        ));
    }
    counts.add_text("Autre chose\n");
    assert!(counts.is_recurrent("Menu du site", 3, 0.2));
    assert!(
        counts.is_recurrent("MENU  du site", 3, 0.2),
        "case and spaces are folded"
    );
    assert!(
        !counts.is_recurrent("7 articles restants", 3, 0.2),
        "digits are not"
    );
    assert!(!counts.is_recurrent("Titre trois", 3, 0.2));
    assert!(!counts.is_recurrent("Autre chose", 3, 0.2));
    assert!(!counts.is_recurrent("Menu du site", 3, 0.95));
}

#[test]
fn the_recurrence_sample_keeps_all_of_a_small_import_and_about_its_size_of_a_large_one() {
    use super::RecurrenceSample;
    let small = RecurrenceSample {
        total: 4096,
        sample: 4096,
    };
    assert!((0..4096).all(|i| small.keeps(Some(&format!("page-{i}")), "x.txt")));
    let large = RecurrenceSample {
        total: 100_000,
        sample: 4096,
    };
    let kept = (0..100_000)
        .filter(|i| large.keeps(Some(&format!("page-{i}")), "x.txt"))
        .count();
    assert!((3700..4500).contains(&kept), "{kept} kept");
    // The id decides, else the source; not the position.
    assert_eq!(
        large.keeps(Some("a"), "one.txt"),
        large.keeps(Some("a"), "two.txt")
    );
    assert_eq!(large.keeps(None, "b.txt"), large.keeps(Some("b.txt"), "x"));
    assert!(RecurrenceSample::ALL.keeps(None, "anything"));
}
