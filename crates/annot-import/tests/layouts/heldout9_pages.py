"""The ninth held-out set of the layout sample: eight kinds of site that the
fifty-eight earlier layouts do not have, written before any work on them
and only ever scored as a whole (written at main's commit bab7d0c).
`make_pages.py` writes them into `heldout9/` with the rest. Its author read
the opening of the layouts README (the gold conventions and the layout
table), its sections "The seventh held-out set" and "The eighth held-out
set" (not the figures after them), `make_pages.py` (its helpers, its first
tuning layout and its `write`/`main`), the docstring and structure of
`heldout8_pages.py` (with its first layout and, by `tail`, its end), the
head of `heldout3_pages.py` (its helpers) and, to register the split,
`tests/layouts.rs` (its doc comments and constants); not the importer's
source, nor the pages or gold files of any earlier set, nor the README's
sections on the rounds of tuning or scoring.

Gold conventions are the earlier sets' (see the README, `heldout7_pages.py`
and `heldout8_pages.py`): the title is the headline, the lede the
standfirst (null where there is none), the byline the author's name(s) as
they stand without "Par"/"By" and without a role ("X et Y", "X and Y" for
two), an agency alone as it stands, the date the first publication (never
an update stamp, a relative time, a widget's date, an issue's date or a
date inside the body), the section the category over the headline or the
last crumb of a breadcrumb, and the body the paragraphs of the article
exactly as the lines stand. New here:

- A Moroccan francophone news site: the prayer-times widget ("Horaires des
  prières", "Fajr 05:48 · Dohr 12:41 …") and the exchange-rate strip ("EUR/MAD
  10,86 | USD/MAD 10,02") are furniture; a date line carrying the Hegira date
  beside the Gregorian one ("Mardi 12 mars 2024 | 1 Ramadan 1445") has the
  Gregorian date; "Lu 3 412 fois" is furniture; the agency alone ("Atlas
  Presse") is the byline; "Avec Atlas Presse" after a name is not part of
  the byline; the category over the headline is the section.
- A French courts bulletin: "Audience du 11 mars 2024" over the text is the
  hearing, not the date (the date is "Publié le …"); "Par X, avocate au
  barreau de Valmont" gives X; "Chronique judiciaire de X" gives X; the
  references box ("Références :", "Tribunal judiciaire de …, n° …",
  "Décision : …") and "L'affaire en bref" box are not body; the president's
  questions in dialogue dashes are body; the last crumb is the section.
- A parish newsletter: the issue line ("Bulletin n° 214 – Carême 2024") and
  the liturgical line ("4e dimanche de Carême") are not the date; the
  "Horaires des messes" box and the "Carnet paroissial" (baptêmes,
  obsèques, with their dates) are not body; "Le mot du curé" signed after
  the text "Antoine Mérel, curé de la paroisse" has "Antoine Mérel" as its
  byline, the rubric as its section and no standfirst; a collective
  signature ("L'équipe d'animation pastorale") is the byline as it stands;
  the salutation ("Chers paroissiens,") is body.
- A humanitarian NGO's field reports: the country kicker ("Niger", under
  the crumb) is not the section (the last crumb is); "Témoignage recueilli
  par X" after the text gives X; the "En chiffres" box and the donation box
  ("Je fais un don", "66 % de votre don est déductible …") are not body;
  the note "Les prénoms ont été modifiés." after the text is not body; "Par
  X, coordinatrice médicale" gives X.
- A Scottish regional daily: "By X" with "Local Democracy Reporter" under it
  gives X; a "Premium" badge is not the section (the last crumb is);
  "Published: 08:00, 12 March 2024" / "Tuesday, 2nd April 2024, 6:45 am" /
  a bare "14/05/2024" (day/month/year) are the date, "Updated: …" and "1
  hour ago" never; "Read More" with its link and "Advertisement" between
  paragraphs are not body, "Advertisement hoardings …" inside a sentence is.
- An English-language Asian business wire: the market strip is furniture;
  the dateline "SINGAPORE, March 12 (PacRim) —" opening the first
  paragraph is body; "2024/04/02 09:30 JST" is year/month/day; where no
  byline stands at the top, "(Reporting by X; Editing by Y)" after the text
  gives X (the editor is never the byline); the reporting line is never
  body; "(S$1 = 0.7442 US dollars)" is body; the "Key figures" box is not
  body; "Read more than the headline figures, …" opening a paragraph is
  body.
- A motoring magazine: the spec box ("Price:", "Engine:", "Power:",
  "0-62mph:", "Top speed:", "Economy:", "On sale:") and the verdict box
  ("Verdict", the rating "4/5", "For:" / "Against:") are not body; "Words:
  X · Photography: Y" gives X; "By X, Road Test Editor" gives X; a "First
  drive" / "Road test" badge is not the section (the last crumb is).
- An e-sports site: the score box ("Final · Bo5", "Team 3–1 Team") is not
  body; an embedded social post ("@handle · May 21", its text, "12.4K
  likes") is not body; the role under the name is not byline; "3h ago" is
  never the date; "Published 21.05.2024 · 18:00 CEST" is; emoji in body
  lines stay as they stand; "GG, well played." (body) recurs on two pages.

Every article, name, place of event, quote and figure is invented for this
project; the sites and the places are fictional.
"""

from heldout3_pages import dmy
from make_pages import Page, article, fr_long, interleave, ymd

FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def weekday(iso):
    from datetime import date

    return date.fromisoformat(iso).weekday()


def en_dmy(iso):
    y, m, d = ymd(iso)
    return f"{d} {EN_MONTHS[m - 1]} {y}"


def ordinal(d):
    if d in (11, 12, 13):
        return f"{d}th"
    return f"{d}" + {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")


# --------------------------------------------------------------------------
# A Moroccan francophone news site: exchange-rate strip and prayer times,
# the category over the headline, "Par X" / "Par X avec Atlas Presse" / the
# agency alone, "Mardi 12 mars 2024 | 1 Ramadan 1445" / "Publié le
# 02/04/2024 à 10h05 - Mis à jour le …" / "Il y a 4 heures" over "Le
# 14/05/2024 à 16:20" / an ISO stamp, "Lu N fois", "Lire aussi" inside the
# body.
# --------------------------------------------------------------------------

def medina(arts):
    pages = []
    for i, a in enumerate(arts):
        cp = i == 2
        lines = [
            "L'Écho de la Médina",
            "EUR/MAD 10,86 | USD/MAD 10,02 | Bourse MASI 12 874,30 (+0,42 %)",
            "Horaires des prières à Sidi Amrane",
            "Fajr 05:48 · Dohr 12:41 · Asr 16:07 · Maghreb 18:52 · Icha 20:09",
            "Accueil Maroc Économie Régions Monde Sport Culture" + ("" if cp else " العربية"),
            a["section"],
            a["title"],
            a["lede"],
            a["byline_line"],
        ]
        lines += a["date_lines"]
        lines += [f"Lu {a['reads']} fois", a["caption"]]
        lines += interleave(a["body"], {1: [f"Lire aussi : {a['related']}"], 3: ["Publicité"]})
        lines += ["Partager sur Facebook", "Partager sur WhatsApp", "Tags : " + a["tags"],
                  "Les plus lus", a["most"][0], a["most"][1],
                  "Newsletter : recevez chaque soir l'essentiel de l'actualité",
                  "© 2024 L'Écho de la Médina – Tous droits réservés"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), cp1252=cp, crlf=(i == 3)))
    return pages


MEDINA_SHARED = "Contacté par L'Écho de la Médina, le ministère n'a pas donné suite."

