"""The one small interface every processing stage has.

A stage takes an item (a plain dict) and returns it transformed, or raises
``StageError`` with a one-line reason. Stages are Scrapy item pipelines as they are
(``process_item`` / ``from_crawler``), and the CLI runs the same classes over a batch,
calling ``prepare(batch)`` first on the stages that need to see the whole batch.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from typing import Any

from scrapy.exceptions import DropItem

Item = dict[str, Any]


class StageError(Exception):
    """A per-item failure: the item goes to the dead-letter file with this reason."""


class Skip(Exception):
    """Not a failure: the input is accounted as skipped, with this reason (the same article reached twice)."""


class SkippedItem(DropItem):
    """Scrapy's form of ``Skip``: dropped, counted as skipped, not dead-lettered."""


class Stage:
    """Base class: subclasses implement ``process(item)``; ``setting_names`` maps kwargs to settings."""

    name = "stage"
    setting_names: dict[str, str] = {}

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Stage:
        """Build from resolved component settings (``Settings.component_settings()`` or Scrapy's)."""
        kwargs = {}
        for kwarg, setting in cls.setting_names.items():
            value = settings.get(setting)
            if value is not None:
                kwargs[kwarg] = value
        return cls(**kwargs)

    @classmethod
    def from_crawler(cls, crawler) -> Stage:
        return cls.from_settings(crawler.settings)

    def prepare(self, batch: Iterable[Item]) -> None:
        """Called once with the whole batch before ``process`` (CLI batches only). The batch is read back
        from disk in one pass: keep what the counts need in the stage's store, not the items."""

    def process(self, item: Item) -> Item:
        raise NotImplementedError

    def process_item(self, item: Item, spider: Any = None) -> Item:
        return _as_scrapy(self.process, item)

    def close(self) -> None:
        """Release resources (stores, connections)."""

    def close_spider(self, spider: Any = None) -> None:
        self.close()


_POOL: Executor | None = None


def worker_pool(workers: int) -> Executor | None:
    """Processes for the CPU-bound stages under Scrapy (NEWSINDEX_WORKERS: one per core; 0 = inline), shared
    by every stage and crawler of the process."""
    global _POOL
    if workers < 1:
        return None
    if _POOL is None:
        import multiprocessing

        _POOL = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                                    initializer=die_with_parent, initargs=(os.getpid(),))
    return _POOL


def die_with_parent(parent: int) -> None:
    """A worker ends when the process that started it does, even killed with SIGKILL (Linux's parent-death
    signal): a crawl that is killed leaves no worker holding its memory."""
    import ctypes
    import signal

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM, 0, 0, 0)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the check below still catches a parent gone before now
        pass
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)


class CpuStage(Stage):
    """A CPU-bound stage (decode, extract, language). Under Scrapy it runs in a worker process so the
    reactor keeps downloading meanwhile; the CLI batch runner calls ``process`` directly."""

    workers = 0  # set from NEWSINDEX_WORKERS by from_crawler; the CLI runs stages inline

    @classmethod
    def from_crawler(cls, crawler) -> Stage:
        stage = cls.from_settings(crawler.settings)
        stage.workers = crawler.settings.getint("NEWSINDEX_WORKERS", os.cpu_count() or 1)
        return stage

    async def process_item(self, item: Item, spider: Any = None) -> Item:
        import asyncio

        pool = worker_pool(self.workers)
        if pool is None:
            return _as_scrapy(self.process, item)
        future = asyncio.wrap_future(pool.submit(_as_scrapy, self.process, item))
        return await future


def _as_scrapy(process, item: Item) -> Item:
    """Run a stage under Scrapy: a failure of any kind becomes a DropItem naming the stage, so the
    dead-letter extension counts and keeps it once; a skip becomes a SkippedItem."""
    stage = getattr(getattr(process, "__self__", None), "name", "stage")
    where = item.get("url") or item.get("source")
    try:
        return process(item)
    except Skip as exc:
        raise SkippedItem(f"{where}: {stage}: {exc}") from None
    except StageError as exc:
        raise DropItem(f"{where}: {stage}: {exc}") from None
    except Exception as exc:  # a bug or a library failure on odd input: the item fails, the crawl goes on
        raise DropItem(f"{where}: {stage}: unexpected {type(exc).__name__}: {exc}") from None
