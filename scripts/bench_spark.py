#!/usr/bin/env python3
"""The cost of the Spark path: the same work on one machine and in Spark's
local[2] mode, and how the per-shard work scales with shard size.

    python3 scripts/bench_spark.py [--annot target/release/annot] [--docs 100000]
                                   [--shards 8] [--scaling 4,8,16,32]

Needs pyspark and Java 17 (as scripts/spark_demo.py, whose generated corpus and
records it uses). On --docs generated scraped pages it times

  import   `annot import` vs pages counted, `stream recurrence --of N` per
           partition, `--combine`, `stream import` per partition, saved as
           text files (the pages are read by `annot stream pages` first, on
           the driver, timed apart: on a cluster they come from storage)
  agree    `annot agree alice bob` vs corpus and records joined by id, sorted,
           `stream agree` per partition, `--combine`, `annot agree --combine`
  export   `annot export --format jsonl --from alice --out DIR` vs `stream
           export` per partition, saved as text files

and prints wall seconds and peak memory: the max RSS of every annot process
(each task's binary runs under /usr/bin/time -f, one file per task), the JVM's
(VmHWM of Spark's one JVM in local mode, reset before each step) and the
driver's Python. Then the import and export maps alone at each --scaling
partition count: per-task seconds and RSS against documents per shard.

Everything is generated under /tmp/spark-bench-* and deleted at the end. The
figures are one run's: the machine may be shared, so read the ratios (one
machine vs Spark in the same run) more than the absolute times.
"""

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from spark_demo import ROOT, adopt_parts, generate_pages, records_for, run  # noqa: E402

TIMED = """#!/bin/sh
# One annot task under /usr/bin/time: wall seconds and max RSS (KiB) to a file of its own.
label=$1; shift
exec /usr/bin/time -f "%e %M" -o "{dir}/$label.$$.time" "$@"
"""


class Bench:
    def __init__(self, annot, work, sc):
        self.annot = annot
        self.work = work
        self.sc = sc
        self.times = work / "times"
        self.times.mkdir()
        self.timed = work / "timed.sh"
        self.timed.write_text(TIMED.format(dir=self.times))
        self.timed.chmod(0o755)
        self.jvm = int(sc._jvm.java.lang.ProcessHandle.current().pid())

    def cmd(self, label, *args):
        """A pipe command: annot ARGS under the timer, labelled."""
        return " ".join([str(self.timed), label, self.annot, *map(str, args)])

    def single(self, label, *args, out=None):
        """A single-machine annot command under the timer: (seconds, RSS MiB)."""
        with open(out or os.devnull, "wb") as sink:
            p = subprocess.run([str(self.timed), label, self.annot, *map(str, args)], stdout=sink, stderr=subprocess.PIPE)
        if p.returncode != 0:
            sys.exit(f"failed: annot {' '.join(map(str, args))}\n{p.stderr.decode(errors='replace')}")
        (wall, rss), = self.tasks(label)
        return wall, rss

    def tasks(self, label):
        """(seconds, RSS MiB) of every task labelled `label`, files removed."""
        out = []
        for f in sorted(self.times.glob(f"{label}.*.time")):
            lines = [line for line in f.read_text().splitlines() if line.strip()]
            wall, kib = lines[-1].split()
            out.append((float(wall), int(kib) / 1024))
            f.unlink()
        return out

    def reset_jvm(self):
        """Resets the JVM's peak RSS (VmHWM) so the next step's peak is its own."""
        try:
            Path(f"/proc/{self.jvm}/clear_refs").write_text("5")
        except OSError:
            pass

    def jvm_peak(self):
        for line in Path(f"/proc/{self.jvm}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")


def task_figures(tasks):
    if not tasks:
        return "no tasks"
    walls = [w for w, _ in tasks]
    rss = [r for _, r in tasks]
    return (f"{len(tasks)} annot tasks, median {statistics.median(walls):.2f} s, "
            f"max {max(walls):.2f} s, max RSS {max(rss):.0f} MiB")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--annot", default=str(ROOT / "target" / "release" / "annot"))
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--scaling", default="4,8,16,32", help="partition counts of the scaling runs")
    args = ap.parse_args()
    annot = str(Path(args.annot).resolve())
    if not Path("/usr/bin/time").exists():
        sys.exit("bench_spark: needs /usr/bin/time (apt-get install time)")
    from pyspark import SparkConf, SparkContext

    conf = (SparkConf().setMaster("local[2]").setAppName("annot-bench")
            .set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
            .set("spark.driver.memory", "2g"))
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    work = Path(tempfile.mkdtemp(prefix="spark-bench-", dir="/tmp"))
    try:
        bench(Bench(annot, work, sc), args)
    finally:
        sc.stop()
        shutil.rmtree(work, ignore_errors=True)