MEDINA = [
    article(
        "À Sidi Amrane, le port de pêche attend toujours sa halle frigorifique",
        "Promise en 2021, la halle devait permettre aux pêcheurs artisans de stocker leurs prises. Le chantier n'a jamais commencé.",
        "Salma Bennani", "2024-03-12", "Régions",
        [
            "Chaque matin, sur le quai nord du port de Sidi Amrane, les barques déchargent sardines et pageots dans des caisses en plastique posées à même le béton. Faute de froid, une partie de la pêche part à bas prix avant midi.",
            "« Nous vendons vite parce que nous n'avons pas le choix », explique Driss Ouazzani, qui préside la coopérative des pêcheurs artisans depuis six ans.",
            "La halle frigorifique, annoncée en grande pompe en 2021 pour 38 millions de dirhams, devait accueillir douze chambres froides et une fabrique de glace.",
            MEDINA_SHARED,
            "Par ailleurs, la commune affirme avoir cédé le terrain dès 2022 et attendre le lancement de l'appel d'offres.",
            "Les pêcheurs, eux, ont cessé de compter les réunions.",
        ],
        slug="halle-frigorifique", byline_line="Par Salma Bennani",
        date_lines=["Mardi 12 mars 2024 | 1 Ramadan 1445", "Mis à jour le 13/03/2024 à 09h20"],
        reads="3 412", caption="Des caisses de sardines sur le quai nord. © Salma Bennani / EM",
        related="Pêche artisanale : les quotas de poulpe revus à la baisse",
        tags="pêche, Sidi Amrane, infrastructures",
        most=["Le prix de la tomate s'envole sur les marchés", "Les stades de la Coupe rénovés avant l'été"],
    ),
    article(
        "Le prix de la tomate s'envole sur les marchés de gros",
        "Le kilo a dépassé 12 dirhams à Dar Lahmar, un record depuis trois ans, après une vague de froid dans les serres du Souss.",
        "Youssef El Alami", "2024-04-02", "Économie",
        [
            "Les détaillants du marché de gros de Dar Lahmar n'avaient pas vu de tels prix depuis l'hiver 2021. Mardi, la caisse de vingt kilos de tomates rondes s'échangeait à 245 dirhams.",
            "Les producteurs invoquent les nuits glaciales de février, qui ont ralenti la maturation dans les serres, et la hausse du prix des engrais.",
            "— Les gens achètent au kilo, plus à la caisse, résume un vendeur installé à l'entrée du marché depuis vingt ans.",
            "Le ministère de l'Agriculture prévoit un retour à la normale d'ici trois semaines, avec l'arrivée des récoltes de plein champ.",
            MEDINA_SHARED,
            "Les associations de consommateurs réclament une suspension temporaire des exportations.",
        ],
        slug="prix-tomate", byline_line="Par Youssef El Alami avec Atlas Presse",
        date_lines=["Publié le 02/04/2024 à 10h05 - Mis à jour le 03/04/2024 à 08h15"],
        reads="8 907", caption="Le marché de gros de Dar Lahmar, mardi matin. © EM",
        related="Inflation : les prix alimentaires tirent l'indice vers le haut",
        tags="prix, agriculture, consommation",
        most=["À Sidi Amrane, le port attend sa halle", "Les stades de la Coupe rénovés avant l'été"],
    ),
    article(
        "Les stades de la Coupe seront rénovés avant l'été",
        "Quatre enceintes doivent être remises aux normes avant la compétition continentale de juillet.",
        "Atlas Presse", "2024-05-14", "Sport",
        [
            "Les travaux de rénovation des stades de Sidi Amrane, Oued Lakhdar, Tiznit-Plage et Aït Baha devront être achevés le 30 juin, a annoncé mardi la fédération.",
            "Le budget global atteint 1,2 milliard de dirhams. Il comprend la pose de pelouses hybrides et le remplacement des sièges.",
            "« Nous serons prêts, il n'y a aucun doute », a déclaré le président de la fédération lors d'un point de presse.",
            "Le stade d'Aït Baha, le plus ancien, accueillera la finale.",
        ],
        slug="stades-coupe", byline_line="Atlas Presse",
        date_lines=["Il y a 4 heures", "Le 14/05/2024 à 16:20"],
        reads="1 208", caption="Le chantier du stade d'Aït Baha. © Atlas Presse",
        related="Football : la sélection dévoile sa liste pour juin",
        tags="football, stades, Coupe",
        most=["Le prix de la tomate s'envole sur les marchés", "Grève des taxis à Oued Lakhdar"],
    ),
    article(
        "Grève des taxis à Oued Lakhdar contre les applications de VTC",
        "Les chauffeurs de petits taxis ont bloqué le centre-ville pendant plus de cinq heures lundi.",
        "Nadia Tazi et Karim Berrada", "2024-06-03", "Maroc",
        [
            "Plusieurs centaines de petits taxis rouges ont convergé lundi matin vers la place de la Wilaya d'Oued Lakhdar, bloquant la circulation jusqu'en début d'après-midi.",
            "Les chauffeurs dénoncent la concurrence des applications de VTC, qui opèrent selon eux sans agrément depuis l'automne.",
            "« On paie la licence, l'assurance, le contrôle technique. Eux ne paient rien », lance Abdelkader, 52 ans, au volant depuis 1998. 🚕",
            "Une délégation a été reçue à la wilaya en fin de matinée. Une nouvelle réunion est prévue jeudi.",
            "Lire aussi les explications des plateformes, qui assurent respecter la loi, dans notre édition de demain.",
        ],
        slug="greve-taxis", byline_line="Par Nadia Tazi et Karim Berrada",
        date_lines=["2024-06-03T11:42:00+01:00", "Actualisé il y a 35 min"],
        reads="5 530", caption="Place de la Wilaya, lundi vers 10 heures. © Karim Berrada / EM",
        related="Transports urbains : le tramway prolongé vers l'aéroport",
        tags="taxis, VTC, Oued Lakhdar",
        most=["Le prix de la tomate s'envole sur les marchés", "À Sidi Amrane, le port attend sa halle"],
    ),
]


# --------------------------------------------------------------------------
# A French courts bulletin: "Accueil > Chroniques > Pénal", "Audience du …"
# over the text, "Par X, avocate au barreau de …" / "Chronique judiciaire
# de X" / "Par X et Y", "Publié le 12/03/2024" / a weekday date / "Mis à
# jour le …" over "Publié le …", "L'affaire en bref" box, a references box
# after the text.
# --------------------------------------------------------------------------

def pretoire(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Le Petit Prétoire",
            "L'actualité judiciaire du ressort de Valmont",
            "Accueil Chroniques Jurisprudence Agenda des audiences Contact",
            "Accueil > Chroniques > " + a["section"],
            a["title"],
            a["lede"],
        ]
        if i == 0:
            lines += [a["byline_line"], f"Publié le {dmy(a['date'])}", f"Audience du {fr_long(a['hearing'])}"]
        elif i == 1:
            lines += [f"Audience du {fr_long(a['hearing'])}", a["byline_line"],
                      f"{FR_DAYS[weekday(a['date'])].capitalize()} {fr_long(a['date'])}"]
        elif i == 2:
            lines += [f"Mis à jour le {dmy(a['updated'])} à 14h10", f"Publié le {fr_long(a['date'])} à 18h30",
                      a["byline_line"]]
        else:
            lines += [a["byline_line"], f"Le {dmy(a['date'])} · Temps de lecture : 4 min",
                      f"Audience du {fr_long(a['hearing'])}"]
        lines += ["L'affaire en bref"] + a["brief"]
        lines += interleave(a["body"], {2: [f"À lire aussi : {a['related']}"]})
        lines += ["Références :"] + a["refs"]
        lines += ["Partager cet article", "Imprimer",
                  "Les chroniques précédentes", a["prev"],
                  "Le Petit Prétoire est édité par l'association des chroniqueurs judiciaires de Valmont.",
                  "Mentions légales"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), crlf=(i == 3)))
    return pages


PRETOIRE_SHARED = "Le prévenu dispose de dix jours pour faire appel de cette décision."

