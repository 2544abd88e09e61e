"""The seventh held-out set of the layout sample: eight kinds of site that the
forty-two earlier layouts do not have, written before any work on them and
only ever scored as a whole (written at commit 2be418d). `make_pages.py`
writes them into `heldout7/` with the rest. Its author read the opening of the layouts README (the gold
conventions and the layout table), `make_pages.py`, `heldout6_pages.py`,
the head of `heldout3_pages.py` (its helpers) and, to register the split,
`tests/layouts.rs`; not the importer's source, nor the pages or gold of any
earlier set, nor the README's sections on the rounds of tuning.

Gold conventions are the earlier sets' (see the README and
`heldout6_pages.py`): the title is the headline, the lede the standfirst
(null where there is none), the byline the author's name(s) as they stand
without "Par"/"By" and without a role ("X et Y", "X and Y" for two), an
agency alone as it stands, the date the first publication (never an update
stamp, a relative time, a widget's date or a date inside the body), the
section the category over the headline or the last crumb of a breadcrumb,
and the body the paragraphs of the article exactly as the lines stand.
New here:

- A regional council's press room: a communiqué has no byline (null); the
  press contacts' names are not bylines. The badge "Communiqué de presse" /
  "Dossier de presse" is neither title nor section (the section is the
  theme, the last crumb). The dateline "Ville, le 4 mars 2024 –" opening
  the first paragraph is body. "Contact presse :" with its lines, the "À
  propos de …" boilerplate, the download and media-library links and the
  list of earlier communiqués (with their dates) are not body. Where no
  date stands above the text, "Communiqué diffusé le …" after it is the
  date.
- A football club's own site: the "Prochain match" widget (with its date)
  is furniture; the match sheet after a report ("Fiche du match", the
  score, "Buts :", "Composition …", "Arbitre :", "Spectateurs :") is not
  body; "Texte : X – Photos : Y" after the text gives X. A supporters' line
  such as "Allez l'OV !" written as the report's last paragraph is body.
- A culture magazine's interviews: the interviewer's questions are body,
  whether they stand as plain lines or open with a dialogue dash, and so
  are the answers and the introduction; "Propos recueillis par X" (or "X et
  Y"), wherever it stands, gives the byline; "De notre envoyée spéciale à
  Y, X" gives X. The "Bio express" box and the line describing the book,
  film or play (publisher, pages, price, running time, venue) are not body.
- A French wire agency's site: the dateline "VILLE, 4 mars (Presse Horizon)
  -" opening the first paragraph is body; the initials line after the text
  ("ctr/mlb/sr"), the copyright line and "Mots-clés :" are not; an
  "URGENT" badge is neither title nor section. Most dispatches have no
  standfirst (null).
- A newsletter platform's post: the author line under the subtitle is the
  byline (two names joined by "and" as they stand); the subtitle is the
  lede; a post has a section only when a section name stands over its
  title (null otherwise). The footnotes after the text (the number on its
  own line, then the note) are not body; the markers "[1]" stay in the
  body lines as they stand. The "Thanks for reading …" subscription box
  inside the text, the paywall box, "Share this post" with the title and
  address repeated under it, the like/restack counts and buttons, a guest
  author's bio and the comments are not body. A sign-off line the author
  writes at the end of a post is body, also where two posts share it.
- A Canadian community paper: "Local Journalism Initiative Reporter" and
  "Staff Reporter" under a name are roles, not part of the byline, and the
  paper's name under them is not either; the funding note after the text
  and "This report by Northline Press was first published …" are not body.
  "Story continues below" and "Advertisement" lines are furniture; the
  same words inside a sentence are body. "Share this Story : <title>" is
  furniture. A date at the foot ("Published on …") is the date when the
  top has only "Last updated 2 days ago".
- A nonprofit investigative newsroom: "by X and Y" gives "X and Y";
  "Photography by …" and "Data analysis by …" are not bylines; the topic
  over the headline is the section, the "Series: …" line is not; the
  partnership note, the update note at the top ("Update, April 12, 2024:
  …"), captions, the "Read More" heading with its link, the tip box, the
  authors' bios and the republishing box are not body.
- A newspaper's obituaries: "Obituary" over the headline is a badge, not
  the section (the last crumb is); the life line after the text ("X,
  oceanographer, born …; died …") is not body; a reader's "Other lives"
  piece signed with a name alone after the text has that name as its
  byline and the date given at its foot.

Every article, name, place of event, quote and figure is invented for this
project; the sites and the places are fictional.
"""

from heldout3_pages import dmy
from make_pages import Page, article, fr_long, interleave, ymd

FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_DAY3 = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
CA_SHORT = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sep.", "Oct.",
            "Nov.", "Dec."]


def weekday(iso):
    from datetime import date

    return date.fromisoformat(iso).weekday()


def en_dmy(iso):
    y, m, d = ymd(iso)
    return f"{d} {EN_MONTHS[m - 1]} {y}"


def en_mdy(iso):
    y, m, d = ymd(iso)
    return f"{EN_MONTHS[m - 1]} {d}, {y}"


# --------------------------------------------------------------------------
# A regional council's press room: skip link, the council's menu, a
# breadcrumb ending with the theme, a "Communiqué de presse" badge, the
# date as "04/03/2024", a weekday date with an update, a date only at the
# foot ("Communiqué diffusé le …"), a relative time over the date, a PDF
# link, a dateline opening the first paragraph, "Contact presse :", the
# "À propos" boilerplate, the earlier communiqués with their dates.
# --------------------------------------------------------------------------

PRESSE_ABOUT = ("Avec 1,6 million d'habitants et 412 communes, la Région Haute-Vallière est "
                "compétente en matière de transports, de lycées, de formation professionnelle et "
                "de développement économique. Son budget 2024 s'élève à 2,1 milliards d'euros.")


def presse(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Aller au contenu principal",
            "Région Haute-Vallière",
            "La Région | Vos aides | Territoires | Agenda | Espace presse",
            "Rechercher",
            f"Accueil › Espace presse › {a['section']}",
            a["kind"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        if i == 0:
            lines.append(f"Publié le {dmy(a['date'])}")
        elif i == 1:
            lines.append(f"{FR_DAYS[weekday(a['date'])].capitalize()} {fr_long(a['date'])}")
            lines.append(f"Mis à jour le {dmy(a['updated'])} à 16h20")
        elif i == 3:
            lines.append("Il y a 2 jours")
            lines.append(f"Publié le {fr_long(a['date'])}")
        if a["kind"] == "Dossier de presse":
            lines.append("Télécharger le dossier de presse (PDF, 2,4 Mo)")
        else:
            lines.append(f"Télécharger le communiqué (PDF, {a['pdf']} Ko)")
        inserts = {a["photo_after"]: [a["caption"], f"© Région Haute-Vallière / {a['photographer']}"]}
        lines += interleave(a["body"], inserts)
        if i == 2:
            lines.append(f"Communiqué diffusé le {fr_long(a['date'])} à 10h00")
        lines.append("Contact presse :")
        lines += a["contacts"]
        lines += ["À propos de la Région Haute-Vallière", PRESSE_ABOUT,
                  "Photos libres de droits : voir la médiathèque",
                  "Communiqués précédents"]
        lines += [f"{dmy(d)} – {t}" for d, t in a["previous"]]
        lines += ["Tous les communiqués",
                  "Hôtel de Région – 12, cours des Tilleuls – Montclair",
                  "Mentions légales | Accessibilité : partiellement conforme | Plan du site | Données personnelles",
                  "© Région Haute-Vallière 2024"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), crlf=(i == 3)))
    return pages


PRESSE_SHARED = "Les demandes sont instruites par les services de la Région dans un délai de deux mois."

