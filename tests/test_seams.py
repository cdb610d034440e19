"""Nothing lost between components: identity, the failure sink, previews, layering, and the settings
every component reads the same way under `newsindex ingest` and under Scrapy."""

import ast
import asyncio
import json
import os
from pathlib import Path

import pytest
from helpers import ROOT, SEEDS, scrapy_crawler, write_articles

from newsindex.cli import main
from newsindex.ingest import Summary, documents, replay_sources
from pipelines.config import load_settings, redact_url
from pipelines.deadletter import DeadLetter, read_entries
from pipelines.identity import canonical_url, choose_url

BODY = ["The regional council approved the new tram line on Tuesday after a debate that lasted six hours.",
        "Construction is due to start in spring, and the first trams should run within three years of that.",
        "Opponents said the budget did not account for rising steel prices and asked for an independent review."]


def page(title: str, paragraphs: list[str], canonical: str | None = None) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title>{link}</head><body><article><h1>{title}</h1>{body}</article>"
            "</body></html>")


def run_documents(tmp_path, paths, preview=False):
    settings = load_settings(home=tmp_path / "home", store_path=tmp_path / "store.sqlite", es_url=None,
                             sources=tmp_path / "none.yaml")
    summary = Summary()
    dead = DeadLetter(tmp_path / "dead.jsonl")
    docs = list(documents(settings, [str(p) for p in paths], dead, summary, preview=preview))
    return docs, summary


# --- identity ---------------------------------------------------------------------------------------------

def test_tracking_parameters_and_fragments_do_not_make_another_article():
    plain = canonical_url("https://news.example/a/story?id=7")
    for variant in ("https://news.example/a/story?utm_source=rss&id=7&utm_medium=feed",
                    "https://news.example/a/story?id=7&fbclid=abc#comments", "https://news.example/a/story?gclid=x&id=7"):
        assert canonical_url(variant) == plain
    assert canonical_url("https://news.example/a/story?id=8") != plain


def test_rel_canonical_is_honoured_only_inside_the_site():
    fetched = "https://www.news.example/2024/05/story?utm_source=rss"
    assert choose_url(fetched, "https://news.example/2024/05/story") == "https://news.example/2024/05/story"
    assert choose_url(fetched, "https://m.news.example/story") == "https://m.news.example/story"  # a subdomain
    # Another site's URL cannot be claimed: the page keeps its own.
    assert choose_url(fetched, "https://victim.example/top-story") == "https://www.news.example/2024/05/story"
    # A site that declares several domains may point across them.
    assert choose_url(fetched, "https://news-archive.example/s", ["news.example", "news-archive.example"]) == \
        "https://news-archive.example/s"


def test_canonical_collision_keeps_both_articles_and_reports_it(tmp_path):
    from crawler.sources import iter_warc_items  # noqa: F401 - the same reader ingest uses

    folder = tmp_path / "pages"
    folder.mkdir()
    claimed = "https://news.example/home"
    (folder / "a.html").write_text(page("Tram line approved", BODY, claimed))
    (folder / "b.html").write_text(page("Harbour dredging begins", [
        "Dredgers began deepening the harbour channel on Monday so that larger container ships can dock.",
        "The work is expected to take eight months and will close the northern quay for part of that time.",
        "Fishermen said they had not been consulted about the schedule and feared for the spring season."],
        claimed))
    (folder / "c.html").write_text(page("Tram line approved", BODY, claimed))  # the same article again
    docs, summary = run_documents(tmp_path, [folder])
    assert len(docs) == 2 and len({d["id"] for d in docs}) == 2
    assert {d["title"] for d in docs} == {"Tram line approved", "Harbour dredging begins"}
    assert summary.read == 3 and summary.skipped == {"duplicates (the same article again)": 1}
    assert len(summary.collisions) == 1 and "b.html" in summary.collisions[0]
    assert summary.adds_up()


