//! End-to-end tests: the real `annot` binary in a temporary directory.

mod check;
mod common;
mod project;
