#!/usr/bin/env bash
# Interop checks against the reference Python implementations.
#
# Creates (once) a virtualenv in .venv-interop with scripts/requirements-interop.txt,
# then checks that the committed spaCy fixtures are what spaCy produces today:
# the Rust agreement test (crates/annot-model/tests/spacy_agreement.rs) reads them.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv-interop
stamp="$venv/.requirements"
if ! cmp -s scripts/requirements-interop.txt "$stamp" 2>/dev/null; then
    echo "== interop: creating $venv (pip install -r scripts/requirements-interop.txt)" >&2
    python3 -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r scripts/requirements-interop.txt
    cp scripts/requirements-interop.txt "$stamp"
fi
py="$venv/bin/python"

echo "== interop: spaCy tokenizer fixtures are current" >&2
fresh=$(mktemp -d)
trap 'rm -rf "$fresh"' EXIT
"$py" scripts/spacy_tokens.py --out "$fresh" 2>/dev/null
for f in spacy_tokens.jsonl spacy_specials.json; do
    if ! cmp -s "$fresh/$f" "crates/annot-model/tests/fixtures/$f"; then
        echo "interop: crates/annot-model/tests/fixtures/$f differs from what spaCy $("$py" -c 'import spacy; print(spacy.__version__)') writes now;" >&2
        echo "         run '$py scripts/spacy_tokens.py', check the agreement test, and commit the fixture." >&2
        diff <(head -c 2000 "$fresh/$f") <(head -c 2000 "crates/annot-model/tests/fixtures/$f") >&2 || true
        exit 1
    fi
done
echo "interop: spaCy fixtures match" >&2