def test_cross_domain_canonical_cannot_take_another_sites_id(tmp_path):
    from pipelines.decode import DecodeStage
    from pipelines.extract import ExtractStage

    item = {"source": "https://blog.example/post", "url": "https://blog.example/post", "content_type": "text/html",
            "body": page("Tram line approved", BODY, "https://victim.example/news/1").encode()}
    done = ExtractStage().process(DecodeStage().process(item))
    assert done["url"] == "https://blog.example/post" and done["site"] == "blog.example"


# --- the failure sink ---------------------------------------------------------------------------------------

def test_dead_letter_is_idempotent_and_replay_skips_a_corrupt_line(tmp_path, capsys):
    bad = tmp_path / "in" / "empty.txt"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    for _ in range(3):  # three reruns of the same failing input
        run_documents(tmp_path, [bad.parent])
    entries, warnings = read_entries(tmp_path / "dead.jsonl")
    assert [e["source"] for e in entries] == [str(bad)] and warnings == []

    with (tmp_path / "dead.jsonl").open("a") as fh:
        fh.write('{"source": "/tmp/x.html", "reason": "trunc\n')  # a line cut short by a crash
    assert replay_sources(tmp_path / "dead.jsonl").sources == [str(bad)]
    assert "dead.jsonl:2: skipped, not a dead-letter line" in capsys.readouterr().err


def test_a_file_name_that_is_not_utf8_is_indexed_and_replayable(tmp_path):
    folder = tmp_path / "names"
    folder.mkdir()
    good = os.path.join(os.fsencode(folder), b"caf\xe9-report.txt")  # latin-1 bytes in the name
    with open(good, "wb") as fh:
        fh.write("\n".join(["Tram line approved", *BODY]).encode())
    empty = os.path.join(os.fsencode(folder), b"vide-\xff.txt")
    open(empty, "wb").close()
    docs, summary = run_documents(tmp_path, [folder])
    assert len(docs) == 1 and summary.failed == 1 and summary.adds_up()
    assert docs[0]["source"].endswith("caf\\xe9-report.txt")  # printable, and valid JSON for the index
    json.dumps(docs[0], ensure_ascii=False).encode("utf-8")
    with open(empty, "wb") as fh:  # fixed: replay finds the file by its real name
        fh.write("\n".join(["Harbour dredging begins", *BODY]).encode())
    sources = replay_sources(tmp_path / "dead.jsonl").sources
    assert [os.fsencode(s) for s in sources] == [empty]
    docs, summary = run_documents(tmp_path, sources)
    assert len(docs) == 1 and summary.failed == 0


# --- previews -------------------------------------------------------------------------------------------------

