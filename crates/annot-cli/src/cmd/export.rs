//! `annot export`: training sets as JSONL, CSV, CoNLL, Hugging Face, spaCy,
//! brat or Parquet files, with splits.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annot_export::out_dir::OutDir;
use annot_export::preflight::Refusal;
use annot_export::{
    Column, CsvLayout, ExportConfig, ExportError, Format, GroupKey, Misaligned, Output, Overlap,
    ParquetTable, Pass, Scheme, Source, SplitConfig,
};
use annot_model::Zone;
use annot_model::filter::Filter;
use annot_model::project::Project;
use annot_model::record::Status;
use annot_model::visible;
use anyhow::Context as _;
use clap::ValueEnum;

use crate::cli::JsonArgs;

/// `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum FormatArg {
    Jsonl,
    Csv,
    Conll,
    Hf,
    Spacy,
    Brat,
    /// Needs a build with the `parquet` feature.
    Parquet,
}

/// `--parquet-table` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum TableArg {
    Hf,
    Docs,
}

/// `--scheme` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemeArg {
    Iob1,
    Iob2,
    Bioes,
    Bilou,
}

impl From<SchemeArg> for Scheme {
    fn from(arg: SchemeArg) -> Self {
        match arg {
            SchemeArg::Iob1 => Scheme::Iob1,
            SchemeArg::Iob2 => Scheme::Iob2,
            SchemeArg::Bioes => Scheme::Bioes,
            SchemeArg::Bilou => Scheme::Bilou,
        }
    }
}

/// `--csv-layout` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum LayoutArg {
    Docs,
    Spans,
}

/// `--overlap` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum OverlapArg {
    Refuse,
    KeepLongest,
    KeepFirst,
}

/// Arguments of `annot export`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |a| a.help("Print the summary as JSON on stdout (needs --out DIR)")))]
pub(crate) struct ExportArgs {
    /// Output format.
    #[arg(long, value_enum)]
    pub(crate) format: FormatArg,
    /// Output directory (one file per split: train.jsonl, ...), or - for stdout.
    #[arg(long, value_name = "DIR|-")]
    pub(crate) out: Option<PathBuf>,
    /// Whose records: one annotator (e.g. gold), or several comma-separated with --strategy.
    #[arg(long, value_name = "NAMES", value_delimiter = ',', required = true)]
    pub(crate) from: Vec<String>,
    /// How several annotators combine: union, intersection, majority or prefer:NAME.
    #[arg(long, value_name = "STRATEGY")]
    pub(crate) strategy: Option<String>,
    /// With --strategy majority: annotators that must agree (default: more than half).
    #[arg(long, value_name = "K")]
    pub(crate) min_agree: Option<usize>,
    /// Statuses exported, comma-separated.
    #[arg(long, value_delimiter = ',', default_value = "accepted")]
    pub(crate) status: Vec<String>,
    /// Only documents matching this filter (as in annotate: lang=fr, id=01_*, ...).
    #[arg(long, value_name = "EXPR")]
    pub(crate) filter: Option<String>,
    /// Also write documents that have no record (with no spans).
    #[arg(long)]
    pub(crate) include_unannotated: bool,
    /// Zones written, joined by a blank line.
    #[arg(long, value_delimiter = ',', default_value = "title,lede,body")]
    pub(crate) zones: Vec<String>,
    /// Expand spans that are not on token boundaries to the tokens around them (each reported).
    #[arg(long, conflicts_with = "drop_misaligned")]
    pub(crate) snap: bool,
    /// Leave out spans that are not on token boundaries (each reported).
    #[arg(long)]
    pub(crate) drop_misaligned: bool,
    /// Overlapping spans where the format cannot hold them (default: refuse for conll, hf, spacy and parquet hf).
    #[arg(long, value_enum)]
    pub(crate) overlap: Option<OverlapArg>,
    #[command(flatten)]
    pub(crate) split: SplitArgs,
    /// jsonl: leave out the tokens.
    #[arg(long)]
    pub(crate) no_tokens: bool,
    /// csv: one row per document or per span.
    #[arg(long, value_enum, default_value_t = LayoutArg::Docs)]
    pub(crate) csv_layout: LayoutArg,
    /// csv: for a spreadsheet: start with the byte-order mark Excel needs, and put a `'`
    /// before every cell starting with =, +, -, @, tab or CR (no formula runs).
    /// Without it the CSV is byte-exact.
    #[arg(long)]
    pub(crate) excel: bool,
    /// parquet: the hf table (tokens, ner_tags) or the csv docs table (id, text, labels, meta).
    #[arg(long, value_enum, default_value_t = TableArg::Hf)]
    pub(crate) parquet_table: TableArg,
    /// conll, hf and parquet's hf table: tag scheme.
    #[arg(long, value_enum, default_value_t = SchemeArg::Iob2)]
    pub(crate) scheme: SchemeArg,
    /// conll: no -DOCSTART- (ID) line before each document.
    #[arg(long)]
    pub(crate) no_docstart: bool,
    /// conll: columns, tag last.
    #[arg(long, value_delimiter = ',', default_value = "token,tag")]
    pub(crate) columns: Vec<String>,
    /// spacy: write a split of more than N tokens as a folder SPLIT.spacy/ of
    /// .spacy parts of at most N tokens each, which `spacy train` reads as one
    /// corpus (default: only past the 134,217,727 tokens one DocBin holds).
    #[arg(long, value_name = "N")]
    pub(crate) spacy_part_tokens: Option<u64>,
    #[command(flatten)]
    pub(crate) output: JsonArgs,
}

