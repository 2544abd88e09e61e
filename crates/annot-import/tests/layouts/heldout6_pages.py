"""The sixth held-out set of the layout sample: six kinds of site that the
thirty-six earlier layouts do not have, written before any work on them and
only ever scored as a whole. `make_pages.py` writes them into `heldout6/`
with the rest. Its author read the layouts README (the gold conventions and
the layout table), `make_pages.py` and `heldout5_pages.py`, not the
importer's source.

Gold conventions are the earlier sets' (see the README and
`heldout5_pages.py`). New here:

- A weather service's bulletin has its bullet lists as body: each "•"
  line is a part of the forecast, written for that bulletin. Its intertitles
  ("Situation générale", "Évolution prévue") are body, as in the earlier
  sets; "Prochain bulletin : …", the figures box of a monthly report and
  the service's disclaimer are not. A bulletin signed "Prévisionniste : X"
  has X as its byline; an unsigned one has none (null).
- A podcast episode page has as body the prose of its show notes and the
  transcript turns ("NAME: words", the speaker's label included, as the
  line stands); the "Show notes", "Chapters" and "Transcript" headings, the
  chapter list with its time codes, the note that the transcript was made
  automatically, the production credits and the listen links are not. The
  host ("Hosted by X", "Hosted by X and Y") is the byline; the show's name
  over the episode is the section.
- A student paper prints the byline above the headline ("By X, Staff
  Writer"); it is the byline X as before. A correction notice after the
  text ("Correction, March 14: An earlier version …") is not body, nor the
  staff writer's bio, nor "Support student journalism" boxes.
- On a court-reporting site the content warning before the text, the
  helpline note after it and "Comments are closed for legal reasons" are
  not body; the date is "First posted …", not "Updated … ago".
- A mobile (AMP-like) scrape repeats "Menu", "Fermer" and "Retour en haut"
  lines; they are furniture wherever they stand. The date stands above the
  section there.
- An agency alone ("APK") is the byline as it stands, as in `heldout5/`;
  "Par notre correspondant à Y, X" has X.

Every article, name, place of event, quote and figure is invented for this
project; the sites and most of the places are fictional.
"""

from heldout3_pages import dmy, next_day
from make_pages import EN_MONTHS, EN_SHORT, Page, article, en_us, fr_long, interleave, ymd

FR_DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]


def weekday(iso):
    from datetime import date

    return date.fromisoformat(iso).weekday()


# --------------------------------------------------------------------------
# A West African francophone daily: the day's date in the top bar above
# the menu, a "Flash info" ticker, "Par notre correspondant à Y, X", an
# agency alone, a relative time over the date on one page, view counts,
# a WhatsApp share bar, "PUBLICITÉ" and an app promotion inside the body,
# tags, readers' comments with "Répondre", "Les plus lus".
# --------------------------------------------------------------------------

def sahel(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "L'Écho du Fleuve",
            "Le quotidien de l'information vraie depuis 1987",
            f"{FR_DAYS[weekday(a['date'])].capitalize()} {fr_long(a['date'])}",
            "Accueil | Politique | Économie | Société | Sport | Culture | International | Contributions",
            f"Flash info : {a['flash']}",
            a["section"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        lines.append(a["byline_line"])
        if i == 0:
            lines.append(f"Publié le {fr_long(a['date'])} à 09:14")
        elif i == 1:
            lines.append(f"{dmy(a['date'])} - 17:40 | Mis à jour le {dmy(next_day(a['date']))} - 08:02")
        elif i == 2:
            lines.append("Il y a 5 heures")
            lines.append(f"Publié le {dmy(a['date'])}")
        else:
            lines.append(f"Mis en ligne le {FR_DAYS[weekday(a['date'])]} {fr_long(a['date'])} à 11h20")
        lines += [f"{a['views']} vues", f"{len(a['comments'])} commentaires",
                  "Partager sur WhatsApp", "Facebook", "Twitter", "Imprimer"]
        inserts = {
            1: ["PUBLICITÉ", "Envoyez de l'argent au pays en trois clics avec Kora Transfert. Frais offerts en mars."],
            2: [f"LIRE AUSSI : {a['related'][0]}"],
            3: ["Téléchargez l'application L'Écho du Fleuve sur Android et iPhone"],
        }
        lines += interleave(a["body"], inserts)
        lines.append("Tags : " + ", ".join(a["tags"]))
        lines.append(f"Commentaires ({len(a['comments'])})")
        for who, when, text in a["comments"]:
            lines += [who, when, text, "Répondre"]
        lines += ["Laisser un commentaire", "Votre adresse e-mail ne sera pas publiée.",
                  "Les plus lus"]
        lines += a["related"][1:]
        lines += ["À propos | Publicité | Contact | Mentions légales",
                  "© 2024 L'Écho du Fleuve. Tous droits réservés. Reproduction interdite sans autorisation."]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), cp1252=(i == 2)))
    return pages


SAHEL_SHARED = "Contacté par L'Écho du Fleuve, le ministère de tutelle n'a pas donné suite à nos sollicitations."

