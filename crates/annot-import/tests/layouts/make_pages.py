#!/usr/bin/env python3
"""Writes the layout sample set: invented news pages in the shape a text
scraper saves them (one paragraph a line), twelve kinds of site, each page
with its gold file.

    python3 crates/annot-import/tests/layouts/make_pages.py

Every article, name, place of event, quote and figure is invented for this
project; the sites are fictional. The pages are generated so that the gold
(title, lede, byline, date, section and the body paragraphs, exactly as they
stand in the page after decoding) cannot drift from the page. `tuning/` holds
the layouts the zoner was tuned on, `heldout/`, `heldout2/`, `heldout3/`,
`heldout4/`, `heldout5/`, `heldout6/`, `heldout7/`, `heldout8/`,
`heldout9/` and `heldout10/` (written by `heldout2_pages.py`,
`heldout3_pages.py`, `heldout4_pages.py`, `heldout5_pages.py`,
`heldout6_pages.py`, `heldout7_pages.py`, `heldout8_pages.py`,
`heldout9_pages.py` and `heldout10_pages.py`) were written as held-out
sets; `heldout2/` and `heldout3/` were tuned on in later rounds,
`heldout4/`, `heldout5/`, `heldout6/`, `heldout7/`, `heldout8/`,
`heldout9/` and `heldout10/` never were:
only their overall figures are looked at (the layouts README tells each
round).

A gold file: {"title", "lede" (or null), "byline" (or null), "date"
("YYYY-MM-DD", the first publication), "section" (or null), "body" (the body
paragraphs, in order)}. Pages are written as UTF-8 unless the page asks for
CRLF line ends, a UTF-8 byte order mark or Windows-1252.
"""

import json
import shutil
from pathlib import Path

HERE = Path(__file__).resolve().parent

FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
             "août", "septembre", "octobre", "novembre", "décembre"]
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July",
             "August", "September", "October", "November", "December"]
EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
AP_SHORT = ["Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.",
            "Oct.", "Nov.", "Dec."]


def ymd(iso):
    y, m, d = (int(x) for x in iso.split("-"))
    return y, m, d


def fr_day(d):
    return "1er" if d == 1 else str(d)


def fr_long(iso):
    y, m, d = ymd(iso)
    return f"{fr_day(d)} {FR_MONTHS[m - 1]} {y}"


def en_long(iso):
    y, m, d = ymd(iso)
    return f"{d} {EN_MONTHS[m - 1]} {y}"


def en_us(iso):
    y, m, d = ymd(iso)
    return f"{EN_MONTHS[m - 1]} {d}, {y}"


class Page:
    def __init__(self, name, art, lines, crlf=False, bom=False, cp1252=False):
        self.name, self.art, self.lines = name, art, lines
        self.crlf, self.bom, self.cp1252 = crlf, bom, cp1252


def article(title, lede, byline, date, section, body, **extra):
    a = dict(title=title, lede=lede, byline=byline, date=date, section=section, body=body)
    a.update(extra)
    return a


def dedupe(lines):
    """Drops None lines (a lede that is null)."""
    return [x for x in lines if x is not None]


def interleave(body, inserts):
    """The body paragraphs with furniture lines after the paragraph numbered by each key."""
    out = []
    for i, p in enumerate(body):
        out.append(p)
        out.extend(inserts.get(i, []))
    return out


# --------------------------------------------------------------------------
# Tuning layouts
# --------------------------------------------------------------------------

def quotidien(arts):
    """Le Monde-like: cookie banner, subscriber notice, 'Publié le … à 07h30 -
    Mis à jour le …', 'Lire aussi |' lines and a newsletter box in the body."""
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Le Quotidien du Soir",
            "Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience de notre site. Vous pouvez modifier vos choix à tout moment dans les paramètres.",
            "Accepter et fermer",
            "Continuer sans accepter",
            "S'abonner",
            "Se connecter",
            "International Politique Économie Société Culture Sport Planète",
            a["section"],
            a["title"],
            a["lede"],
            "Article réservé aux abonnés",
            f"Par {a['byline']}",
            f"Publié le {fr_long(a['date'])} à 07h30 - Mis à jour le {fr_long(a['date'])} à 11h{10 + i}",
            "Temps de Lecture 4 min.",
            "Offrir l'article",
            "Lire plus tard",
        ]
        inserts = {
            1: [f"Lire aussi | {a['related'][0]}"],
            2: ["Newsletter", "« La Matinale »", "Chaque matin, retrouvez notre sélection de vingt articles à ne pas manquer", "S'inscrire"],
            3: [f"Lire aussi | {a['related'][1]}"],
        }
        lines += interleave(a["body"], inserts)
        lines += [
            "Le Quotidien du Soir",
            "Contribuer",
            "Réutiliser ce contenu",
            "Lire aussi",
            a["related"][2],
            "Services Le Quotidien du Soir",
            "Boutique · Jeux · Mots croisés · Petites annonces",
            "© Le Quotidien du Soir - Tous droits réservés",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), cp1252=(i == 2)))
    return pages


QUOTIDIEN = [
    article(
        "À Trégastel, la digue neuve ne tient pas ses promesses",
        "Moins de deux ans après son inauguration, l'ouvrage censé protéger le port s'est fissuré lors des grandes marées de février.",
        "Maëlle Corvez", "2024-03-12", "Planète",
        [
            "Les habitants du quai des Goélands l'avaient surnommée « la muraille ». Achevée en mai 2022 pour 14 millions d'euros, la digue de Trégastel devait mettre le port à l'abri des submersions pour un demi-siècle.",
            "Le 11 février, une fissure de près de quarante mètres s'est ouverte à sa base, au moment même où le coefficient de marée atteignait 117. Personne n'a été blessé.",
            "Le bureau d'études mandaté par la commune évoque un défaut de fondation. Son rapport, qu'il faut lire aussi comme un avertissement pour les autres chantiers du littoral, pointe un sol plus meuble que prévu.",
            "Par ailleurs, la préfecture a demandé à l'entreprise de remettre d'ici l'été un plan de consolidation chiffré.",
            "— On nous a vendu un ouvrage éternel, et voilà le résultat, soupire Yann Le Dantec, patron pêcheur depuis trente ans.",
            "La commune a engagé une procédure contre le constructeur.",
        ],
        slug="digue-tregastel",
        related=["Sur le littoral breton, la mer gagne vingt centimètres par décennie",
                 "Submersions : l'État revoit la carte des zones à risque",
                 "Les ports de pêche face à la hausse des eaux"],
    ),
    article(
        "Les bibliothèques de Valmorin ouvriront le dimanche",
        "La municipalité veut étendre les horaires de ses six établissements dès la rentrée, malgré les réserves des syndicats.",
        "Hugo Sarrasin", "2023-08-28", "Société",
        [
            "C'est une promesse de campagne que le maire de Valmorin, Étienne Brosse, entend tenir avant la fin de son mandat : à partir du 1er septembre, les six bibliothèques de la ville ouvriront leurs portes le dimanche après-midi.",
            "La mesure coûtera 380 000 euros par an, essentiellement en heures supplémentaires et en recrutements de vacataires. Elle sera évaluée au bout d'un an.",
            "« Le dimanche, c'est le seul jour où beaucoup de familles peuvent venir ensemble », défend l'adjointe à la culture, Odile Renaud.",
            "Les syndicats du personnel municipal dénoncent un passage en force. Ils réclament que le travail dominical reste fondé sur le volontariat et soit compensé par un jour de repos.",
            "Une première rencontre avec la direction est prévue la semaine prochaine.",
        ],
        slug="bibliotheques-dimanche",
        related=["Lecture publique : les horaires d'ouverture progressent lentement",
                 "À Valmorin, la médiathèque centrale fête ses vingt ans",
                 "Les bibliothécaires face à la hausse de la fréquentation"],
    ),
    article(
        "Le prix du blé chute, les céréaliers de la Beauce inquiets",
        "Les cours ont perdu près d'un quart de leur valeur depuis l'automne, sous l'effet d'une récolte mondiale abondante.",
        "Thibault Lhermitte", "2024-01-09", "Économie",
        [
            "Dans la cour de sa ferme de Saint-Évrard, Jacques Moulinié montre ses silos encore pleins. « Je n'ai vendu que le tiers de ma récolte. À ce prix-là, je perds de l'argent à chaque tonne », explique l'agriculteur.",
            "La tonne de blé tendre s'échangeait lundi à 212 euros sur le marché à terme, contre 279 euros en octobre. En cause, des récoltes record attendues dans l'hémisphère Sud et des stocks élevés en mer Noire.",
            "Par ailleurs, le coût des engrais reste nettement supérieur à son niveau d'avant 2021, ce qui réduit encore les marges des exploitations céréalières.",
            "La chambre d'agriculture demande un report des échéances bancaires pour les exploitations les plus fragiles. Elle estime qu'une sur cinq pourrait connaître des difficultés de trésorerie au printemps.",
            "Le ministère dit suivre la situation « avec attention ».",
        ],
        slug="prix-ble-beauce",
        related=["Les agriculteurs de la Beauce misent sur la diversification",
                 "Engrais : la facture s'allège enfin",
                 "Céréales : les exportations françaises en repli"],
    ),
    article(
        "Un chantier de fouilles révèle une villa romaine sous un parking de Sarlieu",
        "Les archéologues ont mis au jour des mosaïques et un système de chauffage par le sol remarquablement conservés.",
        "Clémence Aubrac", "2024-05-21", "Culture",
        [
            "Ce devait être un simple diagnostic avant la construction d'un parking souterrain. Depuis trois semaines, une équipe de douze archéologues dégage à Sarlieu les vestiges d'une vaste villa du IIe siècle.",
            "Les fouilles ont déjà livré deux pièces pavées de mosaïques géométriques et un hypocauste, le système de chauffage par le sol des demeures romaines aisées.",
            "« C'est l'une des découvertes les plus importantes de la région depuis cinquante ans », estime la responsable du chantier, Ariane Costel.",
            "Le calendrier des travaux du parking est suspendu. La mairie assure qu'une partie des vestiges pourrait être présentée au public une fois le chantier terminé.",
            "Les fouilles doivent durer jusqu'à la fin de l'été.",
        ],
        slug="villa-romaine-sarlieu",
        related=["L'archéologie préventive, une course contre la montre",
                 "Sarlieu : le projet de parking divise le conseil municipal",
                 "Mosaïques antiques : comment les restaurer"],
    ),
]