/// How documents are split: one group for `annot export` and the streaming split jobs.
#[derive(Debug, clap::Args)]
pub(crate) struct SplitArgs {
    /// Splits and weights, e.g. train=80,dev=10,test=10.
    #[arg(long, value_name = "SPEC")]
    pub(crate) split: Option<String>,
    /// Seed of the split hash.
    #[arg(long, default_value_t = 0)]
    pub(crate) seed: u64,
    /// Keep documents with the same metadata value in one split: meta.KEY or meta.KEY:N.
    #[arg(long, value_name = "meta.KEY")]
    pub(crate) group_by: Option<String>,
    /// Balance this document label layer across the splits.
    #[arg(long, value_name = "LAYER")]
    pub(crate) stratify: Option<String>,
    /// Do not keep near-duplicate texts in one split.
    #[arg(long)]
    pub(crate) no_near_duplicates: bool,
}

impl SplitArgs {
    /// The checked split settings.
    pub(crate) fn config(&self) -> anyhow::Result<SplitConfig> {
        let mut split = SplitConfig {
            seed: self.seed,
            near_duplicates: !self.no_near_duplicates,
            stratify: self.stratify.clone(),
            ..SplitConfig::default()
        };
        if let Some(spec) = &self.split {
            split.splits = SplitConfig::parse_splits(spec)?;
        }
        if let Some(g) = &self.group_by {
            split.group_by = Some(g.parse::<GroupKey>()?);
        }
        Ok(split)
    }
}

