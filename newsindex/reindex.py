"""Zero-downtime re-index: build a new versioned index, then move both aliases in one atomic call.

The local node has no ``_reindex`` API, so documents come either from the current index
(scan + bulk, for mapping changes) or from their sources (today's extraction re-run on the
raw files). Until the swap, searches and writes keep using the old index; a failure deletes
the new index and leaves the aliases where they were.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch import ConnectionError as ESConnectionError

from newsindex.progress import progress_bar
from pipelines.config import Settings
from pipelines.deadletter import DeadLetter
from pipelines.elastic import create_index, write_index
from pipelines.errors import NewsindexError
from pipelines.index import bulk_index


@dataclass
class ReindexResult:
    old: str
    new: str
    copied: int
    failed: int
    caught_up: int
    deleted_old: bool

    def line(self) -> str:
        text = (f"re-indexed {self.copied} documents from {self.old} into {self.new} ({self.failed} failed, "
                f"{self.caught_up} written during the rebuild caught up); aliases now point at {self.new}")
        return text + ("; old index deleted" if self.deleted_old else f"; old index kept: {self.old}")


def _from_index(client: Elasticsearch, index: str, query: dict | None = None) -> Iterator[dict]:
    for hit in helpers.scan(client, index=index, query={"query": query or {"match_all": {}}}, size=500):
        yield {"id": hit["_id"], **hit["_source"]}


def _source_paths(client: Elasticsearch, index: str) -> list[str]:
    paths = []
    for hit in helpers.scan(client, index=index, query={"_source": ["source"]}, size=1000):
        source = hit["_source"].get("source")
        if source and Path(source).is_file():
            paths.append(source)
    return sorted(set(paths))


def reindex(client: Elasticsearch, settings: Settings, source: str = "index",
            delete_old: bool = False) -> ReindexResult:
    old = write_index(client, settings)
    if old is None:
        raise NewsindexError(f"alias {settings.write_alias!r} does not exist: nothing to re-index "
                             "(run `newsindex ingest` first)")
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    total = client.count(index=old)["count"]
    new = create_index(client, settings, aliases=False)
    dead = DeadLetter(settings.dead_letter)
    failed = 0

    def on_failure(doc: dict, reason: str) -> None:
        nonlocal failed
        failed += 1
        print(f"newsindex: {doc.get('source')}: {reason}", file=sys.stderr)
        dead.record_item(doc, reason)

    try:
        if source == "index":
            docs = progress_bar(total, "copying")(_from_index(client, old))
            copied = bulk_index(client, new, docs, on_failure).indexed
        else:
            from newsindex.ingest import Summary, documents

            # Versions carry on from the old index; text that today's extraction changes goes to history.
            docs = documents(settings, _source_paths(client, old), dead, Summary())
            stats = bulk_index(client, new, docs, on_failure, lookup=old, history=settings.history_alias,
                               skip_unchanged=False)
            copied = stats.indexed + stats.unchanged
        client.indices.refresh(index=new)
        if copied == 0 and total > 0:
            raise NewsindexError(f"no document could be copied into {new}; see {settings.dead_letter}")
        _swap_aliases(client, settings, old, new)
    except (ApiError, ESConnectionError, NewsindexError) as exc:
        client.indices.delete(index=new, ignore_unavailable=True)
        if isinstance(exc, NewsindexError):
            raise
        raise NewsindexError(f"re-index failed, aliases left on {old}: {exc}") from exc
    # Writes that reached the old index while we copied: bring them over, now that new writes go to `new`.
    client.indices.refresh(index=old)
    late = list(_from_index(client, old, {"range": {"ingested_at": {"gte": started}}}))
    caught_up = bulk_index(client, new, late, on_failure).indexed if late else 0
    if delete_old:
        client.indices.delete(index=old)
    return ReindexResult(old, new, copied, failed, caught_up, delete_old)


def _swap_aliases(client: Elasticsearch, settings: Settings, old: str, new: str) -> None:
    client.indices.update_aliases(actions=[
        {"remove": {"index": old, "alias": settings.alias}},
        {"remove": {"index": old, "alias": settings.write_alias}},
        {"add": {"index": new, "alias": settings.alias}},
        {"add": {"index": new, "alias": settings.write_alias, "is_write_index": True}},
    ])
