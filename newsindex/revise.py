"""After a crawl or an ingest: what a site's later pages taught, applied to its earlier documents.

A site's template is learned from its pages (``pipelines.template``). Under a crawl, the first pages of a site
are cleaned before the template is known; an ingest may teach what earlier runs' documents need. So after
each run, for every site whose counts changed since its documents were last revised, each stored page's lines
are judged again with the counts as they are now; a page whose verdict changed is re-cleaned from its raw
input (its file, or its newest record in the crawl archive) through the same stages and updated in place:
same id, same version, nothing in history (``pipelines.index``: the article itself did not change). The
result of a run does not depend on which of a site's pages came first.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.config import Settings
from pipelines.deadletter import DeadLetter
from pipelines.identity import canonical_url, is_web_url


@dataclass
class Revision:
    sites: list[str] = field(default_factory=list)
    stale: int = 0  # documents whose verdict changed
    recleaned: int = 0
    changed: int = 0  # their raw input had changed too: a new version
    unchanged: int = 0
    failed: int = 0
    no_input: list[str] = field(default_factory=list)  # neither the file nor an archived record is left

    def line(self) -> str | None:
        if not self.stale:
            return None
        text = (f"revised {self.stale} documents of {', '.join(self.sites)} with what later pages taught of their "
                f"site's template: {self.recleaned} re-cleaned in place")
        if self.changed:
            text += f", {self.changed} changed (their page had changed too)"
        if self.unchanged:
            text += f", {self.unchanged} already clean"
        if self.failed:
            text += f", {self.failed} failed"
        if self.no_input:
            text += f"; {len(self.no_input)} without a raw input left kept as they were"
        return text


def stale_pages(settings: Settings) -> tuple[dict[str, int], list[dict]]:
    """Sites whose counts changed since their last revision (site → generation), and the origins of their
    stored pages whose verdict is not the one they were cleaned with."""
    from pipelines.dedupe import SiteBoilerplateStage

    stage = SiteBoilerplateStage.from_settings(settings.component_settings())
    try:
        changed = stage.templates.changed_sites()
        stale = []
        for site, generation in changed.items():
            for page in stage.templates.pages(site):
                if not page.digest or page.judged_at == generation:  # judged with the counts as they are
                    continue
                if stage.verdicts(site, page.lines).digest() != page.verdict:
                    stale.append(page.origin)
        return changed, stale
    finally:
        stage.close()


def _raw_inputs(settings: Settings, origins: list[dict], revision: Revision) -> tuple[list[str], Iterator]:
    """Files that still exist, and archived records of crawled pages; the rest is reported."""
    from crawler.sources import latest_archived, read_archived

    files, urls = [], []
    for origin in origins:
        path = origin.get("path")
        if path and Path(path).is_file() and not str(path).endswith((".warc", ".warc.gz")):
            files.append(path)
        elif (url := origin.get("fetched_url")) and is_web_url(url):
            urls.append(url)
        else:
            revision.no_input.append(str(origin.get("source")))
    archive = settings.home / "archive"
    archived = latest_archived(archive) if urls and archive.is_dir() else {}
    records = []
    for url in urls:
        if (found := archived.get(canonical_url(url))) is not None:
            records.append(found)
        else:
            revision.no_input.append(url)
    return sorted(set(files)), (read_archived(path, offset) for path, offset in sorted(set(records)))


def revise(settings: Settings, client, index: str) -> Revision:
    """Re-clean the documents whose site's knowledge changed their verdict, and mark those sites revised."""
    from newsindex.ingest import Summary, documents
    from pipelines.index import bulk_index

    revision = Revision()
    changed, origins = stale_pages(settings)
    revision.sites, revision.stale = sorted(changed), len(origins)
    if origins:
        dead = DeadLetter(settings.dead_letter)
        summary = Summary(dead_letter=settings.dead_letter)
        files, records = _raw_inputs(settings, origins, revision)

        def on_failure(doc: dict, reason: str) -> None:
            summary.fail(doc, f"revision: {reason}", dead)

        docs = documents(settings, files, dead, summary, records=records, progress=False)
        stats = bulk_index(client, index, docs, on_failure, settings.bulk_size, lookup=settings.alias,
                           history=settings.history_alias, chunk_bytes=settings.bulk_bytes)
        revision.recleaned, revision.changed, revision.unchanged = stats.recleaned, stats.changed, stats.unchanged
        revision.failed = summary.failed
        client.indices.refresh(index=settings.alias)
    from pipelines.template_store import template_store

    store = template_store(settings.dedupe_store, settings.redis_url)
    try:
        for site, generation in changed.items():
            store.mark_revised(site, generation)
    finally:
        store.close()
    return revision

