//! The export itself: select, move onto the written text, check, split, write.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use annot_model::annotations::{Annotations, Resolved};
use annot_model::atomic::{AtomicFile, write_atomic};
use annot_model::combine::combine;
use annot_model::corpus::Corpus;
use annot_model::offsets::OffsetMap;
use annot_model::project::Project;
use annot_model::record::Span;
use annot_model::tokenize::{Lang, Token, tokens_and_sentences};
use annot_model::{Document, Schema};
use rayon::prelude::*;

use crate::config::{ExportConfig, Format, Output, Overlap, Source};
use crate::error::{ExportError, Result};
use crate::manifest;
use crate::preflight::{AlignedSpan, Checked, Refusal, Report, align, overlaps};
use crate::split::{Plan, PlanDocs, Signature, SplitConfig, plan, simhash};
use crate::summary::{LargestCluster, LeftOut, OffWeights, SplitSummary, Summary};
use crate::text::{CrossingSpan, ZonedText};
use crate::writers::{Example, Vocab, Writer, side_file_names, side_files, writer};

/// Which pass the export is in, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pass {
    /// Reading every document to check spans and plan the splits (nothing written yet).
    Check,
    /// Writing.
    Write,
}

/// Progress: documents done of the candidates.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// The pass.
    pub pass: Pass,
    /// Documents done.
    pub done: usize,
    /// Candidate documents.
    pub total: usize,
}

/// One document ready to write.
pub(crate) struct Built {
    doc: Document,
    position: usize,
    text: ZonedText,
    map: OffsetMap,
    tokens: Vec<Token>,
    sentences: Vec<Token>,
    pub(crate) spans: Vec<AlignedSpan>,
    pub(crate) labels: BTreeMap<String, Vec<String>>,
    decided: bool,
}

impl Built {
    /// What the split plan needs of the document.
    pub(crate) fn signature(&self, split: &SplitConfig) -> Signature {
        let needs_text = split.near_duplicates && split.splits.len() > 1;
        Signature {
            id: self.doc.id.clone(),
            position: self.position,
            unit: split.unit_key(&self.doc.id, &self.doc.meta),
            fingerprint: if needs_text {
                simhash(&self.text.text)
            } else {
                None
            },
            stratum: stratum(split.stratify.as_deref(), &self.labels),
        }
    }

    /// The document as the writers take it.
    pub(crate) fn example(&self, provenance: bool) -> Example<'_> {
        Example {
            id: &self.doc.id,
            text: &self.text.text,
            map: &self.map,
            tokens: &self.tokens,
            sentences: &self.sentences,
            spans: &self.spans,
            labels: &self.labels,
            meta: &self.doc.meta,
            provenance,
            decided: self.decided,
        }
    }
}

/// What stays the same over the documents of an export.
struct Context<'a> {
    config: &'a ExportConfig,
    project: &'a Project,
    schema: &'a Schema,
    corpus: &'a Corpus,
    annotations: &'a Annotations,
    names: Vec<String>,
    overlap: Option<Overlap>,
}

/// Runs the export `config` on `project`: data to the files of
/// `config.output`, or to `stdout` with [`Output::Stdout`]; nothing printed.
///
/// Documents are read one at a time in id order. When the splits need every
/// document first (near-duplicates, `--stratify`) or the output is a stream,
/// a first pass checks every span and plans the splits before anything is
/// written; otherwise one pass writes temporary files, which are renamed into
/// place only when the pre-flight found nothing to refuse.
///
/// # Errors
/// [`ExportError::Refused`] with the pre-flight's list; unreadable project
/// files; unwritable output.
pub fn export(
    project: &Project,
    config: &ExportConfig,
    stdout: &mut dyn Write,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    config.check()?;
    let schema = project.schema()?;
    config.check_zones(&schema)?;
    let corpus = project.corpus()?;
    let names = config.source.annotators();
    let known = project.annotators()?;
    for name in &names {
        if !known.contains(name) {
            return Err(ExportError::UnknownAnnotator {
                name: name.clone(),
                known: if known.is_empty() {
                    "none yet".to_owned()
                } else {
                    known.join(", ")
                },
            });
        }
    }
    if let Some(layer) = &config.split.stratify
        && schema.label_set(layer).is_none()
    {
        let layers: Vec<&str> = schema.labels.iter().map(|l| l.name.as_str()).collect();
        return Err(ExportError::Config(format!(
            "--stratify {layer}: schema {} has no document-label layer '{layer}' ({})",
            schema.id(),
            if layers.is_empty() {
                "it has none".to_owned()
            } else {
                format!("layers: {}", layers.join(", "))
            }
        )));
    }
    let annotations = Annotations::load_only(project, &names)?;
    let overlap = overlap_rule(config, &schema);
    let cx = Context {
        config,
        project,
        schema: &schema,
        corpus: &corpus,
        annotations: &annotations,
        names,
        overlap,
    };
    let candidates = Candidates::new(&cx)?;
    let planned = if config.split.needs_plan() || config.output == Output::Stdout {
        Some(plan_splits(&cx, &candidates, progress)?)
    } else {
        None
    };
    write_all(&cx, &candidates, planned.as_ref(), stdout, progress)
}

