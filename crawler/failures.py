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
    DeadLetter(spider.crawler.settings["NEWSINDEX_DEAD_LETTER"]).record(url, reason, url=url, stage=f"crawl/{kind}")