SAHEL = [
    article(
        "Kanoubé : la pénurie d'eau gagne les quartiers nord",
        "Depuis trois semaines, les robinets restent secs plusieurs jours par semaine à Diambéré et à Santhio.",
        "Aïssatou Ndiongue", "2024-03-12", "Société",
        [
            "À Diambéré, les bidons jaunes s'alignent dès cinq heures du matin devant l'unique borne-fontaine du quartier. Depuis la fin février, l'eau du réseau n'arrive plus que deux jours sur sept.",
            "La Société des eaux du Fleuve explique la situation par la panne de deux forages sur cinq à la station de Toubel, qui alimente la partie nord de la ville.",
            "— On paie les factures comme tout le monde, mais on boit l'eau des charretiers, à 250 francs le bidon, s'indigne Mariama Sow, mère de six enfants.",
            "Les charretiers, eux, font des affaires. Certains ont doublé leurs prix en quinze jours.",
            "Le maire de la commune de Kanoubé-Nord affirme avoir saisi le ministère. Dans son courrier, qu'il faut lire aussi comme un appel à l'aide, il réclame des camions-citernes en urgence.",
            SAHEL_SHARED,
            "Les réparations devraient durer au moins un mois.",
        ],
        slug="penurie-eau-kanoube", byline_line="Par Aïssatou Ndiongue",
        flash="Le conseil des ministres se réunit ce mercredi au palais",
        views="3 412",
        tags=["Eau", "Kanoubé", "Services publics"],
        comments=[
            ("Moussa K.", "12 mars 2024 à 10:02", "Chez nous à Santhio c'est pareil depuis janvier, personne n'en parle."),
            ("Fatou D.", "12 mars 2024 à 11:37", "Merci pour cet article. Il faut que les autorités bougent."),
        ],
        related=["Électricité : les délestages reprennent à Toubel",
                 "Lutte : le combat royal reporté au mois d'avril",
                 "Baccalauréat : les inscriptions prolongées d'une semaine",
                 "Kanoubé : un pont de l'avenue Sékou-Bah fermé à la circulation"],
    ),
    article(
        "Le port de Sikadou vise deux millions de conteneurs en 2026",
        "Le nouveau terminal, construit sur la rive gauche, doit doubler les capacités de la plateforme.",
        "Ibrahima Faye", "2024-04-09", "Économie",
        [
            "Le port autonome de Sikadou a dévoilé lundi son plan d'investissement pour les trois prochaines années. Objectif affiché : traiter deux millions de conteneurs par an d'ici 2026, contre 950 000 aujourd'hui.",
            "Le nouveau terminal, dont les travaux ont commencé en janvier, comptera 1 200 mètres de quai et six portiques.",
            "« Nous voulons devenir la porte d'entrée des pays de l'intérieur », a déclaré le directeur général, Cheikh Tidiane Ba, devant les opérateurs économiques.",
            "Les transporteurs routiers restent sceptiques. Ils dénoncent des files d'attente de camions qui dépassent parfois deux jours à l'entrée du port.",
            "Par ailleurs, une voie ferrée reliant le terminal à la zone industrielle de Ngor-Bassé est à l'étude.",
            SAHEL_SHARED,
        ],
        slug="port-sikadou-conteneurs", byline_line="Par notre correspondant à Sikadou, Ibrahima Faye",
        flash="Football : les Lions du Fleuve qualifiés pour la phase finale",
        views="1 287",
        tags=["Port", "Sikadou", "Investissement", "Transport"],
        comments=[
            ("Abdou", "9 avril 2024 à 19:12", "Encore des promesses. On a entendu la même chose en 2018."),
        ],
        related=["Le prix du sac de riz en hausse de 8 %",
                 "Sikadou : les pêcheurs artisanaux manifestent devant la mairie",
                 "Budget 2024 : ce que prévoit la loi de finances rectificative",
                 "Les Lions du Fleuve en stage à Kanoubé"],
    ),
    article(
        "Les enseignants du moyen-secondaire en grève pour 72 heures",
        None,
        "APK", "2024-05-14", "Éducation",
        [
            "Les syndicats d'enseignants du moyen-secondaire ont déclenché mardi un mot d'ordre de grève de 72 heures, pour réclamer le paiement des rappels d'indemnités promis en 2022.",
            "Selon l'intersyndicale, le mouvement a été suivi à plus de 80 % dans les lycées de la capitale. Le ministère avance le chiffre de 45 %.",
            "« Nous ne demandons rien de nouveau. Nous demandons que l'État respecte sa propre signature », a martelé le porte-parole de l'intersyndicale, Lamine Diallo.",
            "Les parents d'élèves s'inquiètent à un mois des examens.",
            "Une rencontre avec le Premier ministre est annoncée pour la semaine prochaine.",
        ],
        slug="greve-enseignants", byline_line="APK",
        flash="Hausse du prix du carburant : les transporteurs menacent",
        views="5 930",
        tags=["Éducation", "Grève", "Syndicats"],
        comments=[
            ("Parent inquiet", "14 mai 2024 à 13:45", "Et nos enfants dans tout ça ? Les examens approchent."),
            ("Prof de maths", "14 mai 2024 à 14:20", "Nous n'avons pas le choix. Cela fait deux ans qu'on attend."),
            ("Ousmane", "14 mai 2024 à 16:03", "Il faut un vrai dialogue, pas des grèves tous les trois mois."),
        ],
        related=["Examens : le calendrier maintenu malgré la grève",
                 "Santé : le personnel des hôpitaux menace à son tour",
                 "Université de Kanoubé : les étudiants réclament leurs bourses",
                 "Recrutement de 2 000 enseignants annoncé pour la rentrée"],
    ),
    article(
        "À Toubel, le festival des masques retrouve son public",
        "Après quatre ans d'absence, la fête a réuni des milliers de visiteurs sur la place de l'Indépendance.",
        "Rokhaya Thiam", "2024-05-06", "Culture",
        [
            "Il y avait foule, samedi soir, sur la place de l'Indépendance de Toubel. Pour la première fois depuis 2020, le festival des masques a pu se tenir dans son intégralité.",
            "Une trentaine de troupes venues de six régions ont défilé jusqu'à l'aube, au son des tambours et des balafons.",
            "— Mon grand-père dansait déjà ici. Aujourd'hui c'est mon tour, sourit Alassane, 19 ans, sous son masque de bois peint.",
            "Les organisateurs ont toutefois dû réduire le budget de moitié, faute de sponsors.",
            "La prochaine édition est prévue en mai 2025.",
        ],
        slug="festival-masques-toubel", byline_line="Par Rokhaya Thiam",
        flash="Le Premier ministre attendu à Sikadou jeudi",
        views="842",
        tags=["Culture", "Toubel", "Festival"],
        comments=[
            ("Awa", "6 mai 2024 à 12:18", "Magnifique soirée, bravo aux organisateurs !"),
        ],
        related=["Musique : le chanteur Baba Kéita en tournée européenne",
                 "Cinéma : trois films du Fleuve sélectionnés à Ouagadougou",
                 "Le musée de Toubel rouvre après travaux",
                 "Lutte : la saison s'achève à Kanoubé"],
    ),
]


# --------------------------------------------------------------------------
# A US student newspaper: the section and the byline ABOVE the headline,
# "By X, Staff Writer", a deck on some, "Updated … at 9:41 p.m.", photo
# credits "(Photo by X / The Quad Herald)", "Related:" lines and a donation
# box in the body, a correction notice, a writer's bio, tags, a WordPress
# comment form, "Most Popular".
# --------------------------------------------------------------------------

