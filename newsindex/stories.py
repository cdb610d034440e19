"""Stories that became one after their documents were indexed: rewritten under the story they joined.

Union-find (``pipelines.dedupe``) keeps a story's id the smallest document id in it; when a new document links
two stories, the documents of the absorbed one, indexed in earlier runs, still carry its id. They are
rewritten whole (a partial update would lose the per-language fields kept out of ``_source``).
"""

from __future__ import annotations

from elasticsearch import Elasticsearch, helpers

from pipelines.index import to_action


def final_story(merged: dict[str, str], story: str) -> str:
    """Where a story ended up after every merge of the run (bounded: a cycle cannot loop)."""
    for _ in range(len(merged) + 1):
        if story not in merged or merged[story] == story:
            return story
        story = merged[story]
    return story


def restamp(client: Elasticsearch, index: str, merged: dict[str, str], chunk: int = 500) -> int:
    """The documents of absorbed stories moved to the story they joined; returns how many."""
    # The run's own writes are not searchable until a refresh: without it, the copies the run itself indexed
    # under an absorbed story are missed whenever the node's refresh interval has not passed yet.
    client.indices.refresh(index=index)
    absorbed = sorted(merged)
    moved = 0
    for start in range(0, len(absorbed), chunk):
        part = absorbed[start:start + chunk]
        actions = []
        for hit in helpers.scan(client, index=index, query={"query": {"terms": {"cluster_id": part}}}, size=500):
            doc = {"id": hit["_id"], **hit["_source"], "cluster_id": final_story(merged, hit["_source"]["cluster_id"])}
            actions.append(to_action(doc, index))
        if actions:
            helpers.bulk(client, actions, refresh=False)
            moved += len(actions)
    return moved
