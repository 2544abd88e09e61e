"""The tenth held-out set of the layout sample: eight kinds of site that the
sixty-six earlier layouts do not have, written before any work on them and
only ever scored as a whole (written at main's commit 9efcb5d).
`make_pages.py` writes them into `heldout10/` with the rest. Its author read
the opening of the layouts README (the gold conventions and the layout
table), its headings, its sections "The eighth held-out set" and "The ninth
held-out set" (not the figures after them), `make_pages.py` (its docstring,
helpers, its first tuning layout and its `LAYOUTS` end, `write`/`main`), the
docstring and helpers of `heldout9_pages.py` (with its first layout and, by
`tail`, its end) and, to register the split, `tests/layouts.rs` (its doc
comments and constants); not the importer's source, nor the pages or gold
files of any earlier set, nor the README's sections on the rounds of tuning
or scoring.

Gold conventions are the earlier sets' (see the README and
`heldout9_pages.py`): the title is the headline, the lede the standfirst
(null where there is none), the byline the author's name(s) as they stand
without "Par"/"By" and without a role ("X et Y", "X and Y" for two), an
agency alone as it stands, a collective signature as it stands, the date
the first publication (never an update stamp, a relative time, a widget's
date or a date inside the body), the section the category over the
headline or the last crumb of a breadcrumb (never a badge), and the body the
paragraphs of the article exactly as the lines stand. New here:

- A departmental fire-and-rescue service (SDIS): the emergency-numbers
  banner ("Urgence : composez le 18 ou le 112") is furniture; the
  intervention line ("Intervention du 11 mars 2024 à 23h10 · Commune : …")
  is the event, never the date; the "Bilan de l'intervention" box (engins,
  sapeurs-pompiers, victimes, durée) and the "Les bons réflexes" box with
  its "•" lines are not body; a badge ("Feu d'habitation") is not the
  section (the last crumb is); a name with "Officier de communication"
  under it gives the name; a page with no author has a null byline.
- A French Caribbean daily: the weather and swell line and the edition
  switcher are furniture; "Par X, à Basse-Ravine" gives X; the agency alone
  ("ACP") is the byline; the category over the headline is the section; a
  sentence in Creole inside a quote is body.
- A trade union's news posts: a "Communiqué" / "Compte rendu" badge is not
  the section (the last crumb is); the mobilisation box ("Appel à la
  mobilisation", place and hour) and "Télécharger le tract (PDF, …)" are
  not body; "•" lines of demands written in the text are body; a post
  signed after the text "Pour le syndicat Santé-Social, X, secrétaire
  générale" has X as its byline; a collective signature ("Le bureau
  fédéral") is the byline as it stands; "Par X, délégué syndical central"
  gives X; hashtag lines are not body.
- A restaurant-review site: the rating ("★★★★☆", "Note : 16/20"), the
  "Coup de cœur" badge, the visit line ("Visite incognito le 8 mars 2024,
  addition réglée par la rédaction") and the address box ("L'adresse",
  street, telephone, hours, menus and prices) and the "On a aimé / On a
  moins aimé" box are not body, and the visit is never the date; "La
  critique de X" and "Testé par X et Y" give X / "X et Y"; a review signed
  by a name alone after the text has that name as its byline.
- An Irish regional daily: "Today at 11:14" is never the date, "First
  published April 3 2024 10:05 AM" under it is; "Tue 12 Mar 2024 at 06:30"
  and "Sun, 19 May 2024 at 19:40" are the date; "Court Reporter" and
  "Farming Editor" are roles; "Read more" with its link and
  "Advertisement" between paragraphs are not body, "Advertisement for the
  post …" opening a sentence is.
- A space agency's newsroom: the mission-status strip and "Press release
  No. 14/2024" are furniture (the number is never the date); a "Press
  release" / "Feature" / "Mission update" badge is not the section (the
  last crumb is); press releases have no byline (null); the "Mission at a
  glance" box, the replay line, the "About the Aurelian Space Agency"
  paragraph after the text and "Media contacts" are not body; "Posted by X,
  Heliotrope Flight Director" after the text gives X; "Updated 3 hours ago"
  is never the date, "First posted 28 June 2024" is.
- A chess news site: a title before the name ("GM", "IM") is not part of
  the byline ("By GM Daria Voronel" gives "Daria Voronel"); "Interview by
  X" gives X; the game box (players and ratings, event and result, the
  move lines "1. e4 c5 2. Nf3 …", "Replay the game · …") and the standings
  box are not body, while a body sentence opening with a move
  ("23...Rxe3! …") is body; the interview's questions are body;
  "4/18/2024 9:15 PM" is month/day/year.
- A US local housing news site: the mortgage-rate strip ("Rates as of
  3/11/2024") is furniture and never the date; the "Featured listing" box
  and the "Sponsored" cards are not body; "Published 6:00 a.m. CT March
  12, 2024" is the date, "Updated …" never; a bare "5/14/2024" is
  month/day/year; the weekly listings roundup has no byline (null); the
  partnership note after the text is not body.

Every article, name, place of event, quote and figure is invented for this
project; the sites and the places are fictional.
"""

from make_pages import Page, article, dedupe, interleave


# --------------------------------------------------------------------------
# A departmental fire-and-rescue service: emergency numbers, "Accueil >
# Actualités > Interventions" (the last crumb is the section), a badge, the
# intervention line (the event, not the date), a "Bilan de l'intervention"
# box and a "Les bons réflexes" box inside the text.
# --------------------------------------------------------------------------

def sdis(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "SDIS du Haut-Vallon",
            "Service départemental d'incendie et de secours",
            "Urgence : composez le 18 ou le 112 · Personnes sourdes ou malentendantes : 114",
            "Le SDIS  Devenir sapeur-pompier  Prévention  Recrutement  Actualités  Contact",
            "Accueil > " + " > ".join(a["crumbs"]),
            a["badge"],
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        if a.get("event"):
            lines.append(a["event"])
        lines.append(a["caption"])
        inserts = {}
        if a.get("bilan"):
            inserts[1] = ["Bilan de l'intervention"] + a["bilan"]
        inserts[3] = ["Les bons réflexes"] + a["reflexes"]
        lines += interleave(a["body"], inserts)
        lines += a.get("after", [])
        lines += ["Partager : Facebook · X · LinkedIn · Courriel",
                  "Toutes les actualités", a["related"][0], a["related"][1],
                  "SDIS du Haut-Vallon · 4 avenue des Casernes · Cassagne-sur-Vallon",
                  "Mentions légales · Accessibilité : partiellement conforme · Plan du site"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), crlf=(i == 0), bom=(i == 1), cp1252=(i == 2)))
    return pages


SDIS_SHARED = "Le SDIS rappelle que le 18 et le 112 sont gratuits et joignables 24 heures sur 24, depuis un fixe comme depuis un portable."

