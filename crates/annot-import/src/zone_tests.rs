use std::path::PathBuf;

use super::*;
use crate::decode::decode;
use crate::{LineCounts, article_document};

/// The zones of `doc` as (zone, text) pairs.
fn zones(text: &str, recurrence: Option<Recurrence<'_>>) -> Vec<(String, String)> {
    let z = zone_article(text, recurrence);
    z.zones
        .iter()
        .map(|z| {
            let s = annot_model::offsets::slice_chars(text, z.start, z.end).unwrap();
            (z.zone.to_string(), s.to_string())
        })
        .collect()
}

fn texts<'a>(zones: &'a [(String, String)], kind: &str) -> Vec<&'a str> {
    zones
        .iter()
        .filter(|(z, _)| z == kind)
        .map(|(_, t)| t.as_str())
        .collect()
}

/// Zones are ordered, disjoint, and start and end on non-blank characters.
fn check_invariants(text: &str, z: &Zoning) {
    let mut last = 0;
    for zone in &z.zones {
        assert!(zone.start >= last && zone.start < zone.end, "{zone:?}");
        let s = annot_model::offsets::slice_chars(text, zone.start, zone.end).unwrap();
        assert_eq!(s.trim(), s, "zone {zone:?} starts or ends on whitespace");
        last = zone.end;
    }
    // Every non-blank line is in a zone.
    let covered: usize = z
        .zones
        .iter()
        .map(|zone| annot_model::offsets::slice_chars(text, zone.start, zone.end).unwrap())
        .map(|s| s.lines().filter(|l| !l.trim().is_empty()).count())
        .sum();
    assert_eq!(
        covered,
        text.lines().filter(|l| !l.trim().is_empty()).count()
    );
}

const FR_ARTICLE: &str = "\
Accueil
Politique

Le conseil municipal adopte le budget des écoles

Collectivités

Les élus ont voté jeudi soir après trois heures de débat.

Par Claire Fontaine
Publié le 12 févr. 2024 à 21h40

Le conseil municipal a adopté jeudi soir, par 31 voix contre 12, le budget consacré aux écoles de la ville pour l'année qui vient.

La majorité a défendu un effort « sans précédent » pour la rénovation des cantines, tandis que l'opposition a dénoncé des économies sur le personnel.

À lire aussi : Les cantines de la ville passent au bio

Le vote définitif du budget général aura lieu en mars, après la consultation des parents d'élèves.

Sur le même sujet

Rentrée : les effectifs en baisse dans le primaire

Commentaires

Connectez-vous pour réagir à cet article et retrouver toutes vos alertes.
© 2024 Le Quotidien du Val. Tous droits réservés.
";

#[test]
fn french_article() {
    let z = zone_article(FR_ARTICLE, None);
    check_invariants(FR_ARTICLE, &z);
    assert_eq!(
        z.title.as_deref(),
        Some("Le conseil municipal adopte le budget des écoles")
    );
    assert_eq!(z.section.as_deref(), Some("Collectivités"));
    assert_eq!(z.byline.as_deref(), Some("Claire Fontaine"));
    assert_eq!(
        z.dateline.as_deref(),
        Some("Publié le 12 févr. 2024 à 21h40")
    );
    let zs = zones(FR_ARTICLE, None);
    assert_eq!(
        texts(&zs, "lede"),
        ["Les élus ont voté jeudi soir après trois heures de débat."]
    );
    let body = texts(&zs, "body");
    assert_eq!(body.len(), 2, "{zs:#?}");
    assert!(body[0].starts_with("Le conseil municipal a adopté"));
    assert!(body[0].ends_with("le personnel."));
    assert!(body[1].starts_with("Le vote définitif"));
    assert!(body[1].ends_with("parents d'élèves."));
    let boilerplate = texts(&zs, "boilerplate").join("\n");
    for furniture in [
        "Accueil",
        "À lire aussi",
        "Rentrée : les effectifs",
        "Connectez-vous",
        "©",
    ] {
        assert!(
            boilerplate.contains(furniture),
            "{furniture} not boilerplate: {zs:#?}"
        );
    }
}

const EN_ARTICLE: &str = "\
Skip to main content
Menu

World

Floods force thousands from their homes in the river valley

Emergency shelters opened overnight as the water kept rising.

By Tom Ashworth
Updated: March 4, 2024 10:15 am

Thousands of residents were moved to emergency shelters on Sunday night as the river burst its banks in three places, officials said.

\"We have never seen the water this high,\" said the mayor, who asked people to stay away from the bridges until engineers had inspected them.

Read more:
Heavy rain warning extended to the weekend
How to prepare your home for a flood

Forecasters expect the rain to ease on Tuesday, but warned that levels downstream would keep rising for another two days.

Most read

Share this article
Advertisement
";

#[test]
fn english_article() {
    let z = zone_article(EN_ARTICLE, None);
    check_invariants(EN_ARTICLE, &z);
    assert_eq!(
        z.title.as_deref(),
        Some("Floods force thousands from their homes in the river valley")
    );
    assert_eq!(
        z.section.as_deref(),
        Some("World"),
        "a section line before the title"
    );
    assert_eq!(z.byline.as_deref(), Some("Tom Ashworth"));
    let zs = zones(EN_ARTICLE, None);
    assert_eq!(
        texts(&zs, "lede"),
        ["Emergency shelters opened overnight as the water kept rising."]
    );
    let body = texts(&zs, "body");
    assert_eq!(body.len(), 2, "{zs:#?}");
    assert!(body[0].starts_with("Thousands of residents"));
    assert!(body[1].starts_with("Forecasters expect"));
    assert!(body[1].ends_with("another two days."));
    let doc = article_document("floods", EN_ARTICLE.to_string(), "floods.txt", None, None);
    assert_eq!(doc.meta.date.as_deref(), Some("2024-03-04"));
    assert_eq!(doc.meta.lang.as_deref(), Some("en"));
}

#[test]
fn plain_paragraphs_are_all_body() {
    let text = "Première phrase d'un texte sans titre ni date, qui parle de tout et de rien.\n\nUne seconde phrase suit, elle aussi assez longue pour passer pour un paragraphe.\n";
    let zs = zones(text, None);
    assert_eq!(zs.len(), 1, "{zs:#?}");
    assert_eq!(zs[0].0, "body");
    let short = "Bonjour\n";
    assert_eq!(
        zones(short, None),
        [("body".to_string(), "Bonjour".to_string())]
    );
    assert!(zone_article("", None).zones.is_empty());
}

#[test]
fn recurring_lines_are_boilerplate() {
    let make = |i: usize| {
        format!(
            "Le Journal du Soir\nÉdition du soir\n\nUn titre numéro {} pour cet article\n\nPar Jean Nom\n\n\
             Un paragraphe qui raconte quelque chose de différent dans chaque article, numéro {}.\n\n\
             Newsletter du matin chaque jour\n",
            ["un", "deux", "trois", "quatre"][i],
            ["un", "deux", "trois", "quatre"][i]
        )
    };
    let pages: Vec<String> = (0..4).map(make).collect();
    let counts = counted(&pages);
    let recurrence = recurring(&counts, 0.2);
    let text = make(1);
    let zs = zones(&text, Some(recurrence));
    assert_eq!(
        zs[0],
        (
            "boilerplate".into(),
            "Le Journal du Soir\nÉdition du soir".into()
        ),
        "{zs:#?}"
    );
    assert_eq!(
        texts(&zs, "title"),
        ["Un titre numéro deux pour cet article"]
    );
    assert_eq!(
        texts(&zs, "meta"),
        ["Par Jean Nom"],
        "a recurring byline stays meta"
    );
    assert_eq!(
        zs.last().map(|z| z.1.as_str()),
        Some("Newsletter du matin chaque jour")
    );
}

#[test]
fn publication_date_wins_and_relative_times_are_never_the_date() {
    let text = "\
Monde

Un sommet sans accord à Bruxelles

2 hours ago
Mis à jour le 5 mars 2024
Publié le 4 mars 2024 à 07h30

Les dirigeants européens se sont séparés mardi soir sans parvenir à un accord sur le budget commun.

Une nouvelle réunion est prévue le mois prochain, selon la présidence.
";
    let doc = article_document("s", text.to_string(), "s.txt", None, None);
    assert_eq!(doc.meta.date.as_deref(), Some("2024-03-04"));
    assert_eq!(doc.meta.section.as_deref(), Some("Monde"));
    let z = zone_article(text, None);
    assert_eq!(z.dateline.as_deref(), Some("Publié le 4 mars 2024 à 07h30"));
    check_invariants(text, &z);
}

#[test]
fn bylines_from_a_name_near_the_date_not_its_role_line() {
    let text = "\
News > World > Europe

Ferry strike halts crossings to the islands

Crews walked out at dawn over a pay offer they called an insult.

Kate Holm and Tom Reddle
Europe correspondent
Thu 7 Mar 2024 09.12 GMT

Ferry crossings to the islands were cancelled on Thursday as crews walked out over pay, stranding hundreds of passengers.

The operator said it hoped talks would resume next week.

Kate Holm is the Europe correspondent. She has covered shipping since 2015.
";
    let z = zone_article(text, None);
    check_invariants(text, &z);
    assert_eq!(z.byline.as_deref(), Some("Kate Holm and Tom Reddle"));
    assert_eq!(
        z.section.as_deref(),
        Some("Europe"),
        "the breadcrumb's last element"
    );
    let zs = zones(text, None);
    let body = texts(&zs, "body");
    assert_eq!(body.len(), 1, "{zs:#?}");
    assert!(
        body[0].ends_with("resume next week."),
        "the bio is not body: {zs:#?}"
    );
    assert!(texts(&zs, "boilerplate").contains(&"Europe correspondent"));
}

#[test]
fn paragraphs_of_other_languages_are_still_paragraphs() {
    let text = "\
Startseite

Hochwasser bedroht mehrere Dörfer entlang der Mosel

Von Anna Keller
4. März 2024

Nach tagelangem Regen steigt der Pegel der Mosel weiter, und mehrere Gemeinden bereiten Sandsäcke vor.

Die Feuerwehr rechnet damit, dass der Höchststand erst am Mittwochabend erreicht wird.

Kommentare
";
    let zs = zones(text, None);
    let body = texts(&zs, "body");
    assert_eq!(body.len(), 1, "{zs:#?}");
    assert!(body[0].starts_with("Nach tagelangem Regen"), "{zs:#?}");
    assert!(body[0].ends_with("erreicht wird."), "{zs:#?}");
}

#[test]
fn a_name_right_after_the_article_is_its_byline() {
    let text = "\
Le marché couvert rouvrira en septembre

Publié le 2 mai 2024

Les travaux du marché couvert se termineront cet été, a annoncé la mairie, qui promet une réouverture à la rentrée.

Les commerçants installés sous la halle provisoire regagneront leurs étals dès le 2 septembre.
Lucie Marchand
Les plus lus
Un article sans rapport avec celui-ci, avec assez de mots pour en être un.
";
    let z = zone_article(text, None);
    check_invariants(text, &z);
    assert_eq!(z.byline.as_deref(), Some("Lucie Marchand"));
    let zs = zones(text, None);
    assert_eq!(
        texts(&zs, "meta"),
        ["Publié le 2 mai 2024", "Lucie Marchand"],
        "{zs:#?}"
    );
}

#[test]
fn captions_credits_and_time_stamps_are_not_body() {
    let text = "\
Des orages coupent l'électricité dans tout le département

Par Jeanne Martin
Publié le 3 juin 2024

10:42 GMT
Plus de 20 000 foyers étaient privés d'électricité mardi matin après une nuit d'orages violents sur le département.
Un arbre tombé sur une ligne à Saint-Aubin, mardi. (AFP)
Les équipes du distributeur sont mobilisées pour rétablir le courant avant la fin de la journée.
Photo 2 of 5
Des pompiers dégagent la route.
Personne n'a été blessé.
Les prévisionnistes annoncent un retour au calme mercredi, avec des températures en baisse sur tout le département.
";
    let zs = zones(text, None);
    let body = texts(&zs, "body").join("\n");
    for furniture in [
        "10:42 GMT",
        "(AFP)",
        "Photo 2 of 5",
        "Des pompiers dégagent",
    ] {
        assert!(
            !body.contains(furniture),
            "{furniture} in the body: {zs:#?}"
        );
    }
    assert!(body.contains("Personne n'a été blessé."), "{zs:#?}");
    assert!(body.ends_with("sur tout le département."), "{zs:#?}");
}

#[test]
fn a_paywall_prompt_ends_the_article_only_where_its_text_stops() {
    let head = "\
Le marché couvert de Vienne rouvre après deux ans de travaux

Par Paul Gardin
Publié le 4 avril 2024

Les commerçants ont retrouvé jeudi matin leurs étals sous la halle rénovée, dans le centre de la ville.
Le chantier a coûté 8 millions d'euros, financés pour moitié par la région et l'État.
";
    // The page cuts the article: what follows the prompt is its box and the comments.
    let cut = format!(
        "{head}Pour lire la suite de cet article, abonnez-vous
Déjà abonné ? Se connecter
Jean42
Il était temps, la halle tombait en ruine depuis des années et personne ne faisait rien.
"
    );
    let zs = zones(&cut, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.ends_with("la région et l'État."), "{zs:#?}");
    assert!(!body.contains("personne ne faisait rien"), "{zs:#?}");
    // The scraper was let in: the prompt's box stands inside the article.
    let whole = format!(
        "{head}Abonnez-vous pour lire la suite sans limite
Une vingtaine de commerçants ont signé un bail de neuf ans avec la commune, qui fixe les loyers.
« On attendait ce jour depuis longtemps », sourit une fromagère installée là depuis 1998.
"
    );
    let zs = zones(&whole, None);
    let body = texts(&zs, "body").join("\n");
    assert!(!body.contains("Abonnez-vous"), "{zs:#?}");
    assert!(body.contains("un bail de neuf ans"), "{zs:#?}");
    assert!(body.ends_with("depuis 1998."), "{zs:#?}");
}

#[test]
fn a_last_short_sentence_after_a_box_stays_in_the_body() {
    let text = "\
Le lac d'Annecy n'a jamais été aussi chaud en juin

Par Lise Berthod
Publié le 20 juin 2024

L'eau a atteint 24 degrés en surface mardi, un record pour la saison selon les relevés de l'observatoire.
Les pêcheurs constatent déjà une baisse de leurs prises de féras dans la partie nord du lac.
Newsletter
« L'Essentiel des Alpes » : l'actualité de votre région
Autres newsletters
La baignade reste autorisée.
Newsletter
";
    let zs = zones(text, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.ends_with("La baignade reste autorisée."), "{zs:#?}");
    assert!(!body.contains("Autres newsletters"), "{zs:#?}");
}

