"""The second held-out set of the layout sample: six kinds of site that the
first twelve layouts do not have, written before the zoner was tuned again
and only ever scored as a whole. `make_pages.py` writes them into
`heldout2/` with the rest.

Every article, name, place of event, quote and figure is invented for this
project; the sites are fictional.
"""

from make_pages import (EN_MONTHS, EN_SHORT, FR_MONTHS, Page, article, en_us, fr_day,
                        fr_long, interleave, ymd)

FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


# --------------------------------------------------------------------------
# A magazine long-read: intertitles, pull quotes, photo credits without
# brackets, an issue note after the text.
# --------------------------------------------------------------------------

def grand_format(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Le Temps Long",
            "Récits",
            "Enquêtes",
            "Portfolios",
            "Le magazine",
            "S'abonner au magazine",
            "Grand format",
            a["section"],
            a["title"],
            a["lede"],
            f"Par {a['byline']}",
            f"Photographies : {a['photographer']}",
            f"{fr_long(a['date'])}",
            f"{12 + i} min de lecture",
            a["caption"],
        ]
        body = a["body"]
        # Intertitles and pull quotes stand between the paragraphs.
        inserts = {}
        for at, line in a["inserts"]:
            inserts.setdefault(at, []).append(line)
        lines += interleave(body, inserts)
        lines += [
            f"Cet article est paru dans le numéro {40 + i} du Temps Long, en kiosque jusqu'au 30 {FR_MONTHS[ymd(a['date'])[1] - 1]}.",
            "Partager ce récit",
            "Dans ce numéro",
            a["related"][0],
            a["related"][1],
            "Le Temps Long, le magazine des récits au long cours",
            "© Le Temps Long 2024",
        ]
        # The intertitles are the article's; the pull quotes repeat it.
        gold_body = [l for l in lines if l in body or l in a["intertitles"]]
        art = dict(a, body=gold_body)
        pages.append(Page(f"{i + 1:02}_{a['slug']}", art, lines, bom=(i == 2)))
    return pages


