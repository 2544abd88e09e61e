//! Word lists of spaCy's French `TOKEN_MATCH` (`spacy/lang/fr/tokenizer_exceptions.py`),
//! which keeps some hyphenated words whole (`contre-offensive`, `Saint-Aubin-des-Saules`)
//! while others are split at the hyphen (`quarante` `-` `huit`).
//!
//! spaCy writes them as small regexes (`vi[cd]e`, `sa?inte?s?`); they are
//! expanded here to the finite word lists they denote. In [`WORD_PATTERNS`],
//! `-` stands for any French hyphen, `'` for either apostrophe, and the final
//! `+` / `*` for one-or-more / zero-or-more further letters.

/// `_hyphen_prefix`, expanded and lower-cased; sorted for binary search.
#[rustfmt::skip]
pub(crate) const HYPHEN_PREFIXES: &[&str] = &[
    "abat", "aero", "afro", "after", "agro", "aigue", "aigues", "americano", "américano", "anglo",
    "anti", "apres", "après", "arabo", "arc", "archi", "arcs", "arrière", "arrières", "audio",
    "auto", "avant", "avion", "aéro", "banc", "bas", "basse", "basses", "bateau", "bateaux", "be",
    "beau", "bec", "belle", "belles", "best", "beta", "bi", "bien", "bio", "blanc", "bois", "boite",
    "bon", "bone", "bones", "bonn", "bonne", "bonnes", "bonns", "bons", "bouc", "bourg", "boîte",
    "bêta", "cache", "cap", "capello", "casse", "castel", "champ", "chapelle", "chasse", "chat",
    "chate", "chateau", "chateauneuf", "chates", "chats", "chaud", "chaude", "chaudes", "chauds",
    "chauffe", "chou", "chromo", "château", "châteauneuf", "clair", "claire", "claires", "clairs",
    "co", "coca", "code", "compte", "contre", "cordon", "coup", "coupe", "court", "courte",
    "courtes", "courts", "couvre", "crash", "crise", "croche", "cross", "cyber", "côte", "de",
    "demi", "des", "di", "disney", "dix", "double", "doubles", "dys", "dé", "dés", "e", "eco",
    "electro", "entre", "equi", "est", "ethno", "ex", "extra", "extrême", "faux", "fil", "fontaine",
    "fort", "franc", "franco", "francos", "francs", "gallo", "garde", "gardes", "gastro", "geo",
    "grand", "grande", "gratte", "greco", "gros", "gréco", "géo", "haut", "haute", "hautes",
    "hauts", "home", "homes", "homme", "hommes", "hors", "hyper", "indo", "infra", "inter", "intra",
    "islamo", "italo", "jean", "la chapelle", "labio", "latino", "le mesnil", "live", "lot",
    "louis", "macro", "mal", "marie", "mecano", "medico", "medo", "mesnil", "meta", "mi", "micro",
    "mini", "mon", "mono", "mons", "mont", "monts", "mot", "mots", "moyen", "multi", "mécano",
    "médico", "médio", "médo", "méta", "neo", "neuro", "neuville", "noix", "non", "nord", "notre",
    "néo", "ouest", "outre", "ouvre", "pare", "passe", "perce", "petit", "petite", "petites",
    "petits", "pharmaco", "photo", "phyto", "pied", "pieds", "pierre", "pique", "plessis",
    "poisson", "poissons", "ponce", "pont", "port", "porte", "post", "pousse", "primo", "pro",
    "procès", "proto", "protège", "pré", "prêchi", "pseudo", "puy", "péri", "pêle", "quasi",
    "quatre", "radio", "re", "recourt", "redouble", "redoubles", "requin", "retro", "rythmo", "ré",
    "rétro", "saint", "sainte", "saintes", "saints", "san", "sans", "semi", "serre", "sino", "sint",
    "sinte", "sintes", "sints", "social", "sociale", "sociales", "socials", "socio", "soixante",
    "sous", "sub", "sud", "super", "sur", "sus", "taille", "tele", "telé", "thermo", "tiers",
    "tire", "tourne", "tout", "toute", "toutes", "touts", "train", "traine", "trans", "traîn",
    "traîne", "trente", "tri", "trois", "trou", "trousse", "téle", "télé", "ultra", "utéro", "val",
    "vaso", "vaux", "vice", "vide", "video", "vidéo", "vieil", "vieille", "vieilles", "viel",
    "vielle", "vielles", "vieux", "ville", "villeneuve", "villers", "villette", "villiers", "villy",
    "vingt", "voiture", "voitures", "wagon", "wagons", "à", "éco", "électro", "émirato", "équi",
];

/// `_elision_prefix`, expanded; sorted.
#[rustfmt::skip]
pub(crate) const ELISION_PREFIXES: &[&str] = &[
    "entr", "grand", "grande", "grandes", "grands", "r", "rentr", "réentr", "éentr",
];

/// `_hyphen_combination`, expanded; sorted.
#[rustfmt::skip]
pub(crate) const HYPHEN_COMBOS: &[&str] = &[
    "au", "aux", "de", "des", "du", "en", "et", "la", "le", "les", "lè", "lès", "près", "saint",
    "sous", "sur", "à",
];

/// The word-specific patterns of `_regular_exp`.
#[rustfmt::skip]
pub(crate) const WORD_PATTERNS: &[&str] = &[
    "a-sexualis+", "arginine-méthyl+", "binge-watch+", "black-out*", "bouche-por+", "burn-out*",
    "by-pass*", "ch'tiis+", "chape-chut+", "down-load*", "états-uni*", "etats-uni*",
    "droits-de-l'homm+", "droit-de-l'homm+", "fac-simil*", "fleur-bleuis+", "flic-flaqu+",
    "fox-trott+", "google-is+", "hard-discount*", "hip-hop*", "jet-set*", "knock-out*",
    "lèche-bott+", "litho-typographi+", "lock-out*", "lombri-compost+", "mac-adamis+",
    "marque-pag+", "mouton-noiris+", "new-york*", "pair-programm+", "people-is+", "plan-socialis+",
    "premier-ministr*", "prud'hom+", "réarc-bout+", "refox-trott+", "remicro-ond+", "repique-niqu+",
    "repetit-déjeun+", "rick-roll*", "rond-ponn+", "shift-cliqu+", "soudo-bras+", "stabilo-boss+",
    "strip-teas+", "terra-form*", "teuf-teuf*", "yo-yo+", "zig-zag*", "z'yeut+",
];
