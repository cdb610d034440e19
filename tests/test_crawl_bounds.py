"""What a site controls is bounded in a crawl. The size of a response (NEWSINDEX_MAX_BYTES, as for ingest), on
the wire and while decompressing: a gzip bomb and a 200 MB page among good articles are two counted,
dead-lettered failures with their reason, the good articles are indexed and the crawl's memory stays far below
what the bomb would unpack to. The nesting of sitemap indexes: a chain of indexes is followed five deep, and
what is left out is one failure of the index that listed it."""

import os
import resource
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from helpers import ROOT

from pipelines.deadletter import read_entries

pytestmark = pytest.mark.es
BIN = os.path.dirname(sys.executable)
BOMB_UNPACKED = 1024 * 1024 * 1024  # 1 GiB of zeros, about 1 MB on the wire
HUGE_PAGE = 200 * 1024 * 1024
STORIES = {f"/news/good-{n}.html": (f"Harbour ferry story number {n}",
                                    [f"The harbour ferry service number {n} resumed on Monday after {n + 2} weeks of "
                                     f"repairs to the landing stage, the port authority said in a statement.",
                                     f"Passengers on route {n} will see a reduced timetable until the end of the "
                                     "month while engineers finish work on the second berth."]) for n in range(3)}


def _bomb() -> bytes:
    """1 GiB of zeros as one gzip stream, compressed a chunk at a time (never held unpacked)."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # wbits 31: the gzip container
    chunk = b"\0" * (16 * 1024 * 1024)
    parts = [compressor.compress(chunk) for _ in range(BOMB_UNPACKED // len(chunk))]
    return b"".join(parts) + compressor.flush()


class Site(BaseHTTPRequestHandler):
    bomb = b""
    base = ""
    chain_hits: list[int] = []

    def log_message(self, *args) -> None:
        """Quiet."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        if self.path == "/robots.txt":
            return self._send(b"User-agent: *\nAllow: /\n", "text/plain")
        if self.path == "/sitemap.xml":
            urls = [*STORIES, "/news/bomb.html", "/news/huge.html"]
            body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    + "".join(f"<url><loc>{self.base}{u}</loc><lastmod>2026-11-30</lastmod></url>" for u in urls)
                    + "</urlset>")
            return self._send(body.encode(), "application/xml")
        if self.path.startswith("/chain/"):  # a sitemap index that points to the next one, forever
            number = int(self.path.split("/")[2].split(".")[0])
            self.chain_hits.append(number)
            body = ('<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    f"<sitemap><loc>{self.base}/chain/{number + 1}.xml</loc></sitemap></sitemapindex>")
            return self._send(body.encode(), "application/xml")
        if self.path == "/news/bomb.html":
            return self._send(self.bomb, "text/html", {"Content-Encoding": "gzip"})
        if self.path == "/news/huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(HUGE_PAGE))
            self.end_headers()
            block = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
            try:
                for _ in range(HUGE_PAGE // len(block)):
                    self.wfile.write(block)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the crawler stopped reading at its limit
            return None
        if self.path in STORIES:
            title, paragraphs = STORIES[self.path]
            body = f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>" + "".join(
                f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>"
            return self._send(body.encode(), "text/html; charset=utf-8")
        self.send_error(404)
        return None

    def _send(self, body: bytes, kind: str, headers: dict | None = None):
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


def crawl_site(handler: type, sitemap: str, es_env: dict, tmp_path, own_home) -> subprocess.CompletedProcess:
    """Serve ``handler`` on loopback, declare it as the site ``hostile`` with ``sitemap``, crawl it once."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    handler.base = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (tmp_path / "sources.yaml").write_text(f"""
sites:
  hostile:
    domains: ["127.0.0.1"]
    sitemaps: ["{handler.base}{sitemap}"]
    window_days: 30
    allow: ['/news/']
    settings: {{AUTOTHROTTLE_ENABLED: false, DOWNLOAD_DELAY: 0, RETRY_TIMES: 0}}
""")
    env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(own_home),
           "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
    try:
        return subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "hostile"], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
    finally:
        server.shutdown()


def test_a_gzip_bomb_and_a_200_mb_page_fail_alone_and_the_crawl_stays_small(es_env, es_client, tmp_path, own_home):
    handler = type("Handler", (Site,), {"bomb": _bomb()})
    run = crawl_site(handler, "/sitemap.xml", es_env, tmp_path, own_home)
    peak_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    assert run.returncode == 1, run.stdout + run.stderr[-3000:]  # two listed articles failed
    assert "new 3," in run.stdout and "failed 2," in run.stdout, run.stdout
    assert peak_kb < 1024 * 1024, f"a child process peaked at {peak_kb // 1024} MB"  # ru_maxrss: KB on Linux
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    urls = {h["_source"]["url"] for h in es_client.search(index=es_env["NEWSINDEX_ALIAS"], size=20)["hits"]["hits"]}
    assert urls == {handler.base + path for path in STORIES}
    failures = {e["url"]: e["reason"] for e in read_entries(own_home / "dead-letter.jsonl")[0]}
    assert "once decompressed" in failures[handler.base + "/news/bomb.html"], failures
    assert "on the wire" in failures[handler.base + "/news/huge.html"], failures


def test_a_sitemap_index_chain_is_followed_to_a_bounded_depth(es_env, es_client, tmp_path, own_home):
    from crawler.spiders.news import MAX_SITEMAP_DEPTH

    handler = type("Handler", (Site,), {"chain_hits": []})
    run = crawl_site(handler, "/chain/0.xml", es_env, tmp_path, own_home)
    assert run.returncode == 1 and "failed 1," in run.stdout, run.stdout + run.stderr[-2000:]
    assert sorted(handler.chain_hits) == list(range(MAX_SITEMAP_DEPTH + 1))  # the root and five nested
    (entry,) = read_entries(own_home / "dead-letter.jsonl")[0]
    assert entry["url"] == f"{handler.base}/chain/{MAX_SITEMAP_DEPTH}.xml"
    assert f"nested deeper than {MAX_SITEMAP_DEPTH} sitemap indexes" in entry["reason"]
