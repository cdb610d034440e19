"""Run site crawls in this process (``newsindex crawl``) and summarise their stats."""

from __future__ import annotations

from crawler.sites import Site
from pipelines.config import Settings

STAT_KEYS = {
    "fetched": "downloader/response_count",
    "new": "newsindex/new",
    "changed": "newsindex/changed",
    "unchanged": "newsindex/unchanged",
    "failed": "newsindex/failed",
}


def run_crawls(sites: list[Site], settings: Settings) -> dict[str, dict[str, int]]:
    """Crawl the sites concurrently (one Scrapy process, one crawler each) with the caller's resolved
    settings; stats per site."""
    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings as ScrapySettings

    from crawler.spiders.news import NewsSpider

    project = ScrapySettings()
    project.setmodule("crawler.settings", priority="project")
    project.set("NEWSINDEX", settings, priority="cmdline")
    process = CrawlerProcess(project)
    crawlers = {}
    for site in sites:
        crawler = process.create_crawler(NewsSpider)
        crawlers[site.name] = crawler
        process.crawl(crawler, site=site)
    process.start()
    return {name: summarise(crawler.stats.get_stats()) for name, crawler in crawlers.items()}


def summarise(stats: dict) -> dict[str, int]:
    summary = {name: int(stats.get(key, 0)) for name, key in STAT_KEYS.items()}
    summary["skipped"] = int(stats.get("newsindex/skipped", 0))
    summary["link_misses"] = int(stats.get("newsindex/link_misses", 0))
    summary["refused"] = sum(int(v) for k, v in stats.items()
                             if k.startswith(("robotstxt/forbidden", "offsite/filtered")))
    summary["retried"] = int(stats.get("retry/count", 0))
    summary["seconds"] = int(round(stats.get("elapsed_time_seconds", 0)))
    if recleaned := int(stats.get("newsindex/recleaned", 0)):  # the same article, cleaned by a fuller template
        summary["recleaned"] = recleaned
    if collisions := int(stats.get("newsindex/collisions", 0)):  # copies kept off their original's id
        summary["collisions"] = collisions
    if moved := int(stats.get("newsindex/moved", 0)):  # indexed copies moved when their original came
        summary["moved"] = moved
    if merged := stats.get("newsindex/merged_stories"):  # stories joined: rewritten after the crawl
        summary["merged_stories"] = dict(merged)
    if reclaimed := int(stats.get("newsindex/reclaimed", 0)):  # scale-out: requests of a dead worker
        summary["reclaimed"] = reclaimed
    summary["alarms"] = list(stats.get("newsindex/quality_alarms", []))
    return summary


def describe(name: str, summary: dict) -> str:
    """The run's figures on one line, then one line per quality alarm."""
    line = f"{name}: " + ", ".join(f"{key} {len(value) if key == 'merged_stories' else value}"
                                   for key, value in summary.items() if key != "alarms")
    return "\n".join([line, *(f"{name}: quality alarm: {alarm}" for alarm in summary.get("alarms", []))])
