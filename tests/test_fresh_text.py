"""Fresh-text cases the cleaning once got wrong, each in four languages or more: a subheading begun by a name
particle is not a byline; a byline whose name begins with an accented or non-Latin-1 capital is one; "don't" and
"Donald" are no ask of a reader."""

import pytest

from pipelines.cleaning import clean_paragraphs, reader_appeal

STORY = [
    "The regional council approved the plan on Tuesday after a debate that lasted well into the evening hours.",
    "Supporters said the new wing would bring hundreds of jobs to the valley within the next three years.",
    "Critics warned that the cost estimates had already doubled since the first draft was published in spring.",
    "The vote passed by a narrow margin, with two members abstaining and one leaving the chamber early.",
    "Construction is expected to begin next summer, once the last permits have been granted by the ministry.",
    "The mayor said residents would be consulted again before the final design is signed off later this year.",
]


@pytest.mark.parametrize("heading", ["Von Braun Center", "Di Maio Resigns", "De Gaulle Airport", "Par Avion Festival",
                                     "Por Favor Café"])
def test_a_subheading_begun_by_a_name_particle_stays_inside_the_body(heading):
    cleaned = clean_paragraphs([*STORY[:3], heading, *STORY[3:]])
    assert heading in cleaned.paragraphs and not cleaned.authors


@pytest.mark.parametrize(("byline", "name"), [("Par Éric Lambert", "Éric Lambert"), ("Por Óscar Ruiz", "Óscar Ruiz"),
                                              ("Por Álvaro Sá", "Álvaro Sá"), ("Autor: Łukasz Wójcik", "Łukasz Wójcik"),
                                              ("Von Jonas Weber", "Jonas Weber"),
                                              ("Автор: Єва Іванова", "Єва Іванова")])
def test_a_byline_whose_name_begins_with_any_capital_is_a_byline(byline, name):
    cleaned = clean_paragraphs([byline, *STORY])
    assert byline not in cleaned.paragraphs and cleaned.authors == [name]
    assert [r["reason"] for r in cleaned.removed] == ["byline"]


@pytest.mark.parametrize("text", [
    "You don't have to like the plan, our correspondent writes, to see why the council went ahead with it.",
    "Sie kennen Donald Tusk vielleicht aus Brüssel; wir haben ihn in Danzig getroffen, wo er den Plan lobte.",
    "Vous connaissez Donald Tusk : nous l'avons rencontré à Gdansk, où il a salué le projet du conseil.",
    "Usted conoce a Donald Tusk: nosotros lo vimos en Gdansk, donde elogió el proyecto del consejo regional.",
])
def test_dont_and_donald_are_not_an_ask(text):
    assert not reader_appeal(text)


@pytest.mark.parametrize("text", [
    "If you can, donate to us today: we depend on readers like you.",
    "Faites un don : nous avons besoin de vous pour continuer.",
    "Si puedes, dona hoy: nosotros dependemos de lectores como tú.",
    "Wenn Sie können, spenden Sie heute: wir brauchen Ihre Hilfe.",
])
def test_a_real_ask_still_is_one(text):
    assert reader_appeal(text)


@pytest.mark.parametrize("line", ["Przeczytaj także: Przebudowa dworca w Krakowie: koszty rosną szybciej niż prace",
                                  "Leia também: Urgência pediátrica de Viana do Castelo volta a funcionar",
                                  "Lees ook: Stationsplein Utrecht wordt flink duurder",
                                  "Läs också: Tidig is i Bottenviken försenar sjöfarten",
                                  "Čtěte také: Ostrava připravuje přestavbu bývalé koksovny"])
def test_a_read_also_line_goes_in_languages_without_a_lexicon_before(line):
    cleaned = clean_paragraphs([*STORY[:3], line, *STORY[3:]])
    assert line not in cleaned.paragraphs
    assert [r["reason"] for r in cleaned.removed] == ["read-more"]