def figaro(arts):
    """Figaro/Libération-like: byline and date on one line, photo captions with
    agency credits, an author bio after the body."""
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Le Journal de Paris",
            "Menu",
            "Rechercher",
            "Mon compte",
            a["section"],
            a["title"],
            a["lede"],
            f"Par {a['byline']}, le {fr_long(a['date'])} à {8 + i}:4{i}",
            f"Mis à jour le {fr_long(a['date'])} à 1{2 + i}:05",
            "Écouter cet article",
            "00:00/04:12",
            a["caption"],
            "Partager",
        ]
        inserts = {1: [a["caption2"]], 3: ["Publicité"]}
        lines += interleave(a["body"], inserts)
        lines += [
            a["bio"],
            "Sujets",
            a["section"],
            "À lire aussi",
            a["related"],
            "Vous avez aimé cet article ?",
            "Newsletter",
            "Le Journal de Paris - Tous droits réservés",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0)))
    return pages


FIGARO = [
    article(
        "Réforme des retraites : les régimes spéciaux sous pression",
        "Le gouvernement veut accélérer l'extinction de plusieurs régimes, une perspective qui inquiète les syndicats des transports.",
        "Anne-Sophie Guillerm", "2024-02-14", "Politique",
        [
            "Le calendrier se resserre. Selon un document de travail consulté par notre journal, l'exécutif envisage d'avancer de trois ans la fermeture de quatre régimes spéciaux de retraite aux nouveaux embauchés.",
            "La mesure toucherait environ 90 000 agents dans les transports publics et l'énergie. Elle permettrait d'économiser 1,2 milliard d'euros d'ici 2035, selon les projections de Bercy.",
            "« Nous ne laisserons pas passer une réforme faite dans notre dos », a prévenu mardi le secrétaire général d'une fédération de cheminots, qui n'exclut pas un mouvement au printemps.",
            "Au ministère du Travail, on assure que « rien n'est arbitré » et que la concertation reprendra dans les prochaines semaines.",
            "Les régimes concernés comptent aujourd'hui plus de retraités que de cotisants.",
        ],
        slug="regimes-speciaux",
        caption="Des agents de la RATP lors d'une manifestation à Paris, le 7 février. (AFP)",
        caption2="Le ministère du Travail, rue de Grenelle. © Reuters",
        bio="Anne-Sophie Guillerm est journaliste au service Politique. Elle suit les questions sociales et le dialogue avec les syndicats.",
        related="Retraites : ce que prévoit le nouveau calcul des pensions",
    ),
    article(
        "À Lyon, les commerçants de la Croix-Rousse face aux loyers",
        "Plusieurs boutiques historiques du plateau ont fermé en un an, victimes de la hausse des baux commerciaux.",
        "Rémi Vasseur", "2023-11-03", "Économie",
        [
            "La quincaillerie Berthet a baissé son rideau le 30 septembre, après 84 ans d'activité. Son propriétaire réclamait un loyer en hausse de 40 %.",
            "— Je ne pouvais pas suivre, c'est aussi simple que ça, raconte Gilles Berthet, qui a repris le commerce de son père en 1992.",
            "Sur le boulevard, une dizaine de vitrines sont vides. L'association des commerçants recense onze fermetures depuis janvier, pour quatre ouvertures seulement.",
            "La ville dit étudier un droit de préemption sur les fonds de commerce, déjà utilisé dans d'autres quartiers. Une enveloppe de deux millions d'euros pourrait y être consacrée.",
            "Les commerçants, eux, attendent des actes.",
        ],
        slug="croix-rousse-loyers",
        caption="La rue d'Austerlitz, sur le plateau de la Croix-Rousse. (AFP)",
        caption2="La quincaillerie Berthet, fermée depuis le 30 septembre. © Reuters",
        bio="Rémi Vasseur est correspondant à Lyon. Il couvre l'économie régionale depuis 2016.",
        related="Commerce de proximité : les centres-villes reprennent des couleurs",
    ),
    article(
        "Le Tour de France passera par le col de la Sarenne en 2025",
        "Les organisateurs ont dévoilé jeudi un parcours montagneux, avec quatre arrivées au sommet.",
        "Bastien Leclercq", "2024-10-24", "Sport",
        [
            "Il faudra grimper. Le parcours de la prochaine Grande Boucle, présenté jeudi au Palais des congrès, compte quatre arrivées au sommet et un passage inédit par le col de la Sarenne, en Isère.",
            "La course partira de Lille le 5 juillet et s'achèvera à Paris trois semaines plus tard, après 3 380 kilomètres.",
            "« C'est un Tour pour les grimpeurs, mais les rouleurs auront leur mot à dire lors des deux contre-la-montre », a résumé le directeur de l'épreuve.",
            "Les équipes françaises ont salué un tracé exigeant. Plusieurs coureurs ont toutefois regretté l'absence d'étape de pavés.",
            "Le détail des étapes sera publié en décembre.",
        ],
        slug="tour-sarenne",
        caption="Le peloton dans la montée de l'Alpe d'Huez, en juillet dernier. (AFP)",
        caption2="La présentation du parcours au Palais des congrès. © Reuters",
        bio="Bastien Leclercq suit le cyclisme pour le service des Sports depuis 2011.",
        related="Cyclisme : les jeunes grimpeurs français à l'assaut du Tour",
    ),
    article(
        "Le musée des Arts de Nevers rouvre après quatre ans de travaux",
        "Agrandi et entièrement rénové, l'établissement présente désormais sa collection de faïences dans une aile neuve.",
        "Inès Marchal", "2024-06-15", "Culture",
        [
            "Quatre ans de travaux, 23 millions d'euros et une aile entièrement neuve : le musée des Arts de Nevers rouvre ce samedi avec une surface d'exposition doublée.",
            "La collection de faïences, l'une des plus riches de France, occupe désormais trois salles baignées de lumière naturelle.",
            "« Nous avons voulu que le visiteur entre d'abord par les ateliers, pour comprendre comment ces pièces étaient fabriquées », explique la conservatrice, Hélène Thibaud.",
            "L'entrée sera gratuite le premier dimanche de chaque mois. Le musée espère accueillir 60 000 visiteurs la première année.",
            "Une exposition temporaire consacrée aux faïenciers du XVIIIe siècle ouvrira à l'automne.",
        ],
        slug="musee-nevers",
        caption="La nouvelle aile du musée, vue depuis les bords de Loire. (AFP)",
        caption2="Une assiette du XVIIe siècle exposée dans la salle des faïences. © Reuters",
        bio="Inès Marchal est journaliste au service Culture, spécialiste du patrimoine et des musées.",
        related="Patrimoine : les musées de province attirent de nouveaux publics",
    ),
]