PRESSE = [
    article(
        "Cars régionaux : la ligne Montclair – Saint-Oustrille passera à un départ toutes les heures",
        "À partir du 2 avril, la Région double la fréquence de la ligne 14 et crée un arrêt desservant la zone d'activités des Garennes.",
        None, "2024-03-04", "Transports",
        [
            "Montclair, le 4 mars 2024 – La Région Haute-Vallière renforce la ligne de cars 14, qui relie Montclair à Saint-Oustrille. À compter du mardi 2 avril, un car partira toutes les heures de 6h00 à 21h00 dans les deux sens, contre un toutes les deux heures aujourd'hui.",
            "La ligne a transporté 212 000 voyageurs en 2023, soit 18 % de plus qu'en 2022. Aux heures de pointe, des usagers restaient sur le quai faute de places assises.",
            "« Quand un car est plein à 7h10, ce n'est plus un service public, c'est une loterie. Nous y mettons fin », déclare Gaël Pradines, vice-président chargé des mobilités.",
            "Un nouvel arrêt sera créé à l'entrée de la zone d'activités des Garennes, où travaillent près de 1 900 salariés. Les horaires ont été calés sur ceux des trois principales entreprises du site.",
            "Par ailleurs, les abonnés de moins de 26 ans bénéficieront d'un tarif de 15 euros par mois, au lieu de 24 euros.",
            "Le renfort représente un coût de fonctionnement de 1,3 million d'euros par an, entièrement pris en charge par la Région.",
        ],
        slug="ligne-14", kind="Communiqué de presse", pdf=184, photo_after=1,
        caption="Un car de la ligne 14 en gare routière de Montclair.", photographer="Yannick Brossard",
        contacts=["Bérénice Laffont – 04 00 18 22 61", "presse@hautevalliere.example"],
        previous=[("2024-02-28", "Lycées : 2 400 ordinateurs portables pour les élèves de seconde"),
                  ("2024-02-21", "La Région au Salon de l'agriculture"),
                  ("2024-02-14", "Fibre optique : 98 % des foyers raccordables fin 2024")],
    ),
    article(
        "Le lycée Jean-Sabatier de Roncières sera entièrement rénové d'ici 2027",
        "Les travaux, estimés à 38 millions d'euros, se dérouleront en site occupé et en trois tranches.",
        None, "2024-03-11", "Lycées",
        [
            "Roncières, le 11 mars 2024 – La commission permanente de la Région a adopté ce lundi le programme de rénovation complète du lycée Jean-Sabatier, qui accueille 1 240 élèves et apprentis.",
            "Construit en 1971, l'établissement est l'un des plus énergivores du parc régional. Sa consommation de chauffage devrait être divisée par trois à l'issue des travaux.",
            "Les cours seront maintenus pendant toute la durée du chantier. Des bâtiments modulaires accueilleront les ateliers de la filière maintenance à partir de la rentrée de septembre.",
            "— Nous avons choisi de travailler avec les enseignants dès la conception, pour que chaque tranche soit pensée autour des emplois du temps, souligne Maud Terrasse, conseillère régionale déléguée aux lycées.",
            "L'internat, fermé depuis 2019, rouvrira avec 96 places.",
            "Les entreprises intéressées peuvent consulter l'avis d'appel public à la concurrence, publié le 8 mars.",
        ],
        slug="lycee-sabatier", kind="Communiqué de presse", pdf=212, photo_after=0, updated="2024-03-12",
        caption="Le bâtiment principal du lycée, construit en 1971.", photographer="Yannick Brossard",
        contacts=["Timothée Carvalho – 04 00 18 22 64", "presse@hautevalliere.example"],
        previous=[("2024-03-04", "Cars régionaux : la ligne Montclair – Saint-Oustrille passera à un départ toutes les heures"),
                  ("2024-02-28", "Lycées : 2 400 ordinateurs portables pour les élèves de seconde"),
                  ("2024-02-21", "La Région au Salon de l'agriculture")],
    ),
    article(
        "Gel de printemps : un fonds d'urgence de 4 millions d'euros pour les arboriculteurs",
        None,
        None, "2024-04-02", "Agriculture",
        [
            "Après les gelées des 27 et 28 mars, qui ont touché près de 2 300 hectares de vergers dans les vallées de l'Aurence et du Lisson, la Région Haute-Vallière ouvre un fonds d'urgence doté de 4 millions d'euros.",
            "L'aide, forfaitaire, pourra atteindre 6 000 euros par exploitation. Elle est cumulable avec les dispositifs de l'État au titre des calamités agricoles.",
            "« Certains producteurs ont perdu en deux nuits 80 % de leur récolte d'abricots. Il fallait répondre vite, et simplement », indique Hélène Vaissière, vice-présidente chargée de l'agriculture.",
            "Les dossiers pourront être déposés en ligne du 8 avril au 31 mai. Un formulaire papier sera disponible dans les chambres d'agriculture pour les exploitants qui le souhaitent.",
            PRESSE_SHARED,
            "Aucun justificatif de perte ne sera demandé avant l'expertise de terrain.",
        ],
        slug="gel-vergers", kind="Communiqué de presse", pdf=96, photo_after=2,
        caption="Des abricotiers gelés près de Varennes-sur-Lisson, le 28 mars.", photographer="Inès Mazurier",
        contacts=["Bérénice Laffont – 04 00 18 22 61", "presse@hautevalliere.example"],
        previous=[("2024-03-26", "Tourisme : la saison 2024 s'annonce record"),
                  ("2024-03-19", "Apprentissage : 500 places de plus dans les CFA"),
                  ("2024-03-11", "Le lycée Jean-Sabatier de Roncières sera entièrement rénové d'ici 2027")],
    ),
    article(
        "Appel à projets : 600 000 euros pour les festivals des petites communes",
        "La Région lance un appel à projets destiné aux festivals organisés dans les communes de moins de 3 500 habitants.",
        None, "2024-05-21", "Culture",
        [
            "Saint-Oustrille, le 21 mai 2024 – Pour la deuxième année consécutive, la Région Haute-Vallière soutient les festivals des communes rurales. L'appel à projets « Scènes de villages » est doté de 600 000 euros.",
            "En 2023, 47 festivals avaient été aidés, de la fête du conte de Varennes-sur-Lisson aux Nuits du jazz de Castelroux. Près de la moitié n'avaient jamais reçu de subvention régionale.",
            "Chaque projet retenu pourra recevoir jusqu'à 20 000 euros. Une attention particulière sera portée aux actions menées en direction des collégiens et des maisons de retraite.",
            "Les associations qui souhaitent en savoir plus peuvent prendre contact avec le service culture, qui organise deux réunions d'information en visioconférence les 4 et 11 juin.",
            PRESSE_SHARED,
            "La date limite de dépôt est fixée au 15 septembre.",
        ],
        slug="scenes-de-villages", kind="Dossier de presse", pdf=0, photo_after=1,
        caption="Les Nuits du jazz de Castelroux, en juillet 2023.", photographer="Inès Mazurier",
        contacts=["Timothée Carvalho – 04 00 18 22 64", "Lison Ferrier – 04 00 18 22 70",
                  "presse@hautevalliere.example"],
        previous=[("2024-05-14", "Trains régionaux : les horaires d'été sont en ligne"),
                  ("2024-05-07", "Emploi : un salon des métiers de l'industrie à Roncières"),
                  ("2024-04-02", "Gel de printemps : un fonds d'urgence de 4 millions d'euros pour les arboriculteurs")],
    ),
]


# --------------------------------------------------------------------------
# A French football club's own site: shop and ticketing menu, the
# "Prochain match" widget with its date, the category over the headline, a
# caption with an emoji, "VIDÉO |" and "À LIRE AUSSI |" lines and an
# advertisement inside the text, a match sheet after the report, an ISO
# date with a reading time, "Texte : X – Photos : Y" after the text, the
# latest news with relative times, a newsletter box, the partners.
# --------------------------------------------------------------------------

def club(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "OLYMPIQUE VALCOURT",
            "Site officiel",
            "Billetterie | Boutique | Club | Équipe première | Féminines | Formation | OV TV | Partenaires",
            f"Prochain match : {a['next']}",
            "Acheter mes places",
            "Accueil / Actualités",
            a["section"],
            a["title"],
            a["lede"],
        ]
        if i == 0:
            lines += [f"Publié le {fr_long(a['date'])} à 22h47", f"Par {a['byline']}"]
        elif i == 1:
            lines.append(f"{FR_DAYS[weekday(a['date'])].capitalize()} {fr_long(a['date'])}")
        elif i == 2:
            lines += [f"Par {a['byline']}",
                      f"Publié le {dmy(a['date'])} à 19:05 - Mis à jour le {dmy(a['updated'])} à 10:30"]
        else:
            lines.append(f"{a['date']} · 4 min de lecture")
        lines += ["Partager", "Facebook", "X", "WhatsApp", "Copier le lien"]
        lines += interleave(a["body"], a["inserts"])
        lines += a.get("sheet", [])
        if i == 3:
            lines.append(f"Texte : {a['byline']} – Photos : Clément Vasseur")
        lines.append("Dernières actualités")
        lines += a["latest"]
        lines += ["Rejoignez la Tribu OV",
                  "Recevez chaque semaine les infos du club, les offres billetterie et les exclusivités boutique.",
                  "Je m'inscris",
                  "Nos partenaires",
                  "Crédit Vallon · Brasserie des Tanneurs · Transports Mazel · Valcourt Agglo",
                  "© 2024 Olympique Valcourt – Tous droits réservés | Mentions légales | Cookies"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), bom=(i == 2), crlf=(i == 3)))
    return pages


CLUB_SHARED = "Allez l'OV !"

