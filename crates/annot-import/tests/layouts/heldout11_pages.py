"""The eleventh held-out set of the layout sample: four kinds of site that
the seventy-four earlier layouts do not have (all French; four English
ones were planned and not written by the deadline), written before any work on
them and only ever scored as a whole (written at main's commit ea3a814).
`make_pages.py` writes them into `heldout11/` with the rest. Its author read
the opening of the layouts README (the gold conventions and the layout
table), its headings, its section "The tenth held-out set" (not the figures
after it), `make_pages.py` (its docstring, helpers, its first tuning layout
and its `LAYOUTS` end, `write`/`main`), `heldout10_pages.py` in full, the
diff of the commit that registered `heldout10/` in `make_pages.py` and
`tests/layouts.rs` (09e924c; its pages not opened) and, to register the
split, `tests/layouts.rs` (its doc comments and constants); not the
importer's source, nor the pages or gold files of any earlier set, nor the
README's sections on the rounds of tuning or scoring.

Gold conventions are the earlier sets' (see the README and
`heldout10_pages.py`): the title is the headline, the lede the standfirst
(null where there is none), the byline the author's name(s) as they stand
without "Par"/"By" and without a role or a place ("X et Y", "X and Y" for
two), an agency alone as it stands, a collective signature as it stands,
the date the first publication (never an update stamp, a relative time, a
widget's date, an event's date or a date inside the body), the section the
category over the headline or the last crumb of a breadcrumb (never a
badge), and the body the paragraphs of the article exactly as the lines
stand. New here:

- A ski resort's local bulletin: the snow and lift strip ("Enneigement au
  28/06/2024 : …") and the avalanche-risk line are furniture, the strip's
  date never the date; the rubric over the headline ("Sécurité", "Vie de
  la station") is the section; "Jean-Baptiste Rollin, correspondant à
  Val-Chaudière" gives the name; "Édition du jeudi 22 février 2024" is the
  date, "Mis à jour ce matin à 7 h 30" never; the "Infos pratiques" box
  (hours, prices, an opening date) and the "Agenda de la station" after the
  text are not body, and the box's dates are never the date.
- A wine-trade magazine: the bulk-price strip ("Cours du vrac : …") is
  furniture; "Accueil › Vignoble › Viticulture" (the last crumb is the
  section); "Par X, à Saint-Gély-des-Vignes" gives X, "Propos recueillis
  par X" gives X; the "Notre dégustation" box (wines, marks /20, prices)
  and "Publicité" and "Lire aussi :" inside the body are not body; the
  legal health warning at the foot ("L'abus d'alcool est dangereux pour la
  santé, …") is furniture, while a body sentence quoting it is body; the
  interview's questions are body.
- A cycling race site: the live strip ("EN DIRECT · … km 112/176 …") is
  furniture; the last crumb is the section ("Tour du Val d'Orbe",
  "Féminines", "Équipes", "Cyclo-cross"); the results box ("Classement de
  l'étape", "1. X (team) …", "Abandons : …") and the record box are not
  body, nor is "Prochaine étape : jeudi 13 juin · …" (never the date);
  "Par X, envoyé spécial au col de la Vaure" gives X; a body paragraph
  opening with a figure ("12 secondes. C'est …") is body.
- A regional health authority's alerts: the emergency-numbers line and the
  audience switcher ("Vous êtes : …") are furniture; a "Rappel de produit"
  / "Alerte" / "Information" badge is not the section (the last crumb is);
  the product box ("Produits concernés", lots, "Date limite de
  consommation : du 28/03/2024 au …") and the "Que faire si vous avez
  acheté ce produit ?" box and "Les bons gestes" with its "•" lines are not
  body, and their dates are never the date; a release with no author has a
  null byline; "La direction de la santé publique" signed after the text is
  the byline as it stands; "Par X, pharmacien inspecteur de santé
  publique" and a name with "Ingénieure d'études sanitaires" under it give
  the name; "Date de publication : 18 avril 2024 · Dernière mise à jour :
  …" gives the first.

Every article, name, place of event, quote and figure is invented for this
project; the sites and the places are fictional.
"""

from make_pages import Page, article, dedupe, interleave


# --------------------------------------------------------------------------
# A ski resort's local bulletin: the snow and lift strip and the avalanche
# line, the rubric over the headline (the section), "Par X" / "X,
# correspondant à Y" / "Par X et Y", "Publié le …" / "Édition du …" /
# "Mis à jour ce matin …" over "Publié le …" / "Il y a 1 jour" over "Le …",
# "Publicité" and an "Infos pratiques" box inside the text, the agenda after.
# --------------------------------------------------------------------------

def cimes(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "L'Écho des Cimes",
            "Le journal de Val-Chaudière",
            "Enneigement au 28/06/2024 : station fermée · 0 cm en bas · 35 cm au sommet · Ouverture des remontées d'été le 6 juillet",
            "Risque d'avalanche : 1 (faible) · Webcams · Météo des pistes",
            "Forfaits  Hébergement  Activités  Agenda  Webcams  Actualités  Espace saisonniers",
            a["section"],
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        lines.append(a["caption"])
        lines += interleave(a["body"], {1: ["Publicité"], a["infos_at"]: ["Infos pratiques"] + a["infos"]})
        lines += ["Partager : Facebook · WhatsApp · Courriel",
                  "Agenda de la station"] + a["agenda"]
        lines += ["Office de tourisme de Val-Chaudière · Maison de la station · 73999 Val-Chaudière",
                  "L'Écho des Cimes est édité par l'office de tourisme. Mentions légales · Contact"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), crlf=(i == 0), cp1252=(i == 2)))
    return pages