SDIS = [
    article(
        "Feu d'habitation à Montferrier-le-Haut : une famille relogée",
        "Un incendie parti d'une cheminée a détruit la toiture d'une maison de village dans la nuit de lundi à mardi. Les quatre occupants sont sortis à temps.",
        "Rémi Castagnol", "2024-03-12", None,
        [
            "Il était un peu plus de 23 heures lundi quand le centre de traitement de l'alerte a reçu le premier appel : des flammes sortaient du toit d'une maison de la rue du Four, au cœur de Montferrier-le-Haut.",
            "À l'arrivée des premiers engins, onze minutes plus tard, le feu s'était propagé à l'ensemble de la charpente. Les occupants, un couple et ses deux enfants, avaient déjà quitté les lieux, alertés par leur détecteur de fumée.",
            "Les sapeurs-pompiers des centres de Montferrier, de Cassagne-sur-Vallon et de Saint-Lizier ont établi trois lances pour protéger les maisons mitoyennes, dont l'une partage la même poutre faîtière.",
            "— On a eu de la chance que le vent soit tombé dans la soirée, explique l'adjudant-chef Bruno Calmet, chef de groupe cette nuit-là.",
            "Le feu a été déclaré éteint à 3 h 40. Un sapeur-pompier, légèrement blessé à la main pendant le déblai, a été soigné sur place.",
            "La mairie a relogé la famille dans un gîte communal. Une enquête doit déterminer l'origine exacte du sinistre, probablement un conduit de cheminée mal entretenu.",
            SDIS_SHARED,
        ],
        slug="feu-montferrier", crumbs=["Actualités", "Interventions"], badge="Feu d'habitation",
        byline_lines=["Rémi Castagnol", "Officier de communication"],
        date_lines=["Publié le 12/03/2024 à 07h45"],
        event="Intervention du 11 mars 2024 à 23h10 · Commune : Montferrier-le-Haut",
        caption="Les engins du centre de Cassagne-sur-Vallon rue du Four. © SDIS du Haut-Vallon / Sgt Léa Pujol",
        bilan=["Engins engagés : 9", "Sapeurs-pompiers mobilisés : 31", "Victimes : 1 blessé léger (sapeur-pompier)", "Durée : 4 h 30"],
        reflexes=["• Faites ramoner vos conduits deux fois par an, dont une pendant la saison de chauffe.",
                  "• Installez au moins un détecteur de fumée par étage."],
        related=["Cheminées : la campagne de ramonage commence", "Bilan 2023 : 21 412 interventions"],
    ),
    article(
        "Sapeurs-pompiers volontaires : le SDIS recrute 120 personnes avant l'été",
        "Les centres ruraux manquent de bras en journée. Le service lance une campagne de recrutement dans les 43 communes du département.",
        None, "2024-04-02", None,
        [
            "Le SDIS du Haut-Vallon compte aujourd'hui 1 184 sapeurs-pompiers volontaires, pour 312 professionnels. Il en faudrait au moins 120 de plus pour assurer les départs en journée dans les centres ruraux.",
            "Entre 8 heures et 18 heures, quatre centres sur dix peinent à réunir un équipage complet. Beaucoup de volontaires travaillent loin de leur commune et ne peuvent pas partir sur alerte.",
            "« Nous cherchons des gens qui vivent ou travaillent près d'une caserne, quel que soit leur métier », résume le colonel Hervé Lascombes, directeur départemental.",
            "Les candidats doivent avoir entre 16 et 55 ans et passer une visite médicale d'aptitude. La formation initiale, répartie sur plusieurs week-ends, dure environ trente jours.",
            "Par ailleurs, le service signe des conventions avec les employeurs du département pour que leurs salariés puissent quitter leur poste lors d'une alerte.",
            "Dix-sept entreprises et trois intercommunalités en ont déjà signé une.",
            "Des réunions d'information auront lieu dans chaque centre le samedi 20 avril, de 10 heures à midi.",
        ],
        slug="recrutement-volontaires", crumbs=["Actualités", "Recrutement"], badge="Vie du corps départemental",
        byline_lines=[],
        date_lines=["Mis à jour le 05/04/2024", "Publié le mardi 2 avril 2024"],
        caption="Une manœuvre de la section de jeunes sapeurs-pompiers de Saint-Lizier. © SDIS du Haut-Vallon",
        reflexes=["• Devenir volontaire, c'est s'engager pour cinq ans renouvelables.",
                  "• Les gardes se prennent selon vos disponibilités."],
        related=["Les jeunes sapeurs-pompiers fêtent leurs 30 ans", "Une nouvelle caserne à Saint-Lizier"],
    ),
    article(
        "Orages : 146 interventions en une nuit dans la vallée de l'Ausson",
        None,
        "Claire Moutet et Hugo Besse", "2024-05-01", None,
        [
            "En moins de trois heures, il est tombé 84 millimètres de pluie sur Roquebrune-d'Ausson, soit l'équivalent d'un mois et demi de précipitations.",
            "Le centre de traitement de l'alerte a reçu 612 appels entre 20 heures et 2 heures du matin. Les opérateurs ont dû trier les demandes pour envoyer en priorité les équipes là où des personnes étaient en danger.",
            "Onze habitants d'un lotissement du quartier des Saulées, encerclés par l'eau, ont été évacués en barque par l'équipe de sauvetage aquatique.",
            "« L'eau est montée de quarante centimètres dans le salon en un quart d'heure », raconte l'une d'elles, une retraitée de 78 ans, hébergée depuis chez sa fille.",
            "Aucun blessé n'est à déplorer. Deux routes départementales restent fermées à la circulation.",
            "Les opérations d'épuisement se poursuivront toute la semaine.",
            SDIS_SHARED,
        ],
        slug="orages-ausson", crumbs=["Actualités", "Interventions"], badge="Événement climatique",
        byline_lines=["Par Claire Moutet et Hugo Besse"],
        date_lines=["Il y a 3 jours", "Publié le 1er mai 2024"],
        event="Intervention du 30 avril 2024 à 20h05 · Communes : Roquebrune-d'Ausson, Vernet-la-Rivière",
        caption="Évacuation en barque quartier des Saulées. © SDIS du Haut-Vallon / Cpl Yanis Ferrand",
        bilan=["Interventions : 146", "Sapeurs-pompiers mobilisés : 212", "Personnes mises à l'abri : 11", "Durée : 14 heures"],
        reflexes=["• Ne vous engagez jamais sur une route inondée, à pied comme en voiture.",
                  "• Montez à l'étage et attendez les secours."],
        related=["Inondations : comment se préparer", "Le plan communal de sauvegarde expliqué"],
    ),
    article(
        "Baignade : les conseils des sauveteurs avant l'ouverture des plans d'eau",
        "Les neuf zones de baignade surveillée du département ouvrent le 1er juillet. Le SDIS y affectera 38 sauveteurs.",
        "Nadège Rouvière", "2024-06-18", None,
        [
            "L'an dernier, les sauveteurs du SDIS sont intervenus 74 fois sur les plans d'eau et les rivières du Haut-Vallon. Trois personnes se sont noyées, toutes en dehors des zones surveillées.",
            "Cette année, les postes de secours du lac de la Garenne, de la plage de Vernet et des gorges de l'Ausson ouvriront dès le 1er juillet, de 11 heures à 19 heures.",
            "« La rivière paraît calme, mais les courants y sont traîtres, surtout après un orage », prévient l'adjudant Sylvain Roux, qui encadre les sauveteurs saisonniers.",
            "Les enfants doivent rester sous la surveillance permanente d'un adulte, même dans les petits bassins. 🌊",
            "Par ailleurs, les sauveteurs rappellent qu'il faut entrer dans l'eau progressivement après une exposition au soleil.",
            "Les horaires de chaque poste sont affichés à l'entrée des sites.",
        ],
        slug="baignade-conseils", crumbs=["Actualités", "Prévention"], badge="Saison estivale",
        byline_lines=["Par Nadège Rouvière"],
        date_lines=["2024-06-18T09:30:00+02:00", "Mis à jour il y a 2 h"],
        caption="Le poste de secours du lac de la Garenne. © SDIS du Haut-Vallon",
        reflexes=["• Baignez-vous dans les zones surveillées, aux heures de surveillance.",
                  "• Prévenez un proche avant d'aller nager."],
        related=["Feux de forêt : l'emploi du feu interdit dès le 15 juin", "Les sauveteurs saisonniers en formation"],
    ),
]


# --------------------------------------------------------------------------
# A French Caribbean daily: the edition switcher, a weather and swell line,
# the category over the headline, "Par X" / "Par X, à Y" / the agency alone
# / two authors, "Lire aussi" and "Publicité" inside the body, readers'
# reactions.
# --------------------------------------------------------------------------

def alizes(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Le Courrier des Alizés",
            "Édition : Guadeloupe | Martinique | Guyane",
            "Météo : 29 °C, averses passagères · Houle 1,5 m · Vigilance verte",
            "Actualité  Société  Économie  Sport  Culture  Caraïbe  Avis d'obsèques  S'abonner",
            a["section"],
            a["title"],
            a["lede"],
            a["byline_line"],
        ]
        lines += a["date_lines"]
        lines.append(a["caption"])
        lines += interleave(a["body"], {1: [f"Lire aussi : {a['related']}"], 3: ["Publicité"]})
        lines += [f"Réactions ({len(a['comments'])})", "Connectez-vous pour réagir"]
        for who, what in a["comments"]:
            lines += [who, what]
        lines += ["À la une", a["une"][0], a["une"][1],
                  "Recevez la lettre du matin du Courrier des Alizés",
                  "© Le Courrier des Alizés 2024 · Mentions légales · Nous contacter"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), bom=(i == 0), cp1252=(i == 1), crlf=(i == 2)))
    return pages


ALIZES_SHARED = "Contactée, la préfecture n'avait pas répondu à nos questions mardi soir."

