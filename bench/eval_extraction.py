"""Extraction quality on the four shared sets (aeb, dragnet, cleaneval, wcxb_dev): trafilatura default,
trafilatura ``include_comments=False`` and the newsindex pipeline, same pages, same run, same scorer.

Both trafilatura rows run ``trafilatura.extract(html, url=url)`` with its fallback extractors on (the
default), and newsindex runs trafilatura with the same fallback setting (``NEWSINDEX_TRAFILATURA_FALLBACK``).

    python bench/eval_extraction.py                     # all three sets, writes bench/results/eval.json
    python bench/eval_extraction.py --sets aeb --limit 50 --jobs 2
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import logging
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from common import eval_dir, load_set, write_result

SETS = ("aeb", "dragnet", "cleaneval", "wcxb_dev")
SYSTEMS = ("trafilatura default", "trafilatura no-comments", "newsindex")


def load_scorer():
    spec = importlib.util.spec_from_file_location("aeb_score", eval_dir() / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _page_worker(args: tuple[str, str | None, bytes]) -> tuple[str, str | None, str | None, dict | str]:
    """Per page: both trafilatura runs and newsindex's per-document stages (decode, extract)."""
    import trafilatura

    from pipelines.decode import DecodeStage
    from pipelines.extract import ExtractStage

    logging.disable(logging.WARNING)
    key, url, html = args
    default = trafilatura.extract(html, url=url)
    no_comments = trafilatura.extract(html, url=url, include_comments=False)
    item = {"source": f"{key}.html", "url": url, "body": html, "content_type": "text/html", "key": key}
    try:
        item = ExtractStage().process(DecodeStage().process(item))
    except Exception as exc:  # a StageError (no article) or a bug: the page counts as empty
        return key, default, no_comments, f"{type(exc).__name__}: {exc}"
    return key, default, no_comments, item


def predictions(truth: dict, pages: dict[str, bytes], jobs: int) -> dict[str, dict[str, str | None]]:
    from pipelines.runner import build_stages, run_batch

    out: dict[str, dict[str, str | None]] = {name: dict.fromkeys(pages) for name in SYSTEMS}
    extracted = []
    work = [(key, truth[key].get("url"), pages[key]) for key in sorted(pages)]
    with ProcessPoolExecutor(jobs) as pool:
        for done, (key, default, no_comments, item) in enumerate(pool.map(_page_worker, work, chunksize=8), 1):
            out["trafilatura default"][key], out["trafilatura no-comments"][key] = default, no_comments
            if isinstance(item, dict):
                extracted.append(item)
            if done % 100 == 0:
                print(f"  {done}/{len(work)} pages", file=sys.stderr, flush=True)
    # The cross-document stages (near-duplicates, site boilerplate) and language, as ingest runs them.
    # Left out: identity (pages sharing a canonical URL are one document to the index, but each is scored
    # here) and finalize (it keeps only the indexed fields, and so drops "key").
    per_page = ("decode", "extract", "identity", "finalize")
    stages = [s for s in build_stages({"NEWSINDEX_STORE_PATH": ":memory:"}) if s.name not in per_page]
    for doc in run_batch(extracted, stages, lambda item, reason: None):
        out["newsindex"][doc["key"]] = "\n".join(doc["paragraphs"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    parser.add_argument("--limit", type=int, default=0, help="first N pages of each set (0: all)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--bootstrap", type=int, default=200)
    parser.add_argument("--dump", metavar="DIR", help="also write each system's texts, per set, as DIR/<set>.json")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    scorer = load_scorer()
    results: dict[str, dict] = {}
    for name in args.sets:
        start = time.perf_counter()
        truth, pages = load_set(name, args.limit)
        print(f"{name}: {len(pages)} pages", file=sys.stderr, flush=True)
        predicted = predictions(truth, pages, args.jobs)
        if args.dump:
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            (Path(args.dump) / f"{name}.json").write_text(json.dumps(predicted, ensure_ascii=False))
        rows = {}
        for system in SYSTEMS:
            scores = scorer.score(truth, predicted[system], n_bootstrap=args.bootstrap)
            rows[system] = {"precision": scores["aeb"]["precision"], "recall": scores["aeb"]["recall"],
                            "f1": scores["aeb"]["f1"], "f1_std": scores["aeb"]["f1_std"], "empty": scores["n_none"]}
        results[name] = {"pages": len(pages), "seconds": round(time.perf_counter() - start, 1), "rows": rows}
    print("AEB scorer (bags of 4-word shingles); trafilatura 2.3.1 with fallbacks on in every row")
    print(f"{'set':<11}{'extractor':<26}{'precision':>10}{'recall':>9}{'F1':>8}{'±':>7}{'empty':>7}")
    for name, result in results.items():
        for system, r in result["rows"].items():
            print(f"{name:<11}{system:<26}{r['precision']:>10.3f}{r['recall']:>9.3f}{r['f1']:>8.3f}"
                  f"{r['f1_std']:>7.3f}{r['empty']:>7}")
    print(f"results: {write_result('eval', results)}")


if __name__ == "__main__":
    main()
