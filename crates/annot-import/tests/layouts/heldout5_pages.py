"""The fifth held-out set of the layout sample: six kinds of site that the
thirty earlier layouts do not have, written before any work on them and
only ever scored as a whole. `make_pages.py` writes them into `heldout5/`
with the rest.

Gold conventions are the earlier sets' (see the README). New here:

- A name with the place it is filed from ("X à Québec", "X, Singapore")
  or a role after it ("X, Deputy Editor", "X, College of Engineering")
  has the name as its byline, as before; "Story by X | Photos by Y",
  "Written by X | Bengaluru" and "X | Edited by Y" have X; a signature
  after the text ("Texte : X – Photos : Y") is the byline X. An agency or
  the site's news service alone ("PTI", "La Presse Canadienne",
  "Sentinel News Service") is the byline as it stands; a municipal page
  without a signature has none (null).
- A dateline opening the first paragraph ("New Delhi, Mar 12 (PTI)",
  "BENGALURU:") is body, as in the earlier wires; "(With inputs from PTI)"
  and a syndication note after the text are not.
- The date is the first publication online, not the issue date of the
  printed weekly ("Paru dans … n° 1843 du 21 mars 2024") nor an update.
- In a university news story the journal reference and the funding
  sentence, written as paragraphs of the text, are body; the media contact
  block is not. A page cut by a paywall has as body the paragraphs shown.
- Key-figure boxes, "Infos pratiques" boxes, market strips, trending
  strips and event promotions are not body.

Every article, name, place of event, quote and figure is invented for this
project; the sites are fictional.
"""

from datetime import date

from heldout3_pages import dmy, next_day
from make_pages import EN_MONTHS, EN_SHORT, Page, article, en_us, fr_long, interleave, ymd


# --------------------------------------------------------------------------
# A Québec regional daily: capital photo credits under the caption, the name
# and the paper on two lines or "X à Québec", "Publié le … à 5 h 00",
# "Mis à jour il y a 2 heures", "Lisez aussi", an infolettre box, a local
# journalism funding note, closed comments.
# --------------------------------------------------------------------------

def phare(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Le Phare de l'Estuaire",
            "S'abonner à l'infolettre",
            "Se connecter",
            "Actualités",
            "Régions",
            "Économie",
            "Opinions",
            "Sports",
            "Arts et spectacles",
            f"Météo : {a['meteo']}",
            a["section"],
            a["title"],
            a["lede"],
            a["caption"],
            a["credit"],
        ]
        lines += a["byline_lines"]
        if i == 0:
            lines.append(f"Publié le {fr_long(a['date'])} à 5 h 00")
            lines.append("Mis à jour il y a 2 heures")
        elif i == 1:
            lines.append(f"Publié le {fr_long(a['date'])} à 16 h 42 Mis à jour le {fr_long(next_day(a['date']))} à 7 h 15")
        elif i == 2:
            lines.append(f"{fr_long(a['date'])} à 19 h 05")
        else:
            lines.append(f"Publié le {fr_long(a['date'])}")
            lines.append("Mis à jour hier à 21 h 30")
        lines += ["Partager", "Facebook", "Courriel", "Copier le lien"]
        inserts = {
            1: ["LISEZ AUSSI", a["related"][0]],
            3: ["Publicité"],
        }
        if a.get("photo2"):
            inserts[2] = [a["photo2"], "PHOTO ARCHIVES LE PHARE"]
        lines += interleave(a["body"], inserts)
        if a.get("ijl"):
            lines.append("Ce texte est publié grâce au soutien financier de l'Initiative de journalisme local, financée par le gouvernement du Canada.")
        lines += [
            "Vous avez une nouvelle à nous communiquer ? Écrivez-nous à nouvelles@lephare.example",
            "L'infolettre du Phare",
            "Recevez chaque matin les nouvelles de l'Estuaire dans votre boîte courriel.",
            "Votre adresse courriel",
            "Je m'abonne",
            "Commentaires",
            "Les commentaires sont fermés pour cet article.",
            "En continu",
            a["related"][1],
            a["related"][2],
            "© Le Phare de l'Estuaire 2024. Tous droits réservés.",
            "Politique de confidentialité",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1)))
    return pages


PHARE_VILLE = "La Ville n'avait pas répondu aux demandes d'entrevue du Phare au moment de publier ces lignes."

