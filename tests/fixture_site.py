"""A small news site served on 127.0.0.1 for crawl tests.

Sitemap index → news sitemap + page sitemap, an RSS feed, articles in realistic page chrome
(navigation, share buttons, a donation appeal, a footer), a robots.txt-disallowed path, an
off-site link, ETag/Last-Modified with 304 support, a syndicated copy, a canonical URL with
tracking parameters, a redirect, an endless redirect loop, a page slower than the download timeout,
a 404, a 500, a non-HTML entry and a malformed feed.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

STORIES = {
    "a1": ("Pipeline deal signed after long talks",
           ["The two governments signed an agreement on Tuesday to build a gas pipeline across the border region.",
            "Officials said construction would begin next spring and take about three years to complete.",
            "The project had been delayed for a decade by disputes over transit fees and environmental reviews."]),
    "a2": ("Central bank holds rates steady",
           ["The central bank kept its key interest rate unchanged on Thursday, as analysts had expected.",
            "Policymakers said inflation was slowing but remained above the target for the third year.",
            "The currency was little changed after the decision was announced in the capital."]),
    "a3": ("Harvest forecast raised on good weather",
           ["The agriculture ministry raised its grain harvest forecast by five percent on Monday.",
            "Warm weather in the south helped farmers bring in the crop ahead of schedule this year.",
            "Exports are expected to rise as a result, traders in the port city said."]),
    "a4": ("Rail line reopens after floods",
           ["The main rail line to the coast reopened on Friday after two weeks of repairs following floods.",
            "Engineers replaced a bridge section that had been washed away by the swollen river.",
            "Passenger services will run on a reduced timetable until the end of the month."]),
    "a5": ("Parliament passes budget in late vote",
           ["Parliament passed next year's budget late on Wednesday after a marathon debate.",
            "The opposition walked out before the final vote, accusing the government of hiding spending cuts.",
            "The budget includes higher spending on defence and a freeze on public sector wages."]),
    "a6": ("Court rejects appeal in election case",
           ["The supreme court rejected an appeal on Thursday against the results of the regional election.",
            "Judges said the complaint had failed to show irregularities large enough to change the outcome.",
            "The losing candidate said he would take the case to the constitutional court."]),
}


def article_page(base: str, key: str, title: str, paragraphs: list[str], canonical: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | Fixture News</title>
<link rel="canonical" href="{canonical}"><meta property="og:site_name" content="Fixture News">
<meta name="author" content="Anna Reporter"><meta property="article:published_time" content="2024-01-15T10:00:00Z">
</head><body>
<header><nav><a href="/">Home</a> <a href="/news/">All news</a> <a href="/private/admin">Admin</a>
<a href="/tags/economy">Economy</a>
<a href="http://localhost:{urlsplit(base).port}/offsite-story">Partner site</a></nav></header>
<main><article><h1>{title}</h1><div class="byline">By Anna Reporter</div>
<div class="share">Share on Facebook</div>{body}
<aside class="donate"><p>Support Fixture News! We have a small favor to ask: please support independent journalism
with a monthly donation.</p></aside><p>Read more</p></article>
<section class="related"><h2>Latest</h2><ul><li><a href="/news/2024/01/a3">Harvest forecast raised</a></li>
<li><a href="/news/2024/01/a4">Rail line reopens</a></li></ul></section></main>
<footer>© 2024 Fixture News. All rights reserved.</footer></body></html>"""


def extra_story(n: int) -> tuple[str, list[str]]:
    words = "ministry council harbour tariff airline reactor vaccine drought bond strike quota census".split()
    pick = lambda i: words[(n * 7 + i * 3) % len(words)]  # noqa: E731
    return (f"Bulletin {n}: {pick(0)} and {pick(1)}",
            [f"Bulletin {n} reports that the {pick(i)} question was raised again on day {n + i} of the session, "
             f"with officials citing figure {n * 31 + i} in their statement." for i in range(3)])


