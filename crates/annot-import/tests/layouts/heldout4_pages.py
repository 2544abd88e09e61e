"""The fourth held-out set of the layout sample: six kinds of site that the
twenty-four earlier layouts do not have, written at main commit 1aa8dd8,
before any change to the importer in the fourth round, without reading the
zoner's rules, and only ever scored as a whole. `make_pages.py` writes them
into `heldout4/` with the rest.

The gold follows the earlier sets: intertitles inside the article are body;
captions, credits, share bars, related links and rails, newsletter and
subscription boxes, comments, bios, source lists and site notes are not. New
conventions of this set:

- A list of "Key points" bullets between the standfirst and the text (the
  finance site) is neither body nor lede: the lede is the standfirst above
  it, and the body starts with the first paragraph of the text.
- A fact-check's claim box ("L'affirmation", the claim quoted, where it
  circulated, "Notre verdict : Faux") is a summary box, not body.
- A review's star rating ("★★★★☆"), its information box ("Director:",
  "Cast:", "Running time:", …) and a showtimes box are not body.
- A radio page's transcript lines ("Name : what they said") and the host's
  questions in dialogue dashes are body: they are the text of the piece.
- The kicker of a tabloid headline (a short line in capitals above it) is
  neither title nor section; the section is the line of the menu path above
  it. A tabloid byline "By X FOR CLARIONONLINE" or "By X, CHIEF REPORTER"
  is the name as written ("X", in capitals); a staff byline "By CLARION
  REPORTER" is that line without "By", as an agency-only byline is.
- A Belgian date written with a two-digit year ("Publié le 12/03/24 à
  18:02") is the date of that publication, and a "Mis à jour le …" put
  before it does not change the date (the first publication).
- A page cut by a paywall has as its body the paragraphs shown above the
  prompt.

Every article, name, place of event, quote and figure is invented for this
project; the sites are fictional.
"""

from datetime import date, timedelta

from make_pages import EN_MONTHS, EN_SHORT, FR_MONTHS, Page, article, fr_long, interleave, ymd

EN_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]


def next_day(iso):
    return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()


def dmy2(iso):
    """12/03/24: day, month and a two-digit year."""
    y, m, d = ymd(iso)
    return f"{d:02}/{m:02}/{y % 100:02}"


def weekday(iso):
    return date.fromisoformat(iso).weekday()


# --------------------------------------------------------------------------
# A Belgian regional daily: the section as a kicker, "Lu 2 347 fois" under
# the headline, a caption credited "© Belga", "Mis à jour le … - Publié le …"
# (the update first), "Partager sur Facebook", a "Lire aussi" heading with
# a link inside the body, "Sur le même sujet" and "Les plus lus".
# --------------------------------------------------------------------------

def gazette(arts):
    pages = []
    for i, a in enumerate(arts):
        pub = f"{dmy2(a['date'])} à {a['time']}"
        upd = f"{dmy2(next_day(a['date']))} à 09:14"
        lines = [
            "La Gazette de Meuse",
            "Se connecter",
            "S'abonner",
            "Régions Belgique Monde Sports Économie Culture Mon quartier",
            "Accueil",
            a["section"],
            a["title"],
            f"Lu {a['reads']} fois",
            a["lede"],
            f"{a['caption']} © Belga",
            a.get("byline_line", f"Par {a['byline']}"),
        ]
        if i == 1:
            lines.append(f"Mis à jour le {upd} - Publié le {pub}")
        elif i == 2:
            lines += [f"Modifié le {upd}", f"Publié le {pub}"]
        else:
            lines.append(f"Publié le {pub}")
        lines += ["Partager sur Facebook", "Partager sur X", "Envoyer par e-mail"]
        lines += interleave(a["body"], {
            1: ["Lire aussi", a["related"][0]],
            3: ["Publicité"],
        })
        lines += [
            "Partager sur Facebook",
            "Partager sur X",
            "Sur le même sujet",
            a["related"][1],
            a["related"][2],
            "Les plus lus",
            a["related"][3],
            "Nos dernières vidéos",
            "Newsletter",
            "Recevez chaque matin l'essentiel de l'info de votre région",
            "Je m'inscris",
            "© La Gazette de Meuse 2024 - Tous droits réservés",
            "Conditions générales · Vie privée · Gestion des cookies",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 2), crlf=(i == 3)))
    return pages


NAVETTES = "La commune publiera les horaires des navettes sur son site internet dans le courant de la semaine."

