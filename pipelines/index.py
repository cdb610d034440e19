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

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from elasticsearch import ApiError, Elasticsearch

from pipelines.base import Item
from pipelines.bulk import NodeUnavailable, send
from pipelines.errors import NewsindexError

CHUNK_SIZE = 500
# Requests stay well below the node's http.max_content_length (100 MB) and its circuit breakers.
CHUNK_BYTES = 10 * 1024 * 1024
# Languages with a text_<code> field (index_config/component_mappings.json): the text is indexed
# a second time there with that language's analyzer, and kept out of _source.
ANALYZED_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "tr", "uk")


@dataclass
class IndexStats:
    new: int = 0
    changed: int = 0
    unchanged: int = 0
    failed: int = 0
    duplicate: int = 0  # the same id twice in one request chunk: the last one is written
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


def to_action(doc: Item, index: str) -> dict:
    source = {k: v for k, v in doc.items() if k != "id" and not k.startswith("text_")}
    if source.get("language") in ANALYZED_LANGUAGES:
        source[f"text_{source['language']}"] = source.get("text")
    return {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": source}


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _versioned_actions(client: Elasticsearch, chunk: list[Item], index: str, lookup: str | None,
                       history: str | None, stats: IndexStats, pending: dict, skip_unchanged: bool) -> list[dict]:
    """The actions for one chunk of documents: each new, changed (its old text to ``history``), re-cleaned
    or unchanged one kept in ``pending`` with its kind, counted in ``stats`` once the node answered for it."""
    # One article reached twice in a chunk is written once (the last) and counted as a duplicate; the
    # identity stage already skips these within a run, so this guards direct callers.
    unique = list({doc["id"]: doc for doc in chunk}.values())
    stats.duplicate += len(chunk) - len(unique)
    chunk = unique
    # Two light lookups instead of one heavy one: hashes and versions of all, then whole documents only
    # for those that changed (their old text goes to the history index).
    existing = _lookup(client, lookup, [d["id"] for d in chunk], LOOKUP_FIELDS) if lookup else {}
    changed = [d["id"] for d in chunk if d["id"] in existing
               and existing[d["id"]].get("content_hash") != d.get("content_hash")
               and not _recleaned(existing[d["id"]], d)]
    if history and changed:
        existing.update(_lookup(client, lookup, changed))
    actions = []
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


LOOKUP_FIELDS = ["content_hash", "article_hash", "version"]


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
        if error:
            stats.failed += 1
            on_failure(doc, f"index: {error}")
        else:
            setattr(stats, kind, getattr(stats, kind) + 1)

    for chunk in _chunks(docs, chunk_size):
        actions = _versioned_actions(client, chunk, index, lookup, history, stats, pending, skip_unchanged)
        send(client, actions, on_result, chunk_size, chunk_bytes)
    return stats
