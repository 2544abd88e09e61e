#!/usr/bin/env python3
"""Benchmark `annot import --format prodigy`: documents with their annotations.

Generates N Prodigy tasks (synthetic French news sentences, 5-15 of them a
task, an emoji now and then before the entities, 3-12 spans each, a tenth
answered reject), then measures, with a warm page cache:

  * reading the file with Python (json.loads of each line, each span's text checked
    against the text at its offsets): the peer;
  * a first import into a fresh project (corpus lines and the model's log);
  * the same import again (every document and record already there: nothing written).

Prints tasks/s, spans/s, MB/s and peak RSS (of each child: benchlib.measure).

    python3 scripts/bench_import_annotations.py [--count 50000] [--keep DIR] [--json]
"""

from argparse import SUPPRESS
import json
import random
import shutil
import subprocess
import sys
from pathlib import Path

from benchlib import arguments, build, figures, print_json, work_dir

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


def read_tasks(path: Path) -> dict:
    """The peer: reads the Prodigy JSONL with Python as a script would before using it:
    json.loads of each line, every span's text checked against text[start:end] (code points,
    as Prodigy's offsets are), answers counted."""
    tasks = spans = mismatched = 0
    answers = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            t = json.loads(line)
            tasks += 1
            answers[t["answer"]] = answers.get(t["answer"], 0) + 1
            text = t["text"]
            for s in t["spans"]:
                spans += 1
                mismatched += text[s["start"]:s["end"]] != s["text"]
    return {"tasks": tasks, "spans": spans, "mismatched": mismatched, "answers": answers}


def prepare(work: Path, count: int):
    """work/prodigy.jsonl with `count` generated tasks; returns (its path, spans in it)."""
    data = work / "prodigy.jsonl"
    rng = random.Random(12)
    spans = 0
    with data.open("w", encoding="utf-8") as f:
        for i in range(count):
            t = task(rng, i)
            spans += len(t["spans"])
            f.write(json.dumps(t, ensure_ascii=False) + "\n")
    return data, spans


def run(annot: Path, data: Path, work: Path) -> dict:
    """The Python reader (a child of its own, this interpreter), then a first import into a
    fresh project work/proj and the same import again, with a warm page cache."""
    subprocess.run(["cat", str(data)], stdout=subprocess.DEVNULL, check=True)
    with open(work / "read.json", "w") as out:
        python = figures([sys.executable, Path(__file__).resolve(), "--read", data], stdout=out)
    python.update(json.loads((work / "read.json").read_text()))
    proj = work / "proj"
    if proj.exists():
        shutil.rmtree(proj)
    subprocess.run([str(annot), "init", str(proj)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    cmd = [annot, "--project", proj, "import", "--format", "prodigy", "--as", "model", data]
    first = figures(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    again = figures(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return {"mb": data.stat().st_size / 1e6, "python": python, "first": first, "again": again}


def main():
    ap = arguments(50_000, __doc__)
    ap.add_argument("--read", type=Path, help=SUPPRESS)
    args = ap.parse_args()
    if args.read:
        print_json(read_tasks(args.read))
        return
    annot, _ = build()
    work = work_dir(args.keep, "annot-bench-ann-")
    data, spans = prepare(work, args.count)
    r = run(annot, data, work)
    if args.json:
        print_json(dict(r, tasks=args.count, spans=spans))
    else:
        mb = r["mb"]
        print(f"input: {args.count} tasks, {spans} spans, {mb:.1f} MB")
        for what, f in (("Python json.loads", r["python"]), ("first import", r["first"]),
                        ("same import again", r["again"])):
            secs = f["seconds"]
            print(f"{what:18} {secs:6.2f}s  {args.count / secs:8.0f} tasks/s  {spans / secs:9.0f} spans/s  "
                  f"{mb / secs:6.1f} MB/s  peak RSS {f['rss_mb']:.0f} MB")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