ALIZES = [
    article(
        "Sargasses : l'anse Cocotier fermée pour la troisième fois depuis janvier",
        "Les échouements d'algues brunes se multiplient sur la côte au vent. Les riverains se plaignent d'odeurs et de maux de tête.",
        "Murielle Lancrerot", "2024-03-12", "Société",
        [
            "Depuis samedi, un tapis brun de près d'un mètre d'épaisseur recouvre le sable de l'anse Cocotier, à Saint-Joseph-des-Alizés. La commune a de nouveau interdit l'accès à la plage et au ponton.",
            "C'est le troisième arrêté de fermeture depuis le début de l'année. En 2023, il n'y en avait eu qu'un, en juin.",
            "Les algues, en se décomposant, dégagent de l'hydrogène sulfuré. Les capteurs installés près de l'école du bourg ont relevé lundi des pics à 1,2 ppm, au-dessus du seuil d'alerte.",
            "« Mes enfants toussent la nuit et l'odeur entre partout, même fenêtres fermées », témoigne Ginette Polydor, qui habite à cinquante mètres du rivage.",
            "La communauté d'agglomération promet un ramassage mécanique d'ici jeudi. Deux pelleteuses et une barge sont attendues de la côte sous le vent.",
            ALIZES_SHARED,
            "Les riverains ont prévu de se réunir vendredi soir devant la mairie. 🌴",
        ],
        slug="sargasses-anse-cocotier", byline_line="Par Murielle Lancrerot",
        date_lines=["Mardi 12 mars 2024 à 06h00", "Mis à jour le 12/03/2024 à 10h40"],
        caption="L'anse Cocotier samedi matin. (Photo : Murielle Lancrerot / CDA)",
        related="Sargasses : un nouveau barrage flottant testé au Robert-des-Cayes",
        comments=[("Tiboug972", "Chaque année la même chose et toujours pas de solution."),
                  ("Marie-Claude L.", "Courage aux riverains, c'est invivable.")],
        une=["Canne à sucre : la récolte s'annonce meilleure que prévu", "Billets d'avion : les prix s'envolent pour l'été"],
    ),
    article(
        "Canne à sucre : à Basse-Ravine, une récolte meilleure que prévu",
        "Après deux années de sécheresse, les planteurs espèrent dépasser les 80 tonnes à l'hectare. La distillerie du Morne-Caïman tourne à plein.",
        "Jean-Marc Éloidin", "2024-04-02", "Économie",
        [
            "Dans les champs qui dominent Basse-Ravine, les coupeurs ont commencé la récolte à la mi-février, trois semaines plus tôt que l'an dernier.",
            "Les pluies régulières de l'hivernage ont permis aux cannes d'atteindre une hauteur rarement vue depuis 2019. Le taux de sucre, mesuré à la balance de la distillerie, reste toutefois légèrement en dessous de la moyenne.",
            "« On a retrouvé le sourire, mais on ne fait pas de folies : les engrais ont doublé en trois ans », tempère Roland Sainte-Rose, qui exploite douze hectares avec son fils.",
            "À la distillerie du Morne-Caïman, la colonne tourne jour et nuit depuis le 4 mars. Son directeur prévoit de produire 1,4 million de litres de rhum agricole cette saison.",
            "Par ailleurs, la coopérative des planteurs réclame une revalorisation du prix de la tonne, fixé à 74 euros depuis 2022.",
            "— Sans ça, les jeunes ne reprendront pas les terres, prévient son président, Alain Bellerose.",
            "La récolte doit se terminer fin juin.",
        ],
        slug="canne-basse-ravine", byline_line="Par Jean-Marc Éloidin, à Basse-Ravine",
        date_lines=["Publié le 02/04/2024 à 17h05"],
        caption="Un coupeur dans une parcelle de Basse-Ravine. (Photo : Jean-Marc Éloidin / CDA)",
        related="Rhum agricole : les ventes à l'export en hausse de 6 %",
        comments=[("Planteur du Nord", "Le prix de la tonne, c'est ça le vrai sujet."),
                  ("Jocelyne", "Bravo aux coupeurs, un métier si dur.")],
        une=["Sargasses : l'anse Cocotier de nouveau fermée", "Tour des yoles : Saint-Joseph s'impose"],
    ),
    article(
        "Billets d'avion : les prix vers Paris en hausse de 18 % pour l'été",
        "Les compagnies invoquent le coût du carburant et la forte demande. Les associations de consommateurs demandent une aide à la continuité territoriale renforcée.",
        "ACP", "2024-05-14", "Actualité",
        [
            "Un aller-retour en classe économique entre Pointe-Caraïbe et Paris coûte en moyenne 1 124 euros pour un départ en juillet, contre 952 euros l'an dernier à la même période.",
            "Les trois compagnies qui desservent la ligne expliquent cette hausse par le prix du kérosène et par des avions remplis à plus de 90 % dès la fin avril.",
            "« Pour une famille de quatre personnes, le voyage représente désormais deux mois de salaire », dénonce l'Union des consommateurs des Antilles dans un communiqué.",
            "Le dispositif d'aide à la continuité territoriale, plafonné à 420 euros par billet sous conditions de ressources, n'a pas été revalorisé depuis 2021.",
            ALIZES_SHARED,
            "Un collectif d'usagers appelle à un rassemblement samedi devant l'aéroport.",
        ],
        slug="billets-avion-ete", byline_line="ACP",
        date_lines=["Il y a 5 heures", "Le 14 mai 2024 à 11:20"],
        caption="Le hall des départs de l'aéroport de Pointe-Caraïbe. (Photo : archives CDA)",
        related="Continuité territoriale : ce qui change au 1er juin",
        comments=[("Dom", "On est une île, l'avion ce n'est pas un luxe."),
                  ("Lucette B.", "Réservez tôt, c'est la seule solution.")],
        une=["Canne à sucre : la récolte s'annonce meilleure que prévu", "Tour des yoles : Saint-Joseph s'impose"],
    ),
    article(
        "Tour des yoles : l'équipage de Saint-Joseph remporte l'étape reine",
        "Sous un vent de 25 nœuds, la yole bleue et or a devancé le tenant du titre de près de quatre minutes entre la pointe Gros-Galet et le Robert-des-Cayes.",
        "Stéphanie Marie-Sainte et Didier Aurélien", "2024-07-01", "Sport",
        [
            "Il a fallu attendre la dernière bouée pour que l'équipage de Saint-Joseph-des-Alizés prenne définitivement la tête, au terme d'un bord de près de sept milles.",
            "Les quatorze équipiers, menés par le patron Fred Bellay, ont choisi de longer la côte pour profiter des rafales, quand leurs adversaires restaient au large.",
            "« Nou té ni an sèl lidé : rivé avan yo », a lancé Fred Bellay à l'arrivée, encore trempé. « Nous n'avions qu'une idée : arriver avant eux. »",
            "Sur le quai du Robert-des-Cayes, plusieurs milliers de spectateurs avaient pris place dès le matin, malgré une averse vers midi.",
            "Au classement général, Saint-Joseph revient à 2 min 11 s du leader à deux étapes de l'arrivée. ⛵",
            "La prochaine étape partira mercredi à 9 heures.",
        ],
        slug="tour-des-yoles", byline_line="Par Stéphanie Marie-Sainte et Didier Aurélien",
        date_lines=["Publié le lundi 1er juillet 2024 à 19h30"],
        caption="La yole de Saint-Joseph passe la dernière bouée. (Photo : Didier Aurélien / CDA)",
        related="Tour des yoles : le programme des étapes",
        comments=[("Yoleur du Sud", "Quelle course ! Bravo Fred et ses gars."),
                  ("Ti Jo", "Le Robert avait de l'ambiance.")],
        une=["Billets d'avion : les prix s'envolent pour l'été", "Sargasses : un barrage flottant testé"],
    ),
]


# --------------------------------------------------------------------------
# A trade union's news posts: "Adhérer" in the menu, "Accueil > Actualités
# > Santé" (the last crumb is the section), a "Communiqué" / "Compte rendu"
# badge, a mobilisation box and a leaflet download inside the text,
# signatures after the text, hashtags.
# --------------------------------------------------------------------------

def union(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Union syndicale Convergence",
            "Adhérer  Nos publications  Nos syndicats  Espace militant  Contact",
            "Accueil > " + " > ".join(a["crumbs"]),
            a["badge"],
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        inserts = {a["box_at"]: ["Appel à la mobilisation"] + a["box"] + ["Télécharger le tract (PDF, 312 Ko)"]}
        lines += interleave(a["body"], inserts)
        lines += a.get("signature", [])
        lines += [a["hashtags"], "Partager : Facebook · X · Mastodon · Courriel",
                  "Sur le même thème", a["related"][0], a["related"][1],
                  "Union syndicale Convergence · 18 rue des Tanneurs · Valmorin",
                  "Nous rejoindre : adhérez en ligne en cinq minutes",
                  "Mentions légales · Données personnelles"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), cp1252=(i == 0), crlf=(i == 1), bom=(i == 3)))
    return pages


UNION_SHARED = "Nous ne laisserons pas dégrader nos conditions de travail sans réagir."

