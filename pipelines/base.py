"""The one small interface every processing stage has.

A stage takes an item (a plain dict) and returns it transformed, or raises
``StageError`` with a one-line reason. Stages are Scrapy item pipelines as they are
(``process_item`` / ``from_crawler``), and the CLI runs the same classes over a batch,
calling ``prepare(batch)`` first on the stages that need to see the whole batch.
"""

from __future__ import annotations

from typing import Any

Item = dict[str, Any]


class StageError(Exception):
    """A per-item failure: the item goes to the dead-letter file with this reason."""


class Stage:
    """Base class: subclasses implement ``process(item)``; ``setting_names`` maps kwargs to settings."""

    name = "stage"
    setting_names: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler) -> Stage:
        kwargs = {}
        for kwarg, setting in cls.setting_names.items():
            value = crawler.settings.get(setting)
            if value is not None:
                kwargs[kwarg] = value
        return cls(**kwargs)

    def prepare(self, batch: list[Item]) -> None:
        """Called once with the whole batch before ``process`` (CLI batches only)."""

    def process(self, item: Item) -> Item:
        raise NotImplementedError

    def process_item(self, item: Item, spider: Any = None) -> Item:
        from scrapy.exceptions import DropItem

        try:
            return self.process(item)
        except StageError as exc:
            raise DropItem(f"{item.get('url') or item.get('source')}: {exc}") from exc

    def close(self) -> None:
        """Release resources (stores, connections)."""

    def close_spider(self, spider: Any = None) -> None:
        self.close()
