"""One site from the sources file: sitemaps (news sitemaps included, newest first within a date
window), RSS/Atom feeds, and a link crawl with allow/deny rules and a depth limit.

``scrapy crawl news -a site=NAME`` or ``newsindex crawl NAME``. The spider only finds and
fetches: it yields raw items, and ITEM_PIPELINES does the rest.
"""

from __future__ import annotations

from datetime import datetime, timezone

import scrapy
from scrapy import signals
from scrapy.exceptions import DownloadCancelledError, IgnoreRequest
from scrapy.linkextractors import LinkExtractor
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet.defer import CancelledError

from crawler.config import apply
from crawler.credentials import clean_request_args, declared_credentials
from crawler.discovery import (
    MAX_SITEMAP_BYTES,
    DiscoveryError,
    gunzipped,
    in_window,
    parse_feed,
    read_sitemap,
    robots_sitemaps,
)
from crawler.failures import report
from crawler.ledger import page_unchanged, request_skipped
from crawler.sites import Site, load_sites

ARTICLE_TYPES = (b"text/html", b"application/xhtml+xml", b"text/plain")
MAX_SITEMAP_DEPTH = 5  # sitemap indexes inside sitemap indexes (the protocol has one level; sites use two or three)
MAX_SITEMAPS = 1000  # sitemaps one crawl fetches from indexes


