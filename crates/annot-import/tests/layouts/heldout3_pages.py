"""The third held-out set of the layout sample: six kinds of site that the
eighteen earlier layouts do not have, written after the second round of
tuning and only ever scored as a whole. `make_pages.py` writes them into
`heldout3/` with the rest.

Intertitles inside the article are body (as in `heldout2/grand-format`);
captions, credits, share bars, related links, newsletter and subscription
boxes, comments, bios, glossary boxes, source lists, match sheets, contact
blocks and site notes are not.

Every article, name, place of event, quote and figure is invented for this
project; the sites are fictional.
"""

from datetime import date, timedelta

from make_pages import AP_SHORT, EN_SHORT, Page, article, en_us, fr_long, interleave, ymd


def next_day(iso):
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def dmy(iso):
    y, m, d = ymd(iso)
    return f"{d:02}/{m:02}/{y}"


# --------------------------------------------------------------------------
# An English regional TV station: "Watch live", a weather widget, a video
# line, "RELATED:" inside the body, "Copyright 2024 … All rights reserved."
# --------------------------------------------------------------------------

def lakeshore(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        upd = a.get("updated", a["date"])
        uy, um, ud = ymd(upd)
        lines = [
            "Lakeshore 6 News",
            "Watch live",
            "News",
            "First Alert Weather",
            "Traffic",
            "Sports",
            "Closings & Delays",
            f"Now {a['weather'][0]}°",
            a["weather"][1],
            f"High {a['weather'][2]}° Low {a['weather'][3]}°",
        ]
        if a.get("alert"):
            lines.append(a["alert"])
        lines += [
            a["section"],
            a["title"],
            f"By {a['byline']}",
            f"Published: {AP_SHORT[m - 1]} {d}, {y} at {5 + i}:47 PM CST",
            f"Updated: {AP_SHORT[um - 1]} {ud}, {uy} at {8 + i}:02 PM CST",
            f"WATCH: {a['video']}",
        ]
        lines += interleave(a["body"], {1: [f"RELATED: {a['related'][0]}"]})
        lines += [
            "Copyright 2024 Lakeshore 6 News. All rights reserved.",
            "Download the Lakeshore 6 News app for breaking news and weather alerts",
            "Most Read",
            a["related"][1],
            a["related"][2],
            "Watch live: Lakeshore 6 News at 10",
            "Public inspection file",
            "EEO report",
            "Closed captioning",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1)))
    return pages


SHERIFF = "Anyone with information is asked to call the Marlow County Sheriff's Office at 555-0142."

LAKESHORE = [
    article(
        "Sheriff: Two hurt in rollover crash on Highway 12 near Dunmore",
        None, "Jenna Park", "2024-03-05", "Local News",
        [
            "Two people were taken to the hospital Tuesday afternoon after their pickup truck rolled over on Highway 12 just east of Dunmore, the Marlow County Sheriff's Office said.",
            "Deputies said the driver lost control on a patch of ice near mile marker 41, and the truck slid into the ditch and landed on its roof.",
            "Both people inside, a 34-year-old man and a 29-year-old woman from Port Aldis, were taken to Lakeview Regional Medical Center. Their injuries were not believed to be life-threatening.",
            "\"The road looks dry, but there is black ice under that shine,\" Sheriff Dolores Quinlan said. \"Slow down and give yourself room.\"",
            "Highway 12 was closed for about two hours while crews cleared the scene.",
            SHERIFF,
        ],
        slug="highway-rollover", weather=["31", "Light snow", "34", "22"],
        alert="Weather alert: Winter weather advisory until 9 PM",
        video="Deputies describe icy conditions on Highway 12",
        related=["Marlow County road crews brace for another round of snow", "Port Aldis council delays vote on downtown parking", "School closings for Wednesday"],
    ),
    article(
        "Port Aldis teachers vote to accept new three-year contract",
        None, "Marcus Lee", "2024-04-17", "Education",
        [
            "Teachers in the Port Aldis School District voted Wednesday night to accept a new three-year contract, ending five months of negotiations.",
            "The agreement raises starting pay to $48,500 and increases the district's share of health insurance premiums from 75% to 85%.",
            "Union president Carla Whitcomb said 91% of members who cast ballots voted yes.",
            "\"Nobody got everything they wanted, and that is usually the sign of a fair deal,\" she said.",
            "The school board is expected to approve the contract at its meeting on Monday.",
            "It takes effect July 1.",
        ],
        slug="teachers-contract", weather=["58", "Partly cloudy", "63", "44"], updated="2024-04-18",
        video="Teachers react after contract vote",
        related=["What the new contract means for class sizes", "District enrollment falls for a fourth year", "Heron Lake boat launch reopens"],
    ),
    article(
        "Local band settles copyright dispute with Lakeshore Days festival",
        None, "Jenna Park and Marcus Lee", "2024-06-03", "Entertainment",
        [
            "A Port Aldis rock band and the organizers of the Lakeshore Days festival have settled a copyright dispute over the song the festival used in its television ads last summer.",
            "The Driftwood Kings said the festival had used their song \"Harbor Lights\" without permission. The festival said it believed a former board member had obtained the rights.",
            "Under the settlement, the band will be paid an undisclosed sum and will headline the festival's opening night on July 12.",
            "\"We grew up going to Lakeshore Days. We never wanted to fight with it,\" singer Tommy Reyes said.",
            "Fans who cannot make it to the waterfront can watch live on the festival's website, organizers said.",
            "Read more about the lineup, and the copyright question, in the festival program, which comes out next week.",
        ],
        slug="band-settlement", weather=["72", "Sunny", "79", "58"],
        video="The Driftwood Kings talk about their Lakeshore Days return",
        related=["Lakeshore Days lineup announced", "Fireworks to return to the harbor", "Downtown summer concert series begins"],
    ),
    article(
        "Firefighters rescue dog that fell through ice on Heron Lake",
        None, "Ava Sandoval", "2024-01-22", "Local News",
        [
            "Firefighters in cold-water suits pulled a dog from Heron Lake on Monday morning after it fell through thin ice about 60 yards from shore.",
            "The dog, a 3-year-old husky named Juniper, had slipped her leash while her owner was walking on the lakeside trail.",
            "Port Aldis Fire Capt. Ron Esterly said the ice near the inlet is only a couple of inches thick, even after a week of cold weather.",
            "\"Please, do not go out after your pet. Call us,\" Esterly said. \"We have the gear, and you do not.\"",
            "Juniper was wrapped in blankets and taken to a veterinarian. She is expected to be fine.",
            SHERIFF,
        ],
        slug="dog-ice-rescue", weather=["12", "Clear", "18", "4"],
        alert="Weather alert: Wind chill advisory until 10 AM Tuesday",
        video="Crews pull husky from Heron Lake",
        related=["How thick does ice need to be? What experts say", "Warming centers open across Marlow County", "Ice fishing tournament postponed"],
    ),
]


