"""The story's headline and authors, reconciled from what a page states (pipelines/headline.py,
pipelines/authors.py), through the whole extraction stage."""

from __future__ import annotations

import pytest

from pipelines.authors import marked_authors, split_names
from pipelines.decode import DecodeStage
from pipelines.extract import ExtractStage
from pipelines.htmltree import parse_page

BODY = " ".join(["The council voted on the new budget after a long debate about schools and roads."] * 6)


def page(head: str = "", body_top: str = "", byline: str = "", url: str = "https://www.riverside-post.com/a/1",
         lang: str = "en") -> dict:
    html = (f"<html lang='{lang}'><head>{head}</head><body><header><a href='/'>Riverside Post</a></header>"
            f"<article>{body_top}{byline}<p>{BODY}</p><p>{BODY}</p></article></body></html>")
    item = {"source": url, "url": url, "body": html.encode(), "content_type": "text/html"}
    return ExtractStage().process(DecodeStage().process(item))


@pytest.mark.parametrize(("title", "site"), [
    ("Council passes the budget | Riverside Post", "Riverside Post"),
    ("Riverside Post – Council passes the budget", "Riverside Post"),
    ("Council passes the budget - RIVERSIDE POST", ""),  # the name as the address spells it
])
def test_the_site_name_comes_off_the_title(title, site):
    head = f"<title>{title}</title>" + (f"<meta property='og:site_name' content='{site}'>" if site else "")
    assert page(head)["title"] == "Council passes the budget"


def test_the_visible_headline_wins_over_a_different_meta_title():
    head = "<title>Budget vote: what it means | Riverside Post</title>"
    doc = page(head, body_top="<h1>Council passes the budget after a long night</h1>")
    assert doc["title"] == "Council passes the budget after a long night"


def test_of_several_h1s_the_one_the_meta_title_agrees_with():
    head = "<meta property='og:title' content='Council passes the budget'>"
    doc = page(head, body_top="<h1>Riverside Post</h1><h1>Council passes the budget</h1>")
    assert doc["title"] == "Council passes the budget"


def test_an_h1_with_a_trailing_date_gives_the_meta_title():
    head = "<meta property='og:title' content='Council passes the budget'>"
    doc = page(head, body_top="<h1>Council passes the budget Posted on July 1, 2024 by admin</h1>")
    assert doc["title"] == "Council passes the budget"


@pytest.mark.parametrize("subtitle", [": a room-by-room breakdown", " + how to start a podcast for $90!",
                                      " – 5 things to know before 2026"])
def test_a_subtitle_in_the_h1_stays(subtitle):
    """A subtitle stays even with a number in it; a trailing count ("(latimes.com) 87") or date does not."""
    head = "<meta property='og:title' content='House renovation costs'>"
    doc = page(head, body_top=f"<h1>House renovation costs{subtitle}</h1>")
    assert doc["title"] == f"House renovation costs{subtitle}"


def test_a_trailing_count_in_the_h1_goes():
    head = "<meta property='og:title' content='Council passes the budget'>"
    assert page(head, body_top="<h1>Council passes the budget (latimes.com) 87</h1>")["title"] == (
        "Council passes the budget")


def test_json_ld_names_the_people_not_the_publisher():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Council passes the budget", '
          '"author": [{"@type": "Person", "name": "Anna Petrova"}, {"@type": "Organization", "name": "Riverside '
          'Post"}], "publisher": {"@type": "Organization", "name": "Riverside Post"}}</script>')
    assert page(ld)["author"] == ["Anna Petrova"]


def test_meta_author_with_role_and_credentials():
    head = "<meta name='author' content='Dylan Bailey, MS, RD, FAND'>"
    assert page(head)["author"] == ["Dylan Bailey"]


