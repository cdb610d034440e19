"""Identity against the real node: the page whose own URL is its canonical (the original) owns the id whichever
arrives first; a copy carrying rel=canonical to it never displaces it, and when the original comes after its
copy, the copy moves to an id of its own URL, in the same story. Original-first and copy-first crawls of a
loopback site pair end with the same documents and ids, and `reindex --from sources` and `--from index` keep
exactly the set of ids on an index of files and crawled pages."""

import json
import os
import subprocess
import sys
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from helpers import ROOT, write_articles

from pipelines.identity import canonical_url, document_id

pytestmark = pytest.mark.es
BIN = os.path.dirname(sys.executable)

PARAGRAPHS = [
    "The regional transport authority approved a new ferry link between the two harbours on Tuesday evening.",
    "Boats will sail every hour from the first of June, and tickets will cost the same as the bus fare today.",
    "The operator said it had ordered three electric vessels, the first of which is being tested in the fjord.",
    "Residents of the islands had campaigned for a faster connection for years, citing long waits in winter.",
    "The council expects about four thousand passengers a day once the timetable is running at full strength.",
]
NOTE = "This article first appeared on our partner's site."


class PairSite:
    """The original on 127.0.0.1 and a partner's copy on localhost (one declared site with both domains), the
    copy carrying rel=canonical to the original; the feed lists the pages the test says."""

    def __init__(self) -> None:
        self.listed: list[str] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                status, kind, body = site.route(self.path)
                data = body.encode()
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        self.original = f"http://127.0.0.1:{self.port}/news/ferry-link"
        self.copy = f"http://localhost:{self.port}/news/partner/ferry-link"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def page(self, note: bool) -> str:
        body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS + ([NOTE] if note else []))
        author = "Partner Desk" if note else "Ingrid Solberg"
        return (f'<html lang="en"><head><title>Ferry link approved</title><link rel="canonical" '
                f'href="{self.original}"><meta name="author" content="{author}"></head><body><article>'
                f"<h1>Ferry link approved</h1>{body}</article></body></html>")

    def route(self, path: str) -> tuple[int, str, str]:
        if path == "/robots.txt":
            return 200, "text/plain", "User-agent: *\nAllow: /\n"
        if path == "/rss.xml":
            now = datetime.now(timezone.utc).strftime("%a, %d %b %Y %H:%M:%S +0000")
            items = "".join(f"<item><title>x</title><link>{u}</link><pubDate>{now}</pubDate></item>"
                            for u in self.listed)
            feed = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            return 200, "application/rss+xml", feed
        if path == "/news/ferry-link":
            return 200, "text/html; charset=utf-8", self.page(note=False)
        if path == "/news/partner/ferry-link":
            return 200, "text/html; charset=utf-8", self.page(note=True)
        return 404, "text/html", "<h1>Not found</h1>"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def crawl_in_order(env: dict, client, tmp_path, order: list[str], name: str) -> dict:
    """One crawl per page, in ``order``, into a fresh alias; the documents left, by id."""
    site = PairSite()
    sources = tmp_path / f"{name}.yaml"
    sources.write_text(f"""
sites:
  pair:
    domains: ["127.0.0.1", "localhost"]
    feeds: ["http://127.0.0.1:{site.port}/rss.xml"]
    window_days: 30
    allow: ['/news/']
    settings: {{DOWNLOAD_DELAY: 0, AUTOTHROTTLE_START_DELAY: 0.01, RETRY_TIMES: 0}}
""")
    home = tmp_path / f"home-{name}"  # its own archive and dead-letter file; the node through a link
    home.mkdir()
    (home / "node").symlink_to(os.path.join(env["NEWSINDEX_HOME"], "node"))
    run_env = {**os.environ, **env, "NEWSINDEX_SOURCES": str(sources), "NEWSINDEX_HOME": str(home),
               "NEWSINDEX_ALIAS": f"{env['NEWSINDEX_ALIAS']}{name}",
               "NEWSINDEX_STORE_PATH": str(tmp_path / f"{name}.sqlite")}
    ledgers = []
    try:
        for step, which in enumerate(order):
            site.listed = [site.original if which == "original" else site.copy]
            ledger = tmp_path / f"{name}-{step}.jsonl"
            proc = subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "pair", "--ledger", str(ledger)],
                                  env=run_env, cwd=ROOT, capture_output=True, text=True, timeout=300)
            assert proc.returncode == 0, proc.stderr[-2000:]
            ledgers.append([json.loads(line) for line in ledger.read_text().splitlines()])
    finally:
        site.close()
    alias = run_env["NEWSINDEX_ALIAS"]
    client.indices.refresh(index=alias)
    hits = client.search(index=alias, size=100, source=["url", "source", "author", "cluster_id", "original"])
    docs = {h["_id"]: h["_source"] for h in hits["hits"]["hits"]}
    return {"docs": docs, "site": site, "env": run_env, "client": client, "alias": alias, "ledgers": ledgers}


