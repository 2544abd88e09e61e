#!/usr/bin/env python3
"""Benchmark `annot import` against the I/O floor (`cat` of the same files).

Generates N synthetic scraped articles (xtask gen-articles: 2-8 KB, shared site
boilerplate, French and English), then measures, each right after a warm-up `cat`:

  * cat of every file (the floor: reading the bytes and nothing else)
  * annot import into a fresh project

each --runs times in turn (the generated files synced to disk first), and prints
documents/s, MB/s and peak RSS of the median run of both. Peak RSS comes from GNU
time of that one child process (benchlib.measure).

    python3 scripts/bench_import.py [--count 100000] [--runs 3] [--keep DIR] [--json]

Target (issue 2): import at least half as fast as the floor, peak RSS < 200 MB.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from benchlib import arguments, articles as generated_articles, build, figures, print_json, work_dir


def run(annot: Path, articles: Path, work: Path, runs: int = 3) -> dict:
    """cat of every file (warm cache) and `annot import` of them into a fresh project
    `work/proj` (left there for the caller), `runs` times each, in turn; the figures of
    the median run of each, as benchlib.figures gives them.

    The generator's files are synced to disk first, and each fresh project before its
    import: otherwise the kernel writes back hundreds of MB of them while the commands
    run, and the import's own fsync waits behind that writeback (one 100,000-article run
    measured 4.4 s so, against 3.5 s after it)."""
    files = sorted(str(p) for p in articles.rglob("*.txt"))
    total = sum(os.path.getsize(f) for f in files)
    listing = work / "files.list"
    listing.write_bytes(b"\0".join(f.encode() for f in files) + b"\0")
    os.sync()

    # The page cache is warmed right before each measured command, so that both read
    # from memory: on some virtual machines the kernel keeps shrinking the cache of
    # files not read for a while (one here dropped 11% of 10,000 articles' pages in 15
    # s with 22 GB free), and an import that found some of its files on disk measured
    # their reads instead of its own work.
    floor = ["sh", "-c", f"xargs -0 cat < {listing} > /dev/null"]
    proj = work / "proj"
    cats, imports = [], []
    for _ in range(max(1, runs)):
        subprocess.run(floor, check=True)
        cats.append(figures(floor))
        if proj.exists():
            shutil.rmtree(proj)
        subprocess.run([str(annot), "init", str(proj)], check=True, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        os.sync()
        subprocess.run(floor, check=True)
        imports.append(figures([annot, "--project", proj, "import", articles],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    return {"documents": len(files), "mb": total / 1e6, "runs": len(cats), "cat": median_run(cats),
            "import": median_run(imports), "project": str(proj)}


def median_run(runs: list) -> dict:
    """The run of median wall time (the lower middle one of an even number)."""
    return sorted(runs, key=lambda f: f["seconds"])[(len(runs) - 1) // 2]


def main():
    ap = arguments(100_000, __doc__)
    ap.add_argument("--runs", type=int, default=3, help="runs of each, the median kept")
    args = ap.parse_args()

    annot, xtask = build()
    work = work_dir(args.keep, "annot-bench-")
    r = run(annot, generated_articles(xtask, work, args.count), work, args.runs)
    if args.json:
        print_json(r)
    else:
        n, mb = r["documents"], r["mb"]
        print(f"corpus: {n} files, {mb:.1f} MB, {os.cpu_count()} cores; median of {r['runs']} runs each")
        print(f"{'':<14}{'seconds':>9}{'docs/s':>11}{'MB/s':>9}{'peak RSS MB':>13}")
        for name, f in (("cat (floor)", r["cat"]), ("annot import", r["import"])):
            s = f["seconds"]
            print(f"{name:<14}{s:>9.2f}{n / s:>11.0f}{mb / s:>9.1f}{f['rss_mb']:>13.1f}")
        imp = r["import"]
        print(f"import speed = {r['cat']['seconds'] / imp['seconds']:.2f} x floor (target >= 0.5); "
              f"peak RSS {imp['rss_mb']:.0f} MB (target < 200)")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
