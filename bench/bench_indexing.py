"""Bulk indexing through the project's indexer vs raw ``helpers.streaming_bulk`` of the same
documents into the same node, rounds interleaved, reported as a ratio.

Documents: the seed articles run through the pipeline once, then copied with new ids and a
shuffled paragraph order (so no two bodies are identical) up to --docs.

    python bench/bench_indexing.py [--docs 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from common import ROOT, connected, write_result
from elasticsearch import helpers

from newsindex.ingest import Summary, documents
from pipelines.config import load_settings
from pipelines.deadletter import DeadLetter
from pipelines.index import CHUNK_SIZE, bulk_index, to_action


def make_documents(settings, count: int) -> list[dict]:
    seeds = list(documents(settings, [str(ROOT / "seeds")], DeadLetter(settings.home / "bench-dead.jsonl"),
                           Summary()))
    rng = random.Random(0)
    docs = []
    for i in range(count):
        base = dict(seeds[i % len(seeds)])
        paragraphs = list(base["paragraphs"])
        rng.shuffle(paragraphs)
        docs.append({**base, "id": f"bench-{i:07d}", "paragraphs": paragraphs, "text": "\n\n".join(paragraphs)})
    return docs


def fresh_index(client, settings, name: str) -> str:
    index = f"{settings.alias}-v1-bench-{name}"
    client.indices.delete(index=index, ignore_unavailable=True)
    client.indices.create(index=index)  # same template as the real index (pattern <alias>-v*)
    return index


def run_ours(client, index, docs) -> int:
    # As `newsindex ingest` runs it: content-hash lookup (one mget per chunk) and versioning included.
    return bulk_index(client, index, docs, on_failure=lambda doc, reason: None, lookup=index,
                      history=f"{index}-history").indexed


def run_raw(client, index, docs) -> int:
    return sum(ok for ok, _ in helpers.streaming_bulk(client, (to_action(d, index) for d in docs),
                                                        chunk_size=CHUNK_SIZE))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings(store_path=":memory:")
    client = connected(settings)
    docs = make_documents(settings, args.docs)
    rates: dict[str, list[float]] = {"newsindex bulk_index": [], "raw streaming_bulk": []}
    for _ in range(args.rounds):
        for name, func in (("newsindex bulk_index", run_ours), ("raw streaming_bulk", run_raw)):
            index = fresh_index(client, settings, name.split()[0])
            start = time.perf_counter()
            done = func(client, index, docs)
            client.indices.refresh(index=index)
            elapsed = time.perf_counter() - start
            assert done == len(docs) == client.count(index=index)["count"], (name, done)
            rates[name].append(done / elapsed)
            client.indices.delete(index=index)
    median = {name: statistics.median(r) for name, r in rates.items()}
    ratio = median["newsindex bulk_index"] / median["raw streaming_bulk"]
    print(f"bulk indexing, {args.docs} docs, median of {args.rounds} interleaved rounds, node {settings.url}")
    for name, rate in median.items():
        print(f"  {name:<22} {rate:8.0f} docs/s")
    print(f"  ratio {ratio:.2f} (target ≥ 0.9)")
    write_result("indexing", {"docs": args.docs, "docs_per_s": median, "ratio": ratio})


if __name__ == "__main__":
    main()