#[test]
fn closing_sentences_and_headings_that_only_look_like_site_furniture_stay_in_the_body() {
    // Review of the third round: a bill's closing sentence ("Ce texte prévoit un
    // soutien…") is no site note, a heading "More from the hearing" no rail, and the
    // byline of "» La chronique de X" is X.
    let text = "\
Le projet de loi agricole adopté en première lecture

» La chronique de Julien Morvan
Publié le 17 avril 2024 à 15h05

Les députés ont adopté mardi soir le projet de loi d'orientation agricole, après trois semaines de débats souvent vifs dans l'hémicycle.
Le gouvernement a accepté plusieurs amendements de l'opposition sur la transmission des exploitations et sur les retraites agricoles.
More from the hearing
Les syndicats agricoles ont salué un premier pas, tout en réclamant des mesures plus rapides sur les prix payés aux producteurs.
Ce texte prévoit un soutien de 2 milliards aux agriculteurs.
";
    let z = zone_article(text, None);
    check_invariants(text, &z);
    assert_eq!(z.byline.as_deref(), Some("Julien Morvan"));
    let zs = zones(text, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.contains("Les syndicats agricoles"), "{zs:#?}");
    assert!(
        body.ends_with("Ce texte prévoit un soutien de 2 milliards aux agriculteurs."),
        "{zs:#?}"
    );
}

#[test]
fn site_notes_author_boxes_and_conversion_notes_after_the_text() {
    let text = "\
Chroniques

Les trains de nuit reviennent, mais pour combien de temps

La chronique de Julien Morvan
Publié le 17 avril 2024 à 15h05

Il y a des idées qui reviennent comme les saisons, et le train de nuit en est une depuis dix ans au moins.
Les premières lignes rouvertes sont pleines l'été, à moitié vides l'hiver, selon les chiffres de l'opérateur.
Le progrès, s'il vient, viendra des régions.
Cette chronique est publiée chaque semaine dans Le Débat Public.
Les opinions exprimées dans cette tribune n'engagent que leur auteur.
L'auteur
Julien Morvan est journaliste et essayiste, il tient la chronique « Travail » depuis 2019.
Ses derniers articles
Télétravail : la fin d'une parenthèse ?
";
    let z = zone_article(text, None);
    check_invariants(text, &z);
    assert_eq!(z.byline.as_deref(), Some("Julien Morvan"));
    let zs = zones(text, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.ends_with("viendra des régions."), "{zs:#?}");
    let why = explain_article(text, None);
    let reason = |needle: &str| {
        why.iter()
            .find(|w| {
                annot_model::offsets::slice_chars(text, w.start, w.end)
                    .unwrap()
                    .starts_with(needle)
            })
            .map(|w| w.reason)
    };
    assert_eq!(reason("Cette chronique"), Some(Reason::SiteNote));
    assert_eq!(reason("Les opinions"), Some(Reason::SiteNote));

    let wire = "\
Barrow shares jump on buyout approach from Granite Peak

By Fiona Castellan
Mar 12, 2024 7:05 AM UTC

LONDON, March 12 (Ledger Wire) - Shares in Barrow Holdings jumped as much as 18% on Tuesday after the group said it had received an approach.
Shares in Barrow were up 15.4% at 441 pence by 0830 GMT, valuing the group at about 2.1 billion pounds.
($1 = 0.7812 pounds)
(Reporting by Fiona Castellan; Editing by Mark Ellery)
More from Ledger Wire
Tags: Markets, Buyouts
";
    let zs = zones(wire, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.ends_with("($1 = 0.7812 pounds)"), "{zs:#?}");
    let why = explain_article(wire, None);
    assert!(
        why.iter().any(|w| w.reason == Reason::ConversionNote),
        "{why:#?}"
    );
}

#[test]
fn a_reporter_at_a_stadium_is_the_byline() {
    let text = "\
Premier Division

Harbour City 2-1 Northgate: Lindqvist header settles derby

A late header sends City three points clear at the top of the table.

Owen Fairclough at the Quayside Stadium

Saturday 9 March 2024 17.40 GMT

Jonas Lindqvist rose highest at the far post two minutes from time to settle a tense derby for the leaders.
City had led through Emeka Okafor's low drive after 34 minutes, but Northgate were level just after the hour.
";
    let z = zone_article(text, None);
    assert_eq!(z.byline.as_deref(), Some("Owen Fairclough"));
    assert_eq!(
        z.title.as_deref(),
        Some("Harbour City 2-1 Northgate: Lindqvist header settles derby")
    );
}

/// A page with the furniture of many sites around a short article: a
/// breadcrumb, a byline label over the name, US time zones,
/// a reading time, a share bar, then tags, an author box, a rail, a
/// comment count, a newsletter box and a copyright line.
const GAZETTE: &str = r#"The Valley Gazette

Home / News / Local

City council approves new tram line after a decade of delays

The vote clears the way for construction to begin next spring on the east side.

By
Dana Whitfield
Published: March 5, 2024 at 5:47 PM CST
Updated: March 6, 2024 at 9:12 AM CST
3-minute read
Facebook Twitter Email
Copy link

The city council voted 9-2 on Tuesday night to approve the long-delayed east side tram line, ending a decade of studies and false starts.

Supporters packed the chamber, many holding signs that read "Finally". The mayor said construction would begin in April and take three years.

Opponents argued that the project's cost, now estimated at 480 million dollars, had doubled since the first study in 2014.

"We owe it to the people who have waited," said council member Rosa Delgado.

Tags: Transit, City Hall, East Side

About the author

Dana Whitfield covers city hall and transportation for the Gazette. She joined the paper in 2019.

More from The Valley Gazette

School board delays vote on later start times

Why is the river so low this winter?

12 comments

Sign up for our morning newsletter
Enter your email address
Subscribe

© 2024 Valley Gazette Media. All rights reserved.
"#;

#[test]
fn the_furniture_of_many_sites_around_a_short_article() {
    let z = zone_article(GAZETTE, None);
    check_invariants(GAZETTE, &z);
    assert_eq!(
        z.title.as_deref(),
        Some("City council approves new tram line after a decade of delays")
    );
    assert_eq!(
        z.section.as_deref(),
        Some("Local"),
        "the breadcrumb, not the badge"
    );
    assert_eq!(z.byline.as_deref(), Some("Dana Whitfield"));
    assert_eq!(
        z.dateline.as_deref(),
        Some("Published: March 5, 2024 at 5:47 PM CST")
    );
    let zs = zones(GAZETTE, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.starts_with("The city council voted"), "{zs:#?}");
    assert!(body.ends_with("council member Rosa Delgado."), "{zs:#?}");
    assert_eq!(texts(&zs, "lede").len(), 1, "{zs:#?}");
    let why = explain_article(GAZETTE, None);
    let reason = |needle: &str| {
        why.iter()
            .find(|w| annot_model::offsets::slice_chars(GAZETTE, w.start, w.end).unwrap() == needle)
            .map(|w| w.reason)
    };
    assert_eq!(reason("3-minute read"), Some(Reason::Cue(Cue::ReadingTime)));
    assert_eq!(
        reason("Facebook Twitter Email"),
        Some(Reason::Cue(Cue::ShareBar))
    );
    assert_eq!(
        reason("Tags: Transit, City Hall, East Side"),
        Some(Reason::Phrase("footer phrase"))
    );
}

#[test]
fn notes_boxes_and_rails_after_a_french_article() {
    let text = r#"Le Journal de l'Ouest
Menu
Se connecter
Accueil > Société > Logement

Loyers : à Nantes, l'encadrement divise propriétaires et locataires

Un an après son entrée en vigueur, le dispositif a fait baisser les loyers des petites surfaces, selon l'observatoire local.

Par Léa Martin
Publié le 12/03/2024 à 06h10, mis à jour le 13/03/2024 à 08h00
Lecture 4 min
Partager sur Facebook
Copier le lien

Depuis un an, les loyers des studios et des deux-pièces sont plafonnés dans le centre de Nantes, une mesure réclamée de longue date par les associations.

Selon l'observatoire local des loyers, le prix moyen au mètre carré a reculé de 3 % pour les petites surfaces, mais il continue de progresser pour les grands logements.

Des propriétaires inquiets

Les propriétaires, eux, dénoncent une mesure qui décourage l'investissement. « On nous demande de financer la politique du logement », regrette le président d'une chambre syndicale.

À lire aussi : Logement étudiant, la rentrée de tous les dangers

La mairie promet un bilan complet à l'automne.

Une première version de cet article a été publiée dans notre édition du 12 mars.

Mots-clés : Logement, Nantes, Loyers

L'autrice

Journaliste au service Société depuis 2015, elle suit les questions de logement.

Du même auteur

Pourquoi les HLM manquent-ils de grands appartements ?

Voir les commentaires

Recevez chaque matin l'essentiel de l'actualité
Votre adresse e-mail
Je m'inscris

© Le Journal de l'Ouest 2024 - Tous droits réservés
"#;
    let z = zone_article(text, None);
    check_invariants(text, &z);
    assert_eq!(z.byline.as_deref(), Some("Léa Martin"));
    assert_eq!(z.section.as_deref(), Some("Logement"));
    let zs = zones(text, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.starts_with("Depuis un an"), "{zs:#?}");
    assert!(body.contains("Des propriétaires inquiets"), "{zs:#?}");
    assert!(body.ends_with("un bilan complet à l'automne."), "{zs:#?}");
}

#[test]
fn corrections_updates_and_editors_notes_are_the_sites() {
    let text = r#"Skip to main content
The Daily Ledger
World
Politics

Politics

Senate passes stopgap bill hours before shutdown deadline

By Marcus Hale and Ana Ortiz
Updated 11:05 PM EDT, Fri March 22, 2024

The Senate passed a stopgap spending bill late Friday, sending it to the president hours before funding for several agencies was due to lapse at midnight.

The measure, which passed 77 to 13, keeps the government open until the end of September and includes money for disaster relief that both parties had sought.

Lawmakers had spent the week trading blame over the delay.

Correction: An earlier version of this story misstated the vote count.

This story has been updated with additional reporting.

Editor's note: Marcus Hale is a former Senate aide.

Related Topics
Congress
Budget

Most Popular
"#;
    let zs = zones(text, None);
    let body = texts(&zs, "body").join("\n");
    assert!(body.ends_with("trading blame over the delay."), "{zs:#?}");
    let why = explain_article(text, None);
    let notes = why.iter().filter(|w| w.reason == Reason::SiteNote).count();
    assert_eq!(notes, 3, "{why:#?}");
}

#[test]
fn a_text_of_short_paragraphs_keeps_them_all() {
    let text = "Grève des transporteurs à Tripoli\n\nLes chauffeurs de la CGTL ont bloqué Tripoli lundi .\n\nLa CGTL demande une hausse des tarifs .\n";
    let zs = zones(text, None);
    assert_eq!(
        texts(&zs, "body"),
        [
            "Les chauffeurs de la CGTL ont bloqué Tripoli lundi .\n\nLa CGTL demande une hausse des tarifs ."
        ],
        "{zs:#?}"
    );
}

#[test]
fn a_pull_quote_is_not_body_but_a_subheading_is() {
    let text = "\
Les gardiens du phare de Kerbrat

Par Anne Quéré
Publié le 2 mars 2024

Le phare se dresse sur son rocher depuis 1872. « On n'est jamais seul avec la mer », dit Louis, qui l'a gardé vingt ans.
« On n'est jamais seul avec la mer »
Une relève introuvable
Depuis l'automatisation, plus personne ne vit sur le rocher, et les visites ont cessé en 2010.
";
    let zs = zones(text, None);
    let body = texts(&zs, "body").join("\n");
    assert!(!body.contains("\n« On n'est jamais seul"), "{zs:#?}");
    assert!(body.contains("Une relève introuvable"), "{zs:#?}");
    assert_eq!(
        reason_of(text, "Une relève"),
        Some(Reason::IntertitleAfterPullQuote)
    );
}

#[test]
fn a_recurring_section_that_repeats_a_menu_entry() {
    // The menu and the section line recur on every page of the import.
    let page = |title: &str| {
        format!(
            "Menu\nWorld\nPolitics\nSports\nDonate\nPolitics\n{title}\nBy JOHN ROE\nMarch 8, 2024\n\
             The story of {title} goes on here, in a paragraph of its own that no other page has.\n"
        )
    };
    let pages: Vec<String> = [
        "Senate votes on the budget",
        "House debates farm aid",
        "Governors meet in Denver",
    ]
    .iter()
    .map(|t| page(t))
    .collect();
    let counts = counted(&pages);
    let rec = recurring(&counts, 0.5);
    let z = zone_article(&pages[0], Some(rec));
    assert_eq!(z.section.as_deref(), Some("Politics"), "{z:#?}");
    assert_eq!(z.title.as_deref(), Some("Senate votes on the budget"));
}

/// The recurrence of `pages` counted together, as one import counts it.
fn counted(pages: &[impl AsRef<str>]) -> LineCounts {
    let mut counts = LineCounts::new();
    for p in pages {
        counts.add_text(p.as_ref());
    }
    counts
}

/// Lines of `counts` recurring in three documents and `min_share` of them.
fn recurring(counts: &LineCounts, min_share: f64) -> Recurrence<'_> {
    Recurrence {
        counts,
        min_docs: 3,
        min_share,
    }
}

/// Imports `pages` as one import would: their recurrence counted together.
fn zone_together(pages: &[String], which: usize) -> Zoning {
    let counts = counted(pages);
    let rec = recurring(&counts, 0.01);
    let z = zone_article(&pages[which], Some(rec));
    check_invariants(&pages[which], &z);
    z
}

#[test]
fn a_consent_banner_above_the_page_is_furniture_and_the_headline_stays_the_title() {
    let text = "\
Votre vie privée nous importe
Nous et nos partenaires utilisons des cookies afin de mesurer l'audience et de personnaliser les contenus sur votre appareil.
Tout accepter
Tout refuser
Paramétrer les cookies

La Voix du Plateau
Accueil
Société
Se connecter

Sur le plateau, l'école de Saint-Amant rouvre après deux ans de travaux

Par Hélène Marchal
Publié le 9 avril 2024 à 06h45

L'école de Saint-Amant a rouvert lundi ses six classes, après deux années de travaux de désamiantage et d'isolation menés par la communauté de communes.

Les parents d'élèves, qui avaient dû conduire leurs enfants au bourg voisin pendant le chantier, se disent soulagés.
";
    let zs = zones(text, None);
    assert_eq!(
        texts(&zs, "title"),
        ["Sur le plateau, l'école de Saint-Amant rouvre après deux ans de travaux"],
        "{zs:#?}"
    );
    assert!(
        texts(&zs, "body").iter().all(|b| !b.contains("cookies")),
        "{zs:#?}"
    );
    assert!(texts(&zs, "lede").is_empty(), "{zs:#?}");
    let z = zone_article(text, None);
    assert_eq!(z.byline.as_deref(), Some("Hélène Marchal"));
    assert_eq!(
        z.dateline.as_deref(),
        Some("Publié le 9 avril 2024 à 06h45")
    );
}