PHARE = [
    article(
        "La traverse de Pointe-aux-Hérons suspendue jusqu'en mai",
        "Un bris mécanique sur le seul navire de la liaison prive la Côte-Nord de son lien le plus court vers la rive sud.",
        "Marie-Ève Thibodeau", "2024-03-12", "Actualités régionales",
        [
            "Les usagers de la traverse entre Pointe-aux-Hérons et Baie-des-Loutres devront prendre leur mal en patience. La Société des traversiers de l'Estuaire a annoncé lundi que le NM Saint-Fulgence resterait à quai au moins jusqu'à la mi-mai.",
            "Une pièce de l'arbre d'hélice s'est rompue le 4 mars, lors d'une traversée dans les glaces. Elle doit être fabriquée sur mesure en Norvège.",
            "« On nous parle de huit semaines. Pour une entreprise comme la mienne, c'est une saison complète qui part en fumée », déplore Gilles Côté, qui exploite une poissonnerie à Baie-des-Loutres.",
            "Le détour par la route représente près de 400 kilomètres. La société étudie la location d'un navire de remplacement, sans pouvoir garantir de date.",
            "Par ailleurs, le service de navette aérienne sera bonifié de deux vols par jour à compter de lundi.",
            PHARE_VILLE,
        ],
        slug="traverse-suspendue", meteo="-4 °C, Pointe-aux-Hérons",
        caption="Le NM Saint-Fulgence est amarré au quai de Pointe-aux-Hérons depuis le 4 mars.",
        credit="PHOTO JULIE GAGNON, LE PHARE",
        byline_lines=["Marie-Ève Thibodeau", "Le Phare de l'Estuaire"],
        related=["Traversiers : le rapport qui inquiétait déjà en 2021", "Un nouveau quai pour Baie-des-Loutres d'ici 2026", "Tempête de neige : jusqu'à 30 cm attendus mercredi"],
        ijl=True,
    ),
    article(
        "Le maire de Sainte-Odile-du-Lac ne se représentera pas",
        "Après seize ans à la tête de la municipalité, Réjean Paradis veut « laisser la place à une nouvelle génération ».",
        "François Bélanger", "2024-04-22", "Politique municipale",
        [
            "Réjean Paradis a surpris son conseil, lundi soir, en annonçant qu'il ne briguerait pas un cinquième mandat aux élections de novembre 2025.",
            "— J'ai 71 ans. J'ai encore de l'énergie, mais je veux la donner à mes petits-enfants, a-t-il lancé devant une quarantaine de citoyens.",
            "Sous sa gouverne, la municipalité de 3100 habitants a construit un centre aquatique et rénové son aréna, deux projets qui ont fait grimper la dette à 14 millions de dollars.",
            "Deux conseillers, Nathalie Gosselin et Kevin Ouellet, ont déjà laissé entendre qu'ils pourraient être candidats.",
            "Le maire, qui a publié une lettre ouverte sur la page Facebook de la municipalité, dit vouloir accompagner son successeur pendant la transition.",
            "Il terminera son mandat.",
        ],
        slug="maire-sainte-odile", meteo="6 °C, Sainte-Odile-du-Lac",
        caption="Réjean Paradis a fait son annonce à la fin de la séance du conseil.",
        credit="PHOTO FRANÇOIS BÉLANGER, LE PHARE",
        byline_lines=["François Bélanger à Sainte-Odile-du-Lac"],
        related=["Élections municipales : les femmes toujours minoritaires", "L'aréna rénové ouvre ses portes", "Taxes foncières : hausse de 4,2 % à Pointe-aux-Hérons"],
    ),
    article(
        "Les crabiers lancent la saison avec un prix record",
        "Les transformateurs offriront 7,10 $ la livre au débarquement, du jamais vu dans l'Estuaire.",
        "La Presse Canadienne", "2024-04-02", "Économie",
        [
            "La saison du crabe des neiges s'ouvre sur une note optimiste. Les usines de transformation de la région paieront 7,10 $ la livre aux pêcheurs, soit 1,30 $ de plus que l'an dernier.",
            "Le quota, fixé à 5400 tonnes, est en légère baisse, mais la demande américaine demeure forte.",
            "Les pêcheurs restent prudents. Plusieurs zones pourraient être fermées en cours de saison si des baleines noires sont repérées à proximité.",
            "Par ailleurs, les usines peinent toujours à recruter. L'usine de Baie-des-Loutres compte sur 80 travailleurs étrangers temporaires cette année.",
            "« Le prix est bon, mais il faut que le crabe soit là et que les baleines restent loin », résume le capitaine Mathieu Lévesque.",
        ],
        slug="crabe-prix-record", meteo="2 °C, Baie-des-Loutres",
        caption="Des casiers à crabe empilés sur le quai de Baie-des-Loutres.",
        credit="PHOTO ARCHIVES LE PHARE",
        byline_lines=["La Presse Canadienne"],
        photo2="L'usine de transformation de Baie-des-Loutres, en 2022.",
        related=["Baleines noires : Ottawa revoit les fermetures de zones", "Les pêcheurs de homard inquiets pour les prix", "Le port de Pointe-aux-Hérons sera dragué cet été"],
    ),
    article(
        "Pas de patinoire sur la rivière cet hiver, faute de froid",
        "Pour la deuxième année de suite, le sentier glacé de la rivière aux Castors n'a jamais pu ouvrir.",
        "Sophie Arsenault", "2024-02-26", "Actualités régionales",
        [
            "Les bénévoles du Comité du sentier glacé ont jeté l'éponge. La patinoire de deux kilomètres aménagée chaque hiver sur la rivière aux Castors n'ouvrira pas en 2024.",
            "La glace n'a jamais dépassé douze centimètres d'épaisseur, alors qu'il en faut au moins vingt pour accueillir le public en sécurité.",
            "— On a arrosé, on a attendu, on a arrosé encore. La nature a eu le dernier mot, raconte Denis Pelletier, président du comité.",
            "Le comité envisage de déplacer l'activité sur un anneau réfrigéré, un projet évalué à 600 000 $. Les bénévoles ont publié un appel aux dons en ligne.",
            "Un bilan de la saison sera présenté au conseil municipal le 11 mars.",
            PHARE_VILLE,
        ],
        slug="patinoire-riviere", meteo="3 °C, Pointe-aux-Hérons",
        caption="La rivière aux Castors, à la hauteur du parc des Rapides, le 24 février.",
        credit="PHOTO SOPHIE ARSENAULT, LE PHARE",
        byline_lines=["Sophie Arsenault", "Initiative de journalisme local"],
        related=["Moins de neige, moins de motoneiges : les clubs s'adaptent", "Redoux : le ministère met en garde contre la glace mince", "Carnaval d'hiver : une édition écourtée"],
        ijl=True,
    ),
]


# --------------------------------------------------------------------------
# A French economics weekly: a market strip, "Accueil › Entreprises › X",
# "Article réservé aux abonnés", bylines with a role, numeric dates with an
# update, the printed issue after the text, a key-figures box inside the
# body, one page cut by the paywall, tags and a newsletter box.
# --------------------------------------------------------------------------

def capital(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Capital Hebdo",
            "CAC 40 7 934,12 +0,38 %",
            "Euro/Dollar 1,0912 -0,11 %",
            "Brent 82,40 $ +1,20 %",
            "Le magazine",
            "Newsletters",
            "Mon compte",
            "Économie",
            "Entreprises",
            "Finance",
            "Immobilier",
            "Patrimoine",
            f"Accueil › {a['crumb']} › {a['section']}",
        ]
        if a.get("badge"):
            lines.append(a["badge"])
        lines += [a["title"], a["lede"], "Article réservé aux abonnés", a.get("byline_line", f"Par {a['byline']}")]
        if i % 2 == 0:
            lines.append(f"Publié le {dmy(a['date'])} à 18h00, mis à jour le {dmy(next_day(a['date']))} à 09h12")
        else:
            lines.append(f"Le {fr_long(a['date'])} à 07:30")
        lines += [f"Lecture : {4 + i} min", "Ajouter à mes articles", "Offrir cet article"]
        body = a["body"]
        inserts = {1: ["Les chiffres clés"] + a["figures"], 2: ["À LIRE AUSSI", a["related"][0]]}
        if a.get("cut"):
            lines += interleave(body, {1: ["Les chiffres clés"] + a["figures"]})
            lines += [
                f"Il vous reste {a['cut']} % de l'article à lire.",
                "Abonnez-vous pour 1 € le premier mois",
                "Sans engagement, résiliable à tout moment",
                "Déjà abonné ? Connectez-vous",
            ]
        else:
            lines += interleave(body, inserts)
            if a.get("issue"):
                lines.append(f"Paru dans Capital Hebdo n° {a['issue'][0]} du {fr_long(a['issue'][1])}")
        lines += [
            "Thèmes associés",
        ] + a["tags"] + [
            "Sur le même sujet",
            a["related"][1],
            a["related"][2],
            "La newsletter Capital Matin",
            "Chaque matin à 7 heures, l'essentiel de l'actualité économique.",
            "Je m'inscris",
            "© Capital Hebdo 2024 - Reproduction interdite sans autorisation",
            "Mentions légales · CGV · Gérer mes cookies",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0)))
    return pages