def quad(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Skip to Content",
            "The Quad Herald",
            "The independent student newspaper of Ashgrove University since 1962",
            "News",
            "Sports",
            "Arts & Culture",
            "Opinion",
            "Multimedia",
            "About",
            "Donate",
            a["section"],
            a["byline_line"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        if i == 1:
            lines.append(f"{en_us(a['date'])}")
            lines.append(f"Updated {en_us(next_day(a['date']))} at 9:41 p.m.")
        elif i == 2:
            lines.append(f"Published {EN_MONTHS[m - 1]} {d}, {y} at 11:05 p.m.")
        else:
            lines.append(en_us(a["date"]))
        lines += [a["caption"], "Share on Facebook", "Share on X", "Email this story"]
        inserts = {
            1: [f"Related: {a['related'][0]}"],
            3: ["Support student journalism", "The Quad Herald is run entirely by students. Your gift keeps our reporting free.", "Donate now"],
        }
        lines += interleave(a["body"], inserts)
        if a.get("correction"):
            lines.append(a["correction"])
        lines.append(a["bio"])
        lines.append("Tags: " + ", ".join(a["tags"]))
        lines += [
            "Leave a Comment",
            "Your email address will not be published. Required fields are marked *",
            "Comment *",
            "Name *",
            "Email *",
            "Post Comment",
            "Most Popular",
        ]
        lines += a["related"][1:]
        lines += ["© 2024 The Quad Herald • Privacy Policy • FLEX Pro WordPress Theme • Log in"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), crlf=(i == 2)))
    return pages


QUAD_SHARED = "The Quad Herald will continue to update this story as more information becomes available."

QUAD = [
    article(
        "Student senate votes to freeze activity fee for second year",
        "The 19-6 vote follows a semester of complaints about rising costs on campus.",
        "Priya Castellano", "2024-03-12", "News",
        [
            "The Associated Students of Ashgrove University voted 19-6 on Monday night to keep the student activity fee at $148 per semester for the 2024-25 academic year.",
            "\"People are choosing between textbooks and groceries. This is one thing we could actually control,\" said senator Marcus Oyelaran, a junior who sponsored the resolution.",
            "The fee funds more than 240 registered student organizations, the campus shuttle and the spring concert.",
            "By contrast, the university's graduate council voted last month to raise its own fee by $12.",
            "Opponents warned the freeze would force cuts. Treasurer Hannah Brzezinski said several clubs could see their budgets reduced by up to 15%.",
            "The resolution now goes to the dean of students for approval.",
            QUAD_SHARED,
        ],
        slug="activity-fee-freeze", byline_line="By Priya Castellano, Staff Writer",
        caption="Student senators vote during Monday's meeting in the Marlowe Union ballroom. (Photo by Jonah Adeyemi / The Quad Herald)",
        bio="Priya Castellano is a sophomore studying economics and a staff writer for the news section. Reach her at pcastellano@quadherald.example.",
        tags=["student government", "fees", "ASAU"],
        related=["Dining hall prices rise 6% after contract renewal",
                 "Ashgrove men's basketball falls in conference semifinal",
                 "Opinion: The library should be open 24 hours",
                 "Campus shuttle adds late-night route"],
    ),
    article(
        "Fire alarm empties Hollis Hall twice in one night",
        None,
        "Devin Marsh", "2024-04-03", "Campus",
        [
            "About 400 residents of Hollis Hall were evacuated twice early Wednesday after the building's fire alarm went off at 1:12 a.m. and again at 3:40 a.m.",
            "No fire was found either time. Campus police said a faulty smoke detector on the fourth floor triggered both alarms.",
            "\"I stood outside in pajamas for forty minutes, went back to bed and then did it all over again,\" said freshman Lucia Ferreira.",
            "Residents had to read more than a dozen emails from housing staff overnight, several of them contradictory, students said.",
            "Facilities replaced the detector Wednesday morning.",
            QUAD_SHARED,
        ],
        slug="hollis-hall-alarm", byline_line="By Devin Marsh, Contributing Writer",
        caption="Hollis Hall residents wait on the lawn during the second evacuation. (Photo courtesy of Lucia Ferreira)",
        bio="Devin Marsh is a first-year journalism student and a contributing writer for The Quad Herald.",
        correction="Correction, April 4: An earlier version of this article misstated the number of residents evacuated. It was about 400, not 600. The Quad Herald regrets the error.",
        tags=["housing", "Hollis Hall", "campus safety"],
        related=["Housing lottery opens next week for returning students",
                 "Women's rugby wins first national title",
                 "Review: The spring musical is a delight",
                 "Three new majors approved by faculty senate"],
    ),
    article(
        "Library's rare books room reopens after flood repairs",
        "The collection of 11,000 volumes was moved to temporary storage for eight months.",
        "Naomi Tiwari", "2024-04-18", "Arts & Culture",
        [
            "The Whitcombe Rare Books Room reopened to students Thursday, eight months after a burst pipe sent water through the ceiling of the library's third floor.",
            "Conservators said fewer than 60 of the collection's 11,000 volumes were damaged, most of them only at the edges.",
            "The oldest book in the room, a printed herbal from 1541, was not touched.",
            "\"We were lucky. If the pipe had burst over the manuscript cabinets, we would be having a very different conversation,\" said head curator Elaine Moritz.",
            "The room is open from 10 a.m. to 4 p.m. on weekdays. Students need their ID card to enter.",
        ],
        slug="rare-books-reopen", byline_line="By Naomi Tiwari, Arts Editor",
        caption="Curator Elaine Moritz shows a restored atlas in the Whitcombe Room. (Photo by Sam Oduya / The Quad Herald)",
        bio="Naomi Tiwari is a senior English major and the arts editor of The Quad Herald.",
        tags=["library", "rare books", "Whitcombe"],
        related=["Poetry slam returns to the Marlowe Union",
                 "Ashgrove ranks 41st in national survey of student satisfaction",
                 "Letters: Parking permits are too expensive",
                 "Art department hosts senior thesis show"],
    ),
    article(
        "Graduate workers reach tentative deal with university",
        "The agreement raises minimum stipends to $34,500 and ends a two-week strike threat.",
        "Priya Castellano and Devin Marsh", "2024-05-02", "News",
        [
            "The union representing about 1,800 graduate teaching and research assistants reached a tentative agreement with Ashgrove University early Thursday, hours before a strike deadline.",
            "The three-year contract raises the minimum stipend from $29,000 to $34,500 and adds dental coverage for dependents.",
            "\"It is not everything we asked for, but it is a real raise,\" said union co-chair Tomás Villaseñor, a doctoral student in chemistry.",
            "Members will vote on the agreement next week.",
            "A university spokesperson said the deal was \"fair and sustainable.\"",
        ],
        slug="grad-union-deal", byline_line="By Priya Castellano and Devin Marsh, Staff Writers",
        caption="Union members rally outside the administration building on April 24. (Photo by Jonah Adeyemi / The Quad Herald)",
        bio="Priya Castellano is a sophomore studying economics and a staff writer for the news section. Devin Marsh contributed reporting.",
        tags=["graduate union", "labor", "contract"],
        related=["Timeline: Two years of negotiations",
                 "Commencement speaker announced",
                 "Baseball sweeps weekend series",
                 "Opinion: Grad workers deserve more than a raise"],
    ),
]