#[test]
fn the_headline_is_the_line_above_the_byline_even_under_a_banner_no_phrase_names() {
    // A notice in words no list has: two sentences and its buttons above the page.
    let text = "\
Before you go on
Together with a few vendors, this website keeps small records in the browser to count visits and tailor what it shows.
Fine by me
Options

Northfield Courier
Home
Local
Account

Council approves the new bridge over the Ouse after a decade of delays

By Tom Ashby
April 9, 2024 8:15 AM BST

Northfield council voted on Monday to build a new footbridge over the Ouse, ending ten years of argument over its cost and its place on the river.

Work is due to begin next spring and should take about eighteen months, the council said.
";
    let z = zone_article(text, None);
    assert_eq!(
        z.title.as_deref(),
        Some("Council approves the new bridge over the Ouse after a decade of delays"),
        "{:#?}",
        zones(text, None)
    );
    assert_eq!(z.byline.as_deref(), Some("Tom Ashby"));
    let zs = zones(text, None);
    assert!(
        texts(&zs, "body")
            .iter()
            .chain(texts(&zs, "lede").iter())
            .all(|b| !b.contains("vendors")),
        "{zs:#?}"
    );
}

#[test]
fn a_relative_time_under_a_live_headline_is_furniture_not_the_title() {
    let text = "\
Sign in
Live
Floods live: rivers burst their banks across the Severn valley

Updated 3 hours ago

10:05 BST
The Environment Agency has issued four severe flood warnings along the Severn, meaning there is a danger to life.

09:40 BST
Rail services between Worcester and Hereford are cancelled for the rest of the day, the operator says.
";
    let z = zone_article(text, None);
    assert_eq!(
        z.title.as_deref(),
        Some("Floods live: rivers burst their banks across the Severn valley"),
        "{:#?}",
        zones(text, None)
    );
    let why = explain_article(text, None);
    let line = why
        .iter()
        .find(|w| {
            annot_model::offsets::slice_chars(text, w.start, w.end) == Some("Updated 3 hours ago")
        })
        .unwrap();
    assert_eq!(line.zone, ZoneKind::Boilerplate);
    assert_eq!(line.reason, Reason::Cue(Cue::RelativeTime));
}

#[test]
fn a_paragraph_opening_with_a_prompts_words_is_body() {
    let text = "\
Accueil > Régions > Bretagne

Quimper : la piscine municipale rouvre ses bassins

Par Yann Le Bihan
Le 3 février 2024 à 09h20

La piscine municipale de Quimper a rouvert samedi ses deux bassins, après quatre mois de fermeture pour remplacer la toiture et le système de chauffage.

Pour lire la suite, le service des sports a mis en ligne le nouveau planning des créneaux, avec les horaires réservés aux écoles et aux clubs.

Les tarifs restent inchangés cette année, a précisé l'adjoint chargé des sports lors de l'inauguration.
";
    let zs = zones(text, None);
    assert!(
        texts(&zs, "body")
            .iter()
            .any(|b| b.contains("Pour lire la suite, le service des sports")),
        "{zs:#?}"
    );
    assert!(
        texts(&zs, "body")
            .iter()
            .any(|b| b.contains("Les tarifs restent inchangés")),
        "{zs:#?}"
    );
}

/// Pages of three sites: a menu of one entry a paragraph, then a login link,
/// then the headline; the first page of each carries the same wire story.
fn three_sites() -> Vec<String> {
    let sites = [
        ("Accueil", "Territoires", "Loisirs", "Se connecter"),
        ("Menu", "Infos", "Agriculture", "Mon compte"),
        ("Une", "Faits divers", "Météo", "Connexion"),
    ];
    let wire = "Le Parlement a adopté mercredi soir le projet de loi sur l'eau, après une dernière lecture marquée par de longs débats sur le partage de la ressource entre agriculteurs et communes.\n\nLe texte plafonne les prélèvements estivaux dans les nappes, fixés chaque année par les préfets.";
    let mut pages = Vec::new();
    for (s, (a, b, c, login)) in sites.iter().enumerate() {
        for k in 0..5 {
            let (title, by, body) = if k == 0 {
                (
                    "Eau : le Parlement adopte la loi sur le partage de la ressource".to_string(),
                    "(AFP)".to_string(),
                    wire.to_string(),
                )
            } else {
                (
                    format!("Le village numéro {k} du site {s} ouvre une épicerie solidaire"),
                    format!("Par Marc Durand{k}"),
                    format!(
                        "Le village numéro {k} a ouvert samedi une épicerie solidaire dans l'ancienne poste, avec l'aide de {k} bénévoles venus des communes voisines du canton.\n\nLes produits y sont vendus à prix coûtant aux familles orientées par les services sociaux, qui étaient {k}0 à s'être inscrites dès la première semaine d'ouverture."
                    ),
                )
            };
            pages.push(format!(
                "{a}\n\n{b}\n\n{c}\n\n{login}\n\n{title}\n\n{by}\n02/05/2024\n\n{body}\n"
            ));
        }
    }
    pages
}

#[test]
fn the_last_menu_entry_above_a_login_link_is_not_the_section() {
    let pages = three_sites();
    for which in [1, 2, 6, 7, 11] {
        let z = zone_together(&pages, which);
        assert_eq!(z.section, None, "page {which}: {z:#?}");
        assert!(z.title.as_deref().is_some_and(|t| t.contains("épicerie")));
    }
}

#[test]
fn the_headline_of_a_wire_story_several_sites_carry_stays_the_title() {
    let pages = three_sites();
    for which in [0, 5, 10] {
        let z = zone_together(&pages, which);
        assert_eq!(
            z.title.as_deref(),
            Some("Eau : le Parlement adopte la loi sur le partage de la ressource"),
            "page {which}: {:#?}",
            z.zones
        );
        // Its short paragraph recurs with it, and stays in the body.
        let body: Vec<&str> = z
            .zones
            .iter()
            .filter(|zone| zone.zone == "body")
            .filter_map(|zone| {
                annot_model::offsets::slice_chars(&pages[which], zone.start, zone.end)
            })
            .collect();
        assert!(
            body.iter().any(|b| b.contains("Le texte plafonne")),
            "page {which}: {body:#?}"
        );
    }
}

/// The seed article of the design document, when `../shared/seeds` is there.
#[test]
fn seed_article() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_29ae4ace1ddaddc8.txt");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipped: no seed at {}", path.display());
        return;
    };
    let (text, _) = decode(&bytes, "000_29ae4ace1ddaddc8.txt", true).unwrap();
    let doc = article_document(
        "000_29ae4ace1ddaddc8",
        text,
        "000_29ae4ace1ddaddc8.txt",
        None,
        None,
    );
    let z = zone_article(&doc.text, None);
    check_invariants(&doc.text, &z);
    let m = &doc.meta;
    assert_eq!(
        m.title.as_deref(),
        Some("L'armée syrienne et ses alliés chassent de nouveau l'EI de Boukamal")
    );
    assert_eq!(m.section.as_deref(), Some("Syrie"));
    assert_eq!(m.byline.as_deref(), Some("OLJ/Agences"));
    assert_eq!(m.date.as_deref(), Some("2017-11-19"));
    assert_eq!(m.lang.as_deref(), Some("fr"));
    assert_eq!(
        doc.zone_text("lede"),
        Some("Le Hezbollah participe aux opérations.")
    );

    let zs = zones(&doc.text, None);
    let body = texts(&zs, "body");
    // The body is the article's paragraphs, without the related link between them.
    let expected: Vec<&str> = doc
        .text
        .lines()
        .map(str::trim)
        .skip_while(|l| !l.starts_with("L'armée syrienne et ses alliés ont repris"))
        .take_while(|l| !l.starts_with("Pour mémoire"))
        .filter(|l| !l.is_empty() && !l.starts_with("(Lire aussi"))
        .collect();
    let got: Vec<&str> = body
        .iter()
        .flat_map(|b| b.lines())
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(got, expected);
    assert!(
        expected
            .last()
            .unwrap()
            .ends_with("dans la station balnéaire russe de Sotchi.")
    );
    let lire = zs
        .iter()
        .find(|(_, t)| t.starts_with("(Lire aussi"))
        .unwrap();
    assert_eq!(lire.0, "boilerplate");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    /// Lines of the kinds a scraped page has, in any order.
    fn page() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            Just(String::new()),
            Just("\u{a0}".to_string()),
            Just("À La Une".to_string()),
            Just("Par Jean Nom".to_string()),
            Just("19/11/2017".to_string()),
            Just("Pour mémoire".to_string()),
            Just("Retour à la Une".to_string()),
            Just("(Lire aussi : un titre)".to_string()),
            Just("Un titre de plusieurs mots sans point".to_string()),
            Just(
                "Un paragraphe assez long pour passer pour le corps de l'article, avec un point."
                    .to_string()
            ),
            Just("6".to_string()),
            "\\PC{0,40}",
        ];
        proptest::collection::vec(line, 0..30).prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn zones_are_ordered_trimmed_and_cover_every_line(text in page()) {
            let z = zone_article(&text, None);
            check_invariants(&text, &z);
        }

        #[test]
        fn any_text_zones_without_panicking(text in "\\PC{0,200}(\r?\n\\PC{0,80}){0,10}") {
            let text = crate::decode::normalize(&text).into_owned();
            let z = zone_article(&text, None);
            check_invariants(&text, &z);
        }
    }
}

// Fourth round: the shapes around a headline (`crate::headline`).

const BODY_EN: &str = "\
The council said on Monday that the new rule would apply to every household from the first of next month.

Officials expect most bills to change by only a few cents, though large families may pay a little more.
";

#[test]
fn a_badge_over_the_headline_is_passed_for_the_section_above_it() {
    let text = format!(
        "Brightside\n\nHome\n\nEnergy\n\nExplainer\n\nWhy the power cut lasted nine hours on Tuesday\n\n\
         By Ora Lindqvist\n\nPublished May 2, 2024\n\n{BODY_EN}"
    );
    let z = zone_article(&text, None);
    check_invariants(&text, &z);
    assert_eq!(
        z.title.as_deref(),
        Some("Why the power cut lasted nine hours on Tuesday")
    );
    assert_eq!(z.section.as_deref(), Some("Energy"), "not the badge");
    // A badge with no section above it stays the only candidate.
    let alone = format!(
        "Explainer\n\nWhy the power cut lasted nine hours on Tuesday\n\nBy Ora Lindqvist\n\n\
         Published May 2, 2024\n\n{BODY_EN}"
    );
    assert_eq!(
        zone_article(&alone, None).section.as_deref(),
        Some("Explainer")
    );
    // A review's kind of test ("Road test") under the crumb is a badge too.
    let review = format!(
        "Brightside\n\nReviews > Small cars\n\nRoad test\n\nThe new Larch C2 review: small outside, roomy inside\n\n\
         By Ora Lindqvist\n\nPublished May 2, 2024\n\n{BODY_EN}"
    );
    assert_eq!(
        zone_article(&review, None).section.as_deref(),
        Some("Small cars")
    );
}

#[test]
fn a_kicker_in_capitals_is_neither_title_nor_section() {
    let text = format!(
        "Daily Bugle\n\nMenu\n\nTravel\n\nSNOW JOKE\n\n\
         Skiers stranded for six hours as chairlift freezes in the Alps\n\n\
         By Rory Platt, CHIEF TRAVEL REPORTER\n\nPublished: 10:02 EDT, 3 January 2024\n\n{BODY_EN}"
    );
    let z = zone_article(&text, None);
    check_invariants(&text, &z);
    assert_eq!(
        z.title.as_deref(),
        Some("Skiers stranded for six hours as chairlift freezes in the Alps")
    );
    assert_eq!(z.section.as_deref(), Some("Travel"));
    assert_eq!(z.byline.as_deref(), Some("Rory Platt"));
}

#[test]
fn a_name_like_kicker_over_the_headline_is_no_byline() {
    // "Local News" reads as a name; a banner stands above it.
    let text = format!(
        "Channel 9\n\nWeather alert: Frost advisory until 8 AM\n\nLocal News\n\n\
         Deputies: Driver hurt in crash on Route 9 near Milbury\n\nBy Ada Voss\n\n\
         Published: March 5, 2024 at 5:47 PM CST\n\nWATCH: Deputies describe the crash scene\n\n{BODY_EN}"
    );
    let z = zone_article(&text, None);
    check_invariants(&text, &z);
    assert_eq!(
        z.title.as_deref(),
        Some("Deputies: Driver hurt in crash on Route 9 near Milbury"),
        "not the alert banner"
    );
    assert_eq!(z.section.as_deref(), Some("Local News"));
    assert_eq!(z.byline.as_deref(), Some("Ada Voss"));
    let zs = zones(&text, None);
    assert!(
        texts(&zs, "lede").is_empty(),
        "a video teaser is no lede: {zs:#?}"
    );
}

#[test]
fn a_provider_label_and_its_issuer_are_neither_section_nor_byline() {
    let text = format!(
        "Wirehouse\n\nNews > Energy > Wind\n\n\
         Norvik Power Opens Offshore Wind Farm Off the Coast of Maine\n\n\
         Farm will supply about 90,000 homes from next spring\n\n\
         News provided by\n\nNorvik Power Corp.\n\nMay 02, 2024, 08:00 ET\n\n{BODY_EN}"
    );
    let z = zone_article(&text, None);
    check_invariants(&text, &z);
    assert_eq!(
        z.title.as_deref(),
        Some("Norvik Power Opens Offshore Wind Farm Off the Coast of Maine"),
        "the headline in title case, not the subheading under it"
    );
    let zs = zones(&text, None);
    assert_eq!(
        texts(&zs, "lede"),
        ["Farm will supply about 90,000 homes from next spring"]
    );
    assert_eq!(z.byline, None, "the issuer is no byline");
    let why = explain_article(&text, None);
    assert!(
        why.iter()
            .any(|w| w.reason == Reason::Subheading && w.zone == ZoneKind::Lede)
    );
    assert_eq!(
        z.section.as_deref(),
        Some("Wind"),
        "the breadcrumb's last element"
    );
    // Without the subheading, the label right under the headline is no section.
    let bare = text.replace(
        "Farm will supply about 90,000 homes from next spring\n\n",
        "",
    );
    let z = zone_article(&bare, None);
    assert_eq!(z.section.as_deref(), Some("Wind"));
    assert_eq!(z.byline, None);
}

#[test]
fn a_subheading_in_title_case_is_not_taken_for_the_headline() {
    // A headline in sentence case over a standfirst: nothing changes.
    let text = format!(
        "Home\n\nStorm closes the coast road for a second night\n\n\
         Crews say repairs will take until the weekend\n\nBy Ora Lindqvist\n\n\
         Published May 2, 2024\n\n{BODY_EN}"
    );
    let z = zone_article(&text, None);
    assert_eq!(
        z.title.as_deref(),
        Some("Crews say repairs will take until the weekend")
    );
}

