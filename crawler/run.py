"""Run site crawls in this process (``newsindex crawl``) and summarise their stats."""

from __future__ import annotations

from crawler.sites import Site
from pipelines.config import Settings
from pipelines.errors import NewsindexError

STAT_KEYS = {
    "fetched": "downloader/response_count",
    "new": "newsindex/new",
    "changed": "newsindex/changed",
    "unchanged": "newsindex/unchanged",
    "failed": "newsindex/failed",
}


class CrawlsStopped(NewsindexError):
    """The crawl was stopped by a signal before it finished; ``results`` hold what each site did until then."""

    def __init__(self, signal_name: str, code: int, results: dict[str, dict]):
        super().__init__(f"stopped by {signal_name} before the crawl finished: what was in flight was finished or "
                         "dead-lettered (the account above); run the same crawl again for the rest")
        self.code, self.results = code, results


def run_crawls(sites: list[Site], settings: Settings, ledger: str | None = None) -> dict[str, dict[str, int]]:
    """Crawl the sites concurrently (one Scrapy process, one crawler each) with the caller's resolved
    settings; stats per site. ``ledger``: a file (emptied here) naming every article URL's fate. The node is
    asked first (wrong credentials, a node down: one line, no crawl); a
    site whose crawl could not start has ``error`` in its stats; a SIGTERM or SIGINT ends the crawl gracefully
    (in-flight downloads and items finished) and raises ``CrawlsStopped`` with what was done."""
    import signal

    from scrapy.crawler import CrawlerProcess
    from scrapy.settings import Settings as ScrapySettings

    from crawler.spiders.news import NewsSpider
    from pipelines.elastic import connect

    connect(settings)  # raises NewsindexError with one line before anything is fetched
    received: list[int] = []

    class Process(CrawlerProcess):
        def _signal_shutdown(self, signum, frame):  # Scrapy's graceful stop, remembered for the exit status
            received.append(signum)
            super()._signal_shutdown(signum, frame)

    project = ScrapySettings()
    project.setmodule("crawler.settings", priority="project")
    project.set("NEWSINDEX", settings, priority="cmdline")
    if ledger:
        from pipelines.ledger import Ledger

        Ledger(ledger).close()  # emptied (or one line and exit 2 if it cannot be written); each crawler appends
        project.set("NEWSINDEX_LEDGER", str(ledger), priority="cmdline")
    process = Process(project)
    crawlers, errors = {}, {}
    for site in sites:
        crawler = process.create_crawler(NewsSpider)
        crawlers[site.name] = crawler
        process.crawl(crawler, site=site).addErrback(_could_not_run, errors, site.name)
    process.start()
    # A crawl that failed before its stats existed (an add-on, its settings) has none to give.
    results = {name: summarise(crawler._stats.get_stats() if getattr(crawler, "_stats", None) else {})
               for name, crawler in crawlers.items()}
    for name, reason in errors.items():
        results[name]["error"] = reason
    if received:
        name = signal.Signals(received[0]).name
        raise CrawlsStopped(name, 128 + received[0], results)
    return results


def _could_not_run(failure, errors: dict, name: str) -> None:
    """A crawl that failed to start or broke off (a component's from_crawler raised): one line, kept."""
    exc, root = failure.value, failure.value
    while (earlier := root.__cause__ or root.__context__) is not None:  # the first error, not Scrapy's cleanup's
        root = earlier
    from pipelines.errors import disk_full

    if isinstance(root, NewsindexError):
        errors[name] = str(root)
    elif (line := disk_full(root)) is not None:  # not a bug: one line, no traceback
        errors[name] = line
    else:
        from pipelines.base import crash_digest

        frames = failure.frames or []
        innermost = (frames[-1][1], frames[-1][2], frames[-1][0]) if frames and root is exc else None
        errors[name] = crash_digest(root, innermost)
        import logging

        logging.getLogger(__name__).error("crawl of %s could not run:\n%s", name, failure.getTraceback())


def summarise(stats: dict) -> dict[str, int]:
    """The run's account: ``read`` (every article fetched or answered 304, and every input that failed, a
    listing included) = indexed (new + changed + re-cleaned) + unchanged + failed + skipped."""
    counts = {name: int(stats.get(key, 0)) for name, key in STAT_KEYS.items()}
    summary = {"fetched": counts.pop("fetched"), "read": int(stats.get("newsindex/read", 0)),
               "indexed": counts["new"] + counts["changed"] + int(stats.get("newsindex/recleaned", 0)), **counts}
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
    if error := stats.get("newsindex/index_error"):  # the writer stopped: one line, exit 2 (see cli)
        summary["index_error"] = error
    return summary


def adds_up(summary: dict) -> bool:
    """Every input read is accounted for once."""
    return summary["read"] == summary["indexed"] + summary["unchanged"] + summary["failed"] + summary["skipped"]


def describe(name: str, summary: dict) -> str:
    """The run's figures on one line, then one line per quality alarm."""
    if summary.get("error"):
        return f"{name}: could not run: {summary['error']}"
    line = f"{name}: " + ", ".join(f"{key} {len(value) if key == 'merged_stories' else value}"
                                   for key, value in summary.items() if key not in ("alarms", "index_error"))
    lines = [line, *(f"{name}: quality alarm: {alarm}" for alarm in summary.get("alarms", []))]
    if not adds_up(summary) and not summary.get("index_error"):  # a stopped crawl says why on its own line
        lines.append(f"{name}: warning: the account does not add up (read {summary['read']} ≠ indexed + unchanged "
                     "+ failed + skipped); please report this with the command you ran")
    return "\n".join(lines)
