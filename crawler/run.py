"""Run site crawls in this process (``newsindex crawl``) and summarise their stats."""

from __future__ import annotations

import os

from crawler.sites import Site

STAT_KEYS = {
    "fetched": "downloader/response_count",
    "new": "newsindex/new",
    "changed": "newsindex/changed",
    "unchanged": "newsindex/unchanged",
    "failed": "newsindex/failed",
}


def run_crawls(sites: list[Site]) -> dict[str, dict[str, int]]:
    """Crawl the sites concurrently (one Scrapy process, one crawler each); stats per site."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "crawler.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    from crawler.spiders.news import NewsSpider

    process = CrawlerProcess(get_project_settings())
    crawlers = {}
    for site in sites:
        crawler = process.create_crawler(NewsSpider)
        crawlers[site.name] = crawler
        process.crawl(crawler, site=site)
    process.start()
    return {name: summarise(crawler.stats.get_stats()) for name, crawler in crawlers.items()}


def summarise(stats: dict) -> dict[str, int]:
    summary = {name: int(stats.get(key, 0)) for name, key in STAT_KEYS.items()}
    summary["failed"] += int(stats.get("item_dropped_count", 0))
    summary["refused"] = sum(int(v) for k, v in stats.items()
                             if k.startswith(("robotstxt/forbidden", "offsite/filtered")))
    summary["retried"] = int(stats.get("retry/count", 0))
    summary["seconds"] = int(round(stats.get("elapsed_time_seconds", 0)))
    return summary


def describe(name: str, summary: dict[str, int]) -> str:
    return f"{name}: " + ", ".join(f"{key} {value}" for key, value in summary.items())
