#!/usr/bin/env python3
"""Reference answers for annot-diff's agreement metrics, from the standard Python libraries.

Writes crates/annot-diff/tests/fixtures/<kind>.json (or --out DIR), which
crates/annot-diff/tests/reference.rs checks to 1e-9:

  cohen.json         scikit-learn cohen_kappa_score (and observed agreement) on two coders
  krippendorff.json  krippendorff.alpha, nominal/ordinal/interval/ratio, NaN for missing
  fleiss.json        statsmodels fleiss_kappa on aggregate_raters (also Scott's pi with 2 raters)
  seqeval.json       seqeval classification_report, mode='strict', scheme=IOB2
  tokens.json        cohen_kappa_score and krippendorff nominal alpha over IOB2 tag sequences

A library's NaN (or its refusal, a ValueError) is written as null with the reason, and
the Rust side must then return Undefined. Fixed seed, sorted keys, floats by repr:
the same library versions write the same bytes. scripts/interop.sh regenerates and compares.
"""
import argparse
import json
import math
import os
import random
import warnings
from importlib.metadata import version

import numpy as np
import krippendorff
from seqeval.metrics import classification_report
from seqeval.scheme import IOB2
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters, fleiss_kappa

CASES = 300
SEED = 20261123


def num(x):
    """A finite float as itself, NaN/inf as None (the Rust side expects Undefined)."""
    x = float(x)
    return x if math.isfinite(x) else None


def values(rng, n, k):
    return [rng.randrange(k) for _ in range(n)]


def cohen_cases(rng):
    cases = []
    for i in range(CASES):
        n = rng.randint(1, 30)
        if i < 10:  # one category only: sklearn returns nan
            a = [i % 3] * n
            b = list(a)
        elif i < 20:  # one coder constant, the other not
            a = [1] * n
            b = values(rng, n, 3)
        else:
            k = rng.randint(2, 6)
            a = values(rng, n, k)
            # correlated second coder so kappas spread over [-1, 1]
            p = rng.random()
            b = [x if rng.random() < p else rng.randrange(k) for x in a]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kappa = cohen_kappa_score(a, b)
        cases.append({
            "a": a,
            "b": b,
            "kappa": num(kappa),
            "observed": num(np.mean(np.array(a) == np.array(b))),
        })
    return cases


def kripp_cases(rng):
    cases = []
    for i in range(CASES):
        coders = rng.randint(2, 5)
        units = rng.randint(1, 20)
        k = 1 if i < 8 else rng.randint(2, 6)
        base = rng.randint(0, 3)
        missing = rng.random() * 0.5
        agree = rng.random()
        data = []
        truth = [base + rng.randrange(k) for _ in range(units)]
        for _ in range(coders):
            row = []
            for u in range(units):
                if rng.random() < missing:
                    row.append(None)
                elif rng.random() < agree:
                    row.append(truth[u])
                else:
                    row.append(base + rng.randrange(k))
            data.append(row)
        if i in (8, 9):  # no unit with two values
            data = [[v if c == u % coders else None for u, v in enumerate(row)] for c, row in enumerate(data)]
        arr = np.array([[np.nan if v is None else v for v in row] for row in data], dtype=float)
        case = {"data": data}
        for level in ("nominal", "ordinal", "interval", "ratio"):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                try:
                    case[level] = num(krippendorff.alpha(reliability_data=arr, level_of_measurement=level))
                    if case[level] is None:
                        case[level + "_library"] = "nan"
                except ValueError as e:
                    case[level] = None
                    case[level + "_library"] = "ValueError: " + str(e)
        cases.append(case)
    return cases


def fleiss_cases(rng):
    cases = []
    for i in range(CASES):
        raters = 2 if i % 3 == 0 else rng.randint(2, 8)
        units = rng.randint(1, 25)
        k = 1 if i < 6 else rng.randint(2, 5)
        agree = rng.random()
        data = []
        for _ in range(units):
            t = rng.randrange(k)
            data.append([t if rng.random() < agree else rng.randrange(k) for _ in range(raters)])
        table, _ = aggregate_raters(np.array(data))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kappa = fleiss_kappa(table, method="fleiss")
        cases.append({"data": data, "kappa": num(kappa)})
    return cases


LABELS = ["PER", "LOC", "ORG"]


def tag_sequence(rng, n):
    seq = []
    for _ in range(n):
        r = rng.random()
        if r < 0.45:
            seq.append("O")
        elif r < 0.75:
            seq.append("B-" + rng.choice(LABELS))
        else:  # an I- that may continue, switch type, or stand alone
            prev = seq[-1] if seq else "O"
            if prev != "O" and rng.random() < 0.7:
                seq.append("I-" + prev[2:])
            else:
                seq.append("I-" + rng.choice(LABELS))
    return seq


def perturb(rng, seq, p):
    out = []
    for t in seq:
        out.append(t if rng.random() > p else tag_sequence(rng, 1)[0])
    return out


def seqeval_cases(rng):
    cases = []
    for i in range(CASES):
        sentences = rng.randint(1, 4)
        true = [tag_sequence(rng, rng.randint(1, 12)) for _ in range(sentences)]
        if i < 5:
            pred = [["O"] * len(s) for s in true]
        else:
            pred = [perturb(rng, s, rng.random() * 0.6) for s in true]
        if i < 3:
            true = [["O"] * len(s) for s in true]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            report = classification_report(true, pred, mode="strict", scheme=IOB2,
                                            output_dict=True, zero_division=0)
        out = {}
        for key, row in report.items():
            out[key] = {
                "precision": num(row["precision"]),
                "recall": num(row["recall"]),
                "f1": num(row["f1-score"]),
                "support": int(row["support"]),
            }
        cases.append({"true": true, "pred": pred, "report": out})
    return cases


def token_cases(rng):
    cases = []
    for i in range(CASES):
        n = rng.randint(1, 30)
        a = tag_sequence(rng, n) if i >= 5 else ["O"] * n
        b = perturb(rng, a, rng.random() * 0.5) if i >= 5 else list(a)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            kappa = cohen_kappa_score(a, b)
            ids = {t: j for j, t in enumerate(sorted(set(a) | set(b)))}
            arr = np.array([[ids[t] for t in a], [ids[t] for t in b]], dtype=float)
            try:
                alpha = num(krippendorff.alpha(reliability_data=arr, level_of_measurement="nominal"))
            except ValueError:
                alpha = None
        cases.append({"a": a, "b": b, "kappa": num(kappa), "alpha": alpha})
    return cases


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    default = os.path.join(here, "..", "crates", "annot-diff", "tests", "fixtures")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=default, help="directory to write the JSON files to")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    versions = {name: version(name) for name in
                ("krippendorff", "numpy", "scikit-learn", "seqeval", "statsmodels")}
    kinds = {
        "cohen": cohen_cases,
        "krippendorff": kripp_cases,
        "fleiss": fleiss_cases,
        "seqeval": seqeval_cases,
        "tokens": token_cases,
    }
    for name, make in kinds.items():
        rng = random.Random(f"{SEED}-{name}")
        doc = {"kind": name, "seed": SEED, "libraries": versions, "cases": make(rng)}
        path = os.path.join(args.out, name + ".json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, sort_keys=True, separators=(",", ":"))
            f.write("\n")


if __name__ == "__main__":
    main()