CLUB = [
    article(
        "Valcourt arrache la victoire face à Lorzac (2-1)",
        "Menés à l'heure de jeu, les Valcourtois ont renversé le FC Lorzac grâce à un but d'Abdou Diallo à la 88e minute, vendredi soir aux Tanneurs.",
        "Thibault Renaud", "2024-03-01", "Équipe première",
        [
            "Il a fallu attendre la 88e minute pour voir les 9 412 spectateurs du stade des Tanneurs exploser de joie. Sur un centre de Noah Perrichon, Abdou Diallo a surgi au premier poteau pour offrir la victoire à l'OV.",
            "La première période avait pourtant bien commencé. Ilyes Bennaceur avait ouvert le score d'une frappe enroulée à la 34e minute, son huitième but de la saison.",
            "Lorzac a égalisé peu après l'heure de jeu sur un penalty de Rubén Pérez, consécutif à une main dans la surface.",
            "— On n'a jamais lâché. Ce groupe a du caractère, et ce soir il l'a montré devant son public, a réagi l'entraîneur Patrice Lamotte en conférence de presse.",
            "« Fiers de vous, on continue 💪 », a écrit le capitaine Yoann Mercadier sur les réseaux sociaux quelques minutes après le coup de sifflet final.",
            "Avec ce succès, l'OV remonte à la quatrième place du classement, à deux points du podium.",
            CLUB_SHARED,
        ],
        slug="ov-lorzac", next="OV – AS Bréhan · samedi 9 mars · 20h00 · Stade des Tanneurs",
        inserts={0: ["📸 Photo : OV / Clément Vasseur"], 2: ["VIDÉO | Revivez les buts du match"]},
        sheet=["Fiche du match", "OV 2-1 FC Lorzac",
               "Buts : Bennaceur (34e), Diallo (88e) pour l'OV ; Pérez (61e, sp) pour Lorzac",
               "Composition OV : Morvan – Perrichon, Keita, Lebrun, Sadoun – Mercadier (cap.), Ferracci, Bennaceur – Diallo, Lavergne, Ouattara",
               "Arbitre : M. Denis Carrel", "Spectateurs : 9 412"],
        latest=["Il y a 2 heures · Les réactions d'après-match en vidéo",
                "Il y a 1 jour · U17 : victoire au tournoi de Pâques",
                "Il y a 3 jours · Billetterie : les places pour Bréhan en vente"],
    ),
    article(
        "Ilyes Bennaceur prolonge son contrat jusqu'en 2027",
        "Le milieu offensif, formé au club, a paraphé un nouveau contrat de trois saisons.",
        None, "2024-03-04", "Équipe première",
        [
            "C'est officiel : Ilyes Bennaceur reste à Valcourt. Le milieu offensif de 23 ans a prolongé lundi son contrat de trois saisons, jusqu'en juin 2027.",
            "Formé au club depuis ses onze ans, il compte 112 matchs et 26 buts sous le maillot bleu et blanc.",
            "« Je n'ai jamais pensé partir. Ici, c'est chez moi, ma famille est dans les tribunes à chaque match », confie le joueur.",
            "Plusieurs clubs de l'élite s'étaient renseignés cet hiver. Le président Arnaud Ségala n'a pas caché sa satisfaction : « Garder nos meilleurs jeunes, c'est le projet de ce club. »",
            "Par ailleurs, le défenseur Moussa Keita, blessé à la cheville, devrait reprendre l'entraînement la semaine prochaine.",
            "Il sera présenté aux supporters avant la rencontre face à Bréhan.",
        ],
        slug="bennaceur-prolonge", next="OV – AS Bréhan · samedi 9 mars · 20h00 · Stade des Tanneurs",
        inserts={0: ["Photo : OV / Clément Vasseur"],
                 2: ["À LIRE AUSSI | Centre de formation : le club labellisé pour quatre ans"]},
        latest=["Il y a 5 heures · Féminines : le groupe pour Cramaillé",
                "Il y a 3 jours · Valcourt arrache la victoire face à Lorzac (2-1)",
                "Il y a 4 jours · Boutique : le maillot third est arrivé"],
    ),
    article(
        "Coupe : les Valcourtoises filent en quarts de finale",
        "Victorieuses de l'US Cramaillé aux tirs au but (1-1, 5-4 tab), les joueuses de Sandrine Aubel affronteront Mérignol.",
        "Manon Giraud et Hugo Lestang", "2024-03-17", "Féminines",
        [
            "Quelle soirée ! Au terme d'un match tendu, les Valcourtoises se sont qualifiées pour les quarts de finale de la Coupe nationale en battant l'US Cramaillé aux tirs au but, dimanche au stade Léo-Fabre.",
            "Menées dès la 12e minute, elles ont égalisé en fin de match par Jade Montreuil, entrée en jeu vingt minutes plus tôt.",
            "Lors de la séance de tirs au but, la gardienne Inès Colomb a arrêté deux tentatives, dont la dernière.",
            "— J'avais regardé les vidéos de leurs tireuses toute la semaine. Sur la dernière, j'ai attendu le plus longtemps possible, a-t-elle expliqué au micro d'OV TV.",
            "C'est la première fois depuis 2016 que la section féminine atteint ce stade de la compétition. Le quart de finale se jouera le dimanche 24 mars à Mérignol.",
            CLUB_SHARED,
        ],
        slug="feminines-coupe", next="Stade Mérignol – OV · dimanche 24 mars · 15h00", updated="2024-03-18",
        inserts={1: ["📸 Photo : OV / Lucie Bardet"], 3: ["VIDÉO | La séance de tirs au but en intégralité"]},
        sheet=["Fiche du match", "US Cramaillé 1-1 OV (4-5 aux tirs au but)",
               "Buts : Ferrand (12e) pour Cramaillé ; Montreuil (83e) pour l'OV",
               "Arbitre : Mme Solène Varin"],
        latest=["Il y a 1 heure · Les Valcourtoises en quarts : les réactions",
                "Il y a 2 jours · OV – Bréhan : le résumé",
                "Il y a 6 jours · Ilyes Bennaceur prolonge son contrat jusqu'en 2027"],
    ),
    article(
        "Stade des Tanneurs : la tribune Nord rouvrira à la rentrée",
        "Fermée depuis dix-huit mois, la tribune rénovée offrira 2 800 places, dont un espace réservé aux familles.",
        "Thibault Renaud", "2024-04-09", "Club",
        [
            "Les supporters la réclamaient depuis des mois : la tribune Nord du stade des Tanneurs rouvrira ses portes pour le premier match de la saison prochaine, fin août.",
            "Le chantier, mené par Valcourt Agglo, propriétaire de l'enceinte, a coûté 7,2 millions d'euros. La charpente, endommagée par la tempête de novembre 2022, a été entièrement remplacée.",
            "La tribune comptera 2 800 places, dont 400 dans un espace familial où l'alcool sera interdit et les tarifs réduits de moitié pour les moins de 14 ans.",
            "« La Nord, c'est le cœur du stade. Sans elle, l'ambiance n'est pas la même, et les joueurs le sentent », estime Jérôme Cazals, président de l'association des Tanneurs Ultras.",
            "Les abonnés de la tribune Nord retrouveront leur place d'origine s'ils renouvellent leur abonnement avant le 31 mai.",
            "Une journée portes ouvertes sera organisée en juillet.",
        ],
        slug="tribune-nord", next="OV – Racing Pontferrand · samedi 13 avril · 18h30 · Stade des Tanneurs",
        inserts={1: ["Publicité", "Brasserie des Tanneurs – La bière officielle de l'OV. L'abus d'alcool est dangereux pour la santé."]},
        latest=["Il y a 3 heures · Conférence de presse avant Pontferrand",
                "Il y a 2 jours · Formation : trois U19 signent pro",
                "Il y a 5 jours · Billetterie : la campagne d'abonnements est ouverte"],
    ),
]


# --------------------------------------------------------------------------
# A French culture magazine: the category over the headline, interviews
# whose questions are plain lines or open with a dialogue dash, "Propos
# recueillis par X" (or "X et Y") after the text, the date at the top, as
# "Le 12/03/2024 à 09h15 · Mis à jour …" or only at the foot under a
# relative time, a festival report "De notre envoyée spéciale à Y, X", a
# photo credit, "Lire aussi :" inside the text, a "Bio express" box, the
# line describing the work, a share list, related articles.
# --------------------------------------------------------------------------

def scenes(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Scènes & Pages",
            "Le magazine des cultures",
            "Littérature | Cinéma | Musique | Théâtre | Arts | Festivals",
            "S'abonner au magazine",
        ]
        if i == 3:
            lines.append("Mis à jour il y a 3 heures")
        lines += [a["section"], a["title"], a["lede"]]
        if i == 0:
            lines.append(f"Publié le {fr_long(a['date'])}")
        elif i == 1:
            lines += [f"Par {a['byline']}",
                      f"Le {dmy(a['date'])} à 09h15 · Mis à jour le {dmy(a['updated'])} à 17h02"]
        elif i == 2:
            lines += [a["byline_line"],
                      f"Publié le {FR_DAYS[weekday(a['date'])]} {fr_long(a['date'])} à 23h50"]
        lines += [f"Temps de lecture : {a['minutes']} min", a["caption"],
                  f"Photo : {a['photographer']} pour Scènes & Pages"]
        lines += interleave(a["body"], a.get("inserts", {}))
        if i in (0, 3):
            lines.append(f"Propos recueillis par {a['byline']}")
        if i == 3:
            lines.append(f"Publié le {fr_long(a['date'])}")
        lines += a.get("bio", [])
        lines.append(a["work"])
        lines += ["Partager cet article", "Facebook", "X", "E-mail",
                  "À lire aussi dans Scènes & Pages"]
        lines += a["related"]
        lines += ["Scènes & Pages est édité par les Éditions du Préau.",
                  "Qui sommes-nous ? | Publicité | Contact | Conditions générales de vente"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), bom=(i == 2), cp1252=(i == 3)))
    return pages


SCENES_SHARED = "Qu'est-ce que vous lisez en ce moment ?"

