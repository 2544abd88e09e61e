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


TIME = Path("/usr/bin/time")


class PeakRss:
    """Runs a command under GNU time (`/usr/bin/time -f %M -o FILE`), which writes the
    command's own peak RSS to FILE. Not wait4()'s ru_maxrss of a child of this process: on
    Linux a child forked from Python starts from the parent's high-water mark and keeps it
    through exec, so every command would read at least as large as this script. time is a
    small C program: what it forks starts from its own few MB."""

    def __init__(self, cmd):
        self.path = None
        self.cmd = [str(c) for c in cmd]
        if TIME.exists():
            fd, self.path = tempfile.mkstemp(prefix="annot-bench-rss-")
            os.close(fd)
            self.cmd = [str(TIME), "-f", "%M", "-o", self.path, *self.cmd]

    def rss_mb(self, usage) -> float:
        """The peak RSS in MB (GNU time's last line; a line before it says a signal ended it).
        Without GNU time, wait4()'s `usage` of the child: a figure no smaller than this
        script's own RSS (`warning()` says so)."""
        if self.path is None:
            return usage.ru_maxrss / 1024.0
        try:
            lines = Path(self.path).read_text().split()
            return int(lines[-1]) / 1024.0
        except (OSError, ValueError, IndexError):
            return float("nan")
        finally:
            Path(self.path).unlink(missing_ok=True)


def measure(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS in MB, exit code, CPU seconds: user + system).
    The CPU time is wait4()'s of the child (GNU time and the command it waited for: time's
    own share is well under a millisecond); the peak RSS is the command's own (PeakRss).
    On a shared machine the CPU time is the steadier figure: wall time counts the time
    other processes had the cores."""
    peak = PeakRss(cmd)
    start = time.perf_counter()
    proc = subprocess.Popen(peak.cmd, **kw)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    return elapsed, peak.rss_mb(usage), os.waitstatus_to_exitcode(status), cpu


def rss_warning():
    """What a report must say when GNU time is missing, else None."""
    if TIME.exists():
        return None
    return (f"{TIME} (GNU time) is missing, so each peak RSS is wait4()'s of a child forked from Python, "
            "which is never below the Python process's own RSS at that moment: small figures are "
            "too large (Debian: apt-get install time)")


def figures(cmd, ok=(0,), **kw):
    """Runs cmd and returns {"seconds", "cpu", "rss_mb", "code"} as `measure` gives them
    (each command measured on its own: getrusage(RUSAGE_CHILDREN) would give the maximum
    over every child so far). Exits naming the command when its exit code is not in `ok`."""
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
