"""Boilerplate signals beyond phrases (pipelines/signals.py), each on its own, then together in the cleaning
rules, on pages written for these tests in English, Russian, German, French and Spanish."""

from __future__ import annotations

from pipelines.cleaning import clean_paragraphs
from pipelines.extract import extract_html
from pipelines.signals import PageSignals, Topic


def page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


# --- each signal on its own -------------------------------------------------------------------------------


def test_link_share_of_a_block():
    signals = PageSignals(page(
        "<article><p>The council voted on the <a href='/b'>budget</a> late on Tuesday night.</p>"
        "<p><a href='/x'>Ten bridges that changed how we travel</a></p></article>"))
    prose = signals.of("The council voted on the budget late on Tuesday night.")
    link = signals.of("Ten bridges that changed how we travel")
    assert prose is not None and 0 < prose.link_share < 0.3
    assert link is not None and link.link_share == 1.0
    assert signals.of("A line that is not on the page") is None


def test_furniture_container_and_the_article_container():
    signals = PageSignals(page(
        "<div class='newsletter-box'><p>Get our morning briefing.</p></div>"
        "<aside><p>Most read this week</p></aside>"
        "<div class='entry-content entry-content-read-more'><p>The river rose by two metres.</p></div>"
        "<div class='sidebar'><p>Weather for the weekend</p></div>"
        "<ul class='latest-news-box'><li>Rams top Bears as offenses struggle</li></ul>"))
    assert signals.of("Get our morning briefing.").container == "newsletter"
    assert signals.of("Rams top Bears as offenses struggle").container == "latest"  # a "Latest" list
    assert signals.of("Most read this week").container == "aside"
    # the article's own container wins over a furniture-like word in its class; a bare "sidebar" is no signal
    assert signals.of("The river rose by two metres.").container is None
    assert signals.of("Weather for the weekend").container is None


def test_heading_signal():
    signals = PageSignals(page("<h2><a href='#s'>Der Hafen im Winter</a></h2><p>Der Hafen liegt still.</p>"))
    assert signals.of("Der Hafen im Winter").heading
    assert not signals.of("Der Hafen liegt still.").heading


def test_topic_overlap_across_languages():
    story = "Река вышла из берегов. Жители города готовят мешки с песком у реки."
    lines = [story, "Жители города ждут, когда река отступит от берегов.",
             "Подпишитесь на нашу рассылку и получайте скидки.", "и в на"]
    topic = Topic(lines, title=None)
    assert topic.overlap(1) >= 0.5
    assert topic.overlap(2) == 0.0
    assert topic.overlap(3) is None  # no content word: no judgement


def test_unparseable_page_gives_no_signal():
    assert PageSignals("").of("anything") is None


# --- the rules that use them ------------------------------------------------------------------------------

STORY_EN = [
    "The city council approved the new harbour bridge on Tuesday after a long debate.",
    "Engineers say the bridge will carry trains and cyclists across the harbour by 2027.",
    "Residents near the harbour asked the council for quieter construction at night.",
]


def test_related_links_at_the_tail_go_and_links_in_the_story_stay():
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in STORY_EN)
                + "<p>The <a href='/plan'>full plan for the harbour bridge</a> is online.</p>"
                + "<ul><li><a href='/a'>Celebrity chef opens third restaurant</a></li>"
                + "<li><a href='/b'>Ten gadgets for your kitchen</a></li></ul></article>")
    lines = [*STORY_EN, "The full plan for the harbour bridge is online.", "Celebrity chef opens third restaurant",
             "Ten gadgets for your kitchen"]
    cleaned = clean_paragraphs(lines, title="Council approves harbour bridge", page=PageSignals(html))
    assert cleaned.paragraphs == [*STORY_EN, "The full plan for the harbour bridge is online."]
    removed = {r["text"]: r for r in cleaned.removed}
    assert removed["Ten gadgets for your kitchen"]["reason"] == "related-links"
    assert removed["Ten gadgets for your kitchen"]["signals"]["link_share"] == 1.0
    assert 0 < removed["Ten gadgets for your kitchen"]["score"] <= 1


def test_same_links_on_topic_without_a_run_stay():
    """A last line that is a link about the story itself (no furniture before it) is the story's."""
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in STORY_EN)
                + "<p><a href='/v'>Watch the video of the harbour bridge council vote here</a></p></article>")
    lines = [*STORY_EN, "Watch the video of the harbour bridge council vote here"]
    cleaned = clean_paragraphs(lines, title="Council approves harbour bridge", page=PageSignals(html))
    assert cleaned.paragraphs == lines