SCENES = [
    article(
        "Lila Demarchi : « J'écris pour les gens qui lisent dans le bus »",
        "Avec « La Laverie du Levant », son troisième roman, l'autrice raconte une année de la vie d'un quartier à travers les clients d'une laverie automatique. Rencontre.",
        "Romain Escoffier", "2024-03-01", "Littérature",
        [
            "Elle nous a donné rendez-vous dans une laverie, évidemment. Celle de la rue des Tisserands, à Mérande, où elle a passé « des centaines d'heures » à écouter, à regarder tourner le linge et à prendre des notes sur un carnet à spirale.",
            "Pourquoi une laverie ?",
            "Parce que c'est l'un des derniers endroits où des gens qui ne se connaissent pas attendent ensemble, sans écran, pendant quarante minutes. On ne choisit pas ses voisins de machine. C'est un théâtre parfait.",
            "Vos personnages ne se parlent presque pas. Ce n'était pas un risque ?",
            "Si, énorme. Mon éditrice m'a demandé à deux reprises d'ajouter des dialogues. J'ai refusé. Les silences disent tout : qui plie son linge avec soin, qui le fourre dans un sac, qui regarde le linge des autres.",
            "Le titre de votre roman précédent était déjà un lieu.",
            "Oui, « Quai numéro 4 ». Je crois que j'ai besoin d'un décor fermé pour écrire. Quand le lieu est posé, les gens arrivent tout seuls.",
            SCENES_SHARED,
            "Un recueil de lettres de marins du XIXe siècle, trouvé dans une brocante. Il y a là-dedans plus de romans que dans toute ma bibliothèque.",
        ],
        slug="lila-demarchi", minutes=6, photographer="Anaïs Rebours",
        caption="Lila Demarchi, rue des Tisserands, à Mérande, le 20 février.",
        bio=["Bio express", "1986 Naissance à Mérande.", "2015 Premier roman, « Les Heures creuses ».",
             "2021 « Quai numéro 4 », prix des Lecteurs du Lisson."],
        work="« La Laverie du Levant », de Lila Demarchi, Éditions du Sillon, 240 p., 20 €.",
        related=["Rentrée d'hiver : nos vingt romans préférés", "Les laveries, nouveaux salons littéraires ?"],
    ),
    article(
        "Bastien Kerouredan : « Le plan-séquence, c'est une prise de risque collective »",
        "Le réalisateur de « Marée basse » a tourné son deuxième long-métrage en une seule prise de 94 minutes. Il raconte comment.",
        "Inès Vautrin", "2024-03-12", "Cinéma",
        [
            "Il a fallu onze tentatives, réparties sur trois nuits de novembre, pour que « Marée basse » existe. Le film, qui sort en salles le 20 mars, suit une famille pendant la nuit où la mer envahit son village, sans une seule coupe.",
            "— Pourquoi vous imposer une telle contrainte ?",
            "Ce n'est pas une contrainte, c'est la forme juste. Une inondation, ça ne s'arrête pas pour changer d'angle. Je voulais que le spectateur n'ait jamais le droit de souffler.",
            "— Que s'est-il passé lors des dix premières prises ?",
            "Tout. Une batterie qui lâche, un figurant qui regarde la caméra, une vraie averse au mauvais moment. À la septième, nous étions à une minute de la fin quand un chien a traversé le plan. Il est dans le film, d'ailleurs : dans la onzième prise, il a été parfait.",
            "— Vos acteurs ont-ils eu peur ?",
            "« Peur » n'est pas le mot. Ils étaient concentrés comme des funambules. Louise Arnaud m'a dit qu'elle n'avait jamais autant écouté ses partenaires.",
            "— Et la suite ?",
            "Un film très découpé, je vous rassure. Peut-être même une comédie.",
        ],
        slug="bastien-kerouredan", minutes=4, photographer="Yves Tallec", updated="2024-03-14",
        caption="Bastien Kerouredan sur le port de Lanvézec, où « Marée basse » a été tourné.",
        work="« Marée basse », de Bastien Kerouredan, avec Louise Arnaud et Tristan Le Goff. 1 h 34. En salles le 20 mars.",
        related=["« Marée basse » : notre critique", "Le plan-séquence, une vieille obsession du cinéma"],
    ),
    article(
        "Aux Nuits de Belmonte, la harpe électrique de Zélie Marquant fait vibrer la carrière",
        "Pour sa douzième édition, le festival installé dans une ancienne carrière de calcaire a fait le pari des musiques nouvelles. Il a été payant.",
        "Clara Fontenelle", "2024-04-06", "Musique",
        [
            "Il est un peu plus de 22 heures quand les projecteurs s'allument sur les parois blanches de la carrière. Zélie Marquant entre seule, pieds nus, et pose les mains sur une harpe reliée à une dizaine de pédales d'effets.",
            "Pendant une heure, la musicienne de 29 ans enchaîne des pièces tirées de son album « Fractures », sorti en janvier, dont il faut lire aussi les notes de pochette, écrites par son grand-père, ancien carrier de la région.",
            "Le public, près de 1 800 personnes selon les organisateurs, reste d'abord silencieux, presque intimidé. Puis les applaudissements couvrent la fin de chaque morceau.",
            "— On ne savait pas du tout à quoi s'attendre. C'est la première fois que j'entends une harpe faire ce bruit-là, sourit Mathis, 17 ans, venu avec ses parents.",
            "Par ailleurs, la fréquentation du festival est en hausse de 15 % par rapport à l'an dernier, malgré une météo incertaine.",
            "Le directeur, Fabien Orsoni, veut croire que le pari des musiques nouvelles fidélisera un public plus jeune.",
            "La carrière se tait vers une heure du matin.",
        ],
        slug="nuits-belmonte", minutes=3, photographer="Anaïs Rebours",
        byline_line="De notre envoyée spéciale à Belmonte, Clara Fontenelle",
        caption="Zélie Marquant sur la scène de la carrière, vendredi soir.",
        inserts={2: ["Lire aussi : Fabien Orsoni, le carrier devenu programmateur"]},
        work="Les Nuits de Belmonte, jusqu'au 14 avril. Programme et billetterie sur le site du festival.",
        related=["Zélie Marquant, la harpe sans complexes", "Festivals de printemps : notre sélection"],
    ),
    article(
        "Odile Marchetti-Brun : « Le public a le droit de s'ennuyer »",
        "La metteuse en scène présente au Théâtre des Halles une version de cinq heures des « Vergers du Nord ». Elle défend la lenteur.",
        "Romain Escoffier et Lou Haddad", "2024-05-21", "Théâtre",
        [
            "Cinq heures, deux entractes et une soupe servie au public à mi-parcours : les « Vergers du Nord » d'Odile Marchetti-Brun ne ressemblent à aucun autre spectacle de la saison. Nous l'avons rencontrée entre deux répétitions.",
            "Cinq heures, ce n'est pas trop ?",
            "Pour qui ? Les personnages d'Émile Dorsaz attendent pendant des mois que leur monde s'écroule. Je voulais que le public partage un peu de cette attente.",
            "Vous n'avez pas peur que les spectateurs s'ennuient ?",
            "« Le public a le droit de s'ennuyer », c'est presque devenu mon slogan. L'ennui n'est pas l'ennemi. C'est le moment où l'on commence à regarder vraiment.",
            SCENES_SHARED,
            "Des manuels de jardinage. Je n'ai pas de jardin.",
        ],
        slug="odile-marchetti-brun", minutes=5, photographer="Yves Tallec",
        caption="Odile Marchetti-Brun au Théâtre des Halles, le 14 mai.",
        work="« Les Vergers du Nord », d'Émile Dorsaz, mise en scène d'Odile Marchetti-Brun. Théâtre des Halles, jusqu'au 15 juin. Durée : 5 h avec entractes.",
        related=["Les spectacles-fleuves, une mode qui dure", "Théâtre : les dix pièces à voir en juin"],
    ),
]


# --------------------------------------------------------------------------
# A French wire agency's site: the agency's menu, "Le fil › Économie",
# an "URGENT" badge, "04/03/2024 14:32 · Mis à jour à 18:05", a weekday
# date, an ISO stamp over the update, the update above the publication,
# the agency alone or one or two names or "Par X, à Y", the dateline
# opening the first paragraph, the initials line, the copyright, keywords
# and the latest dispatches with their times.
# --------------------------------------------------------------------------

def wire(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "PRESSE HORIZON",
            "L'agence d'information générale",
            "Le fil | France | Monde | Économie | Sport | Régions | Photos",
            "Espace clients | Se connecter",
        ]
        if i == 1:
            lines.append("URGENT")
        lines += [f"Le fil › {a['section']}", a["title"]]
        if a["lede"]:
            lines.append(a["lede"])
        if i == 0:
            lines += [f"{dmy(a['date'])} 14:32 · Mis à jour à 18:05", a["byline"]]
        elif i == 1:
            lines += [f"Publié le {FR_DAYS[weekday(a['date'])]} {fr_long(a['date'])} à 07h12",
                      f"Par {a['byline']}"]
        elif i == 2:
            lines += [f"Par {a['byline']}", f"{a['date']}T09:47:00+02:00",
                      f"Mis à jour le {dmy(a['date'])} à 11:20"]
        else:
            lines += [f"Mis à jour le {dmy(a['updated'])} à 06:10",
                      f"Publié le {dmy(a['date'])} à 21:35", a["byline_line"]]
        lines += ["Partager", "Imprimer"]
        lines += a["body"]
        lines += [a["initials"],
                  "© Presse Horizon. Tous droits de reproduction et de représentation réservés.",
                  "Mots-clés : " + ", ".join(a["tags"]),
                  "Dernières dépêches"]
        lines += a["latest"]
        lines += ["Presse Horizon – 8, quai des Imprimeurs – Vernières",
                  "L'agence | Nos offres | Contact | Mentions légales"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), bom=(i == 2), cp1252=(i == 3)))
    return pages


WIRE_SHARED = "Sollicité par Presse Horizon, le ministère concerné n'avait pas réagi en fin de journée."

