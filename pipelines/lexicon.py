"""Multilingual lexicon of page furniture and calls to action.

Each family maps to regular expressions (matched against a lower-cased paragraph), composed from the
per-language files in ``pipelines/lexicons/`` (pipelines/lexicon_data.py reads them). ``FURNITURE`` phrases
only count on short lines (a nav label, a button); ``APPEALS`` are strong enough to mark a whole paragraph (a
donation appeal, a cookie banner) even when it is long.

A ``Lexicon`` is compiled for a set of languages (``for_languages``: the page's own, English — the web's
furniture language — and the universal file) or for all of them (``ALL``, and the module-level names below,
for a page whose language is not known).
"""

from __future__ import annotations

import re
from collections import OrderedDict
from functools import lru_cache

from pipelines import lexicon_data
from pipelines.lexicon_data import APPEAL_FAMILIES, FURNITURE_FAMILIES, UNIVERSAL

try:  # the regex parser, to find the plain words a pattern requires (Python 3.11+, then 3.10)
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # pragma: no cover
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

ALWAYS = ("en", UNIVERSAL)  # run on every page: English furniture ("Share", "Read more") is everywhere
_HITS_CACHE = 1024  # the rules ask appeal_hits of one paragraph more than once (a page at a time)


def _anchor(pattern: str) -> str:
    """The longest run of plain characters in a pattern's top-level sequence: every match contains it."""
    best, run = "", ""
    for op, value in _sre_parser.parse(pattern):
        if op is _sre_constants.LITERAL:
            run += chr(value)
        else:
            best, run = max(best, run, key=len), ""
    return max(best, run, key=len)


# Patterns are lower-case and matched against lower-cased text: Unicode IGNORECASE is ~3x slower.
def _compile(families: dict[str, list[str]]) -> list[tuple[str, re.Pattern]]:
    return [(name, re.compile("|".join(f"(?:{p})" for p in patterns))) for name, patterns in families.items()
            if patterns]


class Lexicon:
    """The lexicon files of ``languages`` (None: every file) compiled into the patterns the rules use."""

    def __init__(self, languages: tuple[str, ...] | None = None) -> None:
        self.languages = languages

        def entries(section: str, key: str) -> list[str]:
            return lexicon_data.entries(section, key, only=languages)

        def alternation(key: str) -> str:
            return "(?:" + "|".join(entries("phrases", key) or ["(?!x)x"]) + ")"

        self.furniture = {name: entries("furniture", name) for name in FURNITURE_FAMILIES}
        self.appeals = {name: entries("appeals", name) for name in APPEAL_FAMILIES if name != "copyright"}
        self.appeals["copyright"] = self.furniture["copyright"]  # a copyright line is one at any length
        self.furniture_res = _compile(self.furniture)
        self.appeal_res = [(name, [re.compile(p) for p in patterns]) for name, patterns in self.appeals.items()]
        # One pass over a paragraph rules out most of them before the per-phrase counting.
        every = [p for patterns in self.appeals.values() for p in patterns]
        self.any_appeal = re.compile("|".join(f"(?:{p})" for p in every) or "(?!x)x")
        # Before that, a cheaper pass: the literal words every phrase must contain ("cookies", "donate", …; a
        # pattern without such a word of 4+ characters is tried as it is). Most paragraphs have none: 4× faster
        # than the alternation, the same answers.
        anchored = [(_anchor(p), p) for p in every]
        self.appeal_words = re.compile("|".join(sorted({re.escape(a) for a, _ in anchored if len(a) >= 4}))
                                       or "(?!x)x")
        unanchored = [p for a, p in anchored if len(a) < 4]
        self.appeal_unanchored = re.compile("|".join(f"(?:{p})" for p in unanchored)) if unanchored else None
        # A staff credit line at an article's foot ("Reporting by …; Editing by …", "Mitarbeit: …").
        self.staff_credit = re.compile(r"^\(?" + alternation("staff_credit")
                                       + "".join("|" + tail for tail in entries("phrases", "staff_credit_tail")))
        # A labelled cross-link to another story ("Read also: <a headline>"): the label, a colon or a dash.
        self.read_also = re.compile("^" + alternation("read_also") + r"\s*[:—–-]\s*\S")
        # A call to join the site's messenger or video channel ("Subscribe to our Telegram channel …").
        self.messenger = re.compile(r"\b" + alternation("messenger"))
        self.channel_call = re.compile("|".join(entries("phrases", "channel_call")) or "(?!x)x")
        # An appeal worded with none of the phrases: the reader ("you"), the publication ("we/our"), an ask.
        self.reader = re.compile(r"\b" + alternation("reader") + r"\b")
        self.publication = re.compile(r"\b" + alternation("publication") + r"\b")
        self.ask = re.compile(r"\b" + alternation("ask") + r"\b")
        # The ask that may stand alone in a last paragraph: money or a sign-up, not "support" in general.
        self.strong_ask = re.compile(r"\b" + alternation("strong_ask") + r"\b")
        self._hits: OrderedDict[str, tuple[str | None, int]] = OrderedDict()

    def furniture_family(self, line: str) -> str | None:
        """The furniture family a short line belongs to, or None."""
        probe = line.strip().strip("…•·|»«>-–—:. ").strip().lower()
        if not probe:
            return None
        for name, pattern in self.furniture_res:
            if pattern.search(probe):
                return name
        return None

    def appeal_hits(self, paragraph: str) -> tuple[str | None, int]:
        """The strongest appeal family in a paragraph and how many distinct phrases of it matched."""
        if (cached := self._hits.get(paragraph)) is not None:
            return cached
        found = self._appeal_hits(paragraph.lower())
        self._hits[paragraph] = found
        if len(self._hits) > _HITS_CACHE:
            self._hits.popitem(last=False)
        return found

    def _appeal_hits(self, paragraph: str) -> tuple[str | None, int]:
        best, best_hits = None, 0
        maybe = self.appeal_words.search(paragraph) or (
            self.appeal_unanchored and self.appeal_unanchored.search(paragraph))
        if not maybe or not self.any_appeal.search(paragraph):
            return best, best_hits
        for name, patterns in self.appeal_res:
            hits = sum(1 for p in patterns if p.search(paragraph))
            if hits > best_hits:
                best, best_hits = name, hits
        return best, best_hits


@lru_cache(maxsize=64)
def for_languages(languages: frozenset[str] | None) -> Lexicon:
    """The lexicon for a page in ``languages`` (its declared ones): theirs, English's and the universal file's,
    when a file exists for at least one of them; every file's otherwise (a page in a language without one, or
    of no known language, is judged as before languages were known)."""
    if not languages:
        return ALL
    known = set(lexicon_data.codes())
    own = sorted(code for code in languages if code in known)
    if not own:
        return ALL
    return Lexicon(tuple(dict.fromkeys([*own, *ALWAYS])))


ALL = Lexicon()
FURNITURE = ALL.furniture
APPEALS = ALL.appeals
STAFF_CREDIT = ALL.staff_credit
READ_ALSO = ALL.read_also
MESSENGER = ALL.messenger
CHANNEL_CALL = ALL.channel_call
READER = ALL.reader
PUBLICATION = ALL.publication
ASK = ALL.ask
STRONG_ASK = ALL.strong_ask
furniture_family = ALL.furniture_family
appeal_hits = ALL.appeal_hits
# A quoted span: straight, curly, guillemets, low-high; at least one word inside.
QUOTED = re.compile(r"\"[^\"]{2,}\"|“[^”]{2,}”|«[^»]{2,}»|„[^“”]{2,}[“”]")
