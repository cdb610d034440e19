"""Latency of the CLI's search (full text + five facets + story collapse + highlights) on a synthetic index
on the local node, next to a baseline in the same run — the same queries without facets, collapse and
highlights — at growing sizes (default 10k, 100k, 300k: one index grown in steps), and the indexing rate.
The two kinds alternate query by query, so machine noise falls on both alike; each size is measured once the
node has no merge running (the bulk build leaves background merges that would compete for the cores). The
index and the templates it made are deleted at the end, also on failure (bench/common.py).

With --previous, two more kinds: the same search highlighting as before issue #23 (with the search's whole
query, and all eight language fields of the text whatever the language filter), and the same search with
each story's copies through ``collapse.inner_hits`` (one search per hit) instead of one follow-up request —
the changes' before and after on the same index in the same run. Each query's kinds run in a rotating order;
a search's time includes its follow-up request for the copies.

Documents: paragraphs sampled from the article-extraction benchmark's human-made article
bodies (real news prose, ~180 articles) — each synthetic document takes 4–10 random paragraphs,
a random site out of 50, a language out of 8, 1–3 authors out of 400, 0–4 tags out of 200 and
a published date in 2015–2024. Queries: 2-word and 1-word queries from the same vocabulary,
each with the five facets, half with a filter.

Each size is measured --repeats times (default 3), each time once merges have settled; the figures are the
repeats' median, with the spread of the p95 (min–max). With --cluster, the same on a 3-node loopback cluster of
the bench's own (3 shards, 1 replica), removed at the end.

    python bench/bench_search.py [--sizes 10000,100000,300000] [--queries 300] [--repeats 3] [--previous]
                                 [--cluster]
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import dataclasses
import itertools
import os
import random
import re
import statistics
import time
from datetime import datetime, timedelta, timezone

from common import bench_cluster, connected, load_aeb, settle, write_result
from elasticsearch import helpers

from newsindex.search import (
    COPIES_LISTED,
    LANGUAGES,
    REPRESENTATIVE_ORDER,
    RETURNED_FIELDS,
    SearchRequest,
    attach_copies,
    build_query,
)
from pipelines.config import load_settings
from pipelines.elastic import create_index
from pipelines.index import to_action

LANGS = ["en", "ru", "de", "fr", "es", "it", "tr", "uk"]


def synthetic_docs(count: int, seed: int = 1):
    truth, _ = load_aeb()
    paragraphs = [p.strip() for t in truth.values() for p in t["text"].split("\n") if len(p.split()) >= 8]
    rng = random.Random(seed)
    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    for i in range(count):
        body = rng.sample(paragraphs, rng.randint(4, 10))
        yield {"id": f"syn-{i:07d}", "source": f"synthetic/{i}", "url": f"https://site{i % 50}.example/{i}",
               "site": f"site{rng.randrange(50)}.example", "title": body[0][:90], "author":
               [f"Author {rng.randrange(400)}" for _ in range(rng.randint(1, 3))],
               "published": (start + timedelta(minutes=rng.randrange(10 * 365 * 24 * 60))).isoformat(),
               "language": rng.choice(LANGS), "tags": [f"tag{rng.randrange(200)}" for _ in range(rng.randint(0, 4))],
               "paragraphs": body, "text": "\n\n".join(body), "content_hash": f"{i:064x}",
               "cluster_id": f"syn-{i - i % 7 if rng.random() < 0.1 else i:07d}", "version": 1}


def baseline(body: dict) -> dict:
    """The same query without facets, collapse and highlights."""
    return {k: v for k, v in body.items() if k not in ("aggs", "collapse", "highlight")}


def previous_highlight(body: dict) -> dict:
    """The same search highlighting as before issue #23: with the search's whole query (no highlight_query of
    each field's own) and all eight language fields of the text whatever the --lang filter."""
    body = copy.deepcopy(body)
    for name, spec in body["highlight"]["fields"].items():
        spec.pop("highlight_query", None)
        spec["matched_fields"] = [name, *(f"{name}_{lang}" for lang in LANGUAGES)]
    return body


def inner_hits_copies(body: dict) -> dict:
    """The same search with each story's copies through ``collapse.inner_hits`` (one search per hit), as before
    they came in one follow-up request (``newsindex.search.attach_copies``)."""
    body = copy.deepcopy(body)
    if "collapse" in body:
        body["collapse"]["inner_hits"] = {"name": "copies", "size": COPIES_LISTED, "sort": REPRESENTATIVE_ORDER,
                                          "_source": RETURNED_FIELDS}
    return body


PROGRESS_EVERY = 100_000  # documents between two lines of the build's progress
SEARCH = "search (facets, collapse, highlight)"
PREVIOUS = "search, highlight before #23"
INNER_HITS = "search, copies by inner_hits"
# The kinds whose copies come in the follow-up request, as the CLI's search makes it (timed with it).
WITH_COPIES = (SEARCH, PREVIOUS)


def measure(client, index: str, queries: list[SearchRequest], kinds: dict) -> dict:
    latencies: dict[str, dict[str, list[float]]] = {kind: {"took": [], "round_trip": []} for kind in kinds}
    for number, req in enumerate(queries):
        body = build_query(req)
        order = list(kinds.items())
        order = order[number % len(order):] + order[:number % len(order)]
        for kind, shape in order:
            request = shape(body)
            t0 = time.perf_counter()
            resp = client.search(index=index, **request)
            took = resp["took"] + (attach_copies(client, index, request, resp) if kind in WITH_COPIES else 0)
            if number >= 20:  # the first queries warm the caches
                latencies[kind]["round_trip"].append((time.perf_counter() - t0) * 1000)
                latencies[kind]["took"].append(took)
    summary = {}
    for kind, values in latencies.items():
        summary[kind] = {name: {"p50_ms": statistics.median(v), "p95_ms": statistics.quantiles(v, n=20)[18]}
                         for name, v in values.items()}
    return summary


