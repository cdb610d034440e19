"""Downloader middlewares: conditional GET for re-crawls, and the raw WARC archive."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from io import BytesIO
from pathlib import Path

from scrapy import signals


class ConditionalGetMiddleware:
    """Remember ETag / Last-Modified per URL and ask with If-None-Match / If-Modified-Since,
    so an unchanged page comes back as a bodiless 304 instead of in full."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(str(path), timeout=30)
        self.conn.execute("CREATE TABLE IF NOT EXISTS validators (url TEXT PRIMARY KEY, etag TEXT, modified TEXT)")

    @classmethod
    def from_crawler(cls, crawler):
        mw = cls(Path(crawler.settings["NEWSINDEX_HOME"]) / "http-validators.sqlite")
        crawler.signals.connect(mw.close, signal=signals.spider_closed)
        return mw

    def process_request(self, request, spider=None):
        if request.meta.get("kind") not in ("article", "page"):
            return None
        row = self.conn.execute("SELECT etag, modified FROM validators WHERE url = ?", (request.url,)).fetchone()
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
                self.conn.execute("INSERT OR REPLACE INTO validators VALUES (?, ?, ?)",
                                  (response.url, etag and etag.decode("latin-1"),
                                   modified and modified.decode("latin-1")))
                self.conn.commit()
        return response

    def close(self, spider=None):
        self.conn.close()


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