def test_extract_is_a_preview_unless_asked_to_store(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    store = tmp_path / "store.sqlite"
    monkeypatch.setenv("NEWSINDEX_HOME", str(home))
    monkeypatch.setenv("NEWSINDEX_STORE_PATH", str(store))
    bad = tmp_path / "empty.txt"
    bad.write_bytes(b"")
    assert main(["extract", str(SEEDS), str(bad)]) == 1
    assert not store.exists() and not (home / "dead-letter.jsonl").exists()
    assert "read 7: extracted 5, failed 1, skipped 1" in capsys.readouterr().err
    assert main(["extract", "--store", str(SEEDS), str(bad)]) == 1
    assert store.exists() and (home / "dead-letter.jsonl").exists()


# --- layering -------------------------------------------------------------------------------------------------

def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_lower_layers_never_import_the_cli_package_nor_read_the_environment():
    for package in ("pipelines", "crawler"):
        for path in (ROOT / package).rglob("*.py"):
            imported = _imports(path)
            assert not any(n == "newsindex" or n.startswith("newsindex.") for n in imported), path
            if path.name != "config.py" or package != "pipelines":
                assert "os.environ" not in path.read_text(encoding="utf-8"), f"{path} reads the environment"


# --- every setting, the same under ingest and under Scrapy ----------------------------------------------------

SETTINGS_CASES = [
    ("NEWSINDEX_MAX_BYTES", "12345", lambda stages: stages["decode"].max_bytes, 12345),
    ("NEWSINDEX_TRAFILATURA_FALLBACK", "0", lambda stages: stages["extract"].fallback, False),
    ("NEWSINDEX_NEAR_DUP_THRESHOLD", "0.65", lambda stages: stages["near-duplicates"].config.near_dup_threshold, 0.65),
    ("NEWSINDEX_SITE_REPEAT_THRESHOLD", "7", lambda stages: stages["site-boilerplate"].config.site_repeat_threshold,
     7),
    ("NEWSINDEX_STORE_PATH", "{tmp}/custom.sqlite", lambda stages: Path(stages["near-duplicates"].store.path),
     "{tmp}/custom.sqlite"),
]


@pytest.mark.parametrize("variable, value, read, expected", SETTINGS_CASES, ids=[c[0] for c in SETTINGS_CASES])
def test_each_stage_setting_is_the_same_under_ingest_and_crawl(variable, value, read, expected, tmp_path,
                                                                monkeypatch):
    from pipelines.runner import STAGES, build_stages

    value = value.format(tmp=tmp_path)
    expected = Path(expected.format(tmp=tmp_path)) if isinstance(expected, str) else expected
    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSINDEX_STORE_PATH", str(tmp_path / "default.sqlite"))
    monkeypatch.setenv(variable, value)
    cli = {s.name: s for s in build_stages(load_settings().component_settings())}
    crawler = scrapy_crawler()
    scrapy = {s.name: s for s in (cls.from_crawler(crawler) for cls in STAGES)}
    assert read(cli) == read(scrapy) == expected


@pytest.mark.parametrize("variable, value, key, expected", [
    ("NEWSINDEX_BULK_SIZE", "17", "NEWSINDEX_BULK_SIZE", 17),
    ("NEWSINDEX_BULK_BYTES", "65536", "NEWSINDEX_BULK_BYTES", 65536),
    ("NEWSINDEX_WORKERS", "0", "NEWSINDEX_WORKERS", 0),
    ("NEWSINDEX_HOME", "{tmp}/elsewhere", "NEWSINDEX_DEAD_LETTER", "{tmp}/elsewhere/dead-letter.jsonl"),
    ("NEWSINDEX_SOURCES", "{tmp}/sites.yaml", "NEWSINDEX_SOURCES", "{tmp}/sites.yaml"),
    ("REDIS_URL", "redis://127.0.0.1:1/0", "SCHEDULER", "crawler.scheduler.LeasingScheduler"),
])
def test_each_crawl_setting_reaches_scrapy(variable, value, key, expected, tmp_path, monkeypatch):
    monkeypatch.setenv(variable, value.format(tmp=tmp_path))
    crawler = scrapy_crawler()
    expected = expected.format(tmp=tmp_path) if isinstance(expected, str) else expected
    assert crawler.settings.get(key) == expected
    assert crawler.settings.get(key) == load_settings().component_settings().get(key, expected)


def test_workers_setting_reaches_the_cpu_stages_under_scrapy(monkeypatch, tmp_path):
    from pipelines.decode import DecodeStage

    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path))
    monkeypatch.setenv("NEWSINDEX_WORKERS", "3")
    assert DecodeStage.from_crawler(scrapy_crawler()).workers == 3


def test_ingest_honours_max_bytes(tmp_path, monkeypatch):
    write_articles(tmp_path / "in", 3)
    big = tmp_path / "in" / "big.txt"
    big.write_text("\n".join(["Tram line approved", *BODY * 40]))
    settings = load_settings(home=tmp_path / "home", store_path=tmp_path / "s.sqlite", max_bytes=2000,
                             sources=tmp_path / "none.yaml")
    summary = Summary()
    docs = list(documents(settings, [str(tmp_path / "in")], None, summary))
    assert len(docs) == 3 and summary.failed == 1 and summary.adds_up()


