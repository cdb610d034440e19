"""Crawl failures: logged with URL and reason, counted in the run stats, kept in the dead-letter file."""

from __future__ import annotations

from pipelines.deadletter import DeadLetter


def report(spider, url: str, reason: str, kind: str) -> None:
    from crawler.ledger import fetch_failed

    spider.logger.error("%s: %s", url, reason)
    spider.crawler.signals.send_catch_log(fetch_failed, url=url, reason=reason)
    spider.crawler.stats.inc_value("newsindex/read")  # an input of the crawl (an article, a sitemap) that failed
    spider.crawler.stats.inc_value("newsindex/failed")
    spider.crawler.stats.inc_value(f"newsindex/failed/{kind}")
    from pipelines.errors import disk_full

    try:
        DeadLetter(spider.crawler.settings["NEWSINDEX_DEAD_LETTER"]).record(url, reason, url=url,
                                                                           stage=f"crawl/{kind}")
    except Exception as exc:
        if (line := disk_full(exc)) is None:
            raise
        stop_for_disk(spider.crawler, spider, line)


def stop_for_disk(crawler, spider, line: str) -> None:
    """A full disk: nothing more can be kept, so the crawl ends now (what was indexed stays; what was not is
    fetched again by the next crawl: its validators were never stored) — one line, exit 2 (see the CLI)."""
    if crawler.stats.get_value("newsindex/index_error"):
        return
    crawler.stats.set_value("newsindex/index_error", line)
    spider.logger.error("%s", line)
    if crawler.engine is not None:
        from scrapy.utils.defer import deferred_from_coro

        deferred_from_coro(crawler.engine.close_spider_async(reason="disk_full"))