def regional(arts):
    """A regional paper: 'De notre correspondant', a short body line that two
    articles share, and a comment thread after the article."""
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        weekday = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][a["weekday"]]
        lines = [
            "L'Écho des Causses",
            "Aveyron Lozère Tarn Cantal",
            "Toute l'actualité",
            "S'abonner 1 € le premier mois",
            a["section"],
            a["title"],
            a["lede"],
            f"De notre correspondant {a['byline']}",
            f"{weekday} {fr_day(d)} {FR_MONTHS[m - 1]} {y}",
            f"{3 + i} commentaires",
        ]
        lines += a["body"]
        lines += [
            "Commentaires",
            f"{3 + i} commentaires",
            "Bernard12",
            "Il était temps que quelqu'un s'occupe de ce dossier, cela fait des années que tout le monde en parle au village.",
            "Répondre",
            "Signaler",
            "MartineR",
            "Je ne suis pas d'accord avec ce qui est dit dans l'article, la commune a fait ce qu'elle pouvait avec les moyens qu'elle avait.",
            "Répondre",
            "Signaler",
            "Voir plus de commentaires",
            "L'Écho des Causses, journal d'information locale",
            "Mentions légales",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines))
    return pages


SHARED = "Contactée, la préfecture n'a pas donné suite à nos sollicitations."

REGIONAL = [
    article(
        "La ligne de bus Millau-Rodez menacée de suppression",
        "La région envisage de remplacer la liaison par un service de transport à la demande.",
        "Pierre Vayssettes", "2024-03-05", "Millau",
        [
            "Chaque matin, une trentaine de passagers montent dans le car de 6 h 45 à Millau. Pour beaucoup, c'est le seul moyen de rejoindre Rodez sans voiture.",
            "La région, qui finance la ligne, juge sa fréquentation trop faible au regard de son coût, estimé à 410 000 euros par an.",
            "« Si le car s'arrête, je devrai arrêter mes études », résume Léa, étudiante en deuxième année de droit.",
            SHARED,
            "Une pétition a déjà recueilli 2 300 signatures.",
        ],
        slug="bus-millau-rodez", weekday=1,
    ),
    article(
        "À Sévérac, la fromagerie coopérative cherche des repreneurs",
        "Faute de successeurs, les quatre associés fondateurs pourraient fermer l'atelier l'an prochain.",
        "Jean-Louis Cabrol", "2024-04-18", "Sévérac",
        [
            "Depuis 1987, la coopérative de Sévérac transforme le lait de dix-neuf exploitations du plateau. Ses fromages de brebis sont vendus jusqu'à Toulouse.",
            "Mais les quatre associés fondateurs ont tous plus de soixante ans, et aucun jeune n'a encore accepté de reprendre l'atelier.",
            "— On a tout essayé, les annonces, les salons, même les réseaux sociaux, énumère Marcel Fabre, l'un des fondateurs.",
            "La communauté de communes propose de racheter les murs pour alléger la reprise. Une réunion publique est prévue le 2 mai à la salle des fêtes.",
            "Les éleveurs, eux, craignent de devoir livrer leur lait à plus de cent kilomètres.",
        ],
        slug="fromagerie-severac", weekday=3,
    ),
    article(
        "Un loup aperçu près de Nant, les éleveurs demandent des tirs",
        "Trois brebis ont été tuées la semaine dernière dans une exploitation du causse du Larzac.",
        "Pierre Vayssettes", "2024-06-11", "Larzac",
        [
            "L'animal a été filmé dans la nuit de jeudi à vendredi par la caméra d'un éleveur de Nant. Les services de l'État ont confirmé qu'il s'agissait bien d'un loup.",
            "Trois brebis ont été retrouvées mortes au petit matin dans un parc situé à moins d'un kilomètre du village.",
            "Les éleveurs réclament des tirs de défense et l'installation rapide de clôtures électrifiées financées par l'État.",
            SHARED,
            "Nul ne sait combien de loups fréquentent aujourd'hui le causse.",
        ],
        slug="loup-nant", weekday=1,
    ),
    article(
        "Le festival de Roquefort fête sa vingtième édition",
        "Concerts, marché de producteurs et visite des caves : le programme a été dévoilé jeudi.",
        "Jean-Louis Cabrol", "2024-07-04", "Saint-Affrique",
        [
            "Pour sa vingtième édition, le festival de Roquefort voit grand. Quinze concerts sont programmés sur trois jours, du 19 au 21 juillet, sur la place du village.",
            "Le marché de producteurs réunira une cinquantaine d'exposants, et les caves ouvriront exceptionnellement leurs galeries en soirée.",
            "Les organisateurs attendent 12 000 visiteurs, un record.",
            "« Il y a vingt ans, nous étions six bénévoles autour d'une table. Aujourd'hui, nous sommes cent vingt », sourit la présidente de l'association, Sylvie Bonnefous.",
            "La billetterie ouvre lundi.",
        ],
        slug="festival-roquefort", weekday=3,
    ),
]


def wire(arts):
    """Reuters-like wire copy: 'PARIS (Reuters) -' dateline, 'Reporting by …;
    Editing by …', 'Our Standards', a relative 'Updated' line."""
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Skip to main content",
            "Exclusive news, data and analytics for financial market professionals",
            "World",
            "Business",
            "Markets",
            "Sustainability",
            "My News",
            "Sign In",
            "Register",
            a["section"],
            a["title"],
            f"By {a['byline']}",
            f"{en_us(a['date'])} {5 + i}:32 PM GMT",
            f"Updated {2 + i} hours ago",
        ]
        body = list(a["body"])
        lines += interleave(body, {1: ["Advertisement · Scroll to continue"]})
        lines += [
            f"Reporting by {a['byline']}; Additional reporting by Tom Reddle; Editing by Alison Crane",
            "Our Standards: The Thomson Reuters Trust Principles.",
            "Acquire Licensing Rights",
            "Read Next",
            a["related"],
            "Site Index",
            "Browse",
            "All quotes delayed a minimum of 15 minutes.",
            "© 2024 Reuters. All rights reserved",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines))
    return pages


WIRE = [
    article(
        "French farmers block roads near Paris over fuel tax plan",
        None, "Claire Mandeville", "2024-03-04", "Europe",
        [
            "PARIS (Reuters) - French farmers blocked several motorways leading into Paris on Monday with tractors and bales of hay, protesting against a planned rise in the tax on farm diesel.",
            "Police said about 600 tractors were involved and traffic was disrupted on three main routes into the capital during the morning rush hour.",
            "\"We are not asking for money, we are asking to be able to work,\" said Jerome Balthazar, a cereal grower from the Marne region.",
            "The agriculture ministry said it was ready to meet union leaders this week. By contrast, the finance ministry said the tax plan would not be withdrawn.",
            "The protest is the largest since January.",
        ],
        slug="farmers-paris", related="EU ministers to discuss farm subsidies",
    ),
    article(
        "Norway's central bank holds rates, signals cut later this year",
        None, "Henrik Dahle", "2024-05-02", "Markets",
        [
            "OSLO (Reuters) - Norway's central bank kept its key interest rate unchanged at 4.5% on Thursday, as expected, and said it would likely start cutting borrowing costs in the autumn.",
            "Inflation has slowed faster than forecast, but a weaker crown could keep prices high for longer, the bank said in a statement.",
            "By contrast, analysts had expected a more cautious message after strong wage data last month.",
            "\"The policy rate will likely be kept at this level for some time ahead,\" Governor Ida Wolden Sande said.",
            "The crown weakened slightly against the euro after the announcement.",
        ],
        slug="norway-rates", related="Sweden's Riksbank cuts rates for first time in eight years",
    ),
    article(
        "Chilean copper output falls for third month as ore grades decline",
        None, "Marta Olivares", "2024-02-29", "Commodities",
        [
            "SANTIAGO (Reuters) - Copper production in Chile, the world's biggest producer, fell 4.1% in January from a year earlier, the national statistics agency said on Thursday, the third monthly decline in a row.",
            "Output totalled 401,000 metric tons, weighed down by lower ore grades at ageing mines and maintenance work at two large operations.",
            "Analysts said the figures pointed to a tighter market later this year. Prices rose 0.8% in London after the data.",
            "Nobody expects a quick rebound.",
        ],
        slug="chile-copper", related="Peru's mining output rises as new mine ramps up",
    ),
    article(
        "Dutch court orders government to review gas field closure plan",
        None, "Pieter Smeets", "2024-04-09", "Europe",
        [
            "AMSTERDAM (Reuters) - A Dutch court on Tuesday ordered the government to review its plan for closing the Groningen gas field, saying residents affected by earthquakes had not been properly consulted.",
            "The ruling does not reverse the closure but gives the ministry six months to publish a new assessment of compensation for damaged homes.",
            "\"This is a victory for the people of Groningen,\" said Anneke Roelofs, a lawyer for the residents.",
            "The economy ministry said it would study the ruling before deciding whether to appeal. By contrast, the energy company that runs the field declined to comment.",
        ],
        slug="groningen-court", related="Germany's gas storage levels remain high after mild winter",
    ),
]


