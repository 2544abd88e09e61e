//! Known phrases of French and English news pages, one list per role, so
//! that adding a site's furniture is a one-line change. Whole lines and
//! openings are folded (lower case, no accents, `'` for `’`; see
//! [`crate::boilerplate`]).

/// Whole lines that are navigation or page furniture.
#[rustfmt::skip]
pub(crate) const NAV_LINES: &[&str] = &[
    // fr
    "a la une", "accueil", "menu", "rechercher", "recherche", "se connecter", "connexion",
    "s'inscrire", "inscription", "mon compte", "s'abonner", "abonnez-vous", "je m'abonne",
    "newsletter", "newsletters", "partager", "partage", "partages", "imprimer", "envoyer",
    "commenter", "publicite", "en continu", "fil info", "fil d'info", "merci", "fermer",
    "suivez-nous", "ajouter a mes favoris", "mentions legales", "plan du site", "contact",
    "nous contacter", "en direct", "direct", "video", "videos", "photos", "diaporama", "abonne",
    "abonnes", "offert", "premium", "lire plus", "lire la suite", "voir plus", "afficher plus",
    "haut de page", "retour en haut", "reactions",
    // fr, cookie-consent banners
    "tout accepter", "tout refuser", "accepter", "refuser", "accepter tout", "refuser tout",
    "tout autoriser", "j'accepte", "accepter et continuer", "parametrer", "personnaliser",
    "parametrer les cookies", "gerer les cookies", "gerer mes choix", "gerer mes preferences",
    "nos partenaires", "nous respectons votre vie privee", "votre vie privee nous importe",
    "vie privee", "en savoir plus",
    // en
    "home", "search", "sign in", "log in", "login", "sign up", "register", "subscribe",
    "subscribe now", "my account", "share", "shares", "share this", "share this article", "print",
    "email", "advertisement", "sponsored", "sponsored content", "top stories", "follow us",
    "live", "watch", "close", "skip to content", "skip to main content", "breaking news",
    "menu close", "back to top", "continue reading", "show more", "load more", "thank you",
    "thanks", "latest",
    // en, cookie-consent banners
    "accept", "accept all", "accept all cookies", "accept cookies", "reject all", "i accept",
    "i agree", "agree", "manage cookies", "manage preferences", "manage options",
    "manage settings", "show purposes", "more options", "our partners", "we value your privacy",
    "your privacy", "your privacy choices", "privacy settings", "learn more",
    // share bars, save and listen buttons
    "copier le lien", "copy link", "copy the link", "lien copie", "link copied", "facebook",
    "twitter", "linkedin", "whatsapp", "e-mail", "save", "saved", "sauvegarder", "enregistrer",
    "listen", "listen to this article", "ecouter cet article", "ecouter l'article",
    "offrir cet article", "offrir l'article", "gift this article", "gift article",
    "lire plus tard", "read later", "save for later", "ajouter a ma liste", "ecouter",
    "suivre", "follow", "suivre cet auteur", "follow this author", "agrandir l'image",
    "enlarge this image", "voir la galerie", "view gallery", "zoom", "telecharger le pdf",
    "download pdf", "version imprimable", "printer-friendly version", "faire un don", "donate",
    "donate now", "give now", "je fais un don",
    // sponsored content labels
    "contenu sponsorise", "contenu partenaire", "partner content", "paid content", "paid post",
    "advertorial", "publireportage", "publi-redactionnel", "annonce", "annonces",
];

/// Whole lines that introduce a list of related links.
#[rustfmt::skip]
pub(crate) const RELATED_LINES: &[&str] = &[
    "lire aussi", "a lire aussi", "a lire egalement", "lire egalement", "voir aussi",
    "a voir aussi", "pour memoire", "sur le meme sujet", "nos articles", "a lire",
    "read more", "read also", "also read", "see also", "related", "related articles",
    "related stories", "related content", "more on this story", "more on this topic",
    "you may also like", "recommended", "read next", "further reading", "key events", "related topics",
    "temps forts", "les temps forts",
    "related coverage", "more coverage", "related news", "related reading", "more on this",
    "more like this", "recommended for you", "you might also like", "in other news",
    "en lien", "liens", "sur le meme theme", "a lire sur le meme sujet", "pour aller plus loin",
    "aller plus loin", "vous aimerez aussi", "vous pourriez aussi aimer", "a voir egalement",
    "nos articles sur le sujet", "recommande pour vous",
];

