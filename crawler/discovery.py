"""Finding article URLs: sitemaps (including news sitemaps) and RSS/Atom feeds.

Plain functions over bytes; they raise ``DiscoveryError`` on a document they cannot read.
"""

from __future__ import annotations

import email.utils
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from lxml import etree

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, recover=False, huge_tree=False)


class DiscoveryError(Exception):
    pass


@dataclass
class Entry:
    url: str
    published: datetime | None = None


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def parse_date(value: str | None) -> datetime | None:
    """A feed or sitemap date: RFC 2822 (RSS ``pubDate``, with the RFC 822 zone names such as EST) by
    ``email.utils``, else ISO 8601 / W3C datetime (Atom, sitemaps) by ``datetime.fromisoformat``. A date
    without a zone (or an unknown zone name, or ``-0000``) is taken as UTC; an unreadable one is None."""
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        try:
            parsed = datetime.fromisoformat(value[:-1] + "+00:00" if value[-1] in "Zz" else value)
        except ValueError:
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _root(body: bytes):
    try:
        return etree.fromstring(body, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"malformed XML: {exc}") from exc


MAX_SITEMAP_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit for one uncompressed file


def gunzipped(body: bytes) -> bytes:
    """A ``.xml.gz`` sitemap's XML (served as a gzip file, not with Content-Encoding), capped at 50 MiB."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    import gzip
    import io
    import zlib

    try:
        with gzip.GzipFile(fileobj=io.BytesIO(body)) as fh:
            data = fh.read(MAX_SITEMAP_BYTES + 1)
    except (OSError, EOFError, zlib.error) as exc:
        raise DiscoveryError(f"broken gzip sitemap ({exc})") from None
    if len(data) > MAX_SITEMAP_BYTES:
        raise DiscoveryError("gzip sitemap over the protocol's 50 MiB limit")
    return data


NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"


def parse_sitemap(body: bytes) -> tuple[list[str], list[Entry]]:
    """(child sitemaps, page entries); see ``read_sitemap``."""
    children, entries, _ = read_sitemap(body)
    return children, entries


def read_sitemap(body: bytes) -> tuple[list[str], list[Entry], str | None]:
    """(child sitemaps, page entries, what was wrong), read by Scrapy's ``Sitemap`` (entities never resolved).
    Page dates: news:publication_date, else lastmod. A sitemap broken part-way (truncated, a bad tag) keeps
    what its recovering parser read before the break, and says what broke; one not readable at all raises."""
    from scrapy.utils.sitemap import Sitemap

    try:
        sitemap = Sitemap(body)
        kind = sitemap.type
    except (etree.XMLSyntaxError, StopIteration) as exc:
        raise DiscoveryError(f"malformed XML: {str(exc) or 'empty document'}") from None
    if kind not in ("urlset", "sitemapindex"):
        raise DiscoveryError(f"not a sitemap (root element <{kind}>)")
    try:
        found = [(fields["loc"], fields.get("lastmod")) for fields in sitemap if fields.get("loc")]
    except etree.XMLSyntaxError as exc:
        raise DiscoveryError(f"malformed XML: {exc}") from None
    errors = [e for e in sitemap.xmliter.error_log if e.level >= etree.ErrorLevels.ERROR]
    problem = (f"malformed XML ({errors[0].message.strip()}, line {errors[0].line}): kept the {len(found)} "
               "entries read before it") if errors else None
    if kind == "sitemapindex":
        return [loc for loc, _ in found], [], problem
    published = _news_dates(body) if NEWS_NS.encode() in body else {}
    return [], [Entry(loc, parse_date(published.get(loc) or lastmod)) for loc, lastmod in found], problem


def _news_dates(body: bytes) -> dict[str, str]:
    """loc → news:publication_date of a news sitemap. Scrapy's ``Sitemap`` keeps only the direct children of
    ``<url>``, and the date sits inside ``<news:news>``."""
    dates = {}
    try:
        for url in _root(body):
            loc = url.findtext("{*}loc")
            date = url.findtext(f"{{{NEWS_NS}}}news/{{{NEWS_NS}}}publication_date")
            if loc and date:
                dates[loc.strip()] = date.strip()
    except DiscoveryError:  # what Scrapy's recovering parser read is kept, with lastmod dates
        pass
    return dates


def parse_feed(body: bytes) -> list[Entry]:
    """Entries of an RSS 2.0 or Atom feed."""
    root = _root(body)
    kind = _local(root.tag)
    entries = []
    if kind == "rss" or kind == "RDF":
        for item in root.iter():
            if _local(item.tag) != "item":
                continue
            link = next((c.text.strip() for c in item if _local(c.tag) == "link" and c.text), None)
            date = next((c.text for c in item if _local(c.tag) in ("pubDate", "date")), None)
            if link:
                entries.append(Entry(link, parse_date(date)))
    elif kind == "feed":
        for item in root:
            if _local(item.tag) != "entry":
                continue
            link = next((c.get("href") for c in item if _local(c.tag) == "link"
                         and c.get("rel", "alternate") == "alternate"), None)
            date = next((c.text for c in item if _local(c.tag) in ("published", "updated")), None)
            if link:
                entries.append(Entry(link, parse_date(date)))
    else:
        raise DiscoveryError(f"not an RSS or Atom feed (root element <{kind}>)")
    return entries


def robots_sitemaps(body: bytes, base_url: str | None = None) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt (Scrapy's ``sitemap_urls_from_robots``: any case, anywhere in
    the file), relative ones joined to ``base_url``, in order, without repeats or empty lines."""
    from urllib.parse import urljoin

    from scrapy.utils.sitemap import sitemap_urls_from_robots

    return list(dict.fromkeys(urljoin(base_url or "", url) for url in sitemap_urls_from_robots(body) if url))


def in_window(entries: list[Entry], days: float | None, now: datetime | None = None) -> list[Entry]:
    """Entries newer than the window (undated ones kept), newest first."""
    now = now or datetime.now(timezone.utc)
    if days is not None:
        cutoff = now - timedelta(days=days)
        entries = [e for e in entries if e.published is None or e.published >= cutoff]
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    return sorted(entries, key=lambda e: e.published or oldest, reverse=True)
