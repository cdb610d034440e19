"""The writer at the end of the pipeline: bulk-index finished documents into the write alias.

Unchanged documents (same ``content_hash``) are not re-indexed; a changed one gets
``version`` + 1, and its previous text is kept in the history index. ``bulk_index`` is what
the CLI uses; ``ElasticsearchPipeline`` is the same writer as a Scrapy item pipeline.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from elasticsearch import Elasticsearch, helpers

from pipelines.base import Item, Stage

CHUNK_SIZE = 500
# Languages with a text_<code> field (index_config/component_mappings.json): the text is indexed
# a second time there with that language's analyzer, and kept out of _source.
ANALYZED_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "tr", "uk")


@dataclass
class IndexStats:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0

    @property
    def indexed(self) -> int:
        """Documents written (new or changed) less those Elasticsearch rejected."""
        return self.new + self.changed - self.failed

    def add(self, other: IndexStats) -> None:
        self.new, self.changed = self.new + other.new, self.changed + other.changed
        self.unchanged, self.failed = self.unchanged + other.unchanged, self.failed + other.failed


def to_action(doc: Item, index: str) -> dict:
    source = {k: v for k, v in doc.items() if k != "id" and not k.startswith("text_")}
    if source.get("language") in ANALYZED_LANGUAGES:
        source[f"text_{source['language']}"] = source.get("text")
    return {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": source}


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _versioned_actions(client: Elasticsearch, docs: Iterable[Item], index: str, lookup: str | None,
                       history: str | None, stats: IndexStats, pending: dict, size: int,
                       skip_unchanged: bool) -> Iterator[dict]:
    for chunk in _chunks(docs, size):
        # One article reached through two URLs (canonical + tracking variant) counts once: the last wins.
        chunk = list({doc["id"]: doc for doc in chunk}.values())
        existing = {}
        if lookup:
            found = client.mget(index=lookup, ids=[d["id"] for d in chunk], source_excludes=["text_*"])
            existing = {d["_id"]: d["_source"] for d in found["docs"] if d.get("found")}
        for doc in chunk:
            old = existing.get(doc["id"])
            if old is None:
                stats.new += 1
                doc = {**doc, "version": doc.get("version") or 1}
            elif old.get("content_hash") == doc.get("content_hash"):
                stats.unchanged += 1
                if skip_unchanged:
                    continue
                doc = {**doc, "version": old.get("version") or 1}
            else:
                stats.changed += 1
                previous = int(old.get("version") or 1)
                doc = {**doc, "version": previous + 1}
                if history:
                    yield to_action({**old, "id": f"{doc['id']}@v{previous}"}, history)
            pending[doc["id"]] = doc
            yield to_action(doc, index)


def bulk_index(client: Elasticsearch, index: str, docs: Iterable[Item], on_failure: Callable[[Item, str], None],
               chunk_size: int = CHUNK_SIZE, lookup: str | None = None, history: str | None = None,
               skip_unchanged: bool = True) -> IndexStats:
    """Index documents; per-document failures go to ``on_failure``.

    With ``lookup`` (an index or alias holding the current documents), unchanged ones are skipped and
    changed ones versioned, their previous text written to ``history``. ``skip_unchanged=False`` writes
    unchanged ones too, keeping their version (a re-index into a new index).
    """
    stats = IndexStats()
    pending: dict[str, Item] = {}
    actions = _versioned_actions(client, docs, index, lookup, history, stats, pending, chunk_size, skip_unchanged)
    # 429s are retried with backoff here; a node that stays unreachable raises (after the client's own
    # retries) instead of failing every remaining document one by one.
    for ok, info in helpers.streaming_bulk(client, actions, chunk_size=chunk_size, max_retries=5,
                                           initial_backoff=1, max_backoff=30, raise_on_error=False):
        result = next(iter(info.values()))
        doc = pending.pop(result.get("_id"), None)
        if not ok and doc is not None:
            error = result.get("error") or {}
            reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
            stats.failed += 1
            on_failure(doc, f"index: {reason}")
    return stats


class ElasticsearchPipeline(Stage):
    """Scrapy item pipeline: buffers documents and bulk-indexes them into the write alias."""

    name = "index"

    def __init__(self, client: Elasticsearch, index: str, lookup: str, history: str,
                 on_failure: Callable[[Item, str], None], chunk_size: int = CHUNK_SIZE, stats=None):
        self.client, self.index, self.lookup, self.history = client, index, lookup, history
        self.on_failure, self.chunk_size, self.crawl_stats = on_failure, chunk_size, stats
        self.buffer: list[Item] = []
        self.stats = IndexStats()

    @classmethod
    def from_crawler(cls, crawler) -> ElasticsearchPipeline:
        from newsindex.deadletter import DeadLetter
        from newsindex.es import connect, history_index, setup
        from newsindex.settings import load_settings

        settings = load_settings()
        client = connect(settings)
        setup(client, settings)
        dead = DeadLetter(settings.dead_letter)
        return cls(client, settings.write_alias, settings.alias, history_index(settings), dead.record_item,
                   crawler.settings.getint("NEWSINDEX_BULK_SIZE", CHUNK_SIZE), crawler.stats)

    def process(self, item: Item) -> Item:
        self.buffer.append(item)
        if len(self.buffer) >= self.chunk_size:
            self.flush()
        return item

    def flush(self) -> None:
        if not self.buffer:
            return
        batch = bulk_index(self.client, self.index, self.buffer, self.on_failure, self.chunk_size,
                           lookup=self.lookup, history=self.history)
        self.buffer = []
        self.stats.add(batch)
        if self.crawl_stats is not None:
            for key in ("new", "changed", "unchanged"):
                self.crawl_stats.inc_value(f"newsindex/{key}", getattr(batch, key))

    def close(self) -> None:
        self.flush()