#[test]
fn a_headline_that_is_a_question_is_the_title() {
    let make = |q: &str, topic: &str| {
        format!(
            "Answerline\n\nMoney\n\nTech\n\nSubscribe\n\n{q}\n\n\
             A new rule on {topic} takes effect in stages. Here is what it means for you.\n\n\
             By Nora Quill\n\nPublished April 10, 2024\n\n\
             The rule on {topic} was announced on Monday and will apply to every household from next month.\n\n\
             Officials expect most people to notice the change on {topic} only after a few weeks.\n"
        )
    };
    let pages: Vec<String> = [
        (
            "The new water rule, explained: will your bill go up?",
            "water",
        ),
        (
            "Should you switch your energy supplier this winter?",
            "energy",
        ),
        (
            "What does the new speed limit mean for cyclists?",
            "bicycles",
        ),
    ]
    .iter()
    .map(|(q, t)| make(q, t))
    .collect();
    let counts = counted(&pages);
    let recurrence = recurring(&counts, 0.2);
    let z = zone_article(&pages[0], Some(recurrence));
    check_invariants(&pages[0], &z);
    assert_eq!(
        z.title.as_deref(),
        Some("The new water rule, explained: will your bill go up?")
    );
    assert_eq!(z.byline.as_deref(), Some("Nora Quill"));
    assert_eq!(z.dateline.as_deref(), Some("Published April 10, 2024"));
    let zs = zones(&pages[0], Some(recurrence));
    assert_eq!(
        texts(&zs, "lede"),
        ["A new rule on water takes effect in stages. Here is what it means for you."]
    );
    assert_eq!(texts(&zs, "body").len(), 1, "{zs:#?}");
    let why = explain_article(&pages[0], Some(recurrence));
    assert!(why.iter().any(|w| w.reason == Reason::QuestionTitle));
}

#[test]
fn a_section_repeating_the_last_menu_entry_is_the_section() {
    let make = |section: &str, title: &str| {
        format!(
            "Le Relais\nAccueil\nMonde\nSociété\nCulture\n{section}\n{title}\n\
             C'est ce que retient de la semaine la rubrique {section}.\nPar Lou Cadic\nPublié le 18/10/2024 06:24\n\
             {title} : la rédaction a suivi la journée de vendredi pour vous, du matin jusqu'au soir.\n"
        )
    };
    let pages = [
        make("Culture", "Le festival du livre de Vannes affiche complet"),
        make("Monde", "Une élection serrée au Portugal ce dimanche"),
        make(
            "Société",
            "Les cantines passent au bio dans tout le département",
        ),
    ];
    let counts = counted(&pages);
    let recurrence = recurring(&counts, 0.2);
    let z = zone_article(&pages[0], Some(recurrence));
    assert_eq!(
        z.section.as_deref(),
        Some("Culture"),
        "compact page, menu entry right above"
    );
}

#[test]
fn a_rating_or_a_player_between_headline_and_standfirst_does_not_hide_the_lede() {
    for between in [
        "★★★★☆",
        "Note : 4/5",
        "Listen to this article · 5 min",
        "Review",
    ] {
        let text = format!(
            "Stagelight\n\nTheatre\n\nThe Tempest review – a storm worth sitting through\n\n{between}\n\n\
             A bold staging that finds the comedy in the shipwreck.\n\nReviewed by Max Orrin\n\n\
             Tue 4 Jun 2024\n\n{BODY_EN}"
        );
        let z = zone_article(&text, None);
        check_invariants(&text, &z);
        let zs = zones(&text, None);
        assert_eq!(
            texts(&zs, "lede"),
            ["A bold staging that finds the comedy in the shipwreck."],
            "{between}: {zs:#?}"
        );
        assert_eq!(z.byline.as_deref(), Some("Max Orrin"));
        assert_eq!(
            z.title.as_deref(),
            Some("The Tempest review – a storm worth sitting through")
        );
    }
}

#[test]
fn a_publication_stamp_wins_over_a_broadcast_date_above_it() {
    let text = "\
Radio Causse

L'éleveur qui parle à ses brebis en occitan

Diffusé le lundi 3 juin 2024 à 07h45

Par Lise Marchal, Radio Causse
Publié le mardi 4 juin 2024 à 08h12

Chaque matin, Bernat rassemble son troupeau en leur parlant dans la langue de ses grands-parents, dit-il.

Il assure que les bêtes reconnaissent sa voix mieux que celle de son fils, qui parle français.
";
    let doc = article_document("s", text.to_string(), "s.txt", None, None);
    assert_eq!(doc.meta.date.as_deref(), Some("2024-06-04"));
    assert_eq!(doc.meta.byline.as_deref(), Some("Lise Marchal"));
}

#[test]
fn a_reviewed_by_label_makes_the_name_under_it_the_byline() {
    let text = format!(
        "Stagelight\n\nBooks\n\nThe Salt Road review – a slow, bright journey north\n\n\
         A first novel that trusts its readers with silence.\n\nReviewed by\n\nIda Brennan\n\n{BODY_EN}"
    );
    let z = zone_article(&text, None);
    check_invariants(&text, &z);
    assert_eq!(z.byline.as_deref(), Some("Ida Brennan"));
}

#[test]
fn a_section_in_capitals_from_the_menu_is_no_kicker() {
    let text = format!(
        "Daily Bugle\n\nWorld\n\nSport\n\nTravel\n\nTRAVEL\n\n\
         Skiers stranded for six hours as chairlift freezes in the Alps\n\n\
         By Rory Platt\n\nPublished: 10:02 EDT, 3 January 2024\n\n{BODY_EN}"
    );
    let z = zone_article(&text, None);
    assert_eq!(
        z.section.as_deref(),
        Some("TRAVEL"),
        "it repeats the menu's entry"
    );
}

/// The reason `explain_article` gives the first line of `text` opening with `needle`.
fn reason_of(text: &str, needle: &str) -> Option<Reason> {
    explain_article(text, None)
        .iter()
        .find(|w| {
            annot_model::offsets::slice_chars(text, w.start, w.end)
                .unwrap()
                .starts_with(needle)
        })
        .map(|w| w.reason)
}

fn body_of(text: &str) -> String {
    let z = zone_article(text, None);
    check_invariants(text, &z);
    texts(&zones(text, None), "body").join("\n")
}

/// A glossary box between two parts of the text: its heading and its
/// "Term : definition" lines are no body, the intertitle under it is.
#[test]
fn a_glossary_box_inside_the_text_is_no_body_and_the_intertitle_under_it_is() {
    use crate::boxes::BoxKind;
    let text = "Terra Viva\n\nSciences\n\n\
        Les haies rendent aux sols le carbone perdu, selon une étude de dix ans\n\n\
        Par Hélène Corbin\n\nLe 4 mai 2024\n\n\
        Une équipe d'agronomes a mesuré pendant dix ans le carbone des sols de quarante parcelles bordées de haies dans le bocage normand.\n\n\
        Les parcelles les plus anciennes stockaient jusqu'à un tiers de carbone en plus que les champs ouverts de la même commune.\n\n\
        Glossaire\n\n\
        Mycorhize : association entre un champignon et les racines d'une plante, qui échangent de l'eau et des sucres.\n\n\
        Bocage : paysage de champs et de prés entourés de haies vives et de talus plantés d'arbres.\n\n\
        Des racines qui nourrissent la terre\n\n\
        Les chercheurs pensent que les racines profondes des arbres et leurs champignons fixent le carbone bien plus bas que les cultures.\n\n\
        Les résultats seront présentés aux chambres d'agriculture à l'automne, avant un nouveau plan de plantation.\n";
    let body = body_of(text);
    assert!(!body.contains("Mycorhize"), "{body}");
    assert!(!body.contains("Bocage :"), "{body}");
    assert!(!body.contains("Glossaire"), "{body}");
    assert!(
        body.contains("Des racines qui nourrissent la terre"),
        "{body}"
    );
    assert!(body.ends_with("nouveau plan de plantation."), "{body}");
    assert_eq!(
        reason_of(text, "Mycorhize"),
        Some(Reason::Box(BoxKind::Labelled))
    );
    assert_eq!(
        reason_of(text, "Des racines"),
        Some(Reason::IntertitleAfterBox)
    );
}

/// A fact-check credit and a list of sources after the text are no body;
/// a sentence saying what was verified, and one opening "Sources de", are.
#[test]
fn a_fact_check_credit_and_a_list_of_sources_are_no_body() {
    use crate::boxes::BoxKind;
    let text = "Curio Santé\n\nNutrition\n\n\
        Le café du matin ne déshydrate pas, rappellent les nutritionnistes\n\n\
        Par Anaïs Volland\n\nLe 9 juin 2024\n\n\
        Une tasse de café apporte plus d'eau au corps qu'elle ne lui en fait perdre, selon une revue de vingt études publiée ce printemps.\n\n\
        Sources de caféine, le thé et le chocolat agissent de la même façon, mais en quantités bien moindres pour la plupart des gens.\n\n\
        L'effet sur le sommeil, lui, n'a été vérifié que chez des adultes en bonne santé, et reste à mesurer chez les adolescents.\n\n\
        Cet article a été vérifié par le Dr Maël Ternier, nutritionniste.\n\n\
        Sources :\n\n\
        Varin P. et al., « Coffee intake and hydration in healthy adults », Revue de nutrition clinique, 2023.\n\n\
        Agence de sécurité des aliments, avis sur la consommation de caféine chez les adultes, 2022.\n\n\
        Partager l'article\n";
    let body = body_of(text);
    assert!(body.starts_with("Une tasse de café"), "{body}");
    assert!(body.contains("Sources de caféine"), "{body}");
    assert!(body.ends_with("chez les adolescents."), "{body}");
    assert_eq!(
        reason_of(text, "Cet article a été vérifié"),
        Some(Reason::Box(BoxKind::FactCheck))
    );
    assert_eq!(
        reason_of(text, "Varin P."),
        Some(Reason::Box(BoxKind::Sources))
    );
    assert_eq!(
        reason_of(text, "Agence de sécurité"),
        Some(Reason::Box(BoxKind::Sources))
    );
}

/// A press release's "About X" paragraph and its forward-looking
/// statements close it, with or without a heading; an "About" intertitle
/// over the release's own text, and a legal phrase with text after it,
/// stay in the body.
#[test]
fn a_releases_about_paragraph_and_legal_boilerplate_are_no_body() {
    use crate::boxes::BoxKind;
    let text = "WireDesk\n\nNews > Energy\n\n\
        Quillfield Robotics Opens Battery Recycling Plant in Ohio\n\n\
        Mar 05, 2024, 08:00 ET\n\n\
        DAYTON, Ohio, March 5, 2024 /WireDesk/ -- Quillfield Robotics, Inc. today opened a plant that recovers lithium and nickel from used batteries.\n\n\
        About the plant\n\n\
        The plant can process 20,000 tons of batteries a year and employs 140 people, most of them hired in the county.\n\n\
        Analysts said the company's forward-looking statements last year had promised the plant for 2023, a year earlier than it opened.\n\n\
        \"We built this plant where the batteries are,\" said Mara Ellison, chief executive of Quillfield Robotics.\n\n\
        About Quillfield Robotics\n\n\
        Quillfield Robotics, Inc. is a recycling technology company based in Columbus, Ohio. For more information, visit www.quillfield.example.\n\n\
        Forward-Looking Statements\n\n\
        This release contains statements about future production that involve risks and uncertainties, and the results may differ.\n\n\
        Quillfield undertakes no obligation to update any of the statements in this release, except as required by law.\n\n\
        Media Contact:\n\nJon Avery, Quillfield Robotics\n";
    let body = body_of(text);
    assert!(body.contains("About the plant"), "{body}");
    assert!(body.contains("The plant can process"), "{body}");
    assert!(
        body.contains("forward-looking statements last year"),
        "{body}"
    );
    assert!(
        body.ends_with("chief executive of Quillfield Robotics."),
        "{body}"
    );
    assert_eq!(
        reason_of(text, "Quillfield Robotics, Inc. is"),
        Some(Reason::Box(BoxKind::About))
    );
    assert_eq!(
        reason_of(text, "This release contains"),
        Some(Reason::Box(BoxKind::Legal))
    );
    assert_eq!(
        reason_of(text, "Quillfield undertakes"),
        Some(Reason::Box(BoxKind::Legal))
    );
    assert_eq!(zone_article(text, None).byline, None);
}

/// A "Key facts" box of "Label: text" lines and a "Further reading" list
/// after an English text; a transcript of "Name : words" lines with no
/// box heading over it is the body.
#[test]
fn a_key_facts_box_and_further_reading_are_no_body_but_a_transcript_is() {
    use crate::boxes::BoxKind;
    let text = "Harbour Post\n\nScience\n\n\
        The quiet comeback of the grey seal on the northern coast\n\n\
        By Ellen Marsh\n\nPublished 2 May 2024\n\n\
        Grey seals have returned to beaches where none had been counted for half a century, a survey of the northern coast found.\n\n\
        Key facts\n\n\
        Population: about 4,200 seals counted on 31 beaches in the spring survey.\n\n\
        Pups born: 610 in the last season, twice the figure of five years ago.\n\n\
        Wardens say the beaches are quieter since the car parks were moved away from the dunes in the winter of last year.\n\n\
        Dr Ilse Varga: We counted them twice, from the cliffs and from a drone, and the numbers agreed.\n\n\
        Tom Reed: Some fishermen are less pleased, and they say so at every meeting of the harbour board.\n\n\
        Further reading\n\n\
        Varga I. and Reed T., \"Grey seals of the northern coast\", Journal of Marine Mammals, 2023.\n\n\
        Coastal Trust, annual seal survey report, 2024.\n";
    let body = body_of(text);
    assert!(!body.contains("Population:"), "{body}");
    assert!(!body.contains("Pups born:"), "{body}");
    assert!(body.contains("Wardens say"), "{body}");
    assert!(body.contains("Dr Ilse Varga: We counted"), "{body}");
    assert!(body.ends_with("meeting of the harbour board."), "{body}");
    assert_eq!(
        reason_of(text, "Population:"),
        Some(Reason::Box(BoxKind::Labelled))
    );
    assert_eq!(
        reason_of(text, "Coastal Trust"),
        Some(Reason::Box(BoxKind::Sources))
    );
}

/// Legal boilerplate with no heading over it, at the end of the text.
#[test]
fn a_disclaimer_with_no_heading_after_the_text_is_no_body() {
    use crate::boxes::BoxKind;
    let text = "Tally Street\n\nMarkets\n\n\
        Copper climbs to a two-year high as smelters cut output\n\n\
        By Nadia Ferro\n\nPublished Thu, Mar 14 2024 6:00 AM EDT\n\n\
        Copper rose for a fifth day on Thursday after two of the largest smelters said they would cut output in the second quarter.\n\n\
        Traders said the cuts would tighten a market that had been well supplied for most of last year, and prices could rise further.\n\n\
        This article is for informational purposes only and does not constitute investment advice of any kind from the publisher.\n";
    let body = body_of(text);
    assert!(body.ends_with("prices could rise further."), "{body}");
    assert_eq!(
        reason_of(text, "This article is for"),
        Some(Reason::Box(BoxKind::Legal))
    );
}