GAZETTE = [
    article(
        "Ondreval : le pont de la Fagne fermé trois mois pour travaux",
        "Le vieil ouvrage sur la Meuse sera interdit à toute circulation dès le 2 avril. Une déviation de onze kilomètres est prévue.",
        "Nathalie Dewandre", "2024-03-12", "Basse-Meuse",
        [
            "C'est un chantier que les habitants d'Ondreval redoutaient depuis des années. À partir du 2 avril, le pont de la Fagne, construit en 1958, sera fermé à la circulation pendant trois mois.",
            "Les inspections menées l'an dernier ont révélé une corrosion avancée de plusieurs câbles de précontrainte. Le Service public de Wallonie a chiffré les travaux à 4,2 millions d'euros.",
            "« On n'avait plus le choix. Attendre, c'était prendre un risque », résume le bourgmestre, Didier Lemaître.",
            "Pour les quelque septante-cinq mille véhicules qui empruntent le pont chaque semaine, une déviation sera balisée par Hervelange et le pont de Saint-Aubert. Elle allonge le trajet de onze kilomètres.",
            "Par ailleurs, deux navettes gratuites relieront la gare d'Ondreval au zoning de Visart aux heures de pointe.",
            NAVETTES,
            "Les commerçants de la rive droite, eux, craignent une chute de leur chiffre d'affaires.",
        ],
        slug="pont-fagne", reads="2 347", time="18:02",
        caption="Le pont de la Fagne, sur la Meuse, a été construit en 1958.",
        related=["Travaux : les chantiers qui vont perturber la circulation ce printemps",
                 "Le SPW promet un plan pour les ponts de la Meuse",
                 "Ondreval : le marché du dimanche déménage",
                 "Un camion se renverse sur l'autoroute près de Visart"],
    ),
    article(
        "Le carnaval de Herbiseux aura bien lieu, malgré la pluie annoncée",
        "Les organisateurs ont renoncé à reporter le cortège. Quarante-deux groupes et près de nonante chars sont attendus dimanche.",
        "Julien Hardy et Sophie Noirhomme", "2024-02-09", "Ardennes",
        [
            "Il y aura des parapluies, mais il y aura un cortège. Le comité du carnaval de Herbiseux a tranché jeudi soir : la 61e édition se tiendra dimanche, comme prévu, quelles que soient les prévisions.",
            "— Reporter, c'est perdre la moitié des groupes, qui ont d'autres sorties les semaines suivantes, explique le président du comité, Marcel Gérard.",
            "Quarante-deux sociétés et près de nonante chars défileront à partir de 14 h 30 entre la place du Perron et le quartier de la gare.",
            "La zone de police a prévu un dispositif renforcé. Le centre sera fermé à la circulation de 11 h à 21 h.",
            "Ceux qui veulent tout savoir du parcours peuvent lire aussi le programme distribué dans les boîtes aux lettres, qui détaille les haltes des Gilles.",
            NAVETTES,
            "Le rondeau final est prévu vers 19 h.",
        ],
        slug="carnaval-herbiseux", reads="5 118", time="17:26",
        byline_line="Par Julien Hardy et Sophie Noirhomme",
        caption="Le cortège de 2023, sous le soleil.",
        related=["Carnaval : le calendrier des cortèges de la région",
                 "À Herbiseux, les Gilles préparent leurs chapeaux",
                 "Météo : un week-end gris et humide",
                 "Ardennes : la N4 fermée une nuit à Vaux-le-Roc"],
    ),
    article(
        "Une brasserie de Saint-Aubert-lez-Meuse rachetée par ses ouvriers",
        "Les dix-neuf salariés de la brasserie du Vieux Moulin reprennent l'entreprise sous la forme d'une coopérative.",
        "Thomas Lambotte", "2024-02-04", "Économie",
        [
            "La brasserie du Vieux Moulin ne fermera pas. Menacés de licenciement après le départ à la retraite du patron, ses dix-neuf ouvriers ont décidé de reprendre eux-mêmes l'entreprise.",
            "La coopérative a réuni 640 000 euros, dont un tiers apporté par les salariés et le reste par un fonds régional et quatre cent douze coopérateurs du village.",
            "« Quand on nous a annoncé la vente, on s'est regardés et on s'est dit : pourquoi pas nous ? », raconte le maître brasseur, Arnaud Wéry.",
            "Fondée en 1921, la brasserie produit chaque année 9 000 hectolitres de bière, dont la fameuse triple du Moulin.",
            "Le nouveau conseil d'administration a été élu samedi.",
            "Par ailleurs, la coopérative espère ouvrir une salle de dégustation au printemps 2025.",
        ],
        slug="brasserie-cooperative", reads="1 904", time="21:15",
        caption="Les ouvriers de la brasserie, samedi, lors de l'assemblée.",
        related=["Les coopératives séduisent de plus en plus d'entrepreneurs wallons",
                 "Saint-Aubert-lez-Meuse : la Fête de la bière revient en août",
                 "Brasseries : la hausse du prix du verre inquiète",
                 "Un nouveau directeur pour l'hôpital de Visart"],
    ),
    article(
        "À Visart, l'école du Tilleul manque de places et refuse des élèves",
        "Trente-huit enfants n'ont pas obtenu de place en première primaire pour la rentrée. Les parents se mobilisent.",
        "Nathalie Dewandre", "2024-04-19", "Basse-Meuse",
        [
            "Ils étaient une soixantaine, jeudi soir, devant les grilles de l'école du Tilleul. Des parents venus dire leur colère après avoir appris que leur enfant n'y aurait pas de place en septembre.",
            "L'école, qui compte cinq classes par année, a reçu cette année 163 demandes pour 125 places.",
            "— On habite à trois cents mètres. On nous propose une école à six kilomètres, s'étrangle Leïla Benali, mère de jumeaux.",
            "L'échevine de l'Enseignement, Françoise Collard, promet l'ouverture d'une classe supplémentaire dans des modules provisoires.",
            "Cela ne suffira pas.",
            "Les parents ont lancé une pétition, qui a recueilli plus de mille signatures en deux jours.",
        ],
        slug="ecole-tilleul", reads="3 660", time="06:30",
        caption="Devant l'école du Tilleul, jeudi soir.",
        related=["Inscriptions scolaires : les écoles saturées en Basse-Meuse",
                 "Enseignement : la réforme des rythmes scolaires, un an après",
                 "Visart : le parc des Houillères rouvre ses portes",
                 "Basse-Meuse : un incendie détruit un hangar agricole"],
    ),
]


# --------------------------------------------------------------------------
# An English tabloid site: an ALL-CAPS kicker over a long headline, "By X
# FOR CLARIONONLINE", "Published: 10:02 EDT, 4 March 2024 | Updated: …",
# "View comments", picture captions and "Advertisement" inside the body, a
# related-articles carousel, "Share or comment on this article:", a long
# "Comments" block and "MOST READ NEWS".
# --------------------------------------------------------------------------

def clarion(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        uy, um, ud = ymd(a.get("updated", a["date"]))
        lines = [
            "Clarion Online",
            "Home | News | Sport | TV&Showbiz | Femail | Money | Travel | Health",
            "Login",
            a["section"],
            a["kicker"],
            a["title"],
            a["byline_line"],
            f"Published: {a['time']} EDT, {d} {EN_MONTHS[m - 1]} {y} | Updated: {a['utime']} EDT, {ud} {EN_MONTHS[um - 1]} {uy}",
            f"View comments ({a['comments']})",
            f"{a['shares']} shares",
        ]
        lines += interleave(a["body"], {
            1: [a["captions"][0]],
            3: ["Advertisement", "RELATED ARTICLES", "Previous", "1", "2", "Next",
                a["related"][0], a["related"][1], "Share this article", "Share"],
            5: [a["captions"][1]],
        })
        lines += [
            "Share or comment on this article:",
            a["title"],
            "Comments " + str(a["comments"]),
            "Share what you think",
            "The comments below have not been moderated.",
            "The views expressed in the contents above are those of our users and do not necessarily reflect the views of ClarionOnline.",
            "Newest",
            "Oldest",
            "Best rated",
            "Worst rated",
        ]
        for who, text, votes in a["thread"]:
            lines += [who, text, "Click to rate", str(votes)]
        lines += [
            "View all",
            "Add your comment",
            "MOST READ NEWS",
            a["related"][2],
            a["related"][3],
            "Part of the Clarion Group",
            "Published by Associated Clarion Ltd",
            "© Associated Clarion Ltd",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1)))
    return pages