/// The documents an export reads, in id order: those with a record of
/// `--from`, and with `--include-unannotated` every document of the corpus.
/// Walked once per pass, from the logs' indexes: nothing is held per
/// document but, with `--include-unannotated`, the corpus's ids (one buffer).
struct Candidates<'a> {
    logs: Vec<&'a annot_model::annotations::AnnotatorRecords>,
    /// Every id of the corpus, sorted, one after the other, and where each ends.
    corpus: Option<(String, Vec<usize>)>,
    len: usize,
}

impl<'a> Candidates<'a> {
    fn new(cx: &Context<'a>) -> Result<Self> {
        let corpus = if cx.config.include_unannotated {
            let mut ids = String::new();
            let mut ends = Vec::new();
            for e in cx.corpus.entries() {
                ids.push_str(&e?.id);
                ends.push(ids.len());
            }
            let id = |i: usize| &ids[if i == 0 { 0 } else { ends[i - 1] }..ends[i]];
            let mut order: Vec<usize> = (0..ends.len()).collect();
            order.sort_unstable_by(|&a, &b| id(a).cmp(id(b)));
            order.dedup_by(|a, b| id(*a) == id(*b));
            let mut sorted = String::with_capacity(ids.len());
            let mut sorted_ends = Vec::with_capacity(order.len());
            for i in order {
                sorted.push_str(id(i));
                sorted_ends.push(sorted.len());
            }
            Some((sorted, sorted_ends))
        } else {
            None
        };
        let mut out = Self {
            logs: cx.annotations.logs().collect(),
            corpus,
            len: 0,
        };
        out.len = out.iter().count();
        Ok(out)
    }

    /// How many.
    fn len(&self) -> usize {
        self.len
    }

    /// The ids, sorted, each once.
    fn iter(&self) -> impl Iterator<Item = String> + '_ {
        let mut sources: Vec<Box<dyn Iterator<Item = String> + '_>> = self
            .logs
            .iter()
            .map(|log| Box::new(log.documents()) as Box<dyn Iterator<Item = String> + '_>)
            .collect();
        if let Some((ids, ends)) = &self.corpus {
            let each = ends.iter().scan(0, move |start, &end| {
                let id = ids[*start..end].to_owned();
                *start = end;
                Some(id)
            });
            sources.push(Box::new(each));
        }
        annot_model::store::union_sorted(sources)
    }
}

/// What is done with overlapping spans: `--overlap`, else refused where the
/// format (or the schema, for jsonl) cannot hold them.
pub(crate) fn overlap_rule(config: &ExportConfig, schema: &Schema) -> Option<Overlap> {
    config.overlap.or_else(|| {
        let forbids = config.format.is_token_tags()
            || (matches!(config.format, Format::Jsonl { .. }) && !schema.spans.overlap);
        forbids.then_some(Overlap::Refuse)
    })
}

/// The split plan of an export's candidates: which of them were planned, in
/// their order, and the plan of those (a few bytes a document).
struct Planned {
    planned: Vec<bool>,
    plan: Plan,
}

/// Walks a [`Planned`] in the order of the candidates.
struct PlanCursor<'p> {
    planned: Option<&'p Planned>,
    candidate: usize,
    doc: usize,
}

impl PlanCursor<'_> {
    /// The split and near-duplicate cluster of the next candidate; `None`
    /// without a plan, `(0, None)` for a candidate the plan did not keep.
    fn next(&mut self) -> Option<(usize, Option<usize>)> {
        let p = self.planned?;
        let kept = p.planned.get(self.candidate).copied().unwrap_or(false);
        self.candidate += 1;
        if !kept {
            return Some((0, None));
        }
        let at = self.doc;
        self.doc += 1;
        Some((p.plan.split_of(at), p.plan.cluster_of(at)))
    }
}

