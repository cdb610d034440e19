"""The crawl's settings: newsindex's resolved ``Settings`` handed to Scrapy once, read by every component
from ``crawler.settings`` in ``from_crawler``.

``newsindex crawl`` puts its own resolved settings under ``NEWSINDEX``; a plain ``scrapy crawl`` has them
resolved here, once per crawler. Either way ``apply`` sets the same component keys
(``Settings.component_settings``) at the add-on priority, so ``-s KEY=VALUE`` still wins.
"""

from __future__ import annotations

from pipelines.config import Settings, load_settings


def apply(scrapy_settings) -> Settings:
    """Resolve (if nobody did) and hand down; idempotent. Called by the spider's ``from_crawler`` (which runs
    before add-ons) and by ``NewsindexAddon``."""
    resolved = scrapy_settings.get("NEWSINDEX")
    if resolved is None:
        resolved = load_settings()
        scrapy_settings.set("NEWSINDEX", resolved, priority="addon")
    if scrapy_settings.get("NEWSINDEX_DEAD_LETTER") is None:
        for key, value in resolved.component_settings().items():
            scrapy_settings.set(key, value, priority="addon")
        # The same size limit as ingest's (NEWSINDEX_MAX_BYTES), on the wire and while decompressing: a gzip
        # bomb or a 200 MB page is one failure, not a crawl killed for memory.
        scrapy_settings.set("DOWNLOAD_MAXSIZE", resolved.max_bytes, priority="addon")
        scrapy_settings.set("DOWNLOAD_WARNSIZE", resolved.max_bytes // 2, priority="addon")
        for key, value in scale_out_settings(resolved).items():
            scrapy_settings.set(key, value, priority="addon")
        if resolved.sources.is_file():
            from crawler.sites import extraction_rules, load_sites

            scrapy_settings.set("NEWSINDEX_SITE_RULES", extraction_rules(load_sites(resolved.sources)),
                                priority="addon")
    return resolved


def scale_out_settings(settings: Settings) -> dict:
    """With REDIS_URL, crawler processes (on any machine) share one request queue and one dupefilter per
    site and run, so together they fetch each URL once; the dedupe stores move to Redis too. Processes of
    one distributed run share NEWSINDEX_CRAWL_RUN (default: the current UTC hour), so the next scheduled
    run starts with a fresh seen-set."""
    if not settings.redis_url:
        return {}
    from datetime import datetime, timezone

    run = settings.crawl_run or datetime.now(timezone.utc).strftime("%Y%m%d%H")
    return {
        "SCHEDULER": "crawler.scheduler.LeasingScheduler",  # scrapy-redis's, with leases (crash-safe)
        "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
        "SCHEDULER_QUEUE_KEY": f"%(spider)s:{run}:requests",
        "SCHEDULER_DUPEFILTER_KEY": f"%(spider)s:{run}:dupefilter",
        "SCHEDULER_PERSIST": True,  # a process that finishes first must not wipe the others' shared state
        "SCHEDULER_IDLE_BEFORE_CLOSE": 1,
    }


class NewsindexAddon:
    """Scrapy add-on: makes sure every crawler has the resolved settings before its components start."""

    def update_settings(self, settings) -> None:
        apply(settings)