CLARION = [
    article(
        "Grandmother, 78, who has kept the same allotment for 52 years is told to hand it back because her marrows are 'too big' and block her neighbours' light",
        None, "TOM HARGREAVE", "2024-03-04", "News",
        [
            "A grandmother who has tended the same allotment for more than half a century has been ordered to give it up after neighbours complained that her prize marrows were casting shade over their plots.",
            "Dorothy Pell, 78, was sent a letter by Wickhollow Allotment Society giving her 28 days to clear plot 14 or face eviction.",
            "'I have grown marrows on that patch since 1972. Nobody ever said a word,' she told ClarionOnline.",
            "The society says the giant vegetables, some longer than a metre, broke its rule on 'structures and crops exceeding reasonable height'.",
            "Mrs Pell, who has won the county show's marrow class eleven times, said she was heartbroken.",
            "Neighbours who read more than the first line of the letter were baffled, her son Gary, 51, said.",
            "The society's chairman did not respond to requests for comment.",
            "A petition to let her stay has gathered 3,400 signatures.",
        ],
        slug="allotment-marrows", kicker="MARROW ESCAPE", time="10:02", utime="12:40",
        byline_line="By TOM HARGREAVE FOR CLARIONONLINE", comments=214, shares="1.2k",
        captions=["Dorothy Pell, 78, on plot 14 in Wickhollow, where she has grown marrows since 1972",
                  "One of Mrs Pell's marrows, which measured 1.3 metres at last year's county show"],
        related=["Council bans garden gnomes from cemetery after 'complaints'",
                 "Pensioner, 91, wins fight to keep 40-year-old hedge",
                 "Man finds 200-year-old coin while digging vegetable patch",
                 "Village fete cancelled after row over raffle prize"],
        thread=[("Bazza_77, Doncaster, United Kingdom, 2 hours ago", "Leave the poor woman alone. Some people have nothing better to do.", 412),
                ("greenfingers, Wickhollow, 2 hours ago", "I have the plot next door. Lovely lady, but those marrows really are enormous.", 87),
                ("JulieB, Spain, 3 hours ago", "Jealousy, pure and simple.", 301)],
    ),
    article(
        "Holidaymakers stranded for 19 HOURS at Bramport airport after their plane's door 'would not close' - and were given a single £5 voucher each",
        None, "BETHAN CROWE", "2024-05-17", "Travel",
        [
            "Furious holidaymakers were left stranded overnight at Bramport airport after a fault with their plane's door delayed their flight to Tenerife by 19 hours.",
            "More than 180 passengers were due to leave at 6.15am on Thursday but did not take off until 1.20am on Friday.",
            "'We were told every hour that it would be another hour,' said Karen Whitlock, 44, who was travelling with her husband and two daughters.",
            "Passengers say they were given one £5 food voucher each, which bought a sandwich at the terminal's only open cafe.",
            "Some families slept on the floor by the gate.",
            "The airline, Solvane Air, said the door seal had to be replaced and a part flown in from Manchester.",
            "'Safety will always come first. We apologise to our customers and they will be compensated in line with the regulations,' a spokesman said.",
            "Under UK rules, passengers delayed by more than four hours on flights of this length can claim £400 each.",
        ],
        slug="airport-door-delay", kicker="DOOR-MAGEDDON", time="23:48", utime="09:15", updated="2024-05-18",
        byline_line="By BETHAN CROWE, CHIEF TRAVEL REPORTER", comments=96, shares="318",
        captions=["Passengers sleeping by gate 9 at Bramport airport in the early hours of Friday",
                  "Karen Whitlock, 44, with her daughters Amy, 12, and Rose, 9, after the flight finally landed"],
        related=["Tourists hit with £200 fines for wearing flip-flops while driving abroad",
                 "Airline cancels 40 flights after IT failure",
                 "Pilot's announcement leaves passengers in stitches",
                 "Cruise ship leaves without 12 passengers who were late back"],
        thread=[("SkyHigh, Leeds, 5 hours ago", "Happened to us last year with the same airline. Never again.", 145),
                ("Mike T, Bramport, 6 hours ago", "A £5 voucher? That buys you half a coffee at that airport.", 522),
                ("sensible_sue, Kent, 6 hours ago", "I would rather wait 19 hours than fly with a door that does not close.", 690)],
    ),
    article(
        "Pub landlord is told to take down his 'famous' painted sign after artist's family claim copyright - 30 years after it was put up",
        None, "LIAM OKONJO and PRIYA DASWANI", "2024-07-09", "News",
        [
            "A pub landlord has been told to take down the painted sign that has hung outside his village inn for 30 years, after the family of the artist who made it claimed copyright.",
            "The sign at the Wheatsheaf in Little Harrowmere shows a farmer asleep under a haystack and has become a local landmark.",
            "It was painted in 1994 by the late Reg Tolley, a signwriter from the next village, for a fee of £120 and 'a pint every Friday'.",
            "Now his grandchildren say the pub has been using the image on T-shirts, mugs and its website without permission.",
            "'We do not want money. We want Grandad's name on it,' said his granddaughter, Hayley Tolley, 33.",
            "Landlord Phil Ormsby, 62, said he was happy to share the credit but could not afford a legal fight.",
            "A copyright lawyer told ClarionOnline that an artist's rights in a painting last for 70 years after their death.",
            "The two sides are due to meet next week.",
        ],
        slug="pub-sign-copyright", kicker="SIGN OF THE TIMES", time="14:31", utime="16:02",
        byline_line="By LIAM OKONJO and PRIYA DASWANI", comments=57, shares="904",
        captions=["The Wheatsheaf's sign, painted in 1994, shows a farmer asleep under a haystack",
                  "Landlord Phil Ormsby outside the Wheatsheaf in Little Harrowmere on Monday"],
        related=["Village pub named best in Britain for the third time",
                 "Landlord bans customers from talking about football",
                 "Brewery to close 30 pubs in the Midlands",
                 "Couple find Victorian bottles under their kitchen floor"],
        thread=[("oldsoak, Northampton, 1 hour ago", "I have drunk under that sign for 25 years. Leave it where it is.", 233),
                ("Hayley T, Little Harrowmere, 1 hour ago", "All we asked for was his name on the mugs. That is all.", 301),
                ("LawStudent99, London, 2 hours ago", "The family is right about the law, for what it is worth.", 44)],
    ),
    article(
        "Mystery as hundreds of yellow rubber ducks wash up on Saltby beach - and nobody knows where they came from",
        None, "CLARION REPORTER", "2024-08-21", "News",
        [
            "Hundreds of yellow rubber ducks have washed up on a beach in North Yorkshire, leaving locals baffled.",
            "Dog walkers found the first of them on Saltby sands at dawn on Tuesday.",
            "By lunchtime, volunteers had collected more than 700.",
            "'It was like a carpet of yellow along the tideline,' said Ian Buckle, 58, who runs the beach cafe.",
            "The ducks carry no markings, and coastguards said no container was reported lost at sea this week.",
            "Some have been handed out to children, and the rest will be sold for the lifeboat station.",
            "Locals who want to share their photographs have been asked to post them on the village's community page.",
        ],
        slug="rubber-ducks", kicker="QUACKERS!", time="08:05", utime="11:47",
        byline_line="By CLARION REPORTER", comments=38, shares="2.4k",
        captions=["Rubber ducks on Saltby sands at dawn on Tuesday",
                  "Ian Buckle, 58, with a bucket of ducks outside his beach cafe"],
        related=["Seal pup found asleep in family's garden",
                 "Beach closed after 'giant jellyfish' sighting",
                 "Ice cream van owner rings chimes at 6am",
                 "Fishermen land 'monster' cod off Saltby Ness"],
        thread=[("yorkshirelass, Scarborough, 30 minutes ago", "Brilliant. Best news story I have read all week.", 88),
                ("Quackers, Hull, 1 hour ago", "Someone will be missing a very large bath.", 140)],
    ),
]


