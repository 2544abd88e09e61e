#!/usr/bin/env python3
"""The rule-free line model on the held-out set, measured once (the
seventh round; see the README).

    LAYOUTS_DUMP=target/layouts-lines.jsonl \\
    LAYOUTS_DUMP_HELDOUT=target/layouts-heldout-lines.jsonl \\
        cargo test -q -p annot-import --test layouts
    python3 crates/annot-import/tests/layouts/heldout_check.py \\
        [--dump FILE] [--heldout FILE]

Each variant's model is trained on the training pages only (`TRAINED`,
the `LAYOUTS_DUMP` file), then predicts the lines of the sets the test
holds out of training (`LAYOUTS_DUMP_HELDOUT`, today `heldout6/`). The
variants are those `lolo_variants.py` compared by leave-one-layout-out:
the rules, the importer as it runs (its stored zones), the model with
every feature (alone and as the importer's 0.9/0.1 hybrid, retrained on
the same pages), and the model without the rules' verdicts among its
features (`lolo_variants.rule_free`), alone and deciding the lines the
rules let it decide at the thresholds tried there.

It prints only aggregate body P/R/F1 (characters), per held-out layout and
overall, each with the layout and each page alone. The held-out dump has
no line text, and nothing here reads the held-out pages or gold.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_zoner as tz  # noqa: E402
import lolo_variants as lv  # noqa: E402


def arg(name, default):
    args = sys.argv[1:]
    return Path(args[args.index(name) + 1]) if name in args else default


def importer(page, _p):
    return [line["zone"] == "body" for line in page["lines"]]


def probabilities(train, test, l2):
    model = tz.fit(*tz.matrix(train), l2=l2)
    return [tz.predict(model, tz.matrix([pg])[0]) if pg["lines"] else [] for pg in test]


def scores(test, probs, decide):
    res = {}
    for page, p in zip(test, probs):
        v = decide(page, p)
        for key in ((page["layout"], page["alone"]), ("all", page["alone"])):
            res.setdefault(key, tz.Score()).add_page(page, v)
    return res


def main():
    train = [p for p in tz.load(arg("--dump", tz.ROOT / "target" / "layouts-lines.jsonl"))
             if p["split"] in tz.TRAINED]
    test = [p for p in tz.load(arg("--heldout", tz.ROOT / "target" / "layouts-heldout-lines.jsonl"))
            if p["split"] not in tz.TRAINED]
    assert train and test, "empty dump"
    splits = sorted({p["split"] for p in test})
    layouts = sorted({p["layout"] for p in test})
    print(f"trained on {len(train)} page imports ({len({p['layout'] for p in train})} layouts); "
          f"scored on {len(test)} page imports of {', '.join(splits)} ({len(layouts)} layouts)")

    full = {l2: probabilities(train, test, l2) for l2 in (3.0,)}
    free_train, free_test = lv.rule_free(train), lv.rule_free(test)
    free = {l2: probabilities(free_train, free_test, l2) for l2 in (1.0, 3.0, 10.0, 30.0)}

    def hybrid(take, drop, unlocked=(), ut=0.99):
        return lambda page, p: lv.verdicts(page, p, take, drop, set(unlocked), ut, 1 - ut)

    rows = [
        ("rules", full[3.0], lambda page, p: tz.verdicts(page, p, "rules")),
        ("importer as it runs (stored zones)", full[3.0], importer),
        ("model, every feature, L2 3", full[3.0], lambda page, p: tz.verdicts(page, p, "model")),
        ("hybrid 0.9/0.1, every feature, L2 3 (retrained)", full[3.0], hybrid(0.9, 0.1)),
    ]
    for l2 in (1.0, 3.0, 10.0, 30.0):
        rows.append((f"rule-free model alone, L2 {l2:g}", free[l2],
                     lambda page, p: tz.verdicts(page, p, "model")))
    for take, drop in ((0.9, 0.1), (0.95, 0.05), (0.99, 0.01)):
        rows.append((f"rules + rule-free model {take}/{drop}, L2 10", free[10.0], hybrid(take, drop)))
    for ut in (0.97, 0.99):
        rows.append((f"rules + rule-free model 0.95/0.05 + hard at {ut}/{1 - ut:.2f}, L2 10",
                     free[10.0], hybrid(0.95, 0.05, lv.HARD, ut)))

    print("\nBody F1 per held-out layout (with the layout / each page alone), "
          "and all layouts P R F1:")
    print("| variant | " + " | ".join(layouts) + " | all, with layout: P R F1 | all, alone: P R F1 |")
    print("| --- | " + " | ".join("---" for _ in layouts) + " | --- | --- |")
    for name, probs, decide in rows:
        res = scores(test, probs, decide)
        cells = [f"{res[(l, False)].prf()[2]:.3f} / {res[(l, True)].prf()[2]:.3f}" for l in layouts]
        p, r, f = res[("all", False)].prf()
        pa, ra, fa = res[("all", True)].prf()
        print(f"| {name} | " + " | ".join(cells)
              + f" | {p:.3f} {r:.3f} {f:.3f} | {pa:.3f} {ra:.3f} {fa:.3f} |")


if __name__ == "__main__":
    main()