/// A newsletter offer inside the text: its heading and its pitch, above the
/// e-mail field, are no body, nor is a feedback prompt after the text; the
/// text under the offer is.
#[test]
fn a_newsletter_offer_and_its_pitch_are_no_body() {
    use crate::boxes::BoxKind;
    let text = "Harbour Post\n\nExplainers\n\n\
        Why the ferry timetable changes every spring, and what it means for you\n\n\
        By Ellen Marsh\n\nPublished 2 May 2024\n\n\
        The ferry company publishes two timetables a year, and the spring one always brings fewer early crossings than riders expect.\n\n\
        The reason is the tide: in spring the harbour is too shallow for the larger boat before seven on most mornings.\n\n\
        Sign up for Morning Tide, our weekly newsletter\n\n\
        Three stories from the coast, every Friday, free of charge.\n\n\
        Enter your email\n\n\
        Sign up\n\n\
        The company says a deeper berth, planned for 2026, would let the larger boat sail at any tide and end the spring timetable.\n\n\
        Was this article helpful?\n\nYes\n\nNo\n";
    let body = body_of(text);
    assert!(!body.contains("Three stories"), "{body}");
    assert!(!body.contains("helpful"), "{body}");
    assert!(body.ends_with("end the spring timetable."), "{body}");
    assert_eq!(
        reason_of(text, "Three stories"),
        Some(Reason::Box(BoxKind::Offer))
    );
}

/// A header with a list of key points, or a photo's caption and its credit
/// in capitals, between the standfirst and the byline: the header runs to
/// the byline and date; the key points and the caption are neither lede
/// nor body; a name under the credit is the byline, over the paper's name.
#[test]
fn key_points_and_a_captioned_photo_stay_in_the_header() {
    let text = "Grain Ledger\n\nMarkets\n\n\
        Wheat futures slide as export rules ease in the Black Sea\n\n\
        Traders expect more grain on the world market before the summer harvest begins.\n\n\
        Key points\n\n\
        • Futures fell 4% in two sessions.\n\n\
        • Shipments from three ports resume next week.\n\n\
        By Odile Brennan\n\nPublished Tue, Apr 9 2024 7:15 AM EDT\n\n\
        Wheat futures fell for a second day on Tuesday after the governments of the region agreed to reopen three ports to grain ships, a deal that traders had not expected before June.\n\n\
        Millers said they would wait for the first cargoes before buying, and several funds cut their bets on higher prices.\n";
    let zs = zones(text, None);
    assert_eq!(
        texts(&zs, "lede"),
        ["Traders expect more grain on the world market before the summer harvest begins."]
    );
    let body = texts(&zs, "body").join("\n");
    assert!(!body.contains("Futures fell"), "{body}");
    assert!(body.starts_with("Wheat futures fell"), "{body}");
    let z = zone_article(text, None);
    assert_eq!(z.byline.as_deref(), Some("Odile Brennan"));
    assert!(z.dateline.is_some());

    let text = "Le Courrier du Fjord\n\nRégions\n\n\
        Le quai de Port-Aurèle sera reconstruit d'ici l'automne\n\n\
        Les travaux, attendus depuis dix ans, commenceront dès la fonte des glaces.\n\n\
        Le vieux quai, fermé aux navires depuis l'an dernier.\n\n\
        PHOTO LOUIS TREMBLAY, LE COURRIER\n\n\
        Nadine Boucher\n\nLe Courrier du Fjord\n\n\
        Publié le 3 avril 2024 à 6 h 00\n\n\
        Le ministère a confirmé mardi le financement du nouveau quai, dont le coût est estimé à 24 millions de dollars par les ingénieurs de la municipalité.\n\n\
        Les pêcheurs de la baie devront utiliser le quai voisin pendant toute la durée du chantier, ce qui allongera leurs sorties.\n";
    let zs = zones(text, None);
    assert_eq!(
        texts(&zs, "lede"),
        ["Les travaux, attendus depuis dix ans, commenceront dès la fonte des glaces."]
    );
    let z = zone_article(text, None);
    assert_eq!(z.byline.as_deref(), Some("Nadine Boucher"));
    assert!(texts(&zs, "body")[0].starts_with("Le ministère"));
}

/// A standfirst under the date with the page's photo credit under it is
/// the lede, not the first paragraph; a labelled breadcrumb names the
/// section; "Actualité du …" is the date.
#[test]
fn a_standfirst_over_the_photo_under_the_date_is_the_lede() {
    let text = "Ville de Montclar\n\nVous êtes ici : Accueil / Actualités / Culture\n\n\
        La médiathèque rouvre après six mois de travaux\n\n\
        Actualité du 4 juin 2024\n\n\
        Les lecteurs retrouvent dès samedi des salles agrandies et un espace pour les adolescents.\n\n\
        © Ville de Montclar / J. Pérez\n\n\
        La médiathèque municipale a rouvert ses portes samedi matin, après un chantier de six mois qui a permis d'agrandir les salles de lecture.\n\n\
        Les horaires d'ouverture sont élargis le mercredi et le samedi, a précisé l'adjointe chargée de la culture.\n";
    let zs = zones(text, None);
    assert_eq!(
        texts(&zs, "lede"),
        [
            "Les lecteurs retrouvent dès samedi des salles agrandies et un espace pour les adolescents."
        ]
    );
    let z = zone_article(text, None);
    assert_eq!(z.section.as_deref(), Some("Culture"));
    assert_eq!(
        z.title.as_deref(),
        Some("La médiathèque rouvre après six mois de travaux")
    );
    assert!(z.dateline.is_some());
}

/// A long line that ends no sentence between two paragraphs is a photo's
/// caption; a short one an intertitle (body); a comment thread's heading
/// with its count ends the article, and the comments under it are no body.
#[test]
fn long_captions_among_paragraphs_and_a_counted_comment_thread_are_no_body() {
    let text = "Daily Lantern\n\nNews\n\n\
        Pensioner's prize pumpkin is too big to leave her garden\n\n\
        By KAY MORROW\n\nPublished: 09:12 EDT, 3 October 2024\n\n\
        A pensioner whose pumpkin weighs more than her car has been told it cannot be moved without a crane.\n\n\
        Edna Fairley, 81, beside the pumpkin in her back garden in Lower Ashcombe, where she has grown them since 1979\n\n\
        The pumpkin, which she calls Big Bertha, tipped the scales at 612 kilograms on Sunday morning.\n\n\
        A crane is coming\n\n\
        Her son has booked a crane for Friday so that the pumpkin can reach the county show in time.\n\n\
        Comments 58\n\n\
        Good for her, that is a proper pumpkin and no mistake at all.\n\n\
        I grew one last year and it was nothing like as big as that one.\n";
    let body = body_of(text);
    assert!(!body.contains("Edna Fairley, 81"), "{body}");
    assert!(body.contains("A crane is coming"), "{body}");
    assert!(body.ends_with("reach the county show in time."), "{body}");
    assert_eq!(reason_of(text, "Edna Fairley"), Some(Reason::CaptionShape));
    assert_eq!(
        reason_of(text, "Comments 58"),
        Some(Reason::Cue(crate::cues::Cue::CommentsHeading))
    );
}

/// A fact-check's claim box (its heading, the claim in quotes, where it
/// circulated, the verdict) is no body, nor a verdict alone; the text is.
#[test]
fn a_fact_checks_claim_box_is_no_body() {
    use crate::boxes::BoxKind;
    let text = "Vérif'Ouest\n\nSanté\n\n\
        Non, l'eau du robinet de Quimperlé n'est pas impropre à la consommation\n\n\
        Un message partagé des milliers de fois affirme que l'eau serait polluée depuis lundi.\n\n\
        Par Gaëlle Le Du\n\nPublié le 3 juillet 2024 à 11h10\n\n\
        L'affirmation\n\n\
        « Ne buvez plus l'eau du robinet, la mairie cache une pollution grave depuis lundi. »\n\n\
        Message partagé sur Facebook et WhatsApp depuis le 1er juillet 2024\n\n\
        Notre verdict : Faux\n\n\
        Le message circule depuis le début de la semaine, accompagné d'une photo d'un verre d'eau trouble qui date en réalité de 2017.\n\n\
        Les analyses publiées par l'agence régionale de santé ne montrent aucune anomalie dans les prélèvements de juin et de juillet.\n";
    let body = body_of(text);
    assert!(!body.contains("Ne buvez plus"), "{body}");
    assert!(!body.contains("verdict"), "{body}");
    assert!(body.starts_with("Le message circule"), "{body}");
    assert_eq!(
        reason_of(text, "« Ne buvez"),
        Some(Reason::Box(BoxKind::Claim))
    );
}

/// An embedded social post ("@handle · May 21", the post, its likes) and
/// a donation box ("Je fais un don" over its amounts) inside the text are
/// no body; the paragraphs around them, and a quoted handle, are.
#[test]
fn an_embedded_post_and_a_donation_box_are_no_body() {
    use crate::boxes::BoxKind;
    let text = "Pixel Park\n\nEsports > Arena\n\n\
        Nordhaven win the spring final after a reverse sweep in Rotterdam\n\n\
        By Ada Finch\n\nPublished May 21, 2024\n\n\
        Nobody in the hall gave Nordhaven much of a chance after they lost the first two maps of the final.\n\n\
        @NordhavenGG · May 21\n\nWE DID IT. From 0-2 to champions!\n\n12.4K likes\n\n\
        Three maps later the team were lifting the trophy in front of a crowd of nine thousand fans.\n\n\
        @Nordhaven said on Tuesday that the squad would stay together for the summer season.\n";
    let body = body_of(text);
    assert!(!body.contains("WE DID IT"), "{body}");
    assert!(!body.contains("likes"), "{body}");
    assert!(body.contains("Three maps later"), "{body}");
    assert!(body.contains("@Nordhaven said"), "{body}");
    assert_eq!(
        reason_of(text, "WE DID IT"),
        Some(Reason::Box(BoxKind::Embed))
    );
    let text = "Terres d'Entraide\n\nAccueil > Nos actions > Nutrition\n\n\
        Au Niger, la saison de la soudure a commencé plus tôt cette année\n\n\
        Par Inès Calvet\n\nPublié le 4 mars 2024\n\n\
        Les centres de santé de la région accueillent deux fois plus d'enfants qu'en février de l'an dernier.\n\n\
        Je fais un don\n\nAvec 30 €, vous financez une semaine de soins pour un enfant.\n\n\
        66 % de votre don est déductible de votre impôt sur le revenu.\n\n\
        La plupart des enfants sortent guéris au bout de trois à quatre semaines de traitement au centre.\n\n\
        Les équipes ont fait un don de médicaments à l'hôpital du district, qui en manquait depuis janvier.\n";
    let body = body_of(text);
    assert!(!body.contains("Avec 30 €"), "{body}");
    assert!(!body.contains("déductible"), "{body}");
    assert!(body.contains("La plupart des enfants"), "{body}");
    assert!(body.contains("fait un don de médicaments"), "{body}");
    assert_eq!(
        reason_of(text, "Avec 30"),
        Some(Reason::Box(BoxKind::Donation))
    );
}

/// A short note after a report that its people's names were changed is the
/// site's, and "Témoignage recueilli par X" after the text signs it.
#[test]
fn a_names_changed_note_and_a_signature_after_the_text() {
    let text = "Terres d'Entraide\n\nAccueil > Nos actions > Eau\n\n\
        Dans les camps de Kalemba, la chloration a fait reculer le choléra\n\n\
        Publié le 9 avril 2024\n\n\
        Grâce a neuf ans. Elle porte chaque matin deux bidons jusqu'à la borne-fontaine du camp, à vingt minutes de marche.\n\n\
        Depuis janvier, le nombre de cas signalés dans le camp est passé de 140 à 11 par mois, selon les équipes.\n\n\
        Témoignage recueilli par Joseph Mwamba\n\nLes prénoms ont été modifiés.\n";
    let z = zone_article(text, None);
    assert_eq!(z.byline.as_deref(), Some("Joseph Mwamba"));
    let body = body_of(text);
    assert!(!body.contains("prénoms"), "{body}");
    assert!(body.ends_with("selon les équipes."), "{body}");
}

/// A note funding or publishing the text after it ("Ce texte est publié
/// grâce au soutien de …") is the site's, even with a newsletter box
/// ("infolettre") under it; a news-tip prompt is furniture.
#[test]
fn a_funding_note_and_a_news_tip_prompt_after_the_text_are_no_body() {
    let text = "L'Écho des Rives\n\nSociété\n\n\
        Le marché public de Sainte-Lucie déménage sur la place de l'église\n\n\
        Par Lise Gagnon\n\nPublié le 5 mai 2024\n\n\
        Les marchands du samedi s'installeront dès la semaine prochaine sur la place de l'église, plus grande et mieux éclairée que l'ancien stationnement.\n\n\
        La municipalité a promis d'ajouter des tables et un point d'eau avant l'été, à la demande des producteurs de la région.\n\n\
        Ce texte est publié grâce au soutien financier d'un programme d'aide aux médias régionaux.\n\n\
        Une nouvelle à signaler ? Écrivez-nous à nouvelles@echo.example\n\n\
        L'infolettre de L'Écho\n\n\
        Recevez chaque matin les nouvelles de votre région dans votre boîte courriel.\n\n\
        Votre adresse courriel\n\nJe m'abonne\n";
    let body = body_of(text);
    assert!(body.ends_with("producteurs de la région."), "{body}");
    assert_eq!(
        reason_of(text, "Ce texte est publié"),
        Some(Reason::SiteNote)
    );
}

/// Pages of one site whose top bar has the day's date over the menu: the
/// tagline under the site's name recurs like a wire story's headline would,
/// but the article's own headline stands between that date and the text,
/// so the page is no repeated article and the tagline no headline. An
/// agency signing in capitals between the headline and the date is the
/// byline, not the section; the section is the menu's entry over the
/// headline.
#[test]
fn a_top_bar_date_and_an_agency_in_capitals_do_not_mislead_the_header() {
    let make = |section: &str, title: &str, day: u32| {
        format!(
            "Le Veilleur du Delta\nL'information qui compte depuis 1991\nJeudi {day} avril 2024\n\
             Accueil | Politique | Société | Sport | Culture\n{section}\n{title}\nKPA\n\
             Publié le {day:02}/04/2024\n\
             Les habitants du quartier ont découvert la nouvelle en lisant l'avis affiché devant la mairie, numéro {day}.\n\
             La décision doit encore être confirmée par le conseil régional avant la fin du mois prochain.\n"
        )
    };
    let pages = [
        make("Société", "La passerelle du port fermée pour trois mois", 4),
        make("Sport", "Les rameurs de Kessa qualifiés pour la finale", 11),
        make(
            "Culture",
            "Le musée des pêcheurs rouvre ses deux salles",
            18,
        ),
    ];
    let counts = counted(&pages);
    let recurrence = recurring(&counts, 0.2);
    let z = zone_article(&pages[0], Some(recurrence));
    assert_eq!(
        z.title.as_deref(),
        Some("La passerelle du port fermée pour trois mois")
    );
    assert_eq!(z.byline.as_deref(), Some("KPA"));
    assert_eq!(z.section.as_deref(), Some("Société"));
}

