#!/usr/bin/env python3
"""One benchmark report: regenerates BENCHMARKS.md on a fresh machine.

    nice -n 5 python3 scripts/benchmarks.py [--sizes 10000,100000,1000000] [--quick]
        [--out BENCHMARKS.md] [--json FILE] [--full-up-to 1000000] [--agree-peer-up-to 10000]
        [--export-peer-up-to 100000] [--merge EARLIER.json] [--rows corpus,agree,prodigy,conll-brat]
        [--note TEXT] [--work-dir /tmp] [--bin-dir target/release] [--keep]

Builds annot and the data generator (xtask) in release mode, makes the Python venv of
scripts/venv-interop.sh (.venv-interop: spaCy, scikit-learn, krippendorff, statsmodels,
seqeval) when it is missing or stale, then for each size generates the data and runs every
row of the report, annot and its peer on the same data in the same run, each a child
process measured on its own (wall time; CPU time from wait4(); peak RSS from GNU time,
as a child forked from Python would start from this script's own; benchlib.measure):

  * import of generated articles (scripts/bench_import.py) vs `cat` of the same files;
  * status, show, check on that project (median of 5 runs; check once);
  * annotate on a pseudo-terminal (scripts/bench_annotate.py): first prompt, each
    command's latency, a decision's append+fsync vs the bare append+fsync floor;
  * export of an annotator log of every document (scripts/bench_export.py) vs a spaCy
    conversion to CoNLL;
  * agree on two generated annotators (scripts/bench_agree.py) vs scikit-learn,
    krippendorff, statsmodels and seqeval;
  * import of a Prodigy JSONL (scripts/bench_import_annotations.py) vs reading it with
    Python; and CoNLL and brat imports (scripts/bench_import_conll_brat.py; annot only).

Sizes above --full-up-to run only the cheap rows (import, status, show, check,
annotate); the agree peer stops at --agree-peer-up-to (it needs 3.9 GB at 10,000
documents and grows with them), the spaCy export peer at --export-peer-up-to (12 min
at 100,000 documents). The whole run at 10k, 100k and 1M takes about 90 minutes on
2 cores. --merge EARLIER.json keeps the rows of an earlier run's --json file for the
rows this run does not measure (say, `--sizes 1000000 --merge old.json` to measure one
size again, or `--sizes 1000000 --rows agree,prodigy --merge old.json` two of its rows): the
report names both runs. --rows picks the groups measured: corpus (import of the articles, then
annotate, status, show, check and export on that project), agree, prodigy, conll-brat. Each size's data lives in WORK_DIR/bench-N-*, removed
when that size is measured (the articles as soon as they are imported). A size whose data
would not fit on the disk (or over --max-disk-gb) is skipped and the report says so.

--quick: 1,000 documents, no peer that needs the venv (cat, the fsync floor and the
Python reader of the Prodigy file stay), the report on stdout: a smoke test of the script.
"""

import argparse
import copy
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_agree  # noqa: E402
import bench_annotate  # noqa: E402
import bench_export  # noqa: E402
import bench_import  # noqa: E402
import bench_import_annotations  # noqa: E402
import bench_import_conll_brat  # noqa: E402
from benchlib import ROOT, articles as generated_articles, build, figures, rss_warning  # noqa: E402

QUIET = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
# Disk per document while a size is measured, in bytes: the articles (7 KB of text in
# 4 KB blocks) and the project's corpus, at most; the full rows add an export and
# their own data sets.
DISK_CHEAP, DISK_FULL = 14_000, 40_000


