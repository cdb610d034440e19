"""The fitted scorer against the hand rules, on the held-out half of each shared set (never fitted on): the
hand rules alone, then the scorer at several thresholds, with and in place of the hand rules its weights
replace. Writes bench/results/scorer.json (``make docs`` renders it in docs/extraction.md).

Per page, trafilatura runs once and the cleaning once per variant on its output, as in eval_ablation.py.

    python bench/eval_scorer.py [WEIGHTS.json] [--thresholds 0.5 0.6 0.7 0.8 0.9] [--jobs 2] [--limit N]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from pathlib import Path

from common import ROOT, load_set, write_result
from eval_extraction import load_scorer
from fit_scorer import SETS, fitting_half

_WEIGHTS: dict | None = None
_THRESHOLDS: list[float] = []


def page_texts(args: tuple[str, str | None, bytes]) -> tuple[str, dict[str, str]]:
    import pipelines.extract as extract
    from pipelines import scorer
    from pipelines.cleaning import clean_paragraphs
    from pipelines.decode import DecodeStage
    from pipelines.thresholds import DEFAULT

    logging.disable(logging.WARNING)
    scorer.model = lambda: _WEIGHTS  # the weights under test, not the shipped ones
    key, url, html = args
    texts: dict[str, str] = {}

    def every_variant(paragraphs, title=None, page=None, **kwargs):
        if not texts:
            config = kwargs.pop("config", DEFAULT)
            texts["hand rules"] = "\n".join(clean_paragraphs(
                paragraphs, title, page, config=config, disabled=frozenset({"scorer"}), **kwargs).paragraphs)
            for t in _THRESHOLDS:
                tuned = config.with_overrides({"score_threshold": t})
                texts[f"scorer {t}"] = "\n".join(clean_paragraphs(
                    paragraphs, title, page, config=tuned, **kwargs).paragraphs)
            kwargs["config"] = config
        return clean_paragraphs(paragraphs, title, page, **kwargs)

    extract.clean_paragraphs = every_variant
    item = {"source": f"{key}.html", "url": url, "body": html, "content_type": "text/html"}
    try:
        extract.ExtractStage().process(DecodeStage().process(item))
    except Exception:  # noqa: BLE001 - no article: every variant is empty
        pass
    return key, texts


def main() -> None:
    from concurrent.futures import ProcessPoolExecutor

    global _WEIGHTS, _THRESHOLDS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("weights", nargs="?", default=str(ROOT / "pipelines" / "scorer_weights.json"))
    parser.add_argument("--thresholds", nargs="+", type=float, default=[0.5, 0.6, 0.7, 0.8, 0.9])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--out", default="scorer", help="result name under bench/results (default scorer)")
    args = parser.parse_args()
    _WEIGHTS = json.loads(Path(args.weights).read_text(encoding="utf-8"))
    _THRESHOLDS = args.thresholds
    score = load_scorer()
    names = ["hand rules", *[f"scorer {t}" for t in _THRESHOLDS]]
    rows: dict[str, dict[str, dict]] = {name: {} for name in names}
    started, pages_scored = time.time(), 0
    for set_name in SETS:
        truth, pages = load_set(set_name, args.limit)
        keys = [k for k in sorted(pages) if not fitting_half(k)]
        predicted: dict[str, dict] = {name: dict.fromkeys(keys) for name in names}
        with ProcessPoolExecutor(args.jobs) as pool:
            work = [(k, truth[k].get("url"), pages[k]) for k in keys]
            for done, (key, texts) in enumerate(pool.map(page_texts, work, chunksize=4), 1):
                for name in names:
                    predicted[name][key] = texts.get(name) or None
                if done % 200 == 0:
                    print(f"  {set_name}: {done}/{len(work)} pages", file=sys.stderr, flush=True)
        held = {k: truth[k] for k in keys}
        for name in names:
            aeb = score.score(held, predicted[name], n_bootstrap=0)["aeb"]
            rows[name][set_name] = {k: round(aeb[k], 4) for k in ("precision", "recall", "f1")}
        pages_scored += len(keys)
        print(set_name, {n: rows[n][set_name]["f1"] for n in names}, file=sys.stderr, flush=True)
    write_result(args.out, {"sets": list(SETS), "pages": pages_scored, "rows": rows,
                            "replaces": _WEIGHTS.get("replaces", []), "fitted_threshold": _WEIGHTS["threshold"],
                            "seconds": round(time.time() - started)})


if __name__ == "__main__":
    main()