@pytest.mark.parametrize("variable, value, read", [
    ("NEWSINDEX_ALIAS", "news-eu", lambda s: s.alias),
    ("NEWSINDEX_ES_URL", "https://search.example:9243", lambda s: s.url),
    ("NEWSINDEX_ES_API_KEY", "k3y", lambda s: s.es_api_key),
    ("NEWSINDEX_ES_USER", "indexer", lambda s: s.es_user),
    ("NEWSINDEX_ES_PASSWORD", "pw", lambda s: s.es_password),
    ("NEWSINDEX_ES_CA_CERTS", "/etc/ssl/es-ca.pem", lambda s: s.es_ca_certs),
    ("NEWSINDEX_ES_PORT", "9333", lambda s: str(s.es_port)),
    ("NEWSINDEX_CRAWL_RUN", "run-7", lambda s: s.crawl_run),
])
def test_connection_settings_reach_the_crawl_as_resolved(variable, value, read, monkeypatch, tmp_path):
    """The Elasticsearch writer under Scrapy connects with the same resolved settings object."""
    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path))
    monkeypatch.setenv(variable, value)
    assert read(scrapy_crawler().settings["NEWSINDEX"]) == read(load_settings()) == value


def test_crawl_run_names_the_shared_queue(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path))
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    monkeypatch.setenv("NEWSINDEX_CRAWL_RUN", "run-7")
    assert scrapy_crawler().settings["SCHEDULER_QUEUE_KEY"] == "%(spider)s:run-7:requests"


# --- failures under Scrapy: counted once, dead-lettered once -------------------------------------------------

def test_an_unexpected_stage_exception_under_scrapy_is_counted_and_dead_lettered(tmp_path, monkeypatch):
    from scrapy.exceptions import DropItem

    from crawler.extensions import DeadLetterExtension
    from pipelines.base import SkippedItem
    from pipelines.identity import IdentityStage
    from pipelines.language import LanguageStage

    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path))
    crawler = scrapy_crawler()
    crawler.stats = type("Stats", (), {"values": {}, "inc_value": lambda self, k: self.values.__setitem__(
        k, self.values.get(k, 0) + 1)})()
    extension = DeadLetterExtension.from_crawler(crawler)
    spider = type("Spider", (), {"logger": __import__("logging").getLogger("t")})()
    item = {"source": "https://news.example/a", "url": "https://news.example/a", "paragraphs": None}
    stage = LanguageStage()  # a CPU stage, run inline (NEWSINDEX_WORKERS=0)
    with pytest.raises(DropItem) as caught:
        asyncio.run(stage.process_item(dict(item)))  # paragraphs=None: a TypeError inside the stage
    extension.item_dropped(item, None, caught.value, spider)
    extension.item_dropped(item, None, caught.value, spider)  # the same item dropped again (a rerun)
    identity = IdentityStage()
    doc = {"id": "x", "source": "https://news.example/b", "url": "https://news.example/b", "paragraphs": ["Same."]}
    identity.process_item(dict(doc))
    with pytest.raises(SkippedItem) as skipped:
        identity.process_item({**doc, "source": "https://news.example/b?x=1"})
    extension.item_dropped(doc, None, skipped.value, spider)
    assert crawler.stats.values == {"newsindex/failed": 2, "newsindex/skipped": 1}
    entries, _ = read_entries(tmp_path / "dead-letter.jsonl")
    assert len(entries) == 1 and "language: unexpected TypeError" in entries[0]["reason"]


# --- secrets -----------------------------------------------------------------------------------------------------

def test_a_password_in_the_url_is_never_printed(monkeypatch, capsys):
    monkeypatch.setenv("NEWSINDEX_ES_URL", "http://elastic:s3cret@127.0.0.1:9")
    assert main(["search", "x"]) == 2
    err = capsys.readouterr().err
    assert "s3cret" not in err and "not reachable at http://127.0.0.1:9" in err and err.count("\n") == 1
    settings = load_settings()
    assert (settings.es_user, settings.es_password, settings.url) == ("elastic", "s3cret", "http://127.0.0.1:9")
    assert redact_url("https://u:pw@es.example:9243/x") == "https://u:***@es.example:9243/x"


