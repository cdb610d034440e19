"""Crawling the fixture news site end to end into the real node: what was indexed, skipped,
retried and refused; an incremental re-crawl with one article changed; the WARC archive."""

import gzip
import json
import os
import subprocess

import pytest
from fixture_site import FixtureSite
from helpers import BIN, ROOT, crawl, write_sources

from crawler.discovery import DiscoveryError, parse_feed, parse_sitemap
from pipelines.deadletter import read_entries


def test_malformed_sitemaps_and_feeds_say_why():
    with pytest.raises(DiscoveryError, match="malformed XML"):
        parse_feed(b"<rss><channel><item><link>broken")
    with pytest.raises(DiscoveryError, match="not a sitemap"):
        parse_sitemap(b"<html><body>hello</body></html>")
    with pytest.raises(DiscoveryError, match="not an RSS or Atom feed"):
        parse_feed(b"<urlset/>")
    atom = (b'<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="https://x.example/a"/>'
            b"<updated>2024-01-02T03:04:05Z</updated></entry></feed>")
    [entry] = parse_feed(atom)
    assert entry.url == "https://x.example/a" and entry.published.year == 2024


@pytest.mark.es
def test_crawl_then_incremental_recrawl(es_env, es_client, tmp_path):
    alias = es_env["NEWSINDEX_ALIAS"]
    home = es_env["NEWSINDEX_HOME"]
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        env = {**es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
               "NEWSINDEX_HOME": str(tmp_path / "home")}
        (tmp_path / "home").mkdir()
        (tmp_path / "home" / "node").symlink_to(os.path.join(home, "node"))
        first = crawl(env)
        assert first.returncode == 1, first.stderr.strip().splitlines()[-1]  # the failures below
        es_client.indices.refresh(index=alias)
        docs = {h["_source"]["url"]: h["_source"] for h in
                es_client.search(index=alias, size=100)["hits"]["hits"]}

        expected = {site.url(f"/news/2024/01/{k}") for k in ("a1", "a2", "a3", "a4", "a5", "a6", "syndicated")}
        assert set(docs) == expected, first.stdout + first.stderr[-2000:]
        # One id per article, whatever URL reached it (a1 came via ?utm_source too): 7 documents.
        assert es_client.count(index=alias)["count"] == 7
        syndicated = docs[site.url("/news/2024/01/syndicated")]
        assert syndicated["cluster_id"] == docs[site.url("/news/2024/01/a1")]["cluster_id"]
        a1 = docs[site.url("/news/2024/01/a1")]
        assert a1["title"] == "Pipeline deal signed after long talks" and a1["site"] == "127.0.0.1"
        assert "favor to ask" not in a1["text"] and "Share on Facebook" not in a1["text"]
        assert a1["text"].count("gas pipeline") == 1

        assert site.requests["/private/secret-story"] == 0 and site.requests["/private/admin"] == 0  # robots
        assert site.requests["/offsite-story"] == 0  # off-site (localhost ≠ 127.0.0.1) never fetched
        assert site.requests["/news/2019/05/ancient"] == 0  # outside the sitemap window
        assert site.requests["/news/2024/01/broken"] == 2  # retried once
        assert "fixture: fetched" in first.stdout and "new 7," in first.stdout and "retried 2" in first.stdout
        assert "failed 6," in first.stdout  # 404, 500, malformed feed, jpeg, redirect loop, timeout
        assert "link_misses 1," in first.stdout  # the dead /tags/economy nav link: not an article, no alert
        assert "'robotstxt/forbidden': 1" in first.stderr  # /private/admin, linked from every article
        assert "'offsite/filtered'" in first.stderr  # the localhost link, refused before any request
        failures = {e["url"]: e["reason"] for e in read_entries(tmp_path / "home" / "dead-letter.jsonl")[0]}
        assert failures[site.url("/news/2024/01/missing")] == "HTTP 404"
        assert failures[site.url("/news/2024/01/broken")] == "HTTP 500"
        assert "malformed XML" in failures[site.url("/bad-feed.xml")]
        assert "wrong content type image/jpeg" in failures[site.url("/news/2024/01/photo.jpg")]
        assert "redirect chain too long" in failures[site.url("/news/2024/01/loop-0")]
        assert "TimeoutError" in failures[site.url("/news/2024/01/slow")]
        assert [site.requests[f"/news/2024/01/loop-{n}"] for n in range(5)] == [1, 1, 1, 1, 0]  # 3 redirects

        archives = list((tmp_path / "home" / "archive").glob("fixture-*.warc.gz"))
        assert len(archives) == 1

        # Re-crawl with one article changed: unchanged pages answer 304, the changed one is re-indexed.
        full_before = sum(site.full_responses.values())
        site.changed["a2"] = [*site.story("a2")[1], "Two policymakers voted for a cut, the minutes showed later."]
        second = crawl(env)
        assert "changed 1" in second.stdout, second.stdout + second.stderr[-2000:]
        assert site.not_modified["/news/2024/01/a3"] == 1 and site.not_modified["/news/2024/01/a4"] == 1
        assert sum(site.full_responses.values()) - full_before <= 4  # a2 and the syndicated/a1 variants
        es_client.indices.refresh(index=[alias, f"{alias}-history"])
        a2 = es_client.search(index=alias, query={"term": {"url": site.url("/news/2024/01/a2")}})["hits"]["hits"][0]
        assert a2["_source"]["version"] == 2 and "voted for a cut" in a2["_source"]["text"]
        old = es_client.get(index=f"{alias}-history", id=f"{a2['_id']}@v1")["_source"]
        assert "voted for a cut" not in old["text"]
        assert es_client.count(index=alias)["count"] == 7

    # The archive re-extracts without the network, through the same pipeline, to the same ids; its section
    # pages and robots.txt are not articles by the site's rules (the sources file declares the site).
    replay = {**es_env, "NEWSINDEX_ALIAS": alias + "-warc", "NEWSINDEX_STORE_PATH": str(tmp_path / "warc.sqlite"),
              "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
    out = subprocess.run([os.path.join(BIN, "newsindex"), "extract", str(archives[0])], env={**os.environ, **replay},
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    extracted = {json.loads(line)["id"] for line in out.stdout.splitlines()}
    assert extracted == {d_id for d_id in (h["_id"] for h in es_client.search(index=alias, size=100)["hits"]["hits"])}
    assert "non-article URLs" in out.stderr and "robots.txt" not in out.stdout


@pytest.mark.es
def test_scheduled_run_and_no_overlap(es_env, es_client, tmp_path, own_home):
    from crawler.schedule import acquire

    home = own_home
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        text = (tmp_path / "sources.yaml").read_text().replace("    window_days: 30", '    window_days: 30\n'
                                                               '    schedule: "*/5 * * * *"')
        (tmp_path / "sources.yaml").write_text(text)
        env = {**os.environ, **es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
               "NEWSINDEX_HOME": str(home)}
        held = acquire(home / "locks" / "fixture.lock")  # as if another scheduler's run were going
        blocked = subprocess.run([os.path.join(BIN, "newsindex"), "schedule", "--now", "--max-runs", "1"], env=env,
                                 cwd=ROOT, capture_output=True, text=True, timeout=20)
        assert blocked.returncode == 0 and "another scheduler's run holds its lock" in blocked.stdout
        assert sum(site.requests.values()) == 0  # nothing was crawled while the lock was held
        held.close()

    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        (tmp_path / "sources.yaml").write_text((tmp_path / "sources.yaml").read_text().replace(
            "    window_days: 30", '    window_days: 30\n    schedule: "*/5 * * * *"'))
        run = subprocess.run([os.path.join(BIN, "newsindex"), "schedule", "--now", "--max-runs", "1"], env=env,
                             cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert run.returncode == 1, run.stderr[-2000:]  # the run's status: the fixture's 404, 500… failures
    log = (home / "schedule.log").read_text()
    assert "fixture: run started" in log and "fixture: fetched" in log and "new 7," in log
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    assert es_client.count(index=es_env["NEWSINDEX_ALIAS"])["count"] == 7


@pytest.mark.es
def test_a_sitemap_only_site_fetches_its_listed_articles_and_nothing_else(es_env, es_client, tmp_path, own_home):
    """No link crawl from listed articles unless the site asks for it (follow_links): the nav, tag and
    section links of article pages are not fetched; a clean run exits 0."""
    home = own_home
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site, follow_links=False, feeds=False)
        run = crawl({**es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"), "NEWSINDEX_HOME": str(home)})
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]
    listed = {"/news/2024/01/a1", "/news/2024/01/a2", "/news/2024/01/a3", "/news/2024/01/a4"}
    sitemaps = {"/sitemap.xml", "/sitemap-news.xml", "/sitemap-pages.xml"}
    assert set(site.requests) == {"/robots.txt"} | sitemaps | listed, site.requests
    assert "new 4," in run.stdout and "failed 0," in run.stdout


@pytest.mark.es
def test_sitemaps_are_found_in_robots_txt_when_none_are_declared(es_env, es_client, tmp_path, own_home):
    home = own_home
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site, follow_links=False, sitemaps=False)
        run = crawl({**es_env, "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"), "NEWSINDEX_HOME": str(home)})
    assert {"/sitemap.xml", "/sitemap-news.xml", "/sitemap-pages.xml"} <= set(site.requests), site.requests
    assert all(site.requests[f"/news/2024/01/a{n}"] >= 1 for n in (1, 2, 3, 4))
    assert "fixture: fetched" in run.stdout, run.stderr[-2000:]


def test_sitemap_lines_of_robots_txt():
    from crawler.discovery import robots_sitemaps

    body = b"User-agent: *\nDisallow: /x\nSITEMAP: https://a.example/s1.xml\nsitemap:https://a.example/s2.xml.gz\n" \
           b"Sitemap: https://a.example/s1.xml\nSitemap:\n"
    assert robots_sitemaps(body) == ["https://a.example/s1.xml", "https://a.example/s2.xml.gz"]


def test_a_gzipped_sitemap_is_read():
    from crawler.discovery import gunzipped

    xml = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
           b"<url><loc>https://x.example/a</loc></url></urlset>")
    children, entries = parse_sitemap(gunzipped(gzip.compress(xml)))
    assert children == [] and [e.url for e in entries] == ["https://x.example/a"]
    with pytest.raises(DiscoveryError, match="broken gzip"):
        gunzipped(gzip.compress(xml)[:30])
