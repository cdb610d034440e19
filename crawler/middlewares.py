"""Downloader middlewares: conditional GET for re-crawls, and the raw WARC archive."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from scrapy import signals


class SqliteValidators:
    """ETag / Last-Modified per URL in ``<home>/http-validators.sqlite``: one machine's crawls."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), timeout=30)
        self.conn.execute("CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, modified TEXT)")

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        return self.conn.execute("SELECT etag, modified FROM validators WHERE url = ?", (url,)).fetchone()

    def put(self, url: str, etag: str | None, modified: str | None) -> None:
        self.put_many([(url, etag, modified)])

    def put_many(self, rows: list[tuple[str, str | None, str | None]]) -> None:
        """One transaction (one commit) for a written batch's articles, not one each."""
        with self.conn:
            self.conn.executemany("INSERT OR REPLACE INTO validators VALUES (?, ?, ?)", rows)

    def close(self) -> None:
        self.conn.close()


class RedisValidators:
    """The same in one Redis hash: with REDIS_URL, a page fetched by one worker is revalidated by any."""

    KEY = "newsindex:http-validators"

    def __init__(self, url: str):
        import redis

        self.redis = redis.Redis.from_url(url)

    def get(self, url: str) -> tuple[str | None, str | None] | None:
        value = self.redis.hget(self.KEY, url)
        return tuple(json.loads(value)) if value else None

    def put(self, url: str, etag: str | None, modified: str | None) -> None:
        self.put_many([(url, etag, modified)])

    def put_many(self, rows: list[tuple[str, str | None, str | None]]) -> None:
        if rows:
            self.redis.hset(self.KEY, mapping={url: json.dumps([etag, modified]) for url, etag, modified in rows})

    def close(self) -> None:
        self.redis.close()


class ConditionalGetMiddleware:
    """Remember ETag / Last-Modified per URL and ask with If-None-Match / If-Modified-Since,
    so an unchanged page comes back as a bodiless 304 instead of in full.

    A 304 skips the page, so an article's validators are remembered only once its document is written (the
    bulk write after its item was scraped): a crawl killed between fetch and index, or an article that
    failed, is fetched in full next time instead of being skipped as "not modified" and never indexed. That
    holds for an article reached as a followed link too (a "Latest" link to it from another article)."""

    def __init__(self, store: SqliteValidators | RedisValidators):
        self.store = store
        self.fetched: dict[str, tuple[str | None, str | None]] = {}  # article URL → validators, not yet indexed
        # Articles scraped and queued for the writer, by id of their item (kept alive here): url, validators.
        self.scraped: dict[int, tuple[dict, str, tuple[str | None, str | None]]] = {}
        self.crawler = None

    @classmethod
    def from_crawler(cls, crawler):
        if crawler.settings.get("REDIS_URL"):
            store = RedisValidators(crawler.settings["REDIS_URL"])
        else:
            store = SqliteValidators(Path(crawler.settings["NEWSINDEX_HOME"]) / "http-validators.sqlite")
        from pipelines.writer import batch_indexed

        mw = cls(store)
        mw.crawler = crawler
        crawler.signals.connect(mw.close, signal=signals.spider_closed)
        crawler.signals.connect(mw.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(mw.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(mw.written, signal=batch_indexed)
        return mw

    def process_request(self, request, spider=None):
        if request.meta.get("kind") not in ("article", "page"):
            return None
        row = self.store.get(request.url)
        if row:
            if row[0]:
                request.headers.setdefault("If-None-Match", row[0])
            if row[1]:
                request.headers.setdefault("If-Modified-Since", row[1])
            request.meta["handle_httpstatus_list"] = [*request.meta.get("handle_httpstatus_list", []), 304]
        return None

    def process_response(self, request, response, spider=None):
        if response.status == 200:
            etag = response.headers.get("ETag")
            modified = response.headers.get("Last-Modified")
            if etag or modified:
                validators = (etag and etag.decode("latin-1"), modified and modified.decode("latin-1"))
                if self._yields_article(request, response.url):
                    self.fetched[response.url] = validators
                else:
                    self.store.put(response.url, *validators)
        return response

    def _yields_article(self, request, url: str) -> bool:
        """Listed as an article, or reached as a followed link at an article's address ("Latest" links)."""
        if request.meta.get("kind") == "article":
            return True
        is_article = getattr(getattr(self.crawler, "spider", None), "is_article", None)
        return request.meta.get("kind") == "page" and is_article is not None and is_article(url)

    def item_scraped(self, item, response=None, spider=None):
        if response is not None and (validators := self.fetched.pop(response.url, None)):
            self.scraped[id(item)] = (item, response.url, validators)

    def item_dropped(self, item, response=None, exception=None, spider=None):
        if response is not None:
            self.fetched.pop(response.url, None)

    def written(self, items=()):
        """The writer's batch is in (``batch_indexed``): its articles' validators kept, in one commit."""
        from pipelines.errors import disk_full

        done = [entry for item in items if (entry := self.scraped.pop(id(item), None)) is not None]
        try:
            self.store.put_many([(url, *validators) for _, url, validators in done])
        except Exception as exc:  # not kept: the next crawl fetches these in full, which is safe
            if (line := disk_full(exc)) is None or self.crawler is None:
                raise
            from crawler.failures import stop_for_disk

            stop_for_disk(self.crawler, self.crawler.spider, line)

    def close(self, spider=None):
        self.store.close()


class WarcArchiveMiddleware:
    """Write every fetched response (and its request) to a WARC file, so re-extraction never
    needs the network again. One gzipped WARC per crawl run under <home>/archive/."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.path: Path | None = None
        self.handle = None
        self.writer = None

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(Path(crawler.settings["NEWSINDEX_HOME"]) / "archive")
        crawler.signals.connect(mw.open, signal=signals.spider_opened)
        crawler.signals.connect(mw.close, signal=signals.spider_closed)
        return mw

    def open(self, spider):
        from warcio.warcwriter import WARCWriter

        self.folder.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
        label = getattr(getattr(spider, "site", None), "name", spider.name)
        self.path = self.folder / f"{label}-{stamp}.warc.gz"
        self.handle = self.path.open("wb")
        self.writer = WARCWriter(self.handle, gzip=True)

    def process_response(self, request, response, spider=None):
        if self.writer is None or response.status == 304:
            return response
        from warcio.statusandheaders import StatusAndHeaders

        headers = [(k.decode("latin-1"), b", ".join(v).decode("latin-1")) for k, v in response.headers.items()]
        # The download handler has already undone chunked transfer encoding (not content encoding).
        headers = [(k, v) for k, v in headers if k.lower() not in ("transfer-encoding", "content-length")]
        http_headers = StatusAndHeaders(f"{response.status} {_reason(response.status)}", headers,
                                        protocol="HTTP/1.1")
        record = self.writer.create_warc_record(response.url, "response", payload=BytesIO(response.body),
                                                http_headers=http_headers)
        self.writer.write_record(record)
        return response

    def close(self, spider=None):
        if self.handle:
            self.handle.close()
            self.handle = self.writer = None


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"