UNION = [
    article(
        "Hôpital de Valmorin : grève reconductible aux urgences à partir du 21 mars",
        "Les personnels dénoncent la fermeture de onze lits de médecine et des plannings modifiés au dernier moment.",
        "Martine Dorval", "2024-03-14", None,
        [
            "Depuis janvier, les agents des urgences du centre hospitalier de Valmorin ont vu leurs plannings modifiés en moyenne six fois par mois, souvent moins de 48 heures à l'avance.",
            "Dans le même temps, la direction a fermé onze lits de médecine polyvalente, faute d'infirmières pour les faire tourner. Les patients attendent désormais sur des brancards, parfois plus de vingt heures.",
            "Réunis en assemblée générale le 12 mars, les personnels ont voté à 87 % une grève reconductible à compter du jeudi 21 mars. Nos revendications sont simples :",
            "• la réouverture des onze lits fermés ;",
            "• le recrutement de huit infirmières et de quatre aides-soignantes ;",
            "• le respect d'un délai de prévenance de sept jours pour tout changement de planning.",
            "Les soins urgents seront bien sûr assurés pendant toute la durée du mouvement.",
            UNION_SHARED,
        ],
        slug="greve-urgences-valmorin", crumbs=["Actualités", "Santé"], badge="Communiqué",
        byline_lines=[],
        date_lines=["Publié le 14/03/2024"],
        box_at=6, box=["Jeudi 21 mars · 10 h 30 · devant l'entrée principale de l'hôpital"],
        signature=["Pour le syndicat Santé-Social, Martine Dorval, secrétaire générale"],
        hashtags="#Hôpital #Urgences #Grève21Mars",
        related=["EHPAD : les salaires toujours en retard sur l'inflation", "Infirmières : la pétition dépasse 4 000 signatures"],
    ),
    article(
        "Négociations annuelles chez Fontelec : compte rendu de la troisième réunion",
        "La direction propose 2,1 % d'augmentation générale. Nous en demandons 4,5 %, et une prime de partage de la valeur pour tous.",
        "Karim Haddouche", "2024-04-09", None,
        [
            "La troisième réunion des négociations annuelles obligatoires s'est tenue mardi au siège de Fontelec, à Saint-Évrard, en présence des quatre organisations représentatives.",
            "La direction a ouvert la séance en présentant les résultats 2023 : un chiffre d'affaires en hausse de 9 % et un bénéfice net de 14,2 millions d'euros, le meilleur depuis dix ans.",
            "Elle propose pourtant une augmentation générale de 2,1 %, assortie d'une enveloppe d'augmentations individuelles de 0,8 %.",
            "— Avec l'inflation de l'an dernier, c'est une baisse de salaire pour la majorité d'entre vous, avons-nous répondu.",
            "Nous avons rappelé nos demandes : 4,5 % pour tous, un minimum de 110 euros brut par mois et une prime de partage de la valeur de 1 000 euros.",
            "Par ailleurs, la direction a refusé d'ouvrir la discussion sur la pénibilité du travail de nuit à l'atelier de bobinage.",
            "Une quatrième réunion est prévue le 23 avril. D'ici là, nous organiserons des assemblées dans chaque atelier.",
            UNION_SHARED,
        ],
        slug="nao-fontelec", crumbs=["Actualités", "Industrie"], badge="Compte rendu",
        byline_lines=["Par Karim Haddouche, délégué syndical central"],
        date_lines=["Le 9 avril 2024 à 18h40 · Mis à jour le 10 avril 2024"],
        box_at=6, box=["Assemblées d'atelier : jeudi 11 avril, 13 h 15 (équipe du matin) et 21 h 15 (équipe de nuit)"],
        hashtags="#NAO #Salaires #Fontelec",
        related=["Salaires : où en sont les négociations dans la métallurgie", "Travail de nuit : ce que dit la convention collective"],
    ),
    article(
        "Carte scolaire : 23 fermetures de classes, c'est non",
        None,
        "Le bureau fédéral", "2024-05-15", None,
        [
            "Le projet de carte scolaire présenté au comité départemental prévoit 23 fermetures de classes pour seulement 9 ouvertures à la rentrée de septembre.",
            "Ce sont encore les écoles rurales qui paient le prix fort : quatorze des fermetures touchent des communes de moins de 2 000 habitants.",
            "À Vernet-la-Rivière, l'école perdra sa troisième classe alors que les effectifs attendus sont stables. Les élèves de trois niveaux se retrouveront dans la même salle.",
            "« On nous parle de baisse démographique, mais nos classes sont déjà à 27 », s'indigne une directrice d'école du canton.",
            "Par ailleurs, aucun poste de remplaçant supplémentaire n'est prévu, alors que plus de 1 300 journées de classe n'ont pas été remplacées cette année.",
            "Lire aussi notre analyse du projet, commune par commune, dans le prochain numéro de notre journal : chaque chiffre y est vérifié.",
            "Nous appelons les parents, les élus et les enseignants à se mobiliser ensemble.",
        ],
        slug="carte-scolaire", crumbs=["Actualités", "Éducation"], badge="Communiqué",
        byline_lines=[],
        date_lines=["Mercredi 15 mai 2024"],
        box_at=4, box=["Samedi 25 mai · 14 h · rassemblement devant la direction académique, place du Marché"],
        signature=["Le bureau fédéral"],
        hashtags="#CarteScolaire #ÉcoleRurale",
        related=["Remplacements : le grand trou de l'année", "AESH : enfin un vrai statut ?"],
    ),
    article(
        "Retraites complémentaires : ce que change l'accord pour les agents territoriaux",
        "Revalorisation des pensions, cumul emploi-retraite, rachat de trimestres : les réponses aux questions posées lors de nos permanences.",
        "Élodie Santerre et Paul Mervent", "2024-07-01", None,
        [
            "Depuis la signature de l'accord en juin, nos permanences ont reçu plus de 240 questions d'agents des collectivités. Nous avons rassemblé ici les plus fréquentes.",
            "Les pensions complémentaires seront revalorisées de 4,9 % au 1er novembre. Pour un agent de catégorie C, cela représente en moyenne 9 euros de plus par mois.",
            "Le cumul emploi-retraite ouvrira désormais de nouveaux droits, à condition d'avoir liquidé toutes ses pensions.",
            "« Je pars dans deux ans : est-ce que je dois racheter mes années d'études ? » Cette question revient souvent. La réponse dépend de chaque carrière, et nos conseillers peuvent faire le calcul avec vous.",
            "Par ailleurs, l'accord ne règle pas la question des carrières longues dans la filière technique, que nous continuerons de porter.",
            UNION_SHARED,
            "Prenez rendez-vous : nos permanences retraite ont lieu chaque mardi. ✊",
        ],
        slug="retraites-complementaires", crumbs=["Actualités", "Retraites"], badge="Décryptage",
        byline_lines=["Par Élodie Santerre et Paul Mervent"],
        date_lines=["Mis à jour le 03/07/2024", "Publié le 1er juillet 2024"],
        box_at=2, box=["Réunion d'information : mardi 9 juillet · 17 h 30 · Bourse du travail de Valmorin"],
        hashtags="#Retraites #FonctionPubliqueTerritoriale",
        related=["Catégorie C : la grille indiciaire rattrapée par le Smic", "Temps partiel : vos droits"],
    ),
]


# --------------------------------------------------------------------------
# A restaurant-review site: "Accueil > Restaurants > Bistrots" (the last
# crumb is the section), a "Coup de cœur" badge, the rating, "Par X" / "La
# critique de X" / "Testé par X et Y" / a name after the text, the visit
# line (not the date), the address box and the "On a aimé" box after the
# text.
# --------------------------------------------------------------------------

def tables(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Le Carnet des Tables",
            "Restaurants  Bars & caves  Recettes  Nos guides  Newsletter  Proposer une adresse",
            "Accueil > " + " > ".join(a["crumbs"]),
        ]
        if a.get("badge"):
            lines.append(a["badge"])
        lines += [a["title"], a["rating"], a["lede"]]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        lines.append(a["visit"])
        lines += interleave(a["body"], {1: ["Publicité"], 3: [f"Lire aussi : {a['related']}"]})
        lines += a.get("signature", [])
        lines += ["L'adresse"] + a["address"]
        lines += ["On a aimé : " + a["liked"], "On a moins aimé : " + a["disliked"],
                  "Réserver une table", "Partager cette critique",
                  "Nos autres critiques", a["others"][0], a["others"][1],
                  "Le Carnet des Tables ne reçoit aucune invitation : toutes nos additions sont réglées.",
                  "© Le Carnet des Tables 2024"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), cp1252=(i == 1), bom=(i == 2), crlf=(i == 3)))
    return pages


TABLES_SHARED = "Pensez à réserver : la salle ne compte qu'une vingtaine de couverts."

