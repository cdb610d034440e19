"""A site's template, learned from its own pages (site style tree, after Yi, Liu & Li, KDD 2003).

Every text block of a page has a *region*: its element path from ``<body>`` (tag, classes and id, without the
parts with a digit: ``div.post-123`` is ``div.post``). The appeal box, the newsletter box and the "Latest" list
sit in the same region on every article page of a site, whatever they say that day and in whatever language;
the article's own region holds text that differs on every page. So, per site, a region is *template* when it
has been seen on enough pages and nearly all of the text seen in it recurs in it on another page (a few
rotating variants recur too). A region whose text differs on every page is never template, whatever its name.

This module holds the plain functions: a page's blocks and its lines' regions (``page_template``, at
extraction, where the page's tree is), and the verdict on a document's lines given the site's counts
(``judge``, in the site stage and in the revision check). The counts live in ``pipelines.store``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from pipelines.textmeta import normalise, word_count
from pipelines.thresholds import DEFAULT as _CLEANING

MAX_TEMPLATE_BLOCKS = 400  # leaf blocks of one page recorded (a bigger page: its first ones)
MAX_PATH_DEPTH = 12  # ancestors in a region path (the nearest ones)
MAX_CLASSES = 4  # class names per element in a region path
EXAMPLE_CHARS = 160
_DIGITS = re.compile(r"\d")
_SEGMENT = re.compile(r"[-_]+")
_SKIPPED_TAGS = frozenset({"html", "body", "font", "b", "i", "em", "strong", "span", "a", "small", "u"})


@dataclass(frozen=True)
class Region:
    """A region's counts on one site: pages it has text on, and its text occurrences (one per page and
    distinct text) of which ``recurring`` are of texts seen in it on two pages or more."""

    pages: int
    occurrences: int
    recurring: int
    texts: int
    path: str = ""

    @property
    def repeat_share(self) -> float:
        return self.recurring / self.occurrences if self.occurrences else 0.0


@lru_cache(maxsize=65536)
def _stable(name: str) -> str:
    """A class or id without the parts that change from page to page: a segment with a digit in it is a number
    or a generated hash (``post-123``, ``elementor-element-54021f3``, ``css-1x2abc`` → ``post``,
    ``elementor-element``, ``css``)."""
    return "-".join(part for part in _SEGMENT.split(name) if part and not _DIGITS.search(part))


def _step(element, wrapper: bool = False) -> str:
    tag = element.tag if isinstance(element.tag, str) else "?"
    return _step_of(tag, element.get("id", "") or "", "" if wrapper else element.get("class", "") or "")


@lru_cache(maxsize=65536)
def _step_of(tag: str, ident: str, classes: str) -> str:
    """One path step from an element's tag, id and classes (none for a wrapper around the headline: its classes
    name the page, category-sport or post-type, not a place); a site's pages repeat the same few."""
    ident = _stable(ident)
    names = sorted({_stable(name) for name in classes.split()} - {""})[:MAX_CLASSES]
    return tag + "".join(f".{name}" for name in names) + (f"#{ident}" if ident else "")


class PagePaths:
    """Region paths of one page's elements: ``main/article/div.entry-content/aside.promo/p``, the nearest
    ``MAX_PATH_DEPTH`` steps from ``<body>``. Inline wrappers among the ancestors are left out (a ``<span>`` more
    or less is not another place), and so are the classes of the elements around the page's headline (the first
    ``<h1>``): the article's and the page's wrappers, whose classes CMSs fill with the page's own category, tags
    and type (``article.category-sport.tag-ferry``). Each element's step is made once a page (the elements are
    held here, so an lxml element stays the same Python object)."""

    def __init__(self, tree) -> None:
        headline = next(tree.iter("h1"), None) if tree is not None else None
        self._wrappers = list(headline.iterancestors()) if headline is not None else []
        self._wrapper_ids = {id(w) for w in self._wrappers}
        self._chains: dict = {}  # element → steps of it and its ancestors from <body>, inline ones left out

    def _chain(self, element) -> tuple[str, ...]:
        """Steps from <body> down to ``element`` (its own left out when it is inline), made once each."""
        pending = []
        node = element
        while node is not None and isinstance(node.tag, str) and node.tag not in ("body", "html"):
            if node in self._chains:
                break
            pending.append(node)
            node = node.getparent()
        chain = self._chains.get(node, ()) if node is not None else ()
        for current in reversed(pending):
            if current.tag not in _SKIPPED_TAGS:
                chain = (*chain, _step(current, id(current) in self._wrapper_ids))
            self._chains[current] = chain
        return self._chains.get(element, ())  # <body>, <html>: no steps

    def path(self, element) -> str:
        chain = self._chain(element)
        if element.tag in _SKIPPED_TAGS:  # the element itself always counts (a button's <a>, a <span>)
            chain = (*chain, _step(element, id(element) in self._wrapper_ids))
        return "/".join(chain[-MAX_PATH_DEPTH:])


