//! `annot annotate` (placeholder until the session crate is wired).

use annot_model::project::Project;

/// Arguments of `annot annotate`.
#[derive(Debug, clap::Args)]
pub(crate) struct AnnotateArgs {
    /// Who is annotating; their log is annotations/NAME.jsonl.
    #[arg(long)]
    pub(crate) annotator: String,
}

impl AnnotateArgs {
    /// Defaults for every option but the annotator (used by `annot quickstart`).
    pub(crate) fn for_annotator(annotator: String) -> Self {
        Self { annotator }
    }
}

pub(crate) fn run(args: &AnnotateArgs, project: &Project, color: bool) -> anyhow::Result<()> {
    let _ = (args, project, color);
    anyhow::bail!("annotate is not built yet")
}
