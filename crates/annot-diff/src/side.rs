//! Sides: what `annot diff` and `annot agree` compare.
//!
//! A side is written one of three ways:
//!
//! | written | means |
//! | --- | --- |
//! | `alice` | the latest records of annotator alice |
//! | `alice@2026-11-20` | alice's log replayed up to the end of that day (UTC): records with `at` on or before it |
//! | `alice@2026-11-20T14:00` | alice's log replayed up to that time (UTC, inclusive); seconds and a `Z` may be given |
//! | `old/alice.jsonl`, `alice.jsonl` | the records of a log file (a path: it has a `/` or ends in `.jsonl`) |
//!
//! "Two annotators" and "two versions of one annotator" are the same comparison; the
//! records are read through [`annot_model::annotations`], the one view every command
//! reads through.
//!
//! ```
//! use annot_diff::side::SideSpec;
//!
//! let side: SideSpec = "alice@2026-11-20T14:00".parse()?;
//! assert_eq!(side.annotator(), Some("alice"));
//! assert!(matches!("runs/alice.jsonl".parse::<SideSpec>()?, SideSpec::File(_)));
//! # Ok::<(), annot_diff::CompareError>(())
//! ```

use std::path::{Path, PathBuf};
use std::str::FromStr;

use annot_model::annotations::AnnotatorRecords;
use annot_model::project::{Project, check_annotator};
use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

use crate::CompareError;

/// A side as written on the command line, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideSpec {
    /// An annotator's latest records.
    Annotator(String),
    /// An annotator's log replayed up to a time.
    AsOf {
        /// The annotator.
        annotator: String,
        /// Records with `at <= until` count.
        until: Timestamp,
    },
    /// A log file.
    File(PathBuf),
}

impl SideSpec {
    /// The annotator whose project log the side reads, if it reads one.
    #[must_use]
    pub fn annotator(&self) -> Option<&str> {
        match self {
            SideSpec::Annotator(a) | SideSpec::AsOf { annotator: a, .. } => Some(a),
            SideSpec::File(_) => None,
        }
    }
}

impl FromStr for SideSpec {
    type Err = CompareError;

    fn from_str(s: &str) -> Result<Self, CompareError> {
        let bad = |reason: String| CompareError::BadSide {
            side: s.to_owned(),
            reason,
        };
        if s.contains('/') || s.contains(std::path::MAIN_SEPARATOR) || s.ends_with(".jsonl") {
            return Ok(SideSpec::File(PathBuf::from(s)));
        }
        let (name, time) = match s.split_once('@') {
            Some((n, t)) => (n, Some(t)),
            None => (s, None),
        };
        check_annotator(name).map_err(|e| bad(e.to_string()))?;
        match time {
            None => Ok(SideSpec::Annotator(name.to_owned())),
            Some(t) => Ok(SideSpec::AsOf {
                annotator: name.to_owned(),
                until: parse_until(t).map_err(bad)?,
            }),
        }
    }
}

/// `2026-11-20` (the end of that day), `2026-11-20T14:00[:00]` or an RFC 3339 time, in UTC.
fn parse_until(t: &str) -> Result<Timestamp, String> {
    if let Ok(ts) = t.parse::<Timestamp>() {
        return Ok(ts);
    }
    let utc = |dt: DateTime| {
        dt.to_zoned(TimeZone::UTC)
            .map(|z| z.timestamp())
            .map_err(|e| e.to_string())
    };
    if !t.contains('T')
        && let Ok(date) = t.parse::<Date>()
    {
        // A day stands for all of it: "alice as of the 20th" includes what she did that day.
        return utc(date.at(23, 59, 59, 999_999_999));
    }
    match t.parse::<DateTime>() {
        Ok(dt) => utc(dt),
        Err(_) => Err(format!(
            "'{t}' is not a date (2026-11-20) or a time (2026-11-20T14:00)"
        )),
    }
}

/// A side with its records read.
#[derive(Debug)]
pub struct Side {
    /// The side as written (`alice`, `alice@2026-11-20`, `old/alice.jsonl`): its name in reports.
    pub name: String,
    /// What it is.
    pub spec: SideSpec,
    /// Its records: the latest per document, as of the side's time.
    pub records: AnnotatorRecords,
}

