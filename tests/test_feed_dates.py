"""A feed dated with a zone name (RFC 822's "EST"), crawled into the real node: the entry inside the window is
fetched and indexed, the one outside it is never fetched (not taken for undated)."""

import os
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from helpers import ROOT

BIN = os.path.dirname(sys.executable)
EST = timezone(timedelta(hours=-5))
STORY = ("<html><head><title>{t}</title></head><body><article><h1>{t}</h1>" + "".join(
    f"<p>The river ferry between the two towns ran again on day {n}, after the flood waters went down and the "
    "landing stages were checked by engineers.</p>" for n in range(4)) + "</article></body></html>")


def _est(moment: datetime) -> str:
    return moment.astimezone(EST).strftime("%a, %d %b %Y %H:%M:%S") + " EST"


class Feed(BaseHTTPRequestHandler):
    base = ""
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:
        """Quiet."""

    def do_GET(self):  # noqa: N802
        self.hits[self.path] = self.hits.get(self.path, 0) + 1
        now = datetime.now(timezone.utc)
        if self.path == "/rss.xml":
            items = "".join(f"<item><title>{k}</title><link>{self.base}/story/{k}</link><pubDate>{_est(now - age)}"
                            "</pubDate></item>" for k, age in (("fresh", timedelta(days=1)),
                                                               ("stale", timedelta(days=10))))
            body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            kind = "application/rss+xml"
        elif self.path.startswith("/story/"):
            body, kind = STORY.format(t=f"River ferry runs again ({self.path[7:]})"), "text/html; charset=utf-8"
        elif self.path == "/robots.txt":
            body, kind = "User-agent: *\nAllow: /\n", "text/plain"
        else:
            self.send_response(404)
            self.end_headers()
            return
        data = body.encode()
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


@pytest.mark.es
def test_a_zone_name_feed_date_inside_and_outside_the_window(es_env, es_client, tmp_path, own_home):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Feed)
    Feed.base, Feed.hits = f"http://127.0.0.1:{server.server_port}", {}
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        (tmp_path / "sources.yaml").write_text(f"""sites:
  ferry:
    domains: ["127.0.0.1"]
    feeds: ["{Feed.base}/rss.xml"]
    window_days: 3
    allow: ['/story/']
    settings: {{DOWNLOAD_DELAY: 0, AUTOTHROTTLE_START_DELAY: 0.01, RETRY_TIMES: 0}}
""")
        env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(own_home),
               "NEWSINDEX_SOURCES": str(tmp_path / "sources.yaml")}
        run = subprocess.run([os.path.join(BIN, "newsindex"), "crawl", "ferry"], env=env, cwd=ROOT,
                             capture_output=True, text=True, timeout=300)
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 0, run.stdout + run.stderr[-2000:]
    assert Feed.hits.get("/story/fresh") == 1 and "/story/stale" not in Feed.hits, Feed.hits
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    hits = es_client.search(index=es_env["NEWSINDEX_ALIAS"])["hits"]["hits"]
    assert [h["_source"]["url"] for h in hits] == [f"{Feed.base}/story/fresh"]
