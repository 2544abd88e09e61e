//! The export as a map over a stream of [`DocumentLine`]s, for Spark's
//! `RDD.pipe` or Hadoop streaming: each document goes through the step of
//! every export ([`crate::export`]: select, move onto the written text,
//! pre-flight, write), so a shard's lines are the lines a single-machine
//! `annot export --out -` writes for the same documents.
//!
//! A shard is all or nothing, as an export is: when the pre-flight refuses a
//! span of any of its documents, nothing of the shard is written. Splits and
//! documents without records are left to the cluster job.
//!
//! A shard writes its documents only: what an export writes before the first
//! document (the CSV header, `--excel`'s byte-order mark, brat's
//! `annotation.conf`) is [`export_head`], written once by the driver before the
//! shards. A brat shard writes each file as a line `{"file","text"}`; the
//! driver writes the files.

use std::io::{BufRead, Write};

use annot_model::Schema;
use annot_model::stream::DocumentLine;
use annot_model::tokenize::Lang;

use crate::config::{ExportConfig, Format, Source};
use crate::error::{ExportError, Result};
use crate::export::{Built, Step, Tally, build_document, overlap_rule};
use crate::preflight::{Refusal, Report};
use crate::split::Signature;
use crate::summary::LeftOut;
use crate::writers::{Vocab, stream_writer};

/// What a shard's export wrote.
#[derive(Debug, Default, serde::Serialize)]
pub struct ShardSummary {
    /// Documents written.
    pub documents: usize,
    /// Documents left out, by reason.
    pub left_out: LeftOut,
    /// What the pre-flight changed or set aside.
    pub preflight: Report,
}

