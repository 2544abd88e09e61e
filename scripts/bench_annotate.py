#!/usr/bin/env python3
"""Benchmark an `annot annotate` session on a large corpus, on a real terminal.

Generates N synthetic scraped articles (xtask gen-articles), imports them into
a fresh project, then drives `annot annotate` through a pseudo-terminal the
way a person would (rustyline prompt, raw mode) and measures:

  * time to the first prompt (start-up: open the project and the corpus
    index, read the annotator's log, build the queue, render document 1);
  * per command, the time from sending the line to the next prompt: the token
    ruler, marking a span by token range, relabelling, undo, accepting a
    document (append + fsync of the record, then rendering the next
    document), skipping, going forward and back;
  * peak RSS of the session (GNU time's, benchlib.PeakRss);
  * the floor for a decision: append one line to a file and fsync it.

    python3 scripts/bench_annotate.py [--count 100000] [--docs 100] [--keep DIR]
                                      [--log-records N] [--json]

--log-records N starts the annotator with N earlier records in their log (nine
documents in ten decided, 8 spans each), to measure start-up with a large log.

Targets (issue 3): first prompt under 150 ms, commands under 10 ms, memory that does
not grow with the size of the corpus text (compare --count 10000 with --count 100000).
"""

import json
import os
import pty
import re
import select
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchlib import PeakRss, arguments, articles as generated_articles, build, print_json, work_dir

PROMPT = "bench› ".encode()
ANSI = re.compile(rb"\x1b\[[0-9;?]*[A-Za-z]")


class Session:
    """`annot annotate` on a pty; `send` returns the seconds to the next prompt."""

    def __init__(self, annot: Path, project: Path):
        self.master, slave = pty.openpty()
        env = dict(os.environ, NO_COLOR="1", COLUMNS="120", LINES="50", TERM="xterm")
        self.peak = PeakRss([annot, "--project", project, "annotate", "--annotator", "bench"])
        self.start = time.perf_counter()
        self.proc = subprocess.Popen(
            self.peak.cmd,
            stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True,
        )
        os.close(slave)
        self.screen = b""
        self.first_prompt = self._until_prompt(self.start)

    def _until_prompt(self, t0: float, timeout: float = 60.0, answered: bool = False) -> float:
        """Reads until the prompt stands alone at the end of the screen. After a
        command, only a prompt after the echoed line counts (`answered`)."""
        buf = b""
        while True:
            ready, _, _ = select.select([self.master], [], [], timeout)
            if not ready:
                sys.exit(f"no prompt after {timeout}s; screen so far:\n{buf[-2000:].decode(errors='replace')}")
            try:
                chunk = os.read(self.master, 1 << 16)
            except OSError:
                sys.exit(f"the session ended; last screen:\n{buf[-2000:].decode(errors='replace')}")
            buf += chunk
            plain = ANSI.sub(b"", buf)
            if (not answered or b"\n" in plain) and plain.rstrip(b" \r").endswith(PROMPT.rstrip(b" ")):
                elapsed = time.perf_counter() - t0
                self.screen = ANSI.sub(b"", buf).decode(errors="replace")
                return elapsed

    def send(self, line: str) -> float:
        t0 = time.perf_counter()
        os.write(self.master, line.encode() + b"\r")
        return self._until_prompt(t0, answered=True)

    def quit(self):
        os.write(self.master, b"q\r")
        # Drain until the child closes the terminal, then reap it with its rusage.
        while True:
            ready, _, _ = select.select([self.master], [], [], 30)
            if not ready:
                break
            try:
                if not os.read(self.master, 1 << 16):
                    break
            except OSError:
                break
        _, status, usage = os.wait4(self.proc.pid, 0)
        os.close(self.master)
        return os.waitstatus_to_exitcode(status), self.peak.rss_mb(usage)


def fsync_floor(directory: Path, n: int = 200) -> float:
    """Median seconds to append one 600-byte line to a file and fsync it."""
    path = directory / "fsync-floor.jsonl"
    times = []
    with open(path, "ab") as f:
        for _ in range(n):
            t = time.perf_counter()
            f.write(b"x" * 600 + b"\n")
            f.flush()
            os.fsync(f.fileno())
            times.append(time.perf_counter() - t)
    path.unlink()
    return statistics.median(times)