def repeated(runs: list[dict]) -> tuple[dict, dict]:
    """(the median of the repeats' figures, their spread {min, median, max}) per kind, metric and quantile."""
    spread: dict = {}
    for kind, metrics in runs[0].items():
        for metric, quantiles in metrics.items():
            for quantile in quantiles:
                values = [run[kind][metric][quantile] for run in runs]
                spread.setdefault(kind, {}).setdefault(metric, {})[quantile] = {
                    "min": min(values), "median": statistics.median(values), "max": max(values)}
    median = {kind: {metric: {quantile: figures["median"] for quantile, figures in quantiles.items()}
                     for metric, quantiles in metrics.items()} for kind, metrics in spread.items()}
    return median, spread


def build_and_measure(client, settings, sizes: list[int], queries: list[SearchRequest], kinds: dict,
                      repeats: int = 1) -> tuple[list, float]:
    """One index grown to each size in turn, measured at each; (results, indexing rate)."""
    index = create_index(client, settings, aliases=False)
    results = []
    client.indices.put_settings(index=index, settings={"refresh_interval": "-1"})
    docs = synthetic_docs(max(sizes))
    indexed, build = 0, 0.0
    for size in sizes:
        start = time.perf_counter()
        for ok, _ in helpers.streaming_bulk(
                client, (to_action(d, index) for d in itertools.islice(docs, size - indexed)), chunk_size=1000):
            indexed += ok
            if indexed % PROGRESS_EVERY == 0:
                print(f"  building: {indexed:,} docs ({indexed / (build + time.perf_counter() - start):.0f} docs/s)",
                      flush=True)
        client.indices.refresh(index=index)
        build += time.perf_counter() - start
        runs = []
        for number in range(repeats):  # each repeat on a settled node, its load recorded
            settle(client, index)
            runs.append(measure(client, index, queries, kinds))
            print(f"  {indexed} docs: repeat {number + 1}/{repeats} done (load {os.getloadavg()[0]:.1f})", flush=True)
        latency, spread = repeated(runs)
        results.append({"docs": indexed, "latency": latency, "spread": spread, "repeats": repeats,
                        "load": os.getloadavg()[0]})
        print(f"{indexed:>7} docs (built at {indexed / build:.0f} docs/s, refresh off while building; "
              f"median of {repeats} repeats):")
        for kind, figures in latency.items():
            took, trip = figures["took"], figures["round_trip"]
            p95 = spread[kind]["round_trip"]["p95_ms"]
            print(f"  {kind:<37} took p50 {took['p50_ms']:5.1f} p95 {took['p95_ms']:5.1f} ms | round trip "
                  f"p50 {trip['p50_ms']:5.1f} p95 {trip['p95_ms']:5.1f} ms (p95 {p95['min']:.1f}–{p95['max']:.1f})",
                  flush=True)
        for other in (PREVIOUS, INNER_HITS):
            if other in latency:
                now, before = latency[SEARCH]["round_trip"], latency[other]["round_trip"]
                print(f"  {SEARCH} / {other}: round trip p50 {now['p50_ms'] / before['p50_ms']:.2f}, "
                      f"p95 {now['p95_ms'] / before['p95_ms']:.2f}", flush=True)
    return results, indexed / build


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000,300000")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument("--repeats", type=int, default=3, help="measurements of each size (median and spread)")
    parser.add_argument("--previous", action="store_true", help="also the search highlighting as before #23")
    parser.add_argument("--cluster", action="store_true",
                        help="on a 3-node loopback cluster of its own (3 shards, 1 replica), started and removed "
                             "by the bench: bench/results/search-cluster.json")
    args = parser.parse_args()
    kinds = {SEARCH: lambda body: body, **({PREVIOUS: previous_highlight, INNER_HITS: inner_hits_copies}
                                           if args.previous else {}), "baseline": baseline}
    with contextlib.ExitStack() as stack:
        if args.cluster:
            cluster, _ = stack.enter_context(bench_cluster())
            settings = dataclasses.replace(cluster, alias="bench-search")
        else:
            settings = load_settings(alias="bench-search")
        run(args, settings, kinds)


def run(args, settings, kinds: dict) -> None:
    began = time.monotonic()
    sizes = [int(x) for x in args.sizes.split(",")]
    vocabulary = sorted({w for d in synthetic_docs(300, seed=2) for w in re.findall(r"[a-z]{5,}", d["text"])})
    rng = random.Random(3)
    queries = [SearchRequest(" ".join(rng.sample(vocabulary, 2 if q % 2 else 1)),
                             lang=[rng.choice(LANGS)] if q % 4 == 0 else [],
                             since="2019-01-01" if q % 4 == 1 else None, size=10)
               for q in range(args.queries + 20)]
    with connected(settings) as client:  # the index and templates it makes are deleted, also on failure
        nodes = len(client.nodes.info(metric="jvm")["nodes"])
        results, rate = build_and_measure(client, settings, sizes, queries, kinds, max(1, args.repeats))
    topology = {"nodes": nodes, "shards": settings.shards, "replicas": settings.replicas, "heap": settings.es_heap}
    write_result("search-cluster" if args.cluster else "search",
                 {"queries": args.queries, "repeats": max(1, args.repeats), "index_docs_per_s": rate,
                  "topology": topology, "results": results, "elapsed_s": time.monotonic() - began,
                  "load_after": os.getloadavg()[0]})


if __name__ == "__main__":
    main()