GRAND_FORMAT = [
    article(
        "Les derniers bergers du plateau de Millevaches",
        "Ils ne sont plus qu'une poignée à garder des troupeaux sur ces terres de granite et de tourbières. Récit d'une année passée avec eux, entre la neige d'avril et les orages d'août.",
        "Solène Marquet", "2024-03-02", "Reportage",
        [
            "Le jour se lève à peine sur la tourbière du Longeyroux quand Bernard Champeix ouvre la barrière du parc. Trois cents brebis s'engouffrent dans la brume, et le chien, un border collie de six ans qui répond au nom de Tarn, les suit sans un aboiement. Bernard a soixante-sept ans. Il garde des moutons sur le plateau depuis l'âge de quatorze ans, comme son père avant lui.",
            "« Ici, c'est l'herbe qui décide de tout », dit-il en remontant le col de sa veste. Il parle peu, et lentement. Il connaît chaque parcelle, chaque source, chaque rocher où les bêtes aiment se coucher à l'abri du vent.",
            "Sur le plateau, on comptait encore une quarantaine de bergers salariés au début des années 1980. Ils ne sont plus que sept, selon la chambre d'agriculture, et quatre d'entre eux partiront à la retraite avant la fin de la décennie.",
            "Le métier a changé plus vite que les paysages. Les clôtures électriques ont remplacé les longues journées de garde, les troupeaux ont grossi, et les éleveurs, pressés par les prix, ont appris à se passer de ceux qui gardaient leurs bêtes.",
            "À Peyrelevade, Marion Dufaure a repris il y a trois ans la ferme d'un oncle. Elle a trente et un ans, un diplôme d'ingénieure agronome et deux cent cinquante brebis limousines. « Je ne voulais pas d'un métier où l'on ne voit jamais le ciel », explique-t-elle.",
            "Elle a appris à tondre, à soigner les boiteries, à mettre bas les agneaux par les nuits de mars. Elle a aussi appris la solitude des hivers, quand la neige coupe la route pendant plusieurs jours.",
            "Au printemps, Bernard lui a confié une partie de ses estives. Ils ne se parlent pas beaucoup, mais ils se téléphonent chaque soir.",
        ],
        slug="bergers-millevaches", photographer="Jérôme Vialle",
        caption="Bernard Champeix et son troupeau, au-dessus de la tourbière du Longeyroux, en avril. Jérôme Vialle pour Le Temps Long",
        inserts=[(1, "Une vie réglée sur l'herbe"), (2, "« Ici, c'est l'herbe qui décide de tout »"), (3, "La relève, une brebis après l'autre")],
        intertitles=["Une vie réglée sur l'herbe", "La relève, une brebis après l'autre"],
        related=["Dans les Cévennes, la transhumance à pied renaît", "Portfolio : une saison en estive"],
    ),
    article(
        "Sur la ligne des Causses, le dernier train de nuit",
        "Pendant vingt ans, la liaison entre Paris et Béziers a survécu à toutes les menaces de fermeture. Nous avons voyagé à son bord, de la gare d'Austerlitz jusqu'aux premiers oliviers.",
        "Antoine Rivaud", "2024-05-18", "Récit",
        [
            "Il est 21 h 52 quand le train quitte le quai 19 de la gare d'Austerlitz. Dans la voiture 7, les couchettes sont déjà faites : draps blancs, couverture bleue, un petit sachet contenant une bouteille d'eau et des bouchons d'oreille.",
            "Les passagers se regardent avec la curiosité polie de ceux qui vont dormir côte à côte. Une étudiante en médecine rentre voir ses parents à Millau. Un couple de retraités part marcher sur le Larzac. Un technicien de la SNCF, en repos, a pris le train « pour le plaisir ».",
            "La ligne a failli disparaître à trois reprises. En 2016, le ministère des transports avait annoncé la fin des trains de nuit non rentables ; les élus locaux, les associations d'usagers et quelques cheminots obstinés avaient obtenu un sursis.",
            "Vers deux heures du matin, le train s'arrête longuement à Neussargues. Personne ne monte, personne ne descend. Le contrôleur, Patrick Lafon, fume une cigarette sur le quai désert. « La nuit, on a le temps de penser », dit-il.",
            "Il travaille sur cette ligne depuis 1998. Il a vu passer des soldats en permission, des familles entières, des amoureux qui se retrouvaient chaque vendredi.",
            "À l'aube, le viaduc de Garabit apparaît dans la lumière rose. Les voyageurs se pressent aux fenêtres du couloir.",
        ],
        slug="train-nuit-causses", photographer="Inès Moreau-Lagarde",
        caption="La voiture-couchettes n° 7, au départ de la gare d'Austerlitz. Inès Moreau-Lagarde pour Le Temps Long",
        inserts=[(2, "Trois fois condamnée"), (3, "« La nuit, on a le temps de penser »"), (4, "Le viaduc à l'aube")],
        intertitles=["Trois fois condamnée", "Le viaduc à l'aube"],
        related=["Trains de nuit : le grand retour, vraiment ?", "Portfolio : les gares oubliées du Massif central"],
    ),
    article(
        "Dans l'atelier du dernier fondeur de cloches",
        "À Villedieu-les-Poêles, une entreprise familiale coule encore des cloches selon des gestes vieux de plusieurs siècles. Nous avons assisté à la naissance de l'une d'elles.",
        "Claire Dumesnil", "2024-09-07", "Portrait",
        [
            "Le moule a été enterré la veille dans la fosse, au milieu de l'atelier. Il a fallu trois semaines pour le préparer : un noyau de briques, une fausse cloche en argile et en cire, puis une chape d'argile mêlée de crin de cheval et de fiente, comme au Moyen Âge.",
            "Ce matin, Étienne Cornille surveille le four. Le bronze, un alliage de cuivre et d'étain, doit atteindre 1 150 degrés avant d'être coulé. « Si on se trompe de vingt degrés, la cloche sonnera faux pendant trois cents ans », sourit-il.",
            "La fonderie a été créée par son arrière-grand-père en 1865. Elle a fourni des cloches à des églises de Normandie, de Bretagne, mais aussi du Québec et du Japon.",
            "Il y a quelques années, l'entreprise a failli fermer. Les commandes se faisaient rares, et les paroisses n'avaient plus les moyens de remplacer leurs cloches fêlées.",
            "Le renouveau est venu des communes, qui ont redécouvert l'attachement de leurs habitants à ces sons familiers, et de quelques collectionneurs étrangers.",
            "À 11 h 20, le métal en fusion coule dans le moule. Personne ne parle. Il faudra attendre deux jours pour découvrir la cloche, et une semaine pour l'entendre.",
        ],
        slug="fondeur-cloches", photographer="Jérôme Vialle",
        caption="Étienne Cornille devant le four de la fonderie, en août. Jérôme Vialle pour Le Temps Long",
        inserts=[(1, "« Si on se trompe de vingt degrés, la cloche sonnera faux pendant trois cents ans »"), (2, "Cinq générations de fondeurs"), (4, "Le silence de la coulée")],
        intertitles=["Cinq générations de fondeurs", "Le silence de la coulée"],
        related=["Les métiers d'art cherchent leurs apprentis", "Portfolio : les ateliers de la Manche"],
    ),
    article(
        "La mémoire engloutie du lac de Vassivière",
        "Sous les eaux du lac artificiel dorment les maisons et les chemins de plusieurs hameaux. Les derniers témoins de leur disparition racontent.",
        "Solène Marquet", "2024-11-23", "Histoire",
        [
            "En 1949, les habitants du hameau de Vauveix ont reçu une lettre d'Électricité de France. Le barrage serait construit, la vallée serait noyée, et ils devraient partir avant la fin de l'année suivante.",
            "Jeanne Aubusson avait neuf ans. Elle se souvient de la charrette chargée de meubles, du buffet de sa grand-mère attaché avec des cordes, et du chat qui refusait de monter.",
            "« On nous a dit que c'était pour le progrès, et on l'a cru », raconte-t-elle aujourd'hui, dans sa cuisine de Royère, à quelques kilomètres du rivage.",
            "Lors de la vidange du lac, en 2023, les murs de sa maison natale sont réapparus pendant quelques semaines. Des centaines de curieux sont venus marcher dans la vallée retrouvée.",
            "Jeanne y est allée un matin de juin, avec son petit-fils. Elle a reconnu le seuil, le puits et l'emplacement du lavoir.",
            "Puis l'eau est remontée.",
        ],
        slug="lac-vassiviere", photographer="Inès Moreau-Lagarde",
        caption="Les ruines du hameau de Vauveix, lors de la vidange du lac, en juin 2023. Inès Moreau-Lagarde pour Le Temps Long",
        inserts=[(1, "Le départ"), (2, "« On nous a dit que c'était pour le progrès, et on l'a cru »"), (3, "La vallée retrouvée")],
        intertitles=["Le départ", "La vallée retrouvée"],
        related=["Barrages : ces villages que l'on a noyés", "Portfolio : Vassivière, l'été de la vidange"],
    ),
]


# --------------------------------------------------------------------------
# A sports page: a score box, "Player ratings", match statistics and a
# league table after the report.
# --------------------------------------------------------------------------

