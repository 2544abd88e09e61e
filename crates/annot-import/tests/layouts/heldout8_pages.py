"""The eighth held-out set of the layout sample: eight kinds of site that the
fifty earlier layouts do not have, written before any work on them and only
ever scored as a whole (written at commit c560117). `make_pages.py` writes
them into `heldout8/` with the rest. Its author read the opening of the
layouts README (the gold conventions and the layout table), its section "The
seventh held-out set" (not the figures after it), `make_pages.py`, the
docstring and structure of `heldout7_pages.py`, the head of
`heldout3_pages.py` (its helpers) and, to register the split,
`tests/layouts.rs`; not the importer's source, nor the pages or gold of any
earlier set, nor the README's sections on the rounds of tuning or scoring.

Gold conventions are the earlier sets' (see the README and
`heldout7_pages.py`): the title is the headline, the lede the standfirst
(null where there is none), the byline the author's name(s) as they stand
without "Par"/"By" and without a role ("X et Y", "X and Y" for two), an
agency alone as it stands, the date the first publication (never an update
stamp, a relative time, a widget's date, an issue's date or a date inside
the body), the section the category over the headline or the last crumb of
a breadcrumb, and the body the paragraphs of the article exactly as the
lines stand. New here:

- A Swiss daily's paywall teaser: on the two cut pages the last visible
  paragraph stops in mid-sentence and ends with "…"; that paragraph, as it
  stands, is body; the fade box after it ("La suite de cet article est
  réservée à nos abonnés", the offer, "Je m'abonne", "Déjà abonné·e ? Se
  connecter") is not. Where a place kicker ("Val-des-Envers") stands under
  the rubric, the rubric is the section. "Il y a 3 h" and "Actualisé il y
  a 20 min" are never the date; "Première publication : 14.05.2024, 05:30"
  at the foot is the date where the top has only a relative time; "Paru
  dans l'édition imprimée du …" is not the date. The agency alone ("ATA")
  is the byline.
- A regional TV station's site: the video block ("Vidéo · 2 min 14", the
  programme name "Le 19/20 Bocage", "Chapitres" and its "00:00 Lancement
  plateau" lines) is not body; "Un reportage d'X et Y" gives "X et Y";
  "Avec Z (montage)" and "Image : Z" are not bylines; a collective
  signature "Rédaction Canal Bocage" is the byline as it stands; the
  section is the category over the headline; "Diffusé dans le 19/20 Bocage
  du …" after the text is not the date (and on one page is the day
  before the publication); "Regarder aussi : …" is not body.
- A transport operator's service news: no byline (null); the "Info trafic"
  banner at the top (line status lines, "Voir toute l'info trafic") is
  furniture; the "En bref" box ("Dates :", "Lignes concernées :", "Arrêts
  non desservis :") inside the text is not body; "•" bullet lines written
  in the text (replacement services, stops) ARE body, and so is the line
  introducing them ("Pour vous déplacer pendant les travaux :"); "Mis à
  jour le …" is never the date; the tag over the headline (also the last
  crumb) is the section; "Cet article vous a-t-il été utile ?" and its
  buttons are furniture.
- A farming cooperative's newsletter: the market strip ("Cours du jour :
  …") and the issue line ("La Lettre n° 87 – mars 2024") are furniture,
  neither date nor section; "Rédigé par X, technicienne grandes cultures"
  gives X; the president's editorial, signed after the text "Jean-Marc
  Dufy, président de la coopérative", has the name as its byline, its
  rubric ("Le mot du président") as its section, no standfirst (null), and
  its salutation line ("Chers adhérents,") is body; the "Conseil de
  saison" and "Agenda" boxes inside the text are not body; "Dernière
  modification : …" is never the date.
- A university alumni magazine: the class year after a name ("Dana
  Whitcombe ’09") is not part of the byline (like a role); "Story by X"
  gives X; "Illustration by X" / "Photography by X" are not bylines; "From
  the Spring 2024 issue" is not the date ("Posted …", or the weekday or
  ISO date, is; "Originally published …" at the foot where the top has
  only "Posted 3 days ago"); the giving box inside the text, the writer's
  bio, and the "Class Notes" rail are not body; the category over the
  headline is the section.
- A local council's news page: no byline (null) unless a name stands as
  one (the Leader's column: the name, with "Leader of the Council" under it
  as a role); the "Report it" widget ("Report it", "Pothole",
  "Fly-tipping", "Missed bin collection", "Street light fault"), the
  "Press release" badge, "Related information" with its links, "Was this
  page helpful?", "Yes" / "No" and the "Media enquiries" block are not
  body; "report it online" inside a sentence is body; "Last updated: …" is
  never the date; "Posted on 2nd May 2024" is; the quoted councillor's
  line "Cllr X, Cabinet Member for Y, said:" standing as its own paragraph
  before the quote is body; the last crumb is the section.
- A tech news site: the "Sponsored" cards (the word, the card's title,
  "Sponsored by …"; inside and after the text) and the product box inside
  the text (product name, "Our rating:", "Price:", "Pros", "Cons", their
  items, "Buy at …") are not body; the affiliate disclosure is not body; a
  role line under the name ("Senior Reviews Editor", "Contributor") is not
  byline; "6/18/2024 11:15 AM" is month/day/year; "Advertisement banners
  …" opening a sentence is body; "Topics" and its line are furniture.
- A music and festival magazine: "Words: X · Photos: Y" gives X ("Words: X
  and Y · Photos: …" gives "X and Y"); the crumb's last element ("Music >
  Live") is the section, the "Live review" / "Album review" badge is not;
  the rating line ("★★★★☆" or "8/10") and the photo caption are not body;
  the setlist box and the ticket box are not body; an interview's
  questions and answers are body; emoji in body lines stay as they stand.

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


def weekday(iso):
    from datetime import date

    return date.fromisoformat(iso).weekday()


def dots(iso):
    y, m, d = ymd(iso)
    return f"{d:02}.{m:02}.{y}"


def en_dmy(iso):
    y, m, d = ymd(iso)
    return f"{d} {EN_MONTHS[m - 1]} {y}"


def en_mdy(iso):
    y, m, d = ymd(iso)
    return f"{EN_MONTHS[m - 1]} {d}, {y}"


def en_short(iso):
    y, m, d = ymd(iso)
    return f"{EN_SHORT[m - 1]} {d}, {y}"


# --------------------------------------------------------------------------
# A Swiss French daily with a paywall teaser: a kicker over the headline,
# "Mardi 12 mars 2024, 06:12" / "Il y a 3 h" with the first publication at
# the foot / "Publié le 02.04.2024 à 17:05 · Modifié le …" / "Le 1er juin
# 2024 à 14:15" + "Actualisé il y a 20 min"; two pages cut in mid-sentence
# with a fade box; a print-edition line after the text.
# --------------------------------------------------------------------------

CRETES_CUT = [
    "La suite de cet article est réservée à nos abonnés",
    "Profitez de notre offre découverte : 1 mois pour 1 franc",
    "Je m'abonne",
    "Déjà abonné·e ? Se connecter",
]


def cretes(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "La Voix des Crêtes",
            "Menu",
            "Rechercher",
            "S'abonner",
            "Région | Canton | Suisse | Monde | Économie | Sports | Culture",
            a["kicker"] if a.get("kicker") else a["section"],
        ]
        if a.get("kicker"):
            lines.insert(5, a["section"])
        lines += [a["title"], a["lede"], a["byline_line"]]
        if i == 0:
            lines.append(f"{FR_DAYS[weekday(a['date'])].capitalize()} {fr_long(a['date'])}, 06:12")
            lines.append("Mis à jour à 11:40")
        elif i == 1:
            lines.append("Il y a 3 h")
        elif i == 2:
            lines.append(f"Publié le {dots(a['date'])} à 17:05 · Modifié le {dots(a['updated'])} à 08:20")
        else:
            lines.append(f"Le {fr_long(a['date'])} à 14:15")
            lines.append("Actualisé il y a 20 min")
        lines += ["Écouter l'article", a["caption"], f"Photo : {a['photographer']}"]
        body = a["body"]
        if a.get("cut"):
            lines += interleave(body, {0: ["Publicité"]})
            lines += CRETES_CUT
        else:
            lines += interleave(body, {1: [f"Lire aussi : {a['related']}"], 3: ["Publicité"]})
            if i == 1:
                lines.append(f"Première publication : {dots(a['date'])}, 05:30")
            lines.append(f"Paru dans l'édition imprimée du {fr_long(a['print'])}")
            lines += [f"Réactions ({a['comments']})", "Pour réagir, connectez-vous à votre compte.",
                      "Mireille B., il y a 2 h", "Il était temps que quelqu'un pose la question.",
                      "Répondre"]
        lines += ["Plus d'articles dans cette rubrique", a["more"],
                  "Votre avis nous intéresse : écrivez-nous",
                  "© La Voix des Crêtes SA, La Chaux-du-Crêt – Tous droits réservés"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), crlf=(i == 2)))
    return pages


CRETES_SHARED = "Le Conseil d'État doit se prononcer sur le dossier avant la fin de l'année."

CRETES = [
    article(
        "La fromagerie des Envers menacée par la hausse du prix du lait",
        "La plus ancienne fromagerie de la vallée cherche un repreneur, faute de pouvoir payer ses producteurs.",
        "Noémie Jeanneret", "2024-03-12", "Région",
        [
            "Depuis 1911, la fromagerie des Envers transforme le lait de onze fermes de la vallée. Elle pourrait fermer ses portes à l'automne, faute d'avoir trouvé un repreneur capable de suivre la hausse du prix payé aux producteurs.",
            "« On paie aujourd'hui septante-huit centimes le kilo, c'est dix de plus qu'il y a trois ans », explique le fromager, Gilbert Monnier, qui prendra sa retraite en octobre.",
            CRETES_SHARED,
            "Les producteurs, eux, ont commencé à chercher d'autres débouchés, à la laiterie industrielle de la plaine notamment, qui devraient…",
        ],
        slug="fromagerie-envers", cut=True, kicker="Val-des-Envers",
        byline_line="Par Noémie Jeanneret",
        caption="Gilbert Monnier dans la cave d'affinage, où vieillissent 2400 meules.",
        photographer="Yannick Rossel", more="Le marché couvert rouvrira en avril",
    ),
    article(
        "Les horlogers du Haut-Crêt recrutent à nouveau",
        "Après deux années de prudence, les manufactures annoncent plus de 300 postes pour 2024.",
        "Noémie Jeanneret", "2024-05-14", "Économie",
        [
            "Les annonces se multiplient sur les portails d'emploi. Selon l'association patronale de la branche, les manufactures horlogères du canton chercheront à pourvoir plus de 300 postes d'ici à décembre, dont une centaine de polisseurs et d'emboîteurs.",
            "Par ailleurs, deux entreprises de la région ont annoncé l'ouverture de leur propre école de formation, faute de candidats sortant des filières publiques.",
            "« Il faut lire aussi ces chiffres comme un rattrapage : nous avions gelé les embauches pendant la crise », nuance la directrice de l'association, Sylvie Cuche.",
            "Le salaire d'un polisseur débutant avoisine 4800 francs par mois.",
            "— Le métier ne s'apprend pas en trois semaines, rappelle un chef d'atelier de La Chaux-du-Crêt.",
            "Les syndicats réclament en retour une revalorisation des grilles salariales, gelées depuis 2022.",
        ],
        slug="horlogers-recrutent",
        byline_line="Noémie Jeanneret",
        caption="Un atelier de polissage d'une manufacture de la ville.",
        photographer="Archives LVC", related="Le franc fort pèse sur les exportations horlogères",
        print="2024-05-15", comments=12, more="Une start-up locale lève 8 millions de francs",
    ),
    article(
        "Fusion de communes : le Bas-Vallon dira oui ou non le 9 juin",
        "Les cinq communes du Bas-Vallon voteront le même jour sur leur rapprochement, un projet qui divise les villages.",
        "Luca Perrenoud et Aline Vuille", "2024-04-02", "Canton",
        [
            "Le calendrier est désormais fixé. Les électeurs de Prébois, Monterrin, Les Ruz, Cotard et Saint-Aubin-du-Vallon se prononceront le 9 juin sur la création d'une commune unique de 7200 habitants.",
            "Les partisans mettent en avant les économies d'échelle et la possibilité d'engager enfin un administrateur à plein temps.",
            "À Cotard, le plus petit des cinq villages, l'inquiétude domine : on y craint la fermeture du bureau communal et de l'école, que le projet de convention ne garantit que jusqu'en…",
        ],
        slug="fusion-bas-vallon", cut=True,
        byline_line="Par Luca Perrenoud et Aline Vuille", updated="2024-04-03",
        caption="Le collège de Cotard, dont l'avenir inquiète les parents.",
        photographer="Luca Perrenoud", more="Le budget cantonal bouclera dans les chiffres rouges",
    ),
    article(
        "Le tunnel de la Vue-des-Alpes fermera trois nuits par semaine",
        "Des travaux d'assainissement de la ventilation imposent des fermetures nocturnes jusqu'en novembre.",
        "ATA", "2024-06-01", "Suisse",
        [
            "Le tunnel routier de la Vue-des-Alpes sera fermé à la circulation les nuits du lundi au mercredi, de 21 h à 5 h, à partir du 10 juin et jusqu'à la mi-novembre, a annoncé l'Office fédéral des routes.",
            "Les travaux portent sur le remplacement des ventilateurs, installés à l'ouverture de l'ouvrage en 1994, et sur la mise à niveau de l'éclairage.",
            "Une déviation sera balisée par le col. Les camions de plus de 28 tonnes devront emprunter l'itinéraire par la plaine.",
            "Le coût du chantier est estimé à 46 millions de francs.",
            CRETES_SHARED,
        ],
        slug="tunnel-fermetures",
        byline_line="ATA",
        caption="L'entrée nord du tunnel, côté La Chaux-du-Crêt.",
        photographer="Keystone-ATA", related="Routes nationales : le programme des chantiers d'été",
        print="2024-06-03", comments=31, more="Les CFF renforcent la ligne du Pied-du-Jura",
    ),
]


# --------------------------------------------------------------------------
# A French regional TV station's site: "Regarder le direct", the category
# over the headline, a video block with its chapters, "Un reportage de X et
# Y" + "Avec Z (montage)", "Publié le 12/03/2024 à 19h32" / a weekday date
# with an update / "Il y a 5 heures" over "Publié le 1er mai 2024" / an ISO
# stamp, the programme line "Diffusé dans le 19/20 du …", "Regarder aussi"
# inside the body.
# --------------------------------------------------------------------------

def bocage(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Canal Bocage",
            "Regarder le direct",
            "Replay",
            "Météo",
            "Infos | Sport | Culture | Émissions | Nous contacter",
            a["section"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        lines += [f"Vidéo · {a['length']}", "Le 19/20 Bocage", "Chapitres"]
        lines += a["chapters"]
        lines += a["credit"]
        y, m, d = ymd(a["date"])
        if i == 0:
            lines.append(f"Publié le {dmy(a['date'])} à 19h32")
        elif i == 1:
            up = a["updated"]
            lines.append(f"Publié le {FR_DAYS[weekday(a['date'])]} {fr_long(a['date'])} à 12h05 · "
                         f"Mis à jour le {FR_DAYS[weekday(up)]} {fr_long(up)} à 07h50")
        elif i == 2:
            lines.append("Il y a 5 heures")
            lines.append(f"Publié le {fr_long(a['date'])}")
        else:
            lines.append(f"{a['date']} 20:10")
            lines.append(f"Mis à jour le {dmy(a['updated'])}")
        lines += ["Partager", "Facebook", "X", "WhatsApp", "Copier le lien"]
        lines += interleave(a["body"], {1: [f"Regarder aussi : {a['related']}"]})
        y, m, d = ymd(a["aired"])
        lines.append(f"Diffusé dans le 19/20 Bocage du {fr_long(a['aired'])}")
        lines += ["Les dernières vidéos", a["more"][0], a["more"][1],
                  "Canal Bocage, la télé de votre région",
                  "Application Canal Bocage : disponible sur iOS et Android",
                  "Mentions légales · Gestion des cookies · © Canal Bocage 2024"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), cp1252=(i == 3)))
    return pages


BOCAGE_SHARED = "Contactée, la préfecture n'a pas souhaité s'exprimer devant notre caméra."

BOCAGE = [
    article(
        "Haies arrachées : à Saint-Mérel, les agriculteurs replantent 12 kilomètres",
        "Une dizaine d'exploitations se sont engagées à reconstituer le bocage détruit dans les années 1970.",
        "Élodie Garnier et Maxime Tual", "2024-03-12", "Environnement",
        [
            "Sous une pluie fine, ils sont une trentaine à planter des jeunes charmes et des noisetiers le long d'un chemin creux. À Saint-Mérel, dix exploitations se sont engagées à reconstituer douze kilomètres de haies d'ici à 2026.",
            "« Mon père les a arrachées pour agrandir les parcelles. Moi, je les remets, parce que mes sols partent avec l'eau à chaque orage », résume Damien Hervé, éleveur laitier.",
            "Le programme est financé à 80 % par la région et le département. Chaque kilomètre replanté coûte environ 9 000 euros.",
            "Par ailleurs, la communauté de communes prévoit de former deux agents à l'entretien des haies, pour éviter que les plants ne soient abandonnés après trois ans.",
            "Les premières plantations ont commencé en février.",
        ],
        slug="haies-saint-merel", length="2 min 14",
        chapters=["00:00 Lancement plateau", "00:21 Le chantier de plantation", "01:05 Le témoignage de Damien Hervé", "01:48 Le financement"],
        credit=["Un reportage d'Élodie Garnier et Maxime Tual", "Avec Sophie Lemarié (montage)"],
        related="Le bocage a perdu la moitié de ses haies en cinquante ans",
        aired="2024-03-12", more=["Inondations : la Varenne sous surveillance", "Le marché de Pontlieu fête ses 200 ans"],
    ),
    article(
        "Fermeture de la maternité de Brévannes : les élus saisissent le ministre",
        "Le service doit cesser les accouchements au 1er juillet, faute de pédiatres.",
        "Maxime Tual", "2024-04-10", "Santé",
        [
            "Les maires de quatorze communes ont adressé mardi une lettre au ministre de la Santé pour demander un sursis pour la maternité de Brévannes, qui doit cesser les accouchements le 1er juillet.",
            "— On va demander à des femmes de faire cinquante minutes de route pour accoucher, s'indigne la maire de Brévannes, Chantal Rouxel.",
            "L'agence régionale de santé justifie la décision par l'impossibilité de recruter des pédiatres et des anesthésistes pour assurer les gardes.",
            BOCAGE_SHARED,
            "Un rassemblement est prévu samedi devant l'hôpital.",
        ],
        slug="maternite-brevannes", length="1 min 52", updated="2024-04-11",
        chapters=["00:00 Lancement plateau", "00:18 La lettre des maires", "01:10 La réponse de l'ARS"],
        credit=["Par Maxime Tual", "Image : Pierre Onfroy"],
        related="Déserts médicaux : le département perd encore trois généralistes",
        aired="2024-04-10", more=["Fermeture de classes : les parents mobilisés", "La foire de Mai revient à Pontlieu"],
    ),
    article(
        "Le dernier sabotier du bocage passe la main",
        None,
        "Élodie Garnier", "2024-05-01", "Culture",
        [
            "Dans son atelier de La Haie-Fouassière, Raymond Bazin a taillé son dernier sabot le mois dernier. À 84 ans, le dernier sabotier du département confie ses outils à l'écomusée voisin.",
            "« J'en ai fait plus de quarante mille, en hêtre et en bouleau. Aujourd'hui on m'en commande surtout pour les mariages », sourit-il.",
            "L'écomusée reconstituera l'atelier à l'identique et proposera des démonstrations l'été, avec un ancien élève de Raymond Bazin.",
            "Le geste, lui, ne s'apprend pas dans les livres.",
        ],
        slug="dernier-sabotier", length="3 min 05",
        chapters=["00:00 Lancement plateau", "00:25 Dans l'atelier", "02:10 L'écomusée"],
        credit=["Élodie Garnier", "Avec Sophie Lemarié (montage)"],
        related="Les métiers d'art du bocage exposés à Pontlieu",
        aired="2024-04-30", more=["Un festival de contes dans les granges", "Le vélo-rail rouvre pour la saison"],
    ),
    article(
        "Sécheresse : restrictions d'eau dans 86 communes dès vendredi",
        "Le niveau des nappes a atteint le seuil d'alerte renforcée dans l'est du département.",
        "Rédaction Canal Bocage", "2024-06-18", "Société",
        [
            "Le préfet a signé mardi un arrêté plaçant 86 communes de l'est du département en alerte renforcée sécheresse à partir de vendredi.",
            "L'arrosage des jardins et le lavage des voitures seront interdits, de même que le remplissage des piscines privées.",
            "« On n'avait jamais vu les nappes aussi basses à la mi-juin », constate un hydrogéologue du syndicat des eaux.",
            "Les agriculteurs irrigants devront réduire leurs prélèvements de 40 %.",
            BOCAGE_SHARED,
        ],
        slug="secheresse-restrictions", length="1 min 38", updated="2024-06-19",
        chapters=["00:00 Lancement plateau", "00:30 Les mesures", "01:02 Les agriculteurs inquiets"],
        credit=["Rédaction Canal Bocage"],
        related="Comment savoir si ma commune est concernée",
        aired="2024-06-18", more=["Canicule : les conseils des pompiers", "Les rivières à sec en photos"],
    ),
]


# --------------------------------------------------------------------------
# A transport operator's service news: the "Info trafic" banner with line
# status lines, a crumb, the tag over the headline, "Mis à jour le …" over
# "Publié le 1er juillet 2024" / a bare "14/03/2024" / "Actualité du lundi
# 22 avril 2024" / "Mis à jour il y a 35 min" over "Publié le 2 sept.
# 2024", an "En bref" box, "•" bullet lines in the text (body), no byline.
# --------------------------------------------------------------------------

FR_ABBR = ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
           "nov.", "déc."]


def transval(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Aller au contenu",
            "Transval – le réseau de l'agglomération de Mérande",
            "Itinéraires | Horaires | Tarifs | Info trafic | Actualités | Mon compte",
            "Info trafic",
        ]
        lines += a["status"]
        lines += ["Voir toute l'info trafic", f"Accueil > Actualités > {a['section']}",
                  a["section"], a["title"], a["lede"]]
        if i == 0:
            lines.append(f"Mis à jour le {dmy(a['updated'])} à 16:40")
            lines.append(f"Publié le {fr_long(a['date'])}")
        elif i == 1:
            lines.append(dmy(a["date"]))
        elif i == 2:
            lines.append(f"Actualité du {FR_DAYS[weekday(a['date'])]} {fr_long(a['date'])}")
        else:
            y, m, d = ymd(a["date"])
            lines.append("Mis à jour il y a 35 min")
            lines.append(f"Publié le {d} {FR_ABBR[m - 1]} {y}")
        box = ["En bref"] + a["brief"]
        lines += interleave(a["body"], {a["box_after"]: box})
        lines += ["Cet article vous a-t-il été utile ?", "Oui", "Non",
                  "Toutes les actualités",
                  "Téléchargez l'appli Transval",
                  "Service client : 04 00 12 34 56 (prix d'un appel local), du lundi au samedi de 7h à 19h",
                  "Objets trouvés · Accessibilité · Mentions légales · Plan du site",
                  "Transval est exploité pour le compte de Mérande Agglomération."]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), cp1252=(i == 3)))
    return pages


TRANSVAL_SHARED = "Les horaires détaillés sont disponibles dans l'appli et sur les fiches horaires aux arrêts."

TRANSVAL = [
    article(
        "Travaux d'été : la ligne T2 coupée entre Pont-Neuf et Hôpital",
        "Pendant trois semaines, des bus relais remplaceront le tramway sur la partie centrale de la ligne.",
        None, "2024-07-01", "Travaux",
        [
            "Du lundi 8 au dimanche 28 juillet, la ligne de tramway T2 ne circulera pas entre les stations Pont-Neuf et Hôpital. Les rails du carrefour des Minimes, posés en 2006, doivent être remplacés.",
            "Pour vous déplacer pendant les travaux :",
            "• Bus relais T2 : toutes les 8 minutes entre Pont-Neuf et Hôpital, de 5h30 à 0h30.",
            "• Ligne 14 renforcée : un bus toutes les 10 minutes en journée.",
            "• Parking relais des Minimes : gratuit pour les abonnés pendant toute la durée du chantier.",
            "Par ailleurs, la station Minimes sera déplacée de 150 mètres, rue des Tanneurs.",
            TRANSVAL_SHARED,
        ],
        slug="travaux-t2", updated="2024-07-03", box_after=0,
        status=["Ligne T1 : trafic normal", "Ligne T2 : travaux du 8 au 28 juillet", "Bus 14 : arrêt Gare Nord déplacé"],
        brief=["Dates : du lundi 8 juillet au dimanche 28 juillet", "Lignes concernées : T2, 14", "Arrêts non desservis : Minimes, Saint-Roch, Halles"],
    ),
    article(
        "Le ticket à l'unité passe à 1,80 euro au 1er avril",
        "Les abonnements mensuels restent au même prix, le ticket dix voyages baisse.",
        None, "2024-03-14", "Tarifs",
        [
            "À compter du 1er avril, le ticket à l'unité coûtera 1,80 euro, contre 1,60 euro aujourd'hui. Il reste valable une heure, correspondances comprises.",
            "Les abonnements mensuels ne changent pas. Le ticket dix voyages passe de 14 à 13,50 euros.",
            "« Nous voulons encourager les voyageurs réguliers à passer au carnet ou à l'abonnement », explique la vice-présidente de l'agglomération chargée des mobilités, Karine Delorme.",
            "Les tickets achetés avant le 1er avril restent valables sans limite de durée.",
        ],
        slug="tarifs-avril", box_after=1,
        status=["Ligne T1 : trafic normal", "Ligne T2 : trafic normal", "Bus 7 : déviation rue Pasteur"],
        brief=["Date : lundi 1er avril 2024", "Titres concernés : ticket unité, carnet de dix"],
    ),
    article(
        "Une nouvelle ligne de bus express vers la zone de Champfleuri",
        "La ligne X3 reliera la gare à la zone d'activités en vingt minutes à partir du 2 mai.",
        None, "2024-04-22", "Réseau",
        [
            "Réclamée depuis longtemps par les salariés de la zone d'activités de Champfleuri, la ligne express X3 sera mise en service le jeudi 2 mai.",
            "Elle ne marquera que quatre arrêts :",
            "• Gare centrale",
            "• Pont-Neuf",
            "• Lycée Condorcet",
            "• Champfleuri Centre",
            "Les bus passeront toutes les quinze minutes aux heures de pointe et toutes les trente minutes en journée.",
            TRANSVAL_SHARED,
        ],
        slug="ligne-x3", box_after=0,
        status=["Ligne T1 : trafic perturbé, voir le détail", "Ligne T2 : trafic normal", "Bus 14 : trafic normal"],
        brief=["Date : jeudi 2 mai 2024", "Ligne concernée : X3 (nouvelle)", "Fréquence : 15 min en heure de pointe"],
    ),
    article(
        "Fête de la Rentrée : le tram circulera toute la nuit du 7 septembre",
        "Les lignes T1 et T2 fonctionneront sans interruption, les bus de nuit seront renforcés.",
        None, "2024-09-02", "Événements",
        [
            "Pour la Fête de la Rentrée, samedi 7 septembre, les tramways T1 et T2 circuleront toute la nuit, avec un passage toutes les vingt minutes entre 1h et 5h.",
            "— Et le retour vers les communes de la périphérie ? Les bus de nuit N1 et N2 partiront de la place des Halles toutes les demi-heures.",
            "Le centre-ville sera fermé à la circulation de 14h à 4h. Les lignes 7 et 14 seront déviées par les boulevards.",
            "Bonne fête à toutes et à tous !",
        ],
        slug="fete-rentree", box_after=0,
        status=["Ligne T1 : trafic normal", "Ligne T2 : trafic normal", "Bus 7 et 14 : déviations samedi 7 septembre"],
        brief=["Date : samedi 7 septembre 2024", "Lignes concernées : T1, T2, 7, 14, N1, N2"],
    ),
]


# --------------------------------------------------------------------------
# A farming cooperative's newsletter: the members' menu, a market strip,
# the issue line "La Lettre n° 87 – mars 2024", the rubric over the
# headline, "Publié le 05/03/2024" / "Le 19 mars 2024" / "Mardi 9 avril
# 2024" / "Mis en ligne le 1er juin 2024 à 08h00" + "Dernière modification
# : …", "Rédigé par X, role", the president's editorial signed at the foot,
# a "Conseil de saison" box and an "Agenda" box inside the text.
# --------------------------------------------------------------------------

def coop(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Coop des Deux Vallées",
            "Espace adhérents",
            "La coopérative | Productions | Services | Magasins Vert'Val | Actualités | Recrutement",
            "Cours du jour : " + a["prices"],
            a["issue"],
            a["section"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        if i == 0:
            lines.append(f"Publié le {dmy(a['date'])}")
        elif i == 1:
            lines.append(f"Le {fr_long(a['date'])}")
            lines.append(a["byline_line"])
        elif i == 2:
            lines.append(a["byline_line"])
            lines.append(f"{FR_DAYS[weekday(a['date'])].capitalize()} {fr_long(a['date'])}")
        else:
            lines.append(f"Mis en ligne le {fr_long(a['date'])} à 08h00")
            lines.append(f"Dernière modification : {dmy(a['updated'])}")
        inserts = {}
        if a.get("advice"):
            inserts[a["advice_after"]] = ["Conseil de saison"] + a["advice"]
        inserts.setdefault(a["agenda_after"], []).extend(["Agenda"] + a["agenda"])
        lines += interleave(a["body"], inserts)
        if i == 0:
            lines.append(a["byline_line"])
        lines += ["Imprimer", "Envoyer par courriel",
                  "Dans la même Lettre", a["more"],
                  "Coop des Deux Vallées – 14 route des Silos – Vauclin",
                  "Société coopérative agricole agréée n° 7/412"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 0), bom=(i == 2)))
    return pages


COOP_SHARED = "Vos conseillers restent à votre disposition dans chaque silo du lundi au vendredi."

COOP = [
    article(
        "Une campagne difficile, une coopérative solide",
        None,
        "Jean-Marc Dufy", "2024-03-05", "Le mot du président",
        [
            "Chers adhérents,",
            "La campagne qui s'achève restera dans nos mémoires : des semis retardés par un automne trop humide, une récolte de blé en baisse de 18 %, des prix qui ont reculé tout l'hiver.",
            "Malgré cela, votre coopérative a tenu. Le chiffre d'affaires s'établit à 214 millions d'euros et nous verserons un complément de prix de 6 euros la tonne sur le blé livré en juillet.",
            "Par ailleurs, le conseil d'administration a décidé de maintenir le programme de modernisation du silo de Vauclin, dont les travaux commenceront en septembre.",
            "Je vous donne rendez-vous à l'assemblée générale du 30 mai.",
        ],
        slug="mot-du-president", agenda_after=2, byline_line="Jean-Marc Dufy, président de la coopérative",
        issue="La Lettre n° 87 – mars 2024",
        prices="Blé tendre rendu Rouen 212 €/t (+2) | Colza 438 €/t (-4) | Maïs 196 €/t (=)",
        agenda=["12 avril : journée technique désherbage mécanique, plateforme de Vauclin", "30 mai : assemblée générale, salle des fêtes de Saint-Oren"],
        more="Colza : surveiller les charançons dès la reprise",
    ),
    article(
        "Colza : surveiller les charançons dès la reprise",
        "Avec la douceur de février, les premiers vols ont été observés plus tôt que d'habitude.",
        "Laure Besnard", "2024-03-19", "Agronomie",
        [
            "Les cuvettes jaunes posées sur notre réseau de parcelles de référence ont capturé les premiers charançons de la tige dès le 26 février, soit deux semaines plus tôt que la moyenne des dix dernières années.",
            "Le risque est réel pour les colzas qui redémarrent : l'insecte pond dans la tige et provoque des déformations qui peuvent coûter jusqu'à 10 quintaux par hectare.",
            "« Une seule cuvette ne suffit pas, il faut en poser au moins deux par parcelle, en bordure et au milieu », rappelle Laure Besnard.",
            "Il faut lire aussi les bulletins de santé du végétal, qui signalent chaque semaine les seuils atteints dans le secteur.",
            COOP_SHARED,
        ],
        slug="colza-charancons", agenda_after=4, advice_after=1,
        byline_line="Rédigé par Laure Besnard, technicienne grandes cultures",
        issue="La Lettre n° 87 – mars 2024",
        prices="Blé tendre rendu Rouen 214 €/t (+2) | Colza 441 €/t (+3) | Maïs 195 €/t (-1)",
        advice=["Relevez vos cuvettes deux fois par semaine.", "N'intervenez qu'au seuil : 20 % de pièges avec captures."],
        agenda=["28 mars : tour de plaine colza, rendez-vous au silo de Marsac à 9h"],
        more="Une campagne difficile, une coopérative solide",
    ),
    article(
        "Robot de traite : trois éleveurs racontent leur première année",
        "Dans le réseau de la coopérative, une exploitation laitière sur cinq est désormais équipée.",
        "Thomas Guérin et Inès Morvan", "2024-04-09", "Élevage",
        [
            "Chez les Lebreton, à Saint-Oren, le robot a été installé en mars 2023. Un an plus tard, les 72 vaches passent en moyenne 2,8 fois par jour à la traite, contre deux fois auparavant.",
            "— On a gagné en souplesse, mais on est d'astreinte jour et nuit, prévient Sandrine Lebreton. Le téléphone sonne à trois heures du matin quand une vache bloque la porte.",
            "Pour Julien Aubry, à Marsac, le bilan est plus mitigé : la production a augmenté de 8 %, mais l'emprunt pèse lourd sur la trésorerie.",
            "Tous s'accordent sur un point : la première année demande beaucoup de patience.",
            COOP_SHARED,
        ],
        slug="robot-traite", agenda_after=2,
        byline_line="Par Thomas Guérin et Inès Morvan",
        issue="La Lettre n° 88 – avril 2024",
        prices="Blé tendre rendu Rouen 209 €/t (-5) | Colza 436 €/t (-5) | Maïs 194 €/t (-1)",
        agenda=["18 avril : portes ouvertes à l'EARL Lebreton, Saint-Oren"],
        more="Le magasin Vert'Val de Marsac agrandi",
    ),
    article(
        "Assemblée générale : les adhérents approuvent le nouveau silo",
        "Réunis à Saint-Oren, 412 adhérents ont voté le plan d'investissement de 9 millions d'euros.",
        None, "2024-06-01", "Vie de la coopérative",
        [
            "La salle des fêtes de Saint-Oren était comble jeudi pour l'assemblée générale de la coopérative. Le plan d'investissement dans le silo de Vauclin a été adopté à 94 % des voix.",
            "Le nouveau silo portera la capacité de stockage de 60 000 à 85 000 tonnes et permettra de trier les lots par qualité de protéines.",
            "Trois nouveaux administrateurs ont été élus, dont la plus jeune du conseil, Margaux Pellé, 27 ans, céréalière à Marsac.",
            "Les travaux commenceront après la moisson.",
        ],
        slug="assemblee-generale", agenda_after=1, updated="2024-06-03",
        issue="La Lettre n° 90 – juin 2024",
        prices="Blé tendre rendu Rouen 228 €/t (+6) | Colza 452 €/t (+2) | Maïs 201 €/t (+3)",
        agenda=["4 juillet : visite du chantier du silo de Vauclin"],
        more="Moisson : les horaires d'ouverture des silos",
    ),
]


# --------------------------------------------------------------------------
# A university alumni magazine: the magazine's menu, the category over the
# headline, a deck, "By X ’09" (class year), "Illustration by …", "From the
# Spring 2024 issue", "Posted March 12, 2024" / a weekday date / an ISO
# date + "Updated …" / "Posted 3 days ago" with "Originally published …" at
# the foot, a giving box inside the text, a writer's bio, a "Class Notes"
# rail.
# --------------------------------------------------------------------------

def marrowby(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Marrowby Magazine",
            "The magazine for alumni and friends of Marrowby College",
            "Features | Campus | Alumni Voices | Class Notes | In Memoriam | Give",
            "Search",
            a["section"],
            a["title"],
            a["lede"],
            a["byline_line"],
            a["art_credit"],
            f"From the {a['issue']} issue",
        ]
        if i == 0:
            lines.append(f"Posted {en_mdy(a['date'])}")
        elif i == 1:
            lines.append(f"{EN_DAYS[weekday(a['date'])]}, {en_mdy(a['date'])}")
        elif i == 2:
            lines.append(a["date"])
            lines.append(f"Updated {en_mdy(a['updated'])}")
        else:
            lines.append("Posted 3 days ago")
        lines += ["Share: Facebook · LinkedIn · Email"]
        giving = ["Support the Marrowby Fund",
                  "Every gift, whatever its size, keeps a Marrowby education within reach.",
                  "Give now"]
        lines += interleave(a["body"], {a["give_after"]: giving})
        if i == 3:
            lines.append(f"Originally published {en_mdy(a['date'])}")
        if a.get("bio"):
            lines.append(a["bio"])
        lines += ["Class Notes"] + a["notes"] + ["Submit a class note",
                  "More stories", a["more"],
                  "Marrowby College Office of Alumni Relations · 1 Chapel Row, Marrowby",
                  "© 2024 Marrowby College"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), cp1252=(i == 1), crlf=(i == 3)))
    return pages


MARROWBY_SHARED = "The college archives are open to alumni by appointment on weekday afternoons."

MARROWBY = [
    article(
        "The lab that never closed",
        "For forty years, the basement of Ferris Hall has hosted the longest-running student experiment in the country. Its alumni are still checking the results.",
        "Dana Whitcombe", "2024-03-12", "Features",
        [
            "In the autumn of 1984, three chemistry majors sealed a glass flask of pitch and sand in the basement of Ferris Hall and wrote on its label: “Do not touch until it drips.”",
            "It has dripped four times since. Each drop has been watched, photographed and, in 2011, streamed live to 2,300 alumni around the world.",
            "“We thought it would take a term,” said Rosalind Achebe ’86, one of the three, who now runs a materials lab of her own. “We were wrong by about four decades.”",
            "By contrast, the college’s other long experiments have not lasted: a garden of heritage apples planted in 1991 was cleared for the new library in 2003.",
            MARROWBY_SHARED,
            "The fifth drop is expected some time before 2030.",
        ],
        slug="lab-never-closed", give_after=2, byline_line="By Dana Whitcombe ’09",
        art_credit="Illustration by Felix Oduya", issue="Spring 2024",
        notes=["1968: Harold Pike writes from Lisbon, where he still sails every weekend.", "2001: Amara Chen was named head of the county orchestra."],
        more="Ten books our alumni wrote this year",
    ),
    article(
        "What the night shift taught me",
        "A retired paediatrician looks back on thirty years of caring for children after midnight.",
        "Priya Ramaswamy", "2024-04-02", "Alumni Voices",
        [
            "I was twenty-six the first time a mother handed me her baby at three in the morning and asked me whether he would live.",
            "He did. Most of them did. But I learned that night that the question is never only medical, and that the answer is never only yes or no.",
            "At Marrowby I had been taught to read more carefully than anyone I have met since. On the ward, I found, you also have to read faces.",
            "I retired last year, after 4,100 night shifts by my own count.",
            "To the students who are thinking about medicine: go, and take the night shifts while you are young enough to enjoy the quiet.",
        ],
        slug="night-shift", give_after=3, byline_line="By Priya Ramaswamy ’87",
        art_credit="Photography by Tom Ellery", issue="Spring 2024",
        bio="Priya Ramaswamy ’87 was a consultant paediatrician at St Audley’s Hospital from 1994 to 2023. She lives in Chorley Vale.",
        notes=["1987: Priya Ramaswamy retired from St Audley’s Hospital.", "2010: Ben Okoro and Lucy Vance were married in the college chapel."],
        more="The lab that never closed",
    ),
    article(
        "A new home for the boathouse",
        "After the floods of 2022, the rowing club moves upstream to a building designed by two former rowers.",
        "Owen Castellanos and Mira Feld", "2024-05-06", "Campus",
        [
            "The old boathouse had stood on the river bank since 1897. In January 2022 the water reached its first-floor windows, and the club has rowed out of a rented shed ever since.",
            "The new building, a timber hall raised on piles 400 metres upstream, was designed by Marta Lindqvist ’98 and Sam Adeyemi ’99, who rowed in the same eight.",
            "“We wanted a building the river could flood without ruining,” said Lindqvist. “The water can come in and go out again.”",
            "It will open in September with space for 40 boats.",
            MARROWBY_SHARED,
        ],
        slug="new-boathouse", give_after=1, byline_line="By Owen Castellanos and Mira Feld ’15",
        art_credit="Photography by Tom Ellery", issue="Summer 2024", updated="2024-05-08",
        notes=["1998: Marta Lindqvist opened her own practice in Harwick.", "2015: Mira Feld joined the college communications office."],
        more="Rowing: the women’s eight wins at Henbury",
    ),
    article(
        "First in the family",
        "Four graduates of the class of 2024 on being the first in their families to go to university.",
        "Hannah Lee", "2024-06-18", "Features",
        [
            "When Jordan Mbeki got his offer letter, he read it aloud to his grandmother over the phone, twice, because she did not believe him the first time.",
            "“She still tells the neighbours I’m studying to be a lawyer,” he laughs. He studied history.",
            "One in five of this year’s graduates is the first in their family to earn a degree, up from one in nine a decade ago.",
            "Advertisement of the scholarship in local schools has made the difference, says the admissions office, which now visits 140 schools a year.",
            "For Keira Walsh, the proudest moment came on graduation day, when her mother texted: “Proud of you 🎓❤️”.",
        ],
        slug="first-in-family", give_after=2, byline_line="Story by Hannah Lee ’22",
        art_credit="Photography by Nadia Brooks", issue="Summer 2024",
        notes=["2022: Hannah Lee joined the magazine as staff writer.", "1975: Gwen Harte celebrated her 70th birthday in Marrowby."],
        more="A new home for the boathouse",
    ),
]


# --------------------------------------------------------------------------
# A local council's news page: the council's menu, "Home > News > …", a
# "Press release" badge, "Published: 4 March 2024" + "Last updated: …" / a
# bare "19/03/2024" / "Monday 8 April 2024" / "Posted on 2nd May 2024", a
# "Report it" widget (before the text on two pages, after it on two), the
# councillor's introduction line opening a paragraph (body), "Was this page
# helpful?", "Media enquiries"; no byline except on the Leader's column
# (name, then the role on its own line).
# --------------------------------------------------------------------------

def ordinal(d):
    if d in (11, 12, 13):
        return f"{d}th"
    return f"{d}" + {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


def brackenford(arts):
    pages = []
    for i, a in enumerate(arts):
        report = ["Report it", "Pothole", "Fly-tipping", "Missed bin collection", "Street light fault"]
        lines = [
            "Skip to main content",
            "Brackenford Borough Council",
            "Bins and recycling | Council tax | Housing | Planning | Parking | Jobs",
            "Search this site",
            f"Home > News > {a['section']}",
        ]
        if i in (0, 2):
            lines += report
        if a.get("badge"):
            lines.append(a["badge"])
        lines += [a["title"], a["lede"]]
        if i == 0:
            lines += [f"Published: {en_dmy(a['date'])}", f"Last updated: {en_dmy(a['updated'])}"]
        elif i == 1:
            lines.append(dmy(a["date"]))
        elif i == 2:
            lines += a["byline_lines"]
            lines.append(f"{EN_DAYS[weekday(a['date'])]} {en_dmy(a['date'])}")
        else:
            y, m, d = ymd(a["date"])
            lines.append(f"Posted on {ordinal(d)} {EN_MONTHS[m - 1]} {y}")
        lines += a["body"]
        if a.get("links"):
            lines += ["Related information"] + a["links"]
        if i in (1, 3):
            lines += report
        lines += ["Was this page helpful?", "Yes", "No",
                  "Media enquiries", "Press office: 01632 960 412 (office hours only)",
                  "Follow us: Facebook · Instagram · Nextdoor",
                  "Brackenford Borough Council, Civic Centre, Market Street, Brackenford",
                  "Accessibility statement | Privacy | Cookies | Contact us"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), crlf=(i == 2), bom=(i == 3)))
    return pages


BRACK_SHARED = "Residents can find their collection day by entering their postcode on the council’s website."

BRACKENFORD = [
    article(
        "Garden waste collections to restart two weeks early",
        "Fortnightly green bin rounds will return from 11 March after a mild winter.",
        None, "2024-03-04", "Bins and recycling",
        [
            "Garden waste collections across Brackenford will restart on Monday 11 March, two weeks earlier than planned, because of the mild weather.",
            "Crews will collect green bins every fortnight until the end of November. Subscriptions for 2024 cost £48 and can still be bought online.",
            "Cllr Tom Hadley, Cabinet Member for Environment, said:",
            "“Lots of residents have told us their gardens are already growing. Starting early means nobody has to wait until April to clear their grass cuttings.”",
            BRACK_SHARED,
        ],
        slug="garden-waste-early", updated="2024-03-06",
        links=["Subscribe to garden waste collections", "What goes in your green bin"],
    ),
    article(
        "Council fixes 1,200 potholes in six weeks",
        "A winter repair blitz has cleared most of the backlog reported since January.",
        None, "2024-03-19", "Roads and transport",
        [
            "Highways teams repaired 1,214 potholes between 1 February and 15 March, the council has announced.",
            "The work, funded by a one-off grant of £640,000, focused first on bus routes and the roads around schools.",
            "If you spot a pothole, you can report it online in less than two minutes, with a photo and the exact location.",
            "Cllr Aisha Rahman, Cabinet Member for Transport, said:",
            "“This is the biggest repair push the borough has seen in a decade. There is more to do, but the worst roads are fixed.”",
        ],
        slug="potholes-blitz", badge="Press release",
        links=["Roadworks this week"],
    ),
    article(
        "Why we are keeping every library open",
        "The Leader of the Council on this year’s budget and the choices behind it.",
        "Ruth Ainsley", "2024-04-08", "Council and democracy",
        [
            "When we began drawing up this year’s budget, the gap between what we must spend and what we will receive was £9.4 million.",
            "Many councils have closed libraries to close gaps like that. We have chosen not to.",
            "By contrast, we will share buildings: four of our seven libraries will also house advice services, a job club and, in Eastholme, the registrar.",
            "Our libraries had 412,000 visits last year. That is not a service in decline.",
            "You can read more about the budget, line by line, in the papers for the full council meeting of 27 February.",
        ],
        slug="libraries-open", byline_lines=["Ruth Ainsley", "Leader of the Council"],
        links=["Budget 2024/25", "Find your local library"],
    ),
    article(
        "Bank holiday bin collection changes",
        "Collections will be a day later in the week of 6 May.",
        None, "2024-05-02", "Bins and recycling",
        [
            "There will be no collections on Monday 6 May because of the bank holiday.",
            "All collections that week will take place one day later than usual, with Friday’s collections moving to Saturday 11 May.",
            "Please put your bins out by 7am on your collection day. ♻️ Thank you for recycling!",
            BRACK_SHARED,
        ],
        slug="bank-holiday-bins",
    ),
]


# --------------------------------------------------------------------------
# A tech news site: the site's menu, the section over the headline, "By X"
# with a role line under it / "By X and Y" / a name alone with
# "Contributor" under it, "Published Mar 4, 2024 at 9:00 AM ET" / an ISO
# stamp + "Updated 3 hours ago" / a weekday date with a reading time / a US
# numeric "6/18/2024 11:15 AM", the affiliate disclosure, a product box and
# "Sponsored" cards inside the text and after it.
# --------------------------------------------------------------------------

def kilobyte(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Kilobyte Daily",
            "Reviews | Phones | Laptops | Security | Science | Deals",
            "Sign up for our newsletter",
            a["section"],
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        y, m, d = ymd(a["date"])
        if i == 0:
            lines.append(f"Published {en_short(a['date'])} at 9:00 AM ET")
        elif i == 1:
            lines.append(f"{a['date']} 08:30 UTC")
            lines.append("Updated 3 hours ago")
        elif i == 2:
            lines.append(f"{EN_DAYS[weekday(a['date'])]}, {en_mdy(a['date'])} · 6 min read")
        else:
            lines.append(f"{m}/{d}/{y} 11:15 AM")
        lines.append("When you buy through links on our site, we may earn an affiliate commission. Here’s how it works.")
        inserts = {}
        if a.get("product"):
            inserts[1] = a["product"]
        inserts.setdefault(a["sponsored_after"], []).extend(
            ["Sponsored", a["sponsored"][0], f"Sponsored by {a['sponsored'][1]}"])
        lines += interleave(a["body"], inserts)
        lines += ["Topics", " · ".join(a["topics"]),
                  "Sponsored", "12 gadgets that sold out in minutes", "Sponsored by Gizmo Hive",
                  "Sponsored", "This is the cheapest way to get fibre broadband", "Sponsored by Fastlane Home",
                  "More from Kilobyte", a["more"],
                  "Kilobyte Daily is part of Pinemark Media. © 2024 Pinemark Media Ltd."]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 2), cp1252=(i == 3)))
    return pages


KILO_SHARED = "Kilobyte Daily reviews are never paid for by the companies whose products we test."

KILOBYTE = [
    article(
        "Aurel X5 review: a quiet laptop that lasts all day",
        "The fanless X5 is slower than its rivals, but you will forget where you put the charger.",
        "Jonah Pierce", "2024-03-04", "Reviews",
        [
            "The Aurel X5 makes no noise at all. There is no fan inside, just a slab of copper under the keyboard, and after two weeks of using it as my main machine I had stopped noticing that anything was missing.",
            "Battery life is the headline: 19 hours of video playback in our test, and a full working day with change to spare.",
            "The screen is the weak point. At 300 nits it is dim outdoors, and colours look washed out next to the competition.",
            "Advertisement banners on busy websites made the X5 stutter now and then, which tells you where its chip struggles.",
            KILO_SHARED,
            "If you want silence and stamina, buy it. If you edit video, look elsewhere.",
        ],
        slug="aurel-x5-review", byline_lines=["By Jonah Pierce", "Senior Reviews Editor"],
        product=["Aurel X5", "Our rating: 4 out of 5", "Price: $1,099 at Voltmart", "Pros", "Long battery life",
                 "Completely silent", "Cons", "Dim screen", "Only two ports", "Buy at Voltmart"],
        sponsored_after=3, sponsored=["This VPN deal ends tonight", "NetShieldo"],
        topics=["Laptops", "Reviews", "Aurel"], more="The best budget laptops of 2024",
    ),
    article(
        "Popular password manager fixes flaw that exposed vault names",
        "The bug let attackers on the same network see which sites users had saved, though not their passwords.",
        "Keisha Obi and Marco Lenz", "2024-04-02", "Security",
        [
            "KeyHaven, a password manager with about 11 million users, has fixed a flaw that let an attacker on the same Wi-Fi network read the names of the websites stored in a user’s vault.",
            "The passwords themselves stayed encrypted, the company said in an advisory published on Monday night.",
            "“Nobody’s passwords leaked, but the list of sites you use says a lot about you,” said Ines Varga, the researcher who found the bug.",
            "By contrast, the company’s browser extension was not affected.",
            "Update the app to version 8.4.2 or later. 🔒",
        ],
        slug="keyhaven-flaw", byline_lines=["By Keisha Obi and Marco Lenz"],
        sponsored_after=2, sponsored=["Protect your whole family online", "NetShieldo"],
        topics=["Security", "Passwords"], more="How to check whether your email was in a breach",
    ),
    article(
        "A battery made of salt is heading for the grid",
        "Sodium cells are cheaper and safer than lithium ones. A pilot plant in Ostmark will test whether they can scale.",
        "Lena Fairbanks", "2024-05-14", "Science",
        [
            "In a former paper mill outside Ostmark, rows of grey cabinets hum quietly. Inside them are 40,000 sodium-ion cells, the largest battery of its kind in Europe.",
            "Sodium is abundant in seawater and salt mines. Unlike lithium, it does not need to be mined in a handful of countries.",
            "The cells hold less energy for their weight, which rules them out for most cars, but a grid battery does not have to move.",
            "“We care about cost per kilowatt-hour and about not catching fire,” said the plant’s engineer, Tobias Renn. “Sodium wins on both.”",
            "Read more than the press release, though, and the caveats appear: the cells have only been tested for 2,000 cycles.",
            "The plant will feed the regional grid from September.",
        ],
        slug="sodium-battery", byline_lines=["Lena Fairbanks", "Contributor"],
        sponsored_after=3, sponsored=["Solar panels for your home: see today’s prices", "SunCo Direct"],
        topics=["Science", "Energy", "Batteries"], more="Why your phone battery swells",
    ),
    article(
        "Pixelcraft Mini review: a tiny projector with a big flaw",
        "It fits in a coat pocket and the picture is sharp. The speaker is another matter.",
        "Jonah Pierce", "2024-06-18", "Reviews",
        [
            "The Pixelcraft Mini is the size of a soda can and throws a sharp 1080p picture up to 100 inches wide on a white wall.",
            "Set-up takes seconds: autofocus and keystone correction worked every time in our tests.",
            "The built-in speaker, though, sounds like a phone on a table. Plan on a Bluetooth speaker.",
            KILO_SHARED,
            "For $329, it is a fun gadget for camping trips and sleepovers, not a home cinema.",
        ],
        slug="pixelcraft-mini-review", byline_lines=["By Jonah Pierce", "Senior Reviews Editor"],
        product=["Pixelcraft Mini", "Our rating: 3.5 out of 5", "Price: $329 at Voltmart", "Pros", "Pocketable",
                 "Sharp picture", "Cons", "Weak speaker", "Buy at Voltmart"],
        sponsored_after=2, sponsored=["Upgrade your TV for less this week", "ScreenDeals"],
        topics=["Projectors", "Reviews"], more="The best portable speakers",
    ),
]


# --------------------------------------------------------------------------
# A music and festival magazine: a crumb "Music > Live", a "Live review" /
# "Album review" badge, a rating line, "Words: X · Photos: Y" (or "Words: X
# and Y"), "Sun 7 Jul 2024 23:40 BST" / "12/03/2024 · 10:05" / an ISO stamp
# / a weekday date, an interview's questions (body), a setlist box and a
# ticket box after the text, "You might also like".
# --------------------------------------------------------------------------

def feedback(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Feedback Loop",
            "News | Live | Albums | Interviews | Festivals | Tickets",
            "Subscribe to the print edition",
            f"Music > {a['section']}",
        ]
        if a.get("badge"):
            lines.append(a["badge"])
        lines.append(a["title"])
        if a["lede"]:
            lines.append(a["lede"])
        if a.get("rating"):
            lines.append(a["rating"])
        lines.append(a["credit"])
        y, m, d = ymd(a["date"])
        if i == 0:
            lines.append(f"{EN_DAY3[weekday(a['date'])]} {d} {EN_SHORT[m - 1]} {y} 23:40 BST")
        elif i == 1:
            lines.append(f"{dmy(a['date'])} · 10:05")
        elif i == 2:
            lines.append(f"{a['date']}T18:00:00+01:00")
        else:
            lines.append(f"{EN_DAYS[weekday(a['date'])]} {en_dmy(a['date'])}")
        lines.append(a["caption"])
        lines += a["body"]
        if a.get("setlist"):
            lines += ["Setlist"] + [f"{n + 1}. {s}" for n, s in enumerate(a["setlist"])]
        lines += ["Tickets", a["tickets"], "Buy tickets",
                  "You might also like", a["more"][0], a["more"][1],
                  "Feedback Loop is published by Lowfold Press. All rights reserved."]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 1), crlf=(i == 2), cp1252=(i == 3)))
    return pages


FEEDBACK_SHARED = "It was, quite simply, loud."

FEEDBACK = [
    article(
        "Halloway Moss at the Corn Exchange: a homecoming that shook the rafters",
        "Ten years after their first gig in the same room, the Harwick four-piece played like they had something to prove.",
        "Ruby Kwan", "2024-07-07", "Live",
        [
            "The last time Halloway Moss played the Corn Exchange, in 2014, there were 60 people in the room and the bassist was sick in the interval.",
            "On Sunday there were 1,800, and every one of them knew the words to Paper Lanterns.",
            FEEDBACK_SHARED,
            "“We used to stand over there and watch the bands we loved,” singer Ada Moss told the crowd, pointing to the bar. “Thank you for coming back with us.”",
            "The new songs held up well, though the slow middle section sagged.",
            "They closed, inevitably, with Harwick Rain, and the floor was still shaking ten minutes after the lights came up.",
        ],
        slug="halloway-moss-corn-exchange", badge="Live review", rating="★★★★☆",
        credit="Words: Ruby Kwan · Photos: Tariq Bell",
        caption="Ada Moss on stage at the Corn Exchange. Photo: Tariq Bell",
        setlist=["Paper Lanterns", "Coldwater", "Nine Bridges", "The Orchard Song", "Harwick Rain"],
        tickets="Halloway Moss UK tour 2024: tickets from £32",
        more=["Halloway Moss: “We nearly split up twice”", "The best live albums of the decade"],
    ),
    article(
        "Brightwater Festival announces its first headliners",
        "Sable Ayo and The Kestrels will top the bill at the seaside festival in August.",
        "Sam Okonedo", "2024-03-12", "Festivals",
        [
            "Brightwater Festival has announced Sable Ayo and The Kestrels as the first headliners of its 2024 edition, which takes place on the clifftops above Saltmere from 16 to 18 August.",
            "Thirty-two more acts were named, including the festival’s first stage for brass bands.",
            "Weekend tickets go on sale on Friday at 9am, priced at £149, with a limited number of £99 tickets for local residents. 🎪",
            "“We want it to feel like a village fête that got out of hand,” said the festival’s founder, Grace Pennock.",
            "Last year’s event sold out in four days.",
        ],
        slug="brightwater-headliners", credit="Words: Sam Okonedo",
        caption="The main stage at Brightwater in 2023. Photo: Brightwater Festival",
        tickets="Brightwater Festival 2024: weekend tickets from £149",
        more=["Festival guide 2024: every UK festival, week by week", "Sable Ayo: the long road to the main stage"],
    ),
    article(
        "Juno Ferreira: “I wrote the whole album on a borrowed guitar”",
        None,
        "Ruby Kwan", "2024-05-21", "Interviews",
        [
            "Juno Ferreira has had a strange year. Her debut album was recorded in a garden shed in eleven days, and it is now nominated for the Northern Sound prize.",
            "Where did the songs come from?",
            "From being broke, mostly. My own guitar was stolen, so a neighbour lent me his, an old nylon-string thing with a crack in it. 🎸",
            "Did the crack change the sound?",
            "It changed everything. It buzzes on the low notes, so I stopped playing low notes.",
            "What are you listening to at the moment?",
            "Brass bands. I know. Ask me again in a year.",
        ],
        slug="juno-ferreira-interview", credit="Words: Ruby Kwan · Photos: Elin Sørby",
        caption="Juno Ferreira in Saltmere. Photo: Elin Sørby",
        tickets="Juno Ferreira live in June: tickets from £18",
        more=["Northern Sound prize: the shortlist in full", "Ten debut albums you missed this spring"],
    ),
    article(
        "The Kestrels – Low Tide Radio review: big choruses, small ideas",
        "The Saltmere band's third album is built for festival fields, and it shows.",
        "Sam Okonedo and Ruby Kwan", "2024-06-14", "Albums",
        [
            "The Kestrels have never been subtle, and Low Tide Radio does not start now. The opening track has three choruses and a key change.",
            FEEDBACK_SHARED,
            "By contrast, the second half is quieter and more interesting: Harbour Lights, a piano ballad, is the best thing they have recorded.",
            "Read more closely, the lyrics are all about leaving home, which is odd from a band that has never left Saltmere.",
            "It will sound great at Brightwater in August.",
        ],
        slug="kestrels-low-tide-radio", badge="Album review", rating="8/10",
        credit="Words: Sam Okonedo and Ruby Kwan · Photos: press",
        caption="The Kestrels. Photo: Harbour Records",
        tickets="The Kestrels autumn tour: tickets from £28",
        more=["Brightwater Festival announces its first headliners", "The Kestrels: a history in five songs"],
    ),
]


LAYOUTS = {
    "voix-des-cretes": (cretes, CRETES),
    "canal-bocage": (bocage, BOCAGE),
    "transval-info": (transval, TRANSVAL),
    "coop-deux-vallees": (coop, COOP),
    "marrowby-magazine": (marrowby, MARROWBY),
    "brackenford-council": (brackenford, BRACKENFORD),
    "kilobyte-daily": (kilobyte, KILOBYTE),
    "feedback-loop": (feedback, FEEDBACK),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"marrowby-magazine", "feedback-loop"}
