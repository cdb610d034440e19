"""Issue 24, the rest of item 14, against the real node: credentials inside crawled URLs are in no log line, no
stored document, no archive and no dead-letter entry (the sources file's own are used, as an Authorization
header); a re-index killed before its swap leaves an index without an alias, which `newsindex es status` names
and the next `newsindex reindex` deletes before it builds a new one. And a full disk (a tiny tmpfs) stops an
ingest with one line and exit 2; once there is room, the same command completes."""

import base64
import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from helpers import ROOT, write_articles

from pipelines.config import load_settings

pytestmark = pytest.mark.es
BIN = os.path.join(os.path.dirname(sys.executable), "newsindex")
SECRET, LEAKED = "s3cret-pass", "leaked-pass"


class ProtectedSite(BaseHTTPRequestHandler):
    """Every page wants the operator's credentials; the pages hand out links and a redirect with credentials of
    their own in the URL."""

    base = ""
    seen_auth: list[str] = []

    def log_message(self, *args) -> None:
        """Quiet."""

    def do_GET(self):  # noqa: N802 (http.server's name)
        auth = self.headers.get("Authorization", "")
        self.seen_auth.append(auth)
        if auth != "Basic " + base64.b64encode(f"crawler:{SECRET}".encode()).decode():
            return self._send(401, "text/plain", b"who are you", {"WWW-Authenticate": 'Basic realm="news"'})
        host = self.base.removeprefix("http://")
        if self.path == "/robots.txt":
            return self._send(200, "text/plain", b"User-agent: *\nAllow: /\n")
        if self.path == "/sitemap.xml":
            urls = ["/news/one", f"http://intruder:{LEAKED}@{host}/news/two", "/news/moved", "/news/missing"]
            body = ('<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                    + "".join(f"<url><loc>{u if u.startswith('http') else self.base + u}</loc></url>" for u in urls)
                    + "</urlset>")
            return self._send(200, "application/xml", body.encode())
        if self.path == "/news/moved":
            return self._send(302, "text/html", b"", {"Location": f"http://mover:{LEAKED}@{host}/news/three"})
        if self.path in ("/news/one", "/news/two", "/news/three"):
            name = self.path.rsplit("/", 1)[1]
            paragraphs = "".join(f"<p>Protected story {name}, paragraph {n}: the council met on Tuesday to discuss "
                                 f"the harbour plan and its rising costs.</p>" for n in range(3))
            return self._send(200, "text/html; charset=utf-8", (f"<html><head><title>Story {name}</title></head>"
                              f"<body><article><h1>Story {name}</h1>{paragraphs}</article></body></html>").encode())
        return self._send(404, "text/html", b"not here")

    def _send(self, status: int, kind: str, body: bytes, headers: dict | None = None):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)


def test_credentials_in_crawled_urls_are_never_logged_or_stored(es_env, es_client, tmp_path, own_home):
    server = ThreadingHTTPServer(("127.0.0.1", 0), ProtectedSite)
    host = f"127.0.0.1:{server.server_address[1]}"
    ProtectedSite.base, ProtectedSite.seen_auth = f"http://{host}", []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    (tmp_path / "sources.yaml").write_text(f"""
sites:
  protected:
    domains: ["127.0.0.1"]
    sitemaps: ["http://crawler:{SECRET}@{host}/sitemap.xml"]
    allow: ['/news/']
    settings: {{AUTOTHROTTLE_ENABLED: false, DOWNLOAD_DELAY: 0, RETRY_TIMES: 0}}
""")
    env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(own_home), "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
    try:
        run = subprocess.run([BIN, "crawl", "protected"], env=env, cwd=ROOT, capture_output=True, text=True,
                             timeout=300)
    finally:
        server.shutdown()
    assert run.returncode == 1, run.stderr[-3000:]  # /news/missing: a 404
    assert "read 4, indexed 3," in run.stdout, run.stdout + run.stderr[-3000:]  # one, two, three (moved)
    for secret in (SECRET, LEAKED):
        assert secret not in run.stdout + run.stderr
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    docs = es_client.search(index=es_env["NEWSINDEX_ALIAS"], size=10)["hits"]["hits"]
    assert {d["_source"]["url"] for d in docs} == {f"http://{host}/news/{n}" for n in ("one", "two", "three")}
    dead = (own_home / "dead-letter.jsonl").read_text()
    assert "/news/missing" in dead and all(word not in dead for word in (SECRET, LEAKED, "intruder", "mover"))
    # The archive keeps each response as the site sent it (its sitemap lists a URL with a password in it), but
    # every URL the crawl asked for, and archived under, is without credentials.
    from warcio.archiveiterator import ArchiveIterator

    (archive,) = (own_home / "archive").glob("*.warc.gz")
    with archive.open("rb") as fh:
        targets = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh)]
    assert len(targets) >= 6 and all("@" not in url for url in targets), targets
    assert all(auth.startswith("Basic ") for auth in ProtectedSite.seen_auth)  # the operator's, on every request


