"""Main text and metadata: trafilatura for HTML, our own parser for plain text; both then
go through the same paragraph cleaning (``pipelines.cleaning``)."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from pipelines.authors import byline_after_headline, marked_authors, page_authors
from pipelines.base import CpuStage, Item, StageError
from pipelines.captions import recover_captions
from pipelines.cleaning import clean_paragraphs, split_tag_list
from pipelines.datelines import dateline, declares_published, mend_fractional_seconds
from pipelines.headline import candidates, headline
from pipelines.htmltree import parse_page
from pipelines.identity import choose_url, document_id, host_of, is_original, within
from pipelines.plaintext import parse_text_article
from pipelines.signals import PageSignals
from pipelines.template import page_template
from pipelines.textmeta import element_text, normalise, parse_byline, parse_date
from pipelines.thresholds import DEFAULT, CleaningConfig
from pipelines.wrongblock import article_block

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def _published(found: str | None, visible: str | None, by_headline: str | None = None) -> str | None:
    """trafilatura's date (htmldate: meta tags, URL, ``<time>``), unless it is only a year guess (YYYY-01-01,
    often from a "© 2024" footer) where the page's visible byline or timestamp line gives a full date.
    ``by_headline``: the dateline printed by the headline of a page that declares no date
    (``pipelines.datelines``): what a reader sees wins over htmldate's guess from the URL or elsewhere."""
    if by_headline:
        return by_headline
    if found and visible and found[:10].endswith("-01-01") and not visible[:10].endswith("-01-01"):
        return visible
    return found or visible


def _reordered(declared: str | None, tree) -> str | None:
    """The dateline by the headline when it is the declared date with day and month the other way round: a
    declared "03-09-2026" is ambiguous, and htmldate reads it day first; "Published March 9, 2026" under the
    headline settles it. None otherwise (the declared date stands)."""
    day = (declared or "")[:10]
    if len(day) != 10 or not day[8:10].isdigit() or day[5:7] == day[8:10] or int(day[8:10]) > 12:
        return None  # unambiguous: the day is over 12, or day and month are the same
    shown = dateline(tree)
    return shown if shown and shown[:10] == f"{day[:4]}-{day[8:10]}-{day[5:7]}" else None


def drop_selectors(html: str, selectors: list[str]) -> tuple[str, list[dict]]:
    """A site's own furniture, named by CSS selectors in its sources entry, removed before extraction."""
    from lxml import etree
    from lxml import html as lxml_html
    from lxml.cssselect import CSSSelector

    try:
        tree = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError):
        return html, []
    removed = []
    for selector in selectors:
        for element in CSSSelector(selector)(tree):
            if element.getparent() is not None:
                text = " ".join(element.text_content().split())
                if text:
                    removed.append({"text": text, "reason": "site-rule", "rule": selector})
                element.drop_tree()
    return lxml_html.tostring(tree, encoding="unicode"), removed


def apply_phrases(cleaned_paragraphs: list[str], phrases: list[str]) -> tuple[list[str], list[dict]]:
    """Paragraphs holding one of the site's own boilerplate phrases (case-insensitive) go."""
    lowered = [p.casefold() for p in phrases]
    kept, removed = [], []
    for paragraph in cleaned_paragraphs:
        hit = next((p for p, low in zip(phrases, lowered, strict=True) if low in paragraph.casefold()), None)
        if hit:
            removed.append({"text": paragraph, "reason": "site-rule", "rule": hit})
        else:
            kept.append(paragraph)
    return kept, removed


_META_BLOCKS = ("p", "div", "span", "address", "section", "ul")
_META_NAME = re.compile(r"(byline|author|meta|dateline|posted|article-info)", re.IGNORECASE)
_TAGS_NAME = re.compile(r"[ _-](tags?|keywords|topics)[ _-]", re.IGNORECASE)


def _meta_elements(tree) -> tuple[list, list]:
    """(byline-like blocks, tag lists and ``<a rel=tag>``) in document order, by their class and id: one walk
    of the page in Python instead of two XPath scans calling EXSLT's regular expressions per element."""
    metas, tag_lists = [], []
    for element in tree.getroottree().getroot().iter(*_META_BLOCKS, "a"):
        if element.tag == "a":
            if element.get("rel") == "tag":
                tag_lists.append(element)
            continue
        names = f" {element.get('class') or ''} {element.get('id') or ''}"
        if _META_NAME.search(names):
            metas.append(element)
        if _TAGS_NAME.search(names + " "):
            tag_lists.append(element)
    return metas, tag_lists


