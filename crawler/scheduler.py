"""Scale-out scheduler: scrapy-redis's shared queue, with a lease on every request a worker takes.

scrapy-redis pops a request from Redis and forgets it: if the worker dies before the page is indexed, the
page is lost for the run (and the dupefilter keeps anyone else from fetching it). Here the popped request is
also written to the worker's lease hash, in the same atomic step as the pop; it leaves the hash once its
response is handled: a page that yields no item parsed (every link it yielded is in the queue,
``ReleaseParsedMiddleware``), an item dropped, or an item written by the next bulk write after it was
scraped (the item pipeline buffers items: "scraped" is not yet "indexed"). A new request is marked seen
and queued in one atomic step too: a worker killed between the two would leave a URL that counts as seen and
is in no queue. A worker proves it is alive with a key that expires a few seconds after its last heartbeat;
another worker that finds leases of a worker without one puts those requests back in the queue (past the
dupefilter) and fetches them. A request may so be fetched twice, never lost; its article is indexed once (one
id per article).
"""

from __future__ import annotations

import itertools
import os
import uuid

from scrapy import Request, signals
from scrapy_redis.queue import PriorityQueue
from scrapy_redis.scheduler import Scheduler

from pipelines.writer import batch_indexed

HEARTBEAT_SECONDS = 1.0
ALIVE_SECONDS = 5  # a worker silent this long is taken for dead

# The queue is scrapy-redis's priority queue (a sorted set, lowest score first).
_POP_AND_LEASE = """
local popped = redis.call('zrange', KEYS[1], 0, 0)
if #popped == 0 then return false end
redis.call('zremrangebyrank', KEYS[1], 0, 0)
redis.call('hset', KEYS[2], ARGV[1], popped[1])
return popped[1]
"""
_SEE_AND_PUSH = """
if ARGV[1] == '1' and redis.call('sadd', KEYS[1], ARGV[2]) == 0 then return 0 end
redis.call('zadd', KEYS[2], ARGV[3], ARGV[4])
return 1
"""


class LeasingScheduler(Scheduler):
    @classmethod
    def from_crawler(cls, crawler):
        scheduler = super().from_crawler(crawler)
        scheduler.crawler = crawler
        for handler, signal in ((scheduler._scraped, signals.item_scraped),
                                (scheduler._written, batch_indexed),
                                (scheduler._released_by_item, signals.item_dropped),
                                (scheduler._released_by_item, signals.item_error)):
            crawler.signals.connect(handler, signal=signal)
        return scheduler

    def open(self, spider):
        super().open(spider)
        from twisted.internet import task

        if not isinstance(self.queue, PriorityQueue):
            raise ValueError(f"the leasing scheduler pops scrapy-redis's PriorityQueue, not {type(self.queue)}: "
                             "leave SCHEDULER_QUEUE_CLASS unset")
        self._pop_and_lease = self.server.register_script(_POP_AND_LEASE)
        self._see_and_push = self.server.register_script(_SEE_AND_PUSH)

        self.worker = f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.base = self.queue.key.rsplit(":", 1)[0]
        self.leases_key = f"{self.base}:inflight:{self.worker}"
        self.alive_key = f"{self.base}:alive:{self.worker}"
        self._ids = itertools.count()
        self._unwritten: dict[int, tuple[dict, str]] = {}  # by id of the item queued for the writer: lease
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

    def enqueue_request(self, request) -> bool:
        """scrapy-redis's enqueue (dupefilter, then queue), as one step."""
        filtered = not request.dont_filter
        fingerprint = self.df.request_fingerprint(request) if filtered else ""
        added = self._see_and_push(keys=[self.df.key, self.queue.key],
                                   args=["1" if filtered else "0", fingerprint, -request.priority,
                                         self.queue._encode_request(request)])
        if not added:
            self.df.log(request, self.spider)
            return False
        if self.stats:
            self.stats.inc_value("scheduler/enqueued/redis")
        return True

    def next_request(self):
        """The next request, popped and leased in one step (a worker killed between the two lost it)."""
        lease = f"{next(self._ids)}"
        encoded = self._pop_and_lease(keys=[self.queue.key, self.leases_key], args=[lease])
        if encoded is None:
            return None
        request = self.queue._decode_request(encoded)
        request.meta["newsindex_lease"] = lease
        if self.stats:
            self.stats.inc_value("scheduler/dequeued/redis")
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
            self._unwritten[id(item)] = (item, lease)

    def _written(self, items=()) -> None:
        """The writer's batch is in (``batch_indexed``): the leases of its items go."""
        leases = [entry[1] for item in items if (entry := self._unwritten.pop(id(item), None)) is not None]
        if leases:
            self.server.hdel(self.leases_key, *leases)

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


class ReleaseParsedMiddleware:
    """Spider middleware: a response's lease is released after its callback's output is consumed — unless the
    callback yielded an item, whose lease goes with the item (written, dropped or failed). So a worker killed
    while parsing a sitemap leaves the sitemap leased (another worker parses it again) instead of losing the
    links it had not yet queued, and an article reached as a followed link ("page") stays leased until its
    document is written, as one listed in a sitemap does."""

    def __init__(self, crawler):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("no REDIS_URL: no leases")
        return cls(crawler)

    def _scheduler(self):
        engine = self.crawler.engine
        scheduler = engine._slot.scheduler if engine is not None and engine._slot is not None else None
        return scheduler if isinstance(scheduler, LeasingScheduler) else None

    @staticmethod
    def _passing(response, entry):
        if not isinstance(entry, Request) and response.request is not None:
            response.request.meta["newsindex_item"] = True  # its lease goes with the item
        return entry

    def _release(self, response) -> None:
        request = response.request
        scheduler = self._scheduler()  # (a scheduler with an empty queue is falsy: it has a length)
        if request is not None and not request.meta.get("newsindex_item") and scheduler is not None:
            scheduler.release(request)

    def process_spider_output(self, response, result, spider=None):
        try:
            for entry in result:
                yield self._passing(response, entry)
        finally:  # however the callback ended: what it yielded is queued, and a retry would end the same way
            self._release(response)

    async def process_spider_output_async(self, response, result, spider=None):
        try:
            async for entry in result:
                yield self._passing(response, entry)
        finally:
            self._release(response)

    def process_spider_exception(self, response, exception, spider=None):
        self._release(response)