WIRE = [
    article(
        "Cyclarmor va supprimer 140 postes dans son usine de Kerlouan-des-Landes",
        None,
        "Presse Horizon", "2024-03-04", "Économie",
        [
            "KERLOUAN-DES-LANDES, 4 mars (Presse Horizon) - Le fabricant de vélos Cyclarmor a annoncé lundi la suppression de 140 postes sur 410 dans son usine de Kerlouan-des-Landes, invoquant l'effondrement des ventes de vélos électriques depuis 2023.",
            "La direction a présenté aux représentants du personnel un plan prévoyant l'arrêt de la ligne d'assemblage des cadres en aluminium, désormais confiée à un sous-traitant étranger.",
            "« C'est un coup de massue. Beaucoup de salariés ont plus de vingt ans de maison », a déclaré à Presse Horizon Nolwenn Quéré, déléguée syndicale.",
            "Le groupe, qui avait recruté 90 personnes en 2021 au plus fort de la demande, a vu son chiffre d'affaires reculer de 31 % l'an dernier, à 58 millions d'euros.",
            "Selon un communiqué de presse publié en fin de journée, des reclassements seront proposés dans les deux autres sites du groupe.",
            WIRE_SHARED,
        ],
        slug="cyclarmor", initials="ctr/mlb/sr", tags=["industrie", "emploi", "vélo"],
        latest=["18:40 Bourse : le CAC 40 termine en légère hausse",
                "18:12 Grève des contrôleurs aériens : des annulations mardi à Vernières",
                "17:55 Marésie : l'opposition réclame un débat sur le code électoral"],
    ),
    article(
        "Marésie : le Parlement rejette la réforme du code électoral",
        None,
        "Nadia Ferrand", "2024-03-11", "Monde",
        [
            "VALDORA, 11 mars (Presse Horizon) - Le Parlement de Marésie a rejeté dans la nuit de dimanche à lundi la réforme du code électoral voulue par le gouvernement, par 118 voix contre 104, un revers pour la Première ministre Ilona Vask.",
            "Le texte prévoyait d'abaisser de 5 % à 3 % le seuil d'entrée au Parlement et de créer une circonscription pour les citoyens résidant à l'étranger.",
            "Une dizaine de députés de la majorité ont voté contre, dénonçant une réforme « taillée sur mesure » pour un petit parti allié.",
            "Par ailleurs, l'opposition a annoncé le dépôt d'une motion de censure, qui pourrait être examinée dès jeudi.",
            "La Première ministre, qui doit s'exprimer à la mi-journée, a déjà fait savoir qu'elle n'entendait pas démissionner.",
        ],
        slug="maresie-code-electoral", initials="nf/pcm/sr", tags=["Marésie", "politique", "élections"],
        latest=["07:05 Météo : épisode neigeux attendu sur les reliefs mercredi",
                "06:48 Tennis : la Vernièroise Lou Garnier qualifiée pour le deuxième tour",
                "06:30 Les prix des carburants repartent à la hausse"],
    ),
    article(
        "Cyclisme : la troisième étape de la Ronde des Crêtes annulée à cause de la neige",
        None,
        "Hugo Melki et Sarah Benhamou", "2024-04-02", "Sport",
        [
            "SAINT-JORAN, 2 avril (Presse Horizon) - La troisième étape de la Ronde des Crêtes, qui devait relier Lescure à Saint-Joran mardi, a été annulée en raison des chutes de neige sur le col du Faÿ.",
            "Les organisateurs ont pris la décision peu avant 9 heures, après une reconnaissance du parcours. Vingt centimètres de neige fraîche recouvraient la chaussée au sommet.",
            "— On ne pouvait pas envoyer 140 coureurs là-haut, ce n'était pas raisonnable, a expliqué le directeur de course, Benoît Garrigue.",
            "Le Belge Wout Van Caeneghem conserve le maillot de leader avant la quatrième étape, prévue mercredi.",
            "C'est la deuxième fois en cinq ans qu'une étape de la course est annulée.",
        ],
        slug="ronde-des-cretes", initials="hme-sbe/jrd", tags=["cyclisme", "Ronde des Crêtes", "météo"],
        latest=["11:02 Football : le stade de Vernières fermé pour travaux jusqu'en juin",
                "10:40 Rugby : blessé, l'ouvreur Théo Castagnède forfait trois semaines",
                "10:15 Handball : les Vernièroises en demi-finale"],
    ),
    article(
        "Crue de l'Auvre : 300 habitants évacués à Mirebel",
        "Plus de 300 habitants ont été évacués dans la nuit à Mirebel, où la rivière a atteint un niveau inédit depuis 1994.",
        "Élise Tardieu", "2024-05-22", "Régions",
        [
            "MIREBEL, 22 mai (Presse Horizon) - Plus de 300 habitants du centre de Mirebel ont été évacués mercredi soir, l'Auvre étant sortie de son lit après trois jours de pluies continues.",
            "La rivière a atteint 4,12 mètres à l'échelle du pont de la Poste, un niveau qui n'avait plus été observé depuis la crue de 1994, selon le service de prévision des crues.",
            "Les habitants ont été accueillis au gymnase municipal et dans une salle paroissiale. Aucune victime n'est à déplorer.",
            "— L'eau est montée d'un mètre en deux heures. On a juste eu le temps de monter les papiers à l'étage, raconte Josette Rabier, 78 ans, évacuée en barque par les pompiers.",
            "Le plan communal de sauvegarde, mis à jour en 2021, a été déclenché en début de soirée.",
            WIRE_SHARED,
        ],
        slug="crue-auvre", initials="eta/mlb/lbo", tags=["intempéries", "inondations", "Mirebel"],
        byline_line="Par Élise Tardieu, à Mirebel", updated="2024-05-23",
        latest=["06:02 Crue de l'Auvre : la décrue s'amorce, selon la préfecture",
                "05:45 Trafic ferroviaire perturbé entre Mirebel et Vernières",
                "05:30 Vigilance orange pluies maintenue sur deux départements"],
    ),
]


# --------------------------------------------------------------------------
# A newsletter platform's post: the publication's name, "Subscribe" and
# "Sign in", the section over the title on two posts, the subtitle, the
# author line (two names on one), "Mar 04, 2024" / "May 21, 2024 ∙ Paid",
# like and comment counts, a subscription box inside the text, a paywall on
# one post, footnotes, "Share this post" with the title repeated, the
# like/restack buttons, a guest author's bio, comments; blank lines
# between paragraphs; emoji in two body lines.
# --------------------------------------------------------------------------

def letter(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = ["Slow Water", "Subscribe", "Sign in",
                 "Home | Dispatches | Reader Mail | Archive | About"]
        if a["section"]:
            lines.append(a["section"])
        lines += [a["title"], a["lede"], a["byline"]]
        stamp = f"{EN_SHORT[m - 1]} {d:02}, {y}"
        lines.append(stamp + (" ∙ Paid" if a.get("paid") else ""))
        lines += [str(a["likes"]), str(len(a["comments"])), "Share"]
        lines += interleave(a["body"], a["inserts"])
        if a.get("paid"):
            lines += ["Keep reading with a 7-day free trial",
                      "Subscribe to Slow Water to keep reading this post and get 7 days of free access to the full post archives.",
                      "Start trial", "Already a paid subscriber? Sign in"]
        for n, note in enumerate(a.get("notes", []), 1):
            lines += [str(n), note]
        lines += a.get("bio", [])
        lines += ["Share this post", a["title"], "slowwater.inkwell.example",
                  "Copy link", "Facebook", "Email", "Notes", "More",
                  f"{a['likes']} Likes ∙ {a['restacks']} Restacks",
                  "Like", "Comment", "Restack", "Share",
                  "Previous", "Next",
                  "Discussion about this post", "Comments", "Restacks"]
        for who, when, text in a["comments"]:
            lines += [who, when, text, "Reply", "Share"]
        lines += ["© 2024 Mara Ellison", "Privacy ∙ Terms ∙ Collection notice",
                  "Start writing", "Get the app",
                  "Inkwell is the home for great writing"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), bom=(i == 3)))
    return pages


LETTER_SHARED = "Until next time, keep your boots dry."
LETTER_BOX = {2: ["Thanks for reading Slow Water! Subscribe for free to receive new posts and support my work.",
                  "Subscribe"]}

LETTER = [
    article(
        "The river that forgot its name",
        "How the Wend became the Marlow Drain, and why a handful of neighbours want the old name back.",
        "Mara Ellison", "2024-03-04", None,
        [
            "For most of the nineteenth century, the stream that runs behind my house was called the Wend. You can still find the name on a parish map from 1841, written in a careful brown hand, curling along the valley floor.[1]",
            "By 1954 it had become the Marlow Drain. Nobody voted on it. A county engineer simply wrote the new name on a survey, and the survey became the truth.",
            "Like most rivers in the valley, the Wend was straightened, deepened and lined with concrete in the years after the war. Its name went the same way as its bends.",
            "“It's a drain because we made it a drain,” my neighbour Ruth Callow told me last week, standing on the footbridge with her terrier. “Give it back its name and people might start treating it like a river again.”",
            "Ruth and four others have written to the county asking for the old name to be restored on signs and maps. The reply promised to “consider the request in due course.”[2]",
            "I subscribe to the view that names matter more than engineers think.",
            LETTER_SHARED,
        ],
        slug="forgot-its-name", likes=38, restacks=4,
        inserts={0: ["The Wend on the 1841 parish map. Photo: Mara Ellison"], **LETTER_BOX},
        notes=["The map is held at the county record office in Hallam; ask for the tithe maps, box 14.",
               "I have asked to see the minutes of the meeting where the request was discussed. I will report back."],
        comments=[("Pete Arkwright", "Mar 4", "My grandfather always called it the Wend. I never knew why until now."),
                  ("Sian Moor", "Mar 5", "Count me in for the letter to the county.")],
    ),
    article(
        "What the spring flood left behind",
        "A geologist friend and I walked the Wend after the March floods, counting what the water had moved.",
        "Mara Ellison and Tomasz Wierzba", "2024-04-12", None,
        [
            "Spring melt is here 🌊 and with it the silt.",
            "Tomasz and I walked four miles of the Wend on the Saturday after the flood, from the culvert at Oxley Lane to the weir below the old mill. We took a tape measure, a notebook and far too many biscuits.",
            "The water had dropped more than a metre, but it had left its mark everywhere: a line of straw and plastic caught in the hawthorn, a fridge door wedged under the footbridge, and new banks of sand where there had been none.[1]",
            "By contrast, the one stretch that was never lined with concrete, behind the allotments, looked almost untouched. The willows had slowed the water and held the bank together.",
            "“Rivers read the landscape better than we do,” Tomasz said, kneeling in the mud to measure a fresh gravel bar. “They always find the weak point.”",
            "If you want to read more about how floods move sediment, Tomasz's book is the place to start, and it is far funnier than a geology book has any right to be.",
            LETTER_SHARED,
        ],
        slug="spring-flood", likes=51, restacks=7,
        inserts={3: ["A new sand bank below the Oxley Lane culvert. Photo: Tomasz Wierzba"], **LETTER_BOX},
        notes=["All measurements were taken with a 30-metre tape. They are rough, and we know it."],
        bio=["Tomasz Wierzba is a sediment geologist at the Hallam Institute. His book Mud, Mostly came out last year."],
        comments=[("Jill Parr", "Apr 12", "The fridge door has been there since Tuesday. Someone should tell the council."),
                  ("Owen Tate", "Apr 13", "Ordered the book. Thank you both.")],
    ),
    article(
        "Inside the pumping station",
        "I finally got the tour I had been asking for since 2022. Here is what the men who run the Marlow pumps told me.",
        "Mara Ellison", "2024-05-21", "Dispatches",
        [
            "The Oxley pumping station is a brick building the size of a chapel, and on the day I visited it was humming like one.",
            "Dennis Hume has worked there for 31 years. He showed me the three diesel pumps, each named after a former foreman, and the logbook where every start and stop has been written by hand since 1967.",
            "“When the Wend floods, people phone the council,” he said. “When the pumps fail, nobody phones anyone, because by then it's too late.”",
        ],
        slug="pumping-station", likes=24, restacks=1, paid=True,
        inserts={0: ["The engine hall at Oxley. Photo: Mara Ellison"]},
        comments=[("Ruth Callow", "May 21", "Dennis is a treasure. Say hello from the terrier.")],
    ),
    article(
        "Your letters: eels, names and a very old bicycle",
        "You wrote in, and I read every single one. Here are a few.",
        "Mara Ellison", "2024-06-03", "Reader Mail",
        [
            "Thank you for the letters. More than sixty of you wrote after the flood post, which is about fifty more than I expected. 📬",
            "Several of you asked about eels. Yes, there are still eels in the Wend, and no, I will not tell you where.",
            "Gareth from Oxley sent a photograph of a bicycle he pulled from the river in 1988, still with its bell. He says it rang when he lifted it out.",
            "Want to read more letters like these? Reply to this post and I will make it a regular thing.",
            "And to the reader who asked whether I will ever stop writing about one small river: no.",
        ],
        slug="reader-letters", likes=44, restacks=2,
        inserts={1: ["Thanks for reading Slow Water! Subscribe for free to receive new posts and support my work.",
                     "Subscribe"]},
        comments=[("Gareth Lowe", "Jun 3", "The bell still works, for the record."),
                  ("Anna Whitby", "Jun 4", "Monthly, please!"),
                  ("Pete Arkwright", "Jun 4", "Where are the eels, Mara?")],
    ),
]