/// Whole lines after which the page is no longer the article: comments,
/// "most read", tag lists.
#[rustfmt::skip]
pub(crate) const FOOTER_LINES: &[&str] = &[
    "retour a la une", "vos commentaires", "commentaires", "reagir", "reagissez",
    "laisser un commentaire", "ajouter un commentaire", "dernieres infos", "dernieres nouvelles",
    "les plus lus", "les plus partages", "les plus commentes", "les articles les plus",
    "a decouvrir", "a la une egalement", "dans la meme rubrique", "mots-cles", "themes", "sujets",
    "comments", "comment", "leave a comment", "add a comment", "join the conversation",
    "most read", "most popular", "most viewed", "more from", "more stories", "more news",
    "latest news", "trending", "trending now", "what to read next", "topics", "tags",
    "voir les commentaires", "afficher les commentaires", "lire les commentaires",
    "view comments", "show comments", "see comments", "read comments",
    // author boxes and the author's other pieces
    "l'auteur", "l'autrice", "les auteurs", "auteur", "autrice", "a propos de l'auteur",
    "a propos de l'autrice", "a propos des auteurs", "biographie", "ses derniers articles",
    "ses articles", "du meme auteur", "de la meme autrice", "du meme auteur sur le meme sujet",
    "about the author", "about the authors", "the author", "the authors", "author", "authors",
    "more by this author", "more from this author", "more by the author",
    "latest from this author", "other articles by this author",
    // tags and topic lists
    "etiquettes", "sujets associes", "themes associes", "mots cles", "related tags",
    "filed under", "explore more",
];

/// Line openings after which the page is no longer the article: a tag
/// list on one line ("Tags: …", "Mots-clés : …"), a rail ("More from X",
/// "Plus d'articles de X"). Short lines only.
#[rustfmt::skip]
pub(crate) const FOOTER_PREFIXES: &[&str] = &[
    "tags:", "tags :", "mots-cles:", "mots-cles :", "mots cles :", "topics:", "topics :",
    "themes:", "themes :", "sujets:", "sujets :", "filed under", "more from ", "more by ",
    "more stories from", "other articles by", "plus d'articles de", "tous les articles de",
    "les derniers articles de", "du meme auteur",
];

/// The [`FOOTER_PREFIXES`] of a rail, a footer only when what follows has no
/// function word: "More from BBC News", not "More from the hearing".
#[rustfmt::skip]
pub(crate) const RAIL_PREFIXES: &[&str] = &[
    "more from ", "more by ", "more stories from", "other articles by", "plus d'articles de",
    "tous les articles de", "les derniers articles de",
];

// The lists below are matched against the raw line (ASCII case ignored), in
// their natural spelling as well as without accents and with `’` for `'`.

/// Phrases that end the article wherever they are in a line: closed
/// comments, "was this useful".
#[rustfmt::skip]
pub(crate) const FOOTER_CONTAINS: &[&str] = &[
    "comments are closed", "les commentaires sont fermés", "cet article vous a-t-il été utile",
    "was this article helpful", "did you find this article",
    "comments below have not been moderated", "comments have not been moderated",
    "les commentaires ci-dessous", "commentaires ne sont pas modérés",
];

