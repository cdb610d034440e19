"""Finding article URLs: sitemaps (including news sitemaps) and RSS/Atom feeds.

Plain functions over bytes; they raise ``DiscoveryError`` on a document they cannot read.
"""

from __future__ import annotations

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
    if not value:
        return None
    value = value.strip()
    for fmt in ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d", "%a, %d %b %Y %H:%M:%S %z",
                "%a, %d %b %Y %H:%M:%S %Z", "%Y-%m-%dT%H:%M:%S.%f%z"):
        try:
            parsed = datetime.strptime(value.replace("Z", "+00:00"), fmt)
            return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
        except ValueError:
            continue
    return None


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


def parse_sitemap(body: bytes) -> tuple[list[str], list[Entry]]:
    """(child sitemaps, page entries). Page dates: news:publication_date, else lastmod."""
    root = _root(body)
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise DiscoveryError(f"not a sitemap (root element <{kind}>)")
    children, entries = [], []
    for node in root:
        fields = {}
        for el in node.iter():
            name = _local(el.tag)
            if name in ("loc", "lastmod", "publication_date") and el.text:
                fields[name] = el.text.strip()
        if "loc" not in fields:
            continue
        if kind == "sitemapindex":
            children.append(fields["loc"])
        else:
            entries.append(Entry(fields["loc"], parse_date(fields.get("publication_date") or fields.get("lastmod"))))
    return children, entries


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


def robots_sitemaps(body: bytes) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt (any case, anywhere in the file), in order, without repeats."""
    text = body.decode("utf-8", "replace")
    found = [line.split(":", 1)[1].strip() for line in text.splitlines()
             if line.strip().lower().startswith("sitemap:") and line.split(":", 1)[1].strip()]
    return list(dict.fromkeys(found))


def in_window(entries: list[Entry], days: float | None, now: datetime | None = None) -> list[Entry]:
    """Entries newer than the window (undated ones kept), newest first."""
    now = now or datetime.now(timezone.utc)
    if days is not None:
        cutoff = now - timedelta(days=days)
        entries = [e for e in entries if e.published is None or e.published >= cutoff]
    oldest = datetime.min.replace(tzinfo=timezone.utc)
    return sorted(entries, key=lambda e: e.published or oldest, reverse=True)
