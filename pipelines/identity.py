"""Which document an input is: canonical URLs, ``rel=canonical`` within the site, one id per article.

Plain functions for the URL rules, and ``IdentityStage``, which keeps the claims of one run so that two
different articles claiming the same canonical URL both stay (the second under its own URL) and the
same article reached twice is counted once, as a skip with its reason.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import sqlite3
import tempfile
from urllib.parse import urlsplit

from pipelines.base import Item, Skip, Stage

logger = logging.getLogger(__name__)

# Query parameters that say how a reader arrived, not what they read.
TRACKING_PARAMS = re.compile(
    r"^(?:utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|ref_src|"
    r"cmpid|ocid|at_medium|at_campaign|wt\.mc_id|__twitter_impression|ncid|sr_share|rss)$", re.IGNORECASE)


def is_web_url(url: str | None) -> bool:
    return bool(url) and url.startswith(("http://", "https://"))


def canonical_url(url: str) -> str:
    """One spelling per address: tracking parameters and fragment dropped, query sorted, escapes normalised."""
    from w3lib.url import canonicalize_url, url_query_cleaner

    cleaned = url_query_cleaner(url, [k for k in _query_keys(url) if TRACKING_PARAMS.match(k)], remove=True,
                                keep_fragments=False)
    return canonicalize_url(cleaned)


def _query_keys(url: str) -> list[str]:
    from urllib.parse import parse_qsl

    return [key for key, _ in parse_qsl(urlsplit(url).query, keep_blank_values=True)]


def host_of(url: str | None) -> str | None:
    if not is_web_url(url):
        return None
    return (urlsplit(url).hostname or "").lower().removeprefix("www.") or None


def within(host: str | None, domains: list[str]) -> bool:
    """``host`` is one of ``domains`` or a subdomain of one."""
    if not host:
        return False
    return any(host == d or host.endswith("." + d) for d in (d.lower().removeprefix("www.") for d in domains))


def choose_url(fetched: str | None, declared: str | None, domains: list[str] | None = None) -> str | None:
    """The document's URL: the page's ``rel=canonical`` when it stays inside the site (its declared
    domains, else the fetched URL's host), else the fetched URL; canonicalised either way."""
    if is_web_url(declared) and (not is_web_url(fetched) or within(host_of(declared), domains or [host_of(fetched)])):
        return canonical_url(declared)
    return canonical_url(fetched) if is_web_url(fetched) else None


def is_original(fetched: str | None, declared: str | None) -> bool:
    """A page is the original of its article when its own URL is its canonical (or it names none): it owns the
    canonical's id whichever arrives first. A page fetched from elsewhere, or a file, is a copy."""
    if not is_web_url(fetched):
        return False
    return not is_web_url(declared) or canonical_url(declared) == canonical_url(fetched)


def own_url(fetched: str | None) -> str | None:
    return canonical_url(fetched) if is_web_url(fetched) else None


def own_id(source: str, fetched: str | None = None) -> str:
    """The id of an input's own address: its fetched URL (a crawled page's ``source`` is that URL), else its
    file. A copy that may not keep its canonical's id takes this one, at crawl, ingest and re-index alike."""
    fetched = fetched if is_web_url(fetched) else source if is_web_url(source) else None
    return document_id(own_url(fetched), source)


def document_id(url: str | None, source: str) -> str:
    """Stable id: the canonical URL when known, else the file's absolute path."""
    key = url if is_web_url(url) else "file:" + os.path.abspath(source)
    return hashlib.sha1(key.encode("utf-8", "surrogateescape")).hexdigest()[:24]


def _content_key(item: Item) -> str:
    from pipelines.cleaning import normalise

    text = "\n".join(normalise(p) for p in item.get("paragraphs") or [])
    return hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()


class _Claims:
    """Which id each input of the run took: id → (content key, where it came from). In a temporary SQLite
    file, so a run of 100,000 documents keeps none of it in memory. Its name is removed as soon as it is open
    (without a journal SQLite needs only its open file), so a run killed by any signal leaves nothing behind."""

    def __init__(self) -> None:
        handle, name = tempfile.mkstemp(prefix="newsindex-claims-", suffix=".sqlite")
        os.close(handle)
        try:
            self.conn = sqlite3.connect(name)
            self.conn.execute("PRAGMA journal_mode=OFF")
        finally:
            os.unlink(name)
        self.conn.execute("CREATE TABLE claims (id TEXT PRIMARY KEY, key TEXT, source TEXT, original INTEGER)")

    def get(self, doc_id: str) -> tuple[str, str] | None:
        return self.conn.execute("SELECT key, source FROM claims WHERE id = ?", (doc_id,)).fetchone()

    def is_original(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT original FROM claims WHERE id = ?", (doc_id,)).fetchone()
        return bool(row and row[0])

    def __contains__(self, doc_id: str) -> bool:
        return self.get(doc_id) is not None

    def __setitem__(self, doc_id: str, claim: tuple[str, str, bool]) -> None:
        self.conn.execute("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?)", (doc_id, *claim))

    def close(self) -> None:
        self.conn.close()


class IdentityStage(Stage):
    """Within one run: one document per id. The original (``is_original``) owns its canonical's id: a copy
    claiming it after the original keeps its own URL (or file) as its id, with the collision reported; an
    original arriving after its copy takes the id, and the copy, already on its way, is moved to its own id
    by the index writer (``pipelines.index``), which also settles claims against earlier runs. Two copies with
    the same text are one article reached twice (a skip); the same URL fetched again (two archives of one
    site) is a later version of one document, not a collision."""

    name = "identity"

    def __init__(self) -> None:
        self.claims = _Claims()
        self.collisions: list[str] = []
        self.crawler = None

    @classmethod
    def from_crawler(cls, crawler) -> IdentityStage:
        stage = cls.from_settings(crawler.settings)
        stage.crawler = crawler  # collisions are counted in the crawl's account
        return stage

    def process(self, item: Item) -> Item:
        key = _content_key(item)
        origin = own_url(item.get("fetched_url")) or item["source"]  # a1?utm_source=rss is a1 fetched again
        claim = self.claims.get(item["id"])
        original = bool(item.get("original"))
        fetched_again = claim is not None and claim[1] == origin
        if claim is not None and not fetched_again:
            holder_original = self.claims.is_original(item["id"])
            if original and not holder_original:
                self._report(item, f"original of {item['url']}: takes its id from the copy {claim[1]}, which "
                                   "moves to its own")
            elif claim[0] == key and not original and not holder_original:
                raise Skip(f"same article as {claim[1]}")
            else:
                own = own_url(item.get("fetched_url"))
                self._report(item, f"canonical {item['url']} is already the id of {claim[1]}"
                                   f"{' (the original)' if holder_original else ', a different text'}: "
                                   f"kept under {own or 'its own id'}")
                item["url"], item["id"] = own or item["url"], own_id(item["source"], item.get("fetched_url"))
                item["site"] = host_of(item["url"]) or item.get("site")
        elif claim is not None and claim[0] == key:
            raise Skip(f"same article as {claim[1]}")
        self.claims[item["id"]] = (key, origin, original)
        return item

    def _report(self, item: Item, note: str) -> None:
        where = item.get("fetched_url") or item["source"]
        self.collisions.append(f"{where}: {note}")
        logger.warning("%s: %s", where, note)
        if self.crawler is not None:
            self.crawler.stats.inc_value("newsindex/collisions")

    def close(self) -> None:
        self.claims.close()
