"""A second opinion on which block of the page is the article.

trafilatura sometimes returns another block of the page whole — a sidebar's link list, an author box, a list of
contributors — while the story sits in a container it discards (a gallery's caption, a three-column blog's
middle column). Cleaning then strips that block as furniture and the article is lost. The tell is topical: the
block uses under a quarter of the headline's topic words. When readability's reading of the same page uses
two more of them, it is the article."""

from __future__ import annotations

import logging
from copy import deepcopy

from pipelines.signals import content_words
from pipelines.textmeta import normalise

# A title word counts as used when a word of the text begins with its first five letters (all four of a
# four-letter word): "Boyfriends" meets "boyfriend", "Käse" "Käsetheke", "подарков" "подарки" in any of the
# corpus's languages without a stemmer per language.
_STEM = 5
# Below this, readability's text is a caption or a teaser, not an article to prefer.
MIN_WORDS = 20
OFF_TOPIC_SHARE = 0.25

logger = logging.getLogger(__name__)


def title_stems(title: str | None) -> set[str]:
    return {w[:_STEM] for w in content_words(title or "")}


def title_coverage(text: str, title: str | None) -> int:
    """How many of the title's word stems the text uses, outside the lines that repeat the title itself."""
    stems = title_stems(title)
    heading = normalise(title or "")
    body = " ".join(line for line in text.split("\n")
                    if line.strip() and (key := normalise(line)) and key not in heading)
    prefixes = {w[:n] for w in content_words(body) for n in (_STEM - 1, _STEM)}
    return len(stems & prefixes)


def title_share(text: str, title: str | None) -> float | None:
    """The share of the headline's topic words the text uses; None for a title of fewer than two (a one-word
    site name cannot say what the article is about)."""
    stems = title_stems(title)
    return title_coverage(text, title) / len(stems) if len(stems) >= 2 else None


def off_topic(text: str, title: str | None) -> bool:
    """The text uses under a quarter of the headline's topic words: none of a short title's, one of a
    headline of four to seven."""
    return _off_topic(title_share(text, title))


def _off_topic(share: float | None) -> bool:
    return share is not None and share < OFF_TOPIC_SHARE


def readability_text(tree, url: str | None) -> str:
    """readability's main text of the page, cleaned and converted as trafilatura cleans its fallbacks
    (trafilatura's own readability port and helpers, pinned with trafilatura's version)."""
    from trafilatura.external import sanitize_tree, try_readability
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    try:
        body = try_readability(deepcopy(tree))
        if body is None or not len(body):
            return ""
        body, _ = sanitize_tree(body, Extractor(comments=False, url=url))
        return xmltotxt(body, False)
    except Exception as exc:  # a second opinion only: trafilatura's text stands if readability cannot read
        logger.debug("readability failed on %s: %s", url, exc)
        return ""


def article_block(text: str, title: str | None, tree, url: str | None) -> tuple[str, float] | None:
    """readability's text, and the share of the title's topic words trafilatura's text used, when
    trafilatura's is off the headline's topic and readability's is on it (two more of the title's topic words
    than trafilatura's, and at least two, or all of a two-word title); else None: trafilatura's text stands."""
    share = title_share(text, title)
    if tree is None or not _off_topic(share):
        return None
    stems = len(title_stems(title))
    needed = max(min(2, stems), round(share * stems) + 2)
    alternative = readability_text(tree, url)
    if len(alternative.split()) < MIN_WORDS or title_coverage(alternative, title) < needed:
        return None
    return alternative, share