TABLES = [
    article(
        "Chez Odette, le bistrot de quartier qui ne triche pas",
        "Dans une ancienne quincaillerie de la rue des Tonneliers, un jeune couple ressert œufs mayonnaise, blanquette et tarte aux pralines à des prix d'un autre temps.",
        "Juliette Armengaud", "2024-03-15", None,
        [
            "On entre chez Odette comme on entrait autrefois chez le quincaillier : par une porte vitrée qui grince, sous une enseigne peinte qu'Élise et Thomas Garnier ont tenu à conserver.",
            "Le couple, passé par des brasseries lyonnaises, a repris les lieux en octobre. Au mur, l'ardoise change chaque jour, et c'est bon signe.",
            "L'œuf mayonnaise, servi par deux, arrive nappé d'une mayonnaise montée à la main, relevée d'une pointe de moutarde à l'ancienne. Simple, exact.",
            "La blanquette de veau, plat du jeudi, tient ses promesses : viande fondante, sauce liée sans excès, riz pilaf parfumé au laurier. Par ailleurs, les portions sont généreuses sans être écrasantes.",
            "« On voulait la cuisine de nos grands-mères, mais sans la crème à tous les étages », sourit Thomas Garnier depuis le passe.",
            "En dessert, la tarte aux pralines roses mérite à elle seule le détour.",
            TABLES_SHARED,
            "Allez-y.",
        ],
        slug="chez-odette", crumbs=["Restaurants", "Bistrots"], badge="Coup de cœur", rating="★★★★☆",
        byline_lines=["Par Juliette Armengaud"],
        date_lines=["Publié le 15 mars 2024"],
        visit="Visite incognito le 8 mars 2024, addition réglée par la rédaction.",
        related="Les dix bistrots où l'on mange bien pour moins de 25 euros",
        address=["Chez Odette", "12, rue des Tonneliers, Valmorin", "Tél. : 04 71 00 12 34",
                 "Du mardi au samedi, midi et soir", "Formule déjeuner : 19 € · Carte : 30 à 38 €"],
        liked="la blanquette, la tarte aux pralines, l'accueil", disliked="le bruit quand la salle est pleine",
        others=["La Table d'Hélios : la haute voltige, sans filet", "Crêperie Ty Glaz : le blé noir avant tout"],
    ),
    article(
        "La Table d'Hélios : la haute voltige, sans filet",
        "Le chef Aurélien Motte, 31 ans, a ouvert sa première maison dans une ancienne orangerie. Menu unique en huit temps, audace et quelques faux pas.",
        "Bastien Nolleau", "2024-04-12", None,
        [
            "Il faut d'abord traverser un jardin d'agrumes sous serre pour atteindre la salle, douze tables seulement, posées sous une verrière du XIXe siècle.",
            "Aurélien Motte ne propose qu'un menu, à 95 euros, qui change au gré des arrivages. Ce soir-là, il s'ouvrait sur une huître pochée, crème de cresson et grains de sarrasin torréfiés.",
            "Le premier temps fort arrive avec un lieu jaune cuit sur la peau, jus de carcasse au vin jaune et poireaux fondants. C'est précis, profond, sans esbroufe.",
            "Le pigeon, en revanche, nous a moins convaincus : rosé à cœur, mais accompagné d'une purée de betterave trop sucrée qui écrase tout.",
            "« J'assume de me tromper parfois. Un menu qui ne prend pas de risque ne m'intéresse pas », confie le chef en fin de service.",
            "La carte des vins, courte mais pointue, est à lire aussi de près : elle fait la part belle aux vignerons de la région. L'accord mets et vins, à 55 euros, vaut la dépense.",
            "En dessert, un soufflé au citron caviar, servi brûlant, remet tout le monde d'accord.",
        ],
        slug="table-helios", crumbs=["Restaurants", "Gastronomique"], rating="Note : 16/20",
        byline_lines=["La critique de Bastien Nolleau"],
        date_lines=["Vendredi 12 avril 2024 · Mis à jour le 14 avril 2024"],
        visit="Visite incognito le 5 avril 2024, addition réglée par la rédaction.",
        related="Jeunes chefs : ils ont ouvert leur première table cette année",
        address=["La Table d'Hélios", "L'Orangerie, 3, allée des Cèdres, Saint-Évrard", "Tél. : 04 71 00 56 78",
                 "Du mercredi au samedi, le soir ; le dimanche midi", "Menu unique : 95 € · Accord mets et vins : 55 €"],
        liked="le lieu jaune, le soufflé, la cave", disliked="le pigeon et sa betterave",
        others=["Chez Odette, le bistrot de quartier qui ne triche pas", "Brunch : Le Comptoir de Mila réveille le dimanche"],
    ),
    article(
        "Le Comptoir de Mila réveille le brunch du dimanche",
        "Pancakes à la farine de châtaigne, œufs brouillés au piment doux et pain maison : ce petit café de la place du Marché fait salle comble dès 10 heures.",
        "Inès Cabrol et Mathieu Fredon", "2024-05-22", None,
        [
            "Le dimanche, à 10 h 05, la file d'attente du Comptoir de Mila déborde déjà sur la place du Marché. Nous étions prévenus, nous sommes venus tôt.",
            "La formule, à 26 euros, comprend une boisson chaude, un jus pressé, un plat salé et une douceur. Les produits viennent presque tous de producteurs à moins de 50 kilomètres.",
            "Les œufs brouillés au piment doux, crémeux à souhait, sont servis sur une tranche épaisse de pain au levain cuit sur place. 🥐",
            "Les pancakes à la farine de châtaigne, en revanche, manquaient de moelleux le jour de notre passage.",
            "« On fait tout nous-mêmes, même le beurre de cacahuète. Parfois ça rate, et on le dit », reconnaît Mila Rousset, la patronne, ancienne pâtissière.",
            TABLES_SHARED,
            "Une bonne adresse, à condition d'avoir de la patience.",
        ],
        slug="comptoir-de-mila", crumbs=["Restaurants", "Brunchs"], rating="★★★☆☆",
        byline_lines=["Testé par Inès Cabrol et Mathieu Fredon"],
        date_lines=["Il y a 2 jours", "Publié le 22/05/2024"],
        visit="Visite incognito le 19 mai 2024, addition réglée par la rédaction.",
        related="Où bruncher le dimanche : notre sélection",
        address=["Le Comptoir de Mila", "7, place du Marché, Valmorin", "Sans réservation le dimanche",
                 "Du mercredi au dimanche, de 8 h à 16 h", "Brunch : 26 € · Enfants : 12 €"],
        liked="les œufs brouillés, le pain, les jus", disliked="l'attente, les pancakes",
        others=["Chez Odette, le bistrot de quartier qui ne triche pas", "Crêperie Ty Glaz : le blé noir avant tout"],
    ),
    article(
        "Crêperie Ty Glaz : le blé noir avant tout",
        "Une Bretonne installée loin de la mer fait ses galettes à la farine de sarrasin moulue à la meule. Des prix sages, un cidre fermier, une vraie leçon.",
        "Armelle Quéré", "2024-06-01", None,
        [
            "Elle s'appelle Gwenola Le Berre, elle a grandi à Pont-Aven et elle ne transige pas : chez Ty Glaz, la pâte des galettes ne contient que du sarrasin, de l'eau et du sel.",
            "Le résultat est une galette fine, croustillante sur les bords, qui a le goût de la noisette grillée.",
            "La complète, jambon à l'os, emmental et œuf miroir, est servie à 9,50 euros. La galette du moment, andouille et pommes poêlées, coûte deux euros de plus et les vaut.",
            "Le cidre, brut et fermier, vient d'une ferme du Finistère où Gwenola retourne chaque automne.",
            "— Vous voulez une crêpe au caramel ? Il est au beurre salé, évidemment, lance-t-elle en passant.",
            "Par ailleurs, la maison propose une galette végétarienne aux poireaux et au fromage de chèvre, qui n'a rien d'un plat de consolation.",
            TABLES_SHARED,
        ],
        slug="creperie-ty-glaz", crumbs=["Restaurants", "Crêperies"], rating="★★★★☆",
        byline_lines=[],
        date_lines=["Le 1er juin 2024 à 08h00"],
        visit="Visite incognito le 28 mai 2024, addition réglée par la rédaction.",
        signature=["Armelle Quéré"],
        related="Sarrasin : la farine qui revient dans les assiettes",
        address=["Ty Glaz", "21, rue de la Halle, Cassagne-sur-Vallon", "Tél. : 04 71 00 90 12",
                 "Du mardi au samedi, midi et soir", "Galettes : 7 à 13 € · Crêpes : 4 à 8 €"],
        liked="la pâte, le cidre, les prix", disliked="des chaises inconfortables",
        others=["Le Comptoir de Mila réveille le brunch du dimanche", "La Table d'Hélios : la haute voltige, sans filet"],
    ),
]


# --------------------------------------------------------------------------
# An Irish regional daily: "Subscribe from €1" / "Sign in", "News >
# Kilbrannagh" (the last crumb is the section), "By X" / a name with a role
# under it / "By X and Y", "Tue 12 Mar 2024 at 06:30" / "Today at 11:14"
# over "First published …" / "Sun, 19 May 2024 at 19:40" / "June 21 2024
# 07:00 AM" + "Updated …", "Advertisement" and "Read more" inside the body.
# --------------------------------------------------------------------------

def champion(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "The Kilbrannagh Champion",
            "Subscribe from €1",
            "Sign in",
            "News  Sport  GAA  Business  Farming  Property  Death Notices  Podcasts",
            " > ".join(a["crumbs"]),
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        lines.append(a["caption"])
        lines += interleave(a["body"], {1: ["Advertisement"], 2: ["Read more", a["related"]], 4: ["Advertisement"]})
        lines += ["Sign up for the Champion's morning newsletter: the day's local news in your inbox at 7am.",
                  "Sign up",
                  "Comments are closed on this article.",
                  "Most Read", a["most"][0], a["most"][1], a["most"][2],
                  "© Kilbrannagh Champion Ltd 2024 · Terms · Privacy · Cookie settings"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), crlf=(i == 0), cp1252=(i == 1), bom=(i == 2)))
    return pages


CHAMPION_SHARED = "Kilbrannagh County Council has been contacted for comment."

CHAMPION = [
    article(
        "Councillors back Ballycarra bypass route despite objections from farmers",
        "The preferred route would cross 41 landholdings west of the town, with some families losing up to a third of their land.",
        "Aoife Tierney", "2024-03-12", None,
        [
            "Members of Kilbrannagh County Council voted 19 to 7 on Monday night to back the western route for the long-awaited Ballycarra bypass.",
            "The 6.4km road, estimated to cost €86 million, would take up to 9,000 vehicles a day out of the town's Main Street, where traffic has been described as “at a standstill” for most of the morning.",
            "Cathaoirleach of the council, Cllr Noel Ruane, said the decision was “the most important this chamber will make in a decade”.",
            "But farmers along the route told the meeting they had not been consulted on the final line. “They drew it through the middle of my milking parlour,” said Seamus Kenny, whose family has farmed at Gortnaclash for four generations.",
            "Advertisement for the post of project liaison officer, promised to landowners last year, has still not been published, the meeting heard.",
            "The project now goes to An Bord Pleanála, with a decision not expected before 2026.",
            CHAMPION_SHARED,
        ],
        slug="ballycarra-bypass", crumbs=["News", "Kilbrannagh"],
        byline_lines=["By Aoife Tierney"],
        date_lines=["Tue 12 Mar 2024 at 06:30"],
        caption="Main Street in Ballycarra at 8.30am on a weekday. Photo: Ciarán Doyle",
        related="Ballycarra traders say Main Street footfall down 20pc",
        most=["Man jailed for garda assault outside Kilbrannagh nightclub", "Kilbrannagh hold on for dramatic Connacht semi-final win", "Mart prices: weanling trade firms ahead of summer"],
    ),
    article(
        "Man jailed for assaulting garda outside Kilbrannagh nightclub",
        "The 27-year-old was told his behaviour on the night was “a disgrace” by the judge at Kilbrannagh District Court.",
        "Cormac Fahy", "2024-04-03", None,
        [
            "A 27-year-old man who headbutted a garda outside a Kilbrannagh nightclub has been jailed for four months.",
            "Darren Quigley, of Abbey View, Kilbrannagh, pleaded guilty to assault and to threatening and abusive behaviour in a public place on November 18 last year.",
            "The court heard that gardaí were called to Castle Street shortly after 2am when a fight broke out in the queue for taxis.",
            "Garda Niamh Cullinane told the court that when she asked the accused to move on, he struck her in the face with his head, breaking her nose.",
            "Solicitor for the accused, Eoin Madigan, said his client had no memory of the night and was “mortified” by what he had done. He had since stopped drinking and had €500 in court as a gesture.",
            "Judge Fiona Carey said she would not accept money in place of a custodial sentence. “Gardaí are entitled to do their job without being attacked,” she said.",
            "Recognisance was fixed in the event of an appeal.",
        ],
        slug="garda-assault-nightclub", crumbs=["News", "Courts"],
        byline_lines=["Cormac Fahy", "Court Reporter"],
        date_lines=["Today at 11:14", "First published April 3 2024 10:05 AM"],
        caption="Kilbrannagh Courthouse. Photo: file image",
        related="Kilbrannagh nightclub's licence renewed with conditions",
        most=["Councillors back Ballycarra bypass route", "Kilbrannagh hold on for dramatic Connacht semi-final win", "New Gaelscoil for Ballycarra gets go-ahead"],
    ),
    article(
        "Kilbrannagh hold on for dramatic Connacht semi-final win",
        "A late point from substitute Tadhg Nevin sealed a one-point victory over Ardmullen in front of 11,200 at Páirc Uí Bhroin.",
        "Pádraig Lynch and Róisín Cawley", "2024-05-19", None,
        [
            "Kilbrannagh 1-14 Ardmullen 0-16. It was that close, and for long spells it looked like Ardmullen would reach a first provincial final in nine years.",
            "The visitors led by three points at half-time, having dominated midfield through the excellent Ross Geraghty, who kicked four points from play.",
            "Kilbrannagh's goal came in the 49th minute, when corner-forward Liam Scanlon fisted home a long delivery from Eamon Tully.",
            "“We showed character. We weren't at our best but the lads never stopped running,” said Kilbrannagh manager Gerry Mannion.",
            "By contrast, Ardmullen boss Colm Keaveney could barely speak afterwards. “We had it won. We'll learn from this,” he said.",
            "With the sides level in the 72nd minute, Tadhg Nevin, on for only six minutes, curled over the winner from the left wing.",
            "Kilbrannagh will face Rathmore in the Connacht final on June 9.",
        ],
        slug="connacht-semi-final", crumbs=["Sport", "GAA"],
        byline_lines=["By Pádraig Lynch and Róisín Cawley"],
        date_lines=["Sun, 19 May 2024 at 19:40"],
        caption="Tadhg Nevin celebrates the winning point. Photo: Sportsfile",
        related="Connacht final tickets on sale from Tuesday",
        most=["Man jailed for garda assault outside Kilbrannagh nightclub", "Councillors back Ballycarra bypass route", "Mart prices: weanling trade firms ahead of summer"],
    ),
    article(
        "Mart prices: weanling trade firms as buyers return from the North",
        "Bull weanlings sold to a top of €3.40/kg at Kilbrannagh Mart on Thursday, with strong interest from Northern Irish feedlots.",
        "Declan Moran", "2024-06-21", None,
        [
            "A good entry of 640 cattle met a lively trade at Kilbrannagh Mart on Thursday, with weanlings in particular demand.",
            "Bull weanlings in the 300-350kg bracket made between €2.70 and €3.40/kg, up around 15c/kg on the same sale a month ago.",
            "Mart manager Brendan Hession said buyers from the North were back in numbers for the first time since the spring. “Three lorries went up the road tonight,” he said.",
            "By contrast, the trade for heavier bullocks was slower, with several lots over 600kg failing to meet their reserve.",
            "Farmers said the improvement was welcome after a difficult spring, when a wet March delayed turnout by up to five weeks on heavier land.",
            "Dry cows sold from €1.80 to €2.45/kg.",
            CHAMPION_SHARED,
            "The next weanling sale takes place on Thursday, July 4.",
        ],
        slug="mart-prices-weanlings", crumbs=["Farming", "Marts"],
        byline_lines=["By Declan Moran", "Farming Editor"],
        date_lines=["June 21 2024 07:00 AM", "Updated June 22 2024 09:15 AM"],
        caption="Buyers at the ringside in Kilbrannagh Mart. Photo: Declan Moran",
        related="Fodder: farmers urged to test silage before winter",
        most=["Kilbrannagh hold on for dramatic Connacht semi-final win", "Councillors back Ballycarra bypass route", "New Gaelscoil for Ballycarra gets go-ahead"],
    ),
]


