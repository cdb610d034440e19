"""Stories: near-duplicate clusters by union-find, in the SQLite and the Redis store alike (a chain A~B~C is one
story whatever the order; the story id is the smallest document id in it), and on the real node: a document
that links two indexed stories brings the earlier documents into one story, whose hit shows the original and
lists its copies with their sites."""

import json

import pytest

from newsindex.cli import main
from pipelines.dedupe import DedupeConfig, NearDuplicateStage, estimated_jaccard, minhash_signature


def chain_text(replaced: list[int]) -> str:
    """200 words; each start in ``replaced`` swaps 8 of them: one swap from A to B, another from B to C."""
    words = [f"term{i}" for i in range(200)]
    for start in replaced:
        for k in range(8):
            words[start + k] = f"other{start}x{k}"
    return " ".join(words)


CHAIN = {"a": chain_text([]), "b": chain_text([60]), "c": chain_text([60, 140])}


def test_the_chain_is_a_chain():
    """The premise, on the signatures themselves: A~B and B~C pass the threshold, A and C do not."""
    sig = {k: minhash_signature(v) for k, v in CHAIN.items()}
    threshold = DedupeConfig().near_dup_threshold
    assert estimated_jaccard(sig["a"], sig["b"]) >= threshold and estimated_jaccard(sig["b"], sig["c"]) >= threshold
    assert estimated_jaccard(sig["a"], sig["c"]) < threshold


def item(doc_id: str) -> dict:
    return {"id": doc_id, "paragraphs": [CHAIN[doc_id[-1]]]}


@pytest.fixture(params=["sqlite", "redis"])
def store(request, tmp_path):
    if request.param == "sqlite":
        return {"store_path": tmp_path / "store.sqlite"}
    url = request.getfixturevalue("redis_url")
    import redis

    redis.Redis.from_url(url).flushdb()
    return {"store_path": None, "redis_url": url}


def test_a_chain_is_one_story_in_a_batch(store):
    stage = NearDuplicateStage(**store)
    batch = [item("id-c"), item("id-a"), item("id-b")]
    stage.prepare(batch)
    assert {stage.process(i)["cluster_id"] for i in batch} == {"id-a"}
    stage.close()


@pytest.mark.parametrize("order", [("id-a", "id-c", "id-b"), ("id-c", "id-b", "id-a"), ("id-b", "id-c", "id-a")])
def test_a_chain_is_one_story_whatever_the_order_of_arrival(store, order):
    """Items one at a time (as under Scrapy), each in a stage of its own (runs one after another): the end is
    one story with the smallest id, and a merge of two earlier stories is recorded for the index."""
    stories, merged = {}, {}
    for doc_id in order:
        stage = NearDuplicateStage(**store)
        stories[doc_id] = stage.process(item(doc_id))["cluster_id"]
        merged.update(stage.merged)
        stage.close()
    stage = NearDuplicateStage(**store)
    from pipelines.dedupe import story_of

    assert {story_of(stage.store, d) for d in order} == {"id-a"}
    stage.close()
    if order[-1] == "id-b":  # A and C were two stories until B came: C's was absorbed
        assert stories["id-a"] == "id-a" and stories["id-c"] == "id-c" and merged == {"id-c": "id-a"}


@pytest.mark.es
def test_a_document_linking_two_indexed_stories_joins_them(es_env, tmp_path, capsys):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    for name in ("a", "c"):
        (first / f"{name}.txt").write_text(f"Story {name.upper()}\n\n{CHAIN[name]}\n", encoding="utf-8")
    (second / "b.txt").write_text(f"Story B\n\n{CHAIN['b']}\n", encoding="utf-8")
    assert main(["ingest", str(first)]) == 0
    capsys.readouterr()
    assert main(["search", "*", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["stories"] == 2
    assert main(["ingest", str(second)]) == 0
    assert "earlier documents joined the story" in capsys.readouterr().out  # those not under the smallest id
    assert main(["search", "*", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["total"] == 3 and result["stories"] == 1 and len(result["hits"]) == 1
    hit = result["hits"][0]
    assert hit["copies"] == 3 and len(hit["copy_list"]) == 2


# --- identity within a run (the index writer settles claims against earlier runs: tests/test_identity.py) ----

def claim(url: str, canonical: str, text: str) -> dict:
    from pipelines.identity import canonical_url, document_id, is_original

    return {"source": url, "fetched_url": url, "url": canonical_url(canonical),
            "id": document_id(canonical_url(canonical), url), "original": is_original(url, canonical),
            "paragraphs": [text]}


def test_within_a_run_the_original_owns_its_id_whichever_comes_first():
    from pipelines.base import Skip
    from pipelines.identity import IdentityStage, canonical_url, document_id

    original, copy = "https://news.example/a", "https://partner.news.example/a"
    own = document_id(canonical_url(copy), copy)
    for order in (("original", "copy"), ("copy", "original")):
        stage = IdentityStage()
        out = {}
        for which in order:
            url = original if which == "original" else copy
            out[which] = stage.process(claim(url, original, CHAIN["a"] + (" note" if which == "copy" else "")))
        assert out["original"]["id"] == document_id(canonical_url(original), original)
        if order[0] == "original":  # the copy, after it, goes to its own URL at once
            assert out["copy"]["id"] == own and out["copy"]["url"] == canonical_url(copy)
        assert len(stage.collisions) == 1  # either way, in the run's account
        stage.close()
    stage = IdentityStage()  # two copies of one text claiming one canonical: one article reached twice
    stage.process(claim("https://a.news.example/x", original, CHAIN["b"]))
    with pytest.raises(Skip):
        stage.process(claim("https://b.news.example/x", original, CHAIN["b"]))
    stage.close()


@pytest.mark.es
def test_restamp_finds_the_runs_own_unrefreshed_writes(es_client, es_env):
    """A crawl writes without refreshing; the stories joined during it are restamped right after, before the
    node's own refresh: restamp must see those writes (the syndicated copy indexed first stayed apart)."""
    from elasticsearch import helpers

    from newsindex.stories import restamp

    index = f"{es_env['NEWSINDEX_ALIAS']}-restamp"
    es_client.indices.create(index=index, settings={"refresh_interval": "-1", "number_of_replicas": 0},
                             mappings={"properties": {"cluster_id": {"type": "keyword"}}})
    try:
        helpers.bulk(es_client, [{"_index": index, "_id": i, "_source": {"cluster_id": c}}
                                 for i, c in [("b", "b"), ("c", "b"), ("a", "a")]], refresh=False)
        assert restamp(es_client, index, {"b": "a"}) == 2
        es_client.indices.refresh(index=index)
        stories = {h["_id"]: h["_source"]["cluster_id"] for h in es_client.search(index=index)["hits"]["hits"]}
        assert stories == {"a": "a", "b": "a", "c": "a"}
    finally:
        es_client.indices.delete(index=index, ignore_unavailable=True)
