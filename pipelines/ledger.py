"""A run's ledger (``--ledger FILE``): one JSON line per input naming its fate.

``indexed`` (with its id), ``unchanged`` (with its id), ``failed`` (with the reason) or ``skipped`` (with its
kind and reason). Whether a document was written or found unchanged is read from the index itself: its
content hash before the write, and after the run (a document that is not there with its hash failed)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pipelines.base import Item
from pipelines.errors import NewsindexError
from pipelines.identity import own_id

LOOKUP_BATCH = 500


def _hashes(client, index: str, ids: list[str]) -> dict[str, str | None]:
    """id → content hash of the documents ``index`` holds (the missing ones left out)."""
    from elasticsearch import NotFoundError

    found: dict[str, str | None] = {}
    for start in range(0, len(ids), LOOKUP_BATCH):
        try:
            reply = client.mget(index=index, ids=ids[start:start + LOOKUP_BATCH], source_includes=["content_hash"])
        except NotFoundError:  # no index behind the alias yet: nothing is there
            continue
        found.update({d["_id"]: d["_source"].get("content_hash") for d in reply["docs"] if d.get("found")})
    return found


class Ledger:
    def __init__(self, path: Path | str, append: bool = False):
        self.path = Path(path)
        try:
            self.file = self.path.open("a" if append else "w", encoding="utf-8")
        except OSError as exc:  # a configuration mistake: one line, before any input is read
            raise NewsindexError(f"cannot write the ledger {self.path}: {exc.strerror}") from None
        self.pending: dict[str, dict] = {}  # id → input, this run's hash, the hash before the write

    def write(self, source: str | None, fate: str, **fields) -> None:
        entry = {"input": source or "?", "fate": fate, **{k: v for k, v in fields.items() if v is not None}}
        self.file.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self.file.flush()

    def failed(self, source: str | None, reason: str, doc_id: str | None = None) -> None:
        if doc_id is not None:
            self.pending.pop(doc_id, None)
        self.write(source, "failed", reason=reason)

    def skipped(self, source: str | None, kind: str, reason: str | None = None) -> None:
        self.write(source, "skipped", kind=kind, reason=reason)

    def unchanged(self, source: str | None, doc_id: str | None = None) -> None:
        self.write(source, "unchanged", id=doc_id)

    def expect(self, client, index: str, docs: Iterable[Item]) -> None:
        """Documents about to be written: their hashes in the index now (before the write)."""
        docs = list(docs)
        before = _hashes(client, index, [d["id"] for d in docs])
        own = {d["id"]: own_id(d.get("source") or "", d.get("fetched_url")) for d in docs}
        before_own = _hashes(client, index, [i for d, i in own.items() if i != d])
        for doc in docs:
            self.pending[doc["id"]] = {"input": doc.get("source") or doc.get("url"), "hash": doc.get("content_hash"),
                                       "before": before.get(doc["id"]), "own": own[doc["id"]],
                                       "before_own": before_own.get(own[doc["id"]])}

    def settle(self, client, index: str, missing: str = "not in the index after the run") -> None:
        """Each expected document's fate, read from the index (refreshed by the caller)."""
        after = _hashes(client, index, list(self.pending) + [e["own"] for e in self.pending.values()])
        for doc_id, entry in self.pending.items():
            if after.get(doc_id) == entry["hash"]:
                self.write(entry["input"], "unchanged" if entry["before"] == entry["hash"] else "indexed", id=doc_id)
            elif entry["own"] != doc_id and after.get(entry["own"]) == entry["hash"]:  # a copy: under its own URL
                self.write(entry["input"], "unchanged" if entry["before_own"] == entry["hash"] else "indexed",
                           id=entry["own"])
            else:
                self.write(entry["input"], "failed", id=doc_id, reason=missing)
        self.pending.clear()

    def close(self) -> None:
        self.file.close()
