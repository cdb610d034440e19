"""Rules that judge a paragraph by where it stands and what the page says of it: the runs at the article's
tail and head, an appeal's neighbours, appeals off the article's topic, paragraphs of a furniture container.
Each is ``(article) -> None`` and gives its verdicts through the article (``drop``, ``keep``); the engine's
table (``pipelines.engine``) runs them in its order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pipelines.line_rules import one_phrase_appeal
from pipelines.lists import list_row, list_shapes, runs_on
from pipelines.textmeta import is_sentence, is_timestamp_line, word_count
from pipelines.verdicts import Keep, Reason

if TYPE_CHECKING:
    from pipelines.lexicon import Lexicon
    from pipelines.paragraphs import Article
    from pipelines.thresholds import CleaningConfig

_APPEALS = frozenset({Reason.DONATE, Reason.SUBSCRIBE})


def reader_appeal(lexicon: Lexicon, unquoted_lowered: str, words: int, config: CleaningConfig,
                  strong: bool = False) -> bool:
    """The publication asks its reader for something: reader address, the publication's "we", and an ask, all
    three, outside quotation marks. ``strong``: the ask is for money or a sign-up, not "support" in general."""
    if words > config.appeal_max_words:
        return False
    ask = lexicon.strong_ask if strong else lexicon.ask
    return bool(lexicon.reader.search(unquoted_lowered) and lexicon.publication.search(unquoted_lowered)
                and ask.search(unquoted_lowered))


def edge_reason(lexicon: Lexicon, text: str, words: int, config: CleaningConfig) -> Reason | None:
    """Why a paragraph is boilerplate when it stands at the tail of an article."""
    if words <= config.credit_max_words and lexicon.staff_credit.search(text.strip().lower()):
        return Reason.CREDITS
    if words <= config.timestamp_max_words and is_timestamp_line(text):
        return Reason.CATEGORY_TIMESTAMP
    if words <= config.edge_max_words and not is_sentence(text):
        return Reason.TRAILING_FURNITURE
    return None


def tail_run(a: Article) -> None:
    """From the end: furniture and short non-sentences go; inside that run, a paragraph with any appeal phrase
    goes too (the tail of a donation block), and so does a line that is all link — inside the run, or off the
    article's topic (a related-stories list). The run ends, with an explicit keep, at a line shaped like a list
    the article holds (a table row, the third numbered item), a letter's closing that runs on, or the article's
    own heading (an ``<h2>`` with no link, on its topic)."""
    config, in_run = a.config, False
    shapes = list_shapes(a.texts)
    for i in range(len(a) - 1, -1, -1):
        p = a.paragraphs[i]
        if a.dropped(i):
            in_run = True
            continue
        overlap = a.overlap(i)
        # a link list inside the run, or a link off the article's topic; the page is looked at only then
        link_candidate = p.words <= config.read_also_max_words and (
            in_run or (overlap is not None and overlap <= config.off_topic))
        block = a.block(i) if link_candidate else None
        if block and block.link_share >= config.link_list_share:
            signals = {"link_share": round(block.link_share, 2), "position": "tail"}
            if not in_run:
                signals["topic_overlap"] = round(overlap, 2)
            a.drop(i, Reason.RELATED_LINKS, "tail-links", signals)
            in_run = True
            continue
        if reason := edge_reason(a.lexicon, p.text, p.words, config):
            if reason is Reason.TRAILING_FURNITURE:
                if list_row(a.texts, i, shapes, config.list_min_rows):
                    a.keep(i, Keep.LIST_ROW, "tail-run")
                    break
                if runs_on(p.text):
                    a.keep(i, Keep.LETTER_CLOSING, "tail-run")
                    break
                if (a.page is not None and (overlap or 0) >= config.on_topic and (block := a.block(i))
                        and block.heading and not block.link_share):
                    a.keep(i, Keep.SECTION_HEADING, "tail-run")
                    break
            a.drop(i, reason, "tail-run")
            in_run = True
            continue
        family, hits = a.lexicon.appeal_hits(p.text)
        if in_run and family and (hits >= 2 or one_phrase_appeal(a.lexicon, family, p.unquoted)):
            a.drop(i, Reason(family), "tail-appeal")
            continue
        if reader_appeal(a.lexicon, p.unquoted, p.words, config, strong=True) and (in_run or i == len(a) - 1):
            a.drop(i, Reason.DONATE, "tail-appeal")  # the last paragraph or inside the tail run: a money ask
            in_run = True
            continue
        break


def introduced_by_colon(a: Article) -> None:
    """The article's last line ends with a colon ("Some of our favourite images from past tours:"): the short
    lines after it are what it introduces, not furniture. Only lines taken for their position come back; a
    link list or a share line after it stays removed."""
    last = max(a.standing(), default=None)
    if last is None or not a.texts[last].rstrip().endswith(":") or word_count(a.texts[last]) < 3:
        return
    for i in range(last + 1, len(a)):
        if a.reason(i) is not Reason.TRAILING_FURNITURE:
            break
        a.keep(i, Keep.INTRODUCED, "colon-list")


def head_run(a: Article) -> None:
    """From the top: stray short lines before the first real sentence go, and so do short lines that are all
    link and off the article's topic (a breadcrumb, a section menu) — except a heading-like line."""
    config = a.config
    for i in range(min(config.edge_scan, len(a))):
        if not a.is_open(i):
            continue
        p = a.paragraphs[i]
        if p.words <= config.timestamp_max_words and is_timestamp_line(p.text):
            a.drop(i, Reason.CATEGORY_TIMESTAMP, "head-run")
        elif p.words <= config.leading_furniture_max_words and not is_sentence(p.text):
            a.drop(i, Reason.LEADING_FURNITURE, "head-run")
        elif (not is_sentence(p.text) and p.words <= config.edge_max_words * 2
              and (overlap := a.overlap(i) or 0) <= config.off_topic
              and (block := a.block(i)) and block.link_share >= config.link_list_share and not block.heading):
            # a linked headline is the story's own: only off-topic links go
            a.drop(i, Reason.NAVIGATION, "head-links", {"link_share": round(block.link_share, 2),
                                                        "position": "head", "topic_overlap": round(overlap, 2)})
        else:
            break


