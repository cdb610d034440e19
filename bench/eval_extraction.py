"""Extraction quality on the article-extraction benchmark: the newsindex pipeline beside
trafilatura alone (default ``extract(html, url=url)``), same pages, same run, same scorer.

    python bench/eval_extraction.py            # prints a table, writes bench/results/eval.json
"""

from __future__ import annotations

import importlib.util
import logging
import sys

import trafilatura
from common import eval_dir, load_aeb, write_result

from pipelines.runner import build_stages, run_batch


def load_scorer():
    spec = importlib.util.spec_from_file_location("aeb_score", eval_dir() / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def newsindex_predictions(truth: dict, pages: dict[str, bytes]) -> dict[str, str | None]:
    items = [{"source": f"{key}.html", "url": truth[key]["url"], "body": pages[key],
              "content_type": "text/html", "key": key} for key in sorted(pages)]
    predictions: dict[str, str | None] = {key: None for key in pages}
    failures = []
    # Every stage but finalize, which keeps only the indexed fields (and so drops "key").
    stages = build_stages(store_path=":memory:")[:-1]
    for doc in run_batch(items, stages, lambda item, reason: failures.append((item["key"], reason))):
        predictions[doc["key"]] = "\n".join(doc["paragraphs"])
    for key, reason in failures:
        print(f"  newsindex failed on {key[:12]}…: {reason}", file=sys.stderr)
    return predictions


def trafilatura_predictions(truth: dict, pages: dict[str, bytes]) -> dict[str, str | None]:
    return {key: trafilatura.extract(pages[key], url=truth[key]["url"]) for key in sorted(pages)}


def main() -> None:
    logging.disable(logging.WARNING)
    truth, pages = load_aeb()
    scorer = load_scorer()
    rows = {}
    for name, predict in (("trafilatura 2.3.1 alone", trafilatura_predictions), ("newsindex", newsindex_predictions)):
        scores = scorer.score(truth, predict(truth, pages), n_bootstrap=200)
        rows[name] = {"precision": scores["aeb"]["precision"], "recall": scores["aeb"]["recall"],
                      "f1": scores["aeb"]["f1"], "f1_std": scores["aeb"]["f1_std"], "empty": scores["n_none"]}
    print(f"article-extraction-benchmark, {len(truth)} pages (4-gram shingles, AEB scorer)")
    print(f"{'extractor':<26}{'precision':>10}{'recall':>10}{'F1':>10}{'±':>8}{'empty':>7}")
    for name, r in rows.items():
        print(f"{name:<26}{r['precision']:>10.3f}{r['recall']:>10.3f}{r['f1']:>10.3f}{r['f1_std']:>8.3f}"
              f"{r['empty']:>7}")
    print(f"results: {write_result('eval', rows)}")


if __name__ == "__main__":
    main()