PRETOIRE = [
    article(
        "Six mois avec sursis pour le faux plombier de la rue des Tanneurs",
        "Un homme de 34 ans facturait jusqu'à 1 800 euros des dépannages fictifs à des retraités.",
        "Claire Dumoulin", "2024-03-12", "Pénal",
        [
            "Il se présentait en bleu de travail, une caisse à outils à la main, et annonçait une fuite « très urgente » dans la cave. Entre mai et novembre 2023, Kévin T. a démarché une vingtaine de retraités du quartier des Tanneurs.",
            "— Vous reconnaissez les faits ? demande la présidente.",
            "— Pour certains, oui. Pas tous, répond le prévenu, les yeux rivés sur ses chaussures.",
            "Une victime de 86 ans, venue avec sa fille, raconte avoir payé 1 800 euros en liquide pour « changer un joint ». À la barre, elle ne reconnaît pas formellement le prévenu.",
            "Le tribunal l'a condamné à six mois d'emprisonnement avec sursis et à rembourser les victimes.",
            PRETOIRE_SHARED,
        ],
        slug="faux-plombier", hearing="2024-03-11",
        byline_line="Par Claire Dumoulin, avocate au barreau de Valmont",
        brief=["Prévenu : Kévin T., 34 ans", "Infraction : escroqueries en série", "Peine requise : un an avec sursis"],
        related="Démarchage à domicile : comment se protéger",
        refs=["Tribunal judiciaire de Valmont, ch. correctionnelle, 11 mars 2024, n° 23/04512",
              "Décision : six mois avec sursis, indemnisation des parties civiles"],
        prev="Le maire de Castelrieu relaxé pour la piscine municipale",
    ),
    article(
        "Licenciée pour un message vocal, une vendeuse obtient gain de cause",
        "Le conseil de prud'hommes juge disproportionné le licenciement d'une employée qui avait critiqué son chef dans une conversation privée.",
        "Bastien Lacombe", "2024-04-09", "Droit du travail",
        [
            "L'affaire tient en quarante secondes. Un soir de septembre, Mme R., vendeuse depuis neuf ans dans une jardinerie de la zone des Prés-Verts, laisse à une collègue un message vocal peu flatteur sur leur responsable.",
            "Le message circule, finit sur le téléphone du directeur. Dix jours plus tard, la salariée est licenciée pour faute grave.",
            "« Une conversation privée entre collègues ne saurait fonder une faute grave », relève le jugement, qui condamne l'employeur à verser 21 000 euros de dommages et intérêts.",
            "Par ailleurs, le conseil a ordonné le remboursement des indemnités de chômage versées à la salariée, dans la limite de six mois.",
            "L'employeur a fait appel.",
        ],
        slug="message-vocal", hearing="2024-02-27",
        byline_line="Chronique judiciaire de Bastien Lacombe",
        brief=["Juridiction : conseil de prud'hommes de Valmont", "Objet : contestation d'un licenciement pour faute grave"],
        related="Réseaux sociaux et vie privée des salariés : ce que dit la jurisprudence",
        refs=["Conseil de prud'hommes de Valmont, section commerce, 27 février 2024, n° F 23/00318",
              "Décision : licenciement sans cause réelle et sérieuse"],
        prev="Six mois avec sursis pour le faux plombier de la rue des Tanneurs",
    ),
    article(
        "Le maire de Castelrieu relaxé dans l'affaire de la piscine municipale",
        "Poursuivi pour favoritisme, l'élu a été relaxé ; le tribunal estime que l'attribution du marché n'a pas été faussée.",
        "Hélène Fabre et Marc-Olivier Joly", "2024-05-21", "Pénal",
        [
            "Le jugement a été rendu en fin d'après-midi devant une salle comble. Poursuivi pour favoritisme dans l'attribution du marché de rénovation de la piscine municipale, Gérard Pujol, maire de Castelrieu depuis 2014, a été relaxé.",
            "Le parquet avait requis dix-huit mois avec sursis et cinq ans d'inéligibilité.",
            "Pour le tribunal, les échanges de courriels entre l'élu et le dirigeant de l'entreprise retenue « traduisent une familiarité regrettable » mais ne prouvent pas que les autres candidats ont été écartés.",
            "« Je n'ai jamais douté », a réagi le maire à la sortie, entouré de ses adjoints.",
            PRETOIRE_SHARED,
        ],
        slug="maire-castelrieu", updated="2024-05-22",
        byline_line="Par Hélène Fabre et Marc-Olivier Joly",
        brief=["Prévenu : Gérard Pujol, maire de Castelrieu", "Infraction : favoritisme", "Réquisitions : dix-huit mois avec sursis"],
        related="Marchés publics : les élus locaux face au délit de favoritisme",
        refs=["Tribunal judiciaire de Valmont, ch. correctionnelle, 21 mai 2024, n° 22/01877",
              "Décision : relaxe"],
        prev="Licenciée pour un message vocal, une vendeuse obtient gain de cause",
    ),
    article(
        "Bail commercial : la boulangerie du marché couvert pourra rester",
        "La cour d'appel annule l'expulsion d'une boulangerie installée depuis 1987 sous la halle de Saint-Privat.",
        "Claire Dumoulin", "2024-06-18", "Droit civil",
        [
            "La famille Roques fait du pain sous la halle de Saint-Privat depuis 1987. En 2022, la commune, propriétaire des murs, avait refusé de renouveler son bail pour y installer un espace de restauration.",
            "En première instance, le tribunal avait validé le congé et ordonné l'expulsion.",
            "La cour d'appel a jugé au contraire que le motif invoqué ne relevait pas d'un intérêt général suffisant.",
            "— On a fait les croissants ce matin comme d'habitude, sourit Sandrine Roques. On ne savait pas encore.",
            "La commune n'a pas indiqué si elle se pourvoirait en cassation.",
        ],
        slug="boulangerie-halle", hearing="2024-05-30",
        byline_line="Claire Dumoulin",
        brief=["Parties : SARL Roques c/ commune de Saint-Privat", "Objet : refus de renouvellement d'un bail commercial"],
        related="Baux commerciaux : les communes peuvent-elles reprendre leurs murs ?",
        refs=["Cour d'appel de Valmont, 2e ch. civile, 18 juin 2024, n° 23/00941",
              "Décision : infirmation, congé annulé"],
        prev="Le maire de Castelrieu relaxé dans l'affaire de la piscine municipale",
    ),
]


# --------------------------------------------------------------------------
# A parish newsletter: the issue line, the liturgical line, "Le mot du curé"
# signed after the text, a collective signature, the mass times box and
# the parish register; blank lines between paragraphs.
# --------------------------------------------------------------------------

def paroisse(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Paroisse Saint-Ambroise-des-Coteaux",
            "Accueil | La paroisse | Sacrements | Agenda | Le bulletin | Dons",
            a["issue"],
            a["liturgy"],
            a["section"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        if a.get("byline_top"):
            lines.append(a["byline_top"])
        lines.append(a["date_line"])
        lines += interleave(a["body"], {a.get("box_after", 2): ["Horaires des messes"] + a["masses"]})
        if a.get("signature"):
            lines += a["signature"]
        lines += ["Carnet paroissial"] + a["carnet"]
        lines += ["Dans ce bulletin", a["also"],
                  "Secrétariat : 2 place de l'Église, 12340 Les Coteaux – ouvert le mardi et le vendredi de 9 h à 12 h",
                  "Faire un don à la paroisse"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 0), bom=(i == 2)))
    return pages


MASSES = ["Samedi 18 h 30 : Saint-Martin-du-Pré", "Dimanche 10 h 30 : Saint-Ambroise",
          "Mardi et jeudi 9 h : chapelle des Sœurs"]
PAROISSE_SHARED = "Que chacun trouve sa place dans notre communauté, quels que soient son âge et son histoire."