CIMES_SHARED = "Renseignements à l'office de tourisme, ouvert tous les jours de 9 heures à 18 heures."

CIMES = [
    article(
        "Déclenchement préventif : la Combe Noire fermée toute la matinée",
        "Après 70 centimètres de neige fraîche en deux jours, les artificiers de la station ont purgé les pentes au-dessus de la piste noire. Aucune coulée n'a atteint le domaine ouvert.",
        "Mathilde Grosjean", "2024-01-16", "Sécurité",
        [
            "Il était 7 h 40 mardi quand la première charge a explosé sous l'arête des Trois-Becs. En quelques secondes, une plaque de près de deux cents mètres de large s'est détachée et a glissé jusqu'au replat, loin au-dessus de la piste.",
            "Les pisteurs-artificiers de Val-Chaudière ont procédé à six tirs en tout, depuis l'hélicoptère et depuis les deux dispositifs fixes installés l'an dernier au-dessus de la Combe Noire.",
            "— On a entendu la détonation depuis le télésiège, on savait que c'était prévu, mais ça impressionne quand même, raconte Élodie, monitrice à l'école de ski.",
            "La piste noire et le téléski du Grand-Plan sont restés fermés jusqu'à midi, le temps de vérifier que la neige restante était stabilisée.",
            "Par ailleurs, le service des pistes rappelle que le hors-piste reste fortement déconseillé tant que le risque est marqué au-dessus de 2 000 mètres.",
            "Le bulletin d'estimation du risque d'avalanche est affiché chaque soir au pied des remontées.",
            "Aucune coulée n'a atteint le domaine ouvert.",
        ],
        slug="combe-noire-declenchement",
        byline_lines=["Par Mathilde Grosjean"],
        date_lines=["Publié le 16/01/2024 à 11h20"],
        caption="Un tir préventif sous l'arête des Trois-Becs. Photo © Service des pistes de Val-Chaudière",
        infos_at=3,
        infos=["Bulletin d'avalanche : affiché chaque jour à 17 h au pied des remontées", "Secours sur pistes : composez le 112",
               "Prochaine ouverture de la Combe Noire : selon les conditions"],
        agenda=["Samedi 20 janvier · Descente aux flambeaux des moniteurs", "Mercredi 24 janvier · Initiation DVA gratuite, front de neige"],
    ),
    article(
        "Le nouveau télésiège des Aiguillettes inauguré après deux ans de travaux",
        "L'appareil à six places remplace deux vieux téléskis et met le sommet à sept minutes du village. Coût du chantier : 14,2 millions d'euros.",
        "Jean-Baptiste Rollin", "2024-02-22", "Vie de la station",
        [
            "Il y avait foule jeudi matin au pied des Aiguillettes pour le premier départ du nouveau télésiège, sous un ciel d'un bleu parfait.",
            "L'appareil, débrayable et équipé de bulles de protection, transporte 2 800 skieurs par heure jusqu'au col de la Lauze, à 2 412 mètres d'altitude. Il remplace les téléskis du Lauzet et de la Crête, construits en 1971.",
            "« C'est l'investissement le plus lourd de l'histoire de la station, mais il nous permettra de skier en haut même les hivers où le bas manque de neige », a expliqué le maire, Gérard Vuillermoz, en coupant le ruban.",
            "Le chantier a été financé par la commune, la régie des remontées mécaniques et, pour 3 millions d'euros, par la région.",
            "Les moniteurs de l'école de ski ont été les premiers à l'essayer. ⛷️",
            "Par ailleurs, le télésiège fonctionnera aussi l'été, pour les randonneurs et les vététistes, à partir du 6 juillet.",
            CIMES_SHARED,
        ],
        slug="telesiege-aiguillettes",
        byline_lines=["Jean-Baptiste Rollin, correspondant à Val-Chaudière"],
        date_lines=["Édition du jeudi 22 février 2024"],
        caption="Le premier départ du télésiège des Aiguillettes. Photo © J.-B. Rollin",
        infos_at=4,
        infos=["Horaires : de 8 h 45 à 16 h 45", "Forfait journée : 46 € · Piétons : 12 € l'aller-retour",
               "Ouverture été : samedi 6 juillet 2024"],
        agenda=["Samedi 24 février · Slalom des enfants du pays", "Mardi 27 février · Concert au sommet des Aiguillettes"],
    ),
    article(
        "Le refuge du lac Blanc rouvre avec une nouvelle gardienne",
        None,
        "Sophie Arvieux et Loïc Mermoud", "2024-05-02", "Été",
        [
            "Après trois saisons sans gardien, le refuge du lac Blanc, perché à 2 150 mètres au-dessus de Val-Chaudière, rouvrira ses portes le 15 juin.",
            "La commune, propriétaire du bâtiment, a retenu la candidature de Nadège Favre, 34 ans, accompagnatrice en montagne et ancienne gardienne d'un refuge du Queyras.",
            "« Je veux que ce soit une maison ouverte, où l'on peut venir boire un café sans avoir réservé une nuit », explique-t-elle.",
            "Le refuge compte trente-deux places en dortoir. Les repas seront préparés avec des produits des alpages voisins, dont le beaufort de la coopérative du Lauzet.",
            "Les randonneurs pourront lire aussi, dans la salle commune, les carnets laissés par les gardiens successifs depuis 1958.",
            CIMES_SHARED,
            "Le sentier depuis le hameau des Granges demande environ deux heures de marche.",
        ],
        slug="refuge-lac-blanc",
        byline_lines=["Par Sophie Arvieux et Loïc Mermoud"],
        date_lines=["Mis à jour ce matin à 7 h 30", "Publié le jeudi 2 mai 2024"],
        caption="Le refuge du lac Blanc, fermé depuis 2021. Photo © Office de tourisme de Val-Chaudière",
        infos_at=3,
        infos=["Ouverture : du samedi 15 juin au dimanche 22 septembre 2024", "Nuitée et demi-pension : 62 €",
               "Réservation conseillée le week-end"],
        agenda=["Samedi 15 juin · Montée inaugurale au refuge", "Dimanche 30 juin · Fête des alpages au Lauzet"],
    ),
    article(
        "Logement des saisonniers : 48 studios en chantier au Pré-Rond",
        "Faute de logements, la station a dû refuser des candidats l'hiver dernier. La résidence doit être livrée pour la saison prochaine.",
        "Mathilde Grosjean", "2024-06-27", "Saisonniers",
        [
            "Les engins ont commencé à creuser au lieu-dit du Pré-Rond, en contrebas du village : c'est là que s'élèvera, d'ici décembre, la première résidence réservée aux travailleurs saisonniers de Val-Chaudière.",
            "Elle comptera quarante-huit studios de 18 à 24 mètres carrés, loués entre 290 et 360 euros par mois, charges comprises.",
            "L'hiver dernier, plusieurs restaurants et la régie des remontées ont dû renoncer à des recrutements, faute de logement à proposer.",
            "— J'ai dormi trois semaines dans ma voiture en décembre, avant de trouver une colocation à quarante minutes d'ici, témoigne Kévin, perchman depuis quatre hivers.",
            "La résidence sera reliée au front de neige par la navette gratuite.",
            "Par ailleurs, la commune étudie la transformation de l'ancienne colonie de vacances des Sorbiers en logements pour les familles de saisonniers.",
            "Les candidatures pour l'hiver prochain ouvriront en septembre. 🏔️",
        ],
        slug="logement-saisonniers",
        byline_lines=["Par Mathilde Grosjean"],
        date_lines=["Il y a 1 jour", "Le 27 juin 2024 à 18:00"],
        caption="Le chantier du Pré-Rond, en contrebas du village. Photo © M. Grosjean",
        infos_at=2,
        infos=["Livraison prévue : décembre 2024", "Loyers : de 290 à 360 € par mois, charges comprises",
               "Dossiers : Espace saisonniers, mairie de Val-Chaudière"],
        agenda=["Samedi 6 juillet · Ouverture des remontées d'été", "Dimanche 14 juillet · Feu d'artifice sur le lac"],
    ),
]