/// Paywall prompts, wherever they are in a line: they end the article
/// where the page cuts it, but a scraper that was let in saves the prompt
/// box and the rest of the text after it (see [`crate::zone`]).
#[rustfmt::skip]
pub(crate) const PAYWALL_CONTAINS: &[&str] = &[
    "articles restants", "article restant", "articles remaining", "article remaining",
    "limite d'articles", "sign in to continue", "subscribe to continue", "to continue reading",
    "pour lire la suite", "vous devez au préalable vous identifier",
    // what is left of a cut article
    "de cet article à découvrir", "de cet article à lire", "le reste de cet article",
    "la suite de cet article", "of this article left", "of this article remaining",
    "the rest of this article", "pour continuer à lire", "read the full article",
    "lire l'article en entier", "lire l'intégralité de cet article",
    "de l'article à lire", "de l'article à découvrir", "% of the article",
    "% of this article",
    "keep reading with a", "to keep reading this post", "free trial to keep reading",
];

/// Phrases of site mechanics (cookies, rights, moderation, subscriptions)
/// that news prose does not use: furniture wherever they are in a line.
#[rustfmt::skip]
pub(crate) const NAV_CONTAINS: &[&str] = &[
    "tous droits réservés", "all rights reserved", "réservé aux abonnés", "réservée aux abonnés",
    "charte de modération", "charte de participation", "abonnez-vous", "je m'abonne",
    "déjà abonné", "already a subscriber", "nous utilisons des cookies", "we use cookies",
    "utilise des cookies", "gestion des cookies", "continuer sans accepter",
    "accepter et fermer", "acceptez les cookies", "utilisation des cookies", "use of cookies",
    "cher internaute", "chère internaute", "chère/cher internaute", "temps de lecture",
    "inscrivez-vous à notre newsletter", "abonnez-vous à notre newsletter",
    "sign up for our newsletter", "sign up to our newsletter", "activez javascript",
    "enable javascript", "free articles",
    // cookie-consent banners: the first person of the site with its partners
    "nous et nos partenaires", "we and our partners", "and our partners use",
    "utilisons des cookies", "utilisons les cookies", "such as cookies",
    "store and/or access information", "stocker et/ou accéder",
    "accéder à des informations sur votre appareil", "information on your device",
    "en poursuivant votre navigation", "by continuing to browse",
    // embeds blocked for want of consent, feedback prompts
    "ce contenu est bloqué", "this content is blocked", "n'avez pas accepté les cookies",
    "have not accepted cookies", "haven't accepted cookies", "was this article helpful",
    "was this explainer helpful", "was this story helpful", "was this page helpful",
    "did you find this article", "cet article vous a-t-il été utile",
    "cet article vous a-t-il plu",
    // copyright, corrections, newsletter sign-up
    "tous droits de reproduction", "reproduction interdite", "vous avez trouvé une erreur",
    "signaler une erreur", "signalez une erreur", "spotted an error", "spotted a mistake",
    "report an error", "report a typo", "submit a correction", "delivered to your inbox",
    "dans votre boîte mail", "dans votre boîte de réception", "unsubscribe at any time",
    "désinscrire à tout moment", "désabonner à tout moment",
    // news-tip prompts
    "écrivez-nous à", "send us a tip", "send us your tips", "got a news tip",
    "have a news tip", "share your story with us", "contactez notre rédaction",
    "contactez la rédaction",
    // app and donation prompts
    "download our app", "download the app", "téléchargez notre application",
    "téléchargez l'application", "support our journalism", "support independent journalism",
    "soutenez notre journalisme", "soutenez le journalisme", "make a donation",
];