# --------------------------------------------------------------------------
# An English business and finance site: "Key points" bullets under the
# standfirst, "By X, Economics Editor", "Published Thu, Mar 14 2024 6:00 AM
# EDT", "Listen to this article · 5 min", a chart title and source inside
# the body, a newsletter box inside the body, a paywall fade on two pages.
# --------------------------------------------------------------------------

def tallis(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        wd = EN_WEEKDAYS[weekday(a["date"])][:3]
        lines = [
            "Tallis",
            "Markets Companies Economy Tech Personal Finance Opinion",
            "Subscribe",
            "Sign in",
            a["section"],
            a["title"],
            a["lede"],
            "Key points",
        ]
        lines += [f"• {k}" for k in a["key"]]
        lines += [
            a["byline_line"],
            f"Published {wd}, {EN_SHORT[m - 1]} {d} {y} {a['time']} EDT",
        ]
        if a.get("updated"):
            u = a["updated"]
            uy, um, ud = ymd(u)
            lines.append(f"Updated {EN_WEEKDAYS[weekday(u)][:3]}, {EN_SHORT[um - 1]} {ud} {uy} 9:31 AM EDT")
        lines += [f"Listen to this article · {a['listen']} min", "Gift this article"]
        if a.get("cut"):
            lines += interleave(a["body"], {1: [a["chart"][0], a["chart"][1]]})
            lines += [
                "Subscribe to keep reading",
                "Get unlimited access to Tallis journalism for $1 a week for your first three months. Cancel anytime.",
                "Subscribe now",
                "Already a subscriber? Sign in",
            ]
        else:
            lines += interleave(a["body"], {
                1: [a["chart"][0], a["chart"][1]],
                3: ["Sign up for the Morning Tally newsletter",
                    "The day's market moves, before the opening bell. Delivered weekdays.",
                    "Sign up"],
            })
            lines += ["Copyright Tallis Media Inc. 2024. All rights reserved."]
        lines += [
            "More on this story",
            a["related"][0],
            a["related"][1],
            "Read next",
            a["related"][2],
            "Tallis Media",
            "Terms of Service · Privacy Policy · Cookie settings · Accessibility",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 0)))
    return pages


FED = "Central bank officials next meet on April 30 and May 1."

TALLIS = [
    article(
        "Harwick Foods shares slump after grocer warns on margins",
        "The supermarket chain blamed price cuts and higher wages for a profit outlook well below analysts' forecasts.",
        "Naomi Strand", "2024-03-14", "Companies",
        [
            "Shares of Harwick Foods fell 11% on Thursday, their steepest one-day drop in four years, after the grocer said its operating margin would shrink this year as it keeps cutting prices to win back shoppers.",
            "The company now expects operating profit of $1.1 billion to $1.2 billion in 2024, against the $1.45 billion analysts had expected, according to Tallis Data.",
            "Chief executive Maren Oduya told analysts that the price cuts had brought customers back. \"Traffic is up in every region. We are buying that growth, and we know it,\" she said.",
            "By contrast, rival Pellam Markets raised its forecast last week, saying it had held prices while cutting costs in its distribution centers.",
            "Harwick also said wages for store staff would rise by an average of 4.5% from April.",
            "Some investors were unconvinced. \"A price war is the one fight a grocer never wins,\" said Lionel Acheson, a portfolio manager at Brackley Capital, which owns Harwick shares.",
            FED,
        ],
        slug="harwick-margins", time="6:00 AM", listen=5,
        byline_line="By Naomi Strand",
        key=["Harwick Foods expects 2024 operating profit of $1.1 billion to $1.2 billion.",
             "The shares had their worst day since 2020.",
             "Rival Pellam Markets raised its outlook last week."],
        chart=["Chart: Harwick Foods shares since January", "Source: Tallis Data"],
        related=["Why grocers are cutting prices again", "Pellam Markets raises its profit forecast",
                 "The week ahead: inflation figures and bank earnings"],
    ),
    article(
        "Inflation cools to 2.9% but services prices stay sticky",
        "Consumer prices rose less than expected in March, though rents and insurance kept climbing.",
        "Felix Obi", "2024-04-10", "Economy",
        [
            "Consumer prices rose 2.9% in March from a year earlier, down from 3.1% in February and slightly below economists' forecasts, the Labor Department said on Wednesday.",
            "The cooling came mostly from goods. Prices of used cars fell 1.8% over the month, and furniture was cheaper for a sixth month in a row.",
            "Services were another story. Rents rose 0.4% and car insurance 1.1%, keeping so-called core services inflation near 5%.",
            "\"The last mile was always going to be the hardest,\" said Dana Whitcombe, chief economist at Orrin Partners.",
            "Futures markets now price two rate cuts this year, down from six in January.",
            FED,
        ],
        slug="inflation-march", time="8:45 AM", listen=4, cut=True,
        byline_line="By Felix Obi, Economics Editor",
        key=["Annual inflation eased to 2.9% in March.",
             "Rents and insurance are still rising quickly.",
             "Traders expect two rate cuts in 2024."],
        chart=["Chart: Consumer prices, change from a year earlier", "Source: Labor Department via Tallis Data"],
        related=["What sticky services inflation means for rates", "Car insurance costs: why they keep rising",
                 "Markets live: stocks slip after inflation data"],
    ),
    article(
        "Corvane Grid and Aldmoor Power agree $8 billion merger",
        "The deal would create the third-largest electricity network operator in the country, if regulators let it through.",
        "Naomi Strand and Felix Obi", "2024-06-03", "Companies",
        [
            "Corvane Grid agreed on Monday to buy Aldmoor Power for about $8 billion in cash and shares, in a deal that would put power lines serving 9 million customers under one owner.",
            "Aldmoor shareholders will receive $41 a share, a 23% premium to Friday's closing price. Corvane will fund the cash portion with new debt.",
            "The companies said the merger would save $350 million a year by 2027, mostly by combining control rooms and purchasing.",
            "Consumer groups said they would oppose the deal. \"Savings for shareholders have a way of never reaching the bill,\" said Ruth Amankwah of the Ratepayers' Alliance.",
            "The merger needs the approval of regulators in four states, which could take up to 18 months.",
            "Corvane shares fell 3% and Aldmoor shares rose 19%.",
            "Readers who share the worries of the consumer groups will find little comfort in the filings, which promise no freeze in rates.",
        ],
        slug="corvane-aldmoor", time="7:10 AM", listen=6, updated="2024-06-04",
        byline_line="By Naomi Strand and Felix Obi",
        key=["Corvane Grid will pay $41 an Aldmoor share, a 23% premium.",
             "The companies expect $350 million in yearly savings.",
             "Four state regulators must approve the deal."],
        chart=["Chart: The largest electricity network operators, by customers", "Source: company filings"],
        related=["Utilities: the merger wave returns", "How state regulators review power deals",
                 "Aldmoor Power names new chief financial officer"],
    ),
    article(
        "Singapore's Kestrel Bank to cut 1,200 jobs as it moves branches online",
        "The lender will close a third of its branches over two years and put the savings into its app.",
        "Grace Whitlow", "2024-09-18", "Companies",
        [
            "Kestrel Bank, Singapore's fourth-largest lender, said on Wednesday that it would cut about 1,200 jobs, or 9% of its staff, and close 31 of its 94 branches by the end of 2026.",
            "The bank said four in five of its customers' transactions now happen on their phones.",
            "\"A branch that sees twelve customers a day is not a service, it is a cost,\" chief executive Ho Wei Lin said.",
            "The bank expects the changes to cost S$140 million this year and to save S$210 million a year from 2027.",
            "Unions said they would seek talks on redeployment.",
        ],
        slug="kestrel-branches", time="5:30 AM", listen=4, cut=True,
        byline_line="By Grace Whitlow in Singapore",
        key=["Kestrel Bank will close 31 of its 94 branches.",
             "About 1,200 jobs will go by the end of 2026.",
             "The bank expects S$210 million a year in savings."],
        chart=["Chart: Kestrel Bank's branches and app users", "Source: Kestrel Bank annual reports"],
        related=["Asian banks race to close branches", "Singapore's lenders report record profits",
                 "The end of the bank branch?"],
    ),
]


