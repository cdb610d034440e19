"""What a new user meets on the first day (#22): `schedule --now` is one pass, `extract URL` previews a page,
warnings carry no raw bodies, the example window is realistic, quality history is per site name."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from fixture_site import FixtureSite
from helpers import ROOT

BIN = os.path.dirname(sys.executable)
QUIET = """    settings:
      AUTOTHROTTLE_START_DELAY: 0.01
      AUTOTHROTTLE_MAX_DELAY: 0.2
      DOWNLOAD_DELAY: 0
      RETRY_TIMES: 0
      DOWNLOAD_TIMEOUT: 2
"""


def sitemap_site(name: str, site: FixtureSite, schedule: str | None = None, feeds: bool = False) -> str:
    """A site of the sources file: the fixture's sitemap (four listed articles; with its feed, failures too)."""
    return (f"  {name}:\n    domains: [\"127.0.0.1\"]\n    sitemaps: [{json.dumps(site.url('/sitemap.xml'))}]\n"
            + (f"    feeds: [{json.dumps(site.url('/rss.xml'))}]\n" if feeds else "")
            + "    window_days: 30\n    allow: ['/news/\\d{4}/\\d{2}/']\n    depth: 0\n"
            + (f"    schedule: \"{schedule}\"\n" if schedule else "") + QUIET)