/// Phrases that make a short line furniture, but that an article paragraph
/// may use ("Facebook changed its privacy policy...").
#[rustfmt::skip]
pub(crate) const SHORT_NAV_CONTAINS: &[&str] = &[
    "subscribers only", "subscribe from", "subscribe for", "cookie settings", "cookie policy",
    "min read", "reading time", "cliquant ici", "cliquez ici", "click here", "dear reader",
    "community guidelines", "terms of use", "privacy policy", "politique de confidentialité",
    "conditions générales", "create an account", "créer un compte", "uses cookies",
    "respectons votre vie privée", "we value your privacy", "cookie preferences",
    "paramétrer les cookies", "accept all cookies", "accepter les cookies",
    "votre adresse e-mail", "votre adresse email", "your email address", "enter your email",
    "get our newsletter", "get the newsletter", "sign up to the newsletter",
    "s'inscrire à la newsletter", "inscription à la newsletter", "recevez notre newsletter",
    "recevez nos newsletters", "in your inbox",
    // podcast furniture, a site's disclaimer, a reader call-out, the legal
    // notice of French alcohol ads, content warnings: short lines only (a
    // paragraph may quote them)
    "wherever you get your podcasts", "sur votre plateforme d'écoute préférée",
    "transcript was generated automatically", "transcript was automatically generated",
    "automatically generated transcript", "transcription générée automatiquement",
    "our theme music is by", "les informations de ce site sont fournies",
    "information on this site is provided", "information on this website is provided",
    "? we want to hear from you", "? tell us about it", "? help us report", "? tell us your story",
    "? share your story", "? racontez-nous", "? témoignez", "l'abus d'alcool est dangereux pour la santé",
    "some readers may find distressing", "some readers may find upsetting",
    "readers may find this distressing",
];

/// Line openings that announce a related link ("Lire aussi : ...").
#[rustfmt::skip]
pub(crate) const RELATED_PREFIXES: &[&str] = &[
    "lire aussi", "a lire aussi", "lire egalement", "a lire egalement", "voir aussi",
    "regarder aussi", "a regarder aussi", "watch also", "also watch",
    "pour memoire", "read more", "read also", "also read", "see also", "related:",
];

/// Line openings of sharing and credit furniture.
#[rustfmt::skip]
pub(crate) const NAV_PREFIXES: &[&str] = &[
    "partager sur", "share on", "share via", "suivez-nous", "follow us on", "©", "(c) ",
    "copyright", "credit photo", "photo credit", "image credit",
    // the line under an ad inside the text
    "continuer la lecture apres", "la suite apres la publicite", "lire la suite apres la publicite",
    "l'article continue apres", "story continues below", "article continues below",
    "continue reading below",
    // donation boxes and content warnings, opening the line
    "support student journalism", "support local journalism", "soutenez la presse locale",
    "soutenez l'information locale", "content warning:", "trigger warning:",
    "avertissement : ce contenu", "avertissement : cet article",
    // teasers of a clip or a gallery inside the text
    "video |", "videos |", "photos |", "en images |", "diaporama |", "audio |", "podcast |",
    // wire-service signatures
    "reporting by", "additional reporting by", "writing by", "editing by", "compiled by",
    "our standards",
];

/// Openings that make a short line (a share bar, a print link) furniture.
#[rustfmt::skip]
pub(crate) const SHORT_NAV_PREFIXES: &[&str] = &[
    "partager", "share", "imprimer", "print", "envoyer par", "telecharger le", "telecharger la",
    // an ad's label with its advertiser ("Publicité - X"); a sentence may
    // open with the word ("Advertisement banners on busy sites …")
    "publicite", "advertisement",
    "download the", "download this",
];

/// Openings of a site's note about the piece itself, folded: "Cet article
/// est paru dans…", "This story was updated…", "A version of this article
/// appeared in…". With one of [`NOTE_VERBS`], such a sentence after the
/// article's last long paragraph is the site's, not the article's.
#[rustfmt::skip]
pub(crate) const NOTE_OPENINGS: &[&str] = &[
    // fr
    "cet article", "cette chronique", "cette tribune", "cet entretien", "cette interview",
    "cette enquete", "ce reportage", "cette analyse", "ce billet", "cet editorial",
    "cette serie", "ce recit", "ce portrait", "ce texte", "ce contenu", "cette nouvelle",
    "une version de cet",
    "une premiere version de cet", "une version anterieure de cet",
    // en
    "this article", "this story", "this column", "this piece", "this interview",
    "this essay", "this post", "this op-ed", "this series", "this feature", "this report",
    "this content", "this coverage", "this reporting", "this text",
    "a version of this", "an earlier version of this", "a previous version of this",
];

