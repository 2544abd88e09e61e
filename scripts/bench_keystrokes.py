#!/usr/bin/env python3
"""Keystrokes per entity in `annot annotate`, the long way and the short way.

Prints figures; asserts nothing about speed. On the bundled sample corpus
(the project `annot quickstart --no-session` makes, with its patterns), a
scripted annotator marks the same entities twice, each time in a fresh
project:

- "after": the session's short cuts. `y` takes every suggestion (the
  project's patterns, and the texts this annotator accepted in earlier
  documents); each entity left is typed once, in lower case and without
  accents (the session finds it regardless of both), with its label key and
  `*` for every occurrence; Enter accepts.
- "before": every mention typed in full with its full label name, one command
  per mention (`"Khaled Merhi" PER`, again for the next occurrence); Enter
  accepts.

The target annotation is what the "after" run saved; the "before" run must
save the same spans (start, end, label) in every document, or the script says
where they differ and exits 1: fewer keystrokes may not cost precision.
A keystroke is a typed character (é counts one) or Enter. The driver reads the
session's answers through a pipe; between commands it sends `l 9999`, whose
refusal marks the end of an answer, and does not count it.

    python3 scripts/bench_keystrokes.py [--annot target/debug/annot]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SENTINEL = "l 9999"
END_OF_ANSWER = ("no ¶9999:", "all done:")
KEYS = {"PER": "p", "ORG": "o", "LOC": "l", "MISC": "m"}

# Entities the patterns do not cover, per document (id prefix): what an
# annotator marks by hand. Longer names first where one holds another.
EXTRAS = {
    "01_": [("Courrier du Levant", "ORG"), ("ACM", "ORG")],
    "02_": [
        ("Tell Haddara", "LOC"),
        ("Zarqa", "LOC"),
        ("Laila Mansour", "PER"),
        ("Julien Marchetti", "PER"),
        ("CELL", "ORG"),
    ],
    "03_": [("SDCLN", "ORG"), ("Khaled Merhi", "PER")],
    "04_": [("SDCLN", "ORG"), ("Khaled Merhi", "PER")],
    "05_": [("Saint-Aubin-des-Saules", "LOC"), ("Agen", "LOC"), ("Jean-Luc Ferrand", "PER")],
    "06_": [("Castelmaure", "LOC"), ("Sophie Aubertin", "PER"), ("Éric Delmas", "PER")],
    "07_": [("Kerbréan", "LOC"), ("Yannick Le Goff", "PER")],
    "08_": [("ASO", "ORG"), ("Claire Morvan", "PER")],
    "10_": [("Dayton", "LOC"), ("Ohio", "LOC"), ("Margaret Oyelaran", "PER")],
    "11_": [("Zoë Lindqvist", "PER"), ("Millbrook", "LOC"), ("Vermont", "LOC"), ("Tokyo", "LOC")],
    "12_": [("Teryn Stone Ltd", "ORG"), ("Cwm Teryn", "LOC"), ("Cardiff", "LOC"), ("Wales", "LOC")],
    "13_": [("Aldbridge", "LOC"), ("Helen Marsh", "PER")],
    "14_": [
        ("Carrach Field Society", "ORG"),
        ("Hebridean Natural History Trust", "ORG"),
        ("Carrach", "LOC"),
    ],
}


def plain(text: str) -> str:
    """What a hurried annotator types: lower case, no accents."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Annotator:
    """A session of `annot annotate` fed one command at a time through a pipe."""

    def __init__(self, annot: str, project: Path, who: str):
        env = dict(os.environ, NO_COLOR="1")
        env.pop("ANNOT_PROJECT", None)
        self.proc = subprocess.Popen(
            [annot, "--project", str(project), "annotate", "--annotator", who],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            encoding="utf-8",
            env=env,
        )
        self.keystrokes = 0
        self.screen = self._answer()

    def _answer(self) -> list[str]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(SENTINEL + "\n")
        self.proc.stdin.flush()
        lines = []
        for line in self.proc.stdout:
            if any(end in line for end in END_OF_ANSWER):
                return lines
            lines.append(line.rstrip("\n"))
        raise SystemExit("the session ended before answering:\n" + "\n".join(lines))

    def send(self, command: str) -> list[str]:
        assert self.proc.stdin
        self.keystrokes += len(command) + 1  # the command, then Enter
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        self.screen = self._answer()
        return self.screen

    def close(self) -> None:
        assert self.proc.stdin
        self.proc.stdin.write("q\n")
        self.proc.stdin.close()
        self.proc.wait(timeout=60)


def doc_id(screen: list[str]) -> str | None:
    for line in screen:
        m = re.match(r"── (\S+) ─", line)
        if m:
            return m.group(1)
    return None