# --------------------------------------------------------------------------
# A wine-trade magazine: the bulk-price strip, "Accueil › Marchés › Export"
# (the last crumb is the section), "Par X" / "Par X, à Y" / "Propos
# recueillis par X" / "Par X et Y", a tasting box, "Publicité" and "Lire
# aussi :" inside the body, tags, the legal health warning at the foot.
# --------------------------------------------------------------------------

def negoce(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "La Revue du Négoce",
            "Le magazine des professionnels du vin et des spiritueux",
            "Cours du vrac : Bordeaux rouge 1 080 €/tonneau (-3 %) · Côtes-du-Rhône 128 €/hl (=) · IGP Pays de Valmagne rosé 96 €/hl (+2 %)",
            "Vignoble  Marchés  Négoce  Distribution  Export  Dégustations  Emploi  S'abonner",
            "Accueil › " + " › ".join(a["crumbs"]),
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        lines.append(a["caption"])
        inserts = {1: ["Publicité"], 3: [f"Lire aussi : {a['related']}"]}
        if a.get("tasting"):
            inserts.setdefault(a["tasting_at"], [])
            inserts[a["tasting_at"]] = inserts[a["tasting_at"]] + ["Notre dégustation"] + a["tasting"]
        lines += interleave(a["body"], inserts)
        lines += ["Mots-clés : " + a["tags"],
                  "Partager sur LinkedIn · X · Courriel",
                  "Sur le même sujet", a["more"][0], a["more"][1],
                  "Annonces légales · Offres d'emploi · Annuaire des courtiers",
                  "L'abus d'alcool est dangereux pour la santé, à consommer avec modération.",
                  "© La Revue du Négoce 2024 · Tous droits réservés"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), bom=(i == 1), cp1252=(i == 3)))
    return pages


NEGOCE_SHARED = "Les chiffres définitifs des douanes pour le premier semestre seront publiés à la fin du mois d'août."