# --------------------------------------------------------------------------
# A French fact-checking site: a claim box ("L'affirmation", the claim, where
# it circulated, "Notre verdict : Faux"), intertitles inside the text,
# "À lire aussi", a "Sources :" list, a call for tips, the method.
# --------------------------------------------------------------------------

def decodage(arts):
    pages = []
    for i, a in enumerate(arts):
        lines = [
            "Décodage",
            "Le site de vérification de l'information",
            "Accueil",
            "Nos vérifications",
            "Notre méthode",
            "Nous contacter",
            "Faire un don",
            a["section"],
            a["title"],
            a["lede"],
            f"Par {a['byline']}",
        ]
        pub = f"Publié le {fr_long(a['date'])} à {a['time']}"
        if a.get("updated"):
            pub += f", modifié le {fr_long(a['updated'])} à 09h05"
        lines.append(pub)
        lines += [
            "L'affirmation",
            a["claim"][0],
            a["claim"][1],
            f"Notre verdict : {a['verdict']}",
        ]
        lines += interleave(a["body"], {a["see_at"]: ["À lire aussi", a["related"][0]]})
        lines += ["Sources :"] + a["sources"]
        lines += [
            "Vous avez repéré une information douteuse ? Signalez-la-nous, nous la vérifierons.",
            "Comment nous travaillons : notre méthode de vérification",
            "Partager :",
            "Facebook",
            "X",
            "WhatsApp",
            "Nos dernières vérifications",
            a["related"][1],
            a["related"][2],
            "© Décodage 2024 - Association loi 1901",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, crlf=(i == 1), cp1252=(i == 3)))
    return pages