STORY_DE = [
    "Der Stadtrat hat am Dienstag den Neubau der Hafenbrücke beschlossen.",
    "Die Brücke soll ab 2027 Züge und Radfahrer über den Hafen tragen.",
    "Anwohner am Hafen forderten leisere Bauarbeiten in der Nacht.",
]


def test_own_heading_at_the_tail_stays():
    """A short non-sentence at the end is furniture by position — unless the page shows it is the article's own
    heading on its topic (then it is a section, kept)."""
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in STORY_DE) + "<h3>Bauarbeiten am Hafen</h3></article>")
    lines = [*STORY_DE, "Bauarbeiten am Hafen"]
    assert clean_paragraphs(lines, title="Hafenbrücke beschlossen", page=PageSignals(html)).paragraphs == lines
    # the same line as plain text (no page): the position rule takes it
    assert clean_paragraphs(lines, title="Hafenbrücke beschlossen").paragraphs == STORY_DE


STORY_FR = [
    "Le conseil municipal a approuvé mardi la construction du nouveau pont du port.",
    "Selon les ingénieurs, le pont portera des trains et des cyclistes dès 2027.",
    "Les riverains du port demandent des travaux plus silencieux la nuit.",
]


def test_furniture_container_needs_a_second_signal():
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in STORY_FR[:2])
                + "<div class='promo-newsletter'><p>Recevez chaque matin nos meilleures recettes de cuisine.</p></div>"
                + "<div class='promo-story'><p>Le pont du port sera éclairé la nuit, précisent les ingénieurs.</p>"
                + f"</div><p>{STORY_FR[2]}</p></article>")
    lines = [*STORY_FR[:2], "Recevez chaque matin nos meilleures recettes de cuisine.",
             "Le pont du port sera éclairé la nuit, précisent les ingénieurs.", STORY_FR[2]]
    cleaned = clean_paragraphs(lines, title="Le nouveau pont du port", page=PageSignals(html))
    assert "Recevez chaque matin nos meilleures recettes de cuisine." not in cleaned.paragraphs
    entry = next(r for r in cleaned.removed if r["reason"] == "furniture-container")
    assert entry["signals"]["container"] == "promo" and entry["signals"]["topic_overlap"] == 0.0
    # in a promo-classed box too, but on the article's topic: no second signal, kept
    assert "Le pont du port sera éclairé la nuit, précisent les ingénieurs." in cleaned.paragraphs


STORY_RU = [
    "Городской совет во вторник одобрил строительство нового моста через порт.",
    "По словам инженеров, мост будет пропускать поезда и велосипедистов с 2027 года.",
    "Жители районов у порта просят совет проводить стройку ночью тише.",
    "Стоимость моста совет оценивает в два миллиарда рублей.",
]


def test_off_topic_appeal_in_the_middle_goes_on_topic_ask_stays():
    # none of the lexicon's phrase rules fire on it (one ask in a long paragraph); the signals do
    appeal = ("Каждый месяц мы тратим на репортажи больше, чем зарабатываем, и честно говорим об этом читателям: "
              "пожертвуйте нам сколько сможете, и вы сохраните нашу маленькую редакцию ещё на год.")
    lines = [*STORY_RU[:2], appeal, *STORY_RU[2:]]
    cleaned = clean_paragraphs(lines, title="Совет одобрил новый мост")
    assert cleaned.paragraphs == STORY_RU
    entry = next(r for r in cleaned.removed if r["text"] == appeal)
    assert entry["reason"] == "donate" and entry["signals"]["reader_appeal"] is True
    assert entry["signals"]["topic_overlap"] <= 0.2


def test_de_off_topic_appeal_in_the_middle():
    appeal = ("Unsere Reporter arbeiten ohne Verlag im Rücken: Spenden Sie heute einen kleinen Betrag, damit wir "
              "unabhängig bleiben und Sie weiter lesen können, was andere verschweigen.")
    cleaned = clean_paragraphs([STORY_DE[0], appeal, *STORY_DE[1:]], title="Hafenbrücke beschlossen")
    assert cleaned.paragraphs == STORY_DE
    assert cleaned.removed[0]["signals"] == {"reader_appeal": True, "topic_overlap": 0.0}