NEGOCE = [
    article(
        "Export : les vins tranquilles reculent de 9 % aux États-Unis en janvier",
        "La hausse des stocks chez les importateurs américains pèse sur les commandes. Les rouges de milieu de gamme sont les plus touchés.",
        "Hélène Baudry", "2024-03-05", None,
        [
            "Les expéditions de vins tranquilles vers les États-Unis ont reculé de 9 % en volume en janvier par rapport au même mois de 2023, selon les chiffres provisoires de la fédération des exportateurs.",
            "En valeur, la baisse est un peu moins marquée, à 6 %, grâce à la bonne tenue des appellations les plus chères.",
            "« Les importateurs ont acheté massivement avant l'été dernier, par peur d'une hausse des droits de douane. Ils écoulent maintenant leurs stocks », explique Marc Servoz, directeur export d'une maison de négoce de Beaune.",
            "Les rouges vendus entre 10 et 20 dollars en rayon sont les plus touchés. Les rosés et les effervescents, au contraire, progressent légèrement.",
            "Par ailleurs, le Canada et le Japon compensent en partie le recul américain, avec des hausses respectives de 4 % et 7 %.",
            NEGOCE_SHARED,
            "La fédération attend un redressement au deuxième trimestre.",
        ],
        slug="export-etats-unis", crumbs=["Marchés", "Export"],
        byline_lines=["Par Hélène Baudry"],
        date_lines=["Le 05/03/2024 à 07:00"],
        caption="Des palettes en attente d'embarquement au port de Fos. © La Revue du Négoce",
        related="Droits de douane : ce que prévoit l'accord transatlantique",
        tags="Export, États-Unis, vins tranquilles",
        more=["Gel : jusqu'à 60 % de bourgeons perdus dans les Costières de Valmagne", "Foires aux vins : les enseignes misent sur les petits prix"],
    ),
    article(
        "Gel : dans les Costières de Valmagne, jusqu'à 60 % de bourgeons perdus",
        "Deux nuits à -4 °C ont frappé les parcelles de bas de coteau, où la vigne avait débourré avec deux semaines d'avance.",
        "Antoine Vidalenc", "2024-04-18", None,
        [
            "À Saint-Gély-des-Vignes, Laurent Cabanis passe ses doigts sur un sarment noirci. « Regardez : tout ce qui était sorti est grillé. Il faudra attendre les contre-bourgeons », soupire le vigneron.",
            "Les nuits du 14 et du 15 avril, le thermomètre est descendu à -4 °C dans les bas-fonds des Costières de Valmagne. Sur les coteaux, la température est restée au-dessus de zéro.",
            "Selon un premier recensement de la chambre d'agriculture, 2 300 hectares sont touchés, dont 700 à plus de 60 %.",
            "Les bougies et les tours antigel n'ont protégé qu'une petite partie du vignoble. Leur coût, près de 2 000 euros par hectare et par nuit, les réserve aux parcelles les plus chères.",
            "— On a allumé à 2 heures du matin, on a éteint à 8 heures, et on a quand même perdu un tiers, raconte un jeune viticulteur de Cazouls.",
            "Le syndicat de l'appellation demande l'activation du régime des calamités agricoles. 🍇",
            "Une nouvelle estimation sera faite début mai.",
        ],
        slug="gel-costieres-valmagne", crumbs=["Vignoble", "Viticulture"],
        byline_lines=["Par Antoine Vidalenc, à Saint-Gély-des-Vignes"],
        date_lines=["Publié le jeudi 18 avril 2024 à 11:30"],
        caption="Des bourgeons grillés par le gel dans une parcelle de grenache. © Antoine Vidalenc",
        related="Assurance récolte : seuls 30 % des vignerons sont couverts",
        tags="Gel, Costières de Valmagne, calamités agricoles",
        more=["Export : les vins tranquilles reculent aux États-Unis", "Maître de chai : « Le bag-in-box n'est plus un gros mot »"],
    ),
    article(
        "Isabelle Castagnède : « Le bag-in-box n'est plus un gros mot »",
        "La maître de chai de la maison Castagnède, à Lanzac, explique pourquoi elle consacre désormais un quart de sa production aux grands contenants.",
        "Grégoire Lamothe", "2024-06-03", None,
        [
            "Vous mettez en bag-in-box des vins que vous vendiez autrefois en bouteille. Pourquoi ce choix ?",
            "Parce que nos clients nous le demandent. Les restaurants veulent servir au verre sans perdre de vin, et les particuliers ne veulent plus ouvrir une bouteille un mardi soir pour un seul verre.",
            "Ce n'est pas une façon de déclasser vos vins ?",
            "C'est ce que tout le monde pensait il y a dix ans. Aujourd'hui, nous y mettons notre cuvée des Remparts, la même qu'en bouteille, et personne ne s'en plaint.",
            "— Et le bilan carbone ?",
            "Il est bien meilleur. Une outre de trois litres pèse dix fois moins que quatre bouteilles, et le transport représente chez nous près de la moitié des émissions.",
            "« On ne revient pas en arrière », disait mon père à propos du tracteur. Je crois que c'est pareil ici.",
            "Quelle part de votre production à terme ?",
            "Un tiers, peut-être. Pas plus : la bouteille reste indispensable pour les vins de garde.",
        ],
        slug="castagnede-bag-in-box", crumbs=["Négoce", "Entretiens"],
        byline_lines=["Propos recueillis par Grégoire Lamothe"],
        date_lines=["Il y a 6 heures", "Publié le 3 juin 2024"],
        caption="Isabelle Castagnède dans le chai de la maison, à Lanzac. © Maison Castagnède",
        related="Grands contenants : le marché a doublé en cinq ans",
        tasting_at=5,
        tasting=["Maison Castagnède, Cuvée des Remparts 2021 · 16,5/20 · 24 € HT",
                 "Maison Castagnède, Cuvée des Remparts 2021, BIB 3 l · 16/20 · 39 € HT"],
        tags="Bag-in-box, entretien, Lanzac",
        more=["Gel : jusqu'à 60 % de bourgeons perdus", "Foires aux vins : les enseignes misent sur les petits prix"],
    ),
    article(
        "Foires aux vins d'automne : les enseignes misent sur les petits prix",
        "Les acheteurs de la grande distribution bouclent leurs catalogues. Les prix moyens baisseraient de 4 %, au détriment des vignerons.",
        "Hélène Baudry et Grégoire Lamothe", "2024-07-09", None,
        [
            "Dans les bureaux des centrales d'achat, les catalogues des foires aux vins de septembre sont presque bouclés. Et le mot d'ordre est clair : le prix.",
            "Selon plusieurs courtiers interrogés par La Revue du Négoce, le prix moyen des bouteilles mises en avant baisserait de 4 % par rapport à l'an dernier.",
            "« On nous demande du bordeaux à 4,90 euros en rayon. À ce prix-là, personne ne gagne sa vie dans la chaîne », s'agace un négociant du Libournais.",
            "Les enseignes, de leur côté, invoquent le pouvoir d'achat de leurs clients et la baisse de la consommation, de 2 % par an en moyenne depuis dix ans.",
            "Les catalogues devront porter, comme chaque année, la mention « L'abus d'alcool est dangereux pour la santé », dont la taille minimale a été précisée par un décret de février.",
            "Par ailleurs, deux enseignes ont annoncé qu'elles réduiraient de moitié le nombre de références proposées.",
            NEGOCE_SHARED,
        ],
        slug="foires-aux-vins", crumbs=["Distribution", "Grande distribution"],
        byline_lines=["Par Hélène Baudry et Grégoire Lamothe"],
        date_lines=["09/07/2024 · Mis à jour le 10/07/2024 à 16:05"],
        caption="Le rayon vins d'un hypermarché de la périphérie bordelaise. © La Revue du Négoce",
        related="Consommation : le vin rouge recule, le blanc résiste",
        tags="Foires aux vins, grande distribution, prix",
        more=["Export : les vins tranquilles reculent aux États-Unis", "Maître de chai : « Le bag-in-box n'est plus un gros mot »"],
    ),
]


