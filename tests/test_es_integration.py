"""Against the real Elasticsearch node: ingest → search → facets → idempotent re-ingest →
filters narrow; the Scrapy path lands the same documents; failures say what to do."""

import json
import os
import subprocess
import sys

import pytest
from helpers import ROOT, SEEDS

from newsindex import node
from newsindex.cli import main
from pipelines.config import load_settings

pytestmark = pytest.mark.es
BIN = os.path.dirname(sys.executable)


def newsindex(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([os.path.join(BIN, "newsindex"), *args], env={**os.environ, **env}, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


def count(client, alias: str) -> int:
    client.indices.refresh(index=alias)
    return client.count(index=alias)["count"]


def test_node_status_and_idempotent_start(es_settings):
    first = node.status(es_settings)
    assert first.running and first.version == "9.2.0" and first.health in ("green", "yellow")
    again = node.start(es_settings)
    assert again.pid == first.pid
    assert oct(es_settings.password_file.stat().st_mode & 0o777) == "0o600"


def test_ingest_search_facets_reingest_filters(es_env, es_client, capsys):
    alias = es_env["NEWSINDEX_ALIAS"]
    assert main(["ingest", str(SEEDS)]) == 0
    # seeds/README.md is read and skipped: the account adds up to every input.
    assert ("read 6: indexed 5 (5 new, 0 changed), unchanged 0, failed 0, skipped 1 (1 non-article files)"
            in capsys.readouterr().out)
    assert count(es_client, alias) == 5

    result = newsindex("search", "Nagorno-Karabakh", "--json", env=es_env)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert found["total"] == 5 and len(found["hits"]) == 5
    assert all("Nagorno" in " ".join(h["highlight"]["text"]) for h in found["hits"])
    assert found["facets"]["language"] == [{"value": "en", "count": 5}]
    assert found["facets"]["published"] == [{"value": "2017-11", "count": 1}]
    assert {"value": "Leman Zeynalova", "count": 1} in found["facets"]["author"]
    ids = {h["id"] for h in found["hits"]}

    before = {h["_id"]: h["_version"] for h in es_client.search(index=alias, version=True)["hits"]["hits"]}
    assert main(["ingest", str(SEEDS)]) == 0
    assert "indexed 0 (0 new, 0 changed), unchanged 5" in capsys.readouterr().out
    assert count(es_client, alias) == 5
    after = {h["_id"]: h["_version"] for h in es_client.search(index=alias, version=True)["hits"]["hits"]}
    assert after == before and set(after) == ids  # unchanged content is not re-indexed

    narrowed = json.loads(newsindex("search", "Nagorno-Karabakh", "--json", "--since", "2017-11-01",
                                    "--until", "2017-11-30", env=es_env).stdout)
    assert narrowed["total"] == 1 and narrowed["hits"][0]["author"] == ["Leman Zeynalova"]
    assert json.loads(newsindex("search", "Lavrov", "--json", "--lang", "ru", env=es_env).stdout)["total"] == 0
    moscow = json.loads(newsindex("search", "\"Moscow Times\"", "--json", env=es_env).stdout)
    assert moscow["total"] == 0  # the donation appeal that named it was removed before indexing

    text = newsindex("search", "Lavrov Yerevan", env=es_env)
    assert "Facets" in text.stdout and "language   en" in text.stdout


def test_scrapy_path_indexes_the_same_documents(es_env, es_client):
    alias = es_env["NEWSINDEX_ALIAS"]
    proc = subprocess.run([os.path.join(BIN, "scrapy"), "crawl", "files", "-a", f"path={SEEDS}"],
                          env={**os.environ, **es_env}, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "log_count/ERROR" not in proc.stderr, proc.stderr[-3000:]
    assert count(es_client, alias) == 5
    assert main(["ingest", str(SEEDS)]) == 0
    assert count(es_client, alias) == 5  # same ids from both sources


def test_changed_article_gets_a_new_version_and_history(es_env, es_client, tmp_path, capsys):
    alias = es_env["NEWSINDEX_ALIAS"]
    folder = tmp_path / "site"
    folder.mkdir()
    article = folder / "story.txt"
    article.write_text((SEEDS / "000_9b816a3f21cb8d63.txt").read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["ingest", str(folder)]) == 0
    original = es_client.search(index=alias)["hits"]["hits"][0]
    article.write_text(article.read_text(encoding="utf-8") + "\nLavrov later left for Baku, officials said.\n",
                       encoding="utf-8")
    assert main(["ingest", str(folder)]) == 0
    assert "indexed 1 (0 new, 1 changed)" in capsys.readouterr().out
    es_client.indices.refresh(index=f"{alias}-history")
    current = es_client.get(index=alias, id=original["_id"])["_source"]
    previous = es_client.get(index=f"{alias}-history", id=f"{original['_id']}@v1")["_source"]
    assert current["version"] == 2 and "left for Baku" in current["text"]
    assert previous["version"] == 1 and previous["text"] == original["_source"]["text"]
    assert count(es_client, alias) == 1


def test_unreachable_node_is_one_clear_line(es_env, monkeypatch):
    result = newsindex("search", "x", env={**es_env, "NEWSINDEX_ES_PORT": "9299", "NEWSINDEX_HOME": "/nonexistent"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "newsindex es start" in result.stderr


def test_wrong_credentials_is_one_clear_line(es_env, es_settings):
    env = {**es_env, "NEWSINDEX_ES_URL": es_settings.url, "NEWSINDEX_ES_PASSWORD": "wrong"}
    result = newsindex("search", "x", env=env)
    assert result.returncode == 2 and "rejected the credentials" in result.stderr
    assert result.stderr.strip().count("\n") == 0


def test_missing_path_is_counted_and_the_run_goes_on(es_env, es_client, tmp_path, capsys):
    assert main(["ingest", str(tmp_path / "nope.html"), str(SEEDS / "000_9b816a3f21cb8d63.txt")]) == 1
    out = capsys.readouterr()
    assert "read 2: indexed 1 (1 new, 0 changed), unchanged 0, failed 1, skipped 0" in out.out
    assert "nope.html: read: no such file" in out.err
    assert count(es_client, es_env["NEWSINDEX_ALIAS"]) == 1
    assert load_settings().dead_letter.exists()