PAROISSE = [
    article(
        "Carême : prendre le temps de se taire",
        None, "Antoine Mérel", "2024-03-08", "Le mot du curé",
        [
            "Chers paroissiens,",
            "Nous voici déjà au milieu du Carême. Beaucoup d'entre vous m'ont dit, à la sortie de la messe, combien il était difficile de trouver un moment de calme dans des semaines trop pleines.",
            "Je ne vous proposerai pas un effort de plus. Je vous propose plutôt d'en retirer un : dix minutes par jour sans téléphone, sans radio, sans rien.",
            "Par ailleurs, l'église restera ouverte chaque jour de 8 h à 19 h jusqu'à Pâques, pour ceux qui voudraient y passer.",
            PAROISSE_SHARED,
            "Bon chemin vers Pâques à tous.",
        ],
        slug="mot-du-cure-careme", issue="Bulletin n° 214 – Carême 2024", liturgy="4e dimanche de Carême",
        date_line="Publié le 8 mars 2024",
        signature=["Antoine Mérel, curé de la paroisse"], masses=MASSES, box_after=3,
        carnet=["Baptêmes : Léna Fournier (2 mars), Noé Castan (3 mars)",
                "Obsèques : Marcelle Vidal, 91 ans (29 février)"],
        also="La kermesse aura lieu le 9 juin",
    ),
    article(
        "La kermesse aura lieu le 9 juin dans le parc du presbytère",
        "Stands, tombola et repas partagé : l'équipe cherche encore des bénévoles pour le montage.",
        "L'équipe d'animation pastorale", "2024-04-12", "Vie de la paroisse",
        [
            "Après deux années dans la salle des fêtes, la kermesse retrouve le parc du presbytère, dont les allées ont été refaites cet hiver par une équipe de paroissiens.",
            "Au programme : stands de jeux pour les enfants, brocante, tombola et, à midi, le traditionnel aligot préparé par les anciens du club des Coteaux.",
            "« Il nous faut une quinzaine de bras le samedi matin pour monter les barnums », prévient Josiane Ribes, qui coordonne la journée depuis 2011.",
            "Les bénéfices financeront la réfection du toit de la chapelle Saint-Martin-du-Pré.",
            PAROISSE_SHARED,
        ],
        slug="kermesse-9-juin", issue="Bulletin n° 215 – Temps pascal 2024", liturgy="2e dimanche de Pâques",
        date_line="Vendredi 12 avril 2024",
        signature=["L'équipe d'animation pastorale"], masses=MASSES,
        carnet=["Mariage : Élodie Bastide et Thomas Grialou (6 avril)",
                "Obsèques : Raymond Couderc, 78 ans (8 avril)"],
        also="Pèlerinage à Rocamadour : les inscriptions sont ouvertes",
    ),
    article(
        "Pèlerinage à Rocamadour : les inscriptions sont ouvertes",
        "Deux jours de marche et de prière les 21 et 22 septembre, à partir de 8 ans.",
        "Geneviève Almeras", "2024-05-17", "Pèlerinages",
        [
            "Comme chaque année, la paroisse organise à la fin de l'été un pèlerinage de deux jours vers Rocamadour. Le départ se fera à pied depuis Gramat, le samedi à 7 heures.",
            "Un car accompagnera le groupe pour les personnes qui ne peuvent pas marcher toute l'étape. 🙏",
            "— Et si je n'ai jamais fait de pèlerinage ? Alors c'est l'occasion, répond en riant l'abbé Mérel.",
            "La participation est fixée à 65 euros par adulte, hébergement et repas compris. Personne ne doit renoncer pour des raisons financières : parlez-en au secrétariat.",
            "Inscriptions avant le 30 juin.",
        ],
        slug="pelerinage-rocamadour", issue="Bulletin n° 216 – Mai 2024", liturgy="Veille de la Pentecôte",
        date_line="Mis en ligne le 17/05/2024", byline_top="Par Geneviève Almeras",
        masses=MASSES, box_after=1,
        carnet=["Baptême : Jules Marty (11 mai)", "Obsèques : Jeanne Calmels, 88 ans (13 mai)"],
        also="Catéchisme : rentrée le 18 septembre",
    ),
    article(
        "Catéchisme : rentrée le 18 septembre",
        "Les inscriptions pour l'éveil à la foi et le catéchisme se feront lors de deux permanences, début septembre.",
        "Marie-Pierre Lacan", "2024-08-30", "Enfance et jeunesse",
        [
            "Les enfants du CE1 au CM2 sont attendus le mercredi 18 septembre à 10 heures à la salle Saint-Joseph, pour une matinée de rentrée avec leurs parents.",
            "Deux permanences d'inscription auront lieu les samedis 7 et 14 septembre, de 10 h à 12 h, au presbytère.",
            "L'éveil à la foi, pour les 3-7 ans, reprendra le premier dimanche d'octobre pendant la messe de 10 h 30.",
            "Nous cherchons encore deux catéchistes pour le groupe des CM1. Aucune formation préalable n'est demandée, seulement un peu de temps et d'envie.",
        ],
        slug="catechisme-rentree", issue="Bulletin n° 218 – Rentrée 2024", liturgy="22e dimanche du temps ordinaire",
        date_line="Publié le 30/08/2024 · Mis à jour le 1er septembre 2024", byline_top="Marie-Pierre Lacan, responsable de la catéchèse",
        masses=MASSES,
        carnet=["Baptêmes : Chloé Serres (24 août), Martin Pagès (25 août)",
                "Obsèques : Henri Bouscarel, 83 ans (27 août)"],
        also="La kermesse a rapporté 4 200 euros",
    ),
]


# --------------------------------------------------------------------------
# A humanitarian NGO's field reports: "Accueil > Nos actions > Nutrition"
# with a country kicker, "Carnet de terrain" badge, "Par X, coordinatrice
# médicale" / "Témoignage recueilli par X" after the text / "Par X et Y",
# "Publié le 04.03.2024" / "Mardi 9 avril 2024" / "Il y a 2 jours" over "Le
# 23 mai 2024", an "En chiffres" box and a donation box inside the text.
# --------------------------------------------------------------------------

def terrains(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Terrains Solidaires",
            "Je fais un don",
            "Qui sommes-nous | Nos actions | Pays d'intervention | S'engager | Presse",
            "Accueil > Nos actions > " + a["section"],
            a["country"],
            "Carnet de terrain",
            a["title"],
            a["lede"],
        ]
        if i == 0:
            lines += [a["byline_line"], f"Publié le {d:02}.{m:02}.{y}"]
        elif i == 1:
            lines += [f"{FR_DAYS[weekday(a['date'])].capitalize()} {fr_long(a['date'])}"]
        elif i == 2:
            lines += ["Il y a 2 jours", a["byline_line"], f"Le {fr_long(a['date'])}"]
        else:
            lines += [a["byline_line"], f"Publié le {fr_long(a['date'])} · Mis à jour le {fr_long(a['updated'])}"]
        lines.append(a["caption"])
        lines += interleave(a["body"], {
            1: ["En chiffres"] + a["figures"],
            len(a["body"]) - 2: ["Je fais un don",
                                 "Avec 40 €, vous financez dix jours de traitement pour un enfant.",
                                 "66 % de votre don est déductible de votre impôt sur le revenu."],
        })
        if a.get("after"):
            lines += a["after"]
        lines += ["Partager ce témoignage", "Sur le même terrain", a["same"],
                  "Terrains Solidaires est une association loi de 1901 reconnue d'utilité publique.",
                  "Recevoir nos nouvelles du terrain"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), bom=(i == 3), cp1252=(i == 2)))
    return pages


TERRAINS_SHARED = "Nos équipes restent sur place tant que les familles ont besoin de nous."

