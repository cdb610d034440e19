"""The one small interface every processing stage has.

A stage takes an item (a plain dict) and returns it transformed, or raises
``StageError`` with a one-line reason. Stages are Scrapy item pipelines as they are
(``process_item`` / ``from_crawler``), and the CLI runs the same classes over a batch,
calling ``prepare(batch)`` first on the stages that need to see the whole batch.
"""

from __future__ import annotations

import os
from concurrent.futures import Executor, ProcessPoolExecutor
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


_POOL: Executor | None = None


def worker_pool() -> Executor | None:
    """Processes for the CPU-bound stages under Scrapy (NEWSINDEX_WORKERS, default: one per core; 0 = inline)."""
    global _POOL
    workers = int(os.environ.get("NEWSINDEX_WORKERS", os.cpu_count() or 1))
    if workers < 1:
        return None
    if _POOL is None:
        import multiprocessing

        _POOL = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"))
    return _POOL


class CpuStage(Stage):
    """A CPU-bound stage (decode, extract, language). Under Scrapy it runs in a worker process so the
    reactor keeps downloading meanwhile; the CLI batch runner calls ``process`` directly."""

    async def process_item(self, item: Item, spider: Any = None) -> Item:
        import asyncio

        from scrapy.exceptions import DropItem

        pool = worker_pool()
        try:
            if pool is None:
                return self.process(item)
            return await asyncio.wrap_future(pool.submit(self.process, item))
        except StageError as exc:
            raise DropItem(f"{item.get('url') or item.get('source')}: {exc}") from exc