/// The first pass: every span checked, the splits planned. Returns the split
/// and near-duplicate cluster of each written document, in candidate order.
fn plan_splits(
    cx: &Context<'_>,
    candidates: &Candidates<'_>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Planned> {
    let mut refusal = Refusal::default();
    let split = &cx.config.split;
    // Candidates come in strictly increasing id order, each its own `doc:ID` or a `group:VALUE`.
    let mut docs = PlanDocs::new(split, true, candidates.len());
    let mut planned = Vec::with_capacity(candidates.len());
    // Files are renamed into place only when the writing pass found nothing
    // to refuse, so this pass checks spans only before a stream, which
    // cannot be taken back; otherwise it skips tokenizing.
    let check = cx.config.output == Output::Stdout;
    // Documents are read and fingerprinted a batch at a time on every core,
    // then added in id order.
    let total = candidates.len();
    let mut ids = candidates.iter();
    let mut done = 0;
    loop {
        let batch: Vec<String> = ids.by_ref().take(BATCH).collect();
        if batch.is_empty() {
            break;
        }
        let signed: Vec<Result<(Option<Signature>, Refusal)>> = batch
            .par_iter()
            .map(|id| {
                let mut refusal = Refusal::default();
                let mut report = Report::default();
                let mut left_out = LeftOut::default();
                let built = build(cx, id, check, &mut refusal, &mut report, &mut left_out)?;
                Ok((built.map(|b| b.signature(split)), refusal))
            })
            .collect();
        for one in signed {
            progress(Progress {
                pass: Pass::Check,
                done,
                total,
            });
            done += 1;
            let (signature, one_refusal) = one?;
            refusal.absorb(one_refusal);
            match signature {
                Some(s) => {
                    s.add_to(&mut docs, split);
                    planned.push(true);
                }
                None => planned.push(false),
            }
        }
    }
    if !refusal.is_empty() {
        return Err(ExportError::Refused(Box::new(refusal)));
    }
    let plan = plan(split, docs)?;
    Ok(Planned { planned, plan })
}

/// The value of the stratified layer: its values sorted and joined, empty for none.
fn stratum(layer: Option<&str>, labels: &BTreeMap<String, Vec<String>>) -> String {
    let Some(values) = layer.and_then(|l| labels.get(l)) else {
        return String::new();
    };
    let mut v = values.clone();
    v.sort();
    v.join("|")
}

/// A split's destination.
enum Sink<'a> {
    File(AtomicFile, String),
    Stream(&'a mut dyn Write),
    /// A directory written as a temporary one beside its path, renamed into place.
    Dir {
        tmp: annot_model::atomic::TempDir,
        path: PathBuf,
        name: String,
        nothing: std::io::Sink,
    },
}

impl Sink<'_> {
    fn out(&mut self) -> &mut dyn Write {
        match self {
            Sink::File(f, _) => f,
            Sink::Stream(w) => &mut **w,
            Sink::Dir { nothing, .. } => nothing,
        }
    }

    fn path(&self) -> PathBuf {
        match self {
            Sink::File(f, _) => f.path().to_owned(),
            Sink::Stream(_) => PathBuf::from("-"),
            Sink::Dir { path, .. } => path.clone(),
        }
    }

    fn name(&self) -> Option<String> {
        match self {
            Sink::File(_, name) | Sink::Dir { name, .. } => Some(name.clone()),
            Sink::Stream(_) => None,
        }
    }

    /// Where a directory format writes (the temporary directory); for a
    /// file, the directory it goes into.
    fn dir(&self) -> &Path {
        match self {
            Sink::Dir { tmp, .. } => tmp.path(),
            Sink::File(f, _) => f.path().parent().unwrap_or(Path::new(".")),
            Sink::Stream(_) => Path::new("."),
        }
    }

    /// Puts what was written on disk, so that [`Sink::commit`] is a rename.
    fn sync(&mut self) -> std::io::Result<()> {
        match self {
            Sink::File(f, _) => f.sync(),
            Sink::Stream(out) => out.flush(),
            Sink::Dir { tmp, .. } => annot_model::atomic::sync_files_in(tmp.path()),
        }
    }

    /// Makes what was written visible at its path (a folder: see [`replace_dirs`]).
    fn commit(self) -> std::io::Result<()> {
        match self {
            Sink::File(f, _) => f.commit(),
            Sink::Stream(out) => out.flush(),
            Sink::Dir { tmp, path, .. } => replace_dirs(vec![(tmp, path)], Vec::new())?.finish(),
        }
    }
}

/// Old folders moved aside by [`replace_dirs`], removed by [`Aside::finish`]
/// once the whole commit is done.
struct Aside(Option<annot_model::atomic::TempDir>);

impl Aside {
    /// Removes the old folders (an interrupt meanwhile removes the rest).
    fn finish(self) -> std::io::Result<()> {
        if let Some(aside) = self.0 {
            let path = aside.path().to_owned();
            drop(aside);
            if fs_err::symlink_metadata(&path).is_ok() {
                fs_err::remove_dir_all(&path)?;
            }
        }
        Ok(())
    }
}