def broadcaster(arts):
    """BBC-like: 'Share' and 'Save', 'Published 4 March 2024' or a relative
    time, a bare name line with its role line, image captions, 'Related Topics'."""
    pages = []
    for i, a in enumerate(arts):
        head = [
            "Skip to content",
            "British Broadcasting Network",
            "Home",
            "News",
            "Sport",
            "Weather",
            "iPlayer",
            "Sounds",
            a["section"],
            a["title"],
        ]
        stamp = [f"Published {en_long(a['date'])}"] if i % 2 == 0 else [f"{3 + i} hours ago", f"Published {en_long(a['date'])}"]
        head += stamp + ["Share", "Save", a["byline"], a["role"], "Image source, Getty Images", f"Image caption, {a['caption']}"]
        lines = head + interleave(a["body"], {2: ["Image source, Reuters", f"Image caption, {a['caption2']}"]})
        lines += [
            "Related Topics",
            a["topics"][0],
            a["topics"][1],
            "More on this story",
            a["related"],
            "Top Stories",
            "Copyright 2024 BBN. The BBN is not responsible for the content of external sites.",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines))
    return pages


BROADCASTER = [
    article(
        "Cargo ship refloated after grounding off Cornish coast",
        None, "Alan Treloar", "2024-03-04", "Cornwall",
        [
            "A cargo ship that ran aground off the Cornish coast on Saturday has been refloated on the high tide, the coastguard has said.",
            "The 90m vessel, carrying timber, got into difficulty near Porthkennack during a storm, and its 11 crew were taken off by helicopter as a precaution.",
            "Salvage teams worked through the night to pump water from a damaged compartment.",
            "\"It was a delicate operation, but the ship is now stable,\" said a spokesperson for the Maritime and Coastguard Agency.",
            "The ship will be towed to Falmouth for inspection.",
        ],
        slug="cargo-refloated", role="Maritime Correspondent",
        caption="The ship ran aground during Saturday's storm",
        caption2="Salvage crews worked through the night",
        topics=["Shipping", "Cornwall"], related="Storm brings 80mph winds to south-west",
    ),
    article(
        "Village shop saved by residents who bought it for £1 each",
        None, "Megan Pryce", "2024-05-17", "Wales",
        [
            "A village shop that was due to close has been saved by more than 400 residents who each bought a £1 share in it.",
            "The shop in Llanfarian had been run by the same family for 46 years, but the owners wanted to retire and no buyer came forward.",
            "Volunteers now work shifts alongside two paid staff. By contrast with the old shop, it also sells produce from local farms.",
            "\"People said it couldn't be done, but here we are,\" said Gwen Morris, who chairs the community group.",
            "Nobody has asked for their pound back.",
        ],
        slug="village-shop", role="BBN Wales",
        caption="Volunteers on the shop's first day under community ownership",
        caption2="The shop had been run by the same family since 1978",
        topics=["Ceredigion", "Rural life"], related="Community pubs: how villages are buying their locals",
    ),
    article(
        "Rare orchid found on motorway verge in Kent",
        None, "Daniel Okafor", "2024-06-21", "Kent",
        [
            "A rare orchid that had not been recorded in Kent for more than 30 years has been found growing on a motorway verge.",
            "The lizard orchid was spotted by a highways worker during routine grass cutting near Maidstone.",
            "Botanists say verges can act as corridors for wildlife, because they are rarely disturbed.",
            "\"It's a reminder that nature turns up in the most unlikely places,\" said the county recorder, Dr Helen Marsh.",
            "Cutting on that stretch has been postponed until the autumn.",
        ],
        slug="orchid-verge", role="Environment reporter",
        caption="The lizard orchid is named for the shape of its petals",
        caption2="The verge near Maidstone where the plant was found",
        topics=["Plants", "Maidstone"], related="Why road verges matter for bees",
    ),
    article(
        "Glasgow subway to run later at weekends from August",
        None, "Fiona Baird", "2024-07-02", "Glasgow & West Scotland",
        [
            "Glasgow's subway will run until midnight on Fridays and Saturdays from August, its operator has announced.",
            "Trains currently stop at 23:30, which passengers and businesses in the city centre have long complained is too early.",
            "The change follows a six-month trial last year, when late services carried an average of 3,400 people a night.",
            "\"Later trains mean people can get home safely after a night out,\" said a spokesperson for the operator.",
            "Sunday hours will not change.",
        ],
        slug="subway-later", role="BBN Scotland transport correspondent",
        caption="The subway's new trains entered service last year",
        caption2="Buchanan Street station on a Saturday night",
        topics=["Glasgow", "Public transport"], related="Subway fares frozen for another year",
    ),
]


def liveblog(arts):
    """A live blog: time stamps per post, 'Key events', 'Advertisement'
    between posts, the publication date at the bottom."""
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][a["weekday"]]
        lines = [
            "The Daily Meridian",
            "News",
            "Opinion",
            "Sport",
            "Culture",
            "Lifestyle",
            a["section"],
            "Live",
            a["title"],
            a["lede"],
            a["byline"],
            "Key events",
            a["key"][0],
            a["key"][1],
            "Show key events only",
        ]
        for k, (stamp, paras) in enumerate(a["posts"]):
            lines.append(stamp)
            lines += paras
            if k == 1:
                lines.append("Advertisement")
        lines += [
            f"First published on {wd} {d} {EN_SHORT[m - 1]} {y} 09.12 GMT",
            "Explore more on these topics",
            a["section"],
            "Reuse this content",
            "Most viewed",
        ]
        body = [p for _, ps in a["posts"] for p in ps]
        a = dict(a, body=body)
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 3)))
    return pages