# --------------------------------------------------------------------------
# A Canadian community paper: the paper's name and motto, a weather line,
# the category over the headline (a breadcrumb on one page), the name with
# "Local Journalism Initiative Reporter" or "Staff Reporter" and the paper
# under it, two authors, the agency alone, "Published Mar. 04, 2024 • Last
# updated 1 day ago • 3 minute read", a weekday date with an update, a
# relative time at the top with the date only at the foot, "Share this
# Story : <title>", "Story continues below" and "Advertisement" inside the
# text, captions "Photo by X /Paper", the funding note, the agency's
# first-published line, trending stories, the letters address.
# --------------------------------------------------------------------------

def courier(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Ashcombe Valley Courier",
            "Serving Ashcombe, Pellow Creek and the Tarrow Flats since 1912",
            a["weather"],
            "News | Sports | Opinion | Obituaries | Classifieds | e-Edition | Contact Us",
            "Subscribe | Log In",
        ]
        lines += a["kicker"]
        lines += [a["title"], a["lede"]]
        lines += a["byline_lines"]
        if i == 0:
            lines.append(f"Published {CA_SHORT[m - 1]} {d:02}, {y} • Last updated 1 day ago • 3 minute read")
        elif i == 1:
            um = ymd(a["updated"])
            lines += [f"{EN_DAYS[weekday(a['date'])]}, {en_mdy(a['date'])}",
                      f"Updated: {EN_DAYS[weekday(a['updated'])]}, {EN_MONTHS[um[1] - 1]} {um[2]}, {um[0]} 6:48 a.m. EDT"]
        elif i == 2:
            lines.append("Last updated 2 days ago")
        else:
            lines += [f"Published {en_mdy(a['date'])} at 6:40 p.m. EDT",
                      f"Updated {en_mdy(a['updated'])} at 8:05 a.m. EDT"]
        lines += [f"Share this Story : {a['title']}", "Facebook", "Twitter", "LinkedIn", "Email"]
        inserts = {1: ["Story continues below", "Advertisement"],
                   a["photo_after"]: [a["caption"]],
                   3: ["Story continues below", "Advertisement"]}
        lines += interleave(a["body"], inserts)
        if i == 2:
            lines.append(f"Published on {en_mdy(a['date'])}")
        lines += a.get("after", [])
        lines += ["Trending in Ashcombe"]
        lines += a["trending"]
        lines += ["Have your say: send letters to the editor to letters@avcourier.example",
                  "Comments", "You must be logged in to join the discussion.",
                  "© 2024 Ashcombe Valley Courier, a division of Fallow Lane Media Inc. All rights reserved."]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 0), crlf=(i == 2), bom=(i == 3)))
    return pages


COURIER_SHARED = "Council meetings are open to the public and are streamed live on the township's website."

COURIER = [
    article(
        "Pellow Creek council approves $2.4M arena roof",
        "Work on the community centre is expected to start in June, after a tarp has covered the rink's leaking roof for nearly a year.",
        "Dana Kowalchuk", "2024-03-04", "Local News",
        [
            "Pellow Creek council has approved $2.4 million to replace the leaking roof of the community centre arena, ending months of debate over whether the 1974 building was worth saving.",
            "Councillors voted 5-2 on Feb. 27 to award the contract to Tarrow Steel Builders, the lowest of three bids.",
            "“We heard from hockey parents, figure skaters and the seniors who walk laps in the lobby every morning,” said Mayor Colleen Ferris. “This building is the heart of the town.”",
            "Coun. Barry Ostrowski, who voted against, said the township should have waited for a provincial infrastructure grant. “We're paying for this out of reserves that took fifteen years to build,” he said.",
            "Under the township's Advertisement and Signage Bylaw, the contractor will also have to post a project sign at the arena entrance during construction.",
            "Work is expected to start in June and finish before the minor hockey season opens in September.",
            COURIER_SHARED,
        ],
        slug="arena-roof", weather="Ashcombe -6°C Light snow", kicker=["Local News"],
        byline_lines=["Dana Kowalchuk, Local Journalism Initiative Reporter", "Ashcombe Valley Courier"],
        photo_after=0,
        caption="A tarp has covered part of the arena roof since last spring. Photo by Dana Kowalchuk /Ashcombe Valley Courier",
        after=["Dana Kowalchuk is a Local Journalism Initiative reporter based in Pellow Creek. Her position is funded by the Government of Canada."],
        trending=["Snowplow contract goes back to tender", "Letter: Keep the library open on Sundays",
                  "Pellow Creek bakery marks 50 years"],
    ),
    article(
        "Tarrow Flats farmers brace for a dry spring",
        "Snowfall this winter was less than half the average, and the Tarrow River is running at its lowest April level in 20 years.",
        "Raj Bhullar", "2024-04-08", "Farm & Rural",
        [
            "Farmers on the Tarrow Flats are bracing for a dry growing season after one of the lightest winters on record.",
            "Weather officials measured 61 centimetres of snow at the Ashcombe station between November and March, less than half the 30-year average.",
            "Gord Haldane, who grows barley and canola on 800 acres north of Pellow Creek, said he has already delayed buying fertilizer. “You don't put money in the ground until you know there's water to go with it,” he said.",
            "The water story continues below ground, where well levels have dropped by as much as two metres since last summer, according to the conservation authority.",
            "By contrast, growers closer to the lake reported near-normal soil moisture after heavy rain in March.",
            "Township staff will present options for voluntary water restrictions at the next council meeting.",
            COURIER_SHARED,
        ],
        slug="dry-spring", weather="Ashcombe 7°C Sunny", kicker=["Farm & Rural"],
        byline_lines=["By Raj Bhullar", "Staff Reporter"], updated="2024-04-09",
        photo_after=2,
        caption="Gord Haldane checks soil moisture in a field north of Pellow Creek. Photo by Raj Bhullar /Ashcombe Valley Courier",
        trending=["Ashcombe Huskies unveil championship banner", "Spring road restrictions in effect",
                  "Pellow Creek council approves $2.4M arena roof"],
    ),
    article(
        "Huskies clinch first league title since 1998",
        "The Ashcombe Huskies beat the Fenwick Rangers 4-2 on Sunday to win the Tri-County Junior B championship.",
        "Lena Morin and Theo Brassard", "2024-03-18", "Hockey",
        [
            "For the first time in 26 years, the Tri-County Junior B trophy is coming home to Ashcombe.",
            "The Huskies beat the Fenwick Rangers 4-2 in Game 6 on Sunday night in front of a standing-room crowd of more than 1,100 at the Ashcombe Memorial Arena.",
            "Captain Owen Leclair scored twice, including an empty-net goal with 41 seconds left that brought the crowd to its feet.",
            "“I've been coming to this rink since I was four,” Leclair said, still wearing his helmet. “My dad played on the '98 team. Now we've got our own banner.”",
            "“Champions!!! 🏆🏒 Thank you Ashcombe,” the team posted on social media shortly after midnight.",
            "A parade is planned for Saturday morning on Main Street.",
        ],
        slug="huskies-title", weather="Ashcombe -2°C Cloudy", kicker=["Sports / Hockey"],
        byline_lines=["By Lena Morin and Theo Brassard"],
        photo_after=2,
        caption="Huskies captain Owen Leclair lifts the trophy on Sunday. Photo by Theo Brassard /Ashcombe Valley Courier",
        trending=["Pellow Creek council approves $2.4M arena roof", "Obituary: Walter Greaves, 91",
                  "Township seeks volunteers for spring cleanup"],
    ),
    article(
        "Province to review rural ambulance response times",
        "The health minister says the review will look at why waits in small communities have grown by a third since 2019.",
        "Northline Press", "2024-05-21", "Provincial News",
        [
            "QUEENSPORT — The province will review ambulance response times in rural communities after new figures showed patients outside cities are waiting a third longer than they did five years ago.",
            "Health Minister Adaeze Corrigan announced the review Tuesday, saying it would report by the end of the year.",
            "Median response times in rural areas reached 19 minutes last year, up from 14 in 2019, according to figures released by the ministry.",
            "Paramedic unions have long argued that ambulances are tied up for hours in hospital hallways waiting to hand over patients, leaving large areas uncovered.",
            "“When one truck is stuck in the city, there is nobody left to cover three townships,” said Marc Doucette, a paramedic in Ashcombe for 22 years.",
            "Opposition critics called the review a delay tactic.",
        ],
        slug="ambulance-review", weather="Ashcombe 18°C Partly cloudy", kicker=["Provincial News"],
        byline_lines=["Northline Press"], updated="2024-05-22",
        photo_after=0,
        caption="An ambulance leaves the Ashcombe District Hospital. Photo by Dana Kowalchuk /Ashcombe Valley Courier",
        after=["This report by Northline Press was first published May 21, 2024."],
        trending=["Huskies clinch first league title since 1998", "Farmers' market returns to Main Street",
                  "Tarrow Flats farmers brace for a dry spring"],
    ),
]


