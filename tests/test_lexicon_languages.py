"""Each language file of pipelines/lexicons/ against its cases in tests/lexicon/<language>.toml: a line of every
furniture family the file lists, a paragraph of every appeal family, its labelled cross-links, staff credits,
channel calls, an appeal worded by its reader/"we"/ask words, its bylines and dates — and ordinary news
sentences of the language that none of them may touch. Adding a language: one lexicon file, one case file."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from pipelines import lexicon, lexicon_data, textmeta

CASES = Path(__file__).parent / "lexicon"
LANGUAGES = list(lexicon_data.languages())  # the languages and universal.toml


def _cases(code: str) -> dict:
    return tomllib.loads((CASES / f"{code}.toml").read_text(encoding="utf-8"))


def _lexicon(code: str) -> dict:
    return lexicon_data.languages()[code]


def _signals(paragraph: str) -> tuple[bool, bool, bool]:
    lowered = paragraph.lower()
    return bool(lexicon.READER.search(lowered)), bool(lexicon.PUBLICATION.search(lowered)), bool(
        lexicon.ASK.search(lowered))


def test_every_language_file_has_a_case_file_and_back():
    assert LANGUAGES, "no lexicon files found in the installed package"
    assert {p.stem for p in CASES.glob("*.toml")} == set(LANGUAGES)


def test_a_file_with_an_unknown_family_is_refused():
    with pytest.raises(lexicon_data.LexiconError, match="unknown entry furniture.navigaton"):
        lexicon_data._check("xx", {"furniture": {"navigaton": ["^home$"]}})
    with pytest.raises(lexicon_data.LexiconError, match="12 entries"):
        lexicon_data._check("xx", {"dates": {"months": ["jan"]}})


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_line_of_every_furniture_family(code):
    listed = _lexicon(code).get("furniture", {})
    cases = _cases(code).get("furniture", {})
    assert set(cases) == set(listed), "a case for each furniture family the language lists"
    for family, lines in cases.items():
        for line in lines:
            assert lexicon.furniture_family(line) == family, line


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_paragraph_of_every_appeal_family(code):
    listed = _lexicon(code).get("appeals", {})
    cases = _cases(code).get("appeals", {})
    assert set(cases) == set(listed), "a case for each appeal family the language lists"
    for family, paragraphs in cases.items():
        for paragraph in paragraphs:
            assert lexicon.appeal_hits(paragraph)[0] == family, paragraph


@pytest.mark.parametrize("code", LANGUAGES)
def test_labelled_links_credits_and_channel_calls(code):
    phrases = _lexicon(code).get("phrases", {})
    cases = _cases(code).get("phrases", {})
    for key, check in (("read_also", lambda t: lexicon.READ_ALSO.match(t)),
                       ("staff_credit", lambda t: lexicon.STAFF_CREDIT.search(t.strip())),
                       ("channel_call", lambda t: lexicon.MESSENGER.search(t) and lexicon.CHANNEL_CALL.search(t)),
                       ("strong_ask", lambda t: lexicon.STRONG_ASK.search(t))):
        if key in phrases:
            assert cases.get(key), f"a case for phrases.{key}"
        for line in cases.get(key, []):
            assert check(line.lower()), line


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_appeal_by_its_reader_we_and_ask_words(code):
    phrases = _lexicon(code).get("phrases", {})
    cases = _cases(code).get("signals", [])
    if {"reader", "publication", "ask"} <= set(phrases):
        assert cases, "a paragraph with the reader, the publication and an ask"
    for paragraph in cases:
        assert _signals(paragraph) == (True, True, True), paragraph


@pytest.mark.parametrize("code", LANGUAGES)
def test_bylines_and_dates(code):
    cases = _cases(code)
    if _lexicon(code).get("byline", {}).get("markers"):
        assert cases.get("bylines"), "a case for each language with byline markers"
    for line, *names in cases.get("bylines", []):
        assert textmeta.parse_byline(line) == names, line
    for line, iso in cases.get("dates", []):
        assert textmeta.parse_date(line) == iso, line


@pytest.mark.parametrize("code", LANGUAGES)
def test_ordinary_news_sentences_are_left_alone(code):
    negative = _cases(code)["negative"]
    assert len(negative) >= 3
    for line in negative:
        lowered = line.lower()
        assert lexicon.furniture_family(line) is None, line
        assert lexicon.appeal_hits(line) == (None, 0), line
        assert not lexicon.READ_ALSO.match(lowered), line
        assert not lexicon.STAFF_CREDIT.search(lowered.strip()), line
        assert not lexicon.STRONG_ASK.search(lowered), line
        assert _signals(line) != (True, True, True), line
        assert textmeta.parse_byline(line, particles=False) is None, line


def test_the_package_data_ships_every_lexicon_file():
    """An installed (non-editable) package reads the files through importlib.resources: pyproject must list them."""
    package_data = tomllib.loads((CASES.parents[1] / "pyproject.toml").read_text(encoding="utf-8"))[
        "tool"]["setuptools"]["package-data"]["pipelines"]
    folder = CASES.parents[1] / "pipelines"
    shipped = {p for pattern in package_data for p in folder.glob(pattern)}
    assert set((folder / "lexicons").glob("*.toml")) <= shipped
