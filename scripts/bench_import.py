#!/usr/bin/env python3
"""Benchmark `annot import` against the I/O floor (`cat` of the same files).

Generates N synthetic scraped articles (xtask gen-articles: 2-8 KB, shared site
boilerplate, French and English), then measures, with a warm page cache:

  * cat of every file (the floor: reading the bytes and nothing else)
  * annot import into a fresh project

and prints documents/s, MB/s and peak RSS for both. Peak RSS comes from
wait4()'s rusage of that one child process.

    python3 scripts/bench_import.py [--count 100000] [--keep DIR]

Target (issue 2): import at least half as fast as the floor, peak RSS < 200 MB.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_measured(cmd, **kw):
    """Run cmd, return (seconds, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, **kw)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_maxrss / 1024.0, proc.returncode


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="generate into (and keep) this directory")
    args = ap.parse_args()

    subprocess.run(["cargo", "build", "--release", "-q", "-p", "annot-cli", "-p", "xtask"], cwd=ROOT, check=True)
    annot = ROOT / "target/release/annot"
    xtask = ROOT / "target/release/xtask"

    work = args.keep or Path(tempfile.mkdtemp(prefix="annot-bench-"))
    articles = work / "articles"
    if not articles.exists():
        t = time.perf_counter()
        subprocess.run([str(xtask), "gen-articles", "--count", str(args.count), "--out", str(articles)], check=True)
        print(f"generated {args.count} articles in {time.perf_counter() - t:.1f}s", file=sys.stderr)

    files = sorted(str(p) for p in articles.rglob("*.txt"))
    total = sum(os.path.getsize(f) for f in files)
    listing = work / "files.list"
    listing.write_bytes(b"\0".join(f.encode() for f in files) + b"\0")
    mb = total / 1e6

    # Warm the page cache so both measurements read from memory.
    subprocess.run(f"xargs -0 cat < {listing} > /dev/null", shell=True, check=True)
    cat_s, cat_rss, _ = run_measured(["sh", "-c", f"xargs -0 cat < {listing} > /dev/null"])

    proj = work / "proj"
    if proj.exists():
        shutil.rmtree(proj)
    subprocess.run([str(annot), "init", str(proj)], check=True, stderr=subprocess.DEVNULL)
    imp_s, imp_rss, code = run_measured(
        [str(annot), "--project", str(proj), "import", str(articles)], stderr=subprocess.DEVNULL
    )
    if code != 0:
        sys.exit(f"annot import failed with exit code {code}")

    n = len(files)
    print(f"corpus: {n} files, {mb:.1f} MB, {os.cpu_count()} cores")
    print(f"{'':<14}{'seconds':>9}{'docs/s':>11}{'MB/s':>9}{'peak RSS MB':>13}")
    for name, s, rss in (("cat (floor)", cat_s, cat_rss), ("annot import", imp_s, imp_rss)):
        print(f"{name:<14}{s:>9.2f}{n / s:>11.0f}{mb / s:>9.1f}{rss:>13.1f}")
    ratio = cat_s / imp_s
    print(f"import speed = {ratio:.2f} x floor (target >= 0.5); peak RSS {imp_rss:.0f} MB (target < 200)")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