# --------------------------------------------------------------------------
# A space agency's newsroom: the mission-status strip, "Newsroom > Launches"
# (the last crumb is the section), a "Press release" / "Feature" / "Mission
# update" badge, the release number, no byline on press releases, a
# "Mission at a glance" box and a replay line inside the text, "About the
# Aurelian Space Agency" and "Media contacts" after it.
# --------------------------------------------------------------------------

def agency(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Aurelian Space Agency",
            "Missions  Science  Launches  Astronauts  Careers  Education  Newsroom",
            "Mission status: Heliotrope — cruise phase, day 212 · Next launch: Corvid-2, Kestrel Point",
            " > ".join(a["crumbs"]),
            a["badge"],
        ]
        if a.get("number"):
            lines.append(a["number"])
        lines += [a["title"], a["lede"]]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        lines.append(a["caption"])
        lines += interleave(a["body"], {2: ["Mission at a glance"] + a["glance"],
                                        4: [a["replay"]]})
        lines += a.get("signature", [])
        lines += ["About the Aurelian Space Agency",
                  "The Aurelian Space Agency (ASA) develops and operates Earth observation, science and human spaceflight missions on behalf of its eleven member states.",
                  "Media contacts", "ASA Newsroom · press@asa.example · +00 20 555 0142",
                  "Share: X · LinkedIn · Email",
                  "Related missions", a["missions"],
                  "© Aurelian Space Agency 2024 · Image use policy · Accessibility"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), bom=(i == 0), crlf=(i == 1), cp1252=(i == 2)))
    return pages


AGENCY_SHARED = "The agency will publish the full data set once calibration is complete."

AGENCY = [
    article(
        "Corvid-1 weather satellite reaches orbit and sends first signal",
        "The first of three next-generation weather satellites lifted off from Kestrel Point on Tuesday and was contacted by ground stations 54 minutes later.",
        None, "2024-03-12", None,
        [
            "Corvid-1, the first satellite of the agency's new weather series, lifted off at 09:17 local time on Tuesday from the Kestrel Point launch site aboard a Tallis-4 rocket.",
            "The satellite separated from the upper stage 38 minutes after launch. Ground stations at Vennholm and Port Arrow picked up its first signal at 10:11.",
            "Over the next six weeks, engineers will raise Corvid-1 to its final orbit, 817 km above the Earth, and switch on its instruments one by one.",
            "“Today we replaced a weather system designed in the 1990s with one that can see a storm forming twice as early,” said ASA Director General Ilse Marchetti.",
            "The satellite carries a microwave sounder and an infrared imager that will measure temperature and humidity through the whole depth of the atmosphere.",
            "Its first images are expected in May, and forecasters should receive its data routinely from the autumn.",
            "Corvid-2 and Corvid-3 will follow in 2025 and 2027.",
        ],
        slug="corvid-1-launch", crumbs=["Newsroom", "Launches"], badge="Press release",
        number="Press release No. 14/2024",
        byline_lines=[],
        date_lines=["Published 12 March 2024, 14:00 CET"],
        caption="Corvid-1 lifts off from Kestrel Point. Image credit: ASA/M. Okoro",
        glance=["Launch mass: 2,140 kg", "Orbit: sun-synchronous, 817 km", "Launcher: Tallis-4", "Design life: 8.5 years"],
        replay="Watch the replay: launch coverage (42 min)",
        missions="Corvid weather series · Heliotrope",
    ),
    article(
        "Lantern telescope maps a hidden ring of dust around a young star",
        "Images from the agency's infrared observatory show a gap that astronomers say could be carved by a planet still forming.",
        "Halima Osei", "2024-04-09", None,
        [
            "Astronomers using the agency's Lantern infrared telescope have found a faint ring of dust around HD 40911, a young star some 460 light years away.",
            "The ring, about 90 times farther from the star than the Earth is from the Sun, is separated from an inner disc by a dark gap.",
            "“A gap like this does not open by itself. Something is sweeping up the material, and the best candidate is a giant planet,” said Dr Anneke Vos of the University of Marrenburg, who led the study.",
            "The team observed the star for 31 hours over three nights in January. Earlier images from ground-based telescopes had shown only a smooth glow.",
            "Read more than the headline and the finding is more cautious: the planet itself has not been seen, and other explanations, such as a passing star, cannot yet be ruled out.",
            AGENCY_SHARED,
            "The results are published this week in the Journal of Stellar Discs.",
        ],
        slug="lantern-dust-ring", crumbs=["Newsroom", "Science"], badge="Feature",
        byline_lines=["By Halima Osei", "Science Writer"],
        date_lines=["Tuesday, 9 April 2024"],
        caption="The dust ring around HD 40911 in false colour. Image credit: ASA/Lantern/A. Vos",
        glance=["Telescope: Lantern (launched 2019)", "Mirror: 1.8 m", "Wavelengths: 2 to 28 microns", "Orbit: L2"],
        replay="Listen: the team explains the discovery (podcast, 18 min)",
        missions="Lantern · Beacon survey",
    ),
    article(
        "Four new astronauts join the ASA corps",
        "A geologist, a test pilot, an emergency doctor and an aerospace engineer were chosen from 14,300 applicants after an 18-month selection.",
        None, "2024-05-21", None,
        [
            "The Aurelian Space Agency has named four new astronauts, the first selection since 2011.",
            "They are Sofia Brennan, a geologist who has led fieldwork in Antarctica; Mateus Ferraz, a test pilot; Dr Leila Haddad, an emergency physician; and Jonas Aaltonen, an engineer who worked on the Heliotrope probe.",
            "The selection began in November 2022 and drew 14,300 applications from the agency's eleven member states.",
            "“Two of us have never flown anything bigger than a kite. That tells you what the agency was looking for,” Dr Haddad joked at the announcement.",
            "The four will begin basic training at the astronaut centre in Vennholm in September. Training lasts about two years before a first mission can be assigned.",
            "The agency has said at least one of them should fly to the International Space Station before 2029.",
        ],
        slug="new-astronauts", crumbs=["Newsroom", "Human spaceflight"], badge="Press release",
        number="Press release No. 22/2024",
        byline_lines=[],
        date_lines=["2024-05-21T10:00:00Z", "Last updated 22 May 2024"],
        caption="The four new astronauts at the Vennholm centre. Image credit: ASA/J. Lindqvist",
        glance=["Applicants: 14,300", "Selection: 18 months, 6 stages", "Training start: September 2024", "Base: Vennholm"],
        replay="Watch the replay: the announcement (36 min)",
        missions="Astronaut corps · ISS utilisation",
    ),
    article(
        "Heliotrope fires its main engine for the first correction on the way to Venus",
        None,
        "Tomasz Wierzba", "2024-06-28", None,
        [
            "At 03:42 this morning, Heliotrope fired its main engine for 96 seconds, changing its speed by 4.1 metres per second.",
            "It was the first of three planned trajectory corrections on the way to Venus, and the first time the engine has been used since launch.",
            "We watched the telemetry in silence in the control room. When the pressure curves came in exactly where we wanted them, someone started clapping and we all followed. 🚀",
            "Tracking over the next few days will tell us how precise the burn was. Early data suggest an error of less than 0.3%.",
            "The probe is now 38 million kilometres from Earth. Its signals take just over two minutes to reach us.",
            AGENCY_SHARED,
            "The next correction is planned for November.",
        ],
        slug="heliotrope-correction", crumbs=["Newsroom", "Missions"], badge="Mission update",
        byline_lines=[],
        date_lines=["Updated 3 hours ago", "First posted 28 June 2024"],
        caption="Heliotrope's control room during the burn. Image credit: ASA/K. Ruiz",
        glance=["Launched: 10 November 2023", "Target: Venus flyby, March 2025", "Mass: 1,640 kg", "Distance from Earth: 38 million km"],
        replay="Watch: the burn seen from mission control (4 min)",
        signature=["Posted by Tomasz Wierzba, Heliotrope Flight Director"],
        missions="Heliotrope · Lantern",
    ),
]