# --------------------------------------------------------------------------
# A nonprofit investigative newsroom: "Donate" in the menu, the topic over
# the headline, a deck, "Series: …", "by X and Y" in lower case,
# "Photography by …" and "Data analysis by …", "March 4, 2024, 5 a.m. EST",
# a listening line, a partnership note, an update note above the text,
# captions, "Read More" with its link and a tip box inside the text, the
# authors' bios, a republishing box, a donation pitch, the latest stories.
# --------------------------------------------------------------------------

def fathom(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Fathom",
            "Investigative journalism in the public interest",
            "Investigations | Topics | Series | Local Network | Newsletters | About",
            "Donate",
            a["section"],
            a["title"],
            a["lede"],
        ]
        if a.get("series"):
            lines.append(f"Series: {a['series']}")
        lines.append(f"by {a['byline']}")
        lines += a["credits"]
        lines += a["stamps"]
        if a.get("partner"):
            lines.append("This article was produced in partnership with The Harbor City Tribune, a member of the Fathom Local Network.")
        lines += ["Republish", "Share"]
        lines += a.get("update", [])
        inserts = {
            1: [a["caption"]],
            2: ["Read More", a["read_more"]],
            4: [a["tip"], "Share your story"],
        }
        lines += interleave(a["body"], inserts)
        lines += ["Do you have a tip? Email us at tips@fathom.example or use our secure tip line."]
        lines += a["bios"]
        lines += ["Republish This Story for Free",
                  "You can copy this story for your own site under our Creative Commons licence, as long as you credit Fathom and keep the links.",
                  "Fathom is funded by readers. Every gift helps us keep digging.",
                  "Donate",
                  "Latest Stories"]
        lines += a["latest"]
        lines += ["© 2024 Fathom Newsroom Inc. Fathom is a nonprofit organization.",
                  "Privacy Policy | Code of Ethics | Corrections | Contact"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), bom=(i == 2), crlf=(i == 3)))
    return pages


FATHOM_SHARED = "Fathom reviewed more than 4,000 pages of inspection records, consent orders and correspondence obtained through public records requests."

FATHOM = [
    article(
        "A Landfill Leaked for a Decade. State Inspectors Knew.",
        "Records show inspectors flagged contaminated groundwater near the Dunmore County landfill at least 14 times since 2013. The operator was fined once.",
        "Celia Marsh and Okonkwo Adeyemi", "2024-03-04", "Environment",
        [
            "The first warning came in a single line of a 2013 inspection report: “Elevated chloride in MW-4. Recommend follow-up.”",
            "Over the next ten years, state inspectors returned to the Dunmore County landfill at least 14 times. Each time, their reports noted contamination in the groundwater monitoring wells on the site's eastern edge, the side closest to the homes on Pruitt Road.",
            FATHOM_SHARED,
            "The operator, Carrow Waste Services, was fined once, in 2019, for $18,500. It paid the fine and denied wrongdoing.",
            "“Nobody ever knocked on my door,” said Lorraine Tibbs, who has lived on Pruitt Road since 1987 and draws her drinking water from a private well. “I found out from a reporter.”",
            "In a statement, the state Department of Environmental Quality said it “takes every exceedance seriously” and that the site remained under review.",
            "Carrow did not respond to detailed questions.",
        ],
        slug="dunmore-landfill", series="Poisoned Ground", partner=True,
        credits=["Photography by Jun Takeda for Fathom"],
        stamps=["March 4, 2024, 5 a.m. EST"],
        caption="Water from a monitoring well near the Dunmore County landfill, collected in January. Jun Takeda for Fathom",
        read_more="How We Mapped Every Landfill Inspection in the State",
        tip="Do You Live Near a Landfill? We Want to Hear From You.",
        bios=["Celia Marsh is a reporter at Fathom covering the environment.",
              "Okonkwo Adeyemi is a reporter at The Harbor City Tribune."],
        latest=["A Rural Hospital Sued 900 of Its Patients in a Single Year",
                "The Parole Board Met for Nine Minutes"],
    ),
    article(
        "A Rural Hospital Sued 900 of Its Patients in a Single Year",
        "Meridian Valley Health says it pursues only patients who can pay. Court records tell a different story.",
        "Priya Natarajan", "2024-04-11", "Health Care",
        [
            "In 2023, Meridian Valley Health, the only hospital within 60 miles of Corran Falls, filed 912 lawsuits against its own patients over unpaid bills.",
            "That is more than the three largest hospitals in the state combined, according to a Fathom analysis of county court records.",
            "Many of the patients were sued for less than $1,500. At least 140 of them, the records show, appear to have qualified for the hospital's own charity care program.",
            "“They never told me there was a program,” said Dwayne Ritter, a school bus driver who was sued for $1,120 after an emergency room visit for a broken wrist. “I would have filled out anything.”",
            "Patients who tried to read more than the first page of the hospital's billing notices would have found the charity care policy on page six, in small type, under the heading “Other Information.”",
            "In a written response received after publication, Meridian Valley said it would pause new lawsuits while it reviewed its collection practices.",
            "The pause applies only to new cases.",
        ],
        slug="hospital-lawsuits",
        credits=["Photography by Ada Quinlan for Fathom"],
        stamps=["April 11, 2024, 6 a.m. EDT"],
        update=["Update, April 12, 2024: This story has been updated to include a response from Meridian Valley Health received after publication."],
        caption="The emergency entrance of Meridian Valley Health in Corran Falls. Ada Quinlan for Fathom",
        read_more="Hospitals Promised Charity Care. Patients Got Court Dates.",
        tip="Have You Been Sued Over a Medical Bill? Tell Us About It.",
        bios=["Priya Natarajan is a reporter at Fathom covering health care."],
        latest=["A Landfill Leaked for a Decade. State Inspectors Knew.",
                "The Parole Board Met for Nine Minutes"],
    ),
    article(
        "Heat Logs Show a Warehouse Topped 95 Degrees for 31 Days. Workers Were Told to Drink Water.",
        "Internal records from a distribution center in Kessling Township show temperatures inside regularly exceeded the levels at which federal guidance says work should slow down.",
        "Elliot Brandt", "2024-05-14", "Labor",
        [
            "The thermometer hangs by the loading dock at the Brightcart distribution center in Kessling Township, and the workers who pass it call it “the liar.”",
            "It reads the temperature near the open doors. Deeper inside the building, where workers pick and pack orders under a metal roof, it is hotter. Sometimes much hotter.",
            "Internal heat logs obtained by Fathom show temperatures on the packing floor exceeded 95 degrees on 31 days last summer, and topped 100 degrees on nine.",
            "By contrast, the company's public safety report for the same period described conditions as “within normal operating ranges.”",
            "“We were told to drink water and sit down if we felt dizzy,” said one packer, who asked not to be named because she feared losing her job. “Nobody told us the logs existed.”",
            "Brightcart said in a statement that it “exceeds all applicable heat safety requirements” and has installed 40 industrial fans since September.",
            "There is no federal standard for indoor heat.",
        ],
        slug="warehouse-heat",
        credits=["Data analysis by Hana Yoshida"],
        stamps=["May 14, 2024, 10 a.m. EDT", "Listen to this story · 11 min"],
        caption="The loading dock of the Brightcart distribution center in Kessling Township. Jun Takeda for Fathom",
        read_more="The Hidden Cost of Same-Day Delivery",
        tip="Do You Work in a Warehouse? Help Us Report on Heat.",
        bios=["Elliot Brandt is a reporter at Fathom covering labor and workplace safety.",
              "Hana Yoshida is a data reporter at Fathom."],
        latest=["A Rural Hospital Sued 900 of Its Patients in a Single Year",
                "A Landfill Leaked for a Decade. State Inspectors Knew."],
    ),
    article(
        "After Our Reporting, the State Will Test Every Well on Pruitt Road",
        "The Department of Environmental Quality said it would offer free water testing to 63 households near the Dunmore County landfill.",
        "Celia Marsh", "2024-06-03", "Environment",
        [
            "Three months after Fathom and The Harbor City Tribune revealed that state inspectors had documented contamination near the Dunmore County landfill for a decade, the state says it will test every private well on Pruitt Road.",
            "The Department of Environmental Quality announced Monday that it would offer free testing to 63 households within a mile of the site, starting this month.",
            FATHOM_SHARED,
            "“It shouldn't take a newspaper story,” said Lorraine Tibbs. “But I'll take it.”",
            "State Rep. Dolores Achebe said she would introduce a bill requiring regulators to notify neighbours within 30 days when contamination is found near a landfill.",
            "Carrow Waste Services again did not respond to questions.",
        ],
        slug="pruitt-road-wells", series="Poisoned Ground", partner=True,
        credits=[],
        stamps=["June 3, 2024, 4:15 p.m. EDT", "Updated June 4, 2024, 9:30 a.m. EDT"],
        caption="Pruitt Road, a mile east of the Dunmore County landfill. Jun Takeda for Fathom",
        read_more="A Landfill Leaked for a Decade. State Inspectors Knew.",
        tip="Do You Live Near a Landfill? We Want to Hear From You.",
        bios=["Celia Marsh is a reporter at Fathom covering the environment."],
        latest=["Heat Logs Show a Warehouse Topped 95 Degrees for 31 Days. Workers Were Told to Drink Water.",
                "The Parole Board Met for Nine Minutes"],
    ),
]