/// The export `args` ask for; `stream` for `annot stream export` (stdout, no `--out`).
pub(crate) fn config(args: &ExportArgs, stream: bool) -> anyhow::Result<ExportConfig> {
    let source = match (args.from.as_slice(), &args.strategy) {
        ([one], None) => Source::One(one.clone()),
        ([_], Some(_)) | ([], _) => {
            anyhow::bail!("--strategy combines several annotators: name them with --from a,b")
        }
        (_, None) => anyhow::bail!(
            "--from names {} annotators: say how to combine them with --strategy union|intersection|majority|prefer:NAME",
            args.from.len()
        ),
        (many, Some(s)) => Source::Combined {
            annotators: many.to_vec(),
            strategy: crate::cmd::merge::strategy_of(s, args.min_agree)?,
        },
    };
    let statuses = args
        .status
        .iter()
        .map(|s| {
            Status::ALL
                .into_iter()
                .find(|st| st.as_str() == s.trim())
                .with_context(|| {
                    format!("--status '{s}': use accepted, rejected, skipped or flagged")
                })
        })
        .collect::<anyhow::Result<Vec<_>>>()?;
    let filter: Filter = match &args.filter {
        Some(expr) => expr.parse().with_context(|| format!("--filter '{expr}'"))?,
        None => Filter::default(),
    };
    let scheme = Scheme::from(args.scheme);
    let format = match args.format {
        FormatArg::Jsonl => Format::Jsonl {
            tokens: !args.no_tokens,
        },
        FormatArg::Csv => Format::Csv {
            layout: match args.csv_layout {
                LayoutArg::Docs => CsvLayout::Docs,
                LayoutArg::Spans => CsvLayout::Spans,
            },
            excel: args.excel,
        },
        FormatArg::Conll => Format::Conll {
            scheme,
            docstart: !args.no_docstart,
            columns: args
                .columns
                .iter()
                .map(|c| c.parse::<Column>())
                .collect::<Result<_, _>>()?,
        },
        FormatArg::Hf => Format::Hf { scheme },
        FormatArg::Spacy => Format::Spacy {
            part_tokens: match args.spacy_part_tokens {
                Some(0) => anyhow::bail!("--spacy-part-tokens 0: a part holds at least one token"),
                Some(n) if n > annot_export::writers::spacy::MAX_PART_TOKENS => anyhow::bail!(
                    "--spacy-part-tokens {n}: a DocBin holds at most {} tokens (4 GiB of token data)",
                    annot_export::writers::spacy::MAX_PART_TOKENS
                ),
                n => n,
            },
        },
        FormatArg::Brat => Format::Brat,
        FormatArg::Parquet => Format::Parquet {
            table: match args.parquet_table {
                TableArg::Hf => ParquetTable::Hf,
                TableArg::Docs => ParquetTable::Docs,
            },
            scheme,
        },
    };
    if args.spacy_part_tokens.is_some() && !matches!(format, Format::Spacy { .. }) {
        anyhow::bail!("--spacy-part-tokens is for --format spacy");
    }
    let split = args.split.config()?;
    let output = match &args.out {
        _ if stream && args.out.is_some() => {
            anyhow::bail!("annot stream export writes to stdout: leave out --out")
        }
        _ if stream && args.output.json => {
            anyhow::bail!("annot stream export writes the export lines on stdout: leave out --json")
        }
        None if stream => Output::Stdout,
        None => {
            anyhow::bail!("--out DIR|- is needed: a directory for the split files, or - for stdout")
        }
        Some(out) if out.as_os_str() == "-" => {
            if args.output.json {
                anyhow::bail!("--json prints the summary on stdout: give --out DIR with it");
            }
            Output::Stdout
        }
        Some(out) => Output::Dir(out.clone()),
    };
    let config = ExportConfig {
        source,
        statuses,
        filter,
        include_unannotated: args.include_unannotated,
        zones: args.zones.iter().map(|z| Zone::from(z.trim())).collect(),
        misaligned: if args.snap {
            Misaligned::Snap
        } else if args.drop_misaligned {
            Misaligned::Drop
        } else {
            Misaligned::Refuse
        },
        overlap: args.overlap.map(|o| match o {
            OverlapArg::Refuse => Overlap::Refuse,
            OverlapArg::KeepLongest => Overlap::KeepLongest,
            OverlapArg::KeepFirst => Overlap::KeepFirst,
        }),
        split,
        format,
        output,
    };
    if !stream {
        config.check()?;
    }
    Ok(config)
}

