#!/usr/bin/env python3
"""annot over Apache Spark: import, agree and export as RDD.pipe maps, checked
byte for byte against the single-machine commands.

    python3 scripts/spark_demo.py [--annot target/debug/annot] [--docs 10000] [--shards 8]

Needs pyspark (pip install pyspark) and Java 17. For the sample corpus and a
generated corpus of --docs scraped pages, it runs in Spark's local[2] mode:

  import     pages -> `annot stream recurrence` per partition -> one partition
             `annot stream recurrence --combine` -> `annot stream import
             --recurrence TABLE` per partition; equal to `annot import`'s corpus file
  agree      corpus lines joined with each annotator's record on the document id,
             sorted by id (a range partition) -> `annot stream agree` per partition
             -> `annot stream agree --combine` -> `annot agree --combine`; equal to
             `annot agree alice bob` (text and --json)
  export     the same lines -> `annot stream export --format jsonl`; equal to
             `annot export --format jsonl --out -`

It prints the time of each step on both paths and exits 1 on any difference.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd, cwd=None, stdin=None):
    """stdout of a command that must succeed."""
    p = subprocess.run(cmd, cwd=cwd, input=stdin, capture_output=True)
    if p.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{p.stderr.decode(errors='replace')}")
    return p.stdout


def generate_pages(folder, n):
    """Scraped pages of two sites: a menu line on every page of a site, a promo
    line between headline and article on every third, and article text of its own."""
    folder.mkdir(parents=True)
    places = ["Paris", "Lyon", "Rennes", "Brest", "Nantes", "Lille"]
    for i in range(n):
        site = ("Kestrel Quotidien Accueil Régions Culture", "Le Héron du Soir Une Monde Sport")[i % 2]
        promo = "Retrouvez chaque matin les nouvelles de votre commune sur notre site.\n\n" if i % 3 == 0 else ""
        place = places[i % len(places)]
        text = (
            f"{site}\n\n"
            f"Le conseil de {place} vote le budget numéro {i}\n\n{promo}"
            f"Marie Curie rencontre Paul Martin à {place} pour le dossier {i}, après un long débat "
            f"sur les travaux de la place du marché et le prix de la cantine.\n\n"
            f"Les élus de l'opposition demandent un audit des comptes de la régie {i}.\n"
        )
        (folder / f"page-{i:05}.txt").write_text(text, encoding="utf-8")


def records_for(docs):
    """alice and bob's records on generated documents: the same names, told apart now and then."""
    logs = {"alice": [], "bob": []}
    for k, d in enumerate(docs):
        text = d["text"]

        def span(word, label):
            s = text.find(word)
            return {"start": s, "end": s + len(word), "label": label, "text": word} if s >= 0 else None

        place = next((p for p in ["Paris", "Lyon", "Rennes", "Brest", "Nantes", "Lille"] if f"à {p}" in text), None)
        a = [span("Marie Curie", "PER"), span("Paul Martin", "PER"), span(place, "LOC") if place else None]
        b = [span("Marie" if k % 5 == 0 else "Marie Curie", "PER"),
             span("Paul Martin", "ORG" if k % 3 == 0 else "PER")]
        if k % 4:
            b.append(span(place, "LOC") if place else None)
        for who, spans, topic in (("alice", a, ["politics"]), ("bob", b, ["politics", "society"] if k % 6 == 0 else ["politics"])):
            if who == "bob" and k % 13 == 7:
                continue
            logs[who].append({
                "doc": d["id"], "hash": d["hash"], "annotator": who, "schema": "news@1",
                "status": "rejected" if who == "bob" and k % 17 == 3 else "accepted",
                "at": "2026-11-20T10:00:00Z", "ms": 1,
                "spans": [s for s in spans if s], "labels": {"topic": topic},
            })
    return logs


