"""The evaluation gate: newsindex's figures on the shared sets and the fresh sites must not drop below the
pinned run by more than the noise.

The extraction is deterministic, so the same code gives the same figures; what a change moves is a set of
pages. Each set's pinned run keeps every page's shingle counts (``bench/eval_pinned.json``); a new run's pages
are compared with them by a paired bootstrap (the same resampled pages on both sides, 500 rounds): a precision,
recall or F1 that falls by more than 1.96 times the spread of the paired difference fails, as does one more
empty page. On the fresh sites (``bench/eval_freshsites.py``) no story block may be removed by a rule, and no
site may keep fewer story blocks or lose fewer furniture blocks than pinned.

    python bench/eval_extraction.py --dump DIR && python bench/eval_freshsites.py
    python bench/eval_gate.py DIR            # exit 1 with one line per figure that fell
    python bench/eval_gate.py DIR --pin      # after a change that is better: pin its figures
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from common import ROOT, eval_dir
from eval_extraction import SETS, load_scorer

PINNED = ROOT / "bench" / "eval_pinned.json"
ROUNDS = 500
Z = 1.96


def page_counts(scorer, name: str, dump: Path) -> dict[str, list[float]]:
    """Per page of a set, newsindex's (tp, fp, fn) shingle shares, as the scorer counts them."""
    truth = json.loads((eval_dir() / name / "ground_truth.json").read_text(encoding="utf-8"))
    predicted = json.loads((dump / f"{name}.json").read_text(encoding="utf-8"))["newsindex"]
    return {key: [round(v, 6) for v in scorer.aeb_doc(truth[key]["text"], predicted.get(key) or "")]
            for key in sorted(truth)}


def _figures(scorer, triples: list[list[float]]) -> dict[str, float]:
    return scorer.metrics_from_tp_fp_fns([tuple(t) for t in triples])


def compare(scorer, pinned: dict[str, list[float]], new: dict[str, list[float]]) -> list[str]:
    """Lines for the figures that fell by more than the noise (none: the set holds)."""
    keys = sorted(set(pinned) & set(new))
    before, after = [pinned[k] for k in keys], [new[k] for k in keys]
    point = {m: _figures(scorer, after)[m] - _figures(scorer, before)[m] for m in ("precision", "recall", "f1")}
    rng = random.Random(0)
    samples: dict[str, list[float]] = {m: [] for m in point}
    for _ in range(ROUNDS):
        pick = [rng.randrange(len(keys)) for _ in keys]
        b = _figures(scorer, [before[i] for i in pick])
        a = _figures(scorer, [after[i] for i in pick])
        for m in samples:
            samples[m].append(a[m] - b[m])
    fell = []
    for m, diff in point.items():
        mean = sum(samples[m]) / ROUNDS
        spread = (sum((x - mean) ** 2 for x in samples[m]) / (ROUNDS - 1)) ** 0.5
        if diff < -Z * spread and diff < 0:
            fell.append(f"{m} {diff:+.4f} (noise ±{Z * spread:.4f})")
    empty_before = sum(1 for t in before if t[0] + t[1] == 0)
    empty_after = sum(1 for t in after if t[0] + t[1] == 0)
    if empty_after > empty_before:
        fell.append(f"empty pages {empty_before} → {empty_after}")
    return fell


def metadata_hits() -> dict[str, dict[str, int]]:
    """Per metadata field, per wcxb_dev article page: newsindex right (1) or not (``bench/eval_metadata.py``)."""
    path = ROOT / "bench" / "results" / "eval-metadata.json"
    return json.loads(path.read_text(encoding="utf-8"))["pages"] if path.exists() else {}


def compare_hits(pinned: dict[str, int], new: dict[str, int]) -> str | None:
    """A line when the share of right pages fell by more than the noise of the paired difference."""
    keys = sorted(set(pinned) & set(new))
    diffs = [new[k] - pinned[k] for k in keys]
    point = sum(diffs) / max(len(keys), 1)
    rng = random.Random(0)
    samples = [sum(diffs[rng.randrange(len(keys))] for _ in keys) / len(keys) for _ in range(ROUNDS)]
    mean = sum(samples) / ROUNDS
    spread = (sum((x - mean) ** 2 for x in samples) / (ROUNDS - 1)) ** 0.5
    if point < 0 and point < -Z * spread:
        return f"{point:+.4f} (noise ±{Z * spread:.4f})"
    return None


def fresh_site_figures() -> dict[str, dict[str, int]]:
    results = json.loads((ROOT / "bench" / "results" / "freshsites.json").read_text(encoding="utf-8"))
    return {name: {k: r["gold order"][k] for k in ("story_kept", "furniture_gone", "lost_by_rules")}
            for name, r in results.items()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dump", type=Path, help="the folder `eval_extraction.py --dump` wrote")
    parser.add_argument("--pin", action="store_true", help="pin this run's figures as the new floor")
    args = parser.parse_args()
    scorer = load_scorer()
    runs = {name: page_counts(scorer, name, args.dump) for name in SETS if (args.dump / f"{name}.json").exists()}
    if args.pin:
        PINNED.write_text(json.dumps({"sets": runs, "fresh_sites": fresh_site_figures(),
                                      "metadata": metadata_hits()}, sort_keys=True) + "\n", encoding="utf-8")
        print(f"pinned {', '.join(runs)} and the fresh sites in {PINNED.relative_to(ROOT)}")
        return 0
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    failures = []
    for name, new in runs.items():
        fell = compare(scorer, pinned["sets"][name], new)
        figures = _figures(scorer, list(new.values()))
        print(f"eval gate: {name}: P {figures['precision']:.4f} R {figures['recall']:.4f} F1 {figures['f1']:.4f}"
              f" — {'FELL: ' + '; '.join(fell) if fell else 'holds'}")
        failures += [f"{name}: {line}" for line in fell]
    missing = sorted(set(pinned["sets"]) - set(runs))
    failures += [f"{name}: not measured in {args.dump}" for name in missing]
    for site, floor in pinned["fresh_sites"].items():
        now = fresh_site_figures().get(site)
        if now is None:
            failures.append(f"fresh site {site}: not measured")
            continue
        fell = [f"{k} {floor[k]} → {now[k]}" for k in ("story_kept", "furniture_gone") if now[k] < floor[k]]
        if now["lost_by_rules"]:
            fell.append(f"{now['lost_by_rules']} story blocks removed by a rule")
        print(f"eval gate: fresh site {site}: {'FELL: ' + '; '.join(fell) if fell else 'holds'}")
        failures += [f"fresh site {site}: {line}" for line in fell]
    hits = metadata_hits()
    for field, floor in pinned.get("metadata", {}).items():
        now = hits.get(field)
        fell = "not measured" if now is None else compare_hits(floor, now)
        share = f"{sum(now.values()) / max(len(now), 1):.3f}" if now else "-"
        print(f"eval gate: wcxb_dev {field}: {share} right — {'FELL: ' + fell if fell else 'holds'}")
        if fell:
            failures.append(f"wcxb_dev {field}: {fell}")
    if failures:
        print(f"eval gate: {len(failures)} figures fell below the pinned run; see the lines above. If the change "
              "is right, measure why and pin it: python bench/eval_gate.py DIR --pin", file=sys.stderr)
        return 1
    print("eval gate: every figure holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