DECODAGE = [
    article(
        "Non, la commune de Brenaguet n'a pas interdit les barbecues dans les jardins",
        "Une publication largement partagée affirme qu'un arrêté municipal interdit toute cuisson en plein air jusqu'à l'automne. C'est faux : l'arrêté vise les forêts et les terrains non bâtis.",
        "Inès Marchal", "2024-06-12", "Société",
        [
            "« Plus de grillades cet été à Brenaguet ! » Depuis le 8 juin, une capture d'écran d'un prétendu arrêté circule sur Facebook et dans des groupes de discussion de la région.",
            "Selon le texte, le maire aurait interdit « tout barbecue, y compris dans les propriétés privées », sous peine d'une amende de 135 euros.",
            "Ce que dit vraiment l'arrêté",
            "L'arrêté existe bien. Signé le 3 juin par le maire, Gérard Vidalenc, il interdit l'usage du feu, barbecues compris, dans les bois, les landes et les terrains non bâtis situés à moins de deux cents mètres d'une forêt.",
            "Les jardins des maisons ne sont pas concernés, sauf s'ils jouxtent un massif forestier.",
            "— On a reçu des dizaines d'appels de gens inquiets pour leur fête des voisins, nous a expliqué la secrétaire de mairie.",
            "D'où vient la confusion ?",
            "La capture d'écran reprend un passage de l'arrêté en supprimant la mention des zones concernées. Il suffisait de lire aussi le deuxième article du texte, affiché en mairie et sur le site de la commune, pour s'en rendre compte.",
            "Par ailleurs, le montant de l'amende cité ne figure nulle part dans l'arrêté.",
        ],
        slug="barbecues-brenaguet", time="14h20", see_at=4, verdict="Faux",
        claim=["« La mairie de Brenaguet interdit les barbecues, même dans votre jardin, jusqu'au 30 septembre. »",
               "Publication Facebook du 8 juin 2024, partagée plus de 4 000 fois"],
        sources=["Arrêté municipal n° 2024-41 de la commune de Brenaguet, 3 juin 2024",
                 "Échange avec la mairie de Brenaguet, 11 juin 2024",
                 "Préfecture, carte des massifs classés à risque d'incendie"],
        related=["Incendies : ce que dit la loi sur le débroussaillement", "Non, cette photo d'un feu de forêt n'a pas été prise cet été",
                 "Cette vidéo d'un orage de grêle date de 2019"],
    ),
    article(
        "Les médecins généralistes gagnent-ils vraiment 12 000 euros par mois ?",
        "Un chiffre repris par un élu local lors d'un débat télévisé mélange chiffre d'affaires et revenu. Après charges, un généraliste gagne en moyenne moins de la moitié.",
        "Romain Saulnier", "2024-03-05", "Santé",
        [
            "Le chiffre a fait bondir les internautes. Lors d'un débat diffusé le 28 février sur une chaîne locale, un conseiller départemental a affirmé que « les généralistes gagnent 12 000 euros par mois, et ils se plaignent ».",
            "Contacté, l'élu nous a indiqué tenir ce chiffre « d'un article de presse », sans pouvoir préciser lequel.",
            "Un chiffre d'affaires, pas un revenu",
            "Selon les dernières données de l'assurance maladie, les honoraires perçus par un généraliste libéral s'élevaient en moyenne à 148 000 euros sur l'année, soit un peu plus de 12 000 euros par mois.",
            "Mais ces honoraires ne sont pas un salaire. Il faut en retirer le loyer du cabinet, le secrétariat, le matériel et les cotisations sociales, qui représentent ensemble près de la moitié de la somme.",
            "Le revenu moyen d'un généraliste, une fois ces frais payés, tourne autour de 5 800 euros nets par mois, avant impôt.",
            "« Comparer des honoraires à un salaire, c'est comparer le chiffre d'affaires d'une boulangerie à la paie du boulanger », résume l'économiste de la santé Pauline Ferrat.",
            "Les écarts sont grands d'un médecin à l'autre.",
        ],
        slug="revenus-generalistes", time="11h45", updated="2024-03-06", see_at=3, verdict="Trompeur",
        claim=["« Les généralistes gagnent 12 000 euros par mois, et ils se plaignent. »",
               "Débat télévisé du 28 février 2024, repris sur X et Facebook"],
        sources=["Assurance maladie, données sur les honoraires des médecins libéraux",
                 "Entretien avec Pauline Ferrat, 4 mars 2024"],
        related=["Déserts médicaux : combien de Français n'ont pas de médecin traitant ?", "Non, les pharmacies ne vont pas fermer le samedi",
                 "Le prix de la consultation a-t-il doublé en dix ans ?"],
    ),
    article(
        "Cette photo d'une rivière asséchée ne montre pas la Sauldre cet été",
        "L'image, présentée comme prise il y a quelques jours, date de 2019 et a été prise en Espagne.",
        "Inès Marchal", "2024-08-07", "Environnement",
        [
            "Un lit de rivière craquelé, quelques barques échouées et un pont de pierre. La photo est partagée depuis dimanche avec la légende « La Sauldre, ce matin. Du jamais vu ».",
            "Une recherche d'image inversée permet de retrouver la photo dans une banque d'images, où elle a été déposée en septembre 2019. Sa légende d'origine la situe sur un affluent de l'Èbre, en Espagne.",
            "Le pont visible au second plan ne ressemble à aucun des ouvrages qui franchissent la Sauldre.",
            "La rivière est pourtant basse",
            "Si la photo est trompeuse, la sécheresse est bien réelle. Le débit de la Sauldre était mesuré lundi à 1,9 mètre cube par seconde, contre 4,6 en moyenne à cette période de l'année.",
            "La préfecture a placé le bassin en alerte renforcée le 2 août.",
            "Partager une image de ce genre sans vérifier son origine contribue à brouiller le débat, rappellent les hydrologues que nous avons interrogés.",
        ],
        slug="photo-sauldre", time="16h05", see_at=2, verdict="Faux",
        claim=["« La Sauldre, ce matin. Du jamais vu. »",
               "Photo partagée sur Facebook et Instagram depuis le 4 août 2024"],
        sources=["Banque d'images, fiche de la photo déposée le 12 septembre 2019",
                 "Banque hydrométrique, station de mesure de la Sauldre",
                 "Arrêté préfectoral de restriction des usages de l'eau, 2 août 2024"],
        related=["Sécheresse : comment vérifier une photo qui circule", "Non, l'eau du robinet ne sera pas coupée la nuit",
                 "Cette carte des nappes phréatiques est-elle juste ?"],
    ),
    article(
        "Une taxe sur les chiens va-t-elle être créée en 2025 ?",
        "Une vidéo affirme que les propriétaires de chiens devront payer 90 euros par an. Aucun texte ne le prévoit.",
        "Romain Saulnier", "2024-10-22", "Politique",
        [
            "« Préparez vos portefeuilles : 90 euros par chien dès janvier ! » La vidéo, publiée le 17 octobre sur TikTok, a été vue plus de 600 000 fois.",
            "Son auteur affirme qu'un amendement au projet de budget créera une taxe annuelle sur les chiens, sur le modèle de celles qui existent dans certains pays voisins.",
            "Aucun amendement en ce sens",
            "Nous avons consulté les amendements déposés sur le projet de loi de finances. Aucun ne prévoit de taxe sur les animaux de compagnie.",
            "Une telle taxe a pourtant existé en France : instaurée en 1855, elle a été supprimée en 1971.",
            "— Cette rumeur revient à chaque automne, comme les feuilles mortes, s'amuse un collaborateur parlementaire.",
            "Par ailleurs, le montant de 90 euros ne correspond à aucune proposition connue.",
        ],
        slug="taxe-chiens", time="10h30", see_at=3, verdict="Faux",
        claim=["« Dès janvier, 90 euros par an et par chien. »",
               "Vidéo TikTok du 17 octobre 2024, vue plus de 600 000 fois"],
        sources=["Assemblée nationale, amendements au projet de loi de finances pour 2025",
                 "Archives législatives sur la taxe sur les chiens (1855-1971)"],
        related=["Non, le permis de conduire ne devra pas être repassé à 70 ans", "Les impôts locaux vont-ils augmenter de 10 % ?",
                 "Cette carte des radars est-elle à jour ?"],
    ),
]


# --------------------------------------------------------------------------
# An English culture site's reviews: a "Review" badge, a star rating, an
# information box (director, cast, running time; or venue and dates), a
# showtimes box on the film pages, "More reviews", a share line.
# --------------------------------------------------------------------------

def stalls(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        lines = [
            "The Stalls",
            "Film | Theatre | Music | Books | Listings",
            "Newsletter",
            a["section"],
            "Review",
            a["title"],
            a["stars"],
            a["lede"],
            a.get("byline_line", f"Reviewed by {a['byline']}"),
            f"{EN_WEEKDAYS[weekday(a['date'])]} {d} {EN_MONTHS[m - 1]} {y}",
        ]
        lines += a["info"]
        lines += a["body"]
        if a.get("showtimes"):
            lines += ["Showtimes near you"] + a["showtimes"] + ["Find tickets"]
        lines += [
            "Share this review",
            "Facebook",
            "Twitter",
            "Email",
            "More reviews",
            a["related"][0],
            a["related"][1],
            a["related"][2],
            "© The Stalls 2024",
            "About us · Contact · Advertise · Privacy",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, bom=(i == 2), crlf=(i == 3)))
    return pages


