"""Paragraph-level boilerplate rules, shared by the HTML and plain-text paths.

``clean_paragraphs`` takes the paragraphs of one article, runs the rule table of ``pipelines.engine`` over
them and returns the kept ones plus each removed one with its reason, the rule that gave it and its signals.
Rules combine the multilingual lexicon with structure: furniture phrases count only on short lines, appeals
anywhere, and short non-sentence lines only at the edges of the article, so subheadings inside the body stay.
Last, the recall-first guard: when the rules would take most of an article, the rules are what is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipelines import engine
from pipelines.edges import reader_appeal as _reader_appeal
from pipelines.paragraphs import Article
from pipelines.repeats import is_copy
from pipelines.signals import PageSignals, signal_strength
from pipelines.textmeta import (  # normalise: also imported from here by dedupe, identity, finalize
    normalise,
    parse_byline,
    parse_date,
    word_count,
)
from pipelines.thresholds import DEFAULT, CleaningConfig
from pipelines.verdicts import Reason

__all__ = ["Cleaned", "boilerplate_reason", "clean_paragraphs", "normalise", "reader_appeal", "split_tag_list",
           "tidy"]

_EDGE_JUNK = re.compile(r"^(?:[\s|•·»>*_=~-]+)|(?:\s+[|•·«<*_=~–—-]+)+\s*$")


@dataclass
class Cleaned:
    paragraphs: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # the first date in a byline or timestamp line ("By A | 14 June 2023")
    tags: list[str] = field(default_factory=list)  # a visible tag list ("Tags: a, b, c" or one tag a line)

    def drop(self, text: str, reason: str, signals: dict | None = None, kept_anyway: str = "",
             rule: str = "") -> None:
        """Every removal carries its reason (and the rule that gave it); a removal decided by signals also lists
        them, with a score: the fitted scorer's probability when it decided, else the mean strength of the
        signals that agreed (0–1)."""
        entry: dict = {"text": text, "reason": str(reason)}
        if rule:
            entry["rule"] = rule
        if signals:
            signals = dict(signals)
            score = signals.pop("probability", None)
            entry["signals"] = signals
            entry["score"] = score if score is not None else round(
                sum(signal_strength(k, v) for k, v in signals.items()) / len(signals), 2)
        if kept_anyway:
            entry["kept_anyway"] = kept_anyway
        self.removed.append(entry)


def tidy(paragraph: str) -> str:
    """Collapse whitespace and strip stray separators ("|", " -", "•") at the ends."""
    text = unicodedata.normalize("NFC", paragraph).replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return _EDGE_JUNK.sub("", text).strip()


def boilerplate_reason(paragraph: str, inside_body: bool = False, config: CleaningConfig = DEFAULT) -> str | None:
    """Why a paragraph is boilerplate wherever it stands (the table's line rules), or None. ``inside_body``: not
    among the article's first or last lines (a name particle there begins a subheading, not a byline)."""
    a = Article([paragraph], config=config)
    a.paragraphs[0].inside_body = inside_body
    found = engine.line_verdict(a.paragraphs[0], a, frozenset({"title-repeat"}))
    return found[1] if found else None


def reader_appeal(paragraph: str, strong: bool = False, config: CleaningConfig = DEFAULT) -> bool:
    """A paragraph in which the publication asks its reader for something (``pipelines.edges.reader_appeal``)."""
    a = Article([paragraph], config=config)
    p = a.paragraphs[0]
    return _reader_appeal(a.lexicon, p.unquoted, p.words, config, strong)


def clean_paragraphs(paragraphs: list[str], title: str | None = None, page: PageSignals | None = None,
                     config: CleaningConfig = DEFAULT, disabled: frozenset[str] = frozenset(),
                     languages: frozenset[str] | None = None) -> Cleaned:
    """Run the rule table and the guard; keep content order. ``page``: the HTML the paragraphs came from, for
    the signals of where each one sits (link density, furniture containers, headings). ``disabled``: rule
    names left out (the ablation table). ``languages``: the page's declared language(s), whose lexicons run
    (with English's and the universal one); None: every lexicon."""
    result = Cleaned()
    candidates: list[str] = []
    for raw in paragraphs:
        text = tidy(raw)
        if not text:
            if raw.strip():
                result.drop(raw.strip(), Reason.JUNK, rule="junk")
            continue
        candidates.append(text)

    article = engine.run(Article(candidates, title, page, config, languages), disabled)
    reasons = [article.reason(i) for i in range(len(article))]
    # copies are not counted: their words stay in the document (a page printed twice loses nothing)
    total = sum(p.words for p, reason in zip(article.paragraphs, reasons, strict=True) if not is_copy(reason))
    kept = sum(p.words for p, reason in zip(article.paragraphs, reasons, strict=True) if reason is None)
    keep_all = (total >= config.min_guarded_words and kept < (1 - config.max_removed_share) * total) or (
        kept == 0 and total >= config.min_kept_whole_words)
    why = f"the rules would remove {1 - kept / total:.0%} of the text" if keep_all else ""
    _read_metadata(candidates, reasons, result)
    for text, verdict, reason in zip(candidates, article.verdicts, reasons, strict=True):
        if reason:
            result.drop(text, reason, verdict.signals, why, verdict.rule)
            if not keep_all:
                continue
        result.paragraphs.append(text)
    return result


_TAG_SPLIT = re.compile(r"\s*[,;|•·#]\s*")
_TAG_LABEL = re.compile(r"^[^:]{1,30}:\s*")


def split_tag_list(line: str) -> list[str]:
    """ "Tags: a, b; c" → ["a", "b", "c"]; a bare label gives []."""
    listed = _TAG_LABEL.sub("", line, count=1) if ":" in line else ""
    return [t for t in _TAG_SPLIT.split(listed) if t]


def _read_metadata(paragraphs: list[str], reasons: list[Reason | None], result: Cleaned) -> None:
    """Metadata from the visible lines the rules take out: authors and a date from bylines ("By Anna Petrova |
    14 June 2023", "Von Jonas Weber, 3. März 2024"), a date from timestamp lines ("Updated 2 May 2022"), tags
    from a tag list — on the "Tags:" line itself, or one tag a line right after a bare "Tags:" line."""
    tag_run = False
    for text, reason in zip(paragraphs, reasons, strict=True):
        if reason == "byline":
            result.authors.extend(a for a in parse_byline(text) or [] if a not in result.authors)
        if reason in ("byline", "category-timestamp", "dateline") and result.published is None:
            result.published = parse_date(text)
        if reason == "tags":
            listed = split_tag_list(text)
            result.tags.extend(t for t in listed if t not in result.tags)
            tag_run = not listed
        elif tag_run and reason == "trailing-furniture" and word_count(text) <= 4:  # not "Latest" (navigation)
            if text not in result.tags:
                result.tags.append(text)
        else:
            tag_run = False
