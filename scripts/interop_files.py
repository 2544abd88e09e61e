#!/usr/bin/env python3
"""Checks annot's files with Python, the way its users read them.

    interop_files.py PROJECT [--expect-spans N]

For every corpus line and every annotation record of PROJECT:
  * it validates against schemas/document.schema.json or record.schema.json
    (jsonschema, Draft 2020-12);
  * Python slicing gives the stored texts: text[start:end] == span["text"] for
    every span of a record made on the current text, and every zone lies in
    the text;
  * the digest is blake3 of the UTF-8 text, first 128 bits in hex.
Exit status 1 with one line per problem.
"""

import json
import pathlib
import sys

import blake3
import jsonschema

ROOT = pathlib.Path(__file__).resolve().parent.parent


def load_schema(name):
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def main() -> int:
    args = sys.argv[1:]
    expect_spans = None
    if len(args) == 3 and args[1] == "--expect-spans":
        expect_spans = int(args[2])
        args = args[:1]
    if len(args) != 1:
        print("usage: interop_files.py PROJECT [--expect-spans N]", file=sys.stderr)
        return 2
    project = pathlib.Path(args[0])
    docs_v = load_schema("document.schema.json")
    recs_v = load_schema("record.schema.json")
    problems = []
    texts = {}
    n_docs = n_recs = n_spans = 0
    for path in sorted((project / "corpus").glob("*.jsonl")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{no}"
            doc = json.loads(line)
            for e in docs_v.iter_errors(doc):
                problems.append(f"{where}: schema: {e.message}")
            text = doc["text"]
            digest = blake3.blake3(text.encode("utf-8")).hexdigest()[:32]
            if doc["hash"] != digest:
                problems.append(f"{where}: hash {doc['hash']} but blake3 of the text is {digest}")
            for z in doc.get("zones", []):
                if not (0 <= z["start"] < z["end"] <= len(text)):
                    problems.append(f"{where}: zone {z} outside the text ({len(text)} code points)")
            texts[doc["id"]] = (doc["hash"], text)
            n_docs += 1
    for path in sorted((project / "annotations").glob("*.jsonl")):
        for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            where = f"{path.name}:{no}"
            rec = json.loads(line)
            for e in recs_v.iter_errors(rec):
                problems.append(f"{where}: schema: {e.message}")
            n_recs += 1
            hash_, text = texts.get(rec["doc"], (None, None))
            if hash_ != rec["hash"]:
                continue  # made on another version of the text: `annot check` re-anchors those
            for s in rec.get("spans", []):
                n_spans += 1
                if text[s["start"]:s["end"]] != s["text"]:
                    problems.append(
                        f"{where}: span {s['start']}-{s['end']} is {text[s['start']:s['end']]!r} "
                        f"in Python, record says {s['text']!r}"
                    )
    if expect_spans is not None and n_spans < expect_spans:
        problems.append(f"only {n_spans} spans were checked, expected at least {expect_spans}")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"interop: {n_docs} documents, {n_recs} records, {n_spans} spans checked with Python: "
          f"{len(problems)} problem(s)", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
