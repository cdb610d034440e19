"""Pipeline time per document vs trafilatura alone, on the same HTML in one process.

Rounds alternate between the contenders so machine noise hits both alike; the figure that
counts is the ratio of medians. Then throughput of the pipeline with 1 and 2 worker processes.

    python bench/bench_extraction.py [--rounds 3]
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


def run_pipeline(pages: list[tuple[str, bytes]]) -> int:
    logging.disable(logging.WARNING)
    items = ({"source": f"page{i}.html", "url": url, "body": html, "content_type": "text/html"}
             for i, (url, html) in enumerate(pages))
    stages = build_stages({"NEWSINDEX_STORE_PATH": ":memory:"})
    return sum(1 for _ in run_batch(items, stages, lambda item, reason: None))


def timed(func, pages) -> float:
    start = time.perf_counter()
    func(pages)
    return time.perf_counter() - start


def parallel_rate(pages, workers: int) -> float:
    chunks = [pages[i::workers] for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(run_pipeline, [chunks[0][:5]] * workers))  # warm the workers up
        start = time.perf_counter()
        done = sum(pool.map(run_pipeline, chunks))
        return done / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    truth, raw = load_aeb()
    pages = [(truth[k]["url"], raw[k]) for k in sorted(raw)]
    # All three with trafilatura's fallback extractors on (its default and the pipeline's).
    contenders = {"trafilatura extract()": run_trafilatura,
                  "trafilatura + metadata": run_trafilatura_metadata, "newsindex pipeline": run_pipeline}
    run_pipeline(pages[:5])  # import and model loading out of the timings
    times: dict[str, list[float]] = {name: [] for name in contenders}
    for _ in range(args.rounds):
        for name, func in contenders.items():
            times[name].append(timed(func, pages))
    per_doc = {name: statistics.median(t) / len(pages) * 1000 for name, t in times.items()}
    base = per_doc["trafilatura extract()"]
    print(f"extraction, {len(pages)} AEB pages, median of {args.rounds} interleaved rounds, one process")
    for name, ms in per_doc.items():
        print(f"  {name:<24} {ms:7.1f} ms/doc  {1000 / ms:6.1f} docs/s  ratio {ms / base:.2f}")
    rates = {w: parallel_rate(pages, w) for w in (1, 2)}
    print(f"  pipeline throughput: 1 worker {rates[1]:.1f} docs/s, 2 workers {rates[2]:.1f} docs/s "
          f"(scaling {rates[2] / rates[1]:.2f}x on 2 cores)")
    write_result("extraction", {"ms_per_doc": per_doc, "ratio_vs_trafilatura": per_doc["newsindex pipeline"] / base,
                                "workers_docs_per_s": rates})


if __name__ == "__main__":
    main()