def _item_byline(element) -> list[str]:
    """The byline among a meta line's items (``<p class="meta"><span>By Daniel Renfrow</span><span>April 12,
    2024</span></p>``: the whole reads "By Daniel Renfrow April 12, 2024", no byline)."""
    for child in element[:6]:
        if isinstance(child.tag, str) and (names := parse_byline(element_text(child))):
            return names
    return []


@dataclass
class VisibleMeta:
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    tags: list[str] = field(default_factory=list)


def visible_meta(page: PageSignals) -> VisibleMeta:
    """Authors, a date and tags from a page's byline-like and tag-list elements (``<p class="meta">By Anna
    Petrova | 14 June 2023</p>``, ``<p class="tags">Tags: a, b</p>``, ``<a rel="tag">``), which trafilatura
    drops from the text without always taking the metadata from them."""
    found = VisibleMeta()
    if page.tree is None:
        return found
    metas, tag_lists = _meta_elements(page.tree)
    for element in metas[:20]:
        text = element_text(element)
        if text and len(text) <= 200:
            names = parse_byline(text) or ([] if found.authors else _item_byline(element))
            found.authors += [name for name in names if name not in found.authors]
            found.published = found.published or parse_date(text)
    for element in tag_lists[:50]:
        if element.tag == "a":
            names = [" ".join(element.text_content().split())]
        else:  # "Tags: a, b, c", or the label and one link a tag
            links = element.xpath(".//a")
            names = [" ".join(a.text_content().split()) for a in links] if links else split_tag_list(
                " ".join(element.text_content().split()))
        found.tags += [n for n in names if n and len(n) <= 60 and n not in found.tags]
    return found


# Rules that judge a line by where it stands in an article ("a short non-sentence at the edge"): on a page with
# nothing else they have no article to stand on, so when they would leave nothing, their lines are kept. A
# lexicon hit ("Home", "Share") is furniture anywhere: a page that is only that has no article.
_POSITIONAL = frozenset({"leading-furniture", "trailing-furniture", "category-timestamp"})


_LANGUAGE_CODE = re.compile(r"^([a-z]{2,3})(?:[-_][a-z0-9]+)*$")
MAX_DECLARED = 4  # "en, fr, de": a page in more languages than this is judged with every lexicon


def declared_languages(tree) -> frozenset[str] | None:
    """The languages the page declares (``<html lang>``, ``Content-Language``, ``og:locale``), as ISO 639 codes;
    None when it declares none or nonsense: the cleaning then runs every lexicon."""
    if tree is None:
        return None
    values = [tree.get("lang") or tree.get("xml:lang") or ""]
    if not values[0].strip():
        values = tree.xpath("//head/meta[translate(@http-equiv, 'CONTENT-LANGUAGE', 'content-language')"
                            "='content-language']/@content|//head/meta[@property='og:locale']/@content")[:2]
    codes = set()
    for value in values:
        for part in str(value)[:100].replace(";", ",").split(","):
            if match := _LANGUAGE_CODE.match(part.strip().lower()):
                codes.add(match.group(1))
    return frozenset(codes) if 0 < len(codes) <= MAX_DECLARED else None


