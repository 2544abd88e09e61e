#!/usr/bin/env bash
# Creates (once) the Python virtualenv .venv-interop with scripts/requirements-interop.txt
# and prints the path of its python. Re-created when the requirements change (a stamp of
# the requirements file is kept in the venv). Used by scripts/interop.sh and
# scripts/benchmarks.py.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-interop
stamp="$venv/.requirements"
if ! cmp -s scripts/requirements-interop.txt "$stamp" 2>/dev/null; then
    echo "== creating $venv (pip install -r scripts/requirements-interop.txt)" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r scripts/requirements-interop.txt >&2
    cp scripts/requirements-interop.txt "$stamp"
fi
echo "$PWD/$venv/bin/python"