@lru_cache(maxsize=65536)
def region_id(path: str) -> str:
    return hashlib.sha1(path.encode("utf-8")).hexdigest()[:12]


def text_signature(text: str) -> str:
    """A text's words, case-folded, hashed: the key of both kinds of site knowledge (``pipelines.dedupe`` counts
    it across clusters, the template store within regions)."""
    return signature_of_words(normalise(text))


def signature_of_words(words: str) -> str:
    """``text_signature`` of a text already normalised."""
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:16]


def page_template(page, paragraphs: list[str]) -> dict:
    """What the site stage needs of a page's HTML, small and picklable: every leaf block's (region, text
    signature) once, one example text per region, and the region of each of the document's lines."""
    blocks: dict[tuple[str, str], None] = {}
    examples: dict[str, list[str]] = {}
    paths: dict[int, str] = {}  # element id → region id (a line's element is one of the blocks)
    paths_of = PagePaths(getattr(page, "tree", None))
    for text, element in page.leaf_blocks():
        if len(blocks) >= MAX_TEMPLATE_BLOCKS:
            break
        words = normalise(text)
        if not words:
            continue
        path = paths_of.path(element)
        rid = region_id(path)
        paths[id(element)] = rid
        blocks[(rid, signature_of_words(words))] = None
        examples.setdefault(rid, [path, " ".join(text.split())[:EXAMPLE_CHARS]])
    regions, boxes = {}, {}
    other: dict[str, object] | None = None
    for paragraph in paragraphs:
        element = page.element_of(paragraph)
        if element is None:  # a line from a button, a link or a bare <div>: looked up among those, once a page
            other = _other_elements(page) if other is None else other
            element = other.get(normalise(paragraph))
            if element is None:
                continue
            path = paths_of.path(element)
            blocks[(region_id(path), text_signature(paragraph))] = None
            examples.setdefault(region_id(path), [path, " ".join(paragraph.split())[:EXAMPLE_CHARS]])
        regions[paragraph] = paths.get(id(element)) or region_id(paths_of.path(element))
        parent = element.getparent()
        if parent is not None and isinstance(parent.tag, str) and parent.tag != "body":
            boxes[paragraph] = region_id(paths_of.path(parent))
    return {"blocks": [list(block) for block in blocks], "examples": examples, "regions": regions, "boxes": boxes}


_OTHER_TAGS = ("a", "button", "div", "span", "strong", "b", "em", "label", "small", "section")
_OTHER_MAX_CHARS = 300


def _other_elements(page) -> dict[str, object]:
    """Short non-leaf elements by their words, the innermost winning (bounded like the leaf blocks)."""
    found: dict[str, object] = {}
    tree = getattr(page, "tree", None)
    if tree is None:
        return found
    for count, element in enumerate(tree.iter(*_OTHER_TAGS)):
        if count >= MAX_TEMPLATE_BLOCKS * 5:
            break
        text = element.text_content()
        if len(text) <= _OTHER_MAX_CHARS and (key := normalise(text)):
            found[key] = element
    return found


@dataclass(frozen=True)
class TemplateConfig:
    """When a region is template, and the recall-first guard of the site stage."""

    min_pages: int = 3  # pages of the site a region must have text on
    repeat_share: float = 0.8  # share of its text occurrences that recur in it
    box_repeat_share: float = 0.5  # the same, for a line that shares its box with template lines
    site_repeat_threshold: int = 3  # distinct clusters a text-only recurrence needs (site-boilerplate)
    max_removed_share: float = _CLEANING.max_removed_share  # the in-page rules' guard, the same share and size
    min_guarded_words: int = _CLEANING.min_guarded_words
    section_heading_max_words: int = 8


@dataclass(frozen=True)
class Line:
    """One line of a document as the site stage sees it (and as the store keeps it for the revision check)."""

    region: str | None
    signature: str
    words: int
    box: str | None = None  # the region of the element around the line's own (an appeal box, a list)

    @classmethod
    def of(cls, text: str, region: str | None, box: str | None = None) -> Line:
        return cls(region, text_signature(text), word_count(text), box)