def extract_html(html: str, url: str | None, fallback: bool = True, left_out: bool = False,
                 config: CleaningConfig = DEFAULT) -> Item:
    """trafilatura's main text and metadata, then our cleaning. ``fallback``: trafilatura's fallback extractors
    (readability, justext), on by default: without them, pages whose main pass returns the site menu lose
    the whole article (recall −4 points on cleaneval); they cost ~30% more time. ``left_out`` (for
    ``extract --explain``): also list the page's text blocks trafilatura itself did not return."""
    import trafilatura

    # One parse of the page feeds trafilatura (text and metadata), our page signals and the visible metadata.
    # trafilatura copies a tree it is handed (its passes prune it), so ours stays whole for the signals.
    tree = parse_page(html)
    mend_fractional_seconds(tree)  # a declared "…:22.000Z" is otherwise lost to trafilatura's dates
    doc = tree is not None and trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, fast=not fallback)
    if not doc or not (doc.text or "").strip():
        return _from_visible_text(html)
    page = PageSignals(html, tree)
    text, passed_over, overlap = doc.text, [], 0.0
    if fallback and (found := article_block(text, doc.title, tree, url)) is not None:  # readability: a fallback
        text, overlap = found
        kept = {normalise(line) for line in text.split("\n")}
        passed_over = [line for line in doc.text.split("\n") if line.strip() and normalise(line) not in kept]
    lines, _ = recover_captions(text.split("\n"), page)  # figure captions trafilatura left out
    cleaned = clean_paragraphs(lines, title=doc.title, page=page, config=config, languages=declared_languages(tree))
    for line in passed_over:  # trafilatura's block, off the headline's topic: each line goes with that signal
        cleaned.drop(line, "wrong-block", {"title_overlap": round(overlap, 2)})
    if not cleaned.paragraphs:
        # trafilatura's main text was all furniture (a video player's "1 Secs", a menu): the page's own
        # visible text is the better bet; the metadata stays trafilatura's.
        try:
            visible = _from_visible_text(html)
        except StageError:
            visible = None
        if visible and visible["paragraphs"]:
            cleaned.paragraphs = visible["paragraphs"]
            cleaned.removed += visible["removed"]
            cleaned.authors += [a for a in visible["author"] if a not in cleaned.authors]
        else:  # nothing better on the page: what only the position rules took stays (see _POSITIONAL)
            guessed = [e for e in cleaned.removed if e["reason"] in _POSITIONAL]
            for entry in guessed:
                entry["kept_anyway"] = "the rules would remove everything, and the page has no other text"
            cleaned.paragraphs = [e["text"] for e in guessed]
    stated = candidates(tree)
    authors = page_authors(tree, doc.author, [], stated.site_names + [doc.sitename or ""], stated.json_ld)
    tags = [t for t in (doc.categories or []) + (doc.tags or []) + cleaned.tags if t]
    if not authors or not tags or not doc.date or doc.date.endswith("-01-01"):
        meta = visible_meta(page)
        authors = authors or meta.authors
        cleaned.published = cleaned.published or meta.published
        tags = tags or meta.tags
    authors = authors or byline_after_headline(tree) or marked_authors(
        tree, stated.site_names + [doc.sitename or ""])
    for name in cleaned.authors:
        if name not in authors:
            authors.append(name)
    return {
        "title": headline(stated, doc.title, url or doc.url),
        "author": authors,
        "published": _published(doc.date, cleaned.published, dateline(tree) if not declares_published(
            tree, stated.json_ld) else _reordered(doc.date, tree)),
        "url": doc.url or url,
        "site_name": doc.sitename,
        "tags": list(dict.fromkeys(tags)),
        "description": doc.description,
        "paragraphs": cleaned.paragraphs,
        "removed": cleaned.removed,
        # The site stage's view of the page; a page with no address has no site to learn a template of.
        "template": page_template(page, cleaned.paragraphs) if (url or doc.url) else None,
        **({"left_out": trafilatura_left_out(html, doc.text)} if left_out else {}),
    }


MAX_LEFT_OUT = 200  # blocks listed by --explain


def trafilatura_left_out(html: str, returned: str) -> list[dict]:
    """The page's visible text blocks (navigation, header, footer and asides included) that trafilatura's main
    text does not hold, in page order, as ``extract --explain`` marks them: trafilatura's, not our rules'."""
    reader = _VisibleBlocks(skip=_INVISIBLE)
    reader.feed(html)
    reader.close()
    reader._flush()
    kept = {normalise(line) for line in returned.split("\n") if line.strip()}
    whole = normalise(returned)
    out: list[dict] = []
    for block in dict.fromkeys(reader.blocks):
        key = normalise(block)
        if key and key not in kept and key not in whole:
            out.append({"text": block, "reason": "trafilatura"})
            if len(out) >= MAX_LEFT_OUT:
                break
    return out


_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "td", "dd", "figcaption",
           "article", "section", "br", "tr", "table", "ul", "ol", "title"}
_INVISIBLE = {"script", "style", "noscript", "template", "svg"}
_NOT_CONTENT = _INVISIBLE | {"nav", "header", "footer", "aside", "form"}


class _VisibleBlocks(HTMLParser):
    """Streaming (no tree, so no depth limit): the text between block boundaries, outside page furniture."""

    def __init__(self, skip: set[str] = _NOT_CONTENT) -> None:
        super().__init__(convert_charrefs=True)
        self.skipped_tags = skip
        self.blocks: list[str] = []
        self.title: str | None = None
        self._text: list[str] = []
        self._skip = 0
        self._in_title = False

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        self._text = []
        if not text:
            return
        if self._in_title and self.title is None:
            self.title = text
        else:
            self.blocks.append(text)

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in self.skipped_tags:
            self._skip += 1
        elif tag in _BLOCKS:
            self._flush()
            self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipped_tags:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self._flush()
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)