LIVEBLOG = [
    article(
        "Storm Hester: trains cancelled and thousands without power – live",
        "Gusts of up to 90mph recorded on the coast as forecasters issue amber warnings across the north.",
        "Kate Holm", "2024-03-07", "UK weather", None,
        weekday=3, slug="storm-hester",
        key=["Power cut to 40,000 homes", "Rail services suspended"],
        posts=[
            ("11:42 GMT", ["Network operators say about 40,000 homes are now without power, most of them in rural areas.", "Engineers will not be sent out until the wind drops."]),
            ("10:58 GMT", ["All trains between Carlisle and Glasgow have been cancelled for the rest of the day."]),
            ("10:15 GMT", ["\"Stay at home if you can,\" the police have told drivers, after several lorries were blown over on the A74."]),
            ("09:30 GMT", ["Good morning and welcome to our live coverage of Storm Hester, which arrived overnight."]),
        ],
    ),
    article(
        "Budget 2024: chancellor cuts national insurance – as it happened",
        "Two-point cut to employee contributions announced, with fuel duty frozen for another year.",
        "Richard Ames", "2024-03-06", "Politics", None,
        weekday=2, slug="budget-live",
        key=["National insurance cut by 2p", "Fuel duty frozen"],
        posts=[
            ("14:05 GMT", ["The shadow chancellor says the budget does nothing for public services.", "By contrast, business groups have broadly welcomed the cut."]),
            ("13:20 GMT", ["The chancellor confirms fuel duty will be frozen for another year, costing £3bn."]),
            ("12:48 GMT", ["National insurance for employees will fall by two percentage points from April, the chancellor says."]),
            ("12:30 GMT", ["The chancellor is on his feet in the Commons."]),
        ],
    ),
    article(
        "Champions League final: Porto v Lyon – live",
        "Minute-by-minute report from the final in Vienna.",
        "Sam Whitcombe", "2024-06-01", "Football", None,
        weekday=5, slug="final-live",
        key=["Goal! Porto 1-0 Lyon", "Half-time"],
        posts=[
            ("21:50 BST", ["Full time: Porto 1-0 Lyon. A single goal decides a tight, tense final."]),
            ("21:05 BST", ["Half-time. Lyon have had more of the ball, but Porto look more dangerous on the break."]),
            ("20:31 BST", ["Goal! A low shot from the edge of the box, and the keeper could only watch it go in."]),
            ("20:00 BST", ["Hello and welcome. Will Lyon finally win the trophy that has eluded them for so long?"]),
        ],
    ),
    article(
        "Election night: results as they come in – live",
        "Counting is under way in 120 constituencies after polls closed at 10pm.",
        "Priya Nandakumar", "2024-07-04", "Politics", None,
        weekday=3, slug="election-live",
        key=["First result declared", "Turnout down on last time"],
        posts=[
            ("00:40 BST", ["Turnout appears to be down about four points on the last election, according to early counts."]),
            ("23:58 BST", ["The first result of the night has been declared in Sunderland Central, a hold for the sitting MP."]),
            ("22:30 BST", ["\"It's going to be a long night,\" says one party official at the count in Newcastle."]),
            ("22:01 BST", ["Polls have closed. Welcome to our live coverage of election night."]),
        ],
    ),
]


def localnews(arts):
    """A local US paper: a photo gallery inside the article, 'Read more:' links
    in the body, 'Dec. 1, 2023 at 9:12 a.m.' dates."""
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Cedar Valley Courier",
            "Subscribe for $1",
            "Log in",
            "News",
            "Sports",
            "Obituaries",
            "E-Edition",
            a["section"],
            a["title"],
            a["lede"],
            f"By {a['byline']}",
            f"Published {AP_SHORT[m - 1]} {d}, {y} at 9:12 a.m.",
            f"Updated {AP_SHORT[m - 1]} {d}, {y} at 4:40 p.m.",
            "Gallery: 8 photos",
            "Photo 1 of 8",
            a["caption"],
            "Photo by staff photographer",
        ]
        inserts = {1: [f"Read more: {a['related'][0]}"], 3: [f"Read more: {a['related'][1]}"]}
        lines += interleave(a["body"], inserts)
        lines += [
            f"Contact {a['byline']} at newsroom@cvcourier.example.",
            "Sign up for our daily newsletter",
            "Most Popular",
            a["related"][2],
            "Copyright 2024 Cedar Valley Courier",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1)))
    return pages


LOCALNEWS = [
    article(
        "Cedar Falls library opens new children's wing",
        "The $2.4 million addition doubles the space for story time and adds a makerspace.",
        "Dana Whitfield", "2023-12-01", "Local News",
        [
            "Dozens of families lined up Friday morning as the Cedar Falls Public Library opened its new children's wing, a $2.4 million addition that doubles the space for young readers.",
            "The wing includes a story-time room, a small makerspace with 3D printers and a quiet corner for parents with babies.",
            "Librarian Tess Nakamura said children who read more at home tend to do better at school, and the library wants to be part of that.",
            "\"We ran out of room years ago,\" she said.",
            "The wing is open during regular library hours.",
        ],
        slug="library-wing",
        caption="Children explore the new wing on opening day.",
        related=["Library board approves longer hours", "Parents push for more school librarians", "Downtown parking rates to rise in January"],
    ),
    article(
        "City council approves plan for roundabout at Main and 5th",
        "Construction is expected to start in spring and last four months.",
        "Marcus Bell", "2024-02-13", "Government",
        [
            "The Cedar Falls City Council voted 5-2 on Monday night to replace the traffic lights at Main Street and 5th Street with a roundabout.",
            "City engineers said the intersection had 31 crashes in the last three years, more than any other in the city.",
            "Council member Rita Osei, who voted against the plan, said business owners had not been consulted enough.",
            "\"People will get used to it,\" said Mayor Daniel Hruska. \"They always do.\"",
            "The project will cost $1.1 million.",
        ],
        slug="roundabout",
        caption="Traffic at Main and 5th on Monday afternoon.",
        related=["Five things to know about the roundabout plan", "Road work season: what to expect", "Hy-Vee to open second store on west side"],
    ),
    article(
        "High school robotics team heads to world championship",
        "The six students built their robot in a garage after the school shop flooded.",
        "Dana Whitfield", "2024-04-08", "Education",
        [
            "When a burst pipe flooded their school workshop in January, the Cedar Falls High School robotics team moved into a parent's garage.",
            "Three months later, the team has qualified for the world championship in Houston, one of 12 teams from Iowa.",
            "\"We had to rebuild the whole arm twice,\" said team captain Lily Okonkwo, a junior.",
            "The team is raising money for the trip and has collected about $6,000 so far.",
        ],
        slug="robotics-team",
        caption="Team members test their robot in a garage on Sunday.",
        related=["School board approves workshop repairs", "Students win state science fair", "Spring sports schedule released"],
    ),
    article(
        "Farmers market moves to Saturday mornings",
        "Vendors say the change will bring in more families.",
        "Joel Amundsen", "2024-05-03", "Business",
        [
            "The Cedar Falls farmers market will move from Wednesday evenings to Saturday mornings this season, organizers said Thursday.",
            "About 40 vendors are signed up, selling vegetables, honey, bread and flowers.",
            "Market manager Ellen Voss said a survey found most customers preferred weekends.",
            "\"Read more labels, buy local,\" is this year's slogan, she said, adding that the market accepts food assistance cards.",
            "The first market is May 18.",
        ],
        slug="farmers-market",
        caption="Shoppers at last year's market.",
        related=["Local honey producers face a tough year", "New bakery opens on Main Street", "Council weighs food truck rules"],
    ),
]


def fil(arts):
    """A French news site with a breadcrumb for a section and agency-only
    bylines: 'Accueil > Monde > Europe', 'AFP', 'Publié le lundi 1er avril'."""
    pages = []
    for i, a in enumerate(arts):
        weekday = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][a["weekday"]]
        lines = [
            "Info Continu",
            "Accueil > " + " > ".join(a["crumbs"]),
            a["title"],
            a["lede"],
            a["byline"],
            f"Publié le {weekday} {fr_long(a['date'])} à 07h30",
            f"Mis à jour le {weekday} {fr_long(a['date'])} à 09h12",
            "Partager sur Facebook",
            "Partager sur X",
        ]
        lines += interleave(a["body"], {2: ["Lire aussi", a["related"]]})
        lines += [
            "Sur le même sujet",
            a["related2"],
            "Info Continu, toute l'actualité en temps réel",
            "Plan du site",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1)))
    return pages


