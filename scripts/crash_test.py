#!/usr/bin/env python3
"""Crash test: kill -9 annot at random moments, then check that nothing is lost or torn.

    python3 scripts/crash_test.py --kills 500            # the full run
    python3 scripts/crash_test.py --kills 60 --bin target/debug/annot   # what CI runs

Each kill runs one scripted command on a fresh copy of a base project and sends it
SIGKILL after a random delay within the command's own duration (measured by a
reference run to the end, lowered to what a run took when one ended first), until
--kills runs were killed mid-run. The commands, in turn: an annotate session, an
adjudicate session, a plain import, an annotated import (jsonl-spans), a merge, an
export (jsonl) and an export (brat, a folder per split). After each kill:

- annotate / adjudicate: every document the session said `saved` (acknowledged)
  has that decision in the log, and every span it acknowledged on the document still
  open comes back from the draft in the next session;
- import: each corpus file is byte for byte the reference run's or absent; the
  temporary file the kill left is reported by `annot check` and removed by
  `annot check --fix`; importing again gives exactly the reference corpus (and log);
- merge: importing nothing is torn (`annot check` finds no error), running the merge
  again gives the reference run's latest records;
- export: each output file is byte for byte the reference run's or absent; the next
  export removes the temporary file and writes the reference files.

Always: `annot check` finds no error (a torn last line is a warning, set aside by the
next writer), and after the repair step no `.annot-tmp-*` file is left anywhere.
Prints the kills per command (and how many came after the command had finished),
and exits 1 on the first broken invariant, naming the kill, its delay and the copy
kept for inspection.
"""

import argparse
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

N_DOCS = 120


def run(bin_, project, args, stdin=b"", check=True):
    """Runs annot to the end; returns (code, stdout, stderr) as text."""
    env = dict(os.environ, NO_COLOR="1")
    env.pop("ANNOT_PROJECT", None)
    p = subprocess.run(
        [bin_, "--project", project, *args],
        input=stdin,
        capture_output=True,
        env=env,
        check=False,
    )
    out, err = p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace")
    if check and p.returncode != 0:
        sys.exit(f"setup failed: annot {' '.join(args)} exit {p.returncode}\n{err}")
    return p.returncode, out, err


def killed_run(bin_, project, args, stdin, delay):
    """Starts annot, kills it with SIGKILL after `delay` s; returns (killed, stdout)."""
    env = dict(os.environ, NO_COLOR="1")
    env.pop("ANNOT_PROJECT", None)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as inp:
        inp.write(stdin)
        inp.seek(0)
        p = subprocess.Popen(
            [bin_, "--project", project, *args],
            stdin=inp,
            stdout=out,
            stderr=subprocess.DEVNULL,
            env=env,
        )
        start = time.monotonic()
        try:
            p.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            p.send_signal(signal.SIGKILL)
            p.wait()
        elapsed = time.monotonic() - start
        out.seek(0)
        return p.returncode == -signal.SIGKILL, elapsed, out.read().decode(errors="replace")


def files(dir_):
    """{relative path: bytes} of the files under dir_ (absent dir: empty)."""
    out = {}
    for d, _, names in os.walk(dir_):
        for n in names:
            path = os.path.join(d, n)
            out[os.path.relpath(path, dir_)] = open(path, "rb").read()
    return dict(sorted(out.items()))


def temp_files(root):
    found = []
    for d, dirs, names in os.walk(root):
        found += [os.path.join(d, n) for n in names + dirs if n.startswith(".annot-tmp-")]
    return found


def latest(project, who):
    """{doc: (status, spans)} of the latest record of each document in a log."""
    path = os.path.join(project, "annotations", f"{who}.jsonl")
    out = {}
    if not os.path.exists(path):
        return out
    for line in open(path, encoding="utf-8"):
        if line.endswith("\n"):
            r = json.loads(line)
            spans = [(s["start"], s["end"], s["label"], s.get("text")) for s in r.get("spans", [])]
            out[r["doc"]] = (r["status"], spans)
    return out


class Broken(Exception):
    pass


def expect(cond, what):
    if not cond:
        raise Broken(what)


def check_no_error(bin_, project, allow=()):
    """`annot check` finds no error, but of the kinds in `allow` (what a kill may rightly leave
    for check to report, such as an annotated import interrupted before its records)."""
    code, out, err = run(bin_, project, ["check", "--json"], check=False)
    expect(code in (0, 1), f"annot check exit {code}: {err}")
    report = json.loads(out)
    errors = [f for f in report.get("findings", [])
              if f.get("severity") == "error" and f.get("kind") not in allow]
    expect(not errors, f"annot check errors after the kill: {errors}")
    return report


