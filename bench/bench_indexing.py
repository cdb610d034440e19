"""A re-ingest through the project's indexer vs raw ``helpers.streaming_bulk`` of the same documents into
the same node, rounds interleaved, reported as a ratio.

Each round starts from the same index state: half of the --docs documents already there (written untimed),
and of those half changed since (so: a quarter unchanged, a quarter changed, half new). newsindex looks every
document up (one mget per chunk), skips the unchanged, versions the changed (their old text to the history
index) and writes the new; raw streaming_bulk writes every document as it comes. Both from the same list of
documents in memory; docs/s counts input documents. Every index and template the bench makes is deleted,
also on failure, and the seeds' quality figures and dead letters go to a scratch home (bench/common.py).

Documents: the seed articles run through the pipeline once, then copied with new ids and a shuffled
paragraph order (so no two bodies are identical) up to --docs.

    python bench/bench_indexing.py [--docs 20000] [--rounds 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

from common import ROOT, connected, scratch_home, write_result
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


def fresh_index(client, settings, name: str, existing: list[dict]) -> str:
    """A new index from the real template (pattern <alias>-v*) holding ``existing``, refreshed."""
    index = f"{settings.alias}-v1-bench-{name}"
    client.indices.delete(index=index, ignore_unavailable=True)
    client.indices.delete(index=f"{index}-history", ignore_unavailable=True)
    client.indices.create(index=index)
    for ok, item in helpers.streaming_bulk(client, (to_action(d, index) for d in existing), chunk_size=CHUNK_SIZE):
        assert ok, item
    client.indices.refresh(index=index)
    return index


def reingest_input(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    """(already indexed, the re-ingest's input): half exist, a quarter of all changed since."""
    half, quarter = len(docs) // 2, len(docs) // 4
    existing = docs[:half]
    changed = [{**d, "text": d["text"] + " (updated)", "content_hash": "changed-" + d["content_hash"]}
               for d in docs[quarter:half]]
    return existing, docs[:quarter] + changed + docs[half:]


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
    node = load_settings(alias="bench-indexing")
    with scratch_home(node) as home, connected(node) as client:  # what it makes is deleted, also on failure
        settings = load_settings(alias="bench-indexing", home=home, store_path=":memory:")
        docs = make_documents(settings, args.docs)
        existing, batch = reingest_input(docs)
        rates: dict[str, list[float]] = {"newsindex bulk_index": [], "raw streaming_bulk": []}
        for _ in range(args.rounds):
            for name, func in (("newsindex bulk_index", run_ours), ("raw streaming_bulk", run_raw)):
                index = fresh_index(client, settings, name.split()[0], existing)
                start = time.perf_counter()
                func(client, index, batch)
                client.indices.refresh(index=index)
                elapsed = time.perf_counter() - start
                assert client.count(index=index)["count"] == len(docs), name  # nothing lost either way
                rates[name].append(len(batch) / elapsed)
                client.indices.delete(index=[index, f"{index}-history"], ignore_unavailable=True)
    median = {name: statistics.median(r) for name, r in rates.items()}
    ratio = median["newsindex bulk_index"] / median["raw streaming_bulk"]
    print(f"re-ingest of {len(batch)} docs (a quarter unchanged, a quarter changed, half new), median of "
          f"{args.rounds} interleaved rounds, node {settings.url}")
    for name, rate in median.items():
        print(f"  {name:<22} {rate:8.0f} docs/s")
    print(f"  ratio {ratio:.2f} (target ≥ 0.95)")
    write_result("indexing", {"docs": len(batch), "mix": "1/4 unchanged, 1/4 changed, 1/2 new",
                              "docs_per_s": median, "ratio": ratio})


if __name__ == "__main__":
    main()
