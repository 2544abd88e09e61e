//! End-to-end tests: the real `annot` binary in a temporary directory.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod adjudicate;
mod annotate;
mod bad_inputs;
mod check;
mod common;
mod compare;
mod export;
mod faults;
mod import_annotations;
mod import_brat_conll;
mod import_defects;
mod merge;
mod project;
mod quickstart;
mod record_defects;
mod sharded;
mod show_why;
mod snapshots;
mod stream;
mod teams;
mod terminal_escapes;