CAPITAL_MARCHE = "Le groupe n'a pas souhaité commenter ces informations."

CAPITAL = [
    article(
        "Verrerie Dumoulin : le plan qui doit sauver 600 emplois",
        "Le fabricant de flacons de parfum prépare une augmentation de capital de 45 millions d'euros avec un fonds régional.",
        "Hélène Carpentier", "2024-03-14", "Industrie",
        [
            "Il y a un an, personne ne donnait cher de la Verrerie Dumoulin. Le fabricant de flacons haut de gamme, installé à Saint-Rémy-sur-Bresle depuis 1887, perdait de l'argent sur chacun de ses deux fours.",
            "Selon les comptes publiés mardi, la perte nette s'est réduite à 3,2 millions d'euros en 2023, contre 11,8 millions un an plus tôt.",
            "Le plan repose sur une augmentation de capital de 45 millions d'euros, souscrite aux deux tiers par le fonds Normandie Croissance. La famille Dumoulin conserverait 38 % du capital.",
            "« Nous avons failli tout perdre à cause du prix du gaz. Le nouveau four électrique change l'équation », explique Bertrand Dumoulin, président du directoire.",
            "Par ailleurs, la direction s'engage à ne procéder à aucun licenciement économique avant 2027.",
            "Les syndicats restent prudents.",
        ],
        crumb="Entreprises", slug="verrerie-dumoulin", badge="Exclusif",
        figures=["600 salariés", "112 millions d'euros de chiffre d'affaires en 2023", "2 fours, dont un électrique en 2025"],
        tags=["Industrie", "Normandie", "Emploi"],
        related=["Le prix du gaz pèse toujours sur l'industrie verrière", "Normandie Croissance lève 200 millions d'euros", "Les flacons de luxe, un marché de niche très convoité"],
        issue=("1843", "2024-03-21"),
    ),
    article(
        "Les loyers commerciaux reculent pour la première fois depuis dix ans",
        "En centre-ville, les bailleurs acceptent des baisses de 5 à 15 % pour garder leurs locataires.",
        "Julien Marchetti", "2024-04-05", "Immobilier",
        [
            "Le mouvement est discret, mais il est général. Dans les centres-villes des métropoles régionales, les loyers des boutiques ont baissé de 4,1 % en moyenne en 2023, selon l'observatoire de la Fédération des gestionnaires de commerces.",
            "C'est la première baisse enregistrée depuis 2013. Elle touche d'abord les emplacements secondaires, loin des rues les plus fréquentées.",
            "— Un local vide coûte plus cher qu'un loyer renégocié, résume un gestionnaire lyonnais.",
            "Les enseignes en profitent pour renégocier leurs baux à l'échéance, souvent avec des franchises de plusieurs mois.",
            CAPITAL_MARCHE,
        ],
        crumb="Patrimoine", slug="loyers-commerciaux", byline_line="Par Julien Marchetti, rédacteur en chef adjoint",
        figures=["-4,1 % sur un an", "11,2 % de vacance commerciale en centre-ville"],
        tags=["Immobilier", "Commerce"],
        related=["Centres-villes : le retour des commerces indépendants", "Bureaux : la vacance atteint un record en Île-de-France", "SCPI : faut-il encore investir ?"],
        cut=62,
    ),
    article(
        "Comment la coopérative Terres d'Aunis a doublé ses exportations",
        "Le groupe agricole charentais vend désormais un tiers de son orge de brasserie en Asie.",
        "Claire Duval et Samir Benali", "2024-05-16", "Agroalimentaire",
        [
            "À Surgères, les silos de Terres d'Aunis ne désemplissent pas. La coopérative, qui réunit 2300 agriculteurs, a exporté l'an dernier 410 000 tonnes de céréales, deux fois plus qu'en 2019.",
            "Son pari : l'orge de brasserie, vendue à des malteurs japonais et vietnamiens qui exigent une traçabilité parcelle par parcelle.",
            "« Les clients asiatiques ne veulent pas seulement un prix, ils veulent savoir d'où vient chaque grain », explique sa directrice générale, Anne-Laure Texier.",
            "Le rapport annuel publié par la coopérative fait état d'un résultat net de 18 millions d'euros.",
            "Par ailleurs, Terres d'Aunis investit 30 millions d'euros dans un terminal au port de La Pallice.",
            "Il doit entrer en service en 2026.",
            CAPITAL_MARCHE,
        ],
        crumb="Entreprises", slug="terres-aunis",
        figures=["2300 adhérents", "410 000 tonnes exportées", "18 millions d'euros de résultat net"],
        tags=["Agriculture", "Export", "Nouvelle-Aquitaine"],
        related=["Orge de brasserie : la France premier exportateur mondial", "Coopératives agricoles : la course à la taille", "Le port de La Pallice mise sur les céréales"],
        issue=("1852", "2024-05-23"),
    ),
    article(
        "Épargne salariale : ce qui change pour les PME en juillet",
        "Le partage de la valeur devient obligatoire dans les entreprises de onze salariés et plus qui sont bénéficiaires trois ans de suite.",
        "Nadia Ferhat", "2024-06-20", "Droit social",
        [
            "À partir du 1er juillet, des milliers de PME devront mettre en place un dispositif de partage de la valeur, même si elles n'y sont pas encore tenues aujourd'hui.",
            "Sont concernées les entreprises de 11 à 49 salariés qui ont réalisé un bénéfice net fiscal au moins égal à 1 % de leur chiffre d'affaires pendant trois exercices consécutifs.",
            "Elles auront le choix entre une prime de partage de la valeur, un accord d'intéressement ou de participation, ou un abondement à un plan d'épargne salariale.",
            "« Beaucoup de dirigeants découvrent l'obligation au dernier moment. Il faut lire aussi les accords de branche, qui peuvent prévoir des règles plus favorables », prévient une avocate en droit social.",
            "Aucune sanction n'est prévue pour l'instant.",
        ],
        crumb="Économie", slug="epargne-salariale",
        figures=["1er juillet 2024", "11 à 49 salariés", "3 exercices bénéficiaires"],
        tags=["Droit social", "PME", "Épargne salariale"],
        related=["Intéressement : le guide pour les petites entreprises", "Prime de partage de la valeur : les montants versés en 2023", "Les PME face à la hausse des salaires"],
        cut=55,
    ),
]