# --------------------------------------------------------------------------
# A French sports daily: a live-score ticker at the top, "À lire aussi"
# inside the text, a match sheet after it, a "Réactions" comment block.
# --------------------------------------------------------------------------

def elan(arts):
    pages = []
    for i, a in enumerate(arts):
        upd = next_day(a["date"]) if i % 2 else a["date"]
        lines = [
            "L'Élan",
            "Le quotidien du sport",
            "EN DIRECT",
            "Championnat | Racing Lorraine 1-0 AS Camargue | 64'",
            "Rugby | RC Vivarais 18-13 US Cévenole | MT",
            "Basket | Étoile de Loire 88-81 Saint-Brévin | FIN",
            "Football",
            "Rugby",
            "Cyclisme",
            "Tennis",
            "Résultats",
            "S'abonner",
            a["section"],
            a["title"],
            a["lede"],
            a.get("byline_line", f"Par {a['byline']}"),
            f"Publié le {dmy(a['date'])} à 23:05 | Mis à jour le {dmy(upd)} à {'08:12' if i % 2 else '23:48'}",
            "Partager",
        ]
        lines += interleave(a["body"], {1: [f"À lire aussi : {a['related'][0]}"]})
        lines += ["Fiche technique"] + a["sheet"]
        lines += [
            f"Réactions ({5 + 3 * i})",
            a["comment"][0],
            a["comment"][1],
            "Répondre",
            "Les plus lus",
            a["related"][1],
            a["related"][2],
            "© L'Élan 2024 - Toute reproduction interdite",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 3)))
    return pages


FUMIGENES = "La rencontre a été interrompue une dizaine de minutes en seconde période en raison de jets de fumigènes."

