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

from pipelines.lexicon import (
    ASK,
    CHANNEL_CALL,
    MESSENGER,
    PUBLICATION,
    QUOTED,
    READ_ALSO,
    READER,
    STAFF_CREDIT,
    STRONG_ASK,
    appeal_hits,
    furniture_family,
)
from pipelines.lists import list_row, list_shapes, restore_what_a_colon_introduces, runs_on
from pipelines.repeats import is_copy, mark_hidden_copies, mark_repeats, repeats_title
from pipelines.signals import LINK_LIST_SHARE, PageSignals, Topic, signal_strength
from pipelines.textmeta import (  # normalise: also imported from here by dedupe, identity, finalize
    is_sentence,
    is_timestamp_line,
    normalise,
    parse_byline,
    parse_date,
    word_count,
)

FURNITURE_MAX_WORDS = 8
EDGE_MAX_WORDS = 6
APPEAL_MAX_WORDS = 80  # an appeal is a paragraph, not an essay
CREDIT_MAX_WORDS = 40  # a credit line names a desk of reporters, not more
READ_ALSO_MAX_WORDS = 30  # a labelled cross-link or a channel call is a headline or a line, not a paragraph
EDGE_SCAN = 4
# Recall first: when the rules would remove more than this share of an article's words, the rules are
# what is wrong (a layout they do not know), so the text is kept and the would-be removals recorded.
MAX_REMOVED_SHARE = 0.5
# ... when the article has at least this many words; and when the rules would remove everything, as soon as
# there are a few words (a photo post with a caption is an article; a lone "Home" link is not).
MIN_GUARDED_WORDS = 30
MIN_KEPT_WHOLE_WORDS = 5
# Topic signals: a paragraph sharing at most this share of its content words with the rest of the article is
# off-topic; at least ON_TOPIC, it is about the story.
OFF_TOPIC = 0.2
ON_TOPIC = 0.5

# A line no writer wrote: a bare machine timestamp ("2019-11-19T08:57:40+01:00") or the address of an image
# file, leaked from the page's metadata into its text. A link to a page stays (a source list is content).
_MACHINE_LINE = re.compile(
    r"^(?:\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"
    r"|https?://\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?)$", re.IGNORECASE)
_EDGE_JUNK = re.compile(r"^(?:[\s|•·»>*_=~-]+)|(?:\s+[|•·«<*_=~–—-]+)+\s*$")
_CREDIT_TAIL = re.compile(
    r"(?:[.)]|^)\s*(?:(?:photo|foto|фото|image)\s*:?\s*)?"
    r"(?:[A-Z][\w'’.&-]*\s+){0,5}[A-Z][\w'’.&-]*\s*/\s*(?:[A-Z][\w.&-]*\s*){1,3}$")


@dataclass
class Cleaned:
    paragraphs: list[str] = field(default_factory=list)
    removed: list[dict] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published: str | None = None  # the first date in a byline or timestamp line ("By A | 14 June 2023")
    tags: list[str] = field(default_factory=list)  # a visible tag list ("Tags: a, b, c" or one tag a line)

    def drop(self, text: str, reason: str, signals: dict | None = None, kept_anyway: str = "") -> None:
        """Every removal carries its reason; a removal decided by signals also lists them, with a score (the
        mean strength of the signals that agreed, 0–1)."""
        entry: dict = {"text": text, "reason": reason}
        if signals:
            entry["signals"] = signals
            entry["score"] = round(sum(signal_strength(k, v) for k, v in signals.items()) / len(signals), 2)
        if kept_anyway:
            entry["kept_anyway"] = kept_anyway
        self.removed.append(entry)


def tidy(paragraph: str) -> str:
    """Collapse whitespace and strip stray separators ("|", " -", "•") at the ends."""
    text = unicodedata.normalize("NFC", paragraph).replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text).strip()
    return _EDGE_JUNK.sub("", text).strip()


