#!/usr/bin/env python3
"""Benchmark `annot agree --json` against the Python reference libraries on the same data.

Generates N documents (JSONL written directly: short news-like French sentences with
named entities), imports them, writes two annotators' logs directly (about 20 spans per
document, a topic label on every document; B is A with about 15% of spans relabelled,
moved, dropped or added, and 10% of topics changed), then measures, each as a child
process (wall and CPU time from wait4, peak RSS from GNU time: benchlib.measure):

  * `annot agree A B --json` (every figure: labels, spans, tokens, alpha-U, per document);
  * the same main figures in Python: scikit-learn `cohen_kappa_score`,
    `krippendorff.alpha` and statsmodels `fleiss_kappa` on the topics, seqeval strict
    entity P/R/F1 on IOB2 tags, and `cohen_kappa_score` and `krippendorff.alpha` on the
    token tags (tokens by a regex;
    loading the logs and the corpus is counted, as it is for annot).

    python3 scripts/bench_agree.py [--count 100000] [--keep DIR] [--skip-python] [--json]

Uses the venv of scripts/venv-interop.sh (.venv-interop, made when missing). Target
(issue 10): annot at least 20x faster, and memory that does not hold every text at once.
The Python references need 3.9 GB at 10,000 documents and grow with the tokens
(krippendorff.alpha's arrays are units x values x values): keep them to 10,000.
"""

import json
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

from benchlib import ROOT, arguments, figures, print_json, work_dir

WORDS = ("le la les un une des du de et à en pour sur avec dans par selon a ont été est "
         "sont conseil municipal habitants eau réseau station gouvernement ministre "
         "armée ville région projet budget annonce mercredi jeudi réunion hausse prix").split()
NAMES = {
    "PER": ["Georges Haddad", "Rania Khoury", "Marie Dubois", "Paul Martin", "Léa Roux"],
    "ORG": ["ORES", "OSDH", "Hezbollah", "Banque mondiale", "Croix-Rouge"],
    "LOC": ["Kfar Selwan", "Baabda", "Beyrouth", "Toulouse", "Garonne", "Londres"],
    "MISC": ["Coupe du monde", "Tour de France", "Covid-19"],
}
TOPICS = ["politics", "conflict", "economy", "society", "environment", "health"]

PY_REFERENCE = r'''
import json, re, sys, glob
from sklearn.metrics import cohen_kappa_score
import krippendorff
import numpy as np
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa
from seqeval.metrics import precision_score, recall_score, f1_score
from seqeval.scheme import IOB2

root = sys.argv[1]
def latest(path):
    out = {}
    with open(path) as f:
        for line in f:
            r = json.loads(line)
            out[r["doc"]] = r
    return out
a, b = latest(root + "/annotations/a.jsonl"), latest(root + "/annotations/b.jsonl")
TOKEN = re.compile(r"\w+(?:[-']\w+)*|[^\w\s]")
ta, tb, ya, yb = [], [], [], []
topics = sorted(set(r["labels"]["topic"][0] for r in list(a.values()) + list(b.values())))
tid = {t: i for i, t in enumerate(topics)}
la, lb = [], []
for path in sorted(glob.glob(root + "/corpus/*.jsonl")):
    with open(path) as f:
        for line in f:
            d = json.loads(line)
            ra, rb = a.get(d["id"]), b.get(d["id"])
            if ra is None or rb is None:
                continue
            la.append(tid[ra["labels"]["topic"][0]]); lb.append(tid[rb["labels"]["topic"][0]])
            toks = [(m.start(), m.end()) for m in TOKEN.finditer(d["text"])]
            for rec, out in ((ra, ya), (rb, yb)):
                tags = ["O"] * len(toks)
                for s in sorted(rec["spans"], key=lambda s: (s["start"], -s["end"])):
                    begun = False
                    for k, (ts, te) in enumerate(toks):
                        if te <= s["start"] or ts >= s["end"]:
                            continue
                        if tags[k] == "O":
                            tags[k] = ("I-" if begun else "B-") + s["label"]
                            begun = True
                out.append(tags)
print("topic kappa", cohen_kappa_score(la, lb))
print("topic alpha", krippendorff.alpha(reliability_data=[la, lb], level_of_measurement="nominal"))
print("topic fleiss", fleiss_kappa(aggregate_raters(np.array([la, lb]).T)[0]))
print("entity P/R/F1", precision_score(ya, yb, mode="strict", scheme=IOB2),
      recall_score(ya, yb, mode="strict", scheme=IOB2), f1_score(ya, yb, mode="strict", scheme=IOB2))
flat_a = [t for s in ya for t in s]; flat_b = [t for s in yb for t in s]
print("token kappa", cohen_kappa_score(flat_a, flat_b), "over", len(flat_a), "tokens")
tags = {t: i for i, t in enumerate(sorted(set(flat_a) | set(flat_b)))}
print("token alpha", krippendorff.alpha(reliability_data=[[tags[t] for t in flat_a], [tags[t] for t in flat_b]],
                                        level_of_measurement="nominal"))
'''


def document(rng: random.Random, i: int):
    """A text of about 150 tokens and its entities (char offsets, label)."""
    parts, spans, pos = [], [], 0
    for _ in range(20):
        filler = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 8)))
        label = rng.choice(list(NAMES))
        name = rng.choice(NAMES[label])
        chunk = f"{filler} {name}"
        start = pos + len(filler) + 1
        spans.append((start, start + len(name), label))
        end = ", " if rng.random() < 0.7 else ".\n"
        parts.append(chunk + end)
        pos += len(chunk) + len(end)
    return f"d{i:06d}", "".join(parts), spans


