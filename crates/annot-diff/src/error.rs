//! Errors for input that no agreement measure can be computed on.

use thiserror::Error;

/// Input that is malformed, as opposed to well-formed input on which a measure is undefined.
///
/// A measure that is merely undefined on its input (one category only, nothing to pair)
/// returns [`crate::metric::Value::Undefined`] instead; this enum is for input that breaks
/// the shape a measure needs, and each message says where and what to do.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum MetricError {
    /// Statistics read back (`agree --combine`) that no tally could have written.
    #[error(
        "the unitizing statistics are not consistent ({why}); give statistics written by `annot stream agree`, unchanged"
    )]
    BadTally {
        /// What is wrong with them.
        why: &'static str,
    },
    /// Two tallies to be joined count different numbers of coders.
    #[error(
        "cannot join tallies of {expected} and {found} coders; give statistics made over the same sides"
    )]
    CodersDiffer {
        /// Coders of the tally joined into.
        expected: usize,
        /// Coders of the other one.
        found: usize,
    },
    /// A unit of a reliability matrix has a different number of cells than there are coders.
    #[error(
        "unit {unit} has {found} values but the study has {expected} coders; give one value (or a missing value) per coder"
    )]
    CoderCountMismatch {
        /// Index of the unit (0-based).
        unit: usize,
        /// Number of coders of the study.
        expected: usize,
        /// Number of cells the unit had.
        found: usize,
    },
    /// A two-coder measure was given a matrix with another number of coders.
    #[error(
        "{measure} compares exactly two coders, but the data has {found}; use Fleiss' kappa or Krippendorff's alpha for more"
    )]
    NotTwoCoders {
        /// The measure that was asked for.
        measure: &'static str,
        /// Number of coders of the data.
        found: usize,
    },
    /// Fleiss' kappa needs the same number of ratings for every unit.
    #[error(
        "Fleiss' kappa needs the same number of ratings for every unit: unit {unit} has {found}, the first unit has {expected}; use Krippendorff's alpha for missing values"
    )]
    UnequalRatings {
        /// Index of the unit (0-based).
        unit: usize,
        /// Number of ratings of the first unit.
        expected: u64,
        /// Number of ratings of this unit.
        found: u64,
    },
    /// A span ends before or where it starts.
    #[error(
        "span {start}..{end} of document {document} is empty or reversed; a span needs start < end"
    )]
    EmptySpan {
        /// Index of the document (0-based) in the input.
        document: usize,
        /// Start offset (code points).
        start: usize,
        /// End offset (code points, exclusive).
        end: usize,
    },
    /// Token offsets are not sorted, overlap, or are empty.
    #[error(
        "token {index} ({start}..{end}) is empty, or starts before the previous token ends; tokens must be sorted, non-empty and non-overlapping"
    )]
    UnsortedTokens {
        /// Index of the token.
        index: usize,
        /// Start offset.
        start: usize,
        /// End offset.
        end: usize,
    },
    /// Two sequences that must be aligned token by token have different lengths.
    #[error(
        "sequence {sequence} has {found} tags in one annotation and {expected} in the other; tag both over the same tokens"
    )]
    LengthMismatch {
        /// Index of the sequence (document or sentence).
        sequence: usize,
        /// Length of the first sequence.
        expected: usize,
        /// Length of the second sequence.
        found: usize,
    },
    /// Annotators' inputs do not cover the same documents.
    #[error(
        "annotator {annotator} has {found} documents and annotator 0 has {expected}; give every annotator the same documents in the same order"
    )]
    DocumentCountMismatch {
        /// Index of the annotator.
        annotator: usize,
        /// Documents of annotator 0.
        expected: usize,
        /// Documents of this annotator.
        found: usize,
    },
    /// A unitizing unit lies outside the continuum, is empty, or names an unknown coder.
    #[error(
        "unit {start}..{end} of coder {coder} is empty, outside the continuum {begin}..{limit}, or names a coder beyond the {coders} of the study"
    )]
    UnitOutOfRange {
        /// Coder index of the unit.
        coder: usize,
        /// Start position.
        start: u64,
        /// End position (exclusive).
        end: u64,
        /// Start of the continuum.
        begin: u64,
        /// End of the continuum (exclusive).
        limit: u64,
        /// Number of coders.
        coders: usize,
    },
    /// A coder marked two overlapping units of the same label, which alpha-U cannot compare.
    #[error(
        "coder {coder} has overlapping units of the same label at {first_start}..{first_end} and {second_start}..{second_end}; merge or split them"
    )]
    OverlappingUnits {
        /// Coder index.
        coder: usize,
        /// Start of the first unit.
        first_start: u64,
        /// End of the first unit.
        first_end: u64,
        /// Start of the second unit.
        second_start: u64,
        /// End of the second unit.
        second_end: u64,
    },
}