def make_base(bin_, work):
    base = os.path.join(work, "base")
    subprocess.run([bin_, "init", base], capture_output=True, check=True)
    docs = os.path.join(work, "docs.jsonl")
    with open(docs, "w", encoding="utf-8") as f:
        for i in range(N_DOCS):
            text = f"Article {i}: Alice met Bob in Paris, then went to Lyon. " * 8
            f.write(json.dumps({"id": f"a{i:04}", "text": text}) + "\n")
    run(bin_, base, ["import", docs])
    # alice marks Paris, bob marks Paris and Lyon: merge and adjudicate have work.
    run(bin_, base, ["annotate", "--annotator", "alice"], ("Paris LOC\n\n" * N_DOCS).encode())
    run(bin_, base, ["annotate", "--annotator", "bob"], ("Paris LOC\nLyon LOC\n\n" * N_DOCS).encode())
    # Inputs of the import scenarios (the same path name in every copy).
    more = os.path.join(work, "more.jsonl")
    spans = os.path.join(work, "spans.jsonl")
    with open(more, "w", encoding="utf-8") as f, open(spans, "w", encoding="utf-8") as g:
        for i in range(600):
            text = f"Dispatch {i} from Marseille about Nice and Toulouse. " * 10
            f.write(json.dumps({"id": f"m{i:05}", "text": text}) + "\n")
            start = text.index("Marseille")
            g.write(
                json.dumps(
                    {
                        "id": f"s{i:05}",
                        "text": "S" + text,
                        "spans": [{"start": start + 1, "end": start + 10, "label": "LOC"}],
                    }
                )
                + "\n"
            )
    return base, more, spans


def scenarios(more, spans, outdir):
    """(name, args, stdin) of each scripted command."""
    return [
        ("annotate", ["annotate", "--annotator", "carol"], ("Paris LOC\nLyon LOC\n\n" * N_DOCS).encode()),
        ("adjudicate", ["adjudicate", "alice", "bob", "--into", "gold"], ("c * b\n\n" * N_DOCS).encode()),
        ("import", ["import", more], b""),
        ("import-annotated", ["import", "--format", "jsonl-spans", "--as", "model", spans], b""),
        ("merge", ["merge", "alice", "bob", "--into", "gold", "--strategy", "union"], b""),
        (
            "export",
            ["export", "--format", "jsonl", "--from", "bob", "--out", outdir, "--split", "train=80,dev=20"],
            b"",
        ),
        (
            "export-brat",
            ["export", "--format", "brat", "--from", "bob", "--out", outdir, "--split", "train=80,dev=20"],
            b"",
        ),
    ]


def saved_docs(stdout):
    """Documents the session acknowledged as saved, with the status it said."""
    out = {}
    for line in stdout.splitlines():
        line = line.strip()
        if line.startswith("saved "):
            parts = line.split(" · ")
            doc = parts[0][len("saved "):]
            out[doc] = parts[1]
    return out


def pending_spans(stdout):
    """(doc, [span texts]) acknowledged on the document open when the session died."""
    doc, spans = None, []
    for line in stdout.splitlines():
        s = line.strip()
        if line.startswith("── "):
            doc, spans = line.split()[1], []
        elif s.startswith("+ ") and " as span" in s:
            spans.append(s[2:].split(" (")[0])
        elif s.startswith("saved "):
            spans = []
    return doc, spans


