#!/usr/bin/env python3
"""spaCy predicts entities for a project's corpus, as Prodigy-shaped JSONL.

    spacy_predict.py PROJECT PATTERNS OUT

A blank French pipeline with an EntityRuler built from PATTERNS (annot's
patterns file is in the shape the EntityRuler takes) runs over every document
of PROJECT's corpus (the last line of each id wins, as in annot) and writes
one Prodigy task a document to OUT:

    {"id", "text", "spans": [{"start", "end", "label", "text", "token_start",
     "token_end"}], "tokens": [...], "answer": "accept", "meta": {...}}

Offsets are Python string indices (code points), as spaCy's `ent.start_char`.
Prints the number of spans written, for the caller to compare with what
`annot import --format prodigy` says it imported.
"""

import json
import pathlib
import sys

import spacy


def documents(project: pathlib.Path):
    docs = {}
    for path in sorted((project / "corpus").glob("*.jsonl")):
        with path.open(encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    docs[d["id"]] = d["text"]
    return docs


def main() -> int:
    if len(sys.argv) != 4:
        print("usage: spacy_predict.py PROJECT PATTERNS OUT", file=sys.stderr)
        return 2
    project, patterns, out = map(pathlib.Path, sys.argv[1:])
    nlp = spacy.blank("fr")
    ruler = nlp.add_pipe("entity_ruler")
    with patterns.open(encoding="utf-8") as f:
        ruler.add_patterns([json.loads(l) for l in f if l.strip()])
    spans = 0
    with out.open("w", encoding="utf-8") as w:
        for doc_id, text in documents(project).items():
            doc = nlp(text)
            task = {
                "id": doc_id,
                "text": text,
                "spans": [
                    {
                        "start": e.start_char,
                        "end": e.end_char,
                        "label": e.label_,
                        "text": e.text,
                        "token_start": e.start,
                        "token_end": e.end - 1,
                    }
                    for e in doc.ents
                ],
                "tokens": [
                    {"text": t.text, "start": t.idx, "end": t.idx + len(t.text), "id": t.i, "ws": bool(t.whitespace_)}
                    for t in doc
                ],
                "answer": "accept",
                "meta": {"model": f"spacy {spacy.__version__} blank fr + entity_ruler"},
            }
            spans += len(task["spans"])
            w.write(json.dumps(task, ensure_ascii=False) + "\n")
    print(spans)
    return 0


if __name__ == "__main__":
    sys.exit(main())