def touchline(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "The Touchline",
            "Football",
            "Cricket",
            "Rugby union",
            "Tennis",
            "Live scores",
            "Fixtures & results",
            a["section"],
            a["title"],
            a["lede"],
            f"{a['byline']} at {a['ground']}",
            f"{EN_WEEKDAYS[a['weekday']]} {d} {EN_MONTHS[m - 1]} {y} 17.{40 + i} GMT",
            a["score"],
            "FT",
            a["scorers"][0],
            a["scorers"][1],
        ]
        lines += interleave(a["body"], {2: ["Advertisement"]})
        lines += ["Player ratings"] + a["ratings"]
        lines += [
            "Match stats",
            f"Possession {a['stats'][0]}",
            f"Shots {a['stats'][1]}",
            f"Shots on target {a['stats'][2]}",
            f"Corners {a['stats'][3]}",
            f"{a['section']} table",
            "Pos Team P GD Pts",
            a["table"][0],
            a["table"][1],
            a["table"][2],
            "View full table",
            "More on this story",
            a["related"],
            "© 2024 The Touchline. All rights reserved.",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1)))
    return pages


TOUCHLINE = [
    article(
        "Harbour City 2-1 Northgate: Lindqvist header settles derby",
        "A late header sends City three points clear at the top of the table.",
        "Owen Fairclough", "2024-03-09", "Premier Division",
        [
            "Jonas Lindqvist rose highest at the far post two minutes from time to settle a tense derby and send Harbour City three points clear at the top of the Premier Division.",
            "City had led through Emeka Okafor's low drive after 34 minutes, but Northgate were level just after the hour when Dani Reyes curled a free-kick over the wall.",
            "The visitors, who had won only once in their previous six league games, defended deep and looked content with a point until Lindqvist met Ashe's corner.",
            "\"We never stopped believing, and the crowd carried us at the end,\" said City's manager, Helen Vance.",
            "Northgate's goalkeeper, Luka Brandt, made three fine saves in the first half, the best of them from Okafor's header just before the break.",
            "City travel to Redbridge next Saturday.",
        ],
        slug="harbour-northgate", ground="the Quayside Stadium", weekday=5,
        score="Harbour City 2 - 1 Northgate",
        scorers=["Okafor 34, Lindqvist 88", "Reyes 61"],
        ratings=[
            "Harbour City: Moreau 6; Daly 7, Brennan 6, Kowal 7, Ashe 7; Lindqvist 8, Obi 7, Ferris 6; Okafor 8, Tamm 6, Sallis 6. Subs: Varga 6, Pike 5.",
            "Northgate: Brandt 8; Hollis 6, Mensah 6, Carver 5, Iqbal 6; Reyes 7, Stone 6, Lund 5; Achebe 6, Fenwick 5, Duarte 6. Subs: Marsh 5.",
            "Star man: Jonas Lindqvist (Harbour City)",
        ],
        stats=["54% 46%", "14 9", "6 3", "7 2"],
        table=["1 Harbour City 28 +31 62", "2 Northgate 28 +22 59", "3 Redbridge 28 +18 55"],
        related="Vance: title race will go to the last day",
    ),
    article(
        "Redbridge 0-0 Castlemere: goalkeepers keep it scoreless",
        "Two outstanding saves in the second half deny both sides a winner.",
        "Priya Lal", "2024-03-16", "Premier Division",
        [
            "Redbridge and Castlemere shared a goalless draw on a cold afternoon at Fenwick Park, where both goalkeepers produced saves that deserved to win the match.",
            "Castlemere's Ivo Santini tipped Marcus Dale's volley on to the bar midway through the second half, and moments later Redbridge's Sam Okoro threw himself to his right to keep out a header.",
            "The draw leaves Redbridge third, seven points behind the leaders.",
            "\"A clean sheet is a clean sheet, but we wanted more,\" said Redbridge's captain, Tom Archer.",
            "Castlemere have now gone five matches without defeat.",
        ],
        slug="redbridge-castlemere", ground="Fenwick Park", weekday=5,
        score="Redbridge 0 - 0 Castlemere",
        scorers=["Redbridge: none", "Castlemere: none"],
        ratings=[
            "Redbridge: Okoro 8; Wynne 6, Archer 7, Laing 6, Poole 6; Dale 7, Fox 6, Reid 5; Kamara 6, Lowe 5, Price 6. Subs: Ayew 5.",
            "Castlemere: Santini 8; Beck 6, Moyo 7, Tully 6, Hart 6; Galli 6, Rowe 6, Nash 5; Penn 5, Cole 6, Mbeki 6. Subs: Rudd 5, Shaw 5.",
            "Star man: Ivo Santini (Castlemere)",
        ],
        stats=["51% 49%", "11 10", "4 4", "5 6"],
        table=["1 Harbour City 29 +32 65", "2 Northgate 29 +23 62", "3 Redbridge 29 +18 56"],
        related="Castlemere's unbeaten run: how the new coach turned things round",
    ),
    article(
        "Northgate 3-2 Ashby Vale: Reyes hat-trick completes comeback",
        "Northgate were two goals down at half-time before their captain took over.",
        "Owen Fairclough", "2024-03-23", "Premier Division",
        [
            "Dani Reyes scored three times in the second half as Northgate came from two goals down to beat Ashby Vale and keep up the pressure on the leaders.",
            "Ashby Vale had been in control at the break after goals from Kofi Mensah and Leo Hart, the second a fine solo run from inside his own half.",
            "Reyes pulled one back with a penalty, levelled with a header from a corner and won it with a shot that deflected in off a defender in stoppage time.",
            "\"I have never scored three in a game before, not even as a boy,\" Reyes said.",
            "Ashby Vale remain in the bottom three.",
        ],
        slug="northgate-ashby", ground="Northgate Road", weekday=5,
        score="Northgate 3 - 2 Ashby Vale",
        scorers=["Reyes 55 pen, 71, 90+3", "Mensah 12, Hart 38"],
        ratings=[
            "Northgate: Brandt 6; Hollis 6, Mensah 5, Carver 6, Iqbal 7; Reyes 9, Stone 7, Lund 6; Achebe 7, Fenwick 6, Duarte 6. Subs: Marsh 7.",
            "Ashby Vale: Cross 6; Finch 5, Obuya 6, Hale 5, Ross 5; Mensah 7, Hart 8, Yates 6; Day 5, Grey 5, Ellis 6. Subs: Amin 5.",
            "Star man: Dani Reyes (Northgate)",
        ],
        stats=["58% 42%", "19 8", "9 4", "8 3"],
        table=["1 Harbour City 30 +33 68", "2 Northgate 30 +24 65", "3 Redbridge 30 +19 59"],
        related="Relegation battle: what Ashby Vale need from their last eight games",
    ),
    article(
        "Castlemere 1-4 Harbour City: leaders run riot in the rain",
        "Okafor scores twice as City stretch their unbeaten run to twelve games.",
        "Priya Lal", "2024-03-30", "Premier Division",
        [
            "Harbour City swept aside Castlemere in driving rain to extend their unbeaten run to twelve league games and restore their three-point lead at the top.",
            "Emeka Okafor scored in each half, Jonas Lindqvist added a third from the edge of the area and the substitute Ilan Varga completed the rout late on.",
            "Castlemere's consolation came from a penalty by Marco Galli, awarded after a long check by the video assistant referee.",
            "\"The conditions were awful, but my players never complained once,\" said City's manager, Helen Vance.",
            "It was Castlemere's first home defeat since November.",
        ],
        slug="castlemere-harbour", ground="the Mere Ground", weekday=5,
        score="Castlemere 1 - 4 Harbour City",
        scorers=["Galli 67 pen", "Okafor 22, 58, Lindqvist 74, Varga 89"],
        ratings=[
            "Castlemere: Santini 5; Beck 5, Moyo 5, Tully 4, Hart 5; Galli 6, Rowe 5, Nash 5; Penn 4, Cole 5, Mbeki 5. Subs: Rudd 5.",
            "Harbour City: Moreau 7; Daly 7, Brennan 7, Kowal 8, Ashe 7; Lindqvist 8, Obi 8, Ferris 7; Okafor 9, Tamm 7, Sallis 7. Subs: Varga 7, Pike 6.",
            "Star man: Emeka Okafor (Harbour City)",
        ],
        stats=["61% 39%", "21 6", "11 2", "9 1"],
        table=["1 Harbour City 31 +36 71", "2 Northgate 31 +24 68", "3 Redbridge 31 +20 62"],
        related="Okafor: 'I just want to win the league for this city'",
    ),
]


