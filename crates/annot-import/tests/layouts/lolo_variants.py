#!/usr/bin/env python3
"""Leave-one-layout-out comparison of ways to let the line model overrule
the rules (the seventh round; see the README).

    python3 crates/annot-import/tests/layouts/lolo_variants.py [--dump FILE]

It reads the dump `train_zoner.py` reads (the training sets only, `TRAINED`)
and, for each layout left out, trains the model on the other layouts'
pages, then scores on the layout's pages (with their layout and each alone):

- per reason of the rules (its family), how often the rules' verdict is
  right on that layout's lines (characters), how often the model's is, and,
  where the model is sure (p > 0.9 or < 0.1) and disagrees, how many
  characters it gets right and wrong: which hard evidence holds across
  layouts;
- body P/R/F1 of the rules, the model alone, and hybrids: which lines the
  model may decide (the decidable ones, or also some hard reasons) and at
  which thresholds, with the model's L2 at a few values.

Nothing is chosen here by reading lines: only these aggregate figures.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_zoner as tz  # noqa: E402
import numpy as np  # noqa: E402

# The rules' reasons (`Reason::describe`) that are not a phrase, cue or box
# name, with their family; every other string is a phrase, cue or box.
FIXED = {
    "headline before the byline and date": "meta",
    "headline that is a question, a byline or date under it": "meta",
    "lone short line next to the headline": "meta",
    "breadcrumb, its last element the section": "meta",
    "byline": "meta",
    "date line": "meta",
    "first sentences after the headline": "meta",
    "subheading under a headline in title case": "meta",
    "running text": "Paragraph",
    "short sentence among paragraphs": "ShortSentence",
    "short line between paragraphs": "BetweenParagraphs",
    "intertitle between a box and a paragraph": "IntertitleAfterBox",
    "date or name among paragraphs": "MetaInBody",
    "no paragraph in the text: all body": "NoParagraphs",
    "counter": "Counter",
    "recurs across the import": "Recurrent",
    "under a related-links heading": "RelatedLink",
    "caption after a gallery counter or above a credit": "Caption",
    "long line that ends no sentence among paragraphs (caption)": "CaptionShape",
    "short line next to furniture": "NextToFurniture",
    "author bio after the article": "AuthorBio",
    "short text alone far after the article": "Island",
    "site's note about the piece, after the article": "SiteNote",
    "currency conversion note after a paragraph": "ConversionNote",
    "repeats words of a paragraph (pull quote)": "PullQuote",
    "before the article": "Header",
    "after the last paragraph": "AfterBody",
    "after a footer phrase": "Footer",
}

# Families the importer holds as hard evidence today (`model.rs`).
HARD = {"Phrase/Cue/Box", "Counter", "Recurrent", "RelatedLink", "Caption",
        "Footer", "Paragraph", "ConversionNote", "NoParagraphs"}


def family(line):
    if line["rule"] in ("title", "lede", "meta"):
        return "meta"
    return FIXED.get(line["reason"], "Phrase/Cue/Box")


def verdicts(page, p, take, drop, unlocked, utake, udrop):
    out = []
    for line, q in zip(page["lines"], p):
        rule = line["rule"] == "body"
        fam = family(line)
        if line["rule"] not in ("body", "boilerplate") or fam in ("meta", "NoParagraphs"):
            out.append(rule)
        elif line["decidable"]:
            out.append(not q < drop if rule else bool(q > take))
        elif fam in unlocked:
            out.append(not q < udrop if rule else bool(q > utake))
        else:
            out.append(rule)
    return out


def folds(pages, l2):
    layouts = sorted({(p["split"], p["layout"]) for p in pages})
    for split, layout in layouts:
        train = [p for p in pages if p["layout"] != layout]
        test = [p for p in pages if p["layout"] == layout]
        model = tz.fit(*tz.matrix(train), l2=l2)
        probs = [tz.predict(model, tz.matrix([pg])[0]) if pg["lines"] else [] for pg in test]
        yield split, layout, test, probs


def reason_table(cache):
    stats = {}
    for split, layout, test, probs in cache:
        for page, p in zip(test, probs):
            if page["alone"]:
                continue
            for line, q in zip(page["lines"], p):
                if line["rule"] not in ("body", "boilerplate"):
                    continue
                fam = family(line)
                s = stats.setdefault(fam, [0, 0, 0, 0, 0, set()])
                c = line["chars"]
                gold = line["gold"]
                rule = line["rule"] == "body"
                s[0] += c
                s[1] += c * (rule == gold)
                s[2] += c * ((q > 0.5) == gold)
                if (q > 0.9 and not rule) or (q < 0.1 and rule):
                    if (q > 0.5) == gold:
                        s[3] += c
                    else:
                        s[4] += c
                if rule != gold:
                    s[5].add(layout)
    print("\nPer family of the rules' reason (pages with their layout; characters):")
    print(f"{'family':<20} {'hard':<5} {'chars':>8} {'rules right':>12} {'model right':>12} "
          f"{'sure+right':>11} {'sure+wrong':>11} {'layouts rules wrong':>20}")
    for fam, s in sorted(stats.items(), key=lambda kv: -kv[1][0]):
        print(f"{fam:<20} {'yes' if fam in HARD else 'no':<5} {s[0]:>8} {s[1] / s[0]:>12.4f} "
              f"{s[2] / s[0]:>12.4f} {s[3]:>11} {s[4]:>11} {len(s[5]):>20}")


def score(cache, take, drop, unlocked=(), utake=0.99, udrop=0.01, mode="hybrid"):
    res = {}
    for split, layout, test, probs in cache:
        for page, p in zip(test, probs):
            if mode == "rules":
                v = tz.verdicts(page, p, "rules")
            elif mode == "model":
                v = tz.verdicts(page, p, "model")
            else:
                v = verdicts(page, p, take, drop, set(unlocked), utake, udrop)
            for key in ((split, page["alone"]), ("all", page["alone"])):
                res.setdefault(key, tz.Score()).add_page(page, v)
    return res


SPLITS = ["tuning", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7", "heldout8", "heldout9", "heldout10"]


def row(name, res):
    cells = [f"{res[(s, False)].prf()[2]:.4f}" for s in SPLITS if (s, False) in res]
    p, r, f = res[("all", False)].prf()
    fa = res[("all", True)].prf()[2]
    print(f"| {name} | " + " | ".join(cells) + f" | {p:.4f} {r:.4f} {f:.4f} | {fa:.4f} |")


def main():
    args = sys.argv[1:]
    path = Path(args[args.index("--dump") + 1]) if "--dump" in args else tz.ROOT / "target" / "layouts-lines.jsonl"
    pages = [p for p in tz.load(path) if p["split"] in tz.TRAINED]
    present = [s for s in SPLITS if any(p["split"] == s for p in pages)]
    print(f"{len(pages)} page imports, {len({p['layout'] for p in pages})} layouts")
    for l2 in (1.0, 3.0, 10.0, 30.0):
        cache = list(folds(pages, l2))
        if l2 == tz.L2:
            reason_table(cache)
        print(f"\nL2 {l2}: body F1 per set (with layout), all P R F1, all alone F1")
        print("| variant | " + " | ".join(present) + " | all P R F1 | all alone |")
        print("| --- | " + " | ".join("---" for _ in present) + " | --- | --- |")
        row("rules", score(cache, 0, 0, mode="rules"))
        row("model alone", score(cache, 0, 0, mode="model"))
        for take, drop in ((0.9, 0.1), (0.8, 0.2), (0.7, 0.3), (0.5, 0.5), (0.95, 0.05)):
            row(f"hybrid {take}/{drop}", score(cache, take, drop))
        for fams in (["Paragraph"], ["Phrase/Cue/Box"], ["Recurrent"], ["Footer"],
                     ["Caption"], ["RelatedLink"], ["Counter"], ["ConversionNote"],
                     ["Paragraph", "Footer", "RelatedLink", "Caption", "Counter"]):
            for ut in (0.97, 0.99):
                row(f"hybrid 0.9/0.1 + {'+'.join(fams)} at {ut}/{1 - ut:.2f}",
                    score(cache, 0.9, 0.1, fams, ut, 1 - ut))




# The features that carry the rules' own verdict (their zone, reason, the
# neighbours' zones and furniture, the place relative to the rules' body):
# without them, the model's LOLO figure is held out from the rules too.
RULE_DERIVED = [0, 1, *range(4, 20), 45, 49, 52, 56, 59, 63, 66, 70, 73, 74, 75, 76, 77,
                79, 85, 87, 88]


def rule_free(pages):
    keep = [k for k in range(len(pages[0]["lines"][0]["f"])) if k not in RULE_DERIVED]
    out = []
    for p in pages:
        q = dict(p)
        q["lines"] = [dict(l, f=[l["f"][k] for k in keep]) for l in p["lines"]]
        out.append(q)
    return out


def rule_free_main():
    args = sys.argv[1:]
    path = Path(args[args.index("--dump") + 1]) if "--dump" in args else tz.ROOT / "target" / "layouts-lines.jsonl"
    pages = rule_free([p for p in tz.load(path) if p["split"] in tz.TRAINED])
    present = [s for s in SPLITS if any(p["split"] == s for p in pages)]
    print("\nModel without the rules' verdicts among its features (model alone):")
    print("| variant | " + " | ".join(present) + " | all P R F1 | all alone |")
    for l2 in (1.0, 3.0, 10.0, 30.0):
        cache = list(folds(pages, l2))
        row(f"rule-free model, L2 {l2}", score(cache, 0, 0, mode="model"))


def row2(name, res):
    cells = []
    for s in SPLITS:
        if (s, False) in res:
            cells.append(f"{res[(s, False)].prf()[2]:.4f} / {res[(s, True)].prf()[2]:.4f}")
    p, r, f = res[("all", False)].prf()
    pa, ra, fa = res[("all", True)].prf()
    print(f"| {name} | " + " | ".join(cells) + f" | {p:.4f} {r:.4f} {f:.4f} | {pa:.4f} {ra:.4f} {fa:.4f} |")


def summary():
    """The README's table: the variants that matter, per set (with the
    layout / each page alone) and overall."""
    args = sys.argv[1:]
    path = Path(args[args.index("--dump") + 1]) if "--dump" in args else tz.ROOT / "target" / "layouts-lines.jsonl"
    pages = [p for p in tz.load(path) if p["split"] in tz.TRAINED]
    present = [s for s in SPLITS if any(p["split"] == s for p in pages)]
    print("| variant | " + " | ".join(present) + " | all, with layout: P R F1 | all, alone: P R F1 |")
    print("| --- | " + " | ".join("---" for _ in present) + " | --- | --- |")
    hard = ["Paragraph", "Phrase/Cue/Box", "Recurrent", "Footer", "Caption", "RelatedLink",
            "Counter", "ConversionNote"]
    first = True
    for l2 in (3.0, 30.0):
        cache = list(folds(pages, l2))
        if first:
            row2("rules", score(cache, 0, 0, mode="rules"))
            first = False
        row2(f"model alone, L2 {l2:g}", score(cache, 0, 0, mode="model"))
        for take, drop in ((0.9, 0.1), (0.8, 0.2), (0.7, 0.3)):
            row2(f"hybrid {take}/{drop}, L2 {l2:g}", score(cache, take, drop))
        row2(f"hybrid 0.9/0.1 + every hard reason at 0.97/0.03, L2 {l2:g}",
             score(cache, 0.9, 0.1, hard, 0.97, 0.03))
    free = rule_free(pages)
    cache = list(folds(free, 10.0))
    row2("model without the rules' verdicts as features, L2 10", score(cache, 0, 0, mode="model"))



def rule_free_hybrids():
    """The rules, with the rule-free model deciding where it may."""
    args = sys.argv[1:]
    path = Path(args[args.index("--dump") + 1]) if "--dump" in args else tz.ROOT / "target" / "layouts-lines.jsonl"
    pages = rule_free([p for p in tz.load(path) if p["split"] in tz.TRAINED])
    present = [s for s in SPLITS if any(p["split"] == s for p in pages)]
    print("| variant | " + " | ".join(present) + " | all, with layout: P R F1 | all, alone: P R F1 |")
    print("| --- | " + " | ".join("---" for _ in present) + " | --- | --- |")
    hard = ["Paragraph", "Phrase/Cue/Box", "Recurrent", "Footer", "Caption", "RelatedLink",
            "Counter", "ConversionNote"]
    for l2 in (10.0,):
        cache = list(folds(pages, l2))
        for take, drop in ((0.9, 0.1), (0.95, 0.05), (0.99, 0.01)):
            row2(f"rules + rule-free model {take}/{drop}, L2 {l2:g}", score(cache, take, drop))
        for ut in (0.97, 0.99):
            row2(f"rules + rule-free model 0.95/0.05 + hard at {ut}, L2 {l2:g}",
                 score(cache, 0.95, 0.05, hard, ut, 1 - ut))


if __name__ == "__main__":
    if "--summary" in sys.argv:
        summary()
    elif "--rule-free-hybrids" in sys.argv:
        rule_free_hybrids()
    elif "--rule-free" in sys.argv:
        rule_free_main()
    else:
        main()