def _from_visible_text(html: str) -> Item:
    """Nothing lost when trafilatura finds no main text (a layout it cannot parse, markup nested deeper than
    its parser goes): the page's visible block text, cleaned by the same rules as text files."""
    reader = _VisibleBlocks()
    reader.feed(html)
    reader.close()
    reader._flush()
    if not reader.blocks:
        raise StageError("no article: trafilatura found no main text, and the page has no visible text")
    parsed = parse_text_article("\n".join(reader.blocks))
    parsed["title"] = parsed.get("title") or reader.title
    parsed["removed"].append({"text": "(trafilatura found no main text, or only furniture)", "reason": "extractor",
                              "kept_anyway": "the page's visible text blocks were used instead"})
    return {**parsed, "url": None, "site_name": None, "description": None}


def extract_text(text: str) -> Item:
    return parse_text_article(text)


class ExtractStage(CpuStage):
    """``raw`` → title, author, published, url, site, tags, paragraphs, removed, id."""

    name = "extract"
    setting_names = {"fallback": "NEWSINDEX_TRAFILATURA_FALLBACK", "site_rules": "NEWSINDEX_SITE_RULES",
                     "left_out": "NEWSINDEX_EXPLAIN_LEFT_OUT"}

    def __init__(self, fallback: bool = True, site_rules: dict[str, dict[str, list[str]]] | None = None,
                 left_out: bool = False):
        self.fallback = str(fallback).strip().lower() not in ("0", "false", "no", "off")
        self.site_rules = dict(site_rules or {})
        # each site's thresholds resolved once (sources.yaml checked them already: a bad one is one line there)
        self.site_configs = {domain: DEFAULT.with_overrides(rules.get("thresholds"), f"site {domain}: thresholds")
                             for domain, rules in self.site_rules.items()}
        self.left_out = bool(left_out)  # extract --explain only: never indexed

    def rules_for(self, url: str | None) -> dict[str, list[str]]:
        host = host_of(url)
        for domain, rules in self.site_rules.items():
            if within(host, [domain]):
                return rules
        return {}

    def config_for(self, url: str | None) -> CleaningConfig:
        """The cleaning thresholds of the site that owns ``url`` (the defaults, for any other)."""
        host = host_of(url)
        for domain, config in self.site_configs.items():
            if within(host, [domain]):
                return config
        return DEFAULT

    def process(self, item: Item) -> Item:
        raw = item.pop("raw")
        rules = self.rules_for(item.get("url"))
        dropped: list[dict] = []
        try:
            if item["kind"] == "html":
                if rules.get("drop"):
                    raw, dropped = drop_selectors(raw, rules["drop"])
                fields = extract_html(raw, item.get("url"), self.fallback, left_out=self.left_out,
                                      config=self.config_for(item.get("url")))
            else:
                fields = extract_text(raw)
        except StageError as exc:  # no article at all: the quality stage counts the page, then fails it
            fields = {"title": None, "author": [], "published": None, "tags": [], "paragraphs": [], "removed": [],
                      "no_article": str(exc)}
        rules = rules or self.rules_for(fields.get("url"))
        if rules.get("phrases"):
            fields["paragraphs"], by_phrase = apply_phrases(fields["paragraphs"], rules["phrases"])
            dropped += by_phrase
        fields["removed"] = dropped + fields["removed"]
        if not fields["paragraphs"] and "no_article" not in fields:
            fields["no_article"] = (f"no article text left after removing {len(fields['removed'])} boilerplate "
                                    "paragraphs (run `newsindex extract --explain` on it to see why)")
        # For HTML, trafilatura's url is the page's rel=canonical when it declares one: honoured only inside
        # the site (pipelines.identity), so no page can take another site's id.
        fetched = item.get("url")
        declared = fields.pop("url", None)
        url = choose_url(fetched, declared, item.pop("domains", None))
        item.update(fields)
        item["original"] = is_original(fetched, declared)
        item["fetched_url"], item["url"] = fetched, url
        item["site"] = host_of(url) or item.get("site")
        item["id"] = document_id(url, item["source"])
        return item