# --------------------------------------------------------------------------
# A financial wire: a ticker strip, "LONDON, March 12 (Ledger Wire) -",
# a currency line "($1 = 0.92 euros)", the signature in brackets.
# --------------------------------------------------------------------------

def ledger(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Ledger Wire",
            "Markets",
            "Companies",
            "Economy",
            "Commodities",
            "Currencies",
            "Sign in",
            "Start free trial",
            "FTSE 100 7,745.20 +0.41%",
            "DAX 17,812.90 -0.18%",
            "EUR/USD 1.0921 +0.07%",
            "Brent crude 82.14 -0.62%",
            a["section"],
            a["title"],
            f"By {a['byline']}",
            f"{EN_SHORT[m - 1]} {d}, {y} {7 + i}:05 AM UTC",
            f"Updated {12 + 3 * i} min ago",
        ]
        lines += interleave(a["body"], {1: ["Related coverage", a["related"][0]]})
        lines += [
            f"(Reporting by {a['byline']}; Editing by {a['editor']})",
            "Related quotes",
            a["quote"],
            "Read next",
            a["related"][1],
            "Data delayed by at least 15 minutes.",
            "© 2024 Ledger Wire Ltd. All rights reserved.",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 2)))
    return pages


LEDGER = [
    article(
        "Barrow Holdings shares jump after buyout approach from US fund",
        None, "Fiona Castellan", "2024-03-12", "Companies",
        [
            "LONDON, March 12 (Ledger Wire) - Shares in Barrow Holdings jumped as much as 18% on Tuesday after the British building materials group said it had received a takeover approach from the US private equity firm Granite Peak Partners.",
            "Barrow said the fund had proposed 455 pence a share in cash, valuing the company at about 2.1 billion pounds ($2.7 billion), and that its board was considering the proposal.",
            "Under British takeover rules, Granite Peak has until April 9 to make a firm offer or walk away.",
            "Analysts at Halden & Co said the price looked low given the group's order book. \"We think the board can hold out for more,\" they wrote in a note to clients.",
            "Shares in Barrow were up 15.4% at 441 pence by 0830 GMT.",
            "($1 = 0.7812 pounds)",
        ],
        slug="barrow-buyout", editor="Mark Ellery",
        quote="BRW.L 441.00 +15.40%",
        related=["Private equity bids for UK firms hit five-year high", "Granite Peak raises $9 billion for new fund"],
    ),
    article(
        "Euro zone industrial output falls more than expected in January",
        None, "Lukas Brenner", "2024-03-13", "Economy",
        [
            "FRANKFURT, March 13 (Ledger Wire) - Industrial production in the euro zone fell 3.2% in January from the previous month, much more than economists had expected, dragged down by a slump in Ireland and weak output of capital goods.",
            "Economists polled by Ledger Wire had forecast a fall of 1.5%. Compared with a year earlier, output was down 6.7%.",
            "Excluding Ireland, where production swings widely because of multinational firms, output fell a more modest 0.8%, the EU statistics office said.",
            "The figures add to signs that the bloc's economy stagnated at the start of the year, strengthening the case for an interest rate cut by the European Central Bank in June.",
            "The euro was little changed at $1.0925 after the data.",
        ],
        slug="eurozone-output", editor="Sarah Whitlock",
        quote="EUR= 1.0925 +0.03%",
        related=["ECB policymakers split over timing of first cut", "German factory orders rebound in December"],
    ),
    article(
        "Nordvik Energy to cut 1,200 jobs as wind turbine losses mount",
        None, "Henrik Aasen", "2024-04-24", "Companies",
        [
            "OSLO, April 24 (Ledger Wire) - Nordvik Energy will cut about 1,200 jobs, or 8% of its workforce, the Norwegian power group said on Wednesday, after reporting a bigger-than-expected loss at its wind turbine business.",
            "The company posted a first-quarter operating loss of 2.4 billion Norwegian crowns ($221 million), against an average forecast of 1.6 billion crowns in a poll of analysts.",
            "Chief Executive Ingrid Solheim said the job cuts, mostly in Denmark and Germany, would save about 1.5 billion crowns a year from 2026.",
            "\"We have to be honest about what is not working,\" Solheim told reporters on a conference call.",
            "Nordvik shares fell 6.2% in early trading in Oslo.",
            "($1 = 10.86 Norwegian crowns)",
        ],
        slug="nordvik-jobs", editor="Anna Ring",
        quote="NORV.OL 118.40 -6.20%",
        related=["Wind turbine makers struggle with rising costs", "Norway's sovereign fund trims renewable holdings"],
    ),
    article(
        "Copper hits 11-month high as smelters agree output cuts",
        None, "Fiona Castellan", "2024-03-18", "Commodities",
        [
            "LONDON, March 18 (Ledger Wire) - Copper prices rose to their highest in 11 months on Monday after Chinese smelters agreed to cut production to cope with a shortage of the ore they process.",
            "Benchmark three-month copper on the London Metal Exchange was up 1.9% at $9,105 a metric ton by 1015 GMT, after touching $9,167, its highest since April last year.",
            "Smelters in China, the world's biggest consumer of the metal, agreed last week to reduce output at loss-making plants, but did not say by how much.",
            "By contrast, aluminium slipped 0.4% to $2,255 a ton as stocks in exchange warehouses rose.",
            "Traders said speculative buying had amplified the move.",
        ],
        slug="copper-high", editor="Mark Ellery",
        quote="CMCU3 9,105.00 +1.90%",
        related=["Chile's copper output falls for a third month", "Metals traders bet on tighter supply"],
    ),
]


