"""Each page runs its own language's lexicon (with English's and the universal file's), known early from what
the page declares; a page that declares nothing usable runs every lexicon, as before languages were known."""

from __future__ import annotations

import pytest
from trafilatura import load_html

from pipelines.cleaning import clean_paragraphs
from pipelines.extract import declared_languages, extract_html
from pipelines.lexicon import ALL, for_languages


@pytest.mark.parametrize("html, expected", [
    ('<html lang="pt-BR"><body><p>x</p></body></html>', {"pt"}),
    ('<html xml:lang="sv"><body><p>x</p></body></html>', {"sv"}),
    ('<html><head><meta http-equiv="Content-Language" content="de, en"></head><body>x</body></html>', {"de", "en"}),
    ('<html><head><meta property="og:locale" content="pl_PL"></head><body>x</body></html>', {"pl"}),
    ('<html lang="{{ lang }}"><body>x</body></html>', None),  # a template's placeholder: nothing declared
    ('<html lang=""><body>x</body></html>', None),
    ('<html><body>x</body></html>', None),
])
def test_the_declared_language_is_read_from_the_page(html, expected):
    found = declared_languages(load_html(html))
    assert found == (frozenset(expected) if expected else None)


def test_a_language_picks_its_lexicon_english_and_the_universal_one():
    polish = for_languages(frozenset({"pl"}))
    assert polish.languages == ("pl", "en", "universal")
    assert polish.read_also.match("przeczytaj także: nowy most w gdańsku")
    assert polish.read_also.match("read also: the new bridge")  # English furniture is on every site
    assert not polish.read_also.match("читайте также: новый мост")  # Russian's is not on a Polish page
    assert ALL.read_also.match("читайте также: новый мост")
    assert for_languages(frozenset({"zz"})) is ALL and for_languages(None) is ALL  # no file: every lexicon
    assert for_languages(frozenset({"pl"})) is polish  # compiled once per language set


STORY = ["Rada miasta zatwierdziła w poniedziałek budowę nowej linii tramwajowej do dzielnicy portowej.",
         "Prace mają się rozpocząć wiosną, a pierwsze tramwaje pojadą po trzech latach od rozpoczęcia budowy.",
         "Przeciwnicy projektu twierdzą, że kosztorys nie uwzględnia rosnących cen stali i materiałów."]


def test_a_polish_page_loses_its_furniture_in_its_own_lexicon_and_keeps_its_story():
    furniture = ["Przeczytaj także: Gdańsk buduje nowy most nad Motławą",
                 "Wesprzyj nas! Twoja darowizna pomaga nam pisać o mieście niezależnie."]
    body = "".join(f"<p>{p}</p>" for p in [*STORY, *furniture])
    html = (f'<html lang="pl"><head><title>Nowa linia tramwajowa</title></head><body><article>'
            f"<h1>Nowa linia tramwajowa</h1>{body}</article></body></html>")
    doc = extract_html(html, "https://gazeta.example/2024/05/tramwaj")
    assert doc["paragraphs"] == STORY
    assert {r["reason"] for r in doc["removed"]} >= {"read-more", "donate"}


def test_another_languages_phrase_is_not_judged_on_a_page_that_declares_its_own():
    """A German label quoted on an English page is not German furniture there; with no language declared,
    every lexicon runs and it goes (as before)."""
    story = ["The broadcaster's new evening slot opens with a segment its producers call by its German name.",
             "Critics in Berlin said the format borrows from a programme that ran in the nineteen nineties.",
             "The first episode drew more viewers than any launch on the channel in the past five years."]
    line = "Mehr zum Thema"  # a subheading inside the story: only a lexicon could take it
    paragraphs = [*story[:2], line, *story[2:], "Its second episode is due on the first Friday of next month."]
    assert line in clean_paragraphs(paragraphs, languages=frozenset({"en"})).paragraphs
    assert line not in clean_paragraphs(paragraphs, languages=None).paragraphs
