#!/usr/bin/env python3
"""Benchmark `annot import --format prodigy`: documents with their annotations.

Generates N Prodigy tasks (synthetic French news sentences, 5-15 of them a
task, an emoji now and then before the entities, 3-12 spans each, a tenth
answered reject), then measures, with a warm page cache:

  * a first import into a fresh project (corpus lines and the model's log);
  * the same import again (every document and record already there: nothing written).

Prints tasks/s, spans/s, MB/s and peak RSS (wait4()'s rusage of the child).

    python3 scripts/bench_import_annotations.py [--count 50000] [--keep DIR]
"""

import argparse
import json
import random
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib import build, run_measured

PEOPLE = ["Élisabeth Borne", "Jean Dupont", "Marie Curie", "Ahmed Ben Ali", "Zoé Martin"]
PLACES = ["Lille", "Marseille", "Beyrouth", "Genève", "Saint-Étienne"]
ORGS = ["la SNCF", "l'ONU", "Renault", "la Banque de France", "Médecins sans frontières"]
VERBS = ["a rencontré", "a critiqué", "a rejoint", "a quitté", "a salué"]


def task(rng: random.Random, i: int) -> dict:
    text, spans = "", []
    for _ in range(rng.randint(5, 15)):
        if rng.random() < 0.2:
            text += rng.choice(["🎉 ", "👩‍🔬 ", "🇫🇷 "])
        for kind, label in ((PEOPLE, "PER"), (None, None), (ORGS, "ORG"), (None, "à"), (PLACES, "LOC")):
            if kind is None:
                text += (label or rng.choice(VERBS)) + " "
                continue
            name = rng.choice(kind)
            start = len(text)
            text += name
            if len(spans) < 12 and rng.random() < 0.6:
                spans.append({"start": start, "end": len(text), "label": label, "text": name})
            text += " "
        text = text.rstrip() + ". "
    return {
        "id": f"t{i:07d}",
        "text": text.strip(),
        "spans": spans,
        "answer": "reject" if rng.random() < 0.1 else "accept",
        "_input_hash": i,
        "_task_hash": i * 7,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=50_000)
    ap.add_argument("--keep", type=Path, help="generate into (and keep) this directory")
    args = ap.parse_args()
    annot, _ = build()
    work = args.keep or Path(tempfile.mkdtemp(prefix="annot-bench-ann-"))
    work.mkdir(parents=True, exist_ok=True)
    data = work / "prodigy.jsonl"
    rng = random.Random(12)
    spans = 0
    with data.open("w", encoding="utf-8") as f:
        for i in range(args.count):
            t = task(rng, i)
            spans += len(t["spans"])
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    mb = data.stat().st_size / 1e6
    subprocess.run(["cat", str(data)], stdout=subprocess.DEVNULL, check=True)
    proj = work / "proj"
    if proj.exists():
        shutil.rmtree(proj)
    subprocess.run([str(annot), "init", str(proj)], check=True, stderr=subprocess.DEVNULL)
    cmd = [str(annot), "--project", str(proj), "import", "--format", "prodigy", "--as", "model", str(data)]
    print(f"input: {args.count} tasks, {spans} spans, {mb:.1f} MB")
    for run in ("first import", "same import again"):
        secs, rss, code = run_measured(cmd, stderr=subprocess.DEVNULL)
        if code != 0:
            sys.exit(f"annot import failed with exit code {code}")
        print(
            f"{run:18} {secs:6.2f}s  {args.count / secs:8.0f} tasks/s  {spans / secs:9.0f} spans/s  "
            f"{mb / secs:6.1f} MB/s  peak RSS {rss:.0f} MB"
        )
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
