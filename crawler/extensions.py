"""Scrapy extensions: dropped items go to the dead-letter file, like the CLI's failures."""

from __future__ import annotations

from scrapy import signals

from newsindex.deadletter import DeadLetter
from newsindex.settings import load_settings


class DeadLetterExtension:
    def __init__(self, dead: DeadLetter, stats):
        self.dead, self.stats = dead, stats

    @classmethod
    def from_crawler(cls, crawler) -> DeadLetterExtension:
        ext = cls(DeadLetter(load_settings().dead_letter), crawler.stats)
        crawler.signals.connect(ext.item_dropped, signal=signals.item_dropped)
        return ext

    def item_dropped(self, item, response, exception, spider) -> None:
        self.stats.inc_value("newsindex/failed")
        self.dead.record_item(item, str(exception).split(": ", 1)[-1])