# --------------------------------------------------------------------------
# A French town hall's news pages: skip links, the town's menus, "Vous êtes
# ici : Accueil / Actualités / X", "Publié le 05/04/2024" and a relative
# update, a photo credit, an "Infos pratiques" box and a PDF link inside or
# after the text, a signature after the text on two pages, share and print
# buttons, the town hall's address and opening hours.
# --------------------------------------------------------------------------

def ville(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Aller au contenu",
            "Aller au menu",
            "Ville de Saint-Aubin-les-Vignes",
            "Ma mairie",
            "Démarches en ligne",
            "Vivre à Saint-Aubin",
            "Agenda",
            "Nous contacter",
            "Rechercher",
            f"Vous êtes ici : Accueil / Actualités / {a['section']}",
            a["title"],
        ]
        if i == 0:
            lines += [f"Publié le {dmy(a['date'])}", "Mise à jour : il y a 3 jours"]
        elif i == 1:
            lines += [f"Actualité du {fr_long(a['date'])}"]
        elif i == 2:
            lines += [f"Publié le {fr_long(a['date'])} – Mis à jour le {fr_long(next_day(a['date']))}"]
        else:
            lines += [f"{dmy(a['date'])}", a["section"]]
        if a["lede"]:
            lines.append(a["lede"])
        lines.append(a["credit"])
        box = ["Infos pratiques"] + a["infos"]
        at = a.get("box_at")
        lines += interleave(a["body"], {at: box} if at is not None else {})
        if at is None:
            lines += box
        if a.get("sign"):
            lines.append(a["sign"])
        if a.get("pdf"):
            lines.append(a["pdf"])
        lines += [
            "Partager cette page",
            "Facebook",
            "X",
            "Courriel",
            "Imprimer",
            "Voir aussi",
            a["related"][0],
            a["related"][1],
            "Toutes les actualités",
            "Hôtel de Ville",
            "2 place de la République – 60999 Saint-Aubin-les-Vignes",
            "Tél. 03 44 00 12 34",
            "Ouvert du lundi au vendredi de 8h30 à 12h et de 13h30 à 17h30, le samedi de 9h à 12h",
            "Plan du site",
            "Mentions légales",
            "Accessibilité : partiellement conforme",
            "Gestion des cookies",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), cp1252=(i == 2)))
    return pages


VILLE_INSCRIPTIONS = "Les inscriptions se font en ligne sur le portail famille ou à l'accueil de la mairie."

VILLE = [
    article(
        "Le nouveau terrain synthétique du stade Léo-Lagrange inauguré",
        "Après six mois de travaux, le terrain d'honneur accueille de nouveau les 420 licenciés de l'Union sportive.",
        None, "2024-04-05", "Sport",
        [
            "Samedi 30 mars, le maire, Jean-Pierre Lecomte, et le président de l'Union sportive de Saint-Aubin, Karim Haddad, ont coupé le ruban du nouveau terrain synthétique du stade Léo-Lagrange.",
            "Le chantier, d'un montant de 980 000 euros, a été financé à 40 % par la Région et le Département.",
            "« Nos équipes de jeunes pourront enfin s'entraîner l'hiver sans annuler une séance sur deux », s'est réjoui Karim Haddad.",
            "Le remplissage du terrain est composé de liège et de fibres de coco, sans granulés de caoutchouc.",
            "Par ailleurs, l'éclairage du stade passe aux LED, ce qui devrait diviser par trois sa consommation.",
            "Le terrain est ouvert aux écoles en semaine.",
        ],
        slug="terrain-synthetique", credit="© Ville de Saint-Aubin-les-Vignes / D. Marchal",
        infos=["Stade Léo-Lagrange, rue des Tilleuls", "Réservation des créneaux : service des sports, 03 44 00 12 40"],
        related=["Fête du sport : le programme du 8 juin", "Piscine municipale : horaires des vacances de printemps"],
    ),
    article(
        "Vacances d'été : les inscriptions au centre de loisirs sont ouvertes",
        "Le centre de loisirs des Marronniers accueillera les enfants de 3 à 12 ans du 8 juillet au 30 août.",
        None, "2024-05-13", "Enfance et jeunesse",
        [
            "Le centre de loisirs des Marronniers ouvrira ses portes du lundi 8 juillet au vendredi 30 août, de 7h30 à 18h30.",
            "Au programme cette année : un séjour à la mer pour les 8-12 ans, des ateliers de cuisine et une semaine consacrée aux jeux olympiques.",
            VILLE_INSCRIPTIONS,
            "— Les places pour le séjour à la mer partent très vite, prévient Sandrine Morel, directrice du centre. Il ne faut pas attendre juin.",
            "Les tarifs dépendent du quotient familial, de 4 à 18 euros la journée.",
        ],
        slug="centre-loisirs-ete", credit="© Service communication", box_at=2,
        infos=["Du 8 juillet au 30 août 2024", "Centre des Marronniers, 14 allée des Marronniers", "Clôture des inscriptions : 14 juin"],
        pdf="Télécharger le programme de l'été (PDF - 1,4 Mo)",
        related=["Restauration scolaire : les menus de juin", "Accueil périscolaire : le règlement 2024-2025"],
    ),
    article(
        "Conseil municipal : le budget 2024 adopté",
        "Les taux de la fiscalité locale restent inchangés pour la huitième année consécutive.",
        "Élodie Vasseur", "2024-04-11", "Vie municipale",
        [
            "Réuni le 9 avril, le conseil municipal a adopté le budget primitif 2024 par 25 voix pour et 4 contre.",
            "Il s'élève à 14,6 millions d'euros, dont 3,9 millions consacrés aux investissements, parmi lesquels la rénovation de l'école Jules-Ferry et l'aménagement de la rue du Moulin.",
            "Les taux de la taxe foncière ne changent pas.",
            "« Nous tenons nos engagements sans augmenter les impôts, malgré la hausse des coûts de l'énergie », a déclaré l'adjointe aux finances, Martine Roussel.",
            "L'opposition a regretté l'absence de nouveaux moyens pour la sécurité. Le compte rendu intégral de la séance sera publié sur le site de la ville dans les quinze jours.",
            "Le prochain conseil se réunira le 28 mai.",
        ],
        slug="budget-2024", credit="© Ville de Saint-Aubin-les-Vignes",
        sign="Texte : Élodie Vasseur – Photos : David Marchal",
        infos=["Séances publiques à l'Hôtel de Ville, salle du conseil", "Retransmission en direct sur la chaîne de la ville"],
        related=["Rue du Moulin : les travaux commencent en septembre", "Démocratie participative : votez pour vos projets"],
    ),
    article(
        "Rendez-vous aux jardins : la ville ouvre ses serres",
        None, "Thomas Lefèvre", "2024-05-27", "Environnement",
        [
            "Les serres municipales, où sont produites chaque année 45 000 fleurs pour les massifs de la ville, ouvriront exceptionnellement au public le samedi 1er juin.",
            "Les jardiniers présenteront leurs techniques de culture sans pesticides et distribueront des graines de plantes mellifères.",
            "« Beaucoup d'habitants ne savent même pas que les fleurs des ronds-points poussent à deux rues de chez eux », sourit Thomas Vidal, responsable des espaces verts.",
            "Partagez vos photos de la journée sur les réseaux sociaux de la ville : les plus belles seront publiées dans le magazine municipal.",
            VILLE_INSCRIPTIONS,
        ],
        slug="serres-municipales", credit="© Ville de Saint-Aubin-les-Vignes / T. Lefèvre",
        sign="Texte et photos : Thomas Lefèvre",
        infos=["Samedi 1er juin, de 10h à 17h", "Serres municipales, chemin de la Fontaine", "Visites guidées toutes les heures, sur inscription"],
        related=["Fleurissement : la ville garde ses quatre fleurs", "Jardins partagés : des parcelles disponibles"],
    ),
]


