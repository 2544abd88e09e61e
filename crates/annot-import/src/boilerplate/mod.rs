//! What marks a line as page furniture rather than article: known phrases of
//! French and English news sites, counters, and lines that recur across the
//! documents of one import.

mod fold;
mod phrase;
mod recurrence;
#[cfg(test)]
mod tests;

pub(crate) use fold::{fold, head};
pub(crate) use phrase::{FoldedLine, Phrase, SHORT_LINE, is_counter, warm};
pub use recurrence::{DEFAULT_RECURRENCE_SAMPLE, LineCounts, RecurrenceSample, RecurrenceTable};
