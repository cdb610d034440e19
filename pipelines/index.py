"""The writer at the end of the pipeline: bulk-index finished documents into the write alias.

Unchanged documents (same ``content_hash``) are not re-indexed; a changed one gets
``version`` + 1, and its previous text is kept in the history index. A document whose article is the same
(same ``article_hash``: the text before the site's template and recurring lines were taken out) but whose
cleaning changed — its site's template was learned further — is *re-cleaned*: updated in place, same
version, nothing in history (the reader's article did not change). ``bulk_index`` is the one writer: the
CLI calls it, and under Scrapy ``pipelines.writer`` calls it from its own thread. The requests themselves
(chunks, retries, splitting a refused request) are ``pipelines.bulk``'s.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from elasticsearch import ApiError, Elasticsearch

from pipelines.base import Item
from pipelines.bulk import NodeUnavailable, send
from pipelines.errors import NewsindexError
from pipelines.identity import host_of, own_id, own_url

logger = logging.getLogger(__name__)

CHUNK_SIZE = 500
# Requests stay well below the node's http.max_content_length (100 MB) and its circuit breakers.
CHUNK_BYTES = 10 * 1024 * 1024
# Languages with text_<code>, title_<code> and description_<code> fields (index_config/component_mappings.json):
# the text, title and description are indexed a second time there with that language's analyzer, and kept out
# of _source.
ANALYZED_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "tr", "uk")
ANALYZED_FIELDS = ("text", "title", "description")


@dataclass
class IndexStats:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicate: int = 0  # the same id twice in one request chunk: the last one is written
    moved: int = 0  # copies written earlier under their original's id, moved to their own when it came
    collisions: list[str] = field(default_factory=list)  # one line each: whose id a copy could not take
    recleaned: int = 0  # the same article, cleaned differently: updated in place, same version

    @property
    def indexed(self) -> int:
        """Documents written: new, changed or re-cleaned, each counted once the node took it (one it rejected is
        counted as failed only, so new + changed + re-cleaned is what was indexed)."""
        return self.new + self.changed + self.recleaned

    def add(self, other: IndexStats) -> None:
        self.new, self.changed = self.new + other.new, self.changed + other.changed
        self.recleaned += other.recleaned
        self.unchanged, self.failed = self.unchanged + other.unchanged, self.failed + other.failed
        self.duplicate += other.duplicate
        self.moved += other.moved
        self.collisions += other.collisions


def to_action(doc: Item, index: str) -> dict:
    source = {k: v for k, v in doc.items() if k != "id" and not k.startswith(tuple(f"{f}_" for f in ANALYZED_FIELDS))}
    if source.get("language") in ANALYZED_LANGUAGES:
        for name in ANALYZED_FIELDS:
            if source.get(name):
                source[f"{name}_{source['language']}"] = source[name]
    return {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": source}


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _origin(doc: Item) -> str:
    """Which input a document came from: its own URL, canonicalised (a1?utm_source=rss is a1), else its file."""
    return own_url(doc.get("fetched_url") or doc.get("source")) or doc.get("source") or ""


def _rekeyed(doc: Item) -> Item:
    """A copy under its own id and URL (the original holds the canonical's), in the same story."""
    url = own_url(doc.get("fetched_url") or doc.get("source")) or doc.get("url")
    return {**doc, "id": own_id(doc.get("source") or "", doc.get("fetched_url")), "url": url,
            "site": host_of(url) or doc.get("site"), "cluster_id": doc.get("cluster_id") or doc["id"]}


def _settle(docs: list[Item], existing: dict, stats: IndexStats) -> tuple[list[Item], list[Item], list[Item]]:
    """Claims on one id by different inputs (this chunk's, and the indexed document's): the original
    (``pipelines.identity.is_original``) keeps the id whichever came first. Returns the documents to write
    under their id, the copies re-keyed to their own (looked up again), and indexed copies the original
    displaces (to be moved)."""
    by_id: dict[str, list[Item]] = {}
    for doc in docs:
        by_id.setdefault(doc["id"], []).append(doc)
    keep, rekey, displaced = [], [], []
    for doc_id, claims in by_id.items():
        last_of = {}
        for doc in claims:  # one input twice in a chunk: the last is written, the rest counted as duplicates
            last_of[_origin(doc)] = doc
        stats.duplicate += len(claims) - len(last_of)
        claims = list(last_of.values())
        old = existing.get(doc_id)
        if old is not None and "original" not in old:  # indexed before claims were recorded
            if fetched := own_url(old.get("source")):  # a crawled page: its own URL says whether it is the original
                old = {**old, "fetched_url": fetched, "original": fetched == old.get("url")}
            else:  # a file: one of these inputs
                old = {**old, "fetched_url": _origin(claims[0]), "original": bool(claims[0].get("original"))}
        holder = next((d for d in claims if d.get("original")), None)
        if holder is None and old is not None and any(_origin(old) == _origin(d) for d in claims):
            holder = next(d for d in claims if _origin(old) == _origin(d))
        if holder is None and old is not None and old.get("original"):
            holder = old
        holder = holder or (old if old is not None else claims[0])
        if old is not None and holder is not old and _origin(old) != _origin(holder) and not old.get("original"):
            if old.get("content_hash") == holder.get("content_hash") and not holder.get("original"):
                holder = old  # the same article from another copy: it stays as it was
            else:
                displaced.append({**old, "id": doc_id})
                existing.pop(doc_id)
        for doc in claims:
            if doc is holder:
                keep.append(doc)
            elif old is not None and holder is old and doc.get("content_hash") == old.get("content_hash") \
                    and not doc.get("original") and not old.get("original"):
                stats.unchanged += 1  # two copies of one text: as good as the one indexed
            else:
                stats.collisions.append(f"{_origin(doc)}: canonical {doc.get('url')} is the id of "
                                        f"{_origin(holder)}: kept under its own URL")
                rekey.append(_rekeyed(doc))
    return keep, rekey, displaced


def _versioned_actions(client: Elasticsearch, chunk: list[Item], index: str, lookup: str | None,
                       history: str | None, stats: IndexStats, pending: dict, skip_unchanged: bool,
                       settled: bool = False) -> list[dict]:
    """The actions for one chunk of documents: claims on one id settled (the original keeps it, copies go to
    their own; an indexed copy the original displaces is moved), then each new, changed (its old text to
    ``history``), re-cleaned or unchanged one kept in ``pending`` with its kind, counted in ``stats`` once the
    node answered for it."""
    # Two light lookups instead of one heavy one: hashes and versions of all, then whole documents only
    # for those that changed (their old text goes to the history index).
    existing = _lookup(client, lookup, [d["id"] for d in chunk], LOOKUP_FIELDS) if lookup else {}
    actions: list[dict] = []
    if not settled:
        chunk, rekey, displaced = _settle(chunk, existing, stats)
        if displaced:  # written earlier under their original's id: moved whole to their own
            full = _lookup(client, lookup, [d["id"] for d in displaced])
            fresh = {d["id"] for d in rekey}
            for old_id, doc in full.items():
                moved = _rekeyed({"id": old_id, **doc})
                stats.collisions.append(f"{_origin(moved)}: the original of {doc.get('url')} came: this copy "
                                        f"moves to its own URL {moved['url']}")
                if moved["id"] in fresh:  # the copy itself is in this chunk again: written (and versioned) as such
                    continue
                pending[moved["id"]] = (moved, "moved")  # counted once the node took it
                actions.append(to_action(moved, index))
        if rekey:
            actions += _versioned_actions(client, rekey, index, lookup, history, stats, pending, skip_unchanged,
                                          settled=True)
    else:
        unique = list({doc["id"]: doc for doc in chunk}.values())
        stats.duplicate += len(chunk) - len(unique)
        chunk = unique
    changed = [d["id"] for d in chunk if d["id"] in existing
               and existing[d["id"]].get("content_hash") != d.get("content_hash")
               and not _recleaned(existing[d["id"]], d)]
    if history and changed:
        existing.update(_lookup(client, lookup, changed))
    for doc in chunk:
        old = existing.get(doc["id"])
        if old is None:
            kind = "new"
            doc = {**doc, "version": doc.get("version") or 1}
        elif old.get("content_hash") == doc.get("content_hash"):
            kind = "unchanged"
            if skip_unchanged:
                stats.unchanged += 1
                continue
            doc = {**doc, "version": old.get("version") or 1}
        elif _recleaned(old, doc):
            kind = "recleaned"
            doc = {**doc, "version": old.get("version") or 1}
        else:
            kind = "changed"
            previous = int(old.get("version") or 1)
            doc = {**doc, "version": previous + 1}
            if history:
                actions.append(to_action({**old, "id": f"{doc['id']}@v{previous}"}, history))
        if doc["id"] in pending:  # the same id again in a later chunk, not yet written: one document
            stats.duplicate += 1
        pending[doc["id"]] = (doc, kind)  # counted by its kind once the node answered for it
        actions.append(to_action(doc, index))
    return actions


LOOKUP_FIELDS = ["content_hash", "article_hash", "version", "source", "fetched_url", "original", "url"]


def _recleaned(old: Item, doc: Item) -> bool:
    """The same article as before, only cleaned differently (see the module's docstring)."""
    return bool(old.get("article_hash")) and old.get("article_hash") == doc.get("article_hash")


def _lookup(client: Elasticsearch, lookup: str, ids: list[str], fields: list[str] | None = None,
            retries: int = 5, backoff: float = 1.0) -> dict:
    """The current documents for these ids. A shard that is moving (a node was lost, its replica is being
    promoted) answers with an error for its documents: asked again, never taken for "not there" (which
    would reset their version)."""
    existing: dict = {}
    for attempt in range(retries + 1):
        source = {"source_includes": fields} if fields else {"source_excludes": ["text_*"]}
        try:
            found = client.mget(index=lookup, ids=ids, **source)
        except ApiError as exc:
            if exc.meta.status < 500 and exc.meta.status != 429:
                raise
            raise NodeUnavailable(f"Elasticsearch answered a look-up of {len(ids)} documents with HTTP "
                                  f"{exc.meta.status} through its retries; nothing was lost: check `newsindex es "
                                  "status` and run the same command again") from exc
        existing.update({d["_id"]: d["_source"] for d in found["docs"] if d.get("found")})
        ids = [d["_id"] for d in found["docs"] if "error" in d]
        if not ids:
            return existing
        if attempt < retries:
            time.sleep(min(backoff * 2 ** attempt, 30))
    raise NewsindexError(f"Elasticsearch could not look up {len(ids)} documents (their shards are unavailable); "
                         "check `newsindex es status` and run again")


def bulk_index(client: Elasticsearch, index: str, docs: Iterable[Item], on_failure: Callable[[Item, str], None],
               chunk_size: int = CHUNK_SIZE, lookup: str | None = None, history: str | None = None,
               skip_unchanged: bool = True, chunk_bytes: int = CHUNK_BYTES) -> IndexStats:
    """Index documents; per-document failures go to ``on_failure``.

    With ``lookup`` (an index or alias holding the current documents), unchanged ones are skipped and
    changed ones versioned, their previous text written to ``history``. ``skip_unchanged=False`` writes
    unchanged ones too, keeping their version (a re-index into a new index). Requests hold at most
    ``chunk_size`` documents and ``chunk_bytes`` bytes.
    """
    stats = IndexStats()
    pending: dict[str, Item] = {}

    def on_result(action: dict, error: str | None) -> None:
        doc, kind = pending.pop(action["_id"], (None, None))
        if doc is None:  # an old version written to the history index
            return
        if kind == "moved" and error:  # not an input of this run: said, not counted as a failure of one
            stats.collisions.append(f"{_origin(doc)}: could not be moved to {doc['id']}: {error} (crawl or ingest "
                                    "it again to index it under its own URL)")
        elif error:
            stats.failed += 1
            on_failure(doc, f"index: {error}")
        else:
            setattr(stats, kind, getattr(stats, kind) + 1)

    for chunk in _chunks(docs, chunk_size):
        actions = _versioned_actions(client, chunk, index, lookup, history, stats, pending, skip_unchanged)
        send(client, actions, on_result, chunk_size, chunk_bytes)
    return stats
