"""Files → pipeline stages → documents (``extract``) → Elasticsearch (``ingest``)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout

from crawler.sources import ReadFailure, Skipped, expand_paths, is_warc, iter_file_items
from newsindex.deadletter import DeadLetter, read_entries
from newsindex.errors import NewsindexError
from newsindex.progress import progress_bar
from newsindex.settings import Settings
from pipelines.index import IndexStats
from pipelines.runner import build_stages, run_batch


@dataclass
class Summary:
    read: int = 0
    indexed: int = 0
    failed: int = 0
    skipped: list[str] = field(default_factory=list)
    dead_letter: Path | None = None
    index_stats: IndexStats | None = None

    def line(self, done: str = "indexed") -> str:
        text = f"read {self.read}, {done} {self.indexed}"
        if self.index_stats:
            stats = self.index_stats
            text += f" ({stats.new} new, {stats.changed} changed), unchanged {stats.unchanged}"
        text += f", failed {self.failed}"
        if self.skipped:
            text += f", skipped {len(self.skipped)} non-article files"
        if self.failed and self.dead_letter:
            text += f" — failures kept in {self.dead_letter}; rerun them with: newsindex ingest --replay " \
                    f"{self.dead_letter}"
        return text


def replay_sources(path: Path) -> list[str]:
    """The file inputs of a dead-letter file, which is moved aside so the run starts a fresh one.

    Crawl failures (URLs) are not files: they are written back to the fresh dead-letter file, and
    fetched again by the next crawl of their site.
    """
    if not path.is_file():
        raise NewsindexError(f"dead-letter file {path} does not exist")
    try:
        entries = read_entries(path)
    except ValueError as exc:
        raise NewsindexError(str(exc)) from exc
    path.rename(path.with_name(path.name + ".replayed"))
    urls = [e for e in entries if str(e.get("source", "")).startswith(("http://", "https://"))]
    if urls:
        dead = DeadLetter(path)
        for entry in urls:
            dead.record(entry["source"], entry.get("reason", ""), entry.get("url"), entry.get("stage"))
        print(f"newsindex: {len(urls)} crawl failures (URLs) stay in {path}: the next `newsindex crawl` of "
              "their site fetches them again", file=sys.stderr)
    return list(dict.fromkeys(e["source"] for e in entries if e.get("source") and e not in urls))


def documents(settings: Settings, paths: list[str], dead: DeadLetter, summary: Summary) -> Iterator[dict]:
    """Run files through every stage; failures are counted, reported and dead-lettered."""
    entries = list(expand_paths(paths))
    files = [e for e in entries if isinstance(e, Path)]
    summary.skipped = [e.source for e in entries if isinstance(e, Skipped)]

    def on_failure(item: dict, reason: str) -> None:
        summary.failed += 1
        source = item.get("source") or item.get("url") or "?"
        print(f"newsindex: {source}: {reason}", file=sys.stderr)
        dead.record_item(item, reason)

    def items() -> Iterator[dict]:
        for missing in (e for e in entries if isinstance(e, ReadFailure)):
            on_failure({"source": missing.source}, f"read: {missing.reason}")
        for entry in iter_file_items(files):
            if isinstance(entry, ReadFailure):
                on_failure({"source": entry.source}, f"read: {entry.reason}")
                continue
            summary.read += 1
            yield entry

    # The store of these settings (whose home may be overridden in code); with REDIS_URL and no explicit
    # path, None lets the stages use Redis (pipelines.dedupe).
    store = settings.store_path or (None if os.environ.get("REDIS_URL") else settings.paragraph_store)
    stages = build_stages(store, settings.site_repeat_threshold)
    try:
        total = None if any(is_warc(f) for f in files) else len(files)  # a WARC holds many documents
        yield from run_batch(items(), stages, on_failure, progress=progress_bar(total, "extracting"))
    finally:
        for stage in stages:
            stage.close()


def ingest(settings: Settings, paths: list[str]) -> Summary:
    from newsindex.es import connect, history_index, setup
    from pipelines.index import bulk_index

    client = connect(settings)
    index = setup(client, settings)
    dead = DeadLetter(settings.dead_letter)
    summary = Summary(dead_letter=settings.dead_letter)
    docs = documents(settings, paths, dead, summary)

    def on_index_failure(doc: dict, reason: str) -> None:
        summary.failed += 1
        print(f"newsindex: {doc.get('source')}: {reason}", file=sys.stderr)
        dead.record_item(doc, reason)

    indexed_before_loss = 0

    def counted(stream):
        nonlocal indexed_before_loss
        for doc in stream:
            yield doc
            indexed_before_loss += 1

    try:
        summary.index_stats = bulk_index(client, index, counted(docs), on_index_failure, settings.bulk_size,
                                         lookup=settings.alias, history=history_index(settings))
        summary.indexed = summary.index_stats.indexed
    except (ESConnectionError, ConnectionTimeout) as exc:
        raise NewsindexError(
            f"lost the connection to Elasticsearch at {settings.display_url} after sending ~{indexed_before_loss} "
            "documents; bring it back (`newsindex es start`) and run the same ingest again: document ids are "
            "stable, so nothing is duplicated") from exc
    client.indices.refresh(index=settings.alias)
    return summary


def explain(doc: dict) -> str:
    """A readable kept/removed view of one document."""
    lines = [f"=== {doc['source']}",
             f"title: {doc.get('title')!r}   author: {doc.get('author')}   published: {doc.get('published')}",
             f"site: {doc.get('site')}   language: {doc.get('language')} ({doc.get('language_confidence')})"
             f"   cluster: {doc.get('cluster_id')}"]
    for paragraph in doc["paragraphs"]:
        lines.append(f"  KEEP  {_clip(paragraph)}")
    for removed in doc.get("removed") or []:
        lines.append(f"  DROP  [{removed['reason']}] {_clip(removed['text'])}")
    return "\n".join(lines)


def _clip(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