@pytest.mark.parametrize(("line", "names"), [
    ("By Keith Barry Senior Autos Reporter", ["Keith Barry"]),
    ("Mayank Gupta, CEO of CaseBasix", ["Mayank Gupta"]),
    ("By Anna Petrova · Photos: John Smith", ["Anna Petrova"]),
    ("Reviewed by Ann Lee", []),
    ("Shelby Loos, DVM Reviewed by Molly Price", ["Shelby Loos"]),
    ("Genevieve Carlton, Ph.D.", ["Genevieve Carlton"]),
    ("Cazzy Magennis Last Updated August 1", ["Cazzy Magennis"]),
    ("Jordana Cepelewicz December 3, 2025", ["Jordana Cepelewicz"]),
    ("USA TODAY", ["USA TODAY"]),
    # every language the corpus has: labels, "and", month names as each language writes them
    ("Par Éric Lambert et Marie Dubois", ["Éric Lambert", "Marie Dubois"]),
    ("Por Óscar Ruiz y Ana Gil", ["Óscar Ruiz", "Ana Gil"]),
    ("Von Jürgen Weiß und Lena Hoff", ["Jürgen Weiß", "Lena Hoff"]),
    ("Di Giulia Rossi e Marco Bianchi", ["Giulia Rossi", "Marco Bianchi"]),
    ("Autor: Łukasz Wójcik i Anna Nowak", ["Łukasz Wójcik", "Anna Nowak"]),
    ("Por Deborah Di Maio", ["Deborah Di Maio"]),  # "maio" is May in Portuguese, but written in lower case
    ("Автор: Иван Петров", ["Иван Петров"]),
])
def test_author_strings_become_names(line, names):
    assert split_names(line) == names


def test_odd_metadata_never_stops_or_slows_an_article():
    """A title of a thousand segments and a JSON-LD block nested 50,000 deep: the article is still extracted
    (and the headline choice stays linear: no pairwise scan of huge meta strings)."""
    parts = " | ".join(f"part {i}" for i in range(1000))
    head = (f"<title>{parts}</title><meta property='og:title' content='{parts} x'>"
            f"<script type='application/ld+json'>{'[' * 50000}</script>")
    doc = page(head, body_top="<h1>Council passes the budget</h1>")
    assert doc["title"] == "Council passes the budget" and doc["paragraphs"]


# --- the publication date: a dateline by the headline (pipelines/datelines.py) ----------------------------------

DATED_URL = "https://www.riverside-post.com/2019/01/15/council-budget"  # the address says 15 January 2019


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "By Anna Reporter | 3 March 2024"),
    ("de", "Von Jonas Weber, 3. März 2024"),
    ("fr", "Par Éric Lambert, le 3 mars 2024"),
    ("es", "Por Lucía Romero, 3 de marzo de 2024"),
])
def test_a_dateline_by_the_headline_wins_over_the_address(lang, line):
    doc = page(body_top="<h1>Council passes the budget</h1>", byline=f"<div class='info'>{line}</div>",
               url=DATED_URL, lang=lang)
    assert doc["published"][:10] == "2024-03-03"


def test_a_declared_date_wins_over_the_dateline():
    head = "<meta property='article:published_time' content='2024-02-01T08:00:00Z'>"
    doc = page(head, body_top="<h1>Council passes the budget</h1>", byline="<div>3 March 2024</div>")
    assert doc["published"][:10] == "2024-02-01"


def test_a_date_far_below_the_headline_is_not_a_dateline():
    far = "<p>" + "The council met again. " * 30 + "</p><p>Minutes of 3 March 2024 are online.</p>"
    doc = page(body_top=f"<h1>Council passes the budget</h1>{far}", url=DATED_URL)
    assert doc["published"][:10] == "2019-01-15"


