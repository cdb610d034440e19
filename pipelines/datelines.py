"""A page's visible dateline: the date printed by its headline, for pages that declare no publication date.

htmldate, without a declared date, guesses from the URL, ``<time>`` elements anywhere and the text; on a news
page the date a reader sees is the one printed by the headline ("15 January 2024", "15. Januar 2024"), in the
kicker above it or the byline line below it. A date far from the headline (a related story's, a comment's) is
not a dateline. Month names are every lexicon file's (``pipelines.textmeta.parse_date``).
"""

from __future__ import annotations

import re

from pipelines import lexicon_data
from pipelines.textmeta import parse_date

AFTER_CHARS = 400  # visible characters after the first <h1> that may hold the dateline (byline, date line)
BEFORE_CHARS = 200  # and before it (a kicker: "Politics | 15 January 2024")
MAX_TEXT_NODES = 60  # each way: a page of thousands of tiny nodes costs no more than a normal one
MAX_META = 300  # meta elements read for a declared date
MAX_JSON_LD_NODES = 500

# Where pages declare their publication date (lower case): Open Graph / article, Dublin Core, the common CMS ones.
_DECLARED_META = frozenset({
    "article:published_time", "article:published", "og:published_time", "og:article:published_time",
    "datepublished", "date", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
    "dc.date", "dc.date.issued", "dc.date.created", "dcterms.created", "dcterms.issued", "sailthru.date",
    "parsely-pub-date", "citation_publication_date", "citation_date", "article.published",
})
# "Updated: 2 January 2026", "Aktualisiert am …": a modification date by the headline is not the publication's.
_UPDATED = re.compile("|".join(lexicon_data.entries("dates", "updated")) or r"(?!)", re.IGNORECASE)
MAX_LABEL_CHARS = 30  # a label on its own ("Updated:") marks the date in the next text node
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "title", "head"})


def _json_ld_declares(blocks: list) -> bool:
    stack, seen = [(block, 0) for block in blocks], 0
    while stack and seen < MAX_JSON_LD_NODES:
        node, depth = stack.pop()
        seen += 1
        if isinstance(node, dict) and depth < 6:
            if any(isinstance(node.get(key), str) and node[key].strip() for key in ("datePublished", "dateCreated")):
                return True
            stack += [(v, depth + 1) for v in node.values() if isinstance(v, (dict, list))]
        elif isinstance(node, list) and depth < 6:
            stack += [(v, depth + 1) for v in node]
    return False


def declares_published(tree, json_ld: list) -> bool:
    """Whether the page states its publication date in metadata (meta, microdata or JSON-LD ``datePublished``)."""
    if tree is None:
        return False
    for number, meta in enumerate(tree.iter("meta")):
        if number >= MAX_META:
            break
        if (meta.get("content") or "").strip():
            names = {(meta.get(attr) or "").strip().lower() for attr in ("property", "name", "itemprop")}
            if names & _DECLARED_META:
                return True
    if tree.xpath("//*[@itemprop='datePublished'][position() <= 1]"):
        return True
    return _json_ld_declares(json_ld)


def _visible(nodes: list) -> list[str]:
    """The text nodes a reader sees: not inside a script or style (the text after one, its tail, is seen)."""
    texts = []
    for node in nodes:
        owner = node.getparent() if node.is_text else node.getparent().getparent()
        if owner is not None and owner.tag not in _INVISIBLE and (text := " ".join(str(node).split())):
            texts.append(text)
    return texts


def _unmodified(texts: list[str]) -> list[str]:
    """Each text node (in document order) without its modification date: the text before an update label
    ("Published 3 March 2024, updated 4 March 2024" → "Published 3 March 2024, "), nothing of a node that
    follows a node that is only the label."""
    parts, after_label = [], False
    for text in texts:
        label = _UPDATED.search(text)
        parts.append("" if after_label else text[:label.start()] if label else text)
        after_label = bool(label) and len(text) <= MAX_LABEL_CHARS and not parse_date(text)
    return parts


