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
from pathlib import Path

from benchlib import articles as generated_articles, build, run_measured


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--keep", type=Path, help="generate into (and keep) this directory")
    args = ap.parse_args()

    annot, xtask = build()
    work = args.keep or Path(tempfile.mkdtemp(prefix="annot-bench-"))
    articles = generated_articles(xtask, work, args.count)

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
