"""Helpers the test modules share (fixtures stay in conftest.py): paths, synthetic articles, a sources file
for the fixture site, a crawl as a subprocess, a WARC in memory. Test modules import these from here, never
from each other."""

from __future__ import annotations

import io
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
BIN = os.path.dirname(sys.executable)
# The unit lane (`make test-unit`): no Elasticsearch (so no Maven, no Java), no redis-server.
NO_SERVICES = os.environ.get("NEWSINDEX_TEST_NO_SERVICES", "") not in ("", "0")

WORDS = ("minister talks border treaty region government economy market inflation election court "
         "parliament energy pipeline sanctions summit ceasefire investment currency budget protest "
         "agreement delegation security harvest exports railway mediation reform coalition").split()


def need_service(what: str) -> None:
    """Skip the test, rather than start ``what``, in the unit lane; a fixture calls this before it starts one."""
    if NO_SERVICES:
        import pytest

        pytest.skip(f"needs {what} (skipped: NEWSINDEX_TEST_NO_SERVICES=1, the unit lane)")


def write_articles(folder: Path, count: int, seed: int = 0) -> list[Path]:
    """Distinct synthetic plain-text articles (a title and five sentences each)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        title = f"Report {i}: {' '.join(rng.sample(WORDS, 4)).capitalize()}"
        body = [f"Article {i} paragraph {p}: " + " ".join(rng.choice(WORDS) for _ in range(18)) + "."
                for p in range(5)]
        path = folder / f"article_{i:05d}.txt"
        path.write_text("\n".join([title, *body]) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def write_sources(path, site, follow_links: bool = True, feeds: bool = True, sitemaps: bool = True) -> None:
    """A sources.yaml with the one site `fixture`: the loopback FixtureSite (tests/fixture_site.py). The download
    timeout is what the slow page (answered only when the site closes) costs; 1 s timed out ordinary pages on a
    machine under load (a re-crawl's changed page then never came), 3 s has room."""
    path.write_text(f"""
sites:
  fixture:
    domains: ["127.0.0.1"]
    sitemaps: {json.dumps([site.url('/sitemap.xml')] if sitemaps else [])}
    feeds: {json.dumps([site.url('/rss.xml'), site.url('/bad-feed.xml')] if feeds else [])}
    window_days: 30
    allow: ['/news/\\d{{4}}/\\d{{2}}/']
    depth: 1
    follow_links: {"true" if follow_links else "false"}
    settings:
      AUTOTHROTTLE_START_DELAY: 0.01
      AUTOTHROTTLE_MAX_DELAY: 0.2
      DOWNLOAD_DELAY: 0
      RETRY_TIMES: 1
      DOWNLOAD_TIMEOUT: 3
      REDIRECT_MAX_TIMES: 3
""")


def crawl(env: dict) -> subprocess.CompletedProcess:
    """`newsindex crawl fixture` as a subprocess with ``env`` on top of this process's environment."""
    return subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "fixture"], env={**os.environ, **env},
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def warc(records: list[tuple[str | None, str]], gz: bool = True) -> bytes:
    """A WARC of HTML responses (url, body); a url of None leaves the record without a target URI."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for url, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        record = writer.create_warc_record(url or "http://placeholder.example/", "response",
                                           payload=io.BytesIO(body.encode()), http_headers=headers)
        if url is None:
            record.rec_headers.remove_header("WARC-Target-URI")
        writer.write_record(record)
    return buf.getvalue()


def scrapy_crawler():
    """A Scrapy crawler of the news spider with the project's settings, as `newsindex crawl` builds it."""
    from scrapy.crawler import Crawler
    from scrapy.settings import Settings as ScrapySettings

    from crawler.config import apply
    from crawler.spiders.news import NewsSpider

    project = ScrapySettings()
    project.setmodule("crawler.settings", priority="project")
    crawler = Crawler(NewsSpider, project)
    apply(crawler.settings)  # what the add-on does before components start
    return crawler
