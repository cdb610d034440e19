"""What the cleaning rules say of a paragraph: a ``Verdict`` — dropped for a ``Reason``, or kept for a ``Keep``
reason — given by one named rule of the table in ``pipelines.engine``.

Reasons are an enum of strings: a document's ``removed[].reason`` is the enum's value, so the index, the
explain output and Kibana see the same names as before.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Reason(StrEnum):
    """Why a paragraph went (docs/extraction.md describes each one, from ``pipelines.rules``)."""

    # lexicon families
    NAVIGATION = "navigation"
    READ_MORE = "read-more"
    TAGS = "tags"
    SHARE = "share"
    FOLLOW = "follow"
    SUBSCRIBE = "subscribe"
    ADVERTISEMENT = "advertisement"
    COMMENTS = "comments"
    DONATE = "donate"
    PHOTO_CREDIT = "photo-credit"
    COPYRIGHT = "copyright"
    AFFILIATE = "affiliate"
    COOKIES = "cookies"
    # line rules
    PHOTO_CAPTION = "photo-caption"
    BYLINE = "byline"
    CATEGORY_TIMESTAMP = "category-timestamp"
    DATELINE = "dateline"
    CREDITS = "credits"
    TRAILING_FURNITURE = "trailing-furniture"
    LEADING_FURNITURE = "leading-furniture"
    JUNK = "junk"
    TITLE_REPEAT = "title-repeat"
    # in-document copies
    DUPLICATE_PARAGRAPH = "duplicate-paragraph"
    NEAR_DUPLICATE_PARAGRAPH = "near-duplicate-paragraph"
    DUPLICATE_BLOCK = "duplicate-block"
    # page signals and the fitted scorer
    RELATED_LINKS = "related-links"
    FURNITURE_CONTAINER = "furniture-container"
    SCORED = "scored-boilerplate"
    WRONG_BLOCK = "wrong-block"
    # site knowledge
    SITE_TEMPLATE = "site-template"
    SITE_BOILERPLATE = "site-boilerplate"
    SITE_RULE = "site-rule"
    # notes, not removals of ours
    TRAFILATURA = "trafilatura"
    EXTRACTOR = "extractor"


COPIES = frozenset({Reason.DUPLICATE_BLOCK, Reason.DUPLICATE_PARAGRAPH, Reason.NEAR_DUPLICATE_PARAGRAPH})
# Reasons taken for a line's place at the article's edges, not for what it says.
POSITIONAL = frozenset({Reason.LEADING_FURNITURE, Reason.TRAILING_FURNITURE, Reason.CATEGORY_TIMESTAMP})


class Keep(StrEnum):
    """Why a rule kept a paragraph that another would have taken: explicit, and final."""

    LIST_ROW = "list-row"  # a row of a list the article holds (table rows, numbered items, quantities)
    LETTER_CLOSING = "letter-closing"  # a line that runs on with a comma ("Mit freundlichen Grüßen,")
    SECTION_HEADING = "section-heading"  # the article's own <h2>, on its topic
    INTRODUCED = "introduced"  # what the article's last line introduces with a colon


@dataclass(frozen=True)
class Verdict:
    """One rule's word on one paragraph: ``drop`` (a Reason) or ``keep`` (a Keep), never both."""

    rule: str
    drop: Reason | None = None
    keep: Keep | None = None
    signals: dict = field(default_factory=dict)
