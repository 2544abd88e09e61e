//! Synthetic scraped articles for benchmarks.

use std::fmt::Write as _;
use std::path::Path;

use annot_model::rng::SplitMix64;

/// Deterministic data: benchmarks need repeatable articles, not quality randomness.
struct Rng(SplitMix64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

struct Site {
    head: &'static [&'static str],
    related: &'static str,
    tail: &'static [&'static str],
    fr: bool,
}

const SITES: &[Site] = &[
    Site {
        head: &["X", "À La Une", "Politique", "Économie", "Monde"],
        related: "(Lire aussi : {})",
        tail: &[
            "Pour mémoire",
            "Retour à la Une",
            "Vos Commentaires",
            "Afin que vos réactions soient validées sans problème par les modérateurs, nous vous prions de lire notre charte.",
            "Merci.",
            "Dernières infos",
            "1/1",
            "Pour enregistrer cet article, vous devez au préalable vous identifier.",
            "6",
            "articles restants",
        ],
        fr: true,
    },
    Site {
        head: &["Menu", "Accueil", "Régions", "Sport", "Se connecter"],
        related: "Lire aussi : {}",
        tail: &[
            "Partager",
            "12 partages",
            "Les plus lus",
            "Abonnez-vous pour 1 € le premier mois",
            "© Le Courrier du Sud",
        ],
        fr: true,
    },
    Site {
        head: &["Skip to content", "Home", "World", "Business", "Sign in"],
        related: "Read more: {}",
        tail: &[
            "Related:",
            "Most read",
            "Sign in to continue reading",
            "Subscribe for full access",
            "We use cookies to improve your experience. Accept all",
            "© The Harbour Post",
        ],
        fr: false,
    },
];

const FR_PEOPLE: &[&str] = &[
    "Marie Lefort",
    "M. Dupuis",
    "Mme Laurent",
    "Jean-Paul Ferrand",
    "Aïcha Benali",
    "le Dr Morel",
];
const FR_ORGS: &[&str] = &[
    "l'Organisation mondiale de la santé (OMS)",
    "la mairie de Villeneuve",
    "l'Assemblée nationale",
    "la SNCF",
    "le Conseil d'État",
    "l'armée de terre",
];
const FR_PLACES: &[&str] = &[
    "Toulouse",
    "la vallée de la Garonne",
    "Marseille",
    "Beyrouth",
    "Lyon",
    "l'Île-de-France",
];
const FR_VERBS: &[&str] = &[
    "a annoncé",
    "a confirmé",
    "a démenti",
    "a précisé",
    "a rappelé",
    "a dénoncé",
];
const FR_TAILS: &[&str] = &[
    "lors d'une conférence de presse mardi",
    "selon un communiqué publié le 19/11/2017",
    "après une hausse de 3,5 % en un an",
    "qu'aucune décision n'avait encore été prise",
    "jusqu'à la fin de l'année",
    "à l'issue d'une réunion de crise",
];
const EN_PEOPLE: &[&str] = &[
    "Sarah Whitfield",
    "Mr. Okafor",
    "Dr. Chen",
    "Tom Baxter",
    "Gov. Alvarez",
    "Zoë Martin",
];
const EN_ORGS: &[&str] = &[
    "the World Health Organization",
    "the city council",
    "Harbour Bank",
    "the U.S. Senate",
    "Northwind Energy",
    "the transport union",
];
const EN_PLACES: &[&str] = &[
    "Portsmouth",
    "the Clyde valley",
    "New Haven",
    "Lagos",
    "Ontario",
    "the Midlands",
];
const EN_VERBS: &[&str] = &[
    "said",
    "confirmed",
    "denied",
    "warned",
    "told reporters",
    "announced",
];
const EN_TAILS: &[&str] = &[
    "on Tuesday after a two-hour meeting",
    "in a statement released on March 4, 2024",
    "after prices rose 3.5% in a year",
    "that no decision had been made yet",
    "although the company's shares didn't move",
    "as they're expected to vote next week",
];

fn sentence(rng: &mut Rng, fr: bool) -> String {
    let (people, orgs, places, verbs, tails) = if fr {
        (FR_PEOPLE, FR_ORGS, FR_PLACES, FR_VERBS, FR_TAILS)
    } else {
        (EN_PEOPLE, EN_ORGS, EN_PLACES, EN_VERBS, EN_TAILS)
    };
    let subject = if rng.below(2) == 0 {
        rng.pick(people)
    } else {
        rng.pick(orgs)
    };
    let mut s = String::new();
    let _ = if fr {
        write!(
            s,
            "À {}, {} {} {}.",
            rng.pick(places),
            subject,
            rng.pick(verbs),
            rng.pick(tails)
        )
    } else {
        write!(
            s,
            "In {}, {} {} {}.",
            rng.pick(places),
            subject,
            rng.pick(verbs),
            rng.pick(tails)
        )
    };
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => s,
    }
}

/// Generates one article's text.
fn article(rng: &mut Rng, n: usize) -> String {
    let site = &SITES[rng.below(SITES.len())];
    let fr = site.fr;
    let mut t = String::with_capacity(8192);
    for line in site.head {
        t.push_str(line);
        t.push_str("\n\n");
    }
    let title = sentence(rng, fr);
    let _ = writeln!(t, "{} (n° {n})\n", title.trim_end_matches('.'));
    t.push_str(if fr { "Société\n\n" } else { "World\n\n" });
    let _ = writeln!(t, "{}\n", sentence(rng, fr));
    let (day, month, year) = (1 + rng.below(28), 1 + rng.below(12), 2015 + rng.below(10));
    if fr {
        let _ = writeln!(
            t,
            "Par {}\n{day:02}/{month:02}/{year}\n",
            rng.pick(FR_PEOPLE)
        );
    } else {
        let _ = writeln!(
            t,
            "By {}\n{year}-{month:02}-{day:02}\n",
            rng.pick(EN_PEOPLE)
        );
    }
    let target = 2000 + rng.below(6000);
    let body_start = t.len();
    while t.len() - body_start < target {
        let sentences = 2 + rng.below(4);
        for i in 0..sentences {
            if i > 0 {
                t.push(' ');
            }
            t.push_str(&sentence(rng, fr));
        }
        t.push_str("\n\n");
        if rng.below(6) == 0 {
            t.push_str("\u{a0}\n\n");
        }
        if rng.below(9) == 0 {
            t.push_str(&site.related.replace("{}", &sentence(rng, fr)));
            t.push_str("\n\n");
        }
    }
    for line in site.tail {
        t.push_str(line);
        t.push_str("\n\n");
    }
    t
}

/// Writes `count` articles under `out` and returns the bytes written.
pub(crate) fn generate(out: &Path, count: usize, seed: u64, per_dir: usize) -> anyhow::Result<u64> {
    let mut rng = Rng(SplitMix64::new(seed));
    let mut bytes = 0u64;
    for n in 0..count {
        let dir = match n.checked_div(per_dir) {
            Some(sub) => out.join(format!("{sub:05}")),
            None => out.to_owned(),
        };
        if per_dir == 0 || n % per_dir == 0 {
            fs_err::create_dir_all(&dir)?;
        }
        let text = article(&mut rng, n);
        bytes += text.len() as u64;
        fs_err::write(dir.join(format!("art{n:07}.txt")), text)?;
    }
    Ok(bytes)
}