def body_token(screen: str) -> int:
    """A token number from the ruler, in the middle of the document."""
    numbers = [int(m) for m in re.findall(r"(?<![\d:])(\d+):\w", screen)]
    if not numbers:
        sys.exit("the ruler printed no tokens:\n" + screen[-2000:])
    return numbers[len(numbers) // 2]


def write_log(proj: Path, log: Path, n: int):
    """`n` accepted records of the annotator `bench` (nine documents in ten,
    in corpus order), each with up to 8 spans on words of the document."""
    written = 0
    with open(log, "w", encoding="utf-8") as out:
        for path in sorted((proj / "corpus").glob("*.jsonl")):
            with open(path, encoding="utf-8") as f:
                for i, line in enumerate(f):
                    if written >= n:
                        return
                    if i % 10 == 9:
                        continue
                    d = json.loads(line)
                    text, spans = d["text"], []
                    for m in re.finditer(r"\b[A-ZÉ][a-zé]{3,}\b", text):
                        if len(spans) == 8:
                            break
                        # Python's offsets are code points, as a record stores them
                        spans.append({"start": m.start(), "end": m.end(),
                                      "label": ("PER", "ORG", "LOC")[len(spans) % 3], "text": m.group()})
                    out.write(json.dumps({
                        "doc": d["id"], "hash": d["hash"], "annotator": "bench", "schema": "news@1",
                        "status": "accepted", "at": "2026-11-20T10:00:00Z", "ms": 1000, "spans": spans,
                        "labels": {}, "zones": None, "note": None}, ensure_ascii=False) + "\n")
                    written += 1


def summary(values):
    """n, median, p95 and max (seconds) of a list of latencies."""
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return {"n": len(values), "median": statistics.median(values), "p95": p95, "max": values[-1]}


def run(annot: Path, proj: Path, docs: int = 100, log_records: int = 0, starts: int = 5) -> dict:
    """Sessions of the annotator `bench` on the imported project `proj` (its log removed
    first; `log_records` earlier records written): the first prompt of `starts` sessions
    quit at once, then one session over `docs` documents; the append+fsync floor."""
    log = proj / "annotations" / "bench.jsonl"
    if log.exists():
        log.unlink()
    if log_records:
        write_log(proj, log, log_records)
        print(f"wrote {log_records} earlier records ({log.stat().st_size / 1e6:.0f} MB) into {log}",
              file=sys.stderr)

    # Start-up: the median of the starts (each quits at once).
    firsts, start_rss = [], 0.0
    for _ in range(starts):
        probe = Session(annot, proj)
        firsts.append(probe.first_prompt)
        start_rss = max(start_rss, probe.quit()[1])

    s = Session(annot, proj)
    times = {k: [] for k in ("ruler r", "mark t12 PER", "relabel 1 ORG", "undo u", "accept Enter",
                             "skip s", "next n", "back p")}
    for i in range(docs):
        times["ruler r"].append(s.send("r"))
        tok = body_token(s.screen)
        times["mark t12 PER"].append(s.send(f"t{tok} PER"))
        times["relabel 1 ORG"].append(s.send("1 ORG"))
        times["undo u"].append(s.send("u"))
        if i % 10 == 9:
            times["skip s"].append(s.send("s"))
            times["next n"].append(s.send("n"))
            times["back p"].append(s.send("p"))
        else:
            times["accept Enter"].append(s.send(""))
    code, rss = s.quit()
    if code != 0:
        sys.exit(f"annot annotate exited with {code}")
    records = sum(1 for _ in open(log, encoding="utf-8")) - log_records
    return {
        "corpus_mb": sum(p.stat().st_size for p in (proj / "corpus").glob("*.jsonl")) / 1e6,
        "first_prompt": dict(summary(firsts), rss_mb=start_rss),
        "commands": {name: summary(values) for name, values in times.items() if values},
        "session_rss_mb": rss,
        "fsync_floor": fsync_floor(proj),
        "records": records,
        "earlier_records": log_records,
    }


def main():
    ap = arguments(100_000, __doc__)
    ap.add_argument("--docs", type=int, default=100, help="documents to annotate")
    ap.add_argument("--log-records", type=int, default=0,
                    help="earlier records in the annotator's log at start-up")
    args = ap.parse_args()

    annot, xtask = build()
    work = work_dir(args.keep, "annot-bench-")
    articles = generated_articles(xtask, work, args.count)
    proj = work / "proj"
    if not (proj / "annot.toml").exists():
        subprocess.run([str(annot), "init", str(proj)], check=True, stderr=subprocess.DEVNULL)
        t = time.perf_counter()
        subprocess.run([str(annot), "--project", str(proj), "import", str(articles)], check=True,
                       stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
        print(f"imported {args.count} articles in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    r = run(annot, proj, args.docs, args.log_records)
    if args.json:
        print_json(r)
    else:
        first = r["first_prompt"]
        print(f"corpus: {args.count} documents, {r['corpus_mb']:.0f} MB of corpus JSONL, {os.cpu_count()} cores")
        print(f"first prompt: {1000 * first['median']:.1f} ms median of {first['n']} starts "
              f"(max {1000 * first['max']:.1f} ms)")
        print(f"{'command':<16}{'n':>5}{'median':>8}{'p95':>8}{'max':>8}   (ms, send to next prompt)")
        for name, c in r["commands"].items():
            print(f"{name:<16}{c['n']:>5}{1000 * c['median']:8.1f}{1000 * c['p95']:8.1f}{1000 * c['max']:8.1f}")
        print(f"append+fsync floor (600-byte line, same disk): {1000 * r['fsync_floor']:.2f} ms median")
        print(f"records written: {r['records']} (after {r['earlier_records']} earlier ones); "
              f"peak RSS of the session: {r['session_rss_mb']:.1f} MB")
    if not args.keep:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
