"""Multilingual lexicon of page furniture and calls to action.

Each family maps to regular expressions (matched against a lower-cased paragraph),
composed from the per-language files in ``pipelines/lexicons/`` (pipelines/lexicon_data.py
reads them). ``FURNITURE`` phrases only count on short lines (a nav label, a button);
``APPEALS`` are strong enough to mark a whole paragraph (a donation appeal, a cookie
banner) even when it is long.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipelines import lexicon_data
from pipelines.lexicon_data import APPEAL_FAMILIES, FURNITURE_FAMILIES

try:  # the regex parser, to find the plain words a pattern requires (Python 3.11+, then 3.10)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

FURNITURE: dict[str, list[str]] = {name: lexicon_data.entries("furniture", name) for name in FURNITURE_FAMILIES}
APPEALS: dict[str, list[str]] = {name: lexicon_data.entries("appeals", name) for name in APPEAL_FAMILIES
                                 if name != "copyright"}
APPEALS["copyright"] = FURNITURE["copyright"]  # a copyright line is one at any length


def _alternation(key: str) -> str:
    """A [phrases] entry of every language file as one non-capturing alternation."""
    return "(?:" + "|".join(lexicon_data.entries("phrases", key)) + ")"


# Patterns are lower-case and matched against lower-cased text: Unicode IGNORECASE is ~3x slower.
def _compile(families: dict[str, list[str]]) -> list[tuple[str, re.Pattern]]:
    return [(name, re.compile("|".join(f"(?:{p})" for p in patterns))) for name, patterns in families.items()]


def _anchor(pattern: str) -> str:
    """The longest run of plain characters in a pattern's top-level sequence: every match contains it."""
    best, run = "", ""
    for op, value in _sre_parser.parse(pattern):
        if op is _sre_constants.LITERAL:
            run += chr(value)
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


FURNITURE_RE = _compile(FURNITURE)
APPEAL_RES = [(name, [re.compile(p) for p in patterns]) for name, patterns in APPEALS.items()]
# One pass over a paragraph rules out most of them before the per-phrase counting.
ANY_APPEAL = re.compile("|".join(f"(?:{p})" for patterns in APPEALS.values() for p in patterns))
# Before that, a cheaper pass: the literal words every phrase must contain ("cookies", "donate", …; a pattern
# without such a word of 4+ characters is tried as it is). A paragraph with none of them cannot match, and
# most paragraphs have none: 4× faster than the alternation, the same answers.
_ANCHORED = [(_anchor(p), p) for patterns in APPEALS.values() for p in patterns]
APPEAL_WORDS = re.compile("|".join(sorted({re.escape(a) for a, _ in _ANCHORED if len(a) >= 4})))
_UNANCHORED = [p for a, p in _ANCHORED if len(a) < 4]
APPEAL_UNANCHORED = re.compile("|".join(f"(?:{p})" for p in _UNANCHORED)) if _UNANCHORED else None


def furniture_family(line: str) -> str | None:
    """The furniture family a short line belongs to, or None."""
    probe = line.strip().strip("…•·|»«>-–—:. ").strip().lower()
    if not probe:
        return None
    for name, pattern in FURNITURE_RE:
        if pattern.search(probe):
            return name
    return None


@lru_cache(maxsize=1024)  # the rules ask it of one paragraph more than once (a page at a time)
def appeal_hits(paragraph: str) -> tuple[str | None, int]:
    """The strongest appeal family in a paragraph and how many distinct phrases of it matched."""
    best, best_hits = None, 0
    paragraph = paragraph.lower()
    maybe = APPEAL_WORDS.search(paragraph) or (APPEAL_UNANCHORED and APPEAL_UNANCHORED.search(paragraph))
    if not maybe or not ANY_APPEAL.search(paragraph):
        return best, best_hits
    for name, patterns in APPEAL_RES:
        hits = sum(1 for p in patterns if p.search(paragraph))
        if hits > best_hits:
            best, best_hits = name, hits
    return best, best_hits


# A staff credit line at an article's foot ("Reporting by …; Editing by …", "Keith Bradsher contributed
# reporting.", "Mitarbeit: …", "Con información de …", "При участии …"): the newsroom's credits, not the story.
STAFF_CREDIT = re.compile(r"^\(?" + _alternation("staff_credit")
                          + "".join("|" + tail for tail in lexicon_data.entries("phrases", "staff_credit_tail")))
# A labelled cross-link to another story ("Read also: <a headline of any length>"): the label, then a colon
# or a dash.
READ_ALSO = re.compile("^" + _alternation("read_also") + r"\s*[:—–-]\s*\S")
# A call to join the site's messenger or video channel ("Subscribe to our Telegram channel to get …").
MESSENGER = re.compile(r"\b" + _alternation("messenger"))
# Imperatives and "our": a call to the reader, not a report about a channel.
CHANNEL_CALL = re.compile("|".join(lexicon_data.entries("phrases", "channel_call")))


# Signals of a publication addressing its reader (an appeal worded with none of the phrases above): the reader
# ("you"), the publication ("we/our"), and an ask. Each alone is ordinary prose; together, outside quotes and
# at the edge of an article or next to another appeal, they are an appeal.
READER = re.compile(r"\b" + _alternation("reader") + r"\b")
PUBLICATION = re.compile(r"\b" + _alternation("publication") + r"\b")
ASK = re.compile(r"\b" + _alternation("ask") + r"\b")
# A quoted span: straight, curly, guillemets, low-high; at least one word inside.
QUOTED = re.compile(r"\"[^\"]{2,}\"|“[^”]{2,}”|«[^»]{2,}»|„[^“”]{2,}[“”]")
# The ask that may stand alone in a last paragraph: giving money or signing up, not "support" in general.
STRONG_ASK = re.compile(r"\b" + _alternation("strong_ask") + r"\b")