ELAN = [
    article(
        "Le FC Armor arrache le nul face au Racing Lorraine",
        "Mené pendant plus d'une heure, le club breton a égalisé à deux minutes de la fin grâce à Yanis Kerbrat (2-2).",
        "Xavier Ducros", "2024-03-10", "Football",
        [
            "Il restait moins de deux minutes à jouer quand Yanis Kerbrat a surgi au second poteau. Sa reprise du plat du pied a donné au FC Armor un point que personne, dans le stade de la Seille, n'attendait plus.",
            "Le Racing Lorraine avait pourtant parfaitement lancé sa soirée. Dès la 9e minute, Samuel Oyono reprenait de la tête un centre de Théo Vautrin.",
            "Le plan de jeu lorrain était facile à lire : un bloc bas, puis des contres rapides dans le dos des latéraux bretons. Il a fonctionné une seconde fois peu avant la pause.",
            "— On a manqué de justesse dans les trente derniers mètres, a reconnu l'entraîneur breton, Gilles Le Fur. Mais ce groupe ne lâche jamais.",
            FUMIGENES,
            "Le FC Armor reste sixième.",
        ],
        slug="armor-lorraine",
        related=["Yanis Kerbrat, l'attaquant qui ne marque qu'à la fin", "Championnat : le classement après la 26e journée", "Mercato : le Racing Lorraine cherche un gardien"],
        sheet=[
            "Racing Lorraine - FC Armor : 2-2 (2-0)",
            "Stade de la Seille, 14 212 spectateurs",
            "Arbitre : M. Fabien Carrel",
            "Buts : Oyono (9e), Vautrin (41e) pour le Racing Lorraine ; Le Gall (67e), Kerbrat (88e) pour le FC Armor",
            "Avertissements : Vautrin (55e), Diop (72e)",
        ],
        comment=["Breizh_56", "Quel caractère ! Avec un vrai numéro 9, on serait sur le podium."],
    ),
    article(
        "Rugby : l'US Cévenole s'impose dans la douleur contre le RC Vivarais",
        "Les Cévenols ont dû attendre la dernière pénalité de Hugo Ferrand pour l'emporter (19-18).",
        "Marion Lestrade", "2024-04-06", "Rugby",
        [
            "Hugo Ferrand a attendu que le silence se fasse dans les tribunes. Puis son coup de pied, tiré à quarante mètres des poteaux, a passé la barre à la 79e minute et offert la victoire à l'US Cévenole.",
            "Le RC Vivarais a longtemps cru tenir son premier succès à l'extérieur de la saison. Ses avants ont dominé les mêlées pendant une heure, et son ailier Kévin Nsimba a inscrit un essai de quatre-vingts mètres.",
            "— Ce soir, on n'a pas bien joué, mais on a gagné. Dans ce championnat, ça compte double, a résumé le capitaine cévenol, Baptiste Roux.",
            "Les Cévenols remontent à la quatrième place.",
            "Le staff du Vivarais, lui, refusait de partager l'optimisme ambiant. « Ce genre de défaite, on la paie en fin de saison », soufflait son manager.",
        ],
        slug="cevenole-vivarais",
        related=["Hugo Ferrand, le buteur qui ne tremble jamais", "Rugby : le programme de la 20e journée", "Le RC Vivarais perd son talonneur pour six semaines"],
        sheet=[
            "US Cévenole - RC Vivarais : 19-18 (9-11)",
            "Stade des Châtaigniers, 6 850 spectateurs",
            "Arbitre : M. Loïc Barthe",
            "Essais : Roux (52e) pour l'US Cévenole ; Nsimba (23e) pour le RC Vivarais",
            "Pénalités : Ferrand (12e, 30e, 38e, 61e, 79e) ; Maury (8e, 45e, 70e)",
            "Cartons jaunes : Maury (34e), Delmas (66e)",
        ],
        comment=["Ovalie07", "On a eu chaud. Sans Ferrand, cette équipe ne gagne pas trois matchs dans l'année."],
    ),
    article(
        "Olympique des Alpes : Marchetti, un doublé et une ovation",
        "Pour son dernier match à domicile avant sa retraite, le capitaine grenoblois a signé deux buts contre l'AS Camargue (3-1).",
        "Xavier Ducros", "2024-05-12", "Football",
        [
            "À la 80e minute, lorsque le panneau lumineux a affiché son numéro, tout le stade s'est levé. Luca Marchetti, 36 ans, a quitté la pelouse sous une ovation de près de trois minutes.",
            "Le capitaine de l'Olympique des Alpes avait auparavant ouvert le score d'une frappe enroulée, avant de doubler la mise sur penalty.",
            "À lire les statistiques de sa carrière, on mesure le vide qu'il laissera : 412 matchs et 131 buts sous le même maillot.",
            FUMIGENES,
            "— Je n'ai pas pleuré pendant le match. Après, je ne promets rien, a-t-il souri en zone mixte.",
            "L'AS Camargue, qui a réduit l'écart par Nathan Ricard, reste sous la menace de la relégation.",
        ],
        slug="marchetti-adieux", byline_line="Par Xavier Ducros, à Grenoble",
        related=["Luca Marchetti : « Ce club, c'est ma vie »", "Relégation : les scénarios de la dernière journée", "Qui pour succéder à Marchetti dans le vestiaire ?"],
        sheet=[
            "Olympique des Alpes - AS Camargue : 3-1 (1-0)",
            "Stade des Trois-Tours, 19 004 spectateurs",
            "Arbitre : Mme Claire Vidal",
            "Buts : Marchetti (27e, 58e sur penalty), Benali (85e) pour l'Olympique des Alpes ; Ricard (71e) pour l'AS Camargue",
            "Avertissements : Ricard (44e), Okou (90e+1)",
        ],
        comment=["Dauphin_38", "Merci capitaine. On ne reverra pas de sitôt un joueur comme lui."],
    ),
    article(
        "Coupe de France : l'AS Camargue, modeste, fait tomber le leader",
        "Le club de quatrième division a éliminé le Racing Lorraine aux tirs au but (1-1, 5-4 t.a.b.), devant un stade comble.",
        "Marion Lestrade et Karim Ouazzani", "2024-02-07", "Football",
        [
            "Ils étaient 3 200 serrés autour de la main courante du stade municipal d'Aigues-Vives, et aucun n'est rentré chez lui avant minuit.",
            "Le Racing Lorraine, leader du championnat, avait ouvert le score juste avant la pause par son capitaine, Théo Vautrin.",
            "Les Camarguais ont égalisé à vingt minutes de la fin, sur un corner repris par leur défenseur central, Florian Aubert, qui est aussi boulanger dans le village.",
            "— Demain matin, je serai au fournil à quatre heures. Comme d'habitude, a-t-il promis.",
            "Lors de la séance de tirs au but, le gardien camarguais, Sofiane Bakri, a arrêté la cinquième tentative lorraine.",
            "Le tirage des quarts de finale aura lieu dimanche.",
        ],
        slug="coupe-camargue",
        related=["Coupe de France : le tableau complet des huitièmes", "Florian Aubert, boulanger le jour, buteur le soir", "Le Racing Lorraine, un leader fragile ?"],
        sheet=[
            "AS Camargue - Racing Lorraine : 1-1 (0-1), 5-4 aux tirs au but",
            "Stade municipal d'Aigues-Vives, 3 200 spectateurs",
            "Arbitre : M. Romain Pastor",
            "Buts : Aubert (70e) pour l'AS Camargue ; Vautrin (44e) pour le Racing Lorraine",
            "Avertissements : Bakri (88e), Oyono (61e)",
        ],
        comment=["Gardian30", "Des soirées comme ça, c'est pour ça qu'on aime la Coupe. Bravo les gars !"],
    ),
]


# --------------------------------------------------------------------------
# A French science and health magazine: "Lecture 6 min", intertitles (body),
# a glossary box inside the text, "Cet article a été vérifié par …", a
# "Sources :" list.
# --------------------------------------------------------------------------

def curiosa(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Curiosa",
            "Le magazine de la science et de la santé",
            "Santé",
            "Nutrition",
            "Environnement",
            "Espace",
            "Le magazine",
            "S'abonner",
            a["section"],
            a["title"],
            a["lede"],
            f"Par {a['byline']}",
            f"Le {fr_long(a['date'])}",
            f"Lecture {5 + i} min",
            a["caption"],
        ]
        lines += interleave(a["body"], {a["glossary_at"]: ["Glossaire"] + a["glossary"]})
        lines += [
            f"Cet article a été vérifié par {a['checker']}.",
            "Sources :",
        ] + a["sources"] + [
            "Partager l'article",
            "À lire aussi",
            a["related"][0],
            a["related"][1],
            "Curiosa ne remplace pas une consultation médicale.",
            "© Curiosa 2024",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), crlf=(i == 2)))
    return pages


