"""One page fetched for ``newsindex extract URL``: a preview, fetched once and politely.

The crawler's User-Agent, the site's robots.txt obeyed (Protego, Scrapy's parser), the body capped at
NEWSINDEX_MAX_BYTES once decompressed, and the whole fetch bounded in time. The page becomes the same raw
item a crawl yields, so the preview runs it through the same stages."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from urllib.parse import urlsplit

from crawler.settings import USER_AGENT
from crawler.sources import ReadFailure

TIMEOUT_SECONDS = 20.0  # the whole fetch: connection, redirects and body
MAX_REDIRECTS = 5
MAX_ROBOTS_BYTES = 512 * 1024


def is_url(value: str) -> bool:
    return urlsplit(value).scheme in ("http", "https") and bool(urlsplit(value).netloc)


class FetchError(Exception):
    pass


def _get(pool, url: str, limit: int, deadline: float, what: str, timeout: float):
    """(status, headers, body, final URL): redirects followed, at most ``limit`` bytes read, before ``deadline``."""
    import urllib3

    for _ in range(MAX_REDIRECTS + 1):
        left = deadline - time.monotonic()
        if left <= 0:
            raise FetchError(f"{what}: no answer within {timeout:.0f}s")
        try:
            response = pool.request("GET", url, redirect=False, preload_content=False, retries=False,
                                    timeout=urllib3.Timeout(connect=min(left, 10.0), read=left),
                                    headers={"User-Agent": USER_AGENT, "Accept-Encoding": "gzip, deflate"})
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"{what}: {type(exc).__name__}: {exc}") from None
        try:
            if response.status in (301, 302, 303, 307, 308) and response.headers.get("Location"):
                from urllib.parse import urljoin

                url = urljoin(url, response.headers["Location"])
                continue
            body = bytearray()
            for chunk in response.stream(64 * 1024, decode_content=True):
                body += chunk
                if len(body) > limit:
                    raise FetchError(f"{what}: larger than the size limit ({limit} bytes) once decompressed "
                                     "(NEWSINDEX_MAX_BYTES)")
                if time.monotonic() > deadline:
                    raise FetchError(f"{what}: not read within {timeout:.0f}s")
            return response.status, response.headers, bytes(body), url
        except urllib3.exceptions.HTTPError as exc:
            raise FetchError(f"{what}: {type(exc).__name__}: {exc}") from None
        finally:
            response.release_conn()
    raise FetchError(f"{what}: more than {MAX_REDIRECTS} redirects")


def _robots_allow(pool, url: str, deadline: float, timeout: float) -> bool:
    """What the site's robots.txt says of ``url`` for our User-Agent; no robots.txt (or an unreadable one) allows
    it, as in a crawl."""
    from protego import Protego

    parts = urlsplit(url)
    try:
        status, _, body, _ = _get(pool, f"{parts.scheme}://{parts.netloc}/robots.txt", MAX_ROBOTS_BYTES, deadline,
                                  "robots.txt", timeout)
    except FetchError:
        return True
    if status != 200:
        return True
    return Protego.parse(body.decode("utf-8", "replace")).can_fetch(url, USER_AGENT)


def fetch_item(url: str, max_bytes: int, domains: list[str] | None = None,
               timeout: float = TIMEOUT_SECONDS) -> dict | ReadFailure:
    """The raw item of one page (as a crawl yields it), or a ReadFailure with the reason."""
    import urllib3

    deadline = time.monotonic() + timeout
    with urllib3.PoolManager(num_pools=2) as pool:
        if not _robots_allow(pool, url, deadline, timeout):
            return ReadFailure(url, "refused by the site's robots.txt")
        try:
            status, headers, body, final = _get(pool, url, max_bytes, deadline, "fetch", timeout)
        except FetchError as exc:
            return ReadFailure(url, str(exc))
    if status != 200:
        return ReadFailure(url, f"fetch: HTTP {status}")
    host = urlsplit(final).hostname or ""
    return {"source": url, "url": final, "body": body, "content_type": headers.get("Content-Type", ""),
            "fetched_at": datetime.now(timezone.utc).isoformat(timespec="seconds"), "site": None,
            "domains": domains or [host]}
