"""Benchmark of `annot export` (a script that prints figures, not a test).

    python3 scripts/bench_export.py --docs 10000 100000 [--keep DIR]
        [--annot OTHER/target/release/annot] [--skip-spacy] [--json]

With --keep, the generated projects stay in DIR and a later run with the same DIR
times the same data again (say, another build given with --annot, for before/after).

For each size: generates that many articles (xtask gen-articles), imports
them into a fresh project, writes an annotator log directly (up to five
token-aligned spans a document: capitalised ASCII words between white space
and white space or punctuation, labels in turn), then times
`annot export --format conll`, `--format jsonl --no-tokens`, `--format spacy` and
conll with `--split train=80,dev=10,test=10` (two passes: the split plan,
then the files) (release build, one process each; wall and CPU time and peak
RSS of that child: benchlib.measure).

The same work in Python, for the ratio (in the venv of scripts/venv-interop.sh, as a
child process of its own): spaCy's tokenizer (`spacy.blank(lang).make_doc`) on the
texts annot wrote, then `offsets_to_biluo_tags` and `biluo_to_iob`, then CoNLL
lines to a file. It reads the already zone-joined texts and spans from annot's
jsonl, so it does less than annot does (no corpus, no log, no zones, no
pre-flight), and runs on the first --spacy-docs documents (0: all of them).
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchlib import ROOT, figures, print_json

ANNOT = ROOT / "target" / "release" / "annot"
XTASK = ROOT / "target" / "release" / "xtask"
WORD = re.compile(r"(?<=\s)[A-Z][a-z]{2,}(?=[\s,.;:])")
LABELS = ["PER", "ORG", "LOC", "MISC"]
SPLIT = ["--split", "train=80,dev=10,test=10", "--seed", "13"]
# (row name, arguments of `annot export` after --format)
FORMATS = [("conll", ["conll"]), ("jsonl", ["jsonl", "--no-tokens"]), ("spacy", ["spacy"]),
           ("conll+split", ["conll", *SPLIT])]


def sh(*cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def write_log(project, who="bench"):
    """One accepted record per document with up to five spans, written directly."""
    n = spans = 0
    with open(project / "annotations" / f"{who}.jsonl", "w", encoding="utf-8") as out:
        for corpus in sorted((project / "corpus").glob("*.jsonl")):
            with open(corpus, encoding="utf-8") as f:
                for line in f:
                    d = json.loads(line)
                    text = d["text"]
                    body = [z for z in d["zones"] if z["zone"] == "body"]
                    found = []
                    for z in body:
                        for m in WORD.finditer(text, z["start"], z["end"]):
                            found.append((m.start(), m.end()))
                            if len(found) == 5:
                                break
                        if len(found) == 5:
                            break
                    rec = {
                        "doc": d["id"], "hash": d["hash"], "annotator": who,
                        "schema": "news@1", "status": "accepted",
                        "at": "2026-11-23T20:00:00Z", "ms": 1,
                        "spans": [{"start": s, "end": e, "label": LABELS[i % 4], "text": text[s:e]}
                                  for i, (s, e) in enumerate(found)],
                        "labels": {"topic": ["society"]}, "zones": None, "note": None,
                    }
                    out.write(json.dumps(rec, ensure_ascii=False) + "\n")
                    n += 1
                    spans += len(found)
    return n, spans


def spacy_conll(jsonl, out_path, limit):
    """The peer (run in the venv): annot's jsonl (text, spans) to CoNLL with spaCy.
    Returns the documents converted and their UTF-8 bytes of text."""
    import spacy
    from spacy.training import biluo_to_iob, offsets_to_biluo_tags

    nlps = {"fr": spacy.blank("fr"), "en": spacy.blank("en")}
    docs = chars = 0
    with open(jsonl, encoding="utf-8") as f, open(out_path, "w", encoding="utf-8") as out:
        for line in f:
            if limit and docs >= limit:
                break
            d = json.loads(line)
            docs += 1
            chars += len(d["text"].encode("utf-8"))
            nlp = nlps.get(d["meta"].get("lang"), nlps["fr"])
            doc = nlp.make_doc(d["text"])
            ents = [(s["start"], s["end"], s["label"]) for s in d["spans"]]
            tags = biluo_to_iob(offsets_to_biluo_tags(doc, ents))
            out.write("-DOCSTART- -X- O\n\n")
            for tok, tag in zip(doc, tags):
                if not tok.is_space:
                    out.write(f"{tok.text} {tag}\n")
            out.write("\n")
    return docs, chars


def run(annot, project, work, who="bench", python=None, spacy_docs=0):
    """Times each of FORMATS from `who`'s records into work/out-NAME, then (with the venv's
    `python`) the spaCy conversion of the jsonl export as a child process."""
    rows = {}
    for name, fmt in FORMATS:
        out = work / f"out-{name}"
        shutil.rmtree(out, ignore_errors=True)
        f = figures([annot, "--project", project, "export", "--format", *fmt,
                     "--from", who, "--out", out, "--drop-misaligned"],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        # Files in folders too (a spaCy split past one DocBin is a folder of parts).
        f["written_mb"] = sum(p.stat().st_size for p in out.rglob("*") if p.is_file()) / 1e6
        rows[name] = f
    with open(work / "out-jsonl" / "all.jsonl", encoding="utf-8") as f:
        docs, spans, text = 0, 0, 0
        for line in f:
            d = json.loads(line)
            docs += 1
            spans += len(d["spans"])
            text += len(d["text"].encode("utf-8"))
    result = {"documents": docs, "spans": spans, "text_mb": text / 1e6, "formats": rows}
    if python:
        out = work / "spacy.json"
        with open(out, "w") as stdout:
            peer = figures([python, Path(__file__).resolve(), "--spacy-conll", work / "out-jsonl" / "all.jsonl",
                            work / "spacy.conll", "--spacy-docs", spacy_docs], stdout=stdout)
        peer.update(json.loads(out.read_text()))
        result["spacy"] = peer
    return result


def bench(n, spacy_docs, keep, annot, python):
    if keep:
        # A fixed name under --keep: a later run with the same --keep times the same data.
        work = Path(keep) / f"bench-export-{n}"
        work.mkdir(parents=True, exist_ok=True)
    else:
        work = Path(tempfile.mkdtemp(prefix=f"bench-export-{n}-"))
    articles, project = work / "articles", work / "project"
    if not (project / "annotations" / "bench.jsonl").exists():
        shutil.rmtree(work, ignore_errors=True)
        sh(XTASK, "gen-articles", "--count", n, "--out", articles, stderr=subprocess.DEVNULL)
        sh(ANNOT, "init", project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        sh(ANNOT, "--project", project, "import", articles, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        write_log(project)
    r = run(annot, project, work, python=python, spacy_docs=spacy_docs)
    if not keep:
        sh("rm", "-rf", work)
    return r


def report(n, r):
    docs = r["documents"]
    print(f"\n== {n} documents ({r['spans']} spans, {r['text_mb']:.0f} MB of exported text)")
    for name, f in r["formats"].items():
        dt, size = f["seconds"], f["written_mb"]
        print(f"annot export --format {name:11}  {dt:7.2f} s ({f['cpu']:.2f} s CPU)  {docs / dt:9.0f} docs/s  "
              f"{size / dt:7.1f} MB/s written ({size:.0f} MB)  peak RSS {f['rss_mb']:6.1f} MB")
    if "spacy" in r:
        p, conll = r["spacy"], r["formats"]["conll"]
        print(f"spaCy tokenizer + offsets_to_biluo_tags + biluo_to_iob on {p['documents']} docs: "
              f"{p['seconds']:.2f} s ({p['cpu']:.2f} s CPU)  {p['documents'] / p['seconds']:.0f} docs/s  "
              f"{p['text_bytes'] / 1e6 / p['seconds']:.2f} MB/s of text  peak RSS {p['rss_mb']:.1f} MB")
        # By wall time and by CPU time (annot's user + system over all its threads): on a
        # shared machine the CPU figure is the steadier one.
        for name in ("conll", "jsonl"):
            f = r["formats"][name]
            wall = (docs / f["seconds"]) / (p["documents"] / p["seconds"])
            cpu = (docs / f["cpu"]) / (p["documents"] / p["cpu"])
            print(f"ratio ({name}, docs/s): annot {wall:.1f}x spaCy by wall time, {cpu:.1f}x by CPU time")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--spacy-docs", type=int, default=2000, help="documents converted by spaCy (0: all)")
    p.add_argument("--keep", help="keep the work directories under this directory (and reuse them in a later run)")
    p.add_argument("--annot", type=Path, default=ANNOT, help="the annot binary to time (default: this tree's release build)")
    p.add_argument("--skip-spacy", action="store_true", help="time annot only")
    p.add_argument("--json", action="store_true", help="print the figures as JSON (one object keyed by size)")
    p.add_argument("--spacy-conll", nargs=2, type=Path, metavar=("JSONL", "OUT"), help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.spacy_conll:
        docs, text = spacy_conll(*args.spacy_conll, args.spacy_docs)
        print_json({"documents": docs, "text_bytes": text})
        return
    if not ANNOT.exists() or not XTASK.exists():
        sh("cargo", "build", "--release", "-p", "annot-cli", "-p", "xtask", cwd=ROOT)
    python = None
    if not args.skip_spacy:
        python = subprocess.run(["bash", ROOT / "scripts" / "venv-interop.sh"], check=True,
                                capture_output=True, text=True).stdout.strip()
    results = {}
    for n in args.docs:
        results[n] = bench(n, args.spacy_docs, args.keep, args.annot, python)
        if not args.json:
            report(n, results[n])
    if args.json:
        print_json(results)


if __name__ == "__main__":
    main()