STALLS = [
    article(
        "The Salt Orchard review – a slow, luminous family saga",
        "Ines Carrow's second feature follows three generations of apple growers on a windswept coast, and earns every one of its 158 minutes.",
        "Daniel Brooke", "2024-03-08", "Film",
        [
            "There is a moment, about an hour into The Salt Orchard, when the camera simply watches a woman prune a tree. It lasts nearly three minutes. Nobody speaks.",
            "It is the kind of scene that will send some viewers to their phones. Stay with it.",
            "Carrow, whose debut Low Tide won a prize at Arlen two years ago, has made a film about inheritance in the most literal sense: who gets the land, and who has to leave it.",
            "Mara Lind is superb as Hanne, the eldest daughter, who stays when everyone else goes. Her face does more in a single close-up than most scripts manage in a page.",
            "\"You think the trees are ours,\" her father tells her. \"We are theirs.\"",
            "By contrast, the scenes in the city, where her brother tries to sell his share of the farm, feel rushed, as if the film itself wanted to get back to the coast.",
            "Those are small complaints. This is a patient, generous film, and it will stay with you.",
        ],
        slug="salt-orchard", stars="★★★★☆",
        info=["Director: Ines Carrow", "Cast: Mara Lind, Tomas Berg, Elise Vanhoe, Peter Aske",
              "Running time: 2h 38m", "Certificate: 12A", "In cinemas from Friday 8 March"],
        showtimes=["Lumen Eastwick – 14:10, 17:45, 20:30", "Corran Arts Centre – 18:00",
                   "Regent Halbury – 13:30, 19:15"],
        related=["Night Bus review – a London thriller that runs out of road", "The Keeper's Daughter review – handsome but hollow",
                 "Best films of 2024 so far"],
    ),
    article(
        "A Month of Sundays review – Brid Fallon is unforgettable in a bleak, funny two-hander",
        "Conor Hale's new play about a mother and son clearing out the family home is sharp, sad and often very funny.",
        "Harriet Osei", "2024-04-12", "Theatre",
        [
            "The set is a kitchen buried under forty years of things: biscuit tins, newspapers, a bicycle with no wheels. By the end of the night, almost all of it has gone, and so, in a way, has the family.",
            "\"Keep it or skip it?\" asks Declan, holding up a mug. His mother looks at it for a long time. \"Skip it,\" she says. \"No. Keep it.\"",
            "That exchange, repeated with variations for two hours, is the engine of Conor Hale's play, and it is a remarkably efficient one.",
            "Brid Fallon, as the mother, gives the performance of her career. She is prickly, vain, and heartbreaking, often all at once.",
            "Sam Achebe is a fine foil as the son who has come home for a weekend and stayed a month.",
            "The second act sags.",
            "But the final scene, in an empty kitchen, is as good as anything I have seen on stage this year.",
        ],
        slug="month-of-sundays", stars="★★★★★",
        info=["Writer: Conor Hale", "Director: Aoife Brennan", "Cast: Brid Fallon, Sam Achebe",
              "Until 11 May, Corran Playhouse, Eastwick", "Running time: 2h 10m, including an interval"],
        related=["The Tempest review – a storm in a teacup", "Jukebox Heroes review – all the hits, none of the heart",
                 "The best theatre to see this spring"],
    ),
    article(
        "Pale Harbour: Lanterns review – the shoegaze band grows up, and turns the volume down",
        "The quartet's fourth album swaps walls of guitar for piano and strings, with mixed results.",
        "Marcus Velde", "2024-05-24", "Music",
        [
            "Pale Harbour used to be the loudest band I had ever seen in a small room. On Lanterns, there are songs where you can hear the singer breathe.",
            "The change is deliberate. In interviews, guitarist Joel Marsh has said the band wanted to make \"a record you can play at dinner without apologising to the neighbours\".",
            "The opener, Cold Light, works beautifully: a slow piano figure, a string quartet, and Nia Roe's voice, clearer than it has ever been.",
            "Elsewhere, the quiet becomes a habit. The middle of the album drifts, and tracks five to eight could be one long song.",
            "Fans who read more into the title than a change of sound will find the lyrics are still about the same grey seaside town.",
            "The closer, Harbour Wall, finally brings the guitars back for its last two minutes, and it is thrilling.",
            "A brave record, if not yet a great one.",
        ],
        slug="pale-harbour-lanterns", stars="★★★☆☆",
        info=["Label: Greyline Records", "Released: 24 May", "Tracks: 11, 47 minutes"],
        related=["Tessa Rook: Night Swimming review – pop with bite", "The Wrenfields: Home Truths review",
                 "The albums to look out for this summer"],
    ),
    article(
        "The Cartographer's Wife by Lena Moss review – a map of a marriage",
        "A historical novel about a woman who drew the coastlines her husband took credit for.",
        "Priya Rangan", "2024-06-14", "Books",
        [
            "In 1851, a surveyor named Edmund Hale presented the Admiralty with the finest charts of the western isles it had ever seen. Lena Moss's novel imagines that they were drawn by his wife.",
            "It is a good premise, and Moss makes the most of it. Agnes Hale, sharp, patient and furious, is a wonderful narrator.",
            "'He could not draw a straight line,' she tells us on the first page, 'but he could sign his name beautifully.'",
            "The novel is at its best on the work itself: the soundings, the tides, the long evenings inking coastlines by candlelight.",
            "It is less sure of itself in its final third, which turns into a courtroom drama about copyright and credit, and feels written for a different book.",
            "Still, Agnes will stay with readers long after the last page.",
        ],
        slug="cartographers-wife", stars="★★★★☆", byline_line="Priya Rangan",
        info=["The Cartographer's Wife by Lena Moss", "Publisher: Harlow & Finch", "384pp, £18.99"],
        related=["The Glass Year by Owen Tate review", "Small Hours by Mira Coles review – a thrilling debut",
                 "The best new fiction this month"],
    ),
]


# --------------------------------------------------------------------------
# A French regional radio's site: "Écouter l'article (3 min)" under the
# headline, the show and its broadcast time, "Réécouter l'émission",
# transcript lines ("Name : …") and the host's questions in dashes inside
# the text, "À écouter aussi", the frequencies.
# --------------------------------------------------------------------------

def vallee(arts):
    pages = []
    for i, a in enumerate(arts):
        y, m, d = ymd(a["date"])
        wd = FR_WEEKDAYS[weekday(a["date"])]
        lines = [
            "Radio Vallée",
            "Écouter le direct",
            "Info",
            "Émissions",
            "Podcasts",
            "Agenda",
            "Fréquences",
            a["section"],
            a["title"],
            f"Écouter l'article ({a['listen']} min)",
            a["lede"],
            a.get("byline_line", f"Par {a['byline']}"),
        ]
        pub = f"Publié le {wd} {fr_long(a['date'])} à {a['time']}"
        if i == 1:
            pub += f" · Mis à jour le {fr_long(next_day(a['date']))} à 07h02"
        lines.append(pub)
        lines += [
            a["show"],
            f"Diffusé le {fr_long(a['date'])} à {a['aired']}",
            f"Réécouter l'émission ({a['length']} min)",
            "Télécharger",
            "S'abonner au podcast",
        ]
        lines += a["body"]
        lines += [
            "Partager",
            "Copier le lien",
            "À écouter aussi",
            a["related"][0],
            a["related"][1],
            "Toutes les émissions",
            "Radio Vallée sur 98.4 FM, en DAB+ et sur l'application",
            "© Radio Vallée 2024 · Mentions légales · Cookies",
        ]
        pages.append(Page(f"{i + 1:02}_{a['slug']}", a, lines, cp1252=(i == 0), bom=(i == 2)))
    return pages