def verify(name, args, bin_, copy, ref, stdout, outdir, ref_out):
    # Whatever temporary file the kill left in the project, `annot check` reports it
    # and `annot check --fix` removes it.
    left = temp_files(copy)
    if left:
        # An annotated import names itself in its journal before it writes its corpus
        # file, so a kill while that file is written leaves both for check to report.
        report = check_no_error(bin_, copy, allow=("unfinished_import",) if name == "import-annotated" else ())
        reported = [f for f in report["findings"] if f.get("kind") == "temp_file"]
        expect(len(reported) == len(left), f"annot check reports {reported}, the kill left {left}")
        run(bin_, copy, ["check", "--fix"], check=False)
        expect(not temp_files(copy), f"annot check --fix left {temp_files(copy)}")
    if name in ("annotate", "adjudicate"):
        who = "carol" if name == "annotate" else "gold"
        check_no_error(bin_, copy)
        log = latest(copy, who)
        for doc, status in saved_docs(stdout).items():
            expect(doc in log and log[doc][0] == status, f"acknowledged {doc} ({status}) missing: {log.get(doc)}")
        doc, spans = pending_spans(stdout)
        decided = log.get(doc)
        if spans and decided and doc not in saved_docs(stdout):
            # Killed between the fsync of the decision and its `saved` line: the
            # decision holds the acknowledged edits.
            texts = {f"{t} {label}" for (_, _, label, t) in decided[1]}
            expect(set(spans) <= texts, f"acknowledged edits {spans} of {doc} not in its record {decided}")
        elif spans and doc not in saved_docs(stdout):
            _, again, _ = run(bin_, copy, args, b"q\n", check=False)
            expect(f"── {doc} " in again, f"the draft of {doc} did not reopen:\n{again[:400]}")
            for text_label in spans:
                text, label = text_label.rsplit(" ", 1)
                expect(f"[{text}]{{{label}" in again, f"draft edit {text_label} of {doc} lost:\n{again[:800]}")
    elif name in ("import", "import-annotated"):
        got, want = files(os.path.join(copy, "corpus")), files(os.path.join(ref, "corpus"))
        for n, b in got.items():
            if n.startswith(".annot-tmp-"):
                continue
            expect(want.get(n) == b, f"corpus/{n} is not the reference's (half-written?)")
        # A kill between the corpus file and the records is reported by check, and the
        # same import again finishes it: then check is clean.
        check_no_error(bin_, copy, allow=("unfinished_import",))
        code, _, again_err = run(bin_, copy, args, check=False)
        got = {n: b for n, b in files(os.path.join(copy, "corpus")).items()}
        expect(code in (0, 1), f"import again: exit {code}: {again_err}")
        expect(got == want, f"import again: corpus {sorted(got)} is not the reference's {sorted(want)}")
        if name == "import-annotated":
            expect(latest(copy, "model") == latest(ref, "model"), "import again: the model log differs from the reference")
        report = check_no_error(bin_, copy, allow=("unfinished_import",))
        left = [f for f in report.get("findings", []) if f.get("kind") == "unfinished_import"]
        expect(not left, f"import again (exit {code}) left the import unfinished: {left}\n{again_err}")
    elif name == "merge":
        check_no_error(bin_, copy)
        run(bin_, copy, ["merge", "alice", "bob", "--into", "gold", "--strategy", "union"])
        expect(latest(copy, "gold") == latest(ref, "gold"), "merge again: gold differs from the reference")
    elif name.startswith("export"):
        got = files(outdir)
        for n, b in got.items():
            if not n.startswith(".annot-tmp-"):
                expect(ref_out.get(n) == b, f"export file {n} is not the reference's (half-written?)")
        # The next export removes the temporary file and writes the reference's files.
        run(bin_, copy, args, check=False)
        expect(files(outdir) == ref_out, "export again: files differ from the reference")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kills", type=int, default=500)
    ap.add_argument("--bin", default="target/release/annot")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", action="store_true", help="keep the work directory")
    a = ap.parse_args()
    bin_ = os.path.abspath(a.bin)
    rng = random.Random(a.seed)
    work = tempfile.mkdtemp(prefix="wbad-crash-")
    try:
        base, more, spans = make_base(bin_, work)
        outdir = os.path.join(work, "out")
        # Reference runs: each command to the end on its own copy; its duration.
        refs = {}
        for name, args, stdin in scenarios(more, spans, outdir):
            ref = os.path.join(work, f"ref-{name}")
            shutil.copytree(base, ref)
            shutil.rmtree(outdir, ignore_errors=True)
            t = time.monotonic()
            run(bin_, ref, args, stdin, check=name not in ("import-annotated",))
            refs[name] = (ref, time.monotonic() - t, files(outdir))
        counts = {name: [0, 0] for name in refs}
        # Runs until --kills runs were killed mid-run (at most 3 times as many runs): a
        # run that finished before its kill is checked too but not counted, and the
        # command's duration is lowered to what it took, so kills land inside it.
        durations = {name: refs[name][1] for name in refs}
        k = 0
        while sum(c[0] for c in counts.values()) < a.kills and k < 3 * a.kills:
            name, args, stdin = scenarios(more, spans, outdir)[k % len(refs)]
            k += 1
            ref, _, ref_out = refs[name]
            duration = durations[name]
            copy = os.path.join(work, "copy")
            shutil.rmtree(copy, ignore_errors=True)
            shutil.copytree(base, copy)
            shutil.rmtree(outdir, ignore_errors=True)
            delay = rng.uniform(0, duration)
            killed, elapsed, stdout = killed_run(bin_, copy, args, stdin, delay)
            counts[name][0 if killed else 1] += 1
            if not killed:
                durations[name] = min(duration, elapsed)
            try:
                verify(name, args, bin_, copy, ref, stdout, outdir, ref_out)
                expect(not temp_files(copy) and not temp_files(outdir), f"temporary files left: {temp_files(copy) + temp_files(outdir)}")
            except Broken as e:
                keep = os.path.join(tempfile.gettempdir(), f"wbad-crash-failed-{k}")
                shutil.rmtree(keep, ignore_errors=True)
                shutil.copytree(copy, keep)
                print(f"FAILED kill {k} ({name}, after {delay:.3f} s of {duration:.3f} s): {e}\n  copy kept in {keep}")
                return 1
        total = sum(c[0] for c in counts.values())
        print(f"crash test: {k} runs, {total} killed mid-run (kill -9), every invariant held")
        for name, (ref, duration, _) in refs.items():
            print(f"  {name:17} {counts[name][0]:4} killed  {counts[name][1]:4} finished first  (full run {duration:.2f} s)")
        return 0
    finally:
        if not a.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