/// Runs the export; exit 1 when the pre-flight refuses.
pub(crate) fn run(args: &ExportArgs, project: &Project) -> anyhow::Result<ExitCode> {
    let config = config(args, false)?;
    super::require_corpus_dir(project)?;
    let out_dir = match &config.output {
        Output::Dir(dir) => Some(take_out_dir(dir)?),
        Output::Stdout => None,
    };
    let bar = crate::output::progress_bar(0, "export");
    bar.set_style(
        indicatif::ProgressStyle::with_template("{prefix} {msg} [{bar:30}] {pos}/{len} docs")
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    let mut progress = |p: annot_export::Progress| {
        if p.done.is_multiple_of(256) || p.done == p.total {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            bar.set_message(match p.pass {
                Pass::Check => "checking",
                Pass::Write => "writing",
            });
        }
    };
    let stdout = std::io::stdout();
    // Data to a pipe or a file stays exact; on a terminal, a document's control
    // characters are shown (␛), never sent to it.
    let terminal = std::io::IsTerminal::is_terminal(&stdout) && config.output == Output::Stdout;
    let mut screen = Vec::new();
    let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = if terminal {
        annot_export::export(project, &config, &mut screen, &mut progress)
    } else {
        annot_export::export(project, &config, &mut out, &mut progress)
    };
    if terminal {
        out.write_all(visible(&String::from_utf8_lossy(&screen)).as_bytes())?;
        out.flush()?;
    }
    bar.finish_and_clear();
    if let (Err(_), Some(dir)) = (&result, &out_dir) {
        dir.unmake_if_empty();
    }
    let summary = match result {
        Ok(s) => s,
        Err(ExportError::Refused(refusal)) => {
            drop(out);
            report_refusal(&refusal)?;
            return Ok(ExitCode::from(1));
        }
        Err(e) => return Err(e.into()),
    };
    drop(out);
    if args.output.json {
        crate::output::print_json(&summary)?;
    }
    write!(std::io::stderr().lock(), "{}", visible(&summary.to_text()))?;
    Ok(ExitCode::SUCCESS)
}

/// Takes `--out DIR` ([`OutDir::take`]) and says what it removed that an unfinished
/// export had left.
fn take_out_dir(dir: &std::path::Path) -> anyhow::Result<OutDir> {
    let out = OutDir::take(dir)?;
    if !out.removed().is_empty() {
        let removed: Vec<String> = out
            .removed()
            .iter()
            .map(|p| p.display().to_string())
            .collect();
        writeln!(
            std::io::stderr().lock(),
            "{}",
            visible(&format!(
                "removed {} temporary file(s) left by an export that did not finish: {}",
                removed.len(),
                removed.join(", ")
            ))
        )?;
    }
    Ok(out)
}

/// The pre-flight's list on stderr: each span, where it is and the nearest aligned extent.
pub(crate) fn report_refusal(refusal: &Refusal) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    for m in &refusal.misaligned {
        let near = m.nearest.as_ref().map_or_else(
            || "no token inside it".to_owned(),
            |n| format!("nearest aligned [{}, {}) {:?}", n.start, n.end, n.text),
        );
        writeln!(
            err,
            "misaligned  {}  {} [{}, {}) {:?}: {near}",
            visible(&m.doc),
            visible(&m.label),
            m.span.start,
            m.span.end,
            visible(&m.span.text)
        )?;
    }
    for o in &refusal.overlaps {
        writeln!(
            err,
            "overlap     {}  {} [{}, {}) {:?} and {} [{}, {}) {:?}",
            visible(&o.doc),
            visible(&o.first.0),
            o.first.1.start,
            o.first.1.end,
            visible(&o.first.1.text),
            visible(&o.second.0),
            o.second.1.start,
            o.second.1.end,
            visible(&o.second.1.text)
        )?;
    }
    writeln!(err, "error: {}", visible(&refusal.to_string()))?;
    Ok(())
}