# --------------------------------------------------------------------------
# A cycling race site: the live strip, "Accueil > Courses > Tour du Val
# d'Orbe" (the last crumb is the section), "Par X, envoyé spécial au Y" /
# "Par X" / "Par X et Y", a results box (or a record box) inside the text,
# "Publicité" and "À lire aussi" inside the body, the next stage after it,
# readers' comments.
# --------------------------------------------------------------------------

def peloton(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Peloton Direct",
            "EN DIRECT · Tour du Val d'Orbe, étape 6 · km 112/176 · Échappée : 3 coureurs à 2 min 14 s",
            "Courses  Résultats  Classements  Équipes  Transferts  Vidéos  Pronostics",
            "Accueil > " + " > ".join(a["crumbs"]),
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        lines.append(a["caption"])
        inserts = {2: ["Publicité"], 4: ["À lire aussi", a["related"]]}
        inserts[a["box_at"]] = inserts.get(a["box_at"], []) + a["box"]
        lines += interleave(a["body"], inserts)
        lines += a.get("next", [])
        lines += [f"Commentaires ({len(a['comments'])})"]
        for who, what in a["comments"]:
            lines += [who, what]
        lines += ["Les plus lus", a["most"][0], a["most"][1],
                  "Peloton Direct · Qui sommes-nous · Publicité · Mentions légales"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), cp1252=(i == 0), crlf=(i == 3)))
    return pages


PELOTON_SHARED = "Le parcours détaillé et les horaires de passage sont disponibles sur le site de l'organisateur."

