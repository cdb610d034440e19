"""A page in each language, through decoding and extraction: its read-more line, byline and reader appeal go (the
byline into ``author``), every story paragraph stays. The words come from the language's lexicon file."""

from __future__ import annotations

import pytest

from pipelines.decode import DecodeStage
from pipelines.extract import ExtractStage

PAGES = {
    "pl": {
        "title": "Rada miasta przyjęła budżet na przyszły rok",
        "story": [
            "Rada miasta w Lublinie przyjęła we wtorek budżet na przyszły rok po wielogodzinnej debacie radnych.",
            "Najwięcej pieniędzy trafi na remonty szkół oraz budowę nowej linii tramwajowej na północy miasta.",
            "Radni opozycji krytykowali wysokie koszty obsługi długu i domagali się zmian w planie inwestycji.",
            "Prezydent miasta zapowiedział, że pierwsze przetargi na remonty zostaną ogłoszone jeszcze zimą.",
            "Mieszkańcy mogli wcześniej zgłaszać swoje pomysły w ramach budżetu obywatelskiego na kolejny rok.",
            "Głosowanie zakończyło się późnym wieczorem, a uchwała wejdzie w życie od pierwszego stycznia.",
        ],
        "read_more": "Czytaj także: Tramwaj na Czechów coraz bliżej",
        "byline": "Autorka: Anna Kowalska",
        "author": "Anna Kowalska",
        "appeal": "Niezależne dziennikarstwo lokalne kosztuje. Jeśli cenisz nasze teksty, wesprzyj nas dowolną "
                  "kwotą – twoje wsparcie pozwala nam pisać o sprawach miasta.",
    },
    "pt": {
        "title": "Câmara aprova orçamento para o próximo ano",
        "story": [
            "A Câmara Municipal de Coimbra aprovou na terça-feira o orçamento para o próximo ano após longo debate.",
            "A maior parte das verbas será destinada à reabilitação de escolas e a uma nova linha de autocarros.",
            "Os vereadores da oposição criticaram o peso da dívida e pediram alterações ao plano de investimentos.",
            "O presidente da câmara anunciou que os primeiros concursos para as obras serão lançados no inverno.",
            "Os moradores puderam apresentar propostas no âmbito do orçamento participativo do município.",
            "A votação terminou ao fim da noite e o documento entra em vigor no primeiro dia de janeiro.",
        ],
        "read_more": "Leia também: Nova ponte sobre o Mondego avança",
        "byline": "Por João Silva",
        "author": "João Silva",
        "appeal": "O jornalismo independente precisa de você. Se gosta do nosso trabalho, faça uma doação e "
                  "apoie o nosso jornalismo local.",
    },
    "de": {
        "title": "Stadtrat beschließt Haushalt für das kommende Jahr",
        "story": [
            "Der Stadtrat von Freiburg hat am Dienstag nach langer Debatte den Haushalt beschlossen.",
            "Der größte Teil des Geldes fließt in die Sanierung von Schulen und in eine neue Straßenbahnlinie.",
            "Die Opposition kritisierte die hohen Zinskosten und forderte Änderungen am Investitionsplan der Stadt.",
            "Der Oberbürgermeister kündigte an, dass die ersten Ausschreibungen für die Sanierungen im Winter folgen.",
            "Bürgerinnen und Bürger konnten vorab eigene Vorschläge für den Bürgerhaushalt des Jahres einreichen.",
            "Die Abstimmung endete am späten Abend, der Beschluss gilt ab dem ersten Januar des neuen Jahres.",
        ],
        "read_more": "Lesen Sie auch: Neue Straßenbahn nach Zähringen kommt voran",
        "byline": "Von Anna Schmidt",
        "author": "Anna Schmidt",
        "appeal": "Unabhängigen Journalismus gibt es nicht umsonst. Wenn Ihnen unsere Berichte gefallen, "
                  "unterstützen Sie uns mit einem Beitrag – jetzt spenden.",
    },
    "fr": {
        "title": "Le conseil municipal adopte le budget de l'année prochaine",
        "story": [
            "Le conseil municipal de Nantes a adopté mardi le budget de l'année prochaine après un long débat.",
            "L'essentiel des crédits ira à la rénovation des écoles et à une nouvelle ligne de tramway au nord.",
            "L'opposition a critiqué le poids de la dette et réclamé des changements au plan d'investissement.",
            "La maire a annoncé que les premiers appels d'offres pour les travaux seront lancés cet hiver.",
            "Les habitants avaient pu proposer leurs idées dans le cadre du budget participatif de la ville.",
            "Le vote s'est achevé tard dans la soirée et la délibération entrera en vigueur le premier janvier.",
        ],
        "read_more": "Lire aussi : Le nouveau pont sur la Loire avance",
        "byline": "Par Éric Lambert",
        "author": "Éric Lambert",
        "appeal": "Le journalisme indépendant a un coût. Si vous appréciez nos articles, soutenez-nous : "
                  "faire un don, même modeste, nous permet de continuer.",
    },
}


def _page(lang: str, case: dict) -> dict:
    story = "".join(f"<p>{p}</p>" for p in case["story"][:3]) + f"<p>{case['read_more']}</p>" + "".join(
        f"<p>{p}</p>" for p in case["story"][3:])
    html = (f"<html lang='{lang}'><head><title>{case['title']}</title></head><body>"
            f"<header><a href='/'>Gazeta</a></header><article><h1>{case['title']}</h1>"
            f"<p>{case['byline']}</p>{story}<p>{case['appeal']}</p></article></body></html>")
    url = f"https://www.example-{lang}.net/a/1"
    item = {"source": url, "url": url, "body": html.encode(), "content_type": "text/html"}
    return ExtractStage().process(DecodeStage().process(item))


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_a_page_loses_its_read_more_byline_and_appeal_and_keeps_its_story(lang):
    case = PAGES[lang]
    doc = _page(lang, case)
    assert doc["paragraphs"] == case["story"]
    reasons = {r["text"]: r["reason"] for r in doc["removed"]}
    assert reasons[case["read_more"]] == "read-more"
    assert reasons[case["byline"]] == "byline"
    assert reasons[case["appeal"]] == "donate"
    assert doc["author"] == [case["author"]]
