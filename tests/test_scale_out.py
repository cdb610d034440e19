"""Scale-out on Redis: two crawler processes share one request queue and dupefilter (scrapy-redis), the
cross-document dedupe store and the HTTP validators; they split one site without fetching any page twice,
and when one is killed mid-crawl the other takes back its requests and finishes: no article lost."""

import os
import signal
import subprocess
import sys
import time

import pytest
from fixture_site import FixtureSite
from helpers import ROOT, write_sources

pytestmark = [pytest.mark.es, pytest.mark.slow]
BIN = os.path.dirname(sys.executable)


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


def crawl_env(es_env, tmp_path, home, redis_url, run: str) -> dict:
    env = {**os.environ, **es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
           "NEWSINDEX_HOME": str(home), "REDIS_URL": redis_url, "NEWSINDEX_CRAWL_RUN": run}
    env.pop("NEWSINDEX_STORE_PATH")
    return env


def test_a_worker_killed_mid_crawl_loses_no_article(es_env, es_client, redis_url, tmp_path, own_home):
    import redis

    server = redis.Redis.from_url(redis_url)
    with FixtureSite(extra_articles=60, gate_after=15) as site:
        write_sources(tmp_path / "sources.yaml", site)
        env = crawl_env(es_env, tmp_path, own_home, redis_url, "crash-run")
        procs = {}
        for _ in range(2):
            proc = subprocess.Popen([os.path.join(BIN, "newsindex"), "crawl", "fixture"], env=env, cwd=ROOT,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            procs[proc.pid] = proc
        # The gate holds the extra articles past the 15th: wait (no timer to race) until requests are held
        # there and a worker holds leases, then kill that worker while its downloads hang.
        victim = None
        deadline = time.monotonic() + 180
        while victim is None and time.monotonic() < deadline:
            leased = [key.decode() for key in server.scan_iter(match="news-fixture:crash-run:inflight:*")
                      if server.hlen(key)]
            pids = [int(key.split(":inflight:")[1].split(":")[1]) for key in leased]
            if site.held >= 2 and (alive := [pid for pid in pids if pid in procs]):
                victim = alive[0]
            time.sleep(0.1)
        assert victim is not None, "no worker held leases at the gate"
        os.kill(victim, signal.SIGKILL)
        procs.pop(victim).wait(timeout=30)
        site.gate.set()
        (survivor,) = procs.values()
        out, err = survivor.communicate(timeout=300)

    assert survivor.returncode in (0, 1), err[-2000:]
    assert "reclaimed " in out, out  # the survivor took back the dead worker's requests
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    urls = [h["_source"]["url"] for h in es_client.search(index=es_env["NEWSINDEX_ALIAS"], size=1000,
                                                           source=["url"])["hits"]["hits"]]
    extra = {u.rsplit("/", 1)[-1] for u in urls if "/news/2024/02/" in u}
    assert extra == {f"b{n:04d}" for n in range(60)}, (out, err[-2000:])  # every listed article indexed …
    first = {"a1", "a2", "a3", "a4", "a5", "a6", "syndicated"}
    missing = first - {u.rsplit("/", 1)[-1] for u in urls if "/news/2024/01/" in u}
    assert not missing, (missing, out, err[-4000:])
    assert len(urls) == len(set(urls)) == 7 + 60  # … once


def test_validators_are_shared_through_redis(es_env, redis_url, tmp_path, own_home):
    """A page fetched by one worker is revalidated (If-None-Match → 304) by another on another machine:
    a second home, so nothing local is shared."""
    other_home = tmp_path / "other-home"
    other_home.mkdir()
    (other_home / "node").symlink_to(os.path.join(es_env["NEWSINDEX_HOME"], "node"))
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        first = subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "fixture"], cwd=ROOT, timeout=300,
                               env=crawl_env(es_env, tmp_path, own_home, redis_url, "validators-1"),
                               capture_output=True, text=True)
        assert first.returncode in (0, 1), first.stderr[-2000:]
        assert not site.not_modified
        second = subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "fixture"], cwd=ROOT, timeout=300,
                                env=crawl_env(es_env, tmp_path, other_home, redis_url, "validators-2"),
                                capture_output=True, text=True)
        assert second.returncode in (0, 1), second.stderr[-2000:]
        assert site.not_modified["/news/2024/01/a3"] == 1 and site.not_modified["/news/2024/01/a4"] == 1
    assert not (own_home / "http-validators.sqlite").exists()
