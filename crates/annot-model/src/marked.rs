//! Marked text: a range of a document cut into segments, each with the marks
//! (spans, suggestions, disagreements: any labelled ranges) that cover it.
//!
//! Every screen that draws spans in running text lays them out the same way
//! here and only styles the result its own way: the annotate screen, `show`,
//! and the diff colouring disagreements. Marks may nest and overlap.
//!
//! Marks are given as code point ranges; the caller keeps what each one is
//! and finds it again by its index. A mark that crosses the edge of the range
//! is cut at the edge; an empty mark covers nothing.
//!
//! ```
//! use annot_model::marked::{Event, events, segments};
//!
//! // "Le Conseil de l'ONU": ORG over "Conseil de l'ONU", ORG again over "ONU".
//! let marks = [(3, 19), (16, 19)];
//! let segs = segments(&marks, 0, 19);
//! let covering: Vec<_> = segs.iter().map(|s| (s.start, s.end, s.covering.clone())).collect();
//! assert_eq!(covering, [(0, 3, vec![]), (3, 16, vec![0]), (16, 19, vec![0, 1])]);
//! let closes: Vec<usize> = events(&segs)
//!     .filter_map(|e| match e { Event::Close(i) => Some(i), _ => None })
//!     .collect();
//! assert_eq!(closes, [1, 0]); // innermost first
//! ```

/// A piece of the range that the same marks cover throughout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// First code point.
    pub start: usize,
    /// End (exclusive); always after `start`.
    pub end: usize,
    /// Indices of the marks covering the segment, outermost first: by start,
    /// then the longer first, then in the order given.
    pub covering: Vec<usize>,
}

/// Cuts `[start, end)` into segments at every mark boundary inside it.
///
/// The segments tile the range exactly, in order; two neighbours never have
/// the same covering set. An empty or reversed range gives no segment.
#[must_use]
pub fn segments(marks: &[(usize, usize)], start: usize, end: usize) -> Vec<Segment> {
    if start >= end {
        return Vec::new();
    }
    // Clamped to the range; marks that do not reach into it (or are empty) drop out.
    let mut inside: Vec<(usize, usize, usize)> = marks
        .iter()
        .enumerate()
        .filter(|(_, (s, e))| s < e && *s < end && start < *e)
        .map(|(i, &(s, e))| (i, s, e))
        .collect();
    // Outermost first: the order marks open in, which nesting keeps on close.
    inside.sort_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
    let mut cuts: Vec<usize> = vec![start, end];
    for &(_, s, e) in &inside {
        cuts.push(s.clamp(start, end));
        cuts.push(e.clamp(start, end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| Segment {
            start: w[0],
            end: w[1],
            covering: inside
                .iter()
                .filter(|&&(_, s, e)| s <= w[0] && w[1] <= e)
                .map(|&(i, _, _)| i)
                .collect(),
        })
        .collect()
}

/// What a renderer writes, in order: marks opening, text, marks closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event<'a> {
    /// Mark `i` starts here (outer marks before inner ones).
    Open(usize),
    /// A segment's text.
    Text(&'a Segment),
    /// Mark `i` ends here (inner marks before outer ones).
    Close(usize),
}

/// The segments as open, text and close events, for renderers that draw
/// brackets or labels where marks begin and end.
///
/// Overlapping marks that do not nest close where they end, so a mark may
/// close while one opened after it stays open.
pub fn events(segments: &[Segment]) -> impl Iterator<Item = Event<'_>> {
    let none: &[usize] = &[];
    let mut out = Vec::new();
    let mut before = none;
    for seg in segments {
        close(&mut out, before, &seg.covering);
        out.extend(
            seg.covering
                .iter()
                .filter(|i| !before.contains(i))
                .map(|&i| Event::Open(i)),
        );
        out.push(Event::Text(seg));
        before = &seg.covering;
    }
    close(&mut out, before, none);
    out.into_iter()
}

/// Closes, innermost first, the marks of `before` that `after` does not have.
fn close(out: &mut Vec<Event<'_>>, before: &[usize], after: &[usize]) {
    out.extend(
        before
            .iter()
            .rev()
            .filter(|i| !after.contains(i))
            .map(|&i| Event::Close(i)),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn covering(segs: &[Segment]) -> Vec<(usize, usize, Vec<usize>)> {
        segs.iter()
            .map(|s| (s.start, s.end, s.covering.clone()))
            .collect()
    }

    #[test]
    fn no_marks_is_one_plain_segment() {
        assert_eq!(covering(&segments(&[], 2, 9)), [(2, 9, vec![])]);
        assert!(segments(&[(0, 4)], 5, 5).is_empty());
    }

    #[test]
    fn marks_are_cut_at_the_range() {
        // A span from the paragraph before, one past its end, one outside.
        let segs = segments(&[(0, 12), (15, 30), (40, 45)], 10, 20);
        assert_eq!(
            covering(&segs),
            [(10, 12, vec![0]), (12, 15, vec![]), (15, 20, vec![1])]
        );
    }

    #[test]
    fn overlapping_marks_close_where_they_end() {
        let segs = segments(&[(5, 15), (0, 10)], 0, 20);
        let ev: Vec<String> = events(&segs)
            .map(|e| match e {
                Event::Open(i) => format!("<{i}"),
                Event::Text(s) => format!("{}-{}", s.start, s.end),
                Event::Close(i) => format!("{i}>"),
            })
            .collect();
        assert_eq!(
            ev,
            ["<1", "0-5", "<0", "5-10", "1>", "10-15", "0>", "15-20"]
        );
    }

    #[test]
    fn equal_marks_keep_their_order_and_empty_ones_cover_nothing() {
        let segs = segments(&[(2, 4), (2, 4), (3, 3)], 0, 4);
        assert_eq!(covering(&segs), [(0, 2, vec![]), (2, 4, vec![0, 1])]);
    }

    proptest! {
        /// Segments tile the range, and each one's covering set is exactly
        /// the marks that contain it, outermost first.
        #[test]
        fn segments_tile_and_cover(
            marks in proptest::collection::vec((0usize..40, 0usize..40), 0..8),
            start in 0usize..40,
            len in 0usize..40,
        ) {
            let end = start + len;
            let segs = segments(&marks, start, end);
            if start == end {
                prop_assert!(segs.is_empty());
            } else {
                prop_assert_eq!(segs.first().map(|s| s.start), Some(start));
                prop_assert_eq!(segs.last().map(|s| s.end), Some(end));
            }
            for w in segs.windows(2) {
                prop_assert_eq!(w[0].end, w[1].start);
                prop_assert_ne!(&w[0].covering, &w[1].covering);
            }
            for seg in &segs {
                prop_assert!(seg.start < seg.end);
                for pos in seg.start..seg.end {
                    let mut want: Vec<usize> = (0..marks.len())
                        .filter(|&i| marks[i].0 <= pos && pos < marks[i].1)
                        .collect();
                    want.sort_by_key(|&i| (marks[i].0, std::cmp::Reverse(marks[i].1), i));
                    prop_assert_eq!(&seg.covering, &want);
                }
            }
            // Every mark that opens also closes, after it opened.
            let ev: Vec<Event<'_>> = events(&segs).collect();
            for (k, e) in ev.iter().enumerate() {
                if let Event::Open(i) = e {
                    prop_assert!(ev[k..].contains(&Event::Close(*i)));
                }
            }
        }
    }
}
