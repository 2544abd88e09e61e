#!/usr/bin/env python3
"""Benchmark `annot import --format conll` and `--format brat`.

Generates N synthetic French news documents (12 sentences of 17 tokens, a
place name tagged LOC in each, an emoji now and then), then measures, with a
page cache warmed right before each import and a fresh project each time:

  * conll, text rebuilt from the tokens (one file, N documents);
  * conll --align-to-corpus onto the same texts imported first, the file in
    the corpus's order, then in reverse order (each document looked for);
  * conll --align-to-corpus of N one-sentence documents (five tokens) in reverse
    order: too short for the shingle index to tell where they are, so each is
    found through the token index (the documents its rarest tokens are in);
  * brat, N .txt + .ann pairs in one folder.

Prints documents/s, MB/s, CPU seconds and peak RSS (of each child: benchlib.measure).

    python3 scripts/bench_import_conll_brat.py [--count 5000] [--keep DIR] [--json]
"""

import json
import random
import shutil
import subprocess
from pathlib import Path

from benchlib import arguments, build, figures, print_json, work_dir

WORDS = ["le", "maire", "de", "la", "ville", "a", "annoncé", "un", "plan", "pour", "les",
         "écoles", "et", "routes", "du", "département", "mardi", "soir", "selon", "🎉"]
PLACES = ["Paris", "Lyon", "Marseille", "Saint-Étienne", "Genève", "Beyrouth"]


def sentences(rng: random.Random, i: int):
    out = []
    for s in range(12):
        toks = [rng.choice(WORDS) for _ in range(14)] + [rng.choice(PLACES), f"n{i}x{s}", "."]
        out.append(toks)
    return out


def short(rng: random.Random, i: int):
    """One sentence of five tokens: its text (under 16 bytes without its spaces for
    most) keeps no shingle."""
    return [[rng.choice(WORDS[:6]), rng.choice(PLACES[:2]), f"n{i}", rng.choice(["a", "!"]), "."]]


def fresh(annot: Path, work: Path) -> Path:
    proj = work / "proj"
    if proj.exists():
        shutil.rmtree(proj)
    subprocess.run([str(annot), "init", str(proj)], check=True, stderr=subprocess.DEVNULL)
    return proj


def prepare(work: Path, count: int) -> dict:
    """The inputs in `work`: docs.jsonl (the texts), forward.conll and backward.conll
    (the same documents in corpus order and reversed), brat/ (.txt + .ann pairs)."""
    rng = random.Random(12)
    docs = [sentences(rng, i) for i in range(count)]
    corpus = work / "docs.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, d in enumerate(docs):
            text = "\n".join(" ".join(t) for t in d)
            f.write(json.dumps({"id": f"d{i}", "text": text}, ensure_ascii=False) + "\n")

    def conll(path: Path, order):
        with path.open("w", encoding="utf-8") as f:
            for d in order:
                f.write("-DOCSTART- -X- O\n\n")
                for t in d:
                    f.writelines(f"{w} {'B-LOC' if w in PLACES else 'O'}\n" for w in t)
                    f.write("\n")

    forward, backward = work / "forward.conll", work / "backward.conll"
    conll(forward, docs)
    conll(backward, list(reversed(docs)))
    few = [short(rng, i) for i in range(count)]
    short_corpus, short_backward = work / "short.jsonl", work / "short-backward.conll"
    with short_corpus.open("w", encoding="utf-8") as f:
        for i, d in enumerate(few):
            f.write(json.dumps({"id": f"s{i}", "text": " ".join(d[0])}, ensure_ascii=False) + "\n")
    conll(short_backward, list(reversed(few)))
    brat = work / "brat"
    brat.mkdir(exist_ok=True)
    for i, d in enumerate(docs):
        text, ann, n = "", [], 0
        for t in d:
            for w in t:
                if w in PLACES:
                    n += 1
                    start = len(text)
                    ann.append(f"T{n}\tLOC {start} {start + len(w)}\t{w}\n")
                text += w + " "
            text = text[:-1] + "\n"
        (brat / f"d{i}.txt").write_text(text, encoding="utf-8")
        (brat / f"d{i}.ann").write_text("".join(ann), encoding="utf-8")
    return {"corpus": corpus, "forward": forward, "backward": backward, "brat": brat,
            "short_corpus": short_corpus, "short_backward": short_backward}


