"""The document as indexed: text, hash, counts, timestamps; internal fields dropped."""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone

from pipelines.base import Item, Stage
from pipelines.cleaning import normalise

FIELDS = ["id", "source", "url", "fetched_url", "site", "site_name", "title", "author", "published", "fetched_at",
          "ingested_at", "language", "language_confidence", "language_status", "tags", "description",
          "paragraphs", "text", "word_count", "removed", "content_hash", "article_hash", "cluster_id", "encoding",
          "version", "original"]


def content_hash(title: str | None, paragraphs: list[str]) -> str:
    """Hash of the normalised title and text: unchanged content gives an unchanged hash."""
    joined = normalise(title or "") + "\n" + "\n".join(normalise(p) for p in paragraphs)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


class FinalizeStage(Stage):
    name = "finalize"

    def process(self, item: Item) -> Item:
        item["text"] = "\n\n".join(item["paragraphs"])
        item["word_count"] = len(item["text"].split())
        item["content_hash"] = content_hash(item.get("title"), item["paragraphs"])
        item["ingested_at"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
        item.setdefault("version", 1)
        doc = {key: item.get(key) for key in FIELDS}
        if "left_out" in item:  # extract --explain: what trafilatura left out of the page (never indexed)
            doc["left_out"] = item["left_out"]
        return doc
