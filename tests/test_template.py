"""Site templates learned from a site's own pages (pipelines.template, pipelines.template_store): the learning on
its own, its verdicts through the stages, the guard, and the revision check that finds documents cleaned before
their site's template was known."""

import random

import pytest

from pipelines.dedupe import SiteBoilerplateStage
from pipelines.runner import build_stages, run_batch
from pipelines.template import Line, Region, TemplateConfig, is_template, judge
from pipelines.template_store import SqliteTemplateStore, template_store
from pipelines.textmeta import word_count

NOUNS = ("harbour council ferry tariff bridge vineyard strike museum drought reservoir orchestra tramway "
         "glacier hospital election refinery").split()
APPEALS = {
    "en": ["Keep our newsroom independent: join the 20,000 readers who pay for what they read each month.",
           "Journalism like this costs money. Readers like you keep it free for everyone, every single day.",
           "Become a member from three euros a month and get our morning briefing before anyone else does."],
    "pl": ["Dziennikarstwo takie jak to kosztuje. Czytelnicy tacy jak ty sprawiają, że jest dostępne dla wszystkich.",
           "Zostań członkiem naszej redakcji już od dziesięciu złotych miesięcznie i czytaj poranny przegląd.",
           "Dołącz do dwudziestu tysięcy czytelników, którzy co miesiąc płacą za niezależne dziennikarstwo."],
}
HEADINGS = {"en": "Before you go", "pl": "Zanim wyjdziesz"}
BUTTONS = {"en": "Become a member", "pl": "Dołącz teraz"}


def story(rng: random.Random, number: int, paragraphs: int = 5, words: int = 22) -> list[str]:
    """Paragraphs that occur on no other page (each names its page and its place)."""
    return [f"The {rng.choice(NOUNS)} report number {number}.{p} found that "
            + " ".join(rng.choice(NOUNS) for _ in range(words)) + f" in district {number * 10 + p}."
            for p in range(paragraphs)]


def page(number: int, language: str = "en", paragraphs: int = 5, seed: int = 0,
         site: str = "paper.example", words: int = 22) -> tuple[dict, list[str], list[str]]:
    """An article page of one CMS: the appeal box injected after the third paragraph (a rotating variant),
    a latest list in the sidebar. (raw item, story paragraphs, appeal texts)."""
    rng = random.Random(seed * 1000 + number)
    body = story(rng, number, paragraphs, words)
    appeal = [HEADINGS[language], APPEALS[language][number % 3], BUTTONS[language]]
    box = (f'<div class="inline-appeal"><h3>{appeal[0]}</h3><p>{appeal[1]}</p>'
           f'<a class="btn" href="/join">{appeal[2]}</a></div>')
    paras = "".join(f"<p>{p}</p>" for p in body[:3]) + box + "".join(f"<p>{p}</p>" for p in body[3:])
    url = f"https://{site}/{language}/story-{number}.html"
    html = (f'<html lang="{language}"><head><title>Story {number} on the {NOUNS[number % 16]}</title>'
            f'<link rel="canonical" href="{url}"></head><body><nav><a href="/">Home</a></nav>'
            f'<article><h1>Story {number} on the {NOUNS[number % 16]}</h1><div class="entry-content">{paras}</div>'
            '</article><aside class="sidebar"><h4>Latest</h4><ul><li><a href="/a">Ferry strike ends after talks'
            '</a></li><li><a href="/b">Museum reopens its glacier hall</a></li></ul></aside></body></html>')
    return ({"source": url, "url": url, "body": html.encode(), "content_type": "text/html"}, body, appeal)


def run(items: list[dict], store: str = ":memory:") -> dict[str, dict]:
    stages = build_stages({"NEWSINDEX_STORE_PATH": store, "NEWSINDEX_QUALITY_PATH": None})
    try:
        return {doc["url"]: doc for doc in run_batch(items, stages, lambda item, reason: pytest.fail(reason))}
    finally:
        for stage in stages:
            stage.close()


def test_a_region_with_rotating_text_is_template_and_an_article_region_never_is():
    config = TemplateConfig()
    rotating = Region(pages=6, occurrences=6, recurring=6, texts=3)  # three variants, each on two pages
    article = Region(pages=50, occurrences=250, recurring=0, texts=250)  # different on every page
    mixed = Region(pages=10, occurrences=60, recurring=10, texts=51)  # a body region with one recurring line
    assert is_template(rotating, config)
    assert not is_template(article, config) and not is_template(mixed, config)
    assert not is_template(Region(pages=2, occurrences=2, recurring=2, texts=1), config)  # two pages: too few