def is_template(region: Region | None, config: TemplateConfig) -> bool:
    return (region is not None and region.pages >= config.min_pages
            and region.recurring >= config.repeat_share * region.occurrences)


def _boxes_of_template(lines: list[Line], template: list[bool], regions: Mapping[str, Region],
                       config: TemplateConfig) -> list[bool]:
    """A rotating variant seen once so far (a young site, a language with few pages) sits in a region whose
    text recurs only half the time: it is template too when a template line shares its box on this page (the
    appeal's heading and button around its changing text). A story line's region recurs next to never."""
    boxed = {line.box for line, is_tpl in zip(lines, template, strict=True) if is_tpl and line.box}
    result = []
    for line, is_tpl in zip(lines, template, strict=True):
        region = regions.get(line.region) if line.region else None
        result.append(is_tpl or (line.box in boxed and region is not None and region.pages >= config.min_pages
                                 and region.recurring >= config.box_repeat_share * region.occurrences))
    return result


def _headings_kept(lines: list[Line], recurs: list[bool], max_words: int) -> list[bool]:
    """A short line that recurs across the site as text alone, but stands inside the body between two lines
    that do not recur, is the site's own section heading ("What's the Big Idea?"): structure, it stays. (Not for
    a template region's line: an appeal box's heading stands between story lines once the in-page rules took
    the appeal's own text, and it would stay — measured on the fresh sites.)"""
    return [r and not (0 < i < len(lines) - 1 and not recurs[i - 1] and not recurs[i + 1]
                       and lines[i].words <= max_words) for i, r in enumerate(recurs)]


@dataclass
class Verdicts:
    """Per line: None (kept) or (reason, signals); and, per line, why the guard keeps it anyway ("" if not)."""

    drops: list[tuple[str, dict] | None]
    held: list[str]

    def digest(self) -> str:
        marks = ",".join(f"{i}:{d[0]}:{bool(h)}" for i, (d, h) in enumerate(zip(self.drops, self.held, strict=True))
                         if d)
        return hashlib.sha1(marks.encode()).hexdigest()[:16]


def judge(lines: list[Line], regions: Mapping[str, Region], cluster_counts: Mapping[str, int],
          config: TemplateConfig) -> Verdicts:
    """The site's verdict on a document's lines: ``site-template`` for a line in a template region (with the
    region's counts), ``site-boilerplate`` for a text seen in ≥ N distinct clusters of the site (as text
    alone, so a site-wide heading inside the body stays). Recall first: when that would take every line, they
    all stay; when the template lines alone are more than the guard's share of a document's words, they stay
    (listed as held) — a layout the counts misread loses nothing."""
    template = [is_template(regions.get(line.region), config) if line.region else False for line in lines]
    template = _boxes_of_template(lines, template, regions, config)
    recurs = _headings_kept(lines, [cluster_counts.get(line.signature, 0) >= config.site_repeat_threshold
                                    for line in lines], config.section_heading_max_words)
    drops: list[tuple[str, dict] | None] = []
    for line, in_template, recurring in zip(lines, template, recurs, strict=True):
        if in_template:
            region = regions[line.region]
            signals = {"region": region.path, "region_pages": region.pages,
                       "repeat_share": round(region.repeat_share, 2), "region_texts": region.texts}
            if recurring:  # it would go as text alone too: the template's guard is not what keeps it
                signals["clusters"] = cluster_counts.get(line.signature, 0)
            drops.append(("site-template", signals))
        elif recurring:
            drops.append(("site-boilerplate", {"clusters": cluster_counts.get(line.signature, 0)}))
        else:
            drops.append(None)
    held = [""] * len(lines)
    total = sum(line.words for line in lines)
    template_only = [bool(d) and d[0] == "site-template" and "clusters" not in d[1] for d in drops]
    in_template = sum(line.words for line, only in zip(lines, template_only, strict=True) if only)
    if drops and all(drops):
        held = ["every line of the document recurs across its site"] * len(lines)
    elif total >= config.min_guarded_words and in_template > config.max_removed_share * total:
        why = (f"the site's template would remove {in_template} of its {total} words "
               f"(more than {config.max_removed_share:.0%})")
        held = [why if only else "" for only in template_only]
    return Verdicts(drops, held)
