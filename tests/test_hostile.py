"""A hostile corpus against the real node: every kind of bad input, 0 crashes, an account that adds up
exactly, every good article indexed, every failure replayable; and one huge document among many."""

import gzip
import os
import random
import re
import subprocess

import pytest
from helpers import BIN, ROOT, warc, write_articles

from pipelines.config import load_settings
from pipelines.index import bulk_index

pytestmark = [pytest.mark.es, pytest.mark.slow]

STORY = ["The regional council approved the new tram line on Tuesday after a debate that lasted six hours.",
         "Construction is due to start in spring, and the first trams should run within three years of that.",
         "Opponents said the budget did not account for rising steel prices and asked for an independent review."]


def html(title: str, paragraphs: list[str], meta: str = "") -> str:
    return (f"<html><head>{meta}<title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{p}</p>" for p in paragraphs) + "</article></body></html>")


def story(n: int, topic: str) -> list[str]:
    return [f"Report {n} on the {topic}: " + s for s in STORY]


def build_corpus(root):
    """≥ 1,000 entries. Returns (good titles that must be indexed, expected failures, expected skips)."""
    good: set[str] = set()
    for path in write_articles(root / "good", 500, seed=3):
        good.add(path.read_text().splitlines()[0])
    odd = root / "odd"
    odd.mkdir()
    failures = skips = 0
    for i in range(60):  # good articles in awkward encodings and with awkward names: all must be indexed
        title = f"Encoded story {i}"
        text = "\n".join([title, *story(i, "encodings")])
        kind = i % 6
        if kind == 0:
            (odd / f"utf16-{i}.txt").write_bytes(text.encode("utf-16"))
        elif kind == 1:
            (odd / f"utf32-{i}.txt").write_bytes(text.encode("utf-32"))
        elif kind == 2:  # UTF-8 page that declares windows-1251
            (odd / f"mislabelled-{i}.html").write_bytes(
                html(title, [p + " Привет из Москвы." for p in story(i, "labels")], '<meta charset="windows-1251">'
                     ).encode())
        elif kind == 3:
            (odd / f"gz-{i}.html.gz").write_bytes(gzip.compress(html(title, story(i, "archives")).encode()))
        elif kind == 4:
            with open(os.path.join(os.fsencode(odd), f"name-\xe9-{i}.txt".encode("latin-1")), "wb") as fh:
                fh.write(text.encode())
        else:  # deep nesting around a real article
            (odd / f"nested-{i}.html").write_text("<html><body>" + "<div>" * 3000 + html(title, story(i, "nesting"))
                                                  + "</div>" * 3000 + "</body></html>")
        good.add(title)
    bad = root / "bad"
    bad.mkdir()
    for i in range(80):  # inputs that must fail, each with a reason
        kind = i % 8
        if kind == 0:
            (bad / f"empty-{i}.txt").write_bytes(b"")
        elif kind == 1:
            (bad / f"binary-{i}.html").write_bytes(bytes(range(256)) * 40)
        elif kind == 2:
            (bad / f"nul-{i}.txt").write_bytes(b"Title\x00\x00\x00" * 500)
        elif kind == 3:
            (bad / f"notgzip-{i}.html.gz").write_bytes(b"plainly not gzip")
        elif kind == 4:
            (bad / f"nav-{i}.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
        elif kind == 5:  # a gzip bomb: 70 MB of zeros in a few KB
            (bad / f"bomb-{i}.html.gz").write_bytes(gzip.compress(b"\x00" * 70_000_000, compresslevel=9))
        elif kind == 6:
            (bad / f"garbled-{i}.warc").write_bytes(random.Random(i).randbytes(4000))
        else:
            (bad / f"truncated-{i}.html.gz").write_bytes(gzip.compress(html("Cut", story(i, "cuts")).encode())[:40])
        failures += 1
    (bad / "huge.html").write_bytes(b"<html><body>" + b"<p>word word word</p>" * 2_700_000 + b"</body></html>")  # 50 MB
    failures += 1
    links = root / "links"
    links.mkdir()
    (links / "loop").symlink_to(links)  # a symlink loop: skipped, the walk ends
    skips += 1
    (links / "dangling.html").symlink_to(root / "nowhere.html")
    failures += 1
    os.mkfifo(links / "pipe.html")  # a FIFO must never be opened (it would block the run)
    skips += 1
    for i in range(300):  # not article files
        (links / f"photo-{i}.jpg").write_bytes(b"\xff\xd8\xff")
        skips += 1
    archives = root / "archives"
    archives.mkdir()
    records = []
    for i in range(50):
        title = f"Archived story {i}"
        records.append((f"https://archive.example/news/{i}", html(title, story(i, "archive"))))
        good.add(title)
    (archives / "good.warc.gz").write_bytes(warc(records))
    kept = ("https://archive.example/news/x1", html("Kept 1", story(1, "x")))
    (archives / "no-uri.warc.gz").write_bytes(warc([(None, html("x", STORY)), kept]))
    good.add("Kept 1")
    failures += 1
    (archives / "empty.warc.gz").write_bytes(b"")
    skips += 1
    full = warc([(f"https://archive.example/t/{i}", html(f"Trunc {i}", story(i, "trunc"))) for i in range(4)], gz=False)
    (archives / "truncated.warc").write_bytes(full[: len(full) * 2 // 3])
    good.update({"Trunc 0", "Trunc 1"})
    failures += 1
    return good, failures, skips


def account(line: str) -> dict[str, int]:
    match = re.search(r"read (\d+): indexed (\d+) .*unchanged (\d+), failed (\d+), skipped (\d+)", line)
    assert match, line
    return dict(zip(("read", "indexed", "unchanged", "failed", "skipped"), map(int, match.groups()), strict=True))


def test_hostile_corpus(es_env, es_client, tmp_path, own_home):
    corpus = tmp_path / "corpus"
    good, failures, skips = build_corpus(corpus)
    home = own_home  # a dead-letter file of this test's own
    env = {**os.environ, **es_env, "NEWSINDEX_HOME": str(home)}
    run = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", str(corpus)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=600)
    (tmp_path / "stderr.txt").write_text(run.stderr)
    assert run.returncode == 1, run.stderr[-3000:]  # some inputs failed; none stopped the run
    assert "Traceback" not in run.stderr
    counts = account(run.stdout)
    assert counts["read"] >= 1000
    assert counts["read"] == counts["indexed"] + counts["unchanged"] + counts["failed"] + counts["skipped"]
    assert counts["failed"] == failures and counts["skipped"] == skips, run.stdout
    assert counts["indexed"] == len(good)
    es_client.indices.refresh(index=es_env["NEWSINDEX_ALIAS"])
    titles = {h["_source"]["title"] for h in es_client.search(index=es_env["NEWSINDEX_ALIAS"], size=10_000,
                                                               source=["title"])["hits"]["hits"]}
    assert good <= titles
    mislabelled = es_client.search(index=es_env["NEWSINDEX_ALIAS"],
                                   query={"match_phrase": {"text": "Привет из Москвы"}})
    assert mislabelled["hits"]["total"]["value"] == 10  # decoded as UTF-8, not as windows-1251 mojibake
    failure_lines = [line for line in run.stderr.splitlines() if line.startswith("newsindex: ")]
    assert len(failure_lines) == failures and all(line.count(": ") >= 2 for line in failure_lines)

    # Every failure is replayable: the replay reads exactly the failed inputs (file by file) and fails them again.
    dead = home / "dead-letter.jsonl"
    replay = subprocess.run([os.path.join(BIN, "newsindex"), "ingest", "--replay", str(dead)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=600)
    again = account(replay.stdout)
    assert again["indexed"] == 0 and again["read"] == again["failed"] + again["unchanged"] + again["skipped"]
    # Every failure fails again, once; a WARC record failure replays its whole archive, whose good records
    # (one in no-uri.warc.gz, two in truncated.warc) are unchanged.
    assert again["failed"] == failures and again["unchanged"] == 3 and again["skipped"] == 0


def test_one_oversized_document_among_500_fails_alone(es_settings, es_env, es_client):
    """A node with a smaller ``http.max_content_length`` (the relay answers its 413 for requests over 1 MB):
    the 2 MB document fails on its own with its size, the 499 others land."""
    from relay import StatusRelay

    from pipelines.elastic import connect, read_password, setup

    settings = load_settings()
    index = setup(es_client, settings)
    docs = [{"id": f"doc-{i}", "title": f"Story {i}", "text": " ".join(STORY), "paragraphs": STORY,
             "content_hash": f"h{i}"} for i in range(500)]
    docs[250]["text"] = "word " * 400_000  # 2 MB, over the limit below on its own
    failed = []
    relay = StatusRelay(es_settings.es_port, lambda line, body: 413 if " /_bulk" in line and len(body) > 1_000_000
                        else None)
    try:
        limited = connect(load_settings(es_url=relay.url, es_password=read_password(es_settings)))
        stats = bulk_index(limited, index, docs, lambda doc, reason: failed.append((doc["id"], reason)),
                           chunk_size=500, chunk_bytes=100 * 1024 * 1024)
    finally:
        relay.close()
    assert 413 in relay.answered
    assert [f[0] for f in failed] == ["doc-250"] and "refused a 2.0 MB document on its own" in failed[0][1]
    assert stats.indexed == 499
    es_client.indices.refresh(index=index)
    assert es_client.count(index=settings.alias)["count"] == 499


def test_a_12_mb_page_does_not_sink_its_batch(es_env, es_client):
    """The issue's case: a 12.6 MB page in a 500-document bulk. The test node (512 MB heap) cannot take that
    page at all (its indexing-pressure limit is ~54 MB of operation bytes), so it fails alone, at once,
    with the node's reason; the other 499 land."""
    settings = load_settings()
    from pipelines.elastic import setup

    index = setup(es_client, settings)
    docs = [{"id": f"doc-{i}", "title": f"Story {i}", "text": " ".join(STORY), "content_hash": f"h{i}"}
            for i in range(500)]
    docs[10]["text"] = "Longform archive text. " * 550_000  # ~12.6 MB
    failed = []
    stats = bulk_index(es_client, index, docs, lambda doc, reason: failed.append((doc["id"], reason)))
    assert stats.indexed == 499 and [f[0] for f in failed] == ["doc-10"]
    assert "max_primary_bytes" in failed[0][1]
    es_client.indices.refresh(index=index)
    assert es_client.count(index=settings.alias)["count"] == 499
