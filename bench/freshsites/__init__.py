"""Fresh news sites to measure boilerplate removal on sites nobody wrote a rule for.

``sites_a`` to ``sites_d`` were each written blind by a helper from a description alone
(publications, CMS layouts, languages, rotating appeals, newsletter/latest/related boxes, galleries, partner
copies), without reading the cleaning rules. The sites in ``TUNED`` are the tuned set: their failures were
looked at (the ``b-`` and ``c-`` sites were held out at first; once looked at, they joined the tuned set).
Every other site is *held out*: nobody tunes on it, so its figures are the evidence. Both are reported.

Each site folder has its pages at their URL paths, robots.txt, a sitemap, a feed and ``site.json`` (the gold:
per article page its story blocks and every furniture block). Absolute URLs are written as ``__BASE__``; the
server puts its own address in their place.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from pipelines.textmeta import normalise

TUNED = frozenset({"a-kurier", "a-tribune", "b-observador", "b-nordposten", "c-ponte", "c-litoral"})
PLACEHOLDER = b"__BASE__"


def build(out: Path) -> list[str]:
    """Every fresh site under ``out``; their names."""
    from . import sites_a, sites_b, sites_c, sites_d

    out.mkdir(parents=True, exist_ok=True)
    return sites_a.build(out) + sites_b.build(out) + sites_c.build(out) + sites_d.build(out)


def page_file(site_dir: Path, path: str) -> Path:
    """The file of a URL path (a folder's ``index.html`` for a path without a file name)."""
    file = site_dir / path.lstrip("/")
    return file / "index.html" if file.is_dir() else file


def held_out(name: str) -> bool:
    return name not in TUNED


def gold(site_dir: Path) -> dict:
    return json.loads((site_dir / "site.json").read_text(encoding="utf-8"))


class _Handler(SimpleHTTPRequestHandler):
    base = b""

    def log_message(self, *args) -> None:
        """Quiet."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file():
            self.send_error(404)
            return None
        body = path.read_bytes().replace(PLACEHOLDER, self.base)
        kind = {".xml": "application/xml", ".txt": "text/plain", ".json": "application/json"}.get(
            path.suffix, "text/html; charset=utf-8")
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO

        return BytesIO(body)


def serve(site_dir: Path) -> tuple[ThreadingHTTPServer, str]:
    """Serve one site on 127.0.0.1 (a free port) in a thread; (server, base URL). ``server.shutdown()`` ends it."""
    handler = type("Handler", (_Handler,), {})
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(site_dir)))
    handler.base = f"http://127.0.0.1:{server.server_address[1]}".encode()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, handler.base.decode()


def raw_items(site_dir: Path, base: str, order: list[str] | None = None) -> list[dict]:
    """The site's article pages as the crawler hands them on (URL, body), in ``order`` (default: the gold's)."""
    pages = gold(site_dir)["pages"]
    items = []
    for path in order or list(pages):
        body = page_file(site_dir, path).read_bytes().replace(PLACEHOLDER, base.encode())
        url = base + path
        items.append({"source": url, "url": url, "body": body, "content_type": "text/html"})
    return items


def _caption_texts(page: Path) -> str:
    """The words of the page's figure captions, each padded, for a containment test."""
    from lxml import html

    tree = html.fromstring(page.read_bytes())
    return " | ".join(f" {normalise(c.text_content())} " for c in tree.iter("figcaption"))


@dataclass
class SiteScore:
    """Per site: story blocks kept and furniture blocks gone, with the first misses of each kind. The photo
    captions of article pages are counted apart (``captions``): newsindex leaves them out as trafilatura does
    (AEB's golds do too); a gallery's captions are its story and count as story."""

    site: str
    pages: int = 0
    story: int = 0
    story_kept: int = 0
    captions: int = 0
    captions_kept: int = 0
    lost_by_rules: int = 0  # story blocks our rules removed (in ``removed``); the rest trafilatura left out
    furniture: int = 0
    furniture_gone: int = 0
    left: dict[str, int] = field(default_factory=dict)  # furniture kind → blocks left in the text
    lost: list[str] = field(default_factory=list)
    stayed: list[str] = field(default_factory=list)
    pages_clean: int = 0  # pages with every story block and no furniture block

    def as_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k not in ("lost", "stayed")} | {
            "lost": self.lost[:10], "stayed": self.stayed[:10]}


def _present(block: str, paragraphs: list[str], others: frozenset[str] = frozenset()) -> bool:
    """A block is in the document when a paragraph is it, or (five words or more) a paragraph holds it — one
    that is not itself another furniture block of the page ("Read also: <headline>" holds a latest item's
    headline: that is the related line left, not the latest item)."""
    key = normalise(block)
    if not key:
        return False
    keys = [normalise(p) for p in paragraphs]
    if key in keys:
        return True
    return len(key.split()) >= 5 and any(f" {key} " in f" {k} " for k in keys if k not in others)


def score_site(site_dir: Path, base: str, docs_by_path: dict[str, dict]) -> SiteScore:
    """Compare the documents (by URL path) with the gold."""
    truth = gold(site_dir)
    score = SiteScore(truth["name"])
    for path, page in truth["pages"].items():
        score.pages += 1
        doc = docs_by_path.get(path) or {"paragraphs": []}
        paragraphs = doc["paragraphs"]
        furniture = frozenset(normalise(entry["text"]) for entry in page["boilerplate"])
        clean = True
        in_captions = _caption_texts(page_file(site_dir, path)) if page["kind"] != "gallery" else ""
        for block in page["story"]:
            kept = _present(block, paragraphs)
            if in_captions and f" {normalise(block)} " in in_captions:
                score.captions += 1
                score.captions_kept += kept
                continue
            score.story += 1
            if kept:
                score.story_kept += 1
            else:
                clean = False
                ours = _present(block, [r["text"] for r in doc.get("removed") or [] if not r.get("kept_anyway")])
                score.lost_by_rules += ours
                score.lost.append(f"{path}{' (removed by a rule)' if ours else ''}: {block[:90]}")
        for entry in page["boilerplate"]:
            score.furniture += 1
            if _present(entry["text"], paragraphs, furniture - {normalise(entry["text"])}):
                clean = False
                score.left[entry["kind"]] = score.left.get(entry["kind"], 0) + 1
                score.stayed.append(f"{path} [{entry['kind']}]: {entry['text'][:90]}")
            else:
                score.furniture_gone += 1
        score.pages_clean += clean
    return score
