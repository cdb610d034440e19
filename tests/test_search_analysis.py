"""Search finds what a reader types, against the real node: the headline and description analysed per language
like the text (an inflected or accent-free word found only in the headline), keyword filters that fold case and
accents (values shown as stored), `--site` with a declared site's name, highlights on stemmed matches, and facets
that count stories."""

import json

import pytest

from newsindex.cli import main

pytestmark = pytest.mark.es

BODY = ["The regional council met on Monday to discuss the transport budget for the coming year.",
        "Several members asked for more money to repair bridges in the northern valleys after the floods.",
        "A final vote is expected next month, once the finance committee has reviewed the proposals."]


def page(title: str, url: str, author: str, tags: list[str], body: list[str] = BODY, description: str = "") -> str:
    tag_links = "".join(f'<a rel="tag" href="/tag/{i}">{t}</a> ' for i, t in enumerate(tags))
    paragraphs = "".join(f"<p>{p}</p>" for p in body)
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="canonical" href="{url}"><meta name="author" content="{author}">{meta}</head><body>'
            f"<article><h1>{title}</h1>{paragraphs}<p class=\"tags\">{tag_links}</p></article></body></html>")


@pytest.fixture
def corpus(es_env, tmp_path, monkeypatch, capsys):
    sources = tmp_path / "sources.yaml"
    sources.write_text("sites:\n  Valle News:\n    start_urls: [https://valle.example/]\n"
                       "  Other Wire:\n    start_urls: [https://wire.example/]\n", encoding="utf-8")
    monkeypatch.setenv("NEWSINDEX_SOURCES", str(sources))
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "routes.html").write_text(page(
        "New bus routes open in the valley", "https://valle.example/2024/bus", "Lucía Romero", ["élevage", "Transport"],
        description="Schools welcome the timetables"), encoding="utf-8")
    (folder / "cafe.html").write_text(page(
        "Café owners protest parking fees", "https://www.wire.example/2024/cafe", "Tom Baker", ["Economy"],
        body=["Owners of small businesses gathered outside the town hall on Thursday morning with banners.",
              "They said the new parking fees would keep customers away from the old town centre.",
              "The mayor promised to review the charges at the next meeting of the council."]), encoding="utf-8")
    assert main(["ingest", str(folder)]) == 0
    capsys.readouterr()
    return es_env


def run_search(capsys, *args):
    assert main(["search", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def titles(result):
    return [h["title"] for h in result["hits"]]


def test_an_inflected_or_accent_free_word_only_in_the_headline_finds_the_article(corpus, capsys):
    for word in ("route", "valleys", "timetable"):  # headline, headline, description: not in the text as such
        result = run_search(capsys, word)
        assert titles(result) == ["New bus routes open in the valley"], word
    assert titles(run_search(capsys, "cafe")) == ["Café owners protest parking fees"]
    assert "protested" not in " ".join(BODY) and titles(run_search(capsys, "protested")) == [
        "Café owners protest parking fees"]


def test_a_stemmed_match_is_highlighted_in_the_headline_and_the_text(corpus, capsys):
    hit = run_search(capsys, "route")["hits"][0]
    assert hit["highlight"]["title"] == ["New bus <mark>routes</mark> open in the valley"]
    hit = run_search(capsys, "bridge")["hits"][0]  # the text says "bridges"
    assert any("<mark>bridges</mark>" in fragment for fragment in hit["highlight"]["text"])


def test_keyword_filters_fold_case_and_accents_and_show_values_as_stored(corpus, capsys):
    for flag, value in (("--tag", "elevage"), ("--tag", "ÉLEVAGE"), ("--author", "Lucia Romero"),
                        ("--author", "lucía romero"), ("--tag", "transport")):
        result = run_search(capsys, "*", flag, value)
        assert titles(result) == ["New bus routes open in the valley"], (flag, value)
    assert run_search(capsys, "*", "--author", "Lucia")["total"] == 0  # a whole value, not a word of it
    facets = run_search(capsys, "*")["facets"]
    assert {b["value"] for b in facets["author"]} == {"Lucía Romero", "Tom Baker"}
    assert {"élevage", "Transport"} <= {b["value"] for b in facets["tags"]}


def test_site_takes_a_declared_sites_name_or_a_hostname(corpus, capsys):
    for value in ("Valle News", "valle news", "valle.example", "VALLE.example"):
        assert titles(run_search(capsys, "*", "--site", value)) == ["New bus routes open in the valley"], value
    assert titles(run_search(capsys, "*", "--site", "Other Wire")) == ["Café owners protest parking fees"]
    assert run_search(capsys, "*", "--site", "Valle News", "--site", "Other Wire")["total"] == 2


def test_facets_count_stories(es_env, tmp_path, capsys):
    folder = tmp_path / "wire"
    folder.mkdir()
    story = "\n".join(["Harbour dredging begins", *BODY])
    for name in ("a", "b", "c"):  # one story, three copies
        (folder / f"{name}.txt").write_text(story, encoding="utf-8")
    (folder / "d.txt").write_text("\n".join(["Tram line approved", *[p.replace("council", "assembly").replace(
        "transport", "tram").replace("bridges", "stations") for p in BODY[:2]],
        "Opponents said the plan did not account for rising steel prices and asked for a review."]), encoding="utf-8")
    assert main(["ingest", str(folder)]) == 0
    capsys.readouterr()
    documents = run_search(capsys, "*")
    assert documents["facets"]["language"] == [{"value": "en", "count": 4}]
    stories = run_search(capsys, "*", "--count", "stories")
    assert stories["facets"]["language"] == [{"value": "en", "count": 2}] and stories["stories"] == 2
    assert main(["search", "*", "--count", "stories"]) == 0
    out = capsys.readouterr().out
    assert "Facets (stories)" in out and "en (2)" in out
