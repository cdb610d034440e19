"""Rules that judge one paragraph by itself, wherever it stands: what it says (the page's lexicon), its shape
(a machine line, a caption's credit, a byline). Each is ``(paragraph, article) -> Reason | None``; the engine's
table (``pipelines.engine``) runs them in its order, and the first that answers decides.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from pipelines.repeats import repeats_title
from pipelines.textmeta import parse_byline
from pipelines.verdicts import Reason

if TYPE_CHECKING:
    from pipelines.lexicon import Lexicon
    from pipelines.paragraphs import Article, Paragraph

# A line no writer wrote: a bare machine timestamp ("2019-11-19T08:57:40+01:00") or the address of an image
# file, leaked from the page's metadata into its text. A link to a page stays (a source list is content).
_MACHINE_LINE = re.compile(
    r"^(?:\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"
    r"|https?://\S+\.(?:jpe?g|png|gif|webp|svg|avif)(?:\?\S*)?)$", re.IGNORECASE)
_CREDIT_TAIL = re.compile(
    r"(?:[.)]|^)\s*(?:(?:photo|foto|фото|image)\s*:?\s*)?"
    r"(?:[A-Z][\w'’.&-]*\s+){0,5}[A-Z][\w'’.&-]*\s*/\s*(?:[A-Z][\w.&-]*\s*){1,3}$")


def title_repeat(p: Paragraph, a: Article) -> Reason | None:
    return Reason.TITLE_REPEAT if a.title_key and repeats_title(p.key, a.title_key) else None


def junk(p: Paragraph, a: Article) -> Reason | None:
    return Reason.JUNK if not re.search(r"\w", p.text) or _MACHINE_LINE.match(p.text) else None


def furniture(p: Paragraph, a: Article) -> Reason | None:
    """A furniture phrase on a short line ("Latest news", "Share", "Tags: …")."""
    if p.words <= a.config.furniture_max_words and (family := a.lexicon.furniture_family(p.text)):
        return Reason(family)
    return None


def appeal(p: Paragraph, a: Article) -> Reason | None:
    """Two appeal phrases, or one in a short paragraph outside quotation marks (reported speech is content); a
    donation phrase alone also needs the publication's "we" or a money ask ("your support helps us …",
    "apóyanos"): a letter's "thank you for your support" is the story's own words."""
    family, hits = a.lexicon.appeal_hits(p.text)
    if family and (hits >= 2 or (p.words <= a.config.one_phrase_appeal_max_words
                                 and one_phrase_appeal(a.lexicon, family, p.unquoted))):
        return Reason(family)
    return None


def one_phrase_appeal(lexicon: Lexicon, family: str, unquoted_lowered: str) -> bool:
    """One appeal phrase outside quotes; a donation phrase also needs the publication's "we" or a money ask."""
    if not lexicon.appeal_hits(unquoted_lowered)[1]:
        return False
    return family != "donate" or bool(lexicon.publication.search(unquoted_lowered)
                                      or lexicon.strong_ask.search(unquoted_lowered))


def read_also(p: Paragraph, a: Article) -> Reason | None:
    """A labelled cross-link ("Read also: <headline>"), a call to join the site's channel."""
    if p.words > a.config.read_also_max_words:
        return None
    if a.lexicon.read_also.match(p.lowered):
        return Reason.READ_MORE
    if a.lexicon.messenger.search(p.lowered) and a.lexicon.channel_call.search(p.lowered):
        return Reason.FOLLOW
    return None


def photo_caption(p: Paragraph, a: Article) -> Reason | None:
    """A caption ending in its credit ("… Press Service / TASS"); a sentence ending in a full stop is prose that
    happens to hold a slash ("… file with the U.S. Consulate/Embassy.")."""
    text = p.text
    if (p.words <= a.config.caption_max_words and "/" in text[-60:] and not text.rstrip().endswith(".")
            and _CREDIT_TAIL.search(text)):
        return Reason.PHOTO_CAPTION
    return None


def byline(p: Paragraph, a: Article) -> Reason | None:
    """"By Name", "Автор: …"; a line begun by a name particle ("Von Braun Center") only at the edges."""
    return Reason.BYLINE if parse_byline(p.text, particles=not p.inside_body) else None
