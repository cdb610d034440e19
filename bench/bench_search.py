"""Latency of faceted full-text queries on a synthetic 100k-document index on the local node,
and the indexing rate while building it.

Documents: paragraphs sampled from the article-extraction benchmark's human-made article
bodies (real news prose, ~180 articles) — each synthetic document takes 4–10 random paragraphs,
a random site out of 50, a language out of 8, 1–3 authors out of 400, 0–4 tags out of 200 and
a published date in 2015–2024. Queries: 2-word and 1-word queries from the same vocabulary,
each with the five facets, half with a filter.

    python bench/bench_search.py [--docs 100000] [--queries 300]
"""

from __future__ import annotations

import argparse
import random
import re
import statistics
import time
from datetime import datetime, timedelta, timezone

from common import connected, load_aeb, write_result
from elasticsearch import helpers

from newsindex.search import SearchRequest, build_query
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    settings = load_settings(alias="bench-search")
    client = connected(settings)
    index = create_index(client, settings, aliases=False)
    client.indices.put_settings(index=index, settings={"refresh_interval": "-1"})
    start = time.perf_counter()
    indexed = sum(ok for ok, _ in helpers.streaming_bulk(
        client, (to_action(d, index) for d in synthetic_docs(args.docs)), chunk_size=1000))
    client.indices.put_settings(index=index, settings={"refresh_interval": "1s"})
    client.indices.refresh(index=index)
    build = time.perf_counter() - start
    vocabulary = sorted({w for d in synthetic_docs(300, seed=2) for w in re.findall(r"[a-z]{5,}", d["text"])})
    rng = random.Random(3)
    latencies = {"took (server)": [], "round trip": []}
    for q in range(args.queries + 20):
        words = " ".join(rng.sample(vocabulary, 2 if q % 2 else 1))
        req = SearchRequest(words, lang=[rng.choice(LANGS)] if q % 4 == 0 else [],
                            since="2019-01-01" if q % 4 == 1 else None, size=10)
        t0 = time.perf_counter()
        resp = client.search(index=index, **build_query(req))
        if q >= 20:  # the first queries warm the caches
            latencies["round trip"].append((time.perf_counter() - t0) * 1000)
            latencies["took (server)"].append(resp["took"])
    print(f"synthetic index: {indexed} docs in {build:.0f}s = {indexed / build:.0f} docs/s "
          "(refresh off while building)")
    summary = {}
    for name, values in latencies.items():
        p50, p95 = statistics.median(values), statistics.quantiles(values, n=20)[18]
        summary[name] = {"p50_ms": p50, "p95_ms": p95}
        print(f"  faceted full-text query, {name:<14} p50 {p50:6.1f} ms   p95 {p95:6.1f} ms   ({len(values)} queries)")
    write_result("search", {"docs": indexed, "index_docs_per_s": indexed / build, "latency": summary})
    client.indices.delete(index=index)


if __name__ == "__main__":
    main()
