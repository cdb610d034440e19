"""The Elasticsearch writer under Scrapy: ``bulk_index`` in a thread of its own, fed by a bounded queue.

Why a thread, not an async pipeline on the async client: the writer is ``pipelines.index.bulk_index``, the
one ingest, re-index and the revision use (sync client, ``helpers.streaming_bulk``); an async twin would be a
second copy of the versioning, the history, the splitting of refused requests and the dead-lettering, to keep
in step with the first. A thread keeps one writer and takes all of it off the reactor: the bulk HTTP, the
helper's backoff sleeps (up to 30 s), the look-ups and the dead-letter writes (the thread holds no GIL while
it waits on the node).

A batch is written when ``NEWSINDEX_BULK_SIZE`` documents have queued or ``NEWSINDEX_FLUSH_SECONDS`` after
its first one, whichever comes first: a slow crawl's articles are searchable seconds after they are fetched.
The queue holds one batch more than the one being written; when it is full, ``process_item`` waits (the
reactor does not), Scrapy's scraper stops taking responses and the downloads slow to the writer's pace.
``close_spider`` (a crawl's end, or a SIGTERM's graceful stop) returns once everything queued is written.
A fatal error (no node reachable, every try answered with a 5xx) dead-letters the batch in hand and each
document after it, with the reason, and closes the spider: the crawl ends with that one line (exit 2).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from elasticsearch import ApiError, ConnectionTimeout, Elasticsearch
from elasticsearch import ConnectionError as ESConnectionError
from scrapy.exceptions import DropItem

from pipelines.base import Item, Stage
from pipelines.errors import NewsindexError
from pipelines.index import CHUNK_BYTES, CHUNK_SIZE, IndexStats, bulk_index

logger = logging.getLogger(__name__)

FLUSH_SECONDS = 2.0
_CLOSE = object()

# Sent (under Scrapy, on the reactor) after each batch is written, with ``items``: the documents of the
# batch now in Elasticsearch, as the pipeline returned them (those the node refused are not among them). The
# conditional-GET middleware keeps their validators (a refused one is fetched in full next time), the
# scale-out scheduler releases their leases.
batch_indexed = object()


@dataclass
class Batch:
    """What the writer thread hands back for one batch: its documents, their counts, the failures."""

    docs: list[Item]
    stats: IndexStats = field(default_factory=IndexStats)
    failures: list[tuple[Item, str]] = field(default_factory=list)
    error: str | None = None  # fatal: the batch (and everything after it) is dead-lettered with it


class IndexWriter:
    """``bulk_index`` in a daemon thread: ``put`` documents, ``close`` to write what is queued and stop.
    ``deliver(batch)`` is called in the writer thread after each batch (hand it to the caller's thread)."""

    def __init__(self, write: Callable[[list[Item], Callable[[Item, str], None]], IndexStats],
                 deliver: Callable[[Batch], None], chunk_size: int = CHUNK_SIZE,
                 flush_seconds: float = FLUSH_SECONDS, on_room: Callable[[], None] = lambda: None):
        self.write, self.deliver, self.on_room = write, deliver, on_room
        self.chunk_size, self.flush_seconds = chunk_size, flush_seconds
        self.queue: queue.Queue = queue.Queue(maxsize=chunk_size)
        self.error: str | None = None
        self.thread = threading.Thread(target=self._run, name="newsindex-writer", daemon=True)
        self.thread.start()

    def offer(self, doc: Item) -> bool:
        """Queue a document unless the queue is full (then the caller waits for ``on_room``)."""
        try:
            self.queue.put_nowait(doc)
            return True
        except queue.Full:
            return False

    def close(self) -> None:
        """Blocks until everything queued is written (call it off the reactor)."""
        if self.thread.is_alive():
            self.queue.put(_CLOSE)
            self.thread.join()

    def _next_batch(self) -> tuple[list[Item], bool]:
        """Documents up to the batch size or the flush time after the first; and whether close was asked."""
        first = self.queue.get()
        if first is _CLOSE:
            return [], True
        batch, deadline = [first], time.monotonic() + self.flush_seconds
        while len(batch) < self.chunk_size:
            try:
                doc = self.queue.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                break
            if doc is _CLOSE:
                return batch, True
            batch.append(doc)
        return batch, False

    def _run(self) -> None:
        closing = False
        while not closing:
            docs, closing = self._next_batch()
            self.on_room()
            if docs:
                self.deliver(self._write(docs))

    def _write(self, docs: list[Item]) -> Batch:
        batch = Batch(docs)
        if self.error is None:
            try:
                batch.stats = self.write(docs, lambda doc, reason: batch.failures.append((doc, reason)))
                return batch
            except (NewsindexError, ESConnectionError, ConnectionTimeout, ApiError) as exc:
                self.error = str(exc) if isinstance(exc, NewsindexError) else f"Elasticsearch: {exc}"
            except Exception as exc:  # a bug or a client failure: fatal as well, never a silent dead thread
                from pipelines.base import crash_digest
                from pipelines.errors import disk_full

                self.error = disk_full(exc) or f"the index writer failed: {crash_digest(exc)}"
                logger.exception("index writer")
        # Nothing of this batch is known to be written: every document is dead-lettered (a rerun or a replay
        # writes it; those that did land come back as unchanged).
        batch.error, batch.stats, batch.failures = self.error, IndexStats(), [(d, f"index: {self.error}")
                                                                              for d in docs]
        return batch


class ElasticsearchPipeline(Stage):
    """Scrapy item pipeline: queues documents for the writer thread (``IndexWriter``)."""

    name = "index"

    def __init__(self, client: Elasticsearch, index: str, lookup: str, history: str,
                 on_failure: Callable[[Item, str], None], chunk_size: int = CHUNK_SIZE, stats=None,
                 chunk_bytes: int = CHUNK_BYTES, flush_seconds: float = FLUSH_SECONDS):
        from twisted.internet import reactor

        self.client, self.index, self.lookup, self.history = client, index, lookup, history
        self.chunk_size, self.chunk_bytes, self.crawl_stats = chunk_size, chunk_bytes, stats
        self._on_failure = on_failure
        self.stats = IndexStats()
        self.crawler = None  # Scrapy's, when built by from_crawler
        self._waiting: list = []  # Deferreds of process_item calls waiting for room in the queue
        self._call = reactor.callFromThread
        self.writer = IndexWriter(self._write, lambda batch: self._call(self._written, batch), chunk_size,
                                  flush_seconds, on_room=lambda: self._call(self._wake))

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
                       crawler.settings.getint("NEWSINDEX_BULK_BYTES", CHUNK_BYTES),
                       crawler.settings.getfloat("NEWSINDEX_FLUSH_SECONDS", FLUSH_SECONDS))
        pipeline.crawler = crawler
        return pipeline

    def _write(self, docs: list[Item], on_failure: Callable[[Item, str], None]) -> IndexStats:
        """In the writer thread."""
        return bulk_index(self.client, self.index, docs, on_failure, self.chunk_size, lookup=self.lookup,
                          history=self.history, chunk_bytes=self.chunk_bytes)

    def on_failure(self, doc: Item, reason: str) -> None:
        """An index rejection: counted in the crawl's stats and kept in the dead-letter file, once."""
        if self.crawl_stats is not None:
            self.crawl_stats.inc_value("newsindex/failed")
        self._on_failure(doc, reason)

    async def process_item(self, item: Item, spider=None) -> Item:
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.defer import Deferred

        while True:
            if self.writer.error is not None:
                raise DropItem(f"{item.get('url') or item.get('source')}: index: {self.writer.error}")
            if self.writer.offer(item):
                return item  # the same object: batch_indexed's items are the scraped ones
            waiting: Deferred = Deferred()
            self._waiting.append(waiting)
            await maybe_deferred_to_future(waiting)

    def _wake(self) -> None:
        waiting, self._waiting = self._waiting, []
        for deferred in waiting:
            deferred.callback(None)

    def _written(self, batch: Batch) -> None:
        """On the reactor: the batch's failures recorded, its counts added, its documents announced."""
        for doc, reason in batch.failures:
            self.on_failure(doc, reason)
        self.stats.add(batch.stats)
        for line in batch.stats.collisions:
            logger.warning("%s", line)
        if self.crawl_stats is not None:
            for key in ("new", "changed", "unchanged", "recleaned", "moved"):
                self.crawl_stats.inc_value(f"newsindex/{key}", getattr(batch.stats, key))
            self.crawl_stats.inc_value("newsindex/skipped", batch.stats.duplicate)  # one article twice in a buffer
            self.crawl_stats.inc_value("newsindex/collisions", len(batch.stats.collisions))
        if self.crawler is not None:
            # By input, not id: a re-keyed copy fails under its own URL's id, not the one it came with.
            refused = {doc.get("source") for doc, _ in batch.failures}
            self.crawler.signals.send_catch_log(batch_indexed, items=[doc for doc in batch.docs
                                                                      if doc.get("source") not in refused])
            if batch.error and not self.crawl_stats.get_value("newsindex/index_error"):
                from scrapy.utils.defer import deferred_from_coro

                self.crawl_stats.set_value("newsindex/index_error", batch.error)
                self.crawler.spider.logger.error("index: %s", batch.error)
                deferred_from_coro(self.crawler.engine.close_spider_async(reason="index_unavailable"))
        self._wake()  # an item waiting for room meets the error now

    async def close_spider(self, spider=None) -> None:
        from scrapy.utils.defer import maybe_deferred_to_future
        from twisted.internet.threads import deferToThread

        await maybe_deferred_to_future(deferToThread(self.writer.close))
        self._wake()

    def close(self) -> None:
        self.writer.close()