def _scan(texts: list[str], budget: int, reverse: bool) -> str | None:
    window, used = [], 0
    for text in reversed(texts) if reverse else texts:
        if used >= budget:
            break
        part = text[:budget - used] if not reverse else text[max(0, len(text) - (budget - used)):]
        used += len(text) + 1
        window.append(part)
        if found := parse_date(part):
            return found
    return parse_date(" ".join(reversed(window) if reverse else window))


def _first_date(texts: list[str], budget: int, reverse: bool = False) -> str | None:
    """The first text node (nearest the headline) within ``budget`` characters that holds a full date, a
    modification date passed over unless it is the only one (a page that shows only "Updated: …" dates itself
    by it); then the window as one string (a date split over elements: ``<b>15</b> January 2024``)."""
    return _scan(_unmodified(texts), budget, reverse) or _scan(texts, budget, reverse)


def first_headline(tree):
    """The page's first ``<h1>`` with text (not a logo's empty one), or None."""
    return next(iter(tree.xpath("(//h1[normalize-space()])[1]")), None) if tree is not None else None


def text_after(h1, budget: int = AFTER_CHARS) -> list[str]:
    """The visible text nodes after the headline, in order, within ``budget`` characters."""
    texts, used = [], 0
    for text in _visible(h1.xpath(f"following::text()[position() <= {MAX_TEXT_NODES}]")):
        if used >= budget:
            break
        texts.append(text)
        used += len(text) + 1
    return texts


def dateline(tree) -> str | None:
    """The first full date within ``AFTER_CHARS`` visible characters after the page's first ``<h1>``, else the
    nearest within ``BEFORE_CHARS`` before it; None without an ``<h1>`` or a date by it."""
    h1 = first_headline(tree)
    if h1 is None:
        return None
    after = _visible(h1.xpath(f"following::text()[position() <= {MAX_TEXT_NODES}]"))
    if found := _first_date(after, AFTER_CHARS):
        return found
    before = _visible(h1.xpath(f"preceding::text()[position() <= {MAX_TEXT_NODES}]"))
    return _first_date(before, BEFORE_CHARS, reverse=True)  # nearest the headline first


# An ISO 8601 timestamp with a fraction of a second: "2025-12-05T11:00:22.000Z", "…22.123456+01:00".
_FRACTIONAL = re.compile(r"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})[.,]\d{1,9}(?=Z|[+-]\d{2}:?\d{2}|\s*$)")
_JSON_DATE_VALUE = re.compile(r'("(?:date|upload)\w*"\s*:\s*")([^"]{10,40})"', re.IGNORECASE)
MAX_MENDED = 100  # attributes and JSON-LD blocks mended on a page


def mend_fractional_seconds(tree) -> int:
    """Take the fraction of a second off the page's declared timestamps (meta ``content``, ``<time datetime>``,
    JSON-LD ``date…`` values), in place, and return how many were changed. trafilatura's date library throws
    such a timestamp away ("2025-12-05T11:00:22.000Z": its filter against prices and phone numbers reads
    ".000Z" as one) and settles for weaker evidence, a modification date in the text; the day is unchanged."""
    if tree is None:
        return 0
    mended = 0
    for element in tree.iter("meta", "time"):
        attribute = "content" if element.tag == "meta" else "datetime"
        value = element.get(attribute)
        if value and len(value) <= 40 and _FRACTIONAL.match(value.strip()):
            element.set(attribute, _FRACTIONAL.sub(r"\1", value.strip()))
            mended += 1
            if mended >= MAX_MENDED:
                return mended
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        text = _JSON_DATE_VALUE.sub(lambda m: m.group(1) + _FRACTIONAL.sub(r"\1", m.group(2)) + '"', script.text)
        if text != script.text:
            script.text = text
            mended += 1
            if mended >= MAX_MENDED:
                break
    return mended