/// Puts each temporary folder, and each file replacing a folder, at its path,
/// all or none: what is there is first moved aside into one temporary folder
/// (kept by an interrupt that cuts the commit short), then the new folders
/// renamed and the files committed into place; when that fails, the new
/// folders placed are taken out, the files removed, and the old ones moved
/// back. Each path is at every moment its old content, nothing, or the new
/// one. The old folders are removed by [`Aside::finish`], after the whole
/// commit.
fn replace_dirs(
    dirs: Vec<(annot_model::atomic::TempDir, PathBuf)>,
    files: Vec<AtomicFile>,
) -> std::io::Result<Aside> {
    let Some(parent) = dirs
        .first()
        .map(|(_, p)| p.as_path())
        .or_else(|| files.first().map(AtomicFile::path))
        .map(|p| p.parent().unwrap_or(Path::new(".")).to_owned())
    else {
        return Ok(Aside(None));
    };
    let aside = annot_model::atomic::TempDir::aside_in(&parent)?;
    // (new folder, its path, where its old folder was moved)
    let mut moved: Vec<(PathBuf, PathBuf, Option<PathBuf>)> = Vec::new();
    let mut placed: Vec<(PathBuf, PathBuf)> = Vec::new();
    // (a file's path, where the folder it replaces was moved, whether it is placed)
    let mut files_moved: Vec<(PathBuf, Option<PathBuf>, bool)> = Vec::new();
    let mut temps = Vec::new();
    let swap = || -> std::io::Result<()> {
        let move_aside = |path: &Path, i: usize| -> std::io::Result<Option<PathBuf>> {
            if fs_err::symlink_metadata(path).is_err() {
                return Ok(None);
            }
            let to = aside.path().join(i.to_string());
            fs_err::rename(path, &to)?;
            annot_model::atomic::commit_step();
            Ok(Some(to))
        };
        let count = dirs.len();
        for (i, (tmp, path)) in dirs.into_iter().enumerate() {
            let old = move_aside(&path, i)?;
            moved.push((tmp.path().to_owned(), path, old));
            temps.push(tmp);
        }
        let mut staged = Vec::new();
        for (i, f) in files.into_iter().enumerate() {
            let path = f.path().to_owned();
            let old = move_aside(&path, count + i)?;
            files_moved.push((path, old, false));
            staged.push(f);
        }
        for (new, path, _) in &moved {
            fs_err::rename(new, path)?;
            placed.push((new.clone(), path.clone()));
            annot_model::atomic::commit_step();
        }
        for (f, moved) in staged.into_iter().zip(&mut files_moved) {
            f.commit()?;
            moved.2 = true;
        }
        annot_model::atomic::sync_dir(&parent)
    };
    if let Err(e) = swap() {
        // Back as it was: the new folders and files out, the old ones back.
        for (path, old, placed) in files_moved.iter().rev() {
            if *placed {
                let _ = fs_err::remove_file(path);
            }
            if let Some(old) = old {
                let _ = fs_err::rename(old, path);
            }
        }
        for (new, path) in placed.iter().rev() {
            let _ = fs_err::rename(path, new);
        }
        for (_, path, old) in moved.iter().rev() {
            if let Some(old) = old {
                let _ = fs_err::rename(old, path);
            }
        }
        let _ = annot_model::atomic::sync_dir(&parent);
        return Err(e);
    }
    // Renamed into place: not to be removed.
    for tmp in temps {
        let _ = tmp.keep();
    }
    Ok(Aside(Some(aside)))
}

fn io_err(path: PathBuf) -> impl FnOnce(std::io::Error) -> ExportError {
    move |source| ExportError::Write { path, source }
}