def test_the_learned_counts_follow_the_pages(tmp_path):
    store = SqliteTemplateStore(str(tmp_path / "t.sqlite"))
    box, body = "r-box", "r-body"
    for number in range(6):
        store.record("s", f"p{number}", [(box, f"variant{number % 3}"), (body, f"text{number}")], {})
    regions = store.regions("s", [box, body])
    assert regions[box] == Region(6, 6, 6, 3) and regions[body] == Region(6, 6, 0, 6)
    # A page recorded again is not counted twice; a changed page replaces its old blocks.
    assert not store.record("s", "p0", [(box, "variant0"), (body, "text0")], {})
    assert store.record("s", "p0", [(box, "variant9"), (body, "text0")], {})
    assert store.regions("s", [box])[box] == Region(6, 6, 4, 4)  # variant0 on one page now, variant9 too
    store.close()


def test_rotating_appeals_worded_without_any_listed_phrase_go_and_the_story_stays():
    pages = [page(n) for n in range(6)]
    docs = run([item for item, _, _ in pages])
    for item, body, appeal in pages:
        doc = docs[item["url"]]
        assert doc["paragraphs"][:len(body)] == body  # every story paragraph, in order
        for text in appeal:
            assert text not in doc["paragraphs"]
        template = [r for r in doc["removed"] if r["reason"] == "site-template"]
        assert template and all(r["signals"]["region_pages"] >= 3 for r in template)
        assert {"Ferry strike ends after talks", "Museum reopens its glacier hall"}.isdisjoint(doc["paragraphs"])


def test_a_site_in_two_languages_learns_one_template():
    pages = [page(n, "en") for n in range(4)] + [page(n, "pl") for n in range(4, 8)]
    docs = run([item for item, _, _ in pages])
    for item, body, appeal in pages:
        assert docs[item["url"]]["paragraphs"][:len(body)] == body
        assert set(appeal).isdisjoint(docs[item["url"]]["paragraphs"])


def test_pages_without_a_site_learn_no_template():
    """Files with no URL have no site: only the in-page rules and text recurrence apply."""
    pages = [page(n) for n in range(6)]
    for item, _, _ in pages:
        item.pop("url")
        item["body"] = item["body"].replace(b'<link rel="canonical"', b'<link rel="x"')
    docs = run([item for item, _, _ in pages])
    assert not any(r["reason"] == "site-template" for doc in docs.values() for r in doc["removed"])


def test_the_guard_keeps_a_short_document_whose_template_outweighs_it():
    lines = [Line("body", "a", 12), Line("box", "b", 40)]
    regions = {"box": Region(10, 10, 10, 3, "aside.appeal/p")}
    verdicts = judge(lines, regions, {}, TemplateConfig())
    assert verdicts.drops[0] is None and verdicts.drops[1][0] == "site-template"
    assert verdicts.held[0] == "" and "40 of its 52 words" in verdicts.held[1]
    assert not any(judge(lines, {"box": Region(2, 2, 2, 1)}, {}, TemplateConfig()).held)  # not template


def synthetic(number: int, story_lines: list[str], appeal: str) -> dict:
    """A document as the extract stage hands it on: lines, and their regions in the page."""
    lines = [*story_lines, appeal]
    regions = {line: "body" for line in story_lines} | {appeal: "box"}
    blocks = [["body", f"s{number}-{i}"] for i in range(len(story_lines))] + [["box", appeal]]
    return {"id": f"d{number}", "site": "paper.example", "source": f"https://paper.example/{number}",
            "title": f"Story {number}", "paragraphs": lines, "removed": [],
            "template": {"blocks": blocks, "examples": {}, "regions": regions, "boxes": {}}}


def test_a_held_document_keeps_its_template_lines_listed(tmp_path):
    # Three rotating variants, each on two pages: the region is template, no variant recurs as text alone
    # (that needs three clusters) — so only the template's guard can keep one.
    variants = [f"Journalism like this costs money, and readers like you keep it free for all who read us, {word}."
                for word in ("always", "everywhere", "today")]
    long_story = [f"Paragraph {i} of a long story with its own words and facts, told at length here." for i in range(4)]
    batch = [synthetic(n, [f"{line} ({n})" for line in long_story], variants[n % 3]) for n in range(5)]
    brief_line = "A brief of fourteen words or so, and nothing more than that in it today."
    appeal = variants[2]
    batch.append(synthetic(9, [brief_line], appeal))
    done = {d["id"]: d for d in run_batch(batch, [SiteBoilerplateStage(str(tmp_path / "s.sqlite"))],
                                          lambda item, reason: pytest.fail(reason))}
    assert variants[0] not in done["d0"]["paragraphs"]
    brief = done["d9"]
    assert appeal in brief["paragraphs"]  # more than half of its words: the guard keeps the document whole
    (held,) = [r for r in brief["removed"] if r["reason"] == "site-template"]
    total = word_count(brief_line) + word_count(appeal)
    assert f"would remove {word_count(appeal)} of its {total} words" in held["kept_anyway"] and total >= 30


