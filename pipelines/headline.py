"""The story's real headline, reconciled from what the page states: its ``<h1>`` elements, ``og:title`` /
``twitter:title``, JSON-LD ``headline`` and ``<title>`` — with the site's name taken off.

Why not trafilatura's title alone: it prefers the ``<title>``/``og:title`` strings, which carry the site's name
("… | The Motley Fool", "Tastify | …") on about four pages in ten, and ignores the visible ``<h1>``, which is
the headline a reader sees (measured on wcxb_dev, bench/eval_metadata.py). Plain functions over the page's
one lxml tree.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from dataclasses import dataclass, field

from lxml import etree

# What separates a title from the site's name: "Story | Site", "Site – Story", "Story :: Site", "Story · Site".
_SEPARATOR = re.compile(r"\s+(?:\||–|—|-|::|·|»|•|/)\s+|\s*(?:\||::|»)\s*")
MAX_HEADLINE_CHARS = 400
MAX_H1 = 12  # h1 elements looked at: a page with more uses h1 for everything
MIN_AGREEMENT = 0.3  # of several <h1>s, one must share this much with a meta title to be chosen
MAX_JSON_LD_CHARS = 200_000
MAX_PARTS = 12  # a title cut into more segments than this is not "story | site"
_META_TITLES = ("og:title", "twitter:title")
_META_SITE_NAMES = ("og:site_name", "application-name", "twitter:site", "apple-mobile-web-app-title")


_C1_CONTROLS = re.compile("[\x80-\x9f]")


def _clean(text: str | None) -> str:
    """Spacing collapsed, entities a CMS escaped twice ("SQL &#x26; AI") read, and UTF-8 read as Latin-1 once
    too often mended ("Investorâ\x80\x99s" → "Investor’s": C1 control characters are never text)."""
    text = text or ""
    if "&" in text:
        text = html.unescape(text)
    if _C1_CONTROLS.search(text):
        try:
            text = text.encode("latin-1").decode("utf-8")
        except UnicodeError:
            pass
    return " ".join(text.split()).strip()


_TEXT_AND_BREAKS = etree.XPath(".//text()|.//br")


def _heading_text(element) -> str:
    """An ``<h1>``'s text as it reads, a line break a space ("Top MBA Programs<br>Your Guide", "WEEKEND<br>CODING"):
    ``text_content()`` runs the lines together."""
    return "".join(" " if isinstance(part, etree._Element) else part for part in _TEXT_AND_BREAKS(element))


def _key(text: str) -> str:
    """Equal up to case, spacing, punctuation and quote style."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def overlap(a: str, b: str) -> float:
    """Shared words over the longer string's words: "Discord" is not the headline "How we pwned X, …, Discord"."""
    wa, wb = _words(a), _words(b)
    return len(wa & wb) / max(len(wa), len(wb)) if wa and wb else 0.0


MAX_COUNT_WORDS = 3  # "(latimes.com) 87", "12 comments": a trailing count, not a subtitle


def _extra_is_furniture(h1: str, meta: str) -> bool:
    """An ``<h1>`` that holds a meta title and more: is the more furniture? A trailing run with a number ("…
    Posted on July 1, 2024 by infuy", "… (latimes.com) 87") or a leading date or label ("Dec 18 2025 …",
    "Title:…"); a subtitle ("…: Room-by-Room Breakdown") is not."""
    from pipelines.textmeta import parse_date

    at = _key(h1).find(_key(meta))
    words = _key(h1).split()
    before = len(_key(h1)[:at].split())
    after = words[before + len(_key(meta).split()):]
    lead = " ".join(h1.split()[:before])
    if after and not before:  # a date, or a short run with a number (a count); not a subtitle with a price
        spaced = h1.split()
        tail = " ".join(spaced[max(0, len(spaced) - len(after)):])
        return bool(parse_date(tail)) or (len(after) <= MAX_COUNT_WORDS and any(ch.isdigit() for ch in tail))
    if before and not after:
        return bool(parse_date(lead)) or (before <= 2 and lead.rstrip().endswith(":"))
    return False


@dataclass
class Candidates:
    h1: list[str]
    meta: list[str]  # og:title, twitter:title, JSON-LD headline, in that order
    title: str  # the <title> element
    site_names: list[str]
    json_ld: list = field(default_factory=list)  # the parsed JSON-LD blocks (``json_ld_blocks``), for the authors


