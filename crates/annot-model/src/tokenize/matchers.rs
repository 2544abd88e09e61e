//! Whole-token matchers: spaCy's French `TOKEN_MATCH` (hyphenated words kept
//! whole) and its `URL_MATCH` (URLs and e-mail addresses kept whole).

use std::cmp::Ordering;

use super::chars::{is_alpha, is_elision, is_fr_hyphen, is_lower};
use super::fr_data::{ELISION_PREFIXES, HYPHEN_COMBOS, HYPHEN_PREFIXES, WORD_PATTERNS};

/// Whether `s` may contain something [`fr_token_match`] looks for; lets the
/// tokenizer skip it for most words.
pub(crate) fn may_fr_token_match(s: &str) -> bool {
    s.chars().any(|c| is_fr_hyphen(c) || is_elision(c))
}

/// spaCy's French `TOKEN_MATCH` (case-insensitive, like its `(?iu)` regex).
pub(crate) fn fr_token_match(s: &str) -> bool {
    // Every pattern has a hyphen or an apostrophe.
    may_fr_token_match(s)
        && (hyphen_prefixed(s) || elision_prefixed(s) || hyphen_combination(s) || word_pattern(s))
}

/// Compares `text` lower-cased with the lower-case `word`, without allocating.
fn cmp_ci(word: &str, text: &str) -> Ordering {
    word.chars().cmp(text.chars().flat_map(char::to_lowercase))
}

fn in_list(sorted: &[&str], text: &str) -> bool {
    !text.is_empty() && sorted.binary_search_by(|w| cmp_ci(w, text)).is_ok()
}

/// `[{al}][{hyphen}{al}{elision}]*`: a letter, then letters, hyphens, apostrophes.
fn word_tail(rest: &str) -> bool {
    let mut it = rest.chars();
    it.next().is_some_and(is_alpha) && it.all(|c| is_alpha(c) || is_fr_hyphen(c) || is_elision(c))
}

fn split_at_first(s: &str, pred: fn(char) -> bool) -> Option<(&str, &str)> {
    let (i, c) = s.char_indices().find(|&(_, c)| pred(c))?;
    Some((&s[..i], &s[i + c.len_utf8()..]))
}

/// `^{prefix}[{hyphen}][{al}][{hyphen}{al}{elision}]*$`: contre-offensive, vice-président.
fn hyphen_prefixed(s: &str) -> bool {
    split_at_first(s, is_fr_hyphen)
        .is_some_and(|(head, rest)| word_tail(rest) && in_list(HYPHEN_PREFIXES, head))
}

/// `^{prefix}[{elision}][{al}][{hyphen}{al}{elision}]*$`: entr'ouvert.
fn elision_prefixed(s: &str) -> bool {
    split_at_first(s, is_elision)
        .is_some_and(|(head, rest)| word_tail(rest) && in_list(ELISION_PREFIXES, head))
}

/// `^[{a}]+[{hyphen}]{combo}[{hyphen}](?:l[{elision}])?[{a}]+$`: rez-de-chaussée.
fn hyphen_combination(s: &str) -> bool {
    let all_alpha = |t: &str| !t.is_empty() && t.chars().all(is_alpha);
    let Some((head, rest)) = split_at_first(s, is_fr_hyphen) else {
        return false;
    };
    let Some((combo, tail)) = split_at_first(rest, is_fr_hyphen) else {
        return false;
    };
    if !all_alpha(head) || !in_list(HYPHEN_COMBOS, combo) {
        return false;
    }
    let mut it = tail.chars();
    let after_article = match (it.next(), it.next()) {
        (Some('l' | 'L'), Some(a)) if is_elision(a) => Some(it.as_str()),
        _ => None,
    };
    all_alpha(tail) || after_article.is_some_and(all_alpha)
}

/// The word-specific patterns (`black-out`, `hip-hop`, `états-unis`...).
fn word_pattern(s: &str) -> bool {
    let Some(initial) = s.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    WORD_PATTERNS
        .iter()
        .filter(|p| p.starts_with(initial))
        .any(|pattern| {
            let (body, min_tail) = match pattern.strip_suffix('+') {
                Some(body) => (body, 1),
                None => (pattern.strip_suffix('*').unwrap_or(pattern), 0),
            };
            let mut text = s.chars();
            for p in body.chars() {
                let Some(c) = text.next() else { return false };
                let ok = match p {
                    '-' => is_fr_hyphen(c),
                    '\'' => is_elision(c),
                    _ => c.to_lowercase().eq(std::iter::once(p)),
                };
                if !ok {
                    return false;
                }
            }
            let tail = text.as_str();
            tail.chars().count() >= min_tail && tail.chars().all(is_alpha)
        })
}

