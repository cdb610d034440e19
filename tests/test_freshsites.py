"""Fresh news sites written blind (bench/freshsites), crawled from scratch into the real node: every story block
kept and every appeal, newsletter and latest block gone on every article page, in every language of the site —
after the first crawl (pages cleaned before the template was known are revised in the same run), after a
re-crawl, after `reindex --from sources`, and with the sitemap in another order; and `ingest` of the crawl's
archive giving the same documents as the crawl. Two of the tuned sites (bench/freshsites.TUNED): the held-out
ones are measured by `make eval` (bench/eval_freshsites.py), never asserted on, so nobody tunes to them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ROOT

sys.path.insert(0, str(ROOT / "bench"))
import freshsites  # noqa: E402

BIN = os.path.dirname(sys.executable)
# Furniture that must be gone on every page: the template's boxes. (The scorer lists every kind left.)
MUST_GO = ("appeal-heading", "appeal", "appeal-button", "newsletter", "latest")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("freshsites")
    freshsites.build(out)
    return out


def write_sources(path: Path, name: str, base: str, truth: dict) -> None:
    path.write_text(f"""
sites:
  {name}:
    domains: ["127.0.0.1"]
    sitemaps: ["{base}{truth['sitemap']}"]
    window_days: 100000
    allow: ['{truth['article_url_regex'].lstrip('^')}']
    settings:
      AUTOTHROTTLE_ENABLED: false
      DOWNLOAD_DELAY: 0
      CONCURRENT_REQUESTS_PER_DOMAIN: 8
""")


def run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([os.path.join(BIN, "newsindex"), *args], env={**os.environ, **env}, cwd=ROOT,
                          capture_output=True, text=True, timeout=600)


def indexed(es_client, alias: str, base: str) -> dict[str, dict]:
    es_client.indices.refresh(index=alias)
    hits = es_client.search(index=alias, size=1000, query={"match_all": {}})["hits"]["hits"]
    return {h["_source"]["url"][len(base):]: {**h["_source"], "id": h["_id"]} for h in hits
            if h["_source"]["url"].startswith(base)}


def assert_clean(site_dir: Path, base: str, docs: dict[str, dict], when: str, whole_story: bool) -> None:
    """Every template box gone; no story block removed by a rule; with ``whole_story``, every story block kept
    (on c-litoral trafilatura leaves out a gallery's captions after the article's last line: not a rule's doing)."""
    score = freshsites.score_site(site_dir, base, docs)
    assert score.pages == len(docs), f"{when}: {len(docs)} documents for {score.pages} article pages"
    assert score.lost_by_rules == 0, f"{when}: story removed by a rule: {[x for x in score.lost if 'rule' in x]}"
    if whole_story:
        assert score.story_kept == score.story, f"{when}: story lost: {score.lost[:5]}"
    left = {kind: n for kind, n in score.left.items() if kind in MUST_GO}
    assert not left, f"{when}: template furniture left {left}: {score.stayed[:6]}"


def reverse_sitemap(site_dir: Path, truth: dict) -> None:
    sitemap = site_dir / truth["sitemap"].lstrip("/")
    text = sitemap.read_text(encoding="utf-8")
    head, _, rest = text.partition("<url>")
    entries = ["<url>" + e for e in rest.split("<url>")]
    tail = entries[-1].split("</urlset>")
    entries[-1] = tail[0]
    sitemap.write_text(head + "".join(reversed(entries)) + "</urlset>" + tail[1], encoding="utf-8")


@pytest.mark.es
@pytest.mark.parametrize(("name", "whole_story"), [("a-kurier", True), ("c-litoral", False)])
def test_a_fresh_site_crawled_from_scratch_loses_its_template_and_keeps_its_story(
        built, name, whole_story, es_env, es_client, tmp_path):
    assert name in freshsites.TUNED
    site_dir = built / name
    truth = freshsites.gold(site_dir)
    assert not (truth["sitemap"].endswith("index.xml")), "the order test below rewrites a plain urlset"
    server, base = freshsites.serve(site_dir)
    home = tmp_path / "home"
    home.mkdir()
    (home / "node").symlink_to(os.path.join(es_env["NEWSINDEX_HOME"], "node"))
    env = {**es_env, "NEWSINDEX_HOME": str(home), "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
    write_sources(tmp_path / "sources.yaml", name, base, truth)
    alias = es_env["NEWSINDEX_ALIAS"]
    try:
        first = run(["crawl", name], env)
        assert first.returncode == 0, first.stdout + first.stderr[-3000:]
        assert "revised" in first.stdout, first.stdout  # the first pages came before the template was known
        docs = indexed(es_client, alias, base)
        assert_clean(site_dir, base, docs, "first crawl", whole_story)
        assert {d["version"] for d in docs.values()} == {1}  # a revision is not a new version
        languages = {d["language"] for d in docs.values()}
        assert languages >= set(truth["languages"]), languages

        again = run(["crawl", name], env)
        assert again.returncode == 0, again.stderr[-3000:]
        assert_clean(site_dir, base, indexed(es_client, alias, base), "re-crawl", whole_story)

        rebuilt = run(["reindex", "--from", "sources"], env)
        assert rebuilt.returncode == 0, rebuilt.stderr[-3000:]
        after = indexed(es_client, alias, base)
        assert_clean(site_dir, base, after, "reindex --from sources", whole_story)
        assert {d["id"] for d in after.values()} == {d["id"] for d in docs.values()}

        # The crawl's archive through `ingest` (a fresh store and index): the same documents as the crawl.
        archive = sorted((home / "archive").glob(f"{name}-*.warc.gz"))[0]
        ingested_env = {**env, "NEWSINDEX_ALIAS": alias + "-ingest", "NEWSINDEX_STORE_PATH": str(tmp_path / "i.db")}
        ingest = run(["ingest", str(archive)], ingested_env)
        assert ingest.returncode == 0, ingest.stderr[-3000:]
        ingested = indexed(es_client, alias + "-ingest", base)
        assert {p: d["text"] for p, d in ingested.items()} == {p: d["text"] for p, d in docs.items()}

        # Another order of arrival, from scratch (a fresh store, home and index): the same documents.
        reverse_sitemap(site_dir, truth)
        home2 = tmp_path / "home2"
        home2.mkdir()
        (home2 / "node").symlink_to(os.path.join(es_env["NEWSINDEX_HOME"], "node"))
        other = {**env, "NEWSINDEX_HOME": str(home2), "NEWSINDEX_ALIAS": alias + "-rev",
                 "NEWSINDEX_STORE_PATH": str(tmp_path / "rev.db")}
        reversed_run = run(["crawl", name], other)
        assert reversed_run.returncode == 0, reversed_run.stderr[-3000:]
        reordered = indexed(es_client, alias + "-rev", base)
        assert {p: d["text"] for p, d in reordered.items()} == {p: d["text"] for p, d in docs.items()}
    finally:
        server.shutdown()
