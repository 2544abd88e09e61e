"""The real consumers take annot's exports without one complaint.

Run by scripts/interop.sh with the interop venv, on a project that two
scripted annotators annotated:

    python scripts/export_interop.py PROJECT --annot target/debug/annot

- spaCy: every exported jsonl span is `Doc.char_span(..., alignment_mode="strict")`
  of a Doc built from the exported tokens (`Doc(vocab, words=, spaces=)`),
  whose text is the exported text;
- spaCy: `DocBin().from_disk` reads annot's `.spacy` files and gives, split
  by split, the tokens, spaces, entities, cats and ids of the jsonl, and the
  sentence starts of the CoNLL export; `python -m spacy debug data` on a
  blank French ner + textcat_multilabel config (`spacy init config`) with
  the French documents' train/dev `.spacy` files reports no tokens that
  differ from spaCy's tokenizer, no missing (misaligned) entity tags, no
  whitespace entities and no entity across a sentence boundary, and
  `python -m spacy train` runs a few steps on them, its NER and textcat
  losses above zero;
- pandas: `read_csv` reads both CSV layouts back to the values of the jsonl,
  and `read_parquet` (when annot was built with the parquet feature) reads
  the docs table back equal to the csv and the hf table equal to the hf jsonl;
- datasets: `load_dataset("json")` loads the hf export and its tags cast to
  `ClassLabel` with the names of labels.json;
- seqeval: the CoNLL export scored against itself is 1.0 (strict, IOB2), and
  the CoNLL export of one annotator scored against another's gives the
  entity F1 `annot agree --json` reports, to 1e-9 (a third annotator, made
  here on a copy of the project, decides the first one's documents).
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def run_export(annot, project, out, *args):
    return run(annot, "--project", project, "export", "--out", str(out), *args)


def run(*cmd, stdin=None):
    cmd = [str(c) for c in cmd]
    r = subprocess.run(cmd, capture_output=True, text=True, input=stdin)
    if r.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({r.returncode}):\n{r.stderr}{r.stdout[-3000:]}")
    return r


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


def read_conll_docs(path):
    """Documents (after each -DOCSTART-) of sentences of (token, tag)."""
    docs, sentence = [], []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            docs.append([])
            continue
        if not line:
            if sentence:
                docs[-1].append(sentence)
            sentence = []
            continue
        fields = line.split(" ")
        sentence.append((fields[0], fields[-1]))
    if sentence:
        docs[-1].append(sentence)
    return docs


def check_docbin(jsonl_dir, spacy_dir, conll_dir, splits):
    import spacy
    from spacy.tokens import DocBin

    nlp = spacy.blank("fr")
    n_docs = n_ents = n_sents = 0
    for split in splits:
        want = read_jsonl(jsonl_dir / f"{split}.jsonl")
        conll = read_conll_docs(conll_dir / f"{split}.conll")
        got = list(DocBin().from_disk(spacy_dir / f"{split}.spacy").get_docs(nlp.vocab))
        assert len(got) == len(want) == len(conll), (split, len(got), len(want), len(conll))
        for doc, d, c in zip(got, want, conll):
            where = f"{split}.spacy {d['id']}"
            assert doc.user_data.get("id") == d["id"], where
            assert doc.text == d["text"], f"{where}: text"
            assert [t.text for t in doc] == [t["text"] for t in d["tokens"]], f"{where}: tokens"
            assert [bool(t.whitespace_) for t in doc] == [t["ws"] for t in d["tokens"]], f"{where}: spaces"
            ents = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
            assert ents == [(s["start"], s["end"], s["label"]) for s in d["spans"]], f"{where}: entities"
            assert doc.cats == d["cats"], f"{where}: cats"
            sents = [[t.text for t in sent if not t.is_space] for sent in doc.sents]
            assert sents == [[tok for tok, _ in sentence] for sentence in c], f"{where}: sentence starts differ from the CoNLL sentences"
            n_docs += 1
            n_ents += len(ents)
            n_sents += len(sents)
    print(f"spaCy DocBin: {n_docs} docs in {len(splits)} .spacy files, {n_ents} entities, {n_sents} sentences: "
          "the tokens, spaces, entities, cats and ids of the jsonl, the sentences of the CoNLL")


def check_parts(annot, project, tmp, source, split, whole_dir):
    """A split written as a folder of .spacy parts (--spacy-part-tokens) is, read by
    spaCy's own training reader (`spacy.training.Corpus`, what `spacy train
    --paths.train DIR` uses), the documents of the one-file export in their order."""
    from spacy.tokens import DocBin
    from spacy.training import Corpus
    import spacy

    nlp = spacy.blank("fr")
    whole = list(DocBin().from_disk(whole_dir / "train.spacy").get_docs(nlp.vocab))
    longest = max(len(d) for d in whole)
    out = tmp / "split-spacy-parts"
    r = run_export(annot, project, out, "--format", "spacy", *split, *source,
                   "--spacy-part-tokens", str(longest))
    folder = out / "train.spacy"
    assert folder.is_dir(), r.stderr
    parts = sorted(p.name for p in folder.iterdir())
    assert len(parts) >= 2 and parts[0] == "part-00001.spacy", parts
    got = [ex.reference for ex in Corpus(folder)(nlp)]
    assert len(got) == len(whole), (len(got), len(whole))
    for a, b in zip(got, whole):
        assert a.user_data.get("id") == b.user_data.get("id"), (a.user_data, b.user_data)
        assert a.text == b.text and [t.text for t in a] == [t.text for t in b]
        assert [(e.start_char, e.end_char, e.label_) for e in a.ents] == \
            [(e.start_char, e.end_char, e.label_) for e in b.ents]
        assert a.cats == b.cats
    print(f"spaCy Corpus: train.spacy/ of {len(parts)} parts (at most {longest} tokens each) reads as "
          f"the {len(whole)} documents of the one-file train.spacy, in order")


def check_debug_data(annot, project, tmp, source):
    """`spacy debug data` on the French documents: nothing misaligned, overlapping or across sentences."""
    out = tmp / "spacy-fr"
    run_export(annot, project, out, "--format", "spacy", "--filter", "lang=fr",
               "--split", "train=50,dev=50", "--seed", "13", *source)
    cfg = tmp / "config.cfg"
    run(sys.executable, "-m", "spacy", "init", "config", cfg, "--lang", "fr",
        "--pipeline", "ner,textcat_multilabel", "--force")
    r = subprocess.run(
        [sys.executable, "-m", "spacy", "debug", "data", str(cfg),
         "--paths.train", str(out / "train.spacy"), "--paths.dev", str(out / "dev.spacy")],
        capture_output=True, text=True, env={**os.environ, "ANSI_COLORS_DISABLED": "1"})
    text = re.sub(r"\x1b\[[0-9;]*[A-Za-z]|\r", "", r.stdout + r.stderr)
    problems = []
    # The sample has a handful of documents: spaCy's "too few examples" is
    # expected (it makes debug data exit 1); any other error is a problem.
    for line in text.splitlines():
        if "✘" in line and "Low number of examples" not in line and not re.search(r"✘ \d+ errors?$", line):
            problems.append(line)
        if "⚠" in line and re.search(r"misaligned|whitespace|crossing|overlap|[Ee]mpty label", line):
            problems.append(line)
    missing = re.search(r"(\d+) missing value\(s\)", text)
    if not missing or int(missing.group(1)) != 0:
        problems.append(missing.group(0) if missing else "no NER section in the output")
    for good in ["Corpus is loadable", "No entities consisting of or starting/ending with whitespace",
                 "No entities crossing sentence boundaries", "Text Classification"]:
        if good not in text:
            problems.append(f"missing: {good}")
    if problems:
        sys.exit("spacy debug data on annot's .spacy files:\n  " + "\n  ".join(problems) + "\n\n" + text)
    docs = re.search(r"(\d+) training docs\n(\d+) evaluation docs", text)
    print(f"spacy debug data (blank fr, ner + textcat_multilabel): {docs.group(1)} train / {docs.group(2)} dev docs, "
          "0 misaligned tokens, 0 missing entity tags, no whitespace or cross-sentence entities")
    # And `spacy train` takes the files as they are: a few steps, the NER
    # and textcat losses above zero (the entities and cats reached them).
    r = run(sys.executable, "-m", "spacy", "train", cfg, "--paths.train", out / "train.spacy",
            "--paths.dev", out / "dev.spacy", "--training.max_steps", "4", "--training.eval_frequency", "2")
    rows = [line.split() for line in re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", r.stdout).splitlines()
            if re.match(r"\s*\d+\s+\d+\s+[0-9.]+", line)]
    assert rows, f"no training rows:\n{r.stdout}"
    ner, textcat = max(float(row[3]) for row in rows), max(float(row[4]) for row in rows)
    assert ner > 0 and textcat > 0, f"spacy train saw no entities or cats:\n{r.stdout}"
    print(f"spacy train: {len(rows)} evaluation rows, NER loss up to {ner:.1f}, textcat loss up to {textcat:.2f}")


def check_agree_f1(annot, project, tmp):
    """seqeval on two annotators' CoNLL exports = `annot agree`'s entity F1."""
    copy = tmp / "project-agree"
    shutil.copytree(project, copy)
    # A third annotator decides py's documents: the same suggestions, one
    # relabelled, and a document accepted with nothing marked.
    run(annot, "--project", copy, "annotate", "--annotator", "py3", "--filter", "id=01_*|02_*|03_*",
        "--patterns", "examples/patterns.jsonl",
        stdin="y\n3 ORG\ntopic society\n\ny\ntopic culture\n\n\n\nq\n")
    agree = json.loads(run(annot, "--project", copy, "agree", "py", "py3", "--json").stdout)
    f1_agree = agree["tokens"]["entities"]["micro"]["f1"]["defined"]
    zones = "title,lede,body,meta,boilerplate"  # agree scores the whole text
    tagged = {}
    for who in ["py", "py3"]:
        run_export(annot, copy, tmp / f"agree-{who}", "--format", "conll", "--from", who, "--zones", zones)
        run_export(annot, copy, tmp / f"agree-{who}-jsonl", "--format", "jsonl", "--no-tokens", "--from", who, "--zones", zones)
        ids = [d["id"] for d in read_jsonl(tmp / f"agree-{who}-jsonl" / "all.jsonl")]
        docs = read_conll_docs(tmp / f"agree-{who}" / "all.conll")
        tagged[who] = dict(zip(ids, docs))
    common = sorted(set(tagged["py"]) & set(tagged["py3"]))
    assert len(common) == agree["documents"]["in_common"], (common, agree["documents"]["in_common"])
    from seqeval.metrics import f1_score
    from seqeval.scheme import IOB2

    ref, hyp = [], []
    for doc in common:
        a = [t for s in tagged["py"][doc] for t in s]
        b = [t for s in tagged["py3"][doc] for t in s]
        assert [tok for tok, _ in a] == [tok for tok, _ in b], f"{doc}: tokens differ"
        ref.append([tag for _, tag in a])
        hyp.append([tag for _, tag in b])
    f1 = f1_score(ref, hyp, mode="strict", scheme=IOB2)
    assert f1 < 1.0, "the two annotators should disagree somewhere"
    assert abs(f1 - f1_agree) < 1e-9, f"seqeval {f1} on the CoNLL exports, annot agree {f1_agree}"
    print(f"seqeval: py3 against py over {len(common)} documents F1 {f1:.12f}, annot agree entity F1 {f1_agree:.12f}")


def check_parquet(annot, project, tmp, source, docs_csv, hf_dir):
    import pandas as pd

    r = subprocess.run([annot, "--project", project, "export", "--format", "parquet", "--out", str(tmp / "pq"), *source],
                       capture_output=True, text=True)
    if "built without Parquet" in r.stderr:
        sys.exit("annot was built without the parquet feature: build it with `cargo build --features parquet`")
    if r.returncode != 0:
        sys.exit(f"annot export --format parquet failed:\n{r.stderr}")
    run_export(annot, project, tmp / "pq-docs", "--format", "parquet", "--parquet-table", "docs", *source)
    table = pd.read_parquet(tmp / "pq-docs" / "all.parquet")
    csv = pd.read_csv(docs_csv, dtype=str, keep_default_na=False)
    assert list(table.columns) == list(csv.columns), (list(table.columns), list(csv.columns))
    assert table.fillna("").astype(str).equals(csv), "the docs table differs from the csv"
    hf = pd.read_parquet(tmp / "pq" / "all.parquet")
    lines = read_jsonl(hf_dir / "all.jsonl")
    assert list(hf.columns) == list(lines[0].keys())
    for row, line in zip(hf.to_dict("records"), lines, strict=True):
        assert {k: (list(v) if hasattr(v, "tolist") else v) for k, v in row.items()} == line, line["id"]
    assert (tmp / "pq" / "labels.json").read_bytes() == (hf_dir / "labels.json").read_bytes()
    print(f"pandas read_parquet: docs table {table.shape} equal to the csv, hf table {len(hf)} rows equal to the hf jsonl")


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
        split = ["--split", "train=50,dev=50", "--seed", "13"]
        for fmt in ["jsonl", "spacy", "conll"]:
            run_export(args.annot, args.project, tmp / f"split-{fmt}", "--format", fmt, *split, *source)
        check_docbin(tmp / "split-jsonl", tmp / "split-spacy", tmp / "split-conll", ["train", "dev"])
        check_parts(args.annot, args.project, tmp, source, split, tmp / "split-spacy")
        check_debug_data(args.annot, args.project, tmp, source)
        check_agree_f1(args.annot, args.project, tmp)
        check_parquet(args.annot, args.project, tmp, source, tmp / "docs" / "all.csv", tmp / "hf")

if __name__ == "__main__":
    main()
