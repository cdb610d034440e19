"""Run the stages over a batch, the way the CLI does.

Stages up to the first one that needs the whole batch (``prepare``) run item by item
as the input streams in; from there on the batch runs stage by stage, so cross-document
counts see every document of the batch before any is filtered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

from pipelines.base import Item, Skip, Stage, StageError
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
    pipelines["pipelines.index.ElasticsearchPipeline"] = 900
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
        on_failure(item, f"{stage.name}: unexpected {type(exc).__name__}: {exc}")
    return None


def run_batch(items: Iterable[Item], stages: list[Stage], on_failure: OnFailure,
              progress: Callable[[Iterable], Iterable] = lambda x: x, on_skip: OnFailure | None = None,
              ) -> Iterator[Item]:
    """Yield finished documents; failures go to ``on_failure(item, "stage: reason")``, skips (not failures:
    the same article twice) to ``on_skip`` (default: ``on_failure``)."""
    on_skip = on_skip or on_failure
    split = next((i for i, s in enumerate(stages) if _needs_batch(s)), len(stages))
    streamed, batched = stages[:split], stages[split:]
    batch: list[Item] = []
    for item in progress(items):
        for stage in streamed:
            item = _apply(stage, item, on_failure, on_skip)
            if item is None:
                break
        else:
            batch.append(item)
    for stage in batched:
        stage.prepare(batch)
        batch = [done for item in batch if (done := _apply(stage, item, on_failure, on_skip)) is not None]
    yield from batch
