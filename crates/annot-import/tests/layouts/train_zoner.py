#!/usr/bin/env python3
"""Trains the importer's learned line model (body or not) on the layout sample set.

    cargo test -p annot-import --test layouts -- --nocapture   # with LAYOUTS_DUMP, below
    python3 crates/annot-import/tests/layouts/train_zoner.py [--write]

The script dumps the line features itself when no dump is given
(`LAYOUTS_DUMP=FILE cargo test -p annot-import --test layouts`), then reports
LEAVE-ONE-LAYOUT-OUT cross-validation: for each of the layouts, a logistic
regression trained on the other layouts' pages scores that layout's, and the
body characters are counted as `tests/layouts.rs` counts them (a line is body
or not; precision and recall over the characters of the body lines, summed
over the pages). It prints the figures of the rules alone, the model alone and
the hybrid the importer runs (the model overrules the rules between body and
boilerplate on the lines without hard evidence of furniture, when it is sure:
probability above TAKE or below DROP), per layout and overall, for the pages
imported with their layout and each alone. `--write` then trains on all the
pages and writes `src/model_weights.rs`.

It needs numpy, which it installs in a virtual environment of its own
(`target/train-zoner-venv`) when the running Python has none.
"""

import json
import math
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CRATE = HERE.parent.parent
ROOT = CRATE.parent.parent
VENV = ROOT / "target" / "train-zoner-venv"


def ensure_numpy():
    try:
        import numpy  # noqa: F401
        return
    except ImportError:
        pass
    py = VENV / "bin" / "python"
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "numpy"], check=True)
    os.execv(str(py), [str(py), *sys.argv])


ensure_numpy()
import numpy as np  # noqa: E402

# Hyperparameters, chosen by the cross-validation below (see the README).
L2 = 3.0
TAKE = 0.9
DROP = 0.1
# Standardised features are clipped to +-CLIP in training and at run time:
# a page far outside the training pages' range (a two-line text, a page of
# 2,000 lines) cannot push a line's score past what the pages taught.
CLIP = 3.0


def load(path):
    pages = []
    with open(path, encoding="utf-8") as f:
        for row in f:
            pages.append(json.loads(row))
    return pages


