"""Boilerplate signals beyond phrases: where a paragraph sits in the page (link density, a furniture
container such as ``<aside>`` or ``class="newsletter-promo"``, a heading) and how far it is from the
article's topic. Rules in ``pipelines.cleaning`` remove a paragraph only when such signals agree with its
position or wording; each removal lists the signals that fired (``removed[].signals``).

The page's one parse (``pipelines.extract`` shares trafilatura's) is mapped into blocks lazily, only when a
rule asks where a line sits; each line is looked up once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cached_property

from pipelines.textmeta import normalise

# class/id words of page furniture that trafilatura sometimes leaves inside the article container
FURNITURE_CLASS = re.compile(
    r"(?:^|[\s_-])(related|promo\w*|newsletter|subscri\w+|donat\w*|support-us|membership|recommend\w*|teaser|"
    r"outbrain|taboola|signup|sign-up|paywall|more-stories|read-?more|also-read|read-also|cta|ad|ads|advert\w*|"
    r"sponsor\w*|latest)(?:$|[\s_-])", re.IGNORECASE)
# Not furniture on their own (measured on the shared sets: they wrap article text as often as not): widget,
# sidebar, share/social wrappers, and <form> (ASP.NET pages put the whole page in one).
ARTICLE_CLASS = re.compile(r"(?:entry|article|story|post|body|main)[_-]?(?:content|body|text)", re.IGNORECASE)
FURNITURE_TAGS = frozenset({"aside", "nav", "footer", "menu"})
# The elements trafilatura's lines come from; <div>s and inline elements are left out on purpose: their text
# is the text of everything inside them, costly to compute on every page and rarely one line.
_LEAF_BLOCKS = ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dd", "dt", "figcaption", "blockquote", "td", "th",
                "caption")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# An element the reader never sees: inline style, the HTML attribute, or the usual utility classes. A
# "visually-hidden" class is text for screen readers, read aloud: not hidden here.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_HIDDEN_CLASSES = frozenset({"hidden", "hide", "d-none", "is-hidden"})
_SHOWN_FROM_BREAKPOINT = re.compile(r"^d-(?:sm|md|lg|xl|xxl)-(?!none)\w+$")
_HIDDEN_XPATH = ("//body//*[@hidden or contains(@style, 'display') or contains(@style, 'visibility') "
                 "or contains(@class, 'hid') or contains(@class, 'd-none')]")
_CONTAINER_DEPTH = 8  # ancestors looked at for a furniture container
LINK_LIST_SHARE = 0.8  # a paragraph whose text is at least this much link text is a link, not prose
MAX_BLOCKS = 5000  # a bigger page is scanned up to here: the signals are for the rules, not a must
MAX_LINE_CHARS = 2000


def content_words(text: str) -> set[str]:
    """Words that carry a topic in any of the corpus's languages: four letters or more, no numbers
    (short words are mostly function words; no stop list needed)."""
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) >= 4 and not w.isdigit()}


def signal_strength(signal: str, value) -> float:
    """How strongly one signal says "boilerplate", 0–1 (a removal's score is the mean over its signals)."""
    if signal in ("topic_overlap", "title_overlap"):
        return 1.0 - float(value)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return 1.0  # a position, a container, the reader addressed: present or not
    return float(value)


class Topic:
    """What the article is about: the content words of its title and of its other paragraphs."""

    def __init__(self, paragraphs: list[str], title: str | None) -> None:
        self.paragraphs = paragraphs
        self.title = title or ""

    @cached_property
    def _sets(self) -> list[set[str]]:
        return [content_words(p) for p in self.paragraphs]

    @cached_property
    def _counts(self) -> Counter:
        return Counter(w for words in self._sets for w in words)

    @cached_property
    def _title_words(self) -> set[str]:
        return content_words(self.title)

    def words(self, i: int) -> set[str]:
        """Paragraph i's content words (``content_words``), made once; not to be changed."""
        return self._sets[i]

    def overlap(self, i: int) -> float | None:
        """Share of paragraph i's content words used elsewhere in the article (0: another topic entirely)."""
        words = self._sets[i]
        if not words:
            return None
        return sum(1 for w in words if w in self._title_words or self._counts[w] > 1) / len(words)


@dataclass(frozen=True)
class BlockSignals:
    link_share: float  # share of the block's characters inside <a>
    container: str | None  # the furniture container it sits in ("aside", "newsletter", …)
    heading: bool


def _container_of(element) -> str | None:
    """The nearest furniture container around the element, looking no further out than the article's own
    container (``<article>``, ``<main>``, ``class="entry-content"``): a story page whose body sits inside a
    ``has-sidebar`` layout is not furniture."""
    node = element
    for _ in range(_CONTAINER_DEPTH):
        if node is None or not isinstance(node.tag, str) or node.tag in ("article", "main", "body"):
            return None
        if node.tag in FURNITURE_TAGS:
            return node.tag
        names = f"{node.get('class', '')} {node.get('id', '')}"
        if ARTICLE_CLASS.search(names):  # "entry-content entry-content-read-more" is the article
            return None
        found = FURNITURE_CLASS.search(names)
        if found:
            return found.group(1).lower()
        node = node.getparent()
    return None


def _is_hidden(element) -> bool:
    classes = element.get("class", "").split()
    if any(_SHOWN_FROM_BREAKPOINT.match(name) for name in classes):
        return False  # "d-none d-md-block": hidden on phones only, the desktop reader sees it
    return bool(element.get("hidden") is not None or _HIDDEN_STYLE.search(element.get("style", ""))
                or _HIDDEN_CLASSES.intersection(classes))


class PageSignals:
    """The HTML side of a page's paragraphs, looked up by their words."""

    def __init__(self, html: str, tree=None) -> None:
        self.html = html
        self._looked_up: dict[str, BlockSignals | None] = {}
        if tree is not None:  # the page's one parse, shared with trafilatura (pipelines.extract)
            self.tree = tree

    @cached_property
    def tree(self):
        """The page parsed, for these signals and for the visible metadata (``visible_meta``)."""
        from lxml import etree
        from lxml import html as lxml_html

        try:
            return lxml_html.document_fromstring(self.html)
        except (etree.ParserError, ValueError):
            return None

    @cached_property
    def _texts(self) -> list[tuple[str, object]]:
        """(text, element) of the page's leaf blocks, in document order: parents come first."""
        if self.tree is None:
            return []
        found = []
        for count, element in enumerate(self.tree.iter(*_LEAF_BLOCKS)):
            if count >= MAX_BLOCKS:
                break
            text = element.text_content()
            if len(text) <= MAX_LINE_CHARS:  # longer: a container of the article, not one of its lines
                found.append((text, element))
        return found

    @cached_property
    def _blocks(self) -> dict[str, object]:
        """Block elements by their text, whitespace collapsed (cheap, and it finds most of trafilatura's lines);
        the innermost block wins."""
        return {" ".join(text.split()): element for text, element in self._texts}

    @cached_property
    def _blocks_by_words(self) -> dict[str, object]:
        """The same by words only, for a line whose spacing or punctuation trafilatura changed."""
        return {normalise(text): element for text, element in self._texts}

    @cached_property
    def _hidden_words(self) -> str:
        """The words of everything on the page the reader never sees, each hidden element's text padded."""
        if self.tree is None:
            return ""
        texts, root = [], None
        for element in self.tree.xpath(_HIDDEN_XPATH):  # document order: a root's descendants come right after it
            if root is not None and any(ancestor is root for ancestor in element.iterancestors()):
                continue  # inside a hidden element already read: its text is in there
            if _is_hidden(element):
                root = element
                texts.append(f" {normalise(' '.join(element.itertext()))} ")  # cells apart: "a | b" rows
        return " | ".join(texts)

    def hidden_copy(self, paragraph: str) -> bool:
        """Whether the page holds this text (also) inside an element the reader never sees: a hidden app or
        print version, a closed tab, whose copy trafilatura extracted with the visible one."""
        key = normalise(paragraph)
        return bool(key) and f" {key} " in self._hidden_words

    def of(self, paragraph: str) -> BlockSignals | None:
        """The block the paragraph came from, or None when the page has no block with exactly its words."""
        if paragraph not in self._looked_up:
            self._looked_up[paragraph] = self._signals_of(paragraph)
        return self._looked_up[paragraph]

    def element_of(self, paragraph: str):
        """The page element a line of the text came from (the innermost block with its text), or None."""
        key = normalise(paragraph)
        if not key:
            return None
        element = self._blocks.get(" ".join(paragraph.split()))
        return element if element is not None else self._blocks_by_words.get(key)

    def leaf_blocks(self) -> list[tuple[str, object]]:
        """(text, element) of the page's leaf blocks in document order (bounded by MAX_BLOCKS)."""
        return self._texts

    def _signals_of(self, paragraph: str) -> BlockSignals | None:
        key = normalise(paragraph)
        element = self.element_of(paragraph)
        if element is None:
            return None
        linked = sum(len(normalise(a.text_content())) for a in element.iter("a"))
        heading = element.tag in _HEADINGS or next(element.iterancestors(*_HEADINGS), None) is not None
        return BlockSignals(min(1.0, linked / len(key)), _container_of(element), heading)
