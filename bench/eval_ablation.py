"""What each cleaning rule is worth: every rule of ``pipelines.engine.RULES`` left out in turn, on the held-out
half of each shared set (the pages ``bench/fit_scorer.py`` never fitted on), scored like ``make eval``
(the AEB shingle metric of ../shared/eval/score.py). Writes bench/results/ablation.json (``make docs`` renders it).

Per page, trafilatura runs once and the cleaning once per variant on its output (the same lines, title and
page): the figures are the cleaning's own, without the cross-document stages, so each row differs from the
"all rules" row by that rule alone.

    python bench/eval_ablation.py [--jobs 2] [--limit N]
"""

from __future__ import annotations

import argparse
import logging
import sys
import time

from common import load_set, write_result
from eval_extraction import load_scorer
from fit_scorer import SETS, fitting_half

Variant = tuple[str, frozenset[str], dict]  # name, rules left out, threshold overrides


def variants() -> list[Variant]:
    from pipelines.engine import RULE_NAMES

    return [("none", frozenset(), {}), *[(name, frozenset({name}), {}) for name in RULE_NAMES]]


def page_texts(args: tuple[str, str | None, bytes], variants: list[Variant],
               weights: dict | None = None) -> tuple[str, dict[str, str]]:
    """The page's cleaned text under each variant; ``weights``: the scorer's, in place of the shipped ones."""
    import pipelines.extract as extract
    from pipelines import scorer
    from pipelines.cleaning import clean_paragraphs
    from pipelines.decode import DecodeStage
    from pipelines.thresholds import DEFAULT

    logging.disable(logging.WARNING)
    if weights is not None:
        scorer.model = lambda: weights
    key, url, html = args
    texts: dict[str, str] = {}

    def every_variant(paragraphs, title=None, page=None, **kwargs):
        if not texts:  # the page's main text; a second call (the visible-text fallback) is not ours to vary
            config = kwargs.pop("config", DEFAULT)
            for name, disabled, overrides in variants:
                texts[name] = "\n".join(clean_paragraphs(
                    paragraphs, title, page, config=config.with_overrides(overrides), disabled=disabled,
                    **kwargs).paragraphs)
            kwargs["config"] = config
        return clean_paragraphs(paragraphs, title, page, **kwargs)

    extract.clean_paragraphs = every_variant
    item = {"source": f"{key}.html", "url": url, "body": html, "content_type": "text/html"}
    try:
        extract.ExtractStage().process(DecodeStage().process(item))
    except Exception:  # noqa: BLE001 - no article: every variant is empty
        pass
    return key, texts


def held_out_scores(variants: list[Variant], jobs: int, limit: int = 0,
                    weights: dict | None = None) -> tuple[dict[str, dict[str, dict]], int]:
    """Per variant and set, AEB precision, recall and F1 on the held-out pages; and how many pages."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    score = load_scorer()
    names = [name for name, _, _ in variants]
    rows: dict[str, dict[str, dict]] = {name: {} for name in names}
    pages_scored = 0
    worker = partial(page_texts, variants=variants, weights=weights)
    for set_name in SETS:
        truth, pages = load_set(set_name, limit)
        keys = [k for k in sorted(pages) if not fitting_half(k)]
        predicted: dict[str, dict[str, str | None]] = {name: dict.fromkeys(keys) for name in names}
        with ProcessPoolExecutor(jobs) as pool:
            work = [(k, truth[k].get("url"), pages[k]) for k in keys]
            for done, (key, texts) in enumerate(pool.map(worker, work, chunksize=4), 1):
                for name in names:
                    predicted[name][key] = texts.get(name) or None
                if done % 200 == 0:
                    print(f"  {set_name}: {done}/{len(work)} pages", file=sys.stderr, flush=True)
        held = {k: truth[k] for k in keys}
        for name in names:
            aeb = score.score(held, predicted[name], n_bootstrap=0)["aeb"]
            rows[name][set_name] = {k: round(aeb[k], 4) for k in ("precision", "recall", "f1")}
        pages_scored += len(keys)
        print(f"{set_name}: {len(keys)} held-out pages; F1 " + ", ".join(
            f"{name} {rows[name][set_name]['f1']:.4f}" for name in names[:3]), file=sys.stderr, flush=True)
    return rows, pages_scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set (0: all)")
    args = parser.parse_args()
    started = time.time()
    rows, pages_scored = held_out_scores(variants(), args.jobs, args.limit)
    write_result("ablation", {
        "sets": list(SETS), "pages": pages_scored, "rows": rows, "seconds": round(time.time() - started),
        "note": "each rule's own effect on the cleaning of trafilatura's output (no cross-document stages), "
                "AEB shingle metric; the all-rules row is the baseline the others are shown against."})


if __name__ == "__main__":
    main()
