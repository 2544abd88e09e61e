//! One document as the session sees it: text, tokens, paragraphs and text search.
//!
//! Offsets are code points, as in files; [`OffsetMap`] does every conversion.

use annot_model::Document;
use annot_model::offsets::{Folded, OffsetMap, fold};
use annot_model::tokenize::{Lang, Token, tokenize};
use annot_model::{Zone, ZoneSpan};

/// A paragraph of the display: a run of non-blank lines that share their
/// imported zone. Numbered from 1 on screen (`¶3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// First code point of the paragraph.
    pub start: usize,
    /// End of the paragraph (exclusive, before the newline).
    pub end: usize,
}

/// A document prepared for annotation.
#[derive(Debug)]
pub struct DocView {
    /// The document as stored in the corpus.
    pub doc: Document,
    map: OffsetMap,
    /// Tokens of the text, in order.
    pub tokens: Vec<Token>,
    /// Paragraphs, in order.
    pub blocks: Vec<Block>,
    /// The language the text was tokenized as.
    pub lang: Lang,
}

impl DocView {
    /// Tokenizes the document and splits it into paragraphs.
    #[must_use]
    pub fn new(doc: Document, default_lang: Lang) -> Self {
        let lang = doc
            .meta
            .lang
            .as_deref()
            .and_then(Lang::from_code)
            .unwrap_or(default_lang);
        let tokens = tokenize(&doc.text, lang);
        let blocks = split_blocks(&doc.text, &doc.zones);
        let map = OffsetMap::new(&doc.text);
        Self {
            doc,
            map,
            tokens,
            blocks,
            lang,
        }
    }

    /// Length of the text in code points.
    #[must_use]
    pub fn len(&self) -> usize {
        self.map.char_len()
    }

