"""Files → pipeline stages → documents (``extract``) → Elasticsearch (``ingest``)."""

from __future__ import annotations

import itertools
import json
import os
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from elasticsearch import ConnectionError as ESConnectionError
from elasticsearch import ConnectionTimeout

from crawler.sources import ReadFailure, Skipped, iter_file_items
from newsindex.progress import progress_bar
from newsindex.revise import Revision
from pipelines.config import Settings
from pipelines.deadletter import DeadLetter, entry_key, read_entries
from pipelines.dedupe import NearDuplicateStage
from pipelines.errors import NewsindexError
from pipelines.identity import IdentityStage
from pipelines.index import IndexStats
from pipelines.ledger import LOOKUP_BATCH, Ledger
from pipelines.quality import QualityStage
from pipelines.runner import build_stages, run_batch


@dataclass
class Summary:
    """The account of one run: read = indexed + unchanged + failed + skipped, every skip by kind."""

    read: int = 0
    failed: int = 0
    skipped: Counter = field(default_factory=Counter)
    extracted: int = 0
    dead_letter: Path | None = None
    index_stats: IndexStats | None = None
    collisions: list[str] = field(default_factory=list)
    merged_stories: dict[str, str] = field(default_factory=dict)  # absorbed story → the story it joined
    restamped: int = 0  # documents of earlier runs moved to the story theirs joined
    alarms: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # one line each, for the user, not about any input
    revision: Revision | None = None  # earlier documents re-cleaned after the run (``newsindex.revise``)
    ledger: Ledger | None = None  # --ledger: every input's fate, one JSON line each

    @property
    def indexed(self) -> int:
        return self.index_stats.indexed if self.index_stats else 0

    @property
    def unchanged(self) -> int:
        return self.index_stats.unchanged if self.index_stats else 0

    def skip(self, kind: str, source: str | None = None, reason: str | None = None) -> None:
        self.skipped[kind] += 1
        if self.ledger is not None:
            self.ledger.skipped(source, kind, reason)

    def fail(self, item: dict, reason: str, dead: DeadLetter | None) -> None:
        """One failure: counted, one line naming the input and the reason, kept for replay (unless a preview)."""
        self.failed += 1
        print(f"newsindex: {item.get('source') or item.get('url') or '?'}: {reason}", file=sys.stderr)
        if dead is not None:
            dead.record_item(item, reason)
        if self.ledger is not None:
            self.ledger.failed(item.get("source") or item.get("url"), reason, item.get("id"))

    def line(self, done: str = "indexed") -> str:
        done_count = self.indexed if self.index_stats else self.extracted
        text = f"read {self.read}: {done} {done_count}"
        if self.index_stats:
            stats = self.index_stats
            recleaned = f", {stats.recleaned} re-cleaned" if stats.recleaned else ""
            text += f" ({stats.new} new, {stats.changed} changed{recleaned}), unchanged {self.unchanged}"
        text += f", failed {self.failed}, skipped {sum(self.skipped.values())}"
        if self.skipped:
            text += " (" + ", ".join(f"{count} {kind}" for kind, count in self.skipped.most_common()) + ")"
        collisions = self.collisions + (self.index_stats.collisions if self.index_stats else [])
        if collisions:
            text += f"; {len(collisions)} canonical collisions (copies under their own URLs, originals own the id)"
        if self.index_stats and self.index_stats.moved:
            text += f", {self.index_stats.moved} indexed copies moved to their own URLs"
        if self.restamped:
            text += f"; {self.restamped} earlier documents joined the story a new one linked theirs to"
        if self.failed and self.dead_letter:
            text += f" — failures kept in {self.dead_letter}; rerun them with: newsindex ingest --replay " \
                    f"{self.dead_letter}"
        return text

    def adds_up(self) -> bool:
        """Every input read is accounted for once. (After indexing, an extracted document either was
        written, was unchanged, failed at the index or was a duplicate id: those replace ``extracted``.)"""
        done = self.indexed + self.unchanged if self.index_stats else self.extracted
        return self.read == done + self.failed + sum(self.skipped.values())