# --------------------------------------------------------------------------
# A tech blog: "Posted by X on April 2, 2024", an "Updated:" line, code
# lines in the text, tags, a share bar, an author box and comments.
# --------------------------------------------------------------------------

def bitwise(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Bitwise Notes",
            "Product",
            "Docs",
            "Blog",
            "Changelog",
            "Pricing",
            "Sign in",
            "Start for free",
            a["section"],
            a["title"],
        ]
        if a["lede"]:
            lines.append(a["lede"])
        lines += [
            f"Posted by {a['byline']} on {en_us(a['date'])}",
            f"Updated: {en_us(a['updated'])}",
            f"{6 + i} min read",
        ]
        lines += a["body"]
        lines += [
            "Tags: " + ", ".join(a["tags"]),
            "Share on Hacker News",
            "Share on LinkedIn",
            "Copy link",
            f"{a['byline']} is {a['role']} at Bitwise. Before that, {a['before']}.",
            "Subscribe to the Bitwise Notes newsletter",
            "Get new posts in your inbox. No spam, unsubscribe any time.",
            f"{3 + i} comments",
            a["comment"][0],
            a["comment"][1],
            "Reply",
            "© 2024 Bitwise Labs, Inc.",
            "Status",
            "Security",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0), crlf=(i == 3)))
    return pages