/// Why two or more sides cannot be compared.
#[derive(Debug, Error)]
#[non_exhaustive]
pub enum CompareError {
    /// Statistics of shards that compare different sides or label layers.
    #[error(
        "the statistics compare other sides or label layers ({found}) than the first ({expected}); \
         combine only the shards of one `annot stream agree` run"
    )]
    ShardsDiffer {
        /// The sides of the first statistics.
        expected: String,
        /// The sides of these.
        found: String,
    },
    /// Shards whose documents do not follow each other in id order.
    #[error(
        "a shard starts at document '{first}', not after '{last}' where the one before ends: \
         shards must be runs of documents in id order (sort the documents by id before \
         partitioning, e.g. Spark's sortBy, and give the statistics in partition order)"
    )]
    ShardOrder {
        /// The last document of the statistics before.
        last: String,
        /// The first document of these.
        first: String,
    },
    /// A line of a stream that is not what the job reads.
    #[error("<stdin>:{line}: {reason}")]
    StreamLine {
        /// 1-based line number.
        line: usize,
        /// What is wrong and what to give instead.
        reason: String,
    },
    /// A side that is neither an annotator name, `name@TIME`, nor a log file.
    #[error(
        "side '{side}': {reason}; a side is an annotator (alice), an annotator as of a time (alice@2026-11-20 or alice@2026-11-20T14:00, UTC), or a log file (a path with / or ending in .jsonl)"
    )]
    BadSide {
        /// The side as written.
        side: String,
        /// What is wrong with it.
        reason: String,
    },
    /// Fewer sides than the command compares.
    #[error("{command} compares {needs} sides, but {found} were given")]
    TooFewSides {
        /// The command.
        command: &'static str,
        /// How many it needs at least.
        needs: usize,
        /// How many were given.
        found: usize,
    },
    /// The same side named twice.
    #[error("side '{side}' is named twice; name each side once")]
    DuplicateSide {
        /// The side as written.
        side: String,
    },
    /// Two sides that read the same log as of the same time, written differently.
    #[error(
        "sides '{first}' and '{second}' both read {}: one annotator would count twice; name each side once",
        path.display()
    )]
    SameLogTwice {
        /// The first side, as written.
        first: String,
        /// The second, as written.
        second: String,
        /// The log they read.
        path: std::path::PathBuf,
    },
    /// A `--min` gate that names no figure of the report.
    #[error("--min: '{name}' is not a figure of the report; use one of: {known}")]
    UnknownGate {
        /// The name as written.
        name: String,
        /// The names that exist, comma-separated.
        known: String,
    },
    /// A `--min` gate on a figure the report does not compute for its number of sides.
    #[error(
        "--min: '{name}' is computed for two sides only, and the report compares {sides}; gate on {instead} instead"
    )]
    GateNotForSides {
        /// The name as written.
        name: String,
        /// The number of sides compared.
        sides: usize,
        /// The figures to gate on instead, in words.
        instead: String,
    },
    /// A `--min` gate that is not `name=number`.
    #[error("--min: '{part}' is not name=number (e.g. alpha=0.8,f1=0.9)")]
    BadGate {
        /// The part as written.
        part: String,
    },
    /// A `--min` threshold no figure of its kind can reach or miss.
    #[error("--min: '{part}': that figure lies between {range}, so this threshold is a typo")]
    GateOutOfRange {
        /// The part as written.
        part: String,
        /// The figure's range, in words.
        range: &'static str,
    },
    /// `--into` names the log of one of the sides being combined.
    #[error(
        "--into {into}: side '{side}' reads that log; write the result to another annotator (e.g. --into {})",
        if into == "gold" { "gold2" } else { "gold" }
    )]
    IntoIsASide {
        /// The target annotator.
        into: String,
        /// The side that reads its log.
        side: String,
    },
    /// `--strategy prefer:NAME` with a NAME that is not one of the sides.
    #[error("--strategy prefer:{name}: '{name}' is not one of the sides ({sides})")]
    PreferNotASide {
        /// The name after `prefer:`.
        name: String,
        /// The sides, comma-separated.
        sides: String,
    },
    /// `--min-agree` larger than the panel, or zero.
    #[error("--min-agree {k}: there are {sides} sides; give a number from 1 to {sides}")]
    MinAgree {
        /// As given.
        k: usize,
        /// Number of sides.
        sides: usize,
    },
    /// Reading the project, its corpus or a log.
    #[error(transparent)]
    Model(#[from] annot_model::ModelError),
    /// Malformed metric input (a bug in the alignment, reported rather than hidden).
    #[error(transparent)]
    Metric(#[from] MetricError),
    /// The temporary file of a per-document list.
    #[error(transparent)]
    Spill(#[from] annot_model::SpillError),
}