@dataclass
class Replay:
    """A dead-letter file being run again. Nothing is moved until ``begin`` — called once the node answered —
    and then atomically: every entry (with those of a replay killed before, left in ``<file>.replaying``) is
    written to a new ``<file>.replaying``, which replaces any older one, before the file itself goes; the run's
    own failures go to a fresh file of the old name. ``finish`` keeps ``<file>.replaying`` as
    ``<file>.replayed`` (never over an older one). A crash at any point leaves every input in some file."""

    path: Path
    entries: list[dict]

    @property
    def aside(self) -> Path:
        return self.path.with_name(self.path.name + ".replaying")

    @property
    def urls(self) -> list[dict]:
        return [e for e in self.entries if str(e["source"]).startswith(("http://", "https://"))]

    @property
    def sources(self) -> list[str]:
        urls = self.urls
        return list(dict.fromkeys(e.get("path") or e["source"] for e in self.entries if e not in urls))

    def begin(self) -> None:
        import os

        temporary = self.path.with_name(self.path.name + ".replaying.tmp")
        with temporary.open("w", encoding="ascii") as fh:
            fh.writelines(json.dumps(entry, ensure_ascii=True) + "\n" for entry in self.entries)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temporary, self.aside)
        self.path.unlink(missing_ok=True)
        if urls := self.urls:
            dead = DeadLetter(self.path)
            for entry in urls:
                dead.record(entry["source"], entry.get("reason", ""), entry.get("url"), entry.get("stage"))
            print(f"newsindex: {len(urls)} crawl failures (URLs) stay in {self.path}: the next `newsindex crawl` "
                  "of their site fetches them again", file=sys.stderr)

    def finish(self) -> None:
        import os
        from datetime import datetime, timezone

        done = self.path.with_name(self.path.name + ".replayed")
        if done.exists():
            done = done.with_name(f"{done.name}-{datetime.now(timezone.utc):%Y%m%dT%H%M%S%f}")
        if self.aside.exists():
            os.replace(self.aside, done)


def replay_sources(path: Path) -> Replay:
    """The inputs of a dead-letter file, with those of a replay of it that was killed before it finished. A file
    with no entry at all is refused and left as it is. A line that is not an entry is skipped with a warning.

    Crawl failures (URLs) are not files: the replay writes them back to the fresh dead-letter file, and the
    next crawl of their site fetches them again."""
    aside = path.with_name(path.name + ".replaying")
    if not path.is_file() and not aside.is_file():
        raise NewsindexError(f"dead-letter file {path} does not exist")
    entries, warnings = read_entries(path) if path.is_file() else ([], [])
    earlier, earlier_warnings = read_entries(aside) if aside.is_file() else ([], [])
    if not entries and not earlier:
        raise NewsindexError(f"{path} holds no dead-letter entry ({len(warnings)} lines that are not one): not a "
                             "dead-letter file, left as it is")
    for warning in warnings + earlier_warnings:
        print(f"newsindex: {warning}", file=sys.stderr)
    merged = list({entry_key(e): e for e in earlier + entries}.values())
    return Replay(path, merged)


def _declared_sites(settings: Settings) -> dict:
    """The sites of the sources file, when there is one: their rules apply to ingests of their pages too."""
    if not settings.sources.is_file():
        return {}
    from crawler.sites import load_sites

    try:
        return load_sites(settings.sources)
    except NewsindexError as exc:
        print(f"newsindex: warning: {exc}; site rules are not applied", file=sys.stderr)
        return {}


