"""Scale-out on Redis: two crawler processes share one request queue and dupefilter (scrapy-redis)
and the cross-document dedupe store, and split one site without fetching any page twice."""

import os
import shutil
import socket
import subprocess
import sys
import time

import pytest
from conftest import ROOT
from fixture_site import FixtureSite
from test_crawl import write_sources

pytestmark = pytest.mark.es
BIN = os.path.dirname(sys.executable)


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed: `apt-get install redis-server` (.ci/run does it)")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    folder = tmp_path_factory.mktemp("redis")
    proc = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
                             "no", "--dir", str(folder)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    import redis

    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    yield f"redis://127.0.0.1:{port}/0"
    proc.terminate()
    proc.wait(timeout=10)


def test_two_processes_split_one_site(es_env, es_client, redis_url, tmp_path, own_home):
    import redis

    home = own_home
    with FixtureSite(extra_articles=120, delay=0.1) as site:
        write_sources(tmp_path / "sources.yaml", site)
        env = {**os.environ, **es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
               "NEWSINDEX_HOME": str(home), "REDIS_URL": redis_url, "NEWSINDEX_CRAWL_RUN": "test-run"}
        env.pop("NEWSINDEX_STORE_PATH")  # the dedupe stores move to Redis
        procs = [subprocess.Popen([os.path.join(BIN, "newsindex"), "crawl", "fixture"], env=env, cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        outputs = [p.communicate(timeout=300) for p in procs]
        fetched = [int(out.split("fetched ")[1].split(",")[0]) for out, _ in outputs]
        article_paths = [p for p in site.requests if p.startswith("/news/2024/")]

    retried = {"/news/2024/01/broken": 2, "/news/2024/01/slow": 2}  # a try and a retry, as one process makes
    assert all(site.requests[p] == retried.get(p, 1) for p in article_paths), site.requests
    assert len([p for p in article_paths if p.startswith("/news/2024/02/")]) == 120
    assert min(fetched) >= 5, (fetched, [e for _, e in outputs])  # both did real work
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    assert es_client.count(index=es_env["NEWSINDEX_ALIAS"])["count"] == 127
    keys = redis.Redis.from_url(redis_url).keys("*")
    assert any(k.startswith(b"news-fixture:test-run:dupefilter") for k in keys)
    assert any(k.startswith(b"newsindex:minhash:") for k in keys)  # near-duplicate store in Redis