TERRAINS = [
    article(
        "À Tessaoua-Est, la saison de la soudure a commencé plus tôt",
        "Dans le centre de nutrition, les admissions d'enfants malnutris ont doublé depuis janvier.",
        "Aïssata Diallo", "2024-03-04", "Nutrition",
        [
            "Le centre de nutrition de Tessaoua-Est accueille d'habitude ses premiers cas graves en mai, au cœur de la soudure. Cette année, les lits étaient pleins dès la fin février.",
            "Les récoltes de l'automne ont été mauvaises, et les prix du mil ont augmenté d'un tiers sur le marché. Les familles réduisent les repas, les enfants en paient le prix.",
            "« Nous avons installé une deuxième tente et recruté quatre infirmiers », explique Aïssata Diallo. « Si le rythme continue, cela ne suffira pas en avril. »",
            TERRAINS_SHARED,
            "La plupart des enfants sortent guéris au bout de trois à quatre semaines.",
        ],
        slug="soudure-tessaoua", country="Niger",
        byline_line="Par Aïssata Diallo, coordinatrice médicale",
        caption="La tente d'hospitalisation ajoutée en février. © Terrains Solidaires",
        figures=["312 enfants admis en février", "92 % de guérisons", "4 infirmiers recrutés"],
        same="Les agents de santé communautaires, premiers maillons de la chaîne",
    ),
    article(
        "« Je ne savais pas que l'eau pouvait rendre malade »",
        "Dans les camps de déplacés de Kalemba, une campagne de chloration a fait reculer le choléra.",
        "Joseph Mwamba", "2024-04-09", "Eau et assainissement",
        [
            "Grâce a neuf ans. Elle porte chaque matin deux bidons jaunes jusqu'à la borne-fontaine installée par l'association à l'entrée du camp.",
            "« Avant, on prenait l'eau à la rivière. Mon petit frère a été malade trois fois l'an dernier. Maintenant, on attend le chlore, même quand il y a la queue. »",
            "Sa mère, Esther, montre la jarre couverte où la famille garde l'eau de boisson.",
            "— Et quand il n'y a plus de chlore ? On fait bouillir, si on a du bois.",
            "Depuis le début de la campagne, en janvier, le nombre de cas de choléra signalés dans le camp est passé de 140 à 11 par mois.",
            TERRAINS_SHARED,
        ],
        slug="eau-kalemba", country="République démocratique du Congo",
        caption="La borne-fontaine à l'entrée du camp. © Joseph Mwamba / TS",
        figures=["14 bornes-fontaines", "22 000 personnes desservies", "-92 % de cas de choléra"],
        after=["Témoignage recueilli par Joseph Mwamba", "Les prénoms ont été modifiés."],
        same="À Tessaoua-Est, la saison de la soudure a commencé plus tôt",
    ),
    article(
        "Après le séisme, les cliniques mobiles montent dans les vallées",
        "Trois semaines après la secousse, des villages du haut Tizgui ne sont accessibles qu'à dos de mulet.",
        "Camille Arnaud et Hamid Ouchen", "2024-05-23", "Urgences",
        [
            "La piste s'arrête au col. Au-delà, il faut deux heures de marche pour atteindre Aït Ouzrou, un village de 400 habitants dont la moitié des maisons se sont effondrées.",
            "Chaque mardi, une équipe de trois personnes, un médecin, une infirmière et une sage-femme, y monte avec les médicaments chargés sur deux mulets.",
            "« Les blessures sont soignées maintenant. Ce que nous voyons, ce sont les maladies chroniques qui n'ont pas été suivies depuis un mois », raconte le docteur Ouchen.",
            "Par ailleurs, une psychologue rejoindra l'équipe à partir de juin.",
            "Les premières tentes d'hiver doivent arriver avant septembre.",
        ],
        slug="seisme-cliniques-mobiles", country="Maroc",
        byline_line="Par Camille Arnaud et Hamid Ouchen",
        caption="L'équipe mobile au col de Tizgui. © Terrains Solidaires",
        figures=["9 villages visités chaque semaine", "1 260 consultations", "3 équipes mobiles"],
        same="Le camp de Kalemba, un an après",
    ),
    article(
        "Les agents de santé communautaires, premiers maillons de la chaîne",
        "Formés en six semaines, ils dépistent la malnutrition et le paludisme dans les villages les plus éloignés des centres de santé.",
        "Aïssata Diallo", "2024-06-11", "Santé communautaire",
        [
            "Moussa Garba a un vélo, une sacoche et un bracelet de mesure à trois couleurs. Depuis un an, il fait le tour de six villages autour de Dan Kassa, à trois jours de marche du premier hôpital.",
            "Lorsque le bracelet passe au rouge autour du bras d'un enfant, Moussa remplit une fiche et organise le transfert vers le centre de nutrition.",
            "« Les mères me connaissent maintenant. Elles viennent me chercher avant que ce soit grave », dit-il.",
            "L'association forme et équipe 120 agents dans la région, payés par le ministère de la Santé après la première année.",
        ],
        slug="agents-communautaires", country="Niger", updated="2024-06-12",
        byline_line="Aïssata Diallo",
        caption="Moussa Garba mesure le bras d'un enfant à Dan Kassa. © Terrains Solidaires",
        figures=["120 agents formés", "6 semaines de formation", "38 villages couverts"],
        same="À Tessaoua-Est, la saison de la soudure a commencé plus tôt",
    ),
]


# --------------------------------------------------------------------------
# A Scottish regional daily: "News > Highlands" crumbs, a "Premium" badge,
# "By X" with "Local Democracy Reporter" under it / "By X and Y" / the name
# alone, "Published: 08:00, 12 March 2024" + "Updated: …" / "Tuesday, 2nd
# April 2024, 6:45 am" / "1 hour ago" over a bare "14/05/2024",
# "Advertisement" and "Read More" inside the body.
# --------------------------------------------------------------------------

def herald(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "The Glenmoray Herald",
            "Subscribe",
            "Sign in",
            "News Sport Business Opinion What's On Motors Jobs Announcements",
            "News > " + a["section"],
        ]
        if a.get("premium"):
            lines.append("Premium")
        lines += [a["title"], a["lede"]]
        lines += a["byline_lines"]
        if i == 0:
            lines += [f"Published: 08:00, {en_dmy(a['date'])}", f"Updated: 13:27, {en_dmy(a['date'])}"]
        elif i == 1:
            lines.append(f"{EN_DAYS[weekday(a['date'])]}, {ordinal(d)} {EN_MONTHS[m - 1]} {y}, 6:45 am")
        elif i == 2:
            lines += ["1 hour ago", f"{d:02}/{m:02}/{y}"]
        else:
            lines += [f"Published: 17:10, {en_dmy(a['date'])}", "Updated: 2 hours ago"]
        lines += ["Share", a["caption"]]
        lines += interleave(a["body"], {1: ["Advertisement"], 2: ["Read More", a["related"]], 4: ["Advertisement"]})
        lines += ["Have you got a story? Email newsdesk@glenmorayherald.example",
                  "Comments", "Comments are closed on this article.",
                  "Most Read", a["most"][0], a["most"][1],
                  "© 2024 Glenmoray Herald Ltd. Registered in Scotland."]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 0), cp1252=(i == 3)))
    return pages


HERALD_SHARED = "The council said it would set out its plans in full at next month's meeting."