def json_ld_blocks(tree) -> list:
    """The page's JSON-LD blocks, parsed once for the headline and the authors: at most 10, each at most
    ``MAX_JSON_LD_CHARS``; a malformed or absurdly nested one is left out."""
    blocks = []
    for script in _JSON_LD_TEXT(tree)[:10]:
        if len(script) > MAX_JSON_LD_CHARS:
            continue
        try:
            blocks.append(json.loads(script))
        except (ValueError, RecursionError):
            continue
    return blocks


def _json_ld(blocks: list) -> tuple[list[str], list[str]]:
    """(headlines, publisher/website names) of the page's JSON-LD blocks, bounded in depth and nodes."""
    headlines: list[str] = []
    names: list[str] = []
    for data in blocks:
        stack, seen = [(data, 0)], 0
        while stack and seen < 500:
            node, depth = stack.pop()
            seen += 1
            if isinstance(node, list) and depth < 6:
                stack += [(x, depth + 1) for x in node]
            elif isinstance(node, dict) and depth < 6:
                kind = node.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                if isinstance(node.get("headline"), str):
                    headlines.append(_clean(node["headline"]))
                if any(k in ("WebSite", "Organization", "NewsMediaOrganization") for k in kinds) and isinstance(
                        node.get("name"), str):
                    names.append(_clean(node["name"]))
                if isinstance(node.get("publisher"), dict) and isinstance(node["publisher"].get("name"), str):
                    names.append(_clean(node["publisher"]["name"]))
                stack += [(v, depth + 1) for v in node.values() if isinstance(v, (dict, list))]
    return headlines, names


_TITLE_TEXT = etree.XPath("//title/text()")
_JSON_LD_TEXT = etree.XPath("//script[@type='application/ld+json']/text()")


def _first_meta(tree, names: tuple[str, ...]) -> dict[str, str]:
    """Each name's first ``<meta property=… content=…>`` or ``<meta name=… content=…>`` in document order, in
    one walk of the page (what ``//meta[@property=N or @name=N]/@content`` gives first, name by name)."""
    wanted, found = set(names), {}
    for element in tree.getroottree().getroot().iter("meta"):
        content = element.get("content")
        if content is None:
            continue
        for key in {element.get("property"), element.get("name")} & wanted:
            found.setdefault(key, content)
    return found


def candidates(tree) -> Candidates:
    if tree is None:
        return Candidates([], [], "", [])
    h1 = [_clean(_heading_text(e)) for e in itertools.islice(tree.iter("h1"), MAX_H1)]
    stated = _first_meta(tree, _META_TITLES + _META_SITE_NAMES)
    meta = [_clean(stated[name]) for name in _META_TITLES if name in stated]
    blocks = json_ld_blocks(tree)
    headlines, publishers = _json_ld(blocks)
    meta += headlines[:1]
    title = _clean(next(iter(_TITLE_TEXT(tree)), ""))
    sites = [_clean(stated[name]) for name in _META_SITE_NAMES if name in stated]
    return Candidates([h for h in h1 if 0 < len(h) <= MAX_HEADLINE_CHARS],
                      [m for m in meta if 0 < len(m) <= MAX_HEADLINE_CHARS],
                      title if len(title) <= MAX_HEADLINE_CHARS else "",
                      [s.lstrip("@") for s in sites + publishers if s], blocks)


def _host_words(url: str | None) -> set[str]:
    """The site's name as its address spells it: ``www.motley-fool.co.uk`` → {motley, fool, motleyfool}."""
    from urllib.parse import urlsplit

    host = (urlsplit(url).hostname or "") if url else ""
    labels = [p for p in host.split(".") if p not in ("www", "com", "org", "net", "co", "uk", "io", "de", "fr")]
    words = {w for label in labels for w in label.split("-")}
    return words | {label.replace("-", "") for label in labels}


MAX_NAME_EXTRA_WORDS = 2  # "The Motley Fool UK" is the site "Motley Fool"; "The 2024 SELF Healthy Beauty Awards" is not
MAX_NAME_EXTRA_CHARS = 10  # the same for the name as the address spells it: "selfmagazine" is self.com's


