"""The one small interface every processing stage has.

A stage takes an item (a plain dict) and returns it transformed, or raises
``StageError`` with a one-line reason. Stages are Scrapy item pipelines as they are
(``process_item`` / ``from_crawler``), and the CLI runs the same classes over a batch,
calling ``prepare(batch)`` first on the stages that need to see the whole batch.
"""

from __future__ import annotations

import logging
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


class StageCrash(DropItem):
    """Scrapy's form of an unexpected exception in a stage (a bug, a library failing on odd input): dropped and
    counted as failed like any failure, the message a digest for the dead-letter entry, ``trace`` the whole
    traceback for the crawl's log. Both travel in ``args``, so the exception survives the trip back from a
    worker process."""

    def __init__(self, message: str, trace: str = ""):
        super().__init__(message, trace)
        self.message, self.trace = message, trace

    def __str__(self) -> str:
        return self.message


class DiskFull(DropItem):
    """Scrapy's form of a write that failed for want of space (``pipelines.errors.disk_full``): the crawl stops
    with this one line, whichever stage hit it."""

    def __init__(self, line: str):
        super().__init__(line)
        self.line = line


def crash_digest(exc: BaseException, innermost: tuple[str, int, str] | None = None) -> str:
    """One line for an unexpected exception: its type, its message, and the innermost frame it came from (taken
    from its traceback, or given as ``(file, line, function)``)."""
    import traceback

    message = " ".join(str(exc).split())
    message = message if len(message) <= 200 else message[:199] + "…"
    text = f"unexpected {type(exc).__name__}" + (f": {message}" if message else "")
    if innermost is None and (frames := traceback.extract_tb(exc.__traceback__)):
        innermost = (frames[-1].filename, frames[-1].lineno, frames[-1].name)
    if innermost:
        filename, line, function = innermost
        where = "/".join(filename.replace("\\", "/").split("/")[-2:])
        text += f" (at {where}:{line} in {function})"
    return text


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
        from pipelines.errors import disk_full

        try:
            self.close()
        except Exception as exc:  # a full disk at the end: one line (the crawl says it stopped), not a traceback
            if (line := disk_full(exc)) is None:
                raise
            logging.getLogger(__name__).error("%s: %s", self.name, line)


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


def replace_broken_pool(broken: Executor) -> None:
    """Forget a pool one of whose workers died (every later submit would fail): the next ``worker_pool`` call
    starts a new one. Several items failing on the same broken pool replace it once."""
    import logging

    global _POOL
    if _POOL is broken:
        _POOL = None
        logging.getLogger(__name__).warning("a CPU worker process died: its pool is replaced, and the items it "
                                            "held are sent once more")
        broken.shutdown(wait=False, cancel_futures=True)


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
        """In a worker. A worker that dies (killed for memory, a crash in a C library, a SIGTERM to the process
        group) breaks the whole pool: the pool is replaced and the item sent once more; a second death fails
        it with the reason, so no item is lost uncounted."""
        import asyncio
        from concurrent.futures.process import BrokenProcessPool

        died = None
        for _ in range(2):
            pool = worker_pool(self.workers)
            if pool is None:
                return _as_scrapy(self.process, item)
            try:
                return await asyncio.wrap_future(pool.submit(_as_scrapy, self.process, item))
            except BrokenProcessPool as exc:
                died = exc
                replace_broken_pool(pool)
        where = item.get("url") or item.get("source")
        raise DropItem(f"{where}: {self.name}: a worker process died on this item, and again on the retry "
                       f"(killed, out of memory, or a crash in a C library: {died})")


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
        import traceback

        from pipelines.errors import disk_full

        if (line := disk_full(exc)) is not None:  # not the item's fault: every later one would fail the same way
            raise DiskFull(line) from None

        raise StageCrash(f"{where}: {stage}: {crash_digest(exc)}", traceback.format_exc()) from None