HERALD = [
    article(
        "Ferry timetable cut leaves Inchmore islanders stranded for weekend",
        "Residents say a reduced winter service meant they could not reach the mainland hospital for appointments.",
        "Fiona MacAskill", "2024-03-12", "Highlands",
        [
            "Islanders on Inchmore have called for an urgent review of the winter ferry timetable after the Saturday sailing was withdrawn for the third weekend running.",
            "The 40-minute crossing to Port Ardail is the only link to the mainland for the island's 230 residents.",
            "\"We had people who missed dialysis,\" said community council chairwoman Morag Lindsay. \"That is not an inconvenience, that is dangerous.\"",
            "The operator said the cancellations were caused by a shortage of crew rather than the weather.",
            HERALD_SHARED,
            "By contrast, the summer timetable, published last week, adds two extra sailings on Fridays.",
        ],
        slug="inchmore-ferry",
        byline_lines=["By Fiona MacAskill", "Local Democracy Reporter"],
        caption="The ferry at Port Ardail pier. Picture: Hamish Rennie",
        related="Islanders launch petition for second vessel",
        most=["Distillery expansion approved despite objections", "Glenmoray Thistle sack manager"],
    ),
    article(
        "Distillery expansion approved despite objections over lorry traffic",
        "Councillors voted seven to four in favour of doubling the size of the Balnacraig distillery.",
        "Ewan Stratton and Kirsty Bain", "2024-04-02", "Moray",
        [
            "Plans to double the size of the Balnacraig distillery were approved by the planning committee yesterday, despite 63 letters of objection.",
            "Neighbours had raised fears over the number of lorries using the single-track road through the village.",
            "The company has agreed to fund passing places and a new junction on the A941.",
            "Advertisement hoardings promoting the expansion had already gone up at the site before the vote, which one councillor described as \"presumptuous\".",
            "The new stillhouse is expected to create 24 jobs.",
            HERALD_SHARED,
        ],
        slug="balnacraig-distillery",
        byline_lines=["By Ewan Stratton and Kirsty Bain"],
        caption="An artist's impression of the new stillhouse. Picture: Balnacraig Distillers",
        related="Whisky exports hit record high",
        most=["Ferry timetable cut leaves islanders stranded", "Glenmoray Thistle sack manager"],
    ),
    article(
        "Glenmoray Thistle sack manager after eight games without a win",
        "The club said it had \"reluctantly\" parted company with Gordon Keir, who took charge in the summer.",
        "Callum Reid", "2024-05-14", "Sport",
        [
            "Glenmoray Thistle have sacked manager Gordon Keir after a run of eight matches without a win left the club two points above the relegation play-off place.",
            "Keir, 47, was appointed in June on a two-year contract after leading Cairnlee Rovers to promotion.",
            "Saturday's 3-0 home defeat to Fort Annat proved to be his last game in charge.",
            "Assistant manager Ross Duthie will take the team for the final two fixtures.",
            "Read more about the shortlist in Thursday's paper, the club said, with an appointment expected before pre-season.",
        ],
        slug="thistle-manager", premium=True,
        byline_lines=["Callum Reid", "Sports Reporter"],
        caption="Gordon Keir on the touchline in April. Picture: SNS",
        related="Thistle fans protest before Fort Annat game",
        most=["Distillery expansion approved despite objections", "Ferry timetable cut leaves islanders stranded"],
    ),
    article(
        "Mountain rescue team called out 14 times in a single week",
        "Volunteers warn walkers to check the forecast after a run of call-outs on the Cairn Dubh ridge.",
        "Fiona MacAskill", "2024-06-25", "Highlands",
        [
            "The Strathdearg Mountain Rescue Team has asked walkers to plan ahead after its volunteers were called out 14 times in seven days.",
            "Most of the incidents involved walkers who had become lost in low cloud on the Cairn Dubh ridge, or who were not equipped for the conditions.",
            "\"Nobody should be embarrassed to call us,\" said team leader Alasdair Munro. \"But a head torch and a map would save a lot of night-time searches.\"",
            "Two walkers were taken to hospital with minor injuries.",
            "The team is entirely staffed by volunteers and relies on donations.",
        ],
        slug="mountain-rescue-callouts",
        byline_lines=["By Fiona MacAskill", "Local Democracy Reporter"],
        caption="Rescue volunteers on the Cairn Dubh ridge. Picture: Strathdearg MRT",
        related="Record year for hillwalking in the Highlands",
        most=["Glenmoray Thistle sack manager", "Distillery expansion approved despite objections"],
    ),
]


# --------------------------------------------------------------------------
# An English-language Asian business wire: a market strip, "Markets >
# Asia", "By X" / "By X and Y" / no byline with "(Reporting by X; Editing
# by Y)" at the foot, "12 Mar 2024 14:05 SGT" / "2024/04/02 09:30 JST" / an
# ISO stamp + "Updated 3 hours ago" / "Updated …" over "Published …", the
# dateline opening the first paragraph, a "Key figures" box.
# --------------------------------------------------------------------------

def pacrim(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "PacRim Business Wire",
            "STI 3,142.55 +0.4% | NIKKEI 39,870.10 -0.2% | HSI 16,512.30 +1.1% | USD/SGD 1.3441",
            "Markets Companies Economy Tech Commodities Opinion",
            "Markets > " + a["section"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        if a.get("byline_line"):
            lines.append(a["byline_line"])
        if i == 0:
            lines.append(f"{d} {EN_SHORT[m - 1]} {y} 14:05 SGT")
        elif i == 1:
            lines.append(f"{y}/{m:02}/{d:02} 09:30 JST")
        elif i == 2:
            lines += [f"{a['date']}T07:15:00+08:00", "Updated 3 hours ago"]
        else:
            lines += [f"Updated {a['updated_line']}", f"Published {d} {EN_SHORT[m - 1]} {y} 18:40 HKT"]
        lines += ["3 min read", "Share"]
        lines += interleave(a["body"], {1: ["Key figures"] + a["figures"]})
        lines.append(a["reporting"])
        lines += ["Our standards: The PacRim Trust Principles.", "Read next", a["next"][0], a["next"][1],
                  "Data is delayed at least 15 minutes.", "© 2024 PacRim Business Wire Pte Ltd"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 1), crlf=(i == 2)))
    return pages


PACRIM_SHARED = "The company did not respond to a request for comment outside business hours."

PACRIM = [
    article(
        "Straits Harbour Logistics posts record profit as Red Sea detours lift rates",
        "Net profit rose 41% in the fourth quarter, beating analyst estimates.",
        "Lim Wei Ling", "2024-03-12", "Asia",
        [
            "SINGAPORE, March 12 (PacRim) — Straits Harbour Logistics reported a record quarterly profit on Tuesday as longer shipping routes around Africa pushed up freight rates and kept its warehouses full.",
            "Net profit for the October-December quarter rose 41% to S$182 million, above the S$160 million expected by analysts.",
            "Chief executive Tan Boon Huat said the company expected rates to stay high \"at least through the first half\".",
            "Its shares rose 3.2% in morning trade, outperforming the benchmark Straits Times Index.",
            "(S$1 = 0.7442 US dollars)",
        ],
        slug="straits-harbour-profit", byline_line="By Lim Wei Ling",
        figures=["Net profit: S$182 mln (+41%)", "Revenue: S$1.31 bln (+18%)", "Dividend: 6.5 cents"],
        reporting="(Reporting by Lim Wei Ling; Editing by Priya Raman)",
        next=["Japan's Kiyose Motors to build battery plant in Thailand", "Rupiah slips as bond outflows continue"],
    ),
    article(
        "Japan's Kiyose Motors to build $1.2 billion battery plant in Thailand",
        "The plant will supply the carmaker's electric pickups for Southeast Asian markets from 2026.",
        "Haruto Mizuno and Siriporn Chaiyaporn", "2024-04-02", "Companies",
        [
            "TOKYO/BANGKOK, April 2 (PacRim) — Kiyose Motors will spend $1.2 billion on a battery plant in eastern Thailand, the Japanese carmaker said on Tuesday, its largest investment in the region.",
            "The plant in Chachoengsao province will have an annual capacity of 20 gigawatt-hours and employ about 1,800 people.",
            "By contrast, the company has scaled back plans for a similar plant in Japan, citing higher energy costs.",
            "\"Southeast Asia is where our pickups are sold, so it is where the batteries should be made,\" a Kiyose executive told reporters in Tokyo.",
            PACRIM_SHARED,
        ],
        slug="kiyose-battery-plant", byline_line="By Haruto Mizuno and Siriporn Chaiyaporn",
        figures=["Investment: $1.2 bln", "Capacity: 20 GWh a year", "Jobs: about 1,800"],
        reporting="(Reporting by Haruto Mizuno in Tokyo and Siriporn Chaiyaporn in Bangkok; Editing by Daniel Ng)",
        next=["Straits Harbour Logistics posts record profit", "Thai baht firms on tourism rebound"],
    ),
    article(
        "Rupiah slips to four-month low as foreign investors sell bonds",
        None, "Dewi Kartika", "2024-05-21", "Currencies",
        [
            "JAKARTA, May 21 (PacRim) — Indonesia's rupiah fell to its weakest level in four months on Tuesday as foreign investors sold local government bonds for a sixth straight session.",
            "The currency touched 16,210 per dollar before the central bank was seen intervening, traders said.",
            "Foreign holdings of rupiah bonds have fallen by about 9 trillion rupiah this month, according to finance ministry data.",
            "Advertisement of a new retail bond, due next week, did little to lift sentiment.",
            PACRIM_SHARED,
        ],
        slug="rupiah-four-month-low",
        figures=["USD/IDR: 16,210 (intraday high)", "Foreign bond outflows in May: 9 trln rupiah"],
        reporting="(Reporting by Dewi Kartika; Editing by Priya Raman)",
        next=["Bank Indonesia seen holding rates", "Straits Harbour Logistics posts record profit"],
    ),
    article(
        "Hong Kong property developer Lantau Crest wins creditor backing for debt plan",
        "Holders of 78% of its offshore bonds have signed up to the restructuring.",
        "Kwok Ming-yan", "2024-06-27", "Property",
        [
            "HONG KONG, June 27 (PacRim) — Lantau Crest Holdings said on Thursday that creditors holding 78% of its offshore bonds had agreed to its restructuring plan, clearing a key hurdle.",
            "The plan would swap $3.4 billion of bonds for new notes with longer maturities and a stake in the company.",
            "Its shares, suspended since April, are expected to resume trading next week.",
            "Read more than the headline figures, analysts said, and the plan still leaves the developer with heavy repayments from 2027.",
        ],
        slug="lantau-crest-restructuring", byline_line="By Kwok Ming-yan",
        updated_line="28 Jun 2024 09:02 HKT",
        figures=["Offshore bonds: $3.4 bln", "Creditor support: 78%", "Threshold required: 75%"],
        reporting="(Reporting by Kwok Ming-yan; Editing by Daniel Ng)",
        next=["Hong Kong home prices fall for third month", "Rupiah slips to four-month low"],
    ),
]


