"""Figure captions trafilatura leaves out, put back where they stand in the article.

trafilatura drops ``<figure>`` and its ``<figcaption>`` with the image. On a gallery page the captions are the
story, and they are put back: a page whose captions left out are at least three, at least as many as its prose
lines, with at least as many words. An article's photo captions stay out, as trafilatura leaves them (AEB's
golds leave them out too: putting them back on every page cost 1.2 points of AEB precision and gained nothing
elsewhere).

A caption that stands between the first and the last line trafilatura kept (in document order), or between the
headline and the first line (a lead picture), is put back after the kept line before it. Its parts — the
caption and its credit, as the page marks them up (``<span>…</span> <span class="credit">Photo: …</span>``) —
become a line each, so that the cleaning rules judge a credit as the credit it is. A caption outside that run (a
gallery after the article's last line, a sidebar's picture), or one that is another story's teaser (mostly link
text, or inside a related/promo container), stays out, as trafilatura left it.
"""

from __future__ import annotations

from itertools import islice

from pipelines.textmeta import normalise, word_count

MAX_CAPTIONS = 60
GALLERY_MIN_CAPTIONS = 3
GALLERY_WORD_SHARE = 1.0  # the captions' words against the prose lines' words
PROSE_MIN_WORDS = 12


def _parts(caption) -> list[str]:
    """The caption's own text and each child's, in order: the caption and its credit apart."""
    chunks = [caption.text]
    for child in caption:
        chunks += [child.text_content(), child.tail]
    parts = [" ".join(chunk.split()) for chunk in chunks if chunk and chunk.strip()]
    return parts if len(caption) else [" ".join(caption.text_content().split())]


def _teaser(caption) -> bool:
    """Another story's teaser, not a picture's caption: mostly link text, or inside a furniture container."""
    from pipelines.signals import LINK_LIST_SHARE, _container_of

    text = normalise(caption.text_content())
    linked = sum(len(normalise(a.text_content())) for a in caption.iter("a"))
    return (bool(text) and linked >= LINK_LIST_SHARE * len(text)) or _container_of(caption) is not None


def recover_captions(lines: list[str], page) -> tuple[list[str], list[str]]:
    """(the lines with the captions put back, the caption lines put back)."""
    tree = getattr(page, "tree", None)
    if tree is None or not lines:
        return lines, []
    captions = list(islice(tree.iter("figcaption"), MAX_CAPTIONS))
    if not captions:
        return lines, []
    position = {element: number for number, element in enumerate(tree.iter())}
    placed = [(position.get(page.element_of(line)), i) for i, line in enumerate(lines)]
    placed = [(where, i) for where, i in placed if where is not None]
    if len(placed) < 2:
        return lines, []
    first, last = min(placed)[0], max(placed)[0]
    headline = next(tree.iter("h1"), None)
    if headline is not None and position.get(headline, first) < first:  # a lead picture under the headline
        first = position[headline]
    have = {normalise(line) for line in lines}
    after: dict[int, list[str]] = {}
    taken = 0
    for caption in captions:
        where = position.get(caption)
        if where is None or not first < where < last or _teaser(caption):
            continue
        parts = [part for part in _parts(caption) if normalise(part) and normalise(part) not in have]
        if not parts:
            continue
        before = max((p for p in placed if p[0] < where), default=(None, -1))
        after.setdefault(before[1], []).extend(parts)
        have.update(normalise(part) for part in parts)
        taken += 1
    prose = [word_count(line) for line in lines if word_count(line) >= PROSE_MIN_WORDS]
    caption_words = sum(word_count(part) for parts in after.values() for part in parts)
    if taken < GALLERY_MIN_CAPTIONS or taken < len(prose) or caption_words < GALLERY_WORD_SHARE * sum(prose):
        return lines, []  # not a gallery: an article's captions stay out
    result, added = list(after.get(-1, [])), list(after.get(-1, []))
    for i, line in enumerate(lines):
        result.append(line)
        result += after.get(i, [])
        added += after.get(i, [])
    return result, added
