#!/usr/bin/env python3
"""Benchmark annot at project sizes (10k, 100k, 1M documents): what grows with the corpus.

    python3 scripts/bench_scale.py --count 100000 [--annot PATH] [--work DIR]
        [--records 10000] [--label after] [--skip-import]

For a corpus of N generated articles (xtask gen-articles, kept in WORK/articles
from an earlier run when there), measures with the annot binary given:

  * import of the articles into a fresh project (WORK/proj-LABEL): time, peak RSS;
  * `annotate` for a new annotator: time to the first prompt (median of 3
    starts, on a pseudo-terminal, as scripts/bench_annotate.py measures it)
    and the session's peak RSS;
  * `status`, `show ID` (a document in the middle of the corpus), `check`:
    time, CPU time (user + system: the steadier figure on a shared machine)
    and peak RSS (status and show: median of 3);
  * two annotators' logs of R records each (the first R documents, R fixed
    whatever N is, so that what grows is the corpus alone): `agree alice bob`
    and `export --from alice --format jsonl`: time and peak RSS.

Peak RSS is that one command's own (GNU time, benchlib.measure). Run it on an idle
machine for absolute times; on a shared one, compare two binaries in the same
run (--annot OTHER --label before) and read the ratios.
"""

import argparse
import json
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

from bench_annotate import Session
from benchlib import ROOT, articles as generated_articles, build, measure

WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")


def write_logs(proj: Path, records: int):
    """alice and bob: one accepted record for each of the first `records`
    documents in corpus order, with up to 4 spans on capitalised words (bob
    leaves out every third and labels every fifth differently)."""
    logs = {n: open(proj / "annotations" / f"{n}.jsonl", "w", encoding="utf-8") for n in ("alice", "bob")}
    written = 0
    for path in sorted((proj / "corpus").glob("*.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if written >= records:
                    break
                d = json.loads(line)
                spans = []
                for m in WORD.finditer(d["text"]):
                    if len(spans) == 4:
                        break
                    spans.append({"start": m.start(), "end": m.end(), "label": "ORG", "text": m.group()})
                for who, log in logs.items():
                    mine = spans
                    if who == "bob":
                        mine = [dict(s, label="PER" if i % 5 == 4 else s["label"])
                                for i, s in enumerate(spans) if i % 3 != 2]
                    log.write(json.dumps({
                        "doc": d["id"], "hash": d["hash"], "annotator": who, "schema": "news@1",
                        "status": "accepted", "at": "2026-11-20T10:00:00Z", "ms": 1000,
                        "spans": mine, "labels": {}, "zones": None, "note": None},
                        ensure_ascii=False) + "\n")
                written += 1
        if written >= records:
            break
    for log in logs.values():
        log.close()


def run(annot: Path, proj: Path, *args, repeat: int = 1):
    """(median seconds, median CPU seconds, max peak RSS MB) of `annot --project proj ARGS`."""
    times, cpus, rss = [], [], []
    for _ in range(repeat):
        t, r, code, cpu = measure([str(annot), "--project", str(proj), *args],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if code not in (0, 1):
            sys.exit(f"annot {' '.join(args)} exited with {code}")
        times.append(t)
        cpus.append(cpu)
        rss.append(r)
    return statistics.median(times), statistics.median(cpus), max(rss)


def middle_id(proj: Path, n: int) -> str:
    files = sorted((proj / "corpus").glob("*.jsonl"))
    with open(files[0], encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= n // 2:
                return json.loads(line)["id"]
    return json.loads(line)["id"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=100_000)
    ap.add_argument("--annot", type=Path, help="the annot binary (default: this tree's release build)")
    ap.add_argument("--work", type=Path, help="directory for the articles and projects (default /tmp/annot-scale-N)")
    ap.add_argument("--records", type=int, default=10_000, help="records in each of the two logs")
    ap.add_argument("--label", default="this", help="names the project directory (proj-LABEL)")
    ap.add_argument("--skip-import", action="store_true", help="reuse proj-LABEL as it is")
    args = ap.parse_args()

    if args.annot:
        # A given binary is timed as it is (say, another tree's build, for before/after).
        annot, xtask = args.annot, ROOT / "target/release/xtask"
    else:
        annot, xtask = build()
    work = args.work or Path(f"/tmp/annot-scale-{args.count}")
    work.mkdir(parents=True, exist_ok=True)
    articles = generated_articles(xtask, work, args.count)
    proj = work / f"proj-{args.label}"
    rows = []
    if not args.skip_import:
        if proj.exists():
            shutil.rmtree(proj)
        subprocess.run([str(annot), "init", str(proj)], check=True, stderr=subprocess.DEVNULL)
        rows.append(("import", *run(annot, proj, "import", str(articles))))
        write_logs(proj, args.records)

    starts, rss = [], 0.0
    for _ in range(3):
        s = Session(annot, proj)
        starts.append(s.first_prompt)
        code, r = s.quit()
        rss = max(rss, r)
    rows.append(("annotate first prompt", statistics.median(starts), float("nan"), rss))
    rows.append(("status", *run(annot, proj, "status", repeat=3)))
    rows.append(("show ID", *run(annot, proj, "show", middle_id(proj, args.count), repeat=3)))
    rows.append(("check", *run(annot, proj, "check")))
    rows.append(("agree alice bob", *run(annot, proj, "agree", "alice", "bob")))
    out = work / f"export-{args.label}"
    shutil.rmtree(out, ignore_errors=True)
    rows.append(("export jsonl (alice)", *run(annot, proj, "export", "--from", "alice", "--format", "jsonl",
                                              "--out", str(out))))
    shutil.rmtree(out, ignore_errors=True)

    size = sum(p.stat().st_size for p in (proj / "corpus").glob("*.jsonl"))
    print(f"{args.label}: {args.count} documents ({size / 1e9:.2f} GB of corpus JSONL), "
          f"{args.records} records in each of 2 logs, binary {annot}")
    print(f"{'work':<24}{'seconds':>10}{'CPU s':>10}{'peak RSS MB':>14}")
    for name, t, cpu, r in rows:
        print(f"{name:<24}{t:>10.3f}{cpu:>10.3f}{r:>14.1f}")


if __name__ == "__main__":
    main()