CURIOSA = [
    article(
        "Microbiote : ce que nos bactéries intestinales disent de notre sommeil",
        "Plusieurs études suggèrent un lien entre la flore intestinale et la qualité des nuits. Les chercheurs restent prudents sur le sens de la relation.",
        "Camille Renaud", "2024-03-12", "Santé",
        [
            "Nous hébergeons dans notre intestin des dizaines de milliers de milliards de bactéries. Depuis une quinzaine d'années, les chercheurs découvrent qu'elles influencent bien plus que la digestion.",
            "Une équipe de l'université de Valrose a suivi pendant six mois 240 volontaires, en analysant leurs selles et en mesurant leur sommeil à l'aide d'un bracelet.",
            "Un lien, mais dans quel sens ?",
            "Les participants dont le microbiote était le plus diversifié dormaient en moyenne 23 minutes de plus par nuit, et se réveillaient moins souvent.",
            "« Nous voyons une association, pas une cause », prévient la microbiologiste Anne Sorel, qui a dirigé l'étude. Il se peut aussi que ce soit le manque de sommeil qui appauvrisse la flore.",
            "Chez l'animal, l'effet d'une greffe de microbiote sur le sommeil n'a été vérifié que chez la souris.",
            "Ce que l'on peut faire dès maintenant",
            "Sources de fibres, les fruits, les légumes et les légumineuses nourrissent les bactéries les plus utiles. Les spécialistes recommandent d'en varier les espèces plutôt que les quantités.",
            "Rien ne prouve, en revanche, que les compléments probiotiques vendus en pharmacie améliorent les nuits.",
        ],
        slug="microbiote-sommeil", glossary_at=1,
        glossary=["Microbiote : ensemble des micro-organismes (bactéries, virus, champignons) qui vivent dans un milieu donné, ici l'intestin.",
                  "Probiotique : micro-organisme vivant ajouté à un aliment ou à un complément."],
        checker="le Dr Julien Aubry, gastro-entérologue",
        sources=["Sorel A. et al., « Gut microbial diversity and sleep continuity », Revue de physiologie intestinale, 2023.",
                 "Haut Conseil de la nutrition, avis sur les compléments probiotiques, 2022."],
        caption="Des bactéries intestinales observées au microscope électronique. Illustration : Studio Nébuleuse pour Curiosa",
        related=["Probiotiques : ce que l'on sait vraiment", "Insomnie : les thérapies sans médicament gagnent du terrain"],
    ),
    article(
        "Pourquoi les moustiques tigres remontent vers le nord",
        "Installé dans plus de soixante-dix départements, l'insecte profite d'hivers plus doux et des transports humains.",
        "Théo Brunel", "2024-05-27", "Environnement",
        [
            "Il y a vingt ans, on ne le trouvait que dans quelques communes des Alpes-Maritimes. Le moustique tigre est aujourd'hui installé jusqu'en Normandie et dans les Hauts-de-France.",
            "Un passager clandestin",
            "L'insecte ne vole guère plus de deux cents mètres dans sa vie. Ce sont les voitures, les camions et le commerce des pneus usagés qui le transportent d'une région à l'autre.",
            "Ses œufs résistent au froid et à la sécheresse pendant plusieurs mois. Il suffit ensuite d'une soucoupe d'eau sous un pot de fleurs pour qu'une colonie s'installe.",
            "Des hivers trop doux",
            "Selon les entomologistes, la hausse des températures hivernales a permis à l'espèce de survivre là où elle aurait disparu il y a trente ans.",
            "— Le moustique ne vient pas chez vous, il naît chez vous, résume le biologiste Marc Delpech, en montrant une gouttière bouchée.",
            "Vider les récipients d'eau stagnante reste le geste le plus efficace.",
        ],
        slug="moustique-tigre", glossary_at=3,
        glossary=["Vecteur : animal qui transmet un agent infectieux d'un hôte à un autre.",
                  "Diapause : état de vie ralentie qui permet aux œufs de survivre à l'hiver."],
        checker="Clara Mendès, entomologiste",
        sources=["Observatoire des espèces invasives, carte de colonisation, 2024.",
                 "Delpech M., « Aedes albopictus en France métropolitaine », Cahiers d'entomologie, 2023."],
        caption="Un moustique tigre, reconnaissable à ses rayures blanches. Photo : Studio Nébuleuse pour Curiosa",
        related=["Dengue : faut-il s'inquiéter en métropole ?", "Les chauves-souris, alliées contre les moustiques ?"],
    ),
    article(
        "Marcher dix minutes après le repas, un geste simple contre le diabète",
        "Une courte marche après avoir mangé limite les pics de sucre dans le sang, selon une synthèse de travaux récents.",
        "Camille Renaud", "2024-09-03", "Santé",
        [
            "Après un repas, le taux de sucre dans le sang grimpe, puis redescend. Chez les personnes diabétiques ou prédiabétiques, ce pic est plus haut et dure plus longtemps.",
            "Or les muscles qui travaillent consomment du glucose. Une marche tranquille suffit à en absorber une partie.",
            "Ce que disent les études",
            "Une synthèse de sept essais, publiée cette année, conclut qu'une marche de dix à quinze minutes après le repas réduit le pic de glycémie d'environ 20 %.",
            "« L'effet est modeste, mais il est gratuit et sans effet secondaire », observe la diabétologue Sophie Lanier.",
            "Le moment compte : c'est dans la demi-heure qui suit le repas que la marche est la plus utile.",
            "Et si l'on ne peut pas sortir ?",
            "Monter et descendre un escalier, faire la vaisselle debout ou danser dans la cuisine fonctionne aussi.",
        ],
        slug="marche-glycemie", glossary_at=1,
        glossary=["Glycémie : taux de sucre (glucose) dans le sang.",
                  "Prédiabète : glycémie supérieure à la normale, sans atteindre le seuil du diabète."],
        checker="le Dr Nicolas Ferrier, endocrinologue",
        sources=["Lanier S. et al., « Post-meal walking and glycaemic response: a review », Journal de médecine métabolique, 2024.",
                 "Fédération des diabétiques, recommandations d'activité physique, 2023."],
        caption="Une marche courte suffit, selon les chercheurs. Photo : Studio Nébuleuse pour Curiosa",
        related=["Diabète de type 2 : les signes qui doivent alerter", "Sport : combien de pas par jour, vraiment ?"],
    ),
    article(
        "Les premières images du télescope Hélios révèlent des nuages de poussière inattendus",
        "Lancé en janvier, l'instrument européen a photographié une région de formation d'étoiles avec une précision inédite.",
        "Inès Kacem", "2024-11-19", "Espace",
        [
            "Les astronomes attendaient des étoiles. Ils ont d'abord vu de la poussière.",
            "Sur les premières images du télescope spatial Hélios, rendues publiques mardi, la nébuleuse du Cygne apparaît traversée de longs filaments sombres que personne n'avait jamais observés.",
            "« C'est comme si l'on regardait enfin à travers une vitre que l'on croyait propre », raconte l'astrophysicienne Léa Moreau, membre de l'équipe scientifique.",
            "Ces filaments pourraient être des flux de matière qui alimentent la naissance des étoiles. Cette hypothèse n'a pas encore été vérifiée par des mesures de vitesse.",
            "Un instrument conçu pour l'infrarouge",
            "Hélios observe dans l'infrarouge moyen, une lumière que la poussière laisse passer et que l'atmosphère terrestre absorbe.",
            "Les prochaines observations sont prévues au printemps.",
        ],
        slug="telescope-helios", glossary_at=2,
        glossary=["Nébuleuse : nuage de gaz et de poussière dans l'espace.",
                  "Infrarouge moyen : lumière de longueur d'onde comprise entre 3 et 30 micromètres environ."],
        checker="Paul Verdier, astrophysicien",
        sources=["Agence spatiale européenne, communiqué et images, 19 novembre 2024.",
                 "Moreau L. et al., « First light of the Helios mid-infrared imager », prépublication, 2024."],
        caption="La nébuleuse du Cygne vue par Hélios. Image : Consortium Hélios",
        related=["Télescopes spatiaux : la nouvelle génération", "Comment naissent les étoiles ?"],
    ),
]


