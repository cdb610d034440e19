"""Deaths in a crawl lose nothing uncounted (issue 24, items 2 and 7), against the fixture site and the real node:
a CPU worker SIGKILLed mid-crawl (its pool is replaced, the items in it sent once more: every listed article ends
indexed or dead-lettered, and the printed account adds up); a SIGTERM to the crawl's process group (what is in
flight is finished or dead-lettered, the account printed, the exit status non-zero); wrong credentials to the
node (one line, exit 2, nothing fetched)."""

import os
import re
import signal
import subprocess
import sys
import time

import pytest
from fixture_site import FixtureSite
from helpers import ROOT

from pipelines.deadletter import read_entries

pytestmark = pytest.mark.es
BIN = os.path.join(os.path.dirname(sys.executable), "newsindex")
EXTRA = 24  # listed articles past the first ones, held at the site's gate until the test has done its harm


def write_sources(path, site: FixtureSite) -> None:
    """Only the sitemaps: every listed article is one input (a1–a4 and the extra ones)."""
    path.write_text(f"""
sites:
  fixture:
    domains: ["127.0.0.1"]
    sitemaps: ["{site.url('/sitemap.xml')}"]
    window_days: 30
    allow: ['/news/\\d{{4}}/\\d{{2}}/']
    depth: 0
    settings: {{AUTOTHROTTLE_ENABLED: false, DOWNLOAD_DELAY: 0, RETRY_TIMES: 0, CONCURRENT_REQUESTS_PER_DOMAIN: 4}}
""")


def listed(site: FixtureSite) -> set[str]:
    return {site.url(f"/news/2024/01/a{n}") for n in range(1, 5)} | {
        site.url(f"/news/2024/02/b{n:04d}") for n in range(EXTRA)}


def account(stdout: str) -> dict[str, int]:
    line = next(line for line in stdout.splitlines() if line.startswith("fixture: fetched"))
    return {key: int(value) for key, value in re.findall(r"(\w+) (\d+)", line)}


def children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    fields = fh.read().rsplit(") ", 1)[1].split()
            except (FileNotFoundError, ProcessLookupError):
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def workers_of(pid: int) -> list[int]:
    """The pool's worker processes (spawned: their command line runs multiprocessing's spawn_main; the
    resource tracker is left out)."""
    pids = []
    for child in children(pid):
        try:
            with open(f"/proc/{child}/cmdline", "rb") as fh:
                cmdline = fh.read()
        except FileNotFoundError:
            continue
        if b"spawn_main" in cmdline and b"resource_tracker" not in cmdline:
            pids.append(child)
    return pids


def wait_for(condition, what: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def start_crawl(tmp_path, es_env, own_home, site: FixtureSite) -> subprocess.Popen:
    write_sources(tmp_path / "sources.yaml", site)
    env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
           "NEWSINDEX_WORKERS": "2"}
    return subprocess.Popen([BIN, "crawl", "fixture"], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)


def indexed_urls(es_client, alias: str) -> set[str]:
    es_client.indices.refresh(index=alias)
    return {h["_source"]["url"] for h in es_client.search(index=alias, size=200, source=["url"])["hits"]["hits"]}


def dead_lettered(own_home) -> dict[str, str]:
    path = own_home / "dead-letter.jsonl"
    return {e["url"]: e["reason"] for e in read_entries(path)[0]} if path.exists() else {}