/// spaCy's `URL_MATCH`: `scheme://` (optional), `user@` (optional), host
/// labels and a lower-case top-level domain or a public IPv4 address,
/// `:port` (optional), then anything after `/`, `?` or `#`.
pub(crate) fn url_match(s: &str) -> bool {
    if !s.contains('.') {
        return false;
    }
    if let Some(i) = s.find("://") {
        let scheme = &s[..i];
        let scheme_ok = scheme.chars().count() >= 2
            && scheme
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '_' | '+' | '-' | '.'));
        if scheme_ok && after_scheme(&s[i + 3..]) {
            return true;
        }
    }
    after_scheme(s)
}

/// `(?:\S+(?::\S*)?@)?` then the host: any `@` not in first place may end the user part.
fn after_scheme(s: &str) -> bool {
    host_port_path(s)
        || s.match_indices('@')
            .any(|(i, _)| i > 0 && host_port_path(&s[i + 1..]))
}

/// A host-name character of the URL regex: `[A-Za-z0-9\u00a1-\uffff]`.
fn is_host_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || ('\u{a1}'..='\u{ffff}').contains(&c)
}

fn host_port_path(s: &str) -> bool {
    let end = s.find([':', '/', '?', '#']).unwrap_or(s.len());
    let (host, mut rest) = s.split_at(end);
    if !(host_name(host) || public_ipv4(host)) {
        return false;
    }
    if let Some(port) = rest.strip_prefix(':') {
        let digits = port.bytes().take_while(u8::is_ascii_digit).count();
        if !(2..=5).contains(&digits) {
            return false;
        }
        rest = &port[digits..];
    }
    rest.is_empty() || rest.starts_with(['/', '?', '#'])
}

/// `(?:(?:[x][x_-]{0,62})?[x]\.)+(?:[{al}]{2,63})`
fn host_name(host: &str) -> bool {
    let Some((labels, tld)) = host.rsplit_once('.') else {
        return false;
    };
    let tld_len = tld.chars().count();
    if !(2..=63).contains(&tld_len) || !tld.chars().all(is_lower) {
        return false;
    }
    let label_ok = |l: &str| {
        let n = l.chars().count();
        (1..=64).contains(&n)
            && l.chars().next().is_some_and(is_host_char)
            && l.chars().next_back().is_some_and(is_host_char)
            && l.chars().all(|c| is_host_char(c) || matches!(c, '_' | '-'))
    };
    labels.split('.').all(label_ok)
}

/// The dotted IPv4 branch of the URL regex: 1-223 . 0-255 . 0-255 . 1-254,
/// no private or loopback network (10/8, 127/8, 169.254/16, 172.16/12, 192.168/16).
fn public_ipv4(host: &str) -> bool {
    let mut octets = [0u16; 4];
    let mut parts = host.split('.');
    for (i, octet) in octets.iter_mut().enumerate() {
        let Some(p) = parts.next() else { return false };
        if !(1..=3).contains(&p.len()) || !p.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        // The outer octets have no leading zero; a three-digit inner one starts with 1 or 2.
        let outer = i == 0 || i == 3;
        if (outer && p.len() > 1 && p.starts_with('0'))
            || (!outer && p.len() == 3 && p.starts_with('0'))
        {
            return false;
        }
        *octet = p.parse().unwrap_or(u16::MAX);
    }
    let [a, b, c, d] = octets;
    parts.next().is_none()
        && (1..=223).contains(&a)
        && b <= 255
        && c <= 255
        && (1..=254).contains(&d)
        && !matches!(a, 10 | 127)
        && !matches!((a, b), (169, 254) | (192, 168))
        && !(a == 172 && (16..=31).contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [HYPHEN_PREFIXES, ELISION_PREFIXES, HYPHEN_COMBOS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w));
        }
    }

    #[test]
    fn french_token_match() {
        for w in [
            "contre-offensive",
            "vice-président",
            "Saint-Aubin-des-Saules",
            "rez-de-chaussée",
            "Jean-Luc",
            "VICE-PRÉSIDENT",
            "franco‑jordanienne",
            "Etats-Unis",
            "hip-hop",
        ] {
            assert!(fr_token_match(w), "{w}");
        }
        for w in [
            "quarante-huit",
            "Metn-Sud",
            "a-t-il",
            "c'est-à-dire",
            "vice-",
            "vice",
            "mots",
        ] {
            assert!(!fr_token_match(w), "{w}");
        }
    }

    #[test]
    fn urls() {
        for u in [
            "www.example.com",
            "http://x.fr/a?b=c",
            "jean@x.fr",
            "example.com:8080/x",
            "https://fr.wikipedia.org/wiki/Élysée",
            "8.8.8.8/dns",
            "93.184.216.34:443",
        ] {
            assert!(url_match(u), "{u}");
        }
        for u in [
            "U.S.",
            "e.g.",
            "3.5",
            "end.Next",
            "Ph.D",
            "x.com,",
            "a.b:1/",
            "10.0.0.1/x",
        ] {
            assert!(!url_match(u), "{u}");
        }
    }
}