/// The writing pass.
fn write_all(
    cx: &Context<'_>,
    candidates: &Candidates<'_>,
    planned: Option<&Planned>,
    stdout: &mut dyn Write,
    progress: &mut dyn FnMut(Progress),
) -> Result<Summary> {
    let config = cx.config;
    let splits = &config.split.splits;
    let mut sinks: Vec<Sink<'_>> = Vec::with_capacity(splits.len());
    let mut listing = None;
    match &config.output {
        Output::Stdout => sinks.push(Sink::Stream(stdout)),
        Output::Dir(dir) => {
            let new: BTreeSet<String> = splits
                .iter()
                .map(|(name, _)| config.format.file_name(name))
                .chain(
                    side_file_names(&config.format)
                        .iter()
                        .map(|n| (*n).to_owned()),
                )
                .collect();
            let old = manifest::previous(dir)?;
            manifest::check_foreign(dir, &old, &new, matches!(config.format, Format::Brat))?;
            listing = Some((old, new));
            fs_err::create_dir_all(dir).map_err(io_err(dir.clone()))?;
            for (name, _) in splits {
                let file = config.format.file_name(name);
                let path = dir.join(&file);
                if matches!(config.format, Format::Brat) {
                    let tmp =
                        annot_model::atomic::TempDir::new_in(dir).map_err(io_err(dir.clone()))?;
                    sinks.push(Sink::Dir {
                        tmp,
                        path,
                        name: file,
                        nothing: std::io::sink(),
                    });
                } else {
                    let f = AtomicFile::create(&path).map_err(io_err(path))?;
                    sinks.push(Sink::File(f, file));
                }
            }
        }
    }
    let mut vocab = Vocab::from_schema(cx.schema);
    let mut writers: Vec<Box<dyn Writer>> = sinks
        .iter()
        .map(|s| writer(&config.format, s.dir()))
        .collect();
    for (w, s) in writers.iter_mut().zip(sinks.iter_mut()) {
        let path = s.path();
        w.start(&vocab, s.out()).map_err(io_err(path))?;
    }
    let mut summaries: Vec<SplitSummary> = splits
        .iter()
        .zip(&sinks)
        .map(|((name, _), s)| SplitSummary {
            name: name.clone(),
            file: s.name(),
            ..SplitSummary::default()
        })
        .collect();
    let mut refusal = Refusal::default();
    let mut report = Report::default();
    let mut left_out = LeftOut::default();
    let provenance = matches!(config.source, Source::Combined { .. });
    // Documents with a --group-by value, and the keys of those without one.
    let mut grouped = 0usize;
    let mut ungrouped: Option<crate::summary::Ungrouped> = None;
    let mut meta_keys = BTreeSet::new();
    // Each near-duplicate cluster: its documents, its first document, its split.
    let mut cluster_sizes: BTreeMap<usize, (usize, String, usize)> = BTreeMap::new();
    // Documents are built (read, checked, tokenized) a batch at a time on
    // every core, the next batch while this one is written, in id order.
    let total = candidates.len();
    let mut ids = candidates.iter();
    let mut batches = std::iter::from_fn(|| {
        let batch: Vec<String> = ids.by_ref().take(BATCH).collect();
        (!batch.is_empty()).then_some(batch)
    });
    let mut plan = PlanCursor {
        planned,
        candidate: 0,
        doc: 0,
    };
    let mut done = 0;
    let mut pending = batches.next().map(|b| build_batch(cx, &b));
    while let Some(built) = pending.take() {
        let upcoming = batches.next();
        let mut next = None;
        let written: Result<()> = rayon::in_place_scope(|scope| {
            if let Some(b) = upcoming {
                let next = &mut next;
                scope.spawn(move |_| *next = Some(build_batch(cx, &b)));
            }
            for one in built {
                progress(Progress {
                    pass: Pass::Write,
                    done,
                    total,
                });
                let planned = plan.next();
                done += 1;
                let one = one?;
                refusal.absorb(one.refusal);
                report
                    .absorb(one.report)
                    .map_err(annot_model::ModelError::from)?;
                left_out.absorb(one.left_out);
                let Some(b) = one.built else {
                    continue;
                };
                let (split, cluster) = match planned {
                    Some(p) => p,
                    None if splits.len() == 1 => (0, None),
                    None => (
                        config
                            .split
                            .split_of(&config.split.unit_key(&b.doc.id, &b.doc.meta)),
                        None,
                    ),
                };
                vocab.observe(&b.spans, &b.labels);
                let ex = b.example(provenance);
                let path = sinks[split].path();
                writers[split]
                    .write(&ex, &vocab, sinks[split].out())
                    .map_err(io_err(path))?;
                let s = &mut summaries[split];
                s.documents += 1;
                s.tokens += b.tokens.len();
                s.spans += b.spans.len();
                for span in &b.spans {
                    *s.spans_per_label.entry(span.label.clone()).or_default() += 1;
                }
                for (layer, values) in &b.labels {
                    for v in values {
                        *s.document_labels.entry(format!("{layer}:{v}")).or_default() += 1;
                    }
                }
                if let Some(g) = config
                    .split
                    .group_by
                    .as_ref()
                    .and_then(|g| g.value(&b.doc.meta))
                {
                    s.group_keys.insert(g);
                    grouped += 1;
                } else if let Some(g) = &config.split.group_by {
                    meta_keys.extend(meta_key_names(&b.doc.meta));
                    ungrouped
                        .get_or_insert_with(|| crate::summary::Ungrouped {
                            key: format!("meta.{}", g.key),
                            documents: 0,
                            first: b.doc.id.clone(),
                        })
                        .documents += 1;
                }
                if let Some(c) = cluster {
                    s.cluster_ids.insert(c);
                    let size = cluster_sizes
                        .entry(c)
                        .or_insert_with(|| (0, b.doc.id.clone(), split));
                    size.0 += 1;
                }
            }
            Ok(())
        });
        written?;
        pending = next;
    }
    progress(Progress {
        pass: Pass::Write,
        done: total,
        total,
    });
    if !refusal.is_empty() {
        // The temporary files are dropped: the old files stay as they were.
        return Err(ExportError::Refused(Box::new(refusal)));
    }
    if let Some(g) = &config.split.group_by
        && grouped == 0
        && !meta_keys.is_empty()
    {
        let keys: Vec<String> = meta_keys.into_iter().collect();
        return Err(ExportError::Config(format!(
            "--group-by meta.{}: no document exported has meta.{} (keys there are: {}); nothing was written",
            g.key,
            g.key,
            keys.join(", ")
        )));
    }
    // Everything written and on disk before the commit, which is only renames.
    for ((w, s), summary) in writers.iter_mut().zip(&mut sinks).zip(&mut summaries) {
        let path = s.path();
        w.finish(s.out()).map_err(io_err(path.clone()))?;
        // A split that outgrew one file is the folder its writer made (the
        // file's temporary file is dropped with the file sink).
        if let (Some((tmp, parts)), Some(name)) = (w.take_folder(), s.name()) {
            *s = Sink::Dir {
                tmp,
                path: path.clone(),
                name,
                nothing: std::io::sink(),
            };
            summary.parts = Some(parts);
        }
        s.sync().map_err(io_err(path))?;
        summary.groups = summary.group_keys.len();
        summary.near_duplicate_clusters = summary.cluster_ids.len();
    }
    let files = match &config.output {
        Output::Dir(dir) => side_files(&config.format, &vocab).map_err(|e| ExportError::Write {
            path: dir.clone(),
            source: e.into(),
        })?,
        Output::Stdout => Vec::new(),
    };
    // The commit: the split files, the side files, the manifest, the stale files
    // removed, all or none as far as Ctrl-C and SIGTERM go (they wait for it).
    let guard = match &config.output {
        Output::Dir(dir) => Some(
            annot_model::atomic::CommitGuard::begin(format!("the export into {}", dir.display()))
                .map_err(io_err(dir.clone()))?,
        ),
        Output::Stdout => None,
    };
    // Folders (brat, spaCy parts) and files that replace a folder (a spaCy
    // split that no longer outgrows one file) are swapped together, other
    // files one by one (each a rename).
    let mut folders = Vec::new();
    let mut over_folders = Vec::new();
    for s in sinks {
        match s {
            Sink::Dir { tmp, path, .. } => folders.push((tmp, path)),
            Sink::File(f, _) if fs_err::symlink_metadata(f.path()).is_ok_and(|m| m.is_dir()) => {
                over_folders.push(f);
            }
            s => {
                let path = s.path();
                s.commit().map_err(io_err(path))?;
            }
        }
    }
    let out_dir = match &config.output {
        Output::Dir(dir) => dir.clone(),
        Output::Stdout => PathBuf::from("-"),
    };
    let aside = replace_dirs(folders, over_folders).map_err(io_err(out_dir.clone()))?;
    let mut side = Vec::new();
    if let Output::Dir(dir) = &config.output {
        for (name, bytes) in files {
            let path = dir.join(&name);
            write_atomic(&path, |w| w.write_all(&bytes)).map_err(io_err(path))?;
            side.push(name);
        }
    }
    let mut removed = Vec::new();
    if let Output::Dir(dir) = &config.output
        && let Some((old, new)) = &listing
    {
        removed = manifest::replace(dir, old, new)?
            .iter()
            .map(|p| p.display().to_string())
            .collect();
    }
    if let Some(guard) = guard {
        guard.complete();
    }
    aside.finish().map_err(io_err(out_dir))?;
    report.check().map_err(annot_model::ModelError::from)?;
    let mut off_weights = off_weights(&config.split.splits, &summaries, &cluster_sizes);
    if let Some(o) = &mut off_weights {
        o.grouped = config.split.group_by.is_some();
    }
    Ok(Summary {
        off_weights,
        ungrouped,
        format: format_name(&config.format),
        source: source_name(&config.source),
        documents: summaries.iter().map(|s| s.documents).sum(),
        splits: summaries,
        left_out,
        preflight: report,
        side_files: side,
        removed,
    })
}