PELOTON = [
    article(
        "Tour du Val d'Orbe : Ferrandi s'impose au col de la Vaure et prend le maillot jaune",
        "Le grimpeur d'Altavia a lâché ses derniers rivaux à quatre kilomètres du sommet. Vogelaar limite les dégâts.",
        "Romain Estève", "2024-06-12", None,
        [
            "12 secondes. C'est l'avance avec laquelle Lucas Ferrandi a franchi la ligne au sommet du col de la Vaure, mercredi, au terme de la quatrième étape du Tour du Val d'Orbe.",
            "Le Corse d'Altavia a attendu les pentes à 11 % du dernier kilomètre de forêt pour placer son attaque. Seul Jens Vogelaar a tenté de le suivre, avant de céder sous la flamme rouge.",
            "— J'ai attaqué là où ça faisait le plus mal, parce que je savais que Jens était moins fort dans les passages raides, a expliqué Ferrandi dans l'aire d'arrivée.",
            "L'échappée du jour, partie dès le kilomètre 8, a été reprise au pied du col, après avoir compté jusqu'à six minutes d'avance.",
            "Par ailleurs, la course a été marquée par une chute massive à 60 kilomètres de l'arrivée, dans la descente du col de Sarraut. Yohan Peltier, touché à l'épaule, a dû abandonner.",
            PELOTON_SHARED,
            "Chapeau.",
        ],
        slug="ferrandi-col-de-la-vaure", crumbs=["Courses", "Tour du Val d'Orbe"],
        byline_lines=["Par Romain Estève, envoyé spécial au col de la Vaure"],
        date_lines=["Publié le 12/06/2024 à 18:47"],
        caption="Lucas Ferrandi lève les bras au sommet de la Vaure. (Photo : Peloton Direct / T. Marchal)",
        related="Tour du Val d'Orbe : le profil des étapes de montagne",
        box_at=1,
        box=["Classement de l'étape", "1. Lucas Ferrandi (Altavia) les 168,5 km en 4 h 12 min 05 s",
             "2. Jens Vogelaar (Nordkap) à 12 s", "3. Matteo Rinaldi (Serenissima) à 31 s",
             "Classement général", "1. Lucas Ferrandi (Altavia) en 22 h 41 min 18 s", "2. Jens Vogelaar (Nordkap) à 46 s",
             "Abandons : Yohan Peltier (chute), Bram De Smet (malade)"],
        next=["Prochaine étape : jeudi 13 juin · Vaure – Lanzac (192 km)"],
        comments=[("GrimpeurDu38", "Enfin un vrai grimpeur en jaune !"),
                  ("Sylvie R.", "Bon rétablissement à Peltier.")],
        most=["Transferts : Altavia prolonge Ferrandi jusqu'en 2027", "Flèche des Ardoisières : Camille Royer en solitaire"],
    ),
    article(
        "Flèche des Ardoisières : Camille Royer en solitaire",
        "La Bretonne a attaqué dans le dernier secteur pavé et résisté au retour du groupe des favorites sur les quinze derniers kilomètres.",
        "Nadia Benhamou", "2024-04-21", None,
        [
            "Camille Royer a remporté dimanche la Flèche des Ardoisières, sa première classique, avec 38 secondes d'avance sur un groupe de six coureuses.",
            "La coureuse d'Ardoise Cycling est partie seule dans le secteur pavé de la Carrière, à 17 kilomètres de l'arrivée, là où la course se joue presque chaque année.",
            "« Je me suis dit : si tu ne tentes pas maintenant, tu regretteras toute la saison », a-t-elle confié, les jambes encore couvertes de poussière d'ardoise.",
            "Derrière, les favorites se sont regardées. Le temps que l'équipe Nordkap organise la poursuite, l'écart dépassait déjà la minute.",
            "— Elle était plus forte que nous aujourd'hui, il n'y a rien à dire, a reconnu Inge Halvorsen, deuxième.",
            "C'est la première victoire d'une Française sur la Flèche depuis 2016. 🚴‍♀️",
            PELOTON_SHARED,
        ],
        slug="fleche-ardoisieres", crumbs=["Féminines"],
        byline_lines=["Par Nadia Benhamou"],
        date_lines=["Dimanche 21 avril 2024 - 19:30"],
        caption="Camille Royer dans le secteur de la Carrière. (Photo : Peloton Direct / L. Guéguen)",
        related="Classiques : le calendrier féminin du printemps",
        box_at=0,
        box=["Classement", "1. Camille Royer (Ardoise Cycling) les 142 km en 3 h 41 min 12 s",
             "2. Inge Halvorsen (Nordkap) à 38 s", "3. Giulia Ferro (Serenissima) m.t."],
        comments=[("Breizh_velo", "Fière de notre Camille !"),
                  ("Paul", "Le secteur de la Carrière, toujours décisif.")],
        most=["Tour du Val d'Orbe : Ferrandi prend le maillot jaune", "Cyclo-cross : Vannier sacré dans la boue"],
    ),
    article(
        "Transferts : Altavia prolonge Ferrandi jusqu'en 2027",
        None,
        "Romain Estève et Nadia Benhamou", "2024-07-01", None,
        [
            "Lucas Ferrandi ne quittera pas Altavia. Le vainqueur du Tour du Val d'Orbe a signé lundi une prolongation de trois ans avec l'équipe qui l'a formé.",
            "Plusieurs formations étrangères avaient approché le grimpeur, dont le contrat arrivait à échéance en fin de saison. L'une d'elles lui aurait proposé le double de son salaire actuel.",
            "« Ici, on m'a fait confiance quand je n'avais rien gagné. Je n'avais pas envie de partir au moment où tout commence », a expliqué Ferrandi dans un message vidéo publié par l'équipe.",
            "Le manager d'Altavia, Pierre-Yves Castagna, promet de construire autour de lui une équipe capable de viser les grands tours.",
            "Par ailleurs, l'équipe a annoncé l'arrivée de deux équipiers de montagne, dont le Colombien Andrés Quiroga.",
            "Le montant du contrat n'a pas été communiqué.",
        ],
        slug="ferrandi-prolongation", crumbs=["Équipes"],
        byline_lines=["Par Romain Estève et Nadia Benhamou"],
        date_lines=["Mis à jour le 02/07/2024 à 09:10", "Publié le 1er juillet 2024 à 22:05"],
        caption="Lucas Ferrandi sous le maillot d'Altavia. (Photo : Altavia)",
        related="Mercato : les principaux transferts de l'été",
        box_at=1,
        box=["Son palmarès", "2024 : Tour du Val d'Orbe", "2023 : Grand Prix de Sarraut, 2e du championnat de France",
             "2022 : champion de France espoirs"],
        comments=[("Ajaccio_cycliste", "Fidèle, c'est rare aujourd'hui."),
                  ("Marc T.", "Il aurait dû partir, il gagnerait plus.")],
        most=["Tour du Val d'Orbe : Ferrandi prend le maillot jaune", "Flèche des Ardoisières : Camille Royer en solitaire"],
    ),
    article(
        "Championnats de France de cyclo-cross : Théo Vannier sacré dans la boue de Lanzac",
        "Le Savoyard a fait la différence dès le deuxième tour sur un circuit détrempé. Son premier titre chez les élites.",
        "Julien Castex", "2024-02-05", None,
        [
            "Il avait terminé deuxième les deux dernières années. Dimanche, sur le circuit du parc de Lanzac transformé en bourbier, Théo Vannier a enfin décroché le titre de champion de France.",
            "Le coureur savoyard a pris la tête dès le deuxième des neuf tours, profitant d'une erreur de Maxime Dutertre dans la montée des escaliers.",
            "— Je n'ai pas regardé derrière moi une seule fois, j'avais trop peur de tomber, a-t-il raconté, hilare, sous la pluie.",
            "Dutertre, tenant du titre, a terminé à 47 secondes, devant le jeune Axel Morin, 20 ans.",
            "Près de 6 000 spectateurs avaient bravé le froid pour suivre la course, un record pour l'épreuve.",
            "Vannier disputera les championnats du monde dans trois semaines.",
        ],
        slug="vannier-champion-cyclo-cross", crumbs=["Cyclo-cross"],
        byline_lines=["Par Julien Castex"],
        date_lines=["Il y a 3 heures", "Le 05/02/2024"],
        caption="Théo Vannier dans la montée des escaliers. (Photo : Peloton Direct / J. Castex)",
        related="Cyclo-cross : la sélection pour les Mondiaux",
        box_at=3,
        box=["Classement élites hommes", "1. Théo Vannier en 1 h 02 min 31 s", "2. Maxime Dutertre à 47 s", "3. Axel Morin à 1 min 12 s"],
        comments=[("Boue_et_sueur", "Course magnifique, le public était là."),
                  ("Lanzacois", "Le parc va mettre six mois à s'en remettre.")],
        most=["Mondiaux de cyclo-cross : la sélection", "Flèche des Ardoisières : le parcours dévoilé"],
    ),
]