# --------------------------------------------------------------------------
# A university's news office: skip link, the university's menus, a
# newsletter name, "Home / News / X", bylines "By X", "Story by X | Photos
# by Y", "X, College of Y", dates with a weekday or a reading time, photo
# captions credited "(Photo by X/Halvorsen University)", "Related:" inside
# the body, a media contact block, topics, share links, "More stories".
# --------------------------------------------------------------------------

def halvorsen(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        weekday = EN_DAYS[date.fromisoformat(a["date"]).weekday()]
        lines = [
            "Skip to main content",
            "Halvorsen University",
            "Apply",
            "Visit",
            "Give",
            "Academics",
            "Research",
            "Campus Life",
            "Athletics",
            "News",
            "Halvorsen Today",
            f"Home / News / {a['section']}",
            a["title"],
            a["lede"],
            a["byline_line"],
        ]
        if i == 0:
            lines.append(en_us(a["date"]))
        elif i == 1:
            lines.append(f"{weekday}, {en_us(a['date'])}")
        elif i == 2:
            lines.append(f"{en_us(a['date'])} • 5 min read")
        else:
            lines += [f"Published {en_us(a['date'])}", f"Updated {en_us(next_day(a['date']))}"]
        lines.append(a["caption"])
        inserts = {2: [f"Related: {a['related'][0]}"]}
        if a.get("caption2"):
            inserts[4] = [a["caption2"]]
        lines += interleave(a["body"], inserts)
        lines += [
            "Media contact",
            a["contact"][0],
            a["contact"][1],
            a["contact"][2],
            "Topics",
        ] + a["topics"] + [
            "Share this story",
            "Facebook",
            "X",
            "LinkedIn",
            "Email",
            "More stories",
            a["related"][1],
            a["related"][2],
            "Get Halvorsen Today in your inbox",
            "Subscribe",
            "Halvorsen University · 1200 College Avenue · Brandt Falls, MN 55999",
            "© 2024 Halvorsen University",
            "Privacy",
            "Accessibility",
            "Non-discrimination statement",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), crlf=(i == 3)))
    return pages


EN_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

HALV_OPEN = "The findings are preliminary, and the team plans to repeat the measurements over a second winter."