/// How far (in points of percent) a split may miss its weight before the
/// export warns.
const OFF_WEIGHTS_POINTS: f64 = 10.0;

/// The split furthest from its weight, when it misses it by more than
/// [`OFF_WEIGHTS_POINTS`], with the largest near-duplicate cluster (which the
/// split holds together, the likely cause).
fn off_weights(
    weights: &[(String, u64)],
    summaries: &[SplitSummary],
    clusters: &BTreeMap<usize, (usize, String, usize)>,
) -> Option<OffWeights> {
    let documents: usize = summaries.iter().map(|s| s.documents).sum();
    let total: u64 = weights.iter().map(|(_, w)| w).sum();
    if weights.len() < 2 || documents == 0 || total == 0 {
        return None;
    }
    let (split, share, weight) = weights
        .iter()
        .zip(summaries)
        .map(|((name, w), s)| {
            (
                name.clone(),
                100.0 * s.documents as f64 / documents as f64,
                100.0 * *w as f64 / total as f64,
            )
        })
        .max_by(|a, b| (a.1 - a.2).abs().total_cmp(&(b.1 - b.2).abs()))?;
    if (share - weight).abs() <= OFF_WEIGHTS_POINTS {
        return None;
    }
    // Without a cluster held together, a small export's hashing alone misses weights.
    let (n, first, at) = clusters.values().max_by_key(|(n, _, _)| *n)?;
    Some(OffWeights {
        split,
        share,
        weight,
        grouped: false,
        largest_cluster: LargestCluster {
            documents: *n,
            first: first.clone(),
            split: weights
                .get(*at)
                .map(|(name, _)| name.clone())
                .unwrap_or_default(),
        },
    })
}