def bench(b, args):
    work, sc, n = b.work, b.sc, args.shards
    pages = work / "pages"
    t = time.perf_counter()
    generate_pages(pages, args.docs)
    print(f"== {args.docs} generated pages ({time.perf_counter() - t:.0f} s to write); "
          f"Spark local[2], {n} partitions; annot {b.annot}")
    rows = []

    # One machine.
    proj = work / "single"
    run([b.annot, "init", proj])
    single_import = b.single("single-import", "--project", proj, "import", pages)
    corpus_file = proj / "corpus" / "import-0001.jsonl"
    docs = [json.loads(line) for line in corpus_file.read_text().splitlines()]
    logs = records_for(docs)
    del docs
    for who, log in logs.items():
        (proj / "annotations" / f"{who}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in log))
    single_agree = b.single("single-agree", "--project", proj, "agree", "alice", "bob")
    out = work / "single-export"
    single_export = b.single("single-export", "--project", proj, "export", "--format", "jsonl", "--from", "alice", "--out", out)
    shutil.rmtree(out)

    # Spark: import.
    t = time.perf_counter()
    page_file = work / "pages.jsonl"
    pages_s, pages_rss = b.single("pages", "stream", "pages", pages, out=page_file)
    shutil.rmtree(pages)
    b.reset_jvm()
    t = time.perf_counter()
    rdd = sc.textFile(page_file.as_uri(), n)
    total = rdd.count()
    table = work / "table.json"
    tables = rdd.pipe(b.cmd("recurrence", "stream", "recurrence", "--of", total)).coalesce(1)
    table.write_text(tables.pipe(b.cmd("combine", "stream", "recurrence", "--combine")).collect()[0] + "\n")
    spark_out = work / "spark-import"
    rdd.pipe(b.cmd("import", "stream", "import", "--recurrence", table)).saveAsTextFile(spark_out.as_uri())
    spark_proj = work / "spark"
    run([b.annot, "init", spark_proj])
    parts = adopt_parts(spark_out, spark_proj / "corpus")
    import_s = time.perf_counter() - t
    same = b"".join(p.read_bytes() for p in parts) == corpus_file.read_bytes()
    import_tasks = b.tasks("recurrence") + b.tasks("combine") + b.tasks("import")
    rows.append(("import", single_import, import_s, import_tasks, b.jvm_peak()))
    print(f"  (stream pages on the driver: {pages_s:.1f} s, {pages_rss:.0f} MiB; the Spark import is "
          f"{'byte-equal to' if same else 'DIFFERENT from'} the single machine's)")

    # Spark: agree, on corpus lines joined with the records by id.
    b.reset_jvm()
    t = time.perf_counter()
    corpus_rdd = sc.textFile(str(spark_proj / "corpus"), n).map(lambda l: (json.loads(l)["id"], ("doc", l)))
    recs = []
    for who, log in logs.items():
        recs.extend((r["doc"], ("rec", (who, json.dumps(r, ensure_ascii=False)))) for r in log)
    del logs
    records_rdd = sc.parallelize(recs, n)
    del recs

    def document_line(kv):
        _id, items = kv
        doc = next((json.loads(v) for k, v in items if k == "doc"), None)
        records = {who: json.loads(line) for k, v in items if k == "rec" for who, line in [v]}
        if doc is None or not records:
            return []
        return [(doc["id"], json.dumps({"document": doc, "records": records}, ensure_ascii=False))]

    lines = corpus_rdd.union(records_rdd).groupByKey().flatMap(document_line).sortByKey(numPartitions=n).values()
    lines.cache().count()
    join_s = time.perf_counter() - t
    schema = proj / "schemas" / "news.json"
    stats = lines.pipe(b.cmd("agree", "stream", "agree", "alice", "bob", "--schema", schema)).coalesce(1)
    stats_file = work / "stats.jsonl"
    stats_file.write_text("\n".join(stats.pipe(b.cmd("sum", "stream", "agree", "--combine")).collect()) + "\n")
    run([b.annot, "agree", "--combine", stats_file])
    agree_s = time.perf_counter() - t
    rows.append(("agree", single_agree, agree_s, b.tasks("agree") + b.tasks("sum"), b.jvm_peak()))
    notes = [f"agree's Spark time includes {join_s:.1f} s of joining documents and records by id in "
             f"PySpark (groupByKey, sortByKey); export reuses those lines"]

    # Spark: export jsonl.
    b.reset_jvm()
    t = time.perf_counter()
    out = work / "spark-export"
    lines.pipe(b.cmd("export", "stream", "export", "--format", "jsonl", "--from", "alice", "--schema", schema)).saveAsTextFile(out.as_uri())
    export_s = time.perf_counter() - t
    rows.append(("export", single_export, export_s, b.tasks("export"), b.jvm_peak()))
    shutil.rmtree(out)

    print(f"  {'step':<7} {'one machine':>22} {'Spark local[2]':>15}  Spark's annot tasks; JVM peak")
    for step, (s_wall, s_rss), spark_wall, tasks, jvm in rows:
        print(f"  {step:<7} {s_wall:8.1f} s {s_rss:6.0f} MiB {spark_wall:12.1f} s   "
              f"{task_figures(tasks)}; JVM {jvm:.0f} MiB")
    py = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    notes.append(f"the driver's Python peaked at {py:.0f} MiB, holding the generated records it parallelizes")
    for note in notes:
        print(f"  ({note})")

    # Scaling: the import and export maps alone, at each partition count.
    print("== per-shard work against shard size (the maps alone, 2 tasks at a time)")
    print(f"  {'shards':>6} {'docs/shard':>10} | {'import: median s':>16} {'ms/doc':>6} {'max RSS':>8} | "
          f"{'export: median s':>16} {'ms/doc':>6} {'max RSS':>8}")
    rdd.cache().count()
    for shards in [int(s) for s in args.scaling.split(",")]:
        rdd.repartition(shards).pipe(b.cmd("scale-import", "stream", "import", "--recurrence", table)).count()
        lines.repartition(shards).pipe(b.cmd("scale-export", "stream", "export", "--format", "jsonl", "--from", "alice", "--schema", schema)).count()
        per = total / shards
        cells = []
        for label in ("scale-import", "scale-export"):
            tasks = b.tasks(label)
            median = statistics.median(w for w, _ in tasks)
            cells.append(f"{median:16.2f} {1000 * median / per:6.2f} {max(r for _, r in tasks):5.0f} MiB")
        print(f"  {shards:>6} {per:>10.0f} | {cells[0]} | {cells[1]}")

if __name__ == "__main__":
    main()