def log(msg):
    print(f"[{datetime.now(timezone.utc):%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


class Report:
    """The rows measured: (section, work, size) -> annot's figures and the peer's."""

    def __init__(self):
        self.rows = []
        self.notes = []
        self.skipped = []
        self.loads = []  # the 1-minute load average after each size
        self.minutes = {}  # wall minutes each size took, its data generation included

    def add(self, section, work, size, annot, peer=None, peer_fig=None, detail=""):
        self.rows.append({"section": section, "work": work, "size": size, "annot": annot,
                          "peer": peer, "peer_fig": peer_fig, "detail": detail})


def latency(value):
    """A latency figure (seconds, no CPU or memory of its own)."""
    return {"seconds": value, "cpu": None, "rss_mb": None}


def median_of(cmd, runs=5):
    """Median wall time of `runs` runs of cmd; CPU of that run; the largest peak RSS."""
    figs = [figures(cmd, **QUIET) for _ in range(runs)]
    figs.sort(key=lambda f: f["seconds"])
    mid = figs[len(figs) // 2]
    return {"seconds": mid["seconds"], "cpu": mid["cpu"], "rss_mb": max(f["rss_mb"] for f in figs)}


def measure_size(n, args, annot, xtask, python, report):
    full = n <= args.full_up_to
    need = n * (DISK_FULL if full else DISK_CHEAP)
    free = shutil.disk_usage(args.work_dir).free
    if need > args.max_disk_gb * 1e9 or need > free - 2e9:
        report.skipped.append(f"{n:,} documents: about {need / 1e9:.1f} GB of data needed, "
                              f"{free / 1e9:.1f} GB free, limit {args.max_disk_gb} GB")
        log(f"skipping {n}: {report.skipped[-1]}")
        return
    work = Path(tempfile.mkdtemp(prefix=f"bench-{n}-", dir=args.work_dir))

    def drop(path):
        """Data no longer needed: removed at once (the disk holds one row's data at a time)."""
        if not args.keep:
            shutil.rmtree(path)

    try:
        if "corpus" in args.rows:
            measure_corpus(n, args, annot, xtask, python, report, work, drop)
        if not full:
            return
        measure_others(n, args, annot, python, report, work, drop)
    finally:
        if args.keep:
            log(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def measure_corpus(n, args, annot, xtask, python, report, work, drop):
    """The rows of the generated articles: import, annotate, status, show, check, export."""
    full = n <= args.full_up_to
    log(f"{n}: generating articles")
    articles = generated_articles(xtask, work, n)
    files = sorted(articles.rglob("*.txt"))
    middle = files[len(files) // 2].stem
    del files
    log(f"{n}: import vs cat")
    # Three runs each up to 100,000 articles (the median kept), one at a million.
    imp = bench_import.run(annot, articles, work, runs=3 if n <= 100_000 else 1)
    runs = f"; median of {imp['runs']} runs" if imp["runs"] > 1 else ""
    report.add("import", "import of scraped articles (.txt)", n, imp["import"],
               "`cat` of the same files (I/O floor)", imp["cat"],
               f"{imp['mb']:.0f} MB of text{runs}")
    drop(articles)
    proj = Path(imp["project"])

    log(f"{n}: annotate")
    ann = bench_annotate.run(annot, proj, docs=args.annotate_docs)
    first = ann["first_prompt"]
    report.add("annotate", "annotate: first prompt", n, dict(latency(first["median"]), rss_mb=first["rss_mb"]),
               detail=f"median of {first['n']} starts (max {1000 * first['max']:.0f} ms)")
    session = f"{ann['records']} documents decided"
    for name, c in ann["commands"].items():
        fig = latency(c["median"])
        peer = floor = None
        if name == "accept Enter":
            peer, floor = "append + fsync of a 600-byte line (floor)", latency(ann["fsync_floor"])
            fig["rss_mb"] = ann["session_rss_mb"]
        what, keys = name.split(" ", 1)
        report.add("annotate", f"annotate: {what} `{keys}`", n, fig,
                   peer, floor, f"median of {c['n']}, p95 {1000 * c['p95']:.1f} ms"
                   + (f"; session peak RSS, {session}" if name == "accept Enter" else ""))

    log(f"{n}: status, show, check")
    base = [annot, "--project", proj]
    report.add("commands", "status", n, median_of(base + ["status"]), detail="median of 5")
    report.add("commands", "show (one document)", n, median_of(base + ["show", middle, "--plain"]),
               detail="median of 5")
    chk = figures(base + ["check"], ok=(0, 1), **QUIET)
    report.add("commands", "check", n, chk,
               detail="clean" if chk["code"] == 0 else "exit 1: findings (see `annot check`)")

    if not full:
        return
    log(f"{n}: export")
    bench_export.write_log(proj, who="export")
    ex = bench_export.run(annot, proj, work, who="export",
                          python=python if n <= args.export_peer_up_to else None, spacy_docs=0)
    spacy = ex.get("spacy")
    for name, f in ex["formats"].items():
        peer = ("spaCy: tokenizer + offsets_to_biluo_tags + biluo_to_iob, CoNLL lines", spacy) \
            if name == "conll" and spacy else (None, None)
        report.add("export", f"export --format {name}", n, f, *peer,
                   f"{ex['spans']:,} spans, {f['written_mb']:.0f} MB written")
    drop(proj)
    for out in work.glob("out-*"):
        drop(out)


def measure_others(n, args, annot, python, report, work, drop):
    """The rows with data sets of their own: agree, the Prodigy import, CoNLL and brat."""
    if "agree" in args.rows:
        log(f"{n}: agree")
        agree_root = work / "agree" / "proj"
        agree_root.parent.mkdir()
        bench_agree.prepare(annot, agree_root, n)
        peer_python = python if n <= args.agree_peer_up_to else None
        ag = bench_agree.run(annot, agree_root, peer_python)
        report.add("agree", "agree a b --json (labels, spans, tokens, alpha-U)", n, ag["agree"],
                   "scikit-learn + krippendorff + statsmodels + seqeval" if peer_python else None,
                   ag.get("python"), f"{ag['tokens']:,} tokens")
        drop(agree_root.parent)

    if "prodigy" in args.rows:
        log(f"{n}: import of Prodigy JSONL")
        pd = work / "prodigy"
        pd.mkdir()
        data, spans = bench_import_annotations.prepare(pd, n)
        pr = bench_import_annotations.run(annot, data, pd)
        reader = "Python: json.loads of each line, each span's text checked"
        report.add("import", "import --format prodigy (documents + records)", n, pr["first"], reader, pr["python"],
                   f"{spans:,} spans, {pr['mb']:.0f} MB")
        report.add("import", "the same Prodigy import again (nothing new)", n, pr["again"], reader, pr["python"])
        drop(pd)

    if "conll-brat" in args.rows and n <= args.conll_brat_up_to:
        log(f"{n}: import of CoNLL and brat")
        cb = work / "conll-brat"
        cb.mkdir()
        r = bench_import_conll_brat.run(annot, cb, bench_import_conll_brat.prepare(cb, n))
        for what, f in r["imports"].items():
            detail = r["details"].get(what, "")
            report.add("import", f"import --format {what}", n, f, detail=detail)
        drop(cb)


# --- the report -------------------------------------------------------------------------

def fmt_time(f):
    if f is None:
        return "—"
    s = f["seconds"]
    text = f"{1000 * s:.1f} ms" if s < 1 else f"{s:.2f} s"
    if f.get("cpu") is not None:
        c = f["cpu"]
        text += f" ({1000 * c:.0f} ms CPU)" if c < 1 else f" ({c:.2f} s CPU)"
    return text


def fmt_mem(f):
    return "—" if f is None or f.get("rss_mb") is None else f"{f['rss_mb']:.0f} MB"


def fmt_ratio(annot, peer):
    if peer is None:
        return "—"
    parts = [f"time {peer['seconds'] / annot['seconds']:.2f}×"]
    if annot.get("cpu") and peer.get("cpu"):
        parts.append(f"CPU {peer['cpu'] / annot['cpu']:.2f}×")
    if annot.get("rss_mb") and peer.get("rss_mb"):
        parts.append(f"memory {peer['rss_mb'] / annot['rss_mb']:.2f}×")
    return ", ".join(parts)


def machine():
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo", encoding="utf-8"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        for line in open("/proc/meminfo", encoding="utf-8"):
            if line.startswith("MemTotal"):
                mem = f", {int(line.split()[1]) / 1024 / 1024:.0f} GB RAM"
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}{mem}, {platform.system()} {platform.release()}"


def git(*cmd):
    r = subprocess.run(["git", *cmd], cwd=ROOT, capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else "unknown"


def versions(python):
    out = [f"Python {platform.python_version()}",
           subprocess.run(["rustc", "--version"], capture_output=True, text=True).stdout.strip()]
    if python:
        code = ("import importlib.metadata as m; print(', '.join(f'{p} {m.version(p)}' for p in "
                "('spacy', 'scikit-learn', 'krippendorff', 'statsmodels', 'seqeval')))")
        out.append(subprocess.run([python, "-c", code], capture_output=True, text=True).stdout.strip())
    return "; ".join(o for o in out if o)


# The targets the issues set: (work, what is compared, limit, issue). "seconds" and
# "rss_mb" are annot's; "floor" is the peer's time over annot's (at least the limit);
# "peer" is the same ratio for a peer that annot must beat.
TARGETS = [
    ("import of scraped articles (.txt)", "rss_mb", 200, "import peak RSS under 200 MB (issue 14)"),
    ("import --format prodigy (documents + records)", "rss_mb", 200,
     "import of annotations (Prodigy) peak RSS under 200 MB (issue 14)"),
    ("import of scraped articles (.txt)", "floor", 0.5, "import at least half as fast as `cat` (issue 2)"),
    ("annotate: first prompt", "seconds", 0.150, "annotate first prompt under 150 ms (issue 14)"),
    ("annotate: first prompt", "rss_mb", 64, "annotate RSS under 64 MB (issue 14; of the starts)"),
    ("annotate: accept `Enter`", "rss_mb", 64, "annotate RSS under 64 MB (issue 14; of the session)"),
    ("annotate: mark `t12 PER`", "seconds", 0.010, "a command under 10 ms (issue 3; median)"),
    ("status", "seconds", 0.150, "status under 150 ms (issue 14)"),
    ("show (one document)", "seconds", 0.150, "show under 150 ms (issue 14)"),
    ("agree a b --json (labels, spans, tokens, alpha-U)", "peer", 20, "agree at least 20× faster than the Python libraries (issue 10)"),
]


def targets(report):
    """The targets at the largest size each row was measured at."""
    out = []
    for work, key, limit, what in TARGETS:
        rows = [r for r in report.rows if r["work"] == work]
        if key in ("floor", "peer"):
            rows = [r for r in rows if r["peer_fig"]]
        if not rows:
            continue
        r = max(rows, key=lambda r: r["size"])
        a = r["annot"]
        if key in ("floor", "peer"):
            value = r["peer_fig"]["seconds"] / a["seconds"]
            shown = f"{value:.2f}× ({r['peer']}: {r['peer_fig']['seconds']:.2f} s, annot {a['seconds']:.2f} s)"
            ok = value >= limit
        elif a.get(key) is None:
            continue
        else:
            value = a[key]
            shown = fmt_mem(a) if key == "rss_mb" else fmt_time({"seconds": value})
            ok = value < limit
        out.append(f"| {what} | {r['size']:,} | {shown} | {'yes' if ok else '**no**'} |")
    if not out:
        return []
    return ["## Targets", "",
            "Each target at the largest size its row was measured at (times are wall times, "
            "so on a loaded machine a time target can miss for want of a core).", "",
            "| target | documents | measured | met |", "|---|--:|--:|---|"] + out + [""]


def render(report, meta):
    sizes = sorted({r["size"] for r in report.rows})
    lines = ["# Benchmarks", "",
             "Every figure in this file comes from one command, run on a fresh clone "
             "(it builds annot, makes its Python venv and generates the data):", "",
             f"    {meta['command']}", "",
             f"- Run: {meta['start']} to {meta['end']} UTC ({meta['minutes']:.0f} min), "
             f"commit {meta['commit']}; "
             + ", ".join(f"{n:,} documents {m:.1f} min" for n, m in report.minutes.items())
             + " (data generation included)",
             f"- Machine: {meta['machine']}",
             f"- Load average (1, 5, 15 min): {meta['load_start']} at the start, {meta['load_end']} at the end "
             f"(1 min: {meta['max_load']:.2f} at the highest, sampled after each size: "
             f"these count the run's own processes)",
             f"- Software: {meta['versions']}"]
    if meta.get("earlier"):
        lines.append(f"- Merged (`--merge`): {meta['earlier']}")
    if meta["note"]:
        lines.append(f"- Note: {meta['note']}")
    if meta.get("rss_warning"):
        lines += ["", f"> **Warning: {meta['rss_warning']}.**"]
    if meta["loaded"]:
        lines += ["", f"> **Warning: the machine was loaded** (load average {meta['load_start']} before the run, on "
                  f"{os.cpu_count()} cores): wall times include time spent waiting for a core. The CPU "
                  "times and the ratios (annot and its peer measured one after the other in the same "
                  "run) are the steadier figures."]
    lines += ["", "How to read the tables: time is wall time (the child's user + system CPU time in "
              "brackets); memory is the peak resident set of that one process (GNU time's `%M`: each command "
              "measured on its own, not from a parent's high-water mark). A ratio is the peer's figure divided by "
              "annot's: above 1, annot is faster or smaller; for a floor (`cat`, a bare fsync) it is "
              "below 1 and says how close annot comes to it.", ""]
    lines += targets(report)
    sections = [("import", "Import"), ("commands", "Status, show, check"), ("annotate", "Annotate"),
                ("export", "Export"), ("agree", "Agree")]
    for key, title in sections:
        rows = [r for r in report.rows if r["section"] == key]
        if not rows:
            continue
        lines += [f"## {title}", "",
                  "| work | documents | annot time | annot memory | peer | peer time | peer memory | ratio | notes |",
                  "|---|--:|--:|--:|---|--:|--:|---|---|"]
        for r in sorted(rows, key=lambda r: r["size"]):
            lines.append(f"| {r['work']} | {r['size']:,} | {fmt_time(r['annot'])} | {fmt_mem(r['annot'])} | "
                         f"{r['peer'] or '—'} | {fmt_time(r['peer_fig'])} | {fmt_mem(r['peer_fig'])} | "
                         f"{fmt_ratio(r['annot'], r['peer_fig'])} | {r['detail']} |")
        lines.append("")
    if len(sizes) > 1:
        lines += ["## Growth with the number of documents", "",
                  "annot's time and memory at each size, and the factor from one size to the next "
                  f"(the documents grow {' and '.join(f'{b // a}×' for a, b in zip(sizes, sizes[1:]))}); "
                  "the time factor is of CPU time where there is one (steadier on a loaded machine), "
                  "else of wall time.", ""]
        head = "| work | " + " | ".join(f"time {s:,}" for s in sizes) + " | " + \
            " | ".join(f"memory {s:,}" for s in sizes) + " |"
        lines += [head, "|---|" + "--:|" * (2 * len(sizes))]
        works = []
        for r in report.rows:
            if r["work"] not in works:
                works.append(r["work"])
        for w in works:
            by = {r["size"]: r["annot"] for r in report.rows if r["work"] == w}
            if len(by) < 2:
                continue
            t, m, prev = [], [], None
            for s in sizes:
                f = by.get(s)
                if f is None:
                    t.append("—")
                    m.append("—")
                    continue
                grow_t = grow_m = ""
                if prev is not None:
                    key = "cpu" if f.get("cpu") and prev.get("cpu") else "seconds"
                    grow_t = f" (×{f[key] / prev[key]:.1f})"
                    if f.get("rss_mb") and prev.get("rss_mb"):
                        grow_m = f" (×{f['rss_mb'] / prev['rss_mb']:.1f})"
                t.append(fmt_time(f) + grow_t)
                m.append(fmt_mem(f) + grow_m)
                prev = f
            lines.append(f"| {w} | " + " | ".join(t) + " | " + " | ".join(m) + " |")
        lines.append("")
    lines += ["## The data and the peers", ""] + [f"- {n}" for n in meta["about"]]
    if report.skipped or report.notes:
        lines += ["", "## Not measured in this run", ""] + [f"- {s}" for s in report.skipped + report.notes]
    return "\n".join(lines) + "\n"


def about(args, peers):
    caps = (f"Sizes above {args.full_up_to:,} documents run the cheap rows only (import, status, show, "
            "check, annotate); export, agree and the Prodigy import stop there, and with them their "
            f"peers. The agree peer stops at {args.agree_peer_up_to:,} documents: the Python "
            "references hold every token's tag (3.9 GB at 10,000 documents, growing with them), "
            "so 100,000 would not fit in memory. The spaCy export peer stops at "
            f"{args.export_peer_up_to:,} documents (it converts every document: 12 minutes at 100,000).")
    out = [
        "Articles: `xtask gen-articles` (synthetic scraped news pages, 2-8 KB of body, site "
        "boilerplate, French and English; deterministic), imported into a fresh project; the "
        "page cache is warmed before `cat` and the import. At 1,000,000 documents (5.6 GB in "
        "1,000,000 files) the cache may not keep them all next to the machine's other work: "
        "`cat` (run by `xargs`, a few thousand files a process) then reads the disk too and is "
        "no floor.",
        "status, show and check run on that project with the annotate session's records in it "
        f"(about {args.annotate_docs} of them).",
        f"annotate: `annot annotate` on a pseudo-terminal, as a person types: {args.annotate_docs} "
        "documents, each with the token ruler (`r`), a span by token number (`tN PER`), a relabel, "
        "an undo and then Enter (accept: the record appended and fsynced, the next document "
        "drawn), every tenth skipped and gone forward and back; each latency is from sending the "
        "line to the next prompt. The floor is appending a 600-byte line to a file on the same "
        "disk and fsyncing it.",
        "export: one record of up to five token-aligned spans for every document, written "
        "directly into the project; the spaCy peer reads annot's own `jsonl --no-tokens` export "
        "(texts already joined from their zones, spans), so it does less than annot "
        "(no corpus, no log, no zones, no checks), and tokenizes with `spacy.blank(lang)`.",
        "agree: its own generated documents (about 175 tokens, 20 entities and a topic each) and "
        "two annotators (b is a with about 15% of spans changed and 10% of topics); the peer "
        "reads the same corpus and logs and computes Cohen's kappa, Krippendorff's alpha and "
        "Fleiss' kappa on the topics, seqeval's strict entity P/R/F1 and kappa and alpha on "
        "the token tags.",
        "Prodigy: generated tasks (5-15 French sentences, 3-12 spans, emoji, a tenth rejected) "
        "in one JSONL file; the peer is this machine's `python3` reading the file (no venv).",
        f"CoNLL and brat imports (annot only, up to {args.conll_brat_up_to:,} documents): 12 "
        "sentences of 17 tokens a document; the token-index row aligns one-sentence documents "
        "of five tokens, too short for the shingle index, in reverse order.",
        caps,
    ]
    if not peers:
        out.append("The peers in the venv (spaCy, the agreement libraries) were not run (--quick or --no-peers).")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", help="documents, comma-separated (default 10000,100000,1000000; 1000 with --quick)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke test: 1,000 documents (unless --sizes), no venv, report on stdout")
    ap.add_argument("--no-peers", action="store_true", help="do not make the venv or run the peers in it")
    ap.add_argument("--out", help="the report (default BENCHMARKS.md in the repository; - for stdout)")
    ap.add_argument("--json", type=Path,
                    help="also write every figure measured as JSON to this file (default: BENCHMARKS.json "
                         "beside the default report, so that a later run can --merge it)")
    ap.add_argument("--full-up-to", type=int, default=1_000_000,
                    help="sizes above this run only import, status, show, check and annotate")
    ap.add_argument("--agree-peer-up-to", type=int, default=10_000)
    ap.add_argument("--export-peer-up-to", type=int, default=100_000)
    ap.add_argument("--merge", type=Path, metavar="JSON",
                    help="keep an earlier run's rows (its --json file) for the sizes this run does not measure")
    ap.add_argument("--conll-brat-up-to", type=int, default=10_000)
    ap.add_argument("--rows", default="corpus,agree,prodigy,conll-brat",
                    help="groups of rows measured (comma-separated): corpus, agree, prodigy, conll-brat")
    ap.add_argument("--annotate-docs", type=int, default=100, help="documents annotated in the session")
    ap.add_argument("--work-dir", type=Path, default=Path(tempfile.gettempdir()))
    ap.add_argument("--max-disk-gb", type=float, default=15)
    ap.add_argument("--render", type=Path, metavar="JSON",
                    help="write the report again from an earlier run's --json file (nothing measured)")
    ap.add_argument("--bin-dir", type=Path, help="use the annot and xtask already built there (no cargo build)")
    ap.add_argument("--keep", action="store_true",
                    help="keep all the data (WORK_DIR/bench-N-*: mind the disk) instead of removing each row's when measured")
    ap.add_argument("--note", default="", help="a line for the report's header (who else used the machine)")
    args = ap.parse_args()
    if args.quick:
        args.sizes = args.sizes or "1000"
        args.no_peers = True
        args.annotate_docs = min(args.annotate_docs, 20)
        args.out = args.out or "-"
    out = Path(args.out) if args.out and args.out != "-" else (None if args.out == "-" else ROOT / "BENCHMARKS.md")
    # The repository's report keeps its figures beside it: a later run measures some rows
    # again and merges the rest (a temporary directory does not outlive the machine).
    if args.json is None and out == ROOT / "BENCHMARKS.md":
        args.json = ROOT / "BENCHMARKS.json"
    if args.render:
        # The report again from the figures of an earlier run (its --json file), measuring nothing.
        saved = json.loads(args.render.read_text())
        report = Report()
        report.rows, report.skipped = saved["rows"], saved["skipped"]
        report.minutes = {int(n): m for n, m in saved.get("minutes", {}).items()}
        meta = saved["meta"]
        meta.setdefault("commit", "unknown")
        if not meta["commit"].startswith("`"):
            meta["commit"] = f"`{meta['commit']}`{meta.pop('dirty', '')}"
        text = render(report, meta)
        if out is None:
            sys.stdout.write(text)
        else:
            save(out, text)
        return
    groups = {"corpus", "agree", "prodigy", "conll-brat"}
    args.rows = {g.strip() for g in args.rows.split(",") if g.strip()}
    if not args.rows or args.rows - groups:
        sys.exit(f"--rows: give groups among {', '.join(sorted(groups))}, separated by commas")
    args.sizes = args.sizes or "10000,100000,1000000"
    try:
        sizes = sorted({int(s.replace("_", "")) for s in args.sizes.split(",")})
    except ValueError:
        sys.exit(f"--sizes {args.sizes!r}: give document counts separated by commas, e.g. 10000,100000")
    if not sizes or sizes[0] < 10:
        sys.exit(f"--sizes {args.sizes!r}: every size must be at least 10 documents")

    t0 = time.time()
    start = datetime.now(timezone.utc)
    # The commit the binaries are built from (taken before the build: a later commit or
    # merge during a long run must not be named in the header).
    commit = f"`{git('rev-parse', '--short=12', 'HEAD')}`"
    if git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!BENCHMARKS.md"):
        commit += " (with uncommitted changes)"
    load_start = os.getloadavg()
    command = shlex.join(["python3", "scripts/benchmarks.py", *sys.argv[1:]])
    if args.bin_dir:
        annot, xtask = args.bin_dir / "annot", args.bin_dir / "xtask"
        if not (annot.exists() and xtask.exists()):
            sys.exit(f"--bin-dir {args.bin_dir}: no annot and xtask there (cargo build -p annot-cli -p xtask)")
    else:
        log("building annot and xtask (release)")
        annot, xtask = build()
    python = None
    if not args.no_peers:
        log("the Python venv (scripts/venv-interop.sh)")
        python = subprocess.run(["bash", str(ROOT / "scripts" / "venv-interop.sh")], check=True,
                                stdout=subprocess.PIPE, text=True).stdout.strip()
    report = Report()
    for i, n in enumerate(sizes):
        began = time.time()
        try:
            measure_size(n, args, annot, xtask, python, report)
        except (Exception, SystemExit) as e:  # one size failing leaves the others' rows
            report.skipped.append(f"{n:,} documents: failed ({e}); the rows before it are kept")
            log(report.skipped[-1])
        report.minutes[n] = (time.time() - began) / 60
        write(args, out, report, python, command, commit, t0, start, load_start, sizes[i + 1:])


def write(args, out, report, python, command, commit, t0, start, load_start, pending):
    """Writes the report (again after every size, so that an interrupted run keeps what it measured)."""
    load_end = os.getloadavg()
    report.loads.append(load_end[0])
    end = datetime.now(timezone.utc)
    max_load = max([load_start[0], *report.loads])
    fmt_load = lambda l: " / ".join(f"{x:.2f}" for x in l)
    meta = {
        "command": command.strip(), "start": f"{start:%Y-%m-%d %H:%M}", "end": f"{end:%H:%M}",
        "minutes": (time.time() - t0) / 60, "commit": commit,
        "machine": machine(), "load_start": fmt_load(load_start), "load_end": fmt_load(load_end),
        "versions": versions(python), "note": args.note, "max_load": max_load,
        # The samples after each size count the run's own processes (annot uses every
        # core): only the load before the run says whether something else was running.
        "loaded": load_start[0] > 0.75 * (os.cpu_count() or 1), "about": about(args, python),
        "rss_warning": rss_warning(),
    }
    if pending:
        report = copy.copy(report)
        report.skipped = report.skipped + [f"{', '.join(f'{n:,}' for n in pending)} documents: "
                                           "not measured yet (the run is in progress)"]
    if args.merge:
        report, meta = merged(args.merge, report, meta)
    text = render(report, meta)
    if args.json:
        args.json.write_text(json.dumps({"meta": meta, "rows": report.rows, "skipped": report.skipped,
                                         "minutes": report.minutes, "loads": report.loads}, indent=2))
    if out is None:
        if not pending:
            sys.stdout.write(text)
    else:
        save(out, text)
        log(f"wrote {out} ({meta['minutes']:.0f} min so far)")


def merged(path, report, meta):
    """The report with the rows of the earlier run in `path` (its --json file) that this run
    has not measured (by section, work and size), and the meta naming that run."""
    earlier = json.loads(path.read_text())
    key = lambda r: (r["section"], r["work"], r["size"])
    mine = {key(r) for r in report.rows}
    kept = [r for r in earlier["rows"] if key(r) not in mine]
    sizes = sorted({r["size"] for r in kept})
    partly = sorted({r["size"] for r in kept} & {r["size"] for r in report.rows})
    out = copy.copy(report)
    out.rows = sorted(kept + report.rows, key=lambda r: r["size"])
    out.minutes = {**{int(n): m for n, m in earlier.get("minutes", {}).items() if int(n) in sizes},
                   **report.minutes}
    m = earlier["meta"]
    whose = (f"the rows of {', '.join(f'{n:,}' for n in sizes)} documents"
             + (f" (at {', '.join(f'{n:,}' for n in partly)}, those this run did not measure)" if partly else ""))
    meta = dict(meta, earlier=(f"{whose} come from an earlier run, `{m['command']}`, {m['start']} to {m['end']} UTC, "
                               f"commit {m['commit']} (load {m['load_start']} at its start)"
                               + (f"; that run's own merge: {m['earlier']}" if m.get("earlier") else ""))
                if sizes else "")
    return out, meta


def save(out, text):
    """Writes the report whole or not at all (a temporary file renamed)."""
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)


if __name__ == "__main__":
    main()
