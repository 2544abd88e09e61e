"""What the benchmark scripts share: building annot, generating articles, measuring a child."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build():
    """Builds annot and xtask in release mode; returns their paths."""
    subprocess.run(["cargo", "build", "--release", "-q", "-p", "annot-cli", "-p", "xtask"], cwd=ROOT, check=True)
    return ROOT / "target/release/annot", ROOT / "target/release/xtask"


def articles(xtask: Path, work: Path, count: int) -> Path:
    """`work/articles` with `count` generated articles (kept from an earlier run when there)."""
    out = work / "articles"
    if not out.exists():
        t = time.perf_counter()
        subprocess.run([str(xtask), "gen-articles", "--count", str(count), "--out", str(out)], check=True)
        print(f"generated {count} articles in {time.perf_counter() - t:.1f}s", file=sys.stderr)
    return out


def measure(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB, exit code, CPU seconds: user + system)
    from wait4()'s rusage of that child. On a shared machine the CPU time is the steadier
    figure: wall time counts the time other processes had the cores."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, **kw)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), cpu


def figures(cmd, ok=(0,), **kw):
    """Runs cmd and returns {"seconds", "cpu", "rss_mb", "code"} from wait4() of that one
    child (its own peak resident set: a maximum over every child so far, as
    getrusage(RUSAGE_CHILDREN) gives, would mix commands). Exits naming the command when
    its exit code is not in `ok`."""
    seconds, rss, code, cpu = measure([str(c) for c in cmd], **kw)
    if code not in ok:
        sys.exit(f"{' '.join(map(str, cmd))} exited with {code}")
    return {"seconds": seconds, "cpu": cpu, "rss_mb": rss, "code": code}


def print_json(value):
    """The --json output of a bench script: one JSON object on stdout."""
    json.dump(value, sys.stdout, indent=2)
    print()


def arguments(count: int, description=None) -> argparse.ArgumentParser:
    """The options every bench script has: --count (default `count`), --keep DIR, --json."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", type=int, default=count, help="documents generated")
    ap.add_argument("--keep", type=Path, help="generate into (and keep) this directory")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    return ap


def work_dir(keep, prefix: str) -> Path:
    """The --keep directory (made when missing), else a new temporary one."""
    work = keep or Path(tempfile.mkdtemp(prefix=prefix))
    work.mkdir(parents=True, exist_ok=True)
    return work