impl Side {
    /// Parses `written` and reads its records from `project`.
    ///
    /// An annotator without a log is a side with no records (reported as such, not an
    /// error); a named log file that does not exist is an error.
    ///
    /// # Errors
    /// A side that does not parse, or a log that cannot be read (file and line named).
    pub fn load(project: &Project, written: &str) -> Result<Side, CompareError> {
        let spec: SideSpec = written.parse()?;
        let records = match &spec {
            SideSpec::Annotator(name) => {
                let path = project.log_path(name)?;
                AnnotatorRecords::read_until(name, &path, Timestamp::MAX)?
            }
            SideSpec::AsOf { annotator, until } => {
                let path = project.log_path(annotator)?;
                AnnotatorRecords::read_until(written, &path, *until)?
            }
            SideSpec::File(path) => AnnotatorRecords::read_file(written, path)?,
        };
        Ok(Side {
            name: written.to_owned(),
            spec,
            records,
        })
    }

    /// Reads every side, checking that none is named twice and there are at least `needs`.
    ///
    /// # Errors
    /// As [`Side::load`]; [`CompareError::TooFewSides`]; [`CompareError::DuplicateSide`];
    /// [`CompareError::SameLogTwice`] for one log named two ways.
    pub fn load_all(
        project: &Project,
        written: &[String],
        command: &'static str,
        needs: usize,
    ) -> Result<Vec<Side>, CompareError> {
        if written.len() < needs {
            return Err(CompareError::TooFewSides {
                command,
                needs,
                found: written.len(),
            });
        }
        for (i, w) in written.iter().enumerate() {
            if written[..i].contains(w) {
                return Err(CompareError::DuplicateSide { side: w.clone() });
            }
        }
        let sides: Vec<Side> = written
            .iter()
            .map(|w| Side::load(project, w))
            .collect::<Result<_, _>>()?;
        // The same log as of the same time, written two ways (`alice` and
        // `annotations/alice.jsonl`): one annotator would count twice.
        let keys: Vec<(PathBuf, Timestamp)> = sides.iter().map(Side::identity).collect();
        for (i, k) in keys.iter().enumerate() {
            if let Some(j) = keys[..i].iter().position(|x| x == k) {
                return Err(CompareError::SameLogTwice {
                    first: sides[j].name.clone(),
                    second: sides[i].name.clone(),
                    path: sides[i].records.path.clone(),
                });
            }
        }
        Ok(sides)
    }

    /// What the side reads: its log's canonical path, and the time it is read as of.
    fn identity(&self) -> (PathBuf, Timestamp) {
        let p = &self.records.path;
        let path = p.canonicalize().unwrap_or_else(|_| {
            // No log yet: its directory is there (or not); compare what can be.
            match (p.parent().map(Path::canonicalize), p.file_name()) {
                (Some(Ok(dir)), Some(name)) => dir.join(name),
                _ => std::path::absolute(p).unwrap_or_else(|_| p.clone()),
            }
        });
        let until = match &self.spec {
            SideSpec::AsOf { until, .. } => *until,
            _ => Timestamp::MAX,
        };
        (path, until)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ts(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    #[test]
    fn sides_parse() {
        assert_eq!(
            "alice".parse::<SideSpec>().unwrap(),
            SideSpec::Annotator("alice".into())
        );
        assert_eq!(
            "alice@2026-11-20".parse::<SideSpec>().unwrap(),
            SideSpec::AsOf {
                annotator: "alice".into(),
                until: ts("2026-11-20T23:59:59.999999999Z")
            }
        );
        assert_eq!(
            "alice@2026-11-20T14:00".parse::<SideSpec>().unwrap(),
            SideSpec::AsOf {
                annotator: "alice".into(),
                until: ts("2026-11-20T14:00:00Z")
            }
        );
        assert_eq!(
            "alice@2026-11-20T14:00:05Z".parse::<SideSpec>().unwrap(),
            SideSpec::AsOf {
                annotator: "alice".into(),
                until: ts("2026-11-20T14:00:05Z")
            }
        );
        assert!(matches!(
            "alice.jsonl".parse::<SideSpec>().unwrap(),
            SideSpec::File(_)
        ));
        assert!(matches!(
            "../v1/alice".parse::<SideSpec>().unwrap(),
            SideSpec::File(_)
        ));
        let err = "alice@yesterday"
            .parse::<SideSpec>()
            .unwrap_err()
            .to_string();
        assert!(err.contains("'yesterday' is not a date"), "{err}");
        assert!("".parse::<SideSpec>().is_err());
        assert!("@2026-11-20".parse::<SideSpec>().is_err());
    }
}
