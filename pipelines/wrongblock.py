"""A second opinion on which block of the page is the article.

trafilatura sometimes returns another block of the page whole — a sidebar's link list, an author box, a list of
contributors — while the story sits in a container it discards (a gallery's caption, a three-column blog's
middle column). Cleaning then strips that block as furniture and the article is lost. The tell is topical: the
block mentions none of the headline's words. When readability's reading of the same page does, it is the
article."""

from __future__ import annotations

import copy

from pipelines.signals import content_words
from pipelines.textmeta import normalise

# A title word counts as used when a word of the text begins with its first five letters (all four of a
# four-letter word): "Boyfriends" meets "boyfriend", "Käse" "Käsetheke", "подарков" "подарки" in any of the
# corpus's languages without a stemmer per language.
_STEM = 5
# Below this, readability's text is a caption or a teaser, not an article to prefer.
MIN_WORDS = 20


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


def off_topic(text: str, title: str | None) -> bool:
    """The text never mentions the headline (a title of two topic words or more, so a one-word site name
    cannot decide it)."""
    return len(title_stems(title)) >= 2 and title_coverage(text, title) == 0


def readability_text(tree, url: str | None) -> str:
    """readability's main text of the page, cleaned and converted as trafilatura cleans its fallbacks."""
    from trafilatura.external import sanitize_tree, try_readability
    from trafilatura.settings import Extractor
    from trafilatura.xml import xmltotxt

    body = try_readability(copy.deepcopy(tree))
    if body is None or not len(body):
        return ""
    body, _ = sanitize_tree(body, Extractor(comments=False, url=url))
    return xmltotxt(body, False)


def article_block(text: str, title: str | None, tree, url: str | None) -> str | None:
    """readability's text when trafilatura's is off the headline's topic and readability's is on it (two of
    the title's word stems, or all if it has fewer), else None: trafilatura's text stands."""
    if tree is None or not off_topic(text, title):
        return None
    alternative = readability_text(tree, url)
    needed = min(2, len(title_stems(title)))
    if len(alternative.split()) >= MIN_WORDS and title_coverage(alternative, title) >= needed:
        return alternative
    return None
