"""Paragraph-level boilerplate rules, shared by the HTML and plain-text paths.

``clean_paragraphs`` takes the paragraphs of one article and returns the kept ones
plus each removed one with its reason. Rules combine the multilingual lexicon with
structure: furniture phrases count only on short lines, appeals anywhere, and short
non-sentence lines only at the edges of the article, so section subheadings inside
the body stay.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipelines.lexicon import appeal_hits, furniture_family
from pipelines.textmeta import is_sentence, is_timestamp_line, parse_byline, word_count

FURNITURE_MAX_WORDS = 8
EDGE_MAX_WORDS = 6
NEAR_DUP_MIN_WORDS = 12
EDGE_SCAN = 4
NEAR_DUP_CONTAINMENT = 0.9

_EDGE_JUNK = re.compile(r"^(?:[\s|•·»>*_=~-]+)|(?:\s+[|•·«<*_=~–—-]+)+\s*$")
_CREDIT_TAIL = re.compile(
    r"(?:[.)]|^)\s*(?:(?:photo|foto|фото|image)\s*:?\s*)?"
    r"(?:[A-Z][\w'’.&-]*\s+){0,5}[A-Z][\w'’.&-]*\s*/\s*(?:[A-Z][\w.&-]*\s*){1,3}$")


@dataclass
class Cleaned:
    paragraphs: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)

    def drop(self, text: str, reason: str) -> None:
        self.removed.append({"text": text, "reason": reason})


def tidy(paragraph: str) -> str:
    """Collapse whitespace and strip stray separators ("|", " -", "•") at the ends."""
    text = unicodedata.normalize("NFC", paragraph).replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return _EDGE_JUNK.sub("", text).strip()


def normalise(paragraph: str) -> str:
    """Comparison key: case-folded words only."""
    return " ".join(re.findall(r"\w+", paragraph.casefold()))


def boilerplate_reason(paragraph: str) -> str | None:
    """Why a paragraph is boilerplate wherever it stands, or None."""
    if not re.search(r"\w", paragraph):
        return "junk"
    words = word_count(paragraph)
    if words <= FURNITURE_MAX_WORDS:
        family = furniture_family(paragraph)
        if family:
            return family
    family, hits = appeal_hits(paragraph)
    if family and (hits >= 2 or words <= 25):
        return family
    if words <= 60 and _CREDIT_TAIL.search(paragraph) and "/" in paragraph[-60:]:
        return "photo-caption"
    if parse_byline(paragraph):
        return "byline"
    return None


def edge_reason(paragraph: str) -> str | None:
    """Why a paragraph is boilerplate when it stands at the head or tail of an article."""
    if word_count(paragraph) <= 20 and is_timestamp_line(paragraph):
        return "category-timestamp"
    if word_count(paragraph) <= EDGE_MAX_WORDS and not is_sentence(paragraph):
        return "trailing-furniture"
    return None


def _tokens(paragraph: str) -> set[str]:
    return set(normalise(paragraph).split())


def clean_paragraphs(paragraphs: list[str], title: str | None = None) -> Cleaned:
    """Apply the rule families and in-document dedupe; keep content order."""
    result = Cleaned()
    candidates: list[str] = []
    for raw in paragraphs:
        text = tidy(raw)
        if not text:
            if raw.strip():
                result.drop(raw.strip(), "junk")
            continue
        candidates.append(text)

    title_key = normalise(title) if title else ""
    reasons: list[str | None] = [
        "title-repeat" if title_key and _repeats_title(normalise(p), title_key) else boilerplate_reason(p)
        for p in candidates]
    _mark_trailing_edge(candidates, reasons)
    _mark_leading_edge(candidates, reasons)

    seen_keys: set[str] = set()
    kept_tokens: list[set[str]] = []
    for text, reason in zip(candidates, reasons, strict=True):
        key = normalise(text)
        if reason is None and key in seen_keys:
            reason = "duplicate-paragraph"
        if reason is None and word_count(text) >= NEAR_DUP_MIN_WORDS:
            tokens = _tokens(text)
            if any(_containment(tokens, other) >= NEAR_DUP_CONTAINMENT for other in kept_tokens):
                reason = "near-duplicate-paragraph"
        if reason == "byline":
            result.authors.extend(a for a in parse_byline(text) or [] if a not in result.authors)
        if reason:
            result.drop(text, reason)
            continue
        seen_keys.add(key)
        if word_count(text) >= NEAR_DUP_MIN_WORDS:
            kept_tokens.append(_tokens(text))
        result.paragraphs.append(text)
    return result


def _repeats_title(key: str, title_key: str) -> bool:
    return key == title_key or (key.startswith(title_key) and len(key.split()) <= len(title_key.split()) + 3)


def _containment(a: set[str], b: set[str]) -> float:
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small or len(small) < 0.5 * len(large):
        return 0.0
    return len(small & large) / len(small)


def _mark_trailing_edge(paragraphs: list[str], reasons: list[str | None]) -> None:
    """From the end: furniture and short non-sentences go; inside that run, a paragraph with
    any appeal phrase goes too (the tail of a donation block)."""
    in_run = False
    for i in range(len(paragraphs) - 1, -1, -1):
        text = paragraphs[i]
        if reasons[i]:
            in_run = True
            continue
        if reason := edge_reason(text):
            reasons[i] = reason
            in_run = True
            continue
        family, hits = appeal_hits(text)
        if in_run and family and hits >= 1:
            reasons[i] = family
            continue
        break


def _mark_leading_edge(paragraphs: list[str], reasons: list[str | None]) -> None:
    """From the top: stray short lines before the first real sentence go, except a
    heading-like line directly followed by prose (a section heading)."""
    for i, text in enumerate(paragraphs[:EDGE_SCAN]):
        if reasons[i]:
            continue
        if word_count(text) <= 20 and is_timestamp_line(text):
            reasons[i] = "category-timestamp"
        elif word_count(text) <= 2 and not is_sentence(text):
            reasons[i] = "leading-furniture"
        else:
            break