# --------------------------------------------------------------------------
# A chess news site: a live strip, "News > Tournaments" (the last crumb is
# the section), "By GM X" / "Interview by X" / a name with a role under it
# / "By IM X and Y", a game box with move lines and a standings box,
# "Advertisement" and "Read more:" inside the body, comments.
# --------------------------------------------------------------------------

def openfile(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "The Open File",
            "LIVE: Valmont Masters — follow all the games with engine evaluation",
            "News  Tournaments  Openings  Puzzles  Videos  Shop  Log in",
            " > ".join(a["crumbs"]),
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        inserts = {1: ["Advertisement"], 3: [f"Read more: {a['related']}"]}
        if a.get("game"):
            inserts[a["game_at"]] = a["game"] + ["Replay the game · Open in analysis board · Download PGN"]
        lines += interleave(a["body"], inserts)
        if a.get("standings"):
            lines += a["standings"]
        lines += ["Share this article", f"Comments ({a['comments']})", "Log in to join the discussion",
                  "Related", a["more"][0], a["more"][1],
                  "© The Open File 2024 · About us · Fair play policy · Contact"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), crlf=(i == 1), cp1252=(i == 2), bom=(i == 3)))
    return pages


OPENFILE_SHARED = "Time trouble, once again, decided more than the opening did."

OPENFILE = [
    article(
        "Okonjo beats Vasquez in a wild Najdorf to lead the Valmont Masters",
        "The 19-year-old sacrificed an exchange on move 23 and outplayed the world number six in the time scramble.",
        "Daria Voronel", "2024-03-12", None,
        [
            "Bola Okonjo took the sole lead of the Valmont Masters on Monday with a spectacular win over Lucas Vasquez, the highest-rated player in the field.",
            "The game followed a sharp line of the Najdorf that both players had clearly prepared. Vasquez castled long, launched his g-pawn and seemed to have the faster attack.",
            "23...Rxe3! changed everything. Black gave up the exchange to break White's pawn cover, and suddenly the white king on b1 looked far less safe than it had a move earlier.",
            "“I saw it in the morning with my coach, but I did not believe I would get it on the board,” Okonjo said after the game.",
            OPENFILE_SHARED,
            "With less than two minutes left for ten moves, Vasquez missed 31.Qd3 and after 31.Nc5? Qa5 there was no defence.",
            "By contrast, the other games of the round were quiet: three short draws and a long endgame between Petrosyan and Lindahl that ended with bare kings.",
            "Okonjo leads with 4/5, half a point ahead of Vasquez and Lindahl.",
        ],
        slug="okonjo-beats-vasquez", crumbs=["News", "Tournaments"],
        byline_lines=["By GM Daria Voronel"],
        date_lines=["Mar 12, 2024"],
        game_at=2,
        game=["Vasquez, L (2741) – Okonjo, B (2688)", "Valmont Masters 2024 · Round 5 · 0-1",
              "1. e4 c5 2. Nf3 d6 3. d4 cxd4 4. Nxd4 Nf6 5. Nc3 a6 6. Be3 e5 7. Nb3 Be6 8. f3 Be7",
              "9. Qd2 O-O 10. O-O-O Nbd7 11. g4 b5 12. g5 b4 13. Ne2 Ne8 14. f4 a5 15. f5 a4 ... 0-1"],
        standings=["Standings after round 5", "1. Okonjo 4", "2. Vasquez 3½", "3. Lindahl 3½", "4. Petrosyan 2½"],
        related="Valmont Masters: round 4 report",
        comments=214, more=["The Najdorf is back, and younger than ever", "Puzzle of the day: find Black's rook sacrifice"],
    ),
    article(
        "Mira Castellanos, 12: “I prefer losing a long game to winning a short one”",
        "The youngest player at the Valmont Open talks about her first norm, her coach and why she still plays blitz with her grandfather.",
        "Ruth Okafor", "2024-04-18", None,
        [
            "You made your first international master norm last week. How did it feel?",
            "Strange, honestly. I didn't know I had it until the arbiter told me. I was just happy I didn't lose the last game.",
            "Who taught you to play?",
            "My grandfather. He still beats me at blitz sometimes, but I'm not allowed to say that.",
            "You are known for long games. Your round 7 lasted 114 moves.",
            "“I prefer losing a long game to winning a short one,” that's what my coach says, and I agree. You learn more.",
            "Do you study with engines?",
            "A bit. But I like books more. You can read more slowly and think about why a move is good.",
            "What's next?",
            "School exams. Then the junior championship in August.",
        ],
        slug="mira-castellanos-interview", crumbs=["News", "Interviews"],
        byline_lines=["Interview by Ruth Okafor"],
        date_lines=["4/18/2024 9:15 PM"],
        related="Valmont Open: three norms in the final round",
        comments=88, more=["Junior championship: the entry list", "How to study endgames without an engine"],
    ),
    article(
        "Opinion: rapid tiebreaks are ruining classical chess",
        "Deciding a two-week tournament in fifteen-minute games rewards the wrong skills, argues our contributing editor.",
        "Nils Berggren", "2024-05-03", None,
        [
            "Last Sunday, after thirteen rounds of classical chess, the Kessler Cup was decided by two rapid games and an armageddon.",
            "The winner is a fine player. But the tournament was meant to find the best classical player of the event, and it did not.",
            "Organisers say tiebreaks are good for television. Perhaps. Yet the audience for the final day was smaller than for the rest of the event.",
            "There are alternatives. A shared title, which chess accepted for a century, is one. A longer playoff, played the next day at a slower time control, is another.",
            OPENFILE_SHARED,
            "Nobody holds the copyright on a good idea, and the old one of simply sharing the title was a good idea.",
            "Share the trophy, share the prize money, and let the players rest.",
            "The players I spoke to, who asked not to be named, mostly agree.",
        ],
        slug="rapid-tiebreaks-opinion", crumbs=["News", "Opinion"],
        byline_lines=["Nils Berggren", "Contributing Editor"],
        date_lines=["2 days ago", "Published May 3, 2024"],
        game_at=0,
        game=["Kessler Cup 2024 · Tiebreak · Armageddon", "Haldane, P – Moreau, T · ½-½ (Black wins the tiebreak)",
              "1. d4 Nf6 2. c4 e6 3. Nc3 Bb4 4. e3 O-O 5. Bd3 d5 6. Nf3 c5 7. O-O dxc4 8. Bxc4 Nbd7 ... ½-½"],
        related="Kessler Cup: Moreau wins on armageddon",
        comments=351, more=["Should draw offers be banned before move 40?", "The case for a world classical league"],
    ),
    article(
        "Lindahl wins the Valmont Masters after a final-round thriller",
        "The Swede beat Okonjo with Black in the last round to finish half a point clear, ending the teenager's dream run.",
        "Felix Amsel and Ruth Okafor", "2024-06-23", None,
        [
            "Erik Lindahl won the Valmont Masters on Sunday, beating the overnight leader Bola Okonjo with the black pieces in a game that lasted almost six hours.",
            "Okonjo needed only a draw. He chose a quiet line of the Catalan and for thirty moves nothing much happened.",
            "Then, with both players short of time, Lindahl found 34...g5!, a pawn break that opened the long diagonal for his bishop.",
            "“I had nothing to lose. A draw was the same as a defeat for me,” Lindahl said. 🏆",
            OPENFILE_SHARED,
            "Okonjo resigned on move 61, with the Swede's passed pawn about to promote.",
            "He still finishes second, his best result in an elite event, and gains 19 rating points.",
            "“I'll be back,” he said simply.",
        ],
        slug="lindahl-wins-valmont", crumbs=["News", "Tournaments"],
        byline_lines=["By IM Felix Amsel and Ruth Okafor"],
        date_lines=["Sunday, June 23, 2024 · 7 min read"],
        game_at=2,
        game=["Okonjo, B (2707) – Lindahl, E (2722)", "Valmont Masters 2024 · Round 9 · 0-1",
              "1. d4 Nf6 2. c4 e6 3. g3 d5 4. Bg2 Be7 5. Nf3 O-O 6. O-O dxc4 7. Qc2 a6 8. Qxc4 b5",
              "9. Qc2 Bb7 10. Bd2 Be4 11. Qc1 Bb7 12. Bf4 Nd5 13. Nc3 Nxf4 14. Qxf4 Nd7 ... 0-1"],
        standings=["Final standings", "1. Lindahl 6½", "2. Okonjo 6", "3. Vasquez 5½", "4. Petrosyan 4½"],
        related="Valmont Masters: round 8 report",
        comments=402, more=["Okonjo: the rise of a teenager", "Catalan: the quiet line that isn't"],
    ),
]


