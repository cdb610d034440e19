"""Run the stages over a batch, the way the CLI does.

Stages up to the first one that needs the whole batch (``prepare``) run item by item as the input streams
in, and their output is spilled to a temporary file. A stage that needs the batch then reads it back twice:
once for ``prepare`` (cross-document counts go into its store), once for ``process``, together with the
stages after it up to the next one that needs the batch. The batch is never held in memory, so memory stays
flat from a thousand documents to a hundred thousand.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from pipelines.base import Item, Skip, Stage, StageError, crash_digest
from pipelines.decode import DecodeStage
from pipelines.dedupe import NearDuplicateStage, SiteBoilerplateStage
from pipelines.extract import ExtractStage
from pipelines.finalize import FinalizeStage
from pipelines.identity import IdentityStage
from pipelines.language import LanguageStage
from pipelines.quality import QualityStage

OnFailure = Callable[[Item, str], None]



# The stage order, once: it builds the CLI runner (build_stages) and Scrapy's ITEM_PIPELINES.
STAGES: list[type[Stage]] = [DecodeStage, ExtractStage, QualityStage, IdentityStage, NearDuplicateStage,
                             SiteBoilerplateStage, LanguageStage, FinalizeStage]


def build_stages(settings: Mapping[str, Any]) -> list[Stage]:
    """The stages, each built from the component settings (``Settings.component_settings()``)."""
    return [cls.from_settings(settings) for cls in STAGES]


def item_pipelines() -> dict[str, int]:
    """Scrapy's ITEM_PIPELINES: the same stages in the same order, then the Elasticsearch writer."""
    pipelines = {f"{cls.__module__}.{cls.__qualname__}": 100 * (i + 1) for i, cls in enumerate(STAGES)}
    pipelines["pipelines.writer.ElasticsearchPipeline"] = 900
    return pipelines


def _needs_batch(stage: Stage) -> bool:
    return type(stage).prepare is not Stage.prepare


def _apply(stage: Stage, item: Item, on_failure: OnFailure, on_skip: OnFailure) -> Item | None:
    try:
        return stage.process(item)
    except Skip as exc:
        on_skip(item, f"{stage.name}: {exc}")
    except StageError as exc:
        on_failure(item, f"{stage.name}: {exc}")
    except Exception as exc:  # a bug or a library failure on odd input: keep the run going, keep the item
        on_failure(item, f"{stage.name}: {crash_digest(exc)}")
    return None


SPILL_AFTER_ITEMS = 256  # a batch's items held in memory until this many (a scheduled crawl's batch is small)


class Spill:
    """A batch's items, held for the passes after the streaming stages: in memory while there are few, then
    written once to an unnamed temporary file (a 1M re-index stays flat in memory), read back as needed."""

    def __init__(self, in_memory: int = SPILL_AFTER_ITEMS) -> None:
        self.in_memory = in_memory
        self.held: list[Item] = []
        self.file = None
        self.count = 0

    def append(self, item: Item) -> None:
        if self.file is None and len(self.held) < self.in_memory:
            self.held.append(item)
        else:
            if self.file is None:
                self.file = tempfile.TemporaryFile(prefix="newsindex-batch-")
                for held in self.held:
                    pickle.dump(held, self.file, protocol=pickle.HIGHEST_PROTOCOL)
                self.held = []
            pickle.dump(item, self.file, protocol=pickle.HIGHEST_PROTOCOL)
        self.count += 1

    def __iter__(self) -> Iterator[Item]:
        if self.file is None:
            yield from self.held
            return
        self.file.flush()
        self.file.seek(0)
        for _ in range(self.count):
            yield pickle.load(self.file)

    def close(self) -> None:
        self.held = []
        if self.file is not None:
            self.file.close()


def _groups(stages: list[Stage]) -> list[list[Stage]]:
    """Each stage that needs the batch, with the streaming stages after it (run in the same pass)."""
    groups: list[list[Stage]] = []
    for stage in stages:
        if _needs_batch(stage) or not groups:
            groups.append([stage])
        else:
            groups[-1].append(stage)
    return groups


def run_batch(items: Iterable[Item], stages: list[Stage], on_failure: OnFailure,
              progress: Callable[[Iterable], Iterable] = lambda x: x, on_skip: OnFailure | None = None,
              ) -> Iterator[Item]:
    """Yield finished documents; failures go to ``on_failure(item, "stage: reason")``, skips (not failures:
    the same article twice) to ``on_skip`` (default: ``on_failure``)."""
    on_skip = on_skip or on_failure

    def through(item: Item, group: list[Stage]) -> Item | None:
        for stage in group:
            item = _apply(stage, item, on_failure, on_skip)
            if item is None:
                return None
        return item

    split = next((i for i, s in enumerate(stages) if _needs_batch(s)), len(stages))
    streamed, groups = stages[:split], _groups(stages[split:])
    if not groups:
        yield from (done for item in progress(items) if (done := through(item, streamed)) is not None)
        return
    spill = Spill()
    try:
        for item in progress(items):
            if (done := through(item, streamed)) is not None:
                spill.append(done)
        for number, group in enumerate(groups):
            group[0].prepare(spill)
            last = number == len(groups) - 1
            following = None if last else Spill()
            for item in spill:
                if (done := through(item, group)) is None:
                    continue
                if last:
                    yield done
                else:
                    following.append(done)
            spill.close()
            if following is not None:
                spill = following
    finally:
        spill.close()