BYLINE_EDGE_LINES = 3  # a byline begun by a name particle counts only among an article's first or last lines


def boilerplate_reason(paragraph: str, inside_body: bool = False) -> str | None:
    """Why a paragraph is boilerplate wherever it stands, or None. ``inside_body``: not among the article's
    first or last lines (a name particle there begins a subheading, not a byline)."""
    if not re.search(r"\w", paragraph) or _MACHINE_LINE.match(paragraph):
        return "junk"
    words = word_count(paragraph)
    if words <= FURNITURE_MAX_WORDS:
        family = furniture_family(paragraph)
        if family:
            return family
    family, hits = appeal_hits(paragraph)
    # One phrase in a short paragraph is an appeal, unless it is inside a quotation (reported speech); a
    # donation phrase alone also needs the publication's "we" or a money ask ("your support helps us …",
    # "apóyanos"): a letter's "thank you for your support" and a list's "encourage someone with your support"
    # are the story's own words.
    if family and (hits >= 2 or (words <= 25 and _one_phrase_appeal(family, outside_quotes(paragraph)))):
        return family
    if words <= READ_ALSO_MAX_WORDS:
        lowered = paragraph.lower()
        if READ_ALSO.match(lowered):
            return "read-more"
        if MESSENGER.search(lowered) and CHANNEL_CALL.search(lowered):
            return "follow"
    # a caption ending in its credit ("… Press Service / TASS"); a sentence ending in a full stop is prose that
    # happens to hold a slash ("… file with the U.S. Consulate/Embassy.")
    if (words <= 60 and "/" in paragraph[-60:] and not paragraph.rstrip().endswith(".")
            and _CREDIT_TAIL.search(paragraph)):
        return "photo-caption"
    if parse_byline(paragraph, particles=not inside_body):
        return "byline"
    return None


def _one_phrase_appeal(family: str, unquoted: str) -> bool:
    """One appeal phrase outside quotes; a donation phrase also needs the publication's "we" or a money ask."""
    if not appeal_hits(unquoted)[1]:
        return False
    lowered = unquoted.lower()
    return family != "donate" or bool(PUBLICATION.search(lowered) or STRONG_ASK.search(lowered))


def edge_reason(paragraph: str) -> str | None:
    """Why a paragraph is boilerplate when it stands at the tail of an article."""
    words = word_count(paragraph)
    if words <= CREDIT_MAX_WORDS and STAFF_CREDIT.search(paragraph.strip().lower()):
        return "credits"
    if words <= 20 and is_timestamp_line(paragraph):
        return "category-timestamp"
    if words <= EDGE_MAX_WORDS and not is_sentence(paragraph):
        return "trailing-furniture"
    return None


def clean_paragraphs(paragraphs: list[str], title: str | None = None, page: PageSignals | None = None) -> Cleaned:
    """Apply the rule families and in-document dedupe; keep content order. ``page``: the HTML the paragraphs
    came from, for the signals of where each one sits (link density, furniture containers, headings)."""
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
    inside = range(BYLINE_EDGE_LINES, len(candidates) - BYLINE_EDGE_LINES)
    reasons: list[str | None] = [
        "title-repeat" if title_key and repeats_title(normalise(p), title_key) else boilerplate_reason(p, i in inside)
        for i, p in enumerate(candidates)]
    evidence: dict[int, dict] = {}
    if page is not None:
        mark_hidden_copies(candidates, reasons, page, evidence)
    topic = Topic(candidates, title)
    _mark_trailing_edge(candidates, reasons, evidence, page, topic)
    _mark_leading_edge(candidates, reasons, evidence, page, topic)
    _mark_appeal_neighbours(candidates, reasons)
    _mark_off_topic_appeals(candidates, reasons, evidence, topic)
    if page is not None:
        _mark_furniture_containers(candidates, reasons, evidence, page, topic)
    mark_repeats(candidates, reasons, title_key)

    # copies are not counted: their words stay in the document (a page printed twice loses nothing)
    total = sum(word_count(text) for text, reason in zip(candidates, reasons, strict=True) if not is_copy(reason))
    kept = sum(word_count(text) for text, reason in zip(candidates, reasons, strict=True) if reason is None)
    keep_all = (total >= MIN_GUARDED_WORDS and kept < (1 - MAX_REMOVED_SHARE) * total) or (
        kept == 0 and total >= MIN_KEPT_WHOLE_WORDS)
    why = f"the rules would remove {1 - kept / total:.0%} of the text" if keep_all else ""
    _read_metadata(candidates, reasons, result)
    for i, (text, reason) in enumerate(zip(candidates, reasons, strict=True)):
        if reason:
            result.drop(text, reason, evidence.get(i), why)
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