# --------------------------------------------------------------------------
# An English press-release distribution page: "News provided by", the
# dateline "/NewsRelay/ --", an "About" paragraph, forward-looking
# statements, "Contact:", "###", "SOURCE …", "View original content …".
# --------------------------------------------------------------------------

def newsrelay(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "NewsRelay",
            "News",
            "Products",
            "Contact",
            "Send a release",
            "News in Focus",
            "News > " + " > ".join(a["crumbs"]),
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        lines += [
            "News provided by",
            a["company"],
            f"{EN_SHORT[m - 1]} {d:02}, {y}, {7 + i:02}:{'00' if i % 2 else '30'} ET",
            "Share this article",
        ]
        lines += a["body"]
        lines += [f"About {a['short']}", a["about"]]
        if a.get("fls"):
            lines += ["Forward-Looking Statements", a["fls"]]
        lines += [
            "Media Contact:",
            a["contact"][0],
            a["contact"][1],
            "###",
            f"SOURCE {a['company']}",
            f"View original content to download multimedia: https://www.newsrelay.example/news-releases/{a['slug']}-30{12 + i}.html",
            "Also from this source",
            a["also"],
            "Explore",
            a["crumbs"][-1],
            "Journalists and Bloggers",
            "© 2024 NewsRelay. All Rights Reserved.",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1), crlf=(i == 3)))
    return pages


HALVORSEN_ABOUT = "Halvorsen Biotech, Inc. is a clinical-stage company developing treatments for rare inflammatory diseases. Founded in 2015, the company is based in Cambridge, Massachusetts. For more information, visit www.halvorsenbio.example."
HALVORSEN_FLS = "This press release contains forward-looking statements within the meaning of the Private Securities Litigation Reform Act of 1995, including statements about the timing of clinical results. Actual results may differ materially from those expressed or implied. Halvorsen undertakes no obligation to update any forward-looking statement, except as required by law."
SITES = "The trial is being conducted at 42 sites in the United States, Canada and Germany."

