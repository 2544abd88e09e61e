#!/usr/bin/env python3
"""annot over Apache Spark: import, agree and export as RDD.pipe maps, checked
byte for byte against the single-machine commands.

    python3 scripts/spark_demo.py [--annot target/debug/annot] [--docs 10000] [--shards 8]
                                  [--recurrence-sample 4096]

Needs pyspark (pip install pyspark) and Java 17. For the sample corpus and a
generated corpus of --docs scraped pages, it runs in Spark's local[2] mode:

  import     pages counted (TOTAL) -> `annot stream recurrence --of TOTAL` per
             partition -> one partition `annot stream recurrence --combine` ->
             `annot stream import --recurrence TABLE` per partition, saved with
             saveAsTextFile and its part-NNNNN files renamed into a project's
             corpus/part-NNNNN.jsonl (adopt_parts); equal to `annot import`'s
             corpus file, and `annot export` on that project equal to the
             single-machine project's
  agree      corpus lines joined with each annotator's record on the document id,
             sorted by id (a range partition) -> `annot stream agree` per partition
             -> `annot stream agree --combine` -> `annot agree --combine`; equal to
             `annot agree alice bob` (text and --json)
  export     the same lines -> `annot stream export --format F` (jsonl, conll,
             csv docs and spans after the `--head` line, brat files written
             from their lines); equal to `annot export --format F`

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
    line between headline and article on every third (and another on one in
    100), and article text of its own."""
    folder.mkdir(parents=True)
    places = ["Paris", "Lyon", "Rennes", "Brest", "Nantes", "Lille"]
    for i in range(n):
        site = ("Kestrel Quotidien Accueil Régions Culture", "Le Héron du Soir Une Monde Sport")[i % 2]
        promo = "Retrouvez chaque matin les nouvelles de votre commune sur notre site.\n\n" if i % 3 == 0 else ""
        # On 1% of the pages, the share that makes a line furniture:
        # which pages the recurrence table samples decides its zone.
        if i % 100 == 5:
            promo += "Le marché de Noël ouvre ses portes samedi sur la place centrale.\n\n"
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


def project_for(annot, work, name, pages, annotate_sample, sample):
    """The single-machine side: a project, its import, two annotators."""
    proj = work / name
    run([annot, "init", proj])
    t = time.perf_counter()
    run([annot, "--project", proj, "import", "--recurrence-sample", str(sample), pages])
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


def joined(lines):
    """The bytes of the lines Spark collected (RDD.pipe cut the output at line breaks)."""
    return ("\n".join(lines) + "\n").encode() if lines else b""


def files_of(folder):
    """(name, bytes) of the files of a folder, sorted."""
    return sorted((p.name, p.read_bytes()) for p in folder.iterdir())


def adopt_parts(spark_out, corpus):
    """Spark's saveAsTextFile output as a project's corpus: each non-empty
    part-NNNNN renamed to corpus/part-NNNNN.jsonl (in partition order, which is
    the corpus order), _SUCCESS and the .crc files left behind. Refuses to
    replace a corpus file (adopt into another project, or rename the parts first)."""
    if not (spark_out / "_SUCCESS").exists():
        sys.exit(f"{spark_out}: no _SUCCESS: the Spark job did not finish; nothing adopted")
    parts = sorted(p for p in spark_out.iterdir() if p.name.startswith("part-") and not p.name.endswith(".crc"))
    targets = [corpus / f"{p.name}.jsonl" for p in parts]
    taken = [t for t in targets if t.exists()]
    if taken:
        sys.exit(f"{taken[0]}: already in the corpus; adopt the parts into another project, or rename them first")
    corpus.mkdir(parents=True, exist_ok=True)
    adopted = []
    for p, t in zip(parts, targets):
        if p.stat().st_size == 0:
            continue  # an empty partition: no documents
        os.replace(p, t)
        adopted.append(t)
    return adopted


