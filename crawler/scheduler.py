"""Scale-out scheduler: scrapy-redis's shared queue, with a lease on every request a worker takes.

scrapy-redis pops a request from Redis and forgets it: if the worker dies before the page is indexed, the
page is lost for the run (and the dupefilter keeps anyone else from fetching it). Here the popped request is
also written to the worker's lease hash; it leaves the hash once its response is handled: a non-article page
parsed, an article's item dropped, or its item written by the next bulk write after it was scraped (the
item pipeline buffers items: "scraped" is not yet "indexed"). A worker proves it is alive with a key that expires a few
seconds after its last heartbeat; another worker that finds leases of a worker without one puts those
requests back in the queue (past the dupefilter) and fetches them. A request may so be fetched twice, never
lost; its article is indexed once (one id per article).
"""

from __future__ import annotations

import itertools
import os
import uuid

from scrapy import signals
from scrapy_redis.scheduler import Scheduler

from pipelines.index import batch_indexed

HEARTBEAT_SECONDS = 1.0
ALIVE_SECONDS = 5  # a worker silent this long is taken for dead


class LeasingScheduler(Scheduler):
    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        for handler, signal in ((scheduler._scraped, signals.item_scraped),
                                (scheduler._written, batch_indexed),
                                (scheduler._released_by_item, signals.item_dropped),
                                (scheduler._released_by_item, signals.item_error),
                                (scheduler._released_by_response, signals.response_received)):
            crawler.signals.connect(handler, signal=signal)
        return scheduler

    def open(self, spider):
        super().open(spider)
        from twisted.internet import task

        self.worker = f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.base = self.queue.key.rsplit(":", 1)[0]
        self.leases_key = f"{self.base}:inflight:{self.worker}"
        self.alive_key = f"{self.base}:alive:{self.worker}"
        self._ids = itertools.count()
        self._unwritten: list[str] = []  # leases of items scraped, waiting in the index buffer
        self._heartbeat = task.LoopingCall(self._beat)
        self._heartbeat.start(HEARTBEAT_SECONDS, now=True)

    def _beat(self) -> None:
        self.server.set(self.alive_key, "1", ex=ALIVE_SECONDS)

    def close(self, reason):
        if self._heartbeat.running:
            self._heartbeat.stop()
        # A worker that ends normally has handled what it took (the engine waits for its downloads).
        self.server.delete(self.leases_key, self.alive_key)
        super().close(reason)

    def next_request(self):
        request = super().next_request()
        if request is not None:
            lease = f"{next(self._ids)}"
            request.meta["newsindex_lease"] = lease
            self.server.hset(self.leases_key, lease, self.queue._encode_request(request))
        return request

    def release(self, request) -> None:
        lease = request.meta.get("newsindex_lease") if request is not None else None
        if lease is not None:
            self.server.hdel(self.leases_key, lease)

    def _released_by_item(self, item, response=None, spider=None, **kwargs) -> None:
        if response is not None:
            self.release(response.request)

    def _scraped(self, item, response=None, spider=None) -> None:
        lease = response.request.meta.get("newsindex_lease") if response is not None else None
        if lease is not None:
            self._unwritten.append(lease)

    def _written(self) -> None:
        if self._unwritten:
            self.server.hdel(self.leases_key, *self._unwritten)
            self._unwritten = []

    def _released_by_response(self, response, request, spider=None) -> None:
        if request.meta.get("kind") != "article":  # an article's lease goes when its item is handled
            self.release(request)

    def reclaim(self) -> int:
        """Put the leased requests of dead workers back in the queue; how many."""
        import redis

        count = 0
        for key in self.server.scan_iter(match=f"{self.base}:inflight:*"):
            worker = key.decode().split(":inflight:", 1)[1]
            if worker == self.worker or self.server.exists(f"{self.base}:alive:{worker}"):
                continue
            claimed = f"{key.decode()}:claimed:{self.worker}"
            try:
                self.server.rename(key, claimed)  # atomic: of two survivors, one takes them
            except redis.ResponseError:
                continue
            for encoded in self.server.hvals(claimed):
                request = self.queue._decode_request(encoded)
                request.dont_filter = True
                self.queue.push(request)
                count += 1
            self.server.delete(claimed)
        if count:
            self.crawler.stats.inc_value("newsindex/reclaimed", count)
            self.spider.logger.warning("took back %d requests of a worker that stopped answering", count)
        return count