BITWISE = [
    article(
        "How we cut our CI build times in half",
        "Caching, smaller test shards and one surprising compiler flag.",
        "Maya Lindgren", "2024-04-02", "Engineering",
        [
            "Six months ago, a full run of our continuous integration pipeline took 41 minutes. Engineers would push a change, go for lunch, and come back to a failed lint check.",
            "Today the same pipeline finishes in 19 minutes. None of the changes were clever on their own, but together they made the biggest difference to our day-to-day work this year.",
            "The first fix was caching dependencies properly. We had a cache, but its key included the date, so it was thrown away every night. The key now depends only on the lock file:",
            "cache-key: deps-${{ hashFiles('Cargo.lock') }}",
            "Second, we split the test suite into eight shards of roughly equal duration, using the timings from the previous run rather than the number of tests in each file.",
            "The surprise was the linker. Switching to a faster linker on our build machines saved four minutes on every run:",
            "RUSTFLAGS=\"-C link-arg=-fuse-ld=mold\" cargo build --release",
            "We still have work to do. The slowest shard takes seven minutes, and we would like every run to finish in under a quarter of an hour.",
        ],
        slug="ci-build-times", updated="2024-04-05", tags=["ci", "rust", "performance"],
        role="a staff engineer on the platform team", before="she built trading systems in Stockholm",
        comment=["devops_dan", "Great write-up. Did you try sccache as well, or was the lock-file key enough?"],
    ),
    article(
        "Why our search index moved from Postgres to a dedicated engine",
        None, "Tomasz Wierzba", "2024-05-14", "Architecture",
        [
            "For four years, search in our product was a handful of Postgres queries with trigram indexes. It was simple, it was fast enough, and it lived in the same database as everything else.",
            "That stopped being true last autumn. Our largest customer now stores more than 60 million documents, and a search across them took up to nine seconds.",
            "We looked at three options: tuning the existing indexes, adding a read replica just for search, or moving search into a separate engine.",
            "Tuning bought us a factor of two. It was not enough.",
            "The new engine runs as its own service. Documents are sent to it through a queue, and a nightly job compares the two stores to catch anything the queue lost:",
            "SELECT count(*) FROM documents WHERE indexed_at IS NULL;",
            "Median search latency for that customer is now 140 milliseconds. The price is one more system to run, and we do not pretend otherwise.",
        ],
        slug="search-engine-move", updated="2024-05-16", tags=["search", "postgres", "architecture"],
        role="a principal engineer", before="he worked on databases at a logistics company in Gdansk",
        comment=["kpetrov", "How do you handle permissions? Filtering after the search or inside the engine?"],
    ),
    article(
        "A postmortem of the March 19 outage",
        "For 47 minutes, about a third of API requests failed. Here is what happened and what we changed.",
        "Maya Lindgren", "2024-03-21", "Reliability",
        [
            "On March 19, between 14:02 and 14:49 UTC, about 35% of requests to our API returned errors. No data was lost, but many customers could not sync their work during that time.",
            "The cause was a configuration change to our load balancers. A new health check was rolled out to every region at once, instead of one region at a time as our process requires.",
            "The health check called an endpoint that was itself slow under load. As traffic rose, healthy servers were marked as failing and removed, which made the remaining servers slower still.",
            "We rolled the change back at 14:41. Traffic recovered within eight minutes.",
            "We have made three changes since. Configuration changes to load balancers now go through the same staged rollout as code. Health checks must call an endpoint that does no work. And an alert now fires when more than a tenth of servers leave a pool in five minutes.",
            "We are sorry. If you were affected and want to talk to us about it, our support team is ready to help.",
        ],
        slug="march-outage", updated="2024-03-22", tags=["postmortem", "reliability"],
        role="a staff engineer on the platform team", before="she built trading systems in Stockholm",
        comment=["ana_r", "Thank you for being this open about it. The staged rollout rule is a good one."],
    ),
    article(
        "Writing a parser you can read a year later",
        "Notes from rewriting our query language parser by hand.",
        "Sam Okonjo", "2024-06-11", "Engineering",
        [
            "Our query language started as a regular expression. Then it became three regular expressions. By the time we had eleven, nobody on the team wanted to touch it.",
            "We rewrote it as a small recursive descent parser, about 900 lines long. Every rule of the grammar is one function, and the function has the rule's name:",
            "fn parse_filter(&mut self) -> Result<Filter, ParseError>",
            "Error messages were the real reason for the rewrite. The old parser could only say that a query was invalid. The new one says where, and what it expected instead.",
            "If you want to continue reading about the grammar itself, it is documented in full on our docs site.",
            "The parser is also faster, though that was never the goal: a typical query is parsed in about four microseconds.",
        ],
        slug="readable-parser", updated="2024-06-12", tags=["parsing", "rust"],
        role="a software engineer on the query team", before="he taught compilers at a university in Lagos",
        comment=["lex_yacc_fan", "Hand-written parsers are underrated. The error messages alone are worth it."],
    ),
]


# --------------------------------------------------------------------------
# A French regional site behind a paywall: "Abonnez-vous" teasers, the
# article cut after a few paragraphs on some pages and whole on others
# (with the teaser box in the middle), a "Réagir" block.
# --------------------------------------------------------------------------

def courrier(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "Le Courrier du Val",
            "Abonnez-vous",
            "Mon espace",
            "Accueil › " + " › ".join(a["crumbs"]),
            a["title"],
            a["lede"],
            f"Par {a['byline']}",
            f"Le {d:02}/{m:02}/{y} à 06:00",
            f"Mis à jour le {d:02}/{m:02}/{y} à 09:{14 + i}",
            "Réservé aux abonnés",
        ]
        if a["cut"]:
            lines += interleave(a["body"], {0: [f"À lire aussi : {a['related']}"]})
            lines += [
                f"Il vous reste {70 + i} % de cet article à découvrir.",
                "Pour lire la suite, abonnez-vous à partir de 1 € le premier mois",
                "Déjà abonné ? Se connecter",
            ]
        else:
            lines += interleave(a["body"], {
                0: [f"À lire aussi : {a['related']}"],
                1: ["Lire la suite de nos articles sans limite : abonnez-vous", "Sans engagement, résiliable en ligne"],
            })
        lines += [
            "Réagir",
            "Vous devez être connecté pour réagir.",
            f"{2 + i} réactions",
            a["comment"][0],
            a["comment"][1],
            "Signaler un abus",
            "Le Courrier du Val, votre quotidien régional",
            "Mentions légales",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 1)))
    return pages