def shape(run: dict) -> dict:
    """The documents by the URL their id is made of, with the port taken out (each run has its own server)."""
    port, site = str(run["site"].port), run["site"]
    names = {document_id(canonical_url(url), url): url.replace(port, "PORT") for url in (site.original, site.copy)}
    return {names.get(doc_id, doc_id): {k: (v.replace(port, "PORT") if isinstance(v, str) else v)
                                        for k, v in doc.items() if k != "cluster_id"}
            for doc_id, doc in run["docs"].items()}


def test_original_first_and_copy_first_crawls_end_with_the_same_documents_and_ids(es_env, es_client, tmp_path):
    first = crawl_in_order(es_env, es_client, tmp_path, ["original", "copy"], "o")
    second = crawl_in_order(es_env, es_client, tmp_path, ["copy", "original"], "c")
    for run in (first, second):
        site, docs = run["site"], run["docs"]
        original_id = document_id(canonical_url(site.original), site.original)
        copy_id = document_id(canonical_url(site.copy), site.copy)
        assert set(docs) == {original_id, copy_id}
        assert docs[original_id]["source"] == site.original and docs[original_id]["author"] == ["Ingrid Solberg"]
        assert docs[original_id]["original"] is True and docs[copy_id]["original"] is False
        assert docs[copy_id]["url"] == canonical_url(site.copy)
        assert docs[original_id]["cluster_id"] == docs[copy_id]["cluster_id"]  # one story
    assert shape(first) == shape(second)
    # The ledger names each input's fate under the id it ended with: the copy crawled after its original is
    # indexed under its own URL's id, not reported missing under its canonical's.
    copy_id = document_id(canonical_url(first["site"].copy), first["site"].copy)
    fates = {(e["input"], e["fate"], e.get("id")) for e in first["ledgers"][1]}
    assert (first["site"].copy, "indexed", copy_id) in fates, first["ledgers"]
    # The collapsed hit is the original, listing its copy with its site.
    proc = subprocess.run([os.path.join(BIN, "newsindex"), "search", "ferry", "--json"], env=second["env"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    hits = json.loads(proc.stdout)["hits"]
    assert len(hits) == 1 and hits[0]["url"] == canonical_url(second["site"].original)
    assert [c["site"] for c in hits[0]["copy_list"]] == ["localhost"]

    # Re-indexing keeps exactly the set of ids, on an index of crawled pages and files.
    write_articles(tmp_path / "files", 5)
    proc = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", str(tmp_path / "files")], env=second["env"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    client, alias = second["client"], second["alias"]

    def ids() -> set[str]:
        client.indices.refresh(index=alias)
        return {h["_id"] for h in client.search(index=alias, size=100, source=False)["hits"]["hits"]}

    before = ids()
    assert len(before) == 7
    for source in ("sources", "index"):
        proc = subprocess.run([os.path.join(BIN, "newsindex"), "reindex", "--from", source], env=second["env"],
                              cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr[-2000:]
        assert ids() == before, source