def _read_metadata(paragraphs: list[str], reasons: list[str | None], result: Cleaned) -> None:
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


def outside_quotes(paragraph: str) -> str:
    """The paragraph without its quoted spans: words in quotation marks are someone else's (reported speech)."""
    return QUOTED.sub(" ", paragraph)


def reader_appeal(paragraph: str, strong: bool = False) -> bool:
    """A paragraph in which the publication asks its reader for something: reader address, the publication's
    "we", and an ask, all three, outside quotation marks (reported speech is article content). ``strong``:
    the ask must be for money or a sign-up ("donate", "become a member"), not "support" in general."""
    if word_count(paragraph) > APPEAL_MAX_WORDS:
        return False
    lowered = outside_quotes(paragraph).lower()
    ask = STRONG_ASK if strong else ASK
    return bool(READER.search(lowered) and PUBLICATION.search(lowered) and ask.search(lowered))


def _mark_appeal_neighbours(paragraphs: list[str], reasons: list[str | None]) -> None:
    """An appeal box spans paragraphs: next to one already marked as an appeal, a paragraph that is itself a
    reader appeal (by the signals, not by phrases) goes with it — in the middle of an article too."""
    appeals = {"donate", "subscribe"}
    changed = True
    while changed:
        changed = False
        for i, text in enumerate(paragraphs):
            if reasons[i] is None and reader_appeal(text) and any(
                    0 <= j < len(paragraphs) and reasons[j] in appeals for j in (i - 1, i + 1)):
                reasons[i] = "donate"
                changed = True


def _mark_trailing_edge(paragraphs: list[str], reasons: list[str | None], evidence: dict[int, dict],
                        page: PageSignals | None, topic: Topic) -> None:
    """From the end: furniture and short non-sentences go; inside that run, a paragraph with any appeal phrase
    goes too (the tail of a donation block), and so does a line that is all link — inside the run, or off the
    article's topic (a related-stories list).
    A short line that is the article's own heading (an ``<h2>`` with no link, on the article's topic) ends
    the run: it is a section of the story, not furniture; so does a line shaped like a list the article
    holds (a table row with as many cells as two others, the third numbered item): the list's last rows."""
    in_run = False
    shapes = list_shapes(paragraphs)
    for i in range(len(paragraphs) - 1, -1, -1):
        text = paragraphs[i]
        if reasons[i]:
            in_run = True
            continue
        overlap = topic.overlap(i)
        # a link list inside the run, or a link off the article's topic; the page is looked at only then
        link_candidate = word_count(text) <= READ_ALSO_MAX_WORDS and (
            in_run or (overlap is not None and overlap <= OFF_TOPIC))
        block = page.of(text) if page is not None and link_candidate else None
        if block and block.link_share >= LINK_LIST_SHARE:
            reasons[i] = "related-links"
            evidence[i] = {"link_share": round(block.link_share, 2), "position": "tail"}
            if not in_run:
                evidence[i]["topic_overlap"] = round(overlap, 2)
            in_run = True
            continue
        if reason := edge_reason(text):
            if reason == "trailing-furniture" and (list_row(paragraphs, i, shapes) or runs_on(text)):
                break
            if (reason == "trailing-furniture" and page is not None and (overlap or 0) >= ON_TOPIC
                    and (block := page.of(text)) and block.heading and not block.link_share):
                break
            reasons[i] = reason
            in_run = True
            continue
        family, hits = appeal_hits(text)
        if in_run and family and (hits >= 2 or _one_phrase_appeal(family, outside_quotes(text))):
            reasons[i] = family
            continue
        if reader_appeal(text, strong=True) and (in_run or i == len(paragraphs) - 1):
            reasons[i] = "donate"  # the last paragraph or inside the tail run, with a money/sign-up ask
            in_run = True
            continue
        break
    restore_what_a_colon_introduces(paragraphs, reasons)


