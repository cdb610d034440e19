"""A real three-node cluster on loopback (the same Maven-provisioned distribution, security on, one replica):
writes and searches survive a data node killed mid-run, for an ingest and for a crawl, and the cluster comes
back whole when the node restarts."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from fixture_site import FixtureSite
from helpers import ROOT, need_service, write_articles, write_sources
from relay import BulkRelay, kill_pid_file

from newsindex import node
from pipelines.config import load_settings
from pipelines.elastic import connect, read_password

pytestmark = [pytest.mark.es, pytest.mark.slow]
BIN = os.path.dirname(sys.executable)
CLUSTER_PORT = int(os.environ.get("NEWSINDEX_TEST_CLUSTER_PORT", "9280"))


@pytest.fixture(scope="module")
def cluster():
    need_service("a 3-node Elasticsearch cluster")
    home = Path(tempfile.mkdtemp(prefix="newsindex-cluster-", dir="/tmp"))
    home.chmod(0o755)
    # Small heaps: three nodes and the session's own node fit a 2-core CI machine.
    settings = load_settings(home=home, es_port=CLUSTER_PORT, es_nodes=3, es_heap="384m", es_url=None,
                             es_password=None, es_api_key=None)
    node.start(settings, log=print)
    yield settings
    node.stop(settings)
    shutil.rmtree(home, ignore_errors=True)


def urls(cluster, first: str | None = None) -> list[str]:
    return ([first] if first else []) + [n.url for n in node.local_nodes(cluster)[1 if first else 0:]]


def run_env(cluster, home: Path, alias: str, es_urls: list[str], **extra) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("NEWSINDEX_", "REDIS_URL"))}
    return {**env, "NEWSINDEX_HOME": str(home), "NEWSINDEX_ES_URL": ",".join(es_urls),
            "NEWSINDEX_ES_PASSWORD": read_password(cluster), "NEWSINDEX_ALIAS": alias,
            "NEWSINDEX_SHARDS": "3", "NEWSINDEX_REPLICAS": "1", **extra}


def newsindex(*args, env) -> subprocess.CompletedProcess:
    return subprocess.run([os.path.join(BIN, "newsindex"), *args], env=env, cwd=ROOT, capture_output=True,
                          text=True, timeout=600)


def client_for(cluster):
    return connect(load_settings(home=cluster.home, es_url=",".join(urls(cluster)),
                                 es_password=read_password(cluster)))


def documents(client, alias) -> dict:
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, size=10_000, source=["content_hash", "version"])["hits"]["hits"]
    return {h["_id"]: (h["_source"]["content_hash"], h["_source"]["version"]) for h in hits}


QUERY = {"match": {"text": "minister"}}


class Searcher:
    """Searches the finished index over and over while a node is lost, recording every answer."""

    def __init__(self, client, alias: str):
        self.client, self.alias = client, alias
        self.answers: list[tuple[int, int]] = []  # (hits, failed shards)
        self.errors: list[str] = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self.stop.wait(0.2):
            try:
                found = self.client.search(index=self.alias, size=0, track_total_hits=True, query=QUERY)
                self.answers.append((found["hits"]["total"]["value"], found["_shards"]["failed"]))
            except Exception as exc:  # noqa: BLE001 - any failure to answer is what the test counts
                self.errors.append(repr(exc))


def restore(cluster, client) -> None:
    node.start(cluster, log=print)  # starts the node that is down; the others keep running
    health = client.cluster.health(wait_for_status="green", timeout="120s")
    assert health["status"] == "green" and health["number_of_nodes"] == 3


def test_status_shows_the_cluster(cluster):
    out = newsindex("es", "status", env=run_env(cluster, cluster.home, "x", urls(cluster)))
    assert out.returncode == 0, out.stderr
    assert "3 node(s)" in out.stdout and "elected master" in out.stdout
    assert all(f"newsindex-{i}" in out.stdout for i in (1, 2, 3))


def test_ingest_survives_a_node_killed_mid_run(cluster, tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 600, seed=3)
    client = client_for(cluster)
    clean = newsindex("ingest", str(corpus), env=run_env(cluster, tmp_path / "clean", "clean", urls(cluster),
                                                         NEWSINDEX_BULK_SIZE="25"))
    assert clean.returncode == 0, clean.stderr
    reference = documents(client, "clean")
    assert len(reference) == 600

    victim = node.local_nodes(cluster)[2]
    matching = client.count(index="clean", query=QUERY)["count"]
    searcher = Searcher(client, "clean")
    kill = kill_pid_file(victim.pid_file)

    def kill_and_search():
        kill()
        searcher.thread.start()

    relay = BulkRelay(node.local_nodes(cluster)[0].http_port, nth=4, action=kill_and_search)
    env = run_env(cluster, tmp_path / "lossy", "lossy", urls(cluster, first=relay.url), NEWSINDEX_BULK_SIZE="25")
    try:
        run = newsindex("ingest", str(corpus), env=env)
    finally:
        searcher.stop.set()
        relay.close()
    assert relay.fired, "the node was not killed mid-ingest"
    searcher.thread.join(timeout=60)
    # Bulk items caught by the loss are retried until their replica is promoted: the run finishes.
    assert run.returncode == 0 and "indexed 600 (600 new" in run.stdout, (run.stdout, run.stderr[-2000:])
    assert searcher.answers and not searcher.errors, searcher.errors[:3]
    assert all(answer == (matching, 0) for answer in searcher.answers)  # every search whole, every shard

    status = newsindex("es", "status", env=env)
    assert "2 node(s)" in status.stdout, status.stdout

    rerun = newsindex("ingest", str(corpus), env=env)  # a rerun during the loss: nothing to write again
    assert rerun.returncode == 0 and "unchanged 600" in rerun.stdout, (rerun.stdout, rerun.stderr)
    assert documents(client, "lossy") == reference  # none lost, none duplicated, versions as a clean run
    restore(cluster, client)
    assert documents(client, "lossy") == reference


def test_crawl_survives_a_node_killed_mid_run(cluster, tmp_path):
    client = client_for(cluster)
    victim = node.local_nodes(cluster)[1]
    relay = BulkRelay(node.local_nodes(cluster)[0].http_port, nth=2, action=kill_pid_file(victim.pid_file))
    home = tmp_path / "home"
    with FixtureSite(extra_articles=40) as site:
        write_sources(tmp_path / "sources.yaml", site)
        env = run_env(cluster, home, "crawled", urls(cluster, first=relay.url), NEWSINDEX_BULK_SIZE="5",
                      NEWSINDEX_SOURCES=str(tmp_path / "sources.yaml"))
        try:
            out = newsindex("crawl", "fixture", env=env)
        finally:
            relay.close()
    assert relay.fired, "the node was not killed mid-crawl"
    assert out.returncode in (0, 1), out.stderr[-2000:]
    dead = home / "dead-letter.jsonl"
    failures = [json.loads(line)["reason"] for line in dead.read_text().splitlines()] if dead.exists() else []
    assert not [r for r in failures if r.startswith("index")], failures  # no write lost to the node loss
    assert len(documents(client, "crawled")) == 7 + 40  # the site's articles (as in test_crawl) + the extra ones
    restore(cluster, client)