def newsindex(env: dict, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([os.path.join(BIN, "newsindex"), *args], env={**os.environ, **env}, cwd=ROOT,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.es
def test_schedule_now_runs_the_due_sites_once_and_returns_their_exit_status(es_env, es_client, tmp_path, own_home):
    env = {**es_env, "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
    yearly = "0 0 1 1 *"  # the next tick is months away: a run that waited for it would time out
    with FixtureSite() as site:
        (tmp_path / "sources.yaml").write_text("sites:\n" + sitemap_site("fixture", site, yearly))
        clean = newsindex(env, "schedule", "--now", timeout=240)
    assert clean.returncode == 0, clean.stdout + clean.stderr[-2000:]
    assert "fixture: run started" in clean.stdout and "new 4," in clean.stdout and "(exit 0," in clean.stdout
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    assert es_client.count(index=es_env["NEWSINDEX_ALIAS"])["count"] == 4

    # A second site whose crawl fails (nothing listens on its port): the pass returns that run's status.
    down = ("  down:\n    domains: [\"127.0.0.1\"]\n    sitemaps: [\"http://127.0.0.1:9/sitemap.xml\"]\n"
            f"    schedule: \"{yearly}\"\n" + QUIET)
    with FixtureSite() as site:
        (tmp_path / "sources.yaml").write_text("sites:\n" + sitemap_site("fixture", site, yearly) + down)
        both = newsindex(env, "schedule", "--now", timeout=240)
    assert both.returncode == 1, both.stdout + both.stderr[-2000:]
    assert "fixture: run started" in both.stdout and "down: run started" in both.stdout
    assert "(exit 1," in both.stdout and "(exit 0," in both.stdout


def test_extract_previews_a_url_fetched_once_politely(tmp_path):
    env = {"NEWSINDEX_HOME": str(tmp_path / "home"), "NEWSINDEX_SOURCES": str(tmp_path / "none.yaml")}
    with FixtureSite() as site:
        page = site.url("/news/2024/01/a1")
        run = newsindex(env, "extract", page, timeout=120)
        assert run.returncode == 0, run.stderr[-2000:]
        [doc] = [json.loads(line) for line in run.stdout.splitlines()]
        assert doc["url"] == page and doc["title"] == "Pipeline deal signed after long talks"
        assert "gas pipeline" in doc["text"] and "favor to ask" not in doc["text"]
        assert site.requests["/news/2024/01/a1"] == 1 and site.requests["/robots.txt"] == 1
        assert site.agents["/news/2024/01/a1"].startswith("newsindex/")
        assert not (tmp_path / "home" / "dead-letter.jsonl").exists()  # a preview writes nothing

        # robots.txt disallows /private/: never fetched, one line naming the URL and why, exit 1.
        refused = newsindex(env, "extract", site.url("/private/secret-story"), "--explain", timeout=120)
        assert refused.returncode == 1 and site.requests["/private/secret-story"] == 0
        assert f"{site.url('/private/secret-story')}: read: refused by the site's robots.txt" in refused.stderr
        # A redirect is followed; an HTTP error is the reason; the size limit holds once decompressed.
        moved = newsindex(env, "extract", site.url("/news/2024/01/moved"), site.url("/news/2024/01/missing"),
                          timeout=120)
        assert [json.loads(line)["url"] for line in moved.stdout.splitlines()] == [site.url("/news/2024/01/a6")]
        assert f"{site.url('/news/2024/01/missing')}: read: fetch: HTTP 404" in moved.stderr
        small = newsindex({**env, "NEWSINDEX_MAX_BYTES": "1024"}, "extract", page, timeout=120)
        assert small.returncode == 1 and "larger than the size limit (1024 bytes)" in small.stderr


def test_a_url_fetch_is_bounded_in_time():
    from newsindex import fetch

    with FixtureSite() as site:  # its slow page answers only when the site closes: unbounded, this would hang
        failure = fetch.fetch_item(site.url("/news/2024/01/slow"), 10**6, timeout=1.0)
        assert isinstance(failure, fetch.ReadFailure), failure
        assert failure.reason.startswith("fetch: ") and ("ReadTimeoutError" in failure.reason
                                                          or "within 1s" in failure.reason), failure.reason


@pytest.mark.es
def test_two_sites_on_one_host_keep_their_own_history_and_warnings_carry_no_body(es_env, tmp_path, own_home):
    from pipelines.quality import QualityStore

    env = {**es_env, "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
    with FixtureSite() as one, FixtureSite() as two:  # both on 127.0.0.1, two ports
        (tmp_path / "sources.yaml").write_text("sites:\n" + sitemap_site("one", one, feeds=True)
                                               + sitemap_site("two", two))
        run = newsindex(env, "crawl", "one", "two", timeout=300)
    assert "one: fetched" in run.stdout and "two: fetched" in run.stdout, run.stderr[-2000:]
    assert "skipped 1," in run.stdout  # a1 again through the feed's ?utm_source link: a skipped duplicate
    store = QualityStore(own_home / "quality.sqlite")
    try:
        assert store.sites() == ["one", "two"]
        # The crawl's run of "two" (its four listed articles); the re-clean after the crawl may add a smaller one.
        runs = {site: [docs for (docs,) in store.conn.execute("SELECT docs FROM runs WHERE site = ?", (site,))]
                for site in ("one", "two")}
        assert 4 in runs["two"] and max(runs["one"]) >= 4, runs
    finally:
        store.close()
    # Not one log line holds a page: a skip or a failure is its URL and its reason.
    assert "<html" not in run.stderr.lower() and "<p>" not in run.stderr
    assert max(len(line) for line in run.stderr.splitlines()) < 2000
    skipped = [line for line in run.stderr.splitlines() if ": skipped: " in line]
    assert len(skipped) == 1 and one.url("/news/2024/01/a1") in skipped[0], skipped
    assert not [line for line in run.stderr.splitlines() if "WARNING" in line and "Dropped" in line]


def test_explain_lists_what_trafilatura_left_out_apart_from_our_rules(tmp_path):
    from fixture_site import STORIES, article_page

    title, paragraphs = STORIES["a1"]
    path = tmp_path / "a1.html"
    path.write_text(article_page("http://127.0.0.1:8", "a1", title, paragraphs, "http://127.0.0.1:8/news/a1"))
    env = {"NEWSINDEX_HOME": str(tmp_path / "home"), "NEWSINDEX_SOURCES": str(tmp_path / "none.yaml")}
    view = newsindex(env, "extract", "--explain", str(path), timeout=120).stdout.splitlines()
    out = [line.removeprefix("  OUT   [trafilatura] ") for line in view if line.startswith("  OUT   ")]
    assert "© 2024 Fixture News. All rights reserved." in out and "Latest" in out, view
    assert not any(p[:40] in line for p in paragraphs for line in out)  # the story is kept, not left out
    dropped = [line for line in view if line.startswith("  DROP  ")]
    # our rules' removals: DROP, with the reason and the engine's rule that gave it
    assert "  DROP  [read-more by furniture] Read more" in dropped and "Read more" not in out
    assert any("favor to ask" in line for line in out)  # the donation aside: trafilatura's own call
    plain = newsindex(env, "extract", str(path), timeout=120)
    assert "left_out" not in json.loads(plain.stdout)  # only --explain reads it: documents never carry it


def test_the_example_sources_file_keeps_a_month_of_a_sitemap():
    from crawler.discovery import Entry, in_window
    from crawler.sites import load_sites

    sites = load_sites(ROOT / "sources.yaml")
    assert sites and all(site.window_days is not None and site.window_days >= 30 for site in sites.values())
    text = (ROOT / "sources.yaml").read_text()
    assert "# window_days:" in text  # the example says what the window is for
    from datetime import datetime, timedelta, timezone

    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    month = [Entry(f"https://x.example/{d}", now - timedelta(days=d)) for d in range(29)]
    assert len(in_window(month, sites["tass"].window_days, now)) == 29


def test_a_url_belongs_to_the_site_of_its_port_when_two_share_a_host():
    from crawler.sites import Site, site_name_of

    sites = {"one": Site("one", ["127.0.0.1"], sitemaps=["http://127.0.0.1:8001/sitemap.xml"]),
             "two": Site("two", ["127.0.0.1"], feeds=["http://127.0.0.1:8002/rss.xml"]),
             "other": Site("other", ["example.org"], feeds=["https://example.org/rss"])}
    assert site_name_of(sites, "http://127.0.0.1:8001/news/a") == "one"
    assert site_name_of(sites, "http://127.0.0.1:8002/news/a") == "two"
    assert site_name_of(sites, "http://127.0.0.1:9999/news/a") is None  # which of the two: not a guess
    assert site_name_of(sites, "https://www.example.org/x") == "other" and site_name_of(sites, None) is None


def _ledger(path) -> dict[str, dict]:
    entries = [json.loads(line) for line in path.read_text().splitlines()]
    by_input = {e["input"]: e for e in entries}
    assert len(by_input) == len(entries), entries  # one line per input
    return by_input


@pytest.mark.es
def test_the_ingest_ledger_names_every_inputs_fate(es_env, es_client, tmp_path, own_home):
    from helpers import write_articles

    corpus = tmp_path / "corpus"
    good = write_articles(corpus, 3)
    (corpus / "empty.txt").write_text("   \n")
    (corpus / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)
    os.mkfifo(corpus / "pipe.txt")
    env = {**es_env, "NEWSINDEX_HOME": str(own_home)}
    first = newsindex(env, "ingest", str(corpus), "--ledger", str(tmp_path / "ledger.jsonl"))
    assert first.returncode == 1, first.stderr[-2000:]  # the empty file failed
    ledger = _ledger(tmp_path / "ledger.jsonl")
    read = int(first.stdout.split("read ")[1].split(":")[0])
    assert len(ledger) == read  # every input read has its line
    indexed = {e["input"]: e["id"] for e in ledger.values() if e["fate"] == "indexed"}
    assert sorted(indexed) == sorted(str(p) for p in good)
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    assert all(es_client.exists(index=es_env["NEWSINDEX_ALIAS"], id=i) for i in indexed.values())
    fates = {os.path.basename(k): (e["fate"], e.get("kind"), e.get("reason", "")) for k, e in ledger.items()}
    assert fates["empty.txt"][0] == "failed" and "empty" in fates["empty.txt"][2]
    assert fates["photo.jpg"][:2] == ("skipped", "non-article files")
    assert fates["pipe.txt"][:2] == ("skipped", "special files")
    assert fates["loop"][:2] == ("skipped", "symlink loops")

    (corpus / "empty.txt").unlink()
    good[0].write_text(good[0].read_text() + "A paragraph added later: the minister spoke again on Friday.\n")
    second = newsindex(env, "ingest", str(corpus), "--ledger", str(tmp_path / "ledger.jsonl"))
    assert second.returncode == 0, second.stderr[-2000:]
    again = _ledger(tmp_path / "ledger.jsonl")  # the file is the last run's
    assert again[str(good[0])]["fate"] == "indexed" and again[str(good[0])]["id"] == indexed[str(good[0])]
    assert [again[str(p)]["fate"] for p in good[1:]] == ["unchanged", "unchanged"]
    assert again[str(good[1])]["id"] == indexed[str(good[1])] and str(corpus / "empty.txt") not in again


@pytest.mark.es
def test_the_crawl_ledger_names_every_article_urls_fate(es_env, tmp_path, own_home):
    env = {**es_env, "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
    with FixtureSite() as site:
        (tmp_path / "sources.yaml").write_text("sites:\n" + sitemap_site("fixture", site, feeds=True))
        first = newsindex(env, "crawl", "fixture", "--ledger", str(tmp_path / "crawl.jsonl"))
        ledger = _ledger(tmp_path / "crawl.jsonl")
        second = newsindex(env, "crawl", "fixture", "--ledger", str(tmp_path / "again.jsonl"))
        again = _ledger(tmp_path / "again.jsonl")
    assert "fixture: fetched" in first.stdout, first.stderr[-2000:]
    fate = {url.removeprefix(site.url("")): (e["fate"], e.get("reason") or e.get("kind")) for url, e in ledger.items()}
    for n in range(2, 6):
        assert fate[f"/news/2024/01/a{n}"][0] == "indexed" and ledger[site.url(f"/news/2024/01/a{n}")]["id"], fate
    # a1 came twice (the feed's ?utm_source link too): whichever arrived first is indexed, the other skipped.
    assert {fate["/news/2024/01/a1"][0], fate["/news/2024/01/a1?utm_source=rss"][0]} == {"indexed", "skipped"}
    assert fate["/news/2024/01/missing"] == ("failed", "HTTP 404")
    assert fate["/news/2024/01/broken"] == ("failed", "HTTP 500")
    assert "wrong content type" in fate["/news/2024/01/photo.jpg"][1]
    new = int(first.stdout.split("new ")[1].split(",")[0])
    assert new >= 6 and sum(1 for e in ledger.values() if e["fate"] == "indexed") == new
    # The second crawl: the articles answer 304 (unchanged), and say so.
    assert "fixture: fetched" in second.stdout, second.stderr[-2000:]
    assert again[site.url("/news/2024/01/a2")]["fate"] == "unchanged"
    assert all(e["fate"] != "indexed" for e in again.values()), again


@pytest.mark.es
def test_ledger_and_keep_old_mistakes_are_one_line_and_exit_2(es_env, tmp_path, own_home):
    env = {**es_env, "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_SOURCES": str(tmp_path / "none.yaml")}
    (tmp_path / "a.txt").write_text("A title\nA paragraph long enough to be an article of its own, more or less.\n")
    for args in (["ingest", str(tmp_path / "a.txt"), "--ledger", str(tmp_path / "no" / "such" / "ledger.jsonl")],
                 ["reindex", "--keep-old", "-1"]):
        run = newsindex(env, *args, timeout=120)
        assert run.returncode == 2 and len(run.stderr.strip().splitlines()) == 1, run.stderr
        assert run.stderr.startswith("newsindex: error: ") and "Traceback" not in run.stderr