/// Labelled fields: "Topic: X" gives the section X; "Hosted by X" and
/// "Prévisionniste : X" sign; "Par notre correspondant à Y, X" has X; an
/// episode's number over the headline is a badge, the show above it the
/// section.
#[test]
fn labelled_sections_and_bylines_and_an_episode_number() {
    let court = "The Bench Report\n\nTopic: Courts\n\n\
        Former treasurer of a rowing club jailed for fraud\n\nBy Dana Whitlock\n\n\
        First posted Tue 12 Mar 2024 at 4:05pm\n\n\
        A former club treasurer who took more than $80,000 from members over six years has been jailed for two years.\n\n\
        The court heard the money was spent on holidays and a car that has since been sold.\n";
    let z = zone_article(court, None);
    assert_eq!(z.section.as_deref(), Some("Courts"));
    assert_eq!(z.byline.as_deref(), Some("Dana Whitlock"));

    let show = "Longwave\n\nThe Undercurrent\n\nEpisode 31\n\n\
        Why the ferry stopped running to the island\n\nHosted by Ama Reyes\n\nMar 14, 2024 · 38 min\n\n\
        Show notes\n\n\
        For forty years a small ferry carried children to school and workers to the mainland, until the operator gave up last spring.\n\n\
        We spoke to the last captain and to the families who now cross at dawn in their own boats.\n";
    let z = zone_article(show, None);
    assert_eq!(z.byline.as_deref(), Some("Ama Reyes"));
    assert_eq!(z.section.as_deref(), Some("The Undercurrent"));

    for (line, name) in [
        ("Prévisionniste : Loïs Garnier", "Loïs Garnier"),
        (
            "Par notre correspondant à Dakoro, Moussa Keita",
            "Moussa Keita",
        ),
        ("Animé par Inès Roux", "Inès Roux"),
    ] {
        assert_eq!(crate::meta::byline(line).as_deref(), Some(name), "{line}");
    }
}

/// In the text: a content warning over it, a caption above its bare
/// credit before the first paragraph, an intertitle under an ad break and
/// one over it, the items of a list (not sentences, not captions), a
/// helpline and a dated correction after the text.
#[test]
fn warnings_captions_ad_breaks_lists_and_notes_around_the_text() {
    let text = "Le Courrier du Val\n\nSociété\n\n\
        Le refuge du col rouvre après deux hivers de travaux\n\n\
        Par Jeanne Moutier\n\nPublié le 12 mars 2024\n\n\
        Warning: this story contains details that some readers may find distressing.\n\n\
        Le refuge, vu depuis le sentier du lac, en février.\n\n\
        Photo : Paul Arnaud\n\n\
        Le refuge du col accueillera de nouveau les randonneurs dès le mois de juin, après deux hivers de chantier et une rallonge du budget.\n\n\
        Les gardiens ont relevé pendant l'hiver :\n\n\
        • trois mètres de neige au plus fort de février ;\n\n\
        • une toiture arrachée sur le bâtiment des guides ;\n\n\
        • 42 nuits sous zéro.\n\n\
        La commune a financé la moitié des travaux, le reste venant du département et d'une souscription.\n\n\
        Une saison déjà pleine\n\n\
        Publicité\n\nContinuer la lecture après la publicité\n\n\
        Les réservations ont ouvert lundi et les week-ends de juillet sont déjà complets, selon l'office du tourisme.\n\n\
        Le nouveau gardien, arrivé de la vallée voisine, prévoit des repas avec les produits des fermes du plateau.\n\n\
        Publicité\n\nContinuer la lecture après la publicité\n\n\
        Un accès plus sûr\n\n\
        Le dernier tronçon du sentier a été élargi et sécurisé par une main courante sur deux cents mètres.\n\n\
        If you or anyone you know needs help, call the helpline on 0800 000 000.\n\n\
        Correction, March 14: An earlier version of this article gave the wrong opening month.\n";
    let body = body_of(text);
    assert!(!body.contains("Warning"), "{body}");
    assert!(!body.contains("vu depuis le sentier"), "{body}");
    assert!(body.starts_with("Le refuge du col accueillera"), "{body}");
    for kept in [
        "• trois mètres",
        "• une toiture",
        "Une saison déjà pleine",
        "Un accès plus sûr",
    ] {
        assert!(body.contains(kept), "{kept}: {body}");
    }
    assert!(
        body.ends_with("deux cents mètres."),
        "helpline and correction are notes: {body}"
    );
    assert_eq!(
        reason_of(text, "Un accès plus sûr"),
        Some(Reason::IntertitleAfterBreak)
    );
    assert_eq!(reason_of(text, "• une toiture"), Some(Reason::ListItem));
}

/// A bulletin's "émis le … valable jusqu'au …" line is its dateline, the
/// issue its publication.
#[test]
fn a_bulletin_issued_and_valid_until_is_dated_by_its_issue() {
    let line = "Bulletin émis le jeudi 14 mars 2024 à 06h00, valable jusqu'au 15 mars 2024 à 06h00";
    let (_, rest) = crate::dates::dateline(line).unwrap();
    assert_eq!(rest, "");
    assert_eq!(
        crate::dates::publication_date(line, None).as_deref(),
        Some("2024-03-14")
    );
}

/// An obituary page: a short headline over a long deck in sentence case
/// (the deck is the standfirst), an "Obituary" badge over it and the
/// breadcrumb's last element as the section.
#[test]
fn an_obituarys_short_headline_over_its_deck_and_a_breadcrumb_section() {
    let text = "The Harbour Gazette\n\nHome > Lives > Obituaries\n\nObituary\n\n\
        Mabel Orrin obituary\n\n\
        Lighthouse keeper who kept the Skerry light burning through the great storm and later taught the island's children to sail\n\n\
        Tom Hesketh\n\nTue 5 Mar 2024 09.00 GMT\n\n\
        Mabel Orrin, who has died aged 94, kept the Skerry lighthouse for twenty-two years, most of them alone after her husband's death in 1961.\n\n\
        During the storm of January 1968 she climbed the tower every hour for three nights to clean the salt from the lantern glass.\n";
    let z = zone_article(text, None);
    check_invariants(text, &z);
    assert_eq!(z.title.as_deref(), Some("Mabel Orrin obituary"));
    assert_eq!(z.section.as_deref(), Some("Obituaries"));
    assert_eq!(z.byline.as_deref(), Some("Tom Hesketh"));
    let zs = zones(text, None);
    assert_eq!(
        texts(&zs, "lede"),
        [
            "Lighthouse keeper who kept the Skerry light burning through the great storm and later taught the island's children to sail"
        ]
    );
}

/// A headline in title case with full stops, which recurs because the
/// other pages of the site list it among their links, is the headline; a
/// note above the text, reader call-outs and contributors' bios are not
/// the text.
#[test]
fn a_recurring_headline_in_title_case_and_notes_around_the_text() {
    let titles = [
        "A Canal Was Drained for a Decade. The Council Knew.",
        "A Clinic Closed Twice in One Year. Patients Paid.",
        "The Bridge Was Rated Unsafe. Buses Kept Crossing.",
    ];
    let make = |k: usize| {
        let others: String = (0..3)
            .filter(|&j| j != k)
            .map(|j| format!("{}\n\n", titles[j]))
            .collect();
        format!(
            "Undertow\n\nInvestigations | Topics | About\n\nDonate\n\n\
             {}\n\n\
             Records obtained by Undertow show the problem was raised at least {} times before anything was done.\n\n\
             by Ada Quist and Ben Orme\n\nMarch {}, 2024, 5 a.m. EST\n\n\
             This article was produced in partnership with The Lakeside Herald, a member of our local network.\n\n\
             The first warning arrived in a short letter from a resident, numbered {k}, who had watched the water fall for weeks.\n\n\
             Officials replied in letter {k} that the matter was under review, and the review was never published.\n\n\
             Do You Know More About This? We Want to Hear From You.\n\n\
             The council did not answer the {k} detailed questions sent last week by email and by post.\n\n\
             Ada Quist is a reporter at Undertow covering the {k} towns of the county.\n\n\
             Related\n\n{others}",
            titles[k],
            9 + k,
            4 + k,
        )
    };
    let pages: Vec<String> = (0..3).map(make).collect();
    let counts = counted(&pages);
    let recurrence = recurring(&counts, 0.2);
    let z = zone_article(&pages[0], Some(recurrence));
    assert_eq!(z.title.as_deref(), Some(titles[0]));
    assert_eq!(z.byline.as_deref(), Some("Ada Quist and Ben Orme"));
    let body = texts(&zones(&pages[0], Some(recurrence)), "body").join("\n");
    assert!(body.starts_with("The first warning arrived"), "{body}");
    assert!(body.ends_with("by email and by post."), "{body}");
    assert!(!body.contains("We Want to Hear"), "{body}");
    assert!(!body.contains("is a reporter"), "{body}");
}

/// Footnotes under a newsletter post, an interview's signature with a bio
/// box under it, and a weather widget over the menu are not the text.
#[test]
fn footnotes_an_interviews_signature_and_a_weather_widget() {
    let post = "Tidewater\n\nBrora -2°C Light snow\n\n\
        The harbour wall that nobody owns\n\n\
        A short history of a wall, and of the people who keep patching it.\n\n\
        Ines Varga\n\nMay 21, 2024 ∙ Paid\n\n\
        The harbour wall at Brora has been patched by volunteers since the storm of 1987, when the owner of the old quay went bankrupt.\n\n\
        Nobody has paid for the work since, and nobody knows who should, not even the council's lawyers.\n\n\
        1\n\nThe quay's deeds are held at the county archive, shelf 9.\n\n\
        2\n\nThe council's reply is quoted in full in the comments.\n";
    let body = body_of(post);
    assert!(body.ends_with("not even the council's lawyers."), "{body}");
    let z = zone_article(post, None);
    assert_eq!(
        z.title.as_deref(),
        Some("The harbour wall that nobody owns")
    );
    assert_eq!(z.dateline.as_deref(), Some("May 21, 2024 ∙ Paid"));

    let interview = "Pages et Scènes\n\nLivres\n\n\
        Lina Morel : « J'écris sur les gares parce qu'on y attend »\n\n\
        La romancière publie un troisième livre, tout entier situé dans un buffet de gare.\n\n\
        Publié le 1er mars 2024\n\n\
        Lina Morel nous a reçus dans un café près de la gare du Nord, là où elle écrit chaque matin depuis dix ans.\n\n\
        Pourquoi une gare, encore une fois ?\n\n\
        Parce que tout le monde y attend quelque chose, et que personne ne sait vraiment quoi. C'est un décor idéal.\n\n\
        Propos recueillis par Hugo Lassalle\n\n\
        Bio express\n\n\
        1984 Naissance à Brest.\n\n\
        2016 Premier roman, « Le Quai ».\n";
    let body = body_of(interview);
    assert!(body.ends_with("C'est un décor idéal."), "{body}");
    let z = zone_article(interview, None);
    assert_eq!(z.byline.as_deref(), Some("Hugo Lassalle"));
}

/// What a review of the ninth and tenth rounds found: a page opening with a
/// long unstopped line over a paywall line and a byline must not panic; and
/// ordinary text that looks like the new rules' furniture stays the text.
#[test]
fn the_later_rounds_rules_leave_ordinary_text_alone() {
    // The first line is both the first paragraph and a headline.
    let long = "a".repeat(220);
    let text = format!(
        "{long}\nSign in to continue reading\nPar Marie Dupont\n\
         La commune a voté le budget hier soir après un long débat sur les écoles et les routes.\n\
         Le maire a promis une nouvelle réunion publique au printemps pour présenter les travaux.\n"
    );
    let _ = zone_article(&text, None);

    let head = "Le Journal du Val\n\nSociété\n\n\
        Le conseil municipal vote la réforme des rythmes scolaires\n\n\
        Par Anne Roy\n\nPublié le 3 avril 2024\n\n";
    let keep = [
        "The foundation pledged $5m to support local journalism in rural counties, its director said on Monday.",
        "\"We want to hear from you,\" the mayor told residents who had gathered outside the town hall on Monday.",
        "La mention « à consommer avec modération » reste obligatoire sur chaque affiche, rappelle le juge.",
        "Le documentaire, qui peut heurter la sensibilité des plus jeunes, sera diffusé en deuxième partie de soirée.",
        "Help is available for households struggling with bills, the council said in a statement on Friday.",
        "Update, the mayor said on Friday: the vote will be held again in March after the complaints.",
        // the eleventh round's: a donation's words, a signed role, a
        // names-changed note, a Hegira month, a handle, a review's badge
        // in running text
        "Avec 40 €, une famille de la commune paie désormais la cantine pour tout le mois de septembre.",
        "Le curé, responsable de la paroisse depuis 2019, a béni la nouvelle cloche dimanche matin.",
        "Names have been changed on the new street plan, the council said on Friday after the vote.",
        "Ramadan begins on March 11, 2024 for most families of the town, the mosque said on Sunday.",
        "@Nordhaven said on Tuesday that the squad would stay together for the summer season.",
        "Road test drivers will be able to book a slot on the new circuit from the first week of June.",
    ];
    for line in keep {
        let text = format!(
            "{head}Les élus ont adopté le texte jeudi soir après trois heures de débat et une suspension de séance.\n\n\
             {line}\n\n\
             La nouvelle organisation entrera en vigueur à la rentrée de septembre dans les six écoles de la ville.\n"
        );
        assert!(body_of(&text).contains(line), "{line}");
    }

    // An intertitle "À propos de la réforme" does not end the text; a
    // numbered list with its numbers on their own lines neither.
    let text = format!(
        "{head}Les élus ont adopté le texte jeudi soir après trois heures de débat et une suspension de séance.\n\n\
         À propos de la réforme\n\n\
         Le texte prévoit quatre jours et demi de classe, avec le mercredi matin travaillé dans toutes les écoles.\n\n\
         1.\n\nLes horaires du matin commencent à 8 h 30 dans toutes les écoles de la commune dès septembre.\n\n\
         2.\n\nLes activités du soir seront gratuites pour les familles qui touchent moins que le revenu médian.\n\n\
         La municipalité publiera le détail des horaires école par école avant la fin du mois de juin prochain.\n"
    );
    let body = body_of(&text);
    assert!(body.contains("À propos de la réforme"), "{body}");
    assert!(
        body.ends_with("avant la fin du mois de juin prochain."),
        "{body}"
    );

    // A kicker over a long headline in sentence case is no headline; a
    // temperature in a headline is no weather widget.
    for (kicker, title) in [
        (
            "Faits divers",
            "Un automobiliste flashé à 180 km/h sur la rocade de Rennes en pleine nuit par les gendarmes",
        ),
        ("Météo", "Canicule : 42 °C à Bordeaux"),
    ] {
        let text = format!(
            "Le Journal du Val\n\n{kicker}\n\n{title}\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n\
             Les gendarmes ont relevé la vitesse au radar mobile vers deux heures du matin, sur une portion limitée.\n\n\
             Le conducteur, âgé de 24 ans, s'est vu retirer son permis sur-le-champ et sa voiture a été immobilisée.\n"
        );
        let z = zone_article(&text, None);
        assert_eq!(z.title.as_deref(), Some(title));
    }

    // "UK" under a headline over the date is no agency's byline.
    let text = "Daily Post\n\nParliament approves the new fishing bill after a long debate\n\nUK\n\n12 February 2024\n\n\
        Members voted by a large majority late on Monday after a debate that lasted more than nine hours.\n\n\
        The bill now goes to the upper house, where amendments on quotas are expected next month.\n";
    assert_ne!(zone_article(text, None).byline.as_deref(), Some("UK"));

    // A story's last paragraph that names someone with a role is no
    // signature; a wire's "(Reporting by …)" after it is.
    let text = "Daily Post\n\nParliament approves the new fishing bill after a long debate\n\n\
        By Ann Lowe\n\n12 February 2024\n\n\
        Members voted by a large majority late on Monday after a debate that lasted more than nine hours.\n\n\
        The bill now goes to the upper house, where amendments on quotas are expected next month.\n\n\
        (Reporting by Tom Reddle; Editing by Kate Holm)\n";
    let z = zone_article(text, None);
    assert_eq!(
        z.byline.as_deref(),
        Some("Ann Lowe"),
        "the byline on top wins"
    );
    assert!(body_of(text).ends_with("expected next month."));
    let unsigned = text.replace("By Ann Lowe\n\n", "");
    assert_eq!(
        zone_article(&unsigned, None).byline.as_deref(),
        Some("Tom Reddle")
    );
}