FIL = [
    article(
        "Pologne : des milliers d'agriculteurs manifestent à Varsovie",
        "Les manifestants dénoncent les importations de céréales à bas prix.",
        "AFP", "2024-04-01", "Europe",
        [
            "Des milliers d'agriculteurs polonais ont défilé lundi dans le centre de Varsovie pour protester contre les importations de céréales à bas prix et les règles environnementales européennes.",
            "Selon la police, environ 10 000 personnes ont pris part au cortège, qui s'est achevé devant le siège du gouvernement.",
            "« Nous voulons simplement pouvoir vivre de notre travail », a déclaré un manifestant venu de la région de Lublin.",
            "Le gouvernement a promis de présenter de nouvelles mesures de soutien d'ici la fin du mois.",
        ],
        crumbs=["Monde", "Europe"], weekday=0, slug="pologne-agriculteurs",
        related="Les agriculteurs européens mobilisés contre la politique agricole commune",
        related2="Céréales ukrainiennes : Bruxelles prolonge les exemptions",
    ),
    article(
        "Séisme de magnitude 6,1 au large de la Grèce, pas de victime",
        "La secousse a été ressentie jusqu'à Athènes.",
        "AFP", "2024-02-20", "Europe",
        [
            "Un séisme de magnitude 6,1 s'est produit mardi matin en mer Égée, au large de l'île d'Eubée, sans faire de victime, selon l'institut de géodynamique d'Athènes.",
            "La secousse a été ressentie jusqu'à la capitale, où des habitants sont sortis dans les rues.",
            "Quelques dégâts matériels ont été signalés dans des villages proches de la côte.",
            "Par ailleurs, plusieurs répliques de moindre intensité ont été enregistrées dans la matinée.",
        ],
        crumbs=["Monde", "Europe"], weekday=1, slug="seisme-grece",
        related="Pourquoi la Grèce est l'un des pays les plus sismiques d'Europe",
        related2="Turquie : un an après le séisme, la reconstruction piétine",
    ),
    article(
        "La Bourse de Paris termine en hausse, portée par le luxe",
        "Le CAC 40 a gagné 0,9 % à la clôture.",
        "AFP", "2024-03-15", "Marchés",
        [
            "La Bourse de Paris a terminé en hausse de 0,9 % vendredi, portée par les valeurs du luxe après des résultats meilleurs que prévu en Asie.",
            "Le CAC 40 a clôturé à 8 164 points, un niveau proche de son record historique.",
            "— C'est une semaine solide, mais les investisseurs restent prudents avant la réunion de la Banque centrale européenne, a commenté un analyste.",
            "Les valeurs bancaires ont en revanche reculé.",
        ],
        crumbs=["Économie", "Marchés"], weekday=4, slug="bourse-paris",
        related="Le CAC 40 a-t-il encore de la marge ?",
        related2="Luxe : les ventes repartent en Chine",
    ),
    article(
        "Tennis : la Française Léa Morin qualifiée pour les quarts à Madrid",
        "La joueuse de 22 ans a battu la tête de série numéro 4 en trois sets.",
        "AFP", "2024-04-30", "Tennis",
        [
            "La Française Léa Morin s'est qualifiée mardi pour les quarts de finale du tournoi de Madrid en battant la tête de série numéro 4 en trois sets, 4-6, 7-5, 6-3.",
            "C'est la première fois que la joueuse de 22 ans atteint ce stade dans un tournoi de cette catégorie.",
            "« Je n'ai jamais lâché, même quand j'étais menée », a-t-elle confié après le match.",
            "Elle affrontera jeudi la tenante du titre.",
        ],
        crumbs=["Sport", "Tennis"], weekday=1, slug="tennis-madrid",
        related="Tennis : la nouvelle génération française s'affirme",
        related2="Roland-Garros : les invitations dévoilées",
    ),
]


# --------------------------------------------------------------------------
# The first held-out layouts: written once, never looked at page by page
# during the first tuning; tuned on since heldout2 was written.
# --------------------------------------------------------------------------

def apwire(arts):
    """AP-like wire copy: 'WASHINGTON (AP) —', two authors in capitals,
    'Published 10:14 AM EST, March 8, 2024' and 'Updated', a contributor line."""
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Menu",
            "World",
            "U.S.",
            "Politics",
            "Sports",
            "Entertainment",
            "Business",
            "Search Query",
            "Submit Search",
            "Show Search",
            "Donate",
            a["section"],
            a["title"],
            f"By {a['byline']}",
            f"Published {10 + i}:14 AM EST, {EN_MONTHS[m - 1]} {d}, {y}" if i != 2 else f"{y}-{m:02}-{d:02}T15:{10 + i}:00Z",
            f"Updated {4 + i}:01 PM EST, {EN_MONTHS[m - 1]} {d}, {y}" if i != 2 else "Updated 3 hours ago",
            "Share",
            "Copy",
            "Link copied",
            "Email",
            "Facebook",
            "X",
            "Reddit",
            "LinkedIn",
            "Pinterest",
            "Flipboard",
            "Print",
        ]
        lines += interleave(a["body"], {1: ["ADVERTISEMENT"], 3: ["ADVERTISEMENT"]})
        lines += [
            "RELATED COVERAGE",
            a["related"],
            "Copyright 2024 The Associated Press. All Rights Reserved.",
            "About",
            "Contact Us",
            "Terms of Use",
            "Privacy Policy",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 1)))
    return pages


APWIRE = [
    article(
        "Senate passes stopgap bill to avert government shutdown",
        None, "MARY KOWALSKI and DEAN FOSTER", "2024-03-08", "Politics",
        [
            "WASHINGTON (AP) — The Senate passed a stopgap spending bill late Friday, sending it to the president's desk hours before a midnight deadline and averting a partial government shutdown.",
            "The measure, approved 77-13, keeps federal agencies funded for another six weeks while lawmakers negotiate a full-year budget.",
            "\"This is not how we should be governing,\" said one senator who voted for the bill anyway.",
            "By contrast, a small group of senators opposed any extension without deeper spending cuts.",
            "The House approved the bill on Thursday.",
        ],
        slug="stopgap-bill", related="What happens in a government shutdown?",
    ),
    article(
        "Wildfire forces evacuation of mountain town in Colorado",
        None, "JESSE MORALES", "2024-06-14", "U.S. News",
        [
            "EVERGREEN, Colo. (AP) — Hundreds of residents of a mountain town west of Denver were ordered to leave their homes Friday as a fast-moving wildfire spread through dry forest.",
            "The fire had burned about 2,000 acres by the afternoon and was 0% contained, according to the county sheriff's office.",
            "No injuries were reported, but at least a dozen structures were believed to have been destroyed.",
            "\"We grabbed the dog and the photo albums and that was it,\" said resident Carla Jensen.",
            "Shelters have opened at two high schools.",
        ],
        slug="colorado-wildfire", related="Western states brace for early fire season",
    ),
    article(
        "Japan's economy shrinks unexpectedly as consumers cut spending",
        None, "AKIRA TANABE", "2024-02-15", "Business",
        [
            "TOKYO (AP) — Japan's economy contracted for a second straight quarter at the end of last year, as households cut back on spending amid rising prices, government data showed Thursday.",
            "Gross domestic product fell at an annual rate of 0.4% in October-December, confounding economists who had forecast modest growth.",
            "The figures mean Japan has slipped into a technical recession.",
            "Read more carefully, the data also showed business investment falling for a third quarter, a worrying sign for the central bank.",
        ],
        slug="japan-economy", related="Germany overtakes Japan as world's third-largest economy",
    ),
    article(
        "Baltimore bridge salvage crews remove first large section",
        None, "LEA DIXON and THOMAS KRAUSE", "2024-04-04", "U.S. News",
        [
            "BALTIMORE (AP) — Salvage crews on Thursday lifted the first large section of a collapsed bridge out of the water, a step toward reopening one of the busiest ports on the East Coast.",
            "The 200-ton piece of steel was cut free overnight and hoisted onto a barge by a floating crane.",
            "Officials said a temporary channel for smaller vessels could open within days.",
            "\"Every piece we take out gets us closer to normal,\" the governor said at a news conference.",
            "Divers are still searching the wreckage.",
        ],
        slug="bridge-salvage", related="How the port closure is affecting shipping",
    ),
]


def chronicle(arts):
    """Guardian-like: a breadcrumb, 'First published on Thu 7 Mar 2024', a bare
    name line with a role line, 'Share', a comment thread after the article."""
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        wd = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][a["weekday"]]
        lines = [
            "The Evening Chronicle",
            "Support us",
            "Print subscriptions",
            "Sign in",
            "News > " + " > ".join(a["crumbs"]),
            a["title"],
            a["lede"],
            a["byline"],
            a["role"],
            f"{wd} {d} {EN_SHORT[m - 1]} {y} 09.12 GMT",
            f"First published on {wd} {d} {EN_SHORT[m - 1]} {y} 07.00 GMT",
            "Share",
            f"{40 + i}",
        ]
        lines += interleave(a["body"], {1: [a["caption"]]})
        lines += [
            "Explore more on these topics",
            a["crumbs"][-1],
            "Reuse this content",
            f"Comments ({12 + i})",
            "This discussion is now closed for comments but you can still sign in or create your account to join the discussion next time.",
            "View all comments >",
            "GreenValleyReader",
            "Typical, they always promise and then nothing happens for another ten years.",
            "Recommend",
            "Most viewed",
            "© 2024 Evening Chronicle Media Group",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 2)))
    return pages