class NewsSpider(scrapy.Spider):
    name = "news"
    custom_settings = {"DEPTH_LIMIT": 0}

    def __init__(self, site: Site | None = None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not isinstance(site, Site):
            raise ValueError("name the site to crawl: scrapy crawl news -a site=NAME")
        self.site = site
        self.name = f"news-{self.site.name}"  # per-site keys for the shared Redis queue and dupefilter
        self.allowed_domains = self.site.domains
        # Domains are enforced by the OffsiteMiddleware (by hostname); LinkExtractor's allow_domains
        # compares host:port and would drop every link of a site served on a port.
        self.links = LinkExtractor(deny=self.site.deny)
        self._sitemaps = 0  # fetched from sitemap indexes in this crawl (MAX_SITEMAPS)
        self.credentials = declared_credentials(self.site.sitemaps + self.site.feeds + self.site.start_urls)

    @classmethod
    def from_crawler(cls, crawler, *args, site: str | Site | None = None, **kwargs):
        settings = apply(crawler.settings)  # before add-ons run: the sources file is one of the settings
        if isinstance(site, str):
            sites = load_sites(settings.sources)
            if site not in sites:
                raise ValueError(f"unknown site {site!r}; {settings.sources} declares: {', '.join(sites) or 'none'}")
            site = sites[site]
        spider = super().from_crawler(crawler, *args, site=site, **kwargs)
        crawler.signals.connect(spider.request_dropped, signal=signals.request_dropped)
        # Per-site settings from the sources file (settings are frozen only after this).
        for key, value in spider.site.settings.items():
            crawler.settings.set(key, value, priority="spider")
        return spider

    async def start(self):
        for url in self.site.sitemaps:
            yield self._request(url, self.parse_sitemap, kind="sitemap")
        if not self.site.sitemaps:  # none declared: the site's robots.txt may name them
            for root in self._site_roots():
                yield self._request(root + "/robots.txt", self.parse_robots, kind="robots")
        for url in self.site.feeds:
            yield self._request(url, self.parse_feed, kind="feed")
        for url in self.site.start_urls:
            yield self._request(url, self.parse_page, kind="page", link_depth=0)

    def _request(self, url: str, callback, kind: str, **meta) -> scrapy.Request:
        if kind in ("sitemap", "feed"):  # the sitemap protocol allows 50 MiB uncompressed; a page, ingest's limit
            page_limit = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
            meta.setdefault("download_maxsize", max(MAX_SITEMAP_BYTES, page_limit))
        url, headers = clean_request_args(url, self.credentials)  # no credentials in a URL, logged or queued
        return scrapy.Request(url, callback=callback, errback=self.on_error, headers=headers,
                              meta={"kind": kind, **meta})

    def is_article(self, url: str) -> bool:
        return self.site.is_article_url(url)

    def parse_sitemap(self, response):
        try:
            children, entries, problem = read_sitemap(gunzipped(response.body))
        except DiscoveryError as exc:
            report(self, response.url, f"sitemap: {exc}", "sitemap")
            return
        if problem:  # broken part-way: what came before the break is still crawled
            report(self, response.url, f"sitemap: {problem}", "sitemap")
        # Bounded: a site controls its sitemaps (an index that points to the next, forever). What is left
        # out is one failure of the index that listed it, with the count.
        depth = response.meta.get("sitemap_depth", 0) + 1
        if children and depth > MAX_SITEMAP_DEPTH:
            report(self, response.url, f"sitemap: {len(children)} listed sitemaps not fetched: nested deeper than "
                                       f"{MAX_SITEMAP_DEPTH} sitemap indexes", "sitemap")
            children = []
        allowed = max(0, MAX_SITEMAPS - self._sitemaps)
        if len(children) > allowed:
            report(self, response.url, f"sitemap: {len(children) - allowed} listed sitemaps not fetched: more than "
                                       f"{MAX_SITEMAPS} sitemaps in one crawl", "sitemap")
            children = children[:allowed]
        self._sitemaps += len(children)
        for child in children:
            yield self._request(child, self.parse_sitemap, kind="sitemap", sitemap_depth=depth)
        yield from self._article_requests(entries)

    def _site_roots(self) -> list[str]:
        """scheme://host of the site's declared URLs (where its robots.txt lives)."""
        from urllib.parse import urlsplit

        urls = self.site.feeds + self.site.start_urls
        return list(dict.fromkeys(f"{p.scheme}://{p.netloc}" for p in map(urlsplit, urls) if p.netloc))

    def parse_robots(self, response):
        for url in robots_sitemaps(response.body, base_url=response.url):
            yield self._request(url, self.parse_sitemap, kind="sitemap")

    def parse_feed(self, response):
        try:
            entries = parse_feed(response.body)
        except DiscoveryError as exc:
            report(self, response.url, f"feed: {exc}", "feed")
            return
        yield from self._article_requests(entries)

    def _article_requests(self, entries):
        """Listed entries inside the date window, newest first, that the allow/deny rules call articles."""
        for entry in in_window(entries, self.site.window_days):
            if self.is_article(entry.url):
                yield self._request(entry.url, self.parse_page, kind="article", listed=_iso(entry.published))

    def parse_page(self, response):
        if response.status == 304:
            self.crawler.stats.inc_value("newsindex/read")
            self.crawler.stats.inc_value("newsindex/unchanged")
            self.crawler.signals.send_catch_log(page_unchanged, url=response.url)
            return
        content_type = response.headers.get("Content-Type", b"").split(b";")[0].strip().lower()
        if content_type not in ARTICLE_TYPES:
            report(self, response.url, f"wrong content type {content_type.decode() or 'none'}", "content_type")
            return
        if self.is_article(response.url):
            self.crawler.stats.inc_value("newsindex/read")  # from here it is indexed, unchanged, failed or skipped
            yield {"source": response.url, "url": response.url, "body": response.body,
                   "content_type": response.headers.get("Content-Type", b"").decode("latin-1"),
                   "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "site": None,
                   "source_name": self.site.name,  # per-site quality history
                   "domains": self.site.domains}  # rel=canonical may point anywhere inside these
        # Links are followed from start_urls pages (and from listed articles only when the site says
        # follow_links): a sitemap or feed already lists the articles, and its pages' nav, tag and section
        # links are not articles. The depth limit bounds the link crawl only: listed entries are depth 0.
        depth = response.meta.get("link_depth", 0)
        if (response.meta.get("kind") == "page" or self.site.follow_links) and depth < self.site.depth:
            for link in self.links.extract_links(response):
                yield self._request(link.url, self.parse_page, kind="page", link_depth=depth + 1)

    def request_dropped(self, request, spider=None):
        """The scheduler dropped a request, almost always as a duplicate. A plain duplicate (a URL listed or linked
        twice) is the same fetch, nothing lost; a dropped redirect is an input gone: back to an address of its
        own chain (a loop) it is a failure; to one this crawl fetched already (an alias of another listed
        article), a skip with its reason."""
        chain = request.meta.get("redirect_urls")
        if not chain or not (request.meta.get("kind") == "article" or self.is_article(chain[0])):
            return
        from w3lib.url import canonicalize_url

        first, steps = chain[0], " → ".join([*chain, request.url])
        if canonicalize_url(request.url) in {canonicalize_url(url) for url in chain}:
            report(self, first, f"redirect loop ({len(chain)} redirects: {steps})", "fetch")
            return
        self.crawler.stats.inc_value("newsindex/read")
        self.crawler.stats.inc_value("newsindex/skipped")
        self.logger.info("%s: skipped, redirects to %s, which this crawl fetched already", first, request.url)

    def on_error(self, failure):
        request = failure.request
        # Refused on purpose (robots.txt): counted in the stats, not a failure. Other IgnoreRequests
        # (a redirect chain past REDIRECT_MAX_TIMES, HttpError for 404/500…) are failures.
        if failure.check(IgnoreRequest) and "robots.txt" in failure.getErrorMessage():
            self.logger.info("%s: refused (%s)", request.url, failure.getErrorMessage())
            self.crawler.signals.send_catch_log(request_skipped, url=request.url, kind="refused by robots.txt",
                                                reason=failure.getErrorMessage())
            return
        # A link found while crawling that is not an article by the site's rules (a dead nav or tag link) is a
        # miss of link discovery, counted apart: it is not an article lost, and no reason to alert.
        if request.meta.get("link_depth", 0) > 0 and not self.is_article(request.url):
            self.crawler.stats.inc_value("newsindex/link_misses")
            self.logger.info("%s: link not fetched (%s)", request.url, failure.getErrorMessage())
            self.crawler.signals.send_catch_log(request_skipped, url=request.url, kind="link misses (not articles)",
                                                reason=failure.getErrorMessage())
            return
        response = getattr(failure.value, "response", None)
        message = failure.getErrorMessage()
        limit = self.crawler.settings.getint("DOWNLOAD_MAXSIZE")
        if failure.check(HttpError) and response is not None:
            reason = f"HTTP {response.status}"
        elif failure.check(IgnoreRequest) and "DOWNLOAD_MAXSIZE" in message:
            reason = f"larger than the size limit ({limit} bytes) once decompressed (NEWSINDEX_MAX_BYTES)"
        elif failure.check(IgnoreRequest):
            reason = f"redirect chain too long ({message})"
        elif failure.check(DownloadCancelledError, CancelledError) and "max size" in message:  # on the wire
            reason = f"larger than the size limit ({limit} bytes) on the wire (NEWSINDEX_MAX_BYTES)"
        else:
            reason = f"{failure.type.__name__}: {message}"
        # After redirects, record the URL the crawl asked for: that is what a replay should fetch.
        report(self, request.meta.get("redirect_urls", [request.url])[0], reason, "fetch")


def _iso(value) -> str | None:
    return value.isoformat() if value else None