def documents(settings: Settings, paths: list[str], dead: DeadLetter | None, summary: Summary,
              preview: bool = False, records: Iterable[dict | ReadFailure | Skipped] = (),
              progress: bool = True, left_out: bool = False) -> Iterator[dict]:
    """Run inputs through every stage; each is counted once in ``summary`` — read, then failed (reported
    and dead-lettered), skipped (with its kind) or yielded as a document. ``preview`` (``extract``
    without ``--store``) uses a throw-away dedupe store (a temporary file, removed however the run ends) and
    writes no dead-letter file. ``records``: raw items read elsewhere (archived pages, for a re-index), counted
    like the rest. ``left_out`` (``extract --explain``): each HTML document also lists the page blocks
    trafilatura left out."""

    def on_failure(item: dict, reason: str) -> None:
        summary.fail(item, reason, dead)

    def on_skip(item: dict, reason: str) -> None:
        summary.skip("duplicates (the same article again)", item.get("source") or item.get("url"), reason)
        print(f"newsindex: {item.get('source') or item.get('url')}: skipped, {reason}", file=sys.stderr)

    def items() -> Iterator[dict]:
        for entry in itertools.chain(iter_file_items(paths, not_article), records):
            summary.read += 1
            if isinstance(entry, ReadFailure):
                on_failure({"source": entry.source}, f"read: {entry.reason}")
            elif isinstance(entry, Skipped):
                summary.skip(entry.kind, entry.source, entry.reason)
            else:
                if sites and (name := site_name_of(sites, entry.get("url"))):
                    entry.setdefault("source_name", name)  # its quality history is its declared site's
                if sites and "domains" not in entry and (site := owner(entry.get("url"))) is not None:
                    entry["domains"] = site.domains  # an archived page: its canonical judged as in the crawl
                yield entry

    from crawler.sites import article_url_filter, extraction_rules, site_name_of

    sites = _declared_sites(settings)
    not_article = article_url_filter(sites) if sites else None

    def owner(url: str | None):
        return next((site for site in sites.values() if url and site.owns(url)), None)
  # archive records keep to their site's rules
    component_settings = {**settings.component_settings(), "NEWSINDEX_SITE_RULES": extraction_rules(sites)}
    scratch = None
    if preview:  # on disk, not in memory: the store grew ~7 KB a document as ":memory:"
        scratch = preview_scratch()
        component_settings["NEWSINDEX_STORE_PATH"] = str(Path(scratch.name) / "store.sqlite")
        component_settings["NEWSINDEX_QUALITY_PATH"] = None
    component_settings["NEWSINDEX_EXPLAIN_LEFT_OUT"] = left_out
    stages = []
    try:
        stages = build_stages(component_settings)
        bar = progress_bar(None, "extracting") if progress else (lambda stream: stream)
        for doc in run_batch(items(), stages, on_failure, progress=bar,
                             on_skip=on_skip):
            summary.extracted += 1
            yield doc
    finally:
        try:
            _close(stages, summary)
        finally:  # the preview's store goes whatever ended the run (a failure, a signal, the reader leaving)
            if scratch is not None:
                scratch.cleanup()


PREVIEW_PREFIX = "newsindex-preview-"


def preview_scratch() -> tempfile.TemporaryDirectory:
    """The preview's folder, named with this process's id; the folders of previews that were killed (SIGKILL
    runs no cleanup) go first."""
    sweep_killed_previews(Path(tempfile.gettempdir()))
    return tempfile.TemporaryDirectory(prefix=f"{PREVIEW_PREFIX}{os.getpid()}-")


def sweep_killed_previews(folder: Path) -> list[Path]:
    """Remove the preview folders in ``folder`` whose process is gone; the removed ones."""
    removed = []
    for scratch in folder.glob(f"{PREVIEW_PREFIX}*-*"):
        pid = scratch.name[len(PREVIEW_PREFIX):].split("-", 1)[0]
        if scratch.is_dir() and pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(scratch, ignore_errors=True)
            removed.append(scratch)
    return removed


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _close(stages: list, summary: Summary) -> None:
    """Every stage closed, and what they found kept in the account."""
    for stage in stages:
        stage.close()
        if isinstance(stage, IdentityStage):
            summary.collisions.extend(stage.collisions)
        if isinstance(stage, NearDuplicateStage):
            summary.merged_stories.update(stage.merged)
        if isinstance(stage, QualityStage):
            summary.alarms.extend(alarm.line() for alarm in stage.alarms)


