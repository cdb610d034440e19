"""Pipeline time per document vs trafilatura alone, on the same HTML in one process.

Each round runs the contenders in turn on chunks of CHUNK pages (the order rotating from chunk to chunk),
so a burst of machine noise hits every contender alike; the pipeline keeps its stages, and so its stores,
across a round's chunks, as a long run does. Each round gives one ratio; the figures are the median over
rounds with its spread. Then throughput of the pipeline with 1 and 2 worker processes.

    python bench/bench_extraction.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import time
from concurrent.futures import ProcessPoolExecutor

import trafilatura
from common import load_aeb, write_result

from pipelines.runner import build_stages, run_batch


def run_trafilatura(pages: list[tuple[str, bytes]]) -> int:
    return sum(1 for url, html in pages if trafilatura.extract(html, url=url))


def run_trafilatura_metadata(pages: list[tuple[str, bytes]]) -> int:
    # The call the pipeline makes (comments off, fallbacks on as by default), without our stages.
    return sum(1 for url, html in pages
               if trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False))


CHUNK = 20  # pages per turn of a contender


def _items(pages: list[tuple[str, bytes]], start: int = 0):
    return ({"source": f"page{i}.html", "url": url, "body": html, "content_type": "text/html"}
            for i, (url, html) in enumerate(pages, start))


def _stages():
    return build_stages({"NEWSINDEX_STORE_PATH": ":memory:"})


def _through(stages, pages: list[tuple[str, bytes]], start: int = 0) -> int:
    """Documents the pipeline's stages finish from these pages (numbered from ``start``)."""
    return sum(1 for _ in run_batch(_items(pages, start), stages, lambda item, reason: None))


def run_pipeline(pages: list[tuple[str, bytes]]) -> int:
    logging.disable(logging.WARNING)
    stages = _stages()
    try:
        return _through(stages, pages)
    finally:
        for stage in stages:
            stage.close()


def timed_round(contenders: dict, pages: list[tuple[str, bytes]]) -> dict[str, float]:
    """Seconds per contender over every page, the contenders taking turns chunk by chunk."""
    spent = dict.fromkeys(contenders, 0.0)
    stages = _stages()
    try:
        for number, start in enumerate(range(0, len(pages), CHUNK)):
            chunk = pages[start:start + CHUNK]
            names = list(contenders)
            for name in names[number % len(names):] + names[:number % len(names)]:
                began = time.perf_counter()
                if contenders[name] is None:  # the pipeline, on the round's stages
                    _through(stages, chunk, start)
                else:
                    contenders[name](chunk)
                spent[name] += time.perf_counter() - began
    finally:
        for stage in stages:
            stage.close()
    return spent


def parallel_rate(pages, workers: int) -> float:
    chunks = [pages[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(run_pipeline, [chunks[0][:5]] * workers))  # warm the workers up
        start = time.perf_counter()
        done = sum(pool.map(run_pipeline, chunks))
        return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    truth, raw = load_aeb()
    pages = [(truth[k]["url"], raw[k]) for k in sorted(raw)]
    # All three with trafilatura's fallback extractors on (its default and the pipeline's).
    contenders = {"trafilatura extract()": run_trafilatura,
                  "trafilatura + metadata": run_trafilatura_metadata, "newsindex pipeline": None}
    run_pipeline(pages[:5])  # import and model loading out of the timings
    times: dict[str, list[float]] = {name: [] for name in contenders}
    ratios: list[float] = []
    print(f"extraction, {len(pages)} AEB pages, {args.rounds} rounds of chunks of {CHUNK} pages, one process")
    for number in range(args.rounds):
        spent = timed_round(contenders, pages)
        for name, seconds in spent.items():
            times[name].append(seconds)
        ratios.append(spent["newsindex pipeline"] / spent["trafilatura + metadata"])
        print(f"  round {number + 1}/{args.rounds}: pipeline / trafilatura + metadata {ratios[-1]:.3f}", flush=True)
    per_doc = {name: statistics.median(t) / len(pages) * 1000 for name, t in times.items()}
    base = per_doc["trafilatura extract()"]
    for name, ms in per_doc.items():
        print(f"  {name:<24} {ms:7.1f} ms/doc  {1000 / ms:6.1f} docs/s  ratio {ms / base:.2f}")
    spread = {"min": min(ratios), "median": statistics.median(ratios), "max": max(ratios)}
    print(f"  pipeline / trafilatura + metadata, per round: median {spread['median']:.3f} "
          f"(min {spread['min']:.3f}, max {spread['max']:.3f})")
    rates = {w: parallel_rate(pages, w) for w in (1, 2)}
    print(f"  pipeline throughput: 1 worker {rates[1]:.1f} docs/s, 2 workers {rates[2]:.1f} docs/s "
          f"(scaling {rates[2] / rates[1]:.2f}x on 2 cores)")
    write_result("extraction", {"ms_per_doc": per_doc, "ratio_vs_trafilatura": per_doc["newsindex pipeline"] / base,
                                "pipeline_vs_metadata": spread, "rounds": args.rounds, "chunk": CHUNK,
                                "pages": len(pages), "workers_docs_per_s": rates})


if __name__ == "__main__":
    main()
