"""Metadata lines of plain-text articles: bylines, category/timestamp lines, datelines, headings.

Plain functions over single lines; the month names and byline markers are every language file's
(pipelines/lexicons/).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from functools import lru_cache

from pipelines import lexicon_data

MONTHS: dict[str, int] = lexicon_data.month_names()  # every language file's, lower-case

_MONTH = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_TIME = (r"(?:[,\s]+(?:" + "|".join(rf"{word}\s+" for word in lexicon_data.entries("dates", "time_words"))
         + r")?(?P<hh>\d{1,2})[:.h](?P<mi>\d{2})(?!\d))?")
_TZ = r"(?:\s*\(?(?:UTC|GMT)\s*(?P<tz>[+-]\d{1,2})(?::?(?P<tzm>\d{2}))?\)?)?"
DATE_PATTERNS = [
    re.compile(r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T\s](?P<hh>\d{2}):(?P<mi>\d{2}))?" + _TZ),
    re.compile(r"(?<!\d)(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})" + _TIME + _TZ),
    re.compile(rf"(?<!\w)(?P<d>\d{{1,2}})\s+de\s+(?P<mon>{_MONTH})\s+de\s+(?P<y>\d{{4}})" + _TIME + _TZ,
               re.IGNORECASE),
    re.compile(rf"(?<!\w)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<mon>{_MONTH})\.?,?\s+(?P<y>\d{{4}})"
               + _TIME + _TZ, re.IGNORECASE),
    re.compile(rf"(?<!\w)(?P<mon>{_MONTH})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})"
               + _TIME + _TZ, re.IGNORECASE),
]
SHORT_DATE = re.compile(rf"(?<!\w)(?:(?:\d{{1,2}}\s+(?:{_MONTH})\.?)|(?:(?:{_MONTH})\.?\s+\d{{1,2}}))(?!\w)",
                        re.IGNORECASE)

BYLINE = re.compile(
    r"^(?P<marker>" + "|".join(lexicon_data.entries("byline", "markers"))
    + r")\s+(?P<names>[^\d:|]{3,80}?)\s*(?:[-–—|,/]\s*(?P<org>[\w .&'-]{2,40}))?\s*:?\s*$",
    re.IGNORECASE)
# Markers that are also the particles of names ("Von Braun", "Di Maio", "De Gaulle"): a line they begin is a
# byline at the article's head or tail, where bylines stand, not a subheading inside its body.
NAME_PARTICLES = frozenset(lexicon_data.entries("byline", "particles"))
_NAME_WORD = re.compile(r"^[\w'’.-]+$")
_NAME_SPLIT = re.compile(  # between the names of a byline: a comma, "&", or a language's "and"
    r"\s*(?:,|" + "".join(rf"\b{word}\b|" for word in lexicon_data.entries("byline", "joiners")) + r"&)\s*")


def parse_date(line: str) -> str | None:
    """The first full date (with year) in a line as ISO 8601, or None."""
    for pattern in DATE_PATTERNS:
        match = pattern.search(line)
        if not match:
            continue
        parts = match.groupdict()
        month = int(parts["m"]) if parts.get("m") else MONTHS.get(parts["mon"].lower().rstrip("."))
        try:
            tz = timezone.utc
            if parts.get("tz"):
                sign = -1 if parts["tz"].startswith("-") else 1
                tz = timezone(sign * timedelta(hours=abs(int(parts["tz"])), minutes=int(parts.get("tzm") or 0)))
            value = datetime(int(parts["y"]), month, int(parts["d"]), int(parts.get("hh") or 0),
                             int(parts.get("mi") or 0), tzinfo=tz)
        except (TypeError, ValueError):
            continue
        if 1990 <= value.year <= 2100:
            return value.isoformat()
    return None


def _is_name(text: str) -> bool:
    """Two to four words, each beginning with a capital letter of any script ("Éric Lambert", "Łukasz Wójcik")."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[0].isupper() and _NAME_WORD.match(w) for w in words)