fn format_name(format: &Format) -> String {
    match format {
        Format::Jsonl { .. } => "jsonl".into(),
        Format::Csv { layout, .. } => format!("csv ({layout:?})").to_lowercase(),
        Format::Conll { scheme, .. } => format!("conll ({})", scheme.as_str()),
        Format::Hf { scheme } => format!("hf ({})", scheme.as_str()),
        Format::Spacy { .. } => "spacy".into(),
        Format::Brat => "brat".into(),
        Format::Parquet { table, scheme } => match table {
            crate::config::ParquetTable::Hf => format!("parquet (hf, {})", scheme.as_str()),
            crate::config::ParquetTable::Docs => "parquet (docs)".into(),
        },
    }
}

fn source_name(source: &Source) -> String {
    match source {
        Source::One(name) => name.clone(),
        Source::Combined {
            annotators,
            strategy,
        } => format!("{} by {strategy}", annotators.join(",")),
    }
}

/// Documents built at a time by [`build_batch`]: enough to keep every core
/// busy, few enough to keep memory small.
const BATCH: usize = 64;

/// One document built, with what its pre-flight found.
struct Tallied {
    built: Option<Built>,
    refusal: Refusal,
    report: Report,
    left_out: LeftOut,
}

/// [`build`] of each of `ids` (checked), on every core; in the order of `ids`.
fn build_batch(cx: &Context<'_>, ids: &[String]) -> Vec<Result<Tallied>> {
    ids.par_iter()
        .map(|id| {
            let mut refusal = Refusal::default();
            let mut report = Report::default();
            let mut left_out = LeftOut::default();
            let built = build(cx, id, true, &mut refusal, &mut report, &mut left_out)?;
            Ok(Tallied {
                built,
                refusal,
                report,
                left_out,
            })
        })
        .collect()
}

/// A span and the annotators who had it.
type Provenanced = (Span, Vec<String>);

/// Reads one document and its records, then selects, moves and checks it
/// ([`build_document`]); `None` when it is left out. Without `check`, only
/// the text and labels are made (what the split plan reads): no tokens, no spans.
fn build(
    cx: &Context<'_>,
    id: &str,
    check: bool,
    refusal: &mut Refusal,
    report: &mut Report,
    left_out: &mut LeftOut,
) -> Result<Option<Built>> {
    let (Some(entry), Some(position)) = (cx.corpus.entry(id), cx.corpus.position(id)) else {
        left_out.orphaned += 1;
        return Ok(None);
    };
    let doc = cx.corpus.read_entry(&entry)?;
    let mut records: Vec<Resolved> = Vec::new();
    for name in &cx.names {
        if let Some(log) = cx.annotations.log(name)
            && let Some(r) = log.resolve(id, Some(&doc), cx.corpus)?
        {
            records.push(r);
        }
    }
    let step = Step {
        config: cx.config,
        names: &cx.names,
        overlap: cx.overlap,
        lang: cx.project.config.lang,
        check,
    };
    let tally = Tally {
        refusal,
        report,
        left_out,
    };
    Ok(build_document(&step, doc, position, records, tally))
}

/// What the per-document step of an export reads besides the document.
pub(crate) struct Step<'a> {
    pub(crate) config: &'a ExportConfig,
    /// The annotators of `--from`, in order.
    pub(crate) names: &'a [String],
    pub(crate) overlap: Option<Overlap>,
    /// Tokenizer language of documents that do not say.
    pub(crate) lang: Lang,
    /// Tokenize and check the spans (else only the text and labels are made).
    pub(crate) check: bool,
}

/// Where the per-document step reports.
pub(crate) struct Tally<'a> {
    pub(crate) refusal: &'a mut Refusal,
    pub(crate) report: &'a mut Report,
    pub(crate) left_out: &'a mut LeftOut,
}

