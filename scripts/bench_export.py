"""Benchmark of `annot export` (a script that prints figures, not a test).

    .venv-interop/bin/python scripts/bench_export.py --docs 10000 100000 [--keep DIR]
        [--annot OTHER/target/release/annot] [--skip-spacy]

With --keep, the generated projects stay in DIR and a later run with the same DIR
times the same data again (say, another build given with --annot, for before/after).

For each size: generates that many articles (xtask gen-articles), imports
them into a fresh project, writes an annotator log directly (up to five
token-aligned spans a document: capitalised ASCII words between white space
and white space or punctuation, labels in turn), then times
`annot export --format conll`, `--format jsonl`, `--format spacy` and
conll with `--split train=80,dev=10,test=10` (two passes: the split plan,
then the files) (release build, one process each, /usr/bin/time for peak
RSS and CPU time).

The same work in Python, for the ratio: spaCy's tokenizer
(`spacy.blank(lang).make_doc`) on the texts annot wrote, then
`offsets_to_biluo_tags` and `biluo_to_iob`, then CoNLL lines to a file. It
reads the already zone-joined texts and spans from annot's jsonl, so it
does less than annot does (no corpus, no log, no zones, no pre-flight), and
runs on the first --spacy-docs documents only (extrapolated per document:
spaCy at ~1 MB/s would take minutes on 100k).

The ratios (conll and jsonl against the spaCy script) are given by wall time
and by CPU time (annot's user + system over all its threads; the script's
process time): on a shared machine the CPU figure is the steadier one.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ANNOT = ROOT / "target" / "release" / "annot"
XTASK = ROOT / "target" / "release" / "xtask"
WORD = re.compile(r"(?<=\s)[A-Z][a-z]{2,}(?=[\s,.;:])")
LABELS = ["PER", "ORG", "LOC", "MISC"]


def sh(*cmd, **kw):
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def timed(*cmd):
    """Runs cmd under /usr/bin/time -v: (seconds, peak RSS in MB, CPU seconds: user + system;
    the steadier figure on a shared machine)."""
    t0 = time.perf_counter()
    r = subprocess.run(["/usr/bin/time", "-v", *map(str, cmd)], capture_output=True, text=True)
    dt = time.perf_counter() - t0
    if r.returncode != 0:
        sys.exit(f"{cmd} failed:\n{r.stderr[-3000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", r.stderr).group(1))
    cpu = sum(float(re.search(rf"{k} time \(seconds\): ([\d.]+)", r.stderr).group(1)) for k in ("User", "System"))
    return dt, rss / 1024, cpu


def write_log(project):
    """One accepted record per document with up to five spans, written directly."""
    n = spans = 0
    with open(project / "annotations" / "bench.jsonl", "w", encoding="utf-8") as out:
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
                        "doc": d["id"], "hash": d["hash"], "annotator": "bench",
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
    import spacy
    from spacy.training import biluo_to_iob, offsets_to_biluo_tags

    nlps = {"fr": spacy.blank("fr"), "en": spacy.blank("en")}
    docs = []
    with open(jsonl, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            docs.append(json.loads(line))
    chars = sum(len(d["text"].encode("utf-8")) for d in docs)
    t0, c0 = time.perf_counter(), time.process_time()
    with open(out_path, "w", encoding="utf-8") as out:
        for d in docs:
            nlp = nlps.get(d["meta"].get("lang"), nlps["fr"])
            doc = nlp.make_doc(d["text"])
            ents = [(s["start"], s["end"], s["label"]) for s in d["spans"]]
            tags = biluo_to_iob(offsets_to_biluo_tags(doc, ents))
            out.write("-DOCSTART- -X- O\n\n")
            for tok, tag in zip(doc, tags):
                if not tok.is_space:
                    out.write(f"{tok.text} {tag}\n")
            out.write("\n")
    return len(docs), chars, time.perf_counter() - t0, time.process_time() - c0


def bench(n, spacy_docs, keep, annot):
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
    with open(project / "annotations" / "bench.jsonl", encoding="utf-8") as f:
        recs = [json.loads(line)["spans"] for line in f]
    docs, spans = len(recs), sum(map(len, recs))
    print(f"\n== {n} documents ({spans} spans)")
    rows = {}
    split = ["--split", "train=80,dev=10,test=10", "--seed", "13"]
    for fmt, extra in [("conll", []), ("jsonl", []), ("spacy", []), ("conll+split", split)]:
        out = work / f"out-{fmt}"
        dt, rss, cpu = timed(annot, "--project", project, "export", "--format", fmt.split("+")[0],
                             "--from", "bench", "--out", out, "--drop-misaligned", *extra)
        size = sum(p.stat().st_size for p in out.iterdir()) / 1e6
        rows[fmt] = (dt, rss, size, cpu)
        print(f"annot export --format {fmt:11}  {dt:7.2f} s ({cpu:.2f} s CPU)  {docs / dt:9.0f} docs/s  "
              f"{size / dt:7.1f} MB/s written ({size:.0f} MB)  peak RSS {rss:6.1f} MB")
    if spacy_docs:
        text_mb = sum(len(json.loads(l)["text"].encode("utf-8")) for l in open(work / "out-jsonl" / "all.jsonl", encoding="utf-8")) / 1e6
        print(f"exported text {text_mb:.0f} MB: conll {text_mb / rows['conll'][0]:.1f} MB/s of text")
        sd, schars, sdt, scpu = spacy_conll(work / "out-jsonl" / "all.jsonl", work / "spacy.conll", spacy_docs)
        spacy_rate = sd / sdt
        print(f"spaCy tokenizer + offsets_to_biluo_tags + biluo_to_iob on {sd} docs: {sdt:.2f} s ({scpu:.2f} s CPU)  "
              f"{spacy_rate:.0f} docs/s  {schars / 1e6 / sdt:.2f} MB/s of text")
        # Wall time is what a user waits; CPU time (annot: every thread, user + system;
        # spaCy: the process) is the steadier figure on a shared machine.
        for fmt in ("conll", "jsonl"):
            dt, _, _, cpu = rows[fmt]
            print(f"ratio ({fmt}, docs/s): annot {docs / dt / spacy_rate:.1f}x spaCy by wall time, "
                  f"{docs / cpu / (sd / scpu):.1f}x by CPU time")
    if not keep:
        sh("rm", "-rf", work)
    return rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--docs", type=int, nargs="+", default=[10_000, 100_000])
    p.add_argument("--spacy-docs", type=int, default=2000)
    p.add_argument("--keep", help="keep the work directories under this directory (and reuse them in a later run)")
    p.add_argument("--annot", type=Path, default=ANNOT, help="the annot binary to time (default: this tree's release build)")
    p.add_argument("--skip-spacy", action="store_true", help="time annot only")
    args = p.parse_args()
    if not ANNOT.exists() or not XTASK.exists():
        sh("cargo", "build", "--release", "-p", "annot-cli", "-p", "xtask", cwd=ROOT)
    for n in args.docs:
        bench(n, 0 if args.skip_spacy else args.spacy_docs, args.keep, args.annot)


if __name__ == "__main__":
    os.chdir(ROOT)
    main()
