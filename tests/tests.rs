//! End-to-end tests: the real `annot` binary in a temporary directory.

mod common;
mod project;