@pytest.mark.parametrize(("lang", "kicker"), [
    ("en", "<span>Politics</span><span>March 3, 2024</span><span>Updated: January 2, 2026</span>"),
    ("de", "<span>Politik</span><span>3. März 2024</span><span>Aktualisiert:</span><span>2. Januar 2026</span>"),
    ("fr", "<span>Politique</span><span>3 mars 2024</span><span>Mis à jour le 2 janvier 2026</span>"),
    ("it", "<span>Politica</span><span>3 marzo 2024</span><span>Aggiornato il 2 gennaio 2026</span>"),
])
def test_a_kicker_date_above_the_headline_and_not_its_update(lang, kicker):
    doc = page(body_top=f"<div class='kicker'>{kicker}</div><h1>Council passes the budget</h1>", url=DATED_URL,
               lang=lang)
    assert doc["published"][:10] == "2024-03-03"


@pytest.mark.parametrize(("lang", "line"), [
    ("en", "<span>Updated:</span> <span>March 3, 2024</span>"),
    ("de", "<span>Aktualisiert am 3. März 2024</span>"),
    ("es", "<span>Actualizado el 3 de marzo de 2024</span>"),
    ("fr", "<span>Mis à jour le 3 mars 2024</span>"),
])
def test_a_page_that_shows_only_its_update_date_is_dated_by_it(lang, line):
    doc = page(body_top=f"<h1>Council passes the budget</h1><div>{line}</div>", url=DATED_URL, lang=lang)
    assert doc["published"][:10] == "2024-03-03"


# --- authors from elements whose parts only CSS sets apart ----------------------------------------------------

@pytest.mark.parametrize(("lang", "label", "published"), [
    ("en", "By", "Published March 9, 2026"), ("de", "Von", "9. März 2026"),
    ("fr", "Par", "9 mars 2026"), ("es", "Por", "9 de marzo de 2026"),
])
def test_a_byline_in_adjacent_spans_is_the_name_alone(lang, label, published):
    byline = f"<div class='x1'><span>{label}</span><span>Daryl Austin</span><div>{published}</div></div>"
    doc = page(body_top="<h1>Council passes the budget</h1>", byline=byline, lang=lang)
    assert doc["author"] == ["Daryl Austin"]


@pytest.mark.parametrize("label", ["Authors:", "Autores:", "Autorzy:", "Author"])
def test_a_plural_authors_label_comes_off_the_names(label):
    assert split_names(f"{label} Julie Weisenhorn; Natalie Hoidal") == ["Julie Weisenhorn", "Natalie Hoidal"]


@pytest.mark.parametrize("placeholder", ["undefined", "Webmaster", "admin", "null"])
def test_a_cms_placeholder_is_nobody(placeholder):
    doc = page(f"<meta name='author' content='{placeholder}'>", body_top="<h1>Council passes the budget</h1>")
    assert doc["author"] == []


@pytest.mark.parametrize(("h1", "title"), [
    ("Council passes the budget | Opinion", "Council passes the budget"),
    ("Council passes the budget | Politik | Rhein Zeitung", "Council passes the budget"),
    ("Council passes the budget | What the new rules mean for schools and roads",
     "Council passes the budget | What the new rules mean for schools and roads"),  # a subtitle stays
])
def test_short_labels_a_pipe_hangs_on_the_headline_come_off(h1, title):
    assert page(body_top=f"<h1>{h1}</h1>")["title"] == title


@pytest.mark.parametrize(("body_top", "day"), [
    # a logo's empty <h1> before the headline's
    ("<h1><a href='/'><img src='logo.png'></a></h1><h1>Council passes the budget</h1><div>3 March 2024</div>",
     "2024-03-03"),
    # the date after a script inside the same element
    ("<h1>Council passes the budget</h1><div><script>var x = 1;</script>3 March 2024</div>", "2024-03-03"),
    # both dates on one line: the one before the update label
    ("<h1>Council passes the budget</h1><div>Published 3 March 2024, updated 4 March 2024</div>"
     "<figure><figcaption>The hall on 12 January 2023</figcaption></figure>", "2024-03-03"),
    # a kicker word that only begins like an update label ("Изменения климата": climate change)
    ("<div>Архив: 1 марта 2024</div><div>Изменения климата</div><div>3 марта 2024</div><h1>Совет принял бюджет</h1>",
     "2024-03-03"),
])
def test_the_dateline_on_awkward_pages(body_top, day):
    assert page(body_top=body_top, url=DATED_URL)["published"][:10] == day