SOLLICITEE = "Radio Vallée a sollicité la préfecture, qui n'a pas donné suite."

VALLEE = [
    article(
        "Grêle dans le Val d'Orsanne : « En dix minutes, on a perdu l'année »",
        "L'orage de lundi soir a détruit une grande partie des vergers entre Cressigny et Monteval. Les arboriculteurs attendent la reconnaissance de calamité agricole.",
        "Camille Rouvière", "2024-06-04", "Agriculture",
        [
            "Des pêches fendues jonchent encore le sol, mardi matin, dans le verger de Marion Delcourt, à Cressigny. L'orage de grêle de lundi soir a duré dix minutes à peine.",
            "Marion Delcourt : En dix minutes, on a perdu l'année. Les fruits qui restent sur l'arbre sont marqués, personne ne les achètera.",
            "Selon la chambre d'agriculture, près de six cents hectares de vergers ont été touchés entre Cressigny et Monteval, certains à plus de 80 %.",
            "— Vous êtes assurée ?",
            "Marion Delcourt : Contre la grêle, oui, mais avec une franchise de 25 %. Et les filets, on n'a pas pu les payer cette année.",
            "Par ailleurs, plusieurs toitures ont été endommagées à Monteval, où les pompiers sont intervenus une trentaine de fois.",
            "Les arboriculteurs demandent la reconnaissance de l'état de calamité agricole.",
            SOLLICITEE,
        ],
        slug="grele-vergers", listen=3, time="08h12", show="Le Grand Matin", aired="07h45", length=24,
        related=["Sécheresse : les arboriculteurs face au manque d'eau", "Le marché de Monteval fête ses cent ans"],
    ),
    article(
        "À Loursac-le-Haut, la dernière épicerie rouvre grâce aux habitants",
        "Fermée depuis l'automne, l'épicerie du village a rouvert samedi sous la forme d'une association. Cinquante bénévoles se relaient derrière le comptoir.",
        "Bastien Arnal et Julie Cazeneuve", "2024-04-05", "Société",
        [
            "Il y avait la queue, samedi matin, devant l'épicerie de Loursac-le-Haut. Fermée depuis le départ à la retraite de son gérant en octobre, elle a rouvert grâce à une association d'habitants.",
            "Une cinquantaine de bénévoles se relaient désormais derrière le comptoir, trois heures par semaine chacun.",
            "Hervé Soulier, président de l'association : Ce n'est pas seulement un magasin. C'est le seul endroit où les gens se croisent encore.",
            "— Et ça tient, financièrement ?",
            "Hervé Soulier : On ne paie pas de salaire, c'est ce qui nous sauve. On vise l'équilibre, pas le bénéfice.",
            "L'association a aussi installé un dépôt de pain et un point relais pour les colis.",
            "Les bénévoles veulent partager l'expérience avec d'autres villages du canton, qui ont perdu leur commerce.",
        ],
        slug="epicerie-loursac", listen=2, time="17h40", show="Le 18-19", aired="18h20", length=12,
        byline_line="Bastien Arnal et Julie Cazeneuve",
        related=["Les cafés associatifs se multiplient dans la vallée", "Un distributeur de billets pour trois villages"],
    ),
    article(
        "Fermeture de la maternité de Sainte-Eulalie-d'Orsanne : les élus ne désarment pas",
        "L'agence régionale de santé confirme la fermeture au 1er juillet. Les maires du secteur réclament un moratoire.",
        "Camille Rouvière", "2024-05-14", "Santé",
        [
            "La décision est tombée vendredi : la maternité de l'hôpital de Sainte-Eulalie-d'Orsanne fermera ses portes le 1er juillet. Les femmes du secteur devront accoucher à Vérans, à cinquante minutes de route.",
            "L'agence régionale de santé invoque le manque de pédiatres et d'anesthésistes. L'établissement a réalisé 290 accouchements l'an dernier.",
            "Lucienne Barthe, maire de Sainte-Eulalie-d'Orsanne : On nous parle de sécurité. Mais cinquante minutes de virages en hiver, c'est ça, la sécurité ?",
            "— Qu'attendez-vous de l'agence ?",
            "Lucienne Barthe : Un moratoire d'un an, le temps de recruter. Des médecins sont prêts à venir, on a des noms.",
            "Les maires de douze communes ont signé une lettre commune au ministre de la Santé.",
            "Un rassemblement est prévu samedi devant l'hôpital.",
            SOLLICITEE,
        ],
        slug="maternite-sainte-eulalie", listen=3, time="12h30", show="Le Journal de la mi-journée", aired="12h15", length=15,
        related=["Déserts médicaux : la vallée manque de généralistes", "Urgences de nuit : le service de Vérans saturé"],
    ),
    article(
        "Le festival Cordes en Vallée fête ses vingt ans avec un programme resserré",
        "Faute de subventions suffisantes, le festival de musique de chambre passe de dix à six jours, mais garde ses concerts gratuits.",
        "Thomas Lagarde", "2024-07-02", "Culture",
        [
            "Vingt ans, et un anniversaire en demi-teinte. Le festival Cordes en Vallée se tiendra du 18 au 23 juillet, soit quatre jours de moins que l'an dernier.",
            "En cause, la baisse de la subvention départementale, passée de 60 000 à 35 000 euros.",
            "Agathe Morel, directrice artistique : On a préféré raccourcir plutôt que de rendre les concerts payants. Le festival est né gratuit, il le restera.",
            "Dix-huit concerts sont programmés dans onze églises et châteaux de la vallée, dont une création pour quatuor commandée pour l'anniversaire.",
            "— Le public suit ?",
            "Agathe Morel : L'an dernier, on a accueilli neuf mille personnes. Les premiers jours, on refuse du monde.",
            "Le programme complet est disponible à l'office de tourisme.",
        ],
        slug="festival-cordes", listen=2, time="09h05", show="La Vallée en musique", aired="08h40", length=28,
        byline_line="Par Thomas Lagarde, Radio Vallée",
        related=["Les festivals de l'été dans la vallée", "Une école de musique pour les villages de montagne"],
    ),
]


LAYOUTS = {
    "gazette-meuse": (gazette, GAZETTE),
    "clarion-online": (clarion, CLARION),
    "tallis-markets": (tallis, TALLIS),
    "decodage-verif": (decodage, DECODAGE),
    "stalls-review": (stalls, STALLS),
    "radio-vallee": (vallee, VALLEE),
}

# Layouts whose scraper leaves a blank line between paragraphs.
SPACED = {"clarion-online", "stalls-review"}