# --------------------------------------------------------------------------
# A regional health authority's alerts: emergency numbers, the audience
# switcher, "Accueil > Actualités > Alertes sanitaires" (the last crumb is
# the section), a badge, a product box and a "Que faire" box and "Les bons
# gestes" with "•" lines inside the text, a release with no author, a
# collective signature after the text.
# --------------------------------------------------------------------------

def sante(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Santé Valmont",
            "Agence régionale de santé du Valmont",
            "Urgence médicale : 15 · Centre antipoison : 0 800 00 41 41 (appel gratuit)",
            "Vous êtes : Particulier · Professionnel de santé · Collectivité",
            "L'Agence  Santé publique  Offre de soins  Alertes  Publications  Presse",
            "Accueil > " + " > ".join(a["crumbs"]),
            a["badge"],
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        inserts = {}
        for at, box in a["boxes"]:
            inserts[at] = inserts.get(at, []) + box
        lines += interleave(a["body"], inserts)
        lines += a.get("signature", [])
        if a.get("pdf"):
            lines.append(a["pdf"])
        lines += ["Partager : Facebook · X · LinkedIn · Courriel",
                  "Cette page vous a-t-elle été utile ? Oui · Non",
                  "Dans la même rubrique", a["more"][0], a["more"][1],
                  "Agence régionale de santé du Valmont · 2 place de la Préfecture · Valmont",
                  "Accessibilité : non conforme · Mentions légales · Données personnelles"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), bom=(i == 0), crlf=(i == 2), cp1252=(i == 3)))
    return pages


SANTE_SHARED = "En cas de doute, appelez votre médecin traitant ou, la nuit et le week-end, le 116 117."