def dump(path):
    env = dict(os.environ, LAYOUTS_DUMP=str(path))
    subprocess.run(
        ["cargo", "test", "-q", "-p", "annot-import", "--test", "layouts"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


TRAINED = {"tuning", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10"}


def matrix(pages):
    X = np.array([l["f"] for p in pages for l in p["lines"]], dtype=np.float64)
    y = np.array([1.0 if l["gold"] else 0.0 for p in pages for l in p["lines"]])
    return X, y


def fit(X, y, l2=L2):
    """L2-regularised logistic regression on standardised features, by
    Newton's method (a few dozen features: the Hessian is small)."""
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale < 1e-6] = 1.0
    Z = np.clip((X - mean) / scale, -CLIP, CLIP)
    Z1 = np.hstack([np.ones((Z.shape[0], 1)), Z])
    w = np.zeros(Z1.shape[1])
    reg = np.full(Z1.shape[1], l2)
    reg[0] = 0.0
    for _ in range(50):
        z = np.clip(Z1 @ w, -30, 30)
        p = 1.0 / (1.0 + np.exp(-z))
        g = Z1.T @ (p - y) + reg * w
        h = (Z1 * (p * (1 - p))[:, None]).T @ Z1 + np.diag(reg + 1e-6)
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-7:
            break
    return {"bias": w[0], "w": w[1:], "mean": mean, "scale": scale}


def predict(model, X):
    Z = np.clip((X - model["mean"]) / model["scale"], -CLIP, CLIP)
    z = np.clip(model["bias"] + Z @ model["w"], -30, 30)
    return 1.0 / (1.0 + np.exp(-z))


def verdicts(page, p, mode, take=TAKE, drop=DROP):
    """Body or not per line: the rules', the model's, or the hybrid's."""
    out = []
    for line, q in zip(page["lines"], p):
        rule = line["rule"] == "body"
        if mode == "rules":
            out.append(rule)
        elif mode == "model":
            other = line["rule"] in ("title", "lede", "meta")
            out.append(bool(q > 0.5) and not other)
        else:
            if not line["decidable"]:
                out.append(rule)
            elif rule:
                out.append(not q < drop)
            else:
                out.append(bool(q > take))
    return out


class Score:
    def __init__(self):
        self.hit = self.found = self.gold = 0

    def add_page(self, page, body):
        for line, b in zip(page["lines"], body):
            if b:
                self.found += line["chars"]
                if line["gold"]:
                    self.hit += line["chars"]
        self.gold += page["gold_chars"]

    def add(self, other):
        self.hit += other.hit
        self.found += other.found
        self.gold += other.gold

    def prf(self):
        p = self.hit / self.found if self.found else 1.0
        r = self.hit / self.gold if self.gold else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f


MODES = ["rules", "model", "hybrid"]


def cross_validate(pages, l2=L2, take=TAKE, drop=DROP, quiet=False):
    """Leave one layout out: per layout and mode, the scores of the pages
    imported with their layout and alone. The model of a fold is trained
    on the other layouts' pages as imported with their layout."""
    layouts = sorted({(p["split"], p["layout"]) for p in pages})
    table = {}
    for split, layout in layouts:
        train = [p for p in pages if p["layout"] != layout]
        test = [p for p in pages if p["layout"] == layout]
        model = fit(*matrix(train), l2=l2)
        scores = {(m, a): Score() for m in MODES for a in (False, True)}
        for page in test:
            p = predict(model, matrix([page])[0]) if page["lines"] else []
            for m in MODES:
                scores[(m, page["alone"])].add_page(page, verdicts(page, p, m, take, drop))
        table[(split, layout)] = scores
    return table


def report(table, out=sys.stdout):
    total = {k: Score() for k in next(iter(table.values()))}
    by_split = {}
    print(
        f"{'split':<9} {'layout':<16} " + " ".join(f"{m + ' P/R/F1':>20}" for m in MODES),
        file=out,
    )
    for (split, layout), scores in table.items():
        for k, s in scores.items():
            total[k].add(s)
            by_split.setdefault(split, {k: Score() for k in scores})[k].add(s)
        cells = []
        for m in MODES:
            p, r, f = scores[(m, False)].prf()
            cells.append(f"{p:.3f} {r:.3f} {f:.3f}")
        print(f"{split:<9} {layout:<16} " + " ".join(f"{c:>20}" for c in cells), file=out)
    for alone in (False, True):
        for name, scores in [*by_split.items(), ("all", total)]:
            cells = []
            for m in MODES:
                p, r, f = scores[(m, alone)].prf()
                cells.append(f"{p:.3f} {r:.3f} {f:.4f}")
            label = "alone" if alone else "with layout"
            print(
                f"{name:<9} {label:<16} " + " ".join(f"{c:>20}" for c in cells), file=out
            )
    return total


def f32(v):
    """The shortest literal that reads back as the f32 nearest `v`."""
    return str(np.float32(v))


def rust_array(values):
    return "[\n" + "".join(f"    {f32(v)},\n" for v in values) + "]"


def write_weights(model, names, path):
    n = len(names)
    names_rs = "".join(f'    "{x}",\n' for x in names)
    src = f"""//! Weights of the learned line model ([`crate::model`]), written by
//! `tests/layouts/train_zoner.py --write` (trained on all the layout
//! pages, L2 {L2}): do not edit by hand.

/// The features the weights are for, in order.
pub(crate) const NAMES: [&str; {n}] = [
{names_rs}];

/// Intercept of the logistic regression.
pub(crate) const BIAS: f32 = {f32(model["bias"])};

/// Weights of the standardised features.
pub(crate) const WEIGHTS: [f32; {n}] = {rust_array(model["w"])};

/// Means of the features over the training lines.
pub(crate) const MEAN: [f32; {n}] = {rust_array(model["mean"])};

/// Standard deviations of the features over the training lines (1 where constant).
pub(crate) const SCALE: [f32; {n}] = {rust_array(model["scale"])};

/// Above this probability a line the rules left out becomes body.
pub(crate) const TAKE: f32 = {TAKE!r};

/// Below this probability a body line of the rules leaves the body.
pub(crate) const DROP: f32 = {DROP!r};

/// Standardised features are clipped to this, either side of the mean.
pub(crate) const CLIP: f32 = {CLIP!r};
"""
    tmp = path.with_suffix(".rs.tmp")
    tmp.write_text(src, encoding="utf-8")
    tmp.replace(path)


def feature_names():
    src = (CRATE / "src" / "model.rs").read_text(encoding="utf-8")
    block = src.split("FEATURE_NAMES: [&str; FEATURES] = [", 1)[1].split("];", 1)[0]
    return [l.strip()[1:-2] for l in block.splitlines() if l.strip().startswith('"')]


def main():
    args = sys.argv[1:]
    path = None
    if "--dump" in args:
        path = Path(args[args.index("--dump") + 1])
    if path is None:
        path = ROOT / "target" / "layouts-lines.jsonl"
        dump(path)
    # The sets the model learns from (the dump writes no other): a held-out
    # set written later stays out of the training until it is named here
    # and in `TRAINED` of tests/layouts.rs.
    pages = [p for p in load(path) if p["split"] in TRAINED]
    if "--search" in args:
        for l2 in (0.1, 1.0, 10.0, 100.0):
            for take, drop in ((0.5, 0.5), (0.7, 0.3), (0.8, 0.2), (0.9, 0.1), (0.95, 0.05)):
                total = {k: Score() for k in [(m, a) for m in MODES for a in (False, True)]}
                for scores in cross_validate(pages, l2, take, drop).values():
                    for k, s in scores.items():
                        total[k].add(s)
                f_model = total[("model", False)].prf()[2]
                f_h = total[("hybrid", False)].prf()[2]
                f_ha = total[("hybrid", True)].prf()[2]
                print(f"L2 {l2:<6} take {take} drop {drop}: model {f_model:.4f} hybrid {f_h:.4f} alone {f_ha:.4f}")
        return
    table = cross_validate(pages)
    print("Leave-one-layout-out cross-validation (body characters, P R F1):")
    report(table)
    if "--write" in args:
        train = pages
        model = fit(*matrix(train))
        names = feature_names()
        assert len(names) == len(model["w"]), (len(names), len(model["w"]))
        write_weights(model, names, CRATE / "src" / "model_weights.rs")
        order = np.argsort(-np.abs(model["w"]))
        print("weights written; the heaviest:")
        for k in order[:12]:
            print(f"  {names[k]:<28} {model['w'][k]:+.3f}")


if __name__ == "__main__":
    main()
