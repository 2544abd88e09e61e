//! The line a streaming job (Spark's `RDD.pipe`, Hadoop streaming) reads for
//! the jobs that need a document and what annotators recorded on it: agreement
//! and export. `annot stream documents` writes these lines from a project; a
//! cluster job makes them by joining corpus lines and each annotator's latest
//! record on the document id.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::annotations::{Resolved, resolve_among};
use crate::{Document, Record};

/// One document of a stream, with what the sides recorded on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentLine {
    /// The current version of the document, as a corpus line.
    pub document: Document,
    /// Older versions of the document that some record was made on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub versions: Vec<Document>,
    /// The document's position in the corpus (import order), for the split
    /// plan: the oldest of near-duplicates leads their cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    /// Side (annotator) name -> its latest record of the document, as in its log.
    #[serde(default)]
    pub records: BTreeMap<String, Record>,
}

impl DocumentLine {
    /// Parses one line of a stream; the error says what the line must be.
    ///
    /// # Errors
    /// A line that is not a document line, or holds a record of another document.
    pub fn parse(line: &str) -> Result<Self, String> {
        let doc: DocumentLine = serde_json::from_str(line).map_err(|e| {
            format!(
                "not a document line ({e}): give {{\"document\": ..., \"records\": {{SIDE: record}}}} \
                 lines, as `annot stream documents` writes them"
            )
        })?;
        if let Some(r) = doc.records.values().find(|r| r.doc != doc.document.id) {
            return Err(format!(
                "a record of document '{}' is on the line of document '{}'",
                r.doc, doc.document.id
            ));
        }
        Ok(doc)
    }

    /// The record of side `name`, resolved onto the current text as the
    /// annotations view resolves it (carried from an older version when it
    /// was made on one), with `name` as its annotator.
    #[must_use]
    pub fn resolve(&self, name: &str) -> Option<Resolved> {
        let record = self.records.get(name)?;
        let mut r = resolve_among(record.clone(), &self.document, &self.versions);
        r.annotator = name.to_owned();
        Some(r)
    }
}
