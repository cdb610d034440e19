"""Plain-text articles: paragraphs, title, byline, timestamp, then the shared cleaning rules.

Text files cut from web pages carry the page's head (navigation, category and
timestamp, the title, a byline) above the story; trafilatura does nothing for them.
"""

from __future__ import annotations

import re

from pipelines.cleaning import boilerplate_reason, clean_paragraphs, tidy
from pipelines.textmeta import (
    is_dateline,
    is_sentence,
    is_timestamp_line,
    looks_like_heading,
    parse_byline,
    parse_date,
    word_count,
)

HEAD_LINES = 12


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line, unless the text is hard-wrapped prose (then per blank-line block)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    lines = [ln for ln in text.split("\n") if ln.strip()]
    multi_line_blocks = [b for b in blocks if b.strip().count("\n") >= 2]
    wrapped = [ln for ln in lines if 50 <= len(ln) <= 90 and not is_sentence(ln)]
    if multi_line_blocks and len(wrapped) > 0.5 * len(lines):
        return [" ".join(b.split()) for b in blocks]
    return [ln.strip() for ln in lines]


def _is_content(line: str) -> bool:
    words = word_count(line)
    return words >= 20 or (words >= 10 and is_sentence(line))


def parse_text_article(text: str) -> dict:
    """Title, authors, published date, kept paragraphs and removed ones (with reasons)."""
    title: str | None = None
    authors: list[str] = []
    published: str | None = None
    removed: list[dict] = []
    body: list[str] = []

    for index, raw in enumerate(split_paragraphs(text)):
        in_head = index < HEAD_LINES
        line = tidy(raw)
        if not line:
            removed.append({"text": raw, "reason": "junk"})
            continue
        reason = None
        if in_head and title is None and not body_has_content(body) and not boilerplate_reason(line):
            if looks_like_heading(line) and not is_dateline(line) and not _is_content(line):
                title = line
                continue
        if in_head and (names := parse_byline(line)):
            authors.extend(n for n in names if n not in authors)
            published = published or parse_date(line)  # "By Anna Petrova | 14 June 2023"
            reason = "byline"
        elif in_head and is_timestamp_line(line):
            published = published or parse_date(line)
            reason = "category-timestamp"
        elif in_head and is_dateline(line):
            reason = "dateline"
        if reason:
            removed.append({"text": line, "reason": reason})
            continue
        body.append(line)

    cleaned = clean_paragraphs(body, title=title)
    authors.extend(a for a in cleaned.authors if a not in authors)
    return {
        "title": title,
        "author": authors,
        "published": published or cleaned.published,
        "paragraphs": cleaned.paragraphs,
        "removed": removed + cleaned.removed,
        "tags": cleaned.tags,
    }


def body_has_content(body: list[str]) -> bool:
    return any(_is_content(line) for line in body)