CHRONICLE = [
    article(
        "Portugal to phase out golden visas for property buyers",
        "Government says scheme has pushed up rents in Lisbon and Porto beyond reach of local people.",
        "Kate Holm", "2024-03-07", "Europe",
        [
            "Portugal is to end a scheme that grants residency to foreigners who buy property worth more than €500,000, the government has announced, after years of complaints that it has driven up housing costs.",
            "Since 2012, the scheme has brought in more than €7bn of investment, most of it in Lisbon and on the Algarve.",
            "Ministers said applications already submitted would still be processed.",
            "\"Housing is a right, not an investment product,\" the housing minister told parliament.",
            "By contrast, estate agents warned that the decision would hit the construction industry.",
        ],
        crumbs=["World", "Europe"], role="Europe correspondent", weekday=3, slug="golden-visas",
        caption="Tourists in Lisbon's Alfama district. Photograph: Mario Cruz/EPA",
    ),
    article(
        "Heatwave pushes Spanish reservoirs to record low",
        "Catalonia declares drought emergency as reservoirs fall below 16% of capacity.",
        "Sofia Llorente", "2024-02-01", "Europe",
        [
            "Catalonia has declared a drought emergency after reservoirs in the region fell to their lowest level since records began, forcing restrictions on water use for six million people.",
            "Farmers will have to cut irrigation by 80%, and industry by a quarter. Swimming pools may not be filled.",
            "The regional government said it was preparing to bring in water by ship if no rain fell by the summer.",
            "One sentence sums it up, officials say: there is no more water to share.",
        ],
        crumbs=["World", "Europe"], role="Madrid correspondent", weekday=3, slug="spain-drought",
        caption="The Sau reservoir, north of Barcelona. Photograph: Lluis Gene/AFP/Getty Images",
    ),
    article(
        "Museum returns bronze heads to Nigeria after 127 years",
        "Twenty-one objects looted in 1897 handed over at ceremony in Benin City.",
        "Joseph Adeyemi", "2024-05-23", "Culture",
        [
            "A museum in Scotland has returned 21 bronze objects to Nigeria, 127 years after they were looted by British soldiers.",
            "The handover took place at a ceremony in Benin City attended by the Oba of Benin and the museum's director.",
            "\"These are not just objects, they are our history,\" said one of the Oba's advisers.",
            "Other museums are expected to follow.",
        ],
        crumbs=["Culture", "Art and design", "Museums"], role="Arts correspondent", weekday=3, slug="bronzes-returned",
        caption="One of the returned heads on display in Benin City. Photograph: Kola Sulaimon/Reuters",
    ),
    article(
        "Dutch cyclists told to slow down on crowded city paths",
        "Amsterdam to lower speed limit for e-bikes on busiest routes.",
        "Pieter Smeets", "2024-08-15", "Europe",
        [
            "Cyclists in Amsterdam will have to slow down on some of the city's busiest paths, under plans to cut accidents involving electric bikes.",
            "The speed limit on twelve routes will fall to 20km/h from next spring, with cameras to enforce it.",
            "— Nobody likes being told to slow down, said one cyclist outside Centraal station, but the paths have become dangerous.",
            "The city council will review the scheme after a year.",
        ],
        crumbs=["World", "Europe", "Netherlands"], role="Netherlands correspondent", weekday=3, slug="amsterdam-cyclists",
        caption="Cyclists on a path in central Amsterdam. Photograph: Koen van Weel/EPA",
    ),
]


def liberation(arts):
    """Libération-like: two authors, 'publié le … à 18h45', 'mis à jour le',
    photo captions credited in brackets, 'Lire aussi' links, an author bio."""
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Libre Soir",
            "Politique",
            "International",
            "Société",
            "Idées",
            "Culture",
            "S'abonner",
            a["section"],
            a["title"],
            a["lede"],
            a["caption"],
            f"par {a['byline']}",
            f"publié le {fr_long(a['date'])} à 18h45",
            f"mis à jour le {fr_long(a['date'])} à 21h03",
        ]
        lines += interleave(a["body"], {1: [f"Lire aussi : {a['related']}"], 2: ["Abonnez-vous pour lire la suite sans limite"]})
        lines += [
            a["bio"],
            "Dans la même rubrique",
            a["related2"],
            "Tous droits réservés Libre Soir",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 3)))
    return pages


LIBERATION = [
    article(
        "À Marseille, les écoles du nord de la ville attendent toujours leurs travaux",
        "Deux ans après le lancement d'un grand plan de rénovation, seuls huit établissements sur quarante ont vu les chantiers commencer.",
        "Sarah Benkiran et Loïc Peyrolles", "2024-01-12", "Société",
        [
            "Dans la cour de l'école élémentaire des Aygalades, une bâche recouvre encore le préau effondré en 2021. « On nous avait dit que ce serait réparé pour la rentrée », soupire une mère d'élève.",
            "Le plan de rénovation des écoles marseillaises, doté d'un milliard d'euros, devait transformer en dix ans près de 200 établissements.",
            "Par ailleurs, la mairie met en avant les délais imposés par les appels d'offres et la pénurie d'entreprises disponibles.",
            "« Nous avons hérité d'une situation catastrophique », justifie l'adjoint chargé des écoles, qui promet une accélération dès le printemps.",
            "Les enseignants, eux, ont cessé de compter les promesses.",
        ],
        slug="ecoles-marseille",
        caption="L'école des Aygalades, dans le 15e arrondissement, le 10 janvier. (Théo Giacometti/Hans Lucas pour Libre Soir)",
        bio="Sarah Benkiran et Loïc Peyrolles sont journalistes au service Société de Libre Soir.",
        related="Écoles de Marseille : le grand plan en cinq chiffres",
        related2="Éducation : les communes face au mur de la rénovation",
    ),
    article(
        "Au Sénégal, l'élection présidentielle finalement fixée au 24 mars",
        "Le Conseil constitutionnel a tranché après des semaines de crise politique.",
        "Mamadou Sarr", "2024-03-07", "International",
        [
            "Le premier tour de l'élection présidentielle sénégalaise se tiendra le 24 mars, a annoncé mercredi soir le Conseil constitutionnel, mettant fin à plusieurs semaines d'incertitude.",
            "Le scrutin, initialement prévu le 25 février, avait été reporté sine die par le chef de l'Etat, provoquant des manifestations dans tout le pays.",
            "— C'est une victoire pour la démocratie, a réagi un candidat de l'opposition devant la presse à Dakar.",
            "Dix-neuf candidats sont en lice.",
        ],
        slug="senegal-election",
        caption="Des partisans de l'opposition à Dakar, le 3 mars. (John Wessels/AFP)",
        bio="Mamadou Sarr est correspondant de Libre Soir en Afrique de l'Ouest.",
        related="Sénégal : comment le report de l'élection a embrasé le pays",
        related2="Afrique de l'Ouest : la démocratie à l'épreuve",
    ),
    article(
        "Le cinéma d'art et d'essai retrouve son public",
        "La fréquentation des salles indépendantes a dépassé son niveau d'avant la pandémie.",
        "Juliette Amsellem", "2024-02-02", "Culture",
        [
            "Les salles indépendantes ont accueilli 24 millions de spectateurs en 2023, un niveau supérieur à celui de 2019, selon les chiffres publiés jeudi par leur association.",
            "Le public jeune, longtemps absent, est revenu en nombre, notamment grâce aux tarifs réduits pour les moins de 26 ans.",
            "« On a vu des lycéens venir voir des films en noir et blanc, ce qui était impensable il y a cinq ans », s'amuse la directrice d'un cinéma de Montreuil.",
            "Reste la question du renouvellement des équipements, souvent vieillissants.",
        ],
        slug="cinema-art-essai",
        caption="Une salle du cinéma Le Méliès, à Montreuil. (Cyril Zannettacci/VU pour Libre Soir)",
        bio="Juliette Amsellem est critique de cinéma à Libre Soir.",
        related="Cinéma : le box-office français en hausse de 20 %",
        related2="Les festivals de cinéma en quête de financements",
    ),
    article(
        "Dans les Vosges, une scierie relancée par ses salariés",
        "Après la faillite du groupe propriétaire, vingt-trois employés ont repris l'entreprise en coopérative.",
        "Étienne Grosjean", "2024-09-19", "Économie",
        [
            "Le bruit des scies a repris lundi à Rambervillers. Trois mois après la liquidation du groupe propriétaire, vingt-trois salariés ont relancé la scierie sous forme de coopérative.",
            "Ils ont apporté chacun 5 000 euros, complétés par un prêt de la région et une banque coopérative.",
            "« Ici, tout le monde connaît le bois, on ne voulait pas voir partir les machines », explique le nouveau directeur, élu par ses collègues.",
            "La coopérative vise l'équilibre dès la deuxième année.",
        ],
        slug="scierie-vosges",
        caption="Les salariés de la scierie, le 16 septembre. (Pascal Bastien/Divergence pour Libre Soir)",
        bio="Étienne Grosjean est correspondant de Libre Soir dans le Grand Est.",
        related="Les Scop, un modèle qui séduit de plus en plus",
        related2="Industrie du bois : la filière vosgienne sous tension",
    ),
]