@pytest.mark.parametrize(("lang", "label"), [
    ("en", "Written by"), ("de", "Geschrieben von"), ("fr", "Écrit par"), ("es", "Escrito por"), ("it", "Scritto da"),
])
def test_the_summary_cards_labelled_author(lang, label):
    """WordPress SEO plugins label the author in Twitter's card: twitter:labelN / twitter:dataN, any N."""
    head = ("<meta name='twitter:label1' content='Est. reading time'><meta name='twitter:data1' content='5 minutes'>"
            f"<meta name='twitter:label2' content='{label}'><meta name='twitter:data2' content='Nawaz Dhandala'>")
    assert page(head, body_top="<h1>Council passes the budget</h1>", lang=lang)["author"] == ["Nawaz Dhandala"]
    reading_time_only = head.split("<meta name='twitter:label2'")[0]
    assert page(reading_time_only, body_top="<h1>Council passes the budget</h1>", lang=lang)["author"] == []


@pytest.mark.parametrize(("lang", "label", "day"), [
    ("en", "By", "April 12, 2024"), ("de", "Von", "12. April 2024"), ("fr", "Par", "12 avril 2024"),
    ("pl", "Autor:", "12 kwietnia 2024"),
])
def test_a_byline_that_is_one_item_of_a_meta_line(lang, label, day):
    """<p class="meta"><span>By X</span><span>date</span></p> (here above the headline, where no dateline rule looks)
    reads "By X date" whole: the byline is its item;
    the bylines of related stories further down the page (other meta lines) are not the story's."""
    meta = (f"<p class='inline-list page-header__meta'><span><a href='/a'>{label} Daniel Renfrow</a></span>"
            f"<span>{day}</span></p>")
    related = "<div class='related'><p class='item__meta'><span>04/09/2024</span><span>By Geneva Diaz</span></p></div>"
    story = "".join(f"<p>{BODY}</p>" for _ in range(13))  # the related stories well below the headline
    doc = page(body_top=f"{meta}<h1>Council passes the budget</h1>{story}{related}", lang=lang)
    assert doc["author"] == ["Daniel Renfrow"]


@pytest.mark.parametrize(("line", "names"), [
    ("By Ben Applebaum-Bauch ⋅ Review Editor", ["Ben Applebaum-Bauch"]),
    ("Par Éric Lambert ⋅ Rédacteur", ["Éric Lambert"]),
    ("Von Jonas Weber ∙ Redakteur", ["Jonas Weber"]),
    ("Por Óscar Ruiz ∙ Lucía Romero", ["Óscar Ruiz", "Lucía Romero"]),
])
def test_a_typographic_dot_separates_names_and_roles(line, names):
    """The dot operator and the bullet operator (⋅ ∙) part a byline like the middle dot (·) does."""
    assert split_names(line) == names


@pytest.mark.parametrize("address", ["www.facebook.com/annapetrova", "https://twitter.com/annapetrova",
                                     "instagram.com/anna.petrova"])
def test_a_profile_address_is_not_an_author(address):
    assert split_names(f"{address}; Anna Petrova") == ["Anna Petrova"]


def test_a_spaced_slash_parts_two_names():
    assert split_names("Anna Petrova / Tom Baker") == ["Anna Petrova", "Tom Baker"]


@pytest.mark.parametrize(("h1", "title"), [
    ("Council passes<br>the budget", "Council passes the budget"),
    ("Le conseil vote<br/>le budget", "Le conseil vote le budget"),
    ("Der Rat<br> <span>beschließt den Haushalt</span>", "Der Rat beschließt den Haushalt"),
    ("El consejo<br>aprueba el presupuesto<!-- hero -->", "El consejo aprueba el presupuesto"),
])
def test_a_line_break_in_the_headline_reads_as_a_space(h1, title):
    assert page(body_top=f"<h1>{h1}</h1>")["title"] == title