def demo(sc, annot, work, name, pages, shards, annotate_sample, sample, failures):
    print(f"== {name}: {pages}")
    proj, corpus, import_s = project_for(annot, work, name, pages, annotate_sample, sample)
    schema = proj / "schemas" / "news.json"
    t = time.perf_counter()
    agree_txt = run([annot, "--project", proj, "agree", "alice", "bob"])
    agree_json = run([annot, "--project", proj, "agree", "alice", "bob", "--json"])
    agree_s = time.perf_counter() - t
    t = time.perf_counter()
    export = run([annot, "--project", proj, "export", "--format", "jsonl", "--from", "alice", "--out", "-"])
    export_s = time.perf_counter() - t

    # Import: map (recurrence per shard, each told the total so that all sample
    # the pages one machine samples), reduce (sum), map (zone with the sum).
    t = time.perf_counter()
    page_lines = run([annot, "stream", "pages", pages]).decode().splitlines()
    rdd = sc.parallelize(page_lines, shards)
    total = rdd.count()
    table = rdd.pipe(f"{annot} stream recurrence --of {total} --sample {sample}").coalesce(1).pipe(f"{annot} stream recurrence --combine").collect()
    table_path = work / f"{name}-recurrence.json"
    table_path.write_text(table[0] + "\n")
    spark_out = work / f"{name}-spark-import"
    rdd.pipe(f"{annot} stream import --recurrence {table_path}").saveAsTextFile(spark_out.as_uri())
    spark_proj = work / f"{name}-spark"
    run([annot, "init", spark_proj])
    parts = adopt_parts(spark_out, spark_proj / "corpus")
    spark_import_s = time.perf_counter() - t
    docs = b"".join(p.read_bytes() for p in parts)
    check(f"import ({total} pages, {len(parts)} parts, sampled at {min(1, sample / total):.2f})", docs, corpus, failures)
    shutil.copytree(proj / "annotations", spark_proj / "annotations", dirs_exist_ok=True)
    check("export of the part-*.jsonl project", run([annot, "--project", spark_proj, "export", "--format", "jsonl", "--from", "alice", "--out", "-"]), export, failures)

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
    check("export jsonl", joined(exported), export, failures)
    for fmt in (["conll"], ["csv"], ["csv", "--csv-layout", "spans"]):
        args = ["--format", *fmt, "--from", "alice"]
        want = run([annot, "--project", proj, "export", *args, "--out", "-"])
        head = run([annot, "stream", "export", *args, "--schema", schema, "--head"])
        got = lines.pipe(" ".join([annot, "stream", "export", *args, "--schema", str(schema)])).collect()
        check(f"export {' '.join(fmt)}", head + joined(got), want, failures)
    # brat: the shards' lines are files, written by the driver beside the head's annotation.conf.
    args = ["--format", "brat", "--from", "alice"]
    run([annot, "--project", proj, "export", *args, "--out", work / f"{name}-brat"])
    want = files_of(work / f"{name}-brat" / "all")
    head = run([annot, "stream", "export", *args, "--schema", schema, "--head"]).decode().splitlines()
    got = lines.pipe(" ".join([annot, "stream", "export", *args, "--schema", str(schema)])).collect()
    brat = work / f"{name}-spark-brat"
    brat.mkdir()
    for line in head + got:
        f = json.loads(line)
        (brat / f["file"]).write_bytes(f["text"].encode())
    check(f"export brat ({len(want)} files)", repr(files_of(brat)).encode(), repr(want).encode(), failures)
    print(f"  seconds, single machine vs Spark local[2] in {shards} partitions:")
    for step, a, b in (("import", import_s, spark_import_s), ("agree", agree_s, spark_agree_s), ("export", export_s, spark_export_s)):
        print(f"    {step:<8} {a:8.2f} {b:8.2f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--annot", default=str(ROOT / "target" / "debug" / "annot"))
    ap.add_argument("--docs", type=int, default=10000, help="pages of the generated corpus")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--recurrence-sample", type=int, default=4096,
                    help="pages the recurrence table counts (annot import --recurrence-sample): below --docs, the shards sample")
    args = ap.parse_args()
    annot = str(Path(args.annot).resolve())
    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setMaster("local[2]").setAppName("annot-spark-demo").set("spark.ui.enabled", "false").set("spark.ui.showConsoleProgress", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    work = Path(tempfile.mkdtemp(prefix="annot-spark-"))
    failures = []
    try:
        demo(sc, annot, work, "sample", ROOT / "corpus", 2, True, args.recurrence_sample, failures)
        pages = work / "pages"
        generate_pages(pages, args.docs)
        demo(sc, annot, work, f"generated-{args.docs}", pages, args.shards, False, args.recurrence_sample, failures)
    finally:
        sc.stop()
        shutil.rmtree(work, ignore_errors=True)
    if failures:
        sys.exit(f"spark demo: differs from the single-machine commands: {', '.join(failures)}")
    print("spark demo: every output byte-equal to the single-machine commands")


if __name__ == "__main__":
    main()
