"""Run the stages over a batch, the way the CLI does.

Stages up to the first one that needs the whole batch (``prepare``) run item by item
as the input streams in; from there on the batch runs stage by stage, so cross-document
counts see every document of the batch before any is filtered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from pipelines.base import Item, Skip, Stage, StageError
from pipelines.decode import DecodeStage
from pipelines.dedupe import NearDuplicateStage, SiteBoilerplateStage
from pipelines.extract import ExtractStage
from pipelines.finalize import FinalizeStage
from pipelines.identity import IdentityStage
from pipelines.language import LanguageStage

OnFailure = Callable[[Item, str], None]



def build_stages(store_path: str | Path | None = None, site_repeat_threshold: int = 3,
                 max_bytes: int | None = None) -> list[Stage]:
    """The stages in the order of ITEM_PIPELINES in crawler/settings.py."""
    decode = DecodeStage(max_bytes) if max_bytes else DecodeStage()
    return [decode, ExtractStage(), IdentityStage(), NearDuplicateStage(store_path),
            SiteBoilerplateStage(store_path, site_repeat_threshold), LanguageStage(), FinalizeStage()]


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