def warm(*paths: Path):
    """Reads `paths` (files, or every file of a folder) into the page cache: right before
    each import, as some virtual machines keep shrinking the cache of files not read for
    a while (see bench_import.py)."""
    files = [str(f) for p in paths for f in (sorted(p.iterdir()) if p.is_dir() else [p])]
    # Through xargs: a folder of 200,000 files is past one command line.
    subprocess.run(["sh", "-c", "xargs -0 cat > /dev/null"], input=b"\0".join(f.encode() for f in files),
                   check=True)


def run(annot: Path, work: Path, inputs: dict) -> dict:
    """Each import into a fresh project work/proj, its input read into the page cache
    right before it. Returns each row's figures, its input's MB and a detail."""
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    rows, sizes = {}, {}

    def measure(what, args, source):
        warm(source)
        rows[what] = figures(base + args, **quiet)
        sizes[what] = sum(f.stat().st_size for f in (source.iterdir() if source.is_dir() else [source])) / 1e6

    proj = fresh(annot, work)
    base = [annot, "--project", proj, "import"]
    measure("conll, text from the tokens", ["--format", "conll", "--as", "a", inputs["forward"]], inputs["forward"])
    proj = fresh(annot, work)
    base = [annot, "--project", proj, "import"]
    subprocess.run([str(c) for c in base + [inputs["corpus"]]], check=True, stderr=subprocess.DEVNULL)
    for what, path, who in (("conll --align-to-corpus, in order", inputs["forward"], "b"),
                            ("conll --align-to-corpus, reversed", inputs["backward"], "c")):
        measure(what, ["--format", "conll", "--align-to-corpus", "--as", who, path], path)
    proj = fresh(annot, work)
    base = [annot, "--project", proj, "import"]
    subprocess.run([str(c) for c in base + [inputs["short_corpus"]]], check=True, stderr=subprocess.DEVNULL)
    short_row = "conll --align-to-corpus, one-sentence documents reversed (token index)"
    measure(short_row, ["--format", "conll", "--align-to-corpus", "--as", "e", inputs["short_backward"]],
            inputs["short_backward"])
    proj = fresh(annot, work)
    base = [annot, "--project", proj, "import"]
    measure("brat, .txt + .ann pairs", ["--format", "brat", "--as", "d", inputs["brat"]], inputs["brat"])
    details = {what: f"{sizes[what]:.1f} MB of CoNLL" for what in rows if what.startswith("conll")}
    return {"conll_mb": inputs["forward"].stat().st_size / 1e6, "imports": rows, "details": details,
            "mb": sizes}


def main():
    ap = arguments(5_000, __doc__)
    args = ap.parse_args()
    annot, _ = build()
    work = work_dir(args.keep, "annot-bench-conll-")
    r = run(annot, work, prepare(work, args.count))
    if args.json:
        print_json(dict(r, documents=args.count))
    else:
        mb = r["conll_mb"]
        print(f"input: {args.count} documents, {12 * args.count} sentences, CoNLL {mb:.1f} MB")
        width = max(map(len, r["imports"]))
        for what, f in r["imports"].items():
            secs, row_mb = f["seconds"], r["mb"][what]
            print(f"{what:{width}} {secs:6.2f}s  {args.count / secs:7.0f} docs/s  {row_mb / secs:5.1f} MB/s  "
                  f"CPU {f['cpu']:5.2f}s  peak RSS {f['rss_mb']:.0f} MB")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