# --------------------------------------------------------------------------
# A US local housing news site: the mortgage-rate strip, "Real Estate >
# Market" (the last crumb is the section), "By X" with a role under it /
# "By X and Y" / no byline / "By X", "Published 6:00 a.m. CT March 12,
# 2024" / "Updated …" over "Published …" / a bare "5/14/2024" / "June 18,
# 2024 at 7:00 a.m." + "Updated 3 hours ago", a featured listing box and
# "Advertisement" and "Read more:" inside the body, sponsored cards after.
# --------------------------------------------------------------------------

def homefront(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Millbrook Homefront",
            "Mortgage rates today: 30-yr fixed 6.84% · 15-yr fixed 6.12% · 5/1 ARM 6.41% · Rates as of 3/11/2024",
            "Buy  Sell  Rent  Market  Neighborhoods  Mortgage calculator  Subscribe",
            " > ".join(a["crumbs"]),
            a["title"],
            a["lede"],
        ]
        lines += a["byline_lines"]
        lines += a["date_lines"]
        lines.append(a["caption"])
        lines += interleave(a["body"], {1: ["Featured listing"] + a["listing"] + ["View listing"],
                                        3: ["Advertisement"], 4: [f"Read more: {a['related']}"]})
        lines += a.get("note", [])
        lines += ["Sponsored", "How much home can you afford? Try our calculator", "Sponsored by Harbor Lane Credit Union",
                  "Share: Facebook · X · Email",
                  "More in Real Estate", a["more"][0], a["more"][1],
                  "© 2024 Millbrook Homefront · Fair housing statement · Privacy policy"]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, dedupe(lines), cp1252=(i == 0), crlf=(i == 1), bom=(i == 2)))
    return pages


HOMEFRONT_SHARED = "The county assessor's office said new valuations would be mailed to homeowners in late spring."

HOMEFRONT = [
    article(
        "Millbrook County median home price tops $350,000 for the first time",
        "February sales were down 4% from a year ago, but prices kept climbing as the number of homes for sale stayed near record lows.",
        "Dana Whitcomb", "2024-03-12", None,
        [
            "The median price of a single-family home sold in Millbrook County reached $352,500 in February, up 7.3% from a year earlier, according to figures released Monday by the Millbrook Association of Realtors.",
            "It is the first time the monthly median has crossed $350,000. Two years ago, it stood at $291,000.",
            "Only 214 homes changed hands last month, the lowest February total since 2011. Buyers and sellers alike are waiting for mortgage rates to fall.",
            "\u201cEveryone who has a 3% mortgage is staying put,\u201d said Tanya Grell, a broker with Parkline Realty in Eastbrook. \u201cSo the few houses that come up get multiple offers within a weekend.\u201d",
            "By contrast, condominium prices have been flat for almost a year, and the average condo now sits on the market for 41 days.",
            "First-time buyers have seen their market share shrink to 27% of sales, from 35% in 2021.",
            HOMEFRONT_SHARED,
        ],
        slug="median-price-350k", crumbs=["Real Estate", "Market"],
        byline_lines=["By Dana Whitcomb", "Real Estate Reporter"],
        date_lines=["Published 6:00 a.m. CT March 12, 2024"],
        caption="A sold sign on Alder Court in Eastbrook. (Photo: Millbrook Homefront)",
        listing=["418 Alder Court, Eastbrook", "$389,000 · 3 bd · 2 ba · 1,640 sq ft", "Listed by Parkline Realty"],
        related="What a 6.8% mortgage rate means for your monthly payment",
        more=["City council delays vote on rent stabilization", "Neighborhood spotlight: Cedar Flats"],
    ),
    article(
        "City council delays vote on rent stabilization after six-hour hearing",
        "More than 140 residents signed up to speak on a proposal that would cap yearly rent increases at 5% in buildings older than 15 years.",
        "Luis Echevarría and Priya Raman", "2024-04-09", None,
        [
            "The Millbrook City Council postponed a vote on its proposed rent stabilization ordinance early Tuesday, after a public hearing that ran past 1 a.m.",
            "The ordinance would cap annual rent increases at 5% for about 11,800 apartments in buildings more than 15 years old. Newer buildings and single-family rentals would be exempt.",
            "Tenants told the council of increases of 20% or more at lease renewal. \u201cI've lived in my apartment for nine years and now I can't afford it,\u201d said Marisol Durán, a home health aide.",
            "Landlords warned that a cap would discourage repairs and new construction. The Millbrook Apartment Owners Association said small owners would be hit hardest.",
            "Council member Greg Oyelaran, who proposed the ordinance, said he would bring back an amended version in May with an exemption for owners of four units or fewer.",
            "Residents who could not stay until the end can still share their views: the council has opened an online comment form until April 30.",
            "Advertisement of the hearing had been limited to the city's website, several residents complained, and many only learned of it from neighbors.",
        ],
        slug="rent-stabilization-vote", crumbs=["Real Estate", "Rentals"],
        byline_lines=["By Luis Echevarría and Priya Raman"],
        date_lines=["Updated 8:02 a.m. CT April 10, 2024", "Published 5:30 a.m. CT April 9, 2024"],
        caption="Residents wait to speak at City Hall on Monday night. (Photo: Priya Raman)",
        listing=["2210 Linden Ave #4B, Millbrook", "$1,695/mo · 2 bd · 1 ba · 880 sq ft", "Listed by Oakline Property Management"],
        related="Renters in Millbrook now spend 34% of income on housing",
        more=["Millbrook County median home price tops $350,000", "Neighborhood spotlight: Cedar Flats"],
    ),
    article(
        "Neighborhood spotlight: Cedar Flats, where the bungalows are back in demand",
        "The 1920s streets east of the rail yard have gone from overlooked to sought-after in three years. Here is what is for sale this week.",
        None, "2024-05-14", None,
        [
            "Cedar Flats was laid out in 1922 for workers at the rail yard, and its narrow lots are still lined with the small brick bungalows they built.",
            "For decades the neighborhood was one of the cheapest in the city. In 2020, the median sale price there was $164,000.",
            "This spring it is $287,000, and homes that are listed on a Thursday are often under contract by Monday. 🏡",
            "Read more than the listing photos and you will see why: most of the houses have original oak floors, deep porches and alleys that leave room for a garage or a backyard cottage.",
            "The city's decision in 2022 to allow accessory dwelling units on lots of 4,000 square feet has drawn investors as well as young families.",
            "Longtime residents have mixed feelings. Property taxes on some blocks have risen by a third.",
            HOMEFRONT_SHARED,
            "Three homes in Cedar Flats are listed this week, from $249,000 to $335,000.",
        ],
        slug="cedar-flats-spotlight", crumbs=["Real Estate", "Neighborhoods"],
        byline_lines=[],
        date_lines=["5/14/2024"],
        caption="Bungalows on the 1400 block of Spruce Street. (Photo: Millbrook Homefront)",
        listing=["1417 Spruce Street, Cedar Flats", "$298,000 · 2 bd · 1 ba · 1,020 sq ft", "Listed by Redgate Homes"],
        related="Backyard cottages: what the city allows and what it costs",
        more=["City council delays vote on rent stabilization", "Planners approve 312 homes at the old fairgrounds"],
    ),
    article(
        "Planners approve 312 homes at the old fairgrounds site",
        "The project includes 64 affordable units and a two-acre park. Neighbors had asked for fewer homes and more parking.",
        "Marcus Feld", "2024-06-18", None,
        [
            "The Millbrook Planning Commission on Monday approved a plan to build 312 homes on the former county fairgrounds off Route 9.",
            "The development, by Ridgeway Communities, would mix townhouses, small apartment buildings and 38 single-family homes on the 27-acre site.",
            "Sixty-four of the units would be rented or sold at prices affordable to households earning up to 80% of the area median income, about $68,000 for a family of three.",
            "\u201cThis is the largest number of affordable homes approved in a single project in Millbrook's history,\u201d commission chair Denise Holloway said.",
            "Neighbors on Fairview Drive said they were not against housing but worried about traffic on Route 9, which already backs up at school pickup times.",
            "The developer agreed to pay for a new traffic signal at the fairgrounds entrance.",
            "Construction could begin next spring if the City Council signs off in August.",
        ],
        slug="fairgrounds-homes-approved", crumbs=["Real Estate", "Development"],
        byline_lines=["By Marcus Feld"],
        date_lines=["June 18, 2024 at 7:00 a.m.", "Updated 3 hours ago"],
        caption="The former fairgrounds grandstand, to be demolished. (Photo: Marcus Feld)",
        listing=["Fairview Drive townhomes (pre-sale)", "From $315,000 · 3 bd · 2.5 ba", "Listed by Ridgeway Communities"],
        related="Affordable housing: who qualifies in Millbrook County",
        note=["This story was produced in partnership with the Millbrook Housing Reporting Project, a nonprofit news collaborative."],
        more=["Neighborhood spotlight: Cedar Flats", "Millbrook County median home price tops $350,000"],
    ),
]


LAYOUTS = {
    "sdis-haut-vallon": (sdis, SDIS),
    "courrier-alizes": (alizes, ALIZES),
    "union-convergence": (union, UNION),
    "carnet-des-tables": (tables, TABLES),
    "kilbrannagh-champion": (champion, CHAMPION),
    "aurelian-space": (agency, AGENCY),
    "open-file-chess": (openfile, OPENFILE),
    "millbrook-homefront": (homefront, HOMEFRONT),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"sdis-haut-vallon", "open-file-chess"}