def _mark_leading_edge(paragraphs: list[str], reasons: list[str | None], evidence: dict[int, dict],
                       page: PageSignals | None, topic: Topic) -> None:
    """From the top: stray short lines before the first real sentence go, and so do short lines that are all
    link and off the article's topic (a breadcrumb, a section menu) — except a heading-like line directly
    followed by prose."""
    for i, text in enumerate(paragraphs[:EDGE_SCAN]):
        if reasons[i]:
            continue
        if word_count(text) <= 20 and is_timestamp_line(text):
            reasons[i] = "category-timestamp"
        elif word_count(text) <= 2 and not is_sentence(text):
            reasons[i] = "leading-furniture"
        elif (not is_sentence(text) and word_count(text) <= EDGE_MAX_WORDS * 2
              and (overlap := topic.overlap(i) or 0) <= OFF_TOPIC
              and page is not None and (block := page.of(text)) and block.link_share >= LINK_LIST_SHARE
              and not block.heading):
            reasons[i] = "navigation"  # a linked headline is the story's own: only off-topic links go
            evidence[i] = {"link_share": round(block.link_share, 2), "position": "head",
                           "topic_overlap": round(overlap, 2)}
        else:
            break


def _mark_off_topic_appeals(paragraphs: list[str], reasons: list[str | None], evidence: dict[int, dict],
                            topic: Topic) -> None:
    """An appeal anywhere in the article, worded with none of the lexicon's phrases: the reader addressed, the
    publication's "we", a money or sign-up ask, and almost none of the article's own words."""
    for i, text in enumerate(paragraphs):
        if reasons[i] is None and reader_appeal(text, strong=True):
            overlap = topic.overlap(i)
            if overlap is not None and overlap <= OFF_TOPIC:
                reasons[i] = "donate"
                evidence[i] = {"reader_appeal": True, "topic_overlap": round(overlap, 2)}


def _mark_furniture_containers(paragraphs: list[str], reasons: list[str | None], evidence: dict[int, dict],
                               page: PageSignals, topic: Topic) -> None:
    """A paragraph that trafilatura kept from inside a furniture container (``<aside>``, ``class="newsletter"``,
    ``id="related"``) goes when a signal of its text agrees: it is off the article's topic, or it asks something
    of the reader. The container alone is not enough (sites misuse class names)."""
    for i, text in enumerate(paragraphs):
        if reasons[i] or word_count(text) > APPEAL_MAX_WORDS:
            continue
        agreeing: dict = {}
        overlap = topic.overlap(i)
        if overlap is not None and overlap <= OFF_TOPIC:
            agreeing["topic_overlap"] = round(overlap, 2)
        lowered = outside_quotes(text).lower()
        if READER.search(lowered) and ASK.search(lowered) or appeal_hits(text)[0]:
            agreeing["reader_appeal"] = True
        if not agreeing:  # the page is only parsed for paragraphs the text signals already doubt
            continue
        block = page.of(text)
        if block is None or block.container is None:
            continue
        agreeing["container"] = block.container
        if block.link_share >= 0.5:
            agreeing["link_share"] = round(block.link_share, 2)
        if len(agreeing) >= 2:
            reasons[i] = "furniture-container"
            evidence[i] = agreeing
