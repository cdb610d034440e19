"""Zero-downtime re-index: build a new versioned index, then move both aliases in one atomic call.

The local node has no ``_reindex`` API, so documents come either from the current index
(scan + bulk, for mapping changes) or from their sources (today's extraction re-run on the
raw files). Until the swap, searches and writes keep using the old index; a failure deletes
the new index and leaves the aliases where they were.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from elasticsearch import ApiError, Elasticsearch, helpers
from elasticsearch import ConnectionError as ESConnectionError

from crawler.sources import latest_archived, read_archived
from newsindex.progress import progress_bar
from pipelines.config import Settings
from pipelines.deadletter import DeadLetter
from pipelines.elastic import create_index, write_index
from pipelines.errors import NewsindexError
from pipelines.identity import canonical_url, is_web_url
from pipelines.index import bulk_index


@dataclass
class ReindexResult:
    old: str
    new: str
    copied: int
    failed: int
    caught_up: int
    deleted_old: bool
    re_extracted: int = 0
    kept_as_was: int = 0
    pruned: list[str] = field(default_factory=list)  # older indices deleted by --keep-old N

    def line(self) -> str:
        how = (f" ({self.re_extracted} re-extracted from their files or the crawl archive, {self.kept_as_was} "
               "without a raw input copied as they were)") if self.re_extracted or self.kept_as_was else ""
        text = (f"re-indexed {self.copied} documents from {self.old} into {self.new}{how} ({self.failed} failed, "
                f"{self.caught_up} written during the rebuild caught up); aliases now point at {self.new}")
        text += "; old index deleted" if self.deleted_old else f"; old index kept: {self.old}"
        if self.pruned:
            text += f"; {len(self.pruned)} older indices deleted: {', '.join(self.pruned)}"
        return text


def _from_index(client: Elasticsearch, index: str, query: dict | None = None) -> Iterator[dict]:
    for hit in helpers.scan(client, index=index, query={"query": query or {"match_all": {}}}, size=500):
        yield {"id": hit["_id"], **hit["_source"]}


@dataclass
class RawInputs:
    """Where each document of an index came from: files that still exist, and crawled pages whose newest
    record is in the raw archive. What has neither is copied from the old index."""

    files: list[str]
    records: list[tuple[Path, int]]


def raw_inputs(client: Elasticsearch, index: str, archive: Path) -> RawInputs:
    archived = latest_archived(archive) if archive.is_dir() else {}
    files, records = set(), set()
    for hit in helpers.scan(client, index=index, query={"_source": ["source", "fetched_url"]}, size=1000):
        source = hit["_source"].get("source") or ""
        fetched = hit["_source"].get("fetched_url") or source
        if is_web_url(fetched) and not Path(source).is_file():  # a crawled page: the URL it was fetched from
            if (found := archived.get(canonical_url(fetched))) is not None:
                records.add(found)
        elif Path(source).is_file():
            files.add(source)
    return RawInputs(sorted(files), sorted(records))


def unfinished_indices(client: Elasticsearch, settings: Settings) -> list[tuple[str, int]]:
    """Indices a re-index built and never put behind the aliases (it was killed before the swap), with their
    document counts: newer than the current write index and without an alias. (An old index kept by
    ``--keep-old`` is older than the current one.)"""
    current = write_index(client, settings)
    try:
        found = client.indices.get_alias(index=f"{settings.alias}-v*")
    except ApiError:
        return []
    stamp = lambda name: name.rsplit("-", 1)[-1]  # noqa: E731 - create_index's UTC time, sortable
    return [(name, client.count(index=name)["count"]) for name, info in sorted(found.items())
            if not info.get("aliases") and (current is None or stamp(name) > stamp(current))]


def unfinished_note(name: str, count: int) -> str:
    return (f"{name} ({count} documents, no alias) is left by a re-index that did not finish: searches never used "
            "it; the next `newsindex reindex` deletes it and builds a new one")


def reindex(client: Elasticsearch, settings: Settings, source: str = "index",
            delete_old: bool = False, keep_old: int | None = None) -> ReindexResult:
    """``keep_old``: after the swap, keep the newest N old indices of the alias and delete the older ones
    (0: as ``delete_old``; None: keep them all)."""
    delete_old = delete_old or keep_old == 0
    old = write_index(client, settings)
    if old is None:
        raise NewsindexError(f"alias {settings.write_alias!r} does not exist: nothing to re-index "
                             "(run `newsindex ingest` first)")
    for name, count in unfinished_indices(client, settings):
        client.indices.delete(index=name, ignore_unavailable=True)
        print(f"newsindex: note: deleted {name} ({count} documents, no alias), left by a re-index that did not "
              "finish; this one starts afresh", file=sys.stderr)
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    total = client.count(index=old)["count"]
    dead = DeadLetter(settings.dead_letter)
    failed = 0

    def on_failure(doc: dict, reason: str) -> None:
        nonlocal failed
        failed += 1
        print(f"newsindex: {doc.get('source')}: {reason}", file=sys.stderr)
        dead.record_item(doc, reason)

    re_extracted = kept = 0
    try:
        new = create_index(client, settings, aliases=False)
    except ApiError as exc:
        raise NewsindexError(f"re-index failed, aliases left on {old}: could not create the new index: {exc}") from exc
    try:
        if source == "index":
            docs = progress_bar(total, "copying")(_from_index(client, old))
            copied = bulk_index(client, new, docs, on_failure, settings.bulk_size,
                                chunk_bytes=settings.bulk_bytes).indexed
        else:
            re_extracted, kept = _from_sources(client, settings, old, new, dead, on_failure)
            copied = re_extracted + kept
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
    pruned = prune_old(client, settings, keep_old) if keep_old else []
    return ReindexResult(old, new, copied, failed, caught_up, delete_old, re_extracted, kept, pruned)


@dataclass
class AliasIndex:
    name: str
    docs: int
    size_bytes: int
    created: datetime
    read: bool  # the read alias points at it
    write: bool  # the write alias does


def alias_indices(client: Elasticsearch, settings: Settings) -> list[AliasIndex]:
    """The versioned indices of the alias (``<alias>-v*``: the live one and those earlier re-indexes kept),
    newest first."""
    pattern = f"{settings.alias}-v*"
    rows = client.cat.indices(index=pattern, format="json", bytes="b", h="index,docs.count,store.size,creation.date",
                              expand_wildcards="open,closed")
    aliases = client.indices.get_alias(index=pattern, ignore_unavailable=True) if rows else {}
    found = []
    for row in rows:
        held = aliases.get(row["index"], {}).get("aliases", {})
        found.append(AliasIndex(row["index"], int(row.get("docs.count") or 0), int(row.get("store.size") or 0),
                                datetime.fromtimestamp(int(row["creation.date"]) / 1000, timezone.utc),
                                settings.alias in held, settings.write_alias in held))
    return sorted(found, key=lambda i: (i.created, i.name), reverse=True)


def prune_old(client: Elasticsearch, settings: Settings, keep: int) -> list[str]:
    """Delete the old indices of the alias past the newest ``keep`` (never one an alias points at)."""
    old = [index for index in alias_indices(client, settings) if not index.read and not index.write]
    doomed = [index.name for index in old[keep:]]
    for name in doomed:
        client.indices.delete(index=name)
    return doomed


def _from_sources(client: Elasticsearch, settings: Settings, old: str, new: str, dead: DeadLetter,
                  on_failure) -> tuple[int, int]:
    """Today's extraction over each document's raw input — its file, or the newest archived record of its
    URL — then every document of ``old`` that did not come out of that (no raw input left, or its
    re-extraction failed) copied as it was, and reported: a re-index never loses a document."""
    from newsindex.ingest import Summary, documents

    inputs = raw_inputs(client, old, settings.home / "archive")
    records = (read_archived(path, offset) for path, offset in inputs.records)
    summary = Summary()
    docs = documents(settings, inputs.files, dead, summary, records=records)
    # Versions carry on from the old index; text that today's extraction changes goes to history.
    stats = bulk_index(client, new, docs, on_failure, settings.bulk_size, lookup=old,
                       history=settings.history_alias, skip_unchanged=False, chunk_bytes=settings.bulk_bytes)
    client.indices.refresh(index=new)
    fresh = {hit["_id"] for hit in helpers.scan(client, index=new, query={"_source": False}, size=1000)}
    missing = [doc for doc in _from_index(client, old) if doc["id"] not in fresh]
    if missing:
        some = "1 document has" if len(missing) == 1 else f"{len(missing)} documents have"
        print(f"newsindex: {some} no raw input left (file gone, not in the archive, or "
              f"re-extraction failed): copied from {old} as they were", file=sys.stderr)
    kept = bulk_index(client, new, missing, on_failure, settings.bulk_size, chunk_bytes=settings.bulk_bytes,
                      ).indexed if missing else 0
    return stats.indexed + stats.unchanged, kept


def _swap_aliases(client: Elasticsearch, settings: Settings, old: str, new: str) -> None:
    client.indices.update_aliases(actions=[
        {"remove": {"index": old, "alias": settings.alias}},
        {"remove": {"index": old, "alias": settings.write_alias}},
        {"add": {"index": new, "alias": settings.alias}},
        {"add": {"index": new, "alias": settings.write_alias, "is_write_index": True}},
    ])