def perturb(rng: random.Random, text: str, spans):
    out = []
    for s, e, label in spans:
        r = rng.random()
        if r < 0.04:
            out.append((s, e, rng.choice([l for l in NAMES if l != label])))
        elif r < 0.08:
            word_end = text.find(" ", s, e)
            out.append((s, word_end if word_end > s else e, label))
        elif r < 0.12:
            continue
        else:
            out.append((s, e, label))
        if rng.random() < 0.03:
            w = text.find(" ", e + 2)
            if w > e + 2 and not any(x < w and e + 1 < y for x, y, _ in spans):
                out.append((e + 2, w, "MISC"))
    return out


def record(doc, text, spans, topic, who):
    return json.dumps({
        "doc": doc, "hash": "", "annotator": who, "schema": "news@1", "status": "accepted",
        "at": "2026-11-20T10:00:00Z", "ms": 1000,
        "spans": [{"start": s, "end": e, "label": l, "text": text[s:e]} for s, e, l in sorted(set(spans))],
        "labels": {"topic": [topic]}, "zones": None, "note": None,
    }, ensure_ascii=False)


def prepare(annot: Path, root: Path, count: int):
    """Project `root` with `count` generated documents and the logs of annotators a and b
    (kept when there from an earlier run)."""
    if root.exists():
        return
    work = root.parent
    t = time.perf_counter()
    subprocess.run([str(annot), "init", str(root)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rng = random.Random(10)
    docs = work / "docs.jsonl"
    a_lines, b_lines = [], []
    with open(docs, "w") as f:
        for i in range(count):
            doc, text, spans = document(rng, i)
            f.write(json.dumps({"id": doc, "text": text}, ensure_ascii=False) + "\n")
            topic = rng.choice(TOPICS)
            other = topic if rng.random() < 0.9 else rng.choice(TOPICS)
            a_lines.append((doc, text, spans, topic))
            b_lines.append((doc, text, perturb(rng, text, spans), other))
    subprocess.run([str(annot), "--project", str(root), "import", "--id-field", "id", str(docs)],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Records carry the digest of the text as imported (annot normalises to NFC; these texts are already NFC).
    hashes = {}
    for path in sorted((root / "corpus").glob("*.jsonl")):
        with open(path) as f:
            for line in f:
                d = json.loads(line)
                hashes[d["id"]] = d["hash"]
    for who, lines in (("a", a_lines), ("b", b_lines)):
        with open(root / "annotations" / f"{who}.jsonl", "w") as f:
            for doc, text, spans, topic in lines:
                r = json.loads(record(doc, text, spans, topic, who))
                r["hash"] = hashes[doc]
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"generated {count} documents and two logs in {time.perf_counter() - t:.1f}s", file=sys.stderr)


def run(annot: Path, root: Path, python=None) -> dict:
    """`annot agree a b --json` on the project `root`, then (with the venv's `python`) the
    Python references on the same project, each a child process of its own."""
    work = root.parent
    out = work / "annot.json"
    with open(out, "w") as f:
        agree = figures([annot, "--project", root, "agree", "a", "b", "--json"], stdout=f)
    report = json.loads(out.read_text())
    g = lambda v: v.get("defined")
    result = {
        "tokens": report["tokens"]["tokens"],
        "agree": agree,
        "annot_figures": {
            "topic alpha(MASI)": g(report["labels"][0]["figures"]["alpha_masi"]["value"]),
            "entity F1": g(report["tokens"]["entities"]["micro"]["f1"]),
            "token kappa": g(report["tokens"]["cohen_kappa"]["value"]),
            "token alpha": g(report["tokens"]["krippendorff_alpha"]["value"]),
        },
    }
    if python:
        script = work / "reference.py"
        script.write_text(PY_REFERENCE)
        with open(work / "python.txt", "w") as f:
            result["python"] = figures([python, script, root], stdout=f)
        result["python_figures"] = (work / "python.txt").read_text().strip().split("\n")
    return result


def main():
    ap = arguments(100_000, __doc__)
    ap.add_argument("--skip-python", action="store_true",
                    help="time annot only (the Python references hold every tag list: 3.9 GB at 10,000 documents)")
    args = ap.parse_args()
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "annot-cli"], cwd=ROOT, check=True)
    annot = ROOT / "target/release/annot"
    python = None
    if not args.skip_python:
        python = subprocess.run(["bash", ROOT / "scripts" / "venv-interop.sh"], check=True,
                                capture_output=True, text=True).stdout.strip()
    work = work_dir(args.keep, "bench-agree-")
    root = work / "proj"
    prepare(annot, root, args.count)
    r = run(annot, root, python)
    if args.json:
        print_json(dict(r, documents=args.count))
    else:
        a = r["agree"]
        print(f"documents            {args.count}")
        print(f"tokens               {r['tokens']}")
        print(f"annot agree --json   {a['seconds']:8.2f} s  {a['cpu']:8.2f} s CPU  {a['rss_mb']:8.1f} MB peak RSS")
        if python:
            p = r["python"]
            print(f"Python references    {p['seconds']:8.2f} s  {p['cpu']:8.2f} s CPU  {p['rss_mb']:8.1f} MB peak RSS")
            print(f"ratio (time)         {p['seconds'] / a['seconds']:8.1f}x faster "
                  f"({p['cpu'] / a['cpu']:.1f}x in CPU time); memory {p['rss_mb'] / a['rss_mb']:.1f}x less")
        print("annot: " + ", ".join(f"{k} {v:.6f}" for k, v in r["annot_figures"].items()))
        if python:
            print("python: " + "; ".join(r["python_figures"]))
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