NEWSRELAY = [
    article(
        "Halvorsen Biotech Completes Enrollment in Phase 2 Trial of HB-212 in Adult Still's Disease",
        "Topline results expected in the fourth quarter of 2024",
        None, "2024-03-05", "Biotechnology",
        [
            "CAMBRIDGE, Mass., March 5, 2024 /NewsRelay/ -- Halvorsen Biotech, Inc. today announced that it has completed enrollment in SPARROW-2, its Phase 2 clinical trial of HB-212 in adults with Still's disease, a rare inflammatory condition.",
            "The randomized, placebo-controlled trial enrolled 186 patients, ahead of the company's target of 160.",
            SITES,
            "\"Completing enrollment early tells us how much patients and physicians want new options,\" said Dr. Ingrid Halvorsen, Chief Executive Officer of Halvorsen Biotech.",
            "HB-212 is an oral inhibitor designed to block a signaling protein involved in inflammation. By contrast with current injectable treatments, it is taken once a day as a tablet.",
            "The company expects to report topline results in the fourth quarter of 2024.",
        ],
        crumbs=["Health", "Biotechnology"], slug="halvorsen-enrollment",
        company="Halvorsen Biotech, Inc.", short="Halvorsen Biotech", about=HALVORSEN_ABOUT, fls=HALVORSEN_FLS,
        contact=["Rachel Ong, Halvorsen Biotech", "media@halvorsenbio.example | +1 617-555-0190"],
        also="Halvorsen Biotech to Present at Spring Healthcare Conference",
    ),
    article(
        "Brightwater Solar Opens 400-Megawatt Plant in West Texas",
        None, None, "2024-04-23", "Solar",
        [
            "MIDLAND, Texas, April 23, 2024 /NewsRelay/ -- Brightwater Solar Corp. today opened the Caprock Solar Center, a 400-megawatt plant that will supply enough electricity for about 75,000 homes.",
            "The plant covers 2,600 acres and includes a 120-megawatt battery system that stores power for use after sunset.",
            "Construction employed more than 600 workers at its peak. Twenty-two permanent jobs will remain on site.",
            "\"Caprock shows that clean power can be built on time and on budget,\" said Marisol Treviño, President of Brightwater Solar.",
            "The company will share part of the plant's revenue with Midland County schools under a 20-year agreement.",
            "Brightwater now operates nine solar plants in Texas and New Mexico.",
        ],
        crumbs=["Energy", "Solar"], slug="brightwater-caprock",
        company="Brightwater Solar Corp.", short="Brightwater Solar",
        about="Brightwater Solar Corp. develops, builds and operates utility-scale solar and storage projects in the southwestern United States. The company is headquartered in Austin, Texas.",
        contact=["Devon Pierce, Brightwater Solar", "press@brightwatersolar.example | +1 512-555-0133"],
        also="Brightwater Solar Names New Chief Financial Officer",
    ),
    article(
        "Halvorsen Biotech Reports Positive Topline Results from Phase 2 SPARROW-2 Trial",
        "HB-212 met its primary endpoint; company plans to start Phase 3 in 2025",
        None, "2024-11-14", "Biotechnology",
        [
            "CAMBRIDGE, Mass., November 14, 2024 /NewsRelay/ -- Halvorsen Biotech, Inc. today reported positive topline results from SPARROW-2, its Phase 2 trial of HB-212 in adults with Still's disease.",
            "After 24 weeks, 58% of patients taking HB-212 had a clinical response, compared with 21% of patients taking placebo. The result was statistically significant.",
            SITES,
            "The most common side effects were headache and mild nausea. No new safety signals were observed.",
            "\"These results are the strongest we have seen in this disease,\" said Dr. Tomas Lindahl, Chief Medical Officer of Halvorsen Biotech.",
            "Full results will be presented at a medical meeting next year.",
        ],
        crumbs=["Health", "Biotechnology"], slug="halvorsen-topline",
        company="Halvorsen Biotech, Inc.", short="Halvorsen Biotech", about=HALVORSEN_ABOUT, fls=HALVORSEN_FLS,
        contact=["Rachel Ong, Halvorsen Biotech", "media@halvorsenbio.example | +1 617-555-0190"],
        also="Halvorsen Biotech Completes Enrollment in Phase 2 Trial of HB-212",
    ),
    article(
        "Tessaro Learning Launches Free Licensing Program for School Libraries",
        "Program covers copyright clearance for more than 12,000 titles",
        None, "2024-08-20", "Libraries",
        [
            "DENVER, August 20, 2024 /NewsRelay/ -- Tessaro Learning, a provider of digital reading materials, today launched Open Shelf, a program that gives public school libraries free licenses to more than 12,000 digital books.",
            "Under the program, Tessaro handles copyright clearance with publishers, so that librarians do not have to negotiate each title separately.",
            "Schools can register through the Tessaro website. Librarians can read more about the titles and the terms of use on the program page.",
            "\"A librarian's time should go to readers, not to paperwork,\" said Owen Castellano, co-founder of Tessaro Learning.",
            "The program is funded by the company for three years.",
        ],
        crumbs=["Education", "Libraries"], slug="tessaro-open-shelf",
        company="Tessaro Learning", short="Tessaro Learning",
        about="Tessaro Learning builds digital reading platforms for schools and libraries. Its catalog includes more than 40,000 titles from 300 publishers.",
        fls="Statements in this release about the future scope of the Open Shelf program are forward-looking and depend on agreements with publishers that may change.",
        contact=["Priya Malhotra, Tessaro Learning", "press@tessaro.example | +1 303-555-0164"],
        also="Tessaro Learning Partners with Colorado Library Association",
    ),
]


# --------------------------------------------------------------------------
# A French public broadcaster: "Article rédigé par", the name, the station,
# "Publié le … / Mis à jour le …", "Temps de lecture : 3 min", "Partager",
# "Lire plus tard", an audio line, a blocked embed inside the text.
# --------------------------------------------------------------------------

def hexagone(arts):
    pages = []
    for i, a in enumerate(arts):
        upd = next_day(a["date"]) if i in (1, 2) else a["date"]
        lines = [
            "Hexagone Info",
            "Direct TV",
            "Direct radio",
            "Accueil",
            "Monde",
            "Politique",
            "Société",
            "Environnement",
            "Sports",
            "Culture",
            a["section"],
            a["title"],
            a["lede"],
            a["caption"],
            "Article rédigé par",
        ]
        lines += [
            a["byline"],
            "Radio Hexagone",
            f"Publié le {dmy(a['date'])} 06:{10 + 7 * i:02}",
            f"Mis à jour le {dmy(upd)} {'10:02' if upd == a['date'] else '07:45'}",
            f"Temps de lecture : {2 + i % 3} min",
        ]
        if a.get("audio"):
            lines += [a["audio"], "Écouter"]
        lines += ["Partager", "Lire plus tard"]
        lines += interleave(a["body"], {1: [
            "Ce contenu est bloqué car vous n'avez pas accepté les cookies et autres traceurs.",
            "Gérer mes choix",
        ]})
        lines += [
            "Voir les commentaires",
            "Partagez l'article sur les réseaux sociaux :",
            "Facebook",
            "X",
            "Linkedin",
            "Copier le lien",
            "Les choix de la rédaction",
            a["related"][0],
            a["related"][1],
            "Hexagone Info, le service public de l'information - Radio Hexagone",
            "Mentions légales",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 0), crlf=(i == 1), bom=(i == 2)))
    return pages


