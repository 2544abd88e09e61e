#!/usr/bin/env python3
"""Writes the spaCy tokenization fixture used by annot-model's agreement test.

The Rust tokenizer in crates/annot-model/src/tokenize/ is checked against
spaCy's rule-based tokenizers (``spacy.blank("fr")`` / ``spacy.blank("en")``,
no statistical model) by crates/annot-model/tests/spacy_agreement.rs.

Regenerate (from the repository root):

    python3 -m venv .venv-spacy
    .venv-spacy/bin/pip install spacy==3.8.18
    .venv-spacy/bin/python scripts/spacy_tokens.py

Input: every corpus/*.txt. Each file is decoded the way annot imports it:
strip a UTF-8 BOM, fall back to cp1252 when the bytes are not valid UTF-8,
CRLF/CR -> LF, Unicode NFC. The language is guessed by counting French vs
English function words.

Outputs, in crates/annot-model/tests/fixtures/:

spacy_tokens.jsonl. The first line
is a header {"spacy_version": ..., "generator": ...}; then one line per file:
{"file", "lang", "text", "tokens": [[start, end], ...]} with code point
offsets (Python slicing), whitespace-only tokens dropped (annot never emits
whitespace tokens).

spacy_specials.json: {"spacy_version", "en": {...}, "fr": {...}}, spaCy's
tokenizer special cases (exceptions) per language, each string mapped to the
pieces it is split into; the Rust port of those tables is checked against it.
"""

import json
import pathlib
import re
import sys
import unicodedata

import spacy
from spacy.symbols import ORTH

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "crates" / "annot-model" / "tests" / "fixtures"

FR_WORDS = ("le", "la", "les", "des", "est", "une", "du", "et")
EN_WORDS = ("the", "and", "is", "of", "to", "was")


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text)


def count_words(text: str, words) -> int:
    lowered = text.lower()
    return sum(len(re.findall(r"(?<!\w)" + w + r"(?!\w)", lowered)) for w in words)


def detect_lang(text: str) -> str:
    return "fr" if count_words(text, FR_WORDS) > count_words(text, EN_WORDS) else "en"


def main() -> int:
    # `--out DIR` writes elsewhere (scripts/interop.sh compares with the committed fixtures).
    fixtures = FIXTURES
    if len(sys.argv) == 3 and sys.argv[1] == "--out":
        fixtures = pathlib.Path(sys.argv[2])
    elif len(sys.argv) != 1:
        print("usage: spacy_tokens.py [--out DIR]", file=sys.stderr)
        return 2
    out_path = fixtures / "spacy_tokens.jsonl"
    specials_path = fixtures / "spacy_specials.json"
    files = sorted(CORPUS.glob("*.txt"))
    if not files:
        print(f"no corpus/*.txt under {ROOT}", file=sys.stderr)
        return 1
    nlps = {"fr": spacy.blank("fr"), "en": spacy.blank("en")}
    out_path.parent.mkdir(parents=True, exist_ok=True)
    with out_path.open("w", encoding="utf-8", newline="\n") as out:
        header = {"spacy_version": spacy.__version__, "generator": "scripts/spacy_tokens.py"}
        out.write(json.dumps(header) + "\n")
        for path in files:
            text = decode(path.read_bytes())
            lang = detect_lang(text)
            doc = nlps[lang](text)
            tokens = [
                [t.idx, t.idx + len(t.text)] for t in doc if t.text.strip() != ""
            ]
            for start, end in tokens:
                assert text[start:end].strip() == text[start:end], (path.name, start, end)
            line = {"file": path.name, "lang": lang, "text": text, "tokens": tokens}
            out.write(json.dumps(line, ensure_ascii=False) + "\n")
            print(f"{path.name}: {lang}, {len(tokens)} tokens", file=sys.stderr)
    specials = {"spacy_version": spacy.__version__}
    for lang, nlp in nlps.items():
        rules = nlp.tokenizer.rules
        specials[lang] = {
            orth: [t[ORTH] for t in pieces] for orth, pieces in sorted(rules.items())
        }
    # One special case per line, so that a spaCy upgrade shows up as a readable diff.
    with specials_path.open("w", encoding="utf-8", newline="\n") as out:
        out.write('{"spacy_version": %s,\n' % json.dumps(spacy.__version__))
        for i, lang in enumerate(nlps):
            out.write('"%s": {\n' % lang)
            items = sorted(specials[lang].items())
            for j, (orth, pieces) in enumerate(items):
                sep = "," if j + 1 < len(items) else ""
                out.write("%s: %s%s\n" % (json.dumps(orth, ensure_ascii=False), json.dumps(pieces, ensure_ascii=False), sep))
            out.write("}%s\n" % ("," if i + 1 < len(nlps) else ""))
        out.write("}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