    /// Whether the text is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.map.char_len() == 0
    }

    /// The text of a code point range (empty when out of range).
    #[must_use]
    pub fn slice(&self, start: usize, end: usize) -> &str {
        match self.map.to_bytes(start, end) {
            Some((s, e)) => &self.doc.text[s..e],
            None => "",
        }
    }

    /// `[start, end)` with up to `words` tokens on each side, on one line
    /// (line breaks shown as spaces), `…` where the paragraph goes on.
    #[must_use]
    pub fn context(&self, start: usize, end: usize, words: usize) -> String {
        let first = self.tokens.partition_point(|t| t.end <= start);
        let last = self.tokens.partition_point(|t| t.start < end);
        let block = self
            .blocks
            .iter()
            .find(|b| b.start <= start && start < b.end)
            .map_or((0, usize::MAX), |b| (b.start, b.end));
        let from = self.tokens[first.saturating_sub(words)..first]
            .iter()
            .find(|t| t.start >= block.0)
            .map_or(start, |t| t.start);
        let to = self.tokens[last..(last + words).min(self.tokens.len())]
            .iter()
            .rev()
            .find(|t| t.end <= block.1)
            .map_or(end, |t| t.end);
        let mut out = String::new();
        if from > block.0 {
            out.push('…');
        }
        out.push_str(&self.slice(from, to).replace('\n', " "));
        if to < block.1.min(self.map.char_len()) {
            out.push('…');
        }
        out
    }

    /// Byte range of a code point range, for searching the text.
    #[must_use]
    pub fn to_bytes(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.map.to_bytes(start, end)
    }

    /// Code point index of a byte offset (`None` inside a character).
    #[must_use]
    pub fn to_char(&self, byte: usize) -> Option<usize> {
        self.map.to_char(byte)
    }

    /// Index of the token that starts exactly at `pos`.
    #[must_use]
    pub fn token_starting_at(&self, pos: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&pos, |t| t.start).ok()
    }

    /// Index of the token that ends exactly at `pos`.
    #[must_use]
    pub fn token_ending_at(&self, pos: usize) -> Option<usize> {
        self.tokens.binary_search_by_key(&pos, |t| t.end).ok()
    }

    /// Whether `[start, end)` starts on a token start and ends on a token end.
    #[must_use]
    pub fn is_aligned(&self, start: usize, end: usize) -> bool {
        start < end
            && self.token_starting_at(start).is_some()
            && self.token_ending_at(end).is_some()
    }

    /// First and last index of the tokens that overlap `[start, end)`.
    #[must_use]
    pub fn covering_tokens(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self.tokens.partition_point(|t| t.end <= start);
        let after = self.tokens.partition_point(|t| t.start < end);
        (first < after).then(|| (first, after - 1))
    }

    /// The code point range of tokens `first..=last`.
    #[must_use]
    pub fn token_range(&self, first: usize, last: usize) -> Option<(usize, usize)> {
        let a = self.tokens.get(first)?;
        let b = self.tokens.get(last)?;
        (first <= last).then_some((a.start, b.end))
    }

    /// Index of the paragraph that contains `pos` (or the nearest before it).
    #[must_use]
    pub fn block_of(&self, pos: usize) -> usize {
        self.blocks
            .partition_point(|b| b.start <= pos)
            .saturating_sub(1)
    }

    /// The zone of a paragraph under the given zones.
    #[must_use]
    pub fn block_zone<'z>(&self, block: &Block, zones: &'z [ZoneSpan]) -> Option<&'z Zone> {
        zones
            .iter()
            .find(|z| z.start <= block.start && block.start < z.end)
            .map(|z| &z.zone)
    }

    /// Every occurrence of `needle`: exact matches, or when there are none,
    /// matches that ignore case, apostrophe style and non-breaking spaces.
    #[must_use]
    pub fn find_all(&self, needle: &str) -> Vec<(usize, usize)> {
        if needle.is_empty() {
            return Vec::new();
        }
        let exact: Vec<(usize, usize)> = self
            .doc
            .text
            .match_indices(needle)
            .filter_map(|(b, m)| self.map.to_chars(b, b + m.len()))
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        self.find_folded(needle)
    }

    fn find_folded(&self, needle: &str) -> Vec<(usize, usize)> {
        let pattern: Vec<char> = fold(needle).chars().collect();
        Folded::new(&self.doc.text).find_all(&pattern)
    }

    /// The text nearest to `typed` when it is nowhere in the document: runs of
    /// as many tokens as `typed` has, compared case- and accent-folded, within
    /// an edit distance of about one in four characters (at least one, at most three).
    #[must_use]
    pub fn closest(&self, typed: &str) -> Option<&str> {
        let want: Vec<char> = fold(typed).chars().collect();
        let words = tokenize(typed, self.lang).len();
        if want.is_empty() || words == 0 || words > self.tokens.len() {
            return None;
        }
        let bound = (want.len() / 4).clamp(1, 3);
        let mut best: Option<(usize, usize, usize)> = None;
        for first in 0..=self.tokens.len() - words {
            let Some((s, e)) = self.token_range(first, first + words - 1) else {
                continue;
            };
            if e - s > want.len() + bound || e - s + bound < want.len() {
                continue;
            }
            let got: Vec<char> = fold(self.slice(s, e)).chars().collect();
            let limit = best.map_or(bound, |(d, _, _)| d.saturating_sub(1));
            if let Some(d) = crate::fuzzy::distance(&want, &got, limit)
                && d > 0
            {
                best = Some((d, s, e));
            }
        }
        best.map(|(_, s, e)| self.slice(s, e))
    }
}

