#!/usr/bin/env bash
# The test command of README.md: everything a fresh clone needs, then the whole suite.
#
# 1. cargo test: unit, property and end-to-end tests (committed fixtures only), with the
#    off-by-default parquet feature on, so that `annot export --format parquet` is tested;
# 2. scripts/interop.sh: builds a Python venv with the reference implementations
#    (spaCy, ...) and checks the fixtures against them. ANNOT_SKIP_INTEROP=1 skips it
#    (for a machine without network access to PyPI).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --locked --features annot-cli/parquet "$@"
# 3. kill -9 at random moments of every writing command, checking nothing acknowledged is
#    lost and nothing is half-written (BAD_INPUTS.md; the full run is --kills 500).
echo "== [+${SECONDS}s] crash test" >&2
python3 scripts/crash_test.py --kills "${ANNOT_CRASH_KILLS:-60}" --bin target/debug/annot
# 4. The benchmark report's command (BENCHMARKS.md) on 300 generated documents: every row
#    runs end to end on the debug build, without the venv (figures printed, never asserted).
echo "== [+${SECONDS}s] benchmarks --quick" >&2
cargo build -q --locked -p xtask
python3 scripts/benchmarks.py --quick --sizes 300 --bin-dir target/debug > /dev/null
if [[ "${ANNOT_SKIP_INTEROP:-0}" != 1 ]]; then
    echo "== [+${SECONDS}s] interop" >&2
    bash scripts/interop.sh
fi
echo "== [+${SECONDS}s] tests done" >&2
