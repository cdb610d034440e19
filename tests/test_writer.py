"""The Elasticsearch writer (pipelines/bulk.py, pipelines/writer.py) against the real node: behind a relay
that answers bulk requests as a busy, refusing or unavailable node does, and under a crawl whose site holds
its second article until the test has seen the first one in the index."""

import os
import signal
import subprocess
import sys
import threading
import time

import pytest
from fixture_site import FixtureSite
from helpers import ROOT, write_articles
from relay import StatusRelay

from pipelines.config import load_settings
from pipelines.deadletter import read_entries
from pipelines.elastic import connect, read_password, setup
from pipelines.index import bulk_index

pytestmark = pytest.mark.es
BIN = os.path.dirname(sys.executable)


def bulk_answer(status: int, when=lambda body: True):
    return lambda line, body: status if " /_bulk" in line and when(body) else None


def through(relay: StatusRelay, es_settings):
    return connect(load_settings(es_url=relay.url, es_password=read_password(es_settings)))


def stories(count: int, words: int = 60) -> list[dict]:
    return [{"id": f"doc-{i}", "title": f"Story {i}", "text": " ".join(f"word{i}x{j}" for j in range(words)),
             "content_hash": f"h{i}"} for i in range(count)]


def test_a_node_busy_for_long_gets_its_reason_not_a_size(es_settings, es_env, es_client):
    index = setup(es_client, load_settings())
    relay = StatusRelay(es_settings.es_port, bulk_answer(429))
    failed = []
    try:
        stats = bulk_index(through(relay, es_settings), index, stories(3),
                           lambda doc, reason: failed.append((doc["id"], reason)))
    finally:
        relay.close()
    assert sorted(doc for doc, _ in failed) == ["doc-0", "doc-1", "doc-2"] and stats.indexed == 0
    for _, reason in failed:
        assert reason.startswith("index: the node was still busy after 5 retries"), reason
        assert "HTTP 429" in reason and "write queue full" in reason and "refused a" not in reason
        assert "\n" not in reason
    assert len(relay.answered) > 5  # retried, with backoff, before giving up


def test_a_503_storm_is_one_line_exit_2_and_a_rerun_completes(es_settings, es_env, es_client, tmp_path):
    corpus = tmp_path / "corpus"
    write_articles(corpus, 40, seed=11)
    storm = threading.Event()
    storm.set()
    relay = StatusRelay(es_settings.es_port, lambda line, body: 503 if storm.is_set() and " /_bulk" in line else None)
    env = {**os.environ, **es_env, "NEWSINDEX_ES_URL": relay.url, "NEWSINDEX_ES_PASSWORD": read_password(es_settings)}
    try:
        out = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", str(corpus)], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
        assert out.returncode == 2, (out.stdout, out.stderr)
        assert "Traceback" not in out.stderr and len(out.stderr.strip().splitlines()) == 1, out.stderr
        assert "HTTP 503" in out.stderr and "run the same command again" in out.stderr
        assert len(relay.answered) > 5
        storm.clear()
        rerun = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", str(corpus)], env=env, cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
    finally:
        relay.close()
    assert rerun.returncode == 0, rerun.stderr
    assert "read 40: indexed 40 (40 new, 0 changed), unchanged 0, failed 0" in rerun.stdout, rerun.stdout
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    assert es_client.count(index=es_env["NEWSINDEX_ALIAS"])["count"] == 40


def test_a_request_refused_as_too_large_is_halved_until_it_passes(es_settings, es_env, es_client):
    index = setup(es_client, load_settings())
    relay = StatusRelay(es_settings.es_port, bulk_answer(413, when=lambda body: len(body) > 100_000))
    failed = []
    try:
        stats = bulk_index(through(relay, es_settings), index, stories(200, words=100),
                           lambda doc, reason: failed.append((doc["id"], reason)),
                           chunk_size=500, chunk_bytes=100 * 1024 * 1024)  # one request of ~280 kB at first
    finally:
        relay.close()
    assert failed == [] and stats.indexed == 200
    assert relay.answered.count(413) >= 3  # 200 → 100 + 100 → 50s …
    es_client.indices.refresh(index=index)
    assert es_client.count(index=index)["count"] == 200


