"""Against the real node: setup and upgrades, zero-downtime re-index
with searches running, collapsed search and deep pagination, and surviving a killed node."""

import json
import os
import subprocess
import sys
import threading

import pytest
from helpers import ROOT, SEEDS, write_articles
from relay import BulkRelay, kill_pid_file

from newsindex import node
from newsindex.cli import main
from newsindex.search import SearchRequest, search
from pipelines.config import load_settings
from pipelines.elastic import (
    index_schema_version,
    read_password,
    schema_version,
    setup,
    write_index,
)
from pipelines.errors import NewsindexError

pytestmark = pytest.mark.es
BIN = os.path.dirname(sys.executable)


def ids_and_hashes(client, alias):
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, size=10_000, source=["content_hash", "text"])["hits"]["hits"]
    return {h["_id"]: (h["_source"]["content_hash"], h["_source"]["text"]) for h in hits}


def test_setup_is_idempotent_and_writes_the_current_schema(es_env, es_client):
    settings = load_settings()
    index = setup(es_client, settings)
    assert index_schema_version(es_client, index) == schema_version()
    assert setup(es_client, settings) == index


def test_old_schema_is_upgraded_in_place_and_conflicts_say_reindex(es_env, es_client):
    settings = load_settings()
    old = f"{settings.alias}-v1-legacy"
    es_client.indices.create(index=old, mappings={"_meta": {"schema_version": 1},
                                                  "properties": {"title": {"type": "text"}}},
                             aliases={settings.alias: {}, settings.write_alias: {"is_write_index": True}})
    assert setup(es_client, settings) == old
    assert "text_en" in es_client.indices.get_mapping(index=old)[old]["mappings"]["properties"]

    conflicting = f"{settings.alias}-v1-conflict"
    es_client.indices.update_aliases(actions=[{"remove_index": {"index": old}}])
    es_client.indices.create(index=conflicting, mappings={"_meta": {"schema_version": 1},
                                                          "properties": {"site": {"type": "text"}}},
                             aliases={settings.alias: {}, settings.write_alias: {"is_write_index": True}})
    with pytest.raises(NewsindexError, match="newsindex reindex"):
        setup(es_client, settings)
    assert write_index(es_client, settings) == conflicting  # aliases untouched
    assert main(["reindex", "--from", "index"]) == 0  # ... and the re-index it points to gets past it
    rebuilt = write_index(es_client, settings)
    assert rebuilt != conflicting and index_schema_version(es_client, rebuilt) == schema_version()
    assert es_client.indices.get_mapping(index=rebuilt)[rebuilt]["mappings"]["properties"]["site"]["type"] == "keyword"


def test_reindex_keeps_answering_searches(es_env, es_client, tmp_path, capsys):
    settings = load_settings()
    write_articles(tmp_path / "corpus", 400)
    assert main(["ingest", str(tmp_path / "corpus")]) == 0
    before = ids_and_hashes(es_client, settings.alias)
    old = write_index(es_client, settings)

    failures, totals, stop = [], [], threading.Event()

    def query_loop():
        while not stop.is_set():
            try:
                totals.append(search(es_client, settings.alias, SearchRequest("paragraph", size=1))["total"])
            except Exception as exc:  # any failure during the swap is what this test is about
                failures.append(exc)

    thread = threading.Thread(target=query_loop)
    thread.start()
    try:
        assert main(["reindex", "--from", "sources", "--delete-old"]) == 0
    finally:
        stop.set()
        thread.join()
    assert failures == [] and len(totals) > 3 and set(totals) == {400}
    new = write_index(es_client, settings)
    assert new != old and not es_client.indices.exists(index=old)
    assert ids_and_hashes(es_client, settings.alias) == before
    assert "re-indexed 400 documents" in capsys.readouterr().out

    assert main(["reindex", "--from", "index", "--keep-old"]) == 0
    assert es_client.indices.exists(index=new) and ids_and_hashes(es_client, settings.alias) == before


def test_collapse_and_deep_pagination(es_env, es_client, tmp_path):
    settings = load_settings()
    copies = tmp_path / "copies"
    copies.mkdir()
    story = (SEEDS / "004_1094e6563f4abb73.txt").read_text(encoding="utf-8")
    for i in range(3):
        (copies / f"wire_{i}.txt").write_text(story, encoding="utf-8")
    assert main(["ingest", str(SEEDS), str(copies)]) == 0
    result = search(es_client, settings.alias, SearchRequest("Nagorno-Karabakh", size=10))
    assert result["total"] == 8 and result["stories"] == 5 and len(result["hits"]) == 5
    assert sorted(h["copies"] for h in result["hits"]) == [1, 1, 1, 1, 4]

    facets_only = search(es_client, settings.alias, SearchRequest("*", size=0, facets=["language"]))
    assert facets_only["hits"] == [] and facets_only["facets"] == {"language": [{"value": "en", "count": 8}]}

    seen, cursor = [], "start"
    while cursor:
        page = search(es_client, settings.alias, SearchRequest("Nagorno-Karabakh", size=3, after=cursor))
        seen += [h["id"] for h in page["hits"]]
        cursor = page["next"]
    assert len(seen) == len(set(seen)) == 8


