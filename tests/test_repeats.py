"""In-document repeats that are boilerplate (pipelines/repeats.py): the text extracted a second time from a
hidden copy on the page, and a teaser cut from a paragraph above — on pages written for these tests in
English, German, Russian, Spanish and French; and the repeats that are content, which stay."""

from __future__ import annotations

import pytest

from pipelines.cleaning import clean_paragraphs
from pipelines.extract import extract_html
from pipelines.signals import PageSignals

STORIES = {
    "en": ["The city council approved the new budget on Tuesday after a debate that lasted late into the night.",
           "Spending on public transport rises by a fifth, paid for by a higher tourist tax and fewer car parks.",
           "The opposition said the plan leaves the suburbs behind and promised to put it to a vote next spring.",
           "Work on the first two tram lines is due to start in March and to finish before the end of next year."],
    "de": ["Der Stadtrat hat am Dienstag nach einer langen Debatte bis "
           "spät in die Nacht den neuen Haushalt beschlossen.",
           "Die Ausgaben für den Nahverkehr steigen um ein Fünftel, "
           "bezahlt durch eine höhere Kurtaxe und weniger Parkplätze.",
           "Die Opposition kritisierte, der Plan lasse die Vororte "
           "zurück, und kündigte für den Frühling eine Abstimmung an.",
           "Die Arbeiten an den ersten beiden Straßenbahnlinien sollen "
           "im März beginnen und bis Ende nächsten Jahres dauern."],
    "ru": ["Городской совет во вторник утвердил новый бюджет после "
           "долгих споров, которые продолжались до поздней ночи.",
           "Расходы на общественный транспорт вырастут на пятую часть "
           "за счёт более высокого туристического сбора и парковок.",
           "Оппозиция заявила, что план забывает о пригородах, и "
           "пообещала вынести его на голосование будущей весной.",
           "Работы на первых двух трамвайных линиях начнутся в марте и должны завершиться до конца следующего года."],
    "es": ["El ayuntamiento aprobó el martes el nuevo presupuesto tras "
           "un debate que se prolongó hasta bien entrada la noche.",
           "El gasto en transporte público crece una quinta parte, "
           "pagado con una tasa turística más alta y menos aparcamientos.",
           "La oposición dijo que el plan olvida a los barrios de la "
           "periferia y prometió someterlo a votación en primavera.",
           "Las obras de las dos primeras líneas de tranvía empezarán "
           "en marzo y deben terminar antes del final del año próximo."],
    "fr": ["Le conseil municipal a adopté mardi le nouveau budget après un débat qui a duré tard dans la nuit.",
           "Les dépenses de transport public augmentent d'un cinquième, "
           "financées par une taxe de séjour plus élevée.",
           "L'opposition estime que le plan oublie les quartiers "
           "périphériques et promet un vote au printemps prochain.",
           "Les travaux des deux premières lignes de tramway "
           "commenceront en mars et dureront jusqu'à la fin de l'année."],
}