class FixtureSite:
    def __init__(self, extra_articles: int = 0, delay: float = 0.0, gate_after: int | None = None):
        self.extra_articles, self.delay = extra_articles, delay
        # With gate_after, the extra articles past that many wait at a gate until the test opens it: the
        # crawlers are then certainly mid-request, whatever the machine's speed.
        self.gate_after, self.gate, self.held = gate_after, threading.Event(), 0
        self.lock = threading.Lock()
        # The slow page answers only when the site closes: always after any download timeout, however
        # loaded the machine is (a fixed sleep would race the crawler's timer).
        self.release_slow = threading.Event()
        self.requests: Counter[str] = Counter()
        self.agents: dict[str, str] = {}  # path → the User-Agent of its last request
        self.full_responses: Counter[str] = Counter()
        self.not_modified: Counter[str] = Counter()
        self.changed: dict[str, list[str]] = {}
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.base = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FixtureSite:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.release_slow.set()
        self.gate.set()
        self.server.shutdown()
        self.server.server_close()

    def url(self, path: str) -> str:
        return self.base + path

    def story(self, key: str) -> tuple[str, list[str]]:
        title, paragraphs = STORIES[key]
        return title, self.changed.get(key, paragraphs)

    # ------------------------------------------------------------------ routes
    def route(self, path: str) -> tuple[int, str, str | bytes, dict]:
        now = datetime.now(timezone.utc)
        day = lambda d: (now - timedelta(days=d)).strftime("%Y-%m-%dT%H:%M:%SZ")  # noqa: E731
        if path == "/robots.txt":
            return 200, "text/plain", f"User-agent: *\nDisallow: /private/\nSitemap: {self.url('/sitemap.xml')}\n", {}
        if path == "/sitemap.xml":
            return 200, "application/xml", (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{self.url('/sitemap-news.xml')}</loc></sitemap>"
                f"<sitemap><loc>{self.url('/sitemap-pages.xml')}</loc></sitemap></sitemapindex>"), {}
        if path == "/sitemap-news.xml":
            entries = [("/news/2024/01/a1", 0), ("/news/2024/01/a2", 1), ("/news/2024/01/a3", 1),
                       ("/private/secret-story", 0)]
            entries += [(f"/news/2024/02/b{n:04d}", 1) for n in range(self.extra_articles)]
            urls = "".join(f"<url><loc>{self.url(p)}</loc><news:news><news:publication><news:name>Fixture"
                           f"</news:name></news:publication><news:publication_date>{day(d)}"
                           "</news:publication_date></news:news></url>" for p, d in entries)
            return 200, "application/xml", (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
                'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">' + urls + "</urlset>"), {}
        if path == "/sitemap-pages.xml":
            urls = "".join(f"<url><loc>{self.url(p)}</loc><lastmod>{day(d)}</lastmod></url>"
                           for p, d in [("/news/2024/01/a4", 2), ("/news/2019/05/ancient", 900)])
            return 200, "application/xml", (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                + urls + "</urlset>"), {}
        if path == "/rss.xml":
            links = ["/news/2024/01/a5", "/news/2024/01/moved", "/news/2024/01/missing", "/news/2024/01/broken",
                     "/news/2024/01/loop-0", "/news/2024/01/slow",
                     "/news/2024/01/syndicated", "/news/2024/01/a1?utm_source=rss", "/news/2024/01/photo.jpg"]
            items = "".join(f"<item><title>x</title><link>{self.url(p)}</link>"
                            f"<pubDate>{now.strftime('%a, %d %b %Y %H:%M:%S +0000')}</pubDate></item>"
                            for p in links)
            items += "<item><title>Partner</title><link>http://offsite.invalid/story</link></item>"
            feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            return 200, "application/rss+xml", feed, {}
        if path == "/bad-feed.xml":
            return 200, "application/rss+xml", "<rss><channel><item><link>broken", {}
        if path.startswith("/news/2024/01/loop-"):  # an endless chain of distinct URLs
            step = int(path.rsplit("-", 1)[1])
            return 302, "text/html", "", {"Location": self.url(f"/news/2024/01/loop-{step + 1}")}
        if path == "/news/2024/01/slow":
            self.release_slow.wait(timeout=600)
            return 200, "text/html", "<html><body><p>Too late.</p></body></html>", {}
        if path == "/news/2024/01/moved":
            return 301, "text/html", "", {"Location": self.url("/news/2024/01/a6")}
        if path == "/news/2024/01/broken":
            return 500, "text/html", "<h1>Internal Server Error</h1>", {}
        if path == "/news/2024/01/photo.jpg":
            return 200, "image/jpeg", b"\xff\xd8\xff\xe0" + b"\x00" * 64, {}
        if path == "/news/2024/01/syndicated":
            title, paragraphs = self.story("a1")
            page = article_page(self.base, "a1", title, paragraphs, self.url("/news/2024/01/syndicated"))
            return 200, "text/html; charset=utf-8", page, {}
        number = path.removeprefix("/news/2024/02/b")
        if number.isdigit() and int(number) < self.extra_articles:
            title, paragraphs = extra_story(int(number))
            return 200, "text/html; charset=utf-8", article_page(self.base, path, title, paragraphs,
                                                                 self.url(path)), {}
        if path.startswith("/news/2024/01/"):
            key = path.rsplit("/", 1)[-1]
            if key in STORIES:
                title, paragraphs = self.story(key)
                return 200, "text/html; charset=utf-8", article_page(
                    self.base, key, title, paragraphs, self.url(f"/news/2024/01/{key}")), {}
        if path in ("/", "/news/"):
            links = "".join(f'<li><a href="/news/2024/01/{k}">{t}</a></li>' for k, (t, _) in STORIES.items())
            return 200, "text/html", f"<html><body><h1>Fixture News</h1><ul>{links}</ul></body></html>", {}
        return 404, "text/html", "<h1>Not found</h1>", {}

    def _handler(self):
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                with site.lock:
                    site.requests[self.path] += 1
                    site.agents[self.path] = self.headers.get("User-Agent", "")
                    extra = [p for p in site.requests if p.startswith("/news/2024/02/b")]
                    wait = (site.gate_after is not None and self.path.startswith("/news/2024/02/b")
                            and len(extra) > site.gate_after and not site.gate.is_set())
                    site.held += wait
                if wait:
                    site.gate.wait(120)
                if site.delay:
                    time.sleep(site.delay)
                status, content_type, body, headers = site.route(urlsplit(self.path).path)
                data = body if isinstance(body, bytes) else body.encode("utf-8")
                if status == 200 and content_type.startswith("text/html"):
                    etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
                    headers = {**headers, "ETag": etag, "Last-Modified": "Mon, 15 Jan 2024 10:00:00 GMT"}
                    if self.headers.get("If-None-Match") == etag:
                        site.not_modified[self.path] += 1
                        self.send_response(304)
                        self.send_header("ETag", etag)
                        self.end_headers()
                        return
                    site.full_responses[self.path] += 1
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        return Handler