def suggested(screen: list[str]) -> set[tuple[str, str]]:
    """(text, label) of the suggestions on screen."""
    out = set()
    for line in screen:
        if line.startswith("suggested "):
            for item in re.split(r" {3,}", line[len("suggested") :].strip()):
                m = re.match(r"\d+ (.+) (PER|ORG|LOC|MISC)(?: ×\d+)?$", item)
                if m:
                    out.add((m.group(1), m.group(2)))
    return out


def make_project(annot: str, where: Path) -> Path:
    project = where / "demo"
    subprocess.run(
        [annot, "--project", str(project), "quickstart", "--no-session"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return project


def latest(project: Path, who: str) -> dict[str, dict]:
    records = {}
    log = project / "annotations" / f"{who}.jsonl"
    for line in log.read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        records[r["doc"]] = r
    return records


def spans_of(record: dict) -> list[tuple[int, int, str]]:
    return sorted((s["start"], s["end"], s["label"]) for s in record["spans"])


def replay(annot: str, project: Path, who: str, mark) -> dict[str, int]:
    """One session over the list: `mark(annotator, doc)` marks the open
    document, Enter accepts it; returns keystrokes per document."""
    a = Annotator(annot, project, who)
    per_doc = {}
    while (doc := doc_id(a.screen)) is not None:
        start = a.keystrokes
        mark(a, doc)
        a.send("")
        per_doc[doc] = a.keystrokes - start
        if any("all done:" in line for line in a.screen) or doc_id(a.screen) == doc:
            break
    a.close()
    return per_doc


def command(text: str, label: str, rest: str = "") -> str:
    """`Boukamal LOC`, `"armée syrienne" ORG`: quoted when it has a space."""
    typed = f'"{text}"' if " " in text else text
    return f"{typed} {label}{rest}"


def after(annot: str, project: Path) -> dict[str, int]:
    """The short way; returns keystrokes per document."""

    def mark(a: Annotator, doc: str) -> None:
        offered = suggested(a.screen)
        if offered:
            a.send("y")
        taken = {t for t, _ in offered}
        for text, label in next((v for k, v in EXTRAS.items() if doc.startswith(k)), []):
            if text in taken:
                continue
            answer = a.send(command(plain(text), KEYS[label], " *"))
            if not any(line.lstrip().startswith("+") for line in answer):
                print(f"  after: {doc}: {text} {label} not marked: {answer[:2]}", file=sys.stderr)

    return replay(annot, project, "after", mark)


def before(annot: str, project: Path, target: dict[str, dict]) -> dict[str, int]:
    """The long way, mention by mention in text order; returns keystrokes per document."""

    def mark(a: Annotator, doc: str) -> None:
        for s in sorted(target[doc]["spans"], key=lambda s: (s["start"], -s["end"])):
            a.send(command(s["text"], s["label"]))

    return replay(annot, project, "before", mark)


def find_annot(given: str | None) -> str:
    if given:
        return given
    if os.environ.get("ANNOT"):
        return os.environ["ANNOT"]
    subprocess.run(["cargo", "build", "-q", "-p", "annot-cli"], cwd=ROOT, check=True)
    return str(ROOT / "target" / "debug" / "annot")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--annot", help="the annot binary (default: $ANNOT, else cargo build)")
    args = ap.parse_args()
    annot = find_annot(args.annot)
    with tempfile.TemporaryDirectory(prefix="annot-keys-") as tmp:
        short_project = make_project(annot, Path(tmp) / "after")
        long_project = make_project(annot, Path(tmp) / "before")
        keys_after = after(annot, short_project)
        target = latest(short_project, "after")
        keys_before = before(annot, long_project, target)
        result = latest(long_project, "before")

    docs = sorted(target)
    differ = [d for d in docs if spans_of(target[d]) != spans_of(result.get(d, {"spans": []}))]
    mentions = {d: len(target[d]["spans"]) for d in docs}
    entities = {d: len({(s["text"], s["label"]) for s in target[d]["spans"]}) for d in docs}
    print(f"sample corpus: {len(docs)} documents, {sum(mentions.values())} mentions "
          f"of {sum(entities.values())} entities (distinct text+label per document)")
    print(f"{'document':40} {'mentions':>8} {'before':>7} {'after':>6}")
    for d in docs:
        print(f"{d[:40]:40} {mentions[d]:>8} {keys_before.get(d, 0):>7} {keys_after.get(d, 0):>6}")
    total_m = sum(mentions.values())
    for name, keys in (("before", keys_before), ("after", keys_after)):
        total = sum(keys.values())
        print(f"{name:6}: {total} keystrokes · {total / total_m:.1f} per mention · "
              f"{total / sum(entities.values()):.1f} per entity · {total / len(docs):.1f} per document")
    if differ:
        print(f"records differ in {len(differ)} document(s): {', '.join(differ)}")
        return 1
    print("the two runs saved the same spans (start, end, label) in every document")
    return 0


if __name__ == "__main__":
    sys.exit(main())