HALVORSEN = [
    article(
        "Frozen lakes hum at a pitch that tracks ice thickness, study finds",
        "A Halvorsen geophysicist found that the sounds of lake ice can tell skaters whether it is safe.",
        "Priya Nandakumar", "2024-03-12", "Science & Technology",
        [
            "Anyone who has walked on a frozen lake knows the eerie sounds it makes: pings, whoops and long descending whistles.",
            "A new study led by Halvorsen University geophysicist Lars Eklund shows that the pitch of those sounds rises and falls with the thickness of the ice, which could one day help anglers and skaters judge whether a lake is safe.",
            "Eklund and his students placed twelve underwater microphones in Lake Tamsin, north of campus, and recorded the ice for 94 days during the winter of 2022-23.",
            "\"We expected noise. We did not expect the ice to be this talkative,\" Eklund said. \"Thicker ice sings lower. It is almost that simple.\"",
            "The team compared the recordings with weekly measurements drilled by hand. The pitch predicted the thickness to within two centimeters on most days.",
            HALV_OPEN,
            "The study, \"Acoustic signatures of lake ice growth,\" was published March 4 in the journal Cold Regions Letters. The work was funded by the Minnesota Freshwater Research Fund.",
        ],
        slug="lake-ice-sounds", byline_line="By Priya Nandakumar",
        caption="Graduate student Mei Robbins lowers a hydrophone through the ice on Lake Tamsin. (Photo by Ben Vogel/Halvorsen University)",
        contact=["Priya Nandakumar", "University Communications", "pnandakumar@halvorsen.example · 555-0173"],
        topics=["Geology", "Climate", "Graduate students"],
        related=["How a drone maps snow depth in the Arrowhead", "Halvorsen students win national hydrology prize", "Five questions for our new dean of science"],
    ),
    article(
        "First-generation students find a home at the new Bridge Center",
        "The center, which opened in January, offers tutoring, a lending library and a place to share a meal.",
        "Jordan Whitfield", "2024-04-02", "Campus Life",
        [
            "On a Tuesday afternoon, every table in the Bridge Center is taken. Some students are studying for a chemistry exam; others are simply eating lunch.",
            "The center opened in January on the ground floor of Odegaard Hall to support the roughly 1,900 Halvorsen undergraduates who are the first in their families to attend college.",
            "\"My parents are proud of me, but they can't tell me what office hours are,\" said sophomore Ana Quiroga, a nursing student from Red Wing. \"Here, somebody can.\"",
            "The center lends textbooks and laptops, runs evening tutoring sessions and keeps a small pantry stocked with food.",
            "Students are encouraged to share what they have learned with the next class. By contrast, similar programs elsewhere rely mostly on paid staff.",
            "Director Keisha Monroe said about 600 students have visited at least once.",
            "She hopes to double that by fall.",
        ],
        slug="bridge-center", byline_line="Story by Jordan Whitfield | Photos by Ben Vogel",
        caption="Students gather in the Bridge Center in Odegaard Hall. (Photo by Ben Vogel/Halvorsen University)",
        caption2="Director Keisha Monroe in the center's lending library. (Photo by Ben Vogel/Halvorsen University)",
        contact=["Jordan Whitfield", "University Communications", "jwhitfield@halvorsen.example · 555-0168"],
        topics=["Students", "Diversity", "Student success"],
        related=["Halvorsen expands emergency grants for students", "Scholarship gift honors a retired bus driver", "Commencement 2024: what to know"],
    ),
    article(
        "Engineers design a cheaper sensor to catch leaks in old water pipes",
        "The device, built from off-the-shelf parts, costs about $40 and listens for the hiss of escaping water.",
        "Tomasz Wieczorek", "2024-05-06", "Engineering",
        [
            "Small towns lose up to a third of their treated water to leaks in pipes laid a century ago. Finding those leaks usually takes expensive equipment and a trained crew.",
            "A team in Halvorsen's College of Engineering has built a sensor that does the job for about $40 in parts.",
            "The sensor clamps onto a hydrant and listens for the hiss of water escaping from a crack. Software then estimates where along the pipe the leak is.",
            "\"Cities have asked us whether we plan to patent it. We would rather publish the design and let anyone build one,\" said assistant professor Renée Castellano, who leads the project.",
            "In a pilot with the city of Brandt Falls, the sensors found 14 leaks in six weeks, including one that had been wasting an estimated 30,000 gallons a day.",
            "Castellano's students have posted the design files online, with a note that copyright in the software belongs to the university but the files may be reused freely.",
            HALV_OPEN,
        ],
        slug="leak-sensor", byline_line="Tomasz Wieczorek, College of Engineering",
        caption="Assistant professor Renée Castellano fits a prototype sensor to a hydrant in Brandt Falls. (Photo by Tomasz Wieczorek)",
        contact=["Tomasz Wieczorek", "College of Engineering", "twieczorek@halvorsen.example · 555-0190"],
        topics=["Engineering", "Water", "Community partnerships"],
        related=["Brandt Falls and Halvorsen sign a research partnership", "Students build a solar kiln for the ceramics studio", "Engineering open house draws 2,000 visitors"],
    ),
    article(
        "Historian recovers the diary of a 19th-century lighthouse keeper",
        "The water-damaged notebook, found in a basement in Duluth, describes 31 years on a Lake Superior island.",
        "Grace Oyelaran and Priya Nandakumar", "2024-06-03", "Arts & Humanities",
        [
            "For more than a century, the diary of Ingrid Solberg sat in a shoebox.",
            "Solberg kept the lighthouse on Granite Island, in Lake Superior, from 1871 to 1902, one of a handful of women to hold such a post. Her diary records storms, shipwrecks and the daily work of trimming wicks and hauling oil.",
            "Halvorsen historian Marit Haugen spent two years restoring the pages with the help of the university library's conservation lab.",
            "\"Read more than a few pages and you stop seeing a keeper and start seeing a person,\" Haugen said. \"She was funny, and she was very tired.\"",
            "The library will put a digital copy online this fall. The original will be displayed in the Haugen Reading Room from September.",
            "Haugen's book on Solberg is due in 2025.",
        ],
        slug="lighthouse-diary", byline_line="By Grace Oyelaran and Priya Nandakumar",
        caption="A page from Ingrid Solberg's diary, dated November 1886. (Photo courtesy of Halvorsen University Libraries)",
        contact=["Grace Oyelaran", "University Libraries", "goyelaran@halvorsen.example · 555-0155"],
        topics=["History", "Libraries", "Great Lakes"],
        related=["Library opens a new conservation lab", "Students transcribe letters from the Iron Range", "Summer reading list from our faculty"],
    ),
]


# --------------------------------------------------------------------------
# A shipping trade-press site: a market-rates strip, a "Premium" badge,
# bylines "X, Deputy Editor" / "X, Singapore" / "By X and Y", "12 Mar 2024
# 10:41 GMT" or "Updated 2 hours ago", two pages cut after two paragraphs
# ("Subscribe to read the full article"), "Read more:" and "Advertisement"
# inside the two whole ones, tags, related content teasers marked
# "Subscribe to read", an event promotion, the publisher's footer.
# --------------------------------------------------------------------------

def bulkline(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Bulkline",
            "Subscribe",
            "Sign in",
            "Dry Bulk",
            "Tankers",
            "Containers",
            "Ports",
            "Regulation",
            "Technology",
            "Events",
            "Capesize avg $18,412/day +3.1%",
            "Panamax avg $14,206/day -0.4%",
            "VLSFO Singapore $618/t +1.2%",
            a["section"],
        ]
        if a.get("cut"):
            lines.append("Premium")
        lines += [a["title"], a["lede"], a["byline_line"]]
        if i == 0:
            lines.append(f"{d} {EN_SHORT[m - 1]} {y} 10:41 GMT")
        elif i == 1:
            lines += [f"{d:02} {EN_MONTHS[m - 1]} {y}", "Updated 2 hours ago"]
        elif i == 2:
            lines.append(f"{EN_SHORT[m - 1]} {d}, {y}")
        else:
            lines += [f"Published {d} {EN_SHORT[m - 1]} {y}", f"Updated {d + 1} {EN_SHORT[m - 1]} {y} 08:05 GMT"]
        lines.append(a["caption"])
        if a.get("cut"):
            lines += a["body"]
            lines += [
                "Subscribe to read the full article",
                "This article is available to Bulkline subscribers. Get unlimited access to news, data and analysis.",
                "Start your free trial",
                "Already a subscriber? Sign in",
                "Corporate access for your team? Talk to us",
            ]
        else:
            lines += interleave(a["body"], {1: [f"Read more: {a['related'][0]}"], 3: ["Advertisement"]})
        lines += ["Tags"] + a["tags"] + [
            "Related content",
            a["related"][1],
            "Subscribe to read",
            a["related"][2],
            "Subscribe to read",
            "Bulkline Dry Bulk Summit 2024 | Singapore | 18-19 September | Register now",
            "Most read",
            a["related"][3],
            "Bulkline is published by Harrow Maritime Media Ltd. Registered in England and Wales, company no. 08123456.",
            "© 2024 Harrow Maritime Media Ltd",
            "Terms and conditions",
            "Cookie settings",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1)))
    return pages