/// The map: the export lines of the [`DocumentLine`]s of `input`, to `out`
/// once the whole shard passed the pre-flight (held back until then in a
/// temporary file past a few megabytes: memory does not grow with the shard).
///
/// # Errors
/// [`ExportError::Config`] for an export a stream cannot write (spacy,
/// parquet, splits, `--include-unannotated`); [`ExportError::StreamLine`] for a
/// line that is not a document line; [`ExportError::Refused`] with the
/// pre-flight's list; [`ExportError::Write`] when `out` fails.
pub fn export_shard(
    input: impl BufRead,
    config: &ExportConfig,
    schema: &Schema,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<ShardSummary> {
    check(config, schema)?;
    let names = config.source.annotators();
    let step = Step::checking(config, &names, schema, lang);
    let provenance = matches!(config.source, Source::Combined { .. });
    let mut vocab = Vocab::from_schema(schema);
    // The formats a stream writes have no directory of their own.
    let mut w = stream_writer(&config.format);
    let mut buf = Spill::default();
    let mut refusal = Refusal::default();
    let mut summary = ShardSummary::default();
    let stdout = || std::path::PathBuf::from("-");
    // The head is export_head's, written once before every shard.
    w.start(&vocab, &mut Vec::new())
        .map_err(|source| ExportError::Write {
            path: stdout(),
            source,
        })?;
    walk(input, &step, &mut refusal, &mut summary, &mut |b| {
        vocab.observe(&b.spans, &b.labels);
        w.write(&b.example(provenance), &vocab, &mut buf)
            .map_err(|source| ExportError::Write {
                path: std::env::temp_dir(),
                source,
            })
    })?;
    if !refusal.is_empty() {
        return Err(ExportError::Refused(Box::new(refusal)));
    }
    w.finish(&mut buf).map_err(|source| ExportError::Write {
        path: std::env::temp_dir(),
        source,
    })?;
    buf.copy_to(out)
        .and_then(|()| out.flush())
        .map_err(|source| ExportError::Write {
            path: stdout(),
            source,
        })?;
    Ok(summary)
}

/// Bytes held back until a shard passed the pre-flight: in memory up to
/// [`Spill::IN_MEMORY`], then in an unnamed temporary file (in `TMPDIR`), so
/// that a shard of any size exports in bounded memory.
#[derive(Default)]
struct Spill {
    memory: Vec<u8>,
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl Spill {
    /// Bytes kept in memory before the rest goes to a temporary file.
    const IN_MEMORY: usize = 8 << 20;

    /// Everything written, in order, to `out`.
    fn copy_to(self, out: &mut dyn Write) -> std::io::Result<()> {
        use std::io::Seek as _;
        out.write_all(&self.memory)?;
        if let Some(file) = self.file {
            let mut file = file
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?;
            file.rewind()?;
            std::io::copy(&mut file, out)?;
        }
        Ok(())
    }
}

impl Write for Spill {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.file.is_none() && self.memory.len() + bytes.len() <= Self::IN_MEMORY {
            self.memory.extend_from_slice(bytes);
            return Ok(bytes.len());
        }
        let file = match &mut self.file {
            Some(f) => f,
            None => self.file.insert(std::io::BufWriter::with_capacity(
                1 << 16,
                tempfile::tempfile()?,
            )),
        };
        file.write_all(bytes)?;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.file.as_mut().map_or(Ok(()), Write::flush)
    }
}

/// What an export of `config` writes before its first document (the CSV
/// header, the byte-order mark of `--excel`, brat's `annotation.conf` as a
/// file line; nothing for jsonl, conll and hf), to `out`: the driver writes
/// it once, before the shards' lines, to make the bytes of `annot export`.
///
/// # Errors
/// As [`export_shard`], for the configuration and `out`.
pub fn export_head(config: &ExportConfig, schema: &Schema, out: &mut dyn Write) -> Result<()> {
    check(config, schema)?;
    let mut w = stream_writer(&config.format);
    let mut buf = Vec::new();
    let write = |source| ExportError::Write {
        path: "-".into(),
        source,
    };
    w.start(&Vocab::from_schema(schema), &mut buf)
        .map_err(write)?;
    out.write_all(&buf)
        .and_then(|()| out.flush())
        .map_err(write)
}

/// Refuses what a stream of shards cannot write as a single export would.
fn check(config: &ExportConfig, schema: &Schema) -> Result<()> {
    let refuse = |what: &str| Err(ExportError::Config(format!("annot stream export: {what}")));
    // Before the options: parquet is refused here whether or not it was built in.
    if matches!(config.format, Format::Spacy { .. } | Format::Parquet { .. }) {
        return refuse(
            "spacy and parquet are binary files of their own, not lines: export each shard's \
             documents with annot export on a project of them, or stream jsonl and convert",
        );
    }
    config.check_options()?;
    config.check_zones(schema)?;
    if config.split.splits.len() > 1 {
        return refuse(
            "a stream is one split: split the lines in the cluster job, or run annot export --split on the project",
        );
    }
    if config.include_unannotated {
        return refuse(
            "--include-unannotated: a stream holds the documents it is given; give those without records as lines with no record",
        );
    }
    Ok(())
}

impl<'a> Step<'a> {
    /// The step of a stream's export, spans checked.
    fn checking(
        config: &'a ExportConfig,
        names: &'a [String],
        schema: &Schema,
        lang: Lang,
    ) -> Self {
        Step {
            config,
            names,
            overlap: overlap_rule(config, schema),
            lang,
            check: true,
        }
    }
}

/// Each document of `input` through the export step, the kept ones to `visit`.
fn walk(
    input: impl BufRead,
    step: &Step<'_>,
    refusal: &mut Refusal,
    summary: &mut ShardSummary,
    visit: &mut dyn FnMut(&Built) -> Result<()>,
) -> Result<()> {
    for (i, line) in input.lines().enumerate() {
        let bad = |reason: String| ExportError::StreamLine {
            line: i + 1,
            reason,
        };
        let line = line.map_err(|e| bad(format!("cannot read the line: {e}")))?;
        if line.trim().is_empty() {
            continue;
        }
        let doc = DocumentLine::parse(&line).map_err(bad)?;
        let records = step.names.iter().filter_map(|n| doc.resolve(n)).collect();
        let tally = Tally {
            refusal: &mut *refusal,
            report: &mut summary.preflight,
            left_out: &mut summary.left_out,
        };
        let position = doc.position.unwrap_or(0);
        let Some(b) = build_document(step, doc.document, position, records, tally) else {
            continue;
        };
        visit(&b)?;
        summary.documents += 1;
    }
    Ok(())
}

/// The map of the split plan: the [`Signature`] of each document of `input`
/// as the export writes it (its unit, stratum and the SimHash of the written
/// text), given to `sink`. [`crate::split::assign`] is the reduce.
///
/// # Errors
/// As [`export_shard`], but for splits, which this job is for.
pub fn signatures(
    input: impl BufRead,
    config: &ExportConfig,
    schema: &Schema,
    lang: Lang,
    sink: &mut dyn FnMut(&Signature) -> Result<()>,
) -> Result<ShardSummary> {
    config.check_options()?;
    config.check_zones(schema)?;
    let names = config.source.annotators();
    let step = Step::checking(config, &names, schema, lang);
    let mut refusal = Refusal::default();
    let mut summary = ShardSummary::default();
    walk(input, &step, &mut refusal, &mut summary, &mut |b| {
        sink(&b.signature(&config.split))
    })?;
    if !refusal.is_empty() {
        return Err(ExportError::Refused(Box::new(refusal)));
    }
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use super::Spill;

    #[test]
    fn a_spill_past_its_memory_gives_back_every_byte_in_order() {
        let mut spill = Spill::default();
        let line: Vec<u8> = (0..=255u8).cycle().take(1000).collect();
        let mut want = Vec::new();
        for i in 0..(Spill::IN_MEMORY / 1000 + 500) {
            let mut l = line.clone();
            l.extend_from_slice(format!("{i}\n").as_bytes());
            spill.write_all(&l).unwrap();
            want.extend_from_slice(&l);
        }
        assert!(spill.file.is_some(), "past IN_MEMORY the rest is in a file");
        let mut got = Vec::new();
        spill.copy_to(&mut got).unwrap();
        assert!(got == want, "{} bytes back of {}", got.len(), want.len());
    }
}