HEXAGONE = [
    article(
        "Nantes : les bus de nuit prolongés jusqu'à 4 heures le week-end",
        "La métropole étend les horaires de quatre lignes à partir du 1er avril, après une expérimentation jugée concluante.",
        "Lucie Ferrand", "2024-03-12", "Société",
        [
            "Les noctambules nantais n'auront bientôt plus à choisir entre un taxi hors de prix et une longue marche. À partir du 1er avril, quatre lignes de bus de nuit circuleront jusqu'à 4 heures le vendredi et le samedi.",
            "Pendant l'expérimentation menée cet automne, ces bus ont transporté en moyenne 1 800 voyageurs par nuit, selon la métropole.",
            "Interrogée par Radio Hexagone, la vice-présidente chargée des transports, Nadia Chérif, évoque « une question de sécurité autant que de mobilité ».",
            "— Avant, on rentrait à pied à plusieurs, en pleine nuit, raconte Manon, étudiante en infirmerie. Maintenant, je prends le bus devant le bar.",
            "Le coût de la mesure est estimé à 900 000 euros par an.",
        ],
        slug="bus-nuit-nantes",
        caption="Un bus de nuit place du Commerce, à Nantes, le 8 mars 2024. (JULIEN MARTEAU / RADIO HEXAGONE)",
        related=["Transports : ces villes qui misent sur la nuit", "Vélo en libre-service : le nouveau contrat contesté à Nantes"],
    ),
    article(
        "Sécheresse : dans les Pyrénées-Orientales, des villages ravitaillés par camion-citerne",
        "Faute de pluie depuis des mois, plusieurs communes n'ont plus assez d'eau au robinet. La préfecture a renforcé les restrictions.",
        "Pierre Albaret, Sonia Mekki", "2024-04-09", "Environnement",
        [
            "Chaque matin à 7 heures, le camion-citerne se gare devant la mairie de Corbère-les-Cabanes. Les habitants viennent remplir leurs bidons, en silence.",
            "Le forage qui alimente le village ne donne plus que le tiers de son débit habituel. Il n'a presque pas plu depuis dix-huit mois.",
            "— On se douche une fois sur deux, on récupère l'eau des légumes pour le jardin, énumère Jacqueline, 74 ans. On apprend.",
            "Les voisins ont décidé de partager un récupérateur de pluie de cinq mètres cubes.",
            "La préfecture a interdit mardi le remplissage des piscines et l'arrosage des jardins dans une centaine de communes. Les agriculteurs, eux, attendent des dérogations.",
            "Les météorologues n'annoncent pas de pluies significatives avant la mi-mai.",
        ],
        slug="secheresse-citernes",
        caption="Le camion-citerne devant la mairie de Corbère-les-Cabanes, le 8 avril 2024. (SONIA MEKKI / RADIO HEXAGONE)",
        audio="Le reportage de Pierre Albaret et Sonia Mekki, diffusé dans le journal de 8 heures",
        related=["Sécheresse : les nappes phréatiques au plus bas", "Eau potable : comment fonctionne un camion-citerne ?"],
    ),
    article(
        "Le festival de bande dessinée de Saint-Malo affiche complet",
        "Pour sa quinzième édition, la manifestation accueille 180 auteurs et attend 60 000 visiteurs sur trois jours.",
        "Élise Tanguy", "2024-10-18", "Culture",
        [
            "Les billets se sont arrachés en quelques jours. Le festival Bulles d'Iode, qui ouvre vendredi à Saint-Malo, affiche complet pour la première fois de son histoire.",
            "Cent quatre-vingts autrices et auteurs dédicaceront leurs albums sous les chapiteaux installés au pied des remparts.",
            "À lire aussi dans le programme, une exposition consacrée aux planches originales de la dessinatrice Maïwenn Le Roux, invitée d'honneur.",
            "« La BD n'a jamais eu un public aussi jeune et aussi varié », se réjouit la directrice du festival, Anne Guéguen, au micro de Radio Hexagone.",
            "Les organisateurs promettent d'agrandir le site l'an prochain.",
        ],
        slug="festival-bd-saint-malo",
        caption="Une séance de dédicaces lors de l'édition 2023 du festival. (YANN PERRON / RADIO HEXAGONE)",
        audio="L'invitée de la rédaction, diffusée à 7h50",
        related=["Bande dessinée : les ventes repartent à la hausse", "Maïwenn Le Roux, la dessinatrice qui raconte la mer"],
    ),
    article(
        "Réforme des retraites agricoles : ce qui change pour 200 000 exploitants",
        "Le calcul des pensions se fera désormais sur les vingt-cinq meilleures années, comme pour les salariés.",
        "Hugo Delattre", "2024-12-03", "Politique",
        [
            "C'était une demande ancienne de la profession. À partir de 2026, la retraite des exploitants agricoles sera calculée sur leurs vingt-cinq meilleures années de revenus, et non plus sur l'ensemble de leur carrière.",
            "Le texte, adopté mardi par le Parlement, concerne environ 200 000 exploitants en activité.",
            "Pour un agriculteur ayant connu plusieurs années de crise, la pension pourrait augmenter de 50 à 150 euros par mois, selon les estimations du ministère.",
            "Les syndicats saluent une avancée, mais jugent le calendrier trop lent.",
            "Les décrets d'application sont attendus au printemps.",
        ],
        slug="retraites-agricoles",
        caption="Un exploitant dans sa ferme de l'Aisne, en novembre 2024. (CLAIRE DUVAL / RADIO HEXAGONE)",
        related=["Retraites : les agriculteurs parmi les pensions les plus faibles", "Agriculture : le nombre d'exploitations continue de baisser"],
    ),
]


# --------------------------------------------------------------------------
# An English Q&A explainer: question intertitles (body), a newsletter box
# inside the text, "Was this explainer helpful?", a bio line and a
# "More from Clearline" rail of question titles.
# --------------------------------------------------------------------------