def ingest(settings: Settings, paths: list[str], on_connected: Callable[[], None] | None = None,
           ledger: Path | None = None) -> Summary:
    """Index the inputs; ``on_connected`` runs once the node answered (a replay moves its file aside then).
    ``ledger``: a file that names every input's fate, one JSON line each."""
    from pipelines.elastic import analysis_behind, connect, setup
    from pipelines.index import bulk_index

    opened = Ledger(ledger) if ledger else None  # before anything moves: a ledger it cannot write is one line
    client = connect(settings)
    index = setup(client, settings)
    if on_connected is not None:
        on_connected()
    dead = DeadLetter(settings.dead_letter)
    summary = Summary(dead_letter=settings.dead_letter, ledger=opened)
    if hint := analysis_behind(client, index):
        summary.notes.append(hint)
    docs = documents(settings, paths, dead, summary)

    def on_index_failure(doc: dict, reason: str) -> None:
        summary.fail(doc, reason, dead)

    indexed_before_loss = 0

    def counted(stream):
        nonlocal indexed_before_loss
        if summary.ledger is not None:  # the ledger reads each document's hash before it is written
            stream = _expected(stream, summary.ledger, client, settings.alias)
        for doc in stream:
            yield doc
            indexed_before_loss += 1

    try:
        summary.index_stats = bulk_index(client, index, counted(docs), on_index_failure, settings.bulk_size,
                                         lookup=settings.alias, history=settings.history_alias,
                                         chunk_bytes=settings.bulk_bytes)
    except (ESConnectionError, ConnectionTimeout) as exc:
        raise NewsindexError(
            f"lost the connection to Elasticsearch at {settings.display_url} after sending ~{indexed_before_loss} "
            "documents; bring it back (`newsindex es start`) and run the same ingest again: document ids are "
            "stable, so nothing is duplicated") from exc
    if summary.index_stats.duplicate:
        summary.skipped["duplicates (the same article again)"] += summary.index_stats.duplicate
    for line in summary.index_stats.collisions:
        print(f"newsindex: {line}", file=sys.stderr)
    if summary.merged_stories:
        from newsindex.stories import restamp

        summary.restamped = restamp(client, index, summary.merged_stories)
    client.indices.refresh(index=settings.alias)
    if summary.ledger is not None:
        summary.ledger.settle(client, settings.alias, missing=f"not in the index after the run (see {dead.path})")
        summary.ledger.close()
    from newsindex.revise import revise

    summary.revision = revise(settings, client, index)
    return summary


def _expected(stream: Iterable[dict], ledger: Ledger, client, alias: str) -> Iterator[dict]:
    stream = iter(stream)
    while chunk := list(itertools.islice(stream, LOOKUP_BATCH)):
        ledger.expect(client, alias, chunk)
        yield from chunk


def explain(doc: dict) -> str:
    """A readable kept/removed view of one document."""
    lines = [f"=== {doc['source']}",
             f"title: {doc.get('title')!r}   author: {doc.get('author')}   published: {doc.get('published')}",
             f"site: {doc.get('site')}   language: {doc.get('language')} ({doc.get('language_confidence')})"
             f"   cluster: {doc.get('cluster_id')}"]
    for paragraph in doc["paragraphs"]:
        lines.append(f"  KEEP  {_clip(paragraph)}")
    for removed in doc.get("removed") or []:
        why = removed["reason"]
        if removed.get("rule") and removed["rule"] != why:  # the engine's rule that decided (pipelines/engine.py)
            why += f" by {removed['rule']}"
        if removed.get("signals"):  # the fitted scorer's: each feature's contribution to its log-odds
            signals = ", ".join(f"{name}={value:+}" if removed.get("rule") == "scorer" else f"{name}={value}"
                                for name, value in removed["signals"].items())
            why += f" score {removed['score']}: {signals}"
        if removed.get("kept_anyway"):  # listed among KEEP too: the rules wanted it gone, recall-first kept it
            lines.append(f"  HELD  [{why}] {_clip(removed['text'])} (kept anyway: {removed['kept_anyway']})")
        else:
            lines.append(f"  DROP  [{why}] {_clip(removed['text'])}")
    for block in doc.get("left_out") or []:  # never reached our rules: trafilatura's main text did not hold it
        lines.append(f"  OUT   [trafilatura] {_clip(block['text'])}")
    return "\n".join(lines)


def _clip(text: str, width: int = 110) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
