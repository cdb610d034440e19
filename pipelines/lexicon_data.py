"""The per-language vocabulary, read from ``pipelines/lexicons/<language>.toml`` (one file per language) and
``universal.toml`` (what no language owns: brand names, agency credits, symbols).

A language file holds its phrases by family (``[furniture]``, ``[appeals]``), the alternatives of the single
patterns (``[phrases]``: read-also labels, staff credits, the reader/"we"/ask words of an appeal…), its byline
markers and its month names (``[dates]``; a file without a ``months`` list takes them from CLDR through
babel). Adding a language is adding a file: the patterns are composed from every file found.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import resources

UNIVERSAL = "universal"
# The families a file may hold, in the order the furniture families are tried (the first that matches wins).
FURNITURE_FAMILIES = ("navigation", "read-more", "tags", "share", "follow", "subscribe", "advertisement",
                      "comments", "donate", "photo-credit", "copyright")
APPEAL_FAMILIES = ("donate", "subscribe", "affiliate", "cookies", "copyright")
PHRASES = ("staff_credit", "staff_credit_tail", "read_also", "messenger", "channel_call", "reader",
           "publication", "ask", "strong_ask")
BYLINE = ("markers", "particles", "joiners")
DATES = ("months", "time_words", "updated")
SECTIONS = {"furniture": FURNITURE_FAMILIES, "appeals": APPEAL_FAMILIES, "phrases": PHRASES, "byline": BYLINE,
            "dates": DATES}
MAX_FILE_BYTES = 256_000  # a vocabulary file, not a corpus


class LexiconError(ValueError):
    """A lexicon file that does not say what the loader can use (a typo'd family would silently drop)."""


def _check(code: str, data: dict) -> dict:
    for section, value in data.items():
        if section in ("language", "name"):
            continue
        if section not in SECTIONS or not isinstance(value, dict):
            raise LexiconError(f"lexicons/{code}.toml: unknown section [{section}]")
        for key, entries in value.items():
            if key not in SECTIONS[section]:
                raise LexiconError(f"lexicons/{code}.toml: unknown entry {section}.{key}")
            if key == "months":
                if not (isinstance(entries, list) and len(entries) == 12):
                    raise LexiconError(f"lexicons/{code}.toml: dates.months wants 12 entries, one a month")
            elif not (isinstance(entries, list) and all(isinstance(e, str) and e for e in entries)):
                raise LexiconError(f"lexicons/{code}.toml: {section}.{key} wants a list of non-empty strings")
    return data


@lru_cache(maxsize=1)
def languages() -> dict[str, dict]:
    """Every lexicon file by its language code (``universal`` last), read from the installed package."""
    folder = resources.files("pipelines") / "lexicons"
    found: dict[str, dict] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        code = entry.name.removesuffix(".toml")
        raw = entry.read_bytes()
        if len(raw) > MAX_FILE_BYTES:
            raise LexiconError(f"lexicons/{entry.name}: {len(raw)} bytes, more than {MAX_FILE_BYTES}")
        found[code] = _check(code, tomllib.loads(raw.decode("utf-8")))
    if UNIVERSAL in found:
        found[UNIVERSAL] = found.pop(UNIVERSAL)
    return found


def codes() -> list[str]:
    """The language codes with a file (not ``universal``)."""
    return [code for code in languages() if code != UNIVERSAL]


def entries(section: str, key: str, only: tuple[str, ...] | None = None) -> list[str]:
    """One entry of every file (or of the ``only`` ones), concatenated in file order."""
    out: list[str] = []
    for code, data in languages().items():
        if only is None or code in only:
            out.extend(data.get(section, {}).get(key, []))
    return out


def cldr_months(code: str) -> list[list[str]]:
    """A language's month names as CLDR writes them (wide, format and stand-alone: "grudnia", "grudzień"),
    lower-cased; empty lists without babel."""
    try:
        from babel import Locale
    except ImportError:  # babel comes with the dependencies; without it, dates are found by their digits
        return [[] for _ in range(12)]
    locale = Locale.parse(code)
    return [sorted({locale.months[context]["wide"][number].lower() for context in ("format", "stand-alone")})
            for number in range(1, 13)]


def month_names() -> dict[str, int]:
    """Every language's month names → the month's number (hand-listed, or CLDR's for a file without a list)."""
    months: dict[str, int] = {}
    for code, data in languages().items():
        listed = data.get("dates", {}).get("months")
        if listed is None and code == UNIVERSAL:
            continue
        rows = [row.split() for row in listed] if listed is not None else cldr_months(code)
        for number, names in enumerate(rows, start=1):
            for name in names:
                months.setdefault(name, number)
    return months