def tribune(arts):
    """A Swiss-like regional site: numeric dates with dots, a section line
    before the title, a photo gallery, an envoy byline, a comment thread."""
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "La Tribune du Léman",
            "Se connecter",
            "Genève",
            "Vaud",
            "Suisse",
            "Monde",
            "Économie",
            "Sports",
            a["section"],
            a["title"],
            a["lede"],
            a["byline_line"],
            f"Publié: {d:02}.{m:02}.{y}, 17h32",
            f"Mis à jour: {d + 1:02}.{m:02}.{y}, 08h10",
            "1/6",
            a["caption"],
            "Image: Keystone",
        ]
        lines += interleave(a["body"], {2: ["Newsletter", "« Le Matin du Léman » : l'essentiel de l'actualité de votre région, chaque matin", "Autres newsletters"]})
        lines += [
            "Vous avez trouvé une erreur? Merci de nous la signaler.",
            f"{5 + i} commentaires",
            "Claude-Alain V.",
            "Encore une belle promesse, on verra dans dix ans si quelque chose a vraiment changé.",
            "Nadia P.",
            "Merci pour cet article très complet, enfin quelqu'un qui explique les choses clairement.",
            "Afficher plus",
            "© La Tribune du Léman",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines))
    return pages


TRIBUNE = [
    article(
        "Le tram jusqu'à Vernier ne sera pas prêt avant 2029",
        "Le chantier de prolongement a pris deux ans de retard en raison de recours.",
        "Lucie Favre", "2024-03-04", "Genève",
        [
            "Les habitants de Vernier devront patienter. Le prolongement de la ligne de tram, annoncé pour 2027, ne sera pas mis en service avant 2029, a reconnu lundi le Département de la mobilité.",
            "En cause, une série de recours déposés par des riverains contre le tracé retenu dans la traversée du village.",
            "« Nous avons perdu deux ans devant les tribunaux », regrette le conseiller d'État chargé du dossier.",
            "Le coût du projet a été réévalué à 410 millions de francs.",
        ],
        byline_line="De notre journaliste Lucie Favre", slug="tram-vernier",
        caption="Le terminus actuel de la ligne, à Meyrin.",
    ),
    article(
        "À Davos, les hôteliers s'inquiètent d'un hiver sans neige",
        "Les réservations pour février sont en recul de 15 % sur un an.",
        "Marc Schaller", "2024-01-22", "Suisse",
        [
            "À Davos, le ciel est bleu et les pistes vertes. Faute de neige naturelle, seules quatre remontées mécaniques sur quatorze fonctionnent, grâce aux canons à neige.",
            "Les hôteliers constatent un recul de 15 % des réservations pour février, habituellement le mois le plus chargé.",
            "— On s'adapte, on propose de la randonnée et du spa, mais les clients viennent pour skier, résume le directeur d'un établissement.",
            "La station mise désormais sur l'été, avec le vélo de montagne.",
        ],
        byline_line="De notre envoyé spécial à Davos, Marc Schaller", slug="davos-neige",
        caption="La station de Davos, le 20 janvier.",
    ),
    article(
        "Lausanne veut planter 5000 arbres d'ici 2030",
        "La Municipalité présente un plan pour rafraîchir les quartiers les plus exposés à la chaleur.",
        "Anouk Rochat", "2024-05-13", "Vaud",
        [
            "Lausanne veut verdir ses rues. La Municipalité a présenté lundi un plan prévoyant la plantation de 5000 arbres d'ici 2030, en priorité dans les quartiers les plus chauds.",
            "Les relevés de l'été dernier ont montré des écarts de température allant jusqu'à huit degrés entre les parcs et certaines places minérales.",
            "Par ailleurs, la ville entend désimperméabiliser une vingtaine de cours d'école.",
            "Le plan coûtera 32 millions de francs.",
        ],
        byline_line="Anouk Rochat", slug="lausanne-arbres",
        caption="La place de la Riponne, l'un des îlots de chaleur de la ville.",
    ),
    article(
        "Le Léman n'a jamais été aussi chaud en septembre",
        "L'eau a atteint 23 degrés en surface, un record depuis le début des mesures.",
        "Lucie Favre", "2024-09-10", "Environnement",
        [
            "Le Léman a battu un record. La température de l'eau en surface a atteint 23 degrés le 8 septembre à Genève, la valeur la plus élevée jamais mesurée à cette période de l'année.",
            "Les scientifiques redoutent les effets sur les poissons, notamment l'omble chevalier, qui a besoin d'eaux froides pour se reproduire.",
            "« Le lac se réchauffe plus vite que l'air », rappelle une limnologue de l'Université de Genève.",
            "Les pêcheurs professionnels ont déjà constaté une baisse de leurs prises.",
        ],
        byline_line="De notre journaliste Lucie Favre", slug="leman-record",
        caption="La rade de Genève, début septembre.",
    ),
]


LAYOUTS = {
    "tuning": {
        "quotidien": (quotidien, QUOTIDIEN),
        "journal-paris": (figaro, FIGARO),
        "echo-causses": (regional, REGIONAL),
        "wire-reuters": (wire, WIRE),
        "broadcaster": (broadcaster, BROADCASTER),
        "liveblog": (liveblog, LIVEBLOG),
        "local-gallery": (localnews, LOCALNEWS),
        "fil-breadcrumb": (fil, FIL),
        # The first held-out set, moved into tuning once its pages had been
        # looked at.
        "wire-ap": (apwire, APWIRE),
        "chronicle": (chronicle, CHRONICLE),
        "libre-soir": (liberation, LIBERATION),
        "tribune-leman": (tribune, TRIBUNE),
    },
}


def section_of(a):
    crumbs = a.get("crumbs")
    return crumbs[-1] if crumbs else a["section"]


# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"quotidien", "echo-causses", "broadcaster", "local-gallery", "chronicle", "tribune-leman"}


def write(page, folder, spaced):
    text = ("\n\n" if folder.name in spaced else "\n").join(page.lines) + "\n"
    if page.crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode("cp1252") if page.cp1252 else text.encode("utf-8")
    if page.bom:
        data = b"\xef\xbb\xbf" + data
    (folder / f"{page.name}.txt").write_bytes(data)
    a = page.art
    for p in a["body"]:
        assert p in page.lines, p
    gold = {
        "title": a["title"],
        "lede": a["lede"],
        "byline": a["byline"],
        "date": a["date"],
        "section": section_of(a),
        "body": a["body"],
    }
    (folder / f"{page.name}.gold.json").write_text(
        json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )


def main():
    # The second to twelfth held-out sets live in their own files (written
    # before the second round of tuning, after it, before the fourth, after
    # it, after the fifth, at commit 2be418d, at commit c560117, at commit
    # bab7d0c, at commit 9efcb5d, at commit ea3a814 and at commit 3f83c2d); they
    # use the helpers above.
    import importlib

    held_out = [importlib.import_module(f"heldout{n}_pages") for n in range(2, 13)]
    splits = dict(LAYOUTS)
    spaced = set(SPACED)
    for n, module in enumerate(held_out, start=2):
        splits[f"heldout{n}"] = module.LAYOUTS
        spaced |= module.SPACED
    for split, layouts in splits.items():
        root = HERE / split
        if root.exists():
            shutil.rmtree(root)
        for name, (layout, arts) in layouts.items():
            folder = root / name
            folder.mkdir(parents=True)
            for page in layout(arts):
                write(page, folder, spaced)


if __name__ == "__main__":
    main()
