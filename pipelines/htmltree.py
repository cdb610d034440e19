"""The page's one parse: trafilatura's parser options, with lxml's element classes chosen in C.

``lxml.html``'s own parser picks each element's Python class (``FormElement``, ``InputElement``...) in a
Python ``lookup`` method, called every time lxml hands an element to Python: about a million calls on 180
pages, 6 % of the pipeline. Nothing here or in trafilatura uses those form classes, so every element is a
plain ``HtmlElement`` looked up on the C side. The tree is otherwise trafilatura's own ``load_html``'s
(same options, same repairs); a page that parse cannot take goes to ``load_html`` itself.
"""

from __future__ import annotations

from lxml import etree
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction, fromstring


def _parser() -> etree.HTMLParser:
    parser = etree.HTMLParser(collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True,
                              remove_pis=True)
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(
        element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction, entity=HtmlEntity))
    return parser


_PARSER = _parser()


def parse_page(html: str) -> HtmlElement | None:
    """The page's tree as trafilatura's ``load_html`` builds it, or None when that finds no HTML."""
    from trafilatura import load_html
    from trafilatura.utils import is_dubious_html, repair_faulty_html

    beginning = html[:50].lower()
    try:
        tree = fromstring(repair_faulty_html(html, beginning), parser=_PARSER)
    except Exception:  # noqa: BLE001 -- an encoding declaration in a str, or anything lxml refuses
        tree = None
    if tree is None or len(tree) < 1 or (is_dubious_html(beginning) and len(tree) < 2):
        return load_html(html)  # its byte-level retry and its verdict on what is not HTML
    return tree
