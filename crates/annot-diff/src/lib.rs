//! Comparing annotators: sides, alignment, agreement metrics over document labels, spans,
//! tokens and character positions, and the reports of `annot diff` and `annot agree`.
//!
//! - [`side`]: what is compared (an annotator, an annotator as of a time, a log file);
//! - [`compare`]: the documents the sides share, records resolved onto the current text;
//! - [`align`]: two sides' spans paired and classified (same, label, boundary, only A/B);
//! - [`agree`]: every agreement figure in one pass; [`gate`]: `--min` thresholds;
//! - [`merge`]: `annot merge`, sides combined into one log, what is left open flagged;
//! - [`adjudicate`]: what `annot adjudicate` goes over (agreed spans, disagreements);
//! - [`metric`]: the measures themselves.
//!
//! Every measure is a pure function over simple inputs that returns a typed result:
//! an [`metric::Agreement`] (or [`metric::Scores`]) holding either a value or the reason
//! the measure is undefined on that input, plus the number of items it rests on.
//! Nothing here prints, panics on input, or returns NaN.
//!
//! ```
//! use annot_diff::metric::{krippendorff_alpha, DistanceMetric, ReliabilityData, Value};
//!
//! // Krippendorff (2011): four coders, twelve units, missing values as None.
//! let rows: Vec<Vec<Option<u32>>> = vec![
//!     vec![Some(1), Some(1), None, Some(1)],
//!     vec![Some(2), Some(2), Some(3), Some(2)],
//!     vec![Some(3), Some(3), Some(3), Some(3)],
//!     vec![Some(3), Some(3), Some(3), Some(3)],
//!     vec![Some(2), Some(2), Some(2), Some(2)],
//!     vec![Some(1), Some(2), Some(3), Some(4)],
//!     vec![Some(4), Some(4), Some(4), Some(4)],
//!     vec![Some(1), Some(1), Some(2), Some(1)],
//!     vec![Some(2), Some(2), Some(2), Some(2)],
//!     vec![None, Some(5), Some(5), Some(5)],
//!     vec![None, None, Some(1), Some(1)],
//!     vec![None, Some(3), None, None],
//! ];
//! let data = ReliabilityData::from_units(4, rows)?;
//! let alpha = krippendorff_alpha(&data, DistanceMetric::Nominal);
//! assert_eq!(alpha.items, 11); // the last unit has one value: not pairable
//! match alpha.value {
//!     Value::Defined(a) => assert!((a - 0.743).abs() < 5e-4),
//!     Value::Undefined(why) => panic!("undefined: {why}"),
//! }
//! # Ok::<(), annot_diff::MetricError>(())
//! ```

pub mod adjudicate;
pub mod agree;
pub mod align;
pub mod compare;
pub mod diff;
pub mod error;
pub mod gate;
pub mod merge;
pub mod metric;
pub mod side;
pub mod stream;

pub use error::{CompareError, MetricError};