def test_a_worker_killed_mid_crawl_loses_no_article(es_env, es_client, tmp_path, own_home):
    with FixtureSite(extra_articles=EXTRA, gate_after=4) as site:
        crawl = start_crawl(tmp_path, es_env, own_home, site)
        try:
            wait_for(lambda: site.held > 0 and len(workers_of(crawl.pid)) == 2, "the crawl at the gate, two workers")
            victim = workers_of(crawl.pid)[0]
            os.kill(victim, signal.SIGKILL)
            wait_for(lambda: victim not in children(crawl.pid), "the killed worker to be reaped")
            site.gate.set()  # the rest of the articles now go to the pool that lost a worker
            stdout, stderr = crawl.communicate(timeout=300)
        finally:
            if crawl.poll() is None:
                os.killpg(crawl.pid, signal.SIGKILL)
    assert "Traceback" not in stderr, stderr[-3000:]
    counts = account(stdout)
    indexed, failed = indexed_urls(es_client, es_env["NEWSINDEX_ALIAS"]), dead_lettered(own_home)
    assert indexed | set(failed) == listed(site), (stdout, stderr[-3000:])  # every article somewhere
    assert counts["read"] == len(listed(site)) == counts["indexed"] + counts["unchanged"] + counts["failed"] + \
        counts["skipped"], stdout
    assert counts["indexed"] == len(indexed) and counts["failed"] == len(failed), stdout
    assert crawl.returncode == (1 if failed else 0)
    assert "a CPU worker process died" in stderr  # the pool was replaced, and said so
    held = {site.url(f"/news/2024/02/b{n:04d}") for n in range(5, EXTRA)}  # fetched after the kill
    assert held <= indexed, sorted(held - indexed)  # the new pool took them all


def test_sigterm_finishes_what_is_in_flight_and_exits_non_zero(es_env, es_client, tmp_path, own_home):
    with FixtureSite(extra_articles=EXTRA, gate_after=4) as site:
        crawl = start_crawl(tmp_path, es_env, own_home, site)
        try:
            wait_for(lambda: site.held >= 2 and len(workers_of(crawl.pid)) == 2, "the crawl mid-request")
            os.killpg(crawl.pid, signal.SIGTERM)  # the whole group: the CPU workers get it too
            time.sleep(1)  # the crawl handles the signal while its requests are still held at the gate
            site.gate.set()
            stdout, stderr = crawl.communicate(timeout=300)
        finally:
            if crawl.poll() is None:
                os.killpg(crawl.pid, signal.SIGKILL)
    assert crawl.returncode == 128 + signal.SIGTERM, stderr[-3000:]
    assert stderr.strip().splitlines()[-1].startswith("newsindex: error: stopped by SIGTERM"), stderr[-3000:]
    counts = account(stdout)
    indexed, failed = indexed_urls(es_client, es_env["NEWSINDEX_ALIAS"]), dead_lettered(own_home)
    fetched = {url for url in listed(site) if site.requests[url.removeprefix(site.base)]}
    assert fetched <= indexed | set(failed), (sorted(fetched - indexed - set(failed)), stdout, stderr[-3000:])
    assert counts["read"] == counts["indexed"] + counts["unchanged"] + counts["failed"] + counts["skipped"], stdout
    assert counts["indexed"] == len(indexed) >= 4, stdout  # the first ones, at least, went all the way


def test_wrong_credentials_are_one_line_and_nothing_is_fetched(es_env, es_settings, tmp_path, own_home):
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(own_home),
               "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
               "NEWSINDEX_ES_URL": f"http://127.0.0.1:{es_settings.es_port}", "NEWSINDEX_ES_PASSWORD": "wrong"}
        run = subprocess.run([BIN, "crawl", "fixture"], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
        assert not site.requests
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-3000:]
    (line,) = run.stderr.strip().splitlines()
    assert "rejected the credentials" in line and "wrong" not in line


def test_a_crawl_that_cannot_start_says_so_and_exits_2(es_env, tmp_path, own_home):
    """A component that fails while the crawl starts (here a site setting naming a class that does not exist):
    not a silent "fetched 0" and exit 0, but the site's line saying why, and exit 2."""
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        text = (tmp_path / "sources.yaml").read_text().replace("RETRY_TIMES: 0", "RETRY_TIMES: 0, "
                                                                "DUPEFILTER_CLASS: no_such_module.Filter")
        (tmp_path / "sources.yaml").write_text(text)
        env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(own_home),
               "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
        run = subprocess.run([BIN, "crawl", "fixture"], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=120)
    assert run.returncode == 2, run.stdout + run.stderr[-3000:]
    last = run.stderr.strip().splitlines()[-1]
    assert last.startswith("fixture: could not run: unexpected ModuleNotFoundError"), run.stderr[-3000:]