def appeal_neighbours(a: Article) -> None:
    """An appeal box spans paragraphs: next to one already marked as an appeal, a paragraph that is itself a
    reader appeal (by the signals, not by phrases) goes with it — in the middle of an article too."""
    changed = True
    while changed:
        changed = False
        for i, p in enumerate(a.paragraphs):
            if a.is_open(i) and reader_appeal(a.lexicon, p.unquoted, p.words, a.config) and any(
                    0 <= j < len(a) and a.reason(j) in _APPEALS for j in (i - 1, i + 1)):
                a.drop(i, Reason.DONATE, "appeal-neighbours")
                changed = True


def off_topic_appeals(a: Article) -> None:
    """An appeal anywhere in the article, worded with none of the lexicon's phrases: the reader addressed, the
    publication's "we", a money or sign-up ask, and almost none of the article's own words."""
    for i, p in enumerate(a.paragraphs):
        if a.is_open(i) and reader_appeal(a.lexicon, p.unquoted, p.words, a.config, strong=True):
            overlap = a.overlap(i)
            if overlap is not None and overlap <= a.config.off_topic:
                a.drop(i, Reason.DONATE, "off-topic-appeal", {"reader_appeal": True,
                                                              "topic_overlap": round(overlap, 2)})


def furniture_containers(a: Article) -> None:
    """A paragraph that trafilatura kept from inside a furniture container (``<aside>``, ``class="newsletter"``)
    goes when a signal of its text agrees: it is off the article's topic, or it asks something of the reader.
    The container alone is not enough (sites misuse class names)."""
    config = a.config
    for i, p in enumerate(a.paragraphs):
        if not a.is_open(i) or p.words > config.appeal_max_words:
            continue
        agreeing: dict = {}
        overlap = a.overlap(i)
        if overlap is not None and overlap <= config.off_topic:
            agreeing["topic_overlap"] = round(overlap, 2)
        lexicon = a.lexicon
        if lexicon.reader.search(p.unquoted) and lexicon.ask.search(p.unquoted) or lexicon.appeal_hits(p.text)[0]:
            agreeing["reader_appeal"] = True
        if not agreeing:  # the page is only parsed for paragraphs the text signals already doubt
            continue
        block = a.block(i)
        if block is None or block.container is None:
            continue
        agreeing["container"] = block.container
        if block.link_share >= config.container_link_share:
            agreeing["link_share"] = round(block.link_share, 2)
        if len(agreeing) >= 2:
            a.drop(i, Reason.FURNITURE_CONTAINER, "furniture-container", agreeing)
