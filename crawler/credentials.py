"""Credentials inside a crawled URL (``http://user:secret@host/``) never reach a log line, the request queue, a
stored document, the archive or the dead-letter file.

The sources file's own URLs may carry the site's credentials: they are moved into an ``Authorization`` header for
every request to that host and port, and the URL goes on without them. Credentials in a URL the site hands out
(a link, a sitemap entry, a redirect's Location) are dropped: the crawl sends only the operator's.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from w3lib.http import basic_auth_header

from pipelines.userinfo import split_credentials, without_credentials


def declared_credentials(urls: list[str]) -> dict[str, bytes]:
    """host:port → Basic ``Authorization`` value, from the sources file's URLs that carry a user."""
    found = {}
    for url in urls:
        clean, user, password = split_credentials(url)
        if user is not None:
            found[_authority(clean)] = basic_auth_header(user, password or "")
    return found


def _authority(url: str) -> str:
    try:
        parts = urlsplit(url)
        return f"{(parts.hostname or '').lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"
    except ValueError:
        return ""


def clean_request_args(url: str, credentials: dict[str, bytes]) -> tuple[str, dict[str, bytes]]:
    """The URL without credentials, and the headers that authenticate it when its host is a declared one."""
    url = without_credentials(url)
    auth = credentials.get(_authority(url))
    return url, ({"Authorization": auth} if auth else {})


class CredentialsMiddleware:
    """Downloader middleware, next to the redirect middleware: a redirect's Location loses its credentials
    before a request is built from it; any request that still carries some (a meta refresh, a request from
    elsewhere) is sent again without them; a request to a declared host that Scrapy made itself (robots.txt)
    gets the operator's header too."""

    def __init__(self, crawler=None):
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_request(self, request, spider=None):
        clean = without_credentials(request.url)
        if clean != request.url:
            return request.replace(url=clean)
        declared = getattr(getattr(self.crawler, "spider", None), "credentials", None) or {}
        if (auth := declared.get(_authority(request.url))) and b"Authorization" not in request.headers:
            request.headers[b"Authorization"] = auth
        return None

    def process_response(self, request, response, spider=None):
        location = response.headers.get(b"Location")
        if location and 300 <= response.status < 400 and b"@" in location:
            text = location.decode("latin-1")
            if (clean := without_credentials(text)) != text:
                response.headers[b"Location"] = clean.encode("latin-1")
        return response
