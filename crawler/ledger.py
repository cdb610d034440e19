"""``newsindex crawl --ledger FILE``: every article URL's fate, one JSON line each (``pipelines.ledger``).

An item pipeline just before the index writer: it reads each document's hash in the index before the write,
and when the crawl has closed (after the writer's last flush) reads what the index holds. The spider's own
outcomes — a fetch failure, a 304, a request refused by robots.txt, a link that was no article — reach it as
signals."""

from __future__ import annotations

from scrapy import signals
from scrapy.exceptions import NotConfigured

from pipelines.base import SkippedItem
from pipelines.ledger import Ledger

fetch_failed = object()  # url, reason
page_unchanged = object()  # url (a 304)
request_skipped = object()  # url, kind, reason


class LedgerPipeline:
    def __init__(self, ledger: Ledger, client, alias: str):
        self.ledger, self.client, self.alias = ledger, client, alias

    @classmethod
    def from_crawler(cls, crawler) -> LedgerPipeline:
        path = crawler.settings.get("NEWSINDEX_LEDGER")
        if not path:
            raise NotConfigured("no --ledger")
        from pipelines.elastic import connect

        settings = crawler.settings["NEWSINDEX"]
        pipeline = cls(Ledger(path, append=True), connect(settings), settings.alias)  # the CLI emptied the file
        crawler.signals.connect(pipeline.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(pipeline.fetch_failed, signal=fetch_failed)
        crawler.signals.connect(pipeline.page_unchanged, signal=page_unchanged)
        crawler.signals.connect(pipeline.request_skipped, signal=request_skipped)
        crawler.signals.connect(pipeline.spider_closed, signal=signals.spider_closed)
        return pipeline

    def process_item(self, item, spider=None):
        self.ledger.expect(self.client, self.alias, [item])
        return item

    def item_dropped(self, item, response, exception, spider) -> None:
        where = item.get("source") or item.get("url")  # the URL fetched, not its canonical form
        reason = str(exception).split(": ", 1)[-1]
        if isinstance(exception, SkippedItem):
            self.ledger.skipped(where, "duplicates (the same article again)", reason)
        else:
            self.ledger.failed(where, reason, item.get("id"))

    def fetch_failed(self, url: str, reason: str) -> None:
        self.ledger.failed(url, reason)

    def page_unchanged(self, url: str) -> None:
        self.ledger.unchanged(url)

    def request_skipped(self, url: str, kind: str, reason: str) -> None:
        self.ledger.skipped(url, kind, reason)

    def spider_closed(self, spider=None) -> None:
        """Once every item pipeline closed: the index writer's last flush is in."""
        try:
            self.client.indices.refresh(index=self.alias)
            self.ledger.settle(self.client, self.alias, "not in the index after the crawl (see the dead-letter file)")
        finally:
            self.ledger.close()