BULK_SOURCE = "Bulkline's rate assessments are based on fixtures reported by brokers and confirmed by both parties."

BULKLINE = [
    article(
        "Capesize rates jump as Brazilian ore exports pick up",
        "Average earnings for the largest bulk carriers rose for a sixth straight session on Tuesday.",
        "Harriet Vance", "2024-03-12", "Dry Bulk",
        [
            "Earnings for capesize bulk carriers climbed to their highest level in seven weeks on Tuesday as iron ore shipments from Brazil recovered from an unusually wet start to the year.",
            "The average of the main capesize routes rose 3.1% to $18,412 a day, according to Bulkline's assessment.",
            "Brokers said charterers had been slow to cover April cargoes and were now competing for a shrinking pool of ships in the South Atlantic.",
            "\"Owners have the upper hand for the first time since November,\" one London broker said.",
            "By contrast, the panamax market slipped, weighed down by weaker grain demand from China.",
            BULK_SOURCE,
        ],
        slug="capesize-rates", byline_line="Harriet Vance, Deputy Editor",
        caption="A capesize bulk carrier loads iron ore at a Brazilian terminal. Photo: Bulkline archive",
        tags=["Capesize", "Iron ore", "Freight rates"],
        related=["Iron ore stockpiles at Chinese ports fall to a 2024 low", "Why panamax owners are betting on the grain season", "Brokers split on capesize outlook for the second quarter", "Suez transits remain a third below last year"],
    ),
    article(
        "Port of Kestrel Bay fines operator over crane collapse",
        "The port authority said safety checks had been skipped in the months before the accident.",
        "Tomás Whelan", "2024-04-09", "Ports",
        [
            "The Port of Kestrel Bay has fined its main container terminal operator 2.4 million dollars over the collapse of a ship-to-shore crane in January that injured two dock workers.",
            "An investigation by the port authority found that inspections of the crane's boom cables had been postponed three times in the six months before the collapse.",
        ],
        slug="crane-collapse", byline_line="Tomás Whelan, Singapore", cut=True,
        caption="The damaged crane at the Kestrel Bay container terminal in January. Photo: Kestrel Bay Port Authority",
        tags=["Ports", "Safety", "Container terminals"],
        related=["Dock unions call for crane inspection register", "Terminal operators face tougher audits", "Kestrel Bay volumes hold up despite crane outage", "How automation is changing quay cranes"],
    ),
    article(
        "Green corridor pilot sees first ammonia-fuelled voyage",
        "The bulk carrier Nordlys Pioneer completed a 1,200-mile trip on a blend of ammonia and diesel.",
        "Anil Raghavan and Petra Lindqvist", "2024-05-21", "Technology",
        [
            "A bulk carrier running partly on ammonia has completed its first commercial voyage, a milestone for a shipping industry under pressure to cut its carbon emissions.",
            "The Nordlys Pioneer sailed 1,200 nautical miles from Haldvik to Rotterdam with 40% of its energy coming from ammonia, its owner, Fjordline Bulk, said on Monday.",
            "Ammonia produces no carbon dioxide when burned, but it is toxic and can release nitrous oxide, a powerful greenhouse gas.",
            "\"Nothing about this voyage was routine, and that is the point,\" said Fjordline's technical director, Sigrid Aune. \"We wanted to learn before the rules force everyone to.\"",
            "The company said it would share data from the voyage with classification societies and the crews of two sister ships now on order.",
            "Engine maker Vestmar said it expected to deliver 20 ammonia-capable engines next year.",
            BULK_SOURCE,
        ],
        slug="ammonia-voyage", byline_line="By Anil Raghavan and Petra Lindqvist",
        caption="The Nordlys Pioneer at Haldvik before its departure. Photo: Fjordline Bulk",
        tags=["Decarbonisation", "Alternative fuels", "Bulk carriers"],
        related=["Ammonia bunkering: who is ready?", "IMO talks on a carbon levy stall again", "Class societies publish ammonia safety rules", "Scrapping slows as owners keep older ships"],
    ),
    article(
        "Charterers sue over copyright in standard tanker contract",
        "A London association says a rival's form copies its clauses word for word.",
        "Petra Lindqvist", "2024-06-17", "Regulation",
        [
            "A dispute over who owns the wording of a standard tanker charter has reached the High Court in London.",
            "The Maritime Charterers' Association alleges that a contract form published last year by a Geneva trading group reproduces 38 of its clauses, and claims copyright in the text.",
        ],
        slug="charter-copyright", byline_line="Petra Lindqvist", cut=True,
        caption="The Rolls Building in London, where the case will be heard. Photo: Bulkline archive",
        tags=["Tankers", "Charter parties", "Law"],
        related=["Why standard forms still rule the tanker market", "Sanctions clauses: what owners need to know", "Arbitration claims rise after Red Sea diversions", "Tanker rates ease as refinery maintenance begins"],
    ),
]


# --------------------------------------------------------------------------
# An Indian English daily: e-paper and trending strips, "Home / Cities / X",
# bylines "PTI", "Written by X | Bengaluru |", "X | Edited by Y", "Sentinel
# News Service", "Updated on: Mar 12, 2024 | 10:32 AM IST" and "Published
# - …" at the foot, "Follow us on Google News", "Also Read |" inside the
# body, "(With inputs from PTI)" and a syndication note after the text,
# comments with a disclaimer.
# --------------------------------------------------------------------------

def sentinel(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "The Deccan Sentinel",
            "e-Paper",
            "Subscribe",
            "Sign In",
            "India",
            "World",
            "Business",
            "Cities",
            "Sports",
            "Entertainment",
            "Trending",
            "Monsoon Tracker",
            "Gold Rate Today",
            "Cricket Live Score",
            f"Home / {a['crumb']} / {a['section']}",
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        lines.append(a["byline_line"])
        if i == 0:
            lines.append(f"Updated on: {EN_SHORT[m - 1]} {d}, {y} | 10:32 AM IST")
        elif i == 1:
            lines.append(f"Published: {EN_MONTHS[m - 1]} {d}, {y} 08:15 IST | Updated: {EN_MONTHS[m - 1]} {d}, {y} 13:40 IST")
        elif i == 2:
            lines += ["Last Updated: 3 hours ago", "2 min read"]
        else:
            lines.append(f"Updated: {d + 1} {EN_SHORT[m - 1]} {y}, 06:20 AM IST")
        lines += ["Follow us on Google News", "Share", "A-", "A+", a["caption"]]
        lines += interleave(a["body"], {1: [f"Also Read | {a['related'][0]}"], 2: ["Advertisement"]})
        lines += a.get("after", [])
        if i in (2, 3):
            lines.append(f"Published - {EN_MONTHS[m - 1]} {d}, {y} 07:05 am IST")
        lines += [
            "Topics",
        ] + a["topics"] + [
            f"Comments ({3 + i * 4})",
            "Disclaimer: Comments reflect users' views, not those of The Deccan Sentinel.",
            "Post a comment",
            "You May Also Like",
            a["related"][1],
            a["related"][2],
            "About Us | Contact Us | Careers | Advertise with Us | Privacy Policy",
            "Copyright © 2024 The Deccan Sentinel. All rights reserved.",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 2)))
    return pages