@pytest.mark.parametrize("title", ["Investor’s guide to retirement", "Le café de l’été", "Straße über Köln"])
def test_a_headline_decoded_once_too_often_is_mended(title):
    """UTF-8 read as Latin-1 in the page's own source (its C1 control characters give it away)."""
    garbled = title.encode("utf-8").decode("latin-1")
    head = f"<meta property='og:title' content='{garbled}'>"
    assert page(head)["title"] == title


@pytest.mark.parametrize(("lang", "line", "day"), [
    ("en", "Published March 9, 2026", "2026-03-09"),
    ("fr", "Publié le 9 mars 2026", "2026-03-09"),
    ("de", "Veröffentlicht am 9. März 2026", "2026-03-09"),
    ("es", "Publicado el 9 de marzo de 2026", "2026-03-09"),
    ("en", "Published September 3, 2026", "2026-09-03"),  # the dateline agrees with the day-first reading
    ("en", "Published March 10, 2026", "2026-09-03"),  # another date altogether: the declared one stands
])
def test_a_declared_date_in_an_ambiguous_order_is_settled_by_the_dateline(lang, line, day):
    head = "<meta name='article:published_time' content='03-09-2026'>"  # month first, as a US site writes it
    doc = page(head, body_top="<h1>Council passes the budget</h1>", byline=f"<div class='info'>{line}</div>",
               lang=lang)
    assert doc["published"][:10] == day


@pytest.mark.parametrize(("lang", "label", "name", "extra"), [
    ("en", "By", "A. J. Neal", "View In Digital Edition"), ("it", "Di", "Marco Rossi", "Versione stampabile"),
    ("fr", "Par", "Éric Lambert", "Version imprimable"), ("es", "Por", "Óscar Ruiz", "Versión impresa"),
    ("en", "Written by", "Anna Reporter", "Print this page"),
])
def test_a_byline_by_the_headline_among_other_links(lang, label, name, extra):
    """The label, the name (a link to the writer's page) and another link in one line by the headline, no
    byline class: the line as a whole is no byline, its first text nodes are."""
    html = (f"<html lang='{lang}'><body><div class='hero'><h1>Council passes the budget</h1>"
            f"<p>{label} <a href='/contributor/x'>{name}</a> <a href='/print'>{extra}</a></p></div>"
            f"<main><p>{BODY}</p><p>{BODY}</p></main></body></html>")
    url = "https://www.riverside-post.com/a/1"
    doc = ExtractStage().process(DecodeStage().process({"source": url, "url": url, "body": html.encode(),
                                                        "content_type": "text/html"}))
    assert doc["author"] == [name]


@pytest.mark.parametrize("line", ["Von Braun Center opens its doors", "Di Maio resigns"])
def test_a_line_begun_by_a_name_particle_by_the_headline_names_nobody(line):
    assert page(body_top="<h1>Council passes the budget</h1>", byline=f"<p>{line}</p>", lang="en")["author"] == []


AMENDED = "<div class='updated-date'>This article was amended on 8 December 2025 to correct a name.</div>"


@pytest.mark.parametrize("head", [
    "<meta property='article:published_time' content='2025-12-05T11:00:22.000Z'>"
    "<meta property='article:modified_time' content='2025-12-08T15:40:43.000Z'>",
    "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \"Council passes the budget\","
    " \"datePublished\": \"2025-12-05T11:00:22.123+01:00\"}</script>",
])
def test_a_declared_timestamp_with_milliseconds_is_the_date(head):
    """trafilatura's dates throw away "…:22.000Z" (read as a price or phone number) and date the page by the
    amendment line in its text; the declared day is the publication's."""
    doc = page(head, body_top="<h1>Council passes the budget</h1>" + AMENDED)
    assert doc["published"][:10] == "2025-12-05"