COURRIER = [
    article(
        "Voiron : la piscine municipale fermée jusqu'à l'automne",
        "Des fissures dans le bassin principal obligent la ville à engager des travaux plus lourds que prévu.",
        "Guillaume Besson", "2024-03-14", "Voiron",
        [
            "Les nageurs du matin ont trouvé porte close lundi. La piscine municipale de Voiron, qui accueille près de 90 000 entrées par an, restera fermée au moins jusqu'en octobre, a annoncé la mairie.",
            "Lors de la vidange annuelle, les techniciens ont découvert plusieurs fissures dans le fond du bassin de 25 mètres. Une expertise doit déterminer si la structure elle-même est atteinte.",
            "« Nous ne prendrons aucun risque avec la sécurité des usagers », a assuré l'adjoint aux sports, Pascal Brun.",
        ],
        crumbs=["Isère", "Voiron"], slug="piscine-voiron", cut=True,
        related="Piscines : la facture énergétique fait plonger les communes",
        comment=["Nageuse38", "Encore une fermeture, et les scolaires vont devoir aller à Grenoble en car."],
    ),
    article(
        "Un troisième pont sur l'Isère pour désengorger Moirans",
        "Le conseil départemental a voté jeudi une première enveloppe de 12 millions d'euros.",
        "Élodie Faure", "2024-04-05", "Moirans",
        [
            "C'est un serpent de mer qui refait surface. Le département de l'Isère a voté jeudi le financement des études d'un troisième pont sur la rivière, entre Moirans et Saint-Quentin-sur-Isère.",
            "Chaque jour, plus de 25 000 véhicules franchissent le pont actuel, construit en 1962. Aux heures de pointe, les bouchons remontent jusqu'au centre de Moirans.",
            "Les associations de défense de l'environnement s'inquiètent pour la zone humide située sur la rive gauche.",
            "Les travaux ne pourraient pas commencer avant 2028.",
        ],
        crumbs=["Isère", "Moirans"], slug="pont-moirans", cut=False,
        related="Moirans : les commerçants du centre-ville dénoncent les bouchons",
        comment=["JeanLouis_M", "Il était temps, ça fait trente ans qu'on en parle dans le pays voironnais."],
    ),
    article(
        "Chartreuse : les randonneurs invités à ne pas quitter les sentiers",
        "Le parc naturel régional lance une campagne pour protéger les tétras-lyres pendant la période de reproduction.",
        "Guillaume Besson", "2024-05-02", "Chartreuse",
        [
            "Des panneaux jaunes ont fleuri ces derniers jours au départ des principaux sentiers du massif. Le parc naturel régional de Chartreuse demande aux randonneurs de rester sur les chemins balisés jusqu'à la fin du mois de juin.",
            "En cause, la reproduction du tétras-lyre, un oiseau protégé dont la population a diminué de moitié en vingt ans dans le massif.",
            "« Un promeneur qui passe à vingt mètres d'une nichée peut suffire à faire fuir la femelle », explique une garde du parc.",
            "Des gardes seront présents chaque week-end sur les sites les plus fréquentés, comme le col de Porte et le Charmant Som.",
        ],
        crumbs=["Isère", "Chartreuse"], slug="chartreuse-sentiers", cut=False,
        related="Le tétras-lyre, un oiseau des montagnes en sursis",
        comment=["Rando_Sylvie", "Très bonne initiative, on voit trop de gens couper à travers les alpages."],
    ),
    article(
        "Saint-Laurent-du-Pont : l'usine de skis rachetée par un groupe italien",
        "Les 140 salariés conservent leur emploi, selon le repreneur.",
        "Élodie Faure", "2024-06-20", "Saint-Laurent-du-Pont",
        [
            "L'incertitude aura duré huit mois. Le tribunal de commerce de Grenoble a validé mercredi la reprise de l'usine de skis de Saint-Laurent-du-Pont par le groupe italien Dolomia Sport.",
            "Le repreneur s'engage à conserver les 140 salariés du site et à investir 6 millions d'euros dans une nouvelle ligne de production.",
        ],
        crumbs=["Isère", "Chartreuse"], slug="usine-skis", cut=True,
        related="Industrie du ski : la filière iséroise face à la concurrence",
        comment=["Pierrot_SLP", "Ouf, une bonne nouvelle pour la vallée. Mon fils travaille là-bas depuis dix ans."],
    ),
]


# --------------------------------------------------------------------------
# An opinion site: "Par X, professeure de…" on one line, or "La chronique
# de X", a disclaimer, an author box and the author's other columns.
# --------------------------------------------------------------------------

def debat(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Le Débat Public",
            "Idées",
            "Tribunes",
            "Chroniques",
            "Entretiens",
            "Se connecter",
            a["section"],
            a["title"],
            a["lede"],
            a["byline_line"],
            f"Publié le {fr_long(a['date'])} à {14 + i}h05",
            "Partager",
        ]
        lines += a["body"]
        lines += [
            "Les opinions exprimées dans cette tribune n'engagent que leur auteur." if a["section"] == "Tribunes"
            else "Cette chronique est publiée chaque semaine dans Le Débat Public.",
            "L'auteur" if a["male"] else "L'autrice",
            a["bio"],
            "Ses derniers articles",
            a["others"][0],
            a["others"][1],
            "Vous souhaitez réagir ? Proposez votre tribune à la rédaction.",
            "© Le Débat Public 2024",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 2)))
    return pages