def _holds_name(key: str, name: str) -> bool:
    """A segment that is the site's name with a word or two around it ("the motley fool uk"), not one that
    only uses it ("why self care matters" on the site SELF): whole words, few besides."""
    return f" {name} " in f" {key} " and len(key.split()) - len(name.split()) <= MAX_NAME_EXTRA_WORDS


def strip_site(title: str, site_names: list[str], url: str | None = None, headline: str | None = None) -> str:
    """The title without a leading or trailing segment that is the site's name (declared, or matching the
    address, or what is left over around the visible headline)."""
    parts = [p for p in _SEPARATOR.split(title) if p.strip()]
    if len(parts) < 2 or len(parts) > MAX_PARTS:
        return title
    names = {_key(n) for n in site_names if n}
    host = _host_words(url)

    def is_site(segment: str) -> bool:
        key = _key(segment)
        if not key:
            return True
        if key in names or any(key in n or _holds_name(key, n) for n in names if len(n) >= 3):
            return True
        squashed = key.replace(" ", "")
        return bool(host) and (squashed in host or (len(squashed) >= 4 and any(
            squashed == h or (len(h) >= 4 and (squashed in h or (
                h in squashed and len(squashed) - len(h) <= MAX_NAME_EXTRA_CHARS))) for h in host)))

    if headline:  # the visible headline inside the title: the rest is the site's
        for i in range(len(parts)):
            for j in range(len(parts), i, -1):
                if _key(" ".join(parts[i:j])) == _key(headline):
                    return headline
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    # Rejoin with the separators the title had between the kept parts.
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    return title[start:end].strip() if start >= 0 and end > start else " ".join(parts)


def _is_site_name(text: str, found: Candidates, url: str | None) -> bool:
    key = _key(text)
    return bool(key) and (any(key == _key(n) for n in found.site_names) or strip_site(
        f"x | {text}", found.site_names, url) == "x")


MAX_LABEL_WORDS = 4  # a segment after " | " this short is a section, a label or a site: "| Opinion"


def _without_labels(title: str | None) -> str | None:
    """The headline without the short segments a pipe hangs on it ("… | Opinion", "… | Patient Education |
    UC Davis Children's Hospital"); a long one is a subtitle and stays, and so does the first segment."""
    if not title or " | " not in title:
        return title
    segments = title.split(" | ")
    while len(segments) > 1 and len(segments[-1].split()) <= MAX_LABEL_WORDS:
        segments.pop()
    return " | ".join(segments)


def headline(found: Candidates, fallback: str | None = None, url: str | None = None) -> str | None:
    """The headline (``_chosen``) without the short labels a pipe hangs on it."""
    return _without_labels(_chosen(found, fallback, url))


def _chosen(found: Candidates, fallback: str | None = None, url: str | None = None) -> str | None:
    """The ``<h1>`` that the page's meta titles agree with best (an ``<h1>`` that is only the site's name or a
    section label is passed over), else the meta title with the site's name off."""
    metas = [strip_site(m, found.site_names, url) for m in found.meta]
    if found.title:
        metas.append(strip_site(found.title, found.site_names, url))
    if fallback and len(fallback) <= MAX_HEADLINE_CHARS:
        metas.append(strip_site(_clean(fallback), found.site_names, url))
    metas = [m for m in metas if m]
    # A meta title that is another's segments ("Story" within "Story | Blog"): the other's rest is the site's.
    metas = [min((o for o in metas if o == m or strip_site(m, [], None, headline=o) == o), key=len) for m in metas]
    h1s = [h for h in found.h1 if _words(h) and not _is_site_name(h, found, url)]
    if h1s:
        scored = [(max((overlap(h, m) for m in metas), default=0.0), -i, h) for i, h in enumerate(h1s)]
        best_score, _, best = max(scored)
        if len(h1s) == 1 or best_score >= MIN_AGREEMENT:
            # An <h1> holding more than the headline (a trailing date or byline, a comment count, "Title:"):
            # the meta title it contains is the headline.
            for meta in metas:
                if _key(meta) and _key(meta) != _key(best) and _key(meta) in _key(best) and _extra_is_furniture(
                        best, meta):
                    return meta
            # An <h1> carrying the site's name too ("Story – Site"): taken off as from a title.
            return strip_site(best, found.site_names, url)
    return metas[0] if metas else (fallback or None)