/// What a site's note says it did with the piece (folded, found anywhere
/// in the line): published, updated, corrected, translated, funded it. Words
/// an article says of its own subject ("cet article modifie le code", "finances",
/// "soutien") are not among them; their "by" forms are ("finance par").
#[rustfmt::skip]
pub(crate) const NOTE_VERBS: &[&str] = &[
    "paru", "publie", "published", "appeared", "appears", "updated", "mis a jour", "corrige",
    "corrected", "amended", "produced by", "produit par", "produite par", "realise par",
    "realisee par", "written by", "redige", "edited", "translated", "traduit", "adapte",
    "adapted", "part of", "fait partie", "republi", "reprodu", "syndicated", "supported by",
    "avec le soutien", "grace au soutien", "funded", "finance par", "financee par",
    "sponsor", "originally", "initialement", "first ran", "ran in", "in partnership with",
    "en partenariat avec",
];

/// Disclaimers of a site about the opinions it prints (folded, anywhere
/// in the line): a note, not the article, wherever it follows the text.
#[rustfmt::skip]
pub(crate) const NOTE_CONTAINS: &[&str] = &[
    "n'engagent que", "n'engage que", "the views expressed", "the opinions expressed",
    "views expressed in this", "opinions expressed in this", "do not necessarily reflect",
    "does not necessarily reflect", "ne refletent pas necessairement",
    "ne reflete pas necessairement", "editor's note", "editors' note", "note de la redaction",
    // helplines after a text on suicide, violence, abuse
    "if you or anyone you know", "if you or someone you know", "if this story has raised",
    "if this article has raised", "si vous etes en detresse", "si vous ou l'un de vos proches",
    "si vous ou un de vos proches",
    // a review's note that the critic came unannounced and paid
    "addition reglee par la redaction", "addition payee par la redaction",
    "repas paye par la redaction", "visite incognito le ", "visite anonyme le ",
    "visited anonymously on ", "meal was paid for by", "paid for by our critic",
    "the bill was paid by",
];

/// A charity's legal status under its appeal (folded): a note only on a
/// short line that ends with it ("X, association loi de 1901.");
/// "L'association, reconnue d'utilité publique depuis 1985, compte…" is the text.
#[rustfmt::skip]
pub(crate) const LEGAL_STATUS: &[&str] = &[
    "association loi de 1901", "reconnue d'utilite publique", "registered charity number",
];

/// What may follow a names-changed phrase on the note's line (folded,
/// after the phrase, without the stop): the whole line is the note.
#[rustfmt::skip]
pub(crate) const NAMES_CHANGED_TAILS: &[&str] = &[
    "a sa demande", "a leur demande", "pour preserver leur anonymat",
    "pour preserver son anonymat", "at their request", "at her request", "at his request",
    "to protect their identities", "to protect their privacy", "for privacy",
];

/// Openings of a report's short note that the people's names are not
/// theirs ("Les prénoms ont été modifiés.", "*Names have been changed."),
/// folded: a note on a short line only (a sentence of the story may say it
/// of something else).
#[rustfmt::skip]
pub(crate) const NAMES_CHANGED: &[&str] = &[
    "les prenoms ont ete modifies", "le prenom a ete modifie", "les noms ont ete modifies",
    "le nom a ete modifie", "certains prenoms ont ete modifies", "names have been changed",
    "name has been changed", "names were changed", "name was changed",
    "some names have been changed",
];

/// Labels of a site's note, folded, before a colon: "Correction: An
/// earlier version…", "Rectificatif : …", "Update: …".
#[rustfmt::skip]
pub(crate) const NOTE_LABELS: &[&str] = &[
    "correction", "corrections", "clarification", "rectificatif", "erratum", "precision",
    "update", "mise a jour", "editor's note", "editors' note", "note de la redaction", "ndlr",
];
