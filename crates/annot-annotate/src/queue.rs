//! Which documents a session walks, and in what order.
//!
//! What `--filter` selects is [`annot_model::filter`], shared with every
//! command that selects documents; this module applies it to the corpus
//! index and the annotator's log, and orders what is left (`--order`,
//! `--redo`).

use std::collections::HashSet;
use std::str::FromStr;

use annot_model::Status;
use annot_model::corpus::Corpus;
use annot_model::filter::{Filter, Vocabulary};

use crate::error::{Result, SessionError};

/// The order documents come in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Corpus order (file by file, line by line).
    #[default]
    File,
    /// A shuffle fixed by the seed: same seed, same order, in every session.
    Random(u64),
}

impl FromStr for Order {
    type Err = SessionError;

    fn from_str(s: &str) -> Result<Self> {
        match s.trim() {
            "file" => Ok(Order::File),
            other => other
                .strip_prefix("random:")
                .and_then(|seed| seed.parse().ok())
                .map(Order::Random)
                .ok_or_else(|| SessionError::Order(s.to_owned())),
        }
    }
}

/// Parses the `--filter` of a session (an empty expression selects every document).
///
/// # Errors
/// [`SessionError::Filter`], naming the expression and what is wrong in it.
pub fn parse_filter(expr: &str) -> Result<Filter> {
    expr.parse().map_err(|source| SessionError::Filter {
        expr: expr.to_owned(),
        source,
    })
}

/// The documents of a session, as positions in the corpus index: every
/// document the filter selects, decided or not, so that a document keeps its
/// place (`doc 2/14`) across restarts; [`already_done`] says which of them
/// the session passes over.
///
/// Ordering comes before selection, so a resumed random session keeps the
/// relative order of what is left. `status_of` gives the status of the
/// annotator's latest record of a document (the log's index has it).
///
/// # Errors
/// A document that cannot be read while checking a metadata filter; a filter
/// that selects nothing because of a key or value no document has.
pub fn build(
    corpus: &Corpus,
    status_of: impl Fn(&str) -> Option<Status>,
    filter: &Filter,
    order: Order,
) -> Result<Vec<u32>> {
    let n = u32::try_from(corpus.len()).unwrap_or(u32::MAX);
    let mut items: Vec<u32> = (0..n).collect();
    if let Order::Random(seed) = order {
        annot_model::rng::SplitMix64::new(seed).shuffle(&mut items);
    }
    if filter.selects_entry() {
        // One pass over the index in corpus order, a bit a document.
        let mut pass = vec![false; items.len()];
        for (slot, entry) in pass.iter_mut().zip(corpus.entries()) {
            let id = entry?.id;
            *slot = filter.matches_status(&id, status_of(&id));
        }
        items.retain(|&i| pass[i as usize]);
    }
    if filter.needs_document() {
        let mut kept = Vec::with_capacity(items.len());
        for i in items {
            let doc = corpus.get_at(i as usize)?;
            if filter.matches_document(&doc) {
                kept.push(i);
            }
        }
        items = kept;
        if items.is_empty() {
            check_filter(corpus, filter)?;
        }
    }
    Ok(items)
}

/// The documents of `queue` the annotator is done with ([`Status::leaves_queue`]), which a session
/// passes over: none with `redo`, or when the filter is on `status` (then
/// those documents are what is wanted). `done` are the documents whose latest
/// record in the annotator's log leaves the queue: the work is in the number
/// of records, not of documents.
#[must_use]
pub fn already_done(
    corpus: &Corpus,
    queue: &[u32],
    done: impl Iterator<Item = impl AsRef<str>>,
    filter: &Filter,
    redo: bool,
) -> HashSet<u32> {
    if redo || filter.selects_status() {
        return HashSet::new();
    }
    let decided: HashSet<u32> = done
        .filter_map(|id| corpus.position(id.as_ref()))
        .filter_map(|p| u32::try_from(p).ok())
        .collect();
    if decided.is_empty() {
        return decided;
    }
    queue
        .iter()
        .copied()
        .filter(|i| decided.contains(i))
        .collect()
}

/// Why a filter on metadata or zones selected nothing, when a key or value
/// is nowhere in the corpus.
///
/// # Errors
/// [`SessionError::FilterMatchesNothing`], or a document that cannot be read.
pub fn check_filter(corpus: &Corpus, filter: &Filter) -> Result<()> {
    let mut vocabulary = Vocabulary::default();
    for doc in corpus.iter() {
        vocabulary.add(&doc?);
    }
    filter
        .check_against(&vocabulary)
        .map_err(SessionError::FilterMatchesNothing)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn orders_parse() {
        assert_eq!("file".parse::<Order>().unwrap(), Order::File);
        assert_eq!("random:42".parse::<Order>().unwrap(), Order::Random(42));
        assert!(
            "random"
                .parse::<Order>()
                .unwrap_err()
                .to_string()
                .contains("random:SEED")
        );
        assert!("shuffle".parse::<Order>().is_err());
    }
}