# --------------------------------------------------------------------------
# A motoring magazine: "Reviews > SUVs" crumbs, a "First drive" / "Road
# test" badge, "By X, Road Test Editor" / "Words: X · Photography: Y" / "By
# X and Y", "Published 14 March 2024, 10:00am" / a weekday date / "2 days
# ago" with "First published …" at the foot, a spec box and a verdict box,
# "Advertisement" between paragraphs; blank lines between paragraphs.
# --------------------------------------------------------------------------

def gearbox(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Gearbox",
            "New cars Used cars Reviews News Electric Buying advice",
            "Reviews > " + a["section"],
            a["badge"],
            a["title"],
            a["lede"],
            a["byline_line"],
        ]
        if i == 0:
            lines.append(f"Published {en_dmy(a['date'])}, 10:00am")
        elif i == 1:
            lines.append(f"{EN_DAYS[weekday(a['date'])]} {en_dmy(a['date'])}")
        elif i == 2:
            lines.append("2 days ago")
        else:
            lines += [f"{en_dmy(a['date'])} · Updated {en_dmy(a['updated'])}"]
        lines += [a["caption"]]
        lines += interleave(a["body"], {0: ["Specifications"] + a["specs"], 2: ["Advertisement"]})
        lines += ["Verdict", a["rating"], "For: " + a["for"], "Against: " + a["against"]]
        if i == 2:
            lines.append(f"First published {en_dmy(a['date'])}")
        lines += ["Find a used " + a["model"] + " near you", "More reviews", a["more"],
                  "Gearbox is part of Crankshaft Media Ltd."]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 2), crlf=(i == 3)))
    return pages


GEARBOX = [
    article(
        "Halden Vestra Hybrid review: the sensible choice finally gets interesting",
        "Halden's family SUV gains a plug-in hybrid with 52 miles of electric range. Does it justify the price?",
        "Owen Pritchard", "2024-03-14", "SUVs",
        [
            "The Vestra has been Halden's best-seller for six years, mostly because it does nothing wrong. The new plug-in hybrid version is the first to do something notably right.",
            "On our test route it managed 47 miles on electricity alone, which covers most people's daily commute without the engine waking up.",
            "When it does, the 1.5-litre petrol is smooth and quiet, although it gets vocal above 4,000rpm.",
            "By contrast, the ride is firmer than in the standard car, a consequence of the extra 210kg of battery.",
            "At £41,250 it is not cheap, but company car drivers will find the tax bill hard to argue with.",
        ],
        slug="halden-vestra-hybrid", badge="Road test", model="Halden Vestra",
        byline_line="By Owen Pritchard, Road Test Editor",
        caption="The Vestra Hybrid on test in the Peak District.",
        specs=["Price: £41,250", "Engine: 1.5-litre petrol plus electric motor", "Power: 268bhp",
               "0-62mph: 7.4sec", "Top speed: 120mph", "Electric range: 52 miles", "On sale: Now"],
        rating="4/5", **{"for": "Long electric range, refinement, practicality"},
        against="Firm ride, price", more="Corvane C3 review: small car, big ideas",
    ),
    article(
        "Corvane C3 review: a small car with big ideas",
        "The new C3 is cheaper than most rivals and roomier than all of them. But has Corvane cut too many corners?",
        "Lucy Haworth", "2024-04-16", "Small cars",
        [
            "Corvane has a habit of making small cars that feel bigger on the inside, and the C3 continues the tradition.",
            "Two six-foot adults can sit behind two more in comfort, and the boot swallows a pushchair without folding the seats.",
            "The interior plastics are hard and scratchy, and the infotainment screen can be slow to respond.",
            "\"We spent the money where you sit, not where you look,\" Corvane's product chief told us, which is about right.",
            "It is a car for people who see a car as a tool, and a very good one at that.",
        ],
        slug="corvane-c3", badge="First drive", model="Corvane C3",
        byline_line="Words: Lucy Haworth · Photography: Dan Ferris",
        caption="The C3 in Mistral Blue, a £550 option.",
        specs=["Price: £17,995", "Engine: 1.2-litre three-cylinder petrol", "Power: 99bhp",
               "0-62mph: 10.9sec", "Top speed: 114mph", "Economy: 54.3mpg", "On sale: June"],
        rating="3.5/5", **{"for": "Space, price, comfortable ride"},
        against="Cheap plastics, sluggish screen", more="Halden Vestra Hybrid review",
    ),
    article(
        "Teravolt Arc long-term test: 10,000 miles in an electric estate",
        "Six months with Teravolt's estate car taught us more about chargers than about the car.",
        "Owen Pritchard and Sanjay Mehta", "2024-05-20", "Electric",
        [
            "We collected our Arc in November with 12 miles on the clock. It went back last week with 10,418, having been to Cornwall, Skye and, on one memorable weekend, Belgium.",
            "The car itself has been faultless. The only unplanned visit to a dealer was for a software update that took twenty minutes.",
            "Public charging has been another story. One in five of the rapid chargers we tried was out of order, and two networks refused our card.",
            "Our real-world range averaged 241 miles, against an official 298.",
            "Would we buy one? Yes, with a home charger.",
        ],
        slug="teravolt-arc-long-term", badge="Long-term test", model="Teravolt Arc",
        byline_line="By Owen Pritchard and Sanjay Mehta",
        caption="Our Arc at a charging hub on the A30.",
        specs=["Price as tested: £46,780", "Battery: 77kWh", "Power: 282bhp", "0-62mph: 6.2sec",
               "Top speed: 112mph", "Official range: 298 miles", "On sale: Now"],
        rating="4.5/5", **{"for": "Comfort, efficiency, boot space"},
        against="Public charging, rear visibility", more="Best electric estates to buy in 2024",
    ),
    article(
        "Moreau Sixte GT review: the last of the fast petrol saloons?",
        "With a 3.0-litre straight-six and rear-wheel drive, the Sixte GT is a car that may not be built again.",
        "Sanjay Mehta", "2024-06-21", "Performance",
        [
            "There is a moment, about halfway up the Hartside pass, where the Sixte GT makes the case for itself better than any press release could.",
            "The straight-six pulls hard to 7,000rpm, the gearbox snaps between ratios and the steering tells you exactly what the front tyres are doing. 🏁",
            "It is also thirsty: we averaged 24mpg over a week, and less on the pass.",
            "Moreau has not said whether the Sixte will have a petrol successor.",
            "Enjoy it while you can.",
        ],
        slug="moreau-sixte-gt", badge="Road test", model="Moreau Sixte GT", updated="2024-06-24",
        byline_line="Sanjay Mehta",
        caption="The Sixte GT on the Hartside pass.",
        specs=["Price: £68,900", "Engine: 3.0-litre straight-six turbo petrol", "Power: 424bhp",
               "0-62mph: 4.4sec", "Top speed: 155mph (limited)", "Economy: 29.1mpg", "On sale: Now"],
        rating="4/5", **{"for": "Engine, handling, sound"},
        against="Fuel economy, firm ride in town", more="Teravolt Arc long-term test",
    ),
]