def clearline(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Clearline",
            "Explainers",
            "Money",
            "Health",
            "Climate",
            "Tech",
            "Newsletters",
            "Subscribe",
            a["section"],
            "Explainer",
            a["title"],
            a["lede"],
            f"By {a['byline']}",
            f"Published {en_us(a['date'])}",
            f"Updated {en_us(a['updated'])}, 4:{10 + i} p.m. ET",
            "Share this story",
            "Copy link",
        ]
        lines += interleave(a["body"], {a["box_at"]: [
            "Sign up for The Answer, our daily newsletter",
            "One question, answered plainly, every weekday morning.",
            "Enter your email",
            "Sign up",
        ]})
        lines += [
            "Was this explainer helpful?",
            "Yes",
            "No",
            f"{a['byline']} covers {a['beat']} for Clearline.",
            "More from Clearline",
        ] + a["more"] + ["© 2024 Clearline Media. All rights reserved.", "Privacy", "Terms"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 1), crlf=(i == 3)))
    return pages


NEXT = "What happens next?"

CLEARLINE = [
    article(
        "The new water rule, explained: will your bill go up?",
        "A federal limit on two industrial chemicals in tap water takes effect in stages. Here is what it means for households.",
        "Nora Quaid", "2024-04-10", "Climate",
        [
            "Utilities across the country will have to remove two long-lasting industrial chemicals from drinking water under a rule announced this week.",
            "What is changing?",
            "For the first time, the rule sets a legal limit on the two chemicals, which build up in the body and do not break down in the environment.",
            "Water systems have three years to test their supplies and five years to install treatment if they are above the limit.",
            "Will my bill go up?",
            "Probably, but not by much for most people.",
            "Utility groups estimate the cost of new filters at a few dollars a month per household. Small rural systems, which spread the cost over fewer customers, could see larger increases.",
            "Should I buy a filter now?",
            "Some home filters remove the chemicals and some do not. If you want to read more before buying one, look for a certification label that names them.",
            NEXT,
            "Utilities will publish their first test results by 2027. Several industry groups have said they will challenge the rule in court.",
        ],
        slug="water-rule", updated="2024-04-11", box_at=3, beat="the environment",
        more=["Why are egg prices so high?", "Is it safe to swim in the lake this summer?", "What does a heat dome do?"],
    ),
    article(
        "Daylight saving time: why we still change the clocks",
        "Lawmakers keep promising to end the twice-a-year switch. Here is why it has not happened.",
        "Eli Brandt", "2024-03-08", "Health",
        [
            "Clocks in most of the country spring forward one hour early Sunday morning, and once again, many people are asking why.",
            "Why do we change the clocks at all?",
            "The practice spread during the two world wars as a way to save fuel, on the theory that longer evenings meant less need for lighting.",
            "Studies since then have found the energy savings to be small, and in some places nonexistent.",
            "Is the switch bad for your health?",
            "Sleep researchers say the spring change, in particular, is linked to a short rise in heart attacks and car crashes in the days after it.",
            "Why hasn't it been abolished?",
            "Most lawmakers agree the switch should end. They disagree about which time to keep: permanent standard time, which sleep experts prefer, or permanent daylight time, which retailers and golf courses like.",
            "By contrast, a handful of states have simply stopped switching and stay on standard time all year.",
            NEXT,
            "Nothing, for now. The latest bill has not been scheduled for a vote.",
        ],
        slug="daylight-saving", updated="2024-03-09", box_at=5, beat="health and science",
        more=["How much sleep do teenagers really need?", "Why are egg prices so high?", "Do blue-light glasses work?"],
    ),
    article(
        "How the new rules on airline refunds work",
        "Passengers are now owed cash, not vouchers, when a flight is canceled or badly delayed. The fine print matters.",
        "Nora Quaid", "2024-05-02", "Money",
        [
            "Airlines must now give passengers an automatic cash refund when a flight is canceled or significantly delayed and the traveler chooses not to fly.",
            "What counts as a significant delay?",
            "Three hours or more for a domestic flight, and six hours or more for an international one.",
            "Do I have to ask for the refund?",
            "No. The airline has to pay it within seven business days for credit card purchases, without the passenger filing a claim.",
            "What if I accepted a voucher?",
            "If you accept a voucher or a different flight, you give up the refund. Read the offer carefully before you click.",
            "Does this cover checked bags?",
            "Yes. If your bag arrives more than 12 hours late on a domestic flight, you are owed a refund of the bag fee.",
            "One passenger group called the rules \"the biggest change in a generation.\" Airlines say they will raise costs.",
        ],
        slug="airline-refunds", updated="2024-05-03", box_at=4, beat="consumer money",
        more=["Is travel insurance worth it?", "Why are egg prices so high?", "Can my landlord keep my deposit for cleaning?"],
    ),
    article(
        "Why your phone is asking you to share your location, and what to do about it",
        "Apps are required to ask before tracking you. The settings are not always obvious.",
        "Sam Okafor", "2024-07-15", "Tech",
        [
            "If your phone has started asking, again and again, whether an app may use your location, that is the system working as designed.",
            "Why do apps want my location?",
            "Some need it to work at all: a map, a weather app, a ride service. Others use it to show ads or to sell information about where people go.",
            "Is \"only while using the app\" enough?",
            "For most apps, yes. It lets the app see where you are when it is open on your screen, and not otherwise.",
            "Should I share precise location?",
            "Only with apps that need it. Weather apps work almost as well with an approximate location, which is accurate to a few miles.",
            "Copyright notices and privacy policies rarely say which companies receive the data. Consumer groups say that should change.",
            "Will the rules change?",
            "A bill in Congress would require apps to list every company that receives location data. It has not yet had a hearing.",
        ],
        slug="location-sharing", updated="2024-07-16", box_at=6, beat="technology",
        more=["Do you need antivirus software on a phone?", "What is a passkey?", "Why are egg prices so high?"],
    ),
]


LAYOUTS = {
    "lakeshore-tv": (lakeshore, LAKESHORE),
    "elan-sport": (elan, ELAN),
    "curiosa-sante": (curiosa, CURIOSA),
    "newsrelay": (newsrelay, NEWSRELAY),
    "hexagone-info": (hexagone, HEXAGONE),
    "clearline-qa": (clearline, CLEARLINE),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"lakeshore-tv", "curiosa-sante", "clearline-qa"}