# --------------------------------------------------------------------------
# A regional weather service: a vigilance banner, "Mis à jour il y a 2
# heures" over the issue line, "Prévisionniste : X" or no signature,
# bullet lists and intertitles that are the bulletin itself, "Prochain
# bulletin", a figures box in the monthly report, a disclaimer, "Voir aussi".
# --------------------------------------------------------------------------

def meteo(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Service météorologique des Hautes-Terres",
            "Prévisions",
            "Vigilance",
            "Climat",
            "Observations",
            "Actualités",
            "Rechercher une commune ou un code postal",
            a["banner"],
        ]
        if i == 1:
            # The date stands above the section on this page.
            lines.append(f"Publié le {FR_DAYS[weekday(a['date'])]} {fr_long(a['date'])} à 14h30")
            lines += [a["section"], a["title"]]
        else:
            lines += [a["section"], a["title"]]
            if i == 0:
                lines.append("Mis à jour il y a 2 heures")
                lines.append(f"Bulletin émis le {FR_DAYS[weekday(a['date'])]} {fr_long(a['date'])} à 06h00, valable jusqu'au {fr_long(next_day(a['date']))} à 06h00")
            elif i == 2:
                lines.append(f"{dmy(a['date'])} à 10h00")
            else:
                lines.append(f"Publié le {fr_long(a['date'])} - Mis à jour le {fr_long(next_day(a['date']))}")
        if a["lede"]:
            lines.append(a["lede"])
        if a.get("byline_line"):
            lines.append(a["byline_line"])
        lines += ["Partager", "Imprimer le bulletin"]
        inserts = {k: v for k, v in a.get("inserts", {}).items()}
        lines += interleave(a["body"], inserts)
        lines += a.get("after", [])
        lines += [
            "Les informations de ce site sont fournies à titre indicatif. Seuls les bulletins de vigilance font foi.",
            "Voir aussi",
        ]
        lines += a["related"]
        lines += [
            "Téléchargez l'application Météo Hautes-Terres",
            "Données : réseau d'observation du Service météorologique des Hautes-Terres",
            "Accessibilité | Mentions légales | Données personnelles | Contact",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 0), bom=(i == 2)))
    return pages


METEO_SHARED = "Ces valeurs sont provisoires et pourront être ajustées après validation des données."

METEO = [
    article(
        "Coup de vent sur les crêtes : vigilance orange dans trois départements",
        None,
        "Loïc Vernadet", "2024-03-14", "Vigilance",
        [
            "Situation générale",
            "Une dépression centrée au large de l'Irlande se creuse rapidement et dirige sur la région un flux de sud-ouest très soutenu. Le front associé aborde les Hautes-Terres en fin de matinée.",
            "Évolution prévue",
            "• Vents de sud-ouest : rafales de 90 à 110 km/h en plaine à partir de 14 heures, jusqu'à 140 km/h sur les crêtes.",
            "• Pluies : cumuls de 30 à 50 mm sur les reliefs exposés, localement 70 mm au col de la Brèche.",
            "• Neige : limite pluie-neige remontant vers 1 800 mètres en soirée.",
            "Le vent faiblira nettement dans la nuit de jeudi à vendredi, par l'ouest.",
        ],
        slug="vigilance-vent-cretes",
        banner="Vigilance orange vents violents en cours sur 3 départements",
        byline_line="Prévisionniste : Loïc Vernadet",
        after=["Prochain bulletin : vendredi 15 mars 2024 à 06h00"],
        related=["Comprendre les couleurs de la vigilance", "Tempêtes : les records de rafales dans la région", "Prévisions à 15 jours"],
    ),
    article(
        "Février 2024, le plus doux jamais mesuré à Valmorel",
        "Avec 6,8 °C de moyenne, le mois dépasse de 4,1 degrés la normale de référence.",
        "Camille Aubrac", "2024-03-05", "Climat",
        [
            "Le mois de février 2024 a été le plus doux enregistré à la station de Valmorel depuis l'ouverture de ses relevés, en 1921. La température moyenne y a atteint 6,8 °C.",
            "Seules quatre journées de gel ont été relevées, contre quinze en moyenne.",
            "Les précipitations ont été proches de la normale, mais elles sont tombées presque uniquement sous forme de pluie jusqu'à 1 500 mètres.",
            "« Ce qui frappe, ce n'est pas un jour exceptionnel, c'est la douceur continue du mois entier », souligne la climatologue Camille Aubrac.",
            "Les stations de ski de moyenne montagne ont fermé une partie de leurs pistes dès le 18 février.",
            METEO_SHARED,
        ],
        slug="fevrier-record-douceur",
        banner="Aucune vigilance en cours",
        byline_line="Par Camille Aubrac, climatologue",
        inserts={2: ["Le mois en chiffres", "Température moyenne : 6,8 °C", "Écart à la normale : +4,1 °C", "Jours de gel : 4", "Cumul de pluie : 92 mm"]},
        related=["Bilan climatique de l'hiver 2023-2024", "Les normales climatiques, comment sont-elles calculées ?", "Janvier 2024 : un mois contrasté"],
    ),
    article(
        "Orages de grêle : le point sur l'épisode de mardi soir",
        "Des grêlons de quatre centimètres ont été observés entre Saint-Arlès et Montcalvet.",
        None, "2024-06-12", "Actualités",
        [
            "Un orage très actif a traversé le sud de la région mardi entre 18 heures et 21 heures, accompagné de grêle et de fortes rafales.",
            "Les observateurs bénévoles du réseau ont signalé :",
            "• des grêlons de 3 à 4 cm à Saint-Arlès et à Montcalvet ;",
            "• une rafale de 104 km/h mesurée à l'aérodrome de Pradines ;",
            "• 38 mm de pluie en moins d'une heure à Montcalvet.",
            "La cellule orageuse s'est formée sur les contreforts du plateau avant de se déplacer vers le nord-est à près de 50 km/h.",
            METEO_SHARED,
        ],
        slug="orages-grele-mardi",
        banner="Vigilance jaune orages jusqu'à 23h00",
        related=["Comment se forme la grêle ?", "Devenir observateur bénévole", "Carte des impacts de foudre"],
    ),
    article(
        "Sécheresse : les nappes restent basses malgré les pluies de mai",
        "Les niveaux sont inférieurs à la normale sur sept piézomètres sur dix.",
        "Hugo Ressègue", "2024-05-29", "Climat",
        [
            "Les pluies de mai, pourtant abondantes, n'ont pas suffi à recharger les nappes souterraines de la région, selon le dernier point de situation hydrologique.",
            "Sur les 42 piézomètres suivis, 29 affichent un niveau inférieur à la normale de saison, dont 11 très inférieur.",
            "Les sols superficiels, eux, sont de nouveau humides. Les prairies ont verdi, ce qui donne une impression trompeuse, explique l'hydrologue Hugo Ressègue.",
            "La recharge des nappes se joue surtout entre octobre et mars.",
            "Le prochain point de situation sera publié fin juin.",
        ],
        slug="secheresse-nappes",
        banner="Aucune vigilance en cours",
        byline_line="Hugo Ressègue, hydrologue",
        after=["Méthode : les niveaux sont comparés aux valeurs mesurées chaque mois depuis l'ouverture de chaque piézomètre."],
        related=["Carte des restrictions d'eau", "Qu'est-ce qu'un piézomètre ?", "Bilan de la sécheresse 2023"],
    ),
]