def test_streamed_pages_cleaned_before_the_template_was_known_are_found_stale(tmp_path):
    """Under Scrapy each page is cleaned as it comes: the first ones keep their appeal, and the revision
    check names exactly those; cleaned again in a batch, none is stale."""
    store = str(tmp_path / "store.sqlite")
    stage = SiteBoilerplateStage(store)
    other = build_stages({"NEWSINDEX_STORE_PATH": store, "NEWSINDEX_QUALITY_PATH": None})
    before = [s for s in other if s.name in ("decode", "extract", "quality", "identity", "near-duplicates")]
    streamed = {}
    for item, _, appeal in (page(n) for n in range(6)):
        for s in before:
            item = s.process(item)
        doc = stage.process(item)
        streamed[doc["url"]] = appeal[1] in doc["paragraphs"]
    assert list(streamed.values())[:2] == [True, True] and not any(list(streamed.values())[3:])
    stage.close()
    for s in other:
        s.close()

    def stale() -> set[str]:
        checker = SiteBoilerplateStage(store)
        try:
            return {p.origin["fetched_url"] for p in checker.templates.pages("paper.example")
                    if checker.verdicts("paper.example", p.lines).digest() != p.verdict}
        finally:
            checker.close()

    assert stale() == {url for url, kept_appeal in streamed.items() if kept_appeal}
    run([item for item, _, _ in (page(n) for n in range(6))], store)
    assert stale() == set()


def test_redis_and_sqlite_learn_the_same_template(tmp_path, redis_url):
    stores = [SqliteTemplateStore(str(tmp_path / "t.sqlite")), template_store(None, redis_url)]
    for store in stores:
        for number in range(6):
            store.record("s", f"p{number}", [("box", f"v{number % 3}"), ("body", f"t{number}")],
                         {"box": ["aside/p", "example"]})
        store.record("s", "p0", [("box", "v9"), ("body", "t0")], {})
    assert stores[0].regions("s", ["box", "body"]) == stores[1].regions("s", ["box", "body"])
    assert stores[0].site_regions("s") == stores[1].site_regions("s")
    for store in stores:
        store.close()


@pytest.mark.es
def test_a_later_ingest_re_cleans_earlier_documents_in_place(es_env, es_client, tmp_path, capsys):
    """Run 1 has too few pages of the site to learn its template; run 2 teaches it, and run 1's documents are
    re-cleaned from their files in the same run: same ids, same version, nothing in history."""
    from newsindex.cli import main

    alias = es_env["NEWSINDEX_ALIAS"]
    pages = [page(n) for n in range(6)]
    for number, (item, _, _) in enumerate(pages):
        folder = tmp_path / ("first" if number < 2 else "second")
        folder.mkdir(exist_ok=True)
        (folder / f"story-{number}.html").write_bytes(item["body"])
    assert main(["ingest", str(tmp_path / "first")]) == 0
    es_client.indices.refresh(index=alias)
    early = {h["_source"]["url"]: h["_source"] for h in es_client.search(index=alias, size=20)["hits"]["hits"]}
    assert all(pages[n][2][1] in early[pages[n][0]["url"]]["text"] for n in range(2))  # template not known yet

    assert main(["ingest", str(tmp_path / "second")]) == 0
    out = capsys.readouterr().out
    assert "revised 2 documents of paper.example" in out and "2 re-cleaned in place" in out, out
    es_client.indices.refresh(index=[alias, f"{alias}-history"])
    docs = {h["_source"]["url"]: h["_source"] for h in es_client.search(index=alias, size=20)["hits"]["hits"]}
    assert len(docs) == 6
    for item, body, appeal in pages:
        doc = docs[item["url"]]
        assert all(p in doc["text"] for p in body) and not any(a in doc["text"] for a in appeal), doc["text"]
        assert doc["version"] == 1
    assert es_client.count(index=f"{alias}-history")["count"] == 0
    assert main(["ingest", str(tmp_path / "first"), str(tmp_path / "second")]) == 0  # nothing left to revise
    again = capsys.readouterr().out
    assert "unchanged 6" in again and "revised" not in again, again
