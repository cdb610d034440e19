"""Scrapy extensions: dropped items go to the dead-letter file, like the CLI's failures."""

from __future__ import annotations

from scrapy import signals

from crawler.logformatter import item_where, one_line
from pipelines.base import DiskFull, SkippedItem, StageCrash, crash_digest
from pipelines.deadletter import DeadLetter


class DeadLetterExtension:
    def __init__(self, dead: DeadLetter, stats, crawler=None):
        self.dead, self.stats, self.crawler = dead, stats, crawler

    @classmethod
    def from_crawler(cls, crawler) -> DeadLetterExtension:
        ext = cls(DeadLetter(crawler.settings["NEWSINDEX_DEAD_LETTER"]), crawler.stats, crawler)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(ext.item_error, signal=signals.item_error)
        return ext

    def item_dropped(self, item, response, exception, spider) -> None:
        """Every dropped item is counted once here: a skip (the same article twice) as skipped, anything
        else (a stage failure, an unexpected exception) as failed and kept in the dead-letter file."""
        if isinstance(exception, DiskFull):
            self.stop(spider, exception.line)
            return
        reason = str(exception).split(": ", 1)[-1]
        if isinstance(exception, SkippedItem):
            self.stats.inc_value("newsindex/skipped")
            spider.logger.info("%s: skipped: %s", item_where(item), one_line(reason))
            return
        self.stats.inc_value("newsindex/failed")
        if isinstance(exception, StageCrash) and exception.trace:  # a real bug: its traceback stays in the log
            spider.logger.error("%s: %s\n%s", item_where(item), one_line(reason), exception.trace.rstrip())
        else:
            spider.logger.error("%s: %s", item_where(item), one_line(reason))
        self.record(spider, item, reason)

    def record(self, spider, item, reason: str) -> None:
        """The failure kept in the dead-letter file; a disk too full for it stops the crawl with one line."""
        from pipelines.errors import disk_full

        try:
            self.dead.record_item(item, reason)
        except Exception as exc:
            if (line := disk_full(exc)) is None:
                raise
            self.stop(spider, line)

    def stop(self, spider, line: str) -> None:
        from crawler.failures import stop_for_disk

        if self.crawler is not None:
            stop_for_disk(self.crawler, spider, line)

    def item_error(self, item, response, spider, failure) -> None:
        """An exception a pipeline let out (not a DropItem): Scrapy logs it with its traceback as "Error
        processing" and goes on; here the item is counted as failed and dead-lettered with a digest."""
        frames = failure.frames or []
        stage = next((frame[1].rsplit("/", 1)[-1].removesuffix(".py") for frame in reversed(frames)
                      if "/pipelines/" in frame[1]), "pipeline")  # the innermost of our modules names it
        innermost = (frames[-1][1], frames[-1][2], frames[-1][0]) if frames else None
        reason = f"{stage}: {crash_digest(failure.value, innermost)}"
        self.stats.inc_value("newsindex/failed")
        spider.logger.error("%s: %s", item_where(item), one_line(reason))
        self.record(spider, item, reason)


class SharedCrawlExtension:
    """Scale-out: keep a worker alive while the shared Redis queue has requests or another worker
    of the same run is still fetching (it may enqueue more), then let all of them close. An idle worker
    first takes back the requests a dead worker had taken (``LeasingScheduler.reclaim``)."""

    BUSY_SECONDS = 10.0

    def __init__(self, crawler, url: str):
        import os
        import uuid

        import redis

        self.crawler, self.redis = crawler, redis.Redis.from_url(url)
        self.worker = f"{os.uname().nodename}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.busy_key: str | None = None
        self._last_mark = 0.0

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.get("REDIS_URL"):
            raise NotConfigured("no REDIS_URL")
        ext = cls(crawler, crawler.settings["REDIS_URL"])
        crawler.signals.connect(ext.opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.fetching, signal=signals.request_reached_downloader)
        crawler.signals.connect(ext.idle, signal=signals.spider_idle)
        crawler.signals.connect(ext.closed, signal=signals.spider_closed)
        return ext

    def opened(self, spider):
        queue_key = self.crawler.settings.get("SCHEDULER_QUEUE_KEY") % {"spider": spider.name}
        self.busy_key = queue_key.rsplit(":", 1)[0] + ":busy"
        self._mark()

    def _mark(self):
        import time

        now = time.time()
        if now - self._last_mark > 1.0:
            self.redis.hset(self.busy_key, self.worker, now)
            self._last_mark = now

    def fetching(self, request, spider):
        self._mark()

    def idle(self, spider):
        import time

        from scrapy.exceptions import DontCloseSpider

        self.redis.hdel(self.busy_key, self.worker)
        self._last_mark = 0.0
        scheduler = self.crawler.engine._slot.scheduler
        if hasattr(scheduler, "reclaim") and scheduler.reclaim():
            raise DontCloseSpider("took back the requests of a dead worker")
        others = {k: float(v) for k, v in self.redis.hgetall(self.busy_key).items()}
        if len(scheduler.queue) or any(time.time() - t < self.BUSY_SECONDS for t in others.values()):
            raise DontCloseSpider("the shared queue may still get work")

    def closed(self, spider):
        self.redis.hdel(self.busy_key, self.worker)