def wait_for(condition, seconds: float = 150.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def write_slow_site(path, site: FixtureSite, timeout: int = 180) -> None:
    path.write_text(f"""
sites:
  fixture:
    domains: ["127.0.0.1"]
    sitemaps: ["{site.url('/sitemap.xml')}"]
    window_days: 30
    allow: ['/news/2024/02/']
    depth: 0
    settings:
      DOWNLOAD_DELAY: 0
      AUTOTHROTTLE_ENABLED: false
      RETRY_TIMES: 0
      DOWNLOAD_TIMEOUT: {timeout}
""")


def indexed(client, alias: str) -> int:
    try:
        client.indices.refresh(index=alias)
        return client.count(index=alias)["count"]
    except Exception:  # the crawl has not made its index yet
        return 0


def test_a_slow_crawls_first_article_is_searchable_before_the_crawl_ends(es_env, es_client, tmp_path, own_home):
    """The site holds its second article until the test saw the first in the index: only a flush by time
    (NEWSINDEX_FLUSH_SECONDS) writes it while the crawl goes on; a buffer waiting for 500 would not."""
    alias = es_env["NEWSINDEX_ALIAS"]
    with FixtureSite(extra_articles=2, gate_after=1) as site:
        write_slow_site(tmp_path / "sources.yaml", site)
        env = {**os.environ, **es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
               "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_FLUSH_SECONDS": "0.5"}
        proc = subprocess.Popen([os.path.join(BIN, "newsindex"), "crawl", "fixture"], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            seen = wait_for(lambda: site.held >= 1 and indexed(es_client, alias) == 1 or proc.poll() is not None)
            assert seen and proc.poll() is None, "the first article was not searchable while the crawl went on"
            assert not site.gate.is_set()  # the second article is still held: the crawl has not ended
            site.gate.set()
            out, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert proc.returncode == 0, err[-2000:]
    assert indexed(es_client, alias) == 2


def test_sigterm_writes_or_dead_letters_what_is_in_flight(es_env, es_client, tmp_path, own_home):
    """A SIGTERM while a document waits in the writer's queue (a flush time far away) and an article is
    still downloading: the queued document is written at close, the download that cannot finish is
    dead-lettered; nothing is lost."""
    alias = es_env["NEWSINDEX_ALIAS"]
    with FixtureSite(extra_articles=2, gate_after=1) as site:
        write_slow_site(tmp_path / "sources.yaml", site, timeout=5)
        env = {**os.environ, **es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
               "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_FLUSH_SECONDS": "3600"}
        proc = subprocess.Popen([os.path.join(BIN, "newsindex"), "crawl", "fixture"], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert wait_for(lambda: site.held >= 1 and sum(site.full_responses.values()) >= 1)
            time.sleep(1)  # not a race: the document is written at close whether it is queued yet or not
            proc.send_signal(signal.SIGTERM)
            out, err = proc.communicate(timeout=300)
        finally:
            if proc.poll() is None:
                proc.kill()
    assert "Traceback" not in err, err[-2000:]
    entries, _ = read_entries(own_home / "dead-letter.jsonl") if (own_home / "dead-letter.jsonl").exists() else ([], [])
    dead = {entry.get("url") or entry["source"] for entry in entries}
    assert indexed(es_client, alias) == 1, (out, err[-2000:])
    assert len(dead) == 1 and all("/news/2024/02/b" in url for url in dead), entries


def test_the_writer_thread_pushes_back_when_full_and_drains_at_close(es_settings, es_env, es_client):
    """A bulk request held at the relay: the queue (one batch deep) fills, ``offer`` says no until the writer
    takes the next batch (``on_room``), and ``close`` returns with every document written."""
    from pipelines.writer import IndexWriter

    index = setup(es_client, load_settings())
    arrived, release = threading.Event(), threading.Event()

    def hold_first_bulk(line, body):
        if " /_bulk" in line and not arrived.is_set():
            arrived.set()
            release.wait(120)
        return None

    relay = StatusRelay(es_settings.es_port, hold_first_bulk)
    client = through(relay, es_settings)
    batches, rooms = [], threading.Semaphore(0)
    writer = IndexWriter(lambda docs, on_failure: bulk_index(client, index, docs, on_failure, 2), batches.append,
                         chunk_size=2, flush_seconds=0.05, on_room=rooms.release)
    docs = stories(5)
    try:
        assert writer.offer(docs[0])
        assert arrived.wait(120)  # the writer took it and is sending it: the request is held
        assert writer.offer(docs[1]) and writer.offer(docs[2])
        assert not writer.offer(docs[3])  # full: the caller waits
        while rooms.acquire(blocking=False):  # the first batch's room, taken before the hold
            pass
        release.set()
        assert rooms.acquire(timeout=120)  # the next batch was taken: room again
        assert writer.offer(docs[3]) and writer.offer(docs[4])
        writer.close()
    finally:
        release.set()
        relay.close()
    assert writer.error is None and [doc["id"] for batch in batches for doc in batch.docs] == [
        d["id"] for d in docs]
    assert sum(batch.stats.new for batch in batches) == 5 and not any(b.failures for b in batches)
    es_client.indices.refresh(index=index)
    assert es_client.count(index=index)["count"] == 5


def test_a_503_storm_under_a_crawl_is_one_line_exit_2_and_the_next_crawl_completes(es_settings, es_env, es_client,
                                                                                   tmp_path, own_home):
    """The writer thread meets a node that answers every bulk with 503 past the retries: the crawl stops with
    one line (exit 2), its documents dead-lettered with the reason; the next crawl fetches them in full (no
    validators were kept for them) and indexes every one."""
    alias = es_env["NEWSINDEX_ALIAS"]
    storm = threading.Event()
    storm.set()
    relay = StatusRelay(es_settings.es_port, lambda line, body: 503 if storm.is_set() and " /_bulk" in line else None)
    try:
        with FixtureSite(extra_articles=3) as site:
            write_slow_site(tmp_path / "sources.yaml", site, timeout=30)
            env = {**os.environ, **es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
                   "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_ES_URL": relay.url,
                   "NEWSINDEX_ES_PASSWORD": read_password(es_settings)}
            first = subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "fixture"], env=env, cwd=ROOT,
                                   capture_output=True, text=True, timeout=600)
            storm.clear()
            second = subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "fixture"], env=env, cwd=ROOT,
                                    capture_output=True, text=True, timeout=600)
    finally:
        relay.close()
    assert first.returncode == 2, (first.stdout, first.stderr[-2000:])
    last = first.stderr.strip().splitlines()[-1]
    assert last.startswith("newsindex: error: fixture: Elasticsearch answered every bulk request with HTTP 503")
    entries, _ = read_entries(own_home / "dead-letter.jsonl")
    assert {e["url"] for e in entries} == {site.url(f"/news/2024/02/b{n:04d}") for n in range(3)}
    assert all(e["reason"].startswith("index: Elasticsearch answered every bulk") for e in entries)
    assert second.returncode == 0, second.stderr[-2000:]
    assert indexed(es_client, alias) == 3