def test_only_declared_timestamps_lose_their_fraction():
    from lxml import html

    from pipelines.datelines import mend_fractional_seconds

    tree = html.fromstring(
        "<html><head><meta name='price' content='3.000 EUR'><meta name='date' content='2024-01-02T03:04:05,5Z'>"
        "<script type='application/ld+json'>{\"headline\": \"At 10:00:00.5 sharp\", "
        "\"dateModified\": \"2024-01-03T03:04:05.600-05:00\"}</script></head>"
        "<body><time datetime='2024-02-02T10:10:10.10'>2 February</time></body></html>")
    assert mend_fractional_seconds(tree) == 3
    assert tree.xpath("//meta/@content") == ["3.000 EUR", "2024-01-02T03:04:05Z"]
    assert tree.xpath("//time/@datetime") == ["2024-02-02T10:10:10"]
    script = tree.xpath("//script/text()")[0]
    assert "10:00:00.5 sharp" in script and '"2024-01-03T03:04:05-05:00"' in script


@pytest.mark.parametrize(("head", "h1", "title"), [
    # the site's short name as one word of the headline: still the headline
    ("<meta property='og:site_name' content='SELF'><meta property='og:title' content='The Best Oral Care Products'>",
     "<h1>The 2024 SELF Healthy Beauty Awards: The Best Oral Care Products</h1>",
     "The 2024 SELF Healthy Beauty Awards: The Best Oral Care Products"),
    ("<title>SELF | Why self care matters more in winter</title>", "", "Why self care matters more in winter"),
    ("<title>Why self care matters more in winter | SELF Magazine</title>", "", "Why self care matters more in winter"),
])
def test_a_headline_using_the_sites_name_as_a_word_keeps_it(head, h1, title):
    assert page(head, body_top=h1, url="https://www.self.com/story/oral-care")["title"] == title


# --- a name only the markup marks as the author's ---------------------------------------------------------------

@pytest.mark.parametrize(("byline", "name"), [
    ("<div class='video-post_author-name'>Joakim Edin</div>", "Joakim Edin"),
    ("<a href='/blog/authors/emmanuel-oyibo'><span>Emmanuel Oyibo</span></a>", "Emmanuel Oyibo"),
    ("<a href='/autores/lucia-munoz/'>Lucía Muñoz</a>", "Lucía Muñoz"),  # the address folds the accents
    ("<a rel='author' href='/p/1234'>Jonas Hartmann</a>", "Jonas Hartmann"),
])
def test_a_name_the_markup_marks_as_the_authors(byline, name):
    doc = page(body_top="<h1>Council passes the budget</h1>", byline=byline)
    assert doc["author"] == [name]


def test_marked_names_of_several_people_name_nobody():
    related = "".join(f"<li><a href='/authors/{slug}'>{name}</a></li>"
                      for slug, name in (("ann-lee", "Ann Lee"), ("bo-chen", "Bo Chen")))
    assert marked_authors(parse_page(f"<html><body><ul>{related}</ul></body></html>")) == []


@pytest.mark.parametrize("text", ["Written By", "Riverside Post", "Read the full story", "Ann Lee and Bo Chen"])
def test_a_marked_label_site_name_or_phrase_is_no_author(text):
    tree = parse_page(f"<html><body><span class='author-name'>{text}</span></body></html>")
    assert marked_authors(tree, ["Riverside Post"]) == []


@pytest.mark.parametrize(("line", "names"), [
    ("The Currency editors", ["The Currency editors"]),
    ("Great Day Editorial Team", ["Great Day Editorial Team"]),
    ("Redazione Gazzetta Levante", ["Redazione Gazzetta Levante"]),
    ("Keith Barry Senior Autos Reporter", ["Keith Barry"]),  # a person and a role: the person
])
def test_a_group_that_signs_keeps_its_name(line, names):
    assert split_names(line) == names
