"""Log lines of dropped and failed items: one line, the item's URL and the reason, never the item.

Scrapy's own formatter prints the whole item after a drop (here: the page's raw HTML, kilobytes per skipped
duplicate)."""

from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter

from pipelines.base import SkippedItem

MAX_REASON = 300  # characters of a reason in one log line (the dead-letter file keeps the whole of it)


def one_line(text: str, limit: int = MAX_REASON) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def item_where(item) -> str:
    return str(item.get("url") or item.get("source") or "an item") if isinstance(item, dict) else "an item"


class OneLineLogFormatter(LogFormatter):
    def dropped(self, item, exception, response, spider):
        # A skip (the same article reached twice) is not a warning: the dead-letter extension logs it at INFO.
        level = logging.DEBUG if isinstance(exception, SkippedItem) else logging.WARNING
        return {"level": level, "msg": "Dropped: %(reason)s", "args": {"reason": one_line(exception)}}

    def item_error(self, item, exception, response, spider):
        return {"level": logging.ERROR, "msg": "Error processing %(where)s: %(reason)s",
                "args": {"where": item_where(item), "reason": one_line(exception)}}