# --------------------------------------------------------------------------
# A court-reporting site (Australian): "By X, Court Reporter", "Updated 14
# minutes ago" over "First posted Tue 12 Mar 2024 at 4:05pm", "Topic:",
# a content warning before the text, photo captions "(Supplied)", "Read
# more:" inside the body, the helpline note, "Comments are closed for legal
# reasons", "Related stories".
# --------------------------------------------------------------------------

def bench(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        day = EN_DAYS[weekday(a["date"])]
        lines = [
            "The Bench Report",
            "Courts",
            "Crime",
            "Law",
            "Inquests",
            "Sentencing",
            "Subscribe",
            "Log in",
            f"Topic: {a['section']}",
            a["title"],
            a["lede"],
            a["byline_line"],
        ]
        if i == 0:
            lines += ["Updated 14 minutes ago", f"First posted {day} {d} {EN_SHORT[m - 1]} {y} at 4:05pm"]
        elif i == 1:
            lines += [f"Posted {day} {d} {EN_SHORT[m - 1]} {y} at 10:32am, updated {EN_DAYS[(weekday(a['date']) + 1) % 7]} {d + 1} {EN_SHORT[m - 1]} {y} at 7:15am"]
        elif i == 2:
            lines += [f"{d} {EN_MONTHS[m - 1]} {y}", "Updated yesterday"]
        else:
            lines += [f"First posted {day} {d} {EN_SHORT[m - 1]} {y} at 12:48pm"]
        lines += ["Share", "Copy link"]
        if a.get("warning"):
            lines.append(a["warning"])
        lines += [a["caption"]]
        inserts = {
            2: ["Read more:", a["related"][0]],
        }
        lines += interleave(a["body"], inserts)
        if a.get("helpline"):
            lines.append("If you or anyone you know needs help, call Lifeline on 13 11 14 or 1800RESPECT on 1800 737 732.")
        lines += [
            "Comments are closed on this story for legal reasons.",
            f"Topics: {', '.join(a['topics'])}",
            "Related stories",
        ]
        lines += a["related"][1:]
        lines += ["The Bench Report acknowledges the Traditional Custodians of the lands on which we work.",
                  "© 2024 The Bench Report Pty Ltd"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), crlf=(i == 3)))
    return pages


BENCH_SHARED = "Outside court, a spokesperson for the Office of Public Prosecutions declined to comment."