def parse_byline(line: str, particles: bool = True) -> list[str] | None:
    """Author names from a byline such as "By Leman Zeynalova - Trend:", or None. ``particles=False``: a line
    begun by a name particle ("Von Braun Center", "Di Maio Resigns") is not taken for one (inside the body)."""
    match = BYLINE.match(line.strip())
    if not match or (not particles and match.group("marker").lower() in NAME_PARTICLES):
        return None
    names = [n.strip(" .") for n in _NAME_SPLIT.split(match.group("names")) if n.strip(" .")]
    if names and all(_is_name(n) for n in names):
        return names
    return None


# Scripts written without spaces between words (Han, kana, Thai): a run of them is not one "word".
_UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


_WORD = re.compile(r"\w+")


# Formatting inside a word or a number ("Jo<b>hn</b>", "3<sup>rd</sup>"): its text is glued to what is around it.
_GLUED_TAGS = frozenset({"b", "i", "em", "strong", "sup", "sub", "u", "small", "mark", "abbr", "s", "wbr"})


def element_text(element) -> str:
    """An element's text with its children's texts apart: ``<span>By</span><span>Daryl Austin</span>`` is
    "By Daryl Austin" (``text_content`` glues it into "ByDaryl Austin": the styling that parts them is CSS);
    formatting tags stay glued. Not cached: an element holds its whole page."""
    parts: list[str] = []
    for text in element.xpath(".//text()"):
        parent = text.getparent()
        opens = text.is_text and parent is not element  # the first text inside a child, or the text after one
        apart = (opens or text.is_tail) and isinstance(parent.tag, str) and parent.tag not in _GLUED_TAGS
        parts.append(" " + text if apart else str(text))
    return " ".join("".join(parts).split())


@lru_cache(maxsize=8192)  # asked for the same paragraph by several rules
def normalise(paragraph: str) -> str:
    """Comparison key: case-folded words only."""
    return " ".join(_WORD.findall(paragraph.casefold()))


@lru_cache(maxsize=8192)  # the cleaning rules ask for the same paragraph's count several times
def word_count(line: str) -> int:
    """Words, with text in unspaced scripts counted as one word per two characters (a fair average for
    Chinese and Japanese), so that length rules treat a Japanese paragraph as the prose it is."""
    if not _UNSPACED.search(line):
        return len(_WORD.findall(line))
    unspaced = len(_UNSPACED.findall(line))
    return len(_WORD.findall(_UNSPACED.sub(" ", line))) + (unspaced + 1) // 2


def is_sentence(line: str) -> bool:
    """Ends like running prose (., !, ?, their CJK forms, a closing quote after one of those)."""
    return bool(re.search(r"[.!?…。！？｡][\"'”»)）」』]*\s*$", line.strip()))


def is_timestamp_line(line: str) -> bool:
    """A short category/timestamp line ("Politics Materials 16 November 2017 11:54 (UTC +04:00)")."""
    if len(line) > 120 or is_sentence(line) and word_count(line) > 12:
        return False
    has_time = bool(re.search(r"(?<!\d)\d{1,2}:\d{2}(?!\d)", line))
    return parse_date(line) is not None and (has_time or word_count(line) <= 8)


def is_dateline(line: str) -> bool:
    """A place-and-date line on its own ("Baku, Azerbaijan, Nov. 16")."""
    if len(line) > 60 or is_sentence(line) and not line.rstrip().endswith(("."),):
        return False
    stripped = SHORT_DATE.sub("", line)
    if stripped == line and parse_date(line) is None:
        return False
    rest = [w for w in re.split(r"[\s,/]+", stripped) if w.strip(".-–")]
    return 0 < len(rest) <= 4 and all(w[0].isupper() for w in rest)


def looks_like_heading(line: str) -> bool:
    """A title-like line: a few words, no closing sentence punctuation, not a date."""
    words = word_count(line)
    return (2 <= words <= 25 and len(line) <= 220 and not re.search(r"[.:;,]\s*$", line)
            and parse_date(line) is None)