def test_on_topic_ask_in_the_story_stays():
    quote = ("Organisers told residents: you can donate to the harbour bridge fund, and we will name a "
             "bridge railing after every donor.")
    lines = [*STORY_EN[:2], quote, STORY_EN[2]]
    assert clean_paragraphs(lines, title="Council approves harbour bridge").paragraphs == lines


def test_es_tail_link_list_after_furniture():
    story = ["El ayuntamiento aprobó el martes el nuevo puente del puerto tras un largo debate.",
             "Los ingenieros dicen que el puente llevará trenes y ciclistas a partir de 2027."]
    html = page("<article>" + "".join(f"<p>{p}</p>" for p in story) + "<p>Compartir</p>"
                + "<p><a href='/1'>Los diez mejores destinos de playa</a></p></article>")
    lines = [*story, "Compartir", "Los diez mejores destinos de playa"]
    cleaned = clean_paragraphs(lines, title="Nuevo puente del puerto", page=PageSignals(html))
    assert cleaned.paragraphs == story
    assert {r["reason"] for r in cleaned.removed} == {"share", "related-links"}


# --- nothing lost when the rules would leave nothing ------------------------------------------------------


def test_position_rules_never_empty_a_page():
    html = page("<div><p>12 Secs</p><p>Loading</p></div>")
    doc = extract_html(html, None)
    assert doc["paragraphs"], doc["removed"]
    assert all(r["kept_anyway"] for r in doc["removed"] if r["text"] in doc["paragraphs"])


def test_a_page_of_menu_words_is_no_article():
    """A lexicon hit ("Home") is furniture anywhere: such a page keeps nothing (the stage reports it)."""
    assert extract_html(page("<nav><a href='/'>Home</a></nav>"), None)["paragraphs"] == []


def test_one_parse_feeds_trafilatura_the_signals_and_the_visible_metadata(monkeypatch):
    """The page is parsed once: trafilatura gets our tree, and the signals and the byline/tag read use it."""
    import trafilatura.utils
    from lxml import html as lxml_html

    import pipelines.extract as extract

    loads, parses = [], []
    real_load, real_parse = trafilatura.utils.load_html, lxml_html.document_fromstring

    def counting_load(html, *args, **kwargs):
        if isinstance(html, str):  # a tree handed over is not a load
            loads.append(len(html))
        return real_load(html, *args, **kwargs)

    def counting_parse(text, *args, **kwargs):
        parses.append(text)  # trafilatura's fallback extractors parse their own serialisations: not the page
        return real_parse(text, *args, **kwargs)

    monkeypatch.setattr(trafilatura, "load_html", counting_load)  # the public name extract_html calls
    monkeypatch.setattr(trafilatura.utils, "load_html", counting_load)
    monkeypatch.setattr(trafilatura.core, "load_html", counting_load)
    monkeypatch.setattr(lxml_html, "document_fromstring", counting_parse)
    html = page("<article><p class='meta'>By Anna Petrova | 14 June 2023</p>"
                + "".join(f"<p>{p}</p>" for p in STORY_EN)
                + "<p>Share</p><p><a href='/a'>Celebrity chef opens third restaurant in the old market hall</a>"
                + " (video)</p></article>")
    doc = extract.extract_html(html, "https://news.example/bridge")
    # one parse of the page (pipelines.htmltree: trafilatura's options), and trafilatura is handed the tree
    assert loads == [] and parses.count(html) == 1
    assert doc["paragraphs"] == STORY_EN and doc["author"] == ["Anna Petrova"]
    assert any(r["reason"] == "related-links" for r in doc["removed"])  # the signals read the shared tree


def test_explain_shows_signals_and_what_was_kept_anyway():
    from newsindex.ingest import explain

    doc = {"source": "a.html", "paragraphs": ["1", "Secs"], "removed": [
        {"text": "Ten gadgets for your kitchen", "reason": "related-links",
         "signals": {"link_share": 1.0, "position": "tail"}, "score": 1.0},
        {"text": "Secs", "reason": "trailing-furniture", "kept_anyway": "the page has no other text"}]}
    view = explain(doc).splitlines()
    assert "  DROP  [related-links score 1.0: link_share=1.0, position=tail] Ten gadgets for your kitchen" in view
    assert "  HELD  [trailing-furniture] Secs (kept anyway: the page has no other text)" in view