SYNDICATED = "(This story has not been edited by Deccan Sentinel staff and is auto-generated from a syndicated feed.)"

SENTINEL_HELPLINE = "Citizens can report waterlogging and fallen trees on the corporation's 24-hour helpline, 1533."

SENTINEL = [
    article(
        "Rail ministry approves third line between Hosur and Dharmapuri",
        None, "PTI", "2024-03-12", "India",
        [
            "New Delhi, Mar 12 (PTI) The railway ministry on Tuesday approved the construction of a third line between Hosur and Dharmapuri at a cost of Rs 1,240 crore, officials said.",
            "The 58-km project is expected to ease congestion on one of the busiest freight corridors in the southern network, they said.",
            "\"The section is running at over 140 per cent of its capacity. A third line will allow us to run more passenger trains without delaying goods traffic,\" a senior official said.",
            "Land acquisition for the project is nearly complete, and work is likely to begin by October, the official added.",
            "The line is to be commissioned in three years.",
        ],
        crumb="News", slug="third-rail-line", byline_line="PTI",
        caption="Representative image of a freight train. (File photo)",
        after=["(With inputs from PTI)", SYNDICATED],
        topics=["Indian Railways", "Infrastructure"],
        related=["Vande Bharat sleeper trials to begin next month", "Freight loading rises 6% in February", "Railways to add 300 general coaches this year"],
    ),
    article(
        "Bengaluru: 140 trees fall as pre-monsoon storm lashes city",
        "Several arterial roads were waterlogged for hours; no casualties were reported.",
        "Nikhil Sharath", "2024-05-07", "Bengaluru",
        [
            "BENGALURU: At least 140 trees were uprooted and several arterial roads were waterlogged after a pre-monsoon thunderstorm lashed the city on Monday evening.",
            "The city recorded 68 mm of rain in under two hours, the highest single-day rainfall for May in six years, according to the state's weather monitoring centre.",
            "Traffic on Outer Ring Road crawled for nearly three hours near Marathahalli, where a fallen tree blocked two lanes.",
            "\"I left office at 6.30 and reached home at 10. I had to share an autorickshaw with three strangers,\" said Meghna Rao, a software engineer.",
            "Corporation officials said 22 teams were deployed overnight to clear the debris.",
            SENTINEL_HELPLINE,
        ],
        crumb="Cities", slug="bengaluru-storm", byline_line="Written by Nikhil Sharath | Bengaluru |",
        caption="A fallen tree on a car near Marathahalli on Monday evening. (Express photo)",
        topics=["Bengaluru rains", "Weather"],
        related=["Bengaluru weather: IMD issues yellow alert for two days", "Why Bengaluru floods every May", "Power cuts in several areas after storm"],
    ),
    article(
        "Mysuru startup raises Rs 85 crore to expand electric autorickshaw fleet",
        "The company plans to put 5,000 vehicles on the road across four cities by next year.",
        "Aditi Menon", "2024-06-19", "Companies",
        [
            "Mysuru-based electric mobility startup Chakra Mobility has raised Rs 85 crore in a funding round led by a Singapore-based investment firm.",
            "The company, which rents electric autorickshaws to drivers on a daily basis, will use the money to expand its fleet from 1,200 to 5,000 vehicles.",
            "Drivers pay Rs 320 a day, including charging, and keep the rest of their earnings, co-founder Rahul Gowda said. Read more about the scheme on the company's app, he added, which lists every charging station.",
            "Chakra plans to enter Hubballi, Mangaluru and Belagavi by next year.",
            "By contrast, the company will not sell vehicles to individual buyers.",
        ],
        crumb="Business", slug="electric-autorickshaw", byline_line="Aditi Menon | Edited by Sanjay Pillai",
        caption="Electric autorickshaws at a charging station in Mysuru. (Photo: Special arrangement)",
        topics=["Startups", "Electric vehicles", "Mysuru"],
        related=["EV sales in Karnataka cross one lakh units", "Why autorickshaw drivers are switching to electric", "Battery swapping stations to come up in Mysuru"],
    ),
    article(
        "Civic body begins desilting of 180 km of stormwater drains",
        "The work must be completed before the monsoon sets in, the commissioner has ordered.",
        "Sentinel News Service", "2024-05-23", "Bengaluru",
        [
            "The city corporation on Wednesday began desilting 180 km of major stormwater drains ahead of the southwest monsoon.",
            "Commissioner R. Venkatesh has set a deadline of June 5 for the work, which will cost Rs 34 crore.",
            "Residents' associations in low-lying areas said similar promises had been made last year.",
            "\"Every year they remove the silt and leave it on the road, and the first rain washes it back in,\" said K. Lakshmi, secretary of the Hebbal Lake Residents' Forum.",
            "Officials said the silt would be taken to landfill sites this time.",
            SENTINEL_HELPLINE,
        ],
        crumb="Cities", slug="drain-desilting", byline_line="Sentinel News Service",
        caption="Workers clear silt from a drain in Hebbal on Wednesday. (Photo: Sentinel)",
        topics=["Bengaluru civic issues", "Monsoon"],
        related=["Monsoon likely to reach Kerala by June 1", "Lakes to be fenced to stop encroachment", "Corporation budget: Rs 1,800 crore for roads"],
    ),
]


LAYOUTS = {
    "phare-estuaire": (phare, PHARE),
    "capital-hebdo": (capital, CAPITAL),
    "ville-saint-aubin": (ville, VILLE),
    "halvorsen-today": (halvorsen, HALVORSEN),
    "bulkline": (bulkline, BULKLINE),
    "deccan-sentinel": (sentinel, SENTINEL),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"ville-saint-aubin", "halvorsen-today"}