def test_killed_node_then_rerun_equals_a_clean_run(es_settings, es_env, es_client, tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 1500, seed=7)
    alias = es_env["NEWSINDEX_ALIAS"]
    pid_file = es_settings.node_dir / "elasticsearch.pid"
    relay = BulkRelay(es_settings.es_port, nth=3, action=kill_pid_file(pid_file), cut=True)
    env = {**os.environ, **es_env, "NEWSINDEX_BULK_SIZE": "25", "NEWSINDEX_ES_URL": f"http://127.0.0.1:{relay.port}",
           "NEWSINDEX_ES_PASSWORD": read_password(es_settings)}
    try:
        out = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", str(corpus)], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    finally:
        relay.close()
    assert relay.fired, "the node was not killed mid-ingest"
    assert out.returncode == 2, (out.stdout, out.stderr)
    assert "lost the connection to Elasticsearch" in out.stderr and out.stderr.strip().count("\n") == 0
    node.start(es_settings)
    partial = es_client.count(index=alias)["count"]
    assert 0 < partial < 1500  # two bulks landed before the loss, the rest did not

    rerun = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", str(corpus)], env={**os.environ, **es_env},
                           cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    clean_env = {**os.environ, **es_env, "NEWSINDEX_ALIAS": alias + "-clean",
                 "NEWSINDEX_STORE_PATH": str(tmp_path / "clean.sqlite")}
    clean = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", str(corpus)], env=clean_env, cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0, clean.stderr
    recovered, reference = ids_and_hashes(es_client, alias), ids_and_hashes(es_client, alias + "-clean")
    assert len(recovered) == 1500 and recovered == reference
    assert es_client.count(index=alias)["count"] == 1500  # none duplicated


def test_failed_reindex_leaves_the_aliases_where_they_were(es_env, es_client, tmp_path, capsys):
    settings = load_settings()
    corpus = tmp_path / "corpus"
    write_articles(corpus, 20)
    assert main(["ingest", str(corpus)]) == 0
    before = write_index(es_client, settings)
    indices_before = set(es_client.indices.get(index=f"{settings.alias}-v*"))
    # A broken template wins over ours for the new index: every document is rejected there.
    broken = f"broken-{settings.alias}"
    es_client.indices.put_index_template(name=broken, index_patterns=[f"{settings.alias}-v*"], priority=900,
                                         template={"mappings": {"properties": {"title": {"type": "long"}}}})
    try:
        assert main(["reindex", "--from", "sources"]) == 2
    finally:
        es_client.indices.delete_index_template(name=broken)
    assert "no document could be copied" in capsys.readouterr().err
    assert write_index(es_client, settings) == before
    assert set(es_client.indices.get(index=f"{settings.alias}-v*")) == indices_before  # no half-built index
    assert es_client.count(index=settings.alias)["count"] == 20


def test_reindex_from_sources_keeps_every_document(es_env, es_client, tmp_path, capsys):
    """Files are re-extracted from the files, crawled pages from the raw archive, and a document with no raw
    input left is copied as it was: the count never drops."""
    from fixture_site import FixtureSite
    from helpers import crawl, write_sources

    settings = load_settings()
    files = write_articles(tmp_path / "files", 6)
    assert main(["ingest", str(tmp_path / "files")]) == 0
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        crawled = crawl({**es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")})
        assert "new 7," in crawled.stdout, crawled.stdout + crawled.stderr[-2000:]
    es_client.indices.refresh(index=settings.alias)
    before = ids_and_hashes(es_client, settings.alias)
    assert len(before) == 13
    files[0].unlink()  # one file's raw input is gone
    capsys.readouterr()
    assert main(["reindex", "--from", "sources"]) == 0
    out = capsys.readouterr()
    assert "(12 re-extracted from their files or the crawl archive, 1 without a raw input copied" in out.out
    assert "1 document has no raw input left" in out.err
    after = ids_and_hashes(es_client, settings.alias)
    assert after == before  # the same documents, the same text: today's extraction agrees with the crawl


@pytest.mark.parametrize("query", ['Lavrov "unbalanced (', "a:b/c [x] {y} ~ ^ \\\\", "-", '"', "AND OR NOT"])
def test_user_queries_never_error(es_env, es_client, query, capsys):
    """simple_query_string: what query_string would reject with a parse error is answered."""
    assert main(["ingest", str(SEEDS)]) == 0
    capsys.readouterr()
    assert main(["search", query, "--json"]) == 0
    out = capsys.readouterr()
    assert json.loads(out.out)["query"] == query and out.err == ""