/// Splits text into paragraphs: runs of non-blank lines with the same zone at their start.
fn split_blocks(text: &str, zones: &[ZoneSpan]) -> Vec<Block> {
    let zone_at = |pos: usize| {
        zones
            .iter()
            .find(|z| z.start <= pos && pos < z.end)
            .map(|z| &z.zone)
    };
    let mut blocks: Vec<Block> = Vec::new();
    let mut open: Option<(Block, Option<&Zone>)> = None;
    let mut pos = 0;
    for line in text.split('\n') {
        let len = line.chars().count();
        let lead = line.chars().take_while(|c| c.is_whitespace()).count();
        if lead == len {
            if let Some((b, _)) = open.take() {
                blocks.push(b);
            }
        } else {
            let zone = zone_at(pos + lead);
            match &mut open {
                Some((b, z)) if *z == zone => b.end = pos + len,
                _ => {
                    if let Some((b, _)) = open.take() {
                        blocks.push(b);
                    }
                    open = Some((
                        Block {
                            start: pos,
                            end: pos + len,
                        },
                        zone,
                    ));
                }
            }
        }
        pos += len + 1;
    }
    if let Some((b, _)) = open {
        blocks.push(b);
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(text: &str) -> DocView {
        DocView::new(Document::new("d", text), Lang::Fr)
    }

    #[test]
    fn blocks_follow_blank_lines_and_zones() {
        let mut doc = Document::new("d", "Titre\n\nPar X\n12/02/2019\nCorps un.\n\u{a0}\nFin");
        doc.zones = vec![
            ZoneSpan {
                start: 0,
                end: 5,
                zone: "title".into(),
            },
            ZoneSpan {
                start: 7,
                end: 23,
                zone: "meta".into(),
            },
            ZoneSpan {
                start: 24,
                end: 33,
                zone: "body".into(),
            },
        ];
        let v = DocView::new(doc, Lang::Fr);
        let texts: Vec<&str> = v.blocks.iter().map(|b| v.slice(b.start, b.end)).collect();
        assert_eq!(texts, ["Titre", "Par X\n12/02/2019", "Corps un.", "Fin"]);
        assert_eq!(v.block_of(8), 1);
        assert_eq!(v.block_zone(&v.blocks[1], &v.doc.zones), Some(&Zone::Meta));
        assert_eq!(v.block_zone(&v.blocks[3], &v.doc.zones), None);
    }

    #[test]
    fn search_is_exact_first_then_forgiving() {
        let v = view("L’armée syrienne et l'Armée Syrienne");
        assert_eq!(v.find_all("armée syrienne"), vec![(2, 16)]);
        assert_eq!(v.find_all("ARMÉE syrienne").len(), 2);
        assert_eq!(v.find_all("l'armée"), vec![(0, 7), (20, 27)]);
        assert!(v.find_all("").is_empty());
        assert!(v.find_all("absent").is_empty());
    }

    #[test]
    fn search_forgives_case_and_accents() {
        let v = view("Selon Samir Abou Jaoudé, maire de Kfar Selwan.");
        let (s, e) = v.find_all("Samir Abou Jaoude")[0];
        assert_eq!(v.slice(s, e), "Samir Abou Jaoudé");
        let (s, e) = v.find_all("kfar selwan")[0];
        assert_eq!(v.slice(s, e), "Kfar Selwan");
    }

    #[test]
    fn closest_offers_the_nearest_run_of_tokens() {
        let v = view("Le port de Kerbréan et la ville de Kfar Selwan.");
        assert_eq!(
            v.closest("Kerbrean"),
            None,
            "exact after folding is not a near miss"
        );
        assert_eq!(v.closest("Kerbraen"), Some("Kerbréan"));
        assert_eq!(v.closest("kfar selwen"), Some("Kfar Selwan"));
        assert_eq!(v.closest("Marseille"), None);
    }

    #[test]
    fn token_lookups() {
        let v = view("Le Hezbollah participe");
        assert!(v.is_aligned(3, 12));
        assert!(!v.is_aligned(3, 8));
        assert_eq!(v.covering_tokens(5, 8), Some((1, 1)));
        assert_eq!(v.token_range(1, 2), Some((3, 22)));
        assert_eq!(v.token_range(2, 1), None);
        assert_eq!(v.slice(3, 12), "Hezbollah");
    }
}
