#!/usr/bin/env bash
# The test command of README.md: everything a fresh clone needs, then the whole suite.
# Unit, property and end-to-end tests run against committed fixtures, so no
# Python is needed here; scripts/spacy_tokens.py regenerates the spaCy fixture.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked "$@"