def test_a_malformed_url_is_one_clear_line(monkeypatch, capsys):
    monkeypatch.setenv("NEWSINDEX_ES_URL", "http://host:notaport")
    assert main(["search", "x"]) == 2
    err = capsys.readouterr().err
    assert "is not a valid URL" in err and err.count("\n") == 1 and "Traceback" not in err


def test_the_node_gets_only_the_variables_it_needs(monkeypatch, tmp_path):
    from newsindex.node import _node_env

    monkeypatch.setenv("NEWSINDEX_ES_PASSWORD", "s3cret")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "also-secret")
    env = _node_env(load_settings(home=tmp_path))
    assert "NEWSINDEX_ES_PASSWORD" not in env and "AWS_SECRET_ACCESS_KEY" not in env
    assert {"ES_JAVA_HOME", "ES_PATH_CONF", "PATH"} <= set(env)


# --- per-site extraction rules (sources file), the same for crawls and archive ingests ----------------------

SITE_RULES_SOURCES = """
sites:
  daily:
    domains: [daily.example]
    feeds: [https://daily.example/rss]
    rules:
      drop: ["div.promo-box", "#newsletter"]
      phrases: ["Наш партнёр", "Lesen Sie auch"]
"""


def test_per_site_rules_apply_to_archive_ingests_and_crawls_alike(tmp_path, monkeypatch):
    from helpers import warc

    from pipelines.extract import ExtractStage

    sources = tmp_path / "sources.yaml"
    sources.write_text(SITE_RULES_SOURCES)
    body = ("<html><head><title>Tram line approved</title></head><body><article><h1>Tram line approved</h1>"
            + "".join(f"<p>{p}</p>" for p in BODY)
            + "<div class='promo-box'><p>Win a weekend in Vienna with our partner airline this month only.</p></div>"
            + "<p>Наш партнёр — сеть кофеен «Зерно» — дарит читателям скидку до конца месяца.</p>"
            + "<p id='newsletter'>Every morning at seven, the day's stories in your inbox.</p>"
            + "</article></body></html>")
    archive = tmp_path / "in" / "daily.warc.gz"
    archive.parent.mkdir()
    archive.write_bytes(warc([("https://daily.example/2024/05/tram", body), ("https://other.example/x", body)]))
    settings = load_settings(home=tmp_path / "home", store_path=tmp_path / "s.sqlite", sources=sources)
    docs = {d["url"]: d for d in documents(settings, [str(archive)], None, Summary(), preview=True)}
    daily, other = docs["https://daily.example/2024/05/tram"], docs["https://other.example/x"]
    assert daily["paragraphs"] == BODY
    assert {r["rule"] for r in daily["removed"] if r["reason"] == "site-rule"} == {
        "div.promo-box", "#newsletter", "Наш партнёр"}
    # another site's pages keep theirs: no site rule fires there (its promo box and newsletter line may still go
    # by the generic page signals — a furniture container and off-topic — never as a site rule)
    assert not [r for r in other["removed"] if r["reason"] == "site-rule"]
    assert any("Наш партнёр" in p for p in other["paragraphs"])
    assert {r["reason"] for r in other["removed"] if "Vienna" in r["text"]} <= {"furniture-container"}

    monkeypatch.setenv("NEWSINDEX_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("NEWSINDEX_SOURCES", str(sources))
    from crawler.sites import extraction_rules
    from newsindex.ingest import _declared_sites

    crawl_stage = ExtractStage.from_crawler(scrapy_crawler())
    assert crawl_stage.site_rules == extraction_rules(_declared_sites(settings)) == {
        "daily.example": {"drop": ["div.promo-box", "#newsletter"], "phrases": ["Наш партнёр", "Lesen Sie auch"],
                          "thresholds": {}}}


def test_a_bad_selector_in_the_sources_file_is_one_clear_error(tmp_path):
    from crawler.sites import load_sites
    from pipelines.errors import NewsindexError

    sources = tmp_path / "sources.yaml"
    sources.write_text(SITE_RULES_SOURCES.replace('"#newsletter"', '"div[["'))
    with pytest.raises(NewsindexError, match="is not a CSS selector"):
        load_sites(sources)