def project_for(annot, work, name, pages, annotate_sample):
    """The single-machine side: a project, its import, two annotators."""
    proj = work / name
    run([annot, "init", proj])
    t = time.perf_counter()
    run([annot, "--project", proj, "import", pages])
    import_s = time.perf_counter() - t
    corpus = (proj / "corpus" / "import-0001.jsonl").read_bytes()
    if annotate_sample:
        patterns = ROOT / "examples" / "patterns.jsonl"
        for who, script in (("alice", b"y\n\ny\n\ny\n\nq\n"), ("bob", b"y\n\ny\n\nq\n")):
            run([annot, "--project", proj, "annotate", "--annotator", who, "--patterns", patterns], stdin=script)
    else:
        docs = [json.loads(line) for line in corpus.decode().splitlines()]
        for who, log in records_for(docs).items():
            (proj / "annotations" / f"{who}.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in log))
    return proj, corpus, import_s


def check(what, got, want, failures):
    same = got == want
    print(f"  {what:<34} {'byte-equal' if same else 'DIFFERS'} ({len(want)} bytes)")
    if not same:
        failures.append(what)


def demo(sc, annot, work, name, pages, shards, annotate_sample, failures):
    print(f"== {name}: {pages}")
    proj, corpus, import_s = project_for(annot, work, name, pages, annotate_sample)
    schema = proj / "schemas" / "news.json"
    t = time.perf_counter()
    agree_txt = run([annot, "--project", proj, "agree", "alice", "bob"])
    agree_json = run([annot, "--project", proj, "agree", "alice", "bob", "--json"])
    agree_s = time.perf_counter() - t
    t = time.perf_counter()
    export = run([annot, "--project", proj, "export", "--format", "jsonl", "--from", "alice", "--out", "-"])
    export_s = time.perf_counter() - t

    # Import: map (recurrence per shard), reduce (sum), map (zone with the sum).
    t = time.perf_counter()
    page_lines = run([annot, "stream", "pages", pages]).decode().splitlines()
    rdd = sc.parallelize(page_lines, shards)
    table = rdd.pipe(f"{annot} stream recurrence").coalesce(1).pipe(f"{annot} stream recurrence --combine").collect()
    table_path = work / f"{name}-recurrence.json"
    table_path.write_text(table[0] + "\n")
    docs = rdd.pipe(f"{annot} stream import --recurrence {table_path}").collect()
    spark_import_s = time.perf_counter() - t
    check("import (recurrence, zones)", ("\n".join(docs) + "\n").encode(), corpus, failures)

    # Documents joined with each annotator's record, by id, in id order.
    t = time.perf_counter()
    corpus_rdd = sc.parallelize(corpus.decode().splitlines(), shards).map(lambda l: (json.loads(l)["id"], ("doc", l)))
    recs = []
    for who in ("alice", "bob"):
        log = proj / "annotations" / f"{who}.jsonl"
        for line in log.read_text().splitlines():
            recs.append((json.loads(line)["doc"], ("rec", (who, line))))
    records_rdd = sc.parallelize(recs, shards)

    def document_line(kv):
        _id, items = kv
        doc = next((json.loads(v) for k, v in items if k == "doc"), None)
        if doc is None:
            return []
        # One record per annotator and document here: the logs have no history.
        records = {who: json.loads(line) for k, v in items if k == "rec" for who, line in [v]}
        if not records:
            return []
        return [(doc["id"], json.dumps({"document": doc, "records": records}, ensure_ascii=False))]

    lines = corpus_rdd.union(records_rdd).groupByKey().flatMap(document_line).sortByKey(numPartitions=shards).values()
    lines.cache()
    stats = lines.pipe(f"{annot} stream agree alice bob --schema {schema}").coalesce(1).pipe(f"{annot} stream agree --combine").collect()
    stats_path = work / f"{name}-stats.jsonl"
    stats_path.write_text("\n".join(stats) + "\n")
    got_txt = run([annot, "agree", "--combine", stats_path])
    got_json = run([annot, "agree", "--combine", stats_path, "--json"])
    spark_agree_s = time.perf_counter() - t
    check("agree (report)", got_txt, agree_txt, failures)
    check("agree --json", got_json, agree_json, failures)

    t = time.perf_counter()
    exported = lines.pipe(f"{annot} stream export --format jsonl --from alice --schema {schema}").collect()
    spark_export_s = time.perf_counter() - t
    check("export jsonl", ("\n".join(exported) + "\n").encode() if exported else b"", export, failures)
    print(f"  seconds, single machine vs Spark local[2] in {shards} partitions:")
    for step, a, b in (("import", import_s, spark_import_s), ("agree", agree_s, spark_agree_s), ("export", export_s, spark_export_s)):
        print(f"    {step:<8} {a:8.2f} {b:8.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--annot", default=str(ROOT / "target" / "debug" / "annot"))
    ap.add_argument("--docs", type=int, default=10000, help="pages of the generated corpus")
    ap.add_argument("--shards", type=int, default=8)
    args = ap.parse_args()
    annot = str(Path(args.annot).resolve())
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster("local[2]").setAppName("annot-spark-demo").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    work = Path(tempfile.mkdtemp(prefix="annot-spark-"))
    failures = []
    try:
        demo(sc, annot, work, "sample", ROOT / "corpus", 2, True, failures)
        pages = work / "pages"
        generate_pages(pages, args.docs)
        demo(sc, annot, work, f"generated-{args.docs}", pages, args.shards, False, failures)
    finally:
        sc.stop()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"spark demo: differs from the single-machine commands: {', '.join(failures)}")
    print("spark demo: every output byte-equal to the single-machine commands")


if __name__ == "__main__":
    main()