def page(body: str, title: str = "Budget") -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def paragraphs_html(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_hidden_copy_signal():
    story = STORIES["en"]
    for hidden in ("<div style='display: none'>{}</div>", "<div hidden>{}</div>", "<div class='tab hidden'>{}</div>",
                   "<section style='visibility:hidden'><div>{}</div></section>"):
        signals = PageSignals(page(paragraphs_html(story[:2]) + hidden.format(paragraphs_html(story[2:]))))
        assert not signals.hidden_copy(story[0]), hidden
        assert signals.hidden_copy(story[2]) and signals.hidden_copy(story[3]), hidden
    # text for screen readers is read aloud; a class that merely contains the word is no utility class; and
    # "d-none d-md-block" shows from tablets up
    shown = PageSignals(page(f"<div class='visually-hidden'><p>{story[0]}</p></div>"
                             f"<div class='hidden-gems'><p>{story[1]}</p></div>"
                             f"<div class='d-none d-md-block'><p>{story[2]}</p></div>"))
    assert not any(shown.hidden_copy(line) for line in story[:3])
    assert not PageSignals("").hidden_copy(story[0])


@pytest.mark.parametrize("lang", STORIES)
def test_text_extracted_again_from_a_hidden_copy_goes_once(lang):
    story = STORIES[lang]
    html = page(f"<article><h1>Headline</h1>{paragraphs_html(story)}"
                f"<div hidden>{paragraphs_html(story)}</div></article>")
    result = extract_html(html, "https://example.org/news/1")
    assert result["paragraphs"] == story
    copies = [r for r in result["removed"] if r["reason"] == "duplicate-block"]
    assert [r["text"] for r in copies] == story
    assert all(r["signals"] == {"hidden_copy": True, "repeated_run": "4 paragraphs"} for r in copies)
    # the copy is not "text the rules would remove": nothing was restored wholesale
    assert not any(r.get("kept_anyway") for r in result["removed"])


@pytest.mark.parametrize("lang", STORIES)
def test_a_copy_the_reader_sees_stays(lang):
    """A page that prints its story twice, both visible: the reader sees both, and so does the index."""
    story = STORIES[lang]
    cleaned = clean_paragraphs(story + story, page=PageSignals(page(paragraphs_html(story) * 2)))
    assert not [r for r in cleaned.removed if r["reason"] == "duplicate-block"]
    # only the lede's word-for-word repeat goes (its first two paragraphs), as on any page
    assert cleaned.paragraphs == story + story[2:], cleaned.removed


def test_repeated_plan_rows_stay_even_with_a_hidden_print_version():
    """A week's plan repeats its rows ("Meal 1", the same breakfast every day): short lines break the run, so
    even a hidden print version of the plan takes nothing out."""
    day = ["Meal 1", "Oat porridge with one cup of blueberries, a spoon of nut butter and a glass of milk",
           "Meal 2", "Grilled chicken with half a cup of rice, green beans and a spoon of olive oil on top"]
    plan = ["Three days of meals for the first week, the same two each day while the body gets used to it.",
            "Day 1", *day, "Day 2", *day, "Day 3", *day]
    html = page(paragraphs_html(plan) + f"<div style='display:none'>{paragraphs_html(plan)}</div>")
    cleaned = clean_paragraphs(plan, page=PageSignals(html))
    assert cleaned.paragraphs == plan, cleaned.removed


@pytest.mark.parametrize("lang, lede, teaser", [
    ("en", "Good morning! This is the tech news you need to know this Tuesday, from chips to phones.",
     "Good morning! This is the tech news you need to..."),
    ("ru", "Доброе утро! Вот главные новости технологий, которые нужно знать в этот вторник, от чипов до телефонов.",
     "Доброе утро! Вот главные новости технологий, которые нужно…"),
    ("fr", "Bonjour ! Voici les nouvelles de la tech à connaître ce mardi, des puces aux téléphones et aux réseaux.",
     "Bonjour ! Voici les nouvelles de la tech à connaître ce..."),
])
def test_a_teaser_cut_from_a_paragraph_above_goes(lang, lede, teaser):
    body = STORIES[lang][:2]
    cleaned = clean_paragraphs([lede, *body, teaser])
    assert cleaned.paragraphs == [lede, *body]
    assert cleaned.removed[0]["reason"] == "near-duplicate-paragraph"
    # a line that trails off on its own words, or repeats a paragraph's start without being cut, stays
    own = "And then the lights went out, and nobody in the room said a word…"
    assert clean_paragraphs([lede, *body, own]).paragraphs == [lede, *body, own]


@pytest.mark.parametrize("lang, credit", [("en", "Reporting by Helen Carter; Editing by Mark Pike"),
                                          ("ru", "При участии Марии Соколовой")])
def test_a_hidden_copy_after_the_article_does_not_hide_its_end(lang, credit):
    """The copy is marked before the position rules look for the article's end: the credit line that ends
    the article is still at the tail."""
    story = STORIES[lang]
    html = page(f"<article><h1>Headline</h1>{paragraphs_html(story)}<p>{credit}</p>"
                f"<div hidden>{paragraphs_html(story)}</div></article>")
    result = extract_html(html, "https://example.org/news/2")
    assert result["paragraphs"] == story
    assert [r["reason"] for r in result["removed"] if r["text"] == credit] == ["credits"]


def test_a_hidden_copy_takes_its_table_rows_and_subheadings_along():
    """The prose run finds the copy; the short lines that repeat in step with it (a subheading, the rows of
    the story's table — cells written without spaces between them) are the copy's too."""
    story = STORIES["de"]
    table = ("<table><tr><td>Linie</td><td>Haltestellen</td><td>Eröffnung</td></tr>"
             "<tr><td>Nord</td><td>14</td><td>2027</td></tr><tr><td>Hafen</td><td>9</td><td>2028</td></tr></table>")
    body = f"{paragraphs_html(story[:1])}<h2>Was der Plan kostet</h2>{paragraphs_html(story[1:])}{table}"
    result = extract_html(page(f"<article><h1>Headline</h1>{body}<div hidden>{body}</div></article>"),
                          "https://example.org/news/3")
    rows = ["Linie | Haltestellen | Eröffnung", "Nord | 14 | 2027", "Hafen | 9 | 2028"]
    text = [story[0], "Was der Plan kostet", *story[1:], *rows]
    assert result["paragraphs"] == text
    assert [r["text"] for r in result["removed"] if r["reason"] == "duplicate-block"] == text
