#!/usr/bin/env python3
"""Write everything a user sees of annot on the sample corpus into one folder.

Runs a fixed tour with the given `annot` binary: init, import of corpus/,
status, check, show of every document (plain and JSON), a scripted annotation
session over several documents, an `import --update` of a changed article,
then status, check and show again. Each command's exit code, stdout and stderr
go to a numbered file; temporary paths, timestamps and timings are replaced by
placeholders, so two builds can be compared with `diff -r`:

    python3 scripts/output_snapshot.py --annot target/debug/annot --out /tmp/before
    ... change the code, rebuild ...
    python3 scripts/output_snapshot.py --annot target/debug/annot --out /tmp/after
    diff -r /tmp/before /tmp/after && echo byte-identical

A restructuring that promises no visible change must leave the two folders equal.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SESSION = "\n".join(
    [
        "?",
        "r 2",
        "Hezbollah ORG",
        "Kfar LOC",
        "topic 1",
        "note vu",
        "a",
        "x",
        "s",
        "g 09_en-ledger-andes-landslide",
        "Andes LOC *",
        "f to check",
        "q",
    ]
) + "\n"


def scrub(text: str, tmp: str) -> str:
    text = text.replace(tmp, "<TMP>")
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "<AT>", text)
    text = re.sub(r'"ms": ?\d+', '"ms": <MS>', text)
    text = re.sub(r"\b\d+ (ms|s)\b", "<DURATION>", text)
    text = re.sub(r"\b\d+ min \d+ s\b", "<DURATION>", text)
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--annot", default=str(ROOT / "target/debug/annot"))
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    annot = str(Path(args.annot).resolve())
    out = Path(args.out)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    tmp = tempfile.mkdtemp(prefix="annot-snapshot-")
    proj = os.path.join(tmp, "p")
    env = dict(os.environ, NO_COLOR="1")
    env.pop("ANNOT_PROJECT", None)
    n = 0

    def run(name: str, argv: list, stdin: str = "") -> subprocess.CompletedProcess:
        nonlocal n
        n += 1
        p = subprocess.run(
            [annot, *argv],
            input=stdin.encode(),
            capture_output=True,
            cwd=tmp,
            env=env,
        )
        body = (
            f"$ annot {' '.join(argv)}\nexit {p.returncode}\n"
            f"--- stdout\n{p.stdout.decode('utf-8', 'replace')}"
            f"--- stderr\n{p.stderr.decode('utf-8', 'replace')}"
        )
        (out / f"{n:03d}-{name}.txt").write_text(scrub(body, tmp))
        return p

    try:
        run("init", ["init", proj])
        run("import", ["--project", proj, "import", str(ROOT / "corpus")])
        run("import-again", ["--project", proj, "import", str(ROOT / "corpus")])
        run("status", ["--project", proj, "status"])
        run("status-json", ["--project", proj, "status", "--json"])
        run("check", ["--project", proj, "check"])
        ids = sorted(
            json.loads(line)["id"]
            for f in sorted(Path(proj, "corpus").glob("*.jsonl"))
            for line in f.read_text().splitlines()
            if line.strip()
        )
        run("annotate", ["--project", proj, "annotate", "--annotator", "alice"], SESSION)
        run("annotate-bob", ["--project", proj, "annotate", "--annotator", "bob"], "a\na\nq\n")
        for doc in ids:
            run(f"show-{doc}", ["--project", proj, "show", doc, "--plain"])
            run(f"show-json-{doc}", ["--project", proj, "show", doc, "--json"])
        changed = os.path.join(tmp, "changed")
        os.mkdir(changed)
        src = (ROOT / "corpus" / "01_fr-levant-eau-kfar-selwan.txt").read_text()
        lines = src.split("\n")
        lines.insert(min(8, len(lines)), "Une phrase ajoutée pour l'essai de re-ancrage.")
        Path(changed, "01_fr-levant-eau-kfar-selwan.txt").write_text("\n".join(lines))
        run("import-update", ["--project", proj, "import", "--update", changed])
        run("status-after", ["--project", proj, "status"])
        run("status-json-after", ["--project", proj, "status", "--json"])
        run("check-after", ["--project", proj, "check"])
        run("check-json-after", ["--project", proj, "check", "--json"])
        run("show-after", ["--project", proj, "show", "01_fr-levant-eau-kfar-selwan", "--plain"])
        run("show-missing", ["--project", proj, "show", "no-such-doc"])
        run("annotate-resume", ["--project", proj, "annotate", "--annotator", "alice", "--redo"], "l\nq\n")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{n} outputs in {out}")


if __name__ == "__main__":
    main()
