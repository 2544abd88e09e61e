//! The text an export writes: the kept zones of a document, joined.
//!
//! Each kept zone is taken in text order, trimmed of the white space at its
//! ends, and the pieces are joined with a blank line (`"\n\n"`), the
//! paragraph break of the stored text; line breaks inside a zone stay as
//! they are. A document without zones is one body zone. Every span is moved
//! onto this text; a span that lies across the edge of a kept zone is
//! reported and left out, never cut, and a span wholly in left-out zones is
//! only counted.

use crate::offsets::OffsetWalk;
use crate::record::Span;
use crate::{Zone, ZoneSpan};
use serde::{Deserialize, Serialize};

/// The zones an export writes unless told otherwise: title, lede and body.
pub const DEFAULT_ZONES: [Zone; 3] = [Zone::Title, Zone::Lede, Zone::Body];

/// What joins two kept zones.
pub const ZONE_JOINER: &str = "\n\n";

/// A kept zone: its code point range in the stored text and where it starts in the written text.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    out: usize,
}

/// The written text of one document and how to move offsets onto it.
#[derive(Debug, Clone)]
pub struct ZonedText {
    /// The text written.
    pub text: String,
    pieces: Vec<Piece>,
}

/// A span that lies across the edge of a kept zone, as it is in the stored text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CrossingSpan {
    /// The document.
    pub doc: String,
    /// The span, with its offsets in the stored text.
    pub span: Span,
}

/// The spans of a document moved onto the written text.
#[derive(Debug, Default)]
pub struct Moved {
    /// Spans inside a kept zone, at their offsets in the written text.
    pub spans: Vec<(Span, usize)>,
    /// Spans across the edge of a kept zone.
    pub crossing: Vec<Span>,
    /// Spans wholly outside the kept zones.
    pub outside: usize,
}

impl ZonedText {
    /// The written text of `text` with `zones` (none: the whole text) keeping `keep`.
    #[must_use]
    pub fn new(text: &str, zones: &[ZoneSpan], keep: &[Zone]) -> Self {
        // The zone edges are taken in text order: one walk converts them.
        let char_len = text.chars().count();
        let mut walk = OffsetWalk::new(text);
        let whole = [ZoneSpan {
            start: 0,
            end: char_len,
            zone: Zone::Body,
        }];
        let zones = if zones.is_empty() { &whole[..] } else { zones };
        let mut kept: Vec<(usize, usize)> = zones
            .iter()
            .filter(|z| keep.contains(&z.zone) && z.start < z.end)
            .map(|z| (z.start, z.end.min(char_len)))
            .collect();
        kept.sort_unstable();
        let mut out = String::new();
        let mut out_chars = 0;
        let mut pieces = Vec::new();
        let mut covered = 0;
        for (start, end) in kept {
            let start = start.max(covered);
            if start >= end {
                continue;
            }
            covered = end;
            let (Some(a), Some(b)) = (walk.to_byte(start), walk.to_byte(end)) else {
                continue;
            };
            let raw = &text[a..b];
            let trimmed_start = raw.trim_start();
            let lead = raw[..raw.len() - trimmed_start.len()].chars().count();
            let piece = trimmed_start.trim_end();
            if piece.is_empty() {
                continue;
            }
            if !pieces.is_empty() {
                out.push_str(ZONE_JOINER);
                out_chars += ZONE_JOINER.len();
            }
            let len = piece.chars().count();
            pieces.push(Piece {
                start: start + lead,
                end: start + lead + len,
                out: out_chars,
            });
            out.push_str(piece);
            out_chars += len;
        }
        Self { text: out, pieces }
    }

    /// The stored-text range of `[start, end)` of the written text, when it
    /// lies inside one kept zone (the way back of [`ZonedText::move_spans`]).
    #[must_use]
    pub fn to_stored(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        self.pieces
            .iter()
            .find(|p| p.out <= start && end <= p.out + (p.end - p.start))
            .map(|p| (start - p.out + p.start, end - p.out + p.start))
    }

    /// Moves `spans` (stored-text offsets) onto the written text. Each kept
    /// span comes with its index in `spans`.
    #[must_use]
    pub fn move_spans(&self, spans: &[Span]) -> Moved {
        let mut moved = Moved::default();
        for (i, s) in spans.iter().enumerate() {
            if let Some(p) = self
                .pieces
                .iter()
                .find(|p| p.start <= s.start && s.end <= p.end)
            {
                let mut span = s.clone();
                span.start = s.start - p.start + p.out;
                span.end = s.end - p.start + p.out;
                moved.spans.push((span, i));
            } else if self
                .pieces
                .iter()
                .any(|p| s.start < p.end && p.start < s.end)
            {
                moved.crossing.push(s.clone());
            } else {
                moved.outside += 1;
            }
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zone(start: usize, end: usize, zone: &str) -> ZoneSpan {
        ZoneSpan {
            start,
            end,
            zone: zone.into(),
        }
    }

    #[test]
    fn kept_zones_are_joined_by_a_blank_line_and_spans_move() {
        let text = "Menu\n\nÉté à Paris\n\nPar X\n\n Le corps. \n\nFin";
        let zones = [
            zone(0, 4, "boilerplate"),
            zone(6, 17, "title"),
            zone(19, 24, "meta"),
            zone(26, 37, "body"),
            zone(39, 42, "boilerplate"),
        ];
        let z = ZonedText::new(text, &zones, &DEFAULT_ZONES);
        assert_eq!(z.text, "Été à Paris\n\nLe corps.");
        let paris = Span::from_chars(text, 12, 17, "LOC").unwrap();
        let corps = Span::from_chars(text, 30, 35, "MISC").unwrap();
        let across = Span::from_chars(text, 12, 21, "LOC").unwrap();
        let menu = Span::from_chars(text, 0, 4, "ORG").unwrap();
        let m = z.move_spans(&[paris, corps, across.clone(), menu]);
        let got: Vec<(usize, usize, usize)> =
            m.spans.iter().map(|(s, i)| (s.start, s.end, *i)).collect();
        assert_eq!(got, [(6, 11, 0), (16, 21, 1)]);
        for (s, _) in &m.spans {
            assert_eq!(
                crate::offsets::slice_chars(&z.text, s.start, s.end),
                Some(s.text.as_str())
            );
        }
        assert_eq!(m.crossing, [across]);
        assert_eq!(m.outside, 1);
    }

    #[test]
    fn a_document_without_zones_is_one_body() {
        let z = ZonedText::new("  Tout le texte.\n", &[], &[Zone::Body]);
        assert_eq!(z.text, "Tout le texte.");
        let s = Span::from_chars("  Tout le texte.\n", 2, 6, "X").unwrap();
        assert_eq!(z.move_spans(&[s]).spans[0].0.start, 0);
    }
}
