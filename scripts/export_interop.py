"""The real consumers take annot's exports without one complaint.

Run by scripts/interop.sh with the interop venv, on a project that two
scripted annotators annotated:

    python scripts/export_interop.py PROJECT --annot target/debug/annot

- spaCy: every exported jsonl span is `Doc.char_span(..., alignment_mode="strict")`
  of a Doc built from the exported tokens (`Doc(vocab, words=, spaces=)`),
  whose text is the exported text;
- pandas: `read_csv` reads both CSV layouts back to the values of the jsonl;
- datasets: `load_dataset("json")` loads the hf export and its tags cast to
  `ClassLabel` with the names of labels.json;
- seqeval: the CoNLL export scored against itself is 1.0 (strict, IOB2).
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path


def run_export(annot, project, out, *args):
    cmd = [annot, "--project", project, "export", "--out", str(out), *args]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stderr}")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def check_spacy(docs):
    import spacy
    from spacy.tokens import Doc

    nlp = spacy.blank("fr")
    spans = misaligned = 0
    for d in docs:
        words = [t["text"] for t in d["tokens"]]
        spaces = [t["ws"] for t in d["tokens"]]
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
        assert doc.text == d["text"], f"{d['id']}: the tokens do not rebuild the text"
        ents = []
        for s in d["spans"]:
            spans += 1
            span = doc.char_span(s["start"], s["end"], label=s["label"], alignment_mode="strict")
            if span is None:
                misaligned += 1
                print(f"spaCy: misaligned {d['id']} {s}", file=sys.stderr)
                continue
            assert span.text == s["text"]
            assert (span.start, span.end - 1) == (s["token_start"], s["token_end"])
            ents.append(span)
        doc.ents = ents  # raises on overlaps
    assert misaligned == 0, f"{misaligned} span(s) misaligned for spaCy"
    print(f"spaCy {spacy.__version__}: {len(docs)} docs, {spans} spans, 0 misaligned (strict)")
    return spans


def check_pandas(docs, docs_csv, spans_csv):
    import pandas as pd

    table = pd.read_csv(docs_csv, dtype=str, keep_default_na=False)
    assert list(table["id"]) == [d["id"] for d in docs]
    assert list(table["text"]) == [d["text"] for d in docs], "texts differ after read_csv"
    for row, d in zip(table.itertuples(), docs):
        chosen = sorted(k for k, v in d["cats"].items() if v == 1.0)
        assert sorted(filter(None, row.topic.split("|"))) == chosen, row.id
        assert row.title == (d["meta"].get("title") or "")
    spans = pd.read_csv(spans_csv, dtype={"doc_id": str, "label": str, "text": str,
                                          "left": str, "right": str},
                        keep_default_na=False)
    got = list(zip(spans["doc_id"], spans["start"], spans["end"], spans["label"], spans["text"]))
    want = [(d["id"], s["start"], s["end"], s["label"], s["text"]) for d in docs for s in d["spans"]]
    assert got == want, "span rows differ after read_csv"
    for r, d in zip(spans.itertuples(), [d for d in docs for _ in d["spans"]]):
        assert d["text"][: r.start].endswith(r.left) and d["text"][r.end:].startswith(r.right)
    print(f"pandas {pd.__version__}: docs layout {len(table)} rows, spans layout {len(spans)} rows, same values as the jsonl")


def check_datasets(hf_dir):
    os.environ.setdefault("HF_DATASETS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import datasets
    from datasets import ClassLabel, Sequence, load_dataset

    labels = json.loads((hf_dir / "labels.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as cache:
        ds = load_dataset("json", data_files=str(hf_dir / "all.jsonl"), split="train", cache_dir=cache)
        ds = ds.cast_column("ner_tags", Sequence(ClassLabel(names=labels["ner_tags"])))
        feature = ds.features["ner_tags"]
        inner = getattr(feature, "feature", feature)
        assert isinstance(inner, ClassLabel)
        tags = sum(len(t) for t in ds["ner_tags"])
        named = [inner.int2str(t) for row in ds["ner_tags"] for t in row if t]
        assert all(n.split("-", 1)[0] in "BI" for n in named)
        assert all(len(a) == len(b) for a, b in zip(ds["tokens"], ds["ner_tags"]))
        print(f"datasets {datasets.__version__}: {ds.num_rows} rows, {tags} tags as ClassLabel({len(labels['ner_tags'])} names), {len(named)} entity tags")


def read_conll(path):
    sentences, current = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            continue
        if not line:
            if current:
                sentences.append(current)
            current = []
            continue
        current.append(line.split(" ")[-1])
    if current:
        sentences.append(current)
    return sentences


def check_seqeval(conll):
    from seqeval.metrics import f1_score
    from seqeval.scheme import IOB2

    tags = read_conll(conll)
    entities = sum(t.startswith("B-") for s in tags for t in s)
    assert entities > 0
    f1 = f1_score(tags, tags, mode="strict", scheme=IOB2)
    assert f1 == 1.0, f1
    print(f"seqeval: {len(tags)} sentences, {entities} entities, F1 against itself {f1}")


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("project")
    p.add_argument("--annot", default="target/debug/annot")
    p.add_argument("--from", dest="source", default="py,py2")
    args = p.parse_args()
    source = ["--from", args.source] + (["--strategy", "union", "--overlap", "keep-longest"] if "," in args.source else [])
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        run_export(args.annot, args.project, tmp / "jsonl", "--format", "jsonl", *source)
        docs = read_jsonl(tmp / "jsonl" / "all.jsonl")
        spans = check_spacy(docs)
        assert spans > 0, "no span exported"
        run_export(args.annot, args.project, tmp / "docs", "--format", "csv", *source)
        run_export(args.annot, args.project, tmp / "spans", "--format", "csv", "--csv-layout", "spans", *source)
        check_pandas(docs, tmp / "docs" / "all.csv", tmp / "spans" / "all.csv")
        run_export(args.annot, args.project, tmp / "hf", "--format", "hf", *source)
        check_datasets(tmp / "hf")
        run_export(args.annot, args.project, tmp / "conll", "--format", "conll", *source)
        check_seqeval(tmp / "conll" / "all.conll")


if __name__ == "__main__":
    main()