BENCH = [
    article(
        "Former council treasurer jailed for siphoning $1.2m from pool fund",
        "Judge Alison Mercado said the theft was 'a betrayal of a whole town'.",
        "Rhys Kettering", "2024-03-12", "Courts",
        [
            "A former treasurer of Tarrandale Shire Council has been jailed for four years and eight months for stealing more than $1.2 million set aside to rebuild the town's swimming pool.",
            "Graham Pell, 58, pleaded guilty in the County Court to 41 counts of theft committed between 2017 and 2022.",
            "The court heard he transferred the money into accounts he controlled in small amounts, most of them under $30,000, and spent it on gambling and a holiday house.",
            "Judge Alison Mercado said the community had gone without a pool for three summers. \"This was a betrayal of a whole town,\" she said.",
            "By contrast, the judge accepted Pell's remorse was genuine and noted he had repaid $210,000.",
            "He will be eligible for parole after two years and ten months.",
            BENCH_SHARED,
        ],
        slug="council-treasurer-jailed", byline_line="By Rhys Kettering, Court Reporter",
        caption="Graham Pell leaves the County Court during an earlier hearing. (The Bench Report: Dana Whitlock)",
        topics=["Courts", "Fraud", "Local government"],
        related=["Tarrandale pool rebuild delayed again", "Auditor flags gaps in shire finances", "Ex-bank manager avoids jail over loan scheme", "How sentencing discounts for guilty pleas work"],
    ),
    article(
        "Coroner finds drowning at Kelpie Point ‘preventable’",
        "The coroner has recommended permanent warning signs and a rescue buoy at the beach.",
        "Mei-Ling Osgood", "2024-04-16", "Inquests",
        [
            "The death of a 23-year-old backpacker at Kelpie Point could have been prevented by warning signs and basic rescue equipment, a coroner has found.",
            "Hanna Lindqvist, from Sweden, was caught in a rip on January 4, 2023, while swimming with two friends at the unpatrolled beach.",
            "Coroner Peter Amadio found the council had been told of the danger at least three times after earlier rescues.",
            "“A sign costs a few hundred dollars. The cost of not having one is what this inquest has been about,” he said in his findings.",
            "He recommended permanent signs in several languages, a rescue buoy station and a patrol on summer weekends.",
            "The council said it would respond to the findings within three months.",
        ],
        slug="kelpie-point-inquest", byline_line="By Mei-Ling Osgood",
        caption="Kelpie Point has no lifesaving patrol. (Supplied)",
        topics=["Inquests", "Beach safety", "Coroners court"],
        related=["Rip current deaths at decade high", "Council installs first signs at Kelpie Point", "What to do if you are caught in a rip", "Surf club calls for more volunteers"],
    ),
    article(
        "Man who set fire to ex-partner's car given community order",
        "The magistrate said a jail term would 'undo the only progress he has made'.",
        "Rhys Kettering", "2024-05-21", "Sentencing",
        [
            "A 34-year-old Wirrabee man who set fire to his former partner's car outside her home has been given a two-year community corrections order.",
            "The man cannot be named for legal reasons.",
            "The Magistrates Court heard he poured petrol on the vehicle at 2:30am in October last year while the woman and her children slept inside the house.",
            "Magistrate Joanne Tuilagi said the offence was \"terrifying\" but that the man had stopped drinking, completed a behaviour-change program and found work.",
            "\"Sending you to prison today would undo the only progress you have made,\" she said.",
            "He must complete 200 hours of unpaid work and may not contact the woman.",
            BENCH_SHARED,
        ],
        slug="car-fire-community-order", byline_line="By Rhys Kettering, Court Reporter",
        caption="The Wirrabee Magistrates Court. (The Bench Report: Dana Whitlock)",
        warning="Warning: This story contains details of family violence that some readers may find distressing.",
        helpline=True,
        topics=["Family violence", "Courts", "Sentencing"],
        related=["Family violence orders up 12 per cent", "Victims say court waits are too long", "Behaviour-change programs: do they work?", "Wirrabee court to get second magistrate"],
    ),
    article(
        "High Court to hear appeal over fishing licence buyback",
        "Commercial fishers say the state underpaid them by $40 million.",
        "Tom Ashdown", "2024-06-04", "Law",
        [
            "The High Court has agreed to hear an appeal by a group of 63 commercial fishers who say the state government underpaid them when it bought back their licences in 2019.",
            "The fishers were paid a total of $58 million under the scheme. They argue the licences were worth close to $100 million.",
            "Two lower courts found in favour of the government.",
            "Their barrister, Felicity Ngata SC, told the court the case raised \"a question of real importance\" about how the state values property it takes.",
            "A hearing date has not been set.",
        ],
        slug="fishing-buyback-appeal", byline_line="Tom Ashdown in Canberra",
        caption="Trawlers at the Port Wendell wharf. (Supplied: Port Wendell Fishers Association)",
        topics=["High Court", "Fishing", "Property law"],
        related=["Buyback scheme: what fishers were offered", "Fishing towns five years after the buyback", "Court rejects fishers' first appeal", "Minister defends valuation method"],
    ),
]


# --------------------------------------------------------------------------
# A podcast episode page: the show's name over "Episode 142", the episode
# title, a one-line description, "Hosted by X", "Mar 14, 2024 · 38 min",
# listen links, "Show notes" prose, a chapter list with time codes, the
# transcript in "NAME: words" turns (some of one word), the automatic
# transcript note, production credits, "More episodes".
# --------------------------------------------------------------------------

def podcast(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Longwave",
            "Podcasts",
            "Newsletters",
            "Live",
            "Sign in",
            a["section"],
            f"Episode {a['number']}",
            a["title"],
            a["lede"],
            a["byline_line"],
        ]
        if i == 2:
            lines += [f"{EN_SHORT[m - 1]} {d}, {y}", f"{a['minutes']} min", "Explicit"]
        else:
            lines.append(f"{EN_SHORT[m - 1]} {d}, {y} · {a['minutes']} min")
        lines += ["Play episode", "Listen on Apple Podcasts", "Listen on Spotify", "RSS feed", "Download MP3", "Share"]
        lines.append("Show notes")
        lines += a["body"][: a["notes"]]
        lines.append("Chapters")
        lines += a["chapters"]
        lines.append("Transcript")
        lines.append("This transcript was generated automatically and edited for clarity. It may contain errors; check the audio before quoting.")
        lines += a["body"][a["notes"]:]
        lines += [
            a["credits"],
            f"Subscribe to {a['section']} wherever you get your podcasts.",
            "More episodes",
        ]
        lines += a["related"]
        lines += ["Longwave is a listener-supported network. Become a member", "Terms · Privacy · Accessibility", "© 2024 Longwave Audio"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 1)))
    return pages


POD_CREDITS = "The Undercurrent is produced by Ines Halloran and edited by Kwame Boateng. Our theme music is by The Low Tide Quartet."
POD_SHARED = "MAYA OKAFOR: Right."