# --------------------------------------------------------------------------
# A newspaper's obituaries: "Home > Lives > Obituaries", an "Obituary"
# badge, the headline "X obituary", the standfirst, the name alone or "By
# X and Y", "Mon 4 Mar 2024 17.30 GMT", "Published: …" with "Last
# modified on …", a reader's piece with a relative time at the top and
# its signature and date at the foot, a photo caption, the life line
# after the text, a memory address, a guestbook, death notices, more
# obituaries; blank lines between paragraphs.
# --------------------------------------------------------------------------

def obits(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = ["The Kelby Observer",
                 "News | Opinion | Sport | Culture | Lifestyle | Lives",
                 "Support the Observer: subscribe from £1 a week",
                 f"Home > Lives > {a['section']}"]
        if i != 2:
            lines.append("Obituary")
        lines.append(a["title"])
        if a["lede"]:
            lines.append(a["lede"])
        if i in (0, 3):
            clock = "17.30 GMT" if i == 0 else "16.00 BST"
            lines += [a["byline"], f"{EN_DAY3[weekday(a['date'])]} {d} {EN_SHORT[m - 1]} {y} {clock}"]
        elif i == 1:
            um = ymd(a["updated"])
            lines += [f"By {a['byline']}", f"Published: {en_dmy(a['date'])}",
                      f"Last modified on {EN_DAY3[weekday(a['updated'])]} {um[2]} {EN_SHORT[um[1] - 1]} {um[0]} 08.05 GMT"]
        else:
            lines.append("2 days ago")
        lines += ["Share", a["caption"]]
        lines += a["body"]
        if a.get("life"):
            lines.append(a["life"])
        if i == 2:
            lines += [a["byline"], f"Published on {en_dmy(a['date'])}",
                      "Other lives is written by readers. To submit one, email otherlives@kelbyobserver.example"]
        lines += [f"Send us a memory: if you knew {a['name']}, write to lives@kelbyobserver.example",
                  f"Guestbook ({a['guestbook']} messages)", "Sign the guestbook",
                  "Death notices"]
        lines += a["notices"]
        lines += ["More obituaries"]
        lines += a["more"]
        lines += ["© 2024 Kelby Observer Media Ltd", "Privacy policy | Terms | Contact us"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 1), crlf=(i == 2), cp1252=(i == 3)))
    return pages


OBITS_SHARED = "The family has asked that donations be made to the Kelby lifeboat station."

OBITS = [
    article(
        "Harriet Vell obituary",
        "Oceanographer who charted the seabed of the Corran Sound and fought for women's places on research ships",
        "Gideon Pryce", "2024-03-04", "Obituaries",
        [
            "Harriet Vell, who has died aged 91, spent the summer of 1958 on a fishing boat in the Corran Sound with a borrowed echo sounder and a roll of graph paper, drawing the first detailed picture of the seabed between Kelby Head and the Isle of Marran.",
            "The charts she produced over the next two decades are still used by the harbour pilots, and her 1967 paper on the sound's sandbanks remains the standard reference.",
            "Born in Kelby, the daughter of a ship's chandler and a schoolteacher, she won a scholarship to study physics and was the only woman in her year.",
            "In 1962 she was refused a berth on a university research vessel because, she was told, there was no separate washroom. She wrote to the vice-chancellor every week for six months until one was fitted.",
            "“She was not difficult,” a former student said at her 90th birthday. “She was simply right, and she did not see why she should wait for everyone else to notice.”",
            "She retired in 1994 but continued to sail until her late eighties.",
            OBITS_SHARED,
            "She is survived by her nephew, Colin, and her niece, Margaret.",
        ],
        slug="harriet-vell", name="Harriet", guestbook=14,
        caption="Harriet Vell aboard the survey launch Marram in 1971. Photograph: Vell family",
        life="Harriet Anne Vell, oceanographer, born 2 June 1932; died 27 February 2024",
        notices=["ABBOTT, Kenneth John – peacefully on 25 February, aged 88.",
                 "DRURY, Eileen – on 28 February at Kelby Hospice, aged 79."],
        more=["Walter Greaves obituary", "Dr Amrit Sohal obituary"],
    ),
    article(
        "Desmond Okafor-Lyle obituary",
        "Double bassist whose Sunday sessions at the Anchor turned a harbour pub into a stop on the jazz circuit",
        "Sandrine Holt and Marcus Teague", "2024-03-19", "Obituaries",
        [
            "For 38 years, anyone who walked into the back room of the Anchor on a Sunday evening could hear Desmond Okafor-Lyle, who has died aged 79, leaning into his double bass as if telling it a secret.",
            "The sessions began in 1985 with four musicians and nine listeners. By the 1990s touring players would change their routes to sit in, and the queue sometimes stretched to the harbour wall.",
            "He came to Kelby at 14 with his mother, a nurse, and taught himself to play on an instrument with three strings, bought for £6 at a church jumble sale.",
            "By day he worked as a piano tuner, a trade he said taught him more about listening than any teacher.",
            "“Des never played a note he didn't mean,” said the saxophonist Lorna Quist, who joined the sessions in 1991. “And he never once let anyone leave without a cup of tea.”",
            "Read more than a few lines about the Anchor sessions and his name appears, though he always insisted the pub was the real star.",
            "He is survived by his wife, Jean, their two sons and four grandchildren.",
        ],
        slug="desmond-okafor-lyle", name="Desmond", guestbook=41, updated="2024-03-20",
        caption="Desmond Okafor-Lyle at the Anchor in 2009. Photograph: Ben Harrow",
        life="Desmond Okafor-Lyle, musician and piano tuner, born 11 August 1944; died 8 March 2024",
        notices=["FENN, Margaret Rose – on 12 March, aged 93.",
                 "OKAFOR-LYLE, Desmond – on 8 March. Service at St Cuthbert's, Kelby, on 26 March."],
        more=["Harriet Vell obituary", "Walter Greaves obituary"],
    ),
    article(
        "Agnes Pelham obituary",
        None,
        "Ruth Pelham", "2024-04-02", "Other lives",
        [
            "My mother, Agnes Pelham, who has died aged 96, ran the post office in Stoke Arden for 41 years and knew the business of every family in the village, though she never repeated a word of it.",
            "She was born in the flat above the shop, the youngest of five, and took it over from her father in 1953.",
            "Every Christmas she wrapped parcels for soldiers overseas free of charge, a habit that began during the war and that she never gave up.",
            "In 1979 she stood for the parish council on a single promise: a bus shelter. She won, and the shelter is still there.",
            "She loved crosswords, gooseberries and the late weather forecast.",
            "She is survived by me and my brother, Tom, five grandchildren and eleven great-grandchildren.",
        ],
        slug="agnes-pelham", name="Agnes", guestbook=9,
        caption="Agnes Pelham behind the counter at Stoke Arden post office, 1968.",
        notices=["HOLLIS, Peter James – suddenly on 27 March, aged 71.",
                 "PELHAM, Agnes – on 20 March, aged 96."],
        more=["Desmond Okafor-Lyle obituary", "Harriet Vell obituary"],
    ),
    article(
        "Tommy Radcliffe obituary",
        "Rugby union flanker who captained Kelby to three county titles and later coached a generation of the town's schoolboys",
        "Gideon Pryce", "2024-05-21", "Obituaries",
        [
            "Tommy Radcliffe, who has died aged 84, was the kind of flanker opponents remembered for days, usually because they were still sore.",
            "He captained Kelby to three county championships in the 1960s and played 212 times for the club, a record that stood until 2011.",
            "“Tommy tackled like he was angry with the ball,” his former teammate Alan Brisco once said. “Off the pitch he was the gentlest man you could meet.”",
            "A joiner by trade, he built the clubhouse bar himself in 1972, and it is still in use.",
            "From 1975 to 2002 he coached rugby at Kelby Grammar, where his sessions began, whatever the weather, with a lap of the cricket field.",
            "He never owned a car.",
            OBITS_SHARED,
            "He is survived by his wife, Pat, and their daughter, Jo.",
        ],
        slug="tommy-radcliffe", name="Tommy", guestbook=63,
        caption="Tommy Radcliffe, centre, with the county cup in 1966. Photograph: Kelby RFC",
        life="Thomas Edward Radcliffe, rugby player and coach, born 9 January 1940; died 12 May 2024",
        notices=["GARSIDE, Norman – on 14 May, aged 90.",
                 "RADCLIFFE, Thomas Edward (Tommy) – on 12 May. Funeral at Kelby Crematorium on 30 May."],
        more=["Agnes Pelham obituary", "Desmond Okafor-Lyle obituary"],
    ),
]


LAYOUTS = {
    "presse-haute-valliere": (presse, PRESSE),
    "olympique-valcourt": (club, CLUB),
    "scenes-et-pages": (scenes, SCENES),
    "presse-horizon": (wire, WIRE),
    "slow-water-letter": (letter, LETTER),
    "ashcombe-courier": (courier, COURIER),
    "fathom-nonprofit": (fathom, FATHOM),
    "kelby-obituaries": (obits, OBITS),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"slow-water-letter", "kelby-obituaries"}
