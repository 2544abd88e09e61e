//! `annot check`: verify every document and every annotation against its text.
//!
//! The checks are [`annot_model::check::check_project`]; this module prints
//! its findings (errors and warnings on stderr, or the findings as data with
//! `--json`) and sets the exit status: 1 on any finding, or on errors only
//! with `--warnings-ok`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use annot_model::check::{CheckReport, Finding, Severity, check_project};
use annot_model::corpus::{abandoned_temp_files, remove_abandoned_temp_files};
use annot_model::project::Project;

use crate::cli::JsonArgs;

/// Arguments of `annot check`.
#[derive(Debug, clap::Args)]
#[command(mut_arg("json", |a| a.help("Print the findings as JSON on stdout")))]
pub(crate) struct CheckArgs {
    #[command(flatten)]
    pub(crate) output: JsonArgs,
    /// Repair what can be repaired safely: remove temporary files left by
    /// imports that were killed (never a file a running import is writing).
    #[arg(long)]
    pub(crate) fix: bool,
    /// Exit 0 when there are warnings but no errors (by default any warning,
    /// a torn log tail or a re-anchored record, makes the exit status 1).
    #[arg(long)]
    pub(crate) warnings_ok: bool,
}

/// Runs the checks; exit 1 when any error was found, or any warning without `--warnings-ok`.
pub(crate) fn run(args: &CheckArgs, project: &Project) -> anyhow::Result<ExitCode> {
    let mut temp_files: Vec<(PathBuf, u64)> = Vec::new();
    for dir in project.temp_file_dirs() {
        if args.fix {
            for f in remove_abandoned_temp_files(&dir)? {
                writeln!(
                    std::io::stderr().lock(),
                    "fixed: removed {} ({} bytes), left by an annot process that did not finish",
                    super::display_path(&f.path),
                    f.bytes
                )?;
            }
        } else {
            temp_files.extend(
                abandoned_temp_files(&dir)?
                    .into_iter()
                    .map(|f| (f.path, f.bytes)),
            );
        }
    }
    let mut report = check_project(project, &temp_files)?;
    // Annotated imports killed between their corpus file and their records.
    for p in annot_import::journal::pending_imports(project) {
        report.findings.push(annot_model::check::Finding {
            severity: Severity::Error,
            kind: annot_model::check::FindingKind::UnfinishedImport {
                message: p.describe(),
            },
            file: None,
            line: None,
            doc: None,
            annotator: None,
        });
    }
    if args.output.json {
        crate::output::print_json(&report)?;
    } else {
        print_text(&report)?;
    }
    let warned = report.of(Severity::Warning).next().is_some();
    Ok(if report.has_errors() || (warned && !args.warnings_ok) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn print_text(report: &CheckReport) -> anyhow::Result<()> {
    let mut err = std::io::stderr().lock();
    for f in &report.findings {
        let word = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(err, "{word}: {}", shown(f))?;
    }
    writeln!(
        err,
        "checked {} document(s) and {} record(s): {} error(s), {} warning(s)",
        report.documents,
        report.records,
        report.of(Severity::Error).count(),
        report.of(Severity::Warning).count()
    )?;
    Ok(())
}

/// A finding with its file shown relative to the current directory.
fn shown(f: &Finding) -> String {
    let mut f = f.clone();
    f.file = f.file.map(|p| PathBuf::from(super::display_path(&p)));
    annot_model::visible(&f.to_string()).into_owned()
}