DEBAT = [
    article(
        "« La gratuité des transports n'est pas une politique écologique »",
        "Offrir les bus et les tramways ne fait guère baisser l'usage de la voiture, estime l'économiste, qui plaide pour investir d'abord dans la fréquence des lignes.",
        "Hélène Carrasco", "2024-03-11", "Tribunes",
        [
            "Depuis une dizaine d'années, la gratuité des transports publics séduit de nombreux élus. Plus de quarante villes françaises l'ont adoptée, et la question revient à chaque campagne municipale.",
            "Le bilan est pourtant décevant. Dans la plupart des villes concernées, la fréquentation a bien augmenté, mais les nouveaux voyageurs sont surtout d'anciens piétons et cyclistes, non des automobilistes.",
            "Faut-il s'en étonner ? Ce qui retient les habitants de prendre le bus, c'est rarement le prix du ticket. C'est l'attente, l'irrégularité, l'absence de service le soir et le dimanche.",
            "Il faut lire la note de l'observatoire jusqu'au bout pour lire la suite de l'histoire : là où la fréquence a doublé, la part de la voiture a reculé, que le ticket soit payant ou non.",
            "La gratuité coûte cher. Les recettes de billetterie financent souvent un cinquième du fonctionnement des réseaux ; y renoncer, c'est renoncer à de nouvelles lignes.",
            "Offrons d'abord des bus qui passent toutes les dix minutes. Nous parlerons du prix ensuite.",
        ],
        slug="gratuite-transports", male=False,
        byline_line="Par Hélène Carrasco, professeure d'économie à l'université de Bordeaux",
        bio="Hélène Carrasco est professeure d'économie à l'université de Bordeaux. Elle a publié « La Ville sans voiture ? » (Presses du Sud-Ouest, 2022).",
        others=["Le vélo électrique, angle mort des politiques locales", "Pour une tarification sociale des transports"],
    ),
    article(
        "La semaine de quatre jours, un progrès qui reste à inventer",
        "Les expériences menées dans les entreprises montrent des gains réels, mais aussi des écueils que le débat public ignore.",
        "Julien Morvan", "2024-04-17", "Chroniques",
        [
            "Il y a des idées qui reviennent comme les saisons. La semaine de quatre jours en est une. Chaque printemps, une entreprise annonce l'avoir adoptée, et chaque printemps, on nous promet qu'elle va changer le travail.",
            "Les premières études sont encourageantes. Les salariés se disent moins fatigués, l'absentéisme recule, et la productivité ne s'effondre pas.",
            "Mais de quelle semaine parle-t-on ? Quatre jours de sept heures, ou quatre jours de neuf heures et demie ? Dans le second cas, on a surtout comprimé la fatigue.",
            "Par ailleurs, les métiers où l'on peut réorganiser ainsi le temps sont rarement ceux où l'on souffre le plus. L'aide-soignante et le caissier attendront.",
            "Le progrès, s'il vient, viendra de la négociation, métier par métier. Pas d'un slogan.",
        ],
        slug="semaine-quatre-jours", male=True,
        byline_line="La chronique de Julien Morvan",
        bio="Julien Morvan est journaliste et essayiste. Il tient chaque semaine la chronique « Travail » du Débat Public.",
        others=["Télétravail : la fin d'une parenthèse ?", "Ce que les jeunes attendent vraiment du travail"],
    ),
    article(
        "« Les déserts médicaux ne se régleront pas par la contrainte »",
        "Obliger les jeunes médecins à s'installer dans les zones sous-dotées les détournerait de la médecine générale, met en garde la praticienne.",
        "Amélie Fontanel", "2024-05-29", "Tribunes",
        [
            "Chaque fois qu'un rapport sur les déserts médicaux est publié, la même proposition ressurgit : obliger les jeunes médecins à exercer quelques années là où l'on manque de praticiens.",
            "Je comprends la colère des élus et des patients. Dans mon canton, il faut parfois attendre quatre mois pour un rendez-vous chez un ophtalmologiste.",
            "Mais la contrainte aurait un effet prévisible : les étudiants fuiraient la médecine générale pour des spécialités épargnées, ou partiraient exercer dans un pays voisin.",
            "— Vous voulez qu'on vienne ? Donnez-nous des maisons de santé, des collègues, un logement pour nos familles, me disait récemment une interne.",
            "Les territoires qui ont attiré des médecins l'ont fait en construisant ces conditions, patiemment, avec eux.",
        ],
        slug="deserts-medicaux", male=False,
        byline_line="Par Amélie Fontanel, médecin généraliste dans la Creuse",
        bio="Amélie Fontanel est médecin généraliste à Bourganeuf, dans la Creuse, et présidente d'une association de maisons de santé rurales.",
        others=["L'hôpital de proximité, une chance pour les campagnes", "Former plus de médecins ne suffira pas"],
    ),
    article(
        "Ce que les fleuves nous apprennent de la sécheresse",
        "Le débit de la Loire en août dit plus de notre avenir que bien des modèles climatiques.",
        "Julien Morvan", "2024-08-21", "Chroniques",
        [
            "Cet été, à Orléans, on a de nouveau traversé la Loire à pied. Les bancs de sable s'étiraient d'une rive à l'autre, et les enfants y construisaient des châteaux comme à la plage.",
            "Le spectacle a quelque chose de joyeux. Il devrait nous inquiéter.",
            "En cinquante ans, le débit moyen du fleuve en août a diminué d'environ un quart. Les centrales nucléaires qui le bordent doivent parfois réduire leur production pour ne pas trop réchauffer l'eau.",
            "Nous avons longtemps traité l'eau comme une ressource infinie, que l'on pouvait pomper, détourner, stocker à volonté. Les fleuves nous rappellent qu'elle ne l'est pas.",
            "Le partage de l'eau sera l'une des grandes questions politiques des prochaines décennies. Mieux vaut l'ouvrir avant l'été prochain.",
        ],
        slug="fleuves-secheresse", male=True,
        byline_line="La chronique de Julien Morvan",
        bio="Julien Morvan est journaliste et essayiste. Il tient chaque semaine la chronique « Travail » du Débat Public.",
        others=["La semaine de quatre jours, un progrès qui reste à inventer", "Télétravail : la fin d'une parenthèse ?"],
    ),
]


LAYOUTS = {
    "grand-format": (grand_format, GRAND_FORMAT),
    "touchline": (touchline, TOUCHLINE),
    "ledger-wire": (ledger, LEDGER),
    "bitwise-blog": (bitwise, BITWISE),
    "courrier-val": (courrier, COURRIER),
    "debat-public": (debat, DEBAT),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"grand-format", "touchline", "debat-public"}