/// review11's probes: ordinary article text carrying the eleventh round's trigger words.
#[test]
fn review11_probes() {
    let fr_head = "Le Journal du Val\n\nSociété\n\n\
        Le conseil municipal vote la réforme des rythmes scolaires\n\n\
        Par Anne Roy\n\nPublié le 3 avril 2024\n\n";
    let fr_body = "La commune a voté le budget hier soir après un long débat sur les écoles et les routes du canton.\n\n\
        Le maire a promis une nouvelle réunion publique au printemps pour présenter les travaux prévus.\n\n\
        Les parents d'élèves, venus nombreux, ont demandé que la cantine reste ouverte pendant les vacances.\n\n\
        L'opposition a voté contre, estimant que la hausse des taxes pèserait sur les familles modestes.\n\n";
    let en_head = "Daily Post\n\nNews\n\nParliament approves the new fishing bill after a long debate\n\n\
        By Ann Lowe\n\n12 February 2024\n\n";
    let en_body = "Members voted by a large majority late on Monday after a debate that lasted more than nine hours.\n\n\
        The bill now goes to the upper house, where amendments on quotas are expected next month.\n\n\
        Fishing communities along the coast have campaigned for the reform for more than a decade now.\n\n\
        Opponents said the quotas would hurt small boats and favour the large trawler companies instead.\n\n";
    let mut fails = Vec::new();
    let mut fails2: Vec<String> = Vec::new();
    let mut check = |label: &str, text: String, must_body: &[&str], byline: Option<&str>| {
        let z = zone_article(&text, None);
        let body = body_of(&text);
        for m in must_body {
            if !body.contains(m) {
                let r = reason_of(&text, m);
                fails.push(format!("{label}: not body {m:?} ({r:?})"));
            }
        }
        if let Some(b) = byline
            && z.byline.as_deref() != Some(b)
        {
            fails.push(format!("{label}: byline {:?} want {b:?}", z.byline));
        }
        println!(
            "{label}: byline={:?} date={:?} section={:?} title={:?}",
            z.byline, z.dateline, z.section, z.title
        );
    };
    // 1. names-changed opening on a last short paragraph about a town.
    check(
        "names-changed-town",
        format!("{fr_head}{fr_body}Le nom a été modifié en 1962, après l'indépendance du pays.\n"),
        &["Le nom a été modifié"],
        Some("Anne Roy"),
    );
    check(
        "names-changed-en",
        format!("{en_head}{en_body}The name was changed to Riverside Park in 1998.\n"),
        &["The name was changed"],
        Some("Ann Lowe"),
    );
    check(
        "name-was-changed-en",
        format!("{en_head}{en_body}Name was changed to Riverside Park in 1998, after a vote.\n"),
        &["Name was changed"],
        Some("Ann Lowe"),
    );
    // 2. legal status inside the last paragraph.
    check(
        "utilite-publique",
        format!(
            "{fr_head}{fr_body}L'association, reconnue d'utilité publique depuis 1985, compte 300 bénévoles dans le département.\n"
        ),
        &["L'association, reconnue"],
        Some("Anne Roy"),
    );
    check(
        "loi-1901",
        format!(
            "{fr_head}{fr_body}Le club, une association loi de 1901 fondée par trois anciens joueurs, cherche un nouveau terrain.\n"
        ),
        &["Le club, une association"],
        Some("Anne Roy"),
    );
    check(
        "charity-number",
        format!(
            "{en_head}{en_body}The trust lost its registered charity number in 2019 after an inquiry into its accounts.\n"
        ),
        &["The trust lost"],
        Some("Ann Lowe"),
    );
    // 3. donation heading as an intertitle of a tax-advice piece.
    check(
        "donation-intertitle",
        format!(
            "{fr_head}{fr_body}Faire un don\n\nUn don de 100 € à une association ouvre droit à une réduction d'impôt de 66 %.\n\n\
            Employer à domicile\n\nLes services à la personne donnent droit à un crédit d'impôt de la moitié des sommes versées.\n\n\
            Le plafond reste fixé à 12 000 euros par an, majoré selon le nombre d'enfants à charge du foyer.\n"
        ),
        &["Un don de 100 €"],
        Some("Anne Roy"),
    );
    check(
        "donation-quote",
        format!(
            "{fr_head}La commune a voté le budget hier soir après un long débat sur les écoles et les routes du canton.\n\n\
            « Je donne »\n\nChaque mois, elle verse 20 € à la banque alimentaire du quartier, sans jamais manquer.\n\n{fr_body}"
        ),
        &["Chaque mois, elle verse"],
        Some("Anne Roy"),
    );
    check(
        "donate-en",
        format!(
            "{en_head}{en_body}Donate\n\nThe appeal raised $40,000 in its first week, the organisers said on Friday.\n\n{en_body}"
        ),
        &["The appeal raised"],
        Some("Ann Lowe"),
    );
    // 4. embed: a quoted handle line and a count.
    check(
        "embed-short",
        format!(
            "{en_head}{en_body}@mayor_lowe · 2 days\n\nThe mayor replied to critics on the council in a long post on Monday night.\n\n\
            Her message was shared widely, and the council said it would answer the points raised next week.\n\n\
            120 replies\n\n{en_body}"
        ),
        &["The mayor replied", "Her message was shared"],
        Some("Ann Lowe"),
    );
    // 5. signed roles: a list of panel members between paragraphs, a headline.
    check(
        "signed-role-list",
        format!(
            "{fr_head}{fr_body}Le jury réunit trois personnalités du canton :\n\nMarie Lenoir, présidente du club de lecture\n\n\
            Paul Girard, directeur de l'école Jules-Ferry\n\nLéa Simon, responsable de la médiathèque\n\n{fr_body}"
        ),
        &[
            "Marie Lenoir, présidente",
            "Paul Girard, directeur",
            "Léa Simon, responsable",
        ],
        Some("Anne Roy"),
    );
    let portrait = format!(
        "Le Journal du Val\n\nPortrait\n\nSophie Marceau, cheffe de troupe\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{fr_body}"
    );
    let z = zone_article(&portrait, None);
    println!("portrait: title={:?} byline={:?}", z.title, z.byline);
    if z.title.as_deref() != Some("Sophie Marceau, cheffe de troupe")
        || z.byline.as_deref() != Some("Anne Roy")
    {
        fails2.push(format!(
            "portrait headline: title={:?} byline={:?}",
            z.title, z.byline
        ));
    }
    let portrait_en = format!(
        "Daily Post\n\nProfiles\n\nAnna Li, head of the class\n\n12 February 2024\n\n{en_body}"
    );
    let z = zone_article(&portrait_en, None);
    println!("portrait_en: title={:?} byline={:?}", z.title, z.byline);
    if z.title.as_deref() != Some("Anna Li, head of the class") {
        fails2.push(format!(
            "portrait_en headline: title={:?} byline={:?}",
            z.title, z.byline
        ));
    }
    // last paragraph names someone with a role, no top byline.
    let unsigned = format!(
        "Le Journal du Val\n\nSociété\n\nLe conseil municipal vote la réforme\n\nPublié le 3 avril 2024\n\n{fr_body}Paul Girard, directeur de l'école\n"
    );
    let z = zone_article(&unsigned, None);
    println!("unsigned-role-last: byline={:?}", z.byline);
    // 6. after-text byline: a "Posted by" sentence at the end, no top byline.
    let t = format!(
        "Daily Post\n\nNews\n\nParliament approves the new fishing bill\n\n12 February 2024\n\n{en_body}Posted by Sarah Jones on Facebook\n"
    );
    let z = zone_article(&t, None);
    println!(
        "posted-by-last: byline={:?} body_end={:?}",
        z.byline,
        body_of(&t).lines().last()
    );
    // "Par X avec" a person whose name holds an outlet word.
    let t = format!(
        "Le Journal du Val\n\nSociété\n\nLe conseil vote\n\nPar Anne Roy avec Léa News\n\nPublié le 3 avril 2024\n\n{fr_body}"
    );
    println!("avec-news: byline={:?}", zone_article(&t, None).byline);
    let t = format!(
        "Daily Post\n\nNews\n\nParliament votes\n\nBy Ann Lowe with Tom Radio\n\n12 February 2024\n\n{en_body}"
    );
    println!("with-radio: byline={:?}", zone_article(&t, None).byline);
    // 7. badges: "Essai" as a books site's real rubric.
    let books = format!(
        "Lire & Relire\n\nEssai\n\nLe siècle des cartographes, une histoire du monde en 100 cartes\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{fr_body}"
    );
    println!(
        "essai-rubric: section={:?} title={:?}",
        zone_article(&books, None).section,
        zone_article(&books, None).title
    );
    let books = format!(
        "Lire & Relire\n\nLivres > Essai\n\nLe siècle des cartographes\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{fr_body}"
    );
    println!(
        "essai-crumb: section={:?}",
        zone_article(&books, None).section
    );
    let books = format!(
        "Lire & Relire\n\nLivres\n\nEssai\n\nLe siècle des cartographes\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{fr_body}"
    );
    println!(
        "livres/essai: section={:?}",
        zone_article(&books, None).section
    );
    let prem = format!(
        "Daily Post\n\nPremium\n\nParliament approves the new fishing bill\n\nBy Ann Lowe\n\n12 February 2024\n\n{en_body}"
    );
    println!(
        "premium-alone: section={:?}",
        zone_article(&prem, None).section
    );
    // 8. datelines in the body.
    for line in [
        "Début du ramadan : lundi 11 mars 2024",
        "Ramadan : du 11 mars au 9 avril 2024",
        "Temps fort du 12 mars 2024",
        "Le temps du 12 mars 2024",
        "Rajab, 12 mars 2024",
        "ICT 2024 : 12 mars",
    ] {
        let t = format!("{fr_head}{fr_body}{line}\n\n{fr_body}");
        let body = body_of(&t);
        let d = crate::dates::dateline(line).map(|(d, r)| (d.to_string(), r));
        println!(
            "date-probe {line:?}: body={} reason={:?} dateline()={d:?}",
            body.contains(line),
            reason_of(&t, line)
        );
    }
    // 9. emoji: a furniture arrow after an ellipsis.
    for line in [
        "Lire la suite… ➜",
        "Read more... ➡",
        "Merci à tous. 🙂",
        "C'était super… 🙂",
    ] {
        let t = format!("{fr_head}{fr_body}{line}\n\n{fr_body}");
        println!(
            "emoji {line:?}: body={} reason={:?}",
            body_of(&t).contains(line),
            reason_of(&t, line)
        );
    }
    let fr_body2 = "Les travaux de la halle commenceront en septembre, selon le calendrier présenté par l'adjoint.\n\n\
        Une pétition circule déjà dans le quartier pour sauver les platanes de la place du marché.\n\n";
    let en_body2 = "The harbour master said the new rules would take effect at the start of the autumn season.\n\n\
        Several skippers told reporters they would wait for the final text before deciding on new nets.\n\n";
    // embed with a count three lines down, distinct paragraphs.
    check(
        "embed-short2",
        format!(
            "{en_head}{en_body}@mayor_lowe · 2 days\n\nThe mayor replied to critics on the council in a long post on Monday night.\n\n\
            Her message was shared widely, and the council said it would answer the points raised next week.\n\n\
            120 replies\n\n{en_body2}"
        ),
        &["The mayor replied", "Her message was shared"],
        Some("Ann Lowe"),
    );
    check(
        "embed-count-as-heading",
        format!(
            "{en_head}{en_body}@mayor_lowe · 2 days\n\nThe mayor replied to critics on the council in a long post on Monday night.\n\n{en_body2}"
        ),
        &["The mayor replied"],
        Some("Ann Lowe"),
    );
    println!(
        "person_name_part portrait={:?}",
        crate::cues::person_name_part("Sophie Marceau, cheffe de troupe")
    );
    let t = format!(
        "Daily Post\n\nNews\n\nParliament approves the new fishing bill\n\nPosted by Sarah Jones on March 3, 2024\n\n{en_body}"
    );
    let z = zone_article(&t, None);
    println!(
        "posted-by-on-date: byline={:?} date={:?}",
        z.byline, z.dateline
    );
    let t = format!(
        "Daily Post\n\nNews\n\nParliament approves the new fishing bill\n\nPosted by Sarah Jones\n\nMarch 3, 2024\n\n{en_body}"
    );
    let z = zone_article(&t, None);
    println!(
        "posted-by-plain: byline={:?} date={:?}",
        z.byline, z.dateline
    );
    for line in [
        "Ramadan : lundi 11 mars 2024",
        "Le temps du 12 mars 2024",
        "Safar 1446, 5 août 2024",
        "Temps forts, 12 mars 2024",
        "Rabi, 12 mars 2024",
    ] {
        let t = format!("{fr_head}{fr_body}{line}\n\n{fr_body2}");
        println!(
            "date-probe2 {line:?}: body={} reason={:?}",
            body_of(&t).contains(line),
            reason_of(&t, line)
        );
    }
    for line in [
        "Lire la suite… ➜",
        "Voir toutes les offres. ➜",
        "Merci à tous. 🙂",
    ] {
        let t = format!("{fr_head}{fr_body}{line}\n\n{fr_body2}");
        println!(
            "emoji2 {line:?}: body={} reason={:?}",
            body_of(&t).contains(line),
            reason_of(&t, line)
        );
    }
    // names-changed mid-article short paragraph at the end; with a final quote.
    check(
        "prenom-modifie-end",
        format!(
            "{fr_head}{fr_body}Le prénom a été modifié à l'état civil en 2019, raconte-t-elle.\n"
        ),
        &["Le prénom a été modifié"],
        Some("Anne Roy"),
    );
    // Essai as a books site's rubric, with a crumb.
    let books = format!(
        "Lire & Relire\n\nAccueil > Essai\n\nLe siècle des cartographes\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{fr_body}"
    );
    println!(
        "accueil>essai: section={:?}",
        zone_article(&books, None).section
    );
    let books = format!(
        "Lire & Relire\n\nCritique\n\nLe siècle des cartographes\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{fr_body}"
    );
    println!(
        "critique-rubric(old badge): section={:?}",
        zone_article(&books, None).section
    );
    for line in [
        "Ramadan : lundi 11 mars 2024",
        "Le temps du 12 mars 2024",
        "Rabi, 12 mars 2024",
    ] {
        println!(
            "dateline() {line:?} = {:?}",
            crate::dates::dateline(line).map(|(d, r)| (d.to_string(), r))
        );
    }
    // a caption under a paragraph that the page repeats (a standfirst again as the first paragraph).
    let p1 = "Le conseil municipal a adopté lundi soir la réforme des rythmes scolaires, après trois heures de débat.";
    let t = format!(
        "Le Journal du Val\n\nSociété\n\nLe conseil municipal vote la réforme\n\n{p1}\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{p1}\n\nLe maire devant la halle, lundi\n\n{fr_body2}{fr_body}"
    );
    println!(
        "caption-after-repeat: reason={:?}",
        reason_of(&t, "Le maire devant")
    );
    fails.extend(fails2);
    for f in &fails {
        println!("FAIL {f}");
    }
    assert!(fails.is_empty(), "{fails:#?}");
}