SANTE = [
    article(
        "Listeria : rappel de tommes de brebis vendues sur les marchés du Haut-Valmont",
        "Une bactérie a été détectée lors d'un contrôle chez le producteur. Les personnes qui ont acheté ce fromage depuis le 1er mars ne doivent pas le consommer.",
        None, "2024-03-14", None,
        [
            "L'Agence régionale de santé et la direction départementale de la protection des populations demandent aux consommateurs de ne pas manger les tommes de brebis fermières « Les Estives », vendues sur trois marchés du Haut-Valmont depuis le 1er mars.",
            "Un contrôle réalisé le 11 mars chez le producteur, installé à Cazals, a mis en évidence la présence de Listeria monocytogenes dans plusieurs lots.",
            "La listériose est une infection rare mais qui peut être grave, en particulier pour les femmes enceintes, les personnes âgées et les personnes dont les défenses immunitaires sont affaiblies.",
            "Les symptômes, fièvre, maux de tête et parfois troubles digestifs, peuvent apparaître jusqu'à huit semaines après la consommation du produit.",
            "Par ailleurs, le producteur a suspendu sa fabrication le temps de désinfecter sa fromagerie. Aucun cas de maladie n'a été signalé à ce jour.",
            SANTE_SHARED,
        ],
        slug="rappel-tommes-listeria", crumbs=["Actualités", "Alertes sanitaires"], badge="Rappel de produit",
        byline_lines=[],
        date_lines=["Publié le 14/03/2024 à 17h30"],
        boxes=[(0, ["Produits concernés", "Tomme de brebis fermière « Les Estives », de 300 g à 1,2 kg",
                    "Lots : T2402-11 à T2402-19", "Date limite de consommation : du 28/03/2024 au 04/04/2024",
                    "Points de vente : marchés de Cazals, Lanzac et Saint-Aurèle"]),
               (3, ["Que faire si vous avez acheté ce produit ?", "Ne le consommez pas.",
                    "Rapportez-le au point de vente, qui vous le remboursera."])],
        pdf="Télécharger le communiqué (PDF, 184 Ko)",
        more=["Intoxications au monoxyde de carbone : les gestes qui sauvent", "Eau du robinet : les résultats des contrôles"],
    ),
    article(
        "Moustique tigre : la surveillance reprend dans 38 communes",
        "Des pièges sont posés jusqu'en novembre pour suivre la progression de l'insecte, présent désormais dans la moitié du département.",
        "Claire Mandrin", "2024-04-18", None,
        [
            "Depuis le 1er avril, les agents de l'opérateur de démoustication relèvent chaque semaine 214 pièges répartis dans 38 communes du Valmont.",
            "L'an dernier, le moustique tigre a été repéré pour la première fois dans onze nouvelles communes, dont Lanzac et Saint-Aurèle. Il est désormais implanté dans 61 des 124 communes du département.",
            "« Il pond dans de toutes petites quantités d'eau : une soucoupe sous un pot de fleurs lui suffit », rappelle l'entomologiste Paul Dessaix.",
            "Les habitants peuvent lire aussi la carte des communes colonisées, mise à jour chaque mois sur notre site, et y signaler un moustique suspect.",
            "Le moustique tigre peut transmettre la dengue, le chikungunya ou le zika lorsqu'il a piqué une personne infectée au retour d'un voyage. 🦟",
            "Aucun cas autochtone n'a été recensé dans le Valmont.",
        ],
        slug="moustique-tigre-surveillance", crumbs=["Actualités", "Environnement et santé"], badge="Information",
        byline_lines=["Par Claire Mandrin", "Ingénieure d'études sanitaires"],
        date_lines=["Date de publication : 18 avril 2024 · Dernière mise à jour : 22 avril 2024"],
        boxes=[(2, ["Les bons gestes", "• Videz chaque semaine les soucoupes, seaux et arrosoirs.",
                    "• Couvrez les récupérateurs d'eau de pluie d'une moustiquaire."])],
        more=["Chenilles processionnaires : ce qu'il faut savoir", "Ambroisie : la saison des pollens commence"],
    ),
    article(
        "Canicule : le Valmont placé en vigilance orange à partir de vendredi",
        None,
        "La direction de la santé publique", "2024-06-20", None,
        [
            "Météo-Valmont prévoit des températures maximales de 36 à 39 °C à partir de vendredi et jusqu'à lundi au moins, avec des nuits à plus de 22 °C dans les villes.",
            "Le préfet a déclenché le niveau orange du plan canicule sur l'ensemble du département. Les mairies ont activé leurs registres de personnes vulnérables.",
            "« Les personnes âgées qui vivent seules sont les premières victimes de la chaleur : prenez de leurs nouvelles chaque jour », insiste le docteur Hélène Rabier, médecin de santé publique.",
            "Buvez de l'eau régulièrement, sans attendre d'avoir soif.",
            "Les établissements pour personnes âgées ont vérifié leurs pièces rafraîchies, et les hôpitaux ont renforcé leurs équipes aux urgences pour le week-end.",
            "Par ailleurs, les activités sportives scolaires de plein air sont suspendues l'après-midi jusqu'à la fin de l'épisode.",
            SANTE_SHARED,
        ],
        slug="canicule-vigilance-orange", crumbs=["Actualités", "Alertes sanitaires"], badge="Alerte",
        byline_lines=[],
        date_lines=["Mis à jour le 21/06/2024 à 08h15", "Publié le 20 juin 2024 à 16h00"],
        boxes=[(3, ["Les bons gestes", "• Fermez volets et fenêtres le jour, aérez la nuit.",
                    "• Passez quelques heures dans un lieu frais : médiathèque, cinéma, supermarché."])],
        signature=["La direction de la santé publique"],
        pdf="Télécharger le communiqué (PDF, 96 Ko)",
        more=["Canicule : la liste des salles rafraîchies par commune", "Baignade : la qualité des eaux de l'été"],
    ),
    article(
        "Tensions sur l'amoxicilline : les pharmaciens autorisés à délivrer à l'unité",
        "Jusqu'au 31 décembre, les officines du Valmont peuvent fractionner les boîtes de l'antibiotique le plus prescrit aux enfants.",
        "Bruno Lestrade", "2024-09-03", None,
        [
            "Depuis la fin de l'été, plusieurs présentations d'amoxicilline en suspension buvable, destinées aux enfants, manquent dans les pharmacies du Valmont.",
            "Pour éviter que des familles repartent sans traitement, les pharmaciens sont autorisés jusqu'au 31 décembre à délivrer les comprimés à l'unité, au nombre exact prescrit.",
            "— Nous ne manquons pas de médicament, nous manquons de la bonne boîte au bon moment, résume une pharmacienne de Lanzac.",
            "Les médecins sont invités à prescrire des comprimés dispersibles quand l'âge de l'enfant le permet, et à réserver les suspensions aux plus petits.",
            "Par ailleurs, l'Agence rappelle qu'un antibiotique ne soigne pas les infections virales, comme la plupart des angines de l'enfant et tous les rhumes.",
            "La situation doit s'améliorer en octobre, selon les laboratoires.",
        ],
        slug="amoxicilline-delivrance-unite", crumbs=["Actualités", "Médicaments"], badge="Information",
        byline_lines=["Par Bruno Lestrade, pharmacien inspecteur de santé publique"],
        date_lines=["Le 03/09/2024 · Temps de lecture : 3 min"],
        boxes=[(1, ["Ce qui change", "Délivrance à l'unité autorisée jusqu'au 31/12/2024",
                    "Médicaments concernés : amoxicilline 500 mg et 1 g, comprimés"])],
        more=["Vaccination contre la grippe : la campagne commence le 15 octobre", "Pharmacies de garde : le nouveau service en ligne"],
    ),
]


LAYOUTS = {
    "echo-des-cimes": (cimes, CIMES),
    "revue-du-negoce": (negoce, NEGOCE),
    "peloton-direct": (peloton, PELOTON),
    "sante-valmont": (sante, SANTE),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"peloton-direct"}