def test_an_index_left_by_a_killed_reindex_is_named_then_cleared(es_env, es_client, tmp_path):
    from pipelines.elastic import create_index, write_index

    write_articles(tmp_path / "in", 5)
    env = {**os.environ, **es_env}
    subprocess.run([BIN, "ingest", str(tmp_path / "in")], env=env, cwd=ROOT, check=True, capture_output=True)
    settings = load_settings()
    current = write_index(es_client, settings)
    # What a re-index killed between creating its index and the alias swap leaves: a new index, no alias.
    left = create_index(es_client, settings, aliases=False)
    status = subprocess.run([BIN, "es", "status"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert status.returncode == 0, status.stderr
    assert f"{left} (0 documents, no alias) is left by a re-index that did not finish" in status.stderr
    assert "the next `newsindex reindex` deletes it" in status.stderr
    rerun = subprocess.run([BIN, "reindex"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr[-3000:]
    assert f"deleted {left} (0 documents, no alias)" in rerun.stderr
    assert not es_client.indices.exists(index=left)
    assert es_client.indices.exists(index=current)  # the old index is kept (--keep-old is the default) ...
    status = subprocess.run([BIN, "es", "status"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "did not finish" not in status.stderr  # ... and is not taken for an unfinished one


@pytest.fixture
def tiny_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    made = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(mount)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({made.stderr.decode().strip()}): the full-disk case is not run")
    yield mount
    subprocess.run(["umount", str(mount)], check=False)


def test_a_full_disk_stops_an_ingest_with_one_line(es_env, tmp_path, tiny_disk):
    home = tiny_disk / "home"
    home.mkdir()
    (home / "node").symlink_to(os.path.join(es_env["NEWSINDEX_HOME"], "node"))
    write_articles(tmp_path / "in", 20)
    (tmp_path / "in" / "empty.txt").write_bytes(b"")  # a failure to record
    filler = tiny_disk / "filler"
    with open(filler, "wb", buffering=0) as fh:  # every block taken
        try:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
        except OSError:
            pass
    env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(home), "NEWSINDEX_STORE_PATH": str(home / "store.sqlite")}
    run = subprocess.run([BIN, "ingest", str(tmp_path / "in")], env=env, cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-3000:]
    assert run.stderr.strip().splitlines()[-1].startswith("newsindex: error: no space left"), run.stderr[-3000:]
    filler.unlink()
    again = subprocess.run([BIN, "ingest", str(tmp_path / "in")], env=env, cwd=ROOT, capture_output=True,
                           text=True, timeout=300)
    assert again.returncode == 1 and "read 21: indexed 20" in again.stdout, again.stdout + again.stderr[-3000:]


def test_a_full_disk_stops_a_crawl_with_one_line(es_env, tmp_path, tiny_disk):
    from fixture_site import FixtureSite
    from helpers import write_sources

    home = tiny_disk / "home"
    home.mkdir()
    (home / "node").symlink_to(os.path.join(es_env["NEWSINDEX_HOME"], "node"))
    filler = tiny_disk / "filler"
    with open(filler, "wb", buffering=0) as fh:  # every block taken
        try:
            while True:
                fh.write(b"\0" * 4096)
        except OSError:
            pass
    with FixtureSite() as site:
        write_sources(tmp_path / "sources.yaml", site)
        env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(home), "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml"),
               "NEWSINDEX_STORE_PATH": str(home / "store.sqlite")}
        run = subprocess.run([BIN, "crawl", "fixture"], env=env, cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr[-3000:]
        assert "no space left" in run.stderr.strip().splitlines()[-1], run.stderr[-3000:]
        filler.unlink()  # room again, and more of it (a crawl keeps its raw archive and stores on this disk)
        subprocess.run(["mount", "-o", "remount,size=16m", str(tiny_disk)], check=True)
        again = subprocess.run([BIN, "crawl", "fixture"], env=env, cwd=ROOT, capture_output=True, text=True,
                               timeout=300)
        assert again.returncode in (0, 1) and "new 0," not in again.stdout, again.stdout + again.stderr[-3000:]