/// Selects, moves and checks one document with its resolved records (those
/// of `--from`, in order); `None` when it is left out. The one step of every
/// export, from a project or a stream.
pub(crate) fn build_document(
    step: &Step<'_>,
    doc: Document,
    position: usize,
    mut records: Vec<Resolved>,
    tally: Tally<'_>,
) -> Option<Built> {
    let Tally {
        refusal,
        report,
        left_out,
    } = tally;
    let config = step.config;
    let check = step.check;
    let id = doc.id.as_str();
    let matches = if records.is_empty() {
        config.filter.matches_entry(id, None)
    } else {
        records
            .iter()
            .any(|r| config.filter.matches_entry(id, Some(&r.record)))
    };
    if !matches || (config.filter.needs_document() && !config.filter.matches_document(&doc)) {
        left_out.filtered += 1;
        return None;
    }
    let had_records = !records.is_empty();
    records.retain(|r| config.statuses.contains(&r.record.status));
    if records.is_empty() && had_records {
        left_out.status += 1;
        return None;
    }
    let decided = !records.is_empty();
    report.lost_on_reanchor += records.iter().map(|r| r.lost.len()).sum::<usize>();
    let (spans, labels): (Vec<Provenanced>, BTreeMap<String, Vec<String>>) = match &config.source {
        Source::One(name) => match records.first() {
            Some(r) => (
                r.record
                    .spans
                    .iter()
                    .map(|s| (s.clone(), vec![name.clone()]))
                    .collect(),
                r.record.labels.clone(),
            ),
            None => (Vec::new(), BTreeMap::new()),
        },
        Source::Combined {
            annotators,
            strategy,
        } => {
            let votes: Vec<_> = records
                .iter()
                .map(|r| {
                    (
                        r.annotator.as_str(),
                        r.record.spans.as_slice(),
                        &r.record.labels,
                    )
                })
                .collect();
            let c = combine(annotators, &votes, strategy);
            let labels = c.plain_labels();
            (
                c.spans
                    .into_iter()
                    .map(|s| (s.span, s.annotators))
                    .collect(),
                labels,
            )
        }
    };
    // Zone corrections: the first record (in --from order) that has them.
    let corrected = step
        .names
        .iter()
        .filter_map(|n| records.iter().find(|r| &r.annotator == n))
        .find_map(|r| r.record.zones.as_deref());
    let text = ZonedText::new(&doc.text, corrected.unwrap_or(&doc.zones), &config.zones);
    if !check {
        return Some(Built {
            doc,
            position,
            map: OffsetMap::new(""),
            text,
            tokens: Vec::new(),
            sentences: Vec::new(),
            spans: Vec::new(),
            labels,
            decided,
        });
    }
    let plain: Vec<Span> = spans.iter().map(|(s, _)| s.clone()).collect();
    let moved = text.move_spans(&plain);
    report.outside_zones += moved.outside;
    for span in moved.crossing {
        report.crossing_zones.push(CrossingSpan {
            doc: doc.id.clone(),
            span,
        });
    }
    let mut provenance: Vec<Option<Vec<String>>> =
        spans.into_iter().map(|(_, a)| Some(a)).collect();
    let moved_spans: Vec<(Span, Vec<String>)> = moved
        .spans
        .into_iter()
        .map(|(s, i)| (s, provenance[i].take().unwrap_or_default()))
        .collect();
    let lang = doc
        .meta
        .lang
        .as_deref()
        .and_then(Lang::from_code)
        .unwrap_or(step.lang);
    let (tokens, sentences) = tokens_and_sentences(&text.text, lang);
    let map = OffsetMap::new(&text.text);
    let checked = Checked {
        doc: &doc.id,
        text: &text.text,
        map: &map,
        tokens: &tokens,
    };
    let aligned = align(checked, moved_spans, config.misaligned, refusal, report);
    let spans = overlaps(&doc.id, aligned, step.overlap, refusal, report);
    Some(Built {
        doc,
        position,
        text,
        map,
        tokens,
        sentences,
        spans,
        labels,
        decided,
    })
}

/// The path of a split's file in `dir`.
#[must_use]
pub fn split_path(dir: &Path, split: &str, format: &Format) -> PathBuf {
    dir.join(format.file_name(split))
}

/// The metadata keys a document has, for a message.
fn meta_key_names(m: &annot_model::Meta) -> Vec<String> {
    let known = [
        ("source", &m.source),
        ("title", &m.title),
        ("date", &m.date),
        ("section", &m.section),
        ("byline", &m.byline),
        ("lang", &m.lang),
    ];
    known
        .iter()
        .filter(|(_, v)| v.is_some())
        .map(|(k, _)| format!("meta.{k}"))
        .chain(m.extra.keys().map(|k| format!("meta.{k}")))
        .collect()
}