PODCAST = [
    article(
        "Why the river towns are buying back their water",
        "Three towns on the Ashby River have taken their water utility back from a private operator. Was it worth it?",
        "Maya Okafor", "2024-03-14", "The Undercurrent",
        [
            "In 2009, the towns of Ferrow, Lisle and Caldbeck sold the operation of their water system to a private company. Last year they took it back. This week, Maya talks to the engineer who ran the handover and to a resident who watched her bill go up and then down.",
            "We also ask what the numbers say, and what they leave out.",
            "MAYA OKAFOR: Owen, you were in the room the day the contract ended. What did that look like?",
            "OWEN BRACKETT: Honestly? Quiet. We had a spreadsheet of 212 things that had to change hands at midnight, and by about ten past we had ticked off 190 of them.",
            "MAYA OKAFOR: And the other 22?",
            "OWEN BRACKETT: Mostly software licences. You don't think about who owns the billing system until you need to send a bill.",
            POD_SHARED,
            "OWEN BRACKETT: The pipes were the easy part. The pipes don't care who owns them.",
            "MAYA OKAFOR: Read more than one report on this and you get very different numbers. Did bills actually fall?",
            "OWEN BRACKETT: For a typical household, by about nine per cent in the first year. Whether that lasts depends on what we spend on the treatment works.",
        ],
        number=142, minutes=38, notes=2, slug="river-towns-water",
        byline_line="Hosted by Maya Okafor",
        chapters=["00:00 Introduction", "03:12 Midnight handover", "14:40 What happened to the bills", "29:05 What comes next"],
        credits=POD_CREDITS,
        related=["Episode 141: The last bus out of Wendover", "Episode 140: Who counts the birds?", "Episode 139: A town without a bank"],
    ),
    article(
        "The night shift at the grain terminal",
        "What it takes to load a ship with 60,000 tonnes of wheat before the tide turns.",
        "Maya Okafor and Sunil Varga", "2024-04-11", "The Undercurrent",
        [
            "Every autumn the grain terminal at Port Selby works through the night. Maya and Sunil spent one shift there, from the first truck at six in the evening to the tug that pulled the ship out at dawn.",
            "SUNIL VARGA: It's four in the morning and we're standing on a gantry about forty metres above the hold. Dee, what are we looking at?",
            "DEE ARMSTRONG: That's wheat. About 1,100 tonnes an hour of it. If that chute stops, I get a phone call.",
            "MAYA OKAFOR: How often does it stop?",
            "DEE ARMSTRONG: Twice tonight so far. Once for a belt, once because a truck driver fell asleep in the queue.",
            POD_SHARED,
            "SUNIL VARGA: By contrast, the day shift is almost dull, you told us.",
            "DEE ARMSTRONG: Day shift is paperwork. Night shift is the ship.",
        ],
        number=146, minutes=42, notes=1, slug="grain-terminal-night",
        byline_line="Hosted by Maya Okafor and Sunil Varga",
        chapters=["00:00 Six in the evening", "11:20 The queue", "24:45 Four in the morning", "36:10 The tug"],
        credits=POD_CREDITS,
        related=["Episode 145: The ferry that never came", "Episode 144: Counting sheep, literally", "Episode 143: Inside a seed bank"],
    ),
    article(
        "Listener questions: floods, fences and a missing lighthouse",
        "Our twice-yearly mailbag, in which we try to answer the questions you keep sending us.",
        "Sunil Varga", "2024-05-09", "The Undercurrent",
        [
            "You sent us more than 300 questions this spring. Sunil picks four, with help from a hydrologist, a farmer and the archivist of the Selby Maritime Museum.",
            "Thanks to everyone who wrote in. Questions have been edited for length.",
            "SUNIL VARGA: First question, from Grace in Lisle: why does the same field flood every year when the one next to it never does?",
            "HELEN MARCHETTI: Almost always it's the soil underneath. Clay holds water, gravel lets it through, and you can have both within a hundred metres.",
            "SUNIL VARGA: So it's not the farmer's fault.",
            "HELEN MARCHETTI: Usually not. Sometimes it's a drain somebody blocked in the 1970s and forgot about.",
            "SUNIL VARGA: Last one. Where did the Caldbeck lighthouse go?",
            "ROSA LINDHOLM: It was dismantled in 1958 and the lantern was sold to a collector. We think it's in a garden somewhere in the north. If anyone knows, please write to us.",
        ],
        number=149, minutes=51, notes=2, slug="listener-questions-spring",
        byline_line="Hosted by Sunil Varga",
        chapters=["00:00 The mailbag", "02:30 The field that floods", "19:15 Fences and neighbours", "40:50 The missing lighthouse"],
        credits=POD_CREDITS,
        related=["Episode 148: The last dairy in the valley", "Episode 147: How a town names its streets", "Episode 146: The night shift at the grain terminal"],
    ),
    article(
        "A hospital that closed, and a town that kept going",
        "When Wendover lost its hospital, residents expected the worst. Five years on, the picture is more complicated.",
        "Maya Okafor", "2024-06-06", "The Undercurrent",
        [
            "Wendover Community Hospital closed in 2019. The nearest emergency department is now 48 kilometres away. Maya goes back to the town she first reported on five years ago.",
            "MAYA OKAFOR: Carol, the last time we spoke you were standing outside the hospital on the day it closed. You were furious.",
            "CAROL PENN: I was. I still am, some days. My husband had a heart attack in 2021 and the ambulance took 40 minutes.",
            "MAYA OKAFOR: He's all right?",
            "CAROL PENN: He's in the garden. So yes.",
            "MAYA OKAFOR: What changed in the town, in the end?",
            "CAROL PENN: We got a clinic with two nurses and a doctor three days a week. It's not a hospital. But people use it, and it's still open.",
        ],
        number=152, minutes=35, notes=1, slug="hospital-closed-town",
        byline_line="Hosted by Maya Okafor",
        chapters=["00:00 Five years on", "08:40 The ambulance", "22:10 The clinic"],
        credits=POD_CREDITS,
        related=["Episode 151: A library in a phone box", "Episode 150: The price of a haircut", "Episode 149: Listener questions"],
    ),
]


# --------------------------------------------------------------------------
# A Luxembourg daily as a mobile (AMP-like) page: "Menu" / "Fermer" /
# "Rechercher" lines at the top, again under the share bar and at the
# bottom, the date and time above the section ("12.03.2024 07:45"), a kicker,
# the author's name alone, "Mis à jour il y a 40 min" on one page,
# intertitles, "Publicité" / "Continuer la lecture après la publicité",
# "Lire aussi" with its link, "Retour en haut", "Version complète du site".
# --------------------------------------------------------------------------

def alzette(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Menu",
            "Le Courrier de l'Alzette",
            "Rechercher",
            "S'abonner",
            "Menu",
            "Fermer",
            "Accueil",
            "Luxembourg",
            "Grande Région",
            "Monde",
            "Économie",
            "Sport",
            "Fermer",
            f"{d:02}.{m:02}.{y} {a['time']}",
        ]
        if i == 2:
            lines.append("Mis à jour il y a 40 min")
        lines += [a["section"], a["kicker"], a["title"], a["lede"], a["byline_line"]]
        if i == 3:
            lines.append(f"Mis à jour le {d + 1:02}.{m:02}.{y} à 09:10")
        lines += ["Lecture 3 min", "Partager", "Menu", a["caption"], a["credit"]]
        inserts = {
            a["ad_after"]: ["Publicité", "Continuer la lecture après la publicité"],
            a["ad_after"] + 2: ["Lire aussi", a["related"][0]],
        }
        lines += interleave(a["body"], inserts)
        lines += [
            "Vous avez repéré une erreur ? Signalez-la à la rédaction.",
            "Newsletter",
            "Chaque matin à 7h, l'essentiel de l'actualité au Luxembourg.",
            "S'inscrire",
            "Les plus lus",
        ]
        lines += a["related"][1:]
        lines += ["Retour en haut", "Menu", "Version complète du site", "Mentions légales · Cookies · Contact", "© Éditions de l'Alzette 2024"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), cp1252=(i == 3)))
    return pages


ALZETTE_SHARED = "Le ministère de la Mobilité n'a pas encore communiqué de calendrier."

