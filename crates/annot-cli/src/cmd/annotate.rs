//! `annot annotate`: a hand-annotation session (the engine is `annot-annotate`).

use std::io::Write as _;
use std::path::PathBuf;

use annot_annotate::{
    Order, Session, SessionOptions, SuggestFrom, load_patterns, parse_filter, stdin_source,
};
use annot_model::project::Project;
use annot_model::schema::Schema;
use annot_model::store::AnnotatorLog;
use anyhow::Context as _;

use crate::cli::{OrderParser, PlainArgs};
use crate::output::{broken_pipe_is_an_error, session_stdout};

/// File a project's patterns are read from when `--patterns` is not given.
const DEFAULT_PATTERNS: &str = "patterns.jsonl";

/// Arguments of `annot annotate`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Type ? in a session for every command. Commands can also come from a file:
  annot annotate --annotator bot < commands.txt
Filters: lang=fr, id=01_*, date=2019-*, section!=Sport, status=skipped|flagged, zone=lede
(comma = and, | = or, trailing * = prefix).")]
pub(crate) struct AnnotateArgs {
    /// Who is annotating; their log is annotations/NAME.jsonl. Without it, $USER.
    #[arg(long, env = "USER")]
    pub(crate) annotator: String,
    /// A schema file to use instead of the project's.
    #[arg(long, value_name = "FILE")]
    pub(crate) schema: Option<PathBuf>,
    /// Only documents matching EXPR (e.g. lang=fr, id=01_*, status=skipped).
    #[arg(long, value_name = "EXPR")]
    pub(crate) filter: Option<String>,
    /// Order of documents: file (corpus order) or random:SEED.
    #[arg(long, value_name = "file|random:SEED", default_value = "file", value_parser = OrderParser)]
    pub(crate) order: Order,
    /// Go over every document, decided ones included (default: only those still to do).
    #[arg(long)]
    pub(crate) redo: bool,
    /// Suggestion patterns, JSONL (default: patterns.jsonl of the project, if present).
    #[arg(long, value_name = "FILE")]
    pub(crate) patterns: Option<PathBuf>,
    /// Offer another annotator's spans as suggestions, taken with y like
    /// pattern suggestions and kept with source model: a model's predictions
    /// imported with `annot import --as model`, to correct.
    #[arg(long, value_name = "ANNOTATOR")]
    pub(crate) suggest_from: Option<String>,
    #[command(flatten)]
    pub(crate) plain: PlainArgs,
}

impl AnnotateArgs {
    /// Defaults for every option but the annotator (used by `annot quickstart`).
    pub(crate) fn for_annotator(annotator: String) -> Self {
        Self {
            annotator,
            schema: None,
            filter: None,
            order: Order::File,
            redo: false,
            patterns: None,
            suggest_from: None,
            plain: PlainArgs::default(),
        }
    }
}

/// Runs a session on standard input and output.
///
/// The decisions are the session's product, its screen is not: when stdout
/// is a pipe whose reader goes away (`annot annotate < cmds.txt | head -1`),
/// every command is still applied and every decision saved, and one line on
/// stderr says so. Any error is reported, a broken pipe among its causes or not.
pub(crate) fn run(args: &AnnotateArgs, project: &Project, color: bool) -> anyhow::Result<()> {
    let schema = match &args.schema {
        Some(path) => Schema::load(path)?,
        None => project.schema()?,
    };
    let filter = parse_filter(args.filter.as_deref().unwrap_or(""))?;
    let patterns_path = args.patterns.clone().or_else(|| {
        let p = project.root().join(DEFAULT_PATTERNS);
        p.is_file().then_some(p)
    });
    let patterns = match &patterns_path {
        Some(p) => load_patterns(p, &schema)?,
        None => Vec::new(),
    };
    let suggest_from = match &args.suggest_from {
        Some(name) => Some(suggestions_of(project, name, &args.annotator)?),
        None => None,
    };
    let log_path = project.log_path(&args.annotator)?;
    // Lock the log before reading the corpus, so a second session fails fast.
    let log = AnnotatorLog::open(&log_path, &args.annotator)?;
    let corpus = project.corpus()?;
    let opts = SessionOptions {
        annotator: args.annotator.clone(),
        filter,
        filter_text: args.filter.clone(),
        order: args.order,
        redo: args.redo,
        color: args.plain.color(color),
        lang: project.config.lang,
        patterns,
        suggest_from,
    };
    let mut session = Session::new(corpus, schema, log, opts)?;
    let history = project
        .cache_dir()
        .join(format!("history-{}", args.annotator));
    let mut input =
        stdin_source(Some(history)).context("cannot read commands from the terminal")?;
    let mut out = session_stdout();
    let result = session.run(input.as_mut(), &mut out);
    // `run` flushes its last screen; this matters only after it failed, and that error wins.
    let _ = out.flush();
    if let Some(bytes) = out.get_ref().closed_after() {
        let saved = session.summary().saved;
        let _ = writeln!(
            std::io::stderr().lock(),
            "stdout was closed after {bytes} bytes; the session went on: {saved} decision(s) saved"
        );
    }
    result.map_err(|e| broken_pipe_is_an_error(e.into()))?;
    Ok(())
}

/// The records of `name`, whose spans `annotator` is offered.
fn suggestions_of(project: &Project, name: &str, annotator: &str) -> anyhow::Result<SuggestFrom> {
    if name == annotator {
        anyhow::bail!(
            "--suggest-from {name}: that is you; name another annotator, such as the model whose \
             predictions you imported with `annot import --as model`"
        );
    }
    let known = project.annotators()?;
    if !known.iter().any(|k| k == name) {
        let list = if known.is_empty() {
            "none yet".to_owned()
        } else {
            known.join(", ")
        };
        anyhow::bail!(
            "--suggest-from {}: no annotator of that name in this project (annotators: {}); \
             import a model's predictions first with `annot import --format prodigy --as {} FILE`",
            annot_model::visible(name),
            annot_model::visible(&list),
            annot_model::visible(name)
        );
    }
    let annotations =
        annot_model::annotations::Annotations::load_only(project, &[name.to_owned()])?;
    Ok(SuggestFrom {
        annotator: name.to_owned(),
        annotations: std::sync::Arc::new(annotations),
    })
}
