"""The fitted scorer against the hand rules, on the held-out half of each shared set (never fitted on): the
hand rules alone, then the scorer at several thresholds, with and in place of the hand rules its weights
replace. Writes bench/results/scorer.json (``make docs`` renders it in docs/extraction.md).

Per page, trafilatura runs once and the cleaning once per variant on its output (eval_ablation.held_out_scores).

    python bench/eval_scorer.py [WEIGHTS.json] [--thresholds 0.5 0.6 0.7 0.8 0.9] [--jobs 2] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from common import ROOT, write_result
from eval_ablation import held_out_scores
from fit_scorer import SETS


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("weights", nargs="?", default=str(ROOT / "pipelines" / "scorer_weights.json"))
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.5, 0.6, 0.7, 0.8, 0.9])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--out", default="scorer", help="result name under bench/results (default scorer)")
    args = parser.parse_args()
    weights = json.loads(Path(args.weights).read_text(encoding="utf-8"))
    variants = [("hand rules", frozenset({"scorer"}), {}),
                *[(f"scorer {t}", frozenset(), {"score_threshold": t}) for t in args.thresholds]]
    started = time.time()
    rows, pages_scored = held_out_scores(variants, args.jobs, args.limit, weights)
    write_result(args.out, {"sets": list(SETS), "pages": pages_scored, "rows": rows,
                            "replaces": weights.get("replaces", []), "fitted_threshold": weights["threshold"],
                            "seconds": round(time.time() - started)})


if __name__ == "__main__":
    main()