ALZETTE = [
    article(
        "Le tram jusqu'à l'aéroport aura six mois de retard",
        "La mise en service du dernier tronçon est repoussée à l'automne 2025 en raison d'un problème de fondations sous le viaduc.",
        "Julie Schmit", "2024-03-12", "Luxembourg",
        [
            "Les voyageurs devront patienter. Le tronçon du tram reliant la gare de Findel-Ouest à l'aéroport, qui devait entrer en service au printemps 2025, ne sera pas opérationnel avant l'automne.",
            "Un problème de fondations",
            "Lors des sondages effectués en janvier, les ingénieurs ont découvert une couche d'argile plus épaisse que prévu sous deux piles du futur viaduc. Les fondations doivent être approfondies de près de huit mètres.",
            "Le surcoût est estimé à 14 millions d'euros.",
            "Des frontaliers inquiets",
            "Pour les milliers de frontaliers qui rejoignent chaque jour la zone aéroportuaire, l'annonce est une déception. « On nous promet ce tram depuis dix ans », lâche Mathieu, qui vient chaque jour de Thionville.",
            "Par ailleurs, les bus de la ligne 16 seront renforcés aux heures de pointe dès avril.",
            ALZETTE_SHARED,
        ],
        slug="tram-aeroport-retard", time="07:45", kicker="Transports", ad_after=3,
        byline_line="Julie Schmit",
        caption="Le chantier du viaduc, près de Findel-Ouest, en février.",
        credit="Photo : Luc Hoffmann",
        related=["Les prix de l'immobilier reculent encore au premier trimestre", "Index : une nouvelle tranche attendue en mai", "Frontaliers : le télétravail fiscal relevé à 34 jours", "La N7 fermée deux week-ends en avril"],
    ),
    article(
        "À Esch, une friche industrielle va accueillir 1 200 logements",
        "Le projet des Terres Rouges, porté par la commune et un fonds public, doit sortir de terre à partir de 2026.",
        "Marc Weyland", "2024-04-17", "Grande Région",
        [
            "C'est l'un des plus grands projets urbains du sud du pays. Sur les 24 hectares de l'ancienne aciérie des Terres Rouges, la commune d'Esch veut construire 1 200 logements, une école et un parc.",
            "Un tiers des logements sera proposé à prix abordable, à la location ou à la vente.",
            "Un sol à dépolluer",
            "Avant les premiers coups de pelle, il faudra dépolluer le site. Les analyses ont révélé des hydrocarbures et des métaux lourds sur près d'un tiers de la surface.",
            "— Nous ne construirons rien tant que le sol ne sera pas sain, assure l'échevine chargée de l'urbanisme, Sandra Kieffer.",
            "Les premiers habitants sont attendus en 2029.",
        ],
        slug="esch-friche-logements", time="18:02", kicker="Urbanisme", ad_after=2,
        byline_line="Marc Weyland",
        caption="L'ancienne halle des laminoirs sera conservée et transformée en marché couvert.",
        credit="Photo : Commune d'Esch",
        related=["Logement : le pacte communal prolongé", "Esch : le festival de la Kulturfabrik dévoile sa programmation", "Les loyers ont augmenté de 3 % en un an", "Une nouvelle piste cyclable entre Esch et Belval"],
    ),
    article(
        "Grève dans les crèches privées : des parents sans solution",
        "Près de 40 structures sont fermées ou fonctionnent au ralenti depuis lundi.",
        "Sophie Reuter", "2024-05-06", "Luxembourg",
        [
            "Des dizaines de parents ont dû improviser lundi matin. À l'appel de deux syndicats, une partie du personnel des crèches privées a cessé le travail pour réclamer l'alignement des salaires sur ceux du secteur conventionné.",
            "Selon les syndicats, près de 40 structures sont fermées ou n'accueillent qu'une partie des enfants.",
            "« J'ai pris un jour de congé, mais je ne peux pas en prendre cinq », explique Anne, mère d'une fillette de deux ans à Strassen.",
            "Ce que demandent les grévistes",
            "Les salariés réclament une hausse d'environ 12 % pour les éducateurs diplômés. La fédération des employeurs parle d'une revendication impossible à financer sans aide publique.",
            "Une réunion de conciliation est prévue jeudi.",
        ],
        slug="greve-creches", time="12:30", kicker="Social", ad_after=2,
        byline_line="Sophie Reuter",
        caption="Devant une crèche fermée de Strassen, lundi matin.",
        credit="Photo : Anouk Feller",
        related=["Chèques-service : ce qui change à la rentrée", "Le salaire social minimum revalorisé", "Enseignement : 300 postes à pourvoir", "Strassen : le nouveau centre culturel inauguré"],
    ),
    article(
        "Trois nouvelles lignes de bus transfrontalières à partir de juin",
        "Elles relieront Arlon, Longwy et Perl aux zones d'activité du Kirchberg et de Cloche d'Or.",
        "Julie Schmit", "2024-05-22", "Grande Région",
        [
            "Les frontaliers belges, français et allemands auront bientôt de nouvelles options pour venir travailler. Trois lignes de bus express seront lancées le 3 juin, a annoncé mercredi le ministère.",
            "Elles circuleront toutes les vingt minutes aux heures de pointe.",
            "Des voies réservées",
            "Les bus emprunteront des voies réservées sur l'autoroute, ce qui doit leur faire gagner jusqu'à quinze minutes par rapport à la voiture aux heures les plus chargées.",
            "Il faudra lire aussi les petites lignes : l'abonnement mensuel ne sera valable que sur le réseau luxembourgeois, pas sur les trains.",
            ALZETTE_SHARED,
            "Le ticket restera au prix du réseau régional.",
        ],
        slug="bus-transfrontaliers", time="16:15", kicker="Mobilité", ad_after=1,
        byline_line="Par Julie Schmit",
        caption="Un bus express sur l'A4 près d'Esch.",
        credit="Photo : Archives Le Courrier",
        related=["Covoiturage : une nouvelle aire à la frontière", "Le tram jusqu'à l'aéroport aura six mois de retard", "Le prix du diesel repasse sous 1,60 euro", "Belval : l'université accueille 7 000 étudiants"],
    ),
]


LAYOUTS = {
    "echo-fleuve": (sahel, SAHEL),
    "quad-herald": (quad, QUAD),
    "meteo-hautes-terres": (meteo, METEO),
    "bench-report": (bench, BENCH),
    "longwave-podcast": (podcast, PODCAST),
    "courrier-alzette": (alzette, ALZETTE),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"quad-herald", "longwave-podcast"}
