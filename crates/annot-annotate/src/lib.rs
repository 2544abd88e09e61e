//! The hand-annotation session of annot: one document at a time, keyboard only.
//!
//! The engine does no terminal I/O of its own: a [`Session`] reads command
//! lines from a [`LineSource`] (a line editor on a terminal, plain lines from a
//! pipe) and writes its screen to the `Write` it is given. Every decision is
//! appended to the annotator's log and fsynced before the next prompt.
//!
//! - [`command`]: the command language (`Boukamal LOC`, `t12-13 ORG`, `d 3`, `y`, ...)
//! - [`state`]: one document's annotation with unlimited undo and redo
//! - [`edit`]: what each command does to it, checked against tokens and the schema
//! - [`suggest`]: suggestions from a patterns file and the annotator's dictionary
//! - [`render`]: the screen, the token ruler and the help
//! - [`queue`]: which documents, in what order (`--filter` through [`annot_model::filter`], `--order`, `--redo`)
//! - [`session`]: the loop that ties them together
//! - [`span_numbers`]: span numbers that stay put while the annotator works
//! - [`frontend`]: where lines come from
//!
//! A scripted session, as the tests drive it:
//!
//! ```no_run
//! use annot_annotate::{PlainLines, Session, SessionOptions};
//! use annot_model::project::Project;
//! use annot_model::store::AnnotatorLog;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let project = Project::open(std::path::Path::new("demo"))?;
//! let log = AnnotatorLog::open(&project.log_path("bot")?, "bot")?;
//! let opts = SessionOptions { annotator: "bot".into(), ..SessionOptions::default() };
//! let mut session = Session::new(project.corpus()?, project.schema()?, log, opts)?;
//! let mut input = PlainLines::new(&b"Boukamal LOC\ntopic conflict\n\n"[..]);
//! let summary = session.run(&mut input, &mut std::io::stdout())?;
//! assert_eq!(summary.saved, 1);
//! # Ok(())
//! # }
//! ```

pub mod command;
pub mod edit;
pub mod error;
pub mod frontend;
mod fuzzy;
pub mod queue;
pub mod render;
pub mod session;
pub mod span_numbers;
pub mod state;
pub mod suggest;
pub mod view;

pub use error::SessionError;
pub use frontend::{Input, LineSource, PlainLines, Terminal, stdin_source};
pub use queue::{Order, parse_filter};
pub use render::RenderOptions;
pub use session::{Session, SessionOptions, SuggestFrom, Summary};
pub use suggest::{Pattern, load_patterns};