# --------------------------------------------------------------------------
# An e-sports site: "Esports > Game" crumbs, "By X" with a role line /
# "Posted by X and Y" / a name alone, "Published 21.05.2024 · 18:00 CEST" /
# "3h ago" over "May 4, 2024" / a weekday date / "2024-06-30 22:15 UTC", a
# score box, an embedded social post, "Advertisement"; "GG, well played."
# on two pages.
# --------------------------------------------------------------------------

def arena(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Pixel Arena",
            "News Esports Reviews Guides Hardware Deals",
            "LIVE: Skyforge Masters Stage 2 – watch now",
            "Esports > " + a["section"],
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        if i == 0:
            lines.append(f"Published {d:02}.{m:02}.{y} · 18:00 CEST")
        elif i == 1:
            lines += ["3h ago", f"{EN_MONTHS[m - 1]} {d}, {y}"]
        elif i == 2:
            lines.append(f"{EN_DAYS[weekday(a['date'])]}, {EN_MONTHS[m - 1]} {d}, {y} · 4 min read")
        else:
            lines += [f"{a['date']} 22:15 UTC", "Last updated 40 minutes ago"]
        lines += a["score"]
        lines += interleave(a["body"], {1: a["post"], 3: ["Advertisement"]})
        lines += ["Tags: " + a["tags"], "Join the discussion (" + str(a["comments"]) + ")",
                  "Trending", a["trending"][0], a["trending"][1],
                  "Pixel Arena may earn a commission from links on this page.",
                  "© 2024 Pixel Arena Media"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), crlf=(i == 2), bom=(i == 3)))
    return pages


ARENA_SHARED = "GG, well played."

ARENA = [
    article(
        "Nordwind reverse-sweep Crimson Tide to win Vanguard Tactics Spring Finals",
        "Down 0-2, the Danish side won three straight maps in front of 9,000 fans in Rotterdam.",
        "Mira Castell", "2024-05-21", "Vanguard Tactics",
        [
            "Nobody in the Ahoy Arena gave Nordwind much of a chance after map two. Crimson Tide had won it 13-4, and their captain was already smiling at the cameras.",
            "Three maps later, Nordwind were lifting the trophy. 🏆",
            "\"At 0-2 we just said: nothing to lose, play for fun,\" said Nordwind's in-game leader, Jonas \"frost\" Lund. \"And then it worked.\"",
            "The win earns the team $250,000 and a direct seed to the World Championship in August.",
            ARENA_SHARED,
        ],
        slug="nordwind-reverse-sweep",
        byline_lines=["By Mira Castell", "Esports Editor"],
        score=["Grand final · Bo5", "Nordwind 3–2 Crimson Tide", "Maps: 9–13, 4–13, 13–11, 13–8, 13–10"],
        post=["@NordwindGG · May 21", "WE DID IT. From 0-2 to champions. Thank you Rotterdam!", "12.4K likes"],
        tags="Vanguard Tactics, Nordwind, Crimson Tide", comments=214,
        trending=["Skyforge patch 4.2 nerfs the Warden", "Crimson Tide confirm roster change"],
    ),
    article(
        "Skyforge patch 4.2 nerfs the Warden after months of complaints",
        "The tank's shield now recharges more slowly, and its ultimate costs more energy.",
        "Theo Brandt and Amaya Ruiz", "2024-05-04", "Skyforge",
        [
            "For most of the season, professional Skyforge has been a game about the Warden. The tank appeared in 94% of matches at the last major.",
            "Patch 4.2, released on Saturday, raises its shield recharge time from 6 to 9 seconds and the cost of its ultimate from 80 to 100 energy.",
            "By contrast, three rarely picked heroes get small buffs to their movement speed.",
            "Players reacted quickly. Some welcomed the change; others said the developers had gone too far.",
            "The changes apply to ranked play immediately and to tournaments from May 13.",
        ],
        slug="skyforge-patch-warden",
        byline_lines=["Posted by Theo Brandt and Amaya Ruiz"],
        score=["Patch 4.2 at a glance", "Warden: shield recharge 6s to 9s", "Warden: ultimate cost 80 to 100"],
        post=["@SkyforgeDev · May 4", "Patch 4.2 is live! Full notes on our site.", "3,981 likes"],
        tags="Skyforge, patch notes", comments=538,
        trending=["Nordwind win Spring Finals", "Best budget gaming headsets"],
    ),
    article(
        "Crimson Tide confirm roster change after Spring Finals defeat",
        "Veteran rifler Pavel \"PK\" Kral moves to the bench after four years with the team.",
        "Mira Castell", "2024-05-28", "Vanguard Tactics",
        [
            "Crimson Tide have moved Pavel \"PK\" Kral to the bench, a week after their reverse-sweep defeat in the Spring Finals.",
            "Kral, 27, joined the team in 2020 and was part of both of its major-winning line-ups.",
            "\"It is the hardest call we have made,\" general manager Sofia Lenz said in a video posted by the team. \"Pavel is Crimson Tide.\"",
            "His replacement, 19-year-old academy player Erik \"nova\" Sand, will make his debut in the qualifiers next month.",
            "Kral is free to talk to other teams.",
        ],
        slug="crimson-tide-roster",
        byline_lines=["Mira Castell", "Esports Editor"],
        score=["Crimson Tide line-up", "Out: PK", "In: nova"],
        post=["@PKral · May 28", "Four years. Thank you for everything. Not done yet.", "8,120 likes"],
        tags="Vanguard Tactics, Crimson Tide, roster", comments=187,
        trending=["Skyforge patch 4.2 nerfs the Warden", "Skyforge Masters Stage 2 preview"],
    ),
    article(
        "Hollowmere go unbeaten through Skyforge Masters Stage 2",
        "The Korean team dropped only one map all week and head to the final stage as favourites.",
        "Amaya Ruiz", "2024-06-30", "Skyforge",
        [
            "Hollowmere finished Stage 2 of the Skyforge Masters with seven wins from seven and a map record of 21-1.",
            "Their only dropped map came against Brightside, who played without the Warden for the first time this season.",
            "\"The patch helped us. We had prepared for it since March,\" coach Han Ji-woo said through an interpreter.",
            ARENA_SHARED,
            "The final stage begins in Seoul on July 19. 🎮",
        ],
        slug="hollowmere-unbeaten",
        byline_lines=["Amaya Ruiz", "Staff Writer"],
        score=["Stage 2 final standings", "1. Hollowmere 7–0", "2. Brightside 5–2", "3. Nordwind 4–3"],
        post=["@HollowmereSF · Jun 30", "7-0. See you in Seoul.", "21.7K likes"],
        tags="Skyforge, Hollowmere, Masters", comments=96,
        trending=["Crimson Tide confirm roster change", "Nordwind win Spring Finals"],
    ),
]


LAYOUTS = {
    "echo-medina": (medina, MEDINA),
    "petit-pretoire": (pretoire, PRETOIRE),
    "paroisse-coteaux": (paroisse, PAROISSE),
    "terrains-solidaires": (terrains, TERRAINS),
    "glenmoray-herald": (herald, HERALD),
    "pacrim-wire": (pacrim, PACRIM),
    "gearbox-motoring": (gearbox, GEARBOX),
    "pixel-arena": (arena, ARENA),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"paroisse-coteaux", "gearbox-motoring"}
