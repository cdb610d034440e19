"""The writer at the end of the pipeline: bulk-index finished documents into the write alias.

Unchanged documents (same ``content_hash``) are not re-indexed; a changed one gets
``version`` + 1, and its previous text is kept in the history index. A document whose article is the same
(same ``article_hash``: the text before the site's template and recurring lines were taken out) but whose
cleaning changed — its site's template was learned further — is *re-cleaned*: updated in place, same
version, nothing in history (the reader's article did not change). ``bulk_index`` is what
the CLI uses; ``ElasticsearchPipeline`` is the same writer as a Scrapy item pipeline.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from elasticsearch import ApiError, Elasticsearch

from pipelines.base import Item, Stage
from pipelines.errors import NewsindexError
from pipelines.identity import host_of, own_id, own_url

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# Requests stay well below the node's http.max_content_length (100 MB) and its circuit breakers.
CHUNK_BYTES = 10 * 1024 * 1024
# Languages with text_<code>, title_<code> and description_<code> fields (index_config/component_mappings.json):
# the text, title and description are indexed a second time there with that language's analyzer, and kept out
# of _source.
ANALYZED_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "tr", "uk")
ANALYZED_FIELDS = ("text", "title", "description")


@dataclass
class IndexStats:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicate: int = 0  # the same id twice in one request chunk: the last one is written
    moved: int = 0  # copies written earlier under their original's id, moved to their own when it came
    collisions: list[str] = field(default_factory=list)  # one line each: whose id a copy could not take
    recleaned: int = 0  # the same article, cleaned differently: updated in place, same version

    @property
    def indexed(self) -> int:
        """Documents written (new, changed or re-cleaned) less those Elasticsearch rejected."""
        return self.new + self.changed + self.recleaned - self.failed

    def add(self, other: IndexStats) -> None:
        self.new, self.changed = self.new + other.new, self.changed + other.changed
        self.recleaned += other.recleaned
        self.unchanged, self.failed = self.unchanged + other.unchanged, self.failed + other.failed
        self.duplicate += other.duplicate
        self.moved += other.moved
        self.collisions += other.collisions


def to_action(doc: Item, index: str) -> dict:
    source = {k: v for k, v in doc.items() if k != "id" and not k.startswith(tuple(f"{f}_" for f in ANALYZED_FIELDS))}
    if source.get("language") in ANALYZED_LANGUAGES:
        for name in ANALYZED_FIELDS:
            if source.get(name):
                source[f"{name}_{source['language']}"] = source[name]
    return {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": source}


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _origin(doc: Item) -> str:
    """Which input a document came from: its own URL, canonicalised (a1?utm_source=rss is a1), else its file."""
    return own_url(doc.get("fetched_url") or doc.get("source")) or doc.get("source") or ""


def _rekeyed(doc: Item) -> Item:
    """A copy under its own id and URL (the original holds the canonical's), in the same story."""
    url = own_url(doc.get("fetched_url") or doc.get("source")) or doc.get("url")
    return {**doc, "id": own_id(doc.get("source") or "", doc.get("fetched_url")), "url": url,
            "site": host_of(url) or doc.get("site"), "cluster_id": doc.get("cluster_id") or doc["id"]}


def _settle(docs: list[Item], existing: dict, stats: IndexStats) -> tuple[list[Item], list[Item], list[Item]]:
    """Claims on one id by different inputs (this chunk's, and the indexed document's): the original
    (``pipelines.identity.is_original``) keeps the id whichever came first. Returns the documents to write
    under their id, the copies re-keyed to their own (looked up again), and indexed copies the original
    displaces (to be moved)."""
    by_id: dict[str, list[Item]] = {}
    for doc in docs:
        by_id.setdefault(doc["id"], []).append(doc)
    keep, rekey, displaced = [], [], []
    for doc_id, claims in by_id.items():
        last_of = {}
        for doc in claims:  # one input twice in a chunk: the last is written, the rest counted as duplicates
            last_of[_origin(doc)] = doc
        stats.duplicate += len(claims) - len(last_of)
        claims = list(last_of.values())
        old = existing.get(doc_id)
        if old is not None and "original" not in old:  # indexed before claims were recorded: one of these inputs
            old = {**old, "fetched_url": _origin(claims[0]), "original": bool(claims[0].get("original"))}
        holder = next((d for d in claims if d.get("original")), None)
        if holder is None and old is not None and any(_origin(old) == _origin(d) for d in claims):
            holder = next(d for d in claims if _origin(old) == _origin(d))
        if holder is None and old is not None and old.get("original"):
            holder = old
        holder = holder or (old if old is not None else claims[0])
        if old is not None and holder is not old and _origin(old) != _origin(holder) and not old.get("original"):
            if old.get("content_hash") == holder.get("content_hash") and not holder.get("original"):
                holder = old  # the same article from another copy: it stays as it was
            else:
                displaced.append({**old, "id": doc_id})
                existing.pop(doc_id)
        for doc in claims:
            if doc is holder:
                keep.append(doc)
            elif old is not None and holder is old and doc.get("content_hash") == old.get("content_hash") \
                    and not doc.get("original") and not old.get("original"):
                stats.unchanged += 1  # two copies of one text: as good as the one indexed
            else:
                stats.collisions.append(f"{_origin(doc)}: canonical {doc.get('url')} is the id of "
                                        f"{_origin(holder)}: kept under its own URL")
                rekey.append(_rekeyed(doc))
    return keep, rekey, displaced


def _versioned_actions(client: Elasticsearch, docs: Iterable[Item], index: str, lookup: str | None,
                       history: str | None, stats: IndexStats, pending: dict, size: int,
                       skip_unchanged: bool) -> Iterator[dict]:
    for chunk in _chunks(docs, size):
        yield from _chunk_actions(client, chunk, index, lookup, history, stats, pending, skip_unchanged)


def _chunk_actions(client: Elasticsearch, chunk: list[Item], index: str, lookup: str | None, history: str | None,
                   stats: IndexStats, pending: dict, skip_unchanged: bool, settled: bool = False) -> Iterator[dict]:
    # Two light lookups instead of one heavy one: hashes and versions of all, then whole documents only
    # for those that changed (their old text goes to the history index).
    existing = _lookup(client, lookup, [d["id"] for d in chunk], LOOKUP_FIELDS) if lookup else {}
    if not settled:
        chunk, rekey, displaced = _settle(chunk, existing, stats)
        if displaced:  # written earlier under their original's id: moved whole to their own
            full = _lookup(client, lookup, [d["id"] for d in displaced])
            for old_id, doc in full.items():
                moved = _rekeyed({"id": old_id, **doc})
                stats.moved += 1
                stats.collisions.append(f"{_origin(moved)}: the original of {doc.get('url')} came: this copy "
                                        f"moves to its own URL {moved['url']}")
                yield to_action(moved, index)
        if rekey:
            yield from _chunk_actions(client, rekey, index, lookup, history, stats, pending, skip_unchanged,
                                      settled=True)
    else:
        unique = list({doc["id"]: doc for doc in chunk}.values())
        stats.duplicate += len(chunk) - len(unique)
        chunk = unique
    changed = [d["id"] for d in chunk if d["id"] in existing
               and existing[d["id"]].get("content_hash") != d.get("content_hash")
               and not _recleaned(existing[d["id"]], d)]
    if history and changed:
        existing.update(_lookup(client, lookup, changed))
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
        elif _recleaned(old, doc):
            stats.recleaned += 1
            doc = {**doc, "version": old.get("version") or 1}
        else:
            stats.changed += 1
            previous = int(old.get("version") or 1)
            doc = {**doc, "version": previous + 1}
            if history:
                yield to_action({**old, "id": f"{doc['id']}@v{previous}"}, history)
        pending[doc["id"]] = doc
        yield to_action(doc, index)


LOOKUP_FIELDS = ["content_hash", "article_hash", "version", "source", "fetched_url", "original", "url"]


def _recleaned(old: Item, doc: Item) -> bool:
    """The same article as before, only cleaned differently (see the module's docstring)."""
    return bool(old.get("article_hash")) and old.get("article_hash") == doc.get("article_hash")


def _lookup(client: Elasticsearch, lookup: str, ids: list[str], fields: list[str] | None = None,
            retries: int = 5, backoff: float = 1.0) -> dict:
    """The current documents for these ids. A shard that is moving (a node was lost, its replica is being
    promoted) answers with an error for its documents: asked again, never taken for "not there" (which
    would reset their version)."""
    existing: dict = {}
    for attempt in range(retries + 1):
        source = {"source_includes": fields} if fields else {"source_excludes": ["text_*"]}
        found = client.mget(index=lookup, ids=ids, **source)
        existing.update({d["_id"]: d["_source"] for d in found["docs"] if d.get("found")})
        ids = [d["_id"] for d in found["docs"] if "error" in d]
        if not ids:
            return existing
        if attempt < retries:
            time.sleep(min(backoff * 2 ** attempt, 30))
    raise NewsindexError(f"Elasticsearch could not look up {len(ids)} documents (their shards are unavailable); "
                         "check `newsindex es status` and run again")


# Per-document errors a cluster gives while a primary moves or a node leaves: the same document succeeds
# once the replica is promoted, so it is sent again (with backoff) instead of failed.
TRANSIENT_STATUSES = (429, 503)
TRANSIENT_TYPES = ("node_closed_exception", "node_disconnected_exception", "node_not_connected_exception",
                   "connect_transport_exception", "primary_missing_action_exception",
                   "shard_not_in_primary_mode_exception", "no_shard_available_action_exception",
                   "unavailable_shards_exception", "retry_on_primary_exception")


def _transient(result: dict) -> bool:
    error = result.get("error")
    if result.get("status") in TRANSIENT_STATUSES:
        return True
    text = json.dumps(error) if error else ""
    return any(kind in text for kind in TRANSIENT_TYPES)


def _encode(action: dict) -> list[bytes]:
    header = {action["_op_type"]: {"_index": action["_index"], "_id": action["_id"]}}
    return [json.dumps(header).encode(), json.dumps(action["_source"], ensure_ascii=False).encode("utf-8", "replace")]


def _request_chunks(actions: Iterable[dict], max_docs: int, max_bytes: int) -> Iterator[list[tuple[dict, list]]]:
    """Chunks bounded by count and by bytes: a large document goes with fewer others, or alone."""
    chunk: list[tuple[dict, list]] = []
    size = 0
    for action in actions:
        lines = _encode(action)
        length = sum(len(line) + 1 for line in lines)
        if chunk and (len(chunk) >= max_docs or size + length > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append((action, lines))
        size += length
    if chunk:
        yield chunk


def _error_reason(error) -> str:
    if isinstance(error, dict):
        reason = error.get("reason") or error.get("type") or str(error)
        cause = (error.get("caused_by") or {}).get("reason")
        return f"{reason} ({cause})" if cause and cause not in reason else reason
    return str(error)


def _indexing_pressure(error) -> bool:
    """A 429 from the node's indexing-pressure limit (``max_primary_bytes``): for a document sent alone and
    refused twice, no retry succeeds (only a larger heap would), so it fails at once with that reason."""
    return bool(error) and "max_primary_bytes" in _error_reason(error)


class BulkSender:
    """Send chunks; a request the node refuses as too large (413, or 429 "too much data") is split in
    halves and retried, so one huge document fails alone and the rest land; per-document 429s (busy
    write queues) and the errors of a cluster losing a node (503, primary moving) are retried with
    backoff, as is a whole request refused with 503 (no master for a moment). Bulk writes wait for the
    primary only (``wait_for_active_shards=1``): replicas catch up when reassigned, and a lost node does
    not block writes. Connection loss to every node is raised: the caller stops the run."""

    def __init__(self, client: Elasticsearch, on_result: Callable[[dict, str | None], None],
                 retries: int = 5, backoff: float = 1.0):
        self.client, self.on_result, self.retries, self.backoff = client, on_result, retries, backoff

    def send(self, chunk: list[tuple[dict, list]], attempt: int = 0) -> None:
        try:
            response = self.client.bulk(operations=[line for _, lines in chunk for line in lines],
                                        wait_for_active_shards="1", timeout="60s")
        except ApiError as exc:
            if exc.meta.status == 503 and attempt < self.retries:
                time.sleep(min(self.backoff * 2 ** attempt, 30))
                return self.send(chunk, attempt + 1)
            if exc.meta.status not in (413, 429):
                raise
            if len(chunk) > 1:
                half = len(chunk) // 2
                self.send(chunk[:half])
                self.send(chunk[half:])
            elif exc.meta.status == 429 and attempt < self.retries:
                time.sleep(min(self.backoff * 2 ** attempt, 30))
                self.send(chunk, attempt + 1)
            else:
                size = sum(len(line) for line in chunk[0][1]) / 1e6
                body = exc.body.get("error", exc.body) if isinstance(exc.body, dict) else exc.body
                self.on_result(chunk[0][0], f"the node refused a {size:.1f} MB document on its own "
                                            f"(HTTP {exc.meta.status}: {_error_reason(body)})")
            return
        busy = []
        for (action, lines), item in zip(chunk, response["items"], strict=True):
            result = next(iter(item.values()))
            lone_and_too_big = len(chunk) == 1 and attempt >= 1 and _indexing_pressure(result.get("error"))
            if "error" in result and _transient(result) and attempt < self.retries and not lone_and_too_big:
                busy.append((action, lines))
            elif "error" in result:
                self.on_result(action, _error_reason(result["error"]))
            else:
                self.on_result(action, None)
        if busy:
            time.sleep(min(self.backoff * 2 ** attempt, 30))
            self.send(busy, attempt + 1)


def bulk_index(client: Elasticsearch, index: str, docs: Iterable[Item], on_failure: Callable[[Item, str], None],
               chunk_size: int = CHUNK_SIZE, lookup: str | None = None, history: str | None = None,
               skip_unchanged: bool = True, chunk_bytes: int = CHUNK_BYTES) -> IndexStats:
    """Index documents; per-document failures go to ``on_failure``.

    With ``lookup`` (an index or alias holding the current documents), unchanged ones are skipped and
    changed ones versioned, their previous text written to ``history``. ``skip_unchanged=False`` writes
    unchanged ones too, keeping their version (a re-index into a new index). Requests hold at most
    ``chunk_size`` documents and ``chunk_bytes`` bytes.
    """
    stats = IndexStats()
    pending: dict[str, Item] = {}

    def on_result(action: dict, error: str | None) -> None:
        doc = pending.pop(action["_id"], None)
        if error and doc is not None:
            stats.failed += 1
            on_failure(doc, f"index: {error}")

    actions = _versioned_actions(client, docs, index, lookup, history, stats, pending, chunk_size, skip_unchanged)
    sender = BulkSender(client, on_result)
    for chunk in _request_chunks(actions, chunk_size, chunk_bytes):
        sender.send(chunk)
    return stats


# Sent (under Scrapy) after every bulk write of the item pipeline's buffer: the items scraped before it are
# in Elasticsearch now (or in the dead-letter file). The scale-out scheduler releases their leases on it.
batch_indexed = object()


class ElasticsearchPipeline(Stage):
    """Scrapy item pipeline: buffers documents and bulk-indexes them into the write alias."""

    name = "index"

    def __init__(self, client: Elasticsearch, index: str, lookup: str, history: str,
                 on_failure: Callable[[Item, str], None], chunk_size: int = CHUNK_SIZE, stats=None,
                 chunk_bytes: int = CHUNK_BYTES):
        self.client, self.index, self.lookup, self.history = client, index, lookup, history
        self.chunk_size, self.chunk_bytes, self.crawl_stats = chunk_size, chunk_bytes, stats
        self._on_failure = on_failure
        self.buffer: list[Item] = []
        self.stats = IndexStats()
        self.signals = None  # Scrapy's, when built by from_crawler

    @classmethod
    def from_crawler(cls, crawler) -> ElasticsearchPipeline:
        from pipelines.deadletter import DeadLetter
        from pipelines.elastic import connect, setup

        settings = crawler.settings["NEWSINDEX"]
        client = connect(settings)
        setup(client, settings)
        dead = DeadLetter(crawler.settings["NEWSINDEX_DEAD_LETTER"])
        pipeline = cls(client, settings.write_alias, settings.alias, settings.history_alias, dead.record_item,
                       crawler.settings.getint("NEWSINDEX_BULK_SIZE", CHUNK_SIZE), crawler.stats,
                       crawler.settings.getint("NEWSINDEX_BULK_BYTES", CHUNK_BYTES))
        pipeline.signals = crawler.signals
        return pipeline

    def on_failure(self, doc: Item, reason: str) -> None:
        """An index rejection: counted in the crawl's stats and kept in the dead-letter file, once."""
        if self.crawl_stats is not None:
            self.crawl_stats.inc_value("newsindex/failed")
        self._on_failure(doc, reason)

    def process(self, item: Item) -> Item:
        self.buffer.append(item)
        if len(self.buffer) >= self.chunk_size:
            self.flush()
        return item

    def flush(self) -> None:
        if not self.buffer:
            return
        batch = bulk_index(self.client, self.index, self.buffer, self.on_failure, self.chunk_size,
                           lookup=self.lookup, history=self.history, chunk_bytes=self.chunk_bytes)
        self.buffer = []
        for line in batch.collisions:
            logger.warning("%s", line)
        self.stats.add(batch)
        if self.signals is not None:
            self.signals.send_catch_log(batch_indexed)
        if self.crawl_stats is not None:
            for key in ("new", "changed", "unchanged", "recleaned", "moved"):
                self.crawl_stats.inc_value(f"newsindex/{key}", getattr(batch, key))
            self.crawl_stats.inc_value("newsindex/collisions", len(batch.collisions))

    def close(self) -> None:
        self.flush()
