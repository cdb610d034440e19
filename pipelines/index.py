"""The writer at the end of the pipeline: bulk-index finished documents into the write alias.

``bulk_index`` is what the CLI uses; ``ElasticsearchPipeline`` is the same writer as a
Scrapy item pipeline, buffering items and flushing them in bulk.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from elasticsearch import Elasticsearch, helpers

from pipelines.base import Item, Stage

CHUNK_SIZE = 500


# Languages with a text_<code> field (index_config/component_mappings.json): the text is indexed
# a second time there with that language's analyzer, and kept out of _source.
ANALYZED_LANGUAGES = ("en", "ru", "de", "fr", "es", "it", "tr", "uk")


def to_action(doc: Item, index: str) -> dict:
    source = {k: v for k, v in doc.items() if k != "id" and not k.startswith("text_")}
    if source.get("language") in ANALYZED_LANGUAGES:
        source[f"text_{source['language']}"] = source.get("text")
    return {"_op_type": "index", "_index": index, "_id": doc["id"], "_source": source}


def bulk_index(client: Elasticsearch, index: str, docs: Iterable[Item],
               on_failure: Callable[[Item, str], None], chunk_size: int = CHUNK_SIZE) -> int:
    """Index documents; per-document failures go to ``on_failure``. Returns the count indexed."""
    pending: dict[str, Item] = {}

    def actions() -> Iterator[dict]:
        for doc in docs:
            pending[doc["id"]] = doc
            yield to_action(doc, index)

    indexed = 0
    # 429s are retried with backoff here; a node that stays unreachable raises (after the client's own
    # retries) instead of failing every remaining document one by one.
    for ok, info in helpers.streaming_bulk(client, actions(), chunk_size=chunk_size, max_retries=5,
                                           initial_backoff=1, max_backoff=30, raise_on_error=False):
        result = next(iter(info.values()))
        doc = pending.pop(result.get("_id"), None)
        if ok:
            indexed += 1
        elif doc is not None:
            error = result.get("error") or {}
            reason = error.get("reason", str(error)) if isinstance(error, dict) else str(error)
            on_failure(doc, f"index: {reason}")
    return indexed


class ElasticsearchPipeline(Stage):
    """Scrapy item pipeline: buffers documents and bulk-indexes them into the write alias."""

    name = "index"

    def __init__(self, client: Elasticsearch, index: str, on_failure: Callable[[Item, str], None],
                 chunk_size: int = CHUNK_SIZE):
        self.client, self.index, self.on_failure, self.chunk_size = client, index, on_failure, chunk_size
        self.buffer: list[Item] = []
        self.indexed = 0

    @classmethod
    def from_crawler(cls, crawler) -> ElasticsearchPipeline:
        from newsindex.deadletter import DeadLetter
        from newsindex.es import connect, setup
        from newsindex.settings import load_settings

        settings = load_settings()
        client = connect(settings)
        setup(client, settings)
        dead = DeadLetter(settings.dead_letter)
        return cls(client, settings.write_alias, dead.record_item, crawler.settings.getint("NEWSINDEX_BULK_SIZE",
                                                                                            CHUNK_SIZE))

    def process(self, item: Item) -> Item:
        self.buffer.append(item)
        if len(self.buffer) >= self.chunk_size:
            self.flush()
        return item

    def flush(self) -> None:
        if self.buffer:
            self.indexed += bulk_index(self.client, self.index, self.buffer, self.on_failure, self.chunk_size)
            self.buffer = []

    def close(self) -> None:
        self.flush()
