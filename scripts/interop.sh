#!/usr/bin/env bash
# Interop checks against the reference Python implementations.
#
# Creates (once) a virtualenv in .venv-interop with scripts/requirements-interop.txt,
# then checks that the committed spaCy fixtures are what spaCy produces today:
# the Rust agreement test (crates/annot-model/tests/spacy_agreement.rs) reads them.
set -euo pipefail
cd "$(dirname "$0")/.."

py=$(bash scripts/venv-interop.sh)

echo "== [+${SECONDS}s] interop: spaCy tokenizer fixtures are current" >&2
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

echo "== [+${SECONDS}s] interop: spaCy DocBin fixtures (symbols, string hashes) are current" >&2
"$py" scripts/spacy_docbin_fixtures.py --out "$fresh/docbin"
for pair in "symbols.rs:crates/annot-export/src/writers/spacy/symbols.rs" \
            "spacy_strings.json:crates/annot-export/fixtures/spacy_strings.json"; do
    if ! cmp -s "$fresh/docbin/${pair%%:*}" "${pair#*:}"; then
        echo "interop: ${pair#*:} differs from what spaCy writes now;" >&2
        echo "         run '$py scripts/spacy_docbin_fixtures.py', run 'cargo test -p annot-export spacy', and commit it." >&2
        exit 1
    fi
done
echo "interop: DocBin fixtures match" >&2

echo "== [+${SECONDS}s] interop: annot's files read by Python (JSON Schemas, slicing, blake3)" >&2
# With Parquet, so that pandas reads annot's .parquet files. Built by the same command as
# scripts/test.sh's `cargo test` (which puts target/debug/annot there for its end-to-end
# tests): after the tests nothing is built again. A `cargo build` here would, since the
# test build's dependencies carry the features the dev-dependencies add: on CI that rebuilt
# a good part of the dependency tree (3 min 48 s on this 2-core machine, measured after the test build).
cargo test -q --workspace --locked --features annot-cli/parquet --no-run
annot=target/debug/annot
proj="$fresh/project"
"$annot" init "$proj" >/dev/null 2>&1
"$annot" --project "$proj" import corpus/ >/dev/null 2>&1
# Suggestions taken on the first three documents, then spans after an emoji,
# in a BOM+CRLF file and in a Windows-1252 one, where code points, UTF-16 and
# bytes all differ.
printf 'y\n\ny\n\ny\n\nq\n' | "$annot" --project "$proj" annotate --annotator py \
    --patterns examples/patterns.jsonl >/dev/null
# (corpus order: 07, 11, 12)
printf 'Yannick PER\n\nLindqvist PER *\n\n"Teryn Stone" ORG *\nGwen Arfon PER\n\nq\n' |
    "$annot" --project "$proj" annotate --annotator py2 --filter 'id=11_*|12_*|07_*' >/dev/null
"$py" scripts/interop_files.py "$proj" --expect-spans 20

echo "== [+${SECONDS}s] interop: annot export read by spaCy (jsonl, DocBin, debug data), pandas (csv, parquet), datasets and seqeval" >&2
"$py" scripts/export_interop.py "$proj" --annot "$annot" --from py,py2

echo "== [+${SECONDS}s] interop: spaCy's predictions imported as a Prodigy file, every span accepted" >&2
predicted=$("$py" scripts/spacy_predict.py "$proj" examples/patterns.jsonl "$fresh/predictions.jsonl")
report=$("$annot" --project "$proj" import --format prodigy --as model --json "$fresh/predictions.jsonl" 2>/dev/null)
"$py" - "$predicted" "$report" <<'PY'
import json, sys
predicted, report = int(sys.argv[1]), json.loads(sys.argv[2])
records = report["records"]
imported = sum(records["spans"].values())
problems = report["failures"] + report["conflicts"] + report["refused"]
if predicted == 0 or imported != predicted or problems or report["refused_whole"]:
    print(f"interop: spaCy predicted {predicted} spans, annot imported {imported}; {problems}", file=sys.stderr)
    sys.exit(1)
print(f"interop: spaCy's {predicted} predicted spans on {records['documents']} documents all imported as model", file=sys.stderr)
PY
"$py" scripts/interop_files.py "$proj"

echo "== [+${SECONDS}s] interop: agreement fixtures are what scikit-learn, krippendorff, statsmodels and seqeval compute" >&2
"$py" scripts/agreement_fixtures.py --out "$fresh/agreement"
for f in cohen krippendorff fleiss seqeval tokens; do
    if ! cmp -s "$fresh/agreement/$f.json" "crates/annot-diff/tests/fixtures/$f.json"; then
        echo "interop: crates/annot-diff/tests/fixtures/$f.json differs from what the libraries compute now;" >&2
        echo "         run '$py scripts/agreement_fixtures.py', run 'cargo test -p annot-diff --test reference', and commit the fixture." >&2
        exit 1
    fi
done
echo "interop: agreement fixtures match" >&2

echo "== [+${SECONDS}s] interop: annot over Spark (RDD.pipe, local[2]): import, agree, export byte-equal to one machine" >&2
if ! command -v java >/dev/null 2>&1; then
    # A fresh machine may have no Java: PySpark needs one, so install Debian's.
    echo "interop: no java on PATH: installing openjdk-17-jre-headless (apt-get)" >&2
    sudo_=""; [[ $(id -u) != 0 ]] && sudo_="sudo"
    if ! { $sudo_ apt-get update -qq && $sudo_ apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless; } >&2; then
        echo "interop: could not install Java 17; the Spark check needs it (apt-get install openjdk-17-jre-headless)" >&2
        exit 1
    fi
fi
"$py" scripts/spark_demo.py --annot "$annot" --docs 20000 --shards 8
