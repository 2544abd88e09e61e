#!/usr/bin/env bash
# Runs the fuzz targets of fuzz/ (libFuzzer, through libfuzzer-sys) for N seconds
# each, at most JOBS at a time, under nice, and prints each target's executions.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     default: 600 seconds, every target
#   JOBS=2 (targets at once)  MAX_LEN=8192 (input bytes)  NICE=10
#
# Works on stable Rust without cargo-fuzz: the targets are built with the
# coverage instrumentation flags cargo-fuzz passes (no sanitizer, as
# `cargo fuzz build --sanitizer none`), debug assertions and overflow checks on.
# With cargo-fuzz installed, `cd fuzz && cargo fuzz run TARGET --sanitizer none`
# runs the same targets.
#
# Corpora grow in fuzz/corpus/TARGET (not committed), started from the small
# seeds in fuzz/seeds/TARGET and the project's own fixtures; a crash, hang or
# out-of-memory input is written to fuzz/artifacts/TARGET/ and the log of the
# run to fuzz/logs/TARGET.log. Reproduce one with
#   fuzz/target/x86_64-unknown-linux-gnu/release/TARGET fuzz/artifacts/TARGET/crash-...
# and add it as a regression test in the crate whose code it breaks.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
jobs=${JOBS:-2}
max_len=${MAX_LEN:-8192}
niceness=${NICE:-10}
triple=$(rustc -vV | sed -n 's/^host: //p')

all_targets=$(sed -n 's/^name = "\(.*\)"$/\1/p' fuzz/Cargo.toml | grep -v '^annot-fuzz$')
targets=${*:-$all_targets}

flags=(
  -Cpasses=sancov-module
  -Cllvm-args=-sanitizer-coverage-level=4
  -Cllvm-args=-sanitizer-coverage-inline-8bit-counters
  -Cllvm-args=-sanitizer-coverage-pc-table
  -Cllvm-args=-sanitizer-coverage-trace-compares
  --cfg fuzzing
  -Cdebug-assertions
  -Coverflow-checks
)
echo "== building fuzz targets ($triple)" >&2
# --target keeps the flags off build scripts, as cargo-fuzz does.
RUSTFLAGS="${flags[*]}" nice -n "$niceness" \
  cargo build --manifest-path fuzz/Cargo.toml --release --locked --target "$triple" --bins >&2
bin=fuzz/target/$triple/release

# The project's own fixtures, as seeds, next to fuzz/seeds/TARGET.
seed() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir" "fuzz/artifacts/$t"
  cp -n fuzz/seeds/"$t"/* "$dir"/ 2>/dev/null || true
  case $t in
    import_text) for f in corpus/0[1-9]_*.txt corpus/1[0-4]_*.txt; do
        [ -f "$f" ] && [ "$(stat -c %s "$f")" -lt "$max_len" ] && cp -n "$f" "$dir"/; done ;;
    schema) cp -n schemas/news.json "$dir"/ ;;
    annotate_command) cp -n schemas/news.json "$dir"/schema-only.json ;;
  esac
}

run() {
  local t=$1 log=fuzz/logs/$1.log
  seed "$t"
  RAYON_NUM_THREADS=1 nice -n "$niceness" "$bin/$t" "fuzz/corpus/$t" \
    -max_total_time="$seconds" -max_len="$max_len" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="fuzz/artifacts/$t/" >"$log" 2>&1 || true
  local execs start_cov end_cov found
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  start_cov=$(grep -m1 -o 'INITED cov: [0-9]*' "$log" | grep -o '[0-9]*$' || true)
  end_cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  found=$(grep -c -E '^(==[0-9]+== ERROR|SUMMARY: libFuzzer)' "$log" || true)
  printf '%-22s executions %-10s seconds %-5s cov %s -> %s  problems %s\n' \
    "$t" "${execs:-?}" "$seconds" "${start_cov:-?}" "${end_cov:-?}" "${found:-0}"
}

mkdir -p fuzz/logs
running=0
for t in $targets; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n
    running=$((running - 1))
  fi
done
wait
echo "logs: fuzz/logs/TARGET.log; crash inputs: fuzz/artifacts/TARGET/" >&2