/// A kicker between a breadcrumb and the headline is a topic, not the
/// section (the crumb's last element is), unless the crumb only says
/// "news"; a rating under a headline that recurs in the other pages'
/// rails of reviews leaves the headline the title, and a rating is never
/// the section.
#[test]
fn a_kicker_under_a_crumb_and_a_rating_under_a_recurring_headline() {
    let body = "La caserne a reçu l'appel peu après minuit et trois engins sont partis aussitôt vers le hameau.\n\n\
        Les pompiers ont protégé les maisons voisines pendant que le feu gagnait la charpente de la grange.\n\n\
        Le maire est venu sur place au petit matin pour proposer un logement à la famille sinistrée.\n\n";
    let page = format!(
        "Centre de secours du Val\n\nAccueil > Actualités > Interventions\n\nFeu de grange\n\n\
         Une grange détruite par les flammes à Saint-Aubin-des-Prés\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{body}"
    );
    let z = zone_article(&page, None);
    assert_eq!(z.section.as_deref(), Some("Interventions"));
    assert_eq!(
        z.title.as_deref(),
        Some("Une grange détruite par les flammes à Saint-Aubin-des-Prés")
    );
    // A crumb that only says "news": the kicker names the section.
    let page = format!(
        "Centre de secours du Val\n\nAccueil / Actualités\n\nPrévention\n\n\
         Une grange détruite par les flammes à Saint-Aubin-des-Prés\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n{body}"
    );
    assert_eq!(
        zone_article(&page, None).section.as_deref(),
        Some("Prévention")
    );

    let titles = [
        "Chez Lucette, le bouillon qui ne ment pas",
        "Le Petit Fenouil : une cuisine de marché sans chichis",
        "Au Vieux Four, la pizza prend son temps",
    ];
    let make = |k: usize| {
        let others: String = (0..3)
            .filter(|&j| j != k)
            .map(|j| format!("{}\n\n", titles[j]))
            .collect();
        format!(
            "La Fourchette du Val\n\nAccueil > Restaurants > Bistrots\n\n{}\n\nNote : {}/20\n\n\
             Une adresse de quartier où l'on mange bien pour {} euros, sans réserver des semaines à l'avance.\n\n\
             Par Anne Roy\n\nPublié le {} mars 2024\n\n\
             La salle est petite et bruyante, mais le service est rapide et le pain vient du boulanger voisin.\n\n\
             Le plat du jour change chaque midi et la carte des desserts tient sur une ardoise près du bar.\n\n\
             Nos autres critiques\n\n{others}",
            titles[k],
            13 + k,
            20 + k,
            4 + k,
        )
    };
    let pages: Vec<String> = (0..3).map(make).collect();
    let counts = counted(&pages);
    let recurrence = recurring(&counts, 0.2);
    let z = zone_article(&pages[0], Some(recurrence));
    assert_eq!(z.title.as_deref(), Some(titles[0]));
    assert_eq!(z.section.as_deref(), Some("Bistrots"));
}

/// A sentence of running text that three of four pages of a site repeat
/// (a union's slogan closing its posts) stays in the body; a short line
/// in as many pages is the site's; an agency alone under a standfirst and
/// over the date is the byline.
#[test]
fn a_sentence_three_pages_share_and_an_agency_under_a_standfirst() {
    let slogan = "Nous ne laisserons pas dégrader nos conditions de travail sans réagir.";
    let make = |k: usize| {
        let closing = if k < 3 {
            format!("{slogan}\n\n")
        } else {
            String::new()
        };
        format!(
            "Le Fil syndical\n\nAdhérer\n\nUn titre numéro {k} pour ce communiqué du syndicat\n\n\
             Le syndicat appelle les salariés du site numéro {k} à se réunir jeudi devant la direction.\n\n\
             AFS\n\nIl y a 5 heures\n\nPublié le {} mars 2024\n\n\
             Les représentants du personnel ont été reçus deux heures sans obtenir de réponse sur les salaires.\n\n\
             La direction a promis une nouvelle réunion avant la fin du mois numéro {k}, sans donner de date.\n\n\
             {closing}Nous suivre sur les réseaux\n\n",
            3 + k,
        )
    };
    let pages: Vec<String> = (0..4).map(make).collect();
    let counts = counted(&pages);
    let recurrence = recurring(&counts, 0.2);
    let z = zone_article(&pages[0], Some(recurrence));
    assert_eq!(z.byline.as_deref(), Some("AFS"));
    let body = texts(&zones(&pages[0], Some(recurrence)), "body").join("\n");
    assert!(body.ends_with(slogan), "{body}");
    assert!(!body.contains("Nous suivre"), "{body}");
}

/// A link to a clip with its length inside the text, and a review's note
/// that the critic came unannounced and paid, are the site's.
#[test]
fn a_clip_link_in_the_text_and_a_critics_visit_note() {
    let page = "Le Guide du Val\n\nAccueil > Restaurants > Bistrots\n\nAu Vieux Four, la pizza prend son temps\n\n\
        Par Anne Roy\n\nPublié le 3 avril 2024\n\n\
        Visite anonyme le 28 mars 2024, addition payée par la rédaction.\n\n\
        La pâte repose trois jours avant d'entrer dans le four à bois que le patron a construit lui-même, brique par brique.\n\n\
        Regarder : le pizzaïolo au travail (3 min)\n\n\
        La carte tient en six pizzas, dont une blanche aux cèpes et à la crème qui vaut à elle seule le voyage depuis la ville.\n\n\
        Le tiramisu, servi dans un bocal, est copieux sans être lourd et coûte sept euros.\n";
    let z = zones(page, None);
    let body = texts(&z, "body").join("\n");
    assert!(body.starts_with("La pâte repose"), "{body}");
    assert!(!body.contains("Regarder"), "{body}");
    assert!(!body.contains("Visite anonyme"), "{body}");
    assert!(body.ends_with("sept euros."), "{body}");
    // In the text, such words are the text.
    let page = page.replace(
        "Regarder : le pizzaïolo au travail (3 min)",
        "Regarder le pizzaïolo au travail est un spectacle qui dure bien trois minutes.",
    );
    let body = texts(&zones(&page, None), "body").join("\n");
    assert!(body.contains("Regarder le pizzaïolo"), "{body}");
}

/// Boxes no known heading names, told by their shape: bullet points under
/// a box's heading, a box of short "Label : value" figures; bullets the
/// text introduces ("Nous demandons :") or under an intertitle of the
/// text stay in the body, as do the sentences after a box.
#[test]
fn boxes_of_points_and_figures_and_the_text_after_them() {
    let head = "Centre de secours du Val\n\nAccueil > Actualités > Interventions\n\n\
        Une grange détruite par les flammes à Saint-Aubin-des-Prés\n\nPar Anne Roy\n\nPublié le 3 avril 2024\n\n\
        La caserne a reçu l'appel peu après minuit et trois engins sont partis aussitôt vers le hameau du Bourg.\n\n\
        Les pompiers ont protégé les maisons voisines pendant que le feu gagnait la charpente de la grange.\n\n";
    let page = format!(
        "{head}Bilan de l'intervention\n\nEngins engagés : 6\n\nSapeurs-pompiers : 22\n\nDurée : 3 h 15\n\n\
         Le maire est venu sur place au petit matin pour proposer un logement à la famille sinistrée du hameau.\n\n\
         Les bons réflexes\n\n• Faites ramoner vos conduits deux fois par an.\n\n• Installez un détecteur de fumée par étage.\n\n\
         Une enquête doit déterminer l'origine exacte du sinistre, probablement un conduit mal entretenu.\n\n\
         Merci aux voisins.\n"
    );
    let body = texts(&zones(&page, None), "body").join("\n");
    for gone in [
        "Bilan de",
        "Engins",
        "Durée",
        "Les bons réflexes",
        "• Faites",
        "• Installez",
    ] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert!(body.contains("Le maire est venu"), "{body}");
    assert!(body.ends_with("Merci aux voisins."), "{body}");
    // Bullets the text introduces, or under an intertitle, are the text.
    let page = format!(
        "{head}Nos revendications sont simples et nous les porterons jusqu'au bout :\n\n\
         • la réouverture des onze lits fermés ;\n\n• le recrutement de huit infirmières.\n\n\
         Évolution prévue\n\n• Vents : rafales de 90 km/h en plaine à partir de 14 heures, plus sur les crêtes.\n\n\
         • Pluies : cumuls de 30 à 50 mm sur les reliefs exposés, localement davantage.\n\n\
         Une enquête doit déterminer l'origine exacte du sinistre, probablement un conduit mal entretenu.\n"
    );
    let body = texts(&zones(&page, None), "body").join("\n");
    // (The intertitle itself is the line model's to judge.)
    for kept in [
        "• la réouverture",
        "• le recrutement",
        "• Vents",
        "• Pluies",
    ] {
        assert!(body.contains(kept), "{kept}: {body}");
    }
}

/// A post signed after the text on behalf of a body gives the name
/// between the commas; a body signing alone gives itself; a strip of
/// fields under the headline ("Intervention du … · Commune : X") is no
/// standfirst.
#[test]
fn signatures_on_behalf_of_a_body_and_a_strip_of_fields_under_the_headline() {
    let text = "Le Fil syndical\n\nAccueil > Actualités > Santé\n\n\
        Grève aux urgences de l'hôpital de Valmorin à partir du 21 mars\n\n\
        Intervention du 30 avril 2024 à 20h05 · Communes : Roquebrune, Vernet\n\n\
        Publié le 14/03/2024\n\n\
        Les personnels des urgences ont voté la grève reconductible lors d'une assemblée générale très suivie.\n\n\
        La direction a fermé onze lits de médecine, faute d'infirmières pour les faire tourner cet hiver.\n\n\
        Les soins urgents seront bien sûr assurés pendant toute la durée du mouvement, a précisé le syndicat.\n\n";
    let signed = format!(
        "{text}Pour le syndicat Santé-Social, Martine Dorval, secrétaire générale\n\n#Hôpital #Grève\n"
    );
    let z = zone_article(&signed, None);
    assert_eq!(z.byline.as_deref(), Some("Martine Dorval"));
    assert!(
        texts(&zones(&signed, None), "lede").is_empty(),
        "{:?}",
        zones(&signed, None)
    );
    let collective = format!("{text}Le bureau fédéral\n\n#Hôpital #Grève\n");
    assert_eq!(
        zone_article(&collective, None).byline.as_deref(),
        Some("Le bureau fédéral")
    );
    // A sentence about a body is no signature, nor a body's name in the text.
    let sentence = format!("{text}Le bureau fédéral se réunira jeudi.\n\n#Hôpital #Grève\n");
    assert_eq!(zone_article(&sentence, None).byline, None);
}

/// The text's last short sentences, one under another, stay in the body
/// down to the newsletter box; a question to the reader under them does not.
#[test]
fn the_last_short_sentences_of_a_text_one_under_another() {
    let head = "The Valley Champion\n\nFarming > Marts\n\n\
        Weanling prices climb at the Kilbeg mart as buyers return in numbers\n\nBy Ann Lowe\n\n12 March 2024\n\n\
        Prices for weanlings rose sharply at Kilbeg on Tuesday, with the best bullocks making well over the odds.\n\n\
        Buyers from three counties filled the ring, and the yard was cleared before the last lots were called.\n\n\
        Advertisement\n\nDry cows sold from €1.80 to €2.45/kg.\n\n\
        The county council has been contacted for comment.\n\nThe next sale takes place on Thursday, July 4.\n\n";
    let page = format!(
        "{head}Sign up for our morning newsletter: the local news in your inbox at 7am.\n\nSign up\n"
    );
    let body = texts(&zones(&page, None), "body").join("\n");
    assert!(body.ends_with("on Thursday, July 4."), "{body}");
    let page = format!(
        "{head}Spotted a mistake? Tell the newsroom by email.\n\nSign up for our morning newsletter: the local news in your inbox at 7am.\n\nSign up\n"
    );
    let body = texts(&zones(&page, None), "body").join("\n");
    assert!(!body.contains("Spotted"), "{body}");
}

proptest::proptest! {
    /// A bio's name is found in the first 50 bytes of its line as in the whole line.
    #[test]
    fn bio_names_are_found_in_the_line_s_head(
        text in "(Ann|Poe|é|’| is a | is an | is the | est | is based |reporter|x{1,12}| ){0,16}"
    ) {
        proptest::prop_assert_eq!(
            bio_name_of(crate::boilerplate::head(&text, BIO_NAME_BYTES + 10)),
            bio_name_of(&text)
        );
        proptest::prop_assert_eq!(bio_name_of(&text), bio_name_searched(&text));
    }
}
